"""bench/hipe.py's loss table: each NEL error of a run lands in the class that explains it."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import hipe  # noqa: E402

# a text of our own in the HIPE format: one gold entity per line group
ROWS = [
    ("Le", "O", "_"), ("maire", "O", "_"), ("de", "O", "_"),
    ("Berne", "B-loc", "Q70"),            # linked right by the system
    ("a", "O", "_"), ("reçu", "O", "_"),
    ("M.", "B-pers", "NIL"), ("Dupuis", "I-pers", "NIL"),   # gold NIL, system QID
    ("venu", "O", "_"), ("de", "O", "_"),
    ("Lausanne", "B-loc", "Q807"),        # in the snapshot, system says NIL
    ("et", "O", "_"),
    ("Oron", "B-loc", "Q999999999"),      # not in the snapshot, system says NIL
    ("avec", "O", "_"),
    ("Genève", "B-loc", "Q71"),           # missed
    (".", "O", "_"),
]


def _doc(tmp_path: Path) -> hipe.HipeDoc:
    lines = ["\t".join(hipe.COLUMNS), "# hipe2020:document_id = test-1", "# hipe2020:date = 1900-01-01"]
    for token, tag, link in ROWS:
        lines.append("\t".join((token, tag, "O", "O", "O", "O", "O", link, "_", "_")))
    path = tmp_path / "tiny.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (doc,) = hipe.read_hipe(path)
    return doc


def test_each_error_lands_in_its_class(tmp_path):
    doc = _doc(tmp_path)
    index = {t.text: i for i, t in enumerate(doc.tokens)}
    system = [
        hipe.Span(index["Berne"], index["Berne"], "loc", "Q70"),
        hipe.Span(index["Dupuis"], index["Dupuis"], "pers", "Q123"),
        hipe.Span(index["Lausanne"], index["Lausanne"], "loc", "NIL"),
        hipe.Span(index["Oron"], index["Oron"], "loc", "NIL"),
        hipe.Span(index["reçu"], index["reçu"], "loc", "NIL"),  # no gold entity there
    ]
    classes = hipe.losses([doc], [system], known_qids={"Q70", "Q807", "Q71"})
    counts = {cls: len(items) for cls, items in classes.items()}
    assert counts == {
        "FN+FP QID where gold is NIL": 1,
        "FN+FP NIL, gold QID in snapshot": 1,
        "FN+FP NIL, gold QID not in snapshot": 1,
        "FN missed mention, gold QID in snapshot": 1,
        "FP spurious mention, system NIL": 1,
    }
    assert "'Lausanne'" in classes["FN+FP NIL, gold QID in snapshot"][0]
    # the classes account for every error the score counts
    nel = hipe.score([doc], [system], {"Q70", "Q807", "Q71"})["nel"]
    assert (nel.tp, nel.fp, nel.fn) == (1, 4, 4)
    assert "NEL end-to-end losses by class" in hipe.format_losses(classes, 1)
