"""The pages, in one list for st.navigation, and the way out of Streamlit's old pages mode."""

from __future__ import annotations

from typing import Any

import streamlit as st

from diplomap.i18n import t

PAGES = (
    ("pages/overview.py", "page.overview", ":material/dashboard:", "overview"),
    ("pages/map.py", "page.map", ":material/public:", "map"),
    ("pages/alliances.py", "page.alliances", ":material/hub:", "alliances"),
    ("pages/excerpts.py", "page.excerpts", ":material/format_quote:", "excerpts"),
    ("pages/timeline.py", "page.timeline", ":material/timeline:", "timeline"),
    ("pages/data.py", "page.data", ":material/table:", "data"),
)


def pages(lang: str) -> list[st.Page]:
    """Every page, titled in the interface language; the Overview is the default."""
    return [
        st.Page(path, title=t(key, lang), icon=icon, url_path=url, default=i == 0)
        for i, (path, key, icon, url) in enumerate(PAGES)
    ]


def _pages_manager() -> Any:
    """Streamlit's PagesManager, which holds the old pages mode; None if it has none."""
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # pragma: no cover - a Streamlit without the old pages mode
        return None
    return PagesManager


def in_folder_mode() -> bool:
    """Whether Streamlit still treats pages/ as an old-style pages folder (until st.navigation)."""
    manager = _pages_manager()
    return bool(manager and manager.uses_pages_directory)


def end_folder_mode() -> None:
    """Leave the old pages mode before any session exists, as st.navigation's first call would.

    Run at server start (ui/warmup.py), it spares the first reader leave_folder_mode's rerun."""
    manager = _pages_manager()
    if manager is not None:
        manager.uses_pages_directory = False


def leave_folder_mode() -> None:
    """Switch to st.navigation and run again, before any widget exists.

    A fresh server's first run treats pages/ as an old-style pages folder: it may run a page
    file without dashboard.py, and its widgets get ids that later runs do not share, so the
    reader's first click would be lost. Declaring the navigation ends that mode for good.
    """
    if in_folder_mode():
        st.navigation(pages("en"), position="hidden")
        st.rerun()
