"""GEXF and GraphML as the tools people open them with read them: Gephi keeps one edge per
id, sigma.js reserves some node attribute names, igraph and networkx read the files back."""

from __future__ import annotations

from collections import Counter

import networkx as nx
import pytest
from lxml import etree

from fixtures.research.corpus import research_extractions
from kgbuild.export import to_networkx, write_gexf, write_graphml

GEXF = "{http://gexf.net/1.3}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
#: node attributes sigma.js (Gephi Lite, graphology) gives a meaning of its own
SIGMA_RESERVED = {"type", "x", "y", "size", "color", "label", "hidden", "forceLabel", "zIndex"}


@pytest.fixture(scope="module")
def network() -> nx.MultiDiGraph:
    graph = to_networkx(research_extractions())
    pairs = Counter((u, v) for u, v in graph.edges())
    assert max(pairs.values()) > 1  # the case that broke: several edges between two entities
    return graph


def gephi_edges(path, namespace: str) -> dict[str, tuple[str, str]]:
    """The edges as Gephi's importers keep them: one per id, a later one replacing an earlier one."""
    kept = {}
    for edge in etree.parse(str(path)).iter(f"{namespace}edge"):
        kept[edge.get("id")] = (edge.get("source"), edge.get("target"))
    return kept


def test_graphml_keeps_every_edge_when_read_by_id(network, tmp_path):
    path = write_graphml(network, tmp_path / "graph.graphml")
    kept = gephi_edges(path, GRAPHML)
    assert len(kept) == network.number_of_edges()
    assert Counter(kept.values()) == Counter((u, v) for u, v in network.edges())


def test_graphml_reads_back_in_networkx_and_igraph(network, tmp_path):
    igraph = pytest.importorskip("igraph")
    path = write_graphml(network, tmp_path / "graph.graphml")
    again = nx.read_graphml(path, force_multigraph=True)
    assert again.number_of_edges() == network.number_of_edges()
    g = igraph.Graph.Read_GraphML(str(path))
    assert (g.vcount(), g.ecount()) == (network.number_of_nodes(), network.number_of_edges())
    assert {"entity_type", "types", "label", "kind"} <= set(g.vs.attributes())
    ukraine = g.vs.find(id="Q212")
    assert (ukraine["entity_type"], ukraine["types"]) == ("Actor", "Actor")
    assert sorted(set(g.es["predicate"])) == sorted({d["predicate"] for *_, d in network.edges(data=True)})


def test_gexf_edges_have_their_own_ids_and_no_internal_columns(network, tmp_path):
    path = write_gexf(network, tmp_path / "graph.gexf")
    assert len(gephi_edges(path, GEXF)) == network.number_of_edges()
    root = etree.parse(str(path)).getroot()
    columns = {(a.getparent().get("class"), a.get("title")) for a in root.iter(f"{GEXF}attribute")}
    node_columns = {title for kind, title in columns if kind == "node"}
    assert {"entity_type", "types", "kind", "mentions", "qid"} <= node_columns
    assert not node_columns & SIGMA_RESERVED, node_columns & SIGMA_RESERVED
    assert "networkx_key" not in {title for _, title in columns}
    ids = {a.get("id") for a in root.iter(f"{GEXF}attribute")}
    assert {v.get("for") for v in root.iter(f"{GEXF}attvalue")} <= ids  # no value left without a column
    again = nx.read_gexf(path)
    assert again.number_of_edges() == network.number_of_edges()
    assert again.nodes["Q212"]["entity_type"] == "Actor"


def test_graphml_node_columns_avoid_sigma_reserved_names_but_size(network, tmp_path):
    path = write_graphml(network, tmp_path / "graph.graphml")
    names = {key.get("attr.name") for key in etree.parse(str(path)).iter(f"{GRAPHML}key")
             if key.get("for") == "node"}
    # label and size are meant for the viewers (Gephi reads r, g, b and size); type is not
    assert names & SIGMA_RESERVED == {"label", "size"}
