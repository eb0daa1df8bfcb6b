"""Helpers of the Excerpts page: which passages to show, a page at a time, their ties, scrolling."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

import streamlit as st

from diplomap.i18n import t, tie_type_label
from diplomap.model import Analysis, Note, Tie
from diplomap.palette import TIE_FAMILY
from diplomap.render import TARGET_COLOURS, TEXT, Passage, sentence_anchor
from ui import parts

TARGET_CSS = (
    f".dm-sent.dm-target{{background:{TARGET_COLOURS[0]};color:{TEXT};"
    f"box-shadow:0 0 0 .15em {TARGET_COLOURS[1]}}}"
)
NOTE_COLOUR = "#6A3D9A"
PAGE_SENTENCES = 200
PAGE_CHARS = 30_000
PAGE = "excerpt_page"
NEXT_PAGE = "excerpt_next_part"
PREVIOUS_PAGE = "excerpt_previous_part"
_PAGE_TARGET = "_excerpt_page_target"
_PAGE_TURNED = "_excerpt_page_turned"
SCROLL_SCRIPT = """<script>
(function () {
  var id = %s, tries = 0;
  function go() {
    var el = document.getElementById(id);
    if (!el) { if (++tries < 60) { setTimeout(go, 100); } return; }
    el.classList.add("dm-target");
    el.scrollIntoView({block: "center"});
  }
  go();
})();
</script>"""
TURN_SCRIPT = """<script>
(function () {
  var picker = document.querySelector(%s);
  if (!picker) { return; }
  picker.style.scrollMarginTop = "7rem";
  picker.scrollIntoView({block: "start"});
})();
</script>"""


def target_sentence(raw: str | None, count: int) -> int | None:
    """?sentence=N as a sentence index the article has, else None."""
    if raw is None or not raw.strip().isdigit():
        return None
    index = int(raw.strip())
    return index if 0 <= index < count else None


def is_match(passage: Passage, matched: frozenset[int] | None) -> bool:
    """Whether a passage passes the filters: always when there are none."""
    return matched is None or any(i in matched for i in passage.sentences)


def matched_paragraphs(passages: Iterable[Passage], matched: frozenset[int] | None) -> int:
    """How many paragraphs have a sentence that passes the filters."""
    return len({p.paragraph for p in passages if is_match(p, matched)})


def visible(
    passages: Iterable[Passage],
    matched: frozenset[int] | None,
    only_matched: bool,
    target: int | None,
) -> list[Passage]:
    """The passages to draw: matches only when filtering, and always the one scrolled to."""
    return [
        p
        for p in passages
        if not only_matched
        or is_match(p, matched)
        or (target is not None and target in p.sentences)
    ]


def pages(
    passages: Iterable[Passage], most_sentences: int = PAGE_SENTENCES, most_chars: int = PAGE_CHARS
) -> list[list[Passage]]:
    """The passages in runs that fit on one page, so a long article is drawn a part at a time."""
    out: list[list[Passage]] = [[]]
    held = chars = 0
    for p in passages:
        count, size = len(p.sentences), p.end - p.start
        if out[-1] and (held + count > most_sentences or chars + size > most_chars):
            out.append([])
            held = chars = 0
        out[-1].append(p)
        held, chars = held + count, chars + size
    return out


def page_of(runs: list[list[Passage]], target: int | None) -> int | None:
    """The page that holds a sentence, if any does."""
    if target is None:
        return None
    return next((k for k, run in enumerate(runs) if any(target in p.sentences for p in run)), None)


def sentence_range(run: list[Passage]) -> tuple[int, int, int]:
    """The first and last sentence number on a page (from 1) and how many sentences it shows."""
    shown = {i for p in run for i in p.sentences}
    if not shown:
        return 0, 0, 0
    return min(shown) + 1, max(shown) + 1, len(shown)


def part_label(run: list[Passage], lang: str) -> str:
    """A page as the reader picks it: the sentences it runs from and to."""
    first, last, _ = sentence_range(run)
    return t("excerpt.part_option", lang, **numbered(lang, first=first, last=last))


def numbered(lang: str, **counts: int) -> dict[str, str]:
    """Counts for a text, each grouped the interface language's way."""
    return {name: parts.number(value, lang) for name, value in counts.items()}


def choose_page(runs: list[list[Passage]], target: int | None, total: int, lang: str) -> int:
    """The page to draw: the one with the sentence an address asks for, else the reader's pick."""
    if len(runs) <= 1:
        return 0
    ss = st.session_state
    if target is not None and ss.get(_PAGE_TARGET) != target:
        ss[PAGE] = page_of(runs, target)
    ss[_PAGE_TARGET] = target
    if ss.get(PAGE) not in range(len(runs)):
        ss[PAGE] = 0
    first, last, count = sentence_range(runs[ss[PAGE]])
    shown = numbered(lang, count=count, total=total, first=first, last=last)
    st.caption(t("excerpt.showing", lang, **shown))
    return st.selectbox(
        t("excerpt.part", lang),
        range(len(runs)),
        format_func=lambda k: part_label(runs[k], lang),
        key=PAGE,
    )


def turn_page(step: int, count: int) -> None:
    """on_click of the buttons under a part: the picker above moves on by step."""
    ss = st.session_state
    ss[PAGE] = min(max(ss.get(PAGE, 0) + step, 0), count - 1)
    ss[_PAGE_TURNED] = True


def page_buttons(runs: list[list[Passage]], lang: str) -> None:
    """Previous and next part under the last paragraph, so the reader need not scroll back up."""
    if len(runs) <= 1:
        return
    at = st.session_state.get(PAGE, 0)
    row = st.container(horizontal=True, horizontal_alignment="distribute")
    for step, key, text, icon in (
        (-1, PREVIOUS_PAGE, "excerpt.previous_part", ":material/arrow_back:"),
        (1, NEXT_PAGE, "excerpt.next_part", ":material/arrow_forward:"),
    ):
        if at + step not in range(len(runs)):
            continue
        first, last, _ = sentence_range(runs[at + step])
        row.button(
            t(text, lang, **numbered(lang, first=first, last=last)),
            key=key,
            on_click=turn_page,
            args=(step, len(runs)),
            icon=icon,
            icon_position="right" if step > 0 else "left",
        )


def scroll_to_picker() -> bool:
    """After a button under a part turned the page, bring the reader up to the new part's start."""
    if not st.session_state.pop(_PAGE_TURNED, False):
        return False
    st.html(TURN_SCRIPT % json.dumps(f".st-key-{PAGE}"), unsafe_allow_javascript=True)
    return True


def tie_markdown(tie: Tie, analysis: Analysis, lang: str) -> str:
    """One tie as a Markdown list item: a coloured sign, the sentence, the type, edit marks."""
    sign = ":blue[**+**]" if TIE_FAMILY[tie.type] == "cooperation" else ":orange[**−**]"
    said = parts.plain(parts.tie_line(tie, analysis, lang))
    line = f"- {sign} {said} · *{parts.plain(tie_type_label(tie.type, lang))}*"
    marks = parts.edit_marks(tie.edited, lang)
    if not marks:
        return line
    return f"{line} :violet-badge[:material/edit: {parts.plain(marks)}]"


def paragraph_ties(ties: list[Tie], analysis: Analysis, lang: str) -> None:
    """The ties a paragraph gives evidence for, beside it."""
    if not ties:
        st.caption(t("excerpt.no_ties_here", lang))
        return
    lines = [tie_markdown(tie, analysis, lang) for tie in ties]
    st.markdown(f"**{t('excerpt.ties_here', lang)}**\n\n" + "\n".join(lines))


def notes_by_sentence(notes: Iterable[Note]) -> dict[int, list[str]]:
    """The editor's notes grouped by the sentence they annotate."""
    grouped: dict[int, list[str]] = {}
    for note in notes:
        grouped.setdefault(note.sentence, []).append(note.text)
    return grouped


def paragraph_notes(notes: Mapping[int, list[str]], sentences: Iterable[int], lang: str) -> None:
    """The editor's notes on a paragraph's sentences, each under its sentence number."""
    for index in sentences:
        for n, text in enumerate(notes.get(index, ())):
            heading = t("corrections.note", lang, number=index + 1)
            with st.container(border=True, key=f"dm_note_{index}_{n}"):
                st.markdown(f":violet[:material/edit_note: **{heading}**]\n\n{parts.plain(text)}")


def noted_css(notes: Iterable[int]) -> str:
    """A dotted underline and a pen mark on every sentence an editor wrote a note on."""
    selectors = ",".join(f'.dm-sent[data-sentence="{int(i)}"]' for i in sorted(set(notes)))
    if not selectors:
        return ""
    marks = ",".join(f'.dm-sent[data-sentence="{int(i)}"]::after' for i in sorted(set(notes)))
    return (
        f"{selectors}{{text-decoration:underline dotted {NOTE_COLOUR};text-underline-offset:.2em}}"
        f'{marks}{{content:"✎";color:{NOTE_COLOUR};font-size:.8em;margin-left:.15em}}'
    )


def scroll_to(sentence: int) -> None:
    """Scroll the page to a sentence and mark it, once its paragraph is on the page."""
    st.html(SCROLL_SCRIPT % json.dumps(sentence_anchor(sentence)), unsafe_allow_javascript=True)
