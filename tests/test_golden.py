"""Golden cases: tests/golden/<case>/extraction.json -> the graph in expected.ttl.

Adding a case is adding a folder with an extraction.json (an Extraction written as
JSON, see kgbuild.export.read_extraction_json).  To write or refresh expected.ttl,
run with KGBUILD_UPDATE_GOLDEN=1, then read the Turtle before committing it.
Graphs are compared by isomorphism, never as text.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kgbuild.export import read_extraction_json, write_rdf
from kgbuild.rdf import build_graph, union_graph, validate_graph

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "extraction.json").is_file())


def built_graph(case: str) -> Graph:
    return union_graph(build_graph([read_extraction_json(GOLDEN / case / "extraction.json")]))


def test_there_are_golden_cases():
    assert len(CASES) >= 4


@pytest.mark.parametrize("case", CASES)
def test_graph_matches_expected(case):
    graph = built_graph(case)
    expected_path = GOLDEN / case / "expected.ttl"
    if os.environ.get("KGBUILD_UPDATE_GOLDEN") == "1":
        write_rdf(graph, expected_path, "ttl")
    expected = Graph().parse(expected_path, format="turtle")
    if not isomorphic(graph, expected):
        _, only_built, only_expected = graph_diff(to_isomorphic(graph), to_isomorphic(expected))
        pytest.fail(
            f"{case}: graph differs from expected.ttl\n"
            f"only in the built graph:\n{only_built.serialize(format='nt')}\n"
            f"only in expected.ttl:\n{only_expected.serialize(format='nt')}"
        )


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES)
def test_expected_graph_conforms_to_shapes(case):
    conforms, report = validate_graph(Graph().parse(GOLDEN / case / "expected.ttl", format="turtle"))
    assert conforms, report
