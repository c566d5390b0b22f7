"""Exports: document JSON, networkx, GEXF (schema-valid), GraphML, CSV, RDF files."""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kgbuild.errors import ConfigError, ExportError, InputError
from kgbuild.export import (
    FORMATS,
    TYPE_COLORS,
    check_formats,
    document_json,
    extraction_from_json,
    extraction_json,
    read_extraction_json,
    to_networkx,
    write_csv,
    write_gexf,
    write_graphml,
    write_json,
    write_outputs,
    write_rdf,
)
from kgbuild.rdf import build_graph, union_graph
from kgbuild.types import PREDICATES, Article, Entity, Extraction, Mention, Relation, Span, Statement
from strategies import extractions

GOLDEN = Path(__file__).parent / "golden"
GEXF_SCHEMA = Path(__file__).resolve().parents[1].parent / "shared" / "gexf-1.3" / "gexf.rng"
GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"


@pytest.fixture(scope="module")
def golden() -> list[Extraction]:
    return [read_extraction_json(p / "extraction.json") for p in sorted(GOLDEN.iterdir())
            if (p / "extraction.json").is_file()]


@pytest.fixture(scope="module")
def gexf_schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(GEXF_SCHEMA)))


def assert_valid_gexf(schema: etree.RelaxNG, path: Path) -> None:
    assert schema.validate(etree.parse(str(path))), schema.error_log


# ---------------------------------------------------------------- document JSON


def test_document_json_follows_format(golden):
    for extraction in golden:
        doc = json.loads(json.dumps(document_json(extraction), ensure_ascii=False))
        text = extraction.article.text
        assert set(doc) == {"doc", "entities", "statements", "relations", "negated_relations"}
        # FORMAT.md's keys, and how the language was decided (kgbuild.langid)
        assert set(doc["doc"]) == {"id", "lang", "title", "date", "source", "lang_source",
                                   "lang_confidence"}
        assert doc["doc"]["id"] == extraction.article.id
        ids = {e["id"] for e in doc["entities"]}
        for entity in doc["entities"]:
            assert set(entity) == {"id", "types", "kind", "label", "wikidata", "confidence", "mentions"}
            assert entity["types"] and set(entity["types"]) <= {"Actor", "Weapon", "Region"}
            for mention in entity["mentions"]:
                assert set(mention) == {"text", "start", "end"}
                assert text[mention["start"]:mention["end"]] == mention["text"]
        for statement in doc["statements"]:
            assert {"id", "speaker", "text", "direct", "cue", "start", "end", "about",
                    "mode", "modality", "sources"} == set(statement)
            assert text[statement["start"]:statement["end"]] == statement["text"]
            assert statement["speaker"] is None or statement["speaker"] in ids
            assert set(statement["about"]) <= ids
            assert statement["direct"] == (statement["mode"] != "indirect")
        assert all(r["modality"] != "negated" for r in doc["relations"])
        assert all(r["modality"] == "negated" for r in doc["negated_relations"])
        assert len(doc["relations"]) + len(doc["negated_relations"]) == len(extraction.relations)
        for relation in doc["relations"] + doc["negated_relations"]:
            assert relation["predicate"] in PREDICATES
            assert relation["subject"] in ids and relation["object"] in ids
            assert 0 <= relation["start"] <= relation["end"] <= len(text)
            assert relation["modality"] in ("asserted", "reported", "hedged", "negated")


def test_document_json_keeps_negated_relations_apart(negation):
    doc = document_json(negation)
    assert not [r for r in doc["relations"] if r["predicate"] == "supplies"]
    supplies = [r for r in doc["negated_relations"] if r["predicate"] == "supplies"]
    assert supplies and all(r["modality"] == "negated" for r in supplies)
    germany = next(e for e in doc["entities"] if e["label"] == "Allemagne")
    assert germany["wikidata"] == "Q183"


def test_json_one_document_is_an_object_several_are_lines(tmp_path, authorisation, negation):
    write_json([authorisation], tmp_path / "one.json")
    assert json.loads((tmp_path / "one.json").read_text(encoding="utf-8"))["doc"]["id"] == authorisation.article.id
    odd = dataclasses.replace(authorisation, article=dataclasses.replace(
        authorisation.article, id="odd", title="ligne\u2028séparée\u2029fin\nnouvelle\x85suite"))
    write_json([authorisation, negation, odd], tmp_path / "many.jsonl")
    lines = (tmp_path / "many.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["doc"]["id"] for line in lines] == ["autorisation-atacms", "scholz-taurus", "odd"]
    assert json.loads(lines[2])["doc"]["title"] == odd.article.title


def test_extraction_json_round_trip(tmp_path, golden):
    for extraction in golden:
        path = tmp_path / "x.json"
        path.write_text(json.dumps(extraction_json(extraction), ensure_ascii=False), encoding="utf-8")
        assert read_extraction_json(path) == extraction


@pytest.mark.slow
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extractions())
def test_any_extraction_comes_back_from_its_json(extraction):
    """Corpus builds journal extraction_json and read it back: nothing may change on the way."""
    text = json.dumps(extraction_json(extraction), ensure_ascii=False)
    assert extraction_from_json(json.loads(text)) == extraction


def test_bad_extraction_json_names_the_file(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"article": {"text": "sans id"}}', encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_extraction_json(path)
    assert str(path) in str(error.value)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="broken.json"):
        read_extraction_json(path)


# ---------------------------------------------------------------- networkx


def test_networkx_nodes_and_edges(authorisation):
    graph = to_networkx([authorisation])
    assert graph.number_of_nodes() == len(authorisation.entities)
    ukraine = graph.nodes["Q212"]
    assert ukraine["label"] == "Ukraine" and ukraine["entity_type"] == "Actor" and ukraine["kind"] == "State"
    assert ukraine["qid"] == "Q212" and ukraine["mentions"] == 1
    atacms = graph.nodes["kb:atacms"]
    assert atacms["mentions"] == 2 and "qid" not in atacms
    relations = [d for *_, d in graph.edges(data=True) if d["category"] == "relation"]
    assert len(relations) == len(authorisation.relations)
    hedged = [(u, v) for u, v, d in graph.edges(data=True) if d.get("modality") == "hedged"]
    assert hedged == [("kb:atacms", "Q3178")]
    speaker = "label:Actor:responsables americains"
    about = {v for u, v, d in graph.edges(data=True) if d["category"] == "statement"}
    assert about == {"Q30", "Q212", "Q3178", "kb:atacms"}
    assert all(u == speaker for u, v, d in graph.edges(data=True) if d["category"] == "statement")
    for _, data in graph.nodes(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in data.values())
    for *_, data in graph.edges(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in data.values())
        assert data["weight"] == data["confidence"]


def test_networkx_merges_a_linked_thing_across_documents(authorisation, negation):
    graph = to_networkx([authorisation, negation])
    ukraine = graph.nodes["Q212"]
    assert ukraine["documents"] == 2 and ukraine["mentions"] == 2
    assert ukraine["first_date"] == "2024-11-18" and ukraine["last_date"] == "2024-11-19"
    assert graph.nodes["Q61053"]["documents"] == 1


# ---------------------------------------------------------------- GEXF


def test_gexf_is_valid_and_reads_back(tmp_path, golden, gexf_schema):
    graph = to_networkx(golden)
    path = write_gexf(graph, tmp_path / "g.gexf")
    assert_valid_gexf(gexf_schema, path)
    again = nx.read_gexf(path)
    assert again.number_of_nodes() == graph.number_of_nodes()
    assert again.number_of_edges() == graph.number_of_edges()
    for node, data in graph.nodes(data=True):
        back = again.nodes[node]
        for key in ("label", "entity_type", "kind", "mentions"):
            assert back[key] == data[key], (node, key)
    modalities = sorted(d["modality"] for *_, d in again.edges(data=True))
    assert modalities == sorted(d["modality"] for *_, d in graph.edges(data=True))


def test_gexf_colours_by_type_sizes_by_mentions_and_has_a_timeline(tmp_path, authorisation):
    path = write_gexf(to_networkx([authorisation]), tmp_path / "g.gexf")
    root = etree.parse(str(path)).getroot()
    graph_element = root.find(f"{GEXF}graph")
    assert graph_element.get("mode") == "dynamic" and graph_element.get("timeformat") == "date"
    nodes = {n.get("id"): n for n in root.iter(f"{GEXF}node")}
    for node_id, expected_type in (("Q212", "Actor"), ("kb:atacms", "Weapon"), ("Q3178", "Region")):
        colour = nodes[node_id].find(f"{VIZ}color")
        assert tuple(int(colour.get(c)) for c in "rgb") == TYPE_COLORS[expected_type]
        assert nodes[node_id].get("start") == "2024-11-18"
    size = {n: float(nodes[n].find(f"{VIZ}size").get("value")) for n in nodes}
    assert size["kb:atacms"] > size["Q212"]  # two mentions against one
    assert all(e.get("start") == "2024-11-18" for e in root.iter(f"{GEXF}edge"))


def test_gexf_is_deterministic(tmp_path, golden):
    first = write_gexf(to_networkx(golden), tmp_path / "a.gexf").read_bytes()
    second = write_gexf(to_networkx(golden), tmp_path / "b.gexf").read_bytes()
    assert first == second


def test_gexf_non_scalar_attribute_names_the_key(tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node("a", label="A", aliases=["x", "y"])
    with pytest.raises(ExportError, match="'aliases'"):
        write_gexf(graph, tmp_path / "bad.gexf")
    assert not (tmp_path / "bad.gexf").exists()


scalars = st.one_of(st.text(max_size=20), st.integers(-10**6, 10**6), st.floats(0, 100), st.booleans())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(
    nodes=st.dictionaries(st.text(min_size=1, max_size=15),
                          st.dictionaries(st.sampled_from(["label", "type", "kind", "mentions", "note"]),
                                          scalars, max_size=4), min_size=1, max_size=6),
    edges=st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5), st.text(max_size=10), st.floats(0, 1)),
                   max_size=6),
)
def test_any_scalar_graph_gives_valid_gexf(tmp_path, gexf_schema, nodes, edges):
    """Odd Unicode (control characters included) and mixed value types still validate."""
    graph = nx.MultiDiGraph()
    for node, data in nodes.items():
        graph.add_node(node, **data)
    names = list(nodes)
    for u, v, predicate, weight in edges:
        graph.add_edge(names[u % len(names)], names[v % len(names)], predicate=predicate, weight=weight)
    path = write_gexf(graph, tmp_path / "any.gexf")
    assert_valid_gexf(gexf_schema, path)
    assert nx.read_gexf(path).number_of_nodes() == graph.number_of_nodes()
    write_graphml(graph, tmp_path / "any.graphml")
    assert nx.read_graphml(tmp_path / "any.graphml").number_of_nodes() == graph.number_of_nodes()


# ---------------------------------------------------------------- GraphML and CSV


def test_graphml_reads_back_with_gephi_colours(tmp_path, golden):
    graph = to_networkx(golden)
    again = nx.read_graphml(write_graphml(graph, tmp_path / "g.graphml"))
    assert again.number_of_edges() == graph.number_of_edges()
    for node, data in graph.nodes(data=True):
        back = again.nodes[node]
        assert back["label"] == data["label"] and back["mentions"] == data["mentions"]
        assert (back["r"], back["g"], back["b"]) == TYPE_COLORS[data["entity_type"]]


def test_csv_has_a_row_per_node_and_edge(tmp_path, golden):
    graph = to_networkx(golden)
    nodes_path, edges_path = write_csv(graph, tmp_path)
    assert nodes_path.name == "nodes.csv" and edges_path.name == "edges.csv"
    with nodes_path.open(encoding="utf-8", newline="") as handle:
        nodes = list(csv.DictReader(handle))
    with edges_path.open(encoding="utf-8", newline="") as handle:
        edges = list(csv.DictReader(handle))
    assert [row["id"] for row in nodes] == list(graph.nodes)
    assert len(edges) == graph.number_of_edges()
    assert {row["label"] for row in nodes} == {d["label"] for _, d in graph.nodes(data=True)}
    negated = [row for row in edges if row["modality"] == "negated"]
    assert {(row["source"], row["predicate"]) for row in negated} == {("Q183", "supplies"), ("Q183", "suppliesTo")}


# ---------------------------------------------------------------- RDF files and write_outputs


def test_write_outputs_writes_every_format(tmp_path, golden):
    paths = write_outputs(golden, tmp_path / "out", ",".join(FORMATS), stem="corpus")
    names = sorted(p.name for p in paths)
    assert names == sorted(["corpus.ttl", "corpus.nt", "corpus.jsonld", "corpus.trig", "corpus.jsonl",
                            "corpus.gexf", "corpus.graphml", "corpus.nodes.csv", "corpus.edges.csv"])
    union = union_graph(build_graph(golden))
    for suffix, fmt in (("ttl", "turtle"), ("nt", "nt")):
        assert isomorphic(Graph().parse(tmp_path / "out" / f"corpus.{suffix}", format=fmt), union)
    for suffix, fmt in (("trig", "trig"), ("jsonld", "json-ld")):
        dataset = Dataset().parse(tmp_path / "out" / f"corpus.{suffix}", format=fmt)
        named = {g.identifier for g in dataset.graphs() if len(g)}
        assert len(named) == len(golden)
        assert isomorphic(union_graph(dataset), union)
    assert not list((tmp_path / "out").glob(".*.tmp"))


def test_one_document_gives_a_json_file(tmp_path, authorisation):
    (path,) = write_outputs([authorisation], tmp_path, "json", stem="seed")
    assert path.name == "seed.json"
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(json.dumps(document_json(authorisation)))


@pytest.mark.slow
def test_rdf_files_are_identical_across_processes(tmp_path):
    """TriG, N-Triples and JSON-LD come out of rdflib in hash order; ours must not."""
    script = (
        "import sys\nfrom pathlib import Path\n"
        "from kgbuild.export import read_extraction_json, write_outputs\n"
        "xs = [read_extraction_json(p / 'extraction.json') for p in sorted(Path(sys.argv[1]).iterdir())"
        " if (p / 'extraction.json').exists()]\n"
        "write_outputs(xs, sys.argv[2], 'ttl,nt,jsonld,trig,json,gexf,graphml,csv', stem='g')\n"
    )
    outputs = []
    for seed in ("1", "2", "4"):
        out = tmp_path / seed
        subprocess.run([sys.executable, "-c", script, str(GOLDEN), str(out)], check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.append({p.name: p.read_bytes() for p in out.iterdir()})
    assert len(outputs[0]) == 9
    for other in outputs[1:]:
        assert other.keys() == outputs[0].keys()
        for name in outputs[0]:
            assert other[name] == outputs[0][name], name


def test_unknown_format_names_option_value_and_valid_ones(tmp_path, authorisation):
    with pytest.raises(ConfigError) as error:
        write_outputs([authorisation], tmp_path, "ttl,xlsx")
    message = str(error.value)
    assert "'format'" in message and "'xlsx'" in message and "graphml" in message
    assert not any(tmp_path.iterdir())
    assert check_formats(" TTL , json,ttl") == ("ttl", "json")
    with pytest.raises(ConfigError, match="'stem'"):
        write_outputs([authorisation], tmp_path, "ttl", stem="../escape")


def test_failed_write_keeps_the_previous_file(tmp_path, authorisation):
    path = tmp_path / "graph.gexf"
    write_gexf(to_networkx([authorisation]), path)
    good = path.read_bytes()
    bad = to_networkx([authorisation])
    bad.nodes["Q212"]["aliases"] = {"fr": "Ukraine"}
    with pytest.raises(ExportError, match="'aliases'"):
        write_gexf(bad, path)
    assert path.read_bytes() == good
    (tmp_path / "taken.ttl").mkdir()
    with pytest.raises(OSError):
        write_rdf(build_graph([authorisation]), tmp_path / "taken.ttl", "ttl")
    assert not list(tmp_path.glob(".*.tmp"))


def test_empty_document_exports(tmp_path):
    empty = Extraction(Article("rien", ""), ())
    paths = write_outputs([empty], tmp_path, "ttl,json,gexf,graphml,csv")
    assert all(p.exists() for p in paths)
    assert json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))["entities"] == []


def test_statement_without_speaker_gives_no_edge():
    text = "On dit que Kiev résiste."
    kiev = Entity("e1", "Kiev", ("Region",), "City", (Mention(11, 15, "Kiev", "Region", "City", 0),))
    statement = Statement("s1", None, "Kiev résiste", 11, 23, "dit", about=("e1",))
    relation = Relation("e1", "locatedIn", "e1", 11, 15, confidence=1)
    graph = to_networkx([Extraction(Article("d", text), (Span(0, len(text)),), (kiev,), (statement,), (relation,))])
    assert [d["category"] for *_, d in graph.edges(data=True)] == ["relation"]
    assert isinstance(next(iter(graph.edges(data=True)))[2]["weight"], float)


def test_unlinked_entities_merge_by_normalised_label_and_type():
    def doc(doc_id: str, text: str, label: str, types: tuple[str, ...]) -> Extraction:
        start = text.index(label)
        mention = Mention(start, start + len(label), label, types[0], "Group", 0)
        entity = Entity("e1", label, types, "Group", (mention,))
        return Extraction(Article(doc_id, text, date="2024-11-2" + doc_id), (Span(0, len(text)),), (entity,))

    graph = to_networkx([
        doc("1", "Les Soldats nord-coréens avancent.", "Soldats nord-coréens", ("Actor",)),
        doc("2", "Des soldats nord-coreens reculent.", "soldats nord-coreens", ("Actor",)),
        doc("3", "Vers les soldats nord-coréens.", "soldats nord-coréens", ("Region",)),
    ])
    assert sorted(graph.nodes) == ["label:Actor:soldats nord-coreens", "label:Region:soldats nord-coreens"]
    merged = graph.nodes["label:Actor:soldats nord-coreens"]
    assert merged["documents"] == 2 and merged["mentions"] == 2 and merged["label"] == "Soldats nord-coréens"
    assert (merged["first_date"], merged["last_date"]) == ("2024-11-21", "2024-11-22")
