"""The Linker: one interface, two backends (``snapshot`` in-process, ``sparql`` any endpoint).

    linker = load_linker()                                   # the embedded snapshot
    linker = load_linker("sparql", endpoint="http://127.0.0.1:7878/query", contact="me@example.org")
    linked = linker.link(extraction)      # Entities get qid / kb_id / link_confidence / link_method

Backends only differ in how they find candidates and facts (``_lookup``,
``facts``); disambiguation is shared (``base.Linker.link`` and
``disambiguate.choose_link``).  A backend failure never raises out of ``link``:
entities stay as they were, a warning is added to ``Extraction.warnings`` and logged.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable, Sequence

from rdflib import Graph

from kgbuild.errors import ConfigError
from kgbuild.kb.reader import Snapshot, load_snapshot
from kgbuild.link.base import Linker, Lookup
from kgbuild.link.candidates import SnapshotCandidates
from kgbuild.types import KBEntry

__all__ = ["Linker", "SnapshotLinker", "Lookup", "load_linker", "BACKENDS", "WIKIDATA_ENDPOINT"]

log = logging.getLogger("kgbuild.link")

BACKENDS = ("snapshot", "sparql")
WIKIDATA_ENDPOINT = "https://query.wikidata.org/sparql"


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
