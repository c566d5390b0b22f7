"""The embedded snapshot, loaded in-process with its lookup indexes.

    kb = load_snapshot()                       # cached per process and path
    kb.lookup("Kiev")                          # -> [KBEntry Q1899 (City), ...]
    kb.office_holders("chancellor", "Q183", date="2024-11-18")   # -> [Olaf Scholz]
"""

from __future__ import annotations

import datetime as _dt
import functools
import gzip
import io
import json
import os
import re
from collections import defaultdict
from pathlib import Path
from threading import Lock

from kgbuild.errors import KBError
from kgbuild.kb.keys import acronym_key, is_acronym, match_key, skeleton
from kgbuild.kb.vocab import types_of_kind
from kgbuild.types import KBEntry

__all__ = ["write_snapshot", "read_snapshot_file", "read_snapshot_rows", "KB_DIR", "SNAPSHOT_FILE", "NTRIPLES_FILE", "Snapshot", "load_snapshot", "default_snapshot_path", "build_index", "index_fingerprint",
           "OFFICE_GROUPS"]

#: generic office keys and the specific offices they cover
OFFICE_GROUPS = {
    "head_of_state": ("president", "supreme_leader"),
    "head_of_government": ("prime_minister", "chancellor", "head_of_government"),
}

_CACHE: dict[Path, "Snapshot"] = {}
_LOOKUPS_KEPT = 65536  # answers of ``Snapshot.lookup`` kept per snapshot
_LOCK = Lock()


#: where the shipped snapshot lives, and its files
KB_DIR = Path(__file__).resolve().parents[1] / "data" / "kb"
SNAPSHOT_FILE = "snapshot.json.gz"
NTRIPLES_FILE = "snapshot.nt.gz"
FORMAT_VERSION = 2


def default_snapshot_path() -> Path:
    """The shipped snapshot, or the file named by the KGBUILD_SNAPSHOT environment variable
    (a larger snapshot built from a dump: extraction and linking then both read it)."""
    return Path(os.environ.get("KGBUILD_SNAPSHOT") or KB_DIR / SNAPSHOT_FILE)


def _entry(row: dict) -> KBEntry:
    return KBEntry(
        key=row["k"], qid=row.get("q"), kind=row["t"], types=types_of_kind(row["t"]),
        labels=row.get("l", {}), aliases={k: tuple(v) for k, v in row.get("a", {}).items()},
        country=row.get("c"), capital_of=row.get("cap"), located_in=row.get("in"),
        gender=row.get("g"), positions=tuple(tuple(p) for p in row.get("p", ())),
        member_of=tuple(row.get("m", ())), prior=row.get("r", 0.5), source=row.get("src", ""),
    )


class Snapshot:
    """KB entries with indexes by name key, skeleton, acronym, demonym and office.

    ``rows`` are the snapshot's entries, as dicts or as the JSON text of each (the file
    stores text: an entry is decoded, once, when it is first asked for, so a load reads
    ~20k short strings instead of building ~20k records and their dicts).
    """

    def __init__(self, rows: list[dict] | dict[str, str], path: Path | None = None,
                 index: dict | None = None) -> None:
        self.path = path
        if isinstance(rows, dict):  # packed: key -> JSON text of the row
            self._rows: dict[str, dict | str] = dict(rows)
        else:
            self._rows = {r["k"]: r for r in rows}
        self._cache: dict[str, KBEntry] = {}
        self._looked_up: dict[tuple[str, str | None], tuple[KBEntry, ...]] = {}
        if index is None or index.get("fingerprint") != index_fingerprint():
            index = build_index([self._row(k) for k in self._rows])
        self._names: dict[str, str] = index["names"]  # match key -> "entrykey|lang entrykey|lang"
        self._skeletons: dict[str, str] = index["skeletons"]  # skeleton -> "key key"
        self._acronyms: dict[str, str] = index["acronyms"]
        self._demonyms: dict[str, str] = index["demonyms"]
        self._offices: dict[str, list] = index["offices"]  # office -> [[key, of, start, end], ...]
        self.subclass_of: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in index["subclass_of"].items()}
        self._hyphenated: list[str] = index["hyphenated"]
        self._lowercase: dict[str, frozenset[str]] | None = None if "lowercase_groups" not in index else {
            lang: frozenset(names) for lang, names in index["lowercase_groups"].items()}
        self.name_keys: tuple[str, ...] = tuple(self._names)

    def _row(self, key: str) -> dict:
        row = self._rows[key]
        if isinstance(row, str):
            row = json.loads(row)
            self._rows[key] = row
        return row

    @property
    def entries(self) -> tuple[KBEntry, ...]:
        """Every entry (decodes them all: prefer ``get``, ``lookup`` and ``hyphenated_names``)."""
        return tuple(self._by_key(k) for k in self._rows)

    def keys(self) -> tuple[str, ...]:
        return tuple(self._rows)

    def hyphenated_names(self) -> list[str]:
        """Labels and aliases written as one hyphenated word ("Royaume-Uni"), for the tokenizer."""
        return list(self._hyphenated)

    def lowercase_group_names(self, lang: str) -> frozenset[str]:
        """Names of groups written in lower case in ``lang`` ("talibans"), for mention finding."""
        if self._lowercase is None:  # an older snapshot file: read them off the entries, once
            self._lowercase = {lang: frozenset(names) for lang, names in build_index(
                [self._row(k) for k in self._rows])["lowercase_groups"].items()}
        return self._lowercase.get(lang, frozenset())

    def __len__(self) -> int:
        return len(self._rows)

    def _by_key(self, key: str) -> KBEntry:
        entry = self._cache.get(key)
        if entry is None:
            entry = self._cache[key] = _entry(self._row(key))
        return entry

    def get(self, key: str) -> KBEntry | None:
        return self._by_key(key) if key in self._rows else None

    def _ranked(self, keys, lang: str | None, langs: dict[str, set[str]] | None = None) -> list[KBEntry]:
        entries = [self._by_key(k) for k in dict.fromkeys(keys)]
        if lang and langs:
            return sorted(entries, key=lambda e: (lang not in langs.get(e.key, ()), -e.prior))
        return sorted(entries, key=lambda e: -e.prior)

    def lookup(self, name: str, lang: str | None = None) -> list[KBEntry]:
        """Entries with a label or alias equal to ``name`` once normalised (best first)."""
        # extraction asks for the same words and n-grams again and again: answers are kept
        # (bounded, so memory stays flat over a corpus; the snapshot never changes once loaded)
        found = self._looked_up.get((name, lang))
        if found is None:
            if len(self._looked_up) >= _LOOKUPS_KEPT:
                self._looked_up.clear()
            found = self._looked_up[(name, lang)] = tuple(self._lookup(name, lang))
        return list(found)

    def _lookup(self, name: str, lang: str | None) -> list[KBEntry]:
        hits: dict[str, set[str]] = defaultdict(set)
        for key, label_lang in _pairs(self._names.get(match_key(name))):
            hits[key].add(label_lang)
        if is_acronym(name.strip()):
            for key in _keys(self._acronyms.get(acronym_key(name.strip()))):
                hits[key].add(lang or "")
        return self._ranked(hits, lang, hits) if hits else []

    def lookup_key(self, key: str) -> list[tuple[KBEntry, str]]:
        """(entry, lang) pairs for an exact match key (see ``keys.match_key``)."""
        return [(self._by_key(k), lang) for k, lang in _pairs(self._names.get(key))]

    def lookup_acronym(self, name: str) -> list[KBEntry]:
        return [self._by_key(k) for k in _keys(self._acronyms.get(acronym_key(name)))]

    def lookup_skeleton(self, key: str) -> list[KBEntry]:
        return [self._by_key(k) for k in _keys(self._skeletons.get(skeleton(key)))] if len(key) >= 4 else []

    def lookup_demonym(self, name: str) -> list[KBEntry]:
        """Countries (or unions) whose people a demonym names: "nord-coréens" -> Q423."""
        return [self._by_key(k) for k in _keys(self._demonyms.get(match_key(name)))]

    @functools.cached_property
    def as_of(self) -> str:
        """The day the snapshot's facts are as of: the latest start of an office it holds (ISO).
        An undated article is read as news of that day, not of the day the build runs, so the
        same input gives the same graph whenever it is built."""
        starts = [row[2] for rows in self._offices.values() for row in rows if row[2]]
        return max(starts, default=None) or _dt.date.today().isoformat()

    def office_holders(self, office: str, country_key: str | None, date: str | None = None,
                       gender: str | None = None) -> list[KBEntry]:
        """People who held ``office`` for ``country_key`` (any country when None).

        With a date (ISO), those in office that day; without, everyone, holders on the
        snapshot's ``as_of`` day first, then the most recent.  ``gender`` filters ("female"/"male").
        """
        offices = OFFICE_GROUPS.get(office, (office,))
        today = self.as_of
        found: dict[str, tuple] = {}
        for name in offices:
            for key, of, start, end in self._offices.get(name, ()):
                if country_key is not None and of != country_key:
                    continue
                entry = self._by_key(key)
                if gender and entry.gender and entry.gender != gender:
                    continue
                if date is not None and not ((start or "") <= date and (end is None or date < end)):
                    continue
                current = end is None or end > today
                rank = (not current, "" if end is None else _invert(end), _invert(start or ""))
                if key not in found or rank < found[key]:
                    found[key] = rank
        return [self._by_key(k) for k, _ in sorted(found.items(), key=lambda kv: kv[1])]


_PROBES = ("L’Allemagne", "Kim Jong-un", "la région de Koursk", "Zelenskyy", "États-Unis", "d'Ukraine",
           "Kyjiw", "Choïgou", "Bündnis 90/Die Grünen", "U.E.", "OTAN", "missiles de croisière",
           "Conseil de l'Europe")


def index_fingerprint() -> str:
    """Changes whenever the name keys or the index layout would: the index must then be rebuilt."""
    return f"v{FORMAT_VERSION}|" + "|".join(f"{match_key(p)}>{skeleton(match_key(p))}>{is_acronym(p)}" for p in _PROBES)


def _pairs(packed: str | None) -> list[tuple[str, str]]:
    """"Q1899|fr Q1899|en" -> [("Q1899", "fr"), ("Q1899", "en")]."""
    return [tuple(p.split("|", 1)) for p in packed.split(" ")] if packed else []


def _keys(packed: str | None) -> list[str]:
    return packed.split(" ") if packed else []


_HYPHENATED = re.compile(r"^[A-ZÀ-Ý0-9][\w']*(?:-[A-ZÀ-Ý0-9][\w']*)+$")


def build_index(rows: list[dict]) -> dict:
    """The lookup indexes of the rows (JSON-able, stored in the snapshot file).

    Buckets are packed as one string each (keys separated by spaces, "key|lang" for
    names): a load then reads ~60k strings, not ~60k lists of lists.
    """
    names: dict[str, list] = defaultdict(list)
    skeletons: dict[str, list] = defaultdict(list)
    acronyms: dict[str, list] = defaultdict(list)
    demonyms: dict[str, list] = defaultdict(list)
    offices: dict[str, list] = defaultdict(list)
    hyphenated: set[str] = set()
    lowercase: dict[str, set[str]] = defaultdict(set)  # lang -> group names the press writes in lower case

    def put(bucket: list, value) -> None:
        if value not in bucket:
            bucket.append(value)

    for row in rows:
        key = row["k"]
        pairs = [(lang, n) for lang, n in row.get("l", {}).items()]
        pairs += [(lang, n) for lang, ns in row.get("a", {}).items() for n in ns]
        for lang, name in pairs:
            if _HYPHENATED.match(name):
                hyphenated.add(name)
            if row["t"] == "Group" and name == name.lower() and any(c.isalpha() for c in name):
                lowercase[lang].add(name)
            if is_acronym(name):
                put(acronyms[acronym_key(name)], key)
                continue
            mk = match_key(name)
            if not mk:
                continue
            put(names[mk], f"{key}|{lang}")
            if len(mk) >= 4:
                put(skeletons[skeleton(mk)], key)
        for forms in row.get("d", {}).values():
            for form in forms:
                put(demonyms[match_key(form)], key)
        for office, of, start, end in row.get("p", ()):
            offices[office].append([key, of, start, end])

    def pack(index: dict[str, list]) -> dict[str, str]:
        return {k: " ".join(v) for k, v in index.items()}

    return {"fingerprint": index_fingerprint(), "names": pack(names), "skeletons": pack(skeletons),
            "acronyms": pack(acronyms), "demonyms": pack(demonyms), "offices": dict(offices),
            "subclass_of": {r["k"]: r["s"] for r in rows if r.get("s")}, "hyphenated": sorted(hyphenated),
            "lowercase_groups": {lang: sorted(names) for lang, names in sorted(lowercase.items())}}


def _invert(date: str) -> str:
    """A string that sorts later dates first."""
    return "".join(chr(0x7F - ord(c)) for c in date)


#: the sections of a snapshot file (format 2), in order: key and value lines of each
_SECTIONS = ("entries", "names", "skeletons", "acronyms", "demonyms")


def open_for_writing(path: Path, gz: bool):
    """A text file to write; gzipped without a time stamp, so one input gives one file."""
    if not gz:
        return open(path, "w", encoding="utf-8")
    return io.TextIOWrapper(gzip.GzipFile(filename="", mode="wb", compresslevel=9, mtime=0,
                                          fileobj=open(path, "wb")), encoding="utf-8")


def write_snapshot(path: Path, rows: list[dict], header: dict) -> None:
    """Write rows and their index as the line format ``read_snapshot_file`` reads.

    Line 1 is a JSON header (format, licences, the small indexes, the size of each
    section); then each section as pairs of lines: a key, then its value (an entry's
    row as JSON, or an index bucket packed as one string).  A load splits the text into
    lines and zips them into dicts (no per-line Python work, no large JSON document),
    and decodes an entry only when it is asked for.
    """
    index = build_index(rows)
    sections = {"entries": {r["k"]: json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in rows}}
    sections.update({name: index[name] for name in _SECTIONS[1:]})
    head = dict(header, format=FORMAT_VERSION, fingerprint=index["fingerprint"], offices=index["offices"],
                subclass_of=index["subclass_of"], hyphenated=index["hyphenated"],
                lowercase_groups=index["lowercase_groups"],
                sections=[[name, len(sections[name])] for name in _SECTIONS])
    tmp = path.with_name(path.name + ".tmp")
    with open_for_writing(tmp, gz=path.suffix == ".gz") as fh:
        fh.write(json.dumps(head, ensure_ascii=False, separators=(",", ":")) + "\n")
        for name in _SECTIONS:
            for k, v in sections[name].items():
                fh.write(f"{k}\n{v}\n")
    tmp.replace(path)


def read_snapshot_file(path: Path) -> Snapshot:
    """Read a snapshot file (format 2 lines, or a format 1 JSON document); KBError names the problem."""
    try:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:
            text = fh.read()
    except FileNotFoundError:
        raise KBError(f"{path}: no snapshot here; build one with `kgbuild kb build`") from None
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise KBError(f"{path}: not a readable snapshot ({exc})") from None
    first, _, rest = text.partition("\n")
    try:
        head = json.loads(first)
    except json.JSONDecodeError:
        try:
            head, rest = json.loads(text), ""
        except json.JSONDecodeError as exc:
            raise KBError(f"{path}: not a readable snapshot ({exc})") from None
    if not isinstance(head, dict) or head.get("format") not in (1, FORMAT_VERSION):
        raise KBError(f"{path}: not a kgbuild snapshot (format {FORMAT_VERSION}, see kgbuild.kb.reader)")
    try:
        if head["format"] == 1:
            if not isinstance(head.get("entries"), list):
                raise KBError(f"{path}: not a kgbuild snapshot (format 1 with an 'entries' list)")
            return Snapshot(head["entries"], path, None)
        lines = rest.split("\n")
        sections, at = {}, 0
        for name, size in head["sections"]:
            if name not in _SECTIONS or at + 2 * size > len(lines):
                raise KBError(f"{path}: section {name!r} is cut short or unknown (file truncated?)")
            sections[name] = dict(zip(lines[at:at + 2 * size:2], lines[at + 1:at + 2 * size:2]))
            at += 2 * size
        index = {name: sections[name] for name in _SECTIONS[1:]}
        index.update({k: head[k] for k in ("fingerprint", "offices", "subclass_of", "hyphenated")})
        if "lowercase_groups" in head:  # absent from snapshots written before it was indexed
            index["lowercase_groups"] = head["lowercase_groups"]
        return Snapshot(sections["entries"], path, index)
    except KBError:
        raise
    except (KeyError, TypeError, ValueError, json.JSONDecodeError) as exc:
        raise KBError(f"{path}: malformed snapshot ({exc!r})") from None


def read_snapshot_rows(path: str | Path) -> tuple[dict, list[dict]]:
    """The header and every row of a snapshot file, decoded (for checks and tools)."""
    snapshot = read_snapshot_file(Path(path))
    opener = gzip.open if Path(path).suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        head = json.loads(fh.readline())
    return head, [snapshot._row(k) for k in snapshot.keys()]


def load_snapshot(path: str | Path | None = None) -> Snapshot:
    """The snapshot at ``path`` (default: the shipped one), loaded once per process."""
    path = Path(path) if path is not None else default_snapshot_path()
    with _LOCK:
        cached = _CACHE.get(path)
        if cached is None:
            cached = _CACHE[path] = read_snapshot_file(path)
        return cached
