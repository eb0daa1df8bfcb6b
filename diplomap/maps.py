"""The map of one Analysis: every country's shape, involved ones coloured, ties as arcs.

`ties_map` builds it as plain data (a MapSpec: layers and a view), which the static SVG map
of the Overview draws without pydeck; `ties_deck` turns the same spec into a pydeck Deck for
the interactive map, importing pydeck only then. Layers, in drawing order, with ids that stay
fixed because Streamlit keys its `on_select` state by layer id:

* COUNTRY_LAYER_ID, a pickable GeoJsonLayer of every country in light grey (the map reads with
  no basemap tiles at all); involved countries are filled by camp, or, with a focus country,
  by their net score toward it on the diverging net-score ramp. It has no outlines: the
  outline shader is the costliest one deck.gl compiles, seconds in a browser without a GPU.
* BORDER_LAYER_ID, the land borders of the involved countries as straight white lines
  ({"a": [lon, lat], "b": [lon, lat]} each), drawn by an ArcLayer so that they cost no shader
  of their own; the rest of the world reads as one grey landmass.
* TIE_LAYER_ID, one row per pair and family, coloured by family and as wide as its evidence;
  a pair with both families gets two curves bent apart. `to_deck` draws each as a flat curve
  of straight strokes in an ArcLayer (`tie_strokes`), the static map's curve: conflict is cut
  into dashes, as in the legend, so the families differ by more than colour, and at no cost
  of a new shader (deck.gl's dashes need a PathLayer, compiled for seconds without a GPU).
* LABEL_LAYER_ID, a TextLayer of the involved countries' names with a white halo, drawn
  over the arcs (which rise above the ground and would otherwise hide them).

Every object in the pickable layers carries `name` and `tip`, the only fields the tooltip
template uses. The tooltip is a `text` tooltip, which deck.gl and Streamlit put in with
`innerText`, so no value is ever read as HTML (Streamlit 1.67 also escapes values in `html`
tooltips, so escaping here as well would show `&amp;` to readers). Values go through `plain`:
braces become parentheses so a value cannot name another template field, control characters
become spaces so a value cannot fake a line; lines of `tip` are joined with a newline. Ties
whose end is not a country (an organisation) have no place on the map and are left out.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from typing import Any

from diplomap.model import Analysis, Tie
from diplomap.palette import (
    BACKDROP_COLOUR,
    BORDER_COLOUR,
    CAMP_COLOURS,
    COOPERATION,
    DIVERGING_COLOURS,
    FAMILIES,
    FAMILY_COLOURS,
    FAMILY_DASHES,
    FOCUS_COLOUR,
    INK_COLOUR,
    TIE_FAMILY,
    TIE_ORDER,
    UNALIGNED_COLOUR,
    diverging_colour,
    family_label,
    hex_to_rgb,
    language,
    tie_label,
)
from diplomap.tables import camp_of, display_names, filter_ties, pair_rows, signed

GEO_PATH = Path(__file__).resolve().parent.parent / "data" / "geo" / "countries-110m.geojson"
COUNTRY_LAYER_ID = "countries"
BORDER_LAYER_ID = "borders"
TIE_LAYER_ID = "ties"
LABEL_LAYER_ID = "labels"
TOOLTIP_TEXT = "{name}\n{tip}"
TOOLTIP_STYLE = {
    "backgroundColor": "#ffffff",
    "color": INK_COLOUR,
    "fontSize": "12px",
    "border": "1px solid #cccccc",
    "maxWidth": "320px",
    "whiteSpace": "pre-line",
}
CARTO_LIGHT = "https://basemaps.cartocdn.com/gl/positron-gl-style/style.json"
FILL_ALPHA = 215
BORDER_PIXELS = 1
LABEL_HALO = 8
MAX_TIP_PARTNERS = 6
WORLD_VIEW = {"latitude": 20.0, "longitude": 0.0, "zoom": 0.8}
SINGLE_ZOOM = 3.5
ZOOM_RANGE = (0.5, 5.0)
TILE_PIXELS = 512
CURVE_BULGE = 0.08
CURVE_PIECES = 16
DASH_UNIT_PIXELS = 4.0
# An ArcLayer drawing flat straight lines from "a" to "b": one shader for borders and ties.
FLAT_LINE_PROPS = {
    "get_source_position": "a",
    "get_target_position": "b",
    "get_height": 0,
    "num_segments": 2,
}
STROKE_PROPS = {
    **FLAT_LINE_PROPS,
    "get_source_color": "colour",
    "get_target_color": "colour",
    "get_width": "width",
    "width_min_pixels": 1.5,
}

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_BRACES = str.maketrans("{}", "()")

MAP_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "mentions": "{n} mentions",
        "mention": "1 mention",
        "camp": "camp: {pole}",
        "toward": "toward {focus}: {net}",
        "evidence": "{n} evidence",
        "focus": "focus country",
        "stance": "net score toward the focus",
        "camp_item": "camp of {pole}",
        "unaligned": "named, no camp",
        "backdrop": "not in the story",
    },
    "id": {
        "mentions": "disebut {n} kali",
        "mention": "disebut 1 kali",
        "camp": "kubu: {pole}",
        "toward": "terhadap {focus}: {net}",
        "evidence": "{n} bukti",
        "focus": "negara fokus",
        "stance": "skor bersih terhadap negara fokus",
        "camp_item": "kubu {pole}",
        "unaligned": "disebut, tanpa kubu",
        "backdrop": "tidak ada dalam berita",
    },
}


def plain(value: Any) -> str:
    """One line of tooltip text that cannot name another template field or break the line."""
    return _CONTROL.sub(" ", str(value)).translate(_BRACES)


@dataclass(frozen=True)
class MapLayer:
    """One deck.gl layer as plain data: type, id, rows, and pydeck's keyword arguments."""

    type: str
    id: str
    data: Any
    props: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class MapSpec:
    """The whole map as plain data: layers in drawing order and the initial view."""

    layers: tuple[MapLayer, ...]
    view: Mapping[str, float]

    def with_layers(self, layers: Iterable[MapLayer]) -> MapSpec:
        return replace(self, layers=tuple(layers))


@functools.cache
def load_shapes(path: str = str(GEO_PATH)) -> tuple[tuple[str | None, str, dict], ...]:
    """(iso3, name, geometry) per country shape, read once; none when the file is missing."""
    try:
        with open(path, encoding="utf-8") as fh:
            collection = json.load(fh)
    except FileNotFoundError:
        return ()
    return tuple(
        (f["properties"].get("iso3"), f["properties"].get("name") or "", f["geometry"])
        for f in collection.get("features", [])
        if f.get("geometry")
    )


def rings(geometry: Mapping[str, Any]) -> list[list[list[float]]]:
    """Every ring of a Polygon or MultiPolygon."""
    if geometry.get("type") == "Polygon":
        return list(geometry.get("coordinates") or [])
    if geometry.get("type") == "MultiPolygon":
        return [ring for polygon in geometry.get("coordinates") or [] for ring in polygon]
    return []


@functools.cache
def land_borders(path: str = str(GEO_PATH)) -> tuple[tuple[list, list, frozenset[str]], ...]:
    """Every straight stretch of land border, once, with the countries on either side.

    The shipped shapes share their border points exactly (see data/geo/README.md), so a
    stretch two countries share is a segment that both of their rings hold.
    """
    sides: dict[tuple[tuple[float, ...], tuple[float, ...]], set[str]] = {}
    for iso3, name, geometry in load_shapes(path):
        for ring in rings(geometry):
            for a, b in pairwise(ring):
                key = (tuple(a), tuple(b)) if a <= b else (tuple(b), tuple(a))
                sides.setdefault(key, set()).add(iso3 or name)
    return tuple(
        (list(a), list(b), frozenset(owners)) for (a, b), owners in sides.items() if len(owners) > 1
    )


def border_rows(involved: Collection[str], path: str = str(GEO_PATH)) -> list[dict[str, list]]:
    """The land borders that touch an involved country, as straight segments."""
    borders = land_borders(path)
    return [{"a": a, "b": b} for a, b, owners in borders if not owners.isdisjoint(involved)]


def map_ties(analysis: Analysis, types: Collection[str] | None, focus: str | None) -> list[Tie]:
    """The ties the map can draw: filtered, both ends countries with a place."""
    placed = {c.iso3 for c in analysis.countries}
    return [
        t
        for t in filter_ties(analysis, types, focus)
        if t.source in placed and t.target in placed and t.source != t.target
    ]


def partner_nets(ties: Iterable[Tie], names: Mapping[str, str]) -> dict[str, list[dict]]:
    """For each country, its partners with net score and types, strongest |net| first."""
    out: dict[str, list[dict]] = {}
    for row in pair_rows(ties, names):
        for me, other in ((row["a"], row["b"]), (row["b"], row["a"])):
            out.setdefault(me, []).append({"id": other, "net": row["net"], "types": row["types"]})
    for rows in out.values():
        rows.sort(key=lambda r: (-abs(r["net"]), r["id"]))
    return out


def country_fills(analysis: Analysis, ties: list[Tie], focus: str | None) -> dict[str, list[int]]:
    """Fill colour per involved country: by camp, or by net stance toward the focus."""
    involved = {c.iso3 for c in analysis.countries}
    fills = {c: hex_to_rgb(UNALIGNED_COLOUR, FILL_ALPHA) for c in involved}
    if focus in involved:
        toward = {r["id"]: r["net"] for r in partner_nets(ties, {}).get(focus, [])}
        top = max((abs(v) for v in toward.values()), default=1.0)
        for c, net in toward.items():
            fills[c] = hex_to_rgb(diverging_colour(net, top), FILL_ALPHA)
        fills[focus] = hex_to_rgb(FOCUS_COLOUR, FILL_ALPHA)
        return fills
    poles = analysis.camps.poles
    for c, pole in camp_of(analysis).items():
        if c in fills and poles:
            fills[c] = hex_to_rgb(CAMP_COLOURS[poles.index(pole)], FILL_ALPHA)
    return fills


def country_tips(
    analysis: Analysis, ties: list[Tie], focus: str | None, lang: str
) -> dict[str, str]:
    """The tooltip body per involved country: mentions, camp, stance and strongest ties."""
    w = MAP_WORDS[language(lang)]
    names = display_names(analysis, lang)
    partners = partner_nets(ties, names)
    camps = camp_of(analysis)
    tips = {}
    for c in analysis.countries:
        lines = [w["mention"] if c.mentions == 1 else w["mentions"].format(n=c.mentions)]
        if c.iso3 in camps:
            lines.append(w["camp"].format(pole=plain(names[camps[c.iso3]])))
        mine = partners.get(c.iso3, [])
        if focus and focus != c.iso3:
            net = next((r["net"] for r in mine if r["id"] == focus), None)
            if net is not None:
                lines.append(
                    w["toward"].format(focus=plain(names.get(focus, focus)), net=signed(net))
                )
        for r in mine[:MAX_TIP_PARTNERS]:
            kinds = ", ".join(tie_label(t, lang) for t in r["types"].split(", "))
            lines.append(
                f"{plain(names.get(r['id'], r['id']))} {signed(r['net'])} ({plain(kinds)})"
            )
        tips[c.iso3] = "\n".join(lines)
    return tips


def shape_features(
    fills: Mapping[str, list[int]], names: Mapping[str, str], tips: Mapping[str, str]
) -> dict:
    """Every country's shape with only iso3, name, fill and tip as properties."""
    backdrop = hex_to_rgb(BACKDROP_COLOUR, 255)
    features = []
    for iso3, name, geometry in load_shapes():
        involved = iso3 in fills
        properties = {
            "iso3": iso3,
            "name": plain(names[iso3] if involved else name),
            "fill": fills[iso3] if involved else backdrop,
            "tip": tips.get(iso3, "") if involved else "",
        }
        features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    return {"type": "FeatureCollection", "features": features}


def arc_rows(
    analysis: Analysis, ties: list[Tie], names: Mapping[str, str], lang: str
) -> list[dict]:
    """One arc per pair and family; two families on one pair are tilted apart."""
    where = {c.iso3: [c.lon, c.lat] for c in analysis.countries}
    grouped: dict[tuple[str, str], dict[str, list[Tie]]] = {}
    for t in ties:
        grouped.setdefault(t.pair, {}).setdefault(TIE_FAMILY[t.type], []).append(t)
    w = MAP_WORDS[language(lang)]
    rows = []
    for (a, b), families in sorted(grouped.items()):
        for family in FAMILIES:
            group = families.get(family)
            if not group:
                continue
            kinds = {t.type for t in group}
            evidence = sum(len(t.evidence) for t in group)
            label = ", ".join(tie_label(t, lang) for t in TIE_ORDER if t in kinds)
            tilt = 0 if len(families) == 1 else (12 if family == COOPERATION else -12)
            rows.append(
                {
                    "name": plain(f"{names[a]} – {names[b]}"),
                    "tip": f"{plain(family_label(family, lang))}: {plain(label)}\n"
                    + w["evidence"].format(n=evidence),
                    "family": family,
                    "source_position": where[a],
                    "target_position": where[b],
                    "colour": hex_to_rgb(FAMILY_COLOURS[family], 220),
                    "width": min(2.0 + 1.5 * (evidence - 1), 10.0),
                    "tilt": tilt,
                }
            )
    return rows


def label_rows(analysis: Analysis, names: Mapping[str, str], tips: Mapping[str, str]) -> list:
    """A name at each involved country's centroid."""
    return [
        {
            "iso3": c.iso3,
            "name": plain(names[c.iso3]),
            "tip": tips.get(c.iso3, ""),
            "position": [c.lon, c.lat],
        }
        for c in analysis.countries
    ]


def longitude_span(lons: Iterable[float]) -> tuple[float, float]:
    """The narrowest arc of longitudes holding every point: (west edge, width in degrees).

    The arc may cross the antimeridian (Fiji and Samoa span 10°, not 350°); the west edge is
    then near +180 and west + width goes past it.
    """
    ordered = sorted(((lon + 180.0) % 360.0) - 180.0 for lon in lons)
    if len(ordered) == 1:
        return ordered[0], 0.0
    gaps = [(ordered[i + 1] - ordered[i], i + 1) for i in range(len(ordered) - 1)]
    gaps.append((ordered[0] + 360.0 - ordered[-1], 0))
    widest, start = max(gaps)
    return ordered[start], 360.0 - widest


def mercator_y(lat: float) -> float:
    """Web Mercator's y for a latitude (radians of the unit world), clamped near the poles."""
    lat = max(min(lat, 85.0), -85.0)
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def fit_view(
    points: Iterable[tuple[float, float]],
    width: int = 700,
    height: int = 500,
    padding: float = 1.5,
) -> dict[str, float]:
    """Latitude, longitude and zoom that show every (lat, lon) point with some margin."""
    points = list(points)
    if not points:
        return dict(WORLD_VIEW)
    west, span = longitude_span(lon for _, lon in points)
    lon = ((west + span / 2 + 180.0) % 360.0) - 180.0
    ys = [mercator_y(lat) for lat, _ in points]
    mid = (min(ys) + max(ys)) / 2
    lat = math.degrees(2 * math.atan(math.exp(mid)) - math.pi / 2)
    dy = max(ys) - min(ys)
    if span < 1e-6 and dy < 1e-6:
        zoom = SINGLE_ZOOM
    else:
        zoom_x = math.log2(width / 512 * 360 / (span * padding)) if span > 1e-6 else math.inf
        zoom_y = math.log2(height / 512 * 2 * math.pi / (dy * padding)) if dy > 1e-6 else math.inf
        zoom = min(zoom_x, zoom_y)
    zoom = min(max(zoom, ZOOM_RANGE[0]), ZOOM_RANGE[1])
    return {"latitude": round(lat, 4), "longitude": round(lon, 4), "zoom": round(zoom, 2)}


def ties_map(
    analysis: Analysis,
    *,
    lang: str = "en",
    types: Collection[str] | None = None,
    focus: str | None = None,
    borders: bool = True,
) -> MapSpec:
    """The map as data: grey world, involved countries coloured, ties as arcs, names, tips.

    borders=False leaves the border lines empty, for a drawing that outlines every shape itself.
    """
    ties = map_ties(analysis, types, focus)
    names = display_names(analysis, lang)
    tips = country_tips(analysis, ties, focus, lang)
    fills = country_fills(analysis, ties, focus)
    where = {c.iso3: (c.lat, c.lon) for c in analysis.countries}
    shown = {end for t in ties for end in (t.source, t.target)} | ({focus} & where.keys())
    view = fit_view(where[c] for c in sorted(shown or where.keys()))
    shapes = MapLayer(
        "GeoJsonLayer",
        COUNTRY_LAYER_ID,
        shape_features(fills, names, tips),
        {
            "pickable": True,
            "stroked": False,
            "filled": True,
            "get_fill_color": "properties.fill",
            "auto_highlight": True,
            "highlight_color": [0, 0, 0, 40],
        },
    )
    borders = MapLayer(
        "ArcLayer",
        BORDER_LAYER_ID,
        border_rows(where.keys()) if borders else [],
        {
            **FLAT_LINE_PROPS,
            "pickable": False,
            "get_source_color": hex_to_rgb(BORDER_COLOUR),
            "get_target_color": hex_to_rgb(BORDER_COLOUR),
            "get_width": BORDER_PIXELS,
        },
    )
    arcs = MapLayer(
        "ArcLayer",
        TIE_LAYER_ID,
        arc_rows(analysis, ties, names, lang),
        {"pickable": True},
    )
    labels = MapLayer(
        "TextLayer",
        LABEL_LAYER_ID,
        label_rows(analysis, names, tips),
        {
            "pickable": True,
            "get_position": "position",
            "get_text": "name",
            "get_size": 13,
            "get_color": hex_to_rgb(INK_COLOUR),
            "get_alignment_baseline": "'bottom'",
            "font_family": "'Helvetica Neue, Arial, sans-serif'",
            "font_weight": 600,
            "character_set": "'auto'",
            "font_settings": {"sdf": True},
            "outline_width": LABEL_HALO,
            "outline_color": [255, 255, 255, 230],
            "parameters": {"depthCompare": "always"},
        },
    )
    return MapSpec((shapes, borders, arcs, labels), view)


def latitude_of(y: float) -> float:
    """The latitude at Web Mercator's y (radians of the unit world): `mercator_y` undone."""
    return math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)


def curve_bend(tilt: float) -> float:
    """How far a tie's curve bends off its chord, as a share of it, and to which side: twice
    as far for the two families of one pair, which bend to opposite sides."""
    return CURVE_BULGE * (2.0 if tilt else 1.0) * (-1.0 if tilt < 0 else 1.0)


def curve_points(
    source: list[float], target: list[float], tilt: float, pieces: int = CURVE_PIECES
) -> list[tuple[float, float]]:
    """(lon, y°) along a tie's gentle curve, y° being Mercator's y in degrees.

    The static map's curve: a quadratic Bézier bending off the straight line by CURVE_BULGE
    of its length, twice as far to either side for the two families of one pair.
    """
    x1, y1 = source[0], math.degrees(mercator_y(source[1]))
    x2, y2 = target[0], math.degrees(mercator_y(target[1]))
    bend = curve_bend(tilt)
    cx, cy = (x1 + x2) / 2 + (y2 - y1) * bend, (y1 + y2) / 2 - (x2 - x1) * bend
    out = []
    for i in range(pieces + 1):
        u = i / pieces
        a, b, c = (1 - u) ** 2, 2 * (1 - u) * u, u * u
        out.append((a * x1 + b * cx + c * x2, a * y1 + b * cy + c * y2))
    return out


def dashes(
    points: list[tuple[float, float]], on: float, off: float
) -> list[list[tuple[float, float]]]:
    """The stretches of a line a dash pattern draws: a dash at either end, at least one gap.

    The pattern is stretched a little so that whole dashes fit, and a line too short for two
    of them still gets two, so a short conflict tie never reads as a solid line. The whole
    line when `off` is 0. Each stretch keeps the line's own points, so it bends with it.
    """
    if off <= 0 or on <= 0:
        return [points]
    ends = [0.0]
    for a, b in pairwise(points):
        ends.append(ends[-1] + math.dist(a, b))
    count = max(2, round((ends[-1] + off) / (on + off)))
    scale = ends[-1] / (count * on + (count - 1) * off)
    stretches = []
    for k in range(count):
        start = k * (on + off) * scale
        stop = start + on * scale
        inside = [p for p, at in zip(points, ends, strict=True) if start < at < stop]
        stretches.append([point_at(points, ends, start), *inside, point_at(points, ends, stop)])
    return stretches


def point_at(
    points: list[tuple[float, float]], ends: list[float], at: float
) -> tuple[float, float]:
    """The point `at` along a line whose points lie at `ends` along it."""
    for (a, b), lo, hi in zip(pairwise(points), ends, ends[1:], strict=False):
        if at <= hi:
            f = (at - lo) / (hi - lo) if hi > lo else 0.0
            return (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f)
    return points[-1]


def tie_strokes(rows: Iterable[Mapping[str, Any]], zoom: float) -> list[dict[str, Any]]:
    """Each tie as straight strokes along its curve, its family's dashes sized as on screen.

    FAMILY_DASHES counts line widths, as the static map and the legend draw them, but no more
    than DASH_UNIT_PIXELS each: a thick tie's dashes would otherwise be too long for a short
    tie to show one gap. The lengths hold at the first view's zoom and grow when the reader
    zooms in. Every stroke carries its tie's name and tip, so the tooltip works on any.
    """
    per_degree = TILE_PIXELS * 2.0**zoom / 360.0
    strokes = []
    for row in rows:
        unit = min(row["width"], DASH_UNIT_PIXELS) / per_degree
        on, off = (n * unit for n in FAMILY_DASHES[row["family"]])
        curve = curve_points(row["source_position"], row["target_position"], row["tilt"])
        for stretch in dashes(curve, on, off):
            for (x1, y1), (x2, y2) in pairwise(stretch):
                strokes.append(
                    {
                        "name": row["name"],
                        "tip": row["tip"],
                        "family": row["family"],
                        "a": [round(x1, 3), round(latitude_of(math.radians(y1)), 3)],
                        "b": [round(x2, 3), round(latitude_of(math.radians(y2)), 3)],
                        "colour": row["colour"],
                        "width": row["width"],
                    }
                )
    return strokes


def deck_layers(spec: MapSpec) -> list[MapLayer]:
    """The spec's layers as deck.gl draws them: the ties as dashed or solid flat curves."""
    layers = []
    for layer in spec.layers:
        if layer.id == TIE_LAYER_ID:
            strokes = tie_strokes(layer.data, spec.view["zoom"])
            layer = replace(layer, data=strokes, props={**layer.props, **STROKE_PROPS})
        layers.append(layer)
    return layers


def ties_deck(
    analysis: Analysis,
    *,
    lang: str = "en",
    types: Collection[str] | None = None,
    focus: str | None = None,
    basemap: bool = True,
) -> Any:
    """The interactive map: `ties_map` as a pydeck Deck (see `to_deck`)."""
    return to_deck(ties_map(analysis, lang=lang, types=types, focus=focus), basemap=basemap)


def to_deck(spec: MapSpec, *, basemap: bool = True) -> Any:
    """A pydeck Deck of the spec, with the tooltip; pydeck is imported here, where it is used.

    basemap=False sends no map style at all: pydeck then writes its "__MAP_STYLE__"
    placeholder, which Streamlit reads as "no basemap" (a None style would make Streamlit pick
    a theme basemap itself), so the map works with no tile server in reach.
    """
    import pydeck as pdk

    layers = [pdk.Layer(x.type, data=x.data, id=x.id, **x.props) for x in deck_layers(spec)]
    style = (
        {"map_provider": "carto", "map_style": CARTO_LIGHT} if basemap else {"map_provider": None}
    )
    return compact_deck_type()(
        layers=layers,
        initial_view_state=pdk.ViewState(**spec.view, pitch=0, bearing=0),
        tooltip={"text": TOOLTIP_TEXT, "style": TOOLTIP_STYLE},
        **style,
    )


@functools.cache
def compact_deck_type() -> type:
    """pydeck's Deck writing JSON without indentation: indent=2 makes the shapes ~6x larger."""
    import pydeck as pdk
    from pydeck.bindings.json_tools import default_serialize

    class CompactDeck(pdk.Deck):
        def to_json(self) -> str:
            return json.dumps(
                self, sort_keys=True, default=default_serialize, separators=(",", ":")
            )

    return CompactDeck


def map_selection_country(selection: Mapping[str, Any] | None) -> str | None:
    """The iso3 of the country clicked on the map, from Streamlit's pydeck on_select state.

    Accepts the whole event state ({"selection": {"indices": ..., "objects": ...}}) or its
    "selection" part; a click on a shape or on a name counts, a click on an arc does not.
    """
    if not isinstance(selection, Mapping):
        return None
    state = selection.get("selection", selection)
    objects = state.get("objects") if isinstance(state, Mapping) else None
    if not isinstance(objects, Mapping):
        return None
    for layer in (COUNTRY_LAYER_ID, LABEL_LAYER_ID):
        picked = objects.get(layer) or []
        for obj in picked if isinstance(picked, list) else []:
            iso3 = picked_iso3(obj)
            if iso3:
                return iso3
    return None


def picked_iso3(obj: Any) -> str | None:
    """iso3 from a picked object: at the top (labels) or under properties (shapes)."""
    if not isinstance(obj, Mapping):
        return None
    properties = obj.get("properties")
    iso3 = obj.get("iso3") or (properties.get("iso3") if isinstance(properties, Mapping) else None)
    return iso3 if isinstance(iso3, str) and iso3 else None


def legend_items(
    lang: str = "en", analysis: Analysis | None = None, focus: str | None = None
) -> list[dict[str, Any]]:
    """What the map's legend lists, in order: tie families, then what country fills mean.

    Each item: group ("ties" or "countries"), key, label, symbol ("line", "fill" or "ramp"),
    colours (hex list: one colour, or the ramp from conflict to cooperation) and dash (the
    stroke pattern for lines, else None).
    """
    w = MAP_WORDS[language(lang)]
    items = [
        {
            "group": "ties",
            "key": family,
            "label": family_label(family, lang),
            "symbol": "line",
            "colours": [FAMILY_COLOURS[family]],
            "dash": FAMILY_DASHES[family],
        }
        for family in FAMILIES
    ]

    def fill(key: str, label: str, colours: list[str], symbol: str = "fill") -> dict[str, Any]:
        return {
            "group": "countries",
            "key": key,
            "label": label,
            "symbol": symbol,
            "colours": colours,
            "dash": None,
        }

    if focus:
        items.append(fill("focus", w["focus"], [FOCUS_COLOUR]))
        items.append(fill("stance", w["stance"], list(DIVERGING_COLOURS), "ramp"))
    elif analysis is not None and analysis.camps.poles:
        names = display_names(analysis, lang)
        for pole, colour in zip(analysis.camps.poles, CAMP_COLOURS, strict=True):
            items.append(
                fill(f"camp:{pole}", w["camp_item"].format(pole=names.get(pole, pole)), [colour])
            )
    items.append(fill("unaligned", w["unaligned"], [UNALIGNED_COLOUR]))
    items.append(fill("backdrop", w["backdrop"], [BACKDROP_COLOUR]))
    return items
