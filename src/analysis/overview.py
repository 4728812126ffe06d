"""A first look at a corpus: one row per article, and its length by segment.

Examples
--------
>>> from analysis import load_corpus, paths
>>> table = corpus_overview(load_corpus(paths.RAW_DATA_DIR))
>>> table.loc[3, ["doc_id", "set_aside"]].tolist()
['003_73d65814a2393c9c', 'comments 70%']
"""

from __future__ import annotations


import pandas as pd

from .attribution import quote_regions
from .labels import outlet_labels, source_label
from .loading import as_documents, segments
from .segmenting import ANALYSED, LABELS
from .text import count_tokens, sentence_spans

__all__ = ["corpus_overview", "count_quotations", "segment_lengths"]

#: A direct quotation has at least this many words between its quote marks;
#: shorter quoted spans are scare quotes or titles ('gay purge', ‘honour’).
MIN_QUOTATION_WORDS = 4

def count_quotations(text: str, *, min_words: int = MIN_QUOTATION_WORDS) -> int:
    """Number of direct quotations in ``text``.

    A quotation is a region of :func:`analysis.attribution.quote_regions`
    (double quotes, straight or curly, or single quotes that open a word) of
    at least ``min_words`` words. A quotation left open at the end of a
    paragraph counts once for each paragraph it runs over.

    >>> count_quotations('He said: “We are working to evacuate people.” A ‘purge’.')
    1
    >>> count_quotations("‘No traditions can justify kidnapping or killing.\\n\\n‘Any references are criminal.’")
    2
    """
    return sum(1 for start, end, _ in quote_regions(text) if len(text[start + 1:end].split()) >= min_words)


def segment_lengths(docs: pd.DataFrame) -> pd.DataFrame:
    """Words per document and segment label.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id, outlet, label, n_words`` (``outlet`` as
        :func:`analysis.labels.outlet_labels` writes it); one row per document
        and label present, labels in :data:`analysis.LABELS` order.

    Examples
    --------
    >>> from analysis import load_corpus, paths
    >>> lengths = segment_lengths(load_corpus(paths.RAW_DATA_DIR))
    >>> lengths[lengths.doc_id.str.startswith("001")].label.tolist()
    ['headline', 'body', 'dateline', 'off_topic']
    """
    segs = segments(docs)
    segs["n_words"] = [count_tokens(t) for t in segs["text"]]
    table = segs.groupby(["doc_id", "label"], sort=False, as_index=False)["n_words"].sum()
    table["label"] = pd.Categorical(table["label"], categories=list(LABELS), ordered=True)
    order = {d: i for i, d in enumerate(docs["doc_id"])}
    table = table.sort_values(["doc_id", "label"], key=lambda s: s.map(order) if s.name == "doc_id" else s)
    table["label"] = table["label"].astype(object)
    outlets = dict(zip(docs["doc_id"], outlet_labels(docs)))
    table.insert(1, "outlet", table["doc_id"].map(outlets).astype(object))
    return table.reset_index(drop=True)


def corpus_overview(docs: pd.DataFrame) -> pd.DataFrame:
    """One row per article: who published it, when, how long, what was set aside.

    Parameters
    ----------
    docs : pandas.DataFrame
        The output of :func:`analysis.load_corpus`.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, outlet, published, title`` from the metadata (``outlet`` as
        :func:`analysis.labels.source_label` writes it);
        ``n_words`` and ``n_sentences`` of the analysed text (headline and
        body); ``n_quotations``, direct quotations in it (see
        :func:`count_quotations`); ``set_aside_share``, the share of the
        document's words outside headline and body; ``set_aside``, which labels
        those words carry, largest first (``"comments 68%"``).
    """
    docs = as_documents(docs)
    lengths = segment_lengths(docs)
    by_doc = dict(tuple(lengths.groupby("doc_id", sort=False)))  # one pass, not a search per document
    empty = lengths.iloc[:0]
    rows = []
    for doc in docs.itertuples(index=False):
        own = by_doc.get(doc.doc_id, empty)
        total = int(own["n_words"].sum())
        aside = own[~own["label"].isin(ANALYSED)].sort_values("n_words", ascending=False, kind="stable")
        share = float(aside["n_words"].sum()) / total if total else 0.0
        why = "; ".join(
            f"{label} {n / total:.0%}" for label, n in zip(aside["label"], aside["n_words"]) if n
        )
        rows.append({
            "doc_id": doc.doc_id, "outlet": source_label(doc.doc_id, doc.outlet), "published": doc.published, "title": doc.title,
            "n_words": doc.n_words, "n_sentences": len(sentence_spans(doc.text)),
            "n_quotations": count_quotations(doc.text),
            "set_aside_share": round(share, 4), "set_aside": why,
        })
    columns = ["doc_id", "outlet", "published", "title", "n_words", "n_sentences", "n_quotations",
               "set_aside_share", "set_aside"]
    return pd.DataFrame(rows, columns=columns)
