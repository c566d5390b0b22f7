"""re3d (Dstl; conflict in Syria and Iraq, English): kgbuild's mentions scored as re3d entities.

    .venv/bin/python bench/re3d.py ../shared/eval/external/re3d_en

1. Every document of every subset (``*/documents.json``, mongoexport JSON lines) is built as
   English with the snapshot linker (linking decides some types: a capital acting is a state).
2. Gold: the ``entities.json`` annotations of type Person, Organisation, Location or Weapon
   with confidence >= 0.5 (re3d gives one span two types with different confidences).
3. System: each mention of a kgbuild entity, typed by the role it plays there: Actor and a
   Person -> Person, any other Actor -> Organisation, Region -> Location, Weapon -> Weapon.
   Demonyms and pronouns are left out (re3d types demonyms as Nationality, which is not scored;
   kgbuild's pronoun mentions only carry speakers).  A title and the name after it, both
   mentions of one entity, are one mention ("President Obama", as re3d marks it).
4. A system mention matches a gold one of its type with the same span (exact) or an overlapping
   span (overlap); each is matched once.  Printed: per type and micro P/R/F1, and the macro F1
   over the four types.

Anchor: ConfliBERT (NAACL 2022, table 3), NER macro F1 66.4 (BERT-base 63.4) on the ConfliBERT
re-split of re3d (a fine-tuned model tested on 200 sentences; kgbuild is scored on all 98
documents, none of which it was tuned on).  The re3d texts are read from where they lie, never
copied into the project (licences per subset: see its README).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import kgbuild  # noqa: E402
from kgbuild.types import Article  # noqa: E402

TYPES = ("Person", "Organisation", "Location", "Weapon")
_SKIP_METHODS = ("demonym", "pronoun")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def system_type(mention) -> str | None:
    if mention.method in _SKIP_METHODS:
        return None
    if mention.type == "Weapon":
        return "Weapon"
    if mention.type == "Region":
        return "Location"
    return "Person" if mention.kind == "Person" else "Organisation"


def system_mentions(extraction) -> list[tuple[int, int, str]]:
    """(start, end, type) of each mention scored; a title and the name right after it, mentions
    of one entity ("President" "Obama"), are one mention, as re3d marks them."""
    spans = []
    text = extraction.article.text
    for entity in extraction.entities:
        mentions = sorted((m for m in entity.mentions if system_type(m)), key=lambda m: m.start)
        for m in mentions:
            kind = system_type(m)
            if spans and spans[-1][3] == entity.id and spans[-1][2] == kind \
                    and not text[spans[-1][1]:m.start].strip():
                spans[-1] = (spans[-1][0], m.end, kind, entity.id)
            else:
                spans.append((m.start, m.end, kind, entity.id))
    return sorted({(start, end, kind) for start, end, kind, _ in spans})


def match(gold: list[tuple[int, int, str]], found: list[tuple[int, int, str]], exact: bool) -> int:
    """How many system spans pair with a gold span of their type (each used once)."""
    used: set[int] = set()
    hits = 0
    for start, end, kind in found:
        for n, (g_start, g_end, g_kind) in enumerate(gold):
            if n in used or g_kind != kind:
                continue
            if (start, end) == (g_start, g_end) if exact else (start < g_end and g_start < end):
                used.add(n)
                hits += 1
                break
    return hits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the re3d folder (its subsets are read)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    documents, gold = {}, {}
    for subset in sorted(p.parent for p in args.folder.glob("*/documents.json")):
        for doc in read_jsonl(subset / "documents.json"):
            documents[doc["_id"]] = doc["text"]
            gold[doc["_id"]] = set()
        for ent in read_jsonl(subset / "entities.json"):
            if ent["type"] in TYPES and float(ent.get("confidence", 1)) >= 0.5 and ent["documentId"] in gold:
                gold[ent["documentId"]].add((ent["begin"], ent["end"], ent["type"]))
    articles = [Article(id=doc_id, text=text, lang="en") for doc_id, text in documents.items()]
    result = kgbuild.build(articles, lang="en")
    found = {e.article.id: system_mentions(e) for e in result.extractions}

    table = {}
    for mode in ("exact", "overlap"):
        rows = {}
        totals = Counter()
        for kind in TYPES:
            hits = n_found = n_gold = 0
            for doc_id in documents:
                g = sorted(s for s in gold[doc_id] if s[2] == kind)
                f = [s for s in found.get(doc_id, ()) if s[2] == kind]
                hits += match(g, f, mode == "exact")
                n_found += len(f)
                n_gold += len(g)
            p = hits / n_found if n_found else 0.0
            r = hits / n_gold if n_gold else 0.0
            rows[kind] = {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0, 3),
                          "gold": n_gold, "found": n_found}
            totals.update(hits=hits, found=n_found, gold=n_gold)
        p = totals["hits"] / totals["found"] if totals["found"] else 0.0
        r = totals["hits"] / totals["gold"] if totals["gold"] else 0.0
        rows["micro"] = {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0, 3)}
        rows["macro f1"] = round(sum(rows[k]["f1"] for k in TYPES) / len(TYPES), 3)
        table[mode] = rows
    if args.json:
        print(json.dumps({"documents": len(documents), "failures": len(result.failures), **table}, indent=1))
        return 0
    print(f"re3d: {len(documents)} documents, {len(result.failures)} failures")
    for mode, rows in table.items():
        print(f" {mode}:")
        for kind in (*TYPES, "micro"):
            r = rows[kind]
            extra = f"  ({r['found']} found / {r['gold']} gold)" if "gold" in r else ""
            print(f"  {kind:13} P {r['p']:.3f}  R {r['r']:.3f}  F1 {r['f1']:.3f}{extra}")
        print(f"  macro F1 over the four types: {rows['macro f1']:.3f}")
    print(" anchor (ConfliBERT, its re3d split, fine-tuned): NER macro F1 0.664; BERT-base 0.634")
    return 0


if __name__ == "__main__":
    sys.exit(main())
