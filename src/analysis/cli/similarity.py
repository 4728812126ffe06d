"""``analysis similarity`` and ``analysis passages``: which articles are alike, and what they share."""

from __future__ import annotations

import argparse
import sys

from ..passages import MIN_WORDS, shared_passages
from ..similarity import DENSE_LIMIT, similarity_pairs
from . import add_corpus_arguments, add_include_argument, load_from_args, write_table

#: Neighbours kept per document when a corpus is too large for every pair.
DEFAULT_TOP_K = 10


def _common(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser)
    add_include_argument(parser)
    parser.add_argument("--out", help="CSV file to write (default: standard output)")


def register(subparsers) -> None:
    similarity = subparsers.add_parser(
        "similarity", help="TF-IDF cosine similarity of pairs of articles (doc_a, doc_b, outlets, cosine)",
        description="Cosine similarity of the articles' TF-IDF vectors (headline and body, stopwords left out). "
                    f"Every pair up to {DENSE_LIMIT} articles; beyond, each article's nearest neighbours.",
    )
    _common(similarity)
    similarity.add_argument("--top-k", type=int,
                            help=f"keep each article's K most similar articles (default: every pair up to "
                                 f"{DENSE_LIMIT} articles, {DEFAULT_TOP_K} beyond)")
    similarity.add_argument("--min-cosine", type=float, default=0.0,
                            help="keep pairs whose cosine is above X (default 0: pairs sharing any word)")
    similarity.set_defaults(run=run_similarity)

    passages = subparsers.add_parser(
        "passages", help="passages two articles share, verbatim or with a few words changed",
        description="Find the passages (quotations, sentences) that two articles share. Offsets point into "
                    "each article's text as read.",
    )
    _common(passages)
    passages.add_argument("--min-words", type=int, default=MIN_WORDS,
                          help=f"shared words a passage needs, names not counted (default {MIN_WORDS})")
    passages.set_defaults(run=run_passages)


def run_similarity(args: argparse.Namespace) -> int:
    docs = load_from_args(args).documents
    top_k = args.top_k
    if top_k is not None and top_k < 1:
        print("error: --top-k must be at least 1", file=sys.stderr)
        return 2
    if top_k is None and len(docs) > DENSE_LIMIT:
        top_k = DEFAULT_TOP_K
        print(f"{len(docs)} articles: keeping each one's {top_k} nearest neighbours (--top-k)", file=sys.stderr)
    write_table(similarity_pairs(docs, top_k=top_k, min_cosine=args.min_cosine, include=args.include,
                                 n_jobs=args.jobs), args.out, safe=args.safe_csv)
    return 0


def run_passages(args: argparse.Namespace) -> int:
    docs = load_from_args(args).documents
    if args.min_words < 1:
        print("error: --min-words must be at least 1", file=sys.stderr)
        return 2
    write_table(shared_passages(docs, min_words=args.min_words, include=args.include, n_jobs=args.jobs), args.out, safe=args.safe_csv)
    return 0
