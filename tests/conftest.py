"""Shared fixtures: a `streamlit run` server and a Chromium page for the browser tests."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from diplomap.datafiles import CACHE_ENV
from tests.serving import CHROMIUM, ROOT, VIEWPORT, chromium_browser, serve

__all__ = ["ROOT"]

SCREENSHOTS = ROOT / "artifacts" / "screenshots"


@pytest.fixture(scope="session", autouse=True)
def data_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Parsed data kept in this session's own folder (servers and CLI runs too), not ~/.cache."""
    folder = tmp_path_factory.mktemp("data-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_ENV, str(folder))
        yield folder


def chromium_or_skip() -> Path:
    """Chromium's path; without it skip locally, but fail on CI where it must be installed."""
    if CHROMIUM.exists():
        return CHROMIUM
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing on CI; install Debian's chromium package")
    pytest.skip(f"{CHROMIUM} is missing; install Debian's chromium to run the browser tests")


@pytest.fixture(scope="session")
def screenshots_dir() -> Path:
    """artifacts/screenshots/, emptied once per session (the folder is gitignored)."""
    if SCREENSHOTS.exists():
        shutil.rmtree(SCREENSHOTS)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS


@pytest.fixture(scope="session")
def dashboard_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`streamlit run dashboard.py`, started once per session and stopped at its end."""
    chromium_or_skip()
    log = tmp_path_factory.mktemp("streamlit") / "dashboard.log"
    with serve(ROOT / "dashboard.py", log) as server:
        yield server.url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium per module, closed with it: a module may start its own Playwright."""
    chromium_or_skip()
    pytest.importorskip("playwright.sync_api")
    with chromium_browser() as chromium:
        yield chromium


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser context and page per test, like a new reader."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        yield context.new_page()
    finally:
        context.close()
