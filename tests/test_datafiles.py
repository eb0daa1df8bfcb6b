"""Parsed data kept on disk between processes: built once, rebuilt when a source changes."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from diplomap.datafiles import CACHE_ENV, cache_dir, read_yaml, stored


class Builder:
    """Counts its calls, so a test can tell a stored value from a fresh build."""

    def __init__(self, value: object) -> None:
        self.value, self.calls = value, 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    out = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(out))
    return out


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "words.yaml"
    path.write_text("words: [a, b]\n", encoding="utf-8")
    return path


def test_second_call_reads_what_the_first_built(folder: Path, source: Path) -> None:
    build = Builder({"words": ["a"]})
    first = stored("words", [source], build)
    second = stored("words", [source], build)
    assert first == second == {"words": ["a"]}
    assert build.calls == 1
    assert len(list(folder.iterdir())) == 1


def test_editing_a_source_builds_afresh_and_drops_the_old_copy(folder: Path, source: Path) -> None:
    build = Builder(1)
    stored("words", [source], build)
    source.write_text("words: [a, b, c]\n", encoding="utf-8")
    stored("words", [source], build)
    assert build.calls == 2
    assert len(list(folder.iterdir())) == 1


def test_same_size_edit_with_a_new_mtime_builds_afresh(folder: Path, source: Path) -> None:
    build = Builder(1)
    stored("words", [source], build)
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    stored("words", [source], build)
    assert build.calls == 2


def test_two_sources_with_one_name_are_kept_apart(folder: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("x: 1\n", encoding="utf-8")
    b.write_text("x: 2\n", encoding="utf-8")
    assert read_yaml(a) == {"x": 1}
    assert read_yaml(b) == {"x": 2}
    assert read_yaml(a) == {"x": 1}
    assert len(list(folder.iterdir())) == 2


def test_a_damaged_stored_file_is_rebuilt(folder: Path, source: Path) -> None:
    build = Builder([1, 2])
    stored("words", [source], build)
    (kept,) = folder.iterdir()
    kept.write_bytes(b"\x80\x05not a pickle")
    assert stored("words", [source], build) == [1, 2]
    assert build.calls == 2
    assert pickle.loads(kept.read_bytes()) == [1, 2]


@pytest.mark.parametrize("setting", ["off", "OFF", "0", "false", ""])
def test_switched_off_it_builds_every_time_and_writes_nothing(
    setting: str, tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, setting)
    monkeypatch.chdir(tmp_path)
    build = Builder(3)
    stored("words", [source], build)
    stored("words", [source], build)
    assert cache_dir() is None
    assert build.calls == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["words.yaml"]


def test_an_unwritable_folder_only_costs_the_build(
    tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    build = Builder(4)
    assert stored("words", [source], build) == 4
    assert stored("words", [source], build) == 4
    assert build.calls == 2


def test_a_missing_source_builds_and_stores_nothing(folder: Path, tmp_path: Path) -> None:
    build = Builder(5)
    assert stored("words", [tmp_path / "gone.yaml"], build) == 5
    assert not folder.exists()


def test_default_folder_follows_xdg_cache_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "diplomap"


def test_read_yaml_keeps_yaml_types(folder: Path, tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text("a: 1\nb: [x, 'on']\nc: on\n", encoding="utf-8")
    assert read_yaml(path) == {"a": 1, "b": ["x", "on"], "c": True}
    assert read_yaml(path) == {"a": 1, "b": ["x", "on"], "c": True}
