"""Identity of an entity across documents, decided here and only here.

Two documents' entities are one thing when they share a Wikidata QID, else a knowledge-base
key, else a normalised label and first type; an entity with none of these is its document's
own.  Exports (networkx nodes), corpus builds (corpus entity IRIs) and analysis (the network
read back from RDF) all key entities with ``identity_key``.
"""

from __future__ import annotations

from typing import Sequence

from kgbuild.normalize import normalize_label
from kgbuild.types import Entity

__all__ = ["identity_key", "entity_key", "node_id"]


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
