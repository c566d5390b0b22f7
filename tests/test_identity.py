"""Identity of an entity across documents: one function, the same answer in every reader."""

from __future__ import annotations

from kgbuild.analyze import network_from_rdf
from kgbuild.export import to_networkx
from kgbuild.identity import entity_key, identity_key, node_id
from kgbuild.rdf import build_graph
from kgbuild.types import Article, Entity, Extraction, Mention, Span


def test_a_qid_outranks_a_kb_key_which_outranks_the_label():
    assert identity_key("Q7747", "kb:x", "Poutine", ("Actor",), "d1", "e1") == ("qid", "Q7747")
    assert identity_key(None, "kb:atacms", "ATACMS", ("Weapon",), "d1", "e1") == ("kb", "kb:atacms")
    assert identity_key(None, None, "Soldats nord-coréens", ("Actor", "Region"), "d1", "e1") \
        == ("label", "Actor", "soldats nord-coreens")
    assert identity_key(None, None, " « » ", ("Actor",), "d1", "e3") == ("local", "d1", "e3")


def test_two_documents_share_an_entity_by_its_label_and_first_type():
    def entity(doc_types):
        return Entity(id="e1", label="Les talibans", types=doc_types, kind="Group", mentions=())

    assert entity_key(entity(("Actor",)), "d1") == entity_key(entity(("Actor",)), "d2")
    assert entity_key(entity(("Actor",)), "d1") != entity_key(entity(("Region",)), "d2")


def _extraction(doc_id: str, label: str) -> Extraction:
    text = f"{label} a parlé."
    mention = Mention(start=0, end=len(label), text=label, type="Actor", kind="Person", sentence=0,
                      method="ner", confidence=0.7)
    entity = Entity(id="e1", label=label, types=("Actor",), kind="Person", mentions=(mention,))
    return Extraction(article=Article(id=doc_id, text=text, lang="fr"), sentences=(Span(0, len(text)),),
                      entities=(entity,))


def test_the_network_of_the_exports_and_the_one_read_back_from_rdf_key_entities_alike():
    extractions = [_extraction("d1", "Zelensky"), _extraction("d2", "« »")]  # the second has no label to key
    built = to_networkx(extractions)
    rebuilt = network_from_rdf(build_graph(extractions))
    assert sorted(built.nodes) == sorted(rebuilt.nodes) == ["label:Actor:zelensky", "local:d2:e1"]
    assert node_id(("qid", "Q7747")) == "Q7747"
