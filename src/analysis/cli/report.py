"""``analysis report``: run every numbered notebook on a corpus and write the report."""

from __future__ import annotations

from pathlib import Path

from .. import paths
from ..report import build_report


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
    written = build_report(corpus=corpus, out_dir=args.out, notebooks=args.notebooks)
    print(f"report: {len(written)} files in {Path(args.out).resolve()}")
    return 0
