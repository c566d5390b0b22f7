"""The pair model (kgbuild/extract/pairs.py): its shipped weights and its training tool."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from kgbuild.extract.pairs import DOMAINS, Candidate, PairModel, feature_is_well_formed

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "kgbuild" / "extract" / "lang" / "fr" / "data" / "pairs.json"


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
