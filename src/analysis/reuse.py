"""Who ran the press release: how much of a given text each article reused.

:func:`reuse_of` takes a text that is not in the corpus (a statement, a press
release, a wire story) and aligns it with every article the way
:func:`analysis.passages.shared_passages` aligns two articles: the same word
n-gram anchors, the same word-by-word alignment tolerating a few changed words,
the same minimum passage length (names not counted). It reuses that module's
alignment, so a passage found between two articles and a passage found between
the text and an article follow one rule.

The spans come as a passages table whose ``doc_a`` is :data:`SOURCE_ID`, so
:func:`analysis.charts.similarity.passage_html` shows them side by side,
escaped, with the differing words highlighted.

Examples
--------
>>> import pandas as pd
>>> statement = "We call on the authorities to release every detained man without delay."
>>> docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["Daily", "Post"], "raw_text": [
...     "The group said: we call on the authorities to release every detained man without delay.",
...     "Parliament voted on the budget on Tuesday."]})
>>> found = reuse_of(statement, docs)
>>> found.articles[["doc_id", "n_reused", "share_of_source"]].values.tolist()
[['a', 12, 1.0], ['b', 0, 0.0]]
>>> found.passages[["doc_a", "doc_b", "kind"]].values.tolist()
[['source', 'a', 'verbatim']]
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from . import passages as _passages
from .labels import outlet_labels
from .passages import MAX_GAP, MIN_SHARED_NGRAMS, MIN_WORDS, PASSAGE_COLUMNS
from .segmenting import ANALYSED, include_labels

__all__ = ["REUSE_COLUMNS", "Reuse", "SOURCE_ID", "read_source", "reuse_of"]

#: ``doc_a`` of the spans table: the text given to :func:`reuse_of`.
SOURCE_ID = "source"
#: Columns of :attr:`Reuse.articles`.
REUSE_COLUMNS = ["doc_id", "outlet", "n_source_words", "n_reused", "share_of_source", "n_words",
                 "share_of_article", "n_passages"]


class Reuse(NamedTuple):
    """What :func:`reuse_of` returns."""

    #: One row per article, most reuse first: columns :data:`REUSE_COLUMNS`.
    articles: pd.DataFrame
    #: One row per aligned span: columns of :data:`analysis.passages.PASSAGE_COLUMNS`,
    #: ``doc_a`` is :data:`SOURCE_ID` and ``start_a``/``end_a`` are offsets into the given text.
    passages: pd.DataFrame


def read_source(path) -> str:
    """The text of a source file (a press release, a report) as the loader reads an article file.

    Decoded as articles are (UTF-8, UTF-16, a page's declared charset, cp1252 ...), and a saved web
    page's article text extracted from its markup (:func:`analysis.webpages.extract_page`); a file of
    another suffix is read as plain text. Raises :class:`analysis.CorpusError` naming the file when it
    is missing, not text, or empty.

    >>> import tempfile, pathlib
    >>> page = pathlib.Path(tempfile.mkdtemp()) / "release.html"
    >>> _ = page.write_text("<html><body><article><h1>Bridge to reopen</h1><p>The bridge will reopen on "
    ...                     "Monday, the ministry said in a statement.</p></article></body></html>")
    >>> read_source(page).splitlines()[0]
    'Bridge to reopen'
    """
    from pathlib import Path

    from .loading import ARTICLE_SUFFIXES, CorpusError, decode_bytes, read_corpus
    from .text import normalize_text
    from .webpages import HTML_SUFFIXES

    path = Path(path)
    if path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES + HTML_SUFFIXES:
        corpus = read_corpus(path)
        if corpus.documents.empty:
            raise CorpusError(f"{path}: {corpus.report['reason'].iloc[0]}")
        return corpus.documents["raw_text"].iloc[0]
    try:
        text = normalize_text(decode_bytes(path.read_bytes())[0])
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise CorpusError(f"{path}: {exc}") from None
    if not text.strip():
        raise CorpusError(f"{path}: empty")
    return text


def reuse_of(
    source_text: str,
    docs: pd.DataFrame,
    *,
    min_words: int = MIN_WORDS,
    include=ANALYSED,
    max_gap: int = MAX_GAP,
) -> Reuse:
    """How much of ``source_text`` each article reused, and where.

    Parameters
    ----------
    source_text : str
        The text to look for, read whole.
    docs : pandas.DataFrame
        The output of :func:`analysis.load_corpus` (``doc_id``, ``raw_text``,
        ``spans``; without ``spans`` the whole ``raw_text`` is read).
    min_words : int, default :data:`analysis.passages.MIN_WORDS`
        Shared words a span needs, names not counted.
    include : tuple of str or "all"
        Segment labels of the articles to search.
    max_gap : int, default :data:`analysis.passages.MAX_GAP`
        Differing words tolerated inside one span.

    Returns
    -------
    Reuse
        ``articles``: every article, with ``n_source_words`` (words of the
        source), ``n_reused`` (source words the article repeats: inside a
        span, less the words that differ there; each counted once),
        ``share_of_source``, ``n_words`` (the article's analysed words),
        ``share_of_article`` (its words repeated from the source, likewise)
        and ``n_passages``; sorted by ``share_of_source``, ties in corpus
        order. ``passages``: the spans.
    """
    if not isinstance(source_text, str) or not source_text.strip():
        raise ValueError("source_text must be a non-empty text")
    labels = set(include_labels(include))
    vocabulary: dict[str, int] = {}
    source = _passages._doc_tokens(source_text, None, {"body"}, vocabulary)
    source_keys, source_starts = _passages._ngram_keys(source)
    positions = _passages._positions(source_keys, source_starts)
    wanted = np.unique(source_keys)
    ids = docs["doc_id"].astype(str).tolist()
    raws = docs["raw_text"].tolist()
    spans = docs["spans"].tolist() if "spans" in docs.columns else [None] * len(docs)
    outlets = outlet_labels(docs).tolist()
    rows, found = [], []
    for doc_id, outlet, raw, sp in zip(ids, outlets, raws, spans):
        tokens = _passages._doc_tokens(raw, sp, labels, vocabulary)
        keys, starts = _passages._ngram_keys(tokens)
        covered_source = np.zeros(len(source.ids), dtype=bool)
        covered_doc = np.zeros(len(tokens.ids), dtype=bool)
        n_passages = differing_source = differing_doc = 0
        if np.isin(np.unique(keys), wanted).sum() >= MIN_SHARED_NGRAMS:
            for p in _passages._align(source, tokens, _passages._anchors(positions, keys, starts), max_gap=max_gap):
                if p["counted"] < min_words:
                    continue
                found.append(_passages._row(p, SOURCE_ID, doc_id, source_text, raw, source, tokens))
                covered_source[p["a0"]:p["a1"]] = True
                covered_doc[p["b0"]:p["b1"]] = True
                differing_source += p["a1"] - p["a0"] - p["matched"]  # words of a span the other lacks
                differing_doc += p["b1"] - p["b0"] - p["matched"]
                n_passages += 1
        n_source, n_doc = len(source.ids), len(tokens.ids)
        reused = max(int(covered_source.sum()) - differing_source, 0)
        in_doc = max(int(covered_doc.sum()) - differing_doc, 0)
        rows.append((doc_id, outlet, n_source, reused, round(reused / n_source, 4) if n_source else 0.0, n_doc,
                     round(in_doc / n_doc, 4) if n_doc else 0.0, n_passages))
    articles = pd.DataFrame(rows, columns=REUSE_COLUMNS)
    articles = articles.sort_values("share_of_source", ascending=False, kind="stable").reset_index(drop=True)
    spans_table = pd.DataFrame(found, columns=PASSAGE_COLUMNS)
    for column in ("doc_a", "doc_b", "text_a", "text_b", "kind"):
        spans_table[column] = spans_table[column].astype(object)
    return Reuse(articles.astype({c: "int64" for c in ("n_source_words", "n_reused", "n_words", "n_passages")}),
                 spans_table)
