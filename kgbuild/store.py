"""A persistent Oxigraph store for corpus graphs, and a local SPARQL endpoint with a query page.

    loaded = load_store(["out/"], "store/")       # [(Path('out/graph.trig'), 1234567)]
    serve_store("store/", port=7878)              # http://127.0.0.1:7878/  (Ctrl-C stops)

``load_store`` checks each file whole before loading it (a file with a syntax
error loads nothing and names the file and the position), then bulk-loads it;
loading the same file twice changes nothing (a store is a set of quads).  From
a build folder it takes one RDF file per stem, the one that keeps the most:
TriG (named graphs), else N-Quads, JSON-LD, N-Triples, Turtle.

The endpoint speaks the SPARQL 1.1 protocol (queries only) at ``/sparql`` and, as
``oxigraph serve`` names it, ``/query``: ``GET /sparql?query=``,
``POST /sparql`` with a form (``query=``) or an ``application/sparql-query``
body, ``default-graph-uri``/``named-graph-uri`` parameters, and content
negotiation (SPARQL results as JSON, XML, CSV, TSV; graphs as Turtle,
N-Triples, JSON-LD, RDF/XML).  Without ``default-graph-uri`` the default graph
is the union of all graphs (``union_default_graph=False`` keeps the store's own).
``/`` is a query page.  The server answers only on the address it is bound to
(127.0.0.1 by default) and only to requests naming a local host, so a web page
cannot reach it through DNS rebinding.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kgbuild.errors import ConfigError, InputError, QueryError

__all__ = [
    "RDF_SUFFIXES",
    "select_rdf_files",
    "load_store",
    "open_store",
    "make_server",
    "serve_store",
    "explain_query_error",
    "ENDPOINT_PATHS",
]

log = logging.getLogger(__name__)

#: loadable file suffixes, in order of preference within one stem
RDF_SUFFIXES = {
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".ttl": ox.RdfFormat.TURTLE,
}

_PAGE_FILES = {"/": ("index.html", "text/html; charset=utf-8"),
               "/index.html": ("index.html", "text/html; charset=utf-8"),
               "/app.js": ("app.js", "text/javascript; charset=utf-8"),
               "/style.css": ("style.css", "text/css; charset=utf-8"),
               "/examples.json": ("examples.json", "application/json; charset=utf-8")}
_RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
_LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
#: where the SPARQL protocol is answered: kgbuild's /sparql, and /query as `oxigraph serve` has it
ENDPOINT_PATHS = ("/sparql", "/query")
_MAX_BODY = 1 << 20  # a query larger than 1 MiB is refused


# ---------------------------------------------------------------- loading


def select_rdf_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files to load: files as given; from a folder, the most complete RDF file of each stem."""
    chosen: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            best: dict[str, Path] = {}
            rank = list(RDF_SUFFIXES)
            for file in sorted(path.iterdir()):
                suffix = file.suffix.lower()
                if file.name.startswith(".") or suffix not in RDF_SUFFIXES or not file.is_file():
                    continue
                held = best.get(file.stem)
                if held is None or rank.index(suffix) < rank.index(held.suffix.lower()):
                    best[file.stem] = file
            if not best:
                raise InputError(path, f"folder holds no RDF file ({', '.join(RDF_SUFFIXES)})")
            chosen += sorted(best.values())
        elif path.is_file():
            if path.suffix.lower() not in RDF_SUFFIXES:
                raise InputError(path, f"not an RDF file kgbuild loads ({', '.join(RDF_SUFFIXES)})")
            chosen.append(path)
        else:
            raise InputError(path, "no such file or folder")
    return chosen


def open_store(store_dir: str | Path) -> ox.Store:
    """Open (or create) the store in ``store_dir``; a store another process holds is a clear error."""
    try:
        return ox.Store(str(store_dir))
    except OSError as error:
        problem = str(error)
        if "lock" in problem.lower():
            problem = "the store is in use by another process (a running `kgbuild serve`?)"
        raise InputError(store_dir, f"cannot open the store: {problem}") from error


def load_store(paths: Iterable[str | Path], store_dir: str | Path) -> list[tuple[Path, int]]:
    """Load RDF files (or build folders) into the store; returns (file, quads read) for each file."""
    files = select_rdf_files(paths)
    counts = [(file, _check_file(file)) for file in files]
    store = open_store(store_dir)
    try:
        for file, _ in counts:
            store.bulk_load(path=str(file), format=RDF_SUFFIXES[file.suffix.lower()])
        store.flush()
    finally:
        del store
    return counts


def _check_file(file: Path) -> int:
    """Parse the whole file once: its number of quads, or an InputError naming the position."""
    fmt = RDF_SUFFIXES[file.suffix.lower()]
    try:
        return sum(1 for _ in ox.parse(path=str(file), format=fmt))
    except SyntaxError as error:
        raise InputError(file, f"not valid {fmt.name}: {error}") from error
    except OSError as error:
        raise InputError(file, f"cannot read: {error.strerror or error}") from error


# ---------------------------------------------------------------- serving


def make_server(store: ox.Store, host: str = "127.0.0.1", port: int = 7878,
                union_default_graph: bool = True) -> ThreadingHTTPServer:
    """An HTTP server (not yet serving) for ``store``; port 0 picks a free port."""
    server = ThreadingHTTPServer((host, port), _Handler)
    server.daemon_threads = True
    server.store = store
    server.union_default_graph = union_default_graph
    server.allowed_hosts = _LOCAL_HOSTS | {host.lower()}
    return server


def serve_store(store_dir: str | Path, host: str = "127.0.0.1", port: int = 7878,
                union_default_graph: bool = True, announce=print) -> None:
    """Serve the store until interrupted; ``announce`` receives the page's URL."""
    if not Path(store_dir, "CURRENT").exists():
        raise InputError(store_dir, "no store here (create one with `kgbuild load FILES --store DIR`)")
    store = open_store(store_dir)
    try:
        server = make_server(store, host, port, union_default_graph)
    except OSError as error:
        raise ConfigError("port", port, f"a free port on {host} ({error.strerror or error})") from None
    with server:
        shown = f"[{host}]" if ":" in host else host
        announce(f"kgbuild: SPARQL endpoint http://{shown}:{server.server_address[1]}/sparql (also /query), "
                 f"query page http://{shown}:{server.server_address[1]}/  (Ctrl-C stops)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


class _Handler(BaseHTTPRequestHandler):
    server_version = "kgbuild"
    protocol_version = "HTTP/1.1"

    # -- dispatch

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if not self._host_allowed():
            return
        url = urlsplit(self.path)
        if url.path in _PAGE_FILES:
            self._send_page(*_PAGE_FILES[url.path])
        elif url.path in ENDPOINT_PATHS:
            self._answer(parse_qs(url.query, keep_blank_values=True))
        else:
            self._send_error(HTTPStatus.NOT_FOUND, f"no such page: {url.path}")

    def _answer(self, params: dict[str, list[str]]) -> None:
        """A query given as protocol parameters (GET query string or form body)."""
        if "update" in params:
            self._send_error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: no SPARQL update")
        elif "query" not in params:
            self._send_error(HTTPStatus.BAD_REQUEST, "missing 'query' parameter")
        else:
            self._run_query(params["query"][0], params)

    def do_POST(self) -> None:  # noqa: N802
        if not self._host_allowed():
            return
        url = urlsplit(self.path)
        if url.path not in ENDPOINT_PATHS:
            self._send_error(HTTPStatus.NOT_FOUND, f"no such endpoint: {url.path} (SPARQL is at "
                                                   f"{' and '.join(ENDPOINT_PATHS)})")
            return
        body = self._read_body()
        if body is None:
            return
        params = parse_qs(url.query, keep_blank_values=True)
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type == "application/x-www-form-urlencoded":
            params.update(parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True))
            self._answer(params)
        elif content_type == "application/sparql-query":
            self._run_query(body.decode("utf-8", "replace"), params)
        elif content_type == "application/sparql-update":
            self._send_error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: no SPARQL update")
        else:
            self._send_error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                             "send application/x-www-form-urlencoded or application/sparql-query")

    # -- queries

    def _run_query(self, query: str, params: dict[str, list[str]]) -> None:
        default_graphs = params.get("default-graph-uri", [])
        named_graphs = params.get("named-graph-uri", [])
        try:
            result = self.server.store.query(
                query,
                use_default_graph_as_union=self.server.union_default_graph and not default_graphs,
                default_graph=[ox.NamedNode(g) for g in default_graphs] or None,
                named_graphs=[ox.NamedNode(g) for g in named_graphs] or None,
            )
            if isinstance(result, ox.QueryTriples):
                media, fmt = _negotiate(self.headers.get("Accept"), _GRAPH_TYPES, "text/turtle")
            else:
                media, fmt = _negotiate(self.headers.get("Accept"), _RESULT_TYPES,
                                        "application/sparql-results+json")
            data = result.serialize(format=fmt)
        except (SyntaxError, ValueError) as error:
            self._send_error(HTTPStatus.BAD_REQUEST, f"bad query: {explain_query_error(query, error)}")
            return
        except QueryError as error:
            self._send_error(HTTPStatus.NOT_ACCEPTABLE, str(error))
            return
        except OSError as error:
            log.exception("query failed")
            self._send_error(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {error}")
            return
        charset = "; charset=utf-8" if media.startswith("text/") or "json" in media else ""
        self._send(HTTPStatus.OK, media + charset, data)

    # -- plumbing

    def _host_allowed(self) -> bool:
        host = (self.headers.get("Host") or "").strip().lower()
        name = re.sub(r":\d+$", "", host)
        if name in self.server.allowed_hosts:
            return True
        self._send_error(HTTPStatus.FORBIDDEN, f"unexpected Host header {host!r}")
        return False

    def _read_body(self) -> bytes | None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            self._send_error(HTTPStatus.BAD_REQUEST, "bad Content-Length")
            return None
        if length > _MAX_BODY:
            self._send_error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"query over {_MAX_BODY} bytes")
            return None
        return self.rfile.read(length)

    def _send_page(self, name: str, media: str) -> None:
        data = resources.files("kgbuild").joinpath("data", "serve", name).read_bytes()
        self._send(HTTPStatus.OK, media, data,
                   {"Content-Security-Policy": "default-src 'self'; style-src 'self'; script-src 'self'"})

    def _send_error(self, status: HTTPStatus, message: str) -> None:
        self.close_connection = True  # an unread request body must not be taken for the next request
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

    def _send(self, status: HTTPStatus, media: str, data: bytes, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server's signature)
        log.info("%s %s", self.address_string(), format % args)


_ERROR_AT = re.compile(r"error at (\d+):(\d+): (.*)", re.S)
_PREFIX_DECLARATION = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.I)
_PREFIXED_NAME = re.compile(r"(?<![\w<\"'?$:/#-])([A-Za-z][\w.-]*)?:(?=[\w%]|\s|$)")


def explain_query_error(query: str, error: BaseException) -> str:
    """The first useful line of a SPARQL parser error, where it is and what is there.

    Oxigraph lists every character class the grammar would accept ("expected one of
    Prefix not found, ['%'], ['-' | '0' ..= '9' | ..."); this keeps the message among
    them ("prefix "foo:" is not declared"), else the keywords and punctuation expected.
    """
    text = str(error).strip()
    found = _ERROR_AT.match(text)
    if found is None:
        return text.splitlines()[0][:300] if text else type(error).__name__
    line, column, rest = int(found[1]), int(found[2]), found[3]
    lines = query.splitlines() or [""]
    here = lines[line - 1][column - 1:].strip()[:30] if 0 < line <= len(lines) else ""
    place = f"line {line}, column {column}"
    where = place + (f", at {here!r}" if here else ", at the end")
    expected = rest.removeprefix("expected ").removeprefix("one of ")
    items = _split_items(expected) if rest.startswith("expected ") else [rest]
    messages = [i for i in items if " " in i and i[:1].isupper() and not i.startswith("[")]
    if "Prefix not found" in messages:
        prefix = _undeclared_prefix(query, line, column)
        if prefix is not None:
            return f"{place}: prefix {prefix + ':'!r} is not declared (add PREFIX {prefix}: <...>)"
        return f"{place}: a prefix is not declared"
    if messages:
        return f"{where}: {messages[0][0].lower()}{messages[0][1:]}"
    words = []
    for item in items:
        single = re.fullmatch(r"\['(.)'\]", item)
        if single:
            words.append(repr(single[1]))
        elif not item.startswith("[") and "\n" not in item:
            words.append(item)
    if not words:
        return f"{where}: unexpected text"
    shown = ", ".join(words[:8]) + (", ..." if len(words) > 8 else "")
    return f"{where}: expected {'one of ' if len(words) > 1 else ''}{shown}"


def _split_items(text: str) -> list[str]:
    """Oxigraph's comma-separated alternatives, commas inside [...] and "..." kept."""
    items, depth, quoted, start, escaped = [], 0, False, 0, False
    for i, char in enumerate(text):
        if quoted and (escaped or char == "\\"):
            escaped = not escaped
        elif char == '"':
            quoted = not quoted
        elif not quoted and char == "[":
            depth += 1
        elif not quoted and char == "]":
            depth = max(depth - 1, 0)
        elif not quoted and depth == 0 and char == ",":
            items.append(text[start:i].strip())
            start = i + 1
    items.append(text[start:].strip())
    return [item for item in items if item]


def _undeclared_prefix(query: str, line: int, column: int) -> str | None:
    """The undeclared prefix used last before the error position."""
    declared = {m[1] or "" for m in _PREFIX_DECLARATION.finditer(query)}
    offset = sum(len(part) + 1 for part in query.split("\n")[: line - 1]) + column - 1
    found = None
    for match in _PREFIXED_NAME.finditer(query, 0, max(offset, 0) + 1):
        if (match[1] or "") not in declared:
            found = match[1] or ""
    return found


def _negotiate(accept: str | None, offered: dict, default: str):
    """The offered media type the Accept header prefers (q-values honoured); QueryError if none fits."""
    if not accept:
        return default, offered[default]
    choices = []
    for position, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media, q = fields[0].lower(), 1.0
        for field in fields[1:]:
            if field.startswith("q="):
                try:
                    q = float(field[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            choices.append((-q, position, media))
    for _, _, media in sorted(choices):
        if media in offered:
            return media, offered[media]
        if media in ("*/*", "application/*", "text/*"):
            prefix = media.split("/")[0]
            if media == "*/*" or default.startswith(prefix):
                return default, offered[default]
            for name in offered:
                if name.startswith(prefix):
                    return name, offered[name]
    raise QueryError(f"cannot answer in any of: {accept} (offered: {', '.join(offered)})")
