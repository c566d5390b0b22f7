"""The text extraction reads: the article's with its spacing made plain, offsets mapped back.

Two layouts mislead the parser and the rules though the words are the same:

- hard-wrapped text (e-mails, wire feeds, PDFs converted to text): paragraphs cut into lines
  of some 60 to 100 columns by single line breaks, which cut a sentence, a claim ("selon X,
  ...") or a name at the margin.  A line break inside such a paragraph reads as a space;
- runs of spaces, tabs or no-break spaces inside a line ("Jean  Dupont"): the parser takes
  the run for a word of its own.  A run reads as one space, a tab as a space.

``read_spacing(text)`` gives the text to parse and read; every offset found in it is mapped
back to the article's text (``restore``), and mention and statement texts are sliced from
the article's text again, so they stay verbatim (a quote keeps its line breaks).  A text with
neither layout is read as it is (``Spacing.changed`` false).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from kgbuild.types import Extraction, Span

__all__ = ["Spacing", "read_spacing", "restore", "soft_breaks"]

_BLANKS = " \t\u00a0\u2000-\u200a\u202f\u205f\u3000"
#: a run of two or more blanks, or a tab, inside a line
_RUN = re.compile(f"[{_BLANKS}]{{2,}}|\t")
#: a line break with the blanks around it
_BREAK = re.compile(f"[{_BLANKS}]*\n[{_BLANKS}]*")
#: a line that opens an item of its own: a bullet, a number, a dash
_ITEM = re.compile(r"[-–—•*·>]|\d{1,2}[.)]\s")
_MIN_WIDTH, _MAX_WIDTH = 40, 110  # the margins hard-wrapped text is cut at
_NEAR_MARGIN = 25  # a line of a wrapped paragraph ends at most this many columns before the margin
_MIN_WRAPPED = 3  # line breaks at the margin a text needs to read as wrapped


@dataclass(frozen=True)
class Spacing:
    """The text to read and, for each of its stretches, where the stretch starts in the article's."""

    text: str
    starts: tuple[int, ...] = (0,)  # stretch starts in ``text``
    origins: tuple[int, ...] = (0,)  # the same starts in the article's text

    @property
    def changed(self) -> bool:
        return len(self.starts) > 1

    def at(self, pos: int) -> int:
        """The article offset of the character at ``pos`` of the read text."""
        n = bisect_right(self.starts, pos) - 1
        return self.origins[n] + (pos - self.starts[n])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The article offsets of the read text's [start, end)."""
        if end <= start:
            at = self.at(start)
            return at, at
        return self.at(start), self.at(end - 1) + 1


def soft_breaks(text: str) -> list[re.Match]:
    """The line breaks inside the paragraphs of a hard-wrapped text (none in other text): the
    text's longest line is 40 to 110 columns wide, at least three line breaks end a line near
    that margin, and those are most of the breaks between two lines of words; a break is soft
    when the line before it ends near the margin and the next line is no bullet or numbered item."""
    lines = text.split("\n")
    width = max(len(line.rstrip()) for line in lines)
    if not _MIN_WIDTH <= width <= _MAX_WIDTH:
        return []
    inner = [m for m in _BREAK.finditer(text) if 0 < m.start() and m.end() < len(text)
             and text[m.start() - 1] != "\n" and text[m.end()] != "\n"]
    soft = [m for m in inner if _near_margin(text, m, width) and not _ITEM.match(text, m.end())]
    if len(soft) < _MIN_WRAPPED or 2 * len(soft) < len(inner):
        return []
    return soft


def _near_margin(text: str, found: re.Match, width: int) -> bool:
    """Whether the line ending at a break reaches near the margin."""
    line_start = text.rfind("\n", 0, found.start()) + 1
    return found.start() - line_start >= width - _NEAR_MARGIN


def read_spacing(text: str) -> Spacing:
    """The text to read (soft line breaks and runs of blanks as one space) and its offset map."""
    cuts = sorted([(m.start(), m.end()) for m in soft_breaks(text)] + [
        (m.start(), m.end()) for m in _RUN.finditer(text) if m.group() != " "])
    if not cuts:
        return Spacing(text)
    pieces, starts, origins, done, size = [], [0], [0], 0, 0
    for a, b in cuts:
        if a < done:  # a run inside a soft break already read
            continue
        pieces += [text[done:a], " "]
        size += a - done
        starts += [size, size + 1]
        origins += [a, b]
        size, done = size + 1, b
    pieces.append(text[done:])
    return Spacing("".join(pieces), tuple(starts), tuple(origins))


def restore(extraction: Extraction, spacing: Spacing, article) -> Extraction:
    """The extraction of the read text with its offsets in the article's text (``article``) and
    its mention and statement texts sliced from it."""
    if not spacing.changed:
        return extraction
    text = article.text

    def span(s: Span) -> Span:
        return Span(*spacing.span(s.start, s.end))

    def mention(m):
        start, end = spacing.span(m.start, m.end)
        return replace(m, start=start, end=end, text=text[start:end])

    def statement(s):
        start, end = spacing.span(s.start, s.end)
        cue_start, cue_end = spacing.span(s.cue_start, s.cue_end) if s.cue_start is not None else (None, None)
        return replace(s, start=start, end=end, text=text[start:end], cue_start=cue_start, cue_end=cue_end)

    def relation(r):
        start, end = spacing.span(r.start, r.end)
        return replace(r, start=start, end=end)

    return replace(
        extraction, article=article, sentences=tuple(map(span, extraction.sentences)),
        captions=tuple(map(span, extraction.captions)),
        entities=tuple(replace(e, mentions=tuple(map(mention, e.mentions))) for e in extraction.entities),
        statements=tuple(map(statement, extraction.statements)),
        relations=tuple(map(relation, extraction.relations)))
