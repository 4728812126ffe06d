"""How an article's source is written in every table and on every chart.

One module decides, every analysis calls it:

* a **source** (an outlet, or any metadata value used to group articles) is
  written as the value itself, white space trimmed; a blank or missing value is
  unknown and is never guessed: the article stands for itself as
  ``(unknown: <doc_id>)``, so two articles without an outlet are never merged;
* an **article** is written ``<source> · <doc_id>``, or ``(unknown: <doc_id>)``
  when its source is unknown (the id is already in it).

Examples
--------
>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["The Daily", " "]})
>>> outlet_labels(docs).tolist()
['The Daily', '(unknown: b)']
>>> [article_label(d, o) for d, o in zip(docs["doc_id"], docs["outlet"])]
['The Daily · a', '(unknown: b)']
"""

from __future__ import annotations

import pandas as pd

__all__ = ["UNKNOWN", "article_label", "is_unknown", "outlet_labels", "source_label"]

#: The label of an article whose source is blank.
UNKNOWN = "(unknown: {doc_id})"


def _blank(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or not str(value).strip()


def source_label(doc_id, value) -> str:
    """Who an article is from: ``value`` trimmed, or ``(unknown: <doc_id>)`` when blank.

    >>> source_label("004", "  BBC "), source_label("004", ""), source_label("004", None)
    ('BBC', '(unknown: 004)', '(unknown: 004)')
    """
    return UNKNOWN.format(doc_id=doc_id) if _blank(value) else str(value).strip()


def is_unknown(label: str, doc_id) -> bool:
    """Whether ``label`` is the unknown-source label of ``doc_id``.

    >>> is_unknown("(unknown: a)", "a"), is_unknown("Post", "a")
    (True, False)
    """
    return label == UNKNOWN.format(doc_id=doc_id)


def article_label(doc_id, value) -> str:
    """How one article is named: ``<source> · <doc_id>``, or ``(unknown: <doc_id>)``.

    ``value`` may be the raw outlet or its :func:`source_label` already.

    >>> article_label("004_437f", "Inquisitr"), article_label("004_437f", "")
    ('Inquisitr · 004_437f', '(unknown: 004_437f)')
    >>> article_label("004_437f", "(unknown: 004_437f)")
    '(unknown: 004_437f)'
    """
    label = source_label(doc_id, value)
    return label if is_unknown(label, doc_id) else f"{label} · {doc_id}"


def outlet_labels(frame: pd.DataFrame, column: str = "outlet") -> pd.Series:
    """:func:`source_label` of every row of a table with ``doc_id`` (and ``column``).

    Works on any table with a ``doc_id`` column (documents, claims ...); a table
    without ``column`` has every source unknown. Indexed like ``frame``.

    >>> outlet_labels(pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["The Daily", None]})).tolist()
    ['The Daily', '(unknown: b)']
    """
    values = frame[column] if column in frame.columns else pd.Series([None] * len(frame), index=frame.index)
    labels = [source_label(d, v) for d, v in zip(frame["doc_id"].astype(str), values)]
    return pd.Series(labels, index=frame.index, dtype=object, name="label")
