"""Readers for ``shared/wikidata-sources``: each yields ``Draft`` entries.

Known faults of the sources are repaired here (see that folder's README):

- dr5hn subdivision rows that share a QID with another row lose the QID, except a parent
  whose child row was given its QID (the province of Huesca carries Aragon's): the parent
  keeps it;
- Russian oblast rows carry the capital city's name: they are renamed
  "Kursk Oblast" / "oblast de Koursk" and never get the bare city name;
- QIDs refuted in verified_qids.csv are never used;
- countries where dr5hn and Natural Earth disagree keep no QID.
"""

from __future__ import annotations

import csv
import functools
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from kgbuild.errors import KBError
from kgbuild.kb.politicians import iter_politician_drafts
from kgbuild.kb.records import Draft
from kgbuild.kb.vocab import QID_RE
from kgbuild.normalize import strip_accents

__all__ = ["Verified", "SourceLog", "read_verified", "iter_source_drafts", "check_resolved", "slug"]

_CITY_TYPES = {"city", "autonomous city", "capital city", "capital district", "city with county rights",
               "metropolitan city", "city municipality", "special city"}
_LATIN = re.compile(r"^[\x00-\u024f\u1e00-\u1eff\s'’.\-()/]+$")
_CONFIRMED_KINDS = {"city": "City", "country": "Country", "oblast": "AdministrativeRegion",
                    "person": "Person", "newspaper": "Media", "news agency": "Media",
                    "party": "Party", "organisation": "Organization", "organization": "Organization",
                    "continent": "Continent", "sea": "Sea", "building": "Building", "event": "Event",
                    "weapon class": "WeaponClass"}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", strip_accents(text).lower()).strip("-")


@dataclass
class Verified:
    """verified_qids.csv: confirmed QIDs with their kind, and refuted ones."""

    confirmed: dict[str, str] = field(default_factory=dict)  # qid -> kgbuild kind
    refuted: set[str] = field(default_factory=set)


@dataclass
class SourceLog:
    """What the readers dropped or repaired, for the build report."""

    dropped: Counter = field(default_factory=Counter)
    conflicts: list[str] = field(default_factory=list)  # two sources disagree, and what was kept
    agreements: Counter = field(default_factory=Counter)  # cross-checks that held, per pair of sources

    def drop(self, reason: str, n: int = 1) -> None:
        if n:
            self.dropped[reason] += n

    def conflict(self, message: str) -> None:
        self.conflicts.append(message)

    def agree(self, pair: str, n: int = 1) -> None:
        self.agreements[pair] += n


def _open_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    except FileNotFoundError:
        raise KBError(f"{path}: missing source file") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise KBError(f"{path}: unreadable CSV ({exc})") from None


def read_verified(path: Path) -> Verified:
    verified = Verified()
    for n, row in enumerate(_open_csv(path), start=2):
        qid, status = (row.get("qid") or "").strip(), (row.get("status") or "").strip()
        if not qid:
            continue
        if not QID_RE.match(qid):
            raise KBError(f"{path}:{n}: bad QID {qid!r}")
        if status.startswith("confirmed"):
            verified.confirmed[qid] = _CONFIRMED_KINDS.get(row["kind"].strip(), "")
        elif status.startswith("refuted"):
            verified.refuted.add(qid)
    return verified


def _latin(name: str | None) -> bool:
    return bool(name) and _LATIN.match(name) is not None


def _population_prior(pop: str | None, base: float) -> float:
    try:
        value = float(pop or 0)
    except ValueError:
        value = 0.0
    return round(min(0.85, base + 0.05 * max(0.0, math.log10(max(value, 0.0) + 1) - 4)), 3)


def _country_index(src: Path) -> list[dict]:
    try:
        return json.loads((src / "dr5hn" / "countries.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KBError(f"{src / 'dr5hn' / 'countries.json'}: missing source file") from None
    except json.JSONDecodeError as exc:
        raise KBError(f"{src / 'dr5hn' / 'countries.json'}: bad JSON ({exc})") from None


def _read_countries(src: Path, verified: Verified, log: SourceLog) -> tuple[list[Draft], dict[str, str]]:
    """Countries from dr5hn, checked against Natural Earth admin-0; returns drafts and ISO2/ISO3 -> key."""
    ne = {r["ISO_A2"]: r for r in _open_csv(src / "natural-earth" / "ne_50m_admin_0_countries.csv")}
    drafts, codes = [], {}
    for c in _country_index(src):
        qid = c.get("wikiDataId") or None
        ne_row = ne.get(c["iso2"])
        if qid and ne_row and ne_row["WIKIDATAID"] and ne_row["WIKIDATAID"] != qid and qid not in verified.confirmed:
            log.drop("country QID: dr5hn and Natural Earth disagree")
            qid = None
        if qid in verified.refuted:
            log.drop("refuted QID")
            qid = None
        key = qid or f"kb:country-{c['iso2'].lower()}"
        d = Draft(key=key, qid=qid, kind="Country", source="dr5hn", prior=0.85)
        tr = c.get("translations") or {}
        d.set_label("en", c["name"])
        d.set_label("fr", tr.get("fr"))
        d.set_label("de", tr.get("de"))
        if ne_row:
            d.add_alias("en", ne_row["NAME_EN"])
            d.add_alias("fr", ne_row["NAME_FR"])
            d.add_alias("de", ne_row["NAME_DE"])
            d.source += " || natural-earth"
        if _latin(c.get("native")):
            d.add_alias("en", c["native"])
        for form in (c.get("nationality") or "").split(","):
            if form.strip():
                d.demonyms.setdefault("en", []).append(form.strip())
        codes[c["iso2"]] = key
        codes[c["iso3"]] = key
        drafts.append(d)
    return drafts, codes


def _read_toon_translations(path: Path) -> dict[str, dict[str, str]]:
    """states.toon: row id -> {lang: name} (fr, de)."""
    out: dict[str, dict[str, str]] = {}
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            header = fh.readline()
            match = re.search(r"\{(.*)\}", header)
            if not match:
                raise KBError(f"{path}: no field list in the first line")
            fields = match.group(1).split(",")
            for row in csv.reader(fh):
                if len(row) != len(fields):
                    continue
                rec = dict(zip(fields, row))
                pairs = dict(p.split("=", 1) for p in rec.get("translations", "").split("|") if "=" in p)
                out[rec["id"]] = {lang: pairs[lang] for lang in ("fr", "de") if pairs.get(lang)}
    except FileNotFoundError:
        return out
    return out


def _russian_subject(d: Draft, name: str, fr: str | None, de: str | None, kind_type: str) -> None:
    """Rename a Russian federal subject row that carries its capital's name."""
    base = re.sub(r"\s+Oblast$", "", name)
    fr_base = re.sub(r"^oblast de\s+", "", fr or base, flags=re.I)
    de_base = de or base
    if kind_type == "administrative region":
        d.labels = {"en": f"{base} Oblast", "fr": f"oblast de {fr_base}", "de": f"Oblast {de_base}"}
        d.aliases = {"en": [f"{base} region", f"{base} oblast"], "fr": [f"région de {fr_base}"],
                     "de": [f"Gebiet {de_base}"]}
    elif kind_type == "administrative territory":
        d.labels = {"en": f"{base} Krai", "fr": f"kraï de {fr_base}", "de": f"Region {de_base}"}
        d.aliases = {"en": [f"{base} Territory", f"{base} region"], "fr": [f"région de {fr_base}"],
                     "de": [f"Krai {de_base}"]}


def _shared_qid_owners(rows: list[dict], counts: Counter) -> dict[str, str]:
    """A QID two dr5hn rows share, where one row is the other's parent (a Spanish province
    given its autonomous community's QID: Huesca / Aragon), belongs to the parent: QID ->
    the parent row's id.  Other shared QIDs belong to no row."""
    by_id = {r["id"]: r for r in rows}
    owners: dict[str, str] = {}
    for qid in (q for q, n in counts.items() if n == 2):
        a, b = (r for r in rows if r["wikiDataId"] == qid)
        for child, parent in ((a, b), (b, a)):
            if child["parent_id"] and child["parent_id"] == parent["id"] and by_id.get(parent["id"]) is parent:
                owners[qid] = parent["id"]
    return owners


@functools.lru_cache(maxsize=None)
def common_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The common nouns, adjectives, verbs and adverbs of a language (the lemma index of its
    spaCy model's lemmatizer, each also written in lower case in the model's vectors), and
    its compass words; empty when the language has no such model."""
    from kgbuild.extract.language import load_rules  # the model name lives with the language

    rules = load_rules(lang)
    try:
        import spacy

        nlp = spacy.load(rules.model, exclude=["parser", "ner", "tagger", "morphologizer",
                                               "attribute_ruler", "senter", "tok2vec"])
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (OSError, KeyError, ValueError):
        return frozenset(), frozenset()
    strings, rows = nlp.vocab.strings, nlp.vocab.vectors.key2row
    words = frozenset(w for pos in ("noun", "adj", "verb", "adv") for w in (index.get(pos) or ())
                      if w in strings and strings[w] in rows)
    return words, frozenset(_fold(w) for w in rules.compass_words)


def machine_translated(name: str, translation: str, lexicon: tuple[frozenset[str], frozenset[str]]) -> bool:
    """A translation that renders a proper name word by word ("Afar" -> "Au loin", "Cork" ->
    "Liège", "Potenza" -> "Puissance"): every word of three letters or more is a common word
    of the language, and none begins as a word of the name does (two letters).  Real
    exonyms are kept: they are no common words ("Îles Orcades", "Toscane"), keep the name's
    first letters ("Grisons", "Saxe", "Cadix") or name a compass point with another word
    ("Sud-Ouest", "Côte Ouest"; a compass word alone, "Est", names no place)."""
    words, compass = lexicon
    if not words:
        return False
    own = [w for w in _fold(translation).split() if len(w) > 2]
    stems = {w[:2] for w in _fold(name).split() if len(w) > 2}
    if not own or any(w[:2] in stems for w in own):
        return False
    if len(own) > 1 and any(w in compass for w in own):
        return False
    return all(w in words or _fold_lemma(w, words) for w in own)


def _fold(text: str) -> str:
    return re.sub(r"[^a-z]+", " ", strip_accents(text.lower()))


def _fold_lemma(word: str, words: frozenset[str]) -> bool:
    return any(word.endswith(end) and word[: -len(end)] + rep in words
               for end, rep in (("aux", "al"), ("es", "e"), ("s", ""), ("x", "")))


def _read_states(src: Path, verified: Verified, codes: dict[str, str], log: SourceLog) -> list[Draft]:
    rows = _open_csv(src / "dr5hn" / "states.csv")
    translations = _read_toon_translations(src / "dr5hn" / "states.toon")
    french = common_words("fr")
    counts = Counter(r["wikiDataId"] for r in rows if r["wikiDataId"])
    owner = _shared_qid_owners(rows, counts)
    drafts = []
    for r in rows:
        qid = r["wikiDataId"] or None
        if qid and counts[qid] > 1 and owner.get(qid) != r["id"]:
            log.drop("dr5hn subdivision QID shared with another row")
            qid = None
        if qid in verified.refuted:
            log.drop("refuted QID")
            qid = None
        if qid and not QID_RE.match(qid):
            qid = None
        country = codes.get(r["country_code"])
        kind = "City" if r["type"] in _CITY_TYPES else "AdministrativeRegion"
        key = qid or f"kb:iso-{slug(r['iso3166_2'] or r['country_code'] + '-' + r['name'])}"
        d = Draft(key=key, qid=qid, kind=kind, source="dr5hn", country=country, prior=0.35)
        tr = translations.get(r["id"], {})
        if tr.get("fr") and machine_translated(r["name"], tr["fr"], french):
            log.drop("dr5hn French name translated word by word from a proper name")
            tr = {k: v for k, v in tr.items() if k != "fr"}
        if r["country_code"] == "RU" and r["type"] in ("administrative region", "administrative territory"):
            _russian_subject(d, r["name"], tr.get("fr"), tr.get("de"), r["type"])
        else:
            d.set_label("en", r["name"])
            d.set_label("fr", tr.get("fr") or r["name"])
            d.set_label("de", tr.get("de") or r["name"])
            if _latin(r["native"]):
                d.add_alias("en", r["native"])
        if kind == "AdministrativeRegion":
            d.located_in = country
        drafts.append(d)
    return drafts


def _read_places(src: Path, verified: Verified, codes: dict[str, str], log: SourceLog) -> list[Draft]:
    drafts = []
    for r in _open_csv(src / "natural-earth" / "ne_50m_populated_places.csv"):
        qid = r["WIKIDATAID"] or None
        if qid is None:
            log.drop("Natural Earth place without QID")
            continue
        if qid in verified.refuted or not QID_RE.match(qid):
            log.drop("refuted QID")
            continue
        country = codes.get(r["ISO_A2"]) or codes.get(r["ADM0_A3"])
        capital = r["FEATURECLA"] == "Admin-0 capital" and r["ADM0CAP"] == "1"
        d = Draft(key=qid, qid=qid, kind="City", source="natural-earth", country=country,
                  capital_of=country if capital else None,
                  prior=0.85 if capital else _population_prior(r["POP_MAX"], 0.45))
        _name_place(d, r)
        drafts.append(d)
    return drafts


def _name_place(d: Draft, r: dict) -> None:
    """Labels and aliases of a Natural Earth populated place (50m and 10m files alike)."""
    d.set_label("en", r["NAME_EN"] or r["NAME"])
    d.set_label("fr", r["NAME_FR"] or r["NAME"])
    d.set_label("de", r["NAME_DE"] or r["NAME"])
    for name in (r["NAME"], r["NAMEASCII"], *r["NAMEALT"].split("|")):
        d.add_alias("en", name)


def _pop(row: dict) -> float:
    try:
        return float(row.get("POP_MAX") or 0)
    except ValueError:
        return 0.0


def _near(a: dict, b: dict, tolerance: float = 0.05) -> bool:
    try:
        return (abs(float(a["LATITUDE"]) - float(b["LATITUDE"])) <= tolerance
                and abs(float(a["LONGITUDE"]) - float(b["LONGITUDE"])) <= tolerance)
    except (KeyError, ValueError):
        return False


def _read_places_10m(src: Path, verified: Verified, codes: dict[str, str], log: SourceLog) -> list[Draft]:
    """Natural Earth 10m populated places: one row per QID (the most populous), and where the
    50m file has the same place (same name, within 0.05 degrees) under another QID, the 50m
    QID wins (its README: the 10m file is older)."""
    path = src / "natural-earth-10m" / "ne_10m_populated_places.csv"
    if not path.exists():
        log.drop("natural-earth-10m: file absent")
        return []
    ne50: dict[str, list[dict]] = {}
    for r in _open_csv(src / "natural-earth" / "ne_50m_populated_places.csv"):
        ne50.setdefault(r["NAME"].lower(), []).append(r)
    rows = [r for r in _open_csv(path) if r["WIKIDATAID"]]
    log.drop("Natural Earth 10m place without QID", sum(1 for r in _open_csv(path) if not r["WIKIDATAID"]))
    best: dict[str, dict] = {}
    for r in rows:
        qid = r["WIKIDATAID"]
        old = best.get(qid)
        if old is not None:
            log.conflict(f"natural-earth-10m: {qid} used by {old['NAME']!r} and {r['NAME']!r}: kept the most populous")
        if old is None or _pop(r) > _pop(old):
            best[qid] = r
    drafts = []
    for qid, r in best.items():
        if qid in verified.refuted or not QID_RE.match(qid):
            log.drop("refuted QID")
            continue
        same = [o for o in ne50.get(r["NAME"].lower(), ()) if _near(o, r)]
        if same and all(o["WIKIDATAID"] != qid for o in same):
            log.conflict(f"{r['NAME']}: natural-earth-10m {qid} vs natural-earth 50m {same[0]['WIKIDATAID']}: kept 50m")
            continue
        if same:
            log.agree("natural-earth-10m = natural-earth 50m")
        country = codes.get(r["ISO_A2"]) or codes.get(r["ADM0_A3"])
        capital = r["FEATURECLA"].startswith("Admin-0 capital") and r["ADM0CAP"].startswith("1")
        d = Draft(key=qid, qid=qid, kind="City", source="natural-earth-10m", country=country,
                  capital_of=country if capital and r["FEATURECLA"] == "Admin-0 capital" else None,
                  prior=0.85 if capital else _population_prior(r["POP_MAX"], 0.4))
        _name_place(d, r)
        drafts.append(d)
    return drafts


def _read_armed_groups(src: Path, verified: Verified, log: SourceLog) -> list[Draft]:
    """Wikidata items typed terrorist organisation/group: a name -> QID list of armed and
    militant groups (never a designation: the kind is the neutral "Group")."""
    folder = src / "wikidata-terrorist-orgs"
    drafts = []
    for path in sorted(folder.glob("*.csv")) if folder.is_dir() else ():
        rows = _open_csv(path)
        names = Counter(r["label_en"].strip().lower() for r in rows)
        for r in rows:
            qid = r["qid"].strip()
            if not QID_RE.match(qid) or qid in verified.refuted:
                log.drop("wikidata-terrorist-orgs: bad or refuted QID")
                continue
            d = Draft(key=qid, qid=qid, kind="Group", source="wikidata-terrorist-orgs",
                      prior=0.2 if names[r["label_en"].strip().lower()] > 1 else 0.45)
            d.set_label("en", r["label_en"])
            drafts.append(d)
    return drafts


def check_resolved(src: Path, drafts: list[Draft], log: SourceLog) -> None:
    """newly_resolved_not_found.csv names a QID and the file it was found in: check the
    snapshot's readers found the same QID there."""
    path = src / "newly_resolved_not_found.csv"
    if not path.exists():
        return
    by_qid = {d.qid: d for d in drafts if d.qid}
    for row in _open_csv(path):
        d = by_qid.get(row["qid"].strip())
        if d is None:
            log.conflict(f"newly_resolved_not_found.csv: {row['label_en']} {row['qid']} not read from {row['found_in']}")
        else:
            log.agree("newly_resolved_not_found.csv = its source file")


def _read_continents(src: Path) -> list[Draft]:
    drafts = []
    for fname, prior in (("regions.json", 0.8), ("subregions.json", 0.5)):
        path = src / "dr5hn" / fname
        if not path.exists():
            continue
        for r in json.loads(path.read_text(encoding="utf-8")):
            qid = r.get("wikiDataId")
            if not qid or not QID_RE.match(qid):
                continue
            d = Draft(key=qid, qid=qid, kind="Continent", source="dr5hn", prior=prior)
            d.set_label("en", r["name"])
            tr = r.get("translations") or {}
            d.set_label("fr", tr.get("fr"))
            d.set_label("de", tr.get("de"))
            drafts.append(d)
    return drafts


def _read_igos(src: Path, verified: Verified, log: SourceLog) -> list[Draft]:
    drafts, seen = [], set()
    for r in _open_csv(src / "opensanctions-igo" / "intl_orgs_from_igo_py.csv"):
        qid = r["qid"].strip()
        if qid in seen or qid in verified.refuted or not QID_RE.match(qid):
            log.drop("opensanctions: repeated or refuted QID")
            continue
        seen.add(qid)
        d = Draft(key=qid, qid=qid, kind="Organization", source="opensanctions-igo", prior=0.6)
        d.set_label("en", r["label_en"])
        drafts.append(d)
    return drafts


_NATIVE_LANG = {"FRA": "fr", "BEL": "fr", "LUX": "fr", "DEU": "de", "AUT": "de", "CHE": "de"}


def _read_parties(src: Path, verified: Verified, codes: dict[str, str], log: SourceLog) -> list[Draft]:
    rows = _open_csv(src / "partyfacts" / "wikidata.csv")
    counts = Counter(r["wikidata_id"] for r in rows)
    drafts = []
    for r in rows:
        qid = r["wikidata_id"].strip() or None
        if qid and (counts[qid] > 1 or qid in verified.refuted or not QID_RE.match(qid)):
            log.drop("partyfacts QID shared by several parties")
            qid = None
        key = qid or f"kb:partyfacts-{r['partyfacts_id']}"
        d = Draft(key=key, qid=qid, kind="Party", source="partyfacts", country=codes.get(r["country"]),
                  prior=0.3)
        d.set_label("en", r["name"])
        native_lang = _NATIVE_LANG.get(r["country"])
        if r["name_native"] and native_lang:
            d.set_label(native_lang, r["name_native"])
        elif _latin(r["name_native"]):
            d.add_alias("en", r["name_native"])
        if r["name_short"] and len(r["name_short"]) >= 2:
            d.add_alias(native_lang or "en", r["name_short"])
        drafts.append(d)
    return drafts


def _congress_person(rec: dict, source: str) -> Draft | None:
    qid = str((rec.get("id") or {}).get("wikidata") or "")
    if not QID_RE.match(qid):
        return None
    name = rec.get("name") or {}
    full = name.get("official_full") or " ".join(p for p in (name.get("first"), name.get("last")) if p)
    gender = {"M": "male", "F": "female"}.get((rec.get("bio") or {}).get("gender"))
    d = Draft(key=qid, qid=qid, kind="Person", source=source, country="Q30", gender=gender, prior=0.4)
    for lang in ("en", "fr", "de"):
        d.set_label(lang, full)
    for first in (name.get("first"), name.get("nickname")):
        if first and name.get("last"):
            d.add_alias("en", f"{first} {name['last']}")
    offices = {"prez": "president", "viceprez": "vice_president", "sen": "senator", "rep": "representative"}
    for term in rec.get("terms") or []:
        office = offices.get(term.get("type"))
        if office:
            end = str(term.get("end")) if term.get("end") else None
            pos = (office, "Q30", str(term.get("start")), end)
            if pos not in d.positions:
                d.positions.append(pos)
    return d


def _read_congress(src: Path, log: SourceLog) -> list[Draft]:
    import srsly  # ships with spaCy; reads YAML

    drafts = []
    for fname, prior in (("executive.yaml", 0.6), ("legislators-current.yaml", 0.4)):
        path = src / "us-congress" / fname
        try:
            records = srsly.read_yaml(path)
        except (OSError, ValueError) as exc:
            raise KBError(f"{path}: unreadable YAML ({exc})") from None
        for rec in records:
            d = _congress_person(rec, "us-congress")
            if d is None:
                log.drop(f"us-congress {fname}: no QID")
                continue
            d.prior = prior
            drafts.append(d)
    return drafts


def iter_source_drafts(src: Path, verified: Verified, log: SourceLog) -> Iterator[Draft]:
    """Every draft entry from the shared sources, in a fixed order."""
    if not src.is_dir():
        raise KBError(f"{src}: not a folder of Wikidata sources")
    countries, codes = _read_countries(src, verified, log)
    yield from countries
    yield from _read_continents(src)
    yield from _read_states(src, verified, codes, log)
    yield from _read_places(src, verified, codes, log)
    yield from _read_places_10m(src, verified, codes, log)
    yield from _read_igos(src, verified, log)
    yield from _read_parties(src, verified, codes, log)
    yield from _read_armed_groups(src, verified, log)
    yield from _read_congress(src, log)
    names = {n: d.key for d in countries for n in (d.labels.get("en"), *d.aliases.get("en", ())) if n}
    yield from iter_politician_drafts(src, names, verified, log)
