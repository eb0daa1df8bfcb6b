"""The server's start-up work (ui/warmup.py): what it leaves in the caches, and that it never
stops the app from starting."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest
from streamlit.web.server.app_discovery import discover_asgi_app

from diplomap import maps
from ui import articles, cache, nav, warmup

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard.py"
HEAVY = ("pydeck", "altair", "pandas", "pyarrow", "numpy", "networkx")  # whole packages
IMPORTED_BY_EACH_PAGE = """
import json, sys
from streamlit.testing.v1 import AppTest
from ui import warmup
warmup.warm_up()
before = set(sys.modules)
at = AppTest.from_file("dashboard.py", default_timeout=60)
at.query_params["lang"] = "en"
at.run()
found = {}
for page in sys.argv[1:]:
    at.switch_page(page).run()
    assert not at.exception, at.exception
    found[page] = sorted(set(sys.modules) - before)
print(json.dumps(found))
"""


@pytest.fixture(autouse=True)
def pages_mode() -> None:
    """Each test starts as a fresh server does, in Streamlit's old pages mode, with no caches."""
    PagesManager.uses_pages_directory = True
    cache.analyse_bytes.clear()
    cache.map_svg.clear()
    yield
    PagesManager.uses_pages_directory = None


@pytest.fixture
def counted_maps(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The articles whose static map is drawn (not taken from the cache) from now on."""
    drawn: list[str] = []
    real = maps.ties_map

    def counting(analysis, **kwargs):
        drawn.append(analysis.article.id)
        return real(analysis, **kwargs)

    monkeypatch.setattr(maps, "ties_map", counting)
    return drawn


def test_streamlit_run_serves_the_dashboard_as_an_app_with_a_lifespan():
    found = discover_asgi_app(APP)
    assert found.is_asgi_app
    assert found.import_string == "dashboard:app"


def test_warming_up_leaves_the_old_pages_mode():
    assert nav.in_folder_mode()
    assert warmup.warm_up() is True
    assert not nav.in_folder_mode()


def test_first_reader_of_the_bare_address_finds_the_static_map_cached(counted_maps):
    assert warmup.warm_up() is True
    assert counted_maps == [articles.PREFERRED_DEFAULT]
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    assert counted_maps == [articles.PREFERRED_DEFAULT]


def test_without_warming_the_first_reader_draws_the_map(counted_maps):
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    assert counted_maps == [articles.PREFERRED_DEFAULT]


@pytest.mark.parametrize(
    ("files", "why"),
    [
        ({}, "no article at all"),
        ({"broken.txt": bytes(range(32)) * 8}, "the only article cannot be read"),
    ],
)
def test_nothing_to_warm_is_no_failure(monkeypatch, tmp_path, counted_maps, files, why):
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    monkeypatch.setenv(articles.ARTICLES_ENV, str(tmp_path))
    assert warmup.warm_up() is False, why
    assert counted_maps == []
    assert not nav.in_folder_mode()


def test_a_failure_while_warming_is_logged_not_raised(monkeypatch, caplog):
    def broken(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(cache, "load", broken)
    assert warmup.warm_up() is False
    assert "warming up failed" in caplog.text
    assert "disk on fire" in caplog.text


def test_after_warming_no_page_imports_a_heavy_library():
    """In a fresh process, as a new server: warm up, then open every page in turn."""
    pages = ["pages/map.py", "pages/alliances.py", "pages/timeline.py", "pages/data.py"]
    run = subprocess.run(
        [sys.executable, "-c", IMPORTED_BY_EACH_PAGE, *pages],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found = json.loads(run.stdout.strip().splitlines()[-1])
    assert set(found) == set(pages)
    assert {page: sorted(set(HEAVY) & set(mods)) for page, mods in found.items()} == {
        page: [] for page in pages
    }
