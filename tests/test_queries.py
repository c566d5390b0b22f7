"""The query pack on the research fixture: each query's rows, parameters, escaping,
a real Oxigraph endpoint, the federated query, and the `kgbuild query` command."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rdflib import XSD, Graph, Literal, URIRef

from fixtures.research.corpus import research_extractions
from fixtures.research.servers import OxigraphServer
from kgbuild.cli_research import add_query_parser
from kgbuild.errors import QueryError
from kgbuild.export import write_rdf
from kgbuild.queries import (
    bind_params,
    format_result,
    inline_values,
    list_queries,
    load_graph,
    load_query,
    parse_query,
    rewrite_services,
    run_query,
    sparql_term,
)
from kgbuild.rdf import build_graph

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "research"
WIKIDATA = "https://query.wikidata.org/sparql"


@pytest.fixture(scope="module")
def dataset():
    return build_graph(research_extractions())


@pytest.fixture(scope="module")
def trig_file(dataset, tmp_path_factory) -> Path:
    return write_rdf(dataset, tmp_path_factory.mktemp("graph") / "graph.trig", "trig")


def rows(name, dataset, **params):
    return run_query(name, dataset, params=params).records()


def cells(records, *columns):
    return {tuple(r[c] for c in columns) for r in records}


# ---------------------------------------------------------------- the pack


def test_the_pack_has_documented_queries_shipped_in_the_package():
    queries = list_queries()
    assert len(queries) >= 12
    for query in queries:
        assert query.title and query.question and query.example, query.name
        assert query.text.lstrip().startswith("#"), query.name
    shipped = {p.name: p.read_bytes() for p in (REPO / "kgbuild" / "data" / "queries").glob("*.rq")}
    in_repo = {p.name: p.read_bytes() for p in (REPO / "queries").glob("*.rq")}
    assert shipped == in_repo, "queries/ and kgbuild/data/queries/ differ: copy queries/*.rq"


def test_supplies_lists_supplier_weapon_recipient_and_the_denial(dataset):
    got = rows("supplies", dataset)
    assert cells(got, "supplier_label", "weapon_label", "recipient_label", "modality", "document") == {
        ("États-Unis", "ATACMS", "Ukraine", "asserted", "a1"),
        ("Allemagne", "Taurus", None, "negated", "a1"),
        ("États-Unis", "chars", "Ukraine", "asserted", "c1"),
        ("Allemagne", "chars", "Ukraine", "asserted", "c1"),
        ("Allemagne", "drones", "Ukraine", "asserted", "c1"),
    }
    assert [r["date"] for r in got] == sorted(r["date"] for r in got)
    germany = rows("supplies", dataset, supplier="Q183", min_confidence="0.8")
    assert cells(germany, "weapon_label", "weapon_qid") == {("chars", "Q12876"), ("drones", "Q484000")}
    assert cells(rows("supplies", dataset, weapon="atac"), "supplier_qid") == {("Q30",)}


def test_statements_by_date_with_speaker_and_about(dataset):
    got = rows("statements", dataset)
    assert [(r["date"], r["speaker_label"]) for r in got] == [
        ("2024-11-17", "Vladimir Poutine"), ("2024-11-17", "Le Monde"),
        ("2024-11-20", "Volodymyr Zelensky"), ("2024-11-21", "Olaf Scholz")]
    zelensky = got[2]
    assert zelensky["modality"] == "hedged" and zelensky["cue"] == "affirmé"
    assert set(zelensky["about_labels"].split("; ")) == {"soldats nord-coréens", "région de Koursk"}
    text = research_extractions()[1].article.text
    assert text[zelensky["start"]:zelensky["end"]] == zelensky["content"]
    about_germany = rows("statements", dataset, about="allemagne", from_date="2024-11-18")
    assert cells(about_germany, "speaker_label") == {("Olaf Scholz",)}
    assert cells(rows("statements", dataset, speaker="Q7747"), "mode") == {("direct",)}


def test_statements_and_relations_by_modality(dataset):
    hedged = rows("statements_by_modality", dataset, modality="hedged")
    assert cells(hedged, "kind", "who") == {("statement", "Volodymyr Zelensky"),
                                            ("statement", "Olaf Scholz"), ("relation", "drones")}
    negated = rows("statements_by_modality", dataset, modality="negated")
    assert cells(negated, "kind", "what") == {
        ("statement", "l'Allemagne ne livrera pas de missiles Taurus"),
        ("relation", "Allemagne supplies Taurus")}
    assert len(rows("statements_by_modality", dataset)) == 4 + 16


def test_modality_summary_counts(dataset):
    counts = {(r["kind"], r["modality_name"]): r["count"] for r in rows("modality_summary", dataset)}
    assert counts == {("relation", "asserted"): 13, ("relation", "hedged"): 1,
                      ("relation", "negated"): 1, ("relation", "reported"): 1,
                      ("statement", "asserted"): 1, ("statement", "hedged"): 2,
                      ("statement", "negated"): 1}


def test_regions_targeted_or_attacked_and_by_whom(dataset):
    got = rows("regions_targeted", dataset)
    assert cells(got, "region_label", "predicate", "by_label", "modality") == {
        ("région de Koursk", "targets", "Ukraine", "asserted"),
        ("Soumy", "attacks", "Russie", "asserted"),
        ("Kharkiv", "targets", "drones", "hedged")}
    sumy = next(r for r in got if r["region_label"] == "Soumy")
    assert sumy["sentence"] == "La Russie a bombardé Soumy dans la nuit."
    assert cells(rows("regions_targeted", dataset, region="Q3178"), "by_qid") == {("Q212",)}


def test_co_mentioned_actors_merge_documents(dataset):
    got = rows("co_mentions", dataset)
    pairs = {frozenset((r["actor_a"], r["actor_b"])): (r["sentences"], r["documents"]) for r in got}
    assert pairs == {
        frozenset(("États-Unis", "Ukraine")): (2, 2),
        frozenset(("Joe Biden", "Ukraine")): (1, 1),
        frozenset(("États-Unis", "Vladimir Poutine")): (1, 1),
        frozenset(("Le Monde", "Allemagne")): (1, 1),
        frozenset(("Vladimir Poutine", "Ukraine")): (1, 1),
        frozenset(("Volodymyr Zelensky", "soldats nord-coréens")): (1, 1),
        frozenset(("Pologne", "États-Unis")): (1, 1),
        frozenset(("Allemagne", "Ukraine")): (1, 1),
        frozenset(("Olaf Scholz", "Allemagne")): (1, 1),
    }
    assert got[0]["sentences"] == 2
    assert len(rows("co_mentions", dataset, actor="Q30")) == 3


def test_evidence_of_a_triple_gives_offsets_into_the_text(dataset):
    got = rows("evidence", dataset, subject="États-Unis", predicate="supplies", object="ATACMS")
    assert len(got) == 1
    row = got[0]
    text = research_extractions()[0].article.text
    assert row["document"] == "a1" and row["cue"] == "fournissent"
    assert text[row["start"]:row["end"]] == row["evidence_text"]
    assert text[row["sentence_start"]:row["sentence_end"]] == row["sentence"]
    assert "fournissent des ATACMS" in row["sentence"]
    assert rows("evidence", dataset, subject="Allemagne", object="Taurus")[0]["modality"] == "negated"


def test_curation_queries(dataset):
    unlinked = rows("unlinked_entities", dataset)
    assert cells(unlinked, "label", "kb_id", "mentions") == {
        ("ATACMS", "kb:atacms", 2), ("Taurus", None, 1), ("soldats nord-coréens", None, 1)}
    atacms = next(r for r in unlinked if r["label"] == "ATACMS")
    assert atacms["sentence"].startswith("Joe Biden a autorisé")
    assert cells(rows("unlinked_entities", dataset, type="Actor"), "label") == {("soldats nord-coréens",)}
    low = rows("low_confidence_links", dataset)
    assert cells(low, "label", "qid", "link_method", "mention") == {
        ("Soumy", "Q156752", "fuzzy", "Soumy"), ("États-Unis", "Q30", "metonymy", "américaine")}
    assert cells(rows("low_confidence_links", dataset, max_confidence="0.65"), "label") == {("Soumy",)}


def test_authorisations_entities_mentions_stances_documents_timeline(dataset):
    (auth,) = rows("authorizations", dataset)
    assert (auth["grantor_label"], auth["grantee_label"], auth["weapon_label"], auth["target_label"]) == (
        "Joe Biden", "Ukraine", "ATACMS", "région de Koursk")
    entities = {r["label"]: r for r in rows("entities", dataset)}
    assert (entities["Ukraine"]["mentions"], entities["Ukraine"]["documents"]) == (5, 3)
    assert (entities["Ukraine"]["first_date"], entities["Ukraine"]["last_date"]) == ("2024-11-17", "2024-11-21")
    assert entities["ATACMS"]["kb_id"] == "kb:atacms" and entities["ATACMS"]["qid"] is None
    assert {r["label"] for r in rows("entities", dataset, type="Weapon", min_mentions="2")} == {
        "ATACMS", "chars", "drones"}
    mentions = rows("mentions", dataset, entity="Q3178")
    assert cells(mentions, "document", "text", "role") == {("a1", "région de Koursk", "Region"),
                                                           ("b1", "région de Koursk", "Region")}
    stances = rows("stances", dataset)
    assert cells(stances, "actor_label", "stance", "toward_label") == {
        ("Vladimir Poutine", "opposes", "Ukraine"), ("Pologne", "supports", "États-Unis")}
    docs = rows("documents", dataset)
    assert cells(docs, "document", "entities", "statements", "relations") == {
        ("a1", 9, 2, 6), ("b1", 11, 1, 5), ("c1", 6, 1, 5)}
    timeline = {(r["date"], r["relation"]): r["assertions"] for r in rows("timeline", dataset)}
    assert timeline[("2024-11-21", "supplies")] == 3 and timeline[("2024-11-17", "supplies")] == 1
    with_denials = rows("timeline", dataset, predicate="supplies", include_negated="true")
    assert {(r["date"], r["assertions"]) for r in with_denials} == {("2024-11-17", 2), ("2024-11-21", 3)}


def test_federated_query_parses_and_its_local_part_runs(dataset):
    query = load_query("wikidata_enrich")
    assert f"SERVICE <{WIKIDATA}>" in query.text
    start = query.text.index(f"SERVICE <{WIKIDATA}>")
    depth, end = 0, query.text.index("{", start)
    for end in range(end, len(query.text)):
        depth += {"{": 1, "}": -1}.get(query.text[end], 0)
        if depth == 0:
            break
    local_query = parse_query(query.text[:start] + query.text[end + 1:], "local_part")
    got = run_query(local_query, dataset, params={"type": "Region"}).records()
    assert {(r["qid"], r["label"]) for r in got} == {
        ("Q3178", "région de Koursk"), ("Q156752", "Soumy"), ("Q42308", "Kharkiv")}


# ---------------------------------------------------------------- parameters and escaping


def test_parameters_are_checked_and_named_in_errors(dataset):
    with pytest.raises(QueryError, match="unknown parameter 'wepon'.*weapon"):
        run_query("supplies", dataset, params={"wepon": "x"})
    with pytest.raises(QueryError, match="min_confidence.*'high'.*number"):
        run_query("supplies", dataset, params={"min_confidence": "high"})
    with pytest.raises(QueryError, match="modality.*'sure'.*asserted, reported, hedged, negated"):
        run_query("statements_by_modality", dataset, params={"modality": "sure"})
    with pytest.raises(QueryError, match="'entity' is required"):
        run_query("mentions", dataset)
    with pytest.raises(QueryError, match="no query named 'suplies'"):
        load_query("suplies")


def test_a_value_is_bound_not_pasted(dataset):
    hostile = 'x") } UNION { ?s ?p ?o } #'
    assert rows("supplies", dataset, weapon=hostile) == []
    query = load_query("supplies")
    sent = inline_values(query.text, bind_params(query, {"weapon": hostile}))
    # the text sent to an endpoint is one well-formed query that finds nothing either
    assert run_query(parse_query(sent, "inlined"), dataset).rows == ()


def test_values_open_the_where_group_despite_braces_in_comments_strings_and_iris():
    text = ('# a comment { with a brace\nPREFIX ex: <http://example.org/ns#>\n'
            'SELECT ?s (CONCAT("{", STR(?s)) AS ?t) WHERE { ?s ?p "{not here}" FILTER(?s != ?x) }')
    out = inline_values(text, {"x": URIRef("http://example.org/a")})
    assert 'WHERE {\n  VALUES (?x) { (<http://example.org/a>) }' in out
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(?o = ?v) }"
    assert "WHERE {\n  VALUES (?v)" in inline_values(construct, {"v": Literal(1)})
    with pytest.raises(QueryError):
        sparql_term(URIRef("http://example.org/a b"))


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(text=st.text(st.characters(blacklist_categories=("Cs",))),
       lang=st.sampled_from([None, "fr", "en-GB"]))
@example(text="\x000022", lang=None)  # a control character, then hex digits that spell a quote
@example(text="\\U0000", lang="fr")
@example(text='\\u0022"', lang=None)
def test_sparql_term_round_trips_through_rdflib_and_oxigraph(text, lang):
    import pyoxigraph

    term = Literal(text, lang=lang)
    query = f"SELECT ?v WHERE {{ VALUES ?v {{ {sparql_term(term)} }} }}"
    (row,) = list(Graph().query(query))
    assert row[0] == term
    (solution,) = list(pyoxigraph.Store().query(query))
    assert solution["v"].value == text
    assert (solution["v"].language or None) == (lang.lower() if lang else None)


def test_sparql_term_keeps_datatypes():
    assert sparql_term(Literal("0.8", datatype=XSD.decimal)) == \
        '"0.8"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    assert sparql_term(Literal('a"b\\c\nd')) == '"a\\"b\\\\c\\nd"'


# ---------------------------------------------------------------- output


def test_formats(dataset):
    result = run_query("supplies", dataset, params={"weapon": "chars"})
    table = format_result(result, "table")
    assert table.splitlines()[0].split()[:3] == ["supplier_label", "supplier_qid", "weapon_label"]
    assert table.rstrip().endswith("(2 rows)")
    csv_text = format_result(result, "csv")
    assert csv_text.splitlines()[0].startswith("supplier_label,supplier_qid,weapon_label")
    records = json.loads(format_result(result, "json"))
    assert {r["supplier_label"] for r in records} == {"États-Unis", "Allemagne"}
    assert all(isinstance(r["confidence"], float) for r in records)
    frame = result.to_dataframe()
    assert list(frame.columns) == list(result.columns) and len(frame) == 2


# ---------------------------------------------------------------- the command


def kgbuild_query(*argv):
    parser = argparse.ArgumentParser(prog="kgbuild")
    add_query_parser(parser.add_subparsers())
    args = parser.parse_args(["query", *map(str, argv)])
    return args.run(args)


def test_command_on_a_file_and_a_build_folder(trig_file, capsys, tmp_path):
    assert kgbuild_query("supplies", "--graph", trig_file, "--param", "weapon=chars",
                         "--format", "csv") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("supplier_label,") and len(out) == 3
    folder = trig_file.parent
    write_rdf(load_graph(trig_file), folder / "graph.ttl", "ttl")  # same stem: trig is read, not both
    query_file = tmp_path / "count.rq"
    query_file.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s a ?c FILTER(?c = ?klass) }\n",
                          encoding="utf-8")
    assert kgbuild_query(query_file, "--graph", folder, "-p",
                         "klass=https://w3id.org/kgbuild/ontology#Statement", "--format", "json") == 0
    # an undeclared parameter is a string: no IRI matches it
    assert json.loads(capsys.readouterr().out) == [{"n": 0}]
    assert kgbuild_query("--list") == 0
    listing = capsys.readouterr().out
    assert "supplies" in listing and "wikidata_enrich" in listing
    assert kgbuild_query("evidence", "--show") == 0
    assert "parameters:" in capsys.readouterr().out


def test_command_errors_name_the_problem(trig_file, tmp_path):
    from kgbuild.errors import ConfigError, InputError

    with pytest.raises(ConfigError, match="--graph/--endpoint"):
        kgbuild_query("supplies")
    with pytest.raises(ConfigError, match="NAME=VALUE"):
        kgbuild_query("supplies", "--graph", trig_file, "--param", "weapon")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(InputError, match="bad.ttl"):
        kgbuild_query("supplies", "--graph", bad)
    broken = tmp_path / "broken.rq"
    broken.write_text("SELECT ?x WHERE { ?x ", encoding="utf-8")
    with pytest.raises(QueryError, match="broken.rq.*does not parse"):
        kgbuild_query(broken, "--graph", trig_file)


# ---------------------------------------------------------------- a real endpoint


@pytest.fixture(scope="module")
def endpoint(trig_file):
    server = OxigraphServer(trig_file.read_bytes(), "application/trig", union=True)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def fake_wikidata():
    server = OxigraphServer((FIXTURES / "fake_wikidata.ttl").read_bytes(), "text/turtle")
    yield server
    server.stop()


def _comparable(records):
    """Rows as sorted tuples: floats rounded, GROUP_CONCAT parts sorted, unbound as empty."""
    def cell(value):
        if isinstance(value, float):
            return round(value, 6)
        if isinstance(value, str):
            return tuple(sorted(part.strip() for part in value.split(";")))
        return ("",) if value is None else value
    return sorted(tuple(sorted((k, cell(v)) for k, v in r.items())) for r in records)


PARAMS = {  # every parameter of the pack, with values that keep some rows
    "authorizations": {"grantor": "Biden"},
    "co_mentions": {"actor": "Q30"},
    "entities": {"type": "Weapon", "min_mentions": "2"},
    "evidence": {"subject": "Allemagne", "predicate": "supplies", "object": "char"},
    "low_confidence_links": {"max_confidence": "0.65"},
    "mentions": {"entity": "Koursk"},
    "regions_targeted": {"region": "Q3178", "by": "ukr"},
    "stances": {"actor": "pologne"},
    "statements": {"speaker": "olaf", "about": "allemagne", "from_date": "2024-11-18",
                   "to_date": "2024-11-21"},
    "statements_by_modality": {"modality": "hedged"},
    "supplies": {"supplier": "allem", "weapon": "chars", "min_confidence": "0.5"},
    "timeline": {"predicate": "supplies", "include_negated": "true"},
    "unlinked_entities": {"type": "Weapon"},
}


def test_every_parameter_is_exercised():
    for query in list_queries():
        if query.name != "wikidata_enrich":
            assert {p.name for p in query.params} == set(PARAMS.get(query.name, {})), query.name


@pytest.mark.slow
@pytest.mark.parametrize("with_params", [False, True], ids=["defaults", "params"])
@pytest.mark.parametrize("name", [q.name for q in list_queries() if q.name != "wikidata_enrich"])
def test_endpoint_gives_the_same_rows_as_rdflib(name, with_params, dataset, endpoint):
    params = PARAMS.get(name, {}) if with_params else {}
    if name == "mentions" and not with_params:
        params = {"entity": "a"}
    local = run_query(name, dataset, params=params).records()
    remote = run_query(name, endpoint=endpoint.query_url, params=params).records()
    assert local, name
    assert _comparable(remote) == _comparable(local)


@pytest.mark.slow
def test_command_on_a_local_endpoint(endpoint, capsys):
    assert kgbuild_query("regions_targeted", "--endpoint", endpoint.query_url,
                         "--param", "by=Russie", "--format", "json") == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["region_label"], row["region_qid"], row["predicate"]) == ("Soumy", "Q156752", "attacks")


@pytest.mark.slow
def test_an_unreachable_endpoint_is_a_query_error(endpoint):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(QueryError, match=f"127.0.0.1:{port}"):
        run_query("documents", endpoint=f"http://127.0.0.1:{port}/query", timeout=5)


@pytest.mark.slow
def test_federated_query_against_a_local_service(dataset, endpoint, fake_wikidata):
    services = {WIKIDATA: fake_wikidata.query_url}
    expected = {("Q3178", "région de Koursk", "Kursk Oblast", "Point(36.2 51.7)"),
                ("Q42308", "Kharkiv", "Kharkiv", None)}
    with_rdflib = run_query("wikidata_enrich", dataset, params={"type": "Region"}, services=services)
    on_endpoint = run_query("wikidata_enrich", endpoint=endpoint.query_url,
                            params={"type": "Region"}, services=services)
    for result in (with_rdflib, on_endpoint):
        got = {(r["qid"], r["label"], r["wikidata_label"], r["coordinates"]) for r in result.records()}
        assert got == expected
    with pytest.raises(QueryError, match="no SERVICE <http://example.org/sparql>"):
        rewrite_services(load_query("wikidata_enrich").text, {"http://example.org/sparql": "http://x/"})
