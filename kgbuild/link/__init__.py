"""Wikidata linking: an embedded offline snapshot (default) or any SPARQL endpoint.

    from kgbuild.link import load_linker, load_snapshot
    kb = load_snapshot()                          # in-process KB: .lookup, .get, .office_holders
    linker = load_linker()                        # or load_linker("sparql", endpoint=URL, contact=...)
    linked = linker.link(extraction)              # Entity.qid / kb_id / link_confidence / link_method
    linker.candidates(["Kiev", "Kourk"], "fr")    # -> {name: [Candidate, ...]}
    enrich_graph(graph, linker)                   # add Wikidata facts for owl:sameAs wd:Q... subjects
"""

from kgbuild.link.enrich import enrich_graph
from kgbuild.link.linker import BACKENDS, Linker, load_linker
from kgbuild.kb.reader import Snapshot, load_snapshot

__all__ = ["BACKENDS", "Linker", "Snapshot", "enrich_graph", "load_linker", "load_snapshot"]
