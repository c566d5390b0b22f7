"""Build the embedded knowledge-base snapshot (``kgbuild kb build``).

    report = build_snapshot(SOURCES, ADDITIONS, OUT)           # shared sources + additions
    report = build_snapshot(SOURCES, ADDITIONS, OUT, dumps=["latest-all.json.bz2"])
    report = build_snapshot(SOURCES, ADDITIONS, OUT, endpoints=["http://127.0.0.1:7878/query"])

writes into OUT:

- ``snapshot.json.gz``: the entries, loaded in-process by ``kgbuild.link.load_snapshot``;
- ``snapshot.nt.gz``: the same as Wikidata-shaped N-Triples, to load into an endpoint;
- ``BUILD.json``: the report (counts per kind and per source, what was dropped);
- ``licences/``: each source's licence note (dr5hn-derived data stays ODbL).
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable

from kgbuild.errors import KBError
from kgbuild.kb.additions import iter_addition_drafts, read_not_names, remove_not_names
from kgbuild.kb.records import SOURCE_SEP, Draft, merge_drafts
from kgbuild.kb.keys import match_key
from kgbuild.kb.sources import SourceLog, check_resolved, iter_source_drafts, read_verified
from kgbuild.kb.reader import KB_DIR, NTRIPLES_FILE, SNAPSHOT_FILE, write_snapshot
from kgbuild.kb.triples import write_ntriples
from kgbuild.kb.vocab import KIND_TYPES, is_qid

__all__ = [
    "KB_DIR",
    "ADDITIONS_DIR",
    "DEFAULT_SOURCES",
    "SNAPSHOT_FILE",
    "NTRIPLES_FILE",
    "BuildReport",
    "build_snapshot",
    "check_unique_qids",
]

ADDITIONS_DIR = KB_DIR / "additions"
DEFAULT_SOURCES = Path(__file__).resolve().parents[2].parent / "shared" / "wikidata-sources"

_LICENCES = {
    "dr5hn": ("ODbL-1.0", "Data by Countries States Cities Database (github.com/dr5hn); "
              "entries derived from it are under the Open Database License: the snapshot as a "
              "database is therefore shared under ODbL-1.0"),
    "natural-earth": ("public domain", "Made with Natural Earth (naturalearthdata.com)"),
    "partyfacts": ("MIT", "Party Facts (Döring & Regel 2019, Party Politics 25(2):97-109)"),
    "opensanctions-igo": ("MIT", "OpenSanctions code (zavod igo.py / position.py), MIT licensed"),
    "natural-earth-10m": ("public domain", "Made with Natural Earth (naturalearthdata.com), 10m populated places v4.0.0"),
    "us-congress": ("CC0-1.0", "unitedstates/congress-legislators"),
    "everypolitician": ("CC0-1.0", "EveryPolitician / Wikidata (Wikidata Query Service output)"),
    "wikidata-terrorist-orgs": ("CC0-1.0", "Wikidata (items typed terrorist organization/group, 2026-08-12): "
                                "a name -> QID list, never a designation"),
    "verified_qids": ("facts", "QIDs checked one by one (shared/wikidata-sources/verified_qids.csv)"),
    "additions": ("facts", "kgbuild verified additions (kgbuild/data/kb/additions), one source note per row"),
    "wikidata": ("CC0-1.0", "Wikidata (dump or endpoint), CC0"),
}
_LICENCE_FILES = {"dr5hn": ("LICENSE", "LICENSE_NOTE.txt"), "natural-earth": ("LICENSE_NOTE.txt",),
                  "partyfacts": ("LICENSE.md", "LICENSE_NOTE.txt", "CITATION.cff"),
                  "opensanctions-igo": ("LICENSE.MIT.txt", "LICENSE_NOTE.txt"),
                  "us-congress": ("LICENSE", "LICENSE_NOTE.txt"),
                  "natural-earth-10m": ("LICENSE_NOTE.txt",), "everypolitician-wikidata": ("LICENSE_NOTE.txt",),
                  "wikidata-terrorist-orgs": ("LICENSE_NOTE.txt",)}


@dataclass
class BuildReport:
    """What a build produced: counts per kind and source, and what was dropped."""

    out: str
    entries: int = 0
    with_qid: int = 0
    triples: int = 0
    per_kind: dict[str, dict[str, int]] = field(default_factory=dict)  # kind -> {"qid": n, "local": n}
    per_source: dict[str, int] = field(default_factory=dict)  # source -> entries it contributed to
    dropped: dict[str, int] = field(default_factory=dict)
    agreements: dict[str, int] = field(default_factory=dict)  # cross-checks that held, per pair of sources
    conflicts: list[str] = field(default_factory=list)  # where two sources disagree, and what was kept
    licences: dict[str, str] = field(default_factory=dict)

    def to_text(self) -> str:
        lines = [f"snapshot: {self.entries} entries ({self.with_qid} with a QID), {self.triples} triples -> {self.out}"]
        lines.append("per kind (with QID / without):")
        for kind, c in sorted(self.per_kind.items()):
            lines.append(f"  {kind:<22}{c['qid']:>7} /{c['local']:>6}")
        lines.append("per source (entries touched):")
        for src, n in sorted(self.per_source.items()):
            lines.append(f"  {src:<22}{n:>7}")
        if self.dropped:
            lines.append("dropped or repaired:")
            for why, n in sorted(self.dropped.items()):
                lines.append(f"  {n:>6}  {why}")
        if self.agreements:
            lines.append("cross-checks that held (QID in two sources, same kind and name):")
            for pair, n in sorted(self.agreements.items()):
                lines.append(f"  {n:>6}  {pair}")
        lines.append(f"conflicts between sources: {len(self.conflicts)} (listed in BUILD.json)")
        return "\n".join(lines)


def check_unique_qids(rows: Iterable[dict]) -> dict[str, list[str]]:
    """QIDs carried by more than one entry of the same kind: {"Kind:Qid": [keys]}."""
    seen: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        if row.get("q"):
            seen.setdefault((row["t"], row["q"]), []).append(row["k"])
    return {f"{kind}:{qid}": keys for (kind, qid), keys in seen.items() if len(keys) > 1}


def _source_tag(source: str) -> str:
    """"additions:<note>" -> "additions"; other sources are named whole."""
    return "additions" if source.startswith("additions:") else source


def _noted_qids(src: Path) -> dict[str, list[str]]:
    """{QID: [lines]} of the sources' notes (README.md, LICENSE_NOTE.txt, ...): prose that names a
    QID next to its entity ("Lacks Islamic State Q2429253") shows it as a source file does."""
    noted: dict[str, list[str]] = {}
    for path in sorted([*src.rglob("*.md"), *src.rglob("*.txt")]):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            for qid in set(re.findall(r"\bQ[1-9][0-9]*\b", line)):
                noted.setdefault(qid, []).append(line.casefold())
    return noted


def _shown_in_notes(d: Draft, noted: dict[str, list[str]]) -> bool:
    """Whether a note shows the QID right after one of the entry's labels (within a few
    characters: "Islamic State Q2429253", "Islamic State itself (Q2429253)")."""
    labels = [label.casefold() for label in d.labels.values() if label and len(label) > 3]
    qid = (d.qid or "").casefold()
    return any(re.search(re.escape(label) + r"\W[^\n]{0,12}?\b" + qid + r"\b", line)
               for line in noted.get(d.qid or "", ()) for label in labels)


def _check_additions(merged: dict[str, Draft], allowed: set[str], noted: dict[str, list[str]]) -> None:
    for d in merged.values():
        if d.authoritative and d.qid and d.qid not in allowed and not _shown_in_notes(d, noted):
            raise KBError(f"additions: QID {d.qid} ({d.labels.get('en')}) is neither confirmed in "
                          "verified_qids.csv nor found in a source file or next to its name in a "
                          "source's note; never guess a QID")


def _resolve_refs(merged: dict[str, Draft], log: SourceLog, checked: set[tuple] = frozenset()) -> None:
    """Drop references to entries that are not in the snapshot (errors for additions)."""
    for d in merged.values():
        for attr in ("country", "capital_of", "located_in"):
            ref = getattr(d, attr)
            if ref and ref not in merged:
                if (d.key, attr, ref) in checked:
                    raise KBError(f"additions: {d.key} {attr} {ref!r} is not an entry of the snapshot")
                log.drop(f"reference to an entry not in the snapshot ({attr})")
                setattr(d, attr, None)
        for attr in ("member_of", "subclass_of"):
            refs = getattr(d, attr)
            missing = [r for r in refs if r not in merged]
            if any((d.key, attr, r) in checked for r in missing):
                raise KBError(f"additions: {d.key} {attr} {missing} not in the snapshot")
            setattr(d, attr, [r for r in refs if r in merged])
        for office, of, _s, _e in d.positions:
            if of and of not in merged and (d.key, office, of) in checked:
                raise KBError(f"positions: {d.key} {office} of {of!r}: not an entry of the snapshot")
        kept = [p for p in d.positions if not p[1] or p[1] in merged]
        if len(kept) < len(d.positions):
            log.drop("position of an entry not in the snapshot", len(d.positions) - len(kept))
            d.positions = kept


def _row(d: Draft) -> dict:
    row = {"k": d.key, "q": d.qid, "t": d.kind, "l": d.labels, "r": round(d.prior, 3), "src": d.source}
    optional = {"a": {k: v for k, v in d.aliases.items() if v}, "c": d.country, "cap": d.capital_of,
                "in": d.located_in, "g": d.gender, "p": [list(p) for p in d.positions],
                "m": d.member_of, "s": d.subclass_of, "d": {k: v for k, v in d.demonyms.items() if v}}
    row.update({k: v for k, v in optional.items() if v})
    return row


def _names_of(d: Draft) -> set[str]:
    return {match_key(n) for n in (*d.labels.values(), *(a for v in d.aliases.values() for a in v)) if n}


def cross_check(drafts: list[Draft], log: SourceLog) -> None:
    """Where two sources give one QID, do they agree on its kind and share a name?  Where two
    sources give one name and kind, do they give one QID?  Agreements are counted per pair of
    sources, disagreements listed (the merge keeps the higher-ranked kind and every QID)."""
    by_qid: dict[str, list[Draft]] = {}
    by_name: dict[tuple[str, str], dict[str, set[str]]] = {}
    for d in drafts:
        if not d.qid or d.authoritative:
            continue
        by_qid.setdefault(d.qid, []).append(d)
        label = match_key(d.labels.get("en") or next(iter(d.labels.values()), ""))
        if label and d.kind in _CHECKED_NAME_KINDS:
            by_name.setdefault((d.kind, label), {}).setdefault(d.qid, set()).add(_source_tag(d.source))
    for qid, group in by_qid.items():
        for a, b in _source_pairs(group):
            pair = " = ".join(sorted({_source_tag(a.source), _source_tag(b.source)}))
            if a.kind != b.kind and {a.kind, b.kind} - _COMPATIBLE_KINDS:
                log.conflict(f"{qid}: {a.source} says {a.kind} {a.labels.get('en')!r}, {b.source} says {b.kind}")
            elif _names_of(a) & _names_of(b):
                log.agree(pair)
            else:
                log.conflict(f"{qid}: {a.source} names it {a.labels.get('en')!r}, {b.source} {b.labels.get('en')!r}")
    for (kind, label), qids in by_name.items():
        sources = {s for ss in qids.values() for s in ss}
        if len(qids) > 1 and len(sources) > 1:
            shown = ", ".join(f"{q} ({'/'.join(sorted(s))})" for q, s in sorted(qids.items()))
            log.conflict(f"{kind} {label!r}: several QIDs across sources: {shown} (all kept; context decides)")


#: kinds whose same-name-other-QID cases are worth reporting (homonym people are common)
_CHECKED_NAME_KINDS = {"Country", "Organization", "Group", "Party", "Media"}
#: a city and its subdivision, or a group and a party, may share a QID between sources
_COMPATIBLE_KINDS = {"City", "AdministrativeRegion", "Group", "Party", "Organization"}


def _source_pairs(group: list[Draft]):
    seen = set()
    for i, a in enumerate(group):
        for b in group[i + 1:]:
            tags = (_source_tag(a.source), _source_tag(b.source))
            if tags[0] != tags[1] and tags not in seen:
                seen.add(tags)
                yield a, b


def _copy_licences(src: Path, out: Path) -> None:
    target = out / "licences"
    target.mkdir(parents=True, exist_ok=True)
    for folder, names in _LICENCE_FILES.items():
        for name in names:
            path = src / folder / name
            if path.exists():
                shutil.copyfile(path, target / f"{folder}-{name}")


def _gather(src: Path, additions: Path, dumps, endpoints, classes, log) -> tuple[dict[str, Draft], set[str], set]:
    verified = read_verified(src / "verified_qids.csv")
    drafts = list(iter_source_drafts(src, verified, log))
    check_resolved(src, drafts, log)
    cross_check(drafts, log)
    allowed = {d.qid for d in drafts if d.qid} | set(verified.confirmed)
    for path in dumps:
        from kgbuild.kb.dump import iter_dump_drafts

        grown = list(iter_dump_drafts(Path(path), classes))
        allowed |= {d.qid for d in grown if d.qid}
        drafts.extend(grown)
    for url in endpoints:
        from kgbuild.kb.construct import iter_endpoint_drafts

        grown = list(iter_endpoint_drafts(url, classes))
        allowed |= {d.qid for d in grown if d.qid}
        drafts.extend(grown)
    added = list(iter_addition_drafts(additions))
    drafts.extend(added)
    merged = merge_drafts(drafts)
    for key, wrong in read_not_names(additions).items():
        if key in merged:
            remove_not_names(merged[key], wrong)
    _check_additions(merged, allowed, _noted_qids(src))
    for d in merged.values():  # a confirmed QID's kind wins over a source's guess
        kind = verified.confirmed.get(d.qid or "")
        if kind and kind != d.kind and not d.authoritative:
            d.kind = kind
    # references written in the additions must resolve (a typo there is an error); those
    # from the sources are dropped with a note when their target is not in the snapshot
    checked = {(d.key, p[0], p[1]) for d in added for p in d.positions if p[1]}
    checked |= {(d.key, attr, getattr(d, attr)) for d in added for attr in ("country", "capital_of", "located_in")}
    checked |= {(d.key, attr, ref) for d in added for attr in ("member_of", "subclass_of") for ref in getattr(d, attr)}
    return merged, verified.refuted, checked


def build_snapshot(sources_dir: Path | str = DEFAULT_SOURCES, additions: Path | str = ADDITIONS_DIR,
                   out: Path | str = KB_DIR, *, dumps: Iterable[str | Path] = (),
                   endpoints: Iterable[str] = (), classes: dict[str, str] | None = None) -> BuildReport:
    """Build the snapshot from the shared sources, verified additions and optional dumps/endpoints."""
    src, out = Path(sources_dir), Path(out)
    log = SourceLog()
    merged, refuted, checked = _gather(src, Path(additions), list(dumps), list(endpoints), classes, log)
    for key in [k for k, d in merged.items() if not d.labels or d.kind not in KIND_TYPES]:
        log.drop("entry without labels or with an unknown kind")
        del merged[key]
    _resolve_refs(merged, log, checked)
    rows = [_row(d) for d in sorted(merged.values(), key=lambda d: d.key)]
    bad = [r["k"] for r in rows if r["q"] in refuted]
    if bad:
        raise KBError(f"refuted QIDs in the snapshot: {bad}")
    dups = check_unique_qids(rows)
    if dups:
        raise KBError(f"QIDs not unique per kind: {dups}")
    out.mkdir(parents=True, exist_ok=True)
    parties = {r["k"] for r in rows if r["t"] == "Party"}
    write_snapshot(out / SNAPSHOT_FILE, rows, {"licences": {k: v[0] for k, v in _LICENCES.items()}})
    report = BuildReport(out=str(out), entries=len(rows), with_qid=sum(1 for r in rows if r["q"]),
                         dropped=dict(log.dropped), agreements=dict(log.agreements),
                         conflicts=list(log.conflicts),
                         licences={k: f"{v[0]}: {v[1]}" for k, v in _LICENCES.items()})
    report.triples = write_ntriples(rows, out / NTRIPLES_FILE, parties)
    for r in rows:
        c = report.per_kind.setdefault(r["t"], {"qid": 0, "local": 0})
        c["qid" if is_qid(r["q"]) else "local"] += 1
    per_source = Counter(tag for r in rows for tag in {_source_tag(s) for s in r["src"].split(SOURCE_SEP)})
    report.per_source = dict(per_source)
    _copy_licences(src, out)
    (out / "BUILD.json").write_text(json.dumps(asdict(report), indent=1, ensure_ascii=False) + "\n",
                                    encoding="utf-8")
    return report
