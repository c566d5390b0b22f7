"""Build configuration: one frozen dataclass, validated once.

Every error names the option, the bad value and the valid values, so a typo in
a research script or on the command line says exactly what to change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kgbuild.errors import ConfigError

__all__ = ["FORMATS", "LINKERS", "MAX_CHARS_LIMIT", "BuildConfig"]

#: export formats, in the order they are written
FORMATS = ("ttl", "nt", "jsonld", "trig", "json", "gexf", "graphml", "csv")
#: linking backends; "none" leaves every entity unlinked
LINKERS = ("snapshot", "sparql", "none")
#: the longest text --max-chars may allow: the spaCy parser's limit (extract.parse.load_pipeline)
MAX_CHARS_LIMIT = 2_000_000


@dataclass(frozen=True)
class BuildConfig:
    lang: str | None = None  # forces it; None: from the input (JSONL "lang", "x.fr.txt"), else detected
    linker: str = "snapshot"
    endpoint: str | None = None  # SPARQL endpoint for linker="sparql" (default: public Wikidata)
    offline: bool = False  # sparql linker: use cache and snapshot only
    cache_dir: Path | None = None
    contact: str | None = None  # sent in the User-Agent to public endpoints
    formats: tuple[str, ...] = ("ttl", "json")
    max_chars: int = 1_000_000
    date: str | None = None  # document date for inputs that carry none (ISO 8601)
    overrides: Path | None = None
    learned_relations: bool = True  # add the pair model's relations (kgbuild/extract/pairs.py)
    extra: dict = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        from kgbuild.extract.lang import LANGUAGES

        if self.lang is not None and self.lang not in LANGUAGES:
            raise ConfigError("lang", self.lang, sorted(LANGUAGES))
        if self.linker not in LINKERS:
            raise ConfigError("linker", self.linker, list(LINKERS))
        if self.endpoint is not None and not self.endpoint.startswith(("http://", "https://")):
            raise ConfigError("endpoint", self.endpoint, "an http(s) URL of a SPARQL endpoint")
        bad = [f for f in self.formats if f not in FORMATS]
        if bad or not self.formats:
            raise ConfigError("format", ",".join(bad) or "", list(FORMATS))
        if not 0 < self.max_chars <= MAX_CHARS_LIMIT:
            raise ConfigError("max_chars", self.max_chars,
                              f"--max-chars from 1 to {MAX_CHARS_LIMIT:,} characters (the spaCy parser "
                              f"refuses longer texts)")
        if self.date is not None:
            from datetime import date

            try:
                date.fromisoformat(self.date)
            except ValueError:
                raise ConfigError("date", self.date, "an ISO 8601 date such as 2024-11-18") from None

    @classmethod
    def from_formats(cls, formats: str, **kwargs) -> "BuildConfig":
        """A config from a comma-separated format list ("ttl,json,gexf" or "all")."""
        names = FORMATS if formats.strip() == "all" else tuple(
            f.strip() for f in formats.split(",") if f.strip())
        return cls(formats=names, **kwargs)
