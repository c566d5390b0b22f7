"""The knowledge base: a Wikidata-shaped snapshot, its records, its reader and its builder.

Used by extraction (the gazetteer: names, kinds, office holders) and by linking
(candidates and facts); it imports neither.

    from kgbuild.kb import load_snapshot, build_snapshot
    kb = load_snapshot()                        # reader.py: Snapshot, cached per process and path
    kb.lookup("Kiev")                           # -> [KBEntry Q1899 (City), ...]
    report = build_snapshot(SOURCES, ADDITIONS, OUT)   # builder.py: `kgbuild kb build`

Modules: ``records`` (Draft entries while building, and their merging), ``keys`` (name
match keys), ``vocab`` (kinds, classes, Wikidata IRIs), ``reader`` (the snapshot file and
its indexes), ``builder`` with its readers ``sources`` (shared/wikidata-sources),
``additions`` (verified CSV rows), ``dump`` (Wikidata JSON dumps), ``construct``
(a SPARQL endpoint), and ``triples`` (Wikidata-shaped N-Triples).
"""

from kgbuild.kb.builder import ADDITIONS_DIR, DEFAULT_SOURCES, BuildReport, build_snapshot, check_unique_qids
from kgbuild.kb.reader import KB_DIR, NTRIPLES_FILE, SNAPSHOT_FILE, Snapshot, default_snapshot_path, load_snapshot
from kgbuild.kb.records import Draft, merge_drafts
from kgbuild.types import KBEntry

__all__ = [
    "ADDITIONS_DIR", "DEFAULT_SOURCES", "KB_DIR", "NTRIPLES_FILE", "SNAPSHOT_FILE",
    "BuildReport", "Draft", "KBEntry", "Snapshot",
    "build_snapshot", "check_unique_qids", "default_snapshot_path", "load_snapshot", "merge_drafts",
]
