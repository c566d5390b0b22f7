"""The curation loop: list what to check, let the user decide, apply it to the next build.

    kgbuild curate export out/ -o curation.csv     # unlinked and low-confidence entities
    (fill in the 'action' and 'value' columns of the rows you decide on)
    kgbuild build articles/ -o out/ --overrides curation.csv

An overrides file is a CSV with the columns ``action, value, match, doc`` (others are
ignored, so the exported file is itself an overrides file once filled in).  Rows with
an empty action are skipped.  ``match`` names entities by QID, knowledge-base key,
label or one of their mention texts (compared with ``normalize_label``); ``doc``
limits a row to one document.  Actions:

    qid     value = a QID: link the entity to it (the user's decision: link_method "override")
    unlink  remove the entity's QID and knowledge-base key
    merge   value = the label, QID or key of another entity of the same document: fold
            the matched entity into it; when the document has no such entity, take its
            QID (a QID value) or its label (any other value)
    types   value = "Actor", "Actor;Region"...: the roles the entity plays
    kind    value = Person, City, WeaponSystem...: its finer class
    label   value = its canonical name
    drop    remove the entity (a false positive), its relations and statement references

``apply_overrides(extraction, overrides)`` is pure: the pipeline calls it after linking.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from kgbuild.errors import InputError
from kgbuild.identity import fold_entity
from kgbuild.normalize import normalize_label
from kgbuild.types import ENTITY_TYPES, Entity, Extraction

__all__ = [
    "ACTIONS",
    "CURATION_COLUMNS",
    "Override",
    "read_overrides",
    "parse_overrides",
    "apply_overrides",
    "curation_rows",
    "write_curation",
]

#: what an overrides row can do
ACTIONS = ("qid", "unlink", "merge", "types", "kind", "label", "drop")

#: columns of the curation CSV (the first four are what an overrides file reads)
CURATION_COLUMNS = ("action", "value", "match", "doc", "reason", "label", "types", "kind", "qid",
                    "kb_id", "link_confidence", "link_method", "mentions", "documents", "example")

_QID = re.compile(r"Q[1-9][0-9]*")
_NEEDS_VALUE = ("qid", "merge", "types", "kind", "label")


@dataclass(frozen=True)
class Override:
    """One decision of the user."""

    action: str  # one of ACTIONS
    match: str  # QID, knowledge-base key, label or mention text
    value: str = ""
    doc: str = ""  # a document id, or "" for every document
    line: int = 0  # where it stands in its file


# ---------------------------------------------------------------- reading


def read_overrides(path: str | Path) -> tuple[Override, ...]:
    """The overrides of a CSV file; InputError names the file, the line and the problem."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            rows = list(reader)
            fields = reader.fieldnames or []
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(path, f"cannot read the overrides file: {exc}") from exc
    missing = [c for c in ("action", "match") if c not in fields]
    if missing:
        raise InputError(path, f"no {' and no '.join(missing)} column (columns: action, value, match, doc)")
    return parse_overrides(rows, path)


def parse_overrides(rows: Iterable[dict], source: str | Path = "<overrides>") -> tuple[Override, ...]:
    """Check rows (dicts with action, match, value, doc) and make Overrides; line 2 is the first row."""
    from kgbuild.export import read_csv_cell  # cells written neutralised (csv_cell) read as they were

    overrides = []
    for line, row in enumerate(rows, start=2):
        action = (row.get("action") or "").strip().lower()
        if not action or action.startswith("#"):
            continue

        def fail(problem: str) -> InputError:
            return InputError(source, f"line {line}: {problem}")

        match = read_csv_cell((row.get("match") or "").strip())
        value = read_csv_cell((row.get("value") or "").strip())
        doc = read_csv_cell((row.get("doc") or "").strip())
        if action not in ACTIONS:
            raise fail(f"unknown action {action!r} (valid: {', '.join(ACTIONS)})")
        if not match:
            raise fail(f"action {action!r} needs a 'match' (a label, QID or knowledge-base key)")
        if action in _NEEDS_VALUE and not value:
            raise fail(f"action {action!r} needs a 'value'")
        if action == "qid" and not _QID.fullmatch(value):
            raise fail(f"{value!r} is not a Wikidata QID (Q followed by digits)")
        if action == "types":
            types = [t.strip() for t in re.split(r"[;,|]", value) if t.strip()]
            bad = [t for t in types if t not in ENTITY_TYPES]
            if bad or not types:
                raise fail(f"bad types {value!r} (one or more of {', '.join(ENTITY_TYPES)})")
            value = ";".join(t for t in ENTITY_TYPES if t in types)
        overrides.append(Override(action, match, value, doc, line))
    return tuple(overrides)


# ---------------------------------------------------------------- applying


def apply_overrides(extraction: Extraction, overrides: Iterable[Override]) -> Extraction:
    """The extraction with the user's decisions applied, in file order (a new record)."""
    for override in overrides:
        if override.doc and override.doc != extraction.article.id:
            continue
        matched = [e.id for e in extraction.entities if _matches(e, override.match)]
        for entity_id in matched:
            if any(e.id == entity_id for e in extraction.entities):
                extraction = _apply(extraction, entity_id, override)
    return extraction


def _matches(entity: Entity, key: str) -> bool:
    if _QID.fullmatch(key):
        return entity.qid == key
    if entity.kb_id is not None and entity.kb_id == key:
        return True
    wanted = normalize_label(key)
    return bool(wanted) and (normalize_label(entity.label) == wanted
                             or any(normalize_label(m.text) == wanted for m in entity.mentions))


def _apply(extraction: Extraction, entity_id: str, override: Override) -> Extraction:
    entity = extraction.entity(entity_id)
    action, value = override.action, override.value
    if action == "drop":
        return _drop(extraction, entity_id)
    if action == "merge":
        targets = [e for e in extraction.entities if e.id != entity_id and _matches(e, value)]
        if targets:
            return fold_entity(extraction, entity_id, targets[0].id)
        if _QID.fullmatch(value):
            action = "qid"
        else:
            action = "label"
    if action == "qid":
        entity = replace(entity, qid=value, kb_id=value, link_confidence=1.0, link_method="override")
    elif action == "unlink":
        entity = replace(entity, qid=None, kb_id=None, link_confidence=None, link_method="override")
    elif action == "types":
        types = tuple(value.split(";"))
        mentions = tuple(m if m.type in types else replace(m, type=types[0]) for m in entity.mentions)
        entity = replace(entity, types=types, mentions=mentions)
    elif action == "kind":
        entity = replace(entity, kind=value, mentions=tuple(replace(m, kind=value) for m in entity.mentions))
    elif action == "label":
        entity = replace(entity, label=value)
    entities = tuple(entity if e.id == entity_id else e for e in extraction.entities)
    return replace(extraction, entities=entities)


def _drop(extraction: Extraction, entity_id: str) -> Extraction:
    statements = tuple(
        replace(s, speaker=None if s.speaker == entity_id else s.speaker,
                about=tuple(a for a in s.about if a != entity_id),
                sources=tuple(a for a in s.sources if a != entity_id))
        for s in extraction.statements)
    return replace(
        extraction,
        entities=tuple(e for e in extraction.entities if e.id != entity_id),
        statements=statements,
        relations=tuple(r for r in extraction.relations if entity_id not in (r.subject, r.object)),
    )


# ---------------------------------------------------------------- exporting


def curation_rows(graph, *, max_confidence: float = 0.8) -> list[dict]:
    """Rows to check, from a kgbuild RDF graph: unlinked entities (one row per label and
    knowledge-base key) and links below ``max_confidence`` or fuzzy (one row per QID and
    mention), each across all documents; 'action' and 'value' are left for the user."""
    from kgbuild.queries import run_query

    rows: dict[tuple, dict] = {}
    for r in run_query("unlinked_entities", graph).records():
        key = ("unlinked", r["kb_id"] or "", normalize_label(r["label"]), r["types"])
        row = rows.setdefault(key, _row("unlinked", r["label"], r["label"], r, example=r["sentence"]))
        row["mentions"] += r["mentions"]
        row["_docs"].add(r["document"])
    params = {"max_confidence": repr(float(max_confidence))}
    for r in run_query("low_confidence_links", graph, params=params).records():
        key = ("low_confidence", r["qid"], normalize_label(r["mention"]))
        row = rows.setdefault(key, _row("low_confidence", r["mention"], r["label"], r))
        confidence = r["link_confidence"]
        if confidence is not None and (row["link_confidence"] == "" or confidence < row["link_confidence"]):
            row["link_confidence"] = confidence
        row["mentions"] += 1
        row["_docs"].add(r["document"])
    result = []
    for row in rows.values():
        docs = sorted(row.pop("_docs"))
        row["documents"] = ";".join(docs)
        result.append(row)
    result.sort(key=lambda r: (r["reason"] != "low_confidence", -len(r["documents"].split(";")),
                               r["label"].casefold()))
    return result


def _row(reason: str, match: str, label: str, record: dict, example: str = "") -> dict:
    confidence = record.get("link_confidence")
    return {"action": "", "value": "", "match": match, "doc": "", "reason": reason, "label": label,
            "types": record.get("types") or "", "kind": record.get("kind") or "",
            "qid": record.get("qid") or "", "kb_id": record.get("kb_id") or "",
            "link_confidence": confidence if confidence is not None else "",
            "link_method": record.get("link_method") or "", "mentions": 0, "_docs": set(),
            "example": " ".join((example or "").split())}


def write_curation(graph, path: str | Path, *, max_confidence: float = 0.8) -> tuple[Path, int]:
    """Write curation_rows as CSV (UTF-8); returns the path and the number of rows."""
    from kgbuild.export import csv_cell, write_atomic

    rows = curation_rows(graph, max_confidence=max_confidence)

    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=CURATION_COLUMNS)
            writer.writeheader()
            writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)

    return write_atomic(Path(path), write), len(rows)
