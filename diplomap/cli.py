"""The `python -m diplomap` command line: read articles, analyse them, print JSON."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from diplomap.model import Article, ArticleError
from diplomap.reader import FORMATS, max_bytes_limit, read_article, read_stream

PROG = "diplomap"
STDIN = "-"
DEBUG_ENV = "DIPLOMAP_DEBUG"

DESCRIPTION = """\
Turn foreign-affairs news articles (Indonesian or English) into JSON: the countries
and actors they name, the ties between them (talks, support, sanctions, attacks ...)
with the sentences that show each tie, and the dated events."""

MAIN_EPILOG = """\
example:
  python -m diplomap extract data/articles/us-officials-visit-venezuela.txt

Run 'python -m diplomap extract --help' for the options, file formats and examples."""

EXTRACT_EPILOG = """\
article files:
  .txt   first non-empty line is the headline, the rest the body; the body may open
         with a dateline ("WASHINGTON DC, AS – ...") and end with "– Publisher"
  .json  {"title", "body", "language", "date", "source", "url", "aliases"}; only
         "body" is required
  .md    Markdown with optional YAML front matter holding the same keys

examples:
  python -m diplomap extract data/articles/us-officials-visit-venezuela.txt
  python -m diplomap extract data/articles/ --format jsonl > analyses.jsonl
  python -m diplomap extract story.md --lang id --date 2022-03-05
  cat story.txt | python -m diplomap extract -

exit status: 0 when every input was analysed, 2 when any input could not be read
(each gets one line on stderr: "diplomap: FILE: PROBLEM") or the usage is wrong."""


@dataclass(frozen=True)
class Input:
    """One article to read: a file path, or stdin."""

    name: str
    is_stdin: bool = False


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with a sub-command per task."""
    parser = argparse.ArgumentParser(
        prog=f"python -m {PROG}",
        description=DESCRIPTION,
        epilog=MAIN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    extract = commands.add_parser(
        "extract",
        help="analyse article files and print one JSON object per article",
        description="Analyse article files and print one JSON object per article.",
        epilog=EXTRACT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="an article file (.txt, .md, .json), a folder (its article files, sorted "
        "by name, not recursive) or - for plain text on stdin",
    )
    extract.add_argument(
        "--format",
        choices=("json", "jsonl"),
        help="json: one indented object (the default for one article; several become a "
        "JSON array); jsonl: one object per line in input order (the default for several)",
    )
    extract.add_argument(
        "--lang",
        choices=("auto", "id", "en"),
        default="auto",
        help="the articles' language; auto (default) takes the file's own 'language' "
        "field, else detects it",
    )
    extract.add_argument(
        "--date",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="publication date, used to place relative dates ('on Saturday'); "
        "overrides the file's 'date' field",
    )
    extract.add_argument(
        "--max-bytes",
        type=_positive_int,
        metavar="N",
        help="refuse files larger than N bytes (default: $DIPLOMAP_MAX_BYTES or 2000000)",
    )
    extract.set_defaults(handler=run_extract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the arguments and run the command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        args.max_bytes = max_bytes_limit(args.max_bytes)
    except ValueError as e:
        parser.error(str(e))
    return args.handler(args)


def run_extract(args: argparse.Namespace) -> int:
    """Read, analyse and print every input; one stderr line per bad input."""
    _use_utf8(sys.stdout)
    inputs, failures = expand_paths(args.paths)
    for name, problem in failures:
        report(name, problem)
    fmt = args.format or ("json" if len(inputs) + len(failures) == 1 else "jsonl")
    language = None if args.lang == "auto" else args.lang
    results = (
        result
        for item in inputs
        if (result := _analyse_one(item, language, args.date, args.max_bytes)) is not None
    )
    failed = bool(failures)
    try:
        failed |= write_results(results, fmt, sys.stdout, expected=len(inputs))
    except BrokenPipeError:
        _silence_stdout()
    return 2 if failed else 0


def expand_paths(paths: Sequence[str]) -> tuple[list[Input], list[tuple[str, str]]]:
    """Inputs in order, with folders opened; folders that hold no articles are failures."""
    inputs: list[Input] = []
    failures: list[tuple[str, str]] = []
    for name in paths:
        if name == STDIN:
            inputs.append(Input("stdin", is_stdin=True))
        elif os.path.isdir(name):
            try:
                found = list(folder_articles(name))
            except OSError as e:
                failures.append((name, f"folder cannot be listed ({e.strerror or e})"))
                continue
            if not found:
                failures.append((name, "folder holds no article files (.txt, .md, .json)"))
            inputs.extend(Input(f) for f in found)
        else:
            inputs.append(Input(name))
    return inputs, failures


def folder_articles(folder: str) -> Iterator[str]:
    """Article files directly inside a folder, sorted by name; sidecars are skipped."""
    with os.scandir(folder) as entries:
        names = sorted(e.name for e in entries if _is_article_file(e))
    for name in names:
        yield os.path.join(folder, name)


def _is_article_file(entry: os.DirEntry[str]) -> bool:
    """A visible regular file with an article extension, not a "*.corrections.*" sidecar."""
    name = entry.name
    if name.startswith(".") or ".corrections." in name:
        return False
    return Path(name).suffix.lower() in FORMATS and entry.is_file()


def _analyse_one(
    item: Input, language: str | None, date: dt.date | None, max_bytes: int
) -> dict[str, Any] | None:
    """The output object for one input, or None after reporting why there is none."""
    try:
        if item.is_stdin:
            article = read_stream(
                sys.stdin.buffer, language=language, date=date, max_bytes=max_bytes
            )
        else:
            article = read_article(item.name, language=language, date=date, max_bytes=max_bytes)
    except ArticleError as e:
        report(e.path, e.problem)
        return None
    try:
        return analyse_article(article)
    except Exception as e:
        if os.environ.get(DEBUG_ENV):
            raise
        report(
            item.name, f"analysis failed ({type(e).__name__}: {e}); set {DEBUG_ENV}=1 for details"
        )
        return None


def analyse_article(article: Article) -> dict[str, Any]:
    """Run the pipeline with the article's corrections file, if any; imported only now so
    that --help and bad inputs stay fast. A broken corrections file is reported and the
    article analysed without it."""
    from diplomap.analysis import analyse_corrected
    from diplomap.output import to_dict

    result = analyse_corrected(article)
    for problem in result.corrections_errors:
        print(f"{PROG}: {problem} (analysed without corrections)", file=sys.stderr)
    return to_dict(result)


def write_results(
    results: Iterator[dict[str, Any]], fmt: str, out: TextIO, *, expected: int
) -> bool:
    """Print as results come; returns True when fewer came than expected."""
    count = 0
    if fmt == "jsonl":
        for obj in results:
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
            out.flush()
            count += 1
    else:
        objects = list(results)
        count = len(objects)
        if expected == 1 and count == 1:
            out.write(json.dumps(objects[0], ensure_ascii=False, indent=2) + "\n")
        elif expected > 1:
            out.write(json.dumps(objects, ensure_ascii=False, indent=2) + "\n")
        out.flush()
    return count < expected


def report(name: str, problem: str) -> None:
    """One line on stderr naming the input and its problem."""
    one_line = " ".join(f"{PROG}: {name}: {problem}".split())
    print(one_line, file=sys.stderr, flush=True)


def _iso_date(value: str) -> dt.date:
    """argparse type for YYYY-MM-DD."""
    try:
        if len(value) != 10:
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date as YYYY-MM-DD: {value!r}") from None


def _positive_int(value: str) -> int:
    """argparse type for a byte count."""
    try:
        number = int(value.replace("_", ""))
    except ValueError:
        number = 0
    if number <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive whole number, not {value!r}")
    return number


def _use_utf8(stream: TextIO) -> None:
    """JSON goes out as UTF-8 whatever the locale says."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8", errors="backslashreplace")


def _silence_stdout() -> None:
    """After the reader of a pipe went away, send the rest nowhere (no traceback at exit)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
