"""The ``sparql`` backend: candidates and facts from any SPARQL 1.1 endpoint.

One document costs at most one request for candidates (every surface form of
every entity in one VALUES block) and nothing once its forms are cached.  The
same ``CANDIDATES_QUERY`` runs on a local Oxigraph loaded with the snapshot's
N-Triples and on the public Wikidata service (kgbuild's own ``kbv:`` facts are
optional there; kinds then come from wdt:P31 classes, priors from sitelinks).

Surface forms sent: each name as written, and the exact labels the snapshot
proposes for it (so "Kourk" also asks for "Koursk", "nord-coréens" for "Corée
du Nord"): the snapshot only spells, the endpoint decides which items exist.
In offline mode nothing is sent: cached answers, then the snapshot, are used.
"""

from __future__ import annotations

import math
from typing import Iterable, Sequence

from rdflib import Graph
from SPARQLWrapper import TURTLE

from kgbuild.errors import LinkError
from kgbuild.link.candidates import METHOD_SCORES, SnapshotCandidates
from kgbuild.link.enrich import facts_query
from kgbuild.link.http import AnswerCache, SparqlClient, SparqlConfig
from kgbuild.kb.keys import match_key
from kgbuild.link.base import Linker, Lookup
from kgbuild.kb.reader import Snapshot
from kgbuild.link.sparql_text import escape_literal, iri_ref
from kgbuild.kb.vocab import CLASS_KINDS, GENDER_QIDS, is_kb_key, is_qid, key_from_iri, types_of_kind
from kgbuild.types import Candidate, KBEntry

__all__ = ["SparqlLinker", "CANDIDATES_QUERY", "candidates_query", "QUERY_VERSION"]

QUERY_VERSION = "c1"  # part of every cache key: bump when the query's shape changes
_LANGS = ("fr", "en", "de", "mul")
_MAX_UNITS = 1500  # literals + keys per request (POST body; a long article stays one request)

CANDIDATES_QUERY = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX wikibase: <http://wikiba.se/ontology#>
PREFIX kbv: <urn:kgbuild:vocab:>
SELECT ?name ?item ?via (SAMPLE(?kind0) AS ?kind) (SAMPLE(?prior0) AS ?prior) (SAMPLE(?links0) AS ?links)
       (GROUP_CONCAT(DISTINCT STR(?class); separator=" ") AS ?classes)
       (SAMPLE(?country0) AS ?country) (SAMPLE(?capitalOf0) AS ?capitalOf) (SAMPLE(?region0) AS ?region)
       (SAMPLE(?gender0) AS ?gender) (SAMPLE(?fr0) AS ?fr) (SAMPLE(?en0) AS ?en) (SAMPLE(?de0) AS ?de)
       (SAMPLE(?capFr0) AS ?capFr) (SAMPLE(?capEn0) AS ?capEn)
WHERE {
  %(branches)s
  OPTIONAL { ?item kbv:kind ?kind0 }
  OPTIONAL { ?item kbv:prior ?prior0 }
  OPTIONAL { ?item wikibase:sitelinks ?links0 }
  OPTIONAL { ?item wdt:P31 ?class }
  OPTIONAL { ?item wdt:P17|wdt:P27 ?country0 }
  OPTIONAL { ?item wdt:P1376 ?capitalOf0 .
             OPTIONAL { ?capitalOf0 rdfs:label ?capFr0 FILTER(LANG(?capFr0) = "fr") }
             OPTIONAL { ?capitalOf0 rdfs:label ?capEn0 FILTER(LANG(?capEn0) = "en") } }
  OPTIONAL { ?item wdt:P131 ?region0 }
  OPTIONAL { ?item wdt:P21 ?gender0 }
  OPTIONAL { ?item rdfs:label ?fr0 FILTER(LANG(?fr0) = "fr") }
  OPTIONAL { ?item rdfs:label ?en0 FILTER(LANG(?en0) = "en") }
  OPTIONAL { ?item rdfs:label ?de0 FILTER(LANG(?de0) = "de") }
}
GROUP BY ?name ?item ?via"""


_BY_NAME = ('{ VALUES ?name { %(names)s } ?item rdfs:label ?name . BIND("label" AS ?via) }\n'
            '  UNION { VALUES ?name { %(names)s } ?item skos:altLabel ?name . BIND("alias" AS ?via) }')
_BY_KEY = '{ VALUES ?item { %(items)s } BIND("key" AS ?via) BIND("" AS ?name) }'


def candidates_query(literals: Sequence[tuple[str, str]], keys: Sequence[str]) -> str:
    """CANDIDATES_QUERY for (text, lang) literals and KB keys; text only enters via escape_literal."""
    if not literals and not keys:
        raise ValueError("a candidates query needs names or keys")
    branches = []
    if literals:
        branches.append(_BY_NAME % {"names": " ".join(escape_literal(text, lang) for text, lang in literals)})
    if keys:
        branches.append(_BY_KEY % {"items": " ".join(iri_ref(k) for k in keys)})
    return CANDIDATES_QUERY % {"branches": "\n  UNION ".join(branches)}


def _value(binding: dict, var: str) -> str | None:
    cell = binding.get(var)
    return cell.get("value") if isinstance(cell, dict) else None


def _prior(binding: dict) -> float:
    for var, convert in (("prior", float), ("links", lambda v: min(0.9, 0.2 + math.log10(float(v) + 1) / 4))):
        text = _value(binding, var)
        if text:
            try:
                return round(max(0.0, min(1.0, convert(text))), 3)
            except ValueError:
                pass
    return 0.4


def _kind(binding: dict) -> str:
    kind = _value(binding, "kind")
    if kind and types_of_kind(kind):
        return kind
    for iri in (_value(binding, "classes") or "").split():
        found = CLASS_KINDS.get(key_from_iri(iri) or "")
        if found:
            return found
    return ""


def _entry_from(binding: dict, known: Snapshot | None = None) -> KBEntry | None:
    """The entry an answer row describes; an item whose classes say nothing known takes the
    snapshot's kind for the same QID (public Wikidata types NATO as a military alliance...)."""
    key = key_from_iri(_value(binding, "item") or "")
    if key is None:
        return None
    kind = _kind(binding)
    if not kind and known is not None and known.get(key) is not None:
        kind = known.get(key).kind
    gender_iri = key_from_iri(_value(binding, "gender") or "")
    labels = {lang: _value(binding, lang) for lang in ("fr", "en", "de") if _value(binding, lang)}
    return KBEntry(key=key, qid=key if is_qid(key) else None, kind=kind, types=types_of_kind(kind),
                   labels=labels, country=key_from_iri(_value(binding, "country") or ""),
                   capital_of=key_from_iri(_value(binding, "capitalOf") or ""),
                   located_in=key_from_iri(_value(binding, "region") or ""),
                   gender=next((g for g, q in GENDER_QIDS.items() if q == gender_iri), None),
                   prior=_prior(binding), source="sparql")


def _capital_state(binding: dict) -> KBEntry | None:
    key = key_from_iri(_value(binding, "capitalOf") or "")
    if key is None:
        return None
    labels = {lang: _value(binding, var) for lang, var in (("fr", "capFr"), ("en", "capEn")) if _value(binding, var)}
    return KBEntry(key=key, qid=key if is_qid(key) else None, kind="Country", types=types_of_kind("Country"),
                   labels=labels, prior=0.9, source="sparql")


def _unit_of_literal(text: str, lang: str) -> str:
    return f"{QUERY_VERSION}|lit|{lang}|{text}"


def _unit_of_key(key: str) -> str:
    return f"{QUERY_VERSION}|key|{key}"


class SparqlLinker(Linker):
    """Links through a SPARQL endpoint, batched per document, cached on disk, polite."""

    backend = "sparql"

    def __init__(self, config: SparqlConfig, snapshot: Snapshot) -> None:
        self.config = config
        self.snapshot = snapshot
        self.speller = SnapshotCandidates(snapshot)
        self.client = SparqlClient(config)
        self.cache = AnswerCache(config.cache_dir)
        self._entries: dict[str, KBEntry] = {}

    def get(self, key: str) -> KBEntry | None:
        """An entry the endpoint described (offline: the snapshot's)."""
        entry = self._entries.get(key)
        if entry is None and self.config.offline:
            entry = self.snapshot.get(key)
        return entry

    # -- surface forms ---------------------------------------------------------------
    def _forms(self, name: str, lang: str) -> list[tuple[str, str]]:
        """Literals (text, lang) to ask for a name: as written, then the snapshot's spellings of it."""
        key = match_key(name)
        texts = [name]
        for cand in self.speller.find(name, lang)[:6]:
            entry = cand.entry
            names = [*entry.labels.values(), *(n for ns in entry.aliases.values() for n in ns)]
            if cand.method in ("exact", "alias", "normalized"):
                texts += [n for n in names if match_key(n) == key]  # "Etats-Unis" -> "États-Unis"
            else:  # variant, demonym, transliteration, fuzzy: the entry's own names
                texts += [*entry.labels.values(), *(n for n in names if match_key(n) == cand.matched)]
        return [(text, lg) for text in dict.fromkeys(t for t in texts if t) for lg in _LANGS]

    # -- lookup ----------------------------------------------------------------------
    def _lookup(self, names: Sequence[str], lang: str, keys: Sequence[str]) -> Lookup:
        found = Lookup()
        forms = {name: self._forms(name, lang) for name in names}
        keys = [k for k in dict.fromkeys(keys) if is_kb_key(k)]
        units = {_unit_of_literal(t, lg): (t, lg) for fs in forms.values() for t, lg in fs}
        key_units = {_unit_of_key(k): k for k in keys}
        endpoint = self.config.endpoint
        answers = self.cache.get_many(endpoint, [*units, *key_units])
        missing_lits = [units[u] for u in units if u not in answers]
        missing_keys = [key_units[u] for u in key_units if u not in answers]
        offline_names: set[str] = set()
        if missing_lits or missing_keys:
            if self.config.offline:
                offline_names = {n for n, fs in forms.items()
                                 if any(_unit_of_literal(t, lg) not in answers for t, lg in fs)}
                if missing_keys:
                    found.warnings.append(f"offline: {len(missing_keys)} entries not in the cache")
            else:
                answers.update(self._fetch(missing_lits, missing_keys))
        for name, fs in forms.items():
            if name in offline_names:
                found.candidates[name] = self.speller.find(name, lang)
                continue
            found.candidates[name] = self._candidates_from(name, lang, fs, answers)
        for unit, key in key_units.items():
            for row in answers.get(unit, ()):
                entry = _entry_from(row, self.snapshot)
                if entry is not None:
                    found.entries[key] = entry
                    self._entries[key] = entry
        if offline_names:
            for key in keys:
                if key not in found.entries and self.snapshot.get(key) is not None:
                    found.entries[key] = self.snapshot.get(key)
        return found

    def _fetch(self, literals: list[tuple[str, str]], keys: list[str]) -> dict[str, list]:
        """Ask the endpoint (in as few requests as possible); store every answer, empty ones too."""
        got: dict[str, list] = {}
        units = [("lit", x) for x in literals] + [("key", k) for k in keys]
        for start in range(0, len(units), _MAX_UNITS):
            chunk = units[start:start + _MAX_UNITS]
            lits = [x for kind, x in chunk if kind == "lit"]
            ks = [x for kind, x in chunk if kind == "key"]
            rows = self.client.send(candidates_query(lits, ks))
            answer = {_unit_of_literal(t, lg): [] for t, lg in lits}
            answer.update({_unit_of_key(k): [] for k in ks})
            for row in rows:
                via = _value(row, "via")
                if via == "key":
                    key = key_from_iri(_value(row, "item") or "")
                    if key is not None and _unit_of_key(key) in answer:
                        answer[_unit_of_key(key)].append(row)
                    continue
                cell = row.get("name") or {}
                unit = _unit_of_literal(cell.get("value", ""), cell.get("xml:lang", ""))
                if unit in answer:
                    answer[unit].append(row)
            self.cache.put_many(self.config.endpoint, answer)
            got.update(answer)
        return got

    def _candidates_from(self, name: str, lang: str, forms: list[tuple[str, str]],
                         answers: dict[str, list]) -> tuple:
        best: dict[str, Candidate] = {}
        written = match_key(name)
        spelled = {c.entry.key: c for c in self.speller.find(name, lang)}
        for text, lg in forms:
            for row in answers.get(_unit_of_literal(text, lg), ()):
                entry = _entry_from(row, self.snapshot)
                if entry is None:
                    continue
                self._entries[entry.key] = entry
                state = _capital_state(row)
                if state is not None:
                    self._entries.setdefault(state.key, state)
                if text == name:
                    method = "exact" if _value(row, "via") == "label" else "alias"
                    score = METHOD_SCORES[method]
                elif match_key(text) == written:
                    method, score = "normalized", METHOD_SCORES["normalized"]
                else:  # a spelling the snapshot proposed: keep its method and score
                    hint = spelled.get(entry.key)
                    method = hint.method if hint else "fuzzy"
                    score = hint.score if hint else METHOD_SCORES["fuzzy"] * 0.9
                if entry.key not in best or best[entry.key].score < score:
                    best[entry.key] = Candidate(entry=entry, score=round(score, 4), method=method, matched=text)
        return tuple(sorted(best.values(), key=lambda c: (-c.score, -c.entry.prior, c.entry.key)))

    # -- facts -----------------------------------------------------------------------
    def facts(self, qids: Iterable[str]) -> Graph:
        """FACTS_QUERY on the endpoint (N-Triples answer), cached per QID set; LinkError on failure."""
        qids = [q for q in dict.fromkeys(qids) if is_qid(q)]
        graph = Graph()
        if not qids:
            return graph
        unit = f"{QUERY_VERSION}|facts|{' '.join(sorted(qids))}"
        cached = self.cache.get_many(self.config.endpoint, [unit]).get(unit)
        if cached is None:
            if self.config.offline:
                from kgbuild.link.enrich import snapshot_facts

                return snapshot_facts(self.snapshot, qids)
            raw = self.client.send(facts_query(qids), fmt=TURTLE)
            try:
                text = raw.decode("utf-8")
                Graph().parse(data=text, format="turtle")
            except (UnicodeDecodeError, SyntaxError, ValueError) as exc:
                raise LinkError(f"{self.config.endpoint}: unreadable CONSTRUCT answer ({type(exc).__name__})") from None
            cached = [text]
            self.cache.put_many(self.config.endpoint, {unit: cached})
        graph.parse(data=cached[0], format="turtle")
        return graph
