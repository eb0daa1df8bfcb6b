"""Corrections files: each kind of edit, the messages for bad files, dumps and table edits."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from diplomap.analysis import analyse, analyse_corrected
from diplomap.corrections import (
    MAX_BYTES,
    Corrections,
    CorrectionsError,
    EditorNote,
    MentionFix,
    TieAdd,
    TieChange,
    TieRemove,
    corrections_from_edits,
    corrections_path,
    dump_corrections,
    load_corrections,
    read_corrections,
)
from diplomap.model import Note
from diplomap.output import to_dict
from diplomap.reader import read_article, read_text

FIXTURES = Path(__file__).parent / "fixtures" / "corrections"
EXAMPLES = Path(__file__).parent.parent / "data" / "examples"
EXAMPLE = EXAMPLES / "us-officials-visit-venezuela.corrections.yaml"

ID_TEXT = (
    "Rusia dan Venezuela perkuat kerja sama\n\n"
    "Rusia mengirim bantuan ke Venezuela pada Senin. "
    "Amerika Serikat menjatuhkan sanksi kepada Venezuela. "
    "Caracas menuduh Washington mencampuri urusan dalam negeri. "
    "Kuba membela Venezuela."
)
EN_TEXT = (
    "Ukraine and Poland sign a deal\n\n"
    "Poland sent aid to Ukraine on Monday. Russia attacked Ukraine again. "
    "Warsaw condemned Moscow. Hungary criticised Poland."
)
ARTICLES = {"id": read_text(ID_TEXT, language="id"), "en": read_text(EN_TEXT, language="en")}


def corrected(lang: str, yaml: str):
    return analyse(ARTICLES[lang], corrections=read_corrections(yaml, "a.corrections.yaml"))


def ties_of(analysis) -> set[tuple[str, str, str, bool]]:
    """(source, target, type, directed); undirected ties in sorted order."""
    out = set()
    for t in analysis.ties:
        ends = (t.source, t.target) if t.directed else tuple(sorted((t.source, t.target)))
        out.add((*ends, t.type, t.directed))
    return out


def tie(analysis, source: str, target: str, tie_type: str):
    return next(
        t for t in analysis.ties if {t.source, t.target} == {source, target} and t.type == tie_type
    )


def test_the_engine_reads_the_test_articles_as_the_cases_assume():
    assert ties_of(analyse(ARTICLES["id"])) == {
        ("RUS", "VEN", "aid", True),
        ("USA", "VEN", "sanction", True),
        ("VEN", "USA", "accusation", True),
        ("CUB", "VEN", "support", True),
    }
    assert ("POL", "UKR", "aid", True) in ties_of(analyse(ARTICLES["en"]))


EDITS = [
    # mentions: reassigned (every occurrence), so the tie follows the new party
    (
        "id",
        "mentions:\n  - {text: Caracas, actor: CUB}",
        {"add": {("CUB", "USA", "accusation", True)}, "gone": {("VEN", "USA", "accusation", True)}},
    ),
    # mentions: dropped, so the tie it carried goes
    (
        "id",
        "mentions:\n  - {text: Kuba, actor: null}",
        {"add": set(), "gone": {("CUB", "VEN", "support", True)}},
    ),
    # mentions: only the n-th occurrence
    (
        "id",
        "mentions:\n  - {text: Venezuela, occurrence: 2, actor: UKR}",
        {"add": {("RUS", "UKR", "aid", True)}, "gone": {("RUS", "VEN", "aid", True)}},
    ),
    # mentions: the one at an offset
    (
        "en",
        f"mentions:\n  - {{text: Ukraine, start: {EN_TEXT.index('Ukraine on')}, actor: Hungary}}",
        {"add": {("POL", "HUN", "aid", True)}, "gone": {("POL", "UKR", "aid", True)}},
    ),
    # mentions: a person stands for their country in ties
    (
        "en",
        "mentions:\n  - {text: Hungary, actor: ORBAN}",
        {"add": set(), "gone": set()},
    ),
    # ties: added, with its evidence sentence
    (
        "en",
        "ties:\n  add:\n    - {source: HUN, target: RUS, type: support, sentence: 5}",
        {"add": {("HUN", "RUS", "support", True)}, "gone": set()},
    ),
    # ties: added undirected, a person given for their country
    (
        "id",
        "ties:\n  add: [{source: PUTIN, target: CUB, type: talks, directed: false}]",
        {"add": {("CUB", "RUS", "talks", False)}, "gone": set()},
    ),
    # ties: removed, written the other way round
    (
        "id",
        "ties:\n  remove: [{source: VEN, target: RUS, type: aid}]",
        {"add": set(), "gone": {("RUS", "VEN", "aid", True)}},
    ),
    # ties: removed, every type between two
    (
        "id",
        "ties:\n  remove: [{source: USA, target: VEN}]",
        {
            "add": set(),
            "gone": {("USA", "VEN", "sanction", True), ("VEN", "USA", "accusation", True)},
        },
    ),
    # ties: retyped
    (
        "en",
        "ties:\n  change: [{source: HUN, target: POL, type: accusation, to: rejection}]",
        {"add": {("HUN", "POL", "rejection", True)}, "gone": {("HUN", "POL", "accusation", True)}},
    ),
    # ties: reversed
    (
        "id",
        "ties:\n  change: [{source: RUS, target: VEN, type: aid, reverse: true}]",
        {"add": {("VEN", "RUS", "aid", True)}, "gone": {("RUS", "VEN", "aid", True)}},
    ),
    # ties: made mutual
    (
        "en",
        "ties:\n  change: [{source: RUS, target: UKR, type: attack, directed: false}]",
        {"add": {("RUS", "UKR", "attack", False)}, "gone": {("RUS", "UKR", "attack", True)}},
    ),
    # aliases: the file's names win over the gazetteer's
    (
        "id",
        "aliases:\n  Washington: CUB",
        {"add": {("VEN", "CUB", "accusation", True)}, "gone": {("VEN", "USA", "accusation", True)}},
    ),
]


@pytest.mark.parametrize(("lang", "yaml", "expected"), EDITS)
def test_each_kind_of_edit_changes_just_its_ties(lang, yaml, expected):
    before = ties_of(analyse(ARTICLES[lang]))
    after = ties_of(corrected(lang, yaml))
    assert after == (before - expected["gone"]) | expected["add"]


@pytest.mark.parametrize(
    ("lang", "yaml", "source", "target", "tie_type", "mark"),
    [
        (
            "id",
            "ties:\n  add: [{source: CUB, target: RUS, type: aid}]",
            "CUB",
            "RUS",
            "aid",
            "added",
        ),
        (
            "id",
            "ties:\n  change: [{source: VEN, target: CUB, type: support, to: alliance}]",
            "CUB",
            "VEN",
            "alliance",
            "retyped",
        ),
        (
            "id",
            "ties:\n  change: [{source: RUS, target: VEN, type: aid, reverse: true}]",
            "VEN",
            "RUS",
            "aid",
            "reversed",
        ),
        (
            "id",
            "ties:\n  change:\n"
            "    - {source: RUS, target: VEN, type: aid, to: talks, directed: false}",
            "RUS",
            "VEN",
            "talks",
            "retyped,undirected",
        ),
    ],
)
def test_edited_ties_say_how(lang, yaml, source, target, tie_type, mark):
    result = corrected(lang, yaml)
    t = tie(result, source, target, tie_type)
    assert (t.source, t.target, t.edited) == (source, target, mark)
    assert all(u.edited == "" for u in result.ties if u is not t)


def test_a_reversed_tie_turns_its_evidence_too():
    t = tie(
        corrected("id", "ties:\n  change: [{source: RUS, target: VEN, type: aid, reverse: true}]"),
        "VEN",
        "RUS",
        "aid",
    )
    assert [(e.source, e.target) for e in t.evidence] == [("VEN", "RUS")]


def test_a_retype_onto_an_existing_type_joins_the_two():
    result = corrected(
        "id", "ties:\n  change: [{source: USA, target: VEN, type: sanction, to: accusation}]"
    )
    [t] = [t for t in result.ties if t.pair == ("USA", "VEN")]
    assert t.type == "accusation"
    assert [e.sentence for e in t.evidence] == [2, 3]  # in text order
    assert not t.directed  # the two pointed opposite ways


def test_an_added_tie_gets_its_sentence_and_cue_as_evidence():
    yaml = (
        "ties:\n  add:\n"
        "    - {source: CUB, target: USA, type: accusation, sentence: 5, cue: membela}"
    )
    result = corrected("id", yaml)
    [e] = tie(result, "CUB", "USA", "accusation").evidence
    assert (e.sentence, e.cue, ID_TEXT[e.start : e.end]) == (4, "membela", "membela")


def test_an_added_tie_without_a_sentence_has_no_evidence():
    result = corrected("id", "ties:\n  add: [{source: CUB, target: RUS, type: aid}]")
    assert tie(result, "CUB", "RUS", "aid").evidence == ()


def test_an_alias_names_someone_for_this_article_only():
    article = read_text("Negeri Seribu Menara mengirim bantuan ke Venezuela.", language="id")
    assert analyse(article).ties == ()
    fixes = read_corrections('aliases:\n  "Negeri Seribu Menara": CZE')
    assert ties_of(analyse(article, corrections=fixes)) == {("CZE", "VEN", "aid", True)}


def test_mentions_edited_are_marked_and_a_missed_name_becomes_a_mention():
    article = read_text("Negeri Seribu Menara mengirim bantuan ke Venezuela.", language="id")
    fixed = read_corrections("mentions:\n  - {text: Negeri Seribu Menara, actor: CZE}")
    result = analyse(article, corrections=fixed)
    assert [(m.text, m.actor, m.edited) for m in result.mentions] == [
        ("Negeri Seribu Menara", "CZE", True),
        ("Venezuela", "VEN", False),
    ]
    assert ties_of(result) == {("CZE", "VEN", "aid", True)}
    assert {c.iso3 for c in result.countries} == {"CZE", "VEN"}


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("", [("Washington Post", "WAPO"), ("Washington", "CHN"), ("Cuba", "CUB")]),
        (", occurrence: 1", [("Washington", "CHN"), ("Washington", "USA"), ("Cuba", "CUB")]),
    ],
)
def test_every_occurrence_leaves_longer_names_alone_unless_one_is_picked(where, expected):
    article = read_text("The Washington Post said Washington sanctioned Cuba.", language="en")
    fixes = read_corrections(f"mentions: [{{text: Washington{where}, actor: CHN}}]")
    result = analyse(article, corrections=fixes)
    assert [(m.text, m.actor) for m in result.mentions] == expected


def test_camps_are_recomputed_from_the_corrected_ties():
    assert analyse(ARTICLES["id"]).camps.poles is not None
    yaml = (
        "ties:\n  change:\n"
        "    - {source: USA, target: VEN, type: sanction, to: talks}\n"
        "    - {source: VEN, target: USA, type: accusation, to: talks}\n"
    )
    assert corrected("id", yaml).camps.poles is None


def test_notes_are_attached_by_sentence_index_in_text_order():
    yaml = 'notes:\n  - {sentence: 4, text: "Kedua."}\n  - {sentence: 1, text: "Judul."}'
    assert corrected("id", yaml).notes == (Note(0, "Judul."), Note(3, "Kedua."))


@pytest.mark.parametrize(
    ("yaml", "line", "fragment"),
    [
        (
            "ties:\n  remove: [{source: USA, target: CUB, type: aid}]",
            2,
            "no USA–CUB aid tie to remove",
        ),
        (
            "ties:\n  change:\n    - {source: USA, target: CUB, type: aid, to: talks}",
            3,
            "no USA–CUB aid tie",
        ),
        ("ties:\n  add: [{source: RUS, target: VEN, type: aid}]", 2, "already there"),
        ("ties:\n  add: [{source: JPN, target: VEN, type: aid}]", 2, "JPN is not named"),
    ],
)
def test_edits_that_find_nothing_to_do_are_warnings(yaml, line, fragment):
    result = corrected("id", yaml)
    [warning] = [w for w in result.warnings if "a.corrections.yaml" in w]
    assert warning.startswith(f"a.corrections.yaml, line {line}, ties.")
    assert fragment in warning


LOAD_ERRORS = [
    # (YAML, line, field, fragment of the problem)
    ("ties:\n  add: [{source: USA\n", 3, None, "not valid YAML"),
    ("ties:\n\tadd: []\n", 2, None, "not valid YAML"),
    ("notes: []\n---\nnotes: []\n", 2, None, "not valid YAML"),
    ("tie:\n  add: []\n", 1, "tie", "unknown field; use one of aliases, mentions, ties, notes"),
    (
        "ties:\n  add:\n    - source: USA\n      target: VEN\n"
        "      type: threat\n      colour: red\n",
        6,
        "ties.add[0].colour",
        "use one of source, target, type, directed, sentence, cue",
    ),
    ("ties:\n  add:\n    source: USA\n", 3, "ties.add", "expected a list, found a mapping"),
    ("mentions: {text: Rusia, actor: RUS}\n", 1, "mentions", "expected a list, found a mapping"),
    (
        "notes:\n  - sentence 3 is wrong\n",
        2,
        "notes[0]",
        "expected a mapping (key: value lines), found text",
    ),
    ("[1, 2]\n", 1, None, "expected a mapping"),
    (
        "ties:\n  add:\n    - {source: USA, target: VEN, type: aid}\n"
        "    - {source: USA, target: VEN, type: thret}\n",
        4,
        "ties.add[1].type",
        "'thret' is not a tie type; use one of alliance, support, talks, agreement, aid, "
        "accusation, rejection, threat, sanction, attack (did you mean threat?)",
    ),
    (
        "ties:\n  add: [{source: USX, target: VEN, type: aid}]\n",
        2,
        "ties.add[0].source",
        "'USX' is no country",
    ),
    ("aliases:\n  Negeri Antah: XYZQ\n", 2, "aliases.Negeri Antah", "'XYZQ' is no country"),
    (
        "mentions:\n  - text: Rusia\n    actor: Rusland\n",
        3,
        "mentions[0].actor",
        "the gazetteer knows",
    ),
    ("ties:\n  add:\n    - source: USA\n      target: VEN\n", 3, "ties.add[0]", "missing `type`"),
    (
        "mentions:\n  - {text: Rusia}\n",
        2,
        "mentions[0]",
        "missing `actor` (null drops the mention)",
    ),
    (
        "notes:\n  - {sentence: three, text: x}\n",
        2,
        "notes[0].sentence",
        "expected a whole number, found text",
    ),
    ("notes:\n  - {sentence: 0, text: x}\n", 2, "notes[0].sentence", "numbering starts at 1"),
    (
        "notes:\n  - {sentence: 1, text: 2024}\n",
        2,
        "notes[0].text",
        "found a number; put it in quotes",
    ),
    ("aliases:\n  2024: USA\n", 2, "aliases", "put it in quotes"),
    (
        "ties:\n  add: [{source: USA, target: VEN, type: aid, directed: maybe}]\n",
        2,
        "ties.add[0].directed",
        "expected true or false",
    ),
    (
        "ties:\n  add: [{source: USA, target: VEN, type: aid, cue: sanksi}]\n",
        2,
        "ties.add[0].cue",
        "needs its sentence",
    ),
    (
        "ties:\n  add: [{source: USA, target: BIDEN, type: aid}]\n",
        2,
        "ties.add[0].target",
        "not USA twice",
    ),
    (
        "ties:\n  add: [{source: REUTERS, target: VEN, type: aid}]\n",
        2,
        "ties.add[0].source",
        "never a party",
    ),
    (
        "ties:\n  change: [{source: USA, target: VEN, type: aid}]\n",
        2,
        "ties.change[0]",
        "changes nothing",
    ),
    (
        "mentions:\n  - {text: Rusia, occurrence: 1, start: 4, actor: RUS}\n",
        2,
        "mentions[0].start",
        "not both",
    ),
    (
        "ties:\n  remove:\n    - source: USA\n      source: VEN\n",
        4,
        "ties.remove[0].source",
        "appears twice",
    ),
    (
        "mentions:\n  - &m {text: Rusia, actor: RUS}\n  - *m\n",
        3,
        None,
        "aliases (*name) are not allowed",
    ),
    ("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", 2, None, "aliases (*name) are not allowed"),
    (
        'aliases:\n  x: !!python/object/apply:os.system ["echo hacked"]\n',
        2,
        "aliases.x",
        "expected text, found a value tagged tag:yaml.org,2002:python/object/apply:os.system",
    ),
    ("notes:\n  - {sentence: 1, text: !!python/name:os.system }\n", 2, "notes[0].text", "tagged"),
    ("ties: !!python/object:x {add: []}\n", 1, "ties", "expected a mapping (key: value lines)"),
]


@pytest.mark.parametrize(("yaml", "line", "field", "fragment"), LOAD_ERRORS)
def test_a_bad_file_names_its_line_and_field(yaml, line, field, fragment):
    with pytest.raises(CorrectionsError) as caught:
        read_corrections(yaml, "us-x.corrections.yaml")
    err = caught.value
    assert (err.line, err.field) == (line, field)
    assert fragment in err.problem
    where = ", ".join(x for x in ("us-x.corrections.yaml", f"line {line}", field) if x)
    assert str(err).startswith(f"{where}: ")


APPLY_ERRORS = [
    # (YAML, line, field, fragment): checked against the article when applied
    (
        "ties:\n  add:\n    - {source: USA, target: VEN, type: aid, sentence: 9}\n",
        3,
        "ties.add[0].sentence",
        "has 5 sentences",
    ),
    (
        "notes:\n  - sentence: 6\n    text: Terlalu jauh.\n",
        2,
        "notes[0].sentence",
        "there is no sentence 6",
    ),
    (
        "ties:\n  add: [{source: USA, target: VEN, type: aid, sentence: 2, cue: sanksi}]\n",
        2,
        "ties.add[0].cue",
        "'sanksi' is not in sentence 2",
    ),
    (
        "mentions:\n  - {text: Carcas, actor: VEN}\n",
        2,
        "mentions[0].text",
        "'Carcas' is not in the article",
    ),
    ("mentions:\n  - {text: caracas, actor: VEN}\n", 2, "mentions[0].text", "same capitals"),
    (
        "mentions:\n  - text: Rusia\n    occurrence: 3\n    actor: VEN\n",
        3,
        "mentions[0].occurrence",
        "occurs 2 times",
    ),
    (
        "mentions:\n  - {text: Rusia, start: 3, actor: VEN}\n",
        2,
        "mentions[0].start",
        "has 'ia da' there, not 'Rusia'",
    ),
]


@pytest.mark.parametrize(("yaml", "line", "field", "fragment"), APPLY_ERRORS)
def test_corrections_that_do_not_fit_the_article_say_where(yaml, line, field, fragment):
    fixes = read_corrections(yaml, "sanksi.corrections.yaml")
    with pytest.raises(CorrectionsError) as caught:
        analyse(ARTICLES["id"], corrections=fixes)
    assert (caught.value.line, caught.value.field) == (line, field)
    assert fragment in caught.value.problem


@pytest.mark.parametrize(
    ("data", "line", "fragment"),
    [
        (b"notes:\n  - {sentence: 1, text: \x00\x01\x02}\n", 2, "not a text file (binary data)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 3, "not a text file"),
        (
            "notes:\n  - {sentence: 1, text: caf\u00e9}\n".encode("latin-1"),
            2,
            "not UTF-8 text (byte 0xE9)",
        ),
        ("notes: []\n".encode("utf-16"), 1, "not a text file"),
        (b"notes: []\n\x1b[31m\n", 2, "control characters"),
    ],
)
def test_binary_and_foreign_encodings_are_refused(tmp_path, data, line, fragment):
    path = tmp_path / "x.corrections.yaml"
    path.write_bytes(data)
    with pytest.raises(CorrectionsError) as caught:
        load_corrections(path)
    assert caught.value.line == line
    assert fragment in str(caught.value)
    assert str(caught.value).startswith(f"x.corrections.yaml, line {line}: ")


def test_an_oversize_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.corrections.yaml"
    path.write_bytes(b"# " + b"x" * MAX_BYTES + b"\n")
    with pytest.raises(
        CorrectionsError, match=r"big\.corrections\.yaml: too large: .* limit is 262,144"
    ):
        load_corrections(path)


def test_a_file_at_the_limit_is_read(tmp_path):
    path = tmp_path / "full.corrections.yaml"
    path.write_bytes(b"#" * (MAX_BYTES - 1) + b"\n")
    assert load_corrections(path) == Corrections()


@pytest.mark.parametrize(
    ("make", "fragment"), [(None, "no such file"), ("dir", "not a regular file")]
)
def test_missing_files_and_folders_are_refused(tmp_path, make, fragment):
    path = tmp_path / "x.corrections.yaml"
    if make == "dir":
        path.mkdir()
    with pytest.raises(CorrectionsError, match=fragment):
        load_corrections(path)


@pytest.mark.parametrize(
    "yaml", ["", "# only a comment\n", "null\n", "ties:\nnotes:\n", "ties: {add: []}\n"]
)
def test_empty_files_and_sections_correct_nothing(yaml):
    assert read_corrections(yaml) == Corrections()
    assert not read_corrections(yaml)


def test_ids_are_resolved_from_iso2_codes_and_names():
    fixes = read_corrections("ties:\n  add: [{source: us, target: Venezuela, type: aid}]")
    assert fixes.add == (TieAdd("USA", "VEN", "aid"),)


def test_the_corrections_file_sits_beside_the_article():
    assert corrections_path(Path("data/articles/laut-china-selatan.json")) == Path(
        "data/articles/laut-china-selatan.corrections.yaml"
    )


ROUND_TRIPS = [
    Corrections(),
    Corrections(aliases=(("Negeri Paman Sam", "USA"), ('Kata "kutip": dan #', "VEN"))),
    Corrections(
        mentions=(
            MentionFix("Caracas", "VEN", occurrence=2),
            MentionFix("WASHINGTON DC", None, start=41),
            MentionFix("Ērdoğan’s", "ERDOGAN"),
        )
    ),
    Corrections(
        add=(
            TieAdd("USA", "VEN", "threat", True, 3, "warned"),
            TieAdd("NOR", "RUS", "talks", False),
        ),
        remove=(TieRemove("OPEC", "VEN", "support"), TieRemove("CUB", "USA")),
        change=(
            TieChange("USA", "VEN", "aid", to="talks"),
            TieChange("RUS", "VEN", "aid", reverse=True, directed=False),
        ),
    ),
    Corrections(notes=(EditorNote(4, "Line one\nline two: a\ttab, a \\ and \x7f and yes"),)),
]


@pytest.mark.parametrize("fixes", ROUND_TRIPS)
def test_a_dump_loads_back_as_the_same_corrections(fixes):
    text = dump_corrections(fixes)
    assert text.startswith("# Diplomap corrections")
    assert read_corrections(text) == fixes


def test_the_documented_example_round_trips_and_fits_the_bundled_article():
    fixes = load_corrections(EXAMPLE)
    assert all((fixes.aliases, fixes.mentions, fixes.add, fixes.remove, fixes.change, fixes.notes))
    assert read_corrections(dump_corrections(fixes)) == fixes
    article = read_article(EXAMPLE.parents[1] / "articles" / "us-officials-visit-venezuela.txt")
    result = analyse_corrected(article, path=EXAMPLE)
    assert result.corrections_errors == ()
    assert result.notes
    assert {t.edited for t in result.ties} >= {"added", "retyped,directed"}


def rows(ties, changed=None):
    """The engine's ties as table rows, some replaced by index (None deletes the row)."""
    out = [
        {"source": t.source, "target": t.target, "type": t.type, "directed": t.directed}
        for t in ties
    ]
    for index, row in (changed or {}).items():
        out[index] = row
    return [r for r in out if r is not None]


def row_ties(edited) -> set[tuple[str, str, str, bool]]:
    """What the table says, in the shape ties_of gives; rows being typed are left out."""
    out = set()
    for r in edited:
        if not (r["source"] and r["target"] and r["type"]):
            continue
        ends = (r["source"].strip().upper(), r["target"].strip().upper())
        directed = r["directed"] is not False
        out.add((*(ends if directed else sorted(ends)), r["type"].lower(), directed))
    return out


TABLE_EDITS = [
    # (rows replaced by index, rows added, the corrections expected)
    ({}, [], Corrections()),
    (
        {},
        [{"source": "CUB", "target": "RUS", "type": "aid", "directed": True}],
        Corrections(add=(TieAdd("CUB", "RUS", "aid"),)),
    ),
    ({3: None}, [], Corrections(remove=(TieRemove("CUB", "VEN", "support"),))),
    (
        {0: {"source": "RUS", "target": "VEN", "type": "talks", "directed": True}},
        [],
        Corrections(change=(TieChange("RUS", "VEN", "aid", to="talks"),)),
    ),
    (
        {0: {"source": "VEN", "target": "RUS", "type": "aid", "directed": True}},
        [],
        Corrections(change=(TieChange("RUS", "VEN", "aid", reverse=True),)),
    ),
    (
        {0: {"source": "VEN", "target": "RUS", "type": "aid", "directed": False}},
        [],
        Corrections(change=(TieChange("RUS", "VEN", "aid", directed=False),)),
    ),
    (
        {1: {"source": "CHN", "target": "VEN", "type": "sanction", "directed": True}},
        [],
        Corrections(
            add=(TieAdd("CHN", "VEN", "sanction"),), remove=(TieRemove("USA", "VEN", "sanction"),)
        ),
    ),
    # a row still being typed, and cells as data_editor leaves them
    ({}, [{"source": "CUB", "target": None, "type": "aid", "directed": None}], Corrections()),
    (
        {},
        [{"source": " cub ", "target": "rus", "type": "Talks", "directed": float("nan")}],
        Corrections(add=(TieAdd("CUB", "RUS", "talks"),)),
    ),
]


@pytest.mark.parametrize(("changed", "extra", "expected"), TABLE_EDITS)
def test_table_edits_become_the_fewest_corrections_and_give_the_table(changed, extra, expected):
    original = analyse(ARTICLES["id"]).ties
    edited = rows(original, changed) + extra
    fixes = corrections_from_edits(original, edited)
    assert fixes == expected
    assert read_corrections(dump_corrections(fixes)) == fixes
    result = analyse(ARTICLES["id"], corrections=fixes)
    assert ties_of(result) == row_ties(edited)
    assert corrections_from_edits(result.ties, rows(result.ties)) == Corrections()


@pytest.mark.parametrize(
    ("row", "field", "fragment"),
    [
        (
            {"source": "USA", "target": "VEN", "type": "thret", "directed": True},
            "row 5.type",
            "not a tie type",
        ),
        (
            {"source": "USA", "target": "USA", "type": "aid", "directed": True},
            "row 5",
            "two parties",
        ),
    ],
)
def test_a_bad_table_row_is_named(row, field, fragment):
    original = analyse(ARTICLES["id"]).ties
    with pytest.raises(CorrectionsError) as caught:
        corrections_from_edits(original, [*rows(original), row])
    assert caught.value.field == field
    assert fragment in str(caught.value)


def test_without_corrections_the_analysis_is_unchanged():
    plain = analyse(ARTICLES["id"])
    assert analyse(ARTICLES["id"], corrections=None) == plain
    assert (
        dataclasses.replace(
            analyse(ARTICLES["id"], corrections=Corrections()), corrections_path=None
        )
        == plain
    )
    assert (plain.notes, plain.corrections_path, plain.corrections_errors) == ((), None, ())
    assert all(t.edited == "" for t in plain.ties)
    assert not any(m.edited for m in plain.mentions)


def test_a_corrections_file_beside_the_article_is_applied():
    result = analyse_corrected(read_article(FIXTURES / "sanksi.txt"))
    assert result.corrections_errors == ()
    assert Path(result.corrections_path).name == "sanksi.corrections.yaml"
    assert ties_of(result) == {
        ("VEN", "RUS", "aid", True),
        ("USA", "VEN", "sanction", True),
        ("CUB", "USA", "accusation", True),
    }
    assert result.notes == (Note(1, "Bantuan itu belum dikonfirmasi Moskow."),)


def test_a_bad_corrections_file_leaves_the_analysis_uncorrected_and_says_why():
    article = read_article(FIXTURES / "broken" / "sanksi.txt")
    result = analyse_corrected(article)
    assert result.ties == analyse(article).ties
    assert result.corrections_errors == (
        "sanksi.corrections.yaml, line 5, ties.add[0].type: 'thret' is not a tie type; use one of "
        "alliance, support, talks, agreement, aid, accusation, rejection, threat, sanction, attack "
        "(did you mean threat?)",
    )


def test_an_article_without_a_corrections_file_is_analysed_as_is(tmp_path):
    shutil.copy(FIXTURES / "sanksi.txt", tmp_path / "sanksi.txt")
    article = read_article(tmp_path / "sanksi.txt")
    assert analyse_corrected(article) == analyse(article)


def test_the_json_carries_edits_notes_and_the_file():
    out = to_dict(analyse_corrected(read_article(FIXTURES / "sanksi.txt")))
    assert {t["edited"] for t in out["ties"]} == {"", "reversed"}
    assert [m["text"] for m in out["mentions"] if m["edited"]] == ["Caracas"]
    assert out["notes"] == [{"sentence": 1, "text": "Bantuan itu belum dikonfirmasi Moskow."}]
    assert out["corrections"] == {"file": "sanksi.corrections.yaml", "errors": []}


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.corrections.yaml")), ids=lambda p: p.name)
def test_each_example_corrections_file_applies_cleanly_to_its_articles(path: Path) -> None:
    article_id = path.name.removesuffix(".corrections.yaml")
    found = [
        p
        for folder in (EXAMPLES, EXAMPLES.parent / "articles")
        for p in folder.glob(f"{article_id}.*")
        if p.suffix in (".txt", ".md", ".json")
    ]
    assert found, f"no article {article_id} for {path.name}"
    for article_path in found:
        result = analyse_corrected(read_article(article_path), path=path)
        assert result.corrections_errors == (), article_path.name
        assert result.warnings == (), article_path.name
        assert any(t.edited for t in result.ties), article_path.name
