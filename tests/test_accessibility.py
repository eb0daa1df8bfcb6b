"""Every page under axe-core in Chromium: no serious or critical violation, and all by keyboard.

axe-core comes from the npm registry (`scripts/test.sh` puts it in .cache/axe); it is injected
into each page once the page is ready and its expanders are open, so the tables that stand in
for the charts are checked too. Without axe-core the tests skip, except on CI where they fail.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from diplomap.i18n import t
from tests.conftest import ROOT
from tests.serving import PAGE_READY, wait_ready
from ui.nav import PAGES as NAV_PAGES

pytestmark = pytest.mark.browser

AXE = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
KEPT_FIXED = ("heading-order",)  # moderate, but fixed once and kept so
SHOWN_TARGETS = 3
SETTLE_MS = 30_000
MAX_TABS = 80
EXPANDER = '[data-testid="stExpander"] details:not([open]) > summary'

CASES: list[tuple[str, str, dict[str, str]]] = [
    *((page, "en", {}) for page in PAGE_READY),
    ("", "id", {}),
    ("excerpts", "id", {}),
    ("alliances", "id", {}),
    ("excerpts", "en", {"country": "RUS", "types": "sanction,support", "q": "Venezuela"}),
    ("", "en", {"country": "VEN", "types": "attack"}),
]

AXE_JS = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(n => n.target.join(' ')),
  }));
}"""

FOCUSED_JS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const widget = e.closest('[data-testid^="st"]');
  return {
    label: e.getAttribute('aria-label') || '',
    text: (e.innerText || '').trim().split('\\n').pop(),
    path: e.tagName === 'A' ? new URL(e.href, location.href).pathname : '',
    widget: widget ? widget.getAttribute('data-testid') : '',
    sidebar: !!e.closest('[data-testid="stSidebar"]'),
  };
}"""


def first_article() -> str:
    """The id of the article the picker lists first."""
    from ui.articles import list_articles

    return list_articles()[0].id


def address(base: str, name: str, lang: str, extra: dict[str, str] | None = None) -> str:
    """A page's address for the first article in an interface language."""
    query = {"article": first_article(), "lang": lang, **(extra or {})}
    return f"{base}/{name}?{urlencode(query)}"


@pytest.fixture(scope="module")
def axe_script() -> Path:
    """axe.min.js from npm; skip without it, but fail on CI where scripts/test.sh fetches it."""
    if AXE.is_file():
        return AXE
    reason = f"{AXE.relative_to(ROOT)} is missing; `bash scripts/test.sh` installs it from npm"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def open_settled(page: Any, url: str, name: str, *, expand: bool = True) -> None:
    """Open a page, wait until it is drawn, open every expander and let every chart render."""
    page.goto(url, wait_until="commit")
    wait_ready(page, PAGE_READY[name])
    while expand and page.locator(EXPANDER).count():
        page.locator(EXPANDER).first.click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.vega-embed')]"
        ".every(e => e.querySelector('svg.marks, canvas'))",
        timeout=SETTLE_MS,
    )


def axe_violations(page: Any, script: Path) -> list[dict[str, Any]]:
    """The serious and critical violations axe-core finds in the page as it stands."""
    page.add_script_tag(path=str(script))
    return [v for v in page.evaluate(AXE_JS) if v["impact"] in BLOCKING or v["id"] in KEPT_FIXED]


def described(violations: list[dict[str, Any]]) -> str:
    """One line per violation with where it was found, for the failure message."""
    lines = []
    for v in violations:
        where = "; ".join(v["targets"][:SHOWN_TARGETS])
        more = len(v["targets"]) - SHOWN_TARGETS
        tail = f" (+{more} more)" if more > 0 else ""
        lines.append(f"{v['id']} [{v['impact']}] {v['help']}: {where}{tail}")
    return "\n".join(lines)


def case_id(case: tuple[str, str, dict[str, str]]) -> str:
    name, lang, extra = case
    return "-".join([name or "overview", lang, *sorted(extra)])


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_no_serious_or_critical_axe_violations(
    page: Any, dashboard_url: str, axe_script: Path, case: tuple[str, str, dict[str, str]]
) -> None:
    name, lang, extra = case
    open_settled(page, address(dashboard_url, name, lang, extra), name)
    violations = axe_violations(page, axe_script)
    assert not violations, "\n" + described(violations)


def test_the_checker_sees_a_violation_we_plant(
    page: Any, dashboard_url: str, axe_script: Path
) -> None:
    open_settled(page, address(dashboard_url, "", "en"), "")
    page.evaluate(
        "() => document.querySelector('[data-testid=\"stMainBlockContainer\"]')"
        ".insertAdjacentHTML('afterbegin', '<p style=\"color:#aaa\">faint</p><a href=\"#x\"></a>')"
    )
    found = {v["id"] for v in axe_violations(page, axe_script)}
    assert {"color-contrast", "link-name"} <= found


def tab_through(page: Any) -> list[dict[str, Any]]:
    """Where focus lands on each Tab from the top of the page, once round."""
    seen: list[dict[str, Any]] = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_JS)
        if focused is None:
            continue
        if seen and focused == seen[0]:
            break
        seen.append(focused)
    return seen


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_keyboard_reaches_every_control(page: Any, dashboard_url: str, lang: str) -> None:
    open_settled(page, address(dashboard_url, "excerpts", lang), "excerpts", expand=False)
    stops = tab_through(page)
    side_labels = {s["label"] for s in stops if s["sidebar"]}
    for key in ("article", "language", "tie_types", "focus_country"):
        assert t(f"sidebar.{key}", lang) in side_labels
    paths = {s["path"].rstrip("/").rsplit("/", 1)[-1] for s in stops if s["sidebar"]}
    assert {url if url != "overview" else "" for *_, url in NAV_PAGES} <= paths
    assert any(s["widget"] == "stBaseButton-secondary" for s in stops if s["sidebar"])
    main_labels = {s["label"] for s in stops if not s["sidebar"]}
    assert t("dashboard.excerpt_search", lang) in main_labels


def test_the_language_can_be_changed_by_keyboard(page: Any, dashboard_url: str) -> None:
    open_settled(page, address(dashboard_url, "", "id"), "", expand=False)
    label = t("sidebar.language", "id")
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if (page.evaluate(FOCUSED_JS) or {}).get("label") == label:
            break
    else:
        pytest.fail(f"Tab never reached {label!r}")
    page.keyboard.type("English")
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.search.includes('lang=en')", timeout=SETTLE_MS)
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stSidebarNav\"] a')]"
        ".some(a => a.innerText.includes('Overview'))",
        timeout=SETTLE_MS,
    )


ALTERNATIVES_JS = """() => ({
  charts: [...document.querySelectorAll('.vega-embed')].map(e => e.getAttribute('aria-label')),
  tables: document.querySelectorAll(
    '[data-testid="stExpander"] [data-testid="stDataFrame"]').length,
  maps: [...document.querySelectorAll('.dm-static-map svg')].map(
    s => s.getAttribute('role') + ' ' + (s.getAttribute('aria-label') || '')),
  pageTables: document.querySelectorAll('[data-testid="stDataFrame"], table.dm-map-table')
    .length,
})"""


@pytest.mark.parametrize(("name", "charts"), [("alliances", 4), ("timeline", 1)])
def test_every_chart_is_described_and_has_a_table(
    page: Any, dashboard_url: str, name: str, charts: int
) -> None:
    open_settled(page, address(dashboard_url, name, "en"), name)
    page.wait_for_function(
        f"() => document.querySelectorAll("
        f'\'[data-testid="stExpander"] [data-testid="stDataFrame"]\').length >= {charts}',
        timeout=SETTLE_MS,
    )
    found = page.evaluate(ALTERNATIVES_JS)
    assert len(found["charts"]) == charts
    assert all(label and len(label) > 40 for label in found["charts"]), found["charts"]
    assert found["tables"] == charts


def test_both_maps_have_a_text_alternative(page: Any, dashboard_url: str) -> None:
    open_settled(page, address(dashboard_url, "", "en"), "")
    assert page.evaluate(ALTERNATIVES_JS)["maps"] == [f"img {t('chart.map_title', 'en')}"]
    open_settled(page, address(dashboard_url, "map", "en"), "map")
    assert page.evaluate(ALTERNATIVES_JS)["pageTables"] == 2
    assert page.get_by_role("heading", name=t("dashboard.map_table", "en")).count() == 1


STYLED_JS = """() => {
  const m = document.querySelector('p.dm-par mark.dm-cue');
  return m !== null && getComputedStyle(m).borderBottomWidth !== '0px';
}"""

CARRIERS_JS = """() => {
  const style = (sel, prop) => [...document.querySelectorAll(sel)].map(
    e => getComputedStyle(e)[prop]);
  return {
    cooperation: style('p.dm-par mark.dm-cue.dm-cooperation:not(.dm-neg)', 'borderBottomStyle'),
    conflict: style('p.dm-par mark.dm-cue.dm-conflict:not(.dm-neg)', 'borderBottomStyle'),
    unlabelledCues: [...document.querySelectorAll('p.dm-par mark.dm-cue')]
      .filter(m => !m.querySelector('.dm-type')?.textContent.trim()).length,
    unlabelledNames: [...document.querySelectorAll('p.dm-par mark.dm-ent')]
      .filter(m => !m.querySelector('.dm-kind')?.textContent.trim()).length,
  };
}"""


def test_excerpt_marks_carry_their_meaning_in_line_style_and_words(
    page: Any, dashboard_url: str
) -> None:
    open_settled(page, address(dashboard_url, "excerpts", "en"), "excerpts", expand=False)
    page.wait_for_function(STYLED_JS, timeout=20_000)
    found = page.evaluate(CARRIERS_JS)
    assert found["cooperation"]
    assert set(found["cooperation"]) == {"solid"}
    assert found["conflict"]
    assert set(found["conflict"]) == {"dashed"}
    assert found["unlabelledCues"] == 0
    assert found["unlabelledNames"] == 0


LEGEND_JS = """() => [...document.querySelectorAll('.dm-map-legend span > span')].map(s => [
  getComputedStyle(s).borderTopStyle, s.parentElement.textContent.trim()])"""


def test_the_map_legend_and_arcs_tell_families_apart_without_colour(
    page: Any, dashboard_url: str
) -> None:
    open_settled(page, address(dashboard_url, "", "en"), "")
    styles = {label: style for style, label in page.evaluate(LEGEND_JS)}
    assert styles["cooperation"] == "solid"
    assert styles["conflict"] == "dashed"
    arcs = page.locator(".dm-static-map path[fill='none']")
    dashed = page.locator(".dm-static-map path[fill='none'][stroke-dasharray]")
    assert 0 < dashed.count() < arcs.count()
