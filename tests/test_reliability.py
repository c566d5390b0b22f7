"""Issue 12: no input, endpoint or kill may lose documents or leave a wrong graph.

One section per row of the issue's table (README "Reliability").  Endpoint faults are
played by small http.server fakes on 127.0.0.1, kills are real ``kill -9``.
"""

from __future__ import annotations

import csv
import json
import logging
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kgbuild.config import BuildConfig
from kgbuild.errors import ConfigError, InputError, KgbuildError
from kgbuild.export import csv_cell, to_networkx, write_csv, write_rdf
from kgbuild.rdf import build_graph
from kgbuild.read import iter_articles, read_text

# texts written for these tests
BIDEN = "Joe Biden a parlé à Kiev."
POUTINE = "Vladimir Poutine a parlé à Moscou."
SEPARATORS = "\u2028\u2029\u0085\x0b\x0c"


def jsonl(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


# ---------------------------------------------------------------- row 1: one JSONL line sinks nothing


def hostile_lines() -> list[str]:
    return [
        json.dumps({"id": "ok1", "text": BIDEN}),
        '{"id": "surrogate", "title": "x \\udc80", "text": "Poutine a parl\\u00e9 \\udc80 \\ud83d\\ude00."}',
        '{"id": "digits", "text": "x", "n": ' + "1" * 5000 + "}",
        '{"id": "deep", "text": "x", "a": ' + "[" * 1000 + "]" * 1000 + "}",
        json.dumps({"id": "ok2", "text": POUTINE}),
    ]


def test_hostile_jsonl_lines_are_reported_or_cleaned_and_the_others_read(tmp_path, caplog):
    path = jsonl(tmp_path / "feed.jsonl", *hostile_lines())
    errors: list[InputError] = []
    with caplog.at_level(logging.WARNING):
        articles = list(iter_articles(path, on_error=errors.append))
    assert [a.id for a in articles] == ["ok1", "surrogate", "ok2"]
    cleaned = articles[1]
    assert cleaned.title == "x \ufffd" and cleaned.text == "Poutine a parlé \ufffd \U0001f600."
    for article in articles:  # every string encodes: spaCy and the UTF-8 writers can take it
        for value in vars(article).values():
            if isinstance(value, str):
                value.encode("utf-8")
    assert [(e.path, e.problem.split(":")[0]) for e in errors] == [(str(path), "line 3"), (str(path), "line 4")]
    assert "4300 digits" in errors[0].problem and "nested too deeply" in errors[1].problem
    assert "feed.jsonl [surrogate]: 2 invalid characters" in caplog.text


def test_the_python_api_cleans_texts_and_articles_too():
    from kgbuild.pipeline import iter_inputs
    from kgbuild.types import Article

    assert read_text("a \ud800 b").text == "a \ufffd b"
    (article,) = iter_inputs([Article(id="x\udc80", text="b \udfff")], BuildConfig(), print)
    assert (article.id, article.text) == ("x\ufffd", "b \ufffd")


@pytest.mark.slow
def test_hostile_jsonl_lines_never_sink_the_corpus_build(tmp_path):
    from kgbuild.corpus import build_corpus

    path = jsonl(tmp_path / "feed.jsonl", *hostile_lines())
    out = tmp_path / "out"
    report = build_corpus([path], out, config=BuildConfig(formats=("trig", "json"), linker="none"),
                          progress=False)
    assert report.built == 3 and len(report.failures) == 2
    built = [json.loads(line)["doc"]["id"] for line in (out / "graph.jsonl").read_text("utf-8").splitlines()]
    assert built == ["ok1", "surrogate", "ok2"]
    assert len(list(ox.parse(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG))) > 0
    # a second run over the same folder is not refused: the first one finished
    again = build_corpus([path], out, config=BuildConfig(formats=("trig", "json"), linker="none"),
                         progress=False)
    assert again.built == 3


# ---------------------------------------------------------------- row 2: N-Triples stay one triple a line


def test_ntriples_hold_line_separators_inside_literals(authorisation, tmp_path):
    article = replace(authorisation.article, title=f"titre{SEPARATORS}fin")
    extraction = replace(authorisation, article=article)
    dataset = build_graph([extraction])
    path = write_rdf(dataset, tmp_path / "doc.nt", "nt")
    triples = list(ox.parse(path=str(path), format=ox.RdfFormat.N_TRIPLES))
    reference = Graph().parse(write_rdf(dataset, tmp_path / "doc.ttl", "ttl"), format="turtle")
    assert len(triples) == len(reference) and len(triples) > 20
    assert any(t.object.value == f"titre{SEPARATORS}fin" for t in triples)
    assert len(Graph().parse(path, format="nt")) == len(reference)
    assert path.read_bytes() == write_rdf(dataset, tmp_path / "again.nt", "nt").read_bytes()


# ---------------------------------------------------------------- row 12: no formulas in CSV cells


def test_csv_cells_that_spreadsheets_run_as_formulas_are_neutralised(authorisation, tmp_path):
    first = authorisation.entities[0]
    hostile = replace(first, label='=HYPERLINK("http://evil.example","x")', qid=None, kb_id=None)
    article = replace(authorisation.article, id="@SUM(1+1)")
    extraction = replace(authorisation, article=article, entities=(hostile, *authorisation.entities[1:]))
    nodes, edges = write_csv(to_networkx([extraction]), tmp_path, "g")
    cells = [cell for path in (nodes, edges) for row in csv.reader(path.open(encoding="utf-8"))
             for cell in row]
    assert "'=HYPERLINK(\"http://evil.example\",\"x\")" in cells and "'@SUM(1+1)" in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "@") or (c[:1] == "-" and not _number(c))]
    assert [csv_cell(v) for v in ("-3.5", -2, "+1e3", "-x", "\tcmd", "a=b")] == \
        ["-3.5", -2, "+1e3", "'-x", "'\tcmd", "a=b"]


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


# ---------------------------------------------------------------- row 13: names and texts that broke builds


@pytest.mark.slow
def test_long_file_names_dot_names_and_lone_surrogates_are_built(tmp_path):
    from kgbuild.cli import main

    long_name = tmp_path / ("a" * 241 + ".txt")  # 245 characters
    dots = tmp_path / "..txt"
    for path in (long_name, dots):
        path.write_text(BIDEN, encoding="utf-8")
    for path in (long_name, dots):
        assert main(["build", str(path), "-o", str(tmp_path / "out"), "--linker", "none"]) == 0
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(written) == 4 and not [name for name in written if name.startswith(".")]
    assert all(len(name.encode()) <= 255 for name in written)

    from kgbuild.pipeline import build

    result = build([read_text("Vladimir Poutine \udc80 a parlé à Moscou.", id="s")], linker="none")
    assert not result.failures and result.extractions[0].entities


# ---------------------------------------------------------------- row 14: messages


def test_utf16_without_bom_is_read_as_utf16(tmp_path, caplog):
    path = tmp_path / "note.txt"
    path.write_bytes("Joe Biden a parlé à Kiev.\n".encode("utf-16-le"))
    with caplog.at_level(logging.WARNING):
        (article,) = iter_articles(path)
    assert article.text == "Joe Biden a parlé à Kiev.\n" and article.encoding == "utf-16-le"
    assert "note.txt: no byte-order mark, read as utf-16-le" in caplog.text
    path.write_bytes("Kiev.\n".encode("utf-16-be"))
    assert next(iter_articles(path)).text == "Kiev.\n"
    path.write_bytes(b"\x00\x01\x02\x03" * 64)
    with pytest.raises(InputError, match="binary"):
        list(iter_articles(path))


def test_library_warnings_about_a_page_name_the_page(tmp_path, caplog):
    page = tmp_path / "vide.html"
    page.write_text("<html><body><div></div></body></html>", encoding="utf-8")
    errors = []
    with caplog.at_level(logging.WARNING):
        list(iter_articles(page, on_error=errors.append))
    assert errors and "no main text" in errors[0].problem
    library = [r.getMessage() for r in caplog.records if r.name.startswith("trafilatura")]
    assert library and all(message.startswith(f"{page}: trafilatura: ") for message in library)


def test_max_chars_over_the_parser_limit_is_refused_with_the_limit():
    with pytest.raises(ConfigError, match=r"--max-chars from 1 to 2,000,000"):
        BuildConfig(max_chars=3_000_000)


def test_an_interrupted_build_names_the_way_out(tmp_path):
    from kgbuild.corpus import build_corpus

    state = tmp_path / ".graph.build"
    state.mkdir()
    (state / "journal.jsonl").write_text('{"id": "a"}\tx\n', encoding="utf-8")
    (state / "manifest.json").write_text(json.dumps({"journal": 2, "options": {}, "complete": False}),
                                         encoding="utf-8")
    with pytest.raises(KgbuildError) as caught:
        build_corpus([], tmp_path, progress=False)
    assert str(caught.value) == (f"{tmp_path} holds an interrupted build: run the same command with "
                                 f"--resume to finish it, or delete {state} to start again")
