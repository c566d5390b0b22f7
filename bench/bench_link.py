"""Linking benchmark: snapshot load time, snapshot linking throughput, SPARQL requests per article.

    .venv/bin/python bench/bench_link.py [--docs 2000] [--no-sparql]

Goals (issue 3): snapshot load < 1 s; >= 50,000 mentions/s on the snapshot backend;
<= 2 SPARQL requests per article, 0 on a warm cache.  Times are printed with a
baseline measured in the same run (a plain gzip+JSON read; a normalise-and-dict
lookup per mention), so the ratios travel between machines.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from kgbuild.kb import KB_DIR, NTRIPLES_FILE, SNAPSHOT_FILE
from kgbuild.link import load_linker, load_snapshot
from kgbuild.kb import reader as snapshot_module
from kgbuild.normalize import _normalize as normalise_uncached  # the baseline's normalisation
from kgbuild.types import Article, Entity, Extraction, Mention, Span

#: (surface, types, kind) drawn into synthetic articles: exact names, variants, misspellings, demonyms
NAMES = [
    ("Vladimir Poutine", ("Actor",), "Person"), ("Poutine", ("Actor",), "Person"),
    ("Zelensky", ("Actor",), "Person"), ("Selenskyj", ("Actor",), "Person"), ("Joe Biden", ("Actor",), "Person"),
    ("Donald Trump", ("Actor",), "Person"), ("Olaf Scholz", ("Actor",), "Person"), ("Borrell", ("Actor",), "Person"),
    ("Moscou", ("Actor",), "State"), ("Washington", ("Actor",), "State"), ("Kiev", ("Region",), "City"),
    ("Etats-Unis", ("Actor",), "State"), ("Russie", ("Actor", "Region"), "State"), ("Ukraine", ("Region",), "Country"),
    ("Allemagne", ("Actor",), "State"), ("Otan", ("Actor",), "Organization"), ("UE", ("Actor",), "Organization"),
    ("New York Times", ("Actor",), "Media"), ("Kourk", ("Region",), "AdministrativeRegion"),
    ("région de Koursk", ("Region",), "AdministrativeRegion"), ("nord-coréens", ("Actor",), "Group"),
    ("missiles ATACMS", ("Weapon",), "WeaponSystem"), ("missiles de croisière", ("Weapon",), "WeaponClass"),
    ("Soumy", ("Region",), "City"), ("Verts", ("Actor",), "Party"), ("Kharkov", ("Region",), "City"),
    ("Zorglub Corp", ("Actor",), "Organization"),
]


def make_docs(n: int, per_doc: int, seed: int = 7) -> list[Extraction]:
    rng = random.Random(seed)
    docs = []
    for d in range(n):
        picks = rng.sample(NAMES, per_doc)
        text, entities = "", []
        for i, (surface, types, kind) in enumerate(picks, start=1):
            mentions = []
            for _ in range(rng.randint(1, 4)):  # an entity is named one to four times
                start = len(text) + len("Selon la dépêche, ")
                text += f"Selon la dépêche, {surface} a réagi. "
                mentions.append(Mention(start=start, end=start + len(surface), text=surface, type=types[0],
                                        kind=kind, sentence=len(mentions)))
            entities.append(Entity(id=f"e{i}", label=surface, types=types, kind=kind, mentions=tuple(mentions)))
        docs.append(Extraction(article=Article(id=f"d{d}", text=text), sentences=(Span(0, len(text)),),
                               entities=tuple(entities)))
    return docs


_RSS = """
def rss():
    with open("/proc/self/status") as fh:
        return next(int(l.split()[1]) for l in fh if l.startswith("VmRSS:")) / 1024
"""
_LOAD_PLAIN = _RSS + """
import gzip, json, sys, time
r0 = rss()
t0 = time.perf_counter()
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as fh:
    data = json.load(fh)
print(time.perf_counter() - t0, rss() - r0)
"""
_LOAD_SNAPSHOT = _RSS + """
import sys, time
from kgbuild.kb.reader import load_snapshot
r0 = rss()
t0 = time.perf_counter()
kb = load_snapshot(sys.argv[1])
print(time.perf_counter() - t0, rss() - r0)
"""


def _unpacked(index: dict) -> dict:
    """The index as the format-1 file held it: lists of keys, [key, lang] pairs for names."""
    out = dict(index)
    out["names"] = {k: [p.split("|", 1) for p in v.split(" ")] for k, v in index["names"].items()}
    for name in ("skeletons", "acronyms", "demonyms"):
        out[name] = {k: v.split(" ") for k, v in index[name].items()}
    return out


def _measure(code: str, path: Path) -> tuple[float, float]:
    """Seconds and resident MB a fresh interpreter needs to run ``code`` on ``path``."""
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    seconds, mb = out.stdout.split()
    return float(seconds), float(mb)


def bench_load() -> None:
    """The snapshot file against the same rows and index stored as one JSON document (the
    format-1 layout of the snapshot before issue 14: every entry and index bucket parsed up
    front), each read in a fresh process."""
    from kgbuild.kb.reader import build_index, read_snapshot_rows

    path = KB_DIR / SNAPSHOT_FILE
    _head, rows = read_snapshot_rows(path)
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "plain.json.gz"
        with gzip.open(plain, "wt", encoding="utf-8") as fh:
            json.dump({"format": 1, "entries": rows, "index": _unpacked(build_index(rows))}, fh, ensure_ascii=False)
        t_json, mb_json = min(_measure(_LOAD_PLAIN, plain) for _ in range(3))
    t_load, mb_load = min(_measure(_LOAD_SNAPSHOT, path) for _ in range(3))
    print(f"snapshot load: {t_load:.3f} s for {len(rows)} entries (goal < 1 s); {t_load / t_json:.2f}x a plain "
          f"gzip+JSON read of the same rows ({t_json:.3f} s); resident +{mb_load:.0f} MB "
          f"({mb_load / mb_json:.2f}x the JSON read's +{mb_json:.0f} MB); best of 3 fresh processes")


def bench_snapshot(docs: list[Extraction]) -> None:
    mentions = sum(len(e.mentions) for d in docs for e in d.entities)
    kb = load_snapshot()
    table = {normalise_uncached(n): e.key for e in kb.entries for n in e.labels.values()}
    t0 = time.perf_counter()
    for d in docs:
        for e in d.entities:
            for m in e.mentions:
                table.get(normalise_uncached(m.text))
    t_dict = time.perf_counter() - t0
    linker = load_linker("snapshot")
    t0 = time.perf_counter()
    for d in docs:
        linker.link(d)
    t_cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d in docs:
        linker.link(d)
    t_warm = time.perf_counter() - t0
    entities = sum(len(d.entities) for d in docs)
    print(f"snapshot linking: {mentions} mentions of {entities} entities in {len(docs)} articles")
    print(f"  first pass (names new to the process): {mentions / t_cold:,.0f} mentions/s")
    print(f"  second pass (names seen before):       {mentions / t_warm:,.0f} mentions/s (goal >= 50,000), "
          f"{entities / t_warm:,.0f} entities/s")
    print(f"  baseline normalise+dict lookup:        {mentions / t_dict:,.0f} mentions/s; "
          f"linking costs {t_warm / t_dict:.1f}x the baseline")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_sparql(docs: list[Extraction]) -> None:
    exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if exe is None:
        print("sparql: skipped (no oxigraph CLI)")
        return
    base = f"http://127.0.0.1:{_free_port()}"
    proc = subprocess.Popen([exe, "serve", "--bind", base[7:]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        with gzip.open(KB_DIR / NTRIPLES_FILE, "rb") as fh:
            req = urllib.request.Request(base + "/store?default", data=fh.read(), method="POST",
                                         headers={"Content-Type": "application/n-triples"})
        urllib.request.urlopen(req, timeout=120).close()
        with tempfile.TemporaryDirectory() as cache:
            cold = load_linker("sparql", endpoint=base + "/query", cache_dir=cache, rate=1000)
            per_article = []
            t0 = time.perf_counter()
            for d in docs:
                sent = cold.client.requests
                cold.link(d)
                per_article.append(cold.client.requests - sent)
            t_cold = time.perf_counter() - t0
            warm = load_linker("sparql", endpoint=base + "/query", cache_dir=cache, rate=1000)
            t0 = time.perf_counter()
            for d in docs:
                warm.link(d)
            t_warm = time.perf_counter() - t0
        print(f"sparql (local Oxigraph, {len(docs)} articles of {len(docs[0].entities)} entities):")
        print(f"  cold cache: {cold.client.requests / len(docs):.2f} requests/article on average, "
              f"at most {max(per_article)} for one article (goal <= 2), {t_cold / len(docs) * 1000:.1f} ms/article")
        print(f"  warm cache: {warm.client.requests / len(docs):.2f} requests/article (goal 0), "
              f"{t_warm / len(docs) * 1000:.1f} ms/article; cold/warm time {t_cold / max(t_warm, 1e-9):.1f}x")
    finally:
        proc.terminate()
        proc.wait(10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="synthetic articles for the snapshot run")
    parser.add_argument("--per-doc", type=int, default=10, help="entities per article")
    parser.add_argument("--no-sparql", action="store_true", help="skip the Oxigraph run")
    args = parser.parse_args()
    bench_load()
    bench_snapshot(make_docs(args.docs, args.per_doc))
    if not args.no_sparql:
        bench_sparql(make_docs(50, 25, seed=11))  # long articles: 25 entities each
    return 0


if __name__ == "__main__":
    sys.exit(main())
