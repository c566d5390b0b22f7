"""Extractions -> an rdflib Dataset, one named graph per document.

IRI scheme (``base`` defaults to ``DEFAULT_BASE``; every text part percent-encoded)::

    {base}doc/{id}                          the document (kg:Document)
    {base}doc/{id}/graph                    its named graph
    {base}doc/{id}#char={s},{e}             a stretch of its text (NIF; #char=0,N is the context)
    {base}doc/{id}/entity/{QID}             a linked entity
    {base}doc/{id}/entity/{kind}/{label}    an unlinked one (spaces as "_")
    {entity}/mention/{s}-{e}                one of its mentions
    {base}doc/{id}/statement/{s}-{e}        a statement; {statement}/source/{n} its sources
    {base}doc/{id}/relation/{predicate}/{h} a relation assertion (h: hash of s, p, o, offsets)
    {base}doc/{id}/event/{event}            an event grouping relation assertions

A name used twice in a document gets "-2", "-3"... in input order, so the same
input always gives the same IRIs.  Records are checked first: an offset that does
not index the text, an unknown id, type, predicate or modality raises
``ExportError`` naming the document and the key; nothing is half-built.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from functools import cache, lru_cache
from typing import NamedTuple
from urllib.parse import quote

from rdflib import DCTERMS, OWL, RDF, SDO, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDFS, SKOS

from kgbuild.errors import ExportError
from kgbuild.types import ENTITY_TYPES, MODALITIES, PREDICATES, Extraction
from kgbuild.vocab import KG, NIF, ONTOLOGY_PATH, SHAPES_PATH, WD

__all__ = [
    "DEFAULT_BASE",
    "MODES",
    "PREFIXES",
    "KIND_CLASSES",
    "build_graph",
    "add_extraction",
    "document_trig",
    "trig_prefixes",
    "union_graph",
    "bind_prefixes",
    "document_iri",
    "validate_graph",
]

#: where document, entity and statement IRIs are minted (pass your own to build_graph)
DEFAULT_BASE = "https://w3id.org/kgbuild/id/"

#: Statement.mode values
MODES = ("direct", "indirect", "mixed")

#: Entity.kind values that have an ontology class (other kinds stay a kg:kind literal)
KIND_CLASSES = {
    name: KG[name]
    for name in (
        "Person", "State", "Organization", "Party", "Group", "Media",
        "Country", "City", "AdministrativeRegion", "Continent",
        "WeaponSystem", "WeaponClass",
    )
}

#: the prefixes every kgbuild RDF output binds (TriG blocks are written against them)
PREFIXES = {
    "kg": str(KG),
    "nif": str(NIF),
    "wd": str(WD),
    "schema": str(SDO),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "xsd": str(XSD),
}
_LANG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
_QID = re.compile(r"Q[1-9][0-9]*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MAX_SLUG = 96  # longer labels are cut and suffixed with a hash


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the kgbuild prefixes (kg, nif, wd, schema, prov...) on a graph or dataset."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def document_iri(doc_id: str, base: str = DEFAULT_BASE) -> URIRef:
    return URIRef(f"{base}doc/{_segment(doc_id)}")


def build_graph(extractions: Iterable[Extraction], *, base: str = DEFAULT_BASE) -> Dataset:
    """One named graph per document; raises ExportError on a bad record or a repeated id."""
    dataset = bind_prefixes(Dataset())
    for extraction in extractions:
        add_extraction(dataset, extraction, base=base)
    return dataset


def add_extraction(dataset: Dataset, extraction: Extraction, *, base: str = DEFAULT_BASE) -> Graph:
    """Add one document's named graph to ``dataset`` and return it.

    The records are checked before anything is added, so a failure leaves the
    dataset as it was (callers can skip the document and go on).
    """
    _check_extraction(extraction)
    doc = document_iri(extraction.article.id, base)
    name = URIRef(f"{doc}/graph")
    if any(True for _ in dataset.quads((None, None, None, name))):
        raise ExportError(f"document {extraction.article.id!r}: id used by another document")
    graph = dataset.graph(name)
    _GraphBuilder(_GraphSink(graph).__call__, extraction, str(doc)).build()
    return graph


def document_trig(extraction: Extraction, *, base: str = DEFAULT_BASE) -> tuple[str, dict[str, str]]:
    """One document's named graph as a TriG block, and its entities' IRIs by local id.

    The block is written against ``trig_prefixes()``: that header followed by
    any number of blocks is a TriG file.  The same triples as ``add_extraction``
    (tested), written without an rdflib graph: what corpus builds journal.
    """
    _check_extraction(extraction)
    doc = str(document_iri(extraction.article.id, base))
    sink = _TriGSink()
    builder = _GraphBuilder(sink.__call__, extraction, doc)  # a bound method: called without a slot look-up
    builder.build()
    return f"<{doc}/graph> {{\n{sink.text()}}}\n", builder.entities


def union_graph(graph: Graph) -> Graph:
    """All triples of a Dataset's named graphs in one plain Graph (a Graph is returned as is)."""
    if not isinstance(graph, Dataset):
        return graph
    union = bind_prefixes(Graph())
    for s, p, o, _ in graph.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def validate_graph(graph: Graph) -> tuple[bool, str]:
    """SHACL-validate against ontology/shapes.ttl (with the ontology mixed in).

    Returns (conforms, report text). Warnings (e.g. a relation whose subject has an
    unexpected type) are reported but do not break conformance.
    """
    from pyshacl import validate

    conforms, _, text = validate(
        union_graph(graph),
        shacl_graph=_shapes_graph(),
        ont_graph=_ontology_graph(),
        inference="none",
        allow_warnings=True,
    )
    return bool(conforms), str(text)


@cache
def _shapes_graph() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


@cache
def _ontology_graph() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


# ---------------------------------------------------------------- IRIs


def _segment(text: str) -> str:
    """Percent-encode ``text`` as one path segment; never empty, never a dot segment."""
    encoded = quote(text, safe="", errors="surrogatepass")
    if encoded.strip(".") == "":
        encoded = "~" + encoded.replace(".", "%2E")
    return encoded


def _slug(label: str) -> str:
    """A readable, percent-encoded segment for a label: spaces as '_', '_' as %5F."""
    encoded = _encode_label(label)
    if len(encoded) > _MAX_SLUG:
        digest = hashlib.sha1(label.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        head: list[str] = []
        size = 0
        for char in label:
            piece = _encode_label(char)
            if size + len(piece) > _MAX_SLUG - 13:
                break
            head.append(piece)
            size += len(piece)
        return "".join(head) + "~" + digest
    if encoded.strip(".") == "":
        encoded = "~" + encoded.replace(".", "%2E")
    return encoded


def _encode_label(label: str) -> str:
    return quote(label, safe="", errors="surrogatepass").replace("_", "%5F").replace("%20", "_")


# ---------------------------------------------------------------- checks


def _check_extraction(extraction: Extraction) -> None:
    article = extraction.article
    text_length = len(article.text)
    where = f"document {article.id!r}"

    def fail(key: str, problem: str) -> None:
        raise ExportError(f"{where}: {key}: {problem}")

    def check_span(key: str, start: object, end: object) -> None:
        ok = isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= text_length
        if not ok:
            fail(key, f"offsets {start!r}..{end!r} do not index the text (length {text_length})")

    def check_text(key: str, start: int, end: int, text: str) -> None:
        check_span(key, start, end)
        if article.text[start:end] != text:
            fail(key, f"text {text!r} != document text[{start}:{end}] {article.text[start:end]!r}")

    def check_confidence(key: str, value: object) -> None:
        if not isinstance(value, (int, float)) or not 0 <= value <= 1 or math.isnan(value):
            fail(key, f"confidence {value!r} is not a number in [0, 1]")

    def check_sentence(key: str, index: int) -> None:
        if extraction.sentences and not 0 <= index < len(extraction.sentences):
            fail(key, f"sentence index {index} out of range ({len(extraction.sentences)} sentences)")

    def check_ref(key: str, entity_id: str) -> None:
        if entity_id not in entity_ids:
            fail(key, f"unknown entity id {entity_id!r}")

    def check_in(key: str, value: object, valid: tuple[str, ...]) -> None:
        if value not in valid:
            fail(key, f"{value!r} is not one of {', '.join(valid)}")

    if not article.id:
        fail("article.id", "empty document id")
    if not isinstance(article.lang, str) or not _LANG.fullmatch(article.lang):
        fail("article.lang", f"{article.lang!r} is not a BCP 47 language tag")
    for i, span in enumerate(extraction.sentences):
        check_span(f"sentences[{i}]", span.start, span.end)
    for i, span in enumerate(extraction.captions):
        check_span(f"captions[{i}]", span.start, span.end)

    entity_ids: set[str] = set()
    for entity in extraction.entities:
        key = f"entities[{entity.id}]"
        if entity.id in entity_ids:
            fail(key, "entity id used twice")
        entity_ids.add(entity.id)
        if not entity.types:
            fail(f"{key}.types", "no type (one or more of Actor, Weapon, Region)")
        for t in entity.types:
            check_in(f"{key}.types", t, ENTITY_TYPES)
        if entity.qid is not None and not _QID.fullmatch(entity.qid):
            fail(f"{key}.qid", f"{entity.qid!r} is not a Wikidata QID")
        check_confidence(f"{key}.confidence", entity.confidence)
        if entity.link_confidence is not None:
            check_confidence(f"{key}.link_confidence", entity.link_confidence)
        for j, mention in enumerate(entity.mentions):
            mkey = f"{key}.mentions[{j}]"
            check_text(mkey, mention.start, mention.end, mention.text)
            check_in(f"{mkey}.type", mention.type, ENTITY_TYPES)
            check_confidence(f"{mkey}.confidence", mention.confidence)
            check_sentence(f"{mkey}.sentence", mention.sentence)

    statement_ids: set[str] = set()
    for statement in extraction.statements:
        key = f"statements[{statement.id}]"
        if statement.id in statement_ids:
            fail(key, "statement id used twice")
        statement_ids.add(statement.id)
        check_text(key, statement.start, statement.end, statement.text)
        if statement.speaker is not None:
            check_ref(f"{key}.speaker", statement.speaker)
        for entity_id in statement.about:
            check_ref(f"{key}.about", entity_id)
        for entity_id in statement.sources:
            check_ref(f"{key}.sources", entity_id)
        if (statement.cue_start is None) != (statement.cue_end is None):
            fail(f"{key}.cue_start", "cue_start and cue_end go together")
        if statement.cue_start is not None:
            check_span(f"{key}.cue_start", statement.cue_start, statement.cue_end)
        check_in(f"{key}.mode", statement.mode, MODES)
        check_in(f"{key}.modality", statement.modality, MODALITIES)
        check_confidence(f"{key}.confidence", statement.confidence)
        check_sentence(f"{key}.sentence", statement.sentence)

    for i, relation in enumerate(extraction.relations):
        key = f"relations[{i}]"
        check_ref(f"{key}.subject", relation.subject)
        check_ref(f"{key}.object", relation.object)
        check_in(f"{key}.predicate", relation.predicate, PREDICATES)
        check_in(f"{key}.modality", relation.modality, MODALITIES)
        check_span(key, relation.start, relation.end)
        check_confidence(f"{key}.confidence", relation.confidence)
        check_sentence(f"{key}.sentence", relation.sentence)


# ---------------------------------------------------------------- building


class _Lit(NamedTuple):
    """A literal as the builder writes it: its lexical form, datatype IRI or language."""

    lexical: str
    datatype: str | None = None
    lang: str | None = None


_XSD_DECIMAL, _XSD_COUNT = str(XSD.decimal), str(XSD.nonNegativeInteger)


@lru_cache(maxsize=4096)  # confidences and offsets repeat: each literal made once
def _decimal(value: float) -> _Lit:
    return _Lit(format(Decimal(repr(float(value))), "f"), _XSD_DECIMAL)


@lru_cache(maxsize=65536)
def _index(value: int) -> _Lit:
    return _Lit(str(int(value)), _XSD_COUNT)


def _date_literal(value: str) -> _Lit:
    """xsd:date or xsd:dateTime when ``value`` is one, else a plain string."""
    try:
        if _DATE.fullmatch(value):
            return _Lit(date.fromisoformat(value).isoformat(), str(XSD.date))
        if _DATE.match(value) and "T" in value:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
            return _Lit(value, str(XSD.dateTime))
    except ValueError:
        pass
    return _Lit(value)


class _GraphSink:
    """Adds the builder's triples to an rdflib graph, each term made once."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.terms: dict = {}

    def term(self, value):
        made = self.terms.get(value)
        if made is None:
            if isinstance(value, _Lit):
                made = Literal(value.lexical, datatype=value.datatype, lang=value.lang)
            else:
                made = URIRef(value)
            self.terms[value] = made
        return made

    def __call__(self, s: str, p: str, o) -> None:
        term = self.term
        self.graph.add((term(s), term(p), term(o)))


def _escape(text: str) -> str:
    """A string literal's body as in N-Triples: backslash, quote, line feed, carriage return escaped."""
    # four C-level replaces (the backslash first) beat a translate table by far on long texts
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")  # a safe subset of Turtle's PN_LOCAL


def trig_prefixes() -> str:
    """The @prefix lines that ``document_trig`` blocks are written against."""
    return "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in PREFIXES.items())


class _TriGSink:
    """Collects the builder's triples for a TriG block, once each, in the order first added.

    IRIs in the kgbuild prefixes are written as prefixed names when their local
    part is a plain word, others in full; literals are quoted as in N-Triples;
    triples of one subject in a row share it (``;``).  Writing the block directly
    is about ten times faster than filling an rdflib graph and serialising it,
    and a corpus file is then the blocks joined.
    """

    # longest namespace first: one may be a prefix of another; one pattern tries them in that
    # order (a namespace whose local part is no plain word gives way to a shorter one)
    _namespaces = sorted(((ns, prefix) for prefix, ns in PREFIXES.items()), key=lambda item: -len(item[0]))
    _prefixed = re.compile("|".join(f"(?P<n{n}>{re.escape(ns)}){_LOCAL_NAME.pattern}"
                                    for n, (ns, _) in enumerate(_namespaces)))
    _prefix_of = {f"n{n}": (len(ns), prefix) for n, (ns, prefix) in enumerate(_namespaces)}
    _compact: dict[str, str] = {}  # prefixed names found so far, shared by every document
    _heads = tuple(ns for ns, _ in _namespaces)  # what a prefixed name's IRI starts with
    _typed: dict = {}  # short typed literals written so far (offsets, counts, confidences), shared too

    def __init__(self) -> None:
        # (subject, predicate, object) as written: made once each, so hashed once each
        self.triples: dict[tuple[str, str, str], None] = {}
        self.terms: dict = {str(RDF.type): "a"}

    def iri(self, value: str) -> str:
        found = self._compact.get(value)
        if found is not None:
            return found
        # str's own startswith: rdflib's URIRef overrides it (one prefix only)
        match = self._prefixed.fullmatch(value) if str.startswith(value, self._heads) else None
        if match is not None:
            size, prefix = self._prefix_of[match.lastgroup]
            found = self._compact[value] = f"{prefix}:{value[size:]}"
            return found
        return f"<{value}>"

    def term(self, value) -> str:
        made = self.terms.get(value)
        if made is None:
            if isinstance(value, _Lit):
                made = self._typed.get(value) if value.datatype is not None else None
                if made is None:
                    made = self.literal(value)
            else:
                made = self.iri(value)
            self.terms[value] = made
        return made

    def literal(self, value: _Lit) -> str:
        made = '"' + _escape(value.lexical) + '"'
        if value.lang is not None:
            made += "@" + value.lang
        elif value.datatype is not None:
            made += "^^" + self.iri(value.datatype)
            if len(value.lexical) <= 40:  # numbers repeat across documents: remembered
                if len(self._typed) >= 65536:
                    self._typed.clear()  # memory stays flat over a corpus
                self._typed[value] = made
        return made

    def __call__(self, s: str, p: str, o) -> None:
        made = self.terms.get  # a term not seen yet in this document is made by ``term``
        self.triples[(made(s) or self.term(s), made(p) or self.term(p), made(o) or self.term(o))] = None

    def text(self) -> str:
        parts, previous = [], None
        for subject, predicate, obj in self.triples:
            parts.append(f" ;\n    {predicate} {obj}" if subject == previous else f" .\n{subject} {predicate} {obj}")
            previous = subject
        return "".join(parts)[3:] + " .\n" if parts else ""


class _Terms:
    """A namespace's IRIs as plain strings, each looked up once.

    The builder writes a few hundred triples per document; attribute access on
    rdflib's closed namespaces costs a check each time, this a dict lookup.
    A misspelt name still raises (the first lookup goes through rdflib).
    """

    def __init__(self, namespace) -> None:
        self._namespace = namespace
        self._items: dict[str, str] = {}

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        value = str(getattr(self._namespace, name))
        setattr(self, name, value)
        return value

    def __getitem__(self, name: str) -> str:
        value = self._items.get(name)
        if value is None:
            value = self._items[name] = str(self._namespace[name])
        return value


_KG, _NIF, _RDF, _RDFS, _OWL, _SDO, _DCTERMS, _WD, _XSD = (
    _Terms(ns) for ns in (KG, NIF, RDF, RDFS, OWL, SDO, DCTERMS, WD, XSD))


class _GraphBuilder:
    """Writes one checked Extraction as triples, through ``add`` (an rdflib or a TriG sink)."""

    def __init__(self, add, extraction: Extraction, doc: str) -> None:
        self.add = add  # (s, p, o): IRIs as str, literals as _Lit
        self.extraction = extraction
        self.article = extraction.article
        self.doc = doc
        self.context = f"{doc}#char=0,{len(self.article.text)}"
        self.used: set[str] = set()
        self.entities: dict[str, str] = {}
        self.spans: set[tuple] = set()  # (start, end, anchor, sentence) of the strings written
        self.sentence_nodes: dict[int, str] = {}

    def mint(self, iri: str) -> str:
        candidate, n = iri, 2
        while candidate in self.used:
            candidate, n = f"{iri}-{n}", n + 1
        self.used.add(candidate)
        return candidate

    def text(self, value: str) -> _Lit:
        return _Lit(value, lang=self.article.lang)

    def build(self) -> None:
        self.add_document()
        for entity in self.extraction.entities:
            self.add_entity(entity)
        for statement in self.extraction.statements:
            self.add_statement(statement)
        events: dict[str, list] = {}
        for relation in self.extraction.relations:
            node = self.add_relation(relation)
            if relation.event is not None:
                events.setdefault(relation.event, []).append((node, relation))
        for name, members in events.items():
            self.add_event(name, members)

    # -- evidence

    def span(self, start: int, end: int, *, anchor: bool = True, sentence: int | None = None) -> str:
        node = f"{self.doc}#char={start},{end}"
        key = (start, end, anchor, sentence)
        if key in self.spans:  # strings are shared (a sentence, a mention in two roles): written once
            return node
        self.spans.add(key)
        add = self.add  # the builder's busiest method: every string written passes here
        add(node, _RDF.type, _NIF.String)
        add(node, _RDF.type, _NIF.RFC5147String)
        add(node, _NIF.beginIndex, _index(start))
        add(node, _NIF.endIndex, _index(end))
        add(node, _NIF.referenceContext, self.context)
        if anchor:
            add(node, _NIF.anchorOf, _Lit(self.article.text[start:end]))
        if sentence is not None and self.extraction.sentences:
            # also when the string is the sentence itself: queries follow evidence/nif:sentence
            add(node, _NIF.sentence, self.sentence(sentence))
        return node

    def sentence(self, index: int) -> str:
        span = self.extraction.sentences[index]
        if index in self.sentence_nodes:
            return self.sentence_nodes[index]
        node = self.sentence_nodes[index] = self.span(span.start, span.end, anchor=False)
        self.add(node, _RDF.type, _NIF.Sentence)
        return node

    # -- document

    def add_document(self) -> None:
        article, doc = self.article, self.doc
        self.add(doc, _RDF.type, _KG.Document)
        self.add(doc, _DCTERMS.identifier, _Lit(article.id))
        self.add(doc, _SDO.inLanguage, _Lit(article.lang))
        self.add(doc, _DCTERMS.language, _Lit(article.lang))
        if article.lang_confidence is not None:
            self.add(doc, _KG.languageConfidence, _decimal(article.lang_confidence))
        self.add(doc, _KG.hasText, self.context)
        if article.title is not None:
            self.add(doc, _DCTERMS.title, self.text(article.title))
        if article.date is not None:
            self.add(doc, _SDO.datePublished, _date_literal(article.date))
        if article.url is not None:
            self.add(doc, _SDO.url, _Lit(article.url, _XSD.anyURI))
        if article.source is not None:
            self.add(doc, _KG.sourceFile, _Lit(article.source))
        if article.encoding is not None:
            self.add(doc, _KG.encoding, _Lit(article.encoding))
        for warning in self.extraction.warnings:
            self.add(doc, _KG.warning, _Lit(warning))

        context = self.context
        self.add(context, _RDF.type, _NIF.Context)
        self.add(context, _RDF.type, _NIF.String)
        self.add(context, _NIF.isString, _Lit(article.text))
        self.add(context, _NIF.beginIndex, _index(0))
        self.add(context, _NIF.endIndex, _index(len(article.text)))
        for index in range(len(self.extraction.sentences)):
            self.sentence(index)
        for caption in self.extraction.captions:
            node = self.span(caption.start, caption.end)
            self.add(node, _RDF.type, _KG.Caption)
            self.add(doc, _KG.hasCaption, node)

    # -- entities

    def add_entity(self, entity) -> None:
        if entity.qid is not None:
            node = self.mint(f"{self.doc}/entity/{entity.qid}")
        else:
            node = self.mint(f"{self.doc}/entity/{_segment(entity.kind)}/{_slug(entity.label)}")
        self.entities[entity.id] = node
        for entity_type in entity.types:
            self.add(node, _RDF.type, _KG[entity_type])
        if entity.kind in KIND_CLASSES:
            self.add(node, _RDF.type, KIND_CLASSES[entity.kind])
        self.add(node, _RDFS.label, self.text(entity.label))
        self.add(node, _KG.kind, _Lit(entity.kind))
        self.add(node, _KG.localId, _Lit(entity.id))
        self.add(node, _KG.confidence, _decimal(entity.confidence))
        self.add(node, _KG.mentionCount, _index(len(entity.mentions)))
        self.add(node, _KG.inDocument, self.doc)
        if entity.qid is not None:
            self.add(node, _OWL.sameAs, _WD[entity.qid])
        if entity.kb_id is not None:
            self.add(node, _KG.kbId, _Lit(entity.kb_id))
        if entity.link_confidence is not None:
            self.add(node, _KG.linkConfidence, _decimal(entity.link_confidence))
        if entity.link_method is not None:
            self.add(node, _KG.linkMethod, _Lit(entity.link_method))
        add = self.add
        for mention in entity.mentions:
            m = self.mint(f"{node}/mention/{mention.start}-{mention.end}")
            add(node, _KG.hasMention, m)
            add(m, _RDF.type, _KG.Mention)
            add(m, _KG.role, _KG[mention.type])
            add(m, _KG.kind, _Lit(mention.kind))
            add(m, _KG.method, _Lit(mention.method))
            add(m, _KG.confidence, _decimal(mention.confidence))
            add(m, _KG.evidence, self.span(mention.start, mention.end, sentence=mention.sentence))

    # -- statements

    def add_statement(self, statement) -> None:
        node = self.mint(f"{self.doc}/statement/{statement.start}-{statement.end}")
        self.add(node, _RDF.type, _KG.Statement)
        self.add(node, _KG.localId, _Lit(statement.id))
        self.add(node, _KG.content, self.text(statement.text))
        self.add(node, _KG.mode, _KG[statement.mode])
        self.add(node, _KG.modality, _KG[statement.modality])
        self.add(node, _KG.confidence, _decimal(statement.confidence))
        self.add(node, _KG.inDocument, self.doc)
        self.add(node, _KG.evidence, self.span(statement.start, statement.end, sentence=statement.sentence))
        if statement.speaker is not None:
            self.add(node, _KG.saidBy, self.entities[statement.speaker])
        if statement.cue is not None:
            self.add(node, _KG.cue, _Lit(statement.cue))
        if statement.cue_start is not None:
            self.add(node, _KG.cueEvidence,
                     self.span(statement.cue_start, statement.cue_end, sentence=statement.sentence))
        for entity_id in statement.about:
            self.add(node, _KG.about, self.entities[entity_id])
        for position, entity_id in enumerate(statement.sources, start=1):
            link = f"{node}/source/{position}"
            self.add(node, _KG.sourceChain, link)
            self.add(link, _RDF.type, _KG.SourceLink)
            self.add(link, _KG.position, _Lit(str(position), _XSD.positiveInteger))
            self.add(link, _KG.sourceEntity, self.entities[entity_id])

    # -- relations and events

    def add_relation(self, relation) -> str:
        subject, obj = self.entities[relation.subject], self.entities[relation.object]
        predicate = _KG[relation.predicate]
        key = f"{subject}\n{relation.predicate}\n{obj}\n{relation.start}\n{relation.end}"
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
        node = self.mint(f"{self.doc}/relation/{relation.predicate}/{digest}")
        self.add(node, _RDF.type, _KG.RelationAssertion)
        self.add(node, _RDF.subject, subject)
        self.add(node, _RDF.predicate, predicate)
        self.add(node, _RDF.object, obj)
        self.add(node, _KG.modality, _KG[relation.modality])
        self.add(node, _KG.confidence, _decimal(relation.confidence))
        self.add(node, _KG.inDocument, self.doc)
        self.add(node, _KG.evidence, self.span(relation.start, relation.end, sentence=relation.sentence))
        if relation.cue is not None:
            self.add(node, _KG.cue, _Lit(relation.cue))
        if relation.modality != "negated":
            self.add(subject, predicate, obj)
        return node

    def add_event(self, name: str, members: list) -> None:
        event = f"{self.doc}/event/{_segment(name)}"
        self.add(event, _RDF.type, _KG.Event)
        self.add(event, _KG.inDocument, self.doc)
        types = {e.id: e.types for e in self.extraction.entities}
        for node, relation in members:
            self.add(node, _KG.partOfEvent, event)
            subject, obj = self.entities[relation.subject], self.entities[relation.object]
            if relation.predicate == "authorizes":
                self.add(event, _RDF.type, _KG.Authorization)
                self.add(event, _KG.grantor, subject)
                if "Actor" in types[relation.object]:
                    self.add(event, _KG.grantee, obj)
                elif "Weapon" in types[relation.object]:
                    self.add(event, _KG.weapon, obj)
            elif relation.predicate == "supplies" and "Weapon" in types[relation.object]:
                self.add(event, _KG.weapon, obj)
            elif relation.predicate == "targets":
                self.add(event, _KG.target, obj)
                if "Weapon" in types[relation.subject]:
                    self.add(event, _KG.weapon, subject)
