"""The map as a static SVG, drawn from the same map spec, for a page that must load fast.

deck.gl needs a 3 MB script and WebGL; the Overview shows this picture instead and leaves
panning, tooltips on arcs and clicks to the Map page. Colours, widths, names and tooltips
all come from `maps.ties_map`, so both maps always agree; drawing it needs no pydeck.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise
from typing import Any

from diplomap.maps import (
    COUNTRY_LAYER_ID,
    LABEL_LAYER_ID,
    TIE_LAYER_ID,
    curve_bend,
    fit_view,
    rings,
)
from diplomap.palette import FAMILY_DASHES, INK_COLOUR

WIDTH, HEIGHT = 960, 500
SEA = "#F4F7FA"
BORDER = "#FFFFFF"
TILE = 512.0
MAX_LAT = 85.0
MIN_STEP = 2
LABEL_STYLE = (
    "<style>.dm-map-label{font:600 13px 'Helvetica Neue',Arial,sans-serif;stroke-width:3.5px}"
    "@media (max-width:640px){.dm-map-label{font-size:30px;stroke-width:7px}}</style>"
)


Point = tuple[float, float]


class Projection:
    """Web Mercator from (lon, lat) to pixels of a width × height view, as deck.gl draws it."""

    def __init__(self, lon: float, lat: float, zoom: float, width: int, height: int) -> None:
        self.size = TILE * 2.0**zoom
        self.width, self.height = width, height
        cx, cy = self.world(lon, lat)
        self.dx, self.dy = width / 2 - cx, height / 2 - cy

    def world(self, lon: float, lat: float) -> Point:
        """Pixels on the whole world's square at this zoom."""
        lat = max(-MAX_LAT, min(MAX_LAT, lat))
        y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
        return (lon + 180.0) / 360.0 * self.size, (math.pi - y) / (2 * math.pi) * self.size

    def __call__(self, lon: float, lat: float, copy: int = 0) -> Point:
        x, y = self.world(lon, lat)
        return x + self.dx + copy * self.size, y + self.dy

    def near(self, lon: float, lat: float) -> Point:
        """The point in the world copy nearest the middle of the view."""
        x, y = self(lon, lat)
        return x + round((self.width / 2 - x) / self.size) * self.size, y

    def copies(self, xs: Sequence[float], ys: Sequence[float]) -> list[int]:
        """The world copies (−1, 0, +1, ...) in which a shape with these pixels is in view."""
        if max(ys) < 0 or min(ys) > self.height:
            return []
        lo, hi = min(xs), max(xs)
        reach = int(self.width // self.size) + 2
        return [
            k
            for k in range(-reach, reach + 1)
            if hi + k * self.size >= 0 and lo + k * self.size <= self.width
        ]


def view_of(deck: Any, width: int, height: int) -> Projection:
    """A view fitted to the tied countries (all named ones when none is tied), one world wide.

    The zoom never goes below the level where the world is as wide as the picture, so no
    country is drawn twice.
    """
    layers = {layer.id: layer.data for layer in deck.layers}
    arcs = layers.get(TIE_LAYER_ID) or []
    ends = [p for row in arcs for p in (row["source_position"], row["target_position"])]
    points = ends or [row["position"] for row in layers.get(LABEL_LAYER_ID) or []]
    view = fit_view(((lat, lon) for lon, lat in points), width=width, height=height)
    zoom = max(view["zoom"], math.log2(width / TILE))
    return Projection(view["longitude"], view["latitude"], zoom, width, height)


def colour(rgba: Sequence[int]) -> tuple[str, float]:
    """deck.gl's [r, g, b, a] as a CSS colour and an opacity."""
    r, g, b = (int(v) for v in rgba[:3])
    alpha = rgba[3] / 255 if len(rgba) > 3 else 1.0
    return f"#{r:02x}{g:02x}{b:02x}", round(alpha, 3)


def shape_path(geometry: Mapping[str, Any], project: Projection) -> str:
    """SVG path data for a country in every world copy where it shows, rounded to pixels."""
    projected = [[project(lon, lat) for lon, lat in ring] for ring in rings(geometry) if ring]
    if not projected:
        return ""
    xs = [x for ring in projected for x, _ in ring]
    ys = [y for ring in projected for _, y in ring]
    parts = []
    for copy in project.copies(xs, ys):
        shift = copy * project.size
        for ring in projected:
            points = _thin((round(x + shift), round(y)) for x, y in ring)
            if len(points) > 2:
                parts.append(_relative(points))
    return "".join(parts)


def _relative(points: list[tuple[int, int]]) -> str:
    """A closed ring in relative moves ("M10,20l3,-1 2,4...z"): about half the bytes."""
    x0, y0 = points[0]
    steps = " ".join(f"{xb - xa},{yb - ya}" for (xa, ya), (xb, yb) in pairwise(points))
    return f"M{x0},{y0}l{steps}z"


def _thin(points: Iterable[tuple[int, int]], step: int = MIN_STEP) -> list[tuple[int, int]]:
    """Points with those less than `step` pixels from the last one kept dropped."""
    out: list[tuple[int, int]] = []
    for x, y in points:
        if not out or max(abs(x - out[-1][0]), abs(y - out[-1][1])) >= step:
            out.append((x, y))
    return out


def arc_path(source: Point, target: Point, tilt: float) -> str:
    """A gentle curve between two points; tilted arcs of one pair bend to opposite sides."""
    (x1, y1), (x2, y2) = source, target
    dx, dy = x2 - x1, y2 - y1
    bend = curve_bend(tilt)
    cx, cy = (x1 + x2) / 2 - dy * bend, (y1 + y2) / 2 + dx * bend
    return f"M{x1:.0f},{y1:.0f}Q{cx:.0f},{cy:.0f} {x2:.0f},{y2:.0f}"


def _shape(path: str, fill: str, alpha: float) -> str:
    """An open <path> tag for country shapes, outlined in the sea's border colour."""
    return (
        f'<path d="{path}" fill="{fill}" fill-opacity="{alpha}" stroke="{BORDER}"'
        ' stroke-width="0.6">'
    )


def _title(*lines: str) -> str:
    text = "\n".join(line for line in lines if line)
    return f"<title>{html.escape(text)}</title>" if text else ""


def deck_svg(deck: Any, *, label: str, width: int = WIDTH, height: int = HEIGHT) -> str:
    """The map's countries, arcs and names as one responsive SVG element.

    `deck` is a `maps.MapSpec` or anything else whose layers have an id and data. Countries
    with no tooltip (not in the story) share one path per colour: a few hundred fewer
    elements for the browser to build.
    """
    project = view_of(deck, width, height)
    layers = {layer.id: layer.data for layer in deck.layers}
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img"'
        f' aria-label="{html.escape(label)}" style="width:100%;height:auto;display:block;'
        f'background:{SEA};border-radius:.4rem">{LABEL_STYLE}'
    ]
    quiet: dict[tuple[str, float], list[str]] = {}
    story = []
    for feature in layers.get(COUNTRY_LAYER_ID, {}).get("features", []):
        path = shape_path(feature.get("geometry") or {}, project)
        if not path:
            continue
        props = feature.get("properties", {})
        look = colour(props.get("fill") or [228, 228, 228, 255])
        if not props.get("tip"):
            quiet.setdefault(look, []).append(path)
            continue
        title = _title(props.get("name", ""), props["tip"])
        story.append(f"{_shape(path, *look)}{title}</path>")
    out += [f"{_shape(''.join(paths), *look)}</path>" for look, paths in quiet.items()]
    out += story
    arcs = sorted(layers.get(TIE_LAYER_ID, []), key=lambda row: -row.get("width", 1))
    for row in arcs:
        stroke, alpha = colour(row["colour"])
        dash = FAMILY_DASHES.get(row.get("family", ""), [1, 0])
        width_px = float(row.get("width", 2.0))
        dashes = (
            f' stroke-dasharray="{dash[0] * width_px:.0f} {dash[1] * width_px:.0f}"'
            if dash[1]
            else ""
        )
        source = project.near(*row["source_position"])
        target = project.near(*row["target_position"])
        path = arc_path(source, target, row.get("tilt", 0))
        out.append(
            f'<path d="{path}" fill="none" stroke="{stroke}" stroke-opacity="{alpha}"'
            f' stroke-width="{width_px:.1f}" stroke-linecap="round"{dashes}>'
            f"{_title(row.get('name', ''), row.get('tip', ''))}</path>"
        )
    for row in layers.get(LABEL_LAYER_ID, []):
        x, y = project.near(*row["position"])
        if not (0 <= x <= width and 0 <= y <= height):
            continue
        name = html.escape(row.get("name", ""))
        common = f'x="{x:.0f}" y="{y - 4:.0f}" text-anchor="middle" class="dm-map-label"'
        out.append(
            f"<g>{_title(row.get('name', ''), row.get('tip', ''))}"
            f'<text {common} fill="none" stroke="#FFFFFF" stroke-linejoin="round">{name}</text>'
            f'<text {common} fill="{INK_COLOUR}" stroke="none">{name}</text></g>'
        )
    out.append("</svg>")
    return "".join(out)
