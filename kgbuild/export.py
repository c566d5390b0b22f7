"""Extractions and graphs -> files: RDF, document JSON, networkx, GEXF, GraphML, CSV.

One verb per format and direction.  Every file is written atomically (a temporary
file in the same folder, then ``os.replace``), so a failed export never leaves a
half-written file over a good one.  Attributes that a format cannot hold raise
``ExportError`` naming the key.

The networkx graph merges a thing across documents as the corpus build does: a node
is a QID, else a knowledge-base key, else ``label:{first type}:{normalised label}``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import os
import re
import tempfile
import warnings
from collections.abc import Callable, Iterable
from datetime import date
from functools import cache
from pathlib import Path

import networkx as nx
from lxml import etree
from rdflib import Dataset, Graph

from kgbuild.errors import ConfigError, ExportError, InputError
from kgbuild.identity import entity_key, node_id
from kgbuild.rdf import build_graph, union_graph
from kgbuild.types import (
    ENTITY_TYPES,
    Article,
    Entity,
    Extraction,
    Mention,
    Relation,
    Span,
    Statement,
)

__all__ = [
    "FORMATS",
    "RDF_FORMATS",
    "TYPE_COLORS",
    "check_formats",
    "document_json",
    "extraction_json",
    "read_extraction_json",
    "extraction_from_json",
    "to_networkx",
    "write_rdf",
    "jsonld_context",
    "write_jsonld_parts",
    "write_json",
    "write_gexf",
    "write_graphml",
    "write_csv",
    "write_outputs",
    "write_atomic",
    "node_entity_type",
    "temp_beside",
    "publish",
    "csv_cell",
    "read_csv_cell",
    "file_stem",
]

#: --format names, in the order files are written
FORMATS = ("ttl", "nt", "jsonld", "trig", "json", "gexf", "graphml", "csv")

#: RDF formats: file suffix and rdflib serializer name
RDF_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig"}

#: node colour (r, g, b) by entity type in GEXF and GraphML; others are grey
TYPE_COLORS = {"Actor": (31, 119, 180), "Weapon": (214, 39, 40), "Region": (44, 160, 44)}
_GREY = (127, 127, 127)

_GEXF_NS = "http://gexf.net/1.3"
_XSI_NS = "http://w3.org/2001/XMLSchema-instance"  # as networkx writes it
_XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: a CSV cell starting with one of these is a formula in spreadsheets (CSV injection)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_NT_ESCAPE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_NAME_BYTES = 200  # longest file stem (UTF-8 bytes): a suffix and a temporary's marks still fit in 255
_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f/\\]')


# ---------------------------------------------------------------- options


def check_formats(formats: str | Iterable[str]) -> tuple[str, ...]:
    """Parse 'ttl,json' or a list of names; ConfigError names a bad one and the valid ones."""
    names = formats.split(",") if isinstance(formats, str) else list(formats)
    chosen: list[str] = []
    for name in names:
        name = name.strip().lower()
        if name not in FORMATS:
            raise ConfigError("format", name, ", ".join(FORMATS))
        if name not in chosen:
            chosen.append(name)
    if not chosen:
        raise ConfigError("format", formats, ", ".join(FORMATS))
    return tuple(chosen)


# ---------------------------------------------------------------- JSON


def document_json(extraction: Extraction) -> dict:
    """The document JSON of FORMAT.md section 1 (plus mode, modality, sources, cue, event,
    and ``negated_relations``)."""
    article = extraction.article
    return {
        "doc": {
            "id": article.id,
            "lang": article.lang,
            "lang_source": article.lang_source,
            "lang_confidence": article.lang_confidence,
            "title": article.title,
            "date": article.date,
            "source": article.source,
        },
        "entities": [
            {
                "id": e.id,
                "types": list(e.types),
                "kind": e.kind,
                "label": e.label,
                "wikidata": e.qid,
                "confidence": e.confidence,
                "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in e.mentions],
            }
            for e in extraction.entities
        ],
        "statements": [
            {
                "id": s.id,
                "speaker": s.speaker,
                "text": s.text,
                "direct": s.direct,
                "cue": s.cue,
                "start": s.start,
                "end": s.end,
                "about": list(s.about),
                "mode": s.mode,
                "modality": s.modality,
                "sources": list(s.sources),
            }
            for s in extraction.statements
        ],
        # FORMAT.md's "relations" holds what the text asserts or reports; a negated
        # relation ("ne compte pas livrer") is kept apart so that a plain consumer of the
        # vocabulary never reads it as a fact
        "relations": [_relation_json(r) for r in extraction.relations if r.modality != "negated"],
        "negated_relations": [_relation_json(r) for r in extraction.relations
                              if r.modality == "negated"],
    }


def _relation_json(r) -> dict:
    return {
        "subject": r.subject,
        "predicate": r.predicate,
        "object": r.object,
        "start": r.start,
        "end": r.end,
        "confidence": r.confidence,
        "modality": r.modality,
        "cue": r.cue,
        "event": r.event,
    }


def extraction_json(extraction: Extraction) -> dict:
    """Every field of an Extraction as plain JSON (read back with read_extraction_json).

    Field by field rather than ``dataclasses.asdict``, which deep-copies every
    value: corpus builds journal one of these per document.
    """
    return {
        "article": dict(vars(extraction.article)),
        "sentences": [dict(vars(s)) for s in extraction.sentences],
        "entities": [{**vars(e), "types": list(e.types), "mentions": [dict(vars(m)) for m in e.mentions]}
                     for e in extraction.entities],
        "statements": [{**vars(s), "about": list(s.about), "sources": list(s.sources)}
                       for s in extraction.statements],
        "relations": [dict(vars(r)) for r in extraction.relations],
        "captions": [dict(vars(s)) for s in extraction.captions],
        "warnings": list(extraction.warnings),
    }


def read_extraction_json(path: str | Path) -> Extraction:
    """Read an Extraction written by extraction_json (fields with defaults may be left out)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(path, f"cannot read extraction JSON: {exc}") from exc
    try:
        return extraction_from_json(data)
    except (KeyError, TypeError, AttributeError) as exc:
        raise InputError(path, f"not an extraction record: {exc!r}") from exc


def extraction_from_json(data: dict) -> Extraction:
    """The Extraction of an ``extraction_json`` dict (fields with defaults may be left out)."""
    def entity(e: dict) -> Entity:
        fields = {**e, "types": tuple(e["types"])}
        fields["mentions"] = tuple(Mention(**m) for m in e.get("mentions", ()))
        return Entity(**fields)

    def statement(s: dict) -> Statement:
        return Statement(**{**s, "about": tuple(s.get("about", ())), "sources": tuple(s.get("sources", ()))})

    return Extraction(
        article=Article(**data["article"]),
        sentences=tuple(Span(**s) for s in data.get("sentences", ())),
        entities=tuple(entity(e) for e in data.get("entities", ())),
        statements=tuple(statement(s) for s in data.get("statements", ())),
        relations=tuple(Relation(**r) for r in data.get("relations", ())),
        captions=tuple(Span(**s) for s in data.get("captions", ())),
        warnings=tuple(data.get("warnings", ())),
    )


def line_safe(text: str) -> str:
    """JSON text with every Unicode line break inside its strings escaped: one object a line
    for readers that split on any of them, as str.splitlines() does (the JSON means the same;
    the breaks below U+0020 json.dumps escapes already)."""
    return text.replace("\x85", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def write_json(extractions: Iterable[Extraction], path: str | Path) -> Path:
    """One document: an indented JSON object; several: JSON Lines, one document a line."""
    documents = [document_json(x) for x in extractions]
    if len(documents) == 1:
        text = json.dumps(documents[0], ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents)
    text = line_safe(text)
    return write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


# ---------------------------------------------------------------- RDF


def write_rdf(graph: Graph, path: str | Path, fmt: str = "ttl") -> Path:
    """Write ``graph`` as ttl, nt, jsonld or trig; the same graph always gives the same bytes.

    A Dataset keeps its named graphs in trig and jsonld; ttl and nt hold their union.
    """
    if fmt not in RDF_FORMATS:
        raise ConfigError("format", fmt, ", ".join(RDF_FORMATS))
    if fmt == "trig":
        text = _trig_text(graph)
    elif fmt == "jsonld":
        text = _jsonld_text(graph)
    elif fmt == "nt":
        text = _ntriples_text(union_graph(graph))
    else:
        text = union_graph(graph).serialize(format="turtle")
    return write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def _ntriples_text(graph: Graph) -> str:
    """Sorted N-Triples, one triple a line whatever a literal holds.

    rdflib escapes only LF, CR, quote and backslash; every other control character and
    the Unicode line separators (VT, FF, U+0085, U+2028, U+2029 ...), which line readers
    split on, are written as \\uXXXX escapes: valid in IRIs and literals alike.
    """
    text = _NT_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04X}", graph.serialize(format="nt"))
    return "".join(sorted(line + "\n" for line in text.split("\n") if line.strip()))


def _trig_text(graph: Graph) -> str:
    from rdflib.plugins.serializers.trig import TrigSerializer

    with warnings.catch_warnings():  # rdflib's TriG writer calls its own deprecated API
        warnings.simplefilter("ignore", DeprecationWarning)
        serializer = TrigSerializer(graph)
        serializer.contexts.sort(key=lambda g: str(g.identifier))  # the store's order is a set's
        buffer = io.BytesIO()
        serializer.serialize(buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


def _jsonld_text(graph: Graph) -> str:
    """Compacted JSON-LD with kgbuild's published context (``ontology/context.jsonld``).

    Typed terms give plain values ("confidence": "0.85", "beginIndex": 12, "label":
    {"fr": "Ukraine"}, "modality": "reported"); counts and offsets are JSON numbers,
    decimals stay strings (a JSON-LD processor would read a number as xsd:double).
    The context is written inline, so the file needs nothing from the network.  The
    shape is always ``{"@context", "@graph": [named graph objects..., default graph nodes...]}``.
    """
    data = {"@context": jsonld_context(), "@graph": _sorted_json(_jsonld_entries(graph))}
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_jsonld_parts(graphs: Iterable[Graph], target: str | Path) -> None:
    """Stream compacted JSON-LD made of several graphs (a corpus: one Dataset per document,
    then the corpus layer) into ``target``: one context, every graph's objects in one list."""
    context = json.dumps(jsonld_context(), ensure_ascii=False, indent=2, sort_keys=True)
    with open(target, "w", encoding="utf-8") as out:
        out.write('{\n"@context": ' + context + ',\n"@graph": [')
        first = True
        for graph in graphs:
            for entry in _jsonld_entries(graph):
                text = json.dumps(entry, ensure_ascii=False, sort_keys=True)
                out.write(("\n" if first else ",\n") + text)
                first = False
        out.write("\n]\n}\n")


def _jsonld_entries(graph: Graph) -> list:
    """The named graph objects and default-graph nodes of a graph's compacted JSON-LD."""
    context = jsonld_context()
    data = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    data = _plain_values(data, context)
    data.pop("@context", None)
    if "@graph" not in data:
        return [data] if data else []
    if "@id" in data:  # one named graph, written as the top object
        return [data]
    entries = []
    for entry in data["@graph"]:
        if set(entry) == {"@graph"}:  # rdflib's default graph: its nodes belong at the top
            entries.extend(entry["@graph"])
        else:
            entries.append(entry)
    return entries


@cache
def _context_text() -> str:
    from kgbuild.vocab import CONTEXT_PATH

    return CONTEXT_PATH.read_text(encoding="utf-8")


def jsonld_context() -> dict:
    """The JSON-LD context kgbuild publishes (``ontology/context.jsonld``), a fresh copy."""
    return json.loads(_context_text())["@context"]


_INTEGER_TYPES = {"xsd:integer", "xsd:nonNegativeInteger", "xsd:positiveInteger"}


def _plain_values(value, context: dict):
    """What rdflib leaves in a longer form than the context allows: values of integer-typed
    terms become JSON numbers, and values of @vocab-typed terms the names of their terms
    ("predicate": "supplies", not "kg:supplies").  Both expand to the same RDF terms."""
    integers = {t for t, d in context.items()
                if isinstance(d, dict) and d.get("@type") in _INTEGER_TYPES}
    vocab = {t for t, d in context.items() if isinstance(d, dict) and d.get("@type") == "@vocab"}
    names = {}
    for term, definition in context.items():
        iri = definition.get("@id") if isinstance(definition, dict) else definition
        if isinstance(iri, str) and ":" in iri and not term.startswith("@"):
            names.setdefault(iri, term)

    def plain(key: str, item):
        if key in integers and isinstance(item, str) and item.isdigit() and str(int(item)) == item:
            return int(item)
        if key in vocab and isinstance(item, str):
            return names.get(item, item)
        return walk(item)

    def walk(node):
        if isinstance(node, list):
            return [walk(v) for v in node]
        if not isinstance(node, dict):
            return node
        return {key: ([plain(key, v) for v in item] if isinstance(item, list) else plain(key, item))
                for key, item in node.items()}

    return walk(value)


def _sorted_json(value):
    """Sort JSON-LD arrays (sets of values: kgbuild graphs hold no rdf:List) for stable output."""
    if isinstance(value, dict):
        return {k: _sorted_json(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


# ---------------------------------------------------------------- networkx


def to_networkx(extractions: Iterable[Extraction]) -> nx.MultiDiGraph:
    """Entities as nodes, relations and statement speaker -> about links as edges.

    Node attributes: label, entity_type (the first of its types: what colours it), types
    ('Actor;Region'), kind, qid (when linked), mentions, documents, confidence,
    first_date/last_date (document dates).
    Edge attributes: label and predicate (a relation predicate, or 'speaksAbout'),
    category ('relation' | 'statement'), modality, weight (= confidence), confidence,
    document, date, char_start, char_end, and cue, event, statement when known.
    Every attribute is a str, int, float or bool.
    """
    graph = nx.MultiDiGraph()
    for extraction in extractions:
        _add_document(graph, extraction)
    return graph


def _add_document(graph: nx.MultiDiGraph, extraction: Extraction) -> None:
    article = extraction.article
    day = article.date[:10] if article.date and _is_date(article.date[:10]) else None
    nodes: dict[str, str] = {}
    for entity in extraction.entities:
        node = _node_id(article.id, entity)
        nodes[entity.id] = node
        if node not in graph:
            graph.add_node(node, label=entity.label, kind=entity.kind, mentions=0, documents=0,
                           confidence=0.0, types="")
        data = graph.nodes[node]
        types = set(data["types"].split(";")) | set(entity.types)
        data["types"] = ";".join(t for t in ENTITY_TYPES if t in types)
        data["entity_type"] = data["types"].split(";")[0]
        if not data["kind"]:
            data["kind"] = entity.kind
        if entity.qid:
            data["qid"] = entity.qid
        data["mentions"] += len(entity.mentions)
        data["confidence"] = max(data["confidence"], float(entity.confidence))
        if day:
            data["first_date"] = min(data.get("first_date", day), day)
            data["last_date"] = max(data.get("last_date", day), day)
    for node in set(nodes.values()):
        graph.nodes[node]["documents"] += 1

    common = {"document": article.id}
    if day:
        common["date"] = day
    for relation in extraction.relations:
        attrs = {
            "label": relation.predicate,
            "predicate": relation.predicate,
            "category": "relation",
            "modality": relation.modality,
            "weight": float(relation.confidence),
            "confidence": float(relation.confidence),
            "char_start": relation.start,
            "char_end": relation.end,
            **common,
        }
        if relation.cue is not None:
            attrs["cue"] = relation.cue
        if relation.event is not None:
            attrs["event"] = relation.event
        graph.add_edge(nodes[relation.subject], nodes[relation.object], **attrs)
    for statement in extraction.statements:
        if statement.speaker is None:
            continue
        for about in statement.about:
            attrs = {
                "label": "speaksAbout",
                "predicate": "speaksAbout",
                "category": "statement",
                "modality": statement.modality,
                "weight": float(statement.confidence),
                "confidence": float(statement.confidence),
                "char_start": statement.start,
                "char_end": statement.end,
                "statement": statement.id,
                "mode": statement.mode,
                **common,
            }
            if statement.cue is not None:
                attrs["cue"] = statement.cue
            graph.add_edge(nodes[statement.speaker], nodes[about], **attrs)


def node_entity_type(data: dict) -> str:
    """A node's entity type: ``entity_type``, or ``type`` in files written before it was renamed."""
    return str(data.get("entity_type") or data.get("type") or "")


def _node_id(doc_id: str, entity: Entity) -> str:
    return node_id(entity_key(entity, doc_id))


# ---------------------------------------------------------------- GEXF, GraphML, CSV


def write_gexf(graph: nx.Graph, path: str | Path) -> Path:
    """GEXF 1.3 for Gephi, valid against the 1.3 RELAX NG grammar (``gexf.rng``).

    Nodes are coloured by ``entity_type`` and sized by ``mentions``; ``first_date``/``last_date``
    (nodes) and ``date`` (edges) become time intervals, so Gephi's timeline works.  Every
    edge has its own id (Gephi keeps one edge per id); networkx's edge keys are not written.
    """
    copy = _scalar_copy(graph)
    for _, data in copy.nodes(data=True):
        r, g, b = TYPE_COLORS.get(node_entity_type(data), _GREY)
        data["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}, "size": _node_size(data)}
        start, end = data.get("first_date"), data.get("last_date")
        if _is_date(start) and _is_date(end):
            data["start"], data["end"] = start, end
    for *_, data in _edges(copy):
        if _is_date(data.get("date")):
            data["start"] = data["end"] = data["date"]
    buffer = io.BytesIO()
    nx.write_gexf(copy, buffer, version="1.3")
    root = etree.fromstring(buffer.getvalue())
    # what the 1.3 schema does not allow, or what changes from run to run
    root.attrib.pop(f"{{{_XSI_NS}}}schemaLocation", None)
    graph_element = root.find(f"{{{_GEXF_NS}}}graph")
    graph_element.attrib.pop("name", None)
    _drop_gexf_attribute(graph_element, "edge", "networkx_key")
    meta = root.find(f"{{{_GEXF_NS}}}meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
        creator = meta.find(f"{{{_GEXF_NS}}}creator")
        if creator is not None:
            creator.text = "kgbuild"
    etree.cleanup_namespaces(root)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return write_atomic(path, lambda tmp: tmp.write_bytes(data))


def _drop_gexf_attribute(graph_element, kind: str, title: str) -> None:
    """Remove a ``kind`` ("node"/"edge") attribute column and its values from a GEXF graph."""
    for attributes in graph_element.findall(f"{{{_GEXF_NS}}}attributes"):
        if attributes.get("class") != kind:
            continue
        for attribute in attributes.findall(f"{{{_GEXF_NS}}}attribute"):
            if attribute.get("title") != title:
                continue
            attributes.remove(attribute)
            for values in graph_element.iterfind(f".//{{{_GEXF_NS}}}{kind}/{{{_GEXF_NS}}}attvalues"):
                for value in values.findall(f"{{{_GEXF_NS}}}attvalue"):
                    if value.get("for") == attribute.get("id"):
                        values.remove(value)
                if len(values) == 0:
                    values.getparent().remove(values)
        if len(attributes) == 0:
            graph_element.remove(attributes)


def write_graphml(graph: nx.Graph, path: str | Path) -> Path:
    """GraphML with the same scalar attributes, plus r, g, b and size that Gephi reads.

    Edge ids are unique in the file ("0", "1", ...): Gephi keeps one edge per id, and
    networkx would otherwise write each edge's key, "0" for every first edge of a pair.
    """
    copy = _scalar_copy(graph, unique_keys=True)
    for _, data in copy.nodes(data=True):
        data["r"], data["g"], data["b"] = TYPE_COLORS.get(node_entity_type(data), _GREY)
        data["size"] = _node_size(data)
    return write_atomic(path, lambda tmp: nx.write_graphml(copy, tmp, encoding="utf-8"))


def write_csv(graph: nx.Graph, directory: str | Path, stem: str | None = None) -> list[Path]:
    """nodes.csv and edges.csv (``{stem}.nodes.csv`` ... when a stem is given).

    Columns: id (nodes) or source, target, key (edges), then every attribute.
    """
    directory = Path(directory)
    prefix = f"{stem}." if stem else ""
    copy = _scalar_copy(graph, xml=False)
    node_rows = [{"id": node, **data} for node, data in copy.nodes(data=True)]
    edge_rows = [{"source": u, "target": v, "key": k, **d} for u, v, k, d in _edges(copy)]
    return [
        _write_csv_rows(directory / f"{prefix}nodes.csv", node_rows, ["id", "label", "entity_type"]),
        _write_csv_rows(directory / f"{prefix}edges.csv", edge_rows, ["source", "target", "key", "label"]),
    ]


def csv_cell(value):
    """A value safe in a spreadsheet: text starting with = + - @ (a formula) gets a leading '.

    Numbers, and text that is a plain number ("-3.5"), are kept as they are.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def read_csv_cell(text: str) -> str:
    """The text ``csv_cell`` neutralised: a leading ' before = + - @ removed."""
    if text.startswith("'") and text[1:].startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text[1:]):
        return text[1:]
    return text


def _write_csv_rows(path: Path, rows: list[dict], first: list[str]) -> Path:
    rows = [{csv_cell(k): csv_cell(v) for k, v in row.items()} for row in rows]
    keys = {k for row in rows for k in row}
    columns = [k for k in first if k in keys or k in ("id", "source", "target")]
    columns += sorted(keys - set(columns))

    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, restval="")
            writer.writeheader()
            writer.writerows(rows)

    return write_atomic(path, write)


def _edges(graph: nx.Graph):
    if graph.is_multigraph():
        return graph.edges(keys=True, data=True)
    return ((u, v, "", d) for u, v, d in graph.edges(data=True))


def _node_size(data: dict) -> float:
    mentions = data.get("mentions", 1)
    if isinstance(mentions, bool) or not isinstance(mentions, (int, float)):
        mentions = 1
    return round(10.0 + 6.0 * math.sqrt(max(mentions, 0)), 2)


def _is_date(value: object) -> bool:
    """A valid ISO calendar date 'YYYY-MM-DD' (what GEXF accepts as a time)."""
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _scalar_copy(graph: nx.Graph, *, xml: bool = True, unique_keys: bool = False) -> nx.Graph:
    """A copy whose attributes are str/int/float/bool, one Python type per key.

    ExportError names the node or edge and the key of a value that is not scalar.
    For XML formats, characters XML cannot hold are written as visible escapes.
    ``unique_keys``: a multigraph's edges are keyed "0", "1", ... across the whole graph.
    """
    clean = _xml_text if xml else str
    names = {node: clean(str(node)) for node in graph.nodes}
    if len(set(names.values())) < len(names):
        raise ExportError("two node ids are the same once made XML-safe")
    copy = graph.__class__()
    for node, data in graph.nodes(data=True):
        copy.add_node(names[node], **_scalar_attrs(f"node {node!r}", data, clean))
    for number, (u, v, key, data) in enumerate(_edges(graph)):
        attrs = _scalar_attrs(f"edge {u!r} -> {v!r}", data, clean)
        if graph.is_multigraph():
            copy.add_edge(names[u], names[v], key=str(number) if unique_keys else key, **attrs)
        else:
            copy.add_edge(names[u], names[v], **attrs)
    _unify_types([data for _, data in copy.nodes(data=True)])
    _unify_types([data for *_, data in _edges(copy)])
    return copy


def _scalar_attrs(owner: str, data: dict, clean: Callable[[str], str]) -> dict:
    attrs = {}
    for key, value in data.items():
        if not isinstance(key, str):
            raise ExportError(f"{owner}: attribute key {key!r} is not a string")
        if not isinstance(value, (bool, int, float, str)):
            raise ExportError(f"{owner}: attribute {key!r} holds a {type(value).__name__} "
                              f"({value!r}); only str, int, float and bool can be exported")
        attrs[clean(key)] = clean(value) if isinstance(value, str) else value
    return attrs


def _unify_types(records: list[dict]) -> None:
    """A key holding ints and floats becomes float; holding a str and others, str."""
    types: dict[str, set[type]] = {}
    for data in records:
        for key, value in data.items():
            types.setdefault(key, set()).add(type(value))
    for key, seen in types.items():
        if len(seen) > 1:
            cast = float if seen <= {int, float} else str
            for data in records:
                if key in data:
                    data[key] = cast(data[key])


def _xml_text(text: str) -> str:
    return _XML_ILLEGAL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256
                            else f"\\u{ord(m.group()):04x}", text)


# ---------------------------------------------------------------- all at once


def write_outputs(
    extractions: Iterable[Extraction],
    out_dir: str | Path,
    formats: str | Iterable[str] = ("ttl", "json"),
    stem: str = "graph",
) -> list[Path]:
    """Write ``{stem}.{ttl,nt,jsonld,trig,json|jsonl,gexf,graphml}`` and ``{stem}.{nodes,edges}.csv``.

    The RDF dataset and the networkx graph are built once and shared by the formats.
    Returns the paths written, in ``FORMATS`` order.
    """
    chosen = check_formats(formats)
    if not stem or "/" in stem or "\\" in stem or stem in (".", ".."):
        raise ConfigError("stem", stem, "a file name without folders")
    extractions = list(extractions)
    out_dir = Path(out_dir)
    dataset: Dataset | None = None
    network: nx.MultiDiGraph | None = None
    written: list[Path] = []
    for fmt in FORMATS:
        if fmt not in chosen:
            continue
        if fmt in RDF_FORMATS:
            dataset = dataset if dataset is not None else build_graph(extractions)
            written.append(write_rdf(dataset, out_dir / f"{stem}.{fmt}", fmt))
        elif fmt == "json":
            suffix = "json" if len(extractions) == 1 else "jsonl"
            written.append(write_json(extractions, out_dir / f"{stem}.{suffix}"))
        else:
            network = network if network is not None else to_networkx(extractions)
            if fmt == "gexf":
                written.append(write_gexf(network, out_dir / f"{stem}.gexf"))
            elif fmt == "graphml":
                written.append(write_graphml(network, out_dir / f"{stem}.graphml"))
            else:
                written.extend(write_csv(network, out_dir, stem))
    return written


def write_atomic(path: str | Path, write: Callable[[Path], object]) -> Path:
    """Write through a temporary file beside ``path``, then move it into place: a kill
    never leaves a half-written file.  ``write`` receives the temporary path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_beside(path)
    try:
        write(tmp)
        publish(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def file_stem(name: str) -> str:
    """A file name stem made from a document id: no folder separator or control character, no
    leading dot, at most 200 UTF-8 bytes (a longer one keeps its start and a hash of the whole)."""
    stem = _UNSAFE_NAME.sub("_", name)
    stem = "_" + stem[1:] if stem.startswith(".") else stem
    if len(stem.encode("utf-8")) > _NAME_BYTES:
        digest = hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        stem = _truncate_bytes(stem, _NAME_BYTES - 11) + "-" + digest
    return stem or "document"


def _truncate_bytes(text: str, size: int) -> str:
    return text.encode("utf-8")[:size].decode("utf-8", "ignore")


def temp_beside(path: Path) -> Path:
    """A new empty temporary file in the folder of ``path``, named ``.{name}.XXXXXXXX.tmp``
    (the name cut short when the whole would be too long for the file system)."""
    prefix = f".{_truncate_bytes(path.name, _NAME_BYTES)}."
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
    os.close(handle)
    return Path(name)


def publish(tmp: Path, path: Path) -> None:
    """fsync the temporary file, give it the usual permissions and move it over ``path``."""
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    os.replace(tmp, path)
