"""Serve a Streamlit script and read it in Chromium: shared by the deploy tests and benchmarks.

Nothing here reaches outside this machine: the server's HTTP proxies point at a closed local
port, and Chromium resolves no host name, so the basemap tiles fail fast and locally.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
)
HEALTH_TIMEOUT = 120.0
READY_TIMEOUT_MS = 60_000
VIEWPORT = {"width": 1400, "height": 1000}
TIMING_ENV = "DIPLOMAP_BENCH_TIMING"
CLOSED_PORT_PROXY = "http://127.0.0.1:9"
OFFLINE_ENV = {
    "HTTP_PROXY": CLOSED_PORT_PROXY,
    "HTTPS_PROXY": CLOSED_PORT_PROXY,
    "http_proxy": CLOSED_PORT_PROXY,
    "https_proxy": CLOSED_PORT_PROXY,
    "NO_PROXY": "127.0.0.1,localhost",
    "no_proxy": "127.0.0.1,localhost",
}

APP = '[data-testid="stApp"]'
# The status widget while a script runs; idle, it may still offer a rerun after a file edit.
RUNNING = '[data-testid="stStatusWidget"] [data-testid^="stStatusWidgetRunning"]'
EXCEPTION = '[data-testid="stException"]'
METRIC = '[data-testid="stMetric"]'
MAP = '[data-testid="stDeckGlJsonChart"] canvas, .dm-static-map svg'
OVERVIEW_READY = (METRIC, MAP)
PAGE_READY: dict[str, tuple[str, ...]] = {
    "": OVERVIEW_READY,
    "map": ('[data-testid="stDeckGlJsonChart"] canvas', "table.dm-map-table"),
    "alliances": (".vega-embed",),
    "excerpts": ("p.dm-par",),
    "timeline": (".vega-embed",),
    "data": ('[data-testid="stDataFrame"]',),
}
BASELINE_READY = ('[data-testid="stMarkdown"]',)

READY_JS = """([selectors, running]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector(running)) return false;
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  if (!main || !main.querySelector('[data-testid="stElementContainer"]')) return false;
  for (const s of selectors) if (!document.querySelector(s)) return false;
  return performance.now();
}"""


SHOWN_JS = """() => {
  const side = document.querySelector('[data-testid="stSidebar"]');
  const input = side && side.querySelector('[data-testid="stSelectbox"] input');
  const nav = document.querySelector('[data-testid="stSidebarNav"]');
  const tags = side ? side.querySelectorAll('[data-testid="stMultiSelect"] [data-tag]') : [];
  return {
    article: new URLSearchParams(location.search).get('article') || '',
    title: input ? input.value : '',
    nav: nav ? nav.innerText : '',
    tags: [...tags].map(tag => tag.getAttribute('aria-label')),
  };
}"""


LONG_TASKS_JS = """window.__dmLong = [];
new PerformanceObserver(list => {
  for (const e of list.getEntries()) window.__dmLong.push([e.startTime, e.startTime + e.duration]);
}).observe({type: 'longtask', buffered: true});"""
INTERACTIVE_JS = """([since, quiet]) => {
  const ends = (window.__dmLong || []).map(([, end]) => end).filter(end => end > since);
  const last = Math.max(since, ...ends);
  return performance.now() - last >= quiet ? last : false;
}"""
QUIET_MS = 1000


@dataclass(frozen=True)
class Reader:
    """One reader's address: an article, an interface language and tie types."""

    article: str
    lang: str
    types: tuple[str, ...] = ()

    @property
    def address(self) -> str:
        """The path and query that open this reader's overview."""
        query = {"article": self.article, "lang": self.lang}
        if self.types:
            query["types"] = ",".join(self.types)
        return "/?" + urlencode(query)

    def expected(self, titles: Mapping[str, str]) -> dict[str, Any]:
        """What the sidebar and address should show this reader, given each article's title."""
        from diplomap.i18n import t, tie_type_label

        return {
            "article": self.article,
            "title": titles[self.article],
            "overview_link": t("page.overview", self.lang),
            "tags": sorted(tie_type_label(tie, self.lang) for tie in self.types),
        }


SIDEBAR_DRAWN_JS = """() => {
  const side = document.querySelector('[data-testid="stSidebar"]');
  const input = side && side.querySelector('[data-testid="stSelectbox"] input');
  return !!(input && input.value);
}"""


def shown_view(raw: Mapping[str, Any]) -> dict[str, Any]:
    """What a page shows of its reader's view, from SHOWN_JS, in Reader.expected's terms."""
    from diplomap.i18n import LANGS, t

    lines = {line.strip() for line in str(raw["nav"]).splitlines()}
    links = [t("page.overview", lang) for lang in LANGS if t("page.overview", lang) in lines]
    return {
        "article": raw["article"],
        "title": raw["title"],
        "overview_link": links[0] if len(links) == 1 else "",
        "tags": sorted(raw["tags"]),
    }


def article_titles() -> dict[str, str]:
    """Each bundled article's id and the title the picker shows."""
    from ui.articles import list_articles

    return {entry.id: entry.title for entry in list_articles()}


@dataclass
class Server:
    """A `streamlit run` this process started, its address and its log."""

    process: subprocess.Popen[bytes]
    url: str
    log: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def log_tail(self, chars: int = 3000) -> str:
        """The end of the server's output, for a failure message."""
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def python_streamlit(python: str | Path = sys.executable) -> list[str]:
    """`python -m streamlit`, the launcher when no console script is at hand."""
    return [str(python), "-m", "streamlit"]


def timed_streamlit(python: str | Path = sys.executable) -> list[str]:
    """`streamlit` with every script run timed into $DIPLOMAP_BENCH_TIMING (needs cwd = ROOT)."""
    return [str(python), "-c", "from tests.serving import timed_main; timed_main()"]


def run_command(launcher: Sequence[str], script: Path | str, port: int) -> list[str]:
    """`<launcher> run SCRIPT` headless on a local port, as a deployment would serve it."""
    return [
        *launcher,
        "run",
        str(script),
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
    ]


@contextmanager
def serve(
    script: Path | str,
    log: Path,
    *,
    launcher: Sequence[str] | None = None,
    cwd: Path = ROOT,
    env: Mapping[str, str | None] | None = None,
    timeout: float = HEALTH_TIMEOUT,
) -> Iterator[Server]:
    """Start `streamlit run`, wait until it is healthy, and always stop it afterwards.

    `env` adds variables to this process's environment; a None value removes one.
    """
    port = free_port()
    command = run_command(launcher or python_streamlit(), script, port)
    merged = {**os.environ, **OFFLINE_ENV, "PYTHONUNBUFFERED": "1", "DIPLOMAP_ARTICLES": None}
    merged.update(env or {})
    full_env = {k: v for k, v in merged.items() if v is not None}
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as handle:
        process = subprocess.Popen(
            command, cwd=cwd, stdout=handle, stderr=subprocess.STDOUT, env=full_env
        )
        server = Server(process, f"http://127.0.0.1:{port}", log)
        try:
            wait_healthy(server, timeout)
            yield server
        finally:
            stop(process)


def wait_healthy(server: Server, timeout: float = HEALTH_TIMEOUT) -> None:
    """Poll /_stcore/health until it answers "ok"; fail with the server's log otherwise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"streamlit exited with {server.process.returncode}:\n{server.log_tail()}"
            )
        try:
            with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2) as answer:
                if answer.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"no health on {server.url} in {timeout:.0f} s:\n{server.log_tail()}")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a server this process started, and only it."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


def launch_chromium(playwright: Any) -> Any:
    """Headless Debian Chromium, offline but for 127.0.0.1."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))


@contextmanager
def chromium_browser() -> Iterator[Any]:
    """Playwright's synchronous API and one Chromium, both closed at the end."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()


def new_reader(browser: Any) -> Any:
    """A fresh browser context and page: a new reader with an empty cache."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(LONG_TASKS_JS)
    return context.new_page()


def wait_ready(page: Any, selectors: Sequence[str], timeout_ms: int = READY_TIMEOUT_MS) -> float:
    """Until the main block is drawn, the run is over and every selector is there.

    Returns the page's clock (ms since its navigation started) at that moment.
    """
    handle = page.wait_for_function(
        READY_JS, arg=[list(selectors), RUNNING], polling="raf", timeout=timeout_ms
    )
    return float(handle.json_value())


def interactive_ms(page: Any, since: float, timeout_ms: int = READY_TIMEOUT_MS) -> float:
    """When the page's main thread was last busy (a long task ending after `since`, page clock).

    Waits until it has been free for QUIET_MS; with no long task after `since`, that is `since`.
    A page can be ready (drawn, idle) and still not answer a click while, say, a map builds.
    """
    handle = page.wait_for_function(
        INTERACTIVE_JS, arg=[since, QUIET_MS], polling=100, timeout=timeout_ms
    )
    return float(handle.json_value())


def open_ready(page: Any, url: str, selectors: Sequence[str]) -> float:
    """Open an address in the page and return milliseconds from navigation to ready."""
    page.goto(url, wait_until="commit", timeout=READY_TIMEOUT_MS)
    return wait_ready(page, selectors)


@dataclass
class Visit:
    """One reader's visit: how long until ready (ms), or what went wrong."""

    url: str
    page: Any
    ms: float | None = None
    error: str | None = None


async def visit_async(
    browser: Any, url: str, selectors: Sequence[str], timeout_ms: int = READY_TIMEOUT_MS
) -> Visit:
    """A new reader (browser context) opens the address; an exception on the page fails it."""
    context = await browser.new_context(viewport=VIEWPORT)
    await context.add_init_script(LONG_TASKS_JS)
    page = await context.new_page()
    visit = Visit(url, page)
    try:
        await page.goto(url, wait_until="commit", timeout=timeout_ms)
        handle = await page.wait_for_function(
            READY_JS, arg=[list(selectors), RUNNING], polling="raf", timeout=timeout_ms
        )
        visit.ms = float(await handle.json_value())
        if await page.locator(EXCEPTION).count():
            visit.error = "the page shows an exception"
    except Exception as err:  # a failed reader is a result to report, not a crash
        visit.error = f"{type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}"
    return visit


def tree_pids(pid: int) -> list[int]:
    """The process and all its descendants, read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, ()))
    return found


def status_kb(pid: int, field: str) -> int:
    """A kB field of /proc/<pid>/status (VmRSS, VmHWM), 0 when the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss_bytes(pid: int) -> int:
    """Resident memory of a process and its children (psutil when installed, else /proc)."""
    try:
        import psutil
    except ImportError:
        return sum(status_kb(p, "VmRSS") for p in tree_pids(pid)) * 1024
    try:
        root = psutil.Process(pid)
        family = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for process in family:
        with suppress(psutil.NoSuchProcess):
            total += process.memory_info().rss
    return total


def peak_rss_bytes(pid: int) -> int:
    """The highest resident memory each process of the tree reached (VmHWM), summed."""
    return sum(status_kb(p, "VmHWM") for p in tree_pids(pid)) * 1024


def mb(n_bytes: float) -> float:
    """Bytes as MB (10^6), one decimal."""
    return round(n_bytes / 1e6, 1)


def timed_main() -> None:
    """Streamlit's command line, every script run timed into the JSON-lines file $TIMING_ENV.

    Each run records its wall time and the CPU time of its script thread: the second is what
    the run itself cost, whatever else the machine was busy with.
    """
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.web.cli import main

    out = Path(os.environ[TIMING_ENV])
    lock = threading.Lock()
    original = script_runner.ScriptRunner._run_script

    def run_timed(self: Any, rerun_data: Any) -> None:
        start, cpu_start = time.perf_counter(), time.thread_time()
        try:
            original(self, rerun_data)
        finally:
            record = {
                "end": time.time(),
                "seconds": time.perf_counter() - start,
                "cpu_seconds": time.thread_time() - cpu_start,
                "session": getattr(self, "_session_id", ""),
                "page": rerun_data.page_name or "",
                "query": rerun_data.query_string or "",
            }
            with lock, out.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(record) + "\n")

    script_runner.ScriptRunner._run_script = run_timed
    main(prog_name="streamlit")


def read_timings(path: Path) -> list[dict[str, Any]]:
    """The script runs a timed server recorded so far, oldest first."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
