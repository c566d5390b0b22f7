"""Inputs -> Article records: .txt files, folders, .jsonl, .html/.htm and stdin.

``iter_articles(paths)`` yields one Article per document.  The text is kept as
read (only ``\\r\\n`` and lone ``\\r`` become ``\\n``), so every offset computed
later indexes ``Article.text`` exactly.  Bytes are decoded as UTF-8 (with or
without BOM; UTF-16/32 with BOM); failing that as an HTML page's declared
charset, as UTF-8 with stray bytes read as cp1252 when the file is mostly
UTF-8, as cp1252 when charset-normalizer finds it reads as text (Latin-1 and
Windows files of French, English, German news), else as charset-normalizer's
best guess.  A decoding other than UTF-8 is logged as a warning naming the file.

Every string of an Article is valid Unicode (``clean_article``): a lone UTF-16
surrogate (JSON allows ``"\\udc80"``, Python strings hold them) becomes U+FFFD
with a warning naming the file, so no later stage (spaCy, UTF-8 writers) meets
text it cannot encode.  A file with no byte-order mark whose bytes are UTF-16
(every other byte NUL) is read as UTF-16, with a warning.

Control characters a text may hold by accident (a stray NUL or BEL, not tab nor line
breaks) are read as spaces, offsets unchanged, with a warning naming the file and their
count; a file of a binary format (PDF, ZIP or Office, an image, an archive: known by its
first bytes) or full of NUL or control bytes is refused, the error saying what it is.

A bad input (missing, empty, binary, undecodable, too long, a malformed JSONL
line) is an InputError naming the file, the line for JSONL, and the problem.
With ``on_error`` the error goes to that callback and reading goes on with the
next line or file; without it, the error is raised.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from kgbuild.errors import EmptyInputError, InputError
from kgbuild.types import Article

__all__ = ["SUFFIXES", "iter_articles", "read_text", "list_folder", "clean_article"]

log = logging.getLogger(__name__)

#: file suffixes taken from folders (a file named explicitly is read whatever its suffix)
SUFFIXES = (".txt", ".jsonl", ".html", ".htm")

STDIN = "-"
_DEFAULT_LANG = None  # not said by the input: detected later (kgbuild.langid)
_HTML_SIZE_FACTOR = 32  # an HTML page may hold this many bytes per character of text
_LANG_IN_NAME = re.compile(r"^(?P<id>.+)\.(?P<lang>[a-z]{2})$")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_LANG = re.compile(r"""<html[^>]*\slang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.IGNORECASE)
_NEWLINES = re.compile(r"\r\n?")
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# labels that web pages use for what browsers decode as windows-1252
_WEB_CHARSETS = dict.fromkeys(("iso-8859-1", "latin1", "latin-1", "ascii", "us-ascii"), "cp1252")
_CONTROL_BYTES = frozenset(range(32)) - {9, 10, 11, 12, 13, 27}
_SURROGATE = re.compile("[\ud800-\udfff]")
#: control characters a text may hold by accident (tab, line feed, vertical tab, form feed and
#: carriage return are spacing): read as spaces
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
#: the first bytes of files that are no text, whatever bytes follow, and what they are
_BINARY_SIGNATURES = {
    b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP archive or an Office document",
    b"\xd0\xcf\x11\xe0": "an old Office document", b"\x89PNG": "a PNG image", b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image", b"II*\x00": "a TIFF image", b"MM\x00*": "a TIFF image",
    b"RIFF": "a RIFF file (WebP image, WAV sound, AVI video)", b"\x1f\x8b": "a gzip archive",
    b"BZh": "a bzip2 archive", b"\xfd7zXZ": "an xz archive", b"7z\xbc\xaf": "a 7-Zip archive",
    b"Rar!": "a RAR archive", b"\x7fELF": "a program", b"\xca\xfe\xba\xbe": "a program",
    b"OggS": "an Ogg sound or video", b"ID3": "an MP3 sound", b"fLaC": "a FLAC sound", b"wOFF": "a web font",
}
#: a signature of printable characters that also may open a line of prose ("ID3 ...", "RIFF ...")
#: is binary only when a control byte follows it, as it does in those formats; but a file opening
#: on "%PDF" is a PDF whatever follows
_PRINTABLE_SIGNATURES_ALONE = frozenset({b"%PDF"})
_ARTICLE_STRINGS = ("id", "text", "lang", "title", "date", "url", "source", "encoding")

ErrorHandler = Callable[[InputError], object]


def iter_articles(
    paths: str | os.PathLike | Iterable[str | os.PathLike],
    *,
    lang: str | None = None,
    max_chars: int | None = 1_000_000,
    on_error: ErrorHandler | None = None,
) -> Iterator[Article]:
    """Yield the articles of files, folders (recursive, sorted), JSONL, HTML or ``-`` (stdin).

    ``lang`` forces the language of every article; without it an article takes
    its own (JSONL ``lang``, a file-name code as in ``seed.fr.txt``, ``<html
    lang>``), else None: detected later (``kgbuild.langid``).  Texts longer than ``max_chars`` are refused
    (``None``: no limit).  Document ids are unique within the run.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    used: set[str] = set()
    for path in paths:
        for item in _read_path(os.fspath(path), max_chars):
            if isinstance(item, InputError):
                if on_error is None:
                    raise item
                on_error(item)
                continue
            if lang is not None:
                item = replace(item, lang=lang)
            item = clean_article(item)
            yield replace(item, id=_unique_id(item, used))


def read_text(
    text: str,
    id: str = "text",
    *,
    lang: str | None = None,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
    source: str | None = None,
    max_chars: int | None = 1_000_000,
) -> Article:
    """An Article from a string (the Python API): newlines normalised, emptiness and length checked."""
    if not isinstance(text, str):
        raise TypeError(f"read_text expects a str, got {type(text).__name__}")
    where = source or id
    text = _check_text(where, _NEWLINES.sub("\n", text), max_chars)
    return clean_article(Article(
        id=id,
        text=text,
        lang=lang or _DEFAULT_LANG,
        title=title,
        date=_iso_date(where, date),
        url=url,
        source=source,
    ))


def clean_article(article: Article) -> Article:
    """The article with every string valid Unicode: lone surrogates become U+FFFD (logged), and
    its text's control characters spaces (logged; a text read from a file has none left).

    A surrogate pair written as two code points becomes the one character it encodes.
    """
    changes, replaced = {}, 0
    for name in _ARTICLE_STRINGS:
        value = getattr(article, name)
        if isinstance(value, str) and _SURROGATE.search(value):
            changes[name], count = _valid_unicode(value)
            replaced += count
    text = changes.get("text", article.text)
    if not changes and not (isinstance(text, str) and _CONTROL_CHARS.search(text)):
        return article
    doc_id = changes.get("id", article.id)
    where = f"{article.source} [{doc_id}]" if article.source else doc_id
    if replaced:
        log.warning("%s: %d invalid character%s (lone UTF-16 surrogates) replaced by U+FFFD", where,
                    replaced, "s" if replaced > 1 else "")
    if isinstance(text, str):
        changes["text"] = _controls_as_spaces(where, text)
    return replace(article, **changes)


def _controls_as_spaces(where: str, text: str) -> str:
    """The text with its control characters (NUL, BEL, ESC ..., not tab nor line breaks) as
    spaces, offsets unchanged; their count logged, naming the file."""
    text, count = _CONTROL_CHARS.subn(" ", text)
    if count:
        log.warning("%s: %d control character%s (NUL and the like) read as spaces", where, count, "s" if count > 1 else "")
    return text


def _valid_unicode(value: str) -> tuple[str, int]:
    """(value with surrogate pairs joined and lone surrogates as U+FFFD, how many were replaced)."""
    if not _SURROGATE.search(value):
        return value, 0
    fixed = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return fixed, fixed.count("\ufffd") - value.count("\ufffd")


# -- dispatch ---------------------------------------------------------------


def _read_path(path: str, max_chars: int | None) -> Iterator[Article | InputError]:
    if path == STDIN:
        yield _guard(path, lambda: _read_stdin(max_chars))
        return
    p = Path(path)
    if p.is_dir():
        files = list_folder(p)
        if not files:
            yield InputError(path, f"folder holds no {', '.join(SUFFIXES)} file")
        for file in files:
            yield from _read_file(file, str(file), max_chars)
    elif p.exists():
        yield from _read_file(p, path, max_chars)
    else:
        yield InputError(path, "no such file or folder")


def _read_file(p: Path, source: str, max_chars: int | None) -> Iterator[Article | InputError]:
    suffix = p.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(p, source, max_chars)
    elif suffix in (".html", ".htm"):
        yield _guard(source, lambda: _read_html(p, source, max_chars))
    else:
        yield _guard(source, lambda: _read_txt(p, source, max_chars))


def _guard(source: str, read: Callable[[], Article]) -> Article | InputError:
    """Run one read; an OSError or InputError becomes a value the caller routes."""
    try:
        return read()
    except InputError as err:
        return err
    except OSError as err:
        return InputError(source, f"cannot read: {err.strerror or err}")


def list_folder(folder: Path) -> list[Path]:
    """Supported files under a folder, hidden ones skipped, sorted by path."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [
            Path(root, f) for f in files if not f.startswith(".") and Path(f).suffix.lower() in SUFFIXES
        ]
    return sorted(found, key=lambda f: f.relative_to(folder).parts)


# -- plain text, stdin, HTML ----------------------------------------------------


def _read_txt(p: Path, source: str, max_chars: int | None) -> Article:
    data = _read_bytes(p, source, max_chars, factor=4)
    text, encoding = _decode(source, data)
    doc_id, name_lang = _id_from_name(p)
    return Article(
        id=doc_id,
        text=_check_text(source, text, max_chars),
        lang=name_lang or _DEFAULT_LANG,
        source=source,
        encoding=encoding,
    )


def _read_stdin(max_chars: int | None) -> Article:
    source = "<stdin>"
    data = sys.stdin.buffer.read()
    if not data:
        raise EmptyInputError(source, "empty input")
    text, encoding = _decode(source, data)
    return Article(
        id="stdin",
        text=_check_text(source, text, max_chars),
        source=source,
        encoding=encoding,
    )


def _read_html(p: Path, source: str, max_chars: int | None) -> Article:
    import trafilatura  # heavy: imported only when a page is read

    data = _read_bytes(p, source, max_chars, factor=_HTML_SIZE_FACTOR)
    html, encoding = _decode(source, data, declared=_declared_charset(data))
    try:
        with _logs_named(source, "trafilatura", "htmldate", "courlan"):
            doc = trafilatura.bare_extraction(
                html,
                with_metadata=True,
                include_comments=False,
                date_extraction_params={"extensive_search": False, "original_date": True},
            )
    except Exception as err:  # a third-party parser: any failure is this page's problem only
        raise InputError(source, f"cannot parse the HTML page ({type(err).__name__}: {err})") from err
    lines = [line.strip() for line in (doc.text or "").splitlines()] if doc else []
    text = "\n\n".join(line for line in lines if line)  # one block per paragraph
    if not text:
        raise EmptyInputError(source, "no main text found in the HTML page")
    doc_id, name_lang = _id_from_name(p)
    page_lang = _HTML_LANG.search(html[:4096])
    return Article(
        id=doc_id,
        text=_check_text(source, text, max_chars),
        lang=name_lang or (page_lang.group(1).lower() if page_lang else _DEFAULT_LANG),
        title=doc.title or None,
        date=_iso_date(source, doc.date),
        url=doc.url or None,
        source=source,
        encoding=encoding,
    )


@contextlib.contextmanager
def _logs_named(source: str, *loggers: str) -> Iterator[None]:
    """While reading ``source``, log lines of these libraries name the file ("page.html: ...")."""
    def name_the_file(record: logging.LogRecord) -> bool:
        if record.name.split(".")[0] in loggers:
            record.msg = f"{source}: {record.name.split('.')[0]}: {record.getMessage()}"
            record.args = ()
        return True

    handlers = [h for h in logging.getLogger().handlers]
    for handler in handlers:
        handler.addFilter(name_the_file)
    try:
        yield
    finally:
        for handler in handlers:
            handler.removeFilter(name_the_file)


def _declared_charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii").lower() if found else None


# -- JSONL ----------------------------------------------------------------------


def _read_jsonl(p: Path, source: str, max_chars: int | None) -> Iterator[Article | InputError]:
    try:
        handle = p.open("rb")
    except OSError as err:
        yield InputError(source, f"cannot read: {err.strerror or err}")
        return
    with handle:
        head = handle.read(8192)
        if head.count(b"\x00") > 0.01 * len(head):  # a stray NUL only spoils its own line
            yield InputError(source, "binary file, not JSON Lines (contains NUL bytes)")
            return
        handle.seek(0)
        records = 0
        for number, raw in enumerate(handle, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            records += 1
            try:
                yield _parse_jsonl_line(p, source, number, raw, max_chars)
            except InputError as err:
                yield err
    if records == 0:
        yield EmptyInputError(source, "empty file (no JSON line)")


def _parse_jsonl_line(p: Path, source: str, number: int, raw: bytes, max_chars: int | None) -> Article:
    where = f"line {number}"
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise InputError(source, f"{where}: not UTF-8 (byte {err.start + 1})") from err
    except json.JSONDecodeError as err:
        raise InputError(source, f"{where}: invalid JSON ({err.msg}, column {err.colno})") from err
    except ValueError as err:  # an integer of more digits than Python converts (4300)
        raise InputError(source, f"{where}: invalid JSON ({str(err).split(':')[0]})") from err
    except RecursionError as err:
        raise InputError(source, f"{where}: invalid JSON (arrays or objects nested too deeply)") from err
    if not isinstance(record, dict):
        raise InputError(source, f"{where}: expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if text is None:
        raise InputError(source, f"{where}: no 'text' field")
    if not isinstance(text, str):
        raise InputError(source, f"{where}: 'text' must be a string, got {type(text).__name__}")
    for key in ("title", "date", "url", "lang"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise InputError(source, f"{where}: {key!r} must be a string or null")
    doc_id = record.get("id")
    if doc_id is None or doc_id == "":
        doc_id = f"{p.stem}-{number}"
    elif isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):
        raise InputError(source, f"{where}: 'id' must be a string or an integer")
    if not text.strip():
        raise EmptyInputError(source, f"{where}: empty 'text'")
    return Article(
        id=str(doc_id),
        text=_check_text(source, _NEWLINES.sub("\n", text), max_chars, where=f"{where}: "),
        lang=record.get("lang") or _DEFAULT_LANG,
        title=record.get("title") or None,
        date=_iso_date(f"{source}: {where}", record.get("date")),
        url=record.get("url") or None,
        source=source,
        encoding="utf-8",
    )


# -- bytes, text, ids -------------------------------------------------------------


def _read_bytes(p: Path, source: str, max_chars: int | None, factor: int) -> bytes:
    """The file's bytes; refuses before reading a file too big to hold max_chars characters."""
    size = p.stat().st_size
    if max_chars is not None and size > factor * max_chars + 4:
        raise InputError(source, f"too long: {size:,} bytes, over the {factor * max_chars:,} bytes that "
                                 f"--max-chars {max_chars:,} allows ({factor} bytes a character); "
                                 f"raise --max-chars to read it")
    data = p.read_bytes()
    if not data:
        raise EmptyInputError(source, "empty file")
    return data


def _decode(source: str, data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode bytes to text with newlines normalised; returns (text, encoding)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _NEWLINES.sub("\n", data.decode(encoding)), encoding
            except UnicodeDecodeError as err:
                raise InputError(source, f"cannot decode as {encoding} (byte {err.start + 1})") from err
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        log.warning("%s: no byte-order mark, read as %s", source, utf16[1])
        return _NEWLINES.sub("\n", utf16[0]), utf16[1]
    binary = _binary_format(data)
    if binary is not None:
        raise InputError(source, f"binary file, not text ({binary}): convert it to text first")
    try:
        return _NEWLINES.sub("\n", data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    text, encoding = _decode_legacy(source, data, declared)
    log.warning("%s: not UTF-8, decoded as %s", source, encoding)
    return _NEWLINES.sub("\n", text), encoding


def _decode_legacy(source: str, data: bytes, declared: str | None) -> tuple[str, str]:
    """Decode bytes that are not valid UTF-8: declared charset, mostly-UTF-8, cp1252, best guess."""
    from charset_normalizer import from_bytes

    declared = _WEB_CHARSETS.get(declared, declared)
    if declared and declared not in ("utf-8", "utf8"):
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass
    mixed = data.decode("utf-8", errors="replace")
    bad = mixed.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    good = sum(1 for c in mixed if ord(c) > 127 and c != "\ufffd")
    if good > bad:  # UTF-8 with a few stray legacy bytes: read those bytes as cp1252
        return data.decode("utf-8", errors="kgbuild-cp1252"), "utf-8+cp1252"
    for guess in (from_bytes(data, cp_isolation=["cp1252"]).best(), from_bytes(data).best()):
        if guess is not None:
            return str(guess), guess.encoding
    raise InputError(source, "cannot decode: not UTF-8 and no other text encoding fits")


def _decode_stray_bytes(err: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8 are read as cp1252 (latin-1 where cp1252 has a hole)."""
    bad = err.object[err.start : err.end]
    return "".join(_CP1252_OR_LATIN1[b] for b in bad), err.end


_CP1252_OR_LATIN1 = [bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)]
codecs.register_error("kgbuild-cp1252", _decode_stray_bytes)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) when the bytes are UTF-16 without a BOM: NUL in nearly every other byte
    (the high byte of Latin text) and never in the others, decoding to text without controls."""
    head = data[:65536]
    if len(head) < 4 or b"\x00" not in head:
        return None
    even, odd = head[0::2], head[1::2]
    for zeros, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.3 * len(zeros) and other.count(0) == 0:
            try:
                text = data[: len(data) - len(data) % 2].decode(encoding)
            except UnicodeDecodeError:
                return None
            if text and sum(1 for c in text[:65536] if ord(c) in _CONTROL_BYTES) <= 0.01 * len(text):
                return text, encoding
    return None


def _binary_format(data: bytes) -> str | None:
    """What a binary file is, None for text: a file of some binary format (its signature), or one
    whose first 64 KB hold NUL bytes past 1% (and more than 8) or control bytes past 5%.  A text
    with a few stray NULs is text (``_check_text`` reads them as spaces)."""
    head = data[:65536]
    for signature, name in _BINARY_SIGNATURES.items():
        if data.startswith(signature) and _signature_holds(signature, data):
            return name
    if head.count(0) > max(8, 0.01 * len(head)) or sum(1 for b in head if b in _CONTROL_BYTES) > 0.05 * len(head):
        return "control bytes throughout"
    return None


def _signature_holds(signature: bytes, data: bytes) -> bool:
    """Whether ``data``, which opens on ``signature``, is of its format: a signature of printable
    characters ("ID3", "RIFF", "OggS") only when a control byte follows within the first 16 bytes."""
    if signature in _PRINTABLE_SIGNATURES_ALONE or not all(32 <= b < 127 for b in signature):
        return True
    return any(b in _CONTROL_BYTES for b in data[:16])


def _check_text(source: str, text: str, max_chars: int | None, where: str = "") -> str:
    """The text with control characters as spaces; an error for one with no words or too long."""
    text = _controls_as_spaces(f"{source}: {where}".rstrip(": "), text)
    if not text.strip():
        raise EmptyInputError(source, f"{where}no text (only whitespace)")
    if max_chars is not None and len(text) > max_chars:
        raise InputError(source, f"{where}too long: {len(text):,} characters, over --max-chars {max_chars:,}")
    return text


def _id_from_name(p: Path) -> tuple[str, str | None]:
    """'seed.fr.txt' -> ('seed', 'fr'); 'seed.txt' -> ('seed', None)."""
    found = _LANG_IN_NAME.match(p.stem)
    doc_id, lang = (found["id"], found["lang"]) if found else (p.stem, None)
    if not doc_id.strip("."):  # '..txt': the stem '.' names no document; the file name does
        return p.name, lang
    return doc_id, lang


def _unique_id(article: Article, used: set[str]) -> str:
    doc_id, n = article.id, 1
    while doc_id in used:
        n += 1
        doc_id = f"{article.id}-{n}"
    if doc_id != article.id:
        log.warning("%s: document id %r already used in this run; renamed %r", article.source, article.id, doc_id)
    used.add(doc_id)
    return doc_id


def _iso_date(source: str, value: str | None) -> str | None:
    """An ISO 8601 date 'YYYY-MM-DD' from a date or date-time string; a bad one is logged and dropped."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        log.warning("%s: date %r is not an ISO 8601 date; ignored", source, value)
        return None

