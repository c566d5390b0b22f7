"""Load and run the query pack (``queries/*.rq``) on a graph file or a SPARQL endpoint.

    from kgbuild.queries import run_query
    result = run_query("supplies", result.rdf, params={"weapon": "ATACMS"})
    result.records()          # [{"supplier_label": "États-Unis", ...}]
    result.to_dataframe()     # the same as a pandas DataFrame

Each ``.rq`` file opens with a header comment::

    # title: Who supplies which weapons to whom
    # question: Which actors supply ... (continuation lines are indented)
    # param: weapon (string, optional): part of the weapon's label, or its QID
    # param: min_confidence (decimal, default 0): lowest confidence of the assertion
    # example:
    #   supplier_label  weapon_label ...

A parameter is a variable of the query.  Values are never pasted into the text:
rdflib gets them as ``initBindings``; a remote endpoint gets them in a ``VALUES``
block placed at the start of the query's WHERE clause, each term written by the
one escaping function ``sparql_term``.  Queries use their parameters in the top
group only (not in sub-selects), so both ways give the same answer.

The pack ships in the package (``kgbuild/data/queries``); ``queries/`` at the top
of the repository holds the same files for reading (a test keeps them equal).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rdflib import XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Identifier

from kgbuild.errors import InputError, QueryError
from kgbuild.link.sparql_text import escape_literal
from kgbuild.types import ENTITY_TYPES, MODALITIES, PREDICATES
from kgbuild.vocab import KG, WD

__all__ = [
    "PARAM_TYPES",
    "RDF_SUFFIXES",
    "Param",
    "Query",
    "QueryResult",
    "list_queries",
    "load_query",
    "parse_query",
    "bind_params",
    "run_query",
    "load_graph",
    "sparql_term",
    "inline_values",
    "rewrite_services",
    "format_result",
]

#: parameter types of a query header, and what a value must look like
PARAM_TYPES = {
    "string": "any text",
    "decimal": "a number such as 0.8",
    "integer": "a whole number",
    "boolean": "true or false",
    "date": "an ISO date such as 2024-11-18",
    "modality": ", ".join(MODALITIES),
    "predicate": ", ".join(PREDICATES),
    "type": ", ".join(ENTITY_TYPES),
    "qid": "a Wikidata QID such as Q212",
    "iri": "an absolute IRI",
}

#: RDF file suffixes read by load_graph, in the order one is preferred for a stem
RDF_SUFFIXES = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt",
                ".jsonld": "json-ld", ".n3": "n3", ".rdf": "xml", ".owl": "xml"}

_HEADER = re.compile(r"^#\s?(\w+):\s*(.*)$")
_PARAM = re.compile(r"^(\w+)\s+\((\w+),\s*(optional|required|default\s+(.+?))\)\s*:\s*(.*)$")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_QID = re.compile(r"Q[1-9][0-9]*")
_LANG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")
_TOKEN = re.compile(r"""
    (?P<comment>\#[^\n]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<word>[A-Za-z]+)
  | (?P<brace>\{)
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)
_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


@dataclass(frozen=True)
class Param:
    """A parameter declared in a query header."""

    name: str
    type: str  # a key of PARAM_TYPES
    required: bool = False
    default: str | None = None
    description: str = ""


@dataclass(frozen=True)
class Query:
    """A query of the pack (or a file): its text and what its header says."""

    name: str
    text: str
    title: str = ""
    question: str = ""
    params: tuple[Param, ...] = ()
    example: str = ""
    source: str = ""  # the file it was read from


@dataclass(frozen=True)
class QueryResult:
    """The rows of a SELECT (or the one boolean of an ASK), as RDF terms; None is unbound."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Identifier | None, ...], ...]

    def records(self) -> list[dict]:
        """Rows as dicts of plain Python values (str, int, float, bool, None)."""
        return [dict(zip(self.columns, map(_python_value, row))) for row in self.rows]

    def to_dataframe(self):
        """The rows as a pandas DataFrame, one column per variable."""
        import pandas as pd

        return pd.DataFrame(self.records(), columns=list(self.columns))


# ---------------------------------------------------------------- loading


def _pack_dir():
    return resources.files("kgbuild") / "data" / "queries"


def list_queries() -> list[Query]:
    """The queries of the pack, by name."""
    names = sorted(p.name[:-3] for p in _pack_dir().iterdir() if p.name.endswith(".rq"))
    return [load_query(name) for name in names]


def load_query(name_or_path: str | Path) -> Query:
    """A query of the pack by name ("supplies"), or a ``.rq`` file by path."""
    path = Path(name_or_path)
    if isinstance(name_or_path, str) and _NAME.fullmatch(name_or_path) and not path.exists():
        packed = _pack_dir() / f"{name_or_path}.rq"
        if not packed.is_file():
            names = ", ".join(q.name for q in list_queries())
            raise QueryError(f"no query named {name_or_path!r} in the pack (known: {names})")
        return parse_query(packed.read_text(encoding="utf-8"), name_or_path,
                           f"kgbuild:queries/{name_or_path}.rq")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read the query: {exc}") from exc
    return parse_query(text, path.stem, str(path))


def parse_query(text: str, name: str = "query", source: str = "") -> Query:
    """Read the header of a query text and check that the query parses."""
    fields: dict[str, list[str]] = {}
    params: list[Param] = []
    key = None
    where = source or name
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = _HEADER.match(line)
        if match and match.group(1) in ("title", "question", "param", "example"):
            key, value = match.groups()
            if key == "param":
                params.append(_parse_param(value, where))
            else:
                fields.setdefault(key, []).append(value)
        elif key is not None:
            body = line[1:]
            if key == "param":
                last = params[-1]
                params[-1] = Param(last.name, last.type, last.required, last.default,
                                   f"{last.description} {body.strip()}".strip())
            elif key == "example":
                fields.setdefault(key, []).append(body[3:] if body.startswith("   ") else body.strip())
            else:
                fields.setdefault(key, []).append(body.strip())
    _prepare(text, where)
    seen = set()
    for param in params:
        if param.name in seen:
            raise QueryError(f"{where}: parameter {param.name!r} declared twice")
        seen.add(param.name)
        if not re.search(rf"[?$]{param.name}\b", text):
            raise QueryError(f"{where}: parameter {param.name!r} is not a variable of the query")
        if param.default is not None:
            _convert(param, param.default, where)
    return Query(
        name=name,
        text=text,
        title=" ".join(fields.get("title", [])).strip(),
        question=" ".join(fields.get("question", [])).strip(),
        params=tuple(params),
        example="\n".join(fields.get("example", [])).strip("\n"),
        source=source,
    )


def _parse_param(value: str, where: str) -> Param:
    match = _PARAM.match(value.strip())
    if not match:
        raise QueryError(f"{where}: bad parameter line {value!r} "
                         "(expected 'name (type, optional|required|default VALUE): description')")
    name, kind, mode, default, description = match.groups()
    if kind not in PARAM_TYPES:
        raise QueryError(f"{where}: parameter {name!r} has unknown type {kind!r} "
                         f"(valid: {', '.join(PARAM_TYPES)})")
    return Param(name, kind, mode == "required", default, description.strip())


@lru_cache(maxsize=64)
def _prepare(text: str, where: str):
    from rdflib.plugins.sparql import prepareQuery

    try:
        return prepareQuery(text)
    except Exception as exc:  # pyparsing and rdflib raise several kinds
        raise QueryError(f"{where}: the query does not parse: {exc}") from exc


# ---------------------------------------------------------------- parameters


def bind_params(query: Query, values: Mapping[str, object] | None = None) -> dict[str, Identifier]:
    """Typed RDF terms for the given values, plus the header's defaults.

    A value may be a string (converted by the parameter's type) or an RDF term
    (used as it is).  An undeclared name that is a variable of the query is taken
    as a string.  QueryError names an unknown or missing parameter, or a bad value.
    """
    values = dict(values or {})
    bound: dict[str, Identifier] = {}
    where = query.source or query.name
    declared = {p.name: p for p in query.params}
    for name, value in values.items():
        param = declared.get(name)
        if param is None:
            if not _NAME.fullmatch(name) or not re.search(rf"[?$]{name}\b", query.text):
                valid = ", ".join(declared) or "none"
                raise QueryError(f"{where}: unknown parameter {name!r} (parameters: {valid})")
            param = Param(name, "string")
        bound[name] = value if isinstance(value, Identifier) else _convert(param, str(value), where)
    for param in query.params:
        if param.name in bound:
            continue
        if param.default is not None:
            bound[param.name] = _convert(param, param.default, where)
        elif param.required:
            raise QueryError(f"{where}: parameter {param.name!r} is required ({param.description})")
    return bound


def _convert(param: Param, raw: str, where: str) -> Identifier:
    def bad() -> QueryError:
        return QueryError(f"{where}: parameter {param.name!r}: bad value {raw!r} "
                          f"(expected {PARAM_TYPES[param.type]})")

    kind = param.type
    text = raw.strip()
    if kind == "string":
        return Literal(raw)
    if kind == "decimal":
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise bad() from None
        if not number.is_finite():
            raise bad()
        return Literal(number, datatype=XSD.decimal)
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", text):
            raise bad()
        return Literal(int(text), datatype=XSD.integer)
    if kind == "boolean":
        if text.lower() in ("true", "yes", "1"):
            return Literal(True)
        if text.lower() in ("false", "no", "0"):
            return Literal(False)
        raise bad()
    if kind == "date":
        try:
            return Literal(date.fromisoformat(text).isoformat(), datatype=XSD.date)
        except ValueError:
            raise bad() from None
    if kind in ("modality", "predicate", "type"):
        valid = {"modality": MODALITIES, "predicate": PREDICATES, "type": ENTITY_TYPES}[kind]
        for name in valid:
            if name.lower() == text.lower():
                return KG[name]
        raise bad()
    if kind == "qid":
        if not _QID.fullmatch(text):
            raise bad()
        return WD[text]
    if not _ABSOLUTE_IRI.fullmatch(text) or _IRI_FORBIDDEN.search(text):
        raise bad()
    return URIRef(text)


# ---------------------------------------------------------------- escaping


def sparql_term(term: Identifier) -> str:
    """An RDF term written as SPARQL text: the one place values enter a query string.

    IRIs are checked for the characters an IRIREF cannot hold; literals are
    escaped by ``escape_literal`` (the same escaping as every query the linker
    sends) and keep their language tag or datatype.  Blank nodes, unpaired surrogates,
    bad language tags and bad IRIs raise QueryError.
    """
    if isinstance(term, URIRef):
        text = str(term)
        if _IRI_FORBIDDEN.search(text) or _has_surrogate(text):
            raise QueryError(f"{text!r} cannot be written as an IRI in a query")
        return f"<{text}>"
    if isinstance(term, Literal):
        text = str(term)
        if _has_surrogate(text):
            raise QueryError(f"{text!r} holds an unpaired surrogate and cannot be sent")
        escaped = escape_literal(text)[1:-1]
        if term.language:
            if not _LANG.fullmatch(term.language):
                raise QueryError(f"{term.language!r} is not a language tag")
            return f'"{escaped}"@{term.language}'
        if term.datatype is not None and term.datatype != XSD.string:
            return f'"{escaped}"^^{sparql_term(URIRef(term.datatype))}'
        return f'"{escaped}"'
    if isinstance(term, BNode):
        raise QueryError("a blank node cannot be bound in a query sent to an endpoint")
    raise QueryError(f"{term!r} is not an RDF term")


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= char <= "\udfff" for char in text)


def inline_values(text: str, bindings: Mapping[str, Identifier]) -> str:
    """The query with ``VALUES (?a ?b) { (... ...) }`` opening its WHERE group.

    Every value goes through ``sparql_term``; names must be SPARQL variable names.
    """
    if not bindings:
        return text
    names = list(bindings)
    for name in names:
        if not _NAME.fullmatch(name):
            raise QueryError(f"{name!r} is not a variable name")
    brace = _where_brace(text)
    head = " ".join(f"?{name}" for name in names)
    row = " ".join(sparql_term(bindings[name]) for name in names)
    block = f"\n  VALUES ({head}) {{ ({row}) }}\n"
    return text[: brace + 1] + block + text[brace + 1:]


def _where_brace(text: str) -> int:
    """Offset of the brace that opens the query's WHERE group (comments, IRIs and strings skipped)."""
    form = None
    after_where = False
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "word":
            word = match.group().upper()
            if form is None and word in _FORMS:
                form = word
            elif word == "WHERE":
                after_where = True
        elif kind == "brace":
            if form == "CONSTRUCT" and not after_where:
                continue  # the template
            return match.start()
    raise QueryError("the query has no WHERE clause to bind parameters into")


def rewrite_services(text: str, services: Mapping[str, str]) -> str:
    """Point ``SERVICE <old>`` at another endpoint (a mirror, a local test server)."""
    for old, new in services.items():
        pattern = re.compile(r"(SERVICE\s+(?:SILENT\s+)?)<" + re.escape(old) + ">", re.IGNORECASE)
        if not pattern.search(text):
            raise QueryError(f"the query has no SERVICE <{old}>")
        replacement = sparql_term(URIRef(new))
        text = pattern.sub(lambda m: m.group(1) + replacement, text)
    return text


# ---------------------------------------------------------------- running


def run_query(
    query: Query | str | Path,
    graph: Graph | None = None,
    *,
    endpoint: str | None = None,
    params: Mapping[str, object] | None = None,
    services: Mapping[str, str] | None = None,
    timeout: float = 60.0,
) -> QueryResult:
    """Run a SELECT or ASK query on an rdflib graph (a Dataset is queried as the union
    of its named graphs) or on a SPARQL endpoint URL; exactly one of the two."""
    if not isinstance(query, Query):
        query = load_query(query)
    if (graph is None) == (endpoint is None):
        raise QueryError("give either a graph or an endpoint")
    bindings = bind_params(query, params)
    text = rewrite_services(query.text, services) if services else query.text
    where = query.source or query.name
    if endpoint is not None:
        return _run_endpoint(inline_values(text, bindings), endpoint, timeout, where)
    prepared = _prepare(text, where)
    if isinstance(graph, Dataset):
        graph = Dataset(store=graph.store, default_union=True)
    try:
        result = graph.query(prepared, initBindings=bindings)
    except Exception as exc:  # rdflib raises plain exceptions for evaluation errors
        raise QueryError(f"{where}: {type(exc).__name__}: {exc}") from exc
    if result.type == "ASK":
        return QueryResult(("ask",), ((Literal(bool(result.askAnswer)),),))
    if result.type != "SELECT":
        raise QueryError(f"{where}: only SELECT and ASK queries give rows ({result.type})")
    columns = tuple(str(v) for v in result.vars)
    return QueryResult(columns, tuple(tuple(row) for row in result))


def _run_endpoint(text: str, endpoint: str, timeout: float, where: str) -> QueryResult:
    from SPARQLWrapper import JSON, POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    if not re.match(r"https?://", endpoint):
        raise QueryError(f"endpoint {endpoint!r} is not an http(s) URL")
    client = SPARQLWrapper(endpoint, agent="kgbuild (research queries)")
    client.setQuery(text)
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    client.setTimeout(max(1, round(timeout)))
    try:
        data = client.query().convert()
    except SPARQLWrapperException as exc:
        raise QueryError(f"{endpoint}: {where}: {str(exc).strip()}") from exc
    except OSError as exc:  # URLError, timeouts, refused connections
        raise QueryError(f"{endpoint}: {where}: {exc}") from exc
    if not isinstance(data, dict):
        raise QueryError(f"{endpoint}: {where}: the answer is not SPARQL JSON results")
    if "boolean" in data:
        return QueryResult(("ask",), ((Literal(bool(data["boolean"])),),))
    columns = tuple(data.get("head", {}).get("vars", []))
    rows = tuple(tuple(_json_term(b.get(c)) for c in columns)
                 for b in data.get("results", {}).get("bindings", []))
    return QueryResult(columns, rows)


def _json_term(value: dict | None) -> Identifier | None:
    if value is None:
        return None
    kind = value.get("type")
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    datatype = value.get("datatype")
    return Literal(value["value"], lang=value.get("xml:lang"),
                   datatype=URIRef(datatype) if datatype else None)


def _python_value(term: Identifier | None):
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Literal):  # a datatype rdflib does not map
            return str(term)
        if isinstance(value, (bool, int, float, str)):
            return value
        if isinstance(value, Decimal):
            return float(value)
        if isinstance(value, (date, datetime)):
            return value.isoformat()
        return str(term)
    return str(term)


# ---------------------------------------------------------------- graphs


def load_graph(paths: str | Path | Iterable[str | Path]) -> Dataset:
    """Read RDF files and build folders into one Dataset (queried as a union).

    A folder contributes, for each file stem, one file in the order of
    RDF_SUFFIXES (graph.trig rather than graph.ttl and graph.nt as well).
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(_rdf_files(path))
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(path, "no such file or folder")
    if not files:
        raise InputError(", ".join(map(str, paths)),
                         f"no RDF file ({', '.join(RDF_SUFFIXES)}) to read")
    dataset = Dataset(default_union=True)
    for path in files:
        fmt = RDF_SUFFIXES.get(path.suffix.lower())
        if fmt is None:
            raise InputError(path, f"not an RDF file (suffixes: {', '.join(RDF_SUFFIXES)})")
        try:
            dataset.parse(path, format=fmt)
        except Exception as exc:  # rdflib parsers raise many kinds of errors
            raise InputError(path, f"cannot read it as {fmt}: {exc}") from exc
    return dataset


def _rdf_files(folder: Path) -> list[Path]:
    best: dict[str, Path] = {}
    rank = {suffix: n for n, suffix in enumerate(RDF_SUFFIXES)}
    for path in sorted(folder.iterdir()):
        suffix = path.suffix.lower()
        if suffix not in rank or not path.is_file():
            continue
        current = best.get(path.stem)
        if current is None or rank[suffix] < rank[current.suffix.lower()]:
            best[path.stem] = path
    return [best[stem] for stem in sorted(best)]


# ---------------------------------------------------------------- output


def format_result(result: QueryResult, fmt: str = "table", *, width: int = 60) -> str:
    """The rows as an aligned text table, CSV, or JSON records."""
    if fmt == "json":
        return json.dumps(result.records(), ensure_ascii=False, indent=2) + "\n"
    cells = [[_cell(term) for term in row] for row in result.rows]
    if fmt == "csv":
        from kgbuild.export import csv_cell

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([csv_cell(c) for c in row] for row in cells)
        return buffer.getvalue()
    if fmt != "table":
        raise QueryError(f"unknown output format {fmt!r} (valid: table, csv, json)")
    short = [[_shorten(c, width) for c in row] for row in cells]
    widths = [max([len(c)] + [len(row[i]) for row in short]) for i, c in enumerate(result.columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(result.columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in short]
    lines.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _cell(term: Identifier | None) -> str:
    return "" if term is None else str(term)


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
