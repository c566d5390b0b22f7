"""Score document JSON exports against hand-made gold files (FORMAT.md section 3).

    load_gold(path)  -> GoldDocument        load_exports(path) -> [document JSON]
    score_documents(golds, exports) -> EvalReport  (per document and micro-averaged)
    format_report(report) -> table          report.to_dict() -> JSON-ready dict

The rules are those of FORMAT.md section 3 as its reference implementation
(``shared/eval/score.py``) applies them; the figures are the same on the same files
(tests/test_evaluate.py runs both on the dev set).

- names are compared by ``name_key``: apostrophes unified, accents and other
  non-ASCII characters dropped, case-folded, double quotes blanked, whitespace
  collapsed, up to two leading articles or elisions removed, edge punctuation
  stripped.
- entities (``pair_entities``): each gold entity is paired with at most one
  exported entity and each exported entity with at most one gold entity.  Three
  passes over the gold entities in file order, each taking the first exported
  entity (in file order) not paired yet: equal QIDs; equal labels; the gold
  label or an alias equal to the exported label or one of its mention texts.
  An exported entity that is not paired is an error, even when its name is that
  of a gold entity another exported entity took.
- statements: an exported statement matches a gold statement when its speaker
  is paired with the gold speaker and the texts overlap (``text_overlap``).
  Exported statements are taken in file order, each matching the first gold
  statement (in file order) not matched yet.
- relations: subject and object paired with the gold ones, same predicate.
  Exported relations that stand for the same (subject, predicate, object) count
  once; an end paired with no gold entity stands for nobody, so relations of one
  predicate between unpaired entities count once too.

Optional gold items are neither rewarded nor penalised: an exported item paired
with one is left out of precision.  Empty cases: nothing exported and nothing in
the gold gives precision = recall = F1 = 1.0; gold items but nothing exported,
precision 0.0; exported items but no gold, recall 1.0 and F1 0.0; linking
accuracy with no gold QID to check is 0.0.  A gold document without an exported
one counts with nothing found.  Exported documents are paired with gold
documents by ``doc.id``, failing that by the stem of ``doc.source``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kgbuild.errors import EvalError
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
    "name_key",
    "pair_entities",
    "text_overlap",
]

JACCARD_MIN = 0.5
_QID = re.compile(r"^Q[1-9][0-9]*$")


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
    speaker: str | None  # a GoldEntity key, or None: a speaker the annotator could not name
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
    """Counts behind precision / recall / F1 (the empty cases as in the module docstring)."""

    matched: int = 0
    exported: int = 0  # exported items counted for precision
    gold: int = 0  # gold items counted for recall

    def __add__(self, other: Score) -> Score:
        return Score(self.matched + other.matched, self.exported + other.exported, self.gold + other.gold)

    @property
    def precision(self) -> float:
        if self.exported:
            return self.matched / self.exported
        return 0.0 if self.gold else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

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
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

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
    # a null speaker is one the annotator could not name (score.py reads it so): it pairs with an
    # exported statement whose speaker is unknown or pairs with no gold entity
    speaker = None if item.get("speaker", "") is None else check.entity_key(item, "speaker", known, where)
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
        valid = qid is None or (isinstance(qid, str) and _QID.match(qid))
        check.that(valid, where, f"'wikidata' must be a QID (such as 'Q142') or null, got {qid!r}")
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

_LEADING_ARTICLE = re.compile(r"^(?:l'|d'|la |le |les |the |des |du |de |der |die |das |un |une )")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def name_key(text: str) -> str:
    """The comparison key of names and texts: "L’Allemagne" -> "allemagne" (module docstring)."""
    text = text.replace("\u2019", "'").replace("\u02bc", "'")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    text = _SPACE.sub(" ", text.replace('"', " ")).strip()
    for _ in range(2):
        text = _LEADING_ARTICLE.sub("", text)
    return text.strip(" .,;:")


def _words(key: str) -> set[str]:
    # the words of a key are read from its key again, as score.py does, so the figures agree
    return set(_WORD.findall(name_key(key)))


def text_overlap(a: str, b: str) -> bool:
    """Whether two texts overlap: after ``name_key`` one contains the other, or their word
    sets have a Jaccard index of at least JACCARD_MIN."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka in kb or kb in ka:
        return True
    wa, wb = _words(ka), _words(kb)
    union = wa | wb
    return bool(union) and len(wa & wb) / len(union) >= JACCARD_MIN


def _entity_names(entity: dict, with_mentions: bool) -> set[str]:
    names = {name_key(entity["label"])}
    if with_mentions:
        names |= {name_key(m["text"]) for m in entity.get("mentions", [])}
    return names


def pair_entities(golds: Sequence[GoldEntity], exported: Sequence[dict]) -> dict[str, int]:
    """{exported entity id: gold index}, one to one, in the three passes of the module docstring."""
    pairing: dict[str, int] = {}
    paired: set[int] = set()

    def take(gi: int, fits) -> None:
        for entity in exported:
            if entity["id"] not in pairing and fits(entity):
                pairing[entity["id"]] = gi
                paired.add(gi)
                return

    for gi, gold in enumerate(golds):
        if gold.wikidata:
            take(gi, lambda e, qid=gold.wikidata: e.get("wikidata") == qid)
    for loose in (False, True):
        for gi, gold in enumerate(golds):
            if gi in paired:
                continue
            names = {name_key(gold.label)} | ({name_key(a) for a in gold.aliases} if loose else set())
            take(gi, lambda e, names=names, loose=loose: bool(names & _entity_names(e, loose)))
    return pairing


def score_documents(golds: Iterable[GoldDocument], exports: Sequence[dict]) -> EvalReport:
    """Score each gold document against the exported document paired with it."""
    golds = list(golds)
    sources: dict[str, str | None] = {}
    for gold in golds:
        if gold.id in sources:
            raise EvalError(f"{gold.source}: document id {gold.id!r} is also in gold file {sources[gold.id]}")
        sources[gold.id] = gold.source
    paired = _pair_documents(sources, exports)
    scores = []
    for gold in golds:
        export = paired.get(gold.id)
        empty = {"doc": {"id": gold.id}, "entities": []}
        scores.append(_score_document(gold, export or empty, found=export is not None))
    return EvalReport(tuple(scores))


def _pair_documents(gold_ids: Iterable[str], exports: Sequence[dict]) -> dict[str, dict]:
    """{gold document id: exported document}: by doc.id, failing that by the stem of doc.source."""
    gold_ids = set(gold_ids)
    paired: dict[str, dict] = {}
    number: dict[str, int] = {}
    for i, doc in enumerate(exports, start=1):
        _check_export(doc, f"exported document {i}")
        doc_id = doc["doc"]["id"]
        source = doc["doc"].get("source")
        stem = Path(source).name.split(".")[0] if isinstance(source, str) else ""
        if doc_id not in gold_ids and stem in gold_ids:
            doc_id = stem
        if doc_id in paired:
            raise EvalError(f"exported documents {number[doc_id]} and {i} both stand for document {doc_id!r}")
        paired[doc_id], number[doc_id] = doc, i
    return paired


def _score_document(gold: GoldDocument, export: dict, found: bool) -> DocumentScore:
    entities = _Entities(gold.entities, export["entities"])
    statements = _match_statements(gold.statements, export.get("statements", []), entities)
    relations = _match_relations(gold.relations, export.get("relations", []), entities)
    return DocumentScore(
        id=gold.id,
        found=found,
        entities=entities.score(),
        typed=entities.typed_score(),
        linking=entities.linking(),
        statements=statements.score,
        relations=relations.score,
        missed={
            "entities": entities.missed(),
            "links": entities.wrong_links(),
            "statements": statements.missed,
            "relations": relations.missed,
        },
        spurious={"entities": entities.spurious(), "statements": statements.spurious,
                  "relations": relations.spurious},
    )


class _Entities:
    """The exported entities of one document paired with its gold entities."""

    def __init__(self, golds: Sequence[GoldEntity], exported: Sequence[dict]) -> None:
        self.golds, self.exported = golds, exported
        self.pairing = pair_entities(golds, exported)
        self.label = {e["id"]: e["label"] for e in exported}

    def gold_of(self, entity_id: str | None) -> GoldEntity | None:
        gi = self.pairing.get(entity_id)
        return None if gi is None else self.golds[gi]

    def key(self, entity_id: str | None) -> str | None:
        """The gold key an exported entity stands for (None when it is paired with none)."""
        gold = self.gold_of(entity_id)
        return gold.key if gold else None

    def counted(self) -> list[dict]:
        """Exported entities counted for precision: all but those paired with optional gold."""
        return [e for e in self.exported if not (g := self.gold_of(e["id"])) or not g.optional]

    def pairs(self) -> list[tuple[GoldEntity, dict]]:
        """(gold, exported) pairs that count: the gold entity is not optional."""
        return [(g, e) for e in self.exported if (g := self.gold_of(e["id"])) and not g.optional]

    def score(self) -> Score:
        return Score(len(self.pairs()), len(self.counted()), sum(1 for g in self.golds if not g.optional))

    def typed_score(self) -> Score:
        return Score(
            matched=sum(len(set(e["types"]) & set(g.types)) for g, e in self.pairs()),
            exported=sum(len(set(e["types"])) for e in self.counted()),
            gold=sum(len(g.types) for g in self.golds if not g.optional),
        )

    def linking(self) -> Accuracy:
        linked = [(g, e) for g, e in self.pairs() if g.wikidata]
        return Accuracy(sum(1 for g, e in linked if e.get("wikidata") == g.wikidata), len(linked))

    def missed(self) -> tuple[str, ...]:
        found = set(self.pairing.values())
        return tuple(f"{g.key} {g.label!r}" for gi, g in enumerate(self.golds) if not g.optional and gi not in found)

    def spurious(self) -> tuple[str, ...]:
        return tuple(f"{e['id']} {e['label']!r}" for e in self.counted() if e["id"] not in self.pairing)

    def wrong_links(self) -> tuple[str, ...]:
        return tuple(
            f"{g.key} {g.label!r}: {e['id']} {e['label']!r} has {e.get('wikidata') or 'no QID'}"
            for g, e in self.pairs()
            if g.wikidata and e.get("wikidata") != g.wikidata
        )

    def describe(self, entity_id: str | None) -> str:
        """'M. Bush' (unpaired) / 'George W. Bush' (= Q207) / nobody."""
        if entity_id not in self.label:
            return "nobody"
        key = self.key(entity_id)
        return f"{self.label[entity_id]!r} ({'unpaired' if key is None else '= ' + key})"


@dataclass(frozen=True)
class _Part:
    """Statements or relations of one document: the counts and what to look at."""

    score: Score
    missed: tuple[str, ...]
    spurious: tuple[str, ...]


def _match_statements(golds: Sequence[GoldStatement], exported: Sequence[dict], entities: _Entities) -> _Part:
    used: set[int] = set()
    matched = counted = 0
    spurious = []
    for statement in exported:
        speaker = entities.key(statement.get("speaker"))
        hit = next(
            (gi for gi, g in enumerate(golds)
             if gi not in used and g.speaker == speaker and text_overlap(g.quote, statement["text"])),
            None,
        )
        if hit is not None:
            used.add(hit)
        if hit is None or not golds[hit].optional:
            counted += 1
            matched += hit is not None
        if hit is None:
            who = entities.describe(statement.get("speaker"))
            spurious.append(f"{statement.get('id', '?')} by {who}: {statement['text']!r}")
    missed = tuple(f"{g.speaker}: {g.quote!r}" for gi, g in enumerate(golds) if not g.optional and gi not in used)
    gold = sum(1 for g in golds if not g.optional)
    return _Part(Score(matched, counted, gold), missed, tuple(spurious))


def _match_relations(golds: Sequence[GoldRelation], exported: Sequence[dict], entities: _Entities) -> _Part:
    optional: dict[tuple, bool] = {}
    for g in golds:  # a triple listed twice counts once (the later flag wins, as in score.py)
        optional[(g.subject, g.predicate, g.object)] = g.optional
    seen: set[tuple] = set()
    matched = counted = 0
    spurious = []
    for r in exported:
        triple = (entities.key(r["subject"]), r["predicate"], entities.key(r["object"]))
        if triple in seen:
            continue
        seen.add(triple)
        if triple not in optional:
            counted += 1
            spurious.append(f"{entities.describe(r['subject'])} {r['predicate']} {entities.describe(r['object'])}")
        elif not optional[triple]:
            counted += 1
            matched += 1
    missed = tuple(" ".join(t) for t, opt in optional.items() if not opt and t not in seen)
    gold = sum(1 for opt in optional.values() if not opt)
    return _Part(Score(matched, counted, gold), missed, tuple(spurious))


# -- output -----------------------------------------------------------------------------


def _num(value: float) -> str:
    return f"{value:.3f}"


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
