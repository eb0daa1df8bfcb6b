"""The pipeline: an Article in, everything the dashboard and the CLI show out."""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Mapping

from diplomap.camps import find_camps
from diplomap.corrections import (
    Corrections,
    CorrectionsError,
    attach_notes,
    correct_mentions,
    correct_ties,
    corrections_path,
    load_corrections,
    merged_aliases,
)
from diplomap.dates import extract_events
from diplomap.gazetteer import Gazetteer, find_mentions, load_gazetteer, unknown_aliases
from diplomap.model import Actor, Analysis, Article, Country, Entity, Mention, Note
from diplomap.people import learn_people
from diplomap.sentences import split_sentences
from diplomap.ties import extract_ties


def analyse(
    article: Article,
    gazetteer: Gazetteer | None = None,
    corrections: Corrections | None = None,
) -> Analysis:
    """Run every stage over one article, with an editor's corrections if given; plain data out.

    Corrections that do not fit the article (a sentence it lacks, a name it never uses)
    raise CorrectionsError; `analyse_corrected` falls back to the uncorrected analysis.
    """
    gaz = gazetteer or load_gazetteer()
    sentences = split_sentences(article.text, article.language)
    aliases = article.aliases
    if corrections is not None:
        aliases = merged_aliases(aliases, corrections)
    mentions = find_mentions(
        article.text, sentences, gaz, language=article.language, extra_aliases=aliases
    )
    mentions, people = learn_people(
        article.text, sentences, mentions, gaz.not_names, article.language
    )
    if corrections is not None:
        mentions = correct_mentions(article.text, sentences, mentions, corrections, gaz)
    ties = extract_ties(article, sentences, mentions, gaz)
    dated = extract_events(article, sentences, mentions, gaz.entities)
    if article.date is None and dated.reference is not None:
        article = dataclasses.replace(
            article, date=dated.reference, date_source=dated.reference_source
        )
    elif article.date is None:
        article = dataclasses.replace(article, date_source=dated.reference_source)
    countries = count_countries(mentions, gaz)
    named = [c.iso3 for c in countries]
    edits: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    if corrections is not None:
        ties, edits = correct_ties(
            ties, corrections, article.text, sentences, named=named, countries=gaz.countries
        )
        notes = attach_notes(corrections, sentences)
    camps = find_camps(ties, named, {c.iso3: c.mentions for c in countries})
    return Analysis(
        article=article,
        sentences=sentences,
        countries=countries,
        actors=count_actors(mentions, {**gaz.entities, **people}),
        mentions=mentions,
        ties=ties,
        events=dated.events,
        camps=camps,
        warnings=article.warnings + alias_warnings(article, gaz) + dated.warnings + edits,
        notes=notes,
        corrections_path=corrections.path if corrections is not None else None,
    )


def analyse_corrected(
    article: Article,
    gazetteer: Gazetteer | None = None,
    path: str | os.PathLike[str] | None = None,
) -> Analysis:
    """The analysis with the article's corrections file applied, if it has one.

    The file is `path`, else `<id>.corrections.yaml` beside the article. A file that is
    wrong leaves the analysis uncorrected, with the reason in `corrections_errors`.
    """
    if path is None and article.path:
        path = corrections_path(article.path)
    if path is None or not os.path.isfile(path):
        return analyse(article, gazetteer)
    try:
        return analyse(article, gazetteer, load_corrections(path, gazetteer))
    except CorrectionsError as e:
        return dataclasses.replace(
            analyse(article, gazetteer),
            corrections_path=os.fspath(path),
            corrections_errors=(str(e),),
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
