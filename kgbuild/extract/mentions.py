"""Find entity mentions in a parsed article: spaCy NER corrected by rules and the KB.

Sources of mentions, each a ``Found`` record (a Mention plus the name it stands
for and the KB entry it was resolved to, when one was):

- named entities from spaCy, trimmed (determiners, line breaks, credit words)
  and re-typed where the knowledge base knows better ("Washington" tagged as a
  person is a capital);
- one-word country, region and city names the KB knows that NER left untagged;
- capitals used as governments ("Moscou" as speaker or agent) -> the state;
- countries typed Actor or Region by their syntax ("en Ukraine" vs "l'Ukraine doit");
- demonyms standing for a state ("soldats nord-coréens", "les Américains");
- weapon systems ("missiles ATACMS", KB names) and weapon classes ("missiles de croisière");
- role descriptions ("le président russe", "la cheffe de la diplomatie allemande"),
  resolved to a person by apposition or by the KB's office holders.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Protocol, Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kgbuild.extract.language import LanguageRules
from kgbuild.extract.reading import SpanIndex
from kgbuild.normalize import fold_quotes, normalize_label, strip_accents
from kgbuild.types import KBEntry, Mention, Span

__all__ = ["Gazetteer", "Found", "find_mentions", "kb_label"]

_STATE_KINDS = ("Country", "State")
_REGION_KINDS = ("Country", "State", "City", "Capital", "AdministrativeRegion", "Continent",
                 "Region", "Village", "Place", "Sea", "Building")
_WEAPON_KINDS = ("WeaponSystem", "WeaponClass", "Weapon")
_PLACE_KINDS = ("Country", "State", "City", "Capital", "AdministrativeRegion")
_CAPITALISED = re.compile(r"^[A-ZÀ-ÖØ-Þ0-9]")


class Gazetteer(Protocol):
    """What extraction needs of the knowledge base (the snapshot implements it)."""

    entries: Sequence[KBEntry]

    def lookup(self, name: str, lang: str | None = None) -> list[KBEntry]: ...

    def get(self, key: str) -> KBEntry | None: ...

    def office_holders(self, office: str, country_key: str | None, date: str | None = None,
                       gender: str | None = None) -> list[KBEntry]: ...


@dataclass(frozen=True)
class Found:
    """A mention with the name it denotes and, when known, its KB entry."""

    mention: Mention
    name: str  # canonical name: "Russie" for "russes", the person for a role
    entry: KBEntry | None = None
    apposition: tuple[int, int] | None = None  # a named mention this role is in apposition with
    office: tuple[str, ...] = ()  # office keys of a role mention
    country: str | None = None  # country name a role or demonym refers to
    gender: str | None = None
    qualified: bool = False  # a role of an unnamed body ("porte-parole du gouvernement")
    refers_to: tuple[str, ...] = ()  # kinds a description ("l'ONG") may stand for


def find_mentions(doc: Doc, sentences: Sequence[Span], captions: Sequence[Span],
                  rules: LanguageRules, kb: Gazetteer, lang: str = "fr", text: str | None = None,
                  tokens: list[Token] | None = None) -> list[Found]:
    """Every mention in the document, sorted by offset, overlaps resolved.

    ``text`` and ``tokens`` are ``doc.text`` and ``list(doc)`` when the caller has
    them (spaCy rebuilds the text and makes new Token objects at each access).
    """
    finder = _Finder(doc, sentences, captions, rules, kb, lang, doc.text if text is None else text,
                     list(doc) if tokens is None else tokens)
    return finder.run()


class _Finder:
    def __init__(self, doc, sentences, captions, rules, kb, lang, text, tokens):
        self.doc, self.text, self.rules, self.kb, self.lang = doc, text, rules, kb, lang
        self.tokens = tokens
        self.lows = [_low(t) for t in self.tokens]  # the form the lexicons are written in
        # read once: the finders each scan every token, and spaCy decodes ``text`` at each access
        self.capitalised = [_CAPITALISED.match(t.text) is not None for t in self.tokens]
        self.sentences = sentences
        self.captions = tuple(sorted(captions, key=lambda c: c.start))
        self._caption_starts = [c.start for c in self.captions]
        self._sent_starts = [s.start for s in sentences]

    # -- driver -----------------------------------------------------------------
    def run(self) -> list[Found]:
        found: list[Found] = []
        # the spans claimed so far, outer phrases (roles, bodies) and names apart: disjoint, so
        # sorted by start and end
        claimed: dict[bool, tuple[list[int], list[int]]] = {True: ([], []), False: ([], [])}
        self._claimed_names = claimed[False]
        bodies: set[tuple[int, int]] = set()
        # order matters: more specific finders claim their spans first; a role or a body may
        # contain other mentions ("le président russe", "le ministère russe de la Défense")
        for finder, layer in ((self._roles, "outer"), (self._weapons, "name"),
                              (self._place_phrases, "name"), (self._media_phrases, "name"),
                              (self._known_phrases, "name"), (self._lowercase_groups, "name"),
                              (self._bodies, "outer"), (self._named, "name"),
                              (self._missed_places, "name"),
                              (self._units, "name"), (self._demonyms, "name"),
                              (self._descriptions, "name")):
            for item in finder():
                m = item.mention
                if self._in_caption(m.start, m.end):
                    continue
                if layer == "name" and (m.start, m.end) in bodies:
                    continue  # the model's name for a body found whole already
                if layer == "name" and self._body_domain(m, bodies):
                    continue  # "ministère libanais de la Santé": "Santé" is no place
                starts, ends = claimed[layer == "outer"]
                n = bisect_left(starts, m.end)  # the claimed spans starting before m ends
                if n and ends[n - 1] > m.start:
                    continue  # overlaps a span of its layer claimed before
                starts.insert(n, m.start)
                ends.insert(n, m.end)
                found.append(item)
                if finder == self._bodies:
                    bodies.add((m.start, m.end))
        found.extend(self._apposed_names(found))
        found.sort(key=lambda f: (f.mention.start, f.mention.end))
        return found

    def _body_domain(self, mention: Mention, bodies: set[tuple[int, int]]) -> bool:
        """Whether a name is the domain word inside a body's phrase ("de la Défense")."""
        word = mention.text.lower()
        return (word in self.rules.body_domains or word.rstrip("s") in self.rules.body_domains) and any(
            a <= mention.start and mention.end <= b for a, b in bodies)

    def _apposed_names(self, found: list[Found]) -> list[Found]:
        """The name a role is apposed to when the model tagged none ("le président kényan
        William Ruto"): the run of capitalised words there is a person."""
        names = []
        spans = SpanIndex([f.mention for f in found])
        for f in found:
            if f.apposition is None or any(o is not f.mention for o in spans.overlapping(*f.apposition)):
                continue
            first = self._token_at(f.apposition[0])
            if first is None:
                continue
            last = first.i
            while last + 1 < len(self.tokens) and last + 1 - first.i < 4 \
                    and _is_name_token(self.tokens[last + 1]):
                last += 1
            if last == first.i and self.tokens[last].pos_ != "PROPN":
                continue  # one capitalised word the tagger does not take for a name: unsure
            end = self.tokens[last].idx + len(self.tokens[last].text)
            if self._in_caption(first.idx, end):
                continue
            name = self.text[first.idx:end]
            names.append(Found(self._mention(first.idx, end, "Actor", "Person", "pattern", 0.7), name))
        return names

    # -- helpers ----------------------------------------------------------------
    def _in_caption(self, start: int, end: int) -> bool:
        n = bisect_left(self._caption_starts, end)  # credits starting before the span ends
        return n > 0 and max(c.end for c in self.captions[max(0, n - 2):n]) > start

    def _sentence_of(self, offset: int) -> int:
        return max(bisect_right(self._sent_starts, offset) - 1, 0)

    def _mention(self, start: int, end: int, type_: str, kind: str, method: str,
                 confidence: float) -> Mention:
        return Mention(start=start, end=end, text=self.text[start:end], type=type_, kind=kind,
                       sentence=self._sentence_of(start), method=method, confidence=confidence)

    def _lookup(self, name: str, kinds: Sequence[str] | None = None) -> KBEntry | None:
        entries = self.kb.lookup(name, self.lang)
        if kinds is not None:
            entries = [e for e in entries if e.kind in kinds]
        if not entries:
            return None
        return max(entries, key=lambda e: e.prior)

    def _trim(self, span: SpacySpan) -> tuple[int, int] | None:
        """Offsets of an NER span without leading determiners, line breaks and credit words."""
        start, end = span.start_char, span.end_char
        chunk = self.text[start:end]
        cut = chunk.find("\n")
        if cut >= 0:
            chunk = chunk[:cut]
        chunk = chunk.rstrip(" \t,;:.«»\"“”")
        lowered = fold_quotes(chunk).lower()
        for det in _determiners(self.rules):
            if lowered.startswith(det) and len(chunk) > len(det) and not self._named_with(chunk, det):
                # "la Pologne" -> "Pologne", but "La Haye" is the name
                start += len(det)
                chunk = chunk[len(det):]
                lowered = lowered[len(det):]
                break
        if chunk.startswith("de ") and self._lookup(chunk[3:]) is not None:
            start, chunk = start + 3, chunk[3:]  # "l'ambassadeur de France": NER took the "de"
        for marker in self.rules.caption_words:  # "Soumy Image : ...": the credit's first word
            if chunk.endswith(" " + marker):
                chunk = chunk[: -len(marker) - 1]
        chunk = chunk.strip()
        lead = self.text[start:].find(chunk)
        if not chunk:
            return None
        start += lead
        return start, start + len(chunk)

    def _named_tail(self, start: int, end: int) -> int | None:
        """Where the name starts in a span the model opened with common nouns ("attentat de
        Kaboul"): the first capitalised word after a linking word, if the rest is a name."""
        for token in self.tokens[self._token_index(start):]:
            if token.idx >= end:
                return None
            if _CAPITALISED.match(token.text) and token.i > 0 \
                    and self.lows[token.i - 1] in self.rules.unit_links:
                return token.idx
        return None

    def _token_index(self, offset: int) -> int:
        token = self._token_at(offset)
        return token.i if token is not None else 0

    def _named_with(self, name: str, det: str) -> bool:
        """Does the KB spell this name with its article ("La Haye", not "La France")?"""
        entry = self._lookup(name)
        if entry is None:
            return False
        names = (*entry.labels.values(), *(a for aliases in entry.aliases.values() for a in aliases))
        return any(fold_quotes(n).lower().startswith(det) for n in names)

    def _prev_tokens(self, token_i: int, n: int = 3) -> list[Token]:
        tokens = []
        j = token_i - 1
        while j >= 0 and len(tokens) < n:
            if not self.tokens[j].is_space:
                tokens.append(self.tokens[j])
            j -= 1
        return tokens

    def _prev_words(self, token_i: int, n: int = 3) -> list[str]:
        return [_low(t) for t in self._prev_tokens(token_i, n)]

    # -- named entities -----------------------------------------------------------
    def _named(self):
        for ent in self.doc.ents:
            offsets = self._trim(ent)
            if offsets is None:
                continue
            start, end = offsets
            name = self.text[start:end]
            if fold_quotes(name.lower()) in self.rules.demonyms:
                continue
            if not _CAPITALISED.match(name) and self._lookup(name) is None:
                tail = self._named_tail(start, end)
                if tail is None:
                    continue  # a common noun, unless the KB knows it ("département d'État")
                start, name = tail, self.text[tail:end]  # "attentat de Kaboul": Kaboul
            state = self._state_periphrasis(name)
            if state is not None:  # "l'État hébreu", "l'État français"
                entry = self._lookup(state, _STATE_KINDS)
                head = self._token_at(start)
                if entry is not None:
                    yield self._from_entry(entry, start, end, name, head, "demonym")
                continue
            if normalize_label(name) in self.rules.not_names:
                item = self._known_with_words_before(ent.start, end)
                if item is not None:  # "département d'Etat": NER saw only "Etat"
                    yield item
                continue
            if normalize_label(name) in self.rules.vague_groups:
                continue
            if self._is_rubric(start, end) and self._lookup(name) is None:
                continue  # "Défense : la Pologne commande ...": a section word, not a name
            item = self._classify_named(ent, start, end, name)
            if item is not None:
                yield item

    def _missed_places(self):
        """Countries, regions and cities the KB knows by a one-word name that NER left
        untagged ("La Chine, qui revendique Taïwan, ..."): proper nouns outside any entity,
        and words in capitals opening a dateline ("GENÈVE, 3 mai. —")."""
        for token in self.tokens:
            if token.ent_type_ or not self.capitalised[token.i]:
                continue
            # a dateline in capitals ("BERNE, 3 mai. —") is a place whatever the tagger says
            if token.pos_ != "PROPN" and not (token.is_upper and len(token.text) > 3 and self._in_dateline(token)):
                continue
            entry = self._lookup(token.text, _PLACE_KINDS)
            if entry is not None and not self._not_the_town(entry, token.text, token, None):
                item = self._from_entry(entry, token.idx, token.idx + len(token.text), token.text, token,
                                        "gazetteer")
                if item is not None:
                    yield item

    def _known_phrases(self):
        """Names of several words the knowledge base knows and the model missed or cut
        ("l'État islamique", "les Forces de soutien rapide"): from each capitalised word, the
        longest run of up to five words that is a KB name of a body (not a person)."""
        starts, ends = self._claimed_names
        for token in self.tokens:
            if not self.capitalised[token.i] or token.pos_ not in ("PROPN", "NOUN", "ADJ") or (
                    token.pos_ == "ADJ" and self.lows[token.i] in self.rules.demonyms):
                continue  # "le groupe jihadiste État islamique": "État" tagged an adjective
            n = bisect_right(starts, token.idx)
            if n and ends[n - 1] > token.idx:
                continue  # inside a name found already
            for size in range(min(5, len(self.tokens) - token.i), 1, -1):
                last = self.tokens[token.i + size - 1]
                if last.is_punct or last.is_space or last.pos_ in ("ADP", "DET", "CCONJ", "SCONJ", "PRON") \
                        or last.text.endswith(("'", "’")):  # an elided word ("Moscou n'a pas"): no name's end
                    continue  # a name ends on a word of its own ("Conseil de sécurité", not "... d'")
                name = self.text[token.idx:last.idx + len(last.text)]
                if "\n" in name:
                    continue
                if self._inside_longer_name(token.idx, last.idx + len(last.text)):
                    break  # the model's longer name holds it ("Forces armées ... de X")
                entry = self._lookup(name)
                if entry is not None and entry.kind not in ("Person", "Event") and normalize_label(name) in {
                        normalize_label(n) for n in (*entry.labels.values(),
                                                     *(a for al in entry.aliases.values() for a in al))}:
                    item = self._from_entry(entry, token.idx, last.idx + len(last.text), name, token,
                                            "gazetteer")
                    if item is not None:
                        yield item
                    break

    def _lowercase_groups(self):
        """Groups the press names in lower case ("les talibans", "les rebelles houthis"): a run of
        one or two lower-case words that the knowledge base gives, written so, as a group's name."""
        names = _lowercase_group_names(self.kb, self.lang)
        if not names:
            return
        for token in self.tokens:
            if self.capitalised[token.i] or token.pos_ not in ("NOUN", "PROPN", "ADJ"):
                continue
            for size in (2, 1):
                last = self.tokens[min(token.i + size - 1, len(self.tokens) - 1)]
                name = self.text[token.idx:last.idx + len(last.text)]
                if name not in names:
                    continue
                entry = self._lookup(name, ("Group",))
                if entry is not None:
                    yield Found(self._mention(token.idx, last.idx + len(last.text), "Actor", "Group",
                                              "gazetteer", 0.8), name, entry)
                break

    def _inside_longer_name(self, start: int, end: int) -> bool:
        """Whether a name the model tagged holds [start, end) and is longer."""
        return any(e.start_char <= start and end <= e.end_char and e.end_char - e.start_char > end - start
                   for e in self.doc.ents)

    def _state_periphrasis(self, name: str) -> str | None:
        """ "État hébreu" -> "Israël": the state a "État" + demonym name stands for."""
        words = fold_quotes(name).lower().split()
        if len(words) == 2 and strip_accents(words[0]) == "etat":
            return self.rules.demonyms.get(words[1])
        return None

    def _known_with_words_before(self, first: int, end: int) -> Found | None:
        """A KB name made of the one to three words before a span and the span."""
        for k in range(first - 1, max(first - 4, -1), -1):
            start = self.tokens[k].idx
            name = self.text[start:end]
            entry = self._lookup(name)
            if entry is not None:
                return self._from_entry(entry, start, end, name, self.tokens[k], "gazetteer")
        return None

    def _is_rubric(self, start: int, end: int) -> bool:
        line_start = self.text.rfind("\n", 0, start) + 1
        return not self.text[line_start:start].strip() and self.text[end:end + 2].lstrip().startswith(":")

    def _known_part(self, name: str) -> tuple[int, str] | None:
        """A known name at the start or end of an unknown NER span, with its offset.

        'Commission européenne pour la Justice' -> 'Commission européenne' (the rest
        starts with a preposition); 'Premier ministre Benyamin Nétanyahou' -> the person
        (the rest is a role).  'Conseil de sécurité russe' stays unknown: an adjective
        changes what is named.
        """
        words = [(m.start(), m.group()) for m in re.finditer(r"\S+", name)]
        for size in range(len(words) - 1, 0, -1):
            head = name[: words[size - 1][0] + len(words[size - 1][1])]
            rest = name[words[size][0]:]
            if fold_quotes(rest.split()[0]).lower().rstrip(",") in self.rules.qualifier_starts \
                    and self._lookup(head) is not None:
                return 0, head
            cut = words[len(words) - size][0]
            tail, lead = name[cut:], name[:cut].strip()
            if _CAPITALISED.match(tail) and self._is_role_phrase(lead) and self._lookup(tail):
                return cut, tail
        return None

    def _is_role_phrase(self, text: str) -> bool:
        words = fold_quotes(text).lower().replace("'", "' ").split()
        return any(_match_phrase(words, phrase) and len(phrase.replace("'", "' ").split()) == len(words)
                   for phrase in self.rules.role_nouns)

    def _classify_named(self, ent: SpacySpan, start: int, end: int, name: str) -> Found | None:
        label = ent.label_
        entry = self._lookup(name)
        if entry is None and " " in name:
            part = self._known_part(name)
            if part is not None:
                start, name = start + part[0], part[1]
                end = start + len(name)
                entry = self._lookup(name)
        if entry is None and sum(ch.isalpha() for ch in name) < 3 and not (label == "PER" and "." in name):
            return None  # "I", "II", "S": a letter or a numeral the KB does not know is no name ("J. B." is)
        head = self._token_at(start)
        if entry is not None and self._not_the_town(entry, name, head, label):
            if label == "PER" or self._after_title(head):
                return Found(self._mention(start, end, "Actor", "Person", "ner", 0.75), name)
            entry = None
        if entry is not None:
            return self._from_entry(entry, start, end, name, head, "gazetteer")
        seat = self._seat_acting(start, end, name, head)
        if seat is not None:
            return seat
        if label == "PER":
            if " " not in name and head is not None and head.pos_ not in ("PROPN", "NOUN", "X"):
                return None
            return Found(self._mention(start, end, "Actor", "Person", "ner", 0.75), name)
        if label == "ORG":
            return Found(self._mention(start, end, "Actor", "Organization", "ner", 0.7), name)
        if label == "LOC":
            found = self._region_of_place_noun(None, start, end, name, head)
            return found or Found(self._mention(start, end, "Region", "Place", "ner", 0.65), name)
        return None  # MISC without KB support: too noisy to keep

    def _not_the_town(self, entry: KBEntry, name: str, head: Token | None, label: str | None) -> bool:
        """A one-word name the KB knows only as a town or a subdivision (not a capital) is
        not that place where the model reads a person ("David m'a dit", "M. Paro"), unless a
        preposition comes before it or it opens a dateline; a town is not named after a definite article
        ("l'Union": a town's name takes none, or has it as a part of the name)."""
        if head is None or " " in name.strip() or entry.kind not in ("City", "AdministrativeRegion") \
                or entry.capital_of:
            return False
        before = self._prev_tokens(head.i, 1)
        prev = fold_quotes(before[0].lower_) if before else ""
        if self._after_title(head):
            return True
        if label == "PER":  # "contre Modène", "Genève. —" stay places; "par Bismarck" is an agent
            place_preposition = before and before[0].pos_ == "ADP" and prev != "par" \
                and prev not in self.rules.speech_introducers
            return not place_preposition and prev not in self.rules.locative_prepositions \
                and not self._in_dateline(head)
        # provinces and regions do take one ("la Kapisa", "le Tessin")
        return entry.kind == "City" and prev in self.rules.definite_determiners \
            and not self._named_with(name, prev)

    def _after_title(self, head: Token) -> bool:
        prev = self._prev_words(head.i, 1)
        return bool(prev) and prev[0] in self.rules.person_titles

    def _token_at(self, offset: int) -> Token | None:
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _from_entry(self, entry: KBEntry, start: int, end: int, name: str, head: Token | None,
                    method: str) -> Found | None:
        seat = self._seat_acting(start, end, name, head)
        if seat is not None:
            return seat
        if entry.kind in _WEAPON_KINDS:
            return Found(self._mention(start, end, "Weapon", entry.kind, method, 0.9), name, entry)
        if entry.capital_of:
            state = self.kb.get(entry.capital_of)
            if state is not None and head is not None and self._capital_acts(head):
                return Found(self._mention(start, end, "Actor", "State", "capital", 0.8),
                             kb_label(state, self.lang), state)
            return Found(self._mention(start, end, "Region", "City", method, 0.85), name, entry)
        if entry.kind in _STATE_KINDS:
            if head is not None and not self._acts(head):
                return self._region_of_place_noun(entry, start, end, name, head) or Found(
                    self._mention(start, end, "Region", "Country", method, 0.9), name, entry)
            return Found(self._mention(start, end, "Actor", "State", method, 0.9), name, entry)
        if entry.kind in _REGION_KINDS:
            found = self._region_of_place_noun(entry, start, end, name, head)
            return found or Found(self._mention(start, end, "Region", entry.kind, method, 0.85),
                                  name, entry)
        return Found(self._mention(start, end, "Actor", entry.kind, method, 0.85), name, entry)

    def _seat_acting(self, start: int, end: int, name: str, head: Token | None) -> Found | None:
        """ "le Kremlin a démenti", "a indiqué le Quai d'Orsay": the seat of power is its state."""
        seat_of = _seats(self.rules).get(normalize_label(name))
        if seat_of is None or head is None or not self._acts(head) or self._in_dateline(head):
            return None
        state = self._lookup(seat_of, _STATE_KINDS + ("Organization",))
        if state is None:
            return None
        kind = "State" if state.kind in _STATE_KINDS else state.kind
        return Found(self._mention(start, end, "Actor", kind, "metonymy", 0.75),
                     kb_label(state, self.lang), state)

    def _region_of_place_noun(self, entry, start, end, name, head) -> Found | None:
        """'la région de Koursk': the mention covers 'région de Koursk'."""
        if head is None:
            return None
        words = self._prev_words(head.i, 2)
        if len(words) == 2 and words[0] in ("de", "d'") and words[1] in self.rules.place_nouns:
            kind = self.rules.place_nouns[words[1]]
            if kind == "Country":
                return None
            j = head.i - 1
            while self.tokens[j].is_space or self.lows[j] in ("de", "d'"):
                j -= 1
            noun = self.tokens[j]
            phrase = self.text[noun.idx:end]
            # the entry must be of the place noun's kind: "région de Kharkiv" is the oblast,
            # not the city; when the KB has no such entry the linker decides from the phrase
            entry = self._lookup(phrase, (kind,)) or self._lookup(name, (kind,))
            return Found(self._mention(noun.idx, end, "Region", kind, "pattern", 0.85), name, entry)
        return None

    def _media_phrases(self):
        """ "le quotidien Haaretz", "l'agence Irna": a medium even when NER misses its name."""
        for token in self.tokens:
            if self.lows[token.i] not in self.rules.media_heads:
                continue
            j = token.i + 1
            while j < len(self.tokens) and j < token.i + 5 and _CAPITALISED.match(self.tokens[j].text) \
                    and not self.tokens[j].is_punct and self.tokens[j].lower_ not in self.rules.demonyms:
                j += 1
            if j == token.i + 1:
                continue
            start, end = self.tokens[token.i + 1].idx, self.tokens[j - 1].idx + len(self.tokens[j - 1].text)
            name = self.text[start:end]
            entry = self._lookup(name)
            if entry is not None and entry.kind not in ("Media", "Organization"):
                continue
            yield Found(self._mention(start, end, "Actor", "Media", "pattern", 0.8), name, entry)

    def _place_phrases(self):
        """ "la région de Koursk", "la ville d'Avdiïvka": a place even when NER misses the name."""
        for token in self.tokens:
            kind = self.rules.place_nouns.get(self.lows[token.i])
            if kind is None or kind == "Country" or token.i + 2 >= len(self.tokens):
                continue
            gap = 1
            if self.lows[token.i + 1] in self.rules.demonyms \
                    and token.i + 3 < len(self.tokens):
                gap = 2  # "la région russe de Briansk"
            prep = self.tokens[token.i + gap]
            if self.lows[prep.i] not in ("de", "d'"):
                continue
            first = token.i + gap + 1
            last = first
            while last < len(self.tokens) and _CAPITALISED.match(self.tokens[last].text) \
                    and not self.tokens[last].is_punct:
                last += 1
            if last == first:
                continue
            start, end = self.tokens[first].idx, self.tokens[last - 1].idx + len(self.tokens[last - 1].text)
            name = self.text[start:end]
            phrase = self.text[token.idx:end]
            known = self._lookup(phrase)
            if normalize_label(name) in self.rules.not_names or (
                    known is not None and known.kind not in _REGION_KINDS):
                continue  # "département d'État" is a known body, not a département
            entry = self._lookup(phrase, (kind,)) or self._lookup(name, (kind,))
            if entry is None and kind == "Region":  # "l'archipel d'Okinawa": any place the KB has
                entry = self._lookup(phrase, _REGION_KINDS) or self._lookup(name, _REGION_KINDS)
            other = self._lookup(name)
            if entry is None and other is not None and other.kind not in _REGION_KINDS:
                continue  # a known name that is no place
            yield Found(self._mention(token.idx, end, "Region", kind, "pattern", 0.8), name, entry)

    def _capital_acts(self, token: Token) -> bool:
        """A capital stands for its state only where it plays an actor's part: the subject of
        a verb, an agent ("par"), a speaker ("selon", "pour"), a recipient of a transfer, a
        partner or opponent ("face à", "avec", "contre"), the object of a verb that one
        does to an actor ("autoriser", "soutenir", "accuser"); never as a place after "de", "à",
        "vers" ("arrivé de Paris", "un responsable de Tripoli"), in a dateline ("Berne, 3 mai.
        —") or a heading with no verb, nor as the place of an event or the object of an
        attack ("l'attentat de Kaboul", "les talibans contrôlent Kaboul")."""
        if not self._acts(token) or self._in_dateline(token):
            return False
        r = self.rules
        if any(c.dep_ == "case" and self.lows[c.i] == "par" for c in token.children):
            return True  # an agent: "utilisée par Moscou"
        words = self._prev_words(token.i, 2)
        prev = words[0] if words else ""
        if prev in ("à", "au", "aux") and self._governed_by(token, r.transfer_lemmas):
            return True  # a recipient: "enverrait des obus à Kiev" (not "un courrier de Berlin")
        if prev in r.speech_introducers or prev in ("avec", "contre") \
                or (prev == "à" and len(words) > 1 and words[1] == "face"):
            return True  # "selon Moscou", "un accord avec Kiev", "face à Moscou"
        if prev == "vers":
            return True  # _acts let it through: "se tourne vers Moscou"
        if prev in r.of_prepositions and token.head.i != token.i and fold_quotes(token.head.lemma_.lower()) in (
                r.ally_nouns | r.enemy_nouns | r.support_nouns | r.oppose_nouns):
            return True  # "les alliés de Kiev", "le soutien de Paris" (not "un responsable de Tripoli")
        if token.dep_ in ("obj", "iobj", "xcomp") and fold_quotes(token.head.lemma_.lower()) in (
                r.authorize_verbs | r.support_verbs | r.oppose_verbs | r.object_control_verbs
                | r.recipient_object_verbs | r.accusation_cues):
            return True  # one acts on a state: "a autorisé Kiev à", "soutient Kiev", "accuse Moscou"
        # anything else is a place unless it is a subject: "l'attentat de Kaboul", "des
        # frappes sur Kiev", "ont bombardé Kiev", "arrivé de Paris", a heading
        return self._is_subject(token)

    def _is_subject(self, token: Token) -> bool:
        """The subject of a verb (or of an adjective with a copula), itself or as the second
        of two coordinated subjects ("Paris et Londres ont ...")."""
        nxt = self.tokens[token.i + 1] if token.i + 1 < len(self.tokens) else None
        if nxt is not None and not any(c.dep_ == "case" for c in token.children) and (
                nxt.pos_ in ("VERB", "AUX") and "Fin" in nxt.morph.get("VerbForm")
                or self.lows[nxt.i] in self.rules.reflexive_clitics):
            return True  # a headline the parse cut: "X : Pékin multiplie ...", "Paris s'inquiète"
        node = token
        for _ in range(3):
            if node.dep_ in ("nsubj", "nsubj:pass", "csubj"):
                verb = node.head
                return verb.pos_ in ("VERB", "AUX") or any(c.dep_ in ("cop", "aux", "aux:pass")
                                                           for c in verb.children)
            if node.dep_ == "ROOT" and node.i + 2 < len(self.tokens):
                # the model often cuts "X et Y ont signé" after X: X is the first subject
                cc, second = self.tokens[node.i + 1], self.tokens[node.i + 2]
                return cc.dep_ == "cc" and second.dep_ in ("nsubj", "nsubj:pass") \
                    and second.head.i == cc.head.i and cc.head.pos_ in ("VERB", "AUX")
            if node.dep_ not in ("conj", "appos") or node.head.i == node.i:
                return False
            node = node.head
        return False

    def _in_dateline(self, token: Token) -> bool:
        """A place name opening a line or a sentence and followed by a date or a dash:
        "Berne, 3 mai. —", "PARIS. —" (a historical dateline; wire datelines are cut out
        before)."""
        before = self.text[max(0, token.idx - 80):token.idx].rstrip(" \t")
        if before and before[-1] not in "\n.!?»—–":
            return False
        rest = self.text[token.idx + len(token.text):token.idx + len(token.text) + 16].lstrip()
        if rest[:1] not in (",", "."):
            return False
        rest = rest[1:].lstrip()
        return rest[:1] in ("—", "–", "-") or rest[:1].isdigit() or rest[:3].lower() == "le " \
            and rest[3:4].isdigit()

    def _acts(self, token: Token) -> bool:
        """Does this name stand for an actor here (subject, agent, speaker, recipient)?"""
        words = [w for w in self._prev_words(token.i, 5) if w not in ("l'", "la", "le", "les")]
        prev = words[0] if words else ""
        before = words[1] if len(words) > 1 else ""
        if prev in self.rules.speech_introducers or prev == "par":
            return True
        if prev == "à" and before == "face":
            return True
        if prev in ("de", "d'", "du", "des", "avec"):
            # "la frontière de/avec X", "la région de X" are places; "l'implication des
            # Etats-Unis", "un accord avec Kiev" act
            return not (before in self.rules.place_nouns or before.startswith("frontali"))
        if prev == "a" and self._prev_tokens(token.i, 1)[0].text == "A":
            return False  # "A Paris, ...": an unaccented capital À
        if prev == "vers" and self._governed_by(token, self.rules.orientation_lemmas):
            return True  # "la junte se tourne vers Moscou"
        if prev in self.rules.locative_prepositions:
            return prev in ("à", "au", "aux") and self._governed_by(token, self.rules.transfer_lemmas)
        return True

    def _governed_by(self, token: Token, lemmas) -> bool:
        node = token
        for _ in range(4):
            node = node.head
            # the model's lemmas of rarer verbs are unreliable ("tourne"): match -er stems too
            if node.lemma_ in lemmas or node.pos_ == "VERB" and node.lower_.startswith(_er_stems(lemmas)):
                return True
            if node.head is node:
                break
        return False

    # -- military units ---------------------------------------------------------------
    def _units(self):
        """ "la 3e brigade d'assaut", "le 9e régiment d'infanterie de marine": a numbered unit is
        an actor of its own, named by the number, the unit noun and its lower-case complements."""
        for token in self.tokens:
            if not _ORDINAL.match(token.text) or token.i + 1 >= len(self.tokens):
                continue
            unit = self.tokens[token.i + 1]
            if fold_quotes(unit.lemma_.lower()) not in self.rules.military_units \
                    and self.lows[unit.i] not in self.rules.military_units:
                continue
            end = unit.i
            j = unit.i + 1
            while j < len(self.tokens):
                t = self.tokens[j]
                if t.pos_ == "ADJ" and t.text.islower() and self.lows[j] not in self.rules.demonyms:
                    end = j  # "aéroportée", "mécanisée"
                elif self.lows[j] in self.rules.unit_links and j + 1 < len(self.tokens) \
                        and self.tokens[j + 1].text.islower() and self.tokens[j + 1].pos_ in ("NOUN", "ADJ"):
                    end = j = j + 1  # "d'infanterie", "de marine", "d'assaut"
                else:
                    break
                j += 1
            last = self.tokens[end]
            yield Found(self._mention(token.idx, last.idx + len(last.text), "Actor", "MilitaryUnit",
                                      "pattern", 0.75), self.text[token.idx:last.idx + len(last.text)])

    def _overlaps_name(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a name claimed so far."""
        starts, ends = self._claimed_names
        n = bisect_left(starts, end)
        return bool(n) and ends[n - 1] > start

    def _bodies(self):
        """ "le ministère japonais de la Défense", "la direction des renseignements militaires": a
        body noun with a definite determiner, an optional demonym and its domain (capitalised, or
        one of the rules' domains) is an actor of its own, named by the whole phrase."""
        for token in self.tokens:
            if self.lows[token.i] not in self.rules.body_nouns and \
                    fold_quotes(token.lemma_.lower()) not in self.rules.body_nouns:
                continue
            det = [c for c in token.children if c.dep_ == "det" and c.i < token.i]
            if not det or self.lows[det[0].i] not in self.rules.definite_determiners or token.i + 2 >= len(self.tokens):
                continue
            j = token.i + 1
            if self.lows[j] in self.rules.demonyms:
                j += 1
            if j >= len(self.tokens) or self.lows[j] not in self.rules.of_prepositions:
                continue
            j += 1
            while j < len(self.tokens) and self.tokens[j].pos_ == "DET":
                j += 1
            if j >= len(self.tokens):
                continue
            domain = self.tokens[j]
            if domain.pos_ not in ("NOUN", "PROPN") or not (
                    domain.text[:1].isupper() or fold_quotes(domain.lemma_.lower()) in self.rules.body_domains):
                continue
            end = j
            while end + 1 < len(self.tokens) and end - j < 3:
                nxt = self.tokens[end + 1]
                if nxt.pos_ == "ADJ" or (nxt.pos_ == "NOUN" and nxt.text[:1].isupper() and domain.text[:1].isupper()):
                    end += 1  # "des renseignements militaires", "des Affaires étrangères", "syrienne"
                else:
                    break
            last = self.tokens[end]
            start, stop = token.idx, last.idx + len(last.text)
            if self._overlaps_name(start, stop):
                continue  # a name the knowledge base knows ("le ministère russe de la Défense")
            name = self.text[start:stop]
            entry = self._lookup(name)
            if entry is not None and entry.kind != "Person":  # "le département d'Etat"
                item = self._from_entry(entry, start, stop, name, token, "gazetteer")
                if item is not None:
                    yield item
                    continue
            yield Found(self._mention(start, stop, "Actor", "Organization", "pattern", 0.7), name)

    # -- descriptions ---------------------------------------------------------------
    def _descriptions(self):
        """ "l'ONG", "le quotidien", "l'organisation islamique": a definite description that
        names again an actor named before (grouping decides which, by kind and distance)."""
        table = self.rules.descriptions
        for token in self.tokens:
            kinds = table.get(fold_quotes(token.lemma_.lower())) or table.get(self.lows[token.i])
            if kinds is None or token.pos_ not in ("NOUN", "PROPN"):
                continue
            det = [c for c in token.children if c.dep_ == "det" and c.i < token.i]
            if not det or self.lows[det[0].i] not in self.rules.definite_determiners:
                continue  # "une organisation", "des groupes": nobody in particular
            if any(c.dep_ in ("nmod", "appos", "flat:name", "acl:relcl", "nummod") and c.i > token.i
                   for c in token.children):
                continue  # "le groupe d'intervention", "le quotidien Le Monde": another thing
            end = max([token.i, *(c.i for c in token.children
                                  if c.dep_ == "amod" and c.i == token.i + 1)])
            last = self.tokens[end]
            if end + 1 < len(self.tokens) and self.tokens[end + 1].idx in self._claimed_names[0]:
                continue  # "le groupe jihadiste État islamique": the name it introduces follows
            yield Found(self._mention(token.idx, last.idx + len(last.text), "Actor", kinds[0],
                                      "description", 0.6), self.text[token.idx:last.idx + len(last.text)],
                        refers_to=tuple(kinds))

    # -- demonyms -----------------------------------------------------------------
    def _demonyms(self):
        for token in self.tokens:
            form = self.lows[token.i]
            state_name = self.rules.demonyms.get(form)
            if state_name is None or token.pos_ not in ("ADJ", "NOUN", "PROPN"):
                continue
            if token.pos_ in ("NOUN", "PROPN") and not token.text[:1].isupper() \
                    and not _adjective_after_noun(token):
                continue  # "le russe" (the language); "le président afghan" tagged PROPN stays
            entry = self._lookup(state_name, _STATE_KINDS)
            head = token.head if token.dep_ == "amod" else None
            if head is not None and head.lemma_.lower() in self.rules.nationality_only_nouns:
                continue
            before = self.tokens[token.i - 1] if token.i > 0 else None
            if (head is not None and self._is_place_noun(head)) or (
                    before is not None and self._is_place_noun(before)):
                type_, kind = "Region", "Country"
            else:
                type_, kind = "Actor", "State"
            yield Found(self._mention(token.idx, token.idx + len(token.text), type_, kind,
                                      "demonym", 0.7), state_name, entry, country=state_name)

    def _is_place_noun(self, token: Token) -> bool:
        lemma = fold_quotes(token.lemma_.lower())
        return lemma in self.rules.place_nouns and self.rules.place_nouns[lemma] == "Country"

    # -- weapons ------------------------------------------------------------------
    def _weapons(self):
        text_lower = fold_quotes(self.text).lower()
        for phrase, key, folded, pattern in _weapon_classes(self.rules):
            if folded not in text_lower:  # most classes are absent: skip the regex
                continue
            for m in pattern.finditer(text_lower):
                entry = self._lookup(key, _WEAPON_KINDS) or self._lookup(phrase, _WEAPON_KINDS)
                yield Found(self._mention(m.start(), m.end(), "Weapon", "WeaponClass", "pattern", 0.8),
                            entry.labels.get(self.lang, phrase) if entry else _singular(phrase, self.rules),
                            entry)
        for token in self.tokens:
            if self.lows[token.i] not in self.rules.weapon_heads:
                continue
            name_tokens = []
            j = token.i + 1
            while j < min(token.i + 3, len(self.tokens)) and self.tokens[j].pos_ == "ADJ" \
                    and self.tokens[j].text.islower() and self.tokens[j].lower_ not in self.rules.demonyms:
                j += 1  # "missiles antinavires Harpoon", "chars lourds Leopard"
            while j < len(self.tokens) and len(name_tokens) < 3:
                t = self.tokens[j]
                if t.is_space or not (_CAPITALISED.match(t.text) or "-" in t.text and any(c.isdigit() for c in t.text)):
                    break
                if t.is_sent_start:
                    break
                name_tokens.append(t)
                j += 1
            if not name_tokens:
                continue
            start, end = name_tokens[0].idx, name_tokens[-1].idx + len(name_tokens[-1].text)
            while end < len(self.text) and not self.text[end].isspace() and (
                    self.text[end].isalnum() or self.text[end] == "-" and end + 1 < len(self.text)
                    and self.text[end + 1].isalnum()):
                end += 1  # "IRIS-T", "F-16", "Su-34": one name split by the tokenizer
            name = self.text[start:end]
            entry = self._lookup(name, _WEAPON_KINDS)
            if entry is None and self._lookup(name) is not None:
                continue  # "missiles de l'Otan": a known non-weapon name
            yield Found(self._mention(start, end, "Weapon", "WeaponSystem", "pattern", 0.85),
                        name, entry)
        for token in self.tokens:  # bare system names the KB knows ("HIMARS", "Taurus")
            if not self.capitalised[token.i] or token.is_space:
                continue
            for n in (3, 2, 1):
                if token.i + n > len(self.tokens):
                    continue
                last = self.tokens[token.i + n - 1]
                if last.is_punct or last.is_space:
                    continue
                start, end = token.idx, last.idx + len(last.text)
                entry = self._lookup(self.text[start:end], _WEAPON_KINDS)
                if entry is not None:
                    yield Found(self._mention(start, end, "Weapon", entry.kind, "gazetteer", 0.85),
                                self.text[start:end], entry)
                    break

    # -- roles --------------------------------------------------------------------
    def _roles(self):
        heads = _role_heads(self.rules)
        for token in self.tokens:
            if strip_accents(self.lows[token.i]) in heads:
                found = self._role_at(token)
                if found is not None:
                    yield found

    def _role_at(self, token: Token) -> Found | None:
        if token.pos_ not in ("NOUN", "ADJ", "PROPN") or token.is_space:
            return None
        window = [t for t in token.doc[token.i: token.i + 12] if not t.is_space]
        words = [_low(t) for t in window]
        inner = None  # "ministre polonais de la Défense": the demonym inside the role phrase
        if len(window) > 2 and words[1] in self.rules.demonyms and _adjectival(window[1]):
            inner = window[1]
            words = words[:1] + words[2:]
        best = None
        keys: dict[int, str] = {}  # the window's first n words as a phrase key, made once per n
        for phrase, offices, size, target in _role_phrases(self.rules):
            key = keys.get(size)
            if key is None:
                key = keys[size] = _phrase_key(words, size)
            if key == target and (best is None or size > best[2]):
                best = (phrase, offices, size)
        if best is None:
            return None
        phrase, offices, _ = best
        det = self._prev_words(token.i, 1)
        if det and det[0] in ("un", "une", "des", "deux", "trois", "plusieurs", "ses", "leurs"):
            return None  # an indefinite role names nobody in particular
        # extent: the phrase, then a demonym or "de X" complement naming the country
        end_tok = self._phrase_end(token, phrase)
        country = None
        if inner is not None and len(phrase.replace("'", "' ").split()) > 1:
            end_tok = self._phrase_end(token, phrase + " x")  # one more word: the demonym
            country = self.rules.demonyms[fold_quotes(inner.lower_)]
        nxt = end_tok + 1
        while nxt < len(self.tokens) and self.tokens[nxt].is_space:
            nxt += 1
        before = token.i - 1
        while before >= 0 and self.lows[before] in self.rules.role_modifiers:
            before -= 1  # "the former Russian president"
        if country is not None:
            pass
        elif "before" in self.rules.demonym_positions and before >= 0 \
                and self.lows[before] in self.rules.demonyms and _adjectival(self.tokens[before]):
            country = self.rules.demonyms[self.lows[before]]  # "Russian President X"
        elif nxt < len(self.tokens) and self.lows[nxt] in self.rules.demonyms \
                and _adjectival(self.tokens[nxt]):
            country = self.rules.demonyms[self.lows[nxt]]
            end_tok = nxt
        elif token.i + 1 < len(self.tokens):
            for child in self.doc[token.i: end_tok + 1]:
                for sub in child.children:
                    form = fold_quotes(sub.lower_)
                    if sub.i > end_tok and form in self.rules.demonyms and sub.dep_ == "amod" \
                            and fold_quotes(child.lemma_.lower()) in self.rules.role_domains:
                        country = self.rules.demonyms[form]
                        end_tok = max(end_tok, sub.i)
        qualified = False
        if country is None:
            complement = self._complement(end_tok)
            if complement is not None:
                last, name = complement
                if name is None:
                    qualified = True  # "porte-parole du gouvernement": some body we cannot name
                    end_tok = self._phrase_tail(last)
                else:
                    country, end_tok = name, last
        start = token.idx
        end = self.tokens[end_tok].idx + len(self.tokens[end_tok].text)
        gender = _grammatical_gender(token)
        apposition = self._apposition(token.i, end_tok)
        return Found(self._mention(start, end, "Actor", "Person", "role", 0.7), phrase,
                     None, apposition=apposition, office=offices, country=country, gender=gender,
                     qualified=qualified)

    def _phrase_tail(self, i: int) -> int:
        """Last token of the contiguous noun phrase headed at ``i`` ("présidence russe")."""
        subtree = {t.i for t in self.tokens[i].subtree}
        while i + 1 < len(self.tokens) and i + 1 in subtree and not self.tokens[i + 1].is_punct \
                and not self.tokens[i + 1].is_space:
            i += 1
        return i

    def _complement(self, end_tok: int) -> tuple[int, str | None] | None:
        """The "de X" after a role: (last token, X's KB name) — X None when it is a common noun."""
        doc = self.doc
        i = end_tok + 1
        words = []
        while i < len(doc) and len(words) < 3 and (doc[i].is_space or fold_quotes(doc[i].lower_) in
                                                    ("de", "du", "des", "d'", "la", "l'", "le")):
            if not doc[i].is_space:
                words.append(doc[i])
            i += 1
        if not words or fold_quotes(words[0].lower_) not in ("de", "du", "des", "d'") or i >= len(doc):
            return None
        if not _CAPITALISED.match(doc[i].text):
            return (i, None) if doc[i].pos_ == "NOUN" else None
        ent = next((e for e in doc.ents if e.start == i), None)
        if ent is not None:  # "de l'Agence internationale de l'énergie atomique": NER's whole name
            entry = self._lookup(ent.text)
            if entry is not None and entry.kind not in _WEAPON_KINDS:
                return ent.end - 1, kb_label(entry, self.lang)
        j = i
        while j + 1 < len(doc) and (_CAPITALISED.match(doc[j + 1].text) or
                                    doc[j + 1].pos_ == "ADJ" and doc[j + 1].lower_ not in self.rules.demonyms):
            j += 1
        for last in range(j, i - 1, -1):
            name = doc[i: last + 1].text
            seat = self.rules.seats_of_power.get(normalize_label(name))
            if seat is not None:
                return last, seat
            entry = self._lookup(name)
            if entry is not None and entry.kind not in _WEAPON_KINDS:
                return last, kb_label(entry, self.lang)
        return None

    def _phrase_end(self, token: Token, phrase: str) -> int:
        n = len(phrase.replace("'", "' ").split())
        i, count = token.i, 0
        while i < len(self.tokens) and count < n:
            if not self.tokens[i].is_space:
                count += 1
            i += 1
        return i - 1

    def _apposition(self, first: int, last: int) -> tuple[int, int] | None:
        """A person's name right after ('le président X') or before ('X, le président')."""
        doc = self.doc
        j = last + 1
        if j < len(doc) and doc[j].text == "(":  # "... atomique (AIEA), Rafael Grossi"
            while j < len(doc) and doc[j].text != ")" and j < last + 8:
                j += 1
            j += 1
        if j + 1 < len(doc) and doc[j].pos_ == "ADJ" and doc[j].text.islower() and _is_name_token(doc[j + 1]):
            j += 1  # "le chef de la diplomatie européenne Kaja Kallas"
        if j < len(doc) and doc[j].text == ",":
            j += 1
            while j < len(doc) and (doc[j].pos_ == "DET" or doc[j].lower_ in self.rules.name_titles):
                j += 1
        if j < len(doc) and _is_name_token(doc[j]):
            return doc[j].idx, doc[j].idx + len(doc[j].text)
        k = first - 1
        while k >= 0 and (doc[k].is_space or doc[k].pos_ == "DET" or doc[k].lower_ in self.rules.role_modifiers):
            k -= 1
        if k >= 1 and doc[k].text == "," and _is_name_token(doc[k - 1]):
            return doc[k - 1].idx, doc[k - 1].idx + len(doc[k - 1].text)
        return None


def _grammatical_gender(token: Token) -> str | None:
    """'female' for "la cheffe", "la Première ministre"; 'male' for "le chancelier"."""
    det = next((t for t in reversed(token.doc[max(token.i - 2, 0): token.i]) if t.pos_ == "DET"), None)
    for source in (det, token):
        if source is None:
            continue
        gender = source.morph.get("Gender")
        if gender == ["Fem"]:
            return "female"
        if gender == ["Masc"] and source is det:
            return "male"
    return None


@functools.lru_cache(maxsize=8)
def _lowercase_group_names(kb: Gazetteer, lang: str) -> frozenset[str]:
    """The names of groups the knowledge base writes in lower case in ``lang`` ("talibans")."""
    names = set()
    for entry in kb.entries:
        if entry.kind != "Group":
            continue
        for name in (entry.labels.get(lang, ""), *entry.aliases.get(lang, ())):
            if name and name == name.lower() and any(c.isalpha() for c in name):
                names.add(name)
    return frozenset(names)


def _low(token: Token) -> str:
    """The token's lower-case form with its quotes folded, remembered by the form's hash
    (``token.lower`` is a number; ``token.lower_`` a string spaCy decodes at each access)."""
    key = token.lower
    low = _LOWS.get(key)
    if low is None:
        if len(_LOWS) >= 65536:
            _LOWS.clear()  # memory stays flat over a corpus
        low = _LOWS[key] = fold_quotes(token.lower_)
    return low


_LOWS: dict[int, str] = {}

#: "3e", "9ème", "1er", "101e", "2nde": an ordinal written with digits
_ORDINAL = re.compile(r"^\d{1,3}(?:e|è|ème|eme|er|re|ère|nde|d)$")


def _adjective_after_noun(token: Token) -> bool:
    """A lower-case word right after a noun, whatever the tagger says ("président afghan" is
    often tagged PROPN): an adjective of that noun."""
    return token.text.islower() and token.i > 0 and token.doc[token.i - 1].pos_ in ("NOUN", "PROPN")


def _adjectival(token: Token) -> bool:
    return token.pos_ == "ADJ" or _adjective_after_noun(token)


def _is_name_token(token: Token) -> bool:
    return bool(_CAPITALISED.match(token.text)) and token.pos_ in ("PROPN", "X", "NOUN", "ADJ") \
        and (token.ent_type_ in ("PER", "MISC") or token.pos_ == "PROPN")


@functools.cache
def _determiners(rules: LanguageRules) -> tuple[str, ...]:
    """The rules' leading determiners, quotes folded, longest first."""
    return tuple(sorted({fold_quotes(d) for d in rules.determiners}, key=len, reverse=True))


@functools.cache
def _weapon_classes(rules: LanguageRules) -> tuple[tuple[str, str, str, re.Pattern], ...]:
    """(phrase, key, phrase with quotes folded, its whole-word pattern), longest phrase first."""
    ordered = sorted(rules.weapon_classes.items(), key=lambda kv: -len(kv[0]))
    return tuple((phrase, key, fold_quotes(phrase),
                  re.compile(r"(?<!\w)" + re.escape(fold_quotes(phrase)) + r"(?!\w)"))
                 for phrase, key in ordered)


@functools.lru_cache(maxsize=256)
def _er_stems(lemmas: tuple[str, ...]) -> tuple[str, ...]:
    """The stems of the -er verbs among ``lemmas`` ("tourner" -> "tourn")."""
    return tuple(sorted(lemma[:-2] for lemma in lemmas if lemma.endswith("er")))


@functools.cache
def _seats(rules: LanguageRules) -> dict[str, str]:
    return {normalize_label(seat): state for seat, state in rules.seats_of_power.items()}


@functools.cache
def _role_heads(rules: LanguageRules) -> frozenset[str]:
    """First words of the role phrases, accents aside: only tokens among them can start a role."""
    return frozenset(strip_accents(phrase.replace("'", "' ").split()[0]) for phrase in rules.role_nouns)


def _match_phrase(words: list[str], phrase: str) -> bool:
    """Do the words start with the phrase (case and accents aside: "d'Etat" = "d'état")?"""
    return _phrase_key(words, len(phrase.replace("'", "' ").split())) == strip_accents(phrase)


def _phrase_key(words: list[str], size: int) -> str:
    """The first ``size`` words as one phrase, accents stripped (what ``_match_phrase`` compares)."""
    return strip_accents(" ".join(w.replace("'", "' ").strip() for w in words[:size]).replace("' ", "'"))


@functools.cache
def _role_phrases(rules: LanguageRules) -> tuple[tuple[str, tuple[str, ...], int, str], ...]:
    """(phrase, offices, number of words, phrase key) of each role noun, in the rules' order."""
    return tuple((phrase, offices, len(phrase.replace("'", "' ").split()), strip_accents(phrase))
                 for phrase, offices in rules.role_nouns.items())


def _singular(phrase: str, rules: LanguageRules) -> str:
    for other, key in rules.weapon_classes.items():
        if rules.weapon_classes[phrase] == key and len(other) <= len(phrase):
            return other
    return phrase


def kb_label(entry: KBEntry, lang: str) -> str:
    """The entry's name in ``lang`` (else English, else any)."""
    return entry.labels.get(lang) or entry.labels.get("en") or next(iter(entry.labels.values()), entry.key)


