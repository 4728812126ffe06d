"""Whom each outlet quotes, how often, and how much of its article is quotation."""

from __future__ import annotations

import pandas as pd

from ..loading import outlet_labels, select_text
from ..segmenting import ANALYSED
from ..text import tokenize

__all__ = ["SOURCE_COLUMNS", "sources_by_outlet", "speaker_label"]

#: Columns of :func:`sources_by_outlet`.
SOURCE_COLUMNS = ["outlet", "speaker", "n_quotes", "n_direct", "n_indirect", "n_mixed", "quoted_words",
                  "share_of_words"]


def speaker_label(quotes: pd.DataFrame) -> pd.Series:
    """``Name (Organisation)``, or the name alone, for each quotation.

    A person named in full is one speaker across the articles: where an article gives them no organisation or
    office, the label takes the one the quotations give them most often (the first given, on a tie), so that
    "Alvi Karimov" in one outlet and "Kadyrov spokesperson Alvi Karimov" in another are one speaker. The
    ``speaker_org`` column itself stays as each article has it.

    >>> speaker_label(pd.DataFrame({"speaker": ["Ana Ruiz", "witnesses", "Ana Ruiz"],
    ...                             "speaker_org": ["City Council", "", ""]})).tolist()
    ['Ana Ruiz (City Council)', 'witnesses', 'Ana Ruiz (City Council)']
    """
    org = quotes["speaker_org"].fillna("").astype(str)
    speaker = quotes["speaker"].fillna("unknown").astype(str)
    person = speaker.str.contains(" ") & speaker.str[:1].str.isupper()  # a name in full, not "spokesperson"
    given = person & (org != "")
    if given.any():
        counts = pd.DataFrame({"speaker": speaker[given], "org": org[given]}).value_counts(sort=False)
        # most often given first; value_counts keeps the order of first appearance among equal counts
        usual = counts.sort_values(ascending=False, kind="stable").reset_index().drop_duplicates("speaker")
        filled = speaker.map(dict(zip(usual["speaker"], usual["org"])))
        org = org.where(~(person & (org == "") & filled.notna()), filled)
    return (speaker + (" (" + org + ")").where(org != "", "")).rename("speaker")


def sources_by_outlet(quotes: pd.DataFrame, docs: pd.DataFrame | None = None, *, include=ANALYSED) -> pd.DataFrame:
    """One row per outlet and speaker: how often the outlet quotes them, and with how many of its words.

    Parameters
    ----------
    quotes : pandas.DataFrame
        The output of :func:`analysis.quotes.quotations`.
    docs : pandas.DataFrame, optional
        The corpus, to count each outlet's words (the segments in ``include``,
        as the quotations were read); without it ``share_of_words`` is empty.
    include : tuple of str or "all", default ("headline", "body")

    Returns
    -------
    pandas.DataFrame
        Columns :data:`SOURCE_COLUMNS`: ``outlet`` (the doc_id when unknown),
        ``speaker`` (``Name (Organisation)``; "unknown" when the article never
        says), ``n_quotes`` and the count of each kind, ``quoted_words`` (words
        inside the quotations' spans) and ``share_of_words`` (of all the
        words the outlet's articles hold). Sorted by outlet, most quoted first.

    Examples
    --------
    >>> quotes = pd.DataFrame({"doc_id": ["a", "a"], "outlet": ["Daily", "Daily"], "kind": ["direct", "indirect"],
    ...     "speaker": ["Ana Ruiz", "Ana Ruiz"], "speaker_org": ["", ""], "quote": ["It is safe", "it would reopen"]})
    >>> sources_by_outlet(quotes)[["outlet", "speaker", "n_quotes", "n_direct", "quoted_words"]].values.tolist()
    [['Daily', 'Ana Ruiz', 2, 1, 6]]
    """
    if quotes.empty:
        return pd.DataFrame(columns=SOURCE_COLUMNS)
    table = pd.DataFrame({
        "outlet": outlet_labels(quotes).to_numpy(), "speaker": speaker_label(quotes).to_numpy(),
        "kind": quotes["kind"].to_numpy(), "words": [len(tokenize(str(t))) for t in quotes["quote"]],
    })
    for kind in ("direct", "indirect", "mixed"):
        table[f"n_{kind}"] = (table["kind"] == kind).astype(int)
    summary = table.groupby(["outlet", "speaker"], sort=True).agg(
        n_quotes=("kind", "size"), n_direct=("n_direct", "sum"), n_indirect=("n_indirect", "sum"),
        n_mixed=("n_mixed", "sum"), quoted_words=("words", "sum")).reset_index()
    if docs is not None:
        words = pd.Series([len(tokenize(t)) for t in select_text(docs, include=include)], index=docs.index)
        per_outlet = words.groupby(outlet_labels(docs).to_numpy()).sum()
        summary["share_of_words"] = (summary["quoted_words"] / summary["outlet"].map(per_outlet)).round(4)
    else:
        summary["share_of_words"] = float("nan")
    summary = summary.sort_values(["outlet", "n_quotes", "speaker"], ascending=[True, False, True], kind="stable")
    return summary[SOURCE_COLUMNS].reset_index(drop=True)
