"""Error analysis by class: what an extraction run missed and added, grouped.

    python bench/misses.py GOLD.json... EXPORT.jsonl [--part relations] [--show]

Uses the same matching as ``kgbuild eval`` (kgbuild.evaluate) and prints, for each
part, counts of misses and spurious items by class: relations by predicate,
statements by speaker (the gold key or the exported entity) and entities by gold
type.  ``--part typed`` prints the entities paired with a gold entity whose types differ,
by class "gold types -> exported types".  ``--show`` lists the items under each class,
with the document id.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kgbuild.evaluate import load_exports, load_gold, pair_entities, score_documents  # noqa: E402
from kgbuild.types import PREDICATES  # noqa: E402

_PARTS = ("entities", "typed", "statements", "relations")


def _class_of(part: str, item: str) -> str:
    if part == "relations":
        return next((w for w in item.split() if w in PREDICATES), "?")
    if part == "statements":
        return "speaker " + item.split(":", 1)[0].split(" by ", 1)[-1][:40]
    return item.split("[", 1)[-1].split("]", 1)[0] if "[" in item else "entity"


def _wrong_types(golds, exports) -> dict[str, list[str]]:
    """{"gold types -> exported types": ["doc: label"]} over the paired entities."""
    by_doc = {}
    for doc in exports:
        source = doc["doc"].get("source") or ""
        by_doc[doc["doc"]["id"]] = by_doc[Path(source).name.split(".")[0]] = doc
    by_class: dict[str, list[str]] = defaultdict(list)
    for gold in golds:
        exported = by_doc.get(gold.id, {}).get("entities", [])
        for entity_id, gi in pair_entities(gold.entities, exported).items():
            g = gold.entities[gi]
            e = next(x for x in exported if x["id"] == entity_id)
            if not g.optional and set(g.types) != set(e["types"]):
                name = f"{'/'.join(sorted(g.types))} -> {'/'.join(sorted(e['types']))}"
                by_class[name].append(f"{gold.id}: {g.key} {e['label']!r}")
    return by_class


def _print(part: str, what: str, by_class: dict[str, list[str]], show: bool) -> None:
    counts = Counter({k: len(v) for k, v in by_class.items()})
    print(f"== {part} {what}: {sum(counts.values())}")
    for name, n in counts.most_common():
        print(f"  {n:4d}  {name}")
        if show:
            for line in by_class[name]:
                print(f"          {line[:150]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", help="GOLD... then the EXPORT")
    ap.add_argument("--part", choices=_PARTS, action="append")
    ap.add_argument("--show", action="store_true", help="list the items of each class")
    args = ap.parse_args(argv)
    *golds, export = args.files
    gold_docs, exports = [load_gold(g) for g in golds], load_exports(export)
    report = score_documents(gold_docs, exports)
    for part in args.part or _PARTS:
        if part == "typed":
            _print(part, "wrong", _wrong_types(gold_docs, exports), args.show)
            continue
        for what in ("missed", "spurious"):
            by_class: dict[str, list[str]] = defaultdict(list)
            for doc in report.documents:
                for item in getattr(doc, what).get(part, ()):
                    by_class[_class_of(part, item)].append(f"{doc.id}: {item}")
            _print(part, what, by_class, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
