"""Evaluation against gold files: scores computed by hand on small documents."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kgbuild.errors import EvalError
from kgbuild.evaluate import (
    format_report,
    load_exports,
    load_gold,
    run_eval,
    score_documents,
    text_overlap,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED_GOLD = SHARED / "eval" / "gold" / "seed.gold.json"


def gold_file(tmp_path: Path, entities, statements=(), relations=(), doc_id="d1") -> Path:
    path = tmp_path / f"{doc_id}.gold.json"
    data = {
        "doc": {"id": doc_id, "lang": "fr"},
        "entities": list(entities),
        "statements": list(statements),
        "relations": list(relations),
    }
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def gent(key, label, types=("Actor",), wikidata=None, aliases=(), optional=False):
    return {"key": key, "label": label, "types": list(types), "wikidata": wikidata,
            "aliases": list(aliases), "optional": optional}


def xent(id, label, types=("Actor",), wikidata=None, mentions=()):
    return {"id": id, "label": label, "types": list(types), "kind": "Thing", "wikidata": wikidata,
            "confidence": 0.9, "mentions": [{"text": m, "start": 0, "end": len(m)} for m in mentions]}


def export(entities, statements=(), relations=(), doc_id="d1"):
    return {"doc": {"id": doc_id, "lang": "fr"}, "entities": list(entities),
            "statements": list(statements), "relations": list(relations)}


def score_one(tmp_path, gold_entities, exported_entities, gold_statements=(), exported_statements=(),
              gold_relations=(), exported_relations=()):
    gold = load_gold(gold_file(tmp_path, gold_entities, gold_statements, gold_relations))
    report = score_documents([gold], [export(exported_entities, exported_statements, exported_relations)])
    [doc] = report.documents
    return doc


GOLD_ENTITIES = [
    gent("Q142", "France", ("Actor", "Region"), "Q142", ["Paris"]),
    gent("Q183", "Allemagne", ("Actor",), "Q183", ["Berlin", "allemand"]),
    gent("Dupont", "Marie Dupont", aliases=["Dupont", "ministre de la Culture"]),
    gent("AFP", "Agence France-Presse", aliases=["AFP"], optional=True),
]


# -- entities ----------------------------------------------------------------------------


def test_two_of_three_entities_with_types_and_links(tmp_path):
    exported = [
        xent("e1", "France", ("Actor",), "Q142"),
        xent("e2", "l’Allemagne", ("Actor", "Region")),  # no QID: found by label, link wrong
        xent("e3", "Marseille", ("Region",), "Q23482"),  # not in the gold
        xent("e4", "AFP"),  # only optional gold: left out of precision
    ]
    doc = score_one(tmp_path, GOLD_ENTITIES, exported)
    e = doc.entities
    assert (e.matched, e.exported, e.gold) == (2, 3, 3)
    assert e.precision == pytest.approx(2 / 3) and e.recall == pytest.approx(2 / 3)
    assert e.f1 == pytest.approx(2 / 3)
    # typed: France/Actor, Allemagne/Actor right; exported pairs 1 + 2 + 1; gold pairs 2 + 1 + 1
    t = doc.typed
    assert (t.matched, t.exported, t.gold) == (2, 4, 4)
    assert t.precision == pytest.approx(0.5) and t.recall == pytest.approx(0.5)
    # linking: France right, Allemagne unlinked
    assert (doc.linking.correct, doc.linking.total) == (1, 2)
    assert doc.linking.value == pytest.approx(0.5)
    assert doc.missed["entities"] == ("Dupont 'Marie Dupont'",)
    assert doc.spurious["entities"] == ("e3 'Marseille'",)
    assert doc.missed["links"] == ("Q183 'Allemagne': e2 'l’Allemagne' has no QID",)


def test_unlinked_entity_matches_by_mention_text_and_alias(tmp_path):
    exported = [
        xent("e1", "la ministre", mentions=["la ministre", "Mme Dupont"]),  # no name match
        xent("e2", "gouvernement", mentions=["Berlin"]),  # mention = alias of Allemagne
        xent("e3", "Dupont"),  # label = alias of Marie Dupont
    ]
    doc = score_one(tmp_path, GOLD_ENTITIES, exported)
    assert (doc.entities.matched, doc.entities.exported, doc.entities.gold) == (2, 3, 3)
    assert doc.missed["entities"] == ("Q142 'France'",)
    assert doc.spurious["entities"] == ("e1 'la ministre'",)


def test_wrong_qid_still_matches_by_name_but_counts_as_a_wrong_link(tmp_path):
    doc = score_one(tmp_path, GOLD_ENTITIES, [xent("e1", "France", wikidata="Q90")])
    assert doc.entities.matched == 1
    assert (doc.linking.correct, doc.linking.total) == (0, 1)


def test_an_exported_wikidata_value_must_be_a_qid(tmp_path):
    path = tmp_path / "iri.json"
    path.write_text(json.dumps(export([xent("e1", "Hexagone", wikidata="http://www.wikidata.org/entity/Q142")])))
    with pytest.raises(EvalError, match=r"iri\.json: entities\[0\]: 'wikidata' must be a QID"):
        load_exports(path)


@pytest.mark.parametrize(
    ("gold_label", "exported_label"),
    [
        ("États-Unis", "Etats-Unis"),  # accents
        ("Otan", "l’Otan"),  # typographic elision
        ("Otan", "L'OTAN"),  # case and ASCII elision
        ("Verts", "les Verts"),  # French article
        ("New York Times", "The New York Times"),  # English article
        ("Union européenne", "  union   EUROPEENNE "),  # spaces
    ],
)
def test_names_are_compared_after_normalisation(tmp_path, gold_label, exported_label):
    doc = score_one(tmp_path, [gent("k", gold_label)], [xent("e1", exported_label)])
    assert doc.entities.matched == 1


def test_different_names_do_not_match(tmp_path):
    doc = score_one(tmp_path, [gent("k", "Autriche")], [xent("e1", "Australie")])
    assert (doc.entities.matched, doc.entities.exported, doc.entities.gold) == (0, 1, 1)
    assert doc.entities.f1 == 0.0


def test_each_gold_entity_matches_one_exported_entity(tmp_path):
    gold = [gent("Q159", "Russie", ("Actor", "Region"), "Q159", ["Moscou"])]
    exported = [xent("e1", "Russie", wikidata="Q159"), xent("e2", "Russie"), xent("e3", "Moscou")]
    doc = score_one(tmp_path, gold, exported)
    assert (doc.entities.matched, doc.entities.exported, doc.entities.gold) == (1, 3, 1)
    assert doc.entities.precision == pytest.approx(1 / 3) and doc.entities.recall == 1.0
    assert doc.spurious["entities"] == ("e2 'Russie'", "e3 'Moscou'")


def test_qid_match_wins_over_an_earlier_name_match(tmp_path):
    gold = [gent("Q159", "Russie", wikidata="Q159")]
    exported = [xent("e1", "Russie", wikidata="Q2184"), xent("e2", "Fédération de Russie", wikidata="Q159")]
    doc = score_one(tmp_path, gold, exported)
    assert doc.linking.correct == 1
    assert doc.spurious["entities"] == ("e1 'Russie'",)


def test_labels_pair_before_aliases_whatever_the_types(tmp_path):
    gold = [
        gent("Q30", "États-Unis", ("Actor",), "Q30", ["Washington"]),
        gent("Q61", "Washington", ("Region",), "Q61", optional=True),
    ]
    # "Washington" is the label of the (optional) city and an alias of the state: the label wins
    doc = score_one(tmp_path, gold, [xent("e1", "Washington", ("Actor",))])
    assert (doc.entities.matched, doc.entities.exported, doc.entities.gold) == (0, 0, 1)
    assert (doc.entities.precision, doc.entities.recall) == (0.0, 0.0)
    # a second "Washington" finds the city taken and pairs with the state by its alias
    doc = score_one(tmp_path, gold, [xent("e1", "Washington", ("Region",)), xent("e2", "Washington")])
    assert (doc.entities.matched, doc.entities.exported, doc.entities.gold) == (1, 1, 1)


def test_optional_gold_is_neither_rewarded_nor_penalised(tmp_path):
    base = [xent("e1", "France", wikidata="Q142")]
    without = score_one(tmp_path, GOLD_ENTITIES, base)
    with_optional = score_one(tmp_path, GOLD_ENTITIES, base + [xent("e2", "Agence France-Presse")])
    assert without.entities == with_optional.entities
    assert without.typed == with_optional.typed
    assert (without.entities.matched, without.entities.exported, without.entities.gold) == (1, 1, 3)
    # a second copy of the optional entity finds it taken: an error like any unpaired entity
    twice = score_one(tmp_path, GOLD_ENTITIES, base + [xent("e2", "AFP"), xent("e3", "AFP")])
    assert (twice.entities.matched, twice.entities.exported) == (1, 2)
    assert twice.spurious["entities"] == ("e3 'AFP'",)


# -- statements --------------------------------------------------------------------------

SPEAKERS = [
    gent("Q183", "Allemagne", wikidata="Q183", aliases=["Berlin"]),
    gent("Q142", "France", wikidata="Q142"),
    gent("porte-parole", "porte-parole", optional=True),
]
QUOTE = "nous livrerons des chars au printemps"


def statement(id, speaker, text):
    return {"id": id, "speaker": speaker, "text": text, "direct": True, "cue": "a dit", "start": 0, "end": len(text)}


def test_text_overlap_rules():
    assert text_overlap("« Nous livrerons des chars au printemps. »", QUOTE)  # same after normalisation
    assert text_overlap("livrerons des chars", QUOTE)  # contained
    assert text_overlap("rons des chars au print", QUOTE)  # contained, even inside words (as score.py)
    # {nous, livrerons, des, chars, en, automne} vs {nous, livrerons, des, chars, au, printemps}: 4 / 8
    assert text_overlap("nous livrerons des chars en automne", QUOTE)
    # {nous, livrerons, des, avions, en, automne, prochain} vs the quote: 3 / 10
    assert not text_overlap("nous livrerons des avions en automne prochain", QUOTE)
    assert not text_overlap("", QUOTE) and not text_overlap("« »", QUOTE)


def test_statements_need_the_speaker_and_overlapping_text(tmp_path):
    gold_statements = [
        {"speaker": "Q183", "quote": QUOTE},
        {"speaker": "Q142", "quote": "la décision appartient au conseil"},
        {"speaker": "Q142", "quote": "nous attendrons la fin des discussions"},
        {"speaker": "porte-parole", "quote": "le calendrier reste ouvert", "optional": True},
    ]
    exported_entities = [xent("e1", "Berlin"), xent("e2", "France", wikidata="Q142"), xent("e3", "porte-parole")]
    exported_statements = [
        statement("s1", "e1", "Nous livrerons des chars en automne"),  # Jaccard 0.5: a match
        statement("s2", "e1", "la décision appartient au conseil"),  # right text, wrong speaker
        statement("s3", None, "nous attendrons la fin des discussions"),  # no speaker
        statement("s4", "e3", "le calendrier reste ouvert"),  # optional gold: left out
    ]
    doc = score_one(tmp_path, SPEAKERS, exported_entities, gold_statements, exported_statements)
    s = doc.statements
    assert (s.matched, s.exported, s.gold) == (1, 3, 3)
    assert s.precision == pytest.approx(1 / 3) and s.recall == pytest.approx(1 / 3)
    assert len(doc.missed["statements"]) == 2
    assert doc.spurious["statements"][0] == "s2 by 'Berlin' (= Q183): 'la décision appartient au conseil'"


def test_a_gold_statement_with_no_speaker_pairs_with_one_whose_speaker_is_unknown(tmp_path):
    # as score.py reads it: a null gold speaker equals an exported speaker that is null or pairs
    # with no gold entity; a speaker paired with a gold entity is another speaker
    gold_statements = [
        {"speaker": None, "quote": "aucun blessé n'a été signalé"},
        {"speaker": None, "quote": "les routes restent fermées"},
        {"speaker": None, "quote": "la frontière est rouverte"},
    ]
    exported_entities = [xent("e1", "Allemagne"), xent("e2", "un témoin")]
    exported_statements = [
        statement("s1", None, "aucun blessé n'a été signalé"),
        statement("s2", "e2", "les routes restent fermées"),  # 'un témoin' pairs with no gold entity
        statement("s3", "e1", "la frontière est rouverte"),  # Germany is a gold entity: not unknown
    ]
    doc = score_one(tmp_path, SPEAKERS, exported_entities, gold_statements, exported_statements)
    assert (doc.statements.matched, doc.statements.exported, doc.statements.gold) == (2, 3, 3)


def test_each_gold_statement_matches_one_exported_statement(tmp_path):
    exported_statements = [
        statement("s1", "e1", "livrerons des chars"),
        statement("s2", "e1", "« nous livrerons des chars au printemps »"),
    ]
    doc = score_one(tmp_path, SPEAKERS, [xent("e1", "Allemagne")], [{"speaker": "Q183", "quote": QUOTE}],
                    exported_statements)
    assert (doc.statements.matched, doc.statements.exported, doc.statements.gold) == (1, 2, 1)


def test_a_second_entity_of_the_speaker_does_not_speak_for_the_gold_speaker(tmp_path):
    # as in dev 44_fr: "George Bush" (linked) and "M. Bush" (a second entity) for one gold person
    gold = [gent("Q207", "George W. Bush", wikidata="Q207", aliases=["George Bush", "Bush", "M. Bush"]),
            gent("Musharraf", "Pervez Musharraf", aliases=["M. Musharraf"])]
    exported = [xent("e1", "George Bush", wikidata="Q207"), xent("e2", "M. Musharraf"), xent("e3", "M. Bush")]
    gold_statements = [{"speaker": "Q207", "quote": QUOTE}, {"speaker": "Musharraf", "quote": "le pays tiendra"}]
    said = [statement("s1", "e3", QUOTE), statement("s2", "e2", "le pays tiendra")]
    doc = score_one(tmp_path, gold, exported, gold_statements, said)
    assert (doc.entities.matched, doc.entities.exported, doc.entities.gold) == (2, 3, 2)
    assert doc.spurious["entities"] == ("e3 'M. Bush'",)
    assert (doc.statements.matched, doc.statements.exported, doc.statements.gold) == (1, 2, 2)
    assert doc.spurious["statements"] == (f"s1 by 'M. Bush' (unpaired): {QUOTE!r}",)
    assert doc.missed["statements"] == (f"Q207: {QUOTE!r}",)
    # the same statement by the paired entity counts
    said[0] = statement("s1", "e1", QUOTE)
    doc = score_one(tmp_path, gold, exported, gold_statements, said)
    assert (doc.statements.matched, doc.statements.exported, doc.statements.gold) == (2, 2, 2)


def test_relations_hold_only_between_paired_entities(tmp_path):
    gold = [gent("Q183", "Allemagne", wikidata="Q183", aliases=["Berlin"]),
            gent("Taurus", "Taurus", ("Weapon",), aliases=["missiles Taurus"])]
    exported = [xent("e1", "Allemagne", wikidata="Q183"), xent("e2", "Berlin"), xent("e3", "Taurus", ("Weapon",))]
    gold_relations = [{"subject": "Q183", "predicate": "supplies", "object": "Taurus"}]
    by_second = score_one(tmp_path, gold, exported, gold_relations=gold_relations,
                          exported_relations=[relation("e2", "supplies", "e3")])
    assert (by_second.relations.matched, by_second.relations.exported) == (0, 1)
    assert by_second.spurious["relations"] == ("'Berlin' (unpaired) supplies 'Taurus' (= Taurus)",)
    by_paired = score_one(tmp_path, gold, exported, gold_relations=gold_relations,
                          exported_relations=[relation("e1", "supplies", "e3")])
    assert (by_paired.relations.matched, by_paired.relations.exported) == (1, 1)


def test_a_matched_entity_speaks_only_for_its_own_gold_entity(tmp_path):
    gold = [gent("Q183", "Allemagne", wikidata="Q183", aliases=["Berlin"]), gent("Q64", "Berlin", ("Region",), "Q64")]
    exported = [xent("e1", "Berlin", ("Actor",)), xent("e2", "Berlin", ("Region",), "Q64")]
    quote = "la ville rénovera ses ponts"
    doc = score_one(tmp_path, gold, exported, [{"speaker": "Q64", "quote": quote}], [statement("s1", "e1", quote)])
    assert doc.entities.matched == 2  # e2 is the city (QID), e1 Germany (alias)
    assert (doc.statements.matched, doc.statements.exported) == (0, 1)


# -- relations ----------------------------------------------------------------------------


def relation(subject, predicate, obj):
    return {"subject": subject, "predicate": predicate, "object": obj, "start": 0, "end": 9, "confidence": 0.7}


def test_relations_match_on_subject_predicate_object(tmp_path):
    gold_entities = [
        gent("Q183", "Allemagne", wikidata="Q183"),
        gent("Q212", "Ukraine", ("Actor", "Region"), "Q212", ["Kiev"]),
        gent("Taurus", "Taurus", ("Weapon",), aliases=["missiles Taurus"]),
        gent("Q142", "France", wikidata="Q142"),
    ]
    gold_relations = [
        {"subject": "Q183", "predicate": "suppliesTo", "object": "Q212"},
        {"subject": "Q183", "predicate": "supplies", "object": "Taurus"},
        {"subject": "Q142", "predicate": "supports", "object": "Q212", "optional": True},
    ]
    exported_entities = [
        xent("e1", "Allemagne", wikidata="Q183"),
        xent("e2", "Kiev"),
        xent("e3", "missiles Taurus", ("Weapon",)),
        xent("e4", "France", wikidata="Q142"),
    ]
    exported_relations = [
        relation("e1", "suppliesTo", "e2"),  # right
        relation("e1", "suppliesTo", "e2"),  # same triple again: counted once
        relation("e2", "supplies", "e3"),  # wrong subject
        relation("e4", "supports", "e2"),  # optional gold: left out
    ]
    doc = score_one(tmp_path, gold_entities, exported_entities, gold_relations=gold_relations,
                    exported_relations=exported_relations)
    r = doc.relations
    assert (r.matched, r.exported, r.gold) == (1, 2, 2)
    assert r.precision == pytest.approx(0.5) and r.recall == pytest.approx(0.5)
    assert r.f1 == pytest.approx(0.5)
    assert doc.missed["relations"] == ("Q183 supplies Taurus",)
    assert doc.spurious["relations"] == ("'Kiev' (= Q212) supplies 'missiles Taurus' (= Taurus)",)


# -- several documents, reports ---------------------------------------------------------------


def test_micro_average_sums_counts_and_a_missing_document_scores_zero(tmp_path):
    gold_a = load_gold(gold_file(tmp_path, GOLD_ENTITIES, doc_id="a"))
    gold_b = load_gold(gold_file(tmp_path, [gent("k", "Pologne")], doc_id="b"))
    gold_c = load_gold(gold_file(tmp_path, [gent("k", "Italie")], doc_id="c"))
    exports = [
        export([xent("e1", "Pologne")], doc_id="b"),
        export([xent("e1", "France"), xent("e2", "Marseille")], doc_id="a"),
        export([xent("e1", "Suède")], doc_id="z"),  # no gold: ignored
    ]
    report = score_documents([gold_a, gold_b, gold_c], exports)
    a, b, c = report.documents
    assert (a.entities.matched, a.entities.exported, a.entities.gold) == (1, 2, 3)
    assert (b.entities.matched, b.entities.exported, b.entities.gold) == (1, 1, 1)
    assert not c.found and (c.entities.matched, c.entities.exported, c.entities.gold) == (0, 0, 1)
    micro = report.micro
    assert (micro.entities.matched, micro.entities.exported, micro.entities.gold) == (2, 3, 5)
    assert micro.entities.precision == pytest.approx(2 / 3) and micro.entities.recall == pytest.approx(2 / 5)
    table = format_report(report)
    assert table.splitlines()[0].split() == ["document", "part", "P", "R", "F1", "counts"]
    assert "c                (no exported document has this id" in table
    assert "micro (3)        entities     0.667  0.400  0.500   2 matched / 3 exported / 5 gold" in table
    data = report.to_dict()
    assert [d["id"] for d in data["documents"]] == ["a", "b", "c"]
    assert data["micro"]["entities"]["f1"] == pytest.approx(0.5)
    assert data["micro"]["documents"] == 3
    assert data["documents"][2]["found"] is False


def test_empty_cases_score_as_the_reference_does(tmp_path):
    gold = load_gold(gold_file(tmp_path, [gent("k", "Italie")]))
    said = [statement("s1", "e1", "un texte")]
    [doc] = score_documents([gold], [export([xent("e1", "Italie")], said)]).documents
    # nothing in the gold, nothing exported: 1.0 everywhere
    r = doc.relations
    assert (r.matched, r.exported, r.gold) == (0, 0, 0)
    assert (r.precision, r.recall, r.f1) == (1.0, 1.0, 1.0)
    # exported but nothing in the gold: precision 0, recall 1, F1 0
    s = doc.statements
    assert (s.matched, s.exported, s.gold) == (0, 1, 0)
    assert (s.precision, s.recall, s.f1) == (0.0, 1.0, 0.0)
    # no gold QID to check: linking accuracy 0
    assert (doc.linking.correct, doc.linking.total, doc.linking.value) == (0, 0, 0.0)
    # gold but nothing exported: 0 everywhere
    [doc] = score_documents([gold], [export([])]).documents
    assert (doc.entities.precision, doc.entities.recall, doc.entities.f1) == (0.0, 0.0, 0.0)
    table = format_report(score_documents([gold], [export([xent("e1", "Italie")])]))
    assert "relations    1.000  1.000  1.000   0 matched / 0 exported / 0 gold" in table


def test_duplicate_ids_are_errors(tmp_path):
    gold = load_gold(gold_file(tmp_path, [gent("k", "Italie")]))
    with pytest.raises(EvalError, match="exported documents 1 and 2 both stand for document 'd1'"):
        score_documents([gold], [export([]), export([])])
    with pytest.raises(EvalError, match="document id .d1. is also in gold file"):
        score_documents([gold, gold], [export([])])


# -- the real gold --------------------------------------------------------------------------


def perfect_export(gold, with_optional: bool) -> dict:
    """A document JSON that holds exactly the gold: every score must be 1."""
    ids = {e.key: f"e{i}" for i, e in enumerate(gold.entities)}
    keep = {e.key for e in gold.entities if with_optional or not e.optional}
    entities = [
        xent(ids[e.key], e.label, e.types, e.wikidata, [e.label, *e.aliases]) for e in gold.entities if e.key in keep
    ]
    statements = [
        statement(f"s{i}", ids[s.speaker], s.quote)
        for i, s in enumerate(gold.statements)
        if (with_optional or not s.optional) and s.speaker in keep
    ]
    relations = [
        relation(ids[r.subject], r.predicate, ids[r.object])
        for r in gold.relations
        if (with_optional or not r.optional) and {r.subject, r.object} <= keep
    ]
    return export(entities, statements, relations, doc_id=gold.id)


@pytest.mark.parametrize("with_optional", [False, True])
def test_seed_gold_loads_and_a_perfect_export_scores_one(with_optional):
    gold = load_gold(SEED_GOLD)
    assert gold.id == "seed"
    assert len(gold.entities) == 40 and len(gold.statements) == 16 and len(gold.relations) == 16
    assert gold.text_file.resolve() == (SHARED / "corpus" / "seed.fr.txt").resolve() and gold.text_file.exists()
    [doc] = score_documents([gold], [perfect_export(gold, with_optional)]).documents
    for part in (doc.entities, doc.typed, doc.statements, doc.relations):
        assert (part.precision, part.recall, part.f1) == (1.0, 1.0, 1.0)
    assert doc.linking.value == 1.0
    assert doc.entities.gold == sum(1 for e in gold.entities if not e.optional)


def test_run_eval_on_the_seed_gold_as_table_and_json(tmp_path):
    gold = load_gold(SEED_GOLD)
    perfect = perfect_export(gold, with_optional=False)
    perfect["entities"] = perfect["entities"][1:]  # drop États-Unis and what hangs on it
    perfect["statements"] = [s for s in perfect["statements"] if s["speaker"] != "e0"]
    perfect["relations"] = [r for r in perfect["relations"] if "e0" not in (r["subject"], r["object"])]
    path = tmp_path / "seed.jsonl"
    path.write_text(json.dumps(perfect, ensure_ascii=False) + "\n", encoding="utf-8")
    table = run_eval([SEED_GOLD], path)
    assert "seed             entities     1.000  0.958  0.979   23 matched / 23 exported / 24 gold" in table
    data = json.loads(run_eval([SEED_GOLD], path, as_json=True))
    seed = data["documents"][0]
    assert seed["missed"]["entities"] == ["Q30 'États-Unis'"]
    assert seed["relations"]["recall"] == pytest.approx(8 / 11)


# -- bad gold and export files -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "invalid JSON"),
        ('{"doc": {"id": "d"}, "statements": [], "relations": []}', "missing 'entities'"),
        ('{"doc": {}, "entities": [], "statements": [], "relations": []}', "doc: missing 'id'"),
        (
            '{"doc": {"id": "d"}, "entities": [{"key": "k", "label": "L", "types": ["Place"]}], '
            '"statements": [], "relations": []}',
            "entities[0] ('k'): 'types' must be a non-empty list of Actor, Weapon, Region",
        ),
        (
            '{"doc": {"id": "d"}, "entities": [{"key": "k", "label": "L", "types": ["Actor"], "wikidata": "30"}], '
            '"statements": [], "relations": []}',
            "'wikidata' must be a QID or null, got '30'",
        ),
        (
            '{"doc": {"id": "d"}, "entities": [{"key": "k", "label": "L", "types": ["Actor"]}], '
            '"statements": [{"speaker": "x", "quote": "q"}], "relations": []}',
            "statements[0]: speaker 'x' is not an entity key",
        ),
        (
            '{"doc": {"id": "d"}, "entities": [{"key": "k", "label": "L", "types": ["Actor"]}], '
            '"statements": [], "relations": [{"subject": "k", "predicate": "likes", "object": "k"}]}',
            "relations[0]: unknown predicate 'likes'",
        ),
        (
            '{"doc": {"id": "d"}, "entities": [{"key": "k", "label": "L", "types": ["Actor"]}, '
            '{"key": "k", "label": "M", "types": ["Actor"]}], "statements": [], "relations": []}',
            "entities: duplicate key 'k'",
        ),
    ],
)
def test_bad_gold_file_names_the_file_and_the_problem(tmp_path, content, problem):
    path = tmp_path / "bad.gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EvalError) as caught:
        load_gold(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert problem in str(caught.value)


def test_missing_gold_file(tmp_path):
    with pytest.raises(EvalError, match=r"absent\.json: no such file"):
        load_gold(tmp_path / "absent.json")


def test_exports_load_from_json_object_list_and_jsonl(tmp_path):
    one, two = export([xent("e1", "France")], doc_id="a"), export([], doc_id="b")
    (tmp_path / "one.json").write_text(json.dumps(one), encoding="utf-8")
    (tmp_path / "list.json").write_text(json.dumps([one, two]), encoding="utf-8")
    (tmp_path / "docs.jsonl").write_text(json.dumps(one) + "\n\n" + json.dumps(two) + "\n", encoding="utf-8")
    assert load_exports(tmp_path / "one.json") == [one]
    assert load_exports(tmp_path / "list.json") == [one, two]
    assert load_exports(tmp_path / "docs.jsonl") == [one, two]


def test_bad_exports_name_the_file_line_and_problem(tmp_path):
    good = json.dumps(export([xent("e1", "France")]))
    path = tmp_path / "docs.jsonl"
    path.write_text(good + "\n{oops\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r"docs\.jsonl: line 2: invalid JSON"):
        load_exports(path)
    no_label = export([{"id": "e1", "types": ["Actor"]}])
    path.write_text(good + "\n" + json.dumps(no_label) + "\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r"docs\.jsonl: line 2: entities\[0\]: missing 'label'"):
        load_exports(path)
    twins = export([xent("e1", "France"), xent("e1", "Italie")])
    (tmp_path / "twins.json").write_text(json.dumps(twins), encoding="utf-8")
    with pytest.raises(EvalError, match=r"twins\.json: entities\[1\]: duplicate entity id 'e1'"):
        load_exports(tmp_path / "twins.json")
    ghost = export([xent("e1", "France")], [statement("s1", "e9", "un texte")])
    (tmp_path / "ghost.json").write_text(json.dumps(ghost), encoding="utf-8")
    with pytest.raises(EvalError, match=r"ghost\.json: statements\[0\]: speaker 'e9' is not an entity id"):
        load_exports(tmp_path / "ghost.json")


def test_an_export_pairs_with_its_gold_document_by_source_stem_failing_the_id(tmp_path):
    gold = load_gold(gold_file(tmp_path, [gent("k", "Italie")], doc_id="31_fr"))
    exported = export([xent("e1", "Italie")], doc_id="text-1")
    exported["doc"]["source"] = "articles/31_fr.txt"
    [doc] = score_documents([gold], [exported]).documents
    assert doc.found and doc.entities.matched == 1


# -- the reference scorer (shared/eval/score.py) on the dev set ---------------------------------

SCORE_PY_KEYS = {  # score.py --json name -> (part, figure) of EvalReport.to_dict()
    "entity_p": ("entities", "precision"), "entity_r": ("entities", "recall"), "entity_f1": ("entities", "f1"),
    "typed_f1": ("typed", "f1"), "linking_acc": ("linking", "accuracy"),
    "statement_p": ("statements", "precision"), "statement_r": ("statements", "recall"),
    "statement_f1": ("statements", "f1"),
    "relation_p": ("relations", "precision"), "relation_r": ("relations", "recall"), "relation_f1": ("relations", "f1"),
}


@pytest.fixture(scope="module")
def dev_export(shared_dir, extractor, snapshot_linker, tmp_path_factory) -> Path:
    """The dev set built once with the real model and the snapshot linker, as JSON Lines."""
    from dataclasses import replace

    from kgbuild.export import document_json
    from kgbuild.pipeline import link_extraction
    from kgbuild.read import iter_articles

    lines = []
    for text in sorted((shared_dir / "eval" / "dev" / "texts").glob("*.txt")):
        meta = json.loads(text.with_suffix(".json").read_text(encoding="utf-8"))
        [article] = iter_articles([text])
        article = replace(article, id=text.stem, date=meta.get("date"), title=meta.get("title"))
        extraction = link_extraction(extractor.extract(article), snapshot_linker)
        lines.append(json.dumps(document_json(extraction), ensure_ascii=False))
    path = tmp_path_factory.mktemp("dev") / "dev.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_kgbuild_eval_gives_the_figures_of_the_reference_scorer_on_the_dev_set(shared_dir, dev_export):
    dev = shared_dir / "eval" / "dev"
    reference = json.loads(subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score.py"), str(dev), str(dev_export), "--json"],
        capture_output=True, text=True, check=True).stdout)
    ours = json.loads(run_eval(sorted(dev.glob("*.gold.json")), dev_export, as_json=True))
    assert reference["missing"] == [] and len(reference["docs"]) == 15

    def figures(scores: dict) -> dict:
        return {name: scores[part]["accuracy" if part == "linking" else figure]
                for name, (part, figure) in SCORE_PY_KEYS.items()}

    assert {d["id"]: figures(d) for d in ours["documents"]} == reference["docs"]
    assert figures(ours["micro"]) == reference["micro"]
