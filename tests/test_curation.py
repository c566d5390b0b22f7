"""The curation loop on the research fixture: export what to check, fill in decisions,
apply them, and see the next build change."""

from __future__ import annotations

import argparse
import csv
from dataclasses import replace

import pytest

from fixtures.research.corpus import E, R, S, document, research_extractions
from kgbuild.cli_research import add_curate_parser
from kgbuild.curation import (
    CURATION_COLUMNS,
    Override,
    apply_overrides,
    curation_rows,
    read_overrides,
    write_curation,
)
from kgbuild.errors import InputError
from kgbuild.export import to_networkx, write_rdf
from kgbuild.queries import run_query
from kgbuild.rdf import build_graph, validate_graph


def build(extractions, overrides=()):
    """What the pipeline does after linking: apply the overrides, then build the graph."""
    extractions = [apply_overrides(x, overrides) for x in extractions]
    return extractions, build_graph(extractions)


def test_export_lists_unlinked_and_doubtful_links_across_documents():
    rows = curation_rows(build_graph(research_extractions()))
    assert {(r["reason"], r["match"], r["qid"], r["kb_id"], r["documents"]) for r in rows} == {
        ("low_confidence", "Soumy", "Q156752", "", "b1"),
        ("low_confidence", "américaine", "Q30", "", "b1"),
        ("unlinked", "ATACMS", "", "kb:atacms", "a1"),
        ("unlinked", "soldats nord-coréens", "", "", "b1"),
        ("unlinked", "Taurus", "", "", "a1"),
    }
    atacms = next(r for r in rows if r["match"] == "ATACMS")
    assert atacms["mentions"] == 2 and "missiles ATACMS" in atacms["example"]
    assert all(r["action"] == "" and r["value"] == "" for r in rows)
    strict = curation_rows(build_graph(research_extractions()), max_confidence=0.65)
    assert "américaine" not in {r["match"] for r in strict}


@pytest.mark.slow
def test_filled_in_export_changes_the_next_build(tmp_path):
    extractions, dataset = build(research_extractions())
    path, count = write_curation(dataset, tmp_path / "curation.csv")
    assert count == 5
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == CURATION_COLUMNS
    decisions = {"Soumy": ("qid", "Q156752"), "Taurus": ("drop", ""),
                 "soldats nord-coréens": ("label", "troupes nord-coréennes"),
                 "américaine": ("unlink", "")}
    for row in rows:
        row["action"], row["value"] = decisions.get(row["match"], ("", ""))
    rows.append({**dict.fromkeys(CURATION_COLUMNS, ""), "action": "types", "value": "Region;Actor",
                 "match": "Ukraine", "doc": "c1"})
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=CURATION_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)

    overrides = read_overrides(path)
    assert [o.action for o in overrides] == ["qid", "unlink", "label", "drop", "types"]
    after, dataset = build(research_extractions(), overrides)

    low = run_query("low_confidence_links", dataset).records()
    assert low == []  # Soumy confirmed by the user, "américaine" no longer linked
    sumy = next(e for e in after[1].entities if e.label == "Soumy")
    assert (sumy.qid, sumy.link_confidence, sumy.link_method) == ("Q156752", 1.0, "override")
    unlinked = {r["label"] for r in run_query("unlinked_entities", dataset).records()}
    assert unlinked == {"ATACMS", "troupes nord-coréennes", "États-Unis"}
    supplies = {r["weapon_label"] for r in run_query("supplies", dataset).records()}
    assert "Taurus" not in supplies and "chars" in supplies
    (le_monde,) = [r for r in run_query("statements", dataset, params={"speaker": "Le Monde"}).records()]
    assert le_monde["about_labels"] == "Allemagne"
    network = to_networkx(after)
    assert network.nodes["Q212"]["types"] == "Actor;Region"
    assert "label:Actor:etats-unis" in network and network.nodes["Q30"]["mentions"] == 3
    conforms, report = validate_graph(dataset)
    assert conforms, report


def test_merge_folds_an_entity_into_another_of_the_same_document():
    doc = document(
        "d1", "2024-11-22", None,
        ["Volodymyr Zelensky a remercié la Pologne.", "Zelensky a demandé des drones à la Pologne."],
        [E("vz", "Volodymyr Zelensky", ("Actor",), "Person", ((0, "Volodymyr Zelensky"),),
           "Q3874799", "Q3874799", 0.93, "alias"),
         E("pl", "Pologne", ("Actor",), "State", ((0, "Pologne"), (1, "Pologne")), "Q36", "Q36", 0.9, "exact"),
         E("z", "Zelensky", ("Actor",), "Person", ((1, "Zelensky"),)),
         E("dr", "drones", ("Weapon",), "WeaponClass", ((1, "drones"),))],
        [S("z", 1, "des drones", "demandé", "indirect", "reported", about=("dr",))],
        [R("vz", "supports", "pl", 0, cue="remercié"), R("z", "opposes", "vz", 1)],
    )
    merged = apply_overrides(doc, [Override("merge", "Zelensky", "Q3874799")])
    assert [e.label for e in merged.entities] == ["Volodymyr Zelensky", "Pologne", "drones"]
    zelensky = merged.entities[0]
    assert [m.text for m in zelensky.mentions] == ["Volodymyr Zelensky", "Zelensky"]
    assert merged.statements[0].speaker == zelensky.id
    assert [(r.subject, r.predicate) for r in merged.relations] == [(zelensky.id, "supports")]
    build_graph([merged])  # a consistent record
    alone = replace(doc, entities=doc.entities[2:], relations=(),
                    statements=(replace(doc.statements[0], about=()),))
    renamed = apply_overrides(alone, [Override("merge", "Zelensky", "Q3874799")])
    assert renamed.entity("e3").qid == "Q3874799"  # no target in this document: take its QID
    assert apply_overrides(doc, [Override("drop", "drones", doc="other")]) == doc


def test_bad_overrides_name_the_file_line_and_problem(tmp_path):
    path = tmp_path / "overrides.csv"

    def check(text: str, pattern: str) -> None:
        path.write_text(text, encoding="utf-8")
        with pytest.raises(InputError, match=pattern):
            read_overrides(path)

    check("action,value,match\nqid,Q1x,Soumy\n", r"overrides.csv: line 2: 'Q1x' is not a Wikidata QID")
    check("action,value,match\n,,skipped\nrename,x,Soumy\n", r"line 3: unknown action 'rename'")
    check("action,value,match\nlabel,,Soumy\n", r"line 2: action 'label' needs a 'value'")
    check("action,value,match\ntypes,Place,Soumy\n", r"line 2: bad types 'Place'")
    check("action,value,match\ndrop,,\n", r"line 2: action 'drop' needs a 'match'")
    check("what,value\nqid,Q1\n", r"no match column")
    with pytest.raises(InputError, match="missing.csv"):
        read_overrides(tmp_path / "missing.csv")


def test_curate_commands(tmp_path, capsys):
    write_rdf(build_graph(research_extractions()), tmp_path / "out" / "graph.trig", "trig")
    parser = argparse.ArgumentParser(prog="kgbuild")
    add_curate_parser(parser.add_subparsers())
    args = parser.parse_args(["curate", "export", str(tmp_path / "out"), "-o",
                              str(tmp_path / "curation.csv")])
    assert args.run(args) == 0
    assert "5 entities to check" in capsys.readouterr().out
    overrides = tmp_path / "overrides.csv"
    overrides.write_text("action,value,match,doc\nqid,Q156752,Soumy,\ndrop,,Taurus,a1\n", encoding="utf-8")
    args = parser.parse_args(["curate", "check", str(overrides)])
    assert args.run(args) == 0
    out = capsys.readouterr().out
    assert "qid     Soumy -> Q156752" in out and "drop    Taurus in a1" in out
