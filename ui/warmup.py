"""One server's first work, done before it takes readers, so its first reader waits no longer
than the next one.

`streamlit run dashboard.py` finds the `st.App` that dashboard.py declares and serves it;
that App's lifespan runs `warm_up` once, after Streamlit's runtime starts and before the
server answers its health check. Nothing here is needed: if warming fails, it is logged and
the first reader does the same work.
"""

from __future__ import annotations

import asyncio
import importlib
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from streamlit.logger import get_logger

log = get_logger(__name__)

# What the other pages import on their first run (about 0.6 s here): charts and tables with
# altair and pandas, pyarrow to send them, the interactive map's pydeck, the graph layout,
# the table editor.
PAGE_MODULES = (
    "diplomap.charts",
    "networkx",
    "pandas",
    "pyarrow",
    "pydeck",
    "ui.chartview",
    "ui.editor",
    "ui.excerptview",
)


@asynccontextmanager
async def lifespan(_app: Any) -> AsyncIterator[None]:
    """st.App's start-up hook: warm up in a worker thread, then serve."""
    await asyncio.to_thread(warm_up)
    yield


def warm_up() -> bool:
    """Import the Overview's code, load the data and cache the default article's first page.

    True when everything was warmed."""
    started = time.perf_counter()
    try:
        warmed = warm_default_article()
        import_page_modules()
    except Exception:  # the app must start even if warming cannot be done
        log.exception("warming up failed; the first reader will do that work")
        return False
    log.info("warmed up in %.0f ms", (time.perf_counter() - started) * 1000)
    return warmed


def import_page_modules() -> None:
    """Import what the other pages need, so the first reader of a link to one does not wait
    for it; then keep those long-lived objects out of the garbage collector's full passes."""
    from ui import collector

    for name in PAGE_MODULES:
        importlib.import_module(name)
    collector.freeze_imports()


def warm_default_article() -> bool:
    """What the first reader of the bare address would compute: the default article's analysis
    and static map, in the interface language it opens in, into the shared caches."""
    from ui import articles, cache, mapview, nav, parts, state, story  # noqa: F401 (Overview's)

    nav.end_folder_mode()
    entry = articles.default_entry(articles.list_articles())
    if entry is None:
        return False
    loaded = cache.load(entry)
    if loaded.analysis is None:
        return False
    lang = state.article_language(loaded.analysis) or "en"
    mapview.static_svg(loaded.digest, lang, None, None, loaded.analysis)
    return True
