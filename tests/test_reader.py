import codecs
import datetime as dt
import io
from pathlib import Path

import pytest

from diplomap.model import ArticleError
from diplomap.reader import (
    DEFAULT_MAX_BYTES,
    MAX_BYTES_ENV,
    find_dateline,
    read_article,
    read_bytes,
    read_stream,
    read_text,
)
from diplomap.sentences import split_sentences

FIXTURES = Path(__file__).parent / "fixtures"

ID_BODY = (
    "JAKARTA – Pemerintah Indonesia mengatakan bahwa pertemuan dengan Malaysia "
    "berlangsung dengan baik. Kedua negara sepakat untuk melanjutkan perundingan."
)
EN_BODY = (
    "LONDON — The British government said on Monday that it would send aid to "
    "Ukraine. The decision was welcomed by the European Union."
)


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "a-perbatasan.txt",
            {
                "id": "a-perbatasan",
                "format": "txt",
                "title": (
                    "Menteri Luar Negeri Indonesia dan Malaysia membahas perbatasan di Jakarta"
                ),
                "language": "id",
                "language_source": "detected",
                "dateline": "JAKARTA",
                "source": "Kabar Dunia",
                "date": None,
                "date_source": "none",
                "aliases": (),
                "warnings": (),
            },
        ),
        (
            "b-sanctions.md",
            {
                "id": "b-sanctions",
                "format": "md",
                "title": "U.S. and EU agree on new sanctions against Russia",
                "language": "en",
                "language_source": "metadata",
                "dateline": "BRUSSELS",
                "source": "World Desk",
                "date": dt.date(2022, 3, 11),
                "date_source": "metadata",
                "aliases": (("Brussels", "EU"),),
            },
        ),
        (
            "c-summit.json",
            {
                "id": "c-summit",
                "format": "json",
                "title": "Leaders meet in Bali for the G20 summit",
                "language": "en",
                "language_source": "detected",
                "dateline": "BALI",
                "source": None,
                "url": "https://example.org/g20-bali",
                "date": dt.date(2022, 11, 15),
                "date_source": "metadata",
            },
        ),
    ],
)
def test_fixture_articles(name, expected):
    path = FIXTURES / "articles" / name
    article = read_article(path)
    for field, value in expected.items():
        assert getattr(article, field) == value, field
    assert article.path == str(path)
    assert article.text.startswith(article.title + "\n\n")


def test_txt_drops_trailing_source_from_text():
    article = read_article(FIXTURES / "articles" / "a-perbatasan.txt")
    assert article.text.endswith("menurut kantor berita Antara.")
    assert "Kabar Dunia" not in article.text


@pytest.mark.parametrize(
    ("text", "title", "body_start"),
    [
        ("Judul berita\nIsi berita pertama.", "Judul berita", "Isi berita"),
        ("\n\n  Judul berita  \n\n\nIsi berita.\n\n", "Judul berita", "Isi berita"),
        ("Headline\r\nBody line one.\r\nBody line two.", "Headline", "Body line one.\nBody"),
        ("Headline\rBody after an old Mac line break.", "Headline", "Body after"),
    ],
)
def test_txt_headline_is_first_non_empty_line(text, title, body_start):
    article = read_text(text, id="x")
    assert article.title == title
    assert article.text.startswith(f"{title}\n\n{body_start}")
    assert "\r" not in article.text
    assert split_sentences(article.text)[0].end == len(title)


def test_txt_single_line_is_body_with_a_warning():
    article = read_text("Only one line of text about Indonesia and Malaysia.", id="x")
    assert article.title == ""
    assert article.text == "Only one line of text about Indonesia and Malaysia."
    assert any("no headline" in w for w in article.warnings)


def test_text_is_nfc():
    article = read_text("Cafe\u0301 talks\n\nThe minister visited the cafe\u0301.", id="x")
    assert "e\u0301" not in article.text
    assert article.title == "Café talks"
    assert "café." in article.text


@pytest.mark.parametrize(
    ("first_line", "dateline"),
    [
        ("WASHINGTON DC, AS – Para pejabat senior AS tiba.", "WASHINGTON DC"),
        ("JAKARTA, KOMPAS.com - Presiden bertemu duta besar.", "JAKARTA"),
        ("JAKARTA -- Presiden bertemu duta besar.", "JAKARTA"),
        ("KUALA LUMPUR (Bernama) – Malaysia menyambut baik.", "KUALA LUMPUR"),
        ("MOSCOW, March 5 (Reuters) - Russia said on Saturday.", "MOSCOW"),
        ("WASHINGTON D.C. — Officials met.", "WASHINGTON D.C."),
        ("WASHINGTON—The talks ended.", "WASHINGTON"),
        ("SÃO PAULO, Brasil – Pemerintah Brasil menolak.", "SÃO PAULO"),
        ("PORT-AU-PRINCE, Haiti - Protests continued.", "PORT-AU-PRINCE"),
        ("Jakarta, CNN Indonesia -- Presiden bertemu.", "Jakarta"),
        ("Jakarta (Antara) - Presiden bertemu.", "Jakarta"),
        ("Jakarta, CNN Indonesia – India dan Pakistan sepakat.", "Jakarta"),
        ("Surabaya, detik.com – Warga berkumpul.", "Surabaya"),
        ("PARIS/NIAMEY (Reuters) – France will withdraw.", "PARIS/NIAMEY"),
        ("Jakarta - Presiden bertemu duta besar.", None),
        ("Presiden Joko Widodo, kata dia – bertemu.", None),
        ("Prabowo Subianto, Menteri Pertahanan – tiba.", None),
        ("Para pejabat senior AS tiba di Caracas – kata sumber.", None),
        ("AS dan Rusia – dua negara adidaya – berunding.", None),
        ("The talks - which lasted hours - ended.", None),
        ("NATO said on Monday that it would meet.", None),
        ("WASHINGTON DC, AS. Pejabat itu bilang – ya.", None),
    ],
)
def test_dateline(first_line, dateline):
    assert find_dateline(first_line) == dateline
    article = read_text(f"Judul\n{first_line}\nKalimat kedua.", id="x")
    assert article.dateline == dateline
    assert first_line.split()[0] in article.text


@pytest.mark.parametrize(
    ("last_line", "source", "text_end"),
    [
        ("Demikian kata Kremlin. – Paypza.com", "Paypza.com", "kata Kremlin."),
        ("Demikian kata Kremlin. — Antara", "Antara", "kata Kremlin."),
        ("The Kremlin declined to comment. - Reuters", "Reuters", "to comment."),
        ("He said “no.” – World Desk", "World Desk", "“no.”"),
        ("Kremlin menolak. – AFP.", "AFP", "Kremlin menolak."),
        ("Hubungan Rusia – Ukraina memburuk.", None, "Ukraina memburuk."),
        ("Kremlin menolak – Rusia kata dia", None, "kata dia"),
        ("Pejabat itu berkata. – Dia lalu pergi. Lalu pulang", None, "Lalu pulang"),
        (
            "Mereka pulang. – sumber yang sangat panjang sekali dan tidak mungkin nama media",
            None,
            "nama media",
        ),
    ],
)
def test_trailing_source(last_line, source, text_end):
    article = read_text(f"Judul berita\nKalimat pertama.\n{last_line}", id="x")
    assert article.source == source
    assert article.text.endswith(text_end)


def test_source_on_its_own_line_is_kept_as_text():
    article = read_text("Judul\nKalimat pertama.\n- Satu.\n- Dua", id="x", fmt="md")
    assert article.source is None
    assert article.text.endswith("- Dua")


def test_json_all_fields():
    data = {
        "title": " Two\nlines ",
        "body": "Body text about Indonesia.\r\nSecond line.",
        "language": "ID",
        "date": "2022-03-05",
        "source": "Antara",
        "url": "https://example.org/x",
        "aliases": {"Gedung Putih": "USA", "Bumi Putra": "MYS"},
        "dateline": "JAKARTA",
    }
    import json

    article = read_text(json.dumps(data), id="j", fmt="json")
    assert article.title == "Two lines"
    assert article.text == "Two lines\n\nBody text about Indonesia.\nSecond line."
    assert (article.language, article.language_source) == ("id", "metadata")
    assert (article.date, article.date_source) == (dt.date(2022, 3, 5), "metadata")
    assert article.source == "Antara"
    assert article.dateline == "JAKARTA"
    assert article.aliases == (("Bumi Putra", "MYS"), ("Gedung Putih", "USA"))


def test_json_body_only():
    article = read_text('{"body": "Indonesia and Malaysia held talks on Monday."}', fmt="json")
    assert article.title == ""
    assert article.text == "Indonesia and Malaysia held talks on Monday."
    assert any("no headline" in w for w in article.warnings)


def test_json_null_fields_are_absent_and_unknown_fields_noted():
    article = read_text(
        '{"body": "Text about the talks.", "source": null, "date": null, "author": "Ani"}',
        fmt="json",
    )
    assert article.source is None
    assert article.date is None
    assert any("author" in w for w in article.warnings)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"title": "x", "body": "y"', "malformed JSON at line 1"),
        ("{'body': 'single quotes'}", "malformed JSON"),
        ('["a", "list"]', "not a list"),
        ('"just a string"', "not a string"),
        ("42", "not a number"),
        ('{"title": "no body"}', 'missing the required "body"'),
        ('{"body": "   "}', 'field "body" is empty'),
        ('{"body": 5}', 'field "body" must be a string, not a number'),
        ('{"body": "x", "title": ["a"]}', 'field "title" must be a string, not a list'),
        ('{"body": "x", "language": 1}', 'field "language" must be a string'),
        ('{"body": "x", "language": "Indonesian"}', 'field "language" must be a language code'),
        ('{"body": "x", "date": "05/03/2022"}', 'field "date" must be written YYYY-MM-DD'),
        ('{"body": "x", "date": "2022-02-30"}', 'field "date" is not a real calendar date'),
        ('{"body": "x", "date": 20220305}', 'field "date" must be a date'),
        ('{"body": "x", "source": true}', 'field "source" must be a string, not true/false'),
        ('{"body": "x", "url": {}}', 'field "url" must be a string, not an object'),
        ('{"body": "x", "aliases": ["a"]}', 'field "aliases" must be an object'),
        ('{"body": "x", "aliases": {"Istana": 3}}', 'field "aliases" must map names'),
        ('{"body": "x", "aliases": {"Istana": " "}}', "no entity id for 'Istana'"),
    ],
)
def test_json_errors_name_the_field(content, problem):
    with pytest.raises(ArticleError) as err:
        read_text(content, id="bad", fmt="json")
    assert problem in err.value.problem
    assert err.value.path == "bad"
    assert "\n" not in str(err.value)


def test_markdown_heading_becomes_title_and_markdown_stays():
    text = "# Talks in *Jakarta*\n\nIndonesia **welcomed** the talks.\n\n- one\n- two\n"
    article = read_text(text, id="m", fmt="md")
    assert article.title == "Talks in *Jakarta*"
    assert article.text == (
        "Talks in *Jakarta*\n\nIndonesia **welcomed** the talks.\n\n- one\n- two"
    )


def test_markdown_title_key_keeps_heading_in_body():
    text = "---\ntitle: From the front matter\n---\n# Heading\n\nBody text."
    article = read_text(text, id="m", fmt="md")
    assert article.title == "From the front matter"
    assert article.text == "From the front matter\n\n# Heading\n\nBody text."


def test_markdown_heading_that_repeats_the_title_is_not_said_twice():
    text = (
        "---\ntitle: Denmark dan Greenland Tolak Trump\n---\n"
        "# Denmark dan Greenland tolak Trump\n\n"
        "Jakarta, CNN Indonesia -- Denmark menolak tawaran itu."
    )
    article = read_text(text, id="m", fmt="md")
    assert article.text == (
        "Denmark dan Greenland Tolak Trump\n\n"
        "Jakarta, CNN Indonesia -- Denmark menolak tawaran itu."
    )
    assert article.dateline == "Jakarta"


def test_markdown_front_matter_fields():
    text = (
        "---\n"
        "language: id\n"
        "date: '2022-03-05'\n"
        "dateline: CARACAS\n"
        "source: Kabar\n"
        "aliases: {Istana Miraflores: VEN}\n"
        "...\n"
        "Pejabat AS tiba di Caracas."
    )
    article = read_text(text, id="m", fmt="md")
    assert article.language == "id"
    assert article.date == dt.date(2022, 3, 5)
    assert article.dateline == "CARACAS"
    assert article.source == "Kabar"
    assert article.aliases == (("Istana Miraflores", "VEN"),)
    assert article.text == "Pejabat AS tiba di Caracas."


def test_markdown_without_front_matter():
    article = read_text("Title line\n\nBody.", id="m", fmt="md")
    assert article.title == ""
    assert article.text == "Title line\n\nBody."


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("---\ntitle: never closed\nBody.", "never closed"),
        ("---\ntitle: [unclosed\n---\nBody.", "front matter is not valid YAML at line"),
        ("---\n- a\n- b\n---\nBody.", "must be key: value lines, not a list"),
        ("---\ntitle: 3\n---\nBody.", 'field "title" must be a string, not a number'),
        ("---\ndate: 2022-03-05 10:00:00\n---\nBody.", 'field "date" must be a date'),
        ("---\ndate: March 5\n---\nBody.", 'field "date" must be written YYYY-MM-DD'),
        ("---\naliases: [a, b]\n---\nBody.", 'field "aliases" must be a mapping'),
        ("---\ntitle: Only a title\n---\n\n", "no body text"),
    ],
)
def test_markdown_errors(content, problem):
    with pytest.raises(ArticleError) as err:
        read_text(content, id="m", fmt="md")
    assert problem in err.value.problem


ARTICLE = f"Judul berita tentang Indonesia\n{ID_BODY}\n"


@pytest.mark.parametrize(
    ("label", "data", "problem"),
    [
        ("utf-8", ARTICLE.encode("utf-8"), None),
        ("utf-8-sig", codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), None),
        ("utf-16-le bom", ARTICLE.encode("utf-16"), None),
        ("utf-16-be bom", codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), None),
        ("crlf", ARTICLE.replace("\n", "\r\n").encode("utf-8"), None),
        ("latin-1", "Berita\nRéunion di Jakarta.".encode("latin-1"), "not UTF-8 text (byte 0xE9"),
        ("utf-16 no bom", ARTICLE.encode("utf-16-le"), "NUL byte at offset 1"),
        ("utf-32", ARTICLE.encode("utf-32"), "UTF-32"),
        ("binary with nul", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file (NUL byte"),
        ("control chars", bytes(range(1, 9)) * 20 + b"text", "control characters"),
        ("bad utf-16", codecs.BOM_UTF16_LE + b"\x00\xd8\x41", "not valid UTF-16"),
        ("empty", b"", "the file is empty"),
        ("bom only", codecs.BOM_UTF8, "only whitespace"),
        ("whitespace", b"  \n\n\t \r\n", "only whitespace"),
    ],
)
def test_encodings(tmp_path, label, data, problem):
    path = write(tmp_path, "article.txt", data)
    if problem is None:
        article = read_article(path)
        assert article.title == "Judul berita tentang Indonesia"
        assert article.text == f"Judul berita tentang Indonesia\n\n{ID_BODY}"
        assert article.language == "id"
        return
    with pytest.raises(ArticleError) as err:
        read_article(path)
    assert problem in err.value.problem, label
    assert err.value.path == str(path)
    assert "save" in err.value.problem or "write" in err.value.problem


def test_latin1_offset_is_reported(tmp_path):
    path = write(tmp_path, "x.txt", b"Berita\nR\xe9union")
    with pytest.raises(ArticleError, match=r"byte 0xE9 at offset 8\); save the file as UTF-8"):
        read_article(path)


def test_missing_file(tmp_path):
    with pytest.raises(ArticleError) as err:
        read_article(tmp_path / "nope.txt")
    assert "no such file" in err.value.problem


def test_folder_is_refused(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(ArticleError, match="is a folder"):
        read_article(tmp_path / "folder.txt")


@pytest.mark.parametrize("name", ["article.docx", "article", "article.html"])
def test_unsupported_extension(tmp_path, name):
    path = write(tmp_path, name, ARTICLE)
    with pytest.raises(ArticleError, match="unsupported file type"):
        read_article(path)


def test_uppercase_extension_is_accepted(tmp_path):
    assert read_article(write(tmp_path, "LOUD.TXT", ARTICLE)).format == "txt"


def test_oversize_file(tmp_path):
    path = write(tmp_path, "big.txt", ARTICLE * 10)
    size = path.stat().st_size
    limit = size // 2
    with pytest.raises(ArticleError) as err:
        read_article(path, max_bytes=limit)
    assert f"the limit is {limit:,} bytes" in err.value.problem
    assert "--max-bytes" in err.value.problem
    assert f"the file is {size:,} bytes" in err.value.problem
    assert read_article(path, max_bytes=size).id == "big"


def test_max_bytes_from_environment(tmp_path, monkeypatch):
    path = write(tmp_path, "big.txt", ARTICLE * 10)
    monkeypatch.setenv(MAX_BYTES_ENV, "100")
    with pytest.raises(ArticleError, match="the limit is 100 bytes"):
        read_article(path)
    assert read_article(path, max_bytes=10_000).id == "big"
    monkeypatch.setenv(MAX_BYTES_ENV, "lots")
    with pytest.raises(ValueError, match=MAX_BYTES_ENV):
        read_article(path)


def test_long_single_line_under_the_limit(tmp_path):
    line = "Indonesia dan Malaysia membahas perbatasan di Jakarta. " * 27_000
    data = f"Judul panjang\n{line}".encode()
    assert 1_400_000 < len(data) < DEFAULT_MAX_BYTES
    article = read_article(write(tmp_path, "long.txt", data))
    assert article.language == "id"
    assert len(article.text) > 1_400_000


def test_read_bytes_dispatches_on_extension():
    article = read_bytes(b'{"title": "T", "body": "Body."}', "uploads/story.JSON")
    assert (article.id, article.format, article.path) == ("story", "json", None)
    with pytest.raises(ArticleError, match="unsupported file type"):
        read_bytes(b"text", "story.pdf")
    with pytest.raises(ArticleError, match="too large"):
        read_bytes(b"x" * 50, "story.txt", max_bytes=10)


def test_read_stream():
    article = read_stream(io.BytesIO(ARTICLE.encode("utf-16")))
    assert (article.id, article.format) == ("stdin", "txt")
    assert article.title == "Judul berita tentang Indonesia"
    with pytest.raises(ArticleError, match="too large"):
        read_stream(io.BytesIO(b"x" * 50), max_bytes=10)


@pytest.mark.parametrize(
    ("argument", "meta", "expected"),
    [
        (None, None, ("id", "detected")),
        ("en", None, ("en", "user")),
        ("auto", None, ("id", "detected")),
        (None, "en", ("en", "metadata")),
        ("id", "en", ("id", "user")),
    ],
)
def test_language_precedence(argument, meta, expected):
    import json

    data = {"title": "Judul", "body": ID_BODY}
    if meta:
        data["language"] = meta
    article = read_text(json.dumps(data), fmt="json", language=argument)
    assert (article.language, article.language_source) == expected


def test_undetected_language_assumes_english():
    article = read_text("Putin\n\nMaduro Biden Guaido.", id="x")
    assert (article.language, article.language_source) == ("en", "detected")
    assert any("assumed English" in w for w in article.warnings)


def test_other_language_is_kept_with_a_warning():
    body = "Le président a déclaré que les pourparlers avec la Russie avaient échoué."
    article = read_text(f"Titre\n{body}", id="x")
    assert article.language == "fr"
    assert any("French" in w for w in article.warnings)


@pytest.mark.parametrize(
    ("argument", "meta", "expected"),
    [
        (None, None, (None, "none")),
        (None, "2022-03-05", (dt.date(2022, 3, 5), "metadata")),
        (dt.date(2023, 1, 2), "2022-03-05", (dt.date(2023, 1, 2), "user")),
        (dt.date(2023, 1, 2), None, (dt.date(2023, 1, 2), "user")),
    ],
)
def test_date_precedence(argument, meta, expected):
    front = f"---\ndate: {meta}\n---\n" if meta else ""
    article = read_text(f"{front}{EN_BODY}", id="x", fmt="md", date=argument)
    assert (article.date, article.date_source) == expected


def test_english_dateline_and_sentences():
    article = read_text(f"Britain to send aid to Ukraine\n{EN_BODY}\n", id="x")
    assert article.language == "en"
    assert article.dateline == "LONDON"
    sentences = [article.text[s.start : s.end] for s in split_sentences(article.text, "en")]
    assert sentences[0] == "Britain to send aid to Ukraine"
    assert sentences[1].startswith("LONDON — The British government")
    assert len(sentences) == 3
