"""Shared fixtures: the seed corpus, loaded once, and a tiny-folder builder."""

from __future__ import annotations

import pytest

from analysis import paths, read_corpus


@pytest.fixture(scope="session")
def seed_corpus():
    """The five shipped articles with their metadata."""
    return read_corpus(paths.RAW_DATA_DIR)


@pytest.fixture(scope="session")
def seed_docs(seed_corpus):
    return seed_corpus.documents


@pytest.fixture
def make_folder(tmp_path):
    """Write ``{name: text or bytes}`` into a fresh folder and return its path."""

    def make(files: dict) -> object:
        folder = tmp_path / "corpus"
        folder.mkdir(exist_ok=True)
        for name, content in files.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        return folder

    return make


#: The shared gold folder beside the repository (``../shared/gold``); research-use data, not shipped.
SHARED_GOLD = paths.SHARED_DIR / "gold"
DEV_DIR = SHARED_GOLD / "dev"


@pytest.fixture(scope="session")
def dev_docs():
    """The 84 dev articles (``../shared/gold/dev/articles``), duplicates kept; skipped when absent."""
    if not (DEV_DIR / "claims.csv").exists():
        pytest.skip(f"the dev set is not here ({DEV_DIR}); it lives in the shared folder beside the repository")
    from analysis import load_corpus

    return load_corpus(DEV_DIR / "articles", keep_duplicates=True)
