"""The article as HTML with actors, cue words and search hits marked, escaped piece by piece."""

from __future__ import annotations

import bisect
import html
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from diplomap import i18n
from diplomap.model import ACTOR_KINDS, Analysis, Evidence, Tie

_PARAGRAPH = re.compile(r"[^\r\n]+")
_NOT_CSS = re.compile(r"[^a-z0-9-]+")
_ISO2 = re.compile(r"[A-Z]{2}")
_INERT = str.maketrans(
    {
        "$": "&#36;",
        "*": "&#42;",
        "_": "&#95;",
        "`": "&#96;",
        "[": "&#91;",
        "]": "&#93;",
        "\\": "&#92;",
        "~": "&#126;",
        "|": "&#124;",
        "\n": " ",
        "\r": " ",
    }
)

NEUTRAL_SYMBOL = "🌐"
MENTION, CUE, HIT = 0, 1, 2

TEXT = "#1A1A1A"
MUTED = "#404040"
FOCUS = "#0072B2"
KIND_COLOURS: dict[str, tuple[str, str]] = {
    "country": ("#DCEBF7", "#0072B2"),
    "person": ("#FCE8D5", "#E69F00"),
    "organization": ("#DDF2EA", "#009E73"),
    "company": ("#F6E3EE", "#CC79A7"),
    "agency": ("#FBF6D2", "#9E8F00"),
    "media": ("#ECECEC", "#666666"),
}
FAMILY_COLOURS: dict[str, tuple[str, str, str]] = {
    "cooperation": ("#EAF3FB", "#0072B2", "#00537F"),
    "conflict": ("#FDEEE6", "#D55E00", "#9A3C00"),
    "mixed": ("#EFEFEF", "#666666", "#404040"),
}
HIT_COLOURS = ("#FFE066", "#8A6D00")
TARGET_COLOURS = ("#FFF4C2", "#8A6D00")


def _build_css() -> str:
    """The stylesheet, from the palettes above so tests can check their contrast."""
    rules = [
        ".dm-excerpts{line-height:1.8;overflow-wrap:anywhere;word-break:normal;max-width:100%}",
        ".dm-par{margin:0 0 1em}",
        ".dm-sent{scroll-margin-top:5rem;border-radius:.2em}",
        f".dm-sent:target{{background:{TARGET_COLOURS[0]};color:{TEXT};"
        f"box-shadow:0 0 0 .15em {TARGET_COLOURS[1]}}}",
        f".dm-excerpts mark{{color:{TEXT};padding:.05em .2em;border-radius:.25em;"
        "-webkit-box-decoration-break:clone;box-decoration-break:clone}",
        ".dm-ent{border:1px solid}",
        ".dm-flag{margin-right:.2em}",
        f".dm-kind{{font-size:.7em;font-weight:600;color:{MUTED};margin-left:.3em;"
        "text-transform:uppercase;letter-spacing:.03em}",
        ".dm-cue{border-bottom:.2em solid}",
        ".dm-cue.dm-conflict{border-bottom-style:dashed}",
        ".dm-cue.dm-neg{border-bottom-style:dotted}",
        ".dm-type{font-size:.7em;font-weight:700;margin-left:.2em;line-height:0}",
        ".dm-neg .dm-type{font-style:italic}",
        f".dm-excerpts mark.dm-hit{{background:{HIT_COLOURS[0]};"
        f"outline:1px solid {HIT_COLOURS[1]}}}",
        f".dm-excerpts a:focus-visible,.dm-excerpts [tabindex]:focus-visible,"
        f".dm-sent:focus-visible{{outline:3px solid {FOCUS};outline-offset:2px}}",
    ]
    for kind, (bg, border) in KIND_COLOURS.items():
        rules.append(f".dm-ent.dm-{kind}{{background:{bg};border-color:{border}}}")
    for family, (bg, line, label) in FAMILY_COLOURS.items():
        rules.append(f".dm-cue.dm-{family}{{background:{bg};border-bottom-color:{line}}}")
        rules.append(f".dm-cue.dm-{family} .dm-type{{color:{label}}}")
    rules.append("@media (max-width:640px){.dm-excerpts{line-height:1.7}.dm-kind{font-size:.62em}}")
    rules.append("@media (forced-colors:active){.dm-excerpts mark{border:1px solid CanvasText}}")
    return "\n".join(rules)


EXCERPT_CSS = _build_css()


@dataclass(frozen=True)
class Paragraph:
    """One block of the article between newlines, rendered, with the ties it gives evidence for."""

    index: int
    start: int
    end: int
    html: str
    sentences: tuple[int, ...]
    ties: tuple[Tie, ...]
    matched: bool


@dataclass(frozen=True, slots=True)
class _Span:
    """Text to wrap in a tag; prefix and suffix go only where it truly starts and ends."""

    start: int
    end: int
    rank: int
    open: str
    close: str
    prefix: str = ""
    suffix: str = ""


def escape(text: str) -> str:
    """HTML-escape a slice of article text and make Markdown and math in it inert."""
    return html.escape(text, quote=True).translate(_INERT)


def css_token(value: str) -> str:
    """A data value made safe to use inside a class name."""
    return _NOT_CSS.sub("-", value.lower()).strip("-") or "x"


def flag_emoji(code: str | None) -> str:
    """The flag for an ISO2 or ISO3 code as two regional indicator symbols; "" when unknown."""
    code = (code or "").strip().upper()
    if len(code) == 3:
        code = i18n.country_iso2(code) or ""
    if not _ISO2.fullmatch(code):
        return ""
    return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in code)


def sentence_anchor(index: int) -> str:
    """The id of a sentence's element, for links that scroll to it."""
    return f"s-{index}"


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank block of text between newlines."""
    return [m.span() for m in _PARAGRAPH.finditer(text) if not m.group().isspace()]


def query_pattern(query: str) -> re.Pattern[str] | None:
    """A case-insensitive pattern for a search query, any run of spaces matching any other."""
    words = query.split()
    if not words:
        return None
    return re.compile(r"\s+".join(map(re.escape, words)), re.IGNORECASE)


def matching_sentences(
    analysis: Analysis,
    *,
    countries: Iterable[str] | None = None,
    types: Iterable[str] | None = None,
    query: str = "",
) -> frozenset[int] | None:
    """Sentences that pass every filter given; None when no filter is given (None or empty)."""
    passing: list[set[int]] = []
    wanted_countries = {c.upper() for c in countries or ()}
    if wanted_countries:
        passing.append({m.sentence for m in analysis.mentions if m.country in wanted_countries})
    wanted_types = set(types or ())
    if wanted_types:
        passing.append(
            {e.sentence for tie in analysis.ties if tie.type in wanted_types for e in tie.evidence}
        )
    pattern = query_pattern(query)
    if pattern:
        text = analysis.article.text
        found = {s.index for s in analysis.sentences if pattern.search(text, s.start, s.end)}
        passing.append(found)
    if not passing:
        return None
    return frozenset(set.intersection(*passing))


def _country_names(
    analysis: Analysis, lang: str, given: Mapping[str, str] | None
) -> dict[str, str]:
    """ISO3 -> display name: the caller's, else the analysis's countries in lang."""
    names = {c.iso3: i18n.country_name(c, lang) for c in analysis.countries}
    names.update(given or {})
    return names


def _mention_title(kind: str, text: str, actor: str | None, country: str | None) -> str:
    """What hovering over a mention says: the country, or the actor and their country."""
    if kind == "country":
        return country or actor or text
    name = actor or text
    return f"{name} ({country})" if country and country != name else name


def _mention_spans(
    analysis: Analysis, lo: int, hi: int, lang: str, names: Mapping[str, str]
) -> list[_Span]:
    """Highlights for every mention that reaches into text[lo:hi]."""
    actors = {a.id: a.name for a in analysis.actors}
    iso2 = {c.iso3: c.iso2 for c in analysis.countries}
    spans = []
    for m in analysis.mentions:
        if m.end <= m.start or m.end <= lo or m.start >= hi:
            continue
        country = None
        if m.country:
            country = names.get(m.country) or i18n.country_name(m.country, lang)
        title = _mention_title(m.kind, m.text, actors.get(m.actor), country)
        if m.country and m.kind != "media":
            symbol = flag_emoji(iso2.get(m.country) or m.country)
        else:
            symbol = NEUTRAL_SYMBOL if m.kind == "organization" else ""
        spans.append(
            _Span(
                m.start,
                m.end,
                MENTION,
                f'<mark class="dm-ent dm-{css_token(m.kind)}" data-actor="{escape(m.actor)}"'
                f' title="{escape(title)}">',
                "</mark>",
                f'<span class="dm-flag" aria-hidden="true">{symbol}</span>' if symbol else "",
                f'<span class="dm-kind">{escape(i18n.kind_label(m.kind, lang))}</span>',
            )
        )
    return spans


def _cue_spans(
    analysis: Analysis, lo: int, hi: int, lang: str, names: Mapping[str, str]
) -> list[_Span]:
    """One highlight per cue word in text[lo:hi], however many ties it is evidence for."""
    found: dict[tuple[int, int], list[tuple[int, Tie, Evidence]]] = {}
    for i, tie in enumerate(analysis.ties):
        for e in tie.evidence:
            if e.start < e.end and e.end > lo and e.start < hi:
                found.setdefault((e.start, e.end), []).append((i, tie, e))
    spans = []
    for (start, end), uses in sorted(found.items()):
        types = list(dict.fromkeys(tie.type for _, tie, _ in uses))
        families = {i18n.tie_family(t) for t in types}
        family = families.pop() if len(families) == 1 else "mixed"
        negated = all(e.negated for _, _, e in uses)
        label = " · ".join(i18n.tie_type_label(t, lang) for t in types)
        if negated:
            label = i18n.t("excerpt.negated", lang, type=label)
        said = dict.fromkeys(i18n.tie_sentence(tie, lang=lang, names=names) for _, tie, _ in uses)
        title = f"{label}: {'; '.join(said)}"
        ties = " ".join(str(i) for i in dict.fromkeys(i for i, _, _ in uses))
        spans.append(
            _Span(
                start,
                end,
                CUE,
                f'<mark class="dm-cue dm-{family}{" dm-neg" if negated else ""}"'
                f' data-type="{escape(" ".join(types))}" data-ties="{ties}"'
                f' title="{escape(title)}">',
                "</mark>",
                "",
                f'<sup class="dm-type">{escape(label)}</sup>',
            )
        )
    return spans


def _hit_spans(text: str, lo: int, hi: int, pattern: re.Pattern[str] | None) -> list[_Span]:
    """A highlight for each search match inside text[lo:hi]."""
    if pattern is None:
        return []
    return [
        _Span(m.start(), m.end(), HIT, '<mark class="dm-hit">', "</mark>")
        for m in pattern.finditer(text, lo, hi)
        if m.end() > m.start()
    ]


def _spans(
    analysis: Analysis, lo: int, hi: int, lang: str, names: Mapping[str, str], query: str
) -> list[_Span]:
    """Every highlight reaching into text[lo:hi]."""
    return (
        _mention_spans(analysis, lo, hi, lang, names)
        + _cue_spans(analysis, lo, hi, lang, names)
        + _hit_spans(analysis.article.text, lo, hi, query_pattern(query))
    )


def render_range(text: str, lo: int, hi: int, spans: Iterable[_Span]) -> str:
    """text[lo:hi] with spans as well-formed HTML: a span that crosses another is split in two."""
    inside = [s for s in spans if s.start < s.end and s.start < hi and s.end > lo]
    inside.sort(key=lambda s: (max(s.start, lo), -min(s.end, hi), s.rank))
    edges = {lo, hi}
    for s in inside:
        edges.update((max(s.start, lo), min(s.end, hi)))
    bounds = sorted(edges)
    out: list[str] = []
    stack: list[_Span] = []
    following = 0
    for k, b in enumerate(bounds):
        ending = [i for i, s in enumerate(stack) if min(s.end, hi) == b]
        if ending:
            reopen = []
            for s in reversed(stack[ending[0] :]):
                if min(s.end, hi) == b:
                    out.append(s.suffix + s.close if s.end == b else s.close)
                else:
                    out.append(s.close)
                    reopen.append(s)
            del stack[ending[0] :]
            for s in reversed(reopen):
                out.append(s.open)
                stack.append(s)
        while following < len(inside) and max(inside[following].start, lo) == b:
            s = inside[following]
            out.append(s.open + s.prefix if s.start == b else s.open)
            stack.append(s)
            following += 1
        if k + 1 < len(bounds):
            out.append(escape(text[b : bounds[k + 1]]))
    return "".join(out)


def _pieces(analysis: Analysis, lo: int, hi: int) -> list[tuple[int, int, int | None]]:
    """text[lo:hi] cut at sentence edges: (start, end, sentence index or None for gaps)."""
    out: list[tuple[int, int, int | None]] = []
    pos = lo
    for s in analysis.sentences:
        a, b = max(s.start, pos), min(s.end, hi)
        if a >= b:
            continue
        if a > pos:
            out.append((pos, a, None))
        out.append((a, b, s.index))
        pos = b
    if pos < hi:
        out.append((pos, hi, None))
    return out


def _sentence_open(index: int, *, anchor: bool, matched: bool) -> str:
    """The element around one sentence; the id only where asked, so ids stay unique."""
    anchor_attr = f' id="{sentence_anchor(index)}"' if anchor else ""
    return (
        f'<span class="dm-sent{" dm-match" if matched else ""}"{anchor_attr}'
        f' data-sentence="{index}">'
    )


def render_sentence(
    analysis: Analysis,
    sentence_index: int,
    *,
    lang: str = "en",
    country_names: Mapping[str, str] | None = None,
    query: str = "",
    anchor: bool = False,
) -> str:
    """One sentence with its highlights, for a tooltip or a tie's evidence column."""
    s = analysis.sentences[sentence_index]
    names = _country_names(analysis, lang, country_names)
    spans = _spans(analysis, s.start, s.end, lang, names, query)
    body = render_range(analysis.article.text, s.start, s.end, spans)
    return f"{_sentence_open(s.index, anchor=anchor, matched=False)}{body}</span>"


def _ties_by_paragraph(analysis: Analysis, starts: list[int]) -> dict[int, tuple[Tie, ...]]:
    """Paragraph index -> the ties with evidence in it, in the analysis's order."""
    found: dict[int, dict[Tie, None]] = {}
    for tie in analysis.ties:
        for e in tie.evidence:
            at = e.start
            if e.end <= e.start and 0 <= e.sentence < len(analysis.sentences):
                at = analysis.sentences[e.sentence].start
            index = bisect_right(starts, at) - 1
            if index >= 0:
                found.setdefault(index, {})[tie] = None
    return {i: tuple(ties) for i, ties in found.items()}


def render_excerpts(
    analysis: Analysis,
    *,
    lang: str = "en",
    countries: Iterable[str] | None = None,
    types: Iterable[str] | None = None,
    query: str = "",
    anchor_ties: bool = True,
    country_names: Mapping[str, str] | None = None,
) -> list[Paragraph]:
    """Every paragraph rendered, flagged whether it matches the filters, with its ties."""
    text = analysis.article.text
    names = _country_names(analysis, lang, country_names)
    spans = _spans(analysis, 0, len(text), lang, names, query)
    matched = matching_sentences(analysis, countries=countries, types=types, query=query)
    bounds = paragraph_bounds(text)
    ties = _ties_by_paragraph(analysis, [lo for lo, _ in bounds]) if anchor_ties else {}
    anchored: set[int] = set()
    paragraphs = []
    for index, (lo, hi) in enumerate(bounds):
        local = sorted((s for s in spans if s.start < hi and s.end > lo), key=lambda s: s.start)
        starts = [s.start for s in local]
        reach = max((s.end - s.start for s in local), default=0)
        parts = []
        sentences: list[int] = []
        for a, b, sentence in _pieces(analysis, lo, hi):
            near = local[bisect.bisect_left(starts, a - reach) : bisect.bisect_left(starts, b)]
            body = render_range(text, a, b, near)
            if sentence is None:
                parts.append(body)
                continue
            hit = matched is not None and sentence in matched
            head = _sentence_open(sentence, anchor=sentence not in anchored, matched=hit)
            parts.append(f"{head}{body}</span>")
            anchored.add(sentence)
            sentences.append(sentence)
        is_match = matched is None or any(i in matched for i in sentences)
        css = "dm-par dm-match" if matched is not None and is_match else "dm-par"
        paragraphs.append(
            Paragraph(
                index=index,
                start=lo,
                end=hi,
                html=f'<p class="{css}" id="p-{index}">{"".join(parts)}</p>',
                sentences=tuple(sentences),
                ties=ties.get(index, ()),
                matched=is_match,
            )
        )
    return paragraphs


def excerpts_html(paragraphs: Iterable[Paragraph], *, only_matched: bool = False) -> str:
    """The paragraphs in one container the stylesheet applies to, on a single line."""
    body = "".join(p.html for p in paragraphs if p.matched or not only_matched)
    return f'<div class="dm-excerpts">{body}</div>'


def render_legend(lang: str = "en", kinds: Iterable[str] = ACTOR_KINDS) -> str:
    """Sample highlights for each actor kind, both tie families and a search match."""
    samples = [
        f'<mark class="dm-ent dm-{css_token(k)}">{escape(i18n.kind_label(k, lang))}</mark>'
        for k in kinds
    ]
    samples += [
        f'<mark class="dm-cue dm-{f}">{escape(i18n.family_label(f, lang))}</mark>'
        for f in i18n.FAMILIES
    ]
    samples.append(f'<mark class="dm-hit">{escape(i18n.t("legend.hit", lang))}</mark>')
    return f'<div class="dm-excerpts dm-legend">{" ".join(samples)}</div>'


def excerpts_document(analysis: Analysis, paragraphs: Iterable[Paragraph], *, lang: str) -> str:
    """A standalone HTML page of the excerpts, for the download button."""
    title = escape(analysis.article.title or analysis.article.id)
    return (
        f'<!doctype html><html lang="{css_token(i18n.normalize_lang(lang))}"><head>'
        f'<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{title}</title><style>{EXCERPT_CSS}</style></head>"
        f"<body><h1>{title}</h1>{render_legend(lang)}{excerpts_html(paragraphs)}</body></html>"
    )
