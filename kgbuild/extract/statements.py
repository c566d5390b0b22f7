"""Statements: who said what, from cue verbs, sourcing phrases and quote marks.

Rules, in French press order of frequency:

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
reported otherwise.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from kgbuild.extract.lang.fr import CAPTION_RE
from kgbuild.extract.lang.fr import speech as fr
from kgbuild.normalize import fold_quotes
from kgbuild.types import Article, Entity, Mention, Span, Statement

__all__ = [
    "find_statements",
    "MentionRef",
    "EntityIndex",
    "find_quotes",
    "caption_sentences",
    "resolve_pronoun",
    "is_impersonal",
    "clause_negation",
    "clause_hedged",
    "subjects_of",
    "lower_text",
    "Units",
    "Reading",
]

_ACTOR = "Actor"
_FEMININE_TITLES = ("mme", "madame", "la cheffe", "la présidente", "la chancelière", "la ministre",
                    "la première", "l'actuelle", "la porte-parole", "la secrétaire",
                    "la représentante", "la haute", "la députée", "la sénatrice", "l'ambassadrice",
                    "la dirigeante", "la reine", "cheffe", "présidente", "chancelière")
_DETERMINERS = frozenset({"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'",
                          "d’", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs"})
_TRAILING = " \t\n.,;:!?…-–—"


# --- entity lookup ------------------------------------------------------------------


@dataclass(frozen=True)
class MentionRef:
    """A mention with the entity it belongs to."""

    entity: Entity
    mention: Mention

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        return self.mention.end


class EntityIndex:
    """Mentions of a document sorted by offset, looked up by character span."""

    def __init__(self, entities: tuple[Entity, ...]) -> None:
        refs = [MentionRef(e, m) for e in entities for m in e.mentions]
        refs.sort(key=lambda r: (r.start, -r.end))
        self.refs = tuple(refs)
        self._starts = [r.mention.start for r in refs]
        self._ends = [r.mention.end for r in refs]
        self._longest = max((r.mention.end - r.mention.start for r in refs), default=0)
        self.entities = {e.id: e for e in entities}

    def overlapping(self, start: int, end: int) -> list[MentionRef]:
        """Mentions that share at least one character with [start, end)."""
        # only mentions starting less than the longest mention's length before ``start`` can reach it
        lo = bisect_right(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return [r for r, r_end in zip(self.refs[lo:hi], self._ends[lo:hi]) if r_end > start]

    def inside(self, start: int, end: int) -> list[MentionRef]:
        """Mentions lying wholly within [start, end), in text order."""
        lo = bisect_left(self._starts, start)
        return [r for r in self.refs[lo:] if r.start < end and r.end <= end]

    def at_token(self, token: Token) -> MentionRef | None:
        """The longest mention covering a token."""
        start, end = token.idx, token.idx + len(token.text)
        hits = [r for r in self.overlapping(start, end) if r.start <= start and r.end >= end]
        if not hits:
            hits = self.overlapping(start, end)
        return max(hits, key=lambda r: r.end - r.start) if hits else None

    def before(self, pos: int, floor: int = 0) -> list[MentionRef]:
        """Mentions ending at or before ``pos`` (and starting after ``floor``), nearest first."""
        hi = bisect_left(self._starts, pos)
        found = [r for r in self.refs[:hi] if r.end <= pos and r.start >= floor]
        return sorted(found, key=lambda r: -r.end)


# --- quotes and captions ----------------------------------------------------------------

_PARAGRAPH = re.compile(r"\n[ \t]*\n")


def find_quotes(text: str) -> tuple[tuple[int, int], ...]:
    """(open, close) offsets of paired quote marks; pairs never cross a blank line."""
    pairs: list[tuple[int, int]] = []
    bounds = [0, *(m.end() for m in _PARAGRAPH.finditer(text)), len(text)]
    for lo, hi in zip(bounds, bounds[1:]):
        stack: list[tuple[str, int]] = []
        for i in range(lo, hi):
            ch = text[i]
            if ch == '"':
                if stack and stack[-1][0] == '"':
                    pairs.append((stack.pop()[1], i))
                else:
                    stack.append(('"', i))
            elif ch in ("«", "“"):
                stack.append((ch, i))
            elif ch in ("»", "”"):
                want = "«" if ch == "»" else "“"
                while stack and stack[-1][0] != want:
                    stack.pop()
                if stack:
                    pairs.append((stack.pop()[1], i))
    return tuple(sorted(pairs))


def caption_sentences(text: str, sentences: tuple[Span, ...],
                      captions: tuple[Span, ...] | None = None) -> frozenset[int]:
    """Indices of sentences that are photo credits ("Image : Name/AGENCY").

    ``captions`` are the credits found before parsing, when the caller has them.
    """
    if captions is None:
        captions = tuple(Span(m.start(), m.end()) for m in CAPTION_RE.finditer(text))
    return frozenset(
        k for k, s in enumerate(sentences)
        if any(c.start < s.end and s.start < c.end for c in captions)
    )


_TERMINAL = (".", "!", "?", "…", "»", '"', "”", ":")


def _ends_sentence(text: str, end: int) -> bool:
    """Does the text up to ``end`` end (spaces aside) with a sentence-closing mark?"""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end > 0 and text[end - 1] in _TERMINAL


class Units:
    """Runs of sentences that the parser cut inside one real sentence ("Le Royaume-" | "Uni va
    livrer ...", "Selon le New York Times" | ", la Russie ..."): the rules read a whole run."""

    def __init__(self, doc: Doc, text: str, sentences: tuple[Span, ...]) -> None:
        self.doc, self.sentences = doc, sentences
        runs: list[list[int]] = []
        for k, s in enumerate(sentences):
            if runs and k - 1 == runs[-1][-1]:
                prev = sentences[k - 1]
                gap = text[prev.end:s.start]
                opener = text[s.start:s.start + 1]
                if "\n" not in gap and (not _ends_sentence(text, prev.end)
                                        or opener in (",", ";") or opener.islower()):
                    runs[-1].append(k)
                    continue
            runs.append([k])
        self.runs = tuple((r[0], r[-1]) for r in runs)
        self._run_of = {k: n for n, (a, b) in enumerate(self.runs) for k in range(a, b + 1)}
        self._starts = [s.start for s in sentences]
        self._token_starts = doc.to_array([IDX]).tolist() if len(doc) else []

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence holding a character offset (the nearest before it otherwise)."""
        return max(bisect_right(self._starts, pos) - 1, 0)

    def span_of(self, first: int, last: int) -> tuple[int, int]:
        """Character span of sentences first..last."""
        return self.sentences[first].start, self.sentences[last].end

    def bounds(self, token: Token) -> tuple[int, int]:
        """Token index range [start, end) of the run holding a token."""
        first, last = self.runs[self._run_of[self.sentence_at(token.idx)]]
        start, end = self.span_of(first, last)
        return bisect_left(self._token_starts, start), bisect_left(self._token_starts, end)


# --- grammar helpers shared with relations ----------------------------------------------


def lower_text(token: Token) -> str:
    """The token's text, quotes folded and lower-cased (the form the lexicons are written in)."""
    return _folded_lower(token.text)


@functools.lru_cache(maxsize=65536)
def _folded_lower(text: str) -> str:
    return fold_quotes(text).lower()


def subjects_of(token: Token) -> list[Token]:
    """Subject candidates of a verb, nearest first: its own, then those of the verbs above it
    through xcomp, conj and auxiliary links (parsers often hang the subject on "a")."""
    found, current = [], token
    for _ in range(4):
        for child in current.children:
            if child.dep_ in ("nsubj", "nsubj:pass") or (
                    child.dep_ == "expl:subj" and _pronoun(child) in fr.PRONOUN_GENDER):
                found.append(child)
        if not found and current is not token and _reduced_relative(current):
            # "l'Iran, accusé de fournir des drones": the noun the participle describes does it
            noun = current.head if current.dep_ == "acl" else current.doc[current.i - 2]
            if noun.pos_ in ("NOUN", "PROPN"):
                found.append(noun)
            break
        if current.head.i == current.i or current.dep_ not in (
                "xcomp", "conj", "aux", "aux:tense", "aux:pass", "cop"):
            break
        if any(lower_text(c) in ("que", "qu'") for c in current.children if c.dep_ == "mark"):
            break  # "a réaffirmé que frapper ...": a clause, its subject is not the cue's
        if current.dep_ == "xcomp" and current.head.lemma_ in fr.OBJECT_CONTROL_VERBS:
            # "autoriser Kiev à frapper": the object is who strikes
            found.extend(c for c in current.head.children
                         if c.dep_ in ("obj", "iobj", "obl:arg") and c.i < current.i)
            if found or not _reduced_relative(current.head):
                break  # "l'Iran, accusé de fournir": the accused is the noun, read next round
        current = current.head
    return found


def _reduced_relative(verb: Token) -> bool:
    """A past participle describing a noun: "l'Iran, accusé de ..." (acl on the noun, or an
    advcl right after "Noun,")."""
    if "Part" not in verb.morph.get("VerbForm") or "Past" not in verb.morph.get("Tense"):
        return False
    if verb.dep_ == "acl":
        return True
    return verb.dep_ == "advcl" and verb.i >= 2 and verb.doc[verb.i - 1].text == ","


def _pronoun(token: Token) -> str:
    """ "-t-il" -> "il", "-elle" -> "elle"."""
    return lower_text(token).lstrip("-").removeprefix("t-")


def clause_negation(token: Token) -> str | None:
    """The negation word on a verb or on the verbs it is the complement of ("ne compte pas livrer")."""
    current, steps = token, 0
    while current is not None and steps < 4:
        found = _negation_at(current)
        if found:
            return found
        if current.dep_ in ("xcomp", "aux", "aux:tense", "aux:pass") and current.head.i != current.i:
            current, steps = current.head, steps + 1
        else:
            break
    return None


def _negation_at(verb: Token) -> str | None:
    """ "ne ... pas" around one verb, read linearly from "ne" (parsers hang "pas" anywhere)."""
    doc = verb.doc
    near = [c for c in verb.children]
    near += [g for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop" for g in c.children]
    if any(lower_text(c) == "sans" and c.dep_ in ("mark", "case") for c in near):
        return "sans"
    for ne in near:
        if lower_text(ne) in ("ne", "n'"):
            words = ["ne"] + [lower_text(t) for t in doc[ne.i + 1: min(len(doc), verb.i + 3)]]
            return fr.negation_of(words)
    return fr.negation_of([lower_text(c) for c in near if c.dep_.startswith("advmod")])


def is_impersonal(token: Token) -> bool:
    """ "il" of "il faut", "il est juste de", "il semble que": no antecedent."""
    if lower_text(token) not in ("il", "-il", "-t-il") or token.i + 1 >= len(token.doc):
        return False
    if token.head.lemma_ in fr.IMPERSONAL_VERBS:
        return True
    if token.text.startswith("-"):  # "a-t-il ajouté": an inverted subject, not impersonal
        return False
    if token.dep_ == "expl:subj":
        return True
    nxt = token.doc[token.i + 1: token.i + 5]
    lemmas = [t.lemma_ for t in nxt]
    if lemmas and lemmas[0] in fr.IMPERSONAL_VERBS:
        return True
    if lemmas and lemmas[0] in ("être", "sembler", "paraître", "devenir", "rester"):
        return any(lower_text(t) in ("de", "d'", "que", "qu'") for t in nxt[1:])
    return False


def _verb_chain(token: Token) -> list[Token]:
    """A verb, its auxiliaries and the verbs it is an xcomp of (the modals above it)."""
    chain, current = [], token
    for _ in range(4):
        chain.append(current)
        chain.extend(c for c in current.children if c.dep_.startswith("aux"))
        if current.dep_ == "xcomp" and current.head.i != current.i:
            current = current.head
        else:
            break
    return chain


def clause_hedged(token: Token) -> bool:
    """Conditional mood, a possibility modal or a hedge word on a verb's clause."""
    for verb in _verb_chain(token):
        if "Cnd" in verb.morph.get("Mood") or fr.is_conditional(verb.text, verb.lemma_):
            return True
        if verb.i != token.i and verb.lemma_ in fr.HEDGE_VERBS:
            return True
        if any(lower_text(c) in fr.HEDGE_WORDS for c in verb.children):
            return True
    return False


def _is_past(token: Token) -> bool:
    """A cue verb in a past tense (conditional after it is future-in-the-past, not a hedge)."""
    tenses = set(token.morph.get("Tense"))
    if "Imp" in tenses:
        return True
    aux = [c for c in token.children if c.dep_.startswith("aux")]
    return "Past" in tenses and bool(aux) or any("Imp" in a.morph.get("Tense") for a in aux)


# --- pronoun speakers ---------------------------------------------------------------


def _entity_gender(entity: Entity, doc: Doc) -> str | None:
    """Grammatical gender of an entity: titles for people, the parser's guess for the rest
    (the French model guesses first names badly, so people get none from it)."""
    for m in entity.mentions:
        low = fold_quotes(m.text).lower()
        if low.startswith(_FEMININE_TITLES):
            return "Fem"
        if low.startswith(("m. ", "monsieur", "le ", "l'actuel ")):
            return "Masc"
    if entity.kind == "Person":
        return None
    for m in entity.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span):
            genders = span.root.morph.get("Gender") or span[0].morph.get("Gender")
            if genders:
                return genders[0]
    return None


def resolve_pronoun(pronoun: str, pos: int, index: EntityIndex, doc: Doc,
                    sentences: tuple[Span, ...], quotes=(), window: int = 3) -> MentionRef | None:
    """The most recent actor a third-person pronoun at ``pos`` can refer to.

    "il"/"lui" take a person not known to be a woman (or a masculine state or
    organisation), people first; "elle" takes a feminine actor first, then a person of
    unknown gender.  Mentions inside quotes are skipped; the antecedent lies in the
    pronoun's sentence or the ``window`` sentences before it, the nearest sentence first.
    """
    gender = fr.PRONOUN_GENDER.get(pronoun.lower())
    plural = pronoun.lower() in ("ils", "elles", "eux")
    k = next((i for i, s in enumerate(sentences) if s.start <= pos < s.end + 1), 0)
    floor = sentences[max(0, k - window)].start if sentences else 0
    best: tuple | None = None
    for ref in index.before(pos, floor):
        if _ACTOR not in ref.entity.types and ref.mention.type != _ACTOR:
            continue
        if any(a < ref.start < b for a, b in quotes):
            continue
        person = ref.entity.kind == "Person"
        g = _entity_gender(ref.entity, doc)
        if plural:
            ok, first = ref.mention.text.rstrip().endswith(("s", "x")) and not person, True
        elif gender == "Masc":
            ok, first = g != "Fem" and (person or g == "Masc"), person
        elif gender == "Fem":
            ok, first = g == "Fem" or (g is None and person), g == "Fem"
        else:
            ok, first = True, True
        if not ok:
            continue
        sent = next((i for i, s in enumerate(sentences) if s.start <= ref.start < s.end), k)
        rank = (k - sent, 0 if first else 1, -ref.end)
        if best is None or rank < best[0]:
            best = (rank, ref)
    return best[1] if best else None


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


class Reading:
    """What the statement and relation rules both read off a parsed document, made once."""

    def __init__(self, doc: Doc, entities: tuple[Entity, ...], sentences: tuple[Span, ...],
                 article: Article, captions: tuple[Span, ...] | None = None,
                 tokens: list[Token] | None = None) -> None:
        self.doc, self.text, self.sentences = doc, article.text, sentences
        # indexing a Doc makes a new Token object each time: one list, shared
        self.tokens = list(doc) if tokens is None else tokens
        self.index = EntityIndex(entities)
        self.quotes = find_quotes(article.text)
        self.skip = caption_sentences(article.text, sentences, captions)
        self.units = Units(doc, article.text, sentences)


class _Finder:
    def __init__(self, reading: Reading) -> None:
        self.doc, self.text, self.sentences = reading.doc, reading.text, reading.sentences
        self.tokens, self.index, self.quotes = reading.tokens, reading.index, reading.quotes
        self.skip, self.units = reading.skip, reading.units

    # -- spans
    def trim(self, start: int, end: int) -> tuple[int, int]:
        """Strip spaces and trailing punctuation; keep a closing quote whose opening is inside."""
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        for a, b in self.quotes:  # content opening right after a quote mark: take the mark
            if a == start - 1 and start < b < end + 2:
                start = a
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        for a, b in self.quotes:  # a quote left open at the end: include its closing mark
            if start <= a < end <= b:
                end = b + 1
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        return start, end

    def unquote(self, start: int, end: int) -> tuple[int, int, str]:
        """Content without its surrounding quote marks when it is one quote (mode direct)."""
        for a, b in self.quotes:
            if a == start and b == end - 1:
                s, e = a + 1, b
                while s < e and self.text[s].isspace():
                    s += 1
                while e > s and self.text[e - 1] in " \t\n,":
                    e -= 1
                return s, e, "direct"
        if any(start <= a and b < end for a, b in self.quotes):
            return start, end, "mixed"
        return start, end, "indirect"

    def extend_over_quote(self, end: int) -> int:
        """A quote opened inside the content and closed in a later sentence: end after it."""
        for a, b in self.quotes:
            if a < end <= b:
                return b + 1
        return end

    # -- speakers
    def phrase_entity(self, token: Token, within: range | None = None) -> MentionRef | None:
        """The actor a subject or "selon" phrase names: its head, an apposed name, its group."""
        ref = self.index.at_token(token)
        if ref is not None:
            return ref
        for child in token.children:
            if within is not None and child.i not in within:
                continue
            if child.dep_ in ("appos", "flat:name", "nmod", "amod") and child.i > token.i:
                ref = self.index.at_token(child)
                if ref is not None and (child.dep_ in ("appos", "flat:name")
                                        or ref.entity.kind == "Person"):
                    return ref
        if token.lemma_ not in _GROUPS:
            return None
        for child in token.children:  # "les services de renseignement sud-coréens"
            if within is not None and child.i not in within:
                continue
            if child.dep_ in ("nmod", "amod"):
                for t in (child, *(g for g in child.children if g.dep_ == "amod")):
                    ref = self.index.at_token(t)
                    if ref is not None and _ACTOR in ref.entity.types:
                        return ref
        return None

    def speaker_of(self, token: Token | None, within: range | None = None
                   ) -> tuple[MentionRef | None, float]:
        if token is None:
            return None, 0.0
        low = _pronoun(token)
        if is_impersonal(token):
            return None, 0.0
        if low in fr.PRONOUN_GENDER and low != "qui":
            ref = resolve_pronoun(low, token.idx, self.index, self.doc, self.sentences, self.quotes)
            return ref, 0.85
        if low == "qui":
            return self.antecedent(token), 0.85
        return self.phrase_entity(token, within), 1.0

    def cue_speaker(self, cue: Token) -> tuple[MentionRef | None, float]:
        """The speaker of a cue verb: the first of its subject candidates that names an actor."""
        cue = self.clause_verb(cue)
        for subject in subjects_of(cue):
            ref, factor = self.speaker_of(subject)
            if ref is not None:
                return ref, factor
        if subjects_of(cue):
            return None, 0.0
        # no subject in the parse: the nearest actor before the cue that no preposition governs
        lo = self.units.bounds(cue)[0]
        for ref in self.index.before(cue.idx, self.tokens[lo].idx):
            if _ACTOR not in ref.entity.types or any(a < ref.start < b for a, b in self.quotes):
                continue
            before = self.doc.char_span(ref.start, ref.end, alignment_mode="expand")
            k = before.start - 1
            while k >= lo and self.tokens[k].pos_ == "DET":
                k -= 1
            if k >= lo and self.tokens[k].pos_ == "ADP":
                continue
            if any(t.pos_ == "VERB" and t.lemma_ not in ("avoir", "être")
                   for t in self.doc[before.end: cue.i]):
                return None, 0.0  # another verb has the actor: it is not this cue's
            return ref, 0.7
        return None, 0.0

    def clause_verb(self, cue: Token) -> Token:
        """The verb whose subject says a cue: the cue itself, or for "..., estimant que" (a
        present participle after a comma) the main verb, wherever the parser hung it."""
        morph = cue.morph
        if not ("Part" in morph.get("VerbForm") and "Pres" in morph.get("Tense")) or cue.i == 0 \
                or self.tokens[cue.i - 1].text != "," or cue.dep_.startswith("nsubj"):
            return cue
        head = cue.head
        while head.i != head.head.i and head.pos_ not in ("VERB", "AUX"):
            head = head.head
        return head if head.i < cue.i and head.pos_ in ("VERB", "AUX") else cue

    def antecedent(self, token: Token) -> MentionRef | None:
        """The actor a relative "qui" stands for: the mention just before it."""
        for ref in self.index.before(token.idx, self.tokens[self.units.bounds(token)[0]].idx):
            gap = self.text[ref.end:token.idx]
            if len(gap) <= 4 and _ACTOR in ref.entity.types:
                return ref
            break
        head = token.head.head if token.head.dep_.startswith("acl") else None
        return self.phrase_entity(head) if head is not None else None

    def inverted_subject(self, cue: Token) -> Token | None:
        """The subject after a cue verb ("..., a déclaré le ministre", "a-t-il dit")."""
        for t in cue.doc[cue.i - 3: cue.i + 1]:
            if t.i < cue.i and _pronoun(t) in fr.PRONOUN_GENDER and "-" in t.text:
                return t
        for child in cue.children:
            if child.i > cue.i and child.dep_ in ("nsubj", "obj", "nsubj:pass") and child.pos_ in (
                    "NOUN", "PROPN", "PRON") and child.lemma_.lower() not in fr.TIME_WORDS:
                return child
        # "a martelé mercredi le président": the parser often hangs the subject on the day
        j = cue.i + 1
        while j < len(self.tokens) and j <= cue.i + 3 and (
                self.tokens[j].pos_ in ("DET", "ADV") or self.tokens[j].lemma_.lower() in fr.TIME_WORDS):
            j += 1
        if j > cue.i + 1 and j < len(self.tokens) and self.tokens[j].pos_ in ("NOUN", "PROPN"):
            return self.tokens[j]
        return None

    # -- modality
    def modality(self, cue: Token | None, start: int, end: int, words: str = "") -> str:
        if cue is not None and (clause_negation(cue) or cue.lemma_ in fr.DENIAL_VERBS):
            return "negated"
        if cue is not None and clause_hedged(cue):
            return "hedged"
        if cue is not None:  # "a précisé un responsable sous couvert d'anonymat"
            lo, hi = self.units.bounds(cue)
            words += " " + " ".join(lower_text(t) for t in self.doc[lo:hi] if not start <= t.idx < end)
        if any(w in fr.ANONYMOUS_SOURCE_WORDS for w in words.lower().split()):
            return "hedged"
        content = self.doc.char_span(start, end, alignment_mode="expand")
        if content is not None and len(content):
            root = content.root
            past_cue = cue is not None and _is_past(cue)
            for tok in content:
                if tok.pos_ not in ("VERB", "AUX") or tok.head.i < content.start and tok.i != root.i:
                    continue
                if tok.i == root.i or tok.dep_ in ("ccomp", "conj") or tok.head.i == root.i:
                    conditional = fr.is_conditional(tok.text, tok.lemma_)
                    if conditional and (not past_cue or tok.lemma_ in ("pouvoir", "devoir")):
                        return "hedged"
            if any(lower_text(t) in fr.HEDGE_WORDS for t in content):
                return "hedged"
        return "reported"

    # -- content end
    def clause_end(self, tokens: list[Token], first: int, stop_words=(" et que ", " et qu")) -> int:
        """End offset of a content starting at token index ``first`` of the sentence."""
        sent_end = tokens[-1].idx + len(tokens[-1].text)
        start = tokens[first].idx if first < len(tokens) else sent_end
        chunk = fold_quotes(self.text[start:sent_end])
        cut = len(chunk)
        for word in (*stop_words, " ; ", ";"):
            at = chunk.find(word)
            if 0 < at < cut:
                cut = at
        end = self.extend_over_quote(start + cut)
        return max(end, start + cut) if end > sent_end else start + cut

    # -- rules
    def cue_claims(self, k: int, tokens: list[Token]) -> list[_Claim]:
        claims = []
        for n, tok in enumerate(tokens):
            if tok.pos_ not in ("VERB", "AUX", "ADJ", "NOUN") or tok.lemma_ not in _CUE_LEMMAS:
                continue
            if tok.pos_ == "NOUN" and tok.lemma_ not in ("estime",):
                continue
            if any(a < tok.idx < b for a, b in self.quotes):
                continue  # a verb inside a quote is the quoted speaker's, not a cue
            claims.extend(self.complements(k, tokens, n))
        return claims

    def complements(self, k: int, tokens: list[Token], n: int) -> list[_Claim]:
        cue = tokens[n]
        lemma = cue.lemma_ if cue.lemma_ != "estime" else "estimer"
        phrase = _multiword(tokens, n)
        if lemma == "mettre" and phrase is None:
            return []  # only "mettre en garde" reports speech
        out: list[tuple[int, int, float]] = []  # (content start, end, confidence)
        j = n + 1
        if phrase is not None:
            j = n + 1 + phrase[1]
        # skip clitics, adverbs, the dative and object noun phrase of accuser/reprocher
        while j < len(tokens) and (tokens[j].pos_ in ("ADV", "PRON") and lower_text(tokens[j]) not in (
                "que", "qu'") or lower_text(tokens[j]) in fr.TIME_WORDS
                or lower_text(tokens[j]) in ("-t", "-il", "-elle", "aussi", "encore")):
            j += 1
        if j >= len(tokens):
            return []
        nxt = tokens[j]
        low = lower_text(nxt)
        reflexive = any(lower_text(c) in ("se", "s'") for c in cue.children) or (
            n > 0 and lower_text(tokens[n - 1]) in ("se", "s'"))
        if phrase is not None and phrase[0] in fr.STANCE_NOUN_CUES:
            if low in fr.STANCE_NOUN_CUES[phrase[0]]:
                first = j + 1
                if first < len(tokens):
                    out.append((tokens[first].idx, self.clause_end(tokens, first, (",",)), 0.6))
        elif self.que_after(tokens, j) is not None:
            first = self.que_after(tokens, j) + 1
            for start, end in self.coordinated(tokens, first):
                out.append((start, end, 0.85))
        elif low == ":" and j + 1 < len(tokens):
            out.append((tokens[j + 1].idx, self.clause_end(tokens, j + 1, ()), 0.9))
        elif nxt.text in fr.QUOTE_PAIRS and lemma in fr.SPEECH_VERBS and lemma not in (
                "accuser", "reprocher"):
            out.append((nxt.idx, self.clause_end(tokens, j, (" et que ",)), 0.85))
        elif lemma in fr.SPEECH_VERBS and any(t.text in fr.QUOTE_PAIRS for t in tokens[j + 1: j + 4]) \
                and nxt.pos_ in ("DET", "ADJ", "NOUN"):  # "a dénoncé une « escalade inutile »"
            out.append((nxt.idx, self.clause_end(tokens, j, (",", " et que ")), 0.7))
        elif "Inf" in nxt.morph.get("VerbForm") and lemma in fr.INFINITIVE_CUES:
            out.append((nxt.idx, self.clause_end(tokens, j, _INF_STOPS), 0.75))
        elif reflexive and lemma in fr.REFLEXIVE_CUES and nxt.pos_ == "ADJ":
            out.append((nxt.idx, self.clause_end(tokens, j, _INF_STOPS), 0.6))
        elif lemma in fr.ADVOCACY_CUES and self.advocacy_prep(tokens, j, lemma) is not None:
            # "a appelé (la communauté internationale) à « faire pression ... »"
            first = self.advocacy_prep(tokens, j, lemma) + 1
            if first < len(tokens):
                out.append((tokens[first].idx, self.clause_end(tokens, first, _INF_STOPS), 0.6))
        elif lemma in fr.DE_INFINITIVE_CUES:
            de = self.de_infinitive(tokens, j)
            if de is not None:
                out.append((tokens[de].idx, self.clause_end(tokens, de, _INF_STOPS), 0.75))
            elif lemma in fr.ACCUSATION_CUES:  # "accuse Kiev de « terrorisme »": the charge
                de = self.de_charge(tokens, j)
                if de is not None:
                    out.append((tokens[de].idx, self.clause_end(tokens, de, _INF_STOPS + (",",)), 0.65))
        if not out:
            inverted = self.inverted(k, tokens, n)
            return [inverted] if inverted else []
        speaker, factor = self.cue_speaker(cue)
        claims = []
        for start, end, conf in out:
            start, end = self.trim(start, end)
            if end <= start:
                continue
            cue_start = cue.idx
            cue_end = tokens[n + phrase[1]].idx + len(tokens[n + phrase[1]].text) if phrase else cue.idx + len(cue.text)
            claims.append(_Claim(speaker, self.text[cue_start:cue_end], cue_start, cue_end, start, end,
                                 k, self.modality(cue, start, end),
                                 conf * factor if speaker else 0.4))
        return claims

    def que_after(self, tokens: list[Token], j: int) -> int | None:
        """Index of the "que" opening a cue's clause, past a date, a dative or an aside
        ("a affirmé mardi que", "a déclaré à la presse que", "a indiqué, lundi, qu'")."""
        for m in range(j, min(len(tokens), j + 7)):
            t = tokens[m]
            if lower_text(t) in ("que", "qu'"):
                if m > 1 and tokens[m - 1].text == "," and tokens[m - 2].pos_ == "NOUN" \
                        and lower_text(tokens[m - 2]) not in fr.TIME_WORDS:
                    return None  # "ces accusations, qu'il a qualifiées de ...": a relative clause
                if m > 0 and lower_text(tokens[m - 1]) in fr.SUBORDINATORS:
                    return None  # "tandis que", "alors que": an adverbial clause, not the content
                return m
            if t.text in fr.QUOTE_PAIRS or t.text in (".", ";", ":") or (
                    t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")):
                return None
        return None

    def past_apposition(self, tokens: list[Token], m: int) -> int:
        """Index of the comma closing a name apposed after a source phrase ending at comma ``m``."""
        if m + 1 >= len(tokens) or tokens[m].text != ",":
            return m
        ref = self.index.at_token(tokens[m + 1])
        if ref is None or ref.entity.kind != "Person" or ref.start != tokens[m + 1].idx:
            return m
        for n in range(m + 1, len(tokens)):
            if tokens[n].idx >= ref.end:
                return n if tokens[n].text == "," else m
        return m

    def coordinated(self, tokens: list[Token], first: int) -> list[tuple[int, int]]:
        """Content spans of "que A et que B": one per que-clause."""
        spans, begin = [], first
        for m in range(first, len(tokens)):
            if lower_text(tokens[m]) in ("que", "qu'") and m > begin \
                    and lower_text(tokens[m - 1]) in ("et", "ou", ",", "mais"):
                if not any(a < tokens[m].idx < b for a, b in self.quotes):
                    spans.append((tokens[begin].idx, tokens[m - 1].idx))
                    begin = m + 1
        if begin < len(tokens):
            spans.append((tokens[begin].idx, self.clause_end(tokens, begin, ())))
        return spans

    def de_infinitive(self, tokens: list[Token], j: int) -> int | None:
        """Index of the "de"/"d'" that opens an infinitive within a short object phrase."""
        for m in range(j, min(len(tokens), j + 9)):
            low = lower_text(tokens[m]).strip('"«“ ')
            if tokens[m].pos_ == "VERB" and "Fin" in tokens[m].morph.get("VerbForm"):
                return None
            if low in ("de", "d'") or low.startswith(("d'", 'd"')):
                nxt = tokens[m] if len(low) > 2 else (tokens[m + 1] if m + 1 < len(tokens) else None)
                if nxt is not None and ("Inf" in nxt.morph.get("VerbForm") or nxt.text.lower().endswith(
                        ("er", "ir", "re"))):
                    return m
        return None

    def advocacy_prep(self, tokens: list[Token], j: int, lemma: str) -> int | None:
        """Index of the "à"/"pour" of an advocacy cue, past an object noun phrase."""
        for m in range(j, min(len(tokens), j + 7)):
            if lower_text(tokens[m]) in fr.ADVOCACY_CUES[lemma]:
                return m
            if tokens[m].pos_ not in ("DET", "NOUN", "PROPN", "ADJ"):
                return None
        return None

    def de_charge(self, tokens: list[Token], j: int) -> int | None:
        """Index of the first word of the charge after "de" ("accuser X de terrorisme")."""
        for m in range(j, min(len(tokens), j + 8)):
            low = lower_text(tokens[m])
            if tokens[m].pos_ in ("VERB", "AUX") and "Fin" in tokens[m].morph.get("VerbForm"):
                return None
            if low in ("de", "d'") and m + 1 < len(tokens):
                return m + 1
        return None

    def inverted(self, k: int, tokens: list[Token], n: int) -> _Claim | None:
        """"« ... », a déclaré X" / "Les frappes continueront, affirme X": content before the cue."""
        cue = tokens[n]
        m = n - 1
        while m >= 0 and (tokens[m].dep_.startswith("aux") or tokens[m].text.startswith("-")
                          or lower_text(tokens[m]) in ("se", "s'")):
            m -= 1  # "a-t-il ajouté", "estime-t-elle", "s'est félicité"
        if m < 1 or tokens[m].text not in (",", "»", "”", '"'):
            return None
        quoted = tokens[m].text != "," or tokens[m - 1].text in ("»", "”", '"')
        if not quoted and (any(t.dep_.startswith("nsubj") and t.i < cue.i for t in cue.children) or not any(
                "Fin" in t.morph.get("VerbForm") for t in tokens[:m])):
            return None  # "X, fournisseur de Y, a annoncé ...": not a clause before the cue
        if tokens[m].text == "," and m > 0:
            m -= 1
        close = tokens[m].idx
        start = tokens[0].idx
        for a, b in self.quotes:
            if b == close:
                start = a
                break
        subject = self.inverted_subject(cue)
        if subject is None:
            return None
        speaker, factor = self.speaker_of(subject)
        s, e = self.trim(start, tokens[m].idx + len(tokens[m].text))
        if e <= s or speaker is None:
            return None
        return _Claim(speaker, cue.text, cue.idx, cue.idx + len(cue.text), s, e, k,
                      self.modality(cue, s, e), 0.8 * factor if speaker else 0.4)

    def source_claims(self, k: int, tokens: list[Token]) -> list[_Claim]:
        """ "selon X, ...", "d'après X", "pour X, ...", "aux yeux de X", "..., selon X"."""
        claims = []
        lows = [lower_text(t) for t in tokens]
        for n, low in enumerate(lows):
            width = _source_width(lows, n)
            if not width:
                continue
            if any(a < tokens[n].idx < b for a, b in self.quotes):
                continue
            is_pour = low == "pour"
            if is_pour and not (n == 0 or tokens[n - 1].pos_ in ("CCONJ", "PUNCT") or lows[n - 1] in (
                    "et", "mais", "or")):
                continue
            # the source phrase runs to the next comma (or to the end of the sentence)
            m = n + width
            while m < len(tokens) and tokens[m].text not in (",", ";", ":", "."):
                m += 1
            phrase = tokens[n + width: m]
            if not phrase or len(phrase) > 14:
                continue
            head = _phrase_head(phrase)
            ref, factor = self.speaker_of(head, range(phrase[0].i, phrase[-1].i + 1))
            apposed = self.past_apposition(tokens, m)  # "Pour la présidente de X, Jane Doe, ..."
            if apposed != m:
                if ref is None or ref.entity.kind != "Person":
                    ref, factor = self.index.at_token(tokens[m + 1]), 1.0
                m = apposed
            if is_pour and (ref is None or _ACTOR not in ref.entity.types):
                continue
            if is_pour and head.pos_ == "VERB":
                continue
            cue_start, cue_end = tokens[n].idx, tokens[n + width - 1].idx + len(tokens[n + width - 1].text)
            lead = [t for t in tokens[:n] if t.pos_ not in ("CCONJ", "PUNCT", "ADV", "SCONJ", "ADP")
                    and lows[t.i - tokens[0].i] not in ("d'", "d’", "autant", "plus", "que")]
            if m < len(tokens) - 1 and not lead:  # phrase first: content after the comma
                s, e = tokens[m + 1].idx, self.clause_end(tokens, m + 1, ())
            elif n > 0:  # "..., selon X." : content before the phrase
                s, e = lead[0].idx if lead else tokens[0].idx, tokens[n - 1].idx
                if tokens[n - 1].text != ",":
                    e = self.clause_end(tokens, 0, ())
            else:
                continue
            s, e = self.trim(s, e)
            if e <= s:
                continue
            words = " ".join(lows[n:m])
            conf = (0.65 if is_pour else 0.8) * factor if ref else 0.4
            claims.append(_Claim(ref, self.text[cue_start:cue_end], cue_start, cue_end, s, e, k,
                                 self.modality(None, s, e, words), conf, source_only=True))
        return claims

    def run(self) -> tuple[Statement, ...]:
        claims: list[_Claim] = []
        for first, last in self.units.runs:
            if first in self.skip:
                continue
            k = first
            span = self.doc.char_span(*self.units.span_of(first, last), alignment_mode="expand")
            tokens = [t for t in span if not t.is_space] if span is not None else []
            if not tokens:
                continue
            claims.extend(self.source_claims(k, tokens))
            claims.extend(self.cue_claims(k, tokens))
        return self.build(_drop_duplicates(claims), claims)

    def build(self, kept: list[_Claim], claims: list[_Claim]) -> tuple[Statement, ...]:
        kept.sort(key=lambda c: (c.start, c.cue_start))
        out = []
        for c in kept:
            if c.speaker is None:
                continue  # an unknown speaker ("un porte-parole") still names a source of nested claims
            outer = [o for o in claims if o is not c and o.start <= c.cue_start and c.cue_end <= o.end]
            outer.sort(key=lambda o: o.start)
            sources = tuple(dict.fromkeys(o.speaker.entity.id for o in outer if o.speaker))
            start, end, mode = self.unquote(c.start, c.end)
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
    for n, inner in enumerate(statements):
        for m, outer in enumerate(statements):
            if m != n and inner.start == outer.start and outer.speaker in inner.sources \
                    and outer.speaker != inner.speaker:
                drop.add(n)
                chain = tuple(dict.fromkeys((outer.speaker, *inner.sources, inner.speaker)))
                merged[m] = dataclasses.replace(outer, sources=chain)
    kept = [merged.get(n, st) for n, st in enumerate(statements) if n not in drop]
    return tuple(dataclasses.replace(st, id=f"s{n}") for n, st in enumerate(kept, start=1))


def _drop_duplicates(claims: list[_Claim]) -> list[_Claim]:
    """One claim per content: a "selon X" frame whose clause holds its own cue gives way to it."""
    kept = []
    for c in claims:
        inner = [o for o in claims if o is not c and c.source_only and not o.source_only
                 and c.start <= o.cue_start < c.end and c.start <= o.start and o.end <= c.end + 1]
        if inner:
            continue
        same = [o for o in kept if o.start == c.start and o.end == c.end]
        if same:
            continue
        kept.append(c)
    return kept


def _multiword(tokens: list[Token], n: int) -> tuple[str, int] | None:
    """("faire part", 1) when the cue verb starts a multi-word cue; the int is extra tokens."""
    lemma = tokens[n].lemma_
    for phrase in (*fr.STANCE_NOUN_CUES, "mettre en garde"):
        words = phrase.split()
        if words[0] != lemma:
            continue
        rest = [lower_text(t) for t in tokens[n + 1: n + len(words)]]
        if rest == words[1:]:
            return phrase, len(words) - 1
    return None


def _source_width(lows: list[str], n: int) -> int:
    """How many tokens the sourcing phrase starting at ``n`` spans (0: none)."""
    low = lows[n]
    if low in fr.SOURCE_PREPOSITIONS:
        return 1
    if low in ("d'", "d’") and n + 1 < len(lows) and lows[n + 1] == "après":
        return 2
    if low not in _source_phrase_starts():
        return 0
    for words in _source_phrase_words():
        if lows[n: n + len(words)] == words:
            return len(words)
    return 0


@functools.cache
def _source_phrase_words() -> tuple[list[str], ...]:
    """The sourcing phrases as token lists, split once."""
    return tuple([w for w in re.split(r"\s+|(?<=')", phrase) if w] for phrase in fr.SOURCE_PHRASES)


@functools.cache
def _source_phrase_starts() -> frozenset[str]:
    return frozenset(words[0] for words in _source_phrase_words())


def _phrase_head(phrase: list[Token]) -> Token:
    """The head of a noun phrase given as tokens (the token whose head lies outside)."""
    ids = {t.i for t in phrase}
    for t in phrase:
        if t.head.i not in ids or t.head.i == t.i:
            if t.pos_ not in ("DET", "ADP", "PUNCT"):
                return t
    content = [t for t in phrase if t.pos_ not in ("DET", "ADP", "PUNCT")]
    return content[0] if content else phrase[-1]


_GROUPS = frozenset({"gouvernement", "diplomatie", "autorité", "porte-parole", "armée",
                     "ministère", "exécutif", "administration", "présidence", "régime",
                     "pouvoir", "état-major", "responsable", "dirigeant", "service", "parti",
                     "mouvement", "coalition", "alliance", "organisation", "agence", "groupe",
                     "journal", "quotidien", "hebdomadaire", "chaîne", "média", "site",
                     "camp", "opposition", "majorité", "délégation", "bureau", "cabinet",
                     "diplomate", "militaire", "force", "troupe", "soldat", "source",
                     # officials speak for their state when they are not named
                     "ministre", "chef", "cheffe", "président", "présidente", "secrétaire",
                     "représentant", "représentante", "ambassadeur", "ambassadrice",
                     "négociateur", "conseiller", "commandant", "gouverneur", "officiel",
                     # documents speak for their author ("selon un communiqué du Kremlin")
                     "communiqué", "rapport", "déclaration", "note", "document", "lettre",
                     "texte", "bilan", "enquête", "message"})
_CUE_LEMMAS = frozenset(fr.SPEECH_VERBS | set(fr.ADVOCACY_CUES) | {"faire", "laisser", "estime",
                                                                    "mettre"})
_INF_STOPS = (" et que ", " et qu", ", qui ", ", mais ", " mais ", ", tout en ", ", alors que ",
              ", tandis que ")


def find_statements(doc: Doc, entities: tuple[Entity, ...], sentences: tuple[Span, ...],
                    article: Article, reading: Reading | None = None) -> tuple[Statement, ...]:
    """Every statement of the article, in text order, with ids "s1", "s2", ...

    ``reading`` is the document's Reading when the caller made one (it is shared
    with ``find_relations``).
    """
    return _Finder(reading or Reading(doc, entities, sentences, article)).run()
