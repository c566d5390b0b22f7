"""Build CPU time of this source tree against another one (a checkout of an earlier commit), in turn.

    git worktree add /tmp/kg-before HEAD~3        # or: git archive HEAD~3 | tar -x -C /tmp/kg-before
    .venv/bin/python bench/bench_ab.py /tmp/kg-before --rounds 8

Each tree runs in a process of its own that loads the model, rules and KB once; the two then
build the same corpus (``bench_build``'s, written once here) in turn, the order swapped every
round (ABBA).  A turn times bare spaCy ``nlp.pipe`` on the texts, then ``build_corpus`` (TriG
and JSON written), both by the process's CPU time.  On a machine other work shares, speed
drifts by 5-10% between runs minutes apart, more than a speed-up of a few percent: turns next
to each other share the machine's state, so the median of the paired ratios (this tree's
build time over the other's, round by round) says more than best-of figures.  The
throughput ratio of ``bench_build`` (bare over build) is printed for each tree too.
The outputs of the two trees are not compared here (see ``lines.py``-style diffs for that).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def worker(corpus: str) -> None:
    """One tree's side: load everything, then one bare parse and one build per line read."""
    import json

    from kgbuild.config import BuildConfig
    from kgbuild.corpus import build_corpus, build_records
    from kgbuild.extract.language import load_rules
    from kgbuild.extract.parse import load_pipeline
    from kgbuild.types import Article

    texts = [json.loads(line)["text"] for line in Path(corpus).read_text(encoding="utf-8").splitlines()]
    nlp = load_pipeline(load_rules("fr").model)
    config = BuildConfig(formats=("trig", "json"))
    build_records([(0, Article(id="warm-up", text=texts[0]))], config)
    list(nlp.pipe(texts[:20]))
    print("ready", flush=True)
    with tempfile.TemporaryDirectory(prefix="kgbuild-ab-") as out:
        for n, _ in enumerate(sys.stdin):
            start = time.process_time()
            for _ in nlp.pipe(texts):
                pass
            bare = time.process_time() - start
            start = time.process_time()
            build_corpus([corpus], Path(out) / str(n), config=config, progress=False)
            print(f"{bare:.4f} {time.process_time() - start:.4f}", flush=True)


def compare(other: Path, rounds: int, docs: int) -> dict:
    sys.path.insert(0, str(REPO / "bench"))
    from bench_build import write_corpus

    trees = {"this": REPO, "other": other.resolve()}
    with tempfile.TemporaryDirectory(prefix="kgbuild-ab-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_corpus(corpus, docs)
        procs = {name: subprocess.Popen([sys.executable, __file__, "--worker", str(corpus)], cwd=tree,
                                        env={**os.environ, "PYTHONPATH": str(tree)},
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
                 for name, tree in trees.items()}
        for name, proc in procs.items():
            if proc.stdout.readline().strip() != "ready":
                raise SystemExit(f"the {name} tree ({trees[name]}) did not start")
        turns = _take_turns(procs, rounds)
        for proc in procs.values():
            proc.stdin.close()
            proc.wait()
    paired = [a[1] / b[1] for a, b in zip(turns["this"], turns["other"])]
    return {"rounds": rounds, "documents": docs, "paired_build_ratio_median": statistics.median(paired),
            "paired_build_ratios": [round(p, 3) for p in paired],
            **{f"{n}_build_seconds_median": statistics.median(c for _, c in turns[n]) for n in trees},
            **{f"{n}_throughput_ratio_median": statistics.median(b / c for b, c in turns[n]) for n in trees}}


def _take_turns(procs: dict, rounds: int) -> dict[str, list[tuple[float, float]]]:
    """(bare, build) seconds of each process's turns, the order swapped every round."""
    turns: dict[str, list[tuple[float, float]]] = {name: [] for name in procs}
    for r in range(rounds):
        for name in (list(procs) if r % 2 == 0 else list(procs)[::-1]):
            procs[name].stdin.write("go\n")
            procs[name].stdin.flush()
            bare, build = map(float, procs[name].stdout.readline().split())
            turns[name].append((bare, build))
        print(f"round {r + 1}: " + ", ".join(f"{n} bare {turns[n][-1][0]:.2f} s build {turns[n][-1][1]:.2f} s"
                                             for n in procs), flush=True)
    return turns


def main() -> None:
    if sys.argv[1:2] == ["--worker"]:
        return worker(sys.argv[2])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("other", type=Path, help="the other source tree (holds kgbuild/)")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--docs", type=int, default=300)
    args = parser.parse_args()
    if not (args.other / "kgbuild").is_dir():
        raise SystemExit(f"{args.other} holds no kgbuild/ folder")
    r = compare(args.other, args.rounds, args.docs)
    print(f"build CPU time, this tree / the other: median {r['paired_build_ratio_median']:.3f} over "
          f"{r['rounds']} paired rounds ({' '.join(map(str, r['paired_build_ratios']))}); throughput ratio "
          f"(bare spaCy / build, median of turns): this {r['this_throughput_ratio_median']:.2f}x, "
          f"other {r['other_throughput_ratio_median']:.2f}x")


if __name__ == "__main__":
    main()
