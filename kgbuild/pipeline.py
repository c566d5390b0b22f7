"""The pipeline end to end, and the Python API for research scripts.

    import kgbuild
    from pathlib import Path
    result = kgbuild.build([Path("corpus/"), Path("feed.jsonl")], linker="snapshot")
    result.rdf                 # rdflib Dataset, one named graph per document
    result.nx                  # networkx MultiDiGraph
    result.to_json()           # document JSON objects (FORMAT.md)
    result.failures            # what could not be read or built, with the reason

Inputs have explicit types: a ``pathlib.Path`` (or any ``os.PathLike``) is a
file or folder, a ``kgbuild.Article`` is an article, a ``str`` is the text of
an article ("-" alone is standard input).  A path that does not exist is an
InputError naming it, raised before anything is built.  For scripts written
when strings were guessed: a one-line ``str`` that names an existing file or
folder is still read as a path, with a DeprecationWarning; one that looks like a
file name (no space, ending in ``/`` or a suffix kgbuild reads) but names
nothing is an InputError, never built as a text.

Article -> Extraction -> linked Extraction -> Graph -> exports.  A document
that fails is reported and skipped; every other document is still built.
"""

from __future__ import annotations

import logging
import os
import warnings
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from kgbuild.config import BuildConfig
from kgbuild.errors import InputError, KgbuildError
from kgbuild.types import Article, Extraction

__all__ = ["build", "build_extractions", "iter_inputs", "check_inputs", "apply_defaults",
           "load_configured_linker", "load_overrides", "link_extraction", "BuildResult", "Failure"]

log = logging.getLogger(__name__)

_PATH_SUFFIXES = (".txt", ".jsonl", ".html", ".htm", ".json")
STDIN = "-"


@dataclass(frozen=True)
class Failure:
    """A document (or input) that could not be built, and why."""

    source: str
    problem: str


@dataclass
class BuildResult:
    """What a build produced: extractions, and what failed."""

    extractions: list[Extraction]
    failures: list[Failure] = field(default_factory=list)

    @cached_property
    def rdf(self):
        from kgbuild.rdf import build_graph

        return build_graph(self.extractions)

    @cached_property
    def nx(self):
        from kgbuild.export import to_networkx

        return to_networkx(self.extractions)

    def to_json(self) -> list[dict]:
        from kgbuild.export import document_json

        return [document_json(e) for e in self.extractions]

    def write(self, out_dir: str | Path, formats: Sequence[str] = ("ttl", "json"),
              stem: str | None = None) -> list[Path]:
        from kgbuild.export import file_stem, write_outputs

        if stem is None:  # one article: its id names the files; a corpus: "graph"
            stem = file_stem(self.extractions[0].article.id) if len(self.extractions) == 1 else "graph"
        return write_outputs(self.extractions, Path(out_dir), tuple(formats), stem)


def build(inputs: str | os.PathLike | Article | Iterable[str | os.PathLike | Article], *,
          config: BuildConfig | None = None, **options) -> BuildResult:
    """Build the graph of files, folders, JSONL corpora, texts or Article records.

    ``pathlib.Path``: a .txt/.jsonl/.html file or a folder; ``Article``: a record;
    ``str``: the text of an article ("-": standard input).  A missing path raises
    InputError naming it before anything is built.  Keyword options are
    BuildConfig fields (lang, linker, endpoint, offline, date, ...).
    """
    config = config or BuildConfig(**options)
    inputs = check_inputs(inputs)
    failures: list[Failure] = []
    articles = iter_inputs(inputs, config, failures.append)
    extractions = list(build_extractions(articles, config, failures.append))
    return BuildResult(extractions, failures)


def check_inputs(inputs) -> list:
    """The inputs as a list of Path, Article or text; InputError names a path that does not exist.

    A str that names an existing file or folder becomes a Path (DeprecationWarning:
    pass a Path); one that looks like a file name but names nothing is an InputError.
    """
    if isinstance(inputs, (str, os.PathLike, Article)):
        inputs = [inputs]
    checked = []
    for item in inputs:
        if isinstance(item, str) and item != STDIN and _looks_like_path(item):
            if not _exists(item):
                raise InputError(item, "no such file or folder (a text that looks like a file name: "
                                       "pass pathlib.Path for a path, or kgbuild.Article for a text)")
            warnings.warn(f"kgbuild.build({item!r}): a str is the text of an article; "
                          f"pass pathlib.Path({item!r}) to read a file or folder",
                          DeprecationWarning, stacklevel=3)
            item = Path(item)
        if isinstance(item, os.PathLike) and os.fspath(item) != STDIN and not _exists(item):
            raise InputError(os.fspath(item), "no such file or folder")
        if not isinstance(item, (str, os.PathLike, Article)):
            raise TypeError(f"kgbuild.build takes pathlib.Path, kgbuild.Article or str (a text), "
                            f"not {type(item).__name__}: {item!r}")
        checked.append(item)
    return checked


def iter_inputs(inputs, config: BuildConfig,
                on_failure: Callable[[Failure], None]) -> Iterator[Article]:
    """Articles from Paths, Articles and texts; unreadable ones go to ``on_failure``.

    A str is a text ("-": standard input), except the path-like strings that
    ``check_inputs`` turns into Paths (run it first to have those checked).
    """
    from kgbuild.read import clean_article, iter_articles, read_text

    if isinstance(inputs, (str, os.PathLike, Article)):
        inputs = [inputs]

    def report(error: InputError) -> None:
        log.info("%s", error)  # the caller reports failures (the CLI prints them)
        on_failure(Failure(error.path, error.problem))

    texts = 0
    for item in inputs:
        if isinstance(item, Article):
            yield clean_article(item)
        elif isinstance(item, os.PathLike) or item == STDIN or _looks_like_path(item):
            yield from iter_articles([item], lang=config.lang, max_chars=config.max_chars,
                                     on_error=report)
        else:
            texts += 1
            try:
                yield read_text(item, id=f"text-{texts}", lang=config.lang,
                                max_chars=config.max_chars)
            except InputError as error:
                report(error)


def _looks_like_path(item: str) -> bool:
    """A one-line str that names a file or folder, or one without spaces that ends like one."""
    if not item or len(item) > 4096 or "\n" in item:
        return False
    if _exists(item):
        return True
    return not any(c.isspace() for c in item) and (item.lower().endswith(_PATH_SUFFIXES)
                                                   or item.endswith(("/", os.sep)))


def _exists(item: str | os.PathLike) -> bool:
    try:
        return Path(item).exists()
    except (OSError, ValueError):  # "File name too long", an embedded NUL: not a path
        return False


def build_extractions(articles: Iterable[Article], config: BuildConfig,
                      on_failure: Callable[[Failure], None]) -> Iterator[Extraction]:
    """Extract and link each article; a failing document is reported, the rest go on."""
    from kgbuild.extract import Extractor
    from kgbuild.langid import check_supported

    extractors: dict[str, Extractor] = {}
    linker = load_configured_linker(config)
    overrides = load_overrides(config)  # before any work: a bad file fails at once
    for article in articles:
        try:
            article = apply_defaults(article, config)
            check_supported(article)
            extractor = extractors.get(article.lang)
            if extractor is None:
                extractor = extractors[article.lang] = Extractor(article.lang, learned=config.learned_relations)
            extraction = link_extraction(extractor.extract(article), linker, overrides)
        except KgbuildError as error:
            on_failure(Failure(article.source or article.id, str(error)))
            log.info("%s: %s", article.source or article.id, error)
            continue
        except Exception as error:  # one broken article never sinks a corpus
            log.debug("%s: extraction failed", article.source or article.id, exc_info=True)
            on_failure(Failure(article.source or article.id,
                               f"extraction failed: {type(error).__name__}: {error}"))
            continue
        yield extraction


def load_overrides(config: BuildConfig) -> tuple:
    """The curation overrides of the config's file (InputError names file and line)."""
    if config.overrides is None:
        return ()
    from kgbuild.curation import read_overrides

    return read_overrides(config.overrides)


def link_extraction(extraction: Extraction, linker, overrides: tuple = ()) -> Extraction:
    """Link an extraction, drop the states it names only by a people's demonym (they vouch for
    their places' country while linking: ``people_demonym_entities``), then apply the user's
    curation overrides."""
    people = _people_demonym_entities(extraction)
    if linker is not None:
        extraction = linker.link(extraction)
    if people:
        from kgbuild.identity import drop_entities

        extraction = drop_entities(extraction, people)
    if overrides:
        from kgbuild.curation import apply_overrides

        extraction = apply_overrides(extraction, overrides)
    return extraction


def _people_demonym_entities(extraction: Extraction) -> list[str]:
    """The entities of the extraction named only by a people's demonym (none for a language
    with no rules)."""
    from kgbuild.extract.entities import people_demonym_entities
    from kgbuild.extract.language import load_rules

    try:
        rules = load_rules(extraction.article.lang or "")
    except KgbuildError:  # no rules for this language
        return []
    return people_demonym_entities(extraction.entities, rules)


def apply_defaults(article: Article, config: BuildConfig) -> Article:
    """The article with its language decided (the config's forces it, else its own, else
    detected: ``kgbuild.langid``) and the config's date where it has none of its own."""
    from kgbuild.langid import resolve_language

    article = resolve_language(article, config.lang)
    if article.date is None and config.date:
        article = replace(article, date=config.date)
    return article


def load_configured_linker(config: BuildConfig):
    """The linker the config asks for, or None for linker="none"."""
    if config.linker == "none":
        return None
    from kgbuild.link import load_linker

    return load_linker(config.linker, endpoint=config.endpoint, cache_dir=config.cache_dir,
                       offline=config.offline, contact=config.contact)
