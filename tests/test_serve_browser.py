"""The query page in a real headless Chromium: open it, run queries, read the results shown."""

from __future__ import annotations

import json
import shutil
import threading
from importlib import resources
from pathlib import Path

import pytest

from kgbuild.store import load_store, make_server

GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = json.loads(resources.files("kgbuild").joinpath("data", "serve", "examples.json").read_text("utf-8"))

pytestmark = pytest.mark.slow

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
if not (CHROMIUM and CHROMEDRIVER):
    pytest.skip("needs the Debian packages chromium and chromium-driver", allow_module_level=True)

KG = "https://w3id.org/kgbuild/ontology#"
ID = "https://w3id.org/kgbuild/id/"
# three documents in the shape of a corpus build: b is a reprint of a (text written for the test)
TRIG = f"""
@prefix kg: <{KG}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
<{ID}doc/a/graph> {{ <{ID}doc/a> a kg:Document .
  <{ID}doc/a/entity/Q36> a kg:Actor ; rdfs:label "Pologne"@fr ; kg:mentionCount 3 ;
      kg:inDocument <{ID}doc/a> ; owl:sameAs <http://www.wikidata.org/entity/Q36> . }}
<{ID}doc/b/graph> {{ <{ID}doc/b> a kg:Document .
  <{ID}doc/b/entity/Q36> a kg:Actor ; rdfs:label "Pologne"@fr ; kg:mentionCount 3 ;
      kg:inDocument <{ID}doc/b> ; owl:sameAs <http://www.wikidata.org/entity/Q36> . }}
<{ID}doc/c/graph> {{ <{ID}doc/c> a kg:Document .
  <{ID}doc/c/entity/Q36> a kg:Actor ; rdfs:label "Pologne"@fr ; kg:mentionCount 2 ;
      kg:inDocument <{ID}doc/c> ; owl:sameAs <http://www.wikidata.org/entity/Q36> .
  <{ID}doc/c/entity/WeaponSystem/Missile> a kg:Weapon ; rdfs:label "Missile <b>fictif</b>"@fr ;
      kg:mentionCount 1 ; kg:inDocument <{ID}doc/c> . }}
<{ID}entity/Q36> a kg:CorpusEntity ; rdfs:label "Pologne" ; kg:documentCount 2 ; kg:mentionCount 5 .
<{ID}doc/b> kg:nearDuplicateOf <{ID}doc/a> .
"""


def serve(folder, trig: str | None):
    """A kgbuild server on a free port over a store loaded with ``trig`` (None: an empty store)."""
    if trig is not None:
        (folder / "corpus.trig").write_text(trig, encoding="utf-8")
        load_store([folder / "corpus.trig"], folder / "store")
    server = make_server(folder / "store", "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def page_url(tmp_path_factory):
    server, url = serve(tmp_path_factory.mktemp("browser"), TRIG)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def one_article_url(tmp_path_factory):
    """A store loaded from a one-article build (the authorisation golden case)."""
    from kgbuild.export import read_extraction_json, write_outputs

    folder = tmp_path_factory.mktemp("one-article")
    extraction = read_extraction_json(GOLDEN / "authorisation" / "extraction.json")
    (trig,) = write_outputs([extraction], folder, ("trig",), stem="one")
    server, url = serve(folder, trig.read_text(encoding="utf-8"))
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def empty_url(tmp_path_factory):
    server, url = serve(tmp_path_factory.mktemp("empty"), None)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    downloads = tmp_path_factory.mktemp("downloads")
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.downloads = downloads
    yield driver
    driver.quit()


def open_page(browser, url):
    browser.get(url)
    WebDriverWait(browser, 20).until(ec.element_to_be_clickable((By.ID, "run")))  # examples loaded


def results_table(browser):
    WebDriverWait(browser, 20).until(ec.presence_of_element_located((By.ID, "results-table")))
    table = browser.find_element(By.ID, "results-table")
    header = [th.text for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
    rows = [[td.text for td in tr.find_elements(By.TAG_NAME, "td")]
            for tr in table.find_elements(By.CSS_SELECTOR, "tbody tr")]
    return header, rows


def test_the_default_query_lists_corpus_entities(browser, page_url):
    open_page(browser, page_url)
    browser.find_element(By.ID, "run").click()
    header, rows = results_table(browser)
    assert header == ["entity", "label", "documents", "mentions", "wikidata"]
    assert rows == [  # the reprint b is not counted
        ["kgid:doc/a/entity/Q36", "Pologne@fr", "2", "5", "wd:Q36"],
        ["kgid:doc/c/entity/WeaponSystem/Missile", "Missile <b>fictif</b>@fr", "1", "1", ""],  # as text
    ]
    assert browser.find_element(By.ID, "status").text.startswith("2 results")


def test_a_typed_query_runs_and_a_clicked_iri_is_described(browser, page_url):
    open_page(browser, page_url)
    box = browser.find_element(By.ID, "query")
    box.clear()
    box.send_keys(f"SELECT ?copy ?original WHERE {{ ?copy <{KG}nearDuplicateOf> ?original }}")
    browser.find_element(By.ID, "run").click()
    _, rows = results_table(browser)
    assert rows == [["kgid:doc/b", "kgid:doc/a"]]
    browser.find_element(By.LINK_TEXT, "kgid:doc/a").click()
    WebDriverWait(browser, 20).until(
        lambda b: "what the graph says" in b.find_element(By.ID, "query").get_attribute("value")
        and b.find_elements(By.CSS_SELECTOR, "#results-table tbody tr")
        and "kgid:doc/a/graph" in b.find_element(By.ID, "results-table").text)
    _, rows = results_table(browser)
    assert ["rdf:type", "kg:Document", "kgid:doc/a/graph"] in rows


def test_a_bad_query_shows_the_error(browser, page_url):
    open_page(browser, page_url)
    box = browser.find_element(By.ID, "query")
    box.clear()
    box.send_keys("SELECT WHERE nothing")
    browser.find_element(By.ID, "run").click()
    WebDriverWait(browser, 20).until(ec.visibility_of_element_located((By.ID, "error")))
    assert "bad query" in browser.find_element(By.ID, "error").text
    assert browser.find_element(By.ID, "status").text == "The query failed."
    box.clear()
    box.send_keys("SELECT * WHERE { ?s foo:bar ?o }")  # no PREFIX line
    browser.find_element(By.ID, "run").click()
    WebDriverWait(browser, 20).until(lambda b: "foo" in b.find_element(By.ID, "error").text)
    assert browser.find_element(By.ID, "error").text == (
        "bad query: line 1, column 28: prefix 'foo:' is not declared (add PREFIX foo: <...>)")


def run_example(browser, title: str) -> tuple[list, str]:
    """Choose an example in the list, run it; its rows, and the note shown when there are none."""
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element(By.ID, "examples")).select_by_visible_text(title)
    browser.find_element(By.ID, "run").click()
    WebDriverWait(browser, 20).until(
        lambda b: b.find_element(By.ID, "status").text not in ("", "Running…"))
    assert browser.find_element(By.ID, "status").text != "The query failed.", \
        browser.find_element(By.ID, "error").text
    _, rows = results_table(browser)
    note = browser.find_element(By.ID, "note")
    return rows, note.text if note.is_displayed() else ""


def test_every_example_answers_on_a_one_article_build_or_says_why_not(browser, one_article_url):
    open_page(browser, one_article_url)
    answered = {}
    for example in EXAMPLES["examples"]:
        rows, note = run_example(browser, example["title"])
        assert rows or note == example["empty"], example["title"]
        assert not (rows and note), example["title"]
        answered[example["title"]] = len(rows)
    assert answered["Entities across the corpus"] == 5  # its five entities: the first query is not empty
    assert answered["Relations between entities"] > 0 and answered["Who said what (reprints left out)"] > 0
    assert answered["Near-duplicate articles"] == 0  # said why: only corpus builds look for them


def test_an_empty_store_is_named_as_the_reason(browser, empty_url):
    open_page(browser, empty_url)
    rows, note = run_example(browser, "Entities across the corpus")
    assert rows == [] and note.startswith("The store is empty: load a build with `kgbuild load")


def test_download_csv_neutralises_formula_cells(browser, page_url):
    """Issue 12 row 12: a value starting with = + - @ is text in a spreadsheet, never a formula."""
    open_page(browser, page_url)
    box = browser.find_element(By.ID, "query")
    box.clear()
    box.send_keys('SELECT ?v WHERE { VALUES ?v { "=HYPERLINK(\\"http://evil.example\\",\\"x\\")" '
                  '"@SUM(A1)" "-x" "-2.5" 3 "a=b" } }')
    browser.find_element(By.ID, "run").click()
    results_table(browser)
    WebDriverWait(browser, 20).until(ec.visibility_of_element_located((By.ID, "download"))).click()
    saved = browser.downloads / "results.csv"
    WebDriverWait(browser, 20).until(lambda _: _downloaded(saved))
    text = saved.read_bytes().decode("utf-8")
    assert text.split("\r\n") == ["v", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"", "'@SUM(A1)",
                                  "'-x", "-2.5", "3", "a=b", ""]


def _downloaded(path) -> bool:
    """Whether a download is complete: the browser may create the file empty, write it beside
    under a partial name, then move it in place."""
    partial = [p for p in path.parent.iterdir() if p.suffix in (".part", ".crdownload")]
    return path.exists() and path.stat().st_size > 0 and not partial
