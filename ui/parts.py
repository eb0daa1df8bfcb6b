"""Pieces several pages draw: the guard for unreadable articles, links to evidence, legends."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import PurePath
from typing import Any

import streamlit as st

from diplomap.i18n import (
    country_name,
    family_label,
    kind_label,
    precision_label,
    t,
    tie_sentence,
)
from diplomap.model import TIE_TYPES, Analysis, Tie
from diplomap.palette import TIE_FAMILY
from diplomap.tables import display_names, filter_ties
from ui.articles import MAX_TITLE, clip
from ui.state import View, current_view

_MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]<>()#+\-.!|~$:=^]")

EXCERPTS_PAGE = "pages/excerpts.py"
MAIN_TIES = 8
EDIT_MARKS = ("added", "retyped", "reversed", "directed", "undirected")

COLUMN_KEYS: dict[str, str] = {
    "name": "column.country",
    "country": "column.country",
    "country_name": "column.country",
    "iso3": "column.iso3",
    "iso2": "column.iso2",
    "lat": "column.lat",
    "lon": "column.lon",
    "mentions": "column.mentions",
    "ties": "metric.ties",
    "camp": "column.camp",
    "camp_name": "column.camp",
    "position": "column.position",
    "actor_name": "column.actor",
    "kind": "column.kind",
    "source_name": "column.source",
    "target_name": "column.target",
    "type_label": "column.type",
    "family": "column.family",
    "score": "column.score",
    "net": "column.score",
    "types": "column.types",
    "evidence": "column.evidence",
    "sentence": "column.sentence",
    "sentences": "column.sentences",
    "sentence_text": "column.text",
    "text": "column.text",
    "label": "column.date",
    "precision": "column.precision",
    "a_name": "column.source",
    "b_name": "column.target",
    "country_names": "metric.countries",
    "directed": "direction.directed",
    "edited": "corrections.column",
}


def guard(view: View) -> Analysis | None:
    """Say what the address or the file got wrong; the analysis when there is one to show."""
    lang = view.lang
    for notice in view.notices:
        st.warning(t(_notice_key(notice.key), lang, **notice.fmt), icon=":material/link_off:")
    if view.notices and view.entry is not None and view.error is None:
        st.caption(t("dashboard.fallback_article", lang, title=plain(view.entry.title)))
    if view.entry is None:
        st.info(t("empty.no_articles", lang))
        return None
    if view.error is not None:
        st.error(f"**{t('dashboard.unreadable_title', lang)}**\n\n{plain(view.error)}")
        st.caption(t("dashboard.unreadable_hint", lang))
        return None
    if view.analysis is not None and view.analysis.corrections_errors:
        problems = "\n\n".join(plain(e) for e in view.analysis.corrections_errors)
        st.warning(
            f"**{t('corrections.broken_title', lang)}**\n\n{problems}",
            icon=":material/rule:",
        )
        st.caption(t("corrections.broken_hint", lang))
    return view.analysis


def corrected_caption(analysis: Analysis, lang: str) -> None:
    """One line under the headline saying that an editor's corrections file is applied."""
    if analysis.corrections_path and not analysis.corrections_errors:
        name = plain(PurePath(analysis.corrections_path).name)
        st.caption(f":violet[:material/edit:] {t('corrections.applied', lang, file=name)}")


def edit_marks(edited: str, lang: str) -> str:
    """A tie's edit marks ("added,reversed") in words, "" when no editor touched it."""
    return ", ".join(
        t(f"corrections.mark.{mark}", lang) for mark in edited.split(",") if mark in EDIT_MARKS
    )


def _notice_key(key: str) -> str:
    """Address problems named by the articles module live under error.*; the rest are full keys."""
    return key if "." in key else f"error.{key}"


def plain(text: str) -> str:
    """Text from a file or an address, shown literally: no Markdown, HTML, emoji or maths."""
    return _MARKDOWN_SPECIAL.sub(r"\\\g<0>", " ".join(text.split()))


def number(value: int, lang: str) -> str:
    """A count grouped the interface language's way, so 1,234 reads as 1.234 in Indonesian."""
    return f"{value:,}".replace(",", t("number.group", lang))


def headline(text: str) -> str:
    """An article's headline as a heading shows it: literal, and cut short if it runs on."""
    return plain(clip(" ".join(text.split()), MAX_TITLE))


def page_heading(view: View, page_key: str) -> None:
    """The page name, and the article it is about in small print."""
    st.title(t(page_key, view.lang))
    if view.entry is not None:
        title = view.analysis.article.title if view.analysis else view.entry.title
        st.caption(headline(title or view.entry.name))
    if view.analysis is not None:
        corrected_caption(view.analysis, view.lang)


def page_start(page_key: str, *, needs_countries: bool = False) -> tuple[View, Analysis]:
    """A page's view and heading; the run stops, saying why, when there is nothing to draw."""
    view = current_view()
    analysis = guard(view)
    page_heading(view, page_key)
    if analysis is None:
        st.stop()
    if needs_countries and not analysis.countries:
        st.info(t("empty.no_countries", view.lang))
        st.stop()
    return view, analysis


def filter_notes(view: View, analysis: Analysis) -> None:
    """One line each for an active focus country and a narrowed tie-type filter."""
    lang = view.lang
    if view.country:
        st.info(
            t("dashboard.focus_on", lang, country=country_name(view.country, lang)),
            icon=":material/filter_center_focus:",
        )
    if not view.all_types:
        st.caption(t("dashboard.types_filtered", lang, shown=len(view.types), total=len(TIE_TYPES)))


def shown_ties(view: View, analysis: Analysis) -> list[Tie]:
    """The ties the sidebar's filters leave."""
    return filter_ties(analysis, view.type_filter, view.country)


def main_ties(ties: Iterable[Tie], limit: int = MAIN_TIES) -> list[Tie]:
    """The best-attested ties first, stronger scores breaking ties, in a stable order."""
    ranked = sorted(ties, key=lambda t: (-len(t.evidence), -abs(t.score), t.source, t.target))
    return ranked[:limit]


def first_sentence(tie: Tie) -> int | None:
    """The earliest sentence a tie was read from."""
    return min((e.sentence for e in tie.evidence), default=None)


def tie_line(tie: Tie, analysis: Analysis, lang: str) -> str:
    """A tie as a sentence in the interface language."""
    return tie_sentence(tie, lang=lang, names=display_names(analysis, lang))


def evidence_link(view: View, tie: Tie, label: str) -> None:
    """A link to the Excerpts page, scrolled to the sentence the tie was read from."""
    sentence = first_sentence(tie)
    cooperative = TIE_FAMILY.get(tie.type) == "cooperation"
    st.page_link(
        EXCERPTS_PAGE,
        label=label,
        icon=":material/add_circle:" if cooperative else ":material/do_not_disturb_on:",
        query_params=view.params(sentence=sentence),
        help=t("dashboard.evidence_link", view.lang, number=(sentence or 0) + 1),
    )


def legend(items: Iterable[Mapping[str, Any]], lang: str) -> None:
    """The map's legend as small swatches, grouped into ties and countries."""
    st.markdown(legend_html(items, lang), unsafe_allow_html=True)


def legend_html(items: Iterable[Mapping[str, Any]], lang: str) -> str:
    """The legend's HTML, styled inline so it needs no stylesheet."""
    groups: dict[str, list[str]] = {}
    for item in items:
        groups.setdefault(item["group"], []).append(_swatch(item))
    titles = {
        "ties": t("dashboard.legend_ties", lang),
        "countries": t("dashboard.legend_countries", lang),
    }
    rows = [
        f"<div><strong>{html.escape(titles.get(g, g))}</strong> {' '.join(parts)}</div>"
        for g, parts in groups.items()
    ]
    return f'<div class="dm-map-legend" style="{LEGEND_STYLE}">{"".join(rows)}</div>'


LEGEND_STYLE = "font-size:.85rem;line-height:1.9;margin:.4rem 0"
ITEM_STYLE = "display:inline-flex;align-items:center;gap:.3em;margin-right:1em;white-space:nowrap"
MARK_STYLE = "display:inline-block;width:1.1em;height:.8em;border:1px solid #999;border-radius:2px"
LINE_STYLE = "display:inline-block;width:2em;height:0;border-top-width:3px"


def _swatch(item: Mapping[str, Any]) -> str:
    """One legend entry: a line, a filled box or a ramp, then its label."""
    colours = [html.escape(c) for c in item.get("colours") or [] if isinstance(c, str)]
    label = html.escape(str(item.get("label", "")))
    first = colours[0] if colours else "#000"
    if item.get("symbol") == "line":
        style = "dashed" if (item.get("dash") or [1, 0])[1] else "solid"
        mark = f'<span style="{LINE_STYLE};border-top-style:{style};border-top-color:{first}">'
    elif item.get("symbol") == "ramp" and colours:
        ramp = ",".join(colours)
        mark = f'<span style="{MARK_STYLE};width:4em;background:linear-gradient(to right,{ramp})">'
    else:
        mark = f'<span style="{MARK_STYLE};background:{first}">'
    return f'<span style="{ITEM_STYLE}">{mark}</span>{label}</span>'


def labelled(
    frame: Any, lang: str, columns: Iterable[str], keys: Mapping[str, str] | None = None
) -> Any:
    """The chosen columns of a table, headed in the interface language.

    keys names a table's own label for a column whose usual one would mislead there ("name"
    is the actor in the actors table, "country" a code in the mentions table).
    """
    cols = [c for c in columns if c in frame.columns]
    known = {**COLUMN_KEYS, **(keys or {})}
    renamed = {c: t(known[c], lang) for c in cols if c in known}
    seen: set[str] = set()
    for c in cols:
        label = renamed.get(c, c)
        if label in seen:
            renamed[c] = f"{label} ({c})"
        seen.add(renamed.get(c, c))
    return frame[cols].rename(columns=renamed)


NUMERIC_KINDS = "biufc"  # numpy's kinds of number and truth; a blank would turn them to text
VALUE_LABELS: dict[str, Callable[[str, str], str]] = {
    "kind": kind_label,
    "family": family_label,
    "precision": precision_label,
}


def column_config(columns: Iterable[str], labels: Iterable[str]) -> dict[str, Any]:
    """How the grid draws the columns that need it, by their shown labels: a tie's score signed
    as the maps write it (+3, -7), its sentences in a column wide enough for their numbers."""
    cc = st.column_config
    styles = {
        "score": lambda: cc.NumberColumn(format="%+g"),
        "sentences": lambda: cc.ListColumn(width="medium"),
    }
    return {label: styles[c]() for c, label in zip(columns, labels, strict=True) if c in styles}


def readable(frame: Any, lang: str) -> Any:
    """A table's cells as a reader reads them: codes in words, sentences from 1, blanks for none.

    Sentences are numbered as the Excerpts page numbers them; downloads keep the indices from 0.
    """
    words = {
        c: [label(v, lang) if isinstance(v, str) else v for v in frame[c]]
        for c, label in VALUE_LABELS.items()
        if c in frame.columns
    }
    if "sentence" in frame.columns:
        words["sentence"] = frame["sentence"] + 1
    if "sentences" in frame.columns:
        words["sentences"] = [[n + 1 for n in numbers] for numbers in frame["sentences"]]
    shown = frame.assign(**words)
    blanks = {
        c: shown[c].where(shown[c].notna(), "")
        for c in shown.columns
        if shown[c].dtype.kind not in NUMERIC_KINDS
    }
    return shown.assign(**blanks)
