"""Deployment as Streamlit Community Cloud does it: a fresh venv from requirements.txt alone."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.serving import (
    EXCEPTION,
    OVERVIEW_READY,
    ROOT,
    new_reader,
    open_ready,
    rss_bytes,
    serve,
)

pytestmark = pytest.mark.slow

VERSIONS = ("3.11", "3.12")
REQUIRED_VERSION = "3.11"
PIP_TIMEOUT = 420
MEMORY_LIMIT = 400e6
CONFIG = ROOT / ".streamlit" / "config.toml"
REQUIREMENTS = ROOT / "requirements.txt"
PINNED = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9,._-]+\])?==[0-9][^\s;#]*$")
SETTING = re.compile(r"^[A-Za-z0-9_.\"-]+\s*=")
SECTION = re.compile(r"^\[[A-Za-z0-9_.]+\]$")
PROBE = "import sys; print(sys.executable); print('%d.%d' % sys.version_info[:2])"
# A server that runs this interpreter must not find the test runner's packages.
LEAKY_ENV = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYENV_VERSION")


def real_interpreter(command: str, version: str, extra_env: dict[str, str]) -> str | None:
    """The executable behind a command (a pyenv shim resolves), if it runs that version."""
    env = {**os.environ, **extra_env}
    try:
        done = subprocess.run(
            [command, "-c", PROBE], capture_output=True, text=True, timeout=60, env=env
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = done.stdout.split()
    ok = done.returncode == 0 and len(lines) == 2 and lines[1] == version
    return lines[0] if ok else None


def pyenv_versions(version: str) -> list[str]:
    """pyenv's installed X.Y.Z for an X.Y, newest first; none without pyenv."""
    if shutil.which("pyenv") is None:
        return []
    done = subprocess.run(
        ["pyenv", "versions", "--bare"], capture_output=True, text=True, timeout=60
    )
    found = [v for v in done.stdout.split() if v.startswith(f"{version}.")]
    return sorted(found, key=lambda v: [int(p) for p in re.findall(r"\d+", v)], reverse=True)


def find_python(version: str) -> tuple[str | None, str]:
    """pythonX.Y from PATH as a real executable, or why there is none."""
    name = f"python{version}"
    command = shutil.which(name)
    if command is None:
        return None, f"{name} is not on PATH"
    for extra in [{}, *({"PYENV_VERSION": v} for v in pyenv_versions(version))]:
        found = real_interpreter(command, version, extra)
        if found:
            return found, ""
    return None, f"{command} does not run Python {version} (a pyenv shim with no such version?)"


def run(command: list[str], timeout: float, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run a build step; its output goes into the failure message."""
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, **kwargs)
    assert done.returncode == 0, f"{' '.join(command)}\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
    return done


def build_venv(python: str, folder: Path) -> Path:
    """A fresh virtual environment holding requirements.txt and nothing else; its bin/."""
    run([python, "-m", "venv", str(folder)], timeout=180)
    bin_dir = folder / "bin"
    pip = [str(bin_dir / "python"), "-m", "pip", "--disable-pip-version-check"]
    run([*pip, "install", "--quiet", "-r", str(REQUIREMENTS)], timeout=PIP_TIMEOUT, cwd=ROOT)
    run([*pip, "check"], timeout=120)
    return bin_dir


def server_env(bin_dir: Path) -> dict[str, str | None]:
    """The new venv first on PATH, and nothing of the test runner's environment."""
    path = os.pathsep.join([str(bin_dir), os.environ.get("PATH", "")])
    return {"PATH": path, **dict.fromkeys(LEAKY_ENV)}


def first_article_title() -> str:
    """The headline of the article the overview opens on."""
    from ui.articles import default_entry, list_articles

    entry = default_entry(list_articles())
    assert entry is not None, "data/articles holds no article"
    return entry.title


@pytest.fixture
def venv_dir(tmp_path: Path) -> Iterator[Path]:
    """Where the fresh environment goes; removed afterwards, being some 600 MB."""
    folder = tmp_path / "venv"
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("version", VERSIONS)
def test_a_fresh_venv_from_requirements_serves_the_overview(
    version: str, tmp_path: Path, venv_dir: Path, browser: Any
) -> None:
    python, reason = find_python(version)
    if python is None:
        if version == REQUIRED_VERSION:
            pytest.fail(f"Python {version} is required: {reason}")
        pytest.skip(reason)
    started = time.monotonic()
    bin_dir = build_venv(python, venv_dir)
    print(f"Python {version}: venv built in {time.monotonic() - started:.0f} s")
    title = first_article_title()
    log = tmp_path / "streamlit.log"
    with serve(
        "dashboard.py", log, launcher=[str(bin_dir / "streamlit")], env=server_env(bin_dir)
    ) as server:
        page = new_reader(browser)
        try:
            open_ready(page, f"{server.url}/", OVERVIEW_READY)
            heading = page.locator('[data-testid="stMain"] h3', has_text=title).first
            heading.wait_for(state="visible", timeout=30_000)
            page.wait_for_timeout(1000)
            assert page.locator(EXCEPTION).count() == 0, server.log_tail()
            assert rss_bytes(server.pid) < MEMORY_LIMIT
        finally:
            page.context.close()
    assert "Traceback" not in log.read_text(errors="replace")


def test_requirements_pin_every_package() -> None:
    lines = [
        line.strip()
        for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert lines
    assert [line for line in lines if not PINNED.match(line)] == []
    assert "streamlit" in {line.split("==")[0].lower() for line in lines}


def uncommented_settings(text: str) -> list[str]:
    """Settings whose line is not directly below a comment line."""
    missing, previous = [], ""
    for raw in text.splitlines():
        line = raw.strip()
        if SETTING.match(line) and not previous.startswith("#"):
            missing.append(line)
        if line:
            previous = line
    return missing


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("[server]\n# Why.\nheadless = true\n", []),
        ("[server]\nheadless = true\n", ["headless = true"]),
        ("# Why.\n[server]\nheadless = true\n", ["headless = true"]),
        ("[server]\n# Why.\nheadless = true\nport = 1\n", ["port = 1"]),
        ("[server]\n# Why.\n\nheadless = true\n", []),
    ],
)
def test_uncommented_settings_are_found(text: str, missing: list[str]) -> None:
    assert uncommented_settings(text) == missing


def test_the_streamlit_config_comments_every_setting() -> None:
    text = CONFIG.read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert [
        line
        for line in lines
        if not (line.startswith("#") or SECTION.match(line) or SETTING.match(line))
    ] == []
    assert uncommented_settings(text) == []
    assert any(SETTING.match(line) for line in lines)


def test_the_streamlit_config_sets_only_real_options_and_no_secrets() -> None:
    from streamlit import config

    known = config.get_config_options()
    table = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    keys = [f"{section}.{key}" for section, values in table.items() for key in values]
    assert keys
    assert [key for key in keys if key not in known] == []
    assert table["browser"]["gatherUsageStats"] is False
    assert not (ROOT / ".streamlit" / "secrets.toml").exists()
