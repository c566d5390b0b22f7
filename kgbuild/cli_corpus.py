"""Command-line parts for corpora: build options, `kgbuild load`, `kgbuild serve`.

    kgbuild build DIR|corpus.jsonl... -o OUT [--workers N | --dask tcp://HOST:8786|local:N]
                  [--resume] [--progress|--no-progress]
    kgbuild load OUT_DIR|FILE... --store DIR
    kgbuild serve --store DIR [--host 127.0.0.1] [--port 7878]

cli.py calls ``add_corpus_options`` on its build parser, ``run_corpus_build``
to run a build, and ``add_load_parser``/``add_serve_parser`` on its subparsers.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kgbuild.config import BuildConfig

__all__ = ["add_corpus_options", "wants_corpus_build", "run_corpus_build", "add_load_parser",
           "add_serve_parser"]


def add_corpus_options(parser: argparse.ArgumentParser) -> None:
    """--workers, --dask, --resume and --progress on a `build` parser."""
    group = parser.add_argument_group("corpus builds")
    group.add_argument("--workers", type=int, default=1, metavar="N",
                       help="extract in N processes (each loads the spaCy model once)")
    group.add_argument("--dask", default=None, metavar="ADDRESS",
                       help="extract on a Dask cluster: tcp://HOST:8786 or local:N")
    group.add_argument("--resume", action="store_true",
                       help="keep the documents an interrupted build in OUT already built")
    group.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                       help="progress bar on stderr (default: when stderr is a terminal)")


def wants_corpus_build(args: argparse.Namespace) -> bool:
    """True for a corpus: a corpus option, several inputs, a folder or a JSONL file."""
    if args.workers != 1 or args.dask is not None or args.resume or args.progress is not None:
        return True
    inputs = getattr(args, "inputs", None) or [Path(p) for p in args.paths]
    paths = [p for p in inputs if isinstance(p, Path) and str(p) != "-"]
    return len(inputs) > 1 or any(p.is_dir() or p.suffix.lower() == ".jsonl" for p in paths)


def run_corpus_build(args: argparse.Namespace, config: BuildConfig) -> int:
    """Run `kgbuild build` as a corpus build; 0 when something was built, 1 when nothing was."""
    from kgbuild.corpus import build_corpus

    inputs = getattr(args, "inputs", None) or [Path(p) for p in args.paths]
    report = build_corpus(inputs, Path(args.out), config=config, workers=args.workers,
                          resume=args.resume, dask=args.dask, stem=args.stem,
                          progress=args.progress)
    for failure in report.failures:
        print(f"kgbuild: skipped {failure.source}: {failure.problem}", file=sys.stderr)
    if not report.built:
        print("kgbuild: nothing could be built", file=sys.stderr)
        return 1
    for path in report.written:
        print(f"wrote {path}")
    resumed = f" ({report.resumed} from the interrupted build)" if report.resumed else ""
    print(f"{report.built} documents built{resumed}, {report.duplicates} near-duplicates, "
          f"{report.entities} corpus entities, {len(report.failures)} skipped")
    return 0


def add_load_parser(subparsers) -> None:
    """`kgbuild load OUT_DIR|FILE... --store DIR`."""
    load = subparsers.add_parser(
        "load", help="load RDF outputs into a persistent Oxigraph store",
        description="Load build folders (their TriG, else N-Quads, JSON-LD, N-Triples or "
                    "Turtle) or RDF files into a persistent store. Loading twice adds nothing.")
    load.add_argument("paths", nargs="+", metavar="PATH", help="build folders or .trig/.nq/.jsonld/.nt/.ttl files")
    load.add_argument("--store", required=True, type=Path, metavar="DIR", help="the store folder")
    load.set_defaults(run=_run_load)


def _run_load(args: argparse.Namespace) -> int:
    from kgbuild.store import load_store

    total = 0
    for path, quads in load_store(args.paths, args.store):
        print(f"loaded {path}: {quads:,} quads")
        total += quads
    print(f"{args.store}: {total:,} quads loaded")
    return 0


def add_serve_parser(subparsers) -> None:
    """`kgbuild serve --store DIR [--host] [--port]`."""
    serve = subparsers.add_parser(
        "serve", help="SPARQL endpoint and query page over a store",
        description="Serve a store loaded with `kgbuild load`: SPARQL 1.1 protocol at /sparql "
                    "(queries only) and a query page at /.")
    serve.add_argument("--store", required=True, type=Path, metavar="DIR", help="the store folder")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=7878, help="port (default 7878; 0 picks a free one)")
    serve.add_argument("--no-union", dest="union", action="store_false",
                       help="the default graph is the store's own, not the union of all graphs")
    serve.set_defaults(run=_run_serve)


def _run_serve(args: argparse.Namespace) -> int:
    from kgbuild.store import serve_store

    serve_store(args.store, host=args.host, port=args.port, union_default_graph=args.union,
                announce=lambda line: print(line, flush=True))
    return 0
