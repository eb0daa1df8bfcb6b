"""One tokenizer shared by the gazetteer, the cue matcher and the dates, so offsets agree."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")


@dataclass(frozen=True)
class Tokens:
    """Parallel lists: each token's text, its lowercase form and its span in the text."""

    words: tuple[str, ...]
    lower: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.words)


def tokenize(text: str, start: int = 0, end: int | None = None) -> Tokens:
    """Split text[start:end] into words and single punctuation marks, keeping offsets."""
    found = [
        (m.group(), m.start(), m.end())
        for m in _TOKEN.finditer(text, start, len(text) if end is None else end)
    ]
    words = tuple(w for w, _, _ in found)
    return Tokens(
        words=words,
        lower=tuple(w.lower() for w in words),
        starts=tuple(s for _, s, _ in found),
        ends=tuple(e for _, _, e in found),
    )


@functools.lru_cache(maxsize=4)
def text_tokens(text: str) -> Tokens:
    """The whole text's tokens, computed once however many stages read them."""
    return tokenize(text)


def span_tokens(tokens: Tokens, start: int, end: int) -> Tokens:
    """The tokens of text[start:end], cut from the whole text's tokens."""
    lo = bisect.bisect_left(tokens.starts, start)
    hi = bisect.bisect_left(tokens.starts, end, lo)
    return Tokens(
        tokens.words[lo:hi], tokens.lower[lo:hi], tokens.starts[lo:hi], tokens.ends[lo:hi]
    )


def token_matches(text: str) -> list[re.Match[str]]:
    """Every token of text as a regex match: cheaper than tokenize() when few offsets are read."""
    return list(_TOKEN.finditer(text))


def token_key(phrase: str) -> tuple[str, ...]:
    """The lowercase token sequence a phrase is matched by."""
    return tuple(m.group().lower() for m in _TOKEN.finditer(phrase))
