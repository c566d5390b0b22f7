"""Network analysis of a kgbuild graph: centralities, communities, the actor-weapon
bipartite projection and the speaker -> target statement network.

    from kgbuild.analyze import centrality_table, write_analysis
    centrality_table(result.nx)                 # a pandas DataFrame, one row per entity
    write_analysis(result.nx, "analysis/")      # every table as CSV

The input is the MultiDiGraph of ``kgbuild.export.to_networkx`` (``result.nx``), or
one read back by ``load_network`` from RDF (.ttl, .trig...), GraphML or GEXF files.
A relation the text denies (modality "negated") is no tie: it is left out unless
``include_negated=True``.  Statement edges (speaker -> what the statement is about)
are kept whatever their modality.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote

import networkx as nx

from kgbuild.errors import ConfigError, InputError
from kgbuild.export import csv_cell, node_entity_type, write_atomic
from kgbuild.identity import identity_key, node_id
from kgbuild.types import ENTITY_TYPES, MODALITIES

__all__ = [
    "TABLES",
    "load_network",
    "network_from_rdf",
    "undirected_graph",
    "centrality_table",
    "community_table",
    "actor_weapon_table",
    "actor_projection_table",
    "weapon_projection_table",
    "statement_table",
    "write_analysis",
]

#: CSV file names written by write_analysis, in order
TABLES = ("centrality", "communities", "actor_weapon", "actor_projection", "weapon_projection",
          "statement_network")

_NETWORK_SUFFIXES = (".graphml", ".gexf")


# ---------------------------------------------------------------- loading


def load_network(paths: str | Path | Iterable[str | Path]) -> nx.MultiDiGraph:
    """The entity network of RDF files or build folders (merged), or of one GraphML/GEXF file.

    A build folder with RDF files is read as RDF (it holds everything); a folder
    without them is read from its one .graphml or .gexf file.
    """
    from kgbuild.queries import RDF_SUFFIXES, load_graph

    if isinstance(paths, (str, Path)):
        paths = [paths]
    rdf: list[Path] = []
    networks: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in RDF_SUFFIXES)
            if found:
                rdf.append(path)
            else:
                networks.extend(sorted(p for p in path.iterdir()
                                       if p.suffix.lower() in _NETWORK_SUFFIXES))
        elif not path.is_file():
            raise InputError(path, "no such file or folder")
        elif path.suffix.lower() in RDF_SUFFIXES:
            rdf.append(path)
        elif path.suffix.lower() in _NETWORK_SUFFIXES:
            networks.append(path)
        else:
            valid = ", ".join((*RDF_SUFFIXES, *_NETWORK_SUFFIXES))
            raise InputError(path, f"not a graph file (suffixes: {valid})")
    if rdf and not networks:
        return network_from_rdf(load_graph(rdf))
    if len(networks) == 1 and not rdf:
        return _read_network(networks[0])
    if not rdf and not networks:
        raise InputError(", ".join(map(str, paths)), "no graph file found")
    raise ConfigError("graph", ", ".join(map(str, paths)),
                      "RDF files and folders (merged), or a single GraphML or GEXF file")


def _read_network(path: Path) -> nx.MultiDiGraph:
    try:
        if path.suffix.lower() == ".graphml":
            graph = nx.read_graphml(path, force_multigraph=True)
        else:
            graph = nx.read_gexf(path)
    except Exception as exc:  # lxml, ElementTree and networkx raise several kinds
        raise InputError(path, f"cannot read the graph: {exc}") from exc
    return nx.MultiDiGraph(graph)


_ENTITIES = """
SELECT ?e ?doc_id ?date ?label ?local ?kind ?item ?kb ?n ?conf WHERE {
  ?e kg:mentionCount ?n ; rdfs:label ?label ; kg:inDocument ?doc .
  ?doc dcterms:identifier ?doc_id .
  OPTIONAL { ?e kg:localId ?local }
  OPTIONAL { ?e kg:kind ?kind }
  OPTIONAL { ?e owl:sameAs ?item }
  OPTIONAL { ?e kg:kbId ?kb }
  OPTIONAL { ?e kg:confidence ?conf }
  OPTIONAL { ?doc schema:datePublished ?date }
}"""
_TYPES = """
SELECT ?e ?class WHERE { VALUES ?class { kg:Actor kg:Weapon kg:Region } ?e a ?class ; kg:mentionCount ?n }"""
_RELATIONS = """
SELECT ?a ?s ?p ?o ?m ?conf ?start ?end ?cue ?event ?doc_id ?date WHERE {
  ?a a kg:RelationAssertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
     kg:inDocument ?doc ; kg:evidence ?ev .
  ?doc dcterms:identifier ?doc_id .
  ?ev nif:beginIndex ?start ; nif:endIndex ?end .
  OPTIONAL { ?a kg:modality ?m }
  OPTIONAL { ?a kg:confidence ?conf }
  OPTIONAL { ?a kg:cue ?cue }
  OPTIONAL { ?a kg:partOfEvent ?event }
  OPTIONAL { ?doc schema:datePublished ?date }
}"""
_STATEMENTS = """
SELECT ?st ?speaker ?about ?local ?m ?mode ?conf ?start ?end ?cue ?doc_id ?date WHERE {
  ?st a kg:Statement ; kg:saidBy ?speaker ; kg:about ?about ; kg:inDocument ?doc ; kg:evidence ?ev .
  ?doc dcterms:identifier ?doc_id .
  ?ev nif:beginIndex ?start ; nif:endIndex ?end .
  OPTIONAL { ?st kg:localId ?local }
  OPTIONAL { ?st kg:modality ?m }
  OPTIONAL { ?st kg:mode ?mode }
  OPTIONAL { ?st kg:confidence ?conf }
  OPTIONAL { ?st kg:cue ?cue }
  OPTIONAL { ?doc schema:datePublished ?date }
}"""


def network_from_rdf(graph) -> nx.MultiDiGraph:
    """The MultiDiGraph ``to_networkx`` gives, rebuilt from a kgbuild RDF graph or Dataset.

    Nodes merge an entity across documents by QID, else knowledge-base key, else
    ``label:{first type}:{normalised label}``, with the same node and edge attributes.
    """
    from rdflib import DCTERMS, OWL, RDF, RDFS, SDO, Dataset
    from rdflib.plugins.sparql import prepareQuery

    from kgbuild.vocab import KG, NIF

    if isinstance(graph, Dataset):
        graph = Dataset(store=graph.store, default_union=True)
    prefixes = {"kg": KG._NS, "nif": NIF._NS, "rdf": RDF, "rdfs": RDFS, "owl": OWL,
                "dcterms": DCTERMS, "schema": SDO}

    def select(text: str):
        return graph.query(prepareQuery(text, initNs=prefixes))

    types: dict = defaultdict(set)
    for row in select(_TYPES):
        types[row.e].add(str(row["class"]).rsplit("#", 1)[-1])
    rows = sorted(select(_ENTITIES), key=lambda r: (str(r.doc_id), str(r.e)))
    network = nx.MultiDiGraph()
    node_of: dict = {}
    documents: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        qid = str(row.item).rsplit("/", 1)[-1] if row.item is not None else None
        kb = str(row.kb) if row.kb is not None else None
        first_types = [t for t in ENTITY_TYPES if t in types[row.e]][:1]
        node = node_id(identity_key(qid, kb, str(row.label), first_types, str(row.doc_id),
                                    None if row.local is None else str(row.local)))
        node_of[row.e] = node
        if node not in network:
            network.add_node(node, label=str(row.label), kind=str(row.kind or ""), mentions=0,
                             documents=0, confidence=0.0, types="")
        data = network.nodes[node]
        merged = set(filter(None, data["types"].split(";"))) | types[row.e]
        data["types"] = ";".join(t for t in ENTITY_TYPES if t in merged)
        data["entity_type"] = data["types"].split(";")[0]
        if qid:
            data["qid"] = qid
        data["mentions"] += int(row.n)
        if row.conf is not None:
            data["confidence"] = max(data["confidence"], float(row.conf))
        day = _day(row.date)
        if day:
            data["first_date"] = min(data.get("first_date", day), day)
            data["last_date"] = max(data.get("last_date", day), day)
        documents[node].add(str(row.doc_id))
    for node, docs in documents.items():
        network.nodes[node]["documents"] = len(docs)

    for row in sorted(select(_RELATIONS), key=lambda r: (str(r.doc_id), int(r.start), str(r.a))):
        if row.s not in node_of or row.o not in node_of:
            continue
        predicate = str(row.p).rsplit("#", 1)[-1]
        attrs = _edge_attrs(row, predicate, "relation")
        if row.event is not None:
            attrs["event"] = unquote(str(row.event).rsplit("/", 1)[-1])
        network.add_edge(node_of[row.s], node_of[row.o], **attrs)
    for row in sorted(select(_STATEMENTS), key=lambda r: (str(r.doc_id), int(r.start), str(r.about))):
        if row.speaker not in node_of or row.about not in node_of:
            continue
        attrs = _edge_attrs(row, "speaksAbout", "statement")
        if row.local is not None:
            attrs["statement"] = str(row.local)
        if row.mode is not None:
            attrs["mode"] = str(row.mode).rsplit("#", 1)[-1]
        network.add_edge(node_of[row.speaker], node_of[row.about], **attrs)
    return network


def _edge_attrs(row, predicate: str, category: str) -> dict:
    confidence = float(row.conf) if row.conf is not None else 1.0
    attrs = {"label": predicate, "predicate": predicate, "category": category,
             "modality": str(row.m).rsplit("#", 1)[-1] if row.m is not None else "asserted",
             "weight": confidence, "confidence": confidence,
             "char_start": int(row.start), "char_end": int(row.end), "document": str(row.doc_id)}
    day = _day(row.date)
    if day:
        attrs["date"] = day
    if row.cue is not None:
        attrs["cue"] = str(row.cue)
    return attrs


def _day(value) -> str | None:
    text = str(value)[:10] if value is not None else ""
    return text if len(text) == 10 and text[4] == "-" and text[7] == "-" else None


# ---------------------------------------------------------------- views of the network


def _kept_edges(graph: nx.MultiDiGraph, include_negated: bool):
    for u, v, data in graph.edges(data=True):
        if (not include_negated and data.get("category", "relation") == "relation"
                and data.get("modality") == "negated"):
            continue
        yield u, v, data


def undirected_graph(graph: nx.MultiDiGraph, *, include_negated: bool = False) -> nx.Graph:
    """One undirected edge per pair of entities: weight sums confidences, links counts edges."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    for u, v, data in _kept_edges(graph, include_negated):
        if u == v:
            continue
        weight = _number(data.get("weight", 1.0), 1.0)
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += weight
            simple[u][v]["links"] += 1
        else:
            simple.add_edge(u, v, weight=weight, links=1)
    return simple


def _number(value, default: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) else default


def _node_info(graph: nx.MultiDiGraph, node) -> dict:
    data = graph.nodes[node]
    return {"label": data.get("label", str(node)), "type": node_entity_type(data),
            "kind": data.get("kind", ""), "qid": data.get("qid", ""),
            "mentions": int(_number(data.get("mentions", 0), 0)),
            "documents": int(_number(data.get("documents", 0), 0))}


def _types(graph: nx.MultiDiGraph, node) -> set[str]:
    data = graph.nodes[node]
    return set(str(data.get("types") or node_entity_type(data)).split(";"))


def _frame(rows: list[dict], columns: list[str]):
    import pandas as pd

    return pd.DataFrame(rows, columns=columns)


# ---------------------------------------------------------------- tables


def centrality_table(graph: nx.MultiDiGraph, *, include_negated: bool = False):
    """One row per entity: degree (distinct neighbours), links in and out, weighted degree
    (sum of confidences), degree centrality and betweenness (of the undirected graph,
    normalised), most central first."""
    simple = undirected_graph(graph, include_negated=include_negated)
    centrality = nx.degree_centrality(simple) if len(simple) > 1 else {n: 0.0 for n in simple}
    betweenness = nx.betweenness_centrality(simple, normalized=True)
    links_in: dict = defaultdict(int)
    links_out: dict = defaultdict(int)
    for u, v, _ in _kept_edges(graph, include_negated):
        links_out[u] += 1
        links_in[v] += 1
    rows = []
    for node in graph.nodes:
        rows.append({"node": node, **_node_info(graph, node),
                     "degree": simple.degree(node),
                     "links_in": links_in[node], "links_out": links_out[node],
                     "weighted_degree": round(simple.degree(node, weight="weight"), 6),
                     "degree_centrality": round(centrality.get(node, 0.0), 6),
                     "betweenness": round(betweenness.get(node, 0.0), 6)})
    rows.sort(key=lambda r: (-r["betweenness"], -r["degree"], -r["mentions"], r["label"]))
    columns = ["node", "label", "type", "kind", "qid", "mentions", "documents", "degree",
               "links_in", "links_out", "weighted_degree", "degree_centrality", "betweenness"]
    return _frame(rows, columns)


def community_table(graph: nx.MultiDiGraph, *, include_negated: bool = False, seed: int = 1):
    """Louvain communities of the undirected graph weighted by confidence; community 1 is
    the largest; an entity without ties is a community of its own."""
    simple = undirected_graph(graph, include_negated=include_negated)
    found = nx.community.louvain_communities(simple, weight="weight", seed=seed) if len(simple) else []
    ordered = sorted((sorted(map(str, c)) for c in found), key=lambda c: (-len(c), c))
    rows = []
    for number, members in enumerate(ordered, start=1):
        for node in members:
            rows.append({"community": number, "community_size": len(members), "node": node,
                         **_node_info(graph, node)})
    return _frame(rows, ["community", "community_size", "node", "label", "type", "kind", "qid",
                         "mentions", "documents"])


def _actor_weapon_edges(graph: nx.MultiDiGraph, include_negated: bool) -> dict:
    edges: dict = {}
    for u, v, data in _kept_edges(graph, include_negated):
        if data.get("category", "relation") != "relation":
            continue
        if "Actor" in _types(graph, u) and "Weapon" in _types(graph, v):
            entry = edges.setdefault((u, v), {"predicates": set(), "assertions": 0, "documents": set()})
            entry["predicates"].add(str(data.get("predicate", "")))
            entry["assertions"] += 1
            entry["documents"].add(str(data.get("document", "")))
    return edges


def actor_weapon_table(graph: nx.MultiDiGraph, *, include_negated: bool = False):
    """The bipartite actor -> weapon ties (supplies, authorizes...): one row per pair."""
    rows = []
    for (actor, weapon), entry in _actor_weapon_edges(graph, include_negated).items():
        rows.append({"actor": actor, "actor_label": _node_info(graph, actor)["label"],
                     "weapon": weapon, "weapon_label": _node_info(graph, weapon)["label"],
                     "predicates": ";".join(sorted(entry["predicates"])),
                     "assertions": entry["assertions"], "documents": len(entry["documents"])})
    rows.sort(key=lambda r: (-r["assertions"], r["actor_label"], r["weapon_label"]))
    return _frame(rows, ["actor", "actor_label", "weapon", "weapon_label", "predicates",
                         "assertions", "documents"])


def _projection(graph: nx.MultiDiGraph, include_negated: bool, side: str):
    from networkx.algorithms import bipartite

    edges = _actor_weapon_edges(graph, include_negated)
    bip = nx.Graph()
    for actor, weapon in edges:
        bip.add_node(("actor", actor), bipartite=0)
        bip.add_node(("weapon", weapon), bipartite=1)
        bip.add_edge(("actor", actor), ("weapon", weapon))
    keep = [n for n in bip if n[0] == side]
    projected = bipartite.weighted_projected_graph(bip, keep)
    rows = []
    for (_, a), (_, b) in projected.edges():
        a, b = sorted((a, b), key=lambda n: _node_info(graph, n)["label"])
        shared = sorted(_node_info(graph, n[1])["label"]
                        for n in set(bip[(side, a)]) & set(bip[(side, b)]))
        rows.append({"a": a, "a_label": _node_info(graph, a)["label"],
                     "b": b, "b_label": _node_info(graph, b)["label"],
                     "shared": len(shared), "via": "; ".join(shared)})
    rows.sort(key=lambda r: (-r["shared"], r["a_label"], r["b_label"]))
    return rows


def actor_projection_table(graph: nx.MultiDiGraph, *, include_negated: bool = False):
    """Actors tied by the weapons they have in common (the actor side of the bipartite graph)."""
    rows = [{"actor_a": r["a"], "actor_a_label": r["a_label"], "actor_b": r["b"],
             "actor_b_label": r["b_label"], "shared_weapons": r["shared"], "weapons": r["via"]}
            for r in _projection(graph, include_negated, "actor")]
    return _frame(rows, ["actor_a", "actor_a_label", "actor_b", "actor_b_label",
                         "shared_weapons", "weapons"])


def weapon_projection_table(graph: nx.MultiDiGraph, *, include_negated: bool = False):
    """Weapons tied by the actors they have in common (the weapon side of the bipartite graph)."""
    rows = [{"weapon_a": r["a"], "weapon_a_label": r["a_label"], "weapon_b": r["b"],
             "weapon_b_label": r["b_label"], "shared_actors": r["shared"], "actors": r["via"]}
            for r in _projection(graph, include_negated, "weapon")]
    return _frame(rows, ["weapon_a", "weapon_a_label", "weapon_b", "weapon_b_label",
                         "shared_actors", "actors"])


def statement_table(graph: nx.MultiDiGraph):
    """Who speaks about whom: one row per (speaker, target) with statement counts by modality."""
    pairs: dict = {}
    for u, v, data in graph.edges(data=True):
        if data.get("category") != "statement":
            continue
        entry = pairs.setdefault((u, v), {"statements": set(), "documents": set(), "dates": set(),
                                          **{m: set() for m in MODALITIES}})
        statement = (str(data.get("document", "")), str(data.get("statement", "")),
                     data.get("char_start"))
        entry["statements"].add(statement)
        entry["documents"].add(statement[0])
        modality = str(data.get("modality", "reported"))
        if modality in MODALITIES:
            entry[modality].add(statement)
        if data.get("date"):
            entry["dates"].add(str(data["date"]))
    rows = []
    for (speaker, target), entry in pairs.items():
        dates = sorted(entry["dates"])
        rows.append({"speaker": speaker, "speaker_label": _node_info(graph, speaker)["label"],
                     "target": target, "target_label": _node_info(graph, target)["label"],
                     "target_type": _node_info(graph, target)["type"],
                     "statements": len(entry["statements"]),
                     **{m: len(entry[m]) for m in MODALITIES},
                     "documents": len(entry["documents"]),
                     "first_date": dates[0] if dates else "", "last_date": dates[-1] if dates else ""})
    rows.sort(key=lambda r: (-r["statements"], r["speaker_label"], r["target_label"]))
    return _frame(rows, ["speaker", "speaker_label", "target", "target_label", "target_type",
                         "statements", *MODALITIES, "documents", "first_date", "last_date"])


# ---------------------------------------------------------------- files


def write_analysis(graph: nx.MultiDiGraph, out_dir: str | Path, *, include_negated: bool = False,
                   seed: int = 1) -> list[Path]:
    """Write the TABLES as ``{name}.csv`` (UTF-8) into ``out_dir``; returns the paths."""
    out_dir = Path(out_dir)
    tables = {
        "centrality": centrality_table(graph, include_negated=include_negated),
        "communities": community_table(graph, include_negated=include_negated, seed=seed),
        "actor_weapon": actor_weapon_table(graph, include_negated=include_negated),
        "actor_projection": actor_projection_table(graph, include_negated=include_negated),
        "weapon_projection": weapon_projection_table(graph, include_negated=include_negated),
        "statement_network": statement_table(graph),
    }
    return [write_atomic(out_dir / f"{name}.csv",
                         lambda tmp, frame=tables[name]: frame.map(csv_cell).to_csv(tmp, index=False))
            for name in TABLES]
