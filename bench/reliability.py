"""Does a link's confidence mean something?  Confidence bins against accuracy, on gold files.

    .venv/bin/python bench/reliability.py ../shared/eval/dev            # texts/*.txt + *.gold.json
    .venv/bin/python bench/reliability.py ../shared/eval/dev --only 31 32 33

Each article is built with the default linker; its entities are paired with the gold
entities as ``kgbuild eval`` pairs them (FORMAT.md section 3); for every pair whose gold
entity has a QID, the link is right when the QIDs agree.  Printed: accuracy per
confidence bin and per link method (NIL links count as wrong when gold has a QID).
For HIPE-2020, ``bench/hipe.py`` prints the same table.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path, help="a folder with texts/<id>.txt and <id>.gold.json")
    ap.add_argument("--only", nargs="*", default=None, help="document id prefixes to keep (e.g. 31 32)")
    args = ap.parse_args(argv)

    import kgbuild
    from kgbuild.evaluate import load_gold, pair_entities

    golds = sorted(args.folder.glob("*.gold.json"))
    if args.only:
        golds = [g for g in golds if any(g.name.startswith(p) for p in args.only)]
    bins: dict[int, list[int]] = {}
    methods: dict[str, list[int]] = {}
    for path in golds:
        gold = load_gold(path)
        text = args.folder / "texts" / path.name.replace(".gold.json", ".txt")
        result = kgbuild.build([text])
        extraction = result.extractions[0]
        export = result.to_json()[0]
        links = {e.id: (e.link_confidence or 0.0, e.link_method or "nil") for e in extraction.entities}
        exported = {e["id"]: e for e in export["entities"]}
        for entity_id, gi in pair_entities(gold.entities, export["entities"]).items():
            e, g = exported[entity_id], gold.entities[gi]
            if not g.wikidata:
                continue
            right = e.get("wikidata") == g.wikidata
            confidence, method = links.get(e["id"], (0.0, "nil"))
            if method == "nil":
                confidence = 0.0
            b = next(i for i in range(len(BINS) - 1) if BINS[i] <= confidence < BINS[i + 1])
            bins.setdefault(b, [0, 0])[0 if right else 1] += 1
            methods.setdefault(method, [0, 0])[0 if right else 1] += 1
    print(f"reliability on {args.folder} ({len(golds)} documents): link confidence -> share of gold QIDs linked right")
    for b in sorted(bins):
        ok, bad = bins[b]
        label = "NIL" if b == 0 else f"[{BINS[b]:.2f}, {min(1.0, BINS[b + 1]):.2f})"
        print(f"  {label:<14}{ok / (ok + bad):.3f}  ({ok} / {ok + bad})")
    print("by method: " + ", ".join(f"{m} {ok / (ok + bad):.2f} ({ok}/{ok + bad})"
                                    for m, (ok, bad) in sorted(methods.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
