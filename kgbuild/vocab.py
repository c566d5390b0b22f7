"""Closed RDF vocabularies: the kgbuild ontology and the NIF terms it uses.

``KG`` mirrors ``ontology/kgbuild.ttl`` term for term (a test keeps them equal);
``_fail = True`` makes a misspelt term raise instead of minting a new IRI.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["KG", "NIF", "WD", "ONTOLOGY_DIR", "ONTOLOGY_PATH", "SHAPES_PATH", "CONTEXT_PATH"]

#: folder of kgbuild.ttl (OWL) and shapes.ttl (SHACL)
# kgbuild/ontology is a link to the top-level ontology/ folder, so a wheel ships a copy
ONTOLOGY_DIR = Path(__file__).parent / "ontology"
ONTOLOGY_PATH = ONTOLOGY_DIR / "kgbuild.ttl"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"
#: the JSON-LD context of kgbuild's JSON-LD output: one typed term per property used
CONTEXT_PATH = ONTOLOGY_DIR / "context.jsonld"

#: Wikidata entities (owl:sameAs targets of linked entities)
WD = Namespace("http://www.wikidata.org/entity/")


class KG(DefinedNamespace):
    """kgbuild ontology (ontology/kgbuild.ttl)."""

    _NS = Namespace("https://w3id.org/kgbuild/ontology#")
    _fail = True

    # documents
    Document: URIRef
    Caption: URIRef
    hasText: URIRef
    hasCaption: URIRef
    sourceFile: URIRef
    encoding: URIRef
    languageConfidence: URIRef
    warning: URIRef
    inDocument: URIRef

    # entities and their kinds
    Entity: URIRef
    Actor: URIRef
    Weapon: URIRef
    Region: URIRef
    Person: URIRef
    State: URIRef
    Organization: URIRef
    Party: URIRef
    Group: URIRef
    Media: URIRef
    Country: URIRef
    City: URIRef
    AdministrativeRegion: URIRef
    Continent: URIRef
    WeaponSystem: URIRef
    WeaponClass: URIRef
    kind: URIRef
    localId: URIRef
    mentionCount: URIRef
    hasMention: URIRef
    kbId: URIRef

    # corpus
    CorpusEntity: URIRef
    documentCount: URIRef
    nearDuplicateOf: URIRef
    linkConfidence: URIRef
    linkMethod: URIRef

    # mentions and evidence
    Mention: URIRef
    role: URIRef
    method: URIRef
    evidence: URIRef
    confidence: URIRef

    # statements
    Statement: URIRef
    saidBy: URIRef
    content: URIRef
    cue: URIRef
    cueEvidence: URIRef
    about: URIRef
    SpeechMode: URIRef
    direct: URIRef
    indirect: URIRef
    mixed: URIRef
    mode: URIRef
    SourceLink: URIRef
    sourceChain: URIRef
    position: URIRef
    sourceEntity: URIRef

    # modality
    Modality: URIRef
    asserted: URIRef
    reported: URIRef
    hedged: URIRef
    negated: URIRef
    modality: URIRef

    # relations (the predicates of FORMAT.md)
    RelationAssertion: URIRef
    supplies: URIRef
    suppliesTo: URIRef
    authorizes: URIRef
    targets: URIRef
    attacks: URIRef
    deployedIn: URIRef
    leaderOf: URIRef
    memberOf: URIRef
    locatedIn: URIRef
    supports: URIRef
    opposes: URIRef

    # events
    Event: URIRef
    Authorization: URIRef
    partOfEvent: URIRef
    grantor: URIRef
    grantee: URIRef
    weapon: URIRef
    target: URIRef


class NIF(DefinedNamespace):
    """The NIF 2.0 Core terms kgbuild uses for evidence (strings with offsets)."""

    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    _fail = True

    Context: URIRef
    String: URIRef
    RFC5147String: URIRef
    Sentence: URIRef
    isString: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    referenceContext: URIRef
    sentence: URIRef
