"""Shared fixtures: the shared folder beside the repository, the seed article, one Extractor,
the golden extraction cases.  With ``-m "not slow"`` (make test-fast), modules marked slow as
a whole are not imported at all."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLDEN = Path(__file__).parent / "golden"
_SLOW_MODULE = re.compile(r"^pytestmark = pytest\.mark\.slow\b", re.MULTILINE)


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Under -m "not slow", skip the import of a test module whose every test is slow (it would
    import spaCy or a browser driver only to deselect them all)."""
    if config.getoption("markexpr") != "not slow" or collection_path.suffix != ".py":
        return None
    if not collection_path.name.startswith("test_"):
        return None
    return True if _SLOW_MODULE.search(collection_path.read_text(encoding="utf-8")) else None


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} (the shared corpus and gold) is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared_dir) -> Path:
    return shared_dir / "corpus" / "seed.fr.txt"


@pytest.fixture(scope="session")
def extractor():
    """The French extractor with the real spaCy model and the shipped snapshot, loaded once."""
    from kgbuild.extract import Extractor

    return Extractor("fr")


@pytest.fixture(scope="session")
def extractors(extractor):
    """The extractor of a language code (French: ``extractor``), each loaded once."""
    from kgbuild.extract import Extractor

    loaded = {"fr": extractor}

    def get(lang: str):
        if lang not in loaded:
            loaded[lang] = Extractor(lang, kb=extractor.kb)
        return loaded[lang]

    return get


@pytest.fixture(scope="session")
def snapshot_linker():
    """The linker of the shipped snapshot, loaded once."""
    from kgbuild.link import load_linker

    return load_linker("snapshot")


@pytest.fixture(scope="session")
def authorisation():
    """The golden case of an authorisation event (tests/golden/authorisation)."""
    from kgbuild.export import read_extraction_json

    return read_extraction_json(GOLDEN / "authorisation" / "extraction.json")


@pytest.fixture(scope="session")
def negation():
    """The golden case of a negated delivery (tests/golden/negation)."""
    from kgbuild.export import read_extraction_json

    return read_extraction_json(GOLDEN / "negation" / "extraction.json")
