"""Excerpts: the article with its actors and cue words marked, each paragraph's ties beside it;
a long article a part at a time, so only what is on screen is rendered."""

from __future__ import annotations

import streamlit as st

from diplomap.i18n import country_name, t, tie_type_label
from diplomap.model import TIE_TYPES
from diplomap.render import (
    EXCERPT_CSS,
    excerpts_document,
    matching_sentences,
    passages,
    render_excerpts,
    render_legend,
    render_passages,
)
from ui import excerptview, parts, state

view = state.current_view()
analysis = parts.guard(view)
parts.page_heading(view, "page.excerpts")
if analysis is None:
    st.stop()
lang = view.lang
notes = excerptview.notes_by_sentence(analysis.notes)
st.html(f"<style>{EXCERPT_CSS}{excerptview.TARGET_CSS}{excerptview.noted_css(notes)}</style>")
st.caption(t("excerpt.caption", lang))

present = {tie.type for tie in analysis.ties}
state.excerpt_defaults(view, [c.iso3 for c in analysis.countries], present)
c1, c2, c3 = st.columns([2, 2, 3])
chosen_countries = c1.multiselect(
    t("dashboard.excerpt_countries", lang),
    [c.iso3 for c in analysis.countries],
    format_func=lambda code: country_name(code, lang),
    key=state.EXCERPT_COUNTRIES,
    placeholder=t("dashboard.any_country", lang),
)
chosen_types = c2.multiselect(
    t("dashboard.excerpt_types", lang),
    [tie_type for tie_type in TIE_TYPES if tie_type in present],
    format_func=lambda tie_type: tie_type_label(tie_type, lang),
    key=state.EXCERPT_TYPES,
    placeholder=t("dashboard.any_type", lang),
)
query = c3.text_input(
    t("dashboard.excerpt_search", lang),
    key=state.EXCERPT_QUERY,
    placeholder=t("dashboard.excerpt_search_placeholder", lang),
    help=t("sidebar.search_help", lang),
    icon=":material/search:",
)

query = query or ""
matched = matching_sentences(analysis, countries=chosen_countries, types=chosen_types, query=query)
cut = passages(
    analysis,
    most_sentences=excerptview.PAGE_SENTENCES,
    most_chars=excerptview.PAGE_CHARS,
)
target = excerptview.target_sentence(state.page_param(state.SENTENCE), len(analysis.sentences))
filtered = bool(chosen_countries or chosen_types or query.strip())
show_all = False
if filtered:
    count = excerptview.matched_paragraphs(cut, matched)
    total = len({p.paragraph for p in cut})
    st.caption(t("excerpt.matched", lang, **excerptview.numbered(lang, count=count, total=total)))
    show_all = st.toggle(t("excerpt.show_all", lang), key=state.EXCERPT_ALL)
    if not count:
        st.info(t("empty.no_matches", lang))

with st.expander(t("legend.title", lang), icon=":material/palette:"):
    st.html(render_legend(lang))
    st.caption(t("legend.cue", lang))

if target is not None:
    st.caption(t("dashboard.jumped", lang, number=target + 1))
elif state.page_param(state.SENTENCE) is not None:
    st.warning(
        t("dashboard.no_sentence", lang, number=parts.plain(state.page_param(state.SENTENCE)))
    )

runs = excerptview.pages(excerptview.visible(cut, matched, filtered and not show_all, target))
on_page = runs[excerptview.choose_page(runs, target, len(analysis.sentences), lang)]
drawn = render_passages(analysis, on_page, lang=lang, matched=matched, query=query)
shown = set(parts.shown_ties(view, analysis))
for passage, paragraph in zip(on_page, drawn, strict=True):
    text, ties = st.columns([5, 2], gap="medium")
    text.html(f'<div class="dm-excerpts">{paragraph.html}</div>')
    with ties:
        excerptview.paragraph_notes(notes, passage.anchors, lang)
        excerptview.paragraph_ties([tie for tie in paragraph.ties if tie in shown], analysis, lang)
excerptview.page_buttons(runs, lang)
turned = excerptview.scroll_to_picker()
if not turned and target is not None and any(target in p.sentences for p in on_page):
    excerptview.scroll_to(target)


def whole_document() -> str:
    """Every paragraph with the same filters, rendered only when the reader downloads it."""
    every = render_excerpts(
        analysis, lang=lang, countries=chosen_countries, types=chosen_types, query=query
    )
    return excerpts_document(analysis, every, lang=lang)


st.download_button(
    t("download.excerpts_html", lang),
    data=whole_document,
    file_name=f"{view.entry.id}-excerpts.html",
    mime="text/html",
    on_click="ignore",
    icon=":material/download:",
    key="download_excerpts",
)
