"""The parse as kgbuild runs it: spaCy's pipeline with its attribute ruler and lemmatizer applied as arrays."""

from __future__ import annotations

import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

from kgbuild.extract.language import load_rules
from kgbuild.extract.parse import _array_lemmatizer, _array_ruler, _pipe, _ARRAY_ATTRS, join_docs, load_pipeline

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


def test_lemmas_are_spacys_own_in_both_languages():
    texts = {"fr": TEXTS, "en": ["The rebels said on Tuesday they had seized the town.\n\nTroops were fighting.",
                                 "Officials   denied it; drones struck the region's capitals. ", ""]}
    for lang, batch in texts.items():
        nlp = load_pipeline(load_rules(lang).model)
        assert _array_lemmatizer(nlp.get_pipe("lemmatizer")) is not None
        theirs, ours = list(nlp.pipe(batch)), list(_pipe(nlp, batch))
        assert all(same_docs(a, b) for a, b in zip(theirs, ours))
        assert [t.lemma_ for doc in ours for t in doc] == [t.lemma_ for doc in theirs for t in doc]


def test_a_lemma_set_before_is_kept_unless_the_lemmatizer_overwrites():
    nlp = load_pipeline(load_rules("fr").model)
    lemmatizer = nlp.get_pipe("lemmatizer")
    with nlp.select_pipes(disable=["lemmatizer"]):
        doc = nlp("Les soldats ont tiré sur les manifestants.")
    doc[1].lemma_ = "troupe"
    for overwrite in (False, True):
        lemmatizer.overwrite = overwrite
        try:
            theirs, ours = lemmatizer(doc.copy()), _array_lemmatizer(lemmatizer)(doc.copy())
        finally:
            lemmatizer.overwrite = False
        assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
        assert (ours[1].lemma_ == "troupe") is not overwrite


def test_joined_parts_are_spacys_join():
    nlp = load_pipeline(load_rules("fr").model)
    parts = list(nlp.pipe(["Le ministre a parlé.\n\n", "Les rebelles, inconnus du vocabulaire Zxqwv, ont fui. "]))
    theirs, ours = Doc.from_docs(parts, ensure_whitespace=False), join_docs(parts)
    assert same_docs(theirs, ours) and ours.text == theirs.text and (ours.tensor == theirs.tensor).all()
