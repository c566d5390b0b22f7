"""CLI subcommands of the knowledge base: ``kgbuild kb build`` and ``kgbuild enrich``.

    kgbuild kb build [--sources DIR] [--additions DIR] [-o DIR]
                     [--from-dump latest-all.json.bz2] [--from-endpoint URL] [--class Q5 ...]
    kgbuild enrich GRAPH.ttl -o OUT.ttl [--linker snapshot|sparql] [--endpoint URL] [--offline]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["add_kb_parser", "add_enrich_parser"]


def add_kb_parser(subparsers) -> argparse.ArgumentParser:
    from kgbuild.kb import ADDITIONS_DIR, DEFAULT_SOURCES, KB_DIR

    kb = subparsers.add_parser("kb", help="build the embedded Wikidata snapshot")
    sub = kb.add_subparsers(dest="kb_command", required=True)
    build = sub.add_parser("build", help="shared sources + verified additions (+ dump/endpoint) -> snapshot")
    build.add_argument("--sources", default=str(DEFAULT_SOURCES), help="folder of Wikidata sources")
    build.add_argument("--additions", default=str(ADDITIONS_DIR), help="folder of verified additions (CSV)")
    build.add_argument("-o", "--out", default=str(KB_DIR), help="output folder (default: the shipped snapshot)")
    build.add_argument("--from-dump", action="append", default=[], metavar="FILE",
                       help="also read a Wikidata JSON dump (.json, .json.gz, .json.bz2), streamed")
    build.add_argument("--from-endpoint", action="append", default=[], metavar="URL",
                       help="also page through a SPARQL endpoint with CONSTRUCT queries")
    build.add_argument("--class", dest="classes", action="append", default=[], metavar="QID",
                       help="class whose instances a dump or endpoint adds (default: all known classes)")
    build.set_defaults(run=_run_kb_build)
    return kb


def add_enrich_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("enrich", help="add Wikidata facts about linked entities to a graph")
    p.add_argument("graph", help="an RDF file (Turtle, N-Triples, TriG, JSON-LD) with owl:sameAs wd:Q... links")
    p.add_argument("-o", "--out", required=True, help="where to write the enriched graph")
    p.add_argument("--linker", default="snapshot", choices=("snapshot", "sparql"), help="facts backend")
    p.add_argument("--endpoint", default=None, help="SPARQL endpoint URL for --linker sparql")
    p.add_argument("--offline", action="store_true", help="sparql: use the cache and the snapshot only")
    p.add_argument("--contact", default=None, help="contact (email or URL) sent in the User-Agent")
    p.add_argument("--cache-dir", default=None, help="SPARQL answer cache (default .kgbuild-cache)")
    p.set_defaults(run=_run_enrich)
    return p


def _classes(qids: list[str]) -> dict[str, str] | None:
    from kgbuild.errors import ConfigError
    from kgbuild.kb.vocab import CLASS_KINDS

    if not qids:
        return None
    bad = [q for q in qids if q not in CLASS_KINDS]
    if bad:
        raise ConfigError("--class", bad[0], ", ".join(sorted(CLASS_KINDS)))
    return {q: CLASS_KINDS[q] for q in qids}


def _run_kb_build(args: argparse.Namespace) -> int:
    from kgbuild.kb import build_snapshot

    report = build_snapshot(Path(args.sources), Path(args.additions), Path(args.out), dumps=args.from_dump,
                            endpoints=args.from_endpoint, classes=_classes(args.classes))
    print(report.to_text())
    return 0


def _guess_format(path: str) -> str:
    from rdflib.util import guess_format

    return guess_format(path) or "turtle"


def _run_enrich(args: argparse.Namespace) -> int:
    from rdflib import Dataset, Graph

    from kgbuild.errors import InputError
    from kgbuild.link import enrich_graph, load_linker

    fmt = _guess_format(args.graph)
    graph = Dataset() if fmt in ("trig", "nquads") else Graph()
    try:
        graph.parse(args.graph, format=fmt)
    except FileNotFoundError:
        raise InputError(args.graph, "no such file") from None
    except Exception as exc:  # rdflib raises many parser-specific types
        raise InputError(args.graph, f"not readable as {fmt} ({type(exc).__name__}: {exc})") from None
    before = len(graph)
    linker = load_linker(args.linker, endpoint=args.endpoint, offline=args.offline, contact=args.contact,
                         cache_dir=args.cache_dir)
    enrich_graph(graph, linker)
    out_fmt = _guess_format(args.out)
    graph.serialize(destination=args.out, format=out_fmt)
    print(f"{args.out}: {len(graph) - before} facts added ({len(graph)} triples)", file=sys.stderr)
    return 0
