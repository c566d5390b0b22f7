"""Extraction quality on hand-annotated texts written for the project (tests/quality/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kgbuild
from kgbuild.evaluate import load_gold, score_documents

pytestmark = pytest.mark.slow

CASES = sorted((Path(__file__).parent / "quality").glob("*.gold.json"))


@pytest.fixture(scope="module")
def report(extractor):
    golds = [load_gold(path) for path in CASES]
    exports = []
    for path in CASES:
        date = json.loads(path.read_text(encoding="utf-8"))["doc"].get("date")
        text = path.with_name(path.name.replace(".gold.json", ".fr.txt"))
        exports.extend(kgbuild.build([text], date=date).to_json())
    return score_documents(golds, exports).to_dict()


def test_there_are_cases():
    assert len(CASES) >= 2


@pytest.mark.parametrize("part, floor", [("entities", 0.90), ("typed", 0.85),
                                         ("statements", 0.80), ("relations", 0.60)])
def test_micro_f1_floor(report, part, floor):
    assert report["micro"][part]["f1"] >= floor, report["micro"][part]


def test_linking_accuracy(report):
    assert report["micro"]["linking"]["accuracy"] >= 0.95
