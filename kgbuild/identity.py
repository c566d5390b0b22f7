"""Identity of an entity across documents, decided here and only here.

Within a document, entities that linking gives one QID are one (``fold_same_items``; a
user's "merge" override folds two the same way).  Two documents' entities are one thing when
they share a Wikidata QID, else a knowledge-base key, else a normalised label and first
type; an entity with none of these is its document's own.  Exports (networkx nodes), corpus
builds (corpus entity IRIs) and analysis (the network read back from RDF) all key entities
with ``identity_key``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from kgbuild.normalize import normalize_label
from kgbuild.types import ENTITY_TYPES, Entity, Extraction

__all__ = ["identity_key", "entity_key", "node_id", "fold_entity", "fold_same_items", "drop_entities"]


def identity_key(qid: str | None, kb_id: str | None, label: str, types: Sequence[str], doc_id: str,
                 local_id: str | None) -> tuple[str, ...]:
    """The cross-document key of an entity from its parts: its QID, else its KB key, else
    its normalised label and first type, else its place in its document."""
    if qid:
        return ("qid", qid)
    if kb_id:
        return ("kb", kb_id)
    label = normalize_label(label)
    if label:
        return ("label", types[0] if types else "Entity", label)
    return ("local", doc_id, str(local_id))


def entity_key(entity: Entity, doc_id: str) -> tuple[str, ...]:
    """The cross-document key of an extracted entity (see ``identity_key``)."""
    return identity_key(entity.qid, entity.kb_id, entity.label, entity.types, doc_id, entity.id)


def node_id(key: tuple[str, ...]) -> str:
    """A key as a graph node id: the QID or KB key itself, else its parts joined by colons
    ("label:Actor:soldats nord-coreens")."""
    return key[1] if key[0] in ("qid", "kb") else ":".join(key)


def fold_entity(extraction: Extraction, source_id: str, target_id: str) -> Extraction:
    """Fold entity ``source_id`` into ``target_id``: mentions, roles, references."""
    source, target = extraction.entity(source_id), extraction.entity(target_id)
    types = set(source.types) | set(target.types)
    merged = replace(
        target,
        types=tuple(t for t in ENTITY_TYPES if t in types),
        mentions=tuple(sorted(source.mentions + target.mentions, key=lambda m: (m.start, m.end))),
        confidence=max(source.confidence, target.confidence),
    )
    if merged.qid is None and source.qid is not None:
        merged = replace(merged, qid=source.qid, kb_id=source.kb_id,
                         link_confidence=source.link_confidence, link_method=source.link_method)

    def swap(entity_ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(target_id if i == source_id else i for i in entity_ids))

    statements = tuple(
        replace(s, speaker=target_id if s.speaker == source_id else s.speaker,
                about=swap(s.about), sources=swap(s.sources))
        for s in extraction.statements)
    relations = []
    for r in extraction.relations:
        r = replace(r, subject=target_id if r.subject == source_id else r.subject,
                    object=target_id if r.object == source_id else r.object)
        if r.subject != r.object:
            relations.append(r)  # a fact found twice keeps both pieces of evidence, as before
    entities = tuple(merged if e.id == target_id else e
                     for e in extraction.entities if e.id != source_id)
    return replace(extraction, entities=entities, statements=statements, relations=tuple(relations))


def fold_same_items(extraction: Extraction) -> Extraction:
    """One entity per linked item: an entity linked to the QID of an entity before it
    ("M. Zelenski" after "Volodymyr Zelensky") is folded into that one."""
    first: dict[str, str] = {}
    folds = []
    for entity in extraction.entities:
        if entity.qid is None:
            continue
        if entity.qid in first:
            folds.append((entity.id, first[entity.qid]))
        else:
            first[entity.qid] = entity.id
    for source_id, target_id in folds:
        extraction = fold_entity(extraction, source_id, target_id)
    return extraction


def drop_entities(extraction: Extraction, entity_ids: Sequence[str]) -> Extraction:
    """The extraction without these entities: the statements they speak and the relations
    they are an end of go with them, and they leave the statements' other references."""
    gone = set(entity_ids) & {e.id for e in extraction.entities}
    if not gone:
        return extraction

    def keep(ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(i for i in ids if i not in gone)

    statements = tuple(replace(s, about=keep(s.about), sources=keep(s.sources))
                       for s in extraction.statements if s.speaker not in gone)
    relations = tuple(r for r in extraction.relations if r.subject not in gone and r.object not in gone)
    entities = tuple(e for e in extraction.entities if e.id not in gone)
    return replace(extraction, entities=entities, statements=statements, relations=relations)
