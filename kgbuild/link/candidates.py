"""Candidate KB entries for a name, from the snapshot's indexes.

In order of trust: exact label, alias, normalised key (case, accents,
articles, elisions, hyphens), acronym, variants (singular, without a generic
head noun), demonym, transliteration skeleton, and last fuzzy matching
(rapidfuzz, among names with the same first letter) for misspellings
("Kourk" -> "Koursk"; a major place is met by a nearer name still, "Esoagne" -> "Espagne").

Some names are no evidence at all and get no candidate: a title alone ("M.",
"Mme", "Dr": ``data/link/titles.csv``) or a name of one or two letters.  A title
before a name is dropped ("M. Bush" is looked up as "Bush").
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from kgbuild.kb.keys import SAINTS, is_acronym, match_key, name_variants
from kgbuild.kb.reader import Snapshot
from kgbuild.types import Candidate, KBEntry

__all__ = ["SnapshotCandidates", "METHOD_SCORES", "FUZZY_CUTOFF", "MAJOR_FUZZY_CUTOFF", "is_major_place", "TITLES", "strip_title", "is_linkable"]

#: match score of each way a name can meet an entry
METHOD_SCORES = {"exact": 1.0, "alias": 0.97, "normalized": 0.93, "variant": 0.88,
                 "demonym": 0.86, "transliteration": 0.86, "fuzzy": 0.85}
#: least rapidfuzz ratio (0..100) for a fuzzy match (calibrated on HIPE dev and the dev set:
#: bench/reliability.py; under 88 most fuzzy links were wrong)
FUZZY_CUTOFF = 88.0
#: a major place (a state, a continent, a capital, a place of prior >= ``MAJOR_PRIOR``) is
#: met by a nearer name: one OCR slip in a short name ("Eurone", "Esoagne") is under 88, and
#: few other names come that near a major place (HIPE dev: bench/hipe.py --losses)
MAJOR_FUZZY_CUTOFF = 82.0
MAJOR_PRIOR = 0.8
_MAJOR_KINDS = ("Country", "Continent", "Sea")
_PLACE_KINDS = ("City", "AdministrativeRegion") + _MAJOR_KINDS
#: least letters a name needs to be looked up at all
MIN_LETTERS = 3


def _read_titles() -> frozenset[str]:
    path = Path(__file__).resolve().parents[1] / "data" / "link" / "titles.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return frozenset(row["title"].rstrip(".").lower() for row in csv.DictReader(fh))


#: courtesy and professional titles (any language), without their final dot, lower case
TITLES = _read_titles()


def strip_title(name: str) -> str:
    """ "M. Bush" -> "Bush"; a title alone stays as it is (``is_linkable`` refuses it).  An
    abbreviated saint opens a name and stays ("St-Etienne", "St. Gall": ``keys.SAINTS``)."""
    words = name.split()
    while len(words) > 1 and (first := words[0].rstrip(".").lower()) in TITLES and first not in SAINTS:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=65536)
def is_linkable(name: str) -> bool:
    """False for a title alone ("M.", "Mme") and for names of fewer than three letters
    (acronyms of two letters such as "UE" or "ONU" stay linkable)."""
    bare = name.strip()
    if bare.rstrip(".").lower() in TITLES:
        return False
    letters = sum(ch.isalpha() for ch in bare)
    return letters >= MIN_LETTERS or (letters == 2 and bare.replace(".", "").isupper())


def is_major_place(entry: KBEntry) -> bool:
    """A state, a continent, a sea, a capital, or a place as likely as those."""
    return entry.kind in _MAJOR_KINDS or (entry.kind in _PLACE_KINDS
                                          and (bool(entry.capital_of) or entry.prior >= MAJOR_PRIOR))


def _exactness(entry: KBEntry, name: str) -> str:
    if name in entry.labels.values():
        return "exact"
    if any(name in names for names in entry.aliases.values()):
        return "alias"
    return "normalized"


def _matched_label(entry: KBEntry, lang: str | None) -> str:
    return entry.labels.get(lang or "fr") or entry.labels.get("en") or next(iter(entry.labels.values()), entry.key)


class SnapshotCandidates:
    """Finds candidates in a Snapshot; results per name are memoised."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self._find = lru_cache(maxsize=100_000)(self._find_uncached)
        buckets: dict[str, list[str]] = {}
        for key in snapshot.name_keys:  # misspellings keep their first letter ("Kourk" / "Koursk")
            buckets.setdefault(key[:1], []).append(key)
        self._fuzzy_keys = {first: tuple(keys) for first, keys in buckets.items()}

    def find(self, name: str, lang: str | None = None) -> tuple[Candidate, ...]:
        name = strip_title(name.strip())
        return self._find(name, lang) if is_linkable(name) else ()

    def _find_uncached(self, name: str, lang: str | None) -> tuple[Candidate, ...]:
        kb = self.snapshot
        found: dict[str, Candidate] = {}

        def add(entry: KBEntry, method: str, matched: str, score: float | None = None) -> None:
            score = METHOD_SCORES[method] if score is None else score
            if entry.key not in found or found[entry.key].score < score:
                found[entry.key] = Candidate(entry=entry, score=round(score, 4), method=method, matched=matched)

        key = match_key(name)
        if not key:
            return ()
        for entry, _lang in kb.lookup_key(key):
            add(entry, _exactness(entry, name), name)
        if is_acronym(name):
            for entry in kb.lookup_acronym(name):
                add(entry, _exactness(entry, name), name)
        if not found:
            for variant in name_variants(key):
                for entry, _lang in kb.lookup_key(variant):
                    add(entry, "variant", variant)
        for entry in kb.lookup_demonym(name):
            add(entry, "demonym", name)
        if not found:
            for entry in kb.lookup_skeleton(key):
                add(entry, "transliteration", _matched_label(entry, lang))
        if not found and len(key) >= 4:
            for matched, ratio, _ in process.extract(key, self._fuzzy_keys.get(key[:1], ()), scorer=fuzz.ratio,
                                                     score_cutoff=MAJOR_FUZZY_CUTOFF, limit=8):
                for entry, _lang in kb.lookup_key(matched):
                    if ratio >= FUZZY_CUTOFF or is_major_place(entry):
                        add(entry, "fuzzy", matched, METHOD_SCORES["fuzzy"] * ratio / 100)
        return tuple(sorted(found.values(), key=lambda c: (-c.score, -c.entry.prior, c.entry.key)))
