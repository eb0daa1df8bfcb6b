"""Readers' own articles in Chromium: hostile markup never runs, uploads reach the overview.

One `streamlit run` serves a folder of articles written here for the whole module; the
pages open in the session's Chromium (conftest's `browser`), as one Playwright per process.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from diplomap.i18n import t
from tests.serving import (
    EXCEPTION,
    METRIC,
    OVERVIEW_READY,
    PAGE_READY,
    READY_TIMEOUT_MS,
    Server,
    new_reader,
    serve,
    wait_ready,
)

pytestmark = [pytest.mark.slow, pytest.mark.browser]

SCREENSHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"
FLAG = "__diplomapPwned"
PAYLOAD = (
    f"<script>window.{FLAG}=1;alert(1)</script>"
    f'<img src=x onerror="window.{FLAG}=2;alert(2)">'
    f'<svg onload="window.{FLAG}=3"></svg>'
    f"[click](javascript:window.{FLAG}=4) **bold** $x^2$ :red[red]"
)
HOSTILE_TXT = (
    f"Russia attacks Ukraine {PAYLOAD}\n\n"
    f"MOSCOW – Russia attacked Ukraine {PAYLOAD} on Thursday, 24 February 2022.\n\n"
    f"The United States imposed sanctions on Russia {PAYLOAD} on 1 March 2022.\n\n"
    "Poland sent aid to Ukraine.\n"
)
HOSTILE_MD = (
    f'---\ntitle: "Sanctions {PAYLOAD.replace(chr(34), chr(39))}"\n'
    f'source: "{PAYLOAD.replace(chr(34), chr(39))}"\ndate: 2022-03-01\n---\n\n'
    f"The United States imposed sanctions on Russia on 1 March 2022. {PAYLOAD}\n\n"
    "China and India held talks in Delhi.\n"
)
NOTES = 'notes:\n  - {sentence: 3, text: "<script>window.__diplomapPwned=5</script> checked"}\n'
UPLOAD_TEXT = (
    "Brazil and Argentina sign a trade deal\n\n"
    "Brazil and Argentina signed a trade agreement on Monday. Chile criticised the deal.\n"
)
TOUR = (
    ("map", PAGE_READY["map"]),
    ("excerpts", PAGE_READY["excerpts"]),
    ("alliances", PAGE_READY["alliances"]),
    ("data", ('[data-testid="stTabs"]',)),
    ("timeline", PAGE_READY["timeline"]),
)
FLAG_JS = f"() => window.{FLAG} === undefined ? null : window.{FLAG}"
TOOLTIP_JS = """() => {
  const tip = document.querySelector('#vg-tooltip-element.visible');
  return tip ? tip.innerText : null;
}"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The articles the server reads: two hostile ones, one with a corrections file."""
    path = tmp_path_factory.mktemp("articles")
    (path / "hostile.txt").write_text(HOSTILE_TXT, encoding="utf-8")
    (path / "hostile-md.md").write_text(HOSTILE_MD, encoding="utf-8")
    (path / "hostile.corrections.yaml").write_text(NOTES, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def server(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    log = tmp_path_factory.mktemp("input") / "streamlit.log"
    with serve("dashboard.py", log, env={"DIPLOMAP_ARTICLES": str(folder)}) as running:
        yield running


@pytest.fixture
def reader(browser: Any) -> Iterator[Any]:
    """A new reader (in the session's Chromium) whose page records every dialog it opens."""
    page = new_reader(browser)
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    try:
        yield page
    finally:
        page.context.close()


def flags(page: Any) -> list[Any]:
    """The flag the payload would set, read in the page and in every frame it holds."""
    return [frame.evaluate(FLAG_JS) for frame in page.frames]


def tooltips(page: Any, selector: str, columns: int = 40, rows: int = 12) -> set[str]:
    """Move the mouse over a grid across a chart and collect the tooltips it opens."""
    seen: set[str] = set()
    box = page.locator(selector).first.bounding_box()
    for j in range(1, rows):
        for i in range(1, columns):
            page.mouse.move(
                box["x"] + box["width"] * i / columns, box["y"] + box["height"] * j / rows
            )
            tip = page.evaluate(TOOLTIP_JS)
            if tip:
                seen.add(tip)
    return seen


def shoot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"input-{name}.png"))


@pytest.mark.parametrize("article", ["hostile", "hostile-md"])
def test_scripts_and_handlers_in_an_article_never_run(
    server: Server, reader: Any, article: str
) -> None:
    reader.goto(f"{server.url}/?article={article}&lang=en", wait_until="commit")
    wait_ready(reader, OVERVIEW_READY)
    shoot(reader, f"{article}-overview")
    nav = reader.locator('[data-testid="stSidebarNav"]')
    for page, ready in TOUR:
        nav.get_by_role("link", name=t(f"page.{page}", "en"), exact=True).click()
        reader.wait_for_url(f"**/{page}?**", timeout=READY_TIMEOUT_MS)
        wait_ready(reader, ready)
        reader.wait_for_timeout(300)
        assert reader.locator(EXCEPTION).count() == 0, page
        assert set(flags(reader)) == {None}, page
        assert reader.dialogs == [], page
    assert parse_qs(urlsplit(reader.url).query)["article"] == [article]


def test_a_chart_tooltip_shows_the_article_text_as_text(server: Server, reader: Any) -> None:
    reader.goto(f"{server.url}/timeline?article=hostile&lang=en", wait_until="commit")
    wait_ready(reader, PAGE_READY["timeline"])
    shown = tooltips(reader, ".vega-embed canvas, .vega-embed svg")
    assert any(f"<script>window.{FLAG}=1;alert(1)</script>" in tip for tip in shown), shown
    assert reader.locator("#vg-tooltip-element script, #vg-tooltip-element img").count() == 0
    assert set(flags(reader)) == {None}
    assert reader.dialogs == []


def test_markup_in_an_article_reads_as_its_own_characters(server: Server, reader: Any) -> None:
    reader.goto(f"{server.url}/?article=hostile&lang=en", wait_until="commit")
    wait_ready(reader, OVERVIEW_READY)
    heading = reader.locator('[data-testid="stMarkdown"] h3').first.inner_text()
    assert f"<script>window.{FLAG}=1;alert(1)</script>" in heading
    assert "</svg>[click](javascript:window." in heading
    picker = reader.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"] input').first
    assert picker.input_value().startswith("Russia attacks Ukraine <script>")
    reader.goto(f"{server.url}/excerpts?article=hostile&lang=en", wait_until="commit")
    wait_ready(reader, PAGE_READY["excerpts"])
    assert reader.locator("p.dm-par script, p.dm-par img, p.dm-par svg").count() == 0
    assert "<img src=x onerror=" in reader.locator("p.dm-par").first.inner_text()
    note = reader.locator(".st-key-dm_note_2_0")
    assert f"<script>window.{FLAG}=5</script> checked" in note.inner_text()
    assert (
        reader.locator('.dm-sent[data-sentence="2"]').first.evaluate(
            "el => getComputedStyle(el, '::after').content"
        )
        == '"✎"'
    )
    note.scroll_into_view_if_needed()
    shoot(reader, "hostile-excerpts-note")
    assert set(flags(reader)) == {None}


def test_an_uploaded_article_flows_through_to_the_overview(
    server: Server, reader: Any, folder: Path, tmp_path: Path
) -> None:
    before = sorted(os.listdir(folder))
    reader.goto(f"{server.url}/?article=hostile&lang=en", wait_until="commit")
    wait_ready(reader, OVERVIEW_READY)
    story = tmp_path / "trade deal.txt"
    story.write_text(UPLOAD_TEXT, encoding="utf-8")
    reader.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(story))
    reader.wait_for_url("**article=upload*", timeout=READY_TIMEOUT_MS)
    heading = reader.get_by_text("Brazil and Argentina sign a trade deal", exact=True)
    heading.first.wait_for(timeout=READY_TIMEOUT_MS)
    wait_ready(reader, OVERVIEW_READY)
    query = parse_qs(urlsplit(reader.url).query)
    assert query["article"] == ["upload:trade deal"]
    countries = reader.locator('[data-testid="stMetric"]').first.inner_text()
    assert countries.split()[-1] == "3"
    sidebar = reader.locator('[data-testid="stSidebar"]')
    download = sidebar.get_by_text(t("download.json", "en"))
    download.first.wait_for(timeout=READY_TIMEOUT_MS)  # a loaded server may be between reruns
    assert download.count() == 1
    assert t("upload.mark", "en", title="Brazil and Argentina sign a trade deal") in (
        sidebar.locator('[data-testid="stSelectbox"] input').first.input_value()
    )
    shoot(reader, "upload-overview")
    assert sorted(os.listdir(folder)) == before
    other = new_reader(reader.context.browser)
    try:
        other.goto(f"{server.url}/?article=upload%3Atrade%20deal&lang=en", wait_until="commit")
        wait_ready(other, OVERVIEW_READY)
        warning = other.locator('[data-testid="stAlertContentWarning"]').first.inner_text()
        assert "upload:trade deal" in warning
        assert not parse_qs(urlsplit(other.url).query)["article"][0].startswith("upload:")
        assert other.locator(METRIC).count() == 3
    finally:
        other.context.close()
