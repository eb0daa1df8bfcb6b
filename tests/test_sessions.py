"""Readers at once against one server: each keeps its own article, language and filters."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from diplomap.i18n import t
from tests.serving import (
    EXCEPTION,
    METRIC,
    OVERVIEW_READY,
    PAGE_READY,
    READY_TIMEOUT_MS,
    SHOWN_JS,
    Reader,
    Server,
    article_titles,
    new_reader,
    serve,
    shown_view,
    wait_ready,
)

pytestmark = [pytest.mark.slow, pytest.mark.browser]

SIDEBAR = '[data-testid="stSidebar"]'
TAGS = f'{SIDEBAR} [data-testid="stMultiSelect"] [data-tag]'
NAV = '[data-testid="stSidebarNav"]'
READERS = (
    Reader("us-officials-visit-venezuela", "en", ("talks", "sanction")),
    Reader("laut-china-selatan", "id", ("accusation",)),
    Reader("black-sea-grain-deal", "id", ("agreement", "aid")),
)


def assert_own_view(page: Any, reader: Reader) -> None:
    assert shown_view(page.evaluate(SHOWN_JS)) == reader.expected(article_titles())
    assert page.locator(EXCEPTION).count() == 0


def switch_language(page: Any, lang: str) -> None:
    """Pick the interface language in the sidebar and wait for the relabelled page."""
    page.locator(f'{SIDEBAR} [data-testid="stSelectbox"]').nth(1).click()
    page.get_by_role("option", name=t("language.name", lang)).click()
    page.locator(NAV).get_by_text(t("page.overview", lang), exact=True).wait_for()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    log = tmp_path_factory.mktemp("sessions") / "streamlit.log"
    with serve("dashboard.py", log) as running:
        yield running


def test_the_readers_ask_for_different_views() -> None:
    views = [reader.expected(article_titles()) for reader in READERS]
    assert len({v["title"] for v in views}) == len(READERS)
    assert len({v["overview_link"] for v in views}) == 2
    assert len({tuple(v["tags"]) for v in views}) == len(READERS)


@pytest.mark.parametrize(
    ("raw", "view"),
    [
        (
            {
                "article": "a",
                "title": "A",
                "nav": "dashboard\n\nOverview\n\nMap",
                "tags": ["b", "a"],
            },
            {"article": "a", "title": "A", "overview_link": "Overview", "tags": ["a", "b"]},
        ),
        (
            {"article": "", "title": "", "nav": "Ikhtisar\nPeta", "tags": []},
            {"article": "", "title": "", "overview_link": "Ikhtisar", "tags": []},
        ),
        (
            {"article": "a", "title": "A", "nav": "Overview\nIkhtisar", "tags": []},
            {"article": "a", "title": "A", "overview_link": "", "tags": []},
        ),
    ],
)
def test_shown_view_reads_the_interface_language_from_the_page_links(
    raw: dict[str, Any], view: dict[str, Any]
) -> None:
    assert shown_view(raw) == view


def test_three_readers_at_once_keep_their_own_views(server: Server, browser: Any) -> None:
    pages = [new_reader(browser) for _ in READERS]
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


def test_switching_language_relabels_the_chosen_types(server: Server, browser: Any) -> None:
    page = new_reader(browser)
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
