import dataclasses
import itertools
import json
import math
import re

import pytest

from diplomap import maps
from diplomap.palette import (
    BACKDROP_COLOUR,
    CAMP_COLOURS,
    FAMILY_COLOURS,
    FAMILY_DASHES,
    FOCUS_COLOUR,
    diverging_colour,
    hex_to_rgb,
)
from tests.builders_fixtures import (
    calm_analysis,
    empty_analysis,
    pacific_analysis,
    worked_example,
)

EXAMPLE = worked_example()


def deck_json(analysis=EXAMPLE, **kwargs) -> dict:
    return json.loads(maps.ties_deck(analysis, **kwargs).to_json())


def layer(spec: dict, layer_id: str) -> dict:
    return next(x for x in spec["layers"] if x["id"] == layer_id)


def features(spec: dict) -> dict[str, dict]:
    data = layer(spec, maps.COUNTRY_LAYER_ID)["data"]["features"]
    return {f["properties"]["iso3"]: f["properties"] for f in data if f["properties"]["iso3"]}


def test_deck_has_its_layers_with_stable_ids():
    spec = deck_json()
    assert [(x["@@type"], x["id"]) for x in spec["layers"]] == [
        ("GeoJsonLayer", "countries"),
        ("ArcLayer", "borders"),
        ("ArcLayer", "ties"),
        ("TextLayer", "labels"),
    ]
    assert [x["id"] for x in spec["layers"] if x["pickable"]] == ["countries", "ties", "labels"]


def test_the_deck_needs_no_costly_shader():
    """Outlined shapes and boxed labels each cost a shader; without a GPU, seconds of it."""
    spec = deck_json()
    assert not layer(spec, maps.COUNTRY_LAYER_ID)["stroked"]
    labels = layer(spec, maps.LABEL_LAYER_ID)
    assert not labels.get("background")
    assert labels["fontSettings"] == {"sdf": True}
    assert labels["outlineWidth"] > 0
    assert {x["@@type"] for x in spec["layers"]} == {"GeoJsonLayer", "ArcLayer", "TextLayer"}


def test_names_are_drawn_over_the_flat_ties():
    spec = deck_json()
    assert layer(spec, maps.LABEL_LAYER_ID)["parameters"] == {"depthCompare": "always"}
    assert layer(spec, maps.TIE_LAYER_ID)["getHeight"] == 0


def test_the_spec_and_the_deck_carry_the_same_layers():
    spec = maps.ties_map(EXAMPLE, focus="VEN")
    deck = maps.ties_deck(EXAMPLE, focus="VEN", basemap=False)
    assert [x.id for x in spec.layers] == [x.id for x in deck.layers]
    assert [x.data for x in spec.layers if x.id != maps.TIE_LAYER_ID] == [
        x.data for x in deck.layers if x.id != maps.TIE_LAYER_ID
    ]
    arcs = next(x.data for x in spec.layers if x.id == maps.TIE_LAYER_ID)
    strokes = next(x.data for x in deck.layers if x.id == maps.TIE_LAYER_ID)
    assert {(s["name"], s["tip"]) for s in strokes} == {(a["name"], a["tip"]) for a in arcs}
    view = deck.initial_view_state
    assert (view.latitude, view.longitude, view.zoom) == tuple(spec.view.values())


def test_every_country_shape_is_sent_with_only_the_needed_properties():
    spec = deck_json()
    shapes = layer(spec, maps.COUNTRY_LAYER_ID)["data"]["features"]
    assert len(shapes) == len(maps.load_shapes()) > 150
    assert all(set(f["properties"]) == {"iso3", "name", "fill", "tip"} for f in shapes)
    assert len(maps.ties_deck(EXAMPLE).to_json()) < 400_000


def test_countries_are_filled_by_camp_and_the_rest_grey():
    props = features(deck_json())
    assert props["VEN"]["fill"] == hex_to_rgb(CAMP_COLOURS[1], maps.FILL_ALPHA)
    assert props["USA"]["fill"] == hex_to_rgb(CAMP_COLOURS[0], maps.FILL_ALPHA)
    assert props["UKR"]["fill"] == hex_to_rgb(CAMP_COLOURS[0], maps.FILL_ALPHA)
    assert props["DEU"]["fill"] == hex_to_rgb(BACKDROP_COLOUR, 255)
    assert props["DEU"]["tip"] == ""
    assert props["DEU"]["name"] == "Germany"


def test_focus_fills_by_net_stance_toward_it():
    props = features(deck_json(focus="VEN"))
    assert props["VEN"]["fill"] == hex_to_rgb(FOCUS_COLOUR, maps.FILL_ALPHA)
    assert props["RUS"]["fill"] == hex_to_rgb(diverging_colour(23, 23), maps.FILL_ALPHA)
    assert props["USA"]["fill"] == hex_to_rgb(diverging_colour(-11, 23), maps.FILL_ALPHA)
    assert props["RUS"]["fill"][2] > props["RUS"]["fill"][0]
    assert props["USA"]["fill"][0] > props["USA"]["fill"][2]
    assert "toward Venezuela: +23" in props["RUS"]["tip"]


def tie_rows(analysis=EXAMPLE, **kwargs) -> list[dict]:
    return next(x.data for x in maps.ties_map(analysis, **kwargs).layers if x.id == "ties")


def test_arcs_are_coloured_by_family_and_sized_by_evidence():
    arcs = tie_rows()
    assert len(arcs) == 10
    for arc in arcs:
        assert arc["colour"][:3] == hex_to_rgb(FAMILY_COLOURS[arc["family"]])
    us_ven = [a for a in arcs if a["name"] == "United States – Venezuela"]
    assert {a["family"]: a["tilt"] for a in us_ven} == {"cooperation": 12, "conflict": -12}
    conflict = next(a for a in us_ven if a["family"] == "conflict")
    cooperation = next(a for a in us_ven if a["family"] == "cooperation")
    assert conflict["width"] > cooperation["width"]
    assert conflict["source_position"] == [-98.6, 39.8]
    assert conflict["target_position"] == [-66.0, 8.0]


@pytest.mark.parametrize(
    ("types", "focus", "expected"),
    [
        (None, None, 10),
        (["support"], None, 6),
        (None, "RUS", 5),
        (["attack"], "VEN", 0),
    ],
)
def test_arc_filters(types, focus, expected):
    assert len(tie_rows(types=types, focus=focus)) == expected
    strokes = layer(deck_json(types=types, focus=focus), maps.TIE_LAYER_ID)["data"]
    assert len({(s["name"], s["family"]) for s in strokes}) == expected


def strokes_by_tie(spec: dict) -> dict[tuple[str, str], list[dict]]:
    out: dict[tuple[str, str], list[dict]] = {}
    for stroke in layer(spec, maps.TIE_LAYER_ID)["data"]:
        out.setdefault((stroke["name"], stroke["family"]), []).append(stroke)
    return out


def breaks(strokes: list[dict]) -> int:
    """How many times a tie's line stops and starts again: its gaps."""
    return sum(a["b"] != b["a"] for a, b in itertools.pairwise(strokes))


def mercator(point: list[float]) -> tuple[float, float]:
    return point[0], math.degrees(maps.mercator_y(point[1]))


def run(strokes: list[dict]) -> list[float]:
    """Lengths along a tie, in Mercator degrees, of its dashes and gaps in turn."""
    out = [0.0]
    for i, stroke in enumerate(strokes):
        if i and stroke["a"] != strokes[i - 1]["b"]:
            out += [math.dist(mercator(strokes[i - 1]["b"]), mercator(stroke["a"])), 0.0]
        out[-1] += math.dist(mercator(stroke["a"]), mercator(stroke["b"]))
    return out


@pytest.mark.parametrize(
    ("analysis", "focus", "families"),
    [
        (EXAMPLE, None, {"cooperation", "conflict"}),
        (EXAMPLE, "VEN", {"cooperation", "conflict"}),
        (pacific_analysis(), None, {"cooperation"}),
    ],
)
def test_conflict_ties_are_dashed_and_cooperation_ties_solid(analysis, focus, families):
    """Colour is not the only difference: the deck draws the legend's dashes."""
    ties = strokes_by_tie(deck_json(analysis, focus=focus))
    arcs = {(a["name"], a["family"]): a for a in tie_rows(analysis, focus=focus)}
    assert ties.keys() == arcs.keys()
    assert {family for _, family in ties} == families
    for key, strokes in ties.items():
        arc = arcs[key]
        assert strokes[0]["a"] == pytest.approx(arc["source_position"], abs=1e-3)
        assert strokes[-1]["b"] == pytest.approx(arc["target_position"], abs=1e-3)
        assert all(s["colour"][:3] == hex_to_rgb(FAMILY_COLOURS[key[1]]) for s in strokes)
        if key[1] == "cooperation":
            assert breaks(strokes) == 0
            continue
        assert breaks(strokes) >= 1
        lengths = run(strokes)
        on, off = FAMILY_DASHES["conflict"]
        assert lengths[0] / lengths[1] == pytest.approx(on / off, rel=0.05)
        assert lengths[0] == pytest.approx(lengths[-1], rel=0.05)


def test_dashes_of_a_thick_tie_are_no_longer_than_four_pixels_a_unit():
    thin = {"width": 2.0, "family": "conflict"}
    thick = {"width": 10.0, "family": "conflict"}
    base = {"name": "A – B", "tip": "", "colour": [0, 0, 0, 255], "tilt": 0}
    line = {"source_position": [0.0, 0.0], "target_position": [90.0, 0.0]}
    dash = {}
    for name, row in (("thin", thin), ("thick", thick)):
        strokes = maps.tie_strokes([{**base, **line, **row}], zoom=3.0)
        dash[name] = run(strokes)[0] * maps.TILE_PIXELS * 2**3 / 360
    on = FAMILY_DASHES["conflict"][0]
    assert dash["thin"] == pytest.approx(on * 2.0, rel=0.02)
    assert dash["thick"] == pytest.approx(on * maps.DASH_UNIT_PIXELS, rel=0.02)


@pytest.mark.parametrize(
    ("points", "on", "off", "expected"),
    [
        ([(0, 0), (10, 0)], 6, 0, [[(0, 0), (10, 0)]]),
        ([(0, 0), (10, 0)], 6, 4, [[(0, 0), (3.75, 0)], [(6.25, 0), (10, 0)]]),
        ([(0, 0), (26, 0)], 6, 4, [[(0, 0), (6, 0)], [(10, 0), (16, 0)], [(20, 0), (26, 0)]]),
        ([(0, 0), (1, 0)], 6, 4, [[(0, 0), (0.375, 0)], [(0.625, 0), (1, 0)]]),
        (
            [(0, 0), (5, 0), (5, 5)],
            2,
            2,
            [[(0, 0), (2, 0)], [(4, 0), (5, 0), (5, 1)], [(5, 3), (5, 5)]],
        ),
    ],
)
def test_dashes(points, on, off, expected):
    got = maps.dashes(points, on, off)
    assert [[pytest.approx(p) for p in stretch] for stretch in got] == expected


@pytest.mark.parametrize("tilt", [0, 12, -12])
def test_the_deck_bends_a_tie_as_the_static_map_does(tilt):
    from ui.svgmap import Projection, arc_path

    source, target = [-66.0, 8.0], [99.2, 61.7]
    project = Projection(0.0, 20.0, 1.0, 960, 500)
    svg = re.fullmatch(
        r"M(-?\d+),(-?\d+)Q(-?\d+),(-?\d+) (-?\d+),(-?\d+)",
        arc_path(project(*source), project(*target), tilt),
    )
    x1, y1, cx, cy, x2, y2 = map(float, svg.groups())
    curve = maps.curve_points(source, target, tilt)
    mid = curve[len(curve) // 2]
    mx, my = project(mid[0], maps.latitude_of(math.radians(mid[1])))
    svg_mid = ((x1 + 2 * cx + x2) / 4, (y1 + 2 * cy + y2) / 4)
    assert curve[0] == pytest.approx((source[0], math.degrees(maps.mercator_y(source[1]))))
    assert (mx, my) == (pytest.approx(svg_mid[0], abs=1.5), pytest.approx(svg_mid[1], abs=1.5))


@pytest.mark.parametrize("lat", [-60.0, 0.0, 8.0, 61.7, 84.9])
def test_latitude_of_undoes_mercator(lat):
    assert maps.latitude_of(maps.mercator_y(lat)) == pytest.approx(lat)


def test_ties_to_organisations_are_left_off_the_map():
    arcs = layer(deck_json(worked_example(with_nato=True)), maps.TIE_LAYER_ID)["data"]
    assert not any("NATO" in a["name"] for a in arcs)


def test_view_is_centred_within_the_involved_bounds():
    view = deck_json()["initialViewState"]
    lats = [c.lat for c in EXAMPLE.countries]
    lons = [c.lon for c in EXAMPLE.countries]
    assert min(lats) <= view["latitude"] <= max(lats)
    assert min(lons) <= view["longitude"] <= max(lons)
    assert 0.5 <= view["zoom"] < 2


def test_focus_view_zooms_in_on_its_ties():
    wide = deck_json()["initialViewState"]
    near = deck_json(focus="UKR")["initialViewState"]
    assert near["zoom"] > wide["zoom"]
    assert 32 <= near["longitude"] <= 105.3


def test_view_across_the_antimeridian_stays_in_the_pacific():
    view = deck_json(pacific_analysis())["initialViewState"]
    assert abs(view["longitude"]) > 170
    assert view["zoom"] > 2


@pytest.mark.parametrize(
    ("lons", "west", "span"),
    [
        ([10.0], 10.0, 0.0),
        ([-10.0, 30.0], -10.0, 40.0),
        ([178.0, -172.0], 178.0, 10.0),
        ([174.0, 178.0, -172.1], 174.0, 13.9),
        ([-98.6, -66.0, 105.3, 32.0], -98.6, 203.9),
        ([190.0, 0.0], -170.0, 170.0),
    ],
)
def test_longitude_span(lons, west, span):
    got_west, got_span = maps.longitude_span(lons)
    assert got_west == pytest.approx(west)
    assert got_span == pytest.approx(span)


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        ([], maps.WORLD_VIEW),
        ([(8.0, -66.0)], {"latitude": 8.0, "longitude": -66.0, "zoom": maps.SINGLE_ZOOM}),
        ([(8.0, -66.0), (8.0, -66.0)], {"latitude": 8.0, "longitude": -66.0, "zoom": 3.5}),
    ],
)
def test_fit_view_edge_cases(points, expected):
    assert maps.fit_view(points) == expected


def test_fit_view_zoom_shrinks_with_the_span():
    near = maps.fit_view([(8.0, -66.0), (21.5, -79.5)])
    far = maps.fit_view([(8.0, -66.0), (61.5, 105.3)])
    assert near["zoom"] > far["zoom"]
    assert maps.fit_view([(-80.0, -179.0), (80.0, 179.0)])["zoom"] >= maps.ZOOM_RANGE[0]


def test_tooltip_uses_only_fields_every_layer_carries():
    spec = json.loads(maps.ties_deck(EXAMPLE).to_json())
    deck = maps.ties_deck(EXAMPLE)
    assert deck._tooltip["text"] == "{name}\n{tip}"
    assert "html" not in deck._tooltip
    for row in layer(spec, maps.TIE_LAYER_ID)["data"] + layer(spec, maps.LABEL_LAYER_ID)["data"]:
        assert {"name", "tip"} <= set(row)
    venezuela = next(r for r in layer(spec, maps.LABEL_LAYER_ID)["data"] if r["iso3"] == "VEN")
    assert venezuela["tip"].split("\n")[:3] == [
        "12 mentions",
        "camp: Russia",
        "Russia +23 (alliance, aid, support, talks)",
    ]


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Côte d'Ivoire", "Côte d'Ivoire"),
        ("<b>x</b> & y", "<b>x</b> & y"),
        ("{tip}", "(tip)"),
        ("line\nbreak\tand\x00nul", "line break and nul"),
    ],
)
def test_plain_keeps_text_but_not_template_fields_or_line_breaks(raw, shown):
    assert maps.plain(raw) == shown


def test_hostile_names_stay_text_in_every_layer():
    analysis = worked_example()
    hostile = '<img src=x onerror="alert(1)">{tip}\nfake line'
    countries = tuple(
        dataclasses.replace(c, name=hostile) if c.iso3 == "RUS" else c for c in analysis.countries
    )
    spec = deck_json(dataclasses.replace(analysis, countries=countries))
    label = next(r for r in layer(spec, maps.LABEL_LAYER_ID)["data"] if r["iso3"] == "RUS")
    assert label["name"] == '<img src=x onerror="alert(1)">(tip) fake line'
    venezuela = features(spec)["VEN"]["tip"].split("\n")
    assert venezuela[2].startswith("<img src=x")
    assert len(venezuela) == 7
    arcs = layer(spec, maps.TIE_LAYER_ID)["data"]
    assert not any("{" in a["name"] or "\n" in a["name"] for a in arcs)


def test_indonesian_names_and_words():
    spec = deck_json(lang="id")
    labels = {r["iso3"]: r for r in layer(spec, maps.LABEL_LAYER_ID)["data"]}
    assert labels["USA"]["name"] == "Amerika Serikat"
    assert labels["VEN"]["tip"].startswith("disebut 12 kali\nkubu: Rusia")
    assert features(spec)["CHN"]["name"] == "Tiongkok"
    arcs = layer(spec, maps.TIE_LAYER_ID)["data"]
    assert any(a["tip"].startswith("konflik: serangan") for a in arcs)


@pytest.mark.parametrize(
    ("basemap", "style", "provider"),
    [(True, maps.CARTO_LIGHT, "carto"), (False, "__MAP_STYLE__", None)],
)
def test_basemap_switch(basemap, style, provider):
    spec = deck_json(basemap=basemap)
    assert spec.get("mapStyle") == style
    assert spec.get("mapProvider") == provider


def test_empty_analysis_still_draws_the_world():
    spec = deck_json(empty_analysis())
    assert len(spec["layers"]) == 4
    assert layer(spec, maps.BORDER_LAYER_ID)["data"] == []
    assert layer(spec, maps.TIE_LAYER_ID)["data"] == []
    assert layer(spec, maps.LABEL_LAYER_ID)["data"] == []
    view = spec["initialViewState"]
    assert (view["latitude"], view["longitude"], view["zoom"]) == (20.0, 0.0, 0.8)
    assert all(f["fill"] == hex_to_rgb(BACKDROP_COLOUR, 255) for f in features(spec).values())


def square_feature(iso3: str | None, west: float, south: float, name: str = "") -> dict:
    ring = [[west, south], [west + 1, south], [west + 1, south + 1], [west, south + 1]]
    return {
        "type": "Feature",
        "properties": {"iso3": iso3, "name": name},
        "geometry": {"type": "Polygon", "coordinates": [[*ring, ring[0]]]},
    }


@pytest.fixture
def shapes_file(tmp_path):
    """A row of three unit squares, A | B | unnamed, and an island C off to the side."""
    features = [
        square_feature("AAA", 0, 0),
        square_feature("BBB", 1, 0),
        square_feature(None, 2, 0, name="No Man's Land"),
        square_feature("CCC", 10, 10),
    ]
    path = tmp_path / "shapes.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return str(path)


@pytest.mark.parametrize(
    ("involved", "expected"),
    [
        ({"AAA"}, [([1, 0], [1, 1])]),
        ({"BBB"}, [([1, 0], [1, 1]), ([2, 0], [2, 1])]),
        ({"AAA", "BBB"}, [([1, 0], [1, 1]), ([2, 0], [2, 1])]),
        ({"CCC"}, []),
        (set(), []),
    ],
)
def test_borders_are_the_shared_edges_of_involved_countries(shapes_file, involved, expected):
    rows = maps.border_rows(involved, shapes_file)
    assert sorted((r["a"], r["b"]) for r in rows) == expected


def test_the_story_countries_are_outlined_on_the_real_shapes():
    rows = maps.border_rows({"VEN"})
    venezuela = next(g for iso3, _, g in maps.load_shapes() if iso3 == "VEN")
    edges = {
        frozenset(map(tuple, pair))
        for ring in maps.rings(venezuela)
        for pair in itertools.pairwise(ring)
    }
    assert 10 < len(rows) < len(edges)
    assert all(frozenset((tuple(r["a"]), tuple(r["b"]))) in edges for r in rows)


def test_calm_analysis_has_no_camp_colours():
    props = features(deck_json(calm_analysis()))
    assert props["VEN"]["fill"] == props["CUB"]["fill"]
    assert props["VEN"]["fill"] != hex_to_rgb(BACKDROP_COLOUR, 255)


def feature_pick(iso3):
    return {"type": "Feature", "geometry": None, "properties": {"iso3": iso3, "name": "x"}}


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        (
            {
                "selection": {
                    "indices": {"countries": [3]},
                    "objects": {"countries": [feature_pick("VEN")]},
                }
            },
            "VEN",
        ),
        ({"indices": {"countries": [3]}, "objects": {"countries": [feature_pick("RUS")]}}, "RUS"),
        (
            {
                "selection": {
                    "indices": {"labels": [0]},
                    "objects": {"labels": [{"iso3": "USA", "name": "United States"}]},
                }
            },
            "USA",
        ),
        ({"selection": {"indices": {"ties": [1]}, "objects": {"ties": [{"name": "A – B"}]}}}, None),
        ({"selection": {"indices": {}, "objects": {}}}, None),
        (
            {
                "selection": {
                    "indices": {"countries": [9]},
                    "objects": {"countries": [feature_pick(None)]},
                }
            },
            None,
        ),
        ({"selection": {"objects": {"countries": [{"properties": None}]}}}, None),
        ({"selection": {"objects": {"countries": "VEN"}}}, None),
        ({"selection": None}, None),
        ({}, None),
        (None, None),
        ("VEN", None),
    ],
)
def test_map_selection_country(selection, expected):
    assert maps.map_selection_country(selection) == expected


def test_map_selection_country_reads_streamlits_own_state():
    serde = pytest.importorskip("streamlit.elements.deck_gl_json_chart").PydeckSelectionSerde()
    ui_value = json.dumps(
        {
            "selection": {
                "indices": {"countries": [42]},
                "objects": {"countries": [feature_pick("CUB")]},
            }
        }
    )
    assert maps.map_selection_country(serde.deserialize(ui_value)) == "CUB"
    assert maps.map_selection_country(serde.deserialize(None)) is None


def test_legend_lists_families_then_fills():
    items = maps.legend_items("en", EXAMPLE)
    assert [i["key"] for i in items] == [
        "cooperation",
        "conflict",
        "camp:USA",
        "camp:RUS",
        "unaligned",
        "backdrop",
    ]
    assert items[1]["dash"] == FAMILY_DASHES["conflict"]
    assert items[1]["colours"] == [FAMILY_COLOURS["conflict"]]
    assert items[3]["label"] == "camp of Russia"


def test_legend_for_a_focus_shows_the_ramp_in_indonesian():
    items = maps.legend_items("id", EXAMPLE, focus="VEN")
    keys = [i["key"] for i in items]
    assert keys == ["cooperation", "conflict", "focus", "stance", "unaligned", "backdrop"]
    ramp = items[3]
    assert ramp["symbol"] == "ramp"
    assert len(ramp["colours"]) > 3
    assert items[0]["label"] == "kerja sama"
