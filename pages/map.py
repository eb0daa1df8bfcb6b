"""Map: the countries and their ties on a world map, then the same as tables."""

from __future__ import annotations

import streamlit as st

from diplomap.i18n import t
from diplomap.tables import countries_table, display_names, ties_table
from ui import parts, state
from ui.mapview import draw_map

view, analysis = parts.page_start("page.map", needs_countries=True)
lang = view.lang
parts.filter_notes(view, analysis)
basemap = st.toggle(
    t("dashboard.basemap", lang),
    key=state.BASEMAP,
    help=t("dashboard.basemap_help", lang),
    persist_state="session",
)
draw_map(view, analysis, state.MAP_SELECTION, height=560, basemap=basemap)
if not analysis.ties:
    st.info(t("empty.no_ties", lang))

st.header(t("dashboard.map_table", lang))
left, right = st.columns([2, 3])
with left:
    countries = countries_table(analysis, lang)
    countries["camp"] = countries["camp"].map(display_names(analysis, lang))
    st.dataframe(
        parts.labelled(countries, lang, ("name", "mentions", "ties", "camp")),
        hide_index=True,
        key="map_countries",
    )
with right:
    ties = ties_table(analysis, lang, view.type_filter, view.country)
    if len(ties):
        st.dataframe(
            parts.labelled(
                ties, lang, ("source_name", "type_label", "target_name", "score", "evidence")
            ),
            hide_index=True,
            key="map_ties",
        )
