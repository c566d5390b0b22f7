"""Verified additions: hand-checked facts kept as CSV files in ``data/kb/additions``.

- ``entities.csv``: organisations, media, weapons, places and usage variants
  (key, qid, kind, labels and "|"-separated aliases in fr/en/de, country,
  capital_of, located_in, subclass_of, prior, source);
- ``people.csv``: people with gender, citizenship and party;
- ``positions.csv``: offices held (person, office key, country or organisation
  key, start, end);
- ``demonyms.csv``: adjectives and nouns for a country's people;
- ``not_names.csv``: names a source gives an entry that are wrong for it (dr5hn calls
  Guyana "Guyane", the French name of French Guiana): the build removes them.

Every row carries a ``source`` note.  A QID here must be confirmed in
verified_qids.csv, come from one of the shared source files, or be shown right
after the entry's name in a source's note; the build checks it.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Iterator

from kgbuild.errors import KBError
from kgbuild.kb.records import LANGS, Draft
from kgbuild.kb.vocab import KIND_TYPES, QID_RE

__all__ = ["iter_addition_drafts", "read_not_names", "remove_not_names", "ADDITION_FILES"]

ADDITION_FILES = ("entities.csv", "people.csv", "positions.csv", "demonyms.csv", "not_names.csv")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_KEY = re.compile(r"^(Q[1-9][0-9]*|kb:[a-z0-9][a-z0-9._/-]*)$")


def _rows(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in required if c not in (reader.fieldnames or ())]
            if missing:
                raise KBError(f"{path}: missing columns {missing}")
            for n, row in enumerate(reader, start=2):
                if None in row:
                    raise KBError(f"{path}:{n}: more fields than the header has")
                yield n, {k: (v or "").strip() for k, v in row.items()}
    except FileNotFoundError:
        raise KBError(f"{path}: missing additions file") from None
    except UnicodeDecodeError as exc:
        raise KBError(f"{path}: not UTF-8 ({exc})") from None


def _check_row(path: Path, n: int, row: dict[str, str]) -> None:
    key, qid = row["key"], row.get("qid", "")
    if not _KEY.match(key):
        raise KBError(f"{path}:{n}: bad key {key!r} (a QID or kb:slug)")
    if qid and (not QID_RE.match(qid) or qid != key):
        raise KBError(f"{path}:{n}: the key of an entry with QID {qid!r} must be that QID")
    if not qid and QID_RE.match(key):
        raise KBError(f"{path}:{n}: key {key!r} looks like a QID but the qid column is empty")
    if not row.get("source"):
        raise KBError(f"{path}:{n}: no source note")
    for col in ("country", "capital_of", "located_in", "subclass_of", "member_of"):
        if row.get(col) and not _KEY.match(row[col]):
            raise KBError(f"{path}:{n}: bad {col} key {row[col]!r}")


def _prior(path: Path, n: int, text: str) -> float:
    try:
        value = float(text or 0.5)
    except ValueError:
        raise KBError(f"{path}:{n}: bad prior {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise KBError(f"{path}:{n}: prior {value} outside 0..1")
    return value


def _fill_names(d: Draft, row: dict[str, str]) -> None:
    for lang in LANGS:
        d.set_label(lang, row.get(f"label_{lang}"), override=True)
        for alias in row.get(f"aliases_{lang}", "").split("|"):
            d.add_alias(lang, alias)


def _entities(path: Path) -> Iterator[Draft]:
    cols = ("key", "qid", "kind", "label_fr", "label_en", "label_de", "source")
    for n, row in _rows(path, cols):
        _check_row(path, n, row)
        if row["kind"] not in KIND_TYPES:
            raise KBError(f"{path}:{n}: unknown kind {row['kind']!r} (valid: {sorted(KIND_TYPES)})")
        d = Draft(key=row["key"], qid=row["qid"] or None, kind=row["kind"],
                  source=f"additions:{row['source']}", country=row.get("country") or None,
                  capital_of=row.get("capital_of") or None, located_in=row.get("located_in") or None,
                  subclass_of=[row["subclass_of"]] if row.get("subclass_of") else [],
                  prior=_prior(path, n, row.get("prior", "")), authoritative=True)
        _fill_names(d, row)
        yield d


def _people(path: Path) -> Iterator[Draft]:
    cols = ("key", "qid", "gender", "label_fr", "label_en", "label_de", "country", "source")
    for n, row in _rows(path, cols):
        _check_row(path, n, row)
        if row["gender"] not in ("female", "male", ""):
            raise KBError(f"{path}:{n}: gender must be female, male or empty, not {row['gender']!r}")
        d = Draft(key=row["key"], qid=row["qid"] or None, kind="Person",
                  source=f"additions:{row['source']}", country=row["country"] or None,
                  gender=row["gender"] or None,
                  member_of=[m for m in row.get("member_of", "").split("|") if m],
                  prior=_prior(path, n, row.get("prior", "")), authoritative=True)
        _fill_names(d, row)
        yield d


def _positions(path: Path, people: dict[str, Draft]) -> None:
    for n, row in _rows(path, ("person", "office", "of", "start", "end", "source")):
        person = people.get(row["person"])
        if person is None:
            raise KBError(f"{path}:{n}: person {row['person']!r} is not in people.csv")
        if not re.match(r"^[a-z_]+$", row["office"]):
            raise KBError(f"{path}:{n}: bad office key {row['office']!r}")
        for col in ("start", "end"):
            if row[col] and not _DATE.match(row[col]):
                raise KBError(f"{path}:{n}: {col} must be YYYY-MM-DD, not {row[col]!r}")
        if row["end"] and row["start"] and row["end"] < row["start"]:
            raise KBError(f"{path}:{n}: ends before it starts")
        if not row["source"]:
            raise KBError(f"{path}:{n}: no source note")
        person.positions.append((row["office"], row["of"] or None, row["start"] or None, row["end"] or None))


def _demonyms(path: Path) -> Iterator[Draft]:
    for n, row in _rows(path, ("country", "fr", "en", "de", "source")):
        if not QID_RE.match(row["country"]) and not _KEY.match(row["country"]):
            raise KBError(f"{path}:{n}: bad country key {row['country']!r}")
        d = Draft(key=row["country"], qid=row["country"] if QID_RE.match(row["country"]) else None,
                  kind="Country", source=f"additions:{row['source']}", prior=0.0)
        for lang in LANGS:
            forms = [f for f in row[lang].split("|") if f]
            if lang == "fr":  # plurals: "russes", "nord-coréennes"
                forms += [f + "s" for f in forms if not f.endswith(("s", "x"))]
            if forms:
                d.demonyms[lang] = forms
        yield d


def read_not_names(folder: Path) -> dict[str, dict[str, set[str]]]:
    """not_names.csv: {entry key: {lang: {name, ...}}} (an absent file is no correction)."""
    path = folder / "not_names.csv"
    out: dict[str, dict[str, set[str]]] = {}
    if not path.exists():
        return out
    for n, row in _rows(path, ("key", "lang", "name", "source")):
        if not _KEY.match(row["key"]) or row["lang"] not in LANGS or not row["name"] or not row["source"]:
            raise KBError(f"{path}:{n}: needs a KB key, a language of {LANGS}, a name and a source note")
        out.setdefault(row["key"], {}).setdefault(row["lang"], set()).add(row["name"])
    return out


def remove_not_names(d: Draft, wrong: dict[str, set[str]]) -> None:
    """Drop the wrong names of one entry; a wrong label gives way to its first alias."""
    for lang, names in wrong.items():
        d.aliases[lang] = [a for a in d.aliases.get(lang, []) if a not in names]
        if d.labels.get(lang) in names:
            del d.labels[lang]
            if d.aliases[lang]:
                d.labels[lang] = d.aliases[lang].pop(0)


def iter_addition_drafts(folder: Path) -> Iterator[Draft]:
    """Drafts from the additions folder: entities, people with their positions, demonyms."""
    if not folder.is_dir():
        raise KBError(f"{folder}: no additions folder")
    yield from _entities(folder / "entities.csv")
    people = {d.key: d for d in _people(folder / "people.csv")}
    _positions(folder / "positions.csv", people)
    yield from people.values()
    yield from _demonyms(folder / "demonyms.csv")
