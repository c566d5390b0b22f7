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
from dataclasses import replace

from kgbuild.errors import KgbuildError
from kgbuild.types import Article

__all__ = ["DETECTED", "UnsupportedLanguage", "detect_language", "resolve_language",
           "check_supported", "supported_languages"]

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
    """
    sample = text[:_SAMPLE]
    values = _detector(len(sample.strip()) < SHORT_TEXT).compute_language_confidence_values(sample)
    ranked = [(v.language.iso_code_639_1.name.lower(), float(v.value)) for v in values]
    if not ranked:
        return supported_languages()[0], 0.0
    code, confidence = ranked[0]
    supported = supported_languages()
    if code not in supported and confidence < MIN_CONFIDENCE:
        for other, value in ranked:
            if other in supported:
                return other, value
    return code, confidence


def resolve_language(article: Article, forced: str | None = None) -> Article:
    """The article with its language decided (forced, given by the input, else detected)."""
    if forced:
        if article.lang == forced and article.lang_source == "forced":
            return article
        return replace(article, lang=forced, lang_source="forced", lang_confidence=None)
    if article.lang:
        if article.lang_source:
            return article
        return replace(article, lang_source="input")
    code, confidence = detect_language(article.text)
    return replace(article, lang=code, lang_source="detected", lang_confidence=round(confidence, 2))


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
