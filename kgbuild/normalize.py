"""Text normalisation shared by linking and evaluation.

``normalize_label`` is the matching key of FORMAT.md section 3: case-folded,
accents removed, French/English/German articles and elisions removed,
apostrophes and hyphens unified, whitespace collapsed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["normalize_label", "strip_accents", "fold_quotes", "plain_spaces"]

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'",
                         "“": '"', "”": '"', "«": '"', "»": '"', "„": '"',
                         "‐": "-", "‑": "-", "–": "-", "—": "-", "\u00a0": " ", "\u202f": " "})
_QUOTE_PAIRS = tuple((chr(code), folded) for code, folded in _QUOTES.items())
assert not {folded for _, folded in _QUOTE_PAIRS} & {char for char, _ in _QUOTE_PAIRS}  # see fold_quotes
_ELISION = re.compile(r"\b(?:l|d|qu|j|n|s|c|m|t|jusqu|lorsqu|puisqu)'", re.IGNORECASE)
_ARTICLES = re.compile(
    r"^(?:(?:le|la|les|un|une|des|du|de|the|a|an|der|die|das|den|dem|des)\s+)+", re.IGNORECASE
)
_SPACE = re.compile(r"\s+")
_CACHED_LENGTH = 80  # a name or a word, not a sentence: memory stays flat over a corpus


def fold_quotes(text: str) -> str:
    """Map typographic apostrophes, quotes, dashes and odd spaces to ASCII ones."""
    if text.isascii():
        return text.translate(_QUOTES)  # CPython's fast path for ASCII ("`" is folded too)
    # one character for one, none mapped to a character that is mapped (checked below the
    # table): replacing the ones present in turn makes the same string, some 5 to 60 times
    # faster than ``str.translate``, which looks every character of a non-ASCII string up in
    # the table (a tenth of a microsecond each; extraction folds windows of the text often)
    for char, folded in _QUOTE_PAIRS:
        if char in text:
            text = text.replace(char, folded)
    return text


def plain_spaces(text: str) -> str:
    """A name with single plain spaces: 'Jean\\tDupont', 'Jean  Dupont', a no-break space or a
    line break inside -> 'Jean Dupont' (labels; mention texts and quotes stay as written)."""
    return " ".join(text.split())


def strip_accents(text: str) -> str:
    """'Kyïv' -> 'Kyiv': combining marks removed after NFKD decomposition."""
    # words and names repeat across documents: remembered; long texts are not
    return _strip_accents_cached(text) if len(text) <= _CACHED_LENGTH else _strip_accents(text)


def normalize_label(text: str) -> str:
    """The comparison key of a label: 'L’Allemagne' -> 'allemagne'."""
    return _normalize_cached(text) if len(text) <= _CACHED_LENGTH else _normalize(text)


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():
        return decomposed
    # combining marks all lie above U+02FF: only runs of such characters are looked at
    return _ABOVE_LATIN.sub(_drop_combining, decomposed)


_ABOVE_LATIN = re.compile(r"[^\x00-\u02ff]+")


def _drop_combining(match: re.Match) -> str:
    return "".join(c for c in match.group() if not unicodedata.combining(c))


def _normalize(text: str) -> str:
    text = fold_quotes(text).casefold()
    text = _ELISION.sub("", text)
    text = strip_accents(text)
    text = re.sub(r"[\"“”«»()\[\],.;:!?]", " ", text)
    text = _SPACE.sub(" ", text).strip()
    text = _ARTICLES.sub("", text)
    return text.strip()


_strip_accents_cached = lru_cache(maxsize=65536)(_strip_accents)
_normalize_cached = lru_cache(maxsize=65536)(_normalize)
