"""Train the pair model (``kgbuild/extract/pairs.py``) on annotated articles and estimate it.

    python tools/train_pairs.py --folds /work/notes/realset/u{1..9} --dev /work/shared/eval/dev \
        --seed /work/shared/corpus/seed.fr.txt /work/shared/eval/gold/seed.gold.json \
        --threshold attacks=0.75 --out kgbuild/extract/lang/fr/data/pairs.json

(the data of the project's workspace; without ``--out`` it prints the cross-validation table
only).  The data, none of it in the repository but ``tests/quality/``:

- ``--folds DIR...``: annotated sets, each a folder of ``NAME.txt`` beside ``NAME.gold.json``
  (FORMAT.md gold), held out one at a time;
- ``--dev DIR``: articles 31-40 of the dev folder (``DIR/texts/N_fr.txt``, ``DIR/N_fr.gold.json``);
- ``--seed TEXT GOLD``: one more article;
- ``tests/quality/*.fr.txt`` with their gold, always.

The folds, dev, seed and quality articles all train; only the folds are held out.  A folder or
file that is missing, or a text without its gold, stops the tool with a message naming it.

Each article is built with the rules alone while a recorder keeps the pair model's candidates
and their features; the exported entities are paired with the gold ones by the matcher
``kgbuild eval`` uses, and a candidate (A, p, B) is positive when the gold holds (A, p, B),
optional or not.  The built articles are cached (``--cache``, keyed on the articles and on the
code under ``kgbuild/``: a changed rule builds them again): re-training takes seconds.

Per predicate, an L2 logistic regression (numpy, full batch, deterministic: the same data and
code give the same ``pairs.json`` byte for byte).  Leave-one-set-out cross-validation over the
folds gives the honest figures: the relations the model adds on a held-out set, right and
wrong, and the pooled relation P/R/F1 of the rules alone against rules + model.  A held-out
set's thresholds are chosen on the other sets' out-of-fold probabilities: the lowest at which
the relations added reach ``--precision`` (a predicate that never does is left out); the
shipped thresholds are chosen the same way on all the folds' out-of-fold probabilities
(``--threshold`` overrides one: the table prints the right/wrong added at fixed thresholds).
Variants: ``--known`` trains on the pairs the rules joined too, ``--drop PREFIX...`` leaves
features out (``rr: ra: rb:``: the rules' relations), ``--l2`` the penalty.

The shipped ``pairs.json`` is this command's output on the code of the twenty-first session's
branch s21-clf.  The model's candidates depend on the rules' relations, so a rule change moves the
figures; retrain and compare the ``cv`` lines before shipping a new model.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kgbuild.evaluate import load_gold, pair_entities, score_documents  # noqa: E402
from kgbuild.extract.pairs import DOMAINS, Candidate, Weights, bags  # noqa: E402

DEV_ARTICLES = range(31, 41)  # 41-45 stay unseen
GRID = tuple(round(0.30 + 0.05 * i, 2) for i in range(14))  # 0.30 .. 0.95


@dataclass
class Doc:
    """One built article: its group, its rules-only export, its candidates and gold."""

    group: str
    gold_path: str
    export: dict
    candidates: list[Candidate]
    keys: dict[str, str]  # exported entity id -> gold key
    gold: dict[tuple, bool] = field(default_factory=dict)  # (s, p, o) gold key triple -> optional


# --- corpus ------------------------------------------------------------------------------------


class DataError(Exception):
    """A data folder or file the command line names is missing or incomplete."""


def _pair(group: str, text: Path, gold: Path) -> tuple[str, Path, Path]:
    for path in (text, gold):
        if not path.is_file():
            raise DataError(f"{group}: no file {path}" + (f" (the gold of {text})" if path is gold else ""))
    return group, text, gold


def fold_sources(folder: Path) -> list[tuple[str, Path, Path]]:
    """(group, text, gold) of an annotated set: its ``NAME.txt`` files, each beside ``NAME.gold.json``."""
    if not folder.is_dir():
        raise DataError(f"--folds: no folder {folder}")
    texts = sorted(folder.glob("*.txt"))
    if not texts:
        raise DataError(f"--folds: {folder} holds no NAME.txt (each beside its NAME.gold.json)")
    return [_pair(folder.name, t, t.with_suffix(".gold.json")) for t in texts]


def data_sources(folds: list[Path], dev: Path | None, seed: list[Path] | None) -> list[tuple[str, Path, Path]]:
    """(group, text, gold) of the training data, in a fixed order: the folds, dev 31-40, the seed,
    the quality texts."""
    found = [source for folder in folds for source in fold_sources(folder)]
    if dev is not None:
        if not dev.is_dir():
            raise DataError(f"--dev: no folder {dev}")
        found += [_pair("dev", dev / "texts" / f"{n}_fr.txt", dev / f"{n}_fr.gold.json") for n in DEV_ARTICLES]
    if seed is not None:
        found.append(_pair("seed", *seed))
    found += [_pair("quality", t, t.parent / (t.name.split(".")[0] + ".gold.json"))
              for t in sorted((ROOT / "tests" / "quality").glob("*.fr.txt"))]
    return found


def _code_key() -> str:
    """A digest of the files under ``kgbuild/`` (code, rules, KB), the model's ``pairs.json`` aside."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "kgbuild").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.name != "pairs.json":
            digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class _Recorder:
    """Stands in for the pair model in the extractor: keeps the candidates, adds nothing."""

    def __init__(self) -> None:
        self.candidates: list[Candidate] = []

    def find(self, reading, statements, relations):
        from kgbuild.extract.pairs import pair_candidates

        self.candidates = pair_candidates(reading, statements, relations, keep_known=True)
        return ()


def build_docs(sources) -> list[Doc]:
    """Build each article with the rules alone and record its candidates."""
    from kgbuild.config import BuildConfig
    from kgbuild.export import document_json
    from kgbuild.extract import Extractor
    from kgbuild.pipeline import apply_defaults, link_extraction, load_configured_linker
    from kgbuild.read import iter_articles

    config = BuildConfig(lang="fr", learned_relations=False)
    extractor, linker = Extractor("fr", learned=False), load_configured_linker(config)
    extractor.pairs = recorder = _Recorder()
    docs = []
    for group, text, gold_path in sources:
        article = apply_defaults(next(iter(iter_articles([text], lang="fr"))), config)
        export = document_json(link_extraction(extractor.extract(article), linker))
        docs.append(_labelled(group, str(gold_path), export, recorder.candidates))
    return docs


def _labelled(group: str, gold_path: str, export: dict, candidates: list[Candidate]) -> Doc:
    gold = load_gold(gold_path)
    export["doc"]["id"] = gold.id
    pairing = pair_entities(gold.entities, export["entities"])
    keys = {eid: gold.entities[gi].key for eid, gi in pairing.items()}
    kept = {e["id"] for e in export["entities"]}  # linking may drop an entity, and its relations
    candidates = [c for c in candidates if c.subject in kept and c.object in kept]
    triples = {(r.subject, r.predicate, r.object): r.optional for r in gold.relations}
    return Doc(group, gold_path, export, candidates, keys, triples)


def load_docs(cache: Path, rebuild: bool, sources: list[tuple[str, Path, Path]]) -> list[Doc]:
    """The built articles, from the cache when it was made from the same articles and code (kept
    as plain dicts: the tool may run as a script or be imported)."""
    key = {"code": _code_key(), "sources": [(g, str(t), str(gp)) for g, t, gp in sources]}
    stored = pickle.loads(cache.read_bytes()) if cache.is_file() and not rebuild else None
    if isinstance(stored, dict) and stored.get("key") == key:
        docs = [Doc(**d) for d in stored["docs"]]
    else:
        docs = build_docs(sources)
        cache.write_bytes(pickle.dumps({"key": key, "docs": [vars(d) for d in docs]}))
    for doc in docs:  # the model reads a pair's sentences together, as the stage does
        doc.candidates = bags(doc.candidates)
    return docs


# --- learning ----------------------------------------------------------------------------------


def label(doc: Doc, c: Candidate, predicate: str) -> bool:
    triple = (doc.keys.get(c.subject), predicate, doc.keys.get(c.object))
    return triple in doc.gold


def rows(docs: list[Doc], predicate: str, known: bool = False) -> tuple[list[tuple[str, ...]], numpy.ndarray]:
    """The feature rows and labels of a predicate: the candidates the model may add and, with
    ``known``, those the rules found (never the feature saying the rules found it)."""
    feats, ys = [], []
    mark = "rr:" + predicate + ">"
    for doc in docs:
        for c in doc.candidates:
            if predicate in c.predicates or known and predicate in c.known:
                feats.append(tuple(f for f in c.features if f != mark))
                ys.append(label(doc, c, predicate))
    return feats, numpy.array(ys, dtype=float)


def fit(feats: list[tuple[str, ...]], y: numpy.ndarray, l2: float, min_count: int = 2,
        steps: int = 600) -> tuple[float, dict[str, float]]:
    """L2 logistic regression on binary features by full-batch Adam from zero: (bias, weights)."""
    counts: dict[str, int] = {}
    for fs in feats:
        for f in fs:
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(vocab)}
    r = numpy.array([n for n, fs in enumerate(feats) for f in fs if f in index], dtype=int)
    c = numpy.array([index[f] for fs in feats for f in fs if f in index], dtype=int)
    w, b = numpy.zeros(len(vocab)), 0.0
    m, v, mb, vb = numpy.zeros(len(vocab)), numpy.zeros(len(vocab)), 0.0, 0.0
    lr, n = 0.05, max(len(y), 1)
    for t in range(1, steps + 1):
        z = numpy.bincount(r, weights=w[c], minlength=len(y)) + b
        err = 1 / (1 + numpy.exp(-numpy.clip(z, -40, 40))) - y
        g = numpy.bincount(c, weights=err[r], minlength=len(vocab)) / n + l2 * w / n
        gb = err.mean()
        m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
        mb, vb = 0.9 * mb + 0.1 * gb, 0.999 * vb + 0.001 * gb * gb
        w -= lr * (m / (1 - 0.9 ** t)) / (numpy.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
        b -= lr * (mb / (1 - 0.9 ** t)) / (numpy.sqrt(vb / (1 - 0.999 ** t)) + 1e-8)
    return float(b), {f: float(x) for f, x in zip(vocab, w)}


def train(docs: list[Doc], l2: float, predicates=tuple(DOMAINS), known: bool = False) -> dict[str, tuple[float, dict[str, float]]]:
    return {p: fit(*rows(docs, p, known), l2=l2) for p in predicates}


def probabilities(models, docs: list[Doc]) -> list[dict[tuple[str, str, str], float]]:
    """Per document, each candidate triple's best probability under the models."""
    out = []
    for doc in docs:
        best: dict[tuple[str, str, str], float] = {}
        for c in doc.candidates:
            for p in c.predicates:
                if p in models:
                    bias, weights = models[p]
                    prob = Weights(bias, 1.0, weights).probability(c.features)
                    key = (c.subject, p, c.object)
                    best[key] = max(best.get(key, 0.0), prob)
        out.append(best)
    return out


# --- choosing and scoring ------------------------------------------------------------------------


def verdict(doc: Doc, triple: tuple[str, str, str]) -> str:
    """right (a non-optional gold relation), wrong (none), or optional."""
    s, p, o = triple
    key = (doc.keys.get(s), p, doc.keys.get(o))
    if key not in doc.gold:
        return "wrong"
    return "optional" if doc.gold[key] else "right"


def added(doc: Doc, probs: dict, thresholds: dict[str, float]) -> list[tuple[str, str, str]]:
    """The triples the model adds to a document: one predicate per ordered pair, the one passing
    its threshold by most, and none the export already has (by gold keys)."""
    best: dict[tuple[str, str], tuple[float, str]] = {}
    for (s, p, o), prob in probs.items():
        t = thresholds.get(p)
        if t is not None and prob >= t and ((s, o) not in best or prob - t > best[(s, o)][0]):
            best[(s, o)] = (prob - t, p)
    return [(s, p, o) for (s, o), (_, p) in best.items()]


def choose_thresholds(docs: list[Doc], probs: list[dict], precision: float, min_right: int) -> dict[str, float]:
    """Per predicate, the lowest threshold at which its added triples reach the precision."""
    chosen = {}
    for p in DOMAINS:
        for t in GRID:
            tally = {"right": 0, "wrong": 0, "optional": 0}
            for doc, pr in zip(docs, probs):
                for triple in added(doc, pr, {p: t}):
                    tally[verdict(doc, triple)] += 1
            n = tally["right"] + tally["wrong"]
            if tally["right"] >= min_right and tally["right"] / n >= precision:
                chosen[p] = t
                break
    return chosen


def relation_score(docs: list[Doc], extra: list[list[tuple]] | None = None) -> tuple[int, int, int]:
    """(matched, exported, gold) relations of the documents, as ``kgbuild eval`` counts them."""
    exports, golds = [], []
    for n, doc in enumerate(docs):
        export = dict(doc.export)
        rels = list(export.get("relations", []))
        for s, p, o in (extra[n] if extra else []):
            rels.append({"subject": s, "predicate": p, "object": o})
        export["relations"] = rels
        exports.append(export)
        golds.append(load_gold(doc.gold_path))
    report = score_documents(golds, exports)
    m = sum(d.relations.matched for d in report.documents)
    e = sum(d.relations.exported for d in report.documents)
    g = sum(d.relations.gold for d in report.documents)
    return m, e, g


def prf(m: int, e: int, g: int) -> str:
    p, r = m / e if e else 1.0, m / g if g else 1.0
    return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0:.3f} ({m}/{e}/{g})"


def out_of_fold(docs: list[Doc], held: list[Doc], folds: list[str], l2: float, known: bool = False) -> list[dict]:
    """Each held document's candidate probabilities under the model trained without its set."""
    oof: dict[int, dict] = {}
    for fold in folds:
        models = train([d for d in docs if d.group != fold], l2, known=known)
        mine = [d for d in held if d.group == fold]
        oof.update((id(d), pr) for d, pr in zip(mine, probabilities(models, mine)))
    return [oof[id(d)] for d in held]


def cross_validate(docs: list[Doc], folds: list[str], l2: float, precision: float,
                   min_right: int, known: bool = False) -> tuple[dict, list[str]]:
    """Leave-one-set-out over the folds: out-of-fold probabilities, each fold's thresholds chosen
    on the other folds', and the table.  Returns (thresholds chosen on all folds, table lines)."""
    held = [d for d in docs if d.group in folds]
    probs = out_of_fold(docs, held, folds, l2, known)
    per_fold_t = {}
    for fold in folds:
        others = [(d, p) for d, p in zip(held, probs) if d.group != fold]
        per_fold_t[fold] = choose_thresholds([d for d, _ in others], [p for _, p in others], precision, min_right)
    extra = [added(d, p, per_fold_t[d.group]) for d, p in zip(held, probs)]
    curve = _curve(held, probs)
    return choose_thresholds(held, probs, precision, min_right), _table(held, extra, per_fold_t) + curve


def _curve(held: list[Doc], probs: list[dict]) -> list[str]:
    """Per predicate, right/wrong added on the held-out sets at fixed thresholds (out-of-fold)."""
    lines = []
    for p in DOMAINS:
        cells = []
        for t in (0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9):
            tally = {"right": 0, "wrong": 0, "optional": 0}
            for d, pr in zip(held, probs):
                for triple in added(d, pr, {p: t}):
                    tally[verdict(d, triple)] += 1
            cells.append(f"{t}: {tally['right']}/{tally['wrong']}")
        lines.append(f"{p:12s} out-of-fold right/wrong at threshold  " + "  ".join(cells))
    return lines


def _table(held: list[Doc], extra: list[list[tuple]], per_fold_t: dict) -> list[str]:
    lines = ["thresholds per held-out set (chosen on the other sets): "
             + "; ".join(f"{f}: " + ", ".join(f"{p} {t}" for p, t in ts.items()) for f, ts in per_fold_t.items())]
    for p in DOMAINS:
        tally = {"right": 0, "wrong": 0, "optional": 0}
        for d, triples in zip(held, extra):
            for triple in triples:
                if triple[1] == p:
                    tally[verdict(d, triple)] += 1
        n = tally["right"] + tally["wrong"]
        lines.append(f"{p:12s} added right {tally['right']:3d} wrong {tally['wrong']:3d} optional "
                     f"{tally['optional']:2d} precision {tally['right'] / n if n else 0:.2f}")
    lines.append("rules alone      " + prf(*relation_score(held)))
    lines.append("rules + model    " + prf(*relation_score(held, extra)))
    lines.append("added right/wrong per held-out set: " + "; ".join(_per_set(held, extra)))
    return lines


def _per_set(held: list[Doc], extra: list[list[tuple]]) -> list[str]:
    """Each held-out set's added relations, right/wrong (optional ones aside)."""
    tally: dict[str, dict[str, int]] = {}
    for d, triples in zip(held, extra):
        counts = tally.setdefault(d.group, {"right": 0, "wrong": 0, "optional": 0})
        for triple in triples:
            counts[verdict(d, triple)] += 1
    return [f"{g} {c['right']}/{c['wrong']}" for g, c in tally.items()]


def write_model(path: Path, models, thresholds: dict[str, float], cv: list[str], digits: int = 2,
                floor: float = 0.02) -> None:
    """pairs.json: per predicate, bias, threshold and the weights that are not near zero."""
    data = {"about": "kgbuild/extract/pairs.py's pair model, written by tools/train_pairs.py",
            "cv": cv, "predicates": {}}
    for p, (bias, weights) in models.items():
        if p not in thresholds:
            continue
        kept = {f: round(w, digits) for f, w in sorted(weights.items()) if abs(w) >= floor}
        data["predicates"][p] = {"bias": round(bias, digits), "threshold": thresholds[p], "weights": kept}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8")


def _arguments(argv) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folds", type=Path, nargs="+", required=True, metavar="DIR",
                    help="annotated sets held out in turn, each a folder of NAME.txt beside NAME.gold.json")
    ap.add_argument("--dev", type=Path, default=None, metavar="DIR",
                    help="the dev folder: DIR/texts/N_fr.txt beside DIR/N_fr.gold.json, N 31-40, always train")
    ap.add_argument("--seed", type=Path, nargs=2, default=None, metavar=("TEXT", "GOLD"),
                    help="one more article that always trains, and its gold")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/kgbuild-pairs-cache.pkl"))
    ap.add_argument("--rebuild", action="store_true", help="build the articles again even if the cache fits")
    ap.add_argument("--out", type=Path, default=None, help="write the model trained on all the data here")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--precision", type=float, default=0.85,
                    help="aimed at on the training sets (0.80 is wanted on held-out ones: a margin)")
    ap.add_argument("--min-right", type=int, default=3)
    ap.add_argument("--threshold", nargs="*", default=[], metavar="PREDICATE=T",
                    help="ship a predicate at this threshold instead of the one chosen (it must have been chosen)")
    ap.add_argument("--known", action="store_true",
                    help="train on the pairs the rules joined too (only those they did not are ever added)")
    ap.add_argument("--drop", nargs="*", default=[], metavar="PREFIX",
                    help="leave out the features starting with these (e.g. rr: ra: rb: for no rules' relations)")
    args = ap.parse_args(argv)
    names = [folder.name for folder in args.folds]
    if len(set(names)) != len(names) or set(names) & {"dev", "seed", "quality"}:
        ap.error(f"--folds: the folders' names {names} must differ from each other and from dev, seed, quality")
    return args


def main(argv=None) -> int:
    args = _arguments(argv)
    try:
        sources = data_sources(args.folds, args.dev, args.seed)
    except DataError as error:
        print(f"train_pairs: {error}", file=sys.stderr)
        return 2
    docs = load_docs(args.cache, args.rebuild, sources)
    if args.drop:
        drop = tuple(args.drop)
        for doc in docs:
            doc.candidates = [replace(c, features=tuple(f for f in c.features if not f.startswith(drop)))
                              for c in doc.candidates]
    folds = [folder.name for folder in args.folds]
    thresholds, cv = cross_validate(docs, folds, args.l2, args.precision, args.min_right, args.known)
    print("\n".join(cv))
    print("thresholds (all folds):", thresholds)
    for item in args.threshold:
        name, _, value = item.partition("=")
        if name in thresholds:
            thresholds[name] = float(value)
    print("thresholds shipped:", thresholds)
    cv.append(f"thresholds shipped: {thresholds}")
    if args.out:
        write_model(args.out, train(docs, args.l2, known=args.known), thresholds, cv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
