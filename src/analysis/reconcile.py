"""How the claimed figures moved over time, and one low / best / high per category.

:func:`dated_claims` joins the claims of :func:`analysis.extract_claims` to
their articles' publication dates (:func:`analysis.coverage.publication_dates`)
and orders them by date, undated claims last, so updates read in the order they
arrived. It marks each claim that is hedged or unattributed (stated in the
outlet's own voice) and whether it went into the best figure.

:func:`reconcile` gives one row per category, in the manner of conflict-data
projects (ACLED, Iraq Body Count, UCDP), which publish a low, a best and a high
figure and say how the best one was chosen:

- ``low`` is the most conservative figure claimed and ``high`` the largest,
  both over the claims that are not hedged (over every claim when all are
  hedged, and ``basis`` says so). An open bound counts by the figure it states
  ("at least 101" is 101, "up to 50" is 50).
- ``best`` follows :data:`BEST_RULE`: the median of the exact and approximate
  figures from the latest day that has any, taking first only figures that are
  neither hedged nor unattributed, and admitting unattributed and then hedged
  figures only when there are none; ``basis`` names what was used.

Only the columns ``doc_id, outlet, category, value_low, value_high,
qualifier, hedged, attributed_to`` (and ``start`` for order) are read.

Examples
--------
>>> import pandas as pd
>>> claims = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "Y", "Z"],
...     "category": ["killed"] * 3, "value_low": pd.array([10, 12, 40], dtype="Int64"),
...     "value_high": pd.array([10, 12, 40], dtype="Int64"), "qualifier": ["exact"] * 3,
...     "hedged": [False, False, True], "attributed_to": ["Police", "Police", ""]})
>>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "published": ["2020-01-01", "2020-01-02", "2020-01-02"]})
>>> reconcile(claims, docs=docs)[["category", "low", "best", "high", "basis"]].values.tolist()
[['killed', 10, 12.0, 12, 'latest day 2020-01-02; neither hedged nor unattributed']]
"""

from __future__ import annotations

import pandas as pd

from .coverage import UNDATED, publication_dates
from .labels import outlet_labels

__all__ = ["BEST_RULE", "RECONCILE_COLUMNS", "dated_claims", "reconcile"]

#: How ``best`` is chosen, printed on the chart and in every row of the table.
BEST_RULE = ("best = median of the exact and approximate figures from the latest day that has any "
             "(all of them when none is dated), first among figures neither hedged nor unattributed; "
             "unattributed, then hedged figures are admitted only when there are none. "
             "low / high = smallest / largest figure of the claims not hedged.")
#: The pools ``best`` is drawn from, tried in order: (admit unattributed, admit hedged, what basis says).
_BEST_STEPS = (
    (False, False, "neither hedged nor unattributed"),
    (True, False, "unattributed figures admitted (none attributed)"),
    (True, True, "hedged figures admitted (none unhedged)"),
)
_POINT = ("exact", "approximate")

#: Columns of the :func:`reconcile` table.
RECONCILE_COLUMNS = ["category", "low", "best", "high", "n_claims", "n_sources_low", "n_sources_best",
                     "n_sources_high", "n_hedged", "n_unattributed", "hedged_range", "outside_range", "basis",
                     "best_rule"]


def _source(row) -> str:
    """Who stands behind a claim: its source, or the outlet's own voice."""
    who = str(row.attributed_to).strip() if isinstance(row.attributed_to, str) else ""
    return who or f"own voice: {row.label}"


def dated_claims(claims: pd.DataFrame, docs: pd.DataFrame) -> pd.DataFrame:
    """The claims with their articles' dates, in date order, each marked.

    Parameters
    ----------
    claims : pandas.DataFrame
        The output of :func:`analysis.extract_claims`.
    docs : pandas.DataFrame
        The documents the claims come from (``doc_id``, ``published``).

    Returns
    -------
    pandas.DataFrame
        The claim columns, then ``label`` (outlet, or doc_id when unknown),
        ``date`` (ISO day, or :data:`UNDATED` when the article has no date
        precise to the day), ``figure_low``/``figure_high`` (the figures the
        claim states: ``value_low``, or ``value_high`` for "up to"; and
        ``value_high``, or ``value_low`` for "at least"), ``unattributed``,
        ``marked`` (``hedged``, ``unattributed``, both, or blank) and
        ``in_best`` (whether :func:`reconcile` used it for ``best``). Dated
        claims first by date, then undated; ties by document order and position.

    Examples
    --------
    >>> claims = pd.DataFrame({"doc_id": ["b", "a"], "outlet": ["Y", "X"], "category": ["killed"] * 2,
    ...     "value_low": pd.array([5, 3], dtype="Int64"), "value_high": pd.array([None, 3], dtype="Int64"),
    ...     "qualifier": ["lower_bound", "exact"], "hedged": [True, False], "attributed_to": ["", "Police"]})
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "published": ["2020-01-02", "2020-01-01"]})
    >>> dated_claims(claims, docs)[["doc_id", "date", "figure_high", "marked", "in_best"]].values.tolist()
    [['b', '2020-01-01', 5, 'hedged, unattributed', False], ['a', '2020-01-02', 3, '', True]]
    """
    dates = publication_dates(docs)
    day = {d: (t.strftime("%Y-%m-%d") if p == "day" else UNDATED)
           for d, t, p in zip(dates["doc_id"], dates["date"], dates["precision"])}
    order = {d: i for i, d in enumerate(dates["doc_id"])}
    table = claims.copy()
    table["label"] = outlet_labels(table) if len(table) else pd.Series(dtype=object)
    ids = table["doc_id"].astype(str)
    table["date"] = ids.map(day).fillna(UNDATED).astype(object)
    low, high = table["value_low"].astype("Int64"), table["value_high"].astype("Int64")
    table["figure_low"] = low.fillna(high)
    table["figure_high"] = high.fillna(low)
    table["unattributed"] = table["attributed_to"].fillna("").astype(str).str.strip() == ""
    hedged = table["hedged"].astype(bool)
    table["marked"] = [", ".join(m for m, on in (("hedged", h), ("unattributed", u)) if on)
                       for h, u in zip(hedged, table["unattributed"])]
    table["_undated"] = table["date"] == UNDATED
    table["_doc"] = ids.map(order).fillna(len(order))
    keys = ["_undated", "date", "_doc"] + (["start"] if "start" in table.columns else [])
    table = table.sort_values(keys, kind="stable").drop(columns=["_undated", "_doc"]).reset_index(drop=True)
    table["in_best"] = False
    for _, group in table.groupby("category", sort=False):
        table.loc[_best_pool(group)[0], "in_best"] = True
    return table


def _best_pool(group: pd.DataFrame) -> tuple[list, str]:
    """Index of the claims ``best`` is the median of, and the basis in words."""
    point = group[group["qualifier"].isin(_POINT) & group["figure_low"].notna()]
    for admit_unattributed, admit_hedged, words in _BEST_STEPS:
        pool = point[(admit_unattributed | ~point["unattributed"]) & (admit_hedged | ~point["hedged"].astype(bool))]
        if pool.empty:
            continue
        dated = pool[pool["date"] != UNDATED]
        if len(dated):
            latest = dated["date"].max()
            return dated.index[dated["date"] == latest].tolist(), f"latest day {latest}; {words}"
        return pool.index.tolist(), f"no dated figure, all used; {words}"
    return [], "no exact or approximate figure"


def reconcile(claims: pd.DataFrame, *, docs: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per category: the low, best and high figure claimed, and how they were chosen.

    Parameters
    ----------
    claims : pandas.DataFrame
        The output of :func:`analysis.extract_claims`, or of :func:`dated_claims`.
    docs : pandas.DataFrame, optional
        The documents, for their dates (needed unless ``claims`` comes from
        :func:`dated_claims`; without either, every claim is undated).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`RECONCILE_COLUMNS`, categories by number of claims
        (ties alphabetical). ``n_sources_*`` count the distinct sources (a
        blank source is the outlet's own voice) stating ``low``, behind
        ``best`` and stating ``high``; ``n_hedged``/``n_unattributed`` count
        the category's marked claims; ``hedged_range`` is ``"low-high"`` of the
        hedged figures (blank when none); ``outside_range`` lists, ``; ``
        joined, the outlets with a claim entirely outside the range the other
        outlets claim; ``basis`` says which claims ``best`` came from;
        ``best_rule`` is :data:`BEST_RULE`.
    """
    if "figure_low" not in claims.columns:
        docs = docs if docs is not None else pd.DataFrame({"doc_id": claims["doc_id"].unique()})
        claims = dated_claims(claims, docs)
    rows = []
    sizes = claims.groupby("category").size()
    for category in sorted(sizes.index, key=lambda c: (-sizes[c], c)):
        group = claims[claims["category"] == category]
        hedged = group["hedged"].astype(bool)
        firm = group[~hedged] if (~hedged).any() else group
        basis_prefix = "" if (~hedged).any() else "low/high from hedged figures only; "
        low, high = firm["figure_low"].min(), firm["figure_high"].max()
        best_index, basis = _best_pool(group)
        best = float(group.loc[best_index, "figure_low"].astype(float).median()) if best_index else None
        sources = group.apply(_source, axis=1) if len(group) else pd.Series(dtype=object)
        marked_hedged = group[hedged]
        rows.append({
            "category": category, "low": None if pd.isna(low) else int(low), "best": best,
            "high": None if pd.isna(high) else int(high), "n_claims": len(group),
            "n_sources_low": sources[firm.index[firm["figure_low"] == low]].nunique(),
            "n_sources_best": sources[best_index].nunique() if best_index else 0,
            "n_sources_high": sources[firm.index[firm["figure_high"] == high]].nunique(),
            "n_hedged": int(hedged.sum()), "n_unattributed": int(group["unattributed"].sum()),
            "hedged_range": (f"{int(marked_hedged['figure_low'].min())}-{int(marked_hedged['figure_high'].max())}"
                             if len(marked_hedged) else ""),
            "outside_range": "; ".join(_outside(group)), "basis": basis_prefix + basis, "best_rule": BEST_RULE,
        })
    table = pd.DataFrame(rows, columns=RECONCILE_COLUMNS)
    return table.astype({"low": "Int64", "best": "float64", "high": "Int64"})


def _outside(group: pd.DataFrame) -> list[str]:
    """Outlets with a claim entirely below or above every other outlet's range."""
    labels = list(dict.fromkeys(group["label"]))
    if len(labels) < 2:
        return []
    out = []
    for label in labels:
        mine, others = group[group["label"] == label], group[group["label"] != label]
        lo, hi = others["figure_low"].min(), others["figure_high"].max()
        if ((mine["figure_high"] < lo) | (mine["figure_low"] > hi)).any():
            out.append(label)
    return out
