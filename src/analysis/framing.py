"""How does each outlet frame the event? Rates of dictionary terms.

A *framing dictionary* maps a category name to a list of words and phrases.
The default has one category, ``hedges``, read from the package file
``data/hedges.txt`` (words such as "allegedly", "reportedly", "is said to" that
mark a statement as unconfirmed). Pass your own ``{"name": [phrases]}``, or read
a file of the same format with :func:`load_lexicon`: one lowercase phrase per
line, ``#`` starts a comment, a trailing ``*`` matches any word that starts
with it.

Phrases are matched as by :func:`analysis.kwic.kwic` (whole words, any case,
curly or straight quotes, the longest phrase first where two overlap), so every
count can be read back as KWIC lines with :func:`framing_kwic`.

Examples
--------
>>> import pandas as pd
>>> text = "Men were allegedly held. They are said to be safe."
>>> docs = pd.DataFrame({"doc_id": ["a"], "outlet": ["Post"], "raw_text": [text],
...     "spans": [(("body", 0, len(text)),)]})
>>> framing_rates(docs)[["outlet", "category", "count", "n_words", "per_1k"]].values.tolist()
[['Post', 'hedges', 2, 10, 200.0]]
>>> framing_kwic(docs, window=2)[["match", "right"]].values.tolist()
[['allegedly', 'held. They'], ['are said to', 'be safe.']]
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .kwic import KWIC_COLUMNS, count_matches, kwic
from .paths import PACKAGE_DATA_DIR
from .segmenting import ANALYSED
from .terms import count_words, group_labels

__all__ = ["HEDGES_FILE", "default_dictionary", "framing_kwic", "framing_rates", "load_lexicon"]

#: The default "hedges" list (owned by the claims module; read here).
HEDGES_FILE = PACKAGE_DATA_DIR / "hedges.txt"


def load_lexicon(path) -> list[str]:
    """The phrases of a lexicon file: one per line, ``#`` comments skipped.

    >>> "allegedly" in load_lexicon(HEDGES_FILE)
    True
    """
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.strip().lower() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def default_dictionary() -> dict[str, list[str]]:
    """``{"hedges": [...]}`` from :data:`HEDGES_FILE`."""
    return {"hedges": load_lexicon(HEDGES_FILE)}


def framing_kwic(
    docs: pd.DataFrame,
    dictionary: dict[str, list[str]] | None = None,
    *,
    category: str | None = None,
    window: int = 8,
    within_sentence: bool = False,
    include=ANALYSED,
) -> pd.DataFrame:
    """The KWIC lines behind :func:`framing_rates`.

    Parameters
    ----------
    docs : pandas.DataFrame
        The output of :func:`analysis.load_corpus`.
    dictionary : dict of str to list of str, optional
        Category name -> phrases; default :func:`default_dictionary`.
    category : str, optional
        Only this category.
    window, within_sentence, include
        As for :func:`analysis.kwic.kwic`.

    Returns
    -------
    pandas.DataFrame
        ``category`` followed by the columns of :func:`analysis.kwic.kwic`
        (``query`` is the dictionary phrase that matched).
    """
    dictionary = default_dictionary() if dictionary is None else dictionary
    if category is not None:
        if category not in dictionary:
            raise ValueError(f"no category {category!r}; categories are {list(dictionary)}")
        dictionary = {category: dictionary[category]}
    parts = [
        kwic(docs, phrases, window=window, within_sentence=within_sentence, include=include).assign(category=name)
        for name, phrases in dictionary.items() if phrases
    ]
    columns = ["category", *KWIC_COLUMNS]
    if not parts:
        return pd.DataFrame(columns=columns)
    table = pd.concat(parts, ignore_index=True)[columns]
    table["category"] = table["category"].astype(object)
    return table


def framing_rates(
    docs: pd.DataFrame,
    dictionary: dict[str, list[str]] | None = None,
    *,
    by="outlet",
    include=ANALYSED,
    per_term: bool = False,
) -> pd.DataFrame:
    """How often each group uses each category of the dictionary, per 1,000 words.

    Parameters
    ----------
    docs : pandas.DataFrame
        The output of :func:`analysis.load_corpus`.
    dictionary : dict of str to list of str, optional
        Category name -> phrases; default :func:`default_dictionary`.
    by : str or sequence, default "outlet"
        How to group documents; see :func:`analysis.terms.group_labels`.
    include : tuple of str or "all"
        Segment labels to read (default headline and body).
    per_term : bool, default False
        One row per phrase that occurs, instead of one per category.

    Returns
    -------
    pandas.DataFrame
        ``<by>, category, [term,] count, n_docs, n_words, per_1k`` where
        ``n_words`` counts the running words of the group's analysed text.
        Every group has a row for every category, zeros included (with
        ``per_term`` only the phrases that occur are listed).
    """
    dictionary = default_dictionary() if dictionary is None else dictionary
    labels = group_labels(docs, by)
    name = labels.name
    groups = pd.DataFrame({name: labels, "n_words": count_words(docs, include=include)})
    totals = groups.groupby(name, sort=False).agg(n_docs=("n_words", "size"), n_words=("n_words", "sum"))
    found = pd.concat(
        [count_matches(docs, phrases, include=include).assign(category=category)
         for category, phrases in dictionary.items() if phrases] or [pd.DataFrame(columns=["doc_id", "query", "count", "category"])],
        ignore_index=True,
    )
    found[name] = found["doc_id"].map(dict(zip(docs["doc_id"], labels)))
    keys = [name, "category", "term"] if per_term else [name, "category"]
    if docs.empty:  # no group: an empty table with its header
        return pd.DataFrame({c: pd.Series(dtype=object) for c in keys}).assign(
            count=pd.Series(dtype="int64"), n_docs=pd.Series(dtype="int64"), n_words=pd.Series(dtype="int64"),
            per_1k=pd.Series(dtype=float))
    counts = found.rename(columns={"query": "term"}).groupby(keys, sort=False)["count"].sum()
    if per_term:
        table = counts.reset_index()
    else:
        grid = pd.MultiIndex.from_product([totals.index, list(dictionary)], names=keys)
        table = counts.reindex(grid, fill_value=0).reset_index()
    table = table.join(totals, on=name)
    table["per_1k"] = table["count"] / table["n_words"].clip(lower=1) * 1_000
    order = {g: i for i, g in enumerate(totals.index)}
    if per_term:
        table = table.sort_values(["count", "term"], ascending=[False, True], kind="stable")
    table = table.sort_values(name, key=lambda s: s.map(order), kind="stable").reset_index(drop=True)
    for column in keys:
        table[column] = table[column].astype(object)
    return table[[*keys, "count", "n_docs", "n_words", "per_1k"]].astype({"count": "int64"})
