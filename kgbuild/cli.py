"""The command line: parse arguments, call the stages, report.

    kgbuild build PATH... -o OUT [--format ttl,json,gexf|all] [--linker snapshot|sparql|none]
                  [--workers N] [--resume] [--dask tcp://HOST:8786|local:N]
    kgbuild load OUT --store DIR        kgbuild serve --store DIR
    kgbuild demo [-o output/]
    kgbuild eval GOLD... EXPORT [--json]
    kgbuild query NAME|FILE ...  kgbuild analyze ...  kgbuild plot ...  kgbuild curate ...
    kgbuild kb build ...        kgbuild enrich ...

Exit status: 0 when something was built (failures are listed), 1 when nothing
could be built, 2 for a usage or configuration error.
"""

from __future__ import annotations

import argparse
import logging
import sys
from importlib import resources
from pathlib import Path
from typing import Sequence

from kgbuild import __version__
from kgbuild.cli_corpus import add_corpus_options, run_corpus_build, wants_corpus_build
from kgbuild.config import FORMATS, LINKERS, BuildConfig
from kgbuild.errors import KgbuildError

__all__ = ["main"]

DEMO_ARTICLE = "examples/demo.fr.txt"


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING if not args.verbose else logging.INFO,
                        format="kgbuild: %(levelname)s: %(message)s")
    try:
        return args.run(args)
    except KgbuildError as error:
        print(f"kgbuild: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # Ctrl-C: one line, not a traceback; 128 + SIGINT as shells do
        print(f"kgbuild: {_interrupted(args)}", file=sys.stderr)
        return 130


def _interrupted(args) -> str:
    """What an interrupted command leaves: for a corpus build, the documents its journal kept."""
    inputs = getattr(args, "inputs", None)
    if args.run is not _run_build or inputs is None or not wants_corpus_build(args):
        return "interrupted"
    from kgbuild.corpus import journaled_documents

    kept = journaled_documents(Path(args.out), args.stem or "graph")
    return f"interrupted: {kept} document{'s' if kept != 1 else ''} kept; run again with --resume"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kgbuild", description="Build a knowledge graph (actors, weapons, regions, statements) "
        "from news articles, linked to Wikidata.")
    parser.add_argument("--version", action="version", version=f"kgbuild {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress")
    parser.set_defaults(run=lambda args: parser.print_help() or 2)
    sub = parser.add_subparsers(metavar="COMMAND")

    build = sub.add_parser("build", help="build the graph of articles")
    build.add_argument("paths", nargs="*", metavar="PATH",
                       help=".txt, .jsonl, .html files, folders, or - for stdin "
                            "(every argument is a path: a missing one is an error)")
    build.add_argument("--text", action="append", default=[], metavar="TEXT",
                       help="the text of an article, given on the command line (repeatable)")
    _add_build_options(build)
    add_corpus_options(build)
    build.set_defaults(run=_run_build)

    demo = sub.add_parser("demo", help="build the bundled example article into output/")
    _add_build_options(demo, default_out="output")
    demo.set_defaults(run=_run_demo, paths=None)

    ev = sub.add_parser("eval", help="score exports against gold files (FORMAT.md section 3)")
    ev.add_argument("files", nargs="+", metavar="FILE", help="GOLD... then the EXPORT (.json/.jsonl)")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.set_defaults(run=_run_eval)

    from kgbuild.cli_corpus import add_load_parser, add_serve_parser
    from kgbuild.cli_kb import add_enrich_parser, add_kb_parser
    from kgbuild.cli_research import (
        add_analyze_parser,
        add_curate_parser,
        add_plot_parser,
        add_query_parser,
    )

    add_kb_parser(sub)
    add_enrich_parser(sub)
    add_load_parser(sub)
    add_serve_parser(sub)
    add_query_parser(sub)
    add_analyze_parser(sub)
    add_plot_parser(sub)
    add_curate_parser(sub)
    return parser


def _add_build_options(p: argparse.ArgumentParser, default_out: str | None = None) -> None:
    p.add_argument("-o", "--out", default=default_out, required=default_out is None,
                   help="output folder")
    p.add_argument("--format", default="ttl,json",
                   help=f"comma-separated formats or 'all' ({','.join(FORMATS)})")
    p.add_argument("--lang", default=None, help="force the language of every article (default: from the input, else detected)")
    p.add_argument("--date", default=None, help="document date for inputs without one (YYYY-MM-DD)")
    p.add_argument("--linker", default="snapshot", choices=LINKERS,
                   help="Wikidata linking backend (default: the embedded snapshot)")
    p.add_argument("--endpoint", default=None, help="SPARQL endpoint URL for --linker sparql")
    p.add_argument("--offline", action="store_true", help="sparql linker: use the cache and snapshot only")
    p.add_argument("--cache-dir", type=Path, default=None, help="SPARQL answer cache folder")
    p.add_argument("--contact", default=None, help="contact (mail or URL) sent to public endpoints")
    p.add_argument("--max-chars", type=int, default=1_000_000, help="longest article accepted")
    p.add_argument("--stem", default=None, help="base name of the output files")
    p.add_argument("--overrides", type=Path, default=None,
                   help="curation CSV (kgbuild curate export) applied after linking")
    p.add_argument("--no-learned-relations", dest="learned_relations", action="store_false",
                   help="the hand rules' relations only, without the pair model's (kgbuild/extract/pairs.py)")


def _config(args) -> BuildConfig:
    return BuildConfig.from_formats(
        args.format, lang=args.lang, linker=args.linker, endpoint=args.endpoint,
        offline=args.offline, cache_dir=args.cache_dir, contact=args.contact,
        max_chars=args.max_chars, date=args.date, overrides=args.overrides,
        learned_relations=getattr(args, "learned_relations", True))


def _run_build(args) -> int:
    from kgbuild.errors import ConfigError, InputError
    from kgbuild.pipeline import build

    if not args.paths and not args.text:
        raise ConfigError("PATH", None, "one or more files or folders, - for stdin, or --text TEXT")
    for typed in args.paths:  # a mistyped path is an error naming it as typed, never an article
        if typed != "-" and not Path(typed).exists():
            raise InputError(typed, "no such file or folder")
    args.inputs = [*(Path(p) for p in args.paths), *args.text]
    config = _config(args)
    if wants_corpus_build(args):  # folders, JSONL, several inputs, or corpus options
        return run_corpus_build(args, config)
    result = build(args.inputs, config=config)
    return _report(result, args, config)


def _run_demo(args) -> int:
    from dataclasses import replace

    from kgbuild.pipeline import build
    from kgbuild.read import iter_articles

    config = _config(args)
    path = resources.files("kgbuild") / "data" / DEMO_ARTICLE
    with resources.as_file(path) as demo:  # the source names the example, not where pip put it
        articles = [replace(article, source=f"kgbuild/data/{DEMO_ARTICLE}")
                    for article in iter_articles([demo], max_chars=config.max_chars)]
    result = build(articles, config=config)
    return _report(result, args, config)


def _report(result, args, config: BuildConfig) -> int:
    for failure in result.failures:
        print(f"kgbuild: skipped {failure.source}: {failure.problem}", file=sys.stderr)
    if not result.extractions:
        print("kgbuild: nothing could be built", file=sys.stderr)
        return 1
    written = result.write(Path(args.out), config.formats, args.stem)
    for extraction in result.extractions:
        a = extraction.article
        linked = sum(1 for e in extraction.entities if e.qid)
        enc = f", read as {a.encoding}" if a.encoding and a.encoding.lower() not in ("utf-8", "utf_8", "ascii") else ""
        print(f"{a.id}: {len(extraction.entities)} entities ({linked} linked), "
              f"{len(extraction.statements)} statements, {len(extraction.relations)} relations{enc}")
        for warning in extraction.warnings:
            print(f"  warning: {warning}", file=sys.stderr)
    for path in written:
        print(f"wrote {path}")
    if result.failures:
        print(f"{len(result.extractions)} built, {len(result.failures)} skipped", file=sys.stderr)
    return 0


def _run_eval(args) -> int:
    from kgbuild.evaluate import run_eval

    if len(args.files) < 2:
        print("kgbuild eval: give at least one GOLD file and one EXPORT", file=sys.stderr)
        return 2
    *golds, export = args.files
    print(run_eval([Path(g) for g in golds], Path(export), as_json=args.json))
    return 0


if __name__ == "__main__":
    sys.exit(main())
