"""Charts: functions that take tidy DataFrames and return matplotlib Figures.

Chart functions never call ``show()`` or ``savefig()``. :func:`save_chart`
writes a figure as PNG and SVG beside a CSV of the numbers it plots, with no
timestamps or random ids inside, so a rerun on the same data writes the same
bytes.

Each analysis has its own module here (``charts.overview``, ``charts.terms``
...); this package holds what they share: the style, :func:`literal` (every
label drawn is literal text, never mathtext), :func:`shorten` (long labels
wrapped and cut, the full text stays in the CSV twin), :func:`outlet_order` and
:func:`outlet_styles` (one order and one colour-and-marker per outlet for every
chart of a report), :func:`figure_size` (figures never grow without bound),
:func:`no_data` (a chart with nothing to draw says so) and
:func:`text_overlaps` (the check that no two texts of a figure collide).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from ..labels import UNKNOWN

__all__ = [
    "COLOURS", "MARKERS", "MAX_FIGURE_INCHES", "MAX_GROUPS", "STYLE", "figure_size", "literal", "new_figure",
    "no_data", "outlet_order", "outlet_styles", "save_chart", "shorten", "shorten_to", "text_overlaps",
]

#: Groups (outlets, categories ...) a chart draws at most; its table keeps them all.
MAX_GROUPS = 12
#: Largest width or height of a figure, in inches: 40 inches is 6,000 pixels at 150 dpi.
MAX_FIGURE_INCHES = 40.0
#: Ten colours that stay apart for colour-blind readers too (Tableau 10).
COLOURS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
           "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac")
#: Seven markers: seven is prime to ten, so (colour, marker) repeats only after 70 outlets.
MARKERS = ("o", "s", "^", "D", "v", "P", "X")
#: Average width of a character, as a share of the font size: 0.6 holds for bold titles in DejaVu Sans.
CHAR_EM = 0.6
#: Outlets up to this many get a colour and marker in a legend; beyond it, labels beside the points.
MAX_LEGEND = 20

#: rcParams applied to every chart of the package.
STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "svg.hashsalt": "analysis",  # fixed ids inside SVG files: reruns are byte-identical
    "svg.fonttype": "path",
}


def literal(text) -> str:
    r"""``text`` as matplotlib must be given it to draw it literally: ``$`` never starts mathtext.

    >>> literal("cost $5 {or $6")
    'cost \\$5 {or \\$6'
    """
    return str(text).replace("$", r"\$")


def shorten(text, width: int = 28, lines: int = 2) -> str:
    """``text`` wrapped to ``width`` characters, at most ``lines`` lines, cut in the middle with "…".

    The cut keeps the start and the end, which is where names differ ("... of
    District 01", "... of District 02"). The result is :func:`literal`. Keep the
    full text in the chart's CSV twin.

    >>> shorten("Tanya Lokshina (Human Rights Watch)", 20)
    'Tanya Lokshina\\n(Human Rights Watch)'
    >>> shorten("The Extraordinarily Long-Named Evening Chronicle of District 01", 30, lines=1)
    'The Extraordinaril…District 01'
    """
    text = " ".join(str(text).split())
    wrapped = textwrap.wrap(text, width, break_long_words=True) or [""]
    if len(wrapped) > lines:
        kept = wrapped[: lines - 1]
        rest = text[len(" ".join(kept)):].strip()
        tail = max((width - 1) * 2 // 5, 1)
        wrapped = kept + [rest[: width - 1 - tail].rstrip() + "…" + rest[-tail:]]
    return literal("\n".join(wrapped))


def shorten_to(text, inches: float, fontsize: float = 9, lines: int = 2) -> str:
    """:func:`shorten` to as many characters as fit on a line ``inches`` wide at ``fontsize`` points.

    For titles and notes whose room is the figure's width.

    >>> shorten_to("Claimed figures over time (point: exact, bar: range)", 3, fontsize=10)
    'Claimed figures over time (point:\\nexact, bar: range)'
    """
    return shorten(text, max(int(inches * 72 / (CHAR_EM * fontsize)), 8), lines=lines)


def outlet_order(labels) -> list[str]:
    """The order outlets are listed in on every chart: by name, ignoring case; unknown sources last.

    >>> outlet_order(["b", "(unknown: 7)", "A", "b"])
    ['A', 'b', '(unknown: 7)']
    """
    unknown = UNKNOWN.split("{")[0]
    return sorted(dict.fromkeys(map(str, labels)), key=lambda o: (o.startswith(unknown), o.casefold(), o))


def outlet_styles(labels) -> dict[str, tuple[str, str]]:
    """``{outlet: (colour, marker)}`` in :func:`outlet_order`; no two of the first 70 alike.

    >>> styles = outlet_styles([f"o{i}" for i in range(20)])
    >>> len(set(styles.values()))
    20
    """
    return {o: (COLOURS[i % len(COLOURS)], MARKERS[i % len(MARKERS)]) for i, o in enumerate(outlet_order(labels))}


def figure_size(width: float, height: float) -> tuple[float, float]:
    """``(width, height)`` in inches, each capped at :data:`MAX_FIGURE_INCHES`.

    >>> figure_size(8, 23576 * 0.5)
    (8, 40.0)
    """
    return min(width, MAX_FIGURE_INCHES), min(height, MAX_FIGURE_INCHES)


def no_data(ax, message: str) -> None:
    """Say on ``ax`` that there is nothing to draw, and why, instead of an empty frame.

    >>> fig, ax = new_figure(figsize=(3, 2))
    >>> no_data(ax, "no key terms at p < 0.05")
    >>> ax.texts[0].get_text()
    'no key terms at p < 0.05'
    """
    ax.set_xticks([])
    ax.set_yticks([])
    ax.spines[:].set_visible(False)
    ax.text(0.5, 0.5, literal(message), transform=ax.transAxes, ha="center", va="center", color="#666666",
            wrap=True)


def text_overlaps(fig) -> list[str]:
    """Texts of ``fig`` that collide with another or run outside the figure, as readable strings.

    Every visible, non-empty text is checked: titles, axis labels, tick
    labels, annotations, legend entries. An empty list means a clean layout.

    >>> fig, ax = new_figure(figsize=(3, 2))
    >>> _ = ax.text(0.5, 0.5, "one"); _ = ax.text(0.5, 0.5, "two")
    >>> text_overlaps(fig)
    ["'one' overlaps 'two'"]
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    canvas = fig.canvas if hasattr(fig.canvas, "get_renderer") else FigureCanvasAgg(fig)
    renderer = canvas.get_renderer()
    fig.draw(renderer)
    axes = [a for ax in fig.axes for a in (ax, *ax.child_axes)]
    tick_labels, drawn = set(), []
    for ax in axes:
        for axis in (ax.xaxis, ax.yaxis):
            for tick in axis.majorTicks + axis.minorTicks:
                tick_labels.update((id(tick.label1), id(tick.label2)))
            if ax.get_visible() and ax.axison and axis.get_visible():  # only the tick labels drawn: inside the view limits
                for tick in axis._update_ticks():
                    drawn += [label for label in (tick.label1, tick.label2) if label.get_visible()]
    texts = [t for t in fig.findobj(Text) if id(t) not in tick_labels] + drawn
    boxes = []
    for text in texts:
        owner = text.axes
        if not text.get_visible() or not text.get_text().strip() or (owner is not None and not owner.get_visible()):
            continue
        box = text.get_window_extent(renderer)
        if box.width > 0 and box.height > 0:
            boxes.append((text.get_text(), box))
    whole = fig.bbox
    problems = [f"{t!r} runs outside the figure" for t, b in boxes
                if b.x0 < whole.x0 - 1 or b.y0 < whole.y0 - 1 or b.x1 > whole.x1 + 1 or b.y1 > whole.y1 + 1]
    for i, (t1, b1) in enumerate(boxes):
        for t2, b2 in boxes[i + 1:]:
            if b1.x0 < b2.x1 - 1 and b2.x0 < b1.x1 - 1 and b1.y0 < b2.y1 - 1 and b2.y0 < b1.y1 - 1:
                problems.append(f"{t1!r} overlaps {t2!r}")
    return problems


def new_figure(*args, **kwargs):
    """``plt.subplots`` under the package style, closed to pyplot's state machine.

    The figure is detached from pyplot so that notebooks do not draw it twice;
    display it by leaving it as a cell's last value.

    >>> fig, ax = new_figure(figsize=(4, 3))
    >>> type(fig).__name__
    'Figure'
    """
    if "figsize" in kwargs:
        kwargs["figsize"] = figure_size(*kwargs["figsize"])
    with plt.rc_context(STYLE):
        fig, axes = plt.subplots(*args, **kwargs)
    plt.close(fig)
    return fig, axes


def save_chart(fig, name: str, *, data: pd.DataFrame, out_dir) -> list[Path]:
    """Write ``fig`` as ``name.png`` and ``name.svg`` and ``data`` as ``name.csv``.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The chart.
    name : str
        File stem, e.g. ``"01-segment-lengths"``.
    data : pandas.DataFrame
        The numbers the chart draws (its data twin), written without the index.
    out_dir : path-like
        Folder, created if needed.

    Returns
    -------
    list of pathlib.Path
        The three files written.

    Examples
    --------
    >>> import tempfile
    >>> fig, ax = new_figure()
    >>> _ = ax.bar(["a", "b"], [1, 2])
    >>> paths = save_chart(fig, "demo", data=pd.DataFrame({"x": ["a", "b"], "y": [1, 2]}),
    ...                    out_dir=tempfile.mkdtemp())
    >>> [p.suffix for p in paths]
    ['.png', '.svg', '.csv']
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with plt.rc_context(STYLE):
        # The layout and the tight box are worked out once, at the PNG's resolution, and both files drawn from
        # them: savefig(bbox_inches="tight") would lay the figure out and measure every label again for each file,
        # which is most of the time a chart takes to save.
        box = _tight_box(fig)
        engine = fig.get_layout_engine()
        fig.set_layout_engine("none")
        try:
            for suffix, metadata in ((".png", {"Software": None}), (".svg", {"Date": None, "Creator": None})):
                target = out / f"{name}{suffix}"
                fig.savefig(target, metadata=metadata, bbox_inches=box)
                written.append(target)
        finally:
            if engine is not None:
                fig.set_layout_engine(engine)
    target = out / f"{name}.csv"
    data.to_csv(target, index=False, lineterminator="\n")
    written.append(target)
    return written


def _tight_box(fig):
    """The box, in inches, that ``savefig(bbox_inches="tight")`` would cut ``fig`` to, at ``savefig.dpi``.

    The figure is laid out by its layout engine once, as savefig would, without rendering.
    """
    dpi = fig.dpi
    fig.set_dpi(plt.rcParams["savefig.dpi"])
    try:
        fig.draw_without_rendering()
        box = fig.get_tightbbox()
    finally:
        fig.set_dpi(dpi)
    pad = plt.rcParams["savefig.pad_inches"]
    return box.padded(pad)
