"""Statements: who said what, from cue verbs, sourcing phrases and quote marks.

Rules, in press order of frequency:

- a cue verb with a que-clause ("a prévenu qu'un tel feu vert signifierait ..."),
  an infinitive ("a assuré pouvoir régler ..."), "de" + infinitive ("accuse X
  d'élargir ..."), "pour/à" + complement ("a plaidé pour autoriser ..."), an
  attribute ("se dit prêt à ..."), or a quote after a colon;
- a cue verb after the quote or clause it introduces ("« ... », a déclaré X");
- a sourcing phrase: "selon X, ...", "d'après X", "pour X, ...", "aux yeux de X", "..., selon X";

The speaker is the entity of the cue's subject (or of X); pronouns ("il", "elle",
"lui") go to the most recent compatible actor.  The content is a contiguous
span of the article text; it is direct when it is all quoted, mixed when it
holds a quoted fragment.  Modality: negated (negated cue, denial verb), hedged
(journalistic conditional, possibility modals, hedge words, anonymous sources),
reported otherwise.  Every word the rules look for comes from the language's rules.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.attrs import IS_SPACE, LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Token

from kgbuild.extract.grammar import (
    agent_phrase,
    children_of,
    clause_hedged,
    clause_negation,
    group_start,
    is_impersonal,
    is_past,
    is_subject_mention,
    lower_text,
    misread_partitive,
    morph_values,
    passive_subjects,
    pronoun_form,
    reduced_relative,
    resolve_pronoun,
    subjects_of,
    word_columns,
)
from kgbuild.extract.language import LanguageRules
from kgbuild.extract.reading import CLOSING_QUOTES as _CLOSING_QUOTES, MentionRef, Reading, SpanIndex, run_position
from kgbuild.normalize import fold_quotes
from kgbuild.types import Statement

__all__ = ["find_statements"]

_ACTOR = "Actor"
_STATE_KINDS = ("State", "Country")
_TRAILING = " \t\n.,;:!?…-–—"
# what may close the sentence of a person named after an inverted cue before a quote of theirs: a
# full stop ("a déclaré le président X. « B »"), after a role in apposition (", ministre de Y."),
# with no quote between
_ROLE_CLOSE = re.compile(r"[^«»\"“”.!?;:]*\.")
_ENDS = (".", "!", "?", ";")  # marks that end a sentence or a clause of its own
_ENDS_OR_COMMA = (*_ENDS, ",")
_GROUP_KINDS = ("Group", "Organization")
_OWN_NAMING = ("nmod", "amod", "appos", "flat:name", "nummod")  # a noun's own naming children
_LINK_POS = ("ADV", "SCONJ", "CCONJ", "DET", "AUX", "ADP", "PRON", "PUNCT")  # words that link a clause to the one before

# --- the finder ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Claim:
    speaker: MentionRef | None
    cue: str
    cue_start: int
    cue_end: int
    start: int
    end: int
    sentence: int
    modality: str
    confidence: float
    source_only: bool = False  # "selon X": X is a source, the clause may hold its own cue
    weak: bool = False  # a noun-phrase content ("nie toute implication"): none inside another's content
    sources: tuple[str, ...] = ()  # entity ids of a relayed source ("selon X cités par Y"), outermost first
    joint: bool = False  # said with the speaker of the claim before, of the same cue ("Moscou et Kiev démentent")
    role: str = ""  # the role noun of an unnamed speaker, named in the sentences after ("un porte-parole")
    relative: bool = False  # its cue is in a relative clause ("A, sur laquelle l'armée a dit enquêter")
    echo: bool = False  # a cue on what was just told ("A, ce que X dément"): claims inside A stand


@dataclass(frozen=True)
class _Cue:
    """A cue word where a frame is tried: the run's tokens, the cue's index, the first token of
    its content (``j``), its lemma, its multi-word phrase and whether it is reflexive."""

    tokens: list
    n: int
    j: int
    lemma: str
    phrase: tuple[str, int] | None
    reflexive: bool

    @property
    def next(self) -> Token:
        return self.tokens[self.j]

    @property
    def low(self) -> str:
        return lower_text(self.tokens[self.j])


class _Finder:
    def __init__(self, reading: Reading) -> None:
        self.doc, self.text, self.sentences = reading.doc, reading.text, reading.sentences
        self.tokens, self.index, self.quotes = reading.tokens, reading.index, reading.quotes
        self.skip, self.units = reading.skip, reading.units
        self.reading, self.rules = reading, reading.rules
        # (run, subject, its actor): the noun phrase that spoke last, its actor None when unnamed
        self.last_subject: tuple[int, Token, MentionRef | None] | None = None
        # (run, form, its actor): the subject pronoun of the last cue, as resolved
        self.last_pronoun: tuple[int, str, MentionRef | None] | None = None
        # role noun -> (run, token index, actor): who last spoke under that noun ("le ministre X")
        self.role_speakers: dict[str, tuple[int, int, MentionRef]] = {}
        self.claims: list[_Claim] = []  # the claims of the sentences read so far, in order
        self.role_claims: list[_Claim] = []  # claims of an unnamed role ("un porte-parole"), to name later

    # -- multi-word cues and sourcing phrases, matched once per document
    @functools.cached_property
    def phrase_columns(self) -> tuple[dict[int, list[int]], list[bool]]:
        """The document's LOWER and LEMMA hashes ({attr: [hash per token]}) and its space tokens."""
        if not len(self.doc):
            return {LOWER: [], LEMMA: []}, []
        array = self.doc.to_array([LOWER, LEMMA, IS_SPACE])
        return {LOWER: array[:, 0].tolist(), LEMMA: array[:, 1].tolist()}, array[:, 2].astype(bool).tolist()

    @functools.cached_property
    def lemma_positions(self) -> dict[str, list[int]]:
        """The indices of the document's words by lower-case lemma, in order (looked up, not
        read through, for each noun of a long article)."""
        found: dict[str, list[int]] = {}
        for t in self.tokens:
            found.setdefault(t.lemma_.lower(), []).append(t.i)
        return found

    @functools.cached_property
    def cue_phrases(self) -> dict[int, list[tuple[int, str, int]]]:
        return self.phrases_at(0, _multiword_cues(self.rules))

    @functools.cached_property
    def source_phrases(self) -> dict[int, list[tuple[int, str, int]]]:
        return self.phrases_at(1, self.rules.source_phrases)

    @functools.cached_property
    def entry_phrases(self) -> dict[int, list[tuple[int, str, int]]]:
        return self.phrases_at(2, _multiword_entries(self.rules))

    def phrases_at(self, table: int, phrases) -> dict[int, list[tuple[int, str, int]]]:
        """Where the phrases of one of ``_phrase_tables`` start in the document, in the order of
        ``phrases`` (the data's: the first listed wins)."""
        order: dict[str, int] = {}
        for n, phrase in enumerate(phrases):
            order.setdefault(phrase, n)
        return _phrases_at(_phrase_tables(self.rules)[table], *self.phrase_columns, order)

    def entry_at(self, tokens: list[Token], m: int, words) -> int | None:
        """The index of the last word of an entry of ``words`` that starts at ``m``: the word
        itself, or an entry of several words ending within ``tokens`` ("en faveur de")."""
        if lower_text(tokens[m]) in words:
            return m
        for _, phrase, last in self.entry_phrases.get(tokens[m].i, ()):
            if phrase in words and last <= tokens[-1].i:
                return m + len(_words_of(phrase)) - 1
        return None

    def cue_phrase(self, tokens: list[Token], n: int) -> tuple[str, int] | None:
        """("faire part", 1) when the cue verb at ``n`` starts a multi-word cue that ends within
        ``tokens`` (the first in data order); the int is its tokens after the first."""
        for _, phrase, last in self.cue_phrases.get(tokens[n].i, ()):
            if last <= tokens[-1].i:
                return phrase, last - tokens[n].i  # past an adverb inside it ("faisant aussi état de")
        return None

    def source_width(self, tokens: list[Token], n: int) -> int:
        """How many words the sourcing phrase starting at ``n`` spans within ``tokens`` (0: none):
        a source preposition ("selon"), else the first sourcing phrase in data order; with the
        adverbs after it ("selon toujours la même source")."""
        if lower_text(tokens[n]) in self.rules.source_prepositions:
            width = 1
        else:
            width = next((len(_words_of(phrase)) for _, phrase, last in self.source_phrases.get(tokens[n].i, ())
                          if last <= tokens[-1].i), 0)
        while width and n + width + 1 < len(tokens) and lower_text(tokens[n + width]) in self.rules.phrase_adverbs \
                and not tokens[n + width + 1].is_punct:
            width += 1
        return width

    def token_after(self, token: Token) -> Token | None:
        """The document's token after ``token`` (None at its end)."""
        return self.tokens[token.i + 1] if token.i + 1 < len(self.tokens) else None

    # -- spans
    def trim(self, start: int, end: int) -> tuple[int, int]:
        """Strip spaces and trailing punctuation; keep a closing quote whose opening is inside."""
        text = self.text
        while start < end and (text[start].isspace() or text[start] == ","):  # "précisant que, « A »"
            start += 1
        for a, b in self.quotes.near(start, start):  # content opening right after a quote mark
            if a == start - 1 and start < b < end + 2:
                start = a
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        for a, b in self.quotes.near(end, end):  # a quote left open at the end: its closing mark
            if start <= a < end <= b:
                end = b + 1
            elif a < start and b == end - 1:
                end = b  # "« qu'A »": the mark opened before the content, with its cue
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        return start, end

    def unquote(self, start: int, end: int) -> tuple[int, int, str]:
        """Content without its surrounding quote marks when it is one quote (mode direct)."""
        for a, b in self.quotes.near(start, start):
            if a == start and b == end - 1:
                s, e = a + 1, b
                while s < e and self.text[s].isspace():
                    s += 1
                while e > s and self.text[e - 1] in " \t\n,":
                    e -= 1
                return s, e, "direct"
        if any(start <= a and b < end for a, b in self.quotes.near(start, end)):
            return start, end, "mixed"
        return start, end, "indirect"

    def quote_after(self, pos: int) -> tuple[int, int] | None:
        """The quote opening after ``pos`` with nothing but white space between."""
        first = self.quotes.first_after(pos)
        if first is not None and not self.text[pos:first[0]].strip():
            return first
        return None

    def extend_over_quote(self, end: int) -> int:
        """A quote opened inside the content and closed in a later sentence: end after it."""
        for a, b in self.quotes.near(end, end):
            if a < end <= b:
                return b + 1
        return end

    # -- speakers
    def phrase_entity(self, token: Token, within: range | None = None) -> MentionRef | None:
        """The actor a subject or "selon" phrase names: its head, an apposed name, a person at its
        end, or the actor a speaking group stands for."""
        return (self.members_named_again(token) or self.index.at_token(token) or self.titled_name(token) or self.apposed_name(token, within)
                or self.apposed_person(token, within) or self.broken_phrase_person(token, within)
                or self.group_actor(token, within) or self.named_again(token)
                or self.coordinated_title(token, within))

    def members_named_again(self, token: Token) -> MentionRef | None:
        """The group bare plural members stand for ("les rebelles ont affirmé", "selon les
        paramilitaires"): the group the same noun was first given with ("les rebelles du X"),
        else the only named group of its sentence or the one before; None when the noun has a complement or
        adjective of its own, or when a named entity stands at it."""
        lemma = token.lemma_.lower()
        if lemma not in self.rules.member_anaphors or "Plur" not in morph_values(token, "Number") \
                or not _is_definite(token) or any(c.dep_ in _OWN_NAMING for c in children_of(token)):
            return None
        at = self.index.at_token(token)
        bare = (lemma, lower_text(token))
        if at is not None and at.mention.text.lower() not in bare:
            return None  # "les Houthis": a name, not members named again
        given = self.members_given_with(token)
        if given is not None or (at is not None and at.entity.label.lower() not in bare):
            return given  # else the group the entity stage took the noun for
        return self.only_group_before(token, at)

    def members_given_with(self, token: Token) -> MentionRef | None:
        """The actor the first "de" complement of the same noun named ("les rebelles du X")."""
        same = self.lemma_positions.get(token.lemma_.lower(), [])
        for t in (self.tokens[n] for n in same[:bisect_left(same, token.i)]):
            for c in children_of(t):
                ref = self.index.at_token(c) if c.dep_ in ("nmod", "appos") and c.i > t.i else None
                if ref is not None and _ACTOR in ref.entity.types and ref.entity.kind not in _STATE_KINDS:
                    return ref
        return None

    def only_group_before(self, token: Token, at: MentionRef | None) -> MentionRef | None:
        """The one non-state group named in the sentence of a token or the one before it (not a
        description such as the one at it: a name starts with a capital), else None."""
        run = self.units.run_at(token.idx)
        seen: dict[str, MentionRef] = {}
        for ref in self.index.nearest_before(token.idx):
            if run - self.units.run_at(ref.start) > 1:
                break
            if ref.entity.kind in _GROUP_KINDS and _ACTOR in ref.entity.types and ref.entity.label[:1].isupper() \
                    and (at is None or ref.entity.id != at.entity.id):
                seen.setdefault(ref.entity.id, ref)
        return next(iter(seen.values())) if len(seen) == 1 else None

    def titled_name(self, token: Token) -> MentionRef | None:
        """A title the name leaves out ("dit le Général X Y": the person X Y right after it)."""
        if lower_text(token) not in self.rules.name_titles:
            return None
        name = self.past_titles(self.tokens, token.i)  # "le lieutenant-général X" however it is cut
        ref = self.index.at_token(self.tokens[name]) if token.i < name < len(self.tokens) else None
        return ref if ref is not None and ref.entity.kind == "Person" and ref.start == self.tokens[name].idx else None

    def coordinated_title(self, token: Token, within: range | None) -> MentionRef | None:
        """The person a role coordinated with the speaker's own names, where the parse hangs that
        role elsewhere ("a indiqué le ministre de la Communication et porte-parole du gouvernement X")."""
        end = max(t.i for t in token.subtree) + 1
        if end + 1 >= len(self.tokens) or self.tokens[end].pos_ != "CCONJ":
            return None
        title = self.tokens[end + 1]
        if not _shared_title(title) or (within is not None and title.i not in within):
            return None
        ref = self.index.at_token(title)
        return ref if ref is not None and ref.start == title.idx and ref.entity.kind == "Person" else None

    def apposed_name(self, token: Token, within: range | None) -> MentionRef | None:
        """A name the parse attaches to the head ("le ministre X", "le porte-parole, X")."""
        unnamed = token.lemma_ in self.rules.unnamed_speakers
        # the head's own apposed name before a person of its complement ("le représentant adjoint
        # du secrétaire général de l'ONU en RDC X": X, not the secretary-general)
        for child in sorted(children_of(token), key=lambda c: c.dep_ not in ("appos", "flat:name")):
            if (within is None or child.i in within) and child.i > token.i and not self.acronym_before_name(token, child) \
                    and (child.dep_ in ("appos", "flat:name", "nmod", "amod") or self.comma_conjunct(child)):
                ref = self.index.at_token(child)
                if ref is not None and self.names_head(child, ref, unnamed):
                    return ref
        return self.purpose_apposed_name(token, within)

    def comma_conjunct(self, child: Token) -> bool:
        """Whether the parse reads a name apposed after a comma as a conjunct of the head ("a
        affirmé un porte-parole des rebelles, X Y": X Y, hung as "conj"): no "et" or "ou" joins it;
        `names_head` then takes a person, or a role's holder the entity stage took for a body
        (`name_of_role`)."""
        return child.dep_ == "conj" and child.pos_ == "PROPN" and self.tokens[child.i - 1].text == "," \
            and not any(c.dep_ == "cc" for c in children_of(child))

    def name_of_role(self, child: Token, ref: MentionRef) -> bool:
        """Whether a name after a comma is a role's holder though the entity stage took it for a
        body: the role is a person's (`role_nouns`), the name two or more capitalised words."""
        words = ref.mention.text.split()
        return child.head.lemma_.lower() in self.rules.role_nouns and ref.entity.kind not in _STATE_KINDS \
            and len(words) > 1 and all(w[:1].isupper() and not w.isupper() for w in words)

    def holder_named(self, subject: Token, speaker: MentionRef) -> bool:
        """Whether a role subject's speaker is the name set after it and a comma (see
        `name_of_role`), so no holder is to be looked for later."""
        at = self.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
        child = at[0] if at is not None and len(at) else None
        return child is not None and child.head.i == subject.i and self.comma_conjunct(child) \
            and self.name_of_role(child, speaker)

    def purpose_apposed_name(self, token: Token, within: range | None) -> MentionRef | None:
        """A name the parse hangs on the end of the head's purpose complement ("l'ONG de défense
        des droits humains X": X apposed to "droits"): the head's name, an actor's, when the
        complement is a bare one of `purpose_complement_nouns`."""
        purpose = next((c for c in children_of(token) if c.dep_ == "nmod" and c.i > token.i
                        and c.lemma_.lower() in self.rules.purpose_complement_nouns), None)
        if purpose is None:
            return None
        for t in purpose.subtree:
            ref = self.index.at_token(t) if t.dep_ == "appos" and (within is None or t.i in within) else None
            if ref is not None and _ACTOR in ref.entity.types and ref.start == t.idx:
                return ref
        return None

    def acronym_before_name(self, token: Token, child: Token) -> bool:
        """Whether a bracketed child of a speaker's head is the acronym of its complement, a person
        apposed after it ("un porte-parole de l'Armée X (AX), Y Z": Y Z, not AX)."""
        if self.tokens[child.i - 1].text != "(":
            return False
        return any(c.i > child.i and c.dep_ == "appos" and (ref := self.index.at_token(c)) is not None
                   and ref.entity.kind == "Person" for c in children_of(token))

    def names_head(self, child: Token, ref: MentionRef, unnamed: bool) -> bool:
        """Whether a name hung on a speaker's head is that speaker: apposed, a person, or an actor
        without a preposition ("la télévision X"); an unnamed speaker's complement only when it
        is a body ("une habitante de X" is not X)."""
        if child.dep_ in ("appos", "flat:name"):
            return True
        if child.dep_ == "conj":
            return ref.start == child.idx and (ref.entity.kind == "Person" or self.name_of_role(child, ref))
        if unnamed and self.no_body(ref):
            return False
        return ref.entity.kind == "Person" or (_ACTOR in ref.entity.types and ref.mention.method != "demonym"
                                               and not any(g.dep_ == "case" for g in children_of(child)))

    def broken_phrase_person(self, token: Token, within: range | None) -> MentionRef | None:
        """A person named in a source phrase the parse broke up ("Pour l'analyste militaire X, ...")."""
        if within is None:
            return None
        return next((ref for t in self.tokens[token.i + 1: within.stop]
                     if (ref := self.index.at_token(t)) is not None and ref.entity.kind == "Person"
                     and ref.start == t.idx and self.tokens[t.i - 1].pos_ not in ("ADP", "DET", "CCONJ")), None)

    def group_actor(self, token: Token, within: range | None) -> MentionRef | None:
        """The actor a speaking group stands for: the state a bare "le gouvernement" is about, the
        actor right after it ("a annoncé l'état-major sud-coréen", the adjective hung elsewhere),
        or the one its complement or adjective names ("les services de renseignement sud-coréens")."""
        if not self.speaks_for_others(token.lemma_):
            return None
        if token.lemma_ in self.rules.home_bodies and not any(  # "dont le régime": no complement
                c.dep_ in ("nmod", "amod", "appos", "acl", "acl:relcl") and "Rel" not in morph_values(c, "PronType")
                for c in children_of(token)):
            return self.bare_body_actor(token, within)
        unnamed = token.lemma_ in self.rules.unnamed_speakers
        if self.lone_person(token, unnamed):
            return None  # "a affirmé un haut responsable de l'armée": one unnamed person, no body
        found = ((None if unnamed else self.next_to_unless_origin(token, within))
                 or self.complement_actor(token, within, unnamed) or self.body_of_domain(token, within)
                 or self.group_named_by_complement(token, within) or self.document_author(token, within))
        return None if unnamed and _is_person(found) else found

    def next_to_unless_origin(self, token: Token, within: range | None) -> MentionRef | None:
        """The actor named right after a speaking group (``named_next_to``), unless it is the
        state a rebel noun's demonym names as the fighters' origin ("la rébellion tchadienne")."""
        ref = self.named_next_to(token, within)
        return None if ref is not None and ref.entity.kind in _STATE_KINDS and self.rebel_noun(token) else ref

    def bare_body_actor(self, token: Token, within: range | None) -> MentionRef | None:
        """The actor a body without complement stands for: the one right after it ("l'état-major
        sud-coréen"), its possessor ("son armée"), else the state the text is about."""
        return self.actor_next_to(token, within) or self.possessor(token) or self.home_state

    def possessor(self, token: Token) -> MentionRef | None:
        """The state or group a singular possessive gives a bare body ("Moscou revendique ...
        Samedi, son armée avait dit": Russia), the actor named last; None without a possessive."""
        det = next((c for c in children_of(token) if c.dep_ == "det" and "Yes" in morph_values(c, "Poss")), None)
        if det is None or "Sing" not in morph_values(det, "Number"):
            return None
        ref = self.last_actor(token)
        return ref if ref is not None and (ref.entity.kind in _STATE_KINDS or ref.entity.kind == "Group") else None

    def lone_person(self, token: Token, unnamed: bool) -> bool:
        """Whether a speaking group is one unnamed person ("un haut responsable", "une source
        militaire"): singular, indefinite, an unnamed speaker's noun or a lone official's."""
        return (unnamed or token.lemma_ in self.rules.lone_officials) and "Sing" in morph_values(token, "Number") \
            and self.indefinite(token)

    def group_named_by_complement(self, token: Token, within: range | None) -> MentionRef | None:
        """A speaking group whose "de" complement is a definite or demonstrative group noun the
        entity stage left unnamed speaks for the group the text named last ("a indiqué un
        communiqué du mouvement libanais", "affirme le porte-parole du groupe", "les chefs de
        cette guérilla")."""
        for child in children_of(token):
            if child.dep_ != "nmod" or child.i < token.i or (within is not None and child.i not in within):
                continue
            if child.lemma_.lower() in self.rules.group_anaphors and any(  # "du groupe", "de cette guérilla"
                    g.dep_ in ("case", "det") and ("Def" in morph_values(g, "Definite") or "Dem" in morph_values(
                        g, "PronType")) for g in children_of(child)) \
                    and not any(g.dep_ == "nmod" for g in children_of(child)):
                return self.last_group(child)  # not "du groupe arabe à l'ONU": a group of its own
        return None

    def document_author(self, token: Token, within: range | None) -> MentionRef | None:
        """The author of a document named past the unknown platform it was posted on ("un message
        sur Telegram du groupe Wagner affirme", the parse hanging the author on the platform) or
        as the agent of its participle ("un communiqué publié par l'armée malienne", "un bilan
        actualisé du ministère")."""
        if token.lemma_ not in self.rules.authored_nouns:
            return None
        for c in children_of(token):
            if c.i < token.i or (within is not None and c.i not in within):
                continue
            ref = None
            if c.dep_ == "nmod" and c.pos_ == "PROPN" and self.index.at_token(c) is None:
                ref = self.complement_actor(c, within, False)
            elif c.dep_ == "acl" and c.pos_ == "VERB":
                agent = self.participle_agent(c)
                ref = self.phrase_entity(agent, within) if agent is not None else None
            if ref is not None:
                return ref
        return self.document_agent(token, within)

    def participle_agent(self, participle: Token) -> Token | None:
        """The agent of a document's participle: its "par" phrase, or its "de" complement ("un
        bilan actualisé du ministère")."""
        return next((g for g in children_of(participle) if g.dep_ == "obl:agent" or g.dep_ == "obl:arg" and any(
            d.dep_ == "case" and lower_text(d) in self.rules.of_prepositions for d in children_of(g))), None)

    def document_agent(self, token: Token, within: range | None) -> MentionRef | None:
        """The agent of a document's participle the parse read as a noun ("selon un bilan
        communiqué mercredi par X"): the actor after the first agent preposition, no name or
        comma before it."""
        stop = within.stop if within is not None else min(len(self.tokens), token.i + 8)
        for t in self.tokens[token.i + 1: stop]:
            if t.text == "," or self.index.at_token(t) is not None:
                return None
            if lower_text(t) in self.rules.agent_prepositions and t.i + 1 < stop:
                ref = self.phrase_entity(t.head if t.head.i > t.i else self.tokens[t.i + 1], within)
                return ref if ref is not None and _ACTOR in ref.entity.types else None
        return None

    def speaks_for_others(self, lemma: str) -> bool:
        """Whether a noun is a speaking group, also behind a role prefix ("le vice-ministre")."""
        prefix, _, role = lemma.partition("-")
        return lemma in self.rules.speaking_groups or (
            prefix in self.rules.role_prefixes and role in self.rules.speaking_groups)

    def actor_next_to(self, token: Token, within: range | None) -> MentionRef | None:
        """An actor named right after a speaking group ("l'état-major sud-coréen")."""
        after = self.token_after(token)
        if after is None or (within is not None and after.i not in within):
            return None
        ref = self.index.at_token(after)
        return ref if ref is not None and ref.start == after.idx and _ACTOR in ref.entity.types else None

    def named_next_to(self, token: Token, within: range | None) -> MentionRef | None:
        """An actor named right after a speaking group, or in brackets closing its phrase."""
        return self.actor_next_to(token, within) or self.bracketed_name(token, within)

    def bracketed_name(self, token: Token, within: range | None) -> MentionRef | None:
        """The actor a bracketed name closing the speaking group's phrase names ("la mission
        des Nations unies en RCA (Minusca)": the Minusca, not the organisation inside)."""
        for t in self.tokens[token.i + 1: min(len(self.tokens) - 1, token.i + 10)]:
            if (within is not None and t.i not in within) or t.pos_ in ("VERB", "AUX", "PUNCT") \
                    and t.text != "(" and t.dep_ != "amod":  # "Nations unies" read as a participle
                return None
            if t.text == "(":
                ref = self.index.at_token(self.tokens[t.i + 1])
                return ref if ref is not None and _ACTOR in ref.entity.types else None
        return None

    def complement_actor(self, token: Token, within: range | None, unnamed: bool) -> MentionRef | None:
        """The actor a speaking group's complement or adjective names ("les services de
        renseignement sud-coréens"); an unnamed speaker's adjective names none ("une source
        militaire malienne")."""
        rebel = self.rebel_noun(token)
        no_adjective = unnamed or rebel  # "les forces séparatistes arméniennes": not Armenia
        for child in children_of(token):
            if self.skips_complement(token, child, within, no_adjective):
                continue
            inner_unnamed = child.lemma_ in self.rules.unnamed_speakers  # "des groupes de rebelles syriens"
            for t in (child, *(g for g in children_of(child) if (g.dep_ == "amod" and not inner_unnamed) or (
                    g.dep_ == "nmod" and g.i == child.i + 1))):  # "armée kényane" tagged PROPN, "l'ONG Acled"
                ref = self.index.at_token(t)
                if self.speaks_for(ref, unnamed, child) and not (rebel and ref.entity.kind in _STATE_KINDS):
                    return ref  # "un chef rebelle du Tchad" does not speak for Chad
        return None

    def skips_complement(self, token: Token, child: Token, within: range | None, no_adjective: bool) -> bool:
        """Whether a child of a speaking group is no complement naming whom it speaks for: out of
        the phrase, neither "de" complement nor adjective (or an adjective it may not read), a
        place ("les habitants de X")."""
        return (within is not None and child.i not in within) or child.dep_ not in ("nmod", "amod") or (
            no_adjective and child.dep_ == "amod") or self.located_by(token, child)

    def rebel_noun(self, token: Token) -> bool:
        """Whether a noun is qualified as fighting the state ("les forces séparatistes"): its
        demonym then names no state that speaks; so is a noun of an uprising ("la rébellion
        tchadienne")."""
        if token.lemma_.lower() in self.rules.uprising_nouns:
            return True
        return any(g.dep_ == "amod" and g.lemma_.lower() in self.rules.fighter_descriptions
                   for c in children_of(token) if c.dep_ == "amod" for g in (c, *children_of(c)))  # also hung on the demonym

    def located_by(self, token: Token, child: Token) -> bool:
        """Whether a group's complement only places it ("la guérilla maoïste en Inde": India does
        not speak for it); a state body's may name its state ("le gouvernement au Mali")."""
        return token.lemma_ not in self.rules.home_bodies and any(
            g.dep_ == "case" and lower_text(g) in self.rules.locative_prepositions for g in children_of(child))

    def domain_demonym(self, noun: Token, ref: MentionRef) -> bool:
        """Whether a state is named only by the demonym of a domain noun, not of a body ("une
        source de sécurité libanaise" is one person, as "une source sécuritaire libanaise")."""
        return ref.mention.method == "demonym" and not self.speaks_for_others(noun.lemma_.lower())

    def speaks_for(self, ref: MentionRef | None, unnamed: bool, noun: Token | None = None) -> bool:
        """Whether a speaker's complement names the actor it speaks for: an actor, and for an
        unnamed speaker a body ("une habitante de Gressier" speaks for no town, "un proche de X"
        not for X)."""
        return ref is not None and _ACTOR in ref.entity.types and not (unnamed and (self.no_body(ref) or (
            noun is not None and self.domain_demonym(noun, ref))))

    @staticmethod
    def no_body(ref: MentionRef) -> bool:
        """Whether an entity is a person or a place before all (a town), not a body an unnamed
        member speaks for."""
        return ref.entity.kind == "Person" or (
            "Region" in ref.entity.types and ref.entity.kind not in ("State", "Organization", "Group"))

    def body_of_domain(self, token: Token, within: range | None) -> MentionRef | None:
        """The actor at the end of a complement chain through a domain ("le ministre de la Santé
        du gouvernement du Hamas"), or named right after its last noun ("un reportage de la chaîne
        X"): a "de" chain of at most three nouns, which may cross a noun
        of a place within a body ("une source au sein de l'armée syrienne")."""
        current = token
        for _ in range(3):
            nxt = next((c for c in children_of(current) if c.dep_ == "nmod" and c.i > current.i
                        and (within is None or c.i in within) and (c.lemma_ in self.rules.within_nouns or any(
                            g.dep_ == "case" and lower_text(g) in self.rules.of_prepositions  # "de", not "à l'ONU"
                            for g in children_of(c)))), None)
            if nxt is None:
                return None
            ref = self.index.at_token(nxt) or self.demonym_of(nxt) or self.actor_next_to(nxt, within)
            if ref is not None:  # "un article du quotidien X": the name apposed to the last noun
                return self.chain_actor(token, nxt, ref)
            current = nxt
        return None

    def chain_actor(self, token: Token, noun: Token, ref: MentionRef) -> MentionRef | None:
        """The actor a complement chain ends at, if the speaker speaks for it (an unnamed one not
        for the state of a domain noun's demonym: "une source de sécurité libanaise"; a rebel
        not for the state he comes from: "un chef rebelle du Niger")."""
        unnamed = token.lemma_ in self.rules.unnamed_speakers
        if ref.entity.kind in _STATE_KINDS and self.rebel_noun(token):
            return None
        return ref if _ACTOR in ref.entity.types and not (unnamed and self.domain_demonym(noun, ref)) else None

    def demonym_of(self, noun: Token) -> MentionRef | None:
        """The state a noun of the chain names by its demonym ("l'armée de l'air ukrainienne")."""
        if noun.lemma_ in self.rules.unnamed_speakers:
            return None  # "des groupes de rebelles syriens" are not Syria
        return next((ref for c in children_of(noun) if c.dep_ == "amod" and c.i > noun.i
                     and (ref := self.index.at_token(c)) is not None and ref.mention.method == "demonym"), None)

    def named_again(self, token: Token) -> MentionRef | None:
        """A speaker named again without its name: "la même source" is who spoke last (nobody
        known if that was an unnamed source), "le communiqué" who issued it, "le groupe" or
        "le mouvement" the group the text named last."""
        lemma = token.lemma_.lower()
        if self.demonstrative_source(token):
            return self.last_claim_speaker(token)  # "a affirmé cette source (jointe depuis X)": who spoke last
        if self.has_complement(token):
            return None
        definite = _is_definite(token)
        same = any(lower_text(c) in self.rules.sameness_words for c in children_of(token))
        if definite and not same and lemma in self.rules.group_anaphors:
            return self.last_group(token)
        if lemma in self.rules.latter_words and any("Dem" in morph_values(c, "PronType") for c in children_of(token)):
            return self.last_actor(token)  # "Ce dernier a exigé": the actor named last
        if same and lemma in self.rules.speaking_groups:
            return self.last_claim_speaker(token)
        if lemma in self.rules.document_nouns:
            return self.document_speaker(token, definite)
        return self.same_role_speaker(token)

    def document_speaker(self, token: Token, definite: bool) -> MentionRef | None:
        """Who issued a document named with no author: "le communiqué", who spoke last; "...,
        selon un communiqué", who spoke in the sentence before."""
        if definite:
            issued = self.document_issuer(token)
            return issued[0] if issued is not None else self.last_claim_speaker(token)
        return self.recent_claim_speaker(token) if self.indefinite(token) else None

    def document_issuer(self, token: Token) -> tuple[MentionRef | None] | None:
        """Who spoke in the sentence that brought in a document ("..., a indiqué X dans un
        communiqué") that "le communiqué" names again ("le texte", "le document": any document
        brought in), other speakers between (« ... », ajoute le communiqué): (their speaker,),
        (None,) when that cue's speaker is unknown, None when no sentence of the eight before
        brings such a document in."""
        lemma, run = token.lemma_.lower(), self.units.run_at(token.idx)
        kinds = self.rules.authored_nouns if lemma in self.rules.generic_document_nouns else (lemma,)
        for back in range(run - 1, max(run - 9, -1), -1):
            lo, hi = self.units.span_of(*self.units.runs[back])
            around = self.doc.char_span(lo, hi, alignment_mode="expand") or ()
            if not any(t.lemma_.lower() in kinds and not _is_definite(t) and not self.quotes.inside(t.idx)
                       for t in around):
                continue
            claim = next((c for c in reversed(self.claims) if lo <= c.cue_start < hi), None)
            if claim is None and any(lo <= c.cue_start < hi for c in self.role_claims):
                return None  # "a annoncé le ministre dans un communiqué": named since, as he spoke
            return (claim.speaker if claim is not None else self.document_owner(around, kinds)),
        return None

    def document_owner(self, sentence, kinds) -> MentionRef | None:
        """Who put out a document brought in by a sentence with no claim: the "par" agent or the
        subject of the verb it hangs on ("L'information a été donnée par X dans un communiqué",
        "X a publié un communiqué"), when an actor; else None."""
        doc = next((t for t in sentence if t.lemma_.lower() in kinds and not _is_definite(t)), None)
        if doc is None or doc.head.pos_ != "VERB":
            return None
        who = next((c for dep in ("obl:agent", "nsubj") for c in children_of(doc.head) if c.dep_ == dep), None)
        ref = self.phrase_entity(who) if who is not None else None
        return ref if ref is not None and _ACTOR in ref.entity.types else None

    def recent_claim_speaker(self, token: Token) -> MentionRef | None:
        """The speaker of a claim in the sentence before a token or in its own (None otherwise)."""
        last = next((c for c in reversed(self.claims) if c.cue_start < token.idx), None)
        if last is None or not 0 <= self.units.run_at(token.idx) - self.units.run_at(last.cue_start) <= 1:
            return None
        return last.speaker

    def has_complement(self, token: Token) -> bool:
        """Whether a noun has an apposition or a "de" complement that names what it is ("le
        groupe de X"); "le ministère sur Telegram" has none."""
        return any(c.dep_ == "appos" or c.dep_ == "nmod" and any(
            g.dep_ == "case" and lower_text(g) in self.rules.of_prepositions for g in children_of(c))
            for c in children_of(token))

    def demonstrative_source(self, token: Token) -> bool:
        """ "cette source", "ce témoin", "ce haut responsable": a person who spoke, pointed at again
        (not "ce groupe", "ce texte", "ce gouvernement": those name an actor of their own)."""
        lemma = token.lemma_.lower()
        person = lemma in self.rules.unnamed_speakers or (lemma in self.rules.speaking_groups and lemma not in (
            *self.rules.group_anaphors, *self.rules.document_nouns, *self.rules.home_bodies))
        return person and any("Dem" in morph_values(c, "PronType") for c in children_of(token))

    def same_role_speaker(self, token: Token) -> MentionRef | None:
        """A bare role named again by the subject that spoke last with that role ("a déclaré un
        porte-parole militaire, le colonel X. ... le porte-parole a indiqué": X), other speakers
        between ("a écrit le ministre X. ... indique le communiqué ... a affirmé le ministre": X)."""
        lemma = token.lemma_.lower()
        if not _is_definite(token):
            return None
        if lemma in self.speakers_by_role(lemma):
            run, i, ref = self.role_speakers[lemma]
            return ref if 0 <= self.units.run_at(token.idx) - run <= 6 and i < token.i else None
        return self.titled_person_before(token) or self.described_speaker(token)

    def described_speaker(self, token: Token) -> MentionRef | None:
        """A person named again by a definite singular noun of an unnamed speaker he was never
        given as a role ("..., selon X, porte-parole des rebelles. « ... », a déclaré le
        militant"): the person who spoke in the sentence before or in the same one."""
        if token.lemma_.lower() not in self.rules.unnamed_speakers or "Sing" not in morph_values(token, "Number"):
            return None
        ref = self.recent_claim_speaker(token) or self.lone_person_speaker(token)
        return ref if ref is not None and ref.entity.kind == "Person" else None

    def lone_person_speaker(self, token: Token) -> MentionRef | None:
        """The person who spoke last, his words ending up to three sentences before a definite
        description of a person ("« ... », a affirmé le général X. <a sentence of the reporter's>
        ... « ... », a jugé l'officier saoudien"), when no other person is named between, out of
        quotes and out of what was reported."""
        last = next((c for c in reversed(self.claims) if c.cue_start < token.idx), None)
        if last is None or not _is_person(last.speaker) \
                or self.units.run_at(token.idx) - self.units.run_at(max(last.cue_start, last.end - 1)) > 3:
            return None
        between = self.index.nearest_before(token.idx, min(last.cue_start, last.start))
        if any(r.entity.kind == "Person" and r.entity.id != last.speaker.entity.id and not self.quotes.inside(r.start)
               and not self.reported_at(r.start) for r in between):
            return None
        return last.speaker

    def speakers_by_role(self, lemma: str) -> dict[str, tuple[int, int, MentionRef]]:
        """The subjects that spoke last under each role, when ``lemma`` is a speaking group's."""
        return self.role_speakers if lemma in self.rules.speaking_groups else {}

    def titled_person_before(self, token: Token) -> MentionRef | None:
        """The person named last, up to six sentences before, under the role or title a bare
        definite noun gives again ("le général X ... Le général estime", "X, un porte-parole du
        ministère ... a ajouté le porte-parole"): a title right before the name, or a role
        before or apposed after it."""
        lemma = token.lemma_.lower()
        if lemma not in self.rules.role_nouns and lemma not in self.rules.name_titles \
                or "Sing" not in morph_values(token, "Number"):
            return None
        run = self.units.run_at(token.idx)
        for ref in self.index.nearest_before(token.idx):
            if run - self.units.run_at(ref.start) > 6:
                return None
            if ref.entity.kind == "Person" and lemma in self.roles_at(ref):
                return ref
        return None

    def roles_at(self, ref: MentionRef) -> tuple[str | None, ...]:
        """The role or title nouns a person's mention stands under: the word right before it,
        a role before or apposed after it."""
        span = self.doc.char_span(ref.start, ref.end, alignment_mode="expand")
        before = self.doc[span.start - 1].lemma_.lower() if span is not None and span.start > 0 else None
        return before, self.role_before(ref), self.role_after(ref)

    def last_actor(self, token: Token) -> MentionRef | None:
        """The actor named last before a token, within the sentence before it ("..., Jimmy
        Chérisier, alias Barbecue. Ce dernier a exigé ...")."""
        lo = self.units.bounds(token)[0]
        if lo > 0:
            lo = self.units.bounds(self.tokens[lo - 1])[0]
        return next((r for r in self.index.nearest_before(token.idx, self.tokens[lo].idx) if _ACTOR in r.entity.types), None)

    def last_group(self, token: Token) -> MentionRef | None:
        """The group acting last named before a token."""
        return next((r for r in self.index.nearest_before(token.idx) if r.entity.kind == "Group"
                     and _ACTOR in r.entity.types), None)

    def last_claim_speaker(self, token: Token) -> MentionRef | None:
        """The speaker of the last claim before a token (None for an unnamed source)."""
        last = next((c for c in reversed(self.claims) if c.cue_start < token.idx), None)
        if last is None or self.unnamed_spoke_since(token, last):
            return None
        return last.speaker

    def unnamed_spoke_since(self, token: Token, last: _Claim) -> bool:
        """Whether the noun pointed at again ("cette source", "la même source") last spoke unnamed
        after the last claim with a speaker, within two sentences ("a indiqué X. « ... », a
        indiqué une source de sécurité. « ... », a ajouté cette source": nobody named, not X),
        or is that noun itself, already read as nobody named (", précisant que" after it)."""
        if self.last_subject is None:
            return False
        run, subject, ref = self.last_subject
        return ref is None and subject.lemma_.lower() == token.lemma_.lower() \
            and last.cue_start < subject.idx <= token.idx and 0 <= self.units.run_at(token.idx) - run <= 2

    def apposed_person(self, token: Token, within: range | None) -> MentionRef | None:
        """The person named at the end of a role phrase, however deep the parse hangs the name
        ("le chef de la diplomatie européenne Josep Borrell"): a person mention in the phrase
        that no preposition introduces. An unnamed speaker's phrase names someone else ("les
        partisans de l'ancien président X": not X)."""
        if token.lemma_ in self.rules.unnamed_speakers:
            return None
        for t in token.subtree:
            if t.i <= token.i or (within is not None and t.i not in within) or t.i - token.i > 12:
                continue
            ref = self.index.at_token(t)
            if ref is None or ref.entity.kind != "Person" or ref.start != t.idx:
                continue
            if _opens_other_phrase(self.tokens[t.i - 1], t):
                return None
            head = t.head
            while head.i != token.i and head.pos_ not in ("VERB", "AUX"):
                head = head.head
            return ref if head.i == token.i else None  # not the object of a clause inside the phrase
        return None

    @functools.cached_property
    def home_state(self) -> MentionRef | None:
        """The state the article is about: its dateline city's state when the text names that
        state, else the only state it names; None when it names several."""
        entities = self.reading.entities
        states = [e for e in entities if e.kind in _STATE_KINDS]
        dateline = next(self.rules.dateline_re.finditer(self.text), None)
        kb = self.reading.kb
        if dateline is not None and kb is not None:
            city = re.split(r"[,(]", dateline.group(0))[0].strip().title()
            keys = {e.country or e.capital_of for e in kb.lookup(city, self.rules.code)} - {None}
            states = [e for e in states if e.kb_id in keys] or states
        if len(states) != 1:
            return None
        state = states[0]
        return MentionRef(state, state.mentions[0])

    def speaker_of(self, token: Token | None, within: range | None = None
                   ) -> tuple[MentionRef | None, float]:
        if token is None:
            return None, 0.0
        low = pronoun_form(token)
        if is_impersonal(token, self.rules):
            return None, 0.0
        if low in self.rules.pronoun_gender and low not in self.rules.relative_pronouns:
            return self.pronoun_speaker(token, low)
        if low in self.rules.relative_pronouns:
            return self.antecedent(token), 0.85
        named = self.speaker_named_elsewhere(token, low)
        if named is not None:
            return named
        ref = self.phrase_entity(token, within)
        if ref is not None and _ACTOR not in ref.entity.types and ref.entity.kind not in _STATE_KINDS:
            return self.person_apposed_to_place(token, within)
        return ref, 1.0

    def pronoun_speaker(self, token: Token, low: str) -> tuple[MentionRef | None, float]:
        """The speaker a subject or source pronoun stands for: the subject that spoke last, the
        same pronoun's, the actor it resolves to out of quotes and reported speech, else the
        person whose words end in the sentence before ("« ... », a-t-il poursuivi. Selon lui,
        ...": the quote ran over more sentences than the pronoun's window)."""
        ref = self.last_subject[2] if self.follows_subject(token, low) else \
            self.same_pronoun(token, low) or resolve_pronoun(
                low, token.idx, self.reading, subjects_first=True, skip=self.reported_at) \
            or self.named_before_quote(token, low) or self.speaker_just_quoted(token, low)
        self.last_pronoun = (token.idx, low, ref)
        if ref is not None and ref.mention.method == "demonym" and not self.speaks_for_state(ref):
            return None, 0.0  # "des citoyens maliens ... Ils revendiquent": people, not the state
        return ref, 0.85

    def named_before_quote(self, token: Token, low: str) -> MentionRef | None:
        """The actor an inverted pronoun after a quote of several sentences stands for, read
        from the quote's opening ("X a rencontré ... « A. B. C. D », a-t-il martelé": X), the
        pronoun's window counting from there."""
        if not token.text.startswith("-"):
            return None
        close = next((t for t in reversed(self.doc[max(token.i - 5, 0):token.i])
                      if t.text in self.rules.quote_pairs.values()), None)
        opening = self.quote_opening(close.idx, -1) if close is not None else -1
        if opening < 0 or self.units.run_at(token.idx) - self.units.run_at(opening) < 2:
            return None
        return resolve_pronoun(low, opening, self.reading, subjects_first=True, skip=self.reported_at)

    def speaker_just_quoted(self, token: Token, low: str) -> MentionRef | None:
        """The person of the last claim when a singular pronoun follows the sentence its words
        end in, of no other gender (None otherwise)."""
        last = next((c for c in reversed(self.claims) if c.cue_start < token.idx), None)
        if last is None or not _is_person(last.speaker) or low in self.rules.plural_pronouns \
                or self.units.run_at(token.idx) - self.units.run_at(max(last.cue_start, last.end - 1)) > 1:
            return None
        want, has = self.rules.pronoun_gender.get(low), self.reading.genders.get(last.speaker.entity.id)
        return last.speaker if not (want and has and want != has) else None

    def speaker_named_elsewhere(self, token: Token, low: str) -> tuple[MentionRef | None, float] | None:
        """A subject whose speaker is named out of its phrase: an indefinite one by a side phrase
        ("Du côté de X, on affirme"), a definite lone official by who spoke last; else None."""
        if low in self.rules.indefinite_subjects:
            return self.side_actor(token), 0.8
        official = self.official_named_before(token) or self.bare_role_before(token)
        return (official, 0.8) if official is not None else None

    def side_actor(self, token: Token) -> MentionRef | None:
        """The actor an indefinite subject speaks for: the one named in a side phrase opening its
        sentence ("Du côté des YPG, on affirme", "Côté russe, on dément"), else nobody."""
        lo = self.units.bounds(token)[0]
        comma = next((t for t in self.tokens[lo:token.i] if t.text == ","), None)
        if comma is None or not self.text[self.tokens[lo].idx:comma.idx].lower().startswith(
                tuple(self.rules.side_openers)):
            return None
        return next((r for r in self.index.inside(self.tokens[lo].idx, comma.idx)
                     if _ACTOR in r.entity.types or r.entity.kind in _STATE_KINDS), None)

    def official_named_before(self, token: Token) -> MentionRef | None:
        """ "a lancé le responsable irakien" after a person spoke: a definite lone official with no
        complement of its own, its noun new to the text, names that person again, not the state
        of its adjective."""
        if token.lemma_.lower() not in self.rules.lone_officials or not _is_definite(token) \
                or "Sing" not in morph_values(token, "Number") or self.has_complement(token):
            return None
        if any(t.lemma_ == token.lemma_ for t in self.tokens[:token.i]):
            return None  # "un haut responsable de l'armée ... Le responsable militaire": that one
        last = self.last_claim_speaker(token)
        return last if _is_person(last) else None

    def bare_role_before(self, token: Token) -> MentionRef | None:
        """ "a précisé le ministre", "selon le gouverneur" after a person spoke: a definite singular
        role noun with nothing of its own but a state's demonym (no other adjective, no complement,
        which would name a body; "selon le ministre polonais" is the minister, not Poland) names the person who spoke last, up to three sentences back (another actor's claim
        may stand between), unless the text gives that person another role or title."""
        if token.lemma_.lower() not in self.rules.role_nouns or not _is_definite(token) \
                or "Sing" not in morph_values(token, "Number") or self.role_has_own(token):
            return None
        run = self.units.run_at(token.idx)
        last = next((c for c in reversed(self.claims) if c.cue_start < token.idx and _is_person(c.speaker)), None)
        if last is None or run - self.units.run_at(last.cue_start) > 3:
            return None
        states = {ref.entity.id for c in children_of(token) if (ref := self.state_demonym(c)) is not None}
        if self.other_role(last.speaker, token.lemma_.lower()) or self.other_state(last.speaker, states):
            return None
        return last.speaker

    def role_has_own(self, token: Token) -> bool:
        """Whether a role noun has a word of its own after it that names a body or a person (a
        complement, an adjective other than a state's demonym, an apposed name)."""
        return any(c.dep_ not in ("det", "punct") and c.i > token.i and self.state_demonym(c) is None
                   and not self.misattached(token, c) and not self.portfolio(c) for c in children_of(token))

    def portfolio(self, token: Token) -> bool:
        """Whether a role's "de" complement is the domain of its office, naming no body ("le
        ministre estonien de la Défense", "de l'Intérieur"): a capitalised noun of ``body_domains``
        no entity stands at (not "le porte-parole de la police")."""
        return token.dep_ == "nmod" and token.text[:1].isupper() and token.lemma_.lower() in self.rules.body_domains \
            and any(lower_text(g) in self.rules.of_prepositions for g in children_of(token) if g.dep_ == "case") \
            and self.index.at_token(token) is None

    def misattached(self, role: Token, child: Token) -> bool:
        """Whether a role noun's dependent is the parse's misreading of the clause after its comma
        ("Selon le ministre polonais, la formation ...": not a complement of the minister); an
        apposed name ("le ministre, X") stays the role's own."""
        comma = next((t for t in self.tokens[role.i + 1:child.i] if t.text == ","), None)
        if comma is None or any(t.pos_ == "PROPN" for t in child.subtree):
            return False  # "le porte-parole, le commissaire X"
        ref = self.index.at_token(child)
        return ref is None or ref.entity.kind != "Person"

    def state_demonym(self, token: Token) -> MentionRef | None:
        """The state an adjective after a role noun names by its demonym ("le ministre polonais"),
        else None."""
        if token.dep_ != "amod" or token.pos_ != "ADJ":
            return None
        ref = self.index.at_token(token)
        return ref if ref is not None and ref.mention.method == "demonym" and ref.entity.kind in _STATE_KINDS else None

    def other_state(self, ref: MentionRef, states: set[str]) -> bool:
        """Whether a person is named in the text right after a demonym of a state other than
        ``states`` ("le président ukrainien X": not "le ministre polonais")."""
        if not states:
            return False
        for m in ref.entity.mentions:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            before = self.state_demonym(self.doc[span.start - 1]) if span is not None and span.start > 0 else None
            if before is not None and before.entity.id not in states:
                return True
        return False

    def other_role(self, ref: MentionRef, lemma: str) -> bool:
        """Whether a person is named in the text under a role or title other than ``lemma`` ("le
        colonel X": not "le ministre")."""
        roles = {r for m in ref.entity.mentions for r in self.roles_at(MentionRef(ref.entity, m)) if r}
        return any(r != lemma and r not in self.rules.person_titles  # "M." is no role
                   and (r in self.rules.role_nouns or r in self.rules.name_titles) for r in roles)

    def person_apposed_to_place(self, token: Token, within: range | None) -> tuple[MentionRef | None, float]:
        """A subject that names a sea, a town the text does not make act is no speaker, unless a
        person is apposed to what was taken for a place ("le Guide suprême, l'ayatollah X")."""
        ref = self.apposed_name(token, within) or self.apposed_person(token, within)
        return (ref, 1.0) if ref is not None and ref.entity.kind == "Person" else (None, 0.0)

    def same_pronoun(self, pronoun: Token, form: str) -> MentionRef | None:
        """The actor the same pronoun stood for at the cue before, a sentence back (an inverted
        one, "ajoute-t-il", three): "Dans une vidéo, il affirme ... « ... », ajoute-t-il"."""
        if self.last_pronoun is None or self.last_pronoun[1] != form:
            return None
        last, _, ref = self.last_pronoun
        reach = 3 if pronoun.text.startswith("-") else 1
        if not 0 <= self.units.run_at(pronoun.idx) - self.units.run_at(last) <= reach:
            return None
        between = self.index.nearest_before(pronoun.idx, last)  # a new subject between: not the same
        return None if any(is_subject_mention(r, self.doc) for r in between) else ref

    def speaks_for_state(self, ref: MentionRef) -> bool:
        """Whether a demonym qualifies a noun that speaks for its state ("les autorités maliennes"),
        not people of that country ("des citoyens maliens")."""
        token = self.doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if token is None or not len(token):
            return True
        noun = token[0].head
        while noun.lemma_ not in self.rules.speaking_groups and noun.dep_ == "nmod" and noun.head.i < noun.i:
            noun = noun.head  # "l'armée de l'air ukrainienne": the army speaks
        head = noun.lemma_
        return token[0].pos_ != "ADJ" or (  # "les Russes"; not "des rebelles syriens"
            head in self.rules.speaking_groups and head not in self.rules.unnamed_speakers)

    def remember_subject(self, subject: Token, ref: MentionRef | None) -> None:
        """The noun phrase that last spoke ("Le porte-parole de l'armée a affirmé ... Il a ajouté");
        ``ref`` None when it names no actor ("Le chef d'état-major a estimé ..."), so a pronoun
        after it names nobody known (not the last actor)."""
        if subject.pos_ != "PRON":
            self.last_subject = (self.units.run_at(subject.idx), subject, ref)
            if ref is not None:
                self.role_speakers[subject.lemma_.lower()] = (self.units.run_at(subject.idx), subject.i, ref)

    def follows_subject(self, pronoun: Token, form: str) -> bool:
        """Whether a subject pronoun comes right after a statement whose speaker was a noun
        phrase of its gender and number, named or not: the same speaker ("Le porte-parole ...
        a affirmé que ... Il a ajouté"; "Le chef d'état-major a estimé ... « ... », a-t-il
        déclaré": nobody named, not the last actor); an inverted one ("a-t-elle ajouté") reaches
        two sentences further back, as reporters write it after a sentence of their own."""
        if self.last_subject is None:
            return False
        run, subject, ref = self.last_subject
        reach = 3 if pronoun.text.startswith("-") else 1
        if not 0 <= self.units.run_at(pronoun.idx) - run <= reach or subject.pos_ == "PRON":
            return False
        if "Plur" in morph_values(subject, "Number") and form in self.rules.plural_pronouns:
            return self.same_group(pronoun, subject)
        return self.agrees(pronoun, form, subject) and not self.person_acting_between(pronoun, subject, ref)

    def agrees(self, pronoun: Token, form: str, subject: Token) -> bool:
        """Whether a pronoun agrees with a subject in number, and in gender when both tell theirs
        (the subject's by its article when that has one: "la ministre")."""
        want = self.rules.pronoun_gender.get(form) or None
        det = next((c for c in children_of(subject) if c.dep_ == "det" and morph_values(c, "Gender")), None)
        gender = morph_values((det or subject), "Gender")
        plural = "Plur" in morph_values(subject, "Number")
        return not ((want and gender and want not in gender) or plural != ("Plur" in morph_values(pronoun, "Number")))

    def person_acting_between(self, pronoun: Token, subject: Token, ref: MentionRef | None) -> bool:
        """Whether another person acts as a subject between the last speaker and a singular
        pronoun, out of quotes ("X a annoncé ... reçus par le maire, Y, qui a salué ... « ... »,
        a-t-il déclaré": Y) and out of what was reported ("X a promis que Y pourrait revenir.
        « ... », a-t-il dit": X still speaks)."""
        between = self.index.nearest_before(pronoun.idx, subject.idx + len(subject.text))
        return any(r.entity.kind == "Person" and (ref is None or r.entity.id != ref.entity.id)
                   and is_subject_mention(r, self.doc) and not self.quotes.inside(r.start)
                   and not self.reported_at(r.start) for r in between)

    def reported_at(self, pos: int) -> bool:
        """Whether an offset lies in the content of one of the last claims read (reported speech,
        quoted or not), those held to name an unnamed role later included ("le porte-parole du
        groupe, X, a déclaré que les Tigres ... Il a ajouté": not the Tigres)."""
        return any(c.start <= pos < c.end for c in (*self.claims[-6:], *self.role_claims[-3:]))

    def same_group(self, pronoun: Token, subject: Token) -> bool:
        """Whether a plural pronoun stands for the plural subject that spoke last, of either
        gender ("Les Forces ... ont déclaré ... « ... », ont-ils ajouté"): no other subject
        between them, out of quotes."""
        between = self.index.nearest_before(pronoun.idx, subject.idx + len(subject.text))
        return not any(is_subject_mention(r, self.doc) and not self.quotes.inside(r.start) for r in between)

    def cue_speaker(self, cue: Token) -> tuple[MentionRef | None, float]:
        """The speaker of a cue verb (``subject_speaker``), never the one it accuses ("Ils
        accusent le Hamas d'utiliser des civils": not the Hamas, whatever "ils" stands for)."""
        ref, factor = self.subject_speaker(cue)
        if ref is not None and cue.lemma_.lower() in self.rules.accusation_cues and any(
                c.dep_ == "obj" and (o := self.index.at_token(c)) is not None and o.entity.id == ref.entity.id
                for c in children_of(cue)):
            return None, 0.0
        return ref, factor

    def subject_speaker(self, cue: Token) -> tuple[MentionRef | None, float]:
        """The speaker of a cue verb: the first of its subject candidates that names an actor.
        A passive cue's subject is who is spoken to or about ("X est accusé de", "les habitants
        sont invités à"): its speaker is the agent ("par Y") or unknown."""
        own, cue = cue, self.clause_verb(cue)
        cue = self.coordinated_reporter(cue) or cue
        early = self.speaker_out_of_parse(cue, own)
        if early is not None:
            return early
        named = self.name_apposed_to_description(cue)
        if named is not None:
            self.remember_subject(cue, named)
            return named, 0.85
        subjects = subjects_of(cue, self.rules)
        misplaced = self.subject_misplaced(cue)
        if misplaced:  # "A est « B », a-t-il ajouté": not A's noun
            subjects = [s for s in subjects if s.i > cue.i]
        found = self.parsed_speaker(cue, own, subjects)
        if found is not None:
            return found
        if self.reads_inverted(cue, own, misplaced, subjects):
            # "a-t-il déclaré, ajoutant que", "a ajouté le porte-parole, précisant que"
            ref, factor = self.speaker_of(self.inverted_subject(cue))
            if ref is None and cue is not own:
                ref, factor = self.inverted_before(cue, own)
            if ref is not None:
                return ref, factor
        if subjects:
            return None, 0.0
        return self.unparsed_subject(cue)

    #: how many words an indefinite description opening a sentence before a name may span
    _DESCRIPTION_REACH = 12

    def name_apposed_to_description(self, cue: Token) -> MentionRef | None:
        """The actor named between commas right after an indefinite singular description that
        opens the cue's sentence, however the parse hangs the two ("Une alliance de rebelles,
        l'Union X (UX), a revendiqué"; "Un autre mouvement, le Y, se montrant « surpris », a
        démenti": the named actor, not the description's demonym); None otherwise."""
        last = group_start(cue)
        comma = self.description_comma(cue, last)
        if comma is None:
            return None
        n = comma + 1 + (self.tokens[comma + 1].pos_ == "DET")
        ref = self.index.at_token(self.tokens[n]) if n < last else None
        if ref is None or ref.start != self.tokens[n].idx or _ACTOR not in ref.entity.types \
                or ref.mention.method == "demonym":
            return None
        end = self.doc.char_span(ref.start, ref.end, alignment_mode="expand").end
        return ref if self.closes_apposition(end, last) else None

    def description_comma(self, cue: Token, last: int) -> int | None:
        """The comma closing an indefinite singular description with no finite verb that opens
        the sentence of a cue whose verb group starts at ``last`` ("Une alliance de rebelles,"),
        also where the parse joined that sentence to the one before; None otherwise."""
        lo = self.units.bounds(cue)[0]
        # the marks of a title's end (``_SENTENCE_ENDS``, the colon included) end a sentence the
        # parse may have joined to the next one
        lo = max([lo, *(m for m in range(lo + 1, last) if self.tokens[m - 1].text in _SENTENCE_ENDS)])
        first = self.tokens[lo]
        if first.pos_ != "DET" or "Ind" not in morph_values(first, "Definite") \
                or "Sing" not in morph_values(first, "Number"):
            return None
        reach = min(last, lo + self._DESCRIPTION_REACH)
        comma = next((m for m in range(lo + 1, reach) if self.tokens[m].is_punct), None)
        if comma is None or self.tokens[comma].text != "," or any(
                "Fin" in morph_values(t, "VerbForm") for t in self.tokens[lo:comma]):
            return None
        return comma

    def closes_apposition(self, end: int, last: int) -> bool:
        """Whether a name ending at ``end`` closes an apposition before the verb group at
        ``last``: a comma after it (past a bracketed acronym), then the group or a participle
        aside with no finite verb ("le Y, se montrant « surpris », a démenti")."""
        if end < last and self.tokens[end].text == "(":
            end = next((m + 1 for m in range(end, min(last, end + 8)) if self.tokens[m].text == ")"), last)
        if end >= last or self.tokens[end].text != "," or self.tokens[last - 1].text != ",":
            return False
        aside = self.tokens[end + 1:last - 1]
        return len(aside) <= 8 and not any("Fin" in morph_values(t, "VerbForm") for t in aside)

    def coordinated_reporter(self, cue: Token) -> Token | None:
        """The speech verb a subjectless cue is coordinated with when the parse hangs it on the
        verb of that verb's "que" clause ("X a assuré que l'UFR avait grandi et a promis que B":
        X promised, not the UFR): the cue has the speech verb's tense auxiliary, not the clause
        verb's; None otherwise."""
        head = cue.head
        if cue.dep_ != "conj" or any(c.dep_.startswith("nsubj") for c in children_of(cue)):
            return None
        reporter = self.reporter_of_clause(head)
        tense = _auxiliaries(cue)
        return reporter if reporter is not None and tense and tense == _auxiliaries(reporter) != _auxiliaries(head) \
            else None

    def reporter_of_clause(self, verb: Token) -> Token | None:
        """The cue verb a "que" clause's verb is said through, one or two links above it."""
        if verb.dep_ not in ("ccomp", "advcl") or verb.head.i == verb.i or not any(
                c.pos_ == "SCONJ" and lower_text(c) in self.rules.complementizers for c in children_of(verb)):
            return None
        cues = _cue_lemmas(self.rules)
        return next((a for a in list(verb.ancestors)[:2] if a.lemma_ in cues and a.i < verb.i), None)

    @staticmethod
    def reads_inverted(cue: Token, own: Token, misplaced: bool, subjects: list[Token]) -> bool:
        """Whether a cue's speaker may be read after it: a participle's main cue ("a-t-il déclaré,
        ajoutant que") with no subject of its own before it ("Le chef a appelé les insurgés à ...
        en accusant": not the insurgents), a misplaced subject, an inverted pronoun."""
        if cue is not own and any(t.i < cue.i for t in subjects):
            return False
        return cue is not own or misplaced or any(c.text.startswith("-") and c.pos_ == "PRON" for c in children_of(cue))

    def absolute_subject(self, cue: Token) -> MentionRef | None:
        """The person of an absolute participle clause set after the main one ("La Russie a
        balayé les craintes, le porte-parole du Kremlin, Dmitri Peskov, assurant que"): the
        person or role the participle hangs on, opened by a comma after the main verb."""
        head = cue.head
        if not _present_participle(cue) or head.pos_ not in ("NOUN", "PROPN") or not head.i < cue.i:
            return None
        root = head
        while root.dep_ in ("appos", "flat:name") and root.head.i < root.i:
            root = root.head
        if not self.phrase_after_main(root):
            return None
        ref = self.speaker_of(root)[0]
        person = ref is not None and ref.entity.kind == "Person"
        return ref if person or (ref is not None and root.lemma_.lower() in self.rules.role_nouns) else None

    def phrase_after_main(self, root: Token) -> bool:
        """Whether a noun phrase opens after a comma past the main verb, neither its subject nor
        its object (also a conjunct the parse made of it)."""
        first = root.left_edge.i + (root.left_edge.text == ",")
        main = next((a for a in root.ancestors if a.pos_ in ("VERB", "AUX")), None)
        return first >= 2 and self.tokens[first - 1].text == "," and not root.dep_.startswith(("nsubj", "obj")) \
            and main is not None and main.i < first

    def subject_misplaced(self, cue: Token) -> bool:
        """Whether the subjects the parse sets before a cue are the content's nouns ("A est « B »,
        a-t-il ajouté"; "A est une réponse à B, ont affirmé mardi les Gardiens"): an inverted
        pronoun joins the cue, or the cue follows a comma, its subjects before it name no actor
        and an actor follows it."""
        if self.hyphen_pronoun(cue) is not None:
            return True
        first = group_start(cue)
        if first < 1 or self.doc[first - 1].text != "," or self.spoken_about(cue):
            return False
        if not self.subjects_in_content(cue, first):
            return False
        after = self.inverted_subject(cue)
        ref = self.speaker_of(after)[0] if after is not None else None
        if ref is None:
            return False
        end = self.doc.char_span(ref.start, ref.end, alignment_mode="expand")
        # the speaker closes the clause ("..., ont affirmé X, qui"; "a annoncé X dans un bilan"),
        # not "ont poussé X à agir"
        return end is not None and (end.end >= len(self.doc) or self.doc[end.end].is_punct
                                    or self.cue_adjunct(self.doc[end.end], cue))

    def cue_adjunct(self, token: Token, cue: Token) -> bool:
        """Whether a preposition opens an adjunct of the cue itself ("dans un communiqué") that
        runs to the end of the clause."""
        noun = token.head
        if token.pos_ != "ADP" or noun.head.i != cue.i or not noun.dep_.startswith("obl"):
            return False
        last = noun.right_edge.i + 1
        return last >= len(self.doc) or self.doc[last].is_punct

    def parsed_speaker(self, cue: Token, own: Token, subjects: list[Token]) -> tuple[MentionRef | None, float] | None:
        """The first of a cue's parsed subjects that names an actor; (None, 0.0) at the cue's own
        noun subject naming none ("puis les jihadistes déclarent"); None when no subject decides."""
        for subject in subjects:
            ref, factor = self.apposed_holder(subject) or self.speaker_of(subject)
            if ref is None and subject.pos_ == "NOUN":
                ref, factor = self.name_before_apposition(subject) or self.named_conjunct(subject), 0.85
            if ref is not None:
                self.remember_subject(subject, ref)
                return ref, factor
            if cue is own and subject.head.i == cue.i and subject.pos_ == "NOUN" \
                    and not self.coordinated_subject_after(subject, subjects):
                if subject.i < cue.i:
                    self.remember_subject(subject, None)
                return None, 0.0  # its own subject, unnamed
        return None

    def apposed_holder(self, subject: Token) -> tuple[MentionRef, float] | None:
        """The person named right before a role the parse took for the subject ("X, un
        porte-parole du groupe Y, a nié": X, not the group), or set after a noun subject as a
        second subject (``holder_after_role``); None for other subjects."""
        if subject.pos_ != "NOUN":
            return None
        named = self.name_before_apposition(subject) if self.role_noun(subject) else None
        if named is None or named.entity.kind != "Person":
            named = self.holder_after_role(subject)
        return (named, 0.85) if named is not None and named.entity.kind == "Person" else None

    def holder_after_role(self, subject: Token) -> MentionRef | None:
        """The person named alone between the last two commas before the verb group of a noun
        subject, however the parse hangs the name ("Le secrétaire du ministère de X et de Y,
        Z W, a déclaré": Z W, not the ministry)."""
        last = group_start(subject.head)
        if subject.head.i < subject.i or self.tokens[last - 1].text != ",":
            return None
        comma = next((k for k in range(last - 2, subject.i, -1) if self.tokens[k].text == ","), None)
        name = self.past_titles(self.tokens, comma + 1) if comma is not None else last
        ref = self.index.at_token(self.tokens[name]) if name < last - 1 else None
        if ref is None or ref.start != self.tokens[name].idx or ref.entity.kind != "Person":
            return None
        return ref if self.doc.char_span(ref.start, ref.end, alignment_mode="expand").end == last - 1 else None

    def coordinated_subject_after(self, subject: Token, subjects: list[Token]) -> bool:
        """Whether another subject of the same verb follows an unnamed one across a conjunction
        ("des ONG locales et l'ONU dénoncent": the ONU speaks)."""
        return any(s.i > subject.i and s.head.i == subject.head.i and any(
            t.pos_ == "CCONJ" for t in self.tokens[subject.i + 1:s.i]) for s in subjects)

    def named_conjunct(self, subject: Token) -> MentionRef | None:
        """The actor named after a conjunction in an unnamed subject's phrase, however deep the
        parse hangs it ("Les associations de défense des droits humains et Amnesty International
        dénoncent"; not "les habitants de Goma et de Bukavu")."""
        for t in subject.subtree:
            if t.i <= subject.i + 1 or t.dep_ != "conj" or self.tokens[t.i - 1].pos_ != "CCONJ":
                continue
            ref = self.index.at_token(t)
            if ref is not None and ref.start == t.idx and self.speaks_for(ref, True):
                return ref
        return None

    def name_before_apposition(self, subject: Token) -> MentionRef | None:
        """The actor named right before an indefinite description the parse took for the subject
        ("les Shebab, un groupe armé affilié à Al-Qaïda, ont revendiqué": the Shebab)."""
        det = next((c for c in children_of(subject) if c.dep_ == "det" and c.i < subject.i), None)
        if det is None or "Ind" not in morph_values(det, "Definite") or "Sing" not in morph_values(det, "Number"):
            return None  # "Visés par des tirs X, des hélicoptères ont riposté": no apposition
        if det.i < 2 or self.tokens[det.i - 1].text != ",":
            return None
        ref = self.index.at_token(self.tokens[det.i - 2])
        if ref is None or _ACTOR not in ref.entity.types or ref.mention.method == "demonym":
            return None
        first = self.doc.char_span(ref.start, ref.end, alignment_mode="expand")[0]
        before = self.tokens[first.i - 1] if first.i else None  # the name opens its phrase
        return ref if before is None or before.pos_ in ("DET", "PUNCT", "SPACE") else None  # or opens a paragraph

    def spoken_about(self, cue: Token) -> bool:
        """Whether a cue is passive, its subject spoken to or about ("les Houthis, accusés de"; not
        "a de son côté dénoncé", a tense the parse split, nor "X est convaincu que")."""
        passive = any(c.dep_ == "aux:pass" for c in children_of(cue)) or (
            reduced_relative(cue) and cue.head.pos_ in ("NOUN", "PROPN")
            and cue.head.head.lemma_.lower() not in self.rules.auxiliaries and not self.split_tense(cue)) \
            or self.participle_after_noun(cue)
        return passive and cue.lemma_.lower() not in self.rules.belief_participles

    #: how far back an auxiliary of a cue's compound tense may stand
    _AUX_REACH = 8

    def participle_after_noun(self, cue: Token) -> bool:
        """Whether a cue is a past participle right after a noun, with no auxiliary before it in
        its sentence, which the parse made a main verb: it describes that noun ("le chef du
        groupe accusé de ces pillages a été interpellé": accused, not accusing)."""
        if "Part" not in morph_values(cue, "VerbForm") or "Past" not in morph_values(cue, "Tense") \
                or cue.i < 1 or self.tokens[cue.i - 1].pos_ not in ("NOUN", "PROPN"):
            return False
        lo = max(self.units.bounds(cue)[0], cue.i - self._AUX_REACH)
        return not any(c.dep_.startswith("aux") for c in children_of(cue)) and not any(
            t.lemma_ in self.rules.auxiliaries for t in self.tokens[lo:cue.i])

    def unparsed_subject(self, cue: Token) -> tuple[MentionRef | None, float]:
        """A cue the parse gives no subject: the nearest actor before it that no preposition
        governs, unless another verb stands between them."""
        lo = self.units.bounds(cue)[0]
        aside = self.participle_aside_before(cue, lo)
        hidden = _aside_tokens(self.tokens[lo:group_start(cue)])
        for ref in self.index.nearest_before(cue.idx, self.tokens[lo].idx):
            if _ACTOR not in ref.entity.types or self.quotes.inside(ref.start) or ref.start >= aside:
                continue
            before = self.doc.char_span(ref.start, ref.end, alignment_mode="expand")
            if before.start in hidden:
                continue
            k = before.start - 1
            while k >= lo and self.tokens[k].pos_ == "DET":
                k -= 1
            if k >= lo and self.tokens[k].pos_ == "ADP":
                continue
            if self.verb_between(before.end, cue.i):
                return None, 0.0  # another verb has the actor: it is not this cue's
            self.remember_subject(before.root, ref)
            return ref, 0.7
        return None, 0.0

    def participle_aside_before(self, cue: Token, lo: int) -> int:
        """Where a participle or relative aside right before a cue's group opens ("X, soutenus par
        Y comme Z, ont prévenu", "X, qui accuse Y, a indiqué": neither Y nor Z speaks), else the
        cue's own offset."""
        first = group_start(cue)
        if first - 1 <= lo or self.tokens[first - 1].text != ",":
            return cue.idx
        opening = next((m for m in range(first - 2, lo, -1) if self.tokens[m].text == ","), None)
        after = self.tokens[opening + 1] if opening is not None else None
        if after is not None and pronoun_form(after) in self.rules.relative_pronouns:
            return self.tokens[opening].idx  # "X, qui accusent Y de soutenir Z, ont indiqué": nor Y nor Z
        if after is None or after.pos_ != "VERB" or "Part" not in morph_values(after, "VerbForm") \
                or "Pres" in morph_values(after, "Tense"):
            return cue.idx
        return self.tokens[opening].idx

    def speaker_out_of_parse(self, cue: Token, own: Token) -> tuple[MentionRef | None, float] | None:
        """A speaker found before the cue's subjects are read, or None to read them: the
        inverted subject for a participle after an inverted cue ("A, a ajouté le porte-parole,
        précisant que"), the agent of a passive cue, the noun the parse missed in a relative
        clause ("X, bastion rebelle dont le régime a dit")."""
        if self.relays_speaker_before(own):
            return None, 0.0  # "« ... », a déclaré X, rapporte l'agence Y": Y relays X
        absolute = self.absolute_subject(own)
        if absolute is not None:
            return absolute, 0.85
        clause = cue if cue is not own else own.head  # "précisant" hung on the clause as it may
        if "Part" in morph_values(own, "VerbForm") and clause is not own and self.inverted_cue_between(clause, own):
            ref, factor = self.inverted_before(clause, own)
            if ref is not None:
                return ref, factor
        if cue is not own and self.after_content(cue):  # "« ... », a déclaré X, précisant que": X
            ref, factor = self.speaker_of(self.inverted_subject(cue))
            if ref is not None:
                return ref, factor
        if self.spoken_about(cue):
            agent = self.passive_agent(cue)
            return self.speaker_of(agent) if agent is not None else (None, 0.0)
        misread = self.relative_clause_subject(cue)
        return self.speaker_of(misread) if misread is not None else None

    def passive_agent(self, cue: Token) -> Token | None:
        """The agent of a passive cue, also when the parse hangs it on an adjunct right after the
        cue ("a été revendiquée jeudi par X", "a été revendiqué dans un communiqué par Y")."""
        agent = agent_phrase(cue, self.rules)
        for adjunct in self.adjuncts_after(cue) if agent is None else ():
            agent = agent_phrase(adjunct, self.rules) or next((c for c in children_of(adjunct) if c.dep_ == "nmod" and any(
                g.dep_ == "case" and lower_text(g) in self.rules.agent_prepositions for g in children_of(c))), None)
            if agent is not None:
                break
        return agent

    def split_tense(self, cue: Token) -> bool:
        """Whether a participle's perfect auxiliary hangs on the noun of an adverbial phrase
        before it ("a au contraire reproché": the parse's "contraire")."""
        return any(c.lemma_.lower() in self.rules.perfect_auxiliaries and c.i < cue.i
                   and "Fin" in morph_values(c, "VerbForm") for c in children_of(cue.head))

    def relays_speaker_before(self, cue: Token) -> bool:
        """Whether a cue right after another inverted cue's speaker relays it ("« ... », a
        déclaré M. X, rapporte l'agence Y"): Y says nothing of its own there (a participle there,
        "a déclaré X, précisant que", is X's own)."""
        if "Part" in morph_values(cue, "VerbForm"):
            return False
        first = group_start(cue)
        if first < 3 or self.tokens[first - 1].text != ",":
            return False
        if self.quote_of_colon_cue(self.tokens[first - 2]):
            return True  # "X a déclaré : « ... », rapporte le journal Y": Y relays X
        ref = self.index.at_token(self.tokens[first - 2])
        if ref is None:
            return False
        before = self.doc.char_span(ref.start, ref.end, alignment_mode="expand").start - 1
        return before > 0 and self.tokens[before].lemma_ in self.rules.speech_verbs \
            and self.after_content(self.tokens[before])

    def named_after_inverted(self, last: Token) -> bool:
        """Whether a word ends the named speaker of an inverted cue ("« ... », a déclaré X"), so
        that a source phrase after it ("..., a déclaré X, selon un communiqué de Y") relays X."""
        ref = self.index.at_token(last)
        if ref is None:
            return False
        before = self.doc.char_span(ref.start, ref.end, alignment_mode="expand").start - 1
        while before > 0 and self.tokens[before].pos_ in ("DET", "NOUN", "ADJ", "ADV"):
            before -= 1  # "lance le colonel X": the title before the name
        return before > 0 and self.tokens[before].lemma_ in self.rules.speech_verbs \
            and self.after_content(self.tokens[before])

    def quote_of_colon_cue(self, closing: Token) -> bool:
        """Whether a closing quote mark ends a quote that a speech verb and a colon open
        ("X a déclaré : « ... »")."""
        if closing.text not in self.rules.quote_pairs.values():
            return False
        pair = next(((a, b) for a, b in self.quotes.near(closing.idx, closing.idx) if a < closing.idx <= b), None)
        if pair is None:
            return False
        opening = self.doc.char_span(pair[0], pair[0] + 1, alignment_mode="expand")
        o = opening.start if opening is not None else 0
        return o >= 2 and self.tokens[o - 1].text == ":" and self.tokens[o - 2].lemma_ in self.rules.speech_verbs

    def after_content(self, verb: Token) -> bool:
        """Whether a verb's group comes right after a comma or a closing quote with no subject
        before it (an inverted cue; not "Le chef, X, a accusé Y, ...")."""
        first = group_start(verb)
        closing = self.rules.quote_pairs.values()
        if first < 1 or self.tokens[first - 1].text not in (",", *closing):
            return False
        if first > 1 and self.tokens[first - 2].text in closing:
            return True  # "», a déclaré X": whatever subject the parse took inside the quote
        # "a-t-il déclaré": "-t" is no subject before it
        return not any(c.dep_.startswith("nsubj") and c.i < verb.i and not c.text.startswith("-")
                       for c in children_of(verb))

    def relative_clause_subject(self, cue: Token) -> Token | None:
        """The noun right before a cue's verb group in a relative clause, when the parse took a
        noun before the relative pronoun for the subject ("X, bastion rebelle dont le régime a
        dit ...": the parse says X)."""
        first = group_start(cue)
        if first < 3:
            return None
        noun, det, rel = self.tokens[first - 1], self.tokens[first - 2], self.tokens[first - 3]
        if noun.pos_ != "NOUN" or det.pos_ != "DET" or "Rel" not in morph_values(rel, "PronType"):
            return None
        parsed = [c for c in children_of(cue) if c.dep_ == "nsubj"]
        return noun if parsed and all(c.i < rel.i for c in parsed) else None

    def inverted_cue_between(self, clause: Token, participle: Token) -> bool:
        """Whether an inverted cue hangs between a clause and a participle that follows it, with
        a comma before the participle ("A, a ajouté X, précisant que")."""
        before = self.tokens[participle.i - 1] if participle.i else None
        return before is not None and before.text == "," and any(
            t.head.i == clause.i and self.cue_lemma(t, None) is not None
            and (t.dep_ == "parataxis" or t.dep_ == "advcl" and self.after_content(t))
            for t in self.doc[clause.i + 1: participle.i])

    def subjects_in_content(self, cue: Token, first: int) -> bool:
        """Whether the parse sets subjects before a cue that name no actor, or only clauses with a
        finite verb of their own ("Trois soldats de X ont été tués ..., a annoncé X")."""
        before = [s for s in subjects_of(cue, self.rules) if s.i < cue.i]
        return bool(before) and not any(
            self.speaker_of(s)[0] is not None and not self.finite_between(s.i, first) for s in before)

    def finite_between(self, first: int, last: int) -> bool:
        """Whether a finite verb of its own stands between two token indexes."""
        return any("Fin" in morph_values(t, "VerbForm") for t in self.doc[first + 1:last])

    def verb_between(self, first: int, last: int) -> bool:
        """Whether a full verb stands between two token indexes, an aside apart ("X, lié à Y,
        affirme"; "X (Y), lié à Z, a revendiqué")."""
        gap = [t for t in _outside_asides(list(self.doc[first:last])) if t.text != ")"]
        while gap and gap[-1].dep_.startswith("aux"):
            gap.pop()
        aside = len(gap) > 2 and gap[0].text == "," and gap[-1].text == ","
        return not aside and any(t.pos_ == "VERB" and t.lemma_ not in self.rules.auxiliaries for t in gap)

    def inverted_before(self, clause: Token, participle: Token) -> tuple[MentionRef | None, float]:
        """The inverted subject of the cue between a clause and a participle hung on the clause
        ("A, a fait valoir X, assurant que": X assures)."""
        for t in reversed(self.tokens[clause.i + 1: participle.i]):
            if self.cue_lemma(t, None) is None:
                continue
            phrase = self.cue_phrase(self.tokens, t.i)
            return self.speaker_of(self.inverted_subject(self.tokens[t.i + phrase[1]] if phrase else t))
        return None, 0.0

    def clause_verb(self, cue: Token) -> Token:
        """The verb whose subject says a cue: the cue itself, or for "..., estimant que" (a
        present participle after a comma) the main verb, wherever the parser hung it."""
        k, marked = self.participle_opening(cue)
        above = self.verb_above(cue, k)
        if above is not None:
            return above
        if not self.participle(cue) or k < 0 or cue.dep_.startswith("nsubj") or not (
                marked or self.tokens[k].text == "," or self.tokens[k].pos_ == "CCONJ"):
            return self.issuing_verb(cue)
        head = cue.head
        while head.i != head.head.i and (head.pos_ not in ("VERB", "AUX") or head.dep_ == "acl"):
            head = head.head  # past a reduced relative too ("a condamné le raid mené contre X, le qualifiant")
        head = self.out_of_quote(self.governing_verb(head), cue)
        return head if head.i < cue.i and head.pos_ in ("VERB", "AUX", "ADJ") else cue  # ADJ: a quoted « exigé »

    def out_of_quote(self, head: Token, cue: Token) -> Token:
        """The verb a participle set after a closing quotation mark joins: not a verb of the quoted
        words the parse hangs it on ("a souligné que « le soutien à X, le Front Y, ne signifie
        rien », ajoutant que": who stressed, not the Front), but the first verb above them outside
        the quotation; the verb itself when the participle is quoted too or none is found."""
        if not self.quotes.inside(head.idx) or self.quotes.inside(cue.idx):
            return head
        return next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX") and a.i < cue.i
                     and not self.quotes.inside(a.idx)), head)

    def verb_above(self, cue: Token, k: int) -> Token | None:
        """The verb whose subject says a cue that has none of its own, found before the cue's frame:
        the cue a subjectless coordinated cue joins ("X a indiqué que A et a souligné que B"), the
        main verb after a participle that opens its sentence ("Décrivant le front comme « ... »,
        le gouverneur a annoncé"); else None."""
        if cue.dep_ == "conj" and cue.head.i < cue.i and self.joins_cue_above(cue):
            return self.coordinated_above(cue)
        lo, hi = self.units.bounds(cue)
        if not self.participle(cue) or not all(t.is_space for t in self.tokens[lo:k + 1]):
            return None  # not a participle with nothing before it but spaces
        if cue.head.i > cue.i and cue.head.pos_ in ("VERB", "AUX"):
            return cue.head
        return next((t for t in self.tokens[cue.i + 1:hi] if t.pos_ == "VERB" and any(  # hung on the sentence before
            c.dep_ == "nsubj" and c.i > cue.i for c in children_of(t))), None)

    def issuing_verb(self, cue: Token) -> Token:
        """The verb that issues the document a participle cue describes, whose subject says it:
        the document its object ("a signé un arrêté précisant que") or in a complement ("a
        revendiqué l'embuscade dans un message sur Telegram soulignant que"); else the cue."""
        noun = self.document_before(cue) if _present_participle(cue) else None
        if noun is None:
            return cue
        verb = noun.head
        if verb.pos_ != "VERB" or not verb.i < noun.i < cue.i:
            return cue
        if noun.dep_ == "obj":
            return verb if verb.lemma_ in self.rules.issuing_verbs else cue
        return verb if noun.dep_.startswith("obl") else cue

    def document_before(self, cue: Token) -> Token | None:
        """The document noun a participle cue describes, as the parse hangs it: the cue's head, or
        the verb's complement that ends right before the cue; past a platform between them ("un
        message sur Telegram soulignant")."""
        if cue.dep_ == "advcl":
            noun = next((c for c in children_of(cue.head) if c.right_edge.i == cue.i - 1 and c.i < cue.i), None)
        else:
            noun = cue.head if cue.dep_ == "acl" else None
        while noun is not None and noun.lemma_ not in self.rules.authored_nouns and noun.dep_ == "nmod" \
                and noun.head.i < noun.i:
            noun = noun.head
        return noun if noun is not None and noun.lemma_ in self.rules.authored_nouns else None

    def relative_object(self, verb: Token) -> bool:
        """Whether a verb's object is a relative "que" before it ("ces accusations, qu'il a
        qualifiées de « politiques »", also parsed as a marker): what it qualifies is the noun
        before, a comment, not a claim."""
        return any(c.i < verb.i and ("Rel" in morph_values(c, "PronType") and c.dep_ == "obj"
                                     or lower_text(c) in self.rules.complementizers) for c in children_of(verb))

    def participle(self, cue: Token) -> bool:
        """Whether a cue is a present participle, also where the tagger gave another verb form
        or a noun ("qualifiant" read as a future, "les qualifiant" as a noun): by its ending."""
        return _present_participle(cue) or (
            cue.pos_ in ("VERB", "NOUN") and bool(self.rules.participle_endings)
            and lower_text(cue).endswith(tuple(self.rules.participle_endings)))

    def participle_opening(self, cue: Token) -> tuple[int, bool]:
        """The token before a participle's own object clitics and gerund marker ("..., la
        qualifiant de", "en déclarant", "et affirmant"), and whether a gerund marker stood there:
        a gerund's subject is the main verb's, with or without a comma."""
        k = cue.i - 1
        while k > 0 and lower_text(self.tokens[k]) in self.rules.object_clitics and self.tokens[k].head.i == cue.i:
            k -= 1  # "la qualifiant de « violation »"
        marked = k > 0 and (self.tokens[k].dep_ == "mark" and self.tokens[k].head.i == cue.i
                            or lower_text(self.tokens[k]) in self.rules.gerund_markers and k == cue.i - 1)
        return (k - 1, True) if marked else (k, False)  # "..., en relevant que": the gerund's marker

    def joins_cue_above(self, cue: Token) -> bool:
        """Whether a coordinated cue with no subject of its own joins the cue above: none to
        inherit, or one inherited from the content it is hung on ("X a indiqué que le groupe a des
        plans et a souligné que ...": X stresses, not the group)."""
        if not subjects_of(cue, self.rules):
            return True
        head = cue.head
        return head.dep_ == "ccomp" and self.cue_lemma(head.head, None) is not None and _governs_clause(cue) \
            and not any(c.dep_.startswith("nsubj") for c in children_of(cue))

    def coordinated_above(self, cue: Token) -> Token:
        """The cue a subjectless coordinated cue joins when the parse hung it inside the first
        one's content ("X affirme prendre des mesures pour minimiser Y et accuse Z de ...": X
        accuses; also "prendre des mesures pour protéger Y et accuse Z"), else the cue itself."""
        return next((a for a in cue.head.ancestors if a.pos_ in ("VERB", "AUX")
                     and self.cue_lemma(a, None) is not None and subjects_of(a, self.rules)), cue)

    @staticmethod
    def governing_verb(head: Token) -> Token:
        """The verb whose content or object clause holds ``head``: "ont confirmé que leurs forces
        avaient attaqué X, soulignant que" (who confirmed), "a averti ceux qui s'évertuent à X,
        soulignant que" (who warned), "a accusé X de l'avoir trahi en lançant Y, promettant" (who
        accused, not X)."""
        while head.head.i < head.i:
            if head.dep_ in ("ccomp", "xcomp") and head.head.pos_ in ("VERB", "AUX", "ADJ") \
                    or head.dep_ == "advcl" and _infinitive_clause(head) and head.head.pos_ in ("VERB", "AUX"):
                head = head.head  # also out of "de l'avoir trahi" under "a accusé X": who accused
            elif head.dep_ == "acl:relcl" and head.head.dep_ == "obj" and head.head.head.pos_ == "VERB":
                head = head.head.head
            else:
                break
        return head

    def antecedent(self, token: Token) -> MentionRef | None:
        """The actor a relative "qui" stands for: the mention just before it."""
        for ref in self.index.nearest_before(token.idx, self.tokens[self.units.bounds(token)[0]].idx):
            gap = self.text[ref.end:token.idx]
            if len(gap) <= 4 and _ACTOR in ref.entity.types:
                owner = self.complement_owner(ref)
                return ref if owner is None else self.speaker_of(owner)[0]
            break
        head = token.head.head if token.head.dep_.startswith("acl") else None
        if head is None:
            return None
        head = self.agreeing_noun(head, token.head)
        return self.phrase_entity(head) or self.described_actor(head)

    @staticmethod
    def agreeing_noun(noun: Token, verb: Token) -> Token:
        """The noun a relative clause is said of: the parse's noun, or the noun above it whose
        number the verb agrees with ("une milice de plusieurs milliers d'hommes qui affirme")."""
        number = morph_values(verb, "Number")
        current = noun
        for _ in range(3):
            if not number or set(number) & set(morph_values(current, "Number")):
                return current
            if current.dep_ != "nmod" or current.head.i > current.i or current.head.pos_ not in ("NOUN", "PROPN"):
                break
            current = current.head
        return noun

    def described_actor(self, noun: Token) -> MentionRef | None:
        """The actor a description stands for: the subject of a copula ("X est une milice qui
        affirme") or the name it is apposed to ("X, une milice qui affirme"; also when the parse
        took the name for the noun's subject)."""
        subject = next((c for c in children_of(noun) if c.dep_.startswith("nsubj") and c.i < noun.i), None)
        if subject is not None and subject.pos_ != "PRON" and (
                any(c.dep_ == "cop" for c in children_of(noun)) or self.tokens[noun.i - 1].text == ","
                or self.tokens[max(noun.i - 2, 0)].text == ","):
            return self.speaker_of(subject)[0]
        if noun.dep_ == "appos" and noun.head.i < noun.i:
            return self.phrase_entity(noun.head)
        return None

    def complement_owner(self, ref: MentionRef) -> Token | None:
        """The noun a mention right before a relative is the complement of, when that noun names
        no actor itself ("la guérilla maoïste en Inde, qui affirme", "un officier de l'armée qui
        a fait état"): the relative is said of that noun, not of the mention."""
        span = self.doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        root = span.root
        if not any(c.dep_ == "case" for c in children_of(root)):
            return None
        head = root.head
        return head if head.pos_ == "NOUN" and head.i < root.i and self.index.at_token(head) is None else None

    def inverted_subject(self, cue: Token) -> Token | None:
        """The subject after a cue verb ("..., a déclaré le ministre", "a-t-il dit")."""
        found = self.hyphen_pronoun(cue) or self.subject_after(cue)
        if found is not None:
            return self.name_after_naming(found) or found
        # "a martelé mercredi le président": the parser often hangs the subject on the day
        j = self.past_dates(cue.i + 1, cue.i + 3)
        if j > cue.i + 1 and j < len(self.tokens) and self.tokens[j].pos_ in ("NOUN", "PROPN"):
            return self.tokens[j]
        return self.actor_after(cue, j)

    def hyphen_pronoun(self, cue: Token) -> Token | None:
        """The pronoun joined to an inverted cue ("a-t-il dit", "estime-t-elle"; not a demonstrative,
        "en accusant celle-ci")."""
        return next((t for t in cue.doc[max(cue.i - 3, 0): cue.i + 3] if t.i != cue.i and t.text.startswith("-")
                     and pronoun_form(t) in self.rules.pronoun_gender
                     and all(u.text.startswith("-") or u.dep_.startswith("aux")
                             or lower_text(u) in self.rules.cue_fillers for u in cue.doc[
                         min(t.i, cue.i) + 1: max(t.i, cue.i)])), None)

    def subject_after(self, cue: Token) -> Token | None:
        """The noun or pronoun the parse hangs after a cue as its subject (or object, for an
        inverted cue the parser misread), not a date."""
        return next((child for child in children_of(cue)
                     if child.i > cue.i and child.dep_ in ("nsubj", "obj", "nsubj:pass")
                     and child.pos_ in ("NOUN", "PROPN", "PRON")
                     and child.lemma_.lower() not in self.rules.time_words and not self.delay_at(child.i)), None)

    def past_dates(self, j: int, last: int) -> int:
        """The index after the determiners, adverbs, dates and counted delays (``delay_at``) from
        token ``j`` (at most to ``last``)."""
        while j < len(self.tokens) and j <= last and (
                self.tokens[j].pos_ in ("DET", "ADV") or self.tokens[j].lemma_.lower() in self.rules.time_words
                or self.delay_at(j)):
            j += 1
        return j

    def delay_at(self, j: int) -> bool:
        """Whether token ``j`` is a noun of `delay_nouns`, or a number before one, right before an
        adverb of `delay_adverbs` ("a dit deux heures plus tard le général X", "trois jours après")."""
        k = j + int(self.tokens[j].pos_ == "NUM")
        return k + 1 < len(self.tokens) and self.tokens[k].lemma_.lower() in self.rules.delay_nouns \
            and self.tokens[k + 1].pos_ == "ADV" and self.tokens[k + 1].lower_ in self.rules.delay_adverbs

    def actor_after(self, cue: Token, j: int) -> Token | None:
        """The actor named right after a cue, past its dative ("a déclaré à l'AFP Mohamed Ali")
        and dates, when the parse hangs it elsewhere ("a martelé Benyamin Netanyahou", the first
        name taken for an adjective)."""
        limit = min(len(self.tokens), cue.i + 12)
        while j < limit:
            tok = self.tokens[j]
            past = self.past_complement(cue, tok, limit) or self.past_date_aside(j, limit)
            if past is not None:
                j = past
                continue
            if tok.pos_ in ("DET", "ADV", "CCONJ") or tok.lemma_.lower() in self.rules.time_words \
                    or _prenominal_adjective(tok) or _participle_on(tok, cue):  # "a précisé à l'AFP un haut responsable"
                j += 1  # "a expliqué à l'AFP et dans un communiqué le porte-parole"
                continue
            ref = self.index.at_token(tok)
            if ref is not None and ref.start == tok.idx and _ACTOR in ref.entity.types:
                return tok
            return self.subject_named_at(tok)
        return None

    def subject_named_at(self, tok: Token) -> Token | None:
        """The inverted subject a word after a cue's complements opens: a role, a title, a first
        name, a description or a naming participle before the person."""
        return self.titled_subject(tok) or self.person_past_title(tok) or self.person_after_first_name(tok) \
            or self.name_after_description(tok) or self.name_after_naming(tok)

    def past_date_aside(self, j: int, limit: int) -> int | None:
        """The index after a date set between commas at token ``j`` (a comma) after a cue ("a
        annoncé, vendredi 12 mars, le ministère": the ministry speaks), or None: only time words,
        numbers and determiners between the commas, before ``limit``."""
        if self.tokens[j].text != ",":
            return None
        k = j + 1
        while k < limit and (self.tokens[k].pos_ in ("NUM", "DET")
                             or self.tokens[k].lower_ in self.rules.time_words):
            k += 1
        return k + 1 if j + 1 < k < limit and self.tokens[k].text == "," else None

    def name_after_naming(self, tok: Token) -> Token | None:
        """The person a participle of naming gives after an unnamed noun ("a déclaré cet homme,
        prénommé Ali, joint par l'AFP": Ali; `naming_words`)."""
        if tok.pos_ != "NOUN":
            return None
        comma = next((t for t in self.tokens[tok.i + 1: tok.i + 4] if t.text == ","), None)
        if comma is None or comma.i + 2 >= len(self.tokens) or lower_text(self.tokens[comma.i + 1]) not in self.rules.naming_words:
            return None
        return self.person_starting_at(self.tokens[comma.i + 2])

    #: the most words of a description before the name apposed to it ("l'un des principaux
    #: dirigeants de la rébellion, X")
    _DESCRIPTION_WORDS = 9

    def name_after_description(self, tok: Token) -> Token | None:
        """The person named after a comma that closes a short description without a verb opened
        by a pronoun ("a affirmé à l'AFP un de ses proches, X Y, joint ...": X), past his article
        and titles ("l'un des dirigeants de la rébellion, le général X")."""
        if tok.pos_ != "PRON":
            return None
        for t in self.tokens[tok.i + 1: tok.i + self._DESCRIPTION_WORDS]:
            if t.pos_ in ("VERB", "AUX") or t.text in self.rules.quote_pairs:
                return None
            if t.text == ",":
                k = self.past_titles(self.tokens, t.i + 1)
                return self.person_starting_at(self.tokens[k] if k < len(self.tokens) else None)
        return None

    def past_complement(self, cue: Token, tok: Token, limit: int) -> int | None:
        """Past a complement of a cue at preposition ``tok`` and its adjectives ("à l'AFP",
        "publié en traduction française par X"), or None: the preposition's noun, not what the
        parse apposes to it."""
        governor = tok.head.head  # "auprès de l'AFP": the adverb of a compound preposition
        for _ in range(2):  # "a assuré dimanche lors d'une conférence": hung on the date
            if (governor.pos_ == "ADV" or governor.lemma_.lower() in self.rules.time_words) and governor.i < tok.i:
                governor = governor.head
        if tok.pos_ != "ADP" or not tok.i < tok.head.i < limit or not (
                governor.i == cue.i or tok.head.dep_ == "conj" or self.complement_of_complement(tok, cue)):
            return None
        j = tok.head.i + 1
        while j < limit and self.tokens[j].head.i == tok.head.i and self.tokens[j].dep_ == "amod":
            j += 1
        return self.past_name_of(tok.head, j, limit)

    def past_name_of(self, noun: Token, j: int, limit: int) -> int:
        """Past the name right after a complement's common noun, which is the complement's own
        ("a raconté à la radio X le colonel Y", "a précisé à l'agence X Y": X names the radio or
        the agency, Y speaks), else ``j``."""
        if noun.pos_ != "NOUN" or j >= limit or self.tokens[j].pos_ != "PROPN":
            return j
        ref = self.index.at_token(self.tokens[j])
        if ref is None or ref.start != self.tokens[j].idx or ref.entity.kind == "Person":
            return j
        while j < limit and self.tokens[j].idx < ref.end:
            j += 1
        return j

    #: the most complements a chain of them may nest between a cue and its inverted subject
    _COMPLEMENT_CHAIN = 4

    def complement_of_complement(self, tok: Token, cue: Token) -> bool:
        """Whether a preposition opens a complement the parse hangs on a cue's complement, itself
        perhaps hung on another ("a assuré lors d'une conférence de presse X": "de presse"; "a
        expliqué de son côté à une agence X", "a déclaré lors d'un point de presse à Y le général
        X": each complement chained to the one before), past which the subject stands."""
        noun, governor = tok.head, tok.head.head
        if noun.dep_ != "nmod" or noun.pos_ not in ("NOUN", "PROPN"):
            return False
        for _ in range(self._COMPLEMENT_CHAIN):
            if not cue.i < governor.i < tok.i:
                return False
            if governor.dep_.startswith("obl"):
                return any(a.i == cue.i for a in list(governor.ancestors)[:3])
            if governor.dep_ != "nmod":
                return False
            governor = governor.head
        return False

    def person_after_first_name(self, tok: Token) -> Token | None:
        """A person whose name the model tagged without its first word ("a déclaré à l'AFP
        Ravina Shamdasani": the person "Shamdasani")."""
        if tok.pos_ != "PROPN" or tok.i + 1 >= len(self.tokens):
            return None
        return self.person_starting_at(self.tokens[tok.i + 1])

    def titled_subject(self, tok: Token) -> Token | None:
        """A role noun right after a cue's complements, the parse hanging it elsewhere: a speaking
        group ("a déclaré dans un communiqué un porte-parole militaire, le colonel X") or a title
        before a person's name ("a expliqué à la télévision nationale le général X")."""
        if tok.pos_ != "NOUN" or tok.text[:1].isupper():
            return None
        if self.speaks_for_others(tok.lemma_):
            return tok
        after = self.token_after(tok)
        while after is not None and after.dep_ == "amod" and after.head.i == tok.i:
            after = self.token_after(after)  # "a précisé sur X le gouverneur régional, Y"
        if after is not None and after.text == ",":
            after = self.token_after(after)
        return self.person_starting_at(after)

    def person_past_title(self, tok: Token) -> Token | None:
        """The person whose name a capitalised title opens after a cue's complements ("a ajouté
        dans un communiqué M. X", "Mme Y"), else None."""
        if lower_text(tok) not in self.rules.name_titles or not tok.text[:1].isupper():
            return None
        k = self.past_titles(self.tokens, tok.i)
        return self.person_starting_at(self.tokens[k] if tok.i < k < len(self.tokens) else None)

    def person_starting_at(self, tok: Token | None) -> Token | None:
        """``tok`` when a person's name (an entity of kind Person) starts at it, else None: the
        last check of the inverted-subject readers above."""
        ref = self.index.at_token(tok) if tok is not None else None
        return tok if ref is not None and ref.start == tok.idx and ref.entity.kind == "Person" else None

    # -- modality
    def modality(self, cue: Token | None, start: int, end: int, words: str = "") -> str:
        """negated, hedged or reported: from the cue, then its clause's words ("sous couvert
        d'anonymat"), then the content (a conditional, a hedge word)."""
        if cue is not None and (clause_negation(cue, self.rules) or (
                self.rules.mistagged_cues.get(cue.lemma_, cue.lemma_) in self.rules.denial_verbs)):
            return "negated"
        if cue is not None and clause_hedged(cue, self.rules):
            return "hedged"
        if cue is not None:  # "a précisé un responsable sous couvert d'anonymat"
            lo, hi = self.units.bounds(cue)
            words += " " + " ".join(lower_text(t) for t in self.tokens[lo:hi] if not start <= t.idx < end)
        if any(w in self.rules.anonymous_source_words for w in words.lower().split()):
            return "hedged"
        content = self.doc.char_span(start, end, alignment_mode="expand")
        if content is not None and len(content) and self.content_hedged(content, cue):
            return "hedged"
        return "reported"

    def content_hedged(self, content, cue: Token | None) -> bool:
        """Whether a content is uncertain: a main verb in the conditional (after a past cue, only
        a possibility modal's: "a dit qu'il livrerait" is the future in the past), or a hedge word."""
        past_cue = cue is not None and is_past(cue)
        for tok in self.main_verbs(content):
            if self.rules.grammar.is_conditional(tok.text, tok.lemma_) and (
                    not past_cue or tok.lemma_ in self.rules.possibility_modals):
                return True
        return self.holds_entry(content, self.rules.hedge_words)

    def holds_entry(self, span, words) -> bool:
        """Whether a span holds an entry of ``words``, a word or several ("sans doute")."""
        return any(lower_text(t) in words for t in span) or any(
            phrase in words and last < span.end
            for i in range(span.start, span.end) for _, phrase, last in self.entry_phrases.get(i, ()))

    @staticmethod
    def main_verbs(content):
        """The verbs of a content's main clauses: its root, verbs hung on it, complement and
        coordinated clauses (not a verb governed from outside the content)."""
        root = content.root
        for tok in content:
            if tok.pos_ not in ("VERB", "AUX") or tok.head.i < content.start and tok.i != root.i:
                continue
            if tok.i == root.i or tok.dep_ in ("ccomp", "conj") or tok.head.i == root.i:
                yield tok

    # -- content end
    def clause_end(self, tokens: list[Token], first: int, stop_words) -> int:
        """End offset of a content starting at token index ``first`` of the sentence: the first
        of its stop words, the end of its sentence, a colon before a quote, a comment or a
        participle cue after it, whichever comes first (past a quote left open)."""
        sent_end = tokens[-1].idx + len(tokens[-1].text)
        start = tokens[first].idx if first < len(tokens) else sent_end
        chunk = fold_quotes(self.text[start:sent_end])
        cuts = [chunk.find(word) for word in (*stop_words, " ; ", ";")]
        cuts += [offset - start for offset in self.content_stops(tokens, first) if offset is not None]
        cut = min([len(chunk), *(c for c in cuts if c > 0)])
        end = self.extend_over_quote(start + cut)
        return max(end, start + cut) if end > sent_end else start + cut

    def content_stops(self, tokens: list[Token], first: int):
        """Offsets where a content from token ``first`` may stop, or None: a sentence end in a run
        of sentences ("... à livrer X. « Y », a-t-il écrit"), a colon before a quote ("a précisé
        que A : « B »": the quote is a claim of its own), a comment, a participle cue."""
        yield next((t.idx for t in tokens[first + 1:]
                    if t.text in (".", "!", "?") and not self.quotes.inside(t.idx)), None)
        yield next((t.idx for t in tokens[first + 1:] if t.text == ":" and self.quote_after(t.idx + 1)), None)
        yield self.comment_after(tokens, first)
        yield self.participle_cue_after(tokens, first)

    def participle_cue_after(self, tokens: list[Token], first: int) -> int | None:
        """Offset of the comma before a present participle that is a cue of its own ("a démenti
        avoir fourni des drones, qualifiant ces accusations de ...") or an inverted cue ("..., a
        déclaré le ministre"): a new claim starts there."""
        for m in range(first + 1, len(tokens) - 1):
            nxt = tokens[m + 1]
            if tokens[m].text == "," and nxt.pos_ == "AUX" and m + 2 < len(tokens) - 1:
                # "accuse X de Y, a déclaré le ministre": an inverted cue, its subject after it (not
                # "les houthis, qui contrôlent X, ont lancé des attaques": the content's own verb)
                nxt = tokens[m + 2]
                starts = self.speaker_after(nxt)
            elif tokens[m].text == ",":
                starts = _present_participle(nxt)
            else:  # "a dénoncé une « agression » et accusé Kigali de ...": a second cue of the subject
                starts = tokens[m].pos_ == "CCONJ" and nxt.pos_ == "VERB" \
                    and bool({"Part", "Fin"} & set(morph_values(nxt, "VerbForm")))
            if starts and self.cue_lemma(nxt, tokens[m]) is not None and not self.quotes.inside(nxt.idx):
                return tokens[m].idx
        return None

    def speaker_after(self, cue: Token) -> bool:
        """Whether what follows a cue verb is its subject: a pronoun, an actor or a noun that
        speaks ("a déclaré le porte-parole"; not "ont lancé des dizaines d'attaques")."""
        subject = self.inverted_subject(cue)
        return subject is not None and (subject.pos_ == "PRON" or self.speaks_for_others(subject.lemma_)
                                        or self.phrase_entity(subject) is not None)

    def comment_after(self, tokens: list[Token], first: int) -> int | None:
        """Offset of the comma before a noun phrase that comments on the claim ("..., une
        information que Moscou n'a pas confirmée"): determiner, noun, relative pronoun."""
        for m in range(first + 1, len(tokens) - 3):
            if tokens[m].text == "," and tokens[m + 1].pos_ == "DET" and tokens[m + 2].pos_ == "NOUN" \
                    and (lower_text(tokens[m + 3]) in self.rules.complementizers
                         or "Rel" in morph_values(tokens[m + 3], "PronType")) \
                    and not self.quotes.inside(tokens[m].idx):
                return tokens[m].idx
        return None

    # -- rules
    def cue_claims(self, k: int, tokens: list[Token]) -> list[_Claim]:
        claims = []
        for n, tok in enumerate(tokens):
            lemma = self.cue_lemma(tok, tokens[n - 1] if n else None)
            if lemma is None:
                continue
            if self.quotes.inside(tok.idx) and not self.quoted_word(tok):
                claims.extend(self.incise(k, tokens, n))  # else the quoted speaker's verb, not a cue
                continue
            if tok.dep_ == "xcomp" and tok.head.i < tok.i and self.cue_lemma(tok.head, None) is not None:
                continue  # "indique avoir lancé « ... »": what the outer cue reports
            found = self.complements(k, tokens, n, lemma)
            if not found and tok.pos_ == "VERB" and not _present_participle(tok) \
                    and not any(c.start <= tok.idx < c.end for c in claims):
                self.cue_speaker(tok)  # "X a annoncé l'envoi de renforts. Il a aussi annoncé ...": X
                # (not "..., faisant flamber les tensions": a participle's subject is read, not named;
                # not "Il a affirmé que les Tigres avaient lancé des drones": the event reported)
            claims.extend(found)
        return claims

    def quoted_word(self, tok: Token) -> bool:
        """Whether a word is quoted alone, the reporter's own cue ("a « exigé » de X que")."""
        end = tok.idx + len(tok.text)
        return any(a == tok.idx - 1 and b == end for a, b in self.quotes.near(tok.idx, end)) \
            or any(a + 1 < tok.idx and self.text[a + 1:tok.idx].isspace() and self.text[end:b].isspace()
                   for a, b in self.quotes.near(tok.idx, end))

    def incise(self, k: int, tokens: list[Token], n: int) -> list[_Claim]:
        """A reporter's cue set inside a quote after a comma, its speaker after it («A, a déclaré
        X. B», «A, a-t-il dit, B»): A and B, the quote's parts around the incise, are X's."""
        cue, m = tokens[n], self.cue_group_start(tokens, n)
        pair = self.incise_quote(tokens, n, m)
        if pair is None:
            return []
        speaker, factor = self.speaker_of(self.inverted_subject(cue))
        if speaker is None or speaker.start < cue.idx and speaker.mention.method != "pronoun":
            return []
        spans = [self.trim(pair[0] + 1, tokens[m].idx)]  # inside the marks: the quote is open at each end
        rest = next((t for t in self.tokens[cue.i + 1:] if t.idx >= speaker.end and t.text in (",", ".")), None)
        if rest is not None and rest.idx < pair[1]:
            spans.append(self.trim(rest.idx + 1, pair[1]))
        cue_end = cue.idx + len(cue.text)
        return [_Claim(speaker, cue.text, cue.idx, cue_end, s, e, k, self.modality(cue, s, e), 0.8 * factor)
                for s, e in spans if e > s]

    def incise_quote(self, tokens: list[Token], n: int, m: int) -> tuple[int, int] | None:
        """The quote a cue at ``n`` interrupts after a comma at ``m``, holding no other quote; None
        when there is no comma before the cue (the quoted speaker's own verb)."""
        cue = tokens[n]
        pair = next(((a, b) for a, b in self.quotes.near(cue.idx, cue.idx) if a < cue.idx < b), None)
        if m < 1 or tokens[m].text != "," or pair is None or tokens[m].idx <= pair[0] + 1:
            return None
        return pair if self.quotes.near(pair[0] + 1, tokens[m].idx, 0) == [pair] else None

    def cue_lemma(self, tok: Token, before: Token | None) -> str | None:
        """The cue verb a token is, if any.  The tagger often takes a verb right after a quote
        or a comma for a noun ("» affirme le journal"): its lemma is then the language
        grammar's guess from the form."""
        pos = tok.pos_  # read once: every token of the text passes here
        if pos not in _CUE_POS:
            return None  # most words (determiners, prepositions, marks): no lemma read
        lemma = tok.lemma_
        if pos in _CUE_VERB_POS and lemma in _cue_lemmas(self.rules):
            return self.rules.mistagged_cues.get(lemma, lemma)  # "estime" left unlemmatised: "estimer"
        if pos not in _MISTAGGED_CUE_POS:
            return None
        if lemma in self.rules.mistagged_cues:
            return self.rules.mistagged_cues[lemma]
        text = tok.text
        guess = _speech_verb_of(self.rules, text) if text.islower() else None  # most words: none
        return guess if guess is not None and self.mistagged_verb(tok, before) else None

    def mistagged_verb(self, tok: Token, before: Token | None) -> bool:
        """Whether the tagger may have misread a verb: unlemmatised, right after a quote, a
        comma or a name, or an "adjective" that governs a verb or an object ("le groupe jihadiste
        revendique avoir tiré", "le Jnim revendique des attaques"), or right after the perfect
        auxiliary ("a tweeté", tagged a name), or a participle after an object clitic ("les
        qualifiant de", tagged a noun)."""
        pos = tok.pos_
        return (pos == "VERB" and tok.lemma_.lower() == tok.text.lower()) or (
            before is not None and before.text in (",", *self.rules.quote_pairs.values())) or (
            before is not None and before.pos_ == "PROPN" and pos == "NOUN") or (
            pos == "ADJ" and any(c.dep_ in ("xcomp", "ccomp", "obj") for c in children_of(tok))) or (
            before is not None and self.after_auxiliary(before)) or (  # "a tweeté" read as a name, "a « exigé »"
            before is not None and lower_text(before) in self.rules.object_clitics and self.participle(tok))

    def after_auxiliary(self, before: Token) -> bool:
        """Whether the word before a token is the perfect auxiliary, or an opening quote mark
        or an inverted pronoun right after it ("a « exigé »", "a-t-il martelé")."""
        if before.text in self.rules.quote_pairs and before.i > 0:
            before = self.doc[before.i - 1]
        while before.text.startswith("-") and before.pos_ == "PRON" and before.i > 0:
            before = self.doc[before.i - 1]
        return before.lemma_ in self.rules.perfect_auxiliaries

    def complements(self, k: int, tokens: list[Token], n: int, lemma: str) -> list[_Claim]:
        """The claims of a cue: the first of the language's cue frames that fits it (data,
        ``cue_frames``), else an aside, an inverted cue or a noun-phrase content."""
        phrase = self.cue_phrase(tokens, n)
        if phrase is None and lemma in _speech_verb_starts(self.rules):
            return []  # "mettre" reports speech only in "mettre en garde"
        j = self.content_start(tokens, self.past_cue_quote(tokens, n, n + 1 + (phrase[1] if phrase else 0)))
        if j >= len(tokens):
            return []
        cue = _Cue(tokens, n, j, lemma, phrase, self.reflexive(tokens, n))
        for name in self.rules.cue_frames:
            out = _FRAMES[name](self, cue)
            if out:
                claims = self.claims_of(k, cue, out)
                if self.says_a_thing(name, out):  # no claim inside another's content
                    claims = [dataclasses.replace(c, weak=True) for c in claims]
                return claims
            if out is not None:
                break  # the frame fits but found no content: the fallbacks may
        fallback = self.parenthetical(k, tokens, n) or self.inverted(k, tokens, n) or self.echo(k, tokens, n)
        if fallback is not None:
            return self.quote_parts(fallback) + self.trailing_quote(tokens, n, fallback)
        if self.says_object(lemma):
            return [dataclasses.replace(c, weak=True)
                    for c in self.claims_of(k, cue, self.object_content(tokens, tokens[n], lemma))]
        return []

    def trailing_quote(self, tokens: list[Token], n: int, claim: _Claim) -> list[_Claim]:
        """A second quote closing the sentence of an inverted cue, after its speaker and a comma
        ("« A », a déclaré X dans un communiqué, « B »."): B is X's too, a claim of its own."""
        if claim.speaker is None or claim.end > claim.cue_start:
            return []
        after = max(claim.cue_end, claim.speaker.end)
        pair = self.quotes.first_after(after)
        last = tokens[-1]
        if pair is None or pair[1] > last.idx + len(last.text) or not self.text[:pair[0]].rstrip().endswith(","):
            return []
        if self.text[pair[1] + 1:last.idx + len(last.text)].strip(" .") or self.clause_between(tokens, after, pair[0]):
            return []
        s, e = self.trim(pair[0] + 1, pair[1])
        return [dataclasses.replace(claim, start=s, end=e, modality=self.modality(tokens[n], s, e))] if e > s else []

    def clause_between(self, tokens: list[Token], start: int, end: int) -> bool:
        """Whether words between two offsets hold a verb or a conjunction of their own, or a quote
        (a past participle alone is an adjective: "dans une allocution télévisée")."""
        return any(start <= t.idx < end and (t.pos_ in ("AUX", "SCONJ") or self.quotes.inside(t.idx) or (
            t.pos_ == "VERB" and not ("Part" in morph_values(t, "VerbForm") and "Past" in morph_values(t, "Tense"))))
                   for t in tokens)

    def says_object(self, lemma: str) -> bool:
        """Whether a cue's noun-phrase object may be what it says ("a annoncé la mort de X", "a
        exprimé sa ferme opposition à Y")."""
        return lemma in self.rules.object_content_cues or lemma in self.rules.stance_object_cues

    def past_cue_quote(self, tokens: list[Token], n: int, j: int) -> int:
        """Past the closing mark of a cue the reporter quoted ("a « exigé » de X qu'elle ..."),
        else ``j``."""
        opening = tokens[n - 1].text if n else ""
        closing = self.rules.quote_pairs.get(opening)
        return j + 1 if closing is not None and j < len(tokens) and tokens[j].text == closing else j

    def quote_parts(self, claim: _Claim) -> list[_Claim]:
        """A content of several quotes joined by a conjunction or a comma only ("« A » et « B »,
        précise le texte"): one claim per quote, as each is quoted apart."""
        pairs = [(a, b) for a, b in self.quotes.near(claim.start, claim.end, 0) if claim.start <= a and b < claim.end]
        if len(pairs) < 2 or pairs[0][0] != claim.start or pairs[-1][1] != claim.end - 1:
            return [claim]
        joins = {self.text[b + 1:a].strip().lower() for (_, b), (a, _) in zip(pairs, pairs[1:])}
        if not joins <= {",", *self.rules.and_words}:
            return [claim]
        return [dataclasses.replace(claim, start=a, end=b + 1) for a, b in pairs]

    def content_start(self, tokens: list[Token], j: int) -> int:
        """Past the clitics, adverbs and dates between a cue and its content."""
        while j < len(tokens) and (
                tokens[j].pos_ in ("ADV", "PRON") and lower_text(tokens[j]) not in self.rules.complementizers
                or lower_text(tokens[j]) in self.rules.time_words
                or lower_text(tokens[j]) in self.rules.cue_fillers):
            j += 1
            while j < len(tokens) and tokens[j].dep_ == "fixed" and tokens[j].head.i < tokens[j].i and (
                    lower_text(tokens[j]) not in self.rules.complementizers):
                j += 1  # the rest of a fixed adverbial skipped by its first word ("quant à lui")
        return self.past_adjuncts(tokens, self.past_aside(tokens, j))

    #: the most words of dates and places skipped between a cue and its infinitive
    _ADJUNCT_WORDS = 14

    def past_adjuncts(self, tokens: list[Token], j: int) -> int:
        """The infinitive after phrases of time and place with no verb and no object of the cue
        ("a reconnu dans une vidéo ce mardi avoir subi ...", "a annoncé ce dimanche 8 décembre,
        au petit matin, avoir commencé ...", also past a document's participle: "a déclaré dans un
        communiqué publié sur Twitter avoir posé ..."), else ``j``."""
        k = j
        while k < len(tokens) and k - j < self._ADJUNCT_WORDS and self.adjunct_word(tokens[k]):
            if tokens[k].dep_ == "obj" or self.quotes.inside(tokens[k].idx):
                return j  # "a annoncé l'envoi de troupes pour sécuriser": the cue's object
            k += 1
        if k == j or k >= len(tokens) or tokens[k - 1].pos_ == "ADP":
            return j
        verb = tokens[k]
        if "Inf" not in morph_values(verb, "VerbForm") or verb.pos_ not in ("VERB", "AUX"):
            return j
        head = verb.head if verb.pos_ == "AUX" else verb
        return j if any(c.dep_ == "mark" for c in children_of(head)) else k

    def adjunct_word(self, token: Token) -> bool:
        """Whether a word may stand in a phrase of time or place between a cue and its infinitive."""
        return token.pos_ in ("ADP", "DET", "NOUN", "PROPN", "NUM", "ADJ", "ADV") or token.text == "," \
            or self.document_participle(token)

    def document_participle(self, token: Token) -> bool:
        """Whether a word is a past participle describing a document noun ("un communiqué publié
        sur Twitter", "une vidéo diffusée samedi")."""
        return token.dep_ == "acl" and token.head.lemma_ in self.rules.authored_nouns \
            and "Part" in morph_values(token, "VerbForm") and "Past" in morph_values(token, "Tense")

    def past_aside(self, tokens: list[Token], j: int) -> int:
        """Past an aside with no verb between commas when an infinitive or a quote follows it
        ("a reconnu, lors d'une conférence de presse à Damas, posséder des armes"), or past a
        prepositional phrase right before a quote ("a réaffirmé dans un communiqué « ... »")."""
        if j < len(tokens) and tokens[j].pos_ == "ADP":
            return self.past_phrase(tokens, j)
        if j >= len(tokens) or tokens[j].text != ",":
            return j
        close = next((m for m in range(j + 1, min(len(tokens), j + 16)) if tokens[m].text == ","), None)
        if close is None or close + 1 >= len(tokens) or any(
                t.pos_ in ("VERB", "AUX") or self.quotes.inside(t.idx) for t in tokens[j + 1: close]):
            return j
        k = _past_clitics(tokens, close + 1)  # "se servir": the clitics taken back into the content by its frame
        after = tokens[k]
        infinitive = after.pos_ in ("VERB", "AUX") and "Inf" in morph_values(after, "VerbForm")  # "avoir perdu"
        return k if infinitive else close + 1 if tokens[close + 1].text in self.rules.quote_pairs else j

    def past_phrase(self, tokens: list[Token], j: int) -> int:
        """Past a prepositional phrase before an infinitive or a quote, else ``j``."""
        return self.past_dative(tokens, j) or self.past_phrase_to_quote(tokens, j)

    def past_dative(self, tokens: list[Token], j: int) -> int | None:
        """The infinitive after a short prepositional phrase from ``j`` ("a déclaré à l'AFP être
        aux portes de Goma"), else None."""
        noun = tokens[j].head
        k = run_position(tokens, noun.i) + 1
        while 0 < k < len(tokens) and tokens[k].head.i == noun.i and tokens[k].dep_ in ("amod", "flat:name"):
            k += 1
        if not 0 < k - j <= 5 or k >= len(tokens) or noun.i < tokens[j].i:
            return None
        after = tokens[k]
        return k if after.pos_ in ("VERB", "AUX") and "Inf" in morph_values(after, "VerbForm") else None

    def past_phrase_to_quote(self, tokens: list[Token], j: int) -> int:
        """The quote's opening mark after a prepositional phrase of up to ten words with no verb or
        punctuation from ``j`` ("dans un communiqué « ... »", "au cours d'une réunion publique
        dimanche soir « ... »"), else ``j``; not a quote an inverted cue says."""
        opening = next((m for m in range(j + 1, min(len(tokens), j + 12)) if tokens[m].text in self.rules.quote_pairs),
                       None)
        between = tokens[j + 1: opening] if opening is not None else []
        if not any(t.pos_ in ("NOUN", "PROPN") for t in between) or any(
                t.pos_ in ("VERB", "AUX", "PUNCT") for t in between):
            return j  # "mis en garde contre « ... »": the preposition opens the content
        if any(t.pos_ == "DET" and p.pos_ != "ADP" for p, t in zip(between, between[1:])):
            return j  # "a lancé en juillet une campagne « ... »": a noun phrase of its own, the cue's object
        return j if self.inverted_cue_after(tokens, opening) else opening

    def inverted_cue_after(self, tokens: list[Token], opening: int) -> bool:
        """Whether the quote opening at ``opening`` is followed by a comma and a verb, an inverted
        cue that says it ("ont continué avec les opérations « pour ... », a-t-il ajouté")."""
        pair = next((p for p in self.quotes.near(tokens[opening].idx, tokens[opening].idx + 1, 0)
                     if p[0] == tokens[opening].idx), None)
        close = next((m for m in range(opening + 1, len(tokens)) if pair and tokens[m].idx == pair[1]), None)
        return close is not None and close + 2 < len(tokens) and tokens[close + 1].text == "," \
            and tokens[close + 2].pos_ in ("AUX", "VERB")

    def reflexive(self, tokens: list[Token], n: int) -> bool:
        """ "se dit prêt", "s'est déclaré favorable": a reflexive cue."""
        clitics = self.rules.reflexive_clitics
        return any(lower_text(c) in clitics for c in children_of(tokens[n])) or (
            n > 0 and lower_text(tokens[n - 1]) in clitics)

    def claims_of(self, k: int, cue: _Cue, out: list[tuple[int, int, float]]) -> list[_Claim]:
        """Claims of content spans (start, end, confidence) said through ``cue``."""
        if not out:
            return []
        verb = cue.tokens[cue.n]
        speaker, factor = self.cue_speaker(verb)
        last = cue.tokens[cue.n + (cue.phrase[1] if cue.phrase else 0)]
        cue_start, cue_end = verb.idx, last.idx + len(last.text)
        claims = []
        limit = min(self.relative_end(cue, cue.j),  # "X, qui accuse Y de Z, a décidé": the aside ends
                    self.fronted_end(cue))  # "Si X a assuré A, Y affirme B": A ends at its comma
        pair = self.pair_named_again(verb)  # "Les deux parties soutiennent que": both
        if pair:
            speaker, factor = pair[0], 0.8
        speakers = pair or [speaker, *self.co_speakers(cue.tokens, cue.n, speaker)]
        for start, end, conf in out:
            start, end = self.trim(start, min(end, limit) if start < limit else end)
            if end > start:
                claims.extend(_Claim(who, self.text[cue_start:cue_end], cue_start, cue_end, start, end,
                                     k, self.modality(verb, start, end), conf * factor if who else 0.4,
                                     joint=who is not speaker, relative=_in_relative(verb)) for who in speakers)
        if len(speakers) == 1 and self.held_for_role(verb, speaker, claims):
            return []
        return claims

    def pair_named_again(self, verb: Token) -> list[MentionRef]:
        """The two speakers of the last claim made jointly, up to three sentences back, when a
        cue's subject names them again as a pair ("New Delhi et Islamabad s'accusent ... Les deux
        parties soutiennent que ...": both); else none."""
        if not self.names_a_pair(verb):
            return []
        last = next((c for c in reversed(self.claims) if c.joint), None)
        if last is None or self.units.run_at(verb.idx) - self.units.run_at(last.cue_start) > 3:
            return []
        pair = [c.speaker for c in self.claims if c.cue_start == last.cue_start and c.start == last.start]
        return pair if len(pair) == 2 and all(r is not None for r in pair) else []

    def names_a_pair(self, verb: Token) -> bool:
        """Whether a verb's subject before it is a noun of sides, as written, after a word of the
        number two ("les deux parties", "les deux armées")."""
        subject = next((c for c in children_of(verb) if c.dep_ == "nsubj" and c.i < verb.i), None)
        return subject is not None and lower_text(subject) in self.rules.side_pair_nouns and any(
            lower_text(c) in self.rules.pair_numbers for c in children_of(subject) if c.i < subject.i)

    def held_for_role(self, verb: Token, speaker: MentionRef | None, claims: list[_Claim]) -> bool:
        """Keep aside the claims of a cue whose subject before it is one unnamed holder of a role
        speaking for a body ("Le porte-parole des garde-côtes a déclaré que ...", "Un porte-parole
        militaire a exprimé ..."): the person the next sentences name as that holder says them
        (``named_role``), else the body still does; a role naming no body ("La porte-parole du
        Premier ministre a déclaré que ...") is said only by the holder named next.  A relative
        pronoun subject stands for the role noun it hangs on ("le porte-parole, qui a dit ...")."""
        if speaker is not None and speaker.entity.kind == "Person" or not claims:
            return False
        subject = self.role_subject(verb)
        if subject is None or not self.role_noun(subject) or self.index.at_token(subject) is not None:
            return False
        for claim in claims:
            self.hold_for_role(claim, subject)
        return True

    @staticmethod
    def role_subject(verb: Token) -> Token | None:
        """A verb's subject before it, a relative pronoun standing for the noun it hangs on
        ("applaudi par la porte-parole du ministère, qui a qualifié X de « ... »": the spokeswoman)."""
        subject = next((c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubj:pass") and c.i < verb.i), None)
        if subject is not None and verb.dep_ == "acl:relcl" and "Rel" in morph_values(subject, "PronType"):
            return verb.head
        return subject

    def co_speakers(self, tokens: list[Token], n: int, speaker: MentionRef | None) -> list[MentionRef]:
        """The other speakers of a cue whose subject is two coordinated actors before it ("Moscou
        et Kiev démentent", "L'Observatoire, basé à Londres, et les comités locaux ont affirmé"):
        the clause opens with the two noun phrases, one of them the speaker found."""
        span = _outside_asides(self.subject_span(tokens, n))
        ands = [m for m, t in enumerate(span) if lower_text(t) in self.rules.and_words]
        if speaker is None or not self.two_subjects(span, ands):
            return []
        refs = [self.part_speaker(part) for part in (*self.listed_parts(span[:ands[0]]), span[ands[0] + 1:])]
        if any(r is None for r in refs) or speaker.entity.id not in {r.entity.id for r in refs}:
            return []
        return list({r.entity.id: r for r in refs if r.entity.id != speaker.entity.id}.values())

    def listed_parts(self, part: list[Token]) -> list[list[Token]]:
        """The noun phrases a list before the conjunction of a coordinated subject holds, split
        at its commas when each names an actor ("La France, l'Allemagne et l'Italie ont
        affirmé": France and Germany); the whole part otherwise."""
        commas = [m for m, t in enumerate(part) if t.text == ","]
        if not commas:
            return [part]
        pieces = [part[a + 1:b] for a, b in zip([-1, *commas], [*commas, len(part)])]
        if any(not self.opens_on_name(p) or self.part_speaker(p) is None for p in pieces):
            return [part]  # "La Russie, membre du Conseil de sécurité et la Chine": an apposition
        return pieces

    def opens_on_name(self, piece: list[Token]) -> bool:
        """Whether a noun phrase's first word after its articles starts an entity's mention."""
        word = next((t for t in piece if t.pos_ != "DET"), None)
        ref = self.index.at_token(word) if word is not None else None
        return ref is not None and ref.start == word.idx

    def two_subjects(self, span: list[Token], ands: list[int]) -> bool:
        """Whether the words before a cue, joined by their one conjunction, are two noun
        phrases: no verb or quoted word among them, and no preposition right after the
        conjunction ("..., formée de déserteurs et de civils, X a affirmé": two complements)."""
        if len(ands) != 1 or any("Fin" in morph_values(t, "VerbForm") or self.quotes.inside(t.idx) for t in span):
            return False
        return not (ands[0] + 1 < len(span) and span[ands[0] + 1].pos_ == "ADP")

    @staticmethod
    def subject_span(tokens: list[Token], n: int) -> list[Token]:
        """The words before the verb group of the cue at ``n``, past an opening adverbial
        ("Mardi, ...", "Dans un communiqué, ...")."""
        first = group_start(tokens[n])
        first, lo = run_position(tokens, first), 0
        if tokens[0].pos_ in ("ADP", "ADV"):
            lo = next((m + 1 for m in range(first) if tokens[m].text == ","), 0)
        return tokens[lo: first]

    def part_speaker(self, part: list[Token]) -> MentionRef | None:
        """The actor a noun phrase of a coordinated subject names, read at its first word."""
        words = [t for t in part if t.pos_ not in ("DET", "PUNCT")]
        if not words:
            return None
        ref, _ = self.speaker_of(words[0], range(part[0].i, part[-1].i + 1))
        return ref if ref is not None and _ACTOR in ref.entity.types else None

    # -- cue frames: each returns None when it does not fit, else the content spans it reads
    def frame_stance_noun(self, c: _Cue) -> list | None:
        """ "faire part de son opposition", "laisser entendre que"."""
        if c.phrase is None or c.phrase[0] not in self.rules.stance_noun_cues:
            return None
        markers = self.rules.stance_noun_cues[c.phrase[0]]
        marker = c.j if c.low in markers else self.marker_after(c.tokens, c.n + 1 + c.phrase[1], markers)
        if marker is None or marker + 1 >= len(c.tokens):
            return []
        first = marker + 1
        return [(c.tokens[first].idx, self.clause_end(c.tokens, first, (",",)), 0.6)]

    def says_a_thing(self, frame: str, out: list) -> bool:
        """Whether what a frame read is a thing, not a clause: a quoted phrase, or a stance phrase's
        noun phrase ("lui a fait part de sa vive inquiétude")."""
        return frame in _NOUN_PHRASE_FRAMES or frame == "stance_noun" and self.noun_after_de(out)

    def noun_after_de(self, out: list) -> bool:
        """Whether a stance phrase's content opens on a noun phrase after its "de" ("faire part de
        ses inquiétudes", "faire état de tirs"), not a clause ("faire savoir que ...")."""
        first = self.doc.char_span(out[0][0], out[0][0] + 1, alignment_mode="expand")
        if not first or first.start == 0:
            return False
        de, head = self.doc[first.start - 1], first[0]
        return lower_text(de) in self.rules.de_infinitive_markers and "Inf" not in morph_values(head, "VerbForm")

    #: the most words of a complement between a stance phrase and its marker
    _MARKER_REACH = 8

    def marker_after(self, tokens: list[Token], start: int, markers) -> int | None:
        """The marker of a stance phrase after a short complement with no verb or punctuation
        ("a fait état sur son compte Telegram d'un « certain nombre de tirs »"), or None."""
        for k in range(start, min(len(tokens), start + self._MARKER_REACH)):
            if lower_text(tokens[k]) in markers:
                return k
            if tokens[k].pos_ in ("VERB", "AUX", "PUNCT") or self.quotes.inside(tokens[k].idx):
                return None
        return None

    def frame_que_clause(self, c: _Cue) -> list | None:
        """ "a prévenu qu'un tel feu vert signifierait ...": one span over coordinated clauses
        ("a déclaré que A, et que B": what the one cue says, as annotated), but one per clause
        that opens on a quote of its own ("estime qu'il faut « A » et que « B »")."""
        que = self.que_after(c.tokens, c.j)
        if que is None:
            return None
        limit = self.relative_end(c, que + 1)
        out: list[tuple[int, int, float]] = []
        for start, end in self.coordinated(c.tokens, que + 1):
            if start >= limit:
                continue
            if out and not any(a == start for a, _ in self.quotes.near(start, start + 1, 0)):
                out[-1] = (out[-1][0], min(end, limit), 0.85)  # the clause goes on the one before
            else:
                out.append((start, min(end, limit), 0.85))
        return out

    def fronted_end(self, c: _Cue) -> int:
        """Where a cue in a clause set before the main one stops ("Si l'armée a assuré avoir
        repris X, le groupe affirme ...": the first comma after the cue); the text's end
        otherwise.  The clause opens the sentence with one of ``fronted_subordinators``."""
        opening = fold_quotes(self.text[c.tokens[0].idx: c.tokens[c.n].idx]).lower()
        if self.fronted_participle(c):
            return self.main_clause_comma(c)
        if not opening.startswith(self.rules.fronted_subordinators):
            return len(self.text)
        return self.first_comma(c)

    def first_comma(self, c: _Cue) -> int:
        """The first comma out of quotes past a cue's content start (the text's end if none)."""
        return next((t.idx for t in c.tokens[c.j:] if t.text == "," and not self.quotes.inside(t.idx)),
                    len(self.text))

    def fronted_participle(self, c: _Cue) -> bool:
        """Whether a cue is a present participle opening its sentence, bare or after a gerund
        marker ("Affirmant que A, X a annoncé B", "En estimant que A, X ..."): its clause is set
        before the main one."""
        verb = c.tokens[c.n]
        if c.n > 1 or (c.n == 1 and lower_text(c.tokens[0]) not in self.rules.gerund_markers):
            return False
        return self.participle(verb) and (verb.head.i > verb.i or verb.dep_ == "ROOT")

    def main_clause_comma(self, c: _Cue) -> int:
        """Where a fronted participle's content stops: at the first comma out of quotes right
        before a subject that comes before its verb, the main clause's ("Estimant que la trêve
        était rompue, le groupe a suspendu ...", however the parse hangs that clause), else at the
        first comma out of quotes."""
        for t in c.tokens[c.j:-1]:
            if t.text != "," or self.quotes.inside(t.idx):
                continue
            nxt = self.tokens[t.i + 1]
            subject = nxt.head if nxt.dep_ == "det" else nxt
            if subject.dep_.startswith("nsubj") and subject.head.i > subject.i:
                return t.idx
        return self.first_comma(c)

    def relative_end(self, c: _Cue, first: int) -> int:
        """Where a cue in a relative aside stops: "X, qui a affirmé que A, a demandé B" (the
        comma before the main clause's finite verb); the sentence end otherwise."""
        verb = c.tokens[c.n]
        if not any(t.dep_.startswith("nsubj") and "Rel" in morph_values(t, "PronType") for t in children_of(verb)):
            return len(self.text)
        for m in range(first, len(c.tokens) - 1):
            nxt = c.tokens[m + 1]
            if c.tokens[m].text == "," and nxt.pos_ in ("AUX", "VERB") and "Fin" in morph_values(nxt, "VerbForm"):
                return c.tokens[m].idx
        return len(self.text)

    def frame_colon(self, c: _Cue) -> list | None:
        """ "a déclaré : ..." in the same sentence, or the quote of the next paragraph."""
        if c.low != ":":
            return None
        if c.j + 1 < len(c.tokens):
            quote = self.quote_after(c.next.idx + 1)  # ": « ... », a précisé Y": the quote alone
            end = self.clause_end(c.tokens, c.j + 1, ())
            if quote is not None and quote[1] + 1 < end and self.text[quote[1] + 1:end].strip(" .") \
                    and self.text[quote[1] + 1:end].lstrip()[:1] in (",", "—", "-"):
                end = quote[1] + 1
            return [(c.tokens[c.j + 1].idx, end, 0.9)]
        quote = self.quote_after(c.next.idx + 1)
        return [(quote[0], quote[1] + 1, 0.85)] if quote is not None else None

    def frame_quote(self, c: _Cue) -> list | None:
        """ "a lancé « ... »"."""
        if c.next.text not in self.rules.quote_pairs or c.lemma not in self.rules.speech_verbs \
                or c.lemma in self.rules.accusation_cues:
            return None
        return [(c.next.idx, self.clause_end(c.tokens, c.j, self.rules.clause_coordinators), 0.85)]

    def frame_quoted_phrase(self, c: _Cue) -> list | None:
        """ "a dénoncé une « escalade inutile »", "a parlé d'« un acte de guerre »" (the quote within
        a word or two of the "de"; not past a comma: "poursuit cet officier, « est de ... »" is an
        inverted cue's subject)."""
        of = c.next.pos_ == "ADP" and lower_text(c.next) in self.rules.de_infinitive_markers
        opens = c.next.pos_ in ("DET", "ADJ", "NOUN") or (c.reflexive and c.next.pos_ == "ADP") or of  # "s'est inquiété d'une « ... »"
        mark = next((t for t in c.tokens[c.j + 1: c.j + (3 if of and not c.reflexive else 4)]
                     if t.text in self.rules.quote_pairs or t.text in _ENDS_OR_COMMA), None)
        if c.lemma not in self.rules.speech_verbs or not opens or mark is None or mark.text in _ENDS_OR_COMMA:
            return None  # not "a ajouté le communiqué. « B »": a quote of the next sentence
        return [(c.next.idx, self.clause_end(c.tokens, c.j, (",", *self.rules.clause_coordinators)), 0.7)]

    def frame_infinitive(self, c: _Cue) -> list | None:
        """ "a assuré pouvoir régler ..."."""
        if "Inf" not in morph_values(c.next, "VerbForm") or c.lemma not in self.rules.infinitive_cues:
            return None
        if c.reflexive and c.lemma not in self.rules.reflexive_cues:
            return []  # "deux soldats qui se sont révélés être des rebelles": they turned out, said nothing
        if c.next.lemma_.lower() in self.rules.withheld_speech and clause_negation(c.tokens[c.n], self.rules):
            return []  # "n'a pas souhaité donner de détails": nothing said
        if c.next.lemma_.lower() in self.rules.pro_verbs and lower_text(c.tokens[c.j - 1]) in self.rules.object_clitics:
            return []  # "comme ils avaient annoncé le faire": the act named before, nothing said
        start = self.negation_before(c.tokens, c.n, self.clitics_before(c.tokens, c.n, c.j))  # "ne pas avoir visé"
        return [(start, self.clause_end(c.tokens, c.j, self.rules.content_stops), 0.75)]

    @staticmethod
    def clitics_before(tokens: list[Token], n: int, j: int) -> int:
        """The first of the clitic pronouns right before an infinitive content at ``j`` that
        belong to it ("a démenti se servir des hôpitaux", "a affirmé les avoir tués"), else ``j``."""
        k = j
        while k - 1 > n and tokens[k - 1].pos_ == "PRON" and tokens[k - 1].head.i >= tokens[j].i:
            k -= 1
        return k

    def negation_before(self, tokens: list[Token], n: int, j: int) -> int:
        """The start of an infinitive content with the negation between the cue at ``n`` and the
        infinitive at ``j`` ("a assuré ne pas avoir visé", "a affirmé n'avoir jamais"): from its
        particle, which before an infinitive is never expletive, it belongs to the content."""
        k = j
        while k - 1 > n and tokens[k - 1].pos_ == "ADV":
            k -= 1
        return next((t.idx for t in tokens[k:j] if lower_text(t) in self.rules.negation_particles), tokens[j].idx)

    def frame_attribute(self, c: _Cue) -> list | None:
        """ "se dit prêt à ..."."""
        if not c.reflexive or c.lemma not in self.rules.reflexive_cues or c.next.pos_ != "ADJ":
            return None
        return [(c.next.idx, self.clause_end(c.tokens, c.j, self.rules.content_stops), 0.6)]

    def frame_advocacy(self, c: _Cue) -> list | None:
        """ "a appelé (la communauté internationale) à « faire pression ... »"."""
        if c.lemma not in self.rules.advocacy_cues:
            return None
        prep = self.advocacy_prep(c.tokens, c.j, c.lemma, c.tokens[c.n])
        if prep is None:
            return None
        first = prep + 1
        return [(c.tokens[first].idx, self.clause_end(c.tokens, first, self.rules.content_stops), 0.6)] \
            if first < len(c.tokens) else []

    #: the most words between a blame cue and the event noun it lays on someone
    _BLAME_REACH = 6

    def frame_blame(self, c: _Cue) -> list | None:
        """ "a attribué l'attaque à un groupe armé", "imputent l'incident à l'armée": the event and
        whom it is laid on, to the clause's end (a comma, or a verb coordinated with the cue), when
        an event noun comes within a few words (not "a attribué un contrat à X"; not reflexive)."""
        if c.lemma not in self.rules.blame_cues or c.reflexive or not self.event_named_at(c.tokens, c.j):
            return None
        end = self.clause_end(c.tokens, c.j, (*self.rules.content_stops, ","))
        end = min([end, *(t.idx for t, nxt in zip(c.tokens[c.j:], c.tokens[c.j + 1:])
                          if lower_text(t) in self.rules.and_words and nxt.pos_ in ("AUX", "VERB")
                          and "Fin" in morph_values(nxt, "VerbForm"))])
        end = len(self.text[:end].rstrip())
        return [(c.next.idx, end, 0.6)] if end > c.next.idx else []

    def event_named_at(self, tokens: list[Token], j: int) -> bool:
        """Whether one of the first two nouns from token ``j`` (within ``_BLAME_REACH`` words) names an
        event ("l'attaque", "l'incident", "84 morts"), not a thing handed out ("un contrat")."""
        nouns = [t for t in tokens[j:j + self._BLAME_REACH] if t.pos_ == "NOUN"][:2]
        return any(t.lemma_ in words or lower_text(t) in words
                   for t in nouns for words in (self.rules.reported_events, self.rules.blamed_events))

    def frame_de_infinitive(self, c: _Cue) -> list | None:
        """ "accuse X d'élargir ...", "promet de ...", or the charge: "accuse Kiev de « terrorisme »"
        (not a reciprocal one, "s'accusent mutuellement de tirs": a noun phrase both sides say of
        the other is no claim of either)."""
        if c.lemma not in self.rules.de_infinitive_cues:
            return None
        de = self.de_infinitive(c.tokens, c.j)
        if de is not None:
            return [(c.tokens[de].idx, self.clause_end(c.tokens, de, self.rules.content_stops), 0.75)]
        if c.lemma in self.rules.accusation_cues and not c.reflexive and not self.relative_object(c.tokens[c.n]) \
                and not (_after_comma(c.tokens, c.n) and not self.subject_before(c.tokens, c.tokens[c.n])):
            # "« ... », a accusé le ministre de la Défense": its subject; not "X, le colonel Y, a qualifié"
            de = self.de_charge(c.tokens, c.j)
            if de is not None:
                return [(c.tokens[de].idx, self.clause_end(c.tokens, de, (*self.rules.content_stops, ",")), 0.65)]
        return []

    def frame_clause(self, c: _Cue) -> list | None:
        """ "said the strikes would go on": a complement clause without a complementizer (the
        cue's ``ccomp`` after it)."""
        verb = c.tokens[c.n]
        clause = next((t for t in children_of(verb) if t.dep_ == "ccomp" and t.i > verb.i), None)
        if clause is None or c.lemma not in self.rules.speech_verbs:
            return None
        first = run_position(c.tokens, clause.left_edge.i)
        if not c.n < first < len(c.tokens) or c.tokens[first].text in self.rules.quote_pairs:
            return None
        return [(c.tokens[first].idx, self.clause_end(c.tokens, first, ()), 0.8)]

    def frame_quote_before(self, c: _Cue) -> list | None:
        """ '"We will respond," the minister said' / "The talks failed, a diplomat said": the
        content before the cue's subject, which comes before the cue."""
        verb = c.tokens[c.n]
        subjects = [t for t in children_of(verb) if t.dep_.startswith("nsubj") and t.i < verb.i]
        if not subjects or c.lemma not in self.rules.speech_verbs:
            return None
        m = run_position(c.tokens, min(t.left_edge.i for t in subjects)) - 1
        if m < 1 or c.tokens[m].text not in (",", *self.rules.quote_pairs.values()):
            return None
        quoted = c.tokens[m].text != ","
        if not quoted and not any(t.pos_ in ("VERB", "AUX") for t in c.tokens[:m]):
            return None
        close = c.tokens[m].idx
        return [(self.quote_opening(close, c.tokens[0].idx), close + len(c.tokens[m].text), 0.8)]

    def que_after(self, tokens: list[Token], j: int) -> int | None:
        """Index of the "que" opening a cue's clause, past a date, a dative or an aside
        ("a affirmé mardi que", "a déclaré à la presse que", "a indiqué, lundi, qu'")."""
        aside = self.que_past_aside(tokens, j)
        if aside is not None:
            return aside
        # "a déclaré à la chaîne de l'armée, X, que": a dative before the clause
        # also a phrase of the way it was said ("a annoncé par la voix de sa porte-parole que")
        dative = j < len(tokens) and tokens[j].pos_ == "ADP" and tokens[j].head.dep_ in ("obl:arg", "iobj", "obl:agent")
        # "a affirmé dans une vidéo publiée sur la même chaîne que": a phrase of where it was said
        # (not past a conjunction: "le droit de riposter quand il le jugera bon et qu'")
        wide = not dative and j < len(tokens) and tokens[j].pos_ == "ADP"
        for m in range(j, min(len(tokens), j + (14 if dative or wide else 7))):
            t = tokens[m]
            if lower_text(t) in self.rules.complementizers:
                return m if self.opens_content(tokens, m, dative) else None
            if t.text in self.rules.quote_pairs and m + 1 < len(tokens) \
                    and lower_text(tokens[m + 1]) in self.rules.complementizers:
                continue  # "rassure « que ... »": the quote opens on the clause
            if self.ends_que_search(tokens, m, wide):
                return None
        return None

    #: the most words of an aside between a cue and its "que"
    _QUE_ASIDE_WORDS = 18

    def que_past_aside(self, tokens: list[Token], j: int) -> int | None:
        """The "que" right after an aside between commas that opens at the cue ("a estimé, dans
        un communiqué relayé dimanche par la presse, que"): the aside's last noun takes no
        relative there. None when the aside has a finite verb or a quote, or no "que" follows."""
        if j >= len(tokens) or tokens[j].text != ",":
            return None
        close = next((m for m in range(j + 1, min(len(tokens), j + self._QUE_ASIDE_WORDS))
                      if tokens[m].text == ","), None)
        if close is None or close + 1 >= len(tokens) or lower_text(tokens[close + 1]) not in self.rules.complementizers:
            return None
        if any("Fin" in morph_values(t, "VerbForm") or t.text in self.rules.quote_pairs or self.quotes.inside(t.idx)
               for t in tokens[j + 1:close]):
            return None
        return close + 1

    def ends_que_search(self, tokens: list[Token], m: int, wide: bool) -> bool:
        """Whether the token at ``m`` ends the search for a cue's "que": a quote, a stop, another
        verb's clause ("a déclaré, ajoutant que"; "n'avoir compté que"), or past a long phrase a
        conjunction."""
        t = tokens[m]
        return (wide and t.pos_ == "CCONJ") or t.text in self.rules.quote_pairs or t.text in (".", ";", ":") \
            or _opens_clause(t) or self.infinitive_before_que(tokens, m)

    def infinitive_before_que(self, tokens: list[Token], m: int) -> bool:
        """Whether an infinitive with words of its own stands at ``m`` before a "que" ("a déclaré
        n'avoir compté que cinq corps": the infinitive is the content)."""
        return "Inf" in morph_values(tokens[m], "VerbForm") and m + 1 < len(tokens) \
            and lower_text(tokens[m + 1]) not in self.rules.complementizers

    def opens_content(self, tokens: list[Token], m: int, dative: bool) -> bool:
        """Whether the "que" at ``m`` opens the cue's content, not a relative ("ces accusations,
        qu'il a qualifiées de ...", "..., ce que Kigali dément") or an adverbial clause ("tandis
        que", "alors que")."""
        before = lower_text(tokens[m - 1]) if m > 0 else None
        if m > 1 and tokens[m - 1].text == "," and tokens[m - 2].pos_ == "NOUN" and not dative \
                and lower_text(tokens[m - 2]) not in self.rules.time_words:
            return False
        if m > 0 and self.object_noun(tokens[m - 1]):
            return False  # "a démenti les accusations d'atrocités qu'elle aurait commises"
        return before not in self.rules.subordinators and before not in self.rules.relative_heads

    def object_noun(self, token: Token) -> bool:
        """Whether a noun is a verb's object or in its complement chain ("les accusations
        d'atrocités"): a "que" after it opens a relative."""
        while token.pos_ in ("NOUN", "PROPN") and token.dep_ == "nmod" and token.head.i < token.i:
            token = token.head
        if token.dep_ == "obj" and token.head.lemma_.lower() in self.rules.addressee_cues:
            return False  # "rassure les populations que ...": who is told
        return token.pos_ == "NOUN" and token.dep_ == "obj" and token.lemma_.lower() not in self.rules.time_words

    def past_apposition(self, tokens: list[Token], m: int) -> int:
        """Index of the comma closing a name apposed after a source phrase ending at comma ``m``."""
        if m + 1 >= len(tokens) or tokens[m].text != ",":
            return m
        first = self.past_titles(tokens, m + 1)  # "Selon le porte-parole, le lieutenant-général X, ..."
        ref = self.index.at_token(tokens[first]) if first < len(tokens) else None
        if ref is None or ref.entity.kind != "Person" or ref.start != tokens[first].idx:
            return m
        for n in range(first, len(tokens)):
            if tokens[n].idx >= ref.end:  # a comma, or the sentence's end ("..., selon le préfet, X.")
                return n if tokens[n].text == "," or (n == len(tokens) - 1 and tokens[n].is_punct) else m
        return m

    def past_titles(self, tokens: list[Token], j: int) -> int:
        """The index after a determiner and the titles before a name ("le général", "le
        lieutenant-général" however the tokenizer cuts it), else ``j``."""
        det = int(j < len(tokens) and tokens[j].pos_ == "DET")
        k = j + det
        while k < len(tokens) and (lower_text(tokens[k]) in self.rules.name_titles or tokens[k].text == "-"
                                   or k + 1 < len(tokens) and tokens[k + 1].text == "-" and not tokens[k].whitespace_):
            k += 1
        return k if k > j + det else j

    def coordinated(self, tokens: list[Token], first: int) -> list[tuple[int, int]]:
        """Content spans of "que A et que B": one per que-clause; "que" after a noun and a comma
        is a relative on that noun ("éradiquer les FSR, qu'il qualifie de « milice terroriste »")."""
        spans, begin = [], first
        for m in range(first, len(tokens)):
            if lower_text(tokens[m]) in self.rules.complementizers and m > begin and (
                    (tokens[m - 1].text == "," and not self.relative_on_noun(tokens, m))
                    or lower_text(tokens[m - 1]) in self.rules.coordinating_conjunctions):
                if not self.quotes.inside(tokens[m].idx):
                    spans.append((tokens[begin].idx, tokens[m - 1].idx))
                    begin = m + 1
        if begin < len(tokens):  # "..., alors que B": B is no longer what was said
            spans.append((tokens[begin].idx, self.clause_end(tokens, begin, self.rules.que_clause_stops)))
        return spans

    @staticmethod
    def relative_on_noun(tokens: list[Token], m: int) -> bool:
        """Whether the "que" at ``m`` follows a comma after a noun phrase (a relative on it)."""
        before = tokens[m - 2] if m > 1 else None
        return before is not None and (before.pos_ in ("NOUN", "PROPN", "ADJ") or before.text == ")")

    def de_infinitive(self, tokens: list[Token], j: int) -> int | None:
        """Index of the "de"/"d'" that opens an infinitive within an object phrase ("accuse les
        rebelles du Front pour la libération du peuple du Tigré (TPLF) d'avoir tué")."""
        for m in range(j, min(len(tokens), j + 16)):
            low = lower_text(tokens[m]).strip('"«“ ')
            if tokens[m].pos_ == "VERB" and "Fin" in morph_values(tokens[m], "VerbForm"):
                return None
            markers = self.rules.de_infinitive_markers
            if low in markers or low.startswith(_elided_markers(self.rules)):
                after = m + 1
                while after < len(tokens) and tokens[after].text in self.rules.quote_pairs:
                    after += 1  # "a promis de « rétablir l'ordre »"
                nxt = tokens[m] if low not in markers else (tokens[after] if after < len(tokens) else None)
                if nxt is not None and ("Inf" in morph_values(nxt, "VerbForm") or nxt.text.lower().endswith(
                        self.rules.infinitive_endings)):
                    return m
        return None

    def advocacy_prep(self, tokens: list[Token], j: int, lemma: str, verb: Token) -> int | None:
        """Index of (the last word of) the "à"/"pour"/"en faveur de" of an advocacy cue, past an
        object noun phrase: the marker of the verb's complement in the parse, else the first one
        after nouns."""
        preps = self.rules.advocacy_cues[lemma]
        for child in children_of(verb):
            if child.i > verb.i and child.dep_ in ("xcomp", "advcl", "ccomp"):
                mark = next((g for g in children_of(child) if g.dep_ in ("mark", "case") and g.i < child.i
                         and lower_text(g) in preps and run_position(tokens, g.i) >= j), None)
                if mark is not None:
                    return run_position(tokens, mark.i)
        for m in range(j, min(len(tokens), j + 10)):
            last = self.entry_at(tokens, m, preps)
            if last is not None:
                return last
            if tokens[m].pos_ not in ("DET", "NOUN", "PROPN", "ADJ", "CCONJ"):
                return None
        return None

    def de_charge(self, tokens: list[Token], j: int) -> int | None:
        """Index of the first word of the charge after "de" ("accuser X de terrorisme")."""
        for m in range(j, min(len(tokens), j + 8)):
            low = lower_text(tokens[m])
            if tokens[m].pos_ in ("VERB", "AUX") and "Fin" in morph_values(tokens[m], "VerbForm") \
                    or tokens[m].pos_ == "CCONJ" and tokens[m - 1].text == "," or _present_participle(tokens[m]):
                return None  # "a accusé l'Iran, et le secrétaire d'État X a ...", "a-t-il accusé, évoquant des
                #              tirs d'artillerie": another clause
            if low in self.rules.de_infinitive_markers and m + 1 < len(tokens):
                return m + 1
        return None

    def inverted(self, k: int, tokens: list[Token], n: int) -> _Claim | None:
        """"« ... », a déclaré X" / "Les frappes continueront, affirme X": content before the cue."""
        cue = tokens[n]
        if self.relays_speaker_before(cue) or _present_participle(cue):
            return None  # "« ... », a déclaré X, rapporte l'agence Y": Y relays X; "..., réfutant X": no subject after
        span = self.content_before(tokens, n) or self.content_around(tokens, n)
        if span is None:
            return None
        relay = self.reports_speech(tokens, *span)  # "X a souligné que A, a rapporté la radio Y"
        phrase = self.cue_phrase(tokens, n)  # "a fait valoir X": X hangs on the phrase's end
        subject = (self.hyphen_pronoun(cue) if phrase else None) or self.inverted_subject(
            tokens[n + phrase[1]] if phrase else cue)  # "a-t-il mis en garde": the pronoun on its first word
        if subject is None:
            return None
        speaker, factor = self.inverted_speaker(tokens, subject)
        end = self.past_incise(tokens, max(subject.right_edge.i, cue.i), span[1])
        s, e = self.trim(self.past_pronoun_source(tokens, span[0]), end)
        claim = _Claim(speaker, cue.text, cue.idx, cue.idx + len(cue.text), s, e, k,
                       self.modality(cue, s, e), 0.8 * factor if speaker else 0.4, source_only=relay)
        if e <= s or speaker is None:
            self.unnamed_subject(claim, subject, e > s)
            return None
        if self.waits_for_holder(claim, subject, speaker):
            return None  # "..., a annoncé un (le) porte-parole de l'armée": its body speaks unless he is named next
        self.remember_subject(subject, speaker)
        return claim

    def past_incise(self, tokens: list[Token], last: int, end: int) -> int:
        """The end of an unquoted content that an inverted cue interrupts before a phrase of the
        same clause ("des missiles conçus, ont-ils précisé, pour atteindre X"): the end of that
        phrase, the cue set inside it; ``end`` when a quote or a clause of its own follows
        (``last``: the document index of the cue group's last word)."""
        k = next((i for i, t in enumerate(tokens) if t.i > last), None)
        if k is None or k + 1 >= len(tokens) or tokens[k].text != "," or self.text[end - 1] in _CLOSING_QUOTES:
            return end
        nxt = tokens[k + 1]
        if nxt.lower_ not in self.rules.incise_continuations or not nxt.is_lower:
            return end
        stop = self.clause_end(tokens, k + 1, (",",))  # "..., pour atteindre X, rapporte Y": to X
        if any(_finite_clause(t) for t in tokens[k + 1:] if t.idx < stop and not self.quotes.inside(t.idx)):
            return end
        return stop

    def inverted_speaker(self, tokens: list[Token], subject: Token) -> tuple[MentionRef | None, float]:
        """The speaker of an inverted subject; a common noun's gives way to the person named after
        its phrase ("a déclaré un dirigeant du Hamas, X": X, not the group)."""
        speaker, factor = self.speaker_of(subject)
        if speaker is None and subject.pos_ == "PRON":  # "a affirmé l'un des dirigeants du X, le général Y"
            named = self.name_after_description(subject)
            return self.speaker_of(named) if named is not None else (None, 0.0)
        if subject.pos_ != "NOUN" or (speaker is not None and speaker.entity.kind == "Person"):
            return speaker, factor
        named = self.trailing_name(tokens, subject)
        return (named, 0.9) if named is not None or speaker is None else (speaker, factor)

    def unnamed_subject(self, claim: _Claim, subject: Token, has_content: bool) -> None:
        """An inverted cue's subject that names no actor: remembered as the last subject ("...,
        a déclaré le ministre de la Défense. « ... », souligne-t-il"), its claim kept aside when
        it is a role that may be named later ("..., a annoncé un porte-parole")."""
        if subject.pos_ == "NOUN":
            self.remember_subject(subject, None)
        if has_content:
            self.hold_for_role(claim, subject)

    def waits_for_holder(self, claim: _Claim, subject: Token, speaker: MentionRef) -> bool:
        """Whether an inverted cue's claim is kept aside for its role's holder: its speaker is no
        person nor the name apposed to the role (``hold_for_role``)."""
        return speaker.entity.kind != "Person" and not self.holder_named(subject, speaker) \
            and self.hold_for_role(claim, subject)

    def hold_for_role(self, claim: _Claim, subject: Token) -> bool:
        """Keep a claim of an unnamed role subject aside, to be said by the person named next as
        that role holder (``named_role``); False when the subject is no role."""
        role = self.role_noun(subject)
        if role:
            self.role_claims.append(dataclasses.replace(claim, role=role))
        return bool(role)

    def reports_speech(self, tokens: list[Token], start: int, end: int) -> bool:
        """Whether a clause before an inverted or aside cue is itself reported speech, out of
        quotes, with a named speaker ("M. X a souligné que A, a rapporté la radio Y"): the cue
        after it only relays X, a source that gives way to X's cue and ends X's content."""
        for t in tokens:
            if not start <= t.idx < end or t.lemma_ not in self.rules.speech_verbs or t.pos_ != "VERB" \
                    or self.quotes.inside(t.idx) or not _governs_clause(t):  # not "a lancé une attaque"
                continue
            subject = next((c for c in children_of(t) if c.dep_ == "nsubj" and start <= c.idx < t.idx), None)
            if subject is not None and self.speaker_of(subject)[0] is not None:
                return True
        return False

    def cue_group_start(self, tokens: list[Token], n: int) -> int:
        """The index before the cue at ``n`` and its auxiliaries, pronouns and fillers ("a-t-elle
        encore ajouté", "estime-t-elle", "s'est félicité")."""
        m = n - 1
        while m >= 0 and (tokens[m].dep_.startswith("aux") or tokens[m].text.startswith("-")
                          or tokens[m].pos_ == "X" and tokens[m].lemma_ in self.rules.auxiliaries  # "a" untagged
                          or lower_text(tokens[m]) in self.rules.reflexive_clitics
                          or lower_text(tokens[m]) in self.rules.cue_fillers):
            m -= 1
        aux = self.aux_before_aside(tokens, n, m)
        return self.cue_group_start(tokens, aux) if aux is not None else m

    #: the most words of an adverbial aside between an auxiliary and its cue ("a quant à lui déclaré")
    _INSERT_WORDS = 4

    def aux_before_aside(self, tokens: list[Token], n: int, m: int) -> int | None:
        """The index of the cue's own auxiliary before a short adverbial aside that ends at ``m``
        ("a de son côté affirmé", "a quant à lui déclaré", "a toutefois précisé"), or None."""
        for a in range(m - 1, max(m - self._INSERT_WORDS, -1), -1):
            tok = tokens[a]
            own = tok.dep_.startswith("aux") and tok.head.i == tokens[n].i
            if own or tok.pos_ == "AUX" and tok.lemma_ in self.rules.auxiliaries:  # also hung apart by the parse
                between = tokens[a + 1: m + 1]
                if any(t.is_punct or t.pos_ in ("VERB", "AUX", "PROPN") for t in between):
                    return None
                return a + 1 if own else a
        return None

    def content_around(self, tokens: list[Token], n: int) -> tuple[int, int] | None:
        """The sentence an inverted cue interrupts between commas ("La France, a-t-il estimé,
        n'est pas visée"; "A l'inverse, précise le journal, leurs assaillants étaient ..."): no
        verb before the cue, its subject then a comma, a finite verb after."""
        m = self.cue_group_start(tokens, n)
        if m < 1 or tokens[m].text != "," or tokens[0].text in self.rules.quote_pairs or any(
                t.pos_ in ("VERB", "AUX") for t in tokens[:m]):
            return None
        comma = next((c for c in range(n + 1, min(len(tokens), n + 8)) if tokens[c].text == ","), None)
        if comma is None or any(t.pos_ in ("VERB", "AUX") for t in tokens[n + 1: comma]):
            return None
        if not self.finite_after(tokens, comma + 1):
            return None
        return tokens[0].idx, self.clause_end(tokens, comma + 1, ())

    def finite_after(self, tokens: list[Token], k: int) -> bool:
        """Whether a finite verb follows from ``k``, out of quotes, or inside a quote opening at
        ``k`` that carries on the sentence an inverted cue interrupts, lower case ("L'objectif,
        poursuit-il, « est de reprendre X »")."""
        carried = k + 1 < len(tokens) and tokens[k].text in self.rules.quote_pairs and tokens[k + 1].is_lower
        return any("Fin" in morph_values(t, "VerbForm") and (carried or not self.quotes.inside(t.idx))
                   for t in tokens[k:])

    def content_before(self, tokens: list[Token], n: int) -> tuple[int, int] | None:
        """The span of the quote or clause that ends right before the cue at ``n`` (past its
        auxiliaries: "a-t-il ajouté", "estime-t-elle", "s'est félicité"), or None."""
        cue, m = tokens[n], self.cue_group_start(tokens, n)
        if m < 1 or tokens[m].text not in (",", *_CLOSING_QUOTES):
            return None
        m = self.past_aside_complement(tokens, m)  # "« ... », dans un district de X, a déclaré Y"
        quoted = tokens[m].text != "," or tokens[m - 1].text in _CLOSING_QUOTES
        own_subject = self.subject_before(tokens, cue) and not self.subject_misplaced(cue)
        if not quoted and (own_subject or not any(_finite_clause(t) for t in tokens[:m])):
            return None  # "X, fournisseur de Y, a annoncé ...": not a clause before the cue
        if tokens[m].text == ",":
            m -= 1
        close = tokens[m]
        opening = self.quote_opening(close.idx, tokens[0].idx)
        return self.clause_of_quote(tokens, opening), close.idx + len(close.text)

    #: the most words of a complement set between a quote and its inverted cue
    _ASIDE_WORDS = 8

    def past_aside_complement(self, tokens: list[Token], m: int) -> int:
        """The comma after a closing quote when a short complement or date with no verb stands
        between it and the cue's comma ("« ... », dans un district de Kaboul, a déclaré X"), else ``m``."""
        if tokens[m].text != ",":
            return m
        k = m - 1
        while k > 0 and m - k <= self._ASIDE_WORDS and tokens[k].text not in (*_CLOSING_QUOTES, ",", ".") \
                and tokens[k].pos_ not in ("VERB", "AUX"):
            k -= 1
        if k > 1 and m - k > 1 and tokens[k].text == "," and tokens[k - 1].text in _CLOSING_QUOTES \
                and (tokens[k + 1].pos_ in ("ADP", "ADV") or lower_text(tokens[k + 1]) in self.rules.time_words):
            return k  # also a date: "« ... », dimanche à la mi-journée, a rapporté X"
        return m

    def clause_of_quote(self, tokens: list[Token], opening: int) -> int:
        """Where the content of an inverted cue starts when its quote closes a clause of the
        reporter's ("Deux soldats sont encore « injoignables », a indiqué X": the clause), else
        the quote's opening; not after a colon ("X : « ... », a dit Y")."""
        before = [t for t in tokens if t.idx < opening]
        ends = [n for n, t in enumerate(before) if t.text in (".", "!", "?", ":", ";") and not self.quotes.inside(t.idx)]
        clause = before[ends[-1] + 1:] if ends else before
        if clause and any("Fin" in morph_values(t, "VerbForm") for t in clause):
            return clause[0].idx
        return opening

    def quote_opening(self, close: int, default: int) -> int:
        """The offset of the mark that opens the quote closing at ``close`` (else ``default``)."""
        return next((a for a, b in self.quotes.near(close, close) if b == close), default)

    def subject_before(self, tokens: list[Token], cue: Token) -> bool:
        """Whether the cue's subject comes before it and opens the sentence ("X, fournisseur de Y,
        a annoncé"), not a noun the parse took from an apposition in the clause before ("Des
        combats ont opposé ... la coalition X, une alliance de groupes, a annoncé Y") nor the
        predicate of the clause before, with its own preposition or copula ("Cent soldats sont
        au Niger, a indiqué X": Niger)."""
        for t in children_of(cue):
            if t.dep_.startswith("nsubj") and t.i < cue.i and not self.predicate_noun(t) and not any(
                    "Fin" in morph_values(v, "VerbForm") for v in tokens[:run_position(tokens, t.left_edge.i)]):
                return True
        return False

    def predicate_noun(self, noun: Token) -> bool:
        """Whether a noun has a copula or a preposition of its own (not a partitive article the
        parse took for one): a predicate or complement, no subject ("sont au Niger")."""
        return any(c.dep_ == "cop" or c.dep_ == "case" and not misread_partitive(c, self.rules)
                   for c in children_of(noun))

    def trailing_name(self, tokens: list[Token], subject: Token) -> MentionRef | None:
        """The person named after an inverted subject's phrase ("a affirmé sa directrice pour
        l'Afrique de l'Ouest, Jane Doe."), wherever the parse hangs the name: the phrase runs on
        without a verb to a comma and a person's name."""
        named = self.named_after_descriptor(tokens, run_position(tokens, subject.i) + 1)
        if named is not None:
            return named
        commas = 0
        last = min(len(self.tokens) - 1, subject.i + self._SUBJECT_PHRASE)
        for n in range(subject.i + 1, last):  # the name may open the next run
            tok = self.tokens[n]
            if tok.pos_ in ("VERB", "AUX") or tok.text in self.rules.quote_pairs or tok.text in (*_ENDS, ":", "("):
                return None
            commas += tok.text == ","
            ref = self.index.at_token(tok)
            if commas > 1 or ref is not None and ref.entity.kind == "Person" and ref.start == tok.idx:
                return ref if commas <= 1 and self.closes_subject_phrase(tok) else None
        return None

    #: the most words of an inverted subject's phrase up to the name that closes it
    _SUBJECT_PHRASE = 16

    def closes_subject_phrase(self, name: Token) -> bool:
        """Whether a person's name closes the phrase of an inverted subject as its holder ("le
        ministre de l'Information X Y", "le porte-parole de la marine, le contre-amiral X"), not
        as a complement ("le porte-parole de X", "le porte-parole du président X")."""
        before = self.tokens[name.i - 1]
        if _opens_other_phrase(before, name):
            return False
        if before.lemma_.lower() not in self.rules.role_nouns and lower_text(before) not in self.rules.name_titles:
            return True
        k = before.i - 1
        while k > 0 and self.tokens[k].pos_ == "ADJ":
            k -= 1
        return self.tokens[k].pos_ != "ADP"

    def named_after_descriptor(self, tokens: list[Token], n: int) -> MentionRef | None:
        """The actor named right after a descriptor noun, with its own article ("affirme l'ONG
        l'Observatoire X"), or the person named right after a title noun ("a expliqué le général
        X Y Z", the parse hanging the name's first word beside the title): the name the parse
        hangs beside the noun."""
        if n < len(tokens) and tokens[n].pos_ == "PROPN":
            ref = self.index.at_token(tokens[n])
            if ref is not None and ref.start == tokens[n].idx and ref.entity.kind == "Person":
                return ref
        if n + 1 >= len(tokens) or tokens[n].pos_ != "DET":
            return None
        ref = self.index.at_token(tokens[n + 1])
        return ref if ref is not None and ref.start == tokens[n + 1].idx and _ACTOR in ref.entity.types \
            and ref.mention.method != "demonym" else None

    def echo(self, k: int, tokens: list[Token], n: int) -> _Claim | None:
        """A cue in a relative on what was just said ("« ... » C'est ce qu'a affirmé X"; "..., c'est
        ce qu'a déclaré X"): the content is the sentence before, or the clause before the comma."""
        cue, m = tokens[n], n - 1
        while m >= 0 and tokens[m].dep_.startswith("aux"):
            m -= 1
        m, subject = self.subject_after_relative(tokens, m)
        if m < 1 or lower_text(tokens[m]) not in self.rules.complementizers \
                or lower_text(tokens[m - 1]) not in self.rules.relative_heads:
            return None
        span = self.echoed_span(tokens, m)
        if span is None:
            return None
        start, end = span
        subject = subject or self.inverted_subject(cue)
        speaker, factor = self.speaker_of(subject) if subject is not None else (None, 0.0)
        claim = self.word_claim(speaker, cue, start, end, k, 0.75 * factor) if speaker is not None else None
        return dataclasses.replace(claim, echo=True) if claim is not None else None

    def echoed_span(self, tokens: list[Token], m: int) -> tuple[int, int] | None:
        """What a cue in a relative on what was just said (its "que" at ``m``) says: the clause
        before the comma, or the sentence before when the relative opens its sentence."""
        comma = next((a for a in range(m - 2, 0, -1) if tokens[a].text == ","), None)
        if comma is not None:
            return tokens[0].idx, tokens[comma].idx
        if m - 1 > 3:
            return None
        at = self.units.sentence_at(tokens[0].idx)
        if at == 0:
            return None
        before = self.sentences[at - 1]
        if "\n\n" in self.text[before.end:tokens[0].idx]:
            return None  # another paragraph
        return before.start, before.end

    #: how many words a subject set between a relative "que" and its cue may have
    _RELATIVE_SUBJECT_REACH = 6

    def subject_after_relative(self, tokens: list[Token], m: int) -> tuple[int, Token | None]:
        """For a cue whose subject comes between "ce que" and it ("..., ce que le Rwanda a nié",
        "ce qu'un porte-parole militaire tchadien a démenti"): the position of that "que" and the
        subject's noun; else ``m`` and None."""
        j = m
        while j > 0 and m - j < self._RELATIVE_SUBJECT_REACH and tokens[j].pos_ in ("NOUN", "PROPN", "DET", "ADJ") \
                and lower_text(tokens[j]) not in self.rules.complementizers:
            j -= 1
        if j == m or lower_text(tokens[j]) not in self.rules.complementizers:
            return m, None
        span = tokens[j + 1:m + 1]
        nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN")]
        head = next((t for t in nouns if not span[0].i <= t.head.i <= span[-1].i), nouns[0] if nouns else None)
        return j, head

    def word_claim(self, speaker: MentionRef, cue: Token, start: int, end: int, k: int,
                   confidence: float) -> _Claim | None:
        """The claim of a one-word cue over a content span, trimmed (None when nothing is left)."""
        start, end = self.trim(start, end)
        if end <= start:
            return None
        return _Claim(speaker, cue.text, cue.idx, cue.idx + len(cue.text), start, end, k,
                      self.modality(cue, start, end), confidence)

    def object_content(self, tokens: list[Token], cue: Token, lemma: str) -> list[tuple[int, int, float]]:
        """The noun phrase a content verb takes as object ("constate une recrudescence des
        attaques", "nie toute implication"): what is said is that thing, also a noun that could
        speak when the subject came first ("le groupe annonce un bilan de 30 morts")."""
        subject_first = any(c.dep_ == "nsubj" and c.i < cue.i for c in children_of(cue))
        for child in self.objects_past_days(cue):
            if not self.said_object(cue, child, subject_first, lemma):
                continue
            ids = [t.i for t in child.subtree if t.i >= child.i or t.dep_ in ("det", "nummod")]
            first, last = min(ids), max(ids)
            if child.dep_ in ("obl:arg", "nmod"):  # "annonce des frappes": the article read as a preposition
                first = child.left_edge.i
            if last - first < 1 or not tokens[0].i <= first <= tokens[-1].i or self.pointed_back(cue, child, last):
                continue
            end = self.tokens[min(last, tokens[-1].i)]
            return [(self.tokens[first].idx, end.idx + len(end.text), 0.6)]
        return self.passive_content(tokens, cue, lemma)

    def passive_content(self, tokens: list[Token], cue: Token, lemma: str) -> list[tuple[int, int, float]]:
        """The subject of a content verb in the passive with its agent, what the agent says ("L'attaque
        a été revendiquée par les talibans", "la mort du chef a été confirmée par l'armée", also
        coordinated: "a été menée ... et a été revendiquée par X"), under the rules of an object;
        not a participle describing a noun ("une attaque revendiquée par X"), a pronoun, an actor,
        nor words past a comma or a bracket after the noun ("L'attaque, qui a tué dix soldats, ...")."""
        noun = self.passive_subject(cue) if lemma in self.rules.object_content_cues \
            and lemma not in self.rules.passive_topic_cues else None
        if noun is None or not tokens[0].i <= noun.left_edge.i:
            return []
        if cue.lemma_ in self.rules.report_cues and noun.lemma_ not in self.rules.reported_events:
            return []  # "l'envoi de renforts a été annoncé par X": an act, not a report
        last = next((t.i - 1 for t in self.tokens[noun.i + 1:noun.right_edge.i + 1] if t.text in (",", "(")),
                    noun.right_edge.i)
        if self.pointed_back(cue, noun, last):
            return []
        end = self.tokens[last]
        return [(self.tokens[noun.left_edge.i].idx, end.idx + len(end.text), 0.6)]

    def passive_subject(self, cue: Token) -> Token | None:
        """The noun subject before it, naming no actor, of a passive cue with an agent (also the
        subject of the passive verb it is coordinated with: ``passive_subjects``), or None."""
        if self.passive_agent(cue) is None or not any(c.dep_ == "aux:pass" for c in children_of(cue)):
            return None
        noun = next((c for c in passive_subjects(cue) if c.i < cue.i), None)
        return noun if noun is not None and noun.pos_ == "NOUN" and self.index.at_token(noun) is None else None

    def pointed_back(self, cue: Token, noun: Token, last: int) -> bool:
        """Whether a negated cue's object only points back at what was told before, a
        demonstrative and its noun ("n'a pas confirmé ces frappes"), or is a report withheld ("n'a
        pas annoncé ses pertes"): nothing is said (a denial says the contrary: "a démenti cette
        version" stays)."""
        if cue.lemma_.lower() in self.rules.denial_verbs or clause_negation(cue, self.rules) is None:
            return False
        if cue.lemma_.lower() in self.rules.report_cues:
            return True  # "n'a pas annoncé ses pertes": a report withheld says nothing
        return last == noun.i and any("Dem" in morph_values(c, "PronType") for c in children_of(noun) if c.dep_ == "det")

    def objects_past_days(self, cue: Token):
        """The cue's children, the object the parse hangs on a day right after the cue ("a
        revendiqué jeudi la prise de X": "prise" the object of "jeudi"), and the first noun it
        hangs inside an adjunct opening right after the cue (``object_in_adjunct``)."""
        yield from self.objects_in_adjuncts(cue)
        for child in children_of(cue):
            yield child
            if child.i == cue.i + 1 and child.lemma_.lower() in self.rules.time_words:
                yield from (c for c in children_of(child) if c.dep_ == "obj")
                # "a revendiqué lundi 26 attentats": the object read as a second adjunct
                yield from (c for c in children_of(cue) if c.i > child.i and c.dep_ == "obl:mod" and c.pos_ == "NOUN"
                            and c.lemma_.lower() not in self.rules.time_words
                            and not any(g.dep_ == "case" for g in children_of(c)))

    def objects_in_adjuncts(self, cue: Token) -> list[Token]:
        """The first noun inside the adjuncts right after a cue that stands as its object."""
        return [t for a in self.adjuncts_after(cue) for t in a.subtree
                if t.i > a.i and t.dep_ == "nmod" and self.object_in_adjunct(t)][:1]

    def adjuncts_after(self, cue: Token) -> list[Token]:
        """The adjuncts of a cue that follow it word after word, none its object ("a revendiqué
        | dans la nuit de lundi | à mardi | des frappes")."""
        found, at = [], cue.i + 1
        for child in children_of(cue):
            if child.i <= cue.i:
                continue
            if child.left_edge.i != at or child.dep_ == "obj" or child.pos_ == "PUNCT":
                break
            found.append(child)
            at = child.right_edge.i + 1
        return found

    def said_object(self, cue: Token, child: Token, subject_first: bool, lemma: str) -> bool:
        """Whether a child of a content verb is the noun phrase said."""
        if not self.object_like(cue, child):
            return False
        noun = self.partitive_noun(child) or child  # "a revendiqué l'une des deux attaques": "attaques"
        if noun.pos_ not in ("NOUN", "PROPN"):
            return False
        if (child.lemma_ in self.rules.speaking_groups and not subject_first) or self.index.at_token(noun) is not None:
            return False  # "..., a reconnu un porte-parole": the subject after the verb, not what is said
        if lemma not in self.rules.object_content_cues:  # "a exprimé sa ferme opposition à X"
            return child is noun and child.lemma_ in self.rules.stance_object_nouns and _own_or_indefinite(child)
        # "a annoncé la mort de 57 civils" reports; "a annoncé l'envoi de missiles" acts
        return cue.lemma_ not in self.rules.report_cues or noun.lemma_ in self.rules.reported_events

    def object_like(self, cue: Token, child: Token) -> bool:
        """Whether a child after a content verb stands as its object: an object, an adjunct
        right after a day, or a partitive the parse read as a "de" complement."""
        if child.i < cue.i:
            return False
        if child.dep_ == "obl:mod":
            return self.after_day(cue, child)
        if child.dep_ == "nmod":
            return self.object_in_adjunct(child)
        return child.dep_ == "obj" or self.partitive_object(cue, child)

    def object_in_adjunct(self, noun: Token) -> bool:
        """Whether a noun the parse hangs as a complement inside an adjunct of a content verb is
        its object ("a revendiqué dans un communiqué l'attaque", "a confirmé lors d'un point de
        presse la mort de X"): a determiner and no preposition of its own, or a partitive article
        read as one right after a day or a date ("la nuit de mardi à mercredi des
        attaques"; not "lors d'une conférence de presse des rebelles", a genitive)."""
        if noun.pos_ != "NOUN":
            return False
        cases = [g for g in children_of(noun) if g.dep_ == "case"]
        if not cases:
            return any(g.dep_ == "det" for g in children_of(noun))
        return len(cases) == 1 and cases[0].i == noun.left_edge.i and lower_text(cases[0]) in \
            self.rules.partitive_articles and self.after_date(noun)

    def after_date(self, noun: Token) -> bool:
        """Whether a phrase comes right after a day or a number, where its "des" or "du" is a
        partitive article, no genitive ("dans la nuit de lundi à mardi des frappes")."""
        before = self.tokens[noun.left_edge.i - 1]
        return before.lemma_.lower() in self.rules.time_words or before.like_num

    def partitive_object(self, cue: Token, noun: Token) -> bool:
        """Whether a phrase the parse hangs on a cue as a "de" complement is its object, its
        partitive article read as a preposition ("annonce des frappes", "qui rapporte aussi des
        destructions"): opened by that article right after the cue, past days and adverbs."""
        if noun.dep_ != "obl:arg" or not any(g.dep_ == "case" and g.i == noun.left_edge.i and lower_text(g)
                                              in self.rules.partitive_articles for g in children_of(noun)):
            return False
        return all(t.pos_ == "ADV" or t.lemma_.lower() in self.rules.time_words
                   for t in self.tokens[cue.i + 1:noun.left_edge.i]) or any(
            a.right_edge.i + 1 == noun.left_edge.i for a in self.adjuncts_after(cue) if a is not noun) \
            and self.after_date(noun)

    def after_day(self, cue: Token, noun: Token) -> bool:
        """Whether a phrase the parse reads as an adjunct of a cue is its object: right after it
        past a day ("a revendiqué lundi 26 attentats"), or a number picking some of a set right
        after it ("a revendiqué deux des attaques")."""
        first = min(t.i for t in noun.subtree)
        if noun.lemma_.lower() in self.rules.time_words or first <= cue.i:
            return False
        if first == cue.i + 1:
            return self.partitive_noun(noun) is not None
        return all(self.tokens[j].lemma_.lower() in self.rules.time_words for j in range(cue.i + 1, first))

    def partitive_noun(self, head: Token) -> Token | None:
        """The noun a pronoun or number picks some of ("l'une des deux attaques", "deux des
        attentats"): its complement opened by "de", or None."""
        if head.pos_ not in ("PRON", "NUM"):
            return None
        return next((c for c in children_of(head) if c.dep_ == "nmod" and c.pos_ == "NOUN" and any(
            g.dep_ == "case" and lower_text(g) in self.rules.of_prepositions for g in children_of(c))), None)

    def parenthetical(self, k: int, tokens: list[Token], n: int) -> _Claim | None:
        """ "comme le précise X : « ... »" (the quote after) or "..., comme l'a dit X" (the clause
        before): a cue in a comparative aside, its subject after it."""
        m = self.aside_opener(tokens, n)
        if m is None:
            return None
        cue = tokens[n]
        subject = self.inverted_subject(cue)
        speaker, factor = self.speaker_of(subject) if subject is not None else (None, 0.0)
        if speaker is None:
            return None
        self.remember_subject(subject, speaker)
        span = self.quote_after_speaker(tokens, n, speaker)
        if span is None and m > 0 and tokens[m - 1].text == ",":
            span = tokens[0].idx, tokens[m - 1].idx
        if span is None:
            return None
        claim = self.word_claim(speaker, cue, *span, k, 0.8 * factor)
        if claim is None or not self.reports_speech(tokens, *span):
            return claim
        return dataclasses.replace(claim, source_only=True)  # "X a indiqué que A, comme le rapporte Y"

    def aside_opener(self, tokens: list[Token], n: int) -> int | None:
        """The index of the word opening the comparative aside of the cue at ``n`` ("comme",
        past auxiliaries and object clitics: "comme l'a dit"), or None."""
        m = n - 1
        while m >= 0 and (tokens[m].dep_.startswith("aux") or lower_text(tokens[m]) in self.rules.object_clitics):
            m -= 1
        if m < 0:
            return None
        openers = self.rules.parenthetical_openers
        longest = max((len(_words_of(o)) for o in openers), default=1)
        return next((start for start in range(m, max(-1, m - longest), -1)
                     if self.entry_at(tokens, start, openers) == m), None)

    def quote_after_speaker(self, tokens: list[Token], n: int, speaker: MentionRef) -> tuple[int, int] | None:
        """The quote opening right after the colon or comma that follows an inverted speaker."""
        after = next((t for t in tokens[n + 1:] if t.text in (":", ",") and t.idx >= speaker.end), None)
        quote = self.quotes.first_after(after.idx) if after is not None else None
        return (quote[0], quote[1] + 1) if quote is not None and quote[0] - after.idx <= 3 else None

    def source_claims(self, k: int, tokens: list[Token]) -> list[_Claim]:
        """ "selon X, ...", "d'après X", "pour X, ...", "aux yeux de X", "..., selon X"."""
        every = word_columns(self.doc)[1]
        lows = [every[t.i] for t in tokens]
        claims = []
        prepositions, phrases = self.rules.source_prepositions, self.source_phrases
        for n in range(len(lows)):
            if lows[n] not in prepositions and tokens[n].i not in phrases:
                continue  # no sourcing word starts here (most words)
            width = self.source_width(tokens, n)
            if width and not self.quotes.inside(tokens[n].idx) and not self.relays_before(tokens, lows, n):
                claim = self.source_claim(k, tokens, lows, n, width)
                if claim is not None:
                    claims.append(claim)
        return claims

    def relays_before(self, tokens: list[Token], lows: list[str], n: int) -> bool:
        """ "selon X cités par Y", "selon X, cité par Y, ...", "..., a déclaré X, cité par Y": a
        relay read with the source or cue before it, no claim of its own; so is a relay that
        qualifies a verb's subject ("un responsable cité par l'agence Y a fait état de ...", "X,
        cité par Y, a affirmé que": the subject speaks through his own verb, Y only relays him)."""
        if lows[n] not in self.rules.relay_words:
            return n > 1 and tokens[n - 1].text == "," and self.named_after_inverted(tokens[n - 2])
        return self.qualifies_subject(tokens[n]) or self.relays_source_before(tokens, lows, n)

    def relays_source_before(self, tokens: list[Token], lows: list[str], n: int) -> bool:
        """Whether the relay at ``n`` follows a sourcing phrase of its clause, or a comma after a
        sourcing phrase or a cue ("selon X cités par Y", "..., a déclaré X, cité par Y")."""
        def sourced(j: int) -> bool:  # a sourcing phrase other than a relay starts at j
            return bool(self.source_width(tokens, j)) and lows[j] not in self.rules.relay_words

        chunk = next((a + 1 for a in range(n - 1, -1, -1) if tokens[a].text == ","), 0)
        if any(sourced(j) for j in range(chunk, n)):
            return True
        return n > 0 and tokens[n - 1].text == "," and any(
            sourced(j) or self.cue_lemma(tokens[j], tokens[j - 1] if j else None) for j in range(n))

    @staticmethod
    def qualifies_subject(relay: Token) -> bool:
        """Whether a relay participle qualifies a verb's subject named before it, or a noun in
        that subject's complement chain ("un responsable du comité ... cité par Y a fait état"),
        also where the parse, missing the verb, makes that subject the sentence's root."""
        noun = relay.head
        if relay.dep_ != "acl":
            return False
        for _ in range(6):  # up the complements ("auprès du parquet", "de la région")
            if noun.dep_ == "nsubj" or noun.head.i >= noun.i or noun.head.pos_ not in ("NOUN", "PROPN", "ADV"):
                break
            noun = noun.head
        return noun.i < relay.i and noun.dep_ in ("nsubj", "ROOT") and noun.pos_ in ("NOUN", "PROPN")

    #: how many words a source phrase may have, a bracketed name apart ("selon un nouveau bilan de
    #: la Commission nationale des droits humains du Tchad (CNDH)")
    _SOURCE_WORDS = 14

    def source_claim(self, k: int, tokens: list[Token], lows: list[str], n: int, width: int) -> _Claim | None:
        """The claim of the sourcing phrase at ``n``: its speaker, then its content."""
        # "pour X, ...": a preposition that introduces a source only where it opens a clause
        is_pour = lows[n] in self.rules.source_prepositions and lows[n] not in self.rules.source_words
        if is_pour and not self.opens_clause_at(tokens, lows, n):
            return None
        m = _phrase_end(tokens, n + width)  # the source phrase runs to the next comma (or the sentence end)
        phrase = tokens[n + width: m]
        if not phrase or _words_out_of_brackets(phrase) > self._SOURCE_WORDS:
            return None
        head = _phrase_head(phrase)
        (ref, factor), sources, m = self.source_speaker(tokens, lows, phrase, head, n + width, m)
        if is_pour and (ref is None or _ACTOR not in ref.entity.types or head.pos_ == "VERB"):
            return None
        span = self.source_content(tokens, lows, n, m)
        if span is None or self.cataphoric_source(tokens, head, span[1]):
            return None
        self.remember_source(head, ref)
        s, e = self.trim(*span)
        if e <= s:
            return None
        cue_start, cue_end = tokens[n].idx, tokens[n + width - 1].idx + len(tokens[n + width - 1].text)
        conf = (0.65 if is_pour else 0.8) * factor if ref else 0.4
        return _Claim(ref, self.text[cue_start:cue_end], cue_start, cue_end, s, e, k,
                      self.modality(None, s, e, " ".join(lows[n:m])), conf, source_only=True, sources=sources)

    def past_pronoun_source(self, tokens: list[Token], start: int) -> int:
        """A content's start past a pronoun source opening it ("Selon lui, A, a déclaré X": A)."""
        n = next((n for n, t in enumerate(tokens) if t.idx >= start), None)
        width = self.source_width(tokens, n) if n is not None else 0
        if not width or n + width + 1 >= len(tokens) or tokens[n + width + 1].text != ",":
            return start
        pronoun = tokens[n + width]
        if pronoun.pos_ != "PRON" or pronoun_form(pronoun) not in self.rules.pronoun_gender:
            return start
        return tokens[n + width + 2].idx if n + width + 2 < len(tokens) else start

    def cataphoric_source(self, tokens: list[Token], head: Token, end: int) -> bool:
        """Whether a pronoun source names the speaker of the inverted cue that closes its clause
        ("Selon lui, la ville est tombée, a déclaré le général X": X, not the actor before)."""
        if head.pos_ != "PRON" or pronoun_form(head) not in self.rules.pronoun_gender:
            return False
        j = next((j for j, t in enumerate(tokens) if t.idx >= end), len(tokens))
        if j >= len(tokens) or tokens[j].text != ",":
            return False
        j += 1
        while j < len(tokens) and tokens[j].dep_.startswith("aux"):
            j += 1
        return j + 1 < len(tokens) and tokens[j].lemma_ in self.rules.speech_verbs \
            and not tokens[j + 1].text.startswith("-") and tokens[j + 1].pos_ != "PUNCT"

    def remember_source(self, head: Token, ref: MentionRef | None) -> None:
        """ "Selon l'amiral X, ... « ... », a-t-il souligné", "À en croire l'ONG, ..., estime-t-elle":
        an actor as source is the one a following pronoun of its gender names."""
        if ref is not None and _ACTOR in ref.entity.types and head.pos_ in ("NOUN", "PROPN"):
            self.remember_subject(head, ref)

    def opens_clause_at(self, tokens: list[Token], lows: list[str], n: int) -> bool:
        """Whether token ``n`` opens a clause: first, or after punctuation or a conjunction."""
        before = tokens[n - 1] if n else None
        return before is None or before.pos_ == "CCONJ" or lows[n - 1] in self.rules.coordinating_conjunctions or (
            before.pos_ == "PUNCT" and before.text not in _CLOSING_QUOTES)  # not "un « instrument » pour X"

    def source_speaker(self, tokens: list[Token], lows: list[str], phrase: list[Token], head: Token,
                       first: int, m: int):
        """Who a source phrase names, ((speaker, factor), relayed sources, end of the phrase): its
        head's actor, the medium that relays it ("selon X cités par Y"), a name apposed after it
        ("Pour la présidente de X, Jane Doe, ..."); a relay after its comma is skipped."""
        ref, factor = self.speaker_of(head, range(phrase[0].i, phrase[-1].i + 1))
        relayed = self.relayed_source(phrase, lows[first: m])
        sources: tuple[str, ...] = ()
        if relayed is not None:
            (ref, factor), sources = relayed
        apposed = self.past_apposition(tokens, m)
        if apposed != m:
            if ref is None or ref.entity.kind != "Person":
                ref, factor = self.index.at_token(tokens[self.past_titles(tokens, m + 1)]), 1.0
            m = apposed
        relay = m + 1
        if relay < len(tokens) and lows[relay] in self.rules.relay_words and self.source_width(tokens, relay):
            # "selon X, cité par Y, ...": skip Y
            relay = _phrase_end(tokens, relay + self.source_width(tokens, relay))
            if relay < len(tokens) and tokens[relay].text == ",":
                m = relay
        return (ref, factor), sources, m

    def source_content(self, tokens: list[Token], lows: list[str], n: int, m: int) -> tuple[int, int] | None:
        """What a source phrase sources: the clause after its comma when it comes first, the
        clause before it when it comes last, the aside it closes ("X, soutenus par Y selon
        l'ONU, ...")."""
        lead = [j for j, t in enumerate(tokens[:n]) if t.pos_ not in ("CCONJ", "PUNCT", "ADV", "SCONJ", "ADP")
                and lows[j] not in self.rules.connective_words]
        if m < len(tokens) - 1 and self.sources_after(tokens, n, m, bool(lead)):
            first = self.past_source_aside(tokens, m + 1)
            return tokens[first].idx, self.clause_end(tokens, first, ())
        if n == 0:
            return None
        s, e = self.clause_opening(tokens, lows, lead[0]) if lead else tokens[0].idx, tokens[n - 1].idx
        aside = next((a for a in range(n - 1, 0, -1) if tokens[a].text == ","), None)
        if tokens[n - 1].text != "," and m < len(tokens) and tokens[m].text == "," and aside is not None:
            return tokens[aside + 1].idx, tokens[n].idx
        if tokens[n - 1].text != ",":
            return s, self.unparted_source_end(tokens, n, m)
        return s, self.set_off_source_end(tokens, m, e)

    def set_off_source_end(self, tokens: list[Token], m: int, end: int) -> int:
        """Where the clause a source phrase set between commas interrupts ends: past the phrase
        when the rest of that clause follows ("Les frappes, selon X, ont tué 20 civils": the whole
        clause), else at the phrase (``end``)."""
        if m < len(tokens) - 1 and tokens[m].text == "," and not self.new_clause_after(tokens, m + 1):
            return self.clause_end(tokens, m + 1, ())
        return end

    def new_clause_after(self, tokens: list[Token], first: int) -> bool:
        """Whether a source phrase set between commas inside a clause is followed by a clause of
        its own ("A a repris, selon X, et les rebelles ont pris B"), not by the rest of the clause
        it interrupts ("Les frappes, selon X, ont tué ...", "visaient, selon X, à déployer ...")."""
        if tokens[first].pos_ == "CCONJ":
            return True
        start = tokens[first].i
        for t in tokens[first:]:
            if t.text in _ENDS:
                return False
            verb = t.head if t.dep_.startswith("aux") else t
            if "Fin" in morph_values(t, "VerbForm") and t.dep_ != "fixed" and any(
                    c.dep_.startswith("nsubj") and c.i >= start for c in children_of(verb)):
                return True
        return False

    def sources_after(self, tokens: list[Token], n: int, m: int, lead: bool) -> bool:
        """Whether a source phrase sources what follows it: it opens its clause, or a relative
        ("des frappes qui, selon X, visaient ...")."""
        return not lead or self.relative_before_source(tokens, n, m)

    @staticmethod
    def relative_before_source(tokens: list[Token], n: int, m: int) -> bool:
        """Whether a source phrase set off by commas opens a relative clause ("des frappes qui,
        selon X, visaient des bases"): it sources the relative's verb phrase after it."""
        return n >= 2 and tokens[n - 1].text == "," and tokens[m].text == "," \
            and "Rel" in morph_values(tokens[n - 2], "PronType") and tokens[n - 2].dep_.startswith("nsubj")

    def unparted_source_end(self, tokens: list[Token], n: int, m: int) -> int:
        """Where the clause of a source phrase with no comma before it ends: at the phrase when it
        closes the sentence ("... dans la ville selon l'ONU."), else at the clause's end ("Les
        frappes ont selon l'ONU tué 20 civils")."""
        last = m >= len(tokens) - 1 and not any(t.pos_ in ("VERB", "AUX") for t in tokens[n:m])
        return tokens[n].idx if last else self.clause_end(tokens, 0, ())

    def past_source_aside(self, tokens: list[Token], j: int) -> int:
        """Past an aside on the source before what it sources ("Selon l'OSDH, qui dispose d'un
        réseau de sources, 20 civils ...", "Selon X, citant des sources médicales, ..."), else ``j``."""
        opener = tokens[j]
        apposed = opener.pos_ == "DET" and opener.head.i > opener.i and (
            opener.head.dep_ == "appos" and opener.head.head.i < opener.i and self.verbless_aside(opener.head)
            or self.role_aside(opener.head)) or self.bare_role_aside(opener)
        if "Rel" not in morph_values(opener, "PronType") and not _present_participle(opener) and not apposed:
            return j  # also "Pour X, le PDG de Y, le radar est ..."
        close = next((a for a in range(j + 1, len(tokens) - 1) if tokens[a].text == ","), None)
        return close + 1 if close is not None else j

    def role_aside(self, noun: Token) -> bool:
        """Whether a noun after a source's comma is its role, the clause after the next comma
        ("Selon X, le porte-parole de l'armée, douze soldats ...")."""
        return noun.lemma_.lower() in self.rules.role_nouns and self.verbless_aside(noun)

    def bare_role_aside(self, noun: Token) -> bool:
        """Whether a role noun with no article opens the aside after a source's comma, its phrase
        closed by a comma with no finite verb ("Selon X, porte-parole des casques bleus déployés
        au Y (Z) pour le secteur oriental, des manifestants ..."): what follows is sourced."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in self.rules.role_nouns:
            return False
        close = next((t for t in noun.doc[noun.i + 1: noun.i + 24] if t.text in (",", ".", ";", ":")), None)
        return close is not None and close.text == "," and not any(
            "Fin" in morph_values(t, "VerbForm") for t in noun.doc[noun.i: close.i])

    @staticmethod
    def verbless_aside(noun: Token) -> bool:
        """Whether a singular noun's phrase ends at a comma within ten words, with no verb, and
        no relative opens after it ("le PDG de Y, le radar est"; not "les soldats, qui ...")."""
        close = next((t for t in noun.doc[noun.i + 1: noun.i + 10] if t.text in (",", ".")), None)
        if close is None or close.text != "," or "Plur" in morph_values(noun, "Number"):
            return False
        after = noun.doc[close.i + 1] if close.i + 1 < len(noun.doc) else None
        return after is not None and "Rel" not in morph_values(after, "PronType") and not any(
            t.pos_ in ("VERB", "AUX") for t in noun.doc[noun.i: close.i])

    def clause_opening(self, tokens: list[Token], lows: list[str], first: int) -> int:
        """Where a clause before a source phrase opens: with the prepositions and adverbs before
        its first full word ("Au moins 28 membres ont été tués, selon X"; "Depuis novembre, ..."),
        past conjunctions, connectives and an adverb set off by a comma ("Mais", "Ainsi,")."""
        j = first
        while j > 0 and tokens[j - 1].pos_ in ("ADP", "ADV", "DET") and tokens[j].text != "," and not (
                lows[j - 1] in self.rules.connective_words and lows[j] in (*self.rules.connective_words,
                                                                          *self.rules.complementizers)):
            j -= 1
        return tokens[j].idx

    def relayed_source(self, phrase: list[Token], lows: list[str]):
        """A source phrase that names its relay ("des responsables américains cités par le New York
        Times"): the medium speaks, from the source; ((speaker, factor), sources) or None."""
        at = next((r for r in range(1, len(phrase)) if lows[r] in self.rules.relay_words
                   and self.source_width(phrase, r)), None)
        if at is None:
            return None
        width = self.source_width(phrase, at)
        origin, medium = phrase[:at], phrase[at + width:]
        if not medium:
            return None
        span = range(phrase[0].i, phrase[-1].i + 1)
        teller, factor = self.speaker_of(_phrase_head(medium), span)
        head = _phrase_head(origin)
        source, _ = self.speaker_of(head, range(origin[0].i, origin[-1].i + 1))
        if teller is None:
            return (source, 0.8), ()
        if source is None and head.lemma_.lower() in self.rules.document_nouns:
            return (None, 0.0), ()  # "selon le communiqué cité par l'agence Y": Y did not write it
        return (teller, factor), tuple(dict.fromkeys(r.entity.id for r in (teller, source) if r is not None))

    def run(self) -> tuple[Statement, ...]:
        claims = self.claims
        headline = _headline_end(self.text)
        for first, last in self.units.runs:
            if first in self.skip:
                continue
            k = first
            tokens = self.reading.run_tokens(first, last)
            if not tokens or tokens[0].idx < headline:
                continue  # a headline's claim is the lead's, said again in short
            found = self.source_claims(k, tokens) + self.cue_claims(k, tokens)
            found += self.colon_quotes(k, tokens, found)
            if not found and claims:
                found = self.continued_quote(claims, tokens)
            elif found:
                found += self.quote_closing_run(claims, found, tokens)
            claims.extend(found)
        named = [c for c in (self.named_role(c, claims) for c in self.role_claims) if c.speaker is not None]
        claims[:] = [c for c in self.participles_named(sorted([*claims, *named], key=lambda c: c.cue_start))
                     if not self.describes_other(c)]
        return self.build(self.cut_at_own_cue(_drop_duplicates(claims)), claims)

    def cut_at_own_cue(self, claims: list[_Claim]) -> list[_Claim]:
        """A content that runs over the cue of the same speaker's next claim of its sentence, past
        a comma ("a nié que A, tout en reconnaissant que B", "a annoncé A, en affirmant B", "A,
        bien que, comme le rappelle X, B") ends at that comma: B is a claim of its own."""
        out = []
        by_sentence: dict[int, list[_Claim]] = {}  # the claims of each sentence, in order
        for c in claims:
            by_sentence.setdefault(c.sentence, []).append(c)
        spans = SpanIndex(claims)
        for a in claims:
            for b in by_sentence[a.sentence]:
                if b is not a and _same_speaker(a, b) and a.start < b.cue_start < a.end <= b.end \
                        and b.cue_end <= b.start:
                    cut = self.clause_comma(a.start, b.cue_start)
                    a = a if cut is None else dataclasses.replace(a, end=cut)
            if not self.only_speaker_left(a) and not self.restated(a, spans):
                out.append(a)
        return out

    def restated(self, claim: _Claim, claims: SpanIndex) -> bool:
        """Whether a claim re-reads words its speaker is said to say in another claim: its cue,
        whose subject is a pronoun, and its content lie inside that claim's content ("a indiqué qu'il
        soutenait « la légalité »", "a déclaré qu'il soutiendrait A et que B": the outer claim says it).
        ``claims``: the document's claims, looked up by the span they hold."""
        if claim.end <= claim.cue_start or not any(
                o is not claim and not o.source_only and _same_speaker(o, claim)
                for o in claims.containing(claim.cue_start, claim.end)):
            return False
        cue = self.doc.char_span(claim.cue_start, claim.cue_end, alignment_mode="expand")
        return bool(cue) and any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in children_of(cue[0]))

    def only_speaker_left(self, claim: _Claim) -> bool:
        """Whether a content cut at its speaker's next cue holds only that speaker's own phrase,
        no verb ("Les Gardiens, unité d'élite, ont annoncé A conçus, ont-ils précisé, pour B":
        the "précisé" content is A's clause, not the subject of "annoncé")."""
        span = self.doc.char_span(claim.start, claim.end, alignment_mode="expand")
        return claim.speaker is not None and span is not None and claim.start <= claim.speaker.start < claim.end \
            and not any(t.pos_ in ("VERB", "AUX") for t in span)

    def clause_comma(self, start: int, cue: int) -> int | None:
        """The offset of the comma that opens a cue's clause inside a content begun at ``start``:
        the first of the commas before the cue with only linking words between them and it
        ("tout en", "bien que, comme le"); with no comma, the end of the word before a
        coordinating conjunction that joins the cue ("a assuré que A et a promis que B": A);
        None when a content word comes first."""
        span = self.doc.char_span(start, cue, alignment_mode="expand")
        comma = conj = None
        for t in reversed(span or ()):
            if t.text == ",":
                comma = t
            elif t.pos_ == "CCONJ":
                conj = t
            elif t.pos_ not in _LINK_POS:
                break
        if comma is None and conj is not None and conj.i > 0 and conj.nbor(-1).idx > start:
            return conj.nbor(-1).idx + len(conj.nbor(-1).text)
        return comma.idx if comma is not None and comma.idx > start else None

    def describes_other(self, claim: _Claim) -> bool:
        """Whether a claim's speaker, known only by a description ("la milice kurde"), is named
        by name in its own content ("a annoncé la fin de sa campagne contre l'EI"): the
        description named the wrong actor, who speaks of another."""
        speaker = claim.speaker
        if speaker is None or speaker.mention.method != "description" or speaker.start >= claim.start:
            return False
        comma = self.text.find(",", claim.start, claim.end)  # "..., comme le rappelle HRW": an aside of its own
        return any(r.entity.id == speaker.entity.id and r.mention.method != "description"
                   for r in self.index.nearest_before(claim.end if comma < 0 else comma, claim.start))

    def participles_named(self, claims: list[_Claim]) -> list[_Claim]:
        """A participle's claim with no speaker right after an inverted cue whose unnamed role
        was named later ("« A », a ajouté le porte-parole, précisant que B"), or right after the
        content of a cue before it ("La porte-parole a déclaré que A, affirmant que B"): the same
        speaker."""
        out = []
        for c in claims:
            before = out[-1] if out else None
            if c.speaker is None and before is not None and before.speaker is not None \
                    and max(before.end, before.cue_start) < c.cue_start and self.participle_after(before, c):
                c = dataclasses.replace(c, speaker=before.speaker, confidence=before.confidence)
            out.append(c)
        return out

    def participle_after(self, before: _Claim, claim: _Claim) -> bool:
        """Whether a claim's cue is a present participle after a comma that closes the inverted
        subject of the claim before, or its content, in the same sentence."""
        gap = self.text[max(before.cue_end, before.end):claim.cue_start]
        token = self.doc.char_span(claim.cue_start, claim.cue_end, alignment_mode="expand")
        return gap.rstrip().endswith(",") and len(gap) < 120 and before.sentence == claim.sentence \
            and not any(ch in gap for ch in ".;:") and token is not None and _present_participle(token[0])

    # -- a role that speaks unnamed, named in the sentences after
    def named_role(self, claim: _Claim, claims: list[_Claim]) -> _Claim:
        """A claim whose speaker is a role nobody named ("..., a annoncé un porte-parole de
        l'armée", "a annoncé le gouverneur régional") is said by the person the text names as
        that role holder next: under the same role ("le porte-parole X", "ce porte-parole, X",
        up to six sentences on), or as the speaker of the next sentence's claim, under no other
        role ("..., a précisé le major X")."""
        holder = self.role_holder(claim, claim.role, claims)
        return claim if holder is None else dataclasses.replace(claim, speaker=holder, confidence=0.6)

    def indefinite(self, noun: Token) -> bool:
        """Whether an indefinite determiner opens the noun's phrase ("un porte-parole")."""
        return any(c.dep_ == "det" and c.lower_ in self.rules.indefinite_determiners for c in children_of(noun))

    def role_noun(self, subject: Token) -> str:
        """The role noun (lemma) of an unnamed subject when it is one holder's role, singular
        ("le gouverneur régional", "le responsable du syndicat", "un porte-parole de l'armée"; not
        "des responsables", nor "un responsable", a lone official), with its adjective when the
        role is the two ("le secrétaire général de X")."""
        lemma = subject.lemma_.lower()
        if subject.pos_ != "NOUN" or "Plur" in morph_values(subject, "Number") or lemma in self.rules.unnamed_speakers:
            return ""
        if lemma in self.rules.role_nouns or lemma in self.rules.lone_officials and not self.indefinite(subject):
            return lemma
        # a role of a noun and its adjective ("le secrétaire général de X", "un haut représentant")
        compounds = (f"{lemma} {a.lower_}" if a.i > subject.i else f"{a.lower_} {lemma}"
                     for a in children_of(subject) if a.dep_ == "amod")
        return next((c for c in compounds if c in self.rules.role_nouns), "")

    def role_holder(self, claim: _Claim, role: str, claims: list[_Claim]) -> MentionRef | None:
        """The person named next as the holder of ``role`` after a claim (see ``named_role``)."""
        run = self.units.run_at(claim.cue_start)
        speakers = self.next_speakers(claim, claims, run)
        for ref in self.index.inside(claim.cue_end, len(self.text)):
            gap = self.units.run_at(ref.start) - run
            if gap > 6:
                break
            if ref.entity.kind != "Person" or ref.entity.mentions[0].start < claim.cue_start:
                continue
            titled = self.role_before(ref) or self.role_after(ref) or self.apposed_to_role(claim, ref, role)
            if titled == role or (gap <= 2 and titled is None and ref.entity.id in speakers):
                return ref
        return None

    def next_speakers(self, claim: _Claim, claims: list[_Claim], run: int) -> set[str]:
        """The speakers of the claims after ``claim`` whose cue or content opens the next sentence
        (a quote of two sentences: "« A. B », a déclaré X")."""
        return {o.speaker.entity.id for o in claims if o.speaker is not None and o.cue_start > claim.cue_end
                and run + 1 in (self.units.run_at(o.cue_start), self.units.run_at(o.start))}

    def apposed_to_role(self, claim: _Claim, ref: MentionRef, role: str) -> str | None:
        """``role`` when a name is apposed to the cue's role phrase right after it ("a déclaré un
        commandant tribal, cheikh X")."""
        between = self.text[claim.cue_end:ref.start]
        words = between.lower().replace(",", " ").split()
        if len(between) >= 60 or "," not in between or role not in words or "." in between:
            return None
        span = self.doc.char_span(claim.cue_end, ref.start, alignment_mode="expand") or ()
        # not "a précisé le ministre, réfutant la proposition de X": X is in another phrase
        return None if any(t.pos_ in ("VERB", "ADP") for t in span if t.idx >= claim.cue_end) else role

    def role_after(self, ref: MentionRef) -> str | None:
        """The role noun apposed right after a person's name ("X, un porte-parole du ministère",
        "X, porte-parole de l'armée"), past a comma and a determiner."""
        span = self.doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is None or span.end + 1 >= len(self.doc) or self.doc[span.end].text != ",":
            return None
        for t in self.doc[span.end + 1: span.end + 3]:
            lemma = t.lemma_.lower()
            if lemma in self.rules.role_nouns:
                return lemma
            if t.pos_ != "DET":
                return None
        return None

    def role_before(self, ref: MentionRef) -> str | None:
        """The role noun of a person's mention ("le ministre X" named by its role) or right before
        the name ("le porte-parole X", "ce porte-parole, X"), past a comma and one title word."""
        span = self.doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        own = next((t.lemma_.lower() for t in span if t.lemma_.lower() in self.rules.role_nouns), None)
        if own is not None:
            return own
        for t in reversed(self.doc[max(span.start - 3, 0): span.start]):
            lemma = t.lemma_.lower()
            if lemma in self.rules.role_nouns:
                return lemma
            if t.pos_ in ("VERB", "AUX", "ADP") or t.text in ".;:":
                return None
        return None

    def colon_quotes(self, k: int, tokens: list[Token], found: list[_Claim]) -> list[_Claim]:
        """ "X a réagi : « ... »", "Un rapport de la Ligue arabe apporte la même conclusion :
        « ... »": a quote after a colon is said by the subject of the verb before the colon,
        whatever the verb, when that subject is an actor."""
        out = []
        for n, colon in enumerate(tokens[:-1]):
            if colon.text != ":":
                continue
            quote = self.quote_after(colon.idx + 1)
            if quote is None or any(c.start <= quote[0] + 1 and quote[1] <= c.end for c in found):
                continue
            said = self.colon_speaker(tokens, n, found)
            if said is None:
                continue
            verb, speaker, factor = said
            s, e = self.trim(quote[0], quote[1] + 1)
            if e > s:
                out.append(_Claim(speaker, verb.text, verb.idx, verb.idx + len(verb.text), s, e, k,
                                  self.modality(None, s, e), round(0.6 * factor, 2)))
        return out

    def colon_speaker(self, tokens: list[Token], n: int, found: list[_Claim]):
        """(verb, speaker, factor) of the colon at ``n``: who said the claim ending at it ("a
        précisé que A : « B »": B is said by who said A), else the subject of the verb before it;
        None when no actor speaks."""
        colon = tokens[n]
        ended = next((c for c in found if c.speaker is not None and c.end <= colon.idx
                      and not self.text[c.end:colon.idx].strip(" .,")), None)
        if ended is not None:
            verb = self.doc.char_span(ended.cue_start, ended.cue_end, alignment_mode="expand")[0]
            return verb, ended.speaker, 1.0
        for verb in self.colon_verbs(tokens, n):
            speaker, factor = self.cue_speaker(verb)
            if speaker is not None:
                return verb, speaker, factor
        return None

    def colon_verbs(self, tokens: list[Token], n: int) -> list[Token]:
        """The verbs whose subject may say the quote after the colon at ``n``: the verb before
        it, then the cue verb of its sentence, past an adjunct with a verb of its own ("a déclaré
        à Reuters lors d'une conversation vite interrompue : « ... »")."""
        colon = tokens[n]
        verb = colon.head if colon.head.pos_ in ("VERB", "AUX") else None
        verb = verb or next((t for t in reversed(tokens[:n]) if t.pos_ == "VERB"), None)
        first = max((m + 1 for m in range(n) if tokens[m].text in (".", "!", "?", ":", ";")), default=0)
        cue = next((t for t in reversed(tokens[first:n]) if t.pos_ == "VERB" and self.cue_lemma(t, None)), None)
        return list(dict.fromkeys(v for v in (verb, cue) if v is not None and not self.quotes.inside(v.idx)))

    def continued_quote(self, claims: list[_Claim], tokens: list[Token]) -> list[_Claim]:
        """A sentence that is all one quote, right after a statement that quotes (all or in part),
        goes on with the same speaker ("« ... », écrit le journal. « La suite du texte ... »";
        "Selon X, A « B ». « C »"; also "« A », a déclaré X, précisant que B. « C »": the
        sentence before quoted X), in the same paragraph; also after a person named last in the
        sentence before, after an inverted cue ("A, a déclaré le président X. « B »")."""
        previous = claims[-1]
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        quote = next(((a, b) for a, b in self.quotes.near(start, start) if a == start and b >= end - 2), None)
        if quote is None or previous.speaker is None or _runs_on(self.text[quote[1] + 1:].lstrip(" ")[:1]):
            return []  # the run ends inside a sentence that goes on ("« ... » à X, a affirmé Y"): not all one quote
        if not self.closing_person(previous, start) and not self.quoted_just_before(claims, start):
            return []  # the statement before quoted nothing: whose words these are is unsure
        s, e = self.trim(quote[0], quote[1] + 1)
        return [dataclasses.replace(previous, start=s, end=e, sentence=self.units.sentence_at(s),
                                    modality=self.modality(None, s, e),
                                    confidence=round(previous.confidence * 0.75, 2))]

    def quote_closing_run(self, claims: list[_Claim], found: list[_Claim], tokens: list[Token]) -> list[_Claim]:
        """A sentence all one quote that closes a run after its claims, the parser having joined it
        to the sentence of the cue before ("« A », a dit X, commandant de Y. « B. »"): B goes on
        with the same speaker, as a quote sentence of its own would (``continued_quote``)."""
        said = sorted(found, key=lambda c: c.cue_start)
        last = max(max(c.end, c.cue_end) for c in said)
        opening = next((n for n, t in enumerate(tokens) if t.idx >= last and t.text in self.rules.quote_pairs
                        and self.text[last:t.idx].rstrip()[-1:] in _ENDS), None)
        if opening is None or any(c.start >= tokens[opening].idx for c in said):
            return []
        return self.continued_quote([*claims, *said], tokens[opening:])

    def quoted_just_before(self, claims: list[_Claim], start: int) -> bool:
        """Whether the speaker of the last claim quoted in its sentence, which ends close before
        ``start`` in the same paragraph."""
        previous = claims[-1]
        said = [c for c in claims if c.sentence == previous.sentence and c.speaker is not None
                and c.speaker.entity.id == previous.speaker.entity.id]
        gap = self.text[previous.end:start]
        return any(self.quotes_content(c) for c in said) and not gap.count("\n\n") and len(gap.strip()) <= 40

    def closing_person(self, claim: _Claim, start: int) -> bool:
        """Whether a claim's speaker is a person named after its inverted cue, at the very end of
        the sentence before ``start`` ("A, a déclaré le président X. « B »": B is X's too)."""
        speaker = claim.speaker
        if speaker is None or speaker.entity.kind != "Person" or claim.end > claim.cue_start:
            return False
        last = next((r for r in self.index.nearest_before(start, claim.cue_start) if r.entity.id == speaker.entity.id), None)
        if last is None or _ROLE_CLOSE.fullmatch(self.text[last.end:start].strip()) is None:
            return False
        between = self.doc.char_span(last.end, start, alignment_mode="expand") or ()
        return not any(_finite_clause(t) for t in between)  # "le président X, commandant de Y. « B »"

    def quotes_content(self, claim: _Claim) -> bool:
        """Whether a claim's content is a quote, all or in part."""
        return any(a <= claim.start and claim.end <= b + 1 or claim.start <= a and b < claim.end
                   for a, b in self.quotes.near(claim.start, claim.end))

    def cue_line(self, c: _Claim) -> tuple[int, int]:
        """A content before its cue starts on the cue's line: a line without a full stop before it
        (a headline, "L'armée a quitté l'aéroport\nDe leur côté, ..., a indiqué X") is not said."""
        newline = self.text.rfind("\n", c.start, c.end)
        if newline < 0 or c.cue_start < c.end or self.quotes.inside(newline):
            return c.start, c.end
        return self.trim(newline + 1, c.end)

    def build(self, kept: list[_Claim], claims: list[_Claim]) -> tuple[Statement, ...]:
        kept.sort(key=lambda c: (c.start, c.cue_start))
        spans = SpanIndex(claims)
        out = []
        for c in kept:
            if c.speaker is None:
                continue  # an unknown speaker ("un porte-parole") still names a source of nested claims
            outer = [o for o in spans.containing(c.cue_start, c.cue_end) if o is not c]
            outer.sort(key=lambda o: o.start)
            sources = tuple(dict.fromkeys((*c.sources, *(o.speaker.entity.id for o in outer if o.speaker))))
            start, end, mode = self.unquote(*self.cue_line(c))
            about = tuple(dict.fromkeys(r.entity.id for r in self.index.inside(start, end)))
            out.append(Statement(
                id=f"s{len(out) + 1}",
                speaker=c.speaker.entity.id if c.speaker else None,
                text=self.text[start:end], start=start, end=end,
                cue=c.cue, cue_start=c.cue_start, cue_end=c.cue_end,
                mode=mode, modality=c.modality, about=about, sources=sources,
                sentence=self.units.sentence_at(c.cue_start),
                confidence=round(min(c.confidence, 0.95), 2),
            ))
        return _merge_chains(out)


def _merge_chains(statements: list[Statement]) -> tuple[Statement, ...]:
    """ "selon des responsables israéliens cités par le Wall Street Journal, ...": one statement,
    said by the outermost source (the medium), with the chain of sources kept."""
    drop: set[int] = set()
    merged = {}
    by_start: dict[int, list[int]] = {}
    for n, st in enumerate(statements):
        by_start.setdefault(st.start, []).append(n)
    for n, inner in enumerate(statements):
        for m in by_start[inner.start]:
            outer = statements[m]
            if m != n and outer.speaker in inner.sources \
                    and outer.speaker != inner.speaker:
                drop.add(n)
                chain = tuple(dict.fromkeys((outer.speaker, *inner.sources, inner.speaker)))
                merged[m] = dataclasses.replace(outer, sources=chain)
    kept = [merged.get(n, st) for n, st in enumerate(statements) if n not in drop]
    return tuple(dataclasses.replace(st, id=f"s{n}") for n, st in enumerate(kept, start=1))


def _auxiliaries(verb: Token) -> tuple[str, ...]:
    """The tense auxiliaries of a verb, as written ("a promis": ("a",))."""
    return tuple(c.lower_ for c in children_of(verb) if c.dep_ == "aux:tense")


def _same_speaker(a: _Claim, b: _Claim) -> bool:
    """Whether two claims have one known speaker."""
    return a.speaker is not None and b.speaker is not None and a.speaker.entity.id == b.speaker.entity.id


def _drop_duplicates(claims: list[_Claim]) -> list[_Claim]:
    """One claim per content: a "selon X" frame whose clause holds its own cue gives way to it;
    of two cues of one content, the first that names its speaker, and of a cue before the content
    and one after it, the one after ("Le gouvernement a démenti : « ... », a précisé Y": Y's
    words)."""
    claims = _cut_at_inverted(claims)
    kept = _one_per_content([c for c in claims if not c.joint])
    return [*kept.values(), *(c for c in claims if c.joint and (o := kept.get((c.start, c.end))) is not None
                               and o.cue_start == c.cue_start)]  # "Moscou et Kiev démentent"


def _one_per_content(claims: list[_Claim]) -> dict[tuple[int, int], _Claim]:
    """The claim kept for each content span (see ``_drop_duplicates``)."""
    kept: dict[tuple[int, int], _Claim] = {}
    spans = SpanIndex(claims)
    for c in claims:
        if c.source_only and _gives_way(c, claims):
            continue
        if c.weak and _inside_other(c, spans):
            continue  # "a affirmé que Washington ne reconnaîtrait pas le résultat": what is said, not a claim
        first = kept.get((c.start, c.end))
        if first is None or c.speaker is not None and (
                first.speaker is None or (c.end <= c.cue_start and first.cue_start < first.start)):
            kept[(c.start, c.end)] = c  # "X a démenti : « ... », a précisé Y": the words are Y's
    return kept


def _gives_way(source: _Claim, claims: list[_Claim]) -> bool:
    """Whether a "selon X" claim gives way to a cue of its content with a known speaker, whatever
    that cue's content ("C'est ce qu'a annoncé l'état-major, selon l'AFP": the sentence before),
    but not to a passive cue's subject ("L'attaque a été revendiquée par X, selon Y": Y tells it)."""
    return any(o is not source and not o.source_only and o.speaker is not None and not _aside_of_other(o, source)
               and source.start <= o.cue_start < source.end and not _goes_on(source, o)
               and not (o.weak and o.end <= o.cue_start) for o in claims)


def _goes_on(source: _Claim, inner: _Claim) -> bool:
    """Whether a cue inside a "pour X" content is the same speaker going on past the source's
    clause, its content after it ("Pour X, A et il estime que B"): the source keeps A
    (``cut_at_own_cue`` ends it there)."""
    return _same_speaker(source, inner) and source.start < inner.cue_start and inner.cue_end <= inner.start


def _aside_of_other(inner: _Claim, source: _Claim) -> bool:
    """Whether a claim inside a "selon X" content is another speaker's relative aside ("selon X,
    A, sur laquelle l'armée a dit enquêter"): the source does not give way to it."""
    return inner.relative and (source.speaker is None or inner.speaker.entity.id != source.speaker.entity.id)


def _inside_other(claim: _Claim, spans: SpanIndex) -> bool:
    """Whether a claim's cue lies inside another claim's content (a "selon X" frame apart: it
    gives way to the cue; and a cue on what was just told: "X a revendiqué l'attaque, ce
    qu'Israël dément" keeps X's claim)."""
    return any(o is not claim and not o.source_only and not o.echo
               for o in spans.containing(claim.cue_start, claim.cue_start + 1))


def _cut_at_inverted(claims: list[_Claim]) -> list[_Claim]:
    """ "Les Etats-Unis ont exhorté Israël à « tout faire », a indiqué le département d'Etat": the
    content of "exhorté" ends where the content of the cue after it ends."""
    inverted = [b for b in claims if b.end <= b.cue_start]
    out = []
    for a in claims:
        for b in inverted if not a.source_only else ():  # a source phrase gives way to the cue instead
            if b is not a and a.start < b.end < b.cue_start < a.end and b.sentence == a.sentence:
                a = dataclasses.replace(a, end=b.end)
        out.append(a)
    return out


def _past_clitics(tokens: list[Token], k: int) -> int:
    """Past the clitic pronouns from ``k`` that hang on a word after them ("se servir")."""
    while k + 1 < len(tokens) and tokens[k].pos_ == "PRON" and tokens[k].head.i > tokens[k].i:
        k += 1
    return k


def _words_out_of_brackets(phrase: list[Token]) -> int:
    """How many words a phrase has outside round brackets."""
    count, depth = 0, 0
    for t in phrase:
        depth += (t.text == "(") - (t.text == ")")
        count += depth == 0 and t.text != ")"
    return count


def _phrase_end(tokens: list[Token], m: int) -> int:
    """The index of the first comma, semicolon, colon or full stop from ``m`` (else the end)."""
    while m < len(tokens) and tokens[m].text not in (",", ";", ":", "."):
        m += 1
    return m


def _after_comma(tokens: list[Token], n: int) -> bool:
    """Whether the cue at ``n`` (past its auxiliaries) follows a comma: an inverted cue, the noun
    phrase after it its subject, not its object."""
    if _present_participle(tokens[n]):
        return False  # "..., accusant Kiev de terrorisme": the participle's charge
    m = n - 1
    while m > 0 and tokens[m].pos_ == "AUX":
        m -= 1
    return m >= 0 and tokens[m].text == ","


def _opens_clause(token: Token) -> bool:
    """Whether a token is a finite verb or a present participle (a clause of its own)."""
    return token.pos_ in ("VERB", "AUX") and ("Fin" in morph_values(token, "VerbForm") or _present_participle(token))


def _in_relative(verb: Token) -> bool:
    """Whether a verb heads a relative clause ("l'affaire, sur laquelle l'armée a dit enquêter")."""
    return verb.dep_ == "acl:relcl" or any(c.i < verb.i and "Rel" in morph_values(c, "PronType") for c in children_of(verb))


def _present_participle(token: Token) -> bool:
    """Whether a token is a present participle ("estimant")."""
    return "Part" in morph_values(token, "VerbForm") and "Pres" in morph_values(token, "Tense")


def _runs_on(first: str) -> bool:
    """Whether the first character after a quote goes on with its sentence: a comma, a
    semicolon or a lower-case letter."""
    return first in (",", ";") or first.islower()


def _participle_on(token: Token, cue: Token) -> bool:
    """Whether a word is a participle qualifying a noun of a cue's complement ("a lancé devant
    des photographes embarqués le chef des opérations X")."""
    return token.pos_ == "VERB" and token.dep_ in ("acl", "amod") and cue.i < token.head.i < token.i \
        and "Part" in morph_values(token, "VerbForm")


def _finite_clause(verb: Token) -> bool:
    """Whether a word is the verb of a finite clause: tagged finite, or a verb with its own subject
    that the tagger took for a participle ("La Pologne signera un contrat")."""
    return "Fin" in morph_values(verb, "VerbForm") or verb.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and c.i < verb.i for c in children_of(verb))


def _prenominal_adjective(token: Token) -> bool:
    """A lower-case adjective before the noun it qualifies ("un haut responsable")."""
    return token.pos_ == "ADJ" and token.dep_ == "amod" and token.head.i > token.i and token.text.islower()


def _governs_clause(verb: Token) -> bool:
    """Whether a verb governs a clause or an infinitive ("a indiqué qu'une opération était en
    cours", the parse making "cours" its object), not a noun ("a lancé une attaque")."""
    return any(c.dep_ in ("ccomp", "xcomp") or c.dep_ == "obj" and any(g.dep_ == "mark" for g in children_of(c))
               for c in children_of(verb))


def _opens_other_phrase(before: Token, token: Token) -> bool:
    """Whether the word before a name in a role phrase opens another phrase: a preposition, an
    article, a conjunction (but for a role sharing the first one's holder), punctuation other
    than a comma."""
    return before.pos_ in ("ADP", "DET") or before.pos_ == "CCONJ" and not _shared_title(token) \
        or before.pos_ == "PUNCT" and before.text != ","


def _shared_title(token: Token) -> bool:
    """Whether a role noun coordinated without a determiner of its own shares the first role's
    holder ("le ministre de la Communication et porte-parole du gouvernement, X")."""
    return token.pos_ == "NOUN" and token.dep_ == "conj" and not any(c.dep_ == "det" for c in children_of(token))


def _is_definite(token: Token) -> bool:
    """Whether a noun has a definite or demonstrative determiner ("le groupe", "ce texte")."""
    det = next((c for c in children_of(token) if c.dep_ == "det"), None)
    return det is not None and ("Def" in morph_values(det, "Definite") or "Dem" in morph_values(det, "PronType"))


def _own_or_indefinite(token: Token) -> bool:
    """Whether a noun has a possessive or an indefinite determiner ("sa ferme opposition", "une
    vive inquiétude"): the speaker's own stance, not one it reports of another ("l'opposition de X")."""
    if any(c.i < token.i and "Yes" in morph_values(c, "Poss") for c in children_of(token)):
        return True  # also a possessive the parse hangs apart ("his concern")
    det = next((c for c in children_of(token) if c.dep_ == "det"), None)
    return det is not None and "Ind" in morph_values(det, "Definite")


@functools.cache
def _multiword_cues(rules: LanguageRules) -> tuple[str, ...]:
    """Cues of several words ("faire part", "mettre en garde")."""
    return (*rules.stance_noun_cues, *sorted(v for v in rules.speech_verbs if " " in v
                                             and _words_of(v)[0] not in rules.reflexive_clitics))


def _words_of(phrase: str) -> list[str]:
    """The tokens of a phrase of the data ("d'après" -> ["d'", "après"])."""
    return [w for w in re.split(r"\s+|(?<=')", phrase) if w]


@functools.cache
def _elided_markers(rules: LanguageRules) -> tuple[str, ...]:
    """The "de" of "de + infinitive" written glued to its word ("d'élargir"): its elided
    forms, with an apostrophe or a straight quote typed for it."""
    elided = [m for m in rules.de_infinitive_markers if m.endswith("'")]
    return tuple(form for m in elided for form in (m, m[:-1] + '"'))


@functools.cache
def _speech_verb_starts(rules: LanguageRules) -> frozenset[str]:
    """First words of multi-word cues that are no cue alone ("mettre" of "mettre en garde",
    "faire" of "faire savoir"): "ne mettra fin à X qu'en cas de Y" reports nothing."""
    return frozenset(v.split()[0] for v in _multiword_cues(rules)) - rules.speech_verbs


@functools.cache
def _phrase_tables(rules: LanguageRules) -> tuple[_PhraseTable, _PhraseTable, _PhraseTable]:
    """The tables of a language's multi-word cues (the first word a lemma: "faire part",
    "mettre en garde"), sourcing phrases (words: "aux yeux de", "d'après") and the multi-word
    entries of the word lists read at a token ("en faveur de", "ainsi que", "sans doute").
    Words are compared in the lexicons' form (``_surface_forms``), space tokens between
    them skipped, and a cue's adverbs after its verb ("faisant aussi état de")."""
    adverbs = frozenset(get_string_id(f) for word in rules.phrase_adverbs for f in _surface_forms(word))
    cues, sources, entries = _PhraseTable(LEMMA, adverbs), _PhraseTable(LOWER), _PhraseTable(LOWER)
    for phrase in _multiword_cues(rules):
        first, *rest = phrase.split()
        cues.add(phrase, [first], rest)
    for table, phrases in ((sources, rules.source_phrases), (entries, _multiword_entries(rules))):
        for phrase in phrases:
            first, *rest = _words_of(phrase)
            table.add(phrase, _surface_forms(first), rest)
    return cues, sources, entries


@functools.cache
def _multiword_entries(rules: LanguageRules) -> tuple[str, ...]:
    """The entries of several words of the lists read at a token: hedges ("sans doute"), aside
    openers ("ainsi que"), advocacy prepositions ("en faveur de")."""
    lists = (rules.hedge_words, rules.parenthetical_openers, *rules.advocacy_cues.values())
    return tuple(sorted({entry for words in lists for entry in words if len(_words_of(entry)) > 1}))


#: the typographic forms of the ASCII apostrophe and hyphen the lexicons are written with
def _aside_tokens(span: list[Token]) -> set[int]:
    """The indices of the tokens of ``span`` inside a bracketed or dash-enclosed aside ("Les
    autorités du Karabakh – une région disputée entre X et Y – ont affirmé": X and Y)."""
    dashes = [t.i for t in span if t.text in _ASIDE_DASHES]
    inside = {m for a, b in zip(dashes[::2], dashes[1::2]) for m in range(a, b + 1)}
    depth = 0
    for t in span:
        depth += t.text == "("
        if depth:
            inside.add(t.i)
        depth -= t.text == ")" and depth > 0
    return inside


def _outside_asides(span: list[Token]) -> list[Token]:
    """The tokens of ``span`` outside its asides (`_aside_tokens`)."""
    inside = _aside_tokens(span)
    return [t for t in span if t.i not in inside]


_ASIDE_DASHES = ("–", "—", "-")

_SURFACE_VARIANTS = {"'": ("'", "’", "‘", "ʼ", "`", "´"), "-": ("-", "‐", "‑", "–", "—")}


def _surface_forms(word: str) -> list[str]:
    """The lower-case spellings a text may give a lexicon word ("d'après", "d’après"): the
    matchers compare spaCy's LOWER (a C-level attribute) with them, which a Python getter
    per token would make several times slower."""
    forms = [""]
    for ch in word:
        forms = [f + v for f in forms for v in _SURFACE_VARIANTS.get(ch, (ch,))]
    return forms


class _PhraseTable:
    """Phrases keyed by their first word's hash (spaCy's LEMMA or LOWER), the next words as the
    LOWER hashes of their surface forms: read off a document's arrays in one pass (spaCy's
    Matcher makes a Token object per word and calls a Python predicate per set)."""

    def __init__(self, attr: int, skipped: frozenset[int] = frozenset()) -> None:
        self.attr = attr  # what the first word is compared in (the next words: LOWER)
        self.skipped = skipped  # LOWER hashes of words that may stand after the first word
        self.by_first: dict[int, list[tuple[str, tuple[frozenset[int], ...]]]] = {}

    def add(self, phrase: str, firsts: list[str], rest: list[str]) -> None:
        words = tuple(frozenset(get_string_id(f) for f in _surface_forms(w)) for w in rest)
        for first in dict.fromkeys(get_string_id(f) for f in firsts):
            known = self.by_first.setdefault(first, [])
            if phrase not in (p for p, _ in known):
                known.append((phrase, words))

    def matches(self, columns: dict[int, list[int]], spaces: list[bool]):
        """(start, phrase, last token index) of every phrase in the document."""
        lowers, size, keys, by_first = columns[LOWER], len(spaces), columns[self.attr], self.by_first
        for start in [i for i, key in enumerate(keys) if key in by_first]:  # most words start none
            for phrase, words in by_first[keys[start]]:
                j = start + 1
                while words and j < size and (spaces[j] or lowers[j] in self.skipped):
                    j += 1  # "faisant aussi état de"
                for forms in words:
                    while j < size and spaces[j]:
                        j += 1
                    if j >= size or lowers[j] not in forms:
                        break
                    j += 1
                else:
                    yield start, phrase, j - 1


def _phrases_at(table: _PhraseTable, columns, spaces, order: dict[str, int]) -> dict[int, list[tuple[int, str, int]]]:
    """Where a table's phrases start: token index -> [(data order, phrase, last token index)],
    in data order."""
    found: dict[int, list[tuple[int, str, int]]] = {}
    for start, phrase, last in table.matches(columns, spaces):
        found.setdefault(start, []).append((order[phrase], phrase, last))
    for matches in found.values():
        matches.sort()
    return found


def _phrase_head(phrase: list[Token]) -> Token:
    """The head of a noun phrase given as tokens (the token whose head lies outside)."""
    ids = {t.i for t in phrase}
    for t in phrase:
        if t.head.i not in ids or t.head.i == t.i:
            if t.pos_ not in ("DET", "ADP", "PUNCT"):
                return t
    content = [t for t in phrase if t.pos_ not in ("DET", "ADP", "PUNCT")]
    return content[0] if content else phrase[-1]


@functools.lru_cache(maxsize=65536)
def _speech_verb_of(rules: LanguageRules, form: str) -> str | None:
    """The speech verb a form may belong to by the grammar's guess ("indique" -> "indiquer"),
    remembered by the form (every word of the text is asked)."""
    return next((g for g in rules.grammar.verb_lemmas(form) if g in rules.speech_verbs), None)


#: the parts of speech of a cue ``cue_lemma`` reads by its lemma
_CUE_VERB_POS = ("VERB", "AUX", "ADJ")
#: those of a cue the tagger mistook, read by its form (X: "a tweeté" left untagged)
_MISTAGGED_CUE_POS = ("NOUN", "PROPN", "ADJ", "ADV", "VERB", "X")
#: the parts of speech ``cue_lemma`` reads a cue of at all
_CUE_POS = frozenset(_CUE_VERB_POS + _MISTAGGED_CUE_POS)


@functools.cache
def _cue_lemmas(rules: LanguageRules) -> frozenset[str]:
    """Lemmas that may start a statement: cue verbs, advocacy verbs, first words of multi-word cues."""
    firsts = {phrase.split()[0] for phrase in _multiword_cues(rules)}
    return frozenset(rules.speech_verbs | set(rules.advocacy_cues) | firsts | set(rules.mistagged_cues))


def find_statements(reading: Reading) -> tuple[Statement, ...]:
    """Every statement of a document, in text order, with ids "s1", "s2", ..."""
    return _Finder(reading).run()


#: cue frame name (data: the language's ``cue_frames``, in the order they are tried) -> reader
#: frames whose content is a noun phrase ("a dénoncé une « escalade »")
_NOUN_PHRASE_FRAMES = frozenset({"quoted_phrase"})

_FRAMES = {name.removeprefix("frame_"): reader for name, reader in vars(_Finder).items()
           if name.startswith("frame_")}


def _infinitive_clause(verb: Token) -> bool:
    """A verb in the infinitive, or with an auxiliary in the infinitive ("de l'avoir trahi"):
    an infinitive clause, not a finite one (an inverted cue hung as an adverbial clause)."""
    return "Inf" in morph_values(verb, "VerbForm") or any(
        c.dep_.startswith("aux") and "Inf" in morph_values(c, "VerbForm") for c in children_of(verb))


#: how a line that ends a sentence or opens a quote ends: a headline does not
_SENTENCE_ENDS = (".", "!", "?", "…", ".»", ".\"", ".”", ":")


def _headline_end(text: str) -> int:
    """The end of the text's headline, 0 when it has none: a first line of at most 200
    characters that ends no sentence, with a blank line after it ("Mali : l'armée affirme
    avoir repris Léré"). News golds leave a headline's claims out: the lead says them again."""
    line, newline, rest = text.partition("\n")
    title = line.strip()
    if not newline or not title or len(title) > 200 or title.endswith(_SENTENCE_ENDS) \
            or not rest.lstrip(" \t").startswith(("\n", "\r")):
        return 0
    return len(line)


def _is_person(ref: MentionRef | None) -> bool:
    """Whether a mention is a person's: an unnamed member speaks for a body, never for a person
    of its complement ("les partisans de l'ancien président X", "une source proche du président
    X": not X)."""
    return ref is not None and ref.entity.kind == "Person"
