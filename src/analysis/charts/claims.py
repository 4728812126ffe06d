"""Charts of claimed figures: what each outlet claims, how firmly, and whom it cites.

:func:`claims_chart` draws one panel per category and one row per outlet; each
claim is drawn by its bounds (see :data:`MARKS`), hedged claims lighter, with the
source it is attributed to written beside it. :func:`claims_chart_data` is its
CSV twin: the claim rows plotted, with their sentences. :func:`provenance_chart`
draws the outlet x originator matrix of :func:`analysis.claims.provenance`.
Every category present gets a panel, largest first; long outlet and source names
are shortened on the chart and kept whole in the CSV twin.

Examples
--------
>>> import pandas as pd
>>> claims = pd.DataFrame({"doc_id": ["a"], "outlet": ["Daily"], "category": ["killed"],
...     "value_low": pd.array([3], dtype="Int64"), "value_high": pd.array([None], dtype="Int64"),
...     "qualifier": ["lower_bound"], "hedged": [True], "attributed_to": ["Police"],
...     "stated": ["at least 3"], "sentence": ["At least 3 died."], "start": [0], "end": [10]})
>>> claims_chart_data(claims)[["category", "row", "mark"]].values.tolist()
[['killed', 'Daily', 'arrow']]
>>> type(claims_chart(claims)).__name__
'Figure'
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import math

from matplotlib.lines import Line2D
from matplotlib.ticker import FixedLocator, FuncFormatter, NullFormatter, NullLocator

from ..claims import CLAIM_COLUMNS
from ..labels import outlet_labels
from . import COLOURS, literal, new_figure, no_data, outlet_order, shorten

__all__ = ["MARKS", "MAX_OUTLETS", "MAX_PER_ROW", "claims_chart", "claims_chart_categories", "claims_chart_data",
           "provenance_chart"]

TITLES = {"detained": "Detained", "killed": "Killed", "held_together": "Held together (per room)",
          "camps": "Camps and prisons"}
#: Panels per row of :func:`claims_chart`; more categories wrap to a new row.
PANELS_PER_ROW = 4
#: Outlets (rows) drawn at most: those with the most claims; the CSV twin keeps every claim.
MAX_OUTLETS = 25
#: Claims drawn per outlet and category at most (in order of position); the CSV twin keeps them all.
MAX_PER_ROW = 8
#: A source label takes at most this share of its panel's width; the figures get the rest.
LABEL_ROOM = 0.6
#: Pixels (at 100 dpi) a character of a 6.5-point label takes on average, and a panel's width in pixels.
PX_PER_CHAR, PANEL_PX = 5.4, 310
#: Characters of a source label on the chart (one line); the CSV twin has the full name.
LABEL_CHARS = 34
#: A source label is never cut shorter than this to fit its panel.
MIN_LABEL_CHARS = 10
#: Points between a mark and its source label: clear of a 6-point marker.
LABEL_GAP_POINTS = 6
#: Inches of panel height each stacked claim needs: one line of 6.5-point text and a gap.
INCHES_PER_CLAIM = 0.15
#: How each qualifier is drawn.
MARKS = {"exact": "point", "approximate": "point", "range": "bar", "lower_bound": "arrow",
         "upper_bound": "arrow_left", "vague": "hollow"}
COLORS = {"detained": "#1f5a96", "killed": "#b2282e", "held_together": "#6a3d9a", "camps": "#2d7d46",
          "injured": "#c26a00", "displaced": "#2f7f86", "missing": "#7a5230"}
HEDGED_ALPHA = 0.35
ARROW_FACTOR = 2.5  # an open bound is drawn as an arrow this many times its value (log scale)


def claims_chart_categories(claims: pd.DataFrame) -> list[str]:
    """Every category present in ``claims``, the one with most claims first (ties by name).

    >>> claims_chart_categories(pd.DataFrame({"category": ["killed", "injured", "injured", "camps"]}))
    ['injured', 'camps', 'killed']
    """
    counts = claims["category"].value_counts() if len(claims) else pd.Series(dtype="int64")
    return sorted(counts.index, key=lambda c: (-counts[c], str(c)))


def claims_chart_data(claims: pd.DataFrame, *, categories=None) -> pd.DataFrame:
    """The claim rows :func:`claims_chart` draws, with how each is drawn.

    Parameters
    ----------
    claims : pandas.DataFrame
        The output of :func:`analysis.claims.extract_claims`.
    categories : list of str, optional
        The panels; default every category present, largest first
        (:func:`claims_chart_categories`).

    Returns
    -------
    pandas.DataFrame
        ``category, row`` (the outlet, :func:`analysis.labels.outlet_labels`),
        ``mark`` (point, bar, arrow, arrow_left, hollow), then the claim columns
        of :func:`analysis.claims.extract_claims` in full; ordered by category
        (as in ``categories``), row, document and position.
    """
    categories = claims_chart_categories(claims) if categories is None else list(categories)
    data = claims[claims["category"].isin(categories)].copy()
    data.insert(0, "row", outlet_labels(data) if len(data) else pd.Series(dtype=object))
    data.insert(1, "mark", data["qualifier"].map(MARKS).astype(object))
    data["_order"] = data["category"].map({c: i for i, c in enumerate(categories)})
    data = data.sort_values(["_order", "row", "doc_id", "start"]).drop(columns="_order")
    columns = ["category", "row", "mark"] + [c for c in CLAIM_COLUMNS if c != "category" and c in data.columns]
    return data[columns].reset_index(drop=True)


def claims_chart(claims: pd.DataFrame, *, categories=None):
    """Claimed figures by source: one panel per category, one row per outlet.

    A point is an exact or approximate figure, a bar a range, an arrow an open
    bound ("at least", "more than" to the right; "up to" to the left), a hollow
    circle a vague amount ("dozens"). Hedged claims are drawn lighter. The
    source each figure is attributed to is written beside it (shortened to
    :data:`LABEL_CHARS` characters; written left of its mark, and shorter,
    where the panel has no room on the right). The value axis is logarithmic ("people
    (log scale)"), so 3 and 300 fit in one panel. Every category present gets a
    panel, the largest first, :data:`PANELS_PER_ROW` to a row; at most
    :data:`MAX_OUTLETS` outlets and :data:`MAX_PER_ROW` claims per outlet and
    panel are drawn.

    Parameters
    ----------
    claims : pandas.DataFrame
        The output of :func:`analysis.claims.extract_claims`.
    categories : list of str, optional
        The panels, in order; default :func:`claims_chart_categories`.

    Returns
    -------
    matplotlib.figure.Figure
    """
    data = claims_chart_data(claims, categories=categories)
    categories = claims_chart_categories(claims) if categories is None else list(categories)
    counts = data["row"].value_counts()
    kept = set(sorted(counts.index, key=lambda r: (-counts[r], r))[:MAX_OUTLETS])
    rows = [r for r in outlet_order(data["row"]) if r in kept]
    data = data[data["row"].isin(kept)]
    data = data.groupby(["category", "row"], sort=False).head(MAX_PER_ROW)
    title = "Claimed figures by source (label: who the figure is attributed to)"
    if len(kept) < len(counts):
        title += f"\nthe {len(kept)} of {len(counts)} outlets with the most claims"
    if not categories:
        fig, ax = new_figure(figsize=(7.5, 2.2), layout="constrained")
        no_data(ax, "no claimed figures found")
        fig.suptitle(title, fontsize=10)
        return fig
    ncols = min(PANELS_PER_ROW, len(categories))
    nrows = math.ceil(len(categories) / ncols)
    most = int(data.groupby(["category", "row"]).size().max()) if len(data) else 1
    row_inches = max(0.45, INCHES_PER_CLAIM * most)
    height = nrows * (0.9 + row_inches * max(len(rows), 1)) + 1.0
    width = max(3.6 * ncols + 1.9, 7.5)
    fig, axes = new_figure(nrows, ncols, figsize=(width, height), sharey=True, squeeze=False,
                           layout="constrained")
    for ax, category in zip(axes.ravel(), categories):
        colour = COLORS.get(category) or COLOURS[categories.index(category) % len(COLOURS)]
        _draw_panel(ax, data[data["category"] == category], rows, colour, most)
        ax.set_title(literal(TITLES.get(category, str(category).replace("_", " ").capitalize())))
        ax.set_xlabel("people (log scale)")
    for ax in axes.ravel()[len(categories):]:
        ax.set_visible(False)
    axes[0][0].set_yticks(range(len(rows)), [shorten(r, 34, lines=1) for r in rows])
    axes[0][0].set_ylim(max(len(rows), 1) - 0.5, -0.5)
    for ax in axes[:, 0]:
        ax.tick_params(axis="y", length=0)
    handles = [
        Line2D([], [], marker="o", ls="", color="#555555", label="exact / approximate"),
        Line2D([], [], lw=4, color="#555555", label="range"),
        Line2D([], [], marker=">", ls="-", color="#555555", label="open bound (at least / up to)"),
        Line2D([], [], marker="o", ls="", mfc="none", color="#555555", label="vague (several, dozens)"),
        Line2D([], [], marker="o", ls="", color="#555555", alpha=HEDGED_ALPHA, label="hedged (lighter)"),
    ]
    fig.legend(handles=handles, loc="outside lower center", ncol=len(handles) if width >= 9 else 3,
               frameon=False, fontsize=7)
    fig.suptitle(title, fontsize=10)
    _fit_labels(fig)
    return fig


def _compact(value: float) -> str:
    """A tick value short enough for a narrow panel: 300, 3k, 30k, 1.5M."""
    if value >= 1e6:
        return f"{value / 1e6:g}M"
    if value >= 1e3:
        return f"{value / 1e3:g}k"
    return f"{value:g}" if value >= 1 else ""


def _log_ticks(lo: float, hi: float) -> list[float]:
    """Ticks 1-3-10 over ``[lo, hi]``, thinned until at most five remain, so their labels fit."""
    ticks = [m * 10 ** e for e in range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1) for m in (1, 3)]
    ticks = [t for t in ticks if lo <= t <= hi and t >= 1]
    step = 1
    while len(ticks[::step]) > 5:
        step += 1
    return ticks[::step] or [max(lo, 1)]


def _draw_panel(ax, data, rows, color, most) -> None:
    ax.set_xscale("log")
    ax.xaxis.set_minor_locator(NullLocator())
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.grid(axis="x", color="#dddddd", lw=0.6)
    if data.empty:
        ax.text(0.5, 0.5, "no claims", transform=ax.transAxes, ha="center", va="center", color="#888888")
        ax.set_xlim(1, 1000)
        ax.xaxis.set_major_locator(FixedLocator(_log_ticks(1, 1000)))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: _compact(v)))
        return
    values = pd.concat([data["value_low"], data["value_high"]]).dropna().astype(float)
    values = values[values > 0]
    lo, hi = (values.min(), values.max()) if len(values) else (1.0, 1.0)
    left = max(lo / 2, 0.5)
    rightmost_label = hi * ARROW_FACTOR
    sources = [s for s in data["attributed_to"] if isinstance(s, str) and s]
    chars = min(max(map(len, sources), default=0), LABEL_CHARS)
    room = 1 - min(LABEL_ROOM, (chars * PX_PER_CHAR + 2 * LABEL_GAP_POINTS) / PANEL_PX) if sources else 0.85
    # log(label / left) = room * log(right / left): the label starts at that share of the panel
    right = math.exp(math.log(left) + math.log(rightmost_label / left) / room)
    ax.set_xlim(left, right)
    # ticks over the figures and their arrows only: the room kept for the labels shows no values (a panel of
    # figures up to 15,000 with long labels was ticked up to "10000M")
    ticks = _log_ticks(left, rightmost_label)
    if len(ticks) < 2:  # one tick gives no scale: the next one too, inside the panel
        ticks = _log_ticks(left, right)[:2]
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: _compact(v)))
    position = {row: i for i, row in enumerate(rows)}
    spacing = min(0.9 / most, 0.3)
    for row, group in data.groupby("row", sort=False):
        n = len(group)
        offsets = (np.arange(n) - (n - 1) / 2) * spacing
        for y_offset, claim in zip(offsets, group.itertuples(index=False)):
            y = position[row] + y_offset
            end = _draw_mark(ax, claim, y, color)
            if claim.attributed_to and isinstance(claim.attributed_to, str):
                label = ax.annotate(shorten(claim.attributed_to, LABEL_CHARS, lines=1), (max(end, left), y),
                                    xytext=(LABEL_GAP_POINTS, 0), textcoords="offset points", fontsize=6.5,
                                    va="center", color="#333333",
                                    alpha=HEDGED_ALPHA + 0.3 if claim.hedged else 1.0)
                label.set_in_layout(False)
                start = claim.value_low if not pd.isna(claim.value_low) else claim.value_high
                label.analysis_source = (claim.attributed_to, max(float(start), left) if not pd.isna(start) else left)


def _fit_labels(fig) -> None:
    """Keep every source label inside its panel: flip it left of its mark, else shorten it until it fits."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = fig.canvas if hasattr(fig.canvas, "get_renderer") else FigureCanvasAgg(fig)
    renderer = canvas.get_renderer()
    fig.draw(renderer)
    for ax in fig.axes:
        panel = ax.get_window_extent(renderer)
        for label in [t for t in ax.texts if hasattr(t, "analysis_source")]:
            if label.get_window_extent(renderer).x1 <= panel.x1:
                continue
            full, start = label.analysis_source
            label.xy = (start, label.xy[1])
            label.set_position((-LABEL_GAP_POINTS, 0))
            label.set_horizontalalignment("right")
            chars = LABEL_CHARS
            while label.get_window_extent(renderer).x0 < panel.x0 and chars > MIN_LABEL_CHARS:
                chars -= 4
                label.set_text(shorten(full, chars, lines=1))


def _draw_mark(ax, claim, y, color) -> float:
    """Draw one claim at height ``y``; return the x where its label may start."""
    alpha = HEDGED_ALPHA if claim.hedged else 1.0
    low = None if pd.isna(claim.value_low) else float(claim.value_low)
    high = None if pd.isna(claim.value_high) else float(claim.value_high)
    if claim.mark == "bar" and low is not None and high is not None:
        ax.plot([low, high], [y, y], lw=4, color=color, alpha=alpha, solid_capstyle="butt")
        return high
    if claim.mark == "arrow" and low is not None:
        ax.annotate("", xy=(low * ARROW_FACTOR, y), xytext=(low, y),
                    arrowprops={"arrowstyle": "-|>", "color": color, "alpha": alpha, "lw": 1.5})
        ax.plot([low], [y], marker="|", ms=8, color=color, alpha=alpha)
        return low * ARROW_FACTOR
    if claim.mark == "arrow_left" and high is not None:
        ax.annotate("", xy=(high / ARROW_FACTOR, y), xytext=(high, y),
                    arrowprops={"arrowstyle": "-|>", "color": color, "alpha": alpha, "lw": 1.5})
        ax.plot([high], [y], marker="|", ms=8, color=color, alpha=alpha)
        return high
    value = low if low is not None else high
    if value is None or value <= 0:
        return 1.0
    hollow = claim.mark == "hollow"
    ax.plot([value], [y], marker="o", ms=6, ls="", color=color, alpha=alpha,
            mfc="none" if hollow else color, mew=1.5)
    return value


#: Outlets (rows) and originators (columns) the provenance grid draws at most: the most cited.
MAX_PROVENANCE = 30


def provenance_chart(table: pd.DataFrame):
    """Which originators each outlet cites for its figures: an outlet x originator grid.

    Parameters
    ----------
    table : pandas.DataFrame
        The output of :func:`analysis.claims.provenance` (``outlet,
        originator, n_claims``).

    Returns
    -------
    matplotlib.figure.Figure
        One row per outlet (in :func:`analysis.charts.outlet_order`), one
        column per originator ("own voice" first, then the most cited); each
        cell shows how many of the outlet's claims cite that originator. At
        most :data:`MAX_PROVENANCE` of each are drawn; the figure is sized to
        its grid and labels.

    Examples
    --------
    >>> table = pd.DataFrame({"outlet": ["X", "X", "Y"], "originator": ["own voice", "Police", "Police"],
    ...                       "n_claims": [2, 1, 3]})
    >>> fig = provenance_chart(table)
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
    ['own voice', 'Police']
    """
    title = "Whom each outlet cites for its figures"
    if table.empty:
        fig, ax = new_figure(figsize=(6, 1.8), layout="constrained")
        no_data(ax, "no claimed figures, so no sources")
        fig.suptitle(title, fontsize=10, fontweight="bold")
        return fig
    out_totals = table.groupby("outlet")["n_claims"].sum()
    totals = table.groupby("originator")["n_claims"].sum()
    kept_outlets = set(sorted(out_totals.index, key=lambda o: (-out_totals[o], o))[:MAX_PROVENANCE])
    outlets = [o for o in outlet_order(table["outlet"]) if o in kept_outlets]
    originators = sorted(totals.index, key=lambda o: (o != "own voice", -totals[o], o))[:MAX_PROVENANCE]
    grid = np.zeros((len(outlets), len(originators)))
    row_of, column_of = {o: i for i, o in enumerate(outlets)}, {o: j for j, o in enumerate(originators)}
    for row in table.itertuples(index=False):
        if row.outlet in row_of and row.originator in column_of:
            grid[row_of[row.outlet], column_of[row.originator]] = row.n_claims
    x_names = [shorten(o, 26, lines=1) for o in originators]
    y_names = [shorten(o, 28, lines=1) for o in outlets]
    # inches: 0.07 per character of the longest label, 0.42 per cell
    width = 0.5 + 0.07 * max(map(len, y_names)) + 0.42 * len(originators)
    height = 0.8 + 0.07 * max(map(len, x_names)) + 0.34 * len(outlets)
    if len(outlets) < len(out_totals) or len(originators) < len(totals):
        title += f"\n{len(outlets)} of {len(out_totals)} outlets, {len(originators)} of {len(totals)} sources"
    fig, ax = new_figure(figsize=(max(width, 4.2), height), layout="constrained")
    ax.imshow(grid, cmap="Blues", vmin=0, vmax=max(grid.max(), 1), aspect="auto")
    for i in range(len(outlets)):
        for j in range(len(originators)):
            if grid[i, j]:
                ax.text(j, i, f"{grid[i, j]:.0f}", ha="center", va="center", fontsize=8,
                        color="white" if grid[i, j] > grid.max() / 2 else "black")
    ax.set_xticks(range(len(originators)), x_names, rotation=90)
    ax.set_yticks(range(len(outlets)), y_names)
    ax.set_xlabel("cited for the figure")
    fig.suptitle(title, fontsize=10, fontweight="bold")
    ax.spines[["left", "bottom"]].set_visible(False)
    ax.tick_params(length=0)
    return fig
