"""Charts of document similarity and shared passages, and a side-by-side view of a passage."""

from __future__ import annotations

import difflib
import html

import numpy as np
import pandas as pd
from scipy.cluster.hierarchy import dendrogram, linkage
from scipy.spatial.distance import squareform

from ..text import normalize_for_matching, token_spans
from . import new_figure
from .overview import document_label

__all__ = ["passage_html", "plot_shared_words", "plot_similarity_heatmap", "plot_similarity_map"]


def plot_similarity_heatmap(pairs: pd.DataFrame):
    """Cosine heatmap of every pair of documents, ordered by hierarchical clustering.

    The dendrogram above the heatmap joins the most similar documents first
    (average linkage on ``1 - cosine``).

    Parameters
    ----------
    pairs : pandas.DataFrame
        The output of :func:`analysis.similarity.similarity_pairs` with every
        pair (no ``top_k``); a missing pair counts as cosine 0.

    Examples
    --------
    >>> pairs = pd.DataFrame({"doc_a": ["a", "a", "b"], "doc_b": ["b", "c", "c"],
    ...                       "outlet_a": ["X", "X", "Y"], "outlet_b": ["Y", "", ""],
    ...                       "cosine": [0.8, 0.1, 0.2]})
    >>> fig = plot_similarity_heatmap(pairs)
    >>> [t.get_text() for t in fig.axes[2].get_yticklabels()]
    ['c (outlet unknown)', 'X · a', 'Y · b']
    """
    matrix, ids, labels = _square(pairs)
    n = len(labels)
    order = list(range(n))
    fig, axes = new_figure(2, 2, figsize=(4 + 0.45 * n, 2.5 + 0.45 * n),
                           gridspec_kw={"height_ratios": [1, 3], "width_ratios": [24, 1]})
    (top, blank), (ax, bar) = axes
    blank.set_axis_off()
    if n > 1:
        tree = linkage(squareform(1 - matrix, checks=False), method="average")
        order = dendrogram(tree, ax=top, no_labels=True, color_threshold=0, above_threshold_color="#636363")["leaves"]
        top.set_ylabel("1 − cosine")
    top.spines[["bottom"]].set_visible(False)
    top.set_xticks([])
    top.set_xlim(0, 10 * n)
    top.set_title("Cosine similarity of TF-IDF vectors, clustered")
    shown = matrix[np.ix_(order, order)].copy()
    np.fill_diagonal(shown, np.nan)
    highest = np.nanmax(shown) if n > 1 else 1.0
    image = ax.imshow(shown, cmap="Blues", vmin=0, vmax=max(highest, 0.01), extent=(0, 10 * n, 10 * n, 0),
                      aspect="auto")
    ticks = [10 * i + 5 for i in range(n)]
    ax.set_yticks(ticks, [labels[i] for i in order])
    ax.set_xticks(ticks, [ids[i] for i in order], rotation=90)
    if n <= 15:
        for row in range(n):
            for column in range(n):
                if row != column:
                    ax.text(ticks[column], ticks[row], f"{shown[row, column]:.2f}", ha="center", va="center",
                            fontsize=7, color="white" if shown[row, column] > 0.6 * highest else "black")
    fig.colorbar(image, cax=bar, label="cosine")
    return fig


def _square(pairs: pd.DataFrame) -> tuple[np.ndarray, list[str], list[str]]:
    """Symmetric cosine matrix (diagonal 1), document ids and labels, in first-seen order."""
    outlets: dict[str, str] = {}
    for doc, outlet in zip(list(pairs["doc_a"]) + list(pairs["doc_b"]),
                           list(pairs["outlet_a"]) + list(pairs["outlet_b"])):
        outlets.setdefault(doc, outlet)
    ids = list(outlets)
    position = {doc: i for i, doc in enumerate(ids)}
    matrix = np.eye(len(ids))
    for a, b, cosine in zip(pairs["doc_a"], pairs["doc_b"], pairs["cosine"]):
        matrix[position[a], position[b]] = matrix[position[b], position[a]] = cosine
    return matrix, ids, [document_label(doc, outlets[doc]) for doc in ids]


def plot_similarity_map(points: pd.DataFrame):
    """The documents on two axes (TruncatedSVD), coloured by outlet.

    Parameters
    ----------
    points : pandas.DataFrame
        The output of :func:`analysis.similarity.similarity_map`
        (``doc_id, outlet, label, x, y``). Documents are named on the chart
        when there are at most 40.

    Examples
    --------
    >>> points = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", ""], "label": ["X", "b"],
    ...                        "x": [0.1, 0.5], "y": [0.2, -0.3]})
    >>> fig = plot_similarity_map(points)
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    ['X', 'b (outlet unknown)']
    """
    fig, ax = new_figure(figsize=(7, 5))
    for label, group in points.groupby("label", sort=False):
        outlet = group["outlet"].iloc[0]
        name = label if outlet else document_label(label, "")
        ax.scatter(group["x"], group["y"], s=40, label=name, alpha=0.85)
    if len(points) <= 40:
        for row in points.itertuples():
            ax.annotate(row.doc_id, (row.x, row.y), xytext=(4, 4), textcoords="offset points", fontsize=7)
    ax.set_xlabel("component 1")
    ax.set_ylabel("component 2")
    ax.set_title("Documents placed by their words (TruncatedSVD of TF-IDF)")
    if points["label"].nunique() <= 20:
        ax.legend(fontsize=7, frameon=False, loc="best")
    return fig


def plot_shared_words(table: pd.DataFrame):
    """Outlet x outlet matrix of the words their shared passages hold.

    Parameters
    ----------
    table : pandas.DataFrame
        The output of :func:`analysis.passages.shared_words_by_outlet`.

    Examples
    --------
    >>> table = pd.DataFrame({"outlet_a": ["X", "X", "b", "b"], "outlet_b": ["X", "b", "X", "b"],
    ...                       "n_words": [0, 12, 12, 0], "n_passages": [0, 1, 1, 0]})
    >>> fig = plot_shared_words(table)
    >>> fig.axes[0].get_title()
    'Words in passages shared between outlets'
    """
    names = list(dict.fromkeys(table["outlet_a"]))
    grid = table.pivot(index="outlet_a", columns="outlet_b", values="n_words").reindex(index=names, columns=names)
    values = grid.to_numpy(dtype=float)
    n = len(names)
    fig, ax = new_figure(figsize=(3.5 + 0.5 * n, 2.5 + 0.5 * n))
    image = ax.imshow(values, cmap="Oranges", vmin=0, vmax=max(values.max(), 1))
    ax.set_xticks(range(n), names, rotation=45, ha="right")
    ax.set_yticks(range(n), names)
    if n <= 15:
        for row in range(n):
            for column in range(n):
                ax.text(column, row, f"{int(values[row, column])}", ha="center", va="center", fontsize=7,
                        color="white" if values[row, column] > 0.6 * values.max() else "black")
    ax.set_title("Words in passages shared between outlets")
    fig.colorbar(image, ax=ax, shrink=0.7, label="shared words")
    return fig


def passage_html(passages: pd.DataFrame) -> str:
    """Each shared passage side by side, the words that differ highlighted.

    Returns one HTML table (all text escaped): a row per passage with both
    documents' text; words that differ between the two are wrapped in
    ``<mark>``. Display it in a notebook with ``IPython.display.HTML``.

    Parameters
    ----------
    passages : pandas.DataFrame
        The output of :func:`analysis.passages.shared_passages`.

    Examples
    --------
    >>> passages = pd.DataFrame({"doc_a": ["a"], "doc_b": ["b"], "kind": ["near"], "n_words": [4],
    ...                          "text_a": ["is extremely risky <now>"], "text_b": ["is extremely dangerous <now>"]})
    >>> "<mark>risky</mark>" in passage_html(passages), "&lt;now&gt;" in passage_html(passages)
    (True, True)
    """
    rows = []
    for p in passages.itertuples():
        left, right = _highlight(p.text_a, p.text_b)
        rows.append(
            "<tr>"
            f"<td>{html.escape(str(p.doc_a))}<br>{html.escape(str(p.doc_b))}</td>"
            f"<td>{html.escape(str(p.kind))}, {int(p.n_words)} words</td>"
            f"<td style='text-align:left'>{left}</td><td style='text-align:left'>{right}</td>"
            "</tr>"
        )
    return ("<table><thead><tr><th>documents</th><th>passage</th><th>text in the first</th>"
            "<th>text in the second</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def _highlight(text_a: str, text_b: str) -> tuple[str, str]:
    """Escape both texts and mark the words one has and the other lacks."""
    spans_a, spans_b = token_spans(text_a), token_spans(text_b)
    words_a = [normalize_for_matching(text_a[s:e]).lower() for s, e in spans_a]
    words_b = [normalize_for_matching(text_b[s:e]).lower() for s, e in spans_b]
    differ_a, differ_b = set(), set()
    for tag, a0, a1, b0, b1 in difflib.SequenceMatcher(None, words_a, words_b, autojunk=False).get_opcodes():
        if tag != "equal":
            differ_a.update(range(a0, a1))
            differ_b.update(range(b0, b1))
    return _marked(text_a, spans_a, differ_a), _marked(text_b, spans_b, differ_b)


def _marked(text: str, spans, differ: set[int]) -> str:
    out, last = [], 0
    for k, (start, end) in enumerate(spans):
        out.append(html.escape(text[last:start]))
        word = html.escape(text[start:end])
        out.append(f"<mark>{word}</mark>" if k in differ else word)
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out).replace("\n", "<br>")
