"""The ties as an editable table on the Data page, and the corrections file its edits make."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

import pandas as pd
import streamlit as st

from diplomap.corrections import (
    SUFFIX,
    Corrections,
    CorrectionsError,
    TieAdd,
    corrections_from_edits,
    dump_corrections,
    read_corrections,
)
from diplomap.i18n import t, tie_type_label
from diplomap.model import TIE_TYPES, Analysis, Tie
from diplomap.tables import display_names
from ui import cache, parts
from ui.state import View

if TYPE_CHECKING:
    from diplomap.gazetteer import Gazetteer

COLUMNS = ("source", "target", "type", "directed", "evidence", "edited")
EDITABLE = ("source", "target", "type", "directed")


def tie_frame(ties: Iterable[Tie], lang: str) -> pd.DataFrame:
    """The ties as the editor's rows; evidence sentences are numbered from 1, as on Excerpts."""
    rows = [
        {
            "source": tie.source,
            "target": tie.target,
            "type": tie.type,
            "directed": tie.directed,
            "evidence": ", ".join(str(n + 1) for n in sorted({e.sentence for e in tie.evidence})),
            "edited": parts.edit_marks(tie.edited, lang),
        }
        for tie in ties
    ]
    return pd.DataFrame(rows, columns=list(COLUMNS))


def with_tie_marks(frame: pd.DataFrame, analysis: Analysis, lang: str) -> pd.DataFrame:
    """The ties table with an `edited` column: what an editor's corrections did to each tie."""
    marks = {(e.source, e.target, e.type): parts.edit_marks(e.edited, lang) for e in analysis.ties}
    keys = zip(frame["source"], frame["target"], frame["type"], strict=True)
    return frame.assign(edited=[marks.get(key, "") for key in keys])


def with_mention_marks(frame: pd.DataFrame, analysis: Analysis, lang: str) -> pd.DataFrame:
    """The mentions table with an `edited` column for the mentions an editor reassigned."""
    edited = {(m.start, m.end) for m in analysis.mentions if m.edited}
    mark = t("corrections.mark.mention", lang)
    keys = zip(frame["start"], frame["end"], strict=True)
    return frame.assign(edited=[mark if key in edited else "" for key in keys])


def parties(analysis: Analysis) -> list[str]:
    """Who a tie can join: the article's countries, organisations and every current tie end."""
    ends = {p for tie in analysis.ties for p in (tie.source, tie.target)}
    bodies = {a.id for a in analysis.actors if a.kind == "organization"}
    countries = [c.iso3 for c in analysis.countries]
    return countries + sorted((ends | bodies) - set(countries))


def column_config(analysis: Analysis, lang: str) -> dict[str, Any]:
    """Columns headed in the interface language: parties and types picked from lists."""
    names = display_names(analysis, lang)
    choices = parties(analysis)

    def party(code: str) -> str:
        name = names.get(code, code)
        return code if name == code else f"{name} ({code})"

    cc = st.column_config
    return {
        "source": cc.SelectboxColumn(
            t("column.source", lang),
            options=choices,
            format_func=party,
            required=True,
            help=t("edit.source_help", lang),
        ),
        "target": cc.SelectboxColumn(
            t("column.target", lang),
            options=choices,
            format_func=party,
            required=True,
            help=t("edit.target_help", lang),
        ),
        "type": cc.SelectboxColumn(
            t("column.type", lang),
            options=list(TIE_TYPES),
            format_func=lambda tie_type: tie_type_label(tie_type, lang),
            required=True,
            help=t("edit.type_help", lang),
        ),
        "directed": cc.CheckboxColumn(
            t("edit.directed", lang), default=True, help=t("edit.directed_help", lang)
        ),
        "evidence": cc.TextColumn(
            t("column.sentence", lang), disabled=True, help=t("edit.evidence_help", lang)
        ),
        "edited": cc.TextColumn(t("corrections.column", lang), disabled=True, width="medium"),
    }


def file_name(view: View, analysis: Analysis) -> str:
    """`<stem>.corrections.yaml` for the article's file (an upload goes by its article id)."""
    stem = analysis.article.id if view.entry is None else PurePath(view.entry.name).stem
    return f"{stem}{SUFFIX}"


def merged(existing: Corrections | None, edits: Corrections, name: str) -> Corrections:
    """The file in force with its tie edits replaced by the table's; an add keeps its evidence."""
    base = existing or Corrections()
    known = {(a.source, a.target, a.type, a.directed): a for a in base.add}
    adds = tuple(_kept_add(a, known) for a in edits.add)
    return dataclasses.replace(base, add=adds, remove=edits.remove, change=edits.change, path=name)


def _kept_add(add: TieAdd, known: Mapping[tuple[str, str, str, bool], TieAdd]) -> TieAdd:
    """An added row as the file had it, with its sentence and cue, when it is the same tie."""
    return known.get((add.source, add.target, add.type, add.directed), add)


def corrections_yaml(
    baseline: Sequence[Tie],
    existing: Corrections | None,
    rows: Sequence[Mapping[str, Any]],
    name: str,
    gazetteer: Gazetteer,
) -> str:
    """The file that turns the baseline ties into the rows, read back so a bad row is caught."""
    text = dump_corrections(merged(existing, corrections_from_edits(baseline, rows), name))
    read_corrections(text, name, gazetteer)
    return text


def draw(view: View, analysis: Analysis) -> None:
    """The editable ties, what the edits add up to, and the download of the corrections file."""
    lang = view.lang
    st.caption(t("edit.caption", lang))
    digest = view.loaded.digest if view.loaded else ""
    edited = st.data_editor(
        tie_frame(analysis.ties, lang),
        column_config=column_config(analysis, lang),
        column_order=COLUMNS,
        disabled=("evidence", "edited"),
        num_rows="dynamic",
        hide_index=True,
        key=f"tie_editor_{digest}",
    )
    rows = edited[list(EDITABLE)].to_dict("records")
    assert view.entry is not None
    baseline, existing = cache.baseline(view.entry)
    name = file_name(view, analysis)
    try:
        text = corrections_yaml(baseline, existing, rows, name, cache.gazetteer())
        diff = corrections_from_edits(analysis.ties, rows)
    except CorrectionsError as err:
        st.warning(t("edit.invalid", lang, problem=parts.plain(str(err))), icon=":material/rule:")
        return
    if diff:
        counts = {"adds": len(diff.add), "removes": len(diff.remove), "changes": len(diff.change)}
        st.info(t("edit.changes", lang, **counts), icon=":material/edit:")
    else:
        st.caption(t("edit.no_changes", lang))
    st.download_button(
        t("edit.download", lang),
        data=text,
        file_name=name,
        mime="application/x-yaml",
        on_click="ignore",
        icon=":material/download:",
        type="primary",
        key="download_corrections",
    )
    st.caption(t("edit.where", lang, file=parts.plain(name)))
    if view.entry is not None and view.entry.uploaded:
        st.caption(t("edit.where_upload", lang))
