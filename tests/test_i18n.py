from __future__ import annotations

import string

import pytest

from diplomap import i18n
from diplomap.i18n import (
    LANGS,
    country_iso2,
    country_name,
    family_label,
    flatten,
    kind_label,
    load_texts,
    normalize_lang,
    precision_label,
    t,
    tie_family,
    tie_sentence,
    tie_type_label,
)
from diplomap.model import ACTOR_KINDS, TIE_CLASSES, TIE_SCORES, TIE_TYPES, Country, Tie

NAMES = {
    "USA": "United States",
    "VEN": "Venezuela",
    "RUS": "Russia",
    "UKR": "Ukraine",
    "CUB": "Cuba",
}
NAMES_ID = {
    "USA": "Amerika Serikat",
    "VEN": "Venezuela",
    "RUS": "Rusia",
    "UKR": "Ukraina",
    "CUB": "Kuba",
}


def placeholders(text: str) -> set[str]:
    """The {names} a text will be formatted with."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_both_languages_have_the_same_keys():
    en, idn = load_texts("en"), load_texts("id")
    assert sorted(set(en) - set(idn)) == []
    assert sorted(set(idn) - set(en)) == []


@pytest.mark.parametrize("key", sorted(load_texts("en")))
def test_placeholders_agree_and_texts_are_not_empty(key):
    en, idn = load_texts("en")[key], load_texts("id")[key]
    assert placeholders(en) == placeholders(idn)
    assert en.strip()
    assert idn.strip()


def test_placeholder_helper_sees_names():
    assert placeholders("{source} and {target}") == {"source", "target"}
    assert placeholders("no names") == set()


@pytest.mark.parametrize("lang", LANGS)
def test_every_tie_type_kind_and_family_has_its_texts(lang):
    texts = load_texts(lang)
    for tie_type in TIE_TYPES:
        for form in ("label", "directed", "undirected"):
            assert f"tie.{tie_type}.{form}" in texts
        for form in ("directed", "undirected"):
            assert placeholders(texts[f"tie.{tie_type}.{form}"]) == {"source", "target"}
    for kind in ACTOR_KINDS:
        assert f"kind.{kind}" in texts
    for family in {*i18n.FAMILIES, *TIE_CLASSES.values()}:
        assert f"family.{family.replace(' ', '_')}" in texts


@pytest.mark.parametrize(
    ("key", "en", "idn"),
    [
        ("page.overview", "Overview", "Ikhtisar"),
        ("page.map", "Map", "Peta"),
        ("page.alliances", "Alliances", "Aliansi"),
        ("page.excerpts", "Excerpts", "Kutipan"),
        ("page.timeline", "Timeline", "Linimasa"),
        ("page.data", "Data", "Data"),
        ("empty.no_countries", "This article names no country.", None),
        ("sidebar.language", "Interface language", "Bahasa antarmuka"),
        ("family.cooperation", "cooperation", "kerja sama"),
        ("family.conflict", "conflict", "konflik"),
    ],
)
def test_dashboard_labels(key, en, idn):
    assert t(key, "en") == en
    if idn is None:
        assert t(key, "id") == "Artikel ini tidak menyebut negara mana pun."
    else:
        assert t(key, "id") == idn


@pytest.mark.parametrize(
    "key",
    [
        "sidebar.article",
        "sidebar.tie_types",
        "sidebar.focus_country",
        "sidebar.upload",
        "metric.countries",
        "metric.ties",
        "empty.no_ties",
        "chart.map_title",
        "chart.map_caption",
        "legend.kinds",
        "download.json",
        "error.missing_article",
        "error.outside_data",
        "error.unreadable",
    ],
)
def test_labels_the_dashboard_needs_exist(key):
    assert t(key, "en") != t(key, "id")


@pytest.mark.parametrize(
    ("key", "fmt", "en", "idn"),
    [
        ("error.missing_article", {"id": "x<1>"}, "There is no article with the id “x<1>”.", None),
        (
            "error.unreadable",
            {"path": "a.txt", "problem": "not UTF-8"},
            "Cannot read “a.txt”: not UTF-8",
            "Tidak dapat membaca “a.txt”: not UTF-8",
        ),
        ("excerpt.matched", {"count": 2, "total": 5}, "2 of 5 paragraphs match", None),
    ],
)
def test_t_fills_in_placeholders(key, fmt, en, idn):
    assert t(key, "en", **fmt) == en
    if idn:
        assert t(key, "id", **fmt) == idn


@pytest.mark.parametrize(
    ("given", "lang"),
    [
        ("en", "en"),
        ("id", "id"),
        ("ID", "id"),
        ("id-ID", "id"),
        ("id_ID", "id"),
        ("in", "id"),
        ("en-GB", "en"),
        ("fr", "en"),
        ("", "en"),
        (None, "en"),
        ("../../etc/passwd", "en"),
    ],
)
def test_normalize_lang(given, lang):
    assert normalize_lang(given) == lang


def test_unknown_language_falls_back_to_english():
    assert t("page.map", "fr") == "Map"


def test_unknown_key_is_a_key_error():
    with pytest.raises(KeyError, match=r"page\.nowhere"):
        t("page.nowhere", "id")


def test_key_missing_in_one_language_falls_back_to_english(monkeypatch):
    texts = dict(load_texts("id"))
    del texts["page.map"]
    monkeypatch.setattr(
        i18n, "load_texts", lambda lang: texts if lang == "id" else load_texts(lang)
    )
    assert t("page.map", "id") == "Map"
    assert t("page.alliances", "id") == "Aliansi"


def test_flatten_dots_nested_keys_and_refuses_non_text_keys():
    assert flatten({"a": {"b": "x", "c": {"d": 1}}, "e": None}) == {"a.b": "x", "a.c.d": "1"}
    with pytest.raises(TypeError, match="quote"):
        flatten({"a": {False: "YAML read an unquoted no as false"}})


def test_load_texts_reads_a_language_file(tmp_path):
    (tmp_path / "xx.yaml").write_text("page:\n  map: Karte\n", encoding="utf-8")
    assert load_texts("xx", tmp_path) == {"page.map": "Karte"}


@pytest.mark.parametrize(
    ("tie_type", "en", "idn"),
    [
        ("alliance", "alliance", "aliansi"),
        ("support", "support", "dukungan"),
        ("talks", "talks", "pembicaraan"),
        ("agreement", "agreement", "kesepakatan"),
        ("aid", "aid", "bantuan"),
        ("accusation", "accusation", "tuduhan"),
        ("rejection", "rejection", "penolakan"),
        ("threat", "threat", "ancaman"),
        ("sanction", "sanction", "sanksi"),
        ("attack", "attack", "serangan"),
        ("embargo", "embargo", "embargo"),
    ],
)
def test_tie_type_label(tie_type, en, idn):
    assert tie_type_label(tie_type, "en") == en
    assert tie_type_label(tie_type, "id") == idn


def test_every_tie_type_has_a_label_table_row():
    assert {tie_type_label(tt, "id") for tt in TIE_TYPES} == {
        "aliansi",
        "dukungan",
        "pembicaraan",
        "kesepakatan",
        "bantuan",
        "tuduhan",
        "penolakan",
        "ancaman",
        "sanksi",
        "serangan",
    }


@pytest.mark.parametrize(
    ("kind", "en", "idn"),
    [
        ("country", "country", "negara"),
        ("person", "person", "tokoh"),
        ("organization", "organisation", "organisasi"),
        ("company", "company", "perusahaan"),
        ("agency", "government body", "lembaga pemerintah"),
        ("media", "news outlet", "media berita"),
        ("alien", "alien", "alien"),
    ],
)
def test_kind_label(kind, en, idn):
    assert kind_label(kind, "en") == en
    assert kind_label(kind, "id") == idn


@pytest.mark.parametrize(
    ("precision", "en", "idn"),
    [
        ("day", "day", "hari"),
        ("month", "month", "bulan"),
        ("year", "year", "tahun"),
        ("era", "era", "era"),
    ],
)
def test_precision_label(precision, en, idn):
    assert precision_label(precision, "en") == en
    assert precision_label(precision, "id") == idn


@pytest.mark.parametrize(
    ("family", "en", "idn"),
    [
        ("cooperation", "cooperation", "kerja sama"),
        ("conflict", "conflict", "konflik"),
        ("material cooperation", "material cooperation", "kerja sama material"),
        ("verbal conflict", "verbal conflict", "konflik verbal"),
    ],
)
def test_family_label(family, en, idn):
    assert family_label(family, "en") == en
    assert family_label(family, "id") == idn


@pytest.mark.parametrize("tie_type", TIE_TYPES)
def test_tie_family_follows_the_score_and_the_class(tie_type):
    family = tie_family(tie_type)
    assert family == ("cooperation" if TIE_SCORES[tie_type] > 0 else "conflict")
    assert TIE_CLASSES[tie_type].endswith(family)


# (type, source, target, directed, English, Indonesian)
TIE_SENTENCES = [
    (
        "alliance",
        "RUS",
        "VEN",
        True,
        "Russia is an ally of Venezuela",
        "Rusia adalah sekutu Venezuela",
    ),
    (
        "alliance",
        "RUS",
        "VEN",
        False,
        "Russia and Venezuela are allies",
        "Rusia dan Venezuela bersekutu",
    ),
    ("support", "CUB", "RUS", True, "Cuba backs Russia", "Kuba mendukung Rusia"),
    (
        "support",
        "CUB",
        "RUS",
        False,
        "Cuba and Russia back each other",
        "Kuba dan Rusia saling mendukung",
    ),
    (
        "talks",
        "USA",
        "VEN",
        True,
        "The US holds talks with Venezuela",
        "AS melakukan pembicaraan dengan Venezuela",
    ),
    (
        "talks",
        "USA",
        "VEN",
        False,
        "The US and Venezuela hold talks",
        "AS dan Venezuela melakukan pembicaraan",
    ),
    (
        "agreement",
        "VEN",
        "USA",
        True,
        "Venezuela reaches an agreement with the US",
        "Venezuela mencapai kesepakatan dengan AS",
    ),
    (
        "agreement",
        "VEN",
        "USA",
        False,
        "Venezuela and the US reach an agreement",
        "Venezuela dan AS mencapai kesepakatan",
    ),
    (
        "aid",
        "RUS",
        "VEN",
        True,
        "Russia gives aid to Venezuela",
        "Rusia memberikan bantuan kepada Venezuela",
    ),
    (
        "aid",
        "RUS",
        "VEN",
        False,
        "Russia and Venezuela aid each other",
        "Rusia dan Venezuela saling membantu",
    ),
    ("accusation", "VEN", "USA", True, "Venezuela accuses the US", "Venezuela menuduh AS"),
    (
        "accusation",
        "VEN",
        "USA",
        False,
        "Venezuela and the US accuse each other",
        "Venezuela dan AS saling menuduh",
    ),
    ("rejection", "USA", "VEN", True, "The US rejects Venezuela", "AS menolak Venezuela"),
    (
        "rejection",
        "USA",
        "VEN",
        False,
        "The US and Venezuela reject each other",
        "AS dan Venezuela saling menolak",
    ),
    ("threat", "RUS", "UKR", True, "Russia threatens Ukraine", "Rusia mengancam Ukraina"),
    (
        "threat",
        "RUS",
        "UKR",
        False,
        "Russia and Ukraine threaten each other",
        "Rusia dan Ukraina saling mengancam",
    ),
    (
        "sanction",
        "USA",
        "VEN",
        True,
        "The US sanctions Venezuela",
        "AS menjatuhkan sanksi kepada Venezuela",
    ),
    (
        "sanction",
        "USA",
        "VEN",
        False,
        "The US and Venezuela sanction each other",
        "AS dan Venezuela saling menjatuhkan sanksi",
    ),
    ("attack", "RUS", "UKR", True, "Russia attacks Ukraine", "Rusia menyerang Ukraina"),
    (
        "attack",
        "RUS",
        "UKR",
        False,
        "Russia and Ukraine attack each other",
        "Rusia dan Ukraina saling menyerang",
    ),
]


@pytest.mark.parametrize(("tie_type", "source", "target", "directed", "en", "idn"), TIE_SENTENCES)
def test_tie_sentence(tie_type, source, target, directed, en, idn):
    tie = Tie(source, target, tie_type, directed)
    assert tie_sentence(tie, lang="en", names=NAMES) == en
    assert tie_sentence(tie, lang="id", names=NAMES_ID) == idn


def test_tie_sentence_table_covers_every_type_both_ways():
    covered = {(row[0], row[3]) for row in TIE_SENTENCES}
    assert covered == {(tt, d) for tt in TIE_TYPES for d in (True, False)}


def test_tie_sentence_names_fall_back_to_the_gazetteer_then_the_code():
    tie = Tie("USA", "ZZZ", "sanction", True)
    assert tie_sentence(tie, lang="en") == "The US sanctions ZZZ"
    assert tie_sentence(tie, lang="en", short=False) == "United States sanctions ZZZ"
    assert (
        tie_sentence(tie, lang="id", names={"ZZZ": "Negeri X"})
        == "AS menjatuhkan sanksi kepada Negeri X"
    )
    assert tie_sentence(Tie("RUS", "NLD", "attack", True), lang="id") == "Rusia menyerang Belanda"


def test_tie_sentence_capitalises_only_the_first_letter():
    tie = Tie("GBR", "USA", "accusation", False)
    assert tie_sentence(tie, lang="en") == "The UK and the US accuse each other"


def test_country_name_from_a_record_or_a_code():
    record = Country("USA", "US", "United States", "Amerika Serikat", 3, 0.0, 0.0)
    assert country_name(record, "en") == "United States"
    assert country_name(record, "id") == "Amerika Serikat"
    assert country_name(record, "id", short=True) == "AS"
    assert country_name("USA", "en") == "United States"
    assert country_name("usa", "id-ID") == "Amerika Serikat"
    assert country_name("USA", "en", short=True) == "the US"
    assert country_name("RUS", "id", short=True) == "Rusia"
    assert country_name("XYZ", "id") == "XYZ"


def test_country_iso2():
    assert country_iso2("USA") == "US"
    assert country_iso2("idn") == "ID"
    assert country_iso2("XYZ") is None


def test_short_names_are_listed_for_the_same_countries_in_both_languages():
    en = {k for k in load_texts("en") if k.startswith("names.short.")}
    assert en == {k for k in load_texts("id") if k.startswith("names.short.")}
    assert "names.short.USA" in en
