"""PolNeAR (political news attribution, English): kgbuild's statements scored as attributions.

    .venv/bin/python bench/polnear.py ../shared/eval/external/polnear_en/data/test

1. Each article of ``text/`` is built as English (``--linker none``: attribution needs no link).
2. The gold attributions are the ``E`` records of ``attributions/<article>_<annotator>.ann``
   (brat standoff; the file of the lowest annotator id when two annotated the article):
   their Content span and their Source span (an attribution without a source keeps none).
3. A kgbuild statement is an attribution: its content is its text span, its source the
   mentions of its speaker entity.
   - content, exact: the spans are equal once quote marks, spaces and end punctuation are trimmed;
   - content, overlap: the spans overlap (a character at least);
   each gold and each statement is paired once (greedy, largest overlap first);
   precision = paired statements / statements, recall = paired gold / gold.
   - source: among the content-overlap pairs, the speaker is right when one of its entity's
     mentions overlaps the gold Source span; precision over the statements with a speaker,
     recall over the gold attributions with a source.

Anchor (the README's quality table): BBC Citron on PARC 3.0 test, content F1 59.3 exact / 83.3
overlap, source 82.0 / 85.3 (another corpus of the same annotation scheme).  The PolNeAR texts
are copyrighted articles: they are read from where they lie, never copied into the project.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import kgbuild  # noqa: E402
from kgbuild.types import Article  # noqa: E402

_TRIM = " \t\n\"'“”‘’«».,;:!?—–-"


@dataclass(frozen=True)
class Attribution:
    content: tuple[int, int]
    source: tuple[int, int] | None


def read_ann(path: Path) -> list[Attribution]:
    """The attributions of a brat file: content span and source span (the first fragment of each)."""
    spans: dict[str, tuple[str, int, int]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            kind, rest = fields[1].split(" ", 1)
            start, end = rest.split(";")[0].split()[:2]
            spans[fields[0]] = (kind, int(start), int(end))
        elif line.startswith("E") and len(fields) >= 2:
            events.append(dict(part.split(":", 1) for part in fields[1].split() if ":" in part))
    found = []
    for event in events:
        content = spans.get(event.get("Content", ""))
        if content is None:
            continue
        source = spans.get(event.get("Source", ""))
        found.append(Attribution((content[1], content[2]), (source[1], source[2]) if source else None))
    return found


def annotation_files(folder: Path) -> dict[str, Path]:
    """article name -> its annotation file (the lowest annotator id when there are two)."""
    chosen: dict[str, Path] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        article = path.stem.rsplit("_", 1)[0]
        chosen.setdefault(article, path)
    return chosen


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def pair(gold: list[tuple[int, int]], found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(gold index, found index) pairs of overlapping spans, each used once, largest overlap first."""
    candidates = sorted(((overlap(g, f), i, j) for i, g in enumerate(gold) for j, f in enumerate(found)
                         if overlap(g, f) > 0), reverse=True)
    used_g, used_f, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_g and j not in used_f:
            used_g.add(i)
            used_f.add(j)
            pairs.append((i, j))
    return pairs


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a PolNeAR split: data/test or data/dev")
    parser.add_argument("--limit", type=int, default=0, help="score the first N articles only")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    files = annotation_files(args.folder)
    names = sorted(files)[: args.limit or None]
    articles = [Article(id=name, text=(args.folder / "text" / f"{name}.txt").read_text(encoding="utf-8"),
                        lang="en") for name in names]
    result = kgbuild.build(articles, linker="none", lang="en")
    by_id = {e.article.id: e for e in result.extractions}

    counts = dict(gold=0, found=0, exact=0, overlap_g=0, overlap_f=0, gold_src=0, found_src=0, src=0)
    for name in names:
        extraction = by_id.get(name)
        gold = read_ann(files[name])
        counts["gold"] += len(gold)
        counts["gold_src"] += sum(1 for g in gold if g.source)
        if extraction is None:
            continue
        text = extraction.article.text
        statements = list(extraction.statements)
        counts["found"] += len(statements)
        counts["found_src"] += sum(1 for s in statements if s.speaker)
        gold_spans = [trimmed(text, *g.content) for g in gold]
        found_spans = [trimmed(text, s.start, s.end) for s in statements]
        found_exact = {span for span in found_spans}
        counts["exact"] += sum(1 for span in set(gold_spans) if span in found_exact)
        mentions = {e.id: [(m.start, m.end) for m in e.mentions] for e in extraction.entities}
        for i, j in pair(gold_spans, found_spans):
            counts["overlap_g"] += 1
            counts["overlap_f"] += 1
            source, speaker = gold[i].source, statements[j].speaker
            if source and speaker and any(overlap(source, m) for m in mentions.get(speaker, ())):
                counts["src"] += 1

    def prf(hit_p, all_p, hit_r, all_r):
        p, r = (hit_p / all_p if all_p else 0.0), (hit_r / all_r if all_r else 0.0)
        return {"p": round(p, 3), "r": round(r, 3), "f1": round(f1(p, r), 3)}

    report = {
        "articles": len(names), "gold attributions": counts["gold"], "statements": counts["found"],
        "content exact": prf(counts["exact"], counts["found"], counts["exact"], counts["gold"]),
        "content overlap": prf(counts["overlap_f"], counts["found"], counts["overlap_g"], counts["gold"]),
        "source": prf(counts["src"], counts["found_src"], counts["src"], counts["gold_src"]),
        "failures": len(result.failures),
    }
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        print(f"PolNeAR {args.folder.name}: {report['articles']} articles, {counts['gold']} gold "
              f"attributions, {counts['found']} kgbuild statements, {report['failures']} failures")
        for part in ("content exact", "content overlap", "source"):
            r = report[part]
            print(f"  {part:16} P {r['p']:.3f}  R {r['r']:.3f}  F1 {r['f1']:.3f}")
        print("  anchor (BBC Citron, PARC 3.0 test): content F1 0.593 exact / 0.833 overlap; source 0.820 / 0.853")
    return 0


if __name__ == "__main__":
    sys.exit(main())
