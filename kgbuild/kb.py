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

import gzip
import json
import shutil
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable

from kgbuild.errors import KBError
from kgbuild.link.additions import iter_addition_drafts
from kgbuild.link.draft import SOURCE_SEP, Draft, merge_drafts
from kgbuild.link.sources import SourceLog, iter_source_drafts, read_verified
from kgbuild.link.snapshot import build_index
from kgbuild.link.triples import write_ntriples
from kgbuild.link.vocab import KIND_TYPES, is_qid

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

KB_DIR = Path(__file__).parent / "data" / "kb"
ADDITIONS_DIR = KB_DIR / "additions"
DEFAULT_SOURCES = Path(__file__).resolve().parents[1].parent / "shared" / "wikidata-sources"
SNAPSHOT_FILE = "snapshot.json.gz"
NTRIPLES_FILE = "snapshot.nt.gz"
FORMAT_VERSION = 1

_LICENCES = {
    "dr5hn": ("ODbL-1.0", "Data by Countries States Cities Database (github.com/dr5hn); "
              "entries derived from it are under the Open Database License: the snapshot as a "
              "database is therefore shared under ODbL-1.0"),
    "natural-earth": ("public domain", "Made with Natural Earth (naturalearthdata.com)"),
    "partyfacts": ("MIT", "Party Facts (Döring & Regel 2019, Party Politics 25(2):97-109)"),
    "opensanctions-igo": ("MIT", "OpenSanctions code (zavod igo.py / position.py), MIT licensed"),
    "us-congress": ("CC0-1.0", "unitedstates/congress-legislators"),
    "verified_qids": ("facts", "QIDs checked one by one (shared/wikidata-sources/verified_qids.csv)"),
    "additions": ("facts", "kgbuild verified additions (kgbuild/data/kb/additions), one source note per row"),
    "wikidata": ("CC0-1.0", "Wikidata (dump or endpoint), CC0"),
}
_LICENCE_FILES = {"dr5hn": ("LICENSE", "LICENSE_NOTE.txt"), "natural-earth": ("LICENSE_NOTE.txt",),
                  "partyfacts": ("LICENSE.md", "LICENSE_NOTE.txt", "CITATION.cff"),
                  "opensanctions-igo": ("LICENSE.MIT.txt", "LICENSE_NOTE.txt"),
                  "us-congress": ("LICENSE", "LICENSE_NOTE.txt")}


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


def _check_additions(merged: dict[str, Draft], allowed: set[str]) -> None:
    for d in merged.values():
        if d.authoritative and d.qid and d.qid not in allowed:
            raise KBError(f"additions: QID {d.qid} ({d.labels.get('en')}) is neither confirmed in "
                          "verified_qids.csv nor found in a source file; never guess a QID")


def _resolve_refs(merged: dict[str, Draft], log: SourceLog) -> None:
    """Drop references to entries that are not in the snapshot (errors for additions)."""
    for d in merged.values():
        for attr in ("country", "capital_of", "located_in"):
            ref = getattr(d, attr)
            if ref and ref not in merged:
                if d.authoritative:
                    raise KBError(f"additions: {d.key} {attr} {ref!r} is not an entry of the snapshot")
                log.drop(f"reference to an entry not in the snapshot ({attr})")
                setattr(d, attr, None)
        for attr in ("member_of", "subclass_of"):
            refs = getattr(d, attr)
            missing = [r for r in refs if r not in merged]
            if missing and d.authoritative:
                raise KBError(f"additions: {d.key} {attr} {missing} not in the snapshot")
            setattr(d, attr, [r for r in refs if r in merged])
        for office, of, _s, _e in d.positions:
            if of and of not in merged and d.authoritative:
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


def _copy_licences(src: Path, out: Path) -> None:
    target = out / "licences"
    target.mkdir(parents=True, exist_ok=True)
    for folder, names in _LICENCE_FILES.items():
        for name in names:
            path = src / folder / name
            if path.exists():
                shutil.copyfile(path, target / f"{folder}-{name}")


def _gather(src: Path, additions: Path, dumps, endpoints, classes, log) -> tuple[dict[str, Draft], set[str]]:
    verified = read_verified(src / "verified_qids.csv")
    drafts = list(iter_source_drafts(src, verified, log))
    allowed = {d.qid for d in drafts if d.qid} | set(verified.confirmed)
    for path in dumps:
        from kgbuild.link.dump import iter_dump_drafts

        grown = list(iter_dump_drafts(Path(path), classes))
        allowed |= {d.qid for d in grown if d.qid}
        drafts.extend(grown)
    for url in endpoints:
        from kgbuild.link.construct import iter_endpoint_drafts

        grown = list(iter_endpoint_drafts(url, classes))
        allowed |= {d.qid for d in grown if d.qid}
        drafts.extend(grown)
    drafts.extend(iter_addition_drafts(additions))
    merged = merge_drafts(drafts)
    _check_additions(merged, allowed)
    for d in merged.values():  # a confirmed QID's kind wins over a source's guess
        kind = verified.confirmed.get(d.qid or "")
        if kind and kind != d.kind and not d.authoritative:
            d.kind = kind
    return merged, verified.refuted


def build_snapshot(sources_dir: Path | str = DEFAULT_SOURCES, additions: Path | str = ADDITIONS_DIR,
                   out: Path | str = KB_DIR, *, dumps: Iterable[str | Path] = (),
                   endpoints: Iterable[str] = (), classes: dict[str, str] | None = None) -> BuildReport:
    """Build the snapshot from the shared sources, verified additions and optional dumps/endpoints."""
    src, out = Path(sources_dir), Path(out)
    log = SourceLog()
    merged, refuted = _gather(src, Path(additions), list(dumps), list(endpoints), classes, log)
    for key in [k for k, d in merged.items() if not d.labels or d.kind not in KIND_TYPES]:
        log.drop("entry without labels or with an unknown kind")
        del merged[key]
    _resolve_refs(merged, log)
    rows = [_row(d) for d in sorted(merged.values(), key=lambda d: d.key)]
    bad = [r["k"] for r in rows if r["q"] in refuted]
    if bad:
        raise KBError(f"refuted QIDs in the snapshot: {bad}")
    dups = check_unique_qids(rows)
    if dups:
        raise KBError(f"QIDs not unique per kind: {dups}")
    out.mkdir(parents=True, exist_ok=True)
    parties = {r["k"] for r in rows if r["t"] == "Party"}
    tmp = out / (SNAPSHOT_FILE + ".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump({"format": FORMAT_VERSION, "licences": {k: v[0] for k, v in _LICENCES.items()},
                   "entries": rows, "index": build_index(rows)}, fh, ensure_ascii=False, separators=(",", ":"))
    tmp.replace(out / SNAPSHOT_FILE)
    report = BuildReport(out=str(out), entries=len(rows), with_qid=sum(1 for r in rows if r["q"]),
                         dropped=dict(log.dropped),
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
