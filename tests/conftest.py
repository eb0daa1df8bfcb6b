"""Shared fixtures: a `streamlit run` server and a Chromium page for the browser tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",  # offline: no name resolves
]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
SERVER_START_TIMEOUT = 60.0


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen, timeout: float) -> None:
    """Poll Streamlit's health endpoint until it answers "ok", or fail with the server's log."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"streamlit did not answer on {url} within {timeout:.0f} s")


def start_streamlit(script: Path, cwd: Path, log: Path) -> tuple[subprocess.Popen, str]:
    """`streamlit run script` on a free port, headless and offline; returns (process, url)."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("DIPLOMAP_ARTICLES", None)
    handle = open(log, "wb")  # noqa: SIM115 - closed by stop_streamlit
    process = subprocess.Popen(command, cwd=cwd, stdout=handle, stderr=subprocess.STDOUT, env=env)
    process.log_handle = handle  # type: ignore[attr-defined]
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process, SERVER_START_TIMEOUT)
    except Exception:
        stop_streamlit(process)
        raise RuntimeError(f"{log.read_text(errors='replace')[-2000:]}") from None
    return process, url


def stop_streamlit(process: subprocess.Popen) -> None:
    """Stop a server this test session started, and only it."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    handle = getattr(process, "log_handle", None)
    if handle is not None:
        handle.close()


def chromium_or_skip() -> Path:
    """Chromium's path; without it skip locally, but fail on CI where it must be installed."""
    if CHROMIUM.exists():
        return CHROMIUM
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing on CI; install Debian's chromium package")
    pytest.skip(f"{CHROMIUM} is missing; install Debian's chromium to run the browser tests")


@pytest.fixture(scope="session")
def screenshots_dir() -> Path:
    """artifacts/screenshots/, emptied once per session (the folder is gitignored)."""
    if SCREENSHOTS.exists():
        shutil.rmtree(SCREENSHOTS)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS


@pytest.fixture(scope="session")
def dashboard_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`streamlit run dashboard.py`, started once per session and stopped at its end."""
    chromium_or_skip()
    log = tmp_path_factory.mktemp("streamlit") / "dashboard.log"
    process, url = start_streamlit(ROOT / "dashboard.py", ROOT, log)
    try:
        yield url
    finally:
        stop_streamlit(process)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One headless Chromium per module, closed with it: a module may start its own Playwright."""
    path = chromium_or_skip()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(path), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh browser context and page per test, like a new reader."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    try:
        yield context.new_page()
    finally:
        context.close()
