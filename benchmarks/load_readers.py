"""N readers open the dashboard at once: time to ready, failures, and no view mixed up.

Every reader is a separate Chromium browser context with its own address (article,
interface language, tie types), all opened at the same moment against one server. A reader
fails when its page is not ready in time, shows an exception, or shows anything of another
reader's view (article, title, language, chosen tie types).

    python benchmarks/load_readers.py [--readers 10] [--rounds 1] [--url http://...] [--compare]

Without --url it starts `streamlit run dashboard.py` itself (and stops it), with every
script run timed, and also reports the server's own share: its script-run times and the CPU
seconds it used during the load. Readers and server share this machine's CPUs, so the time
to ready includes Chromium drawing every page at once; the CPU seconds Chromium used are
reported too. --compare times the same crowd on the one-line page for scale. Exit 1 when
any reader failed.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import math
import os
import resource
import statistics
import sys
import tempfile
from collections.abc import Sequence
from contextlib import ExitStack, suppress
from pathlib import Path
from typing import Any

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import async_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from diplomap.i18n import LANGS  # noqa: E402
from diplomap.model import TIE_TYPES  # noqa: E402
from tests.serving import (  # noqa: E402
    BASELINE_READY,
    OVERVIEW_READY,
    SHOWN_JS,
    SIDEBAR_DRAWN_JS,
    TIMING_ENV,
    Reader,
    article_titles,
    launch_chromium,
    read_timings,
    serve,
    shown_view,
    timed_streamlit,
    tree_pids,
    visit_async,
)

BASELINE = "benchmarks/baseline_app.py"
# Readers and server share this machine's two CPUs: a crowd needs far longer than one reader.
CROWD_TIMEOUT_MS = 180_000
SIDEBAR_TIMEOUT_MS = 10_000


def readers_for(n: int, articles: Sequence[str]) -> list[Reader]:
    """n readers, each with a different address, cycling articles, languages and types."""
    out = []
    for i in range(n):
        article = articles[i % len(articles)]
        lang = LANGS[(i // len(articles)) % len(LANGS)]
        chosen = {TIE_TYPES[i % len(TIE_TYPES)], TIE_TYPES[(3 * i + 1) % len(TIE_TYPES)]}
        out.append(Reader(article, lang, tuple(t for t in TIE_TYPES if t in chosen)))
    return out


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value with `share` of them at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


async def one_reader(browser: Any, url: str, reader: Reader, titles: dict[str, str]) -> dict:
    """Open the reader's address and compare what it shows with what it asked for."""
    visit = await visit_async(browser, url + reader.address, OVERVIEW_READY, CROWD_TIMEOUT_MS)
    result = {"address": reader.address, "ms": visit.ms, "error": visit.error}
    try:
        if visit.error is None:
            with suppress(PlaywrightError):  # an empty sidebar is reported below as shown
                await visit.page.wait_for_function(SIDEBAR_DRAWN_JS, timeout=SIDEBAR_TIMEOUT_MS)
            view = shown_view(await visit.page.evaluate(SHOWN_JS))
            wanted = reader.expected(titles)
            wrong = {k: view[k] for k in wanted if view.get(k) != wanted[k]}
            if wrong:
                result["error"] = f"shows {wrong}, asked for {wanted}"
    finally:
        await visit.page.context.close()
    return result


async def load(url: str, n: int, rounds: int) -> list[dict]:
    """`rounds` times, n readers at once; every reader's result."""
    titles = article_titles()
    readers = readers_for(n, sorted(titles))
    results = []
    async with async_playwright() as playwright:
        browser = await launch_chromium(playwright)
        try:
            for _ in range(rounds):
                results += await asyncio.gather(
                    *(one_reader(browser, url, reader, titles) for reader in readers)
                )
        finally:
            await browser.close()
    return results


async def crowd_of_one_line_pages(url: str, n: int) -> list[float]:
    """Milliseconds to ready for n new readers of the one-line page at once (after one)."""
    async with async_playwright() as playwright:
        browser = await launch_chromium(playwright)
        try:
            first = await visit_async(browser, url, BASELINE_READY)
            await first.page.context.close()
            visits = await asyncio.gather(
                *(visit_async(browser, url, BASELINE_READY, CROWD_TIMEOUT_MS) for _ in range(n))
            )
            for visit in visits:
                await visit.page.context.close()
        finally:
            await browser.close()
    return [v.ms for v in visits if v.ms is not None and v.error is None]


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process tree has used so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for member in tree_pids(pid):
        try:
            fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def ms_summary(values: Sequence[float]) -> dict[str, float | None]:
    """p50, p95 and max of some milliseconds."""
    if not values:
        return {"p50_ms": None, "p95_ms": None, "max_ms": None}
    return {
        "p50_ms": round(statistics.median(values), 1),
        "p95_ms": round(percentile(values, 0.95), 1),
        "max_ms": round(max(values), 1),
    }


def report(results: list[dict], n: int) -> dict[str, Any]:
    ready = [r["ms"] for r in results if r["error"] is None]
    failures = [r for r in results if r["error"] is not None]
    return {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "readers": n,
        "visits": len(results),
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        **ms_summary(ready),
        "failures": failures,
        "ready_ms": [round(x, 1) for x in ready],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=10, help="readers at once (default 10)")
    parser.add_argument("--rounds", type=int, default=1, help="waves of readers (default 1)")
    parser.add_argument("--url", help="a running dashboard; default: start one")
    parser.add_argument(
        "--compare",
        action="store_true",
        help="also time the same crowd on the one-line page (benchmarks/baseline_app.py)",
    )
    parser.add_argument("--json", type=Path, default=ROOT / "artifacts" / "perf-readers.json")
    args = parser.parse_args(argv)
    server_side: dict[str, Any] = {}
    with ExitStack() as stack:
        url = args.url
        if url is None:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="readers-")))
            timings = folder / "runs.jsonl"
            server = stack.enter_context(
                serve(
                    "dashboard.py",
                    folder / "streamlit.log",
                    launcher=timed_streamlit(),
                    env={TIMING_ENV: str(timings)},
                )
            )
            url = server.url
            asyncio.run(load(url, 1, 1))  # the first run after start-up loads the code
            runs_before, cpu_before = len(read_timings(timings)), cpu_seconds(server.pid)
        children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        results = asyncio.run(load(url.rstrip("/"), args.readers, args.rounds))
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        browser_cpu = (children.ru_utime + children.ru_stime) - (
            children_before.ru_utime + children_before.ru_stime
        )
        if args.url is None:
            records = read_timings(timings)[runs_before:]
            runs = [r["seconds"] * 1000 for r in records]
            cpu = [r["cpu_seconds"] * 1000 for r in records]
            server_side = {
                "script_runs": len(runs),
                **ms_summary(runs),
                "run_cpu_p50_ms": ms_summary(cpu)["p50_ms"],
                "total_run_ms": round(sum(runs), 1),
                "cpu_s": round(cpu_seconds(server.pid) - cpu_before, 2),
            }
    out = report(results, args.readers)
    out["server"] = server_side
    out["browser_cpu_s"] = round(browser_cpu, 2)
    if args.compare:
        with (
            tempfile.TemporaryDirectory(prefix="readers-") as folder,
            serve(BASELINE, Path(folder) / "streamlit.log") as baseline,
        ):
            one_line = asyncio.run(crowd_of_one_line_pages(f"{baseline.url}/", args.readers))
        out["one_line_page"] = ms_summary(one_line)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(out, indent=2), encoding="utf-8")
    print(
        f"{out['readers']} readers at once x {args.rounds} ({out['visits']} visits), "
        f"{out['cpus']} CPUs, load {out['load_average']}: time to ready p50 {out['p50_ms']} ms, "
        f"p95 {out['p95_ms']} ms, max {out['max_ms']} ms; failures {len(out['failures'])}"
    )
    if "one_line_page" in out:
        base = out["one_line_page"]
        ratio = out["p50_ms"] / base["p50_ms"] if out["p50_ms"] and base["p50_ms"] else None
        print(
            f"the same crowd on the one-line page: p50 {base['p50_ms']} ms, p95 {base['p95_ms']}"
            f" ms; ratio of p50s {ratio:.2f}"
            if ratio
            else "one-line page: no reader was ready"
        )
    print(f"Chromium (all readers): {out['browser_cpu_s']} CPU s")
    if server_side:
        print(
            f"server: {server_side['script_runs']} script runs, p50 {server_side['p50_ms']} ms "
            f"({server_side['run_cpu_p50_ms']} ms CPU), p95 {server_side['p95_ms']} ms, "
            f"{server_side['total_run_ms']:.0f} ms in all; "
            f"{server_side['cpu_s']} CPU s during the load"
        )
    for failure in out["failures"]:
        print(f"  FAILED {failure['address']}: {failure['error']}")
    return 1 if out["failures"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
