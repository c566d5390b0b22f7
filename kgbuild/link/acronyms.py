"""An acronym's KB entry and the long form the text spells for it.

"le Front de libération du Nord (FLN)": the acronym FLN is Algeria's party in the KB, but the
text spells another name for it. An entry reached only through an entity's acronym is kept
only when the entity's long form agrees with one of the entry's names, word for word: each
content word of the long form (four letters or more, accents and case folded) is close to a
word of one of the entry's names in any language (rapidfuzz ratio >= WORD_RATIO), so that a
transliteration still agrees ("Jama'a Nusrat ul-Islam wa al-Muslimin" / "Jama'at Nasr
al-Islam wal Muslimin") and a different name does not ("Autorité palestinienne (AP)" is not
the Associated Press; "du Nord" is not "National").
"""

from __future__ import annotations

import re
from typing import Iterable

from rapidfuzz import fuzz

from kgbuild.kb.keys import is_acronym, match_key
from kgbuild.types import KBEntry

__all__ = ["content_words", "long_forms", "names_agree"]

SAME_RATIO = 85  # in the text's own language a word must be nearly the same ("somalienne" / "syrienne": 67)
WORD_RATIO = 60  # a transliterated word ("nusrat" / "nasr": 60) still agrees
_MIN_LETTERS = 4  # shorter words are articles, prepositions and particles ("de", "al", "wa", "aux")
_SPLIT = re.compile(r"[\s'’\-/]+")


def content_words(name: str) -> list[str]:
    return [w for w in _SPLIT.split(match_key(name)) if len(w) >= _MIN_LETTERS and w.isalpha()]


def long_forms(names: Iterable[str]) -> list[str]:
    """The names of several words among an entity's names (no acronym)."""
    return [n for n in names if not is_acronym(n) and len(content_words(n)) >= 2]


def _words_of(names: Iterable[str]) -> set[str]:
    return {w for name in names for w in content_words(name)}


def names_agree(long_form: str, entry: KBEntry, lang: str | None = None) -> bool:
    """Whether every content word of ``long_form`` is close to a word of the entry's names:
    nearly the same (SAME_RATIO) as a word of its names in the text's language, or near
    (WORD_RATIO, a transliteration) a word of its names in other languages ("l'Armée
    nationale somalienne (SNA)" is not the "Armée nationale syrienne")."""
    own = [entry.labels.get(lang, "")] + list(entry.aliases.get(lang, ())) if lang else []
    other = [n for code, n in entry.labels.items() if code != lang] \
        + [a for code, aliases in entry.aliases.items() if code != lang for a in aliases]
    words = content_words(long_form)
    return any(_all_near(words, _words_of(names), ratio) for names, ratio in ((own, SAME_RATIO), (other, WORD_RATIO)))


def _all_near(words: list[str], names: set[str], ratio: float) -> bool:
    return bool(names) and all(any(fuzz.ratio(w, n) >= ratio for n in names) for w in words)
