"""Curated data files, parsed once and kept on disk, so a new server or CLI run skips parsing.

A stored value is keyed by its name and by the path, modification time and size of every
file it was built from (its data files and the modules that build it): editing any of them
builds it afresh. The folder is $DIPLOMAP_CACHE, else $XDG_CACHE_HOME/diplomap or
~/.cache/diplomap; DIPLOMAP_CACHE=off keeps nothing. A folder that cannot be written, or a
stored file that cannot be read, only costs the parsing.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

CACHE_ENV = "DIPLOMAP_CACHE"
OFF = frozenset({"off", "0", "no", "false"})
FORMAT = "1"
T = TypeVar("T")


def cache_dir() -> Path | None:
    """Where parsed data is kept, or None when keeping it is switched off."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return None if chosen.strip().lower() in OFF or not chosen.strip() else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "diplomap"


def stored(name: str, sources: Sequence[Path | str], build: Callable[[], T]) -> T:
    """build(), or what it returned in an earlier process from the same sources."""
    directory = cache_dir()
    if directory is None:
        return build()
    files = [Path(s).resolve() for s in sources]
    try:
        stats = [f.stat() for f in files]
    except OSError:
        return build()
    prefix = f"{name}-{_digest(str(f) for f in files)}-"
    path = directory / (prefix + _digest(f"{s.st_mtime_ns}:{s.st_size}" for s in stats))
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
        pass
    value = build()
    _keep(path, prefix, value)
    return value


def read_yaml(path: Path | str) -> Any:
    """A YAML file as plain data, read with libyaml's safe loader when it is installed."""
    return stored("yaml", [path], lambda: _parse_yaml(Path(path)))


def _parse_yaml(path: Path) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=loader)


def _digest(parts: Any) -> str:
    text = "\n".join([FORMAT, sys.version, *parts])
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


def _keep(path: Path, prefix: str, value: Any) -> None:
    """Write atomically, and drop what was kept for older versions of the same sources."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob(prefix + "*"):
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        pass
