"""The article as HTML with actors, cue words and search hits marked, escaped piece by piece."""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from operator import attrgetter
from typing import Generic, Protocol, TypeVar

from diplomap import i18n
from diplomap.model import ACTOR_KINDS, Analysis, Evidence, Mention, Sentence, Tie

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
HIT_MARGIN = 200

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
    """A paragraph, or one part of a long one, rendered, with the ties it gives evidence for."""

    index: int
    start: int
    end: int
    html: str
    sentences: tuple[int, ...]
    ties: tuple[Tie, ...]
    matched: bool
    part: int = 0


@dataclass(frozen=True)
class Passage:
    """A paragraph, or one part of it when it is too long to draw at once; where, not HTML."""

    paragraph: int
    part: int
    start: int
    end: int
    sentences: tuple[int, ...]
    anchors: tuple[int, ...]
    ties: tuple[Tie, ...] = ()


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


@dataclass(frozen=True, slots=True)
class _Cue:
    """One piece of evidence, with the index of its tie in the analysis."""

    start: int
    end: int
    tie: int
    evidence: Evidence


class _Located(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_L = TypeVar("_L", bound=_Located)


class _ByStart(Generic[_L]):
    """Stretches of text sorted by start once, so the ones reaching into a range are one slice."""

    def __init__(self, items: Iterable[_L]) -> None:
        self.items = sorted((x for x in items if x.start < x.end), key=attrgetter("start"))
        self.starts = [x.start for x in self.items]
        self.reach = max((x.end - x.start for x in self.items), default=0)

    def reaching(self, lo: int, hi: int) -> list[_L]:
        """The items overlapping text[lo:hi]; none starts before lo by more than the longest."""
        first = bisect_right(self.starts, lo - self.reach)
        return [x for x in self.items[first : bisect_left(self.starts, hi)] if x.end > lo]


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


def _hit_spans(text: str, lo: int, hi: int, pattern: re.Pattern[str] | None) -> list[_Span]:
    """A highlight for each search match reaching into text[lo:hi], also one cut at its edge."""
    if pattern is None:
        return []
    return [
        _Span(m.start(), m.end(), HIT, '<mark class="dm-hit">', "</mark>")
        for m in pattern.finditer(text, max(lo - HIT_MARGIN, 0), hi + HIT_MARGIN)
        if m.end() > max(m.start(), lo) and m.start() < hi
    ]


class _Highlighter:
    """The highlights of one analysis for any range of its text, looked up, not scanned for."""

    def __init__(self, analysis: Analysis, lang: str, names: Mapping[str, str], query: str) -> None:
        self.text = analysis.article.text
        self.lang = lang
        self.names = names
        self.ties = analysis.ties
        self.actors = {a.id: a.name for a in analysis.actors}
        self.iso2 = {c.iso3: c.iso2 for c in analysis.countries}
        self.mentions = _ByStart(analysis.mentions)
        self.cues = _ByStart(
            _Cue(e.start, e.end, i, e) for i, tie in enumerate(analysis.ties) for e in tie.evidence
        )
        self.pattern = query_pattern(query)
        self.said: dict[int, str] = {}

    def spans(self, lo: int, hi: int) -> list[_Span]:
        """Every highlight reaching into text[lo:hi]."""
        mentions = [self.mention_span(m) for m in self.mentions.reaching(lo, hi)]
        return mentions + self.cue_spans(lo, hi) + _hit_spans(self.text, lo, hi, self.pattern)

    def mention_span(self, m: Mention) -> _Span:
        """A mention's highlight: a flag or a globe before it, its kind after it."""
        lang = self.lang
        country = None
        if m.country:
            country = self.names.get(m.country) or i18n.country_name(m.country, lang)
        title = _mention_title(m.kind, m.text, self.actors.get(m.actor), country)
        if m.country and m.kind != "media":
            symbol = flag_emoji(self.iso2.get(m.country) or m.country)
        else:
            symbol = NEUTRAL_SYMBOL if m.kind == "organization" else ""
        return _Span(
            m.start,
            m.end,
            MENTION,
            f'<mark class="dm-ent dm-{css_token(m.kind)}" data-actor="{escape(m.actor)}"'
            f' title="{escape(title)}">',
            "</mark>",
            f'<span class="dm-flag" aria-hidden="true">{symbol}</span>' if symbol else "",
            f'<span class="dm-kind">{escape(i18n.kind_label(m.kind, lang))}</span>',
        )

    def tie_said(self, index: int) -> str:
        """A tie as a sentence, written once however many cue words it has."""
        if index not in self.said:
            tie = self.ties[index]
            self.said[index] = i18n.tie_sentence(tie, lang=self.lang, names=self.names)
        return self.said[index]

    def cue_spans(self, lo: int, hi: int) -> list[_Span]:
        """One highlight per cue word in text[lo:hi], however many ties it is evidence for."""
        found: dict[tuple[int, int], list[_Cue]] = {}
        for cue in self.cues.reaching(lo, hi):
            found.setdefault((cue.start, cue.end), []).append(cue)
        return [self.cue_span(start, end, uses) for (start, end), uses in sorted(found.items())]

    def cue_span(self, start: int, end: int, uses: list[_Cue]) -> _Span:
        """A cue word's highlight, labelled with every tie type it signals."""
        lang = self.lang
        types = list(dict.fromkeys(self.ties[cue.tie].type for cue in uses))
        families = {i18n.tie_family(t) for t in types}
        family = families.pop() if len(families) == 1 else "mixed"
        negated = all(cue.evidence.negated for cue in uses)
        label = " · ".join(i18n.tie_type_label(t, lang) for t in types)
        if negated:
            label = i18n.t("excerpt.negated", lang, type=label)
        said = dict.fromkeys(self.tie_said(cue.tie) for cue in uses)
        title = f"{label}: {'; '.join(said)}"
        ties = " ".join(str(i) for i in dict.fromkeys(cue.tie for cue in uses))
        return _Span(
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


def _pieces(
    sentences: Sequence[Sentence], lo: int, hi: int, indices: Iterable[int]
) -> list[tuple[int, int, int | None]]:
    """text[lo:hi] cut at the edges of the given sentences: (start, end, sentence or None)."""
    out: list[tuple[int, int, int | None]] = []
    pos = lo
    for i in indices:
        s = sentences[i]
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
    spans = _Highlighter(analysis, lang, names, query).spans(s.start, s.end)
    body = render_range(analysis.article.text, s.start, s.end, spans)
    return f"{_sentence_open(s.index, anchor=anchor, matched=False)}{body}</span>"


def _sentences_by_paragraph(
    sentences: Sequence[Sentence], bounds: list[tuple[int, int]]
) -> list[list[int]]:
    """The sentences reaching into each paragraph, in one pass (a sentence may reach into two)."""
    out = []
    first = 0
    for lo, hi in bounds:
        while first < len(sentences) and sentences[first].end <= lo:
            first += 1
        here = []
        k = first
        while k < len(sentences) and sentences[k].start < hi:
            if max(sentences[k].start, lo) < min(sentences[k].end, hi):
                here.append(k)
            k += 1
        out.append(here)
    return out


def _split_long(text: str, points: list[int], end: int, most: int) -> None:
    """Cut text[points[-1]:end] into parts of at most `most` characters, after a space if any."""
    while end - points[-1] > most:
        lo = points[-1]
        space = text.rfind(" ", lo + max(most // 2, 1), lo + most)
        points.append(space + 1 if space >= 0 else lo + most)


def _cut_points(
    text: str,
    sentences: list[Sentence],
    lo: int,
    hi: int,
    most_sentences: int,
    most_chars: int,
) -> list[int]:
    """Where a paragraph's parts begin and end: before a sentence that would overfill a part,
    and inside any stretch, however long a sentence it is, longer than a part may be."""
    points = [lo]
    held = 0
    for s in sentences:
        a, b = max(s.start, lo), min(s.end, hi)
        if held and a > points[-1] and (held >= most_sentences or b - points[-1] > most_chars):
            points.append(a)
            held = 0
        held += 1
        if b - points[-1] > most_chars:
            _split_long(text, points, b, most_chars)
            held = 1
    _split_long(text, points, hi, most_chars)
    points.append(hi)
    return points


def _parts(
    sentences: Sequence[Sentence], here: list[int], points: list[int]
) -> list[tuple[int, int, tuple[int, ...]]]:
    """(start, end, sentences reaching into it) for each part between consecutive cut points."""
    out = []
    first = 0
    for lo, hi in pairwise(points):
        while first < len(here) and sentences[here[first]].end <= lo:
            first += 1
        inside = []
        k = first
        while k < len(here) and sentences[here[k]].start < hi:
            s = sentences[here[k]]
            if max(s.start, lo) < min(s.end, hi):
                inside.append(s.index)
            k += 1
        out.append((lo, hi, tuple(inside)))
    return out


def _ties_by_passage(analysis: Analysis, starts: list[int]) -> dict[int, tuple[Tie, ...]]:
    """Passage number -> the ties with evidence in it, in the analysis's order."""
    found: dict[int, dict[int, None]] = {}
    for i, tie in enumerate(analysis.ties):
        for e in tie.evidence:
            at = e.start
            if e.end <= e.start and 0 <= e.sentence < len(analysis.sentences):
                at = analysis.sentences[e.sentence].start
            index = bisect_right(starts, at) - 1
            if index >= 0:
                found.setdefault(index, {})[i] = None
    return {k: tuple(analysis.ties[i] for i in sorted(ties)) for k, ties in found.items()}


def passages(
    analysis: Analysis, *, most_sentences: int | None = None, most_chars: int | None = None
) -> list[Passage]:
    """The article's paragraphs, each cut into parts of at most so many sentences and characters,
    with the ties each gives evidence for; in time linear in the article, no HTML made."""
    text = analysis.article.text
    sentences = analysis.sentences
    bounds = paragraph_bounds(text)
    by_paragraph = _sentences_by_paragraph(sentences, bounds)
    cuts = []
    for index, ((lo, hi), here) in enumerate(zip(bounds, by_paragraph, strict=True)):
        chosen = [sentences[k] for k in here]
        points = _cut_points(
            text, chosen, lo, hi, most_sentences or len(here) + 1, most_chars or hi - lo
        )
        cuts += [(index, part, *cut) for part, cut in enumerate(_parts(sentences, here, points))]
    ties = _ties_by_passage(analysis, [start for _, _, start, _, _ in cuts])
    out = []
    anchored = -1
    for k, (index, part, start, end, inside) in enumerate(cuts):
        anchors = tuple(i for i in inside if i > anchored)
        anchored = max(anchored, *inside) if inside else anchored
        out.append(Passage(index, part, start, end, inside, anchors, ties.get(k, ())))
    return out


def _render_passage(
    analysis: Analysis,
    passage: Passage,
    marks: _Highlighter,
    matched: frozenset[int] | None,
    anchor_ties: bool,
) -> Paragraph:
    """One passage as a paragraph element, each sentence handed only the highlights near it."""
    text = analysis.article.text
    spans = _ByStart(marks.spans(passage.start, passage.end))
    anchors = set(passage.anchors)
    parts = []
    for a, b, sentence in _pieces(
        analysis.sentences, passage.start, passage.end, passage.sentences
    ):
        body = render_range(text, a, b, spans.reaching(a, b))
        if sentence is None:
            parts.append(body)
            continue
        hit = matched is not None and sentence in matched
        head = _sentence_open(sentence, anchor=sentence in anchors, matched=hit)
        parts.append(f"{head}{body}</span>")
    is_match = matched is None or any(i in matched for i in passage.sentences)
    css = "dm-par dm-match" if matched is not None and is_match else "dm-par"
    pid = f"p-{passage.paragraph}" + (f"-{passage.part}" if passage.part else "")
    return Paragraph(
        index=passage.paragraph,
        start=passage.start,
        end=passage.end,
        html=f'<p class="{css}" id="{pid}">{"".join(parts)}</p>',
        sentences=passage.sentences,
        ties=passage.ties if anchor_ties else (),
        matched=is_match,
        part=passage.part,
    )


def render_passages(
    analysis: Analysis,
    chosen: Iterable[Passage],
    *,
    lang: str = "en",
    matched: frozenset[int] | None = None,
    query: str = "",
    anchor_ties: bool = True,
    country_names: Mapping[str, str] | None = None,
) -> list[Paragraph]:
    """The chosen passages rendered, in time linear in their length rather than the article's."""
    names = _country_names(analysis, lang, country_names)
    marks = _Highlighter(analysis, lang, names, query)
    return [_render_passage(analysis, p, marks, matched, anchor_ties) for p in chosen]


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
    return render_passages(
        analysis,
        passages(analysis),
        lang=lang,
        matched=matching_sentences(analysis, countries=countries, types=types, query=query),
        query=query,
        anchor_ties=anchor_ties,
        country_names=country_names,
    )


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
