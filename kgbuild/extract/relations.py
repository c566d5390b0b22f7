"""Relations between entities, from French cue words and the dependency parse.

Each cue (a verb, noun or role phrase of ``lang/fr/relcues``) opens argument
slots that are filled from its dependants first ("fournis par les Etats-Unis":
the agent supplies the noun the participle modifies) and, when the parser
went astray, from the nearest fitting mention in the cue's clause.  Arguments
must fit the type table of FORMAT.md (supplies: Actor -> Weapon, ...).

Every relation carries a modality: negated ("ne compte pas livrer"; kept, so
exports can exclude it), hedged (press conditional "pourraient être tirés",
possibility or intention verbs, an unconfirmed report), reported (inside a
statement's content or a "selon" clause), asserted otherwise.

An authorisation ("feu vert", "autoriser X à frapper", "permettre à X de")
is an event: authorizes(grantor, grantee) and targets(grantee or weapon,
region) share its event id.  Anaphoric mentions ("l'autorisation", "ce feu
vert de X") refer to the article's authorisation, so a grantor named in one
place and a grantee named in another are joined into one event.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace

import numpy
from spacy.attrs import DEP, HEAD
from spacy.tokens import Doc, Token

from kgbuild.extract.grammar import (
    agent_phrase,
    children_of,
    clause_hedged,
    clause_negation,
    is_impersonal,
    lower_lemma,
    lower_text,
    misread_partitive,
    morph_values,
    passive_subjects,
    resolve_pronoun,
    subjects_of,
    word_columns,
)
from kgbuild.extract.language import LanguageRules
from kgbuild.extract.reading import MentionRef, Reading, StatementSpans, dominant, led_phrase_after
from kgbuild.normalize import fold_quotes, normalize_label
from kgbuild.types import Mention, Relation, Statement

__all__ = ["find_relations", "PREDICATE_TYPES"]

#: predicate -> (subject types, object types): the table of FORMAT.md
PREDICATE_TYPES = {
    "supplies": (("Actor",), ("Weapon",)),
    "suppliesTo": (("Actor",), ("Actor",)),
    "authorizes": (("Actor",), ("Actor", "Weapon")),
    "targets": (("Actor", "Weapon"), ("Region",)),
    "attacks": (("Actor",), ("Region", "Actor")),
    "deployedIn": (("Actor",), ("Region",)),
    "leaderOf": (("Actor",), ("Actor",)),
    "memberOf": (("Actor",), ("Actor",)),
    "locatedIn": (("Region",), ("Region",)),
    "supports": (("Actor",), ("Actor",)),
    "opposes": (("Actor",), ("Actor",)),
}
_STATE_KINDS = ("State", "Country")
_GROUP_KINDS = ("ArmedGroup", "Group")
_ORGANISATION_KINDS = ("Organization", "InternationalOrganization")
_AREA_KINDS = ("State", "Country", "AdministrativeRegion", "Continent")
#: how wide an area of each kind is (a town or a site: 0)
_AREA_RANKS = {"AdministrativeRegion": 1, "State": 2, "Country": 2, "Continent": 3}
#: what may stand between a noun phrase and the relative pronoun after it: commas, spaces and a
#: short bracketed acronym ("l'Alliance des Etats du Sahel (AES), qui ...")
_BRACKET_GAP = re.compile(r"[\s,]*(?:\([^()]{1,12}\)[\s,]*)?")
#: an open bracket of lower-case words glossing the name before it ("les YPG (milice kurde qui")
_GLOSS_GAP = re.compile(r"\s*\(\s*[^\W\dA-Z][^\W\d]*(?:[\s'’-]+[^\W\dA-Z][^\W\d]*){0,3}\s*")
#: entity kinds one can join or be grouped in (organisations, armed groups, not states or places)
_BODY_KINDS = frozenset({"Organization", "Group"})
#: the bodies a person's name may carry in brackets as his own ("Jean Dupont (PS)")
_MEMBER_BODY_KINDS = _BODY_KINDS | {"Party"}
#: parts of speech of a description before a bracketed name ("la mission de l'ONU (X)")
_DESCRIPTION_POS = ("NOUN", "ADJ", "ADP", "DET", "PROPN")
#: places with a government of their own under the state's (a local office's body)
_LOCAL_KINDS = ("AdministrativeRegion", "City")
_NON_FIGHTERS = ("Person", *_ORGANISATION_KINDS)  # no side of fighting told by a reflexive verb
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "dep", "ROOT", "appos", "conj", "expl:subj"})
_COMPLEMENT_DEPS = frozenset({"xcomp", "advcl", "ccomp", "obj", "obl", "obl:arg", "obl:mod", "iobj"})
_OBLIQUES = ("obl", "obl:arg", "obl:mod")  # "a riposté par des frappes au Liban": strikes too
_PURCHASE_CHAIN = frozenset({"nmod", "obj", "obl", "obl:arg", "obl:mod"})



@functools.lru_cache(maxsize=512)
def _first_words_of(lemmas: frozenset) -> frozenset:
    return frozenset(w.split(" ", 1)[0] for w in lemmas if " " in w)


def _first_words(lemmas) -> frozenset | None:
    """The first words of a list's entries of two words ("casque bleu": "casque"), cached for the
    frozen lists (a bounded cache: lists made per document, such as a finder's own unions, come
    and go); None for a list that cannot be hashed (its entries of two words are then tried)."""
    try:
        return _first_words_of(lemmas)
    except TypeError:
        return None


def _first_of_each_type(refs: list[MentionRef], size: int) -> list[MentionRef]:
    """The first ``size`` actors and the first ``size`` weapons of ``refs``, in their order: two
    weapons named first ("des tirs de mortier et de roquettes menés par X") keep X."""
    counts: Counter = Counter()
    kept = []
    for ref in refs:
        counts["Weapon" in ref.entity.types] += 1
        if counts["Weapon" in ref.entity.types] <= size:
            kept.append(ref)
    return kept


def _heads_with(doc: Doc, *labels: str) -> list[set[int]]:
    """For each label, the indices of the words with a child so labelled ("X est le chef":
    "chef" for "cop"), read off the parse's arrays once for all labels (the relation rules ask
    it of every noun); a root, its own head, is no one's child."""
    if not len(doc):
        return [set() for _ in labels]
    deps, offsets = doc.to_array(DEP), doc.to_array(HEAD).astype(numpy.int64)
    found = []
    for label in labels:
        children = numpy.flatnonzero(deps == doc.vocab.strings[label])
        found.append({i + o for i, o in zip(children.tolist(), offsets[children].tolist()) if o})
    return found


def _in(token: Token, lemmas) -> bool:
    """The token's lemma or form is in the list, or with the word after it an entry of two words
    ("les Casques bleus" for "casque bleu")."""
    return _read_in(token, lower_lemma(token), lower_text(token), lemmas)


def _read_in(token: Token, lemma: str, low: str, lemmas) -> bool:
    """``_in`` for a word whose lower-cased lemma and form are read already (``run_words``)."""
    if lemma in lemmas or low in lemmas:
        return True
    known = _FIRST_WORDS.get(id(lemmas))  # a frozen list's, read once (most words open no entry)
    firsts = known[1] if known is not None else _remembered(_FIRST_WORDS, lemmas, _first_words)
    if (firsts is not None and lemma not in firsts) or token.i + 1 >= len(token.doc):
        return False
    return f"{lemma} {lower_lemma(token.nbor(1))}" in lemmas


#: id of a frozen list -> (the list, kept so its id stays its own; its entries' first words)
_FIRST_WORDS: dict[int, tuple[frozenset, frozenset]] = {}


def _remembered(store: dict, lists, build):
    """``build(lists)``, kept in ``store`` under the list's id when the list is frozen (with the
    list, so that the id stays its own; at most 4096 lists): the callers look in ``store`` first."""
    made = build(lists)
    if type(lists) is frozenset and len(store) < 4096:
        store[id(lists)] = (lists, made)
    return made

_UNSEEN = object()  # a span not made yet (``char_span`` may give None)


def _describing_clauses(token: Token) -> list[Token]:
    """The clauses on a noun (``acl``, ``acl:relcl``) that hold a word, the word included."""
    return [t for t in [token, *token.ancestors] if t.dep_ in ("acl", "acl:relcl")]


def _heads(token: Token, steps: int) -> list[Token]:
    """The words up to ``steps`` heads above a token, not above a subject or a relative clause
    (the verb of a subject does not govern what the subject's phrase says)."""
    out, current = [], token
    while len(out) < steps and current.head.i != current.i and not current.dep_.startswith(("nsubj", "csubj", "acl:relcl")):
        current = current.head
        out.append(current)
    return out


def _heads_above(cue: Token, verb: Token | None) -> list[Token]:
    """The words up to three heads above a cue or its verb (``_heads``): where a word that makes
    the relation only risked or planned stands."""
    return [g for anchor in {cue, verb or cue} for g in _heads(anchor, 3)]


@dataclass
class _Frame:
    """An authorisation mention with whatever slots its sentence fills."""

    cue: Token
    sentence: int
    grantors: list[MentionRef] = field(default_factory=list)
    grantees: list[MentionRef] = field(default_factory=list)
    weapons: list[MentionRef] = field(default_factory=list)
    regions: list[MentionRef] = field(default_factory=list)
    anaphoric: bool = False


class _Finder:
    def __init__(self, reading: Reading, entities, statements) -> None:
        self.doc, self.text, self.sentences = reading.doc, reading.text, reading.sentences
        self.tokens, self.index, self.quotes = reading.tokens, reading.index, reading.quotes
        self.skip, self.units = reading.skip, reading.units
        self.reading, self.rules = reading, reading.rules
        self.statements = statements
        self._statement_spans = StatementSpans(statements)
        self.found: list[Relation] = []
        self.frames: list[_Frame] = []
        self.by_label = {normalize_label(e.label): e for e in entities}
        self.by_id = {e.id: e for e in entities}
        for e in entities:
            for m in e.mentions:
                self.by_label.setdefault(normalize_label(m.text), e)
        self.forces = self.rules.troop_nouns | self.rules.fighter_nouns  # troops and fighters, one list
        # the words a copula or a preposition hangs on, read once
        self.copula_heads, self.case_heads = _heads_with(self.doc, "cop", "case")
        self._sourced: dict[tuple[int, int], bool] = {}  # runs with a source word outside quotes
        self.unclaimed: list[tuple] = []  # attacks named with no author: (noun, run, places, hit)
        self.subject_events: list[tuple] = []  # the same, subjects of a verb of hitting
        self.claims: list[tuple[int, MentionRef]] = []  # (run, claimant) of the claims read
        self.claims_pointing_back: set[int] = set()  # runs of the claims of an attack told before
        self.claims_of_this: set[int] = set()  # runs of the claims of an attack a demonstrative points at
        self.attackers: list[tuple[int, MentionRef]] = []  # (sentence, author) of the attacks found
        self.pointed_strikes: list[tuple] = []  # strikes with no author a determiner points back at
        self._spans: dict[tuple[int, int], object] = {}  # (start, end) -> ``span_at``'s span
        self._roots: dict[tuple[int, int], Token] = {}  # (start, end) -> the root of that span
        self._words: dict[tuple[int, int], list[tuple[Token, str, str, str]]] = {}  # see ``run_words``
        self._naming = False  # inside ``named_by_noun``: a description may not name the group by itself
        self._state_ends: list[int] | None | object = _UNSEEN  # see ``state_ends``
        self._dominant: dict[int, list[MentionRef]] = {}  # ``dominant_state`` by states ended before
        self._named_later: list[MentionRef] | None = None  # ``state_named_later``'s state, once known

    # --- noun phrases -> entities -------------------------------------------------
    def ref_at(self, token: Token) -> MentionRef | None:
        ref = self.index.at_token(token)
        if ref is not None:
            return ref
        if token.pos_ == "ADJ" and lower_text(token) in self.rules.demonyms:  # a demonym without a mention
            entity = self.by_label.get(normalize_label(self.rules.demonyms[lower_text(token)]))
            if entity is not None:
                m = entity.mentions[0]
                return MentionRef(entity, m)
        return None

    def np(self, token: Token | None, depth: int = 0) -> list[MentionRef]:
        """Entities a noun phrase headed by ``token`` stands for (coordination included)."""
        if token is None or depth > 3:
            return []
        low = lower_text(token)
        if is_impersonal(token, self.rules) and not self.reflexive_subject(token):
            return []
        if low in self.rules.pronoun_gender and low not in self.rules.relative_pronouns:
            return self.pronoun_antecedent(token, low)
        if low in self.rules.relative_pronouns:
            return self.relative_antecedent(token)
        found = self.apposed_people(token, depth) or self.head_entities(token, depth)
        return found + [r for child in self.conjuncts(token) for r in self.np(child, depth + 1)]

    def head_entities(self, token: Token, depth: int) -> list[MentionRef]:
        """Entities the head of a noun phrase stands for, its coordination aside."""
        ref = self.person_of_demonym(token) or self.ref_at(token) or self.place_anaphor(token) \
            or next(iter(self.body_named_before(token)), None)
        return [ref] if ref is not None else (
            self.np_dependants(token, depth) or self.governed_state(token))  # "combattre le régime": its state

    def body_named_before(self, token: Token) -> list[MentionRef]:
        """A bare body noun ("les attaques contre l'armée") stands for the state the text last
        named with that noun ("l'armée régulière soudanaise" ... "l'armée": Sudan)."""
        if token.pos_ != "NOUN" or lower_lemma(token) not in self.rules.home_bodies \
                or any(c.dep_ in ("amod", "appos", "flat:name") or c.dep_ == "nmod" and self.ref_at(c)
                       for c in children_of(token)):
            return []
        return next(([ref] for ref in self.index.nearest_before(token.idx) if ref.entity.kind in _STATE_KINDS
                     and lower_lemma(self.root_of(ref).head) == lower_lemma(token)), []) or self.body_named_later(token)

    def body_named_later(self, token: Token) -> list[MentionRef]:
        """A bare body noun before any state is named ("L'armée lance une offensive contre X" in
        a headline): the one state the text names later with that noun or calls by it alone."""
        if any(r.entity.kind in _STATE_KINDS for r in self.index.nearest_before(token.idx)):
            return []
        lemma = lower_lemma(token)
        later = [r for r in self.index.refs if r.start > token.idx and r.entity.kind in _STATE_KINDS
                 and lemma in (lower_lemma(self.root_of(r).head), lower_lemma(self.root_of(r)))]
        return later[:1] if len({r.entity.id for r in later}) == 1 else []

    def conjuncts(self, token: Token) -> list[Token]:
        """The nouns coordinated with ``token``; a name in quotes outside them is none ("l'Algérien
        X, chef de la katiba « Y »")."""
        quoted = self.quotes.inside(token.idx)
        return [c for c in children_of(token)
                if c.dep_ == "conj" and (c.pos_ in ("NOUN", "PROPN") or self.index.at_token(c))
                and (quoted or not self.quotes.inside(c.idx))]

    def person_of_demonym(self, token: Token) -> MentionRef | None:
        """The person a demonym noun is apposed to ("l'Algérien Djamel Okacha": Okacha, not
        Algeria)."""
        if lower_text(token) not in self.rules.demonyms:
            return None
        return next((r for c in children_of(token) if c.dep_ in ("appos", "flat:name") for r in [self.ref_at(c)]
                     if r is not None and r.entity.kind == "Person"), None)

    def pronoun_antecedent(self, token: Token, low: str) -> list[MentionRef]:
        """What a personal pronoun stands for: the speaker of the reported speech it opens, the
        subject of the sentence before, else the nearest fitting actor."""
        ref = self.speaker_pronoun(token) or self.reporter_subject(token, low)
        host = self.relative_host_subject(token, low) if ref is None else []
        if host:
            return host
        if ref is None and self.thing_antecedent(token, low):
            return []
        ref = ref or self.subject_antecedent(token, low) or resolve_pronoun(low, token.idx, self.reading)
        return [ref] if ref and not self.fronted(ref, token) else []

    def reflexive_subject(self, token: Token) -> bool:
        """ "il s'empare de Bukavu": the parse's expletive subject of a reflexive verb that is no
        impersonal verb ("il s'agit de" is) stands for someone."""
        head = token.head
        return token.dep_ == "expl:subj" and head.lemma_ not in self.rules.impersonal_verbs and _reflexive(head)

    def np_dependants(self, token: Token, depth: int) -> list[MentionRef]:
        """A noun phrase whose head names no entity: the name apposed to it or the adjective
        right after it, a weapon's name ("les missiles ATACMS"), or the owner a group,
        quantity, facility or direction noun is of ("les forces du M23", not "les forces
        kurdes en Syrie")."""
        part_of = self.group_of_part(token, depth) or self.preposition_noun_object(token, depth)
        if part_of:
            return part_of
        hit = self.apposed(token)
        if hit is not None and self.fighters_origin(token, hit):
            return self.described_group(token)  # "les terroristes somaliens": not Somalia
        if hit is not None:
            return [hit] + self.coordinated_adjectives(token, hit)
        lemma = lower_lemma(token)
        found = self.head_names(token, lemma, depth) or self.examples_named(token, lemma, depth)
        # "dans l'est de la RDC": the tagger may read "est" as the verb, its text still says
        if not found and (lemma in self.rules.quantity_nouns or lemma in self.rules.group_heads
                          or lemma in self.rules.facility_nouns or _in(token, self.rules.direction_words)):
            return self.mission_of(token, self.owned_by(token, depth))
        if not found and _in(token, self.rules.place_heads):  # "la cité de Kiwanja", "le territoire de X"
            return self.typed(self.owner(token, depth), ("Region",))
        return found

    def examples_named(self, token: Token, lemma: str, depth: int) -> list[MentionRef]:
        """ "des pays comme le Danemark ou l'Estonie ont livré ...": a noun of states or
        groups that names no entity stands for the examples its "comme"/"tels que" phrase lists."""
        if not (lemma in self.rules.group_heads or lemma in self.rules.example_hosts):
            return []
        return [r for c in children_of(token) if c.dep_ == "nmod" and c.i > token.i
                and _introduced_by(c, self.rules.example_phrases) for r in self.np(c, depth + 1)]

    def of_phrases(self, token: Token, depth: int) -> list[MentionRef]:
        """The entities the "de" phrases after a noun name."""
        return [r for c in children_of(token) if c.dep_ == "nmod" and c.i > token.i
                and _introduced_by(c, self.rules.of_prepositions) for r in self.np(c, depth + 1)]

    def preposition_noun_object(self, token: Token, depth: int) -> list[MentionRef]:
        """The noun of a compound preposition stands for its "de" phrase ("des sanctions à
        l'encontre du pays X": X)."""
        return self.of_phrases(token, depth) if lower_lemma(token) in self.rules.preposition_nouns else []

    def group_of_part(self, token: Token, depth: int) -> list[MentionRef]:
        """The group a part noun belongs to ("la branche égyptienne du groupe X", "l'aile armée
        de Y"): the actor its "de" phrase names, not the state of an adjective on it."""
        if lower_lemma(token) not in self.rules.group_part_nouns:
            return []
        owners = self.of_phrases(token, depth)
        return [r for r in owners if "Actor" in r.entity.types and r.entity.kind not in _STATE_KINDS][:1]

    def apposed_people(self, token: Token, depth: int) -> list[MentionRef]:
        """The people listed after a comma right behind a noun (its adjectives aside) and closing
        the phrase ("deux militants palestiniens, A et B, ..."): they, not the state of a demonym,
        are what the phrase stands for, however the parse hangs the names."""
        k = token.i + 1
        while k < len(self.tokens) and self.tokens[k].head.i == token.i and self.tokens[k].dep_ == "amod":
            k += 1
        # "le chef des X, Y": Y is the chief, not the X
        owned = token.dep_ == "nmod" and _introduced_by(token, self.rules.of_prepositions)
        if token.pos_ != "NOUN" or depth > 0 or owned or k >= len(self.tokens) or self.tokens[k].text != ",":
            return []
        people, k = self.people_list(k + 1)
        closing = k >= len(self.tokens) or self.tokens[k].is_punct or lower_text(self.tokens[k]) in self.rules.relative_pronouns
        return people if closing else []

    def people_list(self, k: int) -> tuple[list[MentionRef], int]:
        """The person mentions from token ``k`` on, joined by commas or a list conjunction, and
        the index of the first token past them."""
        people: list[MentionRef] = []
        while k < len(self.tokens):
            ref = self.ref_at(self.tokens[k])
            if ref is None or ref.entity.kind != "Person" or ref.start < self.tokens[k].idx:
                break
            people.append(ref)
            while k < len(self.tokens) and self.tokens[k].idx < ref.end:
                k += 1
            joint = k + 1 < len(self.tokens) and (self.tokens[k].text == "," or _in(self.tokens[k], self.rules.list_conjunctions))
            nxt = self.ref_at(self.tokens[k + 1]) if joint else None
            if nxt is None or nxt.entity.kind != "Person":
                break
            k += 1
        return people, k

    def fighters_origin(self, token: Token, hit: MentionRef) -> bool:
        """A state's demonym on a fighter description ("les terroristes somaliens ont visé",
        "le porte-parole des rebelles yéménites"): it tells where the fighters come from; they
        are not that state (its army would be "l'armée somalienne")."""
        return hit.entity.kind in _STATE_KINDS and self.fighter_noun(token) is not None and any(
            c.dep_ == "amod" and c.pos_ == "ADJ" and self.ref_at(c) == hit for c in children_of(token))

    def mission_of(self, token: Token, owners: list[MentionRef]) -> list[MentionRef]:
        """ "la force de l'ONU" where the text names one body of that organisation whose name
        opens with the same noun ("la Force intérimaire des Nations unies au Liban"): that body,
        not the organisation (``organisation_names`` spells an acronym out)."""
        if len(owners) != 1 or owners[0].entity.kind not in _ORGANISATION_KINDS:
            return owners
        owner = owners[0].entity
        names = {normalize_label(n) for m in (owner.label, *(x.text for x in owner.mentions))
                 for n in (m, *self.rules.organisation_names.get(m.lower(), ()))}
        bodies = [e for e in self.by_label.values() if e.id != owner.id and e.kind in _ORGANISATION_KINDS
                  and normalize_label(e.label).split(" ")[0] == normalize_label(token.text)
                  and any(n and f" {n} " in f" {normalize_label(e.label)} " for n in names)]
        bodies = list({e.id: e for e in bodies}.values())
        return [MentionRef(bodies[0], bodies[0].mentions[0])] if len(bodies) == 1 else owners

    def owned_by(self, token: Token, depth: int) -> list[MentionRef]:
        """The owner of a group, quantity, facility or direction noun; for troops with a
        possessive, their possessor ("X a annoncé que ses forces spéciales avaient mené")."""
        if _possessive(token) and _in(token, self.forces):
            return self.possessor(token)
        if _possessive(token) and _in(token, self.rules.state_stand_ins):  # "le président turc a dit que son pays"
            return [r for r in self.possessor(token) if r.entity.kind in _STATE_KINDS]
        return self.owner(token, depth)

    def possessor(self, token: Token) -> list[MentionRef]:
        """Whose troops a possessive names: the subject of the nearest verb above them that has
        an actor subject other than them ("L'armée américaine a annoncé que ses forces avaient
        mené une frappe": the United States)."""
        verb, inner = token.head, token
        for _ in range(4):
            if verb.pos_ == "VERB":
                subjects = [c for c in children_of(verb) if c.dep_.startswith("nsubj") and c.i != inner.i and c.i != token.i]
                found = self.typed([r for c in subjects for r in self.state_of_body(c) or self.np(c, 3)], ("Actor",))
                if found:
                    return found[:1]
            if verb.head.i == verb.i:
                break
            inner, verb = verb, verb.head
        return []

    def state_of_body(self, token: Token) -> list[MentionRef]:
        """The state a body's demonym names ("le ministère russe de la Défense": Russia), whose
        troops the body speaks of."""
        states = [self.by_label.get(normalize_label(self.rules.demonyms[lower_text(c)])) for c in children_of(token)
                  if c.dep_ in ("amod", "nmod") and lower_text(c) in self.rules.demonyms]
        return [MentionRef(e, e.mentions[0]) for e in states if e is not None and e.kind in _STATE_KINDS][:1]

    def head_names(self, token: Token, lemma: str, depth: int) -> list[MentionRef]:
        """A weapon's name after its noun ("les missiles ATACMS"), or the state a body named
        after its leader stands for ("le gouvernement de Benyamin Netanyahou")."""
        if lower_text(token) in self.rules.weapon_heads or lemma in self.rules.weapon_heads:
            return self.typed([self.ref_at(c) for c in children_of(token)
                               if c.i == token.i + 1 and c.pos_ in ("PROPN", "NOUN", "X")], ("Weapon",))
        if lemma in self.rules.leader_body_nouns:
            return self.led_states(self.owner(token, depth))
        return []

    def led_states(self, owners: list[MentionRef]) -> list[MentionRef]:
        """The state a person the text made its leader stands for in a body named after him
        ("le gouvernement de Benyamin Netanyahou": Israel)."""
        people = {r.entity.id for r in owners if r.entity.kind == "Person"}
        led = {r.object for r in self.found if r.predicate == "leaderOf" and r.subject in people}
        states = [e for e in self.by_label.values() if e.id in led and e.kind in _STATE_KINDS]
        return [MentionRef(e, e.mentions[0]) for e in states[:1]]

    def coordinated_adjectives(self, token: Token, hit: MentionRef) -> list[MentionRef]:
        """The entities of the adjectives coordinated with the one that named ``hit`` ("les forces
        américaines et britanniques": the United Kingdom too)."""
        return [r for child in children_of(token) if child.dep_ == "amod" and self.ref_at(child) == hit
                for c in children_of(child) if c.dep_ == "conj" and c.pos_ == "ADJ"
                for r in [self.ref_at(c)] if r is not None and r.entity.id != hit.entity.id]

    def weapon_pair(self, hit: MentionRef, c: Token) -> bool:
        """A name coordinated with a weapon's name that names a weapon too."""
        return c.pos_ == "PROPN" and "Weapon" in hit.entity.types and bool(self.typed([self.ref_at(c)], ("Weapon",)))

    def apposed(self, token: Token) -> MentionRef | None:
        """The name apposed to a noun, or the entity of the adjective right after it."""
        for child in children_of(token):
            if child.dep_ == "appos" and self.owned_fighters(token, child):
                continue
            # a name the parse hangs as a modifier counts past an adjective ("le mouvement rebelle M23")
            if self.qualifier(token, child) or child.dep_ in ("appos", "flat:name"):
                # "le groupe russe Wagner": the name the parse hangs on the demonym, not its state
                hit = next((r for g in children_of(child) if g.dep_ in ("flat:name", "appos") and g.pos_ == "PROPN"
                            for r in [self.ref_at(g)] if r is not None), None) or self.ref_at(child)
                if hit is not None:
                    return self.over_demonym(token, child, hit)
        return self.name_after(token) or self.person_after(token)

    def person_after(self, token: Token) -> MentionRef | None:
        """A person's name right after a noun, hung as its bare complement (no preposition): the
        name a title is apposed to however the parse hangs it ("le lieutenant-colonel X")."""
        child = next((c for c in children_of(token) if c.i == token.i + 1 and c.dep_ == "nmod" and c.pos_ == "PROPN"
                      and not any(g.dep_ == "case" for g in children_of(c))), None)
        hit = self.ref_at(child) if child is not None else None
        return hit if hit is not None and hit.start == child.idx and hit.entity.kind == "Person" else None

    def qualifier(self, token: Token, child: Token) -> bool:
        """An adjective or a name hung as a modifier that qualifies the noun itself: right after
        it, a proper name past an adjective ("le mouvement rebelle M23"), or after a bare noun
        joined to it first ("les forces armées congolaises")."""
        return child.dep_ == "amod" and (child.i == token.i + 1 or child.pos_ == "PROPN" or self.bare_compound(token, child)) \
            or self.bare_name_after(token, child)

    @staticmethod
    def bare_name_after(token: Token, child: Token) -> bool:
        """A lower-case word with no preposition right after a noun, hung as its complement: a
        demonym of a group the tagger took for a name or the parse for a "de" phrase ("ses alliés
        houthis au Yémen": the Houthis, not the place the phrase goes on with)."""
        return child.dep_ == "nmod" and child.i == token.i + 1 and child.pos_ in ("PROPN", "ADJ") and child.text.islower() \
            and not any(g.dep_ == "case" for g in children_of(child))

    def bare_compound(self, token: Token, child: Token) -> bool:
        """An adjective after a noun that a bare noun of its own joins first ("les forces armées
        congolaises": the adjective qualifies the whole, as right after the noun)."""
        between = self.tokens[token.i + 1: child.i]
        return len(between) == 1 and between[0].pos_ == "NOUN" and between[0].head.i == token.i \
            and between[0].text.islower() and not list(children_of(between[0]))

    def owned_fighters(self, token: Token, appos: Token) -> bool:
        """Troops or fighters whose genitive names their group before an apposition: the
        apposition describes the group ("des combattants de X (Y), faction de Z, ont attaqué":
        X's fighters, not Z's)."""
        return _in(token, self.forces) and any(g.dep_ == "nmod" and g.i < appos.i and self.genitive(g)
                                               and self.ref_at(g) is not None for g in children_of(token))

    def over_demonym(self, token: Token, child: Token, hit: MentionRef) -> MentionRef:
        """The named group or body a noun's genitive names, over the demonym that qualifies the
        noun ("la guérilla colombienne de l'ELN": the ELN, not Colombia); else ``hit``."""
        if child.dep_ != "amod" or hit.entity.kind not in _STATE_KINDS:
            return hit
        return next((r for g in self.genitives(token) for r in [self.ref_at(g)]
                     if r is not None and r.entity.kind in _BODY_KINDS and "Actor" in r.entity.types), hit)

    def name_after(self, token: Token) -> MentionRef | None:
        """A name right after a group noun and its adjectives, however the parse hangs it ("le
        groupe terroriste Boko Haram"), past a demonym too ("le groupe armé libanais
        Hezbollah": the Hezbollah, not Lebanon), or after a firm noun ("le consortium MBDA")."""
        if not (_in(token, self.rules.quantity_nouns) or _in(token, self.rules.group_heads)
                or _in(token, self.rules.firm_nouns)):
            return None
        for t in self.tokens[token.i + 1: token.i + 4]:
            if t.pos_ == "ADJ" and t.text.islower():
                continue
            hit = self.ref_at(t) if t.pos_ == "PROPN" else None
            return hit if hit is not None and hit.start == t.idx and "Actor" in hit.entity.types else None
        return None

    def owner(self, token: Token, depth: int) -> list[MentionRef]:
        """The first adjective or genitive of ``token`` that names an entity ("les forces du
        M23", "les troupes russes")."""
        for child in children_of(token):
            if child.dep_ == "amod" or child.dep_ == "nmod" and self.genitive(child):
                found = self.np(child, depth + 1)
                if found:
                    return found
        return self.presumed_owner(token, depth) or self.loyal_to(token, depth)

    def loyal_to(self, token: Token, depth: int) -> list[MentionRef]:
        """The actor troops are loyal to ("les forces loyales au GNA", "des combattants fidèles au
        groupe X"): theirs, the "à" phrase hung on the adjective or on the noun."""
        loyal = [a for a in children_of(token) if a.dep_ == "amod" and _in(a, self.rules.allegiance_adjectives)]
        if not loyal:
            return []
        phrases = [c for h in (loyal[0], token) for c in children_of(h) if c.dep_ in ("nmod", "obl", "obl:arg")
                   and _introduced_by(c, self.rules.stance_verb_prepositions)]
        return [r for c in phrases[:1] for r in self.typed(self.np(c, depth + 1), ("Actor",))][:1]

    def presumed_owner(self, token: Token, depth: int) -> list[MentionRef]:
        """The owner a participle of presumption names ("des terroristes présumés de Boko Haram",
        "des individus armés présumés membres du groupe X"): its first complement that names one."""
        for child in children_of(token):
            if child.dep_ in ("acl", "amod") and _in(child, self.rules.presumption_participles):
                found = [r for g in children_of(child) if g.dep_ in ("nmod", "obl:arg", "obl:mod", "obl", "obj")
                         for r in self.np(g, depth + 1) or self.group_genitive(g)]
                if found:
                    return found[:1]
        return []

    def group_genitive(self, g: Token) -> list[MentionRef]:
        """The name a group noun gives in its genitive ("l'organisation du Sentier lumineux")."""
        return [r for c in self.genitives(g) for r in self.np(c)] if _in(g, self.rules.group_anaphors) else []

    def genitive(self, token: Token) -> bool:
        """A noun complement that names an owner ("de X", "du X"), not a place ("en X")."""
        cases = [lower_text(c) for c in children_of(token) if c.dep_ == "case"]
        if any(lower_text(c) in self.rules.border_words for c in children_of(token) if c.i < token.i):
            return False  # "l'armée près de la frontière malienne": beside it, no owner
        return not cases or any(c in self.rules.of_prepositions for c in cases)

    def place_anaphor(self, token: Token) -> MentionRef | None:
        """ "La Russie a attaqué Kharkiv. Le pays a aussi frappé Odessa": "le pays" (or "ce
        pays") is the last state named in this sentence or the one before; "la province" the
        last province (the rules' ``place_anaphors`` give each noun the kinds it points back to)."""
        kinds, reach = self.anaphor_kinds(token)
        if not kinds:
            return None
        k = self.units.sentence_at(token.idx)
        floor = self.sentences[max(k - reach, 0)].start
        # "les forces françaises dans ce pays": the country is not the one the phrase starts with
        own = token.head.left_edge.idx if token.dep_ == "nmod" and token.head.i < token.i else token.idx
        # a country named by a noun, not a demonym ("le départ des soldats français"), the
        # subject of its clause first ("Le Mali s'est tourné vers la Russie. ... le pays")
        qualified = self.qualified_in(token.head)
        found = [ref for ref in self.index.before(token.idx, floor)
                 if ref.entity.kind in kinds and ref.start < own and self.names_country(ref, qualified)]
        subjects = [ref for ref in found if self.root_of(ref).dep_ in ("nsubj", "nsubj:pass")]
        return (subjects or found or [self.state_by_demonyms(token, kinds)])[0]

    def state_by_demonyms(self, token: Token, kinds) -> MentionRef | None:
        """The country "le pays" points back to in a text that names none by its name before
        it, only by demonyms and organs ("l'armée afghane ... dans le centre du pays"): the
        state named most before it, at least twice and more than any other."""
        if not set(kinds) & set(_STATE_KINDS):
            return None
        refs = [r for r in self.index.before(token.idx) if r.entity.kind in _STATE_KINDS]
        if any(r.mention.text[:1].isupper() for r in refs):
            return None  # a country named by its name that does not qualify: not this one
        counts = Counter(r.entity.id for r in refs).most_common(2)
        if not counts or counts[0][1] < 2 or (len(counts) > 1 and counts[1][1] == counts[0][1]):
            return None
        return next(r for r in refs if r.entity.id == counts[0][0])

    def anaphor_kinds(self, token: Token) -> tuple[tuple[str, ...], int]:
        """The kinds of place a noun points back to and how many sentences back it may reach:
        "le même État" further than "le pays" or "cette localité"; none for a noun that does not point back."""
        lemma, anaphors, same_anaphors = lower_lemma(token), self.rules.place_anaphors, self.rules.same_place_anaphors
        if lemma not in anaphors and lemma not in same_anaphors and lower_text(token) not in same_anaphors:
            return (), 0  # a noun of neither list (most nouns read): the tests below would find none
        same = self.same_kinds(token)
        if same:
            return same, 3
        kinds = anaphors.get(lemma)
        if kinds and self.points_back(token):
            return kinds, 1
        if any(c.dep_ == "det" and lower_text(c) in self.rules.demonstrative_determiners for c in children_of(token)):
            return same_anaphors.get(lemma, ()), 1  # "cette localité": the town just named
        return (), 0

    def same_kinds(self, token: Token) -> tuple[str, ...]:
        """The kinds of place a place noun with a determiner and a word of sameness points back
        to ("située dans le même État": the state, a province, named before)."""
        if not any(c.dep_ == "det" for c in children_of(token)) or not (any(
                c.dep_ == "amod" and lower_text(c) in self.rules.sameness_words for c in children_of(token))
                or self.capital_complement(token)):
            return ()
        return self.rules.same_place_anaphors.get(lower_lemma(token)) or self.rules.same_place_anaphors.get(
            lower_text(token), ())

    def capital_complement(self, token: Token) -> bool:
        """A place noun in the "de" complement of a capital noun ("Guadalajara, la capitale de
        l'État"): it points back to the area named before, as with a word of sameness."""
        return token.dep_ == "nmod" and lower_lemma(token.head) in self.rules.capital_nouns and token.head.i < token.i \
            and _introduced_by(token, self.rules.of_prepositions)

    def names_country(self, ref: MentionRef, qualified: set[str]) -> bool:
        """A mention "le pays" may point back to: a noun (no demonym), a country the text acts
        in or names as a place (its heading too: "Tchad : ..." then "dans ce pays"), none the
        phrase of the anaphor qualifies."""
        return not self.adjectival(ref) and ref.entity.id not in qualified and not self.named_as_beside(ref)

    def named_as_beside(self, ref: MentionRef) -> bool:
        """A country named only as what a place lies near or borders ("Inates, près de la
        frontière avec le Mali", "l'État Kayah près de la Thaïlande"): not the country "le pays"
        then points back to."""
        root = self.root_of(ref)
        words = [t for t in children_of(root) if t.i < root.i] + [root.head] + [
            t for t in children_of(root.head) if t.i < root.head.i]
        return any(_in(t, self.rules.border_nouns) or lower_text(t) in self.rules.border_words for t in words)

    def qualified_in(self, head: Token) -> set[str]:
        """The entities the demonyms of a phrase name ("les forces françaises dans ce pays":
        France, which "ce pays" then is not)."""
        return {r.entity.id for t in head.subtree if t.pos_ == "ADJ" for r in [self.ref_at(t)] if r is not None}

    def points_back(self, token: Token) -> bool:
        """ "le pays", "ce pays", not "le pays voisin" or "le pays hôte du sommet" (another
        country)."""
        return any(c.dep_ == "det" and lower_text(c) in self.rules.pointing_determiners or self.contracted_the(c, token)
                   for c in children_of(token)) \
            and not any(c.dep_ in ("amod", "nmod", "appos", "acl", "acl:relcl") for c in children_of(token))

    def contracted_the(self, c: Token, noun: Token) -> bool:
        """A contracted definite article before a singular noun complementing a compass point,
        a centre word or a singular place noun ("dans le nord du pays", "dans le centre du pays",
        "la deuxième ville du pays"; "plusieurs régions du pays" is left alone)."""
        head = noun.head
        return c.dep_ == "case" and lower_text(c) in self.rules.contracted_articles \
            and "Sing" in morph_values(noun, "Number") and (
                _in(head, self.rules.compass_words) or _in(head, self.rules.centre_words)
                or _in(head, self.rules.place_heads) and "Sing" in morph_values(head, "Number"))

    def span_at(self, ref: MentionRef):
        """The tokens of a mention (spans cut inside a word taken whole), made once per offsets:
        the readers ask for the same mentions' spans many times."""
        key = (ref.start, ref.end)
        span = self._spans.get(key, _UNSEEN)
        if span is _UNSEEN:
            span = self._spans[key] = self.doc.char_span(ref.start, ref.end, alignment_mode="expand")
        return span

    def root_of(self, ref: MentionRef) -> Token:
        key = (ref.start, ref.end)
        root = self._roots.get(key)
        if root is None:  # a span's root is found again at each ``.root``: once per offsets here
            root = self._roots[key] = self.span_at(ref).root
        return root

    def without_nationals(self, refs: list[MentionRef]) -> list[MentionRef]:
        """The mentions that are no national named by a nationality noun (``national``)."""
        return [r for r in refs if not self.national(r)]

    def national(self, ref: MentionRef) -> bool:
        """A mention that is people named by a nationality noun with an indefinite article or a
        numeral ("un Britannique", "deux Américains"): nationals, not the state ("les Américains"
        stays the state)."""
        root = self.root_of(ref)
        return root.pos_ in ("NOUN", "PROPN") and lower_text(root) in self.rules.demonyms and any(
            c.dep_ == "nummod" or c.dep_ == "det" and "Ind" in morph_values(c, "Definite") for c in children_of(root))

    def adjectival(self, ref: MentionRef) -> bool:
        """A mention that is an adjective (a demonym: "les soldats français")."""
        return self.root_of(ref).pos_ == "ADJ"

    def direct_objects(self, verb: Token) -> list[Token]:
        """The verb's objects, or a name the parser hung on a following time word
        ("a frappé Kharkiv lundi", with "Kharkiv" read as a determiner of "lundi")."""
        found = [c for c in children_of(verb) if c.dep_ == "obj"  # "a attaqué Bamako", "a frappé Kharkiv mardi" misread
                 or c.dep_ in ("xcomp", "obl:mod") and c.pos_ == "PROPN" and c.i == verb.i + 1
                 and not any(g.dep_ == "case" for g in children_of(c))]
        found = self.without_apposed(found) or self.hung_objects(verb)
        if found and all(lower_lemma(c) in self.rules.time_words for c in found):
            return self.partitive_objects(verb, found[0]) or found
        # "a neutralisé des combattants du X", "a attaqué ce dimanche des bases de X"
        return found or self.partitive_objects(verb, verb) or self.misplaced_objects(verb)

    def misplaced_objects(self, verb: Token) -> list[Token]:
        """An object the parse hung on a day or on an oblique before it (``day_partitives``,
        ``objects_on_obliques``)."""
        return self.day_partitives(verb) or self.objects_on_obliques(verb)

    def objects_on_obliques(self, verb: Token) -> list[Token]:
        """The object the parse hangs, with no preposition, on an oblique between the verb and it
        ("a tué dans une frappe aérienne 13 miliciens X", "a détruit dans la nuit des positions de X")."""
        return [c for o in children_of(verb) if o.dep_.startswith("obl") and o.i > verb.i
                and any(g.dep_ == "case" for g in children_of(o)) for c in children_of(o)
                if c.dep_ == "nmod" and c.i > o.i and c.pos_ == "NOUN" and lower_lemma(c) not in self.rules.time_words
                and not any(g.dep_ == "case" for g in children_of(c)) and any(g.dep_ in ("det", "nummod") for g in children_of(c))]

    def hung_objects(self, verb: Token) -> list[Token]:
        """Objects the parse hangs elsewhere: on a time word after the verb, or on the last word
        of a multi-word verb."""
        return self.names_on_days(verb) or self.phrase_objects(verb)

    def phrase_objects(self, verb: Token) -> list[Token]:
        """The object the parse hangs on the last word of a multi-word verb ("ont pris pour cible
        des navires": on "cible")."""
        size = _phrase_length(verb, self.rules.attack_verbs)
        last = verb.doc[verb.i + size - 1] if size else verb
        return [c for c in children_of(last) if c.i > last.i and c.dep_ in ("obj", "nmod") and (
            _introduced_by(c, self.rules.partitive_articles) or not any(g.dep_ == "case" for g in children_of(c)))] \
            if last.i != verb.i else []

    def without_apposed(self, objects: list[Token]) -> list[Token]:
        """A verb's objects less a second one set off by a comma, an apposition the parse read
        as an object ("a abattu un aéronef de la Turquie, un allié de l'Otan")."""
        return [c for n, c in enumerate(objects)
                if n == 0 or self.tokens[c.left_edge.i - 1].text != "," or c.pos_ == "PROPN"
                or not _singular_indefinite(c)]  # "X, des missiles balistiques": a list goes on

    def day_partitives(self, verb: Token) -> list[Token]:
        """The partitive object the parse hung on the day after the verb ("a attaqué ce dimanche
        des bases de l'Amisom")."""
        days = [c for c in children_of(verb) if c.dep_.startswith("obl") and lower_lemma(c) in self.rules.time_words]
        return (self.partitive_objects(verb, days[0]) or self.bare_after_day(verb, days[0])) if days else []

    @staticmethod
    def bare_after_day(verb: Token, day: Token) -> list[Token]:
        """The object the parse read as a phrase of the verb after the day ("a repoussé samedi
        une offensive de X"): a noun with its determiner and no preposition, right after it; or
        the one after a date set off by commas (``set_off_object``)."""
        return [c for c in children_of(verb) if c.dep_ == "obl:mod" and c.pos_ == "NOUN" and c.i > day.i
                and all(w.dep_ == "det" for w in c.doc[day.i + 1: c.i])
                and not any(g.dep_ == "case" for g in children_of(c)) and any(g.dep_ == "det" for g in children_of(c))][:1] \
            or _Finder.set_off_object(verb, day)

    @staticmethod
    def set_off_object(verb: Token, day: Token) -> list[Token]:
        """The object after a date set off by commas right after the verb ("ont attaqué, lundi
        3 mai, une base de X"), however the parse hung it: the noun after the closing comma and
        one determiner or more (the date goes on past the day by two numbers or nouns at most)."""
        doc = verb.doc
        if day.i != verb.i + 2 or doc[verb.i + 1].text != ",":
            return []
        k = day.i + 1
        while k < min(day.i + 4, len(doc)) and doc[k].pos_ in ("NUM", "NOUN") and doc[k].text != ",":
            k += 1
        if k >= len(doc) or doc[k].text != ",":
            return []
        k += 1
        while k < len(doc) and doc[k].pos_ == "DET":
            k += 1
        return [doc[k]] if k < len(doc) and doc[k - 1].pos_ == "DET" and doc[k].pos_ in ("NOUN", "PROPN") else []

    def names_on_days(self, verb: Token) -> list[Token]:
        """Names the parser hung on a time word after the verb ("a frappé Kharkiv lundi")."""
        return [g for c in children_of(verb) if c.dep_.startswith("obl") and lower_lemma(c) in self.rules.time_words
                for g in children_of(c) if g.pos_ == "PROPN" and g.i < c.i
                and g.dep_ in ("det", "nmod", "amod", "compound", "flat", "flat:name")]

    def partitive_objects(self, verb: Token, day: Token) -> list[Token]:
        """ "a frappé lundi des dizaines de cibles", "a neutralisé des combattants": the object
        read as a phrase whose partitive article is a preposition (after the day read as the
        object, or after the verb)."""
        # "a attaqué ce dimanche des bases de X": the phrase may hang on the day itself
        days = [day] + [c for c in (*children_of(day), *children_of(verb)) if c.dep_ == "conj" and c.i > day.i
                        and lower_lemma(c) in self.rules.time_words]
        phrases = [c for c in children_of(verb) if c.dep_.startswith("obl")] + (  # "jeudi et vendredi des cibles"
            [c for d in days for c in children_of(d) if c.dep_ == "nmod"] if day.i != verb.i else [])
        return [c for c in phrases if c.i > day.i and _introduced_by(c, self.rules.partitive_articles)
                and not self.origin_name(c)]

    def origin_name(self, c: Token) -> bool:
        """A name after a singular "du" or "de" on a verb ("tirées du Liban", "tiré de X"): the
        place something leaves from; a name takes no partitive article."""
        return c.pos_ == "PROPN" and c.head.pos_ == "VERB" and c.dep_.startswith("obl") and any(
            g.dep_ == "case" and lower_text(g) in self.rules.of_prepositions and "Plur" not in morph_values(g, "Number")
            for g in children_of(c))

    def speaker_pronoun(self, token: Token) -> MentionRef | None:
        """ "Berlin a annoncé qu'il livrerait ...": a subject pronoun opening reported speech
        is the speaker."""
        if not token.dep_.startswith("nsubj") or lower_text(token) not in self.rules.subject_pronouns:
            return None
        for st in self.statements:
            if st.speaker is not None and st.mode == "indirect" and \
                    st.start <= token.idx < st.start + 12:
                entity = self.index.entities.get(st.speaker)
                if entity is not None:
                    return MentionRef(entity, entity.mentions[0])
        return None

    def reporter_subject(self, token: Token, low: str) -> MentionRef | None:
        """The subject pronoun of a clause a speech verb reports takes that verb's named subject
        when it fits ("X écrit aux députés qu'il autorise l'export": X, not those addressed)."""
        verb = token.head
        if not token.dep_.startswith("nsubj") or low not in self.rules.subject_pronouns or verb.dep_ != "ccomp" \
                or not _in(verb.head, self.rules.speech_verbs):
            return None
        for t in children_of(verb.head):
            if t.dep_ == "nsubj" and t.pos_ in ("NOUN", "PROPN") and self.agrees(t, low):
                found = self.typed(self.np(t), ("Actor",))
                return found[0] if found else None
        return None

    def relative_host_subject(self, token: Token, low: str) -> list[MentionRef]:
        """The subject pronoun of a relative clause opened by "que" takes the subject of the
        clause the relative hangs in, when it fits ("A et B ont rappelé leurs ambassadeurs au
        Bénin, qu'ils accusent de ...": A and B, not Benin, the relative's antecedent)."""
        verb = token.head
        if not token.dep_.startswith("nsubj") or low not in self.rules.subject_pronouns \
                or not self.relative_stance_object(verb):
            return []
        for host in list(verb.ancestors)[:4]:
            subjects = [c for c in children_of(host) if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
            if subjects:
                return self.fitting_subjects(subjects, low)
        return []

    def fitting_subjects(self, subjects: list[Token], low: str) -> list[MentionRef]:
        """The actors a clause's noun subjects name, when they fit a subject pronoun: several
        ("A et B", "A, ses alliés de B") for a plural one, one that agrees for another."""
        several = len(subjects) > 1 or bool(self.conjuncts(subjects[0]))
        if not (several and low in self.rules.plural_pronouns or not several and self.agrees(subjects[0], low)):
            return []
        return self.typed([r for c in subjects for r in self.np(c)], ("Actor",))

    def subject_antecedent(self, token: Token, low: str) -> MentionRef | None:
        """A subject pronoun opening its sentence's clause takes the subject of the sentence
        before when it fits ("Le M23 a pris Goma, dans l'est de la RDC, soutenu par le
        Rwanda. ... il s'empare de Bukavu": the M23, not the last actor named)."""
        t = self.previous_subject(token, low)
        if t is None:
            return None
        found = self.typed(self.np(t) or self.described(t), ("Actor",))
        return found[0] if found and self.agrees(t, low) else None

    def previous_subject(self, token: Token, low: str) -> Token | None:
        """The noun subject of the sentence before, for a subject pronoun opening its own
        sentence's clause with no actor named before it there."""
        if token.dep_ not in ("nsubj", "nsubj:pass", "expl:subj") or low not in self.rules.subject_pronouns:
            return None
        lo = self.units.bounds(token)[0]
        nearer = [r for r in self.index.before(token.idx, self.tokens[lo].idx) if not self.fronted(r, token)]
        if nearer or lo == 0:
            return None  # an actor earlier in its own sentence is nearer
        prev_lo = self.units.bounds(self.tokens[lo - 1])[0]
        return next((t for t in self.tokens[prev_lo: lo] if t.dep_ in ("nsubj", "nsubj:pass")
                     and t.head.dep_ == "ROOT" and t.pos_ in ("NOUN", "PROPN")), None)

    def thing_antecedent(self, token: Token, low: str) -> bool:
        """ "Le drone X a une portée de 2 000 km. Il a été déployé au Yémen": a subject pronoun
        whose sentence before has a weapon (no actor) as its subject, fitting the pronoun, names
        that weapon, not the nearest actor."""
        t = self.previous_subject(token, low)
        if t is None or not self.agrees(t, low):
            return False
        refs = self.np(t) or self.described(t)
        return bool(self.typed(refs, ("Weapon",))) and not self.typed(refs, ("Actor",))

    def fronted(self, ref: MentionRef, pronoun: Token) -> bool:
        """A mention inside a participle phrase put before the subject pronoun of the same verb
        ("Dirigée par X, elle fait partie de Y": X is not what "elle" names)."""
        verb = pronoun.head
        for a in self.root_of(ref).ancestors:
            if a.i == verb.i:
                return False
            if a.i < pronoun.i and a.head.i == verb.i and "Part" in morph_values(a, "VerbForm"):
                return True
        return False

    def agrees(self, root: Token, pronoun: str) -> bool:
        """Whether a subject's head word has the gender and number of a pronoun (a word the
        parser gives neither fits any)."""
        gender = self.rules.pronoun_gender.get(pronoun)
        plural = pronoun in self.rules.plural_pronouns
        genders, numbers = morph_values(root, "Gender"), morph_values(root, "Number")
        return (not genders or gender not in ("Masc", "Fem") or gender in genders) and (
            not numbers or ("Plur" in numbers) == plural)

    def relative_antecedent(self, token: Token) -> list[MentionRef]:
        """What a relative pronoun refers to: the noun phrase just before it; the name a
        bracketed lower-case gloss opening right before the pronoun is said of ("les YPG (milice
        kurde qui ...": the YPG)."""
        start = self.tokens[self.units.bounds(token)[0]].idx
        for ref in self.index.nearest_before(token.idx, start):
            gap = self.text[ref.end:token.idx]
            if gap.startswith(")"):
                continue  # a name in brackets: the phrase before them ("la Cedeao (...), qui")
            if _BRACKET_GAP.fullmatch(gap):  # "l'Alliance des Etats du Sahel (AES), qui"
                return [self.np_head_of(ref)]
            if _GLOSS_GAP.fullmatch(gap) and not gap.strip(" (").isupper():  # "les YPG (milice kurde qui"
                return [ref]
            break
        head = token.head
        if head.dep_.startswith("acl") and head.head.i != head.i:
            return self.np(head.head)
        return []

    def np_head_of(self, ref: MentionRef) -> MentionRef:
        """For "la province de A, voisine de B, où": climb from B to A;
        only through "de" complements ("la fourniture par X d'armes aux rebelles Y qui": Y, the
        "à" phrase not climbed to X)."""
        span = self.span_at(ref)
        if span is None:
            return ref
        current = span.root
        for _ in range(3):
            if current.dep_ not in ("appos", "nmod", "amod") or current.head.i >= current.i or (
                    current.dep_ == "nmod" and not _introduced_by(current, self.rules.of_prepositions)):
                break
            current = current.head
            hit = self.index.at_token(current)
            if hit is not None and hit.entity.id != ref.entity.id:
                return hit
        return ref

    def typed(self, refs, types) -> list[MentionRef]:
        """The mentions whose entity can play one of ``types`` (a country is an actor and a place)."""
        return [r for r in refs if r is not None and (
            r.mention.type in types or any(t in r.entity.types for t in types)
            or (("Actor" in types or "Region" in types) and r.entity.kind in _STATE_KINDS))]

    # --- windows -----------------------------------------------------------------
    def right_window(self, cue: Token) -> list[Token]:
        out = []
        quoted = self.quotes.inside(cue.idx)  # a cue inside a quote reads no further than the quote
        for t in self.tokens[cue.i + 1: self.units.bounds(cue)[1]]:
            prev = self.tokens[t.i - 1]
            if t.text in (";", ":") or (prev.text == "," and lower_text(t) in self.rules.clause_breakers) \
                    or (quoted and not self.quotes.inside(t.idx)):
                break
            if t.pos_ in ("VERB", "AUX") and "Fin" in morph_values(t, "VerbForm") and t.head.i != cue.i \
                    and not t.dep_.startswith("aux") and t.head.i not in (c.i for c in out) \
                    and prev.pos_ != "DET":  # "dans l'est de X": no verb after an article
                break
            out.append(t)
        return self.clause_cut(cue, out)

    def clause_cut(self, cue: Token, window: list[Token]) -> list[Token]:
        """The window up to the subject of a clause that opens right of the cue ("a frappé le
        Hezbollah, et les Houthis ont tiré ... en mer Rouge": the sea is not Israel's target)."""
        for n, t in enumerate(window):
            if t.dep_ in ("nsubj", "nsubj:pass") and t.head.i != cue.i and t.head.i > t.i \
                    and t.head.pos_ == "VERB" and t.head.i in {w.i for w in window}:
                return window[:n]
        return window

    def after_prep(self, window: list[Token], preps, types) -> list[MentionRef]:
        """Mentions in ``window`` introduced by one of ``preps`` (skipping determiners)."""
        found = []
        for n, t in enumerate(window):
            ref = self.ref_at(t) or self.place_anaphor(t)
            if ref is None or (found and found[-1].entity.id == ref.entity.id) or self.firm_nationality(window, n):
                continue
            k = self.preposition_before(window, n, preps, types)
            if k >= 0 and lower_text(window[k]) in preps:
                if self.bordering(window[max(0, k - 2): k], ref):
                    continue
                if self.beside(window[k:n], ref) or any(_in(w, self.rules.border_nouns) for w in window[k:n]):
                    continue  # "à la frontière russe": beside Russia
                if self.typed([ref], types):
                    found.append(ref)
        return found

    def bordering(self, before: list[Token], ref: MentionRef) -> bool:
        """ "proche de X", "la région frontalière de l'Ukraine": a place beside X, not X; but
        "la ville frontalière de Maungdaw" names the town (a place noun, then a town's name)."""
        for n, w in enumerate(before):
            if lower_text(w) in self.rules.border_words:
                return not (n > 0 and _in(before[n - 1], self.rules.place_heads) and ref.entity.kind not in _AREA_KINDS
                            and lower_text(w) in self.rules.naming_border_words)
        return False

    def preposition_before(self, window: list[Token], n: int, preps, types) -> int:
        """The index of the word that introduces ``window[n]``, past determiners, place and
        direction nouns and their links ("dans le nord de la ville (frontalière) de X"), and for an actor a
        group noun ("à l'armée birmane")."""
        k = n - 1
        while k >= 0 and self.phrase_word(window, k, types):
            if lower_text(window[k]) in preps:
                break
            k -= 1
        return k

    def phrase_word(self, window: list[Token], k: int, types) -> bool:
        """A word between a preposition and the entity it introduces (``preposition_before``)."""
        return window[k].pos_ == "DET" or _in(window[k], self.rules.place_heads) \
            or (window[k].pos_ in ("ADJ", "NOUN") or window[k].dep_ == "amod") \
            and window[k].text.islower() and k > 0 and _in(window[k - 1], self.rules.place_heads) \
            or self.prenominal(window, k) or _in(window[k], self.rules.direction_words) \
            or "Actor" in types and self.actor_lead_word(window, k) \
            or types == ("Region",) and self.facility_word(window, k) \
            or lower_text(window[k]) in self.rules.place_phrase_links \
            or lower_text(window[k]) in self.rules.sameness_words  # "contre l'aéroport de X", "dans la même province"

    def actor_lead_word(self, window: list[Token], k: int) -> bool:
        """A group noun ("à l'armée birmane") or a firm's ("auprès de la société X") before an actor."""
        return _in(window[k], self.rules.group_heads) or self.firm_word(window, k)

    def firm_word(self, window: list[Token], k: int) -> bool:
        """A firm's noun before its name, or a lower-case adjective right after it ("auprès de la
        compagnie turque X", "avec le groupe X")."""
        return _in(window[k], self.rules.firm_nouns) or self.firm_adjective(window, k)

    def firm_nationality(self, window: list[Token], n: int) -> bool:
        """ "la compagnie turque Baykar": the demonym between a firm's noun and its name is no
        party of its own; the name that follows is."""
        return n < len(window) - 1 and self.firm_adjective(window, n) and window[n + 1].text[:1].isupper()

    def firm_adjective(self, window: list[Token], k: int) -> bool:
        """A lower-case adjective right after a firm's noun ("la compagnie turque")."""
        return 0 < k and window[k].pos_ == "ADJ" and window[k].text.islower() and _in(window[k - 1], self.rules.firm_nouns)

    def prenominal(self, window: list[Token], k: int) -> bool:
        """A lower-case adjective right before a place noun ("dans la vaste zone de X")."""
        return window[k].pos_ == "ADJ" and window[k].text.islower() and k + 1 < len(window) \
            and _in(window[k + 1], self.rules.place_heads)

    def facility_word(self, window: list[Token], k: int) -> bool:
        """A facility noun, or a lower-case adjective right after one, between a preposition and
        the place it is in ("contre l'aéroport de X", "contre une mosquée chiite de X")."""
        return _in(window[k], self.rules.facility_nouns) or window[k].pos_ in ("ADJ", "NOUN") and window[k].text.islower() \
            and k > 0 and _in(window[self.past_links(window, k - 1)], self.rules.facility_nouns)

    def past_links(self, window: list[Token], k: int) -> int:
        """The index before the links of a place phrase ending at ``k`` ("le siège du gouverneur":
        the office's holder hangs on the facility by "du")."""
        while k > 0 and lower_text(window[k]) in self.rules.place_phrase_links:
            k -= 1
        return k

    def beside(self, phrase: list[Token], ref: MentionRef) -> bool:
        """ "au nord de Moreuil", "à l'est de Goma": a compass point after a preposition of
        relative position puts the place beside a town, not in it ("au nord du Mali", a
        country's or a province's part, is in it)."""
        return lower_text(phrase[0]) in self.rules.relative_prepositions and ref.entity.kind not in _AREA_KINDS \
            and any(_in(t, self.rules.compass_words) for t in phrase[1:])

    def left_actor(self, cue: Token) -> list[MentionRef]:
        """Fallback subject: the nearest actor left of the cue that no preposition governs, in
        the cue's own clause ("X dénonce que l'objectif est d'attaquer Goma": not X)."""
        lo = self.units.bounds(cue)[0]
        opener = next((t.i for t in reversed(self.tokens[lo:cue.i])
                       if lower_text(t) in self.rules.complementizers and t.dep_ == "mark"), None)
        if opener is not None:
            lo = opener + 1
        for ref in self.index.nearest_before(cue.idx, self.tokens[lo].idx):
            if not self.typed([ref], ("Actor",)) or self.quotes.inside(ref.start):
                continue
            span = self.span_at(ref)
            if span.root.dep_ not in _SUBJECT_DEPS:  # "l'armée ukrainienne": a modifier
                continue
            k = self.skip_determiners(span.start - 1, lo)
            if k >= lo and (self.tokens[k].pos_ == "ADP" or lower_text(self.tokens[k]) in self.rules.non_subject_words):
                continue
            if self.apposed_to_governed(span.root):
                continue
            return [ref]
        return []

    @staticmethod
    def apposed_to_governed(root: Token) -> bool:
        """A name apposed to a noun a preposition governs ("Selon la porte-parole de la Défense,
        X, des détachements ont ...": X is the source, no subject)."""
        if root.dep_ != "appos":
            return False
        while root.dep_ == "appos" and root.head.i != root.i:
            root = root.head
        return any(c.dep_ == "case" for c in children_of(root))

    # --- modality ----------------------------------------------------------------
    def governors(self, token: Token, steps: int = 4) -> list[Token]:
        """The words a cue is the complement of ("plaidé pour autoriser", "prêt à de telles livraisons"),
        not crossing a relative clause or a participle that modifies a noun."""
        out, current = [], token
        for _ in range(steps):
            if current.head.i == current.i or current.dep_ not in _COMPLEMENT_DEPS:
                break
            if any(c.dep_ == "mark" and lower_text(c) in self.rules.complementizers or "Rel" in morph_values(c, "PronType")
                   for c in children_of(current)):
                break
            current = current.head
            out.append(current)
        return out

    def modality(self, cue: Token, verb: Token | None = None) -> str:
        """negated > hedged > reported > asserted, read off the cue and the verb above it."""
        anchor = verb if verb is not None else cue
        return self.denial(anchor) or self.hedging(cue, anchor) or self.reporting(cue)

    def denial(self, anchor: Token) -> str | None:
        """ "negated" for a negated or refused act; "hedged" for a denied denial ("n'exclut pas
        d'envoyer": a possibility) or an unconfirmed one ("n'a pas confirmé l'envoi")."""
        for g in (anchor, *self.governors(anchor, 2)):
            if _in(g, self.rules.negating_verbs) and clause_negation(g, self.rules):
                return "hedged"
        negation = clause_negation(anchor, self.rules)
        if negation is None and anchor.dep_ in ("xcomp", "advcl", "acl") and _in(anchor.head, self.rules.negating_verbs):
            negation = "refusal"
        if negation is not None:
            return "hedged" if _in(anchor, self.rules.confirm_verbs) else "negated"
        if any(_in(g, self.rules.negating_verbs) for g in self.governors(anchor, 2)):
            return "negated"
        return None

    def hedging(self, cue: Token, anchor: Token) -> str | None:
        """ "hedged" for the press conditional, a wish, advocacy or possibility above the cue,
        or a hedge word next to it."""
        if clause_hedged(anchor, self.rules) or clause_hedged(cue, self.rules) or self.hypothetical(anchor):
            return "hedged"
        rules = self.rules
        for g in self.governors(anchor, 3):
            if _in(g, rules.wish_words) or _in(g, rules.advocacy_cues) or _in(g, rules.hedge_verbs) \
                    or rules.grammar.is_conditional(g.text, g.lemma_):
                return "hedged"
        lo, hi = self.units.bounds(cue)
        if any(lower_text(t) in rules.hedge_words for t in self.tokens[max(lo, cue.i - 3): min(hi, cue.i + 4)]):
            return "hedged"
        return None

    def hypothetical(self, anchor: Token) -> bool:
        """A verb of a clause opened by a condition mark ("s'ils intervenaient en Libye"), or a
        word of such a verb (``hypothesis_marks``)."""
        for verb in (anchor, *self.governors(anchor, 2)):
            if any(c.dep_ == "mark" and c.pos_ == "SCONJ" and lower_text(c) in self.rules.hypothesis_marks
                   for c in children_of(verb)):
                return True
        return False

    def statements_at(self, pos: int) -> list[Statement]:
        """The statements whose content holds the offset ``pos``, in their order (looked up
        through a span index, not read through for each word of a long article)."""
        return self._statement_spans.holding(pos, pos + 1)

    def reporting(self, cue: Token) -> str:
        """ "reported" inside what a speaker says (an actor claiming its own attack asserts it),
        named or not (``attributed_quote``), or in a sentence with a source word the statements
        could not name ("..., selon des sources"); "asserted" otherwise."""
        inside = self.statements_at(cue.idx)
        if inside and not all(self.claims_own_act(s) for s in inside):
            return "reported"
        if not inside and self.quotes.inside(cue.idx) and self.attributed_quote(cue):
            return "reported"  # quoted words of a source the text names no speaker for
        return "reported" if self.sourced(self.units.bounds(cue)) else "asserted"

    def sourced(self, bounds: tuple[int, int]) -> bool:
        """Whether the tokens in ``bounds`` hold a source word outside quotes (read once per run:
        every relation of the run asks)."""
        found = self._sourced.get(bounds)
        if found is None:
            lo, hi = bounds
            found = self._sourced[bounds] = any(_is_source_word(t, self.rules) and not self.quotes.inside(t.idx)
                                                for t in self.tokens[lo:hi])
        return found

    def claims_own_act(self, statement: Statement) -> bool:
        """A claim of responsibility ("le groupe a revendiqué l'attaque")."""
        token = self.index_token(statement.cue_start)
        return token is not None and _in(token, self.rules.claim_verbs)

    def index_token(self, offset: int) -> Token | None:
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    # --- output -------------------------------------------------------------------
    def add(self, subj: MentionRef | None, predicate: str, obj: MentionRef | None, cue: Token,
            k: int, confidence: float, modality: str | None = None, verb: Token | None = None,
            cue_text: str | None = None, event: str | None = None, sea: bool = False) -> bool:
        if subj is None or obj is None or subj.entity.id == obj.entity.id or self.ruled_out(subj, predicate, obj, cue, verb, sea):
            return False
        k = self.units.sentence_at(cue.idx)  # the evidence: the cue's sentence
        sent = self.sentences[k]
        points = [cue.idx, cue.idx + len(cue.text)]
        for r in (subj, obj):
            if sent.start <= r.start and r.end <= sent.end:
                points += [r.start, r.end]
        self.found.append(Relation(
            subject=subj.entity.id, predicate=predicate, object=obj.entity.id,
            start=min(points), end=max(points), sentence=k, confidence=round(confidence, 2),
            modality=modality or self.modality(cue, verb), cue=cue_text or cue.text, event=event,
        ))
        self.note_attacker(self.found[-1], subj)
        return True

    def ruled_out(self, subj: MentionRef, predicate: str, obj: MentionRef, cue: Token, verb: Token | None,
                  sea: bool) -> bool:
        """A relation its ends' types forbid, or one its sentence does not state: only risked or
        planned, or measured from a place."""
        if predicate == "attacks" and obj.entity.kind == "Sea" and not (sea and self.attack_word(cue)):
            return True  # one fires into a sea (it targets it); attacks in it that hit no actor attack it
        if predicate == "locatedIn" and subj.entity.kind == "Sea" and obj.entity.kind not in ("Sea", "Continent"):
            return True  # "la flotte de la mer Noire, en Crimée": a sea lies in no land area, what it names does
        stypes, otypes = PREDICATE_TYPES[predicate]
        if not self.typed([subj], stypes) or not self.typed([obj], otypes) or self.unrealised(cue, verb) \
                or self.intended(subj, predicate, obj, cue, verb):
            return True
        if predicate in ("attacks", "targets") and self.misread_hostility(subj, obj, cue):
            return True
        return self.misplaced(subj, predicate, obj)

    def misplaced(self, subj: MentionRef, predicate: str, obj: MentionRef) -> bool:
        """A placement (locatedIn, deployedIn) in a place a distance or bearing is measured from,
        or a place put in a state the knowledge base puts it out of (``kb_elsewhere``)."""
        if predicate not in ("locatedIn", "deployedIn"):
            return False
        return self.measured_from(obj) or predicate == "locatedIn" and self.kb_elsewhere(subj, obj)

    def kb_elsewhere(self, place: MentionRef, state: MentionRef) -> bool:
        """Whether the knowledge base puts a place in a country other than the state it is said
        to lie in, a country the text names too (a misread "du pays": "envoyer des soldats au
        Mozambique ... dans la province de X, au nord du pays" said with Rwanda as the
        subject: X is Mozambique's); not when that country is absent from the text (the
        KB's entry may be a namesake: "le Nord-Ouest" of another country)."""
        if state.entity.kind not in _STATE_KINDS or not state.entity.kb_id or not place.entity.kb_id:
            return False
        entry = self.kb_entry(place.entity)
        return entry is not None and bool(entry.country) and entry.country != state.entity.kb_id \
            and entry.located_in != state.entity.kb_id and entry.country in self.state_keys

    @functools.cached_property
    def state_keys(self) -> frozenset[str]:
        """The KB keys of the states the text names."""
        return frozenset(e.kb_id for e in self.by_id.values() if e.kind in _STATE_KINDS and e.kb_id)

    def misread_hostility(self, subj: MentionRef, obj: MentionRef, cue: Token) -> bool:
        """A strike read across a describing clause (``across_description``) or on a state that is
        only the origin of fighters (``origin_demonym``)."""
        return self.across_description(subj, obj, cue) or self.origin_demonym(subj) or self.origin_demonym(obj)

    def origin_demonym(self, ref: MentionRef) -> bool:
        """A state named only by a demonym on a noun of irregular fighters or armed groups ("les
        factions syriennes proturques", "des milices irakiennes", "des rebelles syriens"): it
        says where they come from; the state neither attacks, targets nor is attacked by that phrase."""
        if ref.entity.kind not in _STATE_KINDS:
            return False
        root = self.root_of(ref)
        if root.pos_ != "ADJ" or root.dep_ != "amod":
            return False
        noun = root.head.head if root.head.pos_ == "ADJ" and root.head.dep_ == "amod" else root.head  # "groupes armés syriens"
        return self.ref_at(noun) is None and _in(noun, self.rules.irregular_force_nouns)

    def across_description(self, subj: MentionRef, obj: MentionRef, cue: Token) -> bool:
        """A strike read across a clause that describes another word: a place in a clause telling
        where the attacker is based or what it holds ("le groupe X, basé au Pakistan", "tiré des
        zones qu'ils contrôlent au Yémen"), or an attacker outside the relative clause that tells
        the strike ("X multiplie les attaques contre Y, qui a riposté par des frappes au Yémen")."""
        place = self.root_of(obj)
        if any(self.describes_agent(r, subj) for r in _describing_clauses(place) if cue not in r.subtree and r.head != cue):
            return True
        agent = self.root_of(subj) if self.units.sentence_at(subj.start) == self.units.sentence_at(cue.idx) else None
        return agent is not None and any(agent not in r.head.subtree for r in _describing_clauses(cue)
                                         if r.dep_ == "acl:relcl" and cue in r.subtree)

    def describes_agent(self, clause: Token, subj: MentionRef) -> bool:
        """Whether a clause on a noun describes the attacker: it hangs on the attacker's phrase
        ("le groupe X, basé au Pakistan") or its subject is a personal pronoun taking it up
        ("les zones qu'ils contrôlent")."""
        if self.units.sentence_at(subj.start) == self.units.sentence_at(clause.idx):
            root = self.root_of(subj)
            if clause.head == root or clause.head == root.head and root.dep_ in ("nmod", "appos", "flat:name"):
                return True
        return any(c.dep_.startswith("nsubj") and lower_text(c) in self.rules.agent_pronouns for c in children_of(clause))

    def unrealised(self, cue: Token, verb: Token | None) -> bool:
        """A relation the text only risks, plans or invites ("le risque d'une confrontation entre
        X et Y", "des préparatifs pour tirer sur X", "invitée à adhérer à Y", "sa volonté de voir
        X rejoindre Y"): a word of ``unrealised_words`` up to three heads above the cue or its verb."""
        anchors = {cue, verb or cue}
        # "des préparatifs pour lancer ...", the parse hanging the verb on the main one: the word before its mark
        marks = [c.i for anchor in anchors for c in children_of(anchor) if c.dep_ == "mark" and c.i == anchor.i - 1]
        return any(_in(g, self.rules.unrealised_words)
                   for g in _heads_above(cue, verb) + [self.tokens[i - 1] for i in marks if i > 0])

    def planned(self, cue: Token, verb: Token | None) -> bool:
        """An attack only intended or about to come ("comptent encercler les shebab", "sur le point
        de lancer une opération en Syrie"): a word of ``planned_attack_words`` up to three heads
        above the cue or its verb."""
        return any(_in(g, self.rules.planned_attack_words) for g in _heads_above(cue, verb))

    def intended(self, subj: MentionRef, predicate: str, obj: MentionRef, cue: Token, verb: Token | None) -> bool:
        """Whether an attack is only intended or about to come (``planned``): none, but its author
        opposes the group or body it aims at, as one who threatens it does ("comptent encercler
        les shebab": opposes the shebab), not a place it names."""
        if predicate != "attacks" or not self.planned(cue, verb):
            return False
        if "Region" not in obj.entity.types:
            self.add(subj, "opposes", obj, cue, self.units.sentence_at(cue.idx), 0.5)
        return True

    def measured_from(self, ref: MentionRef) -> bool:
        """A place a distance or a bearing is measured from ("localité à 90 km de X", "ville
        située au sud-est de X"): what the phrase places lies outside it. A bearing from a
        country ("au nord du Mali") names its part, and "dans le nord de X" lies inside X."""
        span = self.span_at(ref)
        if span is None:
            return False
        k = span.start - 1
        while k > 0 and self.tokens[k].pos_ == "DET" and lower_text(self.tokens[k]) not in self.rules.of_prepositions:
            k -= 1
        if k < 2 or lower_text(self.tokens[k]) not in self.rules.of_prepositions:
            return False
        before = self.tokens[k - 1]
        if _in(before, self.rules.compass_words):
            j = k - 2
            while j > 0 and self.tokens[j].pos_ == "DET":
                j -= 1
            return lower_text(self.tokens[j]) in self.rules.relative_prepositions \
                and ref.entity.kind not in (*_STATE_KINDS, "Continent")
        return self.distance_noun(before)

    def distance_noun(self, noun: Token) -> bool:
        """A counted noun after a relative preposition ("à 90 km", "à 3 kilomètres")."""
        return noun.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in children_of(noun)) and any(
            lower_text(t) in self.rules.relative_prepositions for t in self.tokens[max(0, noun.i - 4): noun.i])

    def note_attacker(self, relation: Relation, subj: MentionRef) -> None:
        """Keep (sentence, author) of an attack that happened, and (sentence, None) of weapons fired by
        no one named (a strike of unknown author), for an attack noun pointed back later (``earlier_author``)."""
        if relation.predicate == "attacks" and relation.modality in ("asserted", "reported"):
            self.attackers.append((relation.sentence, subj))
        elif relation.predicate == "targets" and "Weapon" in subj.entity.types:
            self.attackers.append((relation.sentence, None))

    def note_unaimed(self, v: Token, agents: list[MentionRef], targets: list[MentionRef]) -> None:
        """Keep the one author of an attack verb that names no entity hit ("X ont envahi un camp
        militaire"), for an attack noun pointing back in the next sentences ("L'attaque de lundi sur
        Y": ``earlier_author``)."""
        hitters = self.hitters(agents)
        if not targets and len(hitters) == 1 and self.modality(v) in ("asserted", "reported"):
            self.attackers.append((self.units.sentence_at(v.idx), hitters[0]))

    def attack_word(self, cue: Token) -> bool:
        """An attack verb or noun ("les attaques en mer Rouge", "attaquent les navires en mer
        Rouge"), not a firing one ("a tiré deux roquettes ... en mer Noire"): its sea is attacked
        when it hits no actor ("une attaque contre le porte-avions britannique en mer Rouge": the
        United Kingdom is attacked, the sea is only where)."""
        return _in(cue, self.rules.attack_verbs) or _in(cue, self.rules.attack_nouns)

    # --- passive / participle helpers -----------------------------------------------
    @staticmethod
    def passive(verb: Token) -> bool:
        return any(c.dep_ == "aux:pass" for c in children_of(verb)) or (
            verb.dep_ == "acl" and "Part" in morph_values(verb, "VerbForm")
            and "Pres" not in morph_values(verb, "Tense"))  # "livrant" is active

    def agent(self, verb: Token) -> list[MentionRef]:
        phrase = agent_phrase(verb, self.rules)
        return self.np(phrase) if phrase is not None else []

    def patient(self, verb: Token) -> list[MentionRef]:
        """The thing a passive verb or participle is about ("missiles ... tirés", "soldats déployés")."""
        if verb.dep_ == "acl" and "Part" in morph_values(verb, "VerbForm"):
            # the parse may hang the participle on a word further left ("membres du
            # régiment basé à X" read as "membres ... basé"): the phrase just before it then
            return self.np(verb.head) or self.noun_before(verb)
        for subj in subjects_of(verb, self.rules):
            found = self.np(subj)
            if found:
                return found
        for c in children_of(verb):  # "où sont déployés des soldats": inverted subject
            if c.dep_ == "obj":
                return self.np(c)
        return self.noun_before(verb)

    def noun_before(self, verb: Token) -> list[MentionRef]:
        """The noun phrase right before a verb the parse left without a subject ("D'après
        Reuters, des soldats nord-coréens seraient déployés", Reuters taken for the root)."""
        lo = self.units.bounds(verb)[0]
        k = verb.i - 1
        while k >= lo and (self.tokens[k].pos_ in ("AUX", "ADV", "ADJ") or self.tokens[k].dep_.startswith("aux")):
            k -= 1
        if k < lo or self.tokens[k].pos_ not in ("NOUN", "PROPN"):
            return []
        head = self.tokens[k]
        while head.dep_ in ("amod", "flat:name") and head.head.i < head.i and head.head.i >= lo:
            head = head.head
        found = self.np(head)
        if not found and _in(head, self.forces):
            # "400 policiers kényans déployés", the demonym cut off its noun by the parse
            found = self.typed([self.ref_at(t) for t in self.tokens[k + 1: verb.i] if t.pos_ == "ADJ"], ("Actor",))[:1]
        return found

    def subject(self, verb: Token) -> list[MentionRef]:
        for subj in subjects_of(verb, self.rules):
            if subj.head.i == verb.i and subj.dep_.startswith("nsubj") and any(
                    c.dep_ == "case" and not misread_partitive(c, self.rules) for c in children_of(subj)):
                continue  # "Au Burkina Faso, l'État islamique a mené ...": a fronted place, misread
            if self.time_subject(subj, verb):
                continue  # "Ces derniers jours l'ELN a mené ...": a fronted time phrase, misread
            subj = self.participle_subject(subj)
            found = self.np(subj)
            if found:
                return self.bodies_of_leaders(found)
            if subj.pos_ == "NOUN" and not _is_gerund(verb):
                return []  # "l'objectif ... est d'attaquer Goma": a subject that is no actor, not the speaker's
        if _is_gerund(verb):  # "X a appelé au calme, tout en livrant des bombes": X livre
            root = verb
            while root.head.i != root.i:
                root = root.head
            if root.i != verb.i:
                return self.subject(root)
        return []

    def noun_before_relative(self, subj: Token) -> bool:
        """A relative pronoun subject right after a common noun that names no actor ("X est
        contesté par un gouvernement parallèle, qui soutient Y"): that noun is what the pronoun
        stands for, so the subject of the clause above (X) is not taken in its place."""
        if lower_text(subj) not in self.rules.relative_pronouns or subj.i < 2:
            return False
        k = subj.i - 1 if self.tokens[subj.i - 1].text != "," else subj.i - 2
        lo = self.units.bounds(subj)[0]
        while k > lo and self.tokens[k].pos_ in ("ADJ", "ADP", "DET", "AUX", "VERB") and self.ref_at(self.tokens[k]) is None:
            k -= 1  # back over "parallèle installé dans l'est" to the head noun
        return self.tokens[k].pos_ == "NOUN" and self.ref_at(self.tokens[k]) is None \
            and self.index.at_token(self.tokens[k]) is None

    def bodies_of_leaders(self, found: list[MentionRef]) -> list[MentionRef]:
        """A person named after a body noun the parse cut off ("Le régime de Bachar al-Assad a
        bombardé": "Assad" read as the subject) stands for the state the text made him lead;
        none when it made him lead none (the regime acts, not the man)."""
        span = self.span_at(found[0]) if len(found) == 1 and found[0].entity.kind == "Person" else None
        if span is None or span.start < 2 or lower_text(self.tokens[span.start - 1]) not in self.rules.name_prepositions \
                or lower_lemma(self.tokens[span.start - 2]) not in self.rules.leader_body_nouns:
            return found
        return self.led_states(found)

    @staticmethod
    def participle_subject(subj: Token) -> Token:
        """The noun a participle aside describes where the parse makes the participle the verb's
        subject ("Une colonne de X, venue à bord de camions, a attaqué": "venue" the subject)."""
        if subj.pos_ != "VERB" or "Part" not in morph_values(subj, "VerbForm"):
            return subj
        return next((c for c in children_of(subj) if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), subj)

    def time_subject(self, subj: Token, verb: Token) -> bool:
        """A time phrase the parse reads as a subject beside the verb's own ("Ces derniers jours
        l'ELN a mené deux attaques": "jours" and "ELN" both subjects)."""
        return lower_lemma(subj) in self.rules.time_words and self.index.at_token(subj) is None and any(
            c.dep_.startswith("nsubj") and c.i != subj.i for c in children_of(verb))

    def doer(self, verb: Token) -> list[MentionRef]:
        """Who does what ``verb`` says: its subject; the nearest actor to the left only when the
        parse gives no subject at all ("appeler les alliés à livrer": the allies, not the caller);
        with the actors listed before a lone one, however the parse cut the list."""
        host = self.adverbial_host(verb)
        if subjects_of(verb, self.rules) and verb.dep_ != "conj" or _is_gerund(verb):
            found = self.subject(verb)
        elif host is not None:
            found = self.subject(host)  # "a frappé un immeuble, tuant un commandant": who struck kills
        elif subjects_of(verb, self.rules):
            found = self.subject(verb)
        elif (noun := self.qualified_noun(verb)) is not None:
            found = self.np(noun)
        else:
            found = self.left_actor(verb)
        return found + self.listed_before(found[0]) if len(found) == 1 else found

    @staticmethod
    def qualified_noun(verb: Token) -> Token | None:
        """The noun before it a past participle qualifies ("la force déployée en Somalie en
        soutien à X"): who the participle speaks of, never the nearest actor left of it (an
        inverted subject's, "... a annoncé la force déployée"); None for any other verb."""
        if verb.dep_ != "acl" or verb.head.i >= verb.i or verb.head.pos_ not in ("NOUN", "PROPN") \
                or not _past_participle(verb):
            return None
        return verb.head

    def adverbial_host(self, verb: Token) -> Token | None:
        """The verb whose subject does what a present participle set off after it says: an adverbial
        participle ("a frappé un immeuble, tuant un commandant"), one coordinated with it ("tuant
        trois civils et visant la ville de X"), one the parse hangs on a noun of place or thing
        after a comma ("a tiré des roquettes sur le sud de X, frappant la ville de Y"), not on an
        actor, a weapon or a strike ("des drones, visant X": the drones aim)."""
        if not _present_participle(verb):
            return None
        if verb.dep_ == "advcl" and verb.head.i < verb.i:
            return verb.head
        if verb.dep_ == "conj" and _present_participle(verb.head) and verb.head.i < verb.i:
            host = self.adverbial_host(verb.head)
        else:
            host = self.comma_participle_host(verb)
        return host if host is not None and self.strike_clause(host) else None

    def striking_host(self, verb: Token) -> Token | None:
        """The strike clause a participle of hitting goes on with (``adverbial_host``), else None."""
        host = self.adverbial_host(verb)
        return host if host is not None and self.strike_clause(host) else None

    def strike_clause(self, verb: Token) -> bool:
        """A verb of attacking or firing, or one whose object is an attack or strike ("a lancé une
        offensive"): a participle after it goes on with the strike ("sanctions contre X, visant Y" does not)."""
        return _in(verb, self.rules.attack_verbs) or _in(verb, self.rules.target_verbs) or any(
            _in(c, _event_nouns(self.rules)) for c in self.direct_objects(verb))

    def comma_participle_host(self, verb: Token) -> Token | None:
        """The verb above the noun a participle after a comma is hung on, when that noun is a place
        or a thing (``adverbial_host``)."""
        noun = verb.head
        if verb.dep_ != "acl" or verb.i == 0 or self.tokens[verb.i - 1].text != "," or noun.i > verb.i \
                or self.typed([self.ref_at(noun)], ("Actor", "Weapon")) or _in(noun, _event_nouns(self.rules)) \
                or _in(noun, self.forces):
            return None
        while noun.pos_ != "VERB" and noun.head.i != noun.i:
            noun = noun.head
        return noun if noun.pos_ == "VERB" and noun.i < verb.i else None

    def listed_before(self, ref: MentionRef) -> list[MentionRef]:
        """The actors of the kind of ``ref`` listed right before it, by commas and a closing
        conjunction ("Les États-Unis, le Royaume-Uni, les Pays-Bas et le Danemark vont envoyer":
        all four); none when a preposition opens the list ("avec la France et X, Y a ...")."""
        span = self.span_at(ref)
        lo = self.units.bounds(span.root)[0]
        k = self.skip_determiners(span.start - 1, lo)
        if k < lo or lower_text(self.tokens[k]) not in self.rules.list_conjunctions:
            return []
        found: list[MentionRef] = []
        while k > lo:
            prev = self.ref_at(self.tokens[k - 1])
            if prev is None or prev.entity.kind != ref.entity.kind or prev.entity.id == ref.entity.id:
                return []
            found.append(prev)
            first = self.span_at(prev).start
            k = self.skip_determiners(first - 1, lo)
            if k < lo or self.tokens[k].text != ",":
                break
        opener = self.tokens[k] if k >= lo else None
        return [] if opener is not None and opener.pos_ == "ADP" else found[::-1]

    def listed_after(self, ref: MentionRef) -> list[MentionRef]:
        """The actors of the kind of ``ref`` listed right after it, by commas and a closing
        conjunction ("regroupe le Mali, le Niger et le Burkina Faso"), however the parse cut it."""
        span = self.span_at(ref)
        hi, k, found = self.units.bounds(span.root)[1], span.end, []
        while k < hi and (self.tokens[k].text == "," or lower_text(self.tokens[k]) in self.rules.list_conjunctions):
            last = self.tokens[k].text != ","
            k += 1 if last and k + 1 < hi and self.tokens[k + 1].pos_ == "ADV" else 0  # "ou encore X", "et enfin X"
            k = self.past_determiners(k + 1, hi)
            nxt = self.ref_at(self.tokens[k]) if k < hi else None
            if nxt is None or nxt.entity.kind != ref.entity.kind or nxt.start != self.tokens[k].idx:
                break
            found.append(nxt)
            k = self.span_at(nxt).end
            if last:
                break
        return found

    def places_listed(self, refs: list[MentionRef]) -> list[MentionRef]:
        """``refs`` with, after each place, the places listed right after it up to a closing
        conjunction ("des attaques sur Tel Aviv et Jaffa", "les villes de A, B et C"), however
        the parse hangs them (a list is kept only when its conjunction closes it)."""
        out = list(refs)
        for ref in refs:
            if "Region" in ref.entity.types:
                out += [r for r in self.regions_after(ref) if r.entity.id not in {o.entity.id for o in out}]
        return out

    def regions_after(self, ref: MentionRef) -> list[MentionRef]:
        """The places named after ``ref`` by commas and a closing conjunction, each right after
        its separator (past a determiner or a preposition repeated: "à X et à Y"; past a direction
        after the conjunction: "contre Kiev et le sud de l'Ukraine", not "la frontière de X")."""
        span = self.span_at(ref)
        hi, k, found = self.units.bounds(span.root)[1], span.end, []
        while k < hi and (self.tokens[k].text == "," or lower_text(self.tokens[k]) in self.rules.list_conjunctions):
            last = self.tokens[k].text != ","
            k += 1
            while k < hi and self.list_lead_word(self.tokens[k], last):
                k += 1
            nxt = self.ref_at(self.tokens[k]) if k < hi else None
            if nxt is None or "Region" not in nxt.entity.types or nxt.start != self.tokens[k].idx:
                return []
            found.append(nxt)
            k = self.span_at(nxt).end
            if last:
                return found
        return []

    def list_lead_word(self, t: Token, last: bool) -> bool:
        """A word between a list's separator and the place it names: a determiner; after the
        closing conjunction, a preposition repeated or a direction ("et le sud de"), not a border."""
        return t.pos_ == "DET" or last and (t.pos_ == "ADP" or self.elided_article(t) or (
            _in(t, self.rules.direction_words) and not _in(t, self.rules.border_nouns)))

    def elided_article(self, t: Token) -> bool:
        """An article the tagger read as a pronoun ("l'" of "et l'est de X", "est" read as a verb)."""
        return t.pos_ == "PRON" and lower_text(t) in _bare_determiners(self.rules)

    def skip_link_words(self, k: int, lo: int, tags: tuple[str, ...]) -> int:
        """The index of the first word at or before ``k`` (down to ``lo``) that is none of the
        words between a name and what is said of it: a word of ``tags``, a copula, a comma, a
        closing bracket ("X, qui est à la tête de", "le JNIM, affilié à")."""
        while k >= lo and (self.tokens[k].pos_ in tags or self.tokens[k].dep_ == "cop"
                           or self.tokens[k].text in (",", ")")):
            k -= 1
        return k

    def skip_determiners(self, k: int, lo: int) -> int:
        """The index of the first word at or before ``k`` that is no determiner (``lo - 1`` if none
        is left down to ``lo``)."""
        while k >= lo and self.tokens[k].pos_ == "DET":
            k -= 1
        return k

    def past_determiners(self, k: int, hi: int) -> int:
        """The index of the first word at or after ``k`` (up to ``hi``) that is no determiner."""
        while k < hi and self.tokens[k].pos_ == "DET":
            k += 1
        return k

    def children_with(self, verb: Token, preps, deps=("obl", "obl:arg", "obl:mod", "nmod", "iobj")):
        out = []
        for c in children_of(verb):
            if c.dep_ in deps and _introduced_by(c, preps):
                out.extend(self.np(c))
        return out

    # --- families -----------------------------------------------------------------
    def reflexive_supply(self, v: Token) -> bool:
        return _in(v, self.rules.recipient_object_verbs) and _reflexive(v)

    def self_supply(self, v: Token, k: int) -> None:
        """ "le Maroc s'est doté de drones turcs", "s'équiper de chars auprès de Séoul": the
        subject is the recipient; the maker's demonym on the goods or a seller phrase names
        the supplier."""
        window = self.right_window(v)
        recipients = self.typed(self.subject(v), ("Actor",))
        weapons = self.purchased(self.children_with(v, self.rules.goods_prepositions), window)
        suppliers = self.typed([self.ref_at(t) for t in window[:8] if t.pos_ == "ADJ"], ("Actor",))
        suppliers = suppliers or self.after_prep(window, self.rules.contract_prepositions, ("Actor",))
        suppliers = [r for r in suppliers if r.entity.id not in {x.entity.id for x in recipients}]
        for s in suppliers[:1]:
            for w in weapons[:1]:
                self.add(s, "supplies", w, v, k, 0.6)
            if weapons:
                for r in recipients[:1]:
                    self.add(s, "suppliesTo", r, v, k, 0.55)

    def supply_verb(self, v: Token, k: int) -> None:
        if self.reflexive_supply(v):
            return self.self_supply(v, k)  # "se doter de": the subject receives
        window = self.right_window(v)
        suppliers, goods = self.transfer_parties(v, window)
        recipients, goods = self.transfer_ends(v, goods, window)
        weapons = self.typed(goods, ("Weapon",)) or self.first_weapon(window)
        weapons += self.weapon_conjuncts(weapons[0]) if weapons else []
        military = weapons or _in(v, self.rules.arming_verbs) \
            or any(_in(t, self.rules.military_goods) for t in window + self.sent_goods(v))
        if not suppliers and recipients and self.passive(v):  # "des drones iraniens livrés à X"
            suppliers = self.goods_demonyms(self.patient_heads(v), recipients)
        for s in self.typed(suppliers, ("Actor",))[:4]:
            for w in weapons:
                self.add(s, "supplies", w, v, k, 0.75)
            if military:
                for r in recipients[:2]:
                    self.add(s, "suppliesTo", r, v, k, 0.7)

    def goods_demonyms(self, heads: list[Token], recipients: list[MentionRef]) -> list[MentionRef]:
        """The state a demonym on the goods names ("des drones iraniens livrés à X", "des ventes
        d'armes israéliennes à X"): their seller, when the transfer names no other and names a
        recipient (a demonym said of goods sent nowhere may be their owner's), never the recipient."""
        taken = {r.entity.id for r in recipients}
        return [r for r in self.typed([self.ref_at(c) for h in self.goods_carriers(heads) for c in children_of(h)
                                       if c.dep_ == "amod" and c.pos_ == "ADJ"], ("Actor",))
                if r.entity.id not in taken][:1]

    @staticmethod
    def goods_carriers(heads: list[Token]) -> list[Token]:
        """The goods' nouns and the words after them a demonym may hang on: an adjective or a bare
        noun complement ("véhicules blindés turcs", "drones de combat turcs")."""
        return heads + [c for h in heads for c in children_of(h) if c.i > h.i and (
            c.dep_ == "amod" or c.dep_ == "nmod" and not any(g.dep_ == "det" for g in children_of(c)))]

    def transfer_parties(self, v: Token, window: list[Token]) -> tuple[list[MentionRef], list[MentionRef]]:
        """(suppliers, goods) of a transfer verb: its subject and object, or its agent and
        patient when passive (the "par" phrase the parse hangs further on: "des armes livrées
        aux forces X par Y")."""
        suppliers, goods = (self.agent(v), self.patient(v)) if self.passive(v) else (
            self.doer(v), [r for c in children_of(v) if c.dep_ == "obj" for r in self.np(c)])
        if not suppliers and not goods:
            suppliers, goods = self.reduced_passive(v)  # "dix-huit chars Leopard 2 envoyés par l'Allemagne"
        if not suppliers and self.passive(v):
            suppliers = self.after_prep(self.clause_window([t for t in window if t.dep_ != "amod"])[:8],
                                        self.rules.agent_prepositions, ("Actor",))[:2]
        return suppliers, goods

    def sent_goods(self, v: Token) -> list[Token]:
        """The nouns a passive transfer verb or participle sends, left of it ("des armes livrées à
        l'armée X par Y", "les munitions ont été fournies à X par Y")."""
        return self.patient_heads(v) if self.passive(v) else []

    def reduced_passive(self, v: Token) -> tuple[list[MentionRef], list[MentionRef]]:
        """(agents, weapons) of a past participle the parse left alone with a "par" phrase
        ("Fin mars, dix-huit chars Leopard 2 envoyés par l'Allemagne sont arrivés"): the
        phrase's actor, and the weapon named right before the participle in its clause."""
        if "Part" not in morph_values(v, "VerbForm") or "Pres" in morph_values(v, "Tense") \
                or subjects_of(v, self.rules):
            return [], []
        agents = self.typed(self.children_with(v, self.rules.agent_prepositions, ("nmod", "obl", "obl:mod")),
                            ("Actor",))
        lo = self.units.bounds(v)[0]
        before = [r for t in self.tokens[max(lo, v.i - 5): v.i] for r in [self.ref_at(t)] if r is not None]
        return (agents, self.typed(before, ("Weapon",))[-1:]) if agents else ([], [])

    def first_weapon(self, window: list[Token]) -> list[MentionRef]:
        return self.typed([self.ref_at(t) for t in window[:8]], ("Weapon",))[:1]

    def transfer_ends(self, v: Token, goods: list[MentionRef], window: list[Token]):
        """(recipients, goods) of a transfer verb: the "à" phrase and the object ("livrer des
        chars à Kiev"), or the object and the "de" phrase ("doter l'armée de chars")."""
        if _in(v, self.rules.recipient_object_verbs):
            return self.typed(goods, ("Actor",)), self.children_with(v, self.rules.goods_prepositions) or self.typed(
                [self.ref_at(t) for t in window], ("Weapon",))
        to = self.rules.recipient_prepositions
        recipients = self.typed(self.children_with(v, to), ("Actor",)) or self.dative_recipient(v)
        if not recipients and not self.dative_clitic(v):  # "en lui livrant Y, a dit X à Z": not Z
            recipients = self.after_prep(window, to, ("Actor",))
        return recipients, goods

    def dative_clitic(self, v: Token) -> bool:
        """Whether a verb carries a dative clitic ("en lui livrant", "leur envoyer")."""
        return any(c.dep_ in ("iobj", "obj") and lower_text(c) in self.rules.dative_pronouns for c in children_of(v))

    def dative_recipient(self, v: Token) -> list[MentionRef]:
        """The actor a dative clitic on a transfer gerund stands for ("soutient X en lui livrant
        des chars", "accroître ses livraisons à X en lui envoyant Y"): the last actor its host
        clause names before it that is not the supplier."""
        if not _is_gerund(v) or not self.dative_clitic(v):
            return []
        suppliers = {r.entity.id for r in self.doer(v)}
        lo = self.units.bounds(v)[0]
        before = [r for t in self.tokens[lo:v.i] for r in [self.ref_at(t)] if r is not None]
        return [r for r in self.typed(before, ("Actor",)) if r.entity.id not in suppliers
                and r.entity.kind != "Person"][-1:]

    def supplier_noun(self, n: Token, k: int) -> None:
        recipients = self.typed(self.children_with(n, self.rules.of_prepositions), ("Actor",))
        suppliers = []
        for c in children_of(n):
            if c.dep_ == "nsubj":
                suppliers = self.np(c)
        if not suppliers and n.dep_ == "appos":
            suppliers = self.np(n.head)
        aside = None if suppliers else self.supplier_before_comma(n)
        suppliers = self.typed(suppliers, ("Actor",)) or (aside if aside is not None else self.left_actor(n))
        for s in suppliers[:1]:
            for r in recipients[:2]:
                self.add(s, "suppliesTo", r, n, k, 0.6, modality=self.noun_modality(n))

    def supplier_before_comma(self, n: Token) -> list[MentionRef] | None:
        """The actor a supplier noun set off by a comma is said of, however the parse hangs it
        ("des sanctions contre six entreprises iraniennes, fournisseurs de X": the firms' state,
        not the clause's subject); None when no comma sets it off."""
        k = n.i - 1
        while k > 0 and self.tokens[k].pos_ in ("DET", "ADJ", "ADV"):  # "X, principal fournisseur de Y"
            k -= 1
        if k < 1 or self.tokens[k].text != ",":
            return None
        prev = self.tokens[k - 1]
        found = self.np(prev) or (self.np(prev.head) if prev.dep_ == "nmod" else [])  # "six entreprises X de drones,"
        return self.typed(found, ("Actor",))

    def maker_verb(self, v: Token, k: int) -> None:
        """ "des hélicoptères X fabriqués par le groupe Y", "le consortium Z produit les missiles
        W": the maker (the agent of the passive, else the subject) supplies the weapon made."""
        if self.passive(v) or agent_phrase(v, self.rules) is not None:
            makers, made = self.agent(v), self.patient(v)
        else:
            makers, made = self.subject(v), [r for c in children_of(v) if c.dep_ == "obj" for r in self.np(c)]
        for m in self.typed(makers, ("Actor",))[:1]:
            for w in self.typed(made, ("Weapon",))[:3]:
                self.add(m, "supplies", w, v, k, 0.55, modality=self.modality(v))

    def made_by_demonym(self, n: Token, k: int) -> None:
        """ "des drones X de fabrication iranienne", "des blindés de conception allemande": the
        state the demonym on a noun of make names supplies the named system the noun qualifies
        (not a class: "des drones de fabrication iranienne", as for a maker's sale)."""
        if n.dep_ != "nmod" or not _introduced_by(n, self.rules.of_prepositions):
            return
        makers = [self.ref_at(c) for c in children_of(n) if c.dep_ == "amod" and c.pos_ == "ADJ"]
        for m in self.typed(makers, ("Actor",))[:1]:
            for w in self.typed(self.np(n.head) or [self.ref_at(n.head)], ("Weapon",))[:2]:
                if w.entity.kind == "WeaponSystem":
                    self.add(m, "supplies", w, n, k, 0.5)

    def purchase(self, cue: Token, k: int) -> None:
        """ "X achète des chars K2 à Y", "contrat avec Y pour l'achat de chars K2": Y supplies X."""
        chain = self.purchase_chain(cue)
        if cue.pos_ in ("VERB", "AUX"):
            verb, mod = cue, self.modality(cue)
            goods = [r for c in children_of(cue) if c.dep_ == "obj" for r in self.np(c)]
        else:
            verb = next((g for g in chain if g.pos_ in ("VERB", "AUX")), None)
            mod = self.noun_modality(cue)
            goods = self.children_with(cue, self.rules.of_prepositions)
        window = self.right_window(cue)
        weapons = self.purchased(goods, window)
        buyers, sellers = self.purchase_parties(cue, verb, chain, window)
        sellers, weapons = (sellers, weapons) if sellers else self.maker_sale(cue, buyers, weapons)
        for seller in sellers[:1]:
            for w in weapons:
                self.add(seller, "supplies", w, cue, k, 0.6, modality=mod)
            if weapons or any(_in(t, self.rules.military_goods) for t in window):
                for b in buyers[:1]:
                    self.add(seller, "suppliesTo", b, cue, k, 0.55, modality=mod)

    def maker_sale(self, cue: Token, buyers: list[MentionRef], weapons: list[MentionRef]):
        """(sellers, weapons) of a purchase with no seller phrase: the maker its goods' demonym
        names sells, only the named system ("des chars sud-coréens": no class)."""
        makers = [r for r in self.goods_makers(cue) if r.entity.id not in {b.entity.id for b in buyers}]
        return makers, [w for w in weapons if w.entity.kind == "WeaponSystem"]

    def goods_makers(self, cue: Token) -> list[MentionRef]:
        """The state a demonym on the goods of a purchase names, its seller when no seller
        phrase is there ("l'acquisition du système antidrones russe X", "acheter des chars
        américains"), as for goods received."""
        preps = self.rules.of_prepositions if cue.pos_ in ("NOUN", "PROPN") else ()
        goods = [c for c in children_of(cue) if c.dep_ == "obj" or preps and c.dep_ in ("nmod", "obl:arg") and _introduced_by(c, preps)]
        return self.typed([self.ref_at(g) for c in goods for g in c.subtree
                           if g.dep_ == "amod" and g.pos_ == "ADJ" and not _verb_between(g, c)]
                          + [self.ref_at(g) for c in goods for g in self.adjectives_after(c)], ("Actor",))

    def adjectives_after(self, c: Token) -> list[Token]:
        """The adjectives right after a noun, however the parse hangs them ("l'acquisition de
        drones turcs de type X", "turcs" read as the purchase's)."""
        out = []
        for t in self.tokens[c.i + 1: c.i + 4]:
            if t.pos_ != "ADJ":
                break
            out.append(t)
        return out

    @staticmethod
    def purchase_chain(cue: Token) -> list[Token]:
        """The noun phrases and verb above a purchase cue ("signé un contrat ... pour l'achat")."""
        chain, current = [], cue
        while current.head.i != current.i and len(chain) < 3 and current.dep_ in _PURCHASE_CHAIN:
            current = current.head
            chain.append(current)
        return chain

    def purchased(self, goods: list[MentionRef], window: list[Token]) -> list[MentionRef]:
        """The weapons bought: a named system near the cue ("180 chars K2": the K2, not tanks in
        general), else the goods, else the first weapon near the cue."""
        weapons = self.typed(goods, ("Weapon",)) or self.typed(
            [self.ref_at(t) for t in window[:8]], ("Weapon",))[:1]
        named = [r for r in self.typed([self.ref_at(t) for t in window[:12]], ("Weapon",))
                 if r.entity.kind == "WeaponSystem"]
        return self.listed_systems(named[0], window) if named else weapons

    def listed_systems(self, first: MentionRef, window: list[Token]) -> list[MentionRef]:
        """The named system first bought and those listed after it up to the next verb ("de chars
        K2, d'obusiers K9 et d'avions FA-50"), at most four."""
        out = {first.entity.id: first}
        for t in window:
            if t.idx < first.start:
                continue
            if t.pos_ in ("VERB", "AUX") or len(out) >= 4:
                break
            ref = self.ref_at(t)
            if ref is not None and ref.entity.kind == "WeaponSystem":
                out.setdefault(ref.entity.id, ref)
        return list(out.values())

    def purchase_parties(self, cue: Token, verb: Token | None, chain: list[Token], window: list[Token]):
        """(buyers, sellers) of a purchase: the verb's subject or the noun's "par" phrase buys;
        the seller phrase ("à X", "auprès de X") or a contract's other party ("avec X") sells."""
        buyers = self.typed(self.subject(verb), ("Actor",)) if verb is not None else []
        if cue.pos_ == "NOUN":  # "la commande de frégates par la Grèce à Naval Group"
            noun_buyers, sellers = self.noun_parties(cue)
            buyers = noun_buyers or buyers
        else:
            sellers = self.verb_sellers(cue)
        for g in chain:  # "un contrat avec Séoul pour l'achat de ...", also when "avec" hangs
            for node in (g, *(c for c in children_of(g) if c.dep_ == "obj")):  # on the verb's object
                sellers = sellers or self.typed(self.children_with(node, self.rules.contract_prepositions), ("Actor",))
        sellers = sellers or self.contract_seller(cue, chain)
        # "auprès de la Chine" read as an adverb's complement: the words then
        sellers = sellers or self.after_prep(window, self.rules.contract_prepositions, ("Actor",))[:1]
        return buyers, [r for r in sellers if r.entity.id not in {b.entity.id for b in buyers}]

    def contract_seller(self, cue: Token, chain: list[Token]) -> list[MentionRef]:
        """The seller phrase the parse hangs on the contract noun a purchase noun qualifies ("un
        contrat d'achat au Brésil de chars X"): an actor, not a town."""
        if cue.pos_ != "NOUN" or not chain or chain[0].pos_ != "NOUN":
            return []
        found = self.typed(self.children_with(chain[0], self.rules.seller_prepositions, ("nmod",)), ("Actor",))
        return [r for r in found if r.entity.kind not in _LOCAL_KINDS]

    def noun_parties(self, cue: Token) -> tuple[list[MentionRef], list[MentionRef]]:
        """(buyers, sellers) named on a purchase noun or the nouns below it ("la commande de
        frégates par la Grèce à Naval Group")."""
        nodes = [cue, *self.nmod_chain(cue)]
        buyers = [r for g in nodes for r in self.children_with(g, self.rules.agent_prepositions, ("nmod",))]
        sellers = [r for g in nodes for r in self.children_with(g, self.rules.seller_prepositions, ("nmod",))]
        return self.typed(buyers, ("Actor",)), self.typed(sellers, ("Actor",))

    def verb_sellers(self, cue: Token) -> list[MentionRef]:
        """The seller phrase of a purchase verb, on the verb or on its object ("commandé des
        frégates à la France")."""
        from_ = self.rules.seller_prepositions
        return self.typed(self.children_with(cue, from_), ("Actor",)) or [
            r for c in children_of(cue) if c.dep_ in ("obj", "nmod") for r in self.typed(self.children_with(c, from_), ("Actor",))]

    def receive(self, v: Token, k: int) -> None:
        """ "Bamako a reçu des hélicoptères russes", "Kiev a obtenu des F-16 des Pays-Bas"."""
        recipients = self.typed(self.subject(v), ("Actor",))
        objs = [c for c in children_of(v) if c.dep_ == "obj"]
        window = self.right_window(v)
        weapons = self.received(objs, window)
        if not weapons:
            return
        suppliers = [r for r in self.givers(v, objs, window) if r.entity.id not in {x.entity.id for x in recipients}]
        mod = self.modality(v)
        for s in suppliers[:1]:
            for w in weapons:
                self.add(s, "supplies", w, v, k, 0.6, modality=mod)
            for r in recipients[:1]:
                self.add(s, "suppliesTo", r, v, k, 0.55, modality=mod)

    def received(self, objs: list[Token], window: list[Token]) -> list[MentionRef]:
        """The weapons received: the object or its complement, else (the parse of "des chars
        Leopard de l'Allemagne" often breaks) the weapons named after the verb."""
        goods_tokens = objs + [g for c in objs for g in children_of(c) if g.dep_ == "nmod"]
        weapons = self.typed([r for t in goods_tokens for r in self.np(t)], ("Weapon",))
        return weapons or self.typed([self.ref_at(t) for t in window[:8]], ("Weapon",))[:2]

    def givers(self, v: Token, objs: list[Token], window: list[Token]) -> list[MentionRef]:
        """Who gave what a receiving verb's subject got: its "de"/"par" phrase, or a demonym
        on the goods ("des hélicoptères russes")."""
        from_ = (*self.rules.of_prepositions, *self.rules.agent_prepositions)
        suppliers = self.typed(self.children_with(v, from_), ("Actor",))
        suppliers = suppliers or self.after_prep(self.clause_window(window), from_, ("Actor",))
        return suppliers + self.typed([self.ref_at(g) for c in objs for g in c.subtree
                                       if g.dep_ in ("amod", "acl") and g.pos_ == "ADJ" and not _verb_between(g, c)],
                                      ("Actor",))

    @staticmethod
    def clause_window(window: list[Token]) -> list[Token]:
        """A verb's right window up to the next verb or auxiliary (a participle on a noun
        aside): what follows belongs to another clause ("..., a déclaré le ministre X";
        "... pour repousser les forces russes")."""
        end = next((n for n, t in enumerate(window) if t.pos_ == "AUX" or t.pos_ == "VERB" and t.dep_ != "acl"),
                   len(window))
        return window[:end]

    def noun_modality(self, n: Token) -> str:
        """A noun cue takes the modality of its verb only when it is that verb's complement."""
        if n.dep_ in ("obj", "obl", "obl:arg", "obl:mod", "xcomp", "nsubj:pass") and n.head.i != n.i:
            return self.modality(n, n.head)
        return self.modality(n, n) if n.dep_ != "nsubj" else (
            "reported" if self.statements_at(n.idx) else "asserted")

    def supply_noun(self, n: Token, k: int) -> None:
        if self.sends_people(n):
            return
        weapons = self.typed(self.children_with(n, self.rules.of_prepositions), ("Weapon",))
        named = [r for r in self.typed([self.ref_at(t) for t in self.right_window(n)[:6]], ("Weapon",))
                 if r.entity.kind == "WeaponSystem"]
        # "la vente de missiles antinavires Harpoon": the Harpoon, and the names coordinated with it
        weapons = named[:1] + self.weapon_conjuncts(named[0]) if named else weapons + self.listed_goods(n)
        recipients = self.noun_recipients(n)
        suppliers = self.noun_suppliers(n, recipients)
        mod = self.noun_modality(n)
        for s in suppliers[:1]:
            for w in weapons:
                self.add(s, "supplies", w, n, k, 0.6, modality=mod)
            for r in recipients:
                self.add(s, "suppliesTo", r, n, k, 0.55, modality=mod)

    def noun_suppliers(self, n: Token, recipients: list[MentionRef]) -> list[MentionRef]:
        """Who a transfer noun's goods come from: its demonym, its "de" author, its "par" phrase;
        else the doer of the verb that decides or announces it; else a demonym on its goods when
        it names a recipient ("des ventes d'armes israéliennes à X")."""
        suppliers = self.typed([self.ref_at(c) for c in children_of(n) if c.dep_ == "amod"], ("Actor",))
        suppliers += self.supply_authors(n) + self.typed(self.children_with(n, ("par",)), ("Actor",))
        if not suppliers and n.dep_ in ("obj", "obl:mod") and _in(n.head, self.rules.authority_verbs | self.rules.authorize_verbs
                                                         | self.rules.supply_governors):
            suppliers = self.typed(self.doer(n.head), ("Actor",))
        if not suppliers and recipients:
            goods = [g for g in self.genitives(n) if _in(g, self.rules.military_goods) or self.typed([self.ref_at(g)], ("Weapon",))]
            suppliers = self.goods_demonyms(goods, recipients)
        return suppliers

    def weapon_conjuncts(self, weapon: MentionRef) -> list[MentionRef]:
        """The weapon names coordinated with a weapon's name ("des systèmes Patriot et THAAD")."""
        span = self.span_at(weapon)
        return [] if span is None else [r for c in children_of(span.root) if c.dep_ == "conj" and self.weapon_pair(weapon, c)
                                        for r in [self.ref_at(c)] if r.entity.id != weapon.entity.id][:3]

    def noun_recipients(self, n: Token) -> list[MentionRef]:
        """Who a transfer noun sends to: its "à" phrase, before or after the goods ("la livraison à
        X de chars", "la livraison de chars à X"), or for a delivery noun its "vers" phrase ("les
        livraisons de matériel vers X"), however the parse hangs it."""
        to = self.rules.recipient_prepositions
        if _in(n, self.rules.destination_nouns):
            to = to + self.rules.destination_prepositions
        window = self.right_window(n)
        return self.typed(self.children_with(n, to), ("Actor",)) or \
            self.after_prep(window[:max(10, self.amount_end(window) + 6)], to, ("Actor",))[:1]

    def amount_end(self, window: list[Token]) -> int:
        """Where the amount a transfer noun is worth ends in its first words ("la vente de chars
        d'une valeur de 3 milliards de dollars à X"): its currency word; the recipient is looked
        for past it. -1 when no amount is there."""
        return max((n for n, t in enumerate(window[:24]) if _in(t, self.rules.currency_words)), default=-1)

    def supply_authors(self, n: Token) -> list[MentionRef]:
        """The body a transfer noun names as its author with "de" ("une aide militaire des
        États-Unis"), also on the goods it names, where the parse hangs it ("la livraison d'armes
        de l'Allemagne à X"): the supplier, before whoever announces or presents the transfer (a
        person is no author here)."""
        heads = [n] + [g for g in self.genitives(n) if _in(g, self.rules.military_goods)]
        return self.typed([r for h in heads for c in self.genitives(h)
                           for r in [self.ref_at(c)] if r is not None and r.entity.kind != "Person"], ("Actor",))

    def listed_goods(self, n: Token) -> list[MentionRef]:
        """The goods a transfer noun lists further down its noun phrase ("une aide de X,
        notamment des drones, des blindés et de l'artillerie"): weapons reached from the
        noun through "de" or example ("comme") complements and conjuncts only (not through a
        clause), also nouns the parse reads as modifiers or as conjuncts of the transfer noun."""
        found, frontier = [], [n]
        for _ in range(5):
            frontier = [c for t in frontier for c in children_of(t) if c.pos_ in ("NOUN", "PROPN") and (
                c.dep_ in ("conj", "appos", "amod") or c.dep_ == "nmod" and (
                    self.genitive(c) or _introduced_by(c, self.rules.example_phrases)))]
            found += [r for t in frontier for r in [self.ref_at(t)] if r is not None]
        return [r for r in self.typed(found, ("Weapon",)) if r.entity.kind in ("WeaponClass", "WeaponSystem")]

    def sends_people(self, n: Token) -> bool:
        """A transfer noun whose "de" complement is people sent, troops or a mission ("l'envoi
        d'une mission de soutien à X", "l'envoi de 400 policiers"): a deployment, no supply."""
        return any(_in(c, self.forces) or _in(c, self.rules.mission_nouns)
                   for c in children_of(n) if c.dep_ == "nmod" and _introduced_by(c, self.rules.of_prepositions))

    def authorize_verb(self, v: Token, k: int) -> None:
        if any(c.dep_ == "obj" and _in(c, self.rules.supply_nouns) for c in children_of(v)):
            return  # "approuver la vente de missiles à X": a supply, read by supply_noun
        frame = _Frame(v, k)
        frame.grantors = self.typed(self.subject(v), ("Actor",))
        window = self.right_window(v)
        self.authorized(v, k, frame)
        frame.weapons += self.typed([self.ref_at(t) for t in window], ("Weapon",))
        if not any(_in(c, self.rules.supply_nouns) for c in children_of(v)):  # "autorisé la livraison à X": no target
            frame.regions += self.action_places(v)
            frame.regions += self.after_prep(window, self.rules.target_prepositions, ("Region",))
        frame.grantees = [g for g in frame.grantees if g.entity.id not in {r.entity.id for r in frame.regions}
                          or g.mention.type == "Actor"]
        self.frames.append(frame)

    def action_places(self, v: Token) -> list[MentionRef]:
        """The places the authorised action has as object ("autoriser X à frapper le territoire
        russe"); weapons and their maker are none ("à utiliser des missiles américains")."""
        return self.typed([r for action in children_of(v)
                           if action.dep_ in ("xcomp", "advcl", "acl", "ccomp") and action.pos_ == "VERB"
                           for c in children_of(action) if c.dep_ == "obj" and lower_lemma(c) not in self.rules.weapon_heads
                           for r in self.np(c)], ("Region",))

    def authorized(self, v: Token, k: int, frame: _Frame) -> None:
        """Fill the grantees and weapons of an authorisation verb from its complements
        ("autoriser Kiev à", read by the parser as a name after the verb, too); an authorised
        strike ("autoriser les frappes ukrainiennes en ...") fills the frame through its noun."""
        objs = [c for c in children_of(v) if c.dep_ in ("obj", "iobj", "obl:arg", "obl", "nmod")
                or c.dep_ == "xcomp" and c.pos_ in ("PROPN", "NOUN")]
        for c in objs:
            refs = self.np(c)
            if refs:
                frame.grantees += self.typed(refs, ("Actor",))
                frame.weapons += self.typed(refs, ("Weapon",))
            elif _in(c, self.rules.target_nouns | self.rules.attack_nouns):
                self.strike_noun(c, k, frame)

    def authorize_noun(self, n: Token, k: int, extra: int = 0) -> None:
        frame = _Frame(n, k)
        frame.anaphoric = any(lower_text(c) in self.rules.anaphoric_determiners for c in children_of(n) if c.dep_ in ("det", "amod"))
        for c in children_of(n):
            if c.dep_ in ("nmod", "amod") and c.i > n.i + extra:
                refs = self.np(c)
                preps = {lower_text(g) for g in children_of(c) if g.dep_ == "case"}
                if preps & self.rules.grantee_prepositions:
                    frame.grantees += self.typed(refs, ("Actor",))
                else:
                    frame.grantors += self.typed(refs, ("Actor",))
        head = n.head
        if n.dep_.startswith("nsubj:pass") or n.dep_ == "obj":
            if _in(head, self.rules.authority_verbs):
                frame.grantors += self.typed(self.agent(head) if n.dep_ == "nsubj:pass" else self.subject(head),
                                             ("Actor",))
        window = self.right_window(n)
        frame.weapons += self.typed([self.ref_at(t) for t in window], ("Weapon",))
        frame.regions += self.authorized_places(window)
        self.frames.append(frame)

    def authorized_places(self, window: list[Token]) -> list[MentionRef]:
        """The places an authorised strike aims at; none for an authorised transfer ("le feu vert
        à l'exportation de chars vers l'Ukraine": where the goods go, not a target)."""
        if any(_in(t, self.rules.supply_nouns) or lower_lemma(t) in self.rules.transfer_nouns for t in window[:4]):
            return []
        return self.after_prep(window, self.rules.strike_prepositions, ("Region",))

    def strike_noun(self, n: Token, k: int, frame: _Frame | None = None) -> None:
        """ "les frappes turques en territoire irakien": agent adjective, target place; an attack
        noun read as the facility it also names is none (``facility_sense``)."""
        if self.facility_sense(n):
            return
        agents, owned = self.possessed_strike(n, self.strike_doers(n))
        owned += self.casualty_aims(n)
        regions = self.strike_regions(n, agents, owned)
        if frame is not None:
            frame.grantees += self.typed(agents, ("Actor",))
            frame.weapons += self.typed(agents, ("Weapon",))
            frame.regions += regions
            return
        if self.mutual_accusation(n, k):
            return
        host, host_object = self.strike_host(n)
        agents = self.strike_claimants(n, host, host_object, agents)
        aims = (self.strike_aims(n, host, host_object) or self.aim_after(n)) + owned
        hit = self.struck(aims) or self.possessors_hit(aims, agents)  # "contre son quartier général"
        victims = self.undergoers(host)
        agents = self.undergone_authors(host, agents, victims)
        acting = self.typed(victims, ("Actor",))  # "les FAS ont repoussé une attaque des FSR sur X": hit, X the place
        regions = ([] if acting else self.typed(victims, ("Region",))[:1]) + regions
        hit += acting
        regions = [r for r in regions if r.entity.id not in {h.entity.id for h in hit}] \
            or ([] if hit else self.subject_strike_places(n, agents))
        self.hit_forces_placed(aims + self.undergoer_heads(host) + self.fallen_in(n), regions, n, k, agents)
        self.emit_strike(n, k, agents, self.field_of(n, k, regions, agents, hit), hit)

    def hit_forces_placed(self, aims: list[Token], regions: list[MentionRef], n: Token, k: int,
                          agents: list[MentionRef]) -> None:
        """ "une attaque contre l'armée ivoirienne dans le village de X", "une embuscade contre une
        patrouille de l'armée malienne près de Y": the state whose troops or unit a strike hits
        was where the strike puts them, on its own soil too (never the strike's author); with no
        place of the strike's own, the place phrase on the verb above it (``hit_place_on_verb``)."""
        authors = {r.entity.id for r in agents}
        regions = regions or self.hit_place_on_verb(n)
        owners = [r for a in aims for r in self.unit_owners(a) if r.entity.id not in authors] if regions else []
        self.place_force(owners[:1], regions[:2], n, k, 0.5)

    def fallen_in(self, n: Token) -> list[Token]:
        """The subjects of the verb of dying, or passive verb, a strike noun is a phrase of, past an
        adverb that opens it ("trois gendarmes X sont morts lors d'une embuscade à Y"): troops
        hit, to be placed where the strike was (``unit_owners`` keeps a state's forces only)."""
        verb = n.head
        if verb.pos_ in ("ADV", "ADP", "NOUN") and n.dep_ in ("obl:arg", "nmod", "fixed") \
                and verb.dep_ in ("advmod", *_OBLIQUES):
            verb = verb.head  # "lors d'une attaque", "au cours d'une attaque"
        if verb.pos_ != "VERB" or not self.undergone(verb):
            return []
        return [c for c in children_of(verb) if c.dep_.startswith("nsubj")]

    def hit_place_on_verb(self, n: Token) -> list[MentionRef]:
        """The place phrase the parse hangs on the verb above a strike noun that is its phrase,
        right after the noun's own words ("en riposte à l'attaque contre l'armée X le 23 mars,
        sur l'île de Y": Y is where the attack hit, not a place of the riposte)."""
        if not n.dep_.startswith("obl") or n.head.pos_ != "VERB":
            return []
        return self._place_group(n.head, _OBLIQUES, after=n.right_edge.i)

    def unit_owners(self, a: Token) -> list[MentionRef]:
        """The state whose troops, or unit in the field (a patrol, a convoy, a post), a word
        names: by a demonym, or by the troops of its "de" phrase ("une patrouille de l'armée X")."""
        if not (_in(a, self.forces) or _in(a, self.rules.field_unit_nouns)):
            return []
        heads = [a] + [g for g in children_of(a) if g.dep_ == "nmod" and _in(g, self.rules.troop_nouns)]
        return [r for h in heads for r in self.typed(self.troop_owners([h]), ("Actor",))
                if r.entity.kind in _STATE_KINDS][:1] or self.unowned_unit_state(a)

    def unowned_unit_state(self, a: Token) -> list[MentionRef]:
        """The state a military unit or site no phrase gives an owner belongs to ("un avant-poste
        militaire", "la base militaire de X": a field unit noun with a troop adjective): the
        state the text is about (``dominant_state``)."""
        if not _in(a, self.rules.field_unit_nouns) or not any(
                c.dep_ == "amod" and _in(c, self.rules.troop_nouns) for c in children_of(a)) or any(
                c.dep_ == "nmod" and self.typed(self.np(c), ("Actor",)) for c in children_of(a)):
            return []  # "une base militaire du JNIM": the group's
        return [r for r in self.dominant_state(a.idx) if r.entity.kind in _STATE_KINDS]

    def facility_sense(self, n: Token) -> bool:
        """An attack noun that also names a facility ("siège": a siege, a seat) is that facility
        after a preposition of place or aim ("une frappe sur le siège de X", "devant le siège de
        Y", "au siège de Z") or as the object of a verb of aiming or attacking ("ont visé le siège
        de X"): the body after it attacks nothing ("le siège de Marioupol" stays a siege)."""
        if not _in(n, self.rules.facility_nouns):
            return False
        return _introduced_by(n, self.rules.facility_prepositions) or n.dep_ == "obj" and (
            _in(n.head, self.rules.target_verbs) or _in(n.head, self.rules.attack_verbs))

    def strike_regions(self, n: Token, agents: list[MentionRef], owned: list[Token]) -> list[MentionRef]:
        """The places a strike noun names: those its own phrases or a clause of occurrence on it
        introduce, and the places its possessed or casualty complements name; not its author."""
        regions = self.after_prep(self.own_window(n), self.rules.target_prepositions, ("Region",)) or self.occurrence_places(n)
        return self.typed([r for c in owned for r in self.np(c)], ("Region",)) \
            + [r for r in self.named_past_demonym(regions) if not agents or r.entity.id != agents[0].entity.id]

    def named_past_demonym(self, regions: list[MentionRef]) -> list[MentionRef]:
        """ "contre les villages libanais d'A, B et C": a demonym on a place noun whose "de"
        phrase names the places is only where they lie; the named places are the ones hit."""
        if len(regions) < 2 or not self.adjectival(regions[0]):
            return regions
        noun = self.root_of(regions[0]).head
        named = self.root_of(regions[1])
        if not _in(noun, self.rules.place_heads) or not (named.head.i == noun.i and named.i > noun.i):
            return regions
        return regions[1:]

    def accusation_verb(self, n: Token) -> Token | None:
        """The verb of accusing whose "de" phrase is the strike noun ``n`` ("X a accusé Y de
        frappes", "X et Y s'accusent mutuellement de tirs", the phrase hung on the adverb)."""
        head = n.head
        for _ in range(2):
            if head.pos_ == "VERB" and _in(head, self.rules.accusation_cues):
                return head if _introduced_by(n, self.rules.of_prepositions) else None
            head = head.head
        return None

    def mutual_accusation(self, n: Token, k: int) -> bool:
        """Two sides that accuse each other of strikes ("l'Arménie et l'Azerbaïdjan s'accusent
        mutuellement de tirs"): each attacks the other, as the accusers report; whether read."""
        verb = self.accusation_verb(n)
        if verb is None or not _reflexive(verb) and not any(c.dep_.startswith("expl") for c in children_of(verb)):
            return False
        sides = [r for r in self.distinct(self.typed(self.subject(verb), ("Actor",))) if r.entity.kind != "Person"][:2]
        for a in sides if len(sides) == 2 else ():
            for b in sides:
                self.add(a, "attacks", b, n, k, 0.5, modality="reported")
        return len(sides) == 2

    def accused_authors(self, n: Token) -> list[MentionRef]:
        """Who a verb of accusing charges with a strike ("le Pakistan a accusé l'Iran de frappes
        aériennes"): its object."""
        verb = self.accusation_verb(n)
        return self.typed([r for c in children_of(verb) if c.dep_ == "obj" for r in self.np(c)], ("Actor",)) if verb is not None else []

    def occurrence_places(self, n: Token) -> list[MentionRef]:
        """The place a relative clause of occurrence on a strike noun, or on the noun it is
        coordinated with, names ("les combats et bombardements russes qui faisaient rage à X",
        "des frappes qui ont eu lieu à Y")."""
        holders = [n, *(a for a in children_of(n) if a.dep_ == "amod")] + ([n.head] if n.dep_ == "conj" else [])
        verbs = [c for h in holders for c in children_of(h) if c.dep_ == "acl:relcl" and (
            _in(c, self.rules.occurrence_verbs) or _phrase_length(c, self.rules.occurrence_verbs))]
        end = self.units.bounds(n)[1]  # the words after the phrase, however the parse hangs them
        return [r for v in verbs[:1] for r in self.after_prep(
            self.tokens[v.i + _phrase_length(v, self.rules.occurrence_verbs): min(v.i + 10, end)],
            self.rules.attack_place_prepositions, ("Region",))][:1]

    def possessed_strike(self, n: Token, agents: list[MentionRef]) -> tuple[list[MentionRef], list[Token]]:
        """An attack noun whose possessive names its author ("la Russie ... son agression de
        l'Ukraine", "dans leur assaut sur X, les jihadistes ont ..."): the author, the subject of
        the nearest clause above it, and its "de" phrases, then what it hits; else ``agents``."""
        author = self.possessive_author(n) if _possessive(n) and _in(n, self.rules.attack_nouns) else []
        if not author:
            return agents, []
        owned = [c for c in children_of(n) if c.dep_ == "nmod" and c.i > n.i and _introduced_by(c, self.rules.of_prepositions)]
        return author + [a for a in agents if a.start < n.idx], owned

    def casualty_aims(self, n: Token) -> list[Token]:
        """Those an attack's toll falls among, named by a clause on it or the verb it is the subject
        of ("des attaques ..., qui ont fait cinq morts parmi les gendarmes", "l'embuscade
        a fait dix morts dans les rangs de l'armée"): hit."""
        phrases = [c for v in self.toll_verbs(n) for c in children_of(v) if c.dep_.startswith("obl") or c.dep_ == "obj"]
        return [c for c in phrases if _introduced_by(c, self.rules.casualty_prepositions)] + [
            g for c in phrases if lower_lemma(c) in self.rules.rank_nouns for g in self.genitives(c)]

    def toll_verbs(self, n: Token) -> list[Token]:
        """The verbs that may tell a strike's toll: a relative clause on it or on its quantity
        noun, the verb it is the subject of."""
        holders = {n, self.strike_host(n)[0]}
        return [c for h in holders for c in children_of(h) if c.dep_ == "acl:relcl"] + [
            h.head for h in holders if h.dep_ == "nsubj" and h.head.pos_ == "VERB"]

    def possessive_author(self, n: Token) -> list[MentionRef]:
        """The subject a possessive on ``n`` points to: that of the nearest verb above it with a
        subject, agreeing in number ("leur" a plural one), not a verb of condemning the noun itself
        ("X dénonce son agression": another's); no person."""
        plural = any(lower_text(c) in self.rules.plural_possessives for c in children_of(n) if c.dep_ == "det")
        verb, inner = n.head, n
        for _ in range(5):
            subjects = [c for c in children_of(verb) if c.dep_.startswith("nsubj") and c.i != inner.i]
            if verb.pos_ in ("VERB", "AUX") and subjects:
                if inner.i == n.i and _in(verb, self.rules.oppose_verbs) \
                        or ("Plur" in morph_values(subjects[0], "Number")) != plural:
                    return []
                return [r for r in self.typed(self.np(subjects[0]), ("Actor",)) if r.entity.kind != "Person"][:1]
            if verb.head.i == verb.i:
                break
            inner, verb = verb, verb.head
        return []

    def own_window(self, n: Token) -> list[Token]:
        """The right window of a strike noun or of the verb it is the subject of, up to another
        event noun not coordinated with it ("Les attaques des Houthis ont perturbé le trafic, au milieu de la guerre entre X et Y
        dans la bande de Gaza": the strip is the war's place)."""
        events = self.rules.war_nouns | self.rules.clash_nouns | self.rules.attack_nouns | self.rules.target_nouns
        window = self.right_window(n)
        cut = next((w for w, t in enumerate(window) if _in(t, events) and t.dep_ != "conj" and not self.aimed_facility(t)
                    or self.other_deed(t) and t.i != n.head.i), len(window))  # not the strike's own verb
        return window[:cut]

    def aimed_facility(self, t: Token) -> bool:
        """An event noun that is also a facility, right after a hostile preposition and its
        determiner: the building aimed at ("une attaque contre le siège du gouverneur de X"), no
        event of its own."""
        k = t.i - 1
        while k >= 0 and self.tokens[k].pos_ == "DET":
            k -= 1
        return _in(t, self.rules.facility_nouns) and k < t.i - 1 and lower_text(self.tokens[k]) in self.rules.hostile_prepositions

    def other_deed(self, t: Token) -> bool:
        """A verb with an object of its own that neither strikes nor aims ("L'attaque contre le
        navire X, revendiquée par Y, exacerbe les tensions en mer Rouge", the verb read as a
        participle): the places after it are its own.  A day the parse read as the object is none
        ("des attaques perpétrées mardi par X dans la région de Y")."""
        return t.pos_ == "VERB" and any(c.dep_ == "obj" and not self.time_phrase(c) for c in children_of(t)) and not any(
            _in(t, words) for words in (self.rules.attack_verbs, self.rules.target_verbs, self.rules.aim_verbs)) \
            and not _phrase_length(t, self.rules.occurrence_verbs)  # "les raids qui faisaient rage à X"

    def subject_strike_places(self, n: Token, agents: list[MentionRef]) -> list[MentionRef]:
        """The places of the clause a strike noun with its own author is the subject of, or is
        said of within the subject ("des frappes russes ont fait deux morts près de Kharkiv",
        "Dans la région de X, des explosions liées à une attaque russe ont été entendues"); not
        the author's own soil."""
        actors = [a for a in self.typed(agents, ("Actor",)) if "Weapon" not in a.entity.types]
        subject = n
        for _ in range(4):
            if subject.dep_ not in ("nmod", "acl", *_OBLIQUES) or subject.head.i == subject.i:
                break
            subject = subject.head
        if not actors or not subject.dep_.startswith("nsubj") or subject.head.pos_ != "VERB":
            return []
        where = self.after_prep(self.own_window(subject.head), self.rules.deploy_prepositions, ("Region",))[:1] \
            or self._place_group(subject.head, _OBLIQUES)  # the nearest after the verb, else one fronted
        return [r for r in where if not any(self.on_own_soil(r, a) for a in actors)]

    def field_of(self, n: Token, k: int, regions: list[MentionRef], agents: list[MentionRef],
                 hit: list[MentionRef]) -> list[MentionRef]:
        """The places of a strike that are targets: not those where a state fights on its own soil
        ("l'armée congolaise mène des opérations contre les ADF dans le Nord-Kivu", "l'armée a
        lancé une offensive à X"), where it is (``fought_at_home``); a strike from afar with no
        actor hit keeps its place (aimed at).  A ground offensive also puts its state at the
        places left (``ground_offensive``)."""
        actors = self.hitters(agents)  # "avec l'armée congolaise contre les ADF en RDC": a partner's soil too
        if not actors or not hit and _in(n, self.rules.remote_attack_words):
            return regions  # "l'armée a lancé une offensive à X", X its own: there; "des frappes": aimed
        for a in actors[:2]:
            home = self.home_places(regions, a)
            self.fought_at_home(a, home[:1], n, k, self.noun_modality(n))
            regions = [r for r in regions if r.entity.id not in {h.entity.id for h in home}]
        self.ground_offensive(n, k, actors, regions)
        return regions

    def ground_offensive(self, n: Token, k: int, actors: list[MentionRef], regions: list[MentionRef]) -> None:
        """A state that launches an offensive or an operation on the ground at a place is there
        too, whoever's soil it is ("l'armée a lancé une offensive terrestre à X"; not "une
        offensive aérienne")."""
        if not _in(n, self.rules.ground_offensive_nouns) or any(
                c.dep_ == "amod" and _in(c, self.rules.remote_attack_words) for c in children_of(n)):
            return
        for a in [a for a in actors if a.entity.kind in _STATE_KINDS][:2]:
            self.fought_at_home(a, regions[:1], n, k, self.noun_modality(n))

    def home_places(self, regions: list[MentionRef], a: MentionRef) -> list[MentionRef]:
        """The places of ``regions`` on ``a``'s own soil, by the knowledge base or because the
        text locates them in such a place ("dans le territoire de X, dans la province de Y", Y the
        state's): the place so located first (where it is), then its container."""
        home = [r for r in regions if self.on_own_soil(r, a)]
        return [p for h in home for p in self.place_before_part(h)] + home

    def suffering_verb(self, host: Token) -> Token | None:
        """The verb whose subject undergoes the strike ``host`` heads: a verb of suffering it is
        the object of, or a passive verb of being hit it is the agent of; None if there is none."""
        verb = host.head
        if host.dep_ == "nmod" and lower_lemma(verb) in self.rules.time_words:
            verb = verb.head  # "a essuyé dimanche des tirs": the phrase hung on the day
        if verb.i > host.i or not (self.suffers(verb) or self.struck_by(host)):
            return None
        return verb

    def undergoers(self, host: Token) -> list[MentionRef]:
        """Who undergoes a strike named as the object of a verb of suffering ("le Haut-Karabagh
        a essuyé des pilonnages menés par X"): its subject."""
        verb = self.suffering_verb(host)
        if verb is None:
            return []  # a place suffers a strike, only an actor repels one
        subject = self.subject(verb) or (self.subject(verb.head) if self.infinitive_clause(verb) else [])
        return self.typed(subject, ("Actor",) if _in(verb, self.rules.repel_verbs) else ("Actor", "Region"))

    def undergoer_heads(self, host: Token) -> list[Token]:
        """The subject words of the verb whose subject undergoes the strike ``host`` heads ("des
        soldats kényans ont subi une attaque de X à Y"): troops hit, to be placed where it was."""
        verb = self.suffering_verb(host)
        return [] if verb is None or _in(verb, self.rules.repel_verbs) else subjects_of(verb, self.rules)

    @staticmethod
    def infinitive_clause(verb: Token) -> bool:
        """An infinitive clause set on a verb, whose subject is that verb's ("des soldats sont
        portés disparus après être tombés dans une embuscade de X")."""
        return verb.dep_ == "advcl" and verb.head.i != verb.i and any(
            "Inf" in morph_values(t, "VerbForm") for t in (verb, *(c for c in children_of(verb) if c.dep_.startswith("aux"))))

    def undergone_authors(self, host: Token, agents: list[MentionRef], victims: list[MentionRef]) -> list[MentionRef]:
        """``agents``, with the author of a strike its victims fall into when none is an actor:
        the agent the parse hangs on the verb of suffering ("une patrouille est tombée dans une
        embuscade tendue par X": "par X" on "tombée")."""
        if self.typed(agents, ("Actor",)) or not victims:
            return agents
        return agents + self.typed(self.agent(host.head), ("Actor",))

    def suffers(self, verb: Token) -> bool:
        """A verb of suffering ("essuyer") or of repelling ("repousser une offensive de X"), a verb
        with the noun that makes it one ("faire face à une offensive de X"), or a noun of it after
        a copula ("ont été la cible d'une attaque")."""
        if verb.pos_ == "NOUN":
            return _in(verb, self.rules.undergo_verbs) and any(c.dep_ == "cop" for c in children_of(verb))
        if _in(verb, self.rules.repel_verbs):  # "le GNA a repoussé une offensive des forces de X": X attacks it
            return True
        return _in(verb, self.rules.undergo_verbs) or any(  # the noun, object or bare oblique
            c.i > verb.i and f"{lower_lemma(verb)} {lower_lemma(c)}" in self.rules.undergo_verbs
            and all(t.pos_ == "DET" for t in verb.doc[verb.i + 1:c.i])  # "a fait l'objet d'une attaque"
            and not any(g.dep_ == "case" for g in children_of(c)) for c in children_of(verb))

    def struck_by(self, host: Token) -> bool:
        """A strike noun the agent of a passive verb of being hit ("le convoi a été visé par une
        attaque de X", "la ville a été frappée par des tirs de Y"): its subject undergoes it. A
        "par" phrase the parse read as a mere oblique counts ("a été visée jeudi par un assaut")."""
        return (host.dep_ == "obl:agent" or host.dep_.startswith("obl")
                and _introduced_by(host, self.rules.agent_prepositions)) \
            and _in(host.head, self.rules.struck_verbs) and self.passive(host.head)

    def operation_noun(self, n: Token, k: int) -> None:
        """ "des opérations au sol contre des cibles du Hezbollah": an operation aimed against
        someone is a strike on them; any other ("une opération de l'armée X dans l'Etat de Y") puts
        whose it is in the place it names, as a deployment noun does; the aim may hang on the
        quantity noun it counts ("une série d'opérations contre X")."""
        counted = [n.head] if n.dep_ == "nmod" and _in(n.head, self.rules.quantity_nouns) else []
        if any(c.dep_ in ("nmod", *_OBLIQUES) and _introduced_by(c, self.rules.operation_prepositions)
               for h in (n, *self.strike_holders(n), *counted) for c in children_of(h) if c.i > n.i):
            self.strike_noun(n, k)
        elif not any(_in(t, self.rules.operation_prepositions) for t in self.right_window(n)):
            self.deploy_noun(n, k)  # "deux opérations, l'une contre un navire dans X": aimed all the same

    def strike_claimants(self, n: Token, host: Token, host_object: bool, agents) -> list[MentionRef]:
        """The agents of a strike noun with those who claim or carry it out: the agent of a
        claim participle ("une attaque revendiquée par X"), and, with no actor yet, the subject
        of the verb it is the object of ("l'armée ukrainienne a revendiqué une frappe de
        drones", "a mené ses frappes")."""
        agents = agents + self.authors(n)
        if not self.typed(agents, ("Actor",)) and host_object:
            if _possessive(host) or _in(host.head, self.rules.agentive_verbs):  # "a déclaré avoir lancé une attaque"
                agents = (self.hitters(self.doer(host.head)) or self.weapon_owners(host.head)[:1]) + agents
            else:
                agents = self.announcers(n, host) + agents
        elif not self.typed(agents, ("Actor",)) and self.means_of(host):
            agents = self.typed(self.subject(host.head), ("Actor",)) + agents  # "a riposté par des frappes"
        return agents + self.partners(host) if host_object else agents

    def announcers(self, n: Token, host: Token) -> list[MentionRef]:
        """The state or armed group that announces, as the verb's subject, strikes or operations
        its object names with no author and aims at an actor ("l'armée américaine a annoncé une
        série d'opérations contre les Houthis", "X a annoncé samedi des frappes contre Y":
        ``announce_verbs``, ``announced_strike_nouns``): their author; not strikes told only by
        their place, which an army also announces when it suffers them ("l'armée annonce des
        frappes dans l'État de Z"), an attack one may suffer ("a annoncé une attaque contre ses
        soldats"), nor a body, a medium or a person that reports strikes."""
        verb = host.head
        if not _in(verb, self.rules.announce_verbs) or not _in(n, self.rules.announced_strike_nouns) \
                or not self.struck(self.strike_aims(n, host, True)):
            return []
        return [r for r in self.hitters(self.doer(verb)) if r.entity.kind in (*_STATE_KINDS, "Group")]

    def partners(self, host: Token) -> list[MentionRef]:
        """The state whose troops carry out a strike together with the verb's subject ("a lancé
        des frappes avec l'armée congolaise contre X": both strike)."""
        phrases = [c for h in (host, host.head) for c in children_of(h) if c.dep_ in ("nmod", *_OBLIQUES)
                   and _introduced_by(c, self.rules.partner_prepositions) and _in(c, self.forces)]
        return [r for c in phrases[:1] for r in self.typed(self.np(c), ("Actor",))
                if r.entity.kind in _STATE_KINDS][:1]

    def authors(self, n: Token) -> list[MentionRef]:
        """Who a strike noun's participles name as its author: the claimant ("une attaque
        revendiquée par X"), the one it is ascribed to, the agent of any passive participle on
        it ("les frappes menées par les Etats-Unis")."""
        claimed = self.claimants(n)
        # "des pilonnages aériens et de missiles menés par X": the participle after a coordination too
        # and on a bare qualifier ("une attaque de grande envergure lancée par X")
        done = [r for h in (n, *(c for c in children_of(n) if c.dep_ == "conj"), *self.bare_qualifiers(n))
                for a in children_of(h) if a.dep_ == "acl" and self.passive(a) for r in self.strike_agent(a)]
        # "l'attaque de X a été menée par Y": the subject of a passive verb of carrying out
        if n.dep_ == "nsubj:pass" and _in(n.head, self.rules.agentive_verbs) and self.passive(n.head):
            done += self.agent(n.head)
        return claimed + self.ascribed(n) + self.typed(done, ("Actor",)) + self.copula_authors(n) + self.accused_authors(n)

    def copula_authors(self, n: Token) -> list[MentionRef]:
        """The author a copula names for an attack noun subject, alone or coordinated ("l'attentat
        de X est l'œuvre des rebelles du M23", "l'explosion ... et l'attentat ... seraient le fait
        du JNIM"): the genitive of the authorship noun."""
        subject = n
        for _ in range(3):  # "l'explosion à X et l'attentat ...": coordinated within the subject
            if subject.dep_.startswith("nsubj") or subject.dep_ not in ("conj", "nmod"):
                break
            subject = subject.head
        pred = subject.head if subject.dep_.startswith("nsubj") else None
        if pred is None or pred.pos_ != "NOUN" or not _in(pred, self.rules.authorship_nouns) \
                or not any(c.dep_ == "cop" for c in children_of(pred)):
            return []
        return [r for g in self.genitives(pred) for r in self.typed(self.np(g), ("Actor",))][:1]

    def strike_agent(self, participle: Token) -> list[MentionRef]:
        """The agent of a participle on a strike noun, a bare group noun naming the one armed group
        the text named ("une embuscade tendue par la guérilla", "revendiquée par le groupe")."""
        phrase = agent_phrase(participle, self.rules)
        return self.np(phrase) or self.group_anaphor(phrase) if phrase is not None else self.agent_past_day(participle)

    def agent_past_day(self, participle: Token) -> list[MentionRef]:
        """The "par" phrase right after a participle and the day or adverb between them, which the
        parse hung elsewhere ("des attaques perpétrées vendredi par X": on the day, or on the
        quantity noun of "une série d'attaques"): the actor it names."""
        for t in self.tokens[participle.i + 1: participle.i + 4]:
            if lower_lemma(t) in self.rules.time_words or t.pos_ == "ADV":
                continue
            if lower_text(t) not in self.rules.agent_prepositions:
                return []
            return self.actor_after_agent_word(t)
        return []

    def actor_after_agent_word(self, by: Token) -> list[MentionRef]:
        """The actor a "par" phrase names, read by position: the noun phrase of the first noun or
        proper noun within three words after ``by`` (none if it names no actor)."""
        named = next((w for w in self.tokens[by.i + 1: by.i + 4] if w.pos_ in ("NOUN", "PROPN")), None)
        return self.typed(self.np(named) if named is not None else [], ("Actor",))[:1]

    def claimants(self, n: Token) -> list[MentionRef]:
        """The agents of a claim participle on an attack noun ("une attaque revendiquée par X"),
        on its complement, or after it (``claimed_after``)."""
        claimed = [r for a in (*children_of(n), n.head, *self.complement_participles(n))
                   if _in(a, self.rules.claim_verbs) and self.passive(a) for r in self.strike_agent(a)]
        return self.typed(claimed, ("Actor",)) or self.claimed_after(n)

    def claimed_after(self, n: Token) -> list[MentionRef]:
        """The claimant of an attack noun named by a passive claim participle after it that
        agrees with it, however the parse hangs it ("l'attentat en date revendiqué par X", "les
        attentats perpétrés ... à Téhéran, qui ont fait dix-sept morts et ont été revendiqués
        par X"); none past another attack noun."""
        for t in self.tokens[n.i + 1: self.units.bounds(n)[1]]:
            if t.text == ";" or (t.pos_ == "NOUN" and _in(t, self.rules.attack_nouns)):
                return []
            if _in(t, self.rules.claim_verbs) and self.passive(t) and all(
                    morph_values(t, f) == morph_values(n, f) for f in ("Number", "Gender")):
                window = self.tokens[t.i + 1: min(t.i + 6, len(self.tokens))]
                return self.typed(self.agent(t), ("Actor",)) or self.after_prep(
                    window, self.rules.agent_prepositions, ("Actor",))[:1]
        return []

    def complement_participles(self, n: Token) -> list[Token]:
        """The participles the parse hangs on a noun's complement that names no one ("la
        première attaque à Kaboul d'une telle ampleur revendiquée par X": on "ampleur")."""
        return [a for c in children_of(n) if c.dep_ == "nmod" and c.i > n.i and self.ref_at(c) is None
                for a in children_of(c) if a.dep_ == "acl"]

    def ascribed(self, n: Token) -> list[MentionRef]:
        """The author an attack or strike noun is ascribed to by a participle on it ("une frappe
        attribuée à la junte", "une attaque imputée aux shebab")."""
        # the participle may hang on the strike's complement ("une attaque à la voiture piégée attribuée aux shebab")
        holders = [n, *(c for c in children_of(n) if c.dep_ == "nmod" and c.i > n.i and not self.named_actor(c))]
        phrases = [c for h in holders for a in children_of(h) if a.dep_ == "acl" and _in(a, self.rules.attribution_verbs)
                   for c in self.attributed_to(a)]
        found = self.typed([r for c in phrases for r in self.ascribed_to(c)], ("Actor",))
        return found or self.ascribed_further(n)

    def ascribed_to(self, c: Token) -> list[MentionRef]:
        """Who the phrase an attack is ascribed to names: its entities, the group a description
        names again, the owner of presumed members, the one group fighters described by a word of
        the text stand for ("attribuée aux forces séparatistes")."""
        return self.np(c) or self.group_anaphor(c) or self.presumed_owner(c, 1) or self.described_group(c)

    def ascribed_further(self, n: Token) -> list[MentionRef]:
        """The author a participle of ascription the parse hangs away from the attack noun names
        (``ascribed_after``, ``ascribed_in_phrase``)."""
        return self.ascribed_after(n) or self.ascribed_in_phrase(n)

    def ascribed_in_phrase(self, n: Token) -> list[MentionRef]:
        """The author a participle of ascription deeper in an attack noun's phrase names, the parse
        hanging it on a place of the aim ("une attaque visant un poste dans le nord du pays, attribuée
        au groupe X"): the participle agrees with the attack noun in gender and number, and no other
        attack noun comes between."""
        agree = [morph_values(n, f) for f in ("Gender", "Number")]
        for a in n.subtree:
            if a.i > n.i and a.dep_ == "acl" and a.head.i != n.i and _in(a, self.rules.attribution_verbs) \
                    and all(set(v) & set(morph_values(a, f)) for v, f in zip(agree, ("Gender", "Number")) if v) \
                    and not any(_in(t, self.rules.attack_nouns) for t in self.tokens[n.i + 1:a.i]):
                return self.typed([r for c in self.attributed_to(a) for r in self.np(c)], ("Actor",))
        return []

    def attributed_to(self, participle: Token) -> list[Token]:
        """The phrases of a participle of ascription that name who it is ascribed to ("à X")."""
        return [c for c in children_of(participle) if c.dep_ in ("obl", "obl:arg", "obl:mod", "nmod", "iobj")
                and _introduced_by(c, self.rules.attribution_prepositions)]

    def group_anaphor(self, token: Token) -> list[MentionRef]:
        """The armed group a bare definite group noun names again ("une attaque attribuée à la
        guérilla", "tendue par le groupe"): the one group the text named before it, or the one
        organisation it called by a fighter description ("les guérilleros de l'ELN")."""
        if not _in(token, self.rules.group_anaphors) or "Plur" in morph_values(token, "Number") or self.ref_at(token) \
                or not any(lower_text(c) in self.rules.articles for c in children_of(token) if c.dep_ == "det") \
                or any(c.dep_ in ("nmod", "amod", "appos") for c in children_of(token)):
            return []
        before = {r.entity.id: r for r in self.index.before(token.idx) if "Actor" in r.entity.types and (
            r.entity.kind in _GROUP_KINDS or r.entity.kind in _ORGANISATION_KINDS and self.fighters_of(r))}
        return list(before.values())[:1] if len(before) == 1 else []

    def fighters_of(self, ref: MentionRef) -> bool:
        """Whether ``ref`` is the genitive of a fighter description ("les guérilleros de X")."""
        span = self.span_at(ref)
        return span is not None and _in(span.root.head, self.rules.fighter_descriptions) and span.root.head.i < span.root.i

    def ascribed_after(self, n: Token) -> list[MentionRef]:
        """The author an attack noun is ascribed to by a participle the parse hangs on a place
        or date after it ("un attentat à Ankara le 1er octobre attribué au PKK"): only past
        words of place and time, no verb, comma or other attack between them."""
        hi = min(self.units.bounds(n)[1], n.i + 9)
        for t in self.tokens[n.i + 1: hi]:
            if t.pos_ == "VERB" and t.dep_ == "acl" and _in(t, self.rules.attribution_verbs):
                return self.after_prep(self.tokens[t.i + 1: t.i + 5], self.rules.attribution_prepositions, ("Actor",))[:1]
            if t.pos_ in ("VERB", "AUX", "PUNCT", "CCONJ", "SCONJ", "PRON") or _in(t, self.rules.attack_nouns):
                return []
        return []

    def means_of(self, host: Token) -> bool:
        """A strike named as the means of an active verb ("l'armée a riposté par des frappes")."""
        return host.dep_.startswith("obl") and host.head.pos_ == "VERB" and not self.passive(host.head) \
            and _introduced_by(host, self.rules.agent_prepositions)

    def strike_doers(self, n: Token) -> list[MentionRef]:
        """The actors or weapons a strike noun names as its own: the adjective right after it
        ("les frappes ukrainiennes"), its "de"/"par" phrase ("les tirs de missiles"); an author
        named by "par" past what the noun hits (``agent_past_genitive``: "l'invasion de X par Y")
        comes first, and what the noun hits is then no author of it."""
        agents = self.demonym_after(n, ("Actor", "Weapon"))
        # "une attaque contre Banki par des terroristes de X": the agent the parse hangs on the aim
        by_aim = [r for c in children_of(n) if c.dep_ == "nmod" and c.i > n.i and self.hostile(c)
                  for r in self.children_with(c, self.rules.agent_prepositions, ("obl:agent", "nmod"))]
        found = agents + self.typed(self.noun_agent_phrases(n), ("Actor", "Weapon")) + self.past_qualifier(n) \
            + self.typed(by_aim, ("Actor",)) + self.weapon_demonym(n)
        by_agent = self.agent_past_genitive(n)
        if not by_agent:
            return found
        attacked = {r.entity.id for g in self.aimed_phrases(n) for r in self.np(g)}
        return by_agent + [r for r in found if r.entity.id not in attacked]

    def aimed_phrases(self, n: Token) -> list[Token]:
        """A strike noun's phrases that name what it hits: "contre"/"sur" ("des frappes sur X"),
        and an attack noun's "de" ("l'invasion de X")."""
        attack = _in(n, self.rules.attack_nouns)
        return [g for g in children_of(n) if g.dep_ == "nmod" and g.i > n.i
                and (self.hostile(g) or attack and self.genitive(g))]

    def agent_past_genitive(self, n: Token) -> list[MentionRef]:
        """The "par" phrase after the phrase that names what a strike noun hits ("l'invasion de
        l'Ukraine par la Russie", "l'attaque de leur base par X", "des frappes sur le territoire
        afghan par l'armée X"), read by position past the noun and its adjectives: the author,
        however the parse hangs the phrases; none past a verb or a comma."""
        opening = next((t for t in self.tokens[n.i + 1: n.i + 4] if t.pos_ != "ADJ"), None)
        if opening is None or not (lower_text(opening) in self.rules.hostile_prepositions or _in(
                n, self.rules.attack_nouns) and lower_text(opening) in self.rules.of_prepositions):
            return []
        for t in self.tokens[opening.i + 2: opening.i + 9]:
            if t.pos_ in ("VERB", "AUX", "PUNCT", "CCONJ", "SCONJ", "PRON") and self.ref_at(t) is None:
                return []  # a name the tagger read as a verb ("de Rubaya") goes on
            if lower_text(t) in self.rules.agent_prepositions:
                return self.actor_after_agent_word(t)
        return []

    def weapon_demonym(self, n: Token) -> list[MentionRef]:
        """The state a demonym on a strike noun's weapon complement names ("une frappe de drone
        turque", "des tirs de roquettes israéliens"): the author."""
        return self.typed([self.ref_at(a) for g in children_of(n) if g.dep_ == "nmod" and g.i > n.i
                           and lower_lemma(g) in self.rules.weapon_heads for a in children_of(g)
                           if a.dep_ == "amod" and a.pos_ == "ADJ"], ("Actor",))

    def demonym_after(self, n: Token, types) -> list[MentionRef]:
        """The entity of an adjective right after a strike noun ("les frappes (aériennes)
        israéliennes"), also set off by commas with an adverb ("des raids, probablement russes,")."""
        after = self.tokens[n.i + 1: n.i + 5]
        if after and after[0].text == ",":
            after = [t for t in after[1:] if t.pos_ != "ADV"]
        for nxt in after[:2]:
            if nxt.pos_ != "ADJ":
                break
            found = self.typed([self.ref_at(nxt)], types)
            if found:
                return found
        return []

    def past_qualifier(self, n: Token) -> list[MentionRef]:
        """The actor a genitive names past a bare noun that qualifies a strike noun ("cette
        attaque d'envergure du groupe X", "une offensive de grande ampleur de X"): no article on
        the qualifier, so it is no owner ("l'attaque de la base de l'armée": the base's)."""
        return [r for c in self.bare_qualifiers(n) for g in self.genitives(c) for r in self.typed(self.np(g), ("Actor",))
                if "Weapon" not in r.entity.types][:1]

    def bare_qualifiers(self, n: Token) -> list[Token]:
        """The first noun complement without an article that names no one ("d'envergure",
        "de grande ampleur"): what the parse hangs on it is said of ``n``."""
        return [c for c in children_of(n) if c.dep_ == "nmod" and c.i > n.i and c.pos_ == "NOUN" and self.genitive(c)
                and self.ref_at(c) is None and not any(g.dep_ == "det" for g in children_of(c))][:1]

    def strike_host(self, n: Token) -> tuple[Token, bool]:
        """The phrase a strike noun heads for its verb ("a mené une série de frappes": the
        quantity noun), and whether it is the verb's object ("a mené jeudi une offensive": an
        object the parse read as a time phrase counts)."""
        host = n.head if n.dep_ == "nmod" and (_in(n.head, self.rules.quantity_nouns)  # "la responsabilité de l'attentat"
                                               or _in(n.head, self.rules.claim_nouns)) else n
        if host.dep_ != "obj" and host.dep_.startswith("obl") \
                and self.strike_telling(host.head) \
                and all(lower_text(c) in self.rules.agentive_oblique_verbs.get(lower_lemma(host.head), ())
                        or lower_text(c) in self.rules.partitive_articles  # "ont lancé samedi des attaques"
                        for c in children_of(host) if c.dep_ == "case"):  # "a procédé à des frappes"
            return host, True
        if self.day_partitive(host):  # "a mené mardi des frappes contre X": the day stands in its place
            return host.head, True
        return host, host.dep_ == "obj"

    def day_partitive(self, phrase: Token) -> bool:
        """Whether a partitive phrase hangs on a day the parse made an agentive verb's object or
        complement ("a mené mardi des frappes": "des frappes" on "mardi")."""
        day = phrase.head
        return phrase.dep_ == "nmod" and lower_lemma(day) in self.rules.time_words \
            and (day.dep_ == "obj" or day.dep_.startswith("obl")) \
            and self.strike_telling(day.head) and _introduced_by(phrase, self.rules.partitive_articles)

    def strike_telling(self, v: Token) -> bool:
        """A verb whose object or complement is a strike its subject carries out or announces
        (``agentive_verbs``, ``announce_verbs``: "a mené des frappes", "a annoncé des frappes")."""
        return _in(v, self.rules.agentive_verbs) or _in(v, self.rules.announce_verbs)

    def strike_aims(self, n: Token, host: Token, host_object: bool) -> list[Token]:
        """The phrases a strike is aimed at ("l'attaque des Houthis contre un navire
        britannique", "a mené une offensive contre le M23")."""
        aimed = [c for h in {n, host, *self.nmod_chain(n)} for c in children_of(h)
                 if c.dep_ == "nmod" and c.i > n.i and self.hostile(c)]
        holders = self.strike_holders(n) + ([host.head] if host_object else [])
        return aimed + self.aimed_objects(holders) + [c for h in holders for c in children_of(h)
                                                      if c.dep_.startswith("obl") and c.i > n.i and self.hostile(c)] \
            + self.aims_on_time(n, holders) + (self.dative_aims(host.head, n) if host_object else [])

    def strike_holders(self, n: Token) -> list[Token]:
        """The words after a strike noun its aim may hang on: an adjective or a participle of
        it ("une attaque meurtrière contre la police", "les frappes menées par X contre les
        rebelles"), or of its bare qualifier ("l'opération de représailles menée par X contre Y")."""
        return [a for h in (n, *self.bare_qualifiers(n)) for a in children_of(h)
                if (a.dep_ == "acl" or a.dep_ == "amod" and h.i == n.i) and a.i > n.i]

    def dative_aims(self, verb: Token, n: Token) -> list[Token]:
        """The dative of a light verb whose object is the strike ``n`` ("ont tendu une embuscade
        aux soldats": the soldiers, hung on the verb or on the noun), by the prepositions
        ``dative_aim_verbs`` gives the verb."""
        preps = self.rules.dative_aim_verbs.get(lower_lemma(verb), ())
        return [c for h in (verb, n) for c in children_of(h) if c.i > n.i
                and c.dep_ in ("iobj", "nmod", *_OBLIQUES) and _introduced_by(c, preps)]

    def aim_after(self, n: Token) -> list[Token]:
        """The phrase a strike noun is aimed at that a broken parse hangs elsewhere, read off the
        words: "contre"/"sur" past a participle and a date ("les attentats perpétrés le 7 juin
        contre le Parlement"); none past a finite verb, a comma or another attack."""
        for t in self.tokens[n.i + 1: min(n.i + 11, self.units.bounds(n)[1])]:
            if t.text in (",", ";") or (t.pos_ in ("VERB", "AUX") and "Part" not in morph_values(t, "VerbForm")
                                        and not self.existential(t)) or _in(t, self.rules.attack_nouns):
                return []
            if lower_text(t) in self.rules.hostile_prepositions and t.head.i > t.i:
                return [t.head]
        return []

    @staticmethod
    def existential(verb: Token) -> bool:
        """A verb with two expletives, the existential of a time phrase ("menés il y a une semaine
        contre X"), read as a verb by the parse: no clause of its own."""
        return {"expl:subj", "expl:comp"} <= {c.dep_ for c in children_of(verb)}

    def aims_on_time(self, n: Token, holders: list[Token]) -> list[Token]:
        """The phrase a strike is aimed at that the parse hung on a time phrase or a partner's
        troops after it ("une embuscade meurtrière ce vendredi contre l'armée malienne": "contre"
        on "vendredi"; "des frappes avec l'armée somalienne contre X": on "armée")."""
        days = [c for h in (n, *holders) for c in children_of(h)
                if c.i > n.i and c.dep_ in ("nmod", *_OBLIQUES) and (lower_lemma(c) in self.rules.time_words or (
                    _introduced_by(c, self.rules.partner_prepositions) and _in(c, self.forces)))]
        return [g for d in days for g in children_of(d) if g.dep_ == "nmod" and g.i > d.i and self.hostile(g)]

    def aimed_objects(self, holders: list[Token]) -> list[Token]:
        """The objects of an aiming participle on a strike noun ("une frappe visant un site de X")."""
        return [c for a in holders if a.dep_ == "acl" and _in(a, self.rules.aim_verbs) for c in children_of(a)
                if c.dep_ == "obj" or c.dep_ == "obl:arg" and all(  # "visant des combattants": a transitive verb's article
                    lower_text(g) in self.rules.partitive_articles for g in children_of(c) if g.dep_ == "case")]

    def emit_strike(self, n: Token, k: int, agents, regions, hit) -> None:
        """A strike noun's relations: the actors hit are attacked; the place is attacked (an
        attack noun) or targeted (a strike noun, then attacked when the strike happened)."""
        modality = self.noun_modality(n)
        for a in self.hitters(agents):  # "les armées congolaise et ougandaise mènent des opérations contre X"
            for h in hit[:2]:
                if h.entity.id != a.entity.id:
                    self.add(a, "attacks", h, n, k, 0.6, modality=modality)
        attack = _in(n, self.rules.attack_nouns)
        if attack:  # "l'attentat de Kaboul": the attack's own place phrase too
            regions = regions or self.field_of(n, k, self.attack_places(n), agents, hit)
            self.note_unclaimed(n, k, agents, regions, hit, modality)
        else:
            self.note_pointed_strike(n, k, agents, regions, hit, modality)
        for a in _first_of_each_type(agents, 2):
            for r in regions[:1]:
                self.add(a, "attacks" if attack else "targets", r, n, k, 0.6, modality=modality, sea=not hit)
                if not attack:
                    self.struck_place(a, r, n, k, modality)
            for r in self.places_listed(regions[:1])[1:]:  # "des frappes sur X et Y": Y is hit too
                if attack or not self.struck_place(a, r, n, k, modality):
                    self.add(a, "attacks" if attack else "targets", r, n, k, 0.6, modality=modality, sea=not hit)

    def note_pointed_strike(self, n: Token, k: int, agents, regions, hit, modality: str) -> None:
        """Keep a strike noun with no author that a determiner points back at ("Les raids se sont
        concentrés sur la province de X"), for the author of the attacks just before (``earlier_author``)."""
        if not self.hitters(agents) and modality != "negated" and self.event_pointed_back(n):
            self.pointed_strikes.append((n, k, regions or self.attack_places(n), hit))

    def note_unclaimed(self, n: Token, k: int, agents, regions, hit, modality: str) -> None:
        """Keep an attack named with no author, for a claim elsewhere in the text."""
        if not self.hitters(agents) and modality != "negated" and not self.described_author(n):
            self.unclaimed.append((n, k, regions, hit))

    def described_author(self, n: Token) -> bool:
        """An attack noun whose author is told though not named ("des attaques de groupes armés"),
        or a plural one no determiner points at ("mener des attaques dans les villes"; not one whose
        toll is told: "Des attaques ont fait sept morts à X"): no claim elsewhere in the text is
        about it; a day complement tells no author ("l'attaque de lundi")."""
        generic = "Plur" in morph_values(n, "Number") and not any(
            c.dep_ == "det" and "Def" in morph_values(c, "Definite") or "Dem" in morph_values(c, "PronType")
            or c.dep_ == "nummod" for c in children_of(n)) and not (n.dep_ == "nsubj" and self.toll_clause(n.head))
        return generic or any(c.dep_ == "nmod" and c.i > n.i and _introduced_by(c, self.rules.of_prepositions)
                              and not self.typed(self.np(c), ("Region",)) for c in children_of(n)) and not self.dated(n)

    def note_claims(self, t: Token, k: int, lemma: str, low: str) -> None:
        """Keep, while the text is read, (run, claimant) for an attack noun the word lets someone
        claim or ascribes (``claims_at``), and an attack noun with no author that the verb it is
        the subject of hits (``event_subject``).  ``lemma``, ``low``: the word's, lower-cased."""
        self.event_subject(t, k)
        words = _claim_words(self.rules)
        if lemma not in words and low not in words:
            return  # a word of none of the lists ``claims_at`` reads (most words): it claims nothing
        found = [(k, a) for a in self.claims_at(t) if a.entity.kind != "Person"]
        self.claims += found
        if found and self.claim_points_back(t):
            self.claims_pointing_back.add(k)
        if found and self.claim_points_back(t, demonstrative=True):
            self.claims_of_this.add(k)

    def claim_points_back(self, t: Token, demonstrative: bool = False) -> bool:
        """Whether a claim verb's attack noun points back ("a revendiqué l'attaque", "cette
        attaque a été revendiquée"; not "a revendiqué un double attentat" elsewhere), with a
        demonstrative when asked ("cette attaque revendiquée par X")."""
        nouns = [c for c in children_of(t) if c.dep_ == "obj"] + passive_subjects(t) + ([t.head] if t.dep_ == "acl" else [])
        pointed = _demonstrative if demonstrative else self.event_pointed_back
        return any(_in(c, self.rules.attack_nouns) and pointed(c) for c in nouns)

    def claims_at(self, t: Token) -> list[MentionRef]:
        """Who a word says claims or is ascribed an attack: an attribution participle on an
        attack noun ("une attaque attribuée aux rebelles du X") or an active verb of ascribing
        (``attributed_by_verb``); the agent of a passive claim verb or participle on an attack noun
        ("Ces attaques ont été revendiquées par X", "des attentats revendiqués par X"), the
        subject of a claim verb with one as object ("X a revendiqué l'attaque"), not of attacks
        no determiner points at ("X revendique de nouvelles attaques")."""
        if _in(t, self.rules.attack_nouns):
            return self.hitters(self.ascribed(t))
        if _in(t, self.rules.attribution_verbs) and not self.passive(t):
            return self.attributed_by_verb(t)
        return self.claimed_by_verb(t)

    def claimed_by_verb(self, t: Token) -> list[MentionRef]:
        """The claimant a claim verb names for an attack noun (see ``claims_at``), or the agent of
        a passive clause of carrying out whose subject is an attack told before (``carried_out``)."""
        if self.carried_out(t):
            return self.hitters(self.named_agent(t))
        if not _in(t, self.rules.claim_verbs) or self.modality(t, t) == "negated":
            return []
        if self.passive(t):
            nouns = passive_subjects(t) + ([t.head] if t.dep_ == "acl" else [])
            who = self.named_agent(t)
        else:
            nouns = [c for c in (*children_of(t), *self.objects_on_days(t)) if c.dep_ == "obj" and not self.described_author(c)]
            who = self.doer(t) or self.speaking_body(t)  # "« Nous revendiquons l'attaque », a déclaré X"
        return self.hitters(who) if any(_in(c, self.rules.attack_nouns) or self.pronoun_of_attacks(c)
                                        for c in nouns) else []

    def carried_out(self, t: Token) -> bool:
        """A passive clause of carrying out (``perpetration_verbs``) whose subject is an attack
        noun pointing back ("L'attaque a été menée par X", "Cet attentat aurait été perpétré par
        Y"): who carried it out is its author, as who claims one; not a participle ("l'attaque
        menée par X contre Y" names its author in its own phrase), nor a denial."""
        subjects = [c for c in children_of(t) if c.dep_ == "nsubj:pass"]  # cheapest test first
        return bool(subjects) and _in(t, self.rules.perpetration_verbs) and self.passive(t) \
            and self.modality(t, t) != "negated" \
            and any(_in(c, self.rules.attack_nouns) and self.event_pointed_back(c) for c in subjects)

    def event_subject(self, t: Token, k: int) -> None:
        """An attack noun with no author as the subject of a verb of hitting, aiming or harming
        ("L'autre attentat a visé la place X", "L'attaque a blessé trois soldats américains", also a
        strike noun pointed back: "Les frappes ont touché X"): an attack of the text with what the
        verb hits."""
        if t.dep_ != "nsubj":  # cheapest test first
            return
        verb = t.head
        hitting = self.hitting_event(t, verb)
        if hitting is None or self.described_author(t):
            return
        objects = [r for c in children_of(verb) if c.dep_ == "obj" for r in self.np(c)]
        regions = self.typed(objects, ("Region",)) if hitting else []  # "a blessé trois soldats X": people, no place
        self.subject_events.append((t, k, regions, [
            r for r in self.typed(objects, ("Actor",)) if "Region" not in r.entity.types or not hitting]))

    def hitting_event(self, t: Token, verb: Token) -> bool | None:
        """For an attack noun, or a strike noun pointed back, subject of ``verb``: True when the
        verb hits or aims, False when it only harms ("a blessé trois soldats"), else None."""
        if not (_in(t, self.rules.attack_nouns) or _in(t, self.rules.target_nouns) and self.event_pointed_back(t)):
            return None
        if any(_in(verb, w) for w in (self.rules.attack_verbs, self.rules.target_verbs, self.rules.aim_verbs)):
            return True
        return False if _in(verb, self.rules.harm_verbs) else None

    def named_agent(self, verb: Token) -> list[MentionRef]:
        """The agent of a passive verb, also where its phrase's head is a description noun before
        the name and the parse hangs a person on it ("par la katiba X, du prédicateur Y")."""
        phrase = agent_phrase(verb, self.rules)
        found = [r for r in self.agent(verb) if r.entity.kind != "Person"]
        if phrase is None or found:
            return found
        names = [self.ref_at(c) for c in children_of(phrase) if c.dep_ in ("nmod", "flat:name") and c.i == phrase.i + 1]
        return [r for r in names if r is not None]

    def attributed_by_verb(self, t: Token) -> list[MentionRef]:
        """The author an active verb ascribes an attack to, the attack named or a clitic ("Les
        autorités l'ont attribuée aux hommes du groupe X", "imputent l'attentat à X")."""
        if self.modality(t, t) == "negated" or not self.attack_object(t):
            return []
        phrases = [c for c in children_of(t) if c.dep_ in ("obl", "obl:arg", "obl:mod", "iobj")
                   and _introduced_by(c, self.rules.attribution_prepositions)]
        return self.hitters([r for c in phrases for r in self.np(c) or self.group_anaphor(c) or self.presumed_owner(c, 1)])

    def attack_object(self, t: Token) -> bool:
        """Whether a verb's object is an attack noun or an object clitic (which the parse may read
        as a subject: "l'ont attribuée")."""
        return any(_in(c, self.rules.attack_nouns) or lower_text(c) in self.rules.object_clitics
                   for c in children_of(t) if c.dep_ == "obj" or c.pos_ == "PRON" and c.i < t.i
                   and lower_text(c) in self.rules.object_clitics)

    def same_paragraph(self, j: int, k: int) -> bool:
        """Whether two sentences are in one paragraph (no line break between them)."""
        a, b = self.sentences[min(j, k)], self.sentences[max(j, k)]
        return "\n" not in self.text[a.end: b.start]

    def pronoun_of_attacks(self, token: Token) -> bool:
        """A subject pronoun ("Ils ont été revendiqués par X" after "Ces attentats ...")."""
        return lower_text(token) in self.rules.subject_pronouns

    def claimed_attacks(self) -> None:
        """Attacks the text names with no author, near a claim or pointed at ("cette attaque"):
        the nearest claimant attacks what they hit ("Ces attaques ont été revendiquées par X" after
        "dans les camps visés, à A, B et C"; "des attentats revendiqués par X" before "L'autre
        attentat a visé la place Y")."""
        for n, k, regions, hit in self.unclaimed + self.subject_events + self.pointed_strikes:
            author = _in(n, self.rules.attack_nouns) and self.nearest_claimant(n, k, self.claims) or self.earlier_author(n)
            if author is None or self.told_author(n):
                continue
            for h in hit[:2]:
                if h.entity.id != author.entity.id:
                    self.add(author, "attacks", h, n, k, 0.5, modality="reported")
            for r in regions[:1] + self.places_listed(regions[:1])[1:]:
                if not self.on_own_soil(r, author):
                    self.add(author, "attacks", r, n, k, 0.5, modality="reported")

    def nearest_claimant(self, n: Token, k: int, found: list[tuple[int, MentionRef]]) -> MentionRef | None:
        """The claimant of the claim nearest an attack in its paragraph, at most two sentences
        away unless a demonstrative points at the attack (then, when its paragraph has none, a
        claim further on: "L'attaque a été revendiquée par X" closing the article, not a
        headline's; a definite attack with no complement, a claim at most two sentences on);
        none when two claimants are as near."""
        pointed = any("Dem" in morph_values(c, "PronType") for c in children_of(n) if c.dep_ == "det")
        claims = self.claims_in_reach(n, k, found, pointed)
        near = min((abs(k - j) for j, _ in claims), default=99)
        authors = {a.entity.id: a for j, a in claims if abs(k - j) == near}
        if len(authors) != 1 or not pointed and near > 2:
            return None
        return next(iter(authors.values()))

    def claims_in_reach(self, n: Token, k: int, found: list[tuple[int, MentionRef]],
                        pointed: bool) -> list[tuple[int, MentionRef]]:
        """The claims of an attack noun's paragraph, else those further on that may be of it."""
        return [(j, a) for j, a in found if self.same_paragraph(j, k)] or [
            (j, a) for j, a in found if j > k and (pointed or self.claim_of_told_attack(n, k, j))]

    def claim_of_told_attack(self, n: Token, k: int, j: int) -> bool:
        """Whether the claim of run ``j``, past the paragraph of an attack noun pointing back
        ("L'attaque a eu lieu à X." then, a line on, "Y a revendiqué l'attaque"), is of that
        attack: at most two sentences on, its own attack noun pointing back too."""
        return j - k <= 2 and j in self.claims_pointing_back and self.event_pointed_back(n) \
            or j - k == 1 and j in self.claims_of_this  # "un attentat ... a visé X." then "cette attaque revendiquée par Y"

    def earlier_author(self, n: Token) -> MentionRef | None:
        """The author of the attacks found in the nearest of the two sentences before an attack
        noun a definite or demonstrative determiner points back with ("L'armée X a mené des frappes
        dans le nord de Y. Les frappes ont visé la région de Z": X hits Z), when one actor made them
        and that sentence tells of no strike of unknown author (weapons fired by no one named, an
        attack with no author: "Des roquettes ont visé X, et l'armée a riposté ... La première salve")."""
        if not self.event_pointed_back(n):
            return None
        k = self.units.sentence_at(n.idx)
        for j in (k - 1, k - 2):
            authors = {a.entity.id if a else None: a for i, a in self.attackers if i == j}
            authors.update({None: None for e in self.unclaimed if self.units.sentence_at(e[0].idx) == j})
            if authors:
                return next(iter(authors.values())) if len(authors) == 1 else None
        return None

    def event_pointed_back(self, n: Token) -> bool:
        """Whether an event noun points back: a demonstrative on it ("Cette attaque"), or a definite
        article with no complement after it ("Les frappes aériennes"; "l'attaque d'une base à X" is
        told anew; "L'attaque de lundi sur X", dated by a day, is the one told before), and no agent
        in its phrase (not "l'attaque menée par l'ennemi")."""
        dets = [c for c in children_of(n) if c.dep_ == "det"]
        pointed = _demonstrative(n) or any(
            "Def" in morph_values(c, "Definite") for c in dets) and (self.dated(n) or not any(
                c.i > n.i and c.dep_ in ("nmod", "acl", "acl:relcl", "appos") for c in children_of(n)))
        return pointed and not any(_introduced_by(t, self.rules.agent_prepositions) for t in n.subtree if t.i > n.i)

    def dated(self, n: Token) -> bool:
        """An event noun with a day or time complement ("l'attaque de lundi")."""
        return any(c.i > n.i and c.dep_ == "nmod" and _in(c, self.rules.origin_time_words) for c in children_of(n))

    def told_author(self, n: Token) -> bool:
        """Whether the attack's clause gives an author that names no one ("Ces attaques ont fait
        six morts dans les camps visés, par des groupes armés"): an agent phrase of no actor."""
        lo, hi = self.units.bounds(n)
        return any(t.pos_ == "NOUN" and _introduced_by(t, self.rules.agent_prepositions)
                   and (_in(t, self.forces) or _in(t, self.rules.armed_group_nouns))
                   and not self.typed(self.np(t), ("Actor",)) for t in self.tokens[lo:hi])

    def attack_places(self, n: Token) -> list[MentionRef]:
        """The place of an attack noun: a place phrase on its verb or on it, or the place a
        relative clause on it says it hit."""
        return self.typed(self.obliques(n.head, self.rules.attack_place_prepositions), ("Region",)) \
            or self.typed(self.children_with(n, self.rules.of_prepositions, ("nmod",)), ("Region",)) \
            or self.relative_strike_places(n)

    def relative_strike_places(self, n: Token) -> list[MentionRef]:
        """The place a relative clause on an attack noun says it hit or took place in ("l'attentat
        qui a frappé le siège de la police à Ankara", "l'attaque, qui a eu lieu dans le district
        de X"); a relative of occurrence the parse hung on the governing verb too ("l'attaque
        revendiquée par Y, et qui s'est déroulée à X": ``hung_relatives``)."""
        relatives = [c for c in children_of(n) if c.dep_ == "acl:relcl"]
        verbs = [c for c in relatives if _in(c, self.rules.attack_verbs) or _in(c, self.rules.target_verbs)
                 or self.toll_clause(c)]
        verbs += [c for c in relatives + self.hung_relatives(n)
                  if _in(c, self.rules.occurrence_verbs) or _phrase_length(c, self.rules.occurrence_verbs)]
        return [r for v in verbs[:1] for r in self.after_prep(self.right_window(v), self.rules.attack_place_prepositions,
                                                               ("Region",))][:1]

    def hung_relatives(self, n: Token) -> list[Token]:
        """Relative clauses on a noun that the parse hung on the verb governing it: a clause whose
        subject is a relative pronoun right after the noun's phrase, past commas and a conjunction
        only ("mort dans l'attaque, qui a eu lieu à X", "revendiqué l'attentat, qui s'est produit à Y")."""
        end = n.right_edge.i
        return [v for v in children_of(n.head) if v.dep_ in ("conj", "advcl") and v.i > end and any(
            p.dep_ == "nsubj" and lower_text(p) in self.rules.relative_pronouns
            and all(t.pos_ in ("PUNCT", "CCONJ") for t in self.tokens[end + 1: p.i]) for p in children_of(v))]

    def toll_clause(self, v: Token) -> bool:
        """A verb telling a toll: one of ``toll_clause_verbs`` with a toll noun as object ("qui a
        fait quinze morts", "qui a coûté la vie à", "qui a causé la mort de")."""
        return _in(v, self.rules.toll_clause_verbs) and any(
            c.dep_ == "obj" and _in(c, self.rules.toll_nouns) for c in children_of(v))

    def struck_place(self, agent: MentionRef, place: MentionRef, cue: Token, k: int, modality: str) -> bool:
        """An actor that did strike a place ("Israël a frappé Beyrouth", "les frappes russes
        sur Kharkiv") attacks it; a strike only threatened or weighed ("n'exclut pas de
        frapper") targets it and no more.  A weapon targets, it does not attack.  Whether the
        attack was added."""
        if modality in ("asserted", "reported") and not _in(cue, self.rules.occupation_verbs) \
                and self.typed([agent], ("Actor",)) and "Weapon" not in agent.entity.types:
            return self.add(agent, "attacks", place, cue, k, 0.55, modality=modality)
        return False

    def obliques(self, verb: Token, preps) -> list[MentionRef]:
        return self.children_with(verb, preps, ("obl", "obl:arg", "obl:mod"))

    def target_verb(self, v: Token, k: int) -> None:
        if v.head.i != v.i and _in(v.head, self.rules.authorize_verbs):
            return  # the action of an authorisation: its event carries the target
        if self.describes_holder(v):
            return
        window = self.right_window(v)
        agents = self.shooters(v)
        if _in(v, self.rules.launch_verbs) and not self.typed(agents, ("Weapon",)) and not self.fires_weapon_noun(v):
            return
        # an armed group, or a state's ships, bases or soldiers, hit: an attack on that actor
        # ("a frappé le Hezbollah", "tiré un missile contre un navire américain")
        objects = self.direct_objects(v)
        hit = self.struck([*objects, *(c for c in children_of(v) if c.dep_.startswith("obl") and self.hostile(c)),
                           # "tiré deux missiles contre un pétrolier": the phrase hangs on what is fired
                           *(g for c in objects for g in children_of(c) if g.dep_ == "nmod" and self.hostile(g))])
        self.emit_targets(v, k, agents, hit or self.possessors_hit(objects, agents), window)

    def describes_holder(self, v: Token) -> bool:
        """A participle of holding that says whose a thing is ("15 drones utilisés par les
        Houthis dans la zone de X", shot down): no firing, unless aimed ("utilisés contre X")."""
        return v.dep_ == "acl" and self.passive(v) and _in(v, self.rules.holding_participles) \
            and not any(c.dep_.startswith("obl") and self.hostile(c) for c in children_of(v))

    def possessors_hit(self, objects: list[Token], agents: list[MentionRef]) -> list[MentionRef]:
        """Whose positions, bases or strongholds a possessive names ("a riposté en frappant ses
        positions", "a pilonné leurs bastions"): the nearest actor named before, in this or the
        previous sentence, that does not strike (one does not strike one's own)."""
        heads = [c for c in objects if _possessive(c) and (_in(c, self.rules.facility_nouns)
                                                           or _in(c, self.rules.stronghold_nouns) or _in(c, self.forces))]
        if not heads:
            return []
        k = self.units.sentence_at(heads[0].idx)
        floor = self.sentences[max(k - 1, 0)].start
        strikers = {a.entity.id for a in agents}
        return next(([r] for r in self.index.nearest_before(heads[0].idx, floor) if r.entity.id not in strikers
                     and r.entity.kind in _GROUP_KINDS + _STATE_KINDS + _ORGANISATION_KINDS and self.typed([r], ("Actor",))), [])

    def fires_weapon_noun(self, v: Token) -> bool:
        """A launch verb whose object is a weapon noun the text names no entity for ("a lancé
        lundi des missiles sur Kiev")."""
        return any(lower_lemma(c) in self.rules.weapon_heads or lower_text(c) in self.rules.weapon_heads
                   for c in self.direct_objects(v))

    def shooters(self, v: Token) -> list[MentionRef]:
        """Who or what fires: a passive verb's weapon and agent; an active verb's subject, the
        weapon it fires, and the state a demonym puts behind the subject ("des drones russes
        ont visé ...")."""
        if self.passive(v):
            return self.typed(self.patient(v), ("Weapon",)) + self.typed(self.agent(v), ("Actor",))
        host = self.striking_host(v)
        if host is not None and not self.subject(v):
            return self.shooters(host)  # "a tiré des roquettes sur X, frappant la ville de Y"
        agents = self.typed(self.subject(v), ("Actor", "Weapon"))
        # the object, also one the parse hung on a day ("a lancé lundi des missiles sur X")
        agents += self.typed([r for c in self.direct_objects(v) for r in self.np(c)], ("Weapon",))
        agents += self.typed([self.ref_at(g) for c in children_of(v) if c.dep_.startswith("nsubj")
                              for g in children_of(c) if g.dep_ in ("amod", "acl") and g.pos_ == "ADJ"], ("Actor",))
        # "des tirs de roquettes du Hezbollah ont visé X": the author of a strike noun subject;
        # "les drones de l'armée X ont frappé Y": the owner of the craft
        return agents + ([] if self.typed(agents, ("Actor",)) else self.subject_authors(v))

    def subject_authors(self, v: Token) -> list[MentionRef]:
        """The author of a strike noun subject, else the owner of the craft the subject names."""
        return self.typed([r for c in children_of(v) if c.dep_ == "nsubj" for r in self.noun_agents(self.counted_strike(c))],
                          ("Actor",)) or self.weapon_owners(v)

    def counted_strike(self, n: Token) -> Token:
        """The strike or attack noun a quantity noun counts ("une série de frappes", "une vague
        d'attaques menées par X"): what is said of the quantity is said of it; else ``n``."""
        if not _in(n, self.rules.quantity_nouns):
            return n
        counted = self.rules.target_nouns | self.rules.attack_nouns
        return next((g for g in self.genitives(n) if g.i > n.i and _in(g, counted)), n)

    def hitters(self, agents: list[MentionRef]) -> list[MentionRef]:
        """The actors who strike (four at most): the first with the actors listed with it
        (``listed_with``), and a second one coordinated with it ("les forces américaines et
        britanniques ont frappé")."""
        actors = self.typed(agents, ("Actor",))
        second = [r for r in actors[1:2] if r.entity.id != actors[0].entity.id and (
            r.entity.kind in _STATE_KINDS and actors[0].entity.kind in _STATE_KINDS or self.coordinated_names(actors[0], r))]
        return self.distinct([r for a in actors[:1] for r in self.listed_with(a)] + second)[:4]

    def listed_with(self, ref: MentionRef) -> list[MentionRef]:
        """The actors (no person) named in one list with ``ref``, in order, by commas and one
        closing "et" ("le JNIM, l'EI et Ansarul Islam ont attaqué", "attaquée par X et Y": all
        strike), however the parse cut it; ``ref`` alone when the list is not whole ("avec X et
        Y, Z a ...")."""
        before, seps_before = self.list_side(ref, -1)
        after, seps_after = self.list_side(ref, 1)
        seps = seps_before + seps_after
        whole = seps and lower_text(seps[-1]) in self.rules.and_words and all(t.text == "," for t in seps[:-1])
        return before + [ref] + after if whole else [ref]

    def list_side(self, ref: MentionRef, step: int) -> tuple[list[MentionRef], list[Token]]:
        """The list members named on one side of ``ref`` (``step`` -1: before, 1: after), each
        past a comma or a conjunction and its determiners, with those separators in text order."""
        lo, hi = self.units.bounds(self.span_at(ref).root)
        found, seps, cur = [], [], ref
        while True:
            span = self.span_at(cur)
            k = self.skip_determiners(span.start - 1, lo) if step < 0 else span.end
            if not lo <= k < hi or not (self.tokens[k].text == "," or lower_text(self.tokens[k]) in self.rules.and_words):
                break
            nxt = self.list_member(k, step, lo, hi)
            if nxt is None or nxt.entity.id in {r.entity.id for r in [ref, *found]}:
                break
            found.append(nxt)
            seps.append(self.tokens[k])
            cur = nxt
        return (found[::-1], seps[::-1]) if step < 0 else (found, seps)

    def list_member(self, k: int, step: int, lo: int, hi: int) -> MentionRef | None:
        """The actor (no person) named right beside the separator at ``k``, past determiners, on
        the side ``step`` says, its name ending (before) or starting (after) there."""
        j = self.skip_determiners(k - 1, lo) if step < 0 else self.past_determiners(k + 1, hi)
        nxt = self.ref_at(self.tokens[j]) if lo <= j < hi else None
        if nxt is None or nxt.entity.kind == "Person" or not self.typed([nxt], ("Actor",)):
            return None
        span = self.span_at(nxt)
        return nxt if (span.end - 1 if step < 0 else span.start) == j else None

    def coordinated_names(self, a: MentionRef, b: MentionRef) -> bool:
        """Two names joined by a bare conjunction, with their articles ("du JNIM et d'Ansarul
        Islam", "de l'EI et Al-Qaïda"): one phrase naming both."""
        words = self.text[a.end:b.start].lower().replace("’", "'").replace("'", "' ").split()
        return bool(words) and words[0] in self.rules.and_words and all(
            w in self.rules.of_prepositions or w in self.rules.articles for w in words[1:])

    def emit_targets(self, v: Token, k: int, agents, hit, window) -> None:
        """A firing verb's relations: the actors hit are attacked; the places it aims at are
        targeted (and attacked when the strike happened and hit no actor)."""
        hitters = self.hitters(agents)
        for a in hitters:
            for h in hit[:2]:
                self.add(a, "attacks", h, v, k, 0.65)
        # the object and what is coordinated with it ("les installations de Natanz et de Fordo"),
        # else the first place after a targeting preposition
        regions = [r for r in self.typed([r for c in self.direct_objects(v) for r in self.np(c)], ("Region",))
                   if r.entity.id not in {h.entity.id for h in hit}][:3]
        # a list the parse cuts is read whole ("a frappé les localités de A, B et C")
        regions = self.places_listed(regions or self.aimed_places(v, window)[:1])
        seen = set()
        for a in self.distinct(agents[:2] + hitters):  # and the rest of a list of shooters
            for r in regions:
                if (a.entity.id, r.entity.id) not in seen:
                    seen.add((a.entity.id, r.entity.id))
                    self.add(a, "targets", r, v, k, 0.7)
                    # with an actor hit, the place where it was hit is attacked too ("a frappé des
                    # cibles du Hamas dans la bande de Gaza"), not the striker's own soil
                    if not hit or not self.on_own_soil(r, a):
                        self.struck_place(a, r, v, k, self.modality(v))

    def aimed_places(self, v: Token, window: list[Token]) -> list[MentionRef]:
        """The places after a targeting preposition that are the verb's own, not said of
        another thing or in another agent's act."""
        window = self.before_other_event(window, v)
        return [r for r in self.after_prep(window, self.rules.target_prepositions, ("Region",))
                if not self.said_of_other(r, v) and not self.others_act(r, v) and not self.left_from(window, r)]

    def before_other_event(self, window: list[Token], v: Token) -> list[Token]:
        """A firing verb's window up to an event noun in a phrase of its own ("a tiré des
        roquettes sur X en réponse aux frappes israéliennes sur le sud du Liban": Lebanon is
        the place of the other strikes)."""
        events = _event_nouns(self.rules)
        cut = next((n for n, t in enumerate(window) if t.i > v.i and _in(t, events) and any(
            g.dep_ == "case" and lower_text(g) not in self.rules.of_prepositions for g in children_of(t))), len(window))
        return window[:cut]

    def left_from(self, window: list[Token], ref: MentionRef) -> bool:
        """A place inside the phrase the fire leaves from ("tiré depuis un sous-marin en mer
        Noire", "depuis la région de X, dans le centre de Y, vers Z"): the phrase runs from a
        preposition of origin (not one of time: "depuis lundi") to a verb, a conjunction or a
        word that aims ("vers", "sur", "en direction de")."""
        start = self.span_at(ref).start
        before = [t for t in window if t.i < start]
        for n in range(len(before) - 1, -1, -1):
            t = before[n]
            clause = t.pos_ in ("VERB", "AUX") and not t.dep_.startswith(("obl", "nmod"))  # not "dans l'est de"
            if clause or t.pos_ == "CCONJ" or lower_text(t) in self.rules.aim_words:
                return False
            if t.dep_ == "case" and self.origin_name(t.head):  # "tiré de X, dans le sud de Y"
                return True
            if _in(t, self.rules.origin_prepositions):
                head = next((w for w in before[n + 1:] if w.pos_ != "DET"), None)
                return head is not None and head.pos_ != "NUM" and not _in(head, self.rules.origin_time_words)
        return False

    def others_act(self, ref: MentionRef, verb: Token) -> bool:
        """A place in an act the text gives another agent ("a frappé X pour mettre fin aux
        attaques menées par le groupe contre des navires en mer Rouge": the group's act's place)."""
        t = self.root_of(ref)
        for _ in range(8):
            if t.i == verb.i or t.head.i == t.i:
                return False
            if any(c.dep_ == "obl:agent" for c in children_of(t)):
                return True
            t = t.head
        return False

    def said_of_other(self, ref: MentionRef, verb: Token) -> bool:
        """A place in the complement of another participle or adjective ("viser les navires liés
        à Israël"): it says what the thing is tied to, not where the verb aims."""
        head = self.root_of(ref).head
        return head.i != verb.i and (head.pos_ == "ADJ" or "Part" in morph_values(head, "VerbForm")) \
            and head.dep_ in ("acl", "amod")

    @staticmethod
    def nmod_chain(n: Token, depth: int = 3) -> list[Token]:
        """The nouns hung below ``n`` by noun-complement links, where the parser puts the
        complements of a noun cue ("l'offensive de l'armée malienne contre le JNIM": "contre"
        on "armée")."""
        out, frontier = [], [n]
        for _ in range(depth):
            frontier = [c for f in frontier for c in children_of(f) if c.dep_ == "nmod"]
            out += frontier
        return out

    def hostile(self, token: Token) -> bool:
        """A phrase introduced by "contre" or "sur": what a strike is aimed at."""
        return _introduced_by(token, self.rules.hostile_prepositions)

    def struck(self, tokens: list[Token]) -> list[MentionRef]:
        """The actors hit as actors, not as places, by phrases headed by ``tokens``: a group,
        person or organisation named ("le Hezbollah"), or the owner of what is hit, named by a
        demonym or a genitive ("un navire américain", "des casques bleus de la Monusco").
        A place phrase ("le nord d'Israël", "Kharkiv") is a target, not an attacked actor."""
        found = []
        for c in [*tokens, *self.aimed_conjuncts(tokens)]:
            ref = self.ref_at(c)
            if ref is not None and "Weapon" not in ref.entity.types:  # "le porte-avions américain": its owner
                if "Region" not in ref.entity.types and ref.entity.kind not in _STATE_KINDS:
                    found += self.typed([ref], ("Actor",))
                continue
            found += self.owners_hit(c)
        return found

    def aimed_conjuncts(self, tokens: list[Token]) -> list[Token]:
        """The nouns coordinated with a phrase aimed at, hit too ("contre l'armée malienne et ses
        partenaires russes"); a name is read by ``np`` already."""
        return [c for t in tokens if self.ref_at(t) is None for c in self.conjuncts(t) if c.pos_ == "NOUN"]

    def owners_hit(self, c: Token) -> list[MentionRef]:
        """The owners of a thing hit, by a demonym or a genitive ("un navire américain"), not
        of a place noun ("le nord de X") and not a person."""
        if c.pos_ != "NOUN":
            return []
        if _in(c, self.rules.place_heads) or _in(c, self.rules.direction_words):  # "les zones contrôlées par X": X
            return [r for r in self.typed(self.holders_of(c), ("Actor",)) if r.entity.kind != "Person"]
        owners = self.demonyms_on(c)
        for g in self.genitives(c):  # "un véhicule (de patrouille) de la Finul"
            owners += self.np(g) or [r for h in self.genitives(g) if g.pos_ == "NOUN" for r in self.np(h)]
        owners += self.holders_of(c) + self.body_named_before(c)
        return [r for r in self.typed(owners, ("Actor",)) if r.entity.kind != "Person"]

    def demonyms_on(self, c: Token) -> list[MentionRef | None]:
        """The entities of the adjectives on a noun, also of one the parse hangs on the first
        ("un navire marchand britannique")."""
        adjectives = [g for g in children_of(c) if g.dep_ == "amod" and g.pos_ == "ADJ"]
        return [self.ref_at(g) for a in adjectives for g in (a, *children_of(a)) if g.dep_ == "amod" and g.pos_ == "ADJ"]

    def holders_of(self, c: Token) -> list[MentionRef]:
        """Who uses or holds a thing hit, by the agent of a participle of holding on it or on
        its complement ("une base utilisée par le Hezbollah", "un dépôt de roquettes utilisé par
        les Houthis")."""
        found = []
        for h in (c, *self.genitives(c)):
            for a in children_of(h):
                if a.dep_ == "acl" and _in(a, self.rules.holding_participles) and self.passive(a):
                    # the parse may hang the agent on the thing itself ("une base tenue par X")
                    found += self.agent(a) or [r for g in children_of(h) if g.dep_ == "nmod" and g.i > a.i
                                               and _introduced_by(g, self.rules.agent_prepositions)
                                               for r in self.np(g)]
        return found

    def genitives(self, token: Token) -> list[Token]:
        """The owner complements of a noun ("de X", "du X")."""
        return [g for g in children_of(token) if g.dep_ == "nmod" and self.genitive(g)]

    def attack_phrase(self, v: Token, k: int) -> None:
        """Fixed phrases around a verb that make it an attack ("s'en prendre à X", "prendre le
        contrôle de X", "prendre d'assaut X"): the words of ``attack_phrases``, "~" standing
        for the verb; the subject attacks what follows the phrase."""
        found = self.phrase_rest(v)
        if found is None or not found[0]:
            return
        rest, right = found
        if right and self.passive(v) and not any(c.dep_ in ("nsubj", "obj") for c in children_of(v)):
            # "le poste a été pris d'assaut par X", "une patrouille prise en embuscade par X"
            return self.passive_phrase(v, k)
        if right:
            targets = self.typed(self.np(rest[0]), ("Region", "Actor")) or self.struck(rest[:1])
            targets += [] if self.typed(targets, ("Region",)) else self.phrase_place(v)
        else:  # "a pris Damas": the verb alone attacks only a place it takes
            targets = self.typed([self.ref_at(rest[0])], ("Region",))
        for a in self.phrase_doers(v)[:2]:  # "X et ses alliés de Y ont pris le contrôle de Z"
            for t in targets[:2]:
                self.add(a, "attacks", t, v, k, 0.65)
        if self.phrase_rest(v, self.rules.capture_phrases) is not None and "Inf" not in morph_values(v, "VerbForm"):
            self.hold_taken(v, self.phrase_doers(v)[:2], targets[:2], k)  # "ont pris le contrôle de X": there after

    def passive_phrase(self, v: Token, k: int) -> None:
        """A passive attack phrase: its agent attacks its subject, the owner of a thing named
        there ("une patrouille de l'armée X a été prise en embuscade par Y"), or its place."""
        agents = self.typed(self.agent(v), ("Actor",)) or [
            r for c in children_of(v) if c.dep_ == "obl:agent" for r in self.described_group(c)]
        subjects = [c for c in children_of(v) if c.dep_ == "nsubj:pass"]
        targets = self.typed([r for c in subjects for r in self.np(c)], ("Region", "Actor")) or self.struck(subjects)
        for a in agents[:2]:
            for t in targets[:2]:
                self.add(a, "attacks", t, v, k, 0.65)

    def phrase_doers(self, v: Token) -> list[MentionRef]:
        """Who does an attack phrase: its doer, else the group its described subject stands for
        ("un nombre inconnu d'extrémistes ont pris d'assaut le poste")."""
        return self.typed(self.doer(v), ("Actor",)) or [
            r for c in children_of(v) if c.dep_ == "nsubj" for r in self.described_group(c)]

    def phrase_place(self, v: Token) -> list[MentionRef]:
        """The place an attack phrase's object is in ("ont pris d'assaut un poste de police dans
        la ville de X")."""
        return [r for r in self.after_prep(self.right_window(v), self.rules.attack_place_prepositions, ("Region",))
                if not self.container_of_place(r)][:1]

    def container_of_place(self, ref: MentionRef) -> bool:
        """A place phrase right after another place, that only says where that one is ("le chef
        de la police du district de X au Jharkhand"): not the place of the act."""
        span = self.span_at(ref)
        if span is None or span.start < 2:
            return False
        k = span.start - 1
        while k > 0 and self.tokens[k].pos_ == "DET":
            k -= 1
        before = self.ref_at(self.tokens[k - 1]) if self.tokens[k].pos_ == "ADP" else None
        return before is not None and before.entity.id != ref.entity.id and "Region" in before.entity.types

    def phrase_rest(self, v: Token, table=None) -> tuple[list[Token], bool] | None:
        """The words after the first phrase of ``v`` in ``table`` (attack phrases by default)
        that its words match (determiners left out), and whether the phrase has words after
        the verb; None when none matches."""
        lo, hi = self.units.bounds(v)
        before = [lower_text(t) for t in self.tokens[max(lo, v.i - 4): v.i]
                  if not t.dep_.startswith("aux") and t.pos_ not in ("AUX", "ADV")]
        after = self.past_day(t for t in self.tokens[v.i + 1: hi] if t.pos_ != "ADV")
        for phrase in (table or self.rules.attack_phrases).get(lower_lemma(v), ()):
            left, _, right = phrase.partition("~")
            left, right = _words(left), _words(right)
            if len(before) < len(left) or before[len(before) - len(left):] != left:
                continue
            if [lower_text(t) for t in after[:len(right)]] == right:
                return [t for t in after[len(right):] if t.pos_ != "DET"], bool(right)
        return None

    def past_day(self, words) -> list[Token]:
        """The words after a verb past the commas and days that open them ("ont pris, dimanche,
        le contrôle de X")."""
        after = list(words)
        while len(after) > 1 and (after[0].text == "," or lower_lemma(after[0]) in self.rules.time_words):
            after = after[1:]
        return after

    def leadership(self, t: Token, k: int) -> None:
        """ "Abdul Malik al-Houthi, à la tête des Houthis", "X est à la tête de l'armée d'Arakan":
        a named person before a leading phrase of ``leadership_phrases`` leads the actor named
        after it."""
        found = self.phrase_rest(t, self.rules.leadership_phrases)
        if found is None or not found[1]:
            return
        led = [r for w in found[0][:2] for r in [self.ref_at(w)] if r is not None][:1]
        leader = self.leader_before(t)
        if leader is None or leader.entity.kind != "Person":
            return
        for o in self.typed(led, ("Actor",)):
            if o.entity.kind != "Person":
                self.add(leader, "leaderOf", o, t, k, 0.6, cue_text=t.text)

    def led_by(self, t: Token, k: int) -> bool:
        """ "l'armée soudanaise, sous la direction du général X": the person named right after a
        phrase of ``led_by_phrases`` leads the actor (no person) named right before it; whether
        the phrase was one."""
        found = self.phrase_rest(t, self.rules.led_by_phrases)
        if found is None:
            return False
        leader = next((r for w in found[0][:4] for r in [self.ref_at(w)]  # past a rank and a demonym
                       if r is not None and r.entity.kind == "Person"), None)
        lo = self.units.bounds(t)[0]
        j = self.skip_link_words(t.i - 1, lo, ("ADP", "DET"))
        j -= int(j > lo and self.tokens[j].text == ",")
        led = self.ref_at(self.tokens[j]) if j >= lo else None
        if leader is not None and leader.entity.kind == "Person" and led is not None \
                and led.entity.kind != "Person" and self.typed([led], ("Actor",)):
            self.add(leader, "leaderOf", led, t, k, 0.6, cue_text=t.text)
        return True

    def leader_before(self, t: Token) -> MentionRef | None:
        """The person a leading phrase is said of: the name before it (past the phrase's own
        words, a comma, a copula), the antecedent of "qui", or the subject of the phrase."""
        lo = self.units.bounds(t)[0]
        k = self.skip_link_words(t.i - 1, lo, ("ADP", "DET", "ADV", "AUX"))
        if k >= lo and _past_participle(self.tokens[k]):  # "X, récemment réélu à la tête de la Syrie"
            k = self.skip_link_words(k - 1, lo, ("ADV", "AUX"))
        if k >= lo and lower_text(self.tokens[k]) in self.rules.relative_pronouns:
            return (self.relative_antecedent(self.tokens[k]) or [None])[0]
        ref = self.ref_at(self.tokens[k]) if k >= lo else None
        if ref is not None:
            return ref
        return next((r for c in children_of(t) if c.dep_.startswith("nsubj") for r in self.np(c)), None)

    def strike_agents(self, v: Token) -> list[MentionRef]:
        """Who is behind the strike a passive verb names as its means ("tué par un tir d'obus
        lancé par les rebelles", "tué dans une frappe israélienne", "lors d'une attaque du M23")."""
        found = []
        # "lors d'une attaque": the noun may hang on the adverb
        children = [*children_of(v), *(g for c in self.inserted_reports(v) for g in children_of(c) if g.i > c.i)]
        phrases = [g for c in children for g in ((c,) if c.dep_ != "advmod" else tuple(children_of(c)))]
        for n in phrases:
            if n.dep_.startswith("obl"):
                found += self.noun_agents(n)
                found += [r for g in self.occasion_of(n) for r in self.noun_agents(g)]
        return found

    def inserted_reports(self, v: Token) -> list[Token]:
        """A verb of reporting set off by a comma after ``v``, on which the parse hangs the rest of
        the sentence ("ont été tuées dimanche, a annoncé la police, lors d'une attaque
        revendiquée par X")."""
        return [c for c in children_of(v) if c.dep_ in ("conj", "parataxis") and c.i > v.i and _in(c, self.rules.speech_verbs)
                and any(p.dep_ == "punct" and p.text == "," and p.i < c.i for p in children_of(c))]

    def occasion_of(self, n: Token) -> list[Token]:
        """The event a noun of occasion names ("au cours d'une attaque", "à l'occasion d'un
        raid"): its "de" complements."""
        if not _in(n, self.rules.occasion_nouns):
            return []
        return [g for g in children_of(n) if g.dep_ == "nmod" and _introduced_by(g, self.rules.of_prepositions)]

    def noun_agents(self, n: Token) -> list[MentionRef]:
        """Who carries out the strike or attack a noun names: its demonym, its "de"/"par"
        phrase, the agent of a participle on it ("un tir d'obus lancé par X", "une attaque
        revendiquée par X")."""
        if not _in(n, self.rules.target_nouns | self.rules.attack_nouns):
            return []
        found = self.typed(self.noun_agent_phrases(n), ("Actor",)) or self.past_qualifier(n) \
            or self.demonym_after(n, ("Actor",))
        for c in (n, *(g for g in children_of(n) if g.dep_ == "nmod" and not self.named_actor(g))):
            # "une frappe israélienne", "une frappe de drone américaine" (the demonym hung on "drone")
            # not a demonym the entity stage read as a place ("à la frontière malienne")
            found = self.typed([r for a in children_of(c) if a.dep_ == "amod" and a.pos_ == "ADJ"
                                for r in [self.ref_at(a)] if r is None or r.mention.type != "Region"], ("Actor",)) + found
            found += self.participle_agents(c)
        return found + self.ascribed(n)

    def noun_agent_phrases(self, n: Token) -> list[MentionRef]:
        """The mentions in a strike noun's "de"/"par" phrases, less a "de" phrase that names a
        place hit ("l'attaque d'une base de l'armée X": the base is struck, X is no attacker)."""
        found = [r for c in [*children_of(n), *self.past_date(n)] if c.dep_ in ("obl", "obl:arg", "obl:mod", "nmod", "iobj")
                 and (_introduced_by(c, self.rules.agent_prepositions) or _introduced_by(c, self.rules.of_prepositions)
                      and not _in(c, self.rules.facility_nouns))
                 for r in self.np(c) or self.group_anaphor(c)]  # "une embuscade de la guérilla"
        actors = self.typed(found, ("Actor",))
        return found + self.genitive_conjuncts(actors[-1]) if actors else found

    def past_date(self, n: Token) -> list[Token]:
        """The "de" phrases the parse hangs on a date complement of a strike noun instead of the
        noun ("l'attaque du 7 octobre du Hamas", "l'assaut de lundi des rebelles"): the author's."""
        days = [d for c in self.date_complements(n) for d in (c, *self.month_of(c))]
        return [g for d in days for g in children_of(d) if g.dep_ == "nmod" and g.i > d.i and self.plain_genitive(g)]

    def date_complements(self, n: Token) -> list[Token]:
        """A noun's "de" complements that are a day or a date ("du 7 octobre", "de lundi")."""
        return [c for c in children_of(n) if c.dep_ == "nmod" and c.i > n.i and self.ref_at(c) is None
                and _introduced_by(c, self.rules.of_prepositions)
                and (lower_lemma(c) in self.rules.origin_time_words or c.pos_ == "NUM")]

    def month_of(self, day: Token) -> list[Token]:
        """The month the parse hangs on a day's number ("7" of "du 7 octobre")."""
        return [m for m in children_of(day) if m.dep_ == "nmod" and lower_lemma(m) in self.rules.origin_time_words]

    def plain_genitive(self, g: Token) -> bool:
        """A "de" phrase that names no time (False for "du 7 octobre", "de lundi")."""
        return _introduced_by(g, self.rules.of_prepositions) and lower_lemma(g) not in self.rules.origin_time_words \
            and g.pos_ != "NUM"

    def genitive_conjuncts(self, ref: MentionRef) -> list[MentionRef]:
        """A name coordinated with a strike noun's genitive author, however the parse hangs it
        ("les attaques de l'EI et Al-Qaïda", "du JNIM et de l'EI": a second author)."""
        nxt = min(self.index.inside(ref.end, min(ref.end + 80, len(self.text))), key=lambda r: r.start, default=None)
        return self.typed([nxt], ("Actor",)) if nxt is not None and self.coordinated_names(ref, nxt) else []

    def participle_agents(self, c: Token) -> list[MentionRef]:
        """The agents of the participles on a strike noun ("un tir d'obus lancé par X")."""
        return [r for acl in children_of(c) if acl.dep_ == "acl" and acl.pos_ == "VERB"
                for r in self.typed(self.agent(acl), ("Actor",)) or self.described_agent(acl)]

    def described_agent(self, verb: Token) -> list[MentionRef]:
        """The group a passive's agent describes and names right after a comma, where the parse
        hangs the name elsewhere ("une embuscade tendue par la principale guérilla du pays, les
        Forces armées révolutionnaires de Colombie (Farc)")."""
        phrase = agent_phrase(verb, self.rules)
        if phrase is None or not (_in(phrase, self.rules.group_anaphors) or _in(phrase, self.rules.group_heads)):
            return []
        k = max(t.i for t in phrase.subtree) + 1
        words = [t for t in self.tokens[k + 1: k + 4] if t.pos_ != "DET"]
        if k >= len(self.tokens) or self.tokens[k].text != "," or not words:
            return []
        ref = self.ref_at(words[0])
        return [ref] if ref is not None and ref.start == words[0].idx and ref.entity.kind in _BODY_KINDS else []

    def active_targets(self, v: Token, agents: list[MentionRef]) -> list[MentionRef]:
        """What an active attack verb's objects name ("bombardé des positions du Hezbollah"),
        or whose positions a possessive names ("a bombardé leurs positions")."""
        objects = [c for c in self.direct_objects(v) if not self.activity(c)]
        return [r for c in objects for r in (self.attacked_in(c) or self.children_with(c, self.rules.of_prepositions))] \
            or self.possessors_hit(objects, agents)

    def active_attackers(self, v: Token) -> list[MentionRef]:
        """Who does an active attack verb: its doer, else the author of a strike noun subject
        ("une frappe israélienne a tué trois personnes"), else the state behind the weapons it
        names ("les avions de combat israéliens ont attaqué X"); "nous" in a quote is the body of
        its speaker (``speaking_body``: "« Nous avons attaqué X », a déclaré le porte-parole de Y")."""
        agents = self.doer(v) or self.speaking_body(v)
        if self.typed(agents, ("Actor",)):
            return agents
        host = self.striking_host(v)
        if host is not None:
            return self.active_attackers(host)  # "les avions russes ont bombardé X, tuant Y"
        purpose = self.purpose_author(v)
        if purpose:
            return purpose  # "l'armée malienne a lancé une offensive pour déloger X": its subject's aim
        return [r for c in children_of(v) if c.dep_ == "nsubj" for r in self.noun_agents(c)] or self.weapon_owners(v) \
            or [r for c in children_of(v) if c.dep_ == "nsubj" for r in self.described_group(c)]

    def purpose_author(self, v: Token) -> list[MentionRef]:
        """Who an attack infinitive of purpose is the aim of: the subject of the verb it is
        hung on ("l'armée a lancé une offensive pour déloger X"), the agent of a participle
        ("l'offensive conduite par l'armée afin de chasser X"), or the author of the operation noun
        its purpose noun or aiming participle is on ("une opération en vue d'éliminer X", "une
        offensive visant à reprendre Y": the noun's own author, else its verb's subject)."""
        if "Inf" not in morph_values(v, "VerbForm"):
            return []
        head = v.head
        if v.dep_ in ("acl", "xcomp") and (_in(head, self.rules.purpose_nouns) or _in(head, self.rules.aim_verbs)
                                           and head.dep_ == "acl"):
            head = head.head  # "une opération en vue d'éliminer X", "une offensive visant à reprendre Y"
            if not (_in(head, self.rules.attack_nouns) or _in(head, self.rules.operation_nouns)):
                return []
            return self.typed(self.noun_agents(head), ("Actor",)) or self.typed(self.subject(head.head), ("Actor",))
        if v.dep_ != "advcl":
            return []
        return self.typed(self.agent(head) or self.subject(head), ("Actor",))

    def described_group(self, token: Token) -> list[MentionRef]:
        """The group a plural description of fighters stands for ("des militants ont attaqué",
        "une centaine de rebelles maoïstes"): the one armed group the text names, when the text
        names it by a description itself ("les rebelles") or by that noun elsewhere ("les
        rebelles du M23"); nobody when it names several, nor while ``named_by_noun`` reads the
        text's other descriptions (two descriptions would vouch for each other, without end)."""
        noun = None if self._naming else self.fighter_noun(token)
        groups = {e.id: e for e in self.by_label.values() if e.kind in _GROUP_KINDS and "Actor" in e.types}
        if noun is None or len(groups) != 1:
            return []
        group = next(iter(groups.values()))
        if group.label[:1].islower() or self.named_by_noun(group, noun):
            return [MentionRef(group, group.mentions[0])]
        return []

    def fighter_noun(self, token: Token) -> Token | None:
        """A plural fighter description that names no entity, as the noun, after a quantity
        ("une centaine de rebelles") or as the adjective of a force noun ("les forces séparatistes")."""
        nouns = [token, *(g for g in self.genitives(token) if _in(token, self.rules.quantity_nouns))]
        nouns += [a for t in nouns if _in(t, self.forces) and self.ref_at(t) is None
                  for a in children_of(t) if a.dep_ == "amod"]  # "les forces séparatistes": the adjective describes
        return next((t for t in nouns if _in(t, self.rules.fighter_descriptions)
                     and "Plur" in morph_values(t, "Number") and self.ref_at(t) is None), None)

    def named_by_noun(self, group, noun: Token) -> bool:
        """Whether the text names ``group`` elsewhere with the noun or another fighter
        description ("les rebelles du M23", "une attaque d'extrémistes shebab")."""
        self._naming = True
        try:
            return any(t.i != noun.i and (lower_lemma(t) == lower_lemma(noun) or _in(t, self.rules.fighter_descriptions))
                       and group.id in {r.entity.id for r in (*self.np(t), *self.name_right_after(t))}
                       for t in self.tokens)
        finally:
            self._naming = False

    def name_right_after(self, t: Token) -> list[MentionRef]:
        """The entity whose mention opens right after ``t``, however the parse hangs it."""
        ref = self.ref_at(self.tokens[t.i + 1]) if t.i + 1 < len(self.tokens) else None
        return [ref] if ref is not None and ref.start == self.tokens[t.i + 1].idx else []

    def weapon_owners(self, v: Token) -> list[MentionRef]:
        """The state a demonym puts behind the weapons or craft a verb's subject names ("des avions
        de chasse israéliens ont bombardé X", "ont effectué des frappes"), else the actor its "de"
        phrase names as owner ("les avions du régime X", "les drones de l'armée Y"): it acts. Not
        a maker ("des drones de fabrication iranienne")."""
        subjects = [c for c in children_of(v) if c.dep_.startswith("nsubj") and not self.passive(v)
                    and (self.typed(self.np(c), ("Weapon",)) or _in(c, self.rules.strike_craft))]
        genitives = self.owner_genitives(subjects)
        # the demonym may hang on the weapon name's last noun ("avions de chasse")
        found = [r for h in (*subjects, *genitives) for r in self.demonym_states(h)]
        return found or [r for g in genitives if _introduced_by(g, self.rules.of_prepositions)
                         for r in self.typed(self.np(g), ("Actor",))
                         if r.entity.kind != "Person" and "Weapon" not in r.entity.types]

    def owner_genitives(self, subjects: list[Token]) -> list[Token]:
        """The complements of craft subjects that may name their owner, with the ones coordinated
        with them ("du régime X et de son allié Y"), not a noun of make ("de fabrication X")."""
        genitives = [g for c in subjects for g in children_of(c) if g.dep_ == "nmod" and not _in(g, self.rules.maker_nouns)]
        return genitives + [j for g in genitives for j in children_of(g) if j.dep_ == "conj"]

    def demonym_states(self, h: Token) -> list[MentionRef]:
        """The states the demonyms on a noun name."""
        return [r for r in self.typed([self.ref_at(a) for a in children_of(h) if a.dep_ == "amod" and a.pos_ == "ADJ"],
                                      ("Actor",)) if r.entity.kind in _STATE_KINDS]

    def named_actor(self, g: Token) -> bool:
        """A complement that names an actor of its own: its demonyms qualify that actor ("par la
        milice kurde syrienne YPG": the YPG, not Syria)."""
        names = [self.ref_at(c) for c in children_of(g) if c.pos_ == "PROPN" and c.i > g.i
                 and not any(h.dep_ == "case" for h in children_of(c))]  # "la milice kurde YPG" read as a complement
        return any(r.entity.kind not in _STATE_KINDS for r in self.typed([*self.np(g), *names], ("Actor",)))

    def undergone(self, v: Token) -> bool:
        """A verb whose subject undergoes the attack: a passive ("tués par X") or a verb of dying
        ("ont péri dans une frappe de X")."""
        return self.passive(v) or self.passive_conjunct(v) or _in(v, self.rules.death_verbs) \
            or _phrase_length(v, self.rules.death_verbs) > 0

    def passive_conjunct(self, v: Token) -> bool:
        """A past participle coordinated with a passive verb, sharing its auxiliary ("ont été
        attaqués et tués par X": "tués" is passive too)."""
        return v.dep_ == "conj" and "Part" in morph_values(v, "VerbForm") and "Past" in morph_values(v, "Tense") \
            and not any(c.dep_.startswith("aux") for c in children_of(v)) and self.passive(v.head)

    def shared_agent(self, v: Token) -> Token | None:
        """The agent phrase of a passive verb, or the one its coordinated participle carries for both
        ("ont été attaqués et tués par X": X attacked them too)."""
        conjuncts = (c for c in children_of(v) if c.dep_ == "conj" and self.passive_conjunct(c))
        return agent_phrase(v, self.rules) or next(
            (p for c in conjuncts for p in [agent_phrase(c, self.rules)] if p is not None), None)

    def own_soil_fought(self, v: Token, targets: list[MentionRef], t: MentionRef, a: MentionRef) -> bool:
        """A place on the attacker's own soil, beside an actor hit, where unnamed fighters are
        killed or that it takes back ("l'armée tente de reprendre X", X its own): where it fights,
        not what it attacks."""
        fought_in = (self.kills_fighters(v) or _in(v, self.rules.capture_verbs)) \
            and "Region" in t.entity.types and "Actor" not in t.entity.types
        return (len(targets) > 1 or fought_in) and self.on_own_soil(t, a)

    def fought_at_home(self, a: MentionRef, places: list[MentionRef], cue: Token, k: int,
                       modality: str | None = None) -> None:
        """A state (or its force) that fights on its own soil is there (deployedIn), where it
        does not attack the place: the places but itself, unless the cue fires from afar ("a
        bombardé", "des frappes": the shooter need not be there)."""
        if a.entity.kind == "Person" or _in(cue, self.rules.remote_attack_words) or any(
                g.dep_ in _OBLIQUES and _in(g, self.rules.remote_attack_words) for c in children_of(cue) for g in (c, *children_of(c))):
            return  # "a tué des commandants lors de sa frappe sur X"
        for r in self.typed(places, ("Region",)):
            if r.entity.id != a.entity.id:
                self.add(a, "deployedIn", r, cue, k, 0.5, modality=modality)

    def kills_fighters(self, v: Token) -> bool:
        """An attack verb whose object is unnamed fighters ("l'armée a tué dix-huit combattants
        dans le nord du Sinaï"): the place is where a state fights on its own soil, not attacked."""
        return any((_in(c, self.rules.fighter_descriptions) or _in(c, self.rules.fighter_nouns)) and self.ref_at(c) is None
                   for c in self.direct_objects(v))

    def attacked_in(self, c: Token) -> list[MentionRef]:
        """What an attack verb's object names: its entities, or for a weapon hit the owner its
        genitive names ("abattu un avion de chasse des Forces armées soudanaises"; not the maker a
        demonym names: "un drone turc")."""
        found = self.np(c) or self.typed(self.holders_of(c), ("Actor",))  # "des villages tenus par X"
        if not found or not all("Weapon" in r.entity.types for r in found):
            return found
        owners = [r for g in self.genitives(c) for r in self.owners_of(g)]
        return [r for r in owners if r.entity.kind != "Person"] or found

    def owners_of(self, g: Token) -> list[MentionRef]:
        """The actors a genitive names, past a genitive of the weapon's own name ("un avion de
        chasse des Forces armées soudanaises")."""
        found = [r for r in self.typed(self.np(g), ("Actor",)) if "Weapon" not in r.entity.types]
        if not found and g.pos_ == "NOUN":
            found = [r for h in self.genitives(g) for r in self.typed(self.np(h), ("Actor",))
                     if "Weapon" not in r.entity.types]
        return found

    def activity(self, c: Token) -> bool:
        """An object that is an activity taken over or resumed, not a target ("a repris les
        opérations du groupe Wagner", "reprendre l'offensive"): whose it was is not attacked."""
        return _in(c, self.rules.operation_nouns) or _in(c, self.rules.attack_nouns) or (  # "a repris ses discussions"
            _possessive(c) and self.ref_at(c) is None and not _in(c, self.rules.facility_nouns) and not _in(c, self.forces)
            and not _in(c, self.rules.place_heads) and not _in(c, self.rules.stronghold_nouns)
            and not any(_in(t, self.rules.attack_nouns) for t in c.subtree))  # "a repris ses actes de destruction à X"

    def attack_verb(self, v: Token, k: int) -> None:
        if self.joined_wound(v) or self.held_place(v, k) or self.repels_attack(v) or self.hypothetical(v):
            return  # "si son pays était attaqué par X": a condition, no attack (its consequence is read)
        if self.undergone(v):
            agents, targets = self.undergone_agents(v), self.patient(v)
        else:
            agents = self.active_attackers(v)
            targets = self.active_targets(v, agents)
            agents = self.not_victims(agents, targets)
        targets = self.without_nationals(targets)  # "deux touristes, un Britannique et ...": no state hit
        home = [] if targets else self.home_forces(v, agents)  # the victims' state: an actor, the place apart
        targets = targets or home
        if (home or self.states_only(targets)) and not any(self.activity(c) for c in self.direct_objects(v)):
            targets = targets[:2] + self.act_place(v)  # "des positions du Hezbollah dans le sud du Liban": both
        targets = self.places_listed(targets[:3])  # "a bombardé X, Y et Z"
        self.note_unaimed(v, agents, targets)
        for a in self.hitters(agents):
            self.attack_targets(v, k, a, targets)
        self.taken_places(v, self.hitters(agents), targets, k)

    def joined_wound(self, v: Token) -> bool:
        """A verb of wounding (``wound_verbs``) coordinated with another attack verb and with no
        subject of its own ("a affirmé avoir tué ou blessé des commandants ... à X"): the first verb
        reads the phrase, whatever the parse hangs on the second; one with its own subject is read
        ("cinq soldats ont été tués et un conseiller américain blessé")."""
        return v.dep_ == "conj" and _in(v, self.rules.wound_verbs) and _in(v.head, self.rules.attack_verbs) \
            and not any(c.dep_.startswith("nsubj") for c in children_of(v))

    def apposed_participle(self, t: Token, k: int) -> None:
        """A passive participle of attacking set off by a comma after a place, with its "par"
        agent ("les habitants de la ville de X, pilonnée par Y", "le faubourg de X, théâtre de
        combats, pilonné par Y", "la province de X, pilonnée et assiégée par Y"), which the parse
        hangs elsewhere or tags a noun: the agent attacks the place, when the participle agrees
        with the place's noun and not with a word before the place the parse hangs it on."""
        if t.i < 2 or t.pos_ not in ("VERB", "NOUN", "ADJ") or self.tokens[t.i - 1].text != "," \
                or self.rules.grammar.participle_infinitive(lower_text(t)) not in self.rules.place_strike_participles:
            return
        place, noun = self.place_ending_at_comma(t)
        agent = self.participle_agent(t)
        if place is None or not agent or not _agree(t, noun) or t.dep_ == "acl" and _agree(t, t.head) \
                and t.head.idx < place.start:
            return  # "les chefs du village de X, visés par Y": the chiefs, not the place
        self.add(agent[0], "attacks", place, t, k, 0.6)

    def place_ending_at_comma(self, t: Token) -> tuple[MentionRef | None, Token]:
        """The place whose phrase ends at the comma before ``t``, past one apposition set off by
        commas that names no one and has no verb ("X, théâtre de combats depuis des mois, ..."),
        and the head noun of its phrase ("ville" of "la ville de X")."""
        lo, end = self.units.bounds(t)[0], t.i - 1
        commas = [w.i for w in self.tokens[lo:end] if w.text == ","]
        spans = [end] + ([commas[-1]] if commas and self.bare_apposition(commas[-1] + 1, end) else [])
        for stop in spans:
            found = [r for r in self.index.before(self.tokens[stop].idx, self.tokens[lo].idx)
                     if not self.text[r.end:self.tokens[stop].idx].strip()]
            places = self.typed(found[:1], ("Region",))
            if places:
                return places[0], self.phrase_head(self.root_of(places[0]))
        return None, t

    def bare_apposition(self, start: int, end: int) -> bool:
        """Words between two commas that open with a noun, name no one and hold no verb."""
        words = self.tokens[start:end]
        return bool(words) and words[0].pos_ == "NOUN" and not any(w.pos_ in ("VERB", "AUX", "PROPN") for w in words) \
            and not self.index.inside(words[0].idx, words[-1].idx + len(words[-1].text))

    @staticmethod
    def phrase_head(n: Token) -> Token:
        """The noun a name hangs on as its "de" complement ("ville" of "la ville de X"), else the
        name's own head word."""
        return n.head if n.pos_ == "PROPN" and n.dep_ == "nmod" and n.head.i < n.i and n.head.pos_ == "NOUN" else n

    def participle_agent(self, t: Token) -> list[MentionRef]:
        """The actor of the "par" phrase right after a participle, past participles coordinated
        with it ("pilonnée et assiégée par X")."""
        for w in self.tokens[t.i + 1: min(t.i + 5, len(self.tokens))]:
            if lower_text(w) == "par":
                return self.typed(self.np(w.head) if w.head.i > w.i else [], ("Actor",))[:1]
            if not (w.pos_ == "CCONJ" or self.rules.grammar.participle_infinitive(lower_text(w))):
                return []
        return []

    def attack_targets(self, v: Token, k: int, a: MentionRef, targets: list[MentionRef]) -> None:
        """``a`` attacks each target of an attack verb but a place of its own soil where it fights
        ("l'armée nigérienne a tué un chef de l'EI dans la région de X"), where it is instead (not
        where its own men are hit: "un colonel de l'armée a été abattu à X")."""
        for t in targets[:6]:
            if not self.own_soil_fought(v, targets, t, a):
                self.add(a, "attacks", t, v, k, 0.7, sea=not self.typed(targets, ("Actor",)))
            elif not any(h.entity.id == a.entity.id for h in targets):
                self.fought_at_home(a, [t], v, k)

    def taken_places(self, v: Token, agents: list[MentionRef], targets: list[MentionRef], k: int) -> None:
        """ "le M23 s'est emparé de Goma", "les talibans ont conquis Kandahar": who takes a place
        (a state only by a part of it: "s'est emparé d'une partie du pays") is there after,
        deployed in it, a state on its own soil too ("l'armée malienne a repris Kidal"); not an
        infinitive ("tente de reprendre X": not taken yet)."""
        if _in(v, self.rules.capture_verbs) and "Inf" not in morph_values(v, "VerbForm"):
            self.hold_taken(v, agents, targets, k)

    def capture_noun(self, n: Token, k: int) -> None:
        """ "la prise de Goma par le M23", "Wagner a revendiqué la prise de Bakhmout", "il revendique
        la reprise de la ville de Y": who takes a place (``capture_takers``) is there after,
        deployed in the place of the noun's first "de" phrase (not a state taken whole), a state on
        its own soil too."""
        phrase = next((g for g in children_of(n) if g.dep_ == "nmod" and g.i > n.i
                       and _introduced_by(g, self.rules.of_prepositions)), None)
        where = [r for r in self.typed(self.np(phrase), ("Region",)) if r.entity.kind not in _STATE_KINDS] \
            if phrase is not None else []
        if where:
            self.place_force(self.capture_takers(n)[:1], where[:2], n, k, 0.55, modality=self.noun_modality(n))

    def capture_takers(self, n: Token) -> list[MentionRef]:
        """The "par" agent of a noun of taking, else the subject of the verb of claiming it is the
        object of ("X revendique la prise de Y", not a pronoun); an armed actor only (``armed_named``)."""
        heads = [g for g in children_of(n) if g.dep_ == "nmod" and _introduced_by(g, self.rules.agent_prepositions)]
        if not heads and n.dep_ == "obj" and _in(n.head, self.rules.capture_claim_verbs):
            heads = [h for h in subjects_of(n.head, self.rules) if h.pos_ != "PRON"]  # a pronoun's antecedent is unsure
        return [r for h in heads[:1] for r in self.armed_named(h)]

    def armed_named(self, h: Token) -> list[MentionRef]:
        """The armed actors a noun phrase names: a state or a group, or the body its fighters are
        of ("les rebelles du Front de X", "les combattants de Y")."""
        named = [r for r in self.typed(self.np(h), ("Actor",)) if r.entity.kind in (*_STATE_KINDS, *_GROUP_KINDS)]
        if named or not _in(h, self.forces):
            return named
        return [r for g in children_of(h) if g.dep_ == "nmod" and _introduced_by(g, self.rules.of_prepositions)
                for r in self.typed(self.np(g), ("Actor",)) if r.entity.kind != "Person"][:1]

    def hold_taken(self, v: Token, agents: list[MentionRef], targets: list[MentionRef], k: int) -> None:
        """Each agent is in each place of ``targets`` it took (a state only by a part of it)."""
        part = any(_in(c, self.rules.place_part_nouns) for c in children_of(v))  # "une partie du pays": the state too
        for a in agents[:2]:
            for t in targets[:3]:
                if (part or t.entity.kind not in _STATE_KINDS) and self.typed([t], ("Region",)) \
                        and t.entity.id != a.entity.id:
                    self.add(a, "deployedIn", t, v, k, 0.6)

    @staticmethod
    def not_victims(agents: list[MentionRef], targets: list[MentionRef]) -> list[MentionRef]:
        """The doers of an attack verb that are not also what its object names ("affirment avoir
        tué des soldats du groupe X": the parse may make X the doer too; X is hit, no attacker)."""
        hit = {t.entity.id for t in targets}
        return [a for a in agents if a.entity.id not in hit]

    def states_only(self, targets: list[MentionRef]) -> bool:
        """Targets that name no place but states hit as actors ("cinq soldats nigériens ont été
        tués dans la région de X": the place is read too)."""
        return not self.typed(targets, ("Region",)) or all(r.entity.kind in _STATE_KINDS for r in targets)

    def undergone_agents(self, v: Token) -> list[MentionRef]:
        """Who does what a passive or a verb of dying undergoes: its agent, the author of the
        strike named as its means, else the group a described agent stands for."""
        phrase = self.shared_agent(v)
        return self.typed(self.np(phrase) if phrase is not None else [], ("Actor",)) or self.strike_agents(v) or (
            self.described_group(phrase) if phrase is not None else [])

    def act_place(self, v: Token) -> list[MentionRef]:
        """The first place after an attack verb's place prepositions, not one that only locates
        the place before it."""
        preps = (*self.rules.attack_place_prepositions, *self.rules.attack_prepositions.get(lower_lemma(v), ()))
        return [r for r in self.after_prep(self.right_window(v), preps, ("Region",)) if not self.container_of_place(r)][:1]

    def repels_attack(self, v: Token) -> bool:
        """A verb of repelling whose object is an attack ("a repoussé des attaques du JNIM dans la
        région de X"): the subject defends; the attack noun names who attacks."""
        return _in(v, self.rules.repel_verbs) and any(_in(c, self.rules.attack_nouns) for c in self.direct_objects(v))

    def home_forces(self, v: Token, agents: list[MentionRef]) -> list[MentionRef]:
        """The state whose forces an attack verb's victims are when the text names no owner
        ("Quatorze policiers ont péri dans une embuscade tendue par X", "ont tué quatre
        soldats"): the one state the text has act, never the attacker."""
        victims = subjects_of(v, self.rules)[:1] if self.undergone(v) else self.direct_objects(v)
        if not any(_in(t, self.rules.state_force_nouns) for t in victims):
            return []
        states = self.actor_states()
        actors = self.typed(agents, ("Actor",))
        if len(states) != 1 or not actors or any(a.entity.id == states[0].entity.id for a in actors):
            return []
        return states

    def actor_states(self, kinds=("State",)) -> list[MentionRef]:
        """Every state (an entity of ``kinds``) the text has act, each at its first mention."""
        states = {e.id: e for e in self.by_label.values() if e.kind in kinds and "Actor" in e.types}
        return [MentionRef(e, e.mentions[0]) for e in states.values()]

    def held_place(self, v: Token, k: int) -> bool:
        """A place described as held ("les collines de Kfar Chouba, occupées par Israël"): the
        holder is there, it does not attack it."""
        noun = self.held_noun(v)
        if noun is None or not _in(v, self.rules.holding_participles):
            return False
        for a in self.holders(v)[:1]:
            held = self.np(noun) or self.children_with(noun, self.rules.of_prepositions)  # "les fermes de X"
            apposed = self.place_before_comma(noun) if _in(noun, self.rules.place_heads) else []  # "X, cité contrôlée par Y"
            apposed = self.place_before_part(apposed[0]) or apposed if apposed else []  # "X, dans le nord de Z, ville ..."
            for place in (self.typed(held, ("Region",)) or apposed or self.place_before_comma(v))[:1]:
                self.add(a, "deployedIn", place, v, k, 0.55)
        return True

    def holders(self, v: Token) -> list[MentionRef]:
        """The actors the agent of a participle of holding names; no person holds ground: one
        named as the owner of a ruling body ("contrôlée par le régime de X") stands for the
        state he rules, if the text gives it, another holds nothing."""
        found = []
        for a in self.typed(self.agent(v), ("Actor",)):
            span = self.span_at(a) if a.entity.kind == "Person" else None
            if a.entity.kind != "Person":
                found.append(a)
            elif span is not None and span.start >= 2:
                noun = self.ruling_noun_before(span.start - 1, self.units.bounds(v)[0])
                found += self.typed(self.governed_state(noun, a)[:1], ("Actor",))
        return found

    def held_subject(self, v: Token) -> Token | None:
        """The passive subject of a main verb of holding when it names a place by its name or a
        place noun ("le récif de X est occupé par Y"; not people of a nationality, "huit
        Indonésiens sont détenus par le groupe")."""
        def place(c: Token) -> bool:
            named = self.np(c) if c.pos_ == "PROPN" or _in(c, self.rules.place_heads) else []
            return bool(self.typed(named or self.children_with(c, self.rules.of_prepositions), ("Region",)))
        return next((c for c in children_of(v) if c.dep_ == "nsubj:pass" and place(c)), None)

    def held_noun(self, v: Token) -> Token | None:
        """The noun a participle of holding with its agent is said of: its head ("la région,
        contrôlée par X"), that of the participle it is coordinated with ("la centrale, située
        dans le sud et occupée par X"), the place subject of a main passive verb ("l'îlot de X
        est occupé par Y"), or, where the parse hangs it on a clause, the place right before its
        comma (``held_place`` reads that)."""
        if v.dep_ == "acl" and self.passive(v):
            return v.head
        if not _past_participle(v) or not any(c.dep_ == "obl:agent" for c in children_of(v)):
            return None
        if v.dep_ == "ROOT" and self.passive(v):  # "le récif de X, revendiqué par A, est occupé par B"
            return self.held_subject(v)
        if v.dep_ == "conj" and v.head.dep_ == "acl" and _past_participle(v.head):
            return v.head.head
        return v.head if v.dep_ == "advcl" else None

    def deploy_verb(self, v: Token, k: int) -> None:
        troops_obj = self.unset_off([c for c in children_of(v) if c.dep_ == ("nsubj:pass" if self.passive(v) else "obj")])
        if _in(v, self.rules.troop_verbs) and not any(_in(c, self.rules.troop_nouns) or any(
                _in(g, self.rules.troop_nouns) for g in children_of(c)) for c in troops_obj):
            return self.passive_presence(v, k, troops_obj)
        if _in(v, self.rules.arrival_verbs) and not self.troops_arrive(v):
            return
        who, where = self.deployed(v, troops_obj), self.deployed_where(v)
        if not who:  # troops of the state the sentence before acts for, never on its own soil
            who, where = self.sender_before(v, where)
        for w in who[:2] + self.framing_bodies(v, who)[:1]:
            for r in where[:3]:
                self.add(w, "deployedIn", r, v, k, 0.7)

    def unset_off(self, objects: list[Token]) -> list[Token]:
        """The objects of a verb but those the parse hangs on it after a comma that follows one of
        its obliques after it ("arrivés à Bria, une ville de l'est du pays"): an aside on the place, whose
        state is not the one deployed."""
        def set_off(c: Token) -> bool:
            first = next(t.i for t in c.subtree if not t.is_punct or t.i == c.i)
            return first > 0 and self.tokens[first - 1].text == "," and any(
                o.dep_.startswith("obl") and c.head.i < o.i < c.i for o in children_of(c.head))
        return [c for c in objects if not set_off(c)]

    def withdraw_verb(self, v: Token, k: int) -> None:
        """Troops withdrawn from a place, or to one, are (were) there ("la Russie commence à
        retirer ses troupes du Kazakhstan", "les soldats sud-africains se sont retirés à Pemba"):
        the verb's object or reflexive subject must be troops or fighters."""
        troops = [c for c in children_of(v) if c.dep_ == ("nsubj:pass" if self.passive(v) else "obj")]
        heads = troops if not _reflexive(v) else subjects_of(v, self.rules)
        if not any(_in(c, self.forces) or any(_in(g, self.forces) for g in children_of(c)) for c in heads):
            return  # "la plupart des soldats": troops counted too
        who = self.deployed(v, [c for c in troops if _in(c, self.forces)])
        preps = (*self.rules.of_prepositions, *self.rules.deploy_prepositions)
        where = [r for h in (v, *troops) for group in self.place_groups_by(h, preps) for r in group][:2]
        self.place_force(who, where, v, k, 0.55)

    def place_groups_by(self, head: Token, preps) -> list[list[MentionRef]]:
        """The places of ``head``'s phrases introduced by ``preps`` ("du Kazakhstan")."""
        return [found for c in children_of(head) if c.dep_ in ("nmod", *_OBLIQUES) and _introduced_by(c, preps)
                and not _in(c, self.rules.border_nouns) for found in [self.typed(self.np(c), ("Region",))] if found]

    def framing_bodies(self, v: Token, who: list[MentionRef]) -> list[MentionRef]:
        """ "des policiers kényans envoyés en Haïti dans le cadre de la MMAS": the mission or
        force (an organisation or a group) a deployment is made within is there too."""
        if not who:
            return []
        return [r for c in children_of(v) if c.dep_.startswith("obl") and _in(c, self.rules.frame_nouns)
                for g in children_of(c) if g.dep_ == "nmod" for r in self.np(g)
                if r.entity.kind in (*_ORGANISATION_KINDS, *_GROUP_KINDS)]

    def passive_presence(self, v: Token, k: int, subjects: list[Token]) -> None:
        """ "L'Iran est engagé en Irak et en Syrie": a word of presence the tagger reads as a
        passive verb, said of a named actor (not of troops, not of a person), puts it there."""
        low = lower_text(v)
        if not self.passive(v) or not any(low in self.rules.grammar.inflect(w) for w in self.rules.presence_words):
            return
        where = self.deployed_where(v)  # "en Irak et en Syrie", however parsed
        self.place_force([r for c in subjects for r in self.typed([self.ref_at(c)], ("Actor",))],
                         self.places_listed(where[:1]) + where[1:3], v, k, 0.6)

    def objects_on_days(self, v: Token) -> list[Token]:
        """The object the parse hangs on a day after the verb ("ont fouillé mercredi la ville de X",
        "a revendiqué dimanche un attentat": "attentat" read as the day's)."""
        return [g for d in children_of(v) if self.time_phrase(d) for g in children_of(d)
                if g.dep_ in ("nmod", "obj") and g.i > d.i and not any(c.dep_ == "case" for c in children_of(g))]

    def time_phrase(self, d: Token) -> bool:
        """A phrase of time hung on a verb: a day ("mercredi"), a span ("depuis mi-avril",
        "depuis des mois", "depuis 2021")."""
        words = self.rules.time_words | self.rules.origin_time_words
        if lower_lemma(d) in words or lower_lemma(d).rsplit("-", 1)[-1] in words:
            return True
        return d.dep_.startswith("obl") and _introduced_by(d, self.rules.origin_prepositions) and d.pos_ in ("NOUN", "NUM")

    def hosted(self, v: Token, k: int) -> None:
        """ "Le pays a accueilli une soixantaine d'instructeurs russes", "le lac abrite des
        combattants de X", "une base irakienne abritant des soldats américains": the owner of
        troops or fighters a place hosts is there (not "accueillir un sommet", nor its own soil)."""
        if self.passive(v):
            return
        troops = [t for c in self.direct_objects(v) for t in (c, *children_of(c))
                  if _in(t, self.forces) and (t is c or t.dep_ == "nmod")]  # "une centaine de militaires"
        hosts = [v.head] if v.dep_ == "acl" else subjects_of(v, self.rules)[:1]
        where = self.typed([r for h in hosts for r in self.np(h)], ("Region",))
        self.place_force(self.typed(self.troop_owners(troops[:1]), ("Actor",)), where[:1], v, k, 0.6)

    def troop_owners(self, troops: list[Token]) -> list[MentionRef]:
        """Whose troop nouns these are, also by a demonym the parse reads as a clause
        ("des militaires russes")."""
        return [r for t in troops for r in self.np(t) or [
            self.ref_at(c) for c in children_of(t) if c.pos_ == "ADJ" and self.ref_at(c) is not None]]

    def place_gone_through(self, v: Token, k: int) -> None:
        """ "une unité des Frontier Corps fouillait le village de X", "les soldats défendent la ville
        de Y": the actor subject of a verb of going through a place is in it (not on its own soil);
        one of defending only in a town or an area, never in a state (a stance)."""
        if self.passive(v):
            return
        where = self.typed([r for c in self.direct_objects(v) + self.objects_on_days(v) for r in self.np(c)], ("Region",))
        if _in(v, self.rules.local_presence_object_verbs):  # "défendre la ville de X", not "défendre l'Ukraine"
            where = [r for r in where if r.entity.kind not in _STATE_KINDS]
        self.place_force(self.typed(self.subject(v), ("Actor",)), self.places_listed(where[:1]) + where[1:2], v, k, 0.6)

    def settled(self, v: Token, k: int, reflexive: bool = True) -> None:
        """ "les ADF, qui se sont installés en RDC", "les jihadistes se sont retranchés dans la
        forêt": an armed actor (a group, a state or its troops) that settles itself in a place is
        there (a reflexive verb, or its passive: "les ADF sont implantés dans X"; "installer des
        caméras" is none); a verb of roaming needs no reflexive ("les jihadistes sévissent dans
        le centre")."""
        if reflexive and not self.settling_form(v):
            return
        heads = [v.head] if v.dep_ in ("acl", "amod") and (_past_participle(v) or not reflexive) else (
            subjects_of(v, self.rules)[:1] or self.inverted_subject(v))
        who = self.settlers(heads)
        # the place phrase after the verb over a fronted one ("En Afrique centrale, les ADF évoluent dans X")
        where = self._place_group(v, _OBLIQUES, after=v.i) or self.deployed_where(v)
        self.place_force(who, self.places_listed(where[:1]) + where[1:2], v, k, 0.6)

    def settlers(self, heads: list[Token]) -> list[MentionRef]:
        """The armed actors (groups, states) the subjects of a verb of settling name: a pronoun
        names no state by a demonym ("des rebelles ougandais, qui ... où ils se sont installés");
        a description apposed to a name is that name ("X, un groupe armé opérant dans Y")."""
        who = [r for h in heads for r in self.np(h) or self.actor_before_comma(h)
               if not (h.pos_ == "PRON" and self.adjectival(r))]
        return [r for r in self.typed(who, ("Actor",)) if r.entity.kind in (*_GROUP_KINDS, *_STATE_KINDS)
                and not self.origin_of_group(r, heads)]

    def actor_before_comma(self, n: Token) -> list[MentionRef]:
        """The actor named right before the comma that opens a description on ``n``, past its
        bracketed acronym ("les ADF, un groupe armé opérant dans X", "l'Armée X (KIA), un groupe ...")."""
        k, lo = n.i - 1, self.units.bounds(n)[0]
        while k >= lo and self.tokens[k].pos_ in ("DET", "ADJ"):  # "un autre groupe"
            k -= 1
        if k < 2 or self.tokens[k].text != "," or n.pos_ != "NOUN" or self.ref_at(n) is not None:
            return []
        k -= 2 if self.tokens[k - 1].text == ")" else 1
        return self.typed([self.ref_at(self.tokens[k])], ("Actor",))

    def settling_form(self, v: Token) -> bool:
        """A verb of settling said without an object: reflexive, a participle of its noun, or
        passive ("les ADF sont implantés dans X")."""
        return _reflexive(v) or self.settled_participle(v) or any(c.dep_ == "aux:pass" for c in children_of(v))

    def settled_participle(self, v: Token) -> bool:
        """A participle of settling said of its noun ("les jihadistes, implantés dans X") or after a
        relative "où" ("où est retranché X"): settled without a reflexive."""
        return _past_participle(v) and (v.dep_ in ("acl", "amod") or bool(self.relative_place(v)))

    def control_word(self, t: Token, k: int) -> None:
        """ "les FSR contrôlent une grande partie de Khartoum, de l'État d'al-Jazira et du
        Darfour", "les Houthis, qui contrôlent de larges pans du Yémen": an armed actor (a group,
        a state or its troops, no person) that holds a place, or a part of it, is there.  Read
        off the words (the tagger often takes the verb for an adjective): the actor right before
        or the antecedent of the relative pronoun before.  The passive ("la ville, contrôlée par
        X") is ``held_place``; a noun ("le contrôle de X") holds nothing."""
        prev = self.tokens[t.i - 1]
        if prev.pos_ in ("DET", "ADP") or "Part" in morph_values(t, "VerbForm") or self.passive(t):
            return
        who = self.relative_antecedent(prev) if lower_text(prev) in self.rules.relative_pronouns \
            else self.np(prev) if lower_text(prev) in self.rules.subject_pronouns \
            else [r for r in [self.word_subject(t)] if r is not None]  # "ils occupent X": the pronoun's antecedent
        who = [r for r in who if r.entity.kind in (*_GROUP_KINDS, *_STATE_KINDS)]
        if who and not self.denial(t) and not self.hypothetical(t):
            self.place_force(who[:1], self.held_in_words(self.right_window(t))[:5], t, k, 0.6)

    def held_in_words(self, window: list[Token]) -> list[MentionRef]:
        """The places a verb of holding names right after it ("contrôlent Kaboul") and those
        its part nouns or directions are of, the list going on ("une grande partie de X, de Y
        (centre) ainsi que des zones du Z", "le nord du Mali"); the first other word ends it."""
        found: list[MentionRef] = []
        depth = 0
        for w in window:
            depth += (w.text == "(") - (w.text == ")")
            ref = self.ref_at(w)
            if ref is not None and self.typed([ref], ("Region",)):
                if not found or found[-1].entity.id != ref.entity.id:
                    found.append(ref)
            elif not (depth or w.text == ")" or w.pos_ in ("DET", "ADJ", "ADV", "PUNCT", "CCONJ", "SCONJ")
                      or lower_text(w) in self.rules.of_prepositions or _in(w, self.rules.place_part_nouns)
                      or _in(w, self.rules.direction_words) or _in(w, self.rules.place_heads)):
                break  # "la capitale du Yémen, Sanaa": a place noun goes on to the name
        return found

    def place_force(self, who: list[MentionRef], where: list[MentionRef], cue: Token, k: int,
                    confidence: float, modality: str | None = None) -> None:
        """The first of ``who`` that is no person is in each place of ``where`` but itself, on
        its own soil too ("l'armée malienne, retranchée à X": a state's troops at home are there)."""
        for w in [r for r in who if r.entity.kind != "Person"][:1]:
            for r in where:
                if r.entity.id != w.entity.id:
                    self.add(w, "deployedIn", r, cue, k, confidence, modality=modality)

    def sender_before(self, v: Token, where: list[MentionRef]) -> tuple[list[MentionRef], list[MentionRef]]:
        """``sender`` and the places of ``where`` but the sender itself (its own soil counts:
        "l'armée malienne a annoncé ... Des renforts ont été envoyés à X")."""
        who = self.sender(v)
        return who, [r for r in where if not any(r.entity.id == w.entity.id for w in who)]

    def sender(self, v: Token) -> list[MentionRef]:
        """The state whose troops a passive deployment names without owner ("Plusieurs
        centaines de militaires ont été déployés à X"), when the sentence before has it as the
        subject (a state or its body: "l'armée rwandaise a annoncé ...") and no other state is
        named in either sentence."""
        lo = self.units.bounds(v)[0]
        if not self.passive(v) or lo == 0 or not self.ownerless_troops(v, lo):
            return []
        prev_lo = self.units.bounds(self.tokens[lo - 1])[0]
        states = self.acting_states(prev_lo, v)
        subjects = [r for t in self.tokens[prev_lo: lo] if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"
                    for r in self.state_of_body(t) or self.np(t) if r.entity.kind in _STATE_KINDS]
        return subjects[:1] if len(states) == 1 and subjects and subjects[0].entity.id in states else []

    def acting_states(self, lo: int, v: Token) -> set[str]:
        """The states named from token ``lo`` to ``v`` other than as a place ("au Mozambique")."""
        return {r.entity.id for r in self.index.before(v.idx, self.tokens[lo].idx) if r.entity.kind in _STATE_KINDS
                and not _introduced_by(self.root_of(r), self.rules.deploy_prepositions)}

    def ownerless_troops(self, v: Token, lo: int) -> bool:
        """Whether the first troop noun before ``v`` in its sentence names no owner."""
        troops = [t for t in self.tokens[lo: v.i] if _in(t, self.rules.troop_nouns)]
        return bool(troops) and not _possessive(troops[0]) and not any(
            c.dep_ in ("amod", "nmod") and self.ref_at(c) for c in children_of(troops[0]))

    def deployed_where(self, v: Token) -> list[MentionRef]:
        """Where a deployment verb deploys: the antecedent of its place relative ("où"), else
        its first place phrase with the places coordinated in it, else a place after it; the
        first place with the places listed after it, however the parse hangs them ("stationnés
        à X, Y et Z", "dans les régions de X, Y et Z, où ...")."""
        where = self.relative_place(v) or self._place_group(v, ("obl", "obl:arg", "obl:mod")) or self.clitic_place(v)
        where = where or self.after_prep(self.right_window(v), self.rules.deploy_window_prepositions, ("Region",))[:1]
        listed = self.places_listed(where[:1])
        return listed + [r for r in where[1:] if r.entity.id not in {o.entity.id for o in listed}]

    def relative_place(self, v: Token) -> list[MentionRef]:
        """The place a relative "où" on ``v`` stands for ("le camp de X, où est retranché le groupe"),
        or on the verb of saying an infinitive of ``v`` hangs on ("X, où Moscou affirme avoir
        déployé des missiles")."""
        heads = (v, v.head) if v.dep_ == "xcomp" else (v,)
        found = next((self.typed(self.relative_antecedent(c), ("Region",)) for h in heads for c in children_of(h)
                      if lower_text(c) in self.rules.place_relative_pronouns and c.i < v.i), [])
        return self.place_before_part(found[0]) or found if found else []

    def place_before_part(self, ref: MentionRef) -> list[MentionRef]:
        """The place right before the phrase that locates it in ``ref`` ("le camp de X dans le nord
        du Liban, où ...", "la ville de Y, dans l'État de Z, où ...": the camp, the town, which the
        phrase only locates)."""
        span = self.span_at(ref)
        if span is None:
            return []
        k, container = span.start - 1, False
        while k > 0 and span.start - k <= 7 and self.locating_word(self.tokens[k]):
            container = container or lower_text(self.tokens[k]) in self.rules.container_prepositions
            k -= 1
        before = self.ref_at(self.tokens[k]) if container and k >= 0 else None
        return [before] if before is not None and before.entity.id != ref.entity.id and self.typed([before], ("Region",)) else []

    def locating_word(self, t: Token) -> bool:
        """A word of a phrase that locates a place in another ("dans le nord du", ", dans l'État de")."""
        low = lower_text(t)
        return t.pos_ == "DET" or t.text == "," or low in self.rules.of_prepositions or low in self.rules.container_prepositions \
            or _in(t, self.rules.direction_words) or _in(t, self.rules.place_heads)

    def clitic_place(self, v: Token) -> list[MentionRef]:
        """The place a locative clitic on a deployment verb stands for ("se rendra en Pologne et
        y déploiera trois unités"): the nearest place before it in its sentence, else the first
        after it ("Avec 500 000 soldats qui y sont déployés, la vallée de X est ...")."""
        if not any(lower_text(c) in self.rules.place_clitics and c.i < v.i for c in children_of(v)):
            return []
        lo, hi = self.units.bounds(v)
        start, end = self.tokens[lo].idx, self.tokens[hi - 1].idx + len(self.tokens[hi - 1])
        before = self.typed(self.index.before(v.idx, start), ("Region",))
        after = [r for r in self.typed(self.index.inside(v.idx, end), ("Region",)) if r.start > v.idx]
        return [r for r in before if not self.adjectival(r)][:1] or after[:1]

    def troops_arrive(self, v: Token) -> bool:
        """Whether an arrival verb's subject is troops ("des militaires russes arrivés à X",
        "les soldats sont arrivés à X"), the only arrival that deploys."""
        heads = [v.head] if v.dep_ in ("acl", "amod") else subjects_of(v, self.rules)
        if not heads and "Part" in morph_values(v, "VerbForm"):  # the parse left it no subject
            heads = self.troops_before(v) or self.fronted_subjects(v)[:1]  # "Débarqués à X, les soldats ..."
        return any(_in(h, self.forces) or self.force_named(h) and _in(h, self.rules.quantity_nouns) for h in heads)

    def troops_before(self, v: Token) -> list[Token]:
        """The troop nouns between the last comma before a verb and the verb ("Selon X, des
        instructeurs du groupe Wagner seraient arrivés", the troops hung on X by the parse)."""
        lo = self.units.bounds(v)[0]
        comma = next((t.i for t in reversed(self.tokens[lo: v.i]) if t.text == ","), lo - 1)
        return [t for t in self.tokens[comma + 1: v.i] if _in(t, self.forces)]

    def deployed(self, v: Token, troops_obj: list[Token]) -> list[MentionRef]:
        """Who a deployment verb deploys: a passive verb's patient, an active verb's troops or
        else its subject ("la Russie a déployé"), or the troops before a participle the parse
        left alone."""
        who = self.typed(self.patient(v) if self.passive(v) else [
            r for c in troops_obj for r in self.np(c)], ("Actor",)) or self.craft_owners(v)
        if not who and not self.passive(v):
            who = [r for r in self.typed(self.subject(v), ("Actor",))
                   if not self.origin_of_group(r, subjects_of(v, self.rules)[:1])]
        if not who and "Part" in morph_values(v, "VerbForm") and not subjects_of(v, self.rules):
            who = self.participle_forces(v)
        return self.bracketed_body(subjects_of(v, self.rules)[:1] or [v.head], who) or who

    def participle_forces(self, v: Token) -> list[MentionRef]:
        """Who a participle of deployment the parse left without a subject deploys: the noun
        phrase right before it, the subject of the clause it is set before, or the troops put
        after it by a relative "où"."""
        return self.typed(self.noun_before(v), ("Actor",)) or self.fronted_forces(v) \
            or self.typed(self.troop_owners(self.relative_troops(v)), ("Actor",))

    def craft_owners(self, v: Token) -> list[MentionRef]:
        """ "une frégate marocaine a été déployée au large de X", "le porte-avions français, déployé
        en Y": the state a demonym names on the troop noun (a warship the entity stage read as a
        weapon) a passive deployment is said of."""
        if not self.passive(v):
            return []
        heads = [v.head] if v.dep_ == "acl" else subjects_of(v, self.rules)
        return [r for h in heads if _in(h, self.rules.troop_nouns) for c in children_of(h) if c.dep_ == "amod"
                for r in self.typed([self.ref_at(c)], ("Actor",)) if r.entity.kind in _STATE_KINDS][:1]

    def relative_troops(self, v: Token) -> list[Token]:
        """The troops put after a participle of deployment opened by a relative "où", however the
        parse hangs them ("la ville de X, où sont stationnés des militaires tchadiens": "des" read
        as a preposition)."""
        if not any(lower_text(c) in self.rules.place_relative_pronouns for c in children_of(v) if c.i < v.i):
            return []
        return [c for c in children_of(v) if c.i > v.i and c.dep_ in ("nsubj", "nsubj:pass", "obj", "obl:arg")
                and _in(c, self.forces)][:1]

    def fronted_forces(self, v: Token) -> list[MentionRef]:
        """ "Déployée dans X, l'armée rwandaise assure ...": the subject of the clause a past
        participle is set before, when it is troops or an armed actor (a state, a group), not
        "Basée à Genève, l'ONG X"."""
        if "Past" not in morph_values(v, "Tense"):
            return []
        return [r for s in self.fronted_subjects(v)[:1] for r in self.force_named(s)]

    def fronted_subjects(self, v: Token) -> list[Token]:
        """The subjects of the clause a participle or a word of presence is set before ("Déjà
        présente au Mali, la Russie renforce ..."), also when the parse makes the participle the
        root and the clause's verb a dependent of it ("Déployés à X, des soldats sécurisent ...")."""
        if v.dep_ == "ROOT" and v.i == self.units.bounds(v)[0]:
            clause = next((c for c in children_of(v) if c.dep_ in ("advcl", "parataxis") and c.pos_ == "VERB"), None)
        else:
            clause = v.head if v.dep_ == "advcl" and v.head.pos_ == "VERB" and v.i < v.head.i else None
        return [c for c in children_of(clause) if c.dep_ in ("nsubj", "nsubj:pass") and c.i > v.i] if clause is not None else []

    def bracketed_body(self, heads: list[Token], who: list[MentionRef]) -> list[MentionRef]:
        """ "Le gouvernement libyen d'union nationale (GNA) ... basé à Tripoli": a subject read
        as its state whose bracketed acronym names a body of its own is that body."""
        if not who or who[0].entity.kind not in _STATE_KINDS:
            return []
        return [r for h in heads for c in children_of(h) if c.dep_ == "appos" and c.i > 0
                and self.tokens[c.i - 1].text == "(" for r in [self.ref_at(c)]
                if r is not None and r.entity.kind in (*_ORGANISATION_KINDS, *_GROUP_KINDS)][:1]

    def origin_of_group(self, ref: MentionRef, heads: list[Token]) -> bool:
        """ "Plusieurs groupes palestiniens armés opèrent à Gaza", "des jihadistes maliens": a
        state read off a demonym on a subject noun of armed groups or fighters says where they
        come from; the state is not the one there (a state's troops are: "les soldats français")."""
        return ref.entity.kind in _STATE_KINDS and any(
            (_in(h, self.rules.fighter_nouns) or _in(h, self.rules.armed_group_nouns)) and self.ref_at(h) is None
            for h in heads)

    def troop_noun(self, n: Token, k: int) -> None:
        """ "les soldats américains en Irak", "le retrait des forces françaises dans ce pays",
        "les troupes russes ont pris position en Syrie": a state's troops and the place a
        phrase puts them in, without a deployment verb, on the state's own soil too ("les
        soldats maliens à X")."""
        kinds = (_STATE_KINDS if _in(n, self.rules.troop_nouns) else ()) + (
            _GROUP_KINDS if _in(n, self.rules.fighter_nouns) else ())
        owners = [] if _possessive(n) else self.children_with(n, self.rules.of_prepositions, ("nmod",))  # "ses soldats du Mali": where
        who = self.typed([self.ref_at(c) for c in children_of(n) if c.dep_ == "amod"] + owners, ("Actor",))
        who = [w for w in who if w.entity.kind in kinds] or self.holding_state(n, kinds)
        where = (self.troop_place(n) or self.counted_place(n)) if who else []
        where = self.places_listed(where[:1] + self.included(where[:1])) + where[1:]
        where += self.counted_after(n, where[:1])
        for w in who[:1]:
            self.troops_in(w, where[:3], n, k)

    def troops_in(self, w: MentionRef, where: list[MentionRef], n: Token, k: int) -> None:
        """Troops of ``w`` are in each place of ``where`` but ``w`` itself; one of its own soil
        only when a phrase of theirs or a verb of the field puts them there (``in_the_field``)."""
        for r in where:
            if r.entity.id != w.entity.id and (not self.on_own_soil(r, w) or self.in_the_field(n)):
                self.add(w, "deployedIn", r, n, k, 0.55)

    def in_the_field(self, n: Token) -> bool:
        """Whether troops are said to be at a place of their own state's soil by a phrase of
        their own ("les soldats maliens à X") or as the subject of a verb of the field (fighting,
        deploying, holding, going through, guarding: "l'armée combat les jihadistes dans la
        région de X"); not of any other verb ("À X, l'armée a présenté un drone": the place of
        a ceremony or a statement at home)."""
        if n.dep_ != "nsubj" or n.head.pos_ != "VERB" or self._place_group(n, ("nmod",)):
            return True
        return _in(n.head, _field_verbs(self.rules))

    def clash_noun(self, n: Token, k: int) -> None:
        """ "les affrontements entre l'armée et les rebelles", "des combats opposant X à Y": fighting
        stated between two sides, each attacks the other; the noun read for a verb of fighting that
        has a subject and an object ("le PKK, qui combat l'armée turque") is that verb."""
        if self.objects_of_noun_verb(n):
            return self.fight_verb(n, k)
        sides = self.clash_sides(n)
        modality = self.noun_modality(n)
        self.fight_between(sides, n, k, modality)
        places = self.clash_places(n, sides[:2])
        self.fought_in(sides[:2] if len(sides) > 1 else [], places, n, k, modality)
        army = self.reporting_army(n) if len(sides) < 2 else []
        if army:  # "des assaillants ont péri dans des combats près de Y, a annoncé l'armée X"
            self.fought_in(self.distinct(army + sides), self.clash_places(n, army), n, k, modality)
        elif not any(r.entity.kind in _STATE_KINDS for r in sides):
            forces = self.home_forces_at(n)
            if forces:  # "combats ... près de X, dans le nord du pays Y": X, not Y itself
                where = [r for r in places if r.entity.kind not in _STATE_KINDS]
                self.home_forces_fought(where or self.home_forces_place(n, forces), n, k, modality)

    def near_place(self, ref: MentionRef) -> bool:
        """A place named right after a word of nearness (``near_words``: "près de X", "aux abords
        de X"): what happens there is beside it, not stated in it."""
        span = self.span_at(ref)
        if span is None or not len(span):
            return False
        lo = max(self.units.bounds(span[0])[0], span[0].i - 4)
        return any(lower_text(t) in self.rules.near_words for t in self.tokens[lo: span[0].i])

    def home_forces_place(self, n: Token, forces: list[Token]) -> list[MentionRef]:
        """Where a clash the parse gives no place of its own was fought: the place phrase hung on
        its forces ("avec des militaires dans la province de X"), else on the verb the noun
        (or its "lors de") is a phrase of ("ont péri lors d'un accrochage ... dans la région de X")."""
        verb = n.head.head if n.head.pos_ == "ADV" else n.head
        heads = [(t, ("nmod",)) for t in forces] + ([(verb, _OBLIQUES)] if verb.pos_ == "VERB" else [])
        return next((g for h, deps in heads for g in self.place_groups(h, deps)), [])

    def home_forces_at(self, n: Token) -> list[Token]:
        """The forces named with no owner (``home_force_nouns``) in the sentence of the clash noun
        ``n``: a side of it ("un affrontement avec des militaires", "entre soldats et rebelles",
        "les combats se sont déroulés à X où les troupes gouvernementales ont ...", "cinq soldats
        ont été blessés dans ces combats")."""
        lo, hi = self.units.bounds(n)
        return [t for t in self.tokens[lo:hi] if self.home_force(t)]

    def home_force(self, t: Token) -> bool:
        """A noun of a state's own forces with no owner named: no entity but a state the text
        already reads it as, no actor among its phrases ("des soldats maliens", "les militaires
        de X" have one), and for a qualified noun a qualifier of a state's own forces ("les
        troupes gouvernementales")."""
        rules, ref = self.rules, self.ref_at(t)
        own = ref.entity if ref is not None else None
        if t.pos_ != "NOUN" or not _in(t, rules.home_force_nouns) or (own is not None and own.kind not in _STATE_KINDS):
            return False
        phrases = [c for c in children_of(t) if c.dep_ in ("amod", "nmod")]
        if any(r.entity is not own for r in self.typed([self.ref_at(c) for c in phrases], ("Actor",))):
            return False
        return not _in(t, rules.home_force_qualified_nouns) or any(_in(c, rules.home_force_qualifiers) for c in phrases)

    def home_forces_fought(self, where: list[MentionRef], n: Token, k: int, modality: str | None) -> None:
        """Forces with no owner that fight at a place are those of the one state (an actor) the
        place lies in (``on_own_soil``), so that state is there ("douze hommes armés tués dans
        un affrontement avec des militaires dans l'Etat de X": the state of X is in X); the place
        is the clash's, else the one the parse hangs on the forces."""
        where = [r for r in where if not self.near_place(r)]
        if not where:
            return
        home = [s for s in self.actor_states(_STATE_KINDS)
                if any(p.entity.id != s.entity.id and self.on_own_soil(p, s) for p in where[:2])]
        if len(home) == 1:
            self.fought_in(home, where, n, k, modality)

    def reporting_army(self, n: Token) -> list[MentionRef]:
        """The state whose army (a troop noun with its demonym or name: "l'armée égyptienne")
        reports, in the sentence of a clash noun, the fighting the noun states with no two sides
        named: a side of it."""
        lo, hi = self.units.bounds(n)
        speakers = {st.speaker for st in self.statements_at(n.idx) if st.speaker}
        return [r for r in self.index.inside(self.tokens[lo].idx, self.tokens[hi - 1].idx) if r.entity.id in speakers
                and r.entity.kind in _STATE_KINDS and self.army_mention(r)][:1] if hi > lo else []

    def army_mention(self, ref: MentionRef) -> bool:
        """A state's mention that names its forces: a troop noun (``troop_nouns``) its demonym
        or its name is a phrase of ("l'armée égyptienne", "l'armée du Niger")."""
        t = self.root_of(ref)
        return t.dep_ in ("amod", "nmod") and t.head.pos_ == "NOUN" and _in(t.head, self.rules.troop_nouns)

    def war_noun(self, n: Token, k: int) -> None:
        """ "la guerre entre X et Y", "le conflit qui oppose X à Y": a war stated between two named
        sides is fighting between them, each attacks the other; no side of a war is placed by it
        (its places are its theatre); else a war noun of opposing is read as one ("mener une guerre
        contre X": ``stance_noun``)."""
        sides = self.named_sides(n)
        sides = sides if len(sides) > 1 else self.engaged_sides(n)
        if len(sides) > 1:
            if self.averted_war(n):
                return None
            return self.fight_between(sides, n, k, self.noun_modality(n))
        if self.war_by_named_author(n) and not self.averted_war(n):
            return self.strike_noun(n, k)  # "la guerre de X contre Y", "la guerre lancée par X en Y"
        return self.stance_noun(n, k, "opposes") if _in(n, self.rules.oppose_nouns) else None

    def war_by_named_author(self, n: Token) -> bool:
        """A war noun whose own phrase names who wages it: a "de" actor with a "contre" aim ("la
        guerre de X contre Y"; "la guerre d'Irak" is a place) or a participle with
        an agent ("la guerre lancée par X en Y")."""
        genitive = any(c.dep_ == "nmod" and c.i > n.i and _introduced_by(c, self.rules.of_prepositions)
                       and self.typed(self.np(c), ("Actor",)) for c in children_of(n))
        aimed = any(c.dep_ == "nmod" and c.i > n.i and self.hostile(c) for c in children_of(n))
        return genitive and aimed or any(a.dep_ == "acl" and self.passive(a) and self.typed(self.agent(a), ("Actor",))
                                         for a in children_of(n))

    def averted_war(self, n: Token) -> bool:
        """A war feared, risked or kept off by a word up to three heads above it ("redoutent le
        déclenchement d'une guerre entre X et Y", "pour éviter un conflit entre X et Y")."""
        heads, current = [], n
        while len(heads) < 3 and current.head.i != current.i:
            current = current.head
            heads.append(current)
        return any(_in(g, self.rules.averted_war_words) for g in heads)

    def fight_between(self, sides: list[MentionRef], n: Token, k: int, modality: str | None) -> None:
        """The first two sides of fighting attack each other (no person is a side)."""
        for a in sides[:2]:
            for b in sides[:2]:
                if a.entity.kind != "Person" and b.entity.kind != "Person":
                    self.add(a, "attacks", b, n, k, 0.55, modality=modality)

    def named_sides(self, n: Token) -> list[MentionRef]:
        """The sides a noun of fighting names: its "entre" phrase (on its verb too, for a subject)
        and the verb of opposing on it ("le conflit qui oppose X à Y")."""
        holders = [n, n.head] if n.dep_.startswith("nsubj") else [n]  # "les combats ont eu lieu ... entre X et Y"
        holders += [c for h in holders[1:] for c in children_of(h) if c.dep_ in _OBLIQUES and c.pos_ == "PROPN"]  # "en X entre"
        holders += self.clause_holders(n)
        phrases = self.between_phrases(holders) + self.between_hung_above(n)
        sides = [r for c in phrases or self.between_in_order(n) for r in self.sides_between(c)]
        sides += self.side_after(sides[0]) if len(sides) == 1 else []
        verbs = self.opposing_verbs(n) + self.hung_above(n, [c for c in children_of(n.head) if c.dep_ in ("acl", "acl:relcl")])
        return self.distinct(sides + [r for v in verbs for r in self.opposed_sides(v)])

    def clause_holders(self, n: Token) -> list[Token]:
        """The words of a fighting noun's own clause an "entre" phrase naming its sides may hang on
        past other complements: a relative clause on it whose subject is the relative pronoun ("le
        conflit qui dure depuis l'hiver dans le district de X entre A et B"), and the time
        nouns the parse hangs on that clause's verb or on the verb the noun is the subject of ("les
        combats se sont poursuivis pour un deuxième jour dans le district de X entre A et B"); not a place
        noun ("dans la zone frontalière entre A et B": a border, no sides)."""
        relatives = [c for c in children_of(n) if c.dep_ == "acl:relcl" and any(
            g.dep_ == "nsubj" and lower_text(g) in self.rules.relative_pronouns for g in children_of(c))]
        verbs = relatives + ([n.head] if n.dep_.startswith("nsubj") else [])
        return relatives + [c for v in verbs for c in children_of(v)
                            if c.dep_ in _OBLIQUES and c.pos_ == "NOUN" and _in(c, self.rules.origin_time_words)]

    def between_phrases(self, holders: list[Token]) -> list[Token]:
        """The "entre" phrases on these words."""
        return [c for h in holders for c in children_of(h)
                if c.dep_ in ("nmod", *_OBLIQUES) and _introduced_by(c, self.rules.between_prepositions)]

    def between_in_order(self, n: Token) -> list[Token]:
        """The "entre" phrase that comes right after a noun of fighting, wherever the parse hung it
        ("des combats se sont produits ce jeudi entre X et Y", hung on the day; "les combats se
        poursuivent entre X et Y"): only modifiers, a day, and the verb the noun is the subject of
        with its auxiliaries and object of occurrence may come between; not for a war noun, whose
        sides are more often told by description ("la guerre de 2006 entre X et la formation Y")."""
        if not _in(n, self.rules.clash_nouns):
            return []
        verb = n.head if n.dep_.startswith("nsubj") else self.verb_right_after(n)
        for t in self.tokens[n.i + 1: min(n.i + 10, self.units.bounds(n)[1])]:
            if lower_text(t) in self.rules.between_prepositions:
                return [t.head] if t.dep_ == "case" and t.head.i > t.i else []
            if not (t.pos_ in ("ADJ", "ADV", "DET", "NUM") or t.dep_.startswith(("aux", "expl"))
                    or _in(t, self.rules.origin_time_words)
                    or verb is not None and (t.i == verb.i or t.head.i == verb.i and t.dep_ == "obj")):
                return []
        return []

    def verb_right_after(self, n: Token) -> Token | None:
        """The verb right after a noun, past its pronouns and auxiliaries, however the parse hung
        the noun ("... et les combats se poursuivent entre X et Y", the noun read as a conjunct)."""
        for t in self.tokens[n.i + 1: min(n.i + 5, len(self.tokens))]:
            if t.pos_ == "VERB":
                return t
            if not t.dep_.startswith(("aux", "expl")):
                return None
        return None

    def between_hung_above(self, n: Token) -> list[Token]:
        """An "entre" phrase right after a noun complement that the parse hangs on the noun above it
        ("le début de la guerre entre X et Y", "le théâtre d'échanges de tirs, principalement entre
        X et Y")."""
        return self.hung_above(n, self.between_phrases([n.head]))

    def hung_above(self, n: Token, phrases: list[Token]) -> list[Token]:
        """Of phrases on the noun above a noun complement, those right after the complement (only
        punctuation and adverbs between): the complement's own, however the parse hung them ("le
        cessez-le-feu du conflit qui opposait X à Y": the conflict's relative clause)."""
        if n.dep_ != "nmod" or n.head.i >= n.i:
            return []
        return [c for c in phrases if c.left_edge.i > n.right_edge.i and all(
            t.pos_ in ("PUNCT", "ADV") for t in self.tokens[n.right_edge.i + 1:c.left_edge.i])]

    def clash_sides(self, n: Token) -> list[MentionRef]:
        """The sides a clash noun names: its "entre" phrase and verb of opposing (``named_sides``),
        else its "avec" partner and the clause's subject, else those its dead name (``fallen_sides``)."""
        sides = self.named_sides(n)
        sides = sides if len(sides) > 1 else self.distinct(sides + self.partner_sides(n))
        sides = sides if len(sides) > 1 else self.engaged_sides(n)
        return sides if len(sides) > 1 else self.fallen_sides(n)

    def engaged_sides(self, n: Token) -> list[MentionRef]:
        """ "l'armée et les rebelles sont engagés dans un conflit", "X et Y se livrent des combats":
        an indefinite war or clash noun that a verb of waging (``waging_verbs``; reflexive for
        ``reciprocal_waging_verbs``) takes, aimed at no one and with no partner, has as sides the
        actors its subject lists (not "X et Y sont engagés dans le conflit syrien", "... contre Z")."""
        verb, r = n.head, self.rules
        if verb.pos_ != "VERB" or lower_lemma(verb) not in r.waging_verbs or not n.dep_.startswith(("obl", "obj")) \
                or lower_lemma(verb) in r.reciprocal_waging_verbs and not _reflexive(verb) \
                or not any(c.dep_ == "det" and "Ind" in morph_values(c, "Definite") for c in children_of(n)):
            return []
        if any(c.dep_ in ("nmod", *_OBLIQUES) and (self.hostile(c) or _introduced_by(c, r.partner_prepositions))
               for h in (n, verb) for c in children_of(h)):
            return []
        return self.pair_before(verb)

    def pair_before(self, verb: Token) -> list[MentionRef]:
        """The two actors named before a verb, from the last comma of its sentence, joined by a
        conjunction ("Depuis avril, l'armée et les FSR sont ...", however the parse cut the pair)."""
        lo = self.units.bounds(verb)[0]
        first = next((t.i + 1 for t in reversed(self.tokens[lo: verb.i]) if t.text == ","), lo)
        refs = [a for a in self.distinct(self.typed(self.index.inside(self.tokens[first].idx, verb.idx), ("Actor",)))
                if a.entity.kind != "Person"]
        if len(refs) != 2:
            return []
        between = self.text[refs[0].end:refs[1].start].split()
        return refs if any(w.lower() in self.rules.and_words for w in between) and len(between) <= 4 else []

    def clash_places(self, n: Token, sides: list[MentionRef]) -> list[MentionRef]:
        """Where a clash noun says the fighting was: its own place phrase ("des combats dans la
        région du Kanem"), else the place phrase of the verb it is the subject or a phrase of ("les
        combats se sont produits à X", "tués dans des affrontements ... sur l'île de X") or of the
        verb naming its sides ("des heurts qui les ont opposés aux insurgés sur l'île de X")."""
        heads = [n, *self.opposing_verbs(n)] + ([n.head] if n.head.pos_ == "VERB" and n.dep_ != "obj" else [])
        past = max([r.end for r in sides], default=len(self.text))  # a place after the sides, not inside their names
        found = [r for h in heads for group in self.place_groups(h, ("nmod", *_OBLIQUES)) for r in group[:1]]
        return self.distinct(found)[-2:] or next(  # "En Colombie, ... dans le département d'Arauca": both
            (group for h in heads[:-1] or heads for t in h.subtree if t.idx >= past and t.dep_ in ("nmod", *_OBLIQUES)
             for group in self.place_groups(t.head, (t.dep_,), t.i - 1) if group), [])

    def fought_in(self, sides: list[MentionRef], where: list[MentionRef], cue: Token, k: int,
                  modality: str | None = None) -> None:
        """Both sides of fighting stated at a place are there (deployedIn), a state on its own
        soil too ("des affrontements entre l'armée et les rebelles dans la province de X"), in each
        place a list goes on with after the first ("dans les villes de X et Y", ``places_listed``);
        a side is never in itself, nor a person anywhere."""
        where = self.distinct(self.places_listed(where[:1]) + where[1:2]) if sides else []
        for a in sides:
            if a.entity.kind == "Person" or _in(self.root_of(a).head, self.rules.border_nouns):
                continue  # "vers la frontière nigérienne": a place named by its demonym, no side
            for r in where:
                self.add(a, "deployedIn", r, cue, k, 0.5, modality=modality)

    def fallen_sides(self, n: Token) -> list[MentionRef]:
        """The sides of a clash their dead name ("quatre rebelles et deux soldats maliens ont été tués
        dans des combats", "deux soldats thaïlandais et trois cambodgiens ont péri dans des
        affrontements"): the owners of the coordinated victims of a kill or death verb."""
        verb = n.head
        if not n.dep_.startswith("obl") or verb.pos_ != "VERB" or not self.undergone(verb):
            return []
        victims = [c for c in children_of(verb) if c.dep_.startswith("nsubj")] or subjects_of(verb, self.rules)[:1]
        victims += [c for v in victims for c in children_of(v) if c.dep_ == "conj"]
        sides = self.distinct([r for r in map(self.victim_side, victims) if r is not None])  # "et deux civils": no side
        return sides if len(sides) > 1 else []

    def victim_side(self, v: Token) -> MentionRef | None:
        """The actor a victim belongs to: named ("17 taliban"), by a demonym or genitive ("un
        soldat indien"), or the group a fighter description stands for ("six rebelles")."""
        named = self.ref_at(v) or self.demonym_noun(v)
        found = [r for r in self.typed(([named] if named else []) or self.owners_hit(v) or self.described_group(v)
                                       or self.acting_state(v), ("Actor",)) if r.entity.kind != "Person"]
        return found[0] if found else None

    def demonym_noun(self, v: Token) -> MentionRef | None:
        """The state a demonym read as a noun names ("deux soldats thaïlandais et trois
        cambodgiens"), when the text names it."""
        entity = self.by_label.get(normalize_label(self.rules.demonyms.get(lower_text(v), "")))
        return MentionRef(entity, entity.mentions[0]) if entity is not None and v.pos_ == "NOUN" else None

    def acting_state(self, v: Token) -> list[MentionRef]:
        """The one state the text has act, for forces named without owner ("six soldats")."""
        if not _in(v, self.rules.state_force_nouns):
            return []
        states = self.actor_states()
        return states if len(states) == 1 else []

    def partner_sides(self, n: Token) -> list[MentionRef]:
        """The sides of a clash noun with an "avec" (or "contre") phrase, set as a phrase of a
        clause: the clause's subject (or the body its members belong to; an armed one for
        "contre") and the partner ("un officier de l'armée X a été tué dans des affrontements avec
        les rebelles", "l'armée a perdu dix soldats dans des combats contre Y"); none for a
        possessive aim ("X a soutenu Y dans ses combats contre Z": Y's)."""
        others = self.typed(self.partners_of(n) or self.waged_against(n), ("Actor",))
        if not others or _possessive(n) and not self.partner_phrases(n):
            return []
        if not n.dep_.startswith("obl") or n.head.pos_ != "VERB":
            return self.implied_side(n, others)
        own = self.typed([r for c in children_of(n.head) if c.dep_.startswith("nsubj")
                          for r in self.np(c) or self.owners_hit(c) or self.unowned_forces(c, others)], ("Actor",))
        own = _clash_sides_kept(own, armed=not self.partner_phrases(n))  # "contre X": an armed subject
        return own[:1] + others[:1] if own else []

    def unowned_forces(self, c: Token, others: list[MentionRef]) -> list[MentionRef]:
        """The state of forces named with no owner that a clash with another side hits, when
        that side is no state ("deux soldats tués dans des combats avec le groupe X"): the one
        state the text has act (``acting_state``)."""
        if any(r.entity.kind in _STATE_KINDS for r in others):
            return []
        return self.acting_state(c)

    def partner_phrases(self, n: Token) -> list[Token]:
        """The "avec" phrases on a clash noun."""
        return [c for c in children_of(n) if c.dep_ == "nmod" and c.i > n.i and _introduced_by(c, self.rules.partner_prepositions)]

    def implied_side(self, n: Token, others: list[MentionRef]) -> list[MentionRef]:
        """The side a clash noun with a partner leaves to its clause, hung less directly than as
        the verb's phrase: after "lors de" ("l'armée a perdu dix soldats lors d'affrontements avec
        X"), as the object of a verb of waging ("l'armée mène des combats contre X"), or in an
        apposition to the verb's object ("ses soldats défendent la ville de Y, épicentre des
        combats avec X"): the clause's subject, a state or an armed group."""
        head = n.head
        if n.dep_.startswith("obl") and head.pos_ == "ADV":
            verb = head.head  # "lors de"
        elif n.dep_ == "obj" and _in(head, self.rules.clash_conduct_verbs):
            verb = head
        elif n.dep_ == "nmod" and head.dep_ == "appos" and head.head.dep_ == "obj":
            verb = head.head.head
        else:
            return []
        own = _clash_sides_kept(self.typed(self.subject(verb), ("Actor",)), armed=True)
        return own[:1] + others[:1] if verb.pos_ == "VERB" and own else []

    def waged_against(self, n: Token) -> list[MentionRef]:
        """The foe of fighting waged by a verb of ``clash_conduct_verbs`` whose object is the clash
        noun, named on the verb after "contre" ("a livré de violents combats contre X"), or after
        "à" with a bare noun ("livrer bataille à X", "engager le combat": no "à" with an article,
        "livrer des combats au Mali" is a place)."""
        if n.dep_ != "obj" or not _in(n.head, self.rules.clash_conduct_verbs):
            return []
        bare = not any(c.dep_ == "det" for c in children_of(n))
        preps = [p for p in self.rules.stance_verb_prepositions if bare or p in self.rules.hostile_prepositions]
        return [r for c in children_of(n.head) if c.dep_ in (*_OBLIQUES, "iobj") and _introduced_by(c, preps)
                for r in self.np(c)]

    def partners_of(self, n: Token) -> list[MentionRef]:
        """What the "avec" or "contre" phrase right after a clash noun names (past adjectives: "des
        affrontements meurtriers avec X"; not "à la frontière avec X")."""
        return [r for c in children_of(n) if c.dep_ == "nmod" and c.i > n.i
                and (_introduced_by(c, self.rules.partner_prepositions) or self.hostile(c))
                and all(t.pos_ in ("ADJ", "ADV") for t in self.tokens[n.i + 1: c.left_edge.i])
                for r in self.np(c) or self.owners_hit(c)]

    def exchange_noun(self, n: Token, k: int) -> None:
        """ "les échanges de tirs entre Israël et le Hezbollah": an exchange of strikes between
        two sides is fighting between them (the "entre" phrase on either noun)."""
        shots = [g for g in self.genitives(n) if _in(g, self.rules.target_nouns)]
        for h in (n, *shots[:1]) if shots else ():
            if self.between_phrases([h]) or self.between_hung_above(n):
                return self.clash_noun(h, k)
        return None

    @staticmethod
    def opposing_verbs(n: Token) -> list[Token]:
        """The verbs that may name a clash noun's sides: its participles and relative clauses, the
        verb it is the subject of ("des combats ont opposé X à Y")."""
        return [v for v in children_of(n) if v.dep_ in ("acl", "acl:relcl")] + (
            [n.head] if n.dep_ == "nsubj" and n.head.pos_ == "VERB" else [])

    def sides_between(self, c: Token) -> list[MentionRef]:
        """One actor for each side of an "entre" phrase, split at its conjunction wherever the
        parse hangs it (inside the phrase, or right after it): the first actor a side names, or
        the name it gives in brackets ("entre forces de l'Union africaine en Somalie (Amisom) et
        les combattants shebab": the Amisom and the shebab, not the Union africaine)."""
        refs = self.distinct(self.typed(self.np(c) + [self.ref_at(t) for t in c.subtree], ("Actor",)))
        cut = next((t for t in c.subtree if t.dep_ == "cc" and lower_text(t) in self.rules.and_words), None) \
            or self.and_after(c.right_edge.i + 1)
        return refs[:1] if cut is None else self.sides_at_cut(c, refs, cut)

    def sides_at_cut(self, c: Token, refs: list[MentionRef], cut: Token) -> list[MentionRef]:
        """The side before and the side after the conjunction of an "entre" phrase (``sides_between``),
        a side no mention names read as the state's men or organ (``organ_sides``)."""
        after = [r for r in refs if r.start > cut.idx] or self.typed(
            [self.ref_at(t) for t in self.tokens[cut.i + 1:cut.i + 5]], ("Actor",))
        before = self.side_name([r for r in refs if r.start < cut.idx])
        joined = next((t for t in children_of(c) if t.dep_ == "conj" and t.i > cut.i), None)
        return self.organ_sides(before, self.side_name(after), c if c.i < cut.i else None, joined)

    def organ_sides(self, first: list[MentionRef], second: list[MentionRef],
                    first_head: Token | None, second_head: Token | None) -> list[MentionRef]:
        """Two sides of fighting, a side no mention names being the state's men or organ when
        the other is no state ("des heurts ont opposé des soldats et des combattants de X",
        "entre des soldats et les jihadistes de Y": ``organ_side``)."""
        if first and not second and first[0].entity.kind not in _STATE_KINDS:
            second = self.organ_side(second_head)
        elif second and not first and second[0].entity.kind not in _STATE_KINDS:
            first = self.organ_side(first_head)
        return first[:1] + second[:1]

    def organ_side(self, token: Token | None) -> list[MentionRef]:
        """The state an unnamed organ or body of men of a state stands for as a side of fighting
        (``state_organs``: "des militaires", "des troupes gouvernementales", "forces de l'ordre"):
        the state the text is about (``dominant_state``); none when a number or a "de" complement
        beyond the organ's own words says how many or whose they are ("des soldats de la Minusca")."""
        if token is None or token.pos_ != "NOUN" or self.ref_at(token) is not None:
            return []
        hi = self.units.bounds(token)[1]
        ends = [t for t in self.tokens[token.i: min(token.i + 5, hi)]
                if self.text[token.idx:t.idx + len(t.text)].lower().replace("’", "'") in self.rules.state_organs]
        stop = min([c.i for c in children_of(token) if c.dep_ == "conj"], default=len(self.tokens))
        if not ends or any(c.dep_ == "nummod" or ends[-1].i < c.i < stop and _introduced_by(c, self.rules.of_prepositions)
                           and not self.typed(self.np(c), ("Region",)) for c in children_of(token)):
            return []
        return self.dominant_state(token.idx)

    def side_name(self, side: list[MentionRef]) -> list[MentionRef]:
        """The actor that names a side: the one it gives in brackets, else its first."""
        bracketed = [r for r in side if self.text[max(0, r.start - 1):r.start] == "("]
        return (bracketed or side)[:1]

    def and_after(self, i: int) -> Token | None:
        """The coordinating "et" at ``i``, past closing brackets, else None."""
        while i < len(self.tokens) and self.tokens[i].text == ")":
            i += 1
        return self.tokens[i] if i < len(self.tokens) and lower_text(self.tokens[i]) in self.rules.and_words else None

    def side_after(self, ref: MentionRef) -> list[MentionRef]:
        """The actor right after ``ref`` and a conjunction, however the parse cut the pair
        ("entre les FAS et les FSR font rage": "FSR" read as a subject)."""
        span = self.span_at(ref)
        k = span.end if span is not None else len(self.tokens)
        if k >= len(self.tokens) or lower_text(self.tokens[k]) not in self.rules.and_words:
            return []
        k = self.past_determiners(k + 1, len(self.tokens))
        return self.typed([self.ref_at(self.tokens[k])], ("Actor",)) if k < len(self.tokens) else []

    def opposed_sides(self, v: Token) -> list[MentionRef]:
        """The two sides a verb of opposing on a clash noun names: its object and its "à" phrase
        ("des combats opposant l'armée aux rebelles"), an object pronoun standing for the subject
        of the verb the clash noun hangs on ("Huit soldats ont été tués dans des affrontements
        qui les ont opposés aux insurgés": the soldiers')."""
        if not _in(v, self.rules.prepositional_stance_verbs):
            return []
        objects = [c for c in children_of(v) if c.dep_ == "obj"] or self.objects_on_days(v)  # "opposaient jeudi X à Y"
        second = self.second_side(v, objects) or self.joined_side(objects)
        first = [r for r in self.object_side(v, objects)  # the object's own actor, not its conjunct's
                 if not second or r.entity.id != second[0].entity.id]
        if not first or not second:  # "ont opposé des soldats et des combattants de X": the state's men
            return self.unnamed_opposed(v, objects, first, second)
        return first[:1] + second[:1]

    def object_side(self, v: Token, objects: list[Token]) -> list[MentionRef]:
        """The actors the object of a verb of opposing names, an object pronoun standing for the
        subject of the verb the clash noun hangs on (``opposed_sides``)."""
        return self.typed([r for c in objects for r in self.np(c) or (
            self.subject(v.head.head) if c.pos_ == "PRON" and v.head.head.pos_ == "VERB" else [])], ("Actor",))

    def unnamed_opposed(self, v: Token, objects: list[Token], first: list[MentionRef],
                        second: list[MentionRef]) -> list[MentionRef]:
        """The two sides of a verb of opposing one of whose sides no mention names, read as the
        state's men or organ (``organ_sides``): its object, or its "à" phrase or the object's conjunct."""
        heads = [c for c in children_of(v) if c.dep_ in (*_OBLIQUES, "iobj")
                 and _introduced_by(c, self.rules.stance_verb_prepositions)] \
            or [j for c in objects for j in children_of(c) if j.dep_ == "conj"]
        sides = self.organ_sides(first, second, objects[0] if objects else None, (heads or [None])[0])
        return sides if len(sides) == 2 else []

    def joined_side(self, objects: list[Token]) -> list[MentionRef]:
        """The side joined to the object of a verb of opposing with no "à" phrase ("des combats
        ont opposé l'armée et les rebelles", "opposaient insurgés et soldats")."""
        return self.typed([r for c in objects for j in children_of(c) if j.dep_ == "conj" for r in self.np(j)], ("Actor",))

    def second_side(self, v: Token, objects: list[Token]) -> list[MentionRef]:
        """The "à" side of a verb of opposing: on the verb, on its object ("ont opposé l'armée aux
        jihadistes"), or on the span of time the object hangs on ("opposent depuis mi-avril X à Y")."""
        holders = objects + [c.head for c in objects if c.head.i != v.i]
        return self.typed(self.children_with(v, self.rules.stance_verb_prepositions, ("obl", "obl:arg", "obl:mod", "iobj")),
                          ("Actor",)) or self.typed([r for c in holders for r in self.children_with(
                              c, self.rules.stance_verb_prepositions, ("nmod",))], ("Actor",))

    def clash_verb(self, v: Token, k: int) -> None:
        """Fighting told by a verb ("l'armée a affronté les rebelles du M23", "X et Y
        s'affrontent depuis avril"): its subject (every actor listed in it) and its object or
        "avec"/"contre" phrase each attack the other."""
        sides = self.typed(self.doer(v), ("Actor",))
        sides += self.typed([r for c in self.direct_objects(v) for r in self.np(c)]
                            + self.children_with(v, (*self.rules.partner_prepositions, *self.rules.hostile_prepositions)),
                            ("Actor",))
        sides = [r for r in self.distinct(sides) if r.entity.kind != "Person"][:2] or self.pair_told_before(v)
        if len(sides) == 1 and _reflexive(v):  # "X et les FSR s'affrontent", the parse cut at "et"
            sides += self.side_before(sides[0])
        for a in sides:
            for b in sides:
                self.add(a, "attacks", b, v, k, 0.55)
        self.fought_in(sides if len(sides) > 1 else [], self.first_place([v]), v, k)

    def exchange_verb(self, v: Token, k: int) -> None:
        """ "X et Y ont échangé des tirs", "X a échangé des tirs avec Y": a verb of exchanging
        (``exchange_verbs``) whose object is a strike noun (``target_nouns``) is fighting, read as
        a verb of clashing; not "échanger des prisonniers"."""
        if any(c.dep_ in ("obj", "obl:arg") and _in(c, self.rules.target_nouns) for c in children_of(v)):  # "des" read as "de"
            self.clash_verb(v, k)

    def pair_told_before(self, v: Token) -> list[MentionRef]:
        """ "où les deux parties ont échangé des tirs": a subject naming two sides (a noun of
        ``pair_nouns`` with a number) stands for the last two actors the text set against each
        other (an attack or an opposition found before, in its sentence or the one before it)."""
        if not any(c.dep_.startswith("nsubj") and _in(c, self.rules.pair_nouns)
                   and any(n.dep_ == "nummod" for n in children_of(c)) for c in children_of(v)):
            return []
        ends = self.last_opposed(v)
        if len(ends) != 2 or any(e is None or e.kind == "Person" or "Actor" not in e.types for e in ends):
            return []
        return [MentionRef(e, max((m for m in e.mentions if m.start < v.idx), key=lambda m: m.start,
                                  default=e.mentions[0])) for e in ends]

    def last_opposed(self, at: Token) -> list:
        """The two ends of the last attack or opposition found before ``at``, in its sentence or
        the one before it (none when there is none)."""
        k = self.units.sentence_at(at.idx)
        last = next((r for r in reversed(self.found) if r.predicate in ("attacks", "opposes")
                     and k - 1 <= r.sentence <= k and r.start < at.idx), None)
        return [] if last is None else [self.by_id.get(last.subject), self.by_id.get(last.object)]

    def collision_verb(self, v: Token, k: int) -> None:
        """ "les rebelles se sont heurtés aux forces de sécurité": a reflexive verb of running into
        (``reflexive_clash_verbs``) with an "à"/"avec"/"contre" actor is fighting, each side attacks
        the other, when a side is an armed group or troops ("Washington s'est heurté à Pékin": none)."""
        if not _reflexive(v) and not any(c.dep_.startswith("expl") for c in children_of(v)):
            return
        preps = (*self.rules.partner_prepositions, *self.rules.stance_verb_prepositions)
        phrases = [c for c in children_of(v) if c.dep_ in (*_OBLIQUES, "iobj") and _introduced_by(c, preps)]
        sides = self.distinct(self.typed(self.doer(v), ("Actor",))[:1]
                              + self.typed([r for c in phrases for r in self.np(c)], ("Actor",))[:1])
        if self.armed_pair(sides, phrases):
            self.fight_between(sides, v, k, None)
            self.fought_in(sides, self.first_place([v]), v, k)

    def armed_pair(self, sides: list[MentionRef], phrases: list[Token]) -> bool:
        """Two sides, no person, one an armed group or named by a noun of troops or fighters."""
        armed = any(r.entity.kind in _GROUP_KINDS for r in sides) or any(_in(c, self.forces) for c in phrases)
        return len(sides) == 2 and armed and all(r.entity.kind != "Person" for r in sides)

    def fight_verb(self, v: Token, k: int) -> None:
        """Fighting an actor named as the object ("l'armée combattait une vingtaine de guérilleros
        de la NPA"): the subject attacks it; a place or no object ("combattre au Mali") is none."""
        oblique = lower_lemma(v) in self.rules.fight_oblique_verbs
        if self.passive(v) and not oblique or oblique and v.dep_.startswith("acl") and self.ref_at(v.head) is None:
            return  # "est intervenue contre X": no passive; "la chaîne X à la coalition ... qui intervient": unnamed
        objects = self.hostile_obliques(v) if oblique else (
            self.direct_objects(v) or self.objects_of_noun_verb(v))
        targets = [r for r in self.typed([r for c in objects for r in self.np(c)], ("Actor",)) if r.entity.kind != "Person"]
        for a in self.hitters(self.active_attackers(v))[:1]:
            for t in targets[:2]:
                if t.entity.id != a.entity.id:
                    self.add(a, "attacks", t, v, k, 0.6)
                    self.fought_in([a, t], self.first_place([v]), v, k)

    def reflexive_fight(self, v: Token, k: int) -> None:
        """ "X et Y se battent (se combattent)", "X se bat contre Y", "X s'est affronté aux
        rebelles": a reflexive verb of fighting (``reflexive_fight_verbs``) is fighting, each side
        attacks the other (``fighting_pairs``)."""
        for pair in self.fighting_pairs(v):
            self.fight_between(pair, v, k, None)
            self.fought_in(pair, self.first_place([v]), v, k)

    def fighting_pairs(self, v: Token) -> list[list[MentionRef]]:
        """The pairs a reflexive verb of fighting sets against each other: each actor of its subject
        with the actor of its phrase after one of the verb's prepositions ("se bat contre X"), else
        the first two actors its subject lists ("X et Y se battent"); none for a person, a verb
        that is not reflexive ("X a battu Y") or a phrase of another preposition ("se battre pour X"),
        nor for an organisation ("l'ONU se bat contre X" is a stance)."""
        if lower_lemma(v) not in self.rules.reflexive_fight_verbs or not _reflexive(v):
            return []
        foes = self.reflexive_foes(v)
        sides = [r for r in self.distinct(self.typed(self.doer(v), ("Actor",))) if r.entity.kind not in _NON_FIGHTERS]
        if len(sides) == 1:  # "X et les FSR se battent", "X et l'armée se battent": the parse cut at "et"
            sides += self.side_before(sides[0]) or self.side_before_subject(v, sides[0])
        if foes:
            return [[s, foes[0]] for s in sides[:2] if s.entity.id != foes[0].entity.id
                    and foes[0].entity.kind not in _NON_FIGHTERS]
        return [sides[:2]] if len(sides) > 1 else []

    def reflexive_foes(self, v: Token) -> list[MentionRef]:
        """The actor of a reflexive verb of fighting's phrase after one of its prepositions
        (``reflexive_fight_verbs``: "se bat contre X", "s'est affronté aux rebelles de Y")."""
        preps = self.rules.reflexive_fight_verbs[lower_lemma(v)]
        return self.typed([r for c in children_of(v) if c.dep_ in (*_OBLIQUES, "iobj") and _introduced_by(c, preps)
                           for r in self.np(c)], ("Actor",))[:1]

    def side_before_subject(self, v: Token, ref: MentionRef) -> list[MentionRef]:
        """The actor right before a conjunction that opens the subject phrase of ``v`` ("Les Houthis
        et l'armée yéménite se battent": the Houthis), the parse having cut the pair at "et"."""
        subj = next((c for c in children_of(v) if c.dep_.startswith("nsubj")), None)
        k = subj.left_edge.i - 1 if subj is not None else -1
        if k < 1 or lower_text(self.tokens[k]) not in self.rules.and_words:
            return []
        before = next(iter(self.index.nearest_before(self.tokens[k].idx)), None)
        near = before is not None and len(self.text[before.end:self.tokens[k].idx].split()) <= 1
        return self.typed([before], ("Actor",)) if near and before.entity.id != ref.entity.id else []

    def hostile_obliques(self, v: Token) -> list[Token]:
        """The complements a verb of ``fight_oblique_verbs`` names its foe by, after one of its
        prepositions ("les forces spéciales sont intervenues contre le groupe X", "la coalition
        intervient depuis 2015 contre les Houthis")."""
        preps = self.rules.fight_oblique_verbs.get(lower_lemma(v), ())
        return [c for c in children_of(v) if c.dep_.startswith("obl") and _introduced_by(c, preps)]

    @staticmethod
    def objects_of_noun_verb(n: Token) -> list[Token]:
        """The objects of a verb the parse read as a noun, its homograph ("le PKK, qui combat
        l'armée", "la Turquie combat le PKK"): a noun with a subject and an object, or a noun
        complement without a preposition after it."""
        if n.pos_ != "NOUN" or not any(c.dep_ == "nsubj" for c in children_of(n)):
            return []
        return [c for c in children_of(n) if c.i > n.i and (c.dep_ == "obj" or c.dep_ == "nmod" and not any(
            g.dep_ == "case" for g in children_of(c)))][:1]

    def side_before(self, ref: MentionRef) -> list[MentionRef]:
        """The actor right before a conjunction that opens ``ref``'s phrase ("L'armée soudanaise
        et les FSR": Sudan)."""
        span = self.span_at(ref)
        k = self.skip_determiners(span.start - 1, 0) if span is not None else -1
        if k < 1 or lower_text(self.tokens[k]) not in self.rules.and_words:
            return []
        before = next(iter(self.index.nearest_before(self.tokens[k].idx)), None)
        near = before is not None and len(self.text[before.end:self.tokens[k].idx].split()) <= 1
        return self.typed([before], ("Actor",)) if near and before.entity.id != ref.entity.id else []

    @staticmethod
    def distinct(refs: list[MentionRef]) -> list[MentionRef]:
        """``refs`` with each entity once, in order."""
        seen: set[str] = set()
        return [r for r in refs if not (r.entity.id in seen or seen.add(r.entity.id))]

    def stronghold_noun(self, n: Token, k: int) -> None:
        """ "les bases du PKK à Gara, Hakurk et Qandil", "les positions de l'armée à X", "Patikul,
        bastion des rebelles": the actor whose stronghold the noun names is in the places."""
        holders = self.typed(self.children_with(n, self.rules.stronghold_prepositions, ("nmod",))
                             + [self.ref_at(c) for c in children_of(n) if c.dep_ == "amod"]
                             + self.holders_named_among(n) + self.holder_after_place(n), ("Actor",))
        if not any(h.entity.kind != "Person" for h in holders):
            return self.stronghold_set_up(n, k)
        where = self.stronghold_places(n)
        self.place_force(holders, self.places_listed(where[:1]) + where[1:2], n, k, 0.55, self.noun_modality(n))

    def holder_after_place(self, n: Token) -> list[MentionRef]:
        """The holder the parse hangs on the stronghold's place phrase ("le quartier général au
        Mali du groupe X": "du groupe X" read as the Mali's)."""
        return [r for c in children_of(n) if c.dep_ == "nmod" and c.i > n.i and _introduced_by(c, self.rules.deploy_prepositions)
                for r in self.children_with(c, self.rules.of_prepositions, ("nmod",))
                if r.entity.kind in (*_GROUP_KINDS, *_ORGANISATION_KINDS)][:1]

    def holders_named_among(self, n: Token) -> list[MentionRef]:
        """ "un repaire pour les jihadistes, notamment ceux de l'EIGS": the group a pronoun
        apposed to an unnamed holder names by "de" (a part of the holders, there too)."""
        return [r for c in children_of(n) if c.dep_ == "nmod" and _introduced_by(c, self.rules.stronghold_prepositions)
                and self.ref_at(c) is None for a in children_of(c) if a.dep_ == "appos" and a.pos_ == "PRON"
                for r in self.children_with(a, self.rules.of_prepositions, ("nmod",))]

    def stronghold_set_up(self, n: Token, k: int) -> None:
        """A stronghold of the subject's own set up or held in a place ("la province de X, où les
        Russes ont installé leur base aérienne", "l'armée a établi ses positions à Y"): a
        possessive stronghold object; the place of its verb, or the antecedent of "où"."""
        if n.dep_ != "obj" or not _possessive(n) or n.head.pos_ != "VERB":
            return self.possessed_stronghold(n, k)
        if _in(n.head, _strike_words(self.rules) | self.rules.attack_verbs):
            return  # "a riposté en frappant ses positions": the possessive is the one hit's
        self.place_force(self.typed(self.subject(n.head), ("Actor",)),
                         (self._place_group(n, ("nmod",)) or self.deployed_where(n.head))[:2], n, k, 0.55,
                         self.noun_modality(n))

    def held_by_phrase(self, n: Token, k: int) -> None:
        """ "Kiwanja et Rutshuru sont entre les mains du M23", "le village est tombé sous le
        contrôle des shebab", "Hodeida, aux mains des Houthis": the actor of the phrase's "de"
        complement is in the place named before the phrase (with the places coordinated with it),
        past only verbs that link a place to its holder (``holding_link_verbs``)."""
        size = self.holding_size(n)
        holders = self.typed(self.children_with(n, self.rules.of_prepositions, ("nmod",)), ("Actor",)) if size else []
        if holders:
            where = self.typed([r for s in subjects_of(n, self.rules) or subjects_of(n.head, self.rules)
                                for r in self.np(s)], ("Region",))  # "la ville de X, située à ..., est sous le contrôle de Y"
            where = self.places_listed(where[:1]) or self.place_held_before(n.i + 1 - size)
            self.place_force(holders, where, n, k, 0.55, self.noun_modality(n))
            self.captured(holders, where, n, k)

    def captured(self, holders: list[MentionRef], where: list[MentionRef], n: Token, k: int) -> None:
        """ "la ville est tombée aux mains des jihadistes", "le village est tombé sous le contrôle
        du M23": a place that falls into an actor's hands (``capture_link_verbs``) was taken by
        it, so the holder (no person) attacks it; not one that stays there, is handed over ("est
        passé sous le contrôle de") or is denied."""
        verb = n.head
        if not _in(verb, self.rules.capture_link_verbs) or self.denial(verb):
            return
        for w in [r for r in holders if r.entity.kind != "Person"][:1]:
            for r in where:
                self.add(w, "attacks", r, n, k, 0.55, self.noun_modality(n))

    def holding_size(self, n: Token) -> int:
        """The number of words of the phrase of holding ``n`` ends ("sous le contrôle"), 0 if none."""
        return next((len(ws) for ws in map(_words, self.rules.holding_phrases) if n.i + 1 >= len(ws)
                     and [lower_text(t) for t in self.tokens[n.i + 1 - len(ws): n.i + 1]] == ws), 0)

    def place_held_before(self, start: int) -> list[MentionRef]:
        """The place nearest before token ``start`` in its sentence, and those coordinated right
        before it ("A et B sont aux mains de X"); none past a verb other than a linking one."""
        lo, found = self.units.bounds(self.tokens[start])[0], []
        for t in reversed(self.tokens[lo: start]):
            if t.pos_ == "VERB" and lower_lemma(t) not in self.rules.holding_link_verbs:
                break
            ref = self.ref_at(t)
            if ref is not None and "Region" in ref.entity.types and all(ref.entity.id != r.entity.id for r in found):
                found.append(ref)
            elif found and not (t.pos_ in ("CCONJ", "DET", "ADP") or self.ref_at(t) is not None):
                break  # "A et B sont aux mains de X"; not "la capitale de A, B, est ..."
        return found[:3]

    def possessed_stronghold(self, n: Token, k: int) -> None:
        """A possessive stronghold below a verb, past a count or a preposition ("la mission a
        fermé dix de ses treize bases au Mali", "les troupes ont quitté leurs bases à X"): its
        possessor, the subject of the nearest verb above, is in the places of its own phrase
        or of the count it complements; never below a verb of hitting (the bases are another's)."""
        if not _possessive(n) or any(_in(t, _strike_words(self.rules) | self.rules.attack_verbs)
                                     for t in self.heads_up(n, 4)):
            return
        where = self._place_group(n, ("nmod",))
        if not where and n.dep_ == "nmod" and (_in(n.head, self.rules.quantity_nouns) or n.head.pos_ in ("NUM", "PRON")):
            where = self._place_group(n.head, ("nmod",), after=n.i)
        self.place_force(self.possessor(n), self.places_listed(where[:1]) + where[1:2], n, k, 0.55, self.noun_modality(n))

    def heads_up(self, token: Token, depth: int) -> list[Token]:
        """The heads above ``token``, nearest first, ``depth`` at most."""
        found = []
        while depth > 0 and token.head.i != token.i:
            token, depth = token.head, depth - 1
            found.append(token)
        return found

    def place_before_comma(self, n: Token) -> list[MentionRef]:
        """The place named right before the comma that opens an apposition on ``n``, however the
        parse hangs it ("une opération à Talipao, bastion des rebelles")."""
        k = self.skip_determiners(n.i - 1, self.units.bounds(n)[0])
        if k < 1 or self.tokens[k].text != ",":
            return []
        return self.typed([self.ref_at(self.tokens[k - 1])], ("Region",))

    def stronghold_places(self, n: Token) -> list[MentionRef]:
        """The places of a stronghold noun: its place phrase (or its holder's, where the parse
        hangs it there), the place it is apposed to ("Patikul, bastion des X"), or the
        subject it is said of ("Qandil est le fief du PKK")."""
        where = self._place_group(n, ("nmod",)) or next(
            (found for c in children_of(n) if c.dep_ == "nmod" and _introduced_by(c, self.rules.of_prepositions)
             for found in [self._place_group(c, ("nmod",))] if found), [])
        where = where or self.apposed_place(n) or self.named_site(n) or self.place_right_after(n)
        return [r for r in where if "Actor" not in r.entity.types or r.entity.kind not in _GROUP_KINDS]

    def place_right_after(self, n: Token) -> list[MentionRef]:
        """The place of a phrase of deployment right after the phrase of ``n`` that the parse
        hangs on the verb above ("a frappé des bases du groupe X dans la province de Y": the
        bases are in Y)."""
        end = n.right_edge.i + 1
        if end >= len(self.tokens) or lower_text(self.tokens[end]) not in self.rules.deploy_noun_prepositions:
            return []
        found = self.after_prep(list(self.tokens[end: min(end + 6, self.units.bounds(n)[1])]),
                                self.rules.deploy_noun_prepositions, ("Region",))
        return [r for r in found[:1] if self.span_at(r) is not None and self.span_at(r).root.head.i != n.i]

    def named_site(self, n: Token) -> list[MentionRef]:
        """A stronghold named by the town it is in ("la base navale russe de Tartous"): a "de"
        complement that is a place and no actor (the holder is named otherwise)."""
        return [r for r in self.children_with(n, self.rules.of_prepositions, ("nmod",))
                if "Actor" not in r.entity.types and "Region" in r.entity.types][:1]

    def apposed_place(self, n: Token) -> list[MentionRef]:
        """The place a noun is said of: the one it is apposed to, by the parse or right before
        its comma, or its copula's subject."""
        if n.dep_ == "appos":
            where = self.typed(self.np(n.head), ("Region",))
            if where:
                return where
        where = self.place_before_comma(n)
        if not where and any(c.dep_ == "cop" for c in children_of(n)):
            where = self.typed([r for s in subjects_of(n, self.rules) for r in self.np(s)], ("Region",))
        return where

    def holding_state(self, n: Token, kinds) -> list[MentionRef]:
        """The state whose troops no demonym names: the one before a verb of holding, or the
        one a possessive points to."""
        return (self.holder(n) or self.troops_possessor(n)) if kinds == _STATE_KINDS else []

    def troops_possessor(self, n: Token) -> list[MentionRef]:
        """The state whose troops a possessive names ("Washington a dénombré 103 attaques contre
        ses forces en Irak": the state subject of the clause above)."""
        return [r for r in self.possessor(n) if r.entity.kind in _STATE_KINDS] if _possessive(n) else []

    def troop_place(self, n: Token) -> list[MentionRef]:
        """The places a phrase puts troops in: their own place phrase, the one of the noun they
        complement ("le retrait des forces X dans Y"), of a presence word ("les soldats encore
        présents en X"), or of the verb they are the subject of, unless it fires from afar or
        attacks a facility (the place is the attack's)."""
        where = self.own_troop_place(n)
        if not where and n.dep_ == "nmod" and n.head.pos_ == "NOUN":  # "le retrait des forces X dans Y"
            where = self._place_group(n.head, ("nmod",), after=n.i) or self.withdrawn_from(n)
        where = where or self.first_place(c for c in children_of(n)  # "les soldats encore présents en X"
                                          if c.dep_ in ("amod", "acl") and _in(c, self.rules.presence_words))
        if not where and self.present_subject(n):
            where = self._place_group(n.head, ("obl", "obl:arg", "obl:mod")) or self.first_place(
                (c for c in children_of(n.head) if c.dep_ == "obj"), ("nmod",))  # "mènent une opération en X"
        return where

    def own_troop_place(self, n: Token) -> list[MentionRef]:
        """Troops' own place phrase, else that of a noun of deployment complementing them."""
        return self._place_group(n, ("nmod",)) or self.activity_place(n)

    def activity_place(self, n: Token) -> list[MentionRef]:
        """The place of a noun of deployment that complements troops, directly or through one
        bare noun ("des militaires tchadiens en patrouille dans la région de X", "les soldats
        rwandais en cours de déploiement au Y")."""
        for c in children_of(n):
            if c.dep_ != "nmod" or c.pos_ != "NOUN" or c.i < n.i:
                continue
            noun = c if _in(c, self.rules.deploy_nouns) else next(
                (g for g in children_of(c) if g.dep_ == "nmod" and _in(g, self.rules.deploy_nouns)), None)
            where = self._place_group(noun, ("nmod",)) if noun is not None else []
            if where:
                return where
        return []

    def withdrawn_from(self, n: Token) -> list[MentionRef]:
        """Where troops a withdrawal noun names were: its "de" place phrase, theirs, or that of a
        relative of deployment or presence the parse hangs on the noun ("le retrait des forces
        arméniennes de la région", "le retrait de ses troupes qui étaient déployées dans X")."""
        if not _in(n.head, self.rules.withdraw_nouns):
            return []
        return self.left_place(n) or self.first_place(
            c for c in children_of(n.head) if c.dep_ == "acl:relcl" and c.i > n.i
            and (_in(c, self.rules.deploy_verbs) or _in(c, self.rules.presence_words)))

    def left_place(self, n: Token) -> list[MentionRef]:
        """The place of the first "de" phrase after troops, on them or on the withdrawal noun
        above ("le retrait des forces X de la région": not the troops themselves), or on their
        demonym ("des troupes américaines de Syrie", the phrase hung on the adjective)."""
        heads = (n, n.head, *(a for a in children_of(n) if a.dep_ == "amod"))
        for c in (c for h in heads for c in children_of(h)):
            if c.dep_ in ("nmod", "obl:arg", "obl") and c.i > n.i and _introduced_by(c, self.rules.of_prepositions) and not _in(c, self.forces):
                found = self.typed(self.np(c), ("Region",))
                if found:
                    return found
        return []

    def withdraw_noun(self, n: Token, k: int) -> None:
        """ "Les troupes israéliennes ont achevé leur retrait du Sud-Liban": a withdrawal noun with
        a possessive puts the possessor (the subject above, troops or an armed actor, no person)
        in the place it is withdrawn from."""
        if not _possessive(n) or not self.force_possessor(n):
            return  # "le ministre a annoncé son départ de X": a person's leaving
        where = next(iter(self.place_groups_by(n, self.rules.of_prepositions)), [])
        self.place_force(self.possessor(n), where[:2], n, k, 0.55, self.noun_modality(n))

    def force_possessor(self, n: Token) -> bool:
        """Whether the subject a possessive on ``n`` points to is troops or a name ("les troupes
        X ont achevé leur retrait", "Israël a achevé son retrait"; not "le ministre ... son départ")."""
        verb = next((h for h in self.heads_up(n, 4) if h.pos_ == "VERB" and subjects_of(h, self.rules)), None)
        subject = subjects_of(verb, self.rules)[0] if verb is not None else None
        return subject is not None and (_in(subject, self.forces) or subject.pos_ == "PROPN")

    def present_subject(self, n: Token) -> bool:
        """Troops that are the subject of a verb whose places are theirs: not one that fires from
        afar or attacks a facility."""
        return n.dep_ == "nsubj" and n.head.pos_ == "VERB" and not self.fires(n.head) and not self.attacks_facility(n.head) \
            and not self.attacks_at(n.head) or self.harmed(n)

    def harmed(self, n: Token) -> bool:
        """Troops a verb of harm is done to, its passive subject or its object ("deux soldats
        maliens ont été tués à X", "les jihadistes ont tué trois policiers nigériens près de Y"):
        they were where the verb's place phrase puts them, struck from afar too."""
        return n.head.pos_ == "VERB" and _in(n.head, self.rules.harm_verbs) and (
            n.dep_ == "nsubj:pass" or n.dep_ == "obj" and not self.passive(n.head))

    def attacks_at(self, v: Token) -> bool:
        """An attack verb with a phrase of aim ("a ouvert le feu sur des positions de X"): that
        phrase names whom it hits, not where its subject is."""
        size = _phrase_length(v, self.rules.attack_verbs)
        last = v.doc[v.i + size - 1] if size else v  # "ouvert le feu sur X": the phrase may hang on "feu"
        return (size > 0 or _in(v, self.rules.attack_verbs)) and any(
            c.dep_.startswith(("obl", "nmod")) and self.hostile(c) for w in (v, last) for c in children_of(w))

    def attacks_facility(self, v: Token) -> bool:
        """An attack verb whose object is a facility ("ont attaqué une base militaire dans la
        localité de X"): the place is the attack's, not the attackers' presence."""
        return _in(v, self.rules.attack_verbs) and not _in(v, self.rules.control_verbs) \
            and any(_in(c, self.rules.facility_nouns) for c in self.direct_objects(v))  # "occupent des positions": held

    def counted(self, n: Token) -> bool:
        """Troops counted by a number right before them ("2 500 soldats", "quelque 300 hommes")."""
        return any(t.like_num for t in self.tokens[max(n.i - 3, 0): n.i])

    def holder(self, n: Token) -> list[MentionRef]:
        """The state whose counted troops a clause names, read off the words (the parse of
        numbers often breaks): the state right before a verb of holding, past adverbs and the
        number ("Les Etats-Unis ont encore quelque 2 500 militaires déployés en Irak", "la
        France ne stationnera que 3 000 soldats au Sahel")."""
        if not self.counted(n):
            return []
        lo, k, held = self.units.bounds(n)[0], n.i - 1, False
        while k >= lo:
            t = self.tokens[k]
            if self.holding(t):
                held = True
            elif not (t.like_num or t.pos_ in ("ADV", "DET", "NUM", "AUX", "SCONJ") or self.held_de(t)):
                break
            k -= 1
        ref = self.ref_at(self.tokens[k]) if held and k >= lo else None
        return [r for r in self.typed([ref] if ref else [], ("Actor",)) if r.entity.kind in _STATE_KINDS]

    def held_de(self, t: Token) -> bool:
        """The "de" a verb of holding takes before its count ("Washington dispose d'environ 2 500
        militaires en Irak"), right after that verb."""
        return lower_text(t) in self.rules.place_of_prepositions and t.i > 0 and self.holding(self.tokens[t.i - 1])

    def holding(self, t: Token) -> bool:
        """A verb of holding troops, also a present tense the tagger read as a noun or left
        unlemmatised ("compte")."""
        holding = self.rules.troop_holding_verbs
        return lower_lemma(t) in holding or t.pos_ in ("NOUN", "VERB") and bool(
            holding & set(self.rules.grammar.verb_lemmas(lower_text(t))))

    def counted_place(self, n: Token) -> list[MentionRef]:
        """Where counted troops are, read off the words after them when the parse broke: the
        first place after a deployment preposition, past their adjectives, a copula and a
        deployment participle ("3 000 soldats rwandais sont dans le Nord-Kivu", "2 500
        militaires déployés en Irak")."""
        if not self.counted(n):
            return []
        hi = self.units.bounds(n)[1]
        for t in self.tokens[n.i + 1: min(n.i + 10, hi)]:
            if t.is_punct or t.pos_ == "VERB" and not (_in(t, self.rules.deploy_verbs) or _in(t, self.rules.presence_words)):
                return []
            found = self.typed(self.np(t.head), ("Region",)) if lower_text(t) in self.rules.deploy_window_prepositions \
                and t.head.i > t.i else []
            if found:  # "sont en effet dans X": a phrase that names no place is passed
                return found[:1]
        return []

    def counted_after(self, n: Token, places: list[MentionRef]) -> list[MentionRef]:
        """The place of a second count of the troops ``n`` counts, their noun left out, right
        after the first place ("1 200 soldats au Niger et 400 au Tchad": Chad too)."""
        if not places or not self.counted(n):
            return []
        k = self.span_at(places[0]).end
        if k + 2 >= len(self.tokens) or lower_text(self.tokens[k]) not in self.rules.coordinating_conjunctions \
                or not self.tokens[k + 1].like_num:
            return []
        k += 1
        while k < len(self.tokens) and self.tokens[k].like_num:
            k += 1
        if k + 1 >= len(self.tokens) or lower_text(self.tokens[k]) not in self.rules.deploy_window_prepositions:
            return []
        k += 2 if self.tokens[k + 1].pos_ == "DET" else 1
        ref = self.ref_at(self.tokens[k]) if k < len(self.tokens) else None
        return [ref] if ref is not None and "Region" in ref.entity.types else []

    def included(self, places: list[MentionRef]) -> list[MentionRef]:
        """The places a phrase of inclusion adds right after a place ("dans la région du Sahel,
        y compris au Niger"): the first, with those listed after it."""
        if not places:
            return []
        span = self.span_at(places[0])
        size = self.inclusion_at(span.end)
        if not size:
            return []
        k = span.end + 1 + size
        while k < len(self.tokens) and self.tokens[k].pos_ in ("ADP", "DET"):
            k += 1
        ref = self.ref_at(self.tokens[k]) if k < len(self.tokens) else None
        return [ref] if ref is not None and "Region" in ref.entity.types else []

    def inclusion_at(self, comma: int) -> int:
        """The number of words of the phrase of inclusion a comma at ``comma`` opens (", y compris",
        ", en particulier"), 0 when it opens none."""
        words = [lower_text(t) for t in self.tokens[comma: comma + 6]]
        if words[:1] != [","]:
            return 0
        return next((len(_words(p)) for p in self.rules.inclusion_phrases
                     if " ".join(words[1:1 + len(_words(p))]).replace("' ", "'") == p), 0)

    def first_place(self, heads, deps=("obl", "obl:arg", "obl:mod")) -> list[MentionRef]:
        """The first place group found below one of ``heads``."""
        return next((found for h in heads for found in [self._place_group(h, deps)] if found), [])

    def fires(self, verb: Token) -> bool:
        """A verb of firing from afar, or one whose object is a strike ("mènent une série de
        frappes"): its place phrase puts no one there."""
        strikes = _strike_words(self.rules)
        return _in(verb, strikes) or any(c.dep_ in ("obj", *_OBLIQUES) and (_in(c, strikes) or any(
            g.dep_ == "nmod" and _in(g, strikes) for g in children_of(c))) for c in children_of(verb))

    def presence(self, a: Token, k: int) -> None:
        """ "le groupe Wagner est présent au Mali", "les jihadistes, présents dans le nord":
        a force (not a person: a minister present at a summit is not deployed) in a place,
        its own soil too ("l'armée nigériane, présente dans l'État de X")."""
        heads = self.present_ones(a)
        where = self._place_group(a, ("obl", "obl:arg", "obl:mod", "nmod")) or self.relative_place(a) \
            or self.described_place(a)
        for w in [r for r in self.present_forces(a, heads)[:1] if r.entity.kind != "Person"]:
            for r in where[:2]:
                if r.entity.id != w.entity.id:
                    self.add(w, "deployedIn", r, a, k, 0.6)

    def described_place(self, a: Token) -> list[MentionRef]:
        """The place the parse hangs on the noun a word of presence qualifies, after the word
        ("X, un maquis toujours actif en Y": "en Y" on "maquis")."""
        if a.dep_ != "amod" or a.head.i > a.i:
            return []
        return self._place_group(a.head, ("nmod",), after=a.i)

    def present_forces(self, a: Token, heads: list[Token]) -> list[MentionRef]:
        """The actors a word of presence places: the force itself named, or troops ("les soldats
        français"), not "le ministre français"; an armed actor only for "actif dans"."""
        forces = self.forces | self.rules.quantity_nouns
        who = [r for h in heads if self.ref_at(h) is not None or _in(h, forces) for r in self.np(h)]
        who = who or self.described_head(a)  # "X, une guérilla active en Y": the name the noun is apposed to
        if _in(a, self.rules.armed_presence_words):
            who = [r for r in who if r.entity.kind in (*_GROUP_KINDS, *_STATE_KINDS)]
        return [r for r in self.typed(who, ("Actor",)) if not self.origin_of_group(r, heads)]

    def present_ones(self, a: Token) -> list[Token]:
        """The nouns a word of presence is said of: its subjects ("est / reste présent", "Les
        shebab, très actifs dans le sud" parsed as its subject) or the noun it qualifies; after a
        relative "où", the subject put after it ("Kidal, où sont basés les rebelles")."""
        inverted = self.inverted_subject(a)
        if inverted:
            return inverted
        if any(c.dep_ in ("cop", "nsubj") for c in children_of(a)) or a.dep_ == "xcomp":
            return subjects_of(a, self.rules)
        if a.dep_ == "advcl" and a.head.pos_ == "VERB" and a.i < a.head.i:
            return self.fronted_subjects(a)
        return [a.head] if a.dep_ in ("amod", "acl", "appos") and a.head.i < a.i else []

    def inverted_subject(self, v: Token) -> list[Token]:
        """The subject put after a verb or participle of presence opened by a relative "où"
        ("Kidal, où sont basés les rebelles", parsed as the object)."""
        if not any(lower_text(c) in self.rules.place_relative_pronouns for c in children_of(v) if c.i < v.i):
            return []
        return [c for c in children_of(v) if c.dep_ in ("nsubj", "nsubj:pass", "obj") and c.i > v.i][:1]

    def _place_group(self, head: Token, deps, after: int = -1) -> list[MentionRef]:
        """The places of ``head``'s first place phrase ("à X et Y"), by a deployment preposition
        (only phrases after token ``after`` when given).  Troops are no place: "a mis la main
        sur deux militaires rwandais" names whose soldiers, not where."""
        return next(self.place_groups(head, deps, after), [])

    def place_groups(self, head: Token, deps, after: int = -1):
        """Each place phrase of ``head`` in turn, as ``_place_group`` reads the first."""
        for c in children_of(head):
            near = self.vicinity_place(c, deps) if c.i > after else []
            if near:
                yield near
                continue
            if c.dep_ in deps and c.i > after and (_introduced_by(c, self.rules.deploy_prepositions) or self.near_phrase(c)) \
                    and not _in(c, self.forces) and not _in(c, self.rules.border_nouns):  # "à la frontière russe": beside
                found = self.typed(self.np(c), ("Region",)) or self.inner_place(c, 2)
                if found and self.beside(list(self.tokens[c.left_edge.i: c.i + 1]), found[0]):
                    continue  # "un avant-poste au nord-ouest de Mogadiscio": beside the town, not in it
                if found:
                    yield found

    def vicinity_place(self, c: Token, deps) -> list[MentionRef]:
        """ "postés le long de la ligne de cessez-le-feu", "au large de X", "à proximité de Y": the
        place of the "de" phrase of a noun of surroundings (or of "près") the parse hangs on the
        head (as an oblique, an object or an adverb); none along a border ("le long de la frontière
        syrienne")."""
        if c.dep_ not in (*deps, "obj", "advmod") or not self.vicinity_word(c):
            return []
        phrases = [g for g in children_of(c) if g.dep_ in ("nmod", "dep")] or [  # "le long de X" with X hung on the head
            g for g in children_of(c.head) if g.dep_.startswith("obl") and g.left_edge.i == c.i + 1]
        for g in phrases:
            if g.i > c.i and _introduced_by(g, self.rules.of_prepositions):
                return [] if _in(g, self.rules.border_nouns) else self.typed(self.np(g), ("Region",))
        return []

    def vicinity_word(self, c: Token) -> bool:
        """A noun of a place's surroundings ("le long", "au large", "aux abords"), or "près" read as an adverb."""
        if c.pos_ == "ADV":
            return lower_text(c) in self.rules.deploy_prepositions
        return c.pos_ == "NOUN" and _in(c, self.rules.vicinity_nouns)

    def inner_place(self, c: Token, depth: int) -> list[MentionRef]:
        """The place a stronghold or a part of a place locates itself in, past its own place phrase
        ("présents dans quatre bases dans cette région", "des positions dans dix zones de la
        région de X", "dans une base aérienne à Y", "du camp de Z"): the first place found."""
        if depth <= 0 or not (_in(c, self.rules.place_part_nouns) or _in(c, self.rules.stronghold_nouns)):
            return []  # "une attaque dans un campement de pêche près de X": a facility is where a deed was done
        preps = (*self.rules.deploy_prepositions, *self.rules.of_prepositions)
        for g in children_of(c):
            if g.dep_ == "nmod" and g.i > c.i and _introduced_by(g, preps) and not _in(g, self.forces):
                found = self.typed(self.np(g), ("Region",)) or self.inner_place(g, depth - 1)
                if found:
                    return found
        return []

    def near_phrase(self, c: Token) -> bool:
        """A phrase the parse opens on "de" after an adverb of place it hung elsewhere ("combattait
        près de la municipalité de X": "près" an adverb of the verb)."""
        first = c.left_edge
        return first.i > 0 and first.dep_ in ("dep", "case") and lower_text(first) in self.rules.of_prepositions \
            and lower_text(self.tokens[first.i - 1]) in self.rules.deploy_prepositions

    def on_own_soil(self, place: MentionRef, state: MentionRef) -> bool:
        """Whether ``place`` lies inside ``state``: the state itself, by the knowledge base (the
        entities' KB keys), else by the text (``soil_by_text``)."""
        if place.entity.id == state.entity.id:  # the state itself
            return True
        return self.kb_inside(place.entity, state.entity) or self.soil_by_text(place, state)

    def kb_inside(self, place, state) -> bool:
        """Whether the knowledge base puts entity ``place`` inside entity ``state``."""
        entry = self.kb_entry(place)
        return entry is not None and state.kb_id is not None and state.kb_id in (entry.country, entry.located_in)

    def kb_entry(self, entity):
        """The knowledge base's entry for an entity, None when unlinked or unknown."""
        kb = self.reading.kb
        return kb.get(entity.kb_id) if kb is not None and entity.kb_id else None

    def soil_by_text(self, place: MentionRef, state: MentionRef) -> bool:
        """Whether the text puts ``place`` in state ``state``: its own locatedIn, through a place
        the state holds ("X, dans le nord du Mali", "X (Nord-Kivu)", the province the KB puts in
        the state); or, for a place the KB does not place, a frame fronting its sentence ("Au
        Mozambique, l'armée ... X") or, for a place the KB does not know at all, a text that names
        no state but that one, and that one as a place ("au Mali": one state in play, no
        neighbour's soil)."""
        if state.entity.kind not in _STATE_KINDS or "Actor" in place.entity.types or not self.typed([place], ("Region",)):
            return False  # "a attaqué les jihadistes": an actor hit is no soil
        if self.text_inside(place.entity.id, state.entity, 3):
            return True
        entry = self.kb_entry(place.entity) if place.entity.qid else None  # a link kept only in-house is a guess
        if place.entity.kind in _STATE_KINDS or entry is not None and (entry.country or entry.located_in):
            return False  # the KB places it: the text's frame does not move it
        return self.framed_in(place, state) or not place.entity.kb_id and self.only_state_id == state.entity.id

    def text_inside(self, place_id: str, state, depth: int) -> bool:
        """Whether the text's locatedIn chain from ``place_id`` reaches ``state`` or a place the
        KB puts in it, in at most ``depth`` steps."""
        for c in self.text_containers.get(place_id, ()) if depth > 0 else ():
            if c.id == state.id or self.kb_inside(c, state) or self.text_inside(c.id, state, depth - 1):
                return True
        return False

    @functools.cached_property
    def text_containers(self) -> dict[str, list]:
        """The places the text itself locates each place in (its locatedIn, read ahead of the
        sentences' other relations): place id -> container entities."""
        kept, attackers = self.found, self.attackers
        self.found, self.attackers = [], list(attackers)
        try:
            for k, last in self.units.runs:
                if k not in self.skip:
                    self.located(k, self.run_words(k, last))
                    self.placed(k)
            pairs = [(r.subject, r.object) for r in self.found if r.predicate == "locatedIn"]
        finally:
            self.found, self.attackers = kept, attackers
        containers: dict[str, list] = {}
        for a, b in pairs:
            if b in self.by_id:
                containers.setdefault(a, []).append(self.by_id[b])
        return containers

    def framed_in(self, place: MentionRef, state: MentionRef) -> bool:
        """Whether the sentence of ``place`` opens on a frame of place naming ``state`` ("Au
        Mozambique, ...", "En Somalie, ..."): a container preposition, the state, a comma."""
        sent = self.sentences[self.units.sentence_at(place.start)]
        span = self.doc.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is None or len(span) < 3 or lower_text(span[0]) not in self.rules.container_prepositions:
            return False
        ref = self.ref_at(span[1])
        if ref is None or ref.entity.id != state.entity.id:
            return False
        comma = next((t for t in span[1:6] if t.idx >= ref.end), None)
        return comma is not None and comma.text == ","

    @functools.cached_property
    def only_state_id(self) -> str | None:
        """The one state the text names, when it names no other and names it as a place too ("au
        Mali", "en Somalie": where the events are); else None."""
        states = {e.id: e for e in self.by_label.values() if e.kind in _STATE_KINDS}
        if len(states) != 1:
            return None
        state = next(iter(states.values()))
        starts = {m.start for m in state.mentions}
        placed = any(t.idx in starts and t.i > 0 and lower_text(self.tokens[t.i - 1]) in self.rules.container_prepositions
                     for t in self.tokens)
        return state.id if placed else None

    def lead_verb(self, v: Token, k: int) -> None:
        """ "l'armée soudanaise, commandée par le général X", "X dirige le Hamas": a person leads
        the actor the verb governs; through a body of a state ("l'armée soudanaise") the person
        leads that body, a part of the state (memberOf), as with role phrases."""
        leaders, led = self.lead_arguments(v)
        for p in leaders[:1]:
            if p.entity.kind != "Person":
                continue
            for token in led[:1]:
                direct = self.names_itself(token)
                anchor = token if token.i < v.i and v not in children_of(token) and token.head != v else None
                for o in self.typed(self.np(token), ("Actor",))[:1] or self.governed_state(token, p):
                    if o.entity.kind != "Person":  # a participle the parse hung elsewhere: the name's clause
                        self.add(p, "leaderOf" if direct else "memberOf", o, v, k, 0.6, verb=anchor)

    def lead_arguments(self, v: Token) -> tuple[list[MentionRef], list[Token]]:
        """(the leaders, the phrases led) of a verb of leading: a passive's agent and what it
        hangs on, an active verb's subject and object."""
        if self.fronted_participle(v):  # "Dirigée par X, elle fait partie de Y": X leads what "elle" is
            leaders = self.agent(v) or self.children_with(v, self.rules.agent_prepositions, ("nmod",))
            return leaders, [c for c in children_of(v.head) if c.dep_ == "nsubj"]
        if self.passive(v):
            leaders = self.agent(v) or self.person_in(agent_phrase(v, self.rules))
            return leaders, [self.acronym_before(v) or self.led_noun(v.head)] if v.dep_ == "acl" else [
                c for c in children_of(v) if c.dep_ == "nsubj:pass"]
        named = self.name_right_before(v) if self.past_participle_with_agent(v) else None
        if named is not None:  # "du FACT mené par X", the participle hung on the main verb
            return self.agent(v), [named]
        return self.subject(v), [c for c in children_of(v) if c.dep_ == "obj"]

    def acronym_before(self, v: Token) -> Token | None:
        """The bracketed acronym right before a participle ("du Front ... du Tchad (FRT) mené par")."""
        return self.name_right_before(v) if self.tokens[v.i - 1].text == ")" else None

    def past_participle_with_agent(self, v: Token) -> bool:
        """A past participle with its own agent phrase and no auxiliary ("mené par X")."""
        return "Part" in morph_values(v, "VerbForm") and "Pres" not in morph_values(v, "Tense") \
            and not any(c.dep_.startswith("aux") for c in children_of(v)) and agent_phrase(v, self.rules) is not None

    def name_right_before(self, v: Token) -> Token | None:
        """The last word of the name right before ``v``, past a bracketed acronym ("le groupe
        rebelle du Front ... (FACT) mené par X": the Front), None when no name ends there."""
        k = v.i - 1
        if k > 1 and self.tokens[k].text == ")":
            if self.ref_at(self.tokens[k - 1]) is not None:
                return self.tokens[k - 1]  # the acronym, not a place inside the long form ("du Tchad (FRT)")
            k = next((j for j in range(k - 1, max(k - 8, 0), -1) if self.tokens[j].text == "("), 0) - 1
        return self.tokens[k] if k >= 0 and self.ref_at(self.tokens[k]) is not None else None

    @staticmethod
    def fronted_participle(v: Token) -> bool:
        """A past participle put before the clause it describes the subject of ("Dirigée par X,
        elle ...")."""
        return v.dep_ in ("obl", "obl:mod", "advcl") and v.head.pos_ == "VERB" and v.i < v.head.i \
            and "Part" in morph_values(v, "VerbForm") and "Pres" not in morph_values(v, "Tense")

    def governed_state(self, noun: Token | None, person: MentionRef | None = None) -> list[MentionRef]:
        """The state a ruling body named by a common noun stands for ("le régime dirigé par X",
        "le gouvernement de X", "le régime du président X"): the state of its demonym, else the
        state the text is about when the sentence names it or the KB makes the person its
        citizen (not "le gouvernement de Kim Jong-un" in a text about Burma); none for a noun in
        quoted words or a plural one."""
        if noun is None or self.ref_at(noun) is not None or "Plur" in morph_values(noun, "Number") \
                or not (_in(noun, self.rules.leader_body_nouns) or _in(noun, self.rules.state_stand_ins)) \
                or self.quotes.inside(noun.idx) or self.compound_complement(noun):
            return []
        home = self.home_country(person)
        named = self.states_named_for(noun, person is not None and home is None)
        return self.state_of_body(noun) or [r for r in self.dominant_state(noun.idx)
                                            if (r.entity.id in named and home in (None, r.entity.kb_id))
                                            or (home is not None and home == r.entity.kb_id)]

    def compound_complement(self, noun: Token) -> bool:
        """A ruling body noun with no determiner after "de" on another noun is part of a compound
        ("un coup d'État", "les chefs d'État", "un changement de régime"), no state of its own."""
        return noun.dep_ == "nmod" and noun.head.pos_ == "NOUN" and not any(c.dep_ == "det" for c in children_of(noun)) \
            and _introduced_by(noun, self.rules.place_of_prepositions)

    def states_named_for(self, noun: Token, unknown_person: bool) -> set[str]:
        """The actors the sentence of a ruling body noun names, but, for a person the KB gives no
        country, those its clause's subject names ("Washington a armé le gouvernement de X")."""
        sent = self.sentences[self.units.sentence_at(noun.idx)]
        named = {r.entity.id for r in self.index.inside(sent.start, sent.end)}
        return named - self.clause_actor_ids(noun) if unknown_person else named

    def clause_actor_ids(self, noun: Token) -> set[str]:
        """The actors the subject (or a passive's agent) of the verb a noun hangs on names: a
        ruling body a clause's subject acts on is another one's."""
        verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return set()
        return {r.entity.id for r in self.subject(verb) + (self.agent(verb) if self.passive(verb) else [])}

    def home_country(self, person: MentionRef | None) -> str | None:
        """The KB key of the country a linked person is a citizen of, if the KB knows it."""
        entry = self.kb_entry(person.entity) if person is not None else None
        return entry.country if entry is not None else None

    def ruling_noun_before(self, k: int, lo: int) -> Token | None:
        """The ruling body noun right before "de" at ``k`` ("le gouvernement de X", "le régime du
        président X"), past the determiner "de" may hold."""
        k = self.skip_determiners(k, lo)
        if k - 1 < lo or lower_text(self.tokens[k]) not in self.rules.of_prepositions:
            return None
        return self.tokens[k - 1] if self.tokens[k - 1].pos_ == "NOUN" else None

    def ruler_of_body(self, ref: MentionRef, span, k: int) -> None:
        """ "le gouvernement de Gustavo Petro", "le nouveau gouvernement de X": a person named as
        the one whose ruling body it is leads the state it stands for."""
        if ref.entity.kind != "Person" or span.start < 2:
            return
        noun = self.ruling_noun_before(span.start - 1, self.units.bounds(span.root)[0])
        for o in self.governed_state(noun, ref)[:1]:
            self.add(ref, "leaderOf", o, noun, k, 0.5, modality=self.noun_modality(noun))

    def names_itself(self, token: Token) -> bool:
        """A led phrase that names the actor itself (a name, a pronoun, "la junte", "la
        coalition Viv Ansanm"), not a body of it ("l'armée soudanaise": a part of Sudan)."""
        return self.ref_at(token) is not None or _in(token, self.rules.state_stand_ins) \
            or lower_text(token) in self.rules.subject_pronouns or any(
            c.dep_ in ("appos", "flat:name") and self.ref_at(c) is not None for c in children_of(token))

    def led_noun(self, head: Token) -> Token:
        """What a leading participle says is led: the noun it hangs on (past an adjective the
        parse hung it on), or, for a noun said of a subject ("les FSR sont un groupe
        paramilitaire soudanais dirigé par X"), that subject."""
        if head.pos_ == "ADJ" and head.dep_ == "amod" and head.head.i < head.i:
            head = head.head
        if head.dep_ == "appos" and head.pos_ == "NOUN" and self.ref_at(head) is None \
                and self.ref_at(head.head) is not None:
            return head.head  # "le GNA, exécutif dirigé par X": the name the description is apposed to
        if any(c.dep_ == "cop" for c in children_of(head)) and self.ref_at(head) is None:
            subject = next((c for c in children_of(head) if c.dep_.startswith("nsubj")), None)
            return subject if subject is not None else head
        return head

    def person_in(self, phrase: Token | None) -> list[MentionRef]:
        """The named person inside a phrase headed by a role ("par le commandant en chef X")."""
        if phrase is None:
            return []
        return [r for t in phrase.subtree for r in [self.ref_at(t)]
                if r is not None and r.entity.kind == "Person"][:1]

    def stance_verb(self, v: Token, k: int, predicate: str) -> None:
        if predicate == "opposes" and self.fighting_pairs(v):
            return  # "X se bat contre Y": fighting (``reflexive_fight``), not a stance
        if (self.passive(v) or self.past_participle_with_agent(v)) and agent_phrase(v, self.rules) is not None:
            return self.passive_stance(v, k, predicate)  # "le pouvoir, soutenu par X," however hung
        subj = self.stance_doers(v)
        objs = []
        for c in children_of(v):
            if c.dep_ == "obj":  # "salue la décision des États-Unis": the decision's author
                objs += self.stance_object(c)
        objs += self.stance_phrase_objects(v, self.stance_prepositions(v, predicate))
        objs = objs or self.shared_object(v) or self.relative_stance_object(v)
        for s in self.local_sides(self.typed(subj, ("Actor",)), v):
            for o in self.typed(objs, ("Actor",))[:3]:
                self.add(s, predicate, o, v, k, 0.6)

    def local_sides(self, found: list[MentionRef], v: Token) -> list[MentionRef]:
        """The ``sides`` of a verb's doers when the first is named in the verb's own sentence; a
        pronoun's antecedent named earlier is taken alone (the list it stood in there is not the
        pronoun's: "par A, B et C ... A a rappelé ..., qu'il accuse": A)."""
        span = self.span_at(found[0]) if found else None
        lo, hi = self.units.bounds(v)
        return self.sides(found) if span is not None and lo <= span.start < hi else found[:1]

    def stance_doers(self, v: Token) -> list[MentionRef]:
        """Whose stance a stance verb tells: its subject, the doer it depends on, the body "nous"
        stands for in a quote; a person accusing speaks for a side and takes no stance of their own
        (a spokesman's body does)."""
        if any(c.dep_ == "nsubj" and self.noun_before_relative(c) for c in children_of(v)):
            return []
        subj = self.subject(v) or self.stance_verb_doer(v) or self.speaker_body(v) \
            or [r for c in subjects_of(v, self.rules)[:1] for r in self.spokesman_body(c)]
        if _in(v, self.rules.accusation_cues):
            subj = [r for r in subj if r.entity.kind != "Person"] or self.spoken_for(subj)
        return subj

    def spokesman_body(self, token: Token | None) -> list[MentionRef]:
        """The body an unnamed spokesman's role names after "de" ("le porte-parole du gouvernement
        malien a condamné ...", "condamnée par le porte-parole de l'armée X"): it takes the stance."""
        if token is None or not _in(token, self.rules.spokesman_roles) or self.ref_at(token) is not None:
            return []
        return self.typed(self.of_phrases(token, 0), ("Actor",))[:1]

    def speaker_body(self, v: Token) -> list[MentionRef]:
        """Who "nous" as a verb's subject stands for in a quote: the one body the quote's speaker
        was made a member or the leader of ("« Nous soutenons X », a ajouté le ministre"), none
        when the speaker belongs to several."""
        if not self.we_subject(v):
            return []
        speakers = {s.speaker for s in self.statements_at(v.idx) if s.speaker}
        bodies = list(dict.fromkeys(r.object for r in self.found if r.subject in speakers
                                    and r.predicate in ("memberOf", "leaderOf")))
        return self.first_mentions(bodies) if len(bodies) == 1 else []

    def we_subject(self, v: Token) -> bool:
        """Whether a verb's subject is the speaker's own pronoun ("nous", ``speaker_pronouns``)."""
        return any(c.dep_.startswith("nsubj") and lower_text(c) in self.rules.speaker_pronouns for c in children_of(v))

    def speaking_body(self, v: Token) -> list[MentionRef]:
        """Who "nous" as the subject of an act stands for in a quote (``speaker_body``), also when
        the speaker is made a spokesman only after the quote: the one body his spokesman's role
        names after "de" ("« Nous revendiquons l'attaque », a déclaré X, porte-parole des shebab")."""
        found = self.speaker_body(v)
        if found or not self.we_subject(v):
            return found
        bodies = {r.entity.id: r for t in self.speaker_roles(v) for r in self.typed(self.of_phrases(t, 0), ("Actor",))[:1]}
        return list(bodies.values()) if len(bodies) == 1 else []

    def speaker_roles(self, v: Token) -> list[Token]:
        """The first words of the spokesman's roles among the mentions of the speakers of the
        quotes ``v`` is in ("porte-parole" of "X, porte-parole des shebab")."""
        entities = [self.index.entities.get(s.speaker) for s in self.statements_at(v.idx) if s.speaker]
        roles = [self.index_token(m.start) for e in entities if e is not None for m in e.mentions
                 if self.spokesman_mention(m)]
        return [t for t in roles if t is not None]

    def spoken_for(self, people: list[MentionRef]) -> list[MentionRef]:
        """The body a spokesman speaks for: the one the text already made a member of it, when one
        of the person's mentions is a spokesman's role ("le porte-parole du groupe X, Y")."""
        spokesmen = {r.entity.id for r in people if r.entity.kind == "Person" and any(
            self.spokesman_mention(m) for m in r.entity.mentions)}
        bodies = [r.object for r in self.found if r.subject in spokesmen and r.predicate == "memberOf"]
        return self.first_mentions(list(dict.fromkeys(bodies)))[:1]

    def spokesman_mention(self, mention: Mention) -> bool:
        """Whether a person's mention opens on a spokesman's role ("porte-parole des shebab")."""
        return normalize_label(mention.text).split(" ")[0] in self.rules.spokesman_roles

    def spokesman_strike(self, r: Relation) -> Relation:
        """An attack or an aim read with a spokesman as its author is his body's ("le porte-parole
        des shebab, X, a affirmé avoir tué vingt soldats", "« Nous revendiquons l'attaque de Y », a
        déclaré X, porte-parole de Z"): a spokesman speaks, the body he speaks for (``spoken_for``)
        strikes; ``r`` (whose subject is a person) itself otherwise."""
        if r.predicate not in ("attacks", "targets"):
            return r
        body = self.spoken_for(self.first_mentions([r.subject]))
        return replace(r, subject=body[0].entity.id) if body and body[0].entity.id != r.object else r

    def first_mentions(self, ids: list[str]) -> list[MentionRef]:
        """The entities of ``ids`` the text names, in order, each by its first mention."""
        entities = {e.id: e for e in self.by_label.values()}
        return [MentionRef(entities[b], entities[b].mentions[0]) for b in ids if b in entities]

    def shared_object(self, v: Token) -> list[MentionRef]:
        """The object a verb shares with the verb coordinated right after it, which the parse
        gives to that one ("appuient et forment l'armée X", "finance et arme les rebelles")."""
        nxt = next((c for c in children_of(v) if c.dep_ == "conj" and c.pos_ == "VERB" and v.i < c.i <= v.i + 3
                    and any(g.dep_ == "cc" and lower_text(g) in self.rules.list_conjunctions for g in children_of(c))
                    and not any(g.dep_.startswith("nsubj") for g in children_of(c))), None)
        return [r for c in children_of(nxt) if c.dep_ == "obj" for r in self.stance_object(c)] if nxt is not None else []

    def sides(self, found: list[MentionRef]) -> list[MentionRef]:
        """The actors a stance is said of: the first found and those of its kind coordinated
        with it ("la France et l'Allemagne condamnent X"; "les États-Unis, le Royaume-Uni et la
        France ont adopté des sanctions"), however the parse cut the list; up to four."""
        if not found:
            return []
        first = found[0]
        out = [first] + [r for r in found[1:] if r.entity.kind == first.entity.kind] + self.closed_list_after(first)
        out = self.listed_before(out[-1]) + out  # the list's head the parse cut off ("Les A, B, C et D")
        return list({r.entity.id: r for r in reversed(out)}.values())[::-1][:4]

    def closed_list_after(self, ref: MentionRef) -> list[MentionRef]:
        """The actors listed right after ``ref`` when a conjunction closes the list."""
        found = self.listed_after(ref)
        if not found:
            return []
        k = self.span_at(found[-1]).start - 1
        while k > 0 and self.tokens[k].pos_ in ("DET", "ADV"):
            k -= 1
        closed = lower_text(self.tokens[k]) in self.rules.list_conjunctions
        return found if closed or self.closed_by_group(self.span_at(found[-1]).end) else []

    def closed_by_group(self, k: int) -> bool:
        """A list of names closed by a conjunction and a noun of states or groups ("par A, B et
        plusieurs pays européens", "A, B et d'autres États"): the names are all listed."""
        if k >= len(self.tokens) or lower_text(self.tokens[k]) not in self.rules.list_conjunctions:
            return False
        nouns = self.rules.example_hosts | self.rules.group_heads
        return any(t.pos_ == "NOUN" and lower_lemma(t) in nouns for t in self.tokens[k + 1: k + 4])

    def stance_verb_doer(self, v: Token) -> list[MentionRef]:
        """Who a stance verb without a subject of its own is said of: the noun its present
        participle qualifies ("le principal groupe armé combattant le régime": the name the
        description is apposed to), else the doer of the verb it depends on ("déployés ... pour
        épauler X": the deployed ones support X)."""
        if v.dep_ not in ("advcl", "xcomp", "acl") or v.head.i == v.i:
            return []
        head = v.head
        if v.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and head.i < v.i and "Pres" in morph_values(v, "Tense"):
            return self.np(head) or self.stance_agents(head)
        if v.dep_ == "xcomp" and _in(head, self.rules.accusation_cues) and not self.passive(head):
            return self.accused(head)  # "X, que Y accuse de financer Z": X finances Z, not Y
        return self.patient(head) if self.passive(head) else self.subject(head)

    def accused(self, v: Token) -> list[MentionRef]:
        """Whom an active verb of accusing charges: its object, else the actor its relative "que"
        stands for ("le Bénin, que le Togo accuse de ..."); never its subject, the accuser."""
        found = [r for c in children_of(v) if c.dep_ in ("obj", "iobj") for r in self.np(c)]
        return found or self.relative_stance_object(v)

    def relative_stance_object(self, v: Token) -> list[MentionRef]:
        """The object of a stance verb in a relative clause opened by "que": the actor named right
        before the pronoun, past a comma ("le rappel de ses ambassadeurs au Bénin, qu'il accuse de
        ...", "le régime que les rebelles combattent"); not past a prepositional complement, which
        may turn the verb to another sense ("le PKK, que X range parmi les organisations ...")."""
        rel = self.relative_object(v)
        if rel is None or rel.i < 1 or any(c.dep_.startswith("obl") and any(g.dep_ == "case" for g in children_of(c))
                                           for c in children_of(v)):
            return []
        comma = self.tokens[rel.i - 1].text == ","
        if not (comma or v.dep_ == "acl:relcl" or "Rel" in morph_values(rel, "PronType")):
            return []  # "déclare au Parlement qu'il a approuvé": a completive "que"
        k = rel.i - 2 if comma else rel.i - 1
        ref = self.ref_at(self.tokens[k]) if k >= 0 else None
        return [self.np_head_of(ref)] if ref is not None and ref.end <= self.tokens[k].idx + len(self.tokens[k]) else []

    def stance_phrase_objects(self, v: Token, preps) -> list[MentionRef]:
        """Who a stance verb's prepositional object stands for, as a direct object does: the actor
        it names, or the author of the act it names by name ("lutter contre l'expansion de X"); not
        by a demonym ("protester contre les ventes d'armes chiliennes": whose make, not whose act)."""
        return [r for c in children_of(v) if c.dep_ in ("obl", "obl:arg", "obl:mod", "nmod", "iobj")
                and _introduced_by(c, preps) for r in self.np(c) or [a for a in self.stance_object(c) if self.named_at(a)]]

    def named_at(self, ref: MentionRef) -> bool:
        """Whether a mention opens on a name or a noun, not on an adjective (a demonym)."""
        span = self.span_at(ref)
        return span is not None and span[0].pos_ != "ADJ"

    def stance_object(self, c: Token) -> list[MentionRef]:
        """Who a stance verb's object stands for: the actor it names, or the author of the act it
        names ("salue la décision des États-Unis"); a harm done to someone names its victim after
        "de" ("condamne l'assassinat du chef de X": not X), only its agent ("par Y")."""
        if _in(c, self.rules.victim_nouns):
            return self.children_with(c, self.rules.agent_prepositions)
        aimed = self.refs_aimed(c) if _in(c, self.rules.attack_nouns | self.rules.target_nouns) else set()
        if aimed:
            return self.attack_authors(c, aimed)
        return self.np(c) or self.deed_agents(c) or self.typed(self.children_with(c, self.rules.of_prepositions), ("Actor",))

    def refs_aimed(self, n: Token) -> set[str]:
        """The entities an attack noun's hostile phrases hit ("contre X", "sur Y")."""
        return {r.entity.id for g in children_of(n) if g.dep_ == "nmod" and g.i > n.i and self.hostile(g) for r in self.np(g)}

    def attack_authors(self, n: Token, aimed: set[str]) -> list[MentionRef]:
        """Who an attack noun that says what it hits (``aimed``, the entities of ``refs_aimed``)
        stands for as a stance's object: its author alone ("condamne l'attaque des shebab contre
        une base de l'armée X": the shebab, not X; "l'attaque contre la base de la mission Y": nobody)."""
        return [r for r in self.typed(self.strike_doers(n), ("Actor",)) if r.entity.id not in aimed]

    def deed_agents(self, c: Token) -> list[MentionRef]:
        """The agent of the participle that qualifies an act named as a stance verb's object
        ("dénonce une guerre menée par X", "condamne les frappes conduites par Y"): its author,
        through a verb of carrying out only (not "défend les mesures dénoncées par X")."""
        return [r for a in children_of(c) if a.dep_ == "acl" and self.passive(a)
                and lower_lemma(a) in self.rules.agentive_verbs for r in self.agent(a)] or self.measure_agents(c)

    def stance_prepositions(self, v: Token, predicate: str) -> list[str]:
        """The prepositions of a stance verb's object: any of them for "s'opposer à X", only a
        hostile one for another verb of opposition without a direct object ("lutter contre X"; not
        a place, "combattre au Mali", nor a side, "combattre aux côtés de X"; with an object, the
        parse hangs the object's aim on the verb: "condamne l'attaque de X contre Y"), none for
        support."""
        if _in(v, self.rules.prepositional_stance_verbs):
            return list(self.rules.stance_verb_prepositions)
        if predicate == "opposes" and not any(c.dep_ == "obj" for c in children_of(v)):
            return self.hostile_among(self.rules.stance_verb_prepositions)
        return []  # "condamne l'attaque de X contre Y", "dénonce les sanctions contre Y": the object's aim

    def hostile_among(self, preps) -> list[str]:
        """The hostile prepositions (``hostile_prepositions``: "contre") among ``preps``, in order."""
        return [p for p in preps if p in self.rules.hostile_prepositions]

    def reliance(self, v: Token, k: int) -> None:
        """ "le gouvernement malien s'appuie sur le groupe Wagner", "Kiev compte sur Washington":
        the one relied on supports the subject."""
        phrases = [c for c in children_of(v) if c.dep_.startswith("obl")
                   and _introduced_by(c, self.rules.reliance_prepositions)]
        # "des mercenaires russes du groupe Wagner": the group named, not the demonym
        supporters = self.typed([r for c in phrases for r in (self.named_group(c) or self.np(c))], ("Actor",))
        for s in self.typed(self.subject(v), ("Actor",))[:1]:
            for o in supporters[:2]:
                self.add(o, "supports", s, v, k, 0.55)

    def named_group(self, token: Token) -> list[MentionRef]:
        """The armed group a noun's genitive names ("des mercenaires russes du groupe Wagner")."""
        return [r for g in self.genitives(token) for r in self.np(g) if r.entity.kind in _GROUP_KINDS]

    def passive_stance(self, v: Token, k: int, predicate: str) -> None:
        """ "l'attaque des Houthis a été condamnée par Londres": Londres opposes its author."""
        objs, harmed = self.stance_patients(v), any(_in(p, self.rules.victim_nouns) for p in self.patient_heads(v))
        if not self.typed(objs, ("Actor",)) and not harmed:  # "des missiles lancés par les Houthis, soutenus par X"
            objs = self.name_before_comma(v) or self.governed_state(v.head if v.dep_ == "acl" else None) \
                or self.participle_clause_subject(v)
        agents = self.typed(self.sides(self.typed(self.agent(v), ("Actor",))) + self.further_agents(v), ("Actor",))
        objs = self.typed(objs, ("Actor",))
        objs = self.local_sides(objs, v) + objs[1:] if objs else []  # "A, B et C ont été sanctionnés": each
        modality = self.apposed_modality(v)
        for s in (agents or self.spokesman_body(agent_phrase(v, self.rules)))[:4]:  # "par A, B et C": each
            for o in list({r.entity.id: r for r in reversed(objs)}.values())[::-1][:3]:
                self.add(s, predicate, o, v, k, 0.55, modality=modality)

    def apposed_modality(self, v: Token) -> str | None:
        """The modality of a participle apposed to a noun or set before a clause, which states its
        fact apart from the verb it hangs on ("Le M23, soutenu par X, dément ...", "Soutenu par X,
        le régime a rejeté ...": X supports it, not denied); None (the usual reading) otherwise."""
        apposed = v.i > 0 and self.tokens[v.i - 1].text == "," or v.dep_ == "advcl" and v.i < v.head.i
        if v.dep_ not in ("acl", "advcl") or not apposed or clause_negation(v, self.rules) is not None:
            return None  # "ce n'est pas un groupe soutenu par X": the copula's negation holds
        return self.hedging(v, v) or self.reporting(v)

    def stance_patients(self, v: Token) -> list[MentionRef]:
        """What a passive stance verb is said of: its subject or the noun its participle hangs on,
        through a genitive ("le gouvernement yéménite des Houthis, soutenu par X": the group), a
        description or a copula; not some people ("une rébellion de Congolais tutsi soutenus par X")."""
        objs = []
        for p in self.patient_heads(v):
            if not self.participle_agrees(v, p):
                continue  # "la progression du M23, soutenu par X": not the progression's noun phrase
            if _in(p, self.rules.victim_nouns):  # "l'assassinat de X a été condamné par Y": not X
                objs += self.stance_object(p)
                continue
            objs += self.named_group(p) or self.np(p) \
                or self.typed(self.children_with(p, self.rules.of_prepositions), ("Actor",)) \
                or self.described(p) or self.copula_subject(p)
        return [o for o in objs if not self.bare_people(o)]

    def patient_heads(self, v: Token) -> list[Token]:
        """The noun a passive verb or participle is said of: its passive subject or its head."""
        return [v.head] if v.dep_ == "acl" else [c for c in children_of(v) if c.dep_ == "nsubj:pass"]

    def further_agents(self, v: Token) -> list[MentionRef]:
        """Agents a participle takes in a phrase of its own after its first one ("soutenues par
        une coalition ..., ainsi que par l'Iran"), which the parse hangs on the participle."""
        first = agent_phrase(v, self.rules)
        return [r for c in children_of(v) if c.dep_ in ("conj", "obl", "obl:mod", "obl:agent") and c.i > v.i and c != first
                and first is not None and any(g.dep_ == "cc" for g in children_of(c))
                and _introduced_by(c, self.rules.agent_prepositions) for r in self.np(c)]

    def copula_subject(self, p: Token) -> list[MentionRef]:
        """The subject a predicate noun is said of ("les Houthis sont un groupe soutenu par X")."""
        if not any(c.dep_ == "cop" for c in children_of(p)):
            return []
        return [r for c in children_of(p) if c.dep_ == "nsubj" for r in self.np(c)]

    def name_before_comma(self, v: Token) -> list[MentionRef]:
        """The named actor a participle set off by a comma follows ("lancés par les Houthis,
        (également) soutenus par l'Iran"), when the parse hangs the participle elsewhere."""
        k = v.i - 1
        while k > 0 and self.tokens[k].pos_ == "ADV":
            k -= 1
        if k < 1 or self.tokens[k].text != ",":
            return []
        ref = self.ref_at(self.tokens[k - 1])
        if ref is None:  # "le pouvoir, appuyé par X": the state the ruling noun stands for
            return self.governed_state(self.tokens[k - 1])
        span = self.span_at(ref)
        if span is not None and not self.participle_agrees(v, span.root):
            return []  # "a repoussé les rebelles, appuyé par X": the participle is not said of them
        return [ref] if ref.entity.kind not in ("Person",) and self.typed([ref], ("Actor",)) else []

    def participle_clause_subject(self, v: Token) -> list[MentionRef]:
        """Whom a participle put before its clause, or set off by a comma after a noun it does not
        agree with, is said of: the clause's subject, when it agrees ("Soutenu par X, le président
        Y résiste": Y; "le Tchad a repoussé les rebelles, appuyé par X": Chad, not the rebels)."""
        comma = v.i > 0 and self.tokens[v.i - 1].text == ","
        if v.dep_ == "acl" and comma and not self.participle_agrees(v, v.head):
            host = v.head.head
        elif v.dep_ == "advcl" and (comma or v.i < v.head.i):
            host = v.head
        else:
            return []
        if host.pos_ not in ("VERB", "AUX"):
            return []
        return [r for c in children_of(host) if c.dep_ in ("nsubj", "nsubj:pass") and self.participle_agrees(v, c)
                for r in self.np(c)]

    @staticmethod
    def participle_agrees(v: Token, noun: Token) -> bool:
        """Whether a participle can be said of a noun: the same number (its determiner's, which
        the model reads better than a name's: "les Houthis"; a noun with conjuncts is plural) and,
        for a common noun, the same gender; a feature either word lacks agrees."""
        listed = any(c.dep_ == "conj" for c in children_of(noun))
        det = next((morph_values(c, "Number") for c in children_of(noun) if c.dep_ == "det" and morph_values(c, "Number")), None)
        pairs = [(morph_values(v, "Number"), ["Plur"] if listed else det or morph_values(noun, "Number"))]
        if noun.pos_ == "NOUN" and not listed:
            pairs.append((morph_values(v, "Gender"), morph_values(noun, "Gender")))
        return all(not a or not b or bool(set(a) & set(b)) for a, b in pairs)

    def bare_people(self, ref: MentionRef) -> bool:
        """A mention that is a demonym noun with no determiner ("de Congolais tutsi"): some
        people of the nation, not its state."""
        span = self.span_at(ref)
        p = span.root if span is not None else None
        return p is not None and p.pos_ in ("NOUN", "PROPN") and lower_text(p) in self.rules.demonyms \
            and not any(c.dep_ == "det" for c in children_of(p))

    def described(self, p: Token) -> list[MentionRef]:
        """The name a description is apposed to after a comma ("le M23, groupe rebelle soutenu
        par X": the parse may read the description as a conjunct)."""
        k = min((t.i for t in p.subtree if not t.is_punct), default=p.i) - 1
        if k < 1 or self.tokens[k].text != "," or any(c.dep_ == "cc" for c in children_of(p)):
            return []  # "X, Y et des groupes": a list, not an apposition
        k -= 1
        while k > 0 and self.tokens[k].text == ")":  # "le Mouvement du 23 mars (M23), groupe ..."
            k -= 1
        ref = self.ref_at(self.tokens[k])
        return [ref] if ref is not None and ref.entity.kind not in (*_STATE_KINDS, "Person") \
            and self.typed([ref], ("Actor",)) else []

    def stance_noun(self, n: Token, k: int, predicate: str) -> None:
        """ "le soutien de la France à l'Ukraine", "son opposition à Moscou", "l'appui américain à Kiev"."""
        if self.adverbial_stance(n):
            return self.stance_in_aid(n, k, predicate)
        if self.role_stance(n, k, predicate) or predicate == "supports" and self.received_support(n, k):
            return None
        agents = self.stance_authors(n)
        preps = self.rules.stance_noun_prepositions + (  # "solidarité avec les Palestiniens"
            tuple(self.rules.partner_prepositions) if _in(n, self.rules.solidarity_nouns) else ())
        objects = self.stance_noun_targets(n, preps)
        backed = self.backing(n)
        if not objects and predicate == "supports" and backed:
            agents, objects = agents[:3], self.typed(self.subject(n.head), ("Actor",))
        authors = {x.entity.id for x in agents}
        # one author for a stance noun of its own ("le soutien de la France à X")
        for a in agents[:3] if backed else self.sides(agents):
            for o in objects[:2]:
                if o.entity.id not in authors:
                    self.add(a, predicate, o, n, k, 0.55, modality=self.noun_modality(n))

    def received_support(self, n: Token, k: int) -> bool:
        """ "le soutien reçu par X de Y et de Z", "l'aide obtenue par X de Y": a support noun
        qualified by a participle of receiving (``benefit_verbs``) with an agent: Y and Z back X
        (the "de" phrases on the noun, the participle or the agent, however the parse hangs them)."""
        part, phrase = self.receipt_phrases(n)
        if phrase is None:
            return False
        backed = self.typed(self.np(phrase), ("Actor",))[:1]
        givers = self.typed([r for h in (n, part, phrase) for r in self.children_with(h, self.rules.of_prepositions,
                                                                                   ("nmod", "obl", "obl:mod", "conj"))], ("Actor",))
        for g in givers[:4]:
            for b in backed:
                self.add(g, "supports", b, n, k, 0.55, modality=self.noun_modality(n))
        return bool(backed and givers)

    def receipt_phrases(self, n: Token) -> tuple[Token | None, Token | None]:
        """A support noun's participle of receiving and its agent phrase, also where the parse
        hangs "par" on the noun ("l'aide obtenue par X")."""
        part = next((a for a in children_of(n) if a.dep_ == "acl" and a.i > n.i and _past_participle(a)
                     and _in(a, self.rules.benefit_verbs)), None)
        if part is None:
            return None, None
        return part, agent_phrase(part, self.rules) or next(
            (c for c in children_of(n) if c.dep_ == "nmod" and c.i > part.i and _introduced_by(c, self.rules.agent_prepositions)), None)

    def stance_noun_targets(self, n: Token, preps) -> list[MentionRef]:
        """Whom a stance noun is aimed at: its own phrase, or the one the parse hangs elsewhere
        (on the verb voicing it, on its author's demonym, on its participle of voicing)."""
        return self.typed(self.children_with(n, preps), ("Actor",)) or self.partner_after(n) \
            or self.stance_verb_recipient(n, preps) or self.recipient_on_author(n, preps) or self.measure_objects(n, preps) \
            or self.stance_aim_after(n, preps)

    def stance_aim_after(self, n: Token, preps) -> list[MentionRef]:
        """The hostile phrase right after a stance noun's own words that the parse hangs on the
        noun's head ("conforté par les sanctions des États-Unis contre Caracas": "contre" under
        "conforté"): what a noun of opposition is aimed at."""
        hostile = self.hostile_among(preps)
        if not hostile or not _in(n, self.rules.oppose_nouns):
            return []
        return self.typed([r for c in children_of(n.head) if c.dep_ in _OBLIQUES and c.left_edge.i == n.right_edge.i + 1
                           and _introduced_by(c, hostile) for r in self.np(c)], ("Actor",))

    def recipient_on_author(self, n: Token, preps) -> list[MentionRef]:
        """The one a stance noun is aimed at when the parse hangs its phrase on the author's
        demonym ("l'appui américain à Kiev")."""
        return self.typed([r for c in children_of(n) if c.dep_ == "amod" and self.next_modifier(n, c)
                           for r in self.children_with(c, preps)], ("Actor",))

    def benefiting(self, n: Token) -> bool:
        """A support noun a verb of receiving governs ("le groupe bénéficie d'un soutien du pays
        voisin", "a reçu l'appui de X"): its author backs the verb's subject."""
        return n.head.pos_ == "VERB" and n.dep_ in ("obj", "obl", "obl:arg", "obl:agent", "obl:mod") \
            and _in(n.head, self.rules.benefit_verbs)

    def role_stance(self, n: Token, k: int, predicate: str) -> bool:
        """A support noun said of a name, apposed after a comma or after a copula ("l'Iran,
        principal soutien du mouvement", "Moscou est le premier soutien de Damas"): the name
        backs the one its "de" phrase names."""
        if predicate != "supports" or self.index.at_token(n) is not None \
                or self.children_with(n, self.rules.stance_noun_prepositions):
            return False
        owners = self.stance_holders(n)
        backed = self.typed(self.children_with(n, self.rules.of_prepositions, ("nmod",)), ("Actor",))
        for a in owners[:1]:
            for o in backed[:1]:
                if o.entity.id != a.entity.id:
                    self.add(a, "supports", o, n, k, 0.55)
        return bool(owners and backed)

    def stance_holders(self, n: Token) -> list[MentionRef]:
        """The name a stance noun is said of: the copula's subject, or the name the noun is
        apposed to after a comma (no conjunction: "X, principal soutien de Y")."""
        owners = [self.ref_at(c) for c in children_of(n) if c.dep_.startswith("nsubj")]
        comma = any(c.text == "," and c.i < n.i for c in children_of(n)) or self.tokens[n.left_edge.i - 1].text == ","
        if not owners and n.dep_ in ("appos", "conj") and n.head.i < n.i and comma \
                and not any(c.dep_ == "cc" for c in children_of(n)):
            owners = [self.ref_at(n.head)]
        return self.typed([r for r in owners if r is not None], ("Actor",))

    def adverbial_stance(self, n: Token) -> bool:
        """A stance noun in a bare adverbial phrase ("en soutien de X", "en appui aux Y")."""
        return n.i > 0 and lower_text(self.tokens[n.i - 1]) in self.rules.stance_manner_prepositions \
            and not any(c.dep_ == "det" for c in children_of(n))

    def stance_in_aid(self, n: Token, k: int, predicate: str) -> None:
        """ "En soutien de l'offensive russe, des membres du groupe X ont ...", "X échange des tirs
        avec Y, en soutien au Hamas": the subject of the clause backs the one the phrase names,
        or the owner of the operation it names (its demonym or genitive)."""
        preps = (*self.rules.of_prepositions, *self.rules.stance_noun_prepositions, *(  # "en solidarité avec X"
            self.rules.partner_prepositions if _in(n, self.rules.solidarity_nouns) else ()))
        phrases = [c for c in children_of(n) if c.dep_ in ("nmod", *_OBLIQUES) and _introduced_by(c, preps)]
        objects = self.typed([r for c in phrases[:1] for r in self.np(c) or self.operation_owners(c)], ("Actor",)) \
            or self.partner_after(n)
        verb = self.manner_host(n)
        agents = self.manner_stance_authors(n) or (self.typed(self.doer(verb), ("Actor",)) if verb is not None else [])
        for a in self.local_sides(agents, n):  # "A et B ont publié ... en solidarité avec X": each
            for o in objects[:1]:
                self.add(a, predicate, o, n, k, 0.55, modality=self.noun_modality(n))

    def operation_owners(self, c: Token) -> list[MentionRef]:
        """Whose operation or attack a noun names ("l'offensive turque", "les opérations de l'armée X")."""
        if not _in(c, _event_nouns(self.rules) | self.rules.operation_nouns):
            return []
        return [r for a in children_of(c) if a.dep_ == "amod" for r in [self.ref_at(a)] if r is not None] + self.children_with(
            c, self.rules.of_prepositions, ("nmod",))

    def stance_authors(self, n: Token) -> list[MentionRef]:
        """Whose stance a noun names: its demonym or "de" phrases ("l'appui américain", "le
        soutien de la France"), else the subject of the verb it is the object of ("exprimer
        son soutien", "mener une lutte contre")."""
        # "l'appui de la Russie, de l'Iran et du Hezbollah": the last may hang on the noun as a conjunct
        agents = self.typed([self.ref_at(c) for c in children_of(n) if c.dep_ == "amod" and self.next_modifier(n, c)]
                            + self.children_with(n, self.rules.of_prepositions,
                                                 ("obl", "obl:arg", "obl:mod", "nmod", "iobj", "conj")), ("Actor",))
        if not agents and n.dep_ == "obj" and (_possessive(n) or _in(n.head, self.rules.stance_verbs | self.rules.agentive_verbs)):
            agents = self.typed(self.subject(n.head), ("Actor",))
        agents = agents or self.possessor_doer(n)
        return agents or self.measure_agents(n) or self.manner_stance_authors(n) or self.campaign_authors(n)

    def possessor_doer(self, n: Token) -> list[MentionRef]:
        """Whose stance a possessed noun completing a verb names: the verb's doer ("appelle X à
        mettre fin à son soutien à Y", "renoncer à leur appui": X, the ones called)."""
        if not self.possessed_complement(n):
            return []
        return self.typed(self.doer(n.head), ("Actor",))

    @staticmethod
    def possessed_complement(n: Token) -> bool:
        """A possessed noun completing a verb ("mettre fin à son soutien", "renoncer à leur appui")."""
        return n.dep_ in _OBLIQUES and _possessive(n) and n.head.pos_ == "VERB"

    def measure_participles(self, n: Token) -> list[Token]:
        """The past participles of a verb voicing a stance that qualify a stance noun with an agent
        ("les sanctions imposées à X par Y", "les sanctions prises par l'UE contre Z")."""
        return [a for h in self.measure_hosts(n) for a in children_of(h) if a.dep_ == "acl" and a.i > n.i
                and _past_participle(a) and _in(a, self.rules.stance_verbs) and self.measure_agent_phrase(a) is not None]

    def measure_hosts(self, n: Token) -> list[Token]:
        """A stance noun and the nouns of its "de" complement that name no actor, where the parse
        may hang the participle of voicing ("les accusations de provocations et de trahison
        formulées par X": "formulées" under "trahison")."""
        hosts, frontier = [n], [n]
        for _ in range(2):
            frontier = [c for h in frontier for c in children_of(h) if c.dep_ in ("nmod", "conj") and c.pos_ == "NOUN"
                        and c.i > n.i and self.ref_at(c) is None]
            hosts += frontier
        return hosts

    def measure_agent_phrase(self, a: Token) -> Token | None:
        """The agent of a participle of voicing, also where the parse hangs it on the participle's
        own complement ("imposées à la Syrie par les États-Unis": "par" under "Syrie") or on a
        day's name it misreads ("formulées jeudi par la Chine": "par" under "jeudi")."""
        return agent_phrase(a, self.rules) or next(
            (g for c in children_of(a) if c.dep_.startswith("obl") or c.dep_ == "xcomp" for g in children_of(c)
             if g.dep_ in ("nmod", "obl:agent") and g.i > c.i and _introduced_by(g, self.rules.agent_prepositions)), None)

    def measure_agents(self, n: Token) -> list[MentionRef]:
        """Whose stance a noun names by the agent of its participle of voicing ("les sanctions
        imposées par les États-Unis": the United States)."""
        return self.typed([r for a in self.measure_participles(n) for r in self.np(self.measure_agent_phrase(a))],
                          ("Actor",))

    def measure_objects(self, n: Token, preps) -> list[MentionRef]:
        """Whom a stance noun is aimed at by the phrase its participle of voicing takes ("les
        sanctions imposées à la Syrie par X", "prises contre la Russie"), also where the parse
        hangs a hostile one on the agent ("portées par X contre Y": "contre" under X)."""
        hostile = self.hostile_among(preps)
        return self.typed([r for a in self.measure_participles(n) for r in self.children_with(a, preps)
                           or self.children_with(self.measure_agent_phrase(a), hostile, ("nmod",))], ("Actor",))

    def next_modifier(self, n: Token, c: Token) -> bool:
        """An adjective right after its noun or after other adjectives of it ("l'appui américain",
        "le soutien militaire iranien")."""
        return c.i > n.i and all(self.tokens[i].dep_ == "amod" and self.tokens[i].head.i == n.i for i in range(n.i + 1, c.i))

    def stance_verb_recipient(self, n: Token, preps) -> list[MentionRef]:
        """Whom a stance noun is aimed at when the parse hangs its "à" phrase on the verb that
        voices it ("imposer des sanctions au Hezbollah") or, after a possessed noun, on the verb
        it is a complement of ("mettre fin à son appui aux ADF")."""
        voiced = n.dep_ == "obj" and _in(n.head, self.rules.stance_verbs)
        if not voiced and not self.possessed_complement(n):
            return []
        return self.typed([r for c in children_of(n.head) if c.i > n.i and c.dep_.startswith("obl")
                           and _introduced_by(c, preps) for r in self.np(c)], ("Actor",))

    def partner_after(self, n: Token) -> list[MentionRef]:
        """The one a solidarity noun is with, when the parse hangs its "avec" phrase on the
        noun before it ("une campagne de solidarité avec les Palestiniens")."""
        if not _in(n, self.rules.solidarity_nouns) or n.dep_ != "nmod":
            return []
        return self.typed([r for c in children_of(n.head) if c.i > n.i and c.dep_ == "nmod"
                           and _introduced_by(c, self.rules.partner_prepositions) for r in self.np(c)], ("Actor",))

    def campaign_authors(self, n: Token) -> list[MentionRef]:
        """Whose stance a noun names as the "de" complement of a verb's object ("mener une
        campagne de solidarité avec X", "lancer un appel de soutien à X"): the verb's subject."""
        if n.dep_ != "nmod" or not _introduced_by(n, self.rules.of_prepositions) or any(c.dep_ == "det" for c in children_of(n)) \
                or self.index.at_token(n) is not None:
            return []  # not a word of a name ("le Groupe de soutien à l'islam et aux musulmans")
        host = n.head  # "dans le cadre d'une campagne de solidarité": up the nouns to the verb
        for _ in range(3):
            if _in(host, self.rules.mission_nouns | self.rules.transfer_nouns):
                return []  # "l'envoi d'une mission d'appui à X": what is sent, not a stance
            if host.pos_ == "VERB" or host.dep_ not in ("obj", "obl", "obl:mod", "nmod") or host.head.i == host.i:
                break
            host = host.head
        return self.typed(self.subject(host), ("Actor",)) if host.pos_ == "VERB" else []

    def manner_stance_authors(self, n: Token) -> list[MentionRef]:
        """The subject of the verb a bare stance noun qualifies ("le Hezbollah tire des roquettes
        en soutien au Hamas", "le Hezbollah a, en soutien au Hamas, ouvert un front": the parse
        may make the phrase the head of the clause, its subject then hangs on the noun)."""
        if not _introduced_by(n, self.rules.stance_manner_prepositions) or any(c.dep_ == "det" for c in children_of(n)):
            return []
        own = [r for c in children_of(n) if c.dep_.startswith("nsubj") for r in self.np(c)]
        host = self.manner_host(n)
        return self.typed(own or (self.subject(host) if host is not None else []), ("Actor",))

    @staticmethod
    def manner_host(n: Token) -> Token | None:
        """The verb a bare stance phrase qualifies: its head, or the verb whose object or
        circumstance the parse hangs it on ("ont publié un communiqué en solidarité avec X": the
        publishers)."""
        head = n.head
        if head.pos_ not in ("VERB", "AUX") and head.dep_ == "obj" and n.dep_ == "nmod" \
                or n.dep_ == "conj" and head.dep_.startswith("obl"):  # "..., ce 31 juillet, en solidarité avec X"
            head = head.head
        return head if head.pos_ in ("VERB", "AUX") else None

    def backing(self, n: Token) -> bool:
        """A support noun that says with whose backing the verb's subject acts ("avec l'appui
        de la Russie, le gouvernement a reconquis ...": Russia supports the subject), or that a
        verb of receiving governs ("a reçu l'appui de X")."""
        return n.head.pos_ == "VERB" and n.dep_.startswith("obl") and _introduced_by(n, self.rules.backing_prepositions) \
            or self.benefiting(n)

    def copula_stance(self, n: Token, k: int) -> None:
        """A copula with a preposition of opposition ("le Hachd est contre la présence américaine
        en Irak", ``oppose_copula_prepositions``): the subject opposes who the phrase names, or
        whose presence or policy it is (a demonym or a genitive)."""
        if not any(c.dep_ == "case" and lower_text(c) in self.rules.oppose_copula_prepositions for c in children_of(n)):
            return
        opposed = self.typed(self.np(n), ("Actor",)) or self.owners_hit(n)
        for a in self.typed([r for c in children_of(n) if c.dep_ == "nsubj" for r in self.np(c)], ("Actor",))[:1]:
            for o in opposed[:1]:
                self.add(a, "opposes", o, n, k, 0.55)

    def predicate_noun(self, n: Token, k: int, predicate: str) -> None:
        """ "la Biélorussie, alliée de Moscou", "X est l'adversaire de Y", "X, hostile à Y",
        "Wagner, supplétif de l'armée malienne" (an adjective may take either preposition)."""
        objects = self.stance_noun_objects(n)
        if _possessive(n) and (n.dep_ == "conj" or self.sibling_before(n)):
            return self.possessed_allies(n, k, predicate)
        for a in self.sides(self.typed(self.stance_agents(n), ("Actor",))):
            for o in objects[:1]:
                self.add(a, predicate, o, n, k, 0.55)

    def stance_noun_objects(self, n: Token) -> list[MentionRef]:
        """Whom an ally or enemy word names: its "de" complement; an adjective or a participle
        ("alliés à l'Iran", read as "allier") may take "à" too, and so may a noun used as one, with
        no determiner ("les milices X, alliées à Y"); the complement the parse gives to the noun
        a misread adjective qualifies ("des fervents partisans de X")."""
        bare = n.pos_ in ("ADJ", "VERB") or not any(c.dep_ == "det" for c in children_of(n))
        preps = self.rules.of_prepositions + (self.rules.recipient_prepositions if bare else ())
        objects = self.typed(self.children_with(n, preps), ("Actor",))
        if objects or n.dep_ != "amod" or n.head.i > n.i:
            return objects
        return self.typed([r for c in children_of(n.head) if c.i > n.i and c.dep_ == "nmod"
                           and _introduced_by(c, self.rules.of_prepositions) for r in self.np(c)], ("Actor",))

    def stance_agents(self, n: Token) -> list[MentionRef]:
        """Whom a stance noun or adjective is said of: its subject, the noun it qualifies, the
        name it is apposed to."""
        agents = [r for c in children_of(n) if c.dep_.startswith("nsubj") for r in self.np(c)]
        if not agents and (n.dep_ in ("appos", "amod", "acl") or self.comma_conjunct(n)) and n.head.i < n.i:
            agents = self.predicate_noun_subject(n.head)
            if agents is not None:
                return agents
            agents = self.np(n.head)
        return agents or self.one_of(n) or self.fronted_subject(n) or self.described_head(n) or (
            self.one_of(n.head) if n.dep_ == "amod" else [])  # "l'un des fervents partisans de X", misread

    def predicate_noun_subject(self, noun: Token) -> list[MentionRef] | None:
        """The subject a common noun is said of through a copula ("les ADF sont un groupe armé
        d'origine ougandaise, opposé au régime": the ADF, not the states its complements name);
        none when that subject names no actor; None when the noun has no copula."""
        if noun.pos_ != "NOUN" or self.ref_at(noun) is not None or not any(c.dep_ == "cop" for c in children_of(noun)):
            return None
        return [r for c in children_of(noun) if c.dep_ == "nsubj" for r in self.np(c)]

    def described_head(self, n: Token) -> list[MentionRef]:
        """The name an adjective's common noun is apposed to ("les Forces X (PDF), une milice
        locale opposée à la junte": the PDF), however the parse hangs the noun."""
        head = n.head
        if n.dep_ not in ("amod", "acl") or head.pos_ != "NOUN" or head.i > n.i or self.ref_at(head) is not None:
            return []
        return self.described(head)

    def possessed_allies(self, n: Token, k: int, predicate: str) -> None:
        """ "l'armée syrienne et ses alliés du Hezbollah": the one a possessed ally noun names
        right after it with "de" stands by (or against) the noun it is coordinated with (not
        "l'Iran et ses alliés d'une part et Israël de l'autre")."""
        named = self.possessed_ally_names(n)
        lo, hi = n.left_edge.idx, n.right_edge.idx + len(n.right_edge.text)
        owners = [r for r in self.typed(self.np(n.head) if n.dep_ == "conj" else [], ("Actor",))
                  if not lo <= r.start < hi] or self.sibling_before(n) or self.genitive_sibling(n)
        for o in owners[:1]:
            for a in self.typed(named, ("Actor",))[:3]:  # "ses alliés du Tchad et du Soudan": each
                self.add(a, predicate, o, n, k, 0.55)

    def genitive_sibling(self, n: Token) -> list[MentionRef]:
        """The actor of the "de" phrase a possessed ally noun with "de" is coordinated with when the
        parse hangs the ally on the noun above ("une attaque du Hamas et de son allié X": the Hamas)."""
        if n.dep_ != "conj" or not _introduced_by(n, self.rules.of_prepositions):
            return []
        return self.typed([r for c in children_of(n.head) if c.dep_ == "nmod" and c.i < n.i
                           and _introduced_by(c, self.rules.of_prepositions) for r in [self.ref_at(c)] if r is not None][:1],
                          ("Actor",))

    def possessed_ally_names(self, n: Token) -> list[MentionRef]:
        """Who a possessed ally noun names right after it: its "de" complement ("ses alliés du
        Hezbollah", also past a demonym: "leurs alliés libanais du Hezbollah"), else its demonym
        ("son allié russe")."""
        near = [c for c in children_of(n) if n.i < c.i <= n.i + 4]
        named = [r for c in near if c.dep_ == "nmod" and _introduced_by(c, self.rules.of_prepositions)
                 for r in self.refs_at([c, *self.conjuncts(c)])]
        return named or self.refs_at([c for c in near if c.dep_ == "amod" and c.pos_ == "ADJ"]) or self.apposed_allies(n)

    def refs_at(self, tokens: list[Token]) -> list[MentionRef]:
        """The entities named at ``tokens`` (``ref_at``), skipping the tokens that name none."""
        return [r for t in tokens for r in [self.ref_at(t)] if r is not None]

    def apposed_allies(self, n: Token) -> list[MentionRef]:
        """The actors an ally noun names as an apposition, with or without an article ("et son
        allié le Jihad islamique", "et de son allié X", "ses alliés A et B"), each listed; the
        first word after the noun must begin the name (no qualifier between)."""
        first = self.tokens[n.i + 1] if n.i + 1 < len(self.tokens) else None
        if first is None or first.pos_ == "DET" and first.head.head.i != n.i and first.head.i != n.i:
            return []
        name = first.head if first.pos_ == "DET" else first
        hit = self.ref_at(name)
        if hit is None or name.head.i != n.i or _introduced_by(name, self.rules.of_prepositions) \
                or "Actor" not in hit.entity.types:
            return []
        return [hit] + self.refs_at(self.conjuncts(name))

    def sibling_before(self, n: Token) -> list[MentionRef]:
        """The actor listed right before a possessed noun, past a comma or a conjunction, when the
        parse makes the two siblings rather than conjuncts ("le conflit entre l'armée X, ses
        supplétifs de Y et ...": the army)."""
        k = n.left_edge.i - 1
        if k < 1 or not (self.tokens[k].text == "," or lower_text(self.tokens[k]) in self.rules.list_conjunctions):
            return []
        ref = self.ref_at(self.tokens[k - 1])
        return self.typed([ref], ("Actor",)) if ref is not None and ref.entity.kind != "Person" else []

    def comma_conjunct(self, n: Token) -> bool:
        """An adjective the parse reads as a conjunct of the name it is apposed to after a comma
        ("la faction Mayitos, fidèle au baron X")."""
        return n.dep_ == "conj" and n.pos_ == "ADJ" and self.tokens[n.i - 1].text == "," \
            and not any(c.dep_ == "cc" for c in children_of(n))

    def fronted_subject(self, n: Token) -> list[MentionRef]:
        """The subject a noun set before it with a comma is said of ("Premier allié d'Israël,
        Washington a ...")."""
        verb = n.head
        if verb.pos_ != "VERB" or n.i > verb.i or any(c.dep_ == "case" for c in children_of(n)):
            return []
        named = self.comma_conjunct_names(n)
        if named or self.tokens[min(n.right_edge.i + 1, len(self.tokens) - 1)].text != ",":
            return named
        return [r for c in children_of(verb) if c.dep_ in ("nsubj", "nsubj:pass") and c.i > n.i for r in self.np(c)]

    def comma_conjunct_names(self, n: Token) -> list[MentionRef]:
        """A name the parse reads as a conjunct after a comma, with no conjunction: an
        apposition ("Premier allié d'Israël, Washington, qui ...")."""
        return [r for c in children_of(n) if c.dep_ == "conj" and c.pos_ == "PROPN" and self.tokens[c.i - 1].text == ","
                and not any(g.dep_ == "cc" for g in children_of(c)) for r in [self.ref_at(c)] if r is not None]

    def apposed_name(self, c: Token) -> bool:
        """A name apposed to its head, also when the parse reads it as a complement after a
        comma (", la Biélorussie")."""
        return self.ref_at(c) is not None and (c.dep_ == "appos" or c.dep_ == "nmod" and not any(
            g.dep_ == "case" for g in children_of(c)) and self.tokens[c.left_edge.i - 1].text == ",")

    def one_of(self, n: Token) -> list[MentionRef]:
        """Who is "one of" the nouns ``n`` ("l'un des principaux alliés de Moscou, la
        Biélorussie", "le Qatar, l'un des partenaires de X", "la Biélorussie est l'un des alliés
        de Moscou"): the name apposed to the phrase, the name it is apposed to, or the subject
        of its copula."""
        head = n.head
        if n.dep_ != "nmod" or head.pos_ not in ("PRON", "NUM") or head.i > n.i:
            return []
        named = [c for h in (n, head) for c in children_of(h) if self.apposed_name(c)]
        if named:
            return self.np(named[0])
        if head.dep_ == "appos" and head.head.i < head.i:  # "le Qatar, l'un des partenaires de X"
            return self.np(head.head)
        return [r for c in children_of(head) if c.dep_.startswith("nsubj") for r in self.np(c)]

    def affiliation_cue(self, t: Token) -> tuple[str, ...] | None:
        """The prepositions of the group an affiliation word names ("affilié à", "la branche
        armée de", "faction de"), None for another word."""
        table = self.rules.affiliation_words
        return table.get(lower_text(t)) or table.get(lower_lemma(t))

    def affiliation(self, t: Token, k: int, preps: tuple[str, ...]) -> None:
        """ "le JNIM, affilié à Al-Qaïda", "les Brigades al-Quds, la branche militaire du Jihad
        islamique", "l'Iswap, faction de Boko Haram", "le groupe a prêté allégeance à l'EI":
        the named group belongs to (memberOf) the one named after the cue.  Only names: "un
        groupe affilié à l'EI" names no member; "lié à" (any tie) is no affiliation.  An armed
        group affiliated to a state ("le groupe X, affilié à l'Iran") is no part of it: the state
        backs it (supports)."""
        subject = self.affiliated(t)
        obj = self.affiliate_of(t, preps)
        if subject is None or obj is None or "Person" in (subject.entity.kind, obj.entity.kind):
            return
        modality = self.noun_modality(t) if t.pos_ == "NOUN" else None
        if obj.entity.kind in _STATE_KINDS and subject.entity.kind in _GROUP_KINDS:
            self.add(obj, "supports", subject, t, k, 0.6, modality=modality)
            return
        self.add(subject, "memberOf", obj, t, k, 0.6, modality=modality)

    def affiliated(self, t: Token) -> MentionRef | None:
        """The group an affiliation word is said of: the name right before it (past a comma,
        a closing bracket, a determiner, a copula), or the subject of the verb whose object it
        is ("a prêté allégeance à")."""
        lo = self.units.bounds(t)[0]
        k = self.skip_link_words(t.i - 1, lo, ("DET", "ADV"))
        ref = self.ref_at(self.tokens[k]) if k >= lo else None
        if ref is None and t.dep_ == "obj" and t.head.pos_ == "VERB" and self.affiliating_verb(t):
            return (self.typed(self.subject(t.head), ("Actor",)) or [None])[0]
        ref = ref or self.name_before_description(k, lo)
        outer = self.affiliation_noun_before(ref, lo) if ref is not None else None
        if outer is not None:  # "X, faction de Boko Haram affiliée à l'EI": X, what the faction is, is affiliated
            return self.affiliated(outer)
        return ref if ref is not None and self.typed([ref], ("Actor",)) else None

    def affiliating_verb(self, t: Token) -> bool:
        """Whether the verb whose object an affiliation word is says its subject is affiliated:
        any verb for a bond ("a prêté allégeance à X"), a verb of being for a part of a group
        ("X constitue la branche de Y"; not "l'armée combat une branche de Y")."""
        part = lower_lemma(t) in self.rules.group_part_nouns or _in(t, self.rules.armed_group_nouns)
        return not part or lower_lemma(t.head) in self.rules.identity_verbs

    def affiliation_noun_before(self, ref: MentionRef, lo: int) -> Token | None:
        """The affiliation noun whose complement ``ref`` is ("faction de Boko Haram"), if any."""
        span = self.span_at(ref)
        k = self.skip_determiners(span.start - 1, lo) if span is not None else -1
        if k - 1 < lo or lower_text(self.tokens[k]) not in self.rules.of_prepositions:
            return None
        noun = self.tokens[k - 1]
        return noun if noun.pos_ == "NOUN" and self.affiliation_cue(noun) is not None else None

    def name_before_description(self, k: int, lo: int) -> MentionRef | None:
        """The group a description ending at ``k`` is apposed to ("les ADF, un groupe ougandais
        affilié à l'EI": the ADF), never a state or a person."""
        while k > lo and self.tokens[k].dep_ == "amod" and self.ref_at(self.tokens[k]) is None:
            k -= 1  # "groupe (ougandais)"
        if k <= lo or not _in(self.tokens[k], self.rules.quantity_nouns | self.rules.group_heads):
            return None
        k = self.skip_determiners(k - 1, lo)
        if k <= lo or self.tokens[k].text != ",":
            return None
        named = self.described(self.tokens[k + 1])
        return named[0] if named else None

    def affiliate_of(self, t: Token, preps) -> MentionRef | None:
        """The group named after an affiliation word's preposition, past adjectives and a
        group noun ("la branche armée du mouvement Hamas")."""
        window = [w for w in self.right_window(t)[:7] if w.pos_ not in ("DET", "ADJ")]
        if not window or lower_text(window[0]) not in preps:
            return None
        for w in window[1:3]:
            ref = self.ref_at(w)
            if ref is not None:
                return ref if self.typed([ref], ("Actor",)) else None
        return None

    def join_verb(self, v: Token, k: int) -> None:
        """ "la Finlande a rejoint l'Otan", "a rejoint les rangs du JNIM": the subject is a member
        of the organisation or group joined; not with the verb in the infinitive, a joining wished,
        invited or planned ("invitée à adhérer à l'Otan", "veut intégrer l'UE"), not done."""
        if "Inf" in morph_values(v, "VerbForm"):
            return
        wholes = [r for c in self.direct_objects(v) for r in self.np(c)] + self.children_with(
            v, self.rules.join_prepositions)
        for w in self.bodies_of(wholes)[:1]:
            for m in self.typed(self.doer(v), ("Actor",))[:4]:
                if m.entity.id != w.entity.id:
                    self.add(m, "memberOf", w, v, k, 0.6)

    def membership_noun(self, n: Token, k: int) -> None:
        """A copula on a membership noun ("la Pologne est membre de l'Otan", "l'Iran, comme le
        Pakistan, sont membres de l'OCS"): its subjects, those a likening aside adds too, and the
        name the parse made the head of the noun, are members of the body after "de"."""
        if not any(c.dep_ == "cop" for c in children_of(n)):
            return
        heads = [c for c in children_of(n) if c.dep_.startswith("nsubj")] or ([n.head] if n.dep_ == "conj" else [])
        members = [r for h in heads for r in self.np(h)] + [
            r for h in (n, *heads) for r in self.children_with(h, self.rules.likening_prepositions)]
        for w in self.bodies_of(self.children_with(n, self.rules.of_prepositions, ("nmod",)))[:1]:
            for m in self.typed(self.distinct(members), ("Actor",))[:4]:
                if m.entity.kind != "Person" and m.entity.id != w.entity.id:
                    self.add(m, "memberOf", w, n, k, 0.6)

    def join_phrase(self, v: Token, k: int) -> None:
        """ "la katiba Macina fait partie du JNIM": the subject is a member of the organisation
        or group named right after the phrase."""
        found = self.phrase_rest(v, self.rules.join_phrases)
        if found is None or not found[0]:
            return
        for w in self.bodies_of(self.np(found[0][0]))[:1]:
            for m in self.typed(self.doer(v), ("Actor",))[:4]:
                if m.entity.id != w.entity.id:
                    self.add(m, "memberOf", w, v, k, 0.6)

    def grouping_verb(self, v: Token, k: int) -> None:
        """ "l'AES regroupe le Mali, le Niger et le Burkina Faso", "la force est composée de X et
        Y": each actor named is a member of the organisation or group."""
        if self.passive(v):
            whole, members = self.patient(v), self.children_with(v, self.rules.grouping_prepositions)
        else:
            whole, members = self.doer(v), [r for c in self.direct_objects(v) for r in self.np(c)]
        members = members + self.listed_after(members[0]) if len(members) == 1 else members
        members = self.typed(members, ("Actor",)) or self.examples_after(v)  # "regroupe plusieurs factions, dont X"
        for w in self.bodies_of(whole)[:1]:
            for m in self.typed(members, ("Actor",))[:6]:
                if m.entity.id != w.entity.id:
                    self.add(m, "memberOf", w, v, k, 0.6)

    def examples_after(self, v: Token) -> list[MentionRef]:
        """The actors a phrase of examples names after a verb's common-noun complement ("est
        composée de jihadistes, tels qu'al-Nosra, et de groupes salafistes, comme Ahrar al-Cham",
        "regroupe plusieurs factions, dont X et Y"), up to the sentence's end."""
        hi = self.units.bounds(v)[1]
        words = list(self.tokens[v.i + 1: min(hi, v.i + 30)])
        stop = self.examples_stop(words)
        found = []
        for n in (n for n, t in enumerate(words[:stop]) if t.text == "," and self.opens_examples(words[n + 1: n + 4])):
            end = next((m for m in range(n + 2, stop) if words[m].text == ","), stop)
            found += [r for w in words[n + 1: end] for r in [self.index.at_token(w)] if r is not None
                      and r.start == w.idx and r.entity.kind != "Person" and self.typed([r], ("Actor",))]
        return found

    @staticmethod
    def examples_stop(words: list[Token]) -> int:
        """Where a phrase of examples after a grouping verb must end: at the sentence's end or at
        another verb ("les ministres, réunis à X, ont décidé de sanctionner dix entités, dont Y":
        the examples of that verb's object)."""
        return next((n for n, t in enumerate(words) if t.text in (".", ";", ":") or t.pos_ in ("VERB", "AUX")), len(words))

    def opens_examples(self, words: list[Token]) -> bool:
        """Whether words open a phrase of examples ("dont", "tels qu'", "comme")."""
        rest = [lower_text(w).replace("’", "'") for w in words]
        return any(rest[:len(_words(p))] == _words(p) for p in self.rules.example_phrases)

    def bodies_of(self, refs: list[MentionRef]) -> list[MentionRef]:
        """The organisations and groups among ``refs``: what one joins or is grouped in (not a
        state, a place or a person)."""
        return [r for r in self.typed(refs, ("Actor",)) if r.entity.kind in _BODY_KINDS]

    def deploy_noun(self, n: Token, k: int) -> None:
        """ "le déploiement de soldats nord-coréens en Russie"; a noun of holding that ends a
        phrase of holding ("sous le contrôle de X") is read by ``held_by_phrase``."""
        if self.holding_size(n):
            return self.held_by_phrase(n, k)
        who = self.deployment_owners(n)
        where = self.after_prep(self.right_window(n), self.rules.deploy_noun_prepositions, ("Region",))[:1]
        if not where and n.dep_.startswith("nsubj") and n.head.pos_ == "VERB":
            # "la présence du groupe se réduit à deux districts dans X": the place its verb names
            where = self.after_prep(self.right_window(n.head), self.rules.deploy_noun_prepositions, ("Region",))[:1]
        for w in who[:1]:
            for r in where + (self.places_listed_after(where[0]) if where else []):  # "dans les États de A, du B et du C"
                self.add(w, "deployedIn", r, n, k, 0.55, modality=self.noun_modality(n))

    def deployment_owners(self, n: Token) -> list[MentionRef]:
        """Whose deployment a noun names: its "de" actor or demonym, the subject of a verb of
        doing it is the object of, a possessive's owner, or the subject of the clause a phrase
        holding the bare noun is set before."""
        who = self.typed(self.children_with(n, self.rules.of_prepositions), ("Actor",))
        who += self.typed([self.ref_at(c) for c in children_of(n) if c.dep_ == "amod"], ("Actor",))
        if not who and n.dep_ == "obj" and _in(n.head, self.rules.agentive_verbs):
            # "les forces kényanes, qui ont entamé leur déploiement", "X commencera le déploiement d'un contingent"
            who = self.typed(self.subject(n.head), ("Actor",))
        return who or self.previous_possessor(n) or self.possessor_subject(n) or self.fronted_span_subject(n)

    def fronted_span_subject(self, n: Token) -> list[MentionRef]:
        """ "Après deux ans de présence au Tchad, la force X plie bagage": whose presence a
        bare noun names inside a phrase set before its clause (a "de" complement of an oblique):
        the clause's subject, when troops or an armed actor (a state, a group)."""
        if n.dep_ != "nmod" or any(c.dep_ == "det" for c in children_of(n)) or n.head.dep_ not in _OBLIQUES \
                or n.head.head.pos_ != "VERB":
            return []
        subjects = [c for c in children_of(n.head.head) if c.dep_ in ("nsubj", "nsubj:pass") and c.i > n.i][:1]
        return [r for s in subjects for r in self.force_named(s)]

    def force_named(self, s: Token) -> list[MentionRef]:
        """The actor a subject names when it is troops ("les soldats tchadiens", "l'armée
        burkinabè") or an armed actor by its name (a state, a group); not a person or a body
        by a demonym ("le ministre français", "l'organisation X"); troops counted by a noun of
        quantity are troops ("un millier de soldats rwandais")."""
        found = self.typed(self.np(s), ("Actor",))
        if _in(s, self.forces):
            return found[:1]
        if _in(s, self.rules.quantity_nouns):  # the demonym may end a coordination ("de soldats et policiers rwandais")
            troops = [g for g in children_of(s) if g.dep_ in ("nmod", "conj") and _in(g, self.forces)]
            return next((found for g in troops for found in [self.force_named(g)] if found), [])
        return [r for r in found if r.entity.kind in (*_STATE_KINDS, *_GROUP_KINDS) and self.ref_at(s) is not None][:1]

    def possessor_subject(self, n: Token) -> list[MentionRef]:
        """Whose presence or hold a possessive on the object or an oblique of a verb names: the
        verb's subject, of the possessive's number ("la Russie renforce sa présence militaire au
        Sahel", "l'armée a étendu son contrôle dans X"; not "Moscou dénonce leur présence")."""
        det = self.possessive_of(n)
        if det is None or n.dep_ not in ("obj", *_OBLIQUES) or n.head.pos_ != "VERB":
            return []  # "malgré leur présence en X, les shebab mènent ...": an oblique too
        subject = next((c for c in children_of(n.head) if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
        if subject is None or _plural_subject(subject) != (lower_text(det) in self.rules.plural_possessives):
            return []
        return self.typed(self.np(subject), ("Actor",))[:1]

    def previous_possessor(self, n: Token) -> list[MentionRef]:
        """Whose deployment a possessive opening a sentence names: the subject of the sentence
        before, of the possessive's number ("Des soldats rwandais sont entrés en RDC. Leur
        déploiement dans le pays ...": Rwanda)."""
        det = next((c for c in children_of(n) if c.dep_ == "det" and "Yes" in morph_values(c, "Poss")), None)
        lo = self.units.bounds(n)[0]
        if det is None or not n.dep_.startswith("nsubj") or lo == 0 or self.index.before(n.idx, self.tokens[lo].idx):
            return []
        plural = lower_text(det) in self.rules.plural_possessives
        for t in self.tokens[self.units.bounds(self.tokens[lo - 1])[0]: lo]:
            if t.dep_ in ("nsubj", "nsubj:pass") and t.head.dep_ == "ROOT" and t.pos_ in ("NOUN", "PROPN"):
                return self.typed(self.np(t), ("Actor",))[:1] if ("Plur" in morph_values(t, "Number")) == plural else []
        return []

    def roles(self, k: int, tokens: list[Token]) -> None:
        """leaderOf / memberOf from a role phrase next to a person's name."""
        for ref in self.index.inside(*self.units.run_span(k)):
            if self.lone_role(ref):
                self.role_of_holder(ref, k)
            if not self.may_bear_role(ref):
                continue
            span = self.span_at(ref)
            if span is None:
                continue
            self.ruler_of_body(ref, span, k)
            self.role_beside(ref, span, k)
            self.party_in_brackets(ref, span, k)
            if ref.entity.kind != "Person":
                self.led_after_name(ref, span, k)

    def party_in_brackets(self, ref: MentionRef, span, k: int) -> None:
        """ "Jean Dupont (PS)", "X (Hamas)": a party or body (``_MEMBER_BODY_KINDS``) named alone in
        brackets right after a person's name has him as a member (memberOf)."""
        after = span[-1].i + 1
        if ref.entity.kind != "Person" or after + 2 >= len(self.tokens) or self.tokens[after].text != "(":
            return
        body = self.ref_at(self.tokens[after + 1])
        if body is None or body.start != self.tokens[after + 1].idx or body.entity.kind not in _MEMBER_BODY_KINDS \
                or self.text[body.end:body.end + 1] != ")":
            return
        self.add(ref, "memberOf", body, self.tokens[after], k, 0.7, cue_text="()")

    def lone_role(self, ref: MentionRef) -> bool:
        """A role phrase the entity stage gave a person the text names elsewhere, with no name
        beside it ("a déclaré X. Le président ukrainien a précisé": X, the office's holder)."""
        named = any(m.method != "role" and _has_name(m.text) for m in ref.entity.mentions)
        # or a person the text names by the office alone ("Le président mexicain a appelé ...")
        named = named or all(m.method == "role" for m in ref.entity.mentions)
        return named and ref.mention.method == "role" and ref.entity.kind == "Person" and not any(
            m is not ref.mention and (0 <= m.start - ref.end <= 3 or 0 <= ref.start - m.end <= 3)
            for m in ref.entity.mentions)

    def role_of_holder(self, ref: MentionRef, k: int) -> None:
        """The body a lone role phrase names leads or counts its holder ("le président
        ukrainien": leaderOf Ukraine), where the phrase is its clause's subject ("Le président
        ukrainien a précisé"), not a source phrase ("selon le président russe")."""
        span = self.span_at(ref)
        if span is None or not span.root.dep_.startswith("nsubj"):
            return
        found = self.role_phrase(list(span))
        if found is None or not found[1]:
            return
        role, orgs, anchor, direct = found
        if role in self.rules.epithet_roles and all(m.method == "role" for m in ref.entity.mentions):
            return  # "le dictateur nord-coréen accuse": a label, no office the text gives him
        predicate = "leaderOf" if self.leads(role) and direct else "memberOf"
        self.add(ref, predicate, orgs[0], anchor, k, 0.6, modality=self.noun_modality(anchor), cue_text=role)

    def may_bear_role(self, ref: MentionRef) -> bool:
        """An actor's name; a role phrase ("porte-parole militaire des Houthis") is no name
        beside a role."""
        return _has_name(ref.mention.text) and bool(self.typed([ref], ("Actor",))) and ref.mention.method != "role"

    def role_beside(self, ref: MentionRef, span, k: int) -> None:
        """The leaderOf or memberOf relation the role phrase next to a name gives."""
        person = ref.entity.kind == "Person"
        role, org, anchor, direct = self.role_of(span, person) or self.untitled_role(ref, span, k, person)
        if role is None or (not person and role not in self.rules.membership_roles
                            and not self.country_of_organisation(role, org, anchor)):
            return  # "la Turquie, membre de l'Otan": only membership for non-people
        predicate = self.role_predicate(role, org, anchor, direct)
        if not org and self.has_body(ref, leading=predicate == "leaderOf"):
            return  # a bare title ("le président X") after the text named X's body (a rank's, no leader's)
        titled = anchor is not None and anchor.i < span.start  # "le président X", not "X, présidente d'une ONG"
        org, conf = (org, 0.75) if org else self.bare_title_body(ref, span, role, anchor, titled)
        holders = [ref] if titled else self.conjuncts_before(ref) + [ref]  # "A, B et C, pays membres de X": all three
        self.add_roles(holders, predicate, org[:1], anchor, k, conf, role)
        if titled and person and conf > 0.5:
            self.role_of_aside(ref, span, anchor, k)

    def country_of_organisation(self, role: str, org: list[MentionRef], anchor: Token | None) -> bool:
        """ "la Pologne, pays de l'Otan": a country noun right before "de" and an organisation puts
        the country in it; not "pays voisin de l'Ukraine" (a state) nor "pays pauvre" (none)."""
        return role in self.rules.member_country_nouns and bool(org) and anchor is not None \
            and org[0].entity.kind in _ORGANISATION_KINDS and anchor.i + 1 < len(self.tokens) \
            and (_in(self.tokens[anchor.i + 1], self.rules.of_prepositions)
                 or _in(self.tokens[anchor.i + 1], self.rules.membership_roles))  # "pays membre de l'UE"

    def role_predicate(self, role: str, org: list[MentionRef], anchor: Token | None, direct: bool) -> str:
        """leaderOf for a leader's role over the body it heads ("le chef d'état-major de l'armée
        française": he leads the army, a part of France), else memberOf; memberOf too for an
        office of the state with no body named ("le chef de la police X": a member of the state,
        which he does not lead)."""
        if not org and self.state_office(anchor):
            return "memberOf"
        return "leaderOf" if self.leads(role) and direct else "memberOf"

    def role_of_aside(self, ref: MentionRef, span, title: Token, k: int) -> None:
        """ "le porte-parole de l'alliance, le général qatari X": a title that names a body of
        its own (a demonym) after an aside role of another body; the name holds both roles."""
        found = self.role_aside_before_title(span, title)
        if found is None or not found[1]:
            return
        role, orgs, anchor, direct = found
        predicate = "leaderOf" if self.leads(role) and direct else "memberOf"
        self.add_roles([ref], predicate, orgs[:1], anchor, k, 0.75, role)

    def bare_title_body(self, ref: MentionRef, span, role: str, anchor: Token | None, titled: bool) -> tuple:
        """(bodies, confidence) of a role that names none: the body of the unnamed holder before
        or the genitive owner ("le porte-parole X", "le Fatah du président X"), else the context's
        when it is the body the text made the person a member of, if any ("le capitaine X" ...
        "le président X": he leads the body he was a member of, no other); no context state
        other than the one the KB makes the person a citizen of ("le président Biden" after a
        sentence on Ukraine); a possessive role ("de leur chef, le mollah X") names its own body, never
        the unnamed holder's before nor a name before its "de"."""
        owned = self.possessive_of(anchor) is not None
        org = (self.role_named_before(span) or self.genitive_owner(anchor)) if titled and not owned else []
        if org:
            return org, 0.75
        org = self.citizen_bodies(ref, self.context_of(role, span, titled, anchor))
        bodies = {r.object for r in self.found if r.subject == ref.entity.id and r.predicate == "memberOf"}
        return ([o for o in org if not bodies or o.entity.id in bodies]), 0.5

    def citizen_bodies(self, ref: MentionRef, bodies: list[MentionRef]) -> list[MentionRef]:
        """The bodies a context gives a bare title, less any state other than the one the KB
        makes the person a citizen of."""
        home = self.home_country(ref)
        return [o for o in bodies if home is None or o.entity.kind not in _STATE_KINDS or o.entity.kb_id == home]

    def genitive_owner(self, title: Token) -> list[MentionRef]:
        """The named body right before "de" and a title ("le Fatah du président X", "la Russie du
        président Y") or before a relative of possession ("le groupe X, dont le chef Y"): the
        title is that body's."""
        k = title.i - 1
        while k > 0 and self.tokens[k].pos_ == "DET":
            k -= 1
        if k > 1 and lower_text(self.tokens[k]) in self.rules.possessive_relatives:
            k = self.relative_antecedent_end(k)  # "Wagner, dont le chef X": the body the relative's antecedent names
            if k is None:
                return []
        elif k < 1 or lower_text(self.tokens[k]) not in self.rules.of_prepositions:
            return []
        owner = self.ref_at(self.tokens[k - 1])
        return [owner] if owner is not None and owner.entity.kind != "Person" and self.typed([owner], ("Actor",)) else []

    def relative_antecedent_end(self, k: int) -> int | None:
        """The index after which a possessive relative's named antecedent ends: the comma before
        "dont" ("Wagner, dont le chef X"), or the one before a description apposed to the name
        ("le Front X, un groupe armé dont le chef, Y"); None when no name comes before."""
        if self.tokens[k - 1].text == ",":
            return k - 1
        j = k - 1
        while j > 0 and j > k - 8 and self.tokens[j].pos_ in ("NOUN", "ADJ", "DET") and self.ref_at(self.tokens[j]) is None:
            j -= 1
        return j if j < k - 1 and self.tokens[j].text == "," else None

    def possessed_by_relative(self, anchor: Token | None) -> bool:
        """A role word after a possessive relative whose antecedent is no state ("un groupe dont
        le chef, X", not "un pays dont le président, X"): its body is the antecedent, never a
        state of the context."""
        if anchor is None:
            return False
        k = anchor.i - 1
        while k > 0 and self.tokens[k].pos_ in ("DET", "ADJ"):
            k -= 1
        return k > 0 and lower_text(self.tokens[k]) in self.rules.possessive_relatives \
            and not _in(self.tokens[k - 1], self.rules.state_stand_ins)

    def plural_possessed(self, anchor: Token | None) -> bool:
        """A role word with a plural possessive ("leur chef"): the holders' body is a group the
        possessive refers to, not a state the context names."""
        return anchor is not None and any(c.dep_ == "det" and lower_text(c) in self.rules.plural_possessives
                                          for c in children_of(anchor))

    @staticmethod
    def possessive_of(anchor: Token | None) -> Token | None:
        """The possessive determiner of a role word ("leur porte-parole"), if any."""
        if anchor is None:
            return None
        return next((c for c in children_of(anchor) if c.dep_ == "det" and "Yes" in morph_values(c, "Poss")), None)

    def possessive_owner(self, anchor: Token) -> list[MentionRef]:
        """The body a possessive role word names: the nearest subject before it in its sentence,
        of the possessive's number, when that subject is a state, group or organisation ("Les
        Houthis ont tiré ..., a déclaré leur porte-parole militaire, X"); none when it is a
        person ("le président a reçu son homologue") or no subject comes before."""
        plural = lower_text(self.possessive_of(anchor)) in self.rules.plural_possessives
        lo = self.units.bounds(anchor)[0]
        for t in reversed(self.tokens[lo: anchor.i]):
            if t.dep_ not in ("nsubj", "nsubj:pass") or t.pos_ not in ("NOUN", "PROPN") or self.quotes.inside(t.idx):
                continue
            if _plural_subject(t) != plural:
                return []
            refs = self.typed(self.np(t), ("Actor",))[:1]
            return refs if refs and refs[0].entity.kind != "Person" else []
        return []

    def conjuncts_before(self, ref: MentionRef) -> list[MentionRef]:
        """The names of the kind of ``ref`` listed before it, or at least the one joined to it
        by the conjunction ("Au Mali, A et B, deux cadres de X": A, though a place opens the sentence)."""
        listed = self.listed_before(ref)
        if listed:
            return listed
        span = self.span_at(ref)
        lo = self.units.bounds(span.root)[0]
        k = self.skip_determiners(span.start - 1, lo)
        prev = self.ref_at(self.tokens[k - 1]) if k - 1 >= lo and lower_text(self.tokens[k]) in self.rules.list_conjunctions else None
        return [prev] if prev is not None and prev.entity.kind == ref.entity.kind and prev.entity.id != ref.entity.id else []

    def add_roles(self, holders: list[MentionRef], predicate: str, org: list[MentionRef], anchor: Token, k: int,
                  conf: float, role: str) -> None:
        """The leaderOf or memberOf relation of each holder of a role to its body; an expert's
        country or region is the topic of the expertise ("expert de la Birmanie", "analyste
        spécialiste du Sahel pour l'ICG"), no body."""
        topical = (role or "").lower() in self.rules.topic_roles
        for o in org:
            if topical and (o.entity.kind in _AREA_KINDS or "Actor" not in o.entity.types):
                continue
            for h in holders:
                self.add(h, predicate, o, anchor, k, conf, modality=self.noun_modality(anchor),
                         cue_text=role)

    def untitled_role(self, ref: MentionRef, span, k: int, person: bool) -> tuple:
        """For a person with no role phrase beside the name: membership by a genitive ("X de
        Human Rights Watch"), or the role the rank before the name takes up ("a précisé le
        major X" after "un porte-parole de l'armée"): (role, bodies, anchor, direct)."""
        if not person:
            return None, [], None, True
        self.member_by_genitive(ref, span, k)
        org = self.role_named_before(span)
        title = self.tokens[span.start - 1] if org else None
        return (title.text if title is not None else None), org, title, True

    def role_named_before(self, span) -> list[MentionRef]:
        """ "a annoncé un porte-parole de l'armée. ... a précisé le major X", "un porte-parole de
        la police nationale ... le porte-parole X": a name titled with a rank or a bare role
        names the unnamed role holder of the two sentences before, so joins the body named
        there."""
        title = self.tokens[span.start - 1] if span.start else None
        if title is None or not (lower_text(title) in self.rules.name_titles or lower_text(title) in self.rules.member_roles):
            return []
        lo = self.sentences[max(self.units.sentence_at(span.start_char) - 2, 0)].start
        for t in reversed(self.tokens[max(0, span.start - 120): span.start - 1]):
            if t.idx < lo:
                break
            if lower_text(t) in self.rules.member_roles and _singular_indefinite(t) and not self.quotes.inside(t.idx):
                return self.unnamed_role_body(t)  # not a role in quoted words ("dont un sergent")
        return []

    def unnamed_role_body(self, role: Token) -> list[MentionRef]:
        """The body after an indefinite role with no name apposed ("un porte-parole de
        l'armée"): a state or an organisation."""
        if role.i + 2 >= len(self.tokens) or lower_text(self.tokens[role.i + 1]) not in self.rules.of_prepositions:
            return []
        refs = [self.ref_at(t) for t in self.tokens[role.i + 2: role.i + 5]]
        refs = [r for r in refs if r is not None]
        if not refs or refs[0].entity.kind == "Person" or not self.typed(refs[:1], ("Actor",)) \
                or any(r.entity.kind == "Person" for r in refs):
            return []
        return refs[:1]

    def member_by_genitive(self, ref: MentionRef, span, k: int) -> None:
        """ "Sunai Phasuk de Human Rights Watch", "X, de l'ONG Amnesty International": a person
        named with no role and then "de" and a body's name (a description noun of it between)
        is a member of that body; not of a state or a place ("X du Venezuela")."""
        j, hi = span.end, self.units.bounds(span.root)[1]
        j += int(j < hi and self.tokens[j].text == ",")
        if j >= hi - 1 or lower_text(self.tokens[j]) not in self.rules.of_prepositions:
            return
        for t in self.tokens[j + 1: min(hi, j + 4)]:
            body = self.ref_at(t)
            if body is not None:
                if body.entity.kind in _BODY_KINDS or body.entity.kind in _ORGANISATION_KINDS:
                    self.add(ref, "memberOf", body, self.tokens[j], k, 0.6, modality="asserted")
                return
            if t.pos_ not in ("DET", "NOUN"):
                return

    def has_body(self, ref: MentionRef, leading: bool = False) -> bool:
        """Whether a role phrase before gave this entity the body it leads or belongs to; for a
        leader's title only one it leads ("le capitaine X" ... "le président X": he leads)."""
        kept = ("leaderOf",) if leading else ("leaderOf", "memberOf")
        return any(r.subject == ref.entity.id and r.predicate in kept for r in self.found)

    def role_of(self, span, person: bool) -> tuple | None:
        """The role phrase next to a name: before it (a person's title) or after it, the one
        that names its body first ("le capitaine X, chef de la junte burkinabè")."""
        found = self.role_before(span) if person else None
        if found is not None and not found[1]:  # "Le chef de la junte au Burkina, le capitaine X"
            found = self.role_aside_before_title(span, found[2]) or found
        after = self.role_after(span) if found is None or not found[1] else None
        if after is not None and (found is None or after[1]):
            return after
        return found

    def context_of(self, role: str, span, titled: bool = False, anchor: Token | None = None) -> list[MentionRef]:
        """The body a bare title belongs to: none for a local role ("le maire X": of a city the
        text may not name) or a plural possessive one ("leur chef X": a group's, which the
        sentence's state is not), the organisation named last for an organisation's role ("le
        secrétaire général X" at an Otan summit), else the sentence's subject state."""
        found = self.body_by_role_form(anchor)
        if found is not None:
            return found
        if self.state_office(anchor):  # "le ministre de la Défense X": the state the text is about
            return self.context_state(span, True) or self.state_named_later(span.start_char)
        if self.possessive_of(anchor) is not None and role not in self.rules.local_roles:
            return self.possessive_owner(anchor)  # "les Houthis ..., a déclaré leur porte-parole, X"
        if role in self.rules.local_roles or self.plural_possessed(anchor) or self.possessed_by_relative(anchor):
            return []
        if titled and self.leads(role):  # "le régime du président X": the regime's state
            ruled = self.governed_state(self.ruling_noun_before(anchor.i - 1, self.units.bounds(anchor)[0]))
            if ruled:
                return ruled
        if role in self.rules.organisation_roles:
            return self.context_body(span)
        return self.context_state(span, titled and self.leads(role))

    def body_by_role_form(self, anchor: Token | None) -> list[MentionRef] | None:
        """The body a role's form alone gives, before any context: none for a rebel's role ("le
        meneur rebelle du secteur, le commandant X": no state of the context), the antecedent's
        for a demonstrative one ("un dirigeant d'un groupe rebelle ... Ce dirigeant, X"); None
        when the form says nothing."""
        if self.rebel_role(anchor):
            return []
        return self.antecedent_role(anchor) if anchor is not None and _demonstrative(anchor) else None

    def past_rebel_state(self, orgs: list[MentionRef], anchor: Token) -> list[MentionRef]:
        """The bodies of a role less a state when a rebel's adjective qualifies the role ("un
        chef rebelle du nord", "un meneur séparatiste de l'est": a group's, not the state's)."""
        return [] if orgs and orgs[0].entity.kind in _STATE_KINDS and self.rebel_role(anchor) else orgs

    def rebel_role(self, anchor: Token | None) -> bool:
        """A role a rebel's adjective qualifies, right after it or before it ("un dirigeant
        (militaire) rebelle", "le chef jihadiste", "a rebel commander"): its holder serves an
        armed group, so no state named as its place ("en Syrie") or by the context is its body."""
        if anchor is None:
            return False
        for side in (self.tokens[anchor.i + 1: anchor.i + 3], reversed(self.tokens[max(anchor.i - 2, 0): anchor.i])):
            for t in side:
                if t.pos_ not in ("ADJ", "NOUN") or not t.text.islower():
                    break
                if _in(t, self.rules.rebel_role_adjectives):
                    return True
        return False

    def antecedent_role(self, anchor: Token) -> list[MentionRef] | None:
        """The body of the role a demonstrative names again ("un dirigeant d'un groupe rebelle
        allié à X ... Ce dirigeant, Y"): the one the indefinite role of the same noun in the two
        sentences before names, none when it names no entity; None when no such role comes before."""
        k = self.units.sentence_at(anchor.idx)
        lo = self.sentences[max(k - 2, 0)].start
        lemma = lower_lemma(anchor)
        for t in reversed(self.tokens[max(0, anchor.i - 120): anchor.i]):
            if t.idx < lo:
                break
            if lower_lemma(t) == lemma and _singular_indefinite(t):
                found = None if self.rebel_role(t) else self.role_phrase(list(self.tokens[t.i: t.i + 12]))
                return found[1][:1] if found is not None else []
        return None

    def role_phrase(self, words: list[Token]) -> tuple[str, list[MentionRef], Token, bool] | None:
        """("chancelier", [Germany], token, True) for "le chancelier allemand"; the last item is
        False when the body is reached through another noun ("le chef de l'armée française":
        the army, France's, is what the role heads) or after a domain ("directrice pour le Sahel
        à HRW": a member)."""
        found = self.role_words(words)
        if found is None:
            return None
        phrase, n, size = found
        rest = self.role_rest(words[n + size:])
        if rest is None:
            return None
        orgs = self.local_body(phrase, rest) or self.role_body(words, n, rest)  # "de la province afghane de X": X
        orgs = self.past_rebel_state(orgs, words[n])
        if not orgs and self.unnamed_body(rest) and not self.state_office(words[n]):
            return None
        scoped = bool(rest) and rest[0].i > words[n + size].i  # a domain first: a part of the body
        if phrase in self.rules.complement_leader_roles and orgs and rest and not scoped and _in(rest[0], self.rules.of_prepositions):
            phrase = f"{phrase} {lower_text(rest[0])}"  # "le commandant de l'Africom": he heads it, no rank
        return phrase, orgs, words[n], not scoped and self.heads_body(rest, orgs)

    def local_body(self, phrase: str, rest: list[Token]) -> list[MentionRef]:
        """The province, region or town named with a local office ("le gouverneur de l'État de
        Sonora", "le ministre de l'Intérieur de Bavière"): its government is the body."""
        if phrase not in self.rules.local_office_roles or not rest:
            return []
        end = rest[-1].idx + len(rest[-1].text)
        named = [r for r in self.index.overlapping(rest[0].idx, end) if r.entity.kind in _LOCAL_KINDS
                 and self.genitive_in(r, rest)]
        return [MentionRef(r.entity, replace(r.mention, type="Actor"))  # the place's government acts
                for r in named or self.local_area_before(rest)][:1]

    def genitive_in(self, ref: MentionRef, rest: list[Token]) -> bool:
        """Whether a place in the words after a role is their "de" complement ("de Bavière",
        "de la province de X"), not a place of another kind ("en visite à Washington")."""
        m = next((m for m, t in enumerate(rest) if t.idx >= ref.start), 0)
        while m > 0 and rest[m - 1].pos_ == "DET":
            m -= 1
        return m > 0 and lower_text(rest[m - 1]) in self.rules.of_prepositions

    def local_area_before(self, rest: list[Token]) -> list[MentionRef]:
        """The area a local office names by a word ("le gouverneur régional", "le gouverneur de
        la province"): the last place of its kind named before it in its sentence."""
        words = [t for t in rest[:3] if t.pos_ in ("ADJ", "NOUN")]
        kinds = self.rules.local_area_words.get(lower_lemma(words[0])) if words else None
        own = self.ref_at(words[0]) if kinds else None  # none, or the holder's role mention itself
        if not kinds or (own is not None and own.entity.kind != "Person"):
            return []
        k = self.units.sentence_at(words[0].idx)
        found = self.index.before(rest[0].idx, self.sentences[k].start)
        return [r for r in found if r.entity.kind in kinds][:1]

    def leads(self, role: str | None) -> bool:
        """Whether a role phrase's holder leads the body named with it: a leader's role, or a rank
        that heads the body its "de" complement names ("commandant du TNLA")."""
        first, _, last = (role or "").rpartition(" ")
        return role in self.rules.leader_roles or (
            first in self.rules.complement_leader_roles and last in self.rules.of_prepositions)

    def heads_body(self, rest: list[Token], orgs: list[MentionRef]) -> bool:
        """Whether a role heads the body it names, not another noun's ("le chef de l'armée
        française": the army, France's, is what the role heads)."""
        content = self.past_role_adjectives([t for t in rest if t.pos_ in ("NOUN", "PROPN", "ADJ")])
        nxt = self.tokens[content[0].i + 1] if content and content[0].i + 1 < len(self.tokens) else None
        if orgs and self.state_branch(orgs[0]):
            return False
        return not content or not orgs or content[0].idx >= orgs[0].start or _in(
            content[0], self.rules.state_stand_ins) or (  # "le président de la République française"
            nxt is not None and nxt.idx == orgs[0].start and nxt.pos_ == "PROPN")  # "du groupe Wagner"

    def state_branch(self, ref: MentionRef) -> bool:
        """Whether a role's body is named by a branch of a state's organs ("le chef de l'armée
        de terre", "le chef des forces de sécurité": a state's organ with a "de" complement of its
        own): the holder heads the branch, a member of the state, not its leader."""
        text = fold_quotes(ref.mention.text).lower()
        return text in self.rules.state_organs and any(w in self.rules.of_prepositions for w in text.split()[1:])

    def past_role_adjectives(self, content: list[Token]) -> list[Token]:
        """The content words after a role from the first that is no plain adjective of the role
        itself ("le président socialiste vénézuélien": "socialiste" qualifies the president, who
        heads Venezuela)."""
        n = 0
        while n < len(content) and content[n].pos_ == "ADJ" and lower_text(content[n]) not in self.rules.demonyms:
            n += 1
        return content[n:]

    def role_rest(self, rest: list[Token]) -> list[Token] | None:
        """The words after a role up to a preposition of its domain ("le représentant spécial de
        l'ONU pour la Somalie": the UN's, not Somalia's); None when the domain comes first
        ("l'envoyé pour la Somalie"), which names no body. A verb past the role's first word ends
        them ("gouverneur provincial joint par l'agence X", "un responsable cité par la
        télévision": who reached or quoted the person, not the body of the role)."""
        rest = rest[:next((m for m, t in enumerate(rest) if m and t.pos_ == "VERB"), len(rest))]
        cut = next((m for m, t in enumerate(rest) if lower_text(t) in self.rules.role_domain_prepositions), None)
        if cut is None:
            return rest
        return rest[:cut] or self.body_after_domain(rest)

    def body_after_domain(self, rest: list[Token]) -> list[Token] | None:
        """The words after a domain that comes first, from the preposition that names an actor
        ("directrice pour le Sahel à HRW": a member of HRW), else None."""
        for m in range(1, len(rest) - 1):
            if _in(rest[m], self.rules.of_prepositions) or _in(rest[m], self.rules.relative_prepositions):
                ref = self.ref_at(rest[m + 1]) or (self.ref_at(rest[m + 2]) if m + 2 < len(rest) else None)
                if ref is not None and ref.entity.kind != "Person" and self.typed([ref], ("Actor",)):
                    return rest[m:]
        return None

    def role_words(self, words: list[Token]) -> tuple[str, int, int] | None:
        """The first role phrase among ``words`` (the longest at its place), as written or as
        lemmas ("un des chercheurs de HRW": the singular): (phrase, start, size)."""
        roles = self.rules.leader_roles | self.rules.member_roles | self.rules.member_country_nouns
        lows = [lower_text(t) for t in words]
        lemmas = [lower_lemma(t) for t in words]
        for n in range(len(words)):
            for size in (4, 3, 2, 1):
                for forms in (lows, lemmas):
                    phrase = " ".join(forms[n:n + size]).replace("' ", "'")
                    if phrase in roles and not self.noun_qualifier(words[n], size):
                        return phrase, n, size
        return None

    @staticmethod
    def noun_qualifier(word: Token, size: int) -> bool:
        """A one-word role the parse reads as an adjective on the noun before it ("le quartier
        général du groupe": no rank)."""
        return size == 1 and word.pos_ == "ADJ" and word.dep_ == "amod" and word.head.i == word.i - 1 \
            and word.head.pos_ == "NOUN"

    def role_body(self, words: list[Token], n: int, rest: list[Token]) -> list[MentionRef]:
        """The state or organisation named with a role: in the words after it (nested mentions
        too: "représentant de l'Union européenne" may be one), a demonym there, or a demonym
        before it in a language that puts it there ("Russian President X")."""
        orgs = []
        if rest:
            end = rest[-1].idx + len(rest[-1].text)
            orgs = [r for r in self.index.overlapping(rest[0].idx, end)
                    if r.entity.kind != "Person" and self.typed([r], ("Actor",))][:1]
            orgs = orgs or self.adjective_bodies(rest)
            orgs = self.group_described(rest, orgs) or ([] if self.demonym_of_fighters(rest, orgs) else orgs)
            orgs = orgs or self.body_by_head_noun(rest)  # "le cofondateur du cartel": the cartel named before
        if not orgs and n and "before" in self.rules.demonym_positions:
            orgs = self.typed([self.ref_at(t) for t in words[:n] if t.pos_ in ("ADJ", "PROPN")], ("Actor",))[-1:]
        return orgs

    def adjective_bodies(self, rest: list[Token]) -> list[MentionRef]:
        """The actor an adjective after a role names ("le président ukrainien"), not the person's
        own role mention ("le président islamo-conservateur X": no body)."""
        refs = [self.at_adjective(t) for t in rest if t.pos_ == "ADJ"]
        return self.typed([r for r in refs if r is not None and r.entity.kind != "Person"], ("Actor",))[:1]

    def at_adjective(self, token: Token) -> MentionRef | None:
        """The actor a demonym names, placed at the demonym even when it has no mention of its
        own (the entity's first mention may be far before: "Syrie :" as a rubric), so that its
        place next to the other words after a role is read right."""
        ref = self.ref_at(token)
        if ref is None or ref.start <= token.idx < ref.end:
            return ref
        return MentionRef(ref.entity, replace(ref.mention, start=token.idx, end=token.idx + len(token.text), text=token.text))

    def body_by_head_noun(self, rest: list[Token]) -> list[MentionRef]:
        """The body a bare noun after a role names again ("le cofondateur du cartel" after "le
        cartel de Sinaloa", "le porte-parole du mouvement rebelle X" after the Mouvement du 23
        mars): the last organisation or group named before whose name opens with that noun."""
        words = [t for t in rest if t.pos_ != "DET" and lower_text(t) not in self.rules.of_prepositions]
        if not rest or lower_text(rest[0]) not in self.rules.of_prepositions or not words or words[0].pos_ != "NOUN" \
                or not all(t.pos_ == "ADJ" and t.text.islower() for t in words[1:]):
            return []  # "du cartel", "du mouvement rebelle" (its lower-case adjectives aside)
        head = normalize_label(words[0].text)
        return [ref for ref in self.index.before(words[0].idx) if ref.entity.kind in (*_ORGANISATION_KINDS, *_GROUP_KINDS)
                and normalize_label(ref.entity.label).split(" ")[0] == head][:1]

    def group_described(self, rest: list[Token], orgs: list[MentionRef]) -> list[MentionRef]:
        """The armed group a fighter description after a role stands for, over the state of its
        demonym (``orgs``), when the text names that group by the same words elsewhere
        ("porte-parole militaire des rebelles yéménites", the text calling the Houthis "les rebelles")."""
        if not orgs or orgs[0].entity.kind not in _STATE_KINDS or not self.adjectival(orgs[0]):
            return []
        return [MentionRef(e, e.mentions[0]) for t in rest[:3] if _in(t, self.rules.fighter_descriptions)
                for e in [self.by_label.get(normalize_label(t.text))]
                if e is not None and e.kind in _GROUP_KINDS][:1]

    def demonym_of_fighters(self, rest: list[Token], orgs: list[MentionRef]) -> bool:
        """Whether the state a demonym after a role names is only where the fighters it describes
        come from ("le chef d'une coalition rebelle syrienne", "porte-parole d'une milice
        soudanaise"): the role is one of their group, which the text does not name, not of the state."""
        if not orgs or orgs[0].entity.kind not in _STATE_KINDS or not self.adjectival(orgs[0]):
            return False
        return any(_in(t, self.rules.fighter_descriptions) for t in rest if t.idx < orgs[0].start)

    def unnamed_body(self, rest: list[Token]) -> bool:
        """ "directeur de la régie de l'alcool", "lieutenant du curé X": the role's complement is
        a common noun that names no entity, so the body is not the text's state or organisation
        (a capitalised portfolio, "ministre de la Défense", or "président de la République" is);
        adjectives before the noun aside ("chef d'une importante coalition rebelle")."""
        if not rest or lower_text(rest[0]) not in self.rules.of_prepositions:
            return False
        nouns = [t for t in rest[1:5] if t.pos_ not in ("DET", "ADJ") and lower_text(t) not in self.rules.of_prepositions]
        named = self.ref_at(nouns[0]) if nouns else None
        if nouns and len(nouns[0].text) > 1 and nouns[0].text.isupper() and (named is None or named.entity.kind == "Person"):
            return True  # "le secrétaire général de l'ONU X", the acronym read as no entity: not the group named last
        return bool(nouns) and nouns[0].pos_ == "NOUN" and nouns[0].text[:1].islower() \
            and not _in(nouns[0], self.rules.state_stand_ins)

    def role_before(self, span) -> tuple | None:
        """ "le chancelier (allemand) Olaf Scholz", "Le représentant de l'UE ..., Josep Borrell"."""
        lo = self.units.bounds(span.root)[0]
        k = self.before_titles(span.start - 1, lo)
        if k >= lo and self.tokens[k].text == ",":
            return self.one_holder_aside(self.role_aside_before(lo, k - 1), span)
        if k >= lo and lower_text(self.tokens[k]) in self.rules.of_prepositions:
            return None  # "le porte-parole de X": X is whom the role serves, not who holds it
        words = []
        while k >= lo and k >= span.start - 7 and self.tokens[k].pos_ in ("NOUN", "ADJ", "ADP", "DET", "PROPN", "NUM"):
            words.insert(0, self.tokens[k])
            if self.tokens[k].pos_ == "DET" and not self.role_closed_by(k) and not (  # "le chef de la diplomatie russe X": on to "chef"
                    k - 2 >= lo and self.role_link(self.tokens[k - 1])
                    and self.tokens[k - 2].pos_ in ("NOUN", "ADJ")):  # "le ministre israélien de la Défense X"
                break
            k -= 1
        found = self.role_phrase(self.nearest_role(words)) if words else None
        return found if found is not None else self.role_before_demonym(words, lo)

    def role_link(self, token: Token) -> bool:
        """A preposition between a role and its complement: "de", or one of a portfolio ("le
        secrétaire à la Défense X", "la ministre déléguée à la Mer Y": ``portfolio_prepositions``)."""
        return lower_text(token) in self.rules.of_prepositions or lower_text(token) in self.rules.portfolio_prepositions

    def role_closed_by(self, k: int) -> bool:
        """Whether a determiner ends a role phrase of two words ("le numéro un nord-coréen X": "un"
        is part of the role, not the article before it)."""
        return k > 0 and f"{lower_text(self.tokens[k - 1])} {lower_text(self.tokens[k])}" in self.rules.leader_roles

    def before_titles(self, k: int, lo: int) -> int:
        """Past the titles a name leaves out after a comma ("La procureure de la CPI, Mme X"),
        with their article ("Le chef du mouvement, le cheikh X")."""
        while k > lo and lower_text(self.tokens[k]) in self.rules.name_titles:
            if self.tokens[k - 1].text == ",":
                k -= 1
            elif k - 1 > lo and self.tokens[k - 1].pos_ == "DET" and self.tokens[k - 2].text == ",":
                k -= 2
            else:
                break
        return k

    def role_before_demonym(self, words: list[Token], lo: int) -> tuple | None:
        """ "Un chef d'al-Nosra, le Saoudien X": past a demonym title apposed to the name, the
        role phrase in the aside before it."""
        if not words or words[0].i - 2 < lo or self.tokens[words[0].i - 1].text != "," \
                or not all(w.pos_ == "DET" or lower_text(w) in self.rules.demonyms for w in words) \
                or not any(lower_text(w) in self.rules.demonyms for w in words):
            return None
        return self.role_aside_before(lo, words[0].i - 2)

    def nearest_role(self, words: list[Token]) -> list[Token]:
        """The words from the role nearest the name, when a role is the complement of another
        ("porte-parole du président russe X": X is the president)."""
        for m in range(len(words) - 1, 1, -1):
            of = m - 2 if words[m - 1].pos_ == "DET" else m - 1
            if _in(words[of], self.rules.of_prepositions):
                found = self.role_words(words[m:])
                if found is not None and found[1] == 0:
                    return words[m:]
        return words

    def role_aside_before_title(self, span, title: Token) -> tuple | None:
        """The role phrase in the aside before a bare title that names no body ("Le chef de la
        junte au pouvoir au Burkina Faso, le capitaine X"), when it names one."""
        lo = self.units.bounds(span.root)[0]
        k = self.skip_determiners(title.i - 1, lo)
        if k < lo or self.tokens[k].text != ",":
            return None
        found = self.one_holder_aside(self.role_aside_before(lo, k - 1), span)
        return found if found is not None and (found[1] or self.state_office(found[2])) else None

    def one_holder_aside(self, found: tuple | None, span) -> tuple | None:
        """An aside role before a name, unless it is plural and the name stands alone: "neuf
        commandants du Hezbollah, X a montré" names no role of X (a plural role is apposed only to
        a list: "les chefs de la diplomatie, A et B")."""
        if found is None or "Plur" not in morph_values(found[2], "Number") \
                or lower_text(found[2]) == lower_lemma(found[2]):  # "porte-parole": the same in both numbers
            return found
        nxt = self.tokens[span.end] if span.end < len(self.tokens) else None
        return found if nxt is not None and (nxt.text == "," or lower_text(nxt) in self.rules.and_words) else None

    def state_office(self, anchor: Token | None) -> bool:
        """Whether a role names an office of a state with no state named: its complement is a
        portfolio or one of the state's forces ("le ministre de la Défense X", "le secrétaire au
        Trésor", "le chef de la marine"), no entity of the text."""
        if anchor is None:
            return False
        for n, t in enumerate(self.tokens[anchor.i + 1: anchor.i + 4]):
            if t.pos_ == "ADP":
                nxt = [w for w in self.tokens[anchor.i + n + 2: anchor.i + n + 4] if w.pos_ != "DET"]
                ref = self.ref_at(nxt[0]) if nxt else None  # the holder's own role mention may hold it
                return bool(nxt) and (ref is None or ref.entity.kind == "Person" or not self.typed([ref], ("Actor",))) \
                    and lower_text(nxt[0]) in self.rules.state_office_nouns and not self.local_office(nxt[0])
            if t.pos_ not in ("NOUN", "ADJ"):
                return False
        return False

    def local_office(self, office: Token) -> bool:
        """An office of a part of the state, not of the state: a local adjective after it ("la
        police provinciale") or a place named after it ("le ministre de l'Intérieur de la
        Rhénanie", "le commandant de la police de Kandahar")."""
        after = self.tokens[office.i + 1: office.i + 4]
        if after and lower_text(after[0]) in self.rules.local_office_adjectives:
            return True
        if not after or lower_text(after[0]) not in self.rules.of_prepositions:
            return False
        place = next((w for w in after[1:] if w.pos_ != "DET"), None)  # the holder's role mention may span it
        return place is not None and any(r.entity.kind != "Person" for r in self.index.overlapping(place.idx, place.idx + 1))

    def role_aside_before(self, lo: int, stop: int) -> tuple | None:
        """ "Le représentant de l'UE pour les affaires étrangères, Josep Borrell": the role
        phrase between the previous comma and the one before the name, from its determiner."""
        k = stop
        while k >= lo and self.tokens[k].text not in (",", ";", ":"):
            k -= 1
        words = self.past_clause_verb(list(self.tokens[k + 1: stop + 1]))
        dets = [n for n, t in enumerate(words) if t.pos_ == "DET"]
        return self.role_phrase(words[dets[0]:] if dets else words) if words else None

    @staticmethod
    def past_clause_verb(words: list[Token]) -> list[Token]:
        """The words of an aside after its last conjugated verb ("Le ministre A s'est entretenu
        avec le ministre iranien de X, B": the phrase after "entretenu" is B's role, not the
        opening one, which is A's)."""
        last = max((n for n, t in enumerate(words) if t.pos_ in ("VERB", "AUX") and (
            "Fin" in morph_values(t, "VerbForm") or any(c.dep_.startswith("aux") for c in children_of(t)))), default=-1)
        return words[last + 1:]

    def role_after(self, span) -> tuple | None:
        """ "Olaf Scholz, chancelier allemand,"."""
        end, hi = span.end, self.units.bounds(span.root)[1]
        end = self.past_nickname(end, hi)
        if end < hi and self.tokens[end].text == ",":
            words = []
            for t in self.tokens[end + 1: min(hi, end + 12)]:
                if t.text in (",", ".", ";") or t.pos_ == "AUX" and t.dep_.startswith("aux"):
                    break  # "X, porte-parole de l'armée a accusé les Y": the role ends at the verb
                words.append(t)
            if words and (words[0].pos_ in ("NOUN", "DET", "ADJ", "NUM") or self.opens_role(words)) \
                    and not self.plural_subject_after(span, words):
                return self.role_phrase(words)  # "X, chargé de communication auprès de Y": a participle's role too
        return None

    def plural_subject_after(self, span, words: list[Token]) -> bool:
        """A plural noun phrase after one name's comma that is the subject of the next clause
        ("la protection du président X, les experts russes formeront ..."), no role of X's; a list
        of names may take a plural role ("A et B, deux cadres de X")."""
        head = next((w for w in words if w.pos_ == "NOUN"), None)
        k = self.skip_determiners(span.start - 1, 0)
        return head is not None and "Plur" in morph_values(head, "Number") and head.dep_.startswith("nsubj") \
            and head.head.i > head.i and not (k >= 0 and lower_text(self.tokens[k]) in self.rules.list_conjunctions)

    def opens_role(self, words: list[Token]) -> bool:
        """Whether ``words`` open on a role phrase of several words, however tagged."""
        found = self.role_words(words[:4])
        return found is not None and found[1] == 0 and found[2] > 1

    def past_nickname(self, end: int, hi: int) -> int:
        """The comma after a nickname aside that follows a name ("Jimmy Chérizier, alias
        « Barbecue », chef de ..."): where a role after the name begins; ``end`` otherwise."""
        if end + 1 >= hi or self.tokens[end].text != "," or lower_text(self.tokens[end + 1]) not in self.rules.nickname_cues:
            return end
        return next((t.i for t in self.tokens[end + 2: min(hi, end + 9)] if t.text == ","), end)

    def context_state(self, span, leads: bool = False) -> list[MentionRef]:
        """The state a bare title belongs to: the subject state of this or the previous sentence;
        for a leader's title ("le président X") with none, the state the text is about."""
        k = self.units.sentence_at(span.start_char)
        for j in (k, k - 1):
            if j < 0 or j in self.skip:
                continue
            s = self.sentences[j]
            for ref in self.index.inside(s.start, s.end):
                if ref.entity.kind not in _STATE_KINDS or not self.typed([ref], ("Actor",)):
                    continue
                tok = self.root_of(ref)
                if tok.dep_ in ("nsubj", "nsubj:pass", "dep", "ROOT") and ref.start < span.start_char:
                    if self.quotes.inside(ref.start) and not self.quotes.inside(span.start_char):
                        continue  # the subject of someone's quoted words is not the narrative's
                    return self.sole_state(ref, tok)
        return self.dominant_state(span.start_char) if leads and not self.quotes.inside(span.start_char) else []

    def dominant_state(self, before: int) -> list[MentionRef]:
        """The state the text is about up to ``before``: named at least twice as often as any
        other state and acting; none when two states share the text ("le premier ministre X"
        in an article on Haiti that names the American embassy once: Haiti).  Remembered by how
        many states' mentions end by ``before`` (``state_ends``): the same mentions, the same
        answer, where a long article asks at thousands of words."""
        ends = self.state_ends()
        key = bisect_right(ends, before) if ends is not None else None
        found = self._dominant.get(key) if key is not None else None
        if found is None:
            states = [ref for ref in self.index.before(before) if ref.entity.kind in _STATE_KINDS]
            top = dominant([ref.entity.id for ref in states])
            first = [ref for ref in states if ref.entity.id == top][:1]
            found = first if self.typed(first, ("Actor",)) else []
            if key is not None:
                self._dominant[key] = found
        return list(found)

    def state_ends(self) -> list[int] | None:
        """Where the mentions of states end, in order (read once); None when one is empty (the
        mentions ``index.before`` gives are then not those ending by a position)."""
        if self._state_ends is _UNSEEN:
            refs = [r for r in self.index.refs if r.entity.kind in _STATE_KINDS]
            self._state_ends = sorted(r.end for r in refs) if all(r.end > r.start for r in refs) else None
        return self._state_ends

    def state_named_later(self, before: int) -> list[MentionRef]:
        """The state the whole text is about when none is named before ``before`` ("le
        porte-parole de l'armée, X" in an article that names the country only further on): the
        dominant state, named more than once (a state named once further on may be another's)."""
        if any(ref.entity.kind in _STATE_KINDS for ref in self.index.nearest_before(before)):
            return []
        if self._named_later is None:  # the same for every word of the document: found once
            found = self.dominant_state(len(self.text))
            named = [ref for ref in self.index.before(len(self.text)) if found and ref.entity.id == found[0].entity.id]
            self._named_later = found if len(named) > 1 else []
        return list(self._named_later)

    def sole_state(self, ref: MentionRef, tok: Token) -> list[MentionRef]:
        """A subject state that stands alone: several coordinated ("Les Pays-Bas et le Danemark
        ...") leave a bare title's state unknown."""
        return [] if self.listed_after(ref) or self.listed_before(ref) or any(c.dep_ == "conj" and self.typed(self.np(c), ("Actor",))
                                                   for c in children_of(tok)) else [ref]

    def context_body(self, span) -> list[MentionRef]:
        """The organisation a bare title belongs to: the last one named before it, in this or
        the previous sentence."""
        k = self.units.sentence_at(span.start_char)
        start = self.sentences[max(k - 1, 0)].start
        for ref in self.index.nearest_before(span.start_char, start):
            if ref.entity.kind in ("Organization", "InternationalOrganization"):
                return [ref]
        return []

    def located(self, k: int, words: list[tuple[Token, str, str, str]]) -> None:
        """ "la ville de Soumy, en Ukraine", "la ville ukrainienne de Soumy", "Soumy (Ukraine)";
        ``words``: the run's ``run_words``."""
        heads = self.rules.place_heads
        for t, lemma, low, _ in words:
            if not _read_in(t, lemma, low, heads) or t.lemma_ in self.rules.territory_nouns or self.capital_named_after(t, k) \
                    or self.capital_of_demonym(t, k):
                continue
            if _demonstrative(t):  # "cette région de l'est de l'Ukraine"
                self.place_described(t, k)
            places = self.named_places(t)
            if places:
                self.place_named(t, places, k)

    def place_named(self, t: Token, places: list[MentionRef], k: int) -> None:
        """The area the demonym on place noun ``t`` or a phrase after its first name puts the
        names in."""
        place = places[0]
        containers = self.demonym_containers(t, place)
        # "les provinces iraniennes de A, de B et de C": the demonym places each name of the list
        listed = self.demonym_list(places) if containers else [place]
        for c in (containers + self.container_after(place))[:1]:
            for p in [p for p in listed if p.entity.id != c.entity.id]:
                self.add(p, "locatedIn", c, t, k, 0.6, modality="asserted")

    def demonym_containers(self, t: Token, place: MentionRef) -> list[MentionRef]:
        """The areas the adjectives of place noun ``t`` name ("les provinces iraniennes de A"),
        also misparsed as "nmod"; only those before its name's "de": a name of the list after it
        hung as an adjective ("les régions de A, B et C": B) holds nothing."""
        first = min((g.i for c in children_of(t) if c.i > t.i for g in children_of(c) if g.dep_ == "case"
                     and lower_text(g) in self.rules.name_prepositions), default=len(self.tokens))
        containers = self.typed([self.own_container(c, place) for c in children_of(t)
                                 if (c.dep_ == "amod" or c.pos_ == "ADJ") and c.i < first], ("Region",))
        return [c for c in containers if c.entity.kind in _STATE_KINDS or "Region" in c.entity.types]

    def place_described(self, t: Token, k: int) -> None:
        """ "cette région de l'est du Soudan", "cette région ukrainienne", "cet État situé dans
        l'ouest du pays": a place noun with a demonstrative points back to the last place of its
        kind, in this sentence or the two before (``same_place_anaphors``), which lies in the
        wider area its demonym, its compass "de" phrase or its participle of location names."""
        kinds = [kind for kind in self.rules.same_place_anaphors.get(lower_lemma(t), ()) if kind not in _STATE_KINDS]
        floor = self.sentences[max(self.units.sentence_at(t.idx) - 2, 0)].start
        place = next((r for r in self.index.nearest_before(t.idx, floor) if r.entity.kind in kinds), None)
        if place is None:
            return
        rank = _AREA_RANKS.get(place.entity.kind, 0)
        for c in self.described_area(t)[:1]:
            if c.entity.id != place.entity.id and _AREA_RANKS.get(c.entity.kind, 0) > rank:
                self.add(place, "locatedIn", c, t, k, 0.55, modality="asserted")

    def described_area(self, t: Token) -> list[MentionRef]:
        """The area a place noun's own words put it in: a demonym ("cette région ukrainienne"),
        a compass part in its "de" phrase ("cette ville du nord du Mali") or a participle of
        location ("ce district situé dans l'est du pays")."""
        states = [r for c in children_of(t) if c.dep_ == "amod" or c.pos_ == "ADJ" for r in [self.demonym_state(c)] if r]
        if states:
            return states
        part = self.compass_complement(t)
        if part is not None:
            return part
        preps, tail = self.verb_aside(self.aside_tokens(t.i)) or ((), [])
        return self.after_prep(tail, preps, ("Region",)) if preps else []

    def compass_complement(self, t: Token) -> list[MentionRef] | None:
        """The area a compass "de" phrase right after a noun names ("du nord-est de l'Ukraine"),
        None when no such phrase follows."""
        window = list(self.tokens[t.i + 1: min(len(self.tokens), t.i + 8)])
        words = [w for w in window[1:3] if w.pos_ != "DET"]
        if not words or lower_text(window[0]) not in self.rules.of_prepositions or not _in(words[0], self.rules.compass_words):
            return None
        return [c for c in self.after_prep(window[window.index(words[0]):], self.rules.of_prepositions, ("Region",))
                if c.mention.text.lower() not in self.rules.compass_words]

    def demonym_list(self, places: list[MentionRef]) -> list[MentionRef]:
        """The places a demonym on their place noun puts in its state: those named and those the
        list goes on with ("les provinces iraniennes de A, de B et de C"), no state."""
        return [p for p in [*places, *self.places_listed_after(places[0])] if p.entity.kind not in _STATE_KINDS]

    def named_places(self, t: Token) -> list[MentionRef]:
        """The places a place noun names ("la ville de Soumy"); after a demonym, "du" opens the
        name too ("les provinces iraniennes du Khouzistan")."""
        places = self.typed(self.children_with(t, self.rules.name_prepositions), ("Region",))
        if not places and any(c.pos_ == "ADJ" and self.demonym_state(c) for c in children_of(t)):
            places = self.typed(self.children_with(t, self.rules.of_prepositions), ("Region",))
        return places

    def places_listed_after(self, place: MentionRef) -> list[MentionRef]:
        """The places a list goes on with after ``place``, each after a comma or the closing
        conjunction and its own "de" ("de A, du B et de C"), however the parse cuts it; none
        unless the conjunction closes the list."""
        span = self.span_at(place)
        found, k, closed = [], span.end if span is not None else len(self.tokens), False
        while k < len(self.tokens) - 2 and not closed and (
                self.tokens[k].text == "," or lower_text(self.tokens[k]) in self.rules.list_conjunctions):
            closed = lower_text(self.tokens[k]) in self.rules.list_conjunctions
            j = k + 1 + (lower_text(self.tokens[k + 1]) in self.rules.of_prepositions)
            while j < len(self.tokens) - 1 and self.tokens[j].pos_ == "DET":
                j += 1
            ref = self.ref_at(self.tokens[j])
            nxt = self.span_at(ref) if ref is not None else None
            if nxt is None or nxt.start != j or not self.typed([ref], ("Region",)):
                return []
            found.append(ref)
            k = nxt.end
        return found if closed else []

    def capital_named_after(self, t: Token, k: int) -> bool:
        """"la capitale du Yémen, Sanaa": a capital noun whose "de" names a country or region, and
        the name right after the comma, is that name, in the area; whether it was one."""
        if lower_lemma(t) not in self.rules.capital_nouns:
            return False
        area = self.typed(self.children_with(t, self.rules.of_prepositions, ("nmod",)), ("Region",))[:1]
        span = self.span_at(area[0]) if area else None
        if span is None or span.end + 1 >= len(self.tokens) \
                or self.tokens[span.end].text != ",":
            return False
        named = self.ref_at(self.tokens[span.end + 1])
        if named is None or named.entity.kind in _STATE_KINDS or not self.typed([named], ("Region",)):
            return False
        self.add(named, "locatedIn", area[0], t, k, 0.6, modality="asserted")
        return True

    def capital_of_demonym(self, t: Token, k: int) -> bool:
        """ "la capitale tchadienne N'Djamena", "la capitale nigérienne, Niamey", "Niamey ...
        la capitale nigérienne": a capital noun with a state's demonym and no name of its own
        names the city the text names right after it, else the one the knowledge base has as that
        state's capital, which lies in the state; whether it was one."""
        if lower_lemma(t) not in self.rules.capital_nouns:
            return False
        state = next((r for c in self.tokens[t.i + 1: t.i + 3] if c.pos_ == "ADJ"
                      for r in [self.demonym_state(c)] if r is not None), None)  # however the parse hangs it
        if state is None:
            return False
        named = self.name_after_capital(t) or self.capital_in_kb(state)
        if named is not None and named.entity.id != state.entity.id and self.typed([named], ("Region",)):
            self.add(named, "locatedIn", state, t, k, 0.6, modality="asserted")
        return True

    def capital_in_kb(self, state: MentionRef) -> MentionRef | None:
        """The city of the text the knowledge base has as ``state``'s capital."""
        kb = self.reading.kb
        if kb is None or not state.entity.kb_id:
            return None
        return next((MentionRef(e, e.mentions[0]) for e in self.by_label.values() if e.kind == "City" and e.kb_id
                     and (entry := kb.get(e.kb_id)) is not None and entry.capital_of == state.entity.kb_id), None)

    def name_after_capital(self, t: Token) -> MentionRef | None:
        """The city named right after a capital noun and its demonym, also past a comma ("la
        capitale nigérienne, Niamey"); not a state."""
        j = t.i + 1
        while j < len(self.tokens) and (self.tokens[j].pos_ == "ADJ" or self.tokens[j].text == ","):
            j += 1
        ref = self.ref_at(self.tokens[j]) if j < len(self.tokens) else None
        return ref if ref is not None and ref.start == self.tokens[j].idx and ref.entity.kind == "City" else None

    def own_container(self, adjective: Token, place: MentionRef) -> MentionRef | None:
        """The state a demonym before a place's name puts it in, also where the place's own
        mention holds the demonym ("la province irakienne de Kirkouk")."""
        ref = self.ref_at(adjective)
        if ref is None or ref.entity.id != place.entity.id:  # a demonym's own mention opens at it
            return ref if ref is None or ref.start == adjective.idx or lower_text(adjective) in self.rules.demonyms else None
        return self.demonym_state(adjective)

    def demonym_state(self, token: Token) -> MentionRef | None:
        """The state entity a demonym adjective names, whatever mention covers the word (none
        when the text names no such state)."""
        # a lower-case demonym the tagger took for a name counts ("la province yéménite d'X")
        adjective = token.pos_ == "ADJ" or (token.dep_ == "amod" and token.text.islower())
        state = self.rules.demonyms.get(lower_text(token)) if adjective else None
        entity = self.by_label.get(normalize_label(state)) if state else None
        if entity is None or entity.kind not in _STATE_KINDS:
            return None
        return MentionRef(entity, entity.mentions[0])

    def container_after(self, place: MentionRef) -> list[MentionRef]:
        """The place a phrase after ``place`` puts it in ("..., en Ukraine", "sur la commune
        de X")."""
        end = self.span_at(place).end
        tail = list(self.tokens[end: min(len(self.tokens), end + 9)])
        if tail and tail[0].text in (",", "("):
            tail = tail[1:]
        if tail and lower_text(tail[0]) in self.rules.container_prepositions:
            return self.after_prep(tail, self.rules.container_prepositions, ("Region",))[:1]
        if self.territory_phrase(tail):
            return self.after_prep(tail, self.rules.of_prepositions, ("Region",))[:1]
        return []

    def bodies(self, k: int) -> None:
        """ "le ministère japonais de la Défense", "le ministère taliban de la Défense": a body
        named with its state's demonym (or its group's name) is a part (memberOf) of it; "la
        mission de l'ONU en Libye" is a part of the organisation, deployed where it serves."""
        for ref in self.index.inside(*self.units.run_span(k)):
            span = self.span_at(ref) if ref.entity.kind == "Organization" else None
            if span is not None and lower_text(span[0]) in self.rules.description_actors:
                self.led_coalition(ref, span, k)
            if span is None or not (ref.mention.method == "pattern" or self.is_organ(span)):
                continue
            if self.is_organ(span):
                self.organ_relations(ref, span, k)
                continue
            for inner in [*self.index.inside(ref.start, ref.end), *self.country_after(span)]:
                if inner.entity.id != ref.entity.id and (inner.entity.kind in _STATE_KINDS or (
                        inner.entity.kind in _GROUP_KINDS and inner.mention.type == "Actor")):
                    self.add(ref, "memberOf", inner, span[0], k, 0.7, modality="asserted",
                             cue_text=span[0].text)
                    break

    def led_coalition(self, ref: MentionRef, span, k: int) -> None:
        """ "la coalition menée par l'Arabie saoudite", "la coalition sous commandement saoudien":
        the state or actor named right after the words of leading leads the coalition."""
        phrase = led_phrase_after(self.text, ref.end, self.rules)
        if phrase is None:
            return
        window = [t for t in self.tokens[span.end: span.end + len(phrase.split()) + 4] if t.idx >= ref.end]
        leader = next((r for t in window[len(phrase.split()):] for r in [self.ref_at(t)]
                       if r is not None and r.entity.id != ref.entity.id and "Actor" in r.entity.types), None)
        if leader is not None:
            self.add(leader, "leaderOf", ref, span[0], k, 0.6, modality="asserted", cue_text=phrase)
            for place in self.place_after_leader(leader)[:1]:
                self.add(ref, "deployedIn", place, span[0], k, 0.6, modality="asserted")

    def place_after_leader(self, leader: MentionRef) -> list[MentionRef]:
        """ "la coalition dirigée par X au pays Y": the place a container
        preposition names right after a coalition's leader, where the coalition is."""
        lead = self.span_at(leader)
        if lead is None or lead.end + 1 >= len(self.tokens) \
                or lower_text(self.tokens[lead.end]) not in self.rules.container_prepositions:
            return []
        words = [t for t in self.tokens[lead.end + 1: lead.end + 3] if t.pos_ != "DET"]
        return self.typed([self.ref_at(words[0])] if words else [], ("Region",))

    def led_after_name(self, ref: MentionRef, span, k: int) -> None:
        """ "les Forces du peuple (FDP), les milices dirigées par le général X", "le Groupe de
        soutien (GSS), dirigé par l'Allemagne": the actor named after the words of leading that
        follow a name, past its bracketed acronym, a comma and an apposed description (or right
        after its own acronym: "la Mission X (MSS) dirigée par le Kenya"), leads it."""
        end = self.sentences[self.units.sentence_at(ref.start)].end
        hi = next((m for m in range(span.end, len(self.tokens)) if self.tokens[m].idx >= end), len(self.tokens))
        if self.beside_other_name(ref, span):
            return
        j = self.leading_words_at(span, hi)
        phrase = led_phrase_after(self.text, self.tokens[j].idx, self.rules) if j is not None else None
        if phrase is None:
            return
        window = self.tokens[j + len(phrase.split()): min(hi, j + len(phrase.split()) + 5)]
        leader = next((r for t in window if t.pos_ != "ADJ" for r in [self.ref_at(t)]  # no demonym of a rank
                       if r is not None and r.entity.id != ref.entity.id and "Actor" in r.entity.types), None)
        if leader is not None:
            self.add(leader, "leaderOf", ref, self.tokens[j], k, 0.6, modality="asserted", cue_text=phrase)

    def beside_other_name(self, ref: MentionRef, span) -> bool:
        """A name inside a longer one or right before another's acronym ("... de l'Ukraine
        (UDCG)"); a name inside it ("le Front ... au Tchad (FACT)") does not count."""
        return any(r.entity.id != ref.entity.id and not ref.start <= r.start < r.end <= ref.end
                   for r in self.index.overlapping(span[0].idx - 1, ref.end + 3))

    def past_own_acronym(self, span, hi: int) -> int | None:
        """The index right after a name's own bracketed acronym ("la Mission X (MSS) dirigée par
        Y", "le Front X (FX) mené par Z"), from the full name or from the acronym: a full name and
        its acronym, which the words of leading right after follow; None with no acronym there or
        for a name aimed at ("contre le Front X (FX) menée par": the attack's)."""
        found = self.own_acronym_bounds(span, hi)
        if found is None:
            return None
        lo = self.skip_determiners(found[0], 0)
        aimed = any(lower_text(t) in self.rules.hostile_prepositions for t in self.tokens[max(lo, 0): found[0] + 2])
        return None if aimed else found[1]

    def own_acronym_bounds(self, span, hi: int) -> tuple[int, int] | None:
        """The word before a full name and the index past its bracketed acronym, ``span`` being
        either; None when no acronym of its own follows the name."""
        j, t = span.end, self.tokens
        if j + 2 < hi and t[j].text == "(" and t[j + 2].text == ")":
            return span.start - 1, j + 3
        if not (span.start > 1 and t[span.start - 1].text == "(" and j < hi and t[j].text == ")"):
            return None
        full, own = self.ref_at(t[span.start - 2]), self.ref_at(span[0])
        if full is None:  # a full name in common words ("l'opération de soutien ... (MSS)"): its noun phrase
            start = self.common_name_start(t[span.start - 2])
            return (start - 1, j + 1) if start is not None else None
        whole = self.span_at(full) if own is not None and full.entity.id == own.entity.id else None
        return (whole.start - 1, j + 1) if whole is not None else None

    @staticmethod
    def common_name_start(last: Token) -> int | None:
        """Where the noun phrase a bracketed acronym spells out starts, from its last word (a noun,
        or an adjective on one): the left edge of the noun's phrase."""
        head = last if last.pos_ in ("NOUN", "PROPN") else last.head
        return head.left_edge.i if head.pos_ == "NOUN" and head.i <= last.i else None

    def leading_words_at(self, span, hi: int) -> int | None:
        """Where words of leading may follow a name: past its aside (``past_name_aside``), else
        right after its own acronym (``past_own_acronym``)."""
        j = self.past_name_aside(span.end, hi)
        return j if j is not None else self.past_own_acronym(span, hi)

    def past_name_aside(self, j: int, hi: int) -> int | None:
        """The index of the first word after a name's bracketed acronym, the comma that follows
        and an apposed description ("(FDP), les milices"); None with no comma there."""
        if j < hi and self.tokens[j].text == "(":
            j = next((m for m in range(j, min(hi, j + 8)) if self.tokens[m].text == ")"), hi - 1)
        j += int(j < hi and self.tokens[j].text == ")")
        if j >= hi - 1 or self.tokens[j].text != ",":
            return None
        j += 1
        if j + 2 < hi and self.tokens[j].pos_ == "DET" and self.tokens[j + 1].pos_ == "NOUN" \
                and self.ref_at(self.tokens[j + 1]) is None:
            j += 2  # an apposed description ("les milices")
        return j

    def is_organ(self, span) -> bool:
        """A body an organisation sends, by its noun ("la mission de l'ONU en Libye")."""
        return lower_text(span[0]) in self.rules.organ_heads and len(span) > 2

    def organ_relations(self, ref: MentionRef, span, k: int) -> None:
        """The organisation an organ belongs to and the place it serves in, both named in it."""
        for inner in self.index.inside(ref.start, ref.end):
            if inner.entity.id == ref.entity.id:
                continue
            if inner.entity.kind in _ORGANISATION_KINDS:
                self.add(ref, "memberOf", inner, span[0], k, 0.7, modality="asserted", cue_text=span[0].text)
            elif inner.entity.kind in _AREA_KINDS and lower_text(self.tokens[self.span_at(inner).start - 1]) \
                    in self.rules.organ_place_prepositions:
                self.add(ref, "deployedIn", inner, span[0], k, 0.7, modality="asserted", cue_text=span[0].text)

    def country_after(self, span) -> list[MentionRef]:
        """The country noun right after a body ("le ministère de la Défense du pays"), which
        the entity stage gave the state it names again."""
        if span is None or span.end + 1 >= len(self.tokens) or lower_text(self.tokens[span.end]) \
                not in self.rules.of_prepositions:
            return []
        ref = next((self.ref_at(t) for t in self.tokens[span.end + 1: span.end + 3] if self.ref_at(t)), None)
        return [ref] if ref is not None and ref.mention.method == "anaphor" else []

    def territory_phrase(self, tail: list[Token]) -> bool:
        """ "sur la commune de X", "sur le territoire de X": a preposition that puts a place in
        another only before a place noun."""
        if not tail or lower_text(tail[0]) not in self.rules.territory_prepositions:
            return False
        rest = [t for t in tail[1:3] if t.pos_ != "DET"]
        return bool(rest) and _in(rest[0], self.rules.place_heads)

    def placed(self, k: int) -> None:
        """ "Tessalit, dans le nord du Mali", "Goma, la capitale du Nord-Kivu,", "Soumy (Ukraine)":
        a place followed by an aside that puts it in another."""
        for ref in self.index.inside(*self.units.run_span(k)):
            # "au Nord, dans la région de Gao": a compass point is no place of its own
            if not self.typed([ref], ("Region",)) or ref.entity.kind in _STATE_KINDS \
                    or ref.mention.text.lower() in self.rules.compass_words:
                self.compass_region_in(ref, k)
                continue
            span = self.span_at(ref)
            if span is None or span.end >= len(self.tokens):
                continue
            measured = self.reference_point(span)
            for c in (self.state_right_after(span, ref) if measured else self.containers_right_after(span, ref)):
                for r in [ref, *self.places_listed_before(span)]:  # "à Niafunké et à Goundam dans la région de X"
                    self.add(r, "locatedIn", c, self.tokens[span.end], k, 0.6, modality="asserted")
            if self.tokens[span.end].text in (",", "("):
                self.placed_by_aside(ref, span, k, measured)
            elif self.location_word(self.tokens[self.past_auxiliaries(span.end)]):  # "X située dans Y", "X se trouve dans Y"
                self.placed_by_aside(ref, span, k, measured, self.past_auxiliaries(span.end) - 1)
            elif self.bracketed_before_aside(span):  # "X (Ituri), dans le nord-est de la RDC"
                self.placed_by_aside(ref, span, k, measured, span.end + 1)

    def bracketed_before_aside(self, span) -> bool:
        """A place alone in brackets after another, with a containment aside right after the
        bracket ("à X, en territoire de Y (Ituri), dans le nord-est de la RDC", "à X (préfecture de
        Y), dans le sud du pays"): the aside puts the bracketed place, the wider of the two, in
        its area (the place before the bracket gets it from the bracket)."""
        j = span.end
        if span.start < 1 or j + 2 >= len(self.tokens) or self.tokens[span.start - 1].text != "(" \
                or self.tokens[j].text != ")" or self.tokens[j + 1].text != ",":
            return False
        return _in(self.tokens[j + 2], self.rules.container_prepositions) or self.compass_part_aside(self.aside_tokens(j + 1))

    def past_auxiliaries(self, j: int) -> int:
        """The first word at or after ``j`` past auxiliaries and a reflexive clitic ("X est
        située dans Y", "X se trouve dans Y": the place is the verb's subject)."""
        while j < len(self.tokens) - 1 and (self.tokens[j].pos_ == "AUX" or lower_text(self.tokens[j]) in self.rules.reflexive_clitics):
            j += 1
        return j

    def location_word(self, t: Token) -> bool:
        """A participle of location or of dependency right after a place, before a preposition
        ("X située dans la région Y", "X relevant du département de Y")."""
        return t.pos_ in ("VERB", "ADJ") and bool(self.participle_prepositions(list(self.tokens[t.i:t.i + 2])))

    def placed_by_aside(self, ref: MentionRef, span, k: int, measured: bool, end: int | None = None) -> None:
        """ "Tessalit, dans le nord du Mali", "Soumy (Ukraine)": the aside after a place puts it
        in another, and the places listed before it with it ("les villages de A, B et C, dans le
        territoire de X"); not a containment phrase after a place a distance is measured from.
        ``end``: where the aside opens, when no comma or bracket does ("X située dans Y")."""
        preps, tail = self.aside(span.end if end is None else end)
        if not preps or self.aside_places_nothing(span, tail, measured):
            return
        regions = self.bracketed_region(preps, tail)
        for c in self.after_prep(tail, preps, ("Region",))[:1] or regions:
            if preps == ("(",) and not self.bracket_area(span, c, regions):
                continue  # "Moraz (Crissier)", "Hirter (Berne)": a person's or a village's home
            if c.entity.id != ref.entity.id and not (tail[0].i > span.end + 1 and self.placed_elsewhere(ref, c)):
                for r in [ref, *self.list_closed_by(span)]:  # "les villages de A, B et C, dans le territoire de X"
                    if r.entity.id != c.entity.id:
                        self.add(r, "locatedIn", c, tail[0], k, 0.6, modality="asserted")

    def bracket_area(self, span, c: MentionRef, regions: list[MentionRef]) -> bool:
        """Whether the place alone in brackets after a place holds it: an area named as such, a
        region named by a compass word, or any place after a locality named with its noun."""
        return self.named_area(c) or c in regions or self.named_locality(span, c)

    def named_locality(self, span, area: MentionRef) -> bool:
        """ "la municipalité de Tame (Arauca)", "le village de X (Y)": a locality named with its
        place noun, then one name alone in brackets, lies in that place (not a state's capital:
        the bracket names an area there, however the knowledge base reads the name)."""
        k = self.skip_determiners(span.start - 1, 0)
        noun = self.tokens[k - 1] if k > 0 and lower_text(self.tokens[k]) in self.rules.name_prepositions else span[0]
        return noun is not None and self.rules.place_nouns.get(lower_text(noun)) in ("City", "Village") \
            and area.entity.kind not in _STATE_KINDS and area.mention.text[:1].isupper()

    def aside_places_nothing(self, span, tail: list[Token], measured: bool) -> bool:
        """An aside that holds no container of the place before it: a list going on, a phrase
        after a place a distance is measured from, or a distance of its own."""
        return self.listed(span, tail) or (measured and tail[0].pos_ == "ADP") or self.distance_in(tail)

    def distance_in(self, tail: list[Token]) -> bool:
        """An aside that measures a distance ("X, localité agricole à 160 km de Y"): the place
        after it is where the distance is taken from, not what holds X."""
        return any(self.distance_noun(t) for t in tail)

    def list_closed_by(self, span) -> list[MentionRef]:
        """The places listed before a place that closes their list with a conjunction ("A, B et
        C"); none after a comma alone ("le village de A, dans la province de B": an aside)."""
        k = self.skip_determiners(span.start - 1, self.units.bounds(span.root)[0])
        if k > 0 and _in(self.tokens[k], {*self.rules.container_prepositions, *self.rules.relative_prepositions}):
            k = self.skip_determiners(k - 1, 0)
        return self.places_listed_before(span) if lower_text(self.tokens[k]) in self.rules.list_conjunctions else []

    def bracketed_region(self, preps, tail: list[Token]) -> list[MentionRef]:
        """ "Andek (Nord-Ouest)": a capitalised compass word alone in brackets after a place,
        in a text that names a region so ("les régions du Nord-Ouest et du Sud-Ouest"), is that
        region (the entity stage reads a bracketed compass word as a direction)."""
        word = tail[-1] if preps == ("(",) else None
        if word is None or not word.text[:1].isupper() or not _in(word, self.rules.compass_words):
            return []
        entity = self.by_label.get(normalize_label(word.text))
        if entity is None or entity.kind not in _AREA_KINDS:
            return []
        return [MentionRef(entity, entity.mentions[0])]

    def reference_point(self, span) -> bool:
        """A place named as the point a distance or a bearing is measured from ("à 80 km au
        sud-ouest de Mogadiscio, dans la région de X", "à 50 km de Gao dans la région de X"): the
        aside after it places what was measured, not that place."""
        k = span.start - 1
        while k > 0 and self.tokens[k].pos_ == "DET":
            k -= 1
        if k < 1 or lower_text(self.tokens[k]) not in self.rules.of_prepositions:
            return False
        before = self.tokens[k - 1]
        if _in(before, self.rules.compass_words):
            return True
        return before.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in children_of(before)) and any(
            lower_text(t) in self.rules.relative_prepositions for t in self.tokens[max(0, before.i - 4): before.i])

    def containers_right_after(self, span, ref: MentionRef) -> list[MentionRef]:
        """The area a containment phrase right after a place puts it in: named with its place
        noun, by a compass part ("à Beni dans l'Est de la RDC") or by its name alone ("le
        district de Pakur au Jharkhand")."""
        return self.container_named(span) or self.container_part(span, ref) or self.container_plain(span, ref) \
            or self.subdivision_of(span, ref) or self.facility_town(span, ref)

    def facility_town(self, span, ref: MentionRef) -> list[MentionRef]:
        """ "l'hôpital Nasser à Khan Younès", "l'aéroport international X de Y": a site named
        with its facility noun (``facility_site_nouns``) and a name of its own lies in the town
        or province named right after it by "à" or "de" (not a state: "de France" owns it)."""
        if not span[0].text.islower() or not _in(span[0], self.rules.facility_site_nouns) or span.end + 1 >= len(self.tokens):
            return []
        low = lower_text(self.tokens[span.end])
        if low not in self.rules.facility_town_prepositions and low not in self.rules.of_prepositions:
            return []
        first = next((t for t in self.tokens[span.end + 1: span.end + 3] if t.pos_ != "DET"), None)
        c = self.ref_at(first) if first is not None else None
        if c is None or self.span_at(c).start != first.i or c.entity.kind in _STATE_KINDS or not self.typed([c], ("Region",)):
            return []
        return [c] if c.entity.id != ref.entity.id else []

    def compass_region_in(self, ref: MentionRef, k: int) -> None:
        """ "le Nord-Ouest du Cameroun", "le Nord-Ouest et le Sud-Ouest du Cameroun": a region
        named by a compass point (a capitalised name the entity stage made a region) lies in the
        state its "de" complement names, with the regions listed before it."""
        span = self.span_at(ref)
        if span is None or ref.entity.kind != "AdministrativeRegion" or not ref.mention.text[:1].isupper() \
                or ref.mention.text.lower() not in self.rules.compass_words:
            return
        rest = [t for t in self.tokens[span.end: span.end + 3] if t.pos_ != "DET"]
        c = self.ref_at(rest[1]) if len(rest) > 1 and lower_text(rest[0]) in self.rules.of_prepositions else None
        if c is not None and c.entity.kind in _STATE_KINDS and self.span_at(c).start == rest[1].i:
            for r in [ref, *self.places_listed_before(span)]:
                self.add(r, "locatedIn", c, rest[0], k, 0.6, modality="asserted")

    def subdivision_of(self, span, ref: MentionRef) -> list[MentionRef]:
        """ "« le détachement militaire de Madjoari » de la province de la Kompienga", "la
        commune de Boni du département de X": a subdivision named with its noun in a "de"
        complement right after a place (past a closing quote) holds the place."""
        j = span.end
        while j < len(self.tokens) - 1 and self.tokens[j].is_quote:
            j += 1
        rest = [t for t in self.tokens[j + 1: j + 4] if t.pos_ != "DET"]
        if not rest or lower_text(self.tokens[j]) not in self.rules.of_prepositions \
                or self.rules.place_nouns.get(lower_text(rest[0])) != "AdministrativeRegion":
            return []
        found = self.typed(self.children_with(rest[0], self.rules.name_prepositions), ("Region",))
        return [c for c in found[:1] if c.entity.id != ref.entity.id]

    def container_part(self, span, ref: MentionRef) -> list[MentionRef]:
        """ "à Beni dans l'Est de la RDC", "Tessit dans le nord du Mali": a containment phrase
        naming a compass part of an area, right after the place (no comma)."""
        window = list(self.tokens[span.end: min(len(self.tokens), span.end + 7)])
        if not window or not _in(window[0], self.rules.container_prepositions) \
                or not any(_in(t, self.rules.compass_words) for t in window[1:3]):
            return []
        found = [c for c in self.after_prep(window, self.rules.container_prepositions, ("Region",))
                 if c.mention.text.lower() not in self.rules.compass_words]
        return [c for c in found[:1] if c.entity.kind in _AREA_KINDS and c.entity.id != ref.entity.id]

    def container_plain(self, span, ref: MentionRef) -> list[MentionRef]:
        """ "le district de Pakur au Jharkhand", "à Goma au Nord-Kivu": a containment
        preposition right after a place and before a wider area's name; not "de X au Y" (a way
        from one to the other), nor an area the knowledge base puts the place out of."""
        window = list(self.tokens[span.end: min(len(self.tokens), span.end + 3)])
        if len(window) < 2 or not _in(window[0], self.rules.container_prepositions) or self.way_from(span):
            return []
        first = next((t for t in window[1:] if t.pos_ != "DET"), None)
        c = self.ref_at(first) if first is not None else None
        if c is None or self.span_at(c).start != first.i or not self.typed([c], ("Region",)):
            return []
        wider = _AREA_RANKS.get(c.entity.kind, 0) > _AREA_RANKS.get(ref.entity.kind, 0) or (
            c.entity.kind == ref.entity.kind == "AdministrativeRegion" and _in(span[0], self.rules.place_heads))
        return [c] if wider and not self.placed_elsewhere(ref, c) else []

    def state_right_after(self, span, ref: MentionRef) -> list[MentionRef]:
        """ "au nord de X au Soudan", "à 30 km de X en Syrie": a place a bearing or a distance is
        measured from still lies in the state named right after it (not a wider area's part, which
        may hold what was measured instead)."""
        return [c for c in self.container_plain(span, ref) if c.entity.kind in _STATE_KINDS]

    def way_from(self, span) -> bool:
        """A place that opens a way ("de Tombouctou au Niger", "depuis Gao jusqu'au Mali"): a
        preposition of origin right before its name (not before its place noun)."""
        k = self.skip_determiners(span.start - 1, 0)
        return k >= 0 and not _in(span[0], self.rules.place_heads) and not self.reference_point(span) and (
            lower_text(self.tokens[k]) in self.rules.of_prepositions or _in(self.tokens[k], self.rules.origin_prepositions))

    def placed_elsewhere(self, place: MentionRef, area: MentionRef) -> bool:
        """Whether the knowledge base puts ``place`` in a state other than ``area`` (a state)."""
        entry = self.kb_entry(place.entity)
        return entry is not None and area.entity.kind in _STATE_KINDS and bool(entry.country) \
            and bool(area.entity.kb_id) and entry.country != area.entity.kb_id

    def container_named(self, span) -> list[MentionRef]:
        """The area a place is put in by a containment phrase right after it that names the
        area with its place noun ("Tessit dans la région de Gao", "la base de Tarkint (nord)
        dans la région de Gao", "sur l'île de Ramree"), past a bracketed compass point."""
        j = span.end
        if self.tokens[j].text == "(" and j + 2 < len(self.tokens) and self.tokens[j + 2].text == ")" \
                and _in(self.tokens[j + 1], self.rules.compass_words):
            j += 3
        tail = [t for t in self.tokens[j: j + 4] if t.pos_ != "DET"]
        if len(tail) < 2 or not (_in(tail[0], self.rules.container_prepositions)
                                 or lower_text(tail[0]) in self.rules.territory_prepositions):
            return []
        if not _in(tail[1], self.rules.place_heads) or tail[1].lemma_ in self.rules.territory_nouns:
            return []
        found = self.typed(self.children_with(tail[1], self.rules.name_prepositions), ("Region",))
        return [c for c in found[:1] if c.entity.id != self.ref_at(span.root).entity.id]

    def aside(self, end: int) -> tuple[tuple[str, ...], list[Token]]:
        """The words of the aside opened at ``end`` (the comma or bracket after a place) up to its
        end, and the prepositions that put the place in another there: one of containment
        ("dans le nord du Mali"), "de" after a place noun ("la capitale du Nord-Kivu"), or the
        bracket itself ("(Ukraine)"); past an aside of nearness ("à Banki, proche de la
        frontière avec le Cameroun, dans l'Etat de Borno")."""
        tail = self.aside_tokens(end)
        if not tail:
            return (), tail
        if self.nearness_aside(end, tail):
            return self.aside(end + 1 + len(tail))
        verbal = self.verb_aside(tail)
        if verbal is not None:
            return verbal
        if _in(tail[0], self.rules.container_prepositions):
            return tuple(self.rules.container_prepositions), tail
        if self.compass_part_aside(tail):  # "la province de X, à l'est de la RDC": an area's part
            return tuple(self.rules.relative_prepositions), tail
        if tail[0].pos_ == "DET" and len(tail) > 1 and _in(tail[1], self.rules.place_heads) \
                or _in(tail[0], self.rules.place_heads) or self.place_noun_aside(tail):
            return self.aside_place_prepositions(tail), tail
        if self.tokens[end].text == "(" and (len(tail) == 1 or self.area_part_aside(tail)):
            return ("(",), [self.tokens[end], *tail]  # "Soumy (Ukraine)", "Kidal (nord du Mali)"
        return (), tail

    def area_part_aside(self, tail: list[Token]) -> bool:
        """A bracketed aside naming a part of an area by a compass point or a centre word and "de"
        ("Kidal (nord du Mali)", "X (sud-est de la Turquie)"); the caller keeps only an area named
        as such (``named_area``: a town's surroundings, "(nord de Goma)", stay beside it)."""
        return len(tail) > 2 and (_in(tail[0], self.rules.compass_words) or _in(tail[0], self.rules.centre_words)) \
            and lower_text(tail[1]) in self.rules.of_prepositions

    def participle_prepositions(self, tail: list[Token]) -> tuple[str, ...]:
        """The prepositions that put a place in another after the participle of location ("située
        dans") or of dependency ("relevant de") opening ``tail``, when one of them follows it."""
        if len(tail) < 2:
            return ()
        preps = tuple(self.rules.container_prepositions) if _in(tail[0], self.rules.location_verbs) else \
            tuple(self.rules.dependency_prepositions) if _in(tail[0], self.rules.dependency_verbs) else ()
        return preps if _in(tail[1], preps) else ()

    def verb_aside(self, tail: list[Token]) -> tuple[tuple[str, ...], list[Token]] | None:
        """The prepositions and words of an aside opened by a participle of location or
        dependency ("le village de Nturo, situé dans le territoire de Masisi", "X, relevant du
        département de Y"), also after a relative "qui" ("la péninsule de X, qui se trouve dans
        l'île de Y", "X, qui appartient à Y"); None for any other aside."""
        lead = self.relative_lead(tail)
        preps = self.participle_prepositions(tail[lead:])
        return (preps, tail[lead + 1:]) if preps else None

    def relative_lead(self, tail: list[Token]) -> int:
        """The number of words before the verb of an aside opened by a relative "qui", past a
        reflexive and an auxiliary ("qui se trouve", "qui est située"); 0 for any other aside."""
        if not tail or lower_text(tail[0]) not in self.rules.relative_pronouns:
            return 0
        n = 1
        while n < len(tail) and (lower_text(tail[n]) in self.rules.reflexive_clitics or tail[n].pos_ == "AUX"):
            n += 1
        return n

    def compass_part_aside(self, tail: list[Token]) -> bool:
        """An aside that opens on a preposition of relative position and a compass point ("à
        l'est de la RDC"): the part of an area named after it (``beside`` leaves out a town's
        surroundings, "à l'est de Goma")."""
        words = [t for t in tail[:3] if t.pos_ != "DET"]
        return len(words) > 1 and lower_text(words[0]) in self.rules.relative_prepositions \
            and _in(words[1], self.rules.compass_words)

    def aside_tokens(self, end: int) -> list[Token]:
        """The words after ``end`` up to the aside's end (at most 9)."""
        tail, depth = [], 0
        for t in self.tokens[end + 1: min(len(self.tokens), end + 14)]:
            if tail and (depth or t.text == "(" and not self.bracket_place(t)):
                depth += (t.text == "(") - (t.text == ")")  # past a bracket inside that names no place
                continue  # ("une chefferie (entité administrative) de X"; not "la capitale de l'État (nord du Mexique)")
            if t.text in (",", ")", ".", ";", ":") or len(tail) == 9:
                break
            tail.append(t)
        return tail

    def bracket_place(self, opening: Token) -> bool:
        """Whether the bracket opened at ``opening`` names a place before it closes."""
        for t in self.tokens[opening.i + 1: min(len(self.tokens), opening.i + 8)]:
            if t.text == ")":
                return False
            if self.typed([self.ref_at(t)], ("Region",)):
                return True
        return False

    def nearness_aside(self, end: int, tail: list[Token]) -> bool:
        """An aside of nearness after a comma ("à Banki, proche de la frontière avec le Cameroun,")
        followed by one of containment, which places the place named before both (not "proches
        de Malakal, la capitale de X": Malakal's apposition)."""
        stop = end + 1 + len(tail)
        return _in(tail[0], self.rules.border_words) and stop + 1 < len(self.tokens) and self.tokens[end].text == "," \
            and self.tokens[stop].text == "," and _in(self.tokens[stop + 1], self.rules.container_prepositions)

    def place_noun_aside(self, tail: list[Token]) -> bool:
        """ "Lower Dir, l'un des sept districts de Malakand", "X, un autre village du sud du
        Liban": an aside whose first noun, past a quantity and adjectives, is a place noun."""
        noun = next((t for t in tail[:6] if t.pos_ in ("NOUN", "PROPN")), None)
        # a facility too: "l'aéroport de X, le seul aéroport civil de Y"
        return noun is not None and (_in(noun, self.rules.place_heads) or _in(noun, self.rules.facility_nouns)) and all(
            t.pos_ in ("DET", "NUM", "PRON", "ADJ") or lower_text(t) in self.rules.of_prepositions
            for t in tail[:noun.i - tail[0].i])

    def aside_place_prepositions(self, tail: list[Token]) -> tuple[str, ...]:
        """The prepositions that put a place in the one an aside with a place noun names: "de"
        ("la capitale du Nord-Kivu"), and containment after a participle of location ("une
        ville située dans la province de X")."""
        located = any(_in(t, self.rules.location_verbs) for t in tail[1:4])
        return tuple(self.rules.of_prepositions) + (tuple(self.rules.container_prepositions) if located else ())

    def listed(self, span, tail: list[Token]) -> bool:
        """A place that is itself the object of a preposition of containment, followed by
        another such phrase that names no part ("dans les Balkans, en Afrique"): the next item
        of a list ("dans la ville de X, chef-lieu de la province" and "au Kivu, dans l'est de
        la RDC" still place it; so does a participle of location: "dans X, située dans Y")."""
        if not _in(tail[0], self.rules.container_prepositions) or _in(self.tokens[tail[0].i - 1], self.rules.location_verbs) or any(
                _in(t, self.rules.direction_words) for t in tail[:3]) or self.wider_place_noun(span, tail):
            return False
        k = self.skip_determiners(span.start - 1, 0)
        return k >= 0 and lower_text(self.tokens[k]) in self.rules.container_prepositions

    def places_listed_before(self, span) -> list[MentionRef]:
        """The places coordinated right before a place, each after its own preposition or not
        ("à Niafunké et à Goundam", "Gao, Tessit et Ménaka"): no state."""
        lo = self.units.bounds(span.root)[0]
        found, k = [], span.start - 1
        while k > lo:
            k = self.skip_determiners(k, lo)
            if k > lo and _in(self.tokens[k], {*self.rules.container_prepositions, *self.rules.relative_prepositions}):
                k = self.skip_determiners(k - 1, lo)
            if k <= lo or not (lower_text(self.tokens[k]) in self.rules.list_conjunctions or self.tokens[k].text == ","):
                break
            prev = self.ref_at(self.tokens[k - 1])
            if prev is None or prev.entity.kind in _STATE_KINDS or not self.typed([prev], ("Region",)) or self.named_as_near(prev):
                break
            found.append(prev)
            k = self.span_at(prev).start - 1
        return [] if found and self.opens_pair(found[-1], lo) else found

    def opens_pair(self, ref: MentionRef, lo: int) -> bool:
        """A place right after "entre" ("entre Abou Dhabi et X, dans le sud libyen"): the pair
        names two ends, and what is said of the last place is not said of the first."""
        k = self.skip_determiners(self.span_at(ref).start - 1, lo)
        return k >= lo and lower_text(self.tokens[k]) in self.rules.between_prepositions

    def named_as_near(self, ref: MentionRef) -> bool:
        """ "près d'Alep et dans le gouvernorat de X": a place named as what something is near,
        not an item of the list a containment phrase after it places."""
        span = self.span_at(ref)
        k = self.skip_determiners(span.start - 1, 0) if span is not None else 0
        return k > 0 and lower_text(self.tokens[k]) in self.rules.of_prepositions and _in(self.tokens[k - 1], self.rules.border_words)

    def wider_place_noun(self, span, tail: list[Token]) -> bool:
        """ "dans le village de Jogi, dans le district tribal de Kurram": an aside whose place
        noun differs from the place's own names a wider place, not the next item of a list
        ("dans la région de Gao, dans la région de Kidal" is a list)."""
        noun = next((t for t in tail[1:4] if _in(t, self.rules.place_heads)), None)
        own = next((t for t in span if _in(t, self.rules.place_heads)), None)
        return noun is not None and own is not None and lower_lemma(noun) != lower_lemma(own)

    @staticmethod
    def named_area(ref: MentionRef) -> bool:
        """A country, province or continent named as such ("Soumy (Ukraine)", "Goma (RDC)"),
        not a capital standing for its state."""
        text = ref.mention.text
        return ref.entity.kind in _AREA_KINDS and (
            normalize_label(text) == normalize_label(ref.entity.label) or text.isupper())

    # --- ties read off phrases: leadership by a genitive, listing as an enemy, places ------
    def ties(self, k: int, tokens: list[Token], words: list[tuple[Token, str, str, str]]) -> None:
        """The support, opposition, leadership and containment phrases of one run that no cue
        family reads: "le GSIM d'Iyad Ag Ghali", "inscrit sur la liste des organisations
        terroristes par X", "la région de X, où se trouve Y", "dans X, en particulier dans Y".
        ``words``: the run's ``run_words``."""
        self.led_by_genitive(k)
        rules = self.rules
        for t, lemma, low, pos in words:
            if pos in ("VERB", "ADJ") and lemma in rules.listing_verbs:
                self.listing(t, k)
            elif low in rules.place_relative_pronouns:
                self.place_relative(t, k)
            elif pos == "VERB" and lemma in rules.threat_verbs:
                self.threat(t, k)
            elif pos == "NOUN" and lemma in rules.make_nouns:
                self.made_by_demonym(t, k)
            elif pos == "NOUN" and lemma in rules.alliance_nouns:
                self.alliance_against(t, k)
            elif lemma in rules.joint_adjectives:
                self.joint_action(t, k)
            elif pos == "VERB" or low in rules.side_nouns:  # what ``stance_tie`` tests first
                self.stance_tie(t, k)
        self.place_inclusions(k, tokens)
        self.named_body_ties(k)

    def joint_action(self, t: Token, k: int) -> None:
        """ "X a lancé une offensive conjointe avec Y", "une patrouille conjointe des troupes A et
        des forces B": an action of the field said joint (``joint_adjectives`` on a noun of
        ``joint_action_nouns``) is carried out by sides that back each other: each supports the
        other (no person is a side)."""
        noun = t.head
        if t.dep_ != "amod" or not _in(noun, self.rules.joint_action_nouns):
            return
        sides = [r for r in self.distinct(self.typed(self.joint_sides(noun), ("Actor",))) if r.entity.kind != "Person"]
        if len({r.entity.id for r in sides[:2]}) < 2:
            return
        for a, b in (sides[:2], sides[1::-1]):
            self.add(a, "supports", b, t, k, 0.55, modality=self.noun_modality(noun))

    def joint_sides(self, noun: Token) -> list[MentionRef]:
        """The sides of a joint action: who carries it out (the doer of the verb whose object it
        is, however the parse labels a bare object) and its "avec" partner (``partner_prepositions``),
        on the noun or the verb; else the actors of its "de" phrase ("des troupes A et des forces B")."""
        verb = noun.head if noun.head.pos_ == "VERB" and noun.dep_ in ("obj", "obl:mod") \
            and not any(c.dep_ == "case" for c in children_of(noun)) else None  # "a lancé mardi une offensive": misread
        partners = self.children_with(noun, self.rules.partner_prepositions) or (
            self.children_with(verb, self.rules.partner_prepositions) if verb is not None else [])
        if partners:
            return (self.doer(verb) if verb is not None else []) + partners
        return [r for c in children_of(noun) if c.dep_ == "nmod" and c.i > noun.i
                and _introduced_by(c, self.rules.of_prepositions) for r in self.np(c)]

    def named_body_ties(self, k: int) -> None:
        """The ties of the named bodies of run ``k``: the state a body or medium belongs to, the
        bodies its name holds, the organisation its bracketed acronym's description names."""
        for ref in self.index.inside(*self.units.run_span(k)):
            if ref.entity.kind in _BODY_KINDS or ref.entity.kind in ("MilitaryUnit", "Media"):
                self.state_of_named_body(ref, k)
            if ref.entity.kind in (*_ORGANISATION_KINDS, *_GROUP_KINDS):
                self.name_parts(ref, k)
            if ref.entity.kind in _ORGANISATION_KINDS:
                self.organisation_of_acronym(ref, k)
                self.place_of_acronym(ref, k)

    def name_parts(self, ref: MentionRef, k: int) -> None:
        """ "la Force de l'Union africaine en Somalie (Amisom)", "la Mission des Nations unies au
        Mali", "l'État islamique en Afrique de l'Ouest": a body whose name holds another body the
        text names (after "de", or at its head) is a part of it (memberOf), and is deployed in the
        place its name puts it in (after "en", "au", "aux", "dans")."""
        span = self.span_at(ref)
        if span is None:
            return
        if ref.entity.kind in _ORGANISATION_KINDS:
            self.place_after_name(ref, span, k)
        cut = next((t.i for t in span[1:-1] if lower_text(t) in self.rules.container_prepositions), None)
        if cut is None:
            self.label_parts(ref, span, k)
            return
        place = self.entity_named(self.text[self.tokens[cut + 1].idx: span.end_char])
        of = next((t.i for t in span[1: cut - span.start] if lower_text(t) in self.rules.of_prepositions), None)
        parent = self.entity_named(self.text[self.tokens[of + 1 if of is not None else span.start].idx:
                                             self.tokens[cut - 1].idx + len(self.tokens[cut - 1])])
        if parent is not None and parent.entity.kind in (*_ORGANISATION_KINDS, *_GROUP_KINDS):
            self.add(ref, "memberOf", parent, span[0], k, 0.6, modality="asserted")
        if place is not None and parent is not None:
            self.add(ref, "deployedIn", place, span[0], k, 0.6, modality="asserted")

    def organ_named(self, ref: MentionRef, span) -> bool:
        """Whether a body is a mission, force or operation by its name: the mention's first word
        ("la Mission multinationale ...") or, for a short form, its entity's label ("Amisom":
        "Mission de l'Union africaine en Somalie")."""
        if _in(span[0], self.rules.organ_heads):
            return True
        head = ref.entity.label.split(" ", 1)[0].lower()
        return head in self.rules.organ_heads or head.rstrip("s") in self.rules.organ_heads

    def place_after_name(self, ref: MentionRef, span, k: int) -> None:
        """ "la Mission multinationale d'appui à la sécurité (MMAS) en Haïti", "la Finul au
        Liban-Sud": a mission, force or operation named right before a container preposition
        ("en", "au", "aux", "dans"), past its bracketed acronym, is deployed in the place after it."""
        j = span.end
        if j < len(self.tokens) and self.tokens[j].text == "(":
            j = next((t.i + 1 for t in self.tokens[j + 1: j + 6] if t.text == ")"), len(self.tokens))
        if j + 1 >= len(self.tokens) or lower_text(self.tokens[j]) not in self.rules.container_prepositions:
            return  # most names are followed by anything else
        if not self.organ_named(ref, span):
            return
        words = [w for w in self.tokens[j + 1: j + 3] if w.pos_ != "DET"]
        place = self.ref_at(words[0]) if words else None
        if place is not None and place.entity.id != ref.entity.id and self.typed([place], ("Region",)):
            self.add(ref, "deployedIn", place, self.tokens[j], k, 0.6, modality="asserted")

    def label_parts(self, ref: MentionRef, span, k: int) -> None:
        """A mission or force named by a short form whose entity's label puts it in a place the
        text names ("l'Amisom", "Mission de l'Union africaine en Somalie", in a text naming
        Somalia) is deployed there, and a part of the organisation its label names after "de"."""
        if normalize_label(ref.mention.text) == normalize_label(ref.entity.label) or not self.organ_named(ref, span):
            return
        place, parent = self.label_place(ref.entity.label.split())
        if place is None or not self.typed([place], ("Region",)):
            return
        if parent is not None and parent.entity.kind in _ORGANISATION_KINDS and parent.entity.id != ref.entity.id:
            self.add(ref, "memberOf", parent, span[0], k, 0.6, modality="asserted")
        self.add(ref, "deployedIn", place, span[0], k, 0.6, modality="asserted")

    def label_place(self, words: list[str]) -> tuple[MentionRef | None, MentionRef | None]:
        """The place a body's label names after a container preposition and the body it names
        after "de" before it, as entities of the text ("Mission de l'Union africaine en Somalie")."""
        cut = next((n for n, w in enumerate(words[1:-1], 1) if w.lower() in self.rules.container_prepositions), None)
        if cut is None:
            return None, None
        of = next((n for n, w in enumerate(words[1:cut], 1) if w.lower() in self.rules.of_prepositions), None)
        parent = self.entity_named(" ".join(words[of + 1: cut])) if of is not None else None
        return self.entity_named(" ".join(words[cut + 1:])), parent

    def entity_named(self, name: str) -> MentionRef | None:
        """The entity the text names by ``name`` (an organisation's acronym by its spelled-out
        name too: "Nations unies" for the ONU)."""
        key = normalize_label(name)
        entity = self.by_label.get(key)
        if entity is None:
            entity = next((self.by_label[a] for a, names in self.rules.organisation_names.items()
                           if a in self.by_label and key in {normalize_label(n) for n in names}), None)
        return MentionRef(entity, entity.mentions[0]) if entity is not None else None

    def state_of_named_body(self, ref: MentionRef, k: int) -> None:
        """A body whose name holds a state's demonym ("le Commandement central américain"), or
        that an apposed body noun puts in a state through a genitive ("les Gardiens de la
        révolution, l'armée d'élite du régime iranien"), is a part (memberOf) of that state; so is
        a named medium that an official description puts in a state ("l'agence officielle nord-coréenne X")."""
        span = self.span_at(ref)
        if span is None:
            return
        # "le Commandement central américain"; not the state's armed forces (the state itself) nor an NGO
        words = self.described_before(span) + list(span) if ref.entity.kind == "Media" else list(span)
        states = [r for t in words for r in [self.named_state(t)] if r is not None] + self.state_ending_name(span) \
            if (ref.entity.kind == "Organization" and _in(span[0], self.rules.state_body_heads)) or self.state_media(ref, words) else []
        if not states and ref.entity.kind != "Media":  # a medium only by its official description
            states = self.apposed_body_state(span) or self.genitive_state(ref, span) or self.portfolio_state(ref, span)
        for st in states[:1]:
            self.add(ref, "memberOf", st, span[0], k, 0.6, modality="asserted")

    def portfolio_state(self, ref: MentionRef, span) -> list[MentionRef]:
        """The state a ministry named by its portfolio alone belongs to ("le ministère de la
        Défense", ``portfolio_body_heads``): the one state the subjects of its sentence name
        before it ("L'aviation turque a frappé X, selon le ministère de la Défense"), else the state
        the text is about; none when its label or a mention names a people ("le ministère
        palestinien de la Santé") or a phrase follows it ("... de la Santé de Gaza", "... à Paris")."""
        if ref.entity.kind != "Organization" or lower_text(span[0]) not in self.rules.portfolio_body_heads:
            return []  # the singular head only: "les ministères de l'Intérieur et de la Justice" are two
        office = self.portfolio_office(span[0])
        if office is None or self.body_named_people(ref.entity) or self.portfolio_named_elsewhere(ref, office):
            return []
        after = self.tokens[span.end] if span.end < len(self.tokens) else None
        if after is not None and (after.pos_ == "ADP" or lower_text(after) in self.rules.demonyms):
            return []  # "le ministère de la Défense à Paris", "... de la Santé de Gaza": placed by its phrase
        return self.subject_state(span) or self.dominant_state(span.start_char) or self.state_named_later(span.start_char)

    def subject_state(self, span) -> list[MentionRef]:
        """The one state the subjects of its sentence name before ``span``, by name or demonym
        ("L'aviation turque a bombardé X, selon le ministère de la Défense": Turkey)."""
        lo = self.units.bounds(span.root)[0]
        found = [r for t in self.tokens[lo:span.start] if t.dep_ in ("nsubj", "nsubj:pass") and t.head.i < span.start
                 for r in self.index.inside(t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text))
                 if r.entity.kind in _STATE_KINDS]
        return found[:1] if len({r.entity.id for r in found}) == 1 else []

    def portfolio_office(self, head: Token) -> Token | None:
        """The portfolio a body's head noun takes as its "de" phrase ("ministère de la Défense",
        "ministère des Affaires étrangères"; ``state_office_nouns``, not a local office's), if any."""
        words = [w for w in self.tokens[head.i + 1: head.i + 4] if w.pos_ != "DET"]
        found = len(words) > 1 and lower_text(words[0]) in self.rules.of_prepositions \
            and lower_text(words[1]) in self.rules.state_office_nouns and not self.local_office(words[1])
        return words[1] if found else None

    def portfolio_named_elsewhere(self, ref: MentionRef, office: Token) -> bool:
        """Whether the text names another body of the same portfolio with a demonym ("le ministère
        arménien de la Défense", "le ministère russe de la Défense" ... "le ministère de la
        Défense"): the bare one may be any of their states'."""
        word = lower_text(office)
        return any(e.id != ref.entity.id and word in e.label.lower().split() and self.body_named_people(e)
                   for e in self.by_label.values())

    def body_named_people(self, entity) -> bool:
        """Whether the label or a mention of a body holds a demonym ("ministère de la Santé palestinien")."""
        texts = [entity.label] + [m.text for m in entity.mentions]
        return any(w in self.rules.demonyms for t in texts for w in t.lower().replace("’", "'").split())

    def state_media(self, ref: MentionRef, words: list[Token]) -> bool:
        """A medium its name or description calls official or public ("l'agence de presse
        officielle nord-coréenne X", "la télévision publique algérienne"): a part of the state its
        demonym names; a newspaper with a demonym alone ("le quotidien américain X") is none, and
        so is a medium the text names by a description only ("l'agence nationale libanaise")."""
        return ref.entity.kind == "Media" and _has_name(ref.mention.text) \
            and any(_in(t, self.rules.state_media_words) for t in words)

    def described_before(self, span) -> list[Token]:
        """The description right before a name, from its article ("l'agence de presse officielle
        nord-coréenne X": "agence ... nord-coréenne", a demonym read as a name too); none when no
        article opens it within six words."""
        k = span.start - 1
        while k >= max(0, span.start - 7) and (self.tokens[k].pos_ in ("NOUN", "ADJ", "ADP") or (
                self.tokens[k].pos_ == "PROPN" and self.tokens[k].text.islower())):
            k -= 1
        return list(self.tokens[k + 1: span.start]) if k >= 0 and self.tokens[k].pos_ == "DET" else []

    def organisation_of_acronym(self, ref: MentionRef, k: int) -> None:
        """ "la mission de l'ONU (Minusca)": a body whose acronym comes in brackets after a body
        noun and "de" an organisation is a part (memberOf) of that organisation."""
        span = self.span_at(ref)
        words = self.acronym_description(span) if span is not None else []
        for n, t in enumerate(words[1:-1], 1):
            after = [w for w in words[n + 1:] if w.pos_ != "DET"]
            owner = self.ref_at(after[0]) if after and _in(t, self.rules.of_prepositions) else None
            if owner is not None and owner.entity.id != ref.entity.id and owner.entity.kind in _ORGANISATION_KINDS:
                self.add(ref, "memberOf", owner, t, k, 0.6, modality="asserted")
                return

    def place_of_acronym(self, ref: MentionRef, k: int) -> None:
        """ "la Mission de l'ONU au Mali (Minusma)", "la force de l'UA dans le pays (X)": a body
        whose bracketed acronym follows a mission, force or operation noun is deployed in the place
        named first after a container preposition ("en", "au", "aux", "dans") of that description."""
        span = self.span_at(ref)
        words = self.acronym_description(span, 18) if span is not None else []
        if not words or not _in(words[0], self.rules.organ_heads):
            return
        for n, t in enumerate(words[1:-1], 1):
            if lower_text(t) not in self.rules.container_prepositions:
                continue
            place = self.description_place(ref, [w for w in words[n + 1:] if w.pos_ != "DET"])
            if place is not None:
                self.add(ref, "deployedIn", place, t, k, 0.6, modality="asserted")
            return

    def description_place(self, ref: MentionRef, words: list[Token]) -> MentionRef | None:
        """The place ``words`` (after a container preposition of a body's description) open
        with, read as a name when the description was read as the body's own name."""
        if not words:
            return None
        place = self.ref_at(words[0])
        if place is None or place.entity.id == ref.entity.id:
            place = self.entity_named(self.text[words[0].idx: words[-1].idx + len(words[-1])])
        ok = place is not None and place.entity.id != ref.entity.id and self.typed([place], ("Region",))
        return place if ok else None

    def acronym_description(self, span, reach: int = 9) -> list[Token]:
        """The words before a bracketed name from the last body noun with its article ("la
        mission de l'ONU (X)": "mission de l'ONU"), within ``reach`` tokens; none when no such
        noun opens them."""
        if span.start < 4 or self.tokens[span.start - 1].text != "(":
            return []
        window = self.tokens[max(0, span.start - reach): span.start - 1]
        heads = [n for n, t in enumerate(window) if n and _in(t, self.rules.organisation_body_nouns)
                 and window[n - 1].pos_ == "DET" and all(_descriptive(w) for w in window[n:])]
        return list(window[heads[-1]:]) if heads else []

    def genitive_state(self, ref: MentionRef, span) -> list[MentionRef]:
        """ "le corps des Gardiens de la Révolution islamique (GRI) d'Iran": an organisation's
        name, past its bracketed acronym, then "de" and a state (not an armed group's: "les
        Houthis du Yémen")."""
        j = span.end
        if ref.entity.kind not in ("Organization", "MilitaryUnit") or j + 1 >= len(self.tokens):
            return []  # "la 7e division d'infanterie de l'armée philippine": a unit too
        if self.tokens[j].text == "(" and j + 2 < len(self.tokens) and self.tokens[j + 2].text == ")":
            j += 3
        if j + 1 >= len(self.tokens) or lower_text(self.tokens[j]) not in self.rules.of_prepositions:
            return []
        state = self.state_after_of(list(self.tokens[j + 1: j + 4]))
        return [state] if state is not None and state.entity.id != ref.entity.id else []

    def state_ending_name(self, span) -> list[MentionRef]:
        """ "le Commandement central des États-Unis": the state a body's name ends with, after "de"."""
        for t in span[1:-1]:
            if lower_text(t) in self.rules.of_prepositions:
                name = normalize_label(span[t.i - span.start + 1:].text)
                entity = self.by_label.get(name)  # by its name, not a body noun ("de l'Armée")
                if entity is not None and entity.kind in _STATE_KINDS and normalize_label(entity.label) == name:
                    return [MentionRef(entity, entity.mentions[0])]
        return []

    def named_state(self, t: Token) -> MentionRef | None:
        """The state a demonym word names, when the text names that state."""
        label = self.rules.demonyms.get(lower_text(t))
        entity = self.by_label.get(normalize_label(label)) if label else None
        return MentionRef(entity, entity.mentions[0]) if entity is not None and entity.kind in _STATE_KINDS else None

    def apposed_body_state(self, span) -> list[MentionRef]:
        """ "X, l'armée d'élite du régime iranien", "X, la police de l'Iran": the state an
        apposed body noun names through "de" (a state's name or a stand-in with its demonym)."""
        words = self.aside_words(span.end)
        nouns = [t for t in words[1:3] if t.pos_ != "DET"]
        if len(words) < 3 or words[0].text != "," or not nouns or not (
                _in(nouns[0], self.rules.home_bodies) or self.apposed_unit(nouns[0])):
            return []
        return next(([ref] for n, t in enumerate(words[:-1]) if lower_text(t) in self.rules.of_prepositions
                     for ref in [self.state_after_of(words[n + 1: n + 4])] if ref is not None), [])

    def apposed_unit(self, noun: Token) -> bool:
        """A singular unit or branch noun apposed to a body's name ("X, unité d'élite de l'armée
        iranienne"); a plural one opens the next clause's subject ("D'après X, des soldats ...")."""
        return (_in(noun, self.forces) or _in(noun, self.rules.group_part_nouns)) and "Plur" not in morph_values(noun, "Number")

    def aside_words(self, end: int) -> list[Token]:
        """The words of an aside from the comma at ``end`` to the next stop (at most 12)."""
        words = []
        for t in self.tokens[end: min(len(self.tokens), end + 12)]:
            if t.text in (")", ".", ";", ":") or (t.text == "," and words):
                break
            words.append(t)
        return words

    def state_after_of(self, words: list[Token]) -> MentionRef | None:
        """The state named right after "de": by name, or by a stand-in and its demonym ("du
        régime iranien")."""
        after = [w for w in words if w.pos_ != "DET"]
        if len(after) > 1 and _in(after[0], self.rules.state_stand_ins):
            after = after[1:]
        ref = self.ref_at(after[0]) if after else None
        if (ref is None or ref.entity.kind not in _STATE_KINDS) and len(after) > 1 and _in(after[0], self.forces):
            ref = self.ref_at(after[1])  # "de l'armée syrienne": the state of the army's demonym
        return ref if ref is not None and ref.entity.kind in _STATE_KINDS else None

    def place_phrase(self, span) -> bool:
        """A name after a preposition of place ("une visite en Autriche de X"): a place, no body."""
        k = self.skip_determiners(span.start - 1, 0)
        return k >= 0 and lower_text(self.tokens[k]) in self.rules.deploy_prepositions \
            and not (k > 0 and lower_text(self.tokens[k - 1]) in self.rules.topic_markers)  # "Quant au Fatah de X"

    def alliance_against(self, n: Token, k: int) -> None:
        """ "la coalition internationale conduite par X contre l'EI", "une alliance contre Y": the
        coalition (an actor the text names) opposes whom its "contre" phrase names, on the noun
        or on the participle that qualifies it."""
        coalition = self.typed([self.ref_at(n)], ("Actor",))
        hosts = [n, *(c for c in children_of(n) if c.dep_ == "acl")]
        if n.dep_ in ("obl:arg", "nmod"):  # the participle the parse hangs beside it ("à la coalition conduite ...")
            hosts += [c for c in children_of(n.head) if c.dep_ in ("xcomp", "acl") and n.i < c.i <= n.i + 3]
        against = [r for h in hosts for r in self.children_with(h, self.rules.operation_prepositions)]
        for c in coalition[:1]:
            for o in self.typed(against, ("Actor",))[:2]:
                self.add(c, "opposes", o, n, k, 0.5)

    def threat(self, v: Token, k: int) -> None:
        """ "le président a promis de détruire le groupe", "le Hamas menace de frapper Israël",
        "les shebab ont juré la perte du gouvernement": whoever vows or threatens an attack or a
        ruin opposes its target (an act not done yet)."""
        for s in self.typed(self.subject(v), ("Actor",))[:1]:
            for o in self.typed(self.threatened(v), ("Actor",))[:2]:
                if o.entity.kind != "City":
                    self.add(s, "opposes", o, v, k, 0.5)

    def demand(self, v: Token, k: int) -> None:
        """ "X réclame le départ des soldats français", "Y exige la démission du président Z",
        "W appelle au retrait de la mission": whoever demands an ouster (``ouster_nouns``, as the
        verb's object or after ``demand_prepositions``) opposes the one to go."""
        ousted = self.typed([r for n in self.demanded_ousters(v) for g in self.genitives(n)
                             for r in self.np(g) or self.demonyms_on(g) if r is not None], ("Actor",))
        for s in self.typed(self.subject(v), ("Actor",))[:1]:
            for o in ousted[:2]:
                self.add(s, "opposes", o, v, k, 0.5)

    def stance_tie(self, t: Token, k: int) -> None:
        """A stance read off a phrase no cue family reads: demanding an ouster ("réclame le départ
        de X"), taking someone's side ("combat aux côtés de Y")."""
        if t.pos_ == "VERB" and _may_be(self.rules, t, self.rules.demand_verbs):
            self.demand(t, k)
        elif lower_text(t) in self.rules.side_nouns and t.i > 0 \
                and lower_text(self.tokens[t.i - 1]) in self.rules.side_prepositions:
            self.side_taken(t, k)

    def side_taken(self, t: Token, k: int) -> None:
        """ "les miliciens X combattent aux côtés de l'armée Y", "Z restera aux côtés de W", "a
        rejoint le combat aux côtés de V": whoever fights or stands at someone's side (a verb of
        ``side_verbs``, or one governing a fight noun of ``side_head_nouns``) backs them."""
        host = t.head
        if host.pos_ == "NOUN" and _in(host, self.rules.side_head_nouns) and host.head.pos_ == "VERB":
            host = host.head
        elif not (host.pos_ == "VERB" and _may_be(self.rules, host, self.rules.side_verbs)):
            return
        backed = self.typed([r for g in self.genitives(t) for r in self.np(g)], ("Actor",))
        doers = self.typed(self.subject(host) or self.stance_verb_doer(host), ("Actor",))
        for s in self.sides(doers):
            for o in backed[:1]:
                self.add(s, "supports", o, t, k, 0.55)

    def demanded_ousters(self, v: Token) -> list[Token]:
        """The ouster nouns a demand verb takes, as its object or after a demand preposition,
        and those coordinated with them ("la démission de X et le départ de Y")."""
        nouns = [c for c in children_of(v) if c.dep_ == "obj" or c.dep_.startswith("obl")
                 and _introduced_by(c, self.rules.demand_prepositions)]
        return [n for c in nouns for n in [c, *self.conjuncts(c)] if _in(n, self.rules.ouster_nouns)]

    def threatened(self, v: Token) -> list[MentionRef]:
        """Who a vow or threat verb aims at: the genitive of a noun of ruin it takes ("la perte
        du gouvernement"), the object of an attack verb it governs ("de détruire le groupe"; a
        relative's antecedent: "que X a promis de détruire")."""
        aimed = [r for c in children_of(v) if c.dep_ == "obj" and _in(c, self.rules.threat_nouns)
                 for r in self.children_with(c, self.rules.of_prepositions)]
        if _in(v, self.rules.threat_object_verbs):  # "X a menacé l'Iran de sanctions": the one threatened
            aimed += [r for c in children_of(v) if c.dep_ == "obj" and c.i > v.i for r in self.np(c)]
        return aimed + self.vowed_attack_objects(v)

    def vowed_attack_objects(self, v: Token) -> list[MentionRef]:
        """The objects of the attack verbs a vow governs ("promis de détruire le groupe"), or
        the relative's antecedent ("que X a promis de détruire")."""
        acts = [c for c in children_of(v) if c.dep_ == "xcomp" and lower_lemma(c) in (
            self.rules.attack_verbs | self.rules.target_verbs | self.rules.ruin_verbs)]
        aimed = [r for act in acts for c in self.direct_objects(act) for r in self.np(c)]
        return aimed or (self.vowed_relative_antecedent(v) if acts else [])

    def vowed_relative_antecedent(self, v: Token) -> list[MentionRef]:
        """The object a vow's relative clause takes from before it: "que" read as the object
        ("X que Y a promis de détruire"), the noun phrase right before the relative pronoun."""
        aimed = [r for c in children_of(v) if c.dep_ == "obj" and c.i < v.i for r in self.np(c)]
        relative = self.relative_object(v) if not aimed else None
        if relative is not None:  # "bastion des rebelles islamistes que X a promis de détruire"
            aimed = self.actor_before_relative(relative) or self.relative_antecedent(relative)
        return aimed

    def relative_object(self, v: Token) -> Token | None:
        """The relative "que" of a verb's clause, read as its object pronoun or as a word
        right before its subject ("des rebelles que le président a promis de détruire")."""
        found = [c for c in children_of(v) if c.i < v.i and c.dep_ == "obj" and "Rel" in morph_values(c, "PronType")]
        subjects = [c for c in children_of(v) if c.dep_.startswith("nsubj") and c.i < v.i]
        if found or not subjects:
            return found[0] if found else None
        k = subjects[0].i - 1
        while k > 0 and self.tokens[k].pos_ == "DET":
            k -= 1
        return self.tokens[k] if k > 0 and lower_text(self.tokens[k]) in self.rules.complementizers else None

    def actor_before_relative(self, token: Token) -> list[MentionRef]:
        """The actor named right before ``token``, past its plain adjectives ("des rebelles
        islamistes que ...": the rebels)."""
        k = token.i - 1
        while k > 0 and self.ref_at(self.tokens[k]) is None and self.tokens[k].dep_ == "amod":
            k -= 1
        ref = self.ref_at(self.tokens[k]) if k >= 0 else None
        return [ref] if ref is not None else []

    def led_by_genitive(self, k: int) -> None:
        """ "le GSIM d'Iyad Ag Ghali", "la Russie de Vladimir Poutine": a named actor followed
        right away by "de" and a person's name is that person's (leaderOf)."""
        for ref in self.index.inside(*self.units.run_span(k)):
            if ref.entity.kind == "Person" or ref.mention.method == "role" or not self.typed([ref], ("Actor",)) \
                    or ref.entity.kind not in (*_STATE_KINDS, *_GROUP_KINDS, *_ORGANISATION_KINDS, "Party"):
                continue
            span = self.span_at(ref)
            found = self.genitive_person(span, ref.entity.kind not in _STATE_KINDS) \
                if span is not None and not self.place_phrase(span) else None
            if found is not None:
                self.add(found[0], "leaderOf", ref, found[1], k, 0.55, modality="asserted")

    def genitive_person(self, span, ranks: bool) -> tuple[MentionRef, Token] | None:
        """The person named right after a name and "de" (past a bracketed acronym: "le Groupe
        ... (GSIM) d'Iyad Ag Ghali"; past a comma when a leader's title follows: "les FSR, du
        général X"), with the "de"; a name that only closes a bracketed aside ("les villages
        (proches du Sénégal) de X") owns nothing after it. With ``ranks`` (a group's name, not a
        state's), a rank of ``group_leader_ranks`` is a leader's title too."""
        end = self.past_own_bracket(span)
        comma = end is not None and end + 2 < len(self.tokens) and self.tokens[end].text == ","
        if comma:
            end += 1
        if end is None or end + 1 >= len(self.tokens) or lower_text(self.tokens[end]) not in self.rules.of_prepositions:
            return None
        n = self.past_leader_title(end + 1, ranks)
        if comma and n == end + 1:
            return None  # "les FSR, du général X": after a comma, only a leader's title opens the leader
        person = self.person_named_at(self.tokens[n])
        return (person, self.tokens[end]) if person is not None else None

    def person_named_at(self, name: Token) -> MentionRef | None:
        """The person whose name (not a role) starts at ``name``, a proper noun or a capitalised
        word the tagger took for a common noun ("d'Oussama ben Laden")."""
        person = self.index.at_token(name)
        if person is None or person.entity.kind != "Person" or person.start != name.idx or person.mention.method == "role" \
                or not (name.pos_ == "PROPN" or name.text[:1].isupper()):
            return None
        return person

    def past_leader_title(self, n: int, ranks: bool) -> int:
        """Where the name starts past the leader's titles at ``n`` ("du président Abbas"; with
        ``ranks``, a rank of ``group_leader_ranks`` too: "du général X")."""
        start, titles = n, self.rules.leader_roles | (self.rules.group_leader_ranks if ranks else frozenset())
        while n < min(start + 3, len(self.tokens) - 2):
            pair = f"{lower_text(self.tokens[n])} {lower_text(self.tokens[n + 1])}"
            size = 1 if lower_text(self.tokens[n]) in titles else 2 if pair in titles else 0
            if not size:
                break
            n += size
        return n

    def past_own_bracket(self, span) -> int | None:
        """Where a name ends past the bracket it fills ("(GSIM)"), None for a name that only
        closes a longer bracketed aside."""
        if span.end >= len(self.tokens) or self.tokens[span.end].text != ")":
            return span.end
        return span.end + 1 if span.start > 0 and self.tokens[span.start - 1].text == "(" else None

    def listing(self, v: Token, k: int) -> None:
        """ "le PKK, inscrit sur la liste des organisations terroristes par la Turquie et les
        États-Unis", "Washington a classé le groupe organisation terroriste": whoever puts an
        actor on a list of enemies (a mark of ``listing_marks`` in the phrase) opposes it."""
        window = self.right_window(v)[:20]
        if not any(lower_text(t) in self.rules.listing_marks for t in window):
            return
        by = next((n for n, t in enumerate(window) if lower_text(t) in self.rules.agent_prepositions), None)
        if self.passive(v) or by is not None:
            listers = self.agent(v) or (self.typed(self.index.inside(window[by].idx, window[-1].idx + len(window[-1].text)), ("Actor",))
                                        if by is not None else [])
            listed = self.patient(v)
        else:
            listers = self.subject(v)
            listed = [r for c in self.direct_objects(v) for r in self.np(c)]
        for s in self.typed(listers, ("Actor",))[:4]:
            for o in self.typed(listed, ("Actor",))[:1]:
                self.add(s, "opposes", o, v, k, 0.6)

    def place_relative(self, where: Token, k: int) -> None:
        """ "dans la région de Nabatieh, où se trouve Mayfadoun": the place a relative "où"
        follows contains the place the verb of location after it names."""
        lo, hi = self.units.bounds(where)
        verb = next((t for t in self.tokens[where.i + 1: min(hi, where.i + 5)]
                     if t.pos_ in ("VERB", "ADJ") and lower_lemma(t) in self.rules.location_verbs), None)
        if verb is None:
            return
        j = where.i - 1
        while j >= lo and (self.tokens[j].text == "," or self.tokens[j].is_quote):  # 'de Nabatieh", où'
            j -= 1
        container = self.relative_container(self.tokens[j]) if j >= lo else None
        inner = next((r for t in self.tokens[verb.i + 1: min(hi, verb.i + 5)] for r in [self.ref_at(t)]
                      if r is not None), None)
        if self.places_nest(inner, container):
            self.add(inner, "locatedIn", container, verb, k, 0.6, modality="asserted")
        elif container is not None and self.typed([container], ("Region",)):
            self.place_force(self.found_there(verb, hi), [container], verb, k, 0.6)

    def relative_container(self, t: Token) -> MentionRef | None:
        """The place the word before a relative "où" names: a name, the name a place noun is
        apposed to ("la RDC, pays où ..."), or the place the noun points back to."""
        ref = self.ref_at(t)
        if ref is None and t.dep_ == "appos" and t.head.i < t.i:
            ref = self.ref_at(t.head)
        return ref or self.place_anaphor(t)

    def found_there(self, verb: Token, hi: int) -> list[MentionRef]:
        """The owner of the troops, or the holder of the stronghold, a verb of location names
        right after a relative "où" ("l'archipel de X, où se trouve un bataillon de l'armée Y",
        "le pays voisin, où se trouve le fief du groupe Z")."""
        noun = next((t for t in self.tokens[verb.i + 1: min(hi, verb.i + 5)] if t.pos_ in ("NOUN", "PROPN")), None)
        if noun is None:
            return []
        if lower_lemma(noun) in self.rules.stronghold_nouns:
            return self.typed(self.children_with(noun, self.rules.stronghold_prepositions, ("nmod",)), ("Actor",))
        if _in(noun, self.forces) or lower_lemma(noun) in self.rules.quantity_nouns:
            return self.typed(self.np(noun), ("Actor",))
        return []

    def places_nest(self, inner: MentionRef | None, container: MentionRef | None) -> bool:
        """Whether two mentions are places the first of which may lie in the second (no state
        lies in another)."""
        return inner is not None and container is not None and bool(self.typed([container], ("Region",))) \
            and bool(self.typed([inner], ("Region",))) and inner.entity.kind not in _STATE_KINDS

    def place_inclusions(self, k: int, tokens: list[Token]) -> None:
        """ "dans le nord de l'Irak, en particulier dans les montagnes de Qandil": the place an
        inclusion phrase adds after a place lies in it."""
        lo = tokens[0].i if tokens else 0
        for comma in (t for t in tokens if t.text == ","):
            inner = self.included_place(comma.i)
            if inner is None or inner.entity.kind in _STATE_KINDS:
                continue
            # the last area a place phrase named before, in the same clause ("dans le nord de l'Irak contre le PKK,
            # en particulier dans Y"; not a demonym: "des soldats israéliens, notamment dans la région de X")
            area = next((r for r in self.index.nearest_before(comma.idx, self.tokens[max(lo, comma.i - 12)].idx)
                         if r.entity.kind in _AREA_KINDS and self.typed([r], ("Region",)) and self.in_place_phrase(r)), None)
            if area is not None:
                self.add(inner, "locatedIn", area, comma, k, 0.55, modality="asserted")

    def in_place_phrase(self, ref: MentionRef) -> bool:
        """A place named after a preposition of containment, past articles, "de" and
        direction nouns ("dans le nord de l'Irak")."""
        span = self.span_at(ref)
        if span is None or span.root.pos_ == "ADJ":
            return False
        k = span.start - 1
        while k >= max(0, span.start - 6) and (self.tokens[k].pos_ == "DET" or lower_text(self.tokens[k]) in self.rules.of_prepositions
                                                or _in(self.tokens[k], self.rules.direction_words)):
            k -= 1
        return k >= 0 and _in(self.tokens[k], self.rules.container_prepositions)

    def included_place(self, end: int) -> MentionRef | None:
        """The place an inclusion phrase after a comma names ("..., en particulier dans les
        montagnes de Qandil"), past prepositions, articles and common nouns."""
        size = self.inclusion_at(end)
        if not size:
            return None
        rest = self.tokens[end + 1 + size: min(len(self.tokens), end + size + 7)]
        if not rest or not _in(rest[0], self.rules.container_prepositions):
            return None  # "en particulier dans": a place phrase, not "notamment le Mali"
        for t in rest:
            ref = self.ref_at(t)
            if ref is not None:
                return ref if self.typed([ref], ("Region",)) else None
            if not (t.pos_ in ("ADP", "DET") or t.pos_ in ("NOUN", "ADJ") and t.text.islower()):
                return None
        return None

    # --- authorisation events ----------------------------------------------------------
    def close_frames(self) -> None:
        """Emit the authorisation events; anaphoric mentions borrow the article's grantee."""
        grantees = Counter(g.entity.id for f in self.frames for g in f.grantees)
        refs = {g.entity.id: g for f in self.frames for g in f.grantees}
        main = refs[grantees.most_common(1)[0][0]] if grantees else None
        counter = 0
        for f in self.frames:
            if not f.grantors and not f.grantees:
                continue
            counter += 1
            grantees, conf = f.grantees, 0.7
            if not grantees and f.anaphoric and main is not None:
                grantees, conf = [main], 0.45
            self.emit_frame(f, f"ev{counter}", grantees, conf)

    def emit_frame(self, f: _Frame, event: str, grantees: list[MentionRef], conf: float) -> None:
        """One authorisation event: the grantor authorizes the grantee (or, with none, the
        weapon); the named weapon (a system, not a bare class) or else the grantee targets the
        region, never the grantee itself."""
        mod = self.noun_modality(f.cue) if f.cue.pos_ == "NOUN" else self.modality(f.cue)
        cue = _cue_text(f.cue, self.rules.authorize_nouns)
        for g in f.grantors[:2]:
            for e in (grantees[:1] or f.weapons[:1]):
                self.add(g, "authorizes", e, f.cue, f.sentence, conf, modality=mod, cue_text=cue, event=event)
        granted = {g.entity.id for g in f.grantees}
        named = [w for w in f.weapons if w.entity.kind != "WeaponClass"]  # a bare class acts for nobody
        for agent in (named[:1] or f.grantees[:1]):
            for r in [r for r in f.regions if r.entity.id not in granted][:1]:  # not who is let act
                self.add(agent, "targets", r, f.cue, f.sentence, 0.6, modality=mod, cue_text=cue, event=event)

    # --- driver ------------------------------------------------------------------------
    def run(self) -> tuple[Relation, ...]:
        triggers = _triggers(self.rules)
        for k, last in self.units.runs:  # a run: the parser's pieces of one real sentence
            if k in self.skip:
                continue
            tokens, words = self.reading.run_tokens(k, last), self.run_words(k, last)
            for t, lemma, low, pos in words:
                self.read_word(t, k, triggers, (lemma, low, pos))
                self.note_claims(t, k, lemma, low)
            self.roles(k, tokens)
            self.located(k, words)
            self.placed(k)
            self.bodies(k)
            self.ties(k, tokens, words)
        self.claimed_attacks()
        self.close_frames()
        people = {e.id for e in self.by_label.values() if e.kind == "Person"}
        self.found = [self.spokesman_strike(r) if r.subject in people else r for r in self.found]
        return _dedupe(_consistent(self.found, people))

    def run_words(self, k: int, last: int) -> list[tuple[Token, str, str, str]]:
        """The words of runs k..last (``run_tokens``), each with its lower-cased lemma and form and
        its POS, read once: the per-word readers of the run all ask for them (the same list
        when asked again)."""
        found = self._words.get((k, last))
        if found is None:
            lemmas, lows, pos = word_columns(self.reading.doc)
            found = self._words[(k, last)] = [(t, lemmas[t.i], lows[t.i], pos[t.i])
                                              for t in self.reading.run_tokens(k, last)]
        return found

    def read_word(self, t: Token, k: int, triggers: frozenset[str], read: tuple[str, str, str]) -> None:
        """The relations one word starts: a cue of the rules' families, or a verb the tagger
        read as a noun, an adjective or an adverb ("lutte", a noun cue too, right after its
        subject; "les États-Unis arment les X", "arment" tagged an adverb).  ``read``: the word's
        lower-cased lemma and form and its POS (``run_words``)."""
        lemma, low, pos = read
        if (pos in ("NOUN", "ADJ", "ADV") or lemma == low) and t.i > 0:
            predicate = _mistagged_predicate(self.rules, low)  # most words name none
            if predicate is not None and not self.quotes.inside(t.idx):
                self.mistagged(t, k, predicate)  # "l'Iran arme les Houthis": a verb the lemmatizer left as written
        self.untriggered(t, k, lemma, low, pos)
        if pos == "VERB" and lemma == low:  # a form the lemmatizer left as written (the guess's own test)
            lemma = _guessed_presence_lemma(self.rules, t, lemma, low)
        if lemma not in triggers and low not in triggers:
            return  # most words start no relation (dispatch would find nothing)
        if self.quotes.inside(t.idx) and not self.statements_at(t.idx) \
                and not self.attributed_quote(t):
            return
        self.dispatch(t, k, lemma, low)

    def attributed_quote(self, t: Token) -> bool:
        """Whether ``t`` is in quoted words told as what a source said, one the text names no
        speaker for ("« X a bombardé Y », indique un communiqué", "selon une source, « ... »"): a
        clause (a finite verb inside the marks) with a verb of speech right after the closing
        mark, or a source word or a verb of speech right before the opening one ("un communiqué
        de l'armée précise que « ... »", its speaker unresolved); not words merely set in quotes."""
        inner = self.quoted_clause(t)
        if not inner:
            return False
        after = [w for w in self.tokens[inner[-1].i + 1: inner[-1].i + 6] if not w.is_punct][:3]
        before = [w for w in self.tokens[max(inner[0].i - 6, 0): inner[0].i] if not w.is_punct]
        return any(self.speech_verb(w) for w in after) or any(_is_source_word(w, self.rules) for w in before[-4:]) \
            or any(self.speech_verb(w) for w in before[-2:])

    def quoted_clause(self, t: Token) -> list[Token]:
        """The words inside the quote marks around ``t`` when they hold a finite verb (a clause,
        not a phrase set in quotes); else none."""
        pair = next((q for q in self.quotes.near(t.idx, t.idx + 1, 0) if q[0] < t.idx < q[1]), None)
        if pair is None:
            return []
        inner = [w for w in self.tokens[max(t.i - 60, 0): t.i + 60] if pair[0] < w.idx < pair[1]]
        return inner if any(w.pos_ in ("VERB", "AUX") and "Fin" in morph_values(w, "VerbForm") for w in inner) else []

    def speech_verb(self, w: Token) -> bool:
        """A verb of speech, by its lemma or, one the lemmatizer left as written ("indique"), by the
        infinitives its form may belong to."""
        return w.pos_ == "VERB" and (_in(w, self.rules.speech_verbs) or _may_be(self.rules, w, self.rules.speech_verbs))

    def untriggered(self, t: Token, k: int, lemma: str, low: str, pos: str) -> None:
        """Relations a word starts without a cue of its own: holding ground, however tagged ("les
        FSR contrôlent X"), and a copula of opposition ("X est contre la présence américaine")."""
        if t.i > 0 and (lemma in self.rules.control_verbs or _control_form(self.rules, low)):
            self.control_word(t, k)
        if t.i >= 2 and pos in ("VERB", "NOUN", "ADJ"):  # the participle's own first tests
            self.apposed_participle(t, k)
        copula = pos in ("NOUN", "PROPN", "PRON", "NUM") and t.i in self.copula_heads  # a "cop" child
        if copula and pos in ("NOUN", "PROPN"):
            self.copula_stance(t, k)
        if copula and pos in ("NOUN", "PRON", "NUM"):
            self.copula_role(t, k)
        elif pos == "NOUN":
            self.predicated_role(t, k)

    def predicated_role(self, t: Token, k: int) -> None:
        """A role a naming verb gives as its complement ("X a été nommé chef de l'armée", "Y
        est devenu le chef du groupe", "se présente comme le chef du conseil", "a prêté serment
        comme président de X", "s'exprimait en tant que président de Y"): its object, else its
        subject, holds it; leaderOf or memberOf the body named with it."""
        verb = self.naming_verb(t)
        if verb is None or self.quotes.inside(t.idx):
            return
        holders = self.named_holders(verb, _in(verb, self.rules.role_naming_verbs))
        found = self.role_opening(t) if holders else None
        if found is None or not found[1] or found[1][0].start <= found[2].idx:
            return  # no body, or a name the model made of the role itself ("chef d'état-major des armées")
        phrase, orgs, anchor, direct = found
        predicate = "leaderOf" if self.leads(phrase) and direct else "memberOf"
        self.add(holders[0], predicate, orgs[0], anchor, k, 0.6, modality=self.noun_modality(anchor), cue_text=phrase)

    def named_holders(self, verb: Token, naming: bool) -> list[MentionRef]:
        """The people a naming verb gives a role: its object, else its subject, else the subject
        of the verb it completes ("veut se présenter comme chef de X": who wants to); only
        the subject for another verb ("A a rencontré B en tant que représentant de X": A's role)."""
        for v in (verb, verb.head if verb.dep_ == "xcomp" else None):
            for deps in ((("obj",),) if naming else ()) + (("nsubj", "nsubj:pass"),):
                words = [c for c in (children_of(v) if v is not None else ()) if c.dep_ in deps]
                if words:  # an object that names no person ("a présenté le plan comme"): no holder
                    return [r for c in words for r in self.np(c) if r.entity.kind == "Person"]
        return []

    def naming_verb(self, t: Token) -> Token | None:
        """The verb a role noun completes: its head for a complement ("nommé chef"), past a noun
        of the verb's phrase ("prêté serment comme président") or a day the parse hangs the role
        on ("nommé mercredi chef de"), when it is a naming verb (`role_naming_verbs`, the role
        bare or after `role_as_markers`: "comme") or the role comes after `role_any_verb_markers`
        ("en tant que")."""
        marker = self.role_marker(t) if t.i in self.case_heads else ""  # no "case" word: no marker
        any_verb = marker in self.rules.role_any_verb_markers
        misread = t.dep_ == "nmod" and t.head.dep_ == "obl:mod" and t.i == t.head.i + 1  # "nommé mardi chef de"
        if t.dep_ != "xcomp" and not misread and marker not in self.rules.role_as_markers and not any_verb:
            return None
        verb = t.head if t.head.pos_ == "VERB" or t.dep_ == "xcomp" else t.head.head
        if verb.pos_ != "VERB":
            return None
        return verb if any_verb or _in(verb, self.rules.role_naming_verbs) else None

    @staticmethod
    def role_marker(t: Token) -> str:
        """The words that introduce a noun, as written ("comme", "en tant que")."""
        return " ".join(lower_text(w) for c in children_of(t) if c.dep_ == "case" and c.i < t.i
                        for w in [c, *[f for f in children_of(c) if f.dep_ == "fixed"]])

    def copula_role(self, t: Token, k: int) -> None:
        """A role said of a person by a copula ("X est le chef du Hamas", "il est l'un des chefs
        historiques d'Aqmi", the pronoun's antecedent): leaderOf or memberOf the body named with it."""
        holders = [r for c in children_of(t) if c.dep_.startswith("nsubj") for r in self.np(c) if r.entity.kind == "Person"]
        if not holders or self.quotes.inside(t.idx):
            return
        found = self.role_opening(t if t.pos_ == "NOUN" else next(  # "l'un des chefs de X"
            (c for c in children_of(t) if c.dep_ == "nmod" and c.i > t.i), None))
        if found is None or not found[1]:
            return
        phrase, orgs, anchor, direct = found
        predicate = "leaderOf" if self.leads(phrase) and direct else "memberOf"
        self.add(holders[0], predicate, orgs[0], anchor, k, 0.6, modality=self.noun_modality(anchor), cue_text=phrase)

    def role_opening(self, role: Token | None) -> tuple | None:
        """The role phrase that opens at ``role`` and runs to the clause's next comma or stop."""
        if role is None:
            return None
        words = list(self.tokens[role.i: min(self.units.bounds(role)[1], role.i + 12)])
        words = words[:next((n for n, w in enumerate(words) if w.text in (",", ".", ";")), len(words))]
        opening = self.role_words(words[:4]) if words else None
        return self.role_phrase(words) if opening is not None and opening[1] == 0 else None

    def mistagged(self, t: Token, k: int, predicate: str) -> None:
        """A present-tense verb the tagger read as a noun right after its subject ("la Turquie
        lutte contre le PKK", "le Qatar finance le Hamas", "l'armée nigériane combat Boko
        Haram", "l'Iran arme les Houthis"): the parse is wrong too, so the arguments are read off the words: the actor
        just before, the first actor after (past "contre" for a fight)."""
        subject = self.word_subject(t)
        span = self.span_at(subject) if subject is not None else None
        if span is None or any(c.dep_ in ("det", "case") and span.end <= c.i < t.i for c in children_of(t)):
            return  # "la lutte", "le combat": a noun indeed (not an article of the subject the parse hangs on it)
        window = self.object_words(t, predicate)
        if not window:
            return
        types = ("Actor", "Region") if predicate == "attacks" else ("Actor",)
        for o in self.typed(self.np(window[0]), types)[:1]:
            self.add(subject, predicate, o, t, k, 0.5, cue_text=t.text)

    def object_words(self, t: Token, predicate: str) -> list[Token]:
        """The words after a mistagged verb from its object on: past adverbs ("aide militairement
        X", "arme toujours Y"), past a phrase that names no one ("combat depuis avril les FSR")
        and, for a fight, past "contre"."""
        window = [w for w in self.right_window(t)[:8] if w.pos_ != "DET"]
        while window and window[0].pos_ == "ADV":
            window = window[1:]
        if len(window) > 2 and window[0].pos_ == "ADP" and window[1].pos_ in ("NOUN", "NUM") \
                and self.ref_at(window[1]) is None:
            window = window[2:]
        if window and predicate == "opposes" and lower_text(window[0]) in self.rules.hostile_prepositions:
            window = window[1:]
        return window

    def word_subject(self, t: Token) -> MentionRef | None:
        """The actor right before a word, when it is no complement ("le soutien de la Russie
        lutte ...": not a subject)."""
        subject = self.ref_at(self.tokens[t.i - 1])
        if subject is None or not self.typed([subject], ("Actor",)) or self.quotes.inside(subject.start):
            return None
        span = self.span_at(subject)
        before = self.tokens[span.start - 1] if span is not None and span.start > 0 else None
        while before is not None and before.pos_ == "DET" and before.i > 0:
            before = self.tokens[before.i - 1]
        if before is not None and (before.pos_ == "ADP" or lower_text(before) in self.rules.of_prepositions):
            return None
        return subject

    def dispatch(self, t: Token, k: int, lemma: str, low: str) -> None:
        """The readers of the families a cue word (its lower-cased lemma and form) belongs to."""
        if self.dispatch_phrase(t, k, lemma):
            return
        if low in self.rules.ally_nouns or low in self.rules.enemy_nouns:  # tagged noun or verb ("alliée")
            self.predicate_noun(t, k, "supports" if low in self.rules.ally_nouns else "opposes")
        elif self.presence_tagged_verb(t, lemma):
            self.presence(t, k)
        elif self.verb_like(t, lemma):
            for name, read in _verb_readers_of(self.rules, lemma, lower_lemma(t)):  # maybe several families
                if _verb_entry(t, lemma, getattr(self.rules, name)):
                    read(self, t, k)
        elif t.pos_ in ("NOUN", "PROPN"):
            self.dispatch_noun(t, k, lemma)
        elif t.pos_ == "ADJ" and low in self.rules.oppose_adjectives:
            self.predicate_noun(t, k, "opposes")
        elif t.pos_ == "ADJ" and lemma in self.rules.presence_words:
            self.presence(t, k)

    def presence_tagged_verb(self, t: Token, lemma: str) -> bool:
        """A word of presence that is no verb the tagger took for one ("où les rebelles sont
        actifs", "actif" a verb with its subject): read as the word of presence it is."""
        return t.pos_ == "VERB" and lemma in self.rules.presence_words \
            and not _verb_readers_of(self.rules, lemma, lower_lemma(t))

    def verb_like(self, t: Token, lemma: str) -> bool:
        """A verb, a participle tagged as an adjective, or an adjective whose lemma is a verb of
        presence ("où sont basés X")."""
        return t.pos_ in ("VERB", "AUX") or (t.pos_ == "ADJ" and (
            "Part" in morph_values(t, "VerbForm") or lemma in _presence_verbs(self.rules)))

    def dispatch_phrase(self, t: Token, k: int, lemma: str) -> bool:
        """Words read by the phrase they open or close, whatever their tag: affiliation
        ("affilié à", "branche de") and leadership ("à la tête de"); whether ``t`` is one."""
        preps = self.affiliation_cue(t)
        if preps is not None:
            self.affiliation(t, k, preps)
        elif lemma in self.rules.leadership_phrases:
            self.leadership(t, k)
        elif lemma in self.rules.led_by_phrases and self.led_by(t, k):
            pass
        else:
            return False
        return True

    def dispatch_noun(self, t: Token, k: int, lemma: str) -> None:
        """A noun cue read by the first family it belongs to (a multi-word authorisation,
        "le feu vert de Washington", or a qualified supply noun, "une aide militaire", too)."""
        extra = _phrase_length(t, self.rules.authorize_nouns)
        if extra:
            return self.authorize_noun(t, k, extra=extra - 1)
        if _qualified(t, self.rules.supply_nouns):
            lemma = next(p for p in self.rules.supply_nouns if p.startswith(lemma + " "))
        if t.i + 1 < len(self.tokens) and f"{lemma} {lower_text(self.tokens[t.i + 1])}" in self.rules.stronghold_nouns:
            lemma = f"{lemma} {lower_text(self.tokens[t.i + 1])}"  # "le quartier général du groupe"
        for families, read in _NOUN_READERS:
            if any(lemma in getattr(self.rules, name) for name in families):
                return read(self, t, k, lemma)
        return None


#: verb lexicon -> the _Finder method that reads its arguments
#: relation families read off a verb: (the rules' lemma set, the reader); a verb may be in several
_VERB_READERS = (
    ("supply_verbs", lambda finder, t, k: finder.supply_verb(t, k)),
    ("purchase_verbs", lambda finder, t, k: finder.purchase(t, k)),
    ("maker_verbs", lambda finder, t, k: finder.maker_verb(t, k)),
    ("receive_verbs", lambda finder, t, k: finder.receive(t, k)),
    ("authorize_verbs", lambda finder, t, k: finder.authorize_verb(t, k)),
    ("target_verbs", lambda finder, t, k: finder.target_verb(t, k)),
    ("attack_verbs", lambda finder, t, k: finder.attack_verb(t, k)),
    ("clash_verbs", lambda finder, t, k: finder.clash_verb(t, k)),
    ("exchange_verbs", lambda finder, t, k: finder.exchange_verb(t, k)),
    ("reflexive_clash_verbs", lambda finder, t, k: finder.collision_verb(t, k)),
    ("fight_verbs", lambda finder, t, k: finder.fight_verb(t, k)),
    ("fight_oblique_verbs", lambda finder, t, k: finder.fight_verb(t, k)),
    ("reflexive_fight_verbs", lambda finder, t, k: finder.reflexive_fight(t, k)),
    ("death_verbs", lambda finder, t, k: finder.attack_verb(t, k)),
    ("join_verbs", lambda finder, t, k: finder.join_verb(t, k)),
    ("join_phrases", lambda finder, t, k: finder.join_phrase(t, k)),
    ("grouping_verbs", lambda finder, t, k: finder.grouping_verb(t, k)),
    ("attack_phrases", lambda finder, t, k: finder.attack_phrase(t, k)),
    ("deploy_verbs", lambda finder, t, k: finder.deploy_verb(t, k)),
    ("lead_verbs", lambda finder, t, k: finder.lead_verb(t, k)),
    ("withdraw_verbs", lambda finder, t, k: finder.withdraw_verb(t, k)),
    ("support_verbs", lambda finder, t, k: finder.stance_verb(t, k, "supports")),
    ("oppose_verbs", lambda finder, t, k: finder.stance_verb(t, k, "opposes")),
    ("reliance_verbs", lambda finder, t, k: finder.reliance(t, k)),
    ("holding_participles", lambda finder, t, k: finder.held_place(t, k)),  # "la région, contrôlée par X"
    ("presence_object_verbs", lambda finder, t, k: finder.place_gone_through(t, k)),
    ("host_verbs", lambda finder, t, k: finder.hosted(t, k)),
    ("settle_verbs", lambda finder, t, k: finder.settled(t, k)),
    ("roam_verbs", lambda finder, t, k: finder.settled(t, k, reflexive=False)),
)
#: noun families -> the reader, the first that has the lemma reads it
_NOUN_READERS = (
    (("authorize_nouns",), lambda finder, t, k, lemma: finder.authorize_noun(t, k)),
    (("supplier_nouns",), lambda finder, t, k, lemma: finder.supplier_noun(t, k)),
    (("supply_nouns",), lambda finder, t, k, lemma: finder.supply_noun(t, k)),
    (("purchase_nouns",), lambda finder, t, k, lemma: finder.purchase(t, k)),
    (("target_nouns", "attack_nouns"), lambda finder, t, k, lemma: finder.strike_noun(t, k)),
    (("operation_nouns",), lambda finder, t, k, lemma: finder.operation_noun(t, k)),
    (("war_nouns",), lambda finder, t, k, lemma: finder.war_noun(t, k)),
    (("support_nouns", "oppose_nouns"), lambda finder, t, k, lemma: finder.stance_noun(
        t, k, "supports" if lemma in finder.rules.support_nouns else "opposes")),
    (("deploy_nouns",), lambda finder, t, k, lemma: finder.deploy_noun(t, k)),
    (("troop_nouns", "fighter_nouns"), lambda finder, t, k, lemma: finder.troop_noun(t, k)),
    (("clash_nouns",), lambda finder, t, k, lemma: finder.clash_noun(t, k)),
    (("membership_roles",), lambda finder, t, k, lemma: finder.membership_noun(t, k)),
    (("exchange_nouns",), lambda finder, t, k, lemma: finder.exchange_noun(t, k)),
    (("stronghold_nouns",), lambda finder, t, k, lemma: finder.stronghold_noun(t, k)),
    (("holding_nouns",), lambda finder, t, k, lemma: finder.held_by_phrase(t, k)),
    (("withdraw_nouns",), lambda finder, t, k, lemma: finder.withdraw_noun(t, k)),
    (("capture_nouns",), lambda finder, t, k, lemma: finder.capture_noun(t, k)),
)
_NOUN_FAMILIES = ("affiliation_words", "leadership_phrases", "led_by_phrases", "ally_nouns", "enemy_nouns", "authorize_nouns", "supplier_nouns", "supply_nouns",
                  "purchase_nouns", "target_nouns", "attack_nouns", "operation_nouns", "support_nouns", "oppose_nouns",
                  "deploy_nouns", "troop_nouns", "fighter_nouns", "oppose_adjectives", "presence_words",
                  "clash_nouns", "war_nouns", "exchange_nouns", "stronghold_nouns", "membership_roles",
                  "holding_nouns", "withdraw_nouns", "capture_nouns")


def _verb_readers_of(rules: LanguageRules, lemma: str, first: str) -> tuple:
    """The entries of ``_VERB_READERS``, in their order, whose family holds ``lemma`` or an entry
    of several words that ``first`` (the token's own lemma) opens: the only ones ``_verb_entry``
    can accept (the others need not be asked)."""
    by_word, by_first = _verb_reader_index(rules)
    found = by_word.get(lemma, ()) + by_first.get(first, ())
    return tuple(_VERB_READERS[n] for n in sorted(set(found)))


@functools.cache
def _verb_reader_index(rules: LanguageRules) -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """For each word, the positions in ``_VERB_READERS`` of the families that hold it, and of
    those with an entry of several words it opens ("pris" of "prendre pour cible")."""
    by_word: dict[str, tuple[int, ...]] = {}
    by_first: dict[str, tuple[int, ...]] = {}
    for n, (name, _) in enumerate(_VERB_READERS):
        words = getattr(rules, name)
        for word in words:
            by_word[word] = by_word.get(word, ()) + (n,)
        for first in _phrases_by_first(words):
            by_first[first] = by_first.get(first, ()) + (n,)
    return by_word, by_first


@functools.lru_cache(maxsize=65536)
def _mistagged_predicate(rules: LanguageRules, low: str) -> str | None:
    """The stance, attack or arming a mistagged verb form names, by its possible infinitives
    ("arme" -> "armer": the subject supplies the object); remembered by the form (every noun
    of the text is asked)."""
    lemmas = {rules.mistagged_verbs.get(low), *rules.grammar.verb_lemmas(low)}
    for family, predicate in (("support_verbs", "supports"), ("oppose_verbs", "opposes"),
                              ("attack_verbs", "attacks"), ("recipient_object_verbs", "suppliesTo")):
        if lemmas & getattr(rules, family):
            return predicate
    return None


def _guessed_presence_lemma(rules: LanguageRules, t: Token, lemma: str, low: str) -> str:
    """A verb form the lemmatizer left as written ("s'active") read by the infinitive it may
    belong to, when that is a verb of presence (deploying, settling, roaming)."""
    if t.pos_ != "VERB" or lemma != low:
        return lemma
    presence = _presence_verbs(rules)
    return lemma if lemma in presence else next((g for g in rules.grammar.verb_lemmas(low) if g in presence), lemma)


@functools.cache
def _claim_words(rules: LanguageRules) -> frozenset[str]:
    """The words ``_Finder.claims_at`` can find in its lists (attack nouns, verbs of ascribing,
    carrying out and claiming), an entry of two words by its first word too: a word whose lemma
    and form are not here claims nothing."""
    lists = (rules.attack_nouns, rules.attribution_verbs, rules.perpetration_verbs, rules.claim_verbs)
    return frozenset().union(*lists, *(_first_words_of(words) for words in lists))


@functools.cache
def _presence_verbs(rules: LanguageRules) -> frozenset[str]:
    """The verbs of deploying, settling and roaming, one set (read for each word a lemmatizer left as written)."""
    return frozenset(rules.deploy_verbs | rules.settle_verbs | rules.roam_verbs)


@functools.cache
def _bare_determiners(rules: LanguageRules) -> frozenset[str]:
    """The determiners without their trailing space ("l'", "le")."""
    return frozenset(d.strip() for d in rules.determiners)


@functools.cache
def _event_nouns(rules: LanguageRules) -> frozenset[str]:
    """The nouns of an event with places of its own: attacks, targets, wars and clashes."""
    return frozenset(rules.attack_nouns | rules.target_nouns | rules.war_nouns | rules.clash_nouns)


@functools.lru_cache(maxsize=65536)
def _control_form(rules: LanguageRules, low: str) -> bool:
    """Whether a word form may be a verb of holding ground ("contrôlent"), by its infinitives."""
    return bool(set(rules.grammar.verb_lemmas(low)) & rules.control_verbs)


@functools.cache
def _strike_words(rules: LanguageRules) -> frozenset[str]:
    """Words of firing from afar and of deploying: a troop noun's place phrase with them puts
    no one there ("intensifie ses frappes au Liban"), or is read by the deployment reader."""
    return rules.target_verbs | rules.deploy_verbs | rules.target_nouns


@functools.cache
def _field_verbs(rules: LanguageRules) -> frozenset[str]:
    """Verbs of the field: troops their subject are where the clause puts them, at home too."""
    return rules.home_field_verbs | rules.attack_verbs | rules.repel_verbs | rules.clash_verbs | rules.fight_verbs \
        | rules.deploy_verbs | rules.control_verbs | rules.settle_verbs | rules.roam_verbs | rules.presence_object_verbs


@functools.cache
def _triggers(rules: LanguageRules) -> frozenset[str]:
    """Every word ``dispatch`` reads a relation from (a lemma, a lower-cased form, or the first
    word of a multi-word cue such as "feu vert")."""
    words = set().union(*(getattr(rules, name) for name, _ in _VERB_READERS),
                        *(getattr(rules, name) for name in _NOUN_FAMILIES))
    return frozenset(words | {w.split()[0] for w in words if " " in w})


def _words(phrase: str) -> list[str]:
    """A data phrase as token texts: "s'en" -> ["s'", "en"], "d'assaut" -> ["d'", "assaut"]."""
    out = []
    for word in phrase.lower().replace("’", "'").split():
        while "'" in word[:-1]:
            head, _, word = word.partition("'")
            out.append(head + "'")
        out.append(word)
    return out


def _is_gerund(verb: Token) -> bool:
    """ "en livrant": a present participle after "en"."""
    return _present_participle(verb) and any(lower_text(c) == "en" for c in children_of(verb))


def _verb_between(word: Token, top: Token) -> bool:
    """Whether a verb lies on the way up from ``word`` to ``top`` (its clause is another's:
    "des avions pour repousser les forces russes")."""
    t = word.head
    while t.i != top.i and t.head.i != t.i:
        if t.pos_ == "VERB":
            return True
        t = t.head
    return False


def _may_be(rules: LanguageRules, verb: Token, lemmas) -> bool:
    """Whether a verb is one of ``lemmas``, by its lemma or, when the lemmatizer left the form as
    written ("réclame"), by the infinitives the form may belong to."""
    lemma, low = lower_lemma(verb), lower_text(verb)
    return lemma in lemmas or lemma == low and any(g in lemmas for g in rules.grammar.verb_lemmas(low))


def _agree(a: Token, b: Token) -> bool:
    """Two words agree in gender and number, as far as the tagger tells."""
    return all(not (x and y) or set(x) & set(y)
               for x, y in ((morph_values(a, f), morph_values(b, f)) for f in ("Gender", "Number")))


def _descriptive(word: Token) -> bool:
    """A word of a body's description: a noun, an adjective, a preposition, a determiner or a
    participle ("la Mission multidimensionnelle intégrée des Nations unies pour ...")."""
    return word.pos_ in _DESCRIPTION_POS or (word.pos_ == "VERB" and "Part" in morph_values(word, "VerbForm"))


def _introduced_by(phrase: Token, words) -> bool:
    """Whether one of ``words`` is a preposition (case marker) of ``phrase``."""
    return any(g.dep_ == "case" and lower_text(g) in words for g in children_of(phrase))


def _reflexive(verb: Token) -> bool:
    """A verb with a reflexive pronoun before it ("s'empare", "s'est doté")."""
    return any("Yes" in morph_values(c, "Reflex") for c in children_of(verb) if c.i < verb.i)


def _past_participle(token: Token) -> bool:
    return token.pos_ == "VERB" and "Part" in morph_values(token, "VerbForm") and "Pres" not in morph_values(token, "Tense")


def _present_participle(verb: Token) -> bool:
    return "Part" in morph_values(verb, "VerbForm") and "Pres" in morph_values(verb, "Tense")


def _singular_indefinite(noun: Token) -> bool:
    """A noun opening on a singular indefinite article ("un allié", "une localité")."""
    return any(c.dep_ == "det" and "Ind" in morph_values(c, "Definite") and "Sing" in morph_values(c, "Number")
               for c in children_of(noun))


def _demonstrative(noun: Token) -> bool:
    """A noun with a demonstrative determiner ("cette attaque")."""
    return any(c.dep_ == "det" and "Dem" in morph_values(c, "PronType") for c in children_of(noun))


def _clash_sides_kept(refs: list[MentionRef], armed: bool) -> list[MentionRef]:
    """The actors that may be a side of fighting: no person; only a state or an armed group when
    ``armed`` (a side the text leaves to its clause's subject)."""
    return [r for r in refs if r.entity.kind != "Person" and (not armed or r.entity.kind in _STATE_KINDS + _GROUP_KINDS)]


def _possessive(noun: Token) -> bool:
    """A noun with a possessive determiner ("son soutien", "leur déploiement")."""
    return any(c.dep_ == "det" and "Yes" in morph_values(c, "Poss") for c in children_of(noun))


def _is_source_word(token: Token, rules: LanguageRules) -> bool:
    """A word that always introduces a source ("selon"), or ends one split by the tokenizer
    ("d'" + "après")."""
    low = lower_text(token)
    if low in rules.source_words:
        return True
    return token.i > 0 and lower_text(token.doc[token.i - 1]) + low in rules.source_words


def _plural_subject(t: Token) -> bool:
    """Whether a subject is plural: by its own number, its article's ("Les Houthis", which the
    parse may read as singular) or its verb's conjugated auxiliary."""
    words = [t, *(c for c in children_of(t) if c.dep_ == "det"),
             *(c for c in children_of(t.head) if c.dep_.startswith("aux") and "Fin" in morph_values(c, "VerbForm"))]
    return any("Plur" in morph_values(w, "Number") for w in words)


def _has_name(text: str) -> bool:
    """A mention that holds a proper name (capitalised word after the first), not only a role."""
    words = text.split()
    return any(w[:1].isupper() or _particle_name(w) for w in words[1:]) or (
        len(words) == 1 and words[0][:1].isupper())


def _particle_name(word: str) -> bool:
    """A surname after a short lower-case particle joined by a hyphen ("al-Assad", "el-Sissi")."""
    head, _, rest = word.partition("-")
    return 0 < len(head) <= 3 and head.islower() and rest[:1].isupper()


def _verb_entry(token: Token, lemma: str, words) -> bool:
    """A verb of a family: its lemma, or the multi-word entry it opens ("ont trouvé la mort",
    "ont pris pour cible")."""
    return lemma in words or _phrase_length(token, words) > 0


def _phrase_length(token: Token, phrases) -> int:
    """The number of words of the multi-word entry of ``phrases`` that starts at ``token``
    (its lemma, then the next words as written: "feu vert"), 0 when none does."""
    doc, first = token.doc, lower_lemma(token)
    for words in _phrases_by_first(phrases).get(first, ()):
        if token.i + len(words) <= len(doc) and all(
                lower_text(doc[token.i + n]) == w for n, w in enumerate(words[1:], 1)):
            return len(words)
    return 0


def _phrases_by_first(phrases) -> dict[str, list[list[str]]]:
    """The multi-word entries of ``phrases`` as word lists, by their first word, in the list's
    order; read once for a frozen list (kept by its id, the list with it)."""
    known = _PHRASES_BY_FIRST.get(id(phrases))
    return known[1] if known is not None else _remembered(_PHRASES_BY_FIRST, phrases, _phrase_index)


def _phrase_index(phrases) -> dict[str, list[list[str]]]:
    """The multi-word entries of ``phrases`` as word lists, by their first word, in the list's order."""
    index: dict[str, list[list[str]]] = {}
    for phrase in phrases:
        words = phrase.split()
        if len(words) > 1:
            index.setdefault(words[0], []).append(words)
    return index


_PHRASES_BY_FIRST: dict[int, tuple[frozenset, dict]] = {}


def _qualified(token: Token, phrases) -> bool:
    """A noun with an adjective that makes it an entry ("une aide militaire": "aide militaire",
    the adjective's lemma)."""
    return any(c.dep_ == "amod" and f"{lower_lemma(token)} {lower_lemma(c)}" in phrases for c in children_of(token))


def _cue_text(token: Token, phrases=()) -> str:
    """The cue as written: one word, or the multi-word entry of ``phrases`` it starts."""
    size = _phrase_length(token, phrases)
    return token.doc[token.i: token.i + size].text if size else token.text


_RANK = {"negated": 0, "hedged": 1, "reported": 2, "asserted": 3}


def _consistent(relations: list[Relation], people: set[str]) -> list[Relation]:
    """The relations without a supply from a leader or member to its own body ("la visite du
    président ukrainien X ..., le gouvernement a accordé une aide à l'Ukraine": X supplies
    nothing to Ukraine) nor a support ("les GRI ... renforcer les capacités de l'Iran": a body of
    Iran, no backer of it), and without a person led or joined: a person has no members ("la
    porte-parole du Premier ministre X, Y": Y is no member of X) nor a member of what he leads ("le
    capitaine X" ... "le président X": leaderOf only), and without an aim at what the
    same actor is said to attack ("les frappes turques ont visé les bases du PKK à Gara": Turkey
    attacks Gara; the aim adds nothing)."""
    pairs = {p: {(r.subject, r.object) for r in relations if r.predicate in p}
             for p in (("leaderOf", "memberOf"), ("leaderOf",), ("attacks",))}
    # the pairs that rule out each predicate: a rank over supplies and supports, a lead over membership
    excluded = {"suppliesTo": pairs[("leaderOf", "memberOf")], "supports": pairs[("leaderOf", "memberOf")],
                "targets": pairs[("attacks",)], "memberOf": pairs[("leaderOf",)]}
    return [r for r in relations if (r.subject, r.object) not in excluded.get(r.predicate, ())
            and (r.predicate not in ("leaderOf", "memberOf") or r.object not in people)]


def _dedupe(relations: list[Relation]) -> tuple[Relation, ...]:
    """One relation per (subject, predicate, object, modality): the most confident."""
    best: dict[tuple, Relation] = {}
    for r in relations:
        key = (r.subject, r.predicate, r.object, r.modality)
        if key not in best or r.confidence > best[key].confidence:
            best[key] = r
    return tuple(sorted(best.values(), key=lambda r: (r.start, r.predicate)))


def find_relations(reading: Reading, statements: tuple[Statement, ...]) -> tuple[Relation, ...]:
    """Every relation of a document (FORMAT.md vocabulary), with evidence and modality."""
    return _Finder(reading, reading.entities, statements).run()
