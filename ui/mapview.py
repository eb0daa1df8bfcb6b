"""The map as the Overview and Map pages draw it: clickable, with its legend."""

from __future__ import annotations

from functools import partial

import streamlit as st

from diplomap import maps
from diplomap.i18n import t
from diplomap.model import Analysis
from ui import parts, state


def draw_map(view: state.View, analysis: Analysis, key: str, *, height: int = 480) -> None:
    """The pydeck map; a click on a country makes it the focus of every page."""
    deck = maps.ties_deck(analysis, lang=view.lang, types=view.type_filter, focus=view.country)
    st.pydeck_chart(
        deck,
        height=height,
        selection_mode="single-object",
        on_select=partial(state.focus_on_click, key),
        key=key,
        alt=t("chart.map_title", view.lang),
    )
    st.caption(t("dashboard.map_hint", view.lang))
    parts.legend(maps.legend_items(view.lang, analysis, view.country), view.lang)
