"""One tokenizer shared by the gazetteer, the cue matcher and the dates, so offsets agree."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from itertools import accumulate

# a number with thousands separators ("25,000", "1.500") is one word, so no gap stops at it
_TOKEN = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?!\w)|[^\W_]+|[^\w\s]")
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")


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
    """Split text[start:end] into words and single punctuation marks, keeping offsets.

    One C-level split yields gap, token, gap, token, ...; the running sum of their
    lengths gives every offset, so no match object or Python loop is made per token.
    """
    parts = _TOKEN_SPLIT.split(text[start:end] if start or end is not None else text)
    words = tuple(parts[1::2])
    offsets = tuple(accumulate(map(len, parts), initial=start))
    return Tokens(
        words=words,
        lower=tuple(map(str.lower, words)),
        starts=offsets[1 : 2 * len(words) : 2],
        ends=offsets[2::2],
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


def token_words(text: str) -> tuple[str, ...]:
    """Every token of text as written, when no offset is needed."""
    return tuple(_TOKEN.findall(text))


def token_key(phrase: str) -> tuple[str, ...]:
    """The lowercase token sequence a phrase is matched by."""
    return tuple(map(str.lower, _TOKEN.findall(phrase)))
