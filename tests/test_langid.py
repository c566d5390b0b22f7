"""The language of each document (kgbuild.langid) and the guard against languages without rules.

The texts are ours: short news-style paragraphs in German, Spanish, Russian, French and English.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import DCTERMS, Dataset, Literal

import kgbuild
from kgbuild.vocab import KG
from kgbuild.langid import detect_language, resolve_language
from kgbuild.read import read_text
from kgbuild.types import Article

GERMAN = ("Die Regierung in Berlin hat am Dienstag weitere Lieferungen von Luftabwehrsystemen an "
          "die Ukraine angekündigt. Der Verteidigungsminister sagte, die Bundeswehr werde die "
          "Ausbildung ukrainischer Soldaten fortsetzen.")
SPANISH = ("El Gobierno de Madrid anunció el martes el envío de nuevos blindados a Ucrania. La "
           "ministra de Defensa afirmó que España seguirá apoyando a Kiev mientras dure la guerra.")
RUSSIAN = ("Министерство обороны заявило во вторник, что силы противовоздушной обороны сбили "
           "несколько беспилотников над приграничной областью. Губернатор сообщил о повреждениях.")
FRENCH = ("Le ministre des Armées a affirmé mardi que la France livrerait de nouveaux canons "
          "Caesar à l'Ukraine avant la fin de l'année.")
ENGLISH = ("The defence minister said on Tuesday that Britain would send more air defence "
           "missiles to Ukraine before the end of the year.")


@pytest.mark.parametrize("text, code", [(GERMAN, "de"), (SPANISH, "es"), (RUSSIAN, "ru"),
                                        (FRENCH, "fr"), (ENGLISH, "en")])
def test_the_language_of_a_paragraph_is_detected_surely(text, code):
    found, confidence = detect_language(text)
    assert found == code
    assert confidence >= 0.9


def test_short_texts_and_headlines_are_detected():
    assert detect_language("Le Kremlin a démenti.")[0] == "fr"
    assert detect_language("Kiev dément toute implication")[0] == "fr"
    assert detect_language("Kyiv denies any involvement")[0] == "en"
    assert detect_language("Berlin liefert weitere Panzer")[0] == "de"


def test_a_french_article_quoting_english_is_french():
    text = (FRENCH + " « We will stand with Ukraine », a répété le Premier ministre britannique "
            "lors d'une conférence de presse à Londres, avant de rencontrer son homologue.")
    assert detect_language(text)[0] == "fr"


#: a plain French paragraph of our own (over 40 words)
PLAIN_FRENCH = ("Le conseil municipal de la petite ville a voté lundi un budget pour la réfection des "
                "routes et des ponts. Selon le maire, les travaux commenceront au printemps et "
                "dureront deux ans. Les habitants, qui se plaignent depuis longtemps de l'état des "
                "chaussées, ont salué une décision attendue, mais certains élus de l'opposition "
                "estiment que le coût sera plus élevé que prévu et demandent un audit indépendant.")


def test_a_plainly_french_text_is_settled_without_lingua_as_lingua_settles_it():
    assert kgbuild.langid._plainly_french(PLAIN_FRENCH)
    assert detect_language(PLAIN_FRENCH) == ("fr", 1.0)
    code, confidence = kgbuild.langid._lingua_language(PLAIN_FRENCH)
    assert (code, round(confidence, 2)) == ("fr", 1.0)


@pytest.mark.parametrize("other", [ENGLISH, GERMAN, SPANISH, RUSSIAN,
                                   "De minister van Defensie zei dat de steun aan de regering zal doorgaan."])
def test_a_french_text_with_a_foreign_passage_is_left_to_lingua(other):
    cut = len(PLAIN_FRENCH) // 2
    assert not kgbuild.langid._plainly_french(PLAIN_FRENCH[:cut] + " " + other + " " + PLAIN_FRENCH[cut:])


def test_short_or_foreign_lettered_french_is_left_to_lingua():
    assert not kgbuild.langid._plainly_french(FRENCH)  # under 40 words
    assert not kgbuild.langid._plainly_french(PLAIN_FRENCH.replace("maire", "maire Erdoğan"))


def test_a_text_of_names_alone_falls_back_to_a_supported_language():
    code, _ = detect_language("Zelensky, Poutine, Biden")
    assert code in kgbuild.langid.supported_languages()


def test_the_language_given_by_the_input_wins_over_detection_and_lang_forces():
    given = resolve_language(Article("a", ENGLISH, lang="fr"))
    assert (given.lang, given.lang_source, given.lang_confidence) == ("fr", "input", None)
    detected = resolve_language(read_text(GERMAN, id="b"))
    assert (detected.lang, detected.lang_source) == ("de", "detected")
    assert detected.lang_confidence >= 0.9
    forced = resolve_language(read_text(GERMAN, id="c"), forced="fr")
    assert (forced.lang, forced.lang_source) == ("fr", "forced")


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name, text, code", [("berlin.txt", GERMAN, "de"), ("madrid.txt", SPANISH, "es"),
                                              ("oblast.txt", RUSSIAN, "ru")])
def test_an_article_in_an_unsupported_language_is_reported_and_skipped(tmp_path, name, text, code):
    path = _write(tmp_path, name, text)
    result = kgbuild.build([path], linker="none")
    assert result.extractions == []
    (failure,) = result.failures
    supported = ", ".join(kgbuild.langid.supported_languages())
    assert failure.problem.startswith(f"language {code} is not supported (detected, ")
    assert failure.problem.endswith(f"); supported: {supported}; use --lang to force")


def test_a_language_given_by_the_file_name_is_reported_as_given(tmp_path):
    path = _write(tmp_path, "note.de.txt", GERMAN)
    (failure,) = kgbuild.build([path], linker="none").failures
    assert "language de is not supported (given by the input)" in failure.problem


def test_the_command_line_reports_the_skipped_language_and_builds_the_rest(tmp_path):
    german = _write(tmp_path, "berlin.txt", GERMAN)
    spanish = _write(tmp_path, "madrid.txt", SPANISH)
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "kgbuild.cli", "build", str(german), str(spanish),
                          "-o", str(out), "--format", "json", "--linker", "none"],
                         capture_output=True, text=True)
    assert run.returncode == 1  # nothing could be built
    assert "berlin.txt" in run.stderr and "language de is not supported (detected" in run.stderr
    assert "madrid.txt" in run.stderr and "language es is not supported (detected" in run.stderr


@pytest.mark.slow
def test_a_detected_language_is_recorded_on_the_document(tmp_path):
    path = _write(tmp_path, "armees.txt", FRENCH)
    result = kgbuild.build([path], linker="none")
    (doc,) = result.to_json()
    assert doc["doc"]["lang"] == "fr" and doc["doc"]["lang_source"] == "detected"
    assert doc["doc"]["lang_confidence"] >= 0.9
    graph = Dataset()
    graph.parse(data=result.rdf.serialize(format="trig"), format="trig")
    assert list(graph.quads((None, DCTERMS.language, Literal("fr"), None)))
    (confidence,) = [o for _, _, o, _ in graph.quads((None, KG.languageConfidence, None, None))]
    assert float(confidence) == doc["doc"]["lang_confidence"]


@pytest.mark.slow
def test_lang_forces_the_language_of_every_article(tmp_path):
    path = _write(tmp_path, "berlin.txt", GERMAN)
    result = kgbuild.build([path], linker="none", lang="fr")
    assert result.failures == []
    (doc,) = result.to_json()
    assert (doc["doc"]["lang"], doc["doc"]["lang_source"], doc["doc"]["lang_confidence"]) == ("fr", "forced", None)


def test_a_forced_language_the_text_plainly_is_not_is_questioned(caplog):
    import logging

    english = Article(id="wire", source="wire.txt", lang=None, text=(
        "The defence ministry said on Monday that two frigates would leave the harbour next week "
        "to join a patrol mission in the Baltic Sea, and that three more ships would follow them "
        "later this month once their crews had completed their training."))
    with caplog.at_level(logging.WARNING, logger="kgbuild.langid"):
        article = resolve_language(english, forced="fr")
    assert article.lang == "fr" and article.lang_source == "forced"  # still forced
    [record] = [r for r in caplog.records if r.name == "kgbuild.langid"]
    assert record.getMessage().startswith("wire.txt: read as fr (--lang), but the text reads as en")
