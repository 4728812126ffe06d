"""An explorer for JupyterLab: pick a speaker, see every outlet's rendering of what they said.

Built like the explorers of :mod:`analysis.explore`: an ``ipywidgets`` box
that renders its first state at once (so a headless run shows it) and keeps the
rows it shows in ``.table``.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from ..labels import outlet_labels
from .summary import speaker_label
from .variants import variants_html

__all__ = ["quotes_html", "speaker_explorer"]


def quotes_html(quotes: pd.DataFrame) -> str:
    """Quotations as an HTML table, one row each: outlet, kind, cue and the words; all text escaped.

    >>> quotes = pd.DataFrame({"doc_id": ["a"], "outlet": ["<Daily>"], "kind": ["direct"], "cue": ["said"],
    ...                        "quote": ["It is safe"]})
    >>> "&lt;Daily&gt;" in quotes_html(quotes), "It is safe" in quotes_html(quotes)
    (True, True)
    """
    if quotes.empty:
        return "<p><em>No quotations.</em></p>"
    rows = [f"<tr><td>{html.escape(label)}</td><td>{html.escape(str(q.kind))}</td><td>{html.escape(str(q.cue))}</td>"
            f"<td style='text-align:left'>{html.escape(str(q.quote))}</td></tr>"
            for label, q in zip(outlet_labels(quotes), quotes.itertuples(index=False))]
    return ("<table class='analysis-quotes'><thead><tr><th>outlet</th><th>kind</th><th>cue</th><th>words</th>"
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def speaker_explorer(quotes: pd.DataFrame, *, groups: pd.DataFrame | None = None, speaker: str | None = None):
    """Pick a speaker; see what each outlet quotes them saying, and how other articles render it.

    Parameters
    ----------
    quotes : pandas.DataFrame
        The output of :func:`analysis.quotes.quotations`.
    groups : pandas.DataFrame, optional
        The output of :func:`analysis.quotes.quote_variants`: the statements of
        the chosen speaker that several articles carry are shown side by side.
    speaker : str, optional
        The speaker shown first (``Name (Organisation)`` as in
        :func:`~analysis.quotes.summary.sources_by_outlet`); default the most quoted named one.

    Returns
    -------
    ipywidgets.VBox
        With a ``table`` attribute holding the quotations shown.

    Examples
    --------
    >>> from analysis import load_corpus, paths
    >>> from analysis.quotes import quotations
    >>> box = speaker_explorer(quotations(load_corpus(paths.RAW_DATA_DIR)),
    ...                        speaker="Alvi Karimov (Kadyrov spokesperson)")
    >>> set(box.table["speaker"]), box.table["doc_id"].nunique() > 1
    ({'Alvi Karimov'}, True)
    """
    labels = speaker_label(quotes)
    counts = labels.value_counts()
    options = sorted(counts.index, key=lambda s: (s == "unknown", -counts[s], s))
    pick = widgets.Dropdown(options=options, value=speaker if speaker in options else (options[0] if options else None),
                            description="speaker", layout=widgets.Layout(width="auto"))
    summary, view, variants = widgets.HTML(), widgets.HTML(), widgets.HTML()
    box = widgets.VBox([pick, summary, view, variants])
    box.add_class("analysis-speaker-explorer")

    def refresh(_=None):
        shown = quotes[(labels == pick.value).to_numpy()]
        box.table = shown
        summary.value = (f"<p><b>{len(shown)}</b> quotations of <b>{html.escape(str(pick.value))}</b> in "
                         f"{shown['doc_id'].nunique()} articles</p>")
        view.value = quotes_html(shown)
        if groups is not None and len(shown):
            keys = set(zip(shown["doc_id"], shown["start"]))
            carried = pd.Series([k in keys for k in zip(groups["doc_id"], groups["start"])], index=groups.index,
                                dtype=bool)  # a Series: a plain list, when empty, would select columns
            chosen = groups.loc[carried, "group"].unique()
            variants.value = variants_html(groups[groups["group"].isin(chosen)]) if len(chosen) else ""
        else:
            variants.value = ""

    pick.observe(refresh, names="value")
    refresh()
    return box
