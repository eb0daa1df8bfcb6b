"""Altair charts of one Analysis: network, net-score matrix, ties by type, camps and timeline.

Every builder returns a top-level chart with a title, tooltips and a one-line `description`
that the dashboard shows as the caption and that Vega-Lite writes into the SVG's ARIA label.
Builders never raise on thin input: with nothing to draw they return `empty_chart`, a small
text chart that says what is missing under the same title. By default the network, matrix and
type charts keep country-to-country ties only; `organisations=True` adds organisations that
end a tie. `chart_reading` says in one computed sentence what a chart shows.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from typing import Any

import altair as alt

from diplomap.i18n import precision_label
from diplomap.model import Analysis, Tie
from diplomap.palette import (
    CAMP_COLOURS,
    CAMP_SHAPES,
    CELL_INKS,
    CONFLICT,
    COOPERATION,
    DIVERGING_COLOURS,
    FAMILIES,
    FAMILY_COLOURS,
    FAMILY_DASHES,
    INK_COLOUR,
    LABEL_COLOUR,
    TIE_COLOURS,
    TIE_FAMILY,
    TIE_ORDER,
    UNALIGNED_COLOUR,
    UNALIGNED_SHAPE,
    cell_ink,
    diverging_colour,
    diverging_domain,
    family_label,
    language,
    tie_label,
)
from diplomap.tables import (
    Row,
    camp_of,
    camp_rows,
    display_names,
    event_rows,
    filter_ties,
    pair_rows,
    signed,
)

TopChart = alt.Chart | alt.LayerChart
LAYOUT_SEED = 7
READING_KINDS = ("network", "map", "matrix", "ties_by_type", "camps", "timeline")
PRECISION_COLOURS = {"day": "#000000", "month": "#0072B2", "year": "#A87600"}

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "network": "Who is tied to whom",
        "network_desc": "Countries sized by mentions and coloured by camp; solid blue lines are "
        "cooperation, dashed orange lines conflict, thicker with more evidence.",
        "matrix": "Net score between countries",
        "matrix_desc": "Each cell sums the scores of a pair's tie types: blue is cooperation, "
        "orange is conflict, grey is balanced.",
        "types": "Ties by type per country",
        "types_desc": "Bars to the right count cooperation ties, bars to the left conflict "
        "ties; shades and dashed outlines tell the types apart.",
        "camps": "Two camps",
        "camps_desc": "Each country sits between the story's two poles: the nearer an end, "
        "the firmer its side.",
        "timeline": "Dated events",
        "timeline_desc": "Dots mark days; bars span the whole month or year when the article "
        "gives no closer date.",
        "no_ties": "No ties found",
        "no_events": "No dated events found",
        "no_camps": "No two opposing camps found",
        "country": "Country",
        "pair": "Pair",
        "camp": "Camp",
        "unaligned": "unaligned",
        "mentions": "Mentions",
        "ties": "Ties",
        "evidence": "Evidence",
        "net": "Net score",
        "type": "Type",
        "family": "Family",
        "types_field": "Types",
        "position": "Position",
        "date": "Date",
        "precision": "Date precision",
        "sentence": "Sentence",
        "countries": "Countries",
        "types_axis": "← conflict · ties · cooperation →",
        "camps_axis": "← nearer {a} · nearer {b} →",
    },
    "id": {
        "network": "Siapa terhubung dengan siapa",
        "network_desc": "Besar titik negara menurut jumlah sebutan, warnanya menurut kubu; "
        "garis biru utuh berarti kerja sama, garis oranye putus-putus berarti konflik, makin "
        "tebal makin banyak bukti.",
        "matrix": "Skor bersih antarnegara",
        "matrix_desc": "Tiap sel menjumlahkan skor jenis hubungan sepasang negara: biru kerja "
        "sama, oranye konflik, abu-abu seimbang.",
        "types": "Jenis hubungan per negara",
        "types_desc": "Batang ke kanan menghitung hubungan kerja sama, ke kiri hubungan "
        "konflik; gradasi warna dan garis tepi putus-putus membedakan jenisnya.",
        "camps": "Dua kubu",
        "camps_desc": "Tiap negara berada di antara dua kutub berita: makin dekat ke ujung, "
        "makin tegas keberpihakannya.",
        "timeline": "Peristiwa bertanggal",
        "timeline_desc": "Titik menandai hari; batang merentang sebulan atau setahun penuh bila "
        "artikel tidak menyebut tanggal yang lebih tepat.",
        "no_ties": "Tidak ada hubungan yang ditemukan",
        "no_events": "Tidak ada peristiwa bertanggal",
        "no_camps": "Tidak ditemukan dua kubu yang berseberangan",
        "country": "Negara",
        "pair": "Pasangan",
        "camp": "Kubu",
        "unaligned": "tidak berpihak",
        "mentions": "Sebutan",
        "ties": "Hubungan",
        "evidence": "Bukti",
        "net": "Skor bersih",
        "type": "Jenis",
        "family": "Kelompok",
        "types_field": "Jenis",
        "position": "Posisi",
        "date": "Tanggal",
        "precision": "Ketepatan tanggal",
        "sentence": "Kalimat",
        "countries": "Negara",
        "types_axis": "← konflik · hubungan · kerja sama →",
        "camps_axis": "← dekat {a} · dekat {b} →",
    },
}


def words(lang: str) -> dict[str, str]:
    """The chart vocabulary in the reader's language."""
    return WORDS[language(lang)]


def empty_chart(message: str, title: str, description: str, width: int = 420) -> alt.Chart:
    """A chart that only says why there is nothing to draw."""
    return (
        alt.Chart(alt.Data(values=[{"message": message}]))
        .mark_text(fontSize=14, color="#555555")
        .encode(text="message:N")
        .properties(width=width, height=80, title=title, description=f"{description} {message}.")
    )


def legible(chart: TopChart) -> TopChart:
    """Dark axis, legend and title text (Streamlit's theme greys fall below 4.5:1), no frame."""
    chart.config = alt.Config(  # set once: each configure_* call would deep-copy the chart
        view=alt.ViewConfig(stroke=None),
        axis=alt.AxisConfig(labelColor=LABEL_COLOUR, titleColor=INK_COLOUR),
        legend=alt.LegendConfig(labelColor=LABEL_COLOUR, titleColor=INK_COLOUR),
        title=alt.TitleConfig(color=INK_COLOUR),
    )
    return chart


def said(head: str, *facts: tuple[str, Any]) -> str:
    """What a screen reader announces for one mark: its subject, then each titled fact."""
    return f"{head}: " + "; ".join(f"{title} {value}" for title, value in facts)


def chart_ties(
    analysis: Analysis,
    types: Collection[str] | None,
    focus: str | None,
    organisations: bool,
) -> list[Tie]:
    """The ties a chart draws: filtered, and between countries unless organisations are wanted."""
    ties = filter_ties(analysis, types, focus)
    if organisations:
        return [t for t in ties if t.source != t.target]
    countries = {c.iso3 for c in analysis.countries}
    return [
        t
        for t in ties
        if t.source in countries and t.target in countries and t.pair[0] != t.pair[1]
    ]


def camp_labels(analysis: Analysis, lang: str) -> tuple[dict[str, str], list[str]]:
    """Each country's camp as a reader sees it (its pole's name), and the legend's order."""
    names = display_names(analysis, lang)
    unaligned = words(lang)["unaligned"]
    labels = {c: names.get(p, p) for c, p in camp_of(analysis).items()}
    poles = analysis.camps.poles
    order = [names.get(p, p) for p in poles] if poles else []
    return labels, [*order, unaligned]


def camp_scales(order: list[str], present: Iterable[str]) -> tuple[alt.Scale, alt.Scale]:
    """Colour and shape scales for the camps drawn; a camp keeps its colour when another is absent.

    order is camp_labels' legend order: the poles' camps, then the unaligned (grey, diamond).
    """
    colours = dict(zip(order, [*CAMP_COLOURS[: len(order) - 1], UNALIGNED_COLOUR], strict=True))
    shapes = dict(zip(order, [*CAMP_SHAPES[: len(order) - 1], UNALIGNED_SHAPE], strict=True))
    shown = set(present)
    domain = [label for label in order if label in shown]
    return (
        alt.Scale(domain=domain, range=[colours[c] for c in domain]),
        alt.Scale(domain=domain, range=[shapes[c] for c in domain]),
    )


def family_scales(lang: str) -> tuple[alt.Scale, alt.Scale]:
    """Colour and dash scales for the two families, so one legend shows both."""
    domain = [family_label(f, lang) for f in FAMILIES]
    return (
        alt.Scale(domain=domain, range=[FAMILY_COLOURS[f] for f in FAMILIES]),
        alt.Scale(domain=domain, range=[FAMILY_DASHES[f] for f in FAMILIES]),
    )


def node_order(analysis: Analysis, ids: Iterable[str]) -> list[str]:
    """Tie ends ordered like the countries (most named first), organisations after."""
    wanted = set(ids)
    order = [c.iso3 for c in analysis.countries if c.iso3 in wanted]
    return order + sorted(wanted - set(order))


def spring_positions(nodes: list[str], weights: Mapping[tuple[str, str], float]) -> dict:
    """A deterministic force layout: the same article always draws the same picture."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    for (a, b), w in weights.items():
        graph.add_edge(a, b, weight=w)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    pos = nx.spring_layout(graph, seed=LAYOUT_SEED, weight="weight", iterations=200)
    return {n: (round(float(p[0]), 4), round(float(p[1]), 4)) for n, p in pos.items()}


def family_edges(ties: Iterable[Tie]) -> dict[tuple[str, str], dict[str, list[Tie]]]:
    """Ties grouped per pair and family: each group is one line on the network or the map."""
    out: dict[tuple[str, str], dict[str, list[Tie]]] = defaultdict(lambda: defaultdict(list))
    for t in ties:
        out[t.pair][TIE_FAMILY[t.type]].append(t)
    return {pair: dict(fams) for pair, fams in sorted(out.items())}


def type_list(ties: Iterable[Tie], lang: str) -> str:
    """Distinct tie types, strongest first, in the reader's language."""
    kinds = {t.type for t in ties}
    return ", ".join(tie_label(t, lang) for t in TIE_ORDER if t in kinds)


def network_chart(
    analysis: Analysis,
    *,
    lang: str = "en",
    types: Collection[str] | None = None,
    focus: str | None = None,
    organisations: bool = False,
    width: int = 560,
    height: int = 420,
) -> TopChart:
    """Node-link diagram: countries placed by a seeded spring layout, lines per tie family."""
    w = words(lang)
    ties = chart_ties(analysis, types, focus, organisations)
    if not ties:
        return empty_chart(w["no_ties"], w["network"], w["network_desc"], width)
    names = display_names(analysis, lang)
    grouped = family_edges(ties)
    nodes = node_order(analysis, {end for pair in grouped for end in pair})
    pos = spring_positions(nodes, {p: sum(map(len, f.values())) for p, f in grouped.items()})
    nets = {(r["a"], r["b"]): r["net"] for r in pair_rows(ties, names)}
    edges = [
        edge_row(pair, family, group, pos, names, nets[pair], lang, both=len(fams) == 2)
        for pair, fams in grouped.items()
        for family, group in fams.items()
    ]
    for e in edges:
        e["said"] = said(
            e["pair"],
            (w["family"], e["family"]),
            (w["types_field"], e["types"]),
            (w["evidence"], e["evidence"]),
            (w["net"], e["net_label"]),
        )
    camp, camp_order = camp_labels(analysis, lang)
    mentions = {c.iso3: c.mentions for c in analysis.countries}
    mentions |= {a.id: a.mentions for a in analysis.actors if a.id not in mentions}
    degree = Counter(end for t in ties for end in {t.source, t.target})
    node_rows = [
        {
            "id": n,
            "name": names.get(n, n),
            "x": pos[n][0],
            "y": pos[n][1],
            "mentions": mentions.get(n, 0),
            "camp": camp.get(n, w["unaligned"]),
            "ties": degree[n],
        }
        for n in nodes
    ]
    for r in node_rows:
        r["said"] = said(
            r["name"],
            (w["camp"], r["camp"]),
            (w["mentions"], r["mentions"]),
            (w["ties"], r["ties"]),
        )
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=padded(xs, 0.25), nice=False))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(domain=padded(ys, 0.2), nice=False))
    colour, dash = family_scales(lang)
    lines = (
        alt.Chart(alt.Data(values=edges))
        .mark_rule(opacity=0.85)
        .encode(
            x=x,
            y=y,
            x2="x2:Q",
            y2="y2:Q",
            color=alt.Color("family:N", scale=colour, title=w["family"]),
            strokeDash=alt.StrokeDash("family:N", scale=dash, title=w["family"]),
            strokeWidth=alt.StrokeWidth("evidence:Q", scale=alt.Scale(range=[1.5, 6]), legend=None),
            description=alt.Description("said", type="nominal"),
            tooltip=[
                alt.Tooltip("pair:N", title=w["pair"]),
                alt.Tooltip("family:N", title=w["family"]),
                alt.Tooltip("types:N", title=w["types_field"]),
                alt.Tooltip("evidence:Q", title=w["evidence"]),
                alt.Tooltip("net_label:N", title=w["net"]),
            ],
        )
    )
    camp_colour, camp_shape = camp_scales(camp_order, (n["camp"] for n in node_rows))
    node_base = alt.Chart(alt.Data(values=node_rows)).encode(x=x, y=y)
    dots = node_base.mark_point(filled=True, opacity=1, stroke="white", strokeWidth=1).encode(
        size=alt.Size("mentions:Q", scale=alt.Scale(range=[80, 900]), legend=None),
        color=alt.Color("camp:N", scale=camp_colour, title=w["camp"]),
        shape=alt.Shape("camp:N", scale=camp_shape, title=w["camp"]),
        description=alt.Description("said", type="nominal"),
        tooltip=[
            alt.Tooltip("name:N", title=w["country"]),
            alt.Tooltip("mentions:Q", title=w["mentions"]),
            alt.Tooltip("camp:N", title=w["camp"]),
            alt.Tooltip("ties:Q", title=w["ties"]),
        ],
    )
    text = {"dy": -15, "fontSize": 11, "fontWeight": "bold", "aria": False}
    halo = node_base.mark_text(**text, stroke="white", strokeWidth=3, strokeOpacity=0.9)
    labels = node_base.mark_text(**text, color=INK_COLOUR)
    return legible(
        alt.layer(lines, dots, halo.encode(text="name:N"), labels.encode(text="name:N"))
        .resolve_scale(
            color="independent", strokeDash="independent", shape="independent", size="independent"
        )
        .properties(width=width, height=height, title=w["network"], description=w["network_desc"])
    )


def edge_row(
    pair: tuple[str, str],
    family: str,
    group: list[Tie],
    pos: Mapping[str, tuple[float, float]],
    names: Mapping[str, str],
    net: float,
    lang: str,
    *,
    both: bool,
) -> Row:
    """One line of the network; a pair with both families gets two lines, side by side."""
    (x1, y1), (x2, y2) = pos[pair[0]], pos[pair[1]]
    shift = 0.0
    if both:
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        shift = 0.02 if family == COOPERATION else -0.02
        dx, dy = -(y2 - y1) / length * shift, (x2 - x1) / length * shift
    else:
        dx = dy = 0.0
    return {
        "pair": f"{names.get(pair[0], pair[0])} – {names.get(pair[1], pair[1])}",
        "x": round(x1 + dx, 4),
        "y": round(y1 + dy, 4),
        "x2": round(x2 + dx, 4),
        "y2": round(y2 + dy, 4),
        "family": family_label(family, lang),
        "types": type_list(group, lang),
        "evidence": sum(len(t.evidence) for t in group),
        "net": net,
        "net_label": signed(net),
    }


def padded(values: list[float], pad: float) -> list[float]:
    """An axis domain a little wider than the data, so labels and big dots fit."""
    lo, hi = min(values), max(values)
    if hi - lo < 1e-9:
        lo, hi = lo - 1, hi + 1
    return [round(lo - pad * (hi - lo), 4), round(hi + pad * (hi - lo), 4)]


def matrix_chart(
    analysis: Analysis,
    *,
    lang: str = "en",
    types: Collection[str] | None = None,
    focus: str | None = None,
    organisations: bool = False,
) -> TopChart:
    """Country × country heatmap of net score on a diverging scale centred on 0."""
    w = words(lang)
    ties = chart_ties(analysis, types, focus, organisations)
    if not ties:
        return empty_chart(w["no_ties"], w["matrix"], w["matrix_desc"])
    names = display_names(analysis, lang)
    pairs = pair_rows(ties, names)
    top = max(abs(r["net"]) for r in pairs) or 1.0
    rows = []
    for r in pairs:
        cell = r | {
            "label": signed(r["net"]),
            "types": ", ".join(tie_label(t, lang) for t in r["types"].split(", ")),
            "ink": cell_ink(diverging_colour(r["net"], top)),
        }
        flip = {"a": r["b"], "b": r["a"], "a_name": r["b_name"], "b_name": r["a_name"]}
        for row in (cell, cell | flip):
            head = f"{row['a_name']} – {row['b_name']}"
            facts = ((w["net"], row["label"]), (w["types_field"], row["types"]))
            rows.append(row | {"said": said(head, *facts)})
    order = [names.get(n, n) for n in node_order(analysis, {r["a"] for r in rows})]
    base = alt.Chart(alt.Data(values=rows)).encode(
        x=alt.X("b_name:N", sort=order, title=None, axis=alt.Axis(labelAngle=-40, orient="top")),
        y=alt.Y("a_name:N", sort=order, title=None),
    )
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color(
            "net:Q",
            scale=alt.Scale(
                domain=diverging_domain(top), range=list(DIVERGING_COLOURS), interpolate="rgb"
            ),
            title=w["net"],
        ),
        description=alt.Description("said", type="nominal"),
        tooltip=[
            alt.Tooltip("a_name:N", title=w["country"]),
            alt.Tooltip("b_name:N", title=w["country"]),
            alt.Tooltip("label:N", title=w["net"]),
            alt.Tooltip("types:N", title=w["types_field"]),
            alt.Tooltip("evidence:Q", title=w["evidence"]),
        ],
    )
    inks = list(CELL_INKS)
    text = base.mark_text(fontSize=11, aria=False).encode(
        text="label:N",
        color=alt.Color("ink:N", scale=alt.Scale(domain=inks, range=inks), legend=None),
    )
    return legible(
        alt.layer(cells, text).properties(
            width=alt.Step(38),
            height=alt.Step(30),
            title=w["matrix"],
            description=w["matrix_desc"],
        )
    )


def ties_by_type_chart(
    analysis: Analysis,
    *,
    lang: str = "en",
    types: Collection[str] | None = None,
    focus: str | None = None,
    organisations: bool = False,
    width: int = 480,
) -> TopChart:
    """Per country, stacked bars of its ties by type: cooperation right of 0, conflict left."""
    w = words(lang)
    ties = chart_ties(analysis, types, focus, organisations)
    if not ties:
        return empty_chart(w["no_ties"], w["types"], w["types_desc"], width)
    names = display_names(analysis, lang)
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for t in ties:
        for end in {t.source, t.target}:
            counts[end, t.type][0] += 1
            counts[end, t.type][1] += len(t.evidence)
    rank = {t: i for i, t in enumerate(TIE_ORDER)}
    rows = []
    for (end, kind), (n, evidence) in counts.items():
        family = TIE_FAMILY[kind]
        rows.append(
            {
                "country": names.get(end, end),
                "type": tie_label(kind, lang),
                "family": family_label(family, lang),
                "count": n if family == COOPERATION else -n,
                "ties": n,
                "evidence": evidence,
                "rank": rank[kind],
                "said": said(
                    names.get(end, end),
                    (w["type"], f"{tie_label(kind, lang)} ({family_label(family, lang)})"),
                    (w["ties"], n),
                    (w["evidence"], evidence),
                ),
            }
        )
    totals = Counter()
    for r in rows:
        totals[r["country"]] += r["ties"]
    order = sorted(totals, key=lambda c: (-totals[c], c))
    present = [t for t in TIE_ORDER if any(kind == t for _, kind in counts)]
    _, dash = family_scales(lang)
    bars = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar(stroke=INK_COLOUR, strokeWidth=1)
        .encode(
            y=alt.Y("country:N", sort=order, title=None),
            x=alt.X(
                "count:Q",
                title=w["types_axis"],
                stack="zero",
                axis=alt.Axis(labelExpr="abs(datum.value)", tickMinStep=1, format="d"),
            ),
            color=alt.Color(
                "type:N",
                scale=alt.Scale(
                    domain=[tie_label(t, lang) for t in present],
                    range=[TIE_COLOURS[t] for t in present],
                ),
                title=w["type"],
            ),
            strokeDash=alt.StrokeDash(
                "family:N",
                scale=dash,
                legend=alt.Legend(
                    title=w["family"], symbolFillColor="white", symbolStrokeColor=INK_COLOUR
                ),
            ),
            order=alt.Order("rank:Q"),
            description=alt.Description("said", type="nominal"),
            tooltip=[
                alt.Tooltip("country:N", title=w["country"]),
                alt.Tooltip("type:N", title=w["type"]),
                alt.Tooltip("family:N", title=w["family"]),
                alt.Tooltip("ties:Q", title=w["ties"]),
                alt.Tooltip("evidence:Q", title=w["evidence"]),
            ],
        )
    )
    zero = (
        alt.Chart(alt.Data(values=[{"zero": 0}]))
        .mark_rule(color=INK_COLOUR, aria=False)
        .encode(x="zero:Q")
    )
    return legible(
        alt.layer(bars, zero).properties(
            width=width, height=alt.Step(22), title=w["types"], description=w["types_desc"]
        )
    )


def camps_chart(analysis: Analysis, *, lang: str = "en", width: int = 480) -> TopChart:
    """Each placed country on a line from one pole (-1) to the other (+1), coloured by camp."""
    w = words(lang)
    poles = analysis.camps.poles
    rows = [r for r in camp_rows(analysis, lang) if r["position"] is not None]
    if not poles or not rows:
        return empty_chart(w["no_camps"], w["camps"], w["camps_desc"], width)
    names = display_names(analysis, lang)
    a, b = (names.get(p, p) for p in poles)
    labels, order = camp_labels(analysis, lang)
    data = [
        {
            "country": r["country"],
            "position": r["position"],
            "zero": 0.0,
            "camp": labels.get(r["iso3"], w["unaligned"]),
            "pole": r["is_pole"],
            "said": said(
                r["country"],
                (w["camp"], labels.get(r["iso3"], w["unaligned"])),
                (w["position"], f"{r['position']:+.2f}"),
            ),
        }
        for r in rows
    ]
    label_expr = (
        f"datum.value === -1 ? {json.dumps(a, ensure_ascii=False)} : "
        f"datum.value === 1 ? {json.dumps(b, ensure_ascii=False)} : '0'"
    )
    colour, shape = camp_scales(order, (r["camp"] for r in data))
    base = alt.Chart(alt.Data(values=data)).encode(
        y=alt.Y("country:N", sort=[r["country"] for r in rows], title=None),
        x=alt.X(
            "position:Q",
            scale=alt.Scale(domain=[-1.1, 1.1], nice=False),
            axis=alt.Axis(
                values=[-1, 0, 1], labelExpr=label_expr, grid=True, labelFontWeight="bold"
            ),
            title=w["camps_axis"].format(a=a, b=b),
        ),
        color=alt.Color("camp:N", scale=colour, title=w["camp"]),
    )
    stems = base.mark_rule(strokeWidth=2, opacity=0.6, aria=False).encode(x2="zero:Q")
    dots = base.mark_point(filled=True, size=150, opacity=1).encode(
        shape=alt.Shape("camp:N", scale=shape, title=w["camp"]),
        description=alt.Description("said", type="nominal"),
        tooltip=[
            alt.Tooltip("country:N", title=w["country"]),
            alt.Tooltip("camp:N", title=w["camp"]),
            alt.Tooltip("position:Q", title=w["position"], format="+.2f"),
        ],
    )
    return legible(
        alt.layer(stems, dots).properties(
            width=width, height=alt.Step(24), title=w["camps"], description=w["camps_desc"]
        )
    )


def timeline_chart(events: Any, *, lang: str = "en", width: int = 560) -> TopChart:
    """Events on a time axis: days as dots, month or year precision as bars over the period."""
    w = words(lang)
    rows = timeline_rows(events, lang)
    if not rows:
        return empty_chart(w["no_events"], w["timeline"], w["timeline_desc"], width)
    order = [r["row"] for r in sorted(rows, key=lambda r: (r["begin"], r["row"]))]
    domain = [precision_label(p, lang) for p in PRECISION_COLOURS]
    colour = alt.Scale(domain=domain, range=list(PRECISION_COLOURS.values()))
    tooltip = [
        alt.Tooltip("label:N", title=w["date"]),
        alt.Tooltip("precision_label:N", title=w["precision"]),
        alt.Tooltip("country_names:N", title=w["countries"]),
        alt.Tooltip("sentence_text:N", title=w["sentence"]),
    ]
    base = alt.Chart(alt.Data(values=rows)).encode(
        y=alt.Y(
            "row:N", sort=list(dict.fromkeys(order)), title=None, axis=alt.Axis(labelLimit=280)
        ),
        color=alt.Color("precision_label:N", scale=colour, title=w["precision"]),
        description=alt.Description("said", type="nominal"),
        tooltip=tooltip,
    )
    x = alt.X("begin:T", title=None, scale=alt.Scale(type="utc"), axis=alt.Axis(format="%Y-%m"))
    spans = (
        base.transform_filter(alt.datum.precision != "day")
        .mark_bar(height=12, opacity=0.7, cornerRadius=2)
        .encode(x=x, x2="end:T")
    )
    days = (
        base.transform_filter(alt.datum.precision == "day")
        .mark_point(filled=True, size=110, opacity=1)
        .encode(x=alt.X("mid:T", scale=alt.Scale(type="utc")))
    )
    return legible(
        alt.layer(spans, days).properties(
            width=width, height=alt.Step(26), title=w["timeline"], description=w["timeline_desc"]
        )
    )


def timeline_rows(events: Any, lang: str) -> list[Row]:
    """Event rows from an Analysis, an events_table DataFrame or a list of event_rows dicts."""
    if isinstance(events, Analysis):
        raw = event_rows(events, lang)
    elif hasattr(events, "to_dict"):
        raw = events.to_dict("records")
    else:
        raw = list(events or [])
    w = words(lang)
    rows = []
    for r in raw:
        begin, end = r.get("begin"), r.get("end")
        if not isinstance(begin, str) or not isinstance(end, str):
            continue
        precision = r.get("precision") if r.get("precision") in PRECISION_COLOURS else "day"
        names = r.get("country_names") or r.get("countries") or ""
        sentence = str(r.get("sentence_text") or r.get("text") or "")
        rows.append(
            {
                "begin": begin,
                "end": end,
                "mid": f"{begin}T12:00:00Z",
                "precision": precision,
                "precision_label": precision_label(precision, lang),
                "label": r.get("label") or r.get("date") or begin,
                "row": f"{r.get('label') or begin} · {names}" if names else str(r.get("label")),
                "country_names": names,
                "sentence_text": sentence if len(sentence) <= 240 else sentence[:239] + "…",
                "said": said(
                    str(r.get("label") or begin),
                    (w["precision"], precision_label(precision, lang)),
                    (w["countries"], names or "–"),
                ),
            }
        )
    return rows


def chart_reading(
    kind: str,
    analysis: Analysis,
    lang: str = "en",
    *,
    types: Collection[str] | None = None,
    focus: str | None = None,
) -> str:
    """One computed sentence saying what a chart shows, for the caption under it."""
    readers = {
        "network": read_network,
        "map": read_map,
        "matrix": read_matrix,
        "ties_by_type": read_types,
        "camps": read_camps,
        "timeline": read_timeline,
    }
    if kind not in readers:
        raise ValueError(f"unknown chart kind {kind!r}; expected one of {', '.join(READING_KINDS)}")
    return readers[kind](analysis, language(lang), types, focus)


def read_matrix(analysis: Analysis, lang: str, types, focus) -> str:
    """The strongest partnership and the fiercest rivalry, named from the subject's side."""
    names = display_names(analysis, lang)
    pairs = pair_rows(chart_ties(analysis, types, focus, False), names)
    mentions = {c.iso3: c.mentions for c in analysis.countries}

    def subject_last(r: Row) -> tuple[str, str]:
        a, b = r["a"], r["b"]
        if a == focus or (b != focus and (-mentions.get(a, 0), a) < (-mentions.get(b, 0), b)):
            a, b = b, a
        return names.get(a, a), names.get(b, b)

    parts = []
    best = max(pairs, key=lambda r: (r["net"], r["a"], r["b"]), default=None)
    if best and best["net"] > 0:
        other, subject = subject_last(best)
        parts.append(
            f"{other} is {subject}'s strongest partner: {signed(best['net'])}"
            if lang == "en"
            else f"{other} adalah mitra terkuat {subject}: {signed(best['net'])}"
        )
    worst = min(pairs, key=lambda r: (r["net"], r["a"], r["b"]), default=None)
    if worst and worst["net"] < 0:
        other, subject = subject_last(worst)
        parts.append(
            f"{other} is {subject}'s fiercest rival: {signed(worst['net'])}"
            if lang == "en"
            else f"{other} adalah lawan terberat {subject}: {signed(worst['net'])}"
        )
    if not parts:
        return (
            "No pair of countries has a net score."
            if lang == "en"
            else ("Belum ada pasangan negara dengan skor bersih.")
        )
    return "; ".join(parts) + "."


def read_network(analysis: Analysis, lang: str, types, focus) -> str:
    """The best-connected country (or the focus) and the cooperation/conflict balance."""
    ties = chart_ties(analysis, types, focus, False)
    if not ties:
        return "No ties between countries." if lang == "en" else "Tidak ada hubungan antarnegara."
    names = display_names(analysis, lang)
    partners: dict[str, set[str]] = defaultdict(set)
    for t in ties:
        partners[t.source].add(t.target)
        partners[t.target].add(t.source)
    mentions = {c.iso3: c.mentions for c in analysis.countries}
    hub = (
        focus
        if focus in partners
        else min(partners, key=lambda c: (-len(partners[c]), -mentions.get(c, 0), c))
    )
    n = len(partners[hub])
    coop = sum(TIE_FAMILY[t.type] == COOPERATION for t in ties)
    conf = len(ties) - coop
    name = names.get(hub, hub)
    if lang == "id":
        lead = (
            f"{name} terhubung dengan {n} negara"
            if focus
            else (f"{name} terhubung dengan negara terbanyak ({n})")
        )
        return f"{lead}; dari {len(ties)} hubungan, {coop} kerja sama dan {conf} konflik."
    lead = (
        f"{name} is tied to {n} {plural(n, 'country', 'countries')}"
        if focus
        else (f"{name} is tied to the most countries ({n})")
    )
    return f"{lead}; of {len(ties)} ties, {coop} are cooperation and {conf} conflict."


def read_map(analysis: Analysis, lang: str, types, focus) -> str:
    """How many countries the story involves and which it names most."""
    if not analysis.countries:
        return (
            "The article names no country."
            if lang == "en"
            else ("Artikel ini tidak menyebut negara mana pun.")
        )
    names = display_names(analysis, lang)
    top = analysis.countries[0]
    n = len(analysis.countries)
    if lang == "id":
        return (
            f"{n} negara terlibat; {names[top.iso3]} paling sering disebut ({top.mentions} kali)."
        )
    return (
        f"{n} {plural(n, 'country', 'countries')} involved; {names[top.iso3]} is named most "
        f"({top.mentions} {plural(top.mentions, 'time', 'times')})."
    )


def read_types(analysis: Analysis, lang: str, types, focus) -> str:
    """The commonest tie type and the share of conflict."""
    ties = chart_ties(analysis, types, focus, False)
    if not ties:
        return "No ties between countries." if lang == "en" else "Tidak ada hubungan antarnegara."
    counts = Counter(t.type for t in ties)
    rank = {t: i for i, t in enumerate(TIE_ORDER)}
    top = min(counts, key=lambda t: (-counts[t], rank[t]))
    label = tie_label(top, lang)
    label = label[0].upper() + label[1:]
    total = len(ties)
    conf = sum(n for t, n in counts.items() if TIE_FAMILY[t] == CONFLICT)
    if lang == "id":
        return (
            f"{label} adalah jenis hubungan yang paling sering ({counts[top]} dari {total}); "
            f"{conf} dari {total} berupa konflik."
        )
    return (
        f"{label} is the most common tie ({counts[top]} of {total}); "
        f"{conf} of {total} are conflict."
    )


def read_camps(analysis: Analysis, lang: str, types, focus) -> str:
    """Who anchors the two camps and how many countries line up behind each."""
    poles = analysis.camps.poles
    if not poles:
        return (
            "No two opposing camps stand out."
            if lang == "en"
            else ("Tidak ada dua kubu yang berseberangan.")
        )
    names = display_names(analysis, lang)
    a, b = (names.get(p, p) for p in poles)
    sides = Counter(side for c, side in analysis.camps.camp.items() if c not in poles)
    na, nb = sides.get(0, 0), sides.get(1, 0)
    if lang == "id":
        return f"{a} dan {b} menjadi kutub dua kubu: {na} negara memihak {a}, {nb} memihak {b}."
    verb = "sides" if na == 1 else "side"
    return (
        f"{a} and {b} anchor the two camps: {na} {plural(na, 'country', 'countries')} "
        f"{verb} with {a}, {nb} with {b}."
    )


def read_timeline(analysis: Analysis, lang: str, types, focus) -> str:
    """How many dated events and the period they cover."""
    rows = [r for r in event_rows(analysis, lang) if r["begin"]]
    if not rows:
        return "No dated events." if lang == "en" else "Tidak ada peristiwa bertanggal."
    first = min(rows, key=lambda r: (r["begin"], r["end"]))
    last = max(rows, key=lambda r: (r["end"], r["begin"]))
    if len(rows) == 1:
        return (
            f"One dated event: {first['label']}."
            if lang == "en"
            else f"Satu peristiwa bertanggal: {first['label']}."
        )
    if lang == "id":
        return f"{len(rows)} peristiwa bertanggal, dari {first['label']} hingga {last['label']}."
    return f"{len(rows)} dated events, from {first['label']} to {last['label']}."


def plural(n: int, one: str, many: str) -> str:
    """English singular or plural by count."""
    return one if n == 1 else many


def vega_lite_version() -> str | None:
    """The Vega-Lite version altair writes, if vl-convert knows it (else its default)."""
    import vl_convert as vlc

    version = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    return version if version in vlc.get_vegalite_versions() else None


def to_png(chart: TopChart, scale: float = 2.0) -> bytes:
    """The chart as PNG bytes, rendered offline by vl-convert."""
    import vl_convert as vlc

    return vlc.vegalite_to_png(chart.to_dict(), vl_version=vega_lite_version(), scale=scale)


def to_svg(chart: TopChart) -> str:
    """The chart as an SVG document, rendered offline by vl-convert."""
    import vl_convert as vlc

    return vlc.vegalite_to_svg(chart.to_dict(), vl_version=vega_lite_version())
