"""Extraction speed: articles per second, MB/s, and one-article CLI latency.

Builds its own corpus by recombining the sentences of the bundled articles into
articles of the first article's size, so no file outside the repository is read.

    python benchmarks/bench_extract.py [--articles 2000] [--cli-runs 10]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from diplomap.analysis import analyse  # noqa: E402
from diplomap.gazetteer import load_gazetteer  # noqa: E402
from diplomap.reader import read_article, read_text  # noqa: E402
from diplomap.sentences import split_sentences  # noqa: E402

SEED = ROOT / "data" / "articles" / "us-officials-visit-venezuela.txt"


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


def bench_throughput(corpus: list[tuple[str, str]]) -> tuple[float, float]:
    articles = [read_text(text, language=lang) for lang, text in corpus]
    load_gazetteer()
    analyse(articles[0])
    start = time.perf_counter()
    for article in articles:
        analyse(article)
    elapsed = time.perf_counter() - start
    megabytes = sum(len(a.text.encode()) for a in articles) / 1e6
    return len(articles) / elapsed, megabytes / elapsed


def bench_cli(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "diplomap", "extract", str(SEED)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--cli-runs", type=int, default=10)
    args = parser.parse_args()
    corpus = build_corpus(args.articles)
    per_second, mb_per_second = bench_throughput(corpus)
    cli = bench_cli(args.cli_runs)
    print(f"articles:          {len(corpus)} of ~{len(corpus[0][1])} characters")
    print(f"throughput:        {per_second:,.0f} articles/s, {mb_per_second:.2f} MB/s (one core)")
    print(
        f"CLI, one article:  median {statistics.median(cli) * 1000:.0f} ms, "
        f"max {max(cli) * 1000:.0f} ms over {len(cli)} runs (includes start-up)"
    )


if __name__ == "__main__":
    main()
