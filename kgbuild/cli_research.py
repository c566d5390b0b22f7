"""Research commands of the command line: query, analyze, plot, curate.

    kgbuild query NAME|FILE (--graph PATH... | --endpoint URL) [-p NAME=VALUE]... [--format table|csv|json]
    kgbuild query --list                     kgbuild query NAME --show
    kgbuild analyze GRAPH... -o DIR          kgbuild plot GRAPH... -o DIR
    kgbuild curate export GRAPH... -o curation.csv     kgbuild curate check OVERRIDES.csv

GRAPH is an RDF file (.ttl, .trig, .nt, .jsonld...), a GraphML or GEXF file, or the
output folder of ``kgbuild build``.  Each ``add_*_parser(subparsers)`` adds one
command whose ``run(args)`` returns the exit status; errors are KgbuildErrors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kgbuild.errors import ConfigError

__all__ = ["add_query_parser", "add_analyze_parser", "add_plot_parser", "add_curate_parser"]


def add_query_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "query", help="run a query of the pack (or a .rq file) on a graph or a SPARQL endpoint",
        description="Run a SPARQL query of the pack by name, or a .rq file, on graph files "
                    "or a SPARQL endpoint. Parameters are bound, never pasted into the text.")
    p.add_argument("query", nargs="?", metavar="NAME|FILE", help="a query name (see --list) or a .rq file")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--graph", nargs="+", type=Path, metavar="PATH",
                        help="RDF files or kgbuild build output folders")
    source.add_argument("--endpoint", metavar="URL", help="SPARQL endpoint URL")
    p.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                   help="a query parameter (repeatable)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format")
    p.add_argument("--service", action="append", default=[], metavar="URL=OTHER",
                   help="send SERVICE <URL> to OTHER instead (a mirror or a local server)")
    p.add_argument("--timeout", type=float, default=60.0, help="endpoint timeout in seconds")
    p.add_argument("-o", "--out", type=Path, default=None, help="write the rows to this file")
    p.add_argument("--list", action="store_true", help="list the queries of the pack")
    p.add_argument("--show", action="store_true", help="print the query, its parameters and an example")
    p.set_defaults(run=_run_query)
    return p


def add_analyze_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "analyze", help="network analysis of a graph: centralities, communities, projections (CSV)")
    p.add_argument("graph", nargs="+", type=Path, metavar="GRAPH",
                   help="RDF, GraphML or GEXF files, or kgbuild build output folders")
    p.add_argument("-o", "--out", type=Path, required=True, help="folder for the CSV files")
    p.add_argument("--include-negated", action="store_true",
                   help="keep relations the text denies (left out by default)")
    p.add_argument("--seed", type=int, default=1, help="seed of the community detection")
    p.set_defaults(run=_run_analyze)
    return p


def add_plot_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("plot", help="draw a graph: a PNG picture and a small HTML view")
    p.add_argument("graph", nargs="+", type=Path, metavar="GRAPH",
                   help="RDF, GraphML or GEXF files, or kgbuild build output folders")
    p.add_argument("-o", "--out", type=Path, required=True, help="output folder")
    p.add_argument("--stem", default="graph", help="base name of the files (default: graph)")
    p.add_argument("--labels", type=int, default=None,
                   help="how many node labels to draw, most mentioned first (default: every node "
                        "up to 60 nodes, else 30)")
    p.add_argument("--title", default=None, help="title of the picture")
    p.add_argument("--include-negated", action="store_true", help="draw denied relations too")
    p.add_argument("--seed", type=int, default=7, help="seed of the layout")
    p.set_defaults(run=_run_plot)
    return p


def add_curate_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("curate", help="export links to check; check an overrides file")
    p.set_defaults(run=lambda args: p.print_help() or 2)
    sub = p.add_subparsers(metavar="ACTION")
    export = sub.add_parser("export", help="write unlinked and low-confidence entities to a CSV "
                                           "that becomes an overrides file once filled in")
    export.add_argument("graph", nargs="+", type=Path, metavar="GRAPH",
                        help="RDF files or kgbuild build output folders")
    export.add_argument("-o", "--out", type=Path, required=True, help="the CSV file to write")
    export.add_argument("--max-confidence", type=float, default=0.8,
                        help="links below this confidence are listed (default 0.8)")
    export.set_defaults(run=_run_curate_export)
    check = sub.add_parser("check", help="read an overrides file and say what it will do")
    check.add_argument("overrides", type=Path, metavar="OVERRIDES.csv")
    check.set_defaults(run=_run_curate_check)
    return p


# ---------------------------------------------------------------- commands


def _run_query(args) -> int:
    from kgbuild.queries import format_result, list_queries, load_query, load_graph, run_query

    if args.list:
        for query in list_queries():
            names = " ".join(f"{p.name}={p.type}" for p in query.params)
            print(f"{query.name:<24} {query.title}" + (f"  [{names}]" if names else ""))
        return 0
    if not args.query:
        raise ConfigError("query", None, "a query name (kgbuild query --list) or a .rq file")
    query = load_query(args.query)
    if args.show:
        print(_describe(query))
        return 0
    if args.graph is None and args.endpoint is None:
        raise ConfigError("--graph/--endpoint", None, "graph files or folders, or an endpoint URL")
    params = dict(_pair(item, "--param") for item in args.param)
    services = dict(_pair(item, "--service") for item in args.service)
    graph = load_graph(args.graph) if args.graph is not None else None
    result = run_query(query, graph, endpoint=args.endpoint, params=params, services=services,
                       timeout=args.timeout)
    text = format_result(result, args.format)
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out} ({len(result.rows)} rows)")
    return 0


def _describe(query) -> str:
    lines = [f"{query.name}: {query.title}", "", query.question, ""]
    if query.params:
        lines.append("parameters:")
        for p in query.params:
            mode = "required" if p.required else (f"default {p.default}" if p.default else "optional")
            lines.append(f"  {p.name} ({p.type}, {mode}): {p.description}")
        lines.append("")
    if query.example:
        lines += ["example output:", *("  " + line for line in query.example.splitlines()), ""]
    lines.append(query.text.rstrip())
    return "\n".join(lines)


def _pair(item: str, option: str) -> tuple[str, str]:
    name, sep, value = item.partition("=")
    if not sep or not name.strip():
        raise ConfigError(option, item, "NAME=VALUE")
    return name.strip(), value


def _run_analyze(args) -> int:
    from kgbuild.analyze import load_network, write_analysis

    network = load_network(args.graph)
    for path in write_analysis(network, args.out, include_negated=args.include_negated,
                               seed=args.seed):
        print(f"wrote {path}")
    return 0


def _run_plot(args) -> int:
    from kgbuild.analyze import load_network
    from kgbuild.plot import plot_graph

    network = load_network(args.graph)
    for path in plot_graph(network, args.out, stem=args.stem, labels=args.labels,
                           title=args.title, include_negated=args.include_negated, seed=args.seed):
        print(f"wrote {path}")
    return 0


def _run_curate_export(args) -> int:
    from kgbuild.curation import write_curation
    from kgbuild.queries import load_graph

    path, rows = write_curation(load_graph(args.graph), args.out, max_confidence=args.max_confidence)
    print(f"wrote {path} ({rows} entities to check); fill in 'action' and 'value', then "
          f"build again with --overrides {path}")
    return 0


def _run_curate_check(args) -> int:
    from kgbuild.curation import read_overrides

    overrides = read_overrides(args.overrides)
    for override in overrides:
        scope = f" in {override.doc}" if override.doc else ""
        value = f" -> {override.value}" if override.value else ""
        print(f"{override.action:<7} {override.match}{value}{scope}")
    print(f"{len(overrides)} overrides in {args.overrides}")
    return 0
