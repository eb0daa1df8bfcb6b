"""Data: every table behind the charts, with downloads, the article's metadata and warnings."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from diplomap.i18n import t
from diplomap.output import to_dict
from diplomap.tables import (
    actors_table,
    countries_table,
    events_table,
    mentions_table,
    ties_table,
)
from ui import editor, parts, story

# Where the usual header would mislead: "name" is the actor here, "country" a code there.
HEADERS: dict[str, dict[str, str]] = {
    "actors": {"id": "column.actor_code", "name": "column.actor", "country": "column.country_code"},
    "mentions": {
        "start": "column.start_position",
        "end": "column.end_position",
        "actor": "column.reference_code",
        "actor_name": "column.refers_to",
        "country": "column.country_code",
    },
    "events": {
        "date": "column.iso_date",
        "begin": "column.begins",
        "end": "column.ends_before",
        "countries": "column.country_codes",
        "text": "column.date_as_written",
        "sentence_text": "column.sentence_text",
    },
}


# Codes the screen names instead, as the Map page does: a camp by its pole's name, a tie's
# ends and type by their names (the CSV keeps the codes).
HIDDEN = {"countries": {"camp"}, "ties": {"source", "target", "type"}}


def show(kind: str, frame: pd.DataFrame, lang: str) -> None:
    """A table as the page shows it: headed and worded in the interface language."""
    columns = [c for c in frame.columns if c not in HIDDEN.get(kind, ())]
    table = parts.labelled(parts.readable(frame, lang), lang, columns, HEADERS.get(kind))
    config = parts.column_config(columns, table.columns)
    st.dataframe(table, hide_index=True, column_config=config, key=f"data_{kind}")


view, analysis = parts.page_start("page.data")
lang = view.lang
name = analysis.article.id if view.entry.uploaded else view.entry.id

tables = (
    ("metric.countries", "download.countries_csv", "countries", countries_table(analysis, lang)),
    ("metric.actors", "dashboard.download_actors", "actors", actors_table(analysis, lang)),
    (
        "metric.mentions",
        "dashboard.download_mentions",
        "mentions",
        editor.with_mention_marks(mentions_table(analysis, lang), analysis, lang),
    ),
    (
        "metric.ties",
        "download.ties_csv",
        "ties",
        editor.with_tie_marks(
            ties_table(analysis, lang, view.type_filter, view.country), analysis, lang
        ),
    ),
    ("metric.events", "download.events_csv", "events", events_table(analysis, lang)),
)
parts.filter_notes(view, analysis)
tabs = st.tabs(
    [f"{t(title, lang)} ({parts.number(len(frame), lang)})" for title, _, _, frame in tables]
    + [t("edit.tab", lang)]
)
for tab, (_, label, kind, frame) in zip(tabs, tables, strict=False):
    with tab:
        show(kind, frame, lang)
        st.download_button(
            t(label, lang),
            data=lambda frame=frame: frame.to_csv(index=False),
            file_name=f"{name}-{kind}.csv",
            mime="text/csv",
            on_click="ignore",
            icon=":material/download:",
            key=f"csv_{kind}",
        )
with tabs[-1]:
    editor.draw(view, analysis)

st.download_button(
    t("download.json", lang),
    data=lambda: json.dumps(to_dict(analysis), ensure_ascii=False, indent=2),
    file_name=f"{name}.json",
    mime="application/json",
    on_click="ignore",
    icon=":material/data_object:",
    type="primary",
    key="download_json",
)

st.header(t("dashboard.metadata", lang))
st.markdown(
    "\n".join(
        f"- **{parts.plain(label)}**: {parts.plain(value)}"
        for label, value in story.metadata(view.entry, analysis, lang)
    )
)

st.header(t("dashboard.warnings", lang))
if analysis.warnings:
    st.markdown("\n".join(f"- {parts.plain(w)}" for w in analysis.warnings))
else:
    st.caption(t("dashboard.no_warnings", lang))
