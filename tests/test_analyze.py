"""Network analysis on the research fixture: loading, centralities, communities, the
actor-weapon projection, the statement network, CSV files and `kgbuild analyze`."""

from __future__ import annotations

import argparse
import csv

import pytest

from fixtures.research.corpus import research_extractions
from kgbuild.analyze import (
    TABLES,
    actor_projection_table,
    actor_weapon_table,
    centrality_table,
    community_table,
    load_network,
    network_from_rdf,
    statement_table,
    weapon_projection_table,
    write_analysis,
)
from kgbuild.cli_research import add_analyze_parser
from kgbuild.errors import ConfigError, InputError
from kgbuild.export import to_networkx, write_graphml, write_rdf
from kgbuild.rdf import build_graph

TAURUS = "label:Weapon:taurus"


@pytest.fixture(scope="module")
def network():
    return to_networkx(research_extractions())


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory, network):
    folder = tmp_path_factory.mktemp("build")
    dataset = build_graph(research_extractions())
    write_rdf(dataset, folder / "graph.trig", "trig")
    write_rdf(dataset, folder / "graph.ttl", "ttl")
    write_graphml(network, folder / "graph.graphml")
    return folder


def edge_set(graph):
    return sorted((u, v, tuple(sorted(d.items()))) for u, v, d in graph.edges(data=True))


def test_the_network_read_back_from_rdf_is_the_one_built_from_extractions(network):
    rebuilt = network_from_rdf(build_graph(research_extractions()))
    assert {n: dict(d) for n, d in rebuilt.nodes(data=True)} == \
        {n: dict(d) for n, d in network.nodes(data=True)}
    assert edge_set(rebuilt) == edge_set(network)


def test_load_network_from_folder_rdf_file_and_graphml(build_dir, network):
    from_folder = load_network(build_dir)  # RDF is preferred to GraphML
    assert edge_set(from_folder) == edge_set(network)
    from_graphml = load_network(build_dir / "graph.graphml")
    assert set(from_graphml.nodes) == set(network.nodes)
    assert actor_weapon_table(from_graphml).equals(actor_weapon_table(network))
    with pytest.raises(ConfigError, match="single GraphML"):
        load_network([build_dir / "graph.ttl", build_dir / "graph.graphml"])
    with pytest.raises(InputError, match="missing.ttl"):
        load_network(build_dir / "missing.ttl")
    broken = build_dir.parent / "broken.graphml"
    broken.write_text("<graphml><oops", encoding="utf-8")
    with pytest.raises(InputError, match="broken.graphml"):
        load_network(broken)


def test_centralities(network):
    table = centrality_table(network).set_index("node")
    assert table.loc["Q212", "degree"] == 5  # Biden, Koursk, États-Unis, Poutine, Allemagne
    assert table.loc["Q212", "mentions"] == 5 and table.loc["Q212", "documents"] == 3
    assert table.loc["Q30", "links_out"] == 4 and table.loc["Q30", "links_in"] == 2
    # leaves and the isolated Russia-Sumy pair lie on no shortest path; Germany is Scholz's only tie
    for leaf in ("Q36", "Q61053", "Q159", "Q156752", "Q42308"):
        assert table.loc[leaf, "betweenness"] == 0, leaf
    assert table.loc["Q183", "betweenness"] > 0
    assert list(table["betweenness"]) == sorted(table["betweenness"], reverse=True)
    assert table.loc[TAURUS, "degree"] == 1  # only Le Monde's statement: the denial is no tie
    with_denials = centrality_table(network, include_negated=True).set_index("node")
    assert with_denials.loc[TAURUS, "degree"] == 2


def test_communities(network):
    table = community_table(network, seed=1)
    assert sorted(table["node"]) == sorted(network.nodes)
    by_node = dict(zip(table["node"], table["community"]))
    pair = table[table["community"] == by_node["Q159"]]
    assert set(pair["node"]) == {"Q159", "Q156752"}  # Russia bombs Sumy, tied to nothing else
    sizes = table.drop_duplicates("community")["community_size"].tolist()
    assert sizes == sorted(sizes, reverse=True) and table["community"].min() == 1
    assert table.equals(community_table(network, seed=1))


def test_actor_weapon_bipartite_and_projections(network):
    ties = actor_weapon_table(network)
    assert set(zip(ties["actor_label"], ties["weapon_label"], ties["predicates"])) == {
        ("États-Unis", "ATACMS", "supplies"), ("Joe Biden", "ATACMS", "authorizes"),
        ("États-Unis", "chars", "supplies"), ("Allemagne", "chars", "supplies"),
        ("Allemagne", "drones", "supplies")}
    denied = actor_weapon_table(network, include_negated=True)
    assert ("Allemagne", "Taurus") in set(zip(denied["actor_label"], denied["weapon_label"]))
    actors = actor_projection_table(network)
    assert {(frozenset((a, b)), n, w) for a, b, n, w in zip(
        actors["actor_a_label"], actors["actor_b_label"], actors["shared_weapons"], actors["weapons"])} == {
        (frozenset(("Joe Biden", "États-Unis")), 1, "ATACMS"),
        (frozenset(("Allemagne", "États-Unis")), 1, "chars")}
    weapons = weapon_projection_table(network)
    assert {(frozenset((a, b)), via) for a, b, via in zip(
        weapons["weapon_a_label"], weapons["weapon_b_label"], weapons["actors"])} == {
        (frozenset(("ATACMS", "chars")), "États-Unis"), (frozenset(("chars", "drones")), "Allemagne")}


def test_statement_network(network):
    table = statement_table(network)
    rows = {(r.speaker_label, r.target_label): r for r in table.itertuples()}
    assert set(rows) == {("Vladimir Poutine", "États-Unis"), ("Le Monde", "Allemagne"),
                         ("Le Monde", "Taurus"), ("Volodymyr Zelensky", "soldats nord-coréens"),
                         ("Volodymyr Zelensky", "région de Koursk"), ("Olaf Scholz", "Allemagne")}
    assert rows[("Le Monde", "Allemagne")].negated == 1
    assert rows[("Olaf Scholz", "Allemagne")].hedged == 1
    assert rows[("Vladimir Poutine", "États-Unis")].first_date == "2024-11-17"
    assert rows[("Volodymyr Zelensky", "région de Koursk")].target_type == "Region"


def test_write_analysis_and_the_command(build_dir, tmp_path, network, capsys):
    written = write_analysis(network, tmp_path / "direct")
    assert [p.name for p in written] == [f"{name}.csv" for name in TABLES]
    with (tmp_path / "direct" / "actor_projection.csv").open(encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 2
    parser = argparse.ArgumentParser(prog="kgbuild")
    add_analyze_parser(parser.add_subparsers())
    args = parser.parse_args(["analyze", str(build_dir), "-o", str(tmp_path / "cli")])
    assert args.run(args) == 0
    assert capsys.readouterr().out.count("wrote ") == len(TABLES)
    for name in TABLES:
        direct = (tmp_path / "direct" / f"{name}.csv").read_text(encoding="utf-8")
        assert (tmp_path / "cli" / f"{name}.csv").read_text(encoding="utf-8") == direct, name
    with (tmp_path / "cli" / "statement_network.csv").open(encoding="utf-8") as handle:
        assert {row["speaker_label"] for row in csv.DictReader(handle)} >= {"Le Monde", "Olaf Scholz"}
