"""The text extraction reads: the article's with its spacing made plain, offsets mapped back.

Some layouts mislead the parser and the rules though the words are the same:

- hard-wrapped text (e-mails, wire feeds, PDFs converted to text): paragraphs cut into lines
  of some 40 to 110 columns by single line breaks, which cut a sentence, a claim ("selon X,
  ...") or a name at the margin.  A line break inside such a paragraph reads as a space;
- runs of spaces, tabs or no-break spaces inside a line ("Jean  Dupont"): the parser takes
  the run for a word of its own.  A run reads as one space, a tab as a space;
- markup pasted with the text: HTML tags and character entities ("&eacute;"), Markdown
  emphasis, headings and links ("[Jean Dupont](https://...)"), web and e-mail addresses.
  Tags, emphasis marks, a link's target and addresses read as blanks (no name runs into
  them), an entity as its character.

``read_spacing(text)`` gives the text to parse and read; every offset found in it is mapped
back to the article's text (``restore``), and mention and statement texts are sliced from
the article's text again, so they stay verbatim (a quote keeps its line breaks).  A text with
none of these is read as it is (``Spacing.changed`` false).
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from kgbuild.types import Article, Extraction, Span

__all__ = ["Spacing", "read_spacing", "restore", "soft_breaks"]

#: the blanks inside a line: space, tab, no-break spaces, the typographic spaces U+2000 to U+200A
_BLANKS = " \t\u00a0\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
_SPACING = frozenset(_BLANKS + "\n")  # blanks and line breaks
#: markup read as blanks: an HTML tag or comment, a web or e-mail address, Markdown emphasis
#: (around a word), heading marks and an e-mail's quotation marks ("> " opening a line)
_MARKUP = re.compile(
    r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>"
    r"|\b(?:https?://|www\.)[^\s<>\"«»]*[^\s<>\"«».,;:!?)\]]"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
    r"|\*\*(?=\S)|(?<=\S)\*\*|__(?=\w)|(?<=\w)__|(?<![\w*])\*(?=\w)|(?<=\w)\*(?![\w*])"
    r"|^#{1,6}(?= )|^[ \t]*>(?:[ \t]*>)*", re.MULTILINE | re.DOTALL)
#: what each markup opens with or holds (a tag, an address, emphasis, a heading, a quotation mark,
#: a link): a text with none of them holds no markup, and the costly patterns are not run on it
_MARKUP_SIGNS = ("<", "http", "www.", "@", "*", "__", "#", ">", "](")
#: a Markdown link: [words](target)
_MD_LINK = re.compile(r"\[([^\[\]\n]{1,200})\]\([^()\s]{1,500}\)")
#: an HTML character entity
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
#: a run of two or more blanks, or a tab, inside a line
_RUN = re.compile(f"[{_BLANKS}]{{2,}}|\t")
#: a line break with the blanks around it
_BREAK = re.compile(f"[{_BLANKS}]*\n[{_BLANKS}]*")
#: a line that opens an item of its own: a bullet, a number, a dash
_ITEM = re.compile(r"[-–—•*·]|\d{1,2}[.)]\s")
_MIN_WIDTH, _MAX_WIDTH = 40, 110  # the margins hard-wrapped text is cut at
_NEAR_MARGIN = 25  # a line of a wrapped paragraph ends at most this many columns before the margin
_MIN_WRAPPED = 3  # line breaks at the margin a text needs to read as wrapped


@dataclass(frozen=True)
class Spacing:
    """The text to read and its stretches: each starts at ``starts[n]`` in it and at
    ``origins[n]`` in the article's text; a stretch the reading rewrote (a blank run, an
    entity) ends at ``ends[n]`` there, one copied has ``ends[n]`` -1."""

    text: str
    starts: tuple[int, ...] = (0,)
    origins: tuple[int, ...] = (0,)
    ends: tuple[int, ...] = (-1,)

    @property
    def changed(self) -> bool:
        return len(self.starts) > 1

    def at(self, pos: int) -> int:
        """The article offset of the character at ``pos`` of the read text."""
        n = bisect_right(self.starts, pos) - 1
        return self.origins[n] if self.ends[n] >= 0 else self.origins[n] + (pos - self.starts[n])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The article offsets of the read text's [start, end): a rewritten stretch whole."""
        if end <= start:
            at = self.at(start)
            return at, at
        n = bisect_right(self.starts, end - 1) - 1
        return self.at(start), self.ends[n] if self.ends[n] >= 0 else self.at(end - 1) + 1


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
    """The text to read (blank runs, soft line breaks and markup as one space, entities as their
    character) and its offset map."""
    edits = sorted(_blank_runs(text) + _entities(text))
    if not edits:
        return Spacing(text)
    pieces, starts, origins, ends, done, size = [], [0], [0], [-1], 0, 0
    for a, b, new in edits:
        if a < done:  # an entity inside a blank run (an address)
            continue
        pieces += [text[done:a], new]
        size += a - done
        starts += [size, size + len(new)]
        origins += [a, b]
        ends += [b, -1]
        size, done = size + len(new), b
    pieces.append(text[done:])
    return Spacing("".join(pieces), tuple(starts), tuple(origins), tuple(ends))


def _blank_runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, what it reads as) of each run of blanks holding markup, a soft line break,
    a tab or several blanks: one space, or its line breaks where it holds some that are not soft
    (a paragraph's end stays one)."""
    soft = {m.start(): m.end() for m in soft_breaks(text)}
    spans = sorted([*soft.items(), *((m.start(), m.end()) for m in _RUN.finditer(text)), *_markup(text)])
    runs: list[list[int]] = []
    for a, b in spans:
        a, b = _widen(text, a, b)
        if runs and a <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], b)
        else:
            runs.append([a, b])
    soft_ends = {text.index("\n", a, b) for a, b in soft.items()}
    out = []
    for a, b in runs:
        hard = sum(1 for i in range(a, b) if text[i] == "\n" and i not in soft_ends)
        out.append((a, b, "\n" * hard or " "))
    return out


def _widen(text: str, a: int, b: int) -> tuple[int, int]:
    """A blank span with the blanks and line breaks around it."""
    while a > 0 and text[a - 1] in _SPACING:
        a -= 1
    while b < len(text) and text[b] in _SPACING:
        b += 1
    return a, b


def _markup(text: str) -> list[tuple[int, int]]:
    """The spans of markup read as blanks: tags, addresses, emphasis, heading and quotation marks
    and a Markdown link's brackets and target (its words are read)."""
    if not any(sign in text for sign in _MARKUP_SIGNS):
        return []
    spans = [m.span() for m in _MARKUP.finditer(text)]
    for m in _MD_LINK.finditer(text):
        spans += [(m.start(), m.start() + 1), (m.end(1), m.end())]
    return spans


def _entities(text: str) -> list[tuple[int, int, str]]:
    """(start, end, character) of each HTML character entity; a no-break space's is a blank."""
    out = []
    for m in _ENTITY.finditer(text):
        char = html.unescape(m.group())
        if len(char) == 1 and char != m.group():
            out.append((m.start(), m.end(), " " if char.isspace() else char))
    return out


def restore(extraction: Extraction, spacing: Spacing, article: Article) -> Extraction:
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
