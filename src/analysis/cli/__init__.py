"""The ``analysis`` command line: ``python -m analysis COMMAND ...``.

Each module of this package defines one or more commands with a
``register(subparsers)`` function; :func:`main` finds them all. Commands read
the same inputs as :func:`analysis.load_corpus` (see :func:`add_corpus_arguments`).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from pathlib import Path

import pandas as pd

from ..loading import CorpusError, read_corpus
from ..segmenting import ANALYSED, include_labels

__all__ = ["main", "add_corpus_arguments", "add_include_argument", "load_from_args", "write_table"]


def add_corpus_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``PATH`` and the loader's options (table columns, metadata, strict)."""
    parser.add_argument("path", help="folder of .txt/.md articles, one article file, or a table (.csv/.jsonl/.jsonl.gz/.parquet)")
    parser.add_argument("--metadata", help="CSV with doc_id, outlet, url, published, title (default: metadata.csv in or beside the folder)")
    parser.add_argument("--text-column", default="text", help="text column of a table input (default: text)")
    parser.add_argument("--id-column", help="id column of a table input (default: doc_id if present)")
    parser.add_argument("--title-column", help="title column of a table input")
    parser.add_argument("--outlet-column", help="outlet column of a table input")
    parser.add_argument("--date-column", help="date column of a table input")
    parser.add_argument("--keep-duplicates", action="store_true",
                        help="load documents whose text repeats an earlier one's (wire copy) instead of skipping them")
    parser.add_argument("--strict", action="store_true", help="fail if any input is set aside")


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


def load_from_args(args: argparse.Namespace):
    """Read the corpus named on the command line; print set-aside inputs to stderr."""
    corpus = read_corpus(
        args.path, metadata=args.metadata, text_column=args.text_column, id_column=args.id_column,
        title_column=args.title_column, outlet_column=args.outlet_column,
        date_column=args.date_column, keep_duplicates=args.keep_duplicates, strict=args.strict,
    )
    for row in corpus.problems.itertuples():
        print(f"{row.status}: {row.path}: {row.reason}", file=sys.stderr)
    return corpus


def write_table(table: pd.DataFrame, out: str | None) -> None:
    """Write ``table`` as CSV to ``out``, or to standard output when ``out`` is None."""
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        table.to_csv(out, index=False, lineterminator="\n")
        print(f"wrote {len(table)} rows to {out}", file=sys.stderr)
    else:
        table.to_csv(sys.stdout, index=False, lineterminator="\n")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="analysis", description="Compare how news outlets cover one event.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        module.register(sub)
    return parser


def main(argv=None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args) or 0
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
