"""The ontology, its closed namespace, and the graph built from Extraction records."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import OWL, RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kgbuild.errors import ExportError
from kgbuild.rdf import (
    DEFAULT_BASE,
    KIND_CLASSES,
    MODES,
    add_extraction,
    build_graph,
    document_iri,
    document_trig,
    trig_prefixes,
    union_graph,
    validate_graph,
)
from kgbuild.types import (
    ENTITY_TYPES,
    MODALITIES,
    PREDICATES,
    Article,
    Entity,
    Extraction,
    Mention,
    Span,
)
from kgbuild.vocab import KG, NIF, ONTOLOGY_PATH, SHAPES_PATH, WD
from strategies import extractions

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


def entity_node(graph: Graph, local_id: str) -> URIRef:
    (node,) = graph.subjects(KG.localId, Literal(local_id))
    return node


# ---------------------------------------------------------------- ontology and vocabulary


def test_namespace_mirrors_the_ontology(ontology):
    in_ttl = {str(t)[len(str(KG)):] for t in ontology.all_nodes() if str(t).startswith(str(KG))}
    in_namespace = set(KG.__annotations__)
    assert in_ttl == in_namespace


def test_closed_namespace_rejects_a_misspelt_term():
    with pytest.raises(AttributeError):
        KG.suplies  # noqa: B018


def test_every_ontology_term_is_declared_and_labelled(ontology):
    for name in KG.__annotations__:
        term = KG[name]
        assert (term, RDF.type, None) in ontology, name
        assert ontology.value(term, RDFS.label) is not None, name


def test_relation_vocabulary_matches_format(ontology):
    properties = {t for t in ontology.subjects(RDF.type, OWL.ObjectProperty)}
    assert {KG[p] for p in PREDICATES} <= properties
    assert set(ontology.subjects(RDF.type, KG.Modality)) == {KG[m] for m in MODALITIES}
    assert set(ontology.subjects(RDF.type, KG.SpeechMode)) == {KG[m] for m in MODES}


def test_kind_classes_sit_under_a_top_class(ontology):
    tops = {KG[t] for t in ENTITY_TYPES}
    for kind, cls in KIND_CLASSES.items():
        ancestors = set(ontology.transitive_objects(cls, RDFS.subClassOf))
        assert ancestors & tops, kind


def test_shapes_parse():
    shapes = Graph().parse(SHAPES_PATH, format="turtle")
    assert len(shapes) > 50


# ---------------------------------------------------------------- what the graph says


def test_one_named_graph_per_document(authorisation, negation):
    dataset = build_graph([authorisation, negation])
    names = {g.identifier for g in dataset.graphs() if len(g)}
    assert names == {
        URIRef(f"{document_iri(x.article.id)}/graph") for x in (authorisation, negation)
    }
    union = union_graph(dataset)
    assert len(union) == sum(len(g) for g in dataset.graphs())


def test_every_anchor_indexes_the_text_exactly(authorisation):
    graph = union_graph(build_graph([authorisation]))
    text = authorisation.article.text
    anchors = list(graph.subject_objects(NIF.anchorOf))
    spans = {(m.start, m.end) for e in authorisation.entities for m in e.mentions}
    spans |= {(r.start, r.end) for r in authorisation.relations}
    spans |= {(s.start, s.end) for s in authorisation.statements}
    spans |= {(s.cue_start, s.cue_end) for s in authorisation.statements}
    assert len(anchors) == len(spans)
    for span, anchor in anchors:
        begin = graph.value(span, NIF.beginIndex).toPython()
        end = graph.value(span, NIF.endIndex).toPython()
        assert text[begin:end] == str(anchor)
        context = graph.value(span, NIF.referenceContext)
        assert str(graph.value(context, NIF.isString)) == text


def test_every_mention_statement_and_relation_has_evidence(authorisation):
    graph = union_graph(build_graph([authorisation]))
    text = authorisation.article.text
    mentions = sum(len(e.mentions) for e in authorisation.entities)
    assert len(set(graph.subjects(RDF.type, KG.Mention))) == mentions
    for cls in (KG.Mention, KG.Statement, KG.RelationAssertion):
        for node in graph.subjects(RDF.type, cls):
            span = graph.value(node, KG.evidence)
            begin = graph.value(span, NIF.beginIndex).toPython()
            end = graph.value(span, NIF.endIndex).toPython()
            assert str(graph.value(span, NIF.anchorOf)) == text[begin:end]
            sentence = graph.value(span, NIF.sentence)  # queries follow kg:evidence/nif:sentence
            assert (sentence, RDF.type, NIF.Sentence) in graph
            assert graph.value(sentence, NIF.beginIndex).toPython() <= begin
    mention_spans = {
        (m.start, m.end) for e in authorisation.entities for m in e.mentions
    }
    graph_spans = {
        (graph.value(s, NIF.beginIndex).toPython(), graph.value(s, NIF.endIndex).toPython())
        for m in graph.subjects(RDF.type, KG.Mention)
        for s in [graph.value(m, KG.evidence)]
    }
    assert graph_spans == mention_spans


def test_labels_carry_the_document_language(authorisation):
    article = dataclasses.replace(authorisation.article, lang="fr-CH")
    graph = union_graph(build_graph([dataclasses.replace(authorisation, article=article)]))
    labels = list(graph.objects(None, RDFS.label))
    assert labels and all(label.language == "fr-CH" for label in labels)
    content = graph.value(next(graph.subjects(RDF.type, KG.Statement)), KG.content)
    assert content.language == "fr-CH"


def test_document_metadata(authorisation):
    graph = union_graph(build_graph([authorisation]))
    doc = document_iri(authorisation.article.id)
    article = authorisation.article
    assert (doc, RDF.type, KG.Document) in graph
    assert str(graph.value(doc, URIRef("http://purl.org/dc/terms/identifier"))) == article.id
    assert graph.value(doc, URIRef("http://purl.org/dc/terms/title")) == Literal(article.title, lang="fr")
    published = graph.value(doc, URIRef("https://schema.org/datePublished"))
    assert published.toPython().isoformat() == article.date
    assert str(graph.value(doc, URIRef("https://schema.org/url"))) == article.url
    assert str(graph.value(doc, KG.sourceFile)) == article.source
    assert str(graph.value(doc, KG.encoding)) == article.encoding


def test_linked_entity_points_to_wikidata_with_link_confidence(authorisation):
    graph = union_graph(build_graph([authorisation]))
    ukraine = entity_node(graph, "e2")
    assert graph.value(ukraine, OWL.sameAs) == WD.Q212
    assert float(graph.value(ukraine, KG.linkConfidence)) == pytest.approx(0.97)
    assert str(graph.value(ukraine, KG.linkMethod)) == "exact"
    unlinked = entity_node(graph, "e5")
    assert graph.value(unlinked, OWL.sameAs) is None
    assert (unlinked, RDF.type, KG.Group) in graph and (unlinked, RDF.type, KG.Actor) in graph


def test_negated_relation_is_kept_but_never_asserted(negation):
    graph = union_graph(build_graph([negation]))
    germany, taurus = entity_node(graph, "e2"), entity_node(graph, "e3")
    (assertion,) = graph.subjects(RDF.predicate, KG.supplies)
    assert graph.value(assertion, RDF.subject) == germany
    assert graph.value(assertion, RDF.object) == taurus
    assert graph.value(assertion, KG.modality) == KG.negated
    assert (germany, KG.supplies, taurus) not in graph
    scholz = entity_node(graph, "e1")
    assert (scholz, KG.leaderOf, germany) in graph


def test_hedged_relation_keeps_its_modality(authorisation):
    graph = union_graph(build_graph([authorisation]))
    modalities = {graph.value(a, KG.modality) for a in graph.subjects(RDF.predicate, KG.targets)}
    assert modalities == {KG.reported, KG.hedged}
    assert (entity_node(graph, "e4"), KG.targets, entity_node(graph, "e3")) in graph


def test_authorisation_event_has_its_roles(authorisation):
    graph = union_graph(build_graph([authorisation]))
    (event,) = graph.subjects(RDF.type, KG.Authorization)
    assert graph.value(event, KG.grantor) == entity_node(graph, "e1")
    assert graph.value(event, KG.grantee) == entity_node(graph, "e2")
    assert graph.value(event, KG.weapon) == entity_node(graph, "e4")
    assert graph.value(event, KG.target) == entity_node(graph, "e3")
    members = set(graph.subjects(KG.partOfEvent, event))
    assert len(members) == sum(r.event == "auth-1" for r in authorisation.relations)


def test_statement_speaker_about_and_source_chain(authorisation):
    graph = union_graph(build_graph([authorisation]))
    (statement,) = graph.subjects(RDF.type, KG.Statement)
    assert graph.value(statement, KG.saidBy) == entity_node(graph, "e5")
    assert set(graph.objects(statement, KG.about)) == {entity_node(graph, f"e{i}") for i in (1, 2, 3, 4)}
    assert graph.value(statement, KG.mode) == KG.indirect
    assert graph.value(statement, KG.modality) == KG.reported
    (link,) = graph.objects(statement, KG.sourceChain)
    assert graph.value(link, KG.position).toPython() == 1
    assert graph.value(link, KG.sourceEntity) == entity_node(graph, "e5")
    cue = graph.value(statement, KG.cueEvidence)
    assert str(graph.value(cue, NIF.anchorOf)) == "selon"


# ---------------------------------------------------------------- IRIs


IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def test_iris_are_stable_when_record_ids_change(authorisation):
    renumber = {e.id: f"x{i}" for i, e in enumerate(reversed(authorisation.entities))}
    entities = tuple(dataclasses.replace(e, id=renumber[e.id]) for e in reversed(authorisation.entities))
    statements = tuple(
        dataclasses.replace(s, speaker=renumber[s.speaker], about=tuple(renumber[a] for a in s.about),
                            sources=tuple(renumber[a] for a in s.sources))
        for s in authorisation.statements
    )
    relations = tuple(
        dataclasses.replace(r, subject=renumber[r.subject], object=renumber[r.object])
        for r in authorisation.relations
    )
    changed = dataclasses.replace(authorisation, entities=entities, statements=statements, relations=relations)

    def iri_by_label(graph: Graph) -> dict[str, URIRef]:
        return {str(graph.value(e, RDFS.label)): e for e in graph.subjects(KG.mentionCount, None)}

    before, after = union_graph(build_graph([authorisation])), union_graph(build_graph([changed]))
    assert iri_by_label(before) == iri_by_label(after)
    assert len(iri_by_label(before)) == len(authorisation.entities)
    assert set(before.subjects()) == set(after.subjects())


def test_odd_labels_give_distinct_valid_iris():
    text = "x"
    labels = ["a b", "a_b", "a%20b", "", ".", "..", 'q"<>{}|^`\\', "🚀", "tab\there", "line\nbreak",
              "x" * 400, "x" * 399 + "y"]
    entities = tuple(
        Entity(f"e{i}", label, ("Actor",), "Person", (Mention(0, 1, "x", "Actor", "Person", 0),))
        for i, label in enumerate(labels)
    )
    extraction = Extraction(Article('id with spaces, "quotes" & /slash', text), (Span(0, 1),), entities)
    graph = union_graph(build_graph([extraction]))
    iris = [entity_node(graph, e.id) for e in entities]
    assert len(set(iris)) == len(labels)
    for iri in set(graph.all_nodes()):
        if isinstance(iri, URIRef):
            assert not IRI_FORBIDDEN.search(iri), iri
            assert len(iri) < 300
    for iri, label in zip(iris, labels):
        assert graph.value(iri, RDFS.label) == Literal(label, lang="fr")


def test_same_input_gives_byte_identical_turtle(authorisation, negation):
    first = union_graph(build_graph([authorisation, negation])).serialize(format="turtle")
    second = union_graph(build_graph([authorisation, negation])).serialize(format="turtle")
    assert first == second


@pytest.mark.slow
def test_turtle_is_identical_across_processes():
    """Python's hash seed changes set order between runs; the output must not change."""
    script = (
        "import hashlib, sys\n"
        "from kgbuild.export import read_extraction_json\n"
        "from kgbuild.rdf import build_graph, union_graph\n"
        "xs = [read_extraction_json(p) for p in sys.argv[1:]]\n"
        "print(hashlib.sha256(union_graph(build_graph(xs)).serialize(format='turtle').encode()).hexdigest())\n"
    )
    paths = [str(p / "extraction.json") for p in sorted(GOLDEN.iterdir()) if (p / "extraction.json").exists()]
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", script, *paths], env=env, check=True,
                             capture_output=True, text=True)
        digests.add(out.stdout.strip())
    assert len(digests) == 1


# ---------------------------------------------------------------- bad records


def _bad(extraction: Extraction, **changes) -> Extraction:
    return dataclasses.replace(extraction, **changes)


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (lambda x: _bad(x, entities=(dataclasses.replace(
            x.entities[0], mentions=(dataclasses.replace(x.entities[0].mentions[0], text="Moscou"),)),)
            + x.entities[1:]), "entities[e1].mentions[0]"),
        (lambda x: _bad(x, relations=(dataclasses.replace(x.relations[0], end=10_000),)), "relations[0]"),
        (lambda x: _bad(x, relations=(dataclasses.replace(x.relations[0], object="e99"),)), "relations[0].object"),
        (lambda x: _bad(x, relations=(dataclasses.replace(x.relations[0], predicate="sells"),)),
         "relations[0].predicate"),
        (lambda x: _bad(x, statements=(dataclasses.replace(x.statements[0], modality="sure"),)),
         "statements[s1].modality"),
        (lambda x: _bad(x, entities=(dataclasses.replace(x.entities[0], qid="7747"),) + x.entities[1:]),
         "entities[e1].qid"),
        (lambda x: _bad(x, article=dataclasses.replace(x.article, lang="français")), "article.lang"),
        (lambda x: _bad(x, entities=(dataclasses.replace(x.entities[0], confidence=1.5),) + x.entities[1:]),
         "entities[e1].confidence"),
    ],
)
def test_bad_record_raises_export_error_naming_the_key(authorisation, change, key):
    with pytest.raises(ExportError) as error:
        build_graph([change(authorisation)])
    assert key in str(error.value)
    assert authorisation.article.id in str(error.value)


def test_failed_document_leaves_the_dataset_as_it_was(authorisation, negation):
    dataset = build_graph([authorisation])
    before = len(dataset)
    with pytest.raises(ExportError, match="id used by another document"):
        add_extraction(dataset, authorisation)
    broken = _bad(negation, relations=(dataclasses.replace(negation.relations[0], subject="nobody"),))
    with pytest.raises(ExportError):
        add_extraction(dataset, broken)
    assert len(dataset) == before
    add_extraction(dataset, negation)
    assert len(dataset) > before


# ---------------------------------------------------------------- SHACL and round trips


@pytest.mark.slow
def test_golden_graphs_conform(authorisation, negation):
    conforms, report = validate_graph(build_graph([authorisation, negation]))
    assert conforms, report


@pytest.mark.slow
def test_shapes_catch_a_wrong_anchor_and_a_negated_direct_triple(negation):
    graph = union_graph(build_graph([negation]))
    span = next(s for s, o in graph.subject_objects(NIF.anchorOf) if str(o) == "l'Allemagne")
    graph.set((span, NIF.anchorOf, Literal("la France")))
    conforms, report = validate_graph(graph)
    assert not conforms and "anchorOf is not the document text" in report

    graph = union_graph(build_graph([negation]))
    graph.add((entity_node(graph, "e2"), KG.supplies, entity_node(graph, "e3")))
    conforms, report = validate_graph(graph)
    assert not conforms and "no non-negated kg:RelationAssertion" in report


def test_turtle_round_trip_is_isomorphic(authorisation, negation):
    graph = union_graph(build_graph([authorisation, negation]))
    again = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    assert isomorphic(graph, again)
    assert again.serialize(format="turtle") == graph.serialize(format="turtle")


def test_trig_round_trip_keeps_named_graphs(authorisation, negation):
    dataset = build_graph([authorisation, negation])
    again = Dataset().parse(data=dataset.serialize(format="trig"), format="trig")
    for graph in dataset.graphs():
        if len(graph):
            assert isomorphic(graph, again.graph(graph.identifier))


# ---------------------------------------------------------------- property test


@pytest.mark.slow
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extractions())
def test_any_text_gives_turtle_that_parses_back_the_same(extraction):
    graph = union_graph(build_graph([extraction]))
    turtle = graph.serialize(format="turtle")
    again = Graph().parse(data=turtle, format="turtle")
    assert isomorphic(graph, again)
    (text,) = again.objects(None, NIF.isString)
    assert str(text) == extraction.article.text


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extractions())
def test_any_text_gives_a_graph_that_conforms(extraction):
    turtle = union_graph(build_graph([extraction])).serialize(format="turtle")
    conforms, report = validate_graph(Graph().parse(data=turtle, format="turtle"))
    assert conforms, report


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extractions(), st.sampled_from([DEFAULT_BASE, "http://example.org/kg/", "urn:x-kg:"]))
def test_trig_block_of_any_document_holds_the_triples_of_its_graph(extraction, base):
    """Corpus builds journal document_trig blocks; they must say what add_extraction says."""
    graph = add_extraction(Dataset(), extraction, base=base)
    block, iris = document_trig(extraction, base=base)
    text = trig_prefixes() + block
    again = Dataset().parse(data=text, format="trig")
    assert [g.identifier for g in again.graphs() if len(g)] == [graph.identifier]
    assert set(again.graph(graph.identifier)) == set(graph)
    for entity in extraction.entities:
        assert (URIRef(iris[entity.id]), KG.localId, Literal(entity.id)) in graph
    assert len(ox.Dataset(ox.parse(text, ox.RdfFormat.TRIG))) == len(graph)


def test_trig_blocks_use_the_prefixes(authorisation):
    block, _ = document_trig(authorisation)
    assert "a kg:Document" in block and "^^xsd:decimal" in block
    assert "<https://w3id.org/kgbuild/ontology#" not in block


def test_digest_of_a_known_label_iri_is_stable():
    """Long labels are cut and suffixed with a SHA-1 digest of the whole label."""
    label = "é" * 200
    extraction = Extraction(Article("d", "x"), (), (Entity("e1", label, ("Actor",), "Person", ()),))
    node = str(entity_node(union_graph(build_graph([extraction])), "e1"))
    assert node.endswith("~" + hashlib.sha1(label.encode()).hexdigest()[:12])
