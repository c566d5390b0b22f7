"""English grammar the engine asks of a language, and the parse in the engine's terms.

The only code of the English language folder; every word list is a data file beside it.
``en_core_web_sm`` parses with ClearNLP labels (prepositions head their object, ``dobj``,
``nsubjpass``, ``poss``); the engine reads Universal Dependencies as the French model gives
them.  ``adapt_pipeline`` adds a component that relabels each parse: a preposition becomes
the ``case`` of its object, which hangs from the preposition's head as ``obl`` (from a verb)
or ``nmod`` (from a noun); the other labels are renamed.  Its named entities (OntoNotes labels)
become the four the engine reads (PER, ORG, LOC, MISC); dates and numbers are no names.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

__all__ = ["Grammar", "to_universal_dependencies"]

#: ClearNLP label -> Universal Dependencies label
_RENAMED = {
    "dobj": "obj", "nsubjpass": "nsubj:pass", "csubjpass": "csubj:pass", "auxpass": "aux:pass",
    "dative": "iobj", "relcl": "acl:relcl", "poss": "nmod", "neg": "advmod",
    "npadvmod": "obl:npmod", "attr": "xcomp", "acomp": "xcomp", "oprd": "xcomp",
    "predet": "det:predet", "quantmod": "advmod", "intj": "discourse", "meta": "dep",
}
_VERBAL = ("VERB", "AUX", "ADJ")
#: OntoNotes entity label -> the engine's (WikiNER's); the others (DATE, CARDINAL, ...) are dropped
_ENTITY_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
                  "NORP": "MISC", "PRODUCT": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC",
                  "LAW": "MISC", "LANGUAGE": "MISC"}
_COMPONENT = "kgbuild_universal_dependencies"


def to_universal_dependencies(doc: Doc) -> Doc:
    """Relabel a ClearNLP parse as Universal Dependencies and OntoNotes entities as the engine's
    four (in place; sentences unchanged)."""
    doc.ents = [SpacySpan(doc, e.start, e.end, label=_ENTITY_LABELS[e.label_])
                for e in doc.ents if e.label_ in _ENTITY_LABELS]
    if not len(doc) or not doc.has_annotation("DEP"):
        return doc
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    for tok in doc:
        objects = [c for c in tok.children if c.dep_ in ("pobj", "pcomp")]
        if tok.dep_ in ("prep", "agent", "dative") and objects:  # "to" of "sent tanks to Kyiv": dative
            if tok.head.i != tok.i:
                _make_case(tok, objects[0], heads, deps)
        else:
            renamed = _renamed(tok)
            if renamed is not None:
                deps[tok.i] = renamed
    _write_parse(doc, heads, deps)
    return doc


def _make_case(prep, obj, heads: list[int], deps: list[str]) -> None:
    """A preposition becomes the ``case`` of its object, which hangs from the preposition's
    head: ``obl`` from a verb, ``nmod`` from a noun, ``obl:agent`` after "by"."""
    heads[obj.i] = prep.head.i
    if prep.dep_ == "agent":
        deps[obj.i] = "obl:agent"
    elif obj.dep_ == "pcomp":
        deps[obj.i] = "advcl"
    else:
        deps[obj.i] = "obl" if prep.head.pos_ in _VERBAL else "nmod"
    heads[prep.i], deps[prep.i] = obj.i, "case"
    for other in prep.children:  # "out of", "just after": the rest of the preposition
        if other.i != obj.i:
            heads[other.i] = obj.i


def _renamed(tok) -> str | None:
    """The Universal Dependencies label of a ClearNLP one, when they differ."""
    if tok.dep_ == "compound" and tok.pos_ == "PROPN" and tok.head.pos_ == "PROPN":
        return "flat:name"
    return _RENAMED.get(tok.dep_)


def _write_parse(doc: Doc, heads: list[int], deps: list[str]) -> None:
    array = doc.to_array([HEAD, DEP])
    for i, (head, dep) in enumerate(zip(heads, deps)):
        array[i, 0] = numpy.uint64(head - i) if head >= i else numpy.uint64(2 ** 64 + head - i)
        array[i, 1] = doc.vocab.strings.add(dep)
    doc.from_array([HEAD, DEP], array)  # the tree stays within each sentence: the same sentences


@Language.component(_COMPONENT)
def _universal_dependencies(doc: Doc) -> Doc:
    return to_universal_dependencies(doc)


class Grammar:
    """English inflection of demonyms, verb forms, the modal conditional and negation."""

    def __init__(self, data: Mapping) -> None:
        self._irregular: Mapping[str, Sequence[str]] = data["demonym_irregular"]
        self._negation = frozenset(data["negation_words"])

    def adapt_pipeline(self, nlp: Language) -> None:
        """Relabel every parse as Universal Dependencies (once per pipeline)."""
        if _COMPONENT not in nlp.pipe_names:
            nlp.add_pipe(_COMPONENT, last=True)

    def inflect(self, base: str) -> tuple[str, ...]:
        """A demonym and its plural ("russian" -> "russians"; "chinese", "swiss" stay)."""
        if base in self._irregular:
            return (base, *self._irregular[base])
        if base.endswith(("ese", "s", "sh", "ch")):
            return (base,)
        return (base, base + "s")

    def verb_lemmas(self, form: str) -> tuple[str, ...]:
        """Base forms a third-person or past form may belong to ("says" -> "say", "warned" ->
        "warn"), for a verb the tagger took for a noun."""
        form = form.lower()
        guesses = []
        if form.endswith("ies"):
            guesses.append(form[:-3] + "y")
        if form.endswith("s"):
            guesses.append(form[:-1])
        if form.endswith("ed"):
            guesses += [form[:-2], form[:-1]]
        return tuple(guesses)

    @staticmethod
    def participle_infinitive(low: str) -> str | None:
        """None: English participles are tagged as verbs, and no relation reads one by its form."""
        return None

    def is_conditional(self, form: str, lemma: str) -> bool:
        """English marks the conditional with a modal ("would"), read as a hedge verb."""
        return form.lower() in ("would", "'d")

    def negation_of(self, words: Sequence[str]) -> str | None:
        """The negation word among a verb's adverbs ("not", "n't", "never")."""
        for word in words:
            if word in self._negation:
                return word
        return None
