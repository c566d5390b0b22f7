"""CLEF-HIPE-2020 named-entity recognition and linking, end to end, scored as HIPE scores it.

    .venv/bin/python bench/hipe.py ../shared/eval/external/hipe2020_nel/HIPE-data-v1.4-test-fr.tsv
    .venv/bin/python bench/hipe.py DEV.tsv --cache /tmp/hipe-cache --out /tmp/hipe-dev   # tuning runs
    .venv/bin/python bench/hipe.py DEV.tsv --cache /tmp/hipe-cache --losses 10          # where F1 is lost

1. The documents are rebuilt from the TSV: tokens joined by one space, none after a token
   whose MISC column says ``NoSpaceAfter``; each token keeps its character offsets.
2. kgbuild extracts and links each document (``--cache DIR`` keeps the unlinked
   extractions, so a second run only re-links).
3. Each named mention (not pronouns, role nouns or demonyms) becomes a system
   entity over the tokens it covers: coarse type from its role (pers / org / loc) and
   NEL-LIT = its entity's QID, or NIL.  A capital kgbuild reads as its state (metonymy) is
   written as HIPE annotates it: the city (literal sense) in NEL-LIT, the state in NEL-METO
   (``--metonymic`` writes the state in NEL-LIT instead).  The system TSV is written in the
   HIPE format.
4. Scoring follows the HIPE-2020 scorer's definitions: entities are IOB spans of
   NE-COARSE-LIT carrying the NEL-LIT value of their first token; micro counts over all
   documents; "fuzzy" boundaries: a system entity matches a gold entity when their tokens
   overlap and their labels agree (the type for NERC, the link for NEL, NIL included);
   each gold and each system entity is matched at most once; @1 (one link per entity).

Printed: NERC coarse (fuzzy, typed and untyped), NEL end to end (all entities, and
QID-bearing gold only), the precision of the mentions kgbuild linked to a QID, the
snapshot's coverage of the gold QIDs, and a reliability table (link confidence bins
against accuracy); ``--losses N``: every NEL false negative and false positive in a class
(missed mention, NIL where the gold item is or is not in the snapshot, wrong QID, QID where
gold says NIL, spurious or split mention), with N examples of each.  The HIPE data is CC BY-NC-SA 4.0: it is read from where it lies,
never copied into the project.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kgbuild.kb.keys import match_key  # noqa: E402
from kgbuild.types import Article, Extraction  # noqa: E402

COLUMNS = ("TOKEN", "NE-COARSE-LIT", "NE-COARSE-METO", "NE-FINE-LIT", "NE-FINE-METO", "NE-FINE-COMP",
           "NE-NESTED", "NEL-LIT", "NEL-METO", "MISC")
#: mentions HIPE does not annotate (pronouns, role nouns; one-word demonyms below, unless the
#: word is also the country's name: "les Suisses" and "français" are no named entities)
_SKIP_METHODS = ("pronoun", "role")
BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


@dataclass
class Token:
    text: str
    start: int
    end: int
    coarse: str
    link: str
    misc: str


@dataclass
class HipeDoc:
    id: str
    date: str | None
    comments: list[str] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    text: str = ""


@dataclass(frozen=True)
class Span:
    first: int  # token indices, inclusive
    last: int
    type: str
    link: str
    confidence: float | None = None
    method: str = ""
    meto: str = "_"  # NEL-METO: the metonymic sense, when there is one


# -- reading ---------------------------------------------------------------------------


def read_hipe(path: Path) -> list[HipeDoc]:
    """Documents of a HIPE TSV with their text rebuilt (NoSpaceAfter respected)."""
    docs: list[HipeDoc] = []
    pending: list[str] = []
    parts: list[str] = []
    with path.open(encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        if tuple(header[:len(COLUMNS)]) != COLUMNS:
            raise SystemExit(f"{path}: not a HIPE TSV (first line {header[:3]}...)")
        for n, line in enumerate(fh, start=2):
            line = line.rstrip("\n")
            if not line:
                continue
            if line.startswith("#"):
                if "document_id" in line:
                    if docs:
                        docs[-1].text = "".join(parts)
                    doc = HipeDoc(id=line.split("=", 1)[1].strip(), date=None, comments=pending + [line])
                    docs.append(doc)
                    pending, parts = [], []
                elif docs and docs[-1].tokens:
                    docs[-1].comments.append(line)
                else:
                    pending.append(line)
                if "# date" in line and docs:
                    docs[-1].date = line.split("=", 1)[1].strip()[:10]
                continue
            cells = line.split("\t")
            if len(cells) < len(COLUMNS) or not docs:
                raise SystemExit(f"{path}:{n}: expected {len(COLUMNS)} tab-separated columns")
            doc = docs[-1]
            start = sum(len(p) for p in parts)
            parts.append(cells[0])
            doc.tokens.append(Token(cells[0], start, start + len(cells[0]), cells[1], cells[7], cells[9]))
            if "NoSpaceAfter" not in cells[9].split("|"):
                parts.append(" ")
    if docs:
        docs[-1].text = "".join(parts)
    for doc in docs:  # dates of the documents read before their "# date" line
        for c in doc.comments:
            if c.startswith("# date"):
                doc.date = c.split("=", 1)[1].strip()[:10]
    return docs


def gold_spans(doc: HipeDoc) -> list[Span]:
    """IOB spans of NE-COARSE-LIT, each with the NEL-LIT value of its first token."""
    spans: list[Span] = []
    first = None
    for i, tok in enumerate(doc.tokens + [Token("", 0, 0, "O", "_", "")]):
        tag = tok.coarse
        if first is not None and not (tag.startswith("I-") and tag[2:] == doc.tokens[first].coarse[2:]):
            head = doc.tokens[first]
            spans.append(Span(first, i - 1, head.coarse[2:], head.link if head.link not in ("_", "") else "NIL"))
            first = None
        if tag.startswith("B-") or (tag.startswith("I-") and first is None):
            first = i
    return spans


# -- running kgbuild ---------------------------------------------------------------------


def extract_all(docs: list[HipeDoc], cache: Path | None) -> list[Extraction]:
    """Unlinked extractions of the documents (read from / written to ``cache``)."""
    import hashlib

    from kgbuild.extract import Extractor
    from kgbuild.kb import default_snapshot_path

    out: list[Extraction] = []
    extractor = None
    if cache is not None:  # extraction reads the knowledge base: a new snapshot, a new cache
        cache = cache / hashlib.sha1(default_snapshot_path().read_bytes()).hexdigest()[:12]
    for doc in docs:
        hit = cache / f"{doc.id}.pickle" if cache else None
        if hit is not None and hit.exists():
            with hit.open("rb") as fh:
                cached = pickle.load(fh)
            if cached.article.text == doc.text:
                out.append(cached)
                continue
        if extractor is None:
            extractor = Extractor("fr")
        extraction = extractor.extract(Article(id=doc.id, text=doc.text, lang="fr", date=doc.date))
        if hit is not None:
            hit.parent.mkdir(parents=True, exist_ok=True)
            with hit.open("wb") as fh:
                pickle.dump(extraction, fh)
        out.append(extraction)
    return out


def _coarse(mention, entity) -> str | None:
    if mention.type == "Actor":
        return "pers" if entity.kind == "Person" or mention.kind == "Person" else "org"
    if mention.type == "Region":
        return "loc"
    return None


def literal_sense(linker) -> "callable":
    """For a mention read by metonymy (a capital standing for its state: mention method
    ``capital``, or the linker's ``metonymy``), the KB entry its words name literally: the
    capital whose state the entity is.  HIPE annotates the literal referent in NEL-LIT and the
    metonymic one in NEL-METO, so the city goes to NEL-LIT."""
    def literal(mention, entity):
        if entity.kb_id is None:
            return None
        for cand in linker.finder.find(mention.text, "fr"):
            if cand.entry.capital_of == entity.kb_id:
                return cand.entry
        return None
    return literal


def system_spans(doc: HipeDoc, extraction: Extraction, literal=None) -> list[Span]:
    """kgbuild's named mentions as token spans (the first mention wins where two overlap);
    ``literal`` (see ``literal_sense``) gives a metonymic mention its literal referent."""
    taken: set[int] = set()
    spans: list[Span] = []
    mentions = sorted(((m, e) for e in extraction.entities for m in e.mentions), key=lambda me: me[0].start)
    for m, e in mentions:
        if m.method in _SKIP_METHODS or (m.method == "demonym" and " " not in m.text.strip()
                                         and not (m.text[:1].isupper() and match_key(m.text) == match_key(e.label))):
            continue
        kind = _coarse(m, e)
        if kind is None:
            continue
        toks = [i for i, t in enumerate(doc.tokens) if t.start < m.end and t.end > m.start]
        if not toks or taken & set(toks):
            continue
        taken |= set(toks)
        lit = literal(m, e) if literal is not None and (m.method == "capital" or e.link_method == "metonymy") \
            else None
        if lit is not None and lit.qid:
            spans.append(Span(toks[0], toks[-1], "loc", lit.qid, e.link_confidence, "metonymy-literal", e.qid or "_"))
            continue
        spans.append(Span(toks[0], toks[-1], kind, e.qid or "NIL",
                          e.link_confidence if e.qid else None, e.link_method or ""))
    return spans


def write_system_tsv(docs: list[HipeDoc], systems: list[list[Span]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write("\t".join(COLUMNS) + "\n")
        for doc, spans in zip(docs, systems):
            tags = ["O"] * len(doc.tokens)
            links = ["_"] * len(doc.tokens)
            metos = ["_"] * len(doc.tokens)
            for s in spans:
                for i in range(s.first, s.last + 1):
                    tags[i] = ("B-" if i == s.first else "I-") + s.type
                    links[i], metos[i] = s.link, s.meto
            for c in doc.comments:
                fh.write(c + "\n")
            for tok, tag, link, meto in zip(doc.tokens, tags, links, metos):
                fh.write("\t".join((tok.text, tag, "O", "O", "O", "O", "O", link, meto, tok.misc)) + "\n")


# -- scoring -----------------------------------------------------------------------------


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match_fuzzy(gold: list[Span], system: list[Span], label) -> tuple[Counts, list[tuple[Span, Span]]]:
    """Overlapping spans with the same label, each matched at most once (most overlap first)."""
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g.last, s.last) - max(g.first, s.first) + 1
            if overlap > 0 and label(g) == label(s):
                pairs.append((-overlap, gi, si))
    used_g, used_s, matched = set(), set(), []
    for _, gi, si in sorted(pairs):
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            matched.append((gold[gi], system[si]))
    return Counts(len(matched), len(system) - len(matched), len(gold) - len(matched)), matched


def overlapping(gold: list[Span], system: list[Span]) -> list[tuple[Span, Span]]:
    """Each system span with a QID and the gold span it overlaps most (for precision and
    reliability: was the link right?)."""
    out = []
    for s in system:
        if s.link == "NIL":
            continue
        best = max(gold, key=lambda g: min(g.last, s.last) - max(g.first, s.first), default=None)
        if best is not None and min(best.last, s.last) - max(best.first, s.first) >= 0:
            out.append((best, s))
        else:
            out.append((None, s))
    return out


def score(docs: list[HipeDoc], systems: list[list[Span]], known_qids: set[str]) -> dict:
    nerc, nerc_untyped, nel, nel_qid = Counts(), Counts(), Counts(), Counts()
    linked = Counter()
    bins: dict[int, list[int]] = {}
    by_method: dict[str, list[int]] = {}
    gold_qids: Counter = Counter()
    for doc, system in zip(docs, systems):
        gold = gold_spans(doc)
        nerc.add(match_fuzzy(gold, system, lambda s: s.type)[0])
        nerc_untyped.add(match_fuzzy(gold, system, lambda s: "")[0])
        nel.add(match_fuzzy(gold, system, lambda s: s.link)[0])
        with_qid = [g for g in gold if g.link != "NIL"]
        c, _ = match_fuzzy(with_qid, [s for s in system if s.link != "NIL"], lambda s: s.link)
        nel_qid.add(c)
        gold_qids.update(g.link for g in with_qid)
        for g, s in overlapping(gold, system):
            right = g is not None and g.link == s.link
            linked["right" if right else "wrong"] += 1
            b = next(i for i in range(len(BINS) - 1) if BINS[i] <= (s.confidence or 0.0) < BINS[i + 1])
            bins.setdefault(b, [0, 0])[0 if right else 1] += 1
            by_method.setdefault(s.method, [0, 0])[0 if right else 1] += 1
    covered = {q for q in gold_qids if q in known_qids}
    return {"nerc": nerc, "nerc_untyped": nerc_untyped, "nel": nel, "nel_qid": nel_qid, "linked": linked,
            "bins": bins, "by_method": by_method, "gold_qids": len(gold_qids), "covered_qids": len(covered),
            "gold_qid_mentions": sum(gold_qids.values()),
            "covered_mentions": sum(n for q, n in gold_qids.items() if q in known_qids)}


def _overlap(a: Span, b: Span) -> int:
    return min(a.last, b.last) - max(a.first, b.first) + 1


def losses(docs: list[HipeDoc], systems: list[list[Span]], known_qids: set[str]) -> dict[str, list[str]]:
    """Where end-to-end NEL loses: every unmatched gold entity (a false negative) and every
    unmatched system entity (a false positive) in one class, with a line that shows it.

    Classes: a gold entity no system entity overlaps (missed mention, split by whether its
    QID is in the snapshot); NIL where the gold QID is in the snapshot (a link missed) or
    not (out of reach); a QID where gold says NIL; a wrong QID (the gold one in the snapshot
    or not); a system entity no gold entity overlaps (spurious mention); a second system
    entity over a gold entity already matched (split)."""
    out: dict[str, list[str]] = {}

    def add(cls: str, doc: HipeDoc, span: Span, note: str) -> None:
        words = " ".join(t.text for t in doc.tokens[span.first:span.last + 1])
        out.setdefault(cls, []).append(f"{doc.id}  {words!r} [{span.type}] {note}")

    for doc, system in zip(docs, systems):
        gold = gold_spans(doc)
        _, matched = match_fuzzy(gold, system, lambda s: s.link)
        hit_g = {id(g) for g, _ in matched}
        hit_s = {id(s) for _, s in matched}
        for g in gold:
            if id(g) in hit_g:
                continue
            over = sorted((s for s in system if _overlap(g, s) > 0), key=lambda s: -_overlap(g, s))
            inside = g.link in known_qids
            where = "in snapshot" if inside else "not in snapshot"
            if not over:
                add(f"FN missed mention, gold {'NIL' if g.link == 'NIL' else 'QID ' + where}", doc, g, g.link)
            elif g.link == "NIL":
                add("FN+FP QID where gold is NIL", doc, g, f"system {over[0].link} ({over[0].method})")
            elif over[0].link == "NIL":
                add(f"FN+FP NIL, gold QID {where}", doc, g, f"gold {g.link}")
            else:
                add(f"FN+FP wrong QID, gold {where}", doc, g,
                    f"gold {g.link} system {over[0].link} ({over[0].method})")
        for s in system:
            if id(s) in hit_s:
                continue
            over = [g for g in gold if _overlap(g, s) > 0]
            if not over:
                add(f"FP spurious mention, system {'NIL' if s.link == 'NIL' else 'QID'}", doc, s,
                    f"{s.link} ({s.method})")
            elif all(id(g) in hit_g for g in over):
                add("FP split: gold already matched", doc, s, s.link)
    return out


def format_losses(classes: dict[str, list[str]], show: int = 0) -> str:
    lines = ["NEL end-to-end losses by class (FN+FP: one gold entity missed and one system entity wrong):"]
    for cls, items in sorted(classes.items(), key=lambda kv: -len(kv[1])):
        lines.append(f"  {len(items):>5}  {cls}")
        lines.extend(f"           {x}" for x in items[:show])
    return "\n".join(lines)


def format_table(name: str, s: dict) -> str:
    lines = [f"CLEF-HIPE-2020 {name} (micro, fuzzy boundaries, literal, @1)",
             f"{'':34}{'P':>7}{'R':>7}{'F1':>7}{'TP':>7}{'FP':>7}{'FN':>7}"]
    for label, key in (("NERC coarse (typed)", "nerc"), ("mention detection (untyped)", "nerc_untyped"),
                       ("NEL end to end (NIL counted)", "nel"), ("NEL end to end, QIDs only", "nel_qid")):
        c = s[key]
        p, r, f = c.prf()
        lines.append(f"{label:<34}{p:>7.3f}{r:>7.3f}{f:>7.3f}{c.tp:>7}{c.fp:>7}{c.fn:>7}")
    right, wrong = s["linked"]["right"], s["linked"]["wrong"]
    lines.append(f"precision of mentions linked to a QID: {right / max(1, right + wrong):.3f} ({right} / {right + wrong})")
    lines.append(f"snapshot coverage of gold QIDs: {s['covered_qids']} / {s['gold_qids']} distinct "
                 f"({s['covered_qids'] / max(1, s['gold_qids']):.0%}), {s['covered_mentions']} / "
                 f"{s['gold_qid_mentions']} mentions ({s['covered_mentions'] / max(1, s['gold_qid_mentions']):.0%})")
    lines.append("reliability (link confidence -> share of QID links that are right):")
    for b in sorted(s["bins"]):
        ok, bad = s["bins"][b]
        lines.append(f"  [{BINS[b]:.2f}, {min(1.0, BINS[b + 1]):.2f})  {ok / (ok + bad):.3f}  ({ok} / {ok + bad})")
    lines.append("QID links by method: " + ", ".join(
        f"{m} {ok / (ok + bad):.2f} ({ok}/{ok + bad})" for m, (ok, bad) in sorted(s["by_method"].items())))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("tsv", type=Path, help="a HIPE-2020 TSV with gold columns (dev or test)")
    ap.add_argument("--out", type=Path, default=None, help="folder for the system TSV and the scores (JSON)")
    ap.add_argument("--cache", type=Path, default=None, help="keep unlinked extractions here between runs")
    ap.add_argument("--linker", default="snapshot", choices=("snapshot", "none"))
    ap.add_argument("--metonymic", action="store_true",
                    help="write the state for a capital read as its state (HIPE's NEL-METO sense) in NEL-LIT too")
    ap.add_argument("--losses", type=int, default=None, metavar="N",
                    help="print the NEL losses by class, with N examples of each")
    args = ap.parse_args(argv)

    from kgbuild.link import load_linker, load_snapshot

    t0 = time.perf_counter()
    docs = read_hipe(args.tsv)
    extractions = extract_all(docs, args.cache)
    t_extract = time.perf_counter() - t0
    literal = None
    if args.linker == "snapshot":
        linker = load_linker()
        extractions = [linker.link(x) for x in extractions]
        literal = None if args.metonymic else literal_sense(linker)
    systems = [system_spans(d, x, literal) for d, x in zip(docs, extractions)]
    kb = load_snapshot()
    known = {e for e in kb.keys() if e.startswith("Q")}
    result = score(docs, systems, known)
    print(format_table(args.tsv.name, result))
    if args.losses is not None:
        print(format_losses(losses(docs, systems, known), args.losses))
    print(f"{len(docs)} documents, {sum(len(d.tokens) for d in docs)} tokens; extraction {t_extract:.0f} s, "
          f"total {time.perf_counter() - t0:.0f} s")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        write_system_tsv(docs, systems, args.out / f"{args.tsv.stem}-kgbuild.tsv")
        summary = {k: (v.__dict__ if isinstance(v, Counts) else v) for k, v in result.items()}
        (args.out / "scores.json").write_text(json.dumps(summary, indent=1, default=dict) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
