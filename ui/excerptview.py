"""Helpers of the Excerpts page: which paragraphs to show, their ties, scrolling to evidence."""

from __future__ import annotations

import json
from collections.abc import Iterable

import streamlit as st

from diplomap.i18n import t, tie_type_label
from diplomap.model import Analysis, Tie
from diplomap.palette import TIE_FAMILY
from diplomap.render import TARGET_COLOURS, TEXT, Paragraph, sentence_anchor
from ui import parts

TARGET_CSS = (
    f".dm-sent.dm-target{{background:{TARGET_COLOURS[0]};color:{TEXT};"
    f"box-shadow:0 0 0 .15em {TARGET_COLOURS[1]}}}"
)
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
    """One tie as a Markdown list item: a coloured sign, the sentence and the type."""
    sign = ":blue[**+**]" if TIE_FAMILY[tie.type] == "cooperation" else ":orange[**−**]"
    said = parts.plain(parts.tie_line(tie, analysis, lang))
    return f"- {sign} {said} · *{parts.plain(tie_type_label(tie.type, lang))}*"


def paragraph_ties(ties: list[Tie], analysis: Analysis, lang: str) -> None:
    """The ties a paragraph gives evidence for, beside it."""
    if not ties:
        st.caption(t("excerpt.no_ties_here", lang))
        return
    lines = [tie_markdown(tie, analysis, lang) for tie in ties]
    st.markdown(f"**{t('excerpt.ties_here', lang)}**\n\n" + "\n".join(lines))


def scroll_to(sentence: int) -> None:
    """Scroll the page to a sentence and mark it, once its paragraph is on the page."""
    st.html(SCROLL_SCRIPT % json.dumps(sentence_anchor(sentence)), unsafe_allow_javascript=True)
