"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

from hypothesis import strategies as st

from kgbuild.rdf import KIND_CLASSES, MODES
from kgbuild.types import (
    ENTITY_TYPES,
    MODALITIES,
    PREDICATES,
    Article,
    Entity,
    Extraction,
    Mention,
    Relation,
    Span,
    Statement,
)


@st.composite
def extractions(draw) -> Extraction:
    """Random Unicode texts, labels, kinds and ids, with offsets that index the text."""
    text = draw(st.text(max_size=50))
    size = len(text)

    def span() -> tuple[int, int]:
        start = draw(st.integers(0, size))
        return start, draw(st.integers(start, size))

    sentences = tuple(Span(*span()) for _ in range(draw(st.integers(0, 2))))
    sentence = st.integers(0, max(len(sentences) - 1, 0))
    confidence = st.floats(0, 1)
    entities = []
    for i in range(draw(st.integers(0, 4))):
        mentions = []
        for _ in range(draw(st.integers(0, 2))):
            start, end = span()
            mentions.append(Mention(start, end, text[start:end], draw(st.sampled_from(ENTITY_TYPES)),
                                    draw(st.text(max_size=8)), draw(sentence), draw(st.text(max_size=6)),
                                    draw(confidence)))
        entities.append(Entity(
            f"e{i + 1}", draw(st.text(max_size=30)),
            tuple(draw(st.lists(st.sampled_from(ENTITY_TYPES), min_size=1, max_size=3, unique=True))),
            draw(st.text(max_size=10) | st.sampled_from(sorted(KIND_CLASSES))), tuple(mentions),
            draw(confidence), draw(st.none() | st.sampled_from(["Q7747", "Q212", "Q30"])),
            draw(st.none() | confidence), draw(st.none() | st.text(max_size=6)),
            draw(st.none() | st.text(max_size=10)),
        ))
    ids = [e.id for e in entities]
    statements, relations = [], []
    if ids:
        for i in range(draw(st.integers(0, 2))):
            start, end = span()
            cue = draw(st.none() | st.tuples(st.integers(0, size), st.integers(0, size)).map(sorted))
            statements.append(Statement(
                f"s{i + 1}", draw(st.none() | st.sampled_from(ids)), text[start:end], start, end,
                draw(st.none() | st.text(max_size=8)), cue[0] if cue else None, cue[1] if cue else None,
                draw(st.sampled_from(MODES)), draw(st.sampled_from(MODALITIES)),
                tuple(draw(st.lists(st.sampled_from(ids), max_size=3))),
                tuple(draw(st.lists(st.sampled_from(ids), max_size=2))), draw(sentence), draw(confidence),
            ))
        for _ in range(draw(st.integers(0, 3))):
            start, end = span()
            relations.append(Relation(
                draw(st.sampled_from(ids)), draw(st.sampled_from(PREDICATES)), draw(st.sampled_from(ids)),
                start, end, draw(sentence), draw(confidence), draw(st.sampled_from(MODALITIES)),
                draw(st.none() | st.text(max_size=6)), draw(st.none() | st.text(max_size=6)),
            ))
    maybe_text = st.none() | st.text(max_size=12)
    article = Article(
        draw(st.text(min_size=1, max_size=15)), text, draw(st.sampled_from(["fr", "en", "de-CH"])),
        draw(maybe_text), draw(st.none() | st.sampled_from(["2024-11-18", "2024-11-18T10:00:00Z"]) | st.text(max_size=10)),
        draw(maybe_text), draw(maybe_text), draw(maybe_text),
    )
    return Extraction(article, sentences, tuple(entities), tuple(statements), tuple(relations),
                      tuple(Span(*span()) for _ in range(draw(st.integers(0, 1)))),
                      tuple(draw(st.lists(st.text(max_size=10), max_size=2))))
