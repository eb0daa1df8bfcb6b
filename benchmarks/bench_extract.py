"""Extraction speed: articles per second, MB/s, and one-article CLI latency.

Builds its own corpus by recombining the sentences of the bundled articles into
articles of the first article's size, so no file outside the repository is read.
The corpus repeats sentences, so a cache keyed by an article's or a sentence's text
would win here without making a new article any faster: the core keeps none. What it
keeps per process is data (the gazetteer, the date and cue tables, calendar facts);
per article, one text's tokens are shared by the stages that read them.

`--stages` adds the CPU time of each pipeline stage per article (find_mentions includes
tokenizing the text, which the later stages reuse).

    python benchmarks/bench_extract.py [--articles 2000] [--cli-runs 10] [--stages]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import diplomap.analysis  # noqa: E402
from diplomap.analysis import analyse  # noqa: E402
from diplomap.gazetteer import load_gazetteer  # noqa: E402
from diplomap.reader import read_article, read_text  # noqa: E402
from diplomap.sentences import split_sentences  # noqa: E402

SEED = ROOT / "data" / "articles" / "us-officials-visit-venezuela.txt"
STAGES = (
    "split_sentences",
    "find_mentions",
    "learn_people",
    "extract_ties",
    "extract_events",
    "count_countries",
    "find_camps",
    "count_actors",
)


def build_corpus(n: int, seed: int = 7) -> list[tuple[str, str]]:
    """n (language, text) articles about the seed's size, shuffled from bundled sentences."""
    rng = random.Random(seed)
    pools: dict[str, list[str]] = {}
    for path in sorted((ROOT / "data" / "articles").glob("*.*")):
        try:
            article = read_article(path)
        except ValueError:
            continue
        sentences = split_sentences(article.text, article.language)
        pools.setdefault(article.language, []).extend(
            article.text[s.start : s.end] for s in sentences
        )
    size = len(read_article(SEED).text)
    corpus = []
    langs = sorted(pools)
    for i in range(n):
        lang = langs[i % len(langs)]
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < size:
            parts.append(rng.choice(pools[lang]))
        corpus.append((lang, "\n".join(parts)))
    return corpus


def bench_throughput(corpus: list[tuple[str, str]]) -> tuple[float, float, float]:
    """Articles per second and MB/s by the clock, and articles per second of CPU time."""
    articles = [read_text(text, language=lang) for lang, text in corpus]
    load_gazetteer()
    analyse(articles[0])
    start, cpu = time.perf_counter(), time.process_time()
    for article in articles:
        analyse(article)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    megabytes = sum(len(a.text.encode()) for a in articles) / 1e6
    return len(articles) / elapsed, megabytes / elapsed, len(articles) / cpu


def bench_stages(corpus: list[tuple[str, str]]) -> dict[str, float]:
    """CPU seconds per article in each stage analyse() calls, and in analyse() as a whole."""
    articles = [read_text(text, language=lang) for lang, text in corpus]
    analyse(articles[0])
    with timed_stages() as spent:
        start = time.process_time()
        for article in articles:
            analyse(article)
        spent["analyse"] = time.process_time() - start
    return {name: seconds / len(articles) for name, seconds in spent.items()}


@contextmanager
def timed_stages() -> Iterator[dict[str, float]]:
    """Time each stage function as diplomap.analysis calls it, restoring them after."""
    spent = dict.fromkeys(STAGES, 0.0)
    originals = {name: getattr(diplomap.analysis, name) for name in STAGES}
    for name, function in originals.items():
        setattr(diplomap.analysis, name, _timed(function, name, spent))
    try:
        yield spent
    finally:
        for name, function in originals.items():
            setattr(diplomap.analysis, name, function)


def _timed(function: Callable, name: str, spent: dict[str, float]) -> Callable:
    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - start

    return timed


def bench_cli(runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of each CLI run: on a shared machine the wall time waits for others."""
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "diplomap", "extract", str(SEED)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return times, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--cli-runs", type=int, default=10)
    parser.add_argument("--stages", action="store_true", help="time each pipeline stage")
    args = parser.parse_args()
    corpus = build_corpus(args.articles)
    per_second, mb_per_second, per_cpu_second = bench_throughput(corpus)
    stages = bench_stages(corpus) if args.stages else {}
    cli, cli_cpu = bench_cli(args.cli_runs)
    print(f"articles:          {len(corpus)} of ~{len(corpus[0][1])} characters")
    print(
        f"throughput:        {per_second:,.0f} articles/s, {mb_per_second:.2f} MB/s (one core); "
        f"{per_cpu_second:,.0f} per CPU second"
    )
    print(
        f"CLI, one article:  median {statistics.median(cli) * 1000:.0f} ms, "
        f"max {max(cli) * 1000:.0f} ms over {len(cli)} runs (includes start-up); "
        f"CPU median {statistics.median(cli_cpu) * 1000:.0f} ms"
    )
    if stages:
        total = stages.pop("analyse")
        print(f"CPU per article, timed run: {total * 1000:.3f} ms")
        for name, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
            print(f"  {name:16} {seconds * 1000:6.3f} ms  {seconds / total:4.0%}")


if __name__ == "__main__":
    main()
