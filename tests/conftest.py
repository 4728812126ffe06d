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
