"""The Wikidata-shaped vocabulary of the knowledge base.

Entries with a QID are ``wd:Q...`` IRIs; entries without one get a local IRI
under ``urn:kgbuild:kb:``.  kgbuild's own facts (kind, prior, office key, the
source note) use the ``kbv:`` properties; everything else uses Wikidata's
``wdt:``/``p:``/``ps:``/``pq:`` properties so that the same queries run on the
shipped snapshot and on the public service.

Every class QID below was checked against two independent public files
(``kgbuild/data/kb/classes.csv`` records the evidence).
"""

from __future__ import annotations

import re

from rdflib import Namespace, URIRef

__all__ = [
    "WD",
    "WDT",
    "P",
    "PS",
    "PQ",
    "KBV",
    "KB_IRI",
    "KIND_TYPES",
    "KIND_CLASSES",
    "CLASS_KINDS",
    "GENDER_QIDS",
    "OFFICE_CLASSES",
    "QID_RE",
    "is_qid",
    "is_kb_key",
    "entry_iri",
    "key_from_iri",
    "types_of_kind",
]

WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
P = Namespace("http://www.wikidata.org/prop/")
PS = Namespace("http://www.wikidata.org/prop/statement/")
PQ = Namespace("http://www.wikidata.org/prop/qualifier/")
KBV = Namespace("urn:kgbuild:vocab:")  # kgbuild's own KB properties (kind, prior, office, source)
KB_IRI = "urn:kgbuild:kb:"  # local entries: "kb:josep-borrell" <-> <urn:kgbuild:kb:josep-borrell>

QID_RE = re.compile(r"^Q[1-9][0-9]{0,11}$")
_LOCAL_RE = re.compile(r"^kb:[a-z0-9][a-z0-9._/-]{0,120}$")

#: the entity types (ontology roles) each KB kind can play
KIND_TYPES: dict[str, tuple[str, ...]] = {
    "Person": ("Actor",),
    "Country": ("Actor", "Region"),
    "Organization": ("Actor",),
    "Party": ("Actor",),
    "Media": ("Actor",),
    "Group": ("Actor",),
    "City": ("Region",),
    "AdministrativeRegion": ("Region",),
    "Continent": ("Region",),
    "Sea": ("Region",),
    "Building": ("Region", "Actor"),
    "Event": ("Region",),
    "WeaponSystem": ("Weapon",),
    "WeaponClass": ("Weapon",),
}

#: verified class QIDs written as wdt:P31 for each kind (empty: the kind alone is kept)
KIND_CLASSES: dict[str, tuple[str, ...]] = {
    "Person": ("Q5",),  # human
    "Country": ("Q6256",),  # country
    "City": ("Q515",),  # city
    "Party": ("Q7278",),  # political party
    "Organization": ("Q43229",),  # organization
}

#: P31 classes of Wikidata items -> kgbuild kind (used to read endpoint answers)
CLASS_KINDS: dict[str, str] = {
    "Q5": "Person",
    "Q6256": "Country",
    "Q3624078": "Country",  # sovereign state
    "Q515": "City",
    "Q5119": "City",  # capital city
    "Q1549591": "City",  # big city
    "Q10864048": "AdministrativeRegion",  # first-level administrative division
    "Q835714": "AdministrativeRegion",  # oblast of Russia
    "Q3348196": "AdministrativeRegion",  # oblast of Ukraine
    "Q7278": "Party",
    "Q484652": "Organization",  # international organization
    "Q43229": "Organization",
    "Q4830453": "Organization",  # business
    "Q192283": "Media",  # news agency
    "Q11032": "Media",  # newspaper
    "Q1110794": "Media",  # daily newspaper
    "Q12876": "WeaponClass",  # tank
    "Q484000": "WeaponClass",  # unmanned aerial vehicle
    "Q127771": "WeaponClass",  # fighter aircraft
}

#: wdt:P21 values
GENDER_QIDS = {"female": "Q6581072", "male": "Q6581097"}

#: office key -> position class QID (from shared/wikidata-sources/opensanctions-igo), as wdt:P279
OFFICE_CLASSES: dict[str, str] = {
    "president": "Q48352",  # head of state
    "supreme_leader": "Q48352",
    "head_of_government": "Q2285706",
    "prime_minister": "Q14212",
    "chancellor": "Q2285706",
    "foreign_minister": "Q7330070",
    "defence_minister": "Q83307",  # minister
    "finance_minister": "Q83307",
    "minister": "Q83307",
    "chief_of_staff": "Q707492",  # military chief of staff
    "mayor": "Q30185",
}


def is_qid(key: str | None) -> bool:
    return bool(key) and QID_RE.match(key) is not None


def is_kb_key(key: str | None) -> bool:
    """A QID or a well-formed local key ("kb:josep-borrell")."""
    return bool(key) and (QID_RE.match(key) is not None or _LOCAL_RE.match(key) is not None)


def entry_iri(key: str) -> URIRef:
    """The IRI of a KB key: ``Q159`` -> wd:Q159, ``kb:josep-borrell`` -> urn:kgbuild:kb:josep-borrell."""
    if QID_RE.match(key):
        return WD[key]
    if _LOCAL_RE.match(key):
        return URIRef(KB_IRI + key[3:])
    raise ValueError(f"not a KB key: {key!r}")


def key_from_iri(iri: str) -> str | None:
    """The KB key of an IRI, or None when it is neither a Wikidata entity nor a local entry."""
    iri = str(iri)
    if iri.startswith(str(WD)):
        qid = iri[len(str(WD)):]
        return qid if QID_RE.match(qid) else None
    if iri.startswith(KB_IRI):
        key = "kb:" + iri[len(KB_IRI):]
        return key if _LOCAL_RE.match(key) else None
    return None


def types_of_kind(kind: str) -> tuple[str, ...]:
    return KIND_TYPES.get(kind, ())
