import importlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from diplomap import cli
from diplomap.model import Article

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = FIXTURES / "articles"
BROKEN = FIXTURES / "broken"
SEED = ROOT / "data" / "articles" / "us-officials-visit-venezuela.txt"
FIXTURE_IDS = ["a-perbatasan", "b-sanctions", "c-summit"]


def _analysis_available() -> bool:
    try:
        importlib.import_module("diplomap.analysis")
        importlib.import_module("diplomap.output")
    except ImportError:
        return False
    return True


needs_analysis = pytest.mark.skipif(
    not _analysis_available(), reason="diplomap.analysis or diplomap.output cannot be imported yet"
)


def fake_analysis(article: Article) -> dict:
    return {
        "article": {
            "id": article.id,
            "title": article.title,
            "language": article.language,
            "language_source": article.language_source,
            "date": article.date.isoformat() if article.date else None,
            "date_source": article.date_source,
            "text": article.text,
        }
    }


@pytest.fixture
def fake(monkeypatch):
    monkeypatch.setattr(cli, "analyse_article", fake_analysis)
    monkeypatch.delenv("DIPLOMAP_MAX_BYTES", raising=False)
    monkeypatch.delenv(cli.DEBUG_ENV, raising=False)


def run(capsys, *argv: str) -> tuple[int, str, list[str]]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err.splitlines()


def jsonl_ids(out: str) -> list[str]:
    return [json.loads(line)["article"]["id"] for line in out.splitlines()]


def test_one_article_prints_one_indented_object(fake, capsys):
    code, out, err = run(capsys, "extract", str(ARTICLES / "a-perbatasan.txt"))
    assert (code, err) == (0, [])
    obj = json.loads(out)
    assert obj["article"]["id"] == "a-perbatasan"
    assert out.startswith('{\n  "article"')
    assert "Menteri Luar Negeri" in out


def test_folder_is_read_in_name_order_as_jsonl(fake, capsys):
    code, out, err = run(capsys, "extract", str(ARTICLES))
    assert (code, err) == (0, [])
    assert jsonl_ids(out) == FIXTURE_IDS


def test_inputs_keep_command_line_order(fake, capsys):
    paths = [str(ARTICLES / "c-summit.json"), str(ARTICLES), str(ARTICLES / "a-perbatasan.txt")]
    code, out, _ = run(capsys, "extract", *paths)
    assert code == 0
    assert jsonl_ids(out) == ["c-summit", *FIXTURE_IDS, "a-perbatasan"]


def test_format_json_for_several_prints_an_array(fake, capsys):
    code, out, _ = run(capsys, "extract", str(ARTICLES), "--format", "json")
    assert code == 0
    assert [o["article"]["id"] for o in json.loads(out)] == FIXTURE_IDS


def test_format_jsonl_for_one(fake, capsys):
    code, out, _ = run(capsys, "extract", str(ARTICLES / "c-summit.json"), "--format", "jsonl")
    assert code == 0
    assert out.count("\n") == 1
    assert jsonl_ids(out) == ["c-summit"]


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("missing.txt", "no such file"),
        ("latin1.txt", "not UTF-8 text (byte 0xE9 at offset 3)"),
        ("malformed.json", "malformed JSON"),
        ("not-object.json", "JSON must be an object"),
        ("empty.txt", "the file is empty"),
        ("whitespace.txt", "only whitespace"),
    ],
)
def test_bad_input_gets_one_line_and_the_rest_is_analysed(fake, capsys, name, problem):
    bad = str(BROKEN / name)
    good = str(ARTICLES / "a-perbatasan.txt")
    code, out, err = run(capsys, "extract", good, bad, good)
    assert code == 2
    assert len(err) == 1
    assert err[0].startswith(f"diplomap: {bad}: ")
    assert problem in err[0]
    assert jsonl_ids(out) == ["a-perbatasan", "a-perbatasan"]


def test_folder_without_articles_is_a_bad_input(fake, capsys):
    code, out, err = run(capsys, "extract", str(FIXTURES / "empty-folder"))
    assert (code, out) == (2, "")
    assert err == [
        f"diplomap: {FIXTURES / 'empty-folder'}: folder holds no article files (.txt, .md, .json)"
    ]


def test_unlistable_folder_is_a_bad_input(fake, capsys, monkeypatch):
    def refuse(folder):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(cli, "folder_articles", refuse)
    code, out, err = run(capsys, "extract", str(ARTICLES), str(ARTICLES / "c-summit.json"))
    assert code == 2
    assert err == [f"diplomap: {ARTICLES}: folder cannot be listed (Permission denied)"]
    assert jsonl_ids(out) == ["c-summit"]


def test_broken_folder_reports_every_file(fake, capsys):
    code, out, err = run(capsys, "extract", str(BROKEN))
    assert (code, out) == (2, "")
    names = [line.split(": ")[1] for line in err]
    assert names == [str(BROKEN / n) for n in sorted(os.listdir(BROKEN))]


def test_analysis_crash_is_one_line(monkeypatch, capsys):
    def explode(article):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(cli, "analyse_article", explode)
    monkeypatch.delenv(cli.DEBUG_ENV, raising=False)
    code, out, err = run(capsys, "extract", str(ARTICLES / "a-perbatasan.txt"))
    assert (code, out) == (2, "")
    assert len(err) == 1
    assert "analysis failed (RuntimeError: boom second line)" in err[0]


def test_stdin(fake, capsys, monkeypatch):
    data = "Judul dari stdin\nPemerintah Indonesia mengatakan bahwa perundingan itu gagal.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-8"))))
    code, out, err = run(capsys, "extract", "-")
    assert (code, err) == (0, [])
    article = json.loads(out)["article"]
    assert (article["id"], article["title"], article["language"]) == (
        "stdin",
        "Judul dari stdin",
        "id",
    )


def test_binary_stdin_is_a_bad_input(fake, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\x00\x01\x02")))
    code, out, err = run(capsys, "extract", "-")
    assert (code, out) == (2, "")
    assert err[0].startswith("diplomap: stdin: not a text file")


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ([], {"language": "id", "language_source": "detected", "date": None}),
        (["--lang", "en"], {"language": "en", "language_source": "user"}),
        (["--lang", "auto"], {"language": "id", "language_source": "detected"}),
        (["--date", "2022-03-05"], {"date": "2022-03-05", "date_source": "user"}),
    ],
)
def test_language_and_date_options_reach_the_article(fake, capsys, options, expected):
    code, out, _ = run(capsys, "extract", str(ARTICLES / "a-perbatasan.txt"), *options)
    assert code == 0
    article = json.loads(out)["article"]
    assert {k: article[k] for k in expected} == expected


def test_max_bytes_option(fake, capsys):
    path = str(ARTICLES / "a-perbatasan.txt")
    code, out, err = run(capsys, "extract", path, "--max-bytes", "100")
    assert (code, out) == (2, "")
    assert "too large: the limit is 100 bytes" in err[0]
    code, _, _ = run(capsys, "extract", path, "--max-bytes", "100000")
    assert code == 0


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["extract"],
        ["frobnicate", "x.txt"],
        ["extract", "x.txt", "--format", "xml"],
        ["extract", "x.txt", "--lang", "fr"],
        ["extract", "x.txt", "--date", "5 March 2022"],
        ["extract", "x.txt", "--date", "2022-02-30"],
        ["extract", "x.txt", "--max-bytes", "0"],
        ["extract", "x.txt", "--max-bytes", "lots"],
    ],
)
def test_bad_usage_exits_2(fake, capsys, argv):
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_bad_max_bytes_environment_is_usage_error(fake, capsys, monkeypatch):
    monkeypatch.setenv("DIPLOMAP_MAX_BYTES", "-5")
    with pytest.raises(SystemExit) as exit_:
        cli.main(["extract", str(ARTICLES / "a-perbatasan.txt")])
    assert exit_.value.code == 2
    assert "DIPLOMAP_MAX_BYTES" in capsys.readouterr().err


def python_m(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOMAP_")}
    return subprocess.run(
        [sys.executable, "-m", "diplomap", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("args", [["--help"], ["extract", "--help"]])
def test_help(args):
    done = python_m(*args)
    assert done.returncode == 0
    out = done.stdout.decode()
    assert "extract" in out
    assert "python -m diplomap extract" in out
    assert done.stderr == b""


def test_help_lists_formats_and_options():
    out = python_m("extract", "--help").stdout.decode()
    for word in ("--format", "--lang", "--date", "--max-bytes", ".txt", ".md", ".json", "stdin"):
        assert word in out


def test_importing_the_cli_stays_light():
    code = (
        "import sys, diplomap.cli; "
        "print(' '.join(sorted(m for m in sys.modules "
        "if m.split('.')[0] in {'yaml', 'numpy', 'pandas', 'streamlit', 'networkx'} "
        "or m in {'diplomap.analysis', 'diplomap.output', 'diplomap.gazetteer'})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, check=True, timeout=60
    )
    assert done.stdout.decode().strip() == ""


def test_subprocess_bad_inputs_never_print_a_traceback():
    done = python_m(
        "extract",
        str(BROKEN / "latin1.txt"),
        str(BROKEN / "malformed.json"),
        "does/not/exist.md",
        str(FIXTURES / "empty-folder"),
    )
    assert done.returncode == 2
    assert done.stdout == b""
    lines = done.stderr.decode().splitlines()
    assert len(lines) == 4
    assert all(line.startswith("diplomap: ") for line in lines)
    assert "Traceback" not in done.stderr.decode()
    assert lines[-1].startswith("diplomap: does/not/exist.md: no such file")


def test_subprocess_bad_usage():
    done = python_m("extract")
    assert done.returncode == 2
    assert b"usage:" in done.stderr
    assert b"Traceback" not in done.stderr


@needs_analysis
def test_real_analysis_of_the_seed_article():
    done = python_m("extract", str(SEED.relative_to(ROOT)))
    assert done.returncode == 0, done.stderr.decode()
    obj = json.loads(done.stdout)
    article = obj["article"]
    for key in ("id", "title", "language", "date", "dateline", "source", "text"):
        assert key in article
    assert article["id"] == "us-officials-visit-venezuela"
    assert article["language"] == "id"
    assert article["dateline"] == "WASHINGTON DC"
    assert article["source"] == "Paypza.com"
    for mention in obj.get("mentions", []):
        assert article["text"][mention["start"] : mention["end"]] == mention["text"]


@needs_analysis
def test_real_analysis_of_a_folder_and_stdin():
    done = python_m("extract", str(ARTICLES), "-", stdin=SEED.read_bytes())
    assert done.returncode == 0, done.stderr.decode()
    assert jsonl_ids(done.stdout.decode()) == [*FIXTURE_IDS, "stdin"]
