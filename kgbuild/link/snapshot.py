"""The embedded snapshot, loaded in-process with its lookup indexes.

    kb = load_snapshot()                       # cached per process and path
    kb.lookup("Kiev")                          # -> [KBEntry Q1899 (City), ...]
    kb.office_holders("chancellor", "Q183", date="2024-11-18")   # -> [Olaf Scholz]
"""

from __future__ import annotations

import datetime as _dt
import gzip
import json
from collections import defaultdict
from pathlib import Path
from threading import Lock

from kgbuild.errors import KBError
from kgbuild.link.keys import acronym_key, is_acronym, match_key, skeleton
from kgbuild.link.vocab import types_of_kind
from kgbuild.types import KBEntry

__all__ = ["Snapshot", "load_snapshot", "default_snapshot_path", "build_index", "index_fingerprint",
           "OFFICE_GROUPS"]

#: generic office keys and the specific offices they cover
OFFICE_GROUPS = {
    "head_of_state": ("president", "supreme_leader"),
    "head_of_government": ("prime_minister", "chancellor", "head_of_government"),
}

_CACHE: dict[Path, "Snapshot"] = {}
_LOCK = Lock()


def default_snapshot_path() -> Path:
    from kgbuild.kb import KB_DIR, SNAPSHOT_FILE

    return KB_DIR / SNAPSHOT_FILE


def _entry(row: dict) -> KBEntry:
    return KBEntry(
        key=row["k"], qid=row.get("q"), kind=row["t"], types=types_of_kind(row["t"]),
        labels=row.get("l", {}), aliases={k: tuple(v) for k, v in row.get("a", {}).items()},
        country=row.get("c"), capital_of=row.get("cap"), located_in=row.get("in"),
        gender=row.get("g"), positions=tuple(tuple(p) for p in row.get("p", ())),
        member_of=tuple(row.get("m", ())), prior=row.get("r", 0.5), source=row.get("src", ""),
    )


class Snapshot:
    """KB entries with indexes by name key, skeleton, acronym, demonym and office."""

    def __init__(self, rows: list[dict], path: Path | None = None, index: dict | None = None) -> None:
        self.path = path
        self.entries: tuple[KBEntry, ...] = tuple(_entry(r) for r in rows)
        self._by_key = {e.key: e for e in self.entries}
        self.subclass_of = {r["k"]: tuple(r["s"]) for r in rows if r.get("s")}
        if index is None or index.get("fingerprint") != index_fingerprint():
            index = build_index(rows)
        self._names: dict[str, list] = index["names"]  # match key -> [[entry key, lang], ...]
        self._skeletons: dict[str, list[str]] = index["skeletons"]
        self._acronyms: dict[str, list[str]] = index["acronyms"]
        self._demonyms: dict[str, list[str]] = index["demonyms"]
        self._offices: dict[str, list] = index["offices"]  # office -> [[key, of, start, end], ...]
        self.name_keys: tuple[str, ...] = tuple(self._names)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, key: str) -> KBEntry | None:
        return self._by_key.get(key)

    def _ranked(self, keys, lang: str | None, langs: dict[str, set[str]] | None = None) -> list[KBEntry]:
        entries = [self._by_key[k] for k in dict.fromkeys(keys)]
        if lang and langs:
            return sorted(entries, key=lambda e: (lang not in langs.get(e.key, ()), -e.prior))
        return sorted(entries, key=lambda e: -e.prior)

    def lookup(self, name: str, lang: str | None = None) -> list[KBEntry]:
        """Entries with a label or alias equal to ``name`` once normalised (best first)."""
        hits: dict[str, set[str]] = defaultdict(set)
        for key, label_lang in self._names.get(match_key(name), ()):
            hits[key].add(label_lang)
        if is_acronym(name.strip()):
            for key in self._acronyms.get(acronym_key(name.strip()), ()):
                hits[key].add(lang or "")
        return self._ranked(hits, lang, hits) if hits else []

    def lookup_key(self, key: str) -> list[tuple[KBEntry, str]]:
        """(entry, lang) pairs for an exact match key (see ``keys.match_key``)."""
        return [(self._by_key[k], lang) for k, lang in self._names.get(key, ())]

    def lookup_acronym(self, name: str) -> list[KBEntry]:
        return [self._by_key[k] for k in self._acronyms.get(acronym_key(name), ())]

    def lookup_skeleton(self, key: str) -> list[KBEntry]:
        return [self._by_key[k] for k in self._skeletons.get(skeleton(key), ())] if len(key) >= 4 else []

    def lookup_demonym(self, name: str) -> list[KBEntry]:
        """Countries (or unions) whose people a demonym names: "nord-coréens" -> Q423."""
        return [self._by_key[k] for k in self._demonyms.get(match_key(name), ())]

    def office_holders(self, office: str, country_key: str | None, date: str | None = None,
                       gender: str | None = None) -> list[KBEntry]:
        """People who held ``office`` for ``country_key`` (any country when None).

        With a date (ISO), those in office that day; without, everyone, current
        holders first, then the most recent.  ``gender`` filters ("female"/"male").
        """
        offices = OFFICE_GROUPS.get(office, (office,))
        today = _dt.date.today().isoformat()
        found: dict[str, tuple] = {}
        for name in offices:
            for key, of, start, end in self._offices.get(name, ()):
                if country_key is not None and of != country_key:
                    continue
                entry = self._by_key[key]
                if gender and entry.gender and entry.gender != gender:
                    continue
                if date is not None and not ((start or "") <= date and (end is None or date < end)):
                    continue
                current = end is None or end > today
                rank = (not current, "" if end is None else _invert(end), _invert(start or ""))
                if key not in found or rank < found[key]:
                    found[key] = rank
        return [self._by_key[k] for k, _ in sorted(found.items(), key=lambda kv: kv[1])]


_PROBES = ("L’Allemagne", "Kim Jong-un", "la région de Koursk", "Zelenskyy", "États-Unis", "d'Ukraine",
           "Kyjiw", "Choïgou", "Bündnis 90/Die Grünen", "U.E.", "OTAN", "missiles de croisière")


def index_fingerprint() -> str:
    """Changes whenever the name keys would: the index must then be rebuilt."""
    return "|".join(f"{match_key(p)}>{skeleton(match_key(p))}>{is_acronym(p)}" for p in _PROBES)


def build_index(rows: list[dict]) -> dict:
    """The lookup indexes of the rows (JSON-able, stored in the snapshot file)."""
    names: dict[str, list] = defaultdict(list)
    skeletons: dict[str, list] = defaultdict(list)
    acronyms: dict[str, list] = defaultdict(list)
    demonyms: dict[str, list] = defaultdict(list)
    offices: dict[str, list] = defaultdict(list)

    def put(bucket: list, value) -> None:
        if value not in bucket:
            bucket.append(value)

    for row in rows:
        key = row["k"]
        pairs = [(lang, n) for lang, n in row.get("l", {}).items()]
        pairs += [(lang, n) for lang, ns in row.get("a", {}).items() for n in ns]
        for lang, name in pairs:
            if is_acronym(name):
                put(acronyms[acronym_key(name)], key)
                continue
            mk = match_key(name)
            if not mk:
                continue
            put(names[mk], [key, lang])
            if len(mk) >= 4:
                put(skeletons[skeleton(mk)], key)
        for forms in row.get("d", {}).values():
            for form in forms:
                put(demonyms[match_key(form)], key)
        for office, of, start, end in row.get("p", ()):
            offices[office].append([key, of, start, end])
    return {"fingerprint": index_fingerprint(), "names": dict(names), "skeletons": dict(skeletons),
            "acronyms": dict(acronyms), "demonyms": dict(demonyms), "offices": dict(offices)}


def _invert(date: str) -> str:
    """A string that sorts later dates first."""
    return "".join(chr(0x7F - ord(c)) for c in date)


def load_snapshot(path: str | Path | None = None) -> Snapshot:
    """The snapshot at ``path`` (default: the shipped one), loaded once per process."""
    path = Path(path) if path is not None else default_snapshot_path()
    with _LOCK:
        cached = _CACHE.get(path)
        if cached is not None:
            return cached
        try:
            opener = gzip.open if path.suffix == ".gz" else open
            with opener(path, "rt", encoding="utf-8") as fh:
                data = json.load(fh)
        except FileNotFoundError:
            raise KBError(f"{path}: no snapshot here; build one with `kgbuild kb build`") from None
        except (OSError, EOFError, json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise KBError(f"{path}: not a readable snapshot ({exc})") from None
        if not isinstance(data, dict) or data.get("format") != 1 or not isinstance(data.get("entries"), list):
            raise KBError(f"{path}: not a kgbuild snapshot (format 1 with an 'entries' list)")
        try:
            snapshot = Snapshot(data["entries"], path, data.get("index"))
        except (KeyError, TypeError, ValueError) as exc:
            raise KBError(f"{path}: malformed entry ({exc!r})") from None
        _CACHE[path] = snapshot
        return snapshot
