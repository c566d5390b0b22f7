"""The command line end to end: what a user types and what they get back."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from rdflib import Graph

pytestmark = pytest.mark.slow

GOOD = "La Pologne a salué la décision. Selon Varsovie, l'Ukraine doit pouvoir se défendre.\n"


def kgbuild(*args, stdin=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "kgbuild.cli", *map(str, args)], input=stdin,
                          capture_output=True, text=True, cwd=cwd, timeout=300)


def test_build_writes_every_format(tmp_path):
    src = tmp_path / "note.fr.txt"
    src.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    run = kgbuild("build", src, "-o", out, "--format", "all")
    assert run.returncode == 0, run.stderr
    names = {p.name for p in out.iterdir()}
    for suffix in ("ttl", "nt", "jsonld", "trig", "json", "gexf", "graphml"):
        assert any(n.endswith("." + suffix) for n in names), (suffix, names)
    csvs = sorted(p.name for p in out.rglob("*.csv"))
    assert [n for n in csvs if n.endswith("nodes.csv")] and [n for n in csvs if n.endswith("edges.csv")]
    ttl = next(out.glob("*.ttl"))
    assert len(Graph().parse(ttl)) > 0
    doc = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))
    assert doc["doc"]["id"] == "note" and doc["doc"]["lang"] == "fr"
    assert any(e["label"] == "Pologne" for e in doc["entities"])


def test_bad_inputs_are_named_and_the_rest_is_built(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "latin1.txt").write_bytes("L'Italie a fait part de son opposition à l'été.".encode("latin-1"))
    (tmp_path / "feed.jsonl").write_text('{"id": "ok", "text": "La France a répondu."}\n{not json\n',
                                         encoding="utf-8")
    (tmp_path / "huge.txt").write_text("a" * 10_500_000, encoding="utf-8")
    out = tmp_path / "out"
    run = kgbuild("build", tmp_path / "good.txt", tmp_path / "empty.txt", tmp_path / "binary.txt",
                  tmp_path / "latin1.txt", tmp_path / "feed.jsonl", tmp_path / "huge.txt",
                  "-o", out, "--format", "json")
    assert run.returncode == 0, run.stderr
    assert "huge.txt: too long" in run.stderr and "raise --max-chars" in run.stderr
    for name in ("empty.txt", "binary.txt", "feed.jsonl", "huge.txt"):
        assert name in run.stderr, (name, run.stderr)
    assert ":2" in run.stderr or "line 2" in run.stderr  # the malformed JSONL line is located
    exports = [p for p in out.glob("*.json*") if "failures" not in p.name]
    built = [json.loads(line)["doc"]["id"] for line in
             exports[0].read_text(encoding="utf-8").splitlines() if line.strip()]
    assert sorted(built) == ["good", "latin1", "ok"]
    # the failure report is kept beside the outputs
    (failures,) = out.glob("*failures*")
    assert "empty.txt" in failures.read_text(encoding="utf-8")


@pytest.mark.parametrize("typed", ["articles/", "corpus", "seed.fr.txt"])
def test_a_mistyped_path_is_an_error_naming_it(tmp_path, typed):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    run = kgbuild("build", "good.txt", typed, "-o", out, cwd=tmp_path)
    assert run.returncode == 2, run.stdout + run.stderr
    assert run.stderr.strip() == f"kgbuild: error: {typed}: no such file or folder"
    assert not out.exists()  # nothing was built: no text-1 made of the path's letters


def test_text_on_the_command_line_is_asked_for_with_text(tmp_path):
    run = kgbuild("build", "--text", GOOD, "-o", tmp_path, "--format", "json", "--linker", "none")
    assert run.returncode == 0, run.stderr
    doc = json.loads((tmp_path / "text-1.json").read_text(encoding="utf-8"))
    assert any(e["label"] == "Pologne" for e in doc["entities"])
    nothing = kgbuild("build", "-o", tmp_path)
    assert nothing.returncode == 2 and "--text" in nothing.stderr


def test_the_demo_names_its_example_not_where_it_is_installed(tmp_path):
    run = kgbuild("demo", "-o", tmp_path, "--format", "json,ttl", "--linker", "none")
    assert run.returncode == 0, run.stderr
    doc = json.loads((tmp_path / "demo.json").read_text(encoding="utf-8"))
    assert doc["doc"]["source"] == "kgbuild/data/examples/demo.fr.txt"
    assert "site-packages" not in (tmp_path / "demo.ttl").read_text(encoding="utf-8")


def test_nothing_built_is_a_failure(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    run = kgbuild("build", tmp_path / "empty.txt", "-o", tmp_path / "out")
    assert run.returncode == 1
    assert "empty.txt" in run.stderr


def test_stdin(tmp_path):
    run = kgbuild("build", "-", "-o", tmp_path, "--format", "json", "--linker", "none", stdin=GOOD)
    assert run.returncode == 0, run.stderr
    doc = json.loads(next(tmp_path.glob("*.json")).read_text(encoding="utf-8"))
    assert doc["entities"]


def test_bad_option_names_it(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    run = kgbuild("build", tmp_path / "a.txt", "-o", tmp_path, "--format", "ttl,pdf")
    assert run.returncode == 2
    assert "format" in run.stderr and "pdf" in run.stderr and "graphml" in run.stderr


def test_seed_builds_and_scores(tmp_path, seed_path, shared_dir):
    run = kgbuild("build", seed_path, "-o", tmp_path, "--format", "json,ttl")
    assert run.returncode == 0, run.stderr
    export = tmp_path / "seed.json"
    text = seed_path.read_text(encoding="utf-8")
    doc = json.loads(export.read_text(encoding="utf-8"))
    for entity in doc["entities"]:
        for m in entity["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    scored = kgbuild("eval", shared_dir / "eval" / "gold" / "seed.gold.json", export, "--json")
    assert scored.returncode == 0, scored.stderr
    micro = json.loads(scored.stdout)["micro"]
    # the bar for the seed: entity F1 >= 0.90, typed F1 >= 0.85
    assert micro["entities"]["f1"] >= 0.90
    assert micro["typed"]["f1"] >= 0.85


def test_corpus_build_applies_overrides(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(GOOD, encoding="utf-8")
    overrides = tmp_path / "overrides.csv"
    overrides.write_text("action,value,match,doc\ndrop,,Pologne,\n", encoding="utf-8")
    out = tmp_path / "out"
    run = kgbuild("build", tmp_path / "a.txt", tmp_path / "b.txt", "-o", out, "--format", "json",
                  "--overrides", overrides)
    assert run.returncode == 0, run.stderr
    docs = [json.loads(line) for p in out.glob("*.jsonl") if "failures" not in p.name
            for line in p.read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 2
    assert all(e["label"] != "Pologne" for d in docs for e in d["entities"])
    assert any(e["label"] == "Ukraine" for d in docs for e in d["entities"])


def _interruptible() -> None:
    """In the child, before exec: Ctrl-C handled as in a terminal's foreground job, even when the
    tests run in a background job of a non-interactive shell, which starts with SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_keeps_what_was_built_and_says_how_to_go_on(tmp_path):
    """A real SIGINT to the build's process group, as a terminal sends on Ctrl-C."""
    corpus = tmp_path / "corpus.jsonl"
    sentences = GOOD.strip().split(". ")
    total = 600  # enough that the first journalled batch is far from the end on a fast machine
    lines = [json.dumps({"id": f"d{n}", "text": f"{sentences[n % 2]}. Article {n}."}) for n in range(total)]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    journal = out / ".graph.build" / "journal.jsonl"
    process = subprocess.Popen([sys.executable, "-m", "kgbuild.cli", "build", str(corpus), "-o", str(out),
                                "--format", "json", "--linker", "none", "--workers", "2"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True, preexec_fn=_interruptible)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and process.poll() is None:
            if journal.exists() and journal.stat().st_size:
                break
            time.sleep(0.05)
        assert process.poll() is None, process.communicate()
        os.killpg(process.pid, signal.SIGINT)  # to the workers too, as Ctrl-C does
        stdout, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    kept = journal.read_bytes().count(b"\n")
    assert process.returncode == 130
    assert stderr == f"kgbuild: interrupted: {kept} document{'s' * (kept != 1)} kept; run again with --resume\n"
    assert 1 <= kept < total and not (out / "graph.jsonl").exists()
    again = kgbuild("build", corpus, "-o", out, "--format", "json", "--linker", "none")
    assert again.returncode == 2 and "interrupted build: run the same command with --resume" in again.stderr
