"""Overview: the article at a glance, its key numbers, the map and its main ties in words."""

from __future__ import annotations

import streamlit as st

from diplomap.i18n import t
from ui import parts, state, story
from ui.mapview import draw_static_map

view = state.current_view()
analysis = parts.guard(view)
if analysis is None:
    parts.page_heading(view, "page.overview")
    st.stop()

lang = view.lang
article = analysis.article
st.markdown(f"### {parts.headline(article.title or article.id)}")
st.caption(parts.plain(story.byline(analysis, lang)))
parts.corrected_caption(analysis, lang)
if summary := story.summary(analysis, lang):
    st.markdown("\n\n".join(summary))

ties = parts.shown_ties(view, analysis)
numbers = st.container(horizontal=True)  # columns keep 128 px each and overflow a phone
numbers.metric(t("metric.countries", lang), len(analysis.countries))
numbers.metric(
    t("metric.ties", lang),
    len(ties),
    help=t("dashboard.summary.ties_many", lang, count=len(ties), **story.families(ties)),
)
numbers.metric(t("metric.events", lang), len(analysis.events))

if not analysis.countries:
    st.info(t("empty.no_countries", lang))
    st.stop()

parts.filter_notes(view, analysis)
draw_static_map(view, analysis)

st.subheader(t("dashboard.main_ties", lang))
if not analysis.ties:
    st.info(t("empty.no_ties", lang))
elif not ties:
    st.info(t("dashboard.no_ties_of_types", lang))
else:
    st.caption(t("dashboard.main_ties_caption", lang))
    for tie in parts.main_ties(ties):
        parts.evidence_link(view, tie, parts.tie_line(tie, analysis, lang))
    if len(ties) > parts.MAIN_TIES:
        st.caption(t("dashboard.more_ties", lang, count=len(ties) - parts.MAIN_TIES))
