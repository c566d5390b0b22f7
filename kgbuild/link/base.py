"""The Linker interface shared by the backends: candidates from a backend, disambiguation here.

A backend implements ``_lookup`` (candidates per name, entries per key), ``get`` and
``facts``; ``Linker.link`` does the rest, the same way for every backend.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Iterable, Sequence

from rdflib import Graph

from kgbuild.errors import LinkError
from kgbuild.identity import fold_same_items
from kgbuild.kb.keys import is_acronym, match_key
from kgbuild.link.acronyms import long_forms, names_agree
from kgbuild.link.disambiguate import (
    DocContext,
    build_context,
    choose_link,
    has_region_cue,
    link_names,
    needs_context,
    score_candidate,
)
from kgbuild.normalize import plain_spaces
from kgbuild.types import Candidate, Entity, Extraction, KBEntry

__all__ = ["Linker", "Lookup"]

log = logging.getLogger("kgbuild.link")

_REGION_FORMS = ("région de {}", "oblast de {}", "{} Oblast", "Oblast {}")


@dataclass
class Lookup:
    """A backend's answer for one document: candidates per name, entries per key."""

    candidates: dict[str, tuple[Candidate, ...]] = field(default_factory=dict)
    entries: dict[str, KBEntry] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


#: kinds of an entity that is a state; kinds of an entry that is a body of one
_STATE_KINDS = ("State", "Country")
_BODY_KINDS = ("Organization", "Party")


def _region_names(name: str) -> list[str]:
    if any(w in match_key(name).split() for w in ("region", "oblast")):
        return []
    return [form.format(name) for form in _REGION_FORMS]


class Linker:
    """Links the entities of an Extraction to KB entries (Wikidata QIDs when known)."""

    backend = ""

    def _lookup(self, names: Sequence[str], lang: str, keys: Sequence[str]) -> Lookup:
        raise NotImplementedError

    def facts(self, qids: Iterable[str]) -> Graph:
        """Chosen Wikidata-shaped facts (country, region, positions, party) about these QIDs."""
        raise NotImplementedError

    def get(self, key: str) -> KBEntry | None:
        raise NotImplementedError

    def candidates(self, names: Sequence[str], lang: str = "fr") -> dict[str, list[Candidate]]:
        """Candidates for each name, best match first (no document context)."""
        found = self._lookup(list(dict.fromkeys(names)), lang, ())
        return {name: list(found.candidates.get(name, ())) for name in names}

    def link(self, extraction: Extraction) -> Extraction:
        """A copy of ``extraction`` whose entities carry their link (or NIL)."""
        if not extraction.entities:
            return extraction
        lang = extraction.article.lang or "fr"
        text = extraction.article.text
        per_entity: dict[str, list[str]] = {}
        cues = set()
        for entity in extraction.entities:
            names = link_names(entity)
            if any(has_region_cue(text, m.start, m.end) for m in entity.mentions):
                cues.add(entity.id)
                names += [r for n in names for r in _region_names(n)]
            per_entity[entity.id] = names
        all_names = list(dict.fromkeys(n for names in per_entity.values() for n in names))
        keys = [e.kb_id for e in extraction.entities if e.kb_id]
        try:
            found = self._lookup(all_names, lang, keys)
        except LinkError as exc:
            message = f"linking skipped ({self.backend}): {exc}; {len(extraction.entities)} entities left unlinked"
            # an endpoint given up for the build was reported once, when it was given up
            log.log(logging.DEBUG if getattr(exc, "reported", False) else logging.WARNING,
                    "%s: %s", extraction.article.id, message)
            return replace(extraction, warnings=extraction.warnings + (message,))
        for message in found.warnings:
            log.warning("%s: %s", extraction.article.id, message)
        pools = _without_other_states({e.id: self._pool(e, per_entity[e.id], found, lang)
                                       for e in extraction.entities}, extraction.entities)
        first = DocContext(countries={}, region_cues=frozenset(cues))
        best = {}
        for entity in extraction.entities:
            # the document's countries come from solid matches only: a near name or a
            # party must not vouch for its own country
            scored = [(score_candidate(entity, c, first), c) for c in pools[entity.id] if not needs_context(c)]
            top = max(scored, key=lambda sc: sc[0], default=(0.0, None))
            best[entity.id] = top[1].entry if top[0] > 0 else None
        ctx = build_context(extraction, best, frozenset(cues))
        get = lambda key: found.entries.get(key) or self.get(key)  # noqa: E731
        lang = extraction.article.lang
        entities = tuple(self._apply(e, choose_link(e, pools[e.id], ctx, get), lang)
                         for e in extraction.entities)
        linked = replace(extraction, entities=entities, warnings=extraction.warnings + tuple(found.warnings))
        return fold_same_items(linked)  # "M. Zelenski" linked to the item of "Volodymyr Zelensky": one entity

    @staticmethod
    def _pool(entity: Entity, names: list[str], found: Lookup, lang: str | None = None) -> list[Candidate]:
        pool: dict[str, Candidate] = {}
        # extraction's candidate key counts only when the entity has a name worth looking up
        # (not a title or a letter alone: "M" is no town)
        if names and entity.kb_id and entity.kb_id in found.entries:
            pool[entity.kb_id] = Candidate(entry=found.entries[entity.kb_id], score=1.0, method="exact",
                                           matched=entity.label)
        for name in names:
            for cand in found.candidates.get(name, ()):
                old = pool.get(cand.entry.key)
                if old is None or old.score < cand.score:
                    pool[cand.entry.key] = cand
        # a person named with a party acronym ("Jean Dupont (PS)") may lose an entry for both reasons
        for key in {*_spelled_otherwise(entity, names, found, pool, lang),
                    *_other_full_name(entity, names, found, pool, lang)}:
            del pool[key]
        return list(pool.values())

    @staticmethod
    def _apply(entity: Entity, link, lang: str) -> Entity:
        entry = link.entry  # replace() keeps any field added to Entity later
        # a linked entity is named as the KB names it ("Kourk" -> "oblast de Koursk"); its
        # mentions keep the text as written
        if entry:
            label = entry.labels.get(lang) or entry.labels.get("en") or entity.label
        else:  # extraction may have named it after a KB entry that linking turned down
            label = _written_name(entity) if entity.kb_id else entity.label
        return replace(entity, label=label, qid=entry.qid if entry else None,
                       link_confidence=link.confidence, link_method=link.method if entry else "nil",
                       kb_id=entry.key if entry else None)


def _spelled_otherwise(entity: Entity, names: list[str], found: Lookup, pool: dict[str, Candidate],
                       lang: str | None = None) -> list[str]:
    """The pool's entries reached only through an acronym of the entity whose long form the
    text spells otherwise ("le Front de libération du Nord (FLN)" is not Algeria's FLN;
    see ``kgbuild.link.acronyms``). The label extraction took from a KB entry is no evidence."""
    written = {m.text.strip() for m in entity.mentions}
    names = [n for n in names if n != entity.label or n in written]
    longs = long_forms(names)
    acronyms = [n for n in names if is_acronym(n)]
    if not longs or not acronyms:
        return []
    only = _keys_of(acronyms, found) - _keys_of([n for n in names if not is_acronym(n)], found)
    return [key for key in pool if key in only and not any(names_agree(f, pool[key].entry, lang) for f in longs)]


def _other_full_name(entity: Entity, names: list[str], found: Lookup, pool: dict[str, Candidate],
                     lang: str | None = None) -> list[str]:
    """The pool's persons reached only through a part of the entity's name (a surname alone)
    whose full name the text writes otherwise: "le colonel Assaad" after "Riad Assaad" is not
    "Bachar al-Assad", whom the KB spells nearly alike; "M. Poutine" after "Vladimir Poutine"
    still is Poutine (the full name agrees with the KB's)."""
    if entity.kind != "Person":
        return []
    written = {m.text.strip() for m in entity.mentions if m.method not in ("role", "pronoun", "demonym")}
    fulls = [n for n in names if n in written and len(n.split()) >= 2]
    if not fulls:
        return []
    reached = _keys_of(fulls, found)
    return [key for key in pool if key not in reached and key != entity.kb_id
            and not all(names_agree(f, pool[key].entry, lang) for f in fulls)]


def _without_other_states(pools: dict[str, list[Candidate]], entities: Sequence[Entity]) -> dict[str, list[Candidate]]:
    """The pools without the bodies of another state than the one an entity's name holds."""
    for entity_id, states in _states_named_inside(entities).items():
        pools[entity_id] = [c for c in pools[entity_id] if _of_state(c.entry) in (None, *states)]
    return pools


def _states_named_inside(entities: Sequence[Entity]) -> dict[str, set[str]]:
    """The states whose demonym or name lies inside an entity's name, by entity ("le ministère
    mexicain de la Défense", "le ministère de la Défense du Mexique": Mexico): such a body is no
    body of another state (not the US department the KB spells nearly alike)."""
    spelled = sorted((m.start, m.end, e.kb_id) for e in entities if e.kind in _STATE_KINDS and e.kb_id
                     for m in e.mentions if m.method in ("demonym", "gazetteer", "ner"))
    starts = [s for s, _, _ in spelled]  # by start: a mention reads only the states starting in it
    inside: dict[str, set[str]] = {}
    for e in entities:
        if e.kind in _STATE_KINDS:
            continue
        for m in e.mentions:
            states = {k for s, t, k in spelled[bisect_left(starts, m.start):bisect_right(starts, m.end)]
                      if t <= m.end and (s, t) != (m.start, m.end)}
            if states:
                inside.setdefault(e.id, set()).update(states)
    return inside


def _of_state(entry: KBEntry) -> str | None:
    """The state an organisation belongs to (None for places and for bodies of no state)."""
    return entry.country if entry.kind in _BODY_KINDS else None


def _keys_of(names: list[str], found: Lookup) -> set[str]:
    """The keys of the entries the lookup found for these names."""
    return {c.entry.key for n in names for c in found.candidates.get(n, ())}


def _written_name(entity: Entity) -> str:
    """The name as the text writes it most often (the shortest on a tie): an entity left
    unlinked keeps no KB entry's label ("Palma" in a text on Mozambique is not "Palma de
    Majorque")."""
    names = Counter(plain_spaces(m.text) for m in entity.mentions if m.method not in ("role", "demonym", "pronoun"))
    if not names:
        return entity.label
    return min(names, key=lambda n: (-names[n], len(n), n))
