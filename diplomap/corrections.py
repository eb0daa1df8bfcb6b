"""Corrections files: an editor fixes what the engine got wrong, in YAML beside the article.

`<id>.corrections.yaml` sits next to the article `<id>.txt` (or .md, .json); the example in
data/examples/us-officials-visit-venezuela.corrections.yaml explains every field. In short:

    aliases:                 # names for this article only -> entity id or ISO3
      "Negeri Paman Sam": USA
    mentions:                # a name found (or missed) stands for someone else, or for no one
      - {text: Caracas, occurrence: 2, actor: VEN}   # or `start: 1234`; `actor: null` drops it
    ties:
      add:    [{source: USA, target: VEN, type: threat, sentence: 3, cue: warned}]
      remove: [{source: OPEC, target: VEN, type: support}]
      change: [{source: USA, target: VEN, type: aid, to: talks}]   # or reverse / directed
    notes:
      - {sentence: 4, text: "The source spoke on condition of anonymity."}

Parties are ISO3 codes or gazetteer ids (ISO2 codes and entity names resolve too); a person
or body that stands for a country is that country in a tie, as in the engine. Sentences are
numbered from 1 as the Excerpts page numbers them (1 is the headline). A mention's `text` is
matched as written, whole words, capitals and all; `occurrence` counts from 1 through the
article; without it every occurrence is meant, except those inside a longer name the engine
found ("Washington" in "Washington Post"). `remove` and `change` match a tie in
either direction; `remove` without a type removes every tie between the two.

The analysis applies a file in this order: aliases before names are matched; mentions before
ties are read, so ties follow the corrected parties; then ties are removed, changed and added,
and camps are computed from the result. Edits are marked (Mention.edited, Tie.edited).

Only YAML's safe loader reads the file, so nothing in it is ever run; it must be UTF-8 text of
at most 256 KB. Anything wrong raises CorrectionsError, naming the file, the line and the field.
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import os
import re
import stat
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diplomap.gazetteer import Gazetteer, load_gazetteer, resolve_id
from diplomap.model import TIE_TYPES, Evidence, Mention, Note, Sentence, Tie
from diplomap.ties import party_key

MAX_BYTES = 256 * 1024
SUFFIX = ".corrections.yaml"
TABLE = "ties table"
SECTIONS = ("aliases", "mentions", "ties", "notes")
TIE_SECTIONS = ("add", "remove", "change")
MENTION_FIELDS = ("text", "occurrence", "start", "actor")
ADD_FIELDS = ("source", "target", "type", "directed", "sentence", "cue")
REMOVE_FIELDS = ("source", "target", "type")
CHANGE_FIELDS = ("source", "target", "type", "to", "reverse", "directed")
NOTE_FIELDS = ("sentence", "text")
UNNAMED = (
    "{party} is not named in the article, so the map cannot draw this tie; "
    "add an alias or a mention for it"
)
HEADER = """\
# Diplomap corrections for the article beside this file, applied on top of what the
# engine found. Save it as <article id>.corrections.yaml next to the article;
# data/examples/us-officials-visit-venezuela.corrections.yaml explains every field.
"""

_TAG = "tag:yaml.org,2002:"
_KINDS = {
    "map": "a mapping",
    "seq": "a list",
    "str": "text",
    "int": "a number",
    "float": "a number",
    "bool": "true or false",
    "null": "nothing (null)",
    "timestamp": "a date",
    "binary": "binary data",
}
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
_YAML_WORDS = frozenset(["y", "n", "yes", "no", "true", "false", "on", "off", "null"])
_NOT_YAML_PRINTABLE = re.compile("[\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class CorrectionsError(ValueError):
    """A corrections file that cannot be used: the message names file, line and field."""

    def __init__(self, path: str, line: int | None, field: str | None, problem: str) -> None:
        parts = (Path(path).name or path, f"line {line}" if line else "", field or "")
        super().__init__(f"{', '.join(p for p in parts if p)}: {problem}")
        self.path = path
        self.line = line
        self.field = field
        self.problem = problem


@dataclass(frozen=True)
class _Located:
    """Where an entry stands in its file, kept for messages and left out of comparisons."""

    at: str = field(default="", compare=False, repr=False, kw_only=True)
    lines: tuple[tuple[str, int], ...] = field(default=(), compare=False, repr=False, kw_only=True)

    def line(self, name: str = "") -> int | None:
        """The line of one field of the entry, else of the entry itself."""
        found = dict(self.lines)
        return found.get(name) or found.get("")

    def error(self, path: str, name: str, problem: str) -> CorrectionsError:
        return CorrectionsError(
            path, self.line(name), f"{self.at}.{name}" if name else self.at, problem
        )


@dataclass(frozen=True)
class MentionFix(_Located):
    """`text` (its n-th occurrence, or the one at `start`, or every one) stands for `actor`."""

    text: str
    actor: str | None
    occurrence: int | None = None
    start: int | None = None


@dataclass(frozen=True)
class TieAdd(_Located):
    """A tie the engine missed; `sentence` (1-based) and `cue` give it evidence."""

    source: str
    target: str
    type: str
    directed: bool = True
    sentence: int | None = None
    cue: str = ""


@dataclass(frozen=True)
class TieRemove(_Located):
    """A tie that is not there, in either direction; no type means every type."""

    source: str
    target: str
    type: str | None = None


@dataclass(frozen=True)
class TieChange(_Located):
    """A tie of the wrong type (`to`), pointing the wrong way (`reverse`) or wrongly directed."""

    source: str
    target: str
    type: str
    to: str | None = None
    reverse: bool = False
    directed: bool | None = None


@dataclass(frozen=True)
class EditorNote(_Located):
    """A note on sentence number `sentence` (1-based, as the Excerpts page shows it)."""

    sentence: int
    text: str


@dataclass(frozen=True)
class Corrections:
    """One corrections file, checked against the gazetteer; `path` names it in messages."""

    aliases: tuple[tuple[str, str], ...] = ()
    mentions: tuple[MentionFix, ...] = ()
    add: tuple[TieAdd, ...] = ()
    remove: tuple[TieRemove, ...] = ()
    change: tuple[TieChange, ...] = ()
    notes: tuple[EditorNote, ...] = ()
    path: str = field(default="", compare=False)

    def __bool__(self) -> bool:
        return any((self.aliases, self.mentions, self.add, self.remove, self.change, self.notes))


def corrections_path(article_path: str | os.PathLike[str]) -> Path:
    """The corrections file that belongs to an article: its sibling `<id>.corrections.yaml`."""
    path = Path(article_path)
    return path.with_name(path.stem + SUFFIX)


def load_corrections(
    path: str | os.PathLike[str], gazetteer: Gazetteer | None = None
) -> Corrections:
    """Read and check one corrections file, refusing anything but small UTF-8 YAML."""
    name = os.fspath(path)
    try:
        info = os.stat(name)
        if not stat.S_ISREG(info.st_mode):
            raise CorrectionsError(name, None, None, "not a regular file; name a .yaml file")
        _check_size(name, info.st_size)
        with open(name, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise CorrectionsError(name, None, None, "no such file") from None
    except OSError as e:
        raise CorrectionsError(name, None, None, f"cannot be read ({e.strerror or e})") from None
    return read_corrections(data, name, gazetteer)


def read_corrections(
    data: bytes | str, name: str = "corrections.yaml", gazetteer: Gazetteer | None = None
) -> Corrections:
    """Check corrections already in memory (an upload, an edited text); `name` is for messages."""
    if isinstance(data, bytes):
        _check_size(name, len(data))
        data = _decode(data, name)
    import yaml

    safe = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    _refuse_aliases(data, name, safe)
    loader = safe(data)
    try:
        root = _compose(loader, name)
        return _Reader(name, gazetteer or load_gazetteer(), loader).corrections(root)
    finally:
        loader.dispose()


def _check_size(name: str, size: int) -> None:
    if size > MAX_BYTES:
        raise CorrectionsError(
            name,
            None,
            None,
            f"too large: {size:,} bytes where the limit is {MAX_BYTES:,}; "
            "a corrections file lists edits, not the article",
        )


def _decode(data: bytes, name: str) -> str:
    """UTF-8 text (a BOM is allowed); binary data and other encodings are refused."""
    nul = data.find(b"\0")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise CorrectionsError(
            name, line, None, "not a text file (binary data); save the corrections as UTF-8 YAML"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise CorrectionsError(
            name, line, None, f"not UTF-8 text (byte 0x{data[e.start]:02X}); save the file as UTF-8"
        ) from None
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        raise CorrectionsError(name, line, None, "not a text file (control characters)")
    return text


def _refuse_aliases(text: str, name: str, safe: type) -> None:
    """Refuse YAML aliases (`*name`) before any tree is built: a few lines of them can
    expand into millions of nodes, and a corrections file never needs them."""
    import yaml

    with _yaml_errors(name):
        for event in yaml.parse(text, Loader=safe):
            if isinstance(event, yaml.AliasEvent):
                raise CorrectionsError(
                    name,
                    event.start_mark.line + 1,
                    None,
                    "YAML aliases (*name) are not allowed; write the value out",
                )


def _compose(loader: Any, name: str) -> Any:
    """The YAML node tree, which keeps line numbers."""
    with _yaml_errors(name):
        return loader.get_single_node()


@contextlib.contextmanager
def _yaml_errors(name: str) -> Iterator[None]:
    """YAML's own errors as CorrectionsError, with the line they point at."""
    import yaml

    try:
        yield
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        reason = e.problem or e.context or "cannot be parsed"
        raise CorrectionsError(
            name, mark.line + 1 if mark else None, None, f"not valid YAML: {reason}"
        ) from None
    except yaml.YAMLError as e:
        raise CorrectionsError(name, None, None, f"not valid YAML: {e}") from None
    except RecursionError:
        raise CorrectionsError(name, None, None, "not valid YAML: nested too deeply") from None


class _Reader:
    """Walks the node tree, checking each field and remembering where it stood."""

    def __init__(self, name: str, gazetteer: Gazetteer, loader: Any) -> None:
        self.name = name
        self.gazetteer = gazetteer
        self.loader = loader

    def fail(self, node: Any, at: str, problem: str) -> CorrectionsError:
        return CorrectionsError(self.name, node.start_mark.line + 1, at or None, problem)

    def corrections(self, root: Any) -> Corrections:
        if root is None or self.is_null(root):
            return Corrections(path=self.name)
        top = self.fields(root, "", SECTIONS)
        ties: dict[str, Any] = {}
        if "ties" in top and not self.is_null(top["ties"]):
            ties = self.fields(top["ties"], "ties", TIE_SECTIONS)
        return Corrections(
            aliases=self.aliases(top.get("aliases")),
            mentions=tuple(self.each(top.get("mentions"), "mentions", self.mention)),
            add=tuple(self.each(ties.get("add"), "ties.add", self.tie_add)),
            remove=tuple(self.each(ties.get("remove"), "ties.remove", self.tie_remove)),
            change=tuple(self.each(ties.get("change"), "ties.change", self.tie_change)),
            notes=tuple(self.each(top.get("notes"), "notes", self.note)),
            path=self.name,
        )

    def aliases(self, node: Any) -> tuple[tuple[str, str], ...]:
        if node is None or self.is_null(node):
            return ()
        self.expect(node, "aliases", "map")
        out: dict[str, str] = {}
        for key, value in node.value:
            alias = self.text(key, "aliases")
            at = f"aliases.{alias}"
            if not any(c.isalnum() for c in alias):
                raise self.fail(key, at, "an alias needs at least one letter or digit")
            if alias in out:
                raise self.fail(key, at, "appears twice; keep one")
            out[alias] = self.entity(value, at)
        return tuple(out.items())

    def each(self, node: Any, at: str, read: Any) -> Iterable[Any]:
        if node is None or self.is_null(node):
            return
        self.expect(node, at, "seq")
        for i, item in enumerate(node.value):
            yield read(item, f"{at}[{i}]")

    def mention(self, node: Any, at: str) -> MentionFix:
        f = self.fields(node, at, MENTION_FIELDS, required=("text", "actor"))
        if "occurrence" in f and "start" in f:
            raise self.fail(f["start"], f"{at}.start", "give `occurrence` or `start`, not both")
        actor = f["actor"]
        return MentionFix(
            self.text(f["text"], f"{at}.text"),
            None if self.is_null(actor) else self.entity(actor, f"{at}.actor"),
            occurrence=self.optional(f, "occurrence", at, self.counting),
            start=self.optional(f, "start", at, self.offset),
            at=at,
            lines=self.lines(node, f),
        )

    def tie_add(self, node: Any, at: str) -> TieAdd:
        f = self.fields(node, at, ADD_FIELDS, required=("source", "target", "type"))
        source, target = self.parties(f, at)
        if "cue" in f and "sentence" not in f:
            raise self.fail(f["cue"], f"{at}.cue", "a cue needs its sentence; add `sentence:`")
        directed = self.optional(f, "directed", at, self.flag)
        return TieAdd(
            source,
            target,
            self.tie_type(f["type"], f"{at}.type"),
            True if directed is None else directed,
            self.optional(f, "sentence", at, self.counting),
            self.optional(f, "cue", at, self.text) or "",
            at=at,
            lines=self.lines(node, f),
        )

    def tie_remove(self, node: Any, at: str) -> TieRemove:
        f = self.fields(node, at, REMOVE_FIELDS, required=("source", "target"))
        source, target = self.parties(f, at)
        tie_type = self.optional(f, "type", at, self.tie_type)
        return TieRemove(source, target, tie_type, at=at, lines=self.lines(node, f))

    def tie_change(self, node: Any, at: str) -> TieChange:
        f = self.fields(node, at, CHANGE_FIELDS, required=("source", "target", "type"))
        source, target = self.parties(f, at)
        if not {"to", "reverse", "directed"} & f.keys():
            raise self.fail(node, at, "changes nothing; give `to`, `reverse: true` or `directed`")
        return TieChange(
            source,
            target,
            self.tie_type(f["type"], f"{at}.type"),
            self.optional(f, "to", at, self.tie_type),
            bool(self.optional(f, "reverse", at, self.flag)),
            self.optional(f, "directed", at, self.flag),
            at=at,
            lines=self.lines(node, f),
        )

    def note(self, node: Any, at: str) -> EditorNote:
        f = self.fields(node, at, NOTE_FIELDS, required=NOTE_FIELDS)
        return EditorNote(
            self.counting(f["sentence"], f"{at}.sentence"),
            self.text(f["text"], f"{at}.text"),
            at=at,
            lines=self.lines(node, f),
        )

    def fields(
        self, node: Any, at: str, allowed: Sequence[str], required: Sequence[str] = ()
    ) -> dict[str, Any]:
        """A mapping's values by key: known keys only, each once, the required ones present."""
        self.expect(node, at, "map")
        out: dict[str, Any] = {}
        for key, value in node.value:
            name = self.text(key, at)
            where = f"{at}.{name}" if at else name
            if name not in allowed:
                raise self.fail(key, where, f"unknown field; use one of {', '.join(allowed)}")
            if name in out:
                raise self.fail(key, where, "appears twice; keep one")
            out[name] = value
        for name in required:
            if name not in out:
                hint = " (null drops the mention)" if name == "actor" else ""
                raise self.fail(node, at, f"missing `{name}`{hint}")
        return out

    def lines(self, node: Any, fields: Mapping[str, Any]) -> tuple[tuple[str, int], ...]:
        own = (("", node.start_mark.line + 1),)
        return own + tuple((k, v.start_mark.line + 1) for k, v in fields.items())

    def optional(self, fields: Mapping[str, Any], name: str, at: str, read: Any) -> Any:
        node = fields.get(name)
        return None if node is None else read(node, f"{at}.{name}")

    def expect(self, node: Any, at: str, tag: str) -> None:
        if node.tag != _TAG + tag:
            want = "a mapping (key: value lines)" if tag == "map" else "a list"
            raise self.fail(node, at, f"expected {want}, found {self.kind(node)}")

    def kind(self, node: Any) -> str:
        name = node.tag.removeprefix(_TAG)
        if name in _KINDS:
            return _KINDS[name]
        return f"a value tagged {node.tag}"

    def is_null(self, node: Any) -> bool:
        return node.tag == _TAG + "null"

    def scalar(self, node: Any, at: str, tag: str, want: str) -> Any:
        """A single value of one YAML type; only then is it built, so no other tag ever is."""
        if node.tag != _TAG + tag:
            scalar = node.tag not in (_TAG + "map", _TAG + "seq")
            quote = "; put it in quotes" if tag == "str" and scalar else ""
            raise self.fail(node, at, f"expected {want}, found {self.kind(node)}{quote}")
        return self.loader.construct_object(node)

    def text(self, node: Any, at: str) -> str:
        value = self.scalar(node, at, "str", "text").strip()
        if not value:
            raise self.fail(node, at, "is empty")
        return value

    def counting(self, node: Any, at: str) -> int:
        value = self.scalar(node, at, "int", "a whole number")
        if value < 1:
            raise self.fail(node, at, f"{value} is not a count; numbering starts at 1")
        return value

    def offset(self, node: Any, at: str) -> int:
        value = self.scalar(node, at, "int", "a whole number")
        if value < 0:
            raise self.fail(node, at, f"{value} is not an offset into the article text")
        return value

    def flag(self, node: Any, at: str) -> bool:
        return self.scalar(node, at, "bool", "true or false")

    def tie_type(self, node: Any, at: str) -> str:
        value = self.text(node, at)
        if value not in TIE_TYPES:
            raise self.fail(
                node,
                at,
                f"{value!r} is not a tie type; use one of {', '.join(TIE_TYPES)}"
                + _did_you_mean(value.lower(), TIE_TYPES),
            )
        return value

    def entity(self, node: Any, at: str) -> str:
        value = self.text(node, at)
        found = resolve_id(self.gazetteer, value)
        if found is None:
            raise self.fail(
                node,
                at,
                f"{value!r} is no country, person or body the gazetteer knows; use an ISO3 "
                "code or an id from data/gazetteer/aliases.yaml"
                + _did_you_mean(value.upper(), self.gazetteer.entities),
            )
        return found

    def parties(self, fields: Mapping[str, Any], at: str) -> tuple[str, str]:
        source = self.party(fields["source"], f"{at}.source")
        target = self.party(fields["target"], f"{at}.target")
        if source == target:
            raise self.fail(
                fields["target"], f"{at}.target", f"a tie needs two parties, not {source} twice"
            )
        return source, target

    def party(self, node: Any, at: str) -> str:
        """An entity as the engine's ties name it: a person or state body as its country."""
        found = self.gazetteer.entities[self.entity(node, at)]
        mention = Mention(0, 0, "", found.id, found.kind, found.country, 0)
        key = party_key(mention, self.gazetteer)
        if key is None:
            raise self.fail(node, at, f"{found.name} ({found.kind}) is never a party to a tie")
        return key


def _did_you_mean(value: str, choices: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(value, list(choices), n=3, cutoff=0.75)
    return f" (did you mean {' or '.join(close)}?)" if close else ""


def merged_aliases(
    article_aliases: Sequence[tuple[str, str]], corrections: Corrections
) -> tuple[tuple[str, str], ...]:
    """The article's own aliases, then the file's, which win where both name the same words."""
    return (*article_aliases, *corrections.aliases)


def correct_mentions(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    corrections: Corrections,
    gazetteer: Gazetteer,
) -> tuple[Mention, ...]:
    """The mentions with each fix applied in file order: reassigned, dropped or added."""
    current = list(mentions)
    starts = [s.start for s in sentences]
    for fix in corrections.mentions:
        for start, end in _fix_spans(text, current, fix, corrections.path):
            current = [m for m in current if m.end <= start or m.start >= end]
            if fix.actor is not None:
                found = gazetteer.entities[fix.actor]
                sentence = sentences[max(bisect.bisect_right(starts, start) - 1, 0)].index
                current.append(
                    Mention(
                        start,
                        end,
                        text[start:end],
                        found.id,
                        found.kind,
                        found.country,
                        sentence,
                        edited=True,
                    )
                )
        current.sort(key=lambda m: m.start)
    return tuple(current)


def _fix_spans(
    text: str, mentions: Sequence[Mention], fix: MentionFix, path: str
) -> list[tuple[int, int]]:
    """The spans a mention fix means: every whole-word occurrence, the n-th, or the one at start."""
    size = len(fix.text)
    if fix.start is not None:
        if text[fix.start : fix.start + size] != fix.text:
            found = text[fix.start : fix.start + size]
            raise fix.error(path, "start", f"the article has {found!r} there, not {fix.text!r}")
        return [(fix.start, fix.start + size)]
    words = re.compile(r"(?<!\w)" + re.escape(fix.text) + r"(?!\w)")
    starts = {m.start for m in mentions if m.text == fix.text}
    starts.update(m.start() for m in words.finditer(text))
    spans = [(s, s + size) for s in sorted(starts)]
    if not spans:
        raise fix.error(
            path,
            "text",
            f"{fix.text!r} is not in the article as written (whole words, same capitals)",
        )
    if fix.occurrence is None:
        return [span for span in spans if not _inside_longer(span, mentions)]
    if fix.occurrence > len(spans):
        times = "once" if len(spans) == 1 else f"{len(spans)} times"
        raise fix.error(
            path,
            "occurrence",
            f"{fix.text!r} occurs {times}; there is no occurrence {fix.occurrence}",
        )
    return [spans[fix.occurrence - 1]]


def _inside_longer(span: tuple[int, int], mentions: Sequence[Mention]) -> bool:
    """Whether a span is part of a longer name found there ("Washington" in "Washington Post")."""
    start, end = span
    return any(
        m.start <= start and end <= m.end and m.end - m.start > end - start for m in mentions
    )


def correct_ties(
    ties: Sequence[Tie],
    corrections: Corrections,
    text: str,
    sentences: Sequence[Sentence],
    named: Collection[str] = (),
    countries: Collection[str] = (),
) -> tuple[tuple[Tie, ...], tuple[str, ...]]:
    """The ties with removals, changes and additions applied, and what did not apply.

    A removal or change that finds no tie is a warning, not an error: the engine may have
    stopped finding it. `named` are the countries the article names; an added tie to a
    country in `countries` but not in `named` is kept with a warning (the map cannot place it).
    """
    path = corrections.path
    found: dict[tuple[tuple[str, str], str], Tie] = {(t.pair, t.type): t for t in ties}
    warnings: list[str] = []
    for r in corrections.remove:
        pair = _pair(r.source, r.target)
        keys = [k for k in found if k[0] == pair and r.type in (None, k[1])]
        if not keys:
            warnings.append(str(r.error(path, "", f"no {_label(r)} tie to remove; nothing done")))
        for k in keys:
            del found[k]
    for c in corrections.change:
        old = (_pair(c.source, c.target), c.type)
        if old not in found:
            warnings.append(str(c.error(path, "", f"no {_label(c)} tie to change; nothing done")))
            continue
        tie = _changed(found[old], c)
        key = (tie.pair, tie.type)
        if key != old:
            del found[old]
        found[key] = _merged(found[key], tie) if key != old and key in found else tie
    for a in corrections.add:
        evidence = _added_evidence(a, path, text, sentences)
        key = (_pair(a.source, a.target), a.type)
        if key not in found:
            found[key] = Tie(a.source, a.target, a.type, a.directed, evidence, edited="added")
        elif evidence and evidence[0] not in found[key].evidence:
            found[key] = dataclasses.replace(found[key], evidence=found[key].evidence + evidence)
        else:
            warnings.append(str(a.error(path, "", f"the {_label(a)} tie is already there")))
        unnamed = [p for p in (a.source, a.target) if p in countries and p not in named]
        warnings.extend(str(a.error(path, "", UNNAMED.format(party=p))) for p in unnamed)
    return tuple(found.values()), tuple(warnings)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _label(item: TieAdd | TieRemove | TieChange) -> str:
    return f"{item.source}–{item.target}{' ' + item.type if item.type else ''}"


def _changed(tie: Tie, change: TieChange) -> Tie:
    """A tie retyped, turned round (with its evidence) or made (un)directed, marked so."""
    marks = tie.edited.split(",") if tie.edited else []
    if change.to and change.to != tie.type:
        tie = dataclasses.replace(tie, type=change.to)
        marks.append("retyped")
    if change.reverse:
        evidence = tuple(
            e if e.mutual else dataclasses.replace(e, source=e.target, target=e.source)
            for e in tie.evidence
        )
        tie = dataclasses.replace(tie, source=tie.target, target=tie.source, evidence=evidence)
        marks.append("reversed")
    if change.directed is not None and change.directed != tie.directed:
        tie = dataclasses.replace(tie, directed=change.directed)
        marks.append("directed" if change.directed else "undirected")
    return dataclasses.replace(tie, edited=",".join(dict.fromkeys(marks)))


def _merged(kept: Tie, moved: Tie) -> Tie:
    """A retyped tie joined to one already of that type: all evidence, directed if both agree."""
    joined = kept.evidence + tuple(e for e in moved.evidence if e not in kept.evidence)
    evidence = tuple(sorted(joined, key=lambda e: (e.sentence, e.start)))
    same_way = kept.directed and moved.directed and kept.source == moved.source
    return dataclasses.replace(moved, evidence=evidence, directed=same_way)


def _added_evidence(
    add: TieAdd, path: str, text: str, sentences: Sequence[Sentence]
) -> tuple[Evidence, ...]:
    """Evidence for an added tie: its sentence, and its cue's span when one is given."""
    if add.sentence is None:
        return ()
    s = _sentence(add, add.sentence, path, sentences)
    if add.cue:
        hit = re.compile(re.escape(add.cue), re.IGNORECASE).search(text, s.start, s.end)
        if hit is None:
            said = text[s.start : s.end]
            said = said if len(said) <= 80 else said[:77] + "..."
            raise add.error(
                path, "cue", f"{add.cue!r} is not in sentence {add.sentence} ({said!r})"
            )
        start, end, cue = hit.start(), hit.end(), hit.group()
    else:
        start = end = s.start
        cue = ""
    return (Evidence(s.index, cue, start, end, add.source, add.target, mutual=not add.directed),)


def _sentence(
    item: TieAdd | EditorNote, number: int, path: str, sentences: Sequence[Sentence]
) -> Sentence:
    if not 1 <= number <= len(sentences):
        raise item.error(
            path,
            "sentence",
            f"the article has {len(sentences)} sentences, numbered from 1 as on the Excerpts "
            f"page; there is no sentence {number}",
        )
    return sentences[number - 1]


def attach_notes(corrections: Corrections, sentences: Sequence[Sentence]) -> tuple[Note, ...]:
    """The editor's notes by sentence index, in text order."""
    notes = [
        Note(_sentence(n, n.sentence, corrections.path, sentences).index, n.text)
        for n in corrections.notes
    ]
    return tuple(sorted(notes, key=lambda n: n.sentence))


def corrections_from_edits(
    original: Sequence[Tie], edited: Iterable[Mapping[str, Any]]
) -> Corrections:
    """The fewest adds, removals and changes that turn the engine's ties into a table's rows.

    Rows are {"source", "target", "type", "directed"} as st.data_editor returns them; rows
    with an empty source, target or type are still being typed and are skipped. A row whose
    pair stays but whose type changed is a retype, which keeps the tie's evidence.
    """
    rows: dict[tuple[tuple[str, str], str], tuple[str, str, str, bool]] = {}
    for i, raw in enumerate(edited):
        row = _row(i, raw)
        if row is not None:
            rows.setdefault((_pair(row[0], row[1]), row[2]), row)
    before = {(t.pair, t.type): t for t in original}
    gone = [t for k, t in before.items() if k not in rows]
    adds: list[TieAdd] = []
    changes: list[TieChange | None] = []
    for key, row in rows.items():
        tie = before.get(key) or next((t for t in gone if t.pair == key[0]), None)
        if tie is None:
            adds.append(TieAdd(*row))
            continue
        if key not in before:
            gone.remove(tie)
        changes.append(_change(tie, row))
    removes = tuple(TieRemove(t.source, t.target, t.type) for t in gone)
    kept = tuple(c for c in changes if c is not None)
    return Corrections(add=tuple(adds), remove=removes, change=kept, path=TABLE)


def _row(i: int, raw: Mapping[str, Any]) -> tuple[str, str, str, bool] | None:
    """One table row, cleaned; None while it is incomplete."""
    source, target, tie_type = (_cell(raw.get(k)) for k in ("source", "target", "type"))
    if not (source and target and tie_type):
        return None
    source, target, tie_type = source.upper(), target.upper(), tie_type.lower()
    if tie_type not in TIE_TYPES:
        raise CorrectionsError(
            TABLE,
            None,
            f"row {i + 1}.type",
            f"{tie_type!r} is not a tie type; use one of {', '.join(TIE_TYPES)}",
        )
    if source == target:
        raise CorrectionsError(
            TABLE, None, f"row {i + 1}", f"a tie needs two parties, not {source} twice"
        )
    return source, target, tie_type, _flag(raw.get("directed"))


def _cell(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _flag(value: Any, default: bool = True) -> bool:
    """A table cell as a bool; empty cells (None, NaN, pandas' NA) take the default."""
    try:
        return default if value is None or value != value else bool(value)
    except TypeError:
        return default


def _change(tie: Tie, row: tuple[str, str, str, bool]) -> TieChange | None:
    """What turns one tie into one row of the same pair, or None when they already agree."""
    source, target, tie_type, directed = row
    reverse = directed and (source, target) == (tie.target, tie.source)
    to = tie_type if tie_type != tie.type else None
    direction = directed if directed != tie.directed else None
    if not (to or reverse or direction is not None):
        return None
    return TieChange(tie.source, tie.target, tie.type, to, reverse, direction)


def dump_corrections(corrections: Corrections) -> str:
    """The corrections as a YAML file in the documented schema, ready to save beside the article."""
    out = [HEADER]
    c = corrections
    if c.aliases:
        out.append("aliases:\n")
        out.extend(f"  {_quoted(a)}: {_word(t)}\n" for a, t in c.aliases)
    if c.mentions:
        out.append("mentions:\n")
        for m in c.mentions:
            where = {"occurrence": m.occurrence, "start": m.start}
            out.append(_item(2, {"text": m.text, **where, "actor": m.actor}, keep={"actor"}))
    if c.add or c.remove or c.change:
        out.append("ties:\n")
    for name, items in (("add", c.add), ("remove", c.remove), ("change", c.change)):
        if items:
            out.append(f"  {name}:\n")
            out.extend(_item(4, _tie_fields(t)) for t in items)
    if c.notes:
        out.append("notes:\n")
        out.extend(_item(2, {"sentence": n.sentence, "text": n.text}) for n in c.notes)
    if len(out) == 1:
        out.append("# (no corrections yet)\n")
    return "".join(out)


def _tie_fields(tie: TieAdd | TieRemove | TieChange) -> dict[str, Any]:
    fields = {"source": tie.source, "target": tie.target, "type": tie.type}
    if isinstance(tie, TieAdd):
        fields |= {"directed": None if tie.directed else False}
        fields |= {"sentence": tie.sentence, "cue": tie.cue or None}
    elif isinstance(tie, TieChange):
        fields |= {"to": tie.to, "reverse": tie.reverse or None, "directed": tie.directed}
    return fields


def _item(indent: int, fields: Mapping[str, Any], keep: Collection[str] = ()) -> str:
    """One list entry as a flow mapping; None values are left out unless kept (as null)."""
    body = ", ".join(
        f"{k}: {_value(k, v)}" for k, v in fields.items() if v is not None or k in keep
    )
    return f"{' ' * indent}- {{{body}}}\n"


def _value(key: str, value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if key in ("source", "target", "type", "to", "actor"):
        return _word(value)
    return _quoted(value)


def _word(value: str) -> str:
    """Ids and tie types bare when YAML reads them back as the same text, else quoted."""
    if _PLAIN.match(value) and value.lower() not in _YAML_WORDS:
        return value
    return _quoted(value)


def _quoted(value: str) -> str:
    """A double-quoted YAML string (JSON's escapes are YAML's), safe for any text."""
    import json

    quoted = json.dumps(value, ensure_ascii=False)
    return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
