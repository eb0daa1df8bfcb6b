from __future__ import annotations

import itertools
import random

import pytest

from diplomap import camps as camps_module
from diplomap.camps import (
    conflict_weights,
    find_camps,
    frustration,
    members,
    net_scores,
    net_toward,
    signed_graph,
)
from diplomap.model import TIE_SCORES, Camps, Tie

POSITIVE = ("alliance", "support", "talks", "agreement", "aid")
NEGATIVE = ("accusation", "rejection", "threat", "sanction", "attack")


def ties_from(spec: str) -> list[Tie]:
    """Ties from lines like 'USA VEN talks sanction'."""
    ties = []
    for line in spec.strip().splitlines():
        a, b, *types = line.split()
        ties += [Tie(a, b, t, directed=False) for t in types]
    return ties


VENEZUELA = ties_from(
    """
    USA VEN talks sanction rejection accusation
    RUS VEN alliance support talks aid
    RUS UKR attack
    USA RUS sanction
    CHN VEN support
    CUB VEN support
    IRN VEN support
    CUB RUS support
    NIC RUS support
    """
)
VENEZUELA_COUNTRIES = ["USA", "VEN", "RUS", "UKR", "CHN", "CUB", "IRN", "NIC"]


@pytest.mark.parametrize(
    ("spec", "keep", "expected"),
    [
        ("", None, {}),
        ("VEN USA sanction", None, {("USA", "VEN"): -7.0}),
        ("USA VEN talks sanction", None, {("USA", "VEN"): -4.0}),
        ("USA VEN talks\nVEN USA talks", None, {("USA", "VEN"): 3.0}),
        ("USA VEN talks accusation", None, {("USA", "VEN"): 0.0}),
        ("USA USA support", None, {}),
        ("USA UN support\nUSA VEN aid", str.isupper, {("UN", "USA"): 5.0, ("USA", "VEN"): 7.0}),
        ("USA UN support\nUSA VEN aid", lambda c: len(c) == 3, {("USA", "VEN"): 7.0}),
        ("USA per-maduro threat\nVEN per-maduro talks", str.isupper, {}),
    ],
)
def test_net_scores(spec, keep, expected):
    assert net_scores(ties_from(spec) if spec else [], keep=keep) == expected


def test_net_scores_of_the_venezuela_story():
    scores = net_scores(VENEZUELA)
    assert scores[("USA", "VEN")] == 3 - 7 - 4 - 3
    assert scores[("RUS", "VEN")] == 8 + 5 + 3 + 7
    assert scores[("RUS", "USA")] == -7
    assert list(scores) == sorted(scores)


@pytest.mark.parametrize(
    ("country", "expected"),
    [
        ("USA", {"VEN": -11.0, "RUS": -7.0}),
        ("UKR", {"RUS": -10.0}),
        ("NIC", {"RUS": 5.0}),
        ("BRA", {}),
    ],
)
def test_net_toward(country, expected):
    assert net_toward(VENEZUELA, country) == expected


def test_conflict_weights_sum_only_negative_pairs():
    conflict = conflict_weights(signed_graph(net_scores(VENEZUELA)))
    assert conflict["USA"] == 18
    assert conflict["RUS"] == 17
    assert conflict["VEN"] == 11
    assert conflict["CHN"] == 0


def test_venezuela_story():
    result = find_camps(VENEZUELA, VENEZUELA_COUNTRIES)
    assert result.poles == ("USA", "RUS")
    assert members(result, 0) == ["USA", "UKR"]
    assert set(members(result, 1)) == {"RUS", "VEN", "CHN", "CUB", "IRN", "NIC"}
    assert members(result, 1)[0] == "RUS"
    assert result.position["USA"] == -1.0
    assert result.position["RUS"] == 1.0
    assert result.position["VEN"] > 0.5
    assert result.position["UKR"] < 0
    assert frustration(net_scores(VENEZUELA), result.camp) == 0


def test_no_ties_means_no_camps():
    assert find_camps([], VENEZUELA_COUNTRIES) == Camps(poles=None, camp={}, position={})


def test_only_positive_ties_make_one_camp_without_poles():
    ties = ties_from("USA GBR alliance\nGBR FRA talks\nJPN KOR agreement")
    result = find_camps(ties, ["USA", "GBR", "FRA", "JPN", "KOR", "BRA"])
    assert result.poles is None
    assert result.camp == {"FRA": 0, "GBR": 0, "JPN": 0, "KOR": 0, "USA": 0}
    assert result.position == dict.fromkeys(result.camp, 0.0)


def test_cancelling_ties_leave_a_pair_unaligned():
    result = find_camps(ties_from("USA VEN talks accusation"), ["USA", "VEN"])
    assert result == Camps(poles=None, camp={}, position={})


@pytest.mark.parametrize(
    ("spec", "prominence", "poles", "camp"),
    [
        (
            "USA RUS attack\nRUS CHN threat\nUSA CHN accusation",
            None,
            ("RUS", "USA"),
            {"RUS": 0, "CHN": 1, "USA": 1},
        ),
        (
            "USA RUS sanction\nRUS CHN sanction\nUSA CHN sanction",
            None,
            ("CHN", "USA"),
            {"CHN": 0, "RUS": 0, "USA": 1},
        ),
        (
            "USA RUS sanction\nRUS CHN sanction\nUSA CHN sanction",
            {"USA": 5, "RUS": 3, "CHN": 1},
            ("USA", "CHN"),
            {"USA": 0, "RUS": 0, "CHN": 1},
        ),
        (
            "USA GBR alliance\nGBR FRA alliance\nUSA FRA accusation",
            None,
            ("FRA", "USA"),
            {"FRA": 0, "GBR": 0, "USA": 1},
        ),
    ],
)
def test_frustrated_triangles_are_split_deterministically(spec, prominence, poles, camp):
    ties = ties_from(spec)
    result = find_camps(ties, ["USA", "RUS", "CHN", "GBR", "FRA"], prominence)
    assert result.poles == poles
    assert result.camp == camp
    for _ in range(5):
        random.Random(len(spec)).shuffle(ties)
        assert find_camps(ties, ["FRA", "GBR", "CHN", "RUS", "USA"], prominence) == result


def test_ids_outside_countries_are_ignored():
    extra = ties_from(
        """
        USA UN rejection attack
        VEN per-maduro alliance
        per-maduro USA threat
        PRK VEN support
        PRK USA threat
        """
    )
    assert find_camps(VENEZUELA + extra, VENEZUELA_COUNTRIES) == find_camps(
        VENEZUELA, VENEZUELA_COUNTRIES
    )


def test_side_stories_stay_unaligned():
    side = ties_from("IND PAK attack\nIND BGD support\nJPN KOR talks")
    result = find_camps(VENEZUELA + side, [*VENEZUELA_COUNTRIES, "IND", "PAK", "BGD", "JPN", "KOR"])
    assert result.poles == ("USA", "RUS")
    assert not {"IND", "PAK", "BGD", "JPN", "KOR"} & set(result.camp)
    assert set(result.position) == set(result.camp)


@pytest.mark.parametrize("seed", range(5))
def test_same_answer_whatever_the_tie_order(seed):
    expected = find_camps(VENEZUELA, VENEZUELA_COUNTRIES, {"VEN": 9, "USA": 4})
    ties = list(VENEZUELA)
    countries = list(VENEZUELA_COUNTRIES)
    rng = random.Random(seed)
    rng.shuffle(ties)
    rng.shuffle(countries)
    got = find_camps(ties, countries, {"VEN": 9, "USA": 4})
    assert got == expected
    assert list(got.camp.items()) == list(expected.camp.items())


@pytest.mark.parametrize(
    ("prominence", "pole_a"),
    [(None, "AAA"), ({"BBB": 2}, "BBB"), ({"AAA": 1, "BBB": 1}, "AAA")],
)
def test_pole_ties_go_to_prominence_then_id(prominence, pole_a):
    result = find_camps(ties_from("AAA BBB attack"), ["AAA", "BBB"], prominence)
    assert result.poles[0] == pole_a
    assert result.camp[pole_a] == 0
    assert result.position[pole_a] == -1.0


def test_positions_stay_in_range_and_follow_ties():
    result = find_camps(VENEZUELA, VENEZUELA_COUNTRIES)
    assert set(result.position) == set(result.camp)
    assert all(-1 <= x <= 1 for x in result.position.values())
    assert result.position["CUB"] > 0
    assert result.position["NIC"] == 1.0


def random_ties(rng: random.Random, names: list[str], sides: dict[str, int], p: float):
    """A balanced graph: friends within a side, enemies across, a spanning chain to connect."""
    ties = []
    pairs = [(a, b) for a, b in itertools.combinations(names, 2) if rng.random() < p]
    pairs += list(itertools.pairwise(names))
    for a, b in sorted(set(pairs)):
        pool = POSITIVE if sides[a] == sides[b] else NEGATIVE
        ties.append(Tie(a, b, rng.choice(pool), directed=False))
    return ties


def brute_force(scores, names, first):
    """Least frustration over every split with `first` in camp 0 and camp 1 not empty."""
    rest = [c for c in names if c != first]
    best = float("inf")
    for bits in itertools.product((0, 1), repeat=len(rest)):
        if any(bits):
            best = min(best, frustration(scores, {first: 0, **dict(zip(rest, bits, strict=True))}))
    return best


@pytest.mark.parametrize("seed", range(12))
def test_exhaustive_split_matches_brute_force(seed):
    rng = random.Random(seed)
    names = [f"C{i:02d}" for i in range(rng.randint(3, 9))]
    ties = [
        Tie(a, b, rng.choice(list(TIE_SCORES)), directed=False)
        for a, b in itertools.combinations(names, 2)
        if rng.random() < 0.6
    ]
    ties.append(Tie(names[0], names[1], "attack", directed=False))
    scores = net_scores(ties)
    result = find_camps(ties, names)
    placed = sorted(result.camp)
    assert frustration(scores, result.camp) == brute_force(scores, placed, result.poles[0])
    assert 1 in result.camp.values()


def first_least_frustrated(graph, nodes):
    """The least frustrated split with nodes[0] in camp 0, camp 1 not empty, and on equal
    frustration the most prominent countries (earliest nodes) in camp 0."""
    scores = {tuple(sorted((a, b))): w for a in nodes for b, w in graph[a].items()}
    splits = []
    for bits in itertools.product((0, 1), repeat=len(nodes) - 1):
        if any(bits):
            camp = {nodes[0]: 0, **dict(zip(nodes[1:], bits, strict=True))}
            splits.append((frustration(scores, camp), bits, camp))
    return min(splits, key=lambda s: s[:2])[2]


def hanging_graph(seed: int):
    """A small signed graph with a core and chains of countries hanging off it."""
    rng = random.Random(seed)
    core = [f"K{i}" for i in range(rng.randint(1, 4))]
    ties = [  # mostly attacks, so that several splits are equally frustrated
        Tie(a, b, rng.choice(("attack", "attack", "support")), directed=False)
        for a, b in itertools.combinations(core, 2)
        if rng.random() < 0.8
    ]
    placed = list(core)
    for i in range(rng.randint(1, 5)):
        ties.append(Tie(f"H{i}", rng.choice(placed), rng.choice(list(TIE_SCORES)), directed=False))
        placed.append(f"H{i}")
    graph = signed_graph(net_scores(ties))
    start = rng.choice(sorted(graph))
    nodes = [start, *sorted(camps_module._component(graph, start) - {start})]
    return graph, nodes


@pytest.mark.parametrize("seed", range(60))
def test_split_with_hanging_countries_is_the_first_least_frustrated(seed):
    graph, nodes = hanging_graph(seed)
    if len(nodes) > 1:
        assert camps_module._best_split(graph, nodes) == first_least_frustrated(graph, nodes)


def test_split_searches_everything_when_cutting_hangers_empties_camp_one():
    graph = signed_graph(net_scores(ties_from("AAA BBB support\nBBB CCC support")))
    nodes = ["AAA", "BBB", "CCC"]
    assert camps_module._best_split(graph, nodes) == {"AAA": 0, "BBB": 0, "CCC": 1}
    assert camps_module._best_split(graph, nodes) == first_least_frustrated(graph, nodes)


def planted(seed: int, n: int = 30):
    rng = random.Random(seed)
    names = [f"C{i:02d}" for i in range(n)]
    sides = {c: rng.randint(0, 1) for c in names}
    sides[names[0]], sides[names[1]] = 0, 1
    return names, sides, random_ties(rng, names, sides, 0.15)


def same_partition(a: dict[str, int], b: dict[str, int]) -> bool:
    return a == b or a == {c: 1 - k for c, k in b.items()}


@pytest.mark.parametrize("seed", range(4))
def test_large_balanced_graph_recovers_the_planted_camps(seed, monkeypatch):
    names, sides, ties = planted(seed)

    def forbidden(*args):
        raise AssertionError("exhaustive search on 30 countries")

    monkeypatch.setattr(camps_module, "_best_split", forbidden)
    result = find_camps(ties, names)
    assert len(result.camp) == 30
    assert same_partition(result.camp, sides)
    assert frustration(net_scores(ties), result.camp) == 0
    assert result.camp[result.poles[0]] == 0
    assert result.camp[result.poles[1]] == 1


def test_local_search_repairs_a_bad_seed():
    names, sides, ties = planted(7)
    graph = signed_graph(net_scores(ties))
    anchor = names[0]
    order = [anchor, *sorted(set(names) - {anchor})]
    bad = {c: sides[c] ^ sides[anchor] for c in names}
    bad["C05"] ^= 1
    bad["C11"] ^= 1
    fixed = camps_module._local_search(graph, order, bad)
    assert fixed == {c: sides[c] ^ sides[anchor] for c in names}


def test_local_search_never_empties_camp_one():
    graph = signed_graph(net_scores(ties_from("AAA BBB alliance\nAAA CCC talks")))
    split = camps_module._local_search(graph, ["AAA", "BBB", "CCC"], {"AAA": 0, "BBB": 1, "CCC": 0})
    assert split == {"AAA": 0, "BBB": 1, "CCC": 0}


def test_members_order_poles_first():
    result = find_camps(VENEZUELA, VENEZUELA_COUNTRIES)
    assert members(result, 0)[0] == "USA"
    assert members(result, 1)[0] == "RUS"
    assert members(result, 2) == []


@pytest.mark.parametrize(
    ("country", "position"),
    [("USA", -1.0), ("RUS", 1.0), ("XXX", 0.0), ("YYY", round((-8 + 3) / 11, 3)), ("ZZZ", 1.0)],
)
def test_positions_are_signed_averages_of_neighbours(country, position):
    ties = ties_from(
        """
        USA RUS attack
        XXX USA support
        XXX RUS support
        YYY USA alliance
        YYY RUS talks
        ZZZ USA sanction
        """
    )
    result = find_camps(ties, ["USA", "RUS", "XXX", "YYY", "ZZZ"])
    assert result.poles == ("USA", "RUS")
    assert result.position[country] == position
