"""``kgbuild enrich``: add chosen Wikidata facts about linked entities to a graph.

Linked entities are the subjects with ``owl:sameAs wd:Q...``; for those QIDs
the active backend answers ``FACTS_QUERY`` (one CONSTRUCT, the same text on the
snapshot and on any endpoint): country (P17/P27), containing region (P131),
capital of (P1376), party (P102), memberships (P463), gender (P21), subclass
(P279) and positions held (P39 with start/end qualifiers).
"""

from __future__ import annotations

from typing import Iterable

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import OWL

from kgbuild.kb.reader import Snapshot
from kgbuild.kb.triples import row_triples
from kgbuild.kb.vocab import WD, is_qid

__all__ = ["FACTS_QUERY", "FACTS_GRAPH", "enrich_graph", "snapshot_facts", "facts_query", "linked_qids", "entry_row"]

#: named graph that receives the facts when enriching a Dataset
FACTS_GRAPH = URIRef("urn:kgbuild:graph:wikidata-facts")

FACTS_QUERY = """PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
CONSTRUCT {
  ?item wdt:P17 ?country . ?item wdt:P27 ?citizenship . ?item wdt:P131 ?region .
  ?item wdt:P1376 ?capitalOf . ?item wdt:P102 ?party . ?item wdt:P463 ?member .
  ?item wdt:P21 ?gender . ?item wdt:P279 ?superclass .
  ?item wdt:P39 ?office . ?item p:P39 ?held . ?held ps:P39 ?office .
  ?held pq:P580 ?start . ?held pq:P582 ?end . ?office rdfs:label ?officeLabel .
}
WHERE {
  VALUES ?item { %s }
  { ?item wdt:P17 ?country } UNION { ?item wdt:P27 ?citizenship } UNION { ?item wdt:P131 ?region }
  UNION { ?item wdt:P1376 ?capitalOf } UNION { ?item wdt:P102 ?party } UNION { ?item wdt:P463 ?member }
  UNION { ?item wdt:P21 ?gender } UNION { ?item wdt:P279 ?superclass }
  UNION {
    ?item p:P39 ?held . ?held ps:P39 ?office .
    OPTIONAL { ?held pq:P580 ?start } OPTIONAL { ?held pq:P582 ?end }
    OPTIONAL { ?office rdfs:label ?officeLabel FILTER(LANG(?officeLabel) IN ("fr", "en")) }
  }
}"""


def facts_query(qids: Iterable[str]) -> str:
    """FACTS_QUERY for these QIDs (each checked to be a QID, so nothing else enters the text)."""
    items = []
    for qid in qids:
        if not is_qid(qid):
            raise ValueError(f"not a QID: {qid!r}")
        items.append(f"<{WD[qid]}>")
    return FACTS_QUERY % " ".join(items)


def entry_row(snapshot: Snapshot, key: str) -> dict | None:
    """The snapshot row (JSON shape) of an entry, for ``triples.row_triples``."""
    e = snapshot.get(key)
    if e is None:
        return None
    return {"k": e.key, "q": e.qid, "t": e.kind, "l": e.labels, "a": {k: list(v) for k, v in e.aliases.items()},
            "c": e.country, "cap": e.capital_of, "in": e.located_in, "g": e.gender,
            "p": [list(p) for p in e.positions], "m": list(e.member_of),
            "s": list(snapshot.subclass_of.get(e.key, ())), "r": e.prior}


def snapshot_facts(snapshot: Snapshot, qids: Iterable[str]) -> Graph:
    """FACTS_QUERY run in-process over the snapshot triples of these entries."""
    qids = [q for q in dict.fromkeys(qids) if snapshot.get(q) is not None]
    if not qids:
        return Graph()
    rows = [entry_row(snapshot, q) for q in qids]
    parties = {m for row in rows for m in row["m"] if getattr(snapshot.get(m), "kind", None) == "Party"}
    local = Graph()
    for row in rows:
        for triple in row_triples(row, parties):
            local.add(triple)
    return local.query(facts_query(qids)).graph


def linked_qids(graph: Graph) -> list[str]:
    """QIDs that subjects of the graph are ``owl:sameAs``."""
    qids = []
    for obj in graph.objects(None, OWL.sameAs):
        text = str(obj)
        if text.startswith(str(WD)) and is_qid(text[len(str(WD)):]):
            qids.append(text[len(str(WD)):])
    return sorted(set(qids), key=lambda q: int(q[1:]))


def enrich_graph(graph: Graph, linker) -> Graph:
    """Add the backend's facts about every linked entity; returns ``graph`` (a Dataset gets a named graph)."""
    source = graph
    if isinstance(graph, Dataset):
        source = Graph()
        for quad in graph.quads((None, OWL.sameAs, None, None)):
            source.add(quad[:3])
    facts = linker.facts(linked_qids(source))
    target = graph.graph(FACTS_GRAPH) if isinstance(graph, Dataset) else graph
    for triple in facts:
        target.add(triple)
    return graph

