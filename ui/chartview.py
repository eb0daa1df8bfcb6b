"""A chart as the Alliances and Timeline pages show it: reading, text alternative, downloads."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st

from diplomap import charts
from diplomap.i18n import t
from diplomap.tables import display_names
from ui import cache, parts, state


def left_out_note(view: state.View) -> str:
    """What a chart of ties between countries leaves out: the ties with organisations, if any."""
    analysis, lang = view.analysis, view.lang
    drawn = set(charts.chart_ties(analysis, view.type_filter, view.country, False))
    left = [
        tie
        for tie in charts.chart_ties(analysis, view.type_filter, view.country, True)
        if tie not in drawn
    ]
    if not left:
        return ""
    countries = {c.iso3 for c in analysis.countries}
    names = display_names(analysis, lang)
    ends = {end for tie in left for end in (tie.source, tie.target) if end not in countries}
    return t(
        "chart.left_out_one" if len(left) == 1 else "chart.left_out_many",
        lang,
        count=parts.number(len(left), lang),
        names=", ".join(sorted(names.get(end, end) for end in ends)),
        table=t("dashboard.text_alternative", lang),
    )


def draw_chart(
    view: state.View,
    kind: str,
    builder: Callable[..., Any],
    options: Mapping[str, Any],
    table: Any,
    *,
    subject: Any = None,
    filtered: bool = True,
    countries_only: bool = False,
) -> None:
    """The chart, its one-line reading, a table in an expander and PNG/SVG buttons.

    `filtered` says whether the chart follows the sidebar's tie types and focus country;
    a chart that does not is cached once for all of them. `countries_only` says that it
    draws ties between countries only, so the reading adds how many with organisations it
    leaves to the table.
    """
    lang = view.lang
    analysis = view.analysis

    def build() -> Any:
        return builder(analysis if subject is None else subject, **options)

    digest = view.loaded.digest if view.loaded else ""
    types, focus = (view.type_filter, view.country) if filtered else (None, None)
    spec = cache.chart_spec(kind, digest, lang, types, focus, _build=build)
    st.vega_lite_chart(spec=spec, width="stretch", key=f"chart_{kind}")
    reading = charts.chart_reading(kind, analysis, lang, types=view.type_filter, focus=view.country)
    note = left_out_note(view) if countries_only else ""
    st.caption(f"{reading} {note}".strip())
    with st.expander(t("dashboard.text_alternative", lang), icon=":material/table_rows:"):
        st.dataframe(table, hide_index=True, key=f"table_{kind}")
    name = f"{view.entry.id}-{kind}" if view.entry else kind
    png, svg = st.columns(2)
    png.download_button(
        t("dashboard.save_png", lang),
        data=lambda: charts.to_png(build()),
        file_name=f"{name}.png",
        mime="image/png",
        on_click="ignore",
        icon=":material/image:",
        key=f"png_{kind}",
    )
    svg.download_button(
        t("dashboard.save_svg", lang),
        data=lambda: charts.to_svg(build()),
        file_name=f"{name}.svg",
        mime="image/svg+xml",
        on_click="ignore",
        icon=":material/draw:",
        key=f"svg_{kind}",
    )
