"""Tables of one Analysis for the dashboard and downloads, with stable, documented columns.

Every `*_rows` function returns plain dicts (charts and the map use them without pandas);
every `*_table` function returns the same rows as a pandas DataFrame with exactly the columns
named in the matching `*_COLUMNS` tuple, also when there are no rows. `lang` ("en" or "id")
picks country names (`Country.name` or `Country.name_id`). Filters: `types` is None for every
tie type or a collection of the types to keep (an empty one keeps none); `country` keeps the
ties that touch that iso3.

Columns
-------
countries: iso3, iso2, name, mentions, ties (ties touching it), camp (pole iso3 or None),
    camp_name, lat, lon
actors: id, name, kind, country (iso3 or None), country_name, mentions
mentions: start, end, text, actor, actor_name, kind, country, country_name, sentence
ties: source, target, source_name, target_name, type, type_label, family, score, directed,
    evidence (count), sentences (sorted sentence indices)
evidence: source, target, source_name, target_name, type, family, score, sentence, cue,
    start, end, negated, evidence_source, evidence_target, sentence_text
events: date, precision, begin, end (ISO dates, end exclusive: a month spans the month),
    label, sentence, countries (iso3s joined by ", "), country_names, text, sentence_text
net: a, b, a_name, b_name, net (sum of the pair's distinct tie types' scores), ties,
    evidence, types (type names joined by ", "); every tied pair in both orders
camps: iso3, country, camp (pole iso3 or None), camp_name, side (0 = first pole, 1 = second,
    None = unaligned), position (-1 first pole .. 1 second pole, None if unplaced), is_pole
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, Any

from diplomap.dates import month_labels
from diplomap.model import Analysis, Tie
from diplomap.palette import TIE_FAMILY, TIE_ORDER, language, tie_label

if TYPE_CHECKING:
    import pandas as pd

Row = dict[str, Any]

COUNTRIES_COLUMNS = ("iso3", "iso2", "name", "mentions", "ties", "camp", "camp_name", "lat", "lon")
ACTORS_COLUMNS = ("id", "name", "kind", "country", "country_name", "mentions")
MENTIONS_COLUMNS = (
    "start",
    "end",
    "text",
    "actor",
    "actor_name",
    "kind",
    "country",
    "country_name",
    "sentence",
)
TIES_COLUMNS = (
    "source",
    "target",
    "source_name",
    "target_name",
    "type",
    "type_label",
    "family",
    "score",
    "directed",
    "evidence",
    "sentences",
)
EVIDENCE_COLUMNS = (
    "source",
    "target",
    "source_name",
    "target_name",
    "type",
    "family",
    "score",
    "sentence",
    "cue",
    "start",
    "end",
    "negated",
    "evidence_source",
    "evidence_target",
    "sentence_text",
)
EVENTS_COLUMNS = (
    "date",
    "precision",
    "begin",
    "end",
    "label",
    "sentence",
    "countries",
    "country_names",
    "text",
    "sentence_text",
)
NET_COLUMNS = ("a", "b", "a_name", "b_name", "net", "ties", "evidence", "types")
CAMPS_COLUMNS = ("iso3", "country", "camp", "camp_name", "side", "position", "is_pole")


_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
_TYPE_RANK = {t: i for i, t in enumerate(TIE_ORDER)}


def display_names(analysis: Analysis, lang: str = "en") -> dict[str, str]:
    """Every id that can end a tie or a mention, to the name a reader of lang expects."""
    names = {a.id: a.name for a in analysis.actors}
    use_id = language(lang) == "id"
    for c in analysis.countries:
        names[c.iso3] = (c.name_id or c.name) if use_id else c.name
    return names


def signed(value: float) -> str:
    """A score as a reader writes it: +23, −11, 0."""
    number = int(value) if float(value).is_integer() else round(value, 1)
    if number > 0:
        return f"+{number}"
    return f"−{-number}" if number < 0 else "0"


def filter_ties(
    analysis: Analysis, types: Collection[str] | None = None, country: str | None = None
) -> list[Tie]:
    """The ties of the chosen types, touching the focus country when one is given."""
    keep = None if types is None else set(types)
    return [
        t
        for t in analysis.ties
        if (keep is None or t.type in keep) and (country is None or country in (t.source, t.target))
    ]


def camp_of(analysis: Analysis) -> dict[str, str]:
    """Each placed country's pole (camp 0 sides with poles[0]); empty when there are no poles."""
    poles = analysis.camps.poles
    if not poles:
        return {}
    return {c: poles[side] for c, side in analysis.camps.camp.items() if side in (0, 1)}


def sentence_texts(analysis: Analysis) -> dict[int, str]:
    """Sentence index to its text, for tooltips and evidence rows."""
    text = analysis.article.text
    return {s.index: text[s.start : s.end].strip() for s in analysis.sentences}


def country_rows(analysis: Analysis, lang: str = "en") -> list[Row]:
    """One row per country the article involves, most named first."""
    names = display_names(analysis, lang)
    camps = camp_of(analysis)
    touching: dict[str, int] = {}
    for t in analysis.ties:
        for end in {t.source, t.target}:
            touching[end] = touching.get(end, 0) + 1
    return [
        {
            "iso3": c.iso3,
            "iso2": c.iso2,
            "name": names[c.iso3],
            "mentions": c.mentions,
            "ties": touching.get(c.iso3, 0),
            "camp": camps.get(c.iso3),
            "camp_name": names.get(camps[c.iso3], camps[c.iso3]) if camps.get(c.iso3) else None,
            "lat": c.lat,
            "lon": c.lon,
        }
        for c in analysis.countries
    ]


def actor_rows(analysis: Analysis, lang: str = "en") -> list[Row]:
    """One row per person, organisation, company, agency or medium named."""
    names = display_names(analysis, lang)
    return [
        {
            "id": a.id,
            "name": a.name,
            "kind": a.kind,
            "country": a.country,
            "country_name": names.get(a.country) if a.country else None,
            "mentions": a.mentions,
        }
        for a in analysis.actors
    ]


def mention_rows(analysis: Analysis, lang: str = "en") -> list[Row]:
    """One row per mention, in text order."""
    names = display_names(analysis, lang)
    return [
        {
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "actor": m.actor,
            "actor_name": names.get(m.actor, m.actor),
            "kind": m.kind,
            "country": m.country,
            "country_name": names.get(m.country) if m.country else None,
            "sentence": m.sentence,
        }
        for m in analysis.mentions
    ]


def tie_rows(
    analysis: Analysis,
    lang: str = "en",
    types: Collection[str] | None = None,
    country: str | None = None,
) -> list[Row]:
    """One row per tie, with its family, score and where its evidence sits."""
    names = display_names(analysis, lang)
    return [
        {
            "source": t.source,
            "target": t.target,
            "source_name": names.get(t.source, t.source),
            "target_name": names.get(t.target, t.target),
            "type": t.type,
            "type_label": tie_label(t.type, lang),
            "family": TIE_FAMILY[t.type],
            "score": t.score,
            "directed": t.directed,
            "evidence": len(t.evidence),
            "sentences": sorted({e.sentence for e in t.evidence}),
        }
        for t in filter_ties(analysis, types, country)
    ]


def evidence_rows(
    analysis: Analysis,
    lang: str = "en",
    types: Collection[str] | None = None,
    country: str | None = None,
) -> list[Row]:
    """One row per piece of evidence, with the sentence it was read from."""
    names = display_names(analysis, lang)
    texts = sentence_texts(analysis)
    return [
        {
            "source": t.source,
            "target": t.target,
            "source_name": names.get(t.source, t.source),
            "target_name": names.get(t.target, t.target),
            "type": t.type,
            "family": TIE_FAMILY[t.type],
            "score": t.score,
            "sentence": e.sentence,
            "cue": e.cue,
            "start": e.start,
            "end": e.end,
            "negated": e.negated,
            "evidence_source": e.source,
            "evidence_target": e.target,
            "sentence_text": texts.get(e.sentence, ""),
        }
        for t in filter_ties(analysis, types, country)
        for e in t.evidence
    ]


def event_period(date: str, precision: str) -> tuple[dt.date, dt.date] | None:
    """The honest span of a dated event: a day, a whole month or a whole year (end exclusive)."""
    match = _DATE.match(date or "")
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if precision == "year" or month is None:
            return dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
        if precision == "month" or day is None:
            begin = dt.date(year, month, 1)
            return begin, (begin + dt.timedelta(days=32)).replace(day=1)
        begin = dt.date(year, month, day)
    except ValueError:
        return None
    return begin, begin + dt.timedelta(days=1)


def date_label(begin: dt.date, precision: str, lang: str = "en") -> str:
    """'5 March 2022', 'March 2022' or '2022' (Indonesian month names when lang is id)."""
    month = month_labels(language(lang))[begin.month - 1]
    if precision == "year":
        return str(begin.year)
    if precision == "month":
        return f"{month} {begin.year}"
    return f"{begin.day} {month} {begin.year}"


def event_rows(analysis: Analysis, lang: str = "en") -> list[Row]:
    """One row per dated event, with its span, a readable date and its sentence."""
    names = display_names(analysis, lang)
    texts = sentence_texts(analysis)
    rows = []
    for e in analysis.events:
        period = event_period(e.date, e.precision)
        rows.append(
            {
                "date": e.date,
                "precision": e.precision,
                "begin": period[0].isoformat() if period else None,
                "end": period[1].isoformat() if period else None,
                "label": date_label(period[0], e.precision, lang) if period else e.date,
                "sentence": e.sentence,
                "countries": ", ".join(e.countries),
                "country_names": ", ".join(names.get(c, c) for c in e.countries),
                "text": e.text,
                "sentence_text": texts.get(e.sentence, ""),
            }
        )
    return rows


def pair_rows(ties: Iterable[Tie], names: dict[str, str]) -> list[Row]:
    """Each tied pair once (a < b): net score of its distinct types, ties and evidence."""
    pairs: dict[tuple[str, str], Row] = {}
    for t in ties:
        a, b = t.pair
        if a == b:
            continue
        row = pairs.setdefault(
            (a, b),
            {"a": a, "b": b, "a_name": names.get(a, a), "b_name": names.get(b, b)}
            | {"net": 0.0, "ties": 0, "evidence": 0, "_types": []},
        )
        if t.type not in row["_types"]:
            row["_types"].append(t.type)
            row["net"] += t.score
        row["ties"] += 1
        row["evidence"] += len(t.evidence)
    rows = []
    for key in sorted(pairs):
        row = pairs[key]
        types = sorted(row.pop("_types"), key=_TYPE_RANK.__getitem__)
        rows.append(row | {"types": ", ".join(types)})
    return rows


def net_rows(
    analysis: Analysis,
    lang: str = "en",
    types: Collection[str] | None = None,
    country: str | None = None,
) -> list[Row]:
    """Every tied pair in both orders, so a matrix cell or a lookup by either end works."""
    rows = []
    for row in pair_rows(filter_ties(analysis, types, country), display_names(analysis, lang)):
        rows.append(row)
        flipped = {"a": row["b"], "b": row["a"], "a_name": row["b_name"], "b_name": row["a_name"]}
        rows.append(row | flipped)
    return sorted(rows, key=lambda r: (r["a"], r["b"]))


def camp_rows(analysis: Analysis, lang: str = "en") -> list[Row]:
    """Every involved country with its camp and its place between the two poles."""
    names = display_names(analysis, lang)
    camps = analysis.camps
    poles = camps.poles or ()
    sides = camp_of(analysis)
    ids = [c.iso3 for c in analysis.countries]
    ids += sorted(set(camps.camp) | set(camps.position) - set(ids))
    rows = []
    for iso3 in dict.fromkeys(ids):
        pole = sides.get(iso3)
        rows.append(
            {
                "iso3": iso3,
                "country": names.get(iso3, iso3),
                "camp": pole,
                "camp_name": names.get(pole, pole) if pole else None,
                "side": camps.camp.get(iso3) if pole else None,
                "position": camps.position.get(iso3) if poles else None,
                "is_pole": iso3 in poles,
            }
        )
    placed = sorted((r for r in rows if r["position"] is not None), key=_by_position)
    return placed + [r for r in rows if r["position"] is None]


def _by_position(row: Row) -> tuple[float, str]:
    return (row["position"], row["country"])


def _frame(rows: list[Row], columns: tuple[str, ...]) -> pd.DataFrame:
    """Rows as a DataFrame with exactly the documented columns, even when empty."""
    import pandas as pd

    return pd.DataFrame(rows, columns=list(columns))


def countries_table(analysis: Analysis, lang: str = "en") -> pd.DataFrame:
    """Countries: see COUNTRIES_COLUMNS."""
    return _frame(country_rows(analysis, lang), COUNTRIES_COLUMNS)


def actors_table(analysis: Analysis, lang: str = "en") -> pd.DataFrame:
    """Actors other than countries: see ACTORS_COLUMNS."""
    return _frame(actor_rows(analysis, lang), ACTORS_COLUMNS)


def mentions_table(analysis: Analysis, lang: str = "en") -> pd.DataFrame:
    """Mentions in text order: see MENTIONS_COLUMNS."""
    return _frame(mention_rows(analysis, lang), MENTIONS_COLUMNS)


def ties_table(
    analysis: Analysis,
    lang: str = "en",
    types: Collection[str] | None = None,
    country: str | None = None,
) -> pd.DataFrame:
    """One row per tie: see TIES_COLUMNS."""
    return _frame(tie_rows(analysis, lang, types, country), TIES_COLUMNS)


def evidence_table(
    analysis: Analysis,
    lang: str = "en",
    types: Collection[str] | None = None,
    country: str | None = None,
) -> pd.DataFrame:
    """One row per evidence: see EVIDENCE_COLUMNS."""
    return _frame(evidence_rows(analysis, lang, types, country), EVIDENCE_COLUMNS)


def events_table(analysis: Analysis, lang: str = "en") -> pd.DataFrame:
    """Dated events: see EVENTS_COLUMNS."""
    return _frame(event_rows(analysis, lang), EVENTS_COLUMNS)


def net_matrix(
    analysis: Analysis,
    lang: str = "en",
    types: Collection[str] | None = None,
    country: str | None = None,
) -> pd.DataFrame:
    """Net score per tied pair in long form, both orders: see NET_COLUMNS."""
    return _frame(net_rows(analysis, lang, types, country), NET_COLUMNS)


def camps_table(analysis: Analysis, lang: str = "en") -> pd.DataFrame:
    """Countries with camp and position, ordered along the axis: see CAMPS_COLUMNS."""
    return _frame(camp_rows(analysis, lang), CAMPS_COLUMNS)
