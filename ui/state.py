"""Every session-state key, its default, and the sync between the address and the state.

The address holds the shared view: ?article=<id>&lang=<en|id>&types=<a,b>&country=<ISO3>.
A parameter that is absent means "the default": the default article, the article's own
language, every tie type (the type filter is empty), no focus country. ?sentence=<n> belongs
to the Excerpts page only.
The address is read into the state only when it changed from outside (a new session, a link,
the back button); otherwise the widgets own the state and the address is rewritten from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import streamlit as st

from diplomap.i18n import LANGS, normalize_lang
from diplomap.maps import map_selection_country
from diplomap.model import TIE_TYPES
from ui import articles, nav

if TYPE_CHECKING:
    from diplomap.model import Analysis
    from ui.cache import Loaded

ARTICLE = "article"
LANG = "lang"
TYPES = "types"
COUNTRY = "country"
SENTENCE = "sentence"
SHARED_PARAMS: tuple[str, ...] = (ARTICLE, LANG, TYPES, COUNTRY)
PAGE_PARAMS: dict[str, tuple[str, ...]] = {"excerpts": (SENTENCE,)}

NO_COUNTRY = ""
MAP_SELECTION = "map_selection"
BASEMAP = "basemap"
EXCERPT_COUNTRIES = "excerpt_countries"
EXCERPT_TYPES = "excerpt_types"
EXCERPT_QUERY = "excerpt_query"
EXCERPT_ALL = "excerpt_all"

_SEEN = "_url_seen"
_TAKEN = "_url_taken"
_LANG_CHOSEN = "_lang_chosen"
_NOTICES = "_notices"
_VIEW = "_view"
_EXCERPT_FOCUS = "_excerpt_focus"


@dataclass(frozen=True)
class Notice:
    """Something the address asked for that could not be honoured, told on the page."""

    key: str
    fmt: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class View:
    """What every page shows: the article, its analysis and the reader's choices."""

    entries: tuple[articles.Entry, ...]
    entry: articles.Entry | None
    loaded: Loaded | None
    lang: str
    types: tuple[str, ...]
    country: str | None
    notices: tuple[Notice, ...] = ()

    @property
    def analysis(self) -> Analysis | None:
        return self.loaded.analysis if self.loaded else None

    @property
    def error(self) -> str | None:
        return self.loaded.error if self.loaded else None

    @property
    def all_types(self) -> bool:
        return set(self.types) >= set(TIE_TYPES)

    @property
    def type_filter(self) -> tuple[str, ...] | None:
        """The types for the builders: None when every type is shown."""
        return None if self.all_types else self.types

    def params(self, **extra: Any) -> dict[str, str]:
        """The address of this view, plus page parameters, for links between pages."""
        out = shared_params(
            self.entry.id if self.entry else None,
            self.lang,
            article_language(self.analysis),
            self.types,
            self.country,
        )
        out.update({k: str(v) for k, v in extra.items() if v is not None})
        return out


def article_language(analysis: Analysis | None) -> str | None:
    """The interface language that matches the article's own, when there is an article."""
    return normalize_lang(analysis.article.language) if analysis else None


def parse_types(raw: str | None) -> tuple[str, ...]:
    """?types=a,b as the known types in canonical order; () (every type) when none is known."""
    asked = {part.strip().lower() for part in (raw or "").split(",")}
    return tuple(t for t in TIE_TYPES if t in asked)


def types_param(types: Iterable[str]) -> str | None:
    """The ?types= value, left out (None) when the filter keeps every type."""
    chosen = set(types)
    if not chosen or chosen >= set(TIE_TYPES):
        return None
    return ",".join(t for t in TIE_TYPES if t in chosen)


def parse_lang(raw: str | None) -> str | None:
    """?lang= as an interface language, or None when absent or unknown."""
    code = (raw or "").strip().lower()
    return code if code in LANGS else None


def parse_country(raw: str | None) -> str | None:
    """?country= as an upper-case ISO3 code, or None; membership is checked per article."""
    code = (raw or "").strip().upper()
    return code if len(code) == 3 and code.isalpha() else None


def shared_params(
    article_id: str | None,
    lang: str,
    article_lang: str | None,
    types: Iterable[str],
    country: str | None,
) -> dict[str, str]:
    """The address of a view, leaving out every value that equals its default."""
    out: dict[str, str] = {}
    if article_id:
        out[ARTICLE] = article_id
    if lang != (article_lang or lang):
        out[LANG] = lang
    types_value = types_param(types)
    if types_value is not None:
        out[TYPES] = types_value
    if country:
        out[COUNTRY] = country
    return out


def focus_from_selection(
    selection: Mapping[str, Any] | None, countries: Iterable[str], current: str | None
) -> str | None:
    """The focus after a map click: the clicked country if it is in the article, else as before.

    An empty selection keeps the focus: Streamlit empties the map's selection by itself when
    the refocused map is drawn anew, so emptiness says nothing about the reader's wish.
    """
    picked = map_selection_country(selection)
    return picked if picked is not None and picked in set(countries) else current


def init() -> None:
    """Defaults for the keys no widget owns; widget keys are set before their widget is drawn."""
    ss = st.session_state
    ss.setdefault(_LANG_CHOSEN, False)
    ss[_NOTICES] = []


def url_now() -> dict[str, str]:
    """The shared parameters as the address holds them now."""
    return {k: st.query_params[k] for k in SHARED_PARAMS if k in st.query_params}


def read_url(entries: tuple[articles.Entry, ...]) -> None:
    """Take the address into the state when it changed from outside; widgets own it otherwise."""
    ss = st.session_state
    now = url_now()
    ss[_TAKEN] = ss.get(_SEEN) != now
    if not ss[_TAKEN]:
        return
    if ARTICLE in now or ARTICLE not in ss:
        resolution = articles.resolve(entries, now.get(ARTICLE))
        if resolution.problem:
            shown = articles.shown_id(resolution.asked)
            ss[_NOTICES].append(Notice(resolution.problem, {"id": shown, "path": shown}))
        fallback = articles.find(entries, ss.get(ARTICLE)) or articles.default_entry(entries)
        chosen = resolution.entry or fallback
        ss[ARTICLE] = chosen.id if chosen else None
    if (lang := parse_lang(now.get(LANG))) is not None:
        ss[LANG] = lang
        ss[_LANG_CHOSEN] = True
    if TYPES in now or TYPES not in ss:
        ss[TYPES] = list(parse_types(now.get(TYPES)))
    if COUNTRY in now:
        ss[COUNTRY] = parse_country(now[COUNTRY]) or now[COUNTRY][:8]
    ss.setdefault(COUNTRY, NO_COUNTRY)


def settle_article(entries: tuple[articles.Entry, ...]) -> articles.Entry | None:
    """Keep the picked article valid: a file that vanished falls back to the default."""
    ss = st.session_state
    entry = articles.find(entries, ss.get(ARTICLE)) or articles.default_entry(entries)
    ss[ARTICLE] = entry.id if entry else None
    return entry


def settle_lang(article_lang: str | None) -> str:
    """The interface language: the reader's choice, else the article's, else English."""
    ss = st.session_state
    if not ss[_LANG_CHOSEN] or ss.get(LANG) not in LANGS:
        ss[LANG] = article_lang or ss.get(LANG) or "en"
    return ss[LANG]


def choose_lang() -> None:
    """on_change of the language picker: from now on the language no longer follows articles."""
    st.session_state[_LANG_CHOSEN] = True


def settle_country(countries: Iterable[str]) -> str | None:
    """The focus country, if the article names it; a stale or unknown one is dropped."""
    ss = st.session_state
    current = ss.get(COUNTRY) or NO_COUNTRY
    if current and current not in set(countries):
        if ss.get(_TAKEN) and COUNTRY in url_now():
            shown = articles.shown_id(current)
            ss[_NOTICES].append(Notice("dashboard.unknown_country", {"code": shown}))
        current = NO_COUNTRY
    ss[COUNTRY] = current
    return current or None


def settle_types() -> tuple[str, ...]:
    """The tie types to show, in canonical order: an empty filter shows every type."""
    chosen = set(st.session_state.get(TYPES) or ())
    return tuple(t for t in TIE_TYPES if t in chosen) or TIE_TYPES


def notices() -> tuple[Notice, ...]:
    """What the address asked for this run that could not be done."""
    return tuple(st.session_state.get(_NOTICES, ()))


def focus_on_click(widget_key: str) -> None:
    """on_select of a map: the clicked country becomes the focus on every page."""
    ss = st.session_state
    view: View | None = ss.get(_VIEW)
    countries = [c.iso3 for c in view.analysis.countries] if view and view.analysis else []
    current = ss.get(COUNTRY) or None
    ss[COUNTRY] = focus_from_selection(ss.get(widget_key), countries, current) or NO_COUNTRY


def excerpt_defaults(view: View, countries: Iterable[str], types: Iterable[str]) -> None:
    """The Excerpts filters start on the focus country, follow it, and drop stale choices."""
    ss = st.session_state
    if ss.get(_EXCERPT_FOCUS, NO_COUNTRY) != (view.country or NO_COUNTRY) or (
        EXCERPT_COUNTRIES not in ss
    ):
        ss[EXCERPT_COUNTRIES] = [view.country] if view.country else []
        ss[_EXCERPT_FOCUS] = view.country or NO_COUNTRY
    known, present = set(countries), set(types)
    ss[EXCERPT_COUNTRIES] = [c for c in ss[EXCERPT_COUNTRIES] if c in known]
    ss[EXCERPT_TYPES] = [t for t in ss.get(EXCERPT_TYPES, []) if t in present]


def write_url(view: View, page: str) -> None:
    """Rewrite the address from the state, keeping only the current page's own parameters."""
    wanted = view.params()
    keep = PAGE_PARAMS.get(page, ())
    for key in keep:
        if key in st.query_params:
            wanted[key] = st.query_params[key]
    current = {k: st.query_params[k] for k in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)
    st.session_state[_SEEN] = {k: v for k, v in wanted.items() if k in SHARED_PARAMS}


def set_view(view: View) -> None:
    """Hand the view from the entrypoint to the page it runs."""
    st.session_state[_VIEW] = view


def current_view() -> View:
    """The view the entrypoint prepared for this run (see nav.leave_folder_mode)."""
    nav.leave_folder_mode()
    return st.session_state[_VIEW]


def page_param(key: str) -> str | None:
    """A page's own parameter from the address (?sentence=), if present."""
    return st.query_params.get(key)
