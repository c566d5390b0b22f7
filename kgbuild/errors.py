"""One exception tree for kgbuild.

    KgbuildError
     ├── InputError            a file or article cannot be read (names the file)
     │    └── EmptyInputError  the file holds no text
     ├── ConfigError           an option has a bad value (names option, value, valid ones)
     ├── LanguageDataError     a language folder's data files are wrong (names the file)
     ├── ModelError            the spaCy model for a language is missing
     ├── KBError               the knowledge-base snapshot cannot be built or loaded
     ├── LinkError             a SPARQL endpoint failed (callers degrade to unlinked)
     ├── ExportError           an export format cannot hold the data (names the key)
     ├── QueryError            a query file or parameter is wrong
     └── EvalError             a gold or export file does not follow FORMAT.md
"""

from __future__ import annotations

__all__ = [
    "KgbuildError",
    "InputError",
    "EmptyInputError",
    "ConfigError",
    "LanguageDataError",
    "ModelError",
    "KBError",
    "LinkError",
    "ExportError",
    "QueryError",
    "EvalError",
]


class KgbuildError(Exception):
    """Base of every error kgbuild raises on purpose."""


class InputError(KgbuildError):
    """An input cannot be read. ``path`` names it; the message says why."""

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class EmptyInputError(InputError):
    """The input holds no text."""


class ConfigError(KgbuildError):
    """A configuration option has a bad value."""

    def __init__(self, option: str, value: object, valid: object = None) -> None:
        self.option, self.value, self.valid = option, value, valid
        msg = f"option {option!r}: bad value {value!r}"
        if valid is not None:
            msg += f" (valid: {valid})"
        super().__init__(msg)


class LanguageDataError(KgbuildError):
    """A language folder's data files are missing, malformed or incomplete (names the file)."""


class ModelError(KgbuildError):
    """A spaCy model is missing or cannot be loaded."""


class KBError(KgbuildError):
    """The knowledge base cannot be built or loaded."""


class LinkError(KgbuildError):
    """A linking backend failed; callers keep entities unlinked."""


class ExportError(KgbuildError):
    """An export cannot represent some data."""


class QueryError(KgbuildError):
    """A query cannot be loaded or run."""


class EvalError(KgbuildError):
    """A gold or export file does not follow FORMAT.md."""
