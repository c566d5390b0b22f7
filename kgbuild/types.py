"""Records passed between the pipeline stages.

Article -> Extraction (Mentions grouped into Entities, Statements, Relations)
-> linked Entities (qid, link confidence, link method) -> Graph -> exports.

Every record is a frozen dataclass holding strings, numbers and tuples only:
no spaCy objects, so records pickle across processes and later stages are
testable without a model.  Offsets are Python string indices into
``Article.text`` (end exclusive).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "ENTITY_TYPES",
    "PREDICATES",
    "MODALITIES",
    "Article",
    "Span",
    "Mention",
    "Entity",
    "Statement",
    "Relation",
    "Extraction",
    "Candidate",
    "Link",
    "KBEntry",
]

#: the three top classes of the ontology
ENTITY_TYPES = ("Actor", "Weapon", "Region")

#: relation vocabulary of the document JSON (shared/eval/FORMAT.md)
PREDICATES = (
    "supplies",
    "suppliesTo",
    "authorizes",
    "targets",
    "attacks",
    "deployedIn",
    "leaderOf",
    "memberOf",
    "locatedIn",
    "supports",
    "opposes",
)

#: how sure the text is of a statement or relation
MODALITIES = ("asserted", "reported", "hedged", "negated")


@dataclass(frozen=True)
class Article:
    """One document as read: its text is the reference for every offset."""

    id: str
    text: str
    lang: str | None = "fr"  # ISO 639-1; None: not said by the input, detected (kgbuild.langid)
    title: str | None = None
    date: str | None = None  # ISO 8601 date, when known
    url: str | None = None
    source: str | None = None  # file name (or "<stdin>") it was read from
    encoding: str | None = None  # the encoding the bytes were decoded with
    lang_source: str | None = None  # how lang was decided: "forced", "input" or "detected"
    lang_confidence: float | None = None  # the detector's confidence (0-1) when detected


@dataclass(frozen=True)
class Span:
    """A stretch of the article text (a sentence, a caption line)."""

    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in the text."""

    start: int
    end: int
    text: str  # == article.text[start:end]
    type: str  # "Actor" | "Weapon" | "Region": the role played here
    kind: str  # Person, State, Organization, Group, Media, Country, City, ...
    sentence: int  # index into Extraction.sentences
    method: str = "ner"  # ner | gazetteer | pattern | demonym | capital | role | pronoun | site
    confidence: float = 0.8


@dataclass(frozen=True)
class Entity:
    """One real-world thing in one document, with all its mentions."""

    id: str  # "e1", "e2", ... in order of first mention
    label: str  # canonical name (KB label when known, else the longest name)
    types: tuple[str, ...]  # every role it plays in the document, ENTITY_TYPES order
    kind: str
    mentions: tuple[Mention, ...]
    confidence: float = 0.8
    qid: str | None = None  # Wikidata QID, e.g. "Q7747"
    link_confidence: float | None = None
    link_method: str | None = None  # exact | alias | variant | demonym | transliteration | fuzzy
    # | metonymy | override, or "nil" when no entry passed the threshold
    kb_id: str | None = None  # key of the snapshot entry, also for entries without a QID


@dataclass(frozen=True)
class Statement:
    """Who said what: a quote or reported claim with its speaker and cue."""

    id: str  # "s1", ...
    speaker: str | None  # Entity.id, or None when unknown
    text: str  # the content, == article.text[start:end]
    start: int
    end: int
    cue: str | None  # the verb or phrase that introduces it ("prévenu", "selon")
    cue_start: int | None = None
    cue_end: int | None = None
    mode: str = "indirect"  # direct | indirect | mixed
    modality: str = "reported"  # one of MODALITIES
    about: tuple[str, ...] = ()  # Entity ids mentioned in the content
    sources: tuple[str, ...] = ()  # chain of sourcing Entity ids, outermost first
    sentence: int = 0
    confidence: float = 0.7

    @property
    def direct(self) -> bool:
        return self.mode != "indirect"


@dataclass(frozen=True)
class Relation:
    """A typed edge between two entities, with its evidence."""

    subject: str  # Entity.id
    predicate: str  # one of PREDICATES
    object: str  # Entity.id
    start: int  # evidence span in the article text
    end: int
    sentence: int = 0
    confidence: float = 0.6
    modality: str = "asserted"  # one of MODALITIES
    cue: str | None = None
    event: str | None = None  # groups the relations of one event (an authorisation)


@dataclass(frozen=True)
class Extraction:
    """All that was found in one article."""

    article: Article
    sentences: tuple[Span, ...]
    entities: tuple[Entity, ...] = ()
    statements: tuple[Statement, ...] = ()
    relations: tuple[Relation, ...] = ()
    captions: tuple[Span, ...] = ()  # image captions / credit lines, kept apart
    warnings: tuple[str, ...] = ()

    def entity(self, entity_id: str) -> Entity:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(entity_id)


@dataclass(frozen=True)
class KBEntry:
    """One entry of the knowledge base (the offline snapshot or an endpoint's answer)."""

    key: str  # QID when known, else a stable local key ("kb:josep-borrell")
    qid: str | None
    kind: str  # Person, State, Country, City, AdministrativeRegion, Organization, Party, Media, WeaponSystem, ...
    types: tuple[str, ...]  # ENTITY_TYPES this entry can play
    labels: dict[str, str] = field(default_factory=dict, compare=False, hash=False)  # lang -> label
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False)
    country: str | None = None  # key of the country (P17 / P27)
    capital_of: str | None = None  # key of the state whose capital this is
    located_in: str | None = None  # key of the containing region (P131)
    gender: str | None = None  # "female" | "male" for people, when known
    positions: tuple[tuple[str, str | None, str | None, str | None], ...] = ()
    # (office, country key, start ISO date, end ISO date): e.g. ("president", "Q159", "2012-05-07", None)
    member_of: tuple[str, ...] = ()  # keys of parties / organisations (P102, P463)
    prior: float = 0.5  # how likely a bare mention of a label means this entry
    source: str = ""  # where the entry (and its QID) comes from


@dataclass(frozen=True)
class Candidate:
    """A KB entry proposed for a mention, with how it matched."""

    entry: KBEntry
    score: float  # 0..1
    method: str  # exact | alias | normalized | fuzzy | metonymy
    matched: str  # the label or alias that matched


@dataclass(frozen=True)
class Link:
    """The decision for one entity: a KB entry (maybe without QID) or NIL."""

    entity_id: str
    entry: KBEntry | None
    confidence: float
    method: str  # as Candidate.method, or "nil"
