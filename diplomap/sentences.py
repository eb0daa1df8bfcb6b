"""Split an article into sentences whose spans index straight into its text.

Rules, in order, at each ".", "!", "?", "…" (with any closing quotes or brackets)
that is followed by whitespace:

1. A line break always ends a sentence, so the headline is sentence 0.
2. A next word that starts with a lowercase letter never starts a sentence.
3. "!", "?" and ellipses end the sentence otherwise.
4. After a period: a title ("Dr.", "Jend.", "No.") or a single capital initial
   ("Joe R. Biden") never ends a sentence; an abbreviation ("dll.", "etc.") or a
   dotted country abbreviation ("U.S.", "A.S.") ends one only when the next word is
   a common sentence starter ("The", "Namun"); any other word ends it.

The word lists live in data/abbreviations.yaml. Numbers such as "1.500" and "3.5"
are never split because no space follows their dots.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from diplomap.datafiles import read_yaml
from diplomap.model import Sentence

ABBREVIATIONS_FILE = Path(__file__).resolve().parent.parent / "data" / "abbreviations.yaml"
FALLBACK_LANGUAGE = "en"

_OPENERS = "\"'“‘«‹([{"
_LINE = re.compile(r"\S(?:[^\n]*\S)?")
_ENDERS = ".!?…"
_CANDIDATE = re.compile(r"[.!?…][\"'”’»›)\]}]*(?=\s|$)")
_NEXT_TOKEN = re.compile(r"\s*(\S+)")
_LEAD_WORD = re.compile(r"[^\W_]+")
_INITIAL = re.compile(r"[^\W\d_]")
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")


@dataclass(frozen=True)
class AbbreviationRules:
    """The word lists for one language, merged with the common ones."""

    titles: frozenset[str]
    abbreviations: frozenset[str]
    starters: frozenset[str]


def split_sentences(text: str, language: str = "en") -> tuple[Sentence, ...]:
    """Sentence spans without surrounding whitespace; each non-space character is in exactly one."""
    rules = abbreviation_rules(language)
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        spans.extend(_split_line(text, line.start(), line.end(), rules))
    return tuple(Sentence(index=i, start=s, end=e) for i, (s, e) in enumerate(spans))


def _split_line(text: str, start: int, end: int, rules: AbbreviationRules) -> list[tuple[int, int]]:
    """Spans of the sentences in one stripped line text[start:end]."""
    spans = []
    seen = start
    for m in _CANDIDATE.finditer(text, start, end):
        close = m.end()
        if close >= end:
            break
        token = text[seen : m.start() + 1].rsplit(None, 1)[-1]
        seen = close
        word = token.rstrip(_ENDERS)
        following = _NEXT_TOKEN.match(text, close, end)
        if following and _ends_sentence(word, token[len(word) :], following.group(1), rules):
            spans.append((start, close))
            start = following.start(1)
    spans.append((start, end))
    return spans


def _ends_sentence(word: str, punct: str, following: str, rules: AbbreviationRules) -> bool:
    """Whether the punctuation after `word` closes a sentence, given the next token."""
    nxt = following.lstrip(_OPENERS)
    if nxt[:1].islower():
        return False
    if punct != ".":
        return True
    word = word.lstrip(_OPENERS).rsplit("-", 1)[-1]  # 'then-U.S.' ends as 'U.S.' does
    if word in rules.titles or (_INITIAL.fullmatch(word) and word.isupper()):
        return False
    if word in rules.abbreviations or _DOTTED.fullmatch(word):
        return _is_starter(nxt, rules)
    return True


def _is_starter(token: str, rules: AbbreviationRules) -> bool:
    """Whether a token is one of the words that commonly open a sentence."""
    lead = _LEAD_WORD.match(token)
    return bool(lead) and lead.group().lower() in rules.starters


@cache
def abbreviation_rules(language: str) -> AbbreviationRules:
    """The merged word lists for a language; languages without a block use English."""
    blocks = load_abbreviations()
    own = blocks.get(language) or blocks.get(FALLBACK_LANGUAGE, {})
    common = blocks.get("common", {})

    def merged(*keys: str) -> set[str]:
        return {w for block in (common, own) for key in keys for w in block.get(key, ())}

    return AbbreviationRules(
        titles=frozenset(merged("titles")),
        abbreviations=frozenset(merged("abbreviations", "countries")),
        starters=frozenset(w.lower() for w in merged("starters")),
    )


@cache
def load_abbreviations(path: Path = ABBREVIATIONS_FILE) -> dict[str, dict[str, tuple[str, ...]]]:
    """Read data/abbreviations.yaml once, checking every entry is a word."""
    raw = read_yaml(path) or {}
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for lang, block in raw.items():
        out[lang] = {}
        for key, words in (block or {}).items():
            bad = [w for w in words or () if not isinstance(w, str)]
            if bad:
                raise ValueError(f"{path}: {lang}.{key} holds {bad[0]!r}; quote it as a string")
            out[lang][key] = tuple(w.rstrip(".") for w in words or ())
    return out
