"""Learned relations: a recall booster over the entity pairs of a sentence.

The hand rules (``relations.py``) read a relation off a frame they know; two entities named in
one sentence are often related in a way no frame covers.  This stage, run after the rules,
takes every ordered pair (A, B) of distinct entities named in one sentence whose types fit a
predicate (``DOMAINS``) and that the rules do not already relate by it, describes the pair by
the words around and between the two mentions (never the names themselves: ``pair_features``),
and scores it with one logistic regression per predicate whose weights are a data file
(``lang/<code>/data/pairs.json``, written by ``tools/train_pairs.py``).  A pair whose
probability reaches the predicate's threshold becomes a ``Relation`` with that probability as
its confidence and, as its cue, the word whose feature weighs most (so a reader sees why).
One predicate at most per ordered pair of a document, the evidence sentence its best.
"""

from __future__ import annotations

import functools
import json
import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from itertools import repeat
from pathlib import Path

import numpy
from spacy.attrs import DEP, HEAD, IDX, POS
from spacy.symbols import ADJ, ADP, ADV, AUX, NOUN, PART, VERB

from kgbuild.extract.grammar import children_of, lower_lemma, word_columns
from kgbuild.extract.reading import MentionRef, Reading, StatementSpans
from kgbuild.extract.relations import PREDICATE_TYPES
from kgbuild.types import Relation, Statement

__all__ = ["DOMAINS", "Candidate", "PairModel", "Weights", "load_model", "pair_candidates", "pair_features", "bags",
           "find_learned_relations", "feature_is_well_formed"]

#: predicate -> (subject types, object types) a pair must fit: the rules' table (FORMAT.md's
#: vocabulary) for the predicates a model may be trained for.  The stage scores only those the
#: shipped model holds (``pairs.json``); the others are for training and cross-validation
#: (``tools/train_pairs.py``), none of them reaching the precision a predicate needs to ship.
DOMAINS = {p: PREDICATE_TYPES[p]
           for p in ("attacks", "deployedIn", "opposes", "supports", "memberOf", "leaderOf", "locatedIn")}
#: kinds that can be a place though the entity was read only as an actor (a state)
_PLACE_KINDS = ("State", "Country")
#: the parts of speech whose lemmas are features (names are never features)
_CONTENT_POS = frozenset((VERB, NOUN, ADJ, AUX))
_PARTICLE_POS = frozenset((ADV, PART))  # a negation particle is tagged one of these
#: the feature prefixes whose word may be given as a relation's cue: the words between the two
#: mentions or joining them in the tree
_CUE_PREFIXES = ("bw:", "pa:", "pb:", "lca:")
_MAX_PATH = 12  # steps up the tree from a mention's head before giving up on a common ancestor
_FEATURE_PREFIXES = ("ord:", "dist:", "bw:", "bwp:", "bwent", "pa:", "pb:", "lca:", "lcapos:", "lcao:",
                     "ca:", "cb:", "da:", "db:", "dd:", "ka:", "kb:", "kk:", "neg", "qa", "qb", "inst",
                     "spk", "rr:", "ra:", "rb:", "co:", "wl:", "wr:", "fa:", "fb:")


@dataclass(frozen=True)
class Candidate:
    """An ordered pair of entities named in one sentence, with its features."""

    subject: str  # Entity.id
    object: str
    sentence: int
    start: int  # from the first mention's start to the last one's end
    end: int
    predicates: tuple[str, ...]  # those whose types the pair fits and the rules have not found
    features: tuple[str, ...]
    words: tuple[tuple[str, int], ...] = ()  # (feature, index of the token it was read off)
    known: tuple[str, ...] = ()  # predicates the rules found for the pair (kept for training only)


def feature_is_well_formed(name: str) -> bool:
    """Does a feature name start with a known prefix and hold no space or newline?"""
    return bool(name) and name.startswith(_FEATURE_PREFIXES) and not any(c.isspace() for c in name)


# --- the model --------------------------------------------------------------------------


@dataclass(frozen=True)
class Weights:
    """One predicate's logistic regression: its bias, its threshold and its feature weights."""

    bias: float
    threshold: float
    weights: dict[str, float]

    def probability(self, features: tuple[str, ...]) -> float:
        z = self.bias + sum(map(self.weights.get, features, repeat(0.0)))  # in the features' order
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


class PairModel:
    """One logistic regression per predicate, read from a ``pairs.json``."""

    def __init__(self, predicates: dict[str, Weights]) -> None:
        self.predicates = predicates

    @classmethod
    def from_json(cls, data: dict) -> "PairModel":
        preds = {name: Weights(float(p["bias"]), float(p["threshold"]),
                                {k: float(v) for k, v in p["weights"].items()})
                 for name, p in data.get("predicates", {}).items() if name in DOMAINS and p.get("enabled", True)}
        return cls(preds)

    def best(self, candidate: Candidate) -> tuple[str, float] | None:
        """The predicate whose probability passes its threshold by most, with the probability."""
        best, margin = None, 0.0
        for name in candidate.predicates:
            model = self.predicates.get(name)
            if model is None:
                continue
            p = model.probability(candidate.features)
            if p >= model.threshold and (best is None or p - model.threshold > margin):
                best, margin = (name, p), p - model.threshold
        return best

    def cue(self, predicate: str, candidate: Candidate) -> int | None:
        """The token whose feature weighs most for the predicate (if positive), by its index."""
        weights = self.predicates[predicate].weights
        scored = [(weights.get(f, 0.0), word) for f, word in candidate.words if f.startswith(_CUE_PREFIXES)]
        top = max(scored, default=(0.0, None), key=lambda x: x[0])
        return top[1] if top[0] > 0 else None


@functools.cache
def load_model(lang: str) -> PairModel | None:
    """The pair model of a language (None when its folder has no ``pairs.json``)."""
    path = Path(__file__).parent / "lang" / lang / "data" / "pairs.json"
    if not path.is_file():
        return None
    return PairModel.from_json(json.loads(path.read_text(encoding="utf-8")))


# --- candidates ---------------------------------------------------------------------------


class _Parse:
    """The parse arrays the features read, made once per document."""

    def __init__(self, reading: Reading) -> None:
        doc = reading.doc
        arrays = doc.to_array([HEAD, IDX, POS]).astype("int64") if len(doc) else numpy.zeros((0, 3), "int64")
        self.starts = arrays[:, 1].tolist()
        self.heads = (arrays[:, 0] + numpy.arange(len(arrays))).tolist()  # offsets made indices
        self.pos = arrays[:, 2].tolist()  # spaCy's part-of-speech symbols, read without decoding
        self.deps = doc.to_array(DEP).tolist() if len(doc) else []  # the labels' hashes (decoded when read)
        self.strings = doc.vocab.strings
        self.tokens, self.rules = reading.tokens, reading.rules
        lemmas, lows, _ = word_columns(doc)  # each token's ``lower_lemma`` and ``lower_text``
        self._lemmas = lemmas
        #: per mention's offsets and per token, what several pairs ask for (read once)
        self._heads: dict[tuple[int, int], tuple[int, int, int]] = {}
        self._chains: dict[int, list[int]] = {}
        self._cases: dict[int, str] = {}
        #: each token's lemma when it is a verb, noun or adjective (the words features name), else None
        self.content = [lemmas[i] if p in _CONTENT_POS else None for i, p in enumerate(self.pos)]
        #: the verbs a negation particle hangs on ("ne" of "ne ... pas")
        self.negated = {self.heads[i] for i, p in enumerate(self.pos)
                        if p in _PARTICLE_POS and lows[i] in reading.rules.negation_particles}

    def lemma(self, i: int) -> str:
        return self._lemmas[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Token index range [a, b) of the tokens starting in [start, end)."""
        first = max(bisect_right(self.starts, start) - 1, 0)
        return first, max(bisect_left(self.starts, end), first + 1)

    def mention_head(self, start: int, end: int) -> tuple[int, int, int]:
        """The token range [a, b) of a mention's offsets and its head (``span``, ``head_of``)."""
        found = self._heads.get((start, end))
        if found is None:
            a, b = self.span(start, end)
            found = self._heads[(start, end)] = (a, b, self.head_of(a, b))
        return found

    def case(self, i: int) -> str:
        """The lemma of the first "case" word hanging on token ``i`` ("-" for none)."""
        found = self._cases.get(i)
        if found is None:
            case = next((c for c in children_of(self.tokens[i]) if c.dep_ == "case"), None)
            found = self._cases[i] = lower_lemma(case) if case is not None else "-"
        return found

    def head_of(self, a: int, b: int) -> int:
        """The token of [a, b) whose head lies outside it (the first token failing that)."""
        return next((i for i in range(a, b) if not a <= self.heads[i] < b or self.heads[i] == i), a)

    def ancestors(self, i: int) -> list[int]:
        """``i`` and the tokens above it, up to the root or ``_MAX_PATH`` steps."""
        chain = self._chains.get(i)
        if chain is None:
            chain = self._chains[i] = [i]
            while len(chain) <= _MAX_PATH and self.heads[chain[-1]] != chain[-1]:
                chain.append(self.heads[chain[-1]])
        return chain


def _fits(entity, types: tuple[str, ...]) -> bool:
    """Can the entity play one of these roles (a state can be a place though read as an actor)?"""
    return _types_fit(entity.types, entity.kind, types)


@functools.lru_cache(maxsize=4096)
def _types_fit(entity_types: tuple[str, ...], kind: str | None, types: tuple[str, ...]) -> bool:
    """``_fits`` by the entity's types and kind (remembered: few combinations, many pairs)."""
    return any(t in entity_types for t in types) or "Region" in types and kind in _PLACE_KINDS


def _by_sentence(reading: Reading) -> dict[int, list[MentionRef]]:
    """The mentions relations may read, by sentence (photo credits aside)."""
    found: dict[int, list[MentionRef]] = {}
    for ref in reading.index.refs:
        if ref.mention.sentence not in reading.skip:
            found.setdefault(ref.mention.sentence, []).append(ref)
    return found


def _closest(refs: list[MentionRef], predicates: tuple[str, ...]) -> dict[tuple[str, str], tuple[MentionRef, MentionRef]]:
    """For each ordered pair of distinct entities of a sentence that may be a subject and an
    object of one of the predicates, its two nearest mentions."""
    best: dict[tuple[str, str], tuple[int, MentionRef, MentionRef]] = {}
    subjects = [r for r in refs if any(_fits(r.entity, DOMAINS[p][0]) for p in predicates)]
    objects = [r for r in refs if any(_fits(r.entity, DOMAINS[p][1]) for p in predicates)]
    for a in subjects:
        for b in objects:
            if a.entity.id == b.entity.id:
                continue
            gap = abs(a.start - b.start)
            key = (a.entity.id, b.entity.id)
            if key not in best or gap < best[key][0]:
                best[key] = (gap, a, b)
    return {k: (a, b) for k, (_, a, b) in best.items()}


class _Document:
    """What the rules found that the features read, per entity and per pair, and how many
    sentences name each pair."""

    def __init__(self, relations: tuple[Relation, ...], by_sentence: dict[int, list[MentionRef]]) -> None:
        self.known = {(r.subject, r.predicate, r.object) for r in relations}
        self.between: dict[tuple[str, str], set[str]] = {}
        self.roles: dict[str, set[str]] = {}
        for r in relations:
            self.between.setdefault((r.subject, r.object), set()).add(r.predicate + ">")
            self.between.setdefault((r.object, r.subject), set()).add(r.predicate + "<")
            self.roles.setdefault(r.subject, set()).add(r.predicate + ">")
            self.roles.setdefault(r.object, set()).add(r.predicate + "<")
        self.together: dict[frozenset, int] = {}
        for refs in by_sentence.values():
            ids = sorted({ref.entity.id for ref in refs})
            for n, a in enumerate(ids):
                for b in ids[n + 1:]:
                    key = frozenset((a, b))
                    self.together[key] = self.together.get(key, 0) + 1

    def features(self, a: str, b: str) -> tuple[str, ...]:
        """The rules' relations between the pair and of each side, and how often they meet."""
        found = ["rr:" + p for p in self.between.get((a, b), ())]
        found += ["ra:" + p for p in self.roles.get(a, ())] + ["rb:" + p for p in self.roles.get(b, ())]
        found.append("co:" + _bucket(self.together.get(frozenset((a, b)), 0), (1, 2, 4)))
        return tuple(sorted(found))


def pair_candidates(reading: Reading, statements: tuple[Statement, ...], relations: tuple[Relation, ...],
                    keep_known: bool = False, predicates: tuple[str, ...] = tuple(DOMAINS)) -> list[Candidate]:
    """Every ordered pair of entities of a sentence that some predicate could join and the rules
    have not joined by it, with its features (``keep_known``: and the pairs the rules joined, for
    training: they show how the relation is written; ``predicates``: those asked about)."""
    by_sentence = _by_sentence(reading)
    document = _Document(relations, by_sentence)
    statements = StatementSpans(statements)
    parse, found = None, []
    for k, refs in sorted(by_sentence.items()):
        for (sa, sb), (a, b) in _closest(refs, predicates).items():
            fit = [p for p in predicates if _fits(a.entity, DOMAINS[p][0]) and _fits(b.entity, DOMAINS[p][1])]
            preds = tuple(p for p in fit if (sa, p, sb) not in document.known)
            known = tuple(p for p in fit if (sa, p, sb) in document.known) if keep_known else ()
            if not preds and not known:
                continue
            parse = parse or _Parse(reading)
            feats, words = pair_features(parse, reading, statements, a, b)
            feats += document.features(sa, sb)
            found.append(Candidate(sa, sb, k, min(a.start, b.start), max(a.end, b.end), preds, feats, words, known))
    return found


# --- features ------------------------------------------------------------------------------


def _bucket(n: int, bounds: tuple[int, ...]) -> str:
    for b in bounds:
        if n <= b:
            return str(b)
    return "more"


def pair_features(parse: _Parse, reading: Reading, statements: tuple[Statement, ...],
                  a: MentionRef, b: MentionRef) -> tuple[tuple[str, ...], tuple[tuple[str, int], ...]]:
    """The features of a pair of mentions (subject ``a``, object ``b``) and the words that
    carry the lexical ones."""
    a0, a1, ha = parse.mention_head(a.start, a.end)
    b0, b1, hb = parse.mention_head(b.start, b.end)
    feats = ["ord:ab" if a.start < b.start else "ord:ba", "dist:" + _bucket(abs(ha - hb), (2, 5, 10, 20, 40))]
    words: list[tuple[str, str]] = []
    _between(parse, reading, (a1, b0) if a.start < b.start else (b1, a0), feats, words)
    _window(parse, reading, a.mention.sentence, (min(a0, b0), max(a1, b1)), feats, words)
    _path(parse, ha, hb, feats, words)
    _roles(parse, ha, hb, feats)
    _kinds(a, b, feats)
    _quoting(reading, statements, a, b, feats)
    return tuple(dict.fromkeys(feats)), tuple(dict.fromkeys(words))


def _between(parse: _Parse, reading: Reading, gap: tuple[int, int], feats: list, words: list) -> None:
    """The verbs, nouns and prepositions between the two mentions, and whether an entity is."""
    lo, hi = gap
    _content_words(parse, "bw:", range(lo, min(hi, lo + 60)), feats, words)
    feats += ["bwp:" + parse.lemma(i) for i in range(lo, min(hi, lo + 60)) if parse.pos[i] == ADP]
    if lo < hi and reading.index.inside(parse.starts[lo], parse.starts[hi - 1] + 1):
        feats.append("bwent")


def _window(parse: _Parse, reading: Reading, k: int, pair: tuple[int, int], feats: list, words: list) -> None:
    """The verbs and nouns of the sentence just before the first mention and just after the last."""
    first, last = parse.span(reading.sentences[k].start, reading.sentences[k].end)
    for prefix, span in (("wl:", range(pair[0] - 1, max(first, pair[0] - 6) - 1, -1)),
                         ("wr:", range(pair[1], min(last, pair[1] + 5)))):
        _content_words(parse, prefix, span, feats, words)


def _content_words(parse: _Parse, prefix: str, indices, feats: list, words: list) -> None:
    """A feature (and its word) for each verb, noun or adjective among the tokens."""
    content = parse.content
    found = [(prefix + word, i) for i in indices if (word := content[i]) is not None]
    feats += [f for f, _ in found]
    words += found


def _path(parse: _Parse, ha: int, hb: int, feats: list, words: list) -> None:
    """The words on the tree path between the two heads, their lowest common ancestor, and
    whether a negation hangs on it."""
    up_a, up_b = parse.ancestors(ha), parse.ancestors(hb)
    common = next((i for i in up_a if i in up_b), None)
    if common is None:
        feats.append("lca:none")
        return
    side_a, side_b = up_a[1:up_a.index(common)], up_b[1:up_b.index(common)]
    _content_words(parse, "pa:", side_a, feats, words)
    _content_words(parse, "pb:", side_b, feats, words)
    lemma = "=A" if common == ha else "=B" if common == hb else parse.lemma(common)
    feats += ["lca:" + lemma, "lcapos:" + parse.strings[parse.pos[common]], "lcao:" + lemma + ("<" if ha < hb else ">")]
    if common not in (ha, hb):
        words += [("lca:" + lemma, common), ("lcao:" + lemma + ("<" if ha < hb else ">"), common)]
    if parse.negated.intersection(side_a + side_b + [common]):
        feats.append("neg")


def _roles(parse: _Parse, ha: int, hb: int, feats: list) -> None:
    """Each mention's dependency label and the preposition governing it."""
    da, db = parse.strings[parse.deps[ha]], parse.strings[parse.deps[hb]]
    feats += ["da:" + da, "db:" + db, "dd:" + da + ">" + db, "ca:" + parse.case(ha), "cb:" + parse.case(hb)]


def _kinds(a: MentionRef, b: MentionRef, feats: list) -> None:
    """The two entities' kinds and how often the document names each."""
    ka, kb = a.entity.kind or "-", b.entity.kind or "-"
    feats += ["ka:" + ka, "kb:" + kb, "kk:" + ka + ">" + kb,
              "fa:" + _bucket(len(a.entity.mentions), (1, 3, 8)), "fb:" + _bucket(len(b.entity.mentions), (1, 3, 8))]


def _quoting(reading: Reading, statements: tuple[Statement, ...], a: MentionRef, b: MentionRef,
             feats: list) -> None:
    """Whether each mention is quoted, both lie in a statement's content, or the subject says it."""
    if reading.quotes.inside(a.start):
        feats.append("qa")
    if reading.quotes.inside(b.start):
        feats.append("qb")
    for s in StatementSpans.of(statements).holding(b.start, b.end):
        if s.start <= a.start and a.end <= s.end:
            feats.append("inst")
        elif s.speaker == a.entity.id:
            feats.append("spk")


# --- relations -------------------------------------------------------------------------------


def bags(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per ordered pair of the document, the union of its sentences' features (the
    gold says whether two entities are related in a document, not in which sentence), with its
    first sentence's place (the stage takes as evidence the sentence the model likes best:
    ``_evidence``)."""
    merged: dict[tuple[str, str], Candidate] = {}
    for c in candidates:
        key = (c.subject, c.object)
        first = merged.get(key)
        merged[key] = c if first is None else replace(
            first, predicates=tuple(dict.fromkeys(first.predicates + c.predicates)),
            features=tuple(dict.fromkeys(first.features + c.features)),
            words=tuple(dict.fromkeys(first.words + c.words)), known=tuple(dict.fromkeys(first.known + c.known)))
    return list(merged.values())


def _evidence(model: PairModel, predicate: str, pair: Candidate, candidates: list[Candidate]) -> Candidate:
    """The sentence of a pair that the predicate's model likes best."""
    own = [c for c in candidates if (c.subject, c.object) == (pair.subject, pair.object)]
    return max(own, key=lambda c: model.predicates[predicate].probability(c.features))


def _cue_word(reading: Reading, model: PairModel, name: str, evidence: Candidate, pair: Candidate) -> str | None:
    """The text of the cue token: the evidence sentence's, else the pair's other sentences'."""
    i = model.cue(name, evidence)
    i = model.cue(name, pair) if i is None else i
    return None if i is None else reading.tokens[i].text


def find_learned_relations(reading: Reading, statements: tuple[Statement, ...],
                           relations: tuple[Relation, ...], model: PairModel | None) -> tuple[Relation, ...]:
    """The relations the pair model adds to the rules' (one per ordered pair of the document)."""
    if model is None or not model.predicates:
        return ()
    candidates = pair_candidates(reading, statements, relations, predicates=tuple(model.predicates))
    found = []
    for pair in bags(candidates):
        hit = model.best(pair)
        if hit is None:
            continue
        name, p = hit
        c = _evidence(model, name, pair, candidates)
        found.append(Relation(c.subject, name, c.object, c.start, c.end, sentence=c.sentence,
                              confidence=round(p, 2), cue=_cue_word(reading, model, name, c, pair)))
    return tuple(found)
