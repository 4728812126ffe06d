"""Charts of the corpus overview."""

from __future__ import annotations

import pandas as pd

from ..labels import article_label
from ..segmenting import LABELS
from . import new_figure, no_data, shorten

__all__ = ["LABEL_COLOURS", "MAX_ARTICLES", "plot_segment_lengths"]

#: Articles drawn at most (the first in corpus order); the CSV twin keeps them all.
MAX_ARTICLES = 60

#: One colour per segment label; analysed text dark, set-aside text light.
LABEL_COLOURS = {
    "headline": "#08306b",
    "body": "#2171b5",
    "dateline": "#bdbdbd",
    "caption": "#969696",
    "comments": "#fdae6b",
    "off_topic": "#e6550d",
    "front_matter": "#d9d9d9",
}


def plot_segment_lengths(lengths: pd.DataFrame):
    """Stacked bars: each article's words by segment label.

    Parameters
    ----------
    lengths : pandas.DataFrame
        The output of :func:`analysis.overview.segment_lengths`
        (``doc_id, outlet, label, n_words``).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> table = pd.DataFrame({"doc_id": ["a", "a"], "outlet": ["X", "X"],
    ...                       "label": ["body", "comments"], "n_words": [300, 100]})
    >>> fig = plot_segment_lengths(table)
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    ['body', 'comments']
    """
    title = "Words in each article by segment (only headline and body are analysed)"
    if lengths.empty:
        fig, ax = new_figure(figsize=(8, 2), layout="constrained")
        no_data(ax, "no articles")
        fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=10)
        return fig
    wide = lengths.pivot_table(index="doc_id", columns="label", values="n_words", aggfunc="sum", fill_value=0, sort=False)
    wide = wide[[label for label in LABELS if label in wide.columns]]
    total = len(wide)
    wide = wide.head(MAX_ARTICLES)
    outlets = lengths.drop_duplicates("doc_id").set_index("doc_id")["outlet"]
    names = [shorten(article_label(d, outlets[d]), 60, lines=1) for d in wide.index]
    if total > len(wide):
        title += f"\nthe first {len(wide)} of {total:,} articles"
    fig, ax = new_figure(figsize=(8, 0.3 * len(wide) + 1.4), layout="constrained")
    left = pd.Series(0, index=wide.index)
    for label in wide.columns:
        ax.barh(range(len(names)), wide[label], left=left, color=LABEL_COLOURS[label], label=label)
        left = left + wide[label]
    ax.set_yticks(range(len(names)), names)
    ax.invert_yaxis()
    ax.set_xlabel("words")
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=10)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, title="segment")
    return fig
