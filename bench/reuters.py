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
    """(first, repeat) for every body that is an exact copy of an earlier one.

    The body is the text without its headline line (a table row's title is its first line, as in a file),
    so that two copies of one story under different headlines count as a repeat.
    """
    first: dict[str, str] = {}
    pairs = []
    bodies = ("".join(raw[a:b] for label, a, b in spans if label != "headline")
              for raw, spans in zip(docs["raw_text"], docs["spans"]))
    for doc_id, text in zip(docs["doc_id"], bodies):
        if text in first:
            pairs.append((first[text], doc_id))
        else:
            first[text] = doc_id
    return pairs
