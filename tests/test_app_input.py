"""Readers' own articles in the dashboard: drop-in files, uploads, corrections, hostile input.

Every test builds its own articles folder and points $DIPLOMAP_ARTICLES at it.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from diplomap.analysis import analyse
from diplomap.corrections import read_corrections
from diplomap.gazetteer import load_gazetteer
from diplomap.i18n import t
from diplomap.model import Analysis, Tie
from diplomap.reader import read_bytes
from ui import articles, editor, excerptview, state, uploads

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard.py")
PAGES = (
    "pages/overview.py",
    "pages/map.py",
    "pages/alliances.py",
    "pages/excerpts.py",
    "pages/timeline.py",
    "pages/data.py",
)
TIMEOUT = 60
GOOD = "a-good"
GOOD_TEXT = (
    "Russia attacks Ukraine; the US sanctions Russia\n\n"
    "MOSCOW – Russia attacked Ukraine on Thursday, 24 February 2022.\n\n"
    "The United States imposed sanctions on Russia. Poland sent aid to Ukraine.\n\n"
    "China and India held talks in Delhi.\n"
)
HOSTILE = (
    '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> '
    "[click](javascript:window.__pwned=3) **bold** $x^2$ \\(\\frac{a}{b}\\) :red[red] # hash"
)
CORRECTIONS = """\
ties:
  add:
    - {source: POL, target: RUS, type: accusation, sentence: 3, cue: sanctions}
  change:
    - {source: USA, target: RUS, type: sanction, to: threat}
notes:
  - {sentence: 3, text: "Only one <b>source</b> confirms this."}
"""


def app(**params: str) -> AppTest:
    """A fresh reader of the dashboard at an address with these parameters."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update({"lang": "en", **params})
    return at


def open_page(page: str, **params: str) -> AppTest:
    """A reader who opens a page's address, as from a shared link."""
    at = app(**params).run()
    if page == PAGES[0]:
        return at
    return at.switch_page(page).run()


def texts(at: AppTest) -> str:
    """Everything the page writes as Markdown or text, with Markdown escapes removed."""
    found = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error"):
        found += [str(element.value) for element in getattr(at, kind)]
    return "\n".join(found).replace("\\", "")


def raw_markdown(at: AppTest) -> list[str]:
    """Every Markdown source the page sent that may not hold HTML, escapes and all."""
    kinds = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error")
    found = [element for kind in kinds for element in getattr(at, kind)]
    return [str(e.value) for e in found if not getattr(e.proto, "allow_html", False)]


def html_blocks(at: AppTest) -> list[str]:
    """Everything the page sent as HTML: st.html bodies and Markdown allowed to hold HTML."""
    blocks = [node.proto.body for node in at.get("html")]
    blocks += [m.value for m in at.markdown if m.proto.allow_html]
    return blocks


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def picker(at: AppTest) -> list[str]:
    return list(at.sidebar.selectbox(key=state.ARTICLE).options)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An articles folder holding one good article, read by the app instead of data/articles."""
    path = tmp_path / "articles"
    path.mkdir()
    (path / f"{GOOD}.txt").write_text(GOOD_TEXT, encoding="utf-8")
    monkeypatch.setenv(articles.ARTICLES_ENV, str(path))
    monkeypatch.delenv("DIPLOMAP_MAX_BYTES", raising=False)
    return path


BAD_FILES = [
    ("empty.txt", b"", "the file is empty"),
    ("blank.txt", b"  \n\t\n   \n", "only whitespace"),
    ("binary.txt", bytes(range(256)) * 8, "not a text file"),
    ("latin1.txt", "Café in Paris\n\nFrance signed a deal.\n".encode("latin-1"), "not UTF-8"),
    ("broken.json", b'{"title": "x", "body": ', "malformed JSON"),
    ("types.json", b'{"title": 5, "body": ["a", "b"]}', 'field "title" must be'),
    ("front.md", b"---\ntitle: [unclosed\n---\n\nRussia attacked Ukraine.\n", "front matter"),
    ("huge.txt", b"Huge\n\n" + b"Russia attacked Ukraine. " * 80_001, "too large"),
]


@pytest.mark.parametrize(("name", "data", "problem"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_bad_file_gets_one_clear_message_and_the_others_still_work(
    folder: Path, name: str, data: bytes, problem: str
) -> None:
    (folder / name).write_bytes(data)
    article_id = Path(name).stem
    at = app(article=article_id).run()
    no_exception(at)
    assert len(at.error) == 1
    message = at.error[0].value.replace("\\", "")
    assert t("dashboard.unreadable_title", "en") in message
    assert name in message
    assert problem in message
    assert t("dashboard.unreadable_hint", "en") in texts(at)
    assert t("dashboard.unreadable_mark", "en", title=name) in picker(at)
    at.sidebar.selectbox(key=state.ARTICLE).set_value(GOOD).run()
    no_exception(at)
    assert not at.error
    assert metrics(at)["Countries"] == "6"


@pytest.mark.parametrize("page", PAGES)
def test_a_bad_file_breaks_no_page(folder: Path, page: str) -> None:
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    at = open_page(page, article="binary")
    no_exception(at)
    assert "not a text file" in texts(at)


def test_utf16_with_a_byte_order_mark_is_read(folder: Path) -> None:
    (folder / "wide.txt").write_bytes(GOOD_TEXT.replace("Russia attacks", "Wide:").encode("utf-16"))
    at = app(article="wide").run()
    no_exception(at)
    assert not at.error
    assert metrics(at)["Countries"] == "6"
    assert "Wide:" in picker(at)[1]


@pytest.mark.parametrize("page", [PAGES[0], "pages/excerpts.py", "pages/data.py"])
def test_a_one_and_a_half_megabyte_single_line_is_read(folder: Path, page: str) -> None:
    words = b"Lorem ipsum dolor sit amet, consectetur adipiscing elit "
    (folder / "line.txt").write_bytes(words * (1_500_000 // len(words)))
    at = open_page(page, article="line")
    no_exception(at)
    assert not at.error
    assert "line" in picker(at)
    if page == PAGES[0]:
        assert t("empty.no_countries", "en") in texts(at)


def test_a_run_on_headline_is_cut_short_where_it_is_shown(folder: Path) -> None:
    (folder / "long.txt").write_text("Headline " * 2000 + "\n\nRussia attacked Ukraine.\n")
    at = app(article="long").run()
    no_exception(at)
    title = next(label for label in picker(at) if label.startswith("Headline"))
    assert len(title) == articles.MAX_TITLE
    assert title.endswith("…")
    assert max(len(text) for text in raw_markdown(at)) < 1000


def test_an_article_that_names_no_country_says_so(folder: Path) -> None:
    (folder / "bakery.txt").write_text("Bakery wins a prize\n\nThe village bakery won.\n")
    at = app(article="bakery").run()
    no_exception(at)
    assert t("empty.no_countries", "en") in texts(at)
    assert metrics(at)["Countries"] == "0"


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("fmt", ["txt", "md", "json"])
def test_markup_in_an_article_is_shown_as_text_on_every_page(
    folder: Path, page: str, fmt: str
) -> None:
    title = f"Headline {HOSTILE}"
    body = f"Russia attacked Ukraine. {HOSTILE}\n\nThe United States imposed sanctions on Russia."
    content = {
        "txt": f"{title}\n\n{body}\n",
        "md": f"---\ntitle: {json.dumps(title)}\nsource: {json.dumps(HOSTILE)}\n---\n\n{body}\n",
        "json": json.dumps({"title": title, "body": body, "source": HOSTILE}),
    }[fmt]
    (folder / f"hostile.{fmt}").write_text(content, encoding="utf-8")
    at = open_page(page, article="hostile")
    no_exception(at)
    assert not at.error
    for block in html_blocks(at):
        lowered = block.lower()
        assert "<script" not in lowered
        assert "<img" not in lowered
        assert 'href="javascript' not in lowered
    for source in raw_markdown(at):
        assert "<script>" not in source
        assert "](javascript" not in source
        assert "**bold**" not in source
        assert "$x^2$" not in source
    if page in ("pages/overview.py", "pages/data.py"):
        assert "<script>window.__pwned=1</script>" in texts(at)
    if page == "pages/excerpts.py":
        assert any(HOSTILE in html.unescape(block) for block in html_blocks(at))


def test_markup_in_a_headline_stays_text_in_the_picker(folder: Path) -> None:
    (folder / "hostile.txt").write_text(f"{HOSTILE}\n\nRussia attacked Ukraine.\n")
    at = app(article="hostile").run()
    assert picker(at)[1] == HOSTILE


@pytest.mark.parametrize(
    "asked",
    [
        "missing",
        "../a-good",
        "../../etc/passwd",
        "..%2F..%2Fetc%2Fpasswd",
        "%2e%2e%2fetc%2fpasswd",
        "%252e%252e%252fetc%252fpasswd",
        "/etc/passwd",
        "C:\\Windows\\win.ini",
        "a-good.txt",
        "upload:a-good",
        "upload:../../etc/passwd",
        "a\x00b",
    ],
)
def test_an_address_names_only_listed_articles(folder: Path, asked: str) -> None:
    at = app(article=asked).run()
    no_exception(at)
    warnings = " ".join(w.value for w in at.warning).replace("\\", "")
    assert articles.shown_id(asked).replace("\\", "") in warnings
    keys = ("error.missing_article", "error.outside_data", "error.upload_elsewhere")
    assert any(t(key, "en", id="", path="").split("“")[0] in warnings for key in keys)
    assert "root:" not in texts(at)
    assert at.query_params["article"] == GOOD
    assert metrics(at)["Countries"] == "6"


def test_an_upload_from_another_session_is_named_as_such(folder: Path) -> None:
    at = app(article="upload:story").run()
    warnings = " ".join(w.value for w in at.warning).replace("\\", "")
    assert t("error.upload_elsewhere", "en", id="upload:story") in warnings


def test_a_dropped_in_file_of_each_format_appears_on_the_next_run(folder: Path) -> None:
    at = app().run()
    assert len(picker(at)) == 1
    for name in ("norway-kenya-energy.txt", "selat-malaka-patroli.md", "brazil-mediation.json"):
        target = folder / f"ex-{Path(name).suffix[1:]}{Path(name).suffix}"
        target.write_bytes((ROOT / "data" / "examples" / name).read_bytes())
    at.run()
    no_exception(at)
    assert len(picker(at)) == 4
    for article_id in ("ex-txt", "ex-md", "ex-json"):
        at.sidebar.selectbox(key=state.ARTICLE).set_value(article_id).run()
        no_exception(at)
        assert not at.error
        assert int(metrics(at)["Countries"]) >= 4


def test_editing_a_file_shows_the_new_analysis(folder: Path) -> None:
    at = app(article=GOOD).run()
    assert metrics(at)["Countries"] == "6"
    path = folder / f"{GOOD}.txt"
    path.write_text(GOOD_TEXT + "\nJapan and Brazil signed a trade deal.\n", encoding="utf-8")
    at.run()
    assert metrics(at)["Countries"] == "8"


def test_a_corrections_file_is_applied_marked_and_its_notes_shown(folder: Path) -> None:
    (folder / f"{GOOD}.corrections.yaml").write_text(CORRECTIONS, encoding="utf-8")
    at = app(article=GOOD).run()
    no_exception(at)
    assert t("corrections.applied", "en", file=f"{GOOD}.corrections.yaml") in texts(at)
    assert len(picker(at)) == 1
    at.switch_page("pages/data.py").run()
    ties = next(d.value for d in at.dataframe if "edited" in d.value and "type" in d.value)
    keys = zip(ties["source"], ties["target"], ties["type"], strict=True)
    marks = dict(zip(keys, ties["edited"], strict=True))
    assert marks[("POL", "RUS", "accusation")] == t("corrections.mark.added", "en")
    assert marks[("USA", "RUS", "threat")] == t("corrections.mark.retyped", "en")
    assert marks[("RUS", "UKR", "attack")] == ""
    at.switch_page("pages/excerpts.py").run()
    no_exception(at)
    notes = [m.value for m in at.markdown if t("corrections.note", "en", number=3) in m.value]
    assert len(notes) == 1
    assert "\\<b\\>source\\</b\\>" in notes[0]
    assert any(":violet-badge[" in m.value for m in at.markdown)
    assert '.dm-sent[data-sentence="2"]' in "".join(html_blocks(at))


def test_editing_the_corrections_file_shows_the_new_result(folder: Path) -> None:
    fixes = folder / f"{GOOD}.corrections.yaml"
    fixes.write_text("ties:\n  remove:\n    - {source: RUS, target: UKR}\n", encoding="utf-8")
    at = app(article=GOOD).run()
    ties_before = metrics(at)["Ties"]
    fixes.write_text("notes:\n  - {sentence: 1, text: A note.}\n", encoding="utf-8")
    at.run()
    assert int(metrics(at)["Ties"]) == int(ties_before) + 1


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ("ties:\n  add:\n    - {source: USA, target: RUS, type: thret}\n", "line 3"),
        ("notes:\n  - {sentence: 99, text: x}\n", "notes[0].sentence"),
        ("ties: [unclosed\n", "line"),
        ("aliases:\n  Moskva: NOWHERE\n", "aliases"),
        ("\x00\x01binary", "corrections.yaml"),
    ],
)
@pytest.mark.parametrize("page", [PAGES[0], "pages/excerpts.py"])
def test_a_broken_corrections_file_is_reported_and_the_article_shown_uncorrected(
    folder: Path, content: str, where: str, page: str
) -> None:
    clean = open_page(page, article=GOOD)
    (folder / f"{GOOD}.corrections.yaml").write_text(content, encoding="utf-8")
    at = open_page(page, article=GOOD)
    no_exception(at)
    assert not at.error
    warnings = " ".join(w.value for w in at.warning).replace("\\", "")
    assert t("corrections.broken_title", "en") in warnings
    assert f"{GOOD}.corrections.yaml" in warnings
    assert where in warnings
    assert t("corrections.broken_hint", "en") in texts(at)
    assert metrics(at) == metrics(clean)


def test_a_corrections_file_linked_from_outside_the_folder_is_ignored(
    folder: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("ties:\n  remove:\n    - {source: RUS, target: UKR}\n", encoding="utf-8")
    (folder / f"{GOOD}.corrections.yaml").symlink_to(outside)
    at = app(article=GOOD).run()
    no_exception(at)
    assert "corrections" not in texts(at).lower()


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    """A reader drops a file onto the sidebar's uploader."""
    at.sidebar.file_uploader(key=uploads.UPLOAD).set_value((name, data, "text/plain"))
    return at.run()


def test_an_upload_becomes_the_article_for_that_reader_only(folder: Path) -> None:
    before = sorted(os.listdir(folder))
    at = upload(
        app().run(), "my story.txt", GOOD_TEXT.replace("Russia attacks", "Upload:").encode()
    )
    no_exception(at)
    assert at.query_params["article"] == "upload:my story"
    assert metrics(at)["Countries"] == "6"
    assert t("upload.mark", "en", title="Upload: Ukraine; the US sanctions Russia") in picker(at)
    assert any(b.proto.label == t("download.json", "en") for b in at.sidebar.get("download_button"))
    assert t("upload.session_only", "en", name="my story.txt") in texts(at)
    at.switch_page("pages/data.py").run()
    no_exception(at)
    assert at.query_params["article"] == "upload:my story"
    assert sorted(os.listdir(folder)) == before
    other = app(article="upload:my story").run()
    assert metrics(other)["Countries"] == "6"
    assert other.query_params["article"] == GOOD
    assert t("error.upload_elsewhere", "en", id="upload:my story") in " ".join(
        w.value for w in other.warning
    ).replace("\\", "")


def test_an_upload_named_like_a_bundled_file_never_replaces_it(folder: Path) -> None:
    at = upload(app().run(), f"{GOOD}.txt", b"Other\n\nChina and Japan held talks.\n")
    assert at.query_params["article"] == f"upload:{GOOD}"
    assert (folder / f"{GOOD}.txt").read_text(encoding="utf-8") == GOOD_TEXT
    at.sidebar.selectbox(key=state.ARTICLE).set_value(GOOD).run()
    assert metrics(at)["Countries"] == "6"


def test_an_upload_over_the_size_limit_is_refused_with_a_message(folder: Path) -> None:
    at = upload(app().run(), "big.txt", b"Big\n\n" + b"a" * 2_000_000)
    no_exception(at)
    errors = " ".join(e.value for e in at.sidebar.error)
    assert "big.txt" in errors
    assert "2 MB" in errors
    assert at.query_params["article"] == GOOD
    assert len(picker(at)) == 1


def test_a_bad_upload_gets_the_readers_message(folder: Path) -> None:
    at = upload(app().run(), "latin.txt", "Caf\xe9\n\nFrance.\n".encode("latin-1"))
    no_exception(at)
    assert at.query_params["article"] == "upload:latin"
    assert "not UTF-8" in at.error[0].value.replace("\\", "")


def test_an_uploaded_file_name_cannot_name_a_folder(folder: Path) -> None:
    at = upload(app().run(), "../../etc/<b>x</b>.txt", b"T\n\nRussia attacked Ukraine.\n")
    no_exception(at)
    assert at.query_params["article"].startswith("upload:")
    assert "/" not in at.query_params["article"]


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("story.txt", "story.txt"),
        ("../../etc/passwd.md", "passwd.md"),
        ("C:\\Users\\me\\story.JSON", "story.json"),
        ("<script>.txt", "_script_.txt"),
        ("..", "article"),
        ("x" * 300 + ".txt", "x" * (uploads.MAX_NAME - 4) + ".txt"),
    ],
)
def test_safe_name(raw: str, safe: str) -> None:
    assert uploads.safe_name(raw) == safe


def test_the_uploader_limit_is_at_least_the_readers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOMAP_MAX_BYTES", "2000000")
    assert uploads.uploader_limit_mb() == 2
    assert uploads.limit_label() == "2 MB"
    monkeypatch.setenv("DIPLOMAP_MAX_BYTES", "2500000")
    assert uploads.uploader_limit_mb() == 3
    assert uploads.limit_label() == "2,500,000 bytes"
    monkeypatch.setenv("DIPLOMAP_MAX_BYTES", "5000")
    assert uploads.uploader_limit_mb() == 1
    assert uploads.limit_label() == "5,000 bytes"


def editor_key(at: AppTest) -> str:
    return next(e.key for e in at.data_editor if e.key and e.key.startswith("tie_editor_"))


def test_the_ties_table_edits_become_a_corrections_download(folder: Path) -> None:
    at = open_page("pages/data.py", article=GOOD)
    no_exception(at)
    assert t("edit.no_changes", "en") in texts(at)
    frame = at.data_editor[0].value
    first = list(frame["type"]).index("attack")
    at.session_state[editor_key(at)] = {
        "edited_rows": {first: {"type": "threat"}},
        "added_rows": [{"source": "IND", "target": "CHN", "type": "aid", "directed": True}],
        "deleted_rows": [],
    }
    at.run()
    no_exception(at)
    assert t("edit.changes", "en", adds=1, removes=0, changes=1) in texts(at)
    labels = [b.proto.label for b in at.get("download_button")]
    assert t("edit.download", "en") in labels


def test_a_bad_row_in_the_ties_table_is_named(folder: Path) -> None:
    at = open_page("pages/data.py", article=GOOD)
    at.session_state[editor_key(at)] = {
        "edited_rows": {},
        "added_rows": [{"source": "NOWHERE", "target": "CHN", "type": "aid", "directed": True}],
        "deleted_rows": [],
    }
    at.run()
    no_exception(at)
    warnings = " ".join(w.value for w in at.warning).replace("\\", "")
    assert "NOWHERE" in warnings
    assert "ties.add[0].source" in warnings
    assert t("edit.download", "en") not in [b.proto.label for b in at.get("download_button")]


def seed_analysis(corrections: str | None = None) -> tuple[Any, Any, Any, Analysis]:
    """The good article analysed, with these corrections if any."""
    gaz = load_gazetteer()
    article = read_bytes(GOOD_TEXT.encode(), f"{GOOD}.txt")
    fixes = read_corrections(corrections, "x.corrections.yaml", gaz) if corrections else None
    return article, gaz, fixes, analyse(article, gaz, fixes)


def tie_keys(ties: Iterable[Tie]) -> set[tuple[str, str, str, bool]]:
    return {(*tie.pair, tie.type, tie.directed) for tie in ties}


def test_unchanged_rows_write_back_the_corrections_in_force() -> None:
    article, gaz, fixes, corrected = seed_analysis(CORRECTIONS)
    _, _, _, baseline = seed_analysis()
    rows = editor.tie_frame(corrected.ties, "en")[list(editor.EDITABLE)].to_dict("records")
    text = editor.corrections_yaml(baseline.ties, fixes, rows, "x.corrections.yaml", gaz)
    again = analyse(article, gaz, read_corrections(text, "x.corrections.yaml", gaz))
    assert tie_keys(again.ties) == tie_keys(corrected.ties)
    assert again.notes == corrected.notes
    assert 'cue: "sanctions"' in text


def test_edited_rows_are_what_the_corrections_file_makes() -> None:
    article, gaz, _, plain_analysis = seed_analysis()
    frame = editor.tie_frame(plain_analysis.ties, "en")
    frame = frame[frame["type"] != "attack"]
    rows = [*frame[list(editor.EDITABLE)].to_dict("records")]
    rows.append({"source": "IND", "target": "CHN", "type": "aid", "directed": False})
    text = editor.corrections_yaml(plain_analysis.ties, None, rows, "x.corrections.yaml", gaz)
    again = analyse(article, gaz, read_corrections(text, "x.corrections.yaml", gaz))
    expected = {key for key in tie_keys(plain_analysis.ties) if key[2] != "attack"}
    assert tie_keys(again.ties) == expected | {("CHN", "IND", "aid", False)}


def test_the_readmes_corrections_example_fits_the_example_article() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Corrections without code", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    gaz = load_gazetteer()
    name = "norway-kenya-energy.txt"
    article = read_bytes((ROOT / "data" / "examples" / name).read_bytes(), name)
    fixes = read_corrections(example, "norway-kenya-energy.corrections.yaml", gaz)
    corrected = analyse(article, gaz, fixes)
    assert corrected.warnings == ()
    marks = {(tie.source, tie.target, tie.type): tie.edited for tie in corrected.ties}
    assert marks[("NOR", "KEN", "support")] == "added"
    assert marks[("EGY", "ETH", "talks")] == "directed"
    assert ("EGY", "ETH", "rejection") not in marks
    assert [note.sentence for note in corrected.notes] == [4]


def country_line(count: int, extra: str = "") -> bytes:
    """count short news sentences naming countries, all on one line, no headline."""
    said = (
        "Russia attacked Ukraine.",
        "The United States imposed sanctions on Russia.",
        "China and India held talks in Delhi.",
    )
    return " ".join(f"{said[i % len(said)]}{extra}" for i in range(count)).encode()


def sentences_drawn(at: AppTest) -> set[int]:
    """The sentence numbers (from 0) the Excerpts page sent as HTML."""
    found = re.findall(r'data-sentence="(\d+)"', " ".join(html_blocks(at)))
    return {int(i) for i in found}


def test_a_long_one_line_article_is_drawn_one_part_at_a_time(folder: Path) -> None:
    size = excerptview.PAGE_SENTENCES
    (folder / "line.txt").write_bytes(country_line(size * 4 + size // 2))
    at = open_page("pages/excerpts.py", article="line")
    no_exception(at)
    assert sentences_drawn(at) == set(range(size))
    showing = t("excerpt.showing", "en", count=size, total=size * 4 + size // 2, first=1, last=size)
    assert showing in texts(at)
    part = at.selectbox(key=excerptview.PAGE)
    assert len(part.options) == 5
    assert part.options[4] == t(
        "excerpt.part_option", "en", first=size * 4 + 1, last=size * 4 + size // 2
    )
    part.set_value(2).run()
    no_exception(at)
    assert sentences_drawn(at) == set(range(size * 2, size * 3))


def test_a_sentence_asked_for_opens_the_part_that_holds_it(folder: Path) -> None:
    size = excerptview.PAGE_SENTENCES
    (folder / "line.txt").write_bytes(country_line(size * 3))
    asked = size * 2 + 7
    at = app(article="line").run()
    at.query_params["sentence"] = str(asked)
    at.switch_page("pages/excerpts.py").run()
    no_exception(at)
    assert at.selectbox(key=excerptview.PAGE).value == 2
    assert asked in sentences_drawn(at)
    assert f'"s-{asked}"' in " ".join(html_blocks(at))
    assert "scrollIntoView" in " ".join(html_blocks(at))


def test_a_short_article_has_no_parts(folder: Path) -> None:
    at = open_page("pages/excerpts.py", article=GOOD)
    no_exception(at)
    assert not [s for s in at.selectbox if s.key == excerptview.PAGE]
    assert "sentences," not in texts(at)
    assert sentences_drawn(at) == set(range(5))


def test_a_long_hostile_line_without_sentence_ends_is_cut_and_stays_inert(folder: Path) -> None:
    (folder / "run-on.txt").write_bytes((HOSTILE + " ").encode() * 2000)
    at = open_page("pages/excerpts.py", article="run-on")
    no_exception(at)
    blocks = html_blocks(at)
    for block in blocks:
        lowered = block.lower()
        assert "<script" not in lowered
        assert "<img" not in lowered
    article = [b for b in blocks if 'class="dm-par' in b]
    text = "".join(html.unescape(re.sub(r"<[^>]+>", "", b)) for b in article)
    assert HOSTILE in text
    assert len(text) <= excerptview.PAGE_CHARS + 1000
    assert len(at.selectbox(key=excerptview.PAGE).options) > 1
