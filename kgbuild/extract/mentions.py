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

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LEMMA, LOWER, ORTH, POS
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kgbuild.extract.grammar import POS_BY_ID, children_of, lower_lemma, morph_values
from kgbuild.extract.language import LanguageRules
from kgbuild.extract.reading import SpanIndex, led_phrase_after
from kgbuild.kb.keys import match_key
from kgbuild.normalize import fold_quotes, normalize_label, strip_accents
from kgbuild.types import KBEntry, Mention, Span

__all__ = ["Gazetteer", "Found", "find_mentions", "kb_label"]

_STATE_KINDS = ("Country", "State")
_REGION_KINDS = ("Country", "State", "City", "Capital", "AdministrativeRegion", "Continent",
                 "Region", "Village", "Place", "Sea", "Building")
_WEAPON_KINDS = ("WeaponSystem", "WeaponClass", "Weapon")
#: the actor kinds of a description noun that may open a body's name ("Radio X", "Brigade X")
_BODY_NAME_KINDS = ("Organization", "InternationalOrganization", "Group", "Party", "Media", "MilitaryUnit")
#: those a body's name the model reads as one takes from its noun ("Radio X": a medium)
_NAMED_BODY_KINDS = ("Media", "MilitaryUnit")
_PLACE_KINDS = ("Country", "State", "City", "Capital", "AdministrativeRegion")
_LOCAL_KINDS = ("City", "Capital", "AdministrativeRegion")
_CAPITALISED = re.compile(r"^[A-ZÀ-ÖØ-Þ0-9]")
#: capitalised words right after an offset (" Gallant"), for a name the model cut short
#: a closing quote and the space before the next word (quotes folded)
_CLOSING_THEN_NAME = re.compile(r' ?"( +)')
_HYPHENS = ("-", "‐", "‑")
_OPENING_QUOTES = ("«", '"', "“")
_WORD = re.compile(r"\w+")
_CAPITALISED_WORDS = re.compile(r"(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]*)+")
_FUNCTION_POS = ("DET", "ADP", "PRON", "CCONJ", "SCONJ", "AUX", "PUNCT", "NUM", "SPACE")
#: parts of speech no name ends on
_NO_NAME_END_POS = frozenset(("ADP", "DET", "CCONJ", "SCONJ", "PRON"))


class Gazetteer(Protocol):
    """What extraction needs of the knowledge base (the snapshot implements it)."""

    entries: Sequence[KBEntry]
    #: the day its facts are as of (ISO): an undated article is read as news of that day
    as_of: str

    def lookup(self, name: str, lang: str | None = None) -> list[KBEntry]: ...

    def get(self, key: str) -> KBEntry | None: ...

    def lowercase_group_names(self, lang: str) -> frozenset[str]: ...

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
        # read once: the finders each scan every token (lows: the form the lexicons are written in)
        self.lows, self.capitalised, self.pos, self.texts, self.starts, self.blank, self.lemmas = \
            _word_columns(doc, tokens)
        self.ends = [start + len(x) for start, x in zip(self.starts, self.texts)]  # where each token's form ends
        # whether a word can end a name: no punctuation, function word or elided word ("Moscou n'a pas")
        self.can_end = [not (b or p in _NO_NAME_END_POS or x.endswith(("'", "’")))
                        for b, p, x in zip(self.blank, self.pos, self.texts)]
        self.sentences = sentences
        self.captions = tuple(sorted(captions, key=lambda c: c.start))
        self._caption_starts = [c.start for c in self.captions]
        self._sent_starts = [s.start for s in sentences]
        self._positions: dict[str, list[int]] | None = None  # the token indices of each form
        self._role_names: set[int] = set()  # where a name apposed to a role phrase starts
        self._organ_spans: set[tuple[int, int]] = set()  # organs' phrases ("la mission de l'ONU en Libye")
        self._tokens_at: dict[int, Token | None] = {}  # offset -> ``_token_at``'s token

    def _tokens_in(self, words, first: int = 0, last: int = 0) -> list[Token]:
        """The tokens whose lower-case form is one of ``words`` (the first test of the finders
        that open on a word of a list), past the ``first`` tokens and before the ``last`` ones."""
        positions = self._form_positions()
        small, big = (words, positions) if len(words) < len(positions) else (positions, words)
        found = sorted(i for w in {w for w in small if w in big} for i in positions[w])
        stop = len(self.lows) - last
        return [self.tokens[i] for i in found if first <= i < stop]

    def _form_positions(self) -> dict[str, list[int]]:
        """The token indices of each lower-case form of the document, read once."""
        if self._positions is None:
            self._positions = {}
            for i, low in enumerate(self.lows):
                self._positions.setdefault(low, []).append(i)
        return self._positions

    # -- driver -----------------------------------------------------------------
    def run(self) -> list[Found]:
        found: list[Found] = []
        # the spans claimed so far, outer phrases (roles, bodies) and names apart: disjoint, so
        # sorted by start and end
        claimed: dict[bool, tuple[list[int], list[int]]] = {True: ([], []), False: ([], [])}
        self._claimed_names = claimed[False]
        bodies: set[tuple[int, int]] = set()
        roles: set[tuple[int, int]] = set()
        vessels, vessel_names = self._vessels()
        in_roles = (self._bodies, self._facility_sites)  # finders whose phrases may sit in a role's
        for finder, layer in self._finders():
            for item in finder():
                m = item.mention
                if self._no_mention(m, vessels, vessel_names):
                    continue
                if layer == "name" and (m.start, m.end) in bodies:
                    continue  # the model's name for a body found whole already
                if layer == "name" and (self._body_domain(item, bodies) or self._domain_word_alone(item)):
                    continue  # "ministère libanais de la Santé": "Santé" is no place
                if self._claim(m, claimed[layer == "outer"], roles if finder in in_roles else None):
                    found.append(item)
                    if finder == self._bodies:
                        bodies.add((m.start, m.end))
                    elif finder == self._roles:
                        roles.add((m.start, m.end))
        found.extend(self._apposed_names(found))
        found.extend(self._full_names_of_titles(found))
        found.sort(key=lambda f: (f.mention.start, f.mention.end))
        return self._joined_names(found)

    def _joined_names(self, found: list[Found]) -> list[Found]:
        """One person's name the model cut in two ("Mohamed Nur" + "Hayir Farah"; "Yoav" after
        a role + "Gallant", the KB's surname; "Mohamed" read as a place + "Hamdan Daglo"): a
        person's name right after an unknown name word, one space between, is one name (see
        ``_joins_name``)."""
        out: list[Found] = []
        for f in found:
            joined = self._joins_name(out[-1], f) if out else None
            if joined is not None:
                out[-1] = joined
            else:
                out.append(f)
        return out

    def _joins_name(self, a: Found, b: Found) -> Found | None:
        """The one person ``a`` and ``b`` name together: ``b`` a person, ``a`` a person the KB
        does not know or one unknown word the model read as a place, a single space between,
        and, when the KB knows ``b``, the whole name the KB's name of the same person."""
        ma, mb = a.mention, b.mention
        if mb.kind != "Person" or not self._name_part(a) or self.text[ma.end:mb.start] != " ":
            return None
        name = self.text[ma.start:mb.end]
        entry = self._lookup(name, ("Person",))
        if b.entry is not None and (entry is None or entry.key != b.entry.key):
            return None
        return Found(self._mention(ma.start, mb.end, "Actor", "Person", mb.method, mb.confidence),
                     kb_label(entry, self.lang) if entry else name, entry)

    @staticmethod
    def _name_part(f: Found) -> bool:
        """A name that may open a longer person's name: capitalised words the KB does not know,
        read as a person, or as a place when one word ("Mohamed")."""
        m = f.mention
        person = m.kind == "Person" and m.type == "Actor"
        return f.entry is None and (person or m.kind == "Place" and " " not in m.text.strip()) \
            and all(_CAPITALISED.match(w) for w in m.text.split())

    def _finders(self):
        """The finders and the layer of their spans, in order: more specific finders claim their
        spans first; a role or a body may contain other mentions ("le président russe", "le
        ministère russe de la Défense")."""
        return ((self._roles, "outer"), (self._facility_sites, "outer"), (self._weapons, "name"),
                (self._place_phrases, "name"), (self._listed_places, "name"), (self._site_names, "name"),
                (self._media_phrases, "name"),
                (self._state_media, "name"),
                (self._spelled_names, "name"), (self._complement_names, "name"),
                (self._known_phrases, "name"), (self._former_names, "name"), (self._lowercase_groups, "name"),
                (self._bodies, "outer"), (self._named, "name"), (self._described_names, "name"),
                (self._missed_places, "name"), (self._states_after_of, "name"),
                (self._compass_regions, "name"), (self._apposed_places, "name"),
                (self._cue_subjects, "name"), (self._titled_names, "name"),
                (self._units, "name"), (self._demonyms, "name"), (self._peoples, "name"),
                (self._descriptions, "name"), (self._organs, "name"),
                (self._country_anaphors, "name"))

    def _bare_compass(self, m: Mention) -> bool:
        """A point of the compass before "de" is a direction from a place ("au Nord de Bagdad",
        "dans l'Est de la RDC", "au Sud et à l'Ouest du chef-lieu"), and before a name a part of
        it ("Sud Thaïlande"): no place of its own, unless a place noun names it ("les régions du
        Nord et du Sud"); alone, a compound point may name a region ("dans le Sud-Ouest, la
        région ..."), a simple one is a direction or a part of a place said before ("vers
        l'Est", "dans le Sud ukrainien", "son voisin du Sud")."""
        if normalize_label(m.text) not in self.rules.compass_words:
            return False
        token = self._token_at(m.start)
        if token is None:
            return False
        i = token.i - 1
        while i >= 0 and self._compass_link(i):
            i -= 1
        if i >= 0 and self.rules.place_nouns.get(fold_quotes(self.tokens[i].lemma_.lower())) not in (None, "Country"):
            return False
        return not any(h in m.text for h in _HYPHENS) or self._compound_compass_bare(m.text, token)

    def _compound_compass_bare(self, name: str, token: Token) -> bool:
        """A compound point is a direction before "de" or a name, unless "de" and a state the
        KB knows a region of that name in follow ("le Sud-Ouest (et le Nord-Ouest) du Cameroun")."""
        j = self._past_compass_links(token.i + 1)
        if j < len(self.tokens) and self._region_of_state_after(name, j) is not None:
            return False
        return j < len(self.tokens) and (self.lows[j] in self.rules.of_prepositions or self.capitalised[j])

    def _past_compass_links(self, j: int) -> int:
        """The first token from ``j`` on past the words that join compass points ("et le
        Nord-Ouest"), stopping at "de"."""
        while j < len(self.tokens) and self._compass_link(j) and self.lows[j] not in self.rules.of_prepositions:
            j += 1
        return j

    def _compass_regions(self):
        """ "le Sud-Ouest et le Nord-Ouest du Cameroun": a capitalised compound point (the model's
        place or not) before "de" and a state the KB knows a region of that name in is that
        region."""
        for token in self._tokens_in(self.rules.compass_words):
            if not self.capitalised[token.i] or not any(h in token.text for h in _HYPHENS):
                continue
            j = self._past_compass_links(token.i + 1)
            entry = self._region_of_state_after(token.text, j) if j < len(self.tokens) else None
            item = None if entry is None else self._from_entry(
                entry, token.idx, token.idx + len(token.text), token.text, token, "gazetteer")
            if item is not None:
                yield item

    def _state_after(self, i: int) -> KBEntry | None:
        """The state "de" at ``i`` (and an article) names, if any."""
        if self.lows[i] not in self.rules.of_prepositions:
            return None
        words = self._state_words_after(i)
        return None if words is None else self._lookup(
            self.text[words[0].idx:words[1].idx + len(words[1].text)], _STATE_KINDS)

    def _state_words_after(self, i: int) -> tuple[Token, Token] | None:
        """The first and last words of a state's name the KB knows after the "de" at ``i`` (and
        an article), as ``_state_complement_end`` bounds it; None for another complement."""
        last = self._state_complement_end(i)
        if last is None:
            return None
        return self.tokens[i + 1 + (self.tokens[i + 1].pos_ == "DET")], self.tokens[last]

    def _region_of_state_after(self, name: str, i: int) -> KBEntry | None:
        """The region ``name`` the KB knows in the state "de" at ``i`` names, if any."""
        state = self._state_after(i)
        return None if state is None else next(
            (e for e in self.kb.lookup(name, self.lang) if e.kind == "AdministrativeRegion" and e.country == state.key),
            None)

    def _no_mention(self, m: Mention, vessels, vessel_names) -> bool:
        """A span read nowhere: in a caption, a ship's name, a bare compass point, a time zone."""
        return self._in_caption(m.start, m.end) or self._names_vessel(m, vessels, vessel_names) \
            or self._bare_compass(m) or self._time_zone(m) or self._class_of_system(m)

    def _time_zone(self, m: Mention) -> bool:
        """ "04H15 heure de Paris": a place after a clock noun and "de" names a time zone."""
        token = self._token_at(m.start)
        return token is not None and token.i > 1 and self.lows[token.i - 1] in self.rules.place_of_prepositions \
            and self.lows[token.i - 2] in self.rules.clock_nouns

    def _compass_link(self, i: int) -> bool:
        """A word between a compass point and its place noun or its "de": a preposition, an
        article, a conjunction or another compass point."""
        return self.tokens[i].pos_ in ("ADP", "DET", "CCONJ") or self.lows[i] in self.rules.determiners \
            or self.lows[i] in self.rules.compass_words

    @staticmethod
    def _claim(m: Mention, spans: tuple[list[int], list[int]], roles: set[tuple[int, int]] | None) -> bool:
        """Whether ``m`` is kept: it overlaps no span of its layer claimed before, or it is a
        body inside a role phrase ("la porte-parole du ministère estonien de la Défense, X":
        the ministry is an actor of its own, whose member X is), which claims nothing."""
        starts, ends = spans
        n = bisect_left(starts, m.end)  # the claimed spans starting before m ends
        if n and ends[n - 1] > m.start:
            return roles is not None and (starts[n - 1], ends[n - 1]) in roles \
                and starts[n - 1] < m.start and m.end <= ends[n - 1]
        starts.insert(n, m.start)
        ends.insert(n, m.end)
        return True

    # -- vessels ----------------------------------------------------------------
    def _vessels(self) -> tuple[list[tuple[int, int]], set[str]]:
        """ "le cargo Zografia", "la frégate HMS Lancaster", "le navire israélien MSC Alexandria":
        the capitalised words after a vessel's noun (its lower-case qualifiers between) name a
        ship, which is neither an actor nor a place; their spans and their names, folded."""
        spans, names = [], set()
        for token in self._tokens_in(self.rules.vessel_nouns):
            if self.pos[token.i] != "NOUN":
                continue
            span = self._vessel_name_after(token.i)
            if span is not None:
                spans.append(span)
                names.add(normalize_label(self.text[span[0]:span[1]]))
        return spans, names

    def _vessel_name_after(self, i: int) -> tuple[int, int] | None:
        """The run of capitalised words after the vessel noun at ``i``, past up to four
        lower-case qualifiers ("israélien", "lance-missiles")."""
        j, tokens = i + 1, self.tokens
        while j < len(tokens) and j - i <= 4 and not self.capitalised[j] and (
                tokens[j].text == "-" or tokens[j].is_alpha and tokens[j].pos_ not in _FUNCTION_POS
                and tokens[j].pos_ not in ("VERB", "ADV")):
            j += 1
        first = j
        while j < len(tokens) and j - first < 4 and self.capitalised[j] and not tokens[j].is_punct:
            j += 1
        if j == first:
            return None
        return tokens[first].idx, tokens[j - 1].idx + len(tokens[j - 1].text)

    @staticmethod
    def _names_vessel(m: Mention, spans: list[tuple[int, int]], names: set[str]) -> bool:
        """A mention inside a ship's name, or the ship named again alone ("le Zografia")."""
        return any(a < m.end and m.start < b for a, b in spans) or normalize_label(m.text) in names

    def _first_name_word(self, token: Token) -> bool:
        """A capitalised word that can be a first name before a surname ("Aung San" Suu Kyi,
        "San" tagged a verb): no function word, title or common noun of the rules."""
        return self.capitalised[token.i] and token.text.isalpha() and token.pos_ not in _FUNCTION_POS \
            and self.lows[token.i] not in self.rules.person_titles \
            and normalize_label(token.text) not in self.rules.not_names

    def _full_names_of_titles(self, found: list[Found]) -> list[Found]:
        """ "Aung San Suu Kyi, renversée en 2021, ..." then "Mme Suu Kyi": a name after a title
        that the text wrote before with first names the model did not tag; the proper nouns
        before the name's first earlier use are that person's full name."""
        names, seen = [], set()
        spans = SpanIndex([f.mention for f in found])
        for f in found:
            surname = self._titled_surname(f.mention)
            if surname is None:
                continue
            at = self.text.find(surname, 0, f.mention.start)
            if at < 0 or surname in seen:
                continue
            seen.add(surname)
            full = self._first_names_before(at, surname)
            if full is None or any(True for _ in spans.overlapping(*full)) or "\n" in self.text[full[0]:full[1]]:
                continue
            start, end = full
            names.append(Found(self._mention(start, end, "Actor", "Person", "pattern", 0.7), self.text[start:end]))
        return names

    def _titled_surname(self, m: Mention) -> str | None:
        """The name after a person's title ("Mme Suu Kyi": "Suu Kyi")."""
        words = m.text.split()
        if m.kind != "Person" or len(words) < 2 or fold_quotes(words[0]).lower() not in self.rules.person_titles:
            return None
        return " ".join(words[1:])

    def _first_names_before(self, at: int, surname: str) -> tuple[int, int] | None:
        """The offsets of ``surname`` at ``at`` with the (up to three) first names before it,
        None when no first name precedes it."""
        token = self._token_at(at)
        if token is None or token.idx != at:
            return None
        first = token.i
        while first > 0 and token.i - first < 3 and self._first_name_word(self.tokens[first - 1]):
            first -= 1
        if first == token.i:
            return None
        return self.tokens[first].idx, at + len(surname)

    def _body_domain(self, item: Found, bodies: set[tuple[int, int]]) -> bool:
        """Whether a name is the domain inside a body's phrase ("de la Défense", "des Affaires
        étrangères"): a domain word, or a name the KB does not know."""
        mention = item.mention
        word = mention.text.lower()
        domain = item.entry is None or word in self.rules.body_domains or word.rstrip("s") in self.rules.body_domains
        return domain and mention.method != "demonym" and any(
            a <= mention.start and mention.end <= b for a, b in bodies if (a, b) not in self._organ_spans)

    def _domain_word_alone(self, item: Found) -> bool:
        """A domain word the model took for a name, unknown, after "de" or a noun ("le ministre
        des Armées", "l'armée de l'Air", "dans sa version Marine") or a preposition and an
        article ("le secrétaire à la Sécurité"): a body's domain or a qualifier, no actor ("la
        Marine a tiré" stays)."""
        m = item.mention
        word = m.text.lower()
        if item.entry is not None or m.method != "ner" or " " in m.text.strip() or not (
                word in self.rules.body_domains or word.rstrip("s") in self.rules.body_domains):
            return False
        i = self._token_index(m.start)
        before = [self.lows[j] for j in range(max(0, i - 2), i)]
        return bool(before) and (before[-1] in self.rules.of_prepositions or (
            len(before) == 2 and (before[0] in self.rules.of_prepositions or self.tokens[i - 2].pos_ == "ADP")
            and self.tokens[i - 1].pos_ == "DET")
            or (self.tokens[i - 1].pos_ == "NOUN" and self.tokens[i - 1].text.islower()))

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
            run = self._name_run_end(first.i)
            last = self._known_person_end(first.i, run)
            if last == first.i and self.tokens[last].pos_ != "PROPN":
                continue  # one capitalised word the tagger does not take for a name: unsure
            end = self.tokens[last].idx + len(self.tokens[last].text)
            if self._in_caption(first.idx, end):
                continue
            name = self.text[first.idx:end]
            entry = self._lookup(name, ("Person",)) if last > run else None
            names.append(Found(self._mention(first.idx, end, "Actor", "Person", "pattern", 0.7),
                               kb_label(entry, self.lang) if entry else name, entry))
        return names

    def _known_person_end(self, first: int, last: int) -> int:
        """The last token of an apposed name that goes on over one capitalised word the tagger
        read as no name, when the KB knows the whole as a person ("le ministre de la Défense
        Yoav Gallant", "Gallant" tagged an adjective), else ``last``."""
        nxt = last + 1
        if nxt >= len(self.tokens) or self.tokens[last].whitespace_ != " " or not self.capitalised[nxt]:
            return last
        name = self.text[self.tokens[first].idx:self.tokens[nxt].idx + len(self.tokens[nxt].text)]
        return nxt if self._lookup(name, ("Person",)) is not None else last

    def _name_run_end(self, first: int) -> int:
        """The last token of the name words from ``first`` (up to four), over the hyphens glued
        inside them ("Al-Hafiz Bakheet", "Ahmed al-Jabouri")."""
        last = first
        while True:
            while last + 1 < len(self.tokens) and last + 1 - first < 4 and _is_name_token(self.tokens[last + 1]):
                last += 1
            hyphened = self._past_hyphen_part(last + 1) - 1
            if hyphened == last or hyphened - first >= 6:
                return max(last, hyphened)
            last = hyphened

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
        """The likeliest entry of one of ``kinds`` named ``name``, remembered: the finders ask
        for the same words and n-grams in every document."""
        key = (name, kinds if kinds is None or type(kinds) is tuple else tuple(kinds), self.lang)
        memo = _lookups_of(self.kb)
        found = memo.get(key, _UNSEEN)
        if found is _UNSEEN:
            if len(memo) >= 65536:
                memo.clear()  # memory stays flat over a corpus
            found = memo[key] = self._best_entry(name, kinds)
        return found

    def _best_entry(self, name: str, kinds: Sequence[str] | None) -> KBEntry | None:
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
        lead = next((p for p in _name_leads(self.rules)
                     if chunk.startswith(p) and self._lookup(chunk[len(p):]) is not None), "")
        start, chunk = start + len(lead), chunk[len(lead):]  # "l'ambassadeur de France", "en Irak": NER took the "de"
        start, chunk = self._past_domain(start, chunk)
        start, chunk = self._past_title(start, chunk)
        start, chunk = self._past_role_title(start, chunk)
        start, chunk = self._past_compass(start, chunk)
        chunk = self._without_tail(chunk).strip()
        lead = self.text.find(chunk, start)
        lead = lead - start if lead >= 0 else -1  # where the chunk is after ``start`` (-1: nowhere)
        if not chunk or (normalize_label(chunk) in self.rules.compass_words and self.text[start - 1:start] == "("):
            return None  # "l'État Rakhine (Ouest)": a direction, not the region of that name
        start += lead
        return start, start + len(chunk)

    def _past_title(self, start: int, chunk: str) -> tuple[int, str]:
        """A name without the rank or title the model took in, capitalised as at a line's start or
        in some styles ("le Colonel Steve Warren"): two capitalised words at least stay."""
        title, _, rest = chunk.partition(" ")
        if fold_quotes(title.lower()) in self.rules.name_titles and title[:1].isupper() \
                and len(rest.split()) >= 2 and all(w[:1].isupper() for w in rest.split()[:2]):
            return start + len(title) + 1, rest
        return start, chunk

    def _past_role_title(self, start: int, chunk: str) -> tuple[int, str]:
        """The body a role title the model took for a name opens with ("Président du Conseil de
        souveraineté", "Secrétaire général de l'ONU", "Ministre de la Défense du Mali", titles
        capitalised in some styles): the words after the role and "de"; nothing when they are
        no name ("Porte-parole du gouvernement malien": a common noun, the role stage reads it;
        "Président de la République": the state's own office)."""
        skipped, rest = _past_role_title(self.rules, chunk)  # names recur: remembered by the words
        return start + skipped, rest

    def _past_compass(self, start: int, chunk: str) -> tuple[int, str]:
        """ "dans l'Est de la République démocratique du Congo": the model's place opens with a
        compass part of the place named after it; the name is that place."""
        first, _, rest = chunk.partition(" ")
        if normalize_label(first) not in self.rules.compass_words:
            return start, chunk
        lead = next((p for p in _leads(self.rules.of_prepositions) if rest.startswith(p)), "")
        rest = rest[len(lead):]
        det = next((d for d in _determiners(self.rules) if fold_quotes(rest).lower().startswith(d)), "")
        rest = rest[len(det):]
        if not lead or not rest[:1].isupper():
            return start, chunk
        return start + len(chunk) - len(rest), rest

    def _without_tail(self, chunk: str) -> str:
        """A name without the words the model joined after it: a credit's first word ("Soumy
        Image"), a demonym after a known name ("le Hamas palestinien"), a day or a month
        ("Khine Thu Kha mercredi")."""
        for marker in self.rules.caption_words:
            if chunk.endswith(" " + marker):
                chunk = chunk[: -len(marker) - 1]
        chunk = self._without_demonym(chunk)
        chunk = self._before_coordinated_noun(chunk)
        rest, _, last = chunk.strip().rpartition(" ")
        return rest if rest and normalize_label(last) in self.rules.not_names else chunk

    def _before_coordinated_noun(self, chunk: str) -> str:
        """ "les combattants du Front X et l'armée loyale au ...": a known name the model ran
        on past a conjunction into a common noun phrase is the known name (a name the KB knows
        with its conjunction, "Organisation pour la sécurité et la coopération en Europe", stays)."""
        for conj in self.rules.and_words:
            head, sep, rest = chunk.partition(f" {conj} ")
            if not sep:
                continue
            det = next((d for d in _determiners(self.rules) if fold_quotes(rest).lower().startswith(d)), "")
            noun = rest[len(det):].lstrip()
            if det and noun[:1].islower() and self._lookup(head) is not None and self._lookup(chunk) is None:
                return head
        return chunk

    def _past_domain(self, start: int, chunk: str) -> tuple[int, str]:
        """ "le ministre de la Défense X Y", "le général de Brigade X": the model's name
        opens with the role's domain or the rank's end; the name is what follows it."""
        first, _, rest = chunk.partition(" ")
        before = fold_quotes(self.text[max(0, start - 8):start]).lower().split()
        if not rest[:1].isupper() or not before \
                or before[-1] not in (*self.rules.of_prepositions, *self.rules.articles) \
                or strip_accents(first.lower()) not in _domain_words(self.rules):
            return start, chunk
        start += len(first) + 1
        more = _CAPITALISED_WORDS.match(self.text, start + len(rest))  # "Yoav" + " Gallant" the model left out
        return start, rest + (more.group(0) if more else "")

    def _without_demonym(self, chunk: str) -> str:
        """ "le Hamas palestinien": a known name with its demonym after it is the name."""
        rest, _, last = chunk.rpartition(" ")
        if rest and last.islower() and fold_quotes(last) in self.rules.demonyms and self._lookup(rest) is not None:
            return rest
        return chunk

    def _named_tail(self, start: int, end: int) -> int | None:
        """Where the name starts in a span the model opened with common nouns ("attentat de
        Kaboul", "général Shirko Rauf"): the first capitalised word after a linking word or a
        title."""
        for token in self.tokens[self._token_index(start):]:
            if token.idx >= end:
                return None
            if _CAPITALISED.match(token.text) and token.i > 0 \
                    and (self.lows[token.i - 1] in self.rules.unit_links or self.lows[token.i - 1] in self.rules.name_titles
                         or self.lows[token.i - 1] in self.rules.rank_complements):
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
            span = self._named_span(ent)
            if span is None:
                continue
            start, end, name = span
            if fold_quotes(name).lower() in self.rules.state_organs:
                continue  # "l'Etat-major général", "le Gouvernement": an organ, read by ``_organs``
            if ent.label_ == "PER":
                start = self._first_name_before(ent.start, start)
                end = self._person_end(ent.end, end)
                end = self._past_quoted_nickname(start, end)
                start, name = self._past_title(start, self.text[start:end])  # "Général" + the name after it
            elif ent.label_ in ("ORG", "MISC"):
                end = self._place_in_name_end(self._token_index(end - 1) + 1, end, name)
                name = self.text[start:end]
            state = self._state_periphrasis(name, end)
            if state is not None:  # "l'État hébreu", "l'État français"
                entry = self._lookup(state, _STATE_KINDS)
                head = self._token_at(start)
                if entry is not None:
                    yield self._from_entry(entry, start, end, name, head, "demonym")
                continue
            person = self._person_after_domain(ent, start, end, name)
            if person is not None:
                yield person
                continue
            split = self._actor_then_person(start, end, name, ent.label_ in ("PER", "LOC"))
            if split:
                yield from split
                continue
            item = self._named_item(ent, start, end, name)
            if item is not None:
                yield item

    def _place_in_name_end(self, after: int, end: int, name: str) -> int:
        """The end of a body's name the model closed before the place it names: on a common noun
        ("l'Armée populaire de libération" of "... du Soudan"), or on a shorter known name ("le
        Front populaire" of "... de libération du Tigré"); else ``end``."""
        last = self.tokens[after - 1]
        if self._name_goes_on(after):
            j = self._place_of_name_at(after + 2)
        elif last.pos_ == "NOUN" and last.text.islower() and self._lookup(name) is None:
            j = self._place_of_name_at(after)
        else:
            return end
        return self.tokens[j - 1].idx + len(self.tokens[j - 1].text) if j is not None else end

    def _place_of_name_at(self, i: int) -> int | None:
        """After "de"/"du" (and an article) at ``i``, the end of the capitalised words that follow."""
        tokens, n = self.tokens, len(self.tokens)
        if i >= n or self.lows[i] not in self.rules.of_prepositions:
            return None
        j = i + 1 + (i + 1 < n and self.lows[i + 1] in self.rules.determiners)
        k = j
        while k < n and self.capitalised[k] and tokens[k].pos_ in ("PROPN", "NOUN", "ADJ") and k - j < 4:
            k += 1
        return k if k > j else None

    def _name_goes_on(self, i: int) -> bool:
        """ "le Front populaire de libération du Tigré": after a known name, "de", a common noun and
        a place: a longer name, not the known one."""
        n = len(self.tokens)
        return i + 2 < n and self.lows[i] in self.rules.of_prepositions and self.tokens[i + 1].pos_ == "NOUN" \
            and self.tokens[i + 1].text.islower() and self._place_of_name_at(i + 2) is not None

    def _person_end(self, after: int, end: int) -> int:
        """The end of a person's name the model cut short ("Aung" of "Aung San Suu Kyi", "San"
        tagged a verb): the capitalised name words right after it that the model tagged as no
        other name and that name no state."""
        i = self._past_hyphen_part(after)
        if i > after:
            end = self.tokens[i - 1].idx + len(self.tokens[i - 1].text)
        while i < len(self.tokens) and i - after < 3 and self.tokens[i - 1].whitespace_ == " " \
                and not self.tokens[i].ent_type_ and self._first_name_word(self.tokens[i]) \
                and self._lookup(self.tokens[i].text, _STATE_KINDS) is None:
            end = self.tokens[i].idx + len(self.tokens[i].text)
            i += 1
        return end

    def _first_name_before(self, i: int, start: int) -> int:
        """The start of a person's name the model opened one word late ("Bahadar Khan" of "Sher
        Bahadar Khan", "Sher" tagged a pronoun): one capitalised word inside the sentence right
        before it, that the model tagged as no name, no word of the language's stop list, title,
        demonym, role's domain ("le secrétaire à la Défense X Y") or name the KB knows; else
        ``start``; after a role's capitalised domain, a word the model joined to it
        ("de l'Information Rémis" + "Fulgance Dandjinou") is the first name too."""
        if i < 2 or self.tokens[i - 1].whitespace_ != " " or self.tokens[i - 1].is_sent_start:
            return start
        t = self.tokens[i - 1]
        after_domain = strip_accents(self.lows[i - 2]) in _body_domains(self.rules)
        tagged = t.ent_type_ and not (after_domain and t.ent_type_ == "MISC")
        if not self.capitalised[t.i] or not t.text.isalpha() or tagged or t.is_stop \
                or self.capitalised[i - 2] and not after_domain or self._no_first_name(t):
            return start
        return t.idx

    def _no_first_name(self, t: Token) -> bool:
        """A word that opens no person's name: a title, a demonym, a role's domain, a word that
        is no name or a name the KB knows."""
        low = self.lows[t.i]
        return low in self.rules.name_titles or low in self.rules.person_titles or low in self.rules.demonyms \
            or strip_accents(low) in _domain_words(self.rules) \
            or normalize_label(t.text) in self.rules.not_names or self._lookup(t.text) is not None

    def _past_hyphen_part(self, i: int) -> int:
        """After a name cut at a hyphen ("Ahmed al" of "Ahmed al-Jabouri", "Chia" of "Chia
        al-Soudani"): past a short lower-case particle glued to the hyphen, the hyphen and the
        capitalised word glued to it, else ``i``."""
        tokens = self.tokens
        j = i + 1 if i + 1 < len(tokens) and tokens[i].text.islower() and len(tokens[i]) <= 3 \
            and not tokens[i].whitespace_ and tokens[i + 1].text in _HYPHENS else i
        if 0 < j < len(tokens) - 1 and not tokens[j - 1].whitespace_ and tokens[j].text in _HYPHENS \
                and not tokens[j].whitespace_ and self.capitalised[j + 1] and tokens[j + 1].text.isalpha():
            return j + 2
        return i

    def _past_quoted_nickname(self, start: int, end: int) -> int:
        """ "Aureliano « El Guano » Guzman", cut by the model inside its quotes: a person's name
        holding an opening quote it does not close goes on over the closing quote and the
        capitalised name words after it."""
        name = fold_quotes(self.text[start:end])
        if name.count('"') % 2 == 0:
            return end
        m = _CLOSING_THEN_NAME.match(fold_quotes(self.text[end:end + 80]))
        if m is None:
            return end
        i = self._token_index(end + m.end(1))
        if i >= len(self.tokens) or not self._first_name_word(self.tokens[i]):
            return end
        return self._person_end(i + 1, self.tokens[i].idx + len(self.tokens[i].text))

    #: kinds of a known actor the model may glue to the person after it
    _BODY_KINDS = ("Group", "ArmedGroup", "Organization", "InternationalOrganization", "Party")
    _ORGANISATION_KINDS = ("Organization", "InternationalOrganization")
    #: and a medium, glued to the person after its dative ("a déclaré à l'AFP Azam Tariq")
    _GLUED_KINDS = _BODY_KINDS + ("Media",)

    def _person_after_domain(self, ent: SpacySpan, start: int, end: int, name: str) -> Found | None:
        """ "le ministre de l'Information Akim Dogoté Mahamat": a span the model reads whole,
        opening on a role's capitalised domain after "de" (trimmed off), then two or more
        capitalised words the KB does not know, is the person the role is apposed to."""
        words = name.split()
        if ent.label_ not in ("MISC", "ORG") or len(words) < 2 or start <= ent.start_char \
                or not self._follows_of(ent.start) \
                or strip_accents(self.lows[ent.start]) not in _body_domains(self.rules) \
                or not all(_CAPITALISED.match(w) for w in words) or self._lookup(name) is not None:
            return None
        return Found(self._mention(start, end, "Actor", "Person", "ner", 0.7), name)

    def _follows_of(self, i: int) -> bool:
        """Whether token ``i`` comes after "de" and its article ("du", "de la", "de l'")."""
        before = [fold_quotes(w) for w in self.lows[max(0, i - 2):i]]
        return bool(before) and (before[-1] in self.rules.of_prepositions or len(before) == 2
                                 and before[0] in self.rules.of_prepositions and before[1] in self.rules.articles)

    def _actor_then_person(self, start: int, end: int, name: str, person: bool = False) -> list[Found]:
        """ "le chef du Hezbollah Hassan Nasrallah": a span the model reads whole, made of a
        known group or body and two or more capitalised words the KB does not know, is that
        body and a person; so is a country the model read in one place or person name with the
        person after it ("le président de Serbie Aleksandar Vucic")."""
        words = [(m.start(), m.group()) for m in re.finditer(r"\S+", name)]
        if len(words) < 3 or self._lookup(name) is not None:
            return []
        kinds = self._GLUED_KINDS + (_STATE_KINDS if person else ())
        for size in range(1, len(words) - 1):
            cut = words[size][0]
            head, rest = name[:cut].strip(), name[cut:]
            entry = self._lookup(head)
            if entry is None or entry.kind not in kinds:
                continue
            known = self._lookup(rest)
            if not all(_CAPITALISED.match(w) for _, w in words[size:]) or known is not None and known.kind != "Person":
                return []
            found = self._from_entry(entry, start, start + len(head), head, self._token_at(start), "gazetteer")
            person = Found(self._mention(start + cut, end, "Actor", "Person", "ner", 0.7), rest, known)
            return [f for f in (found, person) if f is not None]
        return []

    def _named_span(self, ent: SpacySpan) -> tuple[int, int, str] | None:
        """The offsets and text of a named entity, trimmed; None for a demonym, a water's noun
        or a common noun the KB does not know."""
        offsets = self._trim(ent)
        if offsets is None:
            return None
        start, end = offsets
        name = self.text[start:end]
        if fold_quotes(name.lower()) in self.rules.demonyms:
            return None
        if name.split()[0] in self.rules.water_nouns:
            return None  # "mer Rouge": a water, read by the place phrases, not the KB's governorate
        if not _CAPITALISED.match(name) and not _particle_word(name.split()[0], self.rules) \
                and not self._known_in_lower_case(name):
            tail = self._named_tail(start, end)
            if tail is None:
                return None  # a common noun, unless the KB knows it ("département d'État")
            start, name = tail, self.text[tail:end]  # "attentat de Kaboul": Kaboul
        return start, end, name

    def _known_in_lower_case(self, name: str) -> bool:
        """Whether the KB knows this lower-case name ("département d'État", "la Havane", "le
        parti radical"), unless only as a country it writes capitalised ("le sahara occidental":
        a common phrase there)."""
        key = match_key(name)
        entries = self.kb.lookup(name, self.lang)
        return any(e.kind != "Country" or any(n[:1].islower() and match_key(n) == key for n in (
            *e.labels.values(), *(a for names in e.aliases.values() for a in names))) for e in entries)

    def _named_item(self, ent: SpacySpan, start: int, end: int, name: str) -> Found | None:
        """A named entity unless it is a common word of the rules, a vague group or a rubric."""
        if normalize_label(name) in self.rules.not_names:
            return self._known_with_words_before(ent.start, end)  # "département d'Etat": NER saw only "Etat"
        if normalize_label(name) in self.rules.vague_groups or self.lows[ent.start] in self.rules.peoples:
            return None  # "les Kurdes": a people, read by ``_peoples`` whatever place the model reads
        if self._is_rubric(start, end) and self._lookup(name) is None:
            return None  # "Défense : la Pologne commande ...": a section word, not a name
        if self._inhabitants(ent.start, name):
            return None  # "les Gazaouis": people of a town, no place
        return self._classify_named(ent, start, end, name)

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

    def _states_after_of(self):
        """ "le ministère de la Défense de la Norvège", "la police des Émirats arabes unis": a
        state the KB knows by one or several capitalised words after "de" (and an article) that
        the model left out or folded into a body's name is a state, when no capitalised word
        nor adjective goes on with its name ("de la République du Congo démocratique")."""
        for token in self._tokens_in(self.rules.of_prepositions, 0, 1):
            words = self._state_words_after(token.i)
            if words is None or words[0].ent_type_ in ("LOC", "GPE", "PER"):
                continue  # the model's place: ``_named`` reads it
            first, last = words
            start, end = first.idx, last.idx + len(last.text)
            entry = self._lookup(self.text[start:end], _STATE_KINDS)
            item = self._from_entry(entry, start, end, self.text[start:end], first, "gazetteer")
            if item is not None:
                yield item

    def _state_complement_end(self, i: int) -> int | None:
        """After the "de" at ``i`` (and an article), the last token of a state's name the KB
        knows that no capitalised word or adjective goes on with; None for another complement."""
        j = i + 1 + (i + 1 < len(self.tokens) and self.tokens[i + 1].pos_ == "DET")
        if j >= len(self.tokens) or not self.capitalised[j]:
            return None
        last = self._known_run_end(j, _STATE_KINDS)
        if last is None or last + 1 < len(self.tokens) and (
                self.capitalised[last + 1] and self.tokens[last + 1].is_alpha or self.tokens[last + 1].pos_ == "ADJ"):
            return None
        return last

    def _apposed_places(self):
        """ "sur Kouroumé, un autre village de l'est du Tchad", "le maire de Haditha, une ville
        située dans la province de X": an unknown capitalised word the model left untagged, after
        a locative preposition or "de", with an aside whose first noun is a place noun, is a place."""
        for token in self.tokens[1:-3]:
            if token.ent_type_ not in ("", "MISC") or not self.capitalised[token.i] or token.is_sent_start \
                    or token.pos_ not in ("PROPN", "NOUN", "X"):  # the model's MISC alone is dropped
                continue
            before = self.lows[token.i - 1]
            if self.tokens[token.i + 1].text != "," or not (
                    before in self.rules.locative_prepositions or before in self.rules.place_of_prepositions):
                continue
            if self._place_noun_after(token.i + 2) and self._lookup(token.text) is None:
                yield Found(self._mention(token.idx, token.idx + len(token.text), "Region", "Place", "pattern", 0.6),
                            token.text)

    def _place_noun_after(self, i: int) -> bool:
        """Whether the words from ``i`` open with a place noun, past determiners, numbers and
        adjectives ("un autre village", "l'un des sept districts")."""
        for t in self.tokens[i: i + 5]:
            if t.pos_ in ("NOUN", "PROPN"):
                return self.lows[t.i] in self.rules.place_nouns or t.lemma_.lower() in self.rules.place_nouns
            if t.pos_ not in ("DET", "NUM", "ADJ", "PRON", "ADP"):
                return False
        return False

    def _cue_subjects(self):
        """ "», a indiqué Amaq, l'agence de l'EI": capitalised words right after an inverted
        speech cue that the model left untagged (or called MISC) name its speaker: of the kind of the
        description apposed to them ("l'agence": a medium), else a person (a body when one
        word in capitals)."""
        for first in [t.i + 3 for t in self._tokens_in((",", "»", '"', "”"), 0, 3)]:  # a name 3 words on
            if not self._after_inverted_cue(first):
                continue
            last = first
            while last < len(self.tokens) and last - first < 3 and self._untagged_name_word(self.tokens[last]):
                last += 1
            if last == first or (last < len(self.tokens) and self.tokens[last].text not in (",", ".", ";")):
                continue
            start, end = self.tokens[first].idx, self.tokens[last - 1].idx + len(self.tokens[last - 1].text)
            name = self.text[start:end]
            if normalize_label(name) in self.rules.not_names or self._lookup(name) is not None:
                continue
            yield Found(self._mention(start, end, "Actor", self._apposed_kind(last, name), "pattern", 0.65), name)

    def _titled_names(self):
        """ "le général de brigade Shirko Rauf", "le Mwami X": proper nouns the model left untagged
        right after a rank written in lower case or after an article (with its complement) name a
        person."""
        tokens, n = self.tokens, len(self.tokens)
        for i in [t.i for t in self._tokens_in(self.rules.name_titles, 0, 1)]:
            if not self._title_in_text(i):
                continue
            first = i + 1
            if first + 1 < n and self.lows[first] in self.rules.of_prepositions \
                    and self.lows[first + 1] in self.rules.rank_complements:
                first += 2
            last = first
            while last < n and last - first < 3 and tokens[last].pos_ == "PROPN" \
                    and not tokens[last].ent_type_ and self._first_name_word(tokens[last]):
                last += 1
            if last == first:
                continue
            start, end = tokens[first].idx, tokens[last - 1].idx + len(tokens[last - 1].text)
            name = self.text[start:end]
            if normalize_label(name) not in self.rules.not_names and self._lookup(name) is None:
                yield Found(self._mention(start, end, "Actor", "Person", "pattern", 0.65), name)

    def _title_in_text(self, i: int) -> bool:
        """A title written in lower case ("le général X"), or a person's title after an article
        ("le Mwami X"); no capitalised word opening a sentence nor a body's name ("the General Staff")."""
        return self.texts[i].islower() or i > 0 and self.lows[i - 1] in self.rules.articles \
            and self.lows[i] in self.rules.person_titles

    def _untagged_name_word(self, t: Token) -> bool:
        """A capitalised proper noun the model tagged as no name (or as MISC)."""
        return self.capitalised[t.i] and t.pos_ in ("PROPN", "X", "NOUN") and t.ent_type_ in ("", "MISC")

    def _after_inverted_cue(self, i: int) -> bool:
        """Whether token ``i`` comes right after an inverted speech cue ("», a indiqué" + i)."""
        if i < 3 or i >= len(self.tokens) or not self.capitalised[i] or self.lows[i - 3] not in (",", "»", '"', "”"):
            return False  # the cheap tests first: this runs on every word
        return self.tokens[i - 1].lemma_ in self.rules.speech_verbs \
            and self.tokens[i - 2].lemma_ in self.rules.auxiliaries

    def _apposed_kind(self, after: int, name: str) -> str:
        """The kind of the description after a name and its comma ("Amaq, l'agence de l'EI")."""
        if after + 2 < len(self.tokens) and self.tokens[after].text == "," \
                and self.lows[after + 1] in self.rules.definite_determiners:
            kinds = self.rules.descriptions.get(self.lows[after + 2])
            if kinds:
                return kinds[0]
        return "Organization" if name.isupper() and " " not in name else "Person"

    def _known_phrases(self):
        """Names of several words the knowledge base knows and the model missed or cut
        ("l'État islamique", "les Forces de soutien rapide"): from each capitalised word, the
        longest run of up to nine words that is a KB name of a body (not a person)."""
        for i, pos in enumerate(self.pos):
            if not self.capitalised[i]:
                if pos == "NOUN":
                    item = self._lowercase_phrase_at(self.tokens[i])
                    if item is not None:
                        yield item
                continue
            if pos not in ("PROPN", "NOUN", "ADJ", "ADV", "X") or (
                    pos == "ADJ" and self.lows[i] in self.rules.demonyms) or (
                    pos in ("ADV", "X") and len(self.texts[i]) < 3):
                continue  # "le groupe jihadiste État islamique": "État" tagged an adjective; "Boko"
                # (Haram) an adverb; but "A Bruxelles" is a preposition without its accent
            token = self.tokens[i]
            if self._overlaps_name(token.idx, token.idx + 1):
                continue  # inside a name found already
            item = self._known_phrase_at(token)
            if item is not None:
                yield item

    def _former_names(self):
        """ "les dissidents de l'ex-FARC", "des ex-Farc": a word made of a prefix of the past
        (``former_prefixes``) and a body's name the KB knows still names that body; the
        mention is the name after the prefix."""
        prefixes = tuple(self.rules.former_prefixes)
        for token in self.tokens:
            if not self.lows[token.i].startswith(prefixes):
                continue  # one C call rules out almost every word
            prefix = next((p for p in prefixes if self.lows[token.i].startswith(p)), None)
            name = token.text[len(prefix):] if prefix else ""
            if not _CAPITALISED.match(name) or self._lookup(token.text) is not None:
                continue  # "l'ex-Séléka": a name the KB knows whole is read whole
            entry = self._lookup(name, self._BODY_KINDS)
            if entry is not None and _is_name_of(entry, name):
                start = token.idx + len(prefix)
                item = self._from_entry(entry, start, start + len(name), name, token, "gazetteer")
                if item is not None:
                    yield item

    def _lowercase_phrase_at(self, token: Token) -> Found | None:
        """ "le cartel de Sinaloa", "le commandement américain pour l'Afrique": a body's name the
        KB writes, as the text does, with a lower-case noun first and a capitalised word after, or
        one it writes with its first noun capitalised ("les brigades Ezzedine al-Qassam")."""
        for size in range(min(self._KNOWN_PHRASE_WORDS, len(self.tokens) - token.i), 2, -1):
            last = token.i + size - 1
            if not self.capitalised[last] or not self.can_end[last]:
                continue
            end = self.ends[last]
            name = self.text[token.idx:end]
            entry = self._lookup(name, self._BODY_KINDS)
            if entry is not None and "\n" not in name and (
                    _written_so(entry, name, self.lang) or _written_so(entry, name[:1].upper() + name[1:], self.lang)):
                return self._from_entry(entry, token.idx, end, name, token, "gazetteer")
        return None

    #: the most words (tokens) of a KB name read whole ("Armée de libération nationale Ta'ang")
    _KNOWN_PHRASE_WORDS = 9

    def _known_phrase_at(self, token: Token) -> Found | None:
        for size in range(min(self._KNOWN_PHRASE_WORDS, len(self.tokens) - token.i), 1, -1):
            last = token.i + size - 1
            if not self.can_end[last]:
                continue  # a name ends on a word of its own ("Conseil de sécurité", not "... d'")
            end = self.ends[last]
            name = self.text[token.idx:end]
            if "\n" in name:
                continue
            entry = self._lookup(name)
            if entry is not None and entry.kind == "Person":
                if size >= 3 and self.capitalised[last] and _is_name_of(entry, name):
                    # "du général Min Aung Hlaing": a known person of three words or more, whatever
                    # longer name the model glued around it
                    return self._from_entry(entry, token.idx, end, name, token, "gazetteer")
                continue
            if self._inside_longer_name(token.idx, end):
                return None  # the model's longer name holds it ("Forces armées ... de X")
            if entry is not None and entry.kind != "Event" and _is_name_of(entry, name):
                if self._name_goes_on(last + 1):
                    return None
                return self._from_entry(entry, token.idx, end, name, token, "gazetteer")
        return self._known_group_word(token)

    def _known_group_word(self, token: Token) -> Found | None:
        """ "les miliciens Wazalendo": one untagged proper noun the KB names a group by; not
        "al-Houthi" (a person's name)."""
        if token.pos_ == "PROPN" and not token.ent_type_ and not (
                token.i > 0 and _inside_word(self.tokens[token.i - 1])):
            entry = self._lookup(token.text, ("Group",))
            if entry is not None and _is_name_of(entry, token.text):
                return self._from_entry(entry, token.idx, token.idx + len(token.text), token.text, token,
                                        "gazetteer")
        return None

    def _lowercase_groups(self):
        """Groups the press names in lower case ("les talibans", "les rebelles houthis"): a run of
        one or two lower-case words that the knowledge base gives, written so, as a group's name."""
        names = self.kb.lowercase_group_names(self.lang)
        if not names:
            return
        for i, pos in enumerate(self.pos):
            if self.capitalised[i] or pos not in ("NOUN", "PROPN", "ADJ"):
                continue
            start = self.tokens[i].idx
            for size in (2, 1):
                end = self.ends[min(i + size - 1, len(self.tokens) - 1)]
                name = self.text[start:end]
                if name not in names:
                    continue
                entry = self._lookup(name, ("Group",))
                if entry is not None:
                    yield Found(self._mention(start, end, "Actor", "Group", "gazetteer", 0.8), name, entry)
                break

    def _inside_longer_name(self, start: int, end: int) -> bool:
        """Whether a name the model tagged holds [start, end) (start < end) and is longer."""
        # the model's names never overlap: only the last one starting at or before ``start`` can
        n = bisect_right(self._ent_starts, start) - 1
        if n < 0:
            return False
        a, b = self._ent_offsets[n]
        return end <= b and b - a > end - start

    @functools.cached_property
    def _ents_by_start(self) -> dict[int, SpacySpan]:
        """The model's names by their first token, read once (the first at each, as ``doc.ents``
        lists them)."""
        found: dict[int, SpacySpan] = {}
        for e in self.doc.ents:
            found.setdefault(e.start, e)
        return found

    @functools.cached_property
    def _ent_offsets(self) -> list[tuple[int, int]]:
        """The model's names as offsets, read once (``doc.ents`` builds new spans at each access)."""
        return [(e.start_char, e.end_char) for e in self.doc.ents]

    @functools.cached_property
    def _ent_starts(self) -> list[int]:
        return [a for a, _ in self._ent_offsets]

    def _state_periphrasis(self, name: str, end: int) -> str | None:
        """ "État hébreu" -> "Israël": the state a "État" + demonym name stands for."""
        words = fold_quotes(name).lower().split()
        if len(words) == 2 and strip_accents(words[0]) in _unaccented(self.rules.state_words):
            return self.rules.demonyms.get(words[1])
        return self._state_of_phrase(fold_quotes(name), end)

    def _state_of_phrase(self, name: str, end: int) -> str | None:
        """ "Forces armées de la RDC" -> "RDC", "République d'Azerbaïdjan" -> "Azerbaïdjan": the
        state whose armed forces or formal name a name gives (an army phrase or a state's title,
        "de", an article and the name of a state; not "l'Armée de libération ..."), or whose
        demonym alone follows an army phrase ("Forces armées centrafricaines"; not "Armée
        nationale libyenne", nor "Armée syrienne" cut off "libre" at ``end``)."""
        low = name.lower()
        phrase = next((p for p in (*self.rules.army_phrases, *self.rules.state_titles)
                       if low.startswith(p + " ")), None)
        if phrase is None:
            return None
        rest = name[len(phrase):].lstrip()
        if phrase in self.rules.army_phrases and rest.lower() in self.rules.demonyms:
            return self._army_demonym_state(rest, end)
        return self._state_after_of(rest)

    def _state_after_of(self, rest: str) -> str | None:
        """The state named after "de" and an article opening ``rest`` ("de la RDC": "RDC"), else None."""
        for words in (self.rules.of_prepositions, self.rules.definite_determiners):
            first = next((w for w in sorted(words, key=len, reverse=True) if rest.lower().startswith(w)
                          and (w.endswith("'") or rest[len(w):len(w) + 1] == " ")), None)
            if first is None and words is self.rules.of_prepositions:
                return None
            rest = rest[len(first or ""):].lstrip()
        return rest if rest and self._lookup(rest, _STATE_KINDS) is not None else None

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
        """ "Défense : la Pologne ...": a name before a colon opening its line, or a one-word
        name opening a sentence before a colon that brings no quote ("... attaques. Riposte :
        l'armée a frappé", not "Kamanzi : « ... »")."""
        after = self.text[end:end + 4].lstrip()
        if not after.startswith(":"):
            return False
        line_start = self.text.rfind("\n", 0, start) + 1
        before = self.text[line_start:start].rstrip()
        if not before:
            return True
        return before[-1] in ".!?" and " " not in self.text[start:end] and after[1:].lstrip()[:1] not in "«\"“'"

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
        """Whether the words are a role phrase of as many words, accents aside."""
        words = fold_quotes(text).lower().replace("'", "' ").split()
        return _phrase_key(words, len(words)) in _role_keys(self.rules).get(len(words), ())

    def _inhabitants(self, i: int, name: str) -> bool:
        """ "les Gazaouis", "des milliers de Kiéviens": one capitalised word ending as a town's
        inhabitants do, after an article or "de", that the KB does not know."""
        r = self.rules
        return " " not in name and name.endswith(tuple(r.inhabitant_endings)) and i > 0 \
            and fold_quotes(self.lows[i - 1]) in (r.articles | r.contracted_articles | set(r.of_prepositions)) \
            and self._lookup(name) is None

    def _classify_named(self, ent: SpacySpan, start: int, end: int, name: str) -> Found | None:
        """A named entity as the KB knows it (a known part of it, when the whole is unknown),
        else as the model's label says."""
        label = ent.label_
        start, end, name, entry = self._narrow_to_known(start, end, name)
        if entry is None and not self._enough_letters(name, label):
            return None
        if self._after_alias_cue(start):
            return Found(self._mention(start, end, "Actor", "Person", "ner", 0.75), name)
        head = self._token_at(start)
        titled = entry is not None and self._titled_place(entry, start, head)
        if entry is not None and (titled or self._not_the_town(entry, name, head, label)):
            if label == "PER" or titled or self._after_title(head):
                return Found(self._mention(start, end, "Actor", "Person", "ner", 0.75), name)
            entry = None
        if entry is not None:
            return self._from_entry(entry, start, end, name, head, "gazetteer")
        seat = self._seat_acting(start, end, name, head)
        if seat is not None:
            return seat
        return self._unknown_named(label, start, end, name, head)

    def _after_alias_cue(self, start: int) -> bool:
        """ "dirigé par alias « Calarcá »", "Néstor Vera, alias Iván Mordisco": a name right
        after a word that gives a person's nom de guerre (``person_alias_cues``), its quotes
        aside, is that person's, never a place's (a town may bear it)."""
        before = fold_quotes(self.text[max(0, start - 30):start]).rstrip(' "\u00a0').split()
        return bool(before) and before[-1].lower() in self.rules.person_alias_cues

    @staticmethod
    def _enough_letters(name: str, label: str) -> bool:
        """ "I", "II", "S": a letter or a numeral the KB does not know is no name ("J. B." is)."""
        return sum(ch.isalpha() for ch in name) >= 3 or (label == "PER" and "." in name)

    def _unknown_named(self, label: str, start: int, end: int, name: str, head: Token | None) -> Found | None:
        """A name the KB does not know: what its place in the text says (see ``_in_context``),
        else what the model's label says; a lone word the tagger reads as a verb is none
        ("« Soutenons notre armée »"), or as a number ("Douze habitants ..." opening a sentence),
        unless an acronym in capitals ("a indiqué UKMTO"); a body's name that opens on a title is
        a person ("le Mwami X"), a title alone no name."""
        if head is not None and name.isalpha() and head.pos_ in ("VERB", "AUX", "NUM") \
                and not _capital_acronym(name, self.text, start):
            return None
        opened = self._named_with_noun(label, start, end, name, head)
        if opened is not None:
            return opened
        if label in ("ORG", "MISC") and self._opens_with_title(name):  # "Mwami X" read as a body
            return self._ner_person(start, end, name, head)
        if fold_quotes(name).lower() in self.rules.name_titles:
            return None  # "le Mwami" + a name the model left out: a title, no name
        if head is not None:
            reader = self._in_context if label in ("PER", "LOC") else self._misc_in_context
            found = reader(label, start, end, name, head)
            if found is not None:
                return found
        by_label = self._NER_LABELS.get("ORG" if self._bracketed_before(label, name, start) else label)
        return None if by_label is None else by_label(self, start, end, name, head)

    def _named_with_noun(self, label: str, start: int, end: int, name: str, head: Token | None) -> Found | None:
        """A body named with its noun (``_opened_by_body_noun``) or an operation after its noun
        (``_operation_named``), else None."""
        return self._opened_by_body_noun(label, start, end, name, head) \
            or self._operation_named(label, start, end, name, head)

    def _operation_named(self, label: str, start: int, end: int, name: str, head: Token | None) -> Found | None:
        """ "l'opération Sangaris", "l'opération « Mirador »": an unknown name right after the
        lower-case noun of a military operation (`named_operation_nouns`), in quotes or not, is
        the operation, a force that acts and is deployed (an actor: its mention holds the noun
        and the quotes, method "operation"), whatever place, person or miscellany the model reads."""
        if head is None or head.i < 2:
            return None
        j = head.i - 1
        quoted = self.texts[j] in _OPENING_QUOTES
        j -= quoted
        if self.lows[j] not in self.rules.named_operation_nouns or not self.texts[j].islower():
            return None
        closing = self.text[end:end + 2].lstrip()[:1] if quoted else ""
        if closing in ("»", '"', "”"):
            end = self.text.index(closing, end) + 1
        return Found(self._mention(self.tokens[j].idx, end, "Actor", "MilitaryUnit", "operation", 0.7), name)

    def _opened_by_body_noun(self, label: str, start: int, end: int, name: str, head: Token | None) -> Found | None:
        """ "sur Radio Belu", "la Force Hadid", "Radio Tessit": an unknown name that opens on a
        capitalised noun of a body (a medium's, a unit's, a force's), or right after one the model
        left out of it, is that body, named with its noun, whatever place the model reads."""
        if head is None or head.i > 0 and self._numbered(head.i - 1) or self._of_rank(head.i):
            return None  # "le 42e Bataillon de ...": a numbered unit's noun
        j = head.i - 1
        extended = self._body_noun_left_out(head, name)
        if extended:
            start = self.tokens[j].idx
            name = self.text[start:end]
        first, *rest = name.split()  # "Journal officiel": no name after the noun; "l'ONG X": a noun in capitals
        kinds = self._body_noun_kinds(name) if any(not w.islower() for w in rest) and first[1:].islower() else []
        if not kinds or not extended and label not in ("PER", "LOC") and kinds[0] not in _NAMED_BODY_KINDS:
            return None  # a body's name the model reads so keeps the kind its words give
        return Found(self._mention(start, end, "Actor", kinds[0], "ner", 0.7), name)

    def _body_noun_left_out(self, head: Token, name: str) -> bool:
        """Whether the word before an unknown name is a capitalised noun of a body ("la Force
        Hadid", the model's name "Hadid"), not a numbered unit's ("le 3e Bataillon")."""
        j = head.i - 1
        return j > 0 and not head.is_sent_start and self.capitalised[j] and not self._numbered(j - 1) \
            and not self._of_rank(j) and bool(self._body_noun_kinds(self.texts[j])) and self._lookup(name) is None

    def _of_rank(self, i: int) -> bool:
        """Whether the word at ``i`` completes a rank ("général de Brigade", "général de Division")."""
        return i > 1 and self.lows[i - 1] in self.rules.of_prepositions and self.lows[i - 2] in self.rules.name_titles

    def _numbered(self, i: int) -> bool:
        """Whether token ``i`` is a numeral or an ordinal ("42e", "troisième")."""
        return self.texts[i][:1].isdigit() or self.lows[i] in self.rules.ordinal_words

    def _loose_place(self, name: str, head: Token) -> bool:
        """ "une attaque de Boko Haram à Banki", "une offensive à Haditha": one unknown word (no
        acronym) hung on a noun after a preposition only places take ("à", "dans", not "sur":
        "sur Telegram") is a place, whatever body or miscellany the model's label says."""
        words = self._prev_words(head.i, 1)
        return " " not in name and not name.isupper() and head.dep_ in ("dep", "nmod", "obl:mod") \
            and bool(words) and words[0] in self.rules.loose_place_prepositions

    def _bracketed_before(self, label: str, name: str, start: int) -> bool:
        """ "Les GRI ont indiqué": an acronym the model reads as MISC that the text brackets
        there or bracketed before, after a body's name, names that body (again)."""
        return label == "MISC" and _looks_like_acronym(name) and (f"({name})" in self.text[:start] or (
            self.text[start - 1:start] == "(" and self.text[start + len(name):start + len(name) + 1] == ")"))

    def _person_apposed_to_role(self, start: int, name: str) -> bool:
        """A name of capitalised words apposed to a person's role ("le porte-parole du TNLA,
        Tar Bhone Kyaw") is that person, whatever organisation the model reads, unless a word
        of it names a body ("le chef, Front X") or it is an acronym."""
        words = name.split()
        return start in self._role_names and len(words) > 1 and all(_CAPITALISED.match(w) for w in words) \
            and not self._body_noun_kinds(name) and self._organisation_kind(name) != "Group"

    def _misc_in_context(self, label: str, start: int, end: int, name: str, head: Token) -> Found | None:
        """A miscellany (or body) the model reads that its place in the text names: a person
        apposed to a role or after a noun of an unnamed person ("Un autre témoin, Asha Omar"), a
        place after a preposition only places take, or an acronym of the kind of the description
        apposed to it ("la RTP, la télévision d'État portugaise": a medium)."""
        if label not in ("ORG", "MISC"):
            return None
        described = self._short_name_of_description(start, end, name)  # "la force intérimaire (Interfor)"
        if described is not None:
            return described
        if self._person_apposed_to_role(start, name):
            return self._ner_person(start, end, name, head)  # "Le porte-parole du TNLA, Tar Bhone Kyaw"
        if label == "MISC" and (self._apposed_to_person_noun(head, name) or self._role_apposed_after(end, name)):
            return Found(self._mention(start, end, "Actor", "Person", "ner", 0.65), name)
        if self._loose_place(name, head) or self._listed_names_after_place(head, end):
            return Found(self._mention(start, end, "Region", "Place", "ner", 0.6), name)
        after = self._token_index(end - 1) + 1
        if not _looks_like_acronym(name) or after + 2 >= len(self.tokens) or self.tokens[after].text != ",":
            return None
        kinds = self.rules.descriptions.get(self.lows[after + 2]) \
            if self.lows[after + 1] in self.rules.definite_determiners else None
        return Found(self._mention(start, end, "Actor", kinds[0], "ner", 0.65), name) if kinds else None

    def _role_apposed_after(self, end: int, name: str) -> bool:
        """ "Selon Tar Bhone Kyaw, commandant du TNLA, ...": a name of capitalised words followed
        by a comma and a person's role with no determiner is that person (not a body's name)."""
        words = name.split()
        j = self._token_index(end - 1) + 1
        if len(words) < 2 or not all(_CAPITALISED.match(w) for w in words) or self._body_noun_kinds(name) \
                or j + 1 >= len(self.tokens) or self.tokens[j].text != ",":
            return False
        k = self._past_role_lead(j + 1)
        return k < len(self.tokens) and (
            _folded_lemma(self.tokens[k]) in self.rules.role_nouns or self.lows[k] in self.rules.role_nouns)

    def _past_role_lead(self, i: int) -> int:
        """Past what may open a role apposed to a name ("considéré comme le « chef du réseau",
        "l'ancien commandant"): a regard phrase, a determiner, quote marks, a role modifier."""
        for phrase in self.rules.regard_phrases:
            words = phrase.split()
            if self.lows[i:i + len(words)] == words:
                i += len(words)
                break
        while i < len(self.tokens) and i < len(self.lows) and (
                self.lows[i] in self.rules.determiners or self.lows[i] in self.rules.definite_determiners
                or self.tokens[i].is_quote or self.lows[i] in self.rules.role_modifiers):
            i += 1
        return i

    def _apposed_to_person_noun(self, head: Token, name: str) -> bool:
        """ "Un autre témoin, Asha Omar, a déclaré": a name of capitalised words apposed to a
        noun of an unnamed person is that person, whatever other name the model reads."""
        words = name.split()
        return len(words) > 1 and all(_CAPITALISED.match(w) for w in words) and head.dep_ == "appos" \
            and fold_quotes(head.head.lemma_.lower()) in self.rules.unnamed_speakers

    def _in_context(self, label: str, start: int, end: int, name: str, head: Token) -> Found | None:
        """An unknown person or place name as its context reads it: the speaker after an
        inverted cue, an actor after a description's noun, a person after a title, a body's
        bracketed acronym or a name opening on a body's noun."""
        if label == "LOC" and self._after_inverted_cue(head.i):
            # "», a indiqué Nashir, l'agence de l'EI": the speaker, whatever place the model read;
            # with the name words the model left out ("Billene" of "Billene Seyoum")
            end = self._person_end(head.i + len(name.split()), end)
            name = self.text[start:end]
            last = head.i + len(name.split())
            return Found(self._mention(start, end, "Actor", self._apposed_kind(last, name), "ner", 0.65), name)
        headed = self._named_after_head(start, end, name, head) or self._unit_named_of(end, name, head, label)
        if headed is not None or label != "LOC":
            return headed
        if self._after_title(head) or self._opens_with_title(name) or start in self._role_names \
                or self._role_apposed_after(end, name):  # "X, considéré comme le chef de Y"
            return self._ner_person(start, end, name, head)  # "M. Tshisekedi" read as a place
        if self._bracketed_acronym(start, end, name) or _capital_acronym(name, self.text, start):
            return self._ner_organisation(start, end, name, head)  # "... (FAMa)", "le NUG": a body
        kinds = self._body_noun_kinds(name)
        if kinds:  # "l'Observatoire syrien pour les droits humains", "la Cour constitutionnelle"
            return Found(self._mention(start, end, "Actor", kinds[0], "ner", 0.7), name)
        return self._short_name_of_description(start, end, name)

    def _short_name_of_description(self, start: int, end: int, name: str) -> Found | None:
        """ "la force intérimaire (Interfor)", "le parquet militaire régional (Pamir)": one
        capitalised word in brackets right after a definite description of a body (its noun a
        description's, an institution's or an organ's, then lower-case words) is that body's
        short name, whatever place the model reads."""
        if not name.isalpha() or not name[:1].isupper() or self.text[start - 1:start] != "(" \
                or self.text[end:end + 1] != ")":
            return None
        j = self._token_index(start - 1) - 1
        first = j
        while j > 0 and first - j < 6 and self.tokens[j].text.islower():
            kinds = self._described_body_kinds(j)
            if kinds and self.tokens[j].pos_ == "NOUN" and (
                    self.lows[j - 1] in self.rules.definite_determiners or self.lows[j - 1] in self.rules.contracted_articles):
                return Found(self._mention(start, end, "Actor", kinds[0], "pattern", 0.7), name)
            j -= 1
        return None

    def _described_body_kinds(self, j: int) -> list[str]:
        """The actor kinds of the noun at ``j`` as a body's description ("groupe", "parquet",
        "force"), else none."""
        lemma = fold_quotes(self.tokens[j].lemma_.lower())
        kinds = [k for k in self.rules.descriptions.get(lemma, []) if k not in ("Person", "Place")]
        if kinds:
            return kinds
        body = lemma in self.rules.institution_heads or lemma in self.rules.organ_heads
        return ["Organization"] if body else []

    def _body_noun_kinds(self, name: str) -> list[str]:
        """The actor kinds of a name that opens on a capitalised description noun of a body
        ("Observatoire ...", "Comité ...", "Front ...") or an institution's noun ("Cour ...",
        "Tribunal ..."), else none."""
        words = fold_quotes(name).split()
        if not words or not words[0][:1].isupper():
            return []
        kinds = self.rules.descriptions.get(words[0].lower(), [])
        kinds = [k for k in kinds if k in _BODY_NAME_KINDS]
        heads = (self.rules.institution_heads, self.rules.organ_heads)
        return kinds or (["Organization"] if any(words[0].lower() in h for h in heads) else [])

    def _bracketed_acronym(self, start: int, end: int, name: str) -> bool:
        """An acronym alone in brackets ("(FAMa)")."""
        return _looks_like_acronym(name) and self.text[:start].rstrip().endswith("(") \
            and self.text[end:end + 1] == ")"

    def _opens_with_title(self, name: str) -> bool:
        """Whether a name opens on a person's title ("M. X", "Mwami X")."""
        words = fold_quotes(name).lower().split()
        return len(words) > 1 and words[0] in self.rules.person_titles

    def _named_after_head(self, start: int, end: int, name: str, head: Token) -> Found | None:
        """ "la coalition Viv Ansanm", "le mouvement Ennahda", "le régiment Azov": an unknown name
        right after a definite description's noun (its lower-case adjectives between) is an
        actor of the noun's first kind, whatever person or place the model read."""
        j = self._description_before(head.i)
        if j is None and head.i > 2 and self.lows[head.i - 1] in self.rules.coordinating_conjunctions \
                and self.capitalised[head.i - 2]:  # "les sociétés de sécurité Ambrey et UKMTO"
            first = head.i - 2
            while first > 0 and self.capitalised[first - 1]:
                first -= 1
            j = self._description_before(first)
        if j is None:
            return None
        noun = self.tokens[j]
        kinds = self.rules.descriptions.get(fold_quotes(noun.lemma_.lower())) or \
            self.rules.descriptions.get(self.lows[j])
        return Found(self._mention(start, end, "Actor", kinds[0], "pattern", 0.75), name,
                     self._english_named(self.lows[j], name))

    def _unit_named_of(self, end: int, name: str, head: Token, label: str) -> Found | None:
        """ "les brigades des Géants", "la brigade des Martyrs": an unknown name the model reads as
        a person right after a unit noun and "du" or "des" is the unit's name, and the phrase the
        unit (not "la division de Jean X")."""
        j = head.i - 1
        if label != "PER" or j < 1 or self.lows[j] not in self.rules.of_prepositions \
                or self.lows[j] in self.rules.place_of_prepositions \
                or self.lows[j - 1] not in self.rules.military_units or self._lookup(name) is not None:
            return None
        start = self.tokens[j - 1].idx
        return Found(self._mention(start, end, "Actor", "MilitaryUnit", "pattern", 0.7), self.text[start:end])

    def _description_before(self, i: int) -> int | None:
        """The definite description's noun right before the name at ``i``, past its lower-case
        adjectives ("le groupe jihadiste X") or a short "de" complement ("la société de sécurité
        maritime X", "l'agence de presse officielle X"); not a demonstrative one, which names
        again an actor of the text ("un porte-parole de ce mouvement armé Jean X": Jean X is
        the spokesman, no new name of the movement)."""
        j = i - 1
        while j > 0 and i - j < 6 and (self.tokens[j].text.islower() or self.lows[j] in self.rules.descriptions) \
                and (self.tokens[j].pos_ in ("ADJ", "NOUN") or self.lows[j] in self.rules.of_prepositions
                     or self.lows[j] in self.rules.articles):
            kinds = self.rules.descriptions.get(fold_quotes(self.tokens[j].lemma_.lower())) or \
                self.rules.descriptions.get(self.lows[j])
            if kinds and self.tokens[j].pos_ == "NOUN":  # "le groupe X", "du groupe X"
                return j if self._definite_before(j) else None
            if self.tokens[j].pos_ != "ADJ" and i - j == 1:
                return None  # a noun, "de" or an article right before the name: no description's
            j -= 1
        return None

    def _definite_before(self, j: int) -> bool:
        """Whether the noun at ``j`` opens on a definite article or a contracted one ("le groupe",
        "du groupe"), not a demonstrative ("ce groupe")."""
        return (self.lows[j - 1] in self.rules.definite_determiners and not _demonstrative_det(self.tokens[j])) \
            or self.lows[j - 1] in self.rules.contracted_articles

    def _narrow_to_known(self, start: int, end: int, name: str) -> tuple[int, int, str, KBEntry | None]:
        """The span and its KB entry; for an unknown name of several words, the known part,
        unless a body's noun opens the name and a lower-case complement goes on with it
        ("Alliance de la fraternité": no town "Alliance")."""
        entry = self._lookup(name) or self._english_named_at(start, name)
        if entry is None and " " in name:
            part = self._known_part(name)
            after = self._token_index(start + len(part[1]) - 1) + 1 if part is not None else 0
            if part is not None and not (part[0] == 0 and (
                    self._name_goes_on(after) or self._body_complement_name(part[1], after, end))):
                start, name = start + part[0], part[1]
                return start, start + len(name), name, self._lookup(name)
        return start, end, name, entry

    def _body_complement_name(self, part: str, after: int, end: int) -> bool:
        """Whether a name's known first word is a body's noun ("Alliance", "Unité") and the rest
        of the name, from token ``after`` to ``end``, its lower-case "de" complement."""
        return fold_quotes(part).lower() in _complement_heads(self.rules) \
            and self._complement_end(after) == self._token_index(end - 1) + 1

    def _ner_person(self, start: int, end: int, name: str, head: Token | None) -> Found | None:
        if fold_quotes(name).lower() in self.rules.person_titles or fold_quotes(name).lower() in self.rules.name_titles:
            return None  # "Mme" alone, "Général" before a name the model tags apart: a title, no name
        if " " not in name and head is not None and head.pos_ not in ("PROPN", "NOUN", "X") \
                and not self._after_title(head):  # "M. Bisimwa", the name tagged an adjective
            return None
        if head is not None and (self._after_place_preposition(head) or self._listed_after_place(head)) \
                and (" " not in name or self._after_near(head)) or self._placed_by_context(head, end, name):
            return Found(self._mention(start, end, "Region", "Place", "ner", 0.6), name)  # "près de Tumbun Gini"
        return Found(self._mention(start, end, "Actor", "Person", "ner", 0.75), name)

    def _placed_by_aside(self, head: Token | None, end: int) -> bool:
        """ "lancé de Tonghae, dans l'est du pays", "des tirs sur Kfar Meron, au nord de Safed": a
        name after a locative preposition or "de" whose aside places it (a locative preposition and
        a point of the compass, or a place noun) is a place, whatever person the model reads."""
        if head is None or head.i < 1 or self._after_title(head):
            return False
        before = self.lows[head.i - 1]
        if before not in self.rules.locative_prepositions and before not in self.rules.place_of_prepositions:
            return False
        k = self._token_index(end - 1) + 1
        if k + 2 >= len(self.tokens) or self.tokens[k].text != ",":
            return False
        if self._place_noun_after(k + 1):
            return True
        j = k + 2 if self.lows[k + 1] in self.rules.locative_prepositions else k + 1
        while j < len(self.lows) and (self.lows[j] in self.rules.articles or self.lows[j] in self.rules.definite_determiners):
            j += 1
        return j > k + 1 and j < len(self.lows) and self.lows[j] in self.rules.compass_words

    def _listed_or_held(self, head: Token | None, end: int) -> bool:
        """A name listed after a place, or held by a subdivision after it (the two below)."""
        return self._listed_names_after_place(head, end) or self._held_after_preposition(head, end)

    def _held_after_preposition(self, head: Token | None, end: int) -> bool:
        """ "dans le district de Kamba de l'Etat de Kebbi": a name after a
        locative preposition or "de" that a subdivision holding it follows is a place."""
        if head is None or head.i < 1 or self._after_title(head):
            return False
        before = self.lows[head.i - 1]
        return (before in self.rules.locative_prepositions or before in self.rules.place_of_prepositions) \
            and self._container_after(end, True)

    def _container_after(self, end: int, complement: bool) -> bool:
        """A subdivision that holds the name ending at ``end``, in brackets ("Bashali Mokoto
        (territoire de Masisi)") or, when ``complement``, after "de" and an article
        ("Tambuwal de l'Etat de Sokoto"): the place noun, then "de" or "du"."""
        k = self._token_index(end - 1) + 1
        if k + 3 >= len(self.tokens):
            return False
        if self.tokens[k].text == "(":
            i = k + 1
        elif complement and self.lows[k] in self.rules.place_of_prepositions and self.lows[k + 1] in self.rules.articles:
            i = k + 2
        else:
            return False
        links = self.rules.place_of_prepositions | self.rules.articled_place_prepositions
        return self._place_noun_at(i) and self.lows[i + 1] in links

    def _placed_by_context(self, head: Token | None, end: int, name: str) -> bool:
        """Whether an aside, a list, a holder or a governing word makes a name a place (below)."""
        return self._placed_by_aside(head, end) or self._listed_or_held(head, end) \
            or self._placed_by_governor(head, name)

    def _placed_by_governor(self, head: Token | None, name: str) -> bool:
        """ "ont attaqué Fataha", "le marché de Kolba", "la société civile de Mamove": one unknown
        word the model reads as a person is a place as the object of a verb that takes a place
        (`place_object_verbs`) or as the "de" complement of a noun of a place's people or parts
        (`place_complement_nouns`), unless a title comes before it."""
        if head is None or " " in name or self._after_title(head):
            return False
        if self._object_of_place_verb(head):
            return True
        governor = head.head
        if head.dep_ != "nmod" or governor.pos_ != "NOUN" or head.i < 1 \
                or self.lows[head.i - 1] not in self.rules.place_of_prepositions:
            return False
        lemma = governor.lemma_.lower()
        after = self.lows[governor.i + 1] if governor.i + 1 < len(self.tokens) else ""
        return lemma in self.rules.place_complement_nouns or f"{lemma} {after}" in self.rules.place_complement_nouns

    def _object_of_place_verb(self, head: Token) -> bool:
        """Whether ``head`` is the object of a verb of `place_object_verbs`, by the parse, or right
        after it or past one noun or adverb ("ont attaqué samedi X", which the model may leave
        unparsed)."""
        if head.dep_ in ("obj", "xcomp") and head.head.pos_ == "VERB":
            return head.head.lemma_.lower() in self.rules.place_object_verbs
        for k in (head.i - 1, head.i - 2):
            if k < 0 or self.pos[k] not in ("VERB", "NOUN", "ADV"):
                return False
            if self.pos[k] == "VERB":
                return self.tokens[k].lemma_.lower() in self.rules.place_object_verbs
        return False

    def _after_place_preposition(self, head: Token) -> bool:
        """ "un commissariat à Jamundí", "près de Robotyné", "dans Bakhmout": one unknown word the
        model reads as a person is a place after a locative preposition; after one that also
        marks a verb's object ("concédé à X", "mis sur X") only as a noun's or an adjunct's."""
        words = self._prev_words(head.i, 2)
        if not words or self._after_title(head):
            return False
        if words[0] in self.rules.locative_prepositions:
            return words[0] not in self.rules.recipient_prepositions or head.dep_ in ("nmod", "obl:mod")
        return len(words) == 2 and words[0] in self.rules.place_of_prepositions \
            and words[1] in self.rules.locative_prepositions

    def _listed_after_place(self, head: Token) -> bool:
        """ "les bases du PKK à Gara, Hakurk, Metina et Qandil": one unknown word the model reads
        as a person in a list of one-word names whose first, after a locative preposition, is a
        place (the model's, or by the preposition) is a place too."""
        j = head.i - 1
        while j >= 2 and (self.tokens[j].text == "," or _low(self.tokens[j]) in self.rules.and_words) \
                and self.tokens[j - 1].text[:1].isupper():
            first = self.tokens[j - 1]
            if _low(self.tokens[j - 2]) in self.rules.locative_prepositions:
                return first.ent_type_ == "LOC" or self._after_place_preposition(first)
            j -= 2
        return False

    def _listed_names_after_place(self, head: Token | None, end: int) -> bool:
        """ "à Kfar Meron, Beit Alon, Tel Nof et Giv'at Shemer": names of several words in a list
        closed by "et" whose first, after a locative preposition inside its sentence, is a place
        the model reads, are places too, whatever persons the model reads."""
        if head is None or not self._list_closes_after(self._token_index(end - 1) + 1) and not (
                head.i > 0 and self.lows[head.i - 1] in self.rules.and_words):
            return False
        j = head.i - 1
        while j >= 2 and (self.tokens[j].text == "," or self.lows[j] in self.rules.and_words):
            k = self._capitalised_run_before(j)
            if k == j - 1:
                return False
            if self.lows[k] in self.rules.locative_prepositions and not self.tokens[k].is_sent_start:
                return all(t.ent_type_ == "LOC" and (t.i == k + 1 or t.ent_iob_ == "I") for t in self.tokens[k + 1:j])
            j = k
        return False

    def _capitalised_run_before(self, j: int) -> int:
        """The token before the capitalised words that end before ``j`` (inside their sentence)."""
        k = j - 1
        while k > 0 and self.capitalised[k] and not self.tokens[k].is_sent_start:
            k -= 1
        return k

    def _list_closes_after(self, i: int) -> bool:
        """Whether a list of capitalised names goes on from ``i`` to an "et" and a last name."""
        while i + 1 < len(self.tokens) and self.tokens[i].text == ",":
            i += 1
            while i < len(self.tokens) and self.capitalised[i]:
                i += 1
        return i + 1 < len(self.tokens) and self.lows[i] in self.rules.and_words and self.capitalised[i + 1]

    def _after_near(self, head: Token) -> bool:
        """After a locative phrase of two words ("près de", "non loin de"), which a person's name
        hardly follows: a name of several words there is a place too."""
        words = self._prev_words(head.i, 2)
        return len(words) == 2 and words[0] in self.rules.place_of_prepositions \
            and words[1] in self.rules.locative_prepositions

    def _ner_organisation(self, start: int, end: int, name: str, head: Token | None) -> Found:
        """An unknown organisation the model reads, or a place: one after a lower-case noun
        or a preposition whose bracketed aside names the subdivision that holds it ("le
        groupement Bashali Mokoto (territoire de Masisi)")."""
        if head is not None and head.i > 0 and self.tokens[head.i - 1].text.islower() \
                and self.tokens[head.i - 1].pos_ in ("NOUN", "ADP") and self._container_after(end, False):
            return Found(self._mention(start, end, "Region", "Place", "ner", 0.6), name)
        return Found(self._mention(start, end, "Actor", self._organisation_kind(name), "ner", 0.7), name)

    def _organisation_kind(self, name: str) -> str:
        """ "l'Armée de libération nationale": a word of the name makes it an armed group."""
        words = {fold_quotes(w) for w in re.split(r"[\s'’-]+", name.lower())}
        return "Group" if words & self.rules.group_name_words else "Organization"

    def _ner_place(self, start: int, end: int, name: str, head: Token | None) -> Found:
        found = self._region_of_place_noun(None, start, end, name, head) \
            or self._subdivision_after_noun(start, end, name)
        return found or Found(self._mention(start, end, "Region", "Place", "ner", 0.65), name)

    def _subdivision_after_noun(self, start: int, end: int, name: str) -> Found | None:
        """ "l'État Shan", "l'Etat Rakhine": a subdivision's noun right before a name the KB
        knows as a subdivision (no "de" between) is that subdivision."""
        noun, _, rest = name.strip().partition(" ")
        nouns = {strip_accents(k) for k, kind in self.rules.place_nouns.items() if kind == "AdministrativeRegion"}
        if not rest[:1].isupper() or strip_accents(noun.lower()) not in nouns:
            return None
        entry = self._lookup(rest, ("AdministrativeRegion",))
        if entry is None:
            return None
        return Found(self._mention(start, end, "Region", "AdministrativeRegion", "pattern", 0.85), rest, entry)

    #: what an unknown name is by the model's label (MISC without KB support: too noisy to keep)
    _NER_LABELS = {"PER": _ner_person, "ORG": _ner_organisation, "LOC": _ner_place}

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
            place_preposition = before and before[0].pos_ == "ADP" and prev not in self.rules.agent_prepositions \
                and prev not in self.rules.speech_introducers
            return not place_preposition and prev not in self.rules.locative_prepositions \
                and not self._in_dateline(head)
        # provinces and regions do take one ("la Kapisa", "le Tessin")
        return entry.kind == "City" and prev in self.rules.definite_determiners \
            and not self._named_with(name, prev)

    def _titled_place(self, entry: KBEntry, start: int, head: Token | None) -> bool:
        """ "M. Hollande", "le général Kidal", "le président Hollande", "l'ancien président
        américain X": a name the KB knows as a place (a state's other name, a town) right after
        a person's title, a rank or a leader's role (no comma between) is that person."""
        if head is None or head.i < 1 or entry.kind not in _PLACE_KINDS + ("Continent",):
            return False
        before = self.tokens[head.i - 1]
        if not before.text[:1].isalpha():
            return False
        return self._after_title(head) or self.lows[head.i - 1] in self.rules.name_titles \
            or start in self._role_names

    def _after_title(self, head: Token) -> bool:
        """After "M.", "Mme", or a rank with its complement ("le général de brigade X")."""
        prev = self._prev_words(head.i, 3)
        return bool(prev) and (prev[0] in self.rules.person_titles or len(prev) == 3 and prev[0] in
                               self.rules.rank_complements and prev[2] in self.rules.name_titles)

    def _token_at(self, offset: int) -> Token | None:
        """The token at a character offset, found once per offset (the finders ask again)."""
        token = self._tokens_at.get(offset, _UNSEEN)
        if token is _UNSEEN:
            span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
            token = self._tokens_at[offset] = span[0] if span is not None and len(span) else None
        return token

    def _from_entry(self, entry: KBEntry, start: int, end: int, name: str, head: Token | None,
                    method: str) -> Found | None:
        seat = self._seat_acting(start, end, name, head) or self._state_forces(entry, start, end, name)
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
            if self._is_rubric(start, end):  # "Syrie : ...": the topic, a place unless it acts elsewhere
                return Found(self._mention(start, end, "Region", "Country", "rubric", 0.9), name, entry)
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

    def _state_forces(self, entry: KBEntry, start: int, end: int, name: str) -> Found | None:
        """ "les Forces armées maliennes (FAMa)": a state's national armed forces, named or by
        their acronym, are the state (`state_forces`)."""
        state_name = _state_forces(self.rules).get(normalize_label(kb_label(entry, self.lang)))
        state = self._lookup(state_name, _STATE_KINDS) if state_name else None
        if state is None:
            return None
        return Found(self._mention(start, end, "Actor", "State", "metonymy", 0.75), kb_label(state, self.lang), state)

    def _region_of_place_noun(self, entry, start, end, name, head) -> Found | None:
        """'la région de Koursk': the mention covers 'région de Koursk'."""
        if head is None:
            return None
        before = self._prev_tokens(head.i, 2)
        noun_key = self._place_noun_key(before[1]) if len(before) == 2 else None
        if noun_key is not None and _low(before[0]) in self.rules.place_of_prepositions:
            kind = self.rules.place_nouns[noun_key]
            if kind == "Country":
                return None
            j = head.i - 1
            while self.tokens[j].is_space or self.lows[j] in self.rules.place_of_prepositions:
                j -= 1
            noun = self.tokens[j]
            if kind == "AdministrativeRegion" and self._indefinite_before(noun):
                return None  # "un district de Mossoul" is a part of Mossoul
            end, name, other = self._with_compass_part(start, end, name)
            phrase = self.text[noun.idx:end]
            # the entry must be of the place noun's kind: "région de Kharkiv" is the oblast,
            # not the city; when the KB has no such entry the linker decides from the phrase
            entry = self._lookup(phrase, (kind,)) or self._lookup(name, (kind,)) \
                or (self._lookup(other, (kind,)) if other else None)
            return Found(self._mention(noun.idx, end, "Region", kind, "pattern", 0.85), name, entry)
        return None

    def _with_compass_part(self, start: int, end: int, name: str) -> tuple[int, str, str | None]:
        """The name from ``start`` to ``end`` with the capitalised point of the compass that
        follows it ("la région du Kordofan de l'Ouest"), its new end, and the name with the
        point as an adjective, as a KB may write it ("Kordofan occidental",
        `compass_part_adjectives`; None when there is no point or no such adjective)."""
        past = self._compass_part_end(self._token_after(end))
        if past is None:
            return end, name, None
        adjective = self.rules.compass_part_adjectives.get(self.lows[past - 1])
        other = f"{name} {adjective}" if adjective else None
        end = self.ends[past - 1]
        return end, self.text[start:end], other

    def _media_phrases(self):
        """ "le quotidien Haaretz", "l'agence Irna": a medium even when NER misses its name."""
        for token in self._tokens_in(self.rules.media_heads):
            span = self._media_name_after(token)
            if span is None:
                continue
            start, end = self._known_medium_of(*span)
            name = self.text[start:end]
            entry = self._lookup(name)
            if entry is not None and entry.kind not in ("Media", "Organization") \
                    or normalize_label(name) in self.rules.not_names:  # "son site Internet"
                continue
            yield Found(self._mention(start, end, "Actor", "Media", "pattern", 0.8), name, entry)

    def _known_medium_of(self, start: int, end: int) -> tuple[int, int]:
        """The known medium opening the capitalised words after a medium's noun, when the words
        go on into a speaker's name ("a précisé à l'agence Interfax Ivan Petrov")."""
        name = self.text[start:end]
        if " " not in name or self._lookup(name) is not None:
            return start, end
        words = name.split(" ")
        for size in range(len(words) - 1, 0, -1):
            head = " ".join(words[:size])
            entry = self._lookup(head)
            if entry is not None and entry.kind == "Media":
                return start, start + len(head)
        return start, end

    def _state_media(self):
        """ "d'après la radio d'État, qui ...": a medium's noun and a word that makes it a state's
        ("d'État", "publique"), with no name after it nor before its comma, named as a source
        or a speaker, is a medium of its own, named by the phrase (with its demonym)."""
        for token in self._tokens_in(self.rules.media_heads, 2, 2):
            if not self._as_source(token):
                continue
            j = token.i + 1
            glued = (self.lows[j] + self.lows[j + 1]) if not self.tokens[j].whitespace_ else ""
            j += 2 if glued in self.rules.state_media_words else 1 if self.lows[j] in self.rules.state_media_words else 0
            if j == token.i + 1:
                continue
            j += j < len(self.tokens) and self.lows[j] in self.rules.demonyms
            if j < len(self.tokens) and (self.capitalised[j] or self._glued_particle(self.tokens[j])) \
                    or self.lows[token.i - 2] == ",":
                continue  # "la télévision publique RTS" / "al-X", "la RTP, la télévision d'État": the name's
            end = self.tokens[j - 1].idx + len(self.tokens[j - 1].text)
            yield Found(self._mention(token.idx, end, "Actor", "Media", "pattern", 0.65), self.text[token.idx:end])

    def _as_source(self, noun: Token) -> bool:
        """A definite noun after a source's preposition ("selon la radio") or the subject of a
        speech verb."""
        if self.lows[noun.i - 1] not in self.rules.articles:
            return False
        before = self.tokens[noun.i - 2]
        glued = "" if noun.i < 3 or self.tokens[noun.i - 3].whitespace_ else self.lows[noun.i - 3] + self.lows[noun.i - 2]
        return self.lows[before.i] in self.rules.speech_introducers or glued in self.rules.speech_introducers or (
            noun.dep_.startswith("nsubj") and noun.head.lemma_ in self.rules.speech_verbs)

    def _media_name_after(self, head: Token) -> tuple[int, int] | None:
        """The offsets of the capitalised words (up to four, and the lower-case links between
        them: "Global New Light of Myanmar") after a medium's noun, its lower-case adjectives, its
        "de" complement and an opening quote ("l'agence officielle Sana", "la télévision publique
        RTS", "le site d'actualités « Koaci »")."""
        first = self._media_name_start(head)
        if first >= len(self.tokens):
            return None
        j, words = first, 0
        while j < len(self.tokens) and words < 4 and self._media_name_word(self.tokens[j]):
            words += self.lows[j] not in self.rules.media_name_links and self.lows[j] != "-" \
                and self.lows[j] not in self.rules.name_particles  # "al-Araby al-Jadeed": two words
            j += 1
        while j > first and self.lows[j - 1] in self.rules.media_name_links:
            j -= 1  # a link word ends no name
        if j == first:
            return None
        return self.tokens[first].idx, self.tokens[j - 1].idx + len(self.tokens[j - 1].text)

    def _media_name_start(self, head: Token) -> int:
        """The first word after a medium's noun past its lower-case adjectives (a demonym the
        parser tags a name too), its "de" complements of the rules ("d'actualités", "de presse",
        "d'État"), in any order ("l'agence de presse officielle kényane X", "la chaîne de
        télévision d'État X"), and an opening quote."""
        first, n = head.i + 1, len(self.tokens)
        while first < n and first < head.i + 6:
            t = self.tokens[first]
            if t.text.islower() and (t.pos_ == "ADJ" or self.lows[first] in self.rules.demonyms) \
                    and not self._glued_particle(t):
                first += 1
            elif first + 1 < n and fold_quotes(self.lows[first]) in self.rules.place_of_prepositions \
                    and self.lows[first + 1] in self.rules.media_complements:
                first += 2
            else:
                break
        if first + 1 < n and self.tokens[first].text in _OPENING_QUOTES and self.capitalised[first + 1]:
            first += 1
        return first

    def _glued_particle(self, t: Token) -> bool:
        """A lower-case name particle glued to a hyphen before a capitalised word ("al" of "la
        chaîne al-Masirah"): the name's first word, no adjective of the noun before it."""
        return self.lows[t.i] in self.rules.name_particles and t.i + 2 < len(self.tokens) \
            and not t.whitespace_ and self.tokens[t.i + 1].text == "-" and self.capitalised[t.i + 2]

    def _media_name_word(self, t: Token) -> bool:
        """A capitalised word that is no punctuation nor demonym, a hyphen glued between two
        words of the name ("le journal Al-Sudani"), a lower-case particle glued to the name's
        hyphen ("la chaîne al-Masirah"), or a link word before a capitalised word ("Voice of
        America")."""
        if self._glued_particle(t):
            return True
        if 0 < t.i < len(self.tokens) - 1 and (t.text == "-" and not self.tokens[t.i - 1].whitespace_
                                               and not t.whitespace_ or self.lows[t.i] in self.rules.media_name_links):
            return self.capitalised[t.i + 1] and self.tokens[t.i + 1].text not in _OPENING_QUOTES
        return _CAPITALISED.match(t.text) is not None and not t.is_punct and t.lower_ not in self.rules.demonyms

    def _spelled_names(self):
        """ "le Groupe de soutien à l'islam et aux musulmans (GSIM)", "la police nationale
        d'Haïti (PNH)", "l'État-Major central (EMC)": the words before a bracketed acronym whose
        initials spell it are one name, however the model cut them; the brackets may go on with
        a gloss ("l'Union des forces de la résistance (UFR, coalition des ...)")."""
        for token in self._tokens_in(("(",), 2):  # the opening brackets
            close = self._acronym_close(token)
            if close is None:
                continue
            acronym = self.text[self.tokens[token.i + 1].idx:self.tokens[close].idx]
            first = self._long_form_start(token.i, acronym)
            if first is None:
                continue
            last = self.tokens[token.i - 1]
            start, end = self.tokens[first].idx, last.idx + len(last.text)
            name = self.text[start:end]
            if fold_quotes(name).lower() in self.rules.state_organs:
                yield from self._spelled_organ(start, end, self.tokens[token.i + 1].idx, acronym)
                continue
            entry = self._lookup(name)
            if self._spelled_non_actor(name, entry):
                continue
            kind = entry.kind if entry else self._organisation_kind(name)
            forces = self._state_forces(entry, start, end, name) if entry else self._army_of_demonym(first, end, name)
            yield forces or Found(self._mention(start, end, "Actor", kind, "pattern", 0.75), name, entry)
            inner = self.tokens[token.i + 1]
            if self.tokens[close].text == ",":  # the model tags no acronym glossed in its brackets
                yield Found(self._mention(inner.idx, inner.idx + len(acronym), "Actor", kind, "pattern", 0.7),
                            acronym, self._lookup(acronym))

    def _complement_names(self):
        """ "le Conseil de souveraineté au Soudan", l'"Alliance de la fraternité": a body's
        capitalised noun ("Conseil", "Alliance", "Front") that the model reads alone as a name,
        or that opens a quoted name, with a "de" complement of lower-case words right after it
        (an article between), is one body named with them, up to the first word of another
        kind; quoted, the name must close on its quote. The body takes its noun's first kind,
        or the KB's entry of the whole name; no place the noun alone would give ("Alliance")."""
        for token in self._tokens_in(_complement_heads(self.rules)):
            end = self._complement_name_end(token.i)
            if end is None:
                continue
            start, stop = token.idx, self.ends[end - 1]
            name = self.text[start:stop]
            entry = self._lookup(name)
            kind = entry.kind if entry is not None else (self._body_noun_kinds(name) or ["Organization"])[0]
            if entry is None or entry.kind not in _REGION_KINDS + _WEAPON_KINDS + ("Person",):
                yield Found(self._mention(start, stop, "Actor", kind, "pattern", 0.7), name, entry)

    def _complement_name_end(self, i: int) -> int | None:
        """The end of the name a capitalised body noun at ``i`` opens with its lower-case
        complement: when the model reads the noun alone as a name, or when a quote opens right
        before it and closes right after the complement; else None."""
        if not self.capitalised[i] or i == 0:
            return None
        quoted = self.texts[i - 1] in _OPENING_QUOTES
        alone = self.tokens[i].ent_iob_ == "B" and (i + 1 >= len(self.tokens) or self.tokens[i + 1].ent_iob_ != "I")
        end = self._complement_end(i + 1) if quoted or alone else None
        if end is None or quoted and (end >= len(self.tokens) or fold_quotes(self.texts[end]) != '"'):
            return None
        return end

    def _complement_end(self, i: int) -> int | None:
        """After "de"/"du"/"des" at ``i`` (and an article), the end of the one to three lower-case
        nouns and adjectives that follow (the model may tag the noun a proper one), the first a
        noun, and of a second such complement right after ("Unité de protection du peuple");
        None when there are none."""
        end = self._one_complement_end(i)
        further = self._one_complement_end(end) if end is not None else None
        return further or end

    def _one_complement_end(self, i: int) -> int | None:
        """The end of one lower-case "de" complement at ``i`` (see ``_complement_end``)."""
        n = len(self.tokens)
        if i >= n or self.lows[i] not in self.rules.of_prepositions:
            return None
        j = i + 1 + (i + 1 < n and self.lows[i + 1] in self.rules.definite_determiners)
        k = j
        while k < n and k - j < 3 and self.texts[k].isalpha() and self.texts[k].islower() \
                and self.pos[k] in ("NOUN", "PROPN", "ADJ"):
            k += 1
        return k if k > j and self.pos[j] != "ADJ" else None

    def _army_demonym_state(self, demonym: str, end: int) -> str | None:
        """The state of the demonym closing an army phrase that ends at ``end`` ("Forces armées
        centrafricaines"), unless a lower-case adjective goes on with the name there."""
        state = self.rules.demonyms[demonym.lower()]
        if self._adjective_at(end) or self._lookup(state, _STATE_KINDS) is None:
            return None
        return state

    def _adjective_at(self, offset: int) -> bool:
        """Whether the first word at or after ``offset`` is a lower-case adjective."""
        i = self._token_after(offset)
        return i < len(self.tokens) and self.pos[i] == "ADJ" and self.texts[i].islower()

    def _army_of_demonym(self, first: int, end: int, name: str) -> Found | None:
        """ "les Forces armées tchadiennes (FAT)": an army phrase and a demonym before the
        acronym they spell are the state (see ``_state_of_phrase``)."""
        state = self._state_of_phrase(fold_quotes(name), end)
        entry = self._lookup(state, _STATE_KINDS) if state is not None else None
        if entry is None:
            return None
        return self._from_entry(entry, self.tokens[first].idx, end, name, self.tokens[first], "demonym")

    def _long_form_start(self, bracket: int, acronym: str) -> int | None:
        """The first word of the long form before the bracketed ``acronym``: the words whose
        initials spell it (past lower-case adjectives if need be), else a determined name
        (``_determined_name_start``); an acronym written as a word ("(Garsi, gendarmerie)",
        "(Minusma)") only by the initials it spells."""
        titled = _titled_acronym(acronym)
        if not titled and not _looks_like_acronym(acronym):
            return None
        spelled = strip_accents(acronym.replace(".", "")).upper()
        first = self._spelled_start(bracket, spelled)
        if first is None:  # "la Mission multinationale de soutien à la sécurité (MSS)"
            first = self._spelled_start(bracket, spelled, skip_adjectives=True)
        if first is None and not titled:
            first = self._determined_name_start(bracket)
        return first

    def _spelled_non_actor(self, name: str, entry: KBEntry | None) -> bool:
        """Whether the words an acronym spells name no actor: a common noun of the rules ("la 1ère
        Région militaire (RM)") or a place, a weapon or a person the KB knows."""
        if normalize_label(name) in self.rules.not_names:
            return True
        return entry is not None and entry.kind in _REGION_KINDS + _WEAPON_KINDS + ("Person",)

    def _spelled_organ(self, start: int, end: int, inner: int, acronym: str):
        """ "les Forces de défense et de sécurité (FDS)": a state organ's common name and the
        acronym it spells are that organ, the state of the context (grouping decides)."""
        for a, b in ((start, end), (inner, inner + len(acronym))):
            yield Found(self._mention(a, b, "Actor", "State", "organ", 0.6), self.text[a:b], refers_to=_STATE_KINDS)

    def _acronym_close(self, token: Token) -> int | None:
        """After an opening bracket, the closing bracket or comma of one word in it, which the
        tokenizer may cut at hyphens ("(SPLA-IO)"); None elsewhere."""
        if self.texts[token.i] != "(" or token.i < 2:
            return None
        for k in range(token.i + 2, min(token.i + 5, len(self.tokens))):
            if self.texts[k] in (")", ","):
                return k
            if self.tokens[k - 1].whitespace_:
                return None
        return None

    #: how many words back from its brackets an acronym's long form may start
    _SPELLED_WINDOW = 18

    def _spelled_start(self, bracket: int, acronym: str, skip_adjectives: bool = False) -> int | None:
        """The first word of the shortest run before ``bracket`` whose initials (small words
        left out, hyphenated and elided words split; with ``skip_adjectives``, lower-case
        adjectives too) spell ``acronym``, if it opens on a noun or a name."""
        initials = ""
        for k in range(bracket - 1, max(bracket - self._SPELLED_WINDOW, -1), -1):
            t = self.tokens[k]
            if _breaks_long_form(t):
                return None
            if skip_adjectives and self.pos[k] == "ADJ" and t.text.islower():
                continue
            parts = self._spelled_parts(t)
            initials = "".join(strip_accents(p[0]).upper() for p in parts if p[0].isalpha()) + initials
            if not acronym.endswith(initials):
                return None
            if initials == acronym and parts and self._opens_long_form(t):
                return k
        return None

    #: the most words of a long form an acronym does not spell
    _DETERMINED_WINDOW = 9

    def _determined_name_start(self, bracket: int) -> int | None:
        """ "le Gouvernement d'union nationale (GNA)": an acronym of another language spells
        no word of the name; a capitalised noun right after a determiner, up to nine words
        before the brackets, opens the name it stands for (two words at least); after a
        contracted article the name may start further back ("l'Armée populaire de libération
        du Soudan en opposition (SPLA-IO)", not "Soudan en opposition")."""
        best = None
        for k in range(bracket - 1, max(bracket - self._DETERMINED_WINDOW - 1, 0), -1):
            t = self.tokens[k]
            if _breaks_long_form(t) or best is not None and t.pos_ in ("VERB", "AUX", "NUM", "PRON"):
                return best  # "les Etats-Unis avaient attaqué cinq bases du Hezbollah irakien (KH)"
            if self.lows[k - 1] in self.rules.definite_determiners or self.lows[k - 1] + " " in self.rules.determiners:
                if not (bracket - k >= 2 and self.capitalised[k] and t.pos_ in ("NOUN", "PROPN")):
                    if best is None and self._lowercase_complement(k):
                        continue  # "les Forces de défense de la population (PDF)"
                    return best
                best = k
                if self.lows[k - 1] not in self.rules.of_prepositions and self.lows[k - 2] not in self.rules.of_prepositions:
                    return best  # "du X", "de l'X" go on back
        return best

    def _lowercase_complement(self, k: int) -> bool:
        """Whether token ``k`` is a lower-case noun of a "de la" or "à la" complement inside a
        name ("le Soutien à la sécurité multinationale (MSS)")."""
        link = k - 2
        return k >= 2 and not self.capitalised[k] and (self.lows[link] in self.rules.of_prepositions or (
            self.pos[link] == "ADP" and self.lows[link] in self.rules.acronym_skip_words))

    def _spelled_parts(self, t: Token) -> list[str]:
        """The parts of a word that count in an acronym: hyphenated and elided words split,
        the rules' small words left out."""
        return [p for p in re.split(r"[-'’]", t.text) if p and p.lower() not in self.rules.acronym_skip_words]

    def _opens_long_form(self, t: Token) -> bool:
        """Whether an acronym's long form can open on a word: a noun or a capitalised name."""
        return t.pos_ in ("NOUN", "PROPN") and (self.capitalised[t.i] or t.pos_ == "NOUN")

    def _site_names(self):
        """ "la place Tayran", "l'hôpital Amai Pakpak", "le fort Paramacay", "les places Tayran et
        Wathba": the capitalised words right after a lower-case site noun (its lower-case
        adjectives between: "la base aérienne Osman Digna") name a place, the first joined to
        the noun's phrase, whatever person the model reads or misses."""
        for token in self._tokens_in(self.rules.site_nouns):
            first = self._site_name_start(token)
            start = token.idx
            while first < len(self.tokens) and self.capitalised[first] and self.tokens[first].is_alpha:
                last = self._capitalised_run(first)
                item = self._site_name(start, first, last, self.lows[token.i] in self.rules.place_nouns)
                if item is None:
                    break
                yield item
                if last + 1 >= len(self.tokens) or self.lows[last] not in self.rules.coordinating_conjunctions:
                    break
                first, start = last + 1, self.tokens[last + 1].idx

    def _facility_sites(self):
        """ "l'aéroport international de X", "le camp de réfugiés de Y", "la base aérienne d'Z": a
        facility noun after a definite article, its lower-case adjectives (or one lower-case "de"
        complement) between, and a place's name after "de" are a site of its own, a place named by
        the whole phrase (the place's name in it stays a mention of that place, and the one the
        relation and statement rules read: method "facility")."""
        for token in self._tokens_in(self.rules.facility_site_nouns):
            if token.i == 0 or not token.text.islower() or self.pos[token.i] != "NOUN" \
                    or self.lows[token.i - 1] not in self.rules.definite_determiners:
                continue
            end = self._facility_place_end(self._past_facility_words(token.i + 1))
            if end is not None:  # named without the town it stands in, as it is named again
                start, stop = token.idx, self.ends[end - 1] - self.texts[end - 1].endswith(".")
                town = self.ends[self._facility_town_end(end) - 1]
                yield Found(self._mention(start, max(stop, town), "Region", "Building", "facility", 0.7),
                            self.text[start:stop])

    def _past_facility_words(self, i: int) -> int:
        """The index past a facility noun's lower-case adjectives (two at most) or its one
        lower-case "de" complement ("le camp de réfugiés de X")."""
        first = i
        while i < len(self.tokens) and i - first < 2 and self.pos[i] == "ADJ" and self.tokens[i].text.islower():
            i += 1
        if i == first and i + 2 < len(self.tokens) and self.lows[i] in self.rules.of_prepositions \
                and self.pos[i + 1] in ("NOUN", "ADJ", "VERB") \
                and self.tokens[i + 1].text.islower() and self.lows[i + 2] in self.rules.of_prepositions:
            i += 2
        return i

    def _facility_town_end(self, end: int) -> int:
        """The end of a facility's phrase past the town it stands in, known to the KB as a place
        ("l'ambassade de X à Y"), else ``end``."""
        if end + 1 >= len(self.tokens) or self.lows[end] not in self.rules.facility_town_prepositions \
                or not self.capitalised[end + 1]:
            return end
        last = self._capitalised_run(end + 1)
        entry = self._lookup(self.text[self.starts[end + 1]:self.ends[last - 1]])
        return last if entry is not None and entry.kind in _REGION_KINDS else end

    def _facility_place_end(self, i: int) -> int | None:
        """The index past the place a facility's "de" introduces at ``i`` ("d'Erbil", "du W",
        "des Virunga"), None when none does or the name is known as no place."""
        if i >= len(self.tokens) or self.lows[i] not in self.rules.of_prepositions:
            return None
        first = i + 1
        if first < len(self.tokens) and self.lows[first] in self.rules.definite_determiners:
            first += 1
        if first >= len(self.tokens) or not self.capitalised[first] \
                or not self.texts[first].rstrip(".").replace("-", "").isalpha() or self.tokens[first].ent_type_ == "PER":
            return None
        last = self._capitalised_run(first)
        name = self.text[self.tokens[first].idx:self.ends[last - 1]].rstrip(".")  # "du W." at a sentence's end
        entry = self._lookup(name)
        if normalize_label(name) in self.rules.not_names or (entry is not None and entry.kind not in _REGION_KINDS):
            return None
        return last

    def _site_name_start(self, token: Token) -> int:
        """Where the name after a site noun opens, past two lower-case adjectives ("la base
        aérienne X"); past the text's end when the word is no site noun."""
        if not token.text.islower() or self.pos[token.i] != "NOUN" and (
                token.i == 0 or self.lows[token.i - 1] not in self.rules.definite_determiners):
            return len(self.tokens)  # "le fort Paramacay" tagged an adjective: a noun after its article
        first = token.i + 1
        while first < len(self.tokens) and first - token.i <= 2 and self.pos[first] == "ADJ" \
                and self.tokens[first].text.islower():
            first += 1
        return first

    def _site_name(self, start: int, first: int, last: int, unknown_only: bool) -> Found | None:
        """The place a site noun names from ``first`` to ``last``, unless the name is known as
        something else than a place or is no name; after a noun of places ("la capitale X"),
        only a name the KB does not know (the known ones are read as their place)."""
        last = self._site_name_end(first, last)
        end = self.ends[last - 1]
        name = self.text[self.tokens[first].idx:end]
        entry = self._lookup(name)
        if normalize_label(name) in self.rules.not_names or (entry is not None and entry.kind not in _REGION_KINDS) \
                or (unknown_only and entry is not None):
            return None
        return Found(self._mention(start, end, "Region", "Place", "pattern", 0.75), name, entry)

    def _described_names(self):
        """ "les terroristes du groupe Maute", "le mouvement X" where the model tags no name: the
        capitalised proper nouns right after a description's noun and its article (its
        lower-case adjectives between), unknown to the KB, are an actor of the noun's first kind."""
        i = 1
        while i < len(self.tokens):
            if not (self.capitalised[i] and self.pos[i] == "PROPN" and self.tokens[i].is_alpha
                    and not self.capitalised[i - 1]):
                i += 1
                continue
            last = self._capitalised_run(i)
            j = self._description_before(i)
            name = self.text[self.tokens[i].idx:self.ends[last - 1]]
            if j is not None and self._lookup(name) is None and normalize_label(name) not in self.rules.not_names:
                noun = self.tokens[j]
                kinds = self.rules.descriptions.get(fold_quotes(noun.lemma_.lower())) or \
                    self.rules.descriptions.get(self.lows[j])
                yield Found(self._mention(self.tokens[i].idx, self.ends[last - 1], "Actor", kinds[0], "pattern", 0.7),
                            name, self._english_named(self.lows[j], name))
            i = last

    def _english_named_at(self, start: int, name: str) -> KBEntry | None:
        """The KB's actor named by its English label on the description noun right before the
        name at ``start`` ("Le groupe Maute a revendiqué")."""
        token = self._token_at(start)
        j = self._description_before(token.i) if token is not None and token.i > 1 else None
        return self._english_named(self.lows[j], name) if j is not None else None

    def _english_named(self, noun: str, name: str) -> KBEntry | None:
        """The actor the KB knows only by an English label on the description's noun ("le
        groupe Maute": "Maute group")."""
        form = self.rules.english_name_forms.get(noun)
        entry = self._lookup(form.format(name)) if form else None
        return entry if entry is not None and entry.kind not in _REGION_KINDS else None

    def _site_name_end(self, first: int, last: int) -> int:
        """The end of a site's name that goes on past "de" with words naming nothing known
        ("l'aéroport Charles de Gaulle"), not past a known place ("l'hôpital Al-Shifa de Gaza")."""
        if last + 1 >= len(self.tokens) or self.lows[last] not in self.rules.place_of_prepositions \
                or not self.capitalised[last + 1]:
            return last
        longer = self._capitalised_run(last + 1)
        return last if self._lookup(self.text[self.tokens[last + 1].idx:self.ends[longer - 1]]) else longer

    def _place_phrases(self):
        """ "la région de Koursk", "la ville d'Avdiïvka": a place even when NER misses the name."""
        for token in self._tokens_in(self.rules.place_nouns):
            kind = self.rules.place_nouns.get(self.lows[token.i])
            if kind is None or kind == "Country" or token.i + 2 >= len(self.tokens):
                continue
            if kind == "AdministrativeRegion" and self._indefinite_before(token):
                continue  # "un district de Kaboul" is a part of Kaboul, not a district so named
            first = self._past_name_article(self._place_name_start(token, kind))
            if first is None or not self.tokens[first].text[:1].isalpha():
                continue  # "faire état de 31 morts": no name
            last = self._capitalised_run(first)
            if last == first:
                continue
            last = self._known_longer_name(first, last)
            if last < len(self.tokens) and self.lows[last] in self.rules.compass_adjectives:
                last += 1  # "l'Etat du Nil oriental": a place of its own, not the KB's "État du Nil"
            item = self._place_phrase(token, kind, first, last)
            if item is not None:
                yield item

    def _listed_places(self):
        """ "les localités de Sabu, Tembo et Kilima Nord", "les villages (frontaliers) de A et B",
        "les villages libanais de C, D et E":
        the names listed after a plural place noun and "de", the list closed by "et", are places
        of the noun's kind, whatever persons or bodies the model reads; the first is the noun's
        phrase (read by the other finders) unless an aside parts them.  A list with a name the
        KB knows as no place is none."""
        for token in self.tokens:
            kind = self._plural_place_noun(token)
            if kind is None:
                continue
            after = self._past_list_adjectives(self._past_bracket(token.i + 1))
            if after + 1 >= len(self.tokens) or self.lows[after] not in self.rules.place_of_prepositions:
                continue
            members = self._name_list(after + 1)
            if not members or any(self._known_no_place(a, b) for a, b in members):
                continue
            for a, b in members[0 if after > token.i + 1 else 1:]:
                if not self._model_place(a, b):
                    yield self._listed_place(a, b, kind)

    def _plural_place_noun(self, token: Token) -> str | None:
        """The kind of a plural place noun of a subdivision or a town ("les localités"), else None."""
        if not self.lows[token.i].endswith(("s", "x")):
            return None  # the cheapest test first: it runs on every word
        key = self._place_noun_key(token)
        kind = self.rules.place_nouns.get(key) if key is not None else None
        return None if kind in (None, "Country") or not self._plural(token) else kind

    def _past_bracket(self, i: int) -> int:
        """The index past a short bracketed aside opening at ``i`` (else ``i``)."""
        if i >= len(self.tokens) or self.texts[i] != "(":
            return i
        close = next((j for j in range(i + 1, min(i + 10, len(self.tokens))) if self.texts[j] == ")"), None)
        return i if close is None else close + 1

    def _past_list_adjectives(self, i: int) -> int:
        """The index past up to two lower-case adjectives opening at ``i`` ("les villages libanais
        de A, B et C", "les localités frontalières de X et Y"), a word of position the model
        reads as a noun among them ("les villes frontières de X et Y": `place_noun_adjectives`)."""
        k = i
        while k < min(i + 2, len(self.tokens)) and self.texts[k].islower() and (
                self.pos[k] == "ADJ" or self.lows[k] in self.rules.place_noun_adjectives):
            k += 1
        return k

    def _name_list(self, first: int) -> list[tuple[int, int]]:
        """The capitalised names from ``first``, parted by commas and closed by "et" and a last
        name, as token ranges; none when the words there are no such list."""
        members: list[tuple[int, int]] = []
        i = first
        while True:
            end = self._capitalised_run(i)
            if end == i or any(self.tokens[k].is_sent_start for k in range(i, end)):
                return []
            members.append((i, end))
            if end + 1 >= len(self.tokens) or self.tokens[end + 1].is_sent_start:
                return []
            if self.lows[end] in self.rules.and_words:
                last = self._capitalised_run(end + 1)
                return members + [(end + 1, last)] if last > end + 1 else []
            if self.texts[end] != ",":
                return []
            i = end + 1

    def _known_no_place(self, a: int, b: int) -> bool:
        """Whether the KB knows the name of tokens ``a`` to ``b`` as something else than a place."""
        entry = self._lookup(self.text[self.starts[a]:self.ends[b - 1]])
        return entry is not None and entry.kind not in _REGION_KINDS

    def _model_place(self, a: int, b: int) -> bool:
        """Whether the model reads tokens ``a`` to ``b`` as one place name, just so."""
        return self.tokens[a].ent_type_ == "LOC" and self.tokens[a].ent_iob_ == "B" \
            and all(t.ent_iob_ == "I" for t in self.tokens[a + 1:b]) \
            and (b >= len(self.tokens) or self.tokens[b].ent_iob_ != "I")

    def _listed_place(self, a: int, b: int, kind: str) -> Found:
        """A listed name as a place of ``kind`` (the KB's place of that kind, or of any, if known)."""
        start, end = self.starts[a], self.ends[b - 1]
        name = self.text[start:end]
        entry = self._place_entry(name, name, kind, False)
        if entry is None:
            known = self._lookup(name)
            entry = known if known is not None and known.kind in _REGION_KINDS else None
        return Found(self._mention(start, end, "Region", kind, "pattern", 0.75), name, entry)

    def _past_name_article(self, first: int | None) -> int | None:
        """Past the article of a name that takes one ("la province de la Kompienga"), unless
        the name is a body's domain ("le département de la Défense") or a point of the compass
        ("la région de l'Est" of a country)."""
        if first is None or first + 1 >= len(self.tokens) or self.lows[first] not in self.rules.articles \
                or not self.capitalised[first + 1] or self.tokens[first + 1].pos_ not in ("PROPN", "NOUN") \
                or self.lows[first + 1] in self.rules.compass_words or self._place_noun_at(first + 1):
            return first  # "la capitale de l'Etat du Nil": the place phrase opens on "Etat"
        return first if strip_accents(self.lows[first + 1]) in _domain_words(self.rules) else first + 1

    def _place_noun_gap(self, noun: Token) -> int:
        """2 past a demonym or a compass adjective after a place noun ("la région russe de
        Briansk", "l'État septentrional de Sinaloa"), else 1."""
        after = self.lows[noun.i + 1]
        adjective = after in self.rules.demonyms or after in self.rules.compass_adjectives
        return 2 if adjective and noun.i + 3 < len(self.tokens) or self._neighbour_name_after(noun.i + 1) else 1

    def _neighbour_name_after(self, i: int) -> bool:
        """An adjective of position at token ``i`` ("voisin", "frontalière": `place_noun_adjectives`),
        then "de" and a capitalised name with no article ("l'Etat voisin de Sokoto"; not "la
        région frontalière de l'Ukraine", the state it borders)."""
        return i + 2 < len(self.tokens) and self.lows[i] in self.rules.place_noun_adjectives \
            and self.lows[i + 1] in self.rules.place_of_prepositions and self.capitalised[i + 2] \
            and self.lows[i + 2] not in self.rules.articles

    def _place_noun_at(self, i: int) -> bool:
        low = self.lows[i]
        return low in self.rules.place_nouns or any(
            strip_accents(noun) == strip_accents(low) for noun in self.rules.place_nouns)

    def _place_name_start(self, noun: Token, kind: str) -> int | None:
        """The word after the place noun's "de" ("la région russe de Briansk": Briansk), or
        after a subdivision's or a water's "du" ("la province du Nord-Kivu")."""
        gap = self._place_noun_gap(noun)
        if (kind == "AdministrativeRegion" or self.lows[noun.i] in self.rules.water_nouns) \
                and self.lows[noun.i + gap] in self.rules.articled_place_prepositions:
            return noun.i + gap + 1  # "la province du Nord-Kivu", "le golfe du Bengale"
        after = noun.i + gap
        further = self._name_start_further(after, kind)
        if further is not None:
            return further
        if self.lows[noun.i + gap] not in self.rules.place_of_prepositions:
            # a water is also named by a name right after it ("la mer Rouge", "le golfe Persique")
            water = self.lows[noun.i] in self.rules.water_nouns and noun.text.islower()
            return noun.i + 1 if water and _CAPITALISED.match(self.tokens[noun.i + 1].text) else None
        return noun.i + gap + 1

    def _name_start_further(self, after: int, kind: str) -> int | None:
        """The name's first word past a noun complement ("le camp de déplacés d'Abou Chouk",
        "le camp de réfugiés de Jénine") or, for a subdivision, past an article ("la province de
        la Kompienga", "la région de l'Est"); None when neither is there."""
        if after + 3 < len(self.tokens) and self.lows[after] in self.rules.place_of_prepositions \
                and self.tokens[after + 1].pos_ in ("NOUN", "ADJ", "VERB") and self.tokens[after + 1].text.islower() \
                and self.lows[after + 2] in self.rules.place_of_prepositions:
            return after + 3
        return after + 2 if kind == "AdministrativeRegion" and self._articled_name(after) else None

    def _articled_name(self, after: int) -> bool:
        """A name after "de" and an article ("de la Kompienga", "de l'Est"), as a subdivision's
        noun may have it."""
        return after + 2 < len(self.tokens) and self.lows[after] in self.rules.place_of_prepositions \
            and self.tokens[after + 1].pos_ == "DET" and self.lows[after + 1] in self.rules.articles \
            and self.capitalised[after + 2]

    def _known_longer_name(self, first: int, last: int) -> int:
        """The end of a place name that goes on past a "de"/"du" when the KB knows the longer
        name ("l'Etat du Darfour du Nord": "Darfour du Nord", not "Darfour"), and past a
        capitalised point of the compass that names a part of it ("les États du Kordofan de
        l'Ouest": "Kordofan de l'Ouest", whether the KB knows it or not)."""
        compass = self._compass_part_end(last)
        if compass is not None:
            return compass
        links = self.rules.place_of_prepositions | self.rules.articled_place_prepositions
        if last + 1 >= len(self.tokens) or self.lows[last] not in links or not self.capitalised[last + 1]:
            return last
        longer = self._capitalised_run(last + 1)
        entry = self._lookup(self.text[self.tokens[first].idx:self.tokens[longer - 1].idx
                                       + len(self.tokens[longer - 1].text)])
        return longer if entry is not None and entry.kind in _REGION_KINDS else last

    def _compass_part_end(self, last: int) -> int | None:
        """The index past a capitalised point of the compass right after a place name, behind
        "du" or behind "de" and an article ("Kordofan du Sud", "Kordofan de l'Ouest"); None
        when there is none."""
        j = last
        if j + 2 < len(self.tokens) and self.lows[j] in self.rules.place_of_prepositions \
                and self.lows[j + 1] in self.rules.articles:
            j += 2
        elif j + 1 < len(self.tokens) and self.lows[j] in self.rules.articled_place_prepositions:
            j += 1
        else:
            return None
        if self.capitalised[j] and self.lows[j] in self.rules.compass_words:
            return j + 1
        return None

    def _compass_adjective_name(self, first: int, last: int) -> str | None:
        """The name from token ``first`` to ``last`` that ends on a point of the compass, with
        the point as an adjective ("Kordofan de l'Ouest": "Kordofan occidental",
        `compass_part_adjectives`); None for another name."""
        adjective = self.rules.compass_part_adjectives.get(self.lows[last - 1])
        base = next((k for k in (last - 3, last - 2) if k > first and self._compass_part_end(k) == last), None)
        if adjective is None or base is None:
            return None
        return f"{self.text[self.tokens[first].idx:self.ends[base - 1]]} {adjective}"

    def _capitalised_run(self, first: int) -> int:
        """The index after the capitalised words from ``first``."""
        last = first
        while last < len(self.tokens):
            token = self.tokens[last]
            if _CAPITALISED.match(token.text) and not token.is_punct:
                last += 1
            elif (_inside_word(token) or self.lows[last] in self.rules.inner_name_particles) \
                    and last + 1 < len(self.tokens) and last > first \
                    and (_CAPITALISED.match(self.tokens[last + 1].text) or token.text == "-"):
                last += 2  # "la région de Primorsko-Akhtarsk", "la région du Centre-nord", "Mocímboa da Praia"
            elif last > first and self._hyphened_particle(last):
                last += 3  # "la province de Deir ez-Zor", the particle and its hyphen apart
            else:
                break
        return last

    def _hyphened_particle(self, i: int) -> bool:
        """A name particle at token ``i``, then a hyphen and a capitalised word ("ez", "-", "Zor")."""
        return i + 2 < len(self.tokens) and self.lows[i] in self.rules.inner_name_particles \
            and self.tokens[i + 1].text == "-" and _CAPITALISED.match(self.tokens[i + 2].text) is not None

    def _place_phrase(self, noun: Token, kind: str, first: int, last: int) -> Found | None:
        """The place phrase from ``noun`` to the name's end, unless the phrase or the name is a
        known thing that is no place ("département d'État")."""
        start, end = self.tokens[first].idx, self.tokens[last - 1].idx + len(self.tokens[last - 1].text)
        name = self.text[start:end]
        phrase = self.text[noun.idx:end]
        known = self._lookup(phrase)
        if normalize_label(name) in self.rules.not_names or (
                known is not None and known.kind not in _REGION_KINDS):
            return None
        water = self.lows[noun.i] in self.rules.water_nouns
        if water:
            kind = "Sea"  # "la mer Rouge" is no governorate of that name, "le golfe d'Oman" no country
        entry = self._place_entry(phrase, name, kind, water)
        if entry is None and not water:
            adjectived = self._compass_adjective_name(first, last)
            entry = self._lookup(adjectived, (kind,)) if adjectived else None
        other = self._lookup(name)
        if entry is None and other is not None and other.kind not in _REGION_KINDS:
            return None  # a known name that is no place
        if entry is None and water:
            name = phrase  # "le golfe d'Oman" is named by the whole phrase, not by "Oman"
        return Found(self._mention(noun.idx, end, "Region", kind, "pattern", 0.8), name, entry)

    def _place_entry(self, phrase: str, name: str, kind: str, water: bool) -> KBEntry | None:
        """The KB's place of the noun's kind named by the phrase or the name; for a "Region"
        noun any place ("l'archipel d'Okinawa", "l'île de Cuba"), but a water is not the country
        or town it is named after ("le golfe d'Oman")."""
        entry = self._lookup(phrase, (kind,)) or self._lookup(name, (kind,))
        if entry is None and kind == "Region":
            places = tuple(k for k in _REGION_KINDS if not water or k not in _PLACE_KINDS)
            entry = self._lookup(phrase, places) or self._lookup(name, places)
        return entry

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
        words = self._prev_words(token.i, 2)
        if words and self.rules.place_nouns.get(words[0]) == "City" or self._apposed_to_city_noun(token):
            return False  # "la capitale Addis Abeba": named as a city, whatever the parse hangs on it
        # anything else is a place unless it is a subject: "l'attentat de Kaboul", "des
        # frappes sur Kiev", "ont bombardé Kiev", "arrivé de Paris", a heading
        return any(part(token, words) for part in (
            self._as_agent, self._as_recipient, self._as_partner, self._as_party_of_stance,
            self._as_object_of_act, self._as_apposed_ally, self._as_strike_author)) or self._is_subject(token)

    def _as_strike_author(self, token: Token, words: list[str]) -> bool:
        """ "la frappe de Kiev sur le port de X", "l'attaque de Moscou contre Y": a capital in the
        "de" complement of a strike word, right before what the strike hits ("sur"/"contre"),
        is the state that strikes, not the town ("les frappes sur Kiev" stay the town)."""
        nxt = token.i + 1
        return bool(words) and words[0] in self.rules.of_prepositions and 0 < token.i - token.head.i <= 3 \
            and nxt < len(self.tokens) and self.lows[nxt] in self.rules.hostile_prepositions \
            and (_folded_lemma(token.head) in self.rules.strike_words
                 or self.lows[token.head.i] in self.rules.strike_words)

    def _as_apposed_ally(self, token: Token, words: list[str]) -> bool:
        """ "Washington, allié inconditionnel d'Israël, ...", "Moscou, principal soutien de X":
        a capital a noun of alliance is apposed to (past a lower-case adjective) is its state."""
        j = token.i + 1
        if j >= len(self.tokens) or self.texts[j] != ",":
            return False
        nouns = self.rules.ally_nouns | self.rules.support_nouns
        for k in range(j + 1, min(j + 3, len(self.tokens))):
            if not self.texts[k].islower():
                return False
            if self.lows[k] in nouns:
                return True
        return False

    def _apposed_to_city_noun(self, token: Token) -> bool:
        """ "La capitale somalienne, Mogadiscio, a été visée": a name after a comma that follows
        a town's noun and its lower-case adjectives is that town, named again."""
        i = token.i - 1
        if i < 1 or self.tokens[i].text != ",":
            return False
        i -= 1
        while i > 0 and i > token.i - 5 and self.tokens[i].text.islower() and self.pos[i] == "ADJ":
            i -= 1
        return self.rules.place_nouns.get(fold_quotes(self.tokens[i].lemma_.lower())) == "City" \
            and self.tokens[i].text.islower()

    def _as_agent(self, token: Token, words: list[str]) -> bool:
        """ "utilisée par Moscou"."""
        return any(c.dep_ == "case" and self.lows[c.i] in self.rules.agent_prepositions for c in children_of(token))

    def _as_recipient(self, token: Token, words: list[str]) -> bool:
        """ "enverrait des obus à Kiev" (not "un courrier de Berlin")."""
        return bool(words) and words[0] in self.rules.recipient_prepositions \
            and (self._governed_by(token, self.rules.transfer_lemmas, self.rules.transfer_dative_nouns)
                 or self._after_goods_sent(token))

    def _as_partner(self, token: Token, words: list[str]) -> bool:
        """ "selon Moscou", "un accord avec Kiev", "face à Moscou", "se tourne vers Moscou"
        (``_acts`` let the last through)."""
        r = self.rules
        prev = words[0] if words else ""
        return prev in r.speech_introducers or prev in r.comitative_prepositions \
            or (prev in r.opponent_prepositions and not self._struck_town(token)) or prev in r.orientation_prepositions \
            or _after_phrase(words, r.facing_phrases)

    def _struck_town(self, token: Token) -> bool:
        """ "des attaques de drones contre Kiev", "ont tiré des missiles contre Kiev": a capital
        after "contre" that hangs on a word of a physical strike (or on a verb whose object is one)
        is the town hit, not its government ("des sanctions contre Moscou" stays the state)."""
        head = token.head
        words = [head] + ([c for c in children_of(head) if c.dep_ == "obj"] if head.pos_ == "VERB" else [])
        return any(_folded_lemma(w) in self.rules.strike_words or self.lows[w.i] in self.rules.strike_words
                   for w in words)

    def _as_party_of_stance(self, token: Token, words: list[str]) -> bool:
        """ "les alliés de Kiev", "le soutien de Paris", "le régime de Damas", "les forces de
        Moscou", "la volonté de Washington", "les livraisons d'armes de Pékin"
        (`capital_actor_nouns`; not "un responsable de Tripoli", "l'aéroport de Kaboul")."""
        if not words or words[0] not in self.rules.of_prepositions or token.head.i == token.i:
            return False
        head = token.head
        return fold_quotes(head.lemma_.lower()) in self._party_nouns or self._goods_supplied(head)

    @functools.cached_property
    def _party_nouns(self) -> frozenset[str]:
        """Nouns whose "de" complement, a capital, is the state that holds, makes or leads them."""
        r = self.rules
        return frozenset(r.ally_nouns | r.enemy_nouns | r.support_nouns | r.oppose_nouns
                         | r.capital_organ_nouns | r.capital_actor_nouns)

    def _goods_supplied(self, noun: Token) -> bool:
        """ "les livraisons d'armes de Pékin": a bare noun of goods after "de" (no determiner)
        that hangs on a noun of supply (`capital_actor_nouns`) passes its "de" capital to it."""
        if noun.pos_ != "NOUN" or noun.head.i == noun.i or any(c.dep_ == "det" for c in children_of(noun)):
            return False
        return fold_quotes(noun.head.lemma_.lower()) in self.rules.capital_actor_nouns \
            and any(c.dep_ == "case" and self.lows[c.i] in self.rules.of_prepositions for c in children_of(noun))

    def _as_object_of_act(self, token: Token, words: list[str]) -> bool:
        """One acts on a state: "a autorisé Kiev à", "soutient Kiev", "accuse Moscou"."""
        r = self.rules
        return token.dep_ in ("obj", "iobj", "xcomp") and fold_quotes(token.head.lemma_.lower()) in (
            r.authorize_verbs | r.support_verbs | r.oppose_verbs | r.object_control_verbs
            | r.recipient_object_verbs | r.accusation_cues)

    def _is_subject(self, token: Token) -> bool:
        """The subject of a verb (or of an adjective with a copula), itself or as the second
        of two coordinated subjects ("Paris et Londres ont ..."), or right after an inverted cue
        ("« ... », a ajouté New Delhi")."""
        return self._before_finite_verb(token) or self._subject_in_parse(token) or self._after_inverted_cue(token.i)

    def _before_finite_verb(self, token: Token) -> bool:
        """A headline the parse cut: "X : Pékin multiplie ...", "Paris s'inquiète", also past a
        quote that opens at the verb ('Moscou "a attaqué ...')."""
        nxt_i = token.i + 1 + self._opening_quote_after(token)
        if nxt_i >= len(self.tokens) or any(c.dep_ == "case" for c in children_of(token)):
            return False
        nxt = self.tokens[nxt_i]
        return nxt.pos_ in ("VERB", "AUX") and "Fin" in morph_values(nxt, "VerbForm") \
            or self.lows[nxt.i] in self.rules.reflexive_clitics or self._mistagged_act(nxt)

    def _opening_quote_after(self, token: Token) -> int:
        """1 when a quote opens right after the name ('Moscou "a attaqué ...', "X « tente de
        ... »": a quote that starts at the verb), else 0; a straight quote opens when it is
        glued to the next word and not to the name."""
        j = token.i + 1
        if j + 1 >= len(self.tokens) or self.texts[j] not in _OPENING_QUOTES:
            return 0
        if self.texts[j] == '"' and (not token.whitespace_ or self.tokens[j].whitespace_):
            return 0
        return 1

    def _mistagged_act(self, nxt: Token) -> bool:
        """A verb of acting the tagger read as a bare noun ("Washington compte 2 500 soldats en
        Irak", "Moscou livre des armes"): a lower-case noun with no determiner whose possible
        infinitives include a relation verb."""
        if nxt.pos_ != "NOUN" or self.capitalised[nxt.i] or any(c.dep_ == "det" for c in children_of(nxt)):
            return False
        return any(lemma in self._act_verbs for lemma in self.rules.grammar.verb_lemmas(self.lows[nxt.i]))

    @functools.cached_property
    def _act_verbs(self) -> frozenset[str]:
        """The verbs of the relation families a state's capital stands for it with."""
        r = self.rules
        return r.troop_holding_verbs | r.supply_verbs | r.attack_verbs | r.support_verbs | r.oppose_verbs | r.deploy_verbs

    def _subject_in_parse(self, token: Token) -> bool:
        """A subject by its dependency, itself or through up to two conj/appos links."""
        node = token
        for _ in range(3):
            if node.dep_ in ("nsubj", "nsubj:pass", "csubj"):
                verb = node.head
                return verb.pos_ in ("VERB", "AUX") or any(c.dep_ in ("cop", "aux", "aux:pass")
                                                           for c in children_of(verb))
            if node.dep_ == "ROOT" and node.i + 2 < len(self.tokens):
                return self._first_of_two_subjects(node)
            if node.dep_ not in ("conj", "appos") or node.head.i == node.i:
                return False
            node = node.head
        return False

    def _first_of_two_subjects(self, node: Token) -> bool:
        """The model often cuts "X et Y ont signé" after X: X is the first subject."""
        cc, second = self.tokens[node.i + 1], self.tokens[node.i + 2]
        return cc.dep_ == "cc" and second.dep_ in ("nsubj", "nsubj:pass") \
            and second.head.i == cc.head.i and cc.head.pos_ in ("VERB", "AUX")

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
        word, _, after = rest.partition(" ")
        return rest[:1] in ("—", "–", "-") or rest[:1].isdigit() \
            or word.lower() in self.rules.date_articles and after[:1].isdigit()

    def _acts(self, token: Token) -> bool:
        """Does this name stand for an actor here (subject, agent, speaker, recipient)?"""
        r = self.rules
        if self._between_places(token) or self._ground_hit(token):
            return False
        words = [w for w in self._prev_words(token.i, 5) if w not in r.articles]
        prev = words[0] if words else ""
        first = self._first_conjunct(token, prev)
        if first is not None:
            return self._acts(first)
        if prev in r.speech_introducers or prev in r.agent_prepositions or _after_phrase(words, r.facing_phrases):
            return True
        if prev in r.of_prepositions or prev in r.comitative_prepositions:
            # "la frontière de/avec X", "la région de X" are places; "l'implication des
            # Etats-Unis", "un accord avec Kiev" act
            return not self._beside_place_noun(token, words)
        last = self._prev_tokens(token.i, 1)
        if last and last[0].text in r.unaccented_prepositions:
            return False  # "A Paris, ...": an unaccented capital À
        return self._acts_after_place_preposition(token, prev)

    def _first_conjunct(self, token: Token, prev: str) -> Token | None:
        """The name a second one is joined to by "et" ("près des frontières avec le Tchad et le
        Soudan", "la France et l'Allemagne ont signé"): both play the one role."""
        head = token.head
        if prev not in self.rules.and_words or token.dep_ != "conj" or head.pos_ != "PROPN" \
                or not 0 < token.i - head.i <= 6:
            return None
        return head

    def _ground_hit(self, token: Token) -> bool:
        """The object, or passive subject, of a verb that hits ground ("Israël frappe le Liban",
        "l'Ukraine est bombardée"): the place hit, itself or as a coordinated second one."""
        node = token.head if token.dep_ == "conj" else token
        before = [t for t in self._prev_tokens(node.i, 2) if _low(t) not in self.rules.articles][:1]
        if before and before[0].pos_ == "VERB" and self._hits(before[0]):
            return True  # right after the verb, whatever dependency the parse gives ("frappe le Liban")
        verb = node.head
        return node.dep_ in ("obj", "nsubj:pass") and verb.pos_ == "VERB" and verb.i != node.i and self._hits(verb)

    def _hits(self, verb: Token) -> bool:
        hit = self.rules.place_hit_verbs
        return _folded_lemma(verb) in hit or verb.lower_.startswith(_stems(hit, self.rules.stem_matched_endings))

    def _between_places(self, token: Token) -> bool:
        """ "la frontière entre le Myanmar et le Bangladesh": both names after "entre" on a
        place or border noun are places."""
        node = token.head if token.dep_ == "conj" else token
        if not any(c.dep_ == "case" and self.lows[c.i] in self.rules.between_prepositions for c in children_of(node)):
            return False
        noun = node.head
        return noun.i != node.i and (_folded_lemma(noun) in self.rules.place_nouns
                                      or self.lows[noun.i].startswith(self.rules.border_prefixes))

    def _beside_place_noun(self, token: Token, words: list[str]) -> bool:
        """Whether the "de"/"avec" before a name follows a word of nearness ("près de X") or a
        place or border noun, past one or two adjectives ("la frontière de X", "la frontière
        orientale avec le Venezuela")."""
        r = self.rules
        tokens = [t for t in self._prev_tokens(token.i, 5) if _low(t) not in r.articles]
        reach = 2
        while reach < 4 and len(tokens) > reach and tokens[reach - 1].pos_ == "ADJ" \
                and tokens[reach - 1].text.islower():
            reach += 1  # "la zone autonome kurde d'X": past the adjectives of the noun
        return bool(words[1:2]) and words[1] in r.place_adverbs \
            or any(self._place_word(t) for t in tokens[1:reach])

    def _place_noun_key(self, token: Token) -> str | None:
        """The place noun a word is, in the singular or the plural ("les régions de X")."""
        low = _low(token)
        if low in self.rules.place_nouns:
            return low
        lemma = _folded_lemma(token)
        return lemma if lemma in self.rules.place_nouns else None

    def _place_word(self, token: Token) -> bool:
        """A place or border noun, in the singular or the plural ("la frontière", "les frontières
        avec X", "les régions de X"), or a word of a border ("frontalière avec X")."""
        return self._place_noun_key(token) is not None or _low(token).startswith(self.rules.border_prefixes)

    def _acts_after_place_preposition(self, token: Token, prev: str) -> bool:
        """After a preposition of place a name is a place, unless a verb of orientation ("se
        tourne vers Moscou") or of transfer ("livrer des missiles à Kiev") governs it."""
        if prev in self.rules.orientation_prepositions and self._governed_by(token, self.rules.orientation_lemmas):
            return True
        if prev in self.rules.locative_prepositions:
            return prev in self.rules.recipient_prepositions and (
                self._governed_by(token, self.rules.transfer_lemmas, self.rules.transfer_dative_nouns)
                or self._party_of_stance_word(token) or self._after_goods_sent(token))
        return True

    def _after_goods_sent(self, token: Token) -> bool:
        """ "envoyer 14 chars au total à Kiev", "la vente de chars d'une valeur de 2 milliards à la
        Lituanie": read in the words, however the parse hangs "à X", the nearest verb before it
        (or noun of a transfer) sends, with military goods between; then X is the recipient.
        A clause's punctuation, or another verb first, ends the search."""
        goods = False
        for k in range(token.i - 2, max(-1, token.i - 24), -1):
            t = self.tokens[k]
            if t.is_punct and t.text not in ("'", "’", "-"):
                return False
            if t.pos_ in ("VERB", "AUX") and not self.capitalised[k]:
                return goods and (t.lemma_ in self.rules.supply_verbs or _folded_lemma(t) in self.rules.supply_verbs)
            goods = goods or _folded_lemma(t) in self.rules.military_goods
            if goods and _folded_lemma(t) in self.rules.transfer_dative_nouns:
                return True
        return False

    def _party_of_stance_word(self, token: Token) -> bool:
        """ "le soutien américain à Israël", "une milice affiliée à l'Iran", "hostile à la Russie":
        the "à X" hangs right on a word of a stance or a tie (the first X of "à X et à Y"), so X
        is the party it is toward, an actor."""
        node = token.head if token.dep_ == "conj" and token.head.i < token.i else token
        return node.head.i != node.i and _folded_lemma(node.head) in self.rules.party_dative_words

    def _governed_by(self, token: Token, lemmas, nouns=frozenset()) -> bool:
        """Whether the nearest verb above the name, or a noun of `nouns` on the way, is one of
        `lemmas`: in "annonce mener des frappes au Liban" the place hangs on "mener", not on
        "annonce"; in "un contrat d'acquisition à X" on the noun of a transfer."""
        node = token
        for _ in range(4):
            node = node.head
            # the model's lemmas of rarer verbs are unreliable ("tourne"): match -er stems too
            if node.lemma_ in lemmas or node.pos_ == "VERB" and node.lower_.startswith(
                    _stems(lemmas, self.rules.stem_matched_endings)) or _folded_lemma(node) in nouns:
                return True
            if node.head is node or node.pos_ == "VERB":
                break
        return False

    # -- military units ---------------------------------------------------------------
    def _units(self):
        """ "la 3e brigade d'assaut", "le 9e régiment d'infanterie de marine": a numbered unit is
        an actor of its own, named by the number, the unit noun and its lower-case complements."""
        ordinal = _ordinal(self.rules)
        for i, low in enumerate(self.lows):
            if not (low in self.rules.ordinal_words or self.texts[i][:1].isdigit() and ordinal.match(self.texts[i])) \
                    or i + 1 >= len(self.tokens):
                continue  # "la 3e brigade", "la sixième division"
            token = self.tokens[i]
            unit = self.tokens[token.i + 1]
            if fold_quotes(unit.lemma_.lower()) not in self.rules.military_units \
                    and self.lows[unit.i] not in self.rules.military_units:
                continue
            end = unit.i
            j = unit.i + 1
            while j < len(self.tokens):
                if self._is_plain_adjective(j):
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
        for token in self._body_nouns():
            if not self._is_body_head(token):
                continue
            domain = self._body_domain_at(token)
            if domain is None:
                yield from self._demonym_body(token)
                continue
            organ = self._is_organ_head(token)
            end = self._served_place_end(self._known_run_end(domain, self._ORGANISATION_KINDS)) \
                if organ else self._body_end(domain)
            last = self.tokens[end]
            start, stop = token.idx, last.idx + len(last.text)
            if self._overlaps_name(start, token.idx + len(token.text)) or (
                    not organ and self._overlaps_name(self.tokens[domain].idx, stop)
                    and self._lookup(self._claimed_name_over(domain), _LOCAL_KINDS) is None):
                continue  # a name the knowledge base knows ("le ministère russe de la Défense"),
                # not a town's ("le conseil militaire de Deir ez-Zor")
            if self._generic_body(domain, end) or self._person_domain(self.tokens[domain]):
                continue  # "l'administration de Haftar": the person's, no body of its own
            if organ:
                self._organ_spans.add((start, stop))
            else:
                stop = self._subdivision_stop(end, stop)
            yield self._body_found(token, start, stop)
            second = self._coordinated_body(token, end)
            if second is not None:
                yield second

    def _demonym_body(self, head: Token):
        """ "le parquet général russe", "la flotte russe": a body noun with no domain, past its
        lower-case adjectives to a state's demonym, is a body of that state (named by the whole
        phrase, with the sea it may name after the demonym: "la flotte turque de la mer Égée")."""
        if self.lows[head.i] not in self.rules.demonym_body_nouns:
            return
        j = head.i + 1
        while j < len(self.tokens) and self.pos[j] == "ADJ" and self.tokens[j].text.islower() \
                and self.lows[j] not in self.rules.demonyms:
            j += 1
        if j >= len(self.tokens) or self.lows[j] not in self.rules.demonyms \
                or self._overlaps_name(head.idx, head.idx + len(head.text)):
            return
        last = self._water_complement_end(j + 1) or j
        yield self._body_found(head, head.idx, self.tokens[last].idx + len(self.tokens[last].text))

    def _water_complement_end(self, i: int) -> int | None:
        """The last word of a sea the body is named by, right after its demonym ("la flotte turque
        de la mer Égée", "la flotte grecque en mer Ionienne"): "de" (an article after it) or "en",
        a water noun and one or two capitalised words; None when there is none."""
        n = len(self.tokens)
        if i >= n or self.lows[i] not in self.rules.of_prepositions \
                and self.lows[i] not in self.rules.organ_place_prepositions:
            return None
        k = i + 1
        while k < n and self.tokens[k].pos_ == "DET":
            k += 1
        if k + 1 >= n or self.lows[k] not in self.rules.water_nouns or not self.capitalised[k + 1]:
            return None
        return k + 2 if k + 2 < n and self.capitalised[k + 2] and self.tokens[k + 2].is_alpha else k + 1

    def _subdivision_stop(self, end: int, stop: int) -> int:
        """The end of a body's name past the subdivision or the state it serves ("le ministère de
        l'Intérieur du Daghestan", "le ministère de la Défense de la Norvège"; "le comité de
        sécurité de l'Etat de X" stays as the place phrase names it): "de" and a name the KB
        knows as a subdivision, or as a state with nothing going on after its name."""
        j = end + 1
        if j + 1 >= len(self.tokens) or self.lows[j] not in self.rules.of_prepositions:
            return stop
        j += 1
        while j < len(self.tokens) and self.tokens[j].pos_ == "DET":
            j += 1
        if j >= len(self.tokens) or not self.capitalised[j]:
            return stop
        last = self._known_run_end(j, ("AdministrativeRegion",))
        if last is None:
            last = self._state_complement_end(end + 1)
        return stop if last is None else self.tokens[last].idx + len(self.tokens[last].text)

    def _body_nouns(self) -> list[Token]:
        """The tokens that may head a body: an organ's or a body's noun (by form or lemma); the
        cheap test of ``_is_body_head`` first, as the finder runs on every word."""
        organs, nouns = self.rules.organ_heads, self.rules.body_nouns
        return [self.tokens[i] for i, low in enumerate(self.lows)
                if low in organs or low in nouns or self.lemmas[i] in nouns]

    @staticmethod
    def _person_domain(token: Token) -> bool:
        """A person's name as a body's domain ("l'administration de Haftar"), not initials the
        model reads as one ("l'administration des C. F. F.")."""
        return token.ent_type_ == "PER" and len(token.text) >= 3 and not token.text.isupper()

    def _generic_body(self, domain: int, end: int) -> bool:
        """A body phrase of lower-case words right before the name it introduces ("le service
        de renseignement Shin Bet") names no body of its own: the name is the body (a
        capitalised domain is a name itself: "l'administration des C. F. F.")."""
        nxt = end + 1
        return not self.capitalised[domain] and nxt < len(self.tokens) and self.capitalised[nxt] \
            and self.tokens[nxt].pos_ == "PROPN"

    def _is_organ_head(self, token: Token) -> bool:
        """A singular noun of a body an organisation sends ("la mission", "la force")."""
        return self.lows[token.i] in self.rules.organ_heads and "Plur" not in morph_values(token, "Number")

    def _known_run_end(self, i: int, kinds: Sequence[str]) -> int | None:
        """The last token of the longest name of one of ``kinds`` the KB knows from token ``i``
        ("l'ONU", "l'Union africaine", "en République centrafricaine"), or None."""
        last = None
        for k in range(i, min(i + 4, len(self.tokens))):
            if k > i and not self.tokens[k].is_alpha:
                break
            name = self.text[self.tokens[i].idx:self.tokens[k].idx + len(self.tokens[k].text)]
            if self._lookup(name, kinds) is not None or (k == i and len(name) <= 5 and self._lookup(name.upper(), kinds)):
                last = k  # "l'Onu" is "l'ONU"
        return last

    def _claimed_name_over(self, i: int) -> str:
        """The name claimed so far over token ``i`` ("Deir ez-Zor"), or its own text."""
        starts, ends = self._claimed_names
        n = bisect_left(starts, self.tokens[i].idx + 1)
        if n and ends[n - 1] > self.tokens[i].idx:
            return self.text[starts[n - 1]:ends[n - 1]]
        return self.tokens[i].text

    def _served_place_end(self, end: int) -> int:
        """The end of an organ's name past its purpose and the place it serves in ("... de l'ONU
        en Libye", "la Force des Nations unies pour la stabilisation en RDC")."""
        j = end + 1
        if j < len(self.tokens) and self.lows[j] in self.rules.organ_purpose_prepositions:
            k = j + 1
            while k < min(j + 6, len(self.tokens)) and self.tokens[k].is_alpha and self.tokens[k].text.islower() \
                    and self.lows[k] not in self.rules.organ_place_prepositions:
                k += 1
            if k + 1 < len(self.tokens) and self.lows[k] in self.rules.organ_place_prepositions:
                j = k
        if j + 1 < len(self.tokens) and self.lows[j] in self.rules.organ_place_prepositions \
                and self.capitalised[j + 1]:
            place = self._known_run_end(j + 1, _PLACE_KINDS)
            return end if place is None else place
        return end

    def _is_body_head(self, token: Token) -> bool:
        """A body noun after a definite determiner ("le ministère", "la direction")."""
        if self._is_organ_head(token):
            domain = self._body_domain_at(token)
            if domain is None or self._known_run_end(domain, self._ORGANISATION_KINDS) is None:
                return False
        elif self.lows[token.i] not in self.rules.body_nouns and self.lemmas[token.i] not in self.rules.body_nouns:
            return False
        det = [c for c in children_of(token) if c.dep_ == "det" and c.i < token.i]
        definite = self.lows[det[0].i] in self.rules.definite_determiners if det else \
            token.i > 0 and self.lows[token.i - 1] in self.rules.contracted_articles  # "au ministère"
        return definite and token.i + 2 < len(self.tokens)

    def _body_domain_at(self, head: Token) -> int | None:
        """The index of the body's domain: after an optional demonym, "de" and determiners,
        a capitalised noun or one of the rules' domains ("de la Défense", "des renseignements")."""
        j = self._body_of_at(head)
        if j is None:
            return None
        j += 1
        while j < len(self.tokens) and self.tokens[j].pos_ == "DET":
            j += 1
        if j >= len(self.tokens) or not self._is_body_domain(head, self.tokens[j]):
            return None
        return j

    def _body_of_at(self, head: Token) -> int | None:
        """The index of the "de" after a body's noun, its demonym and its lower-case adjectives
        ("l'administration militaire de Kiev"); none for a noun that ends the text ("... a joint
        operation" with no full stop)."""
        j = head.i + 1
        if j < len(self.tokens) and self.lows[j] in self.rules.demonyms:
            j += 1
        while j + 1 < len(self.tokens) and self.tokens[j].pos_ == "ADJ" and self.tokens[j].text.islower() \
                and self.tokens[j].head.i == head.i:
            j += 1
        if j >= len(self.tokens) or self.lows[j] not in self.rules.of_prepositions:
            return None
        return j

    def _is_body_domain(self, head: Token, domain: Token) -> bool:
        """A capitalised noun or one of the rules' domains, not a place after a place noun
        ("le département du Cauca")."""
        if domain.pos_ not in ("NOUN", "PROPN") or not (
                domain.text[:1].isupper() or fold_quotes(domain.lemma_.lower()) in self.rules.body_domains):
            return False
        return not (self.lows[head.i] in self.rules.place_nouns and domain.text[:1].isupper()
                    and self._lookup(domain.text, _REGION_KINDS) is not None)

    def _body_end(self, j: int) -> int:
        """The domain's last word: its adjectives and, after a capitalised domain, capitalised
        nouns ("des renseignements militaires", "des Affaires étrangères", "syrienne"), or the
        end of a name claimed over it ("de Deir ez-Zor")."""
        domain, end = self.tokens[j], j
        claimed = self._claimed_name_over(j)
        stop = domain.idx + len(claimed) if claimed != domain.text else 0
        while end + 1 < len(self.tokens) and self.tokens[end + 1].idx < stop:
            end += 1
        while end + 1 < len(self.tokens) and end - j < 3:
            nxt = self.tokens[end + 1]
            if nxt.pos_ == "ADJ" or self._domain_noun_after(nxt) or (
                    nxt.pos_ in ("NOUN", "PROPN") and nxt.text[:1].isupper() and domain.text[:1].isupper()):
                end += 1
            else:
                break
        return end

    def _domain_noun_after(self, token: Token) -> bool:
        """A lower-case domain word the model reads as a noun qualifying the word before it ("des
        forces armées")."""
        return token.text.islower() and token.head.i == token.i - 1 \
            and fold_quotes(token.lemma_.lower()) in self.rules.body_domains

    def _coordinated_body(self, head: Token, end: int) -> Found | None:
        """ "les ministères de l'Intérieur et de la Justice": a second capitalised
        domain joined by a conjunction is a second body of the same noun ("ministère de la
        Justice", named by the noun's lemma and the domain), not a place."""
        j = end + 1
        if j + 2 >= len(self.tokens) or self.tokens[j].pos_ != "CCONJ" \
                or self.lows[j + 1] not in self.rules.of_prepositions:
            return None
        of = j + 1
        j += 2
        while j < len(self.tokens) and self.tokens[j].pos_ == "DET":
            j += 1
        if j >= len(self.tokens) or self.tokens[j].pos_ not in ("NOUN", "PROPN") or not self.capitalised[j]:
            return None
        last = self.tokens[self._body_end(j)]
        start, stop = self.tokens[of].idx, last.idx + len(last.text)
        name = f"{head.lemma_} {self.text[start:stop]}"
        return Found(self._mention(start, stop, "Actor", "Organization", "pattern", 0.65), name)

    def _body_found(self, head: Token, start: int, stop: int) -> Found:
        name = self.text[start:stop]
        entry = self._lookup(name)
        if entry is not None and entry.kind != "Person":  # "le département d'Etat"
            item = self._from_entry(entry, start, stop, name, head, "gazetteer")
            if item is not None:
                return item
        return Found(self._mention(start, stop, "Actor", "Organization", "pattern", 0.7), name)

    # -- descriptions ---------------------------------------------------------------
    def _descriptions(self):
        """ "l'ONG", "le quotidien", "l'organisation islamique": a definite description that
        names again an actor named before (grouping decides which, by kind and distance)."""
        table = self.rules.descriptions
        for i, lemma in enumerate(self.lemmas):
            kinds = table.get(lemma) or table.get(self.lows[i])
            if kinds is None or self.pos[i] not in ("NOUN", "PROPN"):
                continue
            token = self.tokens[i]
            end = self._description_end(token)
            if end is None:
                continue
            last = self.tokens[end]
            yield Found(self._mention(token.idx, last.idx + len(last.text), "Actor", kinds[0],
                                      "description", 0.6), self.text[token.idx:last.idx + len(last.text)],
                        refers_to=tuple(kinds))

    def _description_end(self, token: Token) -> int | None:
        """The last token of the description a noun opens, None when it opens none: "les
        rebelles", "les rebelles de Kidal" (a collective: the group named before or its own
        actor), "l'organisation islamique"; not "les groupes jihadistes" (a class), nor "le
        groupe jihadiste État islamique" (the name it introduces follows)."""
        if self.lows[token.i] in self.rules.description_actors:
            return self._joint_actor_end(token)
        collective = self.lows[token.i] in self.rules.collective_nouns
        # "le porte-parole du groupe": the complement of a role names the actor again too
        of_role = _folded_lemma(token.head) in self.rules.role_nouns or self.lows[token.head.i] in self.rules.role_nouns
        if not self._bare_description(token, collective, of_role):
            return None
        if collective:  # "les rebelles chiites Houthis": past the adjectives to the name
            end, nxt = token.i, self._past_plain_adjectives(token.i + 1)
        else:
            end = max([token.i, *(c.i for c in children_of(token) if c.dep_ == "amod" and c.i == token.i + 1)])
            nxt = end + 1
        if nxt < len(self.tokens) and self.tokens[nxt].idx in self._claimed_names[0] and not (
                collective and self.lows[nxt] in self.rules.demonyms) \
                and not _demonstrative_det(token):  # "les rebelles syriens"; "de ce mouvement Jean X"
            return None
        return self._past_lower_adjectives(token.i + 1) - 1 if collective else end

    def _past_lower_adjectives(self, i: int) -> int:
        """The first token from ``i`` that is neither a plain adjective nor a people's name: a
        collective's description runs over them ("les rebelles naxalites", "les insurgés
        islamistes", "les rebelles touaregs"), not over a state's demonym ("les rebelles
        congolais du M23": the group of that state's war, named after)."""
        while i < len(self.tokens) and (self._is_plain_adjective(i) or self.lows[i] in self.rules.peoples):
            i += 1
        return i

    def _bare_description(self, token: Token, collective: bool, of_role: bool) -> bool:
        """Whether a description's noun stands bare: definite with no complement (after a
        contracted article too for a collective or a role's complement), singular unless a
        collective; a collective also with no determiner in an "entre" pair ("entre jihadistes et
        forces du régime")."""
        if collective:
            return self._bare_side(token) or self._is_bare_definite(token, True)
        return self._is_bare_definite(token, of_role) and not self._plural(token)

    def _joint_actor_end(self, token: Token) -> int | None:
        """The last token of a coalition's description: "la coalition", past all its
        adjectives ("la coalition internationale anti-jihadiste"), before who leads it ("la
        coalition sous commandement saoudien qui ..."); an indefinite one only with an adjective
        and who leads it ("une coalition internationale menée par X"), not "une
        coalition de groupes armés" (a class)."""
        nxt = self._past_adjectives_of(token)
        end = nxt - 1
        led = led_phrase_after(self.text, self.tokens[end].idx + len(self.tokens[end].text), self.rules) is not None
        if not self._is_definite(token, True):
            return end if end > token.i and led and any(c.dep_ == "det" for c in children_of(token)) else None
        if led or end > token.i:
            named = nxt < len(self.tokens) and self.tokens[nxt].idx in self._claimed_names[0]
            return None if named else end  # "la coalition Viv Ansanm": the name it introduces
        return end if self._is_bare_definite(token) else None

    def _past_adjectives_of(self, noun: Token) -> int:
        """The first token after a noun's lower-case adjectives ("internationale",
        "saoudienne", "anti-jihadiste" the tagger takes for a noun)."""
        i = noun.i + 1
        while i < len(self.tokens) and self.tokens[i].text.islower() and (
                self.tokens[i].pos_ == "ADJ" or self.tokens[i].dep_ == "amod" and self.tokens[i].head.i == noun.i):
            i += 1
        return i

    def _organs(self):
        """ "l'armée", "les forces de l'ordre", "la junte militaire": a definite organ of a state
        with no demonym, name or complement after it (grouping gives it the state of the
        context, or drops it)."""
        others = set()  # heads of organs of another thing ("la police londonienne" ... "la police")
        firsts = _organ_first_words(self.rules)
        for token in self._tokens_in(firsts):
            if self.pos[token.i] != "NOUN" or _counted(token) \
                    or not (self._is_definite(token, True) or self._bare_side(token)):
                continue  # "la mort des quatre militaires": men counted, not the organ
            phrase = self._organ_phrase(token)
            end = None if phrase is None else self._organ_span_end(token, phrase)
            if phrase is not None and end is None and not self.capitalised[token.i] \
                    and not self._state_complement(token.idx + len(phrase)):
                others.add(phrase)  # not a name's noun ("l'Armée d'Arakan" ... "l'armée": the state's)
            if end is None or end < 0 or phrase in others:
                continue  # end < 0: a state's own organ ("l'armée malienne", "le gouvernement à Berlin")
            yield Found(self._mention(token.idx, end, "Actor", "State", "organ", 0.6),
                        self.text[token.idx:end], refers_to=_STATE_KINDS)

    def _bare_side(self, token: Token) -> bool:
        """ "des heurts entre forces de l'ordre et rebelles", "entre jihadistes et forces du
        régime", "ont opposé jihadistes et soldats": a noun with no determiner right after "entre"
        or a verb of opposing, or after the "et" of such a bare pair (three words at most
        between), is a side named as definitely as "les ..."."""
        if any(c.dep_ == "det" and c.i < token.i for c in children_of(token)) or token.i == 0:
            return False
        if self._opens_pair(token.i - 1):
            return True
        if self.lows[token.i - 1] not in self.rules.and_words:
            return False
        window = range(max(0, token.i - 5), token.i - 1)
        return any(self._opens_pair(k) and self.pos[k + 1] != "DET" for k in window)

    def _opens_pair(self, k: int) -> bool:
        """Whether token ``k`` opens a pair of sides: "entre", a verb of opposing ("des combats
        ont opposé insurgés et soldats")."""
        return self.lows[k] in self.rules.between_prepositions \
            or self.pos[k] == "VERB" and _folded_lemma(self.tokens[k]) in self.rules.prepositional_stance_verbs

    def _country_anaphors(self):
        """ "le ministère de la Défense du pays", "le pays a riposté": a definite or demonstrative
        country noun that acts (a subject, a body's country) names again the state that acted
        last (grouping decides)."""
        for i, low in enumerate(self.lows):
            kinds = self.rules.place_anaphors.get(low)
            if not kinds or self.pos[i] != "NOUN" or not set(kinds) & set(_STATE_KINDS):
                continue  # the cheap tests first: this runs on every word
            token = self.tokens[i]
            if self._plural(token) or not self._is_definite(token, True):
                continue
            heads = (token.head, token.head.head)  # "le ministère de la Défense du pays"
            if not (token.dep_.startswith("nsubj") or any(h.lemma_.lower() in self.rules.body_nouns for h in heads)):
                continue  # a place ("le nord du pays"): the relation stage reads it where it needs it
            yield Found(self._mention(token.idx, token.idx + len(token.text), "Actor", "State", "anaphor", 0.6),
                        token.text, refers_to=_STATE_KINDS)

    def _organ_phrase(self, token: Token) -> str | None:
        """The organ phrase of the rules that opens at ``token``, if any."""
        at = fold_quotes(self.text[token.idx:token.idx + 40]).lower()
        return next((p for p in self.rules.state_organs if at.startswith(p)
                     and not at[len(p):len(p) + 1].isalpha()), None)

    def _organ_end(self, token: Token, phrase: str) -> int | None:
        """Where the organ phrase opening at ``token`` ends, None when it names another thing
        ("l'armée de libération", "la police (PNH)", "la police londonienne"); -1 when a demonym
        or a "de" complement names its state ("l'armée malienne", "l'armée du Mali")."""
        end = token.idx + len(phrase)
        first = self._token_index(end - 1) + 1
        i = self._past_plain_adjectives(first)
        if any((self.lows[k] + "s").endswith(tuple(self.rules.inhabitant_endings)) for k in range(first, i)):
            return None  # "la police londonienne": a town's
        if i < len(self.tokens) and (self.lows[i] in self.rules.demonyms or self._placed(i)
                                     or self.lows[i] in self.rules.of_prepositions and self._state_complement_end(i)):
            return -1  # "l'armée malienne", "la police des Pays-Bas": the state's own, read by its name
        if i < len(self.tokens) and self._names_other_organ(i, end):
            return None
        last = self.tokens[i - 1]
        return max(end, last.idx + len(last.text))

    def _organ_span_end(self, token: Token, phrase: str) -> int | None:
        """Where the organ phrase opening at ``token`` ends (``_organ_end``), also before the "de"
        of an infinitive (``_infinitive_organ_end``)."""
        end = self._organ_end(token, phrase)
        return self._infinitive_organ_end(token, phrase) if end is None else end

    def _infinitive_organ_end(self, token: Token, phrase: str) -> int | None:
        """ "accusent les troupes gouvernementales d'avoir attaqué", "l'armée d'avoir tiré": an
        organ (past its plain adjectives) whose "de" opens an infinitive is the organ of the state
        of the context, ending at its own words; None when the "de" opens no verb."""
        end = token.idx + len(phrase)
        i = self._past_plain_adjectives(self._token_index(end - 1) + 1)
        if self.capitalised[token.i] or i + 1 >= len(self.tokens) \
                or self.lows[i] not in self.rules.of_prepositions or self.pos[i + 1] not in ("VERB", "AUX"):
            return None
        last = self.tokens[i - 1]
        return max(end, last.idx + len(last.text))

    def _state_complement(self, end: int) -> bool:
        """Whether the "de" after an organ phrase ending at ``end`` opens an infinitive ("accusent
        l'armée d'avoir attaqué") or a complement naming the state itself or one of its organs
        ("l'armée de ce pays", "les troupes de l'armée mexicaine"): the organ is no other body's,
        and named bare again it is the state's."""
        i = self._token_index(end - 1) + 1
        if i + 1 >= len(self.tokens) or self.lows[i] not in self.rules.of_prepositions:
            return False
        if self.pos[i + 1] in ("VERB", "AUX"):
            return True
        j = i + 1
        while j < len(self.tokens) and self.pos[j] == "DET":
            j += 1
        kinds = self.rules.place_anaphors.get(self.lows[j], ()) if j < len(self.tokens) else ()
        return j < len(self.tokens) and (bool(set(kinds) & set(_STATE_KINDS))
                                         or self.lows[j] in _organ_first_words(self.rules))

    def _names_other_organ(self, i: int, end: int) -> bool:
        """Whether the words from token ``i`` make an organ another one than its context state's:
        a "de" complement, brackets (not an ellipsis "(...)"), a name."""
        nxt = self.tokens[i]
        after = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        return self.lows[i] in self.rules.of_prepositions \
            or nxt.text in ("(", "[") and not (after is not None and after.text[:1] in ".…") \
            or (nxt.text[:1].isupper() and nxt.idx - end < 2)

    def _placed(self, i: int) -> bool:
        """Whether token ``i`` opens a place given to an organ ("le gouvernement à Berlin",
        "l'armée en Colombie"): the organ of the state there, found by the place's own mention;
        not a town ("l'armée à Beni": the army of the state of the context, posted there)."""
        after = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        if self.lows[i] not in self.rules.locative_prepositions or after is None or not after.text[:1].isupper():
            return False
        entries = self.kb.lookup(after.text, self.lang)
        return not entries or any(e.kind in _STATE_KINDS or e.capital_of for e in entries)

    @staticmethod
    def _plural(noun: Token) -> bool:
        """Whether a noun is plural, its determiner's number first ("l'ONG": the tagger reads the
        invariable noun as plural)."""
        det = next((c for c in children_of(noun) if c.dep_ == "det" and c.i < noun.i and morph_values(c, "Number")), None)
        return "Plur" in morph_values((det or noun), "Number")

    def _past_plain_adjectives(self, i: int) -> int:
        """The first token from ``i`` that is no plain adjective."""
        while i < len(self.tokens) and self._is_plain_adjective(i):
            i += 1
        return i

    def _is_plain_adjective(self, i: int) -> bool:
        """A lower-case adjective that names no country ("mécanisée", "militaire", not "russe")."""
        t = self.tokens[i]
        return t.pos_ == "ADJ" and t.text.islower() and self.lows[i] not in self.rules.demonyms

    def _is_bare_definite(self, noun: Token, places_kept: bool = False) -> bool:
        """A noun after a definite determiner and with no complement: not "une organisation"
        (nobody in particular), not "le groupe d'intervention" or "le quotidien Le Monde"
        (another thing); with ``places_kept`` a place complement keeps it bare ("les rebelles
        de Kidal")."""
        return self._is_definite(noun, places_kept) and not self._has_complement(noun, places_kept)

    def _is_definite(self, noun: Token, contracted_too: bool) -> bool:
        """A noun after a definite determiner; with ``contracted_too`` also after a contracted
        article ("une bavure des rebelles syriens")."""
        det = [c for c in children_of(noun) if c.dep_ == "det" and c.i < noun.i]
        contracted = contracted_too and any(
            c.dep_ == "case" and "Def" in morph_values(c, "Definite") for c in children_of(noun) if c.i < noun.i)
        return contracted or bool(det) and self.lows[det[0].i] in self.rules.definite_determiners

    def _has_complement(self, noun: Token, places_kept: bool) -> bool:
        """Whether a noun has a complement that makes it another thing: an apposition, a name,
        a number, a relative clause, a "de" complement (a place's too unless ``places_kept``)."""
        # a complement of purpose keeps it bare ("l'organisation spécialisée dans l'aide médicale"),
        # and a collective its place and its relative clause ("les rebelles de Kidal, qui tenaient la route")
        kept = ("appos", "flat:name", "nummod") if places_kept else ("appos", "flat:name", "acl:relcl", "nummod")
        return any(c.dep_ in kept and c.i > noun.i and not self._subject_relative(c) or (
            c.dep_ == "nmod" and c.i > noun.i and self._genitive(c) and not self._purpose_complement(c)
            and not (places_kept and self._is_place_name(c))) for c in children_of(noun))

    def _purpose_complement(self, c: Token) -> bool:
        """Whether a "de" complement says what a body works at ("l'ONG de défense des droits
        humains", "le groupe de réflexion": `purpose_complement_nouns`, no determiner): the
        description stays bare, unless a name claimed so far lies in or right after it ("l'ONG
        de défense des droits humains Amnesty International": the name it introduces)."""
        if self.lemmas[c.i] not in self.rules.purpose_complement_nouns or any(d.dep_ == "det" for d in children_of(c)):
            return False
        names = set(self._claimed_names[0])
        return not any(self.starts[k] in names for k in range(c.i, min(c.right_edge.i + 2, len(self.tokens))))

    def _subject_relative(self, clause: Token) -> bool:
        """A relative clause right after its noun with the relative pronoun as subject ("l'ONG qui
        s'appuie sur des témoignages"): it says more of the actor named before, not another."""
        return clause.dep_ == "acl:relcl" and any(
            c.dep_.startswith("nsubj") and "Rel" in morph_values(c, "PronType") and c.i == c.head.left_edge.i
            and self.tokens[c.i - 1].i == clause.head.i for c in children_of(clause))

    def _is_place_name(self, token: Token) -> bool:
        """Whether a capitalised word is a place the KB knows ("Kidal")."""
        entry = self._lookup(token.text) if token.text[:1].isupper() else None
        return entry is not None and entry.kind in _PLACE_KINDS

    def _genitive(self, noun: Token) -> bool:
        """Whether a complement is introduced by "de" (or has no preposition at all)."""
        case = next((c for c in children_of(noun) if c.dep_ == "case"), None)
        return case is None or self.lows[case.i] in self.rules.of_prepositions

    # -- demonyms -----------------------------------------------------------------
    def _peoples(self):
        """ "les Kurdes", "des Touareg": a people with no state of its own, named by its
        capitalised plural noun after a determiner, acts as a group."""
        for token in self._tokens_in(self.rules.peoples, 1):
            if not self.capitalised[token.i] or self.pos[token.i] not in ("NOUN", "PROPN"):
                continue
            before = self.lows[token.i - 1]
            if f"{before} " in self.rules.determiners or before in self.rules.contracted_articles:
                yield Found(self._mention(token.idx, token.idx + len(token.text), "Actor", "Group", "pattern", 0.65),
                            token.text)

    def _demonyms(self):
        for token in self._tokens_in(self.rules.demonyms):
            form = self.lows[token.i]
            state_name = self.rules.demonyms.get(form)
            if state_name is None or token.pos_ not in ("ADJ", "NOUN", "PROPN") and not _misread_demonym(token):
                continue
            if token.pos_ in ("NOUN", "PROPN") and not token.text[:1].isupper() \
                    and not _adjective_after_noun(token):
                continue  # "le russe" (the language); "le président afghan" tagged PROPN stays
            head = token.head if token.dep_ == "amod" else None
            if self._nationality_only(token, head) or self._after_body_name(token.i):
                continue
            entry = self._lookup(state_name, _STATE_KINDS)
            if entry is not None and token.text[:1].isupper() and normalize_label(token.text) == normalize_label(state_name):
                found = self._from_entry(entry, token.idx, token.idx + len(token.text), token.text, token, "gazetteer")
                if found is not None:  # "les Philippines": the country's own name, read as one
                    yield found
                    continue
            type_, kind = self._demonym_type(token, head)
            yield Found(self._mention(token.idx, token.idx + len(token.text), type_, kind, "demonym", 0.7),
                        state_name, entry, country=state_name)

    def _nationality_only(self, token: Token, head: Token | None) -> bool:
        """A demonym on a noun that takes a nationality or a language ("le mouvement
        palestinien", "son acronyme anglais"), its head or, the parse missing it, the noun
        right before."""
        nouns = self.rules.nationality_only_nouns
        return head is not None and head.lemma_.lower() in nouns or token.i > 0 and \
            self.pos[token.i - 1] == "NOUN" and self.tokens[token.i - 1].lemma_.lower() in nouns

    def _demonym_type(self, token: Token, head: Token | None) -> tuple[str, str]:
        """A country after a place noun ("le territoire ukrainien"), else the acting state."""
        before = self._word_before_compound(token.i)
        if (head is not None and (self._is_place_noun(head) or self._origin_only(head))) or (
                before is not None and self._is_place_noun(before)):
            return "Region", "Country"
        return "Actor", "State"

    def _word_before_compound(self, i: int) -> Token | None:
        """The word before a demonym, past the first part of a compound one ("la frontière
        syro-libanaise": "frontière")."""
        j = i - 1
        if j >= 2 and self.texts[j] == "-" and self.lows[j - 1].endswith("o") and self.texts[j - 1].islower():
            j -= 2
        return self.tokens[j] if j >= 0 else None

    def _guard_of(self, token: Token) -> bool:
        """ "des gardes frontières tchadiens": the place noun names what guards keep, written
        without its hyphen; the guards are the state's."""
        return token.i > 0 and _folded_lemma(self.tokens[token.i - 1]) in self.rules.guard_nouns

    def _origin_only(self, head: Token) -> bool:
        """A fighter or an armed group's noun ("des islamistes somaliens", "les factions
        syriennes proturques"): the demonym says where they come from; the state acts not."""
        lemma = _folded_lemma(head)
        return lemma in self.rules.fighter_nouns or lemma in self.rules.armed_group_nouns

    def _after_body_name(self, i: int) -> bool:
        """ "le Hamas palestinien", "le Jihad islamique palestinien": a demonym right after the
        name of a group or body found already qualifies that name; the state acts in nothing."""
        if i == 0:
            return False
        starts, ends = self._claimed_names
        n = bisect_left(ends, self.tokens[i - 1].idx + len(self.tokens[i - 1].text))
        if n >= len(ends) or ends[n] != self.tokens[i - 1].idx + len(self.tokens[i - 1].text):
            return False
        entry = self._lookup(self.text[starts[n]:ends[n]])
        return entry is not None and entry.kind in self._BODY_KINDS

    def _is_place_noun(self, token: Token) -> bool:
        """A noun of a place the country holds ("le territoire ukrainien", "la province irakienne",
        "l'espace aérien polonais"); the state's own noun ("l'État hébreu") names the actor."""
        lemma = fold_quotes(token.lemma_.lower())
        if lemma in self.rules.place_nouns:
            return lemma not in self.rules.state_words and not self._guard_of(token)
        after = self.lows[token.i + 1] if token.i + 1 < len(self.tokens) else ""
        return f"{lemma} {after}" in self.rules.place_nouns

    # -- weapons ------------------------------------------------------------------
    def _weapons(self):
        """Weapon classes by their phrase ("missiles de croisière"), systems named after a
        weapon noun ("missiles ATACMS"), and system names the KB knows ("HIMARS")."""
        yield from self._weapon_class_phrases()
        yield from self._systems_after_heads()
        yield from self._known_systems()

    def _weapon_class_phrases(self):
        """Weapon class phrases ("missiles de croisière")."""
        text_lower = self._folded_lower
        words = set(_WORD.findall(text_lower))
        for phrase, key, folded, pattern, first in _weapon_classes(self.rules):
            if first and first not in words or folded not in text_lower:  # most are absent: no regex run
                continue
            for m in pattern.finditer(text_lower):
                if " " not in phrase and self._no_class_of_its_own(m.start()):
                    continue
                end = self._qualified_end(phrase, m.end())
                if end > m.end():  # "des missiles légers multirôles": a class of its own
                    yield Found(self._mention(m.start(), end, "Weapon", "WeaponClass", "pattern", 0.75),
                                self.text[m.start():end])
                    continue
                entry = self._lookup(key, _WEAPON_KINDS) or self._lookup(phrase, _WEAPON_KINDS)
                yield Found(self._mention(m.start(), m.end(), "Weapon", "WeaponClass", "pattern", 0.8),
                            entry.labels.get(self.lang, phrase) if entry else _singular(phrase, self.rules),
                            entry)

    def _qualified_end(self, phrase: str, end: int) -> int:
        """Where a weapon noun alone ends with the rest of its compound ("drones-suicides"), or
        a bare noun of `determined_weapon_words` with the lower-case adjectives after it
        ("missiles terrestres", "missiles légers multirôles"): a narrower class."""
        compound = _COMPOUND_TAIL.match(self.text, end) if " " not in phrase else None
        if compound:
            return compound.end()
        if phrase not in self.rules.determined_weapon_words:
            return end
        j = self._token_after(end)
        last = self._past_weapon_adjectives(j)
        if last > j and self._opens_infinitive(last):
            return end  # "des missiles capables de transporter ...": what they can do, no class
        return self.ends[last - 1] if last > j else end

    def _opens_infinitive(self, i: int) -> bool:
        """Whether token ``i`` is a preposition opening an infinitive ("capables d'atteindre")."""
        return i + 1 < len(self.tokens) and self.pos[i] == "ADP" \
            and "Inf" in self.tokens[i + 1].morph.get("VerbForm")

    def _no_class_of_its_own(self, start: int) -> bool:
        """A bare weapon noun that names no class: after a demonstrative ("ces drones": the
        weapon named before), and a noun that names a class only when determined
        (`determined_weapon_words`) without a determiner or a numeral before it ("des bases de
        lancement de missiles", "un tir de missile"; but "des missiles", "40 missiles", "des
        drones et de missiles")."""
        token = self._token_at(start)
        if token is None or token.i == 0:
            return False
        before = self.tokens[token.i - 1]
        if "Dem" in before.morph.get("PronType"):
            return True
        if self.lows[token.i] not in self.rules.determined_weapon_words:
            return False
        return not self._determined(token.i)

    def _determined(self, i: int) -> bool:
        """A determiner, a numeral or a contracted article right before token ``i``, or "de"
        after a conjunction or a quantity ("des drones et de missiles", "des dizaines de
        missiles")."""
        low = self.lows[i - 1]
        if self.pos[i - 1] in ("DET", "NUM") or f"{low} " in self.rules.determiners \
                or low in self.rules.contracted_articles:
            return True
        return i > 1 and low in self.rules.place_of_prepositions and (
            self.pos[i - 2] == "CCONJ" or self.tokens[i - 2].lemma_.lower() in self.rules.quantity_nouns)

    def _adjective_read_as_noun(self, i: int, head: int) -> bool:
        """A lower-case noun after an adjective of the head, in its number and with no
        complement: an adjective the model read as a noun ("missiles légers multirôles")."""
        return self.pos[i] == "NOUN" and self.texts[i].islower() \
            and self.tokens[i].morph.get("Number") == self.tokens[head].morph.get("Number") \
            and self.lows[i + 1] not in self.rules.place_of_prepositions

    def _class_of_system(self, m: Mention) -> bool:
        """A weapon class phrase that opens a system's name ("des chars de combat K2", 'un "char
        Merkava"', "un missile balistique Iskander-M") is the system's, no class of its own."""
        if m.kind != "WeaponClass":
            return False
        token = self._token_at(m.start)
        while token is not None and token.i < len(self.tokens) - 1 and token.idx < m.end \
                and self.lows[token.i] not in self.rules.weapon_heads:
            token = self.tokens[token.i + 1]  # past 'un "' the model took in
        return token is not None and token.idx < m.end and self.lows[token.i] in self.rules.weapon_heads \
            and any(self._known_weapon_or_unknown(name) for name in self._system_names_after(token))

    def _known_weapon_or_unknown(self, offsets: tuple[int, int]) -> bool:
        """A name after a weapon noun names a system unless the KB knows it as something else
        ("missiles de l'Otan")."""
        name = self.text[offsets[0]:offsets[1]]
        return self._lookup(name, _WEAPON_KINDS) is not None or self._lookup(name) is None

    def _systems_after_heads(self):
        for token in self._tokens_in(self.rules.weapon_heads):
            for offsets in self._system_names_after(token):
                name = self.text[offsets[0]:offsets[1]]
                if not self._known_weapon_or_unknown(offsets):
                    continue  # "missiles de l'Otan": a known non-weapon name
                yield Found(self._mention(*offsets, "Weapon", "WeaponSystem", "pattern", 0.85), name,
                            self._lookup(name, _WEAPON_KINDS))

    def _system_names_after(self, head: Token) -> list[tuple[int, int]]:
        """The systems named after a weapon noun, past its class phrase, its adjectives and a
        word of type ("missiles antinavires Harpoon", "missiles de croisière de type X"), with
        those coordinated to the first ("des chasseurs J-10, J-11 et Su-30")."""
        past_adjectives = self._past_weapon_adjectives(self._past_class_phrase(head))
        j = self._past_type_words(past_adjectives)
        if j == past_adjectives and self.lows[head.i] in self.rules.typed_weapon_heads:
            return []  # "un véhicule Toyota": a make; "un véhicule de type X" names a system
        found = []
        while True:
            offsets = self._system_name_at(j)
            if offsets is None:
                return found
            found.append(offsets)
            j = self._token_after(offsets[1])
            if j + 1 < len(self.tokens) and (self.texts[j] == "," or self.pos[j] == "CCONJ") \
                    and not self.tokens[j + 1].is_sent_start:
                j += 1
            else:
                return found

    def _past_class_phrase(self, head: Token) -> int:
        """The token after the weapon class phrase the head opens ("missiles de croisière"),
        else after the head."""
        text_lower = self._folded_lower
        for _, _, _, pattern, first in _weapon_classes(self.rules):
            if first == self.lows[head.i]:
                m = pattern.match(text_lower, head.idx)
                if m:
                    return self._token_after(m.end())
        return head.i + 1

    @functools.cached_property
    def _folded_lower(self) -> str:
        """The text in lower case, quotes folded (as the weapon class phrases are written)."""
        return fold_quotes(self.text).lower()

    def _past_weapon_adjectives(self, j: int) -> int:
        """Past up to two lower-case adjectives (no demonym) after the weapon noun before ``j``,
        also one the model read as a noun ("des obusiers automoteurs K9")."""
        start = j
        while j < min(start + 2, len(self.tokens) - 1) and self.texts[j].islower() \
                and self.lows[j] not in self.rules.demonyms \
                and (self.pos[j] == "ADJ" or self._adjective_read_as_noun(j, start - 1)):
            j += 1
        return j

    def _past_type_words(self, j: int) -> int:
        """Past "de type" and its like between a weapon noun and the name."""
        for phrase in self.rules.weapon_type_words:
            words = phrase.split()
            if self.lows[j:j + len(words)] == words:
                return j + len(words)
        return j

    def _token_after(self, offset: int) -> int:
        """The first token that starts at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def _system_name_at(self, j: int) -> tuple[int, int] | None:
        """Up to three capitalised words (or model numbers) from token ``j``, or the longer name the
        KB knows from there with lower-case words in it (``_known_system_end``: "Dôme de fer"); a
        bare number opens none ("deux missiles Onyx et 12 autres missiles Kalibr": a count)."""
        names = []
        while j < len(self.tokens) and len(names) < 3:
            t = self.tokens[j]
            if t.is_space or (names and t.is_sent_start) or (not names and t.text.isdigit()) \
                    or not (_CAPITALISED.match(t.text) or _is_model_number(t.text)):
                break
            names.append(t)
            j += 1
        if not names:
            return None  # (a first word the parse opens a sentence on is still the name: no stop before it)
        end = _glued_end(self.text, names[-1].idx + len(names[-1].text))
        return names[0].idx, max(end, self._known_system_end(names[0].i))

    def _known_system_end(self, i: int) -> int:
        """The end of a system's name of two or three words from token ``i`` that the KB knows
        written so, lower-case words in it ("le système Dôme de fer"), or 0."""
        for n in (3, 2):
            last = i + n - 1
            if last < len(self.tokens) and self.tokens[last].is_alpha and self.can_end[last]:
                name = self.text[self.tokens[i].idx:self.ends[last]]
                entry = self._lookup(name, _WEAPON_KINDS)
                if entry is not None and _is_name_of(entry, name):
                    return self.ends[last]
        return 0

    def _known_systems(self):
        """Bare system names the KB knows ("HIMARS", "Taurus"): the longest of up to three words."""
        for i, capitalised in enumerate(self.capitalised):
            token = self.tokens[i]
            if not capitalised or token.is_space:
                continue
            for n in (3, 2, 1):
                if token.i + n > len(self.tokens) or self.blank[token.i + n - 1]:
                    continue
                start, end = token.idx, self.ends[token.i + n - 1]
                entry = self._lookup(self.text[start:end], _WEAPON_KINDS)
                if entry is not None:
                    yield Found(self._mention(start, end, "Weapon", entry.kind, "gazetteer", 0.85),
                                self.text[start:end], entry)
                    break

    # -- roles --------------------------------------------------------------------
    def _roles(self):
        heads = _role_heads(self.rules)
        starts = sorted(i for low, at in self._form_positions().items() if strip_accents(low) in heads for i in at)
        for i in starts:
            found = self._role_at(self.tokens[i])
            if found is not None:
                yield found

    def _role_at(self, token: Token) -> Found | None:
        """A role phrase starting at ``token`` ("le ministre polonais de la Défense"): its
        extent, the country it is of, the body it qualifies and the name apposed to it."""
        if token.pos_ not in ("NOUN", "ADJ", "PROPN") or token.is_space:
            return None
        matched = self._role_phrase_at(token)
        if matched is None or self._indefinite_before(token):
            return None  # an indefinite role names nobody in particular
        phrase, offices, inner = matched
        end_tok, country = self._role_country(token, phrase, inner)
        qualified = False
        if country is None:  # "le porte-parole militaire des Houthis": past the adjectives
            end_tok, country, qualified = self._role_complement(self._past_adjectives(end_tok))
        end = self.tokens[end_tok].idx + len(self.tokens[end_tok].text)
        return Found(self._mention(token.idx, end, "Actor", "Person", "role", 0.7), phrase,
                     None, apposition=self._apposition(token.i, end_tok), office=offices,
                     country=country, gender=_grammatical_gender(token), qualified=qualified)

    def _role_phrase_at(self, token: Token) -> tuple[str, tuple[str, ...], Token | None] | None:
        """The longest role phrase the words from ``token`` spell (phrase, offices), with the
        demonym inside it when there is one ("ministre polonais de la Défense")."""
        window = [t for t in self.tokens[token.i: token.i + 12] if not t.is_space]
        words = [_low(t) for t in window]
        inner = None
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
        return None if best is None else (best[0], best[1], inner)

    def _indefinite_before(self, token: Token) -> bool:
        det = self._prev_words(token.i, 1)
        return bool(det) and det[0] in self.rules.indefinite_determiners

    def _role_country(self, token: Token, phrase: str, inner: Token | None) -> tuple[int, str | None]:
        """The role's last token and the country a demonym names: inside the phrase, before
        it ("Russian President"), after it ("le président russe"), or on a word of its domain
        ("le ministre des Affaires étrangères russe")."""
        end_tok = self._phrase_end(token, phrase)
        if inner is not None and len(phrase.replace("'", "' ").split()) > 1:
            return self._phrase_end(token, phrase + " x"), self.rules.demonyms[_low(inner)]
        for reading in (self._demonym_before_role, self._demonym_after_role, self._demonym_of_domain):
            found = reading(token, end_tok)
            if found is not None:
                return found
        return end_tok, None

    def _demonym_before_role(self, token: Token, end_tok: int) -> tuple[int, str] | None:
        if "before" not in self.rules.demonym_positions:
            return None
        before = token.i - 1
        while before >= 0 and self.lows[before] in self.rules.role_modifiers:
            before -= 1  # "the former Russian president"
        if before >= 0 and self.lows[before] in self.rules.demonyms and _adjectival(self.tokens[before]):
            return end_tok, self.rules.demonyms[self.lows[before]]
        return None

    def _demonym_after_role(self, token: Token, end_tok: int) -> tuple[int, str] | None:
        nxt = end_tok + 1
        while nxt < len(self.tokens) and self.tokens[nxt].is_space:
            nxt += 1
        if nxt < len(self.tokens) and self.lows[nxt] in self.rules.demonyms and _adjectival(self.tokens[nxt]):
            return nxt, self.rules.demonyms[self.lows[nxt]]
        return None

    def _demonym_of_domain(self, token: Token, end_tok: int) -> tuple[int, str] | None:
        country, last = None, end_tok
        for child in self.tokens[token.i: end_tok + 1]:
            if fold_quotes(child.lemma_.lower()) not in self.rules.role_domains:
                continue
            for sub in children_of(child):
                form = fold_quotes(sub.lower_)
                if sub.i > last and form in self.rules.demonyms and sub.dep_ == "amod":
                    country, last = self.rules.demonyms[form], sub.i
        return None if country is None else (last, country)

    def _past_adjectives(self, end_tok: int) -> int:
        """The last of the lower-case adjectives right after a role noun that qualify it
        ("porte-parole militaire", "chef adjoint"), demonyms aside, and of a phrase of the
        rules' ``role_tails`` after them ("le gouverneur par intérim")."""
        i = end_tok
        while i + 1 < len(self.tokens) and self._is_plain_adjective(i + 1) \
                and self.tokens[i + 1].dep_ == "amod" and self.tokens[i + 1].head.i == end_tok:
            i += 1
        for tail in self.rules.role_tails:
            words = tail.split()
            if self.lows[i + 1: i + 1 + len(words)] == words:
                return i + len(words)
        return i

    def _role_complement(self, end_tok: int) -> tuple[int, str | None, bool]:
        """The role's last token, the country of its "de X" complement, and whether that
        complement is a body the text does not name ("porte-parole du gouvernement")."""
        complement = self._complement(end_tok)
        if complement is None:
            return end_tok, None, False
        last, name = complement
        if name is None and self._role_phrase_at(self.doc[self._after_of(end_tok)]) is not None:
            return end_tok, None, False  # "porte-parole du président russe X": the president is X
        if name is None:
            return self._phrase_tail(last), None, True
        return last, name, False

    def _phrase_tail(self, i: int) -> int:
        """Last token of the contiguous noun phrase headed at ``i`` ("présidence russe")."""
        subtree = {t.i for t in self.tokens[i].subtree}
        while i + 1 < len(self.tokens) and not self.tokens[i + 1].is_space:
            if _inside_word(self.tokens[i + 1]) and i + 2 < len(self.tokens):
                i += 2  # "administration civilo-militaire": the parse may hang the parts elsewhere
            elif i + 1 in subtree and not self.tokens[i + 1].is_punct:
                i += 1
            else:
                break
        return i

    def _complement(self, end_tok: int) -> tuple[int, str | None] | None:
        """The "de X" after a role: (last token, X's KB name) — X None when it is a common noun."""
        i = self._after_of(end_tok)
        if i is None:
            return None
        if not _CAPITALISED.match(self.doc[i].text):
            return (i, None) if self.doc[i].pos_ == "NOUN" else None
        # a name the KB does not know ("le gouverneur de l'Etat du Darfour-Nord") still ends the role
        return self._named_complement(i) or ((i, None) if self.doc[i].pos_ in ("NOUN", "PROPN") else None)

    def _after_of(self, end_tok: int) -> int | None:
        """The first word after "de", "du", "de la" following ``end_tok``, if one follows."""
        doc = self.doc
        i = end_tok + 1
        words = []
        r = self.rules
        while i < len(doc) and len(words) < 3 and (doc[i].is_space or fold_quotes(doc[i].lower_) in r.articles
                                                    or fold_quotes(doc[i].lower_) in r.of_prepositions):
            if not doc[i].is_space:
                words.append(doc[i])
            i += 1
        if not words or fold_quotes(words[0].lower_) not in r.of_prepositions or i >= len(doc):
            return None
        return i

    def _named_complement(self, i: int) -> tuple[int, str] | None:
        """The known name from token ``i``: NER's whole name, else the longest run of
        capitalised words and adjectives that is a seat of power or a KB name."""
        doc = self.doc
        ent = self._ents_by_start.get(i)
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
        return self._name_after_role(last) or self._name_before_role(first)

    def _name_after_role(self, last: int) -> tuple[int, int] | None:
        """ "le président X", "... atomique (AIEA), Rafael Grossi", "le ministre, M. X"."""
        doc = self.doc
        j = self._after_brackets(last + 1, last + 8)
        if j + 1 < len(doc) and doc[j].pos_ == "ADJ" and doc[j].text.islower() and _is_name_token(doc[j + 1]):
            j += 1  # "le chef de la diplomatie européenne Kaja Kallas"
        j = self._past_demonstrative_complement(self._past_place_complement(j))
        if j < len(doc) and doc[j].text == ",":
            j = self._after_titles(self._past_participle_aside(j + 1))
        if j < len(doc) and (_is_name_token(doc[j]) or self._organisation_read_apposed(j)):
            self._role_names.add(doc[j].idx)
            return doc[j].idx, doc[j].idx + len(doc[j].text)
        return None

    def _organisation_read_apposed(self, j: int) -> bool:
        """A name of capitalised words the model reads as an organisation, closed by a comma,
        after a role's comma ("le porte-parole du TNLA, Tar Bhone Kyaw, a déclaré"): a person's
        name, unless a word of it names a body (see ``_person_apposed_to_role``)."""
        token = self.doc[j]
        if token.ent_iob_ != "B" or token.ent_type_ not in ("ORG", "MISC"):
            return False
        k = j
        while k + 1 < len(self.doc) and self.doc[k + 1].ent_iob_ == "I":
            k += 1
        after = self.doc[k + 1].text if k + 1 < len(self.doc) else ""
        return k > j and after in (",", ")") and all(self.capitalised[i] for i in range(j, k + 1))

    def _past_place_complement(self, j: int) -> int:
        """The comma after a short "de" complement at ``j`` the parse left out of the role
        ("chef de l'administration civilo-militaire de la région de X, Y"), else ``j``."""
        doc = self.doc
        if j >= len(doc) or fold_quotes(doc[j].lower_) not in self.rules.of_prepositions:
            return j
        k = j + 1
        while k < len(doc) and k - j < 7 and (doc[k].pos_ in ("DET", "ADP", "NOUN", "PROPN", "ADJ")
                                             or _inside_word(doc[k])) and doc[k].text != ",":
            k += 1
        return k if k < len(doc) and doc[k].text == "," else j

    def _past_demonstrative_complement(self, j: int) -> int:
        """The token after a "de" complement naming again an actor of the text with a
        demonstrative and lower-case words ("un délégué de ce mouvement armé X"), when a
        person's name (as the model reads it) follows it, else ``j``."""
        doc = self.doc
        if j + 2 >= len(doc) or fold_quotes(doc[j].lower_) not in self.rules.of_prepositions \
                or doc[j + 2].pos_ != "NOUN" or not _demonstrative_det(doc[j + 2]):
            return j
        k = j + 3
        while k < len(doc) and k - j < 6 and doc[k].pos_ == "ADJ" and doc[k].text.islower():
            k += 1
        return k if k < len(doc) and _is_name_token(doc[k]) and doc[k].ent_type_ == "PER" else j  # no "ce groupe X"

    def _past_participle_aside(self, j: int) -> int:
        """The token after an aside opening on a participle at ``j`` and closed by a comma
        ("le gouverneur du Darfour, nommé par les FSR, X"), else ``j``."""
        doc = self.doc
        if j >= len(doc) or doc[j].pos_ != "VERB" or "Part" not in morph_values(doc[j], "VerbForm"):
            return j
        k = j + 1
        while k < len(doc) and k - j < 7 and doc[k].text not in (",", ".", "(", ")") and not doc[k].is_space:
            k += 1
        return k + 1 if k < len(doc) and doc[k].text == "," else j

    def _after_brackets(self, j: int, limit: int) -> int:
        """The token after a bracketed acronym opening at ``j`` ("(AIEA)"), closed before ``limit``."""
        doc = self.doc
        if j < len(doc) and doc[j].text == "(":
            k = j
            while k < len(doc) and doc[k].text != ")" and k < limit:
                k += 1
            return k + 1 if k < len(doc) and doc[k].text == ")" else j  # a long gloss: no acronym
        return j

    def _after_titles(self, j: int) -> int:
        """The token after the determiners and titles from ``j`` ("M.", "le colonel"); at the
        last determiner when no title follows it: a name right after an article is a place or a
        body opening the clause, no holder ("Selon le ministre des Armées, le Mali reste ...")."""
        doc = self.doc
        while j < len(doc) and (doc[j].pos_ == "DET" or doc[j].lower_ in self.rules.name_titles):
            if doc[j].pos_ == "DET" and j + 1 < len(doc) and _is_name_token(doc[j + 1]) \
                    and doc[j + 1].lower_ not in self.rules.name_titles:
                return j
            j += 1
        return j

    def _name_before_role(self, first: int) -> tuple[int, int] | None:
        """ "X, le président": a name, a comma, then the role and its determiners."""
        doc = self.doc
        k = first - 1
        while k >= 0 and (doc[k].is_space or doc[k].pos_ == "DET" or doc[k].lower_ in self.rules.role_modifiers):
            k -= 1
        if k >= 1 and doc[k].text == "," and _is_name_token(doc[k - 1]) and not self._sourced(k - 1) \
                and normalize_label(doc[k - 1].text) not in self.rules.not_names:  # "Samedi, le ministre"
            return doc[k - 1].idx, doc[k - 1].idx + len(doc[k - 1].text)
        return None

    def _sourced(self, name: int) -> bool:
        """Whether a name closes a source phrase ("Selon l'agence officielle Sana, le président
        ..."), or is the agent of a participle opening its clause ("Interrogé par l'AFP, le
        porte-parole ..."): the name is the source, the role after the comma someone else."""
        return any(w in self.rules.speech_introducers for w in self._prev_words(name, 7)) \
            or self._opening_participle_agent(name)

    def _opening_participle_agent(self, name: int) -> bool:
        """Whether the name at ``name`` follows "par" (past its determiner) after a participle
        that opens the sentence or follows a comma ("Contacté par Reuters, ...", "Joint par X")."""
        before = [t for t in self._prev_tokens(name, 4) if t.pos_ != "DET"]
        if len(before) < 2 or _low(before[0]) not in self.rules.agent_prepositions:
            return False
        verb = before[1]  # the parse may read a capitalised participle as a name ("Joint par X")
        if verb.pos_ not in ("VERB", "ADJ", "PROPN") or (
                verb.pos_ != "PROPN" and "Part" not in morph_values(verb, "VerbForm")):
            return False
        before_verb = self._prev_tokens(verb.i, 1)
        return not before_verb or bool(verb.is_sent_start) or before_verb[0].text in (",", ".", "!", "?", ";")


def _grammatical_gender(token: Token) -> str | None:
    """'female' for "la cheffe", "la Première ministre"; 'male' for "le chancelier"."""
    det = next((t for t in reversed(token.doc[max(token.i - 2, 0): token.i]) if t.pos_ == "DET"), None)
    for source in (det, token):
        if source is None:
            continue
        gender = morph_values(source, "Gender")
        if gender == ["Fem"]:
            return "female"
        if gender == ["Masc"] and source is det:
            return "male"
    return None


def _word_columns(doc: Doc, tokens: list[Token]) -> tuple[list, ...]:
    """Each word's lower-case form (``_low``), whether it is capitalised, its POS, form, offset,
    whether it is punctuation or a space, and its folded lemma (``_folded_lemma``), read off
    the parse's arrays (``tokens`` is ``list(doc)``): a look-up per word in what is remembered
    by hash, where each attribute of a Token object decodes a string."""
    if not len(doc):
        return [], [], [], [], [], [], []
    lower, orth, lemma, pos, idx, punct, space = zip(*doc.to_array(_COLUMNS).tolist())
    lows, caps, lemmas, strings = _LOWS.get, _CAPITALS.get, _FOLDED_LEMMAS.get, doc.vocab.strings
    return ([w if (w := lows(h)) is not None else _low(t) for h, t in zip(lower, tokens)],
            [c if (c := caps(h)) is not None else _capitalised(t) for h, t in zip(orth, tokens)],
            [POS_BY_ID[p] for p in pos], [strings[h] for h in orth], list(idx),
            [bool(p or s) for p, s in zip(punct, space)],
            [w if (w := lemmas(h)) is not None else _folded_lemma(t) for h, t in zip(lemma, tokens)])


_COLUMNS = [LOWER, ORTH, LEMMA, POS, IDX, IS_PUNCT, IS_SPACE]


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

_UNSEEN = object()
#: the knowledge base the remembered look-ups are of, and them (one at a time: it is loaded once)
_LOOKUPS: list = [None, {}]


def _lookups_of(kb) -> dict:
    """The look-ups remembered for ``kb`` (forgotten when another knowledge base comes)."""
    if _LOOKUPS[0] is not kb:
        _LOOKUPS[0], _LOOKUPS[1] = kb, {}
    return _LOOKUPS[1]


def _capitalised(token: Token) -> bool:
    """Whether the token's form starts with a capital or a digit, remembered by its hash."""
    key = token.orth
    found = _CAPITALS.get(key)
    if found is None:
        if len(_CAPITALS) >= 65536:
            _CAPITALS.clear()  # memory stays flat over a corpus
        found = _CAPITALS[key] = _CAPITALISED.match(token.text) is not None
    return found


_CAPITALS: dict[int, bool] = {}


def _folded_lemma(token: Token) -> str:
    """``fold_quotes(token.lemma_.lower())``, remembered by the lemma's hash (two finders ask
    for every token's)."""
    key = token.lemma
    folded = _FOLDED_LEMMAS.get(key)
    if folded is None:
        if len(_FOLDED_LEMMAS) >= 65536:
            _FOLDED_LEMMAS.clear()  # memory stays flat over a corpus
        folded = _FOLDED_LEMMAS[key] = fold_quotes(lower_lemma(token))
    return folded


_FOLDED_LEMMAS: dict[int, str] = {}

@functools.cache
def _domain_words(rules: LanguageRules) -> frozenset[str]:
    """Role domains and rank ends, without accents ("defense", "brigade")."""
    return frozenset(strip_accents(w) for w in rules.body_domains | rules.rank_complements)


@functools.cache
def _body_domains(rules: LanguageRules) -> frozenset[str]:
    """Role domains, without accents ("defense", "information")."""
    return frozenset(strip_accents(w) for w in rules.body_domains)


@functools.cache
def _ordinal(rules: LanguageRules) -> re.Pattern:
    """An ordinal written with digits and one of the language's suffixes ("3e", "1er", "3rd")."""
    suffixes = "|".join(re.escape(s) for s in sorted(rules.ordinal_suffixes, key=len, reverse=True))
    if not suffixes:
        return re.compile(r"(?!)")  # the language writes no ordinal with digits
    return re.compile(rf"^\d{{1,3}}(?:{suffixes})$")


def _adjective_after_noun(token: Token) -> bool:
    """A lower-case word right after a noun, whatever the tagger says ("président afghan" is
    often tagged PROPN): an adjective of that noun."""
    return token.text.islower() and token.i > 0 and token.doc[token.i - 1].pos_ in ("NOUN", "PROPN")


def _written_so(entry: KBEntry, name: str, lang: str) -> bool:
    """Whether the KB writes this name so, letter case included, in the text's language."""
    folded = fold_quotes(name)
    return folded == fold_quotes(entry.labels.get(lang, "")) or folded in map(fold_quotes, entry.aliases.get(lang, ()))


def _particle_word(word: str, rules: LanguageRules) -> bool:
    """A name after a lower-case particle joined by a hyphen ("el-Facher", "al-Harir")."""
    head, _, rest = word.partition("-")
    return head in rules.name_particles and rest[:1].isupper()


def _looks_like_acronym(word: str) -> bool:
    """ "GSIM", "PNH", "FAMa", "M.N.L.A.", "SPLA-IO": two to eight letters, the first and another
    in capitals."""
    letters = word.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters[0].isupper() \
        and ("-" not in word or all(p.isupper() for p in word.split("-"))) \
        and sum(c.isupper() for c in letters) >= 2


def _titled_acronym(word: str) -> bool:
    """ "Garsi", "Minusma": an acronym the press writes as a word, four to eight letters, the
    first alone in capitals."""
    return 4 <= len(word) <= 8 and word.isalpha() and word[0].isupper() and word[1:].islower()


def _capital_acronym(name: str, text: str, start: int) -> bool:
    """ "le NUG", "du GNA", "l'EUTM-S": an unknown word of three to six capitals after a lower-case word
    abbreviates a body, not a place (places the press writes so are known: "RDC"); not in a
    dateline or a heading in capitals ("AL-MUKALLA: ...", "A VENDRE")."""
    before = text[max(0, start - 30):start].split()
    letters = name.replace("-", "")
    return " " not in name and 3 <= len(letters) <= 6 and letters.isalpha() and letters.isupper() \
        and bool(before) and (before[-1].endswith("(") or before[-1][:1].islower()
                              and (before[-1][-1:].isalpha() or before[-1][-1:] in "'’"))


def _is_model_number(word: str) -> bool:
    """ "F-16", "Su-34": a hyphenated word with a digit."""
    return "-" in word and any(c.isdigit() for c in word)


def _glued_end(text: str, end: int) -> int:
    """The end of a name the tokenizer split at a hyphen or a letter ("IRIS-T", "F-16")."""
    while end < len(text) and not text[end].isspace() and (
            text[end].isalnum() or text[end] == "-" and end + 1 < len(text) and text[end + 1].isalnum()):
        end += 1
    return end


def _is_name_of(entry: KBEntry, name: str) -> bool:
    """Is ``name`` one of the entry's labels or aliases (case, accents and a hyphen written as a
    space aside: "Al Qaïda au Maghreb islamique" is "Al-Qaïda au Maghreb islamique")?"""
    return _unhyphenated(name) in {_unhyphenated(n) for n in (
        *entry.labels.values(), *(a for aliases in entry.aliases.values() for a in aliases))}


def _unhyphenated(name: str) -> str:
    """A name's comparison key with its hyphens read as spaces."""
    return normalize_label(name).replace("-", " ")


def _adjectival(token: Token) -> bool:
    return token.pos_ == "ADJ" or _adjective_after_noun(token)


def _breaks_long_form(t: Token) -> bool:
    """A space, a line break or punctuation other than a hyphen or an apostrophe: no part of
    an acronym's long form."""
    return t.is_space or "\n" in t.text or (t.is_punct and t.text not in ("-", "'", "’"))


def _is_name_token(token: Token) -> bool:
    return bool(_CAPITALISED.match(token.text)) and token.pos_ in ("PROPN", "X", "NOUN", "ADJ") \
        and (token.ent_type_ in ("PER", "MISC") or token.pos_ == "PROPN")


@functools.cache
def _determiners(rules: LanguageRules) -> tuple[str, ...]:
    """The rules' leading determiners, quotes folded, longest first."""
    return tuple(sorted({fold_quotes(d) for d in rules.determiners}, key=len, reverse=True))


#: the rest of a hyphenated compound after a weapon noun ("drones-suicides", "drone-kamikaze")
_COMPOUND_TAIL = re.compile(r"-[a-zà-öø-ÿœæ]+(?:-[a-zà-öø-ÿœæ]+)*(?![\w-])")


@functools.cache
def _weapon_classes(rules: LanguageRules) -> tuple[tuple[str, str, str, re.Pattern, str], ...]:
    """(phrase, key, phrase with quotes folded, its whole-word pattern, its first word or ""),
    longest phrase first.  The pattern matches only where the first word is a whole word of
    the text (the phrase's bounds are the word's, or it goes on with a non-word character), and
    not the end of a compound ("lance-roquettes" is no "roquettes")."""
    ordered = sorted(rules.weapon_classes.items(), key=lambda kv: -len(kv[0]))
    return tuple((phrase, key, fold_quotes(phrase),
                  re.compile(r"(?<![\w-])" + re.escape(fold_quotes(phrase)) + r"(?!\w)"),
                  _first_word(fold_quotes(phrase)))
                 for phrase, key in ordered)


def _first_word(phrase: str) -> str:
    """The first run of word characters a phrase opens with ("" when it opens with another)."""
    match = _WORD.match(phrase)
    return match.group() if match else ""


@functools.lru_cache(maxsize=256)
def _stems(lemmas: tuple[str, ...], endings: tuple[str, ...]) -> tuple[str, ...]:
    """The stems of the lemmas with one of these infinitive endings ("tourner" -> "tourn")."""
    return tuple(sorted(lemma[:-len(e)] for lemma in lemmas for e in endings if e and lemma.endswith(e)))


@functools.cache
def _name_leads(rules: LanguageRules) -> tuple[str, ...]:
    """The prepositions the model may take into a name ("de France", "en Irak"), as they open it."""
    return _leads((*rules.of_prepositions, *rules.locative_prepositions))


@functools.cache
def _leads(prepositions: Sequence[str]) -> tuple[str, ...]:
    """How each preposition opens a name: elided ones glued ("d'"), the others with a space."""
    return tuple(sorted((p if p.endswith("'") else p + " " for p in prepositions), key=lambda p: (-len(p), p)))


@functools.cache
def _unaccented(words: frozenset[str]) -> frozenset[str]:
    return frozenset(strip_accents(w) for w in words)


def _after_phrase(words: list[str], phrases: Sequence[str]) -> bool:
    """Do the words before a token (nearest first) end with one of the phrases ("face à")?"""
    return any(words[:len(p.split())] == p.split()[::-1] for p in phrases)


@functools.cache
def _seats(rules: LanguageRules) -> dict[str, str]:
    return {normalize_label(seat): state for seat, state in rules.seats_of_power.items()}


def _counted(noun: Token) -> bool:
    """Whether a number counts the noun ("les deux soldats")."""
    return any(c.dep_ == "nummod" and c.i < noun.i for c in children_of(noun))


@functools.cache
def _complement_heads(rules: LanguageRules) -> frozenset[str]:
    """The nouns that open a body's name made with a lower-case complement ("Conseil de
    souveraineté", "Alliance de la fraternité"): descriptions of a body, actors' descriptions
    ("alliance"), institutions' and organs' heads; not a state organ's noun ("le Gouvernement de
    transition" stays the state's organ)."""
    described = {w for w, kinds in rules.descriptions.items() if any(k in _BODY_NAME_KINDS for k in kinds)}
    heads = described | set(rules.description_actors) | set(rules.institution_heads) | set(rules.organ_heads)
    return frozenset(heads - _organ_first_words(rules))


@functools.cache
def _organ_first_words(rules: LanguageRules) -> frozenset[str]:
    """The first words of the rules' state organ phrases ("forces", "armée"): the only nouns
    ``_organs`` reads further; also a hyphenated word's part before its hyphen, where the
    tokenizer cuts it ("Etat-major": "etat")."""
    firsts = {fold_quotes(p).lower().split()[0] for p in rules.state_organs}
    return frozenset(firsts | {w.split("-")[0] for w in firsts})


@functools.cache
def _state_forces(rules: LanguageRules) -> dict[str, str]:
    """The rules' national armed forces by normalised name -> their state's name."""
    return {normalize_label(name): state for name, state in rules.state_forces.items()}


@functools.cache
def _role_heads(rules: LanguageRules) -> frozenset[str]:
    """First words of the role phrases, accents aside: only tokens among them can start a role."""
    return frozenset(strip_accents(phrase.replace("'", "' ").split()[0]) for phrase in rules.role_nouns)


def _phrase_key(words: list[str], size: int) -> str:
    """The first ``size`` words as one phrase, accents stripped (compared with a role phrase's key)."""
    return strip_accents(" ".join(w.replace("'", "' ").strip() for w in words[:size]).replace("' ", "'"))


@functools.cache
def _role_phrases(rules: LanguageRules) -> tuple[tuple[str, tuple[str, ...], int, str], ...]:
    """(phrase, offices, number of words, phrase key) of each role noun, in the rules' order."""
    return tuple((phrase, offices, len(phrase.replace("'", "' ").split()), strip_accents(phrase))
                 for phrase, offices in rules.role_nouns.items())


@functools.lru_cache(maxsize=16384)
def _past_role_title(rules: LanguageRules, chunk: str) -> tuple[int, str]:
    """``_Finder._past_role_title`` on a chunk: the characters skipped and the name left."""
    words = fold_quotes(chunk).lower().replace("'", "' ").split()
    keys = _role_keys(rules)
    size = next((n for n in (4, 3, 2, 1) if _phrase_key(words, n) in keys.get(n, ())), 0)
    if not size:
        return 0, chunk
    role = len(" ".join(words[:size]).replace("' ", "'"))
    rest = chunk[role:].lstrip()
    lead = next((p for p in _leads(rules.of_prepositions) if rest.startswith(p)), "")
    rest = rest[len(lead):]
    det = next((d for d in _determiners(rules) if fold_quotes(rest).lower().startswith(d)), "")
    rest = rest[len(det):]
    if not lead:  # "Ministre de la Défense portugaise": a title and its state's demonym, no name
        return (len(chunk), "") if fold_quotes(rest).lower() in rules.demonyms else (0, chunk)
    if rest[:1].isupper() and fold_quotes(rest).lower() not in rules.state_stand_ins:
        return len(chunk) - len(rest), rest
    return len(chunk), ""  # "Président de la République": the state's office, no name


@functools.cache
def _role_keys(rules: LanguageRules) -> dict[int, frozenset[str]]:
    """The role phrases' keys by their number of words (a phrase is looked up, not matched
    against each role noun in turn)."""
    keys: dict[int, set[str]] = {}
    for _, _, size, key in _role_phrases(rules):
        keys.setdefault(size, set()).add(key)
    return {size: frozenset(found) for size, found in keys.items()}


def _singular(phrase: str, rules: LanguageRules) -> str:
    """A weapon class's name: the first phrase the rules list for its key, whatever phrase the
    text wrote ("engins explosifs" and "engin explosif improvisé" are one class, one entity)."""
    key = rules.weapon_classes[phrase]
    return next(other for other, k in rules.weapon_classes.items() if k == key)


def kb_label(entry: KBEntry, lang: str) -> str:
    """The entry's name in ``lang`` (else English, else any)."""
    return entry.labels.get(lang) or entry.labels.get("en") or next(iter(entry.labels.values()), entry.key)


def _inside_word(token: Token) -> bool:
    """A hyphen or apostrophe inside a word ("Darfour-Nord"), no space on either side."""
    return token.i > 0 and not token.doc[token.i - 1].whitespace_ and bool(token.whitespace_ == "") \
        and token.i + 1 < len(token.doc) and token.text in ("-", "'", "’")


def _misread_demonym(token: Token) -> bool:
    """A lower-case demonym the tagger reads as a participle on its noun ("aux forces
    ukrainiennes", "les troupes tadjikes"): an adjective all the same."""
    return token.pos_ == "VERB" and token.dep_ == "amod" and token.text.islower()


def _demonstrative_det(noun: Token) -> bool:
    """A noun with a demonstrative determiner ("ce mouvement"): it names again an actor of the
    text, so a name right after it is no new name of that actor."""
    return any(c.dep_ == "det" and "Dem" in morph_values(c, "PronType") for c in children_of(noun))
