"""``analysis report``: run every numbered notebook on a corpus and write the report."""

from __future__ import annotations

import sys
from pathlib import Path

from .. import paths
from ..report import build_report, check_output_folder


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "report", help="execute every numbered notebook on a corpus; write notebooks, HTML and charts",
        description="Execute notebooks/NN-*.ipynb with papermill and write executed notebooks, HTML and "
                    "every chart (PNG, SVG, CSV twin) to --out.",
    )
    parser.add_argument("--corpus", default=str(paths.RAW_DATA_DIR),
                        help="folder, file or table to analyse (default: the shipped seeds in data/raw)")
    parser.add_argument("--out", default=str(paths.REPORTS_DIR), help="output folder (default: reports/)")
    parser.add_argument("--notebook", action="append", dest="notebooks", metavar="NOTEBOOK",
                        help="run only this notebook (repeatable)")
    parser.set_defaults(run=run)


def run(args) -> int:
    corpus = Path(args.corpus)
    if not corpus.exists():
        from ..loading import CorpusError

        raise CorpusError(f"{corpus}: no such file or folder")
    try:  # refused before any notebook runs: an existing file, or a folder holding the inputs
        check_output_folder(args.out, corpus=corpus, notebooks=args.notebooks)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    written = build_report(corpus=corpus, out_dir=args.out, notebooks=args.notebooks)
    print(f"report: {len(written)} files in {Path(args.out).resolve()}")
    return 0
