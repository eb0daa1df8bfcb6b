"""The shared tokenizer: words, lowercase forms and offsets that index straight into the text."""

from __future__ import annotations

import pytest

from diplomap.text import (
    Tokens,
    span_tokens,
    text_tokens,
    token_key,
    token_words,
    tokenize,
)

CASES = [
    ("", []),
    ("   ", []),
    ("AS", [("AS", "as", 0, 2)]),
    (
        "  Joe R. Biden",
        [("Joe", "joe", 2, 5), ("R", "r", 6, 7), (".", ".", 7, 8), ("Biden", "biden", 9, 14)],
    ),
    ("snake_case", [("snake", "snake", 0, 5), ("case", "case", 6, 10)]),
    # thousands separators keep a number whole; a decimal comma or point does not
    ("1.500 km²", [("1.500", "1.500", 0, 5), ("km²", "km²", 6, 9)]),
    ("25,000 t", [("25,000", "25,000", 0, 6), ("t", "t", 7, 8)]),
    ("2,5 juta", [("2", "2", 0, 1), (",", ",", 1, 2), ("5", "5", 2, 3), ("juta", "juta", 4, 8)]),
    ("10.30", [("10", "10", 0, 2), (".", ".", 2, 3), ("30", "30", 3, 5)]),
    ("«Kyiv»—", [("«", "«", 0, 1), ("Kyiv", "kyiv", 1, 5), ("»", "»", 5, 6), ("—", "—", 6, 7)]),
    # "İ" lowercases to two characters; the offsets stay those of the text as written
    ("İSTANBUL ve", [("İSTANBUL", "i̇stanbul", 0, 8), ("ve", "ve", 9, 11)]),
    ("Nicolás\tMaduro\n", [("Nicolás", "nicolás", 0, 7), ("Maduro", "maduro", 8, 14)]),
]


def as_rows(tokens: Tokens) -> list[tuple[str, str, int, int]]:
    return list(zip(tokens.words, tokens.lower, tokens.starts, tokens.ends, strict=True))


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_tokens_keep_their_offsets(text: str, expected: list[tuple[str, str, int, int]]) -> None:
    tokens = tokenize(text)
    assert as_rows(tokens) == expected
    assert len(tokens) == len(expected)
    assert [text[s:e] for _, _, s, e in expected] == [w for w, _, _, _ in expected]
    assert token_words(text) == tuple(w for w, _, _, _ in expected)
    assert token_key(text) == tuple(lower for _, lower, _, _ in expected)


@pytest.mark.parametrize(
    ("start", "end"), [(0, None), (3, None), (0, 6), (2, 9), (6, 7), (9, 9), (12, 40), (30, None)]
)
def test_a_span_tokenizes_like_its_slice(start: int, end: int | None) -> None:
    text = "Sr. Jo_e, İzmir (x2) 3.5%  ok"
    sliced = as_rows(tokenize(text[start:end]))
    expected = [(w, lower, s + start, e + start) for w, lower, s, e in sliced]
    assert as_rows(tokenize(text, start, end)) == expected


@pytest.mark.parametrize(("start", "end"), [(0, 6), (6, 19), (11, 27), (0, 27), (0, 0), (27, 27)])
def test_span_tokens_cut_the_cached_tokens(start: int, end: int) -> None:
    text = "Rusia, dan Ukraina bertemu."
    assert span_tokens(text_tokens(text), start, end) == tokenize(text, start, end)


@pytest.mark.parametrize(
    ("phrase", "key"),
    [("Amerika Serikat", ("amerika", "serikat")), ("U.S.", ("u", ".", "s", ".")), ("", ())],
)
def test_token_key_is_the_lowercase_words(phrase: str, key: tuple[str, ...]) -> None:
    assert token_key(phrase) == key
