"""The dashboard as readers meet it, in Chromium: time to a ready page, a rerun, the weight.

Serves dashboard.py and the one-line page benchmarks/baseline_app.py the same way
(`streamlit run`, headless, from the repository root), then measures, in fresh browser
contexts (a new reader with an empty cache each time):

- cold: the first reader after a server's first start on a host (nothing kept), and after
  a restart (bytecode and the data cache kept), against the one-line page (ratio);
- warm: the overview against the one-line page (ratio of medians), and every page, both
  opened directly and reached by the sidebar's page links in an open session;
- a filter change on the overview (picking one tie type): the server's script-run time,
  from a `streamlit` launcher that times every run, and the browser's click-to-idle time;
- weight: websocket bytes by kind (map, chart specs, tables, the rest) and HTTP bytes.

A page is ready when its main block is drawn, the script run is over (the app's script
state is "notRunning" and the status widget shows no run) and the page's own elements are
there (the overview: the key metrics and the map). It is interactive when, after that, its
main thread has had no long task (> 50 ms) for a second: the time of the last one's end.
Server times come from the script runs (wall and CPU time of the script thread).

    python benchmarks/bench_browser.py [--runs 5] [--json artifacts/perf-browser.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from diplomap.datafiles import CACHE_ENV  # noqa: E402
from diplomap.i18n import t, tie_type_label  # noqa: E402
from tests.serving import (  # noqa: E402
    BASELINE_READY,
    OVERVIEW_READY,
    PAGE_READY,
    READY_JS,
    READY_TIMEOUT_MS,
    RUNNING,
    TIMING_ENV,
    Server,
    chromium_browser,
    interactive_ms,
    new_reader,
    open_ready,
    read_timings,
    serve,
    timed_streamlit,
)

DASHBOARD = "dashboard.py"
BASELINE = "benchmarks/baseline_app.py"
LANG = "en"
FILTER_TYPE = "sanction"
NAV = '[data-testid="stSidebarNav"]'
PAGE_KEYS = {"": "page.overview", **{name: f"page.{name}" for name in PAGE_READY if name}}
OVERVIEW_TARGET_RATIO = 1.5
PAGE_TARGET_MS = 2000
RERUN_TARGET_MS = 200
CLICK_ATTEMPTS = 3
START_TIMEOUT_MS = 10_000

# Script-state changes of whichever stApp element is mounted (the app may mount a new one),
# with the page's clock, and the first pointerdown after arming (window.__dmClick = undefined).
WATCH_JS = """() => {
  window.__dmStates = [];
  new MutationObserver(records => {
    for (const r of records) {
      if (r.target.getAttribute('data-testid') !== 'stApp') continue;
      window.__dmStates.push([performance.now(), r.target.getAttribute('data-test-script-state')]);
    }
  }).observe(document.body, {
    attributes: true, subtree: true, attributeFilter: ['data-test-script-state'],
  });
  document.addEventListener('pointerdown', () => {
    if (window.__dmClick === undefined) window.__dmClick = performance.now();
  }, true);
}"""
STARTED_JS = """() => {
  const click = window.__dmClick;
  if (click === undefined) return false;
  const app = document.querySelector('[data-testid="stApp"]');
  if (app && app.getAttribute('data-test-script-state') !== 'notRunning') {
    window.__dmSawRun = true;
  }
  return !!window.__dmSawRun
    || window.__dmStates.some(([time, state]) => time >= click && state !== 'notRunning');
}"""
ARM_JS = "() => { window.__dmClick = undefined; window.__dmSawRun = false; }"
AFTER_CLICK_JS = (
    """([selectors, running]) => {
  const click = window.__dmClick;
  if (click === undefined) return false;
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  let ran = !!window.__dmSawRun, idle = null;
  for (const [time, state] of window.__dmStates) {
    if (time < click) continue;
    if (state !== 'notRunning') ran = true;
    else if (ran) idle = time;
  }
  if (!ran) return false;
  const ready = ("""
    + READY_JS
    + """)([selectors, running]);
  if (idle === null) idle = ready || performance.now();
  return ready ? [idle - click, ready - click, click] : false;
}"""
)


def summary(values: Sequence[float]) -> dict[str, Any]:
    """Median, min and max of some milliseconds, and the runs themselves."""
    rounded = [round(v, 1) for v in values]
    if not rounded:
        return {"median": None, "runs": []}
    return {
        "median": round(statistics.median(values), 1),
        "min": min(rounded),
        "max": max(rounded),
        "runs": rounded,
    }


def collect(samples: Sequence[dict[str, float]]) -> dict[str, Any]:
    """Each measured quantity's summary over the runs."""
    return {key: summary([sample[key] for sample in samples]) for key in samples[0]}


def address(server: Server, page: str, query: str = f"lang={LANG}") -> str:
    return f"{server.url}/{page}?{query}"


def fresh_visit(browser: Any, url: str, selectors: Sequence[str]) -> dict[str, float]:
    """Milliseconds from navigation to ready, and to the main thread's last long task."""
    page = new_reader(browser)
    try:
        ready = open_ready(page, url, selectors)
        return {"ready": ready, "interactive": interactive_ms(page, ready)}
    finally:
        page.context.close()


def runs_after(timings: Path, count_before: int) -> list[dict[str, Any]]:
    """The script runs the timed server recorded since it had count_before of them."""
    return read_timings(timings)[count_before:]


def server_cost(timings: Path, count_before: int) -> dict[str, float]:
    """Wall and CPU milliseconds of the script runs recorded since count_before."""
    deadline = time.monotonic() + 5
    while not runs_after(timings, count_before) and time.monotonic() < deadline:
        time.sleep(0.05)
    runs = runs_after(timings, count_before)
    return {
        "server": sum(r["seconds"] for r in runs) * 1000,
        "server_cpu": sum(r.get("cpu_seconds", 0.0) for r in runs) * 1000,
    }


def ratio_report(samples: dict[str, list[dict[str, float]]]) -> dict[str, Any]:
    """Both pages' summaries and the overview's ratio to the one-line page (of medians)."""
    out: dict[str, Any] = {name: collect(values) for name, values in samples.items()}
    for key in ("ready", "interactive"):
        ratio = out["overview"][key]["median"] / out["baseline"][key]["median"]
        out[f"ratio_{key}"] = round(ratio, 2)
    return out


COLD_SCRIPTS = (
    ("baseline", BASELINE, BASELINE_READY),
    ("overview", DASHBOARD, OVERVIEW_READY),
)


def bench_cold(browser: Any, runs: int, logs: Path, *, restart: bool) -> dict[str, Any]:
    """The first reader after each server start, dashboard and one-line page in turn.

    A first start has nothing kept: no data cache, and the app's own modules compiled in
    memory (as on a new container; installed packages have their bytecode). A restart
    finds what an earlier start on the same host kept: bytecode and the data cache.
    """
    cold: dict[str, list[dict[str, float]]] = {"baseline": [], "overview": []}
    kept = logs / "kept-cache"
    if restart:
        for name, script, selectors in COLD_SCRIPTS:
            with serve(script, logs / f"prime-{name}.log", env=cold_env(kept, restart)) as server:
                fresh_visit(browser, address(server, ""), selectors)
    for i in range(runs):
        for name, script, selectors in COLD_SCRIPTS:
            cache = kept if restart else logs / f"empty-cache-{name}-{i}"
            if not restart:
                drop_bytecode()
            log = logs / f"cold-{'restart' if restart else 'first'}-{name}-{i}.log"
            with serve(script, log, env=cold_env(cache, restart)) as server:
                cold[name].append(fresh_visit(browser, address(server, ""), selectors))
    return ratio_report(cold)


def cold_env(cache: Path, restart: bool) -> dict[str, str | None]:
    """A server's data cache folder; on a restart, bytecode written as Python does by default."""
    return {CACHE_ENV: str(cache), "PYTHONDONTWRITEBYTECODE": None if restart else "1"}


def drop_bytecode() -> None:
    """Forget the app's own compiled modules, as a new container has none."""
    for folder in ("diplomap", "ui", "pages", "tests", "benchmarks"):
        shutil.rmtree(ROOT / folder / "__pycache__", ignore_errors=True)


def bench_warm(browser: Any, dashboard: Server, baseline: Server, runs: int) -> dict[str, Any]:
    """Fresh readers of a warmed-up server, the one-line page and the overview alternating."""
    fresh_visit(browser, address(baseline, ""), BASELINE_READY)
    fresh_visit(browser, address(dashboard, ""), OVERVIEW_READY)
    warm: dict[str, list[dict[str, float]]] = {"baseline": [], "overview": []}
    for _ in range(runs):
        warm["baseline"].append(fresh_visit(browser, address(baseline, ""), BASELINE_READY))
        warm["overview"].append(fresh_visit(browser, address(dashboard, ""), OVERVIEW_READY))
    return ratio_report(warm)


def bench_pages_direct(browser: Any, dashboard: Server, timings: Path, runs: int) -> dict[str, Any]:
    """Every page opened by address in a new reader; browser times and the server's run."""
    out = {}
    for name, selectors in PAGE_READY.items():
        fresh_visit(browser, address(dashboard, name), selectors)
        samples = []
        for _ in range(runs):
            before = len(read_timings(timings))
            visit = fresh_visit(browser, address(dashboard, name), selectors)
            samples.append({**visit, **server_cost(timings, before)})
        out[name or "overview"] = collect(samples)
    return out


def started(page: Any, timings: Path, before: int) -> str | None:
    """Who saw the click start a run: "page" (the app's script state), "server" or None.

    A quick run can come and go without the watcher in the page seeing the script state
    change; the server's record of the run (written when it ends) counts as well.
    """
    deadline = time.monotonic() + START_TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        if page.evaluate(STARTED_JS):
            return "page"
        if len(read_timings(timings)) > before:
            page.evaluate("() => { window.__dmSawRun = true; }")
            return "server"
        time.sleep(0.05)
    return None


def click_and_wait(
    page: Any, click: Callable[[], None], selectors: Sequence[str], timings: Path
) -> dict[str, float]:
    """Click, then wait for the run it starts to end, the selectors and a quiet main thread.

    Milliseconds from the first pointerdown after arming to idle, ready and interactive (page
    clock), the server's wall and CPU time for the run, and how many clicks started no run
    within START_TIMEOUT_MS (each is clicked again; a reader would click again too), and
    whether only the server saw the run.
    """
    before = len(read_timings(timings))
    lost = 0
    while True:
        page.evaluate(ARM_JS)
        click()
        if seen_by := started(page, timings, before):
            break
        lost += 1
        if lost == CLICK_ATTEMPTS:
            raise RuntimeError(f"{CLICK_ATTEMPTS} clicks on {page.url} started no run")
    handle = page.wait_for_function(
        AFTER_CLICK_JS, arg=[list(selectors), RUNNING], polling="raf", timeout=READY_TIMEOUT_MS
    )
    idle, ready, pressed = handle.json_value()
    interactive = interactive_ms(page, pressed + ready) - pressed
    return {
        "idle": idle,
        "ready": ready,
        "interactive": interactive,
        **server_cost(timings, before),
        "lost_clicks": lost,
        "seen_by_server_only": int(seen_by == "server"),
    }


def bench_pages_switch(browser: Any, dashboard: Server, timings: Path, runs: int) -> dict[str, Any]:
    """Pages reached by the sidebar's links in one open session, each from the overview."""
    page = new_reader(browser)
    samples: dict[str, list[dict[str, float]]] = {name or "overview": [] for name in PAGE_READY}
    try:
        open_ready(page, address(dashboard, ""), OVERVIEW_READY)
        page.evaluate(WATCH_JS)
        for i in range(runs + 1):
            for name, selectors in PAGE_READY.items():
                if not name:
                    continue
                for target, wanted in ((name, selectors), ("", OVERVIEW_READY)):
                    link = page.locator(NAV).get_by_role(
                        "link", name=t(PAGE_KEYS[target], LANG), exact=True
                    )
                    sample = click_and_wait(page, link.click, wanted, timings)
                    if i:  # the first round warms every page up
                        samples[target or "overview"].append(sample)
    finally:
        page.context.close()
    return {name: collect(values) for name, values in samples.items()}


def choose_type(page: Any, label: str) -> None:
    """Open the sidebar's type filter if need be and pick one type, unless it is chosen."""
    chosen = page.locator(f'[data-testid="stSidebar"] [data-tag][aria-label="{label}"]')
    if chosen.count():  # an earlier press did choose it
        return
    option = page.get_by_role("option", name=label, exact=True)
    if not option.is_visible():
        page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').click()
    option.wait_for(state="visible")
    page.wait_for_timeout(500)  # a press while the list opens may be lost
    page.evaluate(ARM_JS)
    option.click()


def bench_filter(browser: Any, dashboard: Server, timings: Path, runs: int) -> dict[str, Any]:
    """A new reader on the overview picks one tie type: the rerun, server and browser side."""
    label = tie_type_label(FILTER_TYPE, LANG)
    samples = []
    for i in range(runs + 1):
        page = new_reader(browser)
        try:
            open_ready(page, address(dashboard, ""), OVERVIEW_READY)
            page.evaluate(WATCH_JS)
            sample = click_and_wait(
                page, lambda page=page: choose_type(page, label), OVERVIEW_READY, timings
            )
        finally:
            page.context.close()
        if i:  # the first round fills the caches of the filtered view
            samples.append(sample)
    return collect(samples)


def element_kind(message: Any) -> str:
    """What a websocket message carries, in the terms of the report."""
    kind = message.WhichOneof("type")
    if kind != "delta":
        return "session & navigation"
    delta = message.delta
    if delta.WhichOneof("type") != "new_element":
        return "layout blocks"
    element = delta.new_element.WhichOneof("type")
    if element == "deck_gl_json_chart":
        return "map: deck.gl JSON"
    if element == "markdown" and "dm-static-map" in delta.new_element.markdown.body:
        return "map: static SVG"
    if element == "vega_lite_chart":
        return "charts: Vega-Lite specs and data"
    if element in ("dataframe", "table", "arrow_data_frame"):
        return "tables: Arrow"
    return "text & widgets"


def weigh(browser: Any, url: str, selectors: Sequence[str]) -> dict[str, Any]:
    """Websocket and HTTP bytes a new reader receives until the page is ready and settled."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    frames: list[bytes] = []
    sent: list[int] = []
    requests: list[Any] = []
    page = new_reader(browser)
    try:

        def on_socket(socket: Any) -> None:
            socket.on(
                "framereceived", lambda p: frames.append(p if isinstance(p, bytes) else p.encode())
            )
            socket.on("framesent", lambda p: sent.append(len(p)))

        page.on("websocket", on_socket)
        page.on("requestfinished", lambda request: requests.append(request))
        open_ready(page, url, selectors)
        page.wait_for_timeout(1500)
        http = [r.sizes() for r in requests]
    finally:
        page.context.close()
    kinds: Counter[str] = Counter()
    for frame in frames:
        try:
            kinds[element_kind(ForwardMsg.FromString(frame))] += len(frame)
        except Exception:  # a message this Streamlit cannot parse still has a size
            kinds["unparsed"] += len(frame)
    return {
        "websocket_received": sum(len(f) for f in frames),
        "websocket_sent": sum(sent),
        "websocket_by_kind": dict(kinds.most_common()),
        "http_requests": len(http),
        "http_body_bytes": sum(s["responseBodySize"] for s in http),
        "http_header_bytes": sum(s["responseHeadersSize"] for s in http),
    }


def bench_weight(browser: Any, dashboard: Server, baseline: Server) -> dict[str, Any]:
    out = {"baseline": weigh(browser, address(baseline, ""), BASELINE_READY)}
    for name, selectors in PAGE_READY.items():
        out[name or "overview"] = weigh(browser, address(dashboard, name), selectors)
    return out


def run_all(runs: int, logs: Path) -> dict[str, Any]:
    """Every measurement, in one Chromium; servers are stopped whatever happens."""
    report: dict[str, Any] = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "runs": runs,
        "cpus": os.cpu_count(),
        "load_before": [round(x, 2) for x in os.getloadavg()],
    }
    dash_timings, base_timings = logs / "dashboard-runs.jsonl", logs / "baseline-runs.jsonl"
    with chromium_browser() as browser:
        print("cold starts ...", file=sys.stderr)
        report["cold"] = bench_cold(browser, runs, logs, restart=False)
        print("restarts ...", file=sys.stderr)
        report["restart"] = bench_cold(browser, runs, logs, restart=True)
        with (
            serve(
                DASHBOARD,
                logs / "dashboard.log",
                launcher=timed_streamlit(),
                env={TIMING_ENV: str(dash_timings)},
            ) as dashboard,
            serve(
                BASELINE,
                logs / "baseline.log",
                launcher=timed_streamlit(),
                env={TIMING_ENV: str(base_timings)},
            ) as baseline,
        ):
            print("warm overview ...", file=sys.stderr)
            report["warm"] = bench_warm(browser, dashboard, baseline, runs)
            print("pages ...", file=sys.stderr)
            report["pages_direct"] = bench_pages_direct(browser, dashboard, dash_timings, runs)
            report["pages_switch"] = bench_pages_switch(browser, dashboard, dash_timings, runs)
            print("filter rerun ...", file=sys.stderr)
            report["filter_rerun"] = bench_filter(browser, dashboard, dash_timings, runs)
            print("weight ...", file=sys.stderr)
            report["weight"] = bench_weight(browser, dashboard, baseline)
    report["load_after"] = [round(x, 2) for x in os.getloadavg()]
    return report


def verdict(ok: bool) -> str:
    return "meets target" if ok else "MISSES target"


def print_report(report: dict[str, Any]) -> None:
    """The numbers as docs/performance.md shows them."""
    n = report["runs"]
    print(f"Browser benchmark, {report['date']}, {report['cpus']} CPUs, medians of {n} runs")
    print(f"load average before/after: {report['load_before']} / {report['load_after']}")
    print("new reader, ms   overview ready (interactive)   one-line page   ratio")
    for phase in ("cold", "restart", "warm"):
        r = report[phase]
        ok = r["ratio_ready"] <= OVERVIEW_TARGET_RATIO
        print(
            f"{phase:16} {_m(r['overview'], 'ready'):>14} ({_m(r['overview'], 'interactive'):>5})"
            f" {_m(r['baseline'], 'ready'):>21}   {r['ratio_ready']:.2f} (interactive"
            f" {r['ratio_interactive']:.2f}; target <= {OVERVIEW_TARGET_RATIO}: {verdict(ok)})"
        )
    print(
        "warm, ms    new reader: ready (interactive) server (CPU)"
        " | page link: ready (interactive) server (CPU)"
    )
    for name, direct in report["pages_direct"].items():
        link = report["pages_switch"][name]
        print(
            f"{name:10} {_m(direct, 'ready'):>18} ({_m(direct, 'interactive'):>5})"
            f" {_m(direct, 'server'):>7} ({_m(direct, 'server_cpu'):>4}) |"
            f" {_m(link, 'ready'):>16} ({_m(link, 'interactive'):>5})"
            f" {_m(link, 'server'):>7} ({_m(link, 'server_cpu'):>4})"
        )
    for label, table in (("page link", "pages_switch"), ("new reader", "pages_direct")):
        slowest = max(r["ready"]["median"] for r in report[table].values())
        slowest_i = max(r["interactive"]["median"] for r in report[table].values())
        print(
            f"every page < {PAGE_TARGET_MS} ms warm, {label}: ready"
            f" {verdict(slowest < PAGE_TARGET_MS)} (slowest {slowest:.0f} ms); interactive"
            f" {verdict(slowest_i < PAGE_TARGET_MS)} (slowest {slowest_i:.0f} ms)"
        )
    f = report["filter_rerun"]
    print(
        f"filter change ({FILTER_TYPE}): server run {_m(f, 'server')} ms wall,"
        f" {_m(f, 'server_cpu')} ms CPU (target < {RERUN_TARGET_MS}:"
        f" {verdict(f['server']['median'] < RERUN_TARGET_MS)}); browser, from the press: idle"
        f" {_m(f, 'idle')} ms, ready {_m(f, 'ready')} ms, interactive {_m(f, 'interactive')} ms"
    )
    lost_links = {
        name: int(sum(r["lost_clicks"]["runs"]))
        for name, r in report["pages_switch"].items()
        if sum(r["lost_clicks"]["runs"])
    }
    unseen = sum(sum(r["seen_by_server_only"]["runs"]) for r in report["pages_switch"].values())
    print(
        f"clicks that started no run within {START_TIMEOUT_MS} ms (clicked again): page links"
        f" {lost_links or 0}, filter {int(sum(f['lost_clicks']['runs']))}; runs the page did not"
        f" show but the server recorded: page links {int(unseen)},"
        f" filter {int(sum(f['seen_by_server_only']['runs']))}"
    )
    print("weight, kB  websocket in   http bodies (requests)   websocket by kind")
    for name, w in report["weight"].items():
        kinds = ", ".join(f"{k} {v / 1000:.1f}" for k, v in w["websocket_by_kind"].items())
        print(
            f"{name:10} {w['websocket_received'] / 1000:13.1f} {w['http_body_bytes'] / 1000:14.0f}"
            f" ({w['http_requests']:3})   {kinds}"
        )


def _m(table: dict[str, Any], key: str) -> str:
    """A summary's median, in whole milliseconds."""
    return f"{table[key]['median']:.0f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (default 5)")
    parser.add_argument("--json", type=Path, default=ROOT / "artifacts" / "perf-browser.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-browser-") as folder:
        report = run_all(args.runs, Path(folder))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print_report(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
