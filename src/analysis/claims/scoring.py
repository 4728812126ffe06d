"""Scoring extracted claims against hand annotations (``CLAIMS_GUIDE.md`` rules)."""

from __future__ import annotations

import re

import pandas as pd

from ..paths import SEED_CLAIMS_CSV
from ..text import normalize_for_matching

__all__ = ["check_quality", "load_gold_claims", "match_claims", "score_by_category", "score_claims"]


def load_gold_claims(path=SEED_CLAIMS_CSV) -> pd.DataFrame:
    """Hand-annotated claims (``seed_claims.csv``) in the shape of :func:`extract_claims`.

    ``file`` becomes ``doc_id`` (without ``.txt``) and ``quote`` becomes ``sentence``.

    >>> gold = load_gold_claims()
    >>> len(gold), gold.loc[0, "doc_id"], int(gold.loc[0, "value_low"])
    (18, '000_aa049eff8b86ffac', 100)
    """
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    table = pd.DataFrame({
        "doc_id": gold["file"].str.replace(r"\.(txt|md)$", "", regex=True),
        "category": gold["category"],
        "value_low": pd.to_numeric(gold["value_low"].replace("", None)).astype("Int64"),
        "value_high": pd.to_numeric(gold["value_high"].replace("", None)).astype("Int64"),
        "qualifier": gold["qualifier"],
        "hedged": gold["hedged"].str.lower().isin(["true", "1", "yes"]),
        "attributed_to": gold["attributed_to"],
        "sentence": gold["quote"],
    })
    for column in ("doc_id", "category", "qualifier", "attributed_to", "sentence"):
        table[column] = table[column].astype(object)
    return table


def _same_source(a: str, b: str) -> bool:
    """Lenient comparison of sources: case, quotes, spacing and a leading "the" ignored."""
    def norm(s):
        s = " ".join(normalize_for_matching(str(s)).casefold().split())
        return re.sub(r"^the ", "", s)
    return norm(a) == norm(b)


def _key(row):
    low = None if pd.isna(row["value_low"]) else int(row["value_low"])
    high = None if pd.isna(row["value_high"]) else int(row["value_high"])
    return row["doc_id"], row["category"], low, high


def match_claims(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Pair predicted and gold claims on (document, category, bounds).

    Each gold claim is paired with at most one predicted claim with the same
    key, preferring one from the same sentence.

    Returns
    -------
    pandas.DataFrame
        One row per gold claim and per unpaired predicted claim: ``status``
        (matched, missed, extra), ``doc_id, category, value_low, value_high``,
        then ``qualifier, hedged, attributed_to`` of each side
        (``*_gold`` / ``*_predicted``), ``agrees`` (a matched pair agrees on
        all three; sources compared as in :func:`score_claims`) and ``sentence``.
    """
    used: set[int] = set()
    by_key: dict = {}
    for index, row in predicted.iterrows():
        by_key.setdefault(_key(row), []).append(index)
    rows = []
    fields = ("qualifier", "hedged", "attributed_to")
    for _, g in gold.iterrows():
        options = [i for i in by_key.get(_key(g), []) if i not in used]
        same = [i for i in options if " ".join(str(predicted.at[i, "sentence"]).split()) == " ".join(g["sentence"].split())]
        pick = (same or options or [None])[0]
        row = {"status": "missed" if pick is None else "matched", "doc_id": g["doc_id"], "category": g["category"],
               "value_low": g["value_low"], "value_high": g["value_high"], "sentence": g["sentence"]}
        for f in fields:
            row[f"{f}_gold"] = g[f]
            row[f"{f}_predicted"] = None if pick is None else predicted.at[pick, f]
        if pick is not None:
            used.add(pick)
        rows.append(row)
    for index, p in predicted.iterrows():
        if index not in used:
            row = {"status": "extra", "doc_id": p["doc_id"], "category": p["category"],
                   "value_low": p["value_low"], "value_high": p["value_high"], "sentence": p["sentence"]}
            for f in fields:
                row[f"{f}_gold"] = None
                row[f"{f}_predicted"] = p[f]
            rows.append(row)
    columns = ["status", "doc_id", "category", "value_low", "value_high",
               *[f"{f}_{side}" for f in fields for side in ("gold", "predicted")], "agrees", "sentence"]
    for row in rows:
        row["agrees"] = row["status"] == "matched" and all(_agree(row, f) for f in fields)
    table = pd.DataFrame(rows, columns=columns)
    for column in ("value_low", "value_high"):
        table[column] = table[column].astype("Int64")
    return table


def score_claims(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.Series:
    """Precision and recall on (document, category, bounds), and agreement on the rest.

    Agreement is the share of matched claims whose ``qualifier``, ``hedged``
    and ``attributed_to`` equal the gold ones; sources are compared ignoring
    case, quote style, spacing and a leading "the".

    Returns
    -------
    pandas.Series
        ``n_gold, n_predicted, n_matched, precision, recall, qualifier_agreement,
        hedged_agreement, attribution_agreement``.

    Examples
    --------
    >>> gold = load_gold_claims()
    >>> scores = score_claims(gold.assign(outlet="", stated="", start=0, end=0), gold)
    >>> float(scores["precision"]), float(scores["recall"])
    (1.0, 1.0)
    """
    pairs = match_claims(predicted, gold)
    matched = pairs[pairs["status"] == "matched"].to_dict("records")
    n = len(matched)

    def share(field) -> float:
        return sum(_agree(row, field) for row in matched) / n if n else float("nan")

    return pd.Series({
        "n_gold": len(gold),
        "n_predicted": len(predicted),
        "n_matched": n,
        "precision": n / len(predicted) if len(predicted) else float("nan"),
        "recall": n / len(gold) if len(gold) else float("nan"),
        "qualifier_agreement": share("qualifier"),
        "hedged_agreement": share("hedged"),
        "attribution_agreement": share("attributed_to"),
    }, dtype=object)


def check_quality(scores: pd.Series, *, min_precision: float = 0.95, min_recall: float = 0.95,
                  min_agreement: float = 0.9) -> pd.DataFrame:
    """The quality gates: each score of :func:`score_claims` against its threshold.

    >>> gold = load_gold_claims()
    >>> check_quality(score_claims(gold, gold))["passed"].all()
    np.True_
    """
    thresholds = {"precision": min_precision, "recall": min_recall, "qualifier_agreement": min_agreement,
                  "hedged_agreement": min_agreement, "attribution_agreement": min_agreement}
    table = pd.DataFrame({"metric": list(thresholds), "score": [round(float(scores[m]), 3) for m in thresholds],
                          "threshold": list(thresholds.values())})
    table["passed"] = table["score"] >= table["threshold"]
    return table


def _agree(row: dict, field: str) -> bool:
    gold, predicted = row[f"{field}_gold"], row[f"{field}_predicted"]
    if field == "attributed_to":
        return _same_source(gold, predicted)
    if field == "hedged":
        return bool(gold) == bool(predicted)
    return gold == predicted



def score_by_category(predicted: pd.DataFrame, gold: pd.DataFrame, *, categories=None) -> pd.DataFrame:
    """Precision, recall and F1 per category and over the categories chosen.

    Parameters
    ----------
    predicted, gold : pandas.DataFrame
        Claims as from :func:`analysis.claims.extract_claims` and :func:`load_gold_claims`.
    categories : iterable of str, optional
        Score only these categories (rows of other categories are left out on
        both sides); default every category found in either table.

    Returns
    -------
    pandas.DataFrame
        One row per category and a last row ``all``: ``category, n_gold,
        n_predicted, n_matched, precision, recall, f1``.

    Examples
    --------
    >>> gold = load_gold_claims()
    >>> table = score_by_category(gold.assign(outlet="", stated="", start=0, end=0), gold)
    >>> table.iloc[-1][["category", "precision", "recall", "f1"]].astype(str).tolist()
    ['all', '1.0', '1.0', '1.0']
    """
    if categories is None:
        categories = sorted(set(gold["category"]) | set(predicted["category"]))
    categories = list(categories)
    predicted = predicted[predicted["category"].isin(categories)].reset_index(drop=True)
    gold = gold[gold["category"].isin(categories)].reset_index(drop=True)
    pairs = match_claims(predicted, gold)
    rows = []
    for category in [*categories, "all"]:
        part = pairs if category == "all" else pairs[pairs["category"] == category]
        matched = int((part["status"] == "matched").sum())
        n_gold = matched + int((part["status"] == "missed").sum())
        n_predicted = matched + int((part["status"] == "extra").sum())
        precision = matched / n_predicted if n_predicted else float("nan")
        recall = matched / n_gold if n_gold else float("nan")
        f1 = 2 * matched / (n_gold + n_predicted) if n_gold + n_predicted else float("nan")
        rows.append({"category": category, "n_gold": n_gold, "n_predicted": n_predicted, "n_matched": matched,
                     "precision": precision, "recall": recall, "f1": f1})
    return pd.DataFrame(rows)
