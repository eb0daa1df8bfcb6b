"""Dated events: find date expressions, resolve them against the article's date, infer it if absent.

Three compiled regexes, built once from the words in data/dates.yaml, find the candidate
spans: one starts at a capitalised month or weekday name, one at a number, one at a
relative phrase ("kemarin", "last year"). The first two start with a plain character
choice, so the regex engine skips other positions; the third is tried only at the tokens
that start a phrase, read from the text's cached tokens (`text_tokens`). The words before
a match ("pada", "tahun", "mid-") are read backwards by a fourth, anchored regex. The
spans are parsed from the same tables. Measured on the 3.3 KB sample article, tokens
cached: ~80 µs to find the dates, ~110 µs for `extract_events` with an article date,
~170 µs when the date has to be inferred.

dateparser is not used in the hot path. Measured here: importing it takes ~0.18 s (a third
of the CLI's start budget); one `dateparser.parse` takes ~0.5 ms with the language given
and ~1.5 ms without, so a handful of dates would eat the whole 1 ms per-article budget;
`search_dates` takes ~20 ms on the sample article and resolves year-less dates against
today's date and against each other ("25 Februari" came out in 2018 because "tahun 2018"
came before it). It adds nothing these tables do not cover, so there is no fallback.

Resolution rules (the reference is the article's date):
- a day and month without a year take the reference's year, or the year before when
  that would put them more than ~2 months after the reference (news looks back);
- a weekday alone is the most recent such day on or before the reference;
- "kemarin", "last year" and the like count from the reference; weeks resolve to a month.

Without an article date the reference is inferred from the text; see `infer_reference`.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import compress
from pathlib import Path
from typing import Any, NamedTuple

from diplomap.datafiles import read_yaml
from diplomap.model import Article, Entity, Event, Mention, Sentence
from diplomap.text import Tokens, text_tokens, token_key

DATES_FILE = Path(__file__).resolve().parent.parent / "data" / "dates.yaml"
FIRST_YEAR, LAST_YEAR = 1900, 2100
LOOK_BACK = 62
HOW_TO_SET = "set one with --date or a `date:` field"

LENGTHENED_BY_LOWER = "\u0130"  # "İ".lower() is "i̇"; every other character stays one
# re.IGNORECASE lets "ı" and "İ" match "i" and "ſ" match "s"; none of them lowercases to it
STRICT_LETTERS = {"i": "(?-i:[iI])", "s": "(?-i:[sS])"}
WORD = re.compile(r"[^\W_]+|[^\w\s]")  # the words of diplomap.text.tokenize, as written
SOURCE_WORDING = {"metadata": "metadata", "user": "set by the user"}


@dataclass(frozen=True)
class EventResult:
    """The dated events of one article and the reference date they were resolved against."""

    events: tuple[Event, ...]
    reference: dt.date | None
    reference_source: str
    warnings: tuple[str, ...] = ()


class Found(NamedTuple):
    """One date expression as written, before it is resolved against a reference."""

    start: int
    end: int
    text: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    shift: int = 0
    unit: str = ""
    amount: int = 0
    future: bool = False


def extract_events(
    article: Article,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    entities: Mapping[str, Entity],
) -> EventResult:
    """Every date expression of the article as an Event, with the date it was resolved against."""
    found = find_dates(article.text)
    warnings: list[str] = []
    if article.date is not None:
        reference = article.date
        source = SOURCE_WORDING.get(article.date_source, article.date_source)
        if source in ("", "none"):
            source = "metadata"
    else:
        reference, source, notes = infer_reference(
            found, article.text, sentences, mentions, entities
        )
        warnings.extend(notes)
    resolved, unplaced, mismatched = resolve_all(found, reference)
    warnings.extend(mismatched)
    if unplaced:
        names = ", ".join(f"'{f.text}'" for f in unplaced)
        warnings.append(f"cannot place {names} in time: the article has no date; {HOW_TO_SET}")
    events = place_events(resolved, sentences, mentions)
    return EventResult(events, reference, source, tuple(warnings))


def place_events(
    resolved: Sequence[tuple[Found, str, str]],
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
) -> tuple[Event, ...]:
    """Events with their sentence and its countries, one per date and sentence, in text order."""
    if not resolved:
        return ()
    starts = [s.start for s in sentences]
    order = [s.index for s in sentences] or [0]
    placed = [order[max(0, bisect_right(starts, f.start) - 1)] for f, _, _ in resolved]
    wanted = set(placed)
    countries = countries_by_sentence([m for m in mentions if m.sentence in wanted])
    kept: dict[tuple[int, str], Event] = {}
    for (f, date, precision), sentence in zip(resolved, placed, strict=True):
        event = Event(
            date, precision, sentence, countries.get(sentence, ()), f.start, f.end, f.text
        )
        kept.setdefault((sentence, date), event)
    finer = {(s, date[:n]) for s, date in kept for n in (4, 7) if len(date) > n}
    return tuple(e for key, e in kept.items() if key not in finer)


def find_dates(text: str) -> list[Found]:
    """Date expressions in text order, parsed but not yet resolved; overlaps keep the first."""
    t = load_tables()
    found = [f for m in t.numbers.finditer(text) if (f := parse_number(m, text, t))]
    taken = {i for f in found for i in range(f.start, f.end)}
    names = (m for m in t.names.finditer(text) if m.start() not in taken)
    found += [f for m in names if (f := parse_name(m, text, t))]
    found += [parse_relative(*span, text, t) for span in relative_matches(text, t)]
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[Found] = []
    for f in found:
        if not kept or f.start >= kept[-1].end:
            kept.append(f)
    return kept


def relative_matches(text: str, t: DateTables) -> list[tuple[int, int, str]]:
    """The relative phrases of text as (start, end, the phrase as matched).

    The same matches as scanning " " + text.lower() with `t.relative`, tried only at the
    tokens that can start one: a phrase starts at a token whose lowercase form is a
    phrase's first word, followed by one of its second words ("the" only before "day").
    A case-insensitive match on the text as written is that match when it is all ASCII
    ("ı" matches "i" only case-insensitively), so the text is lowercased only for a match
    that is not, and offsets in it are mapped back ("İ" lowercases to two characters).
    """
    padded = " " + text
    tokens = text_tokens(text)
    lower, heads = tokens.lower, t.relative_heads
    lowered: Lowered | None = None
    found: list[tuple[int, int, str]] = []
    end = 0
    for k in compress(range(len(lower)), map(heads.__contains__, lower)):
        seconds = heads[lower[k]]
        if seconds is not None and (k + 1 == len(lower) or lower[k + 1] not in seconds):
            continue
        start = tokens.starts[k]
        if start < end:
            continue
        m = t.relative_any_case.match(padded, start)
        if m is None:
            continue
        stop, written = m.end(), m[0][1:]
        if not written.isascii():
            lowered = lowered or Lowered(padded)
            hit = lowered.match(t.relative, start)
            if hit is None:
                continue
            stop, written = hit
        found.append((start, stop - 1, written))
        end = stop
    return found


class Lowered:
    """text.lower() and the way back to the text's offsets: each "İ" became "i" and a dot."""

    def __init__(self, text: str) -> None:
        self.text = text.lower()
        dotted = []
        at = text.find(LENGTHENED_BY_LOWER)
        while at >= 0:
            dotted.append(at)
            at = text.find(LENGTHENED_BY_LOWER, at + 1)
        self.dotted = dotted
        self.dots = [at + k + 1 for k, at in enumerate(dotted)]  # where each dot landed

    def match(self, pattern: re.Pattern[str], start: int) -> tuple[int, str] | None:
        """Where a match at the text's offset `start` ends in the text (past an "İ" whose "i"
        it read), and what it read."""
        m = pattern.match(self.text, start + bisect_left(self.dotted, start))
        if m is None:
            return None
        stop = m.end()
        return stop - bisect_left(self.dots, stop), m[0][1:]


def countries_by_sentence(mentions: Sequence[Mention]) -> dict[int, tuple[str, ...]]:
    """Sorted distinct countries named (directly or through an actor) in each sentence."""
    sets: dict[int, set[str]] = {}
    for m in mentions:
        if m.country:
            sets.setdefault(m.sentence, set()).add(m.country)
    return {k: tuple(sorted(v)) for k, v in sets.items()}


def resolve_all(
    found: Sequence[Found], reference: dt.date | None
) -> tuple[list[tuple[Found, str, str]], list[Found], list[str]]:
    """Resolved (expression, date, precision) triples, the expressions that need a date, notes."""
    events, unplaced, notes = [], [], []
    for f in found:
        resolved = resolve(f, reference)
        if resolved is None:
            if f.year is None and reference is None:
                unplaced.append(f)
            continue
        events.append((f, *resolved))
        note = weekday_mismatch(f, resolved[0])
        if note:
            notes.append(note)
    return events, unplaced, notes


def resolve(f: Found, reference: dt.date | None) -> tuple[str, str] | None:
    """The ISO date (day, month or year precision) an expression stands for, if it can be told."""
    if f.kind == "year":
        return f"{f.year:04d}", "year"
    if f.year is None and reference is None:
        return None
    if f.kind == "day":
        day = date_of(f.year, f.month, f.day) if f.year else day_near(reference, f.month, f.day)
        return (day.isoformat(), "day") if day else None
    if f.kind == "month":
        year = f.year if f.year else year_of_month(reference, f.month, f.shift)
        return f"{year:04d}-{f.month:02d}", "month"
    if f.kind == "weekday":
        return weekday_near(reference, f.weekday, f.shift).isoformat(), "day"
    return shift_by(reference, f.unit, f.amount)


def date_of(year: int, month: int, day: int) -> dt.date | None:
    """The calendar day, or None for one that does not exist (31 April)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def day_near(reference: dt.date, month: int, day: int) -> dt.date | None:
    """A day and month placed in the reference's year, or the one before if it lies ahead."""
    year = reference.year
    if (month, day) == (2, 29):
        while not date_of(year, 2, 29):
            year -= 1
    found = date_of(year, month, day)
    if found and (found - reference).days > LOOK_BACK:
        found = date_of(year - 1, month, day) or date_of(year - 4, month, day)
    return found


def year_of_month(reference: dt.date, month: int, shift: int) -> int:
    """The year of a month named without one: last/next such month, or the nearest looking back."""
    if shift < 0:
        return reference.year if month < reference.month else reference.year - 1
    if shift > 0:
        return reference.year if month > reference.month else reference.year + 1
    first = dt.date(reference.year, month, 1)
    return reference.year - 1 if (first - reference).days > LOOK_BACK else reference.year


def weekday_near(reference: dt.date, weekday: int, shift: int) -> dt.date:
    """The latest such weekday on or before the reference; strictly before/after if shifted."""
    back = (reference.weekday() - weekday) % 7
    if shift < 0:
        return reference - dt.timedelta(days=back or 7)
    if shift > 0:
        return reference + dt.timedelta(days=(weekday - reference.weekday()) % 7 or 7)
    return reference - dt.timedelta(days=back)


def shift_by(reference: dt.date, unit: str, amount: int) -> tuple[str, str]:
    """A relative expression ("kemarin", "two years ago") counted from the reference."""
    if unit == "years":
        return f"{reference.year + amount:04d}", "year"
    if unit == "months":
        index = reference.year * 12 + reference.month - 1 + amount
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "month"
    if unit == "weeks":
        return (reference + dt.timedelta(weeks=amount)).isoformat()[:7], "month"
    return (reference + dt.timedelta(days=amount)).isoformat(), "day"


def weekday_mismatch(f: Found, date: str) -> str | None:
    """A note when a written weekday does not fall on the written date."""
    if f.kind != "day" or f.weekday is None:
        return None
    day = dt.date.fromisoformat(date)
    if day.weekday() == f.weekday:
        return None
    return (
        f"'{f.text}': {day.day} {month_labels()[day.month - 1]} {day.year} is a "
        f"{weekday_labels()[day.weekday()]}, not a {weekday_labels()[f.weekday]}"
    )


def infer_reference(
    found: Sequence[Found],
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    entities: Mapping[str, Entity],
) -> tuple[dt.date | None, str, list[str]]:
    """The article's date as the text constrains it, how it was inferred, and any doubts.

    Hard constraints: a weekday written with a day and month ("Sabtu, 5 Maret") allows
    only the years where that day has that weekday; the latest year the text dates a past
    event in is a lower bound. Soft: a person named with an office title and not as
    "mantan/former" was in office that year. The year is the earliest one meeting the hard
    constraints, preferring those that meet the most soft ones; it is only chosen when the
    text pins it: weekday pairs with some lower bound, or a dated anchor ("1 Maret 2022").
    The date is the latest day the text gives in that year.
    """
    pairs = [f for f in found if f.kind == "day" and f.weekday is not None and f.year is None]
    past = [f for f in found if f.year is not None and not f.future]
    floor = max((f.year for f in past), default=None)
    anchored = any(f.kind in ("day", "month") for f in past)
    terms = office_terms(text, sentences, mentions, entities)
    if pairs:
        year = earliest_best(years_on_weekdays(pairs, floor or FIRST_YEAR), terms)
        if year is None:
            return None, unknown("its weekdays and dates do not agree on any year"), []
    elif anchored:
        year = earliest_best(range(floor, LAST_YEAR + 1), terms)
    else:
        return None, unknown(undated_reason(floor, terms)), []
    held = [e for e in terms if in_term(year, e)]
    if floor is None and not held:
        quoted = "', '".join(f.text for f in pairs)
        return None, unknown(f"'{quoted}' fits many years"), []
    notes = [out_of_term(year, e) for e in terms if not in_term(year, e)]
    reason = inference_reason(year, pairs, floor, held)
    return reference_day(year, found, pairs), f"inferred: {reason}", notes


def earliest_best(years: Iterable[int], terms: Sequence[Entity]) -> int | None:
    """The earliest of the years that has the most of the given people in office."""
    best, most = None, -1
    for year in years:
        held = sum(in_term(year, e) for e in terms)
        if held > most:
            best, most = year, held
            if held == len(terms):
                break
    return best


def unknown(reason: str) -> str:
    """The reference_source for an article whose date cannot be told."""
    return f"unknown: the article has no date and {reason}; {HOW_TO_SET}"


def undated_reason(floor: int | None, terms: Sequence[Entity]) -> str:
    """Why the text does not pin the year, with what it does say."""
    hints = []
    if floor is not None:
        hints.append(f"it mentions years up to {floor}")
    if terms:
        hints.append(
            f"{join_names(e.name for e in terms)} {'is' if len(terms) == 1 else 'are'}"
            " named in office"
        )
    if not hints:
        return "the text gives no year"
    return f"the text does not pin the year ({'; '.join(hints)})"


def years_on_weekdays(pairs: Sequence[Found], first: int) -> list[int]:
    """The years from `first` on in which every written weekday falls on its day and month."""
    fit = frozenset.intersection(*(weekday_years(f.month, f.day, f.weekday) for f in pairs))
    return sorted(y for y in fit if y >= first)


@cache
def weekday_years(month: int, day: int, weekday: int) -> frozenset[int]:
    """The years FIRST_YEAR..LAST_YEAR in which that day of that month is that weekday."""
    days = (date_of(year, month, day) for year in range(FIRST_YEAR, LAST_YEAR + 1))
    return frozenset(d.year for d in days if d is not None and d.weekday() == weekday)


def in_term(year: int, entity: Entity) -> bool:
    """Whether the person held office at some point of that year."""
    start, end = entity.years or (None, None)
    return (start is None or start <= year) and (end is None or year <= end)


def out_of_term(year: int, entity: Entity) -> str:
    """A note that a person titled as in office was not, in the inferred year."""
    start, end = entity.years or (None, None)
    term = f"{start or ''}–{end or ''}"
    return f"{entity.name} is named as in office, but the inferred year {year} is outside {term}"


def inference_reason(
    year: int, pairs: Sequence[Found], floor: int | None, held: Sequence[Entity]
) -> str:
    """One sentence that says which evidence fixed the year."""
    office = in_office(held)
    then = f"; {office} then" if held else ""
    if not pairs:
        if year == floor:
            return f"{year} is the latest year the text dates an event in{then}"
        return f"{year} is the first year from {floor}, the latest the text mentions, when {office}"
    written = " and ".join(f"'{f.text}'" for f in pairs)
    kinds = " and ".join(dict.fromkeys(f"a {weekday_labels()[f.weekday]}" for f in pairs))
    head = f"{written} {'is' if len(pairs) == 1 else 'are'} {kinds} in {year}"
    if floor is None:
        return f"{head}, the first such year when {office}"
    if year == floor:
        return f"{head}, the latest year the text mentions{then}"
    return f"{head}, the first such year after the latest year the text mentions ({floor}){then}"


def in_office(held: Sequence[Entity]) -> str:
    """'Joe Biden was in office', 'A and B were in office'."""
    if not held:
        return ""
    return f"{join_names(e.name for e in held)} {'was' if len(held) == 1 else 'were'} in office"


def join_names(names) -> str:
    """'A', 'A and B', 'A, B and C'."""
    names = list(names)
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def reference_day(year: int, found: Sequence[Found], pairs: Sequence[Found]) -> dt.date:
    """The latest day the text pins in that year, else its latest undated day, else 1 January."""
    pinned = [date_of(year, f.month, f.day) for f in pairs]
    pinned += [date_of(year, f.month, f.day) for f in found if f.kind == "day" and f.year == year]
    pinned += [date_of(year, f.month, 1) for f in found if f.kind == "month" and f.year == year]
    days = [d for d in pinned if d]
    if not days:
        loose = (date_of(year, f.month, f.day) for f in found if f.kind == "day" and not f.year)
        days = [d for d in loose if d]
    return max(days, default=dt.date(year, 1, 1))


def office_terms(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    entities: Mapping[str, Entity],
) -> list[Entity]:
    """People with known terms whom the text names with a current (not former) office title."""
    termed = {
        a: e
        for a in {m.actor for m in mentions}
        if (e := entities.get(a)) is not None and e.kind == "person" and e.years
    }
    if not termed:
        return []
    starts = {s.index: s.start for s in sentences}
    tokens = text_tokens(text)
    out: dict[str, Entity] = {}
    for m in [m for m in mentions if m.actor in termed]:
        if m.actor in out:
            continue
        window = max(starts.get(m.sentence, 0), m.start - 60)
        if titled_in_office(words_in(text, tokens, window, m.start), WORD.findall(m.text)):
            out[m.actor] = termed[m.actor]
    return list(out.values())


def words_in(text: str, tokens: Tokens, start: int, end: int) -> list[str]:
    """WORD.findall(text, start, end), cut from the text's cached tokens."""
    if start >= end:
        return []
    lo = bisect_right(tokens.ends, start)
    hi = bisect_left(tokens.starts, end)
    words = list(tokens.words[lo:hi])
    if words and tokens.starts[lo] < start:
        words[0] = text[start : tokens.ends[lo]]
    if words and tokens.ends[hi - 1] > end:
        words[-1] = text[max(start, tokens.starts[hi - 1]) : end]
    return words


def titled_in_office(before: Sequence[str], name: Sequence[str]) -> bool:
    """Whether a title stands before the name with only names between ("Presiden AS Joe Biden")
    and no "mantan/former" before it; words as written, since case tells names apart."""
    tables = load_tables()
    words = [*before, *name[:-1]]
    lower = [w.lower() for w in words]
    for end in range(len(words), max(0, len(words) - 6), -1):
        if lower[end - 1] in tables.title_ends:
            for size in (3, 2, 1):
                if end >= size and tuple(lower[end - size : end]) in tables.titles:
                    return not is_former(words[: end - size], lower[: end - size], tables)
        if not is_name_part(words[end - 1]):
            return False
    return False


def is_former(words: Sequence[str], lower: Sequence[str], tables: DateTables) -> bool:
    """Whether "mantan", "former", "ex-" stands before a title, with only names between."""
    for end in range(len(words), max(0, len(words) - 6), -1):
        if any(end >= n and tuple(lower[end - n : end]) in tables.former for n in (1, 2)):
            return True
        if not (is_name_part(words[end - 1]) or words[end - 1] == "-"):
            return False
    return False


def is_name_part(word: str) -> bool:
    """A capitalised word or an initial's dot: what may stand between a title and a name."""
    return word[:1].isupper() or word == "."


class Context(NamedTuple):
    """The words right before a date: a preposition (left out of the span) and attached words."""

    start: int
    prep: str | None = None
    shift: int | None = None
    qualified: bool = False
    word: str | None = None


def left_context(text: str, pos: int, t: DateTables) -> Context:
    """Read back from pos ("hari", qualifiers, "last", a preposition) on the reversed text."""
    lo = pos - 48
    m = t.left.match(text[pos - 1 : lo - 1 : -1] if lo > 0 else text[pos - 1 :: -1])
    if not m.end():
        return Context(pos)
    word = "day_word" if m["day_word"] else "month_word" if m["month_word"] else "weekday_word"
    prep, shift = m["prep"], m["shift"]
    return Context(  # positional: a NamedTuple builds faster without keywords
        pos - m.end("attached"),
        phrase_key(prep[::-1]) if prep else None,
        t.shifts[phrase_key(shift[::-1])] if shift else None,
        bool(m["quals"]),
        word if m["word"] else None,
    )


def context_for(kind: str, text: str, pos: int, t: DateTables) -> Context:
    """The left context, dropped when its nearest word does not fit the kind ("the 2019 vote")."""
    ctx = left_context(text, pos, t)
    return ctx if ctx.word is None or ctx.word in WORDS_FOR[kind] else Context(pos)


WORDS_FOR = {
    "day": ("day_word", "weekday_word"),
    "weekday": ("weekday_word",),
    "month": ("month_word",),
    "year": (),
}


def parse_name(m: re.Match[str], text: str, t: DateTables) -> Found | None:
    """A match that starts at a month or weekday name, with what follows it."""
    name = name_key(text[m.start() : m.end("name")])
    form = m.lastgroup if m.lastgroup != "name" else None
    if name in t.weekdays and form in ("wd_dmy", "wd_mdy", "wd_num"):
        written = m[f"{form}_mon"]
        month = int(written) if written.isdigit() else t.months[name_key(written)]
        day, year = leading_number(m[f"{form}_day"]), year_value(m[f"{form}_year"])
        return day_found(m.start(), m.end(), day, month, year, t.weekdays[name], text, t)
    if name in t.months and form == "md":
        day, year = leading_number(m["md_day"]), year_value(m["md_year"])
        return day_found(m.start(), m.end(), day, t.months[name], year, None, text, t)
    if name in t.months and form == "my":
        ctx = context_for("month", text, m.start(), t)
        future = ctx.prep in t.future_prepositions
        surface = text[ctx.start : m.end()]
        return Found(
            ctx.start, m.end(), surface, "month", int(m["my_year"]), t.months[name], future=future
        )
    if name not in t.full_names:
        return None
    shifted = form == "shift"
    end = m.end("shift") if shifted else m.end("name")
    if name in t.weekdays:
        return weekday_found(m.start(), end, name, m["shift"] if shifted else None, text, t)
    return month_found(m.start(), end, name, m["shift"] if shifted else None, text, t)


def day_found(
    start: int,
    end: int,
    day: int,
    month: int,
    year: int | None,
    weekday: int | None,
    text: str,
    t: DateTables,
) -> Found | None:
    """A day-precision expression, or None for a day its month never has (31 April)."""
    if date_of(year or 2000, month, day) is None:
        return None
    ctx = context_for("day", text, start, t)
    future = ctx.prep in t.future_prepositions
    return Found(
        ctx.start, end, text[ctx.start : end], "day", year, month, day, weekday, future=future
    )


def weekday_found(
    start: int, end: int, name: str, shift: str | None, text: str, t: DateTables
) -> Found | None:
    """'Sabtu', 'hari Sabtu', 'last Saturday', 'Sabtu lalu'; "Minggu" alone needs a marker."""
    ctx = context_for("weekday", text, start, t)
    if name in t.ambiguous_weekdays and not (ctx.prep or ctx.word):
        return None
    moved = t.shifts[phrase_key(shift)] if shift else ctx.shift
    return Found(
        ctx.start, end, text[ctx.start : end], "weekday", weekday=t.weekdays[name], shift=moved or 0
    )


def month_found(
    start: int, end: int, name: str, shift: str | None, text: str, t: DateTables
) -> Found | None:
    """'in March', 'bulan Maret', 'Maret lalu', 'early March'; a bare name is not a date."""
    ctx = context_for("month", text, start, t)
    moved = t.shifts[phrase_key(shift)] if shift else ctx.shift
    if not (ctx.prep or ctx.qualified or ctx.word or moved is not None):
        return None
    return Found(
        ctx.start, end, text[ctx.start : end], "month", None, t.months[name], shift=moved or 0
    )


def parse_number(m: re.Match[str], text: str, t: DateTables) -> Found | None:
    """A match that starts at a number: '5 Maret', '1 March 2022', '2022-03-05', 'pada 2019'."""
    start, end = m.span()
    if start and text[start - 1] in "0123456789.,":
        return None
    form = m.lastgroup
    if form == "dm":
        day, year = leading_number(m.group()), year_value(m["dm_year"])
        return day_found(start, end, day, t.months[name_key(m["dm_mon"])], year, None, text, t)
    if form == "ago":
        unit = t.units[phrase_key(m["ago_unit"])]
        return Found(
            start, end, m.group(), "relative", unit=unit, amount=-leading_number(m.group())
        )
    if form not in ("iso", "bare"):
        return None
    year = int(text[start : start + 4])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    if form == "iso":
        day = date_of(year, int(m["iso_mon"]), int(m["iso_day"]))
        return Found(start, end, m.group(), "day", year, day.month, day.day) if day else None
    ctx = context_for("year", text, start, t)
    if not (ctx.prep or ctx.qualified):
        return None
    return Found(
        ctx.start,
        end,
        text[ctx.start : end],
        "year",
        year,
        future=ctx.prep in t.future_prepositions,
    )


def parse_relative(start: int, end: int, written: str, text: str, t: DateTables) -> Found:
    """'kemarin', 'pekan lalu', 'last year', 'dua tahun lalu', 'two years ago' at text[start:end],
    read as `written` (lowercase)."""
    phrase = phrase_key(written)
    if phrase in t.relative_words:
        unit, amount = t.relative_words[phrase]
    else:
        count, unit_word = phrase.split()[:2]
        unit, amount = t.units[unit_word], -t.count_words[count]
    return Found(start, end, text[start:end], "relative", unit=unit, amount=amount)


def leading_number(text: str) -> int:
    """The number a day or count starts with: '23rd' -> 23."""
    return int(text[:2]) if text[1:2].isdigit() else int(text[0])


def year_value(text: str | None) -> int | None:
    """A written year; two digits ("5/3/22") are this century."""
    if not text:
        return None
    return int(text) + 2000 if len(text) == 2 else int(text)


def name_key(text: str) -> str:
    """The lookup key of a month or weekday name: lowercase, no final dot."""
    return text.rstrip(".").lower()


def phrase_key(text: str) -> str:
    """The lookup key of a phrase: lowercase, single spaces."""
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class DateTables:
    """The words of data/dates.yaml, merged over languages, and the matchers built from them."""

    names: re.Pattern[str]
    numbers: re.Pattern[str]
    relative_source: str
    relative_any_case: re.Pattern[str]
    relative_heads: dict[str, frozenset[str] | None]
    left: re.Pattern[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    full_names: frozenset[str]
    ambiguous_weekdays: frozenset[str]
    future_prepositions: frozenset[str]
    shifts: dict[str, int]
    relative_words: dict[str, tuple[str, int]]
    units: dict[str, str]
    count_words: dict[str, int]
    titles: frozenset[tuple[str, ...]]
    title_ends: frozenset[str]
    former: frozenset[tuple[str, ...]]

    @property
    def relative(self) -> re.Pattern[str]:
        """Relative phrases in lowercased text, compiled (5 ms) only once a match needs it."""
        return compile_once(self.relative_source)


compile_once = cache(re.compile)


@cache
def read_dates_file(path: Path = DATES_FILE) -> dict[str, Any]:
    """data/dates.yaml as plain data, read once."""
    return read_yaml(path)


@cache
def month_labels(lang: str = "en") -> tuple[str, ...]:
    """CLDR's month names in a language, January first, for labels and messages."""
    names = read_dates_file()["cldr"][lang]["months"]
    return tuple(names[month] for month in range(1, 13))


@cache
def weekday_labels(lang: str = "en") -> tuple[str, ...]:
    """CLDR's weekday names in a language, Monday first (as date.weekday() counts)."""
    names = read_dates_file()["cldr"][lang]["weekdays"]
    return tuple(names[day] for day in range(7))


@cache
def load_tables(path: Path = DATES_FILE) -> DateTables:
    """Read data/dates.yaml once and build the matchers."""
    raw = read_dates_file(path)
    blocks = [*raw["cldr"].values(), *raw["curated"].values()]
    words = {key: gather(blocks, key) for key in WORD_LISTS}
    names = {key: numbered_names(blocks, key) for key in NUMBERED}
    before, after, counts = (
        {phrase_key(k): int(v) for k, v in merged(blocks, key).items()}
        for key in ("shift_before", "shift_after", "numbers")
    )
    units = {phrase_key(k): str(v) for k, v in merged(blocks, "units").items()}
    relative = {}
    for phrase, spec in merged(blocks, "relative").items():
        ((unit, amount),) = spec.items()
        relative[phrase_key(phrase)] = (unit, int(amount))
    relative_source = relative_pattern(relative, units, counts, words["ago"])
    return DateTables(
        names=names_pattern(names, after),
        numbers=numbers_pattern(words, names, units),
        relative_source=relative_source,
        relative_any_case=re.compile(relative_source, re.IGNORECASE),
        relative_heads=relative_heads(relative, units, counts),
        left=left_pattern(words, before),
        months={**names["months_abbr"], **names["months"]},
        weekdays={**names["weekdays_abbr"], **names["weekdays"]},
        full_names=frozenset(names["months"]) | frozenset(names["weekdays"]),
        ambiguous_weekdays=frozenset(name_key(w) for w in words["ambiguous_weekdays"]),
        future_prepositions=frozenset(phrase_key(w) for w in words["future_prepositions"]),
        shifts={**before, **after},
        relative_words=relative,
        units=units,
        count_words=counts,
        titles=frozenset(token_key(w) for w in words["office_titles"]),
        title_ends=frozenset(token_key(w)[-1] for w in words["office_titles"] if token_key(w)),
        former=frozenset(token_key(w) for w in words["former"]),
    )


WORD_LISTS = (
    "ambiguous_weekdays",
    "prepositions",
    "future_prepositions",
    "qualifiers",
    "day_words",
    "month_words",
    "weekday_words",
    "count_words",
    "ago",
    "office_titles",
    "former",
)
NUMBERED = ("months", "months_abbr", "weekdays", "weekdays_abbr")


def gather(blocks: Sequence[dict], key: str) -> list[str]:
    """One word list from every language block."""
    return [str(w) for block in blocks for w in block.get(key) or ()]


def merged(blocks: Sequence[dict], key: str) -> dict:
    """One mapping from every language block."""
    return {str(k): v for block in blocks for k, v in (block.get(key) or {}).items()}


def numbered_names(blocks: Sequence[dict], key: str) -> dict[str, int]:
    """name -> number, from blocks that map a number to a name or a list of names."""
    out = {}
    for block in blocks:
        for number, names in (block.get(key) or {}).items():
            for name in [names] if isinstance(names, str) else names:
                out[name_key(str(name))] = int(number)
    return out


DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d\w])"
YEAR = r"(?<![\d.,])(?:19\d\d|20\d\d|2100)(?!\d|[.,]\d)"
TO_DAY = rf"(?:\s*[-–]\s*{DAY})?"

# The three scanners each start with a plain character choice (a capital, a digit, a
# lowercase letter), so the regex engine skips other positions without entering them.


def names_pattern(names: dict[str, dict[str, int]], after: Mapping[str, int]) -> re.Pattern[str]:
    """Dates that start at a capitalised month or weekday name, with what may follow it."""
    month = month_names(names)
    all_names = [n for key in NUMBERED for n in names[key]]
    return re.compile(
        rf"{capitalised(all_names)}(?!\w)(?P<name>)\.?(?:"
        rf"(?P<wd_dmy>\s*,?\s*(?P<wd_dmy_day>{DAY}){TO_DAY}\s+(?i:of\s+)?"
        rf"(?P<wd_dmy_mon>{month})(?:\s*,?\s*(?P<wd_dmy_year>{YEAR}))?)"
        rf"|(?P<wd_mdy>\s*,?\s*(?P<wd_mdy_mon>{month})\s+(?P<wd_mdy_day>{DAY}){TO_DAY}"
        rf"(?:(?:\s*,\s*|\s+)(?P<wd_mdy_year>{YEAR}))?)"
        rf"|(?P<wd_num>\s*\(\s*(?P<wd_num_day>{DAY})\s*/\s*(?P<wd_num_mon>1[0-2]|0?[1-9])"
        rf"(?:\s*/\s*(?P<wd_num_year>{YEAR}|\d\d))?\s*\))"
        rf"|(?P<md>\s+(?P<md_day>{DAY}){TO_DAY}(?:(?:\s*,\s*|\s+)(?P<md_year>{YEAR}))?)"
        rf"|(?P<my>\s+(?P<my_year>{YEAR}))"
        rf"|\s+(?P<shift>(?i:{alternation(after, strict=True)}))(?!\w)"
        r")?"
    )


def numbers_pattern(
    words: dict[str, list[str]], names: dict[str, dict[str, int]], units: Mapping[str, str]
) -> re.Pattern[str]:
    """Dates that start at a number: a day before a month, a year, an ISO date, "3 years ago"."""
    count = f"(?!\\s*(?:%|(?i:{alternation(words['count_words'], strict=True)})(?!\\w)))"
    return re.compile(
        r"[0-9](?:[0-9]{3}(?!\d|[.,]\d)(?:"
        r"(?P<iso>-(?P<iso_mon>[01]\d)-(?P<iso_day>[0-3]\d)(?!\d))"
        rf"|(?P<bare>)(?![^\W\d_]|-an(?!\w)){count})?"
        r"|[0-9]?(?!\d)(?:st|nd|rd|th)?(?:"
        rf"(?P<dm>{TO_DAY}\s+(?i:of\s+)?(?P<dm_mon>{month_names(names)})"
        rf"(?:\s*,?\s*(?P<dm_year>{YEAR}))?)"
        rf"|(?P<ago>\s+(?P<ago_unit>(?i:{alternation(units, strict=True)}))\s+"
        rf"(?i:{alternation(words['ago'], strict=True)})(?!\w))))"
    )


def relative_pattern(
    relative: Mapping[str, object],
    units: Mapping[str, str],
    counts: Mapping[str, int],
    ago: Sequence[str],
) -> str:
    """Relative phrases in lowercase text: "kemarin", "pekan lalu", "dua tahun lalu"."""
    tail = rf"\s+(?:{alternation(units)})\s+(?:{alternation(ago)})"
    phrases = trie_pattern({**dict.fromkeys(relative, ""), **dict.fromkeys(counts, tail)})
    return rf"[\s(\"'“‘]{phrases}(?!\w)"


def relative_heads(
    relative: Mapping[str, object], units: Mapping[str, str], counts: Mapping[str, int]
) -> dict[str, frozenset[str] | None]:
    """First word of each relative phrase -> the words that may follow it, None if any may."""
    phrases = [token_key(p) for p in relative]
    unit_starts = [token_key(u)[:1] for u in units]
    phrases += [(*token_key(c), *u) for c in counts for u in unit_starts]
    seconds: dict[str, set[str]] = {}
    alone: set[str] = set()
    for words in phrases:
        if len(words) == 1:
            alone.add(words[0])
        elif words:
            seconds.setdefault(words[0], set()).add(words[1])
    heads: dict[str, frozenset[str] | None] = dict.fromkeys(alone)
    for first, nexts in seconds.items():
        if first not in alone:
            heads[first] = frozenset(nexts)
    return heads


def left_pattern(words: dict[str, list[str]], before: Mapping[str, int]) -> re.Pattern[str]:
    """The words that may stand before a date, spelled backwards, to match the reversed text."""

    def back(items) -> str:
        return alternation((phrase_key(w)[::-1] for w in items), strict=True)

    return re.compile(
        rf"(?P<word>\s+(?:(?P<day_word>{back(words['day_words'])})"
        rf"|(?P<month_word>{back(words['month_words'])})"
        rf"|(?P<weekday_word>{back(words['weekday_words'])}))(?!\w))?"
        rf"(?P<quals>(?:(?:\s+|-)(?:{back(words['qualifiers'])})(?!\w))*)"
        rf"(?:\s+(?P<shift>{back(before)})(?!\w))?(?P<attached>)"
        rf"(?:\s+(?P<prep>{back(words['prepositions'])})(?!\w))?",
        re.IGNORECASE,
    )


def month_names(names: dict[str, dict[str, int]]) -> str:
    """Any month name, full or abbreviated (an abbreviation may end in a dot)."""
    abbr = set(names["months_abbr"]) - set(names["months"])
    return rf"(?:{capitalised(names['months'])}(?!\w)|{capitalised(abbr)}(?!\w)\.?)"


def capitalised(names) -> str:
    """An alternation of names as news text writes them: "Maret" or "MARET", not "maret"."""
    forms = {n.capitalize() for n in names} | {n.upper() for n in names}
    return trie_pattern(dict.fromkeys(forms, ""))


def alternation(words, *, strict: bool = False) -> str:
    """A case-folded alternation of words and phrases.

    A strict one, used case-insensitively on the text as written, matches only what
    lowercases to a word, so the word is found again by lowercasing what it matched.
    """
    letters = STRICT_LETTERS if strict else {}
    return trie_pattern(dict.fromkeys((phrase_key(str(w)) for w in words), ""), letters)


def trie_pattern(entries: Mapping[str, str], letters: Mapping[str, str] | None = None) -> str:
    """Words as a character trie, each followed by its own tail; a failed try costs one test.

    `letters` gives the regex of a character where re.escape would not do.
    """
    trie: dict = {}
    for word, tail in entries.items():
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = tail
    return render_trie(trie, letters or {}) if trie else "(?!)"


def render_trie(node: dict, letters: Mapping[str, str]) -> str:
    """The regex for one trie node; longer continuations are tried before ending here."""
    branches = [
        (r"\s+" if ch == " " else letters.get(ch) or re.escape(ch)) + render_trie(node[ch], letters)
        for ch in sorted(k for k in node if k)
    ]
    if not branches:
        return node.get("", "")
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if "" not in node:
        return body
    return f"(?:{body}|{node['']})" if node[""] else f"(?:{body})?"
