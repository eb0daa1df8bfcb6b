"""Countries, people and bodies by name, and the matcher that finds them in a text.

Country names come from CLDR through data/gazetteer/countries.json; everything else is
curated in data/gazetteer/aliases.yaml, whose header (and README.md next to it) states
the matching rules: whole tokens only, all-caps names in capitals only, every
capitalised word of a name capitalised in the text, accents ignored, longest match
first, never overlapping, plus per-name guards.

The matcher reads the whole text's cached tokens (`text_tokens`, shared with the tie
extractor), keeps the tokens that start a name in one C-level pass, settles one-word
names that need only a capital with one more lookup, and skips a guard's phrase checks
when none of its words is near.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress
from pathlib import Path
from typing import Any

import diplomap.model
import diplomap.text
from diplomap.datafiles import read_yaml, stored
from diplomap.model import Entity, Mention, Sentence
from diplomap.text import Tokens, text_tokens, token_key, token_words

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DATA_DIR_ENV = "DIPLOMAP_DATA"
UNKNOWN_LANGUAGE = "und"

SECTION_KINDS = {
    "people": "person",
    "organizations": "organization",
    "companies": "company",
    "agencies": "agency",
    "media": "media",
}
COUNTRY_LISTS = ("names", "capitals", "seats", "demonyms")
ENTRY_FIELDS = frozenset(
    ("id", "name", "name_id", "country", "role", "years", "represents", "names")
)
GUARD_PHRASES = ("reject_prev", "reject_next", "reject_near", "require_near")
GUARD_FLAGS = ("reject_prev_capitalized", "reject_next_capitalized", "skip_in_uppercase")
GUARD_FIELDS = frozenset({"alias", "window", "languages", *GUARD_PHRASES, *GUARD_FLAGS})
DEFAULT_WINDOW = 1
NYA = "nya"

_ID = re.compile(r"[A-Z][A-Z0-9_]*\Z")
_NO_PLURAL = re.compile(r"(?:s|sh|ch|ese|x|z)\Z", re.IGNORECASE)
_SAINT = re.compile(r"\bSt\. ")
Phrases = tuple[tuple[str, ...], ...]
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "＇": "'"})
_NEW = object.__new__
_SET = object.__setattr__
_FOLDABLE = re.compile(r"[^\x00-\x7f\u00a0\u2010-\u2015\u201c-\u201f\u2026\u00ab\u00bb]")


@dataclass(frozen=True, slots=True)
class Guard:
    """Extra conditions on names that are also words, first names or US states.

    `words` holds every word of the phrases, so a name with none of them within reach
    skips the phrase checks.
    """

    names: tuple[str, ...]
    reject_prev: Phrases = ()
    reject_next: Phrases = ()
    reject_near: Phrases = ()
    require_near: Phrases = ()
    reject_prev_capitalized: bool = False
    reject_next_capitalized: bool = False
    skip_in_uppercase: bool | None = None
    window: int = DEFAULT_WINDOW
    languages: frozenset[str] = frozenset()
    longest: int = 0
    words: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Alias:
    """One written form of a name, compiled for matching.

    `exact` holds the tokens of an all-caps name, matched case-sensitively; otherwise
    `capitals` lists the token positions that must start with a capital in the text.
    `entity` is None for an `ignore` phrase, which is matched and then dropped.
    """

    text: str
    entity: str | None
    exact: tuple[str, ...] | None
    capitals: tuple[int, ...]
    curated: bool
    skip_upper: bool = False
    guards: tuple[Guard, ...] = ()


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Every entity by id, the CLDR country records, and the compiled name table.

    `aliases` maps a name's folded token tuple to its candidate forms; `lengths` maps a
    folded first token to the token lengths of the names it starts, longest first;
    `nya_lengths` adds the Indonesian '-nya' forms of one-word names ("rusianya");
    `plain` maps the first token of a one-word name that only needs its capital (one
    form, no guard, no longer name) to its entity, so most hits skip the general check.
    """

    entities: Mapping[str, Entity]
    countries: Mapping[str, Mapping[str, Any]]
    aliases: Mapping[tuple[str, ...], tuple[Alias, ...]]
    lengths: Mapping[str, tuple[int, ...]]
    nya_lengths: Mapping[str, tuple[int, ...]]
    plain: Mapping[str, str]
    not_names: frozenset[str]
    names_of: Mapping[str, tuple[str, ...]]


def load_gazetteer(data_dir: Path | None = None) -> Gazetteer:
    """The gazetteer from data_dir, $DIPLOMAP_DATA or the repository's data/, loaded once."""
    if data_dir is None:
        data_dir = os.environ.get(DATA_DIR_ENV) or DEFAULT_DATA_DIR
    return _load(_resolved(os.fspath(data_dir), os.getcwd()))


@lru_cache(maxsize=64)
def _resolved(data_dir: str, cwd: str) -> Path:
    """The folder's real path, looked up once: resolving costs a system call per component."""
    return (Path(cwd) / data_dir).resolve()


def entity(gazetteer: Gazetteer, entity_id: str) -> Entity:
    """The entity with this id (ISO3 for countries), with a clear error if unknown."""
    try:
        return gazetteer.entities[entity_id]
    except KeyError:
        raise KeyError(f"no gazetteer entity {entity_id!r}") from None


def country_names(gazetteer: Gazetteer) -> dict[str, tuple[str, str]]:
    """ISO3 -> (English name, Indonesian name) for every country."""
    return {iso3: (c["name_en"], c["name_id"]) for iso3, c in gazetteer.countries.items()}


def resolve_id(gazetteer: Gazetteer, target: str) -> str | None:
    """The entity id a front-matter alias points to: an id, an ISO2 code or an entity's name."""
    key = target.strip()
    if key in gazetteer.entities:
        return key
    return _targets(gazetteer).get(fold(key.lower()))


def unknown_aliases(
    gazetteer: Gazetteer, extra_aliases: Iterable[tuple[str, str]]
) -> tuple[tuple[str, str], ...]:
    """The (alias, target) pairs whose target names no entity; find_mentions skips them."""
    return tuple((a, t) for a, t in extra_aliases if resolve_id(gazetteer, str(t)) is None)


def fold(word: str) -> str:
    """A lowercase token as names are compared: no accents, straight apostrophes."""
    if word.isascii():
        return word
    word = unicodedata.normalize("NFKD", word.translate(_APOSTROPHES))
    return "".join(c for c in word if not unicodedata.combining(c))


def name_key(name: str) -> tuple[str, ...]:
    """The folded token tuple a name is looked up by."""
    return tuple(fold(t) for t in token_key(name))


def find_mentions(
    text: str,
    sentences: Sequence[Sentence],
    gazetteer: Gazetteer,
    *,
    language: str = "en",
    extra_aliases: Iterable[tuple[str, str]] = (),
) -> tuple[Mention, ...]:
    """Every known name in text, in text order, longest first and never overlapping.

    `extra_aliases` are (alias, target) pairs from an article's front matter, where the
    target is an entity id, an ISO2 code or an entity's name; they override the
    gazetteer for this call only. Pairs whose target is unknown are skipped (list them
    with `unknown_aliases` to warn the user).
    """
    extras = tuple((str(a), str(t)) for a, t in extra_aliases)
    table, lengths, nya_lengths, plain = (
        _with_extras(gazetteer, extras)
        if extras
        else (gazetteer.aliases, gazetteer.lengths, gazetteer.nya_lengths, gazetteer.plain)
    )
    nya = language == "id"
    tokens = text_tokens(text)
    keys = tokens.lower
    if not text.isascii() and _FOLDABLE.search(text):
        keys = tuple(k if k.isascii() else fold(k) for k in keys)
    starts_name = nya_lengths if nya else lengths
    candidates = list(compress(range(len(keys)), map(starts_name.__contains__, keys)))
    if not candidates:
        return ()
    scan = _Scan(text, tokens, keys, sentences, language, gazetteer, table, nya)
    found: list[Mention] = []
    skip = 0
    words = tokens.words
    for i in candidates:
        if i < skip:
            continue
        key = keys[i]
        entity_id = plain.get(key)
        if entity_id is not None:
            if words[i][0].isupper():
                found.append(scan.mention(i, 1, entity_id, False))
            continue
        hit = scan.longest(i, starts_name[key])
        if hit is None:
            continue
        alias, n, stemmed = hit
        skip = i + n
        if alias.entity is not None:
            found.append(scan.mention(i, n, alias.entity, stemmed))
    return tuple(found)


class _Scan:
    """One text being matched: its tokens, sentences and the checks that need context."""

    def __init__(
        self,
        text: str,
        tokens: Tokens,
        keys: tuple[str, ...],
        sentences: Sequence[Sentence],
        language: str,
        gazetteer: Gazetteer,
        table: Mapping[tuple[str, ...], tuple[Alias, ...]],
        nya: bool,
    ) -> None:
        self.text = text
        self.words = tokens.words
        self.token_starts = tokens.starts
        self.token_ends = tokens.ends
        self.keys = keys
        self.sentences = tuple(sentences) or (Sentence(0, 0, len(text)),)
        self.starts = [s.start for s in self.sentences]
        self.language = language
        self.gazetteer = gazetteer
        self.table = table
        self.nya = nya
        self.upper: dict[int, bool] = {}
        self.current = self.sentences[0]

    def longest(self, i: int, sizes: tuple[int, ...]) -> tuple[Alias, int, bool] | None:
        """The longest acceptable name at token i: the form, its length, whether '-nya' was cut."""
        keys = self.keys
        table = self.table
        for n in sizes:
            if i + n > len(keys):
                continue
            key = keys[i : i + n]
            for alias in table.get(key, ()):
                if self.accepts(alias, i, n):
                    return alias, n, False
            if self.nya and key[-1].endswith(NYA):
                for alias in table.get((*key[:-1], key[-1][: -len(NYA)]), ()):
                    if alias.exact is None and self.accepts(alias, i, n):
                        return alias, n, True
        return None

    def accepts(self, alias: Alias, i: int, n: int) -> bool:
        """Whether the text at tokens i..i+n is written the way this form demands."""
        words = self.words
        if alias.exact is not None:
            for p, word in enumerate(alias.exact):
                if words[i + p] != word:
                    return False
        else:
            for p in alias.capitals:
                if not words[i + p][0].isupper():
                    return False
        if alias.skip_upper and self.uppercase(i):
            return False
        return all(not self.rejected(guard, i, i + n) for guard in alias.guards)

    def rejected(self, guard: Guard, i: int, j: int) -> bool:
        """Whether a guard rules out the name spanning tokens i..j."""
        return (
            self.wrong_language(guard) or self.near_words(guard, i, j) or self.in_name(guard, i, j)
        )

    def wrong_language(self, guard: Guard) -> bool:
        """Whether the article's known language is not one the guard allows."""
        allowed = guard.languages
        return bool(allowed) and self.language not in allowed and self.language != UNKNOWN_LANGUAGE

    def near_words(self, guard: Guard, i: int, j: int) -> bool:
        """Whether the words around the name rule it out (or a required one is missing)."""
        if not guard.longest:
            return False
        window = guard.window
        reach = window + guard.longest - 1
        if not guard.require_near and guard.words.isdisjoint(
            self.keys[max(i - reach, 0) : j + reach]
        ):
            return False
        near = guard.reject_near or guard.require_near
        before = self.before(i, reach) if guard.reject_prev or near else ()
        after = self.after(j, reach) if guard.reject_next or near else ()
        if _ends_within(before, guard.reject_prev, window):
            return True
        if _starts_within(after, guard.reject_next, window):
            return True
        if guard.reject_near and (
            _ends_within(before, guard.reject_near, window)
            or _starts_within(after, guard.reject_near, window)
        ):
            return True
        return bool(guard.require_near) and not (
            _ends_within(before, guard.require_near, window)
            or _starts_within(after, guard.require_near, window)
        )

    def in_name(self, guard: Guard, i: int, j: int) -> bool:
        """Whether a capitalised neighbour makes the name part of a person's name."""
        if not (guard.reject_prev_capitalized or guard.reject_next_capitalized) or self.uppercase(
            i
        ):
            return False
        sentence = self.sentence_at(self.token_starts[i])
        before = (
            guard.reject_prev_capitalized
            and i > 0
            and self.token_starts[i - 1] >= sentence.start
            and self.is_name(i - 1)
        )
        after = (
            guard.reject_next_capitalized
            and j < len(self.keys)
            and self.token_ends[j] <= sentence.end
            and self.is_name(j)
        )
        return before or after

    def before(self, i: int, size: int) -> tuple[str, ...]:
        """Up to `size` folded tokens before token i, within its sentence."""
        floor = self.sentence_at(self.token_starts[i]).start
        lo = max(i - size, 0)
        while lo < i and self.token_starts[lo] < floor:
            lo += 1
        return tuple(self.keys[lo:i])

    def after(self, j: int, size: int) -> tuple[str, ...]:
        """Up to `size` folded tokens from token j on, within the sentence before it."""
        if j >= len(self.keys):
            return ()
        ceiling = self.sentence_at(self.token_starts[j - 1]).end
        hi = min(j + size, len(self.keys))
        while hi > j and self.token_ends[hi - 1] > ceiling:
            hi -= 1
        return tuple(self.keys[j:hi])

    def is_name(self, k: int) -> bool:
        """Whether token k looks like part of a person's name: capitalised, not a known word."""
        first = self.words[k][0]
        return first.isupper() and first.isalpha() and self.keys[k] not in self.gazetteer.not_names

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding a text offset (or the nearest one before it)."""
        current = self.current
        if current.start <= offset < current.end:
            return current
        self.current = self.sentences[max(bisect_right(self.starts, offset) - 1, 0)]
        return self.current

    def uppercase(self, i: int) -> bool:
        """Whether the sentence holding token i is written entirely in capitals."""
        sentence = self.sentence_at(self.token_starts[i])
        cached = self.upper.get(sentence.index)
        if cached is None:
            cached = self.upper[sentence.index] = self.text[sentence.start : sentence.end].isupper()
        return cached

    def mention(self, i: int, n: int, entity_id: str, stemmed: bool) -> Mention:
        start = self.token_starts[i]
        end = self.token_ends[i + n - 1] - (len(NYA) if stemmed else 0)
        found = self.gazetteer.entities[entity_id]
        sentence = self.sentence_at(start).index
        return _new_mention(
            start, end, self.text[start:end], entity_id, found.kind, found.country, sentence
        )


def _new_mention(
    start: int, end: int, text: str, actor: str, kind: str, country: str | None, sentence: int
) -> Mention:
    """Mention(...) in half the time: a frozen dataclass sets each field by object.__setattr__."""
    mention = _NEW(Mention)
    _SET(
        mention,
        "__dict__",
        {
            "start": start,
            "end": end,
            "text": text,
            "actor": actor,
            "kind": kind,
            "country": country,
            "sentence": sentence,
        },
    )
    return mention


def _ends_within(before: tuple[str, ...], phrases: Phrases, window: int) -> bool:
    """Whether a phrase ends within `window` tokens of the end of `before`."""
    for phrase in phrases:
        n = len(phrase)
        if n == 1:
            if phrase[0] in before[-window:]:
                return True
            continue
        stop = len(before) - n
        if any(before[k : k + n] == phrase for k in range(max(stop - window + 1, 0), stop + 1)):
            return True
    return False


def _starts_within(after: tuple[str, ...], phrases: Phrases, window: int) -> bool:
    """Whether a phrase starts within the first `window` tokens of `after`."""
    for phrase in phrases:
        n = len(phrase)
        if n == 1:
            if phrase[0] in after[:window]:
                return True
            continue
        if any(after[k : k + n] == phrase for k in range(min(window, len(after) - n + 1))):
            return True
    return False


@lru_cache(maxsize=64)
def _with_extras(
    gazetteer: Gazetteer, extras: tuple[tuple[str, str], ...]
) -> tuple[
    dict[tuple[str, ...], tuple[Alias, ...]],
    dict[str, tuple[int, ...]],
    dict[str, tuple[int, ...]],
    dict[str, str],
]:
    """The gazetteer's tables plus an article's own aliases, which win over the gazetteer's."""
    table = dict(gazetteer.aliases)
    lengths = dict(gazetteer.lengths)
    for text, target in extras:
        entity_id = resolve_id(gazetteer, target)
        alias, key = _compile(text, entity_id, curated=True)
        if entity_id is None or not key:
            continue
        table[key] = (alias, *(a for a in table.get(key, ()) if not _same_form(a, alias)))
        lengths[key[0]] = tuple(sorted({*lengths.get(key[0], ()), len(key)}, reverse=True))
    return table, lengths, _nya_lengths(table, lengths), _plain(table, lengths)


def _nya_lengths(
    aliases: Mapping[tuple[str, ...], tuple[Alias, ...]], lengths: Mapping[str, tuple[int, ...]]
) -> dict[str, tuple[int, ...]]:
    """`lengths` plus 'rusianya' -> (1,) for each one-word name, for Indonesian text."""
    out = dict(lengths)
    for key in aliases:
        if len(key) == 1:
            out.setdefault(key[0] + NYA, (1,))
    return out


def _plain(
    aliases: Mapping[tuple[str, ...], tuple[Alias, ...]], lengths: Mapping[str, tuple[int, ...]]
) -> dict[str, str]:
    """One-word names whose only check is a capital first letter: folded token -> entity."""
    out = {}
    for first, sizes in lengths.items():
        forms = aliases.get((first,), ())
        if sizes != (1,) or len(forms) != 1 or first.endswith(NYA):
            continue
        (alias,) = forms
        plain = alias.exact is None and alias.capitals == (0,)
        if plain and alias.entity and not (alias.skip_upper or alias.guards):
            out[first] = alias.entity
    return out


@cache
def _targets(gazetteer: Gazetteer) -> dict[str, str]:
    """Folded ids, ISO2 codes and entity names -> entity id, for front-matter aliases."""
    out: dict[str, str] = {}
    for e in gazetteer.entities.values():
        for name in (e.name_id, e.name):
            if name:
                out.setdefault(fold(name.lower()), e.id)
    for iso3, record in gazetteer.countries.items():
        out[fold(str(record["iso2"]).lower())] = iso3
    for entity_id in gazetteer.entities:
        out[entity_id.lower()] = entity_id
    return out


@cache
def _load(data_dir: Path) -> Gazetteer:
    countries_path = data_dir / "gazetteer" / "countries.json"
    aliases_path = data_dir / "gazetteer" / "aliases.yaml"
    code = [__file__, diplomap.model.__file__, diplomap.text.__file__]
    sources = [countries_path, aliases_path, *code]
    return stored("gazetteer", sources, lambda: _build(countries_path, aliases_path))


def _build(countries_path: Path, aliases_path: Path) -> Gazetteer:
    records = json.loads(countries_path.read_text(encoding="utf-8"))
    curated = _read_yaml(aliases_path)
    builder = _Builder(str(aliases_path))
    builder.add_countries(records)
    builder.add_curated(curated)
    return builder.build(curated)


def _read_yaml(path: Path) -> dict[str, Any]:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of sections at the top")
    return data


def _compile(text: str, entity_id: str | None, *, curated: bool) -> tuple[Alias, tuple[str, ...]]:
    """One written form and its key: all-caps forms match exactly, others by their capitals."""
    words = token_words(text)
    key = tuple(fold(w.lower()) for w in words)
    if text.upper() == text and any(map(str.isalpha, text)):
        return Alias(text, entity_id, words, (), curated, skip_upper=_is_short_caps(words)), key
    capitals = tuple(p for p, w in enumerate(words) if w[0].isupper())
    return Alias(text, entity_id, None, capitals, curated), key


def _is_short_caps(exact: tuple[str, ...]) -> bool:
    """Two-letter capitals (AS, US, UN) are words too in an all-caps headline."""
    return len(exact) == 1 and len(exact[0]) <= 2


def _same_form(a: Alias, b: Alias) -> bool:
    """Whether two forms of one token key would match the same text."""
    return a.exact == b.exact


def _cldr_forms(name: str) -> list[str]:
    """A CLDR name with '&' also as 'and'/'dan' and 'St.' also as 'Saint'."""
    forms = [name]
    if "&" in name:
        forms += [name.replace("&", "and"), name.replace("&", "dan")]
    if _SAINT.search(name):
        forms += [_SAINT.sub("Saint ", f) for f in forms]
    return forms


def _with_plural(demonym: str) -> list[str]:
    """A demonym and its English -s plural, where that plural is regular."""
    return [demonym] if _NO_PLURAL.search(demonym) else [demonym, demonym + "s"]


class _Builder:
    """Collects entities and forms, checks the curated file, and compiles the tables."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.entities: dict[str, Entity] = {}
        self.countries: dict[str, dict[str, Any]] = {}
        self.forms: dict[tuple[str, ...], list[Alias]] = {}
        self.names_of: dict[str, list[str]] = {}

    def fail(self, problem: str) -> ValueError:
        return ValueError(f"{self.where}: {problem}")

    def add_countries(self, records: list[dict[str, Any]]) -> None:
        for record in records:
            iso3 = record["iso3"]
            self.countries[iso3] = record
            self.entities[iso3] = Entity(
                id=iso3,
                name=record["name_en"],
                kind="country",
                country=iso3,
                name_id=record["name_id"],
            )
            names = (record["name_en"], record["name_id"], *record["names_en"], *record["names_id"])
            for form in dict.fromkeys(f for name in names for f in _cldr_forms(name)):
                self.add(form, iso3, curated=False)

    def add_curated(self, data: dict[str, Any]) -> None:
        unknown = set(data) - {"countries", "ignore", "not_names", "guards", *SECTION_KINDS}
        if unknown:
            raise self.fail(f"unknown section(s) {sorted(unknown)}")
        for iso3, lists in (data.get("countries") or {}).items():
            self.add_country_names(str(iso3), lists)
        for phrase in self.strings(data.get("ignore"), "ignore"):
            self.add(phrase, None, curated=True)
        for section, kind in SECTION_KINDS.items():
            for entry in data.get(section) or ():
                self.add_entry(section, kind, entry)

    def add_country_names(self, iso3: str, lists: Any) -> None:
        if iso3 not in self.countries:
            raise self.fail(f"countries: {iso3!r} is not an ISO3 code in countries.json")
        if not isinstance(lists, dict) or set(lists) - set(COUNTRY_LISTS):
            raise self.fail(f"countries: {iso3} may only have the lists {', '.join(COUNTRY_LISTS)}")
        for field in COUNTRY_LISTS:
            for name in self.strings(lists.get(field), f"countries: {iso3}: {field}"):
                for form in _with_plural(name) if field == "demonyms" else [name]:
                    self.add(form, iso3, curated=True)

    def add_entry(self, section: str, kind: str, entry: Any) -> None:
        if not isinstance(entry, dict) or "id" not in entry:
            raise self.fail(f"{section}: every entry needs an id, got {entry!r}")
        entity_id = entry["id"]
        where = f"{section}: {entity_id}"
        if set(entry) - ENTRY_FIELDS:
            raise self.fail(f"{where}: unknown field(s) {sorted(set(entry) - ENTRY_FIELDS)}")
        if not isinstance(entity_id, str) or not _ID.match(entity_id):
            raise self.fail(f"{where}: ids are UPPER_SNAKE_CASE")
        if entity_id in self.entities:
            raise self.fail(f"{where}: the id is already used")
        country = entry.get("country")
        if country is not None and country not in self.countries:
            raise self.fail(f"{where}: country {country!r} is not an ISO3 code in countries.json")
        represents = entry.get("represents", True)
        if not isinstance(represents, bool):
            raise self.fail(f"{where}: represents is true or false")
        names = self.strings(entry.get("names"), f"{where}: names")
        if not names or not isinstance(entry.get("name"), str):
            raise self.fail(f"{where}: needs a name and a non-empty list of names")
        self.entities[entity_id] = Entity(
            id=entity_id,
            name=entry["name"],
            kind=kind,
            country=country,
            represents=represents,
            years=self.years(entry.get("years"), where),
            name_id=entry.get("name_id"),
        )
        for name in names:
            self.add(name, entity_id, curated=True)

    def years(self, value: Any, where: str) -> tuple[int | None, int | None] | None:
        if value is None:
            return None
        ok = isinstance(value, list) and len(value) == 2
        if not ok or not all(v is None or isinstance(v, int) for v in value):
            raise self.fail(f"{where}: years is [start, end] with end null while in office")
        return value[0], value[1]

    def strings(self, value: Any, where: str) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(f"{where}: expected a list, got {value!r}")
        for v in value:
            if not isinstance(v, str) or not v.strip():
                raise self.fail(f"{where}: {v!r} is not a word (quote No, On, Yes and numbers)")
        return value

    def add(self, text: str, entity_id: str | None, *, curated: bool) -> None:
        """Register one form; a curated form overrides CLDR, two curated owners are an error."""
        alias, key = _compile(text, entity_id, curated=curated)
        if not key:
            raise self.fail(f"the name {text!r} has no words")
        forms = self.forms.setdefault(key, [])
        for k, old in enumerate(forms):
            if not _same_form(old, alias):
                continue
            if old.entity == entity_id:
                shared = tuple(p for p in old.capitals if p in alias.capitals)
                if shared != old.capitals or curated != old.curated:
                    forms[k] = Alias(old.text, entity_id, old.exact, shared, True, old.skip_upper)
            elif old.curated and curated:
                raise self.fail(f"the name {text!r} is given to both {old.entity} and {entity_id}")
            elif curated:
                forms[k] = alias
            break
        else:
            forms.append(alias)
        if entity_id is not None:
            self.names_of.setdefault(entity_id, []).append(text)

    def guard(self, raw: Any) -> Guard:
        if not isinstance(raw, dict) or "alias" not in raw:
            raise self.fail(f"guards: every guard needs an alias, got {raw!r}")
        names = raw["alias"] if isinstance(raw["alias"], list) else [raw["alias"]]
        where = f"guards: {raw['alias']}"
        for name in self.strings(names, where):
            if name_key(name) not in self.forms:
                raise self.fail(f"{where}: no entry has the name {name!r}")
        if set(raw) - GUARD_FIELDS:
            raise self.fail(f"{where}: unknown field(s) {sorted(set(raw) - GUARD_FIELDS)}")
        phrases = {
            f: tuple(name_key(p) for p in self.strings(raw.get(f), f"{where}: {f}"))
            for f in GUARD_PHRASES
        }
        flags = {f: raw[f] for f in GUARD_FLAGS if f in raw}
        if not all(isinstance(v, bool) for v in flags.values()):
            raise self.fail(f"{where}: {', '.join(GUARD_FLAGS)} are true or false")
        window = raw.get("window", DEFAULT_WINDOW)
        if not isinstance(window, int) or window < 1:
            raise self.fail(f"{where}: window is a whole number of words, at least 1")
        languages = frozenset(self.strings(raw.get("languages"), f"{where}: languages"))
        longest = max((len(p) for ps in phrases.values() for p in ps), default=0)
        words = frozenset(w for ps in phrases.values() for p in ps for w in p)
        return Guard(
            tuple(names),
            **phrases,
            **flags,
            window=window,
            languages=languages,
            longest=longest,
            words=words,
        )

    def build(self, data: dict[str, Any]) -> Gazetteer:
        guards: dict[tuple[str, ...], list[Guard]] = {}
        for raw in data.get("guards") or ():
            guard = self.guard(raw)
            for name in guard.names:
                guards.setdefault(name_key(name), []).append(guard)
        aliases: dict[tuple[str, ...], tuple[Alias, ...]] = {}
        for key, forms in self.forms.items():
            found = guards.get(key)
            aliases[key] = tuple(_guarded(a, found) for a in forms) if found else tuple(forms)
        sizes: dict[str, set[int]] = {}
        for key in aliases:
            sizes.setdefault(key[0], set()).add(len(key))
        not_names = {
            k[0] for k, forms in aliases.items() if len(k) == 1 and any(a.entity for a in forms)
        }
        for word in self.strings(data.get("not_names"), "not_names"):
            not_names.update(name_key(word))
        lengths = {first: tuple(sorted(s, reverse=True)) for first, s in sizes.items()}
        return Gazetteer(
            entities=self.entities,
            countries=self.countries,
            aliases=aliases,
            lengths=lengths,
            nya_lengths=_nya_lengths(aliases, lengths),
            plain=_plain(aliases, lengths),
            not_names=frozenset(not_names),
            names_of={k: tuple(dict.fromkeys(v)) for k, v in self.names_of.items()},
        )


def _guarded(alias: Alias, guards: list[Guard]) -> Alias:
    """The form with its guards, and their say on all-caps sentences."""
    skip = alias.skip_upper
    for guard in guards:
        if guard.skip_in_uppercase is not None:
            skip = guard.skip_in_uppercase
    a = alias
    return Alias(a.text, a.entity, a.exact, a.capitals, a.curated, skip, tuple(guards))
