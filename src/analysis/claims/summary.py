"""Summaries of extracted claims: per outlet and category, provenance, and an HTML evidence table."""

from __future__ import annotations

import html
from collections import Counter

import pandas as pd

from ..labels import outlet_labels

__all__ = ["claims_by_source", "evidence_html", "provenance"]


def claims_by_source(claims: pd.DataFrame) -> pd.DataFrame:
    """Per outlet and category: the figures claimed, how firmly, and on whose word.

    Returns
    -------
    pandas.DataFrame
        ``outlet`` ("(unknown: <doc_id>)" when blank), ``category``,
        ``n_mentions``, ``lowest`` and ``highest`` (the smallest and largest
        figure stated, bounds included), ``qualifiers`` (distinct, ``; ``-joined),
        ``share_hedged``, ``sources`` (distinct; "own voice" when unattributed).

    Examples
    --------
    >>> claims = pd.DataFrame({"doc_id": ["a", "a"], "outlet": ["Daily", "Daily"],
    ...     "category": ["killed", "killed"], "value_low": pd.array([3, 5], dtype="Int64"),
    ...     "value_high": pd.array([3, None], dtype="Int64"), "qualifier": ["exact", "lower_bound"],
    ...     "hedged": [True, False], "attributed_to": ["", "Police"]})
    >>> claims_by_source(claims).to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'outlet': 'Daily', 'category': 'killed', 'n_mentions': 2, 'lowest': 3, 'highest': 5,
      'qualifiers': 'exact; lower_bound', 'share_hedged': 0.5, 'sources': 'Police; own voice'}]
    """
    columns = ["outlet", "category", "n_mentions", "lowest", "highest", "qualifiers", "share_hedged", "sources"]
    if claims.empty:
        return pd.DataFrame(columns=columns)
    table = claims.assign(
        outlet=outlet_labels(claims),
        _low=claims["value_low"].fillna(claims["value_high"]),
        _high=claims["value_high"].fillna(claims["value_low"]),
        _source=claims["attributed_to"].where(claims["attributed_to"] != "", "own voice"),
    )
    grouped = table.groupby(["outlet", "category"], sort=True)
    summary = grouped.agg(
        n_mentions=("category", "size"), lowest=("_low", "min"), highest=("_high", "max"),
        qualifiers=("qualifier", lambda s: "; ".join(sorted(set(s)))),
        share_hedged=("hedged", "mean"), sources=("_source", lambda s: "; ".join(sorted(set(s)))),
    ).reset_index()
    summary["share_hedged"] = summary["share_hedged"].astype(float).round(3)
    return summary[columns]


def provenance(claims: pd.DataFrame) -> pd.DataFrame:
    """How many claims each outlet attributes to each originator.

    Returns
    -------
    pandas.DataFrame
        ``outlet`` ("(unknown: <doc_id>)" when blank), ``originator`` ("own voice" when the
        outlet states the figure itself), ``n_claims``; sorted by outlet, then
        most claims first.

    >>> provenance(pd.DataFrame({"doc_id": ["a", "a", "b"], "outlet": ["X", "X", ""],
    ...     "attributed_to": ["Police", "Police", ""]})).values.tolist()
    [['(unknown: b)', 'own voice', 1], ['X', 'Police', 2]]
    """
    table = pd.DataFrame({
        "outlet": outlet_labels(claims),
        "originator": claims["attributed_to"].where(claims["attributed_to"] != "", "own voice").astype(object),
    })
    counts = table.groupby(["outlet", "originator"]).size().rename("n_claims").reset_index()
    counts = counts.sort_values(["outlet", "n_claims", "originator"], ascending=[True, False, True])
    return counts.reset_index(drop=True)


def evidence_html(claims: pd.DataFrame, *, docs: pd.DataFrame | None = None) -> str:
    """An HTML table of the claims, each sentence with its figure marked.

    All text is escaped. With ``docs`` (the corpus the claims came from) the
    figure is found by its offsets; without, by its ``k``-th occurrence among
    the claims of the same sentence.

    >>> claims = pd.DataFrame({"doc_id": ["a"], "outlet": [""], "category": ["killed"],
    ...     "value_low": [3], "value_high": [None], "qualifier": ["lower_bound"], "hedged": [False],
    ...     "attributed_to": ["<b>"], "stated": ["at least 3"], "sentence": ["Men: at least 3 died."],
    ...     "start": [5], "end": [15]})
    >>> "Men: <mark>at least 3</mark> died." in evidence_html(claims), "&lt;b&gt;" in evidence_html(claims)
    (True, True)
    """
    raw_by_doc = dict(zip(docs["doc_id"], docs["raw_text"])) if docs is not None else {}
    seen: Counter = Counter()
    body = []
    for row in claims.sort_values(["doc_id", "start"]).itertuples(index=False):
        sentence, stated = str(row.sentence), str(row.stated)
        at = None
        raw = raw_by_doc.get(row.doc_id)
        if raw is not None:
            s = raw.rfind(sentence, 0, row.start + len(sentence))
            at = row.start - s if s >= 0 and sentence[row.start - s:row.end - s] == stated else None
        if at is None:
            key = (row.doc_id, sentence, stated)
            at = -1
            for _ in range(seen[key] + 1):
                at = sentence.find(stated, at + 1)
            seen[key] += 1
            at = max(at, 0)
        marked = (html.escape(sentence[:at]) + "<mark>" + html.escape(sentence[at:at + len(stated)])
                  + "</mark>" + html.escape(sentence[at + len(stated):]))
        bounds = _bounds_text(row.value_low, row.value_high)
        cells = [row.outlet or row.doc_id, row.category, bounds, row.qualifier,
                 "yes" if row.hedged else "", row.attributed_to or "own voice"]
        body.append("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + f"<td>{marked}</td></tr>")
    head = "".join(f"<th>{h}</th>" for h in ("outlet", "category", "figure", "qualifier", "hedged", "source", "sentence"))
    return f'<table class="claims-evidence"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _bounds_text(low, high) -> str:
    low = None if pd.isna(low) else int(low)
    high = None if pd.isna(high) else int(high)
    if low is not None and high is not None:
        return str(low) if low == high else f"{low}-{high}"
    if low is not None:
        return f"{low}+"
    return f"up to {high}" if high is not None else ""
