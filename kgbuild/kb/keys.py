"""Matching keys and surface variants of names.

``match_key`` extends ``normalize_label`` (case, accents, articles, elisions)
with hyphens read as spaces, so "Kim Jong-un" and "Kim Jong Un" meet.
``skeleton`` folds transliteration differences (Kiev/Kyiv/Kyjiw,
Zelensky/Zelenskyy/Selenskyj, Poutine/Putin, Koursk/Kursk) into one key.
``name_variants`` lists the extra forms a mention is looked up under
(singular, without a generic head noun, ...).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kgbuild.normalize import normalize_label

__all__ = ["match_key", "skeleton", "name_variants", "is_acronym", "acronym_key", "REGION_WORDS", "SAINTS"]

_SPACES = re.compile(r"[\s\-‐‑–/]+")
_ACRONYM = re.compile(r"^[A-ZÀ-Ý]{2,5}$")
_SKELETON_RULES = (
    (re.compile(r"tsch"), "ch"), (re.compile(r"sch"), "ch"), (re.compile(r"sh"), "ch"),
    (re.compile(r"zh"), "j"), (re.compile(r"kh"), "h"), (re.compile(r"ou"), "u"),
    (re.compile(r"ph"), "f"), (re.compile(r"w"), "v"), (re.compile(r"ck"), "k"),
    (re.compile(r"[yj]"), "i"), (re.compile(r"ie"), "i"), (re.compile(r"z"), "s"),
    (re.compile(r"(.)\1+"), r"\1"), (re.compile(r"e\b"), ""), (re.compile(r"[^a-z0-9 ]"), ""),
)
#: generic head nouns dropped before a name ("missiles ATACMS" -> "ATACMS")
_HEADS = ("missile", "missiles", "char", "chars", "drone", "drones", "avion", "avions",
          "systeme", "systemes", "lance roquettes", "obus", "batterie", "batteries", "parti",
          "groupe", "agence", "journal", "quotidien", "ville", "tank", "tanks", "president",
          "presidente", "chancelier", "premier ministre", "ministre")
#: words that make a place an administrative region rather than its capital city
REGION_WORDS = ("region", "oblast", "province", "gebiet", "territoire", "kraï", "krai", "republique", "canton",
                "departement", "comte")


#: abbreviations of "saint" in place names (the key has lost the dot: "St. Gall" -> "st gall")
SAINTS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}

#: "de l'Afrique" and "d'Afrique" name the same thing: both lose the article
_DE_L = re.compile(r"\bde l['’]", re.IGNORECASE)


@lru_cache(maxsize=65536)
def match_key(text: str) -> str:
    """The index key of a name: normalize_label with hyphens and slashes as spaces, and
    "de l'" read as "d'" ("la banque de l'Union" = "la banque d'Union")."""
    return _SPACES.sub(" ", normalize_label(_DE_L.sub("d'", text))).strip()


@lru_cache(maxsize=65536)
def skeleton(key: str) -> str:
    """A transliteration-blind form of a match key ("kyiv", "kiev", "kyjiw" -> "kiv")."""
    for pattern, repl in _SKELETON_RULES:
        key = pattern.sub(repl, key)
    return key.strip()


def is_acronym(name: str) -> bool:
    return _ACRONYM.match(acronym_key(name)) is not None


def acronym_key(name: str) -> str:
    return name.replace(".", "").replace(" ", "").strip()


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith(("s", "x")) and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def name_variants(key: str) -> tuple[str, ...]:
    """Other keys to try for a match key: abbreviated saints written out ("St-Etienne" ->
    "saint etienne", "Ste-Croix" -> "sainte croix"), singular forms, without a generic head noun."""
    out: list[str] = []
    words = key.split()
    saints = [SAINTS.get(w, w) for w in words]
    if saints != words:
        out.append(" ".join(saints))
    if 0 < len(words) <= 4:
        singular = " ".join(_singular(w) for w in words)
        if singular != key:
            out.append(singular)
        first = " ".join([_singular(words[0]), *words[1:]])
        if first not in (key, singular):
            out.append(first)
    for head in _HEADS:
        if key.startswith(head + " ") and len(key) > len(head) + 2:
            rest = key[len(head) + 1:]
            for prep in ("de ", "des ", "du "):
                rest = rest.removeprefix(prep)
            out.append(rest)
            break
    return tuple(dict.fromkeys(v for v in out if v and v != key))
