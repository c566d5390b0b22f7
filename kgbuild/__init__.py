"""kgbuild: news articles -> knowledge graph of Actors, Weapons, Regions and Statements.

The public API for research scripts::

    import kgbuild
    from pathlib import Path
    result = kgbuild.build([Path("article.txt")])    # Path: a file or folder; str: a text; or Articles
    result.rdf        # rdflib Dataset (one named graph per document)
    result.nx         # networkx MultiDiGraph of entities and their relations
    result.to_json()  # list of document JSON objects (FORMAT.md)
"""

from __future__ import annotations

from kgbuild.errors import KgbuildError
from kgbuild.types import (
    Article,
    Candidate,
    Entity,
    Extraction,
    KBEntry,
    Link,
    Mention,
    Relation,
    Span,
    Statement,
)

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "build",
    "BuildResult",
    "KgbuildError",
    "Article",
    "Candidate",
    "Entity",
    "Extraction",
    "KBEntry",
    "Link",
    "Mention",
    "Relation",
    "Span",
    "Statement",
]


def __getattr__(name: str):
    # the pipeline imports spaCy; keep `import kgbuild` light until it is needed
    if name in ("build", "BuildResult"):
        from kgbuild import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'kgbuild' has no attribute {name!r}")
