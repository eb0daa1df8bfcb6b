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

from diplomap.model import TIE_SCORES, Camps, Tie

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
        a, b = tie.source, tie.target
        pair = (a, b) if a < b else (b, a)  # Tie.pair without its sorted() call
        key = (pair, tie.type)
        if a == b or key in seen:
            continue
        if keep is not None and not (keep(a) and keep(b)):
            continue
        seen.add(key)
        net[pair] = net.get(pair, 0.0) + TIE_SCORES[tie.type]
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
    return {c: -sum([w for w in nbrs.values() if w < 0]) for c, nbrs in graph.items()}


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
    conflict = conflict_weights(graph)
    fighters = [c for c, weight in conflict.items() if weight > 0]
    if not fighters:
        calm = sorted(graph)
        return Camps(poles=None, camp=dict.fromkeys(calm, 0), position=dict.fromkeys(calm, 0.0))
    ranks = {c: (-prominence.get(c, 0.0), c) for c in graph}
    rank = ranks.__getitem__
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

    Equal frustration goes to the split that keeps the more prominent countries in camp 0:
    nodes are in rank order and earlier nodes own the higher mask bits. A country that
    hangs off the rest by one tie (or by a chain of them) sits where that tie wants it in
    every least-frustrated split, so only the core is searched; should that leave camp 1
    empty, every split is searched instead.
    """
    hanging = _hanging(graph, nodes)
    if hanging:
        core = [c for c in nodes if c not in hanging]
        _, masks = _least_frustrated(graph, core, with_empty=True)
        bit = {c: len(nodes) - 1 - i for i, c in enumerate(nodes)}
        splits = [_hang(graph, _sides(core, mask), hanging) for mask in masks]
        found = [(sum(side[c] << bit[c] for c in nodes), side) for side in splits]
        mask, side = min(found, key=lambda f: f[0])
        if mask:
            return {c: side[c] for c in nodes}
    _, masks = _least_frustrated(graph, nodes, with_empty=False)
    return _sides(nodes, min(masks))


def _hanging(graph: Graph, nodes: list[str]) -> dict[str, str]:
    """Countries tied to the rest by a single tie once outer ones are cut off, to what they hang
    from, outermost first; nodes[0] never hangs."""
    degree = {c: len(graph[c]) for c in nodes}
    todo = [c for c in nodes[1:] if degree[c] == 1]
    hanging: dict[str, str] = {}
    while todo:
        node = todo.pop()
        (parent,) = (n for n in graph[node] if n not in hanging)
        hanging[node] = parent
        degree[parent] -= 1
        if degree[parent] == 1 and parent != nodes[0]:
            todo.append(parent)
    return hanging


def _hang(graph: Graph, side: dict[str, int], hanging: Mapping[str, str]) -> dict[str, int]:
    """The core's split with each hanging country placed where its one tie wants it."""
    side = dict(side)
    for node, parent in reversed(hanging.items()):
        side[node] = side[parent] if graph[node][parent] > 0 else 1 - side[parent]
    return side


def _sides(nodes: list[str], mask: int) -> dict[str, int]:
    """The split a mask stands for: nodes[0] in camp 0, earlier nodes on higher bits."""
    m = len(nodes) - 1
    return {c: (mask >> (m - i)) & 1 if i else 0 for i, c in enumerate(nodes)}


def _least_frustrated(
    graph: Graph, nodes: list[str], *, with_empty: bool
) -> tuple[float, list[int]]:
    """The least frustration over the splits of nodes with nodes[0] in camp 0 (ties outside
    nodes ignored), and the masks reaching it; camp 1 may be empty only if with_empty.

    Walks the free nodes' assignments in Gray-code order, so each step flips one node and
    costs only its degree (each node's flip cost is kept up to date).
    """
    m = len(nodes) - 1
    index = {c: i for i, c in enumerate(nodes)}
    links = [[(index[n], w) for n, w in graph[c].items() if n in index] for c in nodes]
    side = [0] * len(nodes)
    delta = [sum(w for _, w in nbrs) for nbrs in links]
    current = sum(-w for nbrs in links for _, w in nbrs if w < 0) / 2
    mask = 0
    best_f, masks = (current, [0]) if with_empty else (float("inf"), [])
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
        if current < best_f - _EPS:
            best_f, masks = current, [mask]
        elif current <= best_f + _EPS:
            masks.append(mask)
    return best_f, masks


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
            total = sum(map(abs, graph[c].values()))
            pulls.append((index[c], [(index[n], w / total) for n, w in graph[c].items()]))
    fixed = {index[pole_a], index[pole_b]}
    # a country tied only to the poles lands on its place in the first round and stays there
    moving = [(i, pull) for i, pull in pulls if any(j not in fixed for j, _ in pull)]
    for rounds in range(POSITION_ROUNDS):
        new = x.copy()
        shift = 0.0
        for i, pull in pulls if rounds == 0 else moving:
            value = 0.0
            for j, w in pull:
                value += w * x[j]
            value = -1.0 if value < -1.0 else 1.0 if value > 1.0 else value
            new[i] = value
            change = value - x[i] if value > x[i] else x[i] - value
            if change > shift:
                shift = change
        x = new
        if shift < _SETTLED:
            break
    return {c: round(x[index[c]], 3) + 0.0 for c in names}
