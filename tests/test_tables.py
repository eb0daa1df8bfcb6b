import datetime as dt

import pytest

from diplomap import tables
from diplomap.palette import TIE_FAMILY
from tests.builders_fixtures import TEXT, calm_analysis, empty_analysis, worked_example

EXAMPLE = worked_example()

TABLES = [
    (tables.countries_table, tables.COUNTRIES_COLUMNS),
    (tables.actors_table, tables.ACTORS_COLUMNS),
    (tables.mentions_table, tables.MENTIONS_COLUMNS),
    (tables.ties_table, tables.TIES_COLUMNS),
    (tables.evidence_table, tables.EVIDENCE_COLUMNS),
    (tables.events_table, tables.EVENTS_COLUMNS),
    (tables.net_matrix, tables.NET_COLUMNS),
    (tables.camps_table, tables.CAMPS_COLUMNS),
]


@pytest.mark.parametrize(("build", "columns"), TABLES)
@pytest.mark.parametrize("analysis", [EXAMPLE, empty_analysis()], ids=["example", "empty"])
def test_columns_are_the_documented_ones(build, columns, analysis):
    frame = build(analysis)
    assert tuple(frame.columns) == columns
    assert (len(frame) == 0) == (analysis is not EXAMPLE)


@pytest.mark.parametrize(
    ("lang", "iso3", "name"),
    [
        ("en", "USA", "United States"),
        ("id", "USA", "Amerika Serikat"),
        ("id", "CHN", "Tiongkok"),
        ("id-ID", "RUS", "Rusia"),
        ("en", "VEN", "Venezuela"),
    ],
)
def test_country_names_follow_lang(lang, iso3, name):
    frame = tables.countries_table(EXAMPLE, lang)
    assert frame.set_index("iso3").loc[iso3, "name"] == name


def test_countries_table_counts_ties_and_camps():
    frame = tables.countries_table(EXAMPLE).set_index("iso3")
    assert frame.loc["VEN", "ties"] == 11
    assert frame.loc["UKR", "ties"] == 1
    assert frame.loc["VEN", "camp"] == "RUS"
    assert frame.loc["UKR", "camp"] == "USA"
    assert list(frame.index[:3]) == ["VEN", "USA", "RUS"]


@pytest.mark.parametrize(
    ("lang", "ven", "ukr"), [("en", "Russia", "United States"), ("id", "Rusia", "Amerika Serikat")]
)
def test_countries_table_names_each_camp_in_the_readers_language(lang, ven, ukr):
    frame = tables.countries_table(EXAMPLE, lang).set_index("iso3")
    assert frame.loc[["VEN", "UKR"], "camp_name"].tolist() == [ven, ukr]


def test_ties_table_has_one_row_per_tie_with_family_and_score():
    frame = tables.ties_table(EXAMPLE)
    assert len(frame) == len(EXAMPLE.ties)
    for row in frame.itertuples():
        assert row.family == TIE_FAMILY[row.type]
        assert (row.score > 0) == (row.family == "cooperation")
    sanction = frame[(frame.source == "USA") & (frame.target == "VEN") & (frame.type == "sanction")]
    assert sanction.iloc[0].to_dict() | {"sentences": None} == {
        "source": "USA",
        "target": "VEN",
        "source_name": "United States",
        "target_name": "Venezuela",
        "type": "sanction",
        "type_label": "sanction",
        "family": "conflict",
        "score": -7.0,
        "directed": True,
        "evidence": 1,
        "sentences": None,
    }
    assert sanction.iloc[0].sentences == [1]


@pytest.mark.parametrize(
    ("types", "country", "expected"),
    [
        (None, None, 15),
        (["support"], None, 6),
        ({"sanction", "attack"}, None, 3),
        ([], None, 0),
        (None, "UKR", 1),
        (None, "VEN", 11),
        (["sanction"], "RUS", 1),
        (["attack"], "VEN", 0),
        (None, "DEU", 0),
    ],
)
def test_ties_table_filters(types, country, expected):
    frame = tables.ties_table(EXAMPLE, types=types, country=country)
    assert len(frame) == expected
    if country:
        assert all(country in (s, t) for s, t in zip(frame.source, frame.target, strict=True))
    if types is not None:
        assert set(frame.type) <= set(types)


def test_ties_table_type_labels_in_indonesian():
    frame = tables.ties_table(EXAMPLE, "id", types=["attack"])
    assert frame.iloc[0].type_label == "serangan"
    assert frame.iloc[0].target_name == "Ukraina"


def test_evidence_rows_carry_their_sentence_and_cue_offsets():
    frame = tables.evidence_table(EXAMPLE)
    assert len(frame) == sum(len(t.evidence) for t in EXAMPLE.ties)
    for row in frame.itertuples():
        assert TEXT[row.start : row.end] == row.cue
        assert row.cue in row.sentence_text


def test_mentions_point_into_the_text():
    frame = tables.mentions_table(EXAMPLE, "id")
    for row in frame.itertuples():
        assert TEXT[row.start : row.end] == row.text
    putin = frame[frame.actor == "putin"].iloc[0]
    assert (putin.actor_name, putin.country_name) == ("Vladimir Putin", "Rusia")


def test_actors_table_names_the_country():
    frame = tables.actors_table(EXAMPLE, "id").set_index("id")
    assert frame.loc["maduro", "country_name"] == "Venezuela"
    assert frame.loc["putin", "country_name"] == "Rusia"


@pytest.mark.parametrize(
    ("a", "b", "net", "ties"),
    [
        ("USA", "VEN", -11.0, 4),
        ("VEN", "USA", -11.0, 4),
        ("RUS", "VEN", 23.0, 4),
        ("UKR", "RUS", -10.0, 1),
        ("RUS", "USA", -7.0, 1),
        ("NIC", "RUS", 5.0, 1),
    ],
)
def test_net_matrix_sums_distinct_types_in_both_orders(a, b, net, ties):
    frame = tables.net_matrix(EXAMPLE)
    cell = frame[(frame.a == a) & (frame.b == b)]
    assert len(cell) == 1
    assert cell.iloc[0].net == net
    assert cell.iloc[0].ties == ties


def test_net_matrix_has_every_pair_twice():
    frame = tables.net_matrix(EXAMPLE)
    assert len(frame) == 2 * 9
    assert set(zip(frame.a, frame.b, strict=True)) == {
        (b, a) for a, b in zip(frame.a, frame.b, strict=True)
    }


def test_net_matrix_counts_a_repeated_type_once():
    doubled = worked_example()
    extra = doubled.ties[1]
    twice = tables.pair_rows([*doubled.ties, extra], tables.display_names(doubled))
    usa_ven = next(r for r in twice if (r["a"], r["b"]) == ("USA", "VEN"))
    assert usa_ven["net"] == -11.0
    assert usa_ven["ties"] == 5


def test_camps_table_orders_by_position_and_flags_poles():
    frame = tables.camps_table(EXAMPLE)
    assert list(frame.position) == sorted(frame.position)
    assert set(frame[frame.is_pole].iso3) == {"USA", "RUS"}
    row = frame.set_index("iso3").loc["VEN"]
    assert (row.camp, row.camp_name, row.side) == ("RUS", "Russia", 1)
    assert frame.set_index("iso3").loc["UKR", "camp"] == "USA"


def test_camps_table_without_poles_places_nobody():
    frame = tables.camps_table(calm_analysis())
    assert len(frame) == 2
    assert frame.camp.isna().all()
    assert frame.position.isna().all()
    assert not frame.is_pole.any()


@pytest.mark.parametrize(
    ("date", "precision", "expected"),
    [
        ("2022-03-05", "day", (dt.date(2022, 3, 5), dt.date(2022, 3, 6))),
        ("2022-12-31", "day", (dt.date(2022, 12, 31), dt.date(2023, 1, 1))),
        ("2022-02", "month", (dt.date(2022, 2, 1), dt.date(2022, 3, 1))),
        ("2022-12", "month", (dt.date(2022, 12, 1), dt.date(2023, 1, 1))),
        ("2022-03-05", "month", (dt.date(2022, 3, 1), dt.date(2022, 4, 1))),
        ("2018", "year", (dt.date(2018, 1, 1), dt.date(2019, 1, 1))),
        ("2019-06", "day", (dt.date(2019, 6, 1), dt.date(2019, 7, 1))),
        ("2022-02-30", "day", None),
        ("sometime", "day", None),
        ("", "year", None),
    ],
)
def test_event_period_is_honest_about_precision(date, precision, expected):
    assert tables.event_period(date, precision) == expected


def test_events_table_spans_and_labels():
    frame = tables.events_table(EXAMPLE, "id").set_index("date")
    assert tuple(frame.loc["2022-03-05", ["begin", "end", "label"]]) == (
        "2022-03-05",
        "2022-03-06",
        "5 Maret 2022",
    )
    assert tuple(frame.loc["2022-02", ["begin", "end", "label"]]) == (
        "2022-02-01",
        "2022-03-01",
        "Februari 2022",
    )
    assert frame.loc["2018", "label"] == "2018"
    assert frame.loc["2022-03-01", "country_names"] == "Rusia, Venezuela"
    assert "phone" in frame.loc["2022-03-01", "sentence_text"]


@pytest.mark.parametrize(
    ("value", "text"),
    [(23.0, "+23"), (-11.0, "−11"), (0.0, "0"), (2.5, "+2.5"), (-0.5, "−0.5"), (5, "+5")],
)
def test_signed(value, text):
    assert tables.signed(value) == text
