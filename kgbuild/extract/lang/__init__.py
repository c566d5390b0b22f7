"""Language plug-ins: a language is a spaCy model plus a rules module.

A rules module (``kgbuild.extract.lang.<code>``) defines ``MODEL`` (the spaCy
package name) and the lexicons the extractor reads (see ``fr`` for the full
list).  Adding a language is adding a package here and a line to LANGUAGES.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from kgbuild.errors import ConfigError

__all__ = ["LANGUAGES", "load_rules"]

#: language code -> rules module
LANGUAGES = {"fr": "kgbuild.extract.lang.fr"}


def load_rules(lang: str) -> ModuleType:
    """The rules module of a language; ConfigError names the valid codes."""
    try:
        name = LANGUAGES[lang]
    except KeyError:
        raise ConfigError("lang", lang, sorted(LANGUAGES)) from None
    return importlib.import_module(name)
