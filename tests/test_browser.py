"""The dashboard in a real Chromium against `streamlit run dashboard.py`: every page, drawn."""

from __future__ import annotations

import io
import itertools
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import ROOT
from tests.serving import serve

pytestmark = pytest.mark.browser

READY_TIMEOUT_MS = 30_000
READY = {
    "": '[data-testid="stPageLink"]',
    "map": "table.dm-map-table",
    "alliances": ".vega-embed",
    "excerpts": "p.dm-par",
    "timeline": ".vega-embed",
    "data": '[data-testid="stDataFrame"]',
}
PAGES = tuple(READY)
EXCEPTION = '[data-testid="stException"]'
DECK_CANVAS = '[data-testid="stDeckGlJsonChart"] canvas'
VEGA = ".vega-embed canvas, .vega-embed svg.marks"
STATUS = '[data-testid="stStatusWidget"]'
SEED = "us-officials-visit-venezuela"
SEED_COUNTRIES = (
    "Venezuela",
    "United States",
    "Russia",
    "Ukraine",
    "Cuba",
    "China",
    "Iran",
    "Nicaragua",
)


def wait_ready(page: Any, selector: str) -> None:
    """Until the selector is in the page and the script run has finished."""
    page.wait_for_selector(selector, state="attached", timeout=READY_TIMEOUT_MS)
    page.wait_for_function(f"() => !document.querySelector('{STATUS}')", timeout=READY_TIMEOUT_MS)


def open_page(
    page: Any, url: str, ready: str = '[data-testid="stMain"] h1, [data-testid="stMain"] h3'
) -> None:
    page.goto(url)
    wait_ready(page, ready)


def query(page: Any) -> dict[str, str]:
    """The address's query parameters, one value each."""
    return {k: v[-1] for k, v in parse_qs(urlsplit(page.url).query).items()}


def sized(page: Any, selector: str) -> list[dict[str, float]]:
    """Bounding boxes of the matching elements that have an area."""
    boxes = [
        page.locator(selector).nth(i).bounding_box() for i in range(page.locator(selector).count())
    ]
    return [b for b in boxes if b and b["width"] > 10 and b["height"] > 10]


def colours(png: bytes) -> int:
    """How many distinct colours a screenshot holds: a blank canvas has one or two."""
    from PIL import Image

    raw = Image.open(io.BytesIO(png)).convert("RGB").resize((120, 80)).tobytes()
    return len({raw[i : i + 3] for i in range(0, len(raw), 3)})


def shoot(page: Any, folder: Path, name: str) -> Path:
    """A screenshot of the whole app, taller than the window so long pages fit."""
    height = page.evaluate(
        '() => Math.max(...[...document.querySelectorAll(\'[data-testid="stMain"], '
        '[data-testid="stMainBlockContainer"]\')].map(e => e.scrollHeight), 800)'
    )
    page.set_viewport_size(
        {"width": page.viewport_size["width"], "height": min(int(height) + 80, 6000)}
    )
    time.sleep(0.8)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.mark.parametrize("name", PAGES)
def test_every_page_renders_without_an_exception(
    page: Any, dashboard_url: str, screenshots_dir: Path, name: str
) -> None:
    open_page(page, f"{dashboard_url}/{name}?lang=en", READY[name])
    assert page.locator(EXCEPTION).count() == 0
    assert query(page)["article"] == "us-officials-visit-venezuela"
    if name == "":
        assert sized(page, ".dm-static-map svg")
    if name == "map":
        page.wait_for_selector(DECK_CANVAS, timeout=READY_TIMEOUT_MS)
        assert sized(page, DECK_CANVAS)
    if name == "alliances":
        page.wait_for_function(
            f"() => document.querySelectorAll('{VEGA}').length >= 4", timeout=READY_TIMEOUT_MS
        )
        assert len(sized(page, VEGA)) >= 3
    if name == "timeline":
        page.wait_for_selector(".vega-embed", timeout=READY_TIMEOUT_MS)
        assert sized(page, VEGA)
    if name == "excerpts":
        assert page.locator("p.dm-par mark.dm-ent").count() > 20
        assert page.locator("p.dm-par mark.dm-cue").count() > 5
        assert page.locator("#s-0").count() == 1
    if name == "data":
        page.wait_for_selector('[data-testid="stDataFrame"]', timeout=READY_TIMEOUT_MS)
        assert sized(page, '[data-testid="stDataFrame"]')
    time.sleep(2.5)
    assert page.locator(EXCEPTION).count() == 0
    shoot(page, screenshots_dir, name or "overview")


def test_the_map_is_drawn_with_the_story(page: Any, dashboard_url: str) -> None:
    open_page(page, f"{dashboard_url}/map?lang=en", READY["map"])
    page.wait_for_selector(DECK_CANVAS, timeout=READY_TIMEOUT_MS)
    time.sleep(3)
    canvas = page.locator('[data-testid="stDeckGlJsonChart"]').first
    assert colours(canvas.screenshot()) > 20
    legend = page.locator(".dm-map-legend").inner_text()
    assert "camp of United States" in legend
    assert "camp of Russia" in legend


def test_the_overview_map_tells_the_story(page: Any, dashboard_url: str) -> None:
    open_page(page, f"{dashboard_url}/?lang=en", READY[""])
    picture = page.locator(".dm-static-map svg")
    box = picture.bounding_box()
    assert box is not None
    assert box["width"] > 300
    assert box["height"] > 150
    names = picture.locator("text").all_text_contents()
    for name in SEED_COUNTRIES:
        assert name in names
    assert colours(picture.screenshot()) > 20
    fills = page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('.dm-static-map path')]"
        ".filter(p => p.querySelector('title'))"
        ".map(p => [p.querySelector('title').textContent.split('\\n')[0], p.getAttribute('fill')]))"
    )
    maduro_camp = {fills[name] for name in ("Russia", "China", "Cuba", "Iran", "Nicaragua")}
    assert len(maduro_camp) == 1
    assert fills["United States"] not in maduro_camp


def test_the_map_tables_are_tables_a_screen_reader_can_read(page: Any, dashboard_url: str) -> None:
    open_page(page, f"{dashboard_url}/map?lang=en", READY["map"])
    tables = page.get_by_role("table")
    assert [tables.nth(i).locator("caption").inner_text() for i in range(tables.count())] == [
        "Countries",
        "Ties",
    ]
    countries = page.get_by_role("table", name="Countries")
    assert countries.get_by_role("rowheader").all_inner_texts()[:3] == [
        "Venezuela",
        "United States",
        "Russia",
    ]
    assert page.locator('[data-testid="stDataFrame"]').count() == 0


def seed_deck_and_canvas(page: Any) -> tuple[Any, Any, Any]:
    """The seed article's deck, the map canvas's box, and a projection onto the canvas."""
    from diplomap import maps
    from diplomap.analysis import analyse
    from diplomap.reader import read_article
    from ui.svgmap import Projection

    analysis = analyse(read_article(ROOT / "data" / "articles" / f"{SEED}.txt"))
    deck = maps.ties_deck(analysis, lang="en")
    view = deck.initial_view_state
    box = page.locator(DECK_CANVAS).first.bounding_box()
    width, height = round(box["width"]), round(box["height"])
    return deck, box, Projection(view.longitude, view.latitude, view.zoom, width, height)


def near(rgb: tuple[int, ...], hex_colour: str, within: float = 60) -> bool:
    from diplomap.palette import hex_to_rgb

    return (
        sum((a - b) ** 2 for a, b in zip(rgb, hex_to_rgb(hex_colour), strict=False)) ** 0.5 < within
    )


def test_conflict_ties_are_dashed_on_the_interactive_map(page: Any, dashboard_url: str) -> None:
    """On screen, not only in the JSON: the dashes show the tie's colour, the gaps do not."""
    from PIL import Image

    from diplomap.palette import FAMILY_COLOURS

    open_page(page, f"{dashboard_url}/map?lang=en", READY["map"])
    page.wait_for_selector(DECK_CANVAS, timeout=READY_TIMEOUT_MS)
    time.sleep(3)
    deck, box, project = seed_deck_and_canvas(page)
    shot = Image.open(io.BytesIO(page.screenshot(clip=box))).convert("RGB")
    strokes = next(layer.data for layer in deck.layers if layer.id == "ties")
    conflict_ties: dict[str, list[dict]] = {}
    for stroke in strokes:
        if stroke["family"] == "conflict":
            conflict_ties.setdefault(stroke["name"], []).append(stroke)
    dashes = max((stretches(tie) for tie in conflict_ties.values()), key=len)

    def colour_at(a: list[float], b: list[float]) -> tuple[int, ...]:
        (x1, y1), (x2, y2) = project(*a), project(*b)
        return shot.getpixel((round((x1 + x2) / 2), round((y1 + y2) / 2)))

    drawn = [colour_at(dash[len(dash) // 2]["a"], dash[len(dash) // 2]["b"]) for dash in dashes]
    gaps = [colour_at(one[-1]["b"], two[0]["a"]) for one, two in itertools.pairwise(dashes)]
    conflict = FAMILY_COLOURS["conflict"]
    assert len(gaps) >= 4
    assert sum(near(c, conflict) for c in drawn) >= 0.75 * len(drawn), drawn
    assert sum(near(c, conflict) for c in gaps) <= 0.25 * len(gaps), gaps


def stretches(strokes: list[dict]) -> list[list[dict]]:
    """A tie's strokes grouped into the dashes they draw."""
    out: list[list[dict]] = []
    for stroke in strokes:
        if out and out[-1][-1]["b"] == stroke["a"]:
            out[-1].append(stroke)
        else:
            out.append([stroke])
    return out


def russia_on_the_map(page: Any) -> tuple[float, float]:
    """Where Russia's name sits on the deck.gl canvas, projected as deck.gl projects it."""
    deck, box, project = seed_deck_and_canvas(page)
    labels = next(layer.data for layer in deck.layers if layer.id == "labels")
    x, y = project(*next(row["position"] for row in labels if row["iso3"] == "RUS"))
    return box["x"] + x, box["y"] + y + 6


def test_clicking_a_country_on_the_map_focuses_every_page(page: Any, dashboard_url: str) -> None:
    open_page(page, f"{dashboard_url}/map?lang=en", READY["map"])
    page.wait_for_selector(DECK_CANVAS, timeout=READY_TIMEOUT_MS)
    time.sleep(2)
    x, y = russia_on_the_map(page)
    for _ in range(5):  # deck.gl may take the first click on a fresh canvas as focus only
        page.mouse.move(x - 4, y)
        page.mouse.click(x, y)
        try:
            page.wait_for_function("() => location.search.includes('country=')", timeout=8_000)
            break
        except Exception:
            continue
    assert query(page).get("country") == "RUS"
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stAlert\"]')]"
        ".some(a => a.innerText.includes('Focus on Russia'))",
        timeout=READY_TIMEOUT_MS,
    )
    page.get_by_role("link", name="Alliances", exact=True).first.click()
    wait_ready(page, ".vega-embed")
    assert query(page).get("country") == "RUS"
    assert "alliances" in page.url


def test_a_tie_leads_to_its_highlighted_evidence(
    page: Any, dashboard_url: str, screenshots_dir: Path
) -> None:
    open_page(page, f"{dashboard_url}/?lang=en", READY[""])
    links = page.locator('[data-testid="stPageLink"] a[href*="sentence="]:visible')
    assert links.count() == 8
    links.last.click()
    page.wait_for_url("**/excerpts?**", timeout=READY_TIMEOUT_MS)
    wait_ready(page, "p.dm-par")
    page.wait_for_selector(".dm-sent.dm-target", timeout=READY_TIMEOUT_MS)
    asked = query(page)["sentence"]
    assert int(asked) > 0
    target = page.locator(".dm-sent.dm-target")
    assert target.get_attribute("id") == f"s-{asked}"
    time.sleep(1)
    box = target.first.bounding_box()
    assert box is not None
    assert 0 <= box["y"] < page.viewport_size["height"]
    assert query(page)["lang"] == "en"
    shoot(page, screenshots_dir, "excerpts-evidence")


def test_the_address_survives_page_switches_and_reopens_the_view(
    page: Any, dashboard_url: str
) -> None:
    open_page(page, f"{dashboard_url}/?lang=en&types=sanction,attack&country=RUS")
    shared = query(page)
    assert shared == {
        "article": "us-officials-visit-venezuela",
        "lang": "en",
        "types": "sanction,attack",
        "country": "RUS",
    }
    page.get_by_role("link", name="Map", exact=True).first.click()
    wait_ready(page, DECK_CANVAS)
    assert query(page) == shared
    page.get_by_role("link", name="Data", exact=True).first.click()
    wait_ready(page, '[data-testid="stDataFrame"]')
    assert query(page) == shared
    fresh = page.context.new_page()
    open_page(fresh, page.url)
    assert query(fresh) == shared
    assert "Focus on Russia" in fresh.locator('[data-testid="stAlert"]').first.inner_text()
    fresh.close()


def test_switching_the_language_relabels_the_app(page: Any, dashboard_url: str) -> None:
    open_page(page, f"{dashboard_url}/")
    assert page.get_by_role("link", name="Ikhtisar", exact=True).count() == 1
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').nth(1).click()
    page.get_by_role("option", name="English").click()
    page.wait_for_function("() => location.search.includes('lang=en')", timeout=READY_TIMEOUT_MS)
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stMetric\"]')"
        "?.innerText.includes('Countries')",
        timeout=READY_TIMEOUT_MS,
    )
    assert page.get_by_role("link", name="Overview", exact=True).count() == 1


@pytest.mark.parametrize(
    "asked", ["missing", "../../etc/passwd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%252f..%252fetc"]
)
def test_a_bad_article_address_shows_a_message(page: Any, dashboard_url: str, asked: str) -> None:
    open_page(page, f"{dashboard_url}/data?article={asked}&lang=en")
    assert page.locator(EXCEPTION).count() == 0
    alert = page.locator('[data-testid="stAlert"]').first.inner_text()
    assert "There is no article" in alert or "outside the data folder" in alert
    assert "root:" not in page.locator('[data-testid="stMain"]').inner_text()


def test_the_overview_reads_on_a_phone(
    browser: Any, dashboard_url: str, screenshots_dir: Path
) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    try:
        phone = context.new_page()
        open_page(phone, f"{dashboard_url}/?lang=en", READY[""])
        overflow = phone.evaluate(
            "() => { const m = document.querySelector('[data-testid=\"stMainBlockContainer\"]');"
            " return m.scrollWidth - m.clientWidth; }"
        )
        assert overflow <= 1
        metrics = sized(phone, '[data-testid="stMetric"]')
        assert len(metrics) == 3
        assert all(box["x"] >= 0 and box["x"] + box["width"] <= 390 for box in metrics)
        clipped = phone.evaluate(
            "() => [...document.querySelectorAll('[data-testid=\"stMetricLabel\"] p')]"
            ".filter(p => p.scrollWidth > p.clientWidth + 1).map(p => p.innerText)"
        )
        assert clipped == []
        shoot(phone, screenshots_dir, "overview-phone")
    finally:
        context.close()


def test_a_new_server_warms_up_before_it_reports_healthy(browser: Any, tmp_path: Path) -> None:
    """`streamlit run dashboard.py` serves the st.App whose lifespan warms the caches: by the
    time the health check answers, the log says so, and the first reader's Overview draws."""
    log = tmp_path / "streamlit.log"
    with serve("dashboard.py", log, env={"STREAMLIT_LOGGER_LEVEL": "info"}) as server:
        assert "warmed up in" in log.read_text()
        context = browser.new_context()
        try:
            reader = context.new_page()
            open_page(reader, f"{server.url}/?lang=en", READY[""])
            assert reader.locator(EXCEPTION).count() == 0
            assert sized(reader, ".dm-static-map svg")
        finally:
            context.close()
    assert "warming up failed" not in log.read_text()
