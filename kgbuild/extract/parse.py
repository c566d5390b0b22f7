"""The spaCy side of extraction: load a language's pipeline and parse articles.

What spaCy does not do for news: blank lines are hard sentence boundaries (it
merges a heading into the next paragraph otherwise), and so are line breaks after a
sentence's end (preset before the parser, the text not cut), and photo
credits ("Image : Name/AGENCY") are their own segment.  The text is cut there,
the pieces parsed as a batch and joined back into one Doc over the same text.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right

import numpy

import spacy
from spacy.language import Language
from spacy.attrs import IDX, SENT_START, SPACY
from spacy.symbols import ORTH
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from kgbuild.errors import ModelError
from kgbuild.extract.language import LanguageRules
from kgbuild.types import Span

__all__ = ["load_pipeline", "keep_names_whole", "parse_text", "parse_texts", "split_segments",
           "find_captions", "doc_sentences"]

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
#: characters that end a sentence: a line break after one starts a new sentence
_SENTENCE_ENDS = frozenset('.!?…»"”')
_LINE_BREAK = re.compile(r"\n")


@Language.component("kgbuild_line_ends")
def line_ends(doc: Doc) -> Doc:
    """Before the parser: a line break after a sentence's end starts a sentence (pasted wire
    copy often has no blank line between paragraphs, and the parser would join them).  The
    text is not cut there, so the model still reads each line in its context."""
    text = doc.text
    if "\n" not in text:
        return doc
    starts = doc.to_array([IDX]).tolist()
    for pos in (m.start() for m in _LINE_BREAK.finditer(text)):
        i = bisect_right(starts, pos) - 1  # the space token holding the break
        if not 2 <= i + 1 < len(doc):
            continue
        brk, last, token = doc[i], doc[i - 1], doc[i + 1]  # the break, the "." before it, the next word
        if brk.is_space and not token.is_space and last.text[-1:] in _SENTENCE_ENDS:
            token.is_sent_start = True
    return doc


def split_segments(text: str, captions: tuple[Span, ...] = ()) -> list[str]:
    """Cut the text at blank lines and around photo credits; the pieces join back to it."""
    cuts = {m.end() for m in _BLANK_LINE.finditer(text)}
    for span in captions:
        cuts.update((span.start, span.end))
    cuts = sorted(c for c in cuts if 0 < c < len(text))
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


def parse_text(nlp: Language, text: str, captions: tuple[Span, ...] = ()) -> Doc:
    """Parse ``text`` segment by segment so no sentence crosses a blank line or a credit."""
    (doc,) = parse_texts(nlp, [(text, captions)])
    return doc


def parse_texts(nlp: Language, items: list[tuple[str, tuple[Span, ...]]]) -> list[Doc]:
    """Parse (text, captions) pairs as one ``nlp.pipe`` batch, each cut as ``parse_text`` cuts it."""
    cut = [split_segments(text, captions) or [text] for text, captions in items]
    parsed = iter(nlp.pipe([segment for segments in cut for segment in segments]))
    docs = []
    for (text, _), segments in zip(items, cut):
        parts = [next(parsed) for _ in segments]
        doc = parts[0] if len(parts) == 1 else join_docs(parts)
        assert not len(doc) or doc[-1].idx + len(doc[-1].text_with_ws) == len(text)  # the same text
        docs.append(doc)
    return docs


_ARRAY_ATTRS = [*Doc._get_array_attrs(), *((SPACY,) if SPACY not in Doc._get_array_attrs() else ())]


def join_docs(parts: list[Doc]) -> Doc:
    """``Doc.from_docs(parts, ensure_whitespace=False)``, the words read as an array.

    spaCy's version reads each token's text and whitespace through a new Token
    object; here the words come from the ORTH column (a string-store look-up each).
    Parts with spans or user data (none in kgbuild's pipelines) go through spaCy's.
    """
    if any(part.spans or part.user_data for part in parts):
        return Doc.from_docs(parts, ensure_whitespace=False)
    array = numpy.concatenate([part.to_array(_ARRAY_ATTRS) for part in parts])
    strings = parts[0].vocab.strings
    words = [strings[orth] for orth in array[:, _ARRAY_ATTRS.index(ORTH)].tolist()]
    spaces = array[:, _ARRAY_ATTRS.index(SPACY)].astype(bool).tolist()
    doc = Doc(parts[0].vocab, words=words, spaces=spaces)
    doc.from_array(_ARRAY_ATTRS, array)
    if any(len(part) for part in parts):
        doc.tensor = numpy.vstack([part.tensor for part in parts if len(part)])
    return doc


@functools.cache
def load_pipeline(model: str) -> Language:
    """The spaCy pipeline of ``model``, loaded once per process."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {model!r} is not installed; install the project with "
            f"`pip install -e .` (it depends on the model package)"
        ) from exc
    nlp.max_length = max(nlp.max_length, 2_000_000)
    split_quote_after_elision(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kgbuild_line_ends", before="parser")
    return nlp


#: an opening quote glued to an elided word and the word after it ("d'«informations", "qu'"une")
_QUOTE_AFTER_ELISION = r"(?<=\w['’])[«\"“](?=\w)"


def split_quote_after_elision(nlp: Language) -> None:
    """Make an opening quote mark glued between an elided word and the next one a token of its
    own: the tokenizer otherwise reads "d'«informations" as one word, and the quote is lost."""
    infixes = [*nlp.Defaults.infixes, _QUOTE_AFTER_ELISION]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


_HYPHENATED_NAME = re.compile(r"^[A-ZÀ-Ý0-9][\w']*(?:-[A-ZÀ-Ý0-9][\w']*)+$")


def keep_names_whole(nlp: Language, kb, words: tuple[str, ...] = ()) -> None:
    """Tokenizer exceptions for hyphenated names and words it would split ("Royaume-Uni").

    A split name loses its NER tag and lets the parser start a sentence at the
    hyphen.  Names come from the knowledge base's labels and aliases, words from
    the language rules ("état-major"); done once per pipeline.
    """
    if nlp.meta.get("_kgbuild_names"):
        return
    if hasattr(kb, "hyphenated_names"):  # the snapshot lists them: no entry is decoded
        labels = kb.hyphenated_names()
    else:
        labels = [label for entry in kb.entries for label in (
            *entry.labels.values(), *(a for aliases in entry.aliases.values() for a in aliases))]
    names = {label for label in labels
             if "-" in label and " " not in label and _HYPHENATED_NAME.match(label)}
    names.update(w for word in words for w in (word, word[:1].upper() + word[1:]))
    for name in sorted(names):
        if len(nlp.tokenizer(name)) > 1:
            nlp.tokenizer.add_special_case(name, [{ORTH: name}])
    nlp.meta["_kgbuild_names"] = True


def find_captions(text: str, rules: LanguageRules) -> tuple[Span, ...]:
    """Segments that are no prose of the article: photo credits ("Image : Name/AGENCY/...") and
    wire datelines ("KIEV, 3 mars (AFP) -"), in text order.  No mention, statement or relation
    is read in them, and no sentence crosses them."""
    spans = [Span(m.start(), m.end()) for m in rules.caption_re.finditer(text)]
    spans += [Span(m.start(), m.end()) for m in rules.dateline_re.finditer(text)]
    return tuple(sorted(spans, key=lambda s: (s.start, s.end)))


def doc_sentences(doc: Doc, text: str | None = None) -> tuple[Span, ...]:
    """Sentence spans trimmed of surrounding whitespace, empty ones dropped.

    ``text`` is ``doc.text`` when the caller has it (spaCy builds it from the tokens).
    """
    # read the sentence starts as an array: iterating doc.sents builds every Token object
    text = doc.text if text is None else text
    marks = doc.to_array([SENT_START, IDX]) if len(doc) else None
    starts = (marks[marks[:, 0] == 1, 1].tolist() if marks is not None else []) or [0]
    if starts[0] != 0:
        starts.insert(0, 0)
    bounds = [*starts, len(text)]
    spans = []
    for start, end in zip(bounds, bounds[1:]):
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        spans.append(Span(start + lead, start + lead + len(stripped)))
    return tuple(spans)
