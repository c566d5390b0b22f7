"""Writing and loading big graphs with pyoxigraph, with rdflib as the baseline in the same run.

    .venv/bin/python bench/bench_store.py [--triples 3000000] [--baseline 100000]

The graph has the shape of a corpus build (one named graph per document: the
document and its text, sentences, entities, mentions and their evidence spans,
statements, relations), made up at run time with made-up labels.  Measured:

1. writing 3M quads as TriG and as Turtle the way a corpus build merges (parse
   N-Quads, stream them to the file through ``corpus.write_quads``); goal <= 30 s;
2. `kgbuild load`: checking and bulk-loading the TriG into a new store;
3. the same 100k triples written as Turtle by rdflib and by pyoxigraph (the ratio).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

ID = "https://w3id.org/kgbuild/id/"
KG = "https://w3id.org/kgbuild/ontology#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
XSD = "http://www.w3.org/2001/XMLSchema#"
WORDS = ("frappe", "missile", "frontière", "aide", "ministre", "région", "armée", "décision",
         "soutien", "livraison", "conflit", "accord", "sommet", "alliés", "défense", "front")


def document_quads(i: int) -> list[str]:
    """About 600 N-Quads lines shaped like one document's named graph."""
    doc = f"<{ID}doc/d{i}>"
    graph = f"<{ID}doc/d{i}/graph>"
    text = " ".join(WORDS[(i * 7 + k) % len(WORDS)] for k in range(300))
    lines = [f"{doc} {RDF_TYPE} <{KG}Document> {graph} .",
             f'{doc} <http://purl.org/dc/terms/identifier> "d{i}" {graph} .',
             f'<{ID}doc/d{i}#char=0,{len(text)}> <{NIF}isString> "{text}" {graph} .']

    def span(start: int, end: int) -> str:
        node = f"<{ID}doc/d{i}#char={start},{end}>"
        lines.extend([
            f"{node} {RDF_TYPE} <{NIF}String> {graph} .",
            f"{node} {RDF_TYPE} <{NIF}RFC5147String> {graph} .",
            f'{node} <{NIF}beginIndex> "{start}"^^<{XSD}nonNegativeInteger> {graph} .',
            f'{node} <{NIF}endIndex> "{end}"^^<{XSD}nonNegativeInteger> {graph} .',
            f"{node} <{NIF}referenceContext> <{ID}doc/d{i}#char=0,{len(text)}> {graph} .",
            f'{node} <{NIF}anchorOf> "{text[start:end]}" {graph} .',
        ])
        return node

    for s in range(12):
        span(s * 150, s * 150 + 140)
    for e in range(16):
        entity = f"<{ID}doc/d{i}/entity/Q{100 + (i + e) % 400}>"
        lines += [f"{entity} {RDF_TYPE} <{KG}Actor> {graph} .",
                  f'{entity} {LABEL} "Entité {(i + e) % 400}"@fr {graph} .',
                  f'{entity} <{KG}confidence> "0.8"^^<{XSD}decimal> {graph} .',
                  f"{entity} <{KG}inDocument> {doc} {graph} ."]
        for m in range(3):
            mention = f"<{ID}doc/d{i}/entity/Q{100 + (i + e) % 400}/mention/{e * 90 + m * 20}>"
            lines += [f"{entity} <{KG}hasMention> {mention} {graph} .",
                      f"{mention} {RDF_TYPE} <{KG}Mention> {graph} .",
                      f'{mention} <{KG}method> "ner" {graph} .',
                      f"{mention} <{KG}evidence> {span(e * 90 + m * 20, e * 90 + m * 20 + 8)} {graph} ."]
    return lines


def write_nquads(path: Path, triples: int) -> int:
    written = 0
    with path.open("w", encoding="utf-8") as handle:
        i = 0
        while written < triples:
            lines = document_quads(i)[: triples - written]
            handle.write("\n".join(lines) + "\n")
            written += len(lines)
            i += 1
    return written


def read_quads(path: Path):
    return ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=3_000_000)
    parser.add_argument("--baseline", type=int, default=100_000, help="triples for the rdflib comparison")
    args = parser.parse_args()

    from rdflib import Dataset

    from kgbuild.corpus import write_quads
    from kgbuild.rdf import union_graph
    from kgbuild.store import load_store

    with tempfile.TemporaryDirectory(prefix="kgbuild-bench-") as tmp:
        folder = Path(tmp)
        journal = folder / "big.nq"
        count = write_nquads(journal, args.triples)
        trig = timed(lambda: write_quads(read_quads(journal), folder / "big.trig", "trig"))
        turtle = timed(lambda: write_quads(read_quads(journal), folder / "big.ttl", "ttl"))
        load = timed(lambda: load_store([folder / "big.trig"], folder / "store"))

        small = folder / "small.nq"
        write_nquads(small, args.baseline)
        dataset = Dataset()
        dataset.parse(small, format="nquads")  # not timed: only the writing is compared
        base = union_graph(dataset)
        rdflib_time = timed(lambda: base.serialize(folder / "small-rdflib.ttl", format="turtle"))
        oxi_time = timed(lambda: write_quads(read_quads(small), folder / "small-oxigraph.ttl", "ttl"))

    results = {
        "quads": count,
        "trig_seconds": round(trig, 2),
        "turtle_seconds": round(turtle, 2),
        "load_seconds": round(load, 2),
        "baseline_triples": len(base),
        "rdflib_turtle_seconds": round(rdflib_time, 2),
        "oxigraph_turtle_seconds": round(oxi_time, 2),
        "ratio_rdflib_vs_oxigraph": round(rdflib_time / oxi_time, 1),
    }
    print(f"write {count:,} quads: TriG {trig:.1f} s, Turtle {turtle:.1f} s "
          f"({trig / 30:.2f}x of the 30 s budget); kgbuild load (check + bulk load) {load:.1f} s")
    print(f"{len(base):,} triples as Turtle: rdflib {rdflib_time:.1f} s, pyoxigraph {oxi_time:.2f} s: "
          f"pyoxigraph {rdflib_time / oxi_time:.0f}x faster")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
