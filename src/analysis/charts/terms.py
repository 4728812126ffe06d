"""Charts of term use: top terms, keyness, lexical dispersion, framing rates.

Each function takes the table that :mod:`analysis.terms`, :mod:`analysis.keyness`,
:mod:`analysis.kwic` or :mod:`analysis.framing` returns (already cut to what
should be drawn) and returns a Figure; the same table is the chart's CSV twin.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from ..labels import article_label
from . import MAX_GROUPS, literal, new_figure, no_data, outlet_order, shorten

__all__ = ["plot_dispersion", "plot_framing_rates", "plot_keyness", "plot_top_terms"]

OVER, UNDER = "#2b6cb0", "#c05621"
#: Article boundaries are drawn on the dispersion chart up to this many articles.
MAX_BOUNDARIES = 60
#: Two article names on the dispersion chart stand at least this many pixels apart (a line of 7-point text).
MIN_NAME_GAP_PX = 11
#: Value ticks per panel at most, so that "10,000" and "30,000" never touch in a narrow panel.
MAX_TICKS = 4
#: Inches a small-multiples figure is at least wide, so that its title fits on one line.
MIN_WIDTH = 7.5


def _panels(n: int, *, ncols: int = 3, width: float = 3.6, height: float = 2.8):
    n = max(n, 1)
    ncols = max(1, min(ncols, n))
    nrows = max(1, math.ceil(n / ncols))
    fig, axes = new_figure(nrows, ncols, figsize=(max(width * ncols, MIN_WIDTH), height * nrows), squeeze=False, layout="constrained")
    axes = axes.ravel()
    for ax in axes[n:]:
        ax.set_visible(False)
    return fig, axes[:n]


def _title(label: str) -> str:
    return shorten(label, 28, lines=2) or "(blank)"


def _groups(table: pd.DataFrame, group: str) -> tuple[list, str]:
    """The groups a small-multiples chart draws (at most :data:`MAX_GROUPS`, in outlet order) and a note."""
    by_name = {str(v): v for v in pd.unique(table[group])}
    ordered = [by_name[name] for name in outlet_order(by_name)]
    note = f" (the first {MAX_GROUPS} of {len(ordered)} groups)" if len(ordered) > MAX_GROUPS else ""
    return ordered[:MAX_GROUPS], note


def plot_top_terms(top: pd.DataFrame, *, value: str = "per_10k"):
    """Small multiples: the top terms of each group as horizontal bars.

    Parameters
    ----------
    top : pandas.DataFrame
        :func:`analysis.terms.top_terms` output: group column first, then
        ``term`` and ``value``.
    value : str, default "per_10k"
        The column drawn.
    """
    group = top.columns[0]
    groups, note = _groups(top, group)
    tallest = top.groupby(group).size().max() if len(top) else 1
    fig, axes = _panels(len(groups), height=max(2.2, 0.22 * tallest + 0.9))
    fig.suptitle("Most frequent terms" + note, x=0.01, ha="left", fontweight="bold")
    if not groups:
        no_data(axes[0], "no terms: the analysed text holds no word outside the stopword list")
        return fig
    for ax, name in zip(axes, groups):
        rows = top[top[group] == name].iloc[::-1]
        ax.barh(range(len(rows)), rows[value], color=OVER)
        ax.set_yticks(range(len(rows)), [shorten(t, 24, lines=1) for t in rows["term"]])
        ax.set_ylim(len(rows) - tallest - 0.5, len(rows) - 0.5)
        ax.set_title(_title(name), loc="left")
        ax.set_xlabel("per 10,000 words" if value == "per_10k" else literal(value))
        ax.xaxis.set_major_locator(MaxNLocator(MAX_TICKS))
        ax.tick_params(axis="y", length=0)
    return fig


def plot_keyness(keys: pd.DataFrame, *, value: str = "log_ratio"):
    """Diverging bars per group: terms used more (right) and less (left) than the reference.

    Parameters
    ----------
    keys : pandas.DataFrame
        :func:`analysis.keyness.top_keywords` output: group column first, then
        ``reference``, ``term``, ``use`` and ``value``.
    value : str, default "log_ratio"
        The column drawn (``"g2"`` draws under-used terms as negative G2).
    """
    group = keys.columns[0]
    groups, note = _groups(keys, group)
    tallest = keys.groupby(group).size().max() if len(keys) else 1
    fig, axes = _panels(len(groups), height=max(2.2, 0.22 * tallest + 0.9))
    fig.suptitle("Key terms: more frequent (right) or less frequent (left) than the reference" + note,
                 x=0.01, ha="left", fontweight="bold")
    if not groups:
        no_data(axes[0], "no key terms: no term is frequent enough and significant at the chosen threshold")
        return fig
    for ax, name in zip(axes, groups):
        rows = keys[keys[group] == name].copy()
        rows["_x"] = rows[value] if value != "g2" else np.where(rows["use"] == "over", rows["g2"], -rows["g2"])
        rows = rows.sort_values("_x", kind="stable")
        ax.barh(range(len(rows)), rows["_x"], color=np.where(rows["use"] == "over", OVER, UNDER))
        ax.set_yticks(range(len(rows)), [shorten(t, 24, lines=1) for t in rows["term"]])
        ax.set_ylim(len(rows) - tallest - 0.5, len(rows) - 0.5)
        ax.axvline(0, color="0.3", linewidth=0.8)
        ax.set_title(_title(name), loc="left")
        reference = rows["reference"].iloc[0] if len(rows) else "rest of corpus"
        ax.set_xlabel(shorten(f"{'log2 ratio' if value == 'log_ratio' else value} vs {reference}", 40))
        ax.xaxis.set_major_locator(MaxNLocator(MAX_TICKS))
        ax.tick_params(axis="y", length=0)
    return fig


def plot_dispersion(disp: pd.DataFrame, *, terms=None):
    """Lexical dispersion: one row per term, a tick wherever it occurs.

    Articles are laid end to end (x is the running word offset). Up to
    :data:`MAX_BOUNDARIES` articles, thin vertical lines mark where each
    article starts and its name (:func:`analysis.labels.article_label`) stands
    above its stretch, wherever there is room for it; at most
    :data:`analysis.charts.MAX_GROUPS` terms are drawn.

    Parameters
    ----------
    disp : pandas.DataFrame
        :func:`analysis.kwic.dispersion` output.
    terms : list of str, optional
        The rows, top to bottom (default: the terms of ``disp`` in order of
        appearance). A term with no occurrence gets an empty row.

    Examples
    --------
    >>> disp = pd.DataFrame({"term": ["camp", "camp"], "doc_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                      "offset": [2, 30], "doc_start": [0, 20]})
    >>> fig = plot_dispersion(disp)
    >>> [t.get_text() for t in fig.axes[0].child_axes[0].get_xticklabels()]
    ['X · a', 'Y · b']
    """
    terms = list(pd.unique(disp["term"])) if terms is None else list(terms)
    title = "Where the terms occur"
    if len(terms) > MAX_GROUPS:
        title += f" (the first {MAX_GROUPS} of {len(terms)} terms)"
        terms = terms[:MAX_GROUPS]
    starts = disp.drop_duplicates("doc_id")[["doc_id", "outlet", "doc_start"]] if len(disp) else None
    named = starts is not None and 0 < len(starts) <= MAX_BOUNDARIES
    fig, ax = new_figure(figsize=(9, 0.45 * max(len(terms), 1) + 1.4 + (1.3 if named else 0)))
    if not terms or disp.empty:
        no_data(ax, "no terms to place" if not terms else "none of the terms occurs in the analysed text")
        ax.set_title(title, loc="left")
        fig.tight_layout()
        return fig
    for y, term in enumerate(terms):
        offsets = disp.loc[disp["term"] == term, "offset"].to_numpy()
        ax.plot(offsets, np.full(len(offsets), y), "|", markersize=12, color=OVER, label=literal(term))
    end = float(disp["offset"].max()) + 1
    ax.set_xlim(0, end)
    if named:
        starts = starts.sort_values("doc_start", kind="stable")
        ax.vlines(starts["doc_start"], -0.5, len(terms) - 0.5, colors="0.8", linewidth=0.6)
        edges = starts["doc_start"].tolist() + [end]
        middles = [(a + b) / 2 for a, b in zip(edges, edges[1:])]
        width_px = 9 * 100 * 0.8
        kept, last = [], -np.inf
        for middle, doc_id, outlet in zip(middles, starts["doc_id"], starts["outlet"]):
            if (middle - last) / end * width_px >= MIN_NAME_GAP_PX:
                kept.append((middle, shorten(article_label(doc_id, outlet), 26, lines=1)))
                last = middle
        top = ax.secondary_xaxis("top")
        top.set_xticks([m for m, _ in kept], [n for _, n in kept], rotation=90, fontsize=7)
        top.tick_params(length=0)
        top.spines["top"].set_visible(False)
    ax.set_yticks(range(len(terms)), labels=[shorten(t, 24, lines=1) for t in terms])
    ax.set_ylim(len(terms) - 0.5, -0.5)
    ax.set_xlabel("word offset in the corpus (articles end to end)")
    ax.set_title(title, loc="left")
    ax.tick_params(axis="y", length=0)
    fig.tight_layout()
    return fig


def plot_framing_rates(rates: pd.DataFrame):
    """Bars per group of a framing category's rate per 1,000 words, one panel per category.

    Parameters
    ----------
    rates : pandas.DataFrame
        :func:`analysis.framing.framing_rates` output (one row per group and
        category).
    """
    group = rates.columns[0]
    categories = list(pd.unique(rates["category"]))
    groups, note = _groups(rates, group)
    fig, axes = _panels(len(categories), ncols=2, width=5.0, height=max(2.2, 0.42 * len(groups) + 1.0))
    if note:
        fig.suptitle("Framing rates" + note, x=0.01, ha="left", fontweight="bold")
    if not categories:
        no_data(axes[0], "no articles to count in")
        return fig
    for ax, category in zip(axes, categories):
        rows = rates[(rates["category"] == category) & rates[group].isin(groups)]
        rows = rows.set_index(group).loc[groups[::-1]].reset_index()
        bars = ax.barh(range(len(rows)), rows["per_1k"], color=OVER)
        ax.set_yticks(range(len(rows)), [_title(g) for g in rows[group]])
        ax.bar_label(bars, labels=[f"{c}" for c in rows["count"]], padding=3, fontsize=8)
        ax.xaxis.set_major_locator(MaxNLocator(MAX_TICKS))
        ax.set_title(shorten(category, 28, lines=1), loc="left")
        ax.set_xlabel("per 1,000 words (bar label: count)")
        ax.margins(x=0.15)
        ax.tick_params(axis="y", length=0)
    return fig
