"""Corpus builds: cross-document entities, near-duplicates, failures, kill and resume, workers, Dask.

Graphs are compared as sets of quads: a corpus build mints no blank node (checked),
so two datasets are isomorphic exactly when their quad sets are equal.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kgbuild.config import BuildConfig
from kgbuild.corpus import (
    build_corpus,
    count_documents,
    find_near_duplicates,
    parse_dask_address,
    signature_similarity,
    text_signature,
)
from kgbuild.errors import ConfigError, KgbuildError

KG = "https://w3id.org/kgbuild/ontology#"
ID = "https://w3id.org/kgbuild/id/"
PROV_SPECIALIZATION = "http://www.w3.org/ns/prov#specializationOf"
OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"

# short articles written for these tests
TEXTS = {
    "pologne-aide": (
        "La Pologne a salué lundi la décision des États-Unis d'autoriser l'Ukraine à frapper plus loin. "
        "Le ministre polonais des Affaires étrangères a estimé que cette aide arrivait tard, mais "
        "qu'elle restait indispensable pour Kiev. Moscou a aussitôt dénoncé une escalade dangereuse, "
        "et le porte-parole du Kremlin a promis une réponse."),
    "kremlin": "Selon le Kremlin, les livraisons d'armes occidentales ne font que prolonger la guerre en Ukraine.",
    "taurus": ("L'Allemagne refuse toujours de livrer des missiles Taurus à l'Ukraine, a rappelé le "
               "chancelier Olaf Scholz à Berlin."),
    "frontiere": "La Pologne et la Lituanie ont renforcé leur frontière avec la Biélorussie.",
    "koursk": "Des soldats nord-coréens sont déployés dans la région de Koursk, selon les services ukrainiens.",
    "soumy": "La Russie a bombardé Soumy dans la nuit, faisant plusieurs blessés.",
    "obus": "La Pologne livrera des obus et des blindés à l'Ukraine, a annoncé le gouvernement polonais.",
    "otan": "L'Otan se réunira à Bruxelles pour discuter du soutien à l'Ukraine.",
    "atacms": "Les États-Unis fournissent des missiles ATACMS à l'armée ukrainienne depuis le printemps.",
    "munitions": "Le président français a appelé l'Europe à produire davantage de munitions.",
    "rome": "Un responsable italien a déclaré que l'Italie s'opposait à l'envoi de troupes.",
}
#: the first article as a regional site reprinted it: one word changed, a credit line added
COPY = TEXTS["pologne-aide"].replace("lundi", "ce lundi") + "\n\nArticle repris d'une dépêche."
BROKEN_LINE = 5  # a line of the JSONL that is not JSON
UNKNOWN_LANGUAGE = {"id": "inconnu", "lang": "xx", "text": "Un texte dans une langue sans règles."}
FORMATS = ("trig", "ttl", "jsonld", "json")


def write_corpus(path: Path) -> Path:
    lines = [json.dumps({"id": key, "text": text}, ensure_ascii=False) for key, text in TEXTS.items()]
    lines.insert(BROKEN_LINE - 1, '{"id": "cassé", "text": "pas de fin')
    lines.insert(7, json.dumps(UNKNOWN_LANGUAGE, ensure_ascii=False))  # read, then fails to extract
    lines.append(json.dumps({"id": "pologne-aide-reprise", "text": COPY}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def quads(path: Path) -> set[str]:
    found = set()
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.TRIG):
        assert not any(isinstance(t, ox.BlankNode) for t in (quad.subject, quad.object, quad.graph_name))
        found.add(str(quad))
    return found


def document_ids(out: Path) -> list[str]:
    return [json.loads(line)["doc"]["id"] for line in (out / "graph.jsonl").read_text("utf-8").splitlines()]


def config() -> BuildConfig:
    return BuildConfig(formats=FORMATS)


# ---------------------------------------------------------------- without the model


def test_a_reprint_is_similar_and_other_articles_are_not():
    original = text_signature(TEXTS["pologne-aide"])
    assert signature_similarity(original, text_signature(COPY)) >= 0.7
    assert signature_similarity(original, text_signature(TEXTS["pologne-aide"].upper())) == 1.0
    for key, text in TEXTS.items():
        if key != "pologne-aide":
            assert signature_similarity(original, text_signature(text)) < 0.3, key


def test_copies_of_copies_join_the_earliest_article():
    a = TEXTS["pologne-aide"]
    b = a.replace("lundi", "mardi")
    c = b.replace("dangereuse", "très dangereuse")
    signatures = [text_signature(t) for t in (TEXTS["soumy"], a, TEXTS["otan"], b, c)]
    assert find_near_duplicates(signatures) == {3: 1, 4: 1}
    assert find_near_duplicates(signatures, threshold=1.0) == {}


def test_count_documents_counts_jsonl_lines_and_folder_files(tmp_path):
    corpus = write_corpus(tmp_path / "feed.jsonl")
    folder = tmp_path / "folder"
    (folder / ".hidden").mkdir(parents=True)
    (folder / "a.fr.txt").write_text("Un texte.", encoding="utf-8")
    (folder / "b.html").write_text("<p>Une page.</p>", encoding="utf-8")
    (folder / "notes.md").write_text("ignoré", encoding="utf-8")
    (folder / ".hidden" / "c.txt").write_text("caché", encoding="utf-8")
    assert count_documents([corpus, folder]) == len(TEXTS) + 3 + 2
    assert count_documents(["-"]) is None


def test_bad_options_name_the_option(tmp_path):
    for address in ("local:0", "8786", "http://host:8786", "local:two"):
        with pytest.raises(ConfigError, match="dask"):
            parse_dask_address(address)
    assert parse_dask_address("local:2") == ("local", 2)
    assert parse_dask_address("tcp://10.0.0.5:8786") == ("remote", "tcp://10.0.0.5:8786")
    with pytest.raises(ConfigError, match="workers"):
        build_corpus([], tmp_path, workers=0)
    with pytest.raises(ConfigError, match="workers"):
        build_corpus([], tmp_path, workers=2, dask="local:2")


# ---------------------------------------------------------------- one build, checked several ways


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "feed.jsonl")


@pytest.fixture(scope="module")
def baseline(corpus_file, tmp_path_factory):
    """An uninterrupted build in this process: (report, out folder)."""
    out = tmp_path_factory.mktemp("baseline")
    return build_corpus([corpus_file], out, config=config(), progress=False), out


@pytest.mark.slow
def test_broken_documents_are_reported_and_the_others_built(baseline):
    report, out = baseline
    assert report.built == len(TEXTS) + 1
    unreadable, unknown = sorted(report.failures, key=lambda f: "inconnu" in f.source)
    assert unreadable.source.endswith("feed.jsonl") and f"line {BROKEN_LINE}" in unreadable.problem
    assert unknown.source.endswith("feed.jsonl [inconnu]") and "language xx is not supported" in unknown.problem
    listed = [json.loads(line) for line in (out / "graph.failures.jsonl").read_text("utf-8").splitlines()]
    assert sorted(f["source"] for f in listed) == sorted(f.source for f in report.failures)
    assert sorted(document_ids(out)) == sorted([*TEXTS, "pologne-aide-reprise"])


@pytest.mark.slow
def test_trig_holds_one_named_graph_per_document(baseline):
    _, out = baseline
    graphs = {q.graph_name.value for q in ox.parse(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG)
              if isinstance(q.graph_name, ox.NamedNode)}
    assert graphs == {f"{ID}doc/{doc}/graph" for doc in document_ids(out)}


@pytest.mark.slow
def test_the_reprint_is_linked_to_the_original_and_nothing_else_is(baseline):
    report, out = baseline
    store = ox.Store()
    store.load(path=str(out / "graph.trig"))
    pairs = [(r["copy"].value, r["original"].value) for r in store.query(
        f"SELECT ?copy ?original WHERE {{ ?copy <{KG}nearDuplicateOf> ?original }}")]
    assert pairs == [(f"{ID}doc/pologne-aide-reprise", f"{ID}doc/pologne-aide")]
    assert report.duplicates == 1


@pytest.mark.slow
def test_one_corpus_entity_per_real_world_entity_with_counts_of_stories(baseline):
    """Counts agree with the document JSON, the reprint counting as its original, not as one more story."""
    _, out = baseline
    documents = [json.loads(line) for line in (out / "graph.jsonl").read_text("utf-8").splitlines()]
    expected: dict[str, list[int]] = {}
    for document in documents:
        if document["doc"]["id"] == "pologne-aide-reprise":
            continue
        for entity in document["entities"]:
            if entity["wikidata"]:
                docs_mentions = expected.setdefault(entity["wikidata"], [0, 0])
                docs_mentions[0] += 1
                docs_mentions[1] += len(entity["mentions"])
    assert expected["Q36"][0] == 3  # Pologne: three stories, and one reprint not counted

    store = ox.Store()
    store.load(path=str(out / "graph.trig"))
    rows = store.query(f"""
        SELECT ?qid ?documents ?mentions (COUNT(DISTINCT ?local) AS ?nodes) WHERE {{
          ?entity a <{KG}CorpusEntity> ; <{OWL_SAME_AS}> ?qid ;
                  <{KG}documentCount> ?documents ; <{KG}mentionCount> ?mentions .
          ?local <{PROV_SPECIALIZATION}> ?entity .
        }} GROUP BY ?qid ?documents ?mentions""", use_default_graph_as_union=True)
    found = {r["qid"].value.rsplit("/", 1)[1]: [int(r["documents"].value), int(r["mentions"].value),
                                                 int(r["nodes"].value)] for r in rows}
    assert {qid: v[:2] for qid, v in found.items()} == expected
    assert found["Q36"][2] == 4  # each document's Pologne node, the reprint's too, points to the one node


# ---------------------------------------------------------------- the same graph whatever the way


@pytest.mark.slow
def test_killed_build_resumed_gives_the_same_graph(baseline, corpus_file, tmp_path):
    _, reference = baseline
    out = tmp_path / "out"
    journal = out / ".graph.build" / "journal.jsonl"
    script = textwrap.dedent(f"""
        from kgbuild.config import BuildConfig
        from kgbuild.corpus import build_corpus
        build_corpus([{str(corpus_file)!r}], {str(out)!r}, config=BuildConfig(formats={FORMATS!r}),
                     progress=False, batch_size=2)
    """)
    with open(tmp_path / "stderr.txt", "wb") as stderr:
        process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.DEVNULL,
                                   stderr=stderr, start_new_session=True)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and process.poll() is None:
            if journal.exists() and journal.read_bytes().count(b"\n") >= 3:
                break
            time.sleep(0.02)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(30)
    assert process.returncode == -signal.SIGKILL, (tmp_path / "stderr.txt").read_text("utf-8", "replace")
    assert not (out / "graph.trig").exists()

    with pytest.raises(KgbuildError, match="interrupted build: run the same command with --resume"):
        build_corpus([corpus_file], out, config=config(), progress=False)
    report = build_corpus([corpus_file], out, config=config(), resume=True, progress=False, batch_size=3)
    assert report.resumed >= 3 and report.built == len(TEXTS) + 1
    assert quads(out / "graph.trig") == quads(reference / "graph.trig")
    assert document_ids(out) == document_ids(reference)  # none lost, none twice, same order


@pytest.mark.slow
def test_two_worker_processes_give_the_same_graph(baseline, corpus_file, tmp_path):
    _, reference = baseline
    report = build_corpus([corpus_file], tmp_path, config=config(), workers=2, progress=False, batch_size=2)
    assert report.built == len(TEXTS) + 1
    assert quads(tmp_path / "graph.trig") == quads(reference / "graph.trig")


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_graph(baseline, corpus_file, tmp_path, caplog):
    pytest.importorskip("distributed")
    _, reference = baseline
    caplog.set_level(logging.WARNING)  # as the command line without -v: loggers at WARNING ...
    caplog.handler.setLevel(logging.NOTSET)  # ... and a handler that prints whatever reaches it
    report = build_corpus([corpus_file], tmp_path, config=config(), dask="local:2", progress=False,
                          batch_size=2)
    shown = [f"{r.levelname} {r.name}: {r.getMessage()}" for r in caplog.records]
    assert not [line for line in shown if " distributed" in line], shown  # the cluster is quiet
    assert report.built == len(TEXTS) + 1 and len(report.failures) == 2
    assert quads(tmp_path / "graph.trig") == quads(reference / "graph.trig")
    assert document_ids(tmp_path) == document_ids(reference)


@pytest.mark.slow
def test_a_torn_journal_line_is_cut_and_the_rest_kept(baseline, corpus_file, tmp_path):
    _, reference = baseline
    out = tmp_path / "out"
    shutil.copytree(reference, out)
    journal = out / ".graph.build" / "journal.jsonl"
    good = journal.read_bytes()
    journal.write_bytes(good + b'{"id": "half-writ')
    report = build_corpus([corpus_file], out, config=config(), resume=True, progress=False)
    assert report.resumed == len(TEXTS) + 1
    assert journal.read_bytes() == good
    assert quads(out / "graph.trig") == quads(reference / "graph.trig")


@pytest.mark.slow
def test_resuming_with_other_options_is_refused(baseline, corpus_file, tmp_path):
    _, reference = baseline
    out = tmp_path / "out"
    shutil.copytree(reference, out)
    with pytest.raises(ConfigError, match="linker"):
        build_corpus([corpus_file], out, config=BuildConfig(formats=FORMATS, linker="none"),
                     resume=True, progress=False)


@pytest.mark.slow
def test_a_journal_of_another_layout_is_not_resumed(baseline, corpus_file, tmp_path):
    """A journal written by an older kgbuild holds records this one cannot read."""
    _, reference = baseline
    out = tmp_path / "out"
    shutil.copytree(reference, out)
    manifest = out / ".graph.build" / "manifest.json"
    old = json.loads(manifest.read_text(encoding="utf-8"))
    del old["journal"]
    manifest.write_text(json.dumps(old), encoding="utf-8")
    with pytest.raises(ConfigError, match="delete it to build again"):
        build_corpus([corpus_file], out, config=config(), resume=True, progress=False)
    assert quads(out / "graph.trig") == quads(reference / "graph.trig")  # nothing touched


@pytest.mark.slow
def test_the_corpus_graph_conforms_to_the_shapes(baseline):
    from rdflib import Dataset

    from kgbuild.rdf import validate_graph

    _, out = baseline
    dataset = Dataset()
    dataset.parse(out / "graph.trig", format="trig")
    conforms, report = validate_graph(dataset)
    assert conforms, report


@pytest.mark.slow
def test_a_build_of_nothing_leaves_earlier_outputs_alone(baseline, tmp_path):
    _, reference = baseline
    out = tmp_path / "out"
    shutil.copytree(reference, out)
    before = (out / "graph.trig").read_bytes()
    report = build_corpus([tmp_path / "missing.jsonl"], out, config=config(), progress=False)
    assert report.built == 0 and "no such file" in report.failures[0].problem
    assert (out / "graph.trig").read_bytes() == before


@pytest.mark.slow
def test_articles_from_a_generator_with_a_progress_bar(baseline, tmp_path, capsys):
    from kgbuild.types import Article

    articles = (Article(id=key, text=TEXTS[key]) for key in ("soumy", "otan"))
    report = build_corpus(articles, tmp_path, config=config(), progress=True)
    assert report.built == 2
    assert "2doc" in capsys.readouterr().err.replace(" ", "")  # the bar counted both documents


@pytest.mark.slow
def test_the_corpus_json_ld_is_compacted_and_holds_the_trig_quads(baseline):
    jsonld = pytest.importorskip("pyld.jsonld")
    _, out = baseline
    document = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    assert '"@value"' not in json.dumps(document["@graph"])  # typed terms, plain values
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads"})
    read = {str(q) for q in ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)}
    assert read == quads(out / "graph.trig")  # the corpus layer in the default graph too


@pytest.mark.slow
def test_the_query_page_examples_run_on_a_corpus_graph(baseline):
    from importlib import resources

    _, out = baseline
    data = json.loads(resources.files("kgbuild").joinpath("data", "serve", "examples.json").read_text("utf-8"))
    header = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in data["prefixes"].items())
    store = ox.Store()
    store.load(path=str(out / "graph.trig"))
    answered = {}
    for example in data["examples"]:
        answered[example["title"]] = list(store.query(header + example["query"], use_default_graph_as_union=True))
    assert all(answered.values()), [title for title, rows in answered.items() if not rows]
    (pair,) = answered["Near-duplicate articles"]
    assert pair["copy"].value.endswith("/doc/pologne-aide-reprise")


@pytest.mark.slow
def test_the_build_command_reports_what_it_did(baseline, corpus_file, tmp_path, capsys):
    import argparse

    from kgbuild.cli_corpus import add_corpus_options, run_corpus_build, wants_corpus_build

    parser = argparse.ArgumentParser()  # the options cli.py's build parser has, and the corpus ones
    parser.add_argument("paths", nargs="+")
    parser.add_argument("-o", "--out")
    parser.add_argument("--stem")
    add_corpus_options(parser)
    args = parser.parse_args([str(corpus_file), "-o", str(tmp_path), "--stem", "feed", "--no-progress"])
    assert wants_corpus_build(args)
    assert run_corpus_build(args, config()) == 0
    out, err = capsys.readouterr()
    assert f"wrote {tmp_path / 'feed.trig'}" in out
    assert f"{len(TEXTS) + 1} documents built, 1 near-duplicates" in out
    assert f"skipped {corpus_file}: line {BROKEN_LINE}" in err and "skipped" in err.split("[inconnu]")[0]

    single = parser.parse_args(["article.fr.txt", "-o", str(tmp_path)])
    assert not wants_corpus_build(single)
    nothing = parser.parse_args([str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "empty"), "--resume"])
    assert run_corpus_build(nothing, config()) == 1
    assert "nothing could be built" in capsys.readouterr().err
