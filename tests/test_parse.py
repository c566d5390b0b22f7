"""The parse as kgbuild runs it: spaCy's pipeline with its attribute ruler applied as arrays."""

from __future__ import annotations

import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

from kgbuild.extract.language import load_rules
from kgbuild.extract.parse import _array_ruler, _pipe, _ARRAY_ATTRS, load_pipeline

ATTRS = [*_ARRAY_ATTRS, LEMMA]

TEXTS = [
    "L'armée a annoncé  mardi la prise de la ville.\n\nLes rebelles ont démenti.",
    "Titre\n \n\tLe ministre  a déclaré : « Nous ne céderons pas. »\n",
    "",
    "   ",
    "Kiev,\n\n\n3 mars - Des drones ont frappé la région. ",
]


def same_docs(a: Doc, b: Doc) -> bool:
    return (a.to_array(ATTRS) == b.to_array(ATTRS)).all() and a.to_json() == b.to_json() \
        and [t.morph.key for t in a] == [t.morph.key for t in b]


def test_the_parse_is_spacys_own():
    nlp = load_pipeline(load_rules("fr").model)
    assert _array_ruler(nlp.get_pipe("attribute_ruler")) is not None  # the French model's ruler is read
    theirs, ours = list(nlp.pipe(TEXTS)), list(_pipe(nlp, TEXTS))
    assert all(same_docs(a, b) for a, b in zip(theirs, ours))
    spaces = [t for doc in ours for t in doc if t.is_space]
    assert spaces and all(t.pos_ == "SPACE" and t.tag_ == "SPACE" for t in spaces)  # what the ruler sets


def _ruler(patterns):
    nlp = spacy.blank("fr")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp, ruler


def _doc(nlp) -> Doc:
    words = ["Le", "chef", " ", "parle", "."]
    return Doc(nlp.vocab, words=words, spaces=[True, False, False, False, False],
               pos=["DET", "NOUN", "SPACE", "VERB", "PUNCT"], heads=[1, 3, 3, 3, 3],
               deps=["det", "nsubj", "dep", "ROOT", "punct"])


def test_later_patterns_win_as_in_spacy():
    nlp, ruler = _ruler([
        {"patterns": [[{"POS": "NOUN"}]], "attrs": {"TAG": "NOUN"}},
        {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep", "MORPH": "_"}},
        {"patterns": [[{"POS": "NOUN"}], [{"POS": "VERB"}]], "attrs": {"TAG": "X", "POS": "X"}},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "SPACE", "POS": "SPACE"}},
    ])
    array = _array_ruler(ruler)
    assert array is not None
    theirs, ours = ruler(_doc(nlp)), array(_doc(nlp))
    assert same_docs(theirs, ours)
    assert [t.tag_ for t in ours] == ["", "X", "SPACE", "X", ""]


def test_a_ruler_beyond_single_token_tests_is_spacys():
    _, ruler = _ruler([{"patterns": [[{"LOWER": "le"}, {"POS": "NOUN"}]], "attrs": {"TAG": "X"}, "index": 1}])
    assert _array_ruler(ruler) is None
    _, ruler = _ruler([{"patterns": [[{"POS": "NOUN"}]], "attrs": {"LEMMA": "chef"}}])
    assert _array_ruler(ruler) is None
