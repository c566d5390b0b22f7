"""Long articles: extraction time per KB from 10 KB to 1 MB must stay flat (goal: within 1.5x).

The texts are the bundled demo article (written for kgbuild) repeated with numbered
paragraphs, so every size holds the same kinds of sentences, mentions, quotes and relations;
each size is extracted in turn, best of a few rounds, and the time per KB is compared to the
10 KB one measured in the same run.

    python bench/bench_long.py [--sizes 10,100,1000] [--rounds 3] [--base FILE]

``--base``: another text to repeat (say, real articles concatenated, blank lines between); its
sentences bring other rules into play than the demo's (the statements' and relations' look-ups
of the mentions before a word grew with the length of the text until those were made lazy).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_text(base: str, size_kb: int) -> str:
    """``base`` repeated paragraph by paragraph (each copy numbered) up to ``size_kb`` KB."""
    paragraphs = [p.strip() for p in base.split("\n\n") if p.strip()]
    out, n, total = [], 0, 0
    while total < size_kb * 1024:
        p = paragraphs[n % len(paragraphs)]
        out.append(f"{p} (Partie {n + 1}.)")
        total += len(out[-1]) + 2
        n += 1
    return "\n\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000", help="sizes in KB, smallest first")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--base", type=Path, default=ROOT / "kgbuild" / "data" / "examples" / "demo.fr.txt",
                        help="the text repeated (default: the demo article)")
    args = parser.parse_args(argv)

    from kgbuild.extract import Extractor
    from kgbuild.types import Article

    base = args.base.read_text(encoding="utf-8")
    extractor = Extractor("fr")
    extractor.nlp.max_length = 3_000_000
    sizes = [int(s) for s in args.sizes.split(",")]
    per_kb = {}
    for size in sizes:
        text = make_text(base, size)
        best = None
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            x = extractor.extract(Article(id=f"long{size}", text=text))
            elapsed = time.perf_counter() - t0
            best = elapsed if best is None else min(best, elapsed)
        per_kb[size] = best / (len(text) / 1024)
        print(f"{size:>6} KB: {best:7.2f} s, {per_kb[size] * 100:6.2f} s per 100 KB "
              f"({len(x.entities)} entities, {len(x.statements)} statements, "
              f"{len(x.relations)} relations)")
    ratio = per_kb[sizes[-1]] / per_kb[sizes[0]]
    print(f"time per KB, {sizes[-1]} KB vs {sizes[0]} KB: {ratio:.2f}x (goal: within 1.5x)")
    return 0 if ratio <= 1.5 else 1


if __name__ == "__main__":
    raise SystemExit(main())
