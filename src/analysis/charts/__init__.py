"""Charts: functions that take tidy DataFrames and return matplotlib Figures.

Chart functions never call ``show()`` or ``savefig()``. :func:`save_chart`
writes a figure as PNG and SVG beside a CSV of the numbers it plots, with no
timestamps or random ids inside, so a rerun on the same data writes the same
bytes.

Each analysis has its own module here (``charts.overview``, ``charts.terms``
...); this package holds what they share.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

__all__ = ["save_chart", "new_figure", "STYLE"]

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


def new_figure(*args, **kwargs):
    """``plt.subplots`` under the package style, closed to pyplot's state machine.

    The figure is detached from pyplot so that notebooks do not draw it twice;
    display it by leaving it as a cell's last value.

    >>> fig, ax = new_figure(figsize=(4, 3))
    >>> type(fig).__name__
    'Figure'
    """
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
        for suffix, metadata in ((".png", {"Software": None}), (".svg", {"Date": None, "Creator": None})):
            target = out / f"{name}{suffix}"
            fig.savefig(target, metadata=metadata, bbox_inches="tight")
            written.append(target)
    target = out / f"{name}.csv"
    data.to_csv(target, index=False, lineterminator="\n")
    written.append(target)
    return written
