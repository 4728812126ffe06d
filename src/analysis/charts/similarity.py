"""Charts of document similarity and shared passages, and a side-by-side view of a passage."""

from __future__ import annotations

import html
import textwrap

import numpy as np
import pandas as pd
from cydifflib import SequenceMatcher
from scipy.cluster.hierarchy import dendrogram, linkage
from scipy.spatial.distance import squareform

from ..text import normalize_for_matching, token_spans
from . import MAX_LEGEND, new_figure, no_data, outlet_order, outlet_styles, shorten
from ..labels import article_label, outlet_labels

__all__ = ["MAX_HEATMAP", "MAX_MATRIX", "passage_html", "plot_shared_words", "plot_similarity_heatmap",
           "plot_similarity_map"]


#: Articles the heatmap draws at most (the first in the table); the CSV twin keeps every pair.
MAX_HEATMAP = 40
#: Cells get their cosine written up to this many articles (beyond, the numbers no longer fit).
MAX_ANNOTATED = 15
#: Outlets the shared-words matrix draws at most (those sharing the most words).
MAX_MATRIX = 30
#: Points of the similarity map that get a label beside them at most.
MAX_POINT_LABELS = 60


def plot_similarity_heatmap(pairs: pd.DataFrame):
    """Cosine heatmap of every pair of documents, ordered by hierarchical clustering.

    The dendrogram above the heatmap joins the most similar documents first
    (average linkage on ``1 - cosine``). Rows name each article
    (:func:`analysis.labels.article_label`), columns give its id; at most
    :data:`MAX_HEATMAP` articles are drawn.

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
    ['(unknown: c)', 'X · a', 'Y · b']
    """
    matrix, ids, labels = _square(pairs)
    ids, labels, matrix = ids[:MAX_HEATMAP], labels[:MAX_HEATMAP], matrix[:MAX_HEATMAP, :MAX_HEATMAP]
    n = len(labels)
    title = "Cosine similarity of TF-IDF vectors, clustered"
    if n < 2:
        fig, ax = new_figure(figsize=(6, 2), layout="constrained")
        no_data(ax, "fewer than two articles share a word: nothing to compare")
        fig.suptitle(title, fontsize=10, fontweight="bold")
        return fig
    order = list(range(n))
    fig, axes = new_figure(2, 2, figsize=(max(4 + 0.3 * n, 6), max(2.5 + 0.3 * n, 5)), layout="constrained",
                           gridspec_kw={"height_ratios": [1, 3], "width_ratios": [24, 1]})
    (top, blank), (ax, bar) = axes
    blank.set_axis_off()
    tree = linkage(squareform(1 - matrix, checks=False), method="average")
    order = dendrogram(tree, ax=top, no_labels=True, color_threshold=0, above_threshold_color="#636363")["leaves"]
    top.set_ylabel("1 − cosine")
    top.spines[["bottom"]].set_visible(False)
    top.set_xticks([])
    top.set_xlim(0, 10 * n)
    fig.suptitle(title, fontsize=10, fontweight="bold")
    shown = matrix[np.ix_(order, order)].copy()
    np.fill_diagonal(shown, np.nan)
    highest = np.nanmax(shown)
    image = ax.imshow(shown, cmap="Blues", vmin=0, vmax=max(highest, 0.01), extent=(0, 10 * n, 10 * n, 0),
                      aspect="auto")
    ticks = [10 * i + 5 for i in range(n)]
    ax.set_yticks(ticks, [shorten(labels[i], 44, lines=1) for i in order])
    ax.set_xticks(ticks, [shorten(ids[i], 24, lines=1) for i in order], rotation=90)
    if n <= MAX_ANNOTATED:
        for row in range(n):
            for column in range(n):
                if row != column:
                    ax.text(ticks[column], ticks[row], f"{shown[row, column]:.2f}", ha="center", va="center",
                            fontsize=7 if n <= 10 else 6,
                            color="white" if shown[row, column] > 0.6 * highest else "black")
    fig.colorbar(image, cax=bar, label="cosine")
    return fig


def _square(pairs: pd.DataFrame) -> tuple[np.ndarray, list[str], list[str]]:
    """Symmetric cosine matrix (diagonal 1), document ids and article labels, in first-seen order."""
    outlets: dict[str, str] = {}
    for doc, outlet in zip(list(pairs["doc_a"]) + list(pairs["doc_b"]),
                           list(pairs["outlet_a"]) + list(pairs["outlet_b"])):
        outlets.setdefault(doc, outlet)
    ids = list(outlets)
    position = {doc: i for i, doc in enumerate(ids)}
    matrix = np.eye(len(ids))
    for a, b, cosine in zip(pairs["doc_a"], pairs["doc_b"], pairs["cosine"]):
        matrix[position[a], position[b]] = matrix[position[b], position[a]] = cosine
    return matrix, ids, [article_label(doc, outlets[doc]) for doc in ids]


MAP_NOTE = ("Articles close together share vocabulary; articles far apart use different words. "
            "The axes have no units: only distances matter.")


def plot_similarity_map(points: pd.DataFrame):
    """The documents on two axes (TruncatedSVD), one colour and marker per outlet.

    Up to :data:`analysis.charts.MAX_LEGEND` outlets are told apart by colour
    and marker in a legend (in :func:`analysis.charts.outlet_order`); every
    point is also labelled with its outlet where the label fits without
    touching another (up to :data:`MAX_POINT_LABELS` points), so beyond 20
    outlets the labels name them. The axes carry no tick values: only
    distances mean something.

    Parameters
    ----------
    points : pandas.DataFrame
        The output of :func:`analysis.similarity.similarity_map`
        (``doc_id, outlet, label, x, y``).

    Examples
    --------
    >>> points = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "(unknown: b)"], "label": ["X · a", "b"],
    ...                        "x": [0.1, 0.5], "y": [0.2, -0.3]})
    >>> fig = plot_similarity_map(points)
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    ['X', '(unknown: b)']
    """
    title = "Articles placed by their words"
    outlets = outlet_labels(points) if len(points) else pd.Series(dtype=object)
    order = outlet_order(outlets)
    many = len(order) > MAX_LEGEND
    fig, ax = new_figure(figsize=(7.5 if many else 9, 5.5), layout="constrained")
    ax.set_title(title, loc="left")
    if points.empty:
        no_data(ax, "no articles")
        return fig
    styles = outlet_styles(order)
    for outlet in order:
        group = points[(outlets == outlet).to_numpy()]
        colour, marker = styles[outlet]
        ax.scatter(group["x"], group["y"], s=42, color=colour, marker=marker, alpha=0.9,
                   label=shorten(outlet, 40, lines=1), edgecolors="white", linewidths=0.5)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel(_wrapped(MAP_NOTE, 95), fontsize=8, color="#444444")
    spread = max(np.ptp(points["x"]), np.ptp(points["y"]), 1e-9)
    ax.margins(0.12 if spread > 1e-6 else 0.5)
    if not many:
        ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0), title="outlet")
    if len(points) <= MAX_POINT_LABELS:
        _label_points(ax, points["x"].to_numpy(), points["y"].to_numpy(),
                      [shorten(o, 22, lines=1) for o in outlets])
    return fig


def _wrapped(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width))


def _label_points(ax, xs, ys, texts) -> int:
    """Write each text beside its point where it touches no other label or point; return how many fit."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = ax.figure
    canvas = fig.canvas if hasattr(fig.canvas, "get_renderer") else FigureCanvasAgg(fig)
    renderer = canvas.get_renderer()
    fig.draw(renderer)
    inside = ax.get_window_extent(renderer)
    markers = [ax.transData.transform((x, y)) for x, y in zip(xs, ys)]
    taken = [t.get_window_extent(renderer) for t in fig.texts + [ax.title, ax.xaxis.label]]
    legend = ax.get_legend()
    if legend is not None:
        taken.append(legend.get_window_extent(renderer))
    placed = 0
    for (x, y), (px, py), text in zip(zip(xs, ys), markers, texts):
        for dx, dy, ha, va in ((5, 4, "left", "bottom"), (5, -4, "left", "top"),
                               (-5, 4, "right", "bottom"), (-5, -4, "right", "top")):
            label = ax.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points", fontsize=6.5,
                                ha=ha, va=va, color="#333333")
            box = label.get_window_extent(renderer)
            hits_point = any(box.x0 - 3 < mx < box.x1 + 3 and box.y0 - 3 < my < box.y1 + 3
                             for mx, my in markers if (mx, my) != (px, py))
            if (inside.x0 <= box.x0 and box.x1 <= inside.x1 and inside.y0 <= box.y0 and box.y1 <= inside.y1
                    and not hits_point and not any(box.overlaps(other) for other in taken)):
                taken.append(box)
                placed += 1
                break
            label.remove()
    return placed


def plot_shared_words(table: pd.DataFrame):
    """Outlet x outlet matrix of the words their shared passages hold.

    At most :data:`MAX_MATRIX` outlets are drawn: those whose passages hold the
    most shared words (the CSV twin keeps every pair).

    Parameters
    ----------
    table : pandas.DataFrame
        The output of :func:`analysis.passages.shared_words_by_outlet`.

    Examples
    --------
    >>> table = pd.DataFrame({"outlet_a": ["X", "X", "b", "b"], "outlet_b": ["X", "b", "X", "b"],
    ...                       "n_words": [0, 12, 12, 0], "n_passages": [0, 1, 1, 0]})
    >>> fig = plot_shared_words(table)
    >>> fig.texts[0].get_text()
    'Words in passages shared between outlets'
    """
    title = "Words in passages shared between outlets"
    if table.empty or not table["n_words"].any():
        fig, ax = new_figure(figsize=(6, 2), layout="constrained")
        no_data(ax, "no passages shared between articles")
        fig.suptitle(title, fontsize=10, fontweight="bold")
        return fig
    totals = table.groupby("outlet_a", sort=False)["n_words"].sum()
    kept = set(totals.sort_values(ascending=False, kind="stable").index[:MAX_MATRIX])
    names = [o for o in outlet_order(table["outlet_a"]) if o in kept]
    part = table[table["outlet_a"].isin(kept) & table["outlet_b"].isin(kept)]
    grid = part.pivot(index="outlet_a", columns="outlet_b", values="n_words").reindex(index=names, columns=names)
    values = grid.fillna(0).to_numpy(dtype=float)
    n = len(names)
    if len(kept) < len(totals):
        title += f"\nthe {n} of {len(totals):,} outlets sharing the most"
    fig, ax = new_figure(figsize=(3.5 + 0.32 * n, 2.8 + 0.32 * n), layout="constrained")
    image = ax.imshow(values, cmap="Oranges", vmin=0, vmax=max(values.max(), 1))
    short = [shorten(o, 28, lines=1) for o in names]
    ax.set_xticks(range(n), short, rotation=90)
    ax.set_yticks(range(n), short)
    if n <= MAX_ANNOTATED:
        for row in range(n):
            for column in range(n):
                ax.text(column, row, f"{int(values[row, column])}", ha="center", va="center", fontsize=7,
                        color="white" if values[row, column] > 0.6 * values.max() else "black")
    fig.suptitle(title, fontsize=10, fontweight="bold")
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
    for tag, a0, a1, b0, b1 in SequenceMatcher(None, words_a, words_b, autojunk=False).get_opcodes():
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
