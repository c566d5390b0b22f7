"""Extraction: an Article becomes an Extraction (entities, statements, relations).

    extractor = Extractor("fr")            # loads the spaCy model once
    extraction = extractor.extract(article)

The stages, each pure: parse (spaCy, paragraph-aware) -> find_mentions ->
group_mentions -> find_statements -> find_relations -> find_learned_relations (the
pair model's recall booster, ``pairs.py``; ``learned=False`` switches it off).  The
text parsed is the article's with its spacing and markup made plain (``reading``,
``spacing.py``); the result's offsets and texts are the article's.  The result holds only
offsets and strings.
"""

from __future__ import annotations

from dataclasses import replace

from kgbuild.extract.entities import group_mentions
from kgbuild.extract.grammar import share_tokens
from kgbuild.extract.language import load_rules
from kgbuild.extract.mentions import Gazetteer, find_mentions
from kgbuild.extract.pairs import find_learned_relations, load_model
from kgbuild.extract.parse import (
    doc_sentences,
    find_captions,
    keep_elisions_before_quotes,
    keep_names_whole,
    load_pipeline,
    parse_text,
)
from kgbuild.extract.reading import Reading
from kgbuild.extract.spacing import Spacing, read_spacing, restore
from kgbuild.extract.relations import find_relations
from kgbuild.extract.statements import find_statements
from kgbuild.types import ENTITY_TYPES, Article, Entity, Extraction, Relation, Statement

__all__ = ["Extractor", "Gazetteer"]


class Extractor:
    """Extract entities, statements and relations from articles of one language."""

    def __init__(self, lang: str = "fr", kb: Gazetteer | None = None, learned: bool = True) -> None:
        """``learned``: add the pair model's relations to the rules' (``pairs.py``)."""
        self.lang = lang
        #: the pair model (None: the rules alone); anything with ``find(reading, statements,
        #: relations)`` may stand in for it (``tools/train_pairs.py`` records the candidates)
        self.pairs = _LearnedRelations(load_model(lang)) if learned else None
        self.rules = load_rules(lang)
        self.nlp = load_pipeline(self.rules.model)
        adapt = getattr(self.rules.grammar, "adapt_pipeline", None)
        if adapt is not None:  # a language whose parser needs its labels renamed, say
            adapt(self.nlp)
        if kb is None:
            from kgbuild.link import load_snapshot

            kb = load_snapshot()
        self.kb = kb
        demonyms = tuple(form for form in self.rules.demonyms if "-" in form)  # "sri-lankaise"
        keep_names_whole(self.nlp, kb, self.rules.compound_words + demonyms)
        keep_elisions_before_quotes(self.nlp, self.rules.elided_words, tuple(self.rules.quote_pairs))

    def extract(self, article: Article) -> Extraction:
        """The Extraction of one article (one without a language is read in the extractor's)."""
        if article.lang is None:
            article = replace(article, lang=self.lang)
        spacing = self.reading(article.text)
        captions = find_captions(spacing.text, self.rules)
        doc = parse_text(self.nlp, spacing.text, captions)
        return self.extract_doc(article, doc, captions, spacing)

    @staticmethod
    def reading(text: str) -> Spacing:
        """How an article's text is read: its spacing and markup made plain (``spacing.py``), the
        text to parse (``.text``, the same length or shorter) and the map of its offsets back."""
        return read_spacing(text)

    def extract_doc(self, article: Article, doc, captions, spacing: Spacing | None = None) -> Extraction:
        """The Extraction of an article already parsed (by a batched ``nlp.pipe``, say), the text of
        its ``reading`` parsed (``spacing``, read again when not given); offsets and texts come back
        in the article's text."""
        if article.lang is None:
            article = replace(article, lang=self.lang)
        if spacing is None:
            spacing = read_spacing(article.text)
        if spacing.changed and doc.text == spacing.text:  # not a doc a caller parsed from the text as is
            return restore(self.read_doc(replace(article, text=spacing.text), doc, captions), spacing, article)
        return self.read_doc(article, doc, captions)

    def read_doc(self, article: Article, doc, captions) -> Extraction:
        """The Extraction of a parsed text (the stages, in order)."""
        sentences = doc_sentences(doc, article.text)
        tokens = list(doc)
        share_tokens(doc, tokens)  # the children lists of the rules take their words from it
        found = find_mentions(doc, sentences, captions, self.rules, self.kb, article.lang, article.text, tokens)
        entities = group_mentions(found, self.kb, article, self.rules)
        reading = Reading(doc, entities, sentences, article, self.rules, captions, tokens, self.kb)
        statements = find_statements(reading)
        relations = find_relations(reading, statements)
        if self.pairs is not None:
            relations += self.pairs.find(reading, statements, relations)
        entities = _attacked_states_are_places(_speakers_act(entities, statements), relations)
        return Extraction(article=article, sentences=sentences, entities=entities,
                          statements=statements, relations=relations, captions=captions)


class _LearnedRelations:
    """The pair model as a stage: the relations it adds to the rules'."""

    def __init__(self, model) -> None:
        self.model = model

    def find(self, reading: Reading, statements, relations) -> tuple[Relation, ...]:
        return find_learned_relations(reading, statements, relations, self.model)


def _speakers_act(entities: tuple[Entity, ...], statements: tuple[Statement, ...]) -> tuple[Entity, ...]:
    """An entity that speaks is an Actor ("les autorités ont affirmé" said by a country the text
    names only as a place): a country that acts is a state."""
    speakers = {s.speaker for s in statements}
    out = []
    for e in entities:
        if e.id in speakers and "Actor" not in e.types:
            types = tuple(t for t in ENTITY_TYPES if t in e.types or t == "Actor")
            e = replace(e, types=types, kind="State" if e.kind == "Country" else e.kind)
        out.append(e)
    return tuple(out)


#: the predicates whose object is a place the state is, when a state is their object
_PLACE_OBJECT_PREDICATES = frozenset(("attacks", "deployedIn", "targets"))


def _ground_objects(relations: tuple[Relation, ...]) -> set[str]:
    """The objects of the relations that make a state a place (``_PLACE_OBJECT_PREDICATES``, not
    negated), but for the two sides of an attack each makes on the other."""
    held = [r for r in relations if r.predicate in _PLACE_OBJECT_PREDICATES and r.modality != "negated"]
    mutual = {(r.subject, r.object) for r in held if r.predicate == "attacks"}
    return {r.object for r in held if r.predicate != "attacks" or (r.object, r.subject) not in mutual}


def _attacked_states_are_places(entities: tuple[Entity, ...], relations: tuple[Relation, ...]) -> tuple[Entity, ...]:
    """A state that is attacked is also a place, the ground the attack falls on (a country both
    attacked and acting is a Region and an Actor, as the annotation guide has it), and so is one
    that troops are deployed in or that is targeted (not one that only holds a place: "X
    locatedIn Russia" says nothing of Russia as a place acted in). Fighting between two states
    ("les affrontements entre troupes kényanes et somaliennes": each attacks the other) is
    between actors: it makes neither a place."""
    attacked = _ground_objects(relations)
    return tuple(replace(e, types=tuple(t for t in ENTITY_TYPES if t in e.types or t == "Region"))
                 if e.id in attacked and e.kind in ("State", "Country") and "Region" not in e.types else e
                 for e in entities)
