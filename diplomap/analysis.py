"""The pipeline: an Article in, everything the dashboard and the CLI show out."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping

from diplomap.camps import find_camps
from diplomap.dates import extract_events
from diplomap.gazetteer import Gazetteer, find_mentions, load_gazetteer, unknown_aliases
from diplomap.model import Actor, Analysis, Article, Country, Entity, Mention
from diplomap.people import learn_people
from diplomap.sentences import split_sentences
from diplomap.ties import extract_ties


def analyse(article: Article, gazetteer: Gazetteer | None = None) -> Analysis:
    """Run every stage over one article; the result is plain, frozen data."""
    gaz = gazetteer or load_gazetteer()
    sentences = split_sentences(article.text, article.language)
    mentions = find_mentions(
        article.text, sentences, gaz, language=article.language, extra_aliases=article.aliases
    )
    mentions, people = learn_people(
        article.text, sentences, mentions, gaz.not_names, article.language
    )
    ties = extract_ties(article, sentences, mentions, gaz)
    dated = extract_events(article, sentences, mentions, gaz.entities)
    if article.date is None and dated.reference is not None:
        article = dataclasses.replace(
            article, date=dated.reference, date_source=dated.reference_source
        )
    elif article.date is None:
        article = dataclasses.replace(article, date_source=dated.reference_source)
    countries = count_countries(mentions, gaz)
    prominence = {c.iso3: c.mentions for c in countries}
    camps = find_camps(ties, [c.iso3 for c in countries], prominence)
    return Analysis(
        article=article,
        sentences=sentences,
        countries=countries,
        actors=count_actors(mentions, {**gaz.entities, **people}),
        mentions=mentions,
        ties=ties,
        events=dated.events,
        camps=camps,
        warnings=article.warnings + alias_warnings(article, gaz) + dated.warnings,
    )


def count_countries(mentions: tuple[Mention, ...], gaz: Gazetteer) -> tuple[Country, ...]:
    """Countries the text names, directly or through a person or body, most named first."""
    counts = Counter(m.country for m in mentions if m.country and m.kind != "media")
    out = []
    for iso3, n in counts.items():
        record = gaz.countries[iso3]
        out.append(
            Country(
                iso3=iso3,
                iso2=record["iso2"],
                name=record["name_en"],
                name_id=record["name_id"],
                mentions=n,
                lat=record["lat"],
                lon=record["lon"],
            )
        )
    return tuple(sorted(out, key=lambda c: (-c.mentions, c.iso3)))


def count_actors(
    mentions: tuple[Mention, ...], entities: Mapping[str, Entity]
) -> tuple[Actor, ...]:
    """People, organisations, companies and media, with how often each is named."""
    counts = Counter(m.actor for m in mentions if m.kind != "country")
    out = []
    for actor_id, n in counts.items():
        entity = entities[actor_id]
        out.append(Actor(actor_id, entity.name, entity.kind, entity.country, n))
    return tuple(sorted(out, key=lambda a: (-a.mentions, a.id)))


def alias_warnings(article: Article, gaz: Gazetteer) -> tuple[str, ...]:
    """An article's own aliases that point at nothing the gazetteer knows."""
    return tuple(
        f"alias {alias!r} points at {target!r}, which is no country, person or body "
        "the gazetteer knows; use an ISO3 code or an id from data/gazetteer/aliases.yaml"
        for alias, target in unknown_aliases(gaz, article.aliases)
    )
