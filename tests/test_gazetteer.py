"""The gazetteer: curated names in both languages, the matching rules and the loader's checks."""

from __future__ import annotations

import dataclasses
import json
from itertools import pairwise
from pathlib import Path

import pytest

from diplomap.gazetteer import (
    Gazetteer,
    country_names,
    entity,
    find_mentions,
    load_gazetteer,
    resolve_id,
    unknown_aliases,
)
from diplomap.model import ACTOR_KINDS, Mention, Sentence
from diplomap.sentences import split_sentences


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def found(gaz: Gazetteer, text: str, language: str = "en", **kwargs) -> list[tuple[str, str]]:
    """(matched text, actor) pairs, after checking every mention's offsets."""
    mentions = find_mentions(
        text, split_sentences(text, language), gaz, language=language, **kwargs
    )
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.actor) for m in mentions]


CASES = [
    # abbreviations: all-caps names match in capitals only
    ("en", "The US and the U.S. agree.", [("US", "USA"), ("U.S.", "USA")]),
    ("en", "Tell us about it, as we said.", []),
    ("en", "The UK, the UAE and the DPRK.", [("UK", "GBR"), ("UAE", "ARE"), ("DPRK", "PRK")]),
    ("id", "Pejabat AS bertemu pejabat RI.", [("AS", "USA"), ("RI", "IDN")]),
    ("id", "Ini as roda, bukan AS.", [("AS", "USA")]),
    ("id", "Delegasi A.S. dan RRT tiba.", [("A.S.", "USA"), ("RRT", "CHN")]),
    (
        "id",
        "Inggris, UEA, Korut dan Korsel.",
        [("Inggris", "GBR"), ("UEA", "ARE"), ("Korut", "PRK"), ("Korsel", "KOR")],
    ),
    # a sentence all in capitals drops two-letter capitals only
    ("en", "LET US PRAY FOR PEACE", []),
    ("en", "NATO AND RUSSIA CLASH", [("NATO", "NATO"), ("RUSSIA", "RUS")]),
    ("id", "AS DAN CHINA BERTEMU", [("CHINA", "CHN")]),
    # other names need their capitals
    ("en", "They ate turkey in china bowls.", []),
    ("en", "Turkey and China talked.", [("Turkey", "TUR"), ("China", "CHN")]),
    ("id", "Cina, China dan Tiongkok.", [("Cina", "CHN"), ("China", "CHN"), ("Tiongkok", "CHN")]),
    ("id", "Negeri Paman Sam dan negeri paman sam.", [("Negeri Paman Sam", "USA")]),
    # capitals and seats of power
    (
        "en",
        "Moscow and Beijing replied; Caracas did not.",
        [("Moscow", "RUS"), ("Beijing", "CHN"), ("Caracas", "VEN")],
    ),
    (
        "id",
        "Moskow, Teheran dan Damaskus.",
        [("Moskow", "RUS"), ("Teheran", "IRN"), ("Damaskus", "SYR")],
    ),
    ("en", "The White House and the Kremlin.", [("White House", "USA"), ("Kremlin", "RUS")]),
    ("id", "Gedung Putih dan Kremlin.", [("Gedung Putih", "USA"), ("Kremlin", "RUS")]),
    ("en", "Downing Street and the Élysée.", [("Downing Street", "GBR"), ("Élysée", "FRA")]),
    ("en", "Brussels and Berlin.", [("Brussels", "EU"), ("Berlin", "DEU")]),
    # demonyms and their plurals
    ("en", "Venezuelan officials met Russian envoys.", [("Venezuelan", "VEN"), ("Russian", "RUS")]),
    ("en", "Americans and Israelis.", [("Americans", "USA"), ("Israelis", "ISR")]),
    ("en", "Chinese and Cuban diplomats.", [("Chinese", "CHN"), ("Cuban", "CUB")]),
    # people
    (
        "en",
        "Vladimir Putin met Xi Jinping.",
        [("Vladimir Putin", "PUTIN"), ("Xi Jinping", "XI_JINPING")],
    ),
    (
        "en",
        "Zelensky, Zelenskyy, Zelenskiy.",
        [("Zelensky", "ZELENSKYY"), ("Zelenskyy", "ZELENSKYY"), ("Zelenskiy", "ZELENSKYY")],
    ),
    ("en", "Erdoğan and Erdogan.", [("Erdoğan", "ERDOGAN"), ("Erdogan", "ERDOGAN")]),
    (
        "en",
        "Díaz-Canel and Diaz-Canel.",
        [("Díaz-Canel", "DIAZ_CANEL"), ("Diaz-Canel", "DIAZ_CANEL")],
    ),
    (
        "en",
        "Kim Jong Un and Kim Jong-un.",
        [("Kim Jong Un", "KIM_JONG_UN"), ("Kim Jong-un", "KIM_JONG_UN")],
    ),
    ("en", "Boris Johnson met Johnson.", [("Boris Johnson", "BORIS_JOHNSON")]),
    ("en", "MBS and Mohammed bin Salman.", [("MBS", "MBS"), ("Mohammed bin Salman", "MBS")]),
    ("id", "Presiden Rusia Vladimir Putin.", [("Rusia", "RUS"), ("Vladimir Putin", "PUTIN")]),
    ("id", "Pemimpin oposisi Juan Guaido.", [("Juan Guaido", "GUAIDO")]),
    # leaders and ministers of 2016-2025
    (
        "en",
        "Prime Minister Mette Frederiksen met Kristersson.",
        [("Mette Frederiksen", "METTE_FREDERIKSEN"), ("Kristersson", "KRISTERSSON")],
    ),
    (
        "id",
        "Presiden Tebboune menerima Menlu Bourita.",
        [("Tebboune", "TEBBOUNE"), ("Bourita", "BOURITA")],
    ),
    (
        "en",
        "Lars Løkke Rasmussen met Jonas Gahr Store.",
        [("Lars Løkke Rasmussen", "LOKKE_RASMUSSEN"), ("Jonas Gahr Store", "GAHR_STORE")],
    ),
    (
        "id",
        "Perdana Menteri Luís Montenegro dan Presiden Lai Ching-te.",
        [("Luís Montenegro", "LUIS_MONTENEGRO"), ("Lai Ching-te", "LAI_CHING_TE")],
    ),
    (
        "id",
        "Kyriakos Mitsotakis dan Mitsotakis.",
        [("Kyriakos Mitsotakis", "KYRIAKOS_MITSOTAKIS"), ("Mitsotakis", "MITSOTAKIS")],
    ),
    (
        "en",
        "Khalifa Haftar met Dbeibah in Tripoli.",
        [("Khalifa Haftar", "HAFTAR"), ("Dbeibah", "DBEIBAH"), ("Tripoli", "LBY")],
    ),
    (
        "en",
        "Oscar Pistorius and Boris Pistorius; Pistorius spoke.",
        [("Boris Pistorius", "PISTORIUS"), ("Pistorius", "PISTORIUS")],
    ),
    # organisations, companies, media
    ("en", "NATO, the UN and OPEC.", [("NATO", "NATO"), ("UN", "UN"), ("OPEC", "OPEC")]),
    (
        "id",
        "PBB, Uni Eropa dan Perserikatan Bangsa-Bangsa.",
        [("PBB", "UN"), ("Uni Eropa", "EU"), ("Perserikatan Bangsa-Bangsa", "UN")],
    ),
    (
        "en",
        "Hamas, Hezbollah and the Houthis.",
        [("Hamas", "HAMAS"), ("Hezbollah", "HEZBOLLAH"), ("Houthis", "HOUTHIS")],
    ),
    ("en", "PDVSA and Gazprom.", [("PDVSA", "PDVSA"), ("Gazprom", "GAZPROM")]),
    (
        "en",
        "Reuters and the New York Times, citing Interfax.",
        [("Reuters", "REUTERS"), ("New York Times", "NYT"), ("Interfax", "INTERFAX")],
    ),
    # possessives, -nya, hyphenated pairs
    ("en", "Pakistan's army and Russia’s navy.", [("Pakistan", "PAK"), ("Russia", "RUS")]),
    ("id", "Sekutu Rusianya.", [("Rusia", "RUS")]),
    ("id", "Sanksi Amerika Serikatnya.", [("Amerika Serikat", "USA")]),
    ("en", "Rusianya.", []),
    ("id", "Hubungan AS-Venezuela.", [("AS", "USA"), ("Venezuela", "VEN")]),
    ("en", "The Russia-Ukraine war.", [("Russia", "RUS"), ("Ukraine", "UKR")]),
    # longest match
    ("en", "Papua New Guinea and Guinea.", [("Papua New Guinea", "PNG"), ("Guinea", "GIN")]),
    (
        "en",
        "Equatorial Guinea and Guinea-Bissau.",
        [("Equatorial Guinea", "GNQ"), ("Guinea-Bissau", "GNB")],
    ),
    (
        "en",
        "Dominica and the Dominican Republic.",
        [("Dominica", "DMA"), ("Dominican Republic", "DOM")],
    ),
    ("en", "Niger and Nigeria.", [("Niger", "NER"), ("Nigeria", "NGA")]),
    (
        "en",
        "The Washington Post in Washington.",
        [("Washington Post", "WAPO"), ("Washington", "USA")],
    ),
    ("en", "Congo and the Republic of Congo.", [("Congo", "COD"), ("Republic of Congo", "COG")]),
    # ignored phrases
    ("en", "The South China Sea and Latin America.", []),
    ("id", "Laut China Selatan dan Amerika Latin.", []),
    # a price in US dollars names no country
    ("id", "Harganya naik menjadi 80 dolar AS per barel.", []),
    ("id", "Nilainya 1 miliar dollar AS.", []),
    # guards: Georgia the US state
    ("en", "Gov. Brian Kemp of Georgia spoke.", []),
    ("en", "He flew to Atlanta, Georgia.", []),
    ("en", "The state of Georgia voted.", []),
    ("en", "Georgia and Armenia met.", [("Georgia", "GEO"), ("Armenia", "ARM")]),
    # guards: Jordan, Chad, Washington as people
    ("en", "Michael Jordan met Jordan Peterson.", []),
    ("en", "King Abdullah of Jordan.", [("Jordan", "JOR")]),
    ("en", "Syria Jordan talks.", [("Syria", "SYR"), ("Jordan", "JOR")]),
    ("en", "Chad Smith visited Chad.", [("Chad", "TCD")]),
    ("en", "Lake Chad and Chad President Deby.", [("Chad", "TCD")]),
    # a bare name that is also a common given name stands alone, not inside another name
    ("id", "Yunus Yosfiah bertemu Menlu.", []),
    ("id", "Di Dhaka, Yunus mengatakan siap.", [("Dhaka", "BGD"), ("Yunus", "YUNUS")]),
    ("en", "Denzel Washington starred.", []),
    (
        "en",
        "Washington state and Washington warned Caracas.",
        [("Washington", "USA"), ("Caracas", "VEN")],
    ),
    # guards: relatives, languages, other words
    ("en", "Melania Trump and Donald Trump Jr. met Trump.", [("Trump", "TRUMP")]),
    ("id", "Lima orang tewas.", []),
    ("en", "Lima hosted the summit.", [("Lima", "PER")]),
    ("id", "Ia fasih berbahasa Inggris di Inggris.", [("Inggris", "GBR")]),
    (
        "id",
        "Antara Rusia dan Ukraina. Dilansir Antara, Rusia menolak.",
        [("Rusia", "RUS"), ("Ukraina", "UKR"), ("Antara", "ANTARA"), ("Rusia", "RUS")],
    ),
    ("en", "Turki al-Faisal.", []),
    ("id", "Pesawat TNI AU dan Uni Afrika.", [("TNI", "TNI"), ("Uni Afrika", "AFRICAN_UNION")]),
    ("en", "WHO WILL PAY? The WHO will.", [("WHO", "WHO")]),
    ("id", "Turki dan Mesir.", [("Turki", "TUR"), ("Mesir", "EGY")]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_names_found(gaz: Gazetteer, language: str, text: str, expected: list) -> None:
    assert found(gaz, text, language) == expected


HISTORIC = [
    # historic states count as their ISO 3166 successors
    ("en", "U.S.-Soviet talks resumed.", [("U.S.", "USA"), ("Soviet", "RUS")]),
    ("en", "Soviet troops left Kabul.", [("Soviet", "RUS"), ("Kabul", "AFG")]),
    (
        "en",
        "The Soviets, the Soviet Union, the USSR and the U.S.S.R.",
        [("Soviets", "RUS"), ("Soviet Union", "RUS"), ("USSR", "RUS"), ("U.S.S.R.", "RUS")],
    ),
    ("id", "Uni Soviet dan AS berunding.", [("Uni Soviet", "RUS"), ("AS", "USA")]),
    ("id", "Tentara Soviet mundur.", [("Soviet", "RUS")]),
    ("en", "Yugoslavia and the Yugoslav army.", [("Yugoslavia", "SRB"), ("Yugoslav", "SRB")]),
    ("id", "Yugoslavia dan Makedonia.", [("Yugoslavia", "SRB"), ("Makedonia", "MKD")]),
    (
        "en",
        "The former Yugoslav Republic of Macedonia, or FYROM.",
        [("former Yugoslav Republic of Macedonia", "MKD"), ("FYROM", "MKD")],
    ),
    ("en", "Macedonia and Macedonian troops.", [("Macedonia", "MKD"), ("Macedonian", "MKD")]),
    ("en", "Zaire and Zairean troops.", [("Zaire", "COD"), ("Zairean", "COD")]),
    (
        "en",
        "Czechoslovakia and Czechoslovak officials.",
        [("Czechoslovakia", "CZE"), ("Czechoslovak", "CZE")],
    ),
    ("id", "Cekoslowakia menolak.", [("Cekoslowakia", "CZE")]),
    (
        "en",
        "East Germany, West Germany and East German guards.",
        [("East Germany", "DEU"), ("West Germany", "DEU"), ("East German", "DEU")],
    ),
    ("id", "Jerman Barat dan Jerman Timur.", [("Jerman Barat", "DEU"), ("Jerman Timur", "DEU")]),
    (
        "en",
        "Ceylon, Kampuchea, Rhodesia and Northern Rhodesia.",
        [
            ("Ceylon", "LKA"),
            ("Kampuchea", "KHM"),
            ("Rhodesia", "ZWE"),
            ("Northern Rhodesia", "ZMB"),
        ],
    ),
    (
        "en",
        "Persia, Dahomey, Upper Volta and Siam.",
        [("Persia", "IRN"), ("Dahomey", "BEN"), ("Upper Volta", "BFA"), ("Siam", "THA")],
    ),
    ("en", "Burma and Burmese troops.", [("Burma", "MMR"), ("Burmese", "MMR")]),
    (
        "en",
        "The PLO, or Palestine Liberation Organization.",
        [("PLO", "PSE"), ("Palestine Liberation Organization", "PSE")],
    ),
    # ... but not the region a state left behind, nor things named after it
    ("en", "Post-Soviet states and former Soviet republics.", []),
    ("en", "Since the collapse of the Soviet Union, Soviet-era tanks rust.", []),
    ("id", "Negara bekas Uni Soviet sejak runtuhnya Uni Soviet.", []),
    ("en", "The wars of the former Yugoslavia.", []),
    ("en", "Greek Macedonia, Central Macedonia and the province of Macedonia.", []),
    ("en", "The Zaire River and Ceylon tea.", []),
    ("en", "The Gulf of Siam and ancient Persia.", []),
    ("id", "Teluk Persia dan bahasa Persia.", []),
    # heads of state and government and foreign ministers, 1975-2020
    ("en", "Reagan met Gorbachev.", [("Reagan", "REAGAN"), ("Gorbachev", "GORBACHEV")]),
    (
        "id",
        "Gorbachyov bertemu Soeharto dan Muammar Khadafi.",
        [("Gorbachyov", "GORBACHEV"), ("Soeharto", "SUHARTO"), ("Muammar Khadafi", "GADDAFI")],
    ),
    ("en", "Bush and George W. Bush.", [("Bush", "BUSH"), ("George W. Bush", "GEORGE_W_BUSH")]),
    (
        "en",
        "George H.W. Bush met Bill Clinton.",
        [("George H.W. Bush", "GEORGE_HW_BUSH"), ("Bill Clinton", "BILL_CLINTON")],
    ),
    (
        "en",
        "Clinton and Hillary Clinton.",
        [("Clinton", "CLINTON"), ("Hillary Clinton", "HILLARY_CLINTON")],
    ),
    ("en", "Ariel Sharon met Sharon Stone.", [("Ariel Sharon", "SHARON")]),
    ("en", "Prime Minister Sharon said.", [("Sharon", "SHARON")]),
    ("en", "Ehud Barak, not Barak Obama.", [("Ehud Barak", "EHUD_BARAK"), ("Obama", "OBAMA")]),
    (
        "en",
        "Zia-ul-Haq and President Zia-Ul-Haq.",
        [("Zia-ul-Haq", "ZIA_UL_HAQ"), ("Zia-Ul-Haq", "ZIA_UL_HAQ")],
    ),
    ("en", "Khaleda Zia and Zia spoke.", [("Khaleda Zia", "KHALEDA_ZIA")]),
    (
        "en",
        "Nouri al-Maliki, not Riyad al-Maliki or Turki al-Maliki.",
        [("Nouri al-Maliki", "AL_MALIKI"), ("Riyad al-Maliki", "RIYAD_AL_MALIKI")],
    ),
    (
        "en",
        "Gaddafi, Qaddafi and Khadafy; Saif al-Islam Gaddafi.",
        [("Gaddafi", "GADDAFI"), ("Qaddafi", "GADDAFI"), ("Khadafy", "GADDAFI")],
    ),
    ("en", "Eid Mubarak to Hosni Mubarak.", [("Hosni Mubarak", "MUBARAK")]),
    ("en", "Mandela Day; Winnie Mandela; Mandela spoke.", [("Mandela", "MANDELA")]),
    ("en", "On the Day of Arafat, Arafat spoke.", [("Arafat", "ARAFAT")]),
    ("en", "Marshal Tito met Tito Vilanova.", [("Marshal Tito", "TITO")]),
    ("id", "Pak Tito berkata.", []),
    ("en", "Megawati Hangestri scored; Megawati spoke.", [("Megawati", "MEGAWATI")]),
    ("en", "PM Thatcher and Premier Li Peng.", [("Thatcher", "THATCHER"), ("Li Peng", "LI_PENG")]),
    ("en", "Schröder and Kohl; Hannelore Kohl.", [("Schröder", "SCHROEDER"), ("Kohl", "KOHL")]),
    (
        "en",
        "Kim Il-sung and Kim Jong Il.",
        [("Kim Il-sung", "KIM_IL_SUNG"), ("Kim Jong Il", "KIM_JONG_IL")],
    ),
    (
        "en",
        "Kofi Annan and Ban Ki-moon.",
        [("Kofi Annan", "KOFI_ANNAN"), ("Ban Ki-moon", "BAN_KI_MOON")],
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), HISTORIC)
def test_historic_names_found(gaz: Gazetteer, language: str, text: str, expected: list) -> None:
    assert found(gaz, text, language) == expected


@pytest.mark.parametrize(
    ("entity_id", "years"),
    [
        ("GORBACHEV", (1985, 1991)),
        ("GEORGE_W_BUSH", (2001, 2009)),
        ("NETANYAHU", (1996, None)),
        ("BUSH", None),
        ("CLINTON", None),
        ("HARIRI", None),
    ],
)
def test_a_bare_name_shared_by_two_leaders_claims_no_term(
    gaz: Gazetteer, entity_id: str, years: tuple | None
) -> None:
    assert entity(gaz, entity_id).years == years


def mention(gaz: Gazetteer, text: str, language: str = "en") -> Mention:
    (only,) = find_mentions(text, (), gaz, language=language)
    return only


@pytest.mark.parametrize(
    ("text", "kind", "country"),
    [
        ("Venezuela", "country", "VEN"),
        ("Venezuelan", "country", "VEN"),
        ("Nicolás Maduro", "person", "VEN"),
        ("Juan Guaidó", "person", "VEN"),
        ("Guterres", "person", None),
        ("Bush", "person", "USA"),
        ("Gorbachev", "person", "RUS"),
        ("al-Burhan", "person", "SDN"),
        ("Hemedti", "person", "SDN"),
        ("Ardern", "person", "NZL"),
        ("Múte B. Egede", "person", "GRL"),
        ("Albin Kurti", "person", "XKX"),
        ("Kofi Annan", "person", None),
        ("Soviet", "country", "RUS"),
        ("NATO", "organization", None),
        ("Hezbollah", "organization", "LBN"),
        ("Islamic State", "organization", None),
        ("PDVSA", "company", "VEN"),
        ("Huawei", "company", "CHN"),
        ("CIA", "agency", "USA"),
        ("Reuters", "media", None),
    ],
)
def test_mention_kind_and_country(
    gaz: Gazetteer, text: str, kind: str, country: str | None
) -> None:
    m = mention(gaz, text)
    assert (m.text, m.kind, m.country) == (text, kind, country)


@pytest.mark.parametrize(
    ("entity_id", "represents"),
    [
        ("MADURO", True),
        ("GUAIDO", False),
        ("NAVALNY", False),
        ("PDVSA", True),
        ("HUAWEI", False),
        ("ARAFAT", True),
        ("KARADZIC", False),
        ("AL_BURHAN", True),
        ("HEMEDTI", False),
        ("BIN_LADEN", False),
    ],
)
def test_represents(gaz: Gazetteer, entity_id: str, represents: bool) -> None:
    assert entity(gaz, entity_id).represents is represents


def test_people_carry_years(gaz: Gazetteer) -> None:
    assert entity(gaz, "BIDEN").years == (2021, 2025)
    assert entity(gaz, "PUTIN").years == (2000, None)


def test_every_curated_entity_is_well_formed(gaz: Gazetteer) -> None:
    for e in gaz.entities.values():
        assert e.kind in ACTOR_KINDS
        assert e.country is None or e.country in gaz.countries
        assert e.kind != "media" or e.country is None


def test_sentence_index_and_offsets(gaz: Gazetteer) -> None:
    text = "Russia warned Ukraine.\nThen Iran spoke. Cuba agreed with China!"
    sentences = split_sentences(text, "en")
    got = find_mentions(text, sentences, gaz)
    assert [(m.text, m.sentence) for m in got] == [
        ("Russia", 0),
        ("Ukraine", 0),
        ("Iran", 1),
        ("Cuba", 2),
        ("China", 2),
    ]
    assert all(text[m.start : m.end] == m.text for m in got)


def test_mentions_are_ordered_and_never_overlap(gaz: Gazetteer) -> None:
    text = (
        "Presiden AS Joe Biden dan Presiden Rusia Vladimir Putin bertemu di Jenewa; "
        "Papua Nugini, Guinea Khatulistiwa dan Uni Eropa hadir, kata Reuters."
    )
    got = find_mentions(text, split_sentences(text, "id"), gaz, language="id")
    spans = [(m.start, m.end) for m in got]
    assert spans == sorted(spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in pairwise(spans))
    assert [m.actor for m in got] == ["USA", "BIDEN", "RUS", "PUTIN", "PNG", "GNQ", "EU", "REUTERS"]


def test_mentions_are_ordinary_frozen_mentions(gaz: Gazetteer) -> None:
    (got,) = find_mentions("Iran spoke.", (), gaz)
    want = Mention(0, 4, "Iran", "IRN", "country", "IRN", 0)
    assert (got, hash(got), repr(got)) == (want, hash(want), repr(want))
    with pytest.raises(dataclasses.FrozenInstanceError):
        got.start = 1  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "extras", "expected"),
    [
        ("Venezuela spoke.", (), [("Venezuela", "VEN")]),
        ("venezuela spoke.", (), []),
        ("Venezuela spoke.", (("Venezuela", "CUB"),), [("Venezuela", "CUB")]),
        ("Venezuela Raya spoke.", (("Venezuela Raya", "CUB"),), [("Venezuela Raya", "CUB")]),
    ],
)
def test_one_word_names_need_their_capital_and_yield_to_extras(
    gaz: Gazetteer, text: str, extras: tuple, expected: list
) -> None:
    assert found(gaz, text, extra_aliases=extras) == expected


def test_no_sentences_means_one(gaz: Gazetteer) -> None:
    assert [m.sentence for m in find_mentions("Iran. Iraq.", (), gaz)] == [0, 0]


@pytest.mark.parametrize(
    ("alias", "target"),
    [
        ("Negeri Beruang", "RUS"),
        ("Negeri Beruang", "ru"),
        ("Negeri Beruang", "Russia"),
        ("Negeri Beruang", "rusia"),
    ],
)
def test_extra_aliases_point_by_id_iso2_or_name(gaz: Gazetteer, alias: str, target: str) -> None:
    text = "Negeri Beruang menolak."
    assert found(gaz, text, "id", extra_aliases=[(alias, target)]) == [("Negeri Beruang", "RUS")]
    assert found(gaz, text, "id") == []


def test_extra_aliases_win_for_one_call_only(gaz: Gazetteer) -> None:
    text = "The Tsar and Georgia met in Tbilisi."
    extras = (("the Tsar", "Vladimir Putin"), ("Georgia", "USA"))
    want = [("The Tsar", "PUTIN"), ("Georgia", "USA"), ("Tbilisi", "GEO")]
    assert found(gaz, text, extra_aliases=extras) == want
    assert found(gaz, text) == [("Georgia", "GEO"), ("Tbilisi", "GEO")]


def test_unknown_extra_alias_targets_are_skipped_and_listed(gaz: Gazetteer) -> None:
    extras = [("Negeri Beruang", "NOPE"), ("Paman", "USA")]
    assert found(gaz, "Negeri Beruang dan Paman.", "id", extra_aliases=extras) == [("Paman", "USA")]
    assert unknown_aliases(gaz, extras) == (("Negeri Beruang", "NOPE"),)
    assert resolve_id(gaz, "NOPE") is None


def test_entity_lookup_and_country_names(gaz: Gazetteer) -> None:
    assert entity(gaz, "RUS").name == "Russia"
    assert entity(gaz, "RUS").kind == "country"
    with pytest.raises(KeyError, match="XYZ"):
        entity(gaz, "XYZ")
    names = country_names(gaz)
    assert names["USA"] == ("United States", "Amerika Serikat")
    assert set(names) == set(gaz.countries)


def test_every_country_is_an_entity(gaz: Gazetteer) -> None:
    assert {e.id for e in gaz.entities.values() if e.kind == "country"} == set(gaz.countries)


COUNTRIES = json.loads(
    (Path(__file__).resolve().parent.parent / "data/gazetteer/countries.json").read_text("utf-8")
)


@pytest.mark.parametrize(
    ("language", "field", "iso3"),
    [(lang, f"name_{lang}", c["iso3"]) for c in COUNTRIES for lang in ("en", "id")],
)
def test_every_country_reachable_by_its_cldr_name(
    gaz: Gazetteer, language: str, field: str, iso3: str
) -> None:
    name = gaz.countries[iso3][field]
    text = f"Officials from {name} arrived."
    assert found(gaz, text, language) == [(name, iso3)]


def write_data(tmp_path: Path, aliases: str) -> Path:
    """A tiny data directory: two Congos and Georgia, plus the given aliases.yaml."""
    records = [
        {
            "iso3": "COD",
            "iso2": "CD",
            "numeric": "180",
            "name_en": "Congo - Kinshasa",
            "name_id": "Kongo - Kinshasa",
            "lat": -2.9,
            "lon": 23.6,
            "names_en": ["Congo - Kinshasa"],
            "names_id": [],
        },
        {
            "iso3": "COG",
            "iso2": "CG",
            "numeric": "178",
            "name_en": "Congo - Brazzaville",
            "name_id": "Kongo - Brazzaville",
            "lat": -0.7,
            "lon": 15.2,
            "names_en": ["Congo"],
            "names_id": [],
        },
        {
            "iso3": "GEO",
            "iso2": "GE",
            "numeric": "268",
            "name_en": "Georgia",
            "name_id": "Georgia",
            "lat": 42.2,
            "lon": 43.5,
            "names_en": [],
            "names_id": [],
        },
    ]
    folder = tmp_path / "gazetteer"
    folder.mkdir()
    (folder / "countries.json").write_text(json.dumps(records), encoding="utf-8")
    (folder / "aliases.yaml").write_text(aliases, encoding="utf-8")
    return tmp_path


def test_curated_name_overrides_cldr(tmp_path: Path) -> None:
    data = write_data(tmp_path, "countries:\n  COD: {names: [Congo]}\n")
    tiny = load_gazetteer(data)
    assert [m.actor for m in find_mentions("Congo and Congo-Brazzaville.", (), tiny)] == [
        "COD",
        "COG",
    ]


def test_data_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = write_data(tmp_path, "countries:\n  GEO: {capitals: [Tbilisi]}\n")
    monkeypatch.setenv("DIPLOMAP_DATA", str(data))
    tiny = load_gazetteer()
    assert set(tiny.countries) == {"COD", "COG", "GEO"}
    assert [m.actor for m in find_mentions("Tbilisi.", (), tiny)] == ["GEO"]


@pytest.mark.parametrize(
    ("aliases", "problem"),
    [
        ("countries:\n  XYZ: {names: [Nowhere]}\n", "'XYZ' is not an ISO3 code"),
        ("countries:\n  GEO: {nicknames: [Sakartvelo]}\n", "may only have the lists"),
        (
            "people:\n  - {id: A, name: A, country: GEO, names: [Tamar]}\n"
            "  - {id: B, name: B, country: GEO, names: [Tamar]}\n",
            "given to both A and B",
        ),
        (
            "people:\n  - {id: A, name: A, country: GEO, names: [Tamar]}\n"
            "  - {id: A, name: B, country: GEO, names: [Nino]}\n",
            "A: the id is already used",
        ),
        (
            "people:\n  - {id: GEO, name: A, country: GEO, names: [Tamar]}\n",
            "GEO: the id is already used",
        ),
        ("people:\n  - {id: lower, name: A, names: [Tamar]}\n", "UPPER_SNAKE_CASE"),
        ("people:\n  - {id: A, name: A, country: XYZ, names: [Tamar]}\n", "country 'XYZ'"),
        (
            "people:\n  - {id: A, name: A, names: [Tamar], reprsents: false}\n",
            "unknown field(s) ['reprsents']",
        ),
        ("people:\n  - {id: A, name: A, names: [Tamar], years: [2020]}\n", "years is [start, end]"),
        ("not_names: [Mr, No]\n", "False is not a word"),
        ("guards:\n  - {alias: Atlantis}\n", "no entry has the name 'Atlantis'"),
        ("guards:\n  - {alias: Georgia, reject_before: [state]}\n", "unknown field(s)"),
        ("capitals: [Tbilisi]\n", "unknown section(s)"),
    ],
)
def test_loader_reports_mistakes_clearly(tmp_path: Path, aliases: str, problem: str) -> None:
    data = write_data(tmp_path, aliases)
    with pytest.raises(ValueError, match=r"aliases\.yaml") as error:
        load_gazetteer(data)
    assert problem in str(error.value)


def test_guard_windows_count_words_between(tmp_path: Path) -> None:
    aliases = (
        "guards:\n"
        "  - {alias: Georgia, reject_prev: [state of], reject_near: [Atlanta], window: 3}\n"
    )
    tiny = load_gazetteer(write_data(tmp_path, aliases))

    def actors(text: str) -> list[str]:
        return [m.actor for m in find_mentions(text, split_sentences(text, "en"), tiny)]

    assert actors("the state of Georgia") == []
    assert actors("Atlanta, in Georgia") == []
    assert actors("Atlanta is far, far from Georgia") == ["GEO"]
    assert actors("Atlanta is far. Georgia is not.") == ["GEO"]


def test_sentence_objects_only_need_offsets(gaz: Gazetteer) -> None:
    text = "IRAN AND US. The US agreed."
    sentences = (Sentence(0, 0, 12), Sentence(1, 13, len(text)))
    got = find_mentions(text, sentences, gaz)
    assert [(m.text, m.sentence) for m in got] == [("IRAN", 0), ("US", 1)]


def test_gazetteer_read_back_from_the_disk_cache_matches_a_fresh_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diplomap.datafiles import CACHE_ENV
    from diplomap.gazetteer import DEFAULT_DATA_DIR, _load

    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    built = _load.__wrapped__(DEFAULT_DATA_DIR)
    kept = _load.__wrapped__(DEFAULT_DATA_DIR)
    assert kept is not built
    assert [p.name.split("-")[0] for p in tmp_path.iterdir()].count("gazetteer") == 1
    for field in ("entities", "countries", "aliases", "lengths", "nya_lengths", "plain"):
        assert getattr(kept, field) == getattr(built, field), field
    assert kept.not_names == built.not_names
    text = "Presiden AS Joe Biden bertemu Putin di Moskow."
    sentences = split_sentences(text, "id")
    found = [m.actor for m in find_mentions(text, sentences, kept)]
    assert found == [m.actor for m in find_mentions(text, sentences, built)]
    assert {"USA", "RUS"} <= set(found)
