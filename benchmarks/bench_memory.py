"""The server's memory: before any reader, with one, with ten at once, and after they browse.

Starts `streamlit run dashboard.py` and reads the resident memory (RSS) of the server and
any child process, with psutil when installed and from /proc otherwise:

1. started, no reader yet;
2. one reader on the overview (the first article analysed and drawn);
3. ten more readers opening the overview at once (separate Chromium contexts), all still
   connected; the peak is sampled every 50 ms while they load;
4. the ten readers then open every other page through the sidebar's links (three at a
   time, so that Chromium, drawing on the same two CPUs, keeps up).

Targets: well inside Streamlit Community Cloud's 690 MB with the first article; under
400 MB with ten readers.

    python benchmarks/bench_memory.py [--readers 10] [--json artifacts/perf-memory.json]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import async_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from diplomap.i18n import t  # noqa: E402
from tests.serving import (  # noqa: E402
    OVERVIEW_READY,
    PAGE_READY,
    READY_JS,
    RUNNING,
    launch_chromium,
    mb,
    peak_rss_bytes,
    rss_bytes,
    serve,
    visit_async,
)

CLOUD_ALLOWANCE_MB = 690
FIRST_ARTICLE_TARGET_MB = CLOUD_ALLOWANCE_MB / 2
TEN_READERS_TARGET_MB = 400
SETTLE_S = 3.0
# Readers and server share this machine's two CPUs: a crowd needs far longer than one reader.
CROWD_TIMEOUT_MS = 180_000
NAV = '[data-testid="stSidebarNav"]'
# A page's own elements never appear on the page before it in this order.
TOUR = ("map", "alliances", "excerpts", "data", "timeline")
STATE_JS = """(selectors) => {
  const app = document.querySelector('[data-testid="stApp"]');
  return {
    url: location.pathname + location.search,
    script: app && app.getAttribute('data-test-script-state'),
    connection: app && app.getAttribute('data-test-connection-state'),
    running: !!document.querySelector('[data-testid^="stStatusWidgetRunning"]'),
    found: selectors.map(s => document.querySelectorAll(s).length),
  };
}"""
# Readers touring the pages at a time: more only makes Chromium, on the same CPUs, time out.
BROWSING_AT_ONCE = 3


class PeakSampler:
    """The highest RSS of a process tree, sampled in a thread while a block runs."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        self.pid, self.every, self.peak = pid, every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_bytes(self.pid))
            time.sleep(self.every)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


async def settled_rss(pid: int) -> int:
    """RSS once the server has had a moment to finish and collect garbage."""
    await asyncio.sleep(SETTLE_S)
    return rss_bytes(pid)


async def tour(page: Any, lang: str, turns: asyncio.Semaphore) -> str | None:
    """Open every page but the overview through the sidebar's links; what failed, if any."""
    async with turns:
        for name in TOUR:
            try:
                await open_by_link(page, name, lang)
            except PlaywrightError as err:
                state = await page.evaluate(STATE_JS, list(PAGE_READY[name]))
                return f"{name}: {str(err).splitlines()[0]} ({state})"
    return None


async def open_by_link(page: Any, name: str, lang: str) -> None:
    """Click the page's link in the sidebar and wait until that page is ready."""
    link = page.locator(NAV).get_by_role("link", name=t(f"page.{name}", lang))
    await link.click(timeout=CROWD_TIMEOUT_MS)
    await page.wait_for_url(f"**/{name}?**", timeout=CROWD_TIMEOUT_MS)
    await page.wait_for_function(
        READY_JS, arg=[list(PAGE_READY[name]), RUNNING], polling="raf", timeout=CROWD_TIMEOUT_MS
    )


async def measure(url: str, pid: int, readers: int) -> dict[str, Any]:
    """RSS at each step, the peaks while readers load, and the readers that failed."""
    out: dict[str, Any] = {"started_mb": mb(rss_bytes(pid))}
    async with async_playwright() as playwright:
        browser = await launch_chromium(playwright)
        try:
            with PeakSampler(pid) as first:
                one = await visit_async(browser, f"{url}/?lang=en", OVERVIEW_READY)
            assert one.error is None, one.error
            out["one_reader_mb"] = mb(await settled_rss(pid))
            out["one_reader_peak_mb"] = mb(first.peak)

            with PeakSampler(pid) as crowd:
                visits = await asyncio.gather(
                    *(
                        visit_async(browser, f"{url}/?lang=en", OVERVIEW_READY, CROWD_TIMEOUT_MS)
                        for _ in range(readers)
                    )
                )
            failures = [v.error for v in visits if v.error]
            out["ten_readers_mb"] = mb(await settled_rss(pid))
            out["ten_readers_peak_mb"] = mb(crowd.peak)

            with PeakSampler(pid) as browsing:
                turns = asyncio.Semaphore(BROWSING_AT_ONCE)
                toured = await asyncio.gather(
                    *(tour(v.page, "en", turns) for v in visits if not v.error)
                )
            out["ten_readers_every_page_mb"] = mb(await settled_rss(pid))
            out["ten_readers_every_page_peak_mb"] = mb(browsing.peak)
            out["failures"] = failures + [error for error in toured if error]
        finally:
            await browser.close()
    out["high_water_mb"] = mb(peak_rss_bytes(pid))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=10, help="readers at once (default 10)")
    parser.add_argument("--json", type=Path, default=ROOT / "artifacts" / "perf-memory.json")
    args = parser.parse_args(argv)
    with (
        tempfile.TemporaryDirectory(prefix="bench-memory-") as folder,
        serve("dashboard.py", Path(folder) / "streamlit.log") as server,
    ):
        time.sleep(SETTLE_S)
        report = asyncio.run(measure(server.url, server.pid, args.readers))
    report = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "readers": args.readers,
        "cpus": os.cpu_count(),
        **report,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    crowd = max(report[k] for k in report if k.startswith("ten_readers"))
    first_ok = report["one_reader_peak_mb"] < FIRST_ARTICLE_TARGET_MB
    crowd_ok = crowd < TEN_READERS_TARGET_MB
    n = args.readers
    rows = (
        ("started, no reader", "started_mb", None),
        ("1 reader, first article", "one_reader_mb", "one_reader_peak_mb"),
        (f"+ {n} readers at once", "ten_readers_mb", "ten_readers_peak_mb"),
        (f"the {n} open every page", "ten_readers_every_page_mb", "ten_readers_every_page_peak_mb"),
        ("high-water mark (VmHWM)", "high_water_mb", None),
    )
    print(f"Server memory (RSS, MB = 10^6 bytes), {report['date']}, {report['cpus']} CPUs")
    for label, key, peak in rows:
        peak_text = f"  (peak {report[peak]:.1f})" if peak else ""
        print(f"  {label:26} {report[key]:7.1f}{peak_text}")
    print(
        f"  first article well inside {CLOUD_ALLOWANCE_MB} (< {FIRST_ARTICLE_TARGET_MB:.0f}):"
        f" {'met' if first_ok else 'MISSED'}; {n} readers < {TEN_READERS_TARGET_MB}:"
        f" {'met' if crowd_ok else 'MISSED'} (highest {crowd:.1f})"
    )
    print(f"  failed readers: {len(report['failures'])}")
    for failure in report["failures"]:
        print(f"    {failure}")
    return 1 if report["failures"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
