"""The first bundled article yields its acceptance table exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplomap.analysis import analyse
from diplomap.reader import read_article

SEED = (
    Path(__file__).resolve().parent.parent
    / "data"
    / "articles"
    / "us-officials-visit-venezuela.txt"
)

COUNTRIES = {"USA", "VEN", "RUS", "UKR", "CHN", "CUB", "IRN", "NIC"}

# pair: (types that must be found, types also acceptable)
TABLE = {
    ("USA", "VEN"): ({"talks", "sanction", "rejection", "accusation"}, {"aid", "threat"}),
    ("RUS", "VEN"): ({"alliance", "support", "talks"}, {"aid", "agreement"}),
    ("RUS", "UKR"): ({"attack"}, set()),
    ("RUS", "USA"): ({"sanction"}, {"threat", "accusation", "rejection"}),
    ("CHN", "VEN"): ({"support"}, {"alliance", "aid"}),
    ("CUB", "VEN"): ({"support"}, {"alliance", "aid"}),
    ("IRN", "VEN"): ({"support"}, {"alliance", "aid"}),
    ("CUB", "RUS"): ({"support"}, {"alliance"}),
    ("NIC", "RUS"): ({"support"}, {"alliance"}),
}


@pytest.fixture(scope="module")
def seed():
    return analyse(read_article(SEED))


def country_ties(analysis) -> dict[frozenset[str], set[str]]:
    """Types found per pair of countries (organisations left out)."""
    iso = {c.iso3 for c in analysis.countries}
    out: dict[frozenset[str], set[str]] = {}
    for tie in analysis.ties:
        if tie.source in iso and tie.target in iso:
            out.setdefault(frozenset((tie.source, tie.target)), set()).add(tie.type)
    return out


def test_exactly_the_eight_countries(seed):
    assert {c.iso3 for c in seed.countries} == COUNTRIES


def test_exactly_the_pairs_of_the_table(seed):
    found = {p for p in country_ties(seed) if p <= COUNTRIES}
    assert found == {frozenset(p) for p in TABLE}


@pytest.mark.parametrize(("pair", "types"), TABLE.items(), ids=["-".join(p) for p in TABLE])
def test_pair_has_its_types_and_no_others(seed, pair, types):
    must, acceptable = types
    found = country_ties(seed)[frozenset(pair)]
    assert must <= found
    assert found <= must | acceptable


@pytest.mark.parametrize(
    ("source", "target", "tie_type"),
    [
        ("USA", "VEN", "sanction"),
        ("RUS", "UKR", "attack"),
        ("USA", "RUS", "sanction"),
        ("VEN", "USA", "accusation"),
        ("CUB", "RUS", "support"),
        ("NIC", "RUS", "support"),
        ("CHN", "VEN", "support"),
    ],
)
def test_directed_ties_point_the_right_way(seed, source, target, tie_type):
    tie = next(
        t for t in seed.ties if {t.source, t.target} == {source, target} and t.type == tie_type
    )
    assert (tie.source, tie.target) == (source, target)
    assert tie.directed


def test_no_agreement_and_no_tie_between_venezuela_and_ukraine(seed):
    assert "agreement" not in country_ties(seed).get(frozenset(("USA", "VEN")), set())
    assert frozenset(("VEN", "UKR")) not in country_ties(seed)


def test_organisations_and_sources_are_actors(seed):
    kinds = {a.id: a.kind for a in seed.actors}
    assert {"NATO", "OPEC"} <= {k for k, v in kinds.items() if v == "organization"}
    assert "PDVSA" in kinds
    media = {a.id for a in seed.actors if a.kind == "media"}
    assert {"REUTERS", "NYT", "INTERFAX"} <= media


def test_sources_are_not_parties(seed):
    media = {a.id for a in seed.actors if a.kind == "media"}
    assert not any({t.source, t.target} & media for t in seed.ties)


def test_dated_events(seed):
    dates = {(e.date, e.precision) for e in seed.events}
    assert {
        ("2022-03-05", "day"),
        ("2022-02-25", "day"),
        ("2022-03-01", "day"),
        ("2019", "year"),
        ("2018", "year"),
    } <= dates


def test_date_inferred_and_explained(seed):
    assert seed.article.date is not None
    assert seed.article.date.year == 2022
    assert "2022" in seed.article.date_source


def test_poles_are_the_us_and_russia(seed):
    assert set(seed.camps.poles) == {"USA", "RUS"}
    russia_side = seed.camps.camp["RUS"]
    for iso3 in ("VEN", "CHN", "CUB", "IRN", "NIC"):
        assert seed.camps.camp[iso3] == russia_side
    assert seed.camps.camp["USA"] != russia_side
