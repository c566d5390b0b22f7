"""Corpus build benchmarks, as ratios against baselines measured in the same run.

    .venv/bin/python bench/bench_build.py                 # all three, default sizes
    .venv/bin/python bench/bench_build.py --only memory --sizes 1000,10000

1. throughput: `build_corpus` (one process, JSON and TriG written) against bare
   spaCy ``nlp.pipe`` on the same texts, the model already loaded for both; runs
   alternated (bare, build, bare, ...), best of each.  Goal >= 0.80x.  ``--clock cpu``
   times both by the process's CPU time instead of the wall clock: on a machine other
   work shares, the wall-clock ratio moves with their load, the CPU-time one much less.
2. workers: steady documents/s with 2 worker processes against 1 (start-up and
   the final merge left out: the rate between 10% and 90% of the journal; runs
   alternated, best of two each).  Goal >= 1.8x.
3. memory: peak RSS of a whole `build_corpus` run (fresh process each) at two corpus
   sizes.  Goal: the larger within 10% of the smaller.

The corpus is made at run time from the sentences of ../shared/corpus/seed.fr.txt
(3 to 6 sentences a document, drawn with a fixed seed) and never saved in the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "corpus" / "seed.fr.txt"
sys.path.insert(0, str(REPO))


def seed_sentences() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    pieces = re.split(r"(?<=[.!?»\"])\s+|\n\s*\n", text)
    return [p.strip() for p in pieces if len(p.strip()) > 25]


def write_corpus(path: Path, size: int, seed: int = 7) -> list[str]:
    """A JSONL corpus of ``size`` documents; returns their texts."""
    sentences = seed_sentences()
    rng = random.Random(seed)
    texts = []
    with path.open("w", encoding="utf-8") as handle:
        for i in range(size):
            chosen = rng.sample(sentences, rng.randint(3, 6))
            text = " ".join(chosen[:2]) + "\n\n" + " ".join(chosen[2:])
            texts.append(text)
            handle.write(json.dumps({"id": f"doc-{i}", "text": text}, ensure_ascii=False) + "\n")
    return texts


class JournalWatch:
    """Samples the number of journaled documents over time (a thread polling the journal)."""

    def __init__(self, journal: Path, clock=time.perf_counter) -> None:
        self.journal = journal
        self.clock = clock
        self.samples: list[tuple[float, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        lines, offset = 0, 0
        while not self._stop.is_set():
            try:
                with open(self.journal, "rb") as handle:
                    handle.seek(offset)
                    new = handle.read()
                lines += new.count(b"\n")
                offset += len(new)
            except OSError:
                pass
            self.samples.append((self.clock(), lines))
            time.sleep(0.1)

    def steady_rate(self, total: int) -> float:
        """Documents/s between 10% and 90% of the corpus."""
        low, high = int(total * 0.1), int(total * 0.9)
        t_low = next(t for t, n in self.samples if n >= low)
        first_high = next((t, n) for t, n in self.samples if n >= high)
        return (first_high[1] - low) / (first_high[0] - t_low)


def bench_throughput(size: int, folder: Path, rounds: int = 3, clock=time.perf_counter) -> dict:
    from kgbuild.config import BuildConfig
    from kgbuild.corpus import build_corpus, build_records
    from kgbuild.extract.parse import load_pipeline
    from kgbuild.extract.language import load_rules
    from kgbuild.types import Article

    corpus = folder / "throughput.jsonl"
    texts = write_corpus(corpus, size)
    nlp = load_pipeline(load_rules("fr").model)
    config = BuildConfig(formats=("trig", "json"))
    build_records([(0, Article(id="warm-up", text=texts[0]))], config)  # model, rules, KB loaded
    list(nlp.pipe(texts[:20]))

    def bare() -> float:
        start = clock()
        for _ in nlp.pipe(texts):
            pass
        return clock() - start

    # alternated, best of each: the machine's speed drifts by a few percent between runs
    spacy_times, build_times, extract_rates = [bare()], [], []
    for run in range(rounds):
        start = clock()
        with JournalWatch(folder / f"t{run}" / ".graph.build" / "journal.jsonl", clock) as watch:
            build_corpus([corpus], folder / f"t{run}", config=config, progress=False)
        build_times.append(clock() - start)
        extract_rates.append(watch.steady_rate(size))
        spacy_times.append(bare())
    spacy_time, build_time, extract_rate = min(spacy_times), min(build_times), max(extract_rates)
    return {
        "documents": size,
        "rounds": rounds,
        "clock": "cpu" if clock is time.process_time else "wall",
        "spacy_docs_per_s": size / spacy_time,
        "build_docs_per_s": size / build_time,
        "build_extract_docs_per_s": extract_rate,
        "ratio_build_vs_spacy": spacy_time / build_time,
        "ratio_extract_vs_spacy": extract_rate * spacy_time / size,
        "spacy_seconds": [round(t, 2) for t in spacy_times],
        "build_seconds": [round(t, 2) for t in build_times],
    }


def bench_workers(size: int, folder: Path) -> dict:
    from kgbuild.config import BuildConfig
    from kgbuild.corpus import build_corpus

    corpus = folder / "workers.jsonl"
    write_corpus(corpus, size, seed=11)
    config = BuildConfig(formats=("trig",))
    rates: dict[int, float] = {}
    for run, workers in enumerate((1, 2, 1, 2)):  # alternated, best of two: the cores are shared
        out = folder / f"w{workers}-{run}"
        with JournalWatch(out / ".graph.build" / "journal.jsonl") as watch:
            build_corpus([corpus], out, config=config, workers=workers, progress=False)
        rates[workers] = max(rates.get(workers, 0.0), watch.steady_rate(size))
    return {"documents": size, "docs_per_s_1": rates[1], "docs_per_s_2": rates[2],
            "ratio_2_vs_1": rates[2] / rates[1]}


_MEMORY_CHILD = """
import re, sys
from kgbuild.config import BuildConfig
from kgbuild.corpus import build_corpus
report = build_corpus([sys.argv[1]], sys.argv[2], config=BuildConfig(formats=("trig", "json")), progress=False)
# VmHWM is this program's own peak; ru_maxrss would also count the parent's pages at the fork
with open("/proc/self/status") as status:
    peak_kib = int(re.search(r"VmHWM:\\s+(\\d+)", status.read())[1])
print(report.built, peak_kib)
"""


def bench_memory(sizes: list[int], folder: Path) -> dict:
    peaks = {}
    for size in sizes:
        corpus = folder / f"memory-{size}.jsonl"
        write_corpus(corpus, size, seed=size)
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-c", _MEMORY_CHILD, str(corpus), str(folder / f"m{size}")],
                                 stdout=subprocess.PIPE, cwd=REPO)
        out = child.stdout.read()
        if child.wait() != 0:
            raise SystemExit(f"memory run at {size} documents failed (status {child.returncode})")
        built, peak_kib = (int(word) for word in out.split())
        peaks[size] = (peak_kib / 1024, built, time.perf_counter() - start)
    small, large = sizes[0], sizes[-1]
    return {
        **{f"peak_mib_{s}": round(p[0], 1) for s, p in peaks.items()},
        **{f"seconds_{s}": round(p[2], 1) for s, p in peaks.items()},
        "ratio_peak_large_vs_small": peaks[large][0] / peaks[small][0],
    }


def main() -> None:  # worker processes are spawned: keep the __main__ guard below
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=("throughput", "workers", "memory"), action="append")
    parser.add_argument("--docs", type=int, default=300, help="documents for throughput and workers")
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes for peak memory")
    parser.add_argument("--rounds", type=int, default=3, help="build runs for throughput (best of)")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="throughput timed by the wall clock or by this process's CPU time")
    args = parser.parse_args()
    chosen = args.only or ["throughput", "workers", "memory"]
    if not SEED.exists():
        raise SystemExit(f"{SEED} is missing (the shared folder beside the repository)")
    with tempfile.TemporaryDirectory(prefix="kgbuild-bench-") as tmp:
        folder = Path(tmp)
        results = {}
        if "throughput" in chosen:
            clock = time.process_time if args.clock == "cpu" else time.perf_counter
            results["throughput"] = r = bench_throughput(args.docs, folder, args.rounds, clock)
            print(f"throughput: build {r['build_docs_per_s']:.1f} docs/s (extraction alone "
                  f"{r['build_extract_docs_per_s']:.1f}) vs bare spaCy nlp.pipe {r['spacy_docs_per_s']:.1f} "
                  f"docs/s: {r['ratio_build_vs_spacy']:.2f}x end to end, {r['ratio_extract_vs_spacy']:.2f}x "
                  f"extraction (goal >= 0.80x; {r['clock']} clock)", flush=True)
        if "workers" in chosen:
            results["workers"] = r = bench_workers(args.docs, folder)
            print(f"workers: 1 process {r['docs_per_s_1']:.1f} docs/s, 2 processes {r['docs_per_s_2']:.1f} "
                  f"docs/s: {r['ratio_2_vs_1']:.2f}x (goal >= 1.8x; {os.cpu_count()} cores)", flush=True)
        if "memory" in chosen:
            sizes = [int(s) for s in args.sizes.split(",")]
            results["memory"] = r = bench_memory(sizes, folder)
            print("memory: " + ", ".join(f"{s} docs peak {r[f'peak_mib_{s}']} MiB in {r[f'seconds_{s}']} s"
                                         for s in sizes)
                  + f": {r['ratio_peak_large_vs_small']:.3f}x (goal <= 1.10x)", flush=True)
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
