"""The whole pipeline over small articles written for these tests."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from diplomap.analysis import analyse
from diplomap.reader import read_text


def test_article_aliases_add_names_and_unknown_ones_are_warned():
    article = read_text("Negeri Paman Sam menjatuhkan sanksi kepada Rusia.", language="id")
    article = dataclasses.replace(
        article, aliases=(("Negeri Paman Sam", "USA"), ("Negeri Antah", "XXX"))
    )
    result = analyse(article)
    assert [(t.source, t.target, t.type) for t in result.ties] == [("USA", "RUS", "sanction")]
    assert any("Negeri Antah" in w for w in result.warnings)


def test_countries_are_counted_through_people_and_sorted_by_mentions():
    result = analyse(read_text("Putin bertemu Xi Jinping. Putin memuji Rusia.", language="id"))
    counts = {c.iso3: c.mentions for c in result.countries}
    assert counts == {"RUS": 3, "CHN": 1}
    assert [c.iso3 for c in result.countries] == ["RUS", "CHN"]


def test_media_do_not_put_a_country_on_the_map():
    result = analyse(read_text("Reuters melaporkan bahwa Iran mengecam Israel.", language="id"))
    assert {c.iso3 for c in result.countries} == {"IRN", "ISR"}


@pytest.mark.parametrize(
    ("date", "source"),
    [(dt.date(2024, 5, 1), "user"), (None, "unknown")],
)
def test_article_date_comes_from_the_user_or_is_said_unknown(date, source):
    result = analyse(read_text("Jepang mengirim bantuan ke Filipina.", language="id", date=date))
    assert result.article.date == date
    assert result.article.date_source.startswith(source)


def test_an_article_with_no_country_gives_empty_results_not_errors():
    result = analyse(read_text("Harga cabai naik menjelang Lebaran.", language="id"))
    assert result.countries == ()
    assert result.ties == ()
    assert result.camps.poles is None
