"""The pair model (kgbuild/extract/pairs.py): its shipped weights and its training tool."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

from kgbuild import cli
from kgbuild.extract.pairs import DOMAINS, Candidate, PairModel, feature_is_well_formed

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "kgbuild" / "extract" / "lang" / "fr" / "data" / "pairs.json"
#: the state strikes the group (a rule reads it); the group ambushes the state's army (no rule does)
RECIPROCAL = ROOT / "tests" / "extraction" / "learned-reciprocal-attack" / "text.txt"


def _tool():
    spec = importlib.util.spec_from_file_location("train_pairs", ROOT / "tools" / "train_pairs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_pairs"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_shipped_model_loads_and_its_features_are_well_formed():
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    model = PairModel.from_json(data)
    assert set(data["predicates"]) <= set(DOMAINS)
    for name, p in data["predicates"].items():
        assert 0 < p["threshold"] < 1, name
        assert isinstance(p["bias"], float), name
        bad = [f for f in p["weights"] if not feature_is_well_formed(f)]
        assert not bad, (name, bad[:5])
        assert all(isinstance(w, float) and w != 0 for w in p["weights"].values()), name
    assert set(model.predicates) == {n for n, p in data["predicates"].items() if p.get("enabled", True)}


def _corpus():
    """A tiny written corpus of feature rows: "pilonner" between the two names is an attack."""
    rows, ys = [], []
    contexts = [("ord:ab", "dist:5", "ka:State", "kb:City"), ("ord:ba", "dist:10", "ka:Group", "kb:State"),
                ("ord:ab", "dist:20", "ka:State", "kb:State")]
    for n in range(30):
        base = contexts[n % 3]
        rows.append(base + ("bw:pilonner", "da:nsubj"))
        ys.append(1.0)
        rows.append(base + ("bw:rencontrer", "da:nsubj"))
        ys.append(0.0)
        rows.append(base + (("bw:visiter",) if n % 2 else ("bw:dire",)))
        ys.append(0.0)
    return rows, ys


def test_training_is_deterministic_and_learns_a_planted_trigger():
    import numpy

    tool = _tool()
    rows, ys = _corpus()
    first = tool.fit(rows, numpy.array(ys), l2=1.0)
    second = tool.fit(rows, numpy.array(ys), l2=1.0)
    assert first == second
    bias, weights = first
    assert max(weights, key=weights.get) == "bw:pilonner"
    model = PairModel.from_json({"predicates": {"attacks": {"bias": bias, "threshold": 0.5, "weights": weights}}})
    hit = Candidate("e1", "e2", 0, 0, 10, ("attacks",), ("ord:ab", "dist:5", "bw:pilonner", "da:nsubj"),
                    (("bw:pilonner", 2),))
    miss = Candidate("e1", "e2", 0, 0, 10, ("attacks",), ("ord:ab", "dist:5", "bw:rencontrer", "da:nsubj"),
                     (("bw:rencontrer", 2),))
    assert model.best(hit)[0] == "attacks" and model.cue("attacks", hit) == 2
    assert model.best(miss) is None


def _built_relations(out: Path, *flags: str) -> set[tuple]:
    """(subject label, predicate, object label, confidence, cue, evidence paragraph) of a build."""
    assert cli.main(["build", str(RECIPROCAL), "-o", str(out), "--format", "json", "--no-progress", *flags]) == 0
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    label = {e["id"]: e["label"] for e in graph["entities"]}
    text = RECIPROCAL.read_text(encoding="utf-8")
    return {(label[r["subject"]], r["predicate"], label[r["object"]], r["confidence"], r["cue"],
             text[text.rfind("\n", 0, r["start"]) + 1:text.find("\n", r["end"])]) for r in graph["relations"]}


def test_build_adds_the_models_relation_and_the_flag_leaves_the_rules_alone(tmp_path):
    on = _built_relations(tmp_path / "on")
    off = _built_relations(tmp_path / "off", "--no-learned-relations")
    assert [r[:3] for r in off] == [("Nigéria", "attacks", "Boko Haram")]
    assert off < on
    [(subject, predicate, object_, confidence, cue, sentence)] = on - off
    assert (subject, predicate, object_) == ("Boko Haram", "attacks", "Nigéria")
    threshold = json.loads(SHIPPED.read_text(encoding="utf-8"))["predicates"]["attacks"]["threshold"]
    assert threshold <= confidence < 1  # the model's probability, at or over the shipped threshold
    assert "guet-apens tendu par Boko Haram" in sentence  # the evidence: the ambush's sentence
    assert cue in re.findall(r"\w+", sentence)  # a word of it, shown as why


def test_training_tool_names_missing_data(tmp_path, capsys):
    tool = _tool()
    assert tool.main(["--folds", str(tmp_path / "u1"), "--cache", str(tmp_path / "cache.pkl")]) == 2
    assert f"no folder {tmp_path / 'u1'}" in capsys.readouterr().err
    (tmp_path / "u1").mkdir()
    (tmp_path / "u1" / "a.txt").write_text("Texte.", encoding="utf-8")
    assert tool.main(["--folds", str(tmp_path / "u1"), "--cache", str(tmp_path / "cache.pkl")]) == 2
    assert f"no file {tmp_path / 'u1' / 'a.gold.json'}" in capsys.readouterr().err


def test_training_tool_takes_its_variants_and_a_shipped_threshold(tmp_path):
    tool = _tool()
    args = tool._arguments(["--folds", str(tmp_path / "u1"), "--known", "--drop", "rr:", "ra:",
                            "--threshold", "attacks=0.75"])
    assert args.known and args.drop == ["rr:", "ra:"] and args.threshold == ["attacks=0.75"]
    doc = tool.Doc("u1", "g", {}, [], {"e1": "A", "e2": "B"}, {("A", "attacks", "B"): False})
    assert tool._per_set([doc], [[("e1", "attacks", "e2"), ("e2", "attacks", "e1")]]) == ["u1 1/1"]
