"""Office holders from ``shared/wikidata-sources/everypolitician-wikidata`` as ``Draft`` people.

Every file there is Wikidata query output saved by EveryPolitician (CC0): a
person QID next to the name, a position label and dates.  The position label
becomes an office key through ``data/kb/offices.csv`` (first matching pattern);
unmatched positions keep the person, without the position.  The file
``*_UNVERIFIED_transcribed.csv`` was copied by hand: only its name <-> QID pairs
are used, never its offices.

    drafts = list(iter_politician_drafts(src, country_keys, verified, log))
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from kgbuild.errors import KBError
from kgbuild.kb.records import Draft
from kgbuild.kb.vocab import QID_RE

__all__ = ["iter_politician_drafts", "office_of", "OFFICES_FILE"]

OFFICES_FILE = Path(__file__).resolve().parents[1] / "data" / "kb" / "offices.csv"
FOLDER = "everypolitician-wikidata"
SOURCE = "everypolitician"

#: files with one country's office holders: file -> country QID (Ukraine, Russia, US, UK)
_COUNTRY_FILES = {
    "ukraine_cabinet_current_2022.csv": "Q212", "ukraine_officeholders_since2000_2022.csv": "Q212",
    "russia_cabinet_current_2022.csv": "Q159", "russia_officeholders_since2000_2022.csv": "Q159",
    "us_cabinet_current_2022.csv": "Q30", "us_officeholders_since2000_2022.csv": "Q30",
    "united-kingdom_cabinet_current_2022.csv": "Q145", "united-kingdom_officeholders_since2000_2022.csv": "Q145",
}
#: offices whose holders are well known enough to be named without context
_HIGH_OFFICES = {"president", "prime_minister", "chancellor", "supreme_leader", "monarch", "foreign_minister",
                 "defence_minister", "secretary_general", "vice_president"}
_DATE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")


@lru_cache(maxsize=4)
def _office_patterns(path: Path = OFFICES_FILE) -> tuple[tuple[re.Pattern, str], ...]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except FileNotFoundError:
        raise KBError(f"{path}: missing office patterns file") from None
    out = []
    for n, row in enumerate(rows, start=2):
        try:
            out.append((re.compile(row["pattern"], re.I), row["office"]))
        except (re.error, KeyError) as exc:
            raise KBError(f"{path}:{n}: bad office pattern ({exc})") from None
    return tuple(out)


def office_of(position: str) -> str | None:
    """The office key of a position label ("Minister of Foreign Affairs" -> "foreign_minister")."""
    position = position.strip()
    for pattern, office in _office_patterns():
        if pattern.match(position):
            return office
    return None


def _date(value: str | None, end: bool = False) -> str | None:
    value = (value or "").strip()[:10]
    if not _DATE.match(value):
        return None
    if len(value) == 4:  # a year: from its first day, or to its last
        return f"{value}-12-31" if end else f"{value}-01-01"
    return value


def _read(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return [{k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(fh)]
    except (UnicodeDecodeError, csv.Error) as exc:
        raise KBError(f"{path}: unreadable CSV ({exc})") from None


def _person(qid: str, name: str, country: str | None, gender: str | None = None) -> Draft:
    d = Draft(key=qid, qid=qid, kind="Person", source=SOURCE, country=country, prior=0.3,
              gender=gender if gender in ("male", "female") else None)
    for lang in ("en", "fr", "de"):
        d.set_label(lang, name)
    return d


def _add_position(d: Draft, label: str, of: str | None, start: str | None, end: str | None) -> None:
    office = office_of(label)
    if office is None:
        return
    pos = (office, of, start, end)
    if pos not in d.positions:
        d.positions.append(pos)
    if office in _HIGH_OFFICES:
        d.prior = max(d.prior, 0.45 if office != "foreign_minister" else 0.4)


def _rows_of(src: Path, log) -> Iterator[tuple[str, dict[str, str]]]:
    folder = src / FOLDER
    if not folder.is_dir():
        log.drop(f"{FOLDER}: folder absent, no office holders read")
        return
    for path in sorted(folder.glob("*.csv")):
        for row in _read(path):
            yield path.name, row


def iter_politician_drafts(src: Path, country_keys: dict[str, str], verified, log) -> Iterator[Draft]:
    """People (with their offices) from every EveryPolitician file; ``country_keys``: English
    country name -> KB key (for the files that name the jurisdiction only)."""
    for fname, row in _rows_of(src, log):
        unverified = "UNVERIFIED" in fname
        if fname in _COUNTRY_FILES:
            qid, name, of = row.get("personID", ""), row.get("person", ""), _COUNTRY_FILES[fname]
            label, start, end = row.get("position", ""), row.get("start"), row.get("end")
        elif fname.startswith("world_leaders"):
            qid, name, of = row.get("officeholder", ""), row.get("officeholderLabel", ""), row.get("countryid")
            label, start, end = row.get("positionLabel", ""), row.get("start_year"), row.get("end_year")
        elif fname.startswith("foreign_ministers"):
            qid, name, of = row.get("person", ""), row.get("name", ""), row.get("country")
            label, start, end = row.get("positionLabel", ""), row.get("start"), None
        elif fname.startswith("un_icj"):
            qid, name, of = row.get("personID", ""), row.get("person", ""), None
            label, start, end = row.get("position", ""), row.get("start"), row.get("end")
        elif fname.startswith("ministers_appointed"):
            of = country_keys.get(row.get("jurisdictionLabel", ""))
            label = row.get("positionLabel", "")
            for qid, name, start, end in ((row.get("item", ""), row.get("itemLabel", ""), row.get("after"), None),
                                          (row.get("predecessor", ""), row.get("predecessorLabel", ""), None,
                                           row.get("after"))):
                d = _checked(qid, name, of, None, verified, log, fname)
                if d is not None:
                    _add_position(d, label, of, _date(start), _date(end, True))
                    yield d
            continue
        else:
            log.drop(f"{FOLDER}/{fname}: unknown file, skipped")
            continue
        d = _checked(qid, name, of if QID_RE.match(of or "") else None, row.get("gender"), verified, log, fname)
        if d is None:
            continue
        if not unverified and label:
            _add_position(d, label, of if QID_RE.match(of or "") else None, _date(start), _date(end, True))
        yield d


def _checked(qid: str, name: str, country: str | None, gender: str | None, verified, log, fname: str) -> Draft | None:
    if not name or not QID_RE.match(qid or "") or name == qid:
        log.drop(f"{FOLDER}: row without person QID or name")
        return None
    if qid in verified.refuted:
        log.drop("refuted QID")
        return None
    return _person(qid, name, country, gender)
