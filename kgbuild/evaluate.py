"""Score document JSON exports against hand-made gold files (FORMAT.md section 3).

    load_gold(path)  -> GoldDocument        load_exports(path) -> [document JSON]
    score_documents(golds, exports) -> EvalReport  (per document and micro-averaged)
    format_report(report) -> table          report.to_dict() -> JSON-ready dict

Matching, deterministic and best first:

- entities: a pair matches when the QIDs are equal or, failing that, when the
  exported label or a mention text equals the gold label or an alias after
  ``normalize_label``.  Candidate pairs are taken in this order: QID match,
  sharing a type, label=label, label=alias, mention=label, mention=alias, gold
  not optional, then file order; each gold and each exported entity is used once.
- an exported entity stands for the gold entity it was assigned to; one that
  was assigned none, or an optional one, stands for every gold entity it
  matches by name or QID (so a second "Moscou" can still be the speaker Russia).
- statements: the speaker stands for the gold speaker, and the normalised texts
  overlap: one contains the other (on word boundaries) or token Jaccard >= 0.5.
- relations: same predicate, subject and object standing for the gold ones;
  exported duplicates of one (subject, predicate, object) count once.

Optional gold items are neither rewarded nor penalised: an exported item that
is assigned to one, or that only matches optional ones, is left out of
precision.  A gold document without an exported one scores zero recall.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kgbuild.errors import EvalError
from kgbuild.normalize import normalize_label
from kgbuild.types import ENTITY_TYPES, PREDICATES

__all__ = [
    "GoldEntity",
    "GoldStatement",
    "GoldRelation",
    "GoldDocument",
    "Score",
    "Accuracy",
    "DocumentScore",
    "EvalReport",
    "load_gold",
    "load_exports",
    "score_documents",
    "format_report",
    "run_eval",
    "text_overlap",
]

JACCARD_MIN = 0.5
_QID = re.compile(r"^Q[1-9][0-9]*$")
_QID_AT_END = re.compile(r"(Q[1-9][0-9]*)$")


# -- records ----------------------------------------------------------------------


@dataclass(frozen=True)
class GoldEntity:
    key: str
    label: str
    types: tuple[str, ...]
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    optional: bool = False


@dataclass(frozen=True)
class GoldStatement:
    speaker: str  # a GoldEntity key
    quote: str
    optional: bool = False


@dataclass(frozen=True)
class GoldRelation:
    subject: str  # GoldEntity keys
    predicate: str
    object: str
    optional: bool = False


@dataclass(frozen=True)
class GoldDocument:
    """One gold file: what a perfect export of document ``id`` holds."""

    id: str
    entities: tuple[GoldEntity, ...]
    statements: tuple[GoldStatement, ...]
    relations: tuple[GoldRelation, ...]
    lang: str | None = None
    text_file: Path | None = None  # resolved against the gold file's folder
    source: str | None = None  # the gold file


@dataclass(frozen=True)
class Score:
    """Counts behind precision / recall / F1; ``None`` where a ratio has no denominator."""

    matched: int = 0
    exported: int = 0  # exported items counted for precision
    gold: int = 0  # gold items counted for recall

    def __add__(self, other: Score) -> Score:
        return Score(self.matched + other.matched, self.exported + other.exported, self.gold + other.gold)

    @property
    def precision(self) -> float | None:
        return self.matched / self.exported if self.exported else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        if not self.exported and not self.gold:
            return None
        if not self.matched:
            return 0.0
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r)

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "matched": self.matched,
            "exported": self.exported,
            "gold": self.gold,
        }


@dataclass(frozen=True)
class Accuracy:
    correct: int = 0
    total: int = 0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {"accuracy": self.value, "correct": self.correct, "total": self.total}


_PARTS = ("entities", "typed", "linking", "statements", "relations")


@dataclass(frozen=True)
class DocumentScore:
    """Scores of one document; ``missed``/``spurious`` list what to look at, by part."""

    id: str
    found: bool  # an exported document had this id
    entities: Score = Score()
    typed: Score = Score()
    linking: Accuracy = Accuracy()
    statements: Score = Score()
    relations: Score = Score()
    missed: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False)
    spurious: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "found": self.found}
        out.update({part: getattr(self, part).to_dict() for part in _PARTS})
        out["missed"] = {k: list(v) for k, v in self.missed.items()}
        out["spurious"] = {k: list(v) for k, v in self.spurious.items()}
        return out


@dataclass(frozen=True)
class EvalReport:
    documents: tuple[DocumentScore, ...]

    @property
    def micro(self) -> DocumentScore:
        """Counts summed over the documents."""
        zero = {part: Accuracy() if part == "linking" else Score() for part in _PARTS}
        sums = {part: sum((getattr(d, part) for d in self.documents), zero[part]) for part in _PARTS}
        return DocumentScore(id="micro", found=all(d.found for d in self.documents), **sums)

    def to_dict(self) -> dict[str, Any]:
        micro = self.micro.to_dict()
        for key in ("id", "found", "missed", "spurious"):
            del micro[key]
        micro["documents"] = len(self.documents)
        return {"documents": [d.to_dict() for d in self.documents], "micro": micro}


# -- loading ------------------------------------------------------------------------


def load_gold(path: str | Path) -> GoldDocument:
    """Read and validate a gold file; EvalError names the file and the problem."""
    path = Path(path)
    data = _load_json(path)
    check = _Checker(str(path))
    check.that(isinstance(data, dict), "", "a gold file holds a JSON object")
    doc = check.key(data, "doc", dict, "")
    doc_id = check.text(doc, "id", "doc")
    entities = [_gold_entity(check, i, item) for i, item in enumerate(check.key(data, "entities", list, ""))]
    keys = [e.key for e in entities]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    check.that(not duplicates, "entities", f"duplicate key {', '.join(map(repr, duplicates))}")
    known = set(keys)
    statements = [
        _gold_statement(check, known, i, item) for i, item in enumerate(check.key(data, "statements", list, ""))
    ]
    relations = [
        _gold_relation(check, known, i, item) for i, item in enumerate(check.key(data, "relations", list, ""))
    ]
    text_file = doc.get("text_file")
    return GoldDocument(
        id=doc_id,
        entities=tuple(entities),
        statements=tuple(statements),
        relations=tuple(relations),
        lang=doc.get("lang"),
        text_file=(path.parent / text_file).resolve() if isinstance(text_file, str) else None,
        source=str(path),
    )


def _gold_entity(check: _Checker, i: int, item: Any) -> GoldEntity:
    check.that(isinstance(item, dict), f"entities[{i}]", "must be an object")
    key = check.text(item, "key", f"entities[{i}]")
    where = f"entities[{i}] ({key!r})"
    types = check.key(item, "types", list, where)
    valid = bool(types) and all(t in ENTITY_TYPES for t in types)
    check.that(valid, where, f"'types' must be a non-empty list of {', '.join(ENTITY_TYPES)}")
    qid = item.get("wikidata")
    valid = qid is None or (isinstance(qid, str) and _QID.match(qid))
    check.that(valid, where, f"'wikidata' must be a QID or null, got {qid!r}")
    aliases = item.get("aliases", [])
    valid = isinstance(aliases, list) and all(isinstance(a, str) for a in aliases)
    check.that(valid, where, "'aliases' must be a list of strings")
    label = check.text(item, "label", where)
    return GoldEntity(key, label, tuple(types), qid, tuple(aliases), check.flag(item, where))


def _gold_statement(check: _Checker, known: set[str], i: int, item: Any) -> GoldStatement:
    where = f"statements[{i}]"
    check.that(isinstance(item, dict), where, "must be an object")
    speaker = check.entity_key(item, "speaker", known, where)
    return GoldStatement(speaker, check.text(item, "quote", where), check.flag(item, where))


def _gold_relation(check: _Checker, known: set[str], i: int, item: Any) -> GoldRelation:
    where = f"relations[{i}]"
    check.that(isinstance(item, dict), where, "must be an object")
    subject = check.entity_key(item, "subject", known, where)
    predicate = check.text(item, "predicate", where)
    check.that(predicate in PREDICATES, where, f"unknown predicate {predicate!r} (valid: {', '.join(PREDICATES)})")
    obj = check.entity_key(item, "object", known, where)
    return GoldRelation(subject, predicate, obj, check.flag(item, where))


def load_exports(path: str | Path) -> list[dict]:
    """Document JSON objects from a .json file (one object or a list) or a .jsonl file, validated."""
    path = Path(path)
    if path.suffix.lower() == ".jsonl":
        docs = []
        for number, line in enumerate(_read(path).split("\n"), start=1):
            if not line.strip():
                continue
            try:
                docs.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise EvalError(f"{path}: line {number}: invalid JSON ({err.msg}, column {err.colno})") from err
            _check_export(docs[-1], f"{path}: line {number}")
        return docs
    data = _load_json(path)
    docs = data if isinstance(data, list) else [data]
    for i, doc in enumerate(docs):
        _check_export(doc, f"{path}: document {i + 1}" if isinstance(data, list) else str(path))
    return docs


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise EvalError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise EvalError(f"{path}: cannot read ({err})") from err


def _load_json(path: Path) -> Any:
    try:
        return json.loads(_read(path))
    except json.JSONDecodeError as err:
        raise EvalError(f"{path}: invalid JSON ({err.msg}, line {err.lineno}, column {err.colno})") from err


class _Checker:
    """Shape checks that raise EvalError('<file>: <where>: <problem>')."""

    def __init__(self, source: str) -> None:
        self.source = source

    def that(self, ok: object, where: str, problem: str) -> None:
        if not ok:
            raise EvalError(": ".join(p for p in (self.source, where, problem) if p))

    def key(self, item: dict, name: str, kind: type, where: str) -> Any:
        self.that(name in item, where, f"missing {name!r}")
        self.that(isinstance(item[name], kind), where, f"{name!r} must be {_KIND[kind]}")
        return item[name]

    def text(self, item: dict, name: str, where: str) -> str:
        value = self.key(item, name, str, where)
        self.that(value.strip(), where, f"{name!r} is empty")
        return value

    def entity_key(self, item: dict, name: str, known: set[str], where: str) -> str:
        key = self.text(item, name, where)
        self.that(key in known, where, f"{name} {key!r} is not an entity key")
        return key

    def flag(self, item: dict, where: str) -> bool:
        value = item.get("optional", False)
        self.that(isinstance(value, bool), where, "'optional' must be true or false")
        return value


_KIND = {dict: "an object", list: "a list", str: "a string"}


def _check_export(doc: Any, source: str) -> None:
    """Check the parts of a document JSON that scoring reads."""
    check = _Checker(source)
    check.that(isinstance(doc, dict), "", "a document JSON is an object")
    check.text(check.key(doc, "doc", dict, ""), "id", "doc")
    ids = set()
    for i, entity in enumerate(check.key(doc, "entities", list, "")):
        where = f"entities[{i}]"
        check.that(isinstance(entity, dict), where, "must be an object")
        entity_id = check.key(entity, "id", str, where)
        check.that(entity_id not in ids, where, f"duplicate entity id {entity_id!r}")
        ids.add(entity_id)
        check.key(entity, "label", str, where)
        types = check.key(entity, "types", list, where)
        check.that(all(isinstance(t, str) for t in types), where, "'types' must be a list of strings")
        qid = entity.get("wikidata")
        check.that(qid is None or isinstance(qid, str), where, "'wikidata' must be a string or null")
        mentions = entity.get("mentions", [])
        valid = isinstance(mentions, list) and all(isinstance(m, dict) and isinstance(m.get("text"), str)
                                                   for m in mentions)
        check.that(valid, where, "'mentions' must be a list of objects with a 'text' string")
    for i, statement in enumerate(check.key(doc, "statements", list, "") if "statements" in doc else []):
        where = f"statements[{i}]"
        check.that(isinstance(statement, dict), where, "must be an object")
        check.key(statement, "text", str, where)
        speaker = statement.get("speaker")
        check.that(speaker is None or speaker in ids, where, f"speaker {speaker!r} is not an entity id")
    for i, relation in enumerate(check.key(doc, "relations", list, "") if "relations" in doc else []):
        where = f"relations[{i}]"
        check.that(isinstance(relation, dict), where, "must be an object")
        check.key(relation, "predicate", str, where)
        for end in ("subject", "object"):
            check.that(relation.get(end) in ids, where, f"{end} {relation.get(end)!r} is not an entity id")


# -- scoring --------------------------------------------------------------------------


def score_documents(golds: Iterable[GoldDocument], exports: Sequence[dict]) -> EvalReport:
    """Score each gold document against the exported document with the same id."""
    by_id: dict[str, dict] = {}
    for i, doc in enumerate(exports):
        _check_export(doc, f"exported document {i + 1}")
        doc_id = doc["doc"]["id"]
        if doc_id in by_id:
            raise EvalError(f"two exported documents have the id {doc_id!r}")
        by_id[doc_id] = doc
    sources: dict[str, str | None] = {}
    scores = []
    for gold in golds:
        if gold.id in sources:
            raise EvalError(f"{gold.source}: document id {gold.id!r} is also in gold file {sources[gold.id]}")
        sources[gold.id] = gold.source
        export = by_id.get(gold.id)
        empty = {"doc": {"id": gold.id}, "entities": []}
        scores.append(_score_document(gold, export or empty, found=export is not None))
    return EvalReport(tuple(scores))


def _score_document(gold: GoldDocument, export: dict, found: bool) -> DocumentScore:
    entities = _EntityMatch(gold.entities, export["entities"])
    statements = export.get("statements", [])
    said = _match_statements(gold.statements, statements, entities)
    triples = list(dict.fromkeys((r["subject"], r["predicate"], r["object"]) for r in export.get("relations", [])))
    related = _match_relations(gold.relations, triples, entities)
    name = entities.describe
    return DocumentScore(
        id=gold.id,
        found=found,
        entities=entities.matching.score(),
        typed=entities.typed_score(),
        linking=entities.linking(),
        statements=said.score(),
        relations=related.score(),
        missed={
            "entities": tuple(f"{g.key} {g.label!r}" for g in entities.matching.missed()),
            "links": entities.wrong_links(),
            "statements": tuple(f"{g.speaker}: {g.quote!r}" for g in said.missed()),
            "relations": tuple(f"{g.subject} {g.predicate} {g.object}" for g in related.missed()),
        },
        spurious={
            "entities": tuple(
                f"{e['id']} {e['label']!r}" for e in (export["entities"][i] for i in entities.matching.spurious())
            ),
            "statements": tuple(
                f"{s.get('id', '?')} by {name(s.get('speaker'))}: {s['text']!r}"
                for s in (statements[i] for i in said.spurious())
            ),
            "relations": tuple(f"{name(s)} {p} {name(o)}" for s, p, o in (triples[i] for i in related.spurious())),
        },
    )


@dataclass(frozen=True)
class _Matching:
    """A one-to-one match of exported items (by index) to gold items (anything with ``.optional``)."""

    golds: Sequence[Any]
    size: int  # how many exported items
    chosen: dict[int, int]  # exported index -> gold index
    candidates: dict[int, frozenset[int]]  # exported index -> every gold index it matches

    @classmethod
    def best_first(cls, golds: Sequence[Any], size: int, pairs: Iterable[tuple]) -> _Matching:
        """Greedy assignment over (rank..., gold index, exported index) tuples, lowest rank first."""
        pairs = sorted(pairs)
        chosen: dict[int, int] = {}
        taken: set[int] = set()
        for *_, gi, ei in pairs:
            if gi not in taken and ei not in chosen:
                chosen[ei] = gi
                taken.add(gi)
        candidates: dict[int, set[int]] = {}
        for *_, gi, ei in pairs:
            candidates.setdefault(ei, set()).add(gi)
        return cls(golds, size, chosen, {ei: frozenset(gis) for ei, gis in candidates.items()})

    def counted(self, ei: int) -> bool:
        """An exported item counts for precision unless it is tied to optional gold items only."""
        if ei in self.chosen:
            return not self.golds[self.chosen[ei]].optional
        cands = self.candidates.get(ei, ())
        return not cands or any(not self.golds[gi].optional for gi in cands)

    def scored(self) -> list[tuple[int, int]]:
        """(exported index, gold index) of the matches that count."""
        return [(ei, gi) for ei, gi in sorted(self.chosen.items()) if not self.golds[gi].optional]

    def score(self) -> Score:
        return Score(
            matched=len(self.scored()),
            exported=sum(1 for ei in range(self.size) if self.counted(ei)),
            gold=sum(1 for g in self.golds if not g.optional),
        )

    def missed(self) -> list[Any]:
        found = set(self.chosen.values())
        return [g for gi, g in enumerate(self.golds) if not g.optional and gi not in found]

    def spurious(self) -> list[int]:
        return [ei for ei in range(self.size) if ei not in self.chosen and self.counted(ei)]


def _qid(value: object) -> str | None:
    """'Q30' (or an entity IRI ending in it) -> 'Q30'; anything else -> None."""
    if not isinstance(value, str):
        return None
    found = _QID_AT_END.search(value.strip().upper())
    return found.group(1) if found else None


def _names(values: Iterable[str]) -> set[str]:
    return {n for n in map(normalize_label, values) if n}


class _EntityMatch:
    """Exported entities of one document matched to its gold entities."""

    def __init__(self, golds: Sequence[GoldEntity], exported: Sequence[dict]) -> None:
        self.golds, self.exported = golds, exported
        self.index = {entity["id"]: ei for ei, entity in enumerate(exported)}
        pairs = []
        for gi, gold in enumerate(golds):
            label = _names([gold.label])
            aliases = _names(gold.aliases) - label
            for ei, entity in enumerate(exported):
                rank = _entity_rank(gold, label, aliases, entity)
                if rank is not None:
                    pairs.append((*rank, gi, ei))
        self.matching = _Matching.best_first(golds, len(exported), pairs)

    def stands_for(self, entity_id: str | None) -> set[str]:
        """Gold keys an exported entity stands for (see the module docstring)."""
        if entity_id not in self.index:
            return set()
        ei = self.index[entity_id]
        gi = self.matching.chosen.get(ei)
        if gi is not None and not self.golds[gi].optional:
            return {self.golds[gi].key}
        return {self.golds[g].key for g in self.matching.candidates.get(ei, ())}

    def pairs(self) -> list[tuple[GoldEntity, dict]]:
        return [(self.golds[gi], self.exported[ei]) for ei, gi in self.matching.scored()]

    def typed_score(self) -> Score:
        counted = [e for ei, e in enumerate(self.exported) if self.matching.counted(ei)]
        return Score(
            matched=sum(len(set(g.types) & set(e["types"])) for g, e in self.pairs()),
            exported=sum(len(set(e["types"])) for e in counted),
            gold=sum(len(set(g.types)) for g in self.golds if not g.optional),
        )

    def linking(self) -> Accuracy:
        linked = [(g, e) for g, e in self.pairs() if g.wikidata]
        return Accuracy(sum(1 for g, e in linked if _qid(e.get("wikidata")) == g.wikidata), len(linked))

    def wrong_links(self) -> tuple[str, ...]:
        return tuple(
            f"{g.key} {g.label!r}: {e['id']} {e['label']!r} has {e.get('wikidata') or 'no QID'}"
            for g, e in self.pairs()
            if g.wikidata and _qid(e.get("wikidata")) != g.wikidata
        )

    def describe(self, entity_id: str | None) -> str:
        return repr(self.exported[self.index[entity_id]]["label"]) if entity_id in self.index else "nobody"


def _entity_rank(gold: GoldEntity, label: set[str], aliases: set[str], entity: dict) -> tuple[int, ...] | None:
    """Sort key of a candidate pair (lower is better), None when they do not match."""
    shares_type = 0 if set(gold.types) & set(entity["types"]) else 1
    optional = 1 if gold.optional else 0
    if gold.wikidata and _qid(entity.get("wikidata")) == gold.wikidata:
        return (0, shares_type, 0, optional)
    own = _names([entity["label"]])
    mentions = _names(m["text"] for m in entity.get("mentions", []))
    tiers = ((own, label), (own, aliases), (mentions, label), (mentions, aliases))
    for tier, (names, targets) in enumerate(tiers, start=1):
        if names & targets:
            return (1, shares_type, tier, optional)
    return None


def text_overlap(a: str, b: str) -> float | None:
    """1.0 when one normalised text contains the other (whole words), else token Jaccard if >= 0.5, else None."""
    na, nb = normalize_label(a), normalize_label(b)
    if not na or not nb:
        return None
    if f" {na} " in f" {nb} " or f" {nb} " in f" {na} ":
        return 1.0
    ta, tb = set(na.split()), set(nb.split())
    jaccard = len(ta & tb) / len(ta | tb)
    return jaccard if jaccard >= JACCARD_MIN else None


def _match_statements(
    golds: Sequence[GoldStatement], exported: Sequence[dict], entities: _EntityMatch
) -> _Matching:
    pairs = []
    for ei, statement in enumerate(exported):
        speakers = entities.stands_for(statement.get("speaker"))
        for gi, gold in enumerate(golds):
            overlap = text_overlap(statement["text"], gold.quote) if gold.speaker in speakers else None
            if overlap is not None:
                pairs.append((-overlap, 1 if gold.optional else 0, gi, ei))
    return _Matching.best_first(golds, len(exported), pairs)


def _match_relations(
    golds: Sequence[GoldRelation], triples: Sequence[tuple[str, str, str]], entities: _EntityMatch
) -> _Matching:
    pairs = []
    for ei, (subject, predicate, obj) in enumerate(triples):
        subjects, objects = entities.stands_for(subject), entities.stands_for(obj)
        for gi, gold in enumerate(golds):
            if gold.predicate == predicate and gold.subject in subjects and gold.object in objects:
                pairs.append((1 if gold.optional else 0, gi, ei))
    return _Matching.best_first(golds, len(triples), pairs)


# -- output -----------------------------------------------------------------------------


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_report(report: EvalReport) -> str:
    """A plain-text table: each document, then the micro average."""
    header = f"{'document':<16} {'part':<11} {'P':>6} {'R':>6} {'F1':>6}   counts"
    lines = [header, "-" * len(header)]
    rows = [(doc.id, doc) for doc in report.documents] + [(f"micro ({len(report.documents)})", report.micro)]
    for n, (name, doc) in enumerate(rows):
        if n < len(report.documents) and not doc.found:
            lines.append(f"{name:<16} (no exported document has this id: everything counts as missed)")
            name = ""
        for part in ("entities", "typed", "statements", "relations"):
            s: Score = getattr(doc, part)
            lines.append(
                f"{name:<16} {part:<11} {_num(s.precision):>6} {_num(s.recall):>6} {_num(s.f1):>6}"
                f"   {s.matched} matched / {s.exported} exported / {s.gold} gold"
            )
            name = ""
        link = doc.linking
        lines.append(
            f"{name:<16} {'linking':<11} {'accuracy':>13} {_num(link.value):>6}   {link.correct} / {link.total} QIDs"
        )
    return "\n".join(lines)


def run_eval(gold_paths: Iterable[str | Path], export_path: str | Path, as_json: bool = False) -> str:
    """`kgbuild eval GOLD... EXPORT [--json]`: the report as a table or as JSON text."""
    golds = [load_gold(p) for p in gold_paths]
    if not golds:
        raise EvalError("no gold file given")
    report = score_documents(golds, load_exports(export_path))
    if as_json:
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
    return format_report(report)
