"""Extract claimed figures: one row per figure that counts people affected by an event.

The stages, one module each: :mod:`~analysis.claims.figures` finds the figures of a
sentence, :mod:`~analysis.claims.categories` says what happened to the people
counted, :mod:`~analysis.claims.hedges` whether the sentence marks the figure as
unconfirmed, and :mod:`~analysis.claims.sources` who the sentence credits.
"""

from __future__ import annotations

import pandas as pd

from ..loading import as_documents
from ..parallel import map_ranges
from ..segmenting import ANALYSED, include_labels
from ..text import MAX_SENTENCE_CHARS, sentence_spans, warn_unread_sentences
from .categories import WHOLE_OF_PARTITIVE, SentenceFigures, category_of, running_total
from .figures import find_figures, may_hold_figures, word_tokens
from .hedges import hedge_positions, hedge_scopes, is_hedged
from .lexicon import Lexicon, lexicon_for
from .sources import DocumentSources, Gazetteer, figure_source

__all__ = ["CLAIM_COLUMNS", "MAX_SENTENCE_CHARS", "extract_claims"]

#: Columns of :func:`extract_claims`, in order.
CLAIM_COLUMNS = ["doc_id", "outlet", "category", "value_low", "value_high", "qualifier", "hedged",
                 "attributed_to", "stated", "sentence", "start", "end", "rule"]


def extract_claims(docs: pd.DataFrame, *, include=ANALYSED, lexicon=None, gazetteer=None,
                   n_jobs: int | None = None, progress: bool | None = None) -> pd.DataFrame:
    """One row per mention of a claimed figure in ``docs``.

    Parameters
    ----------
    docs : pandas.DataFrame
        The output of :func:`analysis.load_corpus` (needs ``doc_id``,
        ``outlet``, ``raw_text``, ``spans``).
    include : tuple of str or "all", default ("headline", "body")
        Segment labels to read; reader comments, captions and off-topic
        paragraphs are left out unless named here.
    lexicon : path-like or pandas.DataFrame, optional
        Category lexicon (see :func:`load_lexicon`); default the shipped one.
    gazetteer : analysis.attribution.Gazetteer, optional
        Names learnt from the whole corpus when ``docs`` is one part of it
        (:mod:`analysis.scale`); default learnt from ``docs``.
    n_jobs : int, optional
        Processes that read the documents; default every core (a small
        corpus is read in this process). The result is the same for any
        ``n_jobs``.
    progress : bool, optional
        Show a progress bar; by default only on a terminal.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`CLAIM_COLUMNS`: ``doc_id, outlet, category``,
        ``value_low, value_high`` (nullable integers; empty when open),
        ``qualifier`` (exact, approximate, lower_bound, upper_bound, range,
        vague), ``hedged`` (bool), ``attributed_to`` ("" when the article
        speaks in its own voice), ``stated`` (the words of the figure),
        ``sentence``, ``start, end``: offsets of ``stated`` in ``raw_text``,
        and ``rule``: why the row has its category and its source
        (``category: 'killed' after it; source: sentence-final 'officials said'``).
        A sentence longer than :data:`MAX_SENTENCE_CHARS` is not read, with a
        warning naming its document and offset.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "outlet": [""], "raw_text": [
    ...     "Police say dozens of men were arrested. Over 100 have reportedly fled."],
    ...     "spans": [(("body", 0, 70),)]})
    >>> extract_claims(docs)[["category", "value_low", "qualifier", "hedged", "attributed_to"]].values.tolist()
    [['detained', 24, 'vague', False, 'police'], ['fled_or_evacuated', 101, 'lower_bound', True, '']]
    """
    docs = as_documents(docs)
    keep = set(include_labels(include))
    lex = lexicon_for(lexicon)
    if gazetteer is None:
        gazetteer = Gazetteer.from_texts(docs["raw_text"], n_jobs=n_jobs)
    columns = [docs[c].tolist() for c in ("doc_id", "outlet", "raw_text", "spans")]
    per_doc = map_ranges(_claims_chunk, len(docs), context=(columns, keep, lex, gazetteer), n_jobs=n_jobs,
                         progress=progress, desc="claims")
    rows = [row for found, _ in per_doc for row in found]
    warn_unread_sentences([where for _, long in per_doc for where in long], "claims")
    return _claims_frame(rows)


def _claims_chunk(context, start: int, stop: int) -> list[tuple[list[dict], list[tuple]]]:
    """The claim rows, and the long sentences not read, of documents ``start:stop`` (run in a worker)."""
    (doc_ids, outlets, raws, all_spans), keep, lex, gazetteer = context
    out = []
    for doc_id, outlet, raw, spans in zip(doc_ids[start:stop], outlets[start:stop], raws[start:stop],
                                          all_spans[start:stop]):
        rows: list[dict] = []
        sentences = [(s0 + a, s0 + b) for label, s0, s1 in spans if label in keep
                     for a, b in sentence_spans(raw[s0:s1])]
        long = [(doc_id, a) for a, b in sentences if b - a > MAX_SENTENCE_CHARS]
        found = [(i, claim) for i, (a, b) in enumerate(sentences) if b - a <= MAX_SENTENCE_CHARS
                 for claim in _sentence_claims(raw[a:b], lex)]
        if found:
            sources = DocumentSources(raw, sentences, gazetteer)
            hedges: dict[tuple[int, int], list] = {}  # (sentence, figure's first token): the hedges marking it
            for i, (figure, (category, why), words) in found:
                if (i, figure.first) not in hedges:
                    figures = sorted((f for j, (f, _, _) in found if j == i), key=lambda f: f.first)
                    for f, scope in zip(figures, hedge_scopes(words, figures, hedge_positions(words))):
                        hedges[i, f.first] = scope
                a, b = sentences[i]
                source = figure_source(sources, i, a + figure.start, words, figure, lex)
                named_verb = source.verb if source is not None and source.named else None
                rows.append({
                    "doc_id": doc_id, "outlet": outlet if isinstance(outlet, str) else "", "category": category,
                    "value_low": figure.low, "value_high": figure.high, "qualifier": figure.qualifier,
                    "hedged": is_hedged(words, named_verb, hedges[i, figure.first]),
                    "attributed_to": source.text if source is not None else "",
                    "rule": f"category: {why}; source: {source.rule if source is not None else 'none (own voice)'}",
                    "stated": figure.stated, "sentence": raw[a:b],
                    "start": a + figure.start, "end": a + figure.end,
                })
        out.append((rows, long))
    return out


def _claims_frame(rows) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    for column in ("value_low", "value_high"):
        table[column] = table[column].astype("Int64")
    table["hedged"] = table["hedged"].astype(bool)
    for column in ("start", "end"):
        table[column] = table[column].astype("int64")
    for column in ("doc_id", "outlet", "category", "qualifier", "attributed_to", "stated", "sentence", "rule"):
        table[column] = table[column].astype(object)
    return table


def _sentence_claims(sentence: str, lex: Lexicon):
    """``(figure, category, words)`` for each figure of ``sentence`` that is a claim."""
    if not may_hold_figures(sentence):
        return []
    tokens = word_tokens(sentence)
    figures = find_figures(sentence, tokens)
    if not figures:
        return []
    words = [t for t, _, _ in tokens]
    out = []
    neighbours = SentenceFigures(figures)
    kept = set()
    for i, figure in enumerate(figures):
        found = category_of(words, tokens, sentence, figure, neighbours, lex)
        if found is None:  # "..., bringing the total to 120": the sum of what the sentence counted before
            counted = {category for _, (category, _), _ in out}  # of one kind only: killed and injured sum to neither
            found = running_total(words, figure, counted.pop() if len(counted) == 1 else None)
        if found is not None and found[1] == WHOLE_OF_PARTITIVE and i - 1 not in kept:
            continue  # "19 of its 29 members": the whole counts only when its part is a claim
        if found is not None:
            kept.add(i)
            out.append((figure, found, words))
    return out
