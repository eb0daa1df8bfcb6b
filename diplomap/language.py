"""Guess an article's language by counting the stopwords of each language in data/languages.yaml."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from diplomap.datafiles import read_yaml

LANGUAGES_FILE = Path(__file__).resolve().parent.parent / "data" / "languages.yaml"
UNDETERMINED = "und"
SAMPLE_CHARS = 20_000

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class StopwordTable:
    """Each stopword (lowercase and Capitalised) mapped to the languages it counts for."""

    languages: tuple[str, ...]
    names: dict[str, str]
    words: dict[str, tuple[str, ...]]
    markers: dict[str, frozenset[str]]
    defer_to: dict[str, str]
    min_hits: int
    min_lead: float
    min_markers: int


@cache
def load_stopwords(path: Path = LANGUAGES_FILE) -> StopwordTable:
    """Read the stopword lists once per process."""
    raw = read_yaml(path)
    langs = raw["languages"]
    words: dict[str, list[str]] = {}
    for code, spec in langs.items():
        for word in spec["stopwords"]:
            for form in {str(word).lower(), str(word).capitalize()}:
                words.setdefault(form, []).append(code)
    return StopwordTable(
        languages=tuple(langs),
        names={code: spec.get("name", code) for code, spec in langs.items()},
        words={w: tuple(dict.fromkeys(codes)) for w, codes in words.items()},
        markers={
            code: frozenset(map(str, spec.get("markers", ()))) for code, spec in langs.items()
        },
        defer_to={code: spec["defer_to"] for code, spec in langs.items() if spec.get("defer_to")},
        min_hits=int(raw.get("min_hits", 3)),
        min_lead=float(raw.get("min_lead", 1.5)),
        min_markers=int(raw.get("min_markers", 2)),
    )


def language_name(code: str) -> str:
    """The English name of a language code, for messages."""
    return load_stopwords().names.get(code, code)


def detect_language(text: str) -> str:
    """An ISO 639-1 code such as "id" or "en", or "und" when no language clearly leads."""
    table = load_stopwords()
    counts = Counter(_WORD.findall(text, 0, SAMPLE_CHARS))
    scores = dict.fromkeys(table.languages, 0)
    for word, n in counts.items():
        for code in table.words.get(word, ()):
            scores[code] += n
    merged = _merge_close_pairs(scores, table)
    ranked = sorted(merged.items(), key=lambda kv: kv[1], reverse=True)
    best, hits = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if hits < table.min_hits or hits < table.min_lead * runner_up:
        return UNDETERMINED
    return _settle_close_pair(best, counts, table)


def _merge_close_pairs(scores: dict[str, int], table: StopwordTable) -> dict[str, int]:
    """Score a language that defers (Malay) together with the one it defers to (Indonesian)."""
    merged = dict(scores)
    for code, host in table.defer_to.items():
        merged[host] = max(merged.get(host, 0), merged.pop(code))
    return merged


def _settle_close_pair(best: str, counts: Counter[str], table: StopwordTable) -> str:
    """Report the deferring language only when its own marker words clearly outnumber the host's."""
    for code, host in table.defer_to.items():
        if host != best:
            continue
        own = _marker_hits(code, counts, table)
        theirs = _marker_hits(host, counts, table)
        if own >= table.min_markers and own > 2 * theirs:
            return code
    return best


def _marker_hits(code: str, counts: Counter[str], table: StopwordTable) -> int:
    """How often a language's marker words occur, in any capitalisation but all-caps."""
    markers = table.markers.get(code, frozenset())
    return sum(counts[m] + counts[m.capitalize()] for m in markers)
