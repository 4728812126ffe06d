"""``analysis overview PATH``: the per-article table of a corpus."""

from __future__ import annotations

from ..overview import corpus_overview
from . import add_corpus_arguments, load_from_args, write_table


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "overview", help="one row per article: outlet, date, words, sentences, quotations, what was set aside",
        description="Write the per-article overview table; inputs set aside are listed on stderr.",
    )
    add_corpus_arguments(parser)
    parser.add_argument("--out", help="CSV file to write (default: standard output)")
    parser.set_defaults(run=run)


def run(args) -> int:
    corpus = load_from_args(args)
    write_table(corpus_overview(corpus.documents), args.out, safe=args.safe_csv)
    return 0
