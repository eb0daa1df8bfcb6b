"""Readers at once against one server: each keeps its own article, language and filters."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from diplomap.i18n import t, tie_type_label
from tests.serving import (
    CHROMIUM,
    EXCEPTION,
    METRIC,
    OVERVIEW_READY,
    PAGE_READY,
    READY_TIMEOUT_MS,
    Server,
    chromium_browser,
    new_reader,
    serve,
    wait_ready,
)
from ui.articles import list_articles

pytestmark = [pytest.mark.slow, pytest.mark.browser]

SIDEBAR = '[data-testid="stSidebar"]'
TAGS = f'{SIDEBAR} [data-testid="stMultiSelect"] [data-tag]'
NAV = '[data-testid="stSidebarNav"]'


@dataclass(frozen=True)
class Reader:
    """What one reader asks for in the address."""

    article: str
    lang: str
    types: tuple[str, ...]

    @property
    def address(self) -> str:
        query = {"article": self.article, "lang": self.lang}
        if self.types:
            query["types"] = ",".join(self.types)
        return "/?" + urlencode(query)


READERS = (
    Reader("us-officials-visit-venezuela", "en", ("talks", "sanction")),
    Reader("laut-china-selatan", "id", ("accusation",)),
    Reader("black-sea-grain-deal", "id", ("agreement", "aid")),
)


def expected(reader: Reader) -> dict[str, Any]:
    """What the sidebar and address should show that reader."""
    titles = {entry.id: entry.title for entry in list_articles()}
    return {
        "article": reader.article,
        "title": titles[reader.article],
        "overview_link": t("page.overview", reader.lang),
        "tags": sorted(tie_type_label(tie, reader.lang) for tie in reader.types),
    }


def shown(page: Any) -> dict[str, Any]:
    """What the page shows of the reader's view, read from the sidebar and the address."""
    nav = page.locator(NAV).inner_text()
    links = {t("page.overview", lang) for lang in ("en", "id")}
    query = parse_qs(urlsplit(page.url).query)
    return {
        "article": query.get("article", [""])[-1],
        "title": page.locator(f'{SIDEBAR} [data-testid="stSelectbox"] input').first.input_value(),
        "overview_link": next((link for link in sorted(links) if link in nav), ""),
        "tags": sorted(tag.get_attribute("aria-label") for tag in page.locator(TAGS).all()),
    }


def assert_own_view(page: Any, reader: Reader, skip: tuple[str, ...] = ()) -> None:
    view, want = shown(page), expected(reader)
    assert {k: v for k, v in view.items() if k not in skip} == {
        k: v for k, v in want.items() if k not in skip
    }
    assert page.locator(EXCEPTION).count() == 0


def switch_language(page: Any, lang: str) -> None:
    """Pick the interface language in the sidebar and wait for the relabelled page."""
    page.locator(f'{SIDEBAR} [data-testid="stSelectbox"]').nth(1).click()
    page.get_by_role("option", name=t("language.name", lang)).click()
    page.locator(NAV).get_by_text(t("page.overview", lang), exact=True).wait_for()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing on CI; install Debian's chromium package")
        pytest.skip(f"{CHROMIUM} is missing; install Debian's chromium to run this test")
    pytest.importorskip("playwright.sync_api")
    with chromium_browser() as browser:
        yield browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    log = tmp_path_factory.mktemp("sessions") / "streamlit.log"
    with serve("dashboard.py", log) as running:
        yield running


def test_the_readers_ask_for_different_views() -> None:
    views = [expected(reader) for reader in READERS]
    assert len({v["title"] for v in views}) == len(READERS)
    assert len({v["overview_link"] for v in views}) == 2
    assert len({tuple(v["tags"]) for v in views}) == len(READERS)


def test_three_readers_at_once_keep_their_own_views(server: Server, chromium: Any) -> None:
    pages = [new_reader(chromium) for _ in READERS]
    try:
        for page, reader in zip(pages, READERS, strict=True):
            page.goto(server.url + reader.address, wait_until="commit")
        for page in pages:
            wait_ready(page, OVERVIEW_READY)
        for page, reader in zip(pages, READERS, strict=True):
            assert_own_view(page, reader)

        first, second, third = pages
        second.locator(TAGS).first.locator("button").click()
        third.locator(NAV).get_by_role("link", name=t("page.data", "id")).click()
        switch_language(first, "id")

        changed = (
            Reader(READERS[0].article, "id", READERS[0].types),
            Reader(READERS[1].article, "id", ()),
            READERS[2],
        )
        second.locator(TAGS).first.wait_for(state="detached", timeout=READY_TIMEOUT_MS)
        third.wait_for_url("**/data?**", timeout=READY_TIMEOUT_MS)
        wait_ready(first, OVERVIEW_READY)
        wait_ready(second, OVERVIEW_READY)
        wait_ready(third, PAGE_READY["data"])
        assert_own_view(first, changed[0])
        assert_own_view(second, changed[1])
        assert_own_view(third, changed[2])
        assert t("metric.countries", "id") in first.locator(METRIC).first.inner_text()
    finally:
        for page in pages:
            page.context.close()


def test_switching_language_relabels_the_chosen_types(server: Server, chromium: Any) -> None:
    page = new_reader(chromium)
    try:
        reader = READERS[0]
        page.goto(server.url + reader.address, wait_until="commit")
        wait_ready(page, OVERVIEW_READY)
        switch_language(page, "id")
        wait_ready(page, OVERVIEW_READY)
        page.wait_for_timeout(1000)
        assert_own_view(page, Reader(reader.article, "id", reader.types))
    finally:
        page.context.close()
