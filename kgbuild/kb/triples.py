"""KB rows <-> Wikidata-shaped RDF.

One row (the snapshot's JSON form of an entry) gives::

    wd:Q7747 rdfs:label "Vladimir Poutine"@fr ; skos:altLabel "Poutine"@fr ;
        wdt:P31 wd:Q5 ; wdt:P27 wd:Q159 ; wdt:P21 wd:Q6581097 ;
        wdt:P39 <urn:kgbuild:kb:office/president/Q159> ;
        p:P39 <urn:kgbuild:kb:statement/Q7747/P39/2> .
    <urn:kgbuild:kb:statement/Q7747/P39/2> ps:P39 <...office/president/Q159> ;
        pq:P580 "2012-05-07T00:00:00Z"^^xsd:dateTime .
    <urn:kgbuild:kb:office/president/Q159> kbv:office "president" ; wdt:P1001 wd:Q159 ;
        wdt:P279 wd:Q48352 ; rdfs:label "president (Q159)"@en .

kgbuild's own facts: ``kbv:kind``, ``kbv:prior``, ``kbv:source``, ``kbv:demonym``.
``rows_from_graph`` reads the same shape back (for ``--from-endpoint``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS, XSD

from kgbuild.kb.vocab import (
    GENDER_QIDS,
    KB_IRI,
    KBV,
    KIND_CLASSES,
    OFFICE_CLASSES,
    PQ,
    PS,
    WD,
    WDT,
    CLASS_KINDS,
    P,
    entry_iri,
    is_qid,
    key_from_iri,
)

__all__ = ["row_triples", "office_iri", "write_ntriples", "rows_from_graph"]

_COUNTRY_PROP = {"Person": WDT.P27}


def office_iri(office: str, of: str | None) -> URIRef:
    return URIRef(f"{KB_IRI}office/{office}/{of or 'any'}")


def _date(value: str) -> Literal:
    return Literal(f"{value}T00:00:00Z", datatype=XSD.dateTime)


def row_triples(row: dict, parties: frozenset[str] | set[str] = frozenset()) -> Iterator[tuple]:
    """The Wikidata-shaped triples of one snapshot row (``parties``: keys of Party entries)."""
    s = entry_iri(row["k"])
    for lang, label in row.get("l", {}).items():
        yield s, RDFS.label, Literal(label, lang=lang)
    for lang, names in row.get("a", {}).items():
        for name in names:
            yield s, SKOS.altLabel, Literal(name, lang=lang)
    for lang, names in row.get("d", {}).items():
        for name in names:
            yield s, KBV.demonym, Literal(name, lang=lang)
    kind = row["t"]
    yield s, KBV.kind, Literal(kind)
    yield s, KBV.prior, Literal(row.get("r", 0.5))
    if row.get("src"):
        yield s, KBV.source, Literal(row["src"])
    for cls in KIND_CLASSES.get(kind, ()):
        yield s, WDT.P31, WD[cls]
    if row.get("c") and row["c"] != row["k"]:
        yield s, _COUNTRY_PROP.get(kind, WDT.P17), entry_iri(row["c"])
    if row.get("cap"):
        yield s, WDT.P1376, entry_iri(row["cap"])
    if row.get("in"):
        yield s, WDT.P131, entry_iri(row["in"])
    if row.get("g") in GENDER_QIDS:
        yield s, WDT.P21, WD[GENDER_QIDS[row["g"]]]
    for key in row.get("m", ()):
        target = entry_iri(key)
        yield s, WDT.P102 if key in parties else WDT.P463, target
    for key in row.get("s", ()):
        yield s, WDT.P279, entry_iri(key)
    for n, (office, of, start, end) in enumerate(row.get("p", ())):
        o = office_iri(office, of)
        st = URIRef(f"{KB_IRI}statement/{row['k'].removeprefix('kb:')}/P39/{n}")
        yield s, WDT.P39, o
        yield s, P.P39, st
        yield st, PS.P39, o
        if start:
            yield st, PQ.P580, _date(start)
        if end:
            yield st, PQ.P582, _date(end)
        yield o, KBV.office, Literal(office)
        yield o, RDFS.label, Literal(f"{office} ({of or 'any'})", lang="en")
        if of:
            yield o, WDT.P1001, entry_iri(of)
        if office in OFFICE_CLASSES:
            yield o, WDT.P279, WD[OFFICE_CLASSES[office]]


def write_ntriples(rows: Iterable[dict], path: Path, parties: frozenset[str] | set[str] = frozenset()) -> int:
    """Write the rows' triples as gzipped N-Triples (sorted, so rebuilds diff cleanly)."""
    lines = set()
    for row in rows:
        for s, p, o in row_triples(row, parties):
            lines.add(f"{s.n3()} {p.n3()} {o.n3()} .\n")
    from kgbuild.kb.reader import open_for_writing

    with open_for_writing(path, gz=True) as fh:
        fh.writelines(sorted(lines))
    return len(lines)


def rows_from_graph(graph: Graph, source: str, default_kind: str = "") -> list[dict]:
    """Snapshot rows from a Wikidata-shaped graph (a CONSTRUCT answer or a loaded snapshot)."""
    rows: dict[str, dict] = {}
    declared: dict[str, str] = {}  # kbv:kind
    by_class: dict[str, str] = {}  # kind read from wdt:P31

    def row_of(subject) -> dict | None:
        key = key_from_iri(subject)
        if key is None:
            return None
        return rows.setdefault(key, {"k": key, "q": key if is_qid(key) else None, "t": "",
                                     "l": {}, "a": {}, "r": 0.5, "src": source})

    for s, p, o in graph:
        row = row_of(s)
        if row is None:
            continue
        if p == RDFS.label and isinstance(o, Literal) and o.language:
            row["l"].setdefault(o.language, str(o))
        elif p == SKOS.altLabel and isinstance(o, Literal) and o.language:
            row["a"].setdefault(o.language, []).append(str(o))
        elif p == KBV.kind:
            declared[row["k"]] = str(o)
        elif p == WDT.P31 and CLASS_KINDS.get(key_from_iri(o) or ""):
            by_class.setdefault(row["k"], CLASS_KINDS[key_from_iri(o)])
        elif p in (WDT.P17, WDT.P27):
            row["c"] = key_from_iri(o)
        elif p == WDT.P1376:
            row["cap"] = key_from_iri(o)
        elif p == WDT.P131:
            row["in"] = key_from_iri(o)
        elif p == WDT.P21:
            row["g"] = next((g for g, q in GENDER_QIDS.items() if WD[q] == o), None)
        elif p == KBV.prior:
            row["r"] = float(o)
    for key, row in rows.items():
        row["t"] = declared.get(key) or by_class.get(key) or default_kind
    return [r for r in rows.values() if r["t"] and r["l"]]
