from __future__ import annotations

import dataclasses
import random
import re
import sys
from html.parser import HTMLParser

import pytest

from diplomap import render
from diplomap.model import (
    ACTOR_KINDS,
    TIE_TYPES,
    Actor,
    Analysis,
    Article,
    Camps,
    Country,
    Evidence,
    Mention,
    Sentence,
    Tie,
)
from diplomap.render import (
    EXCERPT_CSS,
    FAMILY_COLOURS,
    HIT_COLOURS,
    KIND_COLOURS,
    MUTED,
    TARGET_COLOURS,
    TEXT,
    _Span,
    escape,
    excerpts_document,
    excerpts_html,
    flag_emoji,
    matching_sentences,
    render_excerpts,
    render_legend,
    render_range,
    render_sentence,
)

COUNTRIES = {
    "USA": ("US", "United States", "Amerika Serikat"),
    "VEN": ("VE", "Venezuela", "Venezuela"),
    "RUS": ("RU", "Russia", "Rusia"),
    "UKR": ("UA", "Ukraine", "Ukraina"),
    "CUB": ("CU", "Cuba", "Kuba"),
}
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def find(text: str, surface: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of surface in text."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


def build(
    text: str,
    mentions: tuple[tuple, ...] = (),
    ties: tuple[tuple, ...] = (),
    actors: dict[str, str] | None = None,
) -> Analysis:
    """An Analysis from text, mentions (surface, actor, kind, country[, nth]) and ties
    (source, target, type, directed, ((cue, nth, negated), ...)); sentences end at .!? or \\n."""
    sentences = tuple(
        Sentence(i, m.start(), m.end())
        for i, m in enumerate(m for m in _SENTENCE.finditer(text) if m.group().strip())
    )

    def sentence_at(offset: int) -> int:
        return next(s.index for s in sentences if s.start <= offset < s.end)

    built_mentions = []
    for surface, actor, kind, country, *rest in mentions:
        start, end = find(text, surface, rest[0] if rest else 0)
        built_mentions.append(
            Mention(start, end, text[start:end], actor, kind, country, sentence_at(start))
        )
    built_ties = []
    for source, target, tie_type, directed, cues in ties:
        evidence = []
        for cue, nth, negated in cues:
            start, end = find(text, cue, nth)
            evidence.append(
                Evidence(sentence_at(start), cue, start, end, source, target, negated=negated)
            )
        built_ties.append(Tie(source, target, tie_type, directed, tuple(evidence)))
    used = {m.country for m in built_mentions if m.country}
    countries = tuple(
        Country(iso3, *COUNTRIES[iso3], mentions=1, lat=0.0, lon=0.0)
        for iso3 in sorted(used)
        if iso3 in COUNTRIES
    )
    actor_names = actors or {}
    return Analysis(
        article=Article(id="fixture", text=text, title="Fixture <b>title</b>"),
        sentences=sentences,
        countries=countries,
        actors=tuple(
            Actor(m.actor, actor_names.get(m.actor, m.text), m.kind, m.country, 1)
            for m in {m.actor: m for m in built_mentions}.values()
        ),
        mentions=tuple(built_mentions),
        ties=tuple(built_ties),
        events=(),
        camps=Camps(poles=None, camp={}, position={}),
    )


class Checker(HTMLParser):
    """Fails on any badly nested tag; keeps the text and the tags it saw."""

    DECORATION = frozenset({"dm-flag", "dm-kind", "dm-type"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.plain: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        classes = set((attributes.get("class") or "").split())
        decoration = bool(classes & self.DECORATION) or any(d for _, d in self.stack)
        self.stack.append((tag, decoration))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack[-1][0] == tag, f"</{tag}> closes <{self.stack[-1][0]}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if not any(d for _, d in self.stack):
            self.plain.append(data)


def check(markup: str) -> Checker:
    """Parse markup, asserting it is well formed; the checker holds what it found."""
    checker = Checker()
    checker.feed(markup)
    checker.close()
    assert not checker.stack, f"unclosed: {checker.stack}"
    assert "\n" not in markup, "a newline could end Streamlit's HTML block"
    return checker


def page(analysis: Analysis, **kwargs) -> str:
    """All paragraphs' HTML, joined."""
    return "".join(p.html for p in render_excerpts(analysis, **kwargs))


ALLOWED_TAGS = {"p", "span", "mark", "sup"}
ALLOWED_ATTRIBUTES = {
    "class",
    "id",
    "title",
    "data-actor",
    "data-type",
    "data-ties",
    "data-sentence",
    "aria-hidden",
}

HOSTILE = [
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
    ('<a href="javascript:alert(1)">go</a>', "&lt;a href=&quot;javascript:alert(1)&quot;&gt;"),
    ("\"'><svg onload=alert(1)>", "&quot;&#x27;&gt;&lt;svg onload=alert(1)&gt;"),
    ("Tom &amp; Jerry", "Tom &amp;amp; Jerry"),
    ("**bold** and __under__", "&#42;&#42;bold&#42;&#42; and &#95;&#95;under&#95;&#95;"),
    ("[click](https://evil/)", "&#91;click&#93;(https://evil/)"),
    ("costs $x$ or $$y$$", "costs &#36;x&#36; or &#36;&#36;y&#36;&#36;"),
    ("`code` ~~gone~~ a|b \\(z\\)", "&#96;code&#96; &#126;&#126;gone&#126;&#126; a&#124;b"),
]


@pytest.mark.parametrize(("hostile", "escaped"), HOSTILE)
@pytest.mark.parametrize("where", ["plain", "mention", "cue", "actor name"])
def test_hostile_text_comes_out_inert(hostile, escaped, where):
    text = f"Russia attacks Ukraine. He said {hostile} today."
    mentions = [("Russia", "RUS", "country", "RUS"), ("Ukraine", "UKR", "country", "UKR")]
    ties = [("RUS", "UKR", "attack", True, (("attacks", 0, False),))]
    actors = {}
    if where == "mention":
        mentions.append((hostile, "RUS", "person", "RUS"))
    elif where == "cue":
        ties.append(("RUS", "UKR", "threat", True, ((hostile, 0, False),)))
    elif where == "actor name":
        mentions[0] = ("Russia", hostile, "organization", None)
        actors[hostile] = hostile
    analysis = build(text, tuple(mentions), tuple(ties), actors)
    for markup in (page(analysis, query=hostile), render_sentence(analysis, 1, query=hostile)):
        lowered = markup.lower()
        for raw in ("<script", "<img", "<a ", "<svg", "$", "**", "](", 'javascript:alert(1)"'):
            assert raw not in lowered
        parsed = check(markup)
        assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS
        assert {a for _, attrs in parsed.tags for a in attrs} <= ALLOWED_ATTRIBUTES
        if where != "actor name":
            assert escaped in markup
            assert hostile in "".join(parsed.plain)
    if where == "actor name":
        parsed = check(page(analysis))
        assert hostile in [attrs.get("title") for _, attrs in parsed.tags]
        assert hostile in [attrs.get("data-actor") for _, attrs in parsed.tags]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a<b", "a&lt;b"),
        ("x & y", "x &amp; y"),
        ('"q"', "&quot;q&quot;"),
        ("it's", "it&#x27;s"),
        ("$1", "&#36;1"),
        ("line\nbreak\r\n", "line break  "),
        ("plain text", "plain text"),
    ],
)
def test_escape(raw, expected):
    assert escape(raw) == expected


SAMPLE = "Russia attacks Ukraine."


@pytest.mark.parametrize(
    "spans",
    [
        pytest.param([(0, 6, 0), (7, 14, 1)], id="apart"),
        pytest.param([(0, 6, 0), (6, 14, 1)], id="adjacent"),
        pytest.param([(0, 14, 1), (0, 6, 0)], id="cue holds mention"),
        pytest.param([(0, 6, 0), (0, 6, 1), (0, 6, 2)], id="same stretch"),
        pytest.param([(0, 10, 0), (7, 22, 1)], id="crossing"),
        pytest.param([(7, 22, 0), (0, 10, 1)], id="crossing the other way"),
        pytest.param([(0, 22, 0), (3, 10, 1), (8, 18, 2)], id="three deep, crossing"),
        pytest.param([(2, 4, 2), (0, 22, 0), (15, 22, 1), (5, 16, 2)], id="many"),
        pytest.param([(3, 3, 0), (0, 6, 1)], id="empty span"),
    ],
)
def test_overlapping_spans_stay_well_formed(spans):
    built = [
        _Span(a, b, rank, f'<mark class="r{rank}">', "</mark>", f"<i>{k}</i>", f"<b>{k}</b>")
        for k, (a, b, rank) in enumerate(spans)
    ]
    markup = render_range(SAMPLE, 0, len(SAMPLE), built)
    parsed = check(markup)
    decorations = re.sub(r"<(i|b)>\d+</\1>", "", markup)
    assert re.sub(r"<[^>]+>", "", decorations) == escape(SAMPLE)
    for k, (a, b, _) in enumerate(spans):
        expected = 1 if b > a else 0
        assert markup.count(f"<i>{k}</i>") == expected
        assert markup.count(f"<b>{k}</b>") == expected
    assert all(tag in {"mark", "i", "b"} for tag, _ in parsed.tags)


def test_crossing_spans_split_deterministically():
    built = [
        _Span(0, 10, 0, "<mark>", "</mark>", "", "<sup>m</sup>"),
        _Span(7, 22, 1, "<u>", "</u>", "", "<sup>c</sup>"),
    ]
    assert render_range(SAMPLE, 0, len(SAMPLE), built) == (
        "<mark>Russia <u>att</u><sup>m</sup></mark><u>acks Ukraine<sup>c</sup></u>."
    )


def test_spans_clipped_by_the_range_keep_decorations_at_their_true_ends():
    built = [_Span(0, 14, 0, "<mark>", "</mark>", "[", "]")]
    assert render_range(SAMPLE, 7, 22, built) == "<mark>attacks]</mark> Ukraine"
    assert render_range(SAMPLE, 0, 5, built) == "<mark>[Russi</mark>"


@pytest.mark.parametrize("seed", range(25))
def test_random_spans_keep_text_and_nesting(seed):
    rng = random.Random(seed)
    text = "Rusia & AS <b>bertemu</b> di $Caracas$, lalu **Kuba** mendukung [Rusia](x)."
    built = []
    for k in range(rng.randint(1, 9)):
        a = rng.randrange(len(text))
        b = rng.randint(a, len(text))
        flag = f'<span class="dm-flag">{k}</span>'
        built.append(_Span(a, b, rng.randrange(3), "<mark>", "</mark>", flag, "<sup></sup>"))
    lo = rng.randrange(len(text) // 2)
    hi = rng.randint(lo, len(text))
    markup = render_range(text, lo, hi, built)
    parsed = check(markup)
    assert "".join(parsed.plain) == text[lo:hi]


def overlapping_analysis() -> Analysis:
    text = "Presiden Rusia Vladimir Putin membela sekutu dekat Rusia.\nKuba mendukung Rusia."
    return build(
        text,
        mentions=(
            ("Presiden Rusia Vladimir Putin", "putin", "person", "RUS"),
            ("Rusia", "RUS", "country", "RUS"),
            ("Rusia", "RUS", "country", "RUS", 1),
            ("Kuba", "CUB", "country", "CUB"),
            ("Rusia", "RUS", "country", "RUS", 2),
        ),
        ties=(
            ("RUS", "RUS", "alliance", False, (("sekutu dekat Rusia", 0, False),)),
            ("CUB", "RUS", "support", True, (("mendukung", 0, False),)),
            ("RUS", "RUS", "support", True, (("Putin membela", 0, False),)),
        ),
        actors={"putin": "Vladimir Putin"},
    )


def test_nested_and_crossing_mentions_and_cues_render_every_word_once():
    analysis = overlapping_analysis()
    paragraphs = render_excerpts(analysis, query="putin MEMBELA")
    for p in paragraphs:
        parsed = check(p.html)
        assert "".join(parsed.plain) == analysis.article.text[p.start : p.end]
    first = paragraphs[0].html
    assert first.count('class="dm-kind"') == 3
    assert first.count('class="dm-type"') == 2
    assert first.count("🇷🇺") == 3
    assert '<mark class="dm-hit">' in first


def test_mentions_carry_flag_kind_label_and_title():
    analysis = overlapping_analysis()
    markup = page(analysis)
    assert (
        '<mark class="dm-ent dm-country" data-actor="CUB" title="Cuba">'
        '<span class="dm-flag" aria-hidden="true">🇨🇺</span>Kuba'
        '<span class="dm-kind">country</span></mark>'
    ) in markup
    assert 'title="Vladimir Putin (Russia)"' in markup
    indonesian = page(analysis, lang="id")
    assert 'title="Kuba"' in indonesian
    assert '<span class="dm-kind">negara</span>' in indonesian
    assert 'title="Vladimir Putin (Rusia)"' in indonesian


def test_cue_label_is_written_out_in_the_interface_language():
    analysis = overlapping_analysis()
    en = page(analysis)
    assert (
        '<mark class="dm-cue dm-cooperation" data-type="support" data-ties="1"'
        ' title="support: Cuba backs Russia">mendukung<sup class="dm-type">support</sup></mark>'
    ) in en
    idn = page(analysis, lang="id")
    assert 'title="dukungan: Kuba mendukung Rusia">mendukung<sup class="dm-type">dukungan' in idn


def test_one_cue_for_two_ties_is_marked_once_with_both_types():
    text = "AS dan Rusia saling mengecam Venezuela."
    analysis = build(
        text,
        mentions=(("AS", "USA", "country", "USA"), ("Rusia", "RUS", "country", "RUS")),
        ties=(
            ("USA", "VEN", "accusation", True, (("mengecam", 0, False),)),
            ("RUS", "VEN", "threat", True, (("mengecam", 0, False),)),
            ("USA", "RUS", "support", False, (("mengecam", 0, True),)),
        ),
    )
    markup = page(analysis)
    check(markup)
    assert markup.count('class="dm-cue') == 1
    assert 'data-type="accusation threat support"' in markup
    assert 'class="dm-cue dm-mixed"' in markup
    assert "accusation · threat · support</sup>" in markup
    assert 'data-ties="0 1 2"' in markup


def test_negated_cue_says_so():
    analysis = build(
        "AS tidak menyerang Venezuela.",
        mentions=(("AS", "USA", "country", "USA"),),
        ties=(("USA", "VEN", "attack", True, (("menyerang", 0, True),)),),
    )
    assert 'class="dm-cue dm-conflict dm-neg"' in page(analysis)
    assert "attack (negated)</sup>" in page(analysis)
    assert "serangan (disangkal)</sup>" in page(analysis, lang="id")


@pytest.mark.parametrize(
    ("code", "flag"),
    [
        ("USA", "🇺🇸"),
        ("usa", "🇺🇸"),
        ("US", "🇺🇸"),
        ("GBR", "🇬🇧"),
        ("IDN", "🇮🇩"),
        ("ve", "🇻🇪"),
        ("ZZZ", ""),
        ("U1", ""),
        ("USAA", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_flag_emoji(code, flag):
    assert flag_emoji(code) == flag


@pytest.mark.parametrize(
    ("kind", "country", "symbol"),
    [
        ("country", "USA", "🇺🇸"),
        ("person", "RUS", "🇷🇺"),
        ("agency", "USA", "🇺🇸"),
        ("organization", None, render.NEUTRAL_SYMBOL),
        ("media", "USA", None),
        ("company", None, None),
    ],
)
def test_which_mentions_get_a_flag(kind, country, symbol):
    analysis = build("Named here.", mentions=(("Named", "x", kind, country),))
    markup = page(analysis)
    if symbol is None:
        assert "dm-flag" not in markup
    else:
        assert f'<span class="dm-flag" aria-hidden="true">{symbol}</span>Named' in markup


def filter_analysis() -> Analysis:
    text = (
        "Amerika Serikat menjatuhkan sanksi kepada Venezuela. Rusia mendukung Venezuela.\n"
        "\n"
        "Rusia menyerang Ukraina.\n"
        "Cuaca cerah di Caracas (ibu kota)."
    )
    return build(
        text,
        mentions=(
            ("Amerika Serikat", "USA", "country", "USA"),
            ("Venezuela", "VEN", "country", "VEN"),
            ("Rusia", "RUS", "country", "RUS"),
            ("Venezuela", "VEN", "country", "VEN", 1),
            ("Rusia", "RUS", "country", "RUS", 1),
            ("Ukraina", "UKR", "country", "UKR"),
        ),
        ties=(
            ("USA", "VEN", "sanction", True, (("menjatuhkan sanksi", 0, False),)),
            ("RUS", "VEN", "support", True, (("mendukung", 0, False),)),
            ("RUS", "UKR", "attack", True, (("menyerang", 0, False),)),
        ),
    )


def test_paragraphs_are_blocks_between_newlines():
    analysis = filter_analysis()
    paragraphs = render_excerpts(analysis)
    assert [p.index for p in paragraphs] == [0, 1, 2]
    assert [p.sentences for p in paragraphs] == [(0, 1), (2,), (3,)]
    assert all(p.matched for p in paragraphs)
    assert [[t.type for t in p.ties] for p in paragraphs] == [
        ["sanction", "support"],
        ["attack"],
        [],
    ]
    ids = re.findall(r'id="(s-\d+)"', page(analysis))
    assert ids == ["s-0", "s-1", "s-2", "s-3"]
    assert paragraphs[1].html.startswith(
        '<p class="dm-par" id="p-1"><span class="dm-sent" id="s-2"'
    )


def test_anchor_ties_off_leaves_the_side_column_empty():
    paragraphs = render_excerpts(filter_analysis(), anchor_ties=False)
    assert all(p.ties == () for p in paragraphs)
    assert "dm-cue" in paragraphs[0].html


@pytest.mark.parametrize(
    ("filters", "paragraphs", "sentences"),
    [
        ({}, [0, 1, 2], None),
        ({"countries": []}, [0, 1, 2], None),
        ({"countries": ["UKR"]}, [1], {2}),
        ({"countries": ["ven"]}, [0], {0, 1}),
        ({"countries": ["USA", "UKR"]}, [0, 1], {0, 2}),
        ({"types": ["support"]}, [0], {1}),
        ({"types": ["attack", "sanction"]}, [0, 1], {0, 2}),
        ({"types": ["alliance"]}, [], set()),
        ({"countries": ["RUS"], "types": ["attack"]}, [1], {2}),
        ({"query": "caracas"}, [2], {3}),
        ({"query": "  RUSIA   menyerang "}, [1], {2}),
        ({"query": "(ibu"}, [2], {3}),
        ({"query": "<script>"}, [], set()),
        ({"query": "rusia", "countries": ["VEN"]}, [0], {1}),
    ],
)
def test_filters_and_search(filters, paragraphs, sentences):
    analysis = filter_analysis()
    rendered = render_excerpts(analysis, **filters)
    assert [p.index for p in rendered if p.matched] == paragraphs
    assert matching_sentences(analysis, **filters) == sentences
    markup = "".join(p.html for p in rendered)
    check(markup)
    assert set(map(int, re.findall(r'dm-match" id="s-(\d+)"', markup))) == (sentences or set())


def test_search_highlights_every_match_whatever_the_case():
    markup = page(filter_analysis(), query="RUSIA")
    assert markup.count('<mark class="dm-hit">') == 2
    assert '<mark class="dm-hit">Rusia</mark>' in markup


def test_search_for_markup_is_highlighted_escaped():
    analysis = build("Ia menulis <b>tebal</b> & $x$.", mentions=())
    markup = page(analysis, query="<B>tebal</b> & $X")
    check(markup)
    assert '<mark class="dm-hit">&lt;b&gt;tebal&lt;/b&gt; &amp; &#36;x</mark>' in markup


def test_render_sentence_has_no_id_unless_anchored():
    analysis = filter_analysis()
    plain = render_sentence(analysis, 2)
    assert plain.startswith('<span class="dm-sent" data-sentence="2">')
    assert "🇷🇺" in plain
    assert "attack</sup>" in plain
    assert 'id="s-2"' in render_sentence(analysis, 2, anchor=True)
    assert "Venezuela" not in plain
    check(plain)


def test_render_sentence_uses_given_country_names():
    analysis = filter_analysis()
    markup = render_sentence(analysis, 2, lang="id", country_names={"RUS": "Federasi Rusia"})
    assert 'title="Federasi Rusia"' in markup
    assert 'title="serangan: Federasi Rusia menyerang Ukraina"' in markup


def test_sentence_crossing_a_newline_is_anchored_once():
    text = "Rusia menyerang\nUkraina."
    analysis = build(
        text, mentions=(("Rusia", "RUS", "country", "RUS"), ("Ukraina", "UKR", "country", "UKR"))
    )
    analysis = dataclasses.replace(analysis, sentences=(Sentence(0, 0, len(text)),))
    paragraphs = render_excerpts(analysis)
    assert len(paragraphs) == 2
    assert 'id="s-0"' in paragraphs[0].html
    assert 'id="s-0"' not in paragraphs[1].html
    assert 'data-sentence="0"' in paragraphs[1].html
    assert "\n" not in render_sentence(analysis, 0)


def test_empty_article_gives_no_paragraphs():
    assert render_excerpts(build("", mentions=())) == []
    assert render_excerpts(build(" \n\n \n", mentions=())) == []


def test_excerpts_html_can_keep_only_matches():
    paragraphs = render_excerpts(filter_analysis(), countries=["UKR"])
    only = excerpts_html(paragraphs, only_matched=True)
    assert only.startswith('<div class="dm-excerpts">')
    assert only.count("<p ") == 1
    assert excerpts_html(paragraphs).count("<p ") == 3


def test_excerpts_document_escapes_the_title():
    analysis = filter_analysis()
    document = excerpts_document(analysis, render_excerpts(analysis), lang="id")
    assert "<title>Fixture &lt;b&gt;title&lt;/b&gt;</title>" in document
    assert '<html lang="id">' in document
    assert EXCERPT_CSS in document


def test_legend_names_every_kind_and_family():
    legend = render_legend("id")
    check(legend)
    for kind in ACTOR_KINDS:
        assert f'class="dm-ent dm-{kind}"' in legend
    assert ">kerja sama</mark>" in legend
    assert ">konflik</mark>" in legend


def luminance(colour: str) -> float:
    """WCAG relative luminance of #RRGGBB."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    ("fg", "bg"),
    [(TEXT, bg) for bg, _ in KIND_COLOURS.values()]
    + [(MUTED, bg) for bg, _ in KIND_COLOURS.values()]
    + [(TEXT, bg) for bg, _, _ in FAMILY_COLOURS.values()]
    + [(label, bg) for bg, _, label in FAMILY_COLOURS.values()]
    + [(TEXT, HIT_COLOURS[0]), (TEXT, TARGET_COLOURS[0])],
)
def test_text_colours_contrast_at_least_4_5(fg, bg):
    assert contrast(fg, bg) >= 4.5
    assert bg in EXCERPT_CSS


def test_contrast_helper_knows_black_on_white():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") < 4.5


def test_stylesheet_covers_kinds_families_focus_and_phones():
    for kind in ACTOR_KINDS:
        assert f".dm-ent.dm-{kind}{{" in EXCERPT_CSS
    for family in ("cooperation", "conflict", "mixed"):
        assert f".dm-cue.dm-{family}{{" in EXCERPT_CSS
    assert ":focus-visible" in EXCERPT_CSS
    assert "outline:3px solid" in EXCERPT_CSS
    assert "overflow-wrap:anywhere" in EXCERPT_CSS
    assert "@media (max-width:" in EXCERPT_CSS
    assert ".dm-sent:target" in EXCERPT_CSS
    assert EXCERPT_CSS.count("{") == EXCERPT_CSS.count("}")


def test_every_tie_type_renders_a_labelled_cue():
    text = " ".join(f"A {t}s B." for t in TIE_TYPES)
    analysis = build(
        text,
        mentions=(),
        ties=tuple(("USA", "VEN", t, True, ((f"{t}s", 0, False),)) for t in TIE_TYPES),
    )
    markup = page(analysis)
    check(markup)
    for t in TIE_TYPES:
        assert f'>{t}s<sup class="dm-type">{t}</sup></mark>' in markup


def long_analysis(count: int, joiner: str = " ") -> Analysis:
    """count sentences naming two countries, one attack tie read from all of them, one line
    when joiner is a space, a paragraph each when it is a newline; built by arithmetic."""
    unit = "Rusia menyerang Ukraina."
    step = len(unit) + len(joiner)
    sentences, mentions, evidence = [], [], []
    for i in range(count):
        at = i * step
        sentences.append(Sentence(i, at, at + len(unit)))
        mentions.append(Mention(at, at + 5, "Rusia", "RUS", "country", "RUS", i))
        mentions.append(Mention(at + 16, at + 23, "Ukraina", "UKR", "country", "UKR", i))
        evidence.append(Evidence(i, "menyerang", at + 6, at + 15, "RUS", "UKR"))
    countries = tuple(
        Country(c, *COUNTRIES[c], mentions=count, lat=0.0, lon=0.0) for c in COUNTRIES
    )
    return Analysis(
        article=Article(id="long", text=joiner.join([unit] * count)),
        sentences=tuple(sentences),
        countries=countries,
        actors=(Actor("RUS", "Russia", "country", "RUS", count),),
        mentions=tuple(mentions),
        ties=(Tie("RUS", "UKR", "attack", True, tuple(evidence)),),
        events=(),
        camps=Camps(poles=None, camp={}, position={}),
    )


@pytest.mark.parametrize(
    ("text", "limits", "parts"),
    [
        ("A b. C d. E f.", {}, [("A b. C d. E f.", (0, 1, 2))]),
        ("A b. C d.\nE f.", {}, [("A b. C d.", (0, 1)), ("E f.", (2,))]),
        ("A b. C d. E f.", {"most_sentences": 2}, [("A b. C d.", (0, 1)), (" E f.", (2,))]),
        ("A b. C d. E f.", {"most_chars": 6}, [("A b.", (0,)), (" C d.", (1,)), (" E f.", (2,))]),
        ("A b. C d. E f.", {"most_chars": 9}, [("A b. C d.", (0, 1)), (" E f.", (2,))]),
        ("Aa bb cc dd ee.", {"most_chars": 6}, [("Aa bb ", (0,)), ("cc dd ", (0,)), ("ee.", (0,))]),
        ("Abcdefghij.", {"most_chars": 4}, [("Abcd", (0,)), ("efgh", (0,)), ("ij.", (0,))]),
        (
            "A b. Cc dd ee ff. G.",
            {"most_chars": 8},
            [("A b.", (0,)), (" Cc dd ", (1,)), ("ee ff.", (1,)), (" G.", (2,))],
        ),
        (
            "A b. C d.\nE f. G h. I j.",
            {"most_sentences": 2},
            [("A b. C d.", (0, 1)), ("E f. G h.", (2, 3)), (" I j.", (4,))],
        ),
        ("Alpha beta gamma delta", {"most_chars": 12}, [("Alpha beta ", ()), ("gamma delta", ())]),
    ],
)
def test_long_paragraphs_are_cut_into_parts(text, limits, parts):
    analysis = build(text)
    if text.startswith("Alpha"):
        analysis = dataclasses.replace(analysis, sentences=())
    cut = render.passages(analysis, **limits)
    assert [(text[p.start : p.end], p.sentences) for p in cut] == parts
    assert "".join(text[p.start : p.end] for p in cut) == text.replace("\n", "")
    anchored = [i for p in cut for i in p.anchors]
    assert anchored == sorted({i for p in cut for i in p.sentences})


def test_a_sentence_cut_in_two_keeps_its_highlights_and_one_id():
    analysis = long_analysis(3)
    cut = render.passages(analysis, most_chars=12)
    drawn = render.render_passages(analysis, cut)
    markup = "".join(p.html for p in drawn)
    parsed = check(markup)
    assert "".join(parsed.plain) == analysis.article.text
    assert re.findall(r'id="(s-\d+)"', markup) == ["s-0", "s-1", "s-2"]
    assert markup.count('<span class="dm-kind">') == 6
    assert markup.count('<sup class="dm-type">') == 3
    paragraph_ids = re.findall(r'<p class="dm-par" id="([^"]+)"', markup)
    assert paragraph_ids == ["p-0", "p-0-1", "p-0-2", "p-0-3", "p-0-4", "p-0-5"]


@pytest.mark.parametrize(
    ("joiner", "parts"),
    [(" ", [(0, 1), (2, 3), (4,)]), ("\n", [(0,), (1,), (2,), (3,), (4,)])],
)
def test_each_part_has_the_ties_read_from_it(joiner, parts):
    analysis = long_analysis(5, joiner)
    last = analysis.sentences[4]
    threat = Tie("UKR", "RUS", "threat", False, (Evidence(4, "", last.start, last.start, "", ""),))
    analysis = dataclasses.replace(analysis, ties=(*analysis.ties, threat))
    cut = render.passages(analysis, most_sentences=2)
    assert [p.sentences for p in cut] == parts
    assert [[t.type for t in p.ties] for p in cut] == [["attack"]] * (len(parts) - 1) + [
        ["attack", "threat"]
    ]
    assert render.passages(build("Plain text."))[0].ties == ()


def test_rendering_a_page_uses_only_that_pages_text_and_highlights(monkeypatch):
    analysis = long_analysis(2000)
    cut = render.passages(analysis, most_sentences=50)
    chosen = cut[20:21]
    seen: list[tuple[int, int, int]] = []
    real_range = render.render_range

    def counted(text, lo, hi, spans):
        spans = list(spans)
        seen.append((lo, hi, len(spans)))
        return real_range(text, lo, hi, spans)

    monkeypatch.setattr(render, "render_range", counted)
    built = []
    real_span = render._Highlighter.mention_span
    monkeypatch.setattr(
        render._Highlighter, "mention_span", lambda self, m: built.append(m) or real_span(self, m)
    )
    drawn = render.render_passages(analysis, chosen, query="rusia")
    assert {m.sentence for m in built} == set(range(1000, 1050))
    assert len(built) == 100
    assert all(chosen[0].start <= lo < hi <= chosen[0].end for lo, hi, _ in seen)
    assert max(n for _, _, n in seen) == 4
    ids = {int(i) for i in re.findall(r'data-sentence="(\d+)"', drawn[0].html)}
    assert ids == set(range(1000, 1050))


def calls_made(work) -> int:
    """How many Python and built-in function calls work() makes: a count, not a time."""
    made = 0

    def count(frame, event, arg):
        nonlocal made
        if event in ("call", "c_call"):
            made += 1

    previous = sys.getprofile()
    sys.setprofile(count)
    try:
        work()
    finally:
        sys.setprofile(previous)
    return made


@pytest.mark.parametrize("joiner", [" ", "\n"], ids=["one line", "a paragraph each"])
@pytest.mark.parametrize(
    "work",
    [
        lambda a: render.passages(a, most_sentences=50, most_chars=2000),
        lambda a: render.render_excerpts(a, query="ukraina"),
        lambda a: render.render_passages(a, render.passages(a, most_sentences=50)[:1]),
    ],
    ids=["cutting", "the whole article", "one page"],
)
def test_rendering_work_grows_no_faster_than_the_article(joiner, work):
    small, large = long_analysis(300, joiner), long_analysis(600, joiner)
    work(small)
    ratio = calls_made(lambda: work(large)) / calls_made(lambda: work(small))
    assert ratio < 2.3
