"""Charts of how the story moved: coverage over time, figures over time, low / best / high.

:func:`coverage_chart` draws articles per period in small multiples, one panel
per outlet. :func:`figures_over_time_chart` draws each category's claimed
figures against publication date with the bound conventions of
:func:`analysis.charts.claims.claims_chart` (point, bar, arrow, hollow circle,
hedged lighter), coloured by outlet, and a step line through the highest figure
claimed so far; :func:`figures_over_time_data` is its CSV twin.
:func:`reconcile_chart` draws :func:`analysis.reconcile.reconcile` with its rule
printed under the chart. Undated articles and claims are drawn in their own
"undated" slot, never left out.

Examples
--------
>>> import pandas as pd
>>> from analysis.reconcile import dated_claims, reconcile
>>> claims = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "category": ["killed"] * 2,
...     "value_low": pd.array([3, 8], dtype="Int64"), "value_high": pd.array([3, None], dtype="Int64"),
...     "qualifier": ["exact", "lower_bound"], "hedged": [False, True], "attributed_to": ["Police", ""],
...     "start": [0, 0]})
>>> docs = pd.DataFrame({"doc_id": ["a", "b"], "published": ["2020-01-01", ""]})
>>> data = figures_over_time_data(dated_claims(claims, docs))
>>> data[["date", "mark", "highest_so_far"]].values.tolist()
[['2020-01-01', 'point', 3.0], ['undated', 'arrow', nan]]
>>> type(figures_over_time_chart(data)).__name__, type(reconcile_chart(reconcile(claims, docs=docs))).__name__
('Figure', 'Figure')
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullFormatter, NullLocator

from ..coverage import UNDATED
from ..reconcile import BEST_RULE
from . import new_figure, no_data, outlet_order, outlet_styles, shorten, shorten_to
from .claims import ARROW_FACTOR, HEDGED_ALPHA, MARKS, claims_chart_categories

__all__ = ["MAX_PANELS", "coverage_chart", "figures_over_time_chart", "figures_over_time_data",
           "reconcile_chart"]

#: Panels drawn at most (outlets in the coverage chart, categories in the figures chart): more are unreadable;
#: the tables keep every one.
MAX_PANELS = 12
#: Narrowest figure, in inches: room for a two-line title and a legend even with one panel.
MIN_WIDTH = 6.0
#: Inches a legend entry takes at 7 points: marker, 30 characters and the gap to the next column.
LEGEND_COLUMN_INCHES = 2.0
#: Characters of the numbers written beside a row of the reconcile chart's bar (one line).
ROW_TEXT_CHARS = 60
#: Date ticks at most on a time axis, so labels do not overlap.
MAX_TICKS = 6
#: Share of the time axis between two claims of one day, spread sideways so that none hides another ...
SPREAD = 0.02
#: ... and the widest share of the axis one day's claims may take, so a crowded day stays in its slot.
MAX_SPREAD = 0.1


def coverage_chart(table: pd.DataFrame, *, by: str = "outlet"):
    """Articles per period, one small panel per outlet (the largest :data:`MAX_PANELS`, in the order of every chart).

    Parameters
    ----------
    table : pandas.DataFrame
        The output of :func:`analysis.coverage.coverage`.
    by : str, default "outlet"
        The group column of ``table``.

    Returns
    -------
    matplotlib.figure.Figure
        Bars of ``n_articles`` per period; the :data:`analysis.coverage.UNDATED`
        articles are a grey bar after the last period.
    """
    totals = table.groupby(by, sort=False)["n_articles"].sum()
    rank = {name: i for i, name in enumerate(outlet_order(totals.index))}  # the one order of every chart
    groups = sorted(totals.sort_values(ascending=False, kind="stable").index[:MAX_PANELS], key=lambda g: rank[str(g)])
    periods = list(dict.fromkeys(table["period"]))
    if UNDATED in periods:
        periods = [p for p in periods if p != UNDATED] + [UNDATED]
    columns = min(3, max(len(groups), 1))
    rows = max(1, -(-len(groups) // columns))
    width = max(3.6 * columns, MIN_WIDTH)
    fig, axes = new_figure(rows, columns, figsize=(width, 1.9 * rows + 1.2), sharex=True, sharey=True,
                           squeeze=False, layout="constrained")
    position = {p: i for i, p in enumerate(periods)}
    for ax, group in zip(axes.ravel(), groups):
        mine = table[table[by] == group]
        x = mine["period"].map(position).to_numpy()
        colors = ["#aaaaaa" if p == UNDATED else "#1f5a96" for p in mine["period"]]
        ax.bar(x, mine["n_articles"].to_numpy(), color=colors, width=0.8)
        ax.set_title(shorten(group, 40, lines=1), fontsize=8)
    for ax in axes.ravel()[len(groups):]:
        ax.set_visible(False)
    if not groups:
        axes[0][0].set_visible(True)
        no_data(axes[0][0], "no articles")
    else:
        ticks = _tick_positions(len(periods), undated=UNDATED in periods)
        for ax in axes[-1]:
            ax.set_xticks(ticks, [shorten(periods[i], 12, lines=1) for i in ticks], rotation=40, ha="right",
                          fontsize=7)
        for ax in axes[:, 0]:
            ax.set_ylabel("articles")
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # whole articles, never 0.2 of one
    shown = "" if len(totals) <= MAX_PANELS else f" (the {MAX_PANELS} largest of {len(totals)})"
    fig.suptitle(shorten_to(f"Coverage over time: articles per period{shown}; grey = undated", width - 0.2,
                            fontsize=10), fontsize=10, fontweight="bold")
    return fig


def _tick_positions(n: int, *, undated: bool) -> list[int]:
    """At most :data:`MAX_TICKS` evenly spread positions of ``n``, the last (undated) one always shown."""
    dated = n - 1 if undated else n
    step = max(1, -(-dated // MAX_TICKS))
    ticks = list(range(0, dated, step))
    return ticks + [n - 1] if undated else ticks


def _categories(data: pd.DataFrame) -> list[str]:
    """The categories drawn, in the claims chart's order (most claims first)."""
    return claims_chart_categories(data)[:MAX_PANELS]


def figures_over_time_data(dated: pd.DataFrame) -> pd.DataFrame:
    """The claims :func:`figures_over_time_chart` draws, with how each is drawn.

    Parameters
    ----------
    dated : pandas.DataFrame
        The output of :func:`analysis.reconcile.dated_claims`.

    Returns
    -------
    pandas.DataFrame
        ``category, date, label, mark`` (as in the claims chart's
        :data:`analysis.charts.claims.MARKS`), ``highest_so_far`` (the largest
        figure claimed in the category up to and including that day; blank for
        undated claims), then the remaining columns of ``dated``; in the order
        of ``dated`` within each category.
    """
    data = dated.copy()
    data["mark"] = data["qualifier"].map(MARKS).astype(object)
    highest = pd.Series(np.nan, index=data.index)
    for _, group in data[data["date"] != UNDATED].groupby("category", sort=False):
        per_day = group.groupby("date")["figure_high"].max().astype(float).sort_index().cummax()
        highest[group.index] = group["date"].map(per_day).to_numpy(dtype=float)
    data["highest_so_far"] = highest
    order = {c: i for i, c in enumerate(dict.fromkeys(data["category"]))}
    data = data.sort_values("category", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)
    first = ["category", "date", "label", "mark", "highest_so_far"]
    return data[first + [c for c in data.columns if c not in first]]


def figures_over_time_chart(data: pd.DataFrame):
    """Each category's claimed figures against publication date, coloured by outlet.

    Parameters
    ----------
    data : pandas.DataFrame
        The output of :func:`figures_over_time_data`.

    Returns
    -------
    matplotlib.figure.Figure
        One panel per category (at most :data:`MAX_PANELS`); the value axis is
        logarithmic; a grey step line joins the highest figure claimed so far;
        undated claims stand after the last date.
    """
    categories = _categories(data)
    styles = outlet_styles(data["label"])
    labels = list(styles)
    color = {label: colour for label, (colour, _) in styles.items()}
    days = sorted(d for d in data["date"].unique() if d != UNDATED)
    stamps = pd.to_datetime(pd.Series(days, dtype=object))
    origin = stamps.min() if len(stamps) else pd.Timestamp("2000-01-01")
    x_of = {d: float((t - origin).days) for d, t in zip(days, stamps)}
    span = max(x_of.values(), default=0.0)
    if UNDATED in set(data["date"]):
        x_of[UNDATED] = span + max(1.0, 0.15 * span)
    width = max(x_of.values(), default=0.0) or 1.0
    columns = min(2, max(len(categories), 1))
    rows = max(1, -(-len(categories) // columns))
    inches = max(5.2 * columns, MIN_WIDTH)
    fig, axes = new_figure(rows, columns, figsize=(inches, 2.8 * rows + 1.6), squeeze=False, layout="constrained")
    for ax, category in zip(axes.ravel(), categories):
        mine = data[data["category"] == category]
        _draw_over_time(ax, mine, x_of, color, width)
        ax.set_title(shorten(str(category).replace("_", " ").capitalize(), 40, lines=1))
    for ax in axes.ravel()[len(categories):]:
        ax.set_visible(False)
    if not categories:
        axes[0][0].set_visible(True)
        no_data(axes[0][0], "no claims")
    # every claim is drawn as a point, bar or arrow coloured by outlet: the legend shows the colour only
    handles = [Line2D([], [], marker="s", ms=7, ls="", color=color[label], label=shorten(label, 30, lines=1))
               for label in labels[:MAX_PANELS]]
    handles += [Line2D([], [], lw=1.2, color="#777777", drawstyle="steps-post", label="highest so far"),
                Line2D([], [], marker="o", ls="", color="#555555", alpha=HEDGED_ALPHA, label="hedged (lighter)")]
    columns = max(1, min(len(handles), int(inches // LEGEND_COLUMN_INCHES)))
    listed = "" if len(labels) <= MAX_PANELS else f"colours of the first {MAX_PANELS} of {len(labels)} outlets"
    fig.legend(handles=handles, loc="outside lower center", ncol=columns, frameon=False, fontsize=7,
               title=listed or None, title_fontsize=7)
    fig.suptitle(shorten_to("Claimed figures over time (point: exact/approximate, bar: range, arrow: open bound, "
                            "hollow: vague)", inches - 0.2, fontsize=10), fontsize=10, fontweight="bold")
    return fig


def _draw_over_time(ax, data: pd.DataFrame, x_of: dict, color: dict, width: float) -> None:
    ax.set_yscale("log")
    ax.yaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 3.0)))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}" if v >= 1 else ""))
    ax.yaxis.set_minor_formatter(NullFormatter())
    ax.grid(axis="y", color="#dddddd", lw=0.6)
    values = pd.concat([data["figure_low"], data["figure_high"]]).dropna().astype(float)
    values = values[values > 0]
    lo, hi = (values.min(), values.max()) if len(values) else (1.0, 10.0)
    ax.set_ylim(lo / 2, hi * ARROW_FACTOR * 2)
    for day, group in data.groupby("date", sort=False):
        n = len(group)
        offsets = (np.arange(n) - (n - 1) / 2) * width * min(SPREAD, MAX_SPREAD / max(n - 1, 1))
        for dx, claim in zip(offsets, group.itertuples(index=False)):
            _draw_vertical(ax, claim, x_of[day] + dx, color[claim.label])
    line = data[data["date"] != UNDATED].drop_duplicates("date")
    if len(line):
        xs = [x_of[d] for d in line["date"]]
        ax.step(xs, line["highest_so_far"].to_numpy(dtype=float), where="post", color="#777777", lw=1.2, zorder=0)
    ticks = _spaced_ticks(sorted(x_of.items(), key=lambda item: item[1]), width)
    ax.set_xticks([x for _, x in ticks], [label for label, _ in ticks], rotation=30, ha="right", fontsize=7)
    pad = width * (MAX_SPREAD / 2 + 0.02)
    ax.set_xlim(-pad, width + pad)


def _spaced_ticks(ticks: list[tuple[str, float]], width: float) -> list[tuple[str, float]]:
    """Date ticks at least 1/:data:`MAX_TICKS` of the axis apart, the first and the undated slot always kept."""
    kept: list[tuple[str, float]] = []
    for label, x in ticks:
        if label == UNDATED and kept and x - kept[-1][1] < width / MAX_TICKS:
            kept.pop()
        if not kept or label == UNDATED or x - kept[-1][1] >= width / MAX_TICKS:
            kept.append((label, x))
    return kept


def _draw_vertical(ax, claim, x: float, color: str) -> None:
    """One claim at ``x``, by its bounds, as the claims chart draws it but upright."""
    alpha = HEDGED_ALPHA if claim.hedged else 1.0
    low = None if pd.isna(claim.value_low) else float(claim.value_low)
    high = None if pd.isna(claim.value_high) else float(claim.value_high)
    if claim.mark == "bar" and low is not None and high is not None:
        ax.plot([x, x], [low, high], lw=4, color=color, alpha=alpha, solid_capstyle="butt")
    elif claim.mark == "arrow" and low is not None:
        ax.annotate("", xy=(x, low * ARROW_FACTOR), xytext=(x, low),
                    arrowprops={"arrowstyle": "-|>", "color": color, "alpha": alpha, "lw": 1.5})
        ax.plot([x], [low], marker="_", ms=8, color=color, alpha=alpha)
    elif claim.mark == "arrow_left" and high is not None:
        ax.annotate("", xy=(x, high / ARROW_FACTOR), xytext=(x, high),
                    arrowprops={"arrowstyle": "-|>", "color": color, "alpha": alpha, "lw": 1.5})
        ax.plot([x], [high], marker="_", ms=8, color=color, alpha=alpha)
    else:
        value = low if low is not None else high
        ax.plot([x], [value], marker="o", ms=6, ls="", color=color, alpha=alpha,
                mfc="none" if claim.mark == "hollow" else color, mew=1.5)


def reconcile_chart(table: pd.DataFrame):
    """Low, best and high per category, the hedged range beside them, and the rule under the chart.

    Parameters
    ----------
    table : pandas.DataFrame
        The output of :func:`analysis.reconcile.reconcile`.

    Returns
    -------
    matplotlib.figure.Figure
        One row per category: a bar from ``low`` to ``high``, a diamond at
        ``best`` (none when no figure qualifies), a lighter dashed line over
        the hedged figures, the numbers and sources written beside;
        :data:`analysis.reconcile.BEST_RULE` printed below.
    """
    n = max(len(table), 1)
    fig, ax = new_figure(figsize=(8.5, 2.2 + 0.55 * n), layout="constrained")
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}" if v >= 1 else ""))
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.grid(axis="x", color="#dddddd", lw=0.6)
    # the numbers of each row stand in a column right of the bars: x in axes units, y in data units
    beside = ax.get_yaxis_transform()
    highest = 1.0
    for y, row in enumerate(table.itertuples(index=False)):
        best = "no best figure" if pd.isna(row.best) else f"best {row.best:,.0f} ({row.n_sources_best} src)"
        ax.text(1.02, y, shorten(f"low {row.low:,} · {best} · high {row.high:,}", ROW_TEXT_CHARS, lines=1),
                transform=beside, va="center", fontsize=7)
        ax.plot([row.low, row.high], [y, y], lw=5, color="#1f5a96", solid_capstyle="butt")
        if row.low == row.high:
            ax.plot([row.low], [y], marker="|", ms=12, mew=3, color="#1f5a96")
        if not pd.isna(row.best):
            ax.plot([row.best], [y], marker="D", ms=8, color="#b2282e", ls="")
        if row.hedged_range:
            h_low, h_high = (float(v) for v in row.hedged_range.split("-"))
            ax.plot([h_low, max(h_high, h_low * 1.02)], [y + 0.28, y + 0.28], lw=2, ls="--", color="#1f5a96",
                    alpha=HEDGED_ALPHA)
            highest = max(highest, h_high)
        highest = max(highest, float(row.high))
    lows = table["low"].astype(float) if len(table) else pd.Series([1.0])
    ax.set_xlim(max(lows.min() / 2, 0.5), highest * 2)
    ax.set_yticks(range(len(table)), [shorten(str(c).replace("_", " "), 24, lines=1) for c in table["category"]])
    ax.set_ylim(n - 0.5, -0.6)
    if not len(table):
        ax.xaxis.set_minor_locator(NullLocator())
        no_data(ax, "no claimed figures to reconcile")
    handles = [Line2D([], [], lw=5, color="#1f5a96", label="low to high (not hedged)"),
               Line2D([], [], marker="D", ls="", color="#b2282e", label="best"),
               Line2D([], [], lw=2, ls="--", color="#1f5a96", alpha=HEDGED_ALPHA, label="hedged figures")]
    if len(table):
        fig.legend(handles=handles, loc="outside upper center", ncol=len(handles), frameon=False, fontsize=7)
    ax.set_title("Reconciled figures: low, best and high per category")
    rule = fig.supxlabel("\n".join(textwrap.wrap("Rule: " + BEST_RULE, 140)), x=0.01, ha="left", fontsize=6.5,
                         color="#333333")
    rule.set_fontweight("normal")
    return fig
