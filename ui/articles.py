"""The article files the dashboard offers, and the only ids an address may name."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from diplomap import corrections
from diplomap.model import ArticleError
from diplomap.reader import FORMATS, max_bytes_limit, read_bytes

ROOT = Path(__file__).resolve().parent.parent
ARTICLES_ENV = "DIPLOMAP_ARTICLES"
DEFAULT_FOLDER = ROOT / "data" / "articles"
PREFERRED_DEFAULT = "us-officials-visit-venezuela"
MAX_SHOWN_ID = 60
MAX_TITLE = 200
UPLOAD_PREFIX = "upload:"


@dataclass(frozen=True)
class Entry:
    """One article file in the folder, or a reader's upload held in memory (no path)."""

    id: str
    name: str
    path: Path | None
    title: str
    readable: bool
    data: bytes | None = field(default=None, compare=False, repr=False)

    @property
    def uploaded(self) -> bool:
        return self.path is None


@dataclass(frozen=True)
class Resolution:
    """The article an address asked for, or why it cannot be opened."""

    entry: Entry | None
    problem: str | None = None
    asked: str = ""


def articles_folder() -> Path:
    """$DIPLOMAP_ARTICLES, or data/articles next to the app."""
    raw = os.environ.get(ARTICLES_ENV, "").strip()
    return Path(raw).expanduser().resolve() if raw else DEFAULT_FOLDER


def list_articles(folder: Path | None = None) -> tuple[Entry, ...]:
    """Every .txt, .md and .json file in the folder, seed first; rescanned on each call."""
    folder = folder or articles_folder()
    try:
        with os.scandir(folder) as it:
            files = sorted(
                ((e.name, e.path) for e in it if _is_article(e, folder)), key=_listing_order
            )
    except OSError:
        return ()
    stems: dict[str, int] = {}
    for name, _ in files:
        stem = Path(name).stem
        stems[stem] = stems.get(stem, 0) + 1
    entries = []
    for name, path in files:
        stem = Path(name).stem
        article_id = stem if stems[stem] == 1 else name
        title, readable = _title(path, *_signature(path))
        entries.append(Entry(article_id, name, Path(path), title or stem, readable))
    return tuple(entries)


def _listing_order(item: tuple[str, str]) -> tuple[bool, str]:
    """The seed article first, then by file name."""
    return (Path(item[0]).stem != PREFERRED_DEFAULT, item[0])


def _is_article(entry: os.DirEntry[str], folder: Path) -> bool:
    """A regular file with an article extension that stays inside the folder."""
    if entry.name.startswith(".") or Path(entry.name).suffix.lower() not in FORMATS:
        return False
    try:
        if not entry.is_file():
            return False
        if entry.is_symlink():
            return Path(entry.path).resolve().is_relative_to(folder.resolve())
    except OSError:
        return False
    return True


def _signature(path: str) -> tuple[int, int]:
    """Size and modification time, so an edited file gets its title read again."""
    try:
        st = os.stat(path)
    except OSError:
        return (-1, -1)
    return (st.st_size, st.st_mtime_ns)


@lru_cache(maxsize=512)
def _title(path: str, size: int, mtime_ns: int) -> tuple[str, bool]:
    """The article's headline, and whether the file reads at all."""
    try:
        article = read_bytes(read_file(Path(path)), os.path.basename(path))
    except (ArticleError, OSError, ValueError):
        return "", False
    return clip(" ".join(article.title.split()), MAX_TITLE), True


def read_file(path: Path) -> bytes:
    """A listed file's bytes, at most one byte past the size limit so the reader can refuse it."""
    with open(path, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            raise OSError(f"{path.name} is not a regular file")
        return f.read(max_bytes_limit() + 1)


def corrections_file(entry: Entry) -> Path | None:
    """The article's sibling `<stem>.corrections.yaml`, if it is a regular file in the folder."""
    if entry.path is None:
        return None
    path = corrections.corrections_path(entry.path)
    try:
        if path.is_symlink() and not path.resolve().is_relative_to(entry.path.parent.resolve()):
            return None
        return path if path.is_file() else None
    except OSError:
        return None


def read_corrections_file(path: Path) -> bytes:
    """A corrections file's bytes, at most one byte past its limit so the reader can refuse it."""
    with open(path, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            raise OSError(f"{path.name} is not a regular file")
        return f.read(corrections.MAX_BYTES + 1)


def default_entry(entries: tuple[Entry, ...]) -> Entry | None:
    """The seed article when it is there, else the first file."""
    for entry in entries:
        if entry.id == PREFERRED_DEFAULT:
            return entry
    return entries[0] if entries else None


def find(entries: tuple[Entry, ...], article_id: str | None) -> Entry | None:
    """The entry with exactly this id; nothing else is ever opened."""
    return next((e for e in entries if e.id == article_id), None)


def resolve(entries: tuple[Entry, ...], asked: str | None) -> Resolution:
    """The article an address names: listed ids only, anything else is a problem to show."""
    if asked is None or asked == "":
        return Resolution(default_entry(entries))
    entry = find(entries, asked)
    if entry is not None:
        return Resolution(entry, asked=asked)
    if looks_like_path(asked):
        problem = "outside_data"
    elif asked.startswith(UPLOAD_PREFIX):
        problem = "upload_elsewhere"
    else:
        problem = "missing_article"
    return Resolution(None, problem, asked)


def looks_like_path(asked: str) -> bool:
    """An id that tries to name a folder or climb out of one."""
    lowered = asked.lower()
    return any(token in lowered for token in ("/", "\\", "..", "%2e", "%2f", "%5c", "\x00"))


def shown_id(asked: str) -> str:
    """An asked-for id made safe to print in a message: printable and short."""
    return clip(
        "".join(ch if ch.isprintable() else "?" for ch in asked[: MAX_SHOWN_ID + 1]), MAX_SHOWN_ID
    )


def clip(text: str, limit: int) -> str:
    """Text cut to at most `limit` characters, an ellipsis showing where."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
