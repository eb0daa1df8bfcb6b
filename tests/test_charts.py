import dataclasses

import pytest

from diplomap import charts, palette, tables
from diplomap.model import TIE_CLASSES, TIE_TYPES
from diplomap.palette import (
    CAMP_COLOURS,
    DIVERGING_COLOURS,
    FAMILY_COLOURS,
    FAMILY_DASHES,
    TIE_COLOURS,
    UNALIGNED_COLOUR,
    diverging_colour,
    hex_to_rgb,
    tint,
)
from tests.builders_fixtures import calm_analysis, empty_analysis, worked_example

EXAMPLE = worked_example()
BUILDERS = {
    "network": charts.network_chart,
    "matrix": charts.matrix_chart,
    "ties_by_type": charts.ties_by_type_chart,
    "camps": charts.camps_chart,
    "timeline": charts.timeline_chart,
}


def layers(spec: dict) -> list[dict]:
    return spec.get("layer", [spec])


def mark_type(layer: dict) -> str:
    mark = layer["mark"]
    return mark["type"] if isinstance(mark, dict) else mark


def rows(layer: dict, spec: dict) -> list[dict]:
    data = layer.get("data") or spec.get("data")
    if "values" in data:
        return data["values"]
    return spec["datasets"][data["name"]]


def layer_with(spec: dict, kind: str) -> dict:
    return next(layer for layer in layers(spec) if mark_type(layer) == kind)


@pytest.mark.parametrize("kind", BUILDERS)
@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_chart_has_title_description_and_tooltips(kind, lang):
    chart = BUILDERS[kind](EXAMPLE, lang=lang)
    spec = chart.to_dict()
    assert spec["title"] == charts.WORDS[lang][{"ties_by_type": "types"}.get(kind, kind)]
    assert spec["description"] == chart.description
    assert chart.description.endswith(".")
    assert any("tooltip" in layer.get("encoding", {}) for layer in layers(spec))


@pytest.mark.parametrize("kind", BUILDERS)
@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", {"camps": "No two opposing camps found", "timeline": "No dated events found"}),
        ("id", {"camps": "Tidak ditemukan dua kubu yang berseberangan"}),
    ],
)
def test_empty_analysis_gives_a_text_chart(kind, lang, message):
    spec = BUILDERS[kind](empty_analysis(), lang=lang).to_dict()
    expected = message.get(
        kind, charts.WORDS[lang]["no_events" if kind == "timeline" else "no_ties"]
    )
    assert mark_type(spec) == "text"
    assert spec["data"]["values"] == [{"message": expected}]
    assert expected in spec["description"]


@pytest.mark.parametrize("kind", ["network", "matrix", "ties_by_type"])
def test_a_filter_that_keeps_nothing_gives_the_empty_chart(kind):
    spec = BUILDERS[kind](EXAMPLE, types=["attack"], focus="VEN").to_dict()
    assert spec["data"]["values"] == [{"message": "No ties found"}]


def test_network_nodes_edges_and_scales():
    spec = charts.network_chart(EXAMPLE).to_dict()
    assert [mark_type(layer) for layer in spec["layer"]] == ["rule", "point", "text", "text"]
    edges = rows(spec["layer"][0], spec)
    nodes = rows(spec["layer"][1], spec)
    assert {n["name"] for n in nodes} == {
        "Venezuela",
        "United States",
        "Russia",
        "Cuba",
        "Ukraine",
        "China",
        "Iran",
        "Nicaragua",
    }
    assert len(edges) == 10
    us_ven = [e for e in edges if e["pair"] == "United States – Venezuela"]
    assert sorted(e["family"] for e in us_ven) == ["conflict", "cooperation"]
    assert {e["net"] for e in us_ven} == {-11.0}
    encoding = spec["layer"][0]["encoding"]
    assert encoding["color"]["scale"]["range"] == [FAMILY_COLOURS["cooperation"], "#D55E00"]
    assert encoding["strokeDash"]["scale"]["range"] == [
        FAMILY_DASHES["cooperation"],
        FAMILY_DASHES["conflict"],
    ]
    assert encoding["strokeWidth"]["field"] == "evidence"
    venezuela = next(n for n in nodes if n["id"] == "VEN")
    assert (venezuela["mentions"], venezuela["camp"], venezuela["ties"]) == (12, "Russia", 11)
    camp = spec["layer"][1]["encoding"]
    assert camp["color"]["scale"]["domain"] == ["United States", "Russia"]
    assert camp["shape"]["field"] == "camp"


@pytest.mark.parametrize(
    ("focus", "organisations", "domain", "colours"),
    [
        ("UKR", False, ["United States", "Russia"], [CAMP_COLOURS[0], CAMP_COLOURS[1]]),
        ("CHN", False, ["Russia"], [CAMP_COLOURS[1]]),
        ("VEN", True, ["United States", "Russia", "unaligned"], [*CAMP_COLOURS, UNALIGNED_COLOUR]),
    ],
)
def test_camp_legend_lists_only_camps_drawn_and_keeps_their_colours(
    focus, organisations, domain, colours
):
    analysis = worked_example(with_nato=True)
    spec = charts.network_chart(analysis, focus=focus, organisations=organisations).to_dict()
    scale = spec["layer"][1]["encoding"]["color"]["scale"]
    assert (scale["domain"], scale["range"]) == (domain, colours)


def test_network_layout_is_deterministic():
    first = charts.network_chart(EXAMPLE).to_dict()
    second = charts.network_chart(worked_example()).to_dict()
    assert rows(first["layer"][1], first) == rows(second["layer"][1], second)


def test_network_edges_end_at_their_nodes():
    spec = charts.network_chart(EXAMPLE, types=["attack", "alliance"]).to_dict()
    nodes = {n["name"]: (n["x"], n["y"]) for n in rows(spec["layer"][1], spec)}
    for edge in rows(spec["layer"][0], spec):
        a, b = edge["pair"].split(" – ")
        assert {(edge["x"], edge["y"]), (edge["x2"], edge["y2"])} == {nodes[a], nodes[b]}


@pytest.mark.parametrize(("organisations", "has_nato"), [(False, False), (True, True)])
def test_network_organisations_are_optional(organisations, has_nato):
    analysis = worked_example(with_nato=True)
    spec = charts.network_chart(analysis, organisations=organisations).to_dict()
    names = {n["name"] for n in rows(spec["layer"][1], spec)}
    assert ("NATO" in names) == has_nato


def test_network_focus_keeps_the_focus_neighbourhood():
    spec = charts.network_chart(EXAMPLE, focus="UKR").to_dict()
    assert {n["id"] for n in rows(spec["layer"][1], spec)} == {"RUS", "UKR"}


def test_network_uses_indonesian_names():
    spec = charts.network_chart(EXAMPLE, lang="id").to_dict()
    names = {n["name"] for n in rows(spec["layer"][1], spec)}
    assert {"Amerika Serikat", "Rusia", "Tiongkok"} <= names
    families = {e["family"] for e in rows(spec["layer"][0], spec)}
    assert families == {"kerja sama", "konflik"}


def test_matrix_cells_hold_the_net_score():
    spec = charts.matrix_chart(EXAMPLE).to_dict()
    cells = rows(layer_with(spec, "rect"), spec)
    lookup = {(c["a"], c["b"]): c for c in cells}
    assert lookup["USA", "VEN"]["net"] == -11
    assert lookup["VEN", "USA"]["net"] == -11
    assert lookup["USA", "VEN"]["label"] == "−11"
    assert lookup["RUS", "VEN"]["label"] == "+23"
    assert layer_with(spec, "text")["encoding"]["text"]["field"] == "label"


def test_matrix_scale_is_diverging_and_symmetric_around_zero():
    spec = charts.matrix_chart(EXAMPLE).to_dict()
    scale = layer_with(spec, "rect")["encoding"]["color"]["scale"]
    domain = scale["domain"]
    assert domain == [-x for x in reversed(domain)]
    assert domain[len(domain) // 2] == 0
    assert domain[-1] == 23
    assert scale["range"] == list(DIVERGING_COLOURS)


def test_matrix_scale_with_only_cooperation_still_centres_on_zero():
    spec = charts.matrix_chart(calm_analysis()).to_dict()
    domain = layer_with(spec, "rect")["encoding"]["color"]["scale"]["domain"]
    assert (domain[0], domain[-1]) == (-5, 5)


def test_ties_by_type_puts_conflict_left_of_zero():
    spec = charts.ties_by_type_chart(EXAMPLE).to_dict()
    bars = layer_with(spec, "bar")
    data = rows(bars, spec)
    usa = {r["type"]: r["count"] for r in data if r["country"] == "United States"}
    assert usa == {"talks": 1, "sanction": -2, "rejection": -1, "accusation": -1}
    scale = bars["encoding"]["color"]["scale"]
    assert scale["range"] == [TIE_COLOURS[t] for t in scale["domain"]]
    assert "strokeDash" in bars["encoding"]
    assert bars["encoding"]["y"]["sort"][0] == "Venezuela"


def test_camps_chart_places_countries_between_the_poles():
    spec = charts.camps_chart(EXAMPLE).to_dict()
    dots = layer_with(spec, "point")
    data = {r["country"]: r for r in rows(dots, spec)}
    assert data["United States"]["position"] == -1.0
    assert data["Russia"]["position"] == 1.0
    assert data["Venezuela"]["camp"] == "Russia"
    axis = spec["layer"][0]["encoding"]["x"]["axis"]
    assert '"United States"' in axis["labelExpr"]
    assert '"Russia"' in axis["labelExpr"]


def test_camps_chart_quotes_pole_names_safely():
    analysis = worked_example()
    renamed = [
        dataclasses.replace(c, name="Côte \"d'Ivoire") if c.iso3 == "USA" else c
        for c in analysis.countries
    ]
    spec = charts.camps_chart(dataclasses.replace(analysis, countries=tuple(renamed))).to_dict()
    expr = spec["layer"][0]["encoding"]["x"]["axis"]["labelExpr"]
    assert '"Côte \\"d\'Ivoire"' in expr


def test_camps_chart_without_poles_is_empty():
    spec = charts.camps_chart(calm_analysis()).to_dict()
    assert spec["data"]["values"] == [{"message": "No two opposing camps found"}]


def test_timeline_draws_days_as_points_and_periods_as_bars():
    spec = charts.timeline_chart(EXAMPLE).to_dict()
    bars, points = layer_with(spec, "bar"), layer_with(spec, "point")
    assert bars["encoding"]["x2"]["field"] == "end"
    assert "!=" in bars["transform"][0]["filter"]
    assert "==" in points["transform"][0]["filter"]
    data = {r["label"]: r for r in rows(bars, spec)}
    assert (data["2018"]["begin"], data["2018"]["end"]) == ("2018-01-01", "2019-01-01")
    assert (data["February 2022"]["begin"], data["February 2022"]["end"]) == (
        "2022-02-01",
        "2022-03-01",
    )
    assert "blamed" in data["February 2022"]["sentence_text"]
    assert data["5 March 2022"]["mid"] == "2022-03-05T12:00:00Z"


def test_timeline_accepts_the_events_table():
    from_table = charts.timeline_chart(tables.events_table(EXAMPLE, "id"), lang="id").to_dict()
    from_analysis = charts.timeline_chart(EXAMPLE, lang="id").to_dict()
    assert rows(from_table["layer"][0], from_table) == rows(
        from_analysis["layer"][0], from_analysis
    )
    assert any(r["label"] == "5 Maret 2022" for r in rows(from_table["layer"][0], from_table))


@pytest.mark.parametrize(
    ("kind", "lang", "focus", "expected"),
    [
        (
            "matrix",
            "en",
            None,
            "Russia is Venezuela's strongest partner: +23; "
            "United States is Venezuela's fiercest rival: −11.",
        ),
        (
            "matrix",
            "id",
            None,
            "Rusia adalah mitra terkuat Venezuela: +23; "
            "Amerika Serikat adalah lawan terberat Venezuela: −11.",
        ),
        (
            "matrix",
            "en",
            "RUS",
            "Venezuela is Russia's strongest partner: +23; "
            "Ukraine is Russia's fiercest rival: −10.",
        ),
        (
            "network",
            "en",
            None,
            "Venezuela is tied to the most countries (5); "
            "of 15 ties, 10 are cooperation and 5 conflict.",
        ),
        (
            "network",
            "id",
            "UKR",
            "Ukraina terhubung dengan 1 negara; dari 1 hubungan, 0 kerja sama dan 1 konflik.",
        ),
        ("map", "en", None, "8 countries involved; Venezuela is named most (12 times)."),
        (
            "ties_by_type",
            "en",
            None,
            "Support is the most common tie (6 of 15); 5 of 15 are conflict.",
        ),
        (
            "ties_by_type",
            "id",
            None,
            "Dukungan adalah jenis hubungan yang paling sering (6 dari 15); "
            "5 dari 15 berupa konflik.",
        ),
        (
            "camps",
            "en",
            None,
            "United States and Russia anchor the two camps: "
            "1 country sides with United States, 5 with Russia.",
        ),
        ("timeline", "en", None, "4 dated events, from 2018 to 5 March 2022."),
        ("timeline", "id", None, "4 peristiwa bertanggal, dari 2018 hingga 5 Maret 2022."),
    ],
)
def test_chart_reading_is_computed(kind, lang, focus, expected):
    assert charts.chart_reading(kind, EXAMPLE, lang, focus=focus) == expected


@pytest.mark.parametrize("kind", charts.READING_KINDS)
@pytest.mark.parametrize("lang", ["en", "id"])
def test_chart_reading_of_an_empty_analysis_still_says_something(kind, lang):
    text = charts.chart_reading(kind, empty_analysis(), lang)
    assert text.endswith(".")
    assert not any(ch.isdigit() for ch in text)


def test_chart_reading_rejects_unknown_kinds():
    with pytest.raises(ValueError, match="unknown chart kind"):
        charts.chart_reading("pie", EXAMPLE)


def test_reading_with_only_cooperation_names_no_rival():
    assert charts.chart_reading("matrix", calm_analysis()) == (
        "Cuba is Venezuela's strongest partner: +5."
    )


def test_to_png_returns_png_bytes():
    png = charts.to_png(charts.matrix_chart(EXAMPLE), scale=1)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("kind", BUILDERS)
def test_to_svg_renders_every_chart(kind):
    svg = charts.to_svg(BUILDERS[kind](EXAMPLE, lang="id"))
    assert svg.lstrip().startswith("<svg")
    assert charts.WORDS["id"][{"ties_by_type": "types"}.get(kind, kind)] in svg


def test_to_svg_renders_the_empty_chart():
    svg = charts.to_svg(charts.network_chart(empty_analysis()))
    assert "No ties found" in svg


def test_every_tie_type_has_its_own_colour_and_marker_and_its_familys_dash():
    for styles in (palette.TIE_COLOURS, palette.TIE_MARKERS, palette.TIE_GLYPHS):
        assert set(styles) == set(TIE_TYPES)
        assert len(set(styles.values())) == len(TIE_TYPES)
    for kind, family in palette.TIE_FAMILY.items():
        assert TIE_CLASSES[kind].endswith(family)
        assert palette.TIE_DASHES[kind] == palette.FAMILY_DASHES[family]
    assert palette.FAMILY_DASHES["cooperation"] != palette.FAMILY_DASHES["conflict"]
    assert set(palette.ACTOR_KIND_COLOURS) == set(palette.ACTOR_KIND_UNDERLINES)


@pytest.mark.parametrize(
    ("value", "top", "expected"),
    [
        (0, 23, DIVERGING_COLOURS[3]),
        (23, 23, DIVERGING_COLOURS[-1]),
        (-23, 23, DIVERGING_COLOURS[0]),
        (99, 23, DIVERGING_COLOURS[-1]),
        (-99, 23, DIVERGING_COLOURS[0]),
        (0, 0, DIVERGING_COLOURS[3]),
    ],
)
def test_diverging_colour_puts_zero_on_the_neutral_stop(value, top, expected):
    assert diverging_colour(value, top) == expected


def test_diverging_colour_leans_blue_for_cooperation_and_orange_for_conflict():
    r, _, b = hex_to_rgb(diverging_colour(5, 23))
    assert b > r
    r, _, b = hex_to_rgb(diverging_colour(-5, 23))
    assert r > b


@pytest.mark.parametrize(
    ("colour", "amount", "expected"),
    [("#000000", 0.5, "#808080"), ("#0072B2", 0.0, "#0072b2"), ("#0072B2", 1.0, "#ffffff")],
)
def test_tint(colour, amount, expected):
    assert tint(colour, amount) == expected


def drawn_layers(spec: dict) -> list[dict]:
    """The layers a screen reader visits: those not marked aria=False."""
    return [
        layer
        for layer in layers(spec)
        if not (isinstance(layer["mark"], dict) and layer["mark"].get("aria") is False)
    ]


@pytest.mark.parametrize("kind", BUILDERS)
@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_mark_a_screen_reader_visits_says_what_it_is(kind, lang):
    spec = BUILDERS[kind](EXAMPLE, lang=lang).to_dict()
    visited = drawn_layers(spec)
    assert visited
    assert all(mark_type(layer) != "text" for layer in visited)
    for layer in visited:
        assert layer["encoding"]["description"] == {"field": "said", "type": "nominal"}
        for row in rows(layer, spec):
            head, _, facts = row["said"].partition(": ")
            assert head
            assert facts.count("; ") >= 1


def test_mark_descriptions_use_the_readers_words():
    spec = charts.camps_chart(EXAMPLE, lang="id").to_dict()
    said = {r["said"] for r in rows(layer_with(spec, "point"), spec)}
    assert any(s.startswith("Venezuela: Kubu Rusia; Posisi +") for s in said)


@pytest.mark.parametrize("kind", ["network", "matrix", "ties_by_type", "camps", "timeline"])
def test_axis_legend_and_title_text_is_dark_enough_to_read(kind):
    config = BUILDERS[kind](EXAMPLE).to_dict()["config"]
    for part, key in (("axis", "labelColor"), ("legend", "labelColor"), ("title", "color")):
        assert palette.contrast_ratio(config[part][key], palette.PAPER_COLOUR) >= 4.5


def test_matrix_labels_take_black_or_white_whichever_reads_on_the_cell():
    spec = charts.matrix_chart(EXAMPLE).to_dict()
    scale = layer_with(spec, "rect")["encoding"]["color"]["scale"]
    assert scale["interpolate"] == "rgb"
    top = scale["domain"][-1]
    cells = rows(layer_with(spec, "text"), spec)
    for cell in cells:
        ground = diverging_colour(cell["net"], top)
        assert palette.contrast_ratio(cell["ink"], ground) >= 4.5
    assert {cell["ink"] for cell in cells} == set(palette.CELL_INKS)
