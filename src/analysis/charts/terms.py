"""Charts of term use: top terms, keyness, lexical dispersion, framing rates.

Each function takes the table that :mod:`analysis.terms`, :mod:`analysis.keyness`,
:mod:`analysis.kwic` or :mod:`analysis.framing` returns (already cut to what
should be drawn) and returns a Figure; the same table is the chart's CSV twin.
"""

from __future__ import annotations

import math
import textwrap

import numpy as np
import pandas as pd

from . import new_figure

__all__ = ["plot_dispersion", "plot_framing_rates", "plot_keyness", "plot_top_terms"]

OVER, UNDER = "#2b6cb0", "#c05621"
#: Article boundaries are drawn on the dispersion chart up to this many articles.
MAX_BOUNDARIES = 60


def _panels(n: int, *, ncols: int = 3, width: float = 3.6, height: float = 2.8):
    ncols = max(1, min(ncols, n))
    nrows = max(1, math.ceil(n / ncols))
    fig, axes = new_figure(nrows, ncols, figsize=(width * ncols, height * nrows), squeeze=False, layout="constrained")
    axes = axes.ravel()
    for ax in axes[n:]:
        ax.set_visible(False)
    return fig, axes[:n]


def _title(label: str) -> str:
    return "\n".join(textwrap.wrap(str(label), 34)) or "(blank)"


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
    groups = list(pd.unique(top[group]))
    tallest = top.groupby(group).size().max() if len(top) else 1
    fig, axes = _panels(len(groups), height=max(2.2, 0.22 * tallest + 0.9))
    for ax, name in zip(axes, groups):
        rows = top[top[group] == name].iloc[::-1]
        ax.barh(rows["term"], rows[value], color=OVER)
        ax.set_ylim(len(rows) - tallest - 0.5, len(rows) - 0.5)
        ax.set_title(_title(name), loc="left")
        ax.set_xlabel("per 10,000 words" if value == "per_10k" else value)
        ax.tick_params(axis="y", length=0)
    fig.suptitle("Most frequent terms", x=0.01, ha="left", fontweight="bold")
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
    groups = list(pd.unique(keys[group]))
    tallest = keys.groupby(group).size().max() if len(keys) else 1
    fig, axes = _panels(len(groups), height=max(2.2, 0.22 * tallest + 0.9))
    for ax, name in zip(axes, groups):
        rows = keys[keys[group] == name].copy()
        rows["_x"] = rows[value] if value != "g2" else np.where(rows["use"] == "over", rows["g2"], -rows["g2"])
        rows = rows.sort_values("_x", kind="stable")
        ax.barh(rows["term"], rows["_x"], color=np.where(rows["use"] == "over", OVER, UNDER))
        ax.set_ylim(len(rows) - tallest - 0.5, len(rows) - 0.5)
        ax.axvline(0, color="0.3", linewidth=0.8)
        ax.set_title(_title(name), loc="left")
        reference = rows["reference"].iloc[0] if len(rows) else "rest of corpus"
        ax.set_xlabel(f"{'log2 ratio' if value == 'log_ratio' else value} vs {reference}")
        ax.tick_params(axis="y", length=0)
    fig.suptitle("Key terms: more frequent (right) or less frequent (left) than the reference",
                 x=0.01, ha="left", fontweight="bold")
    return fig


def plot_dispersion(disp: pd.DataFrame, *, terms=None):
    """Lexical dispersion: one row per term, a tick wherever it occurs.

    Articles are laid end to end (x is the running word offset); thin vertical
    lines mark where each article starts, up to :data:`MAX_BOUNDARIES` articles.

    Parameters
    ----------
    disp : pandas.DataFrame
        :func:`analysis.kwic.dispersion` output.
    terms : list of str, optional
        The rows, top to bottom (default: the terms of ``disp`` in order of
        appearance). A term with no occurrence gets an empty row.
    """
    terms = list(pd.unique(disp["term"])) if terms is None else list(terms)
    fig, ax = new_figure(figsize=(9, 0.45 * len(terms) + 1.4))
    for y, term in enumerate(terms):
        offsets = disp.loc[disp["term"] == term, "offset"].to_numpy()
        ax.plot(offsets, np.full(len(offsets), y), "|", markersize=12, color=OVER, label=term)
    starts = disp.drop_duplicates("doc_id")["doc_start"].to_numpy() if len(disp) else np.array([])
    if 0 < len(starts) <= MAX_BOUNDARIES:
        ax.vlines(starts, -0.5, len(terms) - 0.5, colors="0.8", linewidth=0.6)
    ax.set_yticks(range(len(terms)), labels=terms)
    ax.set_ylim(len(terms) - 0.5, -0.5)
    ax.set_xlabel("word offset in the corpus (articles end to end)")
    ax.set_title("Where the terms occur", loc="left")
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
    n_groups = rates[group].nunique()
    fig, axes = _panels(len(categories), ncols=2, width=5.0, height=max(2.2, 0.3 * n_groups + 1.0))
    for ax, category in zip(axes, categories):
        rows = rates[rates["category"] == category].iloc[::-1]
        labels = [_title(g) for g in rows[group]]
        bars = ax.barh(labels, rows["per_1k"], color=OVER)
        ax.bar_label(bars, labels=[f"{c}" for c in rows["count"]], padding=3, fontsize=8)
        ax.set_title(f"{category}: rate per 1,000 words (label: count)", loc="left")
        ax.set_xlabel("per 1,000 words")
        ax.margins(x=0.15)
        ax.tick_params(axis="y", length=0)
    return fig
