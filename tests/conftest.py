"""Shared fixtures: the shared folder beside the repository, the seed article, one Extractor,
the golden extraction cases."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLDEN = Path(__file__).parent / "golden"


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
def authorisation():
    """The golden case of an authorisation event (tests/golden/authorisation)."""
    from kgbuild.export import read_extraction_json

    return read_extraction_json(GOLDEN / "authorisation" / "extraction.json")


@pytest.fixture(scope="session")
def negation():
    """The golden case of a negated delivery (tests/golden/negation)."""
    from kgbuild.export import read_extraction_json

    return read_extraction_json(GOLDEN / "negation" / "extraction.json")
