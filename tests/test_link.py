"""Linking: one contract for both backends, the SPARQL backend against a real Oxigraph server,
faults from a real local HTTP server, enrichment, and growing the KB from an endpoint."""

from __future__ import annotations

import gzip
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDFS

from kgbuild.cli import main
from kgbuild.errors import ConfigError
from kgbuild.kb import KB_DIR, NTRIPLES_FILE, SNAPSHOT_FILE, build_snapshot
from kgbuild.link import enrich_graph, load_linker, load_snapshot
from kgbuild.kb.construct import iter_endpoint_drafts
from kgbuild.link.enrich import FACTS_GRAPH
from kgbuild.link.http import SparqlClient, SparqlConfig
from kgbuild.kb.vocab import KBV, PQ, WD, WDT
from kgbuild.types import Article, Entity, Extraction, Mention, Relation, Span, Statement

FIX = Path(__file__).parent / "fixtures" / "kb"
EMPTY_RESULTS = b'{"head": {"vars": []}, "results": {"bindings": []}}'


# -- servers ------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Oxigraph:
    """`oxigraph serve` on 127.0.0.1 (in-memory store), started and stopped by the tests."""

    def __init__(self) -> None:
        exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
        if exe is None:
            pytest.fail("the oxigraph CLI (PyPI package `oxigraph`, a test dependency) is not installed")
        self.base = f"http://127.0.0.1:{_free_port()}"
        self.proc = subprocess.Popen([exe, "serve", "--bind", self.base.removeprefix("http://")],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(self.base + "/", timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    self.stop()
                    pytest.fail("oxigraph serve did not start")
                time.sleep(0.1)
        self.url = self.base + "/query"

    def load(self, data: bytes, content_type: str) -> None:
        req = urllib.request.Request(self.base + "/store?default", data=data, method="POST",
                                     headers={"Content-Type": content_type})
        urllib.request.urlopen(req, timeout=60).close()

    def count(self) -> int:
        req = urllib.request.Request(self.url, data=b"SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", method="POST",
                                     headers={"Content-Type": "application/sparql-query",
                                              "Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            return int(json.load(resp)["results"]["bindings"][0]["n"]["value"])

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture(scope="module")
def oxigraph():
    server = Oxigraph()
    with gzip.open(KB_DIR / NTRIPLES_FILE, "rb") as fh:
        server.load(fh.read(), "application/n-triples")
    yield server
    server.stop()


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        server = self.server
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        server.seen.append((time.monotonic(), dict(self.headers), body))
        mode = server.modes.pop(0) if len(server.modes) > 1 else server.modes[0]
        if mode == "slow":
            time.sleep(server.delay)
            mode = "ok"
        if mode == "429":
            self.send_response(429)
            self.send_header("Retry-After", server.retry_after)
            self.end_headers()
        elif mode == "500":
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b"internal error")
        elif mode == "garbage":
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            self.wfile.write(b"<html>this is not json</html>")
        else:
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            self.wfile.write(EMPTY_RESULTS)

    def log_message(self, *args) -> None:
        pass


class FaultServer(ThreadingHTTPServer):
    """A local HTTP server that answers SPARQL requests with scripted faults."""

    block_on_close = False

    def __init__(self, modes: list[str], retry_after: str = "1", delay: float = 3.0) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.modes, self.retry_after, self.delay = list(modes), retry_after, delay
        self.seen: list[tuple[float, dict, bytes]] = []
        self.url = f"http://127.0.0.1:{self.server_address[1]}/sparql"
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.shutdown()
        self.server_close()


@pytest.fixture
def fault_server():
    servers = []

    def start(modes, **kw):
        server = FaultServer(modes, **kw)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


# -- hand-built extractions ---------------------------------------------------------------


def make_extraction(text: str, *specs, date: str | None = None) -> Extraction:
    """specs: (surface, types, kind[, kb_id]) — one entity per spec, mentioned where the surface first occurs."""
    entities = []
    for n, spec in enumerate(specs, start=1):
        surface, types, kind = spec[:3]
        start = text.index(surface)
        mention = Mention(start=start, end=start + len(surface), text=surface, type=types[0], kind=kind, sentence=0)
        entities.append(Entity(id=f"e{n}", label=surface, types=types, kind=kind, mentions=(mention,),
                               kb_id=spec[3] if len(spec) > 3 else None))
    article = Article(id="doc", text=text, date=date)
    return Extraction(article=article, sentences=(Span(0, len(text)),), entities=tuple(entities))


def linked(linker, text, *specs) -> dict[str, Entity]:
    """The linked entities, keyed by the surface they were built from (labels become KB labels;
    two surfaces linked to one item are one entity)."""
    result = linker.link(make_extraction(text, *specs))
    return {spec[0]: next(e for e in result.entities if any(m.start == text.index(spec[0]) for m in e.mentions))
            for spec in specs}


ACTOR, REGION, WEAPON = ("Actor",), ("Region",), ("Weapon",)


@pytest.fixture(params=["snapshot", "sparql"])
def linker(request, tmp_path):
    if request.param == "snapshot":
        return load_linker("snapshot")
    server = request.getfixturevalue("oxigraph")
    return load_linker("sparql", endpoint=server.url, cache_dir=tmp_path / "cache", rate=1000)


# -- the contract, on both backends -------------------------------------------------------


@pytest.mark.slow
class TestLinkerContract:
    def test_a_capital_acting_is_its_state(self, linker):
        e = linked(linker, "Moscou a répondu sèchement.", ("Moscou", ACTOR, "State"))["Moscou"]
        assert (e.qid, e.link_method) == ("Q159", "metonymy")

    def test_a_capital_as_a_place_stays_the_city(self, linker):
        e = linked(linker, "Il vit à Kiev depuis un an.", ("Kiev", REGION, "City"))["Kiev"]
        assert e.qid == "Q1899"

    def test_a_misspelt_region_named_as_region_is_the_oblast(self, linker):
        # a near name needs a country of the document: here Russia, named in the text
        text = "Les troupes sont déployées dans la région de Kourk, en Russie, frontalière de l'Ukraine."
        e = linked(linker, text, ("Kourk", REGION, "AdministrativeRegion"), ("Russie", REGION, "Country"),
                   ("Ukraine", REGION, "Country"))
        assert e["Kourk"].qid == "Q3178"
        assert e["Kourk"].link_method in ("fuzzy", "context")

    def test_the_city_is_the_city_when_the_text_says_ville(self, linker):
        e = linked(linker, "Une frappe a touché la ville de Koursk hier.", ("Koursk", REGION, "City"))["Koursk"]
        assert e.qid == "Q3159"

    def test_an_entry_without_qid_gets_a_kb_id(self, linker):
        e = linked(linker, "Kaja Kallas a plaidé pour les frappes.", ("Kaja Kallas", ACTOR, "Person"))
        e = e["Kaja Kallas"]
        assert e.qid is None and e.kb_id == "kb:kaja-kallas" and e.link_method != "nil"

    @pytest.mark.parametrize("name", ["Zelenskiy", "Selenskyj", "Zelensky"])
    def test_transliteration_variants(self, linker, name):
        e = linked(linker, f"{name} a parlé.", (name, ACTOR, "Person"))[name]
        assert e.qid == "Q3874799"

    def test_demonym_actor_is_the_country(self, linker):
        e = linked(linker, "Des soldats nord-coréens sont arrivés.", ("nord-coréens", ACTOR, "Group"))
        assert e["nord-coréens"].qid == "Q423"

    def test_french_usage_variant(self, linker):
        e = linked(linker, "Les Etats-Unis ont livré des missiles.", ("Etats-Unis", ACTOR, "State"))
        assert e["Etats-Unis"].qid == "Q30"

    def test_context_chooses_between_homonyms(self, linker):
        german = linked(linker, "L'Allemagne hésite. À Berlin, Olaf Scholz et les Verts discutent.",
                        ("Allemagne", ACTOR, "State"), ("Berlin", REGION, "City"),
                        ("Olaf Scholz", ACTOR, "Person"), ("Verts", ACTOR, "Party"))
        french = linked(linker, "La France hésite. À Paris, Emmanuel Macron et les Verts discutent.",
                        ("France", ACTOR, "State"), ("Paris", REGION, "City"),
                        ("Emmanuel Macron", ACTOR, "Person"), ("Verts", ACTOR, "Party"))
        assert german["Verts"].qid == "Q49766"  # Alliance 90/The Greens
        assert french["Verts"].qid != "Q49766"

    def test_weapon_system_without_qid(self, linker):
        e = linked(linker, "Des missiles ATACMS ont été tirés.", ("missiles ATACMS", WEAPON, "WeaponSystem"))
        assert e["missiles ATACMS"].kb_id == "kb:atacms" and e["missiles ATACMS"].qid is None

    def test_unknown_names_and_wrong_types_are_nil(self, linker):
        e = linked(linker, "Zorglub Corp a vendu le missile Washington.",
                   ("Zorglub Corp", ACTOR, "Organization"), ("Washington", WEAPON, "WeaponSystem"))
        for name in ("Zorglub Corp", "Washington"):
            assert (e[name].qid, e[name].kb_id, e[name].link_method) == (None, None, "nil")

    def test_an_extractors_kb_id_is_honoured(self, linker):
        e = linked(linker, "La Russie a prévenu.", ("Russie", ACTOR, "State", "Q159"))["Russie"]
        assert e.qid == "Q159" and e.kb_id == "Q159"

    def test_confidence_is_higher_for_exact_than_fuzzy(self, linker):
        text = "À Kiev et en Russie dans la région de Kourk, la guerre continue."
        e = linked(linker, text, ("Kiev", REGION, "City"), ("Kourk", REGION, "AdministrativeRegion"),
                   ("Russie", REGION, "Country"))
        assert 0 < e["Kourk"].link_confidence < e["Kiev"].link_confidence <= 1

    def test_link_returns_a_copy_and_keeps_everything_else(self, linker):
        base = make_extraction("Poutine a parlé à Moscou.", ("Poutine", ACTOR, "Person"), ("Moscou", REGION, "City"))
        statement = Statement(id="s1", speaker="e1", text="parlé", start=8, end=13, cue="a")
        relation = Relation(subject="e1", predicate="locatedIn", object="e2", start=0, end=24)
        base = replace(base, statements=(statement,), relations=(relation,), warnings=("earlier",))
        out = linker.link(base)
        assert out is not base and base.entities[0].qid is None
        assert out.entities[0].qid == "Q7747" and out.entities[1].qid == "Q649"
        assert out.statements == base.statements and out.relations == base.relations
        assert out.warnings[0] == "earlier" and out.article == base.article

    def test_candidates_per_name(self, linker):
        found = linker.candidates(["Kiev", "Kourk", "Zorglubie"], "fr")
        assert found["Kiev"][0].entry.qid == "Q1899" and found["Kiev"][0].method == "exact"
        assert "Q3159" in [c.entry.qid for c in found["Kourk"]]
        assert all(c.method == "fuzzy" for c in found["Kourk"])
        assert found["Zorglubie"] == []


# -- the sparql backend -------------------------------------------------------------------

SEED_LIKE = ("Pour Moscou, Washington jette de l'huile sur le feu. Vladimir Poutine a prévenu l'Otan. "
             "Selon le New York Times, les missiles ATACMS visent la région de Kourk. Kim Jong-un, "
             "Joe Biden et Josep Borrell ont réagi. L'Allemagne et la France aussi.")
SEED_SPECS = (("Moscou", ACTOR, "State"), ("Washington", ACTOR, "State"), ("Vladimir Poutine", ACTOR, "Person"),
              ("Otan", ACTOR, "Organization"), ("New York Times", ACTOR, "Media"),
              ("missiles ATACMS", WEAPON, "WeaponSystem"), ("Kourk", REGION, "AdministrativeRegion"),
              ("Kim Jong-un", ACTOR, "Person"), ("Joe Biden", ACTOR, "Person"), ("Josep Borrell", ACTOR, "Person"),
              ("Allemagne", ACTOR, "State"), ("France", ACTOR, "State"))


@pytest.mark.slow
def test_one_request_per_document_then_none_from_the_cache(oxigraph, tmp_path):
    doc = make_extraction(SEED_LIKE, *SEED_SPECS)
    first = load_linker("sparql", endpoint=oxigraph.url, cache_dir=tmp_path, rate=1000)
    out1 = first.link(doc)
    assert first.client.requests == 1
    second = load_linker("sparql", endpoint=oxigraph.url, cache_dir=tmp_path, rate=1000)  # a new run
    out2 = second.link(doc)
    assert second.client.requests == 0
    assert [e.qid for e in out1.entities] == [e.qid for e in out2.entities]
    assert [e.qid for e in out1.entities] == ["Q159", "Q30", "Q7747", "Q7184", "Q9684", None, "Q3178",
                                             "Q56226", "Q6279", "Q312901", "Q183", "Q142"]
    snapshot = load_linker("snapshot").link(doc)
    assert [e.kb_id for e in snapshot.entities] == [e.kb_id for e in out1.entities]


@pytest.mark.slow
def test_offline_mode_uses_cache_then_snapshot_and_sends_nothing(tmp_path, fault_server):
    server = fault_server(["ok"])
    offline = load_linker("sparql", endpoint=server.url, cache_dir=tmp_path, offline=True)
    out = offline.link(make_extraction("Moscou a répondu.", ("Moscou", ACTOR, "State")))
    assert out.entities[0].qid == "Q159"
    assert offline.client.requests == 0 and server.seen == []


@pytest.mark.slow
def test_mention_text_cannot_break_out_of_the_query(oxigraph, tmp_path):
    nasty = ['Agence "Guillemets"', "anti\\slash", '"} DROP ALL; #', "deux\nlignes\r\tici",
             "Kyïv 北京 😀", "\\u0022} DROP ALL; #", "l'apostrophe ' seule", "fin\\"]
    lines = []
    for n, text in enumerate(nasty):
        s = URIRef(f"urn:kgbuild:kb:test-nasty-{n}")
        lines.append(f"{s.n3()} {RDFS.label.n3()} {Literal(text, lang='fr').n3()} .")
        lines.append(f"{s.n3()} {KBV.kind.n3()} {Literal('Organization').n3()} .")
    oxigraph.load("\n".join(lines).encode("utf-8"), "text/turtle")
    before = oxigraph.count()
    nasty_linker = load_linker("sparql", endpoint=oxigraph.url, cache_dir=tmp_path, rate=1000)
    found = nasty_linker.candidates(nasty, "fr")
    for n, text in enumerate(nasty):
        assert f"kb:test-nasty-{n}" in [c.entry.key for c in found[text]], text
    assert oxigraph.count() == before


@pytest.mark.slow
def test_user_agent_names_kgbuild_and_the_contact(tmp_path, fault_server):
    server = fault_server(["ok"])
    ua_linker = load_linker("sparql", endpoint=server.url, cache_dir=tmp_path, contact="ops@example.org")
    ua_linker.link(make_extraction("Moscou a répondu.", ("Moscou", ACTOR, "State")))
    agent = next(v for k, v in server.seen[0][1].items() if k.lower() == "user-agent")
    assert agent.startswith("kgbuild/") and "ops@example.org" in agent


@pytest.mark.slow
@pytest.mark.parametrize("modes, requests", [
    (["500"], 3),  # retried with backoff, then given up
    (["garbage"], 1),
    (["slow"], 3),  # each attempt times out
    (["429"], 1),  # Retry-After longer than we wait: give up at once
    (None, 0),  # nothing listens on the port
])
def test_endpoint_faults_leave_entities_unlinked_with_a_warning(tmp_path, fault_server, caplog, modes, requests):
    if modes is None:
        url = f"http://127.0.0.1:{_free_port()}/sparql"
        server = None
    else:
        server = fault_server(modes, retry_after="3600", delay=2.0)
        url = server.url
    config = SparqlConfig.checked(endpoint=url, cache_dir=tmp_path, timeout=0.5, rate=1000, retries=2, backoff=0.05)
    from kgbuild.link.sparql import SparqlLinker

    fault_linker = SparqlLinker(config, load_snapshot())
    doc = make_extraction(SEED_LIKE, *SEED_SPECS)
    doc = replace(doc, statements=(Statement(id="s1", speaker="e3", text="prévenu", start=0, end=4, cue="a"),))
    out = fault_linker.link(doc)
    assert out.entities == doc.entities and out.statements == doc.statements
    assert len(out.warnings) == 1 and "linking skipped" in out.warnings[0]
    assert "linking skipped" in caplog.text
    if server is not None:
        assert len(server.seen) == requests


@pytest.mark.slow
def test_retry_after_is_honoured(tmp_path, fault_server):
    server = fault_server(["429", "ok"], retry_after="1")
    config = SparqlConfig.checked(endpoint=server.url, cache_dir=tmp_path, rate=1000, retries=2, backoff=0.01)
    from kgbuild.link.sparql import SparqlLinker

    out = SparqlLinker(config, load_snapshot()).link(make_extraction("Moscou a répondu.", ("Moscou", ACTOR, "State")))
    assert out.warnings == ()
    assert len(server.seen) == 2 and server.seen[1][0] - server.seen[0][0] >= 0.9


@pytest.mark.slow
def test_requests_are_spaced_by_the_rate_limit(tmp_path, fault_server):
    server = fault_server(["ok"])
    client = SparqlClient(SparqlConfig.checked(endpoint=server.url, cache_dir=tmp_path, rate=4))
    for _ in range(3):
        client.send("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    gaps = [b[0] - a[0] for a, b in zip(server.seen, server.seen[1:])]
    assert len(gaps) == 2 and min(gaps) >= 0.2


@pytest.mark.parametrize("kwargs, option", [
    ({"backend": "wikipedia"}, "linker"),
    ({"backend": "sparql", "endpoint": "ftp://example.org/sparql"}, "endpoint"),
    ({"backend": "sparql", "endpoint": "http://127.0.0.1:9/sparql", "rate": 0}, "rate"),
    ({"backend": "sparql", "endpoint": "http://127.0.0.1:9/sparql", "timeout": -1}, "timeout"),
])
def test_bad_options_name_the_option(kwargs, option):
    with pytest.raises(ConfigError) as info:
        load_linker(**kwargs)
    assert info.value.option == option


def test_polite_defaults_for_the_public_service(caplog, tmp_path):
    public = load_linker("sparql", cache_dir=tmp_path)
    assert public.config.endpoint == "https://query.wikidata.org/sparql" and public.config.rate == 1.0
    assert "--contact" in caplog.text
    local = load_linker("sparql", endpoint="http://127.0.0.1:9/sparql", cache_dir=tmp_path, contact="me@example.org")
    assert local.config.rate > 1.0 and "me@example.org" in local.config.user_agent


# -- enrich -------------------------------------------------------------------------------


def _linked_graph() -> Graph:
    g = Graph()
    for n, qid in enumerate(("Q7747", "Q3178", "Q564328")):
        g.add((URIRef(f"https://example.org/doc/entity/{n}"), OWL.sameAs, WD[qid]))
    return g


@pytest.mark.slow
def test_enrich_adds_the_same_facts_from_both_backends(oxigraph, tmp_path):
    from_snapshot = enrich_graph(_linked_graph(), load_linker("snapshot"))
    from_endpoint = enrich_graph(_linked_graph(), load_linker("sparql", endpoint=oxigraph.url,
                                                              cache_dir=tmp_path, rate=1000))
    assert set(from_snapshot) == set(from_endpoint)
    assert (WD.Q7747, WDT.P27, WD.Q159) in from_snapshot
    assert (WD.Q3178, WDT.P17, WD.Q159) in from_snapshot
    assert (WD.Q564328, WDT.P102, WD.Q49766) in from_snapshot  # Baerbock's party
    starts = {str(o)[:10] for o in from_snapshot.objects(None, PQ.P580)}
    assert {"2012-05-07", "2021-12-08"} <= starts


def test_enrich_a_dataset_puts_facts_in_their_own_graph():
    ds = Dataset()
    doc = ds.graph(URIRef("https://example.org/doc"))
    doc.add((URIRef("https://example.org/doc/entity/1"), OWL.sameAs, WD.Q7747))
    enrich_graph(ds, load_linker("snapshot"))
    assert (WD.Q7747, WDT.P27, WD.Q159) in ds.graph(FACTS_GRAPH)
    assert len(doc) == 1


def test_cli_enrich_writes_the_enriched_graph(tmp_path):
    src, out = tmp_path / "in.ttl", tmp_path / "out.ttl"
    _linked_graph().serialize(destination=src, format="turtle")
    assert main(["enrich", str(src), "-o", str(out)]) == 0
    result = Graph().parse(out, format="turtle")
    assert (WD.Q7747, WDT.P27, WD.Q159) in result and len(result) > len(_linked_graph())


def test_cli_enrich_names_an_unreadable_file(tmp_path, capsys):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is @@ not turtle", encoding="utf-8")
    assert main(["enrich", str(bad), "-o", str(tmp_path / "out.ttl")]) == 2
    assert "bad.ttl" in capsys.readouterr().err and not (tmp_path / "out.ttl").exists()


# -- growing the KB from an endpoint ------------------------------------------------------


@pytest.fixture(scope="module")
def small_endpoint():
    server = Oxigraph()
    server.load((FIX / "endpoint.ttl").read_bytes(), "text/turtle")
    yield server
    server.stop()


@pytest.mark.slow
def test_an_endpoint_grows_the_snapshot(small_endpoint, tmp_path):
    report = build_snapshot(FIX / "sources", FIX / "additions", tmp_path,
                            endpoints=[small_endpoint.url], classes={"Q5": "Person", "Q515": "City"})
    kb = load_snapshot(tmp_path / SNAPSHOT_FILE)
    assert kb.get("Q2801").labels["fr"] == "Briansk" and kb.get("Q2801").country == "Q159"
    assert kb.get("Q10853588").gender == "female" and kb.get("Q10853588").kind == "Person"
    assert "Kharkov" in kb.get("Q42308").aliases["fr"]  # merged into the source entry
    assert kb.get("Q127771") is None  # not an instance of the asked classes
    assert report.per_source[f"endpoint {small_endpoint.url}"] == 3


@pytest.mark.slow
def test_endpoint_growth_pages_through_the_class(small_endpoint, tmp_path):
    client = SparqlClient(SparqlConfig.checked(endpoint=small_endpoint.url, cache_dir=tmp_path, rate=1000))
    drafts = list(iter_endpoint_drafts(small_endpoint.url, {"Q515": "City"}, page_size=1, client=client))
    assert sorted(d.key for d in drafts) == ["Q2801", "Q42308"]
    assert client.requests == 3  # two pages of one item, then an empty page


# -- the seed article, end to end ---------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["snapshot", "sparql"])
def test_seed_linking_accuracy_and_entity_f1(extractor, seed_path, shared_dir, request, tmp_path, backend):
    from kgbuild.evaluate import load_gold, score_documents
    from kgbuild.export import document_json
    from kgbuild.read import iter_articles

    article = next(iter(iter_articles([seed_path])))
    extraction = extractor.extract(article)
    if backend == "snapshot":
        linker = load_linker("snapshot")
    else:
        linker = load_linker("sparql", endpoint=request.getfixturevalue("oxigraph").url, cache_dir=tmp_path,
                             rate=1000)
    unlinked = replace(extraction, entities=tuple(
        replace(e, qid=None, kb_id=None, link_confidence=None, link_method=None) for e in extraction.entities))
    gold = load_gold(shared_dir / "eval" / "gold" / "seed.gold.json")
    before = score_documents([gold], [document_json(unlinked)]).micro
    after = score_documents([gold], [document_json(linker.link(unlinked))]).micro
    assert after.linking.value >= 0.95
    assert after.entities.f1 >= before.entities.f1


@pytest.mark.slow
def test_an_endpoint_item_of_unread_class_takes_the_snapshots_kind(small_endpoint, tmp_path):
    remote = load_linker("sparql", endpoint=small_endpoint.url, cache_dir=tmp_path)
    e = linked(remote, "L'Otan a répondu.", ("Otan", ACTOR, "Organization"))["Otan"]
    assert e.qid == "Q7184" and remote.client.requests == 1


@pytest.mark.slow
def test_linked_entity_takes_the_kb_label_and_keeps_its_mentions():
    e = linked(load_linker("snapshot"), "Des troupes sont entrées dans la région de Kourk.",
               ("région de Kourk", REGION, "AdministrativeRegion"))["région de Kourk"]
    assert e.qid == "Q3178"
    assert e.label == "oblast de Koursk"
    assert [m.text for m in e.mentions] == ["région de Kourk"]


# -- NIL when unsure (both backends) -------------------------------------------------------


@pytest.mark.slow
class TestNilWhenUnsure:
    @pytest.mark.parametrize("title", ["M.", "Mme", "Dr"])
    def test_a_title_alone_never_links(self, linker, title):
        e = linked(linker, f"Selon {title}, la situation reste calme.", (title, ACTOR, "Person"))[title]
        assert e.qid is None and e.kb_id is None and e.link_method == "nil"

    def test_a_title_before_a_name_is_dropped_for_the_lookup(self, linker):
        e = linked(linker, "M. Biden a signé le texte.", ("M. Biden", ACTOR, "Person"))["M. Biden"]
        assert e.qid == "Q6279"

    @pytest.mark.parametrize("name", ["Ay", "H"])
    def test_one_or_two_letters_never_link(self, linker, name):
        e = linked(linker, f"Le poste de {name} a été pris.", (name, REGION, "Place"))[name]
        assert e.qid is None and e.link_method == "nil"

    def test_no_near_name_outside_the_countries_of_the_document(self, linker):
        text = "À Colombier, près de Neuchâtel, en Suisse, le marché a rouvert."
        e = linked(linker, text, ("Colombier", REGION, "Place"), ("Suisse", REGION, "Country"))
        assert e["Colombier"].qid is None  # not Colombia (Colombie), which the text never names
        assert e["Suisse"].qid == "Q39"

    def test_no_near_name_across_kinds(self, linker):
        e = linked(linker, "Kourks a répondu aux journalistes.", ("Kourks", ACTOR, "Person"))["Kourks"]
        assert e.qid is None  # a person is not the city or oblast of Kursk

    def test_a_one_letter_slip_on_a_capital_still_links(self, linker):
        text = "Une délégation venue du Mali est arrivée à Nouakchot hier."
        e = linked(linker, text, ("Nouakchot", REGION, "City"), ("Mali", REGION, "Country"))
        assert e["Nouakchot"].qid == "Q3688"  # Nouakchott, in a text that names Mali only

    def test_a_party_needs_its_country_in_the_document(self, linker):
        text = "En Suisse, le budget de l'Union a été adopté. La Suisse s'en félicite."
        e = linked(linker, text, ("Union", ACTOR, "Organization"), ("Suisse", REGION, "Country"))
        assert e["Union"].qid is None  # not an Italian party named "The Union"
        german = linked(linker, "En Allemagne, les Verts discutent.", ("Allemagne", REGION, "Country"),
                        ("Verts", ACTOR, "Party"))
        assert german["Verts"].qid == "Q49766"

    def test_a_town_does_not_vouch_against_the_countries_the_text_names(self, linker):
        # a town named exactly may stand for its own country, but not in a text that names
        # other countries only: this Palma is not the Spanish city
        text = "Au Mozambique, les insurgés ont repris Palma. Le Mozambique a envoyé des renforts."
        e = linked(linker, text, ("Mozambique", REGION, "Country"), ("Palma", REGION, "City", "Q8826"))
        assert e["Palma"].qid is None and e["Palma"].label == "Palma"
        spain = linked(linker, "En Espagne, le port de Palma a rouvert.", ("Espagne", REGION, "Country"),
                       ("Palma", REGION, "City"))
        assert spain["Palma"].qid == "Q8826"
        alone = linked(linker, "Le port de Palma a rouvert.", ("Palma", REGION, "City"))
        assert alone["Palma"].qid == "Q8826"  # nothing in the text says otherwise
        # places of two countries, and no country named: each vouches for the other
        two = linked(linker, "Des combats au Nord-Kivu et dans le Cauca.", ("Nord-Kivu", REGION, "Place"),
                     ("Cauca", REGION, "Place"))
        assert (two["Nord-Kivu"].qid, two["Cauca"].qid) == ("Q130625", "Q230602")

    def test_a_misread_letter_in_a_state_or_continent_still_links(self, linker):
        # one letter misread by OCR in a short name is under the general near-name cutoff;
        # a state or a continent is met by that nearer name, when the document names the state
        text = "L'Espagne exporte ses oranges. Les voitures de l'Esoagne se vendent dans toute l'Eurone."
        e = linked(linker, text, ("Espagne", REGION, "Country"), ("Esoagne", REGION, "Place"),
                   ("Eurone", REGION, "Place"))
        assert e["Esoagne"].qid == "Q29" and e["Esoagne"].id == e["Espagne"].id  # one item, one entity
        assert e["Eurone"].qid == "Q46"

    def test_a_near_name_as_far_from_a_town_is_nil(self, linker):
        # the same distance from a town's name is no evidence: "Fribourq" may be another place
        text = "En Suisse, la foire de Fribourq a fermé. La Suisse s'en remettra."
        e = linked(linker, text, ("Suisse", REGION, "Country"), ("Fribourq", REGION, "Place"))
        assert e["Fribourq"].qid is None
        assert linked(linker, text.replace("Fribourq", "Fribourg"), ("Suisse", REGION, "Country"),
                      ("Fribourg", REGION, "Place"))["Fribourg"].qid == "Q36378"

    def test_an_article_makes_the_state_of_a_city_state_name(self, linker):
        # French puts an article before a state and none before a city of the same name
        state = linked(linker, "La Belgique affrontera le Luxembourg en novembre.",
                       ("Belgique", REGION, "Country"), ("Luxembourg", REGION, "City"))
        assert state["Luxembourg"].qid == "Q32"
        city = linked(linker, "La délégation est arrivée à Luxembourg hier soir.", ("Luxembourg", REGION, "City"))
        assert city["Luxembourg"].qid == "Q1842"

    @pytest.mark.parametrize("written", ["St-Etienne", "St. Etienne", "St Étienne"])
    def test_an_abbreviated_saint_is_written_out(self, linker, written):
        e = linked(linker, f"Les ouvriers de {written} ont repris le travail.", (written, REGION, "City"))[written]
        assert e.qid == "Q42716"  # Saint-Étienne

    def test_canton_before_a_name_makes_the_canton(self, linker):
        e = linked(linker, "Le comité du canton de Fribourg a voté.", ("Fribourg", REGION, "City"))["Fribourg"]
        assert e.qid == "Q12640"

    def test_a_person_named_like_a_capital_is_no_state(self, linker):
        e = linked(linker, "M. Amman a parlé.", ("Amman", ACTOR, "Person"))["Amman"]
        assert e.qid != "Q810"


@pytest.mark.slow
class TestLargerSnapshot:
    """Armed groups, office holders and cities the sources added, on both backends."""

    @pytest.mark.parametrize("name, kind, qid", [
        ("Boko Haram", "Group", "Q212372"), ("les talibans", "Group", "Q42418"),
        ("AQMI", "Group", "Q2635966"), ("Cédéao", "Organization", "Q193272"),
        ("Denys Shmyhal", "Person", "Q66094865"), ("Kramatorsk", "City", None),
    ])
    def test_links(self, linker, name, kind, qid):
        types = REGION if kind == "City" else ACTOR
        e = linked(linker, f"Selon le texte, {name} est cité.", (name, types, kind))[name]
        if qid is None:  # a city of Natural Earth 10m: any QID from the source
            assert e.qid is not None and e.qid.startswith("Q")
        else:
            assert e.qid == qid


# -- calibrated confidence --------------------------------------------------------------------


def test_a_links_confidence_is_its_evidence_classs_accuracy(tmp_path, monkeypatch):
    from kgbuild.link import disambiguate as d
    from kgbuild.types import KBEntry

    table = tmp_path / "calibration.csv"
    table.write_text("class,source,right,total\n"
                     "name/Country,old,6,8\nname/Country,new,9,9\n"  # (7/10 + 10/11) / 2
                     "name/Town,old,1,2\n"  # too rare: its method group name/* answers
                     "near/Town,old,1,3\n", encoding="utf-8")  # near/* has 3 links: too rare too
    monkeypatch.setattr(d, "CALIBRATION_FILE", table)
    d.calibration.cache_clear()
    try:
        country = KBEntry(key="Q1", qid="Q1", kind="Country", types=("Actor", "Region"), labels={"fr": "Pays"}, prior=0.9)
        town = KBEntry(key="Q2", qid="Q2", kind="City", types=("Region",), labels={"fr": "Bourg"}, prior=0.3)
        assert d.evidence_class("exact", country) == "name/Country"
        assert d.evidence_class("fuzzy", town) == "near/Town"
        assert d.calibrated("exact", country, 0.99) == round((0.7 + 10 / 11) / 2, 4)
        assert d.calibrated("alias", town, 0.99) == round(((7 + 1) / (10 + 2) + 10 / 11) / 2, 4)
        assert d.calibrated("fuzzy", town, 0.61) == 0.61
    finally:
        d.calibration.cache_clear()
