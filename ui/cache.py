"""Thin caching wrappers: an analysis is computed once per file content, corrections and options."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, NamedTuple

import streamlit as st

from diplomap.analysis import analyse
from diplomap.corrections import Corrections, CorrectionsError, read_corrections
from diplomap.model import Analysis, ArticleError, Tie
from diplomap.reader import read_bytes
from ui.articles import Entry, corrections_file, read_corrections_file, read_file

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


class Source(NamedTuple):
    """What an article is read from: its bytes, and its corrections file's bytes if it has one."""

    data: bytes
    name: str
    fixes: bytes | None = None
    fixes_name: str = ""
    fixes_problem: str | None = None


def read_source(entry: Entry) -> Source:
    """A listed file's bytes and its sibling corrections file's (cheap); an upload's own bytes."""
    if entry.data is not None:
        return Source(entry.data, entry.name)
    assert entry.path is not None
    data = read_file(entry.path)
    fixes = corrections_file(entry)
    if fixes is None:
        return Source(data, entry.name)
    try:
        return Source(data, entry.name, read_corrections_file(fixes), fixes.name)
    except OSError as err:
        problem = f"{fixes.name}: cannot be read ({err.strerror or err})"
        return Source(data, entry.name, None, fixes.name, problem)


def load(entry: Entry, language: str | None = None) -> Loaded:
    """Read an article and its corrections and analyse them, from the cache when seen before."""
    try:
        source = read_source(entry)
    except OSError as err:
        return Loaded("", None, f"{entry.name}: {err.strerror or err}")
    try:
        loaded = analyse_bytes(source.data, source.name, source.fixes, source.fixes_name, language)
    except Exception as err:  # a bug must not take the other articles down with it
        log.exception("analysing %s failed", entry.name)
        return Loaded("", None, f"{entry.name}: {type(err).__name__}: {err}")
    if source.fixes_problem and loaded.analysis is not None:
        errors = (source.fixes_problem,)
        analysis = replace(
            loaded.analysis, corrections_path=source.fixes_name, corrections_errors=errors
        )
        return Loaded(loaded.digest, analysis)
    return loaded


def content_digest(
    data: bytes, name: str, language: str | None, fixes: bytes | None = None, fixes_name: str = ""
) -> str:
    """A short id for a file's content, its corrections and reading options, to key caches."""
    h = hashlib.sha256(data)
    h.update(f"\0{name}\0{language or ''}\0{fixes_name}\0".encode())
    h.update(fixes or b"")
    return h.hexdigest()[:20]


@st.cache_data(show_spinner=False, max_entries=64)
def analyse_bytes(
    data: bytes,
    name: str,
    fixes: bytes | None = None,
    fixes_name: str = "",
    language: str | None = None,
) -> Loaded:
    """The analysis of an article file's content, corrected; the cache key is every byte read.

    A file the reader refuses is a result too (cached); a corrections file that is wrong leaves
    the analysis uncorrected, with the reason in `corrections_errors`. Any other error is raised.
    """
    digest = content_digest(data, name, language, fixes, fixes_name)
    try:
        article = read_bytes(data, name, language=language)
    except ArticleError as err:
        return Loaded(digest, None, str(err))
    if fixes is None:
        return Loaded(digest, analyse(article, gazetteer()))
    try:
        corrections = parse_corrections(fixes, fixes_name)
        return Loaded(digest, analyse(article, gazetteer(), corrections))
    except CorrectionsError as err:
        plain = analyse(article, gazetteer())
        return Loaded(
            digest,
            replace(plain, corrections_path=fixes_name, corrections_errors=(str(err),)),
        )


def parse_corrections(fixes: bytes, fixes_name: str) -> Corrections:
    """A corrections file's checked content, named by its file name alone in messages."""
    return read_corrections(fixes, fixes_name, gazetteer())


def baseline(entry: Entry) -> tuple[tuple[Tie, ...], Corrections | None]:
    """The ties the table editor starts from, and the corrections file in force, for an entry."""
    source = read_source(entry)
    return tie_baseline(source.data, source.name, source.fixes, source.fixes_name)


@st.cache_data(show_spinner=False, max_entries=16)
def tie_baseline(
    data: bytes, name: str, fixes: bytes | None, fixes_name: str
) -> tuple[tuple[Tie, ...], Corrections | None]:
    """The ties before any tie edit (aliases and mentions fixed), and the corrections in force.

    The table editor diffs against these, so a downloaded file keeps the file's other fixes.
    """
    article = read_bytes(data, name)
    corrections = None
    if fixes is not None:
        try:
            corrections = parse_corrections(fixes, fixes_name)
            baseline = replace(corrections, add=(), remove=(), change=(), notes=())
            return analyse(article, gazetteer(), baseline).ties, corrections
        except CorrectionsError:
            corrections = None
    return analyse(article, gazetteer()).ties, corrections


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

    spec = maps.ties_map(_analysis, lang=lang, types=types, focus=focus, borders=False)
    return deck_svg(spec, label=label)
