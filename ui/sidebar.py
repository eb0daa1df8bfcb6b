"""The sidebar: drawn by the entrypoint on every run, so its choices survive page switches."""

from __future__ import annotations

import json

import streamlit as st

from diplomap.i18n import LANGS, country_name, t, tie_type_label
from diplomap.model import TIE_TYPES
from diplomap.output import to_dict
from ui import cache, state, uploads
from ui.articles import Entry
from ui.cache import Loaded


def render(entries: tuple[Entry, ...]) -> state.View:
    """Draw the pickers and return the view every page will show."""
    entry = state.settle_article(entries)
    loaded = cache.load(entry) if entry else None
    analysis = loaded.analysis if loaded else None
    lang = state.settle_lang(state.article_language(analysis))
    countries = [c.iso3 for c in analysis.countries] if analysis else []
    country = state.settle_country(countries)
    with st.sidebar:
        if entries:
            article_picker(entries, lang)
        else:
            st.info(t("empty.no_articles", lang))
        uploads.uploader(lang)
        if entry is not None and entry.uploaded:
            upload_download(entry, loaded, lang)
        st.selectbox(
            t("sidebar.language", lang),
            LANGS,
            format_func=lambda code: t("language.name", code),
            key=state.LANG,
            help=t("sidebar.language_help", lang),
            on_change=state.choose_lang,
        )
        relabel(state.TYPES)
        st.multiselect(
            t("sidebar.tie_types", lang),
            TIE_TYPES,
            format_func=lambda tie_type: tie_type_label(tie_type, lang),
            key=state.TYPES,
            help=t("sidebar.tie_types_help", lang),
            placeholder=t("dashboard.all_types", lang),
        )
        st.selectbox(
            t("sidebar.focus_country", lang),
            [state.NO_COUNTRY, *countries],
            format_func=lambda code: (
                country_name(code, lang) if code else t("sidebar.focus_none", lang)
            ),
            key=state.COUNTRY,
            help=t("sidebar.focus_country_help", lang),
            disabled=not countries,
        )
        st.caption(t("app.about", lang))
    return state.View(
        entries=entries,
        entry=entry,
        loaded=loaded,
        lang=lang,
        types=state.settle_types(),
        country=country,
        notices=state.notices(),
    )


def relabel(key: str) -> None:
    """Set a multiselect's value from the script: the only way its tags follow a new language."""
    st.session_state[key] = list(st.session_state.get(key) or [])


def article_picker(entries: tuple[Entry, ...], lang: str) -> None:
    """Articles by headline; a file that cannot be read is listed, and says so when opened."""
    labels = {e.id: picker_label(e, lang) for e in entries}
    st.selectbox(
        t("sidebar.article", lang),
        [e.id for e in entries],
        format_func=labels.__getitem__,
        key=state.ARTICLE,
        help=t("sidebar.article_help", lang),
    )


def picker_label(entry: Entry, lang: str) -> str:
    """An article's headline in the picker, flagged when it is unreadable or an upload."""
    if not entry.readable:
        return t("dashboard.unreadable_mark", lang, title=entry.name)
    if entry.uploaded:
        return t("upload.mark", lang, title=entry.title)
    return entry.title


def upload_download(entry: Entry, loaded: Loaded | None, lang: str) -> None:
    """The uploaded article's analysis offered back as JSON, so nothing is kept on the server."""
    st.caption(t("upload.session_only", lang, name=entry.name))
    analysis = loaded.analysis if loaded else None
    if analysis is None:
        return
    st.download_button(
        t("download.json", lang),
        data=lambda: json.dumps(to_dict(analysis), ensure_ascii=False, indent=2),
        file_name=f"{analysis.article.id}.json",
        mime="application/json",
        on_click="ignore",
        icon=":material/data_object:",
        key="upload_json",
    )
