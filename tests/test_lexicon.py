"""Cue lexicons: what the YAML a journalist edits turns into."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from diplomap.lexicon import GAP, build_lexicon, load_lexicon

BASE = {"language": "en", "types": {"talks": {"verbs": ["met"]}}}


def lexicon(**extra):
    return build_lexicon({**BASE, **extra})


def cues(lex, tie_type: str):
    return [c for group in lex.exact.values() for c in group if c.type == tie_type] + [
        c for group in lex.prefixed.values() for c in group if c.type == tie_type
    ]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("negators: [not, no]", "negators"),
        ("object_preps: [to, on]", "object_preps"),
        ("gratitude: [thank, yes]", "gratitude"),
    ],
)
def test_a_bare_yes_no_word_is_refused_by_name(text, key):
    raw = {**BASE, **yaml.safe_load(text)}
    with pytest.raises(ValueError, match=key):
        build_lexicon(raw)


@pytest.mark.parametrize(
    ("key", "entries"),
    [
        ("negators", ["not", "called off"]),
        ("retaliation", ["retaliate", "hit back"]),
        ("passive_markers", ["dijatuhi", "menjadi sasaran"]),
    ],
)
def test_several_words_under_a_word_list_are_refused_by_name(key, entries):
    with pytest.raises(ValueError, match=f"{key}: '{entries[1]}' has several words"):
        lexicon(**{key: entries})


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"negator": ["not"]}, "unknown key 'negator'"),
        ({"types": {"talks": {"verbs": ["met"], "noun": ["talks"]}}}, "talks: unknown key 'noun'"),
        (
            {"types": {"accusation": {"labels": {"verbs": ["call*"], "word": ["provocation"]}}}},
            "accusation: labels: unknown key 'word'",
        ),
    ],
)
def test_a_misspelt_key_is_refused_by_name(extra, message):
    with pytest.raises(ValueError, match=message):
        lexicon(**extra)


def test_phrase_lists_take_several_words():
    lex = lexicon(pair_anaphora=["both countries"], gratitude=["thank", "grateful to"])
    assert (("both", "countries"), 2) in lex.pair_anaphora
    assert ("grateful", "to") in lex.gratitude


def test_quoted_on_and_no_are_words():
    lex = lexicon(**yaml.safe_load('negators: [not, "no"]\nobject_preps: [to, "on"]'))
    assert "no" in lex.negators
    assert "on" in lex.object_preps


@pytest.mark.parametrize("language", ["en", "id"])
def test_shipped_lexicons_read_on_and_no_as_words(language):
    lex = load_lexicon(language)
    assert not {"true", "false"} & (lex.negators | lex.preps)


def test_labels_pair_each_verb_with_the_words_of_blame():
    lex = lexicon(
        types={
            "accusation": {
                "labels": {"verbs": ["called", "menyebut"], "words": ["provocation", "tidak sah"]}
            }
        }
    )
    patterns = {c.pattern for c in cues(lex, "accusation")}
    assert patterns == {
        ("called", GAP, frozenset({"provocation"})),
        ("called", GAP, "tidak", "sah"),
        ("menyebut", GAP, frozenset({"provocation"})),
        ("menyebut", GAP, "tidak", "sah"),
    }
    assert {c.role for c in cues(lex, "accusation")} == {"label"}


def test_mediating_cues_are_marked_and_added_when_unlisted():
    lex = lexicon(
        types={"talks": {"verbs": ["met", "hosted"], "mediating": ["hosted", "brokered"]}}
    )
    marked = {c.pattern[0]: c.mediating for c in cues(lex, "talks")}
    assert marked == {"met": False, "hosted": True, "brokered": True}


def test_references_and_gratitude_are_token_phrases():
    lex = lexicon(
        epithets=["junta"],
        home_bodies=["foreign ministry", "Kementerian Luar Negeri"],
        gratitude=["thanked", "terima kasih"],
    )
    assert set(lex.references) == {
        ("junta",),
        ("foreign", "ministry"),
        ("kementerian", "luar", "negeri"),
    }
    assert lex.references[0] == ("kementerian", "luar", "negeri")
    assert lex.home_bodies == {("foreign", "ministry"), ("kementerian", "luar", "negeri")}
    assert lex.reference_first == {"junta", "foreign", "kementerian"}
    assert lex.gratitude_first == {"thanked", "terima"}


CUES = Path(__file__).resolve().parent.parent / "data" / "cues"


def _field_names(types: dict) -> set[str]:
    """Every field used under `types:`, with those nested in a field (`labels: words:`)."""
    names = set()
    for spec in types.values():
        for name, value in (spec or {}).items():
            names.add(name)
            if isinstance(value, dict):
                names.update(value)
    return names


@pytest.mark.parametrize("language", ["en", "id"])
def test_every_cue_file_key_is_documented_in_the_readme(language):
    raw = yaml.safe_load((CUES / f"{language}.yaml").read_text(encoding="utf-8"))
    readme = (CUES / "README.md").read_text(encoding="utf-8")
    keys = set(raw) | _field_names(raw.get("types") or {})
    missing = sorted(k for k in keys if f"`{k}`" not in readme)
    assert not missing, f"data/cues/README.md does not explain {missing}"


def test_a_broken_cue_file_is_named_in_the_error(tmp_path, monkeypatch):
    (tmp_path / "cues").mkdir()
    (tmp_path / "cues" / "en.yaml").write_text("language: en\nnegator: [not]\ntypes: {}\n")
    monkeypatch.setenv("DIPLOMAP_DATA", str(tmp_path))
    load_lexicon.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"cues/en\.yaml: unknown key 'negator'"):
            load_lexicon("en")
    finally:
        load_lexicon.cache_clear()
