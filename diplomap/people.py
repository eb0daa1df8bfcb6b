"""People an article introduces by country and title, learned for that article only.

"Turkish Prime Minister Ahmet Davutoglu" or "Perdana Menteri Jepang Fumio Kishida"
tells the reader whose official this is; from then on "Davutoglu" alone stands for
Turkey. The titles are data (data/people.yaml); the people are never stored.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import operator
import re
from collections.abc import Iterable, Sequence

from diplomap.datafiles import read_yaml
from diplomap.lexicon import data_dir
from diplomap.model import Entity, Mention, Sentence
from diplomap.text import Tokens, text_tokens

MAX_TITLE = 6
MAX_NAME = 5
MIN_SURNAME = 3
MIN_GIVEN = 4
# the parts of a name: words and the pieces of hyphened ones
_NAME_PARTS = re.compile(r"[\s-]")
_WORD_BEFORE = re.compile(r"(\w+)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+(\w+)")
POSSESSIVE = frozenset({"'", "’", "s"})
UNTITLED = frozenset({"the", "of", "-"})
_START = operator.attrgetter("start")  # title words that make no title alone


@functools.cache
def load_titles() -> dict[str, frozenset[str]]:
    """Title words per language, and the words that may link the parts of a name."""
    raw = read_yaml(data_dir() / "people.yaml")
    return {key: frozenset(str(w).lower() for w in words) for key, words in raw.items()}


def learn_people(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    not_names: frozenset[str],
    language: str,
) -> tuple[tuple[Mention, ...], dict[str, Entity]]:
    """Mentions of people the article introduces, merged in text order, and their entities."""
    titles = load_titles()
    words = titles.get(language, titles["en"])
    toks = text_tokens(text)
    taken = {(m.start, m.end) for m in mentions}
    starts = {m.start for m in mentions}
    known = {m.start: m for m in mentions if m.kind == "person"}
    people: dict[str, Entity] = {}
    moved: dict[str, str] = {}
    for m in mentions:
        if m.kind != "country":
            continue
        found = _introduced(toks, m, words, titles["name_links"], not_names, starts)
        if found is None:
            continue
        person = known.get(found[0])
        if person is not None:
            if person.country != m.country:
                moved.setdefault(person.actor, m.country)
        elif found[1] > found[0]:
            name = text[found[0] : found[1]]
            people.setdefault(name, Entity(f"person:{name}", name, "person", m.country))
    if moved:
        mentions = [
            dataclasses.replace(x, country=moved[x.actor]) if x.actor in moved else x
            for x in mentions
        ]
    full = [(m.text, Entity(m.actor, m.text, "person", m.country)) for m in known.values()]
    given = _given_names([*full, *people.items()], _any_title(language))
    surnames = _surnames(full, _any_title(language))
    short = {w: e for w, e in {**surnames, **given}.items() if not (w in given and w in surnames)}
    # a short name said once is said only inside the full name: nothing to look for
    named = {w: e for w, e in short.items() if text.count(w) > 1}
    if not people and not named:
        return tuple(mentions), {}
    learned = [
        x
        for x in _occurrences(text, sentences, people, mentions, named)
        if (x.start, x.end) not in taken
    ]
    entities = {e.id: e for e in people.values()}
    if not learned:
        return tuple(mentions), entities
    return tuple(sorted([*mentions, *learned], key=_START)), entities


def _introduced(
    toks: Tokens,
    mention: Mention,
    titles: frozenset[str],
    links: frozenset[str],
    not_names: frozenset[str],
    mention_starts: set[int],
) -> tuple[int, int] | None:
    """The span of the name a country mention introduces, with a title before or after it;
    an empty span at a known name's start when the title introduces someone known."""
    lower = toks.lower
    count = len(lower)
    i = bisect.bisect_left(toks.starts, mention.end)
    while i < count and lower[i] in POSSESSIVE:
        i += 1
    j = i
    while j < count and j - i < MAX_TITLE and lower[j] in titles:
        j += 1
    before = bisect.bisect_left(toks.starts, mention.start) - 1
    titled = before >= 0 and lower[before] in titles and lower[before] != "the"
    if not titled and (i == j or all(lower[k] in UNTITLED for k in range(i, j))):
        return None
    if j < len(toks.words) and toks.words[j] == ",":
        j += 1
    if j < len(toks.words) and toks.starts[j] in mention_starts:
        return toks.starts[j], toks.starts[j]
    return _name_at(toks, j, links, not_names, mention_starts)


def _name_at(
    toks: Tokens, j: int, links: frozenset[str], not_names: frozenset[str], mention_starts: set[int]
) -> tuple[int, int] | None:
    """Capitalised words from token j on, joined by name links: a person's name."""
    first = j
    last = None
    while j < len(toks.words) and j - first < MAX_NAME * 2:
        word = toks.words[j]
        if toks.starts[j] in mention_starts or toks.lower[j] in not_names:
            break
        if word[:1].isupper() and word.isalpha():
            last = j
        elif not (toks.lower[j] in links and last is not None):
            break
        elif word == "." and len(toks.words[last]) > 2:
            break  # 'Chaiyaporn. Maris': a full stop joins only an initial ('J. Smith')
        j += 1
    if last is None or last - first + 1 > MAX_NAME * 2:
        return None
    return toks.starts[first], toks.ends[last]


@functools.cache
def _any_title(language: str) -> frozenset[str]:
    """Title words of the article's language and of English, which its news borrows."""
    titles = load_titles()
    return titles["en"] | titles.get(language, titles["en"])


def _given_names(people: Iterable[tuple[str, Entity]], titles: frozenset[str]) -> dict[str, Entity]:
    """'Retno' after 'Retno Marsudi', 'Phumtham' after 'Phumtham Wechayachai', as
    Indonesian and Thai news name people: the given names of the people the article names
    in full, four letters or more, one person's alone, and no title ('Sheikh')."""
    return _short_names(people, titles, 0, MIN_GIVEN)


def _surnames(people: Iterable[tuple[str, Entity]], titles: frozenset[str]) -> dict[str, Entity]:
    """'Ali' after 'Guyanese President Irfaan Ali': the last names of the known people the
    article names in full, as for the people it introduces; one person's alone."""
    return _short_names(people, titles, -1, MIN_SURNAME)


def _short_names(
    people: Iterable[tuple[str, Entity]], titles: frozenset[str], at: int, shortest: int
) -> dict[str, Entity]:
    """The word `at` (0 the first, -1 the last) of each name of several words, where it is
    a capitalised word of `shortest` letters or more, no title, and one person's alone."""
    owners: dict[str, dict[str, Entity]] = {}
    for name, entity in people:
        words = _NAME_PARTS.split(name)
        word = words[at]
        if (
            len(words) > 1
            and len(word) >= shortest
            and word.isalpha()
            and word[:1].isupper()
            and word.lower() not in titles
        ):
            owners.setdefault(word, {})[entity.id] = entity
    return {word: next(iter(o.values())) for word, o in owners.items() if len(o) == 1}


def _in_longer_name(text: str, start: int, end: int) -> bool:
    """'Jaish-e-Mohammed', 'Mohammed Deif': a given name joined to another capitalised word
    is part of some other name."""
    before = _WORD_BEFORE.search(text, 0, start)
    after = _WORD_AFTER.match(text, end)
    return bool(
        (start and text[start - 1] in "-‐'’")
        or (before and before.group(1)[:1].isupper())
        or (after and after.group(1)[:1].isupper())
    )


def _occurrences(
    text: str,
    sentences: Sequence[Sentence],
    people: dict[str, Entity],
    mentions: Sequence[Mention],
    given: dict[str, Entity],
) -> list[Mention]:
    """Every place the article names a learned person, by full name or surname, and a
    person by a given name (_given_names) that no surname claims."""
    forms: dict[str, Entity] = {}
    for name, entity in people.items():
        forms[name] = entity
        surname = _NAME_PARTS.split(name)[-1]
        if len(surname) >= MIN_SURNAME and surname[:1].isupper():
            forms.setdefault(surname, entity)
    loose = {word for word in given if word not in forms}
    forms.update((word, given[word]) for word in loose)
    pattern = re.compile(
        r"(?<!\w)(?:"
        + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        + r")(?!\w)"
    )
    spans = sorted((m.start, m.end) for m in mentions)
    sentence_starts = [s.start for s in sentences]
    out = []
    for hit in pattern.finditer(text):
        k = bisect.bisect_right(spans, (hit.start(), float("inf"))) - 1
        if k >= 0 and spans[k][1] > hit.start():
            continue
        if k + 1 < len(spans) and spans[k + 1][0] < hit.end():
            continue
        if hit.group() in loose and _in_longer_name(text, hit.start(), hit.end()):
            continue
        entity = forms[hit.group()]
        index = max(bisect.bisect_right(sentence_starts, hit.start()) - 1, 0)
        out.append(
            Mention(hit.start(), hit.end(), hit.group(), entity.id, "person", entity.country, index)
        )
    return out
