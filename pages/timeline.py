"""Timeline: the article's dated events on a time axis, then each in the article's words."""

from __future__ import annotations

import streamlit as st

from diplomap import charts
from diplomap.i18n import t
from diplomap.tables import events_table
from ui import parts
from ui.chartview import draw_chart

view, analysis = parts.page_start("page.timeline")
lang = view.lang
if not analysis.events:
    st.info(t("empty.no_events", lang))
    st.stop()

events = events_table(analysis, lang)
draw_chart(
    view,
    "timeline",
    charts.timeline_chart,
    {"lang": lang},
    parts.labelled(
        parts.readable(events, lang), lang, ("label", "precision", "country_names", "text")
    ),
    subject=events,
    filtered=False,
)

st.header(t("dashboard.timeline_events", lang))
for row in events.itertuples(index=False):
    st.markdown(
        f"**{parts.plain(row.label)}** · {parts.plain(row.country_names or '')}\n\n"
        f"> {parts.plain(row.sentence_text)}"
    )
    st.page_link(
        parts.EXCERPTS_PAGE,
        label=t("excerpt.go_to_sentence", lang, number=row.sentence + 1),
        icon=":material/format_quote:",
        query_params=view.params(sentence=row.sentence),
    )
