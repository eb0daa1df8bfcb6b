"""Plain, frozen records that flow from an article file to the charts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

TIE_SCORES: dict[str, float] = {
    "alliance": 8.0,
    "support": 5.0,
    "talks": 3.0,
    "agreement": 6.0,
    "aid": 7.0,
    "accusation": -3.0,
    "rejection": -4.0,
    "threat": -6.0,
    "sanction": -7.0,
    "attack": -10.0,
}
TIE_TYPES: tuple[str, ...] = tuple(TIE_SCORES)
TIE_CLASSES: dict[str, str] = {
    "alliance": "material cooperation",
    "support": "verbal cooperation",
    "talks": "verbal cooperation",
    "agreement": "verbal cooperation",
    "aid": "material cooperation",
    "accusation": "verbal conflict",
    "rejection": "verbal conflict",
    "threat": "verbal conflict",
    "sanction": "material conflict",
    "attack": "material conflict",
}

ACTOR_KINDS: tuple[str, ...] = ("country", "person", "organization", "company", "agency", "media")


class ArticleError(ValueError):
    """An article file that cannot be read, with the file named in the message."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


@dataclass(frozen=True)
class Article:
    """One article as read from its file, before any analysis."""

    id: str
    text: str
    title: str = ""
    language: str = "und"
    language_source: str = "detected"
    date: dt.date | None = None
    date_source: str = "none"
    dateline: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    format: str = "txt"
    aliases: tuple[tuple[str, str], ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    """A gazetteer entry: a country, or a person or body that may stand for one."""

    id: str
    name: str
    kind: str
    country: str | None = None
    represents: bool = True
    years: tuple[int | None, int | None] | None = None
    name_id: str | None = None


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    actor: str
    kind: str
    country: str | None
    sentence: int
    edited: bool = False


@dataclass(frozen=True)
class Evidence:
    sentence: int
    cue: str
    start: int
    end: int
    source: str
    target: str
    negated: bool = False
    mutual: bool = False


@dataclass(frozen=True)
class Tie:
    """One tie per pair and type; `edited` lists what a corrections file did to it, if anything.

    `edited` is "" or comma-joined marks: added, retyped, reversed, directed, undirected.
    """

    source: str
    target: str
    type: str
    directed: bool
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    edited: str = ""

    def __hash__(self) -> int:
        """Hash the tie's identity, not its evidence: a long article gives a tie thousands."""
        return hash((self.source, self.target, self.type, self.directed, self.edited))

    @property
    def score(self) -> float:
        return TIE_SCORES[self.type]

    @property
    def pair(self) -> tuple[str, str]:
        a, b = sorted((self.source, self.target))
        return a, b


@dataclass(frozen=True)
class Event:
    date: str
    precision: str
    sentence: int
    countries: tuple[str, ...]
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    name_id: str
    mentions: int
    lat: float
    lon: float


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    country: str | None
    mentions: int


@dataclass(frozen=True)
class Camps:
    """Countries split into two camps around the story's two poles."""

    poles: tuple[str, str] | None
    camp: dict[str, int]
    position: dict[str, float]


@dataclass(frozen=True)
class Note:
    """An editor's note on one sentence (its 0-based index), from a corrections file."""

    sentence: int
    text: str


@dataclass(frozen=True)
class Analysis:
    article: Article
    sentences: tuple[Sentence, ...]
    countries: tuple[Country, ...]
    actors: tuple[Actor, ...]
    mentions: tuple[Mention, ...]
    ties: tuple[Tie, ...]
    events: tuple[Event, ...]
    camps: Camps
    warnings: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    corrections_path: str | None = None
    corrections_errors: tuple[str, ...] = ()
