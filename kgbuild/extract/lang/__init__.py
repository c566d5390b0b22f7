"""Language folders: ``lang/<code>/`` holds a language.toml, data files and a grammar module.

The engine reads them through ``kgbuild.extract.language.load_rules``; this package only
names the codes there are (``LANGUAGES``).
"""

from __future__ import annotations

from kgbuild.extract.language import available_languages, load_rules

__all__ = ["LANGUAGES", "load_rules"]

#: codes of the languages kgbuild has rules for
LANGUAGES: tuple[str, ...] = available_languages()
