"""``analysis coverage``, ``copies``, ``reuse`` and ``reconcile``: how the story and its figures moved."""

from __future__ import annotations

import argparse
import sys

from ..copies import MIN_SHARE
from ..coverage import FREQUENCIES
from ..passages import MIN_WORDS
from . import add_corpus_arguments, add_include_argument, load_from_args, write_table


def _common(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser)
    add_include_argument(parser)
    parser.add_argument("--out", help="CSV file to write (default: standard output)")


def register(subparsers) -> None:
    coverage = subparsers.add_parser(
        "coverage", help="articles and words per outlet and day, week or month, with each outlet's share",
        description="One row per period and outlet (periods without articles included as zeros), then an "
                    "'undated' row per outlet for articles without a date precise enough for the period.")
    add_corpus_arguments(coverage)
    coverage.add_argument("--by", default="outlet", help="metadata column to group by (default: outlet)")
    coverage.add_argument("--freq", choices=sorted(FREQUENCIES), default="D",
                          help="D (day), W (week, Monday to Sunday) or M (month); default D")
    coverage.add_argument("--out", help="CSV file to write (default: standard output)")
    coverage.set_defaults(run=run_coverage)

    copies = subparsers.add_parser(
        "copies", help="groups of articles that are copies of one another (wire copy, syndication)",
        description="One row per member of a copy group: group id, members, date, share of its words found in "
                    "the other members, and the earliest member (the likely origin, when dates are known). "
                    "Add --keep-duplicates to keep exact duplicates, which the loader sets aside by default.")
    _common(copies)
    copies.add_argument("--min-share", type=float, default=MIN_SHARE,
                        help=f"share of an article's words found in another that makes them copies "
                             f"(default {MIN_SHARE})")
    copies.set_defaults(run=run_copies)

    reuse = subparsers.add_parser(
        "reuse", help="how much of a given text (press release, statement, wire story) each article reused",
        description="One row per article: the share of SOURCE_FILE it reused, the share of the article that "
                    "is reused text, and the number of aligned spans (--spans writes the spans themselves).")
    reuse.add_argument("source_file", metavar="SOURCE_FILE", help="the text to look for (UTF-8)")
    _common(reuse)
    reuse.add_argument("--min-words", type=int, default=MIN_WORDS,
                       help=f"shared words a span needs, names not counted (default {MIN_WORDS})")
    reuse.add_argument("--spans", help="also write the aligned spans to this CSV file")
    reuse.set_defaults(run=run_reuse)

    reconcile = subparsers.add_parser(
        "reconcile", help="low, best and high claimed figure per category, with the rule for 'best'",
        description="One row per category of claimed figures: low, best and high, the sources behind each, the "
                    "hedged and unattributed claims, the outlets outside the others' range, and the rule.")
    _common(reconcile)
    reconcile.add_argument("--lexicon", help="your own category lexicon CSV (default: the shipped one)")
    reconcile.set_defaults(run=run_reconcile)


def run_coverage(args: argparse.Namespace) -> int:
    from ..coverage import coverage

    docs = load_from_args(args).documents
    try:
        table = coverage(docs, by=args.by, freq=args.freq)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    write_table(table, args.out)
    return 0


def run_copies(args: argparse.Namespace) -> int:
    from ..copies import copy_groups

    if not 0 < args.min_share <= 1:
        print("error: --min-share must be above 0 and at most 1", file=sys.stderr)
        return 2
    docs = load_from_args(args).documents
    write_table(copy_groups(docs, min_share=args.min_share, include=args.include), args.out)
    return 0


def run_reuse(args: argparse.Namespace) -> int:
    from ..reuse import read_source, reuse_of

    text = read_source(args.source_file)  # read as an article file is; a CorpusError is the command's message
    if args.min_words < 1:
        print("error: --min-words must be at least 1", file=sys.stderr)
        return 2
    docs = load_from_args(args).documents
    found = reuse_of(text, docs, min_words=args.min_words, include=args.include)
    write_table(found.articles, args.out)
    if args.spans:
        write_table(found.passages, args.spans)
    return 0


def run_reconcile(args: argparse.Namespace) -> int:
    from .. import extract_claims  # the package's one entry point to the extractor
    from ..reconcile import reconcile

    docs = load_from_args(args).documents
    claims = extract_claims(docs, include=args.include, lexicon=args.lexicon, n_jobs=args.jobs)
    write_table(reconcile(claims, docs=docs), args.out)
    return 0
