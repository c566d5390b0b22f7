"""The Linker: one interface, two backends (``snapshot`` in-process, ``sparql`` any endpoint).

    linker = load_linker()                                   # the embedded snapshot
    linker = load_linker("sparql", endpoint="http://127.0.0.1:7878/query", contact="me@example.org")
    linked = linker.link(extraction)      # Entities get qid / kb_id / link_confidence / link_method

Backends only differ in how they find candidates and facts (``_lookup``,
``facts``); disambiguation is shared (``disambiguate.choose_link``).  A
backend failure never raises out of ``link``: entities stay as they were, a
warning is added to ``Extraction.warnings`` and logged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Sequence

from rdflib import Graph

from kgbuild.errors import ConfigError, LinkError
from kgbuild.link.candidates import SnapshotCandidates
from kgbuild.link.disambiguate import (
    DocContext,
    build_context,
    choose_link,
    has_region_cue,
    link_names,
    score_candidate,
)
from kgbuild.link.keys import match_key
from kgbuild.link.snapshot import Snapshot, load_snapshot
from kgbuild.types import Candidate, Entity, Extraction, KBEntry

__all__ = ["Linker", "SnapshotLinker", "Lookup", "load_linker", "BACKENDS", "WIKIDATA_ENDPOINT"]

log = logging.getLogger("kgbuild.link")

BACKENDS = ("snapshot", "sparql")
WIKIDATA_ENDPOINT = "https://query.wikidata.org/sparql"

_REGION_FORMS = ("région de {}", "oblast de {}", "{} Oblast", "Oblast {}")


@dataclass
class Lookup:
    """A backend's answer for one document: candidates per name, entries per key."""

    candidates: dict[str, tuple[Candidate, ...]] = field(default_factory=dict)
    entries: dict[str, KBEntry] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _region_names(name: str) -> list[str]:
    if any(w in match_key(name).split() for w in ("region", "oblast")):
        return []
    return [form.format(name) for form in _REGION_FORMS]


class Linker:
    """Links the entities of an Extraction to KB entries (Wikidata QIDs when known)."""

    backend = ""

    def _lookup(self, names: Sequence[str], lang: str, keys: Sequence[str]) -> Lookup:
        raise NotImplementedError

    def facts(self, qids: Iterable[str]) -> Graph:
        """Chosen Wikidata-shaped facts (country, region, positions, party) about these QIDs."""
        raise NotImplementedError

    def get(self, key: str) -> KBEntry | None:
        raise NotImplementedError

    def candidates(self, names: Sequence[str], lang: str = "fr") -> dict[str, list[Candidate]]:
        """Candidates for each name, best match first (no document context)."""
        found = self._lookup(list(dict.fromkeys(names)), lang, ())
        return {name: list(found.candidates.get(name, ())) for name in names}

    def link(self, extraction: Extraction) -> Extraction:
        """A copy of ``extraction`` whose entities carry their link (or NIL)."""
        if not extraction.entities:
            return extraction
        lang = extraction.article.lang or "fr"
        text = extraction.article.text
        per_entity: dict[str, list[str]] = {}
        cues = set()
        for entity in extraction.entities:
            names = link_names(entity)
            if any(has_region_cue(text, m.start, m.end) for m in entity.mentions):
                cues.add(entity.id)
                names += [r for n in names for r in _region_names(n)]
            per_entity[entity.id] = names
        all_names = list(dict.fromkeys(n for names in per_entity.values() for n in names))
        keys = [e.kb_id for e in extraction.entities if e.kb_id]
        try:
            found = self._lookup(all_names, lang, keys)
        except LinkError as exc:
            message = f"linking skipped ({self.backend}): {exc}; {len(extraction.entities)} entities left unlinked"
            # an endpoint given up for the build was reported once, when it was given up
            log.log(logging.DEBUG if getattr(exc, "reported", False) else logging.WARNING,
                    "%s: %s", extraction.article.id, message)
            return replace(extraction, warnings=extraction.warnings + (message,))
        for message in found.warnings:
            log.warning("%s: %s", extraction.article.id, message)
        pools = {e.id: self._pool(e, per_entity[e.id], found) for e in extraction.entities}
        first = DocContext(countries={}, region_cues=frozenset(cues))
        best = {}
        for entity in extraction.entities:
            scored = [(score_candidate(entity, c, first), c) for c in pools[entity.id]]
            top = max(scored, key=lambda sc: sc[0], default=(0.0, None))
            best[entity.id] = top[1].entry if top[0] > 0 else None
        ctx = build_context(extraction, best, frozenset(cues))
        get = lambda key: found.entries.get(key) or self.get(key)  # noqa: E731
        lang = extraction.article.lang
        entities = tuple(self._apply(e, choose_link(e, pools[e.id], ctx, get), lang)
                         for e in extraction.entities)
        return replace(extraction, entities=entities, warnings=extraction.warnings + tuple(found.warnings))

    @staticmethod
    def _pool(entity: Entity, names: list[str], found: Lookup) -> list[Candidate]:
        pool: dict[str, Candidate] = {}
        if entity.kb_id and entity.kb_id in found.entries:
            pool[entity.kb_id] = Candidate(entry=found.entries[entity.kb_id], score=1.0, method="exact",
                                           matched=entity.label)
        for name in names:
            for cand in found.candidates.get(name, ()):
                old = pool.get(cand.entry.key)
                if old is None or old.score < cand.score:
                    pool[cand.entry.key] = cand
        return list(pool.values())

    @staticmethod
    def _apply(entity: Entity, link, lang: str) -> Entity:
        entry = link.entry  # replace() keeps any field added to Entity later
        # a linked entity is named as the KB names it ("Kourk" -> "oblast de Koursk"); its
        # mentions keep the text as written
        label = (entry.labels.get(lang) or entry.labels.get("en") or entity.label) if entry else entity.label
        return replace(entity, label=label, qid=entry.qid if entry else None,
                       link_confidence=link.confidence, link_method=link.method if entry else "nil",
                       kb_id=entry.key if entry else None)


class SnapshotLinker(Linker):
    """In-process linking against the embedded snapshot (the default, offline)."""

    backend = "snapshot"

    def __init__(self, snapshot: Snapshot | None = None) -> None:
        self.snapshot = snapshot or load_snapshot()
        self.finder = SnapshotCandidates(self.snapshot)

    def get(self, key: str) -> KBEntry | None:
        return self.snapshot.get(key)

    def _lookup(self, names: Sequence[str], lang: str, keys: Sequence[str]) -> Lookup:
        found = Lookup()
        for name in names:
            found.candidates[name] = self.finder.find(name, lang)
        for key in keys:
            entry = self.snapshot.get(key)
            if entry is not None:
                found.entries[key] = entry
        return found

    def facts(self, qids: Iterable[str]) -> Graph:
        from kgbuild.link.enrich import snapshot_facts

        return snapshot_facts(self.snapshot, qids)


def load_linker(backend: str = "snapshot", *, endpoint: str | None = None, cache_dir: str | Path | None = None,
                offline: bool = False, user_agent: str | None = None, contact: str | None = None,
                timeout: float = 30.0, rate: float | None = None, snapshot: str | Path | None = None) -> Linker:
    """A Linker for ``backend`` ("snapshot" or "sparql"); options are checked here, once.

    sparql: ``endpoint`` defaults to the public Wikidata service; ``rate`` (requests per
    second) defaults to 1 for remote endpoints and 50 for one on this machine.
    """
    if backend not in BACKENDS:
        raise ConfigError("linker", backend, ", ".join(BACKENDS))
    snap = load_snapshot(snapshot)
    if backend == "snapshot":
        return SnapshotLinker(snap)
    from kgbuild.link.http import default_rate
    from kgbuild.link.sparql import SparqlConfig, SparqlLinker

    endpoint = endpoint or WIKIDATA_ENDPOINT
    if rate is None:
        rate = default_rate(endpoint)
    config = SparqlConfig.checked(endpoint=endpoint, cache_dir=cache_dir, offline=offline,
                                  user_agent=user_agent, contact=contact, timeout=timeout, rate=rate)
    if endpoint == WIKIDATA_ENDPOINT and not (contact or user_agent) and not offline:
        log.warning("linking against the public Wikidata service without a contact: pass --contact EMAIL")
    return SparqlLinker(config, snap)
