"""Tiny documents tables written inline, shaped like ``load_corpus``'s output."""

from __future__ import annotations

import pandas as pd


def make_docs(rows, **columns) -> pd.DataFrame:
    """``rows``: ``(doc_id, outlet, text)`` or ``(doc_id, outlet, [(label, text), ...])``.

    A plain text is one ``body`` segment; labelled parts are concatenated in
    order into ``raw_text``. Keyword arguments add a column with one value for
    every row (``published="2017-04"``).
    """
    records = []
    for doc_id, outlet, parts in rows:
        if isinstance(parts, str):
            parts = [("body", parts)]
        raw, spans = "", []
        for label, text in parts:
            spans.append((label, len(raw), len(raw) + len(text)))
            raw += text
        records.append({"doc_id": doc_id, "outlet": outlet, "raw_text": raw, "spans": tuple(spans), **columns})
    return pd.DataFrame(records)
