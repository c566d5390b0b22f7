"""The language of each document, and the guard against languages kgbuild has no rules for.

A document's language is, in this order: ``--lang`` (forced), what the input says
(JSONL ``lang``, a file name such as ``report.en.txt``, ``<html lang>``, an
``Article``'s ``lang``), else detected from the text by lingua, restricted to the
languages of ``DETECTED``: the ones kgbuild reads and the common news languages it
must recognise to refuse them.  A document whose language has no folder in
``kgbuild/extract/lang/`` is reported and skipped, never parsed with another
language's model::

    language de is not supported (detected, 0.99); supported: en, fr; use --lang to force
"""

from __future__ import annotations

import functools
import logging
import re
import tomllib
from dataclasses import replace
from pathlib import Path

from kgbuild.errors import KgbuildError
from kgbuild.types import Article

__all__ = ["DETECTED", "UnsupportedLanguage", "detect_language", "resolve_language",
           "check_supported", "supported_languages"]

log = logging.getLogger(__name__)

#: ISO 639-1 codes lingua chooses among: kgbuild's languages and those a news feed often holds
DETECTED = ("fr", "en", "de", "es", "it", "pt", "nl", "ru", "uk", "pl", "ar", "tr", "fa", "zh")

#: under this confidence an unsupported guess gives way to the likeliest supported language
#: (a headline of three names is no evidence of German)
MIN_CONFIDENCE = 0.5

#: characters read for detection (about 1 ms a document): a news lead says the language; the
#: rest only costs time
_SAMPLE = 600


class UnsupportedLanguage(KgbuildError):
    """A document is in a language kgbuild has no rules for (reported, the document skipped)."""


def supported_languages() -> tuple[str, ...]:
    from kgbuild.extract.lang import LANGUAGES

    return LANGUAGES


#: under this many characters a text is read with all of lingua's n-gram models (its advice)
SHORT_TEXT = 120


@functools.cache
def _detector(short: bool = False):
    """Low accuracy mode reads trigrams only: its models load in a tenth of the time and memory
    (0.4 s and +21 MB, against 3.2 s and +254 MB, for the first 200 short articles here), and an
    article is long enough for trigrams.  A text under ``SHORT_TEXT`` characters (a headline,
    a one-line text) is read in high accuracy mode, loaded only when such a text comes."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in DETECTED]
    builder = LanguageDetectorBuilder.from_languages(*languages)
    return (builder if short else builder.with_low_accuracy_mode()).build()


def detect_language(text: str) -> tuple[str, float]:
    """The likeliest language of ``text`` among ``DETECTED`` and lingua's confidence (0-1).

    An unsupported language under ``MIN_CONFIDENCE`` gives way to the likeliest supported one.
    A sample that is plainly French (``_plainly_french``) is French with confidence 1.0, what
    lingua says of it, without lingua (a third of a millisecond a document).
    """
    sample = text[:_SAMPLE]
    if _plainly_french(sample):
        return "fr", 1.0
    return _lingua_language(sample)


def _lingua_language(sample: str) -> tuple[str, float]:
    """``detect_language`` by lingua alone."""
    values = _detector(len(sample.strip()) < SHORT_TEXT).compute_language_confidence_values(sample)
    if not values:
        return supported_languages()[0], 0.0
    code, confidence = _code(values[0]), float(values[0].value)
    supported = supported_languages()
    if code not in supported and confidence < MIN_CONFIDENCE:
        for value in values:
            if _code(value) in supported:
                return _code(value), float(value.value)
    return code, confidence


def _code(value) -> str:
    """The ISO 639-1 code of one of lingua's confidence values."""
    return value.language.iso_code_639_1.name.lower()


#: frequent French words (``french``) and frequent words of the other languages of ``DETECTED``
#: that French text seldom holds (``others``): ``data/langid/plain_french.toml``
_PLAIN_LISTS = tomllib.loads(
    (Path(__file__).parent / "data" / "langid" / "plain_french.toml").read_text(encoding="utf-8"))
_FRENCH_WORDS = frozenset(_PLAIN_LISTS["french"])
_OTHER_WORDS = frozenset(_PLAIN_LISTS["others"])
#: a character outside ASCII and French's letters and typography: a word of another alphabet
#: or with another language's letter ("Erdoğan"), which lingua's rules may read as that language's
_NOT_FRENCH_CHAR = re.compile(r"[^\x00-\x7fàâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»’‘“”–—…°€\u00a0\u202f]")
#: words a sample must hold for the test; French words in each half (in ten words) at least;
#: words of ``_OTHER_WORDS`` in each half at most
_PLAIN_WORDS, _PLAIN_SHARE, _PLAIN_OTHERS = 40, 2.5, 2


def _plainly_french(sample: str) -> bool:
    """True when the sample is French beyond doubt, which lingua then detects as French with
    confidence 1.0 (in low accuracy mode: ``SHORT_TEXT`` characters or more): at least
    ``_PLAIN_WORDS`` words, in each half at least ``_PLAIN_SHARE`` French words in ten
    (``_FRENCH_WORDS``) and at most ``_PLAIN_OTHERS`` of ``_OTHER_WORDS``, and no character
    outside French's (``_NOT_FRENCH_CHAR``).  Else lingua decides.  Checked against lingua on
    every window of the French and foreign texts at hand, and on French samples with a foreign
    passage spliced in (README, "Which language a document is in")."""
    words = sample.lower().split()
    half = len(words) // 2
    if half * 2 < _PLAIN_WORDS or len(sample.strip()) < SHORT_TEXT:  # lingua's other mode
        return False
    for part in (words[:half], words[half:]):
        if (sum(map(_FRENCH_WORDS.__contains__, part)) * 10 < _PLAIN_SHARE * len(part)
                or sum(map(_OTHER_WORDS.__contains__, part)) > _PLAIN_OTHERS):
            return False
    return _NOT_FRENCH_CHAR.search(sample) is None


def resolve_language(article: Article, forced: str | None = None) -> Article:
    """The article with its language decided (forced, given by the input, else detected)."""
    if forced:
        if article.lang == forced and article.lang_source == "forced":
            return article
        _warn_other_language(article, forced)
        return replace(article, lang=forced, lang_source="forced", lang_confidence=None)
    if article.lang:
        if article.lang_source:
            return article
        return replace(article, lang_source="input")
    code, confidence = detect_language(article.text)
    return replace(article, lang=code, lang_source="detected", lang_confidence=round(confidence, 2))


#: a forced language is questioned (a warning) when a text this long reads as another this surely
_QUESTION_LENGTH, _QUESTION_CONFIDENCE = 200, 0.9


def _warn_other_language(article: Article, forced: str) -> None:
    """Warn, naming the document, when the text plainly reads as another language than the one
    forced (an English text read with ``--lang fr`` gives names cut at its verbs): the language
    stays forced, the user is told."""
    if len(article.text.strip()) < _QUESTION_LENGTH:
        return
    code, confidence = detect_language(article.text)
    if code != forced and confidence >= _QUESTION_CONFIDENCE:
        where = article.source or article.id
        log.warning("%s: read as %s (--lang), but the text reads as %s (%.2f)", where, forced, code, confidence)


def check_supported(article: Article) -> None:
    """Raise UnsupportedLanguage (the failure report's line) for a language without rules."""
    supported = supported_languages()
    if article.lang in supported:
        return
    how = {"detected": f"detected, {article.lang_confidence:.2f}" if article.lang_confidence is not None
           else "detected",
           "forced": "forced"}.get(article.lang_source or "", "given by the input")
    raise UnsupportedLanguage(f"language {article.lang} is not supported ({how}); "
                              f"supported: {', '.join(supported)}; use --lang to force")
