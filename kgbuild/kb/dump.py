"""Grow the snapshot from a Wikidata JSON dump (``kgbuild kb build --from-dump FILE``).

The dump (``latest-all.json.bz2``, or .gz, or plain) is one JSON entity per
line inside a top-level array; it is read line by line, so memory stays flat
whatever its size.  Items whose wdt:P31 is one of the selected classes become
drafts: labels and aliases in fr/en/de ("mul" labels fill missing languages),
country (P17/P27), region (P131), capital of (P1376), gender (P21); the prior
grows with the number of sitelinks.
"""

from __future__ import annotations

import bz2
import gzip
import json
import math
from pathlib import Path
from typing import Iterator

from kgbuild.errors import KBError
from kgbuild.kb.records import LANGS, Draft
from kgbuild.kb.vocab import CLASS_KINDS, GENDER_QIDS, QID_RE

__all__ = ["DEFAULT_CLASSES", "iter_dump_drafts", "iter_dump_entities"]

#: classes kept by default: CLASS_KINDS without the broadest ones (organization, business)
DEFAULT_CLASSES = {q: k for q, k in CLASS_KINDS.items() if q not in ("Q43229", "Q4830453")}


def _open(path: Path):
    if path.suffix == ".bz2":
        return bz2.open(path, "rt", encoding="utf-8")
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def iter_dump_entities(path: Path) -> Iterator[dict]:
    """Each entity of a dump, streamed; a broken line raises KBError naming the file and line."""
    try:
        with _open(path) as fh:
            for n, line in enumerate(fh, start=1):
                line = line.strip().rstrip(",")
                if line in ("", "[", "]"):
                    continue
                try:
                    entity = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise KBError(f"{path}:{n}: not a JSON entity ({exc.msg})") from None
                if isinstance(entity, dict):
                    yield entity
    except FileNotFoundError:
        raise KBError(f"{path}: no such dump") from None
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise KBError(f"{path}: unreadable dump ({exc})") from None


def _claim_ids(entity: dict, prop: str) -> list[str]:
    out = []
    for claim in (entity.get("claims") or {}).get(prop, ()):
        if claim.get("rank") == "deprecated":
            continue
        value = ((claim.get("mainsnak") or {}).get("datavalue") or {}).get("value")
        if isinstance(value, dict) and QID_RE.match(str(value.get("id", ""))):
            out.append(value["id"])
    return out


def _draft(entity: dict, kind: str, source: str) -> Draft:
    qid = entity["id"]
    sitelinks = len(entity.get("sitelinks") or {})
    d = Draft(key=qid, qid=qid, kind=kind, source=source,
              prior=round(min(0.9, 0.2 + math.log10(sitelinks + 1) / 4), 3))
    labels = entity.get("labels") or {}
    for lang in LANGS:
        d.set_label(lang, (labels.get(lang) or labels.get("mul") or {}).get("value"))
    for lang, aliases in (entity.get("aliases") or {}).items():
        for alias in aliases if lang in LANGS else ():
            d.add_alias(lang, alias.get("value"))
    country = _claim_ids(entity, "P27" if kind == "Person" else "P17")
    d.country = next((c for c in country if c != qid), None)
    d.located_in = next(iter(_claim_ids(entity, "P131")), None)
    d.capital_of = next(iter(_claim_ids(entity, "P1376")), None)
    gender = next(iter(_claim_ids(entity, "P21")), None)
    d.gender = next((g for g, q in GENDER_QIDS.items() if q == gender), None)
    return d


def iter_dump_drafts(path: Path, classes: dict[str, str] | None = None) -> Iterator[Draft]:
    """Drafts for the dump's items that are instances of ``classes`` (class QID -> kind)."""
    classes = classes or DEFAULT_CLASSES
    for entity in iter_dump_entities(Path(path)):
        if entity.get("type") != "item" or not QID_RE.match(str(entity.get("id", ""))):
            continue
        kind = next((classes[c] for c in _claim_ids(entity, "P31") if c in classes), None)
        if kind is not None:
            yield _draft(entity, kind, f"wikidata dump {Path(path).name}")
