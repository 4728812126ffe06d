"""When did each outlet cover the story, and how much: articles and words per period.

:func:`publication_dates` is the one place where this package reads an
article's ``published`` value as a date, for coverage, figures over time and
reconciliation alike. It accepts ISO dates ("2017-04-13"), timestamps, and what
``pandas.to_datetime`` reads with ``format="mixed"``; a value naming only a
month ("2017-04") or a year keeps that precision and is never given an
invented day. :func:`coverage` counts articles and words per outlet and period;
articles without a date precise enough for the period are counted in an
``undated`` row, never dropped.

Examples
--------
>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "Y", "X"],
...                      "published": ["2017-04-13", "2017-04-13", ""], "n_words": [100, 300, 50]})
>>> coverage(docs)[["period", "outlet", "n_articles", "share_words"]].values.tolist()
[['2017-04-13', 'X', 1, 0.25], ['2017-04-13', 'Y', 1, 0.75], ['undated', 'X', 1, 1.0]]
"""

from __future__ import annotations

import re

import pandas as pd

from .labels import outlet_labels

__all__ = ["COVERAGE_COLUMNS", "FREQUENCIES", "UNDATED", "coverage", "publication_dates"]

#: Period label of articles whose date is unknown (or less precise than the period).
UNDATED = "undated"
#: The periods :func:`coverage` counts by: pandas period code and how a period is labelled.
FREQUENCIES = {"D": ("D", "%Y-%m-%d"), "W": ("W-SUN", "%Y-%m-%d"), "M": ("M", "%Y-%m")}
#: How precise a date must be for each frequency (a month-only date fits a month, not a day or a week).
_NEEDS = {"D": "day", "W": "day", "M": "month"}
_RANK = {"year": 0, "month": 1, "day": 2}
_PARTIAL = {"month": re.compile(r"^\s*(\d{4})[-/.](\d{1,2})\s*$"), "year": re.compile(r"^\s*(\d{4})\s*$")}

#: Columns of the :func:`coverage` table.
COVERAGE_COLUMNS = ["period", "start", "outlet", "n_articles", "n_words", "share_articles", "share_words"]


def publication_dates(docs: pd.DataFrame, *, column: str = "published") -> pd.DataFrame:
    """Each document's publication date and how precise it is.

    Parameters
    ----------
    docs : pandas.DataFrame
        Documents with ``doc_id`` and, optionally, ``column`` (strings,
        datetimes or blanks).
    column : str, default "published"
        The column holding the date.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``docs``: ``doc_id``, ``date`` (a day-resolution
        Timestamp, NaT when unknown; a month-only value is the first of its
        month) and ``precision`` (``day``, ``month``, ``year`` or ``""`` when
        unknown). Time zones are dropped and the date is the one printed.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": list("abcde"),
    ...     "published": ["2017-04-13", "2017-04", "April 14, 2017", "", "not a date"]})
    >>> publication_dates(docs)["precision"].tolist()
    ['day', 'month', 'day', '', '']
    >>> publication_dates(docs)["date"].dt.strftime("%Y-%m-%d").fillna("-").tolist()
    ['2017-04-13', '2017-04-01', '2017-04-14', '-', '-']
    """
    raw = docs[column] if column in docs.columns else pd.Series([None] * len(docs), index=docs.index)
    dates, precisions = [], []
    for value in raw:
        date, precision = _one_date(value)
        dates.append(date)
        precisions.append(precision)
    return pd.DataFrame({"doc_id": docs["doc_id"].astype(str).to_numpy(dtype=object),
                         "date": pd.to_datetime(pd.Series(dates, dtype="datetime64[ns]")).to_numpy(),
                         "precision": pd.Series(precisions, dtype=object).to_numpy()}, index=docs.index)


def _one_date(value) -> tuple:
    """``(Timestamp or NaT, precision)`` of one ``published`` value."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return pd.NaT, ""
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return pd.NaT, ""
        for precision, pattern in _PARTIAL.items():
            match = pattern.match(text)
            if match:
                month = int(match.group(2)) if precision == "month" else 1
                if not 1 <= month <= 12:
                    return pd.NaT, ""
                return pd.Timestamp(int(match.group(1)), month, 1), precision
        iso = re.match(r"^\s*(\d{4}-\d{2}-\d{2})", text)  # the date as printed, whatever the time zone
        value = iso.group(1) if iso else text
    parsed = pd.to_datetime(value, errors="coerce", format="mixed")
    if pd.isna(parsed):
        return pd.NaT, ""
    if getattr(parsed, "tzinfo", None) is not None:
        parsed = parsed.tz_localize(None)
    return parsed.normalize(), "day"


def coverage(docs: pd.DataFrame, *, by="outlet", freq: str = "D") -> pd.DataFrame:
    """Articles and words per group and period, with each group's share of the period.

    Parameters
    ----------
    docs : pandas.DataFrame
        The output of :func:`analysis.load_corpus` (``doc_id``, ``published``,
        ``n_words``; without ``n_words`` every article counts 0 words).
    by : str, default "outlet"
        ``"outlet"`` (a blank outlet is the document's own group, labelled by
        its ``doc_id``; see :func:`analysis.labels.outlet_labels`) or another
        column of ``docs``.
    freq : {"D", "W", "M"}
        Day, week (Monday to Sunday, labelled by its Monday) or month.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COVERAGE_COLUMNS` (``outlet`` is named after ``by``):
        one row per period and group from the first to the last dated period,
        periods without articles included as zeros so a time series has no
        silent gaps (a document without an outlet, its own group, has a row
        for its own period only); then one :data:`UNDATED` row per group with undated
        articles (or dates less precise than ``freq``, e.g. "2017-04" by day).
        ``start`` is the period's first day (blank for undated);
        ``share_*`` is the group's share of the period's articles and words
        (0 when the period has none).

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "X", "Y"],
    ...     "published": ["2017-04-03", "2017-04-20", "2017-04"], "n_words": [10, 10, 10]})
    >>> coverage(docs, freq="M")[["period", "outlet", "n_articles"]].values.tolist()
    [['2017-04', 'X', 2], ['2017-04', 'Y', 1]]
    >>> coverage(docs, freq="W")["period"].tolist()[-1]
    'undated'
    """
    if freq not in FREQUENCIES:
        raise ValueError(f"freq must be one of {sorted(FREQUENCIES)}, not {freq!r}")
    if by == "outlet":
        groups = outlet_labels(docs)
        named = docs["outlet"].fillna("").astype(str).str.strip() != "" if "outlet" in docs.columns else \
            pd.Series(False, index=docs.index)
    elif by in docs.columns:
        groups = docs[by].fillna("").astype(str).str.strip()
        named = groups != ""
        groups = groups.where(named, docs["doc_id"].astype(str))
    else:
        raise ValueError(f"no column {by!r} to group by; columns are {list(docs.columns)}")
    code, label = FREQUENCIES[freq]
    dates = publication_dates(docs)
    precise = dates["precision"].map(lambda p: bool(p) and _RANK[p] >= _RANK[_NEEDS[freq]])
    periods = dates["date"].where(precise).dt.to_period(code)
    words = docs["n_words"].fillna(0).astype("int64") if "n_words" in docs.columns else pd.Series(0, index=docs.index)
    frame = pd.DataFrame({"period": periods, "group": groups.to_numpy(), "n_words": words.to_numpy()},
                         index=docs.index)
    names = list(dict.fromkeys(frame["group"]))
    rows = []
    dated = frame[frame["period"].notna()]
    if len(dated):
        span = pd.period_range(dated["period"].min(), dated["period"].max(), freq=code)
        counts = dated.groupby(["period", "group"]).agg(n_articles=("n_words", "size"), n_words=("n_words", "sum"))
        # named groups get every period (zeros too); an article without a name is its own group and only its
        # own period, or a corpus without outlets would list every article on every day
        with_name = list(dict.fromkeys(groups[named]))
        grid = pd.MultiIndex.from_product([span, with_name], names=["period", "group"]).union(counts.index)
        rank = {n: i for i, n in enumerate(names)}
        grid = sorted(grid, key=lambda key: (key[0], rank[key[1]]))
        counts = counts.reindex(pd.MultiIndex.from_tuples(grid, names=["period", "group"]), fill_value=0)
        counts = counts.reset_index()
        counts["start"] = counts["period"].map(lambda p: p.start_time.strftime("%Y-%m-%d"))
        counts["period"] = counts["period"].map(lambda p: p.start_time.strftime(label))
        rows.append(counts)
    undated = frame[frame["period"].isna()]
    if len(undated):
        counts = undated.groupby("group", sort=False).agg(n_articles=("n_words", "size"), n_words=("n_words", "sum"))
        counts = counts.reindex([n for n in names if n in counts.index]).reset_index()
        counts.insert(0, "period", UNDATED)
        counts["start"] = ""
        rows.append(counts)
    if not rows:
        return pd.DataFrame(columns=[c if c != "outlet" else by for c in COVERAGE_COLUMNS])
    table = pd.concat(rows, ignore_index=True)
    for count, share in (("n_articles", "share_articles"), ("n_words", "share_words")):
        total = table.groupby("period", sort=False)[count].transform("sum")
        table[share] = (table[count] / total.where(total > 0)).fillna(0.0).round(4)
    table = table.rename(columns={"group": by})
    table[["period", "start", by]] = table[["period", "start", by]].astype(object)
    table[["n_articles", "n_words"]] = table[["n_articles", "n_words"]].astype("int64")
    return table[[c if c != "outlet" else by for c in COVERAGE_COLUMNS]]
