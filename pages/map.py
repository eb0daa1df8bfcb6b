"""Map: the countries and their ties on a world map, then the same as tables."""

from __future__ import annotations

import streamlit as st

from diplomap.i18n import t
from ui import parts, state
from ui.mapview import draw_map, draw_tables

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
draw_tables(view, analysis)
