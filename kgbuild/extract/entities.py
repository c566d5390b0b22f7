"""Group mentions into one entity per real-world thing in a document.

"Vladimir Poutine", "Poutine" and "le président russe" become one Actor;
"Moscou" as a speaker joins "la Russie"; a role description joins the person
it is in apposition with, or the office holder the knowledge base names for
the document's date (filtered by the grammatical gender the text shows).
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from bisect import bisect_left, insort
from collections import defaultdict
from difflib import SequenceMatcher
from dataclasses import replace
from typing import Callable, Sequence

from kgbuild.extract.language import LanguageRules
from kgbuild.extract.mentions import Found, Gazetteer, kb_label
from kgbuild.extract.reading import SpanIndex, dominant, led_phrase_after
from kgbuild.kb.keys import match_key, skeleton
from kgbuild.kb.reader import OFFICE_GROUPS
from kgbuild.normalize import fold_quotes, normalize_label, plain_spaces
from kgbuild.types import ENTITY_TYPES, Article, Entity, KBEntry, Mention

__all__ = ["group_mentions"]

_STATE_KINDS = ("Country", "State")
#: what an armed group's description ("le groupe jihadiste") may name among the actors the KB knows
_ARMED_OR_PARTY_KINDS = ("Group", "ArmedGroup", "Party")
#: what a role can be "of": a state or an organisation
_BODY_KINDS = ("Country", "State", "Organization", "InternationalOrganization", "Party", "Media",
               "Government", "ArmedForces")
#: kinds of mention that never hold a role apposed to them
_NOT_HOLDERS = ("State", "Country", "City", "Capital", "AdministrativeRegion", "Continent", "Region", "Place", "Media",
                "Village", "Sea", "Building")
#: offices a country has one holder of at a time, so "le chancelier" alone can be resolved
#: from the countries of the text
_ONE_PER_COUNTRY = ("president", "head_of_state", "chancellor", "prime_minister",
                    "head_of_government", "foreign_minister", "defence_minister", "supreme_leader")


def group_mentions(found: Sequence[Found], kb: Gazetteer, article: Article,
                   rules: LanguageRules) -> tuple[Entity, ...]:
    """Cluster found mentions into Entities (ids e1, e2, ... by first mention)."""
    found = list(found)
    keys: list[str | None] = [_key(f) for f in found]
    _merge_keys(found, keys, kb, article, rules)
    entries: dict[str, KBEntry] = {k: f.entry for f, k in zip(found, keys) if f.entry and k}
    doc_keys = {k for k in keys if k}
    _resolve_roles(found, keys, entries, kb, article, doc_keys)
    _resolve_untitled_roles(found, keys, article.text, rules)
    groups: dict[str, list[Found]] = defaultdict(list)
    for f, k in zip(found, keys):
        if k is not None:
            groups[k].append(f)
    ordered = sorted(groups.items(), key=lambda kv: min(f.mention.start for f in kv[1]))
    entities: list[Entity] = []
    for key, members in ordered:
        entry = entries.get(key)
        if entry is not None and not _plausible(entry, members, doc_keys):
            continue  # "l'Alliance" is no party of a country the text is about
        entities.append(_entity(f"e{len(entities) + 1}", entry, members, article.lang))
    return tuple(entities)


def people_demonym_entities(entities: Sequence[Entity], rules: LanguageRules) -> list[str]:
    """The ids of the states named only by a demonym that names a people more than an acting
    state ("les Palestiniens", "le ministère palestinien de la Santé": `people_states`): no
    entity of the document, though their mentions vouch for their places' country when linking."""
    return [e.id for e in entities if e.label in rules.people_states
            and all(m.method == "demonym" for m in e.mentions)]


def _merge_keys(found: list[Found], keys: list[str | None], kb: Gazetteer, article: Article,
                rules: LanguageRules) -> None:
    """Give the mentions that name one thing one key, in place (``keys[i]`` is ``found[i]``'s):
    the merges of spellings, short forms, acronyms, bodies, organs and weapon nouns, in order,
    then descriptions, organs and homonym places resolved (roles aside)."""
    _merge_surnames(found, keys, rules.person_titles)
    _merge_titled_full_names(found, keys, rules.person_titles)
    _merge_spellings(found, keys)
    _merge_places(found, keys)
    _merge_sites_of_unknown_places(found, keys, article.text)
    _merge_sites_of_lone_towns(found, keys, rules.lone_town_site_nouns)
    _merge_misread_names(found, keys)
    _merge_misread_operations(found, keys)
    _merge_nicknames(found, keys, article.text, rules.nickname_cues)
    _merge_quoted_nicknames(found, keys)
    _merge_glosses(found, keys, article.text, rules)
    _merge_short_forms(found, keys, kb, article.lang, rules.short_forms)
    _merge_acronyms(found, keys, article.text, rules.acronym_skip_words)
    _merge_head_nouns(found, keys, rules.descriptions)
    _merge_bodies_without_demonym(found, keys, rules.demonyms)
    _merge_qualified_bodies(found, keys, rules.demonyms)
    _merge_placed_bodies(found, keys, rules.of_prepositions)
    _merge_national_bodies(found, keys, rules.demonyms, rules.national_adjectives)
    _merge_organs(found, keys, kb, article.lang, rules)
    _merge_truncated_names(found, keys)
    _merge_bare_weapon_nouns(found, keys, article.text, rules)
    _resolve_descriptions(found, keys, _entity_kinds(found, keys), article.text, rules)
    _resolve_organs(found, keys, article.text)
    _split_homonym_places(found, keys, rules.area_nouns)


def _resolve_roles(found: list[Found], keys: list[str | None], entries: dict[str, KBEntry],
                   kb: Gazetteer, article: Article, doc_keys: set[str]) -> None:
    """Each role mention takes the key of the person it names (see ``_resolve_role``)."""
    spans = SpanIndex(range(len(found)), start=lambda i: found[i].mention.start,
                      end=lambda i: found[i].mention.end)
    for i, f in enumerate(found):
        if f.mention.method != "role":
            continue
        keys[i], entry = _resolve_role(f, found, keys, kb, article, doc_keys, spans)
        if entry is not None:
            entries.setdefault(entry.key, entry)
            found[i] = replace(f, entry=entry, name=kb_label(entry, article.lang))


def _entity(entity_id: str, entry: KBEntry | None, members: Sequence[Found], lang: str) -> Entity:
    """One entity of a group of mentions, labelled by its KB entry or its best name."""
    mentions = tuple(sorted((f.mention for f in members), key=lambda m: (m.start, m.end)))
    # a country heading its article ("Syrie : ...") is the place the story is about: a Region,
    # and an Actor too when the text has it act (the annotation guide's dev golds type every
    # such topic country a Region)
    types = tuple(t for t in ENTITY_TYPES if any(m.type == t for m in mentions))
    return Entity(
        id=entity_id,
        label=kb_label(entry, lang) if entry else plain_spaces(_best_name(members)),
        types=types,
        kind=_kind(entry, mentions, types),
        mentions=mentions,
        confidence=round(max(m.confidence for m in mentions), 3),
        kb_id=entry.key if entry else None,
    )


def _merge_short_forms(found: list[Found], keys: list[str | None], kb: Gazetteer, lang: str,
                       short_forms: dict[str, str]) -> None:
    """ "l'Alliance" in a text about the Otan is the Otan, "le Congo" in a text about the RDC
    the RDC (the rules list such short forms); a known name counts only as the text wrote it
    ("la République du Congo" is no short form, whatever its KB label)."""
    present = set(keys)
    for i, f in enumerate(found):
        long_form = short_forms.get(normalize_label(f.name))
        if long_form is None or f.entry is not None and normalize_label(f.mention.text) not in short_forms:
            continue
        target = next((e.key for e in kb.lookup(long_form, lang) if e.key in present), None)
        if target is not None:
            keys[i] = target
            found[i] = replace(f, entry=None, mention=_typed_as_long_form(f, found, keys, target))


def _typed_as_long_form(f: Found, found: list[Found], keys: list[str | None], target: str) -> Mention:
    """A short form the model read as an unknown place ("les Émirats") takes the type the text
    gives its long form's name ("les Émirats arabes unis" acting: an Actor), not a Region of
    its own; another keeps its mention as found."""
    if f.entry is not None or f.mention.kind != "Place":
        return f.mention
    named = next((g.mention for g, k in zip(found, keys) if k == target and g is not f and g.entry is not None), None)
    return f.mention if named is None else replace(f.mention, type=named.type)


#: how many sentences back a description ("l'ONG") looks for the actor it names again
_DESCRIPTION_WINDOW = 4
#: the sentences of a headline ("Ethiopie : les rebelles ..." is two, cut at its colon)
_HEADLINE_SENTENCES = 1


def _entity_kinds(found: Sequence[Found], keys: Sequence[str | None]) -> dict[str, set[str]]:
    """The kinds each key is known by in this document (its KB entry's, its mentions')."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for f, k in zip(found, keys):
        if k is not None:
            kinds[k].add(f.entry.kind if f.entry is not None else f.mention.kind)
    return kinds


def _resolve_descriptions(found: list[Found], keys: list[str | None],
                          kinds: dict[str, set[str]], text: str, rules: LanguageRules) -> None:
    """A description joins an actor named before it whose kind it can stand for: one the text
    introduced with the same noun ("l'ONG Human Rights Watch" ... "l'ONG") if any, else the
    nearest.  Some nouns name only an actor introduced with them: "la coalition" is not the
    group named before unless the text called it a coalition, and "la coalition internationale"
    is then an actor of its own; a collective ("les rebelles") with no group before it is an
    actor of its own too.  One that names nothing the text named stays out of the graph.
    A body ("le ministère libanais de la Santé") is named again only by its own noun: "le
    mouvement" after it is the group named before."""
    own_actors = rules.description_actors
    introduced: dict[str, set[str]] = defaultdict(set)  # key -> nouns it was introduced with
    words, cuts = _description_words(found, text, rules)
    _mark_collective_complements(found, keys, kinds, text, words[3], rules)
    own: set[str] = set()  # the keys of collectives that are actors of their own
    for i, f in enumerate(found):
        if f.mention.method != "description":
            if keys[i] is not None:
                introduced[keys[i]].update(_introducing_words(f, text, cuts[i]))
            continue
        keys[i] = None
        head = normalize_label(f.mention.text.split()[0])
        described = (kinds, introduced, words)
        chosen = _named_after_demonym(i, found, keys, text, rules) or (
            _joint_actor_named(i, head, found, keys, text, rules, *described) if head in own_actors
            else _described_actor(i, head, found, keys, *described, _fighter_qualifiers(f, text, rules)))
        if chosen is not None:
            if not _names_unnamed_one(f, head in introduced[chosen[1]], text, words[3], rules):
                _join_described(i, head, chosen, found, keys, kinds, introduced, own)
        elif (head in own_actors and (" " in f.mention.text.strip() or _led(f, text, rules))) \
                or head in words[3]:
            # "la coalition arabe", "la coalition menée par X", "les rebelles" with no group before: its own actor
            keys[i] = normalize_label(f.mention.text)
            introduced[keys[i]].add(head)
            kinds[keys[i]].add(f.mention.kind)
            found[i] = replace(f, mention=replace(f.mention, method="pattern"))
            if head in words[3]:
                own.add(keys[i])
    _name_collectives(found, keys, own, text, rules)


#: how many characters before a description the body it names may have been brought in unnamed
_UNNAMED_WINDOW = 2000
#: where a phrase splits into words: at spaces and after an elision ("l'armée": "l'", "armée")
_WORD_SPLIT = re.compile(r"\s+|(?<=['’])")


def _names_unnamed_one(f: Found, chosen_introduced: bool, text: str, collectives: frozenset[str],
                       rules: LanguageRules) -> bool:
    """Whether a description names a body the text never named rather than the actor chosen for
    it: one it says is on the government's side ("la milice pro-gouvernementale":
    `government_side_adjectives`), or, for a noun that is no collective, one the text brought in
    with that noun, an indefinite article and no name, when the chosen actor was never called by
    that noun, within `_UNNAMED_WINDOW` characters before the description ("une milice
    pro-gouvernement" ... "la milice", the Taliban named between)."""
    words = fold_quotes(f.mention.text).lower().split()
    after = fold_quotes(text[f.mention.end:f.mention.end + 30]).lower().split()[:1]
    if any(w.strip(",.;:)") in rules.government_side_adjectives for w in words[1:] + after):
        return True
    if chosen_introduced or normalize_label(words[0]) in collectives:
        return False
    segment = text[max(0, f.mention.start - _UNNAMED_WINDOW):f.mention.start]
    return any(_unnamed_indefinite(segment, m, rules) for m in
               re.finditer(rf"\b{re.escape(f.mention.text.split()[0])}\b", segment, re.IGNORECASE))


def _unnamed_indefinite(text: str, match: re.Match, rules: LanguageRules) -> bool:
    """Whether the noun at ``match`` follows a determiner that brings in one body
    (`unnamed_body_determiners`) and no name follows it ("d'une milice pro-gouvernementale", not
    "une milice, les X", nor "une milice dite Y")."""
    after = fold_quotes(text[match.end():match.end() + 40]).lstrip()
    if after[:1].isupper() or after[:1] == "," or any(w in rules.nickname_cues for w in after.lower().split()[:3]):
        return False
    before = _WORD_SPLIT.split(fold_quotes(text[max(0, match.start() - 12):match.start()]).lower().strip())
    return bool(before) and before[-1] in rules.unnamed_body_determiners


def _mark_collective_complements(found: list[Found], keys: list[str | None], kinds: dict[str, set[str]],
                                 text: str, collectives: frozenset[str], rules: LanguageRules) -> None:
    """An organisation named as the complement of a collective ("des rebelles du Mouvement X
    (MX)", "les combattants de l'Organisation Y") is known as a group from then on: "les
    rebelles" may name it again (not a state: "des combattants de l'armée syrienne")."""
    for f, key in zip(found, keys):
        if key is None or (f.entry.kind if f.entry is not None else f.mention.kind) != "Organization" \
                or f.mention.method == "description":
            continue
        window = text[max(0, f.mention.start - 40):f.mention.start]
        before = [normalize_label(w) for w in _WORD_SPLIT.split(window) if w][-3:]
        while before and before[-1] in _normalized(rules.definite_determiners):
            before.pop()
        if len(before) >= 2 and before[-1] in _normalized(rules.of_prepositions) and before[-2] in collectives \
                or _called_collective(f, text, before, collectives, rules):
            kinds[key].add("Group")


def _called_collective(f: Found, text: str, before: list[str], collectives: frozenset[str],
                       rules: LanguageRules) -> bool:
    """An organisation the text calls by a collective's word, as the adjective of the noun that
    introduces it ("le mouvement rebelle X", "le groupe séparatiste X") or in an indefinite
    apposition after it ("X, des combattants séparatistes", "X, un groupe jihadiste"): "les
    rebelles", "les séparatistes" may name it again."""
    stems = _stems(collectives)
    if before and before[-1].strip("«»\"") in stems | collectives:
        return True
    after = re.match(r"\W*,\s*(\w+)\s+((?:\w+\s+){0,2}\w+)", fold_quotes(text[f.mention.end:f.mention.end + 60]))
    if after is None or after.group(1).lower() not in rules.indefinite_determiners:
        return False
    return bool(_stems(normalize_label(w) for w in after.group(2).split()) & stems)


def _description_words(found: list[Found], text: str, rules: LanguageRules):
    """The word sets descriptions are resolved with (see ``_described_actor``), and where the
    description of each mention that is a clause's complement begins (None for the others)."""
    introduced_only, bodies, peoples, collectives, armed = _description_lists(rules)
    cuts = [_complement(f, text, rules, collectives) for f in found]
    complements = frozenset(j for j, cut in enumerate(cuts) if cut is not None)
    return (introduced_only, bodies, peoples, collectives, complements, armed), cuts


@functools.cache
def _description_lists(rules: LanguageRules) -> tuple[frozenset[str], ...]:
    """The rules' word lists ``_description_words`` reads, normalised once per rules: the
    descriptions only ("societe"), the body nouns, the peoples ("les rebelles" are none), the
    collectives (folded as ``head`` is: "insurgés") and the armed adjectives."""
    return (_normalized(rules.introduced_descriptions), _normalized(rules.body_nouns), _normalized(rules.peoples),
            _normalized(rules.collective_nouns), _normalized(rules.armed_description_adjectives))


def _named_after_demonym(i: int, found: list[Found], keys: list[str | None], text: str,
                         rules: LanguageRules) -> tuple[int, str] | None:
    """The named actor a description introduces with its adjectives and a demonym right before
    its name ("le groupe paramilitaire russe Wagner", "l'agence officielle saoudienne X"): the
    description names it, not an actor named before."""
    f = found[i]
    j = _next_actor(i, found)
    if j is None or keys[j] is None or f.mention.sentence != found[j].mention.sentence:
        return None
    return (j, keys[j]) if _demonym_gap(text[f.mention.end:found[j].mention.start], rules) else None


def _next_actor(i: int, found: list[Found]) -> int | None:
    """The index of the first actor mention after ``found[i]`` that is no description, if any."""
    end = found[i].mention.end
    return next((j for j in range(i + 1, len(found)) if found[j].mention.start >= end
                 and found[j].mention.type == "Actor" and found[j].mention.method != "description"), None)


def _demonym_gap(gap: str, rules: LanguageRules) -> bool:
    """Whether the words between a description and a name are one to three lower-case words,
    single-spaced, the last a demonym ("paramilitaire russe")."""
    words = gap.split(" ")
    return 3 <= len(words) <= 5 and not words[0] and not words[-1] \
        and all(w.isalpha() and w.islower() for w in words[1:-1]) and words[-2] in rules.demonyms


def _join_described(i: int, head: str, chosen: tuple[int, str], found: list[Found], keys: list[str | None],
                    kinds: dict[str, set[str]], introduced: dict[str, set[str]], own: set[str]) -> None:
    """The description ``found[i]`` names the actor of ``chosen``; named again by a collective
    that is an actor of its own ("les séparatistes" after "Les séparatistes armés ..."), it is a
    mention of that actor the next descriptions may name again, as its first one is."""
    j, key = chosen
    keys[i] = key
    introduced[key].add(head)
    kinds[key].add(found[i].mention.kind)  # named "le groupe", it is known as a group from then on
    f = replace(found[i], entry=found[j].entry, name=found[j].name)
    found[i] = replace(f, mention=replace(f.mention, method="pattern")) if key in own else f


def _apposed_actor(i: int, found: list[Found], keys: list[str | None], text: str,
                   rules: LanguageRules) -> tuple[int, str] | None:
    """The named actor apposed right after a description, past its adjectives ("la principale
    coalition paramilitaire pro-iranienne, le Hachd al-Chaabi"): the description names it."""
    f = found[i]
    j = next((j for j in range(i + 1, len(found)) if found[j].mention.start >= f.mention.end), None)
    if j is None or keys[j] is None or found[j].mention.type != "Actor" or found[j].mention.method == "description":
        return None
    qualifiers, comma, article = text[f.mention.end:found[j].mention.start].partition(",")
    article = fold_quotes(article.strip().lower())
    if not comma or len(qualifiers.split()) > 3 or any(ch in qualifiers for ch in ".;:«»()\"") \
            or (article and article not in rules.definite_determiners):
        return None
    return j, keys[j]


def _joint_actor_named(i: int, head: str, found: list[Found], keys: list[str | None], text: str,
                       rules: LanguageRules, *described) -> tuple[int, str] | None:
    """The actor a coalition's description names: the one apposed to it, else (unless an
    indefinite article brings it in) one named before."""
    return _apposed_actor(i, found, keys, text, rules) or (
        None if _introduced_here(found[i], text, rules) else _described_actor(i, head, found, keys, *described))


def _introduced_here(f: Found, text: str, rules: LanguageRules) -> bool:
    """An indefinite description ("une coalition internationale menée par ...") brings in an
    actor of its own rather than naming one again."""
    before = fold_quotes(text[max(0, f.mention.start - 12):f.mention.start]).lower().split()
    return bool(before) and before[-1] in rules.indefinite_determiners


def _led(f: Found, text: str, rules: LanguageRules) -> bool:
    """Whether words saying who leads it follow a description ("la coalition menée par X")."""
    return led_phrase_after(text, f.mention.end, rules) is not None


def _resolve_organs(found: list[Found], keys: list[str | None], text: str) -> None:
    """A bare organ of a state ("l'armée", "la junte", "les forces de l'ordre") is the state of
    its context: the one last named with the same noun ("l'armée malienne" ... "l'armée"), else
    the only state acting before it (the only state of its sentence when none acts before), else
    the one state named with that noun after it when it agrees ("Soudan : l'armée ..." then
    "L'armée soudanaise"); nobody when several states are named with that noun or several act."""
    states = _StateMentions(found, keys, text)
    for i, f in enumerate(found):
        if f.mention.method not in ("organ", "anaphor"):
            continue
        j = _context_state(i, found, keys, states) if f.mention.method == "organ" else _last_state(i, found, keys)
        keys[i] = None if j is None else keys[j]
        if j is not None:
            found[i] = replace(f, entry=found[j].entry, name=found[j].name)
        states.update(i)


class _StateMentions:
    """The indices of the state mentions (``_state_mentions``), in order, kept up to date as
    anaphors resolve, and those of them after each word ("l'armée malienne": "armée"): an organ
    looks its noun up instead of reading the words before every state of a long article."""

    def __init__(self, found: list[Found], keys: list[str | None], text: str) -> None:
        self.found, self.keys, self.text = found, keys, text
        self.states = _state_mentions(found, keys)
        self.places: list[tuple[int, str]] | None = None
        self.by_word: dict[str, list[int]] = defaultdict(list)
        for j in self.states:
            for w in self._words(j):
                self.by_word[w].append(j)

    def _words(self, j: int) -> set[str]:
        return set(map(_last_word, _words_before(self.text, self.found[j].mention.start)))

    def host_countries(self, i: int) -> list[str]:
        """The countries of the towns and regions the KB knows among the mentions before ``i``."""
        if self.places is None:
            self.places = [(j, f.entry.country) for j, f in enumerate(self.found) if self.keys[j] is not None
                           and f.entry is not None and f.entry.kind in _HOSTED_KINDS and f.entry.country]
        return [c for j, c in self.places if j < i]

    def named(self, head: str) -> list[int]:
        """The state mentions after the word ``head``, in order."""
        return self.by_word.get(head, [])

    def update(self, i: int) -> None:
        """Mention ``i`` counted as a state or not, as its key and entry now say."""
        f = self.found[i]
        is_state = self.keys[i] is not None and f.mention.method != "organ" and _is_state(f)
        n = bisect_left(self.states, i)
        if is_state == (n < len(self.states) and self.states[n] == i):
            return
        for group in (self.states, *(self.by_word[w] for w in self._words(i))):
            if is_state:
                insort(group, i)
            else:
                group.remove(i)


def _context_state(i: int, found: list[Found], keys: list[str | None], index: _StateMentions) -> int | None:
    """The index of the state mention that the organ ``found[i]`` stands for (see above)."""
    head = _last_word(found[i].mention.text.split()[0])
    states = index.states
    named = index.named(head)
    n = bisect_left(named, i)
    if n:
        return named[n - 1]  # the last named with that noun before it
    earlier = states[:bisect_left(states, i)]
    context = _dominant_state(earlier or [j for j in states if found[j].mention.sentence == found[i].mention.sentence],
                              found, keys)
    if named:
        return _organ_named_next(named, context, bool(earlier), keys)
    return context if context is not None else _host_state(earlier, found, keys, index.host_countries(i))


def _host_state(earlier: list[int], found: list[Found], keys: list[str | None], countries: list[str]) -> int | None:
    """With several states named before a bare organ and none dominant, the state of the
    towns and regions the text names before it ("l'armée" after "Tamaulipas", "Mexique" and
    "frontalière des Etats-Unis": Mexico's), when their countries name it at least twice as
    often as any other state named there and no other state acts there (an invader's troops in
    the invaded land are not its own); the last mention of that state."""
    top = dominant([c for c in countries if c in {keys[j] for j in earlier}])
    if top is None or any(found[j].mention.type == "Actor" and keys[j] != top for j in earlier):
        return None
    return next(j for j in reversed(earlier) if keys[j] == top)


def _organ_named_next(named: list[int], context: int | None, earlier: bool, keys: list[str | None]) -> int | None:
    """The state an organ named with its noun only after it stands for ("Soudan : l'armée
    accuse ..." before "L'armée soudanaise a annoncé"): the one state so named, if no other
    context state came before; nobody before "l'armée arménienne" and "l'armée azerbaïdjanaise"."""
    agreed = len({keys[j] for j in named}) == 1 and (not earlier or context is not None and keys[context] == keys[named[0]])
    return named[0] if agreed else None


def _state_mentions(found: list[Found], keys: list[str | None]) -> list[int]:
    """The indices of the mentions of states (organs apart)."""
    return [j for j, f in enumerate(found) if keys[j] is not None and f.mention.method != "organ" and _is_state(f)]


def _is_state(f: Found) -> bool:
    return (f.entry.kind if f.entry is not None else f.mention.kind) in _STATE_KINDS


def _last_word(word: str) -> str:
    """A word without its elided article ("l'armée": "armée"), lower case."""
    return re.split(r"['’]", word)[-1].lower()


def _words_before(text: str, start: int) -> list[str]:
    """The two words before an offset ("l'armée malienne": "l'armée" before "malienne")."""
    return text[max(0, start - 30):start].split()[-2:]


def _last_state(i: int, found: list[Found], keys: list[str | None]) -> int | None:
    """The state named last before the country noun ``found[i]`` ("ce pays"), in its sentence
    or the one before; the last acting there for a country noun that acts ("le ministère de la
    Défense du pays" after "les forces turques ... le nord de l'Irak": Turkey)."""
    sentence = found[i].mention.sentence
    named = []
    for j in range(i - 1, -1, -1):  # the mentions are in text order: back to the sentence before
        if sentence - found[j].mention.sentence > 1:
            break
        if keys[j] is not None and found[j].mention.method != "anaphor" and _is_state(found[j]):
            named.append(j)
    acting = [j for j in named if found[j].mention.type == "Actor"]
    return next(iter(acting if found[i].mention.type == "Actor" and acting else named), None)


def _dominant_state(named: list[int], found: list[Found], keys: list[str | None]) -> int | None:
    """The last mention of the state that ``named`` (indices of state mentions) names at least
    twice as often as any other (``dominant``), provided it acts there (or is alone); None otherwise."""
    top = dominant([keys[j] for j in named])
    mine = [j for j in named if keys[j] == top]
    # the country heading the article ("Nigeria : ...") is the one whose organs it names
    acts = len({keys[j] for j in named}) == 1 or any(found[j].mention.type == "Actor" or found[j].mention.method == "rubric"
                                                     for j in mine)
    return mine[-1] if top is not None and acts else None


def _introducing_words(f: Found, text: str, cut: int | None = None) -> list[str]:
    """The words that may introduce a named actor: "l'ONG X", "le quotidien français X" (the
    noun, maybe before an adjective or a short complement: "la société de sécurité maritime X")
    or a name that holds it ("la Coalition arabe"); past its preposition, none of its clause
    (not "séparatistes" in "les séparatistes attribuent à X": ``cut``)."""
    before = text[max(0, f.mention.start - 40, cut or 0):f.mention.start].split()[-4:]
    return [normalize_label(w) for w in before + f.mention.text.split()]


def _described_actor(i: int, head: str, found: list[Found], keys: list[str | None],
                     kinds: dict[str, set[str]], introduced: dict[str, set[str]],
                     words: tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[int],
                                  frozenset[str]],
                     qualifiers: frozenset[str] = frozenset()) -> tuple[int, str] | None:
    """The index and key of the actor the description ``found[i]`` (its noun ``head``) names
    again: of a kind it can stand for, introduced with its noun if the noun requires it, named
    within the window before it (one introduced with the noun first, then the nearest), else
    the only such actor the text named before it ("le groupe séparatiste" ten sentences after
    the one armed group); a collective of the headline with none before names the only one its
    sentence or the next names after it ("Ethiopie : ... les rebelles ..." before the TPLF; not
    "selon les jihadistes, qui se réclament de X" further on), else the one actor the text called
    by that noun.
    ``words``: the nouns named only when introduced, the body nouns, the peoples, the collectives,
    the indices of the mentions that are a clause's complements, the armed groups' adjectives;
    ``qualifiers``: the fighters' words the description holds."""
    f = found[i]
    fitting = _fitting_before(i, head, found, keys, kinds, introduced, words)
    # within the window, one of the noun's first kind (a group's for an armed group's description)
    # comes before a nearer one of another ("le mouvement" after "le PKK ... l'Union européenne": the
    # group), and one introduced with the description's adjective before another ("ce mouvement
    # rebelle" after "les rebelles du X ... les jeunes résistants Y": X)
    first_kind = _ARMED_OR_PARTY_KINDS[0] if _armed_words(f, words[5]) else f.refers_to[0]
    near = [(head not in introduced[key], bool(qualifiers) and not qualifiers & _stems(introduced[key]),
             first_kind not in kinds[key], i - j, j, key) for j, key in fitting
            if f.mention.sentence - found[j].mention.sentence <= _DESCRIPTION_WINDOW]
    if near:
        *_, j, key = min(near)
        return j, key
    if len({key for _, key in fitting}) == 1:
        return fitting[0]
    if head not in words[3]:
        return None
    return (None if fitting else _named_next(i, head, found, keys, kinds, introduced, words)) \
        or _collective_again(i, head, found, keys)


def _fitting_before(i: int, head: str, found: list[Found], keys: list[str | None], kinds: dict[str, set[str]],
                    introduced: dict[str, set[str]], words) -> list[tuple[int, str]]:
    """The (index, key) of the actors before the description ``found[i]`` that it may name,
    nearest first: all those within `_DESCRIPTION_WINDOW` sentences, then, past the window, only
    while none was within it and fewer than two keys were met (all ``_described_actor`` reads of
    them: a long article is not scanned back to its start for each description)."""
    f = found[i]
    fitting: list[tuple[int, str]] = []
    seen: set[str] = set()
    in_window = True
    for j in range(i - 1, -1, -1):
        if in_window and f.mention.sentence - found[j].mention.sentence > _DESCRIPTION_WINDOW:
            in_window = False
            if fitting:
                break
        if not in_window and len(seen) > 1:
            break
        if _may_name(f, head, found[j], keys[j], kinds, introduced, words):
            fitting.append((j, keys[j]))
            seen.add(keys[j])
    return fitting


def _stems(words) -> set[str]:
    """Words without a plural's final "s" ("rebelles" and "rebelle" alike)."""
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words}


def _fighter_qualifiers(f: Found, text: str, rules: LanguageRules) -> frozenset[str]:
    """The fighters' words a description holds or has right after it ("ce mouvement rebelle",
    "le groupe jihadiste"), singular: the actor the text introduced with them is the one it names."""
    after = text[f.mention.end:f.mention.end + 40].split()[:2]
    words = _stems(normalize_label(w) for w in f.mention.text.split()[1:] + after)
    return frozenset(words & _normalized(rules.fighter_descriptions))


@functools.cache
def _normalized(words: frozenset[str]) -> frozenset[str]:
    """A word list of the rules, normalised once (descriptions compare normalised words)."""
    return frozenset(normalize_label(w) for w in words)


def _named_next(i: int, head: str, found: list[Found], keys: list[str | None], kinds: dict[str, set[str]],
                introduced: dict[str, set[str]], words) -> tuple[int, str] | None:
    """A headline's collective ("Ethiopie : ... les rebelles ...") names the only fitting actor
    its sentence or the next names after it, not one standing as a complement there (its foe or
    victim: "les séparatistes affirment avoir tué des soldats du groupe X", "attribuent à X")."""
    f = found[i]
    if f.mention.sentence > _HEADLINE_SENTENCES:
        return None
    ahead = [(j, keys[j]) for j in range(i + 1, len(found))
             if found[j].mention.sentence - f.mention.sentence <= 1 and j not in words[4]
             and _may_name(f, head, found[j], keys[j], kinds, introduced, words)]
    return ahead[0] if len({key for _, key in ahead}) == 1 else None


def _may_name(f: Found, head: str, other: Found, key: str | None, kinds: dict[str, set[str]],
              introduced: dict[str, set[str]], words: tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str],
                                                            frozenset[int], frozenset[str]],
              ) -> bool:
    """Whether the description ``f`` (its noun ``head``) may name the actor of the mention ``other``."""
    introduced_only, bodies, peoples, collectives, _, armed = words
    if key is None or other.mention.method == "description" or other.mention.type != "Actor" \
            or normalize_label(other.mention.text) in peoples or _unarmed_for(f, other, armed):
        return False
    if normalize_label(other.mention.text) in collectives - {head}:
        return False  # "les jihadistes" do not name "les rebelles" (no name, another noun)
    if head in introduced_only and head not in introduced[key]:
        return False
    named = normalize_label(other.mention.text.split()[0])
    if named in bodies and named != head:
        return False  # "le mouvement" is not the ministry named before
    return bool(kinds[key] & set(f.refers_to))


def _unarmed_for(f: Found, other: Found, armed: frozenset[str]) -> bool:
    """Whether an armed group's description ("le groupe djihadiste", "l'organisation
    terroriste": an adjective of ``armed`` after its noun) meets an actor the KB knows as no
    armed group or party (the UN mission, an agency, a state): it does not name that one."""
    if other.entry is None or other.entry.kind in _ARMED_OR_PARTY_KINDS:
        return False
    return _armed_words(f, armed)


def _armed_words(f: Found, armed: frozenset[str]) -> bool:
    """Whether a description holds an armed group's adjective ("le groupe djihadiste"): it
    names an armed group first, before a nearer organisation of another kind."""
    return any(w in armed for w in normalize_label(f.mention.text).split())


def _collective_again(i: int, head: str, found: list[Found], keys: list[str | None]) -> tuple[int, str] | None:
    """A collective past the description window ("les djihadistes" ten sentences after "des
    djihadistes affiliés à X" and "l'armée") still names the one actor the text called by that noun before."""
    called = {keys[j] for j in range(i) if keys[j] is not None
              and normalize_label(found[j].mention.text.split()[0]) == head}
    if len(called) != 1:
        return None
    key = called.pop()
    return max(j for j in range(i) if keys[j] == key), key


#: how many words of its description a complement's preposition may stand before a name
#: ("des soldats du groupe paramilitaire russe Wagner")
_COMPLEMENT_WORDS = 4
#: the apposition that names a collective: its qualifiers, then a comma and a definite article
#: ("les rebelles, le FLN"), or a comma and a short description before the name in brackets
#: ("les séparatistes, une alliance de groupes armés (CSP)"), or the brackets alone
_APPOSED_NAME = re.compile(r"\s*(?:[^\W\d]+\s+){0,3}?\s*(?:,\s*(?P<det>\S+)\s*|"
                           r",\s*(?P<description>(?:[^\W\d]+['’]?\s*){1,10})\(\s*|\(\s*)")


def _complement(f: Found, text: str, rules: LanguageRules, collectives: frozenset[str]) -> int | None:
    """Where the words of a named actor's description begin when the actor stands as a complement
    of its clause (a preposition right before it, or before an article or a contracted one and
    the lower-case words of its description: "attribuent à Wagner", "des soldats du groupe
    paramilitaire russe Wagner", "contre le FLN"); None for others: not "la société de sécurité
    X", nor one that a preposition joins to a collective ("les rebelles du M23")."""
    if f.mention.type != "Actor" or f.mention.method == "description":
        return None
    before = re.split(r"[.,;:()«»\"!?]", text[max(0, f.mention.start - 80):f.mention.start])[-1]
    # the words the loop reads, the last ``_COMPLEMENT_WORDS`` + 2 (a word before the first it tests)
    spans = [(m.start(), fold_quotes(m.group().lower()))
             for m in list(re.finditer(r"\S+", before))[-2 - _COMPLEMENT_WORDS:]]
    for n in range(len(spans) - 1, max(-1, len(spans) - 2 - _COMPLEMENT_WORDS), -1):
        at, word = spans[n]
        if word in rules.complement_prepositions:
            joined = n > 0 and normalize_label(spans[n - 1][1]) in collectives
            ahead = spans[n + 1][1] if n + 1 < len(spans) else None
            return f.mention.start - len(before) + at + len(word) \
                if _articled(word, ahead, rules) and not joined else None
        if not (word.isalpha() or word.endswith("'")) or not before[at:at + 1].islower():
            return None
    return None


def _articled(preposition: str, ahead: str | None, rules: LanguageRules) -> bool:
    """Whether a preposition before a name makes it a complement: right before it, a contracted
    article ("du groupe X", "à X"), or "de" before an article ("de la milice X"); not "de"
    inside a description ("la société de sécurité X")."""
    return ahead is None or preposition not in rules.place_of_prepositions \
        or ahead in rules.definite_determiners | rules.indefinite_determiners or ahead.endswith("'")


def _name_collectives(found: list[Found], keys: list[str | None], own: set[str], text: str,
                      rules: LanguageRules) -> None:
    """A collective with no group named before it ("Les séparatistes ...", an actor of its own) is
    the one named group the text apposes to one of its mentions ("les séparatistes, une alliance
    de groupes armés (CSP)", "les rebelles, le FLN,"): all its mentions join that group; nobody
    when its mentions are apposed to different groups."""
    for key in own:
        named = {_group_apposed(i, found, keys, text, rules) for i, k in enumerate(keys) if k == key}
        named.discard(None)
        if len(named) != 1:
            continue
        j = named.pop()
        for i, k in enumerate(keys):
            if k == key:
                keys[i] = keys[j]
                found[i] = replace(found[i], entry=found[j].entry, name=found[j].name)


def _group_apposed(i: int, found: list[Found], keys: list[str | None], text: str,
                   rules: LanguageRules) -> int | None:
    """The index of the named group apposed right after the collective ``found[i]``, if any."""
    f = found[i]
    j = _next_actor(i, found)
    if j is None or keys[j] in (None, keys[i]) or found[j].mention.sentence != f.mention.sentence \
            or (found[j].entry.kind if found[j].entry else found[j].mention.kind) not in f.refers_to + ("Organization",):
        return None
    match = _APPOSED_NAME.fullmatch(text[f.mention.end:found[j].mention.start])
    return j if match is not None and _apposition(match, rules) else None


def _apposition(match: re.Match, rules: LanguageRules) -> bool:
    """Whether the words between a collective and a name make an apposition: a definite article
    ("les rebelles, le FLN"), a description opened by an article and no relative pronoun ("les
    séparatistes, une alliance de groupes armés (CSP)"), or brackets alone."""
    if match["det"]:
        return fold_quotes(match["det"].lower()) in rules.definite_determiners
    if not match["description"]:
        return True
    description = fold_quotes(match["description"].lower())
    words = [normalize_label(w) for w in _WORD_SPLIT.split(description) if w]
    first = description.split()[0]
    return (first in rules.indefinite_determiners or first in rules.definite_determiners
            or re.split(r"(?<=')", first)[0] in rules.definite_determiners) and not rules.clause_openers & set(words)


def _initials(name: str, skip: frozenset[str]) -> str:
    words = [w for w in re.split(r"[\s'’-]+", name) if w and w.lower() not in skip]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def _is_acronym(name: str) -> bool:
    """ "HRW", "M.N.L.A.", "SPLA-IO"."""
    letters = name.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and sum(c.isupper() for c in letters) >= 2 \
        and letters[0].isupper() and ("-" not in name or all(p.isupper() for p in name.split("-")))


def _merge_acronyms(found: list[Found], keys: list[str | None], text: str,
                    skip: frozenset[str]) -> None:
    """ "HRW" and "Human Rights Watch", "le Commandement des opérations spéciales (COS)": an
    acronym is the body whose initials it spells, or whose name it follows in brackets."""
    named, by_initials = _named_bodies(found, keys, skip)
    ends = _body_name_ends(found, keys, named)
    starts = {f.mention.start: k for k, f in named.items()}
    doc_keys = set(keys)
    rename: dict[str, str] = {}
    disowned: set[str] = set()  # known acronyms whose KB entry is another body's
    for i, f in enumerate(found):
        if keys[i] is None or keys[i] in rename or not (
                _is_acronym(f.mention.text.strip()) or _bracketed_short_name(f, text, ends, named)):
            continue
        target = _body_before(ends.get(_bracketed_after(text, f)) or _slashed_to(text, f, starts, ends), named)
        if f.entry is not None:
            _rename_known_acronym(keys[i], f.entry, target, named, doc_keys, rename, disowned)
            continue
        target = target or by_initials.get(f.mention.text.strip().replace(".", "").upper())
        if target is not None and target != keys[i]:
            rename[keys[i]] = target
            found[i] = _as_body(f, named[target])
    for n, k in enumerate(keys):
        if k in disowned:
            found[n] = replace(found[n], entry=None, mention=replace(found[n].mention, kind="Organization"))
        keys[n] = rename.get(k, k)


def _body_before(target: str | None, named: dict[str, Found]) -> str | None:
    """The name an acronym's brackets follow, unless it is a person's: "Jean Dupont (PS)" gives
    his party, not another name of him."""
    if target is None or named[target].mention.kind == "Person":
        return None
    return target


def _body_name_ends(found: list[Found], keys: list[str | None], named: dict[str, Found]) -> dict[int, str]:
    """Where each mention of several words of a named body ends: any of them, not only the
    first, may come before the brackets of its short name."""
    return {f.mention.end: k for f, k in zip(found, keys) if k in named and " " in f.name.strip()}


def _as_body(f: Found, body: Found) -> Found:
    """A short name typed as the body it names ("(Milf)" NER took for a place); one already
    typed as the body keeps its kind."""
    if f.mention.type == body.mention.type:
        return f
    return replace(f, mention=replace(f.mention, type=body.mention.type, kind=body.mention.kind))


def _merge_head_nouns(found: list[Found], keys: list[str | None], descriptions) -> None:
    """ "L'Observatoire" alone after "l'Observatoire syrien ...": a capitalised description noun
    that opens the name of exactly one body named before is that body."""
    for i, f in enumerate(found):
        word = f.name.strip()
        if keys[i] is None or f.entry is not None or " " in word or f.mention.type != "Actor" \
                or not word[:1].isupper() or word.lower() not in descriptions:
            continue
        earlier = {k for g, k in zip(found[:i], keys[:i]) if k is not None and g.mention.type == "Actor"
                   and " " in g.name.strip() and g.name.split()[0].lower() == word.lower()}
        if len(earlier) == 1:
            keys[i] = earlier.pop()


def _merge_bodies_without_demonym(found: list[Found], keys: list[str | None], demonyms) -> None:
    """ "le ministère de l'Intérieur" before or after "le ministère turc de l'Intérieur": an
    unknown body named without its demonym is the one body the text names with it (two states'
    ministries of the interior leave it alone)."""
    bare: dict[str, set[str]] = defaultdict(set)  # name without its demonym -> keys named with one
    for i, f in enumerate(found):
        if not (_unknown_actor(f, keys[i]) or _known_body(f, keys[i])):
            continue  # "le ministère russe de la Défense" may be known
        words = f.name.split()
        kept = [w for w in words[1:] if fold_quotes(w.lower()) not in demonyms]
        if len(kept) == len(words) - 2 and words[0][:1].islower():
            bare[normalize_label(" ".join(words[:1] + kept))].add(keys[i])
    for i, f in enumerate(found):
        named = bare.get(normalize_label(f.name), set()) if _unknown_actor(f, keys[i]) else set()
        if len(named) == 1 and keys[i] not in named and not any(
                fold_quotes(w.lower()) in demonyms for w in f.name.split()):
            keys[i] = next(iter(named))


def _merge_qualified_bodies(found: list[Found], keys: list[str | None], demonyms) -> None:
    """ "le ministère de la Sécurité intérieure" and "le ministère (somalien) de la Sécurité": an
    unknown body's name that another one's (without its demonym) goes on by one lower-case word
    is that body, named short, when no other body's name goes on from it."""
    names: dict[str, set[str]] = defaultdict(set)
    for f, k in zip(found, keys):
        if _unknown_actor(f, k) and " " in f.name.strip():
            names[normalize_label(f.name)].add(k)
            bare = [w for w in f.name.split() if fold_quotes(w.lower()) not in demonyms]
            names[normalize_label(" ".join(bare))].add(k)
    longer: dict[str, set[str]] = defaultdict(set)  # a short name's key -> the keys named longer
    for f, k in zip(found, keys):
        short = _short_of_qualified(f.name) if _unknown_actor(f, k) else None
        for other in names.get(short, ()) if short else ():
            if other != k:
                longer[other].add(k)
    rename = {short: next(iter(ks)) for short, ks in longer.items() if len(ks) == 1}
    for n, k in enumerate(keys):
        keys[n] = rename.get(k, k)


def _merge_placed_bodies(found: list[Found], keys: list[str | None], of_words) -> None:
    """ "le ministère de l'intérieur" and "le ministère de l'Intérieur du Daghestan": an unknown
    body's name that one other body's name goes on with "de" and a name is that body, named short."""
    placed: dict[str, set[str]] = defaultdict(set)  # a short name -> the keys named with a place
    for f, k in zip(found, keys):
        words = f.name.split()
        if _unknown_actor(f, k) and words[-1][:1].isupper():
            for n in range(2, len(words) - 1):
                if fold_quotes(words[n].lower()) in of_words:
                    placed[normalize_label(" ".join(words[:n]))].add(k)
    for i, f in enumerate(found):
        longer = placed.get(normalize_label(f.name), set()) - {keys[i]} if _unknown_actor(f, keys[i]) else set()
        if len(longer) == 1:
            keys[i] = next(iter(longer))


def _merge_national_bodies(found: list[Found], keys: list[str | None], demonyms, nationals) -> None:
    """ "le Comité antiterroriste national", "le Comité antiterroriste russe", "le Comité national
    antiterroriste": two unknown bodies whose names differ only by a demonym or a national
    adjective are one body (the first one named), unless both carry a demonym (two states')."""
    forms: dict[str, dict[str, bool]] = defaultdict(dict)  # name without its qualifier -> {key: demonym}
    for f, k in zip(found, keys):
        form = _unqualified(f.name, demonyms, nationals) if _unknown_actor(f, k) else None
        if form is not None:
            forms[form[0]].setdefault(k, form[1])
    for named in forms.values():
        if len(named) == 2 and not all(named.values()):
            first, second = named
            keys[:] = [first if k == second else k for k in keys]


def _unqualified(name: str, demonyms, nationals) -> tuple[str, bool] | None:
    """A capitalised body's name without its one demonym or national adjective, and whether it was
    a demonym; None for a name of fewer than two other words or with two qualifiers."""
    words = [fold_quotes(w.lower()) for w in name.split()]
    kept = [w for w in words if w not in demonyms and w not in nationals]
    if len(kept) < 2 or not name[:1].isupper() or len(words) - len(kept) > 1:
        return None
    return normalize_label(" ".join(kept)), len(kept) < len(words) and any(w in demonyms for w in words)


def _merge_organs(found: list[Found], keys: list[str | None], kb: Gazetteer, lang: str,
                  rules: LanguageRules) -> None:
    """ "la force de l'UA" and "la Force de l'Union africaine en Somalie (Amisom)": an
    organisation's organ named without its place is the one organ of the same noun and
    organisation the text names with its place; with none, the text names no organ of its own
    ("un observateur de la Mission de l'OTAN": the Alliance's, the name inside it)."""
    organs: dict[tuple[str, str], set[str]] = defaultdict(set)  # (noun, organisation) -> placed keys
    bare: list[tuple[int, tuple[str, str]]] = []
    for i, f in enumerate(found):
        parts = _organ_parts(f.mention.text, kb, lang, rules) if keys[i] and f.mention.type == "Actor" else None
        if parts is not None and parts[2]:
            organs[parts[:2]].add(keys[i])
        elif parts is not None:
            bare.append((i, parts[:2]))
    for i, organ in bare:
        placed = organs.get(organ, set()) - {keys[i]}
        if found[i].entry is None:
            keys[i] = next(iter(placed)) if len(placed) == 1 else None


def _merge_truncated_names(found: list[Found], keys: list[str | None]) -> None:
    """ "les Forces de soutien" after "les Forces de soutien rapide": an unknown name of three
    words or more that opens exactly one longer actor's name, one or two words longer, is that
    actor named short."""
    longer: dict[str, set[str]] = defaultdict(set)  # a name's first words -> actors named so
    for f, k in zip(found, keys):
        words = normalize_label(f.mention.text).split()
        if k is not None and f.mention.type == "Actor" and len(words) >= 4:
            for cut in (len(words) - 1, len(words) - 2):
                longer[" ".join(words[:cut])].add(k)
    for i, f in enumerate(found):
        name = normalize_label(f.mention.text)
        named = longer.get(name, set()) - {keys[i]}
        if _unknown_actor(f, keys[i]) and len(name.split()) >= 3 and f.mention.text[:1].isupper() \
                and len(named) == 1:
            keys[i] = next(iter(named))


#: how many words before a system's name its weapon noun may stand ("des chars de combat K2")
_WEAPON_HEAD_WINDOW = 4


def _merge_bare_weapon_nouns(found: list[Found], keys: list[str | None], text: str,
                             rules: LanguageRules) -> None:
    """ "les missiles" after "des missiles balistiques", "les obusiers" after "des obusiers
    K9": a bare weapon noun is the narrower class or system named with that noun before it
    when only one was ("le missile" after "un missile de moyenne portée", though "missiles X"
    come later), else, with none before it, the only one the text names (a headline's "un
    missile" before "un missile balistique"); with several before it ("chars K2" and "chars
    Abrams"), or none in the text, or after a determiner that brings in a weapon of its own
    once one was named ("un drone" after "des drones Shahed"), it stays a class of its own."""
    classes = rules.weapon_classes
    narrower: dict[str, set[str]] = defaultdict(set)  # a bare noun's class -> keys named with it
    owner: dict[str, int] = {}  # a key -> the index of its first mention
    for i, f in enumerate(found):
        noun = _weapon_head(f, text, classes)
        if keys[i] is not None and noun is not None and not _bare_weapon(f, classes):
            narrower[classes[noun]].add(keys[i])
            if keys[i] not in owner or f.mention.start < found[owner[keys[i]]].mention.start:
                owner[keys[i]] = i
    for i, f in enumerate(found):
        if keys[i] is None or not _bare_weapon(f, classes):
            continue
        named = narrower.get(classes[fold_quotes(f.mention.text.strip().lower())], set()) - {keys[i]}
        key = _weapon_named_again(f, named, {k: found[owner[k]].mention.start for k in named}, text, rules)
        if key is not None:
            keys[i] = key
            found[i] = replace(f, entry=found[owner[key]].entry, name=found[owner[key]].name)


def _weapon_named_again(f: Found, named: set[str], starts: dict[str, int], text: str,
                        rules: LanguageRules) -> str | None:
    """The one narrower weapon of ``named`` (first named at ``starts``) that the bare weapon
    noun ``f`` names again: the only one named before it, else, with none before it, the only
    one; none after a determiner bringing in a weapon of its own once one was named."""
    before = {k for k in named if starts[k] < f.mention.start}
    if before and _last_word_before(text, f.mention.start) in rules.new_weapon_determiners:
        return None
    named = before or named
    return next(iter(named)) if len(named) == 1 else None


def _last_word_before(text: str, start: int) -> str:
    """The word right before an offset, lower case, without its elided preposition ("d'un
    drone": "un"; "" at the start)."""
    words = _words_before(text, start)
    return _last_word(words[-1]) if words else ""


def _bare_weapon(f: Found, classes: dict[str, str]) -> bool:
    """A weapon class named by its noun alone ("missiles", "le drone")."""
    return f.mention.type == "Weapon" and f.mention.kind == "WeaponClass" \
        and fold_quotes(f.mention.text.strip().lower()) in classes and " " not in f.mention.text.strip()


def _weapon_head(f: Found, text: str, classes: dict[str, str]) -> str | None:
    """The weapon noun a weapon mention is named with: its own first word ("missiles
    balistiques"), else the nearest one-word class among the few words before it in its clause
    ("des obusiers K9", "des chars de combat K2")."""
    if f.mention.type != "Weapon":
        return None
    words = fold_quotes(f.mention.text.strip().lower()).split()
    if f.mention.kind == "WeaponClass":
        return words[0] if words and words[0] in classes else None
    before = re.split(r"[.,;:!?()«»\"]", text[max(0, f.mention.start - 60):f.mention.start])[-1]
    for word in reversed(before.split()[-_WEAPON_HEAD_WINDOW:]):
        word = _last_word(fold_quotes(word))
        if word in classes:
            return word
    return None


def _organ_parts(name: str, kb: Gazetteer, lang: str, rules: LanguageRules) -> tuple[str, str, bool] | None:
    """An organ's noun, its organisation's KB key and whether a place follows ("mission de
    l'ONU en Libye": mission, ONU's key, True), or None for another name."""
    words = _WORD_SPLIT.split(name.strip())
    if len(words) < 3 or words[0].lower() not in rules.organ_heads or words[1].lower() not in rules.of_prepositions:
        return None
    rest = [w for w in words[2:] if w.lower() not in rules.definite_determiners]
    cut = next((n for n, w in enumerate(rest) if w.lower() in rules.organ_place_prepositions), len(rest))
    organisation = " ".join(rest[:cut])
    entries = kb.lookup(organisation, lang) or kb.lookup(organisation.upper(), lang)
    if not entries:
        return None
    return words[0].lower(), max(entries, key=lambda e: e.prior).key, cut < len(rest)


def _short_of_qualified(name: str) -> str | None:
    """A body's name without its last, lower-case word ("ministère de la Sécurité" of "...
    intérieure"), when a capitalised word comes before it; else None."""
    words = name.split()
    if len(words) < 4 or not words[-1].isalpha() or not words[-1].islower() \
            or not any(ch.isupper() for w in words[1:-1] for ch in w):
        return None
    return normalize_label(" ".join(words[:-1]))


def _known_body(f: Found, key: str | None) -> bool:
    return key is not None and f.entry is not None and f.entry.kind == "Organization" and f.mention.type == "Actor"


def _unknown_actor(f: Found, key: str | None) -> bool:
    return key is not None and f.entry is None and f.mention.type == "Actor"


def _rename_known_acronym(key: str, entry: KBEntry, target: str | None, named: dict[str, Found],
                          doc_keys: set[str | None], rename: dict[str, str], disowned: set[str]) -> None:
    """A known acronym is the unknown name in front of its brackets (``target``), unless its
    KB entry's country is not in the text ("la police nationale d'Haïti (PNH)" is not
    Honduras's PNH): then the acronym is the name's, and its entry disowned.  After a state's
    armed forces read as the state ("les Forces armées de la RDC (FARC)"), an acronym of another
    country's body is the state's."""
    if target is not None and target != key and _is_state(named[target]) and entry.kind not in _STATE_KINDS \
            and entry.country is not None and entry.country not in doc_keys:
        rename[key] = target
        disowned.add(key)
        return
    if target is None or target == key or named[target].entry is not None:
        return
    if entry.country is None or entry.country in doc_keys:
        rename[target] = key
    else:
        rename[key] = target
        disowned.add(key)


def _named_bodies(found: Sequence[Found], keys: Sequence[str | None],
                  skip: frozenset[str]) -> tuple[dict[str, Found], dict[str, str]]:
    """Each actor's first mention of several words, and the key each set of initials spells."""
    named: dict[str, Found] = {}  # key -> its first mention of several words
    by_initials: dict[str, str] = {}  # initials -> key
    for f, k in zip(found, keys):
        if k is not None and f.mention.type == "Actor" and " " in f.name.strip() and k not in named:
            named[k] = f
            for form in (f.name, f.mention.text):
                by_initials.setdefault(_initials(form, skip), k)
    return named, by_initials


def _bracketed_short_name(f: Found, text: str, ends: dict[int, str], named: dict[str, Found]) -> bool:
    """A one-word name in brackets after a body's name ("la mission des Nations unies en RCA
    (Minusca)"): its short name, written as a word rather than as capitals."""
    word = f.mention.text.strip()
    target = ends.get(_bracketed_after(text, f))
    # NER may take the word for a place ("(Milf)"): one the KB does not know is the body's too
    return target is not None and word.isalpha() and word[:1].isupper() and f.mention.kind != "Person" \
        and (f.mention.type == "Actor" or f.entry is None and f.mention.type == "Region") \
        and named[target].mention.kind != "Person"


def _slashed_to(text: str, f: Found, starts: dict[int, str], ends: dict[int, str]) -> str | None:
    """The body whose name a slash joins to an acronym ("SPLA/Armée populaire de libération du
    Soudan", the acronym of another language's name): the same body, written both ways."""
    if text[f.mention.end:f.mention.end + 1] == "/":
        return starts.get(f.mention.end + 1)
    if text[f.mention.start - 1:f.mention.start] == "/":
        return ends.get(f.mention.start - 1)
    return None


def _bracketed_after(text: str, f: Found) -> int | None:
    """Where the name before a bracketed mention ends ("Commandement ... (COS)"), if it is
    in brackets, alone or before a gloss ("(UFR, coalition des ...)")."""
    before = text[:f.mention.start].rstrip()
    if before.endswith("(") and text[f.mention.end:f.mention.end + 1] in (")", ","):
        return len(before[:-1].rstrip())
    return None


def _plausible(entry: KBEntry, members: Sequence[Found], doc_keys: set[str]) -> bool:
    """A party known by one word ("Alliance", "Verts") is that party only when its country is
    in the text: many parties share such names, and they are common nouns too."""
    if entry.kind != "Party" or any(" " in f.mention.text.strip() for f in members):
        return True
    return entry.country is not None and entry.country in doc_keys


def _key(f: Found) -> str | None:
    if f.mention.method in ("role", "description", "organ", "anaphor"):
        return None  # decided once every other mention has its key
    if f.entry is not None:
        return f.entry.key
    return f"{f.mention.type}:{normalize_label(f.name)}"


def _untitled(name: str, titles: frozenset[str]) -> str:
    """A person's name without a leading title ("M. Bush" -> "Bush", "Mme Clinton" -> "Clinton")."""
    words = name.strip().split()
    while len(words) > 1 and words[0].lower() in titles:
        words = words[1:]
    return " ".join(words)


def _surnames(name: str) -> list[str]:
    """The forms a full name's surname may take alone: its last words ("Suu Kyi", "Kyi" of
    "Aung San Suu Kyi"), and its last word without a lower-case particle ("Assad" of
    "Bachar al-Assad")."""
    words = name.split()
    forms = [" ".join(words[-n:]) for n in range(1, len(words))]
    particle, _, rest = words[-1].partition("-")
    if rest and particle.islower():
        forms.append(rest)
    return [normalize_label(w) for w in forms]


def _merge_surnames(found: list[Found], keys: list[str | None], titles: frozenset[str]) -> None:
    """'Poutine' or 'M. Poutine' after 'Vladimir Poutine' is the same person, and so are
    'Mme Suu Kyi' after 'Aung San Suu Kyi', 'M. Assad' after 'Bachar al-Assad' and, a person
    read as such, the last words of a longer name ('Ekenge Bomusa Efomi' after 'Sylvain Ekenge
    Bomusa Efomi')."""
    full, words, given = _full_names(found, keys, titles)
    for i, f in enumerate(found):
        name = _untitled(f.name, titles)
        titled = name != f.name.strip()
        if not keys[i] or f.entry is not None or (" " in name and not titled and f.mention.kind != "Person"):
            continue
        form = normalize_label(name)
        found[i] = f = _as_surname(f, name, form in full)
        if f.mention.kind != "Person":
            continue
        near = form if form in full else _near_surname(form, full, titled)
        if near is not None and words[near] > len(name.split()):
            keys[i] = full[near]
        elif titled and len(given.get(form, ())) == 1 and keys[i] not in given[form]:
            keys[i] = next(iter(given[form]))  # "M. Abiy" after "Abiy Ahmed": a name that is no surname


def _near_surname(form: str, full: dict[str, str], titled: bool) -> str | None:
    """The one-word surname of a person named in full that a titled surname spells nearly alike
    ("le Mwami Nyamoulagha" after "Raphaël Nyamulagha": the same first letter, nearly the same
    letters), when just one does."""
    if not titled or " " in form or len(form) < 6:
        return None
    near = [other for other in full if " " not in other and other[:1] == form[:1]
            and SequenceMatcher(None, form, other).ratio() >= _SAME_SPELLING]
    return near[0] if len(near) == 1 else None


def _merge_titled_full_names(found: list[Found], keys: list[str | None], titles: frozenset[str]) -> None:
    """ "M. Tar Bhone Kyaw" after "Tar Bhone Kyaw", "M. Dupont" after "le président Dupont": a
    title before a person's name names the person the text named so without it."""
    persons: dict[str, str] = {}
    for f, k in zip(found, keys):
        if k and f.mention.kind == "Person" and _untitled(f.name, titles) == f.name.strip():
            persons.setdefault(normalize_label(f.name), k)
    for i, f in enumerate(found):
        name = _untitled(f.name, titles)
        key = persons.get(normalize_label(name))
        if key and keys[i] and f.mention.kind == "Person" and name != f.name.strip():
            keys[i] = key
            found[i] = replace(f, name=name)  # named without the title


#: how alike two spellings of one full name are at least (difflib ratio): "Yahya" / "Yahia"
_SAME_SPELLING = 0.85


def _merge_spellings(found: list[Found], keys: list[str | None]) -> None:
    """'Yahia Saree' after 'Yahya Saree', 'Mohamed Hamdane Daglo' after 'Mohamed Hamdan
    Daglo': one person whose full name the text transliterates two ways (as many words, each
    with the same first letter, nearly the same letters); a name the KB knows stays apart."""
    firsts: list[tuple[list[str], str, Found]] = []  # each person's words, key, first mention
    moved: dict[str, tuple[str, Found]] = {}
    for f, k in zip(found, keys):
        words = normalize_label(f.name).split()
        if not k or k in moved or f.mention.kind != "Person" or len(words) < 2:
            continue
        same = None if f.entry is not None else next(
            ((key, first) for other, key, first in firsts if key != k and _same_spelling(words, other)), None)
        if same is not None:
            moved[k] = same
        elif all(key != k for _, key, _ in firsts):
            firsts.append((words, k, f))
    for i, k in enumerate(keys):
        if k in moved:  # named as first written (the mention keeps its own spelling)
            keys[i], first = moved[k]
            found[i] = replace(found[i], name=first.name, entry=first.entry)


def _same_spelling(words: list[str], other: list[str]) -> bool:
    return len(words) == len(other) and all(a[:1] == b[:1] for a, b in zip(words, other)) \
        and SequenceMatcher(None, " ".join(words), " ".join(other)).ratio() >= _SAME_SPELLING


def _merge_places(found: list[Found], keys: list[str | None]) -> None:
    """Places named in another sense once, or named short (see the two steps)."""
    _merge_misread_places(found, keys)
    _merge_short_places(found, keys)


def _merge_sites_of_unknown_places(found: list[Found], keys: list[str | None], text: str) -> None:
    """ "l'aéroport de Mitiga" and "les vols de Mitiga", "la base militaire de Puerto Jordán" and
    "l'attaque de Puerto Jordan": a facility named by a place the KB does not know, a place the
    text also names outside every facility's phrase, is that place (a known town keeps its site
    apart: "la base aérienne d'Erbil" is not Erbil; so does a place named only in the site's
    phrase: "le camp de déplacés de X")."""
    sites = [(f.mention.start, f.mention.end) for f in found if f.mention.method == "facility"]
    places = _unknown_places(found, keys)
    for i, f in enumerate(found):
        if keys[i] is None or f.mention.method != "facility" or f.entry is not None:
            continue
        words = normalize_label(f.name).split()
        tail = next((" ".join(words[n:]) for n in range(1, len(words)) if " ".join(words[n:]) in places), None)
        if tail is not None and any(_named_outside(text, name, sites) for name in places[tail][1]):
            keys[i] = places[tail][0]


#: the kinds of place a site's phrase may stand for when the text names the place nowhere else
_SITE_TOWN_KINDS = ("City", "Village", "Place")


def _merge_sites_of_lone_towns(found: list[Found], keys: list[str | None], nouns: frozenset[str]) -> None:
    """ "l'attaque de la base de X" where the text names X nowhere else: the site, of one of
    ``nouns`` (`lone_town_site_nouns`), is the town named in its phrase, one place (the
    annotators' one entity, with the site as its alias). A town the text also names outside
    every site's phrase keeps its site apart ("la base aérienne d'Erbil" and "Erbil"), and so
    do a state ("l'ambassade de France"), the town after "à" ("l'ambassade de X à Y": not in
    the site's own name) and a site of another noun ("l'aéroport de X")."""
    sites = [(f.mention.start, i) for i, f in enumerate(found) if keys[i] is not None
             and f.mention.method == "facility" and f.mention.text.split()[0].lower() in nouns]
    if not sites:
        return
    owners = _site_owners(found, keys, sites)
    for j, g in enumerate(found):
        held = owners.get(keys[j], [None])
        if g.mention.type == "Region" and g.mention.kind in _SITE_TOWN_KINDS and None not in held \
                and len(set(held)) == 1:
            i = held[0]
            found[i] = replace(found[i], name=g.name, entry=g.entry,
                               mention=replace(found[i].mention, kind=g.mention.kind))
            keys[i] = keys[j]


def _site_owners(found: list[Found], keys: list[str | None],
                 sites: list[tuple[int, int]]) -> dict[str, list[int | None]]:
    """For each key, the site whose own name holds each of its (non-site) mentions, None for a
    mention outside every site's name."""
    owners: dict[str, list[int | None]] = defaultdict(list)
    for j, g in enumerate(found):
        if keys[j] is not None and g.mention.method != "facility":
            owners[keys[j]].append(next((i for a, i in sites
                                         if a <= g.mention.start and g.mention.end <= a + len(found[i].name)), None))
    return owners


def _unknown_places(found: list[Found], keys: list[str | None]) -> dict[str, tuple[str, set[str]]]:
    """The places the KB does not know, by normalised name: their key and their written names."""
    known = {k for f, k in zip(found, keys) if f.entry is not None}
    places: dict[str, tuple[str, set[str]]] = {}
    for f, k in zip(found, keys):
        if k is not None and k not in known and f.mention.type == "Region" and f.mention.method != "facility":
            places.setdefault(normalize_label(f.name), (k, set()))[1].add(f.name.strip())
    return places


def _named_outside(text: str, name: str, sites: list[tuple[int, int]]) -> bool:
    """Whether ``name`` stands in the text as a word outside every span of ``sites``."""
    return any(not any(a <= m.start() < b for a, b in sites)
               for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text))


def _merge_misread_places(found: list[Found], keys: list[str | None]) -> None:
    """ "C'est de Mbau que ..." after "vers Mbau": a one-word name the model reads once as a
    person or a body (no title, no KB entry, no full name it ends, no acronym) is the place the
    text names so elsewhere: one name, one sense in a document."""
    _merge_misread(found, keys, lambda f: f.mention.type == "Region",
                   lambda f: f.mention.kind in ("Person", "Organization") and " " not in f.name.strip()
                   and not f.name.isupper(), ("Region", "Place"))
    # "à Ben Guerdane" read as a person where the text says "la ville de Ben Guerdane": a name
    # of several words too, when a place noun names the place
    _merge_misread(found, keys, lambda f: f.mention.type == "Region" and f.mention.method == "pattern"
                   and f.name.strip() != f.mention.text.strip(),
                   lambda f: f.mention.kind == "Person" and " " in f.name.strip(), ("Region", "Place"))


#: the kinds of place noun a town and a subdivision of the same name are told apart by
_TOWN_KINDS = ("City", "Village")
#: the places whose country hosts the events an article tells (``_host_state``)
_HOSTED_KINDS = ("City", "Village", "AdministrativeRegion")
_SUBDIVISION_KINDS = ("AdministrativeRegion",)


def _split_homonym_places(found: list[Found], keys: list[str | None], area_nouns) -> None:
    """ "la ville de X" and "la province de X" in one text are two places: where phrases of a
    town's and of a subdivision's noun name the same X, those of the kind X's KB entry is not
    (the towns', without an entry) become a place of their own, named by their phrase. An
    area noun names no subdivision ("la région de X" is the town's surroundings)."""
    nouns: dict[str, set[bool]] = defaultdict(set)
    for f, k in zip(found, keys):
        if k is not None and _place_phrase(f) and f.mention.text.split()[0].lower() not in area_nouns:
            nouns[normalize_label(f.name)].add(f.mention.kind in _TOWN_KINDS)
    for name in [n for n, kinds in nouns.items() if len(kinds) == 2]:
        _split_place(found, keys, [i for i, f in enumerate(found)
                                   if keys[i] is not None and normalize_label(f.name) == name])


def _split_place(found: list[Found], keys: list[str | None], members: list[int]) -> None:
    """The phrases among ``members`` of the kind their KB entry is not become one place."""
    entry = next((found[i].entry for i in members if found[i].entry is not None), None)
    apart = _SUBDIVISION_KINDS if entry is not None and entry.kind in _TOWN_KINDS else _TOWN_KINDS
    phrases = [i for i in members if _place_phrase(found[i]) and found[i].mention.kind in apart]
    phrase = _strip_article(found[phrases[0]].mention.text)
    for i in phrases:
        keys[i] = f"Region:{normalize_label(phrase)}"
        found[i] = replace(found[i], entry=None, name=phrase)


def _place_phrase(f: Found) -> bool:
    """A place named with its noun ("la ville de X"), whose kind the noun gave."""
    return f.mention.type == "Region" and f.mention.method == "pattern" \
        and f.mention.kind in _TOWN_KINDS + _SUBDIVISION_KINDS and f.name.strip() != f.mention.text.strip()


def _strip_article(text: str) -> str:
    """The phrase without a leading elided article ("l'")."""
    return re.sub(r"^\w['’]", "", text.strip())


def _merge_short_places(found: list[Found], keys: list[str | None]) -> None:
    """ "Rio" in a text that names "Rio de Janeiro": an unknown one-word place that opens the
    name of exactly one longer place the text names is that place, named short; so is "X" in a
    text that names "la province de X", known by that phrase."""
    longer: dict[str, set[str]] = defaultdict(set)
    for f, k in zip(found, keys):
        words = re.split(r"[\s-]+", f.name.strip())
        if k is not None and f.mention.type == "Region" and len(words) > 1:
            longer[normalize_label(words[0])].add(k)
        elif k is not None and f.entry is not None and _place_phrase(f):
            longer[normalize_label(f.name)].add(k)
    for i, f in enumerate(found):
        if keys[i] is None or f.entry is not None or f.mention.type != "Region" \
                or re.search(r"[\s-]", f.name.strip()):
            continue
        named = longer.get(normalize_label(f.name), set()) - {keys[i]}
        if len(named) == 1:
            keys[i] = next(iter(named))


def _merge_misread_persons(found: list[Found], keys: list[str | None]) -> None:
    """ "Fayez al-Sarraj a prévenu ..." after "le chef du gouvernement, Fayez al-Sarraj": a full
    name of several words the model reads once as a place or a body (no KB entry) is the person
    the text names so elsewhere."""
    _merge_misread(found, keys, lambda f: f.mention.kind == "Person" and " " in f.name.strip(),
                   lambda f: f.mention.kind != "Person", ("Actor", "Person"))


def _merge_misread_operations(found: list[Found], keys: list[str | None]) -> None:
    """ "la force française Sangaris" after "l'opération Sangaris": the operation's name the
    model reads elsewhere as a place is the operation."""
    _merge_misread(found, keys, lambda f: f.mention.method == "operation",
                   lambda f: f.mention.type == "Region", ("Actor", "MilitaryUnit"))


def _merge_misread_names(found: list[Found], keys: list[str | None]) -> None:
    """Names the model reads once in another sense join the person or the body they name
    elsewhere in the text."""
    _merge_misread_persons(found, keys)
    _merge_misread_bodies(found, keys)


def _merge_misread_bodies(found: list[Found], keys: list[str | None]) -> None:
    """ "l'Interfor" after "la force intérimaire (Interfor)": a one-word name the model reads as a
    place (no KB entry) is the body its context names so elsewhere in the text."""
    _merge_misread(found, keys, lambda f: f.mention.type == "Actor" and f.mention.method == "pattern"
                   and f.mention.kind != "Person" and f.entry is None and " " not in f.name.strip(),
                   lambda f: f.mention.type == "Region" and f.mention.kind == "Place", ("Actor", "Organization"))


def _merge_misread(found: list[Found], keys: list[str | None], named: Callable[[Found], bool],
                   misread: Callable[[Found], bool], sense: tuple[str, str]) -> None:
    """A name the model reads once in another sense (``misread``: from its own NER, no KB entry)
    joins the entity the text names so in the sense ``named`` finds, and takes its type and
    kind (``sense``)."""
    known: dict[str, str] = {}
    for f, k in zip(found, keys):
        if k and named(f):
            known.setdefault(normalize_label(f.name), k)
    for i, f in enumerate(found):
        if f.mention.method != "ner" or f.entry is not None or keys[i] != _key(f) or not misread(f):
            continue
        key = known.get(normalize_label(f.name))
        if key is not None:
            keys[i] = key
            found[i] = replace(f, mention=replace(f.mention, type=sense[0], kind=sense[1]))


def _as_surname(f: Found, name: str, known: bool) -> Found:
    """ "a déclaré Saree" after "Yahya Saree": a one-word surname of a person named in full is
    that person, whatever place or body the model read."""
    if f.mention.kind == "Person" or f.mention.method != "ner" or " " in name or not known:
        return f
    return replace(f, mention=replace(f.mention, type="Actor", kind="Person"))


def _full_names(found: list[Found], keys: list[str | None], titles: frozenset[str]
                ) -> tuple[dict[str, str], dict[str, int], dict[str, set[str]]]:
    """The persons named in full: the key of the first full name each surname form ends
    ("Kyi", "Suu Kyi"), that name's number of words, and the keys of each first word."""
    full: dict[str, str] = {}
    words: dict[str, int] = {}
    given: dict[str, set[str]] = defaultdict(set)  # a full name's first word -> its keys
    for f, k in zip(found, keys):
        name = _untitled(f.name, titles)
        if f.mention.kind == "Person" and k and " " in name:
            given[normalize_label(name.split()[0])].add(k)
            for form in _surnames(name):
                if form not in full:
                    full[form], words[form] = k, len(name.split())
    return full, words, given


def _merge_nicknames(found: list[Found], keys: list[str | None], text: str,
                     cues: frozenset[str]) -> None:
    """ "Mohamed Hamdane Daglo, dit « Hemedti »": a name after a nickname cue that follows a
    person is that person (whatever kind the model gave it)."""
    if not cues:
        return
    by_end = {f.mention.end: k for f, k in zip(found, keys) if k and f.mention.kind == "Person"}
    for i, f in enumerate(found):
        if not keys[i] or f.mention.method in ("role", "description"):
            continue
        person_end = _nicknamed_end(text, f, cues)
        if person_end is None:
            continue
        person, nickname = by_end.get(person_end), keys[i]
        if person is not None and person != nickname:
            for n, g in enumerate(found):  # "Hemedti a accusé ...": the nickname used alone after
                if keys[n] == nickname:  # a nickname the KB knows as a place names no place here
                    keys[n] = person
                    found[n] = replace(g, mention=replace(g.mention, kind="Person", type="Actor"), entry=None)


#: a nickname in quotes inside a person's name ("Joaquin « El Chapo » Guzman"), quotes folded
_QUOTED = re.compile(r'"\s*([^"]+?)\s*"')


def _unquoted(name: str) -> str:
    """A name's comparison key without its quotes ("Chapo » Guzman" -> "chapo guzman")."""
    return normalize_label(fold_quotes(name).replace('"', " "))


def _merge_glosses(found: list[Found], keys: list[str | None], text: str, rules) -> None:
    """ "Jaish al-Adl, ou « Armée de la justice »", "Ansar Allah (Partisans de Dieu)": an unknown
    name of several words in quotes or brackets right after a group's or a body's name (a gloss
    word between) translates it: the same actor."""
    for i in range(len(found) - 1):
        f, g = found[i], found[i + 1]
        if not (keys[i] and keys[i + 1] and _glossed(f, g, text, rules)) or keys[i] == keys[i + 1]:
            continue
        gloss, kind = keys[i + 1], g.mention.kind  # a group the model read as a person takes the gloss's kind
        for n, k in enumerate(keys):
            if k == gloss or k == keys[i] and found[n].mention.kind == "Person":
                keys[n] = keys[i]
                found[n] = replace(found[n], mention=replace(found[n].mention, kind=kind),
                                   name=f.name if k == gloss else found[n].name)  # named by the original


def _glossed(f: Found, g: Found, text: str, rules) -> bool:
    """Whether the mention ``g`` is a quoted or bracketed gloss of the group or body ``f`` (or of
    a group the model read as a person)."""
    if f.mention.type != "Actor" or f.mention.kind in _STATE_KINDS or g.mention.kind == "Person" \
            or g.entry is not None or g.mention.type != "Actor" or " " not in g.name.strip():
        return False
    between = fold_quotes(text[f.mention.end:g.mention.start])
    bracket = "(" in between
    quoted = '"' in between and '"' in fold_quotes(text[g.mention.end:g.mention.end + 2])
    rest = between.replace("(", " ").replace('"', " ").replace(",", " ").split()
    if bracket and _bracket_closes(text[g.mention.end:g.mention.end + 16], rules.editor_notes):
        return _bracket_gloss(between, rest, rules)
    return quoted and (not rest or (len(rest) == 1 and rest[0].lower() in rules.gloss_words))


def _bracket_gloss(between: str, rest: list[str], rules) -> bool:
    """Whether the words between a name and a bracketed gloss leave it a gloss: none, or only
    its article right after the bracket ("le BSN (les services ..., NDLR)")."""
    return not rest or (between.lstrip().startswith("(") and all(w.lower() in rules.definite_determiners for w in rest))


def _bracket_closes(after: str, notes) -> bool:
    """Whether a bracket closes right after a gloss, or after an editor's note ("..., NDLR)")."""
    after = after.lstrip('"» ')
    if after.startswith(")"):
        return True
    note = after[1:].split(")")[0].strip().lower() if after.startswith(",") and ")" in after else None
    return note in notes


def _merge_quoted_nicknames(found: list[Found], keys: list[str | None]) -> None:
    """ "Joaquin « El Chapo » Guzman" ... "les fils d'« El Chapo »", "l'arrestation du « Chapo »":
    a name the KB does not know that is the quoted nickname of a person of the text, or its
    last words, is that person."""
    nicknames: dict[str, str] = {}
    for f, k in zip(found, keys):
        if k and f.mention.kind == "Person" and " " in f.name.strip():
            surname = _unquoted(_QUOTED.sub(" ", fold_quotes(f.name))).split()[-1:]
            for quoted in _QUOTED.findall(fold_quotes(f.name)):
                words = _unquoted(quoted).split()
                for n in range(len(words)):  # "El Chapo", "Chapo", "Chapo Guzman"
                    nicknames.setdefault(" ".join(words[n:]), k)
                    nicknames.setdefault(" ".join(words[n:] + surname), k)
    if not nicknames:
        return
    for i, f in enumerate(found):
        person = nicknames.get(_unquoted(fold_quotes(f.name)))
        if person is None or keys[i] in (None, person) or f.mention.method in ("role", "description") \
                or f.entry is not None and f.entry.qid:
            continue
        keys[i] = person
        found[i] = replace(f, mention=replace(f.mention, kind="Person"))


def _nicknamed_end(text: str, f: Found, cues: frozenset[str]) -> int | None:
    """Where the name a nickname follows ends ("Daglo" of "Mohamed Hamdane Daglo, dit
    « Hemedti »"): before a comma and a nickname cue; None elsewhere."""
    window = max(0, f.mention.start - 40)
    before = text[window:f.mention.start].rstrip(" «“\"'\u00a0")
    cue = before.split()[-1:] if before else []
    if not cue or fold_quotes(cue[0]).lower() not in cues:
        return _phrase_cue_end(text, f, cues) or _quoted_apposition_end(text, f, window, before)
    lead = before[:-len(cue[0])].rstrip(" \u00a0")
    if lead.endswith(","):
        return window + len(lead[:-1].rstrip(" \u00a0"))
    # "X dit « Y ... »" is speech, not a nickname, unless the quotes hold the name alone
    return window + len(lead) if _quoted_alone(text, f, window + len(before)) else None


def _quoted_alone(text: str, f: Found, cue_end: int) -> bool:
    """ "Idriss Mahamat dit «Le Faucon», un ancien officier": a capitalised name of one or two words
    that quotes hold alone right after the cue."""
    opened = fold_quotes(text[cue_end:f.mention.start]).strip(" \u00a0")
    closed = fold_quotes(text[f.mention.end:f.mention.end + 3]).lstrip(" \u00a0")
    words = f.mention.text.split()
    return opened == '"' and closed.startswith('"') and len(words) <= 2 and all(w[:1].isupper() for w in words)


def _phrase_cue_end(text: str, f: Found, cues: frozenset[str]) -> int | None:
    """ "X, un ancien policier connu sous le nom de Y": where the name before the apposition
    that a cue of several words closes ends (its comma), None without such a cue."""
    window = max(0, f.mention.start - 100)
    before = fold_quotes(text[window:f.mention.start]).rstrip(" \"'\u00a0").lower()
    cue = next((c for c in cues if " " in c and before.endswith(c)), None)
    if cue is None:
        return None
    lead = before[:-len(cue)]
    comma = lead.rfind(",")
    return window + len(lead[:comma].rstrip()) if comma >= 0 and len(lead) - comma < 60 else None


def _quoted_apposition_end(text: str, f: Found, window: int, before: str) -> int | None:
    """ "Damaso Lopez, « El Licenciado », ancien bras droit": a name in quotes set between
    commas right after a name is its nickname; where that name ends, or None."""
    opened = fold_quotes(text[window + len(before):f.mention.start])
    after = fold_quotes(text[f.mention.end:f.mention.end + 3]).lstrip()
    if '"' not in opened or not after.startswith('",') or not before.endswith(","):
        return None
    return window + len(before[:-1].rstrip(" \u00a0"))


def _resolve_role(f: Found, found: list[Found], keys: list[str | None], kb: Gazetteer,
                  article: Article, doc_keys: set[str], spans: SpanIndex) -> tuple[str | None, KBEntry | None]:
    """The person a role names: the name in apposition with it, else the holder of its office
    in its country (or, for a one-holder office, in a country of the text) at the article's date."""
    if f.apposition is not None:
        for i in spans.overlapping(*f.apposition):
            if keys[i] and _may_hold_role(found[i]):  # not "..., Kinshasa affirme"
                holder = None if found[i].entry else _holder(f, kb, article, doc_keys)
                if holder is not None and _names_holder(found[i].name, holder):
                    # "le Premier ministre arménien Pachinian": the office holder so named, with
                    # the mentions already grouped with the name ("M. Ruto" after "William Ruto")
                    old = keys[i]
                    keys[:] = [holder.key if k == old else k for k in keys]
                    found[i] = replace(found[i], entry=holder)
                return keys[i], found[i].entry
    earlier = _earlier_holder(f, found, keys)
    if earlier is not None:
        return earlier
    holder = _holder_named_in_text(f, found, keys, kb, article) or _holder(f, kb, article, doc_keys)
    return (holder.key, holder) if holder is not None else (None, None)


#: how many sentences back a role no holder fills looks for the one person it may name again
_UNTITLED_WINDOW = 1


def _resolve_untitled_roles(found: list[Found], keys: list[str | None], text: str,
                            rules: LanguageRules) -> None:
    """Each role no holder fills yet takes the key of the person ``_untitled_person_before`` finds."""
    for i, f in enumerate(found):
        if f.mention.method == "role" and keys[i] is None:
            keys[i] = _untitled_person_before(f, found, keys, text, rules)


def _untitled_person_before(f: Found, found: list[Found], keys: list[str | None], text: str,
                            rules: LanguageRules) -> str | None:
    """A role of no stated country or body whose holder nothing names ("Karim X a parlé. Le
    ministre a expliqué que ..."): the one person this sentence or the last names by a full name (a
    single word the model took for a person, "Grundgesetz", is too weak), when no other
    person is named there, no title or rank stands before that person's name ("le major X": a
    military man, no "gouverneur") and no role names that person as holder of another office."""
    if f.qualified or f.country or _opens_on_name(f, text):
        return None
    near = _people_before(f, found, keys)
    key = next(iter(near)) if len(near) == 1 else None
    if key is None or not _named_in_full(key, found, keys) or _titled_otherwise(key, f, found, keys):
        return None
    return None if _titled_name(key, found, keys, text, rules) else key


def _opens_on_name(f: Found, text: str) -> bool:
    """Whether a role mention opens mid-sentence on a capitalised word: a name the model left in
    it ("le colonel Jean X porte-parole de l'armée"), whose holder it is, not a person named before."""
    before = text[max(0, f.mention.start - 3):f.mention.start].strip()
    return f.mention.text[:1].isupper() and bool(before) and before[-1].isalpha()


def _titled_name(key: str, found: list[Found], keys: list[str | None], text: str, rules: LanguageRules) -> bool:
    """Whether a name of that key has a title, rank or description before it ("le major X",
    "le rebelle X"), or is the subject of a passive ("X a été tué": a victim, no speaker)."""
    titles = rules.name_titles - rules.person_titles
    for g, k in zip(found, keys):
        if k != key or g.mention.method == "role":
            continue
        words = text[max(0, g.mention.start - 30):g.mention.start].lower().split()
        described = len(words) > 1 and words[-2] in rules.description_determiners and words[-1].isalpha()
        if words and words[-1] in titles or described or _passive_after(text, g.mention.end, rules):
            return True
    return False


def _passive_after(text: str, end: int, rules: LanguageRules) -> bool:
    """Whether a passive follows a name right away, past a comma and a relative pronoun
    ("X a été enlevé", "X, qui avait été blessé": ``passive_after_name``)."""
    rest = text[end:end + 40].lstrip(", ").lower()
    return any(rest.startswith(m + " ") for m in rules.passive_after_name)


def _people_before(f: Found, found: list[Found], keys: list[str | None]) -> set[str]:
    """The keys of the people named (by name, or by a role already resolved) in the sentence
    of a mention, before it, and in the sentence just before."""
    return {k for g, k in zip(found, keys)
            if k and g.mention.start < f.mention.start and g.mention.kind == "Person"
            and g.mention.method != "description"
            and f.mention.sentence - g.mention.sentence <= _UNTITLED_WINDOW}


def _titled_otherwise(key: str, f: Found, found: list[Found], keys: list[str | None]) -> bool:
    """Whether a role of the text names that person as holder of an office other than the role's."""
    return any(k == key and g.mention.method == "role" and g is not f
               and not _same_office(g.office, f.office) and not _same_office(f.office, g.office)
               for g, k in zip(found, keys))


def _named_in_full(key: str, found: list[Found], keys: list[str | None]) -> bool:
    """Whether a key is a person the KB does not know (one it knows has offices of their own:
    "Emmanuel Macron ... Le ministre a dit") whom the text names by more than one word."""
    if any(g.entry is not None for g, k in zip(found, keys) if k == key):
        return False
    return any(k == key and len(g.name.split()) > 1 for g, k in zip(found, keys))


def _holder_named_in_text(f: Found, found: list[Found], keys: list[str | None], kb: Gazetteer,
                          article: Article) -> KBEntry | None:
    """A holder of the role's office in its country whom the text names by a spelling the KB
    lacks ("a déclaré Volodimir Zelensky. Le président ukrainien a précisé": Zelensky, KB
    "Volodymyr"); that name's mentions take the holder's key."""
    people = [i for i, g in enumerate(found) if keys[i] and g.entry is None and g.mention.kind == "Person"
              and g.mention.method not in ("role", "description")]
    for holder in (_office_holders(f, kb, article) if people and f.country else []):
        i = next((i for i in people if _names_holder(found[i].name, holder)), None)
        if i is not None:
            old = keys[i]
            keys[:] = [holder.key if k == old else k for k in keys]
            found[i] = replace(found[i], entry=holder)
            return holder
    return None


def _holder(f: Found, kb: Gazetteer, article: Article, doc_keys: set[str]) -> KBEntry | None:
    """The holder of the role's office in its country (or, for a one-holder office, in a
    country of the text) at the article's date."""
    for office in f.office:
        for country_key in _role_countries(f, kb, article.lang):
            chosen = _office_holder(f, office, country_key, kb, article, doc_keys)
            if chosen is not None:
                return chosen
    return None


def _office_holders(f: Found, kb: Gazetteer, article: Article) -> list[KBEntry]:
    """Every holder of the role's office in its country (at the article's date, if any)."""
    return [h for office in f.office for country_key in _role_countries(f, kb, article.lang)
            for h in kb.office_holders(office, country_key, article.date, f.gender)]


def _names_holder(name: str, holder: KBEntry) -> bool:
    """Whether a name the KB does not know is the office holder's surname or full name as
    some language transliterates it ("Pachinian" for "Nikol Pashinyan")."""
    form = skeleton(match_key(name))
    names = [*holder.labels.values(), *(a for forms in holder.aliases.values() for a in forms)]
    return any(form == skeleton(match_key(n)) or form in {skeleton(match_key(w)) for w in _surnames(n)}
               or _variant_first_name(form, skeleton(match_key(n))) for n in names if n)


def _variant_first_name(form: str, holder_form: str) -> bool:
    """ "Aleksandar Vucic" for "Alexander Vučić": the same surname after a first name that
    another transliteration spells with the same initial."""
    words, other = form.split(), holder_form.split()
    return len(words) == len(other) == 2 and words[1] == other[1] and words[0][:1] == other[0][:1]


def _may_hold_role(f: Found) -> bool:
    """Whether a mention apposed to a role may name its holder: not a place the KB knows
    ("Kinshasa"), a medium ("Dans une interview à Radio X, le chef du Conseil": the chief is
    not the radio) or a place phrase ("l'Etat du Darfour-Nord"); a name the model took for a
    place may ("le porte-parole, Al-Fateh Qureshi").  (A source before the role, "Interrogé
    par l'AFP, le porte-parole ...", is no apposition at all: ``mentions._Finder._sourced``.)"""
    if f.entry is not None:
        return f.entry.kind not in _NOT_HOLDERS
    return not (f.mention.method == "pattern" and f.mention.kind in _NOT_HOLDERS)


def _role_countries(f: Found, kb: Gazetteer, lang: str) -> list[str | None]:
    """The KB keys of the body a role is of; ``[None]`` for a role of no stated country, none
    for one of a body the text does not name ("le porte-parole du gouvernement")."""
    if f.country:
        return [e.key for e in kb.lookup(f.country, lang) if e.kind in _BODY_KINDS]
    return [] if f.qualified else [None]


def _office_holder(f: Found, office: str, country_key: str | None, kb: Gazetteer, article: Article,
                   doc_keys: set[str]) -> KBEntry | None:
    if country_key is None and office not in _ONE_PER_COUNTRY:
        return None  # a spokesperson of some country in the text: too vague
    holders = kb.office_holders(office, country_key, article.date, f.gender)
    if country_key is None:
        holders = [h for h in holders if _holder_country(h, office) in doc_keys]
    if article.date is None and len(holders) == 1 and not _in_office_now(holders[0], office, kb) \
            and _rival_named(holders[0], office, kb, doc_keys, f.gender):
        return None  # "le ministre de la Défense" in an undated text naming another French man
    return _choose_holder(holders, doc_keys, article.date)


def _earlier_holder(f: Found, found: list[Found], keys: list[str | None]
                    ) -> tuple[str, KBEntry | None] | None:
    """A role named again ("le président kényan William Ruto ... le chef de l'Etat a promis"):
    the nearest person before it that the text gave an office it shares, of the same country
    when it names one and of a compatible grammatical gender.  A role of an unnamed body
    ("le porte-parole de l'armée") must repeat the same words."""
    start = f.mention.start
    for j in range(len(found) - 1, -1, -1):
        g = found[j]
        if g.mention.start >= start or g.mention.method != "role" or not keys[j] or g is f:
            continue
        if not _same_office(g.office, f.office) or (f.country and g.country != f.country):
            continue
        if f.gender and g.gender and f.gender != g.gender:
            continue
        if (f.qualified or g.qualified) and normalize_label(f.name) != normalize_label(g.name):
            continue
        return keys[j], g.entry
    return None


def _same_office(named: Sequence[str], again: Sequence[str]) -> bool:
    """Whether a role named again can be the office named before: the same office, or its
    kind ("la ministre" after "la ministre des Affaires étrangères": minister, foreign_minister)."""
    return any(a == b or a.endswith("_" + b) for a in named for b in again)


def _holder_country(holder: KBEntry, office: str) -> str | None:
    for pos_office, country, _start, _end in holder.positions:
        if pos_office == office:
            return country
    return None


def _choose_holder(holders: list[KBEntry], doc_keys: set[str], date: str | None) -> KBEntry | None:
    if not holders:
        return None
    named = [h for h in holders if h.key in doc_keys]
    if named:
        return named[0]
    if date is not None or len(holders) == 1:
        return holders[0]
    return None  # several holders, no date, none named: the text does not make it clear


def _rival_named(holder: KBEntry, office: str, kb: Gazetteer, doc_keys: set[str], gender: str | None) -> bool:
    """Whether the text names another person of the office's country, of the role's gender: in
    an undated text the role may be theirs rather than a former holder's."""
    country = _holder_country(holder, office)
    for key in doc_keys:
        other = kb.get(key) if key != holder.key else None
        if other is not None and other.kind == "Person" and other.country == country \
                and not (gender and other.gender and other.gender != gender):
            return True
    return False


def _in_office_now(holder: KBEntry, office: str, kb: Gazetteer) -> bool:
    """Whether the person still holds the office on the knowledge base's day (an undated
    article is read as news of that day, so a former holder is no guess for its role)."""
    today = getattr(kb, "as_of", None) or _dt.date.today().isoformat()
    offices = set(OFFICE_GROUPS.get(office, (office,)))
    return any(end is None or end > today for held, _country, _start, end in holder.positions
               if held in offices)


def _best_name(members: Sequence[Found]) -> str:
    names = [f.name for f in members if f.mention.method not in ("role", "demonym")]
    if not names:
        names = [f.name for f in members]
    return max(names, key=lambda n: (len(n), n))


def _kind(entry: KBEntry | None, mentions, types: tuple[str, ...]) -> str:
    if entry is not None:
        if entry.kind in _STATE_KINDS:
            return "State" if "Actor" in types else "Country"
        return entry.kind
    if any(m.method == "role" for m in mentions):
        return "Person"  # "le gouverneur régional X": NER may have called X an organisation
    kinds = [m.kind for m in mentions if m.method != "role"] or [m.kind for m in mentions]
    # the most frequent kind; on a tie the first mention's (a set's order changes between runs)
    return max(dict.fromkeys(kinds), key=kinds.count)
