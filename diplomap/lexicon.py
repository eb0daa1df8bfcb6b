"""Cue lexicons per language, loaded from data/cues/<lang>.yaml and indexed for fast lookup."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from diplomap.datafiles import read_yaml
from diplomap.model import TIE_TYPES
from diplomap.text import token_key

GAP = "..."
HYPHENS = frozenset({"-", "–", "—"})
GAP_WIDTH = 10
# a gap never runs past these: "membebaskan ... tahanan" stops at the comma
GAP_STOPS = frozenset({",", ";", ":"})
ROLES = ("verbs", "passives", "nouns", "relations")
# the keys read word by word, each kept under its own name in the Lexicon
WORD_KEYS = [
    "negators",
    "object_preps",
    "agent_preps",
    "source_preps",
    "recipient_markers",
    "blocking_preps",
    "between",
    "passive_markers",
    "clause_breaks",
    "fillers",
    "agent_pronouns",
    "relatives",
    "person_pronouns",
    "carry_words",
    "threat_modals",
    "determiners",
    "conditions",
    "demand_modals",
    "reporting",
    "appeal_types",
    "retaliation",
    "undoing",
    "victim_nouns",
    "appositive_openers",
    "title_links",
    "denials_passive",
    "complementizers",
    "control_words",
    "resumptive",
    "participle_endings",
    "object_pronouns",
    "origin_words",
    "place_preps",
    "topic_preps",
    "manner_preps",
    "place_nouns",
    "future_modals",
    "own_pronouns",
]
# every key a cue file may hold (data/cues/README.md explains each)
FILE_KEYS = frozenset(WORD_KEYS) | {
    "language",
    "nominal_agent",
    "of_agent",
    "coordinators",
    "pair_anaphora",
    "group_anaphora",
    "epithets",
    "home_bodies",
    "home_country",
    "group_references",
    "similar_acts",
    "gratitude",
    "denials",
    "demand_type",
    "not_cues",
    "ultimatums",
    "types",
}
TYPE_FIELDS = frozenset(ROLES) | {
    "when_negated",
    "labels",
    "reciprocal",
    "symmetric",
    "mediating",
    "receiving",
}
LABEL_FIELDS = frozenset({"verbs", "words"})


@dataclass(frozen=True)
class Cue:
    """One cue phrase: what tie it signals and how its sentence names the two sides."""

    type: str
    pattern: tuple[str | frozenset[str], ...]
    role: str
    reciprocal: bool = False
    mediating: bool = False
    receiving: bool = False
    # listed under `reciprocal:` itself, done together ('signed'), not merely of a
    # symmetric type ('pledged')
    together: bool = False

    @property
    def first(self) -> str:
        return self.pattern[0]


@dataclass(frozen=True)
class Lexicon:
    language: str
    nominal_agent: str
    of_agent: frozenset[str]
    when_negated: dict[str, str]
    negators: frozenset[str]
    coordinators: frozenset[tuple[str, ...]]
    object_preps: frozenset[str]
    agent_preps: frozenset[str]
    source_preps: frozenset[str]
    recipient_markers: frozenset[str]
    blocking_preps: frozenset[str]
    between: frozenset[str]
    passive_markers: frozenset[str]
    clause_breaks: frozenset[str]
    fillers: frozenset[str]
    agent_pronouns: frozenset[str]
    relatives: frozenset[str]
    person_pronouns: frozenset[str]
    carry_words: frozenset[str]
    threat_modals: frozenset[str]
    determiners: frozenset[str]
    pair_anaphora: tuple[tuple[tuple[str, ...], int], ...]
    gratitude: tuple[tuple[str, ...], ...]
    gratitude_first: frozenset[str]
    gratitude_last: frozenset[str]
    conditions: frozenset[str]
    demand_modals: frozenset[str]
    reporting: frozenset[str]
    demand_type: str
    appeal_types: frozenset[str]
    retaliation: frozenset[str]
    denials: frozenset[str]
    undoing: frozenset[str]
    victim_nouns: frozenset[str]
    appositive_openers: frozenset[str]
    title_links: frozenset[str]
    denials_passive: frozenset[str]
    ultimatums: tuple[tuple[str, ...], ...]
    ultimatum_first: frozenset[str]
    complementizers: frozenset[str]
    control_words: frozenset[str]
    resumptive: frozenset[str]
    participle_endings: frozenset[str]
    object_pronouns: frozenset[str]
    origin_words: frozenset[str]
    place_preps: frozenset[str]
    topic_preps: frozenset[str]
    manner_preps: frozenset[str]
    place_nouns: frozenset[str]
    future_modals: frozenset[str]
    own_pronouns: frozenset[str]
    home_bodies: frozenset[tuple[str, ...]]
    home_country: str | None
    group_references: frozenset[tuple[str, ...]]
    similar_acts: tuple[tuple[str, ...], ...]
    similar_first: frozenset[str]
    starts: frozenset[str] = field(repr=False)
    joiners: frozenset[str] = field(repr=False)
    preps: frozenset[str] = field(repr=False)
    glue: frozenset[str] = field(repr=False)
    negating: frozenset[str] = field(repr=False)
    stops_negation: frozenset[str] = field(repr=False)
    borrowing: tuple[tuple[str, ...], ...] = field(repr=False)
    borrowing_last: frozenset[str] = field(repr=False)
    references: tuple[tuple[str, ...], ...] = field(repr=False)
    reference_first: frozenset[str] = field(repr=False)
    anaphora_last: frozenset[str] = field(repr=False)
    # phrases by their last word, the rarer one ('the two countries' under 'countries')
    anaphora_at: dict[str, tuple[tuple[tuple[str, ...], int], ...]] = field(repr=False)
    exact: dict[str, tuple[Cue, ...]] = field(repr=False)
    prefixed: dict[str, tuple[Cue, ...]] = field(repr=False)
    memo: dict[str, tuple[Cue, ...]] = field(default_factory=dict, repr=False, compare=False)

    def candidates(self, word: str) -> tuple[Cue, ...]:
        """Cues whose first word could be `word`, longest pattern first."""
        found = self.memo.get(word)
        if found is None:
            found = self.memo[word] = self._candidates(word)
        return found

    def _candidates(self, word: str) -> tuple[Cue, ...]:
        found = self.exact.get(word, ())
        wild = self.prefixed.get(word[:4], ())
        if wild:
            found += tuple(c for c in wild if word.startswith(c.first[:-1]))
        return tuple(sorted(found, key=lambda c: -len(c.pattern)))


def data_dir() -> Path:
    """The folder of curated data: DIPLOMAP_DATA if set, else the repository's data/."""
    env = os.environ.get("DIPLOMAP_DATA")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "data"


def available_languages() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in (data_dir() / "cues").glob("*.yaml")))


@functools.cache
def load_lexicon(language: str) -> Lexicon:
    """The lexicon for a language; English when the language has none."""
    path = data_dir() / "cues" / f"{language}.yaml"
    if not path.exists():
        path = data_dir() / "cues" / "en.yaml"
    try:
        return build_lexicon(read_yaml(path))
    except ValueError as err:
        raise ValueError(f"{path}: {err}") from err


def build_lexicon(raw: dict) -> Lexicon:
    """Index a parsed lexicon file; raises ValueError naming a bad tie type or key."""
    _known(raw, FILE_KEYS)
    cues = list(_cues(raw.get("types") or {}))
    # phrases that hold a cue word but are no cue ("kapal perang", warship): matched, then dropped
    cues += [Cue("", _pattern(p), "none") for p in raw.get("not_cues") or ()]
    exact: dict[str, list[Cue]] = {}
    prefixed: dict[str, list[Cue]] = {}
    for cue in cues:
        if cue.first.endswith("*") and len(cue.first) < 5:
            raise ValueError(f"cue {cue.first!r}: a word* needs four letters or more")
        if cue.first.endswith("*"):
            prefixed.setdefault(cue.first[:4], []).append(cue)
        else:
            exact.setdefault(cue.first, []).append(cue)
    words = {key: _words(raw, key) for key in WORD_KEYS}
    anaphora = tuple((token_key(w), 2) for w in raw.get("pair_anaphora") or ()) + tuple(
        (token_key(w), int(n)) for w, n in (raw.get("group_anaphora") or {}).items()
    )
    coordinators = frozenset(token_key(w) for w in raw.get("coordinators") or ())
    preps = ("object_preps", "agent_preps", "blocking_preps", "between")
    joiners = frozenset(w for key in coordinators for w in key if w != "with") | HYPHENS
    gratitude = _phrases(raw, "gratitude")
    ultimatums = _phrases(raw, "ultimatums")
    similar = _phrases(raw, "similar_acts")
    # words by which a sentence names a party it does not name: pronouns, 'both countries'
    borrowing = _phrases(
        raw, "pair_anaphora", "group_anaphora", "agent_pronouns", "person_pronouns"
    )
    references = _phrases(raw, "epithets", "home_bodies", "group_references")
    return Lexicon(
        **words,
        language=raw.get("language", "und"),
        nominal_agent=raw.get("nominal_agent", "before"),
        of_agent=frozenset(raw.get("of_agent") or ()),
        when_negated={
            t: (spec or {}).get("when_negated", "drop") for t, spec in raw["types"].items()
        },
        coordinators=coordinators,
        pair_anaphora=anaphora,
        gratitude=gratitude,
        gratitude_first=frozenset(p[0] for p in gratitude),
        gratitude_last=frozenset(p[-1] for p in gratitude),
        demand_type=_demand_type(raw),
        denials=_words(raw, "denials") | words["denials_passive"],
        ultimatums=ultimatums,
        ultimatum_first=frozenset(p[0] for p in ultimatums),
        home_bodies=frozenset(_phrases(raw, "home_bodies")),
        home_country=raw.get("home_country"),
        group_references=frozenset(_phrases(raw, "group_references")),
        similar_acts=similar,
        similar_first=frozenset(p[0] for p in similar),
        starts=frozenset(exact) | frozenset(prefixed),
        joiners=joiners,
        preps=frozenset().union(*(words[k] for k in preps)),
        glue=joiners | words["fillers"],
        negating=words["negators"] | {"t"},
        stops_negation=joiners | words["clause_breaks"],
        borrowing=borrowing,
        borrowing_last=frozenset(p[-1] for p in borrowing),
        references=references,
        reference_first=frozenset(p[0] for p in references),
        anaphora_last=frozenset(p[-1] for p, _ in anaphora) | words["person_pronouns"],
        anaphora_at={
            last: tuple(a for a in anaphora if a[0][-1] == last)
            for last in {p[-1] for p, _ in anaphora}
        },
        exact={k: tuple(v) for k, v in exact.items()},
        prefixed={k: tuple(v) for k, v in prefixed.items()},
    )


def _known(raw: dict, keys: frozenset[str], where: str = "") -> None:
    """A misspelt key ('noun:' for 'nouns:') would be skipped without a word: refuse it."""
    unknown = sorted(set(raw) - keys)
    if unknown:
        raise ValueError(f"{where}unknown key {unknown[0]!r}; see data/cues/README.md")


def _words(raw: dict, key: str) -> frozenset[str]:
    """A list read word by word: an entry of several words could never match, so it is an
    error to fix in the file, not a silent miss."""
    words = [_text(w, key).lower() for w in raw.get(key) or ()]
    for w in words:
        if len(w.split()) > 1:
            raise ValueError(f"{key}: {w!r} has several words; this list takes single words")
    return frozenset(words)


def _phrases(raw: dict, *keys: str) -> tuple[tuple[str, ...], ...]:
    """Token sequences of the phrases listed under `keys`, longest first."""
    found = {token_key(_text(w, key)) for key in keys for w in raw.get(key) or ()}
    return tuple(sorted(found, key=len, reverse=True))


def _demand_type(raw: dict) -> str:
    """The tie type a reported demand ('X said Y must ...') counts as."""
    value = str(raw.get("demand_type") or "accusation")
    if value not in TIE_TYPES:
        raise ValueError(f"demand_type {value!r}: use one of {', '.join(TIE_TYPES)}")
    return value


def _text(value, where: str) -> str:
    """A listed word as written; YAML reads a bare on/no/yes as true or false, so say so."""
    if isinstance(value, bool):
        raise ValueError(f"{where}: a word was read as {value}; put on, no, yes etc. in quotes")
    return str(value)


def _cues(types: dict) -> Iterable[Cue]:
    for tie_type, spec in types.items():
        if tie_type not in TIE_TYPES:
            raise ValueError(f"unknown tie type {tie_type!r}; use one of {', '.join(TIE_TYPES)}")
        spec = spec or {}
        _known(spec, TYPE_FIELDS, f"{tie_type}: ")
        _known(spec.get("labels") or {}, LABEL_FIELDS, f"{tie_type}: labels: ")
        reciprocal = {_pattern(p) for p in spec.get("reciprocal") or ()}
        mediating = {_pattern(p) for p in spec.get("mediating") or ()}
        receiving = {_pattern(p) for p in spec.get("receiving") or ()}
        seen = set()
        for role in ROLES:
            for phrase in spec.get(role) or ():
                pattern = _pattern(phrase)
                seen.add(pattern)
                mutual = spec.get("symmetric", False) or pattern in reciprocal
                yield Cue(
                    tie_type,
                    pattern,
                    role.rstrip("s"),
                    mutual,
                    pattern in mediating,
                    pattern in receiving,
                    pattern in reciprocal,
                )
        for pattern in receiving - seen - reciprocal - mediating:
            yield Cue(tie_type, pattern, "verb", False, False, True)
        for pattern in reciprocal - seen:
            yield Cue(tie_type, pattern, "verb", True, pattern in mediating, together=True)
        for pattern in mediating - seen - reciprocal:
            yield Cue(tie_type, pattern, "verb", True, True)
        yield from _labels(tie_type, spec.get("labels") or {})


def _labels(tie_type: str, labels: dict) -> Iterable[Cue]:
    """'called the visit a provocation': each verb of calling, a gap, then a word of blame.

    The one-word words make one set, matched in a single pass over the gap."""
    words = [_pattern(w) for w in labels.get("words") or ()]
    single = frozenset(w[0] for w in words if len(w) == 1 and not w[0].endswith("*"))
    longer = [w for w in words if len(w) > 1 or w[0] not in single]
    for verb in labels.get("verbs") or ():
        if single:
            yield Cue(tie_type, (*_pattern(verb), GAP, single), "label")
        for word in longer:
            yield Cue(tie_type, (*_pattern(verb), GAP, *word), "label")


def _pattern(phrase: str) -> tuple[str, ...]:
    """Tokens of a cue phrase, keeping `word*` wildcards and `...` gaps whole."""
    out: list[str] = []
    for part in _text(phrase, "cue").lower().split():
        if part == GAP:
            out.append(GAP)
        elif part.endswith("*"):
            out.extend(token_key(part[:-1])[:-1])
            out.append(token_key(part[:-1])[-1] + "*")
        else:
            out.extend(token_key(part))
    return tuple(out)
