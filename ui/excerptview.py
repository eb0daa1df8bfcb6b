"""Helpers of the Excerpts page: which paragraphs to show, their ties, scrolling to evidence."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

import streamlit as st

from diplomap.i18n import t, tie_type_label
from diplomap.model import Analysis, Note, Tie
from diplomap.palette import TIE_FAMILY
from diplomap.render import TARGET_COLOURS, TEXT, Paragraph, sentence_anchor
from ui import parts

TARGET_CSS = (
    f".dm-sent.dm-target{{background:{TARGET_COLOURS[0]};color:{TEXT};"
    f"box-shadow:0 0 0 .15em {TARGET_COLOURS[1]}}}"
)
NOTE_COLOUR = "#6A3D9A"
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


def target_sentence(raw: str | None, count: int) -> int | None:
    """?sentence=N as a sentence index the article has, else None."""
    if raw is None or not raw.strip().isdigit():
        return None
    index = int(raw.strip())
    return index if 0 <= index < count else None


def visible(
    paragraphs: Iterable[Paragraph], only_matched: bool, target: int | None
) -> list[Paragraph]:
    """The paragraphs to draw: matches only when filtering, and always the one scrolled to."""
    return [
        p
        for p in paragraphs
        if not only_matched or p.matched or (target is not None and target in p.sentences)
    ]


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
