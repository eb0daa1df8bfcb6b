"""Typed ties between countries and other actors, read sentence by sentence from cue words.

Each cue (data/cues/<lang>.yaml) says what kind of tie a sentence signals; the rules
here find who acts and on whom from how news text is built: coordination
("Rusia, China, Kuba, dan Iran"), passives ("Venezuela yang mendapat sanksi AS"),
nouns with their agent ("sanksi AS", "Russia's invasion of Ukraine"), relations
("Maduro, sekutu lama Putin"), "between X and Y", things done together ("Putin dan
Maduro membahas ..."), hosts and mediators ("Oman hosted talks between ..."), words of
blame ("called the visit a provocation"), words that stand for a country ("the junta",
"the foreign ministry"), and negation. A country that merely shares a sentence with a
cue is not tied: it must stand where the construction puts a party.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import replace
from typing import NamedTuple

from diplomap.lexicon import GAP, GAP_STOPS, GAP_WIDTH, HYPHENS, Cue, Lexicon, load_lexicon
from diplomap.model import TIE_SCORES, Article, Evidence, Mention, Sentence, Tie
from diplomap.text import Tokens, span_tokens, text_tokens

NEGATION_WINDOW = 4
# A "sentence" naming more parties than this is a list or a run-on line, not a statement
# of ties; reading it would cost the square of its length.
MAX_NAMED = 80
OBJECT_WINDOW = 6
# The rest of a dateline after its city: ', Turkey –', ', AS –'.
_DATELINE_REST = re.compile(r"(?:,[^,.\n–—]{1,40})?\s*[–—-]")
# How far into an article its dateline may stand (after the headline).
DATELINE_REACH = 1000
AGENT_WINDOW = 4
DEMAND_REACH = 5
APPEAL_REACH = 4
RETALIATION_REACH = 3
# "a four-day humanitarian ceasefire between Israel and Hamas": words from cue to 'between'
BETWEEN_REACH = 6
# more parties than this acting together are a gathering, not ties between each two
MAX_TOGETHER = 3
# "Turkey's neighbour and NATO ally": how far a possessive's relation word may stand
POSSESSED_REACH = 6
# "X accused Y of .... Y denied it.": how much earlier evidence a bare denial may answer
ANSWER_WINDOW = 12
# "Japan, a close US ally, ...": how long an apposition between commas may be, in words
APPOSITION_REACH = 12
# "... and has since shipped": words from 'and' to the cue it joins, the cue included
CARRY_REACH = 4
# "Lai's office condemned the drills": how many sentences back the drills' doer may be named
RESUMED_REACH = 4
# how far back the same word for an act ('the strikes') still names that act, and how
# many of its letters make it the same word
SAME_ACT_REACH = 12
STEM = 5
# "a charge North Korea denies": a party of up to three words between the noun and the denial
DENIAL_REACH = 4
HOSTED_REACH = 6
REFUSED_REACH = 10
MEDIATED_TYPES = frozenset({"talks", "agreement"})
RESPONDING_TYPES = frozenset({"accusation", "rejection"})
# acts that, with no object, are aimed at the foe their doer last clashed with
WARNING_TYPES = frozenset({"threat", "accusation"})
APOSTROPHES = frozenset({"'", "’"})
OPENING_QUOTES = frozenset({'"', "“", "‘", "'", "("})
# "Russia's ally": the apostrophe and 's' that make a name a possessor
POSSESSIVE_MARKS = APOSTROPHES | {"s"}
PARTY_KINDS = frozenset({"country", "person", "organization", "company", "agency"})
# Cues that are acts with a subject of their own, not nouns.
ACT_ROLES = frozenset({"verb", "passive", "label"})
# acts that, held out ('ready to strike'), are threats
HELD_OUT = frozenset({"sanction", "attack"})
# acts whose doer a blame of 'it' just after them blames
BLAMED_ACTS = HELD_OUT | {"threat"}
# a Part's (first, key): parties in the order they stand
BY_PLACE = operator.itemgetter(1, 0)


class Part(NamedTuple):
    """A party named in a sentence: its key (ISO3 or actor id) and its token span."""

    key: str
    first: int
    last: int


class Group(NamedTuple):
    """Parties joined by coordination ("Rusia, China, Kuba, dan Iran")."""

    parts: tuple[Part, ...]
    first: int
    last: int
    keys: tuple[str, ...]


def make_group(parts: Sequence[Part]) -> Group:
    if len(parts) == 1:
        part = parts[0]
        return Group((part,), part.first, part.last, (part.key,))
    return Group(
        tuple(parts), parts[0].first, parts[-1].last, tuple(dict.fromkeys([p.key for p in parts]))
    )


class Hit(NamedTuple):
    """A cue found in a sentence, with its token span and what surrounds it."""

    cue: Cue
    first: int
    last: int
    gap: tuple[int, int] | None
    pronoun_agent: bool
    negated: bool


# a sentence's clause breaks, its comma-bound asides, and the appositions among them
Marks = tuple[list[int], list[tuple[int, int]], list[tuple[int, int]]]


class Clause(NamedTuple):
    toks: Tokens
    groups: tuple[Group, ...]
    lo: int
    hi: int
    lex: Lexicon
    cue_tokens: Set[int] = frozenset()
    sentence_groups: tuple[Group, ...] = ()
    act_tokens: Set[int] = frozenset()
    joints: tuple[int, ...] = ()
    thanks: bool = False


def extract_ties(
    article: Article, sentences: Sequence[Sentence], mentions: Sequence[Mention], gazetteer
) -> tuple[Tie, ...]:
    """Every tie the article states, one per pair and type, with all its evidence."""
    lex = load_lexicon(article.language)
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    place = dateline_span(article) or (0, 0)
    for m in mentions:
        if not place[0] <= m.start < place[1]:
            by_sentence[m.sentence].append(m)
    countries = frozenset(gazetteer.countries)
    history: list[str] = []
    person: str | None = None
    found: list[tuple[str, Evidence]] = []
    hosting: list[Evidence] = []
    foes: dict[str, str] = {}
    every = text_tokens(article.text)
    refs = references(article, sentences, mentions, gazetteer, lex, every)
    cue_words = cue_starts(every.lower, lex)
    for sentence in sentences:
        named = by_sentence.get(sentence.index, ())
        if len(named) > MAX_NAMED:
            continue
        keyed = [
            (m, k)
            for m in named
            if (k := party_key(m, gazetteer)) is not None and not _describes(m, k, every, lex)
        ]
        keys = [k for _, k in keyed]
        if refs and sentence.index in refs:
            keys += [key for _, _, key in refs[sentence.index]]
        toks = span_tokens(every, sentence.start, sentence.end)
        if len(set(keys)) < 2 and not (
            (history and borrows(toks.lower, lex))
            or (keys and hosts_talks(toks.lower, lex, cue_words))
            or (keys and _may_respond(found, sentence.index, toks.lower, lex, cue_words))
            or (keys and _may_warn(keys, foes, cue_words.intersection(toks.lower), lex))
            or (keys and found and bool(_alike_phrases(toks.lower, lex)))
        ):
            history.extend(_actors(toks, sentence_parts(toks, keyed, lex.fillers), countries, lex))
            person = next((m.country for m in named if m.kind == "person"), person)
            continue
        parts = sentence_parts(toks, keyed, lex.fillers)
        if sentence.index in refs:
            parts += reference_parts(toks, refs[sentence.index])
        parts += anaphora_parts(
            toks, lex, history, person, named, [p for p in parts if p.key in countries]
        )
        new = sentence_evidence(
            article.text, sentence.index, toks, parts, lex, history, cue_words, hosting, found, foes
        )
        found.extend(new)
        _note_foes(foes, new, countries)
        history.extend(_actors(toks, parts, countries, lex))
        person = next((m.country for m in named if m.kind == "person"), person)
    return merge_evidence(found + mediated_talks(hosting, found))


def mediated_talks(
    hosting: Sequence[Evidence], found: Sequence[tuple[str, Evidence]]
) -> list[tuple[str, Evidence]]:
    """'Previous rounds of dialogue hosted by Iraq and Oman': talks whose sides go unnamed
    are the story's talks, so each host talks with the pair that talks or agrees most."""
    if not hosting:
        return []
    pairs = Counter(
        frozenset((e.source, e.target))
        for tie_type, e in found
        if tie_type in MEDIATED_TYPES and e.mutual and e.source != e.target
    )
    if not pairs:
        return []
    pair = sorted(max(pairs.items(), key=lambda item: item[1])[0])
    return [
        ("talks", replace(e, target=side, mutual=True))
        for e in hosting
        if e.source not in pair
        for side in pair
    ]


def references(
    article: Article,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    gazetteer,
    lex: Lexicon,
    every: Tokens,
) -> dict[int, list[tuple[int, int, str]]]:
    """'the junta', 'the foreign ministry' named alone, by sentence: (first, last token, key).

    Such a word stands for the country it was last named beside ('Myanmar's junta',
    'junta Myanmar'); a ministry never so named is the language's home country if its
    lexicon names one (Indonesian press qualifies other countries' ministries), else the
    dateline country's. 'The group' is the armed group named last."""
    words = every.lower
    if lex.reference_first.isdisjoint(words):
        return {}
    found = []
    for a in places(words, lex.reference_first):
        phrase = _phrase_at(words, a, lex.references)
        if phrase is not None:
            found.append((a, phrase))
    if not found:
        return {}
    by_start = {m.start: m for m in mentions}
    by_end = {m.end: m for m in mentions}
    spans = sorted((m.start, m.end) for m in mentions)
    starts = [s.start for s in sentences]
    home: list[str | None] = []
    place = dateline_span(article) or (0, 0)
    bound: dict[tuple[str, ...], str] = {}
    out: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for a, phrase in found:
        at = every.starts[a]
        k = bisect.bisect_right(spans, (at, len(article.text))) - 1
        if k >= 0 and spans[k][0] <= at < spans[k][1]:
            continue
        b = a + len(phrase)
        beside = _named_beside(every, a, b, by_start, by_end, lex)
        if beside is not None:
            key = party_key(beside, gazetteer)
            if key is not None:
                bound[phrase] = key
            continue
        i = bisect.bisect_right(starts, at) - 1
        if a and words[a - 1] in lex.agent_pronouns:
            key = _opening_party(mentions, sentences[i - 1] if i else None, place, gazetteer)
        else:
            key = bound.get(phrase)
        if phrase in lex.group_references:
            key = _last_group(mentions, at, gazetteer)
        if key is None and phrase in lex.home_bodies and words[a - 1] not in lex.agent_pronouns:
            if not home:
                home.append(lex.home_country or dateline_country(article, mentions, gazetteer))
            key = home[0]
        if key is not None and i >= 0 and at < sentences[i].end:
            out[sentences[i].index].append((at, every.ends[b - 1], key))
    return out


def _opening_party(
    mentions: Sequence[Mention], sentence: Sentence | None, place: tuple[int, int], gazetteer
) -> str | None:
    """'North Korea denounced the drill. Its defence ministry ...': the first party the
    sentence before names (past any dateline), its likely subject."""
    if sentence is None:
        return None
    return next(
        (
            key
            for m in mentions
            if sentence.start <= m.start < sentence.end
            and not place[0] <= m.start < place[1]
            and (key := party_key(m, gazetteer)) is not None
        ),
        None,
    )


def _last_group(mentions: Sequence[Mention], at: int, gazetteer) -> str | None:
    """'talks with the group': of the armed groups rooted in one country, the first named
    in the last sentence before `at` that names one (its likely subject: 'the Houthis
    attacked ships linked to Israel, whose war on Hamas ... The group also fired')."""
    found: Mention | None = None
    for m in mentions:
        if m.start >= at:
            break
        if (
            m.kind == "organization"
            and m.country
            and (found is None or m.sentence != found.sentence)
        ):
            found = m
    return party_key(found, gazetteer) if found is not None else None


def _phrase_at(
    words: tuple[str, ...], a: int, phrases: tuple[tuple[str, ...], ...]
) -> tuple[str, ...] | None:
    """The longest of `phrases` that starts at word a, if any."""
    return next((p for p in phrases if words[a : a + len(p)] == p), None)


def _named_beside(
    every: Tokens, a: int, b: int, by_start: dict, by_end: dict, lex: Lexicon
) -> Mention | None:
    """The mention tokens a..b-1 are attached to, across titles only: 'Myanmar's junta',
    'junta militer Myanmar', 'the foreign ministry of Japan'."""
    for j in range(a - 1, max(a - 5, -1), -1):
        if every.ends[j] in by_end:
            return by_end[every.ends[j]]
        if every.lower[j] not in lex.fillers and every.lower[j] not in APOSTROPHES:
            break
    for j in range(b, min(b + 4, len(every.words))):
        if every.starts[j] in by_start:
            return by_start[every.starts[j]]
        if every.lower[j] not in lex.fillers and every.lower[j] not in lex.title_links:
            break
    return None


def dateline_span(article: Article) -> tuple[int, int] | None:
    """Where the dateline stands in the text ('ISTANBUL, Turkey –'), if it does."""
    if not article.dateline:
        return None
    place = article.dateline.casefold()
    at = article.text[: DATELINE_REACH + len(place)].casefold().find(place)
    if at < 0:
        return None
    end = at + len(place)
    rest = _DATELINE_REST.match(article.text, end)
    return (at, rest.end() if rest else end)


def dateline_country(article: Article, mentions: Sequence[Mention], gazetteer) -> str | None:
    """The country a dateline names ('BEIJING –', 'KAIRO, MESIR –'), if any."""
    span = dateline_span(article)
    if span is None:
        return None
    for m in mentions:
        if m.start >= span[1]:
            break
        if m.start >= span[0] and m.kind == "country":
            return party_key(m, gazetteer)
    return None


def reference_parts(toks: Tokens, refs: Sequence[tuple[int, int, str]]) -> list[Part]:
    """Parts for the references a sentence makes ('the junta', 'the foreign ministry')."""
    out = []
    for start, end, key in refs:
        first = bisect.bisect_left(toks.starts, start)
        last = max(bisect.bisect_left(toks.starts, end) - 1, first)
        out.append(Part(key, first, last))
    return out


def borrows(words: tuple[str, ...], lex: Lexicon) -> bool:
    """Whether a sentence may name a party only by reference ('kedua negara', 'its', '-nya').

    Loose on purpose: all of a phrase's words present will do, as will any '-nya'."""
    if not lex.borrowing_last.isdisjoint(words):
        present = set(words)
        if any(present.issuperset(phrase) for phrase in lex.borrowing):
            return True
    return lex.language == "id" and "nya " in " ".join(words) + " "


def hosts_talks(words: tuple[str, ...], lex: Lexicon, cue_words: Set[str]) -> bool:
    """'Oman hosted earlier talks': one party named, with a cue for hosting or mediating."""
    return _has_cue(cue_words.intersection(words), lex, lambda c: c.mediating)


def _has_cue(words: Iterable[str], lex: Lexicon, test: Callable[[Cue], bool]) -> bool:
    """Whether any cue that may start at one of `words` passes `test`."""
    return any(test(c) for w in words for c in lex.candidates(w))


def _actors(toks: Tokens, parts: Sequence[Part], countries, lex: Lexicon) -> list[str]:
    """The countries a sentence names as actors, in order, for 'the two sides' and 'the
    three' after it. A place where something happened is none: the country after a city
    ('met in Lima, Peru,'; a list of parties, 'Mesir, Sudan, dan', is no place) or before
    a word for a place ('in the Peruvian capital')."""
    ends = {p.last for p in parts}
    words = toks.lower

    def placed(p: Part) -> bool:
        if words[p.first - 1 : p.first] == (",",) and p.first - 2 not in ends:
            return _place_of_place(toks, make_group([p]))
        if words[p.last + 1 : p.last + 2] and words[p.last + 1] in lex.place_nouns:
            clause = Clause(toks, (), 0, len(words), lex)
            return governor(clause, make_group([p])) in lex.blocking_preps
        return False

    return [p.key for p in sorted(parts, key=BY_PLACE) if p.key in countries and not placed(p)]


def _describes(mention: Mention, key: str, every: Tokens, lex: Lexicon) -> bool:
    """A name that only describes: 'an Iraqi-born man', 'US-made jets', and a body of
    states beside an alliance word ('Turkey's NATO ally', 'sekutu NATO'), which says what
    kind of ally, not whose, or beside a word of talks ('the APEC summit', 'KTT APEC'),
    which names where they met."""
    after = bisect.bisect_left(every.starts, mention.end)
    words = every.lower
    if words[after : after + 1] and words[after] in HYPHENS:
        return words[after + 1 : after + 2] != () and words[after + 1] in lex.origin_words
    if key != mention.actor or mention.kind in ("country", "person"):
        return False
    if lex.nominal_agent == "before":
        j = after
    else:
        j = bisect.bisect_left(every.starts, mention.start) - 1
    if not 0 <= j < len(words):
        return False
    return any(
        (c.role == "relation" and c.type == "alliance") or (c.role == "noun" and c.type == "talks")
        for c in lex.candidates(words[j])
    )


def sentence_parts(
    toks: Tokens, keyed: Sequence[tuple[Mention, str]], titles: Set[str] = frozenset()
) -> list[Part]:
    """The parties a sentence names (each mention with its key), adjacent names of the
    same party merged, also across titles ('South Korean President Yoon Suk Yeol')."""
    parts: list[Part] = []
    if not toks.words:
        return parts
    starts, ends, end = toks.starts, toks.ends, len(toks.words) - 1
    for m, key in keyed:
        first = max(bisect.bisect_right(starts, m.start) - 1, 0)
        last = min(bisect.bisect_left(ends, m.end), end)
        if (
            parts
            and parts[-1].key == key
            and (
                first - parts[-1].last <= 1
                or titles.issuperset(toks.lower[parts[-1].last + 1 : first])
            )
        ):
            parts[-1] = Part(key, parts[-1].first, last)
        else:
            parts.append(Part(key, first, last))
    return parts


def party_key(mention: Mention, gazetteer) -> str | None:
    """Who a mention stands for in a tie: its country for people, state bodies and armed
    groups rooted in one country; international bodies stand for themselves."""
    if mention.kind not in PARTY_KINDS:
        return None
    if mention.kind == "country":
        return mention.actor
    entity = gazetteer.entities.get(mention.actor)
    represents = entity.represents if entity is not None else True
    if mention.kind == "person":
        return mention.country if represents else None
    return mention.country if represents and mention.country else mention.actor


def anaphora_parts(
    toks: Tokens,
    lex: Lexicon,
    history: Sequence[str],
    person: str | None,
    named: Sequence[Mention] = (),
    here: Sequence[Part] = (),
) -> list[Part]:
    """'Kedua negara' / 'the three countries' stand for the last countries named before:
    in their own sentence if it names just that many before them ('Marcos met Biden and
    Kishida at the three countries' first summit'), else in the sentences before; 'ia' /
    'he' for the country of the first person named in the sentence before it, else in
    the sentence before."""
    if lex.anaphora_last.isdisjoint(toks.lower):
        return []
    out: list[Part] = []
    words = toks.lower
    for i in places(words, lex.anaphora_last):
        w = words[i]
        for phrase, count in lex.anaphora_at.get(w, ()):
            first = i - len(phrase) + 1
            if first >= 0 and words[first : i + 1] == phrase:
                before = [p.key for p in sorted([*here, *out], key=BY_PLACE) if p.last < first]
                own = len(set(before)) == count and not _acted_on(words, first, lex)
                keys = last_distinct(before if own else history, count)
                out.extend(Part(key, first, i) for key in keys)
        if w in lex.person_pronouns and not _speaker(words, i, lex):
            here = [m.country for m in named if m.kind == "person" and m.start < toks.starts[i]]
            key = here[0] if here else person
            if key is not None:
                out.append(Part(key, i, i))
    return out


def _acted_on(words: tuple[str, ...], first: int, lex: Lexicon) -> bool:
    """'hosted talks between both sides', 'in contact with both governments': those the
    sentence's own parties act on are others ('of the three countries' may be they)."""
    before = words[first - 1] if first else ""
    return before in lex.between or before in lex.object_preps - lex.title_links


def _speaker(words: tuple[str, ...], i: int, lex: Lexicon) -> bool:
    """'"...," kata dia', '"...," he said': a pronoun beside a verb of saying, right after
    a quote, names who speaks, not a party ('and said he would' does name one)."""

    def quoted(j: int) -> bool:
        return j < 0 or not words[j].isalnum()

    if i and words[i - 1] in lex.reporting:
        return quoted(i - 2)
    return i + 1 < len(words) and words[i + 1] in lex.reporting and quoted(i - 1)


def places(words: tuple[str, ...], firsts: Set[str]) -> list[int]:
    """Where the words of `firsts` stand, in order, found without a Python loop over
    every word."""
    out = []
    for w in firsts.intersection(words):
        j = -1
        for _ in range(words.count(w)):
            j = words.index(w, j + 1)
            out.append(j)
    return sorted(out)


def last_distinct(history: Sequence[str], count: int) -> tuple[str, ...]:
    """The last `count` distinct keys, in the order they were named; () if fewer."""
    seen: list[str] = []
    for key in reversed(history):
        if key not in seen:
            seen.append(key)
            if len(seen) == count:
                return tuple(reversed(seen))
    return ()


def sentence_evidence(
    text: str,
    index: int,
    toks: Tokens,
    parts: list[Part],
    lex: Lexicon,
    history: Sequence[str],
    cue_words: Set[str] | None = None,
    hosting: list[Evidence] | None = None,
    earlier: Sequence[tuple[str, Evidence]] = (),
    foes: Mapping[str, str] | None = None,
) -> list[tuple[str, Evidence]]:
    """Typed evidence of ties in one sentence: each cue, its two sides, and its negation.

    Hosts of talks whose sides the sentence does not name go to `hosting`, with no target;
    `earlier` is the article's evidence so far, which a bare denial may answer."""
    if not parts:
        return []
    parts.sort(key=BY_PLACE)
    # a cue word inside a party's name is part of the name ('Asia-Pacific Economic Cooperation')
    named_tokens = {j for p in parts for j in range(p.first, p.last + 1)}
    hits = [h for h in find_cues(toks, lex, cue_words) if h.first not in named_tokens]
    demanding = not lex.demand_modals.isdisjoint(toks.lower)
    alike = _alike_phrases(toks.lower, lex)
    if not hits and not demanding:
        return _done_alike(text, index, toks, parts, lex, [], earlier, alike) if alike else []
    groups = group_parts(parts, toks, lex)
    out: list[tuple[str, Evidence]] = []
    previous = history[-1] if history else None
    cue_tokens: set[int] = set()
    act_tokens: set[int] = set()
    for h in hits:
        cue_tokens.update(range(h.first, h.last + 1))
        if h.cue.role in ACT_ROLES:
            act_tokens.update(range(h.first, h.last + 1))
    marks = clause_marks(toks, lex)
    joints = _joints(toks.lower, lex)
    thanks = not lex.gratitude_first.isdisjoint(toks.lower)
    last: tuple[Hit, Clause, list] | None = None
    for hit in hits:
        tie_type = hit.cue.type
        if tie_type in HELD_OUT:
            tie_type = _threatened(hit, toks.lower, lex)
        if TIE_SCORES[tie_type] > 0 and _refused(hit, hits, toks.lower, lex):
            continue
        if _declined(hit, hits, toks.lower, lex):
            continue
        if hit.cue.role in ACT_ROLES and _ultimatum(hit, toks.lower, lex):
            tie_type = "threat"
        if tie_type == "accusation" and _denied(hit, toks.lower, lex):
            continue
        if hit.negated:
            rule = lex.when_negated[tie_type]
            if rule == "drop":
                continue
            tie_type = tie_type if rule == "keep" else rule
        clause = clause_around(
            toks, groups, hit, lex, cue_tokens, marks, act_tokens, joints, thanks
        )
        joint = _joint(hit, toks.lower, lex, named_tokens)
        carry = _carried(last) if joint is not None else _controlled(last, hit, clause)
        # ', and aid agencies warned': an 'and' after a comma may open a clause with a
        # subject of its own
        if joint is not None and carry is None and toks.lower[joint - 1 : joint] != (",",):
            # 'Beijing said it knew of no North Korean deployment and accused Washington'
            head = _head(clause, hit.first)
            carry = head.keys if head is not None else None
        found = (
            _act_resumed(hit, hits, clause, earlier, index) if tie_type in RESPONDING_TYPES else []
        ) or sides(hit, clause, parts, previous, carry, foes)
        if not found and tie_type in RESPONDING_TYPES:
            found = _statement_resumed(hit, clause, earlier, index)
        if tie_type == "rejection" and (not found or toks.lower[hit.first] in lex.denials_passive):
            found = _answered(hit, clause, [*_recent(earlier, index, 2), *out]) or found
        if not found:
            if hosting is not None and hit.cue.mediating and not hit.negated:
                hosting += _hosts_of_unnamed_talks(text, index, hit, clause, hits)
            continue
        if hit.cue.role in ACT_ROLES:
            last = (hit, clause, found)
        start, end = toks.starts[hit.first], toks.ends[hit.last]
        cue = text[start:end]
        for agent, target, mutual in found:
            evidence = Evidence(index, cue, start, end, agent, target, hit.negated, mutual)
            out.append((tie_type, evidence))
            if (
                tie_type == "agreement"
                and mutual
                and hit.cue.together
                and hit.cue.role in ACT_ROLES
            ):
                out.append(("talks", evidence))  # 'X and Y signed a deal': they met
            elif tie_type in HELD_OUT and not hit.negated and _announced(hit, toks.lower, lex):
                out.append(("threat", evidence))  # 'will impose new sanctions on Iran'
    if demanding:
        out += _demands(text, index, toks, groups, lex, cue_tokens, hits)
    if alike:
        out += _done_alike(text, index, toks, parts, lex, out, earlier, alike)
    return out


def _alike_phrases(words: tuple[str, ...], lex: Lexicon) -> list[tuple[int, tuple[str, ...]]]:
    """Where a sentence says its doer does the same ('langkah serupa'), with the phrase."""
    if lex.similar_first.isdisjoint(words):
        return []
    return [
        (a, phrase)
        for a in places(words, lex.similar_first)
        if (phrase := _phrase_at(words, a, lex.similar_acts)) is not None
    ]


def _done_alike(
    text: str,
    index: int,
    toks: Tokens,
    parts: Sequence[Part],
    lex: Lexicon,
    here: Sequence[tuple[str, Evidence]],
    earlier: Sequence[tuple[str, Evidence]],
    alike: Sequence[tuple[int, tuple[str, ...]]],
) -> list[tuple[str, Evidence]]:
    """'Washington will impose sanctions on Iran, while London prepares similar measures',
    'Jepang mengumumkan langkah serupa': whoever does the same does the acts just told, to
    the same targets, taken from this sentence before the phrase, else the one before."""
    out = []
    for a, phrase in alike:
        at = toks.starts[a]
        acts = [(t, e) for t, e in here if e.end <= at and not e.mutual]
        since = max((e.end for _, e in acts), default=-1)
        if not acts:
            last = max((e.sentence for _, e in earlier if e.sentence >= index - 1), default=None)
            acts = [(t, e) for t, e in earlier if e.sentence == last and not e.mutual]
        doers = {p.key for p in parts if p.last < a and toks.starts[p.first] > since}
        start, end = at, toks.ends[a + len(phrase) - 1]
        out += [
            (t, Evidence(index, text[start:end], start, end, k, e.target))
            for t, e in acts
            for k in doers
            if k not in (e.source, e.target)
        ]
    return out


def _note_foes(
    foes: dict[str, str], found: Sequence[tuple[str, Evidence]], countries: Set[str]
) -> None:
    """Keep, for each country, the last country it was hostile with or suffered from."""
    for kind, e in found:
        if TIE_SCORES[kind] < 0 and e.source != e.target and {e.source, e.target} <= countries:
            foes[e.source], foes[e.target] = e.target, e.source


def _may_warn(keys: Sequence[str], foes: Mapping[str, str], cues: Set[str], lex: Lexicon) -> bool:
    """Whether a sentence naming one party may warn or blame, with no object, the foe it
    last clashed with ('Sisi warned that all options remain open'); `cues` are its words
    that may start a cue."""
    return any(k in foes for k in keys) and _has_cue(
        cues, lex, lambda c: c.type in WARNING_TYPES and c.role in ACT_ROLES
    )


def _may_respond(
    found: Sequence[tuple[str, Evidence]],
    index: int,
    words: tuple[str, ...],
    lex: Lexicon,
    cue_words: Set[str],
) -> bool:
    """Whether a sentence naming one party may blame the doer of a hostile act just told
    ('Iran condemned the strikes'): such an act came shortly before, and a blaming cue
    stands here (looked for among `cue_words`, the article's words that may start one)."""
    if not _has_cue(cue_words.intersection(words), lex, lambda c: c.type in RESPONDING_TYPES):
        return False
    hostile = any(TIE_SCORES[kind] < 0 for kind, _ in _recent(found, index, RESUMED_REACH))
    return hostile or (not lex.resumptive.isdisjoint(words) and bool(_recent(found, index, 2)))


def _statement_resumed(
    hit: Hit, clause: Clause, earlier: Sequence[tuple[str, Evidence]], index: int
) -> list[tuple[str, str, bool]]:
    """'Pernyataan itu ditolak mentah-mentah oleh Beijing', 'Beijing rejected the remarks':
    a statement or move that opens the sentence or is the cue's object is that of whoever
    acted in the sentence or two before."""
    words, lex = clause.toks.lower, clause.lex
    if is_passive(clause, hit):
        opening = words[clause.lo : hit.first]
        if lex.resumptive.isdisjoint(opening[:2]):
            return []
        agent = _passive_agent(clause, hit)
    else:
        nxt = [w for w in words[hit.last + 1 : hit.last + 4] if w not in lex.determiners]
        if not nxt or nxt[0] not in lex.resumptive:
            return []
        agent = subject(clause, hit.first)
    if agent is None:
        return []
    recent = _recent(earlier, index, 2)
    if not recent:
        return []
    last = recent[-1][1].source
    return [(a, last, False) for a in agent.keys if a != last]


def _act_resumed(
    hit: Hit,
    hits: Sequence[Hit],
    clause: Clause,
    earlier: Sequence[tuple[str, Evidence]],
    index: int,
) -> list[tuple[str, str, bool]]:
    """'Lai's office condemned the drills', 'Iran condemned the strikes': a blame whose
    object is an act named before without its doer blames whoever the sentences just
    before show doing that kind of act."""
    words, lex = clause.toks.lower, clause.lex
    if words[hit.last + 1 : hit.last + 2] and words[hit.last + 1] in lex.object_pronouns:
        return _blamed_it(hit, clause, earlier, index)
    act = next((h for h in hits if h.first > hit.last), None)
    if act is None or act.cue.role != "noun" or TIE_SCORES[act.cue.type] >= 0:
        return []
    if any(w not in lex.determiners for w in words[hit.last + 1 : act.first]):
        return []
    if any(act.last < g.first <= act.last + 2 for g in clause.groups):
        return []  # 'mengutuk serangan Israel': the act's doer is named
    subj = subject(clause, hit.first)
    if subj is None:
        return []
    # the same word, told a while before, names the same act ('the strikes' after 'U.S.
    # and British strikes', not the 'attacks' by the Houthis in between); else any act of
    # its kind just before
    stem = words[act.first][:STEM]
    acts = [
        e
        for kind, e in earlier
        if kind == act.cue.type
        and index - SAME_ACT_REACH <= e.sentence < index
        and e.cue.lower().startswith(stem)
    ] or [e for kind, e in _recent(earlier, index, RESUMED_REACH) if kind == act.cue.type]
    return _blame_doers(subj, acts)


def _blame_doers(subj: Group, acts: Sequence[Evidence]) -> list[tuple[str, str, bool]]:
    """The subject blames whoever did the last of these acts (all its doers in its sentence)."""
    if not acts:
        return []
    doers = dict.fromkeys(e.source for e in acts if e.sentence == acts[-1].sentence)
    return [(a, d, False) for a in subj.keys for d in doers if a != d]


def _blamed_it(
    hit: Hit, clause: Clause, earlier: Sequence[tuple[str, Evidence]], index: int
) -> list[tuple[str, str, bool]]:
    """'Jordan condemned it as a breach of international law', after 'the incursion' or
    'the move' by Israel: a blame of 'it', with no party named just before in its own
    sentence, blames the doer of the hostile act told in the sentences just before."""
    subj = subject(clause, hit.first)
    if subj is None or any(subj.last < g.first < hit.first for g in clause.groups):
        return []
    acts = [e for kind, e in _recent(earlier, index, 2) if kind in BLAMED_ACTS]
    return _blame_doers(subj, acts)


def _recent(
    evidence: Sequence[tuple[str, Evidence]], index: int, reach: int
) -> list[tuple[str, Evidence]]:
    """The evidence of the `reach` sentences before sentence `index`, oldest first: what a
    bare denial or a blame of 'the strikes' may answer."""
    return [x for x in evidence[-ANSWER_WINDOW:] if index - reach <= x[1].sentence < index]


def _demands(
    text: str,
    index: int,
    toks: Tokens,
    groups: tuple[Group, ...],
    lex: Lexicon,
    cue_tokens: Set[int],
    hits: Sequence[Hit],
) -> list[tuple[str, Evidence]]:
    """'Britain said Libya must hand over ...', 'Libya must ..., Britain said': the
    speaker's demand on the party that must act. 'China should resume talks' is an
    appeal to cooperate, not a demand."""
    clause = Clause(toks, groups, 0, len(toks.words), lex, cue_tokens, groups)
    out = []
    for m in places(toks.lower, lex.demand_modals):
        target = _modal_subject(clause, m)
        if target is None or _appeal(hits, m, lex) or _negated_modal(toks, m, lex):
            continue
        speaker = _speaker_before(clause, target.first) or _speaker_after(clause, m)
        start, end = toks.starts[m], toks.ends[m]
        for agent in speaker or ():
            out += [
                (lex.demand_type, Evidence(index, text[start:end], start, end, agent, key))
                for key in target.keys
                if key != agent
            ]
    return out


def _appeal(hits: Sequence[Hit], m: int, lex: Lexicon) -> bool:
    """'should resume talks', 'harus mendukung': a call to cooperate is not a demand; a
    call to give way ('must withdraw', 'harus membebaskan') is."""
    return any(
        m < h.first <= m + APPEAL_REACH and h.cue.type in lex.appeal_types and not h.negated
        for h in hits
    )


def _negated_modal(toks: Tokens, m: int, lex: Lexicon) -> bool:
    """'should not be blamed', 'tidak harus': a negated modal often defends, so no demand."""
    near = toks.lower[max(m - 1, 0) : m + 2]
    return not lex.negators.isdisjoint(near)


def _modal_subject(clause: Clause, m: int) -> Group | None:
    """The party right before 'must' / 'harus', titles aside, that nothing governs."""
    before = left_groups(clause, m)
    if not before:
        return None
    g = before[0]
    fillers = clause.lex.fillers
    if any(w not in fillers for w in clause.toks.lower[g.last + 1 : m]):
        return None
    return g if governor(clause, g) is None and not _after_cue(clause, g) else None


def _speaker_before(clause: Clause, first: int) -> tuple[str, ...] | None:
    """Who 'said' / 'menegaskan' (that) shortly before the party that must act."""
    words, lex = clause.toks.lower, clause.lex
    for j in range(first - 1, max(first - DEMAND_REACH, 0) - 1, -1):
        if words[j] in lex.clause_breaks or words[j] == ",":
            return None
        if words[j] in lex.reporting and j not in clause.cue_tokens:
            speaker = subject(clause, j)
            return speaker.keys if speaker is not None else None
    return None


def _speaker_after(clause: Clause, m: int) -> tuple[str, ...] | None:
    """', Britain said' / ', kata Menlu AS' after the demand."""
    words, lex = clause.toks.lower, clause.lex
    for r in places(words, lex.reporting):
        if r <= m or "," not in words[m + 1 : r] or r in clause.cue_tokens:
            continue
        comma = r - 1 - words[r - 1 :: -1].index(",")
        parts = [p for g in clause.groups for p in g.parts]
        said = [p for p in parts if comma < p.first and p.last < r]
        if said and _only_fillers(clause, said[-1].last, r):
            keys = tuple(dict.fromkeys(p.key for p in said))
            return keys if _only_fillers(clause, comma, said[0].first) else None
        after = [g for g in clause.groups if g.first > r]
        if after and _only_fillers(clause, r, after[0].first):
            return after[0].keys
        return None
    return None


def _only_fillers(clause: Clause, a: int, b: int) -> bool:
    return all(w in clause.lex.fillers for w in clause.toks.lower[a + 1 : b])


def _hosts_of_unnamed_talks(
    text: str, index: int, hit: Hit, clause: Clause, hits: Sequence[Hit]
) -> list[Evidence]:
    """'dialogue hosted by Iraq and Oman', 'Oman hosted earlier talks', 'a US-brokered
    deal': the hosts, when a word for talks or a deal stands next to the cue and no side of
    them is named."""
    near = [
        h
        for h in hits
        if h is not hit
        and h.cue.type in MEDIATED_TYPES
        and abs(h.first - hit.first) <= HOSTED_REACH
    ]
    if not near:
        return []
    host = _hyphened_doer(clause, hit)
    if host is None and (hit.cue.role == "passive" or is_passive(clause, hit)):
        host = _passive_agent(clause, hit)
    elif host is None:
        host = subject(clause, hit.first)
    if host is None:
        return []
    toks = clause.toks
    start, end = toks.starts[hit.first], toks.ends[hit.last]
    return [Evidence(index, text[start:end], start, end, key, key) for key in host.keys]


def _refused(hit: Hit, hits: Sequence[Hit], words: tuple[str, ...], lex: Lexicon) -> bool:
    """'rejected a fresh offer of talks', 'menolak tawaran bantuan': cooperation that
    another party turned down did not happen."""
    for r in hits:
        if r.cue.type != "rejection" or r.negated or not r.last < hit.first:
            continue
        if hit.first - r.last > REFUSED_REACH:
            continue
        between = words[r.last + 1 : hit.first]
        if (
            "," not in between
            and lex.clause_breaks.isdisjoint(between)
            and lex.carry_words.isdisjoint(between)
        ):
            return True
    return False


def _declined(hit: Hit, hits: Sequence[Hit], words: tuple[str, ...], lex: Lexicon) -> bool:
    """'India refused to condemn Russia', 'India menolak mengecam Rusia': a hostile act
    declined did not happen, and declining it rejects no one ('refused to meet X' still
    rejects X)."""
    for other in hits:
        first, second = (hit, other) if hit.last < other.first else (other, hit)
        if other is hit or second.first - first.last > 2 or second.cue.role not in ACT_ROLES:
            continue
        if first.cue.type != "rejection" or TIE_SCORES[second.cue.type] >= 0:
            continue
        if all(w in lex.control_words for w in words[first.last + 1 : second.first]):
            return True
    return False


def _ultimatum(hit: Hit, words: tuple[str, ...], lex: Lexicon) -> bool:
    """'will withdraw its troops unless ...', 'akan ... kecuali jika ...': an act held out
    on a condition is a threat."""
    if lex.ultimatum_first.isdisjoint(words[hit.last + 1 :]):
        return False
    starts = places(words, lex.ultimatum_first)
    return any(_phrase_at(words, k, lex.ultimatums) for k in starts if k > hit.last)


def _controlled(
    last: tuple[Hit, Clause, list] | None, hit: Hit, clause: Clause
) -> tuple[str, ...] | None:
    """'Israel accused Iran of funding Hezbollah', 'Israel menuduh Iran mendanai Hizbullah',
    'accused Israel of genocide': the one accused does the act the accusation names."""
    if last is None or hit.cue.role not in ("verb", "noun"):
        return None
    before, _, found = last
    if before.cue.type != "accusation" or before.cue.role not in ACT_ROLES:
        return None
    accused = {triple[1] for triple in found}
    lex, words = clause.lex, clause.toks.lower
    for g in left_groups(clause, hit.first):
        if g.first <= before.last or not accused.issuperset(g.keys):
            return None
        between = words[g.last + 1 : hit.first]
        if all(w in lex.control_words or w in lex.fillers for w in between):
            return g.keys
        return None
    return None


def _joint(hit: Hit, words: tuple[str, ...], lex: Lexicon, named: Set[int]) -> int | None:
    """'... and shipped', '... and has since shipped': where the 'and' stands that the cue
    follows with only auxiliaries and adverbs between, no party, so the subject before
    does it too; None if it follows none."""
    for j in range(hit.first - 1, max(hit.first - CARRY_REACH, 0) - 1, -1):
        if words[j] in lex.carry_words:
            return j
        if j in named or not words[j].isalpha():
            return None
    return None


def _carried(last: tuple[Hit, Clause, list] | None) -> tuple[str, ...] | None:
    """Who did the act before 'and': its agents, or a passive's own subject ('Iran was
    criticised by Israel and warned ...'); a noun's agent is nobody's subject."""
    if last is None:
        return None
    hit, clause, found = last
    if hit.cue.role not in ACT_ROLES:
        return None
    side = 1 if hit.cue.role != "label" and is_passive(clause, hit) else 0
    return tuple(dict.fromkeys(triple[side] for triple in found))


def _announced(hit: Hit, words: tuple[str, ...], lex: Lexicon) -> bool:
    """'Washington will impose new sanctions', 'akan menjatuhkan sanksi': a sanction or
    attack announced for later is also a threat."""
    before = words[max(hit.first - 3, 0) : hit.first]
    return (
        not lex.future_modals.isdisjoint(before)
        and lex.negating.isdisjoint(before)
        and lex.undoing.isdisjoint(before)  # 'tidak akan mencabut sanksi' holds, no more
    )


def _threatened(hit: Hit, words: tuple[str, ...], lex: Lexicon) -> str:
    """'siap menjatuhkan sanksi', 'ready to strike': a sanction or attack held out is a threat."""
    if hit.cue.type in HELD_OUT and not lex.threat_modals.isdisjoint(
        words[max(hit.first - 3, 0) : hit.first]
    ):
        return "threat"
    return hit.cue.type


def group_parts(parts: list[Part], toks: Tokens, lex: Lexicon) -> tuple[Group, ...]:
    """Join parties that only coordinators and titles separate into groups; a list does
    not name one party twice ('menyerang Pakistan, dan Islamabad bersumpah ...'), and an
    apposition is no list ('The Philippines, a U.S. treaty ally'). Capitalised words
    between are name parts, except in a headline that capitalises every word."""
    joiners, glue = lex.joiners, lex.glue
    headline = _title_case(toks.words)
    groups: list[list[Part]] = []
    for part in parts:
        if groups:
            prev = groups[-1][-1]
            between = toks.lower[prev.last + 1 : part.first]
            same_span = part.first <= prev.last
            joined = (
                not joiners.isdisjoint(between)
                and not _apposition(toks, between, part)
                and not (
                    between[:1] == (",",) and between[1:2] and between[1] in lex.appositive_openers
                )
                and (
                    glue.issuperset(between)
                    or (
                        not headline
                        and all(
                            toks.lower[j] in glue or toks.words[j][:1].isupper()
                            for j in range(prev.last + 1, part.first)
                        )
                    )
                )
            )
            repeated = any(p.key == part.key for p in groups[-1])
            if same_span or (joined and not repeated):
                groups[-1].append(part)
                continue
        groups.append([part])
    return tuple([make_group(g) for g in groups])


def cue_starts(words: Iterable[str], lex: Lexicon) -> frozenset[str]:
    """The words among `words` (and their stems without '-nya') that may start a cue:
    found once per article, so that each sentence finds its cues without a Python loop
    over every word."""
    starts = lex.starts
    present = set(words)
    if lex.language == "id":
        present.update([w[:-3] for w in present if len(w) > 5 and w.endswith("nya")])
    return frozenset([w for w in present if w in starts or w[:4] in starts])


def find_cues(toks: Tokens, lex: Lexicon, cue_words: Set[str] | None = None) -> list[Hit]:
    """Cues in a sentence, left to right, the longest cue winning where two overlap.

    `cue_words` are the words that may start a cue, from cue_starts()."""
    lower = toks.lower
    stems = _stems(lower) if lex.language == "id" else lower
    if cue_words is None:
        cue_words = cue_starts(lower, lex)
    if cue_words.isdisjoint(lower) and (stems is lower or cue_words.isdisjoint(stems)):
        return []
    spots = places(lower, cue_words)
    if stems is not lower:
        spots = sorted({*spots, *places(stems, cue_words)})
    hits: list[Hit] = []
    free = 0
    headline = None
    for i in spots:
        if i < free:
            continue
        if i and toks.words[i][:1].isupper() and toks.words[i - 1][:1].isupper():
            if headline is None:
                headline = _title_case(toks.words)
            if not headline:
                continue
        hit = best_cue(lower, stems, i, lex)
        if hit is None or _modifier(hit[0], lower, i, lex):
            continue
        cue, (last, gap) = hit
        agent = _pronoun_agent(toks, stems, i, last, lex)
        hits.append(Hit(cue, i, last, gap, agent, _negated(lower, i, lex)))
        free = last + 1
    return [h for h in hits if h.cue.type]


def _modifier(cue: Cue, words: tuple[str, ...], i: int, lex: Lexicon) -> bool:
    """'occupied territories', 'the armed forces': an English participle used as adjective."""
    return (
        lex.nominal_agent == "before"
        and cue.role in ("verb", "passive")
        and words[i].endswith("ed")
        and i > 0
        and (words[i - 1] in lex.determiners or words[i - 1] in lex.preps)
    )


def _title_case(words: tuple[str, ...]) -> bool:
    """A headline in Title Case, where capitals do not mark names."""
    alpha = [w for w in words if w.isalpha() and len(w) > 3]
    return bool(alpha) and sum(w[0].isupper() for w in alpha) > 0.85 * len(alpha)


def best_cue(lower: tuple[str, ...], stems: tuple[str, ...], i: int, lex: Lexicon):
    """The longest cue starting at token i, with its span, or None."""
    hit = None
    for word in (lower[i],) if stems[i] == lower[i] else (lower[i], stems[i]):
        for cue in lex.candidates(word):
            span = (
                (i, None) if len(cue.pattern) == 1 else match_pattern(cue.pattern, lower, stems, i)
            )
            if span is None:
                continue
            if hit is None or span[0] > hit[1][0]:
                hit = (cue, span)
            elif span[0] == hit[1][0] and cue.type == hit[0].type:
                hit = (_noun_or_verb(hit[0], cue, lower, i, lex), span)
            elif span[0] == hit[1][0] and GAP in hit[0].pattern and GAP not in cue.pattern:
                hit = (cue, span)  # as far, word for word: 'memanggil pulang duta besar'
    return hit


def _noun_or_verb(a: Cue, b: Cue, words: tuple[str, ...], i: int, lex: Lexicon) -> Cue:
    """A word listed as noun and verb ('support'): a noun after an article, a possessive or
    a word of receiving.

    Where noun and verb are listed apart ('warning', 'warn*'), only an -ing form may be
    the verb; 'condemnation' under 'condemn*' stays the noun it was found as first."""
    noun, verb = (a, b) if a.role == "noun" else (b, a)
    if noun.role != "noun":
        return a
    if i > 0 and (words[i - 1] in lex.determiners or words[i - 1] in lex.recipient_markers):
        return noun  # 'the aid', 'received aid from Germany'
    if i == 0 or words[i - 1] in OPENING_QUOTES:
        return noun  # 'Sanctions imposed by Washington ...': a sentence opens with no verb
    if a.pattern != b.pattern and not words[i].endswith("ing"):
        return a
    return noun if _compound_head(words, i + len(noun.pattern), lex) else verb


def _compound_head(words: tuple[str, ...], j: int, lex: Lexicon) -> bool:
    """'aid agencies', 'attack helicopters': an English noun/verb word before a plural
    noun modifies it; a verb's object starts with an article, a name or a pronoun."""
    if lex.nominal_agent != "before" or j >= len(words):
        return False
    nxt = words[j]
    return (
        nxt.isalpha() and nxt.endswith("s") and nxt not in lex.determiners and nxt not in lex.preps
    )


def _stems(words: tuple[str, ...]) -> tuple[str, ...]:
    """Words with Indonesian '-nya' cut off; the same tuple when no word has it."""
    if "nya " not in " ".join(words) + " ":
        return words
    return tuple(w[:-3] if len(w) > 5 and w.endswith("nya") else w for w in words)


def match_pattern(
    pattern: tuple[str | frozenset[str], ...],
    words: tuple[str, ...],
    stems: tuple[str, ...],
    start: int,
) -> tuple[int, tuple[int, int] | None] | None:
    """Where a cue pattern matched from `start`: its last token and any gap it skipped.

    Its first word is one of the cue's candidates at `start`, so it is known to match.
    After a gap may stand a set of words, any of which ends the gap."""
    i = start + 1
    gap = None
    k = 1
    n = len(pattern)
    while k < n:
        p = pattern[k]
        if p == GAP:
            nxt = pattern[k + 1]
            end = min(i + GAP_WIDTH, len(words))
            stop = next((j for j in range(i, end) if words[j] in GAP_STOPS), end)
            reach = range(i, stop)
            if isinstance(nxt, frozenset):
                j = next((j for j in reach if words[j] in nxt or stems[j] in nxt), None)
            else:
                j = next((j for j in reach if _word_matches(nxt, words[j], stems[j])), None)
            if j is None:
                return None
            gap = (i, j - 1)
            i = j + 1
            k += 2
            continue
        if i >= len(words) or not _word_matches(p, words[i], stems[i]):
            return None
        i += 1
        k += 1
    return i - 1, gap


def _word_matches(p: str, word: str, stem: str) -> bool:
    if p.endswith("*"):
        return word.startswith(p[:-1])
    return p in (word, stem)


def _apposition(toks: Tokens, between: tuple[str, ...], part: Part) -> bool:
    """'China, Pakistan's closest ally': a comma before a possessor is no list."""
    nxt = part.last + 1
    return (
        between == (",",)
        and nxt + 1 < len(toks.words)
        and toks.lower[nxt] in APOSTROPHES
        and toks.lower[nxt + 1] == "s"
    )


def _pronoun_agent(
    toks: Tokens, stems: tuple[str, ...], first: int, last: int, lex: Lexicon
) -> bool:
    """'invasinya', 'serangan militernya', 'its invasion': the agent was named before."""
    if lex.language == "id":
        return stems[first : last + 2] != toks.lower[first : last + 2]
    return not lex.agent_pronouns.isdisjoint(toks.lower[max(first - 3, 0) : first])


def _negated(words: tuple[str, ...], first: int, lex: Lexicon) -> bool:
    """A negator shortly before the cue, in the same clause and conjunct."""
    window = words[max(first - NEGATION_WINDOW, 0) : first]
    if lex.negating.isdisjoint(window):
        return False
    for j in range(len(window) - 1, -1, -1):
        if window[j] in lex.stops_negation:
            window = window[j + 1 :]
            break
    contracted = "t" in window and any(
        w == "t" and p in APOSTROPHES for p, w in itertools.pairwise(window)
    )
    if not contracted and lex.negators.isdisjoint(window):
        return False
    last = max(j for j, w in enumerate(window) if w in lex.negators or w == "t")
    return lex.undoing.isdisjoint(window[last + 1 :])  # "will not lift sanctions" stands


def clause_around(
    toks: Tokens,
    groups: tuple[Group, ...],
    hit: Hit,
    lex: Lexicon,
    cue_tokens: Set[int],
    marks: Marks | None = None,
    act_tokens: Set[int] = frozenset(),
    joints: tuple[int, ...] = (),
    thanks: bool = False,
) -> Clause:
    """The stretch of the sentence a cue governs: up to the nearest clause breaks.

    A relative clause set off by commas (", whose country holds ..., ") is an aside:
    a cue outside it reads past it as if it were not there."""
    all_breaks, all_asides, appositions = marks or clause_marks(toks, lex)
    asides = [a for a in all_asides if not a[0] <= hit.first <= a[1]]
    breaks = [b for b in all_breaks if not _within(b, asides)] if asides else all_breaks
    k = bisect.bisect_left(breaks, hit.first)
    lo = breaks[k - 1] + 1 if k > 0 else 0
    k = bisect.bisect_right(breaks, hit.last)
    hi = breaks[k] if k < len(breaks) else len(toks.words)
    own = [a for a in appositions if a[0] < hit.first < a[1]]
    if own:
        hi = min(hi, own[-1][1])  # a cue inside an apposition reaches no further than its end
    if asides:
        inside = tuple(
            [g for g in groups if lo <= g.first and g.last < hi and not _within(g.first, asides)]
        )
    elif lo == 0 and hi == len(toks.words):
        inside = groups
    else:
        inside = tuple([g for g in groups if lo <= g.first and g.last < hi])
    return Clause(toks, inside, lo, hi, lex, cue_tokens, groups, act_tokens, joints, thanks)


def _within(j: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= j <= b for a, b in spans)


def clause_marks(toks: Tokens, lex: Lexicon) -> Marks:
    """A sentence's clause breaks and comma-bound asides (appositions among them, also
    apart), found once for all its cues."""
    words = toks.lower
    breaks = places(words, lex.clause_breaks)
    appositions = _appositions(toks, lex.appositive_openers)
    if lex.relatives.isdisjoint(words):
        return breaks, appositions, appositions
    return breaks, sorted(_asides(words, lex.relatives) + appositions), appositions


def _appositions(toks: Tokens, openers: frozenset[str]) -> list[tuple[int, int]]:
    """'Guyana, a close U.S. partner, has rejected ...', 'Greece, Turkey's neighbour and
    NATO ally, is ...': a short phrase set off by commas after a name, that opens with an
    article or a possessive name, says who the name is."""
    words, out = toks.lower, []
    if "," not in words:
        return out
    starts = places(words, openers) if not openers.isdisjoint(words) else []
    for j in places(words, APOSTROPHES):
        k = j
        while k > 0 and toks.words[k - 1][:1].isupper():
            k -= 1
        if k < j and words[j + 1 : j + 2] == ("s",):
            starts.append(k)
    for j in sorted(starts):
        if j >= 2 and words[j - 1] == "," and toks.words[j - 2][:1].isupper():
            end = next(
                (k for k in range(j + 1, min(j + APPOSITION_REACH, len(words))) if words[k] == ","),
                None,
            )
            if end is not None:
                out.append((j - 1, end))
    return out


def _asides(words: tuple[str, ...], relatives: frozenset[str]) -> list[tuple[int, int]]:
    """Token spans of ', which/yang ... ,' asides."""
    out = []
    for j in range(1, len(words)):
        if words[j] in relatives and words[j - 1] == ",":
            end = next((k for k in range(j + 1, len(words)) if words[k] == ","), None)
            if end is not None:
                out.append((j - 1, end))
    return out


def governor(clause: Clause, group: Group) -> str | None:
    """The preposition a group hangs from, skipping titles and name parts before it."""
    toks, lex = clause.toks, clause.lex
    j = group.first - 1
    if _place_of_place(toks, group):
        j -= 1
    while j >= clause.lo:
        word = toks.lower[j]
        if word in lex.fillers or (
            toks.words[j][:1].isupper() and j > clause.lo and word not in lex.preps
        ):
            j -= 1
            continue
        if word in lex.title_links and j > clause.lo and toks.lower[j - 1] in lex.fillers:
            j -= 2  # 'the leaders of Armenia and Azerbaijan': a title's 'of'
            continue
        return word if word in lex.preps else None
    return None


def _place_of_place(toks: Tokens, group: Group) -> bool:
    """'in Phnom Penh, Cambodia, called ...', 'met in Lima, Peru.': a country set off by a
    comma right after a place name, up to a comma or the sentence's end, says where that
    place is, and hangs from the same preposition."""
    a, b = group.first, group.last + 1
    return (
        a >= 2
        and toks.lower[a - 1] == ","
        and toks.words[a - 2][:1].isupper()
        and (b >= len(toks.words) or toks.lower[b] in (",", "."))
    )


def left_groups(clause: Clause, before: int) -> list[Group]:
    return [g for g in reversed(clause.groups) if g.last < before]


def right_groups(clause: Clause, after: int) -> list[Group]:
    return [g for g in clause.groups if g.first > after]


def subject(clause: Clause, before: int) -> Group | None:
    """The nearest group before a cue that no preposition or other cue governs: who acts."""
    if _participle(clause, before) or _subjectless(clause, before):
        outer = _outer_subject(clause, before)
        if outer is not None:
            return outer
    start = _own_start(clause, before)
    for g in left_groups(clause, before):
        if g.last + 1 < start:
            return None
        if (governor(clause, g) is None and not _after_cue(clause, g)) or _heads_relative(
            clause, g
        ):
            return g
    return _outer_subject(clause, before)


def _own_start(clause: Clause, before: int) -> int:
    """', and aid agencies warned': where the clause of a cue starts if, after its ', and',
    words other than titles stand before the cue, so that it has a subject of its own
    ('..., and later accused X' has not); -1 if none."""
    if not clause.joints:
        return -1
    for k in reversed(clause.joints):
        if k < before:
            fillers = clause.lex.fillers
            own = sum(w not in fillers for w in clause.toks.lower[k + 1 : before]) >= 2
            return k if own else -1
    return -1


def _joints(words: tuple[str, ...], lex: Lexicon) -> tuple[int, ...]:
    """Where ', and' / ', dan' joins two clauses: the index of the joining word."""
    out = []
    j = -1
    for _ in range(words.count(",")):
        j = words.index(",", j + 1)
        if j + 1 < len(words) and words[j + 1] in lex.carry_words:
            out.append(j + 1)
    return tuple(out)


def _heads_relative(clause: Clause, group: Group) -> bool:
    """'mediasi Arab Saudi dan AS, yang menjadi tuan rumah ...': the party right before
    'yang' acts in the clause it opens, whatever governs it."""
    words = clause.toks.lower
    j = group.last + 1
    if j < clause.hi and words[j] == ",":
        j += 1
    return j < clause.hi and words[j] in clause.lex.relatives


def _outer_subject(clause: Clause, before: int) -> Group | None:
    """'Tokyo, which lodged ...', ', accusing X': the subject stands outside the clause."""
    toks, lex = clause.toks, clause.lex
    relative = clause.lo > 0 and toks.lower[clause.lo - 1] in lex.relatives
    participle = before > 0 and (toks.lower[before - 1] == "," or _subjectless(clause, before))
    if relative:
        earlier = [g for g in clause.sentence_groups if g.last < clause.lo - 1]
        return earlier[-1] if earlier else None
    if participle:
        earlier = [g for g in clause.sentence_groups if g.last < before]
        return _head(clause, before) or (earlier[0] if earlier else None)
    return None


def _head(clause: Clause, before: int) -> Group | None:
    """The subject of the last clause that opens before `before`: a party at a clause's
    head that no preposition governs."""
    heads = [
        g
        for g in clause.sentence_groups
        if g.last < before and governor(clause, g) is None and _opens_clause(clause, g)
    ]
    return heads[-1] if heads else None


def _participle(clause: Clause, at: int) -> bool:
    """', accusing X of ...': a cue in a participle's form right after a comma."""
    endings = clause.lex.participle_endings
    words = clause.toks.lower
    return (
        bool(endings)
        and 0 < at < len(words)
        and words[at - 1] == ","
        and (words[at].endswith(tuple(endings)))
    )


def _subjectless(clause: Clause, at: int) -> bool:
    """'..., tetapi memperingatkan ...', '... but warned ...': a cue right after a word
    that breaks the clause, with no subject of its own, shares the sentence's."""
    words = clause.toks.lower
    return (
        0 < at < len(words)
        and words[at - 1] in clause.lex.clause_breaks
        and (words[at - 1].isalpha())
    )


def _opens_clause(clause: Clause, group: Group) -> bool:
    """'..., but Ankara kept Stockholm waiting': a party at the head of a clause (after
    its start, a comma or a joining word, titles aside) is its subject; one after a verb
    is not."""
    words, lex = clause.toks.lower, clause.lex
    j = _bare_word_before(clause, group.first, 0, POSSESSIVE_MARKS)
    return j < 0 or words[j] == "," or words[j] in lex.carry_words or words[j] in lex.clause_breaks


def _after_cue(clause: Clause, group: Group) -> bool:
    """A group right after another cue, or after 'thanked', is its object, not a subject."""
    j = group.first - 1
    while j >= clause.lo and clause.toks.lower[j] in clause.lex.fillers:
        j -= 1
    return j in clause.cue_tokens or (
        clause.thanks and j >= clause.lo and clause.toks.lower[j] in clause.lex.gratitude_last
    )


def _in_relative_act(clause: Clause, a: int, b: int) -> bool:
    """'kesepakatan yang ditengahi China', 'a deal which Qatar brokered': a party inside a
    relative clause with an act of its own belongs to that act, not to the cue before."""
    words, relatives = clause.toks.lower, clause.lex.relatives
    if relatives.isdisjoint(words[a + 1 : b]):
        return False
    k = next(k for k in range(a + 1, b) if words[k] in relatives)
    return not clause.act_tokens.isdisjoint(range(k + 1, min(b + 3, clause.hi)))


def object_of(
    clause: Clause,
    after: int,
    window: int = OBJECT_WINDOW,
    source_is_object: bool = False,
    hostile: bool = False,
    placed: bool = False,
    said: bool = False,
) -> Group | None:
    """The first group after a cue that stands as its object (not a place or a topic).

    With `source_is_object`, 'from X' is the object too: 'banned imports from X'. A hostile
    cue passes over a party named as a victim further on ('... of Yemen's sovereignty').
    With `placed`, the country an act happens in is its object ('struck targets in Syria');
    with `said`, no party of what follows 'that' is ('denied that it armed Russia')."""
    lex = clause.lex
    words = clause.toks.lower
    if (
        words[after + 1 : after + 2] == (",",)
        and words[after + 2 : after + 3]
        and (words[after + 2] in lex.carry_words)
    ):
        return None  # 'jika Israel kembali menyerang, dan meminta AS ...': no object
    for g in right_groups(clause, after):
        gov = governor(clause, g)
        reach = window * 2 if gov in lex.object_preps else window
        if g.first - after > reach + _fillers_between(clause, after, g.first):
            return None
        if _next_act(clause, after, g.first) or _in_relative_act(clause, after, g.first):
            return None
        if said and not lex.complementizers.isdisjoint(words[after + 1 : g.first]):
            return None  # 'denied accusations that it supplied Russia': what was said
        if _compound_agent(clause, g):
            continue
        if source_is_object and gov in lex.source_preps:
            return g
        far = g.first > after + 1 + _fillers_between(clause, after, g.first)
        if hostile and far and not placed and _victim(clause, g):
            continue  # an attack on a country's land does hit it: 'kilang di wilayah Rusia'
        if placed and gov in lex.place_preps:
            return g
        if gov in lex.blocking_preps or gov in lex.agent_preps or gov in lex.between:
            return None
        return g
    return None


def _victim(clause: Clause, group: Group) -> bool:
    """'Yemen's sovereignty', 'sovereignty of Yemen', 'kedaulatan Yaman': a party named as
    the one whose sovereignty, land or people are at stake."""
    words, nouns = clause.toks.lower, clause.lex.victim_nouns
    after = words[group.last + 1 : group.last + 4]
    if after[:1] and after[0] in nouns:
        return False
    if len(after) >= 3 and after[0] in APOSTROPHES and after[1] == "s" and after[2] in nouns:
        return True
    before = words[max(group.first - 2, 0) : group.first]
    links = clause.lex.title_links
    return bool(before) and (before[-1] in nouns or (before[0] in nouns and before[-1] in links))


def _skippable(clause: Clause, a: int, b: int) -> int:
    """Tokens between a and b that belong to other cues or join them ('sekutu utama
    sekaligus mitra dagang terbesar X')."""
    lex = clause.lex
    return sum(
        1 for j in range(a + 1, b) if j in clause.cue_tokens or clause.toks.lower[j] in lex.joiners
    )


def _fillers_between(clause: Clause, a: int, b: int) -> int:
    if b <= a + 1:
        return 0
    return sum(map(clause.lex.fillers.__contains__, clause.toks.lower[a + 1 : b]))


def between_group(clause: Clause, hit: Hit) -> tuple[str, ...]:
    """Parties after 'between'/'antara' shortly after the cue: tied to each other, unless
    another act stands in between ('offered to mediate between X and Y')."""
    toks, lex = clause.toks, clause.lex
    end = min(hit.last + BETWEEN_REACH + 1, clause.hi)
    if lex.between.isdisjoint(toks.lower[hit.last + 1 : end]):
        return ()
    for j in range(hit.last + 1, end):
        if j in clause.act_tokens:
            return ()
        if toks.lower[j] in lex.between:
            keys: list[str] = []
            prev_last = j
            for g in right_groups(clause, j):
                if g.first - prev_last > 2:
                    break
                keys.extend(g.keys)
                prev_last = g.last
            return tuple(dict.fromkeys(keys))
    return ()


def is_passive(clause: Clause, hit: Hit) -> bool:
    """Passive forms, or a cue after 'mendapat'/'was' with 'by'/'oleh' or a passive form."""
    words, lex, role = clause.toks.lower, clause.lex, hit.cue.role
    if hit.last + 1 < len(words) and words[hit.last + 1] in lex.agent_preps:
        # 'attacked by Russia', but not 'spoke by phone with ...'
        return any(g.first <= hit.last + 4 for g in right_groups(clause, hit.last + 1))
    if lex.nominal_agent == "after" and role == "passive":
        return True
    if role == "noun" and lex.nominal_agent == "before":
        markers, reach = lex.recipient_markers, 3
    elif role == ("noun" if lex.nominal_agent == "after" else "passive"):
        markers, reach = lex.passive_markers, 2
    else:
        return False
    return not markers.isdisjoint(words[max(hit.first - reach, clause.lo) : hit.first])


def sides(
    hit: Hit,
    clause: Clause,
    parts: list[Part],
    previous: str | None,
    carry: tuple[str, ...] | None = None,
    foes: Mapping[str, str] | None = None,
):
    """(agent, target, mutual) triples for one cue, by the construction around it.

    `carry` is the agent of the cue before when this one follows 'dan'/'and': the
    same subject does both ("menolak peran Kenya dan menuduh Presiden Ruto").
    """
    cue = hit.cue
    pairs = between_group(clause, hit)
    if len(pairs) >= 2 or (pairs and cue.mediating):
        return _mutual(pairs) + _mediated(hit, clause, parts, previous, pairs)
    role = cue.role
    if role == "relation":
        return _relation(hit, clause)
    if role == "noun" and clause.thanks:
        thanked = _thanked(hit, clause)
        if thanked is not None:
            return [(a, t, cue.reciprocal) for a in thanked[0] for t in thanked[1] if a != t]
    if role != "label" and is_passive(clause, hit):
        return _passive(hit, clause)
    if role == "noun":
        agent, target = _nominal(hit, clause, parts, previous)
        if carry is not None:
            agent = carry  # 'accused Israel of genocide in Gaza': the accused did it
    else:
        agent, target = _labelled(hit, clause) if role == "label" else _verbal(hit, clause)
        if carry is not None:
            agent = carry
    if agent is not None and cue.type == "threat" and (target is None or set(target) <= set(agent)):
        # 'warned that Iran's response would be harsher if Israel struck again'
        target = _conditioned(clause, hit) or _retaliated(clause, hit, agent)
    if agent is not None and target is not None:
        return _both_sides(cue, agent, target)
    together = cue.reciprocal and not cue.mediating
    if target is None and together and agent is not None and len(agent) >= 2:
        return _mutual(agent)
    if role == "noun" and object_of_act(clause, hit):
        return []
    if agent is None and target is None and together:
        subj = subject(clause, hit.first)
        if subj is not None and len(subj.keys) >= 2 and not _reported(clause, subj, hit):
            return _mutual(subj.keys)
        after = right_groups(clause, hit.last)
        if (
            after
            and len(after[0].keys) >= 2
            and governor(clause, after[0]) is None
            and not _after_cue(clause, after[0])
        ):
            return _mutual(after[0].keys)
    agent, target = _two_party_fallback(clause, hit, agent, target)
    if target is None and agent is not None and foes and cue.type in WARNING_TYPES:
        target = tuple(foes[a] for a in agent if a in foes) or None
    if agent is None or target is None:
        return []
    return _both_sides(cue, agent, target)


def _reported(clause: Clause, group: Group, hit: Hit) -> bool:
    """'Mali and Burkina Faso warned that ... a declaration of war': the parties who speak
    are not the sides of the act their words report."""
    return not clause.lex.complementizers.isdisjoint(clause.toks.lower[group.last + 1 : hit.first])


def _retaliated(clause: Clause, hit: Hit, agent: tuple[str, ...]) -> tuple[str, ...] | None:
    """'India struck ... as Islamabad vows to retaliate': a vow to hit back with no object
    is aimed at the one other party the sentence names."""
    words, lex = clause.toks.lower, clause.lex
    if lex.retaliation.isdisjoint(words[hit.first : hit.last + RETALIATION_REACH + 1]):
        return None
    others = {k for g in clause.sentence_groups for k in g.keys if k not in agent}
    return (others.pop(),) if len(others) == 1 else None


def _denied(hit: Hit, words: tuple[str, ...], lex: Lexicon) -> bool:
    """'..., a charge Iran denies', 'tuduhan yang dibantah Iran': an accusation named as a
    noun (after a comma or an article) that a denial follows is the one denied, not a new one."""
    before = words[hit.first - 1] if hit.first else ""
    if before != "," and before not in lex.determiners:
        return False
    return not lex.denials.isdisjoint(words[hit.last + 1 : hit.last + DENIAL_REACH + 1])


def _answered(
    hit: Hit, clause: Clause, found: Sequence[tuple[str, Evidence]]
) -> list[tuple[str, str, bool]]:
    """'Washington accused Tehran of ..., a charge Iran denies': a denial with no party for
    object rejects whoever its sentence, or the two before, show accusing the one who denies."""
    words, lex = clause.toks.lower, clause.lex
    if words[hit.first] not in lex.denials:
        return []
    by = hit.last + 1 < len(words) and words[hit.last + 1] in lex.agent_preps
    if words[hit.first] in lex.denials_passive or by:
        denier = _passive_agent(clause, hit)
    else:
        before = left_groups(clause, hit.first)
        near = before and _only_fillers(clause, before[0].last, hit.first)
        denier = before[0] if near else subject(clause, hit.first)
    if denier is None:
        return []
    accusers = dict.fromkeys(
        e.source
        for kind, e in found
        if kind == "accusation" and e.target in denier.keys and e.source not in denier.keys
    )
    return [(d, a, False) for d in denier.keys for a in accusers]


def _conditioned(clause: Clause, hit: Hit) -> tuple[str, ...] | None:
    """'threatened to quit the talks if the US deploys missiles': a threat with no object
    of its own is aimed at the party of its condition."""
    words, lex = clause.toks.lower, clause.lex
    for k in range(hit.last + 1, len(words)):
        if words[k] in lex.conditions:
            after = [g for g in clause.sentence_groups if g.first > k]
            if after and _only_fillers(clause, k, after[0].first):
                return after[0].keys
            return None
        if words[k] in lex.clause_breaks:
            return None
    return None


def _both_sides(cue: Cue, agent: tuple[str, ...], target: tuple[str, ...]):
    """Each agent with each target; a mediator's sides also talk with each other, and a
    buyer's seller is who gives."""
    if cue.receiving:
        agent, target = target, agent
    found = [(a, t, cue.reciprocal) for a in agent for t in target if a != t]
    if cue.mediating and len(target) >= 2:
        found += _mutual(target)
    return found


def _mediated(hit: Hit, clause: Clause, parts: list[Part], previous: str | None, pairs):
    """'Oman hosted talks between Iran and Saudi Arabia': the host talks with each side."""
    if not hit.cue.mediating:
        return []
    if hit.cue.role == "noun":
        hosts = _nominal(hit, clause, parts, previous)[0]
    else:
        subj = subject(clause, hit.first)
        hosts = subj.keys if subj is not None else None
    return [(h, p, True) for h in hosts or () for p in pairs if h != p]


def _thanked(hit: Hit, clause: Clause) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """'Kenya thanked Japan for its aid', 'berterima kasih kepada Arab Saudi atas bantuan':
    the one thanked gave, the one thanking received."""
    words, gratitude, firsts = clause.toks.lower, clause.lex.gratitude, clause.lex.gratitude_first
    said = None
    for j in range(clause.lo, hit.first):
        phrase = _phrase_at(words, j, gratitude) if words[j] in firsts else None
        if phrase is not None:
            said = (j, j + len(phrase))
    if said is None:
        return None
    givers = [g for g in clause.groups if said[1] <= g.first and g.last < hit.first]
    takers = [g for g in clause.groups if g.last < said[0]]
    if not givers or not takers:
        return None
    return givers[0].keys, takers[-1].keys


def _mutual(keys: Sequence[str]):
    """Each pair of parties who act together; a crowd ('Brazil, Argentina, Paraguay,
    Uruguay and others signed a statement') makes no pairs: a gathering is no tie."""
    if len(keys) > MAX_TOGETHER:
        return []
    return [(a, b, True) for i, a in enumerate(keys) for b in keys[i + 1 :]]


def _relation(hit: Hit, clause: Clause):
    after = right_groups(clause, hit.last)
    partner = None
    if (
        after
        and after[0].first - hit.last - _skippable(clause, hit.last, after[0].first) <= 3
        and not _set_apart(clause, hit.last, after[0].first)
        and governor(clause, after[0]) not in clause.lex.blocking_preps
    ):
        partner = after[0]
    elif after and _names_own(clause, hit.last, after[0].first):
        partner = after[0]  # 'berdiri bersama sekutu kami, Filipina', 'our ally, Japan'
    elif hit.first and clause.toks.lower[hit.first - 1] in clause.lex.agent_pronouns:
        return []  # 'dragging its allies': whose allies, unnamed
    elif clause.lex.nominal_agent == "before":
        before = left_groups(clause, hit.first)
        if before and _owns(clause, before[0], hit.first):
            partner = before[0]
    if partner is None:
        return []
    owner = None
    if hit.first and clause.toks.lower[hit.first - 1] in clause.lex.agent_pronouns:
        # 'Iran ... moved weapons through Iraq to its ally Hezbollah': 'its' is the subject's
        owner = (
            _relative_antecedent(clause) or _head(clause, hit.first) or subject(clause, hit.first)
        )
    if owner is None:
        others = [g for g in left_groups(clause, hit.first) if g is not partner]
        owner = others[0] if others else None
    if owner is None:
        return []
    return [(a, b, True) for a in owner.keys for b in partner.keys if a != b]


def _owns(clause: Clause, group: Group, at: int) -> bool:
    """'Greece, a US ally', 'Greece, Turkey's neighbour and NATO ally': the party whose ally
    the word names stands just before it, or a little further with a possessive."""
    gap = at - group.last - _fillers_between(clause, group.last, at)
    if gap <= 3:
        return True
    mark = clause.toks.lower[group.last + 1 : group.last + 3]
    return (
        gap <= POSSESSED_REACH
        and len(mark) == 2
        and mark[0] in APOSTROPHES
        and mark[1] == "s"
        and not _set_apart(clause, group.last + 2, at)
    )


def _names_own(clause: Clause, a: int, b: int) -> bool:
    """'our ally, the Philippines', 'sekutu kami, Filipina': only 'our', a comma and titles
    stand between a relation word and the ally it names."""
    lex = clause.lex
    between = [w for w in clause.toks.lower[a + 1 : b] if w not in lex.fillers]
    return between[-1:] == [","] and len(between) <= 2 and lex.own_pronouns.issuperset(between[:-1])


def _set_apart(clause: Clause, a: int, b: int) -> bool:
    """'a close US ally, protested to China': a comma or another act between a relation
    word and the next party ends the relation's phrase."""
    between = range(a + 1, b)
    return "," in clause.toks.lower[a + 1 : b] or not clause.act_tokens.isdisjoint(between)


def _passive_agent(clause: Clause, hit: Hit) -> Group | None:
    """Who does a passive act: the first party after it, marked by 'by'/'oleh' or 'from'
    (further away then) or hanging from nothing ('dibantah Teheran')."""
    lex = clause.lex
    for g in right_groups(clause, hit.last):
        gov = governor(clause, g)
        marked = gov in lex.agent_preps or gov in lex.source_preps
        reach = AGENT_WINDOW * 2 if marked else AGENT_WINDOW
        if g.first - hit.last > reach + _fillers_between(clause, hit.last, g.first):
            return None
        return g if marked or gov is None else None
    return None


def _passive(hit: Hit, clause: Clause):
    """'Ukraine, which has been invaded by Russia': who is acted on stands before (or
    heads the relative clause), who acts after; 'the deal was signed by Israel and Hamas':
    what is done together by several is done between them."""
    agent = _passive_agent(clause, hit)
    together = hit.cue.reciprocal and not hit.cue.mediating
    if agent is not None and together and len(agent.keys) >= 2:
        return _mutual(agent.keys)
    target = (
        _resumed(clause, hit)
        or next(iter(left_groups(clause, hit.first)), None)
        or _relative_antecedent(clause)
    )
    if agent is None or target is None:
        return []
    return [(a, t, False) for a in agent.keys for t in target.keys if a != t]


def _resumed(clause: Clause, hit: Hit) -> Group | None:
    """'..., pernyataan yang dikecam oleh Addis Ababa', '..., a move condemned by Kyiv': the
    noun sums up what the sentence's subject did, so the cue acts on that subject."""
    words, lex = clause.toks.lower, clause.lex
    j = hit.first - 1
    while j > clause.lo and (
        words[j] in lex.relatives or words[j] in lex.passive_markers or words[j] == "that"
    ):
        j -= 1
    if j <= clause.lo or words[j] not in lex.resumptive:
        return None
    j -= 1
    while j > clause.lo and words[j] in lex.determiners:
        j -= 1
    if words[j] != ",":
        return None
    return next(
        (g for g in clause.sentence_groups if g.last < j and governor(clause, g) is None), None
    )


def _nominal(hit: Hit, clause: Clause, parts: list[Part], previous: str | None):
    """Nouns: 'sanksi AS terhadap X', 'US sanctions on X', 'the support of X'."""
    lex = clause.lex
    if hit.first > clause.lo and clause.toks.lower[hit.first - 1] in lex.manner_preps:
        return _in_manner(hit, clause)
    agent: tuple[str, ...] | None = None
    target: tuple[str, ...] | None = None
    after_agent, opening = hit.last, hit.first
    if hit.pronoun_agent:
        before = [p for p in parts if p.last < hit.first]
        key = before[-1].key if before else previous
        agent = (key,) if key else None
    if agent is None and lex.nominal_agent == "after":
        for g in right_groups(clause, hit.last):
            if g.first - hit.last > AGENT_WINDOW + _fillers_between(clause, hit.last, g.first):
                break
            if not lex.preps.isdisjoint(clause.toks.lower[hit.last + 1 : g.first]):
                break  # 'tarif tambahan terhadap produk AS': the party past 'terhadap' is no doer
            if governor(clause, g) is None and not _in_relative_act(clause, hit.last, g.first):
                agent, after_agent = g.keys, g.last
            break
    if agent is None and lex.nominal_agent == "before":
        before = left_groups(clause, hit.first)
        if (
            before
            and hit.first - before[0].last <= 3
            and "," not in clause.toks.lower[before[0].last + 1 : hit.first]
            and lex.preps.isdisjoint(clause.toks.lower[before[0].last + 1 : hit.first])
            and lex.complementizers.isdisjoint(clause.toks.lower[before[0].last + 1 : hit.first])
            and lex.reporting.isdisjoint(clause.toks.lower[before[0].last + 1 : hit.first])
            and not _acts_between(clause, before[0].last, hit.first)
        ):
            agent, opening = before[0].keys, before[0].first
    for g in right_groups(clause, after_agent):
        if g.first - after_agent > OBJECT_WINDOW + _fillers_between(clause, after_agent, g.first):
            break
        if not lex.complementizers.isdisjoint(clause.toks.lower[after_agent + 1 : g.first]):
            break
        gov = governor(clause, g)
        if (gov in lex.agent_preps or gov in lex.source_preps) and _acts_between(
            clause, after_agent, g.first
        ):
            break
        if gov in lex.agent_preps or (
            agent is None
            and (gov in lex.source_preps or (gov == "of" and hit.cue.type in lex.of_agent))
        ):
            agent = g.keys
            continue
        if gov in lex.object_preps:
            target = g.keys
        elif gov in lex.place_preps and hit.cue.type == "attack":
            target = g.keys  # 'a Turkish offensive in northern Syria'
        break
    if (agent is None) == (target is None) or object_of_act(clause, hit):
        return agent, target
    if target is not None and _topic(clause, hit.first):
        return None, target
    if target is None and _topic(clause, opening, clause.lex.topic_preps):
        return agent, None
    if target is None and hit.cue.reciprocal and len(agent or ()) >= 2:
        return agent, None
    words = clause.toks.lower
    if (
        target is None
        and hit.cue.type == "attack"
        and after_agent + 1 < clause.hi
        and words[after_agent + 1] in lex.object_preps
        and lex.retaliation.isdisjoint(words[max(opening - 3, clause.lo) : opening])
    ):
        # 'serangan Houthi terhadap kapal-kapal dagang': aimed at no party, unless answered
        # ('respons atas serangan Houthi terhadap pelayaran': the responder suffered it)
        return agent, ()
    subj = subject(clause, hit.first)
    if subj is not None and (_reported(clause, subj, hit) or _hyphen_pair(clause, subj)):
        # 'he recalled that the treaty covers armed attacks on Philippine ships', 'the
        # US-Philippine treaty covers attacks on ...': no side of this noun
        subj = None
    if target is None:
        if subj is not None and set(subj.keys) != set(agent):
            target = subj.keys
    else:
        agent = subj.keys if subj is not None else None
    return agent, target


def _in_manner(hit: Hit, clause: Clause):
    """'recalled their envoys from Algiers in protest': the subject protests against the
    one its act was aimed at."""
    subj = subject(clause, hit.first)
    if subj is None:
        return None, None
    others = [g for g in left_groups(clause, hit.first) if not set(g.keys) <= set(subj.keys)]
    return subj.keys, (others[0].keys if others and others[0].first > subj.last else None)


def _hyphen_pair(clause: Clause, group: Group) -> bool:
    """'AS-Filipina', 'Russia-Ukraine': parties hyphened together name a pair, as a word
    that qualifies a noun."""
    words = clause.toks.lower
    return len(group.parts) >= 2 and all(
        words[a.last + 1 : b.first] and set(words[a.last + 1 : b.first]) <= HYPHENS
        for a, b in itertools.pairwise(group.parts)
    )


def _bare_word_before(clause: Clause, at: int, floor: int, keep: Set[str] = frozenset()) -> int:
    """Where the word before `at` stands once titles and determiners are passed over,
    down to `floor` (floor - 1 if none is left); words in `keep` are not passed over."""
    words, lex = clause.toks.lower, clause.lex
    j = at - 1
    while (
        j >= floor
        and words[j] not in keep
        and (words[j] in lex.fillers or words[j] in lex.determiners)
    ):
        j -= 1
    return j


def _topic(clause: Clause, at: int, preps: Set[str] | None = None) -> bool:
    """'sanctions on US firms over arms sales to Taiwan': a noun after 'over' / 'atas' is
    what the sentence is about, so its subject did not do it; 'an embargo over a Turkish
    offensive' (`preps`: the topic words, from `at`): nor suffer it."""
    words, lex = clause.toks.lower, clause.lex
    j = _bare_word_before(clause, at, clause.lo)
    if preps is None:
        return j >= clause.lo and words[j] in lex.blocking_preps
    # 'a response to Houthi attacks', 'respons atas serangan': the responder suffered them
    return (
        j >= clause.lo
        and words[j] in preps
        and lex.retaliation.isdisjoint(words[max(j - 2, clause.lo) : j])
    )


def object_of_act(clause: Clause, hit: Hit) -> bool:
    """'mengecam serangan militer Myanmar', 'condemned the strikes', 'said the deal': the
    noun is what another cue acts on or a speaker talks about, so that subject is not
    the noun's."""
    j = _bare_word_before(clause, hit.first, clause.lo)
    return j in clause.act_tokens or (
        j >= clause.lo and clause.toks.lower[j] in clause.lex.reporting
    )


def _next_act(clause: Clause, a: int, b: int) -> bool:
    """'... aid and criticized China', '... the offer and later accused the US': between a
    and b another act opens with 'and', so what follows is its object."""
    words, carry, acts = clause.toks.lower, clause.lex.carry_words, clause.act_tokens
    return any(
        words[k] in carry and not acts.isdisjoint(range(k + 1, min(k + CARRY_REACH, b)))
        for k in range(a + 1, b - 1)
    )


def _acts_between(clause: Clause, a: int, b: int) -> bool:
    return b > a + 1 and not clause.act_tokens.isdisjoint(range(a + 1, b))


def _verbal(hit: Hit, clause: Clause):
    """Verbs: who acts stands before the cue, on whom right after it."""
    subj = subject(clause, hit.first)
    inside = []
    if hit.gap is not None:
        inside = [g for g in clause.groups if hit.gap[0] <= g.first and g.last <= hit.gap[1]]
    doer = _hyphened_doer(clause, hit)
    if doer is not None and subj is not None and subj.last == doer.last:
        return subj.keys, _described(hit, clause)
    obj = (
        inside[0]
        if inside
        else object_of(
            clause,
            hit.last,
            source_is_object=hit.cue.type in ("sanction", "rejection") or hit.cue.receiving,
            hostile=TIE_SCORES[hit.cue.type] < 0,
            placed=hit.cue.type == "attack",
            said=hit.cue.type == "rejection",
        )
    )
    if obj is None and subj is not None:
        obj = _relative_antecedent(clause) or _pronoun_object(clause, hit, subj)
        if obj is not None and obj.keys == subj.keys:
            obj = None  # 'Egypt and Lebanon, which import ...': the head is the subject
    agent = subj.keys if subj is not None else None
    target = obj.keys if obj is not None else None
    return agent, target


def _pronoun_object(clause: Clause, hit: Hit, subj: Group) -> Group | None:
    """', accusing it of ...': the one meant is the last other party named before."""
    words = clause.toks.lower
    if words[hit.last + 1 : hit.last + 2] and words[hit.last + 1] in clause.lex.object_pronouns:
        before = [
            g
            for g in clause.sentence_groups
            if g.last < hit.first and not set(g.keys) <= set(subj.keys)
        ]
        return before[-1] if before else None
    return None


def _compound_agent(clause: Clause, group: Group) -> bool:
    """'sign a US-brokered declaration': a party joined by a hyphen to the cue after it is
    that cue's doer, not an object of the verb before."""
    j = group.last + 1
    return j + 1 in clause.cue_tokens and clause.toks.lower[j] in HYPHENS


def _hyphened_doer(clause: Clause, hit: Hit) -> Group | None:
    """'Iran-backed', 'US-brokered': the party hyphened to the cue, which does its act."""
    return next(
        (g for g in clause.groups if g.last == hit.first - 2 and _compound_agent(clause, g)),
        None,
    )


def _described(hit: Hit, clause: Clause) -> tuple[str, ...] | None:
    """'Iran-backed Houthis', 'Russia-backed separatists': the cue's object is the noun it
    describes, right after it; when that is no party, there is none."""
    after = right_groups(clause, hit.last)
    if after and _only_fillers(clause, hit.last, after[0].first):
        return after[0].keys
    return None


def _labelled(hit: Hit, clause: Clause):
    """'called China's reaction an escalation', 'calling the visit a provocation by the
    United States': who calls blames the one named inside as its doer ('China's', 'by
    Russia', not 'in Myanmar' or 'on Ukraine'), or the one after 'by'."""
    lex = clause.lex
    subj = subject(clause, hit.first)
    obj = None
    if hit.gap is not None:
        obj = next(
            (
                g
                for g in clause.groups
                if hit.gap[0] <= g.first
                and g.last <= hit.gap[1]
                and (governor(clause, g) is None or governor(clause, g) in lex.agent_preps)
            ),
            None,
        )
    if obj is None:
        after = right_groups(clause, hit.last)
        if (
            after
            and governor(clause, after[0]) in lex.agent_preps
            and after[0].first - hit.last
            <= AGENT_WINDOW + _fillers_between(clause, hit.last, after[0].first)
        ):
            obj = after[0]
    return (subj.keys if subj else None), (obj.keys if obj else None)


def _relative_antecedent(clause: Clause) -> Group | None:
    """'Cyprus, which Turkey refuses to recognise': with its own subject, a relative
    clause acts on the party before 'which'."""
    toks, lex = clause.toks, clause.lex
    if clause.lo == 0 or toks.lower[clause.lo - 1] not in lex.relatives:
        return None
    earlier = [g for g in clause.sentence_groups if g.last < clause.lo - 1]
    return earlier[-1] if earlier else None


def _two_party_fallback(clause: Clause, hit: Hit, agent, target):
    """A clause that names exactly two parties, one on each side of the cue: fill the gap.

    The one before may not sit in an opening phrase ('For China, the deal ...'), nor the
    one after past another act ('... to supply power, and rejected Cairo's demand') or a
    ', and' that opens another ('jika Israel menyerang, dan meminta AS ...')."""
    if agent is not None and target is not None:
        return agent, target
    keys = list(dict.fromkeys(k for g in clause.groups for k in g.keys))
    if len(keys) != 2:
        return agent, target
    start = _own_start(clause, hit.first)
    before = {
        k
        for g in clause.groups
        if g.last < hit.first
        and not _introduced(clause, g, hit)
        and g.last + 1 >= start
        and not _reported(clause, g, hit)
        for k in g.keys
    }
    after = {
        k
        for g in clause.groups
        if g.first > hit.last
        and not _acts_between(clause, hit.last, g.first)
        and not any(hit.last < k < g.first for k in clause.joints)
        and not (TIE_SCORES[hit.cue.type] < 0 and _victim(clause, g))
        for k in g.keys
    }
    if agent is None and target is None:
        if keys[0] in before and keys[1] in after:
            return (keys[0],), (keys[1],)
        return None, None
    if agent is None:
        rest = tuple(k for k in keys if k not in target and k in before)
        return (rest or None), target
    rest = tuple(k for k in keys if k not in agent and k in after)
    return agent, (rest or None)


def _introduced(clause: Clause, group: Group, hit: Hit) -> bool:
    """'For China, the deal ...', 'Under pressure from Washington, ...': a party in an
    opening phrase set off by a comma is no subject."""
    return (
        "," in clause.toks.lower[group.last + 1 : hit.first] and governor(clause, group) is not None
    )


def merge_evidence(found: Sequence[tuple[str, Evidence]]) -> tuple[Tie, ...]:
    """One tie per pair and type, directed only when all its evidence points one way."""
    buckets: dict[tuple[tuple[str, str], str], list[Evidence]] = {}
    seen: set[tuple] = set()
    for tie_type, ev in found:
        once = (tie_type, ev.sentence, ev.start, ev.source, ev.target)
        if once in seen:
            continue
        seen.add(once)
        pair = (ev.source, ev.target) if ev.source < ev.target else (ev.target, ev.source)
        buckets.setdefault((pair, tie_type), []).append(ev)
    ties = []
    for (_, tie_type), evs in buckets.items():
        directions = [(e.source, e.target) for e in evs if not e.mutual]
        if directions:
            source, target = max(
                set(directions), key=lambda d: (directions.count(d), -directions.index(d))
            )
        else:
            source, target = evs[0].source, evs[0].target
        directed = bool(directions) and len(set(directions)) == 1 and len(directions) == len(evs)
        ties.append(Tie(source, target, tie_type, directed, tuple(evs)))
    return tuple(ties)
