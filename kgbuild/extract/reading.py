"""What the statement and relation rules read off a parsed document, made once.

``Reading`` holds the document's tokens, its mentions indexed by offset (``EntityIndex``),
its paired quote marks, its photo-credit sentences and its sentence runs (``Units``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from heapq import heappop, heappush

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from kgbuild.extract.language import LanguageRules
from kgbuild.types import Article, Entity, Mention, Span

__all__ = ["MentionRef", "SpanIndex", "Quotes", "EntityIndex", "find_quotes", "caption_sentences", "Units", "Reading",
           "led_phrase_after", "dominant"]

# --- entity lookup ------------------------------------------------------------------


@dataclass(frozen=True)
class MentionRef:
    """A mention with the entity it belongs to."""

    entity: Entity
    mention: Mention

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        return self.mention.end


class SpanIndex:
    """Items with (start, end) offsets, sorted by start, looked up by overlap or containment in
    O(log n + hits): only items starting less than the longest item's length before a point can
    reach it."""

    def __init__(self, items, start=lambda x: x.start, end=lambda x: x.end) -> None:
        pairs = sorted(((start(x), end(x), i) for i, x in enumerate(items)))
        self._items = list(items)
        self._starts = [p[0] for p in pairs]
        self._ends = [p[1] for p in pairs]
        self._order = [p[2] for p in pairs]
        self._longest = max((e - s for s, e, _ in pairs), default=0)

    def overlapping(self, start: int, end: int) -> list:
        """Items sharing at least one character with [start, end)."""
        lo = bisect_right(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return [self._items[self._order[n]] for n in range(lo, hi) if self._ends[n] > start]

    def containing(self, start: int, end: int) -> list:
        """Items whose span holds [start, end), in start order."""
        lo = bisect_left(self._starts, end - self._longest)
        hi = bisect_right(self._starts, start)
        return [self._items[self._order[n]] for n in range(lo, hi) if self._ends[n] >= end]

    def within(self, start: int, end: int) -> list:
        """Items lying wholly in [start, end), in start order."""
        lo, hi = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return [self._items[self._order[n]] for n in range(lo, hi) if self._ends[n] <= end]


class StatementSpans:
    """A document's statements looked up by the span they hold, in their own order, through a
    span index built once (a long article asks thousands of times which statements hold a word)."""

    def __init__(self, statements) -> None:
        self.statements = tuple(statements)
        self._index = SpanIndex(range(len(self.statements)), start=lambda n: self.statements[n].start,
                                end=lambda n: self.statements[n].end)

    @classmethod
    def of(cls, statements) -> StatementSpans:
        """``statements`` indexed, unless they already are."""
        return statements if isinstance(statements, cls) else cls(statements)

    def holding(self, start: int, end: int) -> list:
        """The statements whose span holds [start, end), in the order they were given."""
        return [self.statements[n] for n in sorted(self._index.containing(start, end))]


class Quotes(tuple):
    """The (open, close) offsets of a document's paired quote marks, in order, with O(log n)
    look-ups (a long article has thousands)."""

    def __new__(cls, pairs=()):
        self = super().__new__(cls, tuple(pairs))
        self._index = SpanIndex(self, start=lambda q: q[0], end=lambda q: q[1] + 1)
        self._opens = [q[0] for q in self]
        self._inner = _merged_insides(self)
        self._inner_starts = [lo for lo, _ in self._inner]
        return self

    def inside(self, pos: int) -> bool:
        """Is ``pos`` strictly between a pair's marks?"""
        n = bisect_right(self._inner_starts, pos) - 1  # asked of every word: one bisection
        return n >= 0 and pos <= self._inner[n][1]

    def near(self, start: int, end: int, margin: int = 2) -> list[tuple[int, int]]:
        """Pairs that touch [start - margin, end + margin), in order."""
        return self._index.overlapping(start - margin, end + margin)

    def first_after(self, pos: int) -> tuple[int, int] | None:
        n = bisect_left(self._opens, pos)
        return self[n] if n < len(self) else None


def _merged_insides(pairs) -> list[tuple[int, int]]:
    """The offsets strictly inside the pairs' marks, as disjoint (first, last) runs in order."""
    runs: list[tuple[int, int]] = []
    for a, b in sorted((a + 1, b - 1) for a, b in pairs if b - a > 1):
        if runs and a <= runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], max(runs[-1][1], b))
        else:
            runs.append((a, b))
    return runs


_UNKNOWN = object()  # an answer not asked yet
#: mentions the relation and statement rules do not read: a site named by the place it is of
#: ("l'aéroport de X") is an entity, but what is said of it is said of the place, as the gold has it
_UNREAD_METHODS = ("facility",)


class EntityIndex:
    """Mentions of a document sorted by offset, looked up by character span."""

    def __init__(self, entities: tuple[Entity, ...]) -> None:
        refs = [MentionRef(e, m) for e in entities for m in e.mentions if m.method not in _UNREAD_METHODS]
        refs.sort(key=lambda r: (r.start, -r.end))
        self.refs = tuple(refs)
        self._starts = [r.mention.start for r in refs]
        self._ends = [r.mention.end for r in refs]
        self._longest = max((r.mention.end - r.mention.start for r in refs), default=0)
        self.entities = {e.id: e for e in entities}
        self._at: dict[int, MentionRef | None] = {}  # at_token's answers by token index

    def overlapping(self, start: int, end: int) -> list[MentionRef]:
        """Mentions that share at least one character with [start, end)."""
        # only mentions starting less than the longest mention's length before ``start`` can reach it
        lo = bisect_right(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return [r for r, r_end in zip(self.refs[lo:hi], self._ends[lo:hi]) if r_end > start]

    def inside(self, start: int, end: int) -> list[MentionRef]:
        """Mentions lying wholly within [start, end), in text order."""
        lo, hi = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return [r for r in self.refs[lo:hi] if r.end <= end]

    def at_token(self, token: Token) -> MentionRef | None:
        """The longest mention covering a token (of the document: remembered by its index, the
        relation rules ask for the same words again and again)."""
        found = self._at.get(token.i, _UNKNOWN)
        if found is not _UNKNOWN:
            return found
        start, end = token.idx, token.idx + len(token.text)
        hits = [r for r in self.overlapping(start, end) if r.start <= start and r.end >= end]
        if not hits:
            hits = self.overlapping(start, end)
        found = self._at[token.i] = max(hits, key=lambda r: r.end - r.start) if hits else None
        return found

    def before(self, pos: int, floor: int = 0) -> list[MentionRef]:
        """Mentions ending at or before ``pos`` (and starting after ``floor``), nearest first."""
        lo, hi = bisect_left(self._starts, floor), bisect_left(self._starts, pos)
        ends = self._ends  # read off the offsets' list, not each mention's (thousands of calls)
        found = [n for n in range(lo, hi) if ends[n] <= pos]
        found.sort(key=lambda n: -ends[n])  # stable: text order between equal ends
        return [self.refs[n] for n in found]

    def nearest_before(self, pos: int, floor: int = 0) -> Iterator[MentionRef]:
        """``before``'s mentions in its order (by end; in text order between equal ends), made as
        they are read: a rule that wants the nearest few reads only those, where a long article
        has thousands before ``pos``."""
        lo, hi = bisect_left(self._starts, floor), bisect_left(self._starts, pos)
        return self._nearest_first(lo, hi, pos)

    def _nearest_first(self, lo: int, hi: int, pos: int) -> Iterator[MentionRef]:
        """``refs[lo:hi]`` ending at or before ``pos``, by decreasing end (by index between equal
        ends), walked back from ``hi``: a mention is given once none not walked yet can end
        after it (those start no later than the next one, so end within ``_longest`` of it)."""
        waiting: list[tuple[int, int]] = []  # (-end, index) of the mentions walked, not given yet
        for n in range(hi - 1, lo - 1, -1):
            reach = self._starts[n] + self._longest  # the furthest end of a mention not walked yet
            while waiting and -waiting[0][0] > reach:
                yield self.refs[heappop(waiting)[1]]
            if self._ends[n] <= pos:
                heappush(waiting, (-self._ends[n], n))
        while waiting:
            yield self.refs[heappop(waiting)[1]]


# --- quotes and captions ----------------------------------------------------------------

_PARAGRAPH = re.compile(r"\n[ \t]*\n")


_QUOTE_MARK = re.compile('["«“»”]')


def find_quotes(text: str) -> tuple[tuple[int, int], ...]:
    """(open, close) offsets of paired quote marks; pairs never cross a blank line."""
    pairs: list[tuple[int, int]] = []
    bounds = [0, *(m.end() for m in _PARAGRAPH.finditer(text)), len(text)]
    for lo, hi in zip(bounds, bounds[1:]):
        stack: list[tuple[str, int]] = []
        for m in _QUOTE_MARK.finditer(text, lo, hi):  # only the marks, not every character
            ch, i = m.group(), m.start()
            role = _mark_role(text, ch, i, stack)
            if role == "open":
                stack.append(("«" if ch == "»" else ch, i))
            elif role is not None:
                while stack and stack[-1][0] != role:
                    stack.pop()
                if stack:
                    pairs.append((stack.pop()[1], i))
    return tuple(sorted(pairs))


#: what may follow a closing quote mark (spaces aside): a comma, a stop, a bracket, a line end
_CLOSING_NEXT = frozenset(",.;:!?)\n")


def _mark_role(text: str, ch: str, i: int, stack: list[tuple[str, int]]) -> str | None:
    """What a quote mark does: "open", the opening mark it closes, or None (a stray mark).  Its
    place tells a mark set the wrong way round: one followed by a comma or a stop closes
    ("blessés “, a déclaré X": the opening “ it closes; 'Taser", au point' with no quote open:
    stray), one glued to the word after it opens ("qu' »aucune attaque ... »")."""
    top = stack[-1][0] if stack else None
    if ch == '"':
        return '"' if top == '"' else None if _closes_here(text, i) else "open"
    if ch == "“":
        return "“" if top == "“" and _closes_here(text, i) else "open"
    if ch == "»":
        return "open" if _opens_here(text, i) and all(s[0] != "«" for s in stack) else "«"
    return "open" if ch == "«" else "“"


def _closes_here(text: str, i: int) -> bool:
    """Is the mark at ``i`` followed (spaces aside) by a comma, a stop, a bracket or a line end?"""
    rest = text[i + 1:i + 8].lstrip(" \t\u00a0\u202f")
    return not rest or rest[0] in _CLOSING_NEXT


def _opens_here(text: str, i: int) -> bool:
    """Is the mark at ``i`` glued to the word after it, with a space or an elision before it,
    or set after an elided word and a space ("qu' » une opération ... »")?"""
    if i + 1 < len(text) and text[i + 1].isalpha() and (i == 0 or text[i - 1] in " \t\n'’("):
        return True
    return i > 1 and text[i - 1] == " " and text[i - 2] in "'’" and text[i - 3:i - 2].isalpha()


def caption_sentences(sentences: tuple[Span, ...], captions: tuple[Span, ...]) -> frozenset[int]:
    """Indices of sentences that are photo credits ("Image : Name/AGENCY")."""
    starts = [s.start for s in sentences]
    found = set()
    for c in captions:  # the sentences from the one holding the credit's start to its end
        k = max(bisect_right(starts, c.start) - 1, 0)
        while k < len(sentences) and sentences[k].start < c.end:
            if c.start < sentences[k].end:
                found.add(k)
            k += 1
    return frozenset(found)


_TERMINAL = (".", "!", "?", "…", "»", '"', "”", ":")
CLOSING_QUOTES = ("»", "”", '"')  # the marks that close a quote (" closes one too)


def _ends_sentence(text: str, end: int) -> bool:
    """Does the text up to ``end`` end (spaces aside) with a sentence-closing mark?"""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end > 0 and text[end - 1] in _TERMINAL


def _quote_closed_at(text: str, start: int) -> bool:
    """Does the sentence at ``start`` open with the mark closing the quote before it, the cue
    after it ("« Fuyez ! » a crié X", '"Fuyez !" a crié X': the parser cuts after the "!")?
    A closing mark is followed by a comma or a lower-case word; an opening one by its quote."""
    if text[start:start + 1] not in CLOSING_QUOTES:
        return False
    rest = text[start + 1:start + 40].lstrip()
    return rest[:1] == "," or rest[:1].islower()


def _goes_on(text: str, prev: Span, s: Span) -> bool:
    """Whether sentence ``s`` goes on with ``prev``, the one right before it in the same
    paragraph: ``prev`` ends with no terminal mark, or ``s`` opens with a comma, a semicolon,
    a lower-case word or the mark closing a quote before it."""
    if "\n" in text[prev.end:s.start]:
        return False
    opener = text[s.start:s.start + 1]
    return not _ends_sentence(text, prev.end) or opener in (",", ";") or opener.islower() \
        or _quote_closed_at(text, s.start)


class Units:
    """Runs of sentences that the parser cut inside one real sentence ("Le Royaume-" | "Uni va
    livrer ...", "Selon le New York Times" | ", la Russie ..."): the rules read a whole run."""

    def __init__(self, doc: Doc, text: str, sentences: tuple[Span, ...],
                 apart: frozenset[int] = frozenset()) -> None:
        """``apart``: sentences that join no run (photo credits, datelines)."""
        self.doc, self.sentences = doc, sentences
        runs: list[list[int]] = []
        for k, s in enumerate(sentences):
            if runs and k - 1 == runs[-1][-1] and k not in apart and k - 1 not in apart \
                    and _goes_on(text, sentences[k - 1], s):
                runs[-1].append(k)
            else:
                runs.append([k])
        self.runs = tuple((r[0], r[-1]) for r in runs)
        self._run_of = {k: n for n, (a, b) in enumerate(self.runs) for k in range(a, b + 1)}
        self._starts = [s.start for s in sentences]
        self._token_starts = doc.to_array([IDX]).tolist() if len(doc) else []

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence holding a character offset (the nearest before it otherwise)."""
        return max(bisect_right(self._starts, pos) - 1, 0)

    def run_at(self, pos: int) -> int:
        """Index of the run holding a character offset."""
        return self._run_of.get(self.sentence_at(pos), 0)

    def run_span(self, k: int) -> tuple[int, int]:
        """Character span of the run holding sentence ``k``."""
        return self.span_of(*self.runs[self._run_of[k]])

    def span_of(self, first: int, last: int) -> tuple[int, int]:
        """Character span of sentences first..last."""
        return self.sentences[first].start, self.sentences[last].end

    def bounds(self, token: Token) -> tuple[int, int]:
        """Token index range [start, end) of the run holding a token."""
        first, last = self.runs[self._run_of[self.sentence_at(token.idx)]]
        start, end = self.span_of(first, last)
        return bisect_left(self._token_starts, start), bisect_left(self._token_starts, end)


class Reading:
    """What the statement and relation rules both read off a parsed document, made once."""

    def __init__(self, doc: Doc, entities: tuple[Entity, ...], sentences: tuple[Span, ...],
                 article: Article, rules: LanguageRules, captions: tuple[Span, ...] | None = None,
                 tokens: list[Token] | None = None, kb=None) -> None:
        self.doc, self.text, self.sentences, self.rules = doc, article.text, sentences, rules
        self.kb = kb  # the gazetteer (``get(key)``), when the caller has one: places' containers
        if captions is None:
            captions = tuple(Span(m.start(), m.end()) for m in rules.caption_re.finditer(article.text))
        # indexing a Doc makes a new Token object each time: one list, shared
        self.tokens = list(doc) if tokens is None else tokens
        self.entities = entities
        self.genders: dict[str, str | None] = {}  # entity id -> grammatical gender, once
        self.index = EntityIndex(entities)
        self.quotes = Quotes(find_quotes(article.text))
        self.skip = caption_sentences(sentences, captions)
        self.units = Units(doc, article.text, sentences, self.skip)
        self._run_tokens: dict[tuple[int, int], list[Token]] = {}

    def run_tokens(self, first: int, last: int) -> list[Token]:
        """The tokens of sentences first..last but spaces (those ``doc.char_span`` expands the run
        to), taken from the shared list: iterating a span makes a new Token object per word, and
        the statement and relation rules both read every run."""
        found = self._run_tokens.get((first, last))
        if found is None:
            span = self.doc.char_span(*self.units.span_of(first, last), alignment_mode="expand")
            found = [t for t in self.tokens[span.start:span.end] if not t.is_space] if span is not None else []
            self._run_tokens[(first, last)] = found
        return list(found)


def run_position(tokens: list[Token], i: int) -> int:
    """The position in a run's token list (``Reading.run_tokens``, spaces dropped) of the doc's
    token ``i``: its index, the next word's for a dropped space ("\\n", a second space, a tab
    inside the run), and its distance from the run's first or last word outside the run (a
    negative or past-the-end position, as a plain ``i - tokens[0].i`` gives when no space is
    dropped); ``i - tokens[0].i`` itself reads past the list once a space was dropped before ``i``."""
    k = bisect_left(tokens, i, key=lambda t: t.i)
    if k == len(tokens):
        return k - 1 + i - tokens[-1].i if tokens else i
    return k if k or tokens[0].i == i else i - tokens[0].i


def led_phrase_after(text: str, end: int, rules: LanguageRules) -> str | None:
    """The words saying who leads it that follow a description ending at ``end`` ("la
    coalition menée par X", "sous commandement saoudien"): one of ``rules.led_phrases``, or None."""
    after = " ".join(text[end:end + 40].split()).lower()
    return next((p for p in rules.led_phrases if after.startswith(p)), None)


def dominant(keys: list[str]) -> str | None:
    """The key of ``keys`` (one per mention, in text order) named at least twice as often as any
    other, None when none is: the state a text is about, say, when two states share it."""
    counts = Counter(keys)
    ranked = counts.most_common(2)
    if not ranked or len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]
