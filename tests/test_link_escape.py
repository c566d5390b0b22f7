"""escape_literal: the one function through which mention text enters a SPARQL query."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from kgbuild.link.sparql import candidates_query
from kgbuild.link.sparql_text import escape_literal, iri_ref

NASTY = ['"} DROP ALL; #', 'say "hi"', "back\\slash", "end\\", "two\nlines\r\tand tab", "Kyïv 北京 😀",
         "\\u0022} DROP ALL; #", "\\U00000022", "\x00\x01\x7f", "l'apostrophe", "\\\\u0022"]


def _round_trip(literal: str) -> tuple[str, str | None]:
    row = next(iter(Graph().query(f"SELECT ?x WHERE {{ BIND({literal} AS ?x) }}")))
    return str(row[0]), row[0].language


@pytest.mark.parametrize("text", NASTY)
def test_nasty_text_reads_back_unchanged(text):
    assert _round_trip(escape_literal(text, "fr")) == (text, "fr")


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_reads_back_unchanged(text):
    assert _round_trip(escape_literal(text)) == (text, None)


@pytest.mark.slow
@settings(max_examples=25, deadline=None)
@given(st.text(min_size=1), st.text(min_size=1))
def test_names_in_the_candidates_query_match_exactly_their_labels(a, b):
    g = Graph()
    g.add((URIRef("urn:kgbuild:kb:a"), RDFS.label, Literal(a, lang="fr")))
    g.add((URIRef("urn:kgbuild:kb:b"), RDFS.label, Literal(b, lang="en")))
    rows = g.query(candidates_query([(a, "fr"), (b, "en")], []))
    assert {(str(r.name), str(r.item)) for r in rows} == {(a, "urn:kgbuild:kb:a"), (b, "urn:kgbuild:kb:b")}


@pytest.mark.parametrize("lang", ["fr; DROP", "FR", "", "f r"])
def test_a_bad_language_tag_is_refused(lang):
    with pytest.raises(ValueError):
        escape_literal("x", lang)


def test_only_text_can_be_escaped():
    with pytest.raises(TypeError):
        escape_literal(b"bytes")


@pytest.mark.parametrize("key", ["Q159> } DROP ALL", "kb:Bad Key", "http://x", "Q0"])
def test_iris_only_come_from_checked_keys(key):
    with pytest.raises(ValueError):
        iri_ref(key)


def test_the_public_link_api_is_pinned():
    import kgbuild.link

    assert sorted(kgbuild.link.__all__) == ["BACKENDS", "Linker", "Snapshot", "enrich_graph", "load_linker",
                                           "load_snapshot"]
