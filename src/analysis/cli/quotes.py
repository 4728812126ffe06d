"""``python -m analysis quotes PATH`` and ``quote-variants PATH``: who is quoted, and the same quotation across articles.

``quotes`` writes one row per quotation (the columns of
:func:`analysis.quotes.quotations`); ``quote-variants`` one row per quotation
that another article renders too (the columns of
:func:`analysis.quotes.quote_variants`). Both write CSV to ``--out`` or standard output.
"""

from __future__ import annotations

from . import add_corpus_arguments, add_include_argument, load_from_args, write_table


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "quotes", help="find quotations (direct, indirect, mixed) with their speakers and offsets",
        description="One row per quotation: doc_id, outlet, kind, speaker, speaker_org, cue, quote, start, end "
                    "(offsets into the file's text), rule.")
    add_corpus_arguments(parser)
    parser.add_argument("--out", help="CSV file to write (default: standard output)")
    add_include_argument(parser)
    parser.set_defaults(run=run_quotes)

    parser = subparsers.add_parser(
        "quote-variants", help="group the quotations that render one statement in several articles "
                               "(copies, near copies, translations)",
        description="One row per quotation in a group of renderings of one statement: group, doc_id, outlet, "
                    "speaker, speaker_org, kind, quote, start, end, links (verbatim, near, paraphrase).")
    add_corpus_arguments(parser)
    parser.add_argument("--out", help="CSV file to write (default: standard output)")
    parser.add_argument("--pairs", action="store_true",
                        help="write the linked pairs with their measures instead of the groups")
    add_include_argument(parser)
    parser.set_defaults(run=run_variants)


def run_quotes(args) -> int:
    from ..quotes import quotations

    corpus = load_from_args(args)
    write_table(quotations(corpus.documents, include=args.include), args.out)
    return 0


def run_variants(args) -> int:
    from ..quotes import quotations, quote_variants, variant_pairs

    docs = load_from_args(args).documents
    quotes = quotations(docs, include=args.include)
    find = variant_pairs if args.pairs else quote_variants
    write_table(find(quotes, docs, include=args.include), args.out)
    return 0
