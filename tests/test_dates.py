"""Date expressions in Indonesian and English news text, resolved against the article's date."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import string
from pathlib import Path

import pytest

from diplomap.dates import (
    DATES_FILE,
    LENGTHENED_BY_LOWER,
    WORD,
    EventResult,
    Found,
    alternation,
    extract_events,
    find_dates,
    load_tables,
    titled_in_office,
    words_in,
    years_on_weekdays,
)
from diplomap.model import Article, Entity, Mention, Sentence
from diplomap.text import text_tokens, tokenize

SUNDAY = dt.date(2022, 3, 6)

PEOPLE = {
    "joe-biden": Entity("joe-biden", "Joe Biden", "person", "USA", years=(2021, 2025)),
    "barack-obama": Entity("barack-obama", "Barack Obama", "person", "USA", years=(2009, 2017)),
    "donald-trump": Entity("donald-trump", "Donald Trump", "person", "USA", years=(2017, 2021)),
    "nicolas-maduro": Entity(
        "nicolas-maduro", "Nicolás Maduro", "person", "VEN", years=(2013, None)
    ),
}
NAMES = {
    "Joe Biden": "joe-biden",
    "Biden": "joe-biden",
    "Barack Obama": "barack-obama",
    "Obama": "barack-obama",
    "Donald Trump": "donald-trump",
    "Trump": "donald-trump",
    "Maduro": "nicolas-maduro",
    "AS": "USA",
    "U.S.": "USA",
    "Venezuela": "VEN",
    "Rusia": "RUS",
    "Russia": "RUS",
    "Ukraina": "UKR",
}
_NAME = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(n) for n in sorted(NAMES, key=len, reverse=True))
    + r")(?!\w)"
)


def sentences_of(text: str) -> tuple[Sentence, ...]:
    """One sentence per line: enough to place events and mentions in the tests."""
    return tuple(
        Sentence(i, m.start(), m.end()) for i, m in enumerate(re.finditer(r"[^\n]+", text))
    )


def mentions_of(text: str, sentences: tuple[Sentence, ...]) -> list[Mention]:
    """Mentions of the names in NAMES, as the gazetteer would report them."""
    out = []
    for m in _NAME.finditer(text):
        actor = NAMES[m.group()]
        person = PEOPLE.get(actor)
        sentence = next(s.index for s in sentences if s.start <= m.start() < s.end)
        kind, country = ("person", person.country) if person else ("country", actor)
        out.append(Mention(m.start(), m.end(), m.group(), actor, kind, country, sentence))
    return out


def run(text: str, date: dt.date | None = None, source: str = "metadata") -> EventResult:
    """extract_events on a text with one sentence per line and the people above."""
    article = Article(id="t", text=text, date=date, date_source=source if date else "none")
    sentences = sentences_of(text)
    return extract_events(article, sentences, mentions_of(text, sentences), PEOPLE)


def triples(result: EventResult) -> list[tuple[str, str, str]]:
    return [(e.date, e.precision, e.text) for e in result.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mereka bertemu pada Sabtu, 5 Maret, di Caracas.",
            [("2022-03-05", "day", "Sabtu, 5 Maret")],
        ),
        ("Pertemuan pada Sabtu (5/3) berjalan alot.", [("2022-03-05", "day", "Sabtu (5/3)")]),
        ("Rapat Jumat (4/3/2022) ditunda.", [("2022-03-04", "day", "Jumat (4/3/2022)")]),
        ("Venezuela pada 25 Februari menyalahkan NATO.", [("2022-02-25", "day", "25 Februari")]),
        ("Perjanjian diteken 1 Maret 2022.", [("2022-03-01", "day", "1 Maret 2022")]),
        ("Kesepakatan itu tercapai tanggal 3 Maret.", [("2022-03-03", "day", "tanggal 3 Maret")]),
        ("Sidang digelar 2-3 Maret.", [("2022-03-02", "day", "2-3 Maret")]),
        ("Sanksi berlaku sejak Maret 2021.", [("2021-03", "month", "Maret 2021")]),
        ("Harga minyak naik pada awal Maret.", [("2022-03", "month", "awal Maret")]),
        ("Hubungan diplomatik putus pada 2019.", [("2019", "year", "2019")]),
        ("Pemilihan kembali Maduro tahun 2018 dianggap tipuan.", [("2018", "year", "tahun 2018")]),
        ("AS menjatuhkan sanksi sejak 2014.", [("2014", "year", "2014")]),
        ("Krisis berlangsung pada 2019-2020.", [("2019", "year", "2019")]),
        ("Produksi pulih pada pertengahan 2020.", [("2020", "year", "pertengahan 2020")]),
        ("Pembicaraan digelar pada hari Sabtu.", [("2022-03-05", "day", "hari Sabtu")]),
        ("Menteri itu tiba kemarin.", [("2022-03-05", "day", "kemarin")]),
        ("Delegasi bertemu pekan lalu.", [("2022-02", "month", "pekan lalu")]),
        ("Ekspor turun tahun lalu.", [("2021", "year", "tahun lalu")]),
        ("Ia mundur tiga tahun lalu.", [("2019", "year", "tiga tahun lalu")]),
        ("Dokumen bertanggal 2022-03-04 bocor.", [("2022-03-04", "day", "2022-03-04")]),
        ("SABTU, 5 MARET 2022", [("2022-03-05", "day", "SABTU, 5 MARET 2022")]),
        ("The talks began on March 1.", [("2022-03-01", "day", "March 1")]),
        ("The deal was signed on March 1, 2022.", [("2022-03-01", "day", "March 1, 2022")]),
        ("It was signed on 1 March 2022 in Geneva.", [("2022-03-01", "day", "1 March 2022")]),
        ("They met on the 4th of March.", [("2022-03-04", "day", "the 4th of March")]),
        ("They met on Wednesday, March 2.", [("2022-03-02", "day", "Wednesday, March 2")]),
        ("Officials met Wednesday in Caracas.", [("2022-03-02", "day", "Wednesday")]),
        ("Envoys met last Saturday.", [("2022-03-05", "day", "last Saturday")]),
        ("Relations were cut in 2019.", [("2019", "year", "2019")]),
        ("Output recovered by mid-2020.", [("2020", "year", "mid-2020")]),
        ("Exports fell last year.", [("2021", "year", "last year")]),
        ("Prices rose in March.", [("2022-03", "month", "March")]),
        ("Talks stalled in early March 2022.", [("2022-03", "month", "early March 2022")]),
        ("The minister arrived yesterday.", [("2022-03-05", "day", "yesterday")]),
        ("He resigned two years ago.", [("2020", "year", "two years ago")]),
        ("He resigned 3 years ago.", [("2019", "year", "3 years ago")]),
        ("Sept. 5, 2021 was the date.", [("2021-09-05", "day", "Sept. 5, 2021")]),
    ],
)
def test_expression_kinds(text: str, expected: list[tuple[str, str, str]]) -> None:
    result = run(text, SUNDAY)
    assert triples(result) == expected
    for event in result.events:
        assert text[event.start : event.end] == event.text


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("Serangan terjadi pada 28 Desember.", dt.date(2022, 1, 10), "2021-12-28"),
        ("Rapat dijadwalkan 5 Maret.", dt.date(2022, 1, 10), "2022-03-05"),
        ("Perjanjian diteken 5 Mei.", dt.date(2022, 1, 10), "2021-05-05"),
        ("The vote was held on December 30.", dt.date(2023, 1, 2), "2022-12-30"),
        ("Harga naik pada bulan Desember.", dt.date(2022, 1, 10), "2021-12"),
        ("Harga naik pada Maret lalu.", SUNDAY, "2021-03"),
        ("Prices rose last March.", dt.date(2022, 5, 1), "2022-03"),
        ("Ia lahir 29 Februari.", dt.date(2023, 3, 1), "2020-02-29"),
    ],
)
def test_year_rollover(text: str, reference: dt.date, expected: str) -> None:
    assert [e.date for e in run(text, reference).events] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pejabat bertemu Sabtu.", ["2022-03-05"]),
        ("Pejabat bertemu pada Minggu.", ["2022-03-06"]),
        ("Pejabat bertemu Minggu lalu.", ["2022-02"]),
        ("Pejabat bertemu minggu lalu.", ["2022-02"]),
        ("Pejabat bertemu Sabtu lalu.", ["2022-03-05"]),
        ("Pejabat akan bertemu Jumat depan.", ["2022-03-11"]),
        ("Officials met on Sunday.", ["2022-03-06"]),
        ("Officials will meet next Friday.", ["2022-03-11"]),
        ("Dua minggu kemudian mereka bertemu.", []),
    ],
)
def test_weekday_alone(text: str, expected: list[str]) -> None:
    assert [e.date for e in run(text, SUNDAY).events] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sebanyak 2.000 tentara dikerahkan.",
        "Lebih dari 1.500 orang mengungsi.",
        "Polisi menahan dari 2019 orang yang diperiksa.",
        "Sebanyak 2019 orang mengungsi.",
        "Anggaran naik 2020 persen.",
        "Piala Dunia 2018 digelar di Rusia.",
        "The 2019 election was disputed.",
        "Some 1,500 troops crossed in 2,019 trucks.",
        "Nilai tukar 2021,5 rupiah.",
        "Skor akhir 25 berbanding 3.",
        "Theresa May spoke on the phone.",
        "Warga turun ke jalan pada 31 April.",
        "Krisis itu bermula pada 1990-an.",
        "Sanctions date back to the 1990s.",
    ],
)
def test_not_dates(text: str) -> None:
    assert run(text, SUNDAY).events == ()


def test_article_date_is_used_as_is() -> None:
    result = run("Delegasi bertemu kemarin.", dt.date(2020, 7, 1))
    assert result.reference == dt.date(2020, 7, 1)
    assert result.reference_source == "metadata"
    assert triples(result) == [("2020-06-30", "day", "kemarin")]


def test_user_date_is_named_as_such() -> None:
    result = run("Delegasi bertemu kemarin.", dt.date(2020, 7, 1), source="user")
    assert result.reference_source == "set by the user"


def test_weekday_that_does_not_fit_the_date_is_reported() -> None:
    result = run("Pertemuan pada Sabtu, 5 Maret.", dt.date(2023, 3, 20))
    assert [e.date for e in result.events] == ["2023-03-05"]
    assert result.warnings == ("'Sabtu, 5 Maret': 5 March 2023 is a Sunday, not a Saturday",)


def test_no_reference_leaves_out_what_needs_one() -> None:
    result = run("Delegasi tiba kemarin dan bertemu pada 5 Maret.\nHubungan putus pada 2019.")
    assert result.reference is None
    assert result.reference_source.startswith("unknown: the article has no date")
    assert triples(result) == [("2019", "year", "2019")]
    (warning,) = result.warnings
    assert "'kemarin', '5 Maret'" in warning
    assert "--date" in warning
    assert "`date:`" in warning


def test_nothing_dated_needs_no_warning() -> None:
    result = run("Hubungan kedua negara membaik.")
    assert (result.events, result.reference, result.warnings) == ((), None, ())
    assert "gives no year" in result.reference_source


VENEZUELA = (
    "Pejabat senior AS terbang ke Venezuela pada Sabtu, 5 Maret, untuk bertemu Maduro.\n"
    "Pejabat AS dan Venezuela mengadakan pembicaraan pada hari Sabtu.\n"
    "Kedua negara memutuskan hubungan diplomatik pada 2019.\n"
    "Pemerintahan mantan Presiden AS Donald Trump menganggap pemilihan Maduro tahun 2018 tipuan.\n"
    "Pemerintahan Presiden Joe Biden tidak akan mencabut sanksi.\n"
    "Venezuela pada 25 Februari menyalahkan AS atas krisis di Ukraina.\n"
    "Dalam panggilan telepon 1 Maret, Putin dan Maduro membahas Ukraina dan Rusia."
)


def test_undated_article_is_dated_by_weekday_latest_year_and_office() -> None:
    result = run(VENEZUELA)
    assert result.reference == dt.date(2022, 3, 5)
    assert result.reference_source == (
        "inferred: 'Sabtu, 5 Maret' is a Saturday in 2022, the first such year after the "
        "latest year the text mentions (2019); Joe Biden was in office then"
    )
    assert triples(result) == [
        ("2022-03-05", "day", "Sabtu, 5 Maret"),
        ("2022-03-05", "day", "hari Sabtu"),
        ("2019", "year", "2019"),
        ("2018", "year", "tahun 2018"),
        ("2022-02-25", "day", "25 Februari"),
        ("2022-03-01", "day", "1 Maret"),
    ]
    assert [e.sentence for e in result.events] == [0, 1, 2, 3, 5, 6]
    assert [e.countries for e in result.events] == [
        ("USA", "VEN"),
        ("USA", "VEN"),
        (),
        ("USA", "VEN"),
        ("UKR", "USA", "VEN"),
        ("RUS", "UKR", "VEN"),
    ]
    assert result.warnings == ()


@pytest.mark.parametrize(
    ("text", "year", "says"),
    [
        (
            "Leaders met on Wednesday, April 23.\nPresident Barack Obama spoke.",
            2014,
            "Barack Obama",
        ),
        ("Leaders met on Wednesday, April 23.\nPresident Joe Biden spoke.", 2025, "Joe Biden"),
        (
            "Leaders met on Wednesday, April 23.\n"
            "Former President Barack Obama and President Joe Biden spoke.",
            2025,
            "Joe Biden",
        ),
        ("Leaders met on Wednesday, April 23.\nU.S. President Barack Obama spoke.", 2014, "Obama"),
        ("Leaders met on Wednesday, April 23, as in 2010.", 2014, "(2010)"),
        ("Pertemuan Sabtu, 5 Maret.\nSanksi berlaku sejak 2019 hingga 2030.", 2022, "(2019)"),
        (
            "Pertemuan Sabtu, 5 Maret.\nPresiden Maduro hadir.",
            2016,
            "the first such year when Nicolás Maduro was in office",
        ),
    ],
)
def test_weekday_and_office_pin_the_year(text: str, year: int, says: str) -> None:
    result = run(text)
    assert result.reference is not None
    assert result.reference.year == year
    assert says in result.reference_source


@pytest.mark.parametrize(
    ("pairs", "first", "expected"),
    [
        ([(3, 5, 5)], 2019, [2022, 2033, 2039]),  # Saturday 5 March
        ([(2, 29, 3)], 2001, [2024, 2052, 2080]),  # Thursday 29 February: leap years only
        ([(3, 5, 5), (3, 6, 6)], 2019, [2022, 2033, 2039]),  # and Sunday 6 March
        ([(3, 5, 5), (3, 6, 5)], 1900, []),  # two days cannot both be Saturdays
        ([(12, 31, 4)], 2099, [2100]),  # the last year counted
    ],
)
def test_years_on_weekdays(
    pairs: list[tuple[int, int, int]], first: int, expected: list[int]
) -> None:
    found = [Found(0, 1, "x", "day", None, month, day, weekday) for month, day, weekday in pairs]
    assert years_on_weekdays(found, first)[:3] == expected


def test_two_incumbents_who_never_overlapped_are_reported() -> None:
    result = run("Leaders met on Wednesday, April 23.\nPresident Obama and President Biden spoke.")
    assert result.reference == dt.date(2014, 4, 23)
    assert result.warnings == (
        "Joe Biden is named as in office, but the inferred year 2014 is outside 2021–2025",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Perjanjian diteken 1 Maret 2022.\nDelegasi tiba kemarin.", dt.date(2022, 3, 1)),
        ("Talks resumed in March 2021.\nEnvoys met yesterday.", dt.date(2021, 3, 1)),
    ],
)
def test_dated_expression_anchors_an_undated_article(text: str, expected: dt.date) -> None:
    result = run(text)
    assert result.reference == expected
    assert result.reference_source.startswith(f"inferred: {expected.year} is the latest year")


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Pertemuan Sabtu, 5 Maret.", "fits many years"),
        ("Presiden Joe Biden bertemu pada 5 Maret.\nHubungan putus pada 2019.", "does not pin"),
        ("Pertemuan Sabtu, 5 Maret dan Sabtu, 6 Maret.\nSejak 2019.", "do not agree"),
    ],
)
def test_year_not_pinned_stays_unknown(text: str, why: str) -> None:
    result = run(text)
    assert result.reference is None
    assert why in result.reference_source
    assert HOW_TO in result.reference_source


HOW_TO = "set one with --date or a `date:` field"


@pytest.mark.parametrize(
    ("before", "name", "in_office"),
    [
        ("Pemerintahan Presiden", "Joe Biden", True),
        ("Presiden Rusia", "Vladimir Putin", True),
        ("Presiden Amerika Serikat", "Joe Biden", True),
        ("Perdana Menteri Inggris", "Boris Johnson", True),
        ("", "Presiden Joe Biden", True),
        ("U.S. President", "Joe Biden", True),
        ("Pemerintahan mantan Presiden AS", "Donald Trump", False),
        ("former U.S. President", "Donald Trump", False),
        ("ex-President", "Trump", False),
        ("then-President", "Trump", False),
        ("President Obama and", "Biden", False),
        ("Kata", "Biden", False),
        ("Presiden sah negara itu adalah", "Juan Guaido", False),
    ],
)
def test_titled_in_office(before: str, name: str, in_office: bool) -> None:
    assert titled_in_office(tokenize(before).words, tokenize(name).words) is in_office


def test_same_day_twice_in_one_sentence_is_one_event() -> None:
    text = "Mereka bertemu hari Sabtu, tepatnya 5 Maret.\nPada 2022, tepatnya 1 Maret 2022."
    result = run(text, SUNDAY)
    assert triples(result) == [
        ("2022-03-05", "day", "hari Sabtu"),
        ("2022-03-01", "day", "1 Maret 2022"),
    ]


def test_events_are_in_text_order_with_their_sentence() -> None:
    text = "Pada 2019 hubungan putus.\nRusia dan Ukraina bertemu 1 Maret dan 25 Februari."
    result = run(text, SUNDAY)
    assert [(e.date, e.sentence, e.countries) for e in result.events] == [
        ("2019", 0, ()),
        ("2022-03-01", 1, ("RUS", "UKR")),
        ("2022-02-25", 1, ("RUS", "UKR")),
    ]


def test_found_expressions_do_not_overlap() -> None:
    found = find_dates("Pada Sabtu, 5 Maret 2022 kemarin, dan tiga tahun lalu.")
    assert [f.text for f in found] == ["Sabtu, 5 Maret 2022", "kemarin", "tiga tahun lalu"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dia datang kemarin.", ["kemarin"]),
        ("Dia datang KEMARIN.", ["KEMARIN"]),
        ("“Kemarin” katanya", ["Kemarin"]),
        ("Pekan lalu dan pekan depan", ["Pekan lalu", "pekan depan"]),
        ("dua  tahun\u00a0lalu", ["dua  tahun\u00a0lalu"]),
        ("The day before yesterday, (last week)", ["The day before yesterday", "last week"]),
        ("A year ago and the day after", ["A year ago"]),
        ("Dua Tahun lalu, tahun 2018", ["Dua Tahun lalu", "tahun 2018"]),
        ("the day, before yesterday", ["yesterday"]),
        # "ı" and "ſ" match "i" and "s" case-insensitively, but do not lowercase to them
        ("Dia datang kemarın.", []),
        ("laſt year", []),
        # the Kelvin sign lowercases to "k"
        ("Dia datang \u212aemarin.", ["\u212aemarin"]),
        ("Di İstanbul kemarin.", ["kemarin"]),
        # "İ" lowercases to two characters: offsets after it still index the text
        ("Di İstanbul kemarın.", []),
        ("İİ İstanbul, KEMARIN dan dua tahun lalu", ["KEMARIN", "dua tahun lalu"]),
        ("İzmir: laſt year, last year", ["last year"]),
        ("İzmir: dua tahun lalu, dua tahun lalı", ["dua tahun lalu"]),
    ],
)
def test_relative_phrases_match_as_lowercased(text: str, expected: list[str]) -> None:
    found = find_dates(text)
    assert [f.text for f in found] == expected
    assert [text[f.start : f.end] for f in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maret lalu", ["Maret lalu"]),
        ("Maret ını, Maret ini", ["Maret ini"]),
        ("5 harı lalu, 5 hari lalu", ["5 hari lalu"]),
        ("3 yearſ ago, 3 years ago", ["3 years ago"]),
        ("Prices rose laſt March, last March", ["last March"]),
        ("ın March and in March", ["March"]),
        # the Kelvin sign lowercases to "k", so it spells "pekan"
        ("3 wee\u212as ago", ["3 wee\u212as ago"]),
    ],
)
def test_words_around_dates_count_only_where_they_lowercase_to_a_listed_word(
    text: str, expected: list[str]
) -> None:
    assert [f.text for f in find_dates(text)] == expected


def test_strict_letters_cover_every_letter_case_insensitivity_stretches() -> None:
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    for c in filter(ascii_letter.fullmatch, map(chr, range(0x110000))):
        for letter in (x for x in string.ascii_lowercase if re.fullmatch(x, c, re.IGNORECASE)):
            strict = re.compile(alternation([letter], strict=True), re.IGNORECASE)
            assert bool(strict.fullmatch(c)) is (c.lower() == letter), (c, letter)


def test_only_dotted_capital_i_lengthens_when_lowercased() -> None:
    longer = [chr(c) for c in range(0x110000) if len(chr(c).lower()) != 1]
    assert longer == [LENGTHENED_BY_LOWER]


@pytest.mark.parametrize(
    ("start", "end"),
    [(0, 0), (0, 9), (2, 9), (3, 14), (4, 16), (9, 13), (10, 11), (15, 30), (17, 17), (29, 30)],
)
def test_words_in_a_span_are_cut_from_the_cached_tokens(start: int, end: int) -> None:
    text = "Wakil Presiden, Joe R. Biden_2"
    assert words_in(text, text_tokens(text), start, end) == WORD.findall(text, start, end)


def test_tables_know_every_month_and_weekday_in_both_languages() -> None:
    tables = load_tables()
    for name, number in {"januari": 1, "agustus": 8, "agt": 8, "december": 12, "sept": 9}.items():
        assert tables.months[name] == number
    for name, number in {"senin": 0, "jumat": 4, "minggu": 6, "wednesday": 2, "sun": 6}.items():
        assert tables.weekdays[name] == number
    assert {unit for unit, _ in tables.relative_words.values()} <= {
        "days",
        "weeks",
        "months",
        "years",
    }


def test_generated_section_matches_cldr() -> None:
    script = Path(__file__).resolve().parent.parent / "scripts" / "build_dates.py"
    spec = importlib.util.spec_from_file_location("build_dates", script)
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    text = DATES_FILE.read_text(encoding="utf-8")
    assert build.rebuild(text) == text


@pytest.mark.parametrize(
    ("lang", "march", "saturday"), [("en", "March", "Saturday"), ("id", "Maret", "Sabtu")]
)
def test_labels_come_from_the_cldr_names_in_the_dates_file(
    lang: str, march: str, saturday: str
) -> None:
    from diplomap.dates import month_labels, weekday_labels

    assert len(month_labels(lang)) == 12
    assert month_labels(lang)[2] == march
    assert len(weekday_labels(lang)) == 7
    assert weekday_labels(lang)[5] == saturday
