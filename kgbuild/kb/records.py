"""Mutable KB entries while the snapshot is being built, and their merging.

Every reader (shared sources, verified additions, a Wikidata dump, an endpoint)
yields ``Draft`` records; ``merge_drafts`` folds the ones that share a key (a
QID, or a local ``kb:`` key) into one, then ``freeze`` turns a draft into the
JSON row the snapshot stores.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Draft", "merge_drafts", "KIND_RANK", "LANGS", "SOURCE_SEP"]

#: separates the sources of a merged entry
SOURCE_SEP = " || "

#: languages the snapshot keeps labels and aliases for
LANGS = ("fr", "en", "de")

#: when two sources disagree on the kind of one QID, the higher rank wins
KIND_RANK = {
    "Person": 9, "Country": 8, "Party": 7, "Media": 7, "Organization": 6, "Group": 6,
    "WeaponSystem": 6, "WeaponClass": 6, "City": 5, "Building": 5, "Event": 5, "Sea": 5,
    "Continent": 5, "AdministrativeRegion": 4,
}


@dataclass
class Draft:
    key: str
    qid: str | None
    kind: str
    source: str
    labels: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    country: str | None = None
    capital_of: str | None = None
    located_in: str | None = None
    gender: str | None = None
    positions: list[tuple[str, str | None, str | None, str | None]] = field(default_factory=list)
    member_of: list[str] = field(default_factory=list)
    subclass_of: list[str] = field(default_factory=list)
    demonyms: dict[str, list[str]] = field(default_factory=dict)
    prior: float = 0.5
    authoritative: bool = False  # verified additions: their labels and kind win

    def add_alias(self, lang: str, name: str | None) -> None:
        name = (name or "").strip()
        if not name or lang not in LANGS or self.labels.get(lang) == name:
            return
        bucket = self.aliases.setdefault(lang, [])
        if name not in bucket:
            bucket.append(name)

    def set_label(self, lang: str, name: str | None, *, override: bool = False) -> None:
        name = (name or "").strip()
        if not name or lang not in LANGS:
            return
        old = self.labels.get(lang)
        if old is None or override:
            self.labels[lang] = name
            if old and old != name:
                self.add_alias(lang, old)
            if name in self.aliases.get(lang, []):
                self.aliases[lang].remove(name)
        else:
            self.add_alias(lang, name)


def _merge_into(base: Draft, other: Draft) -> None:
    override = other.authoritative and not base.authoritative
    if override or KIND_RANK.get(other.kind, 0) > KIND_RANK.get(base.kind, 0) and not base.authoritative:
        base.kind = other.kind
    for lang, name in other.labels.items():
        base.set_label(lang, name, override=override)
    for lang, names in other.aliases.items():
        for name in names:
            base.add_alias(lang, name)
    for attr in ("country", "capital_of", "located_in", "gender"):
        value = getattr(other, attr)
        if value and (override or not getattr(base, attr)):
            setattr(base, attr, value)
    for pos in other.positions:
        same = [i for i, old in enumerate(base.positions) if old[:3] == pos[:3]]
        if not same:
            base.positions.append(pos)
        elif override:
            base.positions[same[0]] = pos
    for attr in ("member_of", "subclass_of"):
        mine = getattr(base, attr)
        mine.extend(v for v in getattr(other, attr) if v not in mine)
    for lang, forms in other.demonyms.items():
        mine = base.demonyms.setdefault(lang, [])
        mine.extend(f for f in forms if f not in mine)
    base.prior = other.prior if override else max(base.prior, other.prior)
    if other.source not in base.source.split(SOURCE_SEP):
        base.source = f"{base.source}{SOURCE_SEP}{other.source}"
    base.authoritative = base.authoritative or other.authoritative


def merge_drafts(drafts) -> dict[str, Draft]:
    """Fold drafts sharing a key into one (first seen keeps its labels unless overridden)."""
    merged: dict[str, Draft] = {}
    for draft in drafts:
        if draft.key in merged:
            _merge_into(merged[draft.key], draft)
        else:
            merged[draft.key] = draft
    return merged
