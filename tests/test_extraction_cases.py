"""Golden extraction cases: tests/extraction/<case>/text.txt through the real extractor and
the shipped snapshot linker, checked against tests/extraction/<case>/expected.json.

expected.json is a gold file (FORMAT.md section 2) of what must be found; its parts named
in "exhaustive" must hold everything found too.  Found and expected items are paired by
the rules of ``kgbuild eval`` (FORMAT.md section 3).  Adding a case is adding a folder; the
format is in tests/extraction/README.md.  A failing case prints what is missing, what is
unexpected, and everything that was found.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from kgbuild.errors import EvalError
from kgbuild.evaluate import GoldDocument, load_gold, pair_entities, score_documents

CASES_DIR = Path(__file__).parent / "extraction"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir())
PARTS = ("entities", "statements", "relations")
ONE = {"entities": "entity", "statements": "statement", "relations": "relation"}


@dataclass(frozen=True)
class Case:
    name: str
    text_path: Path
    gold: GoldDocument
    date: str | None
    exhaustive: tuple[str, ...]
    unlinked: tuple[str, ...] = ()
    typed: tuple[str, ...] = ()


def load_case(folder: Path) -> Case:
    """The case of a folder; a malformed one fails naming the file and the problem."""
    text_path, expected_path = folder / "text.txt", folder / "expected.json"
    for path in (text_path, expected_path):
        if not path.is_file():
            pytest.fail(f"{folder}: no {path.name} (a case is a text.txt and an expected.json)", pytrace=False)
    try:
        gold = load_gold(expected_path)
    except EvalError as error:
        problem = str(error)  # failed below, outside the handler: one message, no chained traceback
    else:
        problem = None
    if problem:
        pytest.fail(problem, pytrace=False)
    raw = json.loads(expected_path.read_text(encoding="utf-8"))
    exhaustive = raw.get("exhaustive", [])
    if not isinstance(exhaustive, list) or not set(exhaustive) <= set(PARTS):
        pytest.fail(f"{expected_path}: 'exhaustive' must be a list of {', '.join(PARTS)}, got {exhaustive!r}",
                    pytrace=False)
    if gold.id != folder.name:
        pytest.fail(f"{expected_path}: doc.id is {gold.id!r}, not the folder name {folder.name!r}", pytrace=False)
    unlinked = raw.get("unlinked", [])
    keys = {e.key for e in gold.entities}
    if not isinstance(unlinked, list) or not set(unlinked) <= keys:
        pytest.fail(f"{expected_path}: 'unlinked' must be a list of entity keys, got {unlinked!r}", pytrace=False)
    typed = raw.get("typed", [])
    if not isinstance(typed, list) or not set(typed) <= keys:
        pytest.fail(f"{expected_path}: 'typed' must be a list of entity keys, got {typed!r}", pytrace=False)
    return Case(folder.name, text_path, gold, raw["doc"].get("date"), tuple(exhaustive), tuple(unlinked),
                tuple(typed))


def case_problems(case: Case, export: dict) -> list[str]:
    """What the export misses, links wrongly, or holds beyond an exhaustive part."""
    [doc] = score_documents([case.gold], [export]).documents
    problems = [f"missing {ONE[part]}: {item}" for part in PARTS for item in doc.missed[part]]
    problems += [f"wrong link: {item}" for item in doc.missed["links"]]
    problems += [f"unexpected {ONE[part]}: {item}" for part in case.exhaustive for item in doc.spurious[part]]
    return problems + unlinked_problems(case, export) + typed_problems(case, export)


def typed_problems(case: Case, export: dict) -> list[str]:
    """The entities listed in "typed" that were found with other types than the expected ones."""
    pairing = pair_entities(case.gold.entities, export["entities"])
    return [f"wrong types: {g.key} {e['label']!r} has {e['types']}, expected {list(g.types)}"
            for e in export["entities"] if (gi := pairing.get(e["id"])) is not None
            and (g := case.gold.entities[gi]).key in case.typed and set(e["types"]) != set(g.types)]


def unlinked_problems(case: Case, export: dict) -> list[str]:
    """The entities listed in "unlinked" that were found linked to a QID (a known wrong link)."""
    pairing = pair_entities(case.gold.entities, export["entities"])
    return [f"linked, expected no QID: {case.gold.entities[gi].key} {e['label']!r} has {e['wikidata']}"
            for e in export["entities"] if (gi := pairing.get(e["id"])) is not None
            and case.gold.entities[gi].key in case.unlinked and e.get("wikidata")]


def describe_export(export: dict) -> str:
    """Everything found, one line an item, to compare with expected.json by eye."""
    label = {e["id"]: e["label"] for e in export["entities"]}
    lines = ["found entities:"]
    lines += [f"  {e['id']} {e['label']!r} {e['types']} {e.get('wikidata') or '-'}"
              f" mentions {[m['text'] for m in e.get('mentions', [])]}" for e in export["entities"]]
    lines.append("found statements:")
    lines += [f"  {s.get('id', '?')} by {label.get(s.get('speaker'), 'nobody')!r}: {s['text']!r}"
              for s in export.get("statements", [])]
    lines.append("found relations:")
    lines += [f"  {label[r['subject']]!r} {r['predicate']} {label[r['object']]!r}" for r in export.get("relations", [])]
    lines += [f"  ({label[r['subject']]!r} {r['predicate']} {label[r['object']]!r}: negated, not counted)"
              for r in export.get("negated_relations", [])]
    return "\n".join(lines)


def test_there_are_cases():
    assert len(CASES) >= 4


@pytest.mark.parametrize("name", CASES)
def test_case_is_well_formed(name):
    case = load_case(CASES_DIR / name)
    text = case.text_path.read_text(encoding="utf-8")
    assert text.strip(), f"{case.text_path} is empty"
    for statement in case.gold.statements:  # quotes are verbatim, as in the shared gold
        assert statement.quote in text, f"{name}: quote not in text.txt: {statement.quote!r}"
    assert case.gold.entities or case.exhaustive, f"{name}: expects nothing"


@pytest.mark.slow
@pytest.mark.parametrize("name", CASES)
def test_extraction_finds_what_the_case_expects(name, extractors, snapshot_linker):
    from kgbuild.export import document_json
    from kgbuild.pipeline import link_extraction
    from kgbuild.read import iter_articles

    case = load_case(CASES_DIR / name)
    [article] = iter_articles([case.text_path], lang=case.gold.lang)
    article = replace(article, id=case.name, date=case.date)
    extractor = extractors(case.gold.lang or "fr")
    export = document_json(link_extraction(extractor.extract(article), snapshot_linker))
    problems = case_problems(case, export)
    if problems:
        pytest.fail(f"extraction case {name} ({CASES_DIR / name}):\n  " + "\n  ".join(problems)
                    + "\n\n" + describe_export(export), pytrace=False)


# -- the comparison itself, on a hand-made export (no model) ---------------------------------


def test_a_failing_case_names_what_is_missing_and_unexpected(tmp_path):
    folder = tmp_path / "demo"
    folder.mkdir()
    (folder / "text.txt").write_text("La Pologne livre des chars à l'Ukraine, a déclaré Varsovie.", encoding="utf-8")
    (folder / "expected.json").write_text(json.dumps({
        "doc": {"id": "demo", "lang": "fr"},
        "exhaustive": ["relations"],
        "entities": [
            {"key": "Q36", "label": "Pologne", "types": ["Actor"], "wikidata": "Q36", "aliases": ["Varsovie"]},
            {"key": "Q212", "label": "Ukraine", "types": ["Actor"], "wikidata": "Q212"},
            {"key": "char", "label": "char", "types": ["Weapon"], "aliases": ["chars"]},
        ],
        "statements": [{"speaker": "Q36", "quote": "La Pologne livre des chars à l'Ukraine"}],
        "relations": [{"subject": "Q36", "predicate": "suppliesTo", "object": "Q212"}],
    }), encoding="utf-8")
    case = load_case(folder)

    def entity(id, label, types, qid=None):
        return {"id": id, "label": label, "types": types, "wikidata": qid, "mentions": [{"text": label}]}

    export = {
        "doc": {"id": "demo"},
        "entities": [entity("e1", "Pologne", ["Actor"], "Q36"), entity("e2", "Ukraine", ["Actor"], "Q212"),
                     entity("e3", "Varsovie", ["Actor"])],
        "statements": [{"id": "s1", "speaker": "e3", "text": "La Pologne livre des chars à l'Ukraine"}],
        "relations": [{"subject": "e2", "predicate": "suppliesTo", "object": "e1"}],
    }
    assert case_problems(case, export) == [
        "missing entity: char 'char'",
        "missing statement: Q36: \"La Pologne livre des chars à l'Ukraine\"",
        "missing relation: Q36 suppliesTo Q212",
        "unexpected relation: 'Ukraine' (= Q212) suppliesTo 'Pologne' (= Q36)",
    ]
    assert "  s1 by 'Varsovie': " in describe_export(export)
    # what the case asks, found: no problem
    export["entities"][2] = entity("e3", "chars", ["Weapon"])
    export["statements"][0]["speaker"] = "e1"
    export["relations"] = [{"subject": "e1", "predicate": "suppliesTo", "object": "e2"}]
    assert case_problems(case, export) == []


def test_a_malformed_case_names_the_file(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "text.txt").write_text("Un texte.", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match="no expected.json"):
        load_case(folder)
    (folder / "expected.json").write_text(json.dumps({
        "doc": {"id": "bad"}, "exhaustive": ["mentions"], "entities": [], "statements": [], "relations": []}))
    with pytest.raises(pytest.fail.Exception, match=r"expected\.json: 'exhaustive' must be a list of entities"):
        load_case(folder)
    (folder / "expected.json").write_text(json.dumps({
        "doc": {"id": "other"}, "entities": [], "statements": [], "relations": []}))
    with pytest.raises(pytest.fail.Exception, match="doc.id is 'other', not the folder name 'bad'"):
        load_case(folder)
