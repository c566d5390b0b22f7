"""Grammar helpers the statement and relation rules share: subjects, negation, mood, pronouns.

Language-neutral: they read Universal Dependencies labels and morphology from spaCy and
take every word they need from the language's rules (``LanguageRules``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy
from spacy.attrs import HEAD, LEMMA, ORTH, POS
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Token

from kgbuild.extract.language import LanguageRules
from kgbuild.extract.reading import MentionRef, Reading
from kgbuild.normalize import fold_quotes
from kgbuild.types import Entity

__all__ = ["lower_text", "lower_lemma", "morph_values", "children_of", "share_tokens", "word_columns", "POS_BY_ID",
           "subjects_of", "clause_negation", "is_impersonal", "clause_hedged", "group_start", "verb_chain", "is_past", "resolve_pronoun", "pronoun_form",
           "passive_subjects", "is_subject_mention", "reduced_relative", "unsourced"]

def lower_text(token: Token) -> str:
    """The token's text, quotes folded and lower-cased (the form the lexicons are written in)."""
    # remembered by the word's hash: ``token.orth`` is a plain number, ``token.text`` a string
    # spaCy decodes at each access (the rules ask for every token's form many times)
    low = _LOWER_BY_ORTH.get(token.orth)
    return low if low is not None else _text_lower(token.orth, token.vocab.strings)


_LOWER_BY_ORTH: dict[int, str] = {}
_WORDS_KEPT = 65536


def lower_lemma(token: Token) -> str:
    """``token.lemma_.lower()``, remembered by the lemma's hash (``token.lemma`` is a number,
    ``token.lemma_`` a string spaCy decodes at each access; rules read every token's)."""
    low = _LOWER_BY_LEMMA.get(token.lemma)
    return low if low is not None else _lemma_lower(token.lemma, token.vocab.strings)


_LOWER_BY_LEMMA: dict[int, str] = {}


def morph_values(token: Token, field: str) -> list[str]:
    """``token.morph.get(field)``, remembered by the analysis's hash and the field (spaCy
    parses the features again at each call, several times the cost of this look-up)."""
    morph = token.morph
    key = (morph.key, field)
    found = _MORPH_VALUES.get(key)
    if found is None:
        if len(_MORPH_VALUES) >= _WORDS_KEPT:
            _MORPH_VALUES.clear()  # memory stays flat over a corpus
        found = _MORPH_VALUES[key] = tuple(morph.get(field))
    return list(found)


_MORPH_VALUES: dict[tuple[int, str], tuple[str, ...]] = {}


def children_of(token: Token) -> tuple[Token, ...]:
    """``tuple(token.children)``: the words hanging on a token, in text order, read off the
    parse's heads once per document (spaCy walks the token's whole subtree and makes a new
    Token for each child at every ``children``; the rules ask it of most words many times).
    The last document's lists are kept, with the document itself, so no other can take them; a
    head changed in that document afterwards is not seen (the rules read a finished parse)."""
    doc = token.doc
    if doc is not _CHILDREN[0]:
        _CHILDREN[:] = [doc, _children_lists(doc)]
    return _CHILDREN[1][token.i]


def share_tokens(doc: Doc, tokens: list[Token]) -> None:
    """Let ``children_of`` take the children of ``doc``'s words from ``tokens`` (``list(doc)``,
    the list the extraction already made) instead of making a Token object per word again."""
    _TOKENS[:] = [doc, tokens]


def _children_lists(doc: Doc) -> list[tuple[Token, ...]]:
    """Each token's children, in text order (a root, its own head, is nobody's child)."""
    if not len(doc):
        return []
    tokens = _TOKENS[1] if doc is _TOKENS[0] else list(doc)
    heads = (doc.to_array(HEAD).astype(numpy.int64) + numpy.arange(len(tokens))).tolist()
    kids: list[list[Token]] = [[] for _ in tokens]
    for i, h in enumerate(heads):
        if h != i:
            kids[h].append(tokens[i])
    return [tuple(k) for k in kids]


_CHILDREN: list = [None, []]  # [the document, its tokens' children]
_TOKENS: list = [None, []]  # [the document, ``list(doc)``] (``share_tokens``)


def word_columns(doc: Doc) -> tuple[list[str], list[str], list[str]]:
    """Each word's ``lower_lemma``, ``lower_text`` and POS (``token.pos_``), by token index, read
    off the parse's arrays once per document (the last document's kept, as ``children_of``
    keeps its lists): the per-word readers of the rules ask for every word's."""
    if doc is not _COLUMNS[0]:
        _COLUMNS[:] = [doc, _word_columns(doc)]
    return _COLUMNS[1]


def _word_columns(doc: Doc) -> tuple[list[str], list[str], list[str]]:
    if not len(doc):
        return [], [], []
    lemmas, orths, tags = zip(*doc.to_array([LEMMA, ORTH, POS]).tolist())
    strings = doc.vocab.strings
    by_lemma, by_orth = _LOWER_BY_LEMMA.get, _LOWER_BY_ORTH.get
    return ([w if (w := by_lemma(h)) is not None else _lemma_lower(h, strings) for h in lemmas],
            [w if (w := by_orth(h)) is not None else _text_lower(h, strings) for h in orths],
            [POS_BY_ID[p] for p in tags])


def _lemma_lower(key: int, strings) -> str:
    """``lower_lemma`` of a word whose lemma has the hash ``key``, remembered."""
    if len(_LOWER_BY_LEMMA) >= _WORDS_KEPT:
        _LOWER_BY_LEMMA.clear()  # memory stays flat over a corpus
    low = _LOWER_BY_LEMMA[key] = strings[key].lower()
    return low


def _text_lower(orth: int, strings) -> str:
    """``lower_text`` of a word whose form has the hash ``orth``, remembered."""
    if len(_LOWER_BY_ORTH) >= _WORDS_KEPT:
        _LOWER_BY_ORTH.clear()  # memory stays flat over a corpus
    low = _LOWER_BY_ORTH[orth] = fold_quotes(strings[orth]).lower()
    return low


_COLUMNS: list = [None, ([], [], [])]  # [the document, its ``word_columns``]
#: each POS's name by its number (what ``Token.pos_`` reads), for the columns read off the arrays
POS_BY_ID = {int(key): name for key, name in POS_NAMES.items()}


def subjects_of(token: Token, rules: LanguageRules) -> list[Token]:
    """Subject candidates of a verb, nearest first: its own, then those of the verbs above it
    through xcomp, conj and auxiliary links (parsers often hang the subject on "a")."""
    found, current = [], token
    for _ in range(4):
        found.extend(_own_subjects(current, rules))
        if not found and current is not token and reduced_relative(current):
            found.extend(_described_noun(current))  # "l'Iran, accusé de fournir des drones"
            break
        if _hung_on_controlled_object(current, rules):
            found.append(current.head)  # "a accusé les forces russes d'attaquer X"
            break
        if not _shares_subject_with_head(current, rules):
            break
        if current.dep_ == "xcomp" and _control_verb(current.head, rules):
            # "autoriser Kiev à frapper": the object is who strikes
            found.extend(c for c in children_of(current.head)
                         if c.dep_ in ("obj", "iobj", "obl:arg") and c.i < current.i)
            if found or not reduced_relative(current.head):
                break  # "l'Iran, accusé de fournir": the accused is the noun, read next round
        current = current.head
    return found


def _control_verb(verb: Token, rules: LanguageRules) -> bool:
    """An object-control verb, by its lemma or, when the lemmatizer left the form as written
    ("reproche"), by the infinitives the form may belong to."""
    lemma, low = verb.lemma_, lower_text(verb)
    return lemma in rules.object_control_verbs or lemma.lower() == low and any(
        g in rules.object_control_verbs for g in rules.grammar.verb_lemmas(low))


def _described_noun(participle: Token) -> list[Token]:
    """The noun a reduced relative describes, who does what its verb says."""
    noun = participle.head if participle.dep_ == "acl" else participle.doc[participle.i - 2]
    return [noun] if noun.pos_ in ("NOUN", "PROPN") else []


def _hung_on_controlled_object(verb: Token, rules: LanguageRules) -> bool:
    """An infinitive the parser hangs on the object of an object-control verb ("a accusé les
    forces russes d'attaquer X"): that object does it."""
    obj = verb.head
    return verb.dep_ == "acl" and obj.dep_ in ("obj", "iobj") and _control_verb(obj.head, rules) \
        and "Inf" in morph_values(verb, "VerbForm")


def _own_subjects(verb: Token, rules: LanguageRules) -> list[Token]:
    """A verb's own subjects, an expletive subject pronoun included ("a-t-il dit")."""
    found = []
    for child in children_of(verb):
        if child.dep_ in ("nsubj", "nsubj:pass") and any(c.dep_ == "case" and not misread_partitive(c, rules)
                                                          for c in children_of(child)):
            continue  # "a de son côté revendiqué": a noun after a preposition is no subject
        if child.dep_ in ("nsubj", "nsubj:pass") or (
                child.dep_ == "expl:subj" and pronoun_form(child) in rules.pronoun_gender):
            found.extend(unsourced(child, rules))
    return found or _partitive_oblique(verb, rules)


def _partitive_oblique(verb: Token, rules: LanguageRules) -> list[Token]:
    """The subject the parse hangs as an oblique before its verb, its partitive article read as
    a preposition ("Vendredi, des combattants de X ont attaqué")."""
    return [c for c in children_of(verb) if c.dep_ in ("obl", "obl:mod") and c.i < verb.i and c.pos_ == "NOUN"
            and [g for g in children_of(c) if g.dep_ == "case"]
            and all(misread_partitive(g, rules) for g in children_of(c) if g.dep_ == "case")][:1]


def misread_partitive(token: Token, rules: LanguageRules) -> bool:
    """A partitive article the parse hangs as a preposition ("des combattants de X ont attaqué":
    "des" read as "case"): tagged a determiner, it leaves its noun a subject."""
    return token.pos_ == "DET" and lower_text(token) in rules.partitive_articles


def _shares_subject_with_head(verb: Token, rules: LanguageRules) -> bool:
    """Whether the verb above this one (by xcomp, conj, an auxiliary or a copula link) has
    the same subject; not across a complement clause ("a réaffirmé que frapper ...")."""
    if verb.head.i == verb.i or verb.dep_ not in ("xcomp", "conj", "aux", "aux:tense", "aux:pass", "cop"):
        return False
    return not any(lower_text(c) in rules.complementizers for c in children_of(verb) if c.dep_ == "mark")


def unsourced(token: Token, rules: LanguageRules) -> list[Token]:
    """A subject the parser took from a source phrase ("D'après Reuters, des soldats ... sont
    déployés" with Reuters as subject) stands for the noun phrases hung under it."""
    cases = [lower_text(c) for c in children_of(token) if c.dep_ == "case" and c.i < token.i]
    if not cases or not ("".join(cases) in rules.source_words or any(c in rules.source_words for c in cases)):
        return [token]
    return [c for c in children_of(token) if c.dep_ in ("nmod", "appos", "conj") and c.i > token.i
            and c.pos_ in ("NOUN", "PROPN", "PRON")]


def reduced_relative(verb: Token) -> bool:
    """A past participle describing a noun: "l'Iran, accusé de ..." (acl on the noun, or an
    advcl right after "Noun,")."""
    if "Part" not in morph_values(verb, "VerbForm") or "Past" not in morph_values(verb, "Tense"):
        return False
    if any(c.dep_ in ("aux:tense", "nsubj") and c.i < verb.i for c in children_of(verb)):
        return False  # "X, porte-parole, a lui aussi accusé": a compound tense the parse hung on a noun
    if verb.dep_ == "acl":
        return True
    return verb.dep_ == "advcl" and verb.i >= 2 and verb.doc[verb.i - 1].text == ","


def agent_phrase(verb: Token, rules: LanguageRules) -> Token | None:
    """The agent of a passive verb: its ``obl:agent``, or an oblique with an agent preposition
    ("a été annoncé par X")."""
    for c in children_of(verb):
        if c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and c.pos_ != "ADV" and any(
                lower_text(g) in rules.agent_prepositions for g in children_of(c))):
            return c  # "par ailleurs", an adverb, is no agent
    return None


def passive_subjects(verb: Token) -> list[Token]:
    """The subject of a passive verb, also one it shares with the passive verb it is coordinated
    after ("Cette attaque a été menée par drone et a été revendiquée par X": the attack)."""
    own = [c for c in children_of(verb) if c.dep_ == "nsubj:pass"]
    if own or verb.dep_ != "conj" or verb.head.i > verb.i or any(c.dep_.startswith("nsubj") for c in children_of(verb)):
        return own
    return [c for c in children_of(verb.head) if c.dep_ == "nsubj:pass"]


def pronoun_form(token: Token) -> str:
    """ "-t-il" -> "il", "-elle" -> "elle": an inverted subject pronoun without its hyphen and
    the one-letter euphonic consonant before it."""
    return _EUPHONIC.sub("", lower_text(token).lstrip("-"))


_EUPHONIC = re.compile(r"^\w-(?=\w)")


def clause_negation(token: Token, rules: LanguageRules) -> str | None:
    """The negation word on a verb or on the verbs it is the complement of ("ne compte pas livrer")."""
    current, steps = token, 0
    while current is not None and steps < 4:
        found = _negation_at(current, rules)
        if found:
            return found
        if current.dep_ in ("xcomp", "aux", "aux:tense", "aux:pass") and current.head.i != current.i:
            current, steps = current.head, steps + 1
        else:
            break
    return None


def _negation_at(verb: Token, rules: LanguageRules) -> str | None:
    """ "ne ... pas" around one verb, read linearly from "ne" (parsers hang "pas" anywhere)."""
    doc = verb.doc
    near = list(children_of(verb))
    near += [g for c in children_of(verb) if c.dep_.startswith("aux") or c.dep_ == "cop" for g in children_of(c)]
    privative = next((lower_text(c) for c in near if c.dep_ in ("mark", "case")
                      and lower_text(c) in rules.privative_words), None)
    if privative is not None:
        return privative  # "sans fournir"
    for ne in near:
        if lower_text(ne) in rules.negation_particles:
            words = [lower_text(t) for t in doc[ne.i: min(len(doc), verb.i + 3)]]
            return rules.grammar.negation_of(words)
    return rules.grammar.negation_of([lower_text(c) for c in near if c.dep_.startswith("advmod")])


def is_impersonal(token: Token, rules: LanguageRules) -> bool:
    """ "il" of "il faut", "il est juste de", "il semble que": no antecedent."""
    if lower_text(token) not in rules.impersonal_pronouns or token.i + 1 >= len(token.doc):
        return False
    if token.head.lemma_ in rules.impersonal_verbs:
        return True
    if token.text.startswith("-"):  # "a-t-il ajouté": an inverted subject, not impersonal
        return False
    if token.dep_ == "expl:subj":  # the parse's guess
        return not _someone_speaks(token.head, rules)
    return _impersonal_verb_after(token, rules)


def _someone_speaks(verb: Token, rules: LanguageRules) -> bool:
    """A speech verb (``verb`` or a verb conjoined to it) has someone speaking ("Il souligne
    que", "Il n'a pas donné de détails, mais a déclaré que"), unless passive ("il est écrit que")."""
    verbs = (verb, *(c for c in children_of(verb) if c.dep_ == "conj" and c.pos_ == "VERB"))
    return any(v.lemma_ in rules.speech_verbs and "Pass" not in morph_values(v, "Voice") and not any(
        c.dep_ == "aux:pass" for c in children_of(v)) for v in verbs)


def _impersonal_verb_after(token: Token, rules: LanguageRules) -> bool:
    """An impersonal verb right after the pronoun ("il faut"), or a copula with an infinitive
    marker or a complementizer in the next words ("il est juste de", "il est clair que")."""
    nxt = token.doc[token.i + 1: token.i + 5]
    lemmas = [t.lemma_ for t in nxt]
    if lemmas and lemmas[0] in rules.impersonal_verbs:
        return True
    if lemmas and lemmas[0] in rules.copular_verbs:
        return any(lower_text(t) in rules.infinitive_markers or lower_text(t) in rules.complementizers
                   for t in nxt[1:])
    return False


def verb_chain(token: Token) -> list[Token]:
    """A verb, its auxiliaries and the verbs it is an xcomp of (the modals above it)."""
    chain, current = [], token
    for _ in range(4):
        chain.append(current)
        chain.extend(c for c in children_of(current) if c.dep_.startswith("aux"))
        if current.dep_ == "xcomp" and current.head.i != current.i:
            current = current.head
        else:
            break
    return chain


def group_start(verb: Token) -> int:
    """The index of the first word of a verb's group: its first auxiliary before it ("a
    déclaré"), else the verb itself."""
    return min([verb.i, *(c.i for c in children_of(verb) if c.dep_.startswith("aux") and c.i < verb.i)])


def clause_hedged(token: Token, rules: LanguageRules) -> bool:
    """Conditional mood, a possibility modal or a hedge word on a verb's clause."""
    for verb in verb_chain(token):
        if "Cnd" in morph_values(verb, "Mood") or rules.grammar.is_conditional(verb.text, verb.lemma_):
            return True
        if verb.i != token.i and verb.lemma_ in rules.hedge_verbs:
            return True
        if any(lower_text(c) in rules.hedge_words for c in children_of(verb)):
            return True
    return False


def is_past(token: Token) -> bool:
    """A cue verb in a past tense (conditional after it is future-in-the-past, not a hedge)."""
    tenses = set(morph_values(token, "Tense"))
    if "Imp" in tenses:
        return True
    aux = [c for c in children_of(token) if c.dep_.startswith("aux")]
    return "Past" in tenses and bool(aux) or any("Imp" in morph_values(a, "Tense") for a in aux)


# --- pronoun speakers ---------------------------------------------------------------


def _entity_gender(entity: Entity, doc: Doc, rules: LanguageRules) -> str | None:
    """Grammatical gender of an entity: titles for people, the parser's guess for the rest
    (the French model guesses first names badly, so people get none from it)."""
    for m in entity.mentions:
        low = fold_quotes(m.text).lower()
        if low.startswith(rules.feminine_titles):
            return "Fem"
        if low.startswith(rules.masculine_titles):
            return "Masc"
    if entity.kind == "Person":
        return None
    for m in entity.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span):
            genders = morph_values(span.root, "Gender") or morph_values(span[0], "Gender")
            if genders:
                return genders[0]
    return None


def resolve_pronoun(pronoun: str, pos: int, reading: Reading, window: int = 3,
                    subjects_first: bool = False, skip: Callable[[int], bool] | None = None) -> MentionRef | None:
    """The most recent actor a third-person pronoun at ``pos`` can refer to.

    "il"/"lui" take a person not known to be a woman (or a masculine state or
    organisation), people first; "elle" takes a feminine actor first, then a person of
    unknown gender.  Mentions inside quotes are skipped; the antecedent lies in the
    pronoun's sentence or the ``window`` sentences before it, the nearest sentence first.
    With ``subjects_first`` (the subject of a cue), an actor that was a clause's subject in
    that window comes before one named in an object ("X a reconnu ... Il insulte le directeur
    Y ... il affirme": X). ``skip`` (an offset test) leaves out more mentions, as quotes are.
    """
    rules, index, doc, quotes = reading.rules, reading.index, reading.doc, reading.quotes
    gender = rules.pronoun_gender.get(pronoun.lower())
    if pronoun.lower() in rules.plural_pronouns:
        gender = "Plur"
    # distances count real sentences (runs), not the parser's cuts ("Le président kényan" |
    # "William Ruto a annoncé ...")
    units = reading.units
    k = units.run_at(pos)
    floor = units.span_of(*units.runs[max(0, k - window)])[0] if units.runs else 0
    best: tuple | None = None
    for ref in index.nearest_before(pos, floor):
        if _no_antecedent(ref, gender, quotes, doc) or skip is not None and skip(ref.start):
            continue
        if ref.entity.id not in reading.genders:
            reading.genders[ref.entity.id] = _entity_gender(ref.entity, doc, rules)
        g = _written_plural(ref, doc, rules) if gender == "Plur" else reading.genders[ref.entity.id]
        fit = _ANTECEDENT_FIT.get(gender, _any_actor)(ref, g, rules)
        if fit is None:
            continue
        rank = (not (subjects_first and is_subject_mention(ref, doc)), k - units.run_at(ref.start), fit, -ref.end)
        if best is None or rank < best[0]:
            best = (rank, ref)
    return best[1] if best else None


def is_subject_mention(ref: MentionRef, doc) -> bool:
    """Whether a mention is its clause's subject, apposed to it ("Le chef, X, a dit") or the group
    of its plural members ("les combattants du M23 ont pris")."""
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span.root
    if token.dep_ == "nmod" and token.head.pos_ == "NOUN" and "Plur" in morph_values(token.head, "Number"):
        token = token.head  # "les combattants du M23 ont pris": its members are the subject
    for _ in range(3):
        if token.dep_.startswith("nsubj") or _heads_subject_relative(token):
            return True
        if token.dep_ not in ("appos", "flat:name") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _heads_subject_relative(token: Token) -> bool:
    """Whether a noun heads a relative clause it is the subject of ("accueillis par le Premier
    ministre, X, qui a souligné ...": X acts there, as a subject does)."""
    return any(c.dep_ == "acl:relcl" and any(g.dep_.startswith("nsubj") and g.pos_ == "PRON" and g.i < c.i
                                              and g.i == c.left_edge.i for g in children_of(c))
               for c in children_of(token))


# How well an antecedent fits a pronoun, by the pronoun's gender (or "Plur"): None when it
# cannot be it, 0 when it is the first choice, 1 when it is a fallback.  ``g`` is the
# antecedent's grammatical gender, when known.

def _no_antecedent(ref: MentionRef, gender: str | None, quotes, doc) -> bool:
    """A mention a pronoun cannot take: no actor, inside quotes, or a state's organ written in
    the plural for a singular pronoun ("les soldats ont tué ..., estime-t-elle")."""
    return ("Actor" not in ref.entity.types and ref.mention.type != "Actor") or quotes.inside(ref.start) \
        or (gender != "Plur" and _plural_organ(ref, doc))


def _plural_organ(ref: MentionRef, doc) -> bool:
    """Whether a mention is a state's organ written in the plural ("les soldats")."""
    if ref.mention.method != "organ":
        return False
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and "Plur" in morph_values(span.root, "Number")


def _written_plural(ref: MentionRef, doc, rules: LanguageRules) -> str | None:
    """ "Plur" when a mention is written in the plural: its last word ("les Houthis"), its head
    noun ("les Forces de soutien rapide") or the plural noun it is the complement of ("les
    rebelles du M23", "les combattants de X": "ils" are the group)."""
    if ref.mention.text.rstrip().endswith(rules.plural_endings):
        return "Plur"
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root, head = span.root, span.root.head
    if "Plur" in morph_values(root, "Number") and root.pos_ in ("NOUN", "PROPN"):
        return "Plur"
    described = root.dep_ == "nmod" and head.i < root.i and head.pos_ == "NOUN"
    return "Plur" if described and "Plur" in morph_values(head, "Number") else None


def _plural_fit(ref: MentionRef, g: str | None, rules: LanguageRules) -> int | None:
    """ "ils", "eux": a group of actors written in the plural (``g``), not a person."""
    return 0 if g == "Plur" and ref.entity.kind != "Person" else None


def _masculine_fit(ref: MentionRef, g: str | None, rules: LanguageRules) -> int | None:
    """ "il", "lui": a person not known to be a woman (first), or a masculine body."""
    person = ref.entity.kind == "Person"
    return (0 if person else 1) if g != "Fem" and (person or g == "Masc") else None


def _feminine_fit(ref: MentionRef, g: str | None, rules: LanguageRules) -> int | None:
    """ "elle": a feminine actor (first), or a person of unknown gender."""
    return (0 if g == "Fem" else 1) if g == "Fem" or (g is None and ref.entity.kind == "Person") else None


def _any_actor(ref: MentionRef, g: str | None, rules: LanguageRules) -> int | None:
    return 0


_ANTECEDENT_FIT = {"Plur": _plural_fit, "Masc": _masculine_fit, "Fem": _feminine_fit}
