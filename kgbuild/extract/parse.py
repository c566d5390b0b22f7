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

import numpy

import spacy
from spacy.language import Language
from spacy.attrs import DEP, IDX, IS_SPACE, LEMMA, MORPH, ORTH, POS, SENT_START, SPACY, TAG
from spacy.errors import Errors
from spacy.pipeline import Lemmatizer
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


@Language.component("kgbuild_line_ends")
def line_ends(doc: Doc) -> Doc:
    """Before the parser: a line break after a sentence's end starts a sentence (pasted wire
    copy often has no blank line between paragraphs, and the parser would join them).  The
    text is not cut there, so the model still reads each line in its context."""
    # a line break is always in a space token of its own (the tokenizer cuts at every run of
    # spaces): the space tokens are read off the arrays, not the text (``doc.text`` makes a
    # Token object per word)
    if not len(doc):
        return doc
    columns = doc.to_array([IS_SPACE, ORTH])
    spaces = numpy.flatnonzero(columns[:, 0]).tolist()
    strings = doc.vocab.strings
    for i in spaces:
        if not 2 <= i + 1 < len(doc) or "\n" not in strings[int(columns[i, 1])]:
            continue
        last, token = doc[i - 1], doc[i + 1]  # the "." before the break, the next word
        if not token.is_space and last.text[-1:] in _SENTENCE_ENDS:
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
    parsed = iter(_pipe(nlp, [segment for segments in cut for segment in segments]))
    docs = []
    for (text, _), segments in zip(items, cut):
        parts = [next(parsed) for _ in segments]
        doc = parts[0] if len(parts) == 1 else join_docs(parts)
        assert not len(doc) or doc[-1].idx + len(doc[-1].text_with_ws) == len(text)  # the same text
        docs.append(doc)
    return docs


def _pipe(nlp: Language, texts: list[str]):
    """``nlp.pipe(texts)``, the attribute ruler and the lemmatizer applied as arrays when they allow it.

    The components run in order, each on the whole batch, as ``Language.pipe`` runs them.
    spaCy's ruler matches every token against every pattern and sets attributes through a
    Span and a Token per match (2-3% of a French parse); ``_ArrayRuler`` sets the same values.
    spaCy's lemmatizer sets each lemma through a Token; ``_ArrayLemmatizer`` writes the column.
    """
    docs = (nlp.make_doc(text) for text in texts)
    for name, proc in nlp.pipeline:
        ruler = _array_ruler(proc) if name == "attribute_ruler" else _array_lemmatizer(proc)
        if ruler is not None:
            docs = map(ruler, docs)
        elif hasattr(proc, "pipe"):
            docs = proc.pipe(docs, batch_size=nlp.batch_size)
        else:
            docs = map(proc, docs)
    return docs


_RULERS: dict[int, object] = {}


def _array_ruler(proc):
    """The array version of an attribute ruler (remembered), None when it cannot read its patterns."""
    key = id(proc)
    if key not in _RULERS:
        try:
            _RULERS[key] = (proc, _ArrayRuler(proc))
        except _Unsupported:
            _RULERS[key] = (proc, None)
    return _RULERS[key][1]


def _array_lemmatizer(proc):
    """The array version of a spaCy rule or lookup lemmatizer (remembered), else None."""
    key = id(proc)
    if key not in _RULERS:
        supported = (isinstance(proc, Lemmatizer) and proc.mode in ("rule", "lookup")
                     and type(proc).__call__ is Lemmatizer.__call__)
        _RULERS[key] = (proc, _ArrayLemmatizer(proc) if supported else None)
    return _RULERS[key][1]


class _Unsupported(Exception):
    pass


class _ArrayRuler:
    """An AttributeRuler whose patterns are single tokens tested on POS, TAG, IS_SPACE or a DEP
    ``NOT_IN`` list and set TAG, POS, MORPH or DEP (the French model's: the tag from the POS,
    spaces marked).  Every pattern is matched on the parse as it came; where several match a
    token, the later one's value wins (spaCy applies them in order).  What a token gets depends
    on those four values alone: worked out once per combination; the tags are written as an
    array, the other attributes (spaces only, in the French model) token by token."""

    _READ = {"POS": 0, "TAG": 1, "IS_SPACE": 2, "DEP": 3}

    def __init__(self, ruler) -> None:
        strings = ruler.vocab.strings
        self.rules = []
        for entry, attrs in zip(ruler.patterns, ruler.attrs):
            if entry["index"] not in (0, -1) or not set(attrs) <= {TAG, POS, MORPH, DEP}:
                raise _Unsupported
            self.rules.append(([self._test(p, strings) for p in entry["patterns"]], dict(attrs)))
        self._outcomes: dict[tuple[int, ...], tuple[int, tuple]] = {}

    @classmethod
    def _test(cls, pattern, strings) -> list[tuple[int, bool, object]]:
        """(column, whether it must be in, the values) for each attribute the token pattern tests."""
        if len(pattern) != 1 or pattern[0].get("OP") is not None:
            raise _Unsupported
        test = []
        for attr, value in pattern[0].items():
            if attr in ("POS", "TAG") and isinstance(value, str):
                test.append((cls._READ[attr], True, {strings[value]}))
            elif attr == "IS_SPACE" and isinstance(value, bool):
                test.append((cls._READ[attr], True, {int(value)}))
            elif attr == "DEP" and isinstance(value, dict) and list(value) == ["NOT_IN"]:
                test.append((cls._READ[attr], False, {strings[v] for v in value["NOT_IN"]}))
            else:
                raise _Unsupported
        return test

    def _outcome(self, key: tuple[int, ...]) -> tuple[int, tuple]:
        """The tag a token with these (POS, TAG, IS_SPACE, DEP) values ends with, and the other
        attributes set on it."""
        final: dict[int, int] = {}
        for tests, attrs in self.rules:
            if any(all((key[col] in values) == inside for col, inside, values in test) for test in tests):
                final.update(attrs)
        return final.pop(TAG, key[1]), tuple(final.items())

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        outcomes, tags, others = self._outcomes, [], []
        for i, key in enumerate(map(tuple, doc.to_array([POS, TAG, IS_SPACE, DEP]).tolist())):
            outcome = outcomes.get(key)
            if outcome is None:
                if len(outcomes) >= 65536:
                    outcomes.clear()  # memory stays flat over a corpus
                outcome = outcomes[key] = self._outcome(key)
            tags.append(outcome[0])
            if outcome[1]:
                others.append((i, outcome[1]))
        doc.from_array([TAG], numpy.array(tags, dtype=numpy.uint64))
        for i, attrs in others:
            token = doc[i]
            for attr, value in attrs:
                if attr == POS:
                    token.pos = value
                elif attr == DEP:
                    token.dep = value
                else:
                    token.set_morph(value)
        return doc


class _ArrayLemmatizer:
    """A spaCy rule or lookup Lemmatizer whose lemmas are written as a column.

    What such a lemmatizer gives a token depends on its form, POS, tag and morphology alone
    (the rules read the POS and the features, the tables the form): the lemmatizer itself
    works out each combination once, on the first token that has it; a lemma set before is
    kept unless the lemmatizer overwrites, as spaCy's does."""

    _COLUMNS = [ORTH, POS, TAG, MORPH, LEMMA]

    def __init__(self, lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self._lemmas: dict[tuple[int, ...], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lemmatizer, lemmas, column = self.lemmatizer, self._lemmas, []
        if not lemmatizer._validated:  # the tables a mode needs, checked as spaCy's __call__ does
            lemmatizer._validate_tables(Errors.E1004)
        overwrite, strings = lemmatizer.overwrite, doc.vocab.strings
        for i, (*key, lemma) in enumerate(doc.to_array(self._COLUMNS).tolist()):
            if lemma and not overwrite:
                column.append(lemma)
                continue
            value = lemmas.get(key := tuple(key))
            if value is None:
                if len(lemmas) >= 65536:
                    lemmas.clear()  # memory stays flat over a corpus
                value = lemmas[key] = strings.add(lemmatizer.lemmatize(doc[i])[0])
            column.append(value)
        doc.from_array([LEMMA], numpy.array(column, dtype=numpy.uint64))
        return doc


_ARRAY_ATTRS = [*Doc._get_array_attrs(), *((SPACY,) if SPACY not in Doc._get_array_attrs() else ())]


def join_docs(parts: list[Doc]) -> Doc:
    """``Doc.from_docs(parts, ensure_whitespace=False)``, the words read as an array.

    spaCy's version reads each token's text and whitespace through a new Token
    object; here the words are the ORTH column's hashes (the vocabulary's entries).
    Parts with spans or user data (none in kgbuild's pipelines) go through spaCy's.
    """
    if any(part.spans or part.user_data for part in parts):
        return Doc.from_docs(parts, ensure_whitespace=False)
    array = numpy.concatenate([part.to_array(_ARRAY_ATTRS) for part in parts])
    words = array[:, _ARRAY_ATTRS.index(ORTH)].tolist()
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


#: an opening quote glued to an elided word and the word after it ("d'«informations", "qu'"une",
#: and a guillemet set the wrong way round: "qu'»aucune")
_QUOTE_AFTER_ELISION = r"(?<=\w['’])[«»\"“](?=\w)"


def split_quote_after_elision(nlp: Language) -> None:
    """Make an opening quote mark glued between an elided word and the next one a token of its
    own: the tokenizer otherwise reads "d'«informations" as one word, and the quote is lost."""
    infixes = [*nlp.Defaults.infixes, _QUOTE_AFTER_ELISION]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


_HYPHENATED_NAME = re.compile(r"^[A-ZÀ-Ý0-9][\w']*(?:-[A-ZÀ-Ý0-9][\w']*)+$")


def keep_elisions_before_quotes(nlp: Language, elided: tuple[str, ...], quotes: tuple[str, ...]) -> None:
    """Tokenizer exceptions for an elided word glued to an opening quote mark that a space
    follows ("d'« un acte »"): the elided word and the mark, where the tokenizer would cut
    the apostrophe off as a word of its own ("d", "'", "«") and the "de" before the quote is lost;
    and for an elided word standing alone before a quote mark ("qu' « aucune ... »",
    "qu' »aucune ... »"), kept one word for the same reason."""
    for word in elided:
        stem = word[:-1]
        for form in {stem, stem[:1].upper() + stem[1:]}:
            for apostrophe in ("'", "’"):
                nlp.tokenizer.add_special_case(form + apostrophe, [{ORTH: form + apostrophe}])
                for mark in quotes:
                    nlp.tokenizer.add_special_case(form + apostrophe + mark,
                                                   [{ORTH: form + apostrophe}, {ORTH: mark}])


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
