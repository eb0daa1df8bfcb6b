"""The JSON object keeps the contract's fields and meanings."""

from __future__ import annotations

import json

import pytest

from diplomap.analysis import analyse
from diplomap.output import to_dict
from diplomap.reader import read_text

TEXT = "Rusia menyerang Ukraina pada 24 Februari 2022. AS dan Uni Eropa mengecam Rusia."


@pytest.fixture(scope="module")
def out():
    return to_dict(analyse(read_text(TEXT, language="id")))


def test_it_is_plain_json(out):
    assert json.loads(json.dumps(out)) == out


def test_every_contract_field_is_there(out):
    assert set(out["article"]) >= {"id", "title", "language", "date", "dateline", "source", "text"}
    assert set(out["countries"][0]) >= {"iso3", "name", "mentions", "lat", "lon"}
    assert set(out["mentions"][0]) >= {"start", "end", "text", "actor", "sentence"}
    assert set(out["ties"][0]) >= {"source", "target", "type", "directed", "score", "evidence"}
    assert set(out["ties"][0]["evidence"][0]) >= {"sentence", "cue"}
    assert set(out["events"][0]) >= {"date", "precision", "sentence", "countries"}


def test_mention_text_is_the_slice_of_article_text(out):
    text = out["article"]["text"]
    assert out["mentions"]
    for m in out["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]


@pytest.mark.parametrize(("tie_type", "score"), [("attack", -10.0), ("accusation", -3.0)])
def test_scores_are_the_fixed_type_scores(out, tie_type, score):
    assert {t["score"] for t in out["ties"] if t["type"] == tie_type} == {score}


def test_event_carries_its_sentence_countries(out):
    event = next(e for e in out["events"] if e["date"] == "2022-02-24")
    assert event["precision"] == "day"
    assert event["countries"] == ["RUS", "UKR"]
