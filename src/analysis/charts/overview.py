"""Charts of the corpus overview."""

from __future__ import annotations

import pandas as pd

from ..segmenting import LABELS
from . import new_figure

__all__ = ["LABEL_COLOURS", "document_label", "plot_segment_lengths"]

#: One colour per segment label; analysed text dark, set-aside text light.
LABEL_COLOURS = {
    "headline": "#08306b",
    "body": "#2171b5",
    "dateline": "#bdbdbd",
    "caption": "#969696",
    "comments": "#fdae6b",
    "off_topic": "#e6550d",
}


def document_label(doc_id: str, outlet: str) -> str:
    """How a document is named on a chart: its outlet and id, or the id alone.

    A blank outlet is unknown and is never guessed.

    >>> document_label("004_437f", "")
    '004_437f (outlet unknown)'
    """
    return f"{outlet} · {doc_id}" if outlet else f"{doc_id} (outlet unknown)"


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
    wide = lengths.pivot_table(index="doc_id", columns="label", values="n_words", aggfunc="sum", fill_value=0, sort=False)
    wide = wide[[label for label in LABELS if label in wide.columns]]
    outlets = lengths.drop_duplicates("doc_id").set_index("doc_id")["outlet"]
    names = [document_label(d, outlets[d]) for d in wide.index]
    fig, ax = new_figure(figsize=(8, 0.45 * len(wide) + 1.4))
    left = pd.Series(0, index=wide.index)
    for label in wide.columns:
        ax.barh(names, wide[label], left=left, color=LABEL_COLOURS[label], label=label)
        left = left + wide[label]
    ax.invert_yaxis()
    ax.set_xlabel("words")
    ax.set_title("Words in each article by segment (only headline and body are analysed)", loc="left")
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False, title="segment")
    return fig
