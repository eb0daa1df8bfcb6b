"""Score whole articles against gold files: country F1, country-pair F1, must-type recall.

A gold file (YAML, see benchmarks/gold/) names its article, the countries it involves,
and per pair of countries the tie types that must be found and those also acceptable.

    python benchmarks/eval_articles.py benchmarks/gold/*.yaml
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from diplomap.analysis import analyse  # noqa: E402
from diplomap.reader import read_article  # noqa: E402


def f1(found: set, gold: set) -> float:
    if not found and not gold:
        return 1.0
    hit = len(found & gold)
    precision = hit / len(found) if found else 0.0
    recall = hit / len(gold) if gold else 0.0
    return 2 * precision * recall / (precision + recall) if hit else 0.0


def score(gold_path: Path) -> tuple[float, float, float, list[str]]:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    path = Path(gold["article"])
    result = analyse(read_article(path if path.is_absolute() else ROOT / path))
    countries = {c.iso3 for c in result.countries}
    found: dict[frozenset[str], set[str]] = {}
    for tie in result.ties:
        if tie.source in countries and tie.target in countries:
            found.setdefault(frozenset((tie.source, tie.target)), set()).add(tie.type)
    pairs = {frozenset(k.split("-")): v for k, v in gold["pairs"].items()}
    must = [(p, t) for p, spec in pairs.items() for t in spec.get("must", [])]
    recalled = sum(t in found.get(p, set()) for p, t in must)
    notes = [f"missing {'-'.join(sorted(p))} {t}" for p, t in must if t not in found.get(p, set())]
    notes += [
        f"extra pair {'-'.join(sorted(p))} {sorted(ts)}"
        for p, ts in found.items()
        if p not in pairs
    ]
    return (
        f1(countries, set(gold["countries"])),
        f1(set(found), set(pairs)),
        recalled / len(must) if must else 1.0,
        notes,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    args = parser.parse_args()
    rows = []
    for path in args.gold:
        country, pair, recall, notes = score(path)
        rows.append((country, pair, recall))
        print(
            f"{path.stem}: country F1 {country:.2f}, pair F1 {pair:.2f}, "
            f"must-type recall {recall:.2f}"
        )
        for note in notes:
            print(f"  {note}")
    n = len(rows)
    print(
        f"mean over {n}: country F1 {sum(r[0] for r in rows) / n:.2f}, "
        f"pair F1 {sum(r[1] for r in rows) / n:.2f}, "
        f"must-type recall {sum(r[2] for r in rows) / n:.2f}"
    )


if __name__ == "__main__":
    main()
