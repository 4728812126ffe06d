"""Charts of claimed figures: what each outlet claims, how firmly, and whom it cites.

:func:`claims_chart` draws one panel per category and one row per outlet; each
claim is drawn by its bounds (see :data:`MARKS`), hedged claims lighter, with the
source it is attributed to written beside it. :func:`claims_chart_data` is its
CSV twin: the claim rows plotted, with their sentences. :func:`provenance_chart`
draws the outlet x originator matrix of :func:`analysis.claims.provenance`.

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
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

from ..claims import CLAIM_COLUMNS
from ..loading import outlet_labels
from . import new_figure

__all__ = ["CHART_CATEGORIES", "MARKS", "claims_chart", "claims_chart_data", "provenance_chart"]

#: The panels of :func:`claims_chart`, in order.
CHART_CATEGORIES = ("detained", "killed", "held_together", "camps")
TITLES = {"detained": "Detained", "killed": "Killed", "held_together": "Held together (per room)",
          "camps": "Camps and prisons"}
#: How each qualifier is drawn.
MARKS = {"exact": "point", "approximate": "point", "range": "bar", "lower_bound": "arrow",
         "upper_bound": "arrow_left", "vague": "hollow"}
COLORS = {"detained": "#1f5a96", "killed": "#b2282e", "held_together": "#6a3d9a", "camps": "#2d7d46"}
HEDGED_ALPHA = 0.35
ARROW_FACTOR = 2.5  # an open bound is drawn as an arrow this many times its value (log scale)


def claims_chart_data(claims: pd.DataFrame, *, categories=CHART_CATEGORIES) -> pd.DataFrame:
    """The claim rows :func:`claims_chart` draws, with how each is drawn.

    Returns
    -------
    pandas.DataFrame
        ``category, row`` (the outlet, or the doc_id when the outlet is
        unknown), ``mark`` (point, bar, arrow, arrow_left, hollow), then the
        claim columns of :func:`analysis.claims.extract_claims`; ordered by
        category (as in ``categories``), row, document and position.
    """
    data = claims[claims["category"].isin(categories)].copy()
    data.insert(0, "row", outlet_labels(data) if len(data) else pd.Series(dtype=object))
    data.insert(1, "mark", data["qualifier"].map(MARKS).astype(object))
    data["_order"] = data["category"].map({c: i for i, c in enumerate(categories)})
    data = data.sort_values(["_order", "row", "doc_id", "start"]).drop(columns="_order")
    columns = ["category", "row", "mark"] + [c for c in CLAIM_COLUMNS if c != "category"]
    return data[columns].reset_index(drop=True)


def claims_chart(claims: pd.DataFrame, *, categories=CHART_CATEGORIES):
    """Claimed figures by source: one panel per category, one row per outlet.

    A point is an exact or approximate figure, a bar a range, an arrow an open
    bound ("at least", "more than" to the right; "up to" to the left), a hollow
    circle a vague amount ("dozens"). Hedged claims are drawn lighter. The
    source each figure is attributed to is written beside it. The value axis is
    logarithmic, so 3 and 300 fit in one panel.

    Parameters
    ----------
    claims : pandas.DataFrame
        The output of :func:`analysis.claims.extract_claims`.
    categories : tuple of str
        The panels, in order.

    Returns
    -------
    matplotlib.figure.Figure
    """
    data = claims_chart_data(claims, categories=categories)
    rows = sorted(set(outlet_labels(claims))) if len(claims) else []
    height = 1.6 + 0.55 * max(len(rows), 1) + 0.12 * _most_per_row(data)
    fig, axes = new_figure(1, len(categories), figsize=(3.3 * len(categories), height),
                           sharey=True, squeeze=False)
    for ax, category in zip(axes[0], categories):
        _draw_panel(ax, data[data["category"] == category], rows, COLORS.get(category, "#333333"))
        ax.set_title(TITLES.get(category, category.replace("_", " ").capitalize()))
    ax0 = axes[0][0]
    ax0.set_yticks(range(len(rows)), rows)
    ax0.set_ylim(max(len(rows), 1) - 0.5, -0.5)
    handles = [
        Line2D([], [], marker="o", ls="", color="#555555", label="exact / approximate"),
        Line2D([], [], lw=4, color="#555555", label="range"),
        Line2D([], [], marker=">", ls="-", color="#555555", label="open bound (at least / up to)"),
        Line2D([], [], marker="o", ls="", mfc="none", color="#555555", label="vague (several, dozens)"),
        Line2D([], [], marker="o", ls="", color="#555555", alpha=HEDGED_ALPHA, label="hedged (lighter)"),
    ]
    fig.legend(handles=handles, loc="lower center", ncol=len(handles), frameon=False, fontsize=7,
               bbox_to_anchor=(0.5, -0.02))
    fig.suptitle("Claimed figures by source (label: who the figure is attributed to)", fontsize=10)
    fig.tight_layout(rect=(0, 0.06, 1, 0.95))
    return fig


def _most_per_row(data) -> int:
    return int(data.groupby(["category", "row"]).size().max()) if len(data) else 1


def _draw_panel(ax, data, rows, color) -> None:
    ax.set_xscale("log")
    ax.xaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 3.0)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}" if v >= 1 else ""))
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.grid(axis="x", color="#dddddd", lw=0.6)
    if data.empty:
        ax.text(0.5, 0.5, "no claims", transform=ax.transAxes, ha="center", va="center", color="#888888")
        ax.set_xlim(1, 1000)
        return
    values = pd.concat([data["value_low"], data["value_high"]]).dropna().astype(float)
    lo, hi = values.min(), values.max()
    ax.set_xlim(lo / 2, max(hi * ARROW_FACTOR * 6, lo * 30))
    position = {row: i for i, row in enumerate(rows)}
    for row, group in data.groupby("row", sort=False):
        n = len(group)
        offsets = (np.arange(n) - (n - 1) / 2) * min(0.8 / n, 0.25)
        for y_offset, claim in zip(offsets, group.itertuples(index=False)):
            y = position[row] + y_offset
            right = _draw_mark(ax, claim, y, color)
            if claim.attributed_to:
                ax.text(right * 1.12, y, claim.attributed_to, fontsize=6.5, va="center", color="#333333",
                        alpha=HEDGED_ALPHA + 0.3 if claim.hedged else 1.0)


def _draw_mark(ax, claim, y, color) -> float:
    """Draw one claim at height ``y``; return the x where its label may start."""
    alpha = HEDGED_ALPHA if claim.hedged else 1.0
    low = None if pd.isna(claim.value_low) else float(claim.value_low)
    high = None if pd.isna(claim.value_high) else float(claim.value_high)
    if claim.mark == "bar":
        ax.plot([low, high], [y, y], lw=4, color=color, alpha=alpha, solid_capstyle="butt")
        return high
    if claim.mark == "arrow":
        ax.annotate("", xy=(low * ARROW_FACTOR, y), xytext=(low, y),
                    arrowprops={"arrowstyle": "-|>", "color": color, "alpha": alpha, "lw": 1.5})
        ax.plot([low], [y], marker="|", ms=8, color=color, alpha=alpha)
        return low * ARROW_FACTOR
    if claim.mark == "arrow_left":
        ax.annotate("", xy=(high / ARROW_FACTOR, y), xytext=(high, y),
                    arrowprops={"arrowstyle": "-|>", "color": color, "alpha": alpha, "lw": 1.5})
        ax.plot([high], [y], marker="|", ms=8, color=color, alpha=alpha)
        return high
    value = low if low is not None else high
    hollow = claim.mark == "hollow"
    ax.plot([value], [y], marker="o", ms=6, ls="", color=color, alpha=alpha,
            mfc="none" if hollow else color, mew=1.5)
    return value


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
        One row per outlet, one column per originator ("own voice" first); each
        cell shows how many of the outlet's claims cite that originator.
    """
    outlets = sorted(table["outlet"].unique())
    totals = table.groupby("originator")["n_claims"].sum()
    originators = sorted(totals.index, key=lambda o: (o != "own voice", -totals[o], o))
    grid = np.zeros((len(outlets), len(originators)))
    for row in table.itertuples(index=False):
        grid[outlets.index(row.outlet), originators.index(row.originator)] = row.n_claims
    fig, ax = new_figure(figsize=(1.6 + 0.75 * max(len(originators), 1), 1.4 + 0.45 * max(len(outlets), 1)))
    if grid.size:
        ax.imshow(grid, cmap="Blues", vmin=0, vmax=max(grid.max(), 1), aspect="auto")
        for i in range(len(outlets)):
            for j in range(len(originators)):
                if grid[i, j]:
                    ax.text(j, i, f"{grid[i, j]:.0f}", ha="center", va="center", fontsize=8,
                            color="white" if grid[i, j] > grid.max() / 2 else "black")
    ax.set_xticks(range(len(originators)), originators, rotation=40, ha="right")
    ax.set_yticks(range(len(outlets)), outlets)
    ax.set_xlabel("cited for the figure")
    ax.set_title("Provenance: whom each outlet cites for its figures")
    ax.spines[["left", "bottom"]].set_visible(False)
    ax.tick_params(length=0)
    fig.tight_layout()
    return fig
