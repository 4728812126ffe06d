"""Scoring found quotations against hand annotations (``data/annotations/QUOTES_GUIDE.md``)."""

from __future__ import annotations

import itertools
import re

import pandas as pd

from ..passages import overlaps
from ..paths import SEED_QUOTES_CSV
from ..text import normalize_for_matching

__all__ = ["group_pairs", "load_gold_quotes", "match_quotes", "score_quotes", "score_variant_groups", "score_variants",
           "same_speaker"]


def load_gold_quotes(path=SEED_QUOTES_CSV) -> pd.DataFrame:
    """Hand-annotated quotations (``seed_quotes.csv``) in the shape of :func:`quotations`.

    ``file`` becomes ``doc_id`` (without its suffix); ``segment`` is kept.

    >>> gold = load_gold_quotes()
    >>> len(gold), gold.loc[0, "doc_id"], gold.loc[0, "kind"]
    (78, '000_aa049eff8b86ffac', 'indirect')
    """
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    table = gold.rename(columns={"file": "doc_id"}).drop(columns=["quote_id"])
    table["doc_id"] = table["doc_id"].str.replace(r"\.(txt|md)$", "", regex=True)
    for column in ("start", "end"):
        table[column] = table[column].astype("int64")
    return table


def _norm(s) -> str:
    s = " ".join(normalize_for_matching(str(s)).casefold().split())
    return re.sub(r"^(?:the|a|an) ", "", s)


def same_speaker(found: str, annotated: str, *, lenient: bool = False) -> bool:
    """Whether a found speaker is the annotated one: case, quotes, spacing, a leading article and
    spaces inside names ignored.

    With ``lenient``, an unnamed source (written in lower case) also agrees when every word of the
    found phrase is in the annotated description: the speaker-finder keeps a head noun
    ("victim"), annotators the whole description ("victim who escaped from the camp").

    >>> same_speaker("The Pink News", "PinkNews"), same_speaker("Karimov", "Alvi Karimov")
    (True, False)
    >>> same_speaker("victim", "victim who escaped from the camp", lenient=True)
    True
    """
    a, b = _norm(found), _norm(annotated)
    if a.replace(" ", "") == b.replace(" ", ""):
        return True
    unnamed = str(found)[:1].islower() and str(annotated)[:1].islower() and a != "unknown"
    return lenient and unnamed and set(a.split()) <= set(b.split())


def match_quotes(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Pair each gold quotation with the predicted one whose span overlaps it most, in the same document.

    Returns
    -------
    pandas.DataFrame
        One row per gold quotation and per unpaired predicted one: ``status``
        (matched, missed, extra), ``doc_id``, ``start``/``end`` and ``quote``
        of each side (``*_gold`` / ``*_predicted``), ``kind_*``, ``speaker_*``,
        ``speaker_org_*``, and ``same_speaker`` (strict) and ``same_speaker_lenient`` (see
        :func:`same_speaker`).
    """
    used: set[int] = set()
    rows = []
    by_doc = {d: part for d, part in predicted.groupby("doc_id")}
    for g in gold.itertuples(index=False):
        part = by_doc.get(g.doc_id)
        best, overlap = None, 0
        if part is not None:
            for index, p in zip(part.index, part.itertuples(index=False)):
                o = min(p.end, g.end) - max(p.start, g.start)
                if o > overlap and index not in used:
                    best, overlap = index, o
        row = {"status": "missed" if best is None else "matched", "doc_id": g.doc_id,
               "start_gold": g.start, "end_gold": g.end, "quote_gold": g.quote, "kind_gold": g.kind,
               "speaker_gold": g.speaker, "speaker_org_gold": g.speaker_org}
        if best is not None:
            used.add(best)
            p = predicted.loc[best]
            row.update({"start_predicted": p["start"], "end_predicted": p["end"], "quote_predicted": p["quote"],
                        "kind_predicted": p["kind"], "speaker_predicted": p["speaker"],
                        "speaker_org_predicted": p["speaker_org"],
                        "same_speaker": same_speaker(p["speaker"], g.speaker),
                        "same_speaker_lenient": same_speaker(p["speaker"], g.speaker, lenient=True)})
        rows.append(row)
    for index, p in predicted.iterrows():
        if index not in used:
            rows.append({"status": "extra", "doc_id": p["doc_id"], "start_predicted": p["start"],
                         "end_predicted": p["end"], "quote_predicted": p["quote"], "kind_predicted": p["kind"],
                         "speaker_predicted": p["speaker"], "speaker_org_predicted": p["speaker_org"]})
    return pd.DataFrame(rows)


def score_quotes(predicted: pd.DataFrame, gold: pd.DataFrame) -> dict:
    """Recall, precision, and agreement on speaker, organisation and kind of the matched quotations.

    A predicted quotation matches a gold one when their spans overlap in the
    same document (each used once).
    """
    pairs = match_quotes(predicted, gold)
    matched = pairs[pairs["status"] == "matched"]
    n_matched = len(matched)
    org = [same_speaker(a, b) for a, b in zip(matched["speaker_org_predicted"], matched["speaker_org_gold"])]
    return {
        "n_gold": len(gold), "n_predicted": len(predicted), "n_matched": n_matched,
        "recall": n_matched / len(gold) if len(gold) else float("nan"),
        "precision": n_matched / len(predicted) if len(predicted) else float("nan"),
        "speaker_agreement": float(matched["same_speaker"].mean()) if n_matched else float("nan"),
        "speaker_agreement_lenient": float(matched["same_speaker_lenient"].mean()) if n_matched else float("nan"),
        "org_agreement": sum(org) / n_matched if n_matched else float("nan"),
        "kind_agreement": float((matched["kind_predicted"] == matched["kind_gold"]).mean()) if n_matched else float("nan"),
    }


def group_pairs(groups: pd.DataFrame) -> pd.DataFrame:
    """Every pair of quotations, in different documents, that :func:`quote_variants` puts in one group.

    Columns ``doc_a, start_a, end_a, doc_b, start_b, end_b, link`` (``link`` is "group").
    """
    rows = []
    for _, group in groups.groupby("group"):
        members = list(group.itertuples(index=False))
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a.doc_id != b.doc_id:
                    rows.append({"doc_a": a.doc_id, "start_a": a.start, "end_a": a.end,
                                 "doc_b": b.doc_id, "start_b": b.start, "end_b": b.end, "link": "group"})
    return pd.DataFrame(rows, columns=["doc_a", "start_a", "end_a", "doc_b", "start_b", "end_b", "link"])


def score_variants(pairs: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Recall of each kind of annotated pair, precision of each kind of link found.

    Parameters
    ----------
    pairs : pandas.DataFrame
        :func:`~analysis.quotes.variants.variant_pairs` (or :func:`group_pairs`).
    gold : pandas.DataFrame
        Annotated pairs (``data/annotations/seed_passages.csv``: ``kind`` verbatim, near, paraphrase).

    Returns
    -------
    pandas.DataFrame
        One row per kind: ``n_gold``, ``n_gold_found`` (an annotated pair is found when a found pair
        overlaps it in both documents, whatever its link), ``recall``; ``n_found`` (found pairs linked
        as this kind), ``n_found_listed`` (those overlapping an annotated pair of any kind),
        ``precision``.
    """
    rows = []
    for kind in sorted(set(gold["kind"]) | set(pairs["link"]), key=lambda k: ("verbatim", "near", "paraphrase", "group").index(k) if k in ("verbatim", "near", "paraphrase", "group") else 9):
        g = gold[gold["kind"] == kind]
        f = pairs[pairs["link"] == kind]
        n_gold_found = sum(any(overlaps(r, x) for x in pairs.itertuples(index=False)) for r in g.itertuples(index=False))
        n_listed = sum(any(overlaps(r, x) for r in gold.itertuples(index=False)) for x in f.itertuples(index=False))
        rows.append({"kind": kind, "n_gold": len(g), "n_gold_found": n_gold_found,
                     "recall": n_gold_found / len(g) if len(g) else float("nan"),
                     "n_found": len(f), "n_found_listed": n_listed,
                     "precision": n_listed / len(f) if len(f) else float("nan")})
    return pd.DataFrame(rows)


#: Link kinds from the strictest to the loosest; a group is of the loosest kind that links its members.
LINK_KINDS = ("verbatim", "near", "paraphrase")


def score_variant_groups(groups: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Groups of renderings scored as statements: each annotated pair in one group, no group joining two.

    The annotated list (``seed_passages.csv``) holds pairs, not every pair of
    renderings of a statement: when four articles carry one quotation, a few of
    the six pairs are listed. Counted per group, a group is right when it holds
    an annotated pair (``listed``) and joins no renderings of another annotated
    statement (the annotated pairs joined by shared spans); a group holding no
    annotated pair is ``unlisted``, to be read before it is called wrong.

    Parameters
    ----------
    groups : pandas.DataFrame
        :func:`~analysis.quotes.variants.quote_variants`.
    gold : pandas.DataFrame
        Annotated pairs (``kind`` verbatim, near, paraphrase).

    Returns
    -------
    pandas.DataFrame
        One row per kind: ``n_gold``, ``n_gold_grouped`` (both sides of the
        pair in one group), ``recall``; ``n_groups`` (groups whose loosest link
        is this kind), ``n_listed``, ``n_unlisted``, ``n_joining`` (groups
        holding renderings of two or more annotated statements), ``precision``
        (listed groups joining nothing, over all groups of the kind).

    Examples
    --------
    >>> gold = pd.DataFrame({"pair": [1], "kind": ["near"], "doc_a": ["a"], "start_a": [0], "end_a": [9],
    ...                      "doc_b": ["b"], "start_b": [5], "end_b": [14]})
    >>> groups = pd.DataFrame({"group": [1, 1, 2, 2], "doc_id": ["a", "b", "a", "c"], "start": [0, 5, 20, 0],
    ...                        "end": [9, 14, 30, 10], "links": ["near", "near", "paraphrase", "paraphrase"]})
    >>> score_variant_groups(groups, gold)[["kind", "recall", "n_groups", "n_listed", "precision"]].values.tolist()
    [['verbatim', nan, 0, 0, nan], ['near', 1.0, 1, 1, 1.0], ['paraphrase', nan, 1, 0, 0.0]]
    """
    sides = [(r.doc_a, r.start_a, r.end_a, r.pair) for r in gold.itertuples(index=False)] + \
            [(r.doc_b, r.start_b, r.end_b, r.pair) for r in gold.itertuples(index=False)]
    # annotated statements: pairs joined by a shared span (1~3 and 2~3 are one statement)
    statement = {r.pair: r.pair for r in gold.itertuples(index=False)}

    def root(p):
        while statement[p] != p:
            p = statement[p]
        return p

    for (d, s0, e0, p), (d2, s1, e1, q) in itertools.combinations(sides, 2):
        if d == d2 and s0 < e1 and s1 < e0:
            statement[root(p)] = root(q)
    found = {}
    for number, group in groups.groupby("group"):
        members = list(zip(group["doc_id"], group["start"], group["end"]))
        touched = {p for d, s0, e0, p in sides for m in members if m[0] == d and m[1] < e0 and s0 < m[2]}
        whole = {p for p in touched
                 if all(any(m[0] == d and m[1] < e0 and s0 < m[2] for m in members)
                        for d, s0, e0, q in sides if q == p)}
        loosest = max((k for links in group["links"] for k in str(links).split(", ") if k in LINK_KINDS),
                      key=LINK_KINDS.index, default="verbatim")
        found[number] = (loosest, whole, {root(p) for p in touched})
    grouped = set().union(*(whole for _, whole, _ in found.values())) if found else set()
    rows = []
    for kind in LINK_KINDS:
        g = gold[gold["kind"] == kind]
        mine = [v for v in found.values() if v[0] == kind]
        listed = sum(1 for _, whole, _ in mine if whole)
        joining = sum(1 for _, _, statements in mine if len(statements) > 1)
        right = sum(1 for _, whole, statements in mine if whole and len(statements) == 1)
        n_grouped = int(g["pair"].isin(grouped).sum())
        rows.append({"kind": kind, "n_gold": len(g), "n_gold_grouped": n_grouped,
                     "recall": n_grouped / len(g) if len(g) else float("nan"), "n_groups": len(mine),
                     "n_listed": listed, "n_unlisted": len(mine) - listed, "n_joining": joining,
                     "precision": right / len(mine) if mine else float("nan")})
    return pd.DataFrame(rows)
