"""The knowledge-base build (`kgbuild kb build`) and the snapshot API (lookup, office holders)."""

from __future__ import annotations

import bz2
import csv
import datetime
import gzip
import json
import shutil
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDFS

from kgbuild.cli import main
from kgbuild.errors import KBError
from kgbuild.kb import ADDITIONS_DIR, KB_DIR, NTRIPLES_FILE, SNAPSHOT_FILE, build_snapshot, check_unique_qids
from kgbuild.link import load_snapshot
from kgbuild.kb.dump import iter_dump_entities
from kgbuild.kb.reader import Snapshot, read_snapshot_rows
from kgbuild.kb.vocab import CLASS_KINDS, GENDER_QIDS, KIND_CLASSES, OFFICE_CLASSES, PQ, WD, WDT

FIX = Path(__file__).parent / "fixtures" / "kb"
SOURCES = FIX / "sources"
ADDITIONS = FIX / "additions"
DUMP = FIX / "dump" / "wikidata-sample.json"


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    out = tmp_path_factory.mktemp("tinykb")
    report = build_snapshot(SOURCES, ADDITIONS, out)
    return report, out, load_snapshot(out / SNAPSHOT_FILE)


@pytest.fixture(scope="module")
def shipped() -> Snapshot:
    return load_snapshot()


@pytest.fixture(scope="module")
def shared_sources(shared_dir) -> Path:
    return shared_dir / "wikidata-sources"


def _copy_additions(tmp_path: Path) -> Path:
    target = tmp_path / "additions"
    shutil.copytree(ADDITIONS, target)
    return target


# -- the build ----------------------------------------------------------------------------


def test_report_counts_entries_per_kind_and_source(tiny):
    report, out, kb = tiny
    assert report.entries == len(kb) == sum(c["qid"] + c["local"] for c in report.per_kind.values())
    assert report.per_kind["Country"] == {"qid": 2, "local": 0}  # Russia and Ukraine
    assert report.per_kind["WeaponSystem"] == {"qid": 0, "local": 1}  # ATACMS, no QID
    assert set(report.per_source) >= {"dr5hn", "natural-earth", "partyfacts", "opensanctions-igo",
                                      "us-congress", "additions"}
    saved = json.loads((out / "BUILD.json").read_text(encoding="utf-8"))
    assert saved["per_kind"] == report.per_kind
    assert "per kind" in report.to_text() and "AdministrativeRegion" in report.to_text()


def test_russian_oblast_rows_get_the_oblast_name_not_the_capitals(tiny):
    kb = tiny[2]
    oblast = kb.get("Q3178")
    assert oblast.kind == "AdministrativeRegion"
    assert oblast.labels["en"] == "Kursk Oblast" and oblast.labels["fr"] == "oblast de Koursk"
    assert "Q3178" not in [e.key for e in kb.lookup("Kursk")]
    assert kb.get("Q1697").labels["en"] == "Moscow Oblast"  # Moscow's oblast row, not the city
    assert kb.get("Q649").kind == "City"


def test_rows_sharing_a_qid_lose_it_and_refuted_qids_never_appear(tiny):
    report, _out, kb = tiny
    loire = [e for e in kb.entries if e.labels.get("en") in ("Loire", "Pays-de-la-Loire")]
    assert len(loire) == 2 and all(e.qid is None and e.key.startswith("kb:") for e in loire)
    assert report.dropped["dr5hn subdivision QID shared with another row"] == 3  # Loire twice, Huesca
    assert all(e.qid != "Q517568" for e in kb.entries)  # refuted in verified_qids.csv


def test_a_qid_a_province_shares_with_its_parent_community_stays_the_communitys(tiny):
    _report, _out, kb = tiny
    aragon = kb.get("Q4040")
    assert aragon is not None and aragon.labels["en"] == "Aragon"
    huesca = [e for e in kb.entries if e.labels.get("en") == "Huesca"]
    assert len(huesca) == 1 and huesca[0].qid is None  # kept for recognition, without the QID


def test_entities_without_qid_are_kept_with_a_local_key(tiny):
    kb = tiny[2]
    atacms = kb.lookup("ATACMS")[0]
    assert atacms.qid is None and atacms.key == "kb:atacms" and atacms.types == ("Weapon",)
    peskov = kb.lookup("Peskov")[0]
    assert peskov.qid is None and peskov.positions[0][:2] == ("spokesperson", "Q159")


def test_qids_are_unique_per_kind():
    rows = [{"k": "Q1", "q": "Q1", "t": "City"}, {"k": "kb:x", "q": "Q1", "t": "City"},
            {"k": "Q2", "q": "Q2", "t": "Person"}]
    assert check_unique_qids(rows) == {"City:Q1": ["Q1", "kb:x"]}


def test_ntriples_are_wikidata_shaped(tiny):
    out = tiny[1]
    g = Graph()
    with gzip.open(out / NTRIPLES_FILE, "rt", encoding="utf-8") as fh:
        g.parse(data=fh.read(), format="nt")
    assert (WD.Q3178, RDFS.label, Literal("oblast de Koursk", lang="fr")) in g
    assert (WD.Q7747, WDT.P31, WD.Q5) in g
    assert (WD.Q7747, WDT.P27, WD.Q159) in g
    assert (WD.Q649, WDT.P1376, WD.Q159) in g  # Moscow is the capital of Russia
    starts = {str(o)[:10] for o in g.objects(None, PQ.P580)}
    assert "2012-05-07" in starts  # Putin's second presidency


def test_licences_travel_with_the_snapshot(tiny):
    report, out, _kb = tiny
    assert "ODbL" in report.licences["dr5hn"]
    assert (out / "licences" / "dr5hn-LICENSE_NOTE.txt").exists()
    assert read_snapshot_rows(out / SNAPSHOT_FILE)[0]["licences"]["dr5hn"] == "ODbL-1.0"


def test_a_guessed_qid_in_the_additions_is_refused(tmp_path):
    additions = _copy_additions(tmp_path)
    with (additions / "entities.csv").open("a", encoding="utf-8") as fh:
        fh.write("Q99999999,Q99999999,Organization,Agence X,Agency X,Agentur X,,,,,,,,0.5,a guess\n")
    with pytest.raises(KBError, match="Q99999999.*never guess"):
        build_snapshot(SOURCES, additions, tmp_path / "out")


def test_a_qid_a_source_note_shows_after_the_name_is_taken_and_not_for_another_name(tmp_path):
    # the shared sources' notes name the Islamic State's QID next to it ("Islamic State itself
    # (Q2429253), Hezbollah, ..."): the shipped KB links it; the same QID under a name the
    # note lists after it is a guess
    assert load_snapshot().lookup("État islamique")[0].qid == "Q2429253"
    additions = _copy_additions(tmp_path)
    rows = (additions / "entities.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    rows = [r for r in rows if not r.startswith("Q2429253,")]
    rows.append("Q2429253,Q2429253,Group,Hezbollah,Hezbollah,Hisbollah,,,,,,,,0.5,a misreading of a note\n")
    (additions / "entities.csv").write_text("".join(rows), encoding="utf-8")
    with pytest.raises(KBError, match="Q2429253.*never guess"):
        build_snapshot(SOURCES, additions, tmp_path / "out")


def test_an_addition_without_source_note_names_file_and_line(tmp_path):
    additions = _copy_additions(tmp_path)
    with (additions / "entities.csv").open("a", encoding="utf-8") as fh:
        fh.write("kb:nowhere,,Organization,Nulle part,Nowhere,Nirgendwo,,,,,,,,0.5,\n")
    lines = sum(1 for _ in (additions / "entities.csv").open(encoding="utf-8"))
    with pytest.raises(KBError, match=rf"entities.csv:{lines}: no source note"):
        build_snapshot(SOURCES, additions, tmp_path / "out")


def test_a_position_of_an_unknown_person_is_refused(tmp_path):
    additions = _copy_additions(tmp_path)
    with (additions / "positions.csv").open("a", encoding="utf-8") as fh:
        fh.write("kb:nobody,president,Q159,2000-01-01,,made up\n")
    with pytest.raises(KBError, match="positions.csv.*kb:nobody"):
        build_snapshot(SOURCES, additions, tmp_path / "out")


def test_missing_sources_folder_is_a_clear_error(tmp_path):
    with pytest.raises(KBError, match="verified_qids.csv"):
        build_snapshot(tmp_path / "nowhere", ADDITIONS, tmp_path / "out")


# -- growing from a dump and the CLI ------------------------------------------------------


@pytest.mark.parametrize("compress", [None, "bz2"])
def test_a_wikidata_dump_grows_the_snapshot(tmp_path, compress):
    dump = DUMP
    if compress == "bz2":
        dump = tmp_path / "latest-all.json.bz2"
        dump.write_bytes(bz2.compress(DUMP.read_bytes()))
    report = build_snapshot(SOURCES, ADDITIONS, tmp_path / "out", dumps=[dump])
    kb = load_snapshot(tmp_path / "out" / SNAPSHOT_FILE)
    kursk = kb.get("Q3159")
    assert kursk is not None and kursk.kind == "City" and kursk.labels["fr"] == "Koursk"
    assert kursk.located_in == "Q3178" and kursk.country == "Q159"
    assert kb.get("Q2801").country == "Q159"  # the deprecated P17 claim is ignored
    kim = kb.get("Q56226")
    assert kim.gender == "male" and kim.labels["en"] == "Kim Jong-un"  # from the "mul" label
    assert kb.get("Q127771") is None  # no P31 among the selected classes
    assert report.per_source[f"wikidata dump {dump.name}"] == 3


def test_the_dump_is_read_as_a_stream(tmp_path):
    dump = tmp_path / "broken.json"
    lines = DUMP.read_text(encoding="utf-8").splitlines()
    dump.write_text("\n".join(lines[:2] + ["{not json"] + lines[2:]), encoding="utf-8")
    entities = iter_dump_entities(dump)
    assert next(entities)["id"] == "Q3159"  # read before the broken line is reached
    with pytest.raises(KBError, match=r"broken.json:3: not a JSON entity"):
        list(entities)


def test_cli_kb_build_prints_the_report(tmp_path, capsys):
    code = main(["kb", "build", "--sources", str(SOURCES), "--additions", str(ADDITIONS),
                 "-o", str(tmp_path / "out"), "--from-dump", str(DUMP), "--class", "Q515"])
    assert code == 0
    printed = capsys.readouterr().out
    assert "per kind" in printed and "wikidata dump" in printed
    kb = load_snapshot(tmp_path / "out" / SNAPSHOT_FILE)
    assert kb.get("Q3159") is not None and kb.get("Q56226") is None  # only cities were asked for


def test_cli_kb_build_rejects_an_unknown_class(tmp_path, capsys):
    code = main(["kb", "build", "--sources", str(SOURCES), "-o", str(tmp_path / "out"), "--class", "Q1"])
    assert code == 2
    assert "--class" in capsys.readouterr().err


# -- the shipped snapshot -----------------------------------------------------------------


@pytest.mark.slow
def test_shipped_snapshot_is_what_the_build_makes(tmp_path, shared_sources):
    build_snapshot(shared_sources, ADDITIONS_DIR, tmp_path)
    fresh = read_snapshot_rows(tmp_path / SNAPSHOT_FILE)[1]
    shipped_rows = read_snapshot_rows(KB_DIR / SNAPSHOT_FILE)[1]
    assert fresh == shipped_rows, "kgbuild/data/kb is stale: run `kgbuild kb build`"


def test_shipped_snapshot_has_every_confirmed_qid_with_its_kind(shipped, shared_sources):
    kinds = {"city": "City", "country": "Country", "oblast": "AdministrativeRegion", "person": "Person"}
    with (shared_sources / "verified_qids.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    confirmed = [r for r in rows if r["status"].startswith("confirmed")]
    refuted = {r["qid"] for r in rows if r["status"].startswith("refuted")}
    for row in confirmed:
        entry = shipped.get(row["qid"])
        assert entry is not None, row["label_en"]
        if row["kind"] in kinds:
            assert entry.kind == kinds[row["kind"]], row["label_en"]
    assert not [e.key for e in shipped.entries if e.qid in refuted]
    assert not check_unique_qids({"k": e.key, "q": e.qid, "t": e.kind} for e in shipped.entries)


def test_shipped_snapshot_knows_kyiv_and_its_oblast_apart(shipped):
    assert shipped.get("Q1899").kind == "City"
    assert shipped.get("Q170036").labels["en"] == "Kyiv Oblast"
    assert [e.key for e in shipped.lookup("Kiev")][0] == "Q1899"
    assert [e.key for e in shipped.lookup("oblast de Kiev")] == ["Q170036"]


def test_every_class_qid_used_is_documented_as_verified():
    with (KB_DIR / "classes.csv").open(encoding="utf-8") as fh:
        verified = {row["qid"] for row in csv.DictReader(fh)}
    used = {q for qs in KIND_CLASSES.values() for q in qs} | set(CLASS_KINDS) | set(GENDER_QIDS.values())
    assert used <= verified


def test_office_classes_come_from_the_position_classes_source(shared_sources):
    with (shared_sources / "opensanctions-igo" / "position_classes_from_position_py.csv").open() as fh:
        known = {row["qid"] for row in csv.DictReader(fh)}
    assert set(OFFICE_CLASSES.values()) <= known


def test_every_addition_row_has_a_source_note():
    for name in ("entities.csv", "people.csv", "positions.csv", "demonyms.csv"):
        with (ADDITIONS_DIR / name).open(encoding="utf-8") as fh:
            for n, row in enumerate(csv.DictReader(fh), start=2):
                assert row["source"].strip(), f"{name}:{n}"


# -- the snapshot API ---------------------------------------------------------------------


@pytest.mark.parametrize("name, key", [
    ("L’Allemagne", "Q183"), ("etats-unis", "Q30"), ("Etats-Unis", "Q30"), ("USA", "Q30"),
    ("Kim Jong Un", "Q56226"), ("OTAN", "Q7184"), ("U.E.", "Q458"), ("la Corée du Nord", "Q423"),
    ("Koursk", "Q3159"), ("région de Koursk", "Q3178"), ("Selenskyj", "Q3874799"),
    ("Kyjiw", "Q1899"), ("New York Times", "Q9684"), ("Borrell", "Q312901"),
])
def test_lookup_matches_normalised_labels_and_aliases(shipped, name, key):
    assert shipped.lookup(name, "fr")[0].key == key


def test_lookup_of_an_unknown_name_is_empty(shipped):
    assert shipped.lookup("Zorglubie") == []


def test_demonyms_name_their_country(shipped):
    assert [e.key for e in shipped.lookup_demonym("nord-coréens")] == ["Q423"]
    assert [e.key for e in shipped.lookup_demonym("Américains")] == ["Q30"]


def test_office_holders_by_date_current_first_and_gender(shipped):
    assert [e.key for e in shipped.office_holders("chancellor", "Q183", date="2024-11-18")] == ["Q61053"]
    assert [e.key for e in shipped.office_holders("chancellor", "Q183")][:2] == ["Q566257", "Q61053"]
    assert [e.key for e in shipped.office_holders("foreign_minister", "Q183", gender="female")] == ["Q564328"]
    assert shipped.office_holders("head_of_state", "Q159", date="2010-01-01")[0].key == "Q23530"
    assert shipped.office_holders("high_representative", "Q458", date="2024-11-18")[0].key == "Q312901"


def test_load_snapshot_is_cached_per_process():
    assert load_snapshot() is load_snapshot()


@pytest.mark.parametrize("content, problem", [
    (b"not gzip at all", "not a readable snapshot"),
    (gzip.compress(b'{"format": 99, "entries": []}'), "not a kgbuild snapshot"),
])
def test_a_bad_snapshot_file_is_named(tmp_path, content, problem):
    path = tmp_path / "bad.json.gz"
    path.write_bytes(content)
    with pytest.raises(KBError, match=rf"bad.json.gz: {problem}"):
        load_snapshot(path)


# -- the sources added for issue 14 ---------------------------------------------------------


def test_office_holders_come_from_everypolitician_with_their_offices(tiny):
    _report, _out, kb = tiny
    assert [e.key for e in kb.office_holders("prime_minister", "Q212", date="2021-06-01")] == ["Q66094865"]
    assert [e.key for e in kb.office_holders("president", "Q159", date="2020-01-01")] == ["Q7747"]
    assert kb.lookup("Denys Shmyhal")[0].kind == "Person"


def test_armed_groups_are_groups_never_a_designation(tiny):
    _report, _out, kb = tiny
    assert [(e.key, e.kind) for e in kb.lookup("Boko Haram")] == [("Q212372", "Group")]


def test_natural_earth_10m_adds_places_and_one_row_per_qid(tiny):
    report, _out, kb = tiny
    assert kb.lookup("Kramatorsk")[0].kind == "City"
    assert [e.key for e in kb.lookup("Pyongyang")] == ["Q18808"] and kb.lookup("Pyongsan") == []
    assert any("Q18808" in c and "Pyongsan" in c for c in report.conflicts)
    assert report.agreements["natural-earth-10m = natural-earth 50m"] >= 1  # Kharkiv, same QID in both


def test_the_report_lists_cross_checks_and_conflicts(tiny):
    report, out, _kb = tiny
    saved = json.loads((out / "BUILD.json").read_text(encoding="utf-8"))
    assert saved["conflicts"] == report.conflicts and saved["agreements"] == report.agreements
    assert "cross-checks that held" in report.to_text() and "conflicts between sources" in report.to_text()


def test_a_wrong_source_name_is_removed(tmp_path):
    additions = _copy_additions(tmp_path)
    (additions / "not_names.csv").write_text("key,lang,name,source\nQ42308,en,Kharkiv,test: pretend it is wrong\n"
                                             "Q42308,fr,Kharkiv,test: pretend it is wrong\n",
                                             encoding="utf-8")
    build_snapshot(SOURCES, additions, tmp_path / "out")
    kb = load_snapshot(tmp_path / "out" / SNAPSHOT_FILE)
    assert all(e.key != "Q42308" for e in kb.lookup("Kharkiv"))
    assert kb.get("Q42308") is not None


def test_the_snapshot_file_reads_back_what_was_written(tiny):
    _report, out, kb = tiny
    head, rows = read_snapshot_rows(out / SNAPSHOT_FILE)
    assert head["format"] == 2 and len(rows) == len(kb)
    assert {r["k"] for r in rows} == set(kb.keys())
    assert kb.get("Q212").labels["fr"] == "Ukraine"


def test_a_truncated_snapshot_is_named(tiny, tmp_path):
    _report, out, _kb = tiny
    text = gzip.decompress((out / SNAPSHOT_FILE).read_bytes()).decode("utf-8")
    cut = tmp_path / "cut.json.gz"
    cut.write_bytes(gzip.compress(text[: len(text) // 2].encode("utf-8")))
    with pytest.raises(KBError, match=r"cut.json.gz: section .* cut short"):
        load_snapshot(cut)


def test_the_knowledge_base_stands_apart_from_linking():
    """kgbuild.kb is read by extraction and linking; it imports neither (no import cycle)."""
    import subprocess
    import sys

    code = ("import sys, kgbuild.kb, kgbuild.kb.reader, kgbuild.kb.builder; "
            "print(sorted(m for m in sys.modules if m.startswith(('kgbuild.link', 'kgbuild.extract'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    from kgbuild.link import load_snapshot as old_path
    from kgbuild.link.sparql import SparqlLinker  # noqa: F401  (imports without a cycle)

    assert old_path is load_snapshot


def test_a_larger_snapshot_from_a_dump_serves_extraction_and_linking(tmp_path):
    """`kgbuild kb build --from-dump` then KGBUILD_SNAPSHOT: the build reads the new file."""
    import os
    import subprocess
    import sys

    assert main(["kb", "build", "--sources", str(SOURCES), "--additions", str(ADDITIONS),
                 "-o", str(tmp_path / "large"), "--from-dump", str(DUMP)]) == 0
    code = "from kgbuild.kb import load_snapshot; kb = load_snapshot(); print(len(kb), kb.path)"
    env = dict(os.environ, KGBUILD_SNAPSHOT=str(tmp_path / "large" / SNAPSHOT_FILE))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    assert str(tmp_path / "large") in out and int(out.split()[0]) == len(load_snapshot(tmp_path / "large" / SNAPSHOT_FILE))


def test_de_l_and_d_give_one_key():
    from kgbuild.kb.keys import match_key

    assert match_key("l'Organisation de l'Unité africaine") == match_key("Organisation d'Unité africaine")
    assert match_key("Conseil de l’Europe") == match_key("Conseil d'Europe") != match_key("Conseil de Europe x")


def test_group_names_the_press_writes_in_lower_case_are_indexed(tmp_path):
    from kgbuild.kb.reader import read_snapshot_file, write_snapshot

    rows = [{"k": "kb:g", "t": "Group", "l": {"fr": "Gardiens du Nord"}, "a": {"fr": ["gardiens", "GdN"]}},
            {"k": "kb:c", "t": "City", "l": {"fr": "Nordville"}, "a": {"fr": ["nordville"]}}]
    path = tmp_path / "s.json"
    write_snapshot(path, rows, {"licences": []})
    assert read_snapshot_file(path).lowercase_group_names("fr") == {"gardiens"}  # a city's is not
    # a snapshot written before the index existed still answers (read off its entries)
    head, _, rest = path.read_text(encoding="utf-8").partition("\n")
    old = json.loads(head)
    del old["lowercase_groups"]
    path.write_text(json.dumps(old) + "\n" + rest, encoding="utf-8")
    assert read_snapshot_file(path).lowercase_group_names("fr") == {"gardiens"}


def test_word_by_word_french_names_of_subdivisions_are_left_out(shipped):
    # dr5hn's French names include machine translations of proper names ("Afar" -> "Au
    # loin", "Cork" -> "Liège"): the region keeps its own name; real exonyms stay
    afar = shipped.get("Q193494")
    assert afar.labels["fr"] == "Afar"
    assert not [e for e in shipped.lookup("Au loin") if e.kind == "AdministrativeRegion"]
    assert "Q193494" not in {e.key for e in shipped.lookup("Au loin")}
    assert shipped.get("Q11925").labels["fr"] == "Grisons"  # Graubünden
    assert "Q607499" in {e.key for e in shipped.lookup("Sud-Ouest")}  # Cameroon's South-West


def test_a_snapshot_is_read_as_of_its_newest_office(shipped):
    """An undated article is read as news of the snapshot's day (its newest office start), so a
    build gives the same graph whatever day it runs."""
    rows = [
        {"k": "Q1", "t": "Country", "l": {"fr": "Xlande"}},
        {"k": "P1", "t": "Person", "l": {"fr": "Anna Lind"}, "p": [["president", "Q1", "2015-03-01", "2021-03-01"]]},
        {"k": "P2", "t": "Person", "l": {"fr": "Otto Berg"}, "p": [["president", "Q1", "2021-03-01", "2099-01-01"]]},
    ]
    kb = Snapshot(rows)
    assert kb.as_of == "2021-03-01"
    assert Snapshot(rows[:1]).as_of == datetime.date.today().isoformat()  # no office: no day of its own
    starts = [p[2] for e in shipped.entries for p in e.positions if p[2]]
    assert shipped.as_of == max(starts)
