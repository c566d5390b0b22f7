"""The one place where outside text becomes SPARQL: literals and IRIs.

Mention text only ever enters a query through ``escape_literal``: the result
is a complete quoted literal, so no input can close the string and add query
text.  Backslashes and quotes are escaped, line breaks and other control
characters become ``\\n``-style or 8-digit ``\\UXXXXXXXX`` escapes; ``\\u`` sequences in the
input are neutralised so that servers which expand ``\\uXXXX`` before parsing
(as the SPARQL spec allows) cannot turn them into a quote.  IRIs come only from
checked KB keys (``iri_ref``).
"""

from __future__ import annotations

import re

from kgbuild.kb.vocab import entry_iri

__all__ = ["escape_literal", "iri_ref", "LANG_TAG"]

LANG_TAG = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{1,8})*$")
_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _escape_char(ch: str) -> str:
    if ch in _ECHAR:
        return _ECHAR[ch]
    code = ord(ch)
    if code < 0x20 or code == 0x7F or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
        # the 8-digit form: a parser that reads a \\u escape greedily cannot take
        # the hex digits that follow in the text as part of the code point
        return "\\U%08X" % code if code < 0xD800 or code > 0xDFFF else "\\U0000FFFD"
    return ch


def escape_literal(text: str, lang: str | None = None) -> str:
    """``text`` as a SPARQL string literal ("..."@lang); the only way text enters a query."""
    if not isinstance(text, str):
        raise TypeError("a literal's text must be a str")
    # a backslash followed by u/U would read as a codepoint escape on servers that expand them
    # before parsing: the letter itself is written as an 8-digit codepoint escape.
    parts, prev = [], ""
    for ch in text:
        parts.append("\\U%08X" % ord(ch) if prev == "\\" and ch in "uU" else _escape_char(ch))
        prev = ch
    body = "".join(parts)
    literal = f'"{body}"'
    if lang is not None:
        if not LANG_TAG.match(lang):
            raise ValueError(f"bad language tag {lang!r}")
        literal += f"@{lang}"
    return literal


def iri_ref(key: str) -> str:
    """``<IRI>`` of a checked KB key (a QID or a kb: key); anything else raises ValueError."""
    return f"<{entry_iri(key)}>"
