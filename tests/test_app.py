"""The dashboard through Streamlit's AppTest: every page for every article, the address, state."""

from __future__ import annotations

import gc
import html
import importlib
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from diplomap import maps
from diplomap.i18n import t, tie_family
from diplomap.model import TIE_TYPES, Tie
from ui import articles, collector, excerptview, mapview, parts, state, story, svgmap

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard.py")
BUNDLED = sorted(articles.list_articles(ROOT / "data" / "articles"), key=lambda e: e.name)
FIXTURES = ROOT / "tests" / "fixtures" / "app_articles"
PAGES = (
    "pages/overview.py",
    "pages/map.py",
    "pages/alliances.py",
    "pages/excerpts.py",
    "pages/timeline.py",
    "pages/data.py",
)
SEED = "us-officials-visit-venezuela"
TIMEOUT = 60


@pytest.fixture(autouse=True)
def bundled_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every AppTest reads data/articles unless a test points elsewhere."""
    monkeypatch.delenv(articles.ARTICLES_ENV, raising=False)


def app(**params: str) -> AppTest:
    """A fresh session of the dashboard, opened at an address with these parameters."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update(params)
    return at


def open_page(page: str, **params: str) -> AppTest:
    """A session opened at a page's address with these parameters, like a shared link."""
    if page == PAGES[0]:
        return app(**params).run()
    at = app().run()
    at.query_params.clear()
    at.query_params.update(params)
    return at.switch_page(page).run()


def texts(at: AppTest) -> str:
    """Everything the page writes as text, without Markdown escapes, in one string."""
    parts_ = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error"):
        parts_ += [str(element.value) for element in getattr(at, kind)]
    return "\n".join(parts_).replace("\\", "")


def no_exception(at: AppTest) -> None:
    """No exception element and a run that finished."""
    assert not at.exception, [e.value for e in at.exception]


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def page_links(at: AppTest, page: str = "excerpts") -> list[tuple[str, str]]:
    """(label, query string) of every link the page drew to another page (Excerpts)."""
    return [
        (link.proto.label, link.proto.query_string)
        for link in at.get("page_link")
        if link.proto.page == page
    ]


@pytest.mark.parametrize("entry", BUNDLED, ids=lambda e: e.id)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_opens_every_bundled_article(entry: articles.Entry, page: str) -> None:
    at = open_page(page, article=entry.id)
    no_exception(at)
    assert at.query_params["article"] == entry.id
    assert not at.error, [e.value for e in at.error]
    assert entry.title in texts(at)


def test_bundled_articles_are_all_listed_and_readable() -> None:
    names = sorted(p.name for p in (ROOT / "data" / "articles").iterdir() if p.is_file())
    assert [e.name for e in BUNDLED] == [
        n for n in names if Path(n).suffix in {".txt", ".md", ".json"}
    ]
    assert all(e.readable for e in BUNDLED)


def test_first_article_opens_by_default_with_its_eight_countries() -> None:
    at = app().run()
    no_exception(at)
    assert at.sidebar.selectbox(key=state.ARTICLE).value == SEED
    assert at.query_params == {"article": SEED}
    assert metrics(at)[t("metric.countries", "id")] == "8"
    assert int(metrics(at)[t("metric.ties", "id")]) >= 3
    assert at.sidebar.selectbox(key=state.LANG).value == "id"


def test_first_article_tells_its_story_in_english() -> None:
    at = app(lang="en").run()
    no_exception(at)
    said = [label for label, _ in page_links(at)]
    pairs = {
        ("the US", "Venezuela"),
        ("Russia", "Venezuela"),
        ("Russia", "Ukraine"),
    }
    for a, b in pairs:
        assert any(a.lower() in s.lower() and b in s for s in said), (a, b, said)
    camps = next(line for line in texts(at).splitlines() if line.startswith("Two camps"))
    us_side, other_side = camps.split(" on one side, ")
    assert "United States" in us_side
    for country in ("Russia", "China", "Cuba", "Iran", "Nicaragua"):
        assert country in other_side
        assert country not in us_side


def test_main_ties_link_to_their_evidence_on_the_excerpts_page() -> None:
    at = app(lang="en").run()
    links = page_links(at)
    assert len(links) == parts.MAIN_TIES
    for _, query_string in links:
        query = dict(pair.split("=", 1) for pair in query_string.split("&"))
        assert query["article"] == SEED
        assert query["lang"] == "en"
        assert query["sentence"].isdigit()
    assert page_links(at, "map") == [(t("dashboard.open_map", "en"), f"article={SEED}&lang=en")]


@pytest.mark.parametrize(
    "asked",
    [
        "missing",
        "../../etc/passwd",
        "..%2F..%2Fetc%2Fpasswd",
        "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "%252e%252e%252fetc%252fpasswd",
        "..\\..\\windows\\win.ini",
        "/etc/passwd",
        "us-officials-visit-venezuela.txt/../../../etc/passwd",
        "us-officials-visit-venezuela.txt",
    ],
)
@pytest.mark.parametrize("page", [PAGES[0], "pages/data.py"])
def test_a_bad_article_id_gets_a_clear_message_not_a_file(asked: str, page: str) -> None:
    at = open_page(page, article=asked, lang="en")
    no_exception(at)
    warnings = " ".join(w.value for w in at.warning)
    assert asked in warnings.replace("\\", "") or articles.shown_id(asked) in warnings
    assert "There is no article" in warnings or "outside the data folder" in warnings
    assert "root:" not in texts(at)
    assert at.query_params["article"] == SEED


def test_a_bad_id_says_which_article_is_shown_instead() -> None:
    at = app(article="nope", lang="en").run()
    assert "Showing" in texts(at)
    assert metrics(at)["Countries"] == "8"


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    ("article", "expected"),
    [
        ("a-no-country", "empty.no_countries"),
        ("b-no-ties", "empty.no_ties"),
        ("c-broken", "dashboard.unreadable_title"),
        ("d-summit", None),
    ],
)
def test_fixture_articles_explain_their_empty_states(
    monkeypatch: pytest.MonkeyPatch, page: str, article: str, expected: str | None
) -> None:
    monkeypatch.setenv(articles.ARTICLES_ENV, str(FIXTURES))
    at = open_page(page, article=article, lang="en")
    no_exception(at)
    shown = texts(at)
    if expected == "dashboard.unreadable_title":
        assert t(expected, "en") in shown
        assert "c-broken.json" in shown
        assert "malformed JSON" in shown
    elif expected and page in ("pages/overview.py", "pages/map.py", "pages/alliances.py"):
        assert t(expected, "en") in shown
    pickers = at.sidebar.selectbox(key=state.ARTICLE)
    assert pickers.options == [
        "Village bakery wins the regional bread prize",
        "Heavy rain in France and Japan",
        "c-broken.json (cannot be read)",
        "Russia attacks Ukraine; the US sanctions Russia",
    ]


def test_after_a_broken_article_another_one_opens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(articles.ARTICLES_ENV, str(FIXTURES))
    at = app(article="c-broken", lang="en").run()
    assert at.error
    at.sidebar.selectbox(key=state.ARTICLE).set_value("d-summit").run()
    no_exception(at)
    assert not at.error
    assert metrics(at)["Countries"] == "4"
    assert at.query_params["article"] == "d-summit"


def test_an_empty_folder_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(articles.ARTICLES_ENV, str(tmp_path))
    at = app(article="anything", lang="en").run()
    no_exception(at)
    assert t("empty.no_articles", "en") in texts(at)


def test_a_file_dropped_into_the_folder_appears_on_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(articles.ARTICLES_ENV, str(tmp_path))
    (tmp_path / "first.txt").write_text("First\n\nRussia attacked Ukraine.\n", encoding="utf-8")
    at = app().run()
    assert at.sidebar.selectbox(key=state.ARTICLE).options == ["First"]
    (tmp_path / "second.txt").write_text("Second\n\nChina talks to Japan.\n", encoding="utf-8")
    at.run()
    assert at.sidebar.selectbox(key=state.ARTICLE).options == ["First", "Second"]


def test_language_follows_the_article_until_the_reader_picks_one() -> None:
    at = app().run()
    assert at.sidebar.selectbox(key=state.LANG).value == "id"
    assert "lang" not in at.query_params
    at.sidebar.selectbox(key=state.LANG).set_value("en").run()
    no_exception(at)
    assert at.query_params["lang"] == "en"
    assert t("metric.countries", "en") in metrics(at)
    at.sidebar.selectbox(key=state.ARTICLE).set_value("black-sea-grain-deal").run()
    assert at.sidebar.selectbox(key=state.LANG).value == "en"


def test_the_interface_speaks_the_article_language_on_every_page() -> None:
    for page in PAGES:
        at = open_page(page)
        no_exception(at)
        assert t(f"page.{Path(page).stem}", "id") in texts(at) or page == PAGES[0]


def test_tie_type_filter_narrows_the_ties_and_goes_into_the_address() -> None:
    at = app(lang="en").run()
    before = int(metrics(at)["Ties"])
    at.sidebar.multiselect(key=state.TYPES).set_value(["sanction"]).run()
    no_exception(at)
    after = int(metrics(at)["Ties"])
    assert 0 < after < before
    assert at.query_params["types"] == "sanction"
    assert all("sanction" in label.lower() for label, _ in page_links(at))


def test_types_in_the_address_are_read_back() -> None:
    at = app(types="attack,sanction,bogus", lang="en").run()
    assert at.sidebar.multiselect(key=state.TYPES).value == ["sanction", "attack"]
    assert at.query_params["types"] == "sanction,attack"


def test_focus_country_goes_into_the_address_and_across_pages() -> None:
    at = app(lang="en").run()
    at.sidebar.selectbox(key=state.COUNTRY).set_value("UKR").run()
    no_exception(at)
    assert at.query_params["country"] == "UKR"
    assert "Focus on Ukraine" in texts(at)
    at.switch_page("pages/map.py").run()
    no_exception(at)
    assert at.sidebar.selectbox(key=state.COUNTRY).value == "UKR"
    assert at.query_params["country"] == "UKR"


@pytest.mark.parametrize("asked", ["XYZ", "venezuela", "<b>x</b>"])
def test_an_unknown_focus_country_is_dropped_with_a_message(asked: str) -> None:
    at = app(country=asked, lang="en").run()
    no_exception(at)
    assert "is not one of this article's countries" in " ".join(w.value for w in at.warning)
    assert "country" not in at.query_params
    assert at.sidebar.selectbox(key=state.COUNTRY).value == state.NO_COUNTRY


def test_a_shared_address_reopens_the_same_view() -> None:
    at = app(article="black-sea-grain-deal", lang="id", types="agreement,talks").run()
    countries = at.sidebar.selectbox(key=state.COUNTRY).options
    assert len(countries) > 1
    shared = dict(at.query_params)
    again = app(**shared).run()
    no_exception(again)
    assert again.query_params == shared
    assert again.sidebar.selectbox(key=state.LANG).value == "id"
    assert again.sidebar.multiselect(key=state.TYPES).value == ["talks", "agreement"]


def test_excerpts_page_marks_and_scrolls_to_the_sentence_asked_for() -> None:
    at = open_page("pages/excerpts.py", lang="en", sentence="3")
    no_exception(at)
    assert "Sentence 4 is highlighted" in texts(at)
    html = " ".join(h.proto.body for h in at.html)
    assert 'id="s-3"' in html
    assert '"s-3"' in html
    assert "scrollIntoView" in html
    assert html.count('class="dm-ent') > 10
    assert at.query_params["sentence"] == "3"


@pytest.mark.parametrize("asked", ["999", "-1", "abc"])
def test_excerpts_page_says_when_a_sentence_does_not_exist(asked: str) -> None:
    at = open_page("pages/excerpts.py", lang="en", sentence=asked)
    no_exception(at)
    assert "scrollIntoView" not in " ".join(h.proto.body for h in at.html)
    assert "The article has no sentence" in texts(at)


def test_excerpts_filters_and_search_narrow_the_paragraphs() -> None:
    at = open_page("pages/excerpts.py", lang="en")
    total = len(at.html)
    at.text_input(key=state.EXCERPT_QUERY).set_value("Kuba").run()
    no_exception(at)
    assert "paragraphs match" in texts(at)
    shown = " ".join(h.proto.body for h in at.html)
    assert 'class="dm-hit"' in shown
    assert len(at.html) < total


def test_excerpts_filter_starts_on_the_focus_country() -> None:
    at = open_page("pages/excerpts.py", lang="en", country="CUB")
    assert at.multiselect(key=state.EXCERPT_COUNTRIES).value == ["CUB"]


def test_sentence_parameter_is_dropped_when_leaving_excerpts() -> None:
    at = open_page("pages/excerpts.py", lang="en", sentence="2")
    at.switch_page("pages/data.py").run()
    assert "sentence" not in at.query_params


def test_data_page_has_every_table_and_downloads() -> None:
    at = open_page("pages/data.py", lang="en")
    no_exception(at)
    assert len(at.dataframe) - len(at.data_editor) == 5
    assert all(len(frame.value) for frame in at.dataframe)
    labels = [button.proto.label for button in at.get("download_button")]
    assert "Download the analysis (JSON)" in labels
    assert sum("(CSV)" in label for label in labels) == 5
    assert "Paypza.com" in texts(at)


def test_alliances_page_draws_four_charts_with_readings() -> None:
    at = open_page("pages/alliances.py", lang="en")
    no_exception(at)
    assert len(at.get("vega_lite_chart")) == 4
    assert len(at.get("download_button")) == 8
    assert len(at.expander) == 4


MAP_TABLE = re.compile(r"<table\b.*?</table>", re.S)
HEADER_CELL = re.compile(r'<th scope="col"[^>]*>(.*?)</th>')
ROW_HEADER = re.compile(r'<th scope="row"[^>]*>(.*?)</th>')
CELL = re.compile(r"<t[hd]\b[^>]*>(.*?)</t[hd]>")
MAP_COLUMNS = (
    ("column.country", "column.mentions", "metric.ties", "column.camp"),
    ("column.source", "column.type", "column.target", "column.score", "column.evidence"),
)


def map_tables(at: AppTest) -> list[str]:
    """The HTML tables under the map, in page order."""
    return [table for block in at.html for table in MAP_TABLE.findall(block.value)]


def seed_analysis() -> Any:
    from diplomap.analysis import analyse
    from diplomap.reader import read_article

    return analyse(read_article(ROOT / "data" / "articles" / f"{SEED}.txt"))


@pytest.mark.parametrize(
    ("params", "types", "country"),
    [
        ({}, None, None),
        ({"types": "support"}, ["support"], None),
        ({"country": "RUS"}, None, "RUS"),
    ],
)
def test_map_page_draws_the_map_and_its_tables(
    params: dict[str, str], types: list[str] | None, country: str | None
) -> None:
    """The tables are plain HTML, not data grids: the page loads no grid script."""
    from diplomap.tables import country_rows, tie_rows

    at = open_page("pages/map.py", lang="en", **params)
    no_exception(at)
    assert len(at.get("deck_gl_json_chart")) == 1
    assert len(at.dataframe) == 0
    countries, ties = map_tables(at)
    analysis = seed_analysis()
    expected = tie_rows(analysis, "en", types, country)
    assert ROW_HEADER.findall(countries) == [r["name"] for r in country_rows(analysis, "en")]
    assert ROW_HEADER.findall(ties) == [r["source_name"] for r in expected]
    if params:
        assert 0 < len(expected) < len(analysis.ties)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_map_tables_are_headed_in_the_interface_language(lang: str) -> None:
    at = open_page("pages/map.py", lang=lang)
    no_exception(at)
    headers = [HEADER_CELL.findall(table) for table in map_tables(at)]
    assert headers == [[html.escape(t(key, lang)) for key in keys] for keys in MAP_COLUMNS]


def test_a_map_table_escapes_every_cell_and_heads_each_row() -> None:
    rows = [
        {"name": '<img src=x onerror="alert(1)">', "mentions": 3, "ties": 0, "camp": "A & B"},
        {"name": "Côte d'Ivoire", "mentions": 1, "ties": 2, "camp": ""},
    ]
    table = mapview.table_html(rows, mapview.COUNTRY_COLUMNS, "en", "Countries <all>")
    assert "<img" not in table
    assert "<caption>Countries &lt;all&gt;</caption>" in table
    cells = [CELL.findall(row) for row in re.findall(r"<tr>(.*?)</tr>", table)]
    assert cells == [
        ["Country", "Mentions", "Ties", "Camp"],
        ["&lt;img src=x onerror=&quot;alert(1)&quot;&gt;", "3", "0", "A &amp; B"],
        ["Côte d&#x27;Ivoire", "1", "2", ""],
    ]
    assert ROW_HEADER.findall(table) == [cells[1][0], cells[2][0]]
    assert table.count('class="dm-num"') == 2 * 3


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("page", ["pages/alliances.py", "pages/timeline.py"])
def test_every_table_header_is_in_the_interface_language(page: str, lang: str) -> None:
    at = open_page(page, lang=lang)
    no_exception(at)
    headers = [str(c) for frame in at.dataframe for c in frame.value.columns]
    known = {t(key, lang) for key in parts.COLUMN_KEYS.values()}
    assert len(headers) >= 4
    assert [h for h in headers if h.split(" (")[0] not in known] == []


READING_TIES = {"en": re.compile(r"of (\d+) ties"), "id": re.compile(r"dari (\d+) hubungan")}


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize(
    ("types", "left", "names"),
    [(None, 2, "NATO, OPEC"), ("support", 1, "OPEC"), ("talks", 0, "")],
)
def test_network_reading_counts_the_ties_with_organisations_it_leaves_out(
    lang: str, types: str | None, left: int, names: str
) -> None:
    params = {"lang": lang} | ({"types": types} if types else {})
    overview = open_page(PAGES[0], **params)
    total = int(metrics(overview)[t("metric.ties", lang)])
    at = open_page("pages/alliances.py", **params)
    no_exception(at)
    reading = next(c.value for c in at.caption if READING_TIES[lang].search(c.value))
    drawn = int(READING_TIES[lang].search(reading).group(1))
    table = t("dashboard.text_alternative", lang)
    if left:
        key = "chart.left_out_one" if left == 1 else "chart.left_out_many"
        assert reading.endswith(t(key, lang, count=left, names=names, table=table))
    else:
        assert table not in reading
    assert drawn + left == total == len(at.dataframe[0].value)


@pytest.mark.parametrize(
    ("lang", "headers"),
    [
        (
            "en",
            [
                "ISO code",
                "ISO2 code",
                "Country",
                "Mentions",
                "Ties",
                "Camp",
                "Latitude",
                "Longitude",
            ],
        ),
        (
            "id",
            ["Kode ISO", "Kode ISO2", "Negara", "Sebutan", "Hubungan", "Kubu", "Lintang", "Bujur"],
        ),
    ],
)
def test_data_page_heads_the_countries_in_the_interface_language(
    lang: str, headers: list[str]
) -> None:
    at = open_page("pages/data.py", lang=lang)
    no_exception(at)
    countries = at.dataframe[0].value
    assert list(countries.columns) == headers
    assert len(countries) == 8


DATA_TABS = ("countries", "actors", "mentions", "ties", "events")
DATA_HEADERS = {
    ("actors", "en"): ["Actor code", "Actor", "Kind", "Country code", "Country", "Mentions"],
    ("actors", "id"): ["Kode aktor", "Aktor", "Jenis", "Kode negara", "Negara", "Sebutan"],
    ("mentions", "en"): [
        "Start position",
        "End position",
        "Text",
        "Reference code",
        "Refers to",
        "Kind",
        "Country code",
        "Country",
        "Sentence",
        "Edited",
    ],
    ("mentions", "id"): [
        "Posisi awal",
        "Posisi akhir",
        "Teks",
        "Kode rujukan",
        "Merujuk pada",
        "Jenis",
        "Kode negara",
        "Negara",
        "Kalimat",
        "Diubah",
    ],
    ("ties", "en"): [
        "From",
        "To",
        "Type",
        "Cooperation or conflict",
        "Score",
        "One way",
        "Evidence",
        "Sentences",
        "Edited",
    ],
    ("ties", "id"): [
        "Dari",
        "Kepada",
        "Jenis hubungan",
        "Kerja sama atau konflik",
        "Skor",
        "Satu arah",
        "Bukti",
        "Kalimat",
        "Diubah",
    ],
    ("events", "en"): [
        "ISO date",
        "Precision",
        "Begins",
        "Ends before",
        "Date",
        "Sentence",
        "Country codes",
        "Countries",
        "Date as written",
        "Sentence text",
    ],
    ("events", "id"): [
        "Tanggal ISO",
        "Ketelitian",
        "Mulai",
        "Berakhir sebelum",
        "Tanggal",
        "Kalimat",
        "Kode negara",
        "Negara",
        "Tanggal dalam teks",
        "Teks kalimat",
    ],
}
RAW_COLUMNS = {
    "countries": "iso3,iso2,name,mentions,ties,camp,camp_name,lat,lon",
    "actors": "id,name,kind,country,country_name,mentions",
    "mentions": "start,end,text,actor,actor_name,kind,country,country_name,sentence,edited",
    "ties": "source,target,source_name,target_name,type,type_label,family,score,directed,"
    "evidence,sentences,edited",
    "events": "date,precision,begin,end,label,sentence,countries,country_names,text,sentence_text",
}


@pytest.mark.parametrize(("kind", "lang"), sorted(DATA_HEADERS))
def test_data_page_heads_every_table_in_the_interface_language(kind: str, lang: str) -> None:
    at = open_page("pages/data.py", lang=lang)
    no_exception(at)
    frame = at.dataframe[DATA_TABS.index(kind)].value
    assert list(frame.columns) == DATA_HEADERS[kind, lang]
    assert len(frame)


@pytest.mark.parametrize(
    ("lang", "camps"),
    [
        (
            "en",
            {"Venezuela": "Russia", "United States": "United States", "Ukraine": "United States"},
        ),
        (
            "id",
            {
                "Venezuela": "Rusia",
                "Amerika Serikat": "Amerika Serikat",
                "Ukraina": "Amerika Serikat",
            },
        ),
    ],
)
def test_data_page_names_each_country_s_camp_as_the_map_does(
    lang: str, camps: dict[str, str]
) -> None:
    at = open_page("pages/data.py", lang=lang)
    no_exception(at)
    countries = at.dataframe[0].value
    named = countries[t("column.country", lang)]
    shown = dict(zip(named, countries[t("column.camp", lang)], strict=True))
    assert {country: shown[country] for country in camps} == camps


def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, Callable[[], str]]:
    """File name to the callable that makes it, for every deferred download a run draws."""
    made: dict[str, Callable[[], str]] = {}
    add = MediaFileManager.add_deferred

    def record(manager: MediaFileManager, data: Any, *args: Any, **kwargs: Any) -> str:
        made[kwargs.get("file_name") or args[2]] = data
        return add(manager, data, *args, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return made


def data_csvs(monkeypatch: pytest.MonkeyPatch, lang: str) -> dict[str, str]:
    """Each Data tab's CSV download, by kind, as the page would hand it to a reader."""
    made = downloads(monkeypatch)
    no_exception(open_page("pages/data.py", lang=lang))
    return {kind: made[f"{SEED}-{kind}.csv"]() for kind in DATA_TABS}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_data_page_csv_downloads_keep_the_column_names_and_codes(
    monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    csvs = data_csvs(monkeypatch, lang)
    assert {kind: text.splitlines()[0] for kind, text in csvs.items()} == RAW_COLUMNS
    countries = pd.read_csv(io.StringIO(csvs["countries"]), index_col="iso3")
    assert countries.loc[["VEN", "USA", "UKR"], "camp"].tolist() == ["RUS", "USA", "USA"]


def data_tabs(lang: str) -> dict[str, pd.DataFrame]:
    """Each Data tab's table as the page shows it, by kind."""
    at = open_page("pages/data.py", lang=lang)
    no_exception(at)
    return {kind: at.dataframe[i].value for i, kind in enumerate(DATA_TABS)}


KINDS_EN = {"country", "person", "organisation", "company", "news outlet"}
KINDS_ID = {"negara", "tokoh", "organisasi", "perusahaan", "media berita"}
KIND_CODES = {"person", "organization", "company", "media"}
SOME_TYPES = {"talks", "sanction", "alliance", "attack"}


@pytest.mark.parametrize(
    ("lang", "column", "kind", "words", "codes"),
    [
        ("en", "column.kind", "actors", KINDS_EN - {"country"}, {"organization", "media"}),
        ("id", "column.kind", "actors", KINDS_ID - {"negara"}, KIND_CODES),
        ("en", "column.kind", "mentions", KINDS_EN, {"organization", "media"}),
        ("id", "column.kind", "mentions", KINDS_ID, KIND_CODES | {"country"}),
        ("id", "column.family", "ties", {"kerja sama", "konflik"}, {"cooperation", "conflict"}),
        ("id", "column.precision", "events", {"hari", "tahun"}, {"day", "year"}),
        ("id", "column.type", "ties", {"perundingan", "sanksi", "aliansi", "serangan"}, SOME_TYPES),
    ],
)
def test_data_page_words_the_codes_in_the_interface_language(
    lang: str, column: str, kind: str, words: set[str], codes: set[str]
) -> None:
    """Kinds, families, precisions and tie types in words."""
    shown = set(data_tabs(lang)[kind][t(column, lang)])
    assert words <= shown
    assert not shown & codes


@pytest.mark.parametrize(
    ("lang", "names", "codes"),
    [
        ("en", {"United States", "Russia"}, {"USA", "RUS"}),
        ("id", {"Amerika Serikat", "Rusia"}, {"USA", "RUS"}),
    ],
)
def test_data_page_ties_name_their_ends_and_sign_their_scores(
    lang: str, names: set[str], codes: set[str]
) -> None:
    """As on the Map page: names, not codes (the CSV keeps those), and scores as +3 and -7."""
    at = open_page("pages/data.py", lang=lang)
    grid = at.dataframe[DATA_TABS.index("ties")]
    ties = grid.value
    cells = set(ties.astype(str).to_numpy().ravel())
    assert names <= cells
    assert not cells & codes
    config = json.loads(grid.proto.columns)
    assert config[t("column.score", lang)]["type_config"]["format"] == "%+g"
    assert config[t("column.sentences", lang)]["width"] == "medium"


@pytest.mark.parametrize("lang", ["en", "id"])
def test_data_page_numbers_sentences_from_1_as_the_excerpts_page_does(lang: str) -> None:
    """Sentence n on the Data page is the sentence the Excerpts page numbers n."""
    analysis = seed_analysis()
    text = analysis.article.text
    sentences = {s.index + 1: s for s in analysis.sentences}
    tabs = data_tabs(lang)
    mentions, events, ties = tabs["mentions"], tabs["events"], tabs["ties"]
    numbers = mentions[t("column.sentence", lang)].tolist()
    starts = mentions[t("column.start_position", lang)].tolist()
    assert min(numbers) == 1
    assert all(
        sentences[n].start <= start < sentences[n].end
        for n, start in zip(numbers, starts, strict=True)
    )
    written = events[t("column.date_as_written", lang)]
    for n, date in zip(events[t("column.sentence", lang)], written, strict=True):
        assert date in text[sentences[n].start : sentences[n].end]
    expected = [sorted({e.sentence + 1 for e in tie.evidence}) for tie in analysis.ties]
    assert [list(numbers) for numbers in ties[t("column.sentences", lang)]] == expected


@pytest.mark.parametrize("lang", ["en", "id"])
def test_data_page_leaves_a_missing_value_blank(lang: str) -> None:
    tabs = data_tabs(lang)
    actors = tabs["actors"].set_index(t("column.actor_code", lang))
    assert actors.loc["NATO", t("column.country_code", lang)] == ""
    assert actors.loc["NATO", t("column.country", lang)] == ""
    assert {kind: int(frame.isna().sum().sum()) for kind, frame in tabs.items()} == dict.fromkeys(
        DATA_TABS, 0
    )


@pytest.mark.parametrize("lang", ["en", "id"])
def test_data_page_csv_downloads_keep_the_raw_values(
    monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """Codes as the JSON has them, sentences counted from 0, a missing value an empty field."""
    read = {
        kind: pd.read_csv(io.StringIO(text)) for kind, text in data_csvs(monkeypatch, lang).items()
    }
    actors = read["actors"].set_index("id")
    assert actors.loc[["NATO", "INTERFAX", "PUTIN"], "kind"].tolist() == [
        "organization",
        "media",
        "person",
    ]
    assert actors.loc[["NATO", "INTERFAX"], "country"].isna().all()
    analysis = seed_analysis()
    assert read["mentions"]["kind"].tolist() == [m.kind for m in analysis.mentions]
    assert read["mentions"]["sentence"].tolist() == [m.sentence for m in analysis.mentions]
    assert read["ties"]["family"].tolist() == [tie_family(tie.type) for tie in analysis.ties]
    assert read["ties"]["sentences"].tolist() == [
        str(sorted({e.sentence for e in tie.evidence})) for tie in analysis.ties
    ]
    assert read["events"]["precision"].tolist() == [e.precision for e in analysis.events]
    assert read["events"]["sentence"].tolist() == [e.sentence for e in analysis.events]


def long_article(folder: Path, count: int) -> str:
    """An article of count short sentences naming countries, on one line; its id."""
    said = (
        "Russia attacked Ukraine.",
        "The United States imposed sanctions on Russia.",
        "China and India held talks in Delhi.",
    )
    body = " ".join(said[i % len(said)] for i in range(count))
    (folder / "long.txt").write_text(f"{body}\n", encoding="utf-8")
    return "long"


def sentences_drawn(at: AppTest) -> set[int]:
    """The sentence numbers (from 0) the Excerpts page sent as HTML."""
    return {int(i) for h in at.html for i in re.findall(r'data-sentence="(\d+)"', h.proto.body)}


@pytest.mark.parametrize(
    ("lang", "total", "last_first"), [("en", "1,050", "1,001"), ("id", "1.050", "1.001")]
)
def test_a_long_article_counts_its_sentences_and_turns_its_parts_below(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, total: str, last_first: str
) -> None:
    monkeypatch.setenv(articles.ARTICLES_ENV, str(tmp_path))
    size = excerptview.PAGE_SENTENCES
    at = open_page("pages/excerpts.py", article=long_article(tmp_path, 1050), lang=lang)
    no_exception(at)
    showing = t("excerpt.showing", lang, count=size, total=total, first=1, last=size)
    assert showing in texts(at)
    assert [b.key for b in at.button] == [excerptview.NEXT_PAGE]
    assert at.button[0].label == t("excerpt.next_part", lang, first=size + 1, last=size * 2)

    at.button(key=excerptview.NEXT_PAGE).click().run()
    no_exception(at)
    assert at.selectbox(key=excerptview.PAGE).value == 1
    assert sentences_drawn(at) == set(range(size, size * 2))
    assert f"st-key-{excerptview.PAGE}" in " ".join(h.proto.body for h in at.html)
    assert [b.key for b in at.button] == [excerptview.PREVIOUS_PAGE, excerptview.NEXT_PAGE]

    at.selectbox(key=excerptview.PAGE).set_value(5).run()
    assert [b.key for b in at.button] == [excerptview.PREVIOUS_PAGE]
    assert f"st-key-{excerptview.PAGE}" not in " ".join(h.proto.body for h in at.html)
    last_part = t("excerpt.part_option", lang, first=last_first, last=total)
    assert at.selectbox(key=excerptview.PAGE).options[-1] == last_part
    at.button(key=excerptview.PREVIOUS_PAGE).click().run()
    assert at.selectbox(key=excerptview.PAGE).value == 4
    assert sentences_drawn(at) == set(range(size * 4, size * 5))


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (7, "en", "7"),
        (999, "id", "999"),
        (1234, "en", "1,234"),
        (1234, "id", "1.234"),
        (1234567, "id", "1.234.567"),
    ],
)
def test_number_groups_digits_the_interface_language_way(
    value: int, lang: str, expected: str
) -> None:
    assert parts.number(value, lang) == expected


HEAVY = ("pydeck", "altair", "pandas", "pyarrow", "numpy", "networkx", "vl_convert")
IMPORTS_AFTER_RUN = """
import sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file("dashboard.py", default_timeout=60)
at.query_params["lang"] = "en"
at.run()
if sys.argv[1] != "pages/overview.py":
    at.switch_page(sys.argv[1]).run()
assert not at.exception, at.exception
print(" ".join(sorted(m for m in sys.argv[2:] if m in sys.modules)))
"""


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("pages/overview.py", ""),
        ("pages/map.py", "numpy pandas pyarrow pydeck"),
        ("pages/alliances.py", "altair networkx numpy pandas pyarrow"),
    ],
)
def test_a_page_imports_only_the_libraries_it_draws_with(page: str, expected: str) -> None:
    """In a fresh process, as a server's first reader: each import costs that reader time."""
    run = subprocess.run(
        [sys.executable, "-c", IMPORTS_AFTER_RUN, page, *HEAVY],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert run.stdout.strip() == expected


def test_imports_are_frozen_once_after_the_run_that_made_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    collector.freeze_imports()
    assert not collector.freeze_imports()
    (tmp_path / "dm_fresh_module.py").write_text("TABLE = {'a': [1, 2]}\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    frozen = gc.get_freeze_count()
    module = importlib.import_module("dm_fresh_module")
    try:
        assert collector.freeze_imports()
        assert gc.get_freeze_count() > frozen
        assert not collector.freeze_imports()
        assert module.TABLE == {"a": [1, 2]}
    finally:
        del sys.modules["dm_fresh_module"]


def test_timeline_page_lists_events_with_links() -> None:
    at = open_page("pages/timeline.py", lang="en")
    no_exception(at)
    assert len(at.get("vega_lite_chart")) == 1
    assert len(at.get("page_link")) >= 3


def test_timeline_table_names_precision_in_the_interface_language() -> None:
    lang = "id"
    at = open_page("pages/timeline.py", lang=lang)
    no_exception(at)
    (frame,) = [f.value for f in at.dataframe]
    shown = set(frame[t("column.precision", lang)])
    assert shown
    assert shown <= {t(f"precision.{p}", lang) for p in ("day", "month", "year")}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ()),
        ("", ()),
        ("sanction", ("sanction",)),
        ("attack, SANCTION", ("sanction", "attack")),
        ("bogus", ()),
        (",".join(TIE_TYPES), TIE_TYPES),
    ],
)
def test_parse_types(raw: str | None, expected: tuple[str, ...]) -> None:
    assert state.parse_types(raw) == expected


@pytest.mark.parametrize(
    ("types", "expected"),
    [
        ((), None),
        (TIE_TYPES, None),
        (("attack", "talks"), "talks,attack"),
    ],
)
def test_types_param(types: tuple[str, ...], expected: str | None) -> None:
    assert state.types_param(types) == expected


@pytest.mark.parametrize(
    ("raw", "expected"), [("en", "en"), ("ID", "id"), ("fr", None), (None, None), ("", None)]
)
def test_parse_lang(raw: str | None, expected: str | None) -> None:
    assert state.parse_lang(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("ven", "VEN"), (" USA ", "USA"), ("US", None), ("V3N", None), (None, None)],
)
def test_parse_country(raw: str | None, expected: str | None) -> None:
    assert state.parse_country(raw) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("a", "id", "id", TIE_TYPES, None), {"article": "a"}),
        (("a", "en", "id", TIE_TYPES, None), {"article": "a", "lang": "en"}),
        (
            ("a", "id", "id", ("attack",), "RUS"),
            {"article": "a", "types": "attack", "country": "RUS"},
        ),
        ((None, "en", None, (), None), {}),
    ],
)
def test_shared_params_leave_out_defaults(args: tuple, expected: dict[str, str]) -> None:
    assert state.shared_params(*args) == expected


SHAPE = {"properties": {"iso3": "RUS", "name": "Russia"}, "geometry": {}}
LABEL = {"iso3": "VEN", "name": "Venezuela"}
ARC = {"source": "USA", "target": "VEN", "name": "x"}


@pytest.mark.parametrize(
    ("selection", "current", "expected"),
    [
        (
            {"selection": {"indices": {"countries": [3]}, "objects": {"countries": [SHAPE]}}},
            None,
            "RUS",
        ),
        ({"indices": {"labels": [0]}, "objects": {"labels": [LABEL]}}, "RUS", "VEN"),
        ({"selection": {"indices": {}, "objects": {}}}, "RUS", "RUS"),
        ({"selection": {"indices": {}, "objects": {}}}, None, None),
        ({"selection": {"indices": {"ties": [0]}, "objects": {"ties": [ARC]}}}, "RUS", "RUS"),
        (
            {"selection": {"objects": {"countries": [{"properties": {"iso3": "FRA"}}]}}},
            "RUS",
            "RUS",
        ),
        (None, "VEN", "VEN"),
        ("garbage", "VEN", "VEN"),
        ({"selection": {"objects": {"countries": ["not a dict"]}}}, "VEN", "VEN"),
    ],
)
def test_focus_from_map_selection(
    selection: object, current: str | None, expected: str | None
) -> None:
    countries = ["RUS", "VEN", "USA"]
    assert state.focus_from_selection(selection, countries, current) == expected  # type: ignore[arg-type]


def write(folder: Path, name: str, text: str = "Title\n\nBody.\n") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_listing_takes_article_files_only_and_never_leaves_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    outside = write(tmp_path, "secret.txt", "Secret\n\nroot:x:0:0\n")
    write(folder, "b.txt", "Bee\n\nText.\n")
    write(folder, "a.md", "# Title\n\nBody.\n")
    write(folder, "notes.csv")
    write(folder, ".hidden.txt")
    (folder / "sub.txt").mkdir()
    os.symlink(outside, folder / "link.txt")
    os.symlink(folder / "b.txt", folder / "alias.txt")
    entries = articles.list_articles(folder)
    assert [e.name for e in entries] == ["a.md", "alias.txt", "b.txt"]
    assert [e.title for e in entries] == ["Title", "Bee", "Bee"]


def test_listing_keeps_ids_unique_when_stems_collide(tmp_path: Path) -> None:
    write(tmp_path, "x.txt")
    write(tmp_path, "x.md")
    write(tmp_path, "y.json", '{"body": "Text."}')
    assert [e.id for e in articles.list_articles(tmp_path)] == ["x.md", "x.txt", "y"]


def test_listing_marks_unreadable_files_and_reads_edits(tmp_path: Path) -> None:
    path = write(tmp_path, "z.txt", "")
    (entry,) = articles.list_articles(tmp_path)
    assert not entry.readable
    path.write_text("Now a title\n\nAnd a body.\n", encoding="utf-8")
    os.utime(path, ns=(1, 1))
    (entry,) = articles.list_articles(tmp_path)
    assert entry.readable
    assert entry.title == "Now a title"


def test_missing_folder_lists_nothing(tmp_path: Path) -> None:
    assert articles.list_articles(tmp_path / "nope") == ()


@pytest.mark.parametrize(
    ("asked", "problem"),
    [
        (None, None),
        ("", None),
        ("b", None),
        ("missing", "missing_article"),
        ("../b", "outside_data"),
        ("..", "outside_data"),
        ("%2e%2e%2fb", "outside_data"),
        ("a\\b", "outside_data"),
        ("b.txt", "missing_article"),
    ],
)
def test_resolve_opens_listed_ids_only(
    tmp_path: Path, asked: str | None, problem: str | None
) -> None:
    write(tmp_path, "a.txt")
    write(tmp_path, "b.txt")
    entries = articles.list_articles(tmp_path)
    found = articles.resolve(entries, asked)
    assert found.problem == problem
    if problem is None:
        assert found.entry is not None
        assert found.entry.id == (asked or "a")
    else:
        assert found.entry is None


def test_the_seed_article_is_listed_first(tmp_path: Path) -> None:
    write(tmp_path, "a.txt")
    write(tmp_path, f"{articles.PREFERRED_DEFAULT}.txt")
    entries = articles.list_articles(tmp_path)
    assert entries[0].id == articles.PREFERRED_DEFAULT
    assert articles.default_entry(entries) == entries[0]


def test_shown_id_is_printable_and_short() -> None:
    assert articles.shown_id("a\x00b\nc") == "a?b?c"
    assert len(articles.shown_id("x" * 500)) == articles.MAX_SHOWN_ID


@pytest.mark.parametrize(
    ("raw", "count", "expected"),
    [
        ("3", 10, 3),
        (" 0 ", 10, 0),
        ("10", 10, None),
        ("-1", 10, None),
        ("x", 10, None),
        (None, 10, None),
    ],
)
def test_target_sentence(raw: str | None, count: int, expected: int | None) -> None:
    assert excerptview.target_sentence(raw, count) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("metadata", ("metadata", "")),
        ("set by the user", ("user", "")),
        (
            "inferred: 'Sabtu, 5 Maret' is a Saturday in 2022",
            ("inferred", "'Sabtu, 5 Maret' is a Saturday in 2022"),
        ),
        ("unknown: the text gives no year", ("unknown", "the text gives no year")),
        ("none", ("none", "")),
        ("something new", ("none", "")),
    ],
)
def test_date_how(source: str, expected: tuple[str, str]) -> None:
    assert story.date_how(source) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words", "plain words"),
        ("*bold* [link](javascript:x)", "\\*bold\\* \\[link\\]\\(javascript\\:x\\)"),
        ("<script>", "\\<script\\>"),
        ("$x$ :red[y]", "\\$x\\$ \\:red\\[y\\]"),
        ("two\nlines", "two lines"),
    ],
)
def test_plain_makes_text_literal(text: str, expected: str) -> None:
    assert parts.plain(text) == expected


def test_main_ties_prefer_more_evidence_then_stronger_scores() -> None:
    def tie(source: str, target: str, kind: str, evidence: int) -> Tie:
        return Tie(source, target, kind, True, tuple(object() for _ in range(evidence)))  # type: ignore[misc]

    ties = [tie("A", "B", "talks", 1), tie("A", "C", "attack", 1), tie("B", "C", "support", 3)]
    ranked = parts.main_ties(ties, limit=2)
    assert [(t.source, t.target) for t in ranked] == [("B", "C"), ("A", "C")]


def spec_of(shapes: list, arcs: list, labels: list) -> maps.MapSpec:
    """A map spec with just what svgmap reads: layers with ids and data."""
    return maps.MapSpec(
        (
            maps.MapLayer(
                "GeoJsonLayer", "countries", {"type": "FeatureCollection", "features": shapes}
            ),
            maps.MapLayer("ArcLayer", "ties", arcs),
            maps.MapLayer("TextLayer", "labels", labels),
        ),
        {"latitude": 0.0, "longitude": 0.0, "zoom": 1.0},
    )


def square(iso3: str, lon: float, lat: float, fill: list[int], name: str = "") -> dict:
    ring = [[lon, lat], [lon + 5, lat], [lon + 5, lat + 5], [lon, lat + 5], [lon, lat]]
    return {
        "type": "Feature",
        "geometry": {"type": "Polygon", "coordinates": [ring]},
        "properties": {"iso3": iso3, "name": name or iso3, "fill": fill, "tip": "tip"},
    }


def test_projection_puts_the_view_centre_in_the_middle_and_repeats_the_world() -> None:
    project = svgmap.Projection(10.0, 20.0, 1.0, 800, 400)
    assert project(10.0, 20.0) == pytest.approx((400.0, 200.0))
    x, _ = project(-170.0, 0.0)
    assert project(190.0, 0.0)[0] == pytest.approx(x + project.size)
    assert project.near(200.0, 0.0)[0] == pytest.approx(project.near(-160.0, 0.0)[0])
    assert project(0.0, 89.9)[1] == project(0.0, 85.0)[1]


@pytest.mark.parametrize(
    ("rgba", "expected"),
    [
        ([0, 114, 178, 255], ("#0072b2", 1.0)),
        ([213, 94, 0, 0], ("#d55e00", 0.0)),
        ([1, 2, 3], ("#010203", 1.0)),
    ],
)
def test_colour(rgba: list[int], expected: tuple[str, float]) -> None:
    assert svgmap.colour(rgba) == expected


@pytest.mark.parametrize(
    ("geometry", "count"),
    [
        ({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 1]]]}, 1),
        (
            {
                "type": "MultiPolygon",
                "coordinates": [[[[0, 0], [1, 0], [0, 1]]], [[[2, 2], [3, 2], [2, 3]]]],
            },
            2,
        ),
        ({"type": "Point", "coordinates": [0, 0]}, 0),
        ({}, 0),
    ],
)
def test_rings(geometry: dict, count: int) -> None:
    assert len(svgmap.rings(geometry)) == count


def test_shape_path_is_relative_and_empty_out_of_view() -> None:
    project = svgmap.Projection(0.0, 0.0, 2.0, 400, 200)
    inside = svgmap.shape_path(square("A", 0, 0, [0, 0, 0])["geometry"], project)
    assert inside.startswith("M")
    assert "l" in inside
    assert inside.endswith("z")
    assert svgmap.shape_path(square("B", 0, 80, [0, 0, 0])["geometry"], project) == ""


def test_deck_svg_draws_countries_arcs_and_escaped_names() -> None:
    deck = spec_of(
        shapes=[
            square("AAA", -20, 0, [0, 158, 115, 215]),
            square("BBB", 20, 0, [204, 121, 167, 215]),
        ],
        arcs=[
            {
                "name": "A – B",
                "tip": "conflict: attack",
                "family": "conflict",
                "source_position": [-17, 2],
                "target_position": [22, 2],
                "colour": [213, 94, 0, 220],
                "width": 4.0,
                "tilt": 0,
            }
        ],
        labels=[
            {"iso3": "AAA", "name": "<b>A&A</b>", "tip": "", "position": [-17, 2]},
            {"iso3": "BBB", "name": "Bee", "tip": "", "position": [22, 2]},
        ],
    )
    svg = svgmap.deck_svg(deck, label='Map "x"')
    assert svg.startswith("<svg")
    assert svg.endswith("</svg>")
    assert 'aria-label="Map &quot;x&quot;"' in svg
    assert svg.count('fill="#009e73"') == 1
    assert 'stroke="#d55e00"' in svg
    assert "stroke-dasharray" in svg
    assert "&lt;b&gt;A&amp;A&lt;/b&gt;" in svg
    assert "<b>" not in svg


def test_countries_outside_the_story_share_one_path_without_a_tooltip() -> None:
    grey = [228, 228, 228, 255]
    quiet = [
        {**f, "properties": {**f["properties"], "tip": ""}}
        for f in (square("AAA", -20, 0, grey, "Aland"), square("BBB", 0, 0, grey, "Beland"))
    ]
    story = square("CCC", 20, 0, [0, 158, 115, 215])
    svg = svgmap.deck_svg(spec_of([*quiet, story], [], []), label="m")
    shapes = svg.split("<path")[1:]
    assert len(shapes) == 2
    assert shapes[0].count("M") == 2
    assert "<title>" not in shapes[0]
    assert "Aland" not in svg
    assert "<title>CCC" in shapes[1]


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        (1, [(0, 0), (1, 0), (2, 0), (3, 1)]),
        (2, [(0, 0), (2, 0)]),
        (5, [(0, 0)]),
    ],
)
def test_thin_drops_points_closer_than_a_step(step: int, expected: list) -> None:
    points = [(0, 0), (1, 0), (2, 0), (3, 1), (3, 1)]
    assert svgmap._thin(points, step) == expected


def test_seed_map_names_its_eight_countries_and_draws_its_ties() -> None:
    from diplomap import maps
    from diplomap.analysis import analyse
    from diplomap.reader import read_article

    analysis = analyse(read_article(ROOT / "data" / "articles" / f"{SEED}.txt"))
    spec = maps.ties_map(analysis, lang="en")
    svg = svgmap.deck_svg(spec, label="map")
    for name in (
        "Venezuela",
        "United States",
        "Russia",
        "Ukraine",
        "Cuba",
        "China",
        "Iran",
        "Nicaragua",
    ):
        assert f">{name}</text>" in svg
    arcs = next(layer.data for layer in spec.layers if layer.id == "ties")
    assert svg.count('stroke-linecap="round"') == len(arcs)
    assert len(svg) < 150_000


def test_only_the_story_countries_answer_clicks_on_the_map() -> None:
    from diplomap import maps
    from diplomap.analysis import analyse
    from diplomap.reader import read_article
    from ui.mapview import story_pickable

    analysis = analyse(read_article(ROOT / "data" / "articles" / f"{SEED}.txt"))
    spec = maps.ties_map(analysis, lang="en")
    involved = {c.iso3 for c in analysis.countries}
    picked = story_pickable(spec, involved)
    layers = {layer.id: layer for layer in picked.layers}
    assert list(layers) == ["countries-backdrop", "countries", "borders", "ties", "labels"]
    assert not layers["countries-backdrop"].props["pickable"]
    assert layers["countries"].props["pickable"]
    story = {f["properties"]["iso3"] for f in layers["countries"].data["features"]}
    rest = layers["countries-backdrop"].data["features"]
    assert story == involved
    assert all(set(f["properties"]) == {"fill"} for f in rest)
    assert len(layers["countries"].data["features"]) + len(rest) == len(maps.load_shapes())
    assert [layer.id for layer in spec.layers] == ["countries", "borders", "ties", "labels"]
