"""Extraction quality on hand-annotated texts written for the project (tests/quality/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kgbuild
from kgbuild.evaluate import load_gold, score_documents

pytestmark = pytest.mark.slow

CASES = sorted((Path(__file__).parent / "quality").glob("*.gold.json"))


def _lang(path: Path) -> str:
    return json.loads(path.read_text(encoding="utf-8"))["doc"]["lang"]


@pytest.fixture(scope="module")
def reports(extractor):
    """language -> the score report of its cases (each text built with its gold's date)."""
    found = {}
    for lang in sorted({_lang(path) for path in CASES}):
        paths = [path for path in CASES if _lang(path) == lang]
        golds = [load_gold(path) for path in paths]
        exports = []
        for path in paths:
            doc = json.loads(path.read_text(encoding="utf-8"))["doc"]
            exports.extend(kgbuild.build([path.parent / doc["text_file"]], date=doc.get("date")).to_json())
        found[lang] = score_documents(golds, exports).to_dict()
    return found


def test_there_are_cases():
    assert len([p for p in CASES if _lang(p) == "fr"]) >= 2
    assert len([p for p in CASES if _lang(p) == "en"]) >= 2


@pytest.mark.parametrize("lang, part, floor", [
    ("fr", "entities", 0.90), ("fr", "typed", 0.85), ("fr", "statements", 0.80), ("fr", "relations", 0.60),
    ("en", "entities", 0.90), ("en", "typed", 0.85), ("en", "statements", 0.80), ("en", "relations", 0.25),
])
def test_micro_f1_floor(reports, lang, part, floor):
    assert reports[lang]["micro"][part]["f1"] >= floor, reports[lang]["micro"][part]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_linking_accuracy(reports, lang):
    assert reports[lang]["micro"]["linking"]["accuracy"] >= 0.95
