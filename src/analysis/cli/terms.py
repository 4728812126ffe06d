"""``analysis terms``, ``analysis keyness`` and ``analysis kwic``: term tables from the command line."""

from __future__ import annotations

import sys

from ..keyness import keyness
from ..kwic import kwic
from ..terms import term_frequencies, top_terms
from . import add_corpus_arguments, add_include_argument, at_least, load_from_args, reported, write_table


def _common(parser, *, by: bool = True) -> None:
    add_corpus_arguments(parser)
    if by:
        parser.add_argument("--by", default="outlet",
                            help="group documents by this column: outlet (default), doc_id, published ...; "
                                 "a blank value is its own group '(unknown: <doc_id>)'")
    add_include_argument(parser)
    parser.add_argument("--out", help="CSV file to write (default: standard output)")


def register(subparsers) -> None:
    terms = subparsers.add_parser(
        "terms", help="term frequencies per outlet (or any column): count, per 10,000 words, document frequency",
        description="Count terms (stopwords left out) per group of documents.",
    )
    _common(terms)
    terms.add_argument("--ngram", type=int, choices=(1, 2, 3), default=1, help="words per term (default 1)")
    terms.add_argument("--top", type=at_least(1), help="keep the N most frequent terms of each group (default: all)")
    terms.add_argument("--min-count", type=at_least(0), default=1, help="leave out terms used fewer times in a group")
    terms.add_argument("--stem", action="store_true", help="count Snowball stems")
    terms.set_defaults(run=reported(run_terms))

    key = subparsers.add_parser(
        "keyness", help="terms each outlet uses more or less than the rest (log-likelihood G2, log ratio)",
        description="Compare each group with the rest of the corpus, or two groups with --pair.",
    )
    _common(key)
    key.add_argument("--pair", nargs=2, metavar=("TARGET", "REFERENCE"), help="compare these two groups only")
    key.add_argument("--ngram", type=int, choices=(1, 2, 3), default=1, help="words per term (default 1)")
    key.add_argument("--min-count", type=at_least(0), default=3,
                     help="minimum count in target and reference together (default 3)")
    key.add_argument("--max-p", type=float, default=0.05, help="keep terms with p at most this (default 0.05; 1 keeps all)")
    key.set_defaults(run=reported(run_keyness))

    lines = subparsers.add_parser(
        "kwic", help="keyword in context: every occurrence of a word, phrase or regular expression",
        description="One row per occurrence with left and right context, the sentence and offsets into raw_text.",
    )
    add_corpus_arguments(lines)
    lines.add_argument("pattern", help="a word, a phrase ('said to be'), a prefix ('alleg*'), or a regex with --regex")
    lines.add_argument("--window", type=at_least(0), default=8, help="words of context on each side (default 8)")
    lines.add_argument("--regex", action="store_true", help="PATTERN is a Python regular expression")
    lines.add_argument("--case-sensitive", action="store_true", help="match case exactly")
    lines.add_argument("--sentence", action="store_true", help="keep the context inside the sentence")
    add_include_argument(lines)
    lines.add_argument("--out", help="CSV file to write (default: standard output)")
    lines.set_defaults(run=reported(run_kwic))


def run_terms(args) -> int:
    docs = load_from_args(args).documents
    table = term_frequencies(docs, by=args.by, ngram=args.ngram, include=args.include,
                             stem=args.stem, min_count=args.min_count, n_jobs=args.jobs)
    write_table(top_terms(table, n=args.top) if args.top else table, args.out, safe=args.safe_csv)
    return 0


def run_keyness(args) -> int:
    docs = load_from_args(args).documents
    table = keyness(docs, by=args.by, pair=tuple(args.pair) if args.pair else None, ngram=args.ngram,
                    include=args.include, min_count=args.min_count, max_p=args.max_p, n_jobs=args.jobs)
    write_table(table, args.out, safe=args.safe_csv)
    return 0


def run_kwic(args) -> int:
    docs = load_from_args(args).documents
    table = kwic(docs, args.pattern, regex=args.regex, case_sensitive=args.case_sensitive,
                 window=args.window, within_sentence=args.sentence, include=args.include)
    write_table(table, args.out, safe=args.safe_csv)
    return 0
