"""Hand-built Analysis objects for the table, chart and map builders' tests."""

from __future__ import annotations

import re

from diplomap.model import (
    Actor,
    Analysis,
    Article,
    Camps,
    Country,
    Event,
    Evidence,
    Mention,
    Sentence,
    Tie,
)

TEXT = (
    "US officials held talks with Venezuela in Caracas on 5 March 2022. "
    "Washington has imposed sanctions on Venezuela and rejected Maduro's re-election in 2018. "
    "In February 2022 Venezuela blamed the United States and NATO for the crisis. "
    "Russia is a close ally of Venezuela and gives it military aid and political support. "
    "Putin and Maduro talked by phone on 1 March. "
    "Russia attacked Ukraine. "
    "The US punished Russia with sanctions. "
    "China, Cuba and Iran support Venezuela. "
    "Cuba and Nicaragua defended Russia's stance."
)

COUNTRY_ROWS = (
    ("VEN", "VE", "Venezuela", "Venezuela", 12, 8.0, -66.0),
    ("USA", "US", "United States", "Amerika Serikat", 9, 39.8, -98.6),
    ("RUS", "RU", "Russia", "Rusia", 8, 61.5, 105.3),
    ("CUB", "CU", "Cuba", "Kuba", 2, 21.5, -79.5),
    ("UKR", "UA", "Ukraine", "Ukraina", 2, 49.0, 32.0),
    ("CHN", "CN", "China", "Tiongkok", 1, 35.0, 103.0),
    ("IRN", "IR", "Iran", "Iran", 1, 32.0, 53.0),
    ("NIC", "NI", "Nicaragua", "Nikaragua", 1, 12.9, -85.2),
)

# (source, target, type, directed, sentence, cue)
TIE_ROWS = (
    ("USA", "VEN", "talks", False, 0, "talks"),
    ("USA", "VEN", "sanction", True, 1, "sanctions"),
    ("USA", "VEN", "rejection", True, 1, "rejected"),
    ("VEN", "USA", "accusation", True, 2, "blamed"),
    ("RUS", "VEN", "alliance", False, 3, "close ally"),
    ("RUS", "VEN", "support", True, 3, "political support"),
    ("RUS", "VEN", "talks", False, 4, "talked by phone"),
    ("RUS", "VEN", "aid", True, 3, "military aid"),
    ("RUS", "UKR", "attack", True, 5, "attacked"),
    ("USA", "RUS", "sanction", True, 6, "sanctions"),
    ("CHN", "VEN", "support", True, 7, "support"),
    ("CUB", "VEN", "support", True, 7, "support"),
    ("IRN", "VEN", "support", True, 7, "support"),
    ("CUB", "RUS", "support", True, 8, "defended"),
    ("NIC", "RUS", "support", True, 8, "defended"),
)

# (date, precision, sentence, countries, surface)
EVENT_ROWS = (
    ("2022-03-05", "day", 0, ("USA", "VEN"), "5 March 2022"),
    ("2018", "year", 1, ("USA", "VEN"), "2018"),
    ("2022-02", "month", 2, ("VEN", "USA"), "February 2022"),
    ("2022-03-01", "day", 4, ("RUS", "VEN"), "1 March"),
)

SURFACES = {
    "US": ("USA", "country", "USA"),
    "United States": ("USA", "country", "USA"),
    "Washington": ("USA", "country", "USA"),
    "Venezuela": ("VEN", "country", "VEN"),
    "Russia": ("RUS", "country", "RUS"),
    "Ukraine": ("UKR", "country", "UKR"),
    "China": ("CHN", "country", "CHN"),
    "Cuba": ("CUB", "country", "CUB"),
    "Iran": ("IRN", "country", "IRN"),
    "Nicaragua": ("NIC", "country", "NIC"),
    "Putin": ("putin", "person", "RUS"),
    "Maduro": ("maduro", "person", "VEN"),
    "NATO": ("NATO", "organization", None),
}
_SURFACE = re.compile(r"\b(" + "|".join(sorted(SURFACES, key=len, reverse=True)) + r")\b")
_SENTENCE = re.compile(r"[^.]+\.")

POSITIONS = {
    "USA": -1.0,
    "UKR": -0.6,
    "RUS": 1.0,
    "VEN": 0.85,
    "CHN": 0.8,
    "CUB": 0.9,
    "IRN": 0.8,
    "NIC": 0.95,
}


def sentences(text: str = TEXT) -> tuple[Sentence, ...]:
    """Sentences as offsets, stripped of the space that joins them."""
    out = []
    for i, m in enumerate(_SENTENCE.finditer(text)):
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        out.append(Sentence(i, start, m.end()))
    return tuple(out)


def evidence(source: str, target: str, sentence: int, cue: str) -> Evidence:
    """Evidence whose offsets point at the cue inside its sentence."""
    s = sentences()[sentence]
    start = TEXT.index(cue, s.start, s.end)
    return Evidence(sentence, cue, start, start + len(cue), source, target)


def country(iso3: str, iso2: str, name: str, name_id: str, mentions: int, lat, lon) -> Country:
    return Country(iso3, iso2, name, name_id, mentions, lat, lon)


def mentions() -> tuple[Mention, ...]:
    """Every surface form found in TEXT, with the sentence it sits in."""
    spans = sentences()
    out = []
    for m in _SURFACE.finditer(TEXT):
        actor, kind, iso3 = SURFACES[m.group()]
        index = next(s.index for s in spans if s.start <= m.start() < s.end)
        out.append(Mention(m.start(), m.end(), m.group(), actor, kind, iso3, index))
    return tuple(out)


def worked_example(with_nato: bool = False) -> Analysis:
    """The seed story: the US visit to Venezuela while Russia invades Ukraine."""
    ties = [
        Tie(s, t, kind, directed, (evidence(s, t, sentence, cue),))
        for s, t, kind, directed, sentence, cue in TIE_ROWS
    ]
    actors = [Actor("maduro", "Nicolás Maduro", "person", "VEN", 2)]
    actors.append(Actor("putin", "Vladimir Putin", "person", "RUS", 1))
    if with_nato:
        ties.append(Tie("VEN", "NATO", "accusation", True, (evidence("VEN", "NATO", 2, "blamed"),)))
        actors.append(Actor("NATO", "NATO", "organization", None, 1))
    spans = sentences()
    events = []
    for date, precision, sentence, countries, surface in EVENT_ROWS:
        start = TEXT.index(surface, spans[sentence].start)
        events.append(
            Event(date, precision, sentence, countries, start, start + len(surface), surface)
        )
    camps = Camps(
        poles=("USA", "RUS"),
        camp={c: 0 if c in ("USA", "UKR") else 1 for c in POSITIONS},
        position=dict(POSITIONS),
    )
    return make_analysis(
        countries=[country(*row) for row in COUNTRY_ROWS],
        ties=ties,
        events=events,
        camps=camps,
        actors=actors,
        mentions=mentions(),
    )


def make_analysis(
    countries=(),
    ties=(),
    events=(),
    camps: Camps | None = None,
    actors=(),
    mentions=(),
    text: str = TEXT,
) -> Analysis:
    """An Analysis from its parts; anything left out is empty."""
    return Analysis(
        article=Article(id="fixture", text=text, title="Fixture", language="en"),
        sentences=sentences(text),
        countries=tuple(countries),
        actors=tuple(actors),
        mentions=tuple(mentions),
        ties=tuple(ties),
        events=tuple(events),
        camps=camps or Camps(poles=None, camp={}, position={}),
    )


def empty_analysis() -> Analysis:
    """An article that names no country at all."""
    return make_analysis(text="Nothing happened today.")


def calm_analysis() -> Analysis:
    """Two friends and no conflict: no poles, everyone in camp 0."""
    a = country("VEN", "VE", "Venezuela", "Venezuela", 2, 8.0, -66.0)
    b = country("CUB", "CU", "Cuba", "Kuba", 1, 21.5, -79.5)
    return make_analysis(
        countries=[a, b],
        ties=[Tie("CUB", "VEN", "support", True, (evidence("CUB", "VEN", 7, "support"),))],
        camps=Camps(poles=None, camp={"CUB": 0, "VEN": 0}, position={"CUB": 0.0, "VEN": 0.0}),
    )


def pacific_analysis() -> Analysis:
    """Ties across the antimeridian: Fiji, Samoa and New Zealand."""
    rows = (
        ("FJI", "FJ", "Fiji", "Fiji", 3, -17.7, 178.0),
        ("WSM", "WS", "Samoa", "Samoa", 2, -13.8, -172.1),
        ("NZL", "NZ", "New Zealand", "Selandia Baru", 1, -41.0, 174.0),
    )
    ties = [
        Tie("FJI", "WSM", "talks", False, (evidence("FJI", "WSM", 0, "talks"),)),
        Tie("NZL", "FJI", "aid", True, (evidence("NZL", "FJI", 3, "aid"),)),
    ]
    return make_analysis(countries=[country(*r) for r in rows], ties=ties)
