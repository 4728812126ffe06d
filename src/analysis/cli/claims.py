"""``python -m analysis claims PATH [--out FILE.csv]``: the claimed figures of a corpus.

Writes one row per mention of a figure (the columns of
:func:`analysis.claims.extract_claims`) as CSV, to ``--out`` or standard output.
"""

from __future__ import annotations

from . import add_corpus_arguments, add_include_argument, load_from_args, reported, write_table


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "claims", help="extract claimed figures (how many detained, killed ...) with bounds, hedges and sources",
        description="One row per claimed figure: doc_id, outlet, category, value_low, value_high, qualifier, "
                    "hedged, attributed_to, stated, sentence, start, end (offsets into the file's text).")
    add_corpus_arguments(parser)
    parser.add_argument("--out", help="CSV file to write (default: standard output)")
    add_include_argument(parser)
    parser.add_argument("--lexicon", help="your own category lexicon CSV (category,role,term); "
                                          "default: the shipped data/claims_lexicon.csv")
    parser.set_defaults(run=reported(run))


def run(args) -> int:
    from ..claims import extract_claims, load_lexicon

    lexicon = load_lexicon(args.lexicon) if args.lexicon else None  # a bad lexicon fails before the corpus is read
    corpus = load_from_args(args)
    write_table(extract_claims(corpus.documents, include=args.include, lexicon=lexicon,
                               n_jobs=args.jobs), args.out, safe=args.safe_csv)
    return 0
