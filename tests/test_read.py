"""Reading inputs: formats, encodings, ids, and bad input that never sinks a corpus."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from kgbuild.errors import EmptyInputError, InputError
from kgbuild.read import clean_article, iter_articles, read_text
from kgbuild.types import Article

FIXTURES = Path(__file__).parent / "fixtures" / "read"
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seed.fr.txt"


def collect(paths, **options):
    """Read with an error callback: (articles, errors)."""
    errors: list[InputError] = []
    articles = list(iter_articles(paths, on_error=errors.append, **options))
    return articles, errors


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# -- plain text -----------------------------------------------------------------


def test_seed_text_is_kept_as_read():
    [article] = iter_articles([SEED])
    assert article.id == "seed"
    assert article.lang == "fr"
    assert article.source == str(SEED)
    assert article.encoding == "utf-8"
    raw = SEED.read_bytes().decode("utf-8").replace("\r\n", "\n")
    assert article.text == raw


def test_single_path_string_is_accepted(tmp_path):
    path = write(tmp_path / "note.txt", "Une phrase.")
    [article] = iter_articles(str(path))
    assert article.text == "Une phrase."


def test_crlf_and_lone_cr_become_lf_and_nothing_else_changes(tmp_path):
    path = write(tmp_path / "lines.txt", "  Premier paragraphe.\r\n\r\nSecond\rtroisième.  \n")
    [article] = iter_articles([path])
    assert article.text == "  Premier paragraphe.\n\nSecond\ntroisième.  \n"


def test_utf8_bom_is_recorded_and_removed(tmp_path):
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbfL\xe2\x80\x99\xc3\xa9t\xc3\xa9 arrive.")
    [article] = iter_articles([path])
    assert article.text == "L’été arrive."
    assert article.encoding == "utf-8-sig"


def test_utf16_with_bom_is_read(tmp_path):
    path = write(tmp_path / "wide.txt", "Déjà lu.".encode("utf-16"))
    [article] = iter_articles([path])
    assert article.text == "Déjà lu."
    assert article.encoding == "utf-16"


def test_latin1_file_is_decoded_and_reported(caplog):
    path = FIXTURES / "region.fr.txt"
    with caplog.at_level(logging.WARNING, logger="kgbuild.read"):
        [article] = iter_articles([path])
    assert "Le conseil régional a présenté" in article.text
    assert "Élise Marchand, « ce budget prépare l’été »" in article.text
    assert article.encoding == "cp1252"
    assert article.id == "region" and article.lang == "fr"
    [record] = [r for r in caplog.records if r.name == "kgbuild.read"]
    assert str(path) in record.getMessage() and "cp1252" in record.getMessage()


def test_utf8_file_with_stray_latin1_bytes_keeps_its_utf8_accents(tmp_path, caplog):
    data = "Le comité a validé le projet. ".encode("utf-8") * 3 + "Fin de l'été.".encode("latin-1")
    path = write(tmp_path / "mixed.txt", data)
    with caplog.at_level(logging.WARNING, logger="kgbuild.read"):
        [article] = iter_articles([path])
    assert article.text == "Le comité a validé le projet. " * 3 + "Fin de l'été."
    assert "mixed.txt" in caplog.text


def test_language_code_in_file_name_and_lang_option(tmp_path):
    write(tmp_path / "rapport.de.txt", "Ein kurzer Text.")
    write(tmp_path / "notes.txt", "Un texte court.")
    by_id = {a.id: a for a in iter_articles([tmp_path])}
    assert by_id["rapport"].lang == "de"
    assert by_id["notes"].lang is None  # not said: detected when built (kgbuild.langid)
    forced = {a.id: a.lang for a in iter_articles([tmp_path], lang="en")}
    assert forced == {"rapport": "en", "notes": "en"}


# -- folders and ids ----------------------------------------------------------------


def test_folder_is_read_recursively_sorted_with_supported_files_only(tmp_path):
    write(tmp_path / "b.txt", "Texte B.")
    write(tmp_path / "a.txt", "Texte A.")
    write(tmp_path / "sub" / "c.txt", "Texte C.")
    write(tmp_path / "sub" / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path / "notes.md", "# pas lu")
    write(tmp_path / ".cache" / "d.txt", "caché")
    articles, errors = collect([tmp_path])
    assert errors == []
    assert [a.id for a in articles] == ["a", "b", "c"]
    assert articles[2].source == str(tmp_path / "sub" / "c.txt")


def test_ids_are_unique_within_a_run(tmp_path):
    write(tmp_path / "one" / "seed.fr.txt", "Premier.")
    write(tmp_path / "two" / "seed.fr.txt", "Second.")
    ids = [a.id for a in iter_articles([tmp_path / "one", tmp_path / "two", tmp_path / "one"])]
    assert ids == ["seed", "seed-2", "seed-3"]


def test_folder_without_supported_files_is_an_error(tmp_path):
    write(tmp_path / "notes.md", "# rien")
    articles, [error] = collect([tmp_path])
    assert articles == []
    assert str(tmp_path) in str(error) and "no .txt" in str(error)


# -- JSONL ----------------------------------------------------------------------------


def test_jsonl_good_lines_come_out_and_bad_lines_are_reported():
    path = FIXTURES / "corpus.jsonl"
    articles, errors = collect([path])
    assert [a.id for a in articles] == ["marche", "corpus-2", "7"]
    first, second, third = articles
    assert (first.title, first.date, first.url, first.lang) == (
        "Le marché rouvre",
        "2024-05-04",
        "https://example.org/marche",
        "fr",
    )
    assert second.text == "La bibliothèque prolonge ses horaires pendant l'été.\nElle ouvrira aussi le dimanche."
    assert third.lang == "en"
    assert all(a.source == str(path) for a in articles)
    problems = [str(e) for e in errors]
    assert all(p.startswith(f"{path}: line ") for p in problems)
    assert "line 3: invalid JSON" in problems[0]
    assert "line 5: no 'text' field" in problems[1]
    assert "line 6: empty 'text'" in problems[2]
    assert "line 7: expected a JSON object" in problems[3]
    assert len(problems) == 4


def test_jsonl_without_callback_raises_at_the_first_bad_line_after_the_good_ones():
    seen = []
    with pytest.raises(InputError, match=r"corpus\.jsonl: line 3: invalid JSON"):
        for article in iter_articles([FIXTURES / "corpus.jsonl"]):
            seen.append(article.id)
    assert seen == ["marche", "corpus-2"]


def test_jsonl_field_types_dates_and_long_texts(tmp_path):
    lines = [
        {"id": "ok", "text": "Bon.", "date": "2024-02-03T18:00:00Z"},
        {"id": "badtitle", "text": "Titre faux.", "title": 12},
        {"id": ["x"], "text": "Id faux."},
        {"id": "long", "text": "x" * 60},
        {"id": "baddate", "text": "Date illisible.", "date": "le 3 mars"},
    ]
    path = write(tmp_path / "mix.jsonl", "\n".join(json.dumps(x) for x in lines))
    articles, errors = collect([path], max_chars=50)
    assert [(a.id, a.date) for a in articles] == [("ok", "2024-02-03"), ("baddate", None)]
    problems = [str(e) for e in errors]
    assert "line 2: 'title' must be a string" in problems[0]
    assert "line 3: 'id' must be a string or an integer" in problems[1]
    assert "line 4: too long: 60 characters" in problems[2]


def test_jsonl_with_invalid_utf8_line(tmp_path):
    data = b'{"id": "a", "text": "Premier."}\n{"id": "b", "text": "caf\xe9"}\n{"id": "c", "text": "Trois."}\n'
    articles, [error] = collect([write(tmp_path / "enc.jsonl", data)])
    assert [a.id for a in articles] == ["a", "c"]
    assert "enc.jsonl: line 2: not UTF-8" in str(error)


def test_empty_jsonl_is_an_error(tmp_path):
    articles, [error] = collect([write(tmp_path / "none.jsonl", "\n\n")])
    assert articles == [] and isinstance(error, EmptyInputError)
    assert "none.jsonl" in str(error) and "empty" in str(error)


# -- HTML -------------------------------------------------------------------------------


def test_html_main_text_and_metadata():
    [article] = iter_articles([FIXTURES / "page.html"])
    assert article.id == "page"
    assert article.lang == "fr"
    assert article.title == "Villeneuve inaugure son nouveau pont"
    assert article.date == "2024-06-12"
    assert article.url == "https://example.org/villeneuve-pont"
    assert "Le nouveau pont sur la Durance a été ouvert mercredi matin" in article.text
    assert "« Cet ouvrage relie enfin les deux rives du quartier »" in article.text
    assert "Accueil" not in article.text and "Mentions légales" not in article.text
    # paragraphs are blank-line separated, as in .txt input
    assert "chantier.\n\n« Cet ouvrage" in article.text
    assert "<p>" not in article.text


def test_html_declared_latin1_charset(tmp_path):
    page = (FIXTURES / "page.html").read_text("utf-8").replace('charset="utf-8"', 'charset="iso-8859-1"')
    page = page.replace("’", "'")
    path = write(tmp_path / "vieux.htm", page.encode("latin-1"))
    [article] = iter_articles([path])
    assert article.encoding == "cp1252"
    assert "a été ouvert mercredi matin aux piétons" in article.text


def test_html_without_main_text_is_an_error():
    path = FIXTURES / "blank.html"
    articles, [error] = collect([path, FIXTURES / "page.html"])
    assert isinstance(error, EmptyInputError)
    assert str(error) == f"{path}: no main text found in the HTML page"
    assert [a.id for a in articles] == ["page"]


# -- stdin --------------------------------------------------------------------------------


def test_stdin_is_read_with_dash():
    script = (
        "from kgbuild.read import iter_articles\n"
        "[a] = iter_articles(['-'])\n"
        "print(a.id, a.source, a.encoding, repr(a.text))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        input="Un texte venu du tube.\r\nFin.".encode("utf-8"),
        capture_output=True,
        check=True,
    )
    assert done.stdout.decode("utf-8").strip() == "stdin <stdin> utf-8 'Un texte venu du tube.\\nFin.'"


# -- bad input: every case names the file and the problem, and the rest still comes out ----


GOOD = "Un document correct."


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n\t \n", "no text (only whitespace)"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "binary file, not text"),
        ("noise.txt", bytes(range(128, 256)) * 3, "cannot decode: not UTF-8"),
        ("controls.txt", b"\x01\x02\x03abc\x04\x05\x06\x07" * 20, "binary file, not text"),
    ],
)
def test_bad_file_is_reported_and_others_still_come_out(tmp_path, name, data, problem):
    first = write(tmp_path / "a-first.txt", GOOD)
    bad = write(tmp_path / name, data)
    last = write(tmp_path / "z-last.txt", GOOD)
    articles, [error] = collect([first, bad, last])
    assert [a.id for a in articles] == ["a-first", "z-last"]
    assert error.path == str(bad)
    assert str(error).startswith(f"{bad}: {problem}")


def test_stray_control_characters_are_read_as_spaces_and_reported(tmp_path, caplog):
    # one NUL (a PDF converted to text, a bad copy) and a BEL in otherwise UTF-8 text
    path = write(tmp_path / "feed.txt", "Le colonel a parlé.\x00 Il est reparti\x07 hier.\n")
    with caplog.at_level(logging.WARNING, logger="kgbuild.read"):
        [article] = iter_articles([path])
    assert article.text == "Le colonel a parlé.  Il est reparti  hier.\n"  # offsets hold
    [record] = [r for r in caplog.records if r.name == "kgbuild.read"]
    assert record.getMessage() == f"{path}: 2 control characters (NUL and the like) read as spaces"


def test_an_article_given_through_the_api_has_its_control_characters_read_as_spaces(caplog):
    article = Article(id="depeche", text="Le colonel a parlé.\x00 Il est reparti\x1b hier.")
    with caplog.at_level(logging.WARNING, logger="kgbuild.read"):
        cleaned = clean_article(article)
    assert cleaned.text == "Le colonel a parlé.  Il est reparti  hier."  # offsets hold
    [record] = [r for r in caplog.records if r.name == "kgbuild.read"]
    assert record.getMessage() == "depeche: 2 control characters (NUL and the like) read as spaces"
    assert clean_article(cleaned) is cleaned  # a clean article passes as it is


@pytest.mark.parametrize(("name", "data", "what"), [
    ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type /Catalog>>\n", "a PDF document"),
    ("notes.txt", b"PK\x03\x04\x14\x00\x06\x00\x08\x00word/document.xml", "a ZIP archive or an Office document"),
    ("photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "a JPEG image"),
])
def test_binary_formats_are_refused_naming_what_they_are(tmp_path, name, data, what):
    bad = write(tmp_path / name, data)
    _, [error] = collect([bad])
    assert str(error) == f"{bad}: binary file, not text ({what}): convert it to text first"


@pytest.mark.parametrize("opening", ["ID3 fut le nom", "RIFF et OggS", "GIF8 est un code", "BZh rapporte", "Rar! Rare"])
def test_prose_opening_on_the_letters_of_a_binary_signature_is_text(tmp_path, opening):
    path = write(tmp_path / "brief.txt", f"{opening} donné à la réunion du colonel.\n")
    [article] = iter_articles([path])
    assert article.text.startswith(opening)


def test_missing_path_is_reported_and_others_still_come_out(tmp_path):
    good = write(tmp_path / "ok.txt", GOOD)
    missing = tmp_path / "absent.txt"
    articles, [error] = collect([missing, good])
    assert [a.id for a in articles] == ["ok"]
    assert str(error) == f"{missing}: no such file or folder"


def test_ten_megabyte_text_is_refused_before_reading(tmp_path):
    big = write(tmp_path / "big.txt", b"mot " * (10 * 1024 * 1024 // 4))
    good = write(tmp_path / "ok.txt", GOOD)
    articles, [error] = collect([big, good])
    assert [a.id for a in articles] == ["ok"]
    assert str(error) == (f"{big}: too long: 10,485,760 bytes, over the 4,000,000 bytes that "
                          f"--max-chars 1,000,000 allows (4 bytes a character); raise --max-chars to read it")


def test_text_over_max_chars_is_refused(tmp_path):
    long = write(tmp_path / "long.txt", "é" * 120)
    articles, [error] = collect([long], max_chars=100)
    assert articles == []
    assert str(error) == f"{long}: too long: 120 characters, over --max-chars 100"
    [article] = iter_articles([long], max_chars=None)
    assert len(article.text) == 120


def test_fixture_folder_with_on_error_yields_every_good_document():
    articles, errors = collect([FIXTURES])
    assert [a.id for a in articles] == ["marche", "corpus-2", "7", "page", "region"]
    assert sorted(Path(e.path).name for e in errors) == [
        "blank.html",
        "corpus.jsonl",
        "corpus.jsonl",
        "corpus.jsonl",
        "corpus.jsonl",
        "empty.txt",
    ]


def test_without_callback_the_error_is_raised_after_earlier_articles(tmp_path):
    good = write(tmp_path / "ok.txt", GOOD)
    empty = write(tmp_path / "empty.txt", b"")
    reader = iter_articles([good, empty])
    assert next(reader).id == "ok"
    with pytest.raises(EmptyInputError, match="empty.txt: empty file"):
        next(reader)


# -- read_text ----------------------------------------------------------------------------


def test_read_text_builds_an_article():
    article = read_text("Ligne un.\r\nLigne deux.", id="memo", title="Mémo", date="2024-07-01T08:00:00+02:00")
    assert article.text == "Ligne un.\nLigne deux."
    assert (article.id, article.lang, article.title, article.date) == ("memo", None, "Mémo", "2024-07-01")
    assert read_text("Hello.", id="en1", lang="en").lang == "en"


def test_read_text_refuses_empty_and_too_long_texts():
    with pytest.raises(EmptyInputError, match="memo: no text"):
        read_text(" \n ", id="memo")
    with pytest.raises(InputError, match="memo: too long: 11 characters, over --max-chars 10"):
        read_text("x" * 11, id="memo", max_chars=10)
    with pytest.raises(TypeError):
        read_text(b"octets", id="memo")
