"""JSON-LD as a web developer and a JSON-LD processor read it: compacted with kgbuild's
published context (ontology/context.jsonld), checked with pyld, an implementation nobody
here wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, RDFS, Graph

from kgbuild.export import jsonld_context, read_extraction_json, write_outputs
from kgbuild.vocab import CONTEXT_PATH, ONTOLOGY_PATH

jsonld = pytest.importorskip("pyld.jsonld")

GOLDEN = Path(__file__).parent / "golden"
KG = "https://w3id.org/kgbuild/ontology#"


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """The golden cases (two documents) written as JSON-LD and TriG."""
    golden = [read_extraction_json(p) for p in sorted(GOLDEN.glob("*/extraction.json"))]
    out = tmp_path_factory.mktemp("jsonld")
    write_outputs(golden, out, ("jsonld", "trig"), stem="corpus")
    return out / "corpus.jsonld", out / "corpus.trig"


def quads_of_nquads(text: str) -> set[str]:
    return {str(q) for q in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS)}


def trig_quads(path: Path) -> set[str]:
    return {str(q) for q in ox.parse(path=str(path), format=ox.RdfFormat.TRIG)}


def values(node, key):
    """Every value of ``key`` anywhere in a JSON tree."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key:
                yield from (v if isinstance(v, list) else [v])
            yield from values(v, key)
    elif isinstance(node, list):
        for item in node:
            yield from values(item, key)


def test_pyld_reads_the_same_quads_as_the_trig(written):
    path, trig = written
    document = json.loads(path.read_text(encoding="utf-8"))
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads"})
    assert quads_of_nquads(nquads) == trig_quads(trig)  # named graphs, datatypes, languages


def test_compacting_again_with_the_published_context_changes_nothing(written):
    path, trig = written
    document = json.loads(path.read_text(encoding="utf-8"))
    context = json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))
    assert document["@context"] == context["@context"]  # the context written is the one published
    again = jsonld.compact(jsonld.expand(document), context)
    nquads = jsonld.to_rdf(again, {"format": "application/n-quads"})
    assert quads_of_nquads(nquads) == trig_quads(trig)


def test_values_are_plain_json_a_web_page_can_use(written):
    path, _ = written
    document = json.loads(path.read_text(encoding="utf-8"))["@graph"]  # the data, not the context
    assert list(values(document, "@value")) == []  # no {"@type", "@value"} object anywhere
    assert all(isinstance(v, int) for v in values(document, "beginIndex"))
    assert all(isinstance(v, int) for v in values(document, "mentionCount"))
    assert all(isinstance(v, str) and float(v) <= 1 for v in values(document, "confidence"))
    assert {"asserted", "negated"} <= set(values(document, "modality"))
    assert {"fr": "Ukraine"} in list(values(document, "label"))
    types = set(values(document, "@type"))
    assert {"Document", "Actor", "Weapon", "Statement", "RelationAssertion"} <= types
    assert "supplies" in set(values(document, "predicate"))


def test_the_context_has_a_term_for_every_ontology_property():
    ontology = Graph().parse(ONTOLOGY_PATH, format="turtle")
    context = jsonld_context()
    by_iri = {}
    for term, definition in context.items():
        iri = definition["@id"] if isinstance(definition, dict) else definition
        prefix, _, local = iri.partition(":")
        by_iri[(context[prefix] + local) if prefix in context and isinstance(context[prefix], str)
               else iri] = definition
    for prop in set(ontology.subjects(RDF.type, OWL.ObjectProperty)):
        assert isinstance(by_iri.get(str(prop)), dict), prop
        assert by_iri[str(prop)].get("@type") in ("@id", "@vocab"), prop
    for prop in set(ontology.subjects(RDF.type, OWL.DatatypeProperty)):
        definition = by_iri.get(str(prop))
        assert definition is not None, prop
        declared = ontology.value(prop, RDFS.range)
        typed = definition.get("@type") if isinstance(definition, dict) else None
        if declared is not None and str(declared) != "http://www.w3.org/2001/XMLSchema#string":
            assert typed is not None and typed.startswith("xsd:"), prop
            assert str(declared).endswith("#" + typed[4:]), (prop, declared, typed)
