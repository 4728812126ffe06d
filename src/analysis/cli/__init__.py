"""The ``analysis`` command line: ``python -m analysis COMMAND ...``.

Each module named in :data:`COMMANDS` defines one or more commands with a
``register(subparsers)`` function. Commands read the same inputs as
:func:`analysis.load_corpus`, with the same options (see
:func:`add_loader_arguments`). Names from the corpus (file names, ids) are
printed escaped, so a file name cannot write control sequences or forge lines
on the terminal.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import unicodedata
from pathlib import Path

import pandas as pd

from ..loading import CorpusError, read_corpus
from ..parallel import resolve_jobs
from ..segmenting import ANALYSED, include_labels

__all__ = [
    "COMMANDS", "main", "add_corpus_arguments", "add_include_argument", "add_jobs_argument", "add_loader_arguments",
    "at_least", "load_from_args", "loader_options", "printable", "reported", "safe_csv_cells", "write_table",
]

#: The modules of this package that define commands, in ``--help`` order.
COMMANDS = ["claims", "overview", "quotes", "report", "scale", "similarity", "story", "terms"]

#: Inputs set aside that are listed one by one on stderr; the rest are counted by reason. Reuters-21578 has 2,032
#: rows without a body or repeating one, and 2,032 lines would bury the command's own output; ``--load-report FILE``
#: writes every input, with its status and reason.
LISTED_PROBLEMS = 20

#: What a spreadsheet reads as the start of a formula; ``--safe-csv`` escapes such cells.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: The ``read_corpus`` keywords the loader options set (``--text-column`` sets ``text_column`` ...).
LOADER_OPTIONS = ("metadata", "text_column", "id_column", "title_column", "outlet_column", "date_column",
                  "url_column", "html_column", "keep_duplicates", "strict")


def add_loader_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the loader's options: table and metadata columns, metadata file, duplicates, strict."""
    parser.add_argument("--metadata", help="CSV naming each file (doc_id, filename or file) with outlet, url, "
                                           "published, title (default: metadata.csv in or beside the folder)")
    parser.add_argument("--text-column", default="text", help="text column of a table (default: text)")
    parser.add_argument("--id-column", help="id column of a table or metadata CSV (default: doc_id if present; "
                                            "in metadata also filename or file)")
    parser.add_argument("--title-column", help="title column of a table or metadata CSV (default: title)")
    parser.add_argument("--outlet-column", help="outlet column of a table or metadata CSV (default: outlet)")
    parser.add_argument("--date-column", help="date column of a table or metadata CSV (default: published)")
    parser.add_argument("--url-column", help="url column of a table or metadata CSV (default: url)")
    parser.add_argument("--html-column", help="column of saved web pages in a table (default: html, when there "
                                              "is no text column)")
    parser.add_argument("--keep-duplicates", action="store_true",
                        help="load documents whose text repeats an earlier one's (wire copy) instead of skipping them")
    parser.add_argument("--strict", action="store_true", help="fail if any input is set aside or nothing is loaded")


def _jobs(value: str) -> int:
    try:
        return resolve_jobs(int(value))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive number of processes or -1, not {value!r}") from None


def at_least(minimum: int):
    """An argparse ``type``: a whole number not below ``minimum`` (``--top -1`` is a usage error, not a result).

    >>> at_least(1)("3")
    3
    """
    def whole_number(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, not {value!r}") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"expected at least {minimum}, not {number}")
        return number

    return whole_number


def add_jobs_argument(parser: argparse.ArgumentParser, *, what: str = "processes for the per-article work") -> None:
    """Add ``--jobs N`` (the package's ``n_jobs=``): ``what`` runs on N processes."""
    parser.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                        help=f"{what}, -1 for every core (default: every core; a small corpus runs in one). "
                             "Results are the same for any N")


def add_corpus_arguments(parser: argparse.ArgumentParser, *, jobs: bool = True, load_report: bool = True) -> None:
    """Add ``PATH``, the loader's options, ``--jobs`` (unless ``jobs=False``), ``--load-report`` (unless
    ``load_report=False``: a command that writes the load report itself) and ``--safe-csv``."""
    parser.add_argument("path", help="folder of .txt/.md/.html articles, one article file, or a table "
                                     "(.csv/.jsonl/.jsonl.gz/.parquet)")
    add_loader_arguments(parser)
    if load_report:
        parser.add_argument("--load-report", metavar="FILE.csv",
                            help="write the load report: every input with its status (loaded, skipped, missing, "
                                 "ignored) and reason (stderr lists the first %d set aside)" % LISTED_PROBLEMS)
    if jobs:
        add_jobs_argument(parser)
    parser.add_argument("--safe-csv", action="store_true",
                        help="prefix text cells that start with = + - @ with an apostrophe, so that a spreadsheet "
                             "shows them as text instead of running them as formulas")


def loader_options(args: argparse.Namespace) -> dict:
    """The :func:`analysis.read_corpus` keywords given on the command line."""
    return {name: getattr(args, name) for name in LOADER_OPTIONS}


def printable(text) -> str:
    """``text`` with control and invisible characters escaped, safe to print on a terminal.

    >>> printable("a\\nb\\x1b[31m.txt")
    'a\\\\nb\\\\x1b[31m.txt'
    """
    return "".join(ch.encode("unicode_escape").decode("ascii") if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")
                   else ch for ch in str(text))


def safe_csv_cells(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` whose text cells starting with ``= + - @`` (or tab, CR) begin with ``'``.

    Numbers are left alone; only strings are escaped, as OWASP advises for CSV injection.

    >>> safe_csv_cells(pd.DataFrame({"a": ["=HYPERLINK(1)", "ok", "-2"], "n": [-1, 2, 3]})).to_dict("list")
    {'a': ["'=HYPERLINK(1)", 'ok', "'-2"], 'n': [-1, 2, 3]}
    """
    out = table.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_STARTS) else v)
    return out


def _include(value: str):
    """``headline,body`` -> ('headline', 'body'); ``all`` stays ``all``; unknown labels are a usage error."""
    include = "all" if value.strip() == "all" else tuple(v.strip() for v in value.split(",") if v.strip())
    try:
        include_labels(include)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return include


def add_include_argument(parser: argparse.ArgumentParser) -> None:
    """Add ``--include``: the segment labels an analysis reads (default headline and body)."""
    parser.add_argument("--include", type=_include, default=ANALYSED,
                        help="segment labels to read, comma-separated, or 'all' (default: headline,body)")


def reported(run):
    """Wrap a command's ``run``: a ValueError (an unknown column or group, a bad pattern or lexicon) becomes a
    message and exit status 2."""

    def wrapped(args) -> int:
        try:
            return run(args)
        except ValueError as exc:
            print(printable(f"error: {exc}"), file=sys.stderr)
            return 2

    return wrapped


def load_from_args(args: argparse.Namespace):
    """Read the corpus named on the command line; report on stderr what was set aside, then what was loaded with
    a note (the first :data:`LISTED_PROBLEMS` of them, and a count of the rest by kind); write the load report to
    ``--load-report``, with ``--strict`` too, before failing."""
    options = loader_options(args)
    strict = options.pop("strict")
    corpus = read_corpus(args.path, **options, strict=False, n_jobs=getattr(args, "jobs", None))
    report = corpus.problems
    report = pd.concat([report[report["status"] != "loaded"], report[report["status"] == "loaded"]])
    for row in report.head(LISTED_PROBLEMS).itertuples():
        print(printable(f"{row.status}: {row.path}: {row.reason}"), file=sys.stderr)
    if len(report) > LISTED_PROBLEMS:
        print(printable(_unlisted(report.iloc[LISTED_PROBLEMS:])), file=sys.stderr)
    if corpus.documents.empty or len(report):
        print(printable(corpus.summary()), file=sys.stderr)
    if getattr(args, "load_report", None):
        write_table(corpus.report, args.load_report, safe=getattr(args, "safe_csv", False))
    if strict:
        corpus.require_complete(str(args.path))
    return corpus


#: A reason's details, left out when reasons are counted by kind: names in brackets, and what follows a colon.
_REASON_DETAILS = re.compile(r"\s*\([^)]*\)|:.*", re.DOTALL)


def _unlisted(rest: pd.DataFrame) -> str:
    """One line for the report rows beyond those listed: how many, by status and kind of reason (the reason
    without its details: names in brackets, what follows a colon), most common first.

    >>> rest = pd.DataFrame({"status": ["skipped", "skipped", "ignored", "loaded"], "reason": [
    ...     "duplicate: same text as 3", "duplicate: same text as 9", "not an article file (a.jpg): only .txt are read",
    ...     "front matter read (title)"]})
    >>> _unlisted(rest).split("; ")[0]
    '... and 4 more: 2 skipped (duplicate), 1 ignored (not an article file), 1 loaded (front matter read)'
    """
    kinds = rest["status"] + " (" + rest["reason"].map(lambda reason: _REASON_DETAILS.sub("", reason).strip()) + ")"
    counts = kinds.value_counts()
    counts = counts.sort_index().sort_values(ascending=False, kind="stable")  # ties in name order
    listed = ", ".join(f"{n:,} {kind}" for kind, n in counts.items())
    return f"... and {len(rest):,} more: {listed}; --load-report FILE.csv lists every input"


def write_table(table: pd.DataFrame, out: str | None, *, safe: bool = False) -> None:
    """Write ``table`` as CSV to ``out``, or to standard output when ``out`` is None.

    ``safe`` escapes cells a spreadsheet would run as formulas (:func:`safe_csv_cells`).
    """
    if safe:
        table = safe_csv_cells(table)
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        table.to_csv(out, index=False, lineterminator="\n")
        print(printable(f"wrote {len(table)} rows to {out}"), file=sys.stderr)
    else:
        table.to_csv(sys.stdout, index=False, lineterminator="\n")
        if table.empty:  # a header alone on the terminal says nothing: say it
            print("0 rows: nothing to show for this corpus", file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="analysis", description="Compare how news outlets cover one event.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def main(argv=None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args) or 0
    except CorpusError as exc:
        print(printable(f"error: {exc}"), file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a file named on the command line that cannot be read or written (--out a folder ...)
        where = f"{exc.filename}: " if exc.filename else ""
        print(printable(f"error: {where}{exc.strerror or exc}"), file=sys.stderr)
        return 2
