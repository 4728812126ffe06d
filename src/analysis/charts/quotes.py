"""Chart of who is quoted: an outlet x speaker dot plot."""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import new_figure, no_data, shorten, shorten_to

__all__ = ["MAX_OUTLETS", "MAX_SPEAKERS", "sources_chart", "sources_chart_data"]

#: Outlets drawn (the most quoting first); the table keeps every outlet.
MAX_OUTLETS = 12
#: Speakers drawn (the most quoted across outlets first); the rest are summed in one column.
MAX_SPEAKERS = 15
#: Characters of a line of a speaker (column, two lines: name and affiliation) and of an outlet (row, one line)
#: label on the chart; the data twin keeps the names whole.
SPEAKER_CHARS, OUTLET_CHARS = 24, 30
#: Inches a character of a 9-point tick label takes, and a column (speaker) and a row (outlet) of the grid.
CHAR_INCHES, COLUMN_INCHES, ROW_INCHES = 0.075, 0.45, 0.42
OTHERS = "(other speakers)"
UNKNOWN = "unknown"


def sources_chart_data(sources: pd.DataFrame, *, max_outlets: int = MAX_OUTLETS,
                       max_speakers: int = MAX_SPEAKERS) -> pd.DataFrame:
    """The cells the chart draws: ``outlet, speaker, n_quotes, quoted_words``, capped.

    Named speakers beyond ``max_speakers`` are summed into "(other speakers)";
    "unknown" keeps its own column; outlets beyond ``max_outlets`` are left out.

    >>> sources = pd.DataFrame({"outlet": ["A", "A", "B"], "speaker": ["x", "y", "x"],
    ...                         "n_quotes": [3, 1, 2], "quoted_words": [30, 5, 12]})
    >>> sources_chart_data(sources, max_speakers=1).values.tolist()
    [['A', 'x', 3, 30], ['A', '(other speakers)', 1, 5], ['B', 'x', 2, 12]]
    >>> sources_chart_data(sources.assign(speaker=["x", "unknown", "x"]), max_speakers=0)["speaker"].tolist()
    ['(other speakers)', 'unknown', '(other speakers)']
    """
    columns = ["outlet", "speaker", "n_quotes", "quoted_words"]
    if sources.empty:
        return pd.DataFrame(columns=columns)
    by_outlet = sources.groupby("outlet")["n_quotes"].sum()
    outlets = sorted(by_outlet.index, key=lambda o: (-by_outlet[o], o))[:max_outlets]
    by_speaker = sources.groupby("speaker")["n_quotes"].sum()
    named = sorted((s for s in by_speaker.index if s != UNKNOWN), key=lambda s: (-by_speaker[s], s))[:max_speakers]
    kept = sources[sources["outlet"].isin(outlets)].assign(
        speaker=lambda t: t["speaker"].where(t["speaker"].isin([*named, UNKNOWN]), OTHERS))
    data = kept.groupby(["outlet", "speaker"], sort=False)[["n_quotes", "quoted_words"]].sum().reset_index()
    order = {s: k for k, s in enumerate([*named, OTHERS, UNKNOWN])}
    data = data.sort_values(["outlet", "speaker"], key=lambda c: c.map(order) if c.name == "speaker"
                            else c.map({o: k for k, o in enumerate(outlets)}), kind="stable")
    return data[columns].reset_index(drop=True)


def sources_chart(sources: pd.DataFrame, *, max_outlets: int = MAX_OUTLETS, max_speakers: int = MAX_SPEAKERS):
    """Who each outlet quotes: one row per outlet, one column per speaker, a dot per pair.

    Parameters
    ----------
    sources : pandas.DataFrame
        The output of :func:`analysis.quotes.sources_by_outlet`.

    Returns
    -------
    matplotlib.figure.Figure
        The dot's area is the number of quotations; the number is written
        beside it. Long names are shortened (kept whole in the data twin). Columns are ordered by how much the speaker is quoted
        across outlets ("(other speakers)" and "unknown" last). Its data twin is
        :func:`sources_chart_data`.
    """
    data = sources_chart_data(sources, max_outlets=max_outlets, max_speakers=max_speakers)
    outlets = list(dict.fromkeys(data["outlet"]))
    speakers = list(dict.fromkeys(data.sort_values("speaker", key=lambda c: c.map(_column_order(data)),
                                                   kind="stable")["speaker"]))
    x_names = [shorten(s, SPEAKER_CHARS, lines=2) for s in speakers]
    y_names = [shorten(o, OUTLET_CHARS, lines=1) for o in outlets]
    # room for the longest label of each axis (speakers drawn upright), then a column / row per cell
    width = max(1.0 + CHAR_INCHES * max(map(len, y_names), default=0) + COLUMN_INCHES * max(len(speakers), 1), 4.5)
    height = 1.2 + CHAR_INCHES * max((len(line) for n in x_names for line in n.split("\n")), default=0) + ROW_INCHES * max(len(outlets), 1)
    fig, ax = new_figure(figsize=(width, height), layout="constrained")
    if len(data):
        x = data["speaker"].map({s: k for k, s in enumerate(speakers)}).to_numpy()
        y = data["outlet"].map({o: k for k, o in enumerate(outlets)}).to_numpy()
        n = data["n_quotes"].to_numpy(dtype=float)
        ax.scatter(x, y, s=40 * n / max(1.0, n.max()) * 6, color="#1f5a96", alpha=0.75, linewidths=0)
        for xi, yi, ni in zip(x, y, n):
            ax.annotate(f"{ni:.0f}", (xi, yi), xytext=(7, 5), textcoords="offset points", fontsize=7)
    else:
        no_data(ax, "no quotations found")
    ax.set_xticks(np.arange(len(speakers)), x_names, rotation=90)
    ax.set_yticks(np.arange(len(outlets)), y_names)
    ax.set_xlim(-0.7, max(len(speakers), 1) - 0.3)
    ax.set_ylim(max(len(outlets), 1) - 0.5, -0.5)
    title = shorten_to("Who each outlet quotes (number of quotations)", width - 0.2, fontsize=10)
    every = sources["outlet"].nunique() if len(sources) else 0
    if len(outlets) < every:
        title += "\n" + shorten_to(f"the {len(outlets)} of {every} outlets quoting most", width - 0.2, fontsize=10)
    fig.suptitle(title, fontsize=10, fontweight="bold")
    ax.grid(True, color="#dddddd", linewidth=0.5)
    ax.set_axisbelow(True)
    return fig


def _column_order(data: pd.DataFrame) -> dict:
    totals = data.groupby("speaker")["n_quotes"].sum()
    ranked = sorted(totals.index, key=lambda s: (s == OTHERS or s == UNKNOWN, s == UNKNOWN, -totals[s], s))
    return {s: k for k, s in enumerate(ranked)}
