"""Choose one KB entry (or NIL) for an entity among its candidates.

    score = match * compatibility * (0.7 + 0.15 * prior + 0.15 * context) * cue

- match: how the name met the entry (exact 1.0 ... fuzzy 0.85 * ratio);
- compatibility: the entry's kind can play the entity's roles (types) and
  agrees with its kind (an Actor "Russie" is the State; a Person is no Region);
- prior: the entry's own likelihood (capitals and states high, homonyms low);
- context: how much the document speaks of the entry's country;
- cue: "région"/"oblast"/"canton" next to a mention favours the administrative region
  over the city of the same name; a definite article only states and regions take
  ("le Luxembourg", "au Luxembourg": ``data/link/place_articles.csv``) favours the state
  (or continent) over the city;
- metonymy: a capital (or a seat of power) named as an Actor stands for its state.

The score ranks candidates; the confidence a link reports is calibrated: the share of
links of its evidence class (how the name met the entry, and what the entry is: "name/Capital",
"near/Town") that were right on the tuning data (HIPE-2020 fr dev and ../shared/eval/dev
31-40, ``bench/calibrate.py`` -> ``data/link/calibration.csv``); a class seen too rarely
keeps the raw score.

Under ``NIL_THRESHOLD`` the entity stays unlinked.  A near-name (fuzzy) match is
evidence only when the entry's kind is one the entity's kind allows (never across
types: "Colombier" is no "Colombie") and, when the document names countries, the
entry belongs to one of them.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Sequence

from kgbuild.kb.keys import REGION_WORDS, match_key
from kgbuild.link.candidates import METHOD_SCORES, is_linkable, strip_title
from kgbuild.types import Candidate, Entity, Extraction, KBEntry, Link

__all__ = ["NIL_THRESHOLD", "DocContext", "PLACE_ARTICLES", "has_article_cue", "admissible", "is_weak", "needs_context", "evidence_class",
           "calibrated", "build_context", "choose_link", "link_names", "has_region_cue"]

NIL_THRESHOLD = 0.5

#: entity kinds (from extraction) -> KB kinds they agree with
_KIND_GROUPS: dict[str, tuple[str, ...]] = {
    "Person": ("Person",),
    "State": ("Country",), "Country": ("Country",),
    "Organization": ("Organization", "Group", "Media", "Party"),
    "InternationalOrganization": ("Organization",), "Government": ("Organization", "Country"),
    "ArmedForces": ("Organization", "Group"), "Group": ("Group", "Organization", "Party"),
    "Media": ("Media",), "Party": ("Party",),
    "City": ("City",), "Capital": ("City",), "Village": ("City",),
    "AdministrativeRegion": ("AdministrativeRegion",), "Region": ("AdministrativeRegion", "Continent"),
    "Place": ("City", "AdministrativeRegion", "Country", "Continent", "Sea", "Building"),
    "Continent": ("Continent",), "Sea": ("Sea",), "Building": ("Building",), "Event": ("Event",),
    "WeaponSystem": ("WeaponSystem",), "WeaponClass": ("WeaponClass",),
    "Weapon": ("WeaponSystem", "WeaponClass"),
}
#: KB kinds a person is never linked to: places
_PERSONLESS_KINDS = ("Country", "City", "AdministrativeRegion", "Continent", "Sea")
_SKIP_MENTION_METHODS = ("pronoun", "role", "organ", "anaphor", "description")  # "l'armée", "le groupe" name, they do not spell
_CUE_STEMS = ("gion", "oblast", "province", "gebiet", "kra", "territoire", "publique", "canton", "partement",
              "comt")


@dataclass(frozen=True)
class DocContext:
    """What the whole document says, used to weigh candidates."""

    countries: dict[str, float]  # country key -> weight 0..1 (1 = most mentioned)
    region_cues: frozenset[str]  # entity ids with "région"/"oblast" next to a mention
    article_cues: frozenset[str] = frozenset()  # entity ids written after a definite article
    vouchers: dict[str, frozenset[str]] = field(default_factory=dict)  # country key -> entity ids naming it
    named_states: frozenset[str] = frozenset()  # country keys the text names as countries
    listed: frozenset[str] = frozenset()  # entity ids listed after a plural region noun

    def named_by_others(self, entity_id: str) -> set[str]:
        """The countries some entity other than ``entity_id`` stands for."""
        return {country for country, ids in self.vouchers.items() if ids - {entity_id}}


def _read_place_articles() -> dict[str, re.Pattern]:
    path = Path(__file__).resolve().parents[1] / "data" / "link" / "place_articles.csv"
    words: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            words.setdefault(row["lang"], []).append(re.escape(row["article"]))
    return {lang: re.compile(r"(?:^|[\s(«\"])(?:" + "|".join(ws) + r")\s*$", re.IGNORECASE)
            for lang, ws in words.items()}


#: per language, the definite articles a country, a region or a continent takes and a
#: city does not ("le Luxembourg", "du Luxembourg" / "à Luxembourg"): data/link/place_articles.csv
PLACE_ARTICLES = _read_place_articles()


def has_article_cue(text: str, start: int, lang: str | None) -> bool:
    """Whether a definite article of ``lang`` that only states and regions take stands just
    before a mention ("au Luxembourg", "l'Amérique")."""
    pattern = PLACE_ARTICLES.get(lang or "")
    return bool(pattern and pattern.search(text[max(0, start - 8):start]))


#: a list of names after a plural region noun ("les provinces d'Alep, Idlib et Hama"): the noun,
#: then names joined by commas or a conjunction, up to the mention
_NAME_WORD = r"(?:[A-ZÀ-Ý][\w'’-]*|[a-zà-ÿ]{1,3}[-'’][A-ZÀ-Ý][\w'’-]*)"  # "Deir", "ez-Zor"
_LISTED = re.compile(rf"(\w+)\s+(?:d['’]|de\s+|of\s+)?(?:{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}"
                     r"(?:\s*,\s*|\s+(?:et|and|und)\s+))+$")
#: what the text before the mention ends with (spaces aside) when such a list stands there: checked
#: first, since a search of ``_LISTED`` tries every position of its window (most mentions follow no list)
_LIST_SEPARATOR_ENDS = (",", "et", "and", "und")


#: subdivision nouns a list of names can follow, beyond the region words ("les districts de X,
#: Y et Z": parts of a country, whatever city elsewhere the KB spells so)
_SUBDIVISION_WORDS = REGION_WORDS + ("district", "gouvernorat", "governorate", "prefecture", "wilaya",
                                     "municipalite", "municipality", "county")


def _listed_after_region_noun(text: str, start: int, words: tuple[str, ...] = REGION_WORDS) -> bool:
    """ "les provinces d'Alep, Idlib et Hama": Idlib and Hama are listed after the noun too."""
    window = text[max(0, start - 120):start]
    found = _LISTED.search(window) if window.rstrip().endswith(_LIST_SEPARATOR_ENDS) else None
    return bool(found) and match_key(found.group(1)).rstrip("s") in words


def has_region_cue(text: str, start: int, end: int) -> bool:
    """Whether "région", "oblast"... stands just before a mention or opens it (also plural,
    and before a list the mention closes: "les provinces d'Alep, Idlib et Hama")."""
    window = text[max(0, start - 24):min(end, start + 24)].lower()
    if not any(w in window for w in _CUE_STEMS):
        return _listed_after_region_noun(text, start)
    before = match_key(text[max(0, start - 24):start])
    inside = match_key(text[start:end])
    words = (before.split()[-3:] if before else []) + inside.split()[:2]
    return any(w in REGION_WORDS or w.rstrip("s") in REGION_WORDS for w in words) \
        or _listed_after_region_noun(text, start)


def link_names(entity: Entity) -> list[str]:
    """The names an entity is looked up under: the names its mentions write, each without a
    leading title ("M. Bush" -> "Bush"), then its label.  A title alone ("M.", "Mme") or a
    name of one or two letters is no evidence (see ``candidates.is_linkable``); an entity
    whose written names are all of that sort gets no name at all, whatever label extraction
    gave it.  An entity named only by role nouns or pronouns is looked up under its label.
    """
    written = [m.text for m in entity.mentions if m.method not in _SKIP_MENTION_METHODS]
    names = written + [entity.label] if written else [entity.label]
    seen, out = set(), []
    for name in names:
        name = strip_title(name.strip())
        key = match_key(name)
        if key and key not in seen and is_linkable(name):
            seen.add(key)
            out.append(name)
    if written and not any(is_linkable(strip_title(w.strip())) for w in written):
        return []
    return out


def build_context(extraction: Extraction, best: dict[str, KBEntry | None],
                  cues: frozenset[str] | None = None) -> DocContext:
    """Country weights from each entity's best match (counted once per mention); ``cues``:
    the entities with a region cue, when already known."""
    counts: Counter = Counter()
    vouchers: dict[str, set[str]] = {}
    states: set[str] = set()
    for entity in extraction.entities:
        entry = best.get(entity.id)
        if entry is None:
            continue
        country = entry.key if entry.kind == "Country" else entry.capital_of or entry.country
        if country:
            counts[country] += len(entity.mentions)
            vouchers.setdefault(country, set()).add(entity.id)
            if entry.kind == "Country":
                states.add(country)
    top = max(counts.values(), default=0)
    weights = {k: v / top for k, v in counts.items()} if top else {}
    if cues is None:
        text = extraction.article.text
        cues = frozenset(e.id for e in extraction.entities
                         if any(has_region_cue(text, m.start, m.end) for m in e.mentions))
    cues = cues | {e.id for e in extraction.entities if e.kind == "AdministrativeRegion"}
    text, lang = extraction.article.text, extraction.article.lang
    articles = frozenset(e.id for e in extraction.entities
                         if any(m.method not in _SKIP_MENTION_METHODS and has_article_cue(text, m.start, lang)
                                for m in e.mentions))
    return DocContext(countries=weights, region_cues=frozenset(cues), article_cues=articles,
                      vouchers={k: frozenset(v) for k, v in vouchers.items()}, named_states=frozenset(states),
                      listed=_listed_entities(extraction))


def _listed_entities(extraction: Extraction) -> frozenset[str]:
    """The entities named in a list after a plural subdivision noun ("les districts de X, Y et Z")."""
    text = extraction.article.text
    return frozenset(e.id for e in extraction.entities
                     if any(_listed_after_region_noun(text, m.start, _SUBDIVISION_WORDS) for m in e.mentions))


def _compatibility(entity: Entity, entry: KBEntry) -> float:
    if not set(entity.types) & set(entry.types):
        return 0.0
    if entity.kind == "Sea" and entry.kind != "Sea":
        return 0.0  # "la mer Rouge" is no governorate of that name
    if entity.kind == "Person" and entry.kind in _PERSONLESS_KINDS:
        return 0.0  # "M. Hollande" is no other name of the Netherlands, "le président X" no town
    groups = _KIND_GROUPS.get(entity.kind)
    if groups is None or entry.kind in groups:
        return 1.0
    return 0.75


def _context(entry: KBEntry, ctx: DocContext) -> float:
    country = entry.key if entry.kind == "Country" else entry.capital_of or entry.country
    if not country or not ctx.countries:
        return 0.5
    return ctx.countries.get(country, 0.0)


def _cue(entity: Entity, entry: KBEntry, ctx: DocContext) -> float:
    if entity.id in ctx.article_cues and entry.kind in ("City", "Country", "Continent"):
        return 0.8 if entry.kind == "City" else 1.12
    if entity.id in ctx.region_cues:
        if entry.kind == "AdministrativeRegion":
            return 1.12
        if entry.kind == "City":
            return 0.8
    elif entity.kind in ("City", "Capital") and entry.kind == "AdministrativeRegion":
        return 0.85
    return 1.0


def _metonyms(entity: Entity, cands: Iterable[Candidate], get: Callable[[str], KBEntry | None]) -> list[Candidate]:
    """A capital named as an Actor (and not as a place) stands for its state, as it does in an
    entity extraction made a state (a topic country, a place and an actor, named by its capital)."""
    if "Actor" not in entity.types or "Region" in entity.types and entity.kind != "State" or entity.kind == "Person":
        return []
    out = []
    for c in cands:
        if c.entry.capital_of and c.entry.kind in ("City", "Building"):
            state = get(c.entry.capital_of)
            if state is not None:
                out.append(Candidate(entry=state, score=round(c.score * 0.97, 4), method="metonymy",
                                     matched=c.matched))
    return out


def score_candidate(entity: Entity, cand: Candidate, ctx: DocContext) -> float:
    entry = cand.entry
    base = cand.score * _compatibility(entity, entry)
    if base == 0.0:
        return 0.0
    return round(min(1.0, base * (0.7 + 0.15 * entry.prior + 0.15 * _context(entry, ctx))
                     * _cue(entity, entry, ctx)), 4)


#: a capital city needs no context when the near name is this close (share of the
#: exact-match score; rapidfuzz ratio >= 94); a state does ("Colombier" is no "Colombie")
_NEAR_EXACT = 0.94
#: places whose prior is under this are minor (towns, subdivisions): see ``admissible``
MINOR_PLACE = 0.5
_PLACE_KINDS = ("City", "AdministrativeRegion")
#: kinds that belong to one country: a party needs its country in the document, when the
#: document names any ("Union" in a Swiss paper is not an Italian party)
_NATIONAL_KINDS = ("Party",)
#: kinds of a state's own bodies: a near name reaches one only in a text naming that state
_STATE_BODY_KINDS = ("Organization", "Party")
#: match methods that only suggest a name (a misspelling, another transliteration)
_WEAK_METHODS = ("fuzzy", "transliteration")


def is_weak(cand: Candidate) -> bool:
    """A match on a near name only (misspelling, other transliteration)."""
    return cand.method in _WEAK_METHODS


def needs_context(cand: Candidate) -> bool:
    """A candidate whose country must come from elsewhere in the document (a near name, a
    party): it never vouches for its own country.  (A minor place does: a town named
    exactly is evidence of its country, "Neuchâtel" of Switzerland.)"""
    return cand.method in _WEAK_METHODS or cand.entry.kind in _NATIONAL_KINDS


def admissible(entity: Entity, cand: Candidate, ctx: DocContext) -> bool:
    """Whether a candidate can be linked at all.

    A near name (fuzzy, transliteration) needs the entity's kind and a country of the
    document (a one-letter slip on a capital excepted).  A minor place (a town or a
    subdivision, prior under ``MINOR_PLACE``) or a party named exactly still needs a country
    of the document when the document names any: "David" or "Churchill" in a Swiss paper are
    not the towns of Panama or Manitoba.  Its own country counts only when no country the text
    names as such speaks against it ("Palma" in a text on Mozambique).
    """
    entry = cand.entry
    if _refused(entity, cand, ctx):
        return False
    weak = cand.method in _WEAK_METHODS
    if weak:
        groups = _KIND_GROUPS.get(entity.kind)
        if groups is None or entry.kind not in groups or not set(entity.types) & set(entry.types):
            return False
        if entry.capital_of and cand.score >= _NEAR_EXACT * METHOD_SCORES[cand.method]:
            return True  # a one-letter slip on a capital needs no context
        if entry.kind == "Continent":
            return True  # a continent belongs to no country of the document
    elif not (entry.kind in _PLACE_KINDS and entry.prior < MINOR_PLACE) and entry.kind not in _NATIONAL_KINDS:
        return True
    if not ctx.countries:
        return True
    country = entry.key if entry.kind == "Country" else entry.capital_of or entry.country or entry.located_in
    if weak or not ctx.vouchers:
        return bool(country) and ctx.countries.get(country, 0.0) > 0.0
    # a place named exactly vouches for its own country, but not against the countries the
    # document names as such: "Palma" in a text on Mozambique is not the Spanish city, nor
    # "Acre" in a text on Israel the Brazilian state (two places of two countries, and no
    # country named, vouch for each other)
    others = ctx.named_by_others(entity.id)
    return bool(country) and (country in others or not others & ctx.named_states)


def _refused(entity: Entity, cand: Candidate, ctx: DocContext) -> bool:
    """A listed district that is a city of another state, or a near name of a body of a state
    the text does not name ("le ministère de la Défense" is no "ministère russe de la Défense")."""
    entry = cand.entry
    return _city_of_another_state(entity, entry, ctx) or (
        cand.method in _WEAK_METHODS and entry.kind in _STATE_BODY_KINDS and bool(entry.country)
        and not ctx.countries.get(entry.country))


def _city_of_another_state(entity: Entity, entry: KBEntry, ctx: DocContext) -> bool:
    """A name listed after a plural subdivision noun ("les districts de Harib, Juba et
    al-Abdiya" in a text on Yemen) is no city of a state the rest of the text does not name,
    when it names states (not South Sudan's capital)."""
    if entity.id not in ctx.listed or entry.kind != "City" or not ctx.named_states:
        return False
    return (entry.capital_of or entry.country) not in ctx.named_by_others(entity.id)


def _vouched_first(cands: list[Candidate], entity: Entity, ctx: DocContext) -> list[Candidate]:
    """Of minor places named alike ("Centre-Nord" of Burkina Faso and of Sri Lanka), those in a
    country the rest of the document names, when there are such."""
    others = ctx.named_by_others(entity.id)
    minor = [c for c in cands if c.entry.kind in _PLACE_KINDS and c.entry.prior < MINOR_PLACE]
    vouched = [c for c in minor if (c.entry.country or c.entry.located_in) in others]
    if not vouched or len(vouched) == len(minor):
        return cands
    return [c for c in cands if c not in minor or c in vouched]


#: how a name met its entry, in groups that behave alike
_METHOD_GROUPS = {"exact": "name", "alias": "name", "normalized": "form", "variant": "form",
                  "demonym": "demonym", "transliteration": "near", "fuzzy": "near", "metonymy": "metonymy",
                  "context": "context"}
#: least links a class needs on the tuning data before its accuracy stands for the confidence
MIN_SUPPORT = 5
CALIBRATION_FILE = Path(__file__).resolve().parents[1] / "data" / "link" / "calibration.csv"


def evidence_class(method: str, entry: KBEntry) -> str:
    """The kind of evidence behind a link: how the name met the entry, and what the entry is
    ("name/Capital", "form/Town", "near/Person"...).  Confidence is this class's accuracy."""
    kind = entry.kind
    if kind == "City":
        kind = "Capital" if entry.capital_of else ("City" if entry.prior >= MINOR_PLACE else "Town")
    elif kind == "AdministrativeRegion" and entry.prior < MINOR_PLACE:
        kind = "Subdivision"
    return f"{_METHOD_GROUPS.get(method, method)}/{kind}"


@lru_cache(maxsize=1)
def calibration() -> dict[str, float]:
    """Evidence class -> accuracy on the tuning data (``bench/calibrate.py`` writes
    ``data/link/calibration.csv``: right and total links per class and tuning set).  Each
    tuning set weighs the same (historical newspapers and modern news are both "data like
    the tuning data"); the rate of each is Laplace-smoothed; a class seen fewer than
    ``MIN_SUPPORT`` times in all is left out.  Empty when the file is missing."""
    if not CALIBRATION_FILE.exists():
        return {}
    counts: dict[tuple[str, str], list[int]] = {}
    with CALIBRATION_FILE.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for cls in (row["class"], row["class"].split("/")[0] + "/*"):  # the class and its method group
                tally = counts.setdefault((cls, row["source"]), [0, 0])
                tally[0] += int(row["right"])
                tally[1] += int(row["total"])
    per_class: dict[str, list[tuple[int, int]]] = {}
    for (cls, _source), (right, total) in counts.items():
        per_class.setdefault(cls, []).append((right, total))
    return {cls: round(sum((r + 1) / (t + 2) for r, t in sets) / len(sets), 4)
            for cls, sets in per_class.items() if sum(t for _, t in sets) >= MIN_SUPPORT}


def calibrated(method: str, entry: KBEntry, score: float) -> float:
    """The accuracy of links of this evidence class on the tuning data (``calibration``);
    for a class seen too rarely there, that of its method group ("near/*": every near-name
    link); the raw score when both are too rare."""
    table = calibration()
    cls = evidence_class(method, entry)
    return table.get(cls, table.get(cls.split("/")[0] + "/*", score))


def _without_self(entity: Entity, pool: Sequence[Candidate], ctx: DocContext) -> DocContext:
    """Between homonyms of different countries ("Al-Shabab": the Somali group, the insurgents
    of Cabo Delgado), the entity's own mentions vouch for no country: only the countries
    the rest of the document names weigh."""
    countries = {c.entry.key if c.entry.kind == "Country" else c.entry.capital_of or c.entry.country
                 for c in pool} - {None, ""}
    if len(countries) < 2:
        return ctx
    others = ctx.named_by_others(entity.id)
    return replace(ctx, countries={k: w for k, w in ctx.countries.items() if k in others})


def choose_link(entity: Entity, cands: Sequence[Candidate], ctx: DocContext,
                get: Callable[[str], KBEntry | None]) -> Link:
    """The best candidate over the NIL threshold, with its confidence and method."""
    cands = _vouched_first([c for c in cands if admissible(entity, c, ctx)], entity, ctx)
    pool = list(cands) + _metonyms(entity, cands, get)
    if not pool:
        return Link(entity_id=entity.id, entry=None, confidence=1.0, method="nil")
    ctx = _without_self(entity, pool, ctx)
    scored = sorted(((score_candidate(entity, c, ctx), c) for c in pool),
                    key=lambda sc: (-sc[0], -sc[1].entry.prior, sc[1].entry.key))
    best_score, best = scored[0]
    if best_score < NIL_THRESHOLD:
        return Link(entity_id=entity.id, entry=None, confidence=round(1.0 - best_score, 4), method="nil")
    rival = next((s for s, c in scored[1:] if c.entry.key != best.entry.key), 0.0)
    confidence = best_score * (0.85 if rival > 0.92 * best_score else 1.0)
    by_match = max(pool, key=lambda c: (c.score, c.entry.prior))
    method = best.method
    if by_match.entry.key != best.entry.key and best.method != "metonymy" and by_match.score > best.score:
        method = "context"
    confidence = calibrated(method, best.entry, confidence)
    return Link(entity_id=entity.id, entry=best.entry, confidence=round(confidence, 4), method=method)
