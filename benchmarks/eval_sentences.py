"""Score the extractor on hand-coded event sentences (JSON lines), outside the test suite.

Each line holds {"text", "source": [ISO3...], "target": [ISO3...], "polarity":
"cooperation"|"conflict"}, as in the PLOVER gold-standard records. Reports how often
a tie joins a coded source to a coded target, and how often its sign is right.

    python benchmarks/eval_sentences.py PATH.jsonl [--show-misses]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from diplomap.analysis import analyse
from diplomap.reader import read_text


def score(rows: list[dict], show: bool) -> None:
    tied = signed = 0
    for row in rows:
        ties = analyse(read_text(row["text"], language="en")).ties
        wanted = {(s, t) for s in row["source"] for t in row["target"]}
        hits = [x for x in ties if (x.source, x.target) in wanted or (x.target, x.source) in wanted]
        if hits:
            tied += 1
            sign = (
                "cooperation" if max(hits, key=lambda x: len(x.evidence)).score > 0 else "conflict"
            )
            signed += sign == row["polarity"]
            if show and sign != row["polarity"]:
                print(
                    f"SIGN {row['event']} {[(h.source, h.target, h.type) for h in hits]}:",
                    row["text"],
                )
        elif show:
            found = [(x.source, x.target, x.type) for x in ties]
            print(
                f"MISS {row['event']} {row['source']}->{row['target']} found {found}: {row['text']}"
            )
    n = len(rows)
    print(f"sentences: {n}")
    print(f"tie between coded countries: {tied}/{n} = {tied / n:.0%}")
    print(f"right sign, of those tied:   {signed}/{max(tied, 1)} = {signed / max(tied, 1):.0%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines() if line]
    score(rows, args.show_misses)


if __name__ == "__main__":
    main()
