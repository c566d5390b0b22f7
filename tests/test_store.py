"""The Oxigraph store and the SPARQL endpoint: loading folders and files, the protocol over real HTTP."""

from __future__ import annotations

import csv
import io
import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from kgbuild.errors import InputError
from kgbuild.store import load_store, make_server, open_store, select_rdf_files

pytestmark = pytest.mark.slow  # starts servers

KG = "https://w3id.org/kgbuild/ontology#"
ID = "https://w3id.org/kgbuild/id/"

# two small documents and the corpus layer, in the shape of a corpus build (text written for the test)
TRIG = f"""
@prefix kg: <{KG}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix id: <{ID}> .

<{ID}doc/a/graph> {{
  <{ID}doc/a> a kg:Document .
  <{ID}doc/a/entity/Q36> a kg:Actor ; rdfs:label "Pologne"@fr ; kg:inDocument <{ID}doc/a> ;
      prov:specializationOf <{ID}entity/Q36> .
}}
<{ID}doc/b/graph> {{
  <{ID}doc/b> a kg:Document .
  <{ID}doc/b/entity/Q36> a kg:Actor ; rdfs:label "Varsovie"@fr ; kg:inDocument <{ID}doc/b> ;
      prov:specializationOf <{ID}entity/Q36> .
}}
<{ID}entity/Q36> a kg:CorpusEntity ; rdfs:label "Pologne" ; kg:documentCount 2 .
"""
QUADS = 13


@pytest.fixture
def build_dir(tmp_path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    (out / "corpus.trig").write_text(TRIG, encoding="utf-8")
    # the union as Turtle beside it, as `--format ttl,trig` leaves it: must not be loaded twice
    union = ox.serialize((q.triple for q in ox.parse(TRIG, format=ox.RdfFormat.TRIG)),
                         format=ox.RdfFormat.TURTLE)
    (out / "corpus.ttl").write_bytes(union)
    (out / "corpus.jsonl").write_text("{}\n", encoding="utf-8")
    return out


def store_size(store_dir: Path) -> int:
    store = open_store(store_dir)
    try:
        return len(store)
    finally:
        del store


def test_folder_loads_the_trig_only_and_keeps_named_graphs(build_dir, tmp_path):
    assert select_rdf_files([build_dir]) == [build_dir / "corpus.trig"]
    loaded = load_store([build_dir], tmp_path / "store")
    assert loaded == [(build_dir / "corpus.trig", QUADS)]
    store = open_store(tmp_path / "store")
    graphs = {str(g.value) for g in store.named_graphs()}
    assert graphs == {f"{ID}doc/a/graph", f"{ID}doc/b/graph"}
    assert len(store) == QUADS


def test_loading_twice_adds_nothing(build_dir, tmp_path):
    load_store([build_dir], tmp_path / "store")
    load_store([build_dir / "corpus.trig"], tmp_path / "store")
    assert store_size(tmp_path / "store") == QUADS


def test_a_broken_file_loads_nothing_and_is_named(build_dir, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text(f'<{ID}x> <{KG}kind> "fine" .\n<{ID}y> <{KG}kind> "no end .\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_store([build_dir, bad], tmp_path / "store")
    assert caught.value.path == str(bad)
    assert "line 2" in caught.value.problem
    assert not (tmp_path / "store").exists() or store_size(tmp_path / "store") == 0


def test_missing_path_and_wrong_suffix_are_named(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        select_rdf_files([tmp_path / "nothing"])
    other = tmp_path / "notes.txt"
    other.write_text("hello", encoding="utf-8")
    with pytest.raises(InputError, match="not an RDF file"):
        select_rdf_files([other])


def test_a_store_in_use_is_a_clear_error(build_dir, tmp_path):
    store = open_store(tmp_path / "store")
    try:
        with pytest.raises(InputError, match="in use"):
            load_store([build_dir], tmp_path / "store")
    finally:
        del store


# ---------------------------------------------------------------- the endpoint over HTTP


@pytest.fixture
def endpoint(build_dir, tmp_path):
    load_store([build_dir], tmp_path / "store")
    store = open_store(tmp_path / "store")
    server = make_server(store, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def fetch(url, data=None, headers=None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers.get("Content-Type"), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type"), error.read().decode("utf-8")


COUNT_QUERY = f"""PREFIX kg: <{KG}> PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?label (COUNT(DISTINCT ?doc) AS ?docs) WHERE {{
  ?e prov:specializationOf ?c ; kg:inDocument ?doc . ?c <http://www.w3.org/2000/01/rdf-schema#label> ?label
}} GROUP BY ?label"""


def test_get_query_answers_json_over_the_union_of_graphs(endpoint):
    status, media, body = fetch(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": COUNT_QUERY}))
    assert status == 200 and media.startswith("application/sparql-results+json")
    (row,) = json.loads(body)["results"]["bindings"]
    assert row["label"]["value"] == "Pologne" and row["docs"]["value"] == "2"


def test_post_form_and_direct_body_give_the_same_answer(endpoint):
    query = f"SELECT ?g WHERE {{ GRAPH ?g {{ ?d a <{KG}Document> }} }} ORDER BY ?g"
    form = fetch(f"{endpoint}/sparql", urllib.parse.urlencode({"query": query}).encode(),
                 {"Content-Type": "application/x-www-form-urlencoded"})
    direct = fetch(f"{endpoint}/sparql", query.encode(), {"Content-Type": "application/sparql-query"})
    assert form[0] == direct[0] == 200
    graphs = [b["g"]["value"] for b in json.loads(form[2])["results"]["bindings"]]
    assert graphs == [f"{ID}doc/a/graph", f"{ID}doc/b/graph"]
    assert json.loads(direct[2]) == json.loads(form[2])


def test_default_graph_uri_narrows_the_default_graph(endpoint):
    query = f"SELECT ?label WHERE {{ ?e a <{KG}Actor> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }}"
    params = urllib.parse.urlencode({"query": query, "default-graph-uri": f"{ID}doc/b/graph"})
    status, _, body = fetch(f"{endpoint}/sparql?{params}")
    assert status == 200
    assert [b["label"]["value"] for b in json.loads(body)["results"]["bindings"]] == ["Varsovie"]


def test_accept_header_chooses_csv_and_construct_gives_turtle(endpoint):
    status, media, body = fetch(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": COUNT_QUERY}),
                                headers={"Accept": "text/csv"})
    assert status == 200 and media.startswith("text/csv")
    assert list(csv.reader(io.StringIO(body))) == [["label", "docs"], ["Pologne", "2"]]
    construct = f"CONSTRUCT {{ ?c a <{KG}CorpusEntity> }} WHERE {{ ?c a <{KG}CorpusEntity> }}"
    status, media, body = fetch(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": construct}))
    assert status == 200 and media.startswith("text/turtle")
    triples = list(ox.parse(body, format=ox.RdfFormat.TURTLE))
    assert [t.subject.value for t in triples] == [f"{ID}entity/Q36"]


def test_errors_are_clear_and_updates_refused(endpoint):
    status, _, body = fetch(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": "SELEC ?x"}))
    assert status == 400 and "bad query" in body
    status, _, body = fetch(f"{endpoint}/sparql", b"update=CLEAR+ALL",
                            {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403 and "read-only" in body
    status, _, _ = fetch(f"{endpoint}/sparql", b"CLEAR ALL", {"Content-Type": "application/sparql-update"})
    assert status == 403
    status, _, _ = fetch(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": COUNT_QUERY}),
                         headers={"Accept": "image/png"})
    assert status == 406
    status, _, _ = fetch(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": COUNT_QUERY}),
                         headers={"Host": "attacker.example"})
    assert status == 403
    assert fetch(f"{endpoint}/nothing")[0] == 404


def test_the_query_page_is_served(endpoint):
    status, media, body = fetch(f"{endpoint}/")
    assert status == 200 and media.startswith("text/html")
    assert '<script src="app.js"' in body
    status, media, body = fetch(f"{endpoint}/app.js")
    assert status == 200 and "javascript" in media and "sparql" in body


# ---------------------------------------------------------------- the commands, in real processes

CLI = """
import argparse, sys
from kgbuild.cli_corpus import add_load_parser, add_serve_parser
from kgbuild.errors import KgbuildError
parser = argparse.ArgumentParser(prog="kgbuild")
commands = parser.add_subparsers()
add_load_parser(commands)
add_serve_parser(commands)
args = parser.parse_args(sys.argv[1:])
try:
    sys.exit(args.run(args))
except KgbuildError as error:
    print(f"kgbuild: error: {error}", file=sys.stderr)
    sys.exit(2)
"""


def run_cli(*args, **options):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-c", CLI, *map(str, args)], capture_output=True, text=True,
                          timeout=60, **options)


def test_load_and_serve_commands(build_dir, tmp_path):
    import subprocess
    import sys

    loaded = run_cli("load", build_dir, "--store", tmp_path / "store")
    assert loaded.returncode == 0, loaded.stderr
    assert f"loaded {build_dir / 'corpus.trig'}: {QUADS} quads" in loaded.stdout

    server = subprocess.Popen([sys.executable, "-c", CLI, "serve", "--store", str(tmp_path / "store"),
                               "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        assert "query page http://127.0.0.1:" in line, server.stderr.read() if server.poll() else line
        page = line.split("query page ")[1].split()[0]
        status, _, body = fetch(page + "sparql?" + urllib.parse.urlencode({"query": COUNT_QUERY}))
        assert status == 200 and json.loads(body)["results"]["bindings"][0]["docs"]["value"] == "2"
        busy = run_cli("load", build_dir, "--store", tmp_path / "store")
        assert busy.returncode == 2 and "in use" in busy.stderr
    finally:
        server.terminate()
        server.wait(10)
    missing = run_cli("serve", "--store", tmp_path / "nowhere", "--port", "0")
    assert missing.returncode == 2 and "no store here" in missing.stderr


# ---------------------------------------------------------------- what a user meets


def test_the_endpoint_answers_at_query_too_as_the_readme_uses_it(endpoint, tmp_path):
    from kgbuild.queries import load_query, run_query

    status, _, body = fetch(f"{endpoint}/query?" + urllib.parse.urlencode({"query": COUNT_QUERY}))
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["docs"]["value"] == "2"
    # kgbuild query FILE.rq --endpoint http://127.0.0.1:7878/query, as the README shows it
    (tmp_path / "count.rq").write_text(COUNT_QUERY, encoding="utf-8")
    result = run_query(load_query(str(tmp_path / "count.rq")), None, endpoint=f"{endpoint}/query")
    assert [str(v) for v in result.rows[0]] == ["Pologne", "2"]
    status, _, body = fetch(f"{endpoint}/nowhere?" + urllib.parse.urlencode({"query": COUNT_QUERY}))
    assert status == 404


@pytest.mark.parametrize("query, message", [
    ("SELECT * WHERE { ?s foo:bar ?o }",
     "bad query: line 1, column 28: prefix 'foo:' is not declared (add PREFIX foo: <...>)"),
    ("PREFIX kg: <https://w3id.org/kgbuild/ontology#>\nSELECT * WHERE {\n  ?s kg:inDocument ?d .\n"
     "  ?d schema:name ?n }",
     "bad query: line 4, column 17: prefix 'schema:' is not declared (add PREFIX schema: <...>)"),
    ("SELECT ?x WHERE { ?s ?p ?o } GROUP BY ?s",
     "bad query: line 1, column 41, at the end: the SELECT contains a variable that is unbound"),
    ("SELECT * WHERE { ?s ?p ?o FILTER(?o > ) }",
     "bad query: line 1, column 42, at the end: expected one of ABS, AVG, DAY"),
])
def test_a_bad_query_gets_the_first_useful_line_of_the_parser_error(endpoint, query, message):
    status, _, body = fetch(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": query}))
    assert status == 400
    assert body.startswith(message), body
    assert len(body.splitlines()) == 1 and "\\u{" not in body and ".." not in body.replace("...", "")
