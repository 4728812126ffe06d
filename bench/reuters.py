"""Load Reuters-21578 for the benchmarks: all 19,779 bodies, repeated bodies kept.

The bodies that repeat an earlier body word for word (268, wire stories sent
twice) are the known positives of text reuse, so ``keep_duplicates=True``.
"""

from __future__ import annotations

import time

import pandas as pd

from analysis import read_corpus

COLUMNS = dict(text_column="body", id_column="newid", title_column="title", date_column="datetime")


def load_reuters(path) -> tuple[pd.DataFrame, float]:
    """The documents table of every body, and the seconds ``read_corpus`` took."""
    start = time.perf_counter()
    corpus = read_corpus(path, keep_duplicates=True, **COLUMNS)
    return corpus.documents, time.perf_counter() - start


def duplicate_pairs(docs: pd.DataFrame) -> list[tuple[str, str]]:
    """(first, repeat) for every body that is an exact copy of an earlier one."""
    first: dict[str, str] = {}
    pairs = []
    for doc_id, text in zip(docs["doc_id"], docs["raw_text"]):
        if text in first:
            pairs.append((first[text], doc_id))
        else:
            first[text] = doc_id
    return pairs
