"""Grow the snapshot from a SPARQL endpoint (``kgbuild kb build --from-endpoint URL``).

For each selected class, pages of ``PAGE_QUERY`` (a CONSTRUCT over a sorted,
LIMIT/OFFSET sub-select of the class's instances) are fetched until a page
comes back empty; the Wikidata-shaped answer is read back with
``triples.rows_from_graph``.  The client is the linker's polite one
(User-Agent, rate limit, Retry-After, backoff, timeouts).
"""

from __future__ import annotations

from typing import Iterator

from rdflib import Graph
from SPARQLWrapper import TURTLE

from kgbuild.errors import KBError, LinkError
from kgbuild.kb.records import Draft
from kgbuild.kb.dump import DEFAULT_CLASSES
from kgbuild.link.http import SparqlClient, SparqlConfig, default_rate
from kgbuild.kb.triples import rows_from_graph
from kgbuild.kb.vocab import QID_RE, WD, WDT

__all__ = ["PAGE_QUERY", "page_query", "iter_endpoint_drafts"]

PAGE_QUERY = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX kbv: <urn:kgbuild:vocab:>
CONSTRUCT {
  ?item wdt:P31 wd:%(cls)s ; rdfs:label ?label ; skos:altLabel ?alias ; wdt:P17 ?country ;
        wdt:P27 ?citizenship ; wdt:P131 ?region ; wdt:P1376 ?capitalOf ; wdt:P21 ?gender ;
        kbv:prior ?prior .
}
WHERE {
  { SELECT ?item WHERE { ?item wdt:P31 wd:%(cls)s } ORDER BY ?item LIMIT %(limit)d OFFSET %(offset)d }
  { ?item wdt:P31 wd:%(cls)s }
  UNION { ?item rdfs:label ?label FILTER(LANG(?label) IN ("fr", "en", "de")) }
  UNION { ?item skos:altLabel ?alias FILTER(LANG(?alias) IN ("fr", "en", "de")) }
  UNION { ?item wdt:P17 ?country } UNION { ?item wdt:P27 ?citizenship } UNION { ?item wdt:P131 ?region }
  UNION { ?item wdt:P1376 ?capitalOf } UNION { ?item wdt:P21 ?gender } UNION { ?item kbv:prior ?prior }
}"""


def page_query(cls: str, limit: int, offset: int) -> str:
    if not QID_RE.match(cls):
        raise ValueError(f"not a class QID: {cls!r}")
    return PAGE_QUERY % {"cls": cls, "limit": int(limit), "offset": int(offset)}


def _draft(row: dict, kind: str, url: str) -> Draft:
    d = Draft(key=row["k"], qid=row["q"], kind=kind, source=f"endpoint {url}", prior=row.get("r", 0.5),
              country=row.get("c"), capital_of=row.get("cap"), located_in=row.get("in"), gender=row.get("g"))
    for lang, label in row["l"].items():
        d.set_label(lang, label)
    for lang, names in row.get("a", {}).items():
        for name in names:
            d.add_alias(lang, name)
    return d


def iter_endpoint_drafts(url: str, classes: dict[str, str] | None = None, *, page_size: int = 500,
                         max_pages: int | None = None, client: SparqlClient | None = None) -> Iterator[Draft]:
    """Drafts for the instances of each class on the endpoint, page by page."""
    classes = classes or DEFAULT_CLASSES
    client = client or SparqlClient(SparqlConfig.checked(endpoint=url, rate=default_rate(url)))
    for cls, kind in sorted(classes.items()):
        page = 0
        while max_pages is None or page < max_pages:
            try:
                raw = client.send(page_query(cls, page_size, page * page_size), fmt=TURTLE)
                graph = Graph().parse(data=raw.decode("utf-8"), format="turtle")
            except LinkError as exc:
                raise KBError(f"{url}: class {cls} page {page}: {exc}") from None
            except (UnicodeDecodeError, SyntaxError, ValueError) as exc:
                raise KBError(f"{url}: class {cls} page {page}: unreadable answer ({exc})") from None
            if not any(True for _ in graph.subjects(WDT.P31, WD[cls])):
                break
            rows = rows_from_graph(graph, f"endpoint {url}", default_kind=kind)
            for row in rows:
                yield _draft(row, kind, url)
            page += 1
