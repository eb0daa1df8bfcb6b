"""Alliances: the network, the net-score matrix, ties by type and the camps, each explained."""

from __future__ import annotations

import streamlit as st

from diplomap import charts
from diplomap.i18n import t
from diplomap.tables import camps_table, net_matrix, ties_table
from ui import parts
from ui.chartview import draw_chart

view, analysis = parts.page_start("page.alliances", needs_countries=True)
lang = view.lang
if not analysis.ties:
    st.info(t("empty.no_ties", lang))
    st.stop()

parts.filter_notes(view, analysis)
types, focus = view.type_filter, view.country
filters = {"lang": lang, "types": types, "focus": focus}

top = st.columns(2)
with top[0]:
    draw_chart(
        view,
        "network",
        charts.network_chart,
        filters,
        parts.labelled(
            ties_table(analysis, lang, types, focus),
            lang,
            ("source_name", "type_label", "target_name", "score", "evidence"),
        ),
        countries_only=True,
    )
with top[1]:
    draw_chart(
        view,
        "matrix",
        charts.matrix_chart,
        filters,
        parts.labelled(
            net_matrix(analysis, lang, types, focus), lang, ("a_name", "b_name", "net", "types")
        ),
    )
bottom = st.columns(2)
with bottom[0]:
    draw_chart(
        view,
        "ties_by_type",
        charts.ties_by_type_chart,
        filters,
        parts.labelled(
            ties_table(analysis, lang, types, focus),
            lang,
            ("source_name", "target_name", "type_label", "family"),
        ),
        countries_only=True,
    )
with bottom[1]:
    draw_chart(
        view,
        "camps",
        charts.camps_chart,
        {"lang": lang},
        parts.labelled(camps_table(analysis, lang), lang, ("country", "camp_name", "position")),
        filtered=False,
    )
