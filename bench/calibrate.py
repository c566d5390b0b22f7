"""Link confidence calibration: the accuracy of each evidence class on the tuning data.

    .venv/bin/python bench/calibrate.py HIPE-data-v1.4-dev-fr.tsv ../shared/eval/dev --only 31 32 ... 40
    .venv/bin/python bench/calibrate.py ... --write      # -> kgbuild/data/link/calibration.csv

Every QID link kgbuild makes on the tuning data is put in its evidence class
(``kgbuild.link.disambiguate.evidence_class``: how the name met the entry, and what the
entry is) and counted right or wrong against the gold: a HIPE-2020 TSV (the gold entity the
linked mention overlaps most, as ``bench/hipe.py`` pairs them) and gold files of
FORMAT.md (the gold entity paired with the exported one, as ``kgbuild eval`` pairs them).
A link's confidence is then its class's accuracy (Laplace-smoothed, each tuning set
weighing the same), so a link of 0.8 is right about 8 times in 10 on data like the tuning
data.  Use only tuning data here (HIPE
dev, dev 31-40); report reliability on held-out data (HIPE test, dev 41-45) with
``bench/hipe.py`` and ``bench/reliability.py``.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def hipe_links(tsv: Path, cache: Path | None, linker) -> list[tuple[str, bool]]:
    import hipe

    from kgbuild.link.disambiguate import evidence_class

    docs = hipe.read_hipe(tsv)
    out = []
    for doc, extraction in zip(docs, hipe.extract_all(docs, cache)):
        linked = linker.link(extraction)
        gold = hipe.gold_spans(doc)
        by_link = {}
        for e in linked.entities:
            if e.qid and e.kb_id:
                by_link[e.id] = evidence_class(e.link_method, linker.get(e.kb_id))
        spans = hipe.system_spans(doc, linked)  # one span per named mention, literal QIDs
        first_entity = {}
        for e in linked.entities:
            for m in e.mentions:
                toks = [i for i, t in enumerate(doc.tokens) if t.start < m.end and t.end > m.start]
                if toks:
                    first_entity.setdefault(toks[0], e.id)
        for g, s in hipe.overlapping(gold, spans):
            if s.method == "metonymy-literal":
                continue  # HIPE's literal sense, not the link kgbuild made
            cls = by_link.get(first_entity.get(s.first))
            if cls is not None:
                out.append((cls, g is not None and g.link == s.link))
    return out


def gold_links(folder: Path, only: list[str] | None) -> list[tuple[str, bool]]:
    import kgbuild
    from kgbuild.evaluate import load_gold, pair_entities
    from kgbuild.link import load_linker
    from kgbuild.link.disambiguate import evidence_class

    linker = load_linker()
    golds = sorted(folder.glob("*.gold.json"))
    if only:
        golds = [g for g in golds if any(g.name.startswith(p) for p in only)]
    out = []
    for path in golds:
        gold = load_gold(path)
        result = kgbuild.build([folder / "texts" / path.name.replace(".gold.json", ".txt")])
        entities = {e.id: e for e in result.extractions[0].entities}
        for entity_id, gi in pair_entities(gold.entities, result.to_json()[0]["entities"]).items():
            e, g = entities.get(entity_id), gold.entities[gi]
            if e is None or not e.qid or not e.kb_id or not g.wikidata:
                continue
            out.append((evidence_class(e.link_method, linker.get(e.kb_id)), e.qid == g.wikidata))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sources", type=Path, nargs="+", help="HIPE TSVs and gold folders (texts/ + *.gold.json)")
    ap.add_argument("--only", nargs="*", default=None, help="gold document id prefixes to keep (e.g. 31 32)")
    ap.add_argument("--cache", type=Path, default=None, help="HIPE extractions cache (see bench/hipe.py)")
    ap.add_argument("--write", action="store_true", help="write kgbuild/data/link/calibration.csv")
    args = ap.parse_args(argv)

    from kgbuild.link import load_linker
    from kgbuild.link.disambiguate import CALIBRATION_FILE, calibration

    linker = load_linker()
    right, total = Counter(), Counter()  # (class, source) -> links
    for source in args.sources:
        found = hipe_links(source, args.cache, linker) if source.suffix == ".tsv" else gold_links(source, args.only)
        print(f"{source}: {len(found)} QID links, {sum(ok for _, ok in found)} right")
        label = f"hipe:{source.stem}" if source.suffix == ".tsv" else f"gold:{source.resolve().parent.name}/{source.resolve().name}"
        for cls, ok in found:
            total[cls, label] += 1
            right[cls, label] += ok
    print(f"{'evidence class':<22}{'tuning set':<30}{'right':>7}{'total':>7}{'accuracy':>10}")
    for cls, src in sorted(total, key=lambda k: (k[0], k[1])):
        print(f"{cls:<22}{src:<30}{right[cls, src]:>7}{total[cls, src]:>7}{right[cls, src] / total[cls, src]:>10.3f}")
    if args.write:
        with CALIBRATION_FILE.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(("class", "source", "right", "total"))
            for cls, src in sorted(total):
                w.writerow((cls, src, right[cls, src], total[cls, src]))
        print(f"written: {CALIBRATION_FILE}")
        calibration.cache_clear()
        print("confidence per class: " + ", ".join(f"{c} {v:.2f}" for c, v in sorted(calibration().items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
