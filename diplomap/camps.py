"""Net scores between countries, the two camps they fall into, the story's poles and positions.

Rules the charts rely on:

* A pair's net score is the sum of TIE_SCORES over the distinct tie types between them; a pair
  whose cooperation and conflict cancel out (net 0) is no edge at all.
* Without any conflict (no negative net pair) every tied country is in camp 0, poles are None
  and every position is 0.0: there is nothing to be for or against.
* With conflict, pole A is the country with the largest conflict weight. Only the countries
  connected to pole A (through non-zero net pairs) get a camp; other groups are side stories
  that cannot be placed on the main axis, so they stay unaligned (absent from `camp`).
* The component around pole A is always split in two, even when lumping everyone together
  would be less frustrated: the story turns on a conflict, so the least frustrated real split
  is the honest picture.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Mapping, Sequence

from diplomap.model import Camps, Tie

Pair = tuple[str, str]
Graph = dict[str, dict[str, float]]

EXHAUSTIVE_MAX = 16
POSITION_ROUNDS = 50
_EPS = 1e-9
_SETTLED = 1e-5


def net_scores(ties: Iterable[Tie], keep: Callable[[str], bool] | None = None) -> dict[Pair, float]:
    """Sum each unordered pair's distinct tie types into one cooperation/conflict score."""
    seen: set[tuple[Pair, str]] = set()
    net: dict[Pair, float] = {}
    for tie in ties:
        pair = tie.pair
        if pair[0] == pair[1] or (pair, tie.type) in seen:
            continue
        if keep is not None and not (keep(pair[0]) and keep(pair[1])):
            continue
        seen.add((pair, tie.type))
        net[pair] = net.get(pair, 0.0) + tie.score
    return dict(sorted(net.items()))


def net_toward(ties: Iterable[Tie], country: str) -> dict[str, float]:
    """One country's net score toward every other it has ties with."""
    toward = {}
    for (a, b), score in net_scores(ties).items():
        if a == country:
            toward[b] = score
        elif b == country:
            toward[a] = score
    return toward


def signed_graph(scores: Mapping[Pair, float]) -> Graph:
    """Adjacency of the non-zero net pairs, both directions."""
    graph: Graph = {}
    for (a, b), w in scores.items():
        if w:
            graph.setdefault(a, {})[b] = w
            graph.setdefault(b, {})[a] = w
    return graph


def conflict_weights(graph: Graph) -> dict[str, float]:
    """How much conflict each country is in: the sum of |net| over its negative pairs."""
    return {c: -sum(w for w in nbrs.values() if w < 0) for c, nbrs in graph.items()}


def frustration(scores: Mapping[Pair, float], camp: Mapping[str, int]) -> float:
    """How badly a split fits: friends across camps plus enemies within, weighted by |net|."""
    total = 0.0
    for (a, b), w in scores.items():
        if a in camp and b in camp:
            same = camp[a] == camp[b]
            if (w > 0 and not same) or (w < 0 and same):
                total += abs(w)
    return total


def members(camps: Camps, side: int) -> list[str]:
    """The countries of one camp, most central first (pole, then by position, then id)."""
    sign = -1 if side == 0 else 1
    found = [c for c, k in camps.camp.items() if k == side]
    poles = camps.poles or ()
    return sorted(found, key=lambda c: (c not in poles, -sign * camps.position.get(c, 0.0), c))


def find_camps(
    ties: Sequence[Tie],
    countries: Sequence[str],
    prominence: Mapping[str, float] | None = None,
) -> Camps:
    """Split the tied countries into two camps around the story's two poles."""
    listed = set(countries)
    graph = signed_graph(net_scores(ties, keep=listed.__contains__))
    prominence = prominence or {}

    def rank(c: str) -> tuple[float, str]:
        return (-prominence.get(c, 0.0), c)

    conflict = conflict_weights(graph)
    fighters = [c for c, weight in conflict.items() if weight > 0]
    if not fighters:
        calm = sorted(graph)
        return Camps(poles=None, camp=dict.fromkeys(calm, 0), position=dict.fromkeys(calm, 0.0))
    pole_a = min(fighters, key=lambda c: (-conflict[c], *rank(c)))
    nodes = [pole_a, *sorted(_component(graph, pole_a) - {pole_a}, key=rank)]
    if len(nodes) <= EXHAUSTIVE_MAX:
        side = _best_split(graph, nodes)
    else:
        side = _local_search(graph, nodes, _seed(graph, nodes, rank))
    pole_b = min((c for c in nodes if side[c]), key=lambda c: (-conflict[c], *rank(c)))
    camp = {c: side[c] for c in sorted(nodes)}
    return Camps(
        poles=(pole_a, pole_b), camp=camp, position=_positions(graph, camp, pole_a, pole_b)
    )


def _component(graph: Graph, start: str) -> set[str]:
    """Every country reachable from start through non-zero net pairs."""
    seen = {start}
    todo = [start]
    while todo:
        for n in graph[todo.pop()]:
            if n not in seen:
                seen.add(n)
                todo.append(n)
    return seen


def _flip_delta(graph: Graph, side: Mapping[str, int], node: str) -> float:
    """Change in frustration if node switched camps: friends it sits with count against it."""
    mine = side[node]
    return sum(w if side[n] == mine else -w for n, w in graph[node].items())


def _best_split(graph: Graph, nodes: list[str]) -> dict[str, int]:
    """Exhaustive least-frustrated split with nodes[0] fixed in camp 0 and camp 1 not empty.

    Walks the free nodes' assignments in Gray-code order, so each step flips one node and
    costs only its degree (each node's flip cost is kept up to date). Equal frustration goes
    to the split that keeps the more prominent countries in camp 0: nodes are in rank order
    and earlier nodes own the higher mask bits.
    """
    m = len(nodes) - 1
    index = {c: i for i, c in enumerate(nodes)}
    links = [[(index[n], w) for n, w in graph[c].items()] for c in nodes]
    side = [0] * len(nodes)
    delta = [sum(w for _, w in nbrs) for nbrs in links]
    current = sum(-w for nbrs in links for _, w in nbrs if w < 0) / 2
    mask = 0
    best_f, best_mask = float("inf"), 0
    for step in range(1, 1 << m):
        j = (step & -step).bit_length() - 1
        v = m - j
        current += delta[v]
        delta[v] = -delta[v]
        side[v] ^= 1
        mine = side[v]
        for u, w in links[v]:
            delta[u] += 2 * w if side[u] == mine else -2 * w
        mask ^= 1 << j
        if current < best_f - _EPS or (current <= best_f + _EPS and mask < best_mask):
            best_f, best_mask = current, mask
    return {c: (best_mask >> (m - i)) & 1 if i else 0 for i, c in enumerate(nodes)}


def _seed(graph: Graph, nodes: list[str], rank: Callable[[str], tuple]) -> dict[str, int]:
    """Signed maximum spanning tree from pole A: friends join its side, enemies the other."""
    order = {c: i for i, c in enumerate(nodes)}
    side: dict[str, int] = {}
    heap = [(0.0, 0, nodes[0], 0)]
    while heap:
        _, _, node, s = heapq.heappop(heap)
        if node in side:
            continue
        side[node] = s
        for n, w in graph[node].items():
            if n not in side:
                heapq.heappush(heap, (-abs(w), order[n], n, s if w > 0 else 1 - s))
    if not any(side.values()):
        adversary = min(
            (n for n, w in graph[nodes[0]].items() if w < 0),
            key=lambda n: (graph[nodes[0]][n], *rank(n)),
        )
        side[adversary] = 1
    return side


def _local_search(graph: Graph, nodes: list[str], side: dict[str, int]) -> dict[str, int]:
    """Move single countries across while that lowers frustration; pole A never moves."""
    side = dict(side)
    across = sum(side.values())
    improved = True
    while improved:
        improved = False
        for node in nodes[1:]:
            if side[node] and across == 1:
                continue
            if _flip_delta(graph, side, node) < -_EPS:
                across += -1 if side[node] else 1
                side[node] ^= 1
                improved = True
    return side


def _positions(graph: Graph, camp: Mapping[str, int], pole_a: str, pole_b: str) -> dict[str, float]:
    """Signed harmonic averaging between the poles: friends pull along, enemies push away.

    Simultaneous updates (so the order of countries cannot matter), at most POSITION_ROUNDS
    rounds, stopping early once no position moves by _SETTLED (they are rounded to 1e-3).
    """
    names = list(camp)
    index = {c: i for i, c in enumerate(names)}
    x = [0.5 if camp[c] else -0.5 for c in names]
    x[index[pole_a]], x[index[pole_b]] = -1.0, 1.0
    pulls = []
    for c in names:
        if c not in (pole_a, pole_b):
            total = sum(abs(w) for w in graph[c].values())
            pulls.append((index[c], [(index[n], w / total) for n, w in graph[c].items()]))
    for _ in range(POSITION_ROUNDS):
        moved = []
        shift = 0.0
        for i, pull in pulls:
            value = 0.0
            for j, w in pull:
                value += w * x[j]
            value = -1.0 if value < -1.0 else 1.0 if value > 1.0 else value
            shift = max(shift, abs(value - x[i]))
            moved.append((i, value))
        for i, value in moved:
            x[i] = value
        if shift < _SETTLED:
            break
    return {c: round(x[index[c]], 3) + 0.0 for c in names}
