"""Thin caching wrappers: an analysis is computed once per file content and options."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import streamlit as st

from diplomap.analysis import analyse
from diplomap.model import Analysis, ArticleError
from diplomap.reader import read_bytes
from ui.articles import Entry, read_file

if TYPE_CHECKING:
    from diplomap.gazetteer import Gazetteer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Loaded:
    """One article's analysis, or the reader's one-line reason it could not be read."""

    digest: str
    analysis: Analysis | None
    error: str | None = None


@st.cache_resource(show_spinner=False)
def gazetteer() -> Gazetteer:
    """The country and actor gazetteer, loaded once and shared by every session."""
    from diplomap.gazetteer import load_gazetteer

    return load_gazetteer()


def load(entry: Entry, language: str | None = None) -> Loaded:
    """Read a listed file's bytes (cheap) and analyse them, from the cache when seen before."""
    try:
        data = read_file(entry.path)
    except OSError as err:
        return Loaded("", None, f"{entry.name}: {err.strerror or err}")
    try:
        return analyse_bytes(data, entry.name, language)
    except Exception as err:  # a bug must not take the other articles down with it
        log.exception("analysing %s failed", entry.name)
        return Loaded("", None, f"{entry.name}: {type(err).__name__}: {err}")


def content_digest(data: bytes, name: str, language: str | None) -> str:
    """A short id for a file's content and reading options, to key derived caches."""
    h = hashlib.sha256(data)
    h.update(f"\0{name}\0{language or ''}".encode())
    return h.hexdigest()[:20]


@st.cache_data(show_spinner=False, max_entries=64)
def analyse_bytes(data: bytes, name: str, language: str | None = None) -> Loaded:
    """The analysis of an article file's content; the cache key is the bytes and options.

    A file the reader refuses is a result too (cached); any other error is raised, not cached.
    """
    digest = content_digest(data, name, language)
    try:
        article = read_bytes(data, name, language=language)
    except ArticleError as err:
        return Loaded(digest, None, str(err))
    return Loaded(digest, analyse(article, gazetteer()))


@st.cache_data(show_spinner=False, max_entries=256)
def chart_spec(
    kind: str,
    digest: str,
    lang: str,
    types: tuple[str, ...] | None,
    focus: str | None,
    _build: Callable[[], Any],
) -> dict[str, Any]:
    """A chart's Vega-Lite spec, built once per article content, chart and filters."""
    return _build().to_dict()


@st.cache_data(show_spinner=False, max_entries=128)
def map_svg(
    digest: str,
    lang: str,
    types: tuple[str, ...] | None,
    focus: str | None,
    label: str,
    _analysis: Analysis,
) -> str:
    """The static map of one article and filters, drawn once."""
    from diplomap import maps
    from ui.svgmap import deck_svg

    deck = maps.ties_deck(_analysis, lang=lang, types=types, focus=focus, basemap=False)
    return deck_svg(deck, label=label)
