"""Interactive explorers for JupyterLab, one call each.

Each explorer is an ``ipywidgets`` box whose controls re-query the package and
redraw an HTML view. They render their initial state at once, so a notebook
run headless (papermill, ``make report``) shows that state and waits for
nothing. The tables underneath stay tidy DataFrames: each explorer keeps the
rows it shows in ``.table``.

Examples
--------
>>> from analysis import load_corpus, paths
>>> box = kwic_explorer(load_corpus(paths.RAW_DATA_DIR), term="camps")
>>> len(box.table) > 0, list(box.table.columns[:3])
(True, ['doc_id', 'outlet', 'left'])
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import numpy as np
import pandas as pd

from .charts import outlet_order
from .charts.similarity import passage_html
from .claims import evidence_html
from .kwic import KWIC_COLUMNS, kwic
from .labels import article_label, outlet_labels

__all__ = ["claim_browser", "kwic_explorer", "kwic_html", "pair_viewer"]

ALL = "(all)"


def kwic_html(lines: pd.DataFrame, *, max_rows: int = 200) -> str:
    """KWIC lines as an HTML table with the match highlighted; every cell escaped.

    >>> lines = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "left": ["men <b>"],
    ...                       "match": ["detained"], "right": ["in camps"]})
    >>> "&lt;b&gt;" in kwic_html(lines) and "<mark>detained</mark>" in kwic_html(lines)
    True
    """
    if lines.empty:
        return "<p><em>No lines.</em></p>"
    rows = []
    for r in lines.head(max_rows).itertuples(index=False):
        rows.append(
            f"<tr><td>{html.escape(r.outlet or r.doc_id)}</td>"
            f"<td style='text-align:right'>{html.escape(r.left)}</td>"
            f"<td style='white-space:nowrap'><mark>{html.escape(r.match)}</mark></td><td>{html.escape(r.right)}</td></tr>"
        )
    more = f"<p>… and {len(lines) - max_rows} more lines in <code>.table</code></p>" if len(lines) > max_rows else ""
    return ("<table class='analysis-kwic'><thead><tr><th>source</th><th></th><th>match</th><th></th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>{more}")


def kwic_explorer(docs: pd.DataFrame, *, term: str = "detained", window: int = 8, include=None):
    """Type a word or phrase, pick outlets, see the lines.

    Parameters
    ----------
    docs : pandas.DataFrame
        The output of :func:`analysis.load_corpus`.
    term : str, default "detained"
        The first query shown.
    window : int, default 8
        Words of context on each side (a slider changes it).
    include : tuple of str, optional
        Segment labels searched (default headline and body).

    Returns
    -------
    ipywidgets.VBox
        With a ``table`` attribute holding the KWIC lines shown
        (see :func:`analysis.kwic.kwic`).
    """
    options = {} if include is None else {"include": include}
    query = widgets.Text(value=term, description="word/phrase", continuous_update=False,
                         layout=widgets.Layout(width="auto"))
    regex = widgets.Checkbox(value=False, description="regular expression", indent=False)
    labels = outlet_labels(docs)
    outlets = outlet_order(labels)
    sources = widgets.SelectMultiple(options=outlets, value=tuple(outlets), description="sources", rows=min(6, len(outlets)))
    span = widgets.IntSlider(value=window, min=2, max=25, description="window")
    summary = widgets.HTML()
    view = widgets.HTML()
    box = widgets.VBox([widgets.HBox([query, regex, span]), sources, summary, view])
    box.add_class("analysis-kwic-explorer")

    def refresh(_=None):
        chosen = docs[labels.isin(sources.value).to_numpy()]
        try:
            if query.value.strip():
                lines = kwic(chosen, query.value, regex=regex.value, window=span.value, **options)
            else:
                lines = pd.DataFrame(columns=KWIC_COLUMNS)
        except Exception as exc:  # a half-typed regular expression, say: show it, do not raise
            summary.value = f"<p style='color:#b00'>{html.escape(str(exc))}</p>"
            return
        box.table = lines
        summary.value = (f"<p class='analysis-kwic-summary'><b>{len(lines)}</b> lines for "
                         f"<code>{html.escape(query.value)}</code> in {lines['doc_id'].nunique()} articles</p>")
        view.value = kwic_html(lines)

    for control in (query, regex, sources, span):
        control.observe(refresh, names="value")
    refresh()
    return box


def claim_browser(claims: pd.DataFrame, *, docs: pd.DataFrame | None = None, category: str = ALL):
    """Pick a category and an outlet; see each claim's sentence with the figure marked and its source.

    Parameters
    ----------
    claims : pandas.DataFrame
        The output of :func:`analysis.claims.extract_claims`.
    docs : pandas.DataFrame, optional
        The corpus the claims came from (places the mark by offsets).
    category : str, default "(all)"
        The category shown first.

    Returns
    -------
    ipywidgets.VBox
        With a ``table`` attribute holding the claim rows shown.

    Examples
    --------
    >>> from analysis import load_corpus, paths
    >>> from analysis.claims import extract_claims
    >>> docs = load_corpus(paths.RAW_DATA_DIR)
    >>> box = claim_browser(extract_claims(docs), docs=docs, category="killed")
    >>> set(box.table["category"])
    {'killed'}
    """
    sources = outlet_labels(claims)
    pick_category = widgets.Dropdown(options=[ALL, *sorted(claims["category"].unique())], value=category,
                                     description="category")
    pick_source = widgets.Dropdown(options=[ALL, *outlet_order(sources)], value=ALL, description="outlet")
    summary, view = widgets.HTML(), widgets.HTML()
    box = widgets.VBox([widgets.HBox([pick_category, pick_source]), summary, view])
    box.add_class("analysis-claim-browser")

    def refresh(_=None):
        keep = pd.Series(True, index=claims.index)
        if pick_category.value != ALL:
            keep &= claims["category"] == pick_category.value
        if pick_source.value != ALL:
            keep &= sources == pick_source.value
        box.table = claims[keep]
        summary.value = f"<p><b>{int(keep.sum())}</b> claims</p>"
        view.value = evidence_html(box.table, docs=docs) if keep.any() else "<p><em>No claims.</em></p>"

    for control in (pick_category, pick_source):
        control.observe(refresh, names="value")
    refresh()
    return box


def pair_viewer(docs: pd.DataFrame, passages: pd.DataFrame):
    """Pick two articles; see the passages they share side by side, differing words marked.

    Parameters
    ----------
    docs : pandas.DataFrame
        The output of :func:`analysis.load_corpus`.
    passages : pandas.DataFrame
        The output of :func:`analysis.passages.shared_passages`.

    Returns
    -------
    ipywidgets.VBox
        With a ``table`` attribute holding the passages shown. The first pair
        shown is the one sharing the most words.

    Examples
    --------
    >>> from analysis import load_corpus, paths
    >>> from analysis.passages import shared_passages
    >>> docs = load_corpus(paths.RAW_DATA_DIR)
    >>> box = pair_viewer(docs, shared_passages(docs))
    >>> len(box.table) > 0
    True
    """
    options = [(article_label(d, o), d) for d, o in zip(docs["doc_id"], outlet_labels(docs))]
    first = passages.groupby(["doc_a", "doc_b"])["n_words"].sum().sort_values(ascending=False, kind="stable")
    ids = docs["doc_id"].tolist()
    a, b = first.index[0] if len(first) else ((ids[0], ids[-1]) if ids else (None, None))
    pick_a = widgets.Dropdown(options=options, value=a, description="article")
    pick_b = widgets.Dropdown(options=options, value=b, description="and")
    summary, view = widgets.HTML(), widgets.HTML()
    box = widgets.VBox([widgets.HBox([pick_a, pick_b]), summary, view])
    box.add_class("analysis-pair-viewer")

    def refresh(_=None):
        pair = {pick_a.value, pick_b.value}
        keep = np.array([{x, y} == pair for x, y in zip(passages["doc_a"], passages["doc_b"])], dtype=bool)
        shown = passages[keep]
        box.table = shown
        if len(ids) < 2:
            summary.value = "<p><em>Fewer than two articles: nothing to compare.</em></p>"
        elif len(pair) < 2:
            summary.value = "<p><em>Pick two different articles.</em></p>"
        else:
            summary.value = f"<p><b>{len(shown)}</b> shared passages, {int(shown['n_words'].sum())} words</p>"
        view.value = passage_html(shown) if len(shown) else ""

    for control in (pick_a, pick_b):
        control.observe(refresh, names="value")
    refresh()
    return box
