"""People an article introduces by country and title stand for that country there."""

from __future__ import annotations

import pytest

from diplomap.analysis import analyse
from diplomap.reader import read_text


def person_mentions(text: str, lang: str) -> list:
    """Every mention of a person, known or learned, in text order."""
    return [m for m in analyse(read_text(text, language=lang)).mentions if m.kind == "person"]


def people(text: str, lang: str) -> dict[str, str]:
    """The people the article itself introduces, by the form it names them with."""
    return {m.text: m.country for m in person_mentions(text, lang) if m.actor.startswith("person:")}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Turkish Prime Minister Ahmet Davutoglu arrived. Davutoglu said little.",
            {"Ahmet Davutoglu": "TUR", "Davutoglu": "TUR"},
        ),
        (
            "en",
            "Iran's top security official, Ali Shamkhani, signed it.",
            {"Ali Shamkhani": "IRN"},
        ),
        (
            "en",
            "The Saudi national security adviser Musaed al-Aiban attended.",
            {"Musaed al-Aiban": "SAU"},
        ),
        (
            "id",
            "Menteri Luar Negeri Jepang Yoshimasa Hayashi tiba. Hayashi tersenyum.",
            {"Yoshimasa Hayashi": "JPN", "Hayashi": "JPN"},
        ),
    ],
)
def test_titled_person_is_learned_with_surname(lang, text, expected):
    assert people(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "id",
            "Penjabat Perdana Menteri Thailand Phumtham Wechayachai tiba. Phumtham tersenyum.",
            {"Phumtham Wechayachai": "THA", "Phumtham": "THA"},
        ),
        (
            "en",
            "Thai Prime Minister Srettha Thavisin arrived. Srettha said little.",
            {"Srettha Thavisin": "THA", "Srettha": "THA"},
        ),
        # a given name two learned people share names neither of them
        (
            "en",
            "Thai Foreign Minister Maris Sangiampongsa met Thai Defence Minister Maris "
            "Chaiyaporn. Maris spoke.",
            {"Maris Sangiampongsa": "THA", "Maris Chaiyaporn": "THA"},
        ),
        # a short given name is too common to stand alone
        (
            "en",
            "Thai Foreign Minister Don Pramudwinai arrived. Don said little.",
            {"Don Pramudwinai": "THA"},
        ),
    ],
)
def test_a_learned_persons_given_name_names_them_when_it_is_theirs_alone(lang, text, expected):
    assert people(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Greek islands saw arrivals. Greece Said nothing."),
        ("en", "Turkish coast guards stopped boats."),
        ("id", "Pasukan Jepang Tiba di pelabuhan."),
    ],
)
def test_no_person_without_a_title(lang, text):
    assert people(text, lang) == {}


def test_learned_person_stands_for_the_country_in_ties():
    text = (
        "Greek Prime Minister Alexis Tsipras spoke. "
        "Later, Tsipras met Turkish Prime Minister Ahmet Davutoglu in Brussels."
    )
    result = analyse(read_text(text, language="en"))
    assert any({t.source, t.target} == {"GRC", "TUR"} and t.type == "talks" for t in result.ties)
    assert {a.name for a in result.actors if a.kind == "person"} >= {"Alexis Tsipras"}


def test_the_article_title_gives_a_known_person_their_country_here():
    text = "Dutch Prime Minister Mark Rutte met Turkish Prime Minister Ahmet Davutoglu."
    result = analyse(read_text(text, language="en"))
    rutte = next(m for m in result.mentions if m.text == "Mark Rutte")
    assert rutte.country == "NLD"
    assert any({t.source, t.target} == {"NLD", "TUR"} for t in result.ties)


def known_people(text: str, lang: str) -> list[tuple[str, str]]:
    return [(m.text, m.actor) for m in person_mentions(text, lang)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "id",
            "Menlu RI Retno Marsudi tiba. Wang Yi akan bertemu Retno secara bilateral.",
            [
                ("Retno Marsudi", "RETNO_MARSUDI"),
                ("Wang Yi", "WANG_YI"),
                ("Retno", "RETNO_MARSUDI"),
            ],
        ),
        # a given name inside another name is that other name's
        (
            "en",
            "Saudi Crown Prince Mohammed bin Salman arrived. Jaish-e-Mohammed claimed the attack.",
            [("Mohammed bin Salman", "MBS")],
        ),
        (
            "en",
            "Crown Prince Mohammed bin Salman arrived. Mohammed Deif was not there.",
            [("Mohammed bin Salman", "MBS")],
        ),
        (
            "id",
            "Menlu China Wang Yi tiba. Pada Sabtu, Wang juga berbicara dengan Ajit Doval.",
            [("Wang Yi", "WANG_YI"), ("Wang", "WANG_YI")],
        ),
        # no short given names, and none that is a title
        ("en", "Joe Biden arrived. Joe said little.", [("Joe Biden", "BIDEN")]),
    ],
)
def test_a_known_persons_given_name_names_them_after_their_full_name(lang, text, expected):
    assert known_people(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "US adviser Jake Sullivan met Wang Yi in Bangkok. Sullivan criticised Beijing.",
            [
                ("Jake Sullivan", "JAKE_SULLIVAN"),
                ("Wang Yi", "WANG_YI"),
                ("Sullivan", "JAKE_SULLIVAN"),
            ],
        ),
        (
            "id",
            "Penasihat AS Jake Sullivan bertemu Wang Yi. Sullivan mengkritik Beijing.",
            [
                ("Jake Sullivan", "JAKE_SULLIVAN"),
                ("Wang Yi", "WANG_YI"),
                ("Sullivan", "JAKE_SULLIVAN"),
            ],
        ),
        # a surname inside another name is that other name's
        (
            "en",
            "Jake Sullivan arrived. Sullivan Street was closed.",
            [("Jake Sullivan", "JAKE_SULLIVAN")],
        ),
        # never a surname the article does not repeat after the full name
        (
            "en",
            "Jake Sullivan met Wang Yi.",
            [("Jake Sullivan", "JAKE_SULLIVAN"), ("Wang Yi", "WANG_YI")],
        ),
    ],
)
def test_a_known_persons_surname_names_them_after_their_full_name(lang, text, expected):
    assert known_people(text, lang) == expected
