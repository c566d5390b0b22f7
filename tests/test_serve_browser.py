"""The query page in a real headless Chromium: open it, run queries, read the results shown."""

from __future__ import annotations

import shutil
import threading

import pytest

from kgbuild.store import load_store, make_server

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
TRIG = f"""
@prefix kg: <{KG}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
<{ID}doc/a/graph> {{ <{ID}doc/a> a kg:Document . }}
<{ID}doc/b/graph> {{ <{ID}doc/b> a kg:Document . }}
<{ID}entity/Q36> a kg:CorpusEntity ; rdfs:label "Pologne" ; kg:documentCount 2 ; kg:mentionCount 5 ;
    owl:sameAs <http://www.wikidata.org/entity/Q36> .
<{ID}entity/kb/missile-fictif> a kg:CorpusEntity ; rdfs:label "Missile <b>fictif</b>" ;
    kg:documentCount 1 ; kg:mentionCount 1 .
<{ID}doc/b> kg:nearDuplicateOf <{ID}doc/a> .
"""


@pytest.fixture(scope="module")
def page_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    (folder / "corpus.trig").write_text(TRIG, encoding="utf-8")
    load_store([folder / "corpus.trig"], folder / "store")
    server = make_server(folder / "store", "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
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
    assert rows == [
        ["kgid:entity/Q36", "Pologne", "2", "5", "wd:Q36"],
        ["kgid:entity/kb/missile-fictif", "Missile <b>fictif</b>", "1", "1", ""],  # shown as text
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
    WebDriverWait(browser, 20).until(lambda _: saved.exists())
    text = saved.read_bytes().decode("utf-8")
    assert text.split("\r\n") == ["v", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"", "'@SUM(A1)",
                                  "'-x", "-2.5", "3", "a=b", ""]
