"""Words that keep company: collocates of a node word, and corpus collocations.

Both tables score each pair with pointwise mutual information (PMI: how many
times more often than chance, as a binary log; it favours rare pairs) and
Dunning's log-likelihood (how sure we are that the pair is not chance; it
favours frequent pairs), computed by NLTK's association measures. Words are
lowercased, a possessive ``'s`` dropped; stopwords count as running words but
are never reported as collocates, and no n-gram starts or ends with one.

:func:`collocates` looks at the words within ``window`` words of each
occurrence of a node word, inside its sentence. The 2x2 table behind the scores
(Evert 2008, "surface co-occurrence") is: co-occurrences ``O``; word positions
inside the node's windows ``R`` (each position once, however many windows
overlap on it); the collocate's corpus frequency ``C``; all running words ``N``.

:func:`collocations` runs NLTK's bigram or trigram collocation finder over runs
of words that no punctuation interrupts (see :func:`analysis.text.token_runs`).

Examples
--------
>>> import pandas as pd
>>> text = "Gay men were detained. Human rights groups said gay men were held. Human rights matter."
>>> docs = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "raw_text": [text], "spans": [(("body", 0, len(text)),)]})
>>> collocations(docs, min_count=2)["collocation"].tolist()
['gay men', 'human rights']
>>> collocates(docs, "men", window=1, min_count=2)["collocate"].tolist()
['gay']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd
from nltk.collocations import BigramCollocationFinder, TrigramCollocationFinder
from nltk.metrics import BigramAssocMeasures, TrigramAssocMeasures

from .segmenting import ANALYSED
from .loading import segments
from .text import STOPWORDS, sentence_spans, strip_possessive, token_runs, tokenize
from .text import stem as stem_word

__all__ = ["collocates", "collocations"]

_FINDERS = {2: (BigramCollocationFinder, BigramAssocMeasures), 3: (TrigramCollocationFinder, TrigramAssocMeasures)}


def _words(text: str, stemmed: bool) -> list[str]:
    words = [strip_possessive(t) for t in tokenize(text)]
    return [stem_word(w) for w in words] if stemmed else words


def collocates(
    docs: pd.DataFrame,
    node: str,
    *,
    window: int = 5,
    min_count: int = 3,
    include=ANALYSED,
    stopwords: Iterable[str] | None = STOPWORDS,
    stem: bool = False,
) -> pd.DataFrame:
    """The words found near ``node`` more often than chance.

    Parameters
    ----------
    docs : pandas.DataFrame
        The output of :func:`analysis.load_corpus`.
    node : str
        One word (matched lowercased; stemmed too if ``stem``).
    window : int, default 5
        Words on each side of the node, within its sentence.
    min_count : int, default 3
        Leave out collocates seen fewer times near the node.
    include, stopwords
        As for :func:`analysis.terms.term_frequencies`.
    stem : bool, default False
        Match and count Snowball stems.

    Returns
    -------
    pandas.DataFrame
        ``node, collocate, count`` (co-occurrences), ``left``, ``right`` (of
        which before and after the node), ``collocate_count`` (corpus
        frequency), ``pmi`` and ``log_likelihood``; strongest log-likelihood
        first.
    """
    node_words = _words(node, stem)
    if len(node_words) != 1:
        raise ValueError(f"node must be one word, not {node!r}")
    target, stop = node_words[0], frozenset(stopwords or ())
    left, right, freq = Counter(), Counter(), Counter()
    positions = n_words = 0
    for text in segments(docs, labels=include)["text"]:
        for a, b in sentence_spans(text):
            words = _words(text[a:b], stem)
            freq.update(words)
            n_words += len(words)
            offsets = _window_offsets(words, target, window)
            positions += len(offsets)
            for p, d in offsets.items():
                if words[p] not in stop:
                    (left if d < 0 else right)[words[p]] += 1
    both = left + right
    rows = [
        (target, w, o, left[w], right[w], freq[w],
         BigramAssocMeasures.pmi(o, (positions, freq[w]), n_words),
         BigramAssocMeasures.likelihood_ratio(o, (positions, freq[w]), n_words))
        for w, o in both.items() if o >= min_count
    ]
    table = pd.DataFrame(rows, columns=["node", "collocate", "count", "left", "right", "collocate_count",
                                        "pmi", "log_likelihood"])
    return _strongest_first(table, "collocate")


def collocations(
    docs: pd.DataFrame,
    *,
    n: int = 2,
    min_count: int = 3,
    include=ANALYSED,
    stopwords: Iterable[str] | None = STOPWORDS,
) -> pd.DataFrame:
    """Two- or three-word sequences that occur together more often than chance.

    Parameters
    ----------
    docs : pandas.DataFrame
        The output of :func:`analysis.load_corpus`.
    n : {2, 3}
        Bigrams or trigrams.
    min_count : int, default 3
        Leave out sequences seen fewer times.
    include, stopwords
        As for :func:`analysis.terms.term_frequencies`.

    Returns
    -------
    pandas.DataFrame
        ``collocation`` (words joined by a space), ``count``, ``pmi`` and
        ``log_likelihood``; strongest log-likelihood first.
    """
    if n not in _FINDERS:
        raise ValueError(f"n must be 2 or 3, not {n!r}")
    finder_class, measures = _FINDERS[n]
    stop = frozenset(stopwords or ())
    runs = [
        [strip_possessive(t) for t in run]
        for text in segments(docs, labels=include)["text"]
        for run in token_runs(text)
    ]
    finder = finder_class.from_documents(runs)
    finder.apply_freq_filter(min_count)
    finder.apply_ngram_filter(lambda *words: words[0] in stop or words[-1] in stop)
    pmi = dict(finder.score_ngrams(measures.pmi))
    log_likelihood = dict(finder.score_ngrams(measures.likelihood_ratio))
    rows = [(" ".join(gram), count, pmi[gram], log_likelihood[gram]) for gram, count in finder.ngram_fd.items()]
    table = pd.DataFrame(rows, columns=["collocation", "count", "pmi", "log_likelihood"])
    return _strongest_first(table, "collocation")


def _window_offsets(words: list[str], target: str, window: int) -> dict[int, int]:
    """Positions within ``window`` of an occurrence of ``target``, each once, with
    its signed distance to the nearest one (the occurrences themselves excluded).

    >>> _window_offsets(["a", "x", "b", "c", "x"], "x", 1)
    {0: -1, 2: 1, 3: -1}
    """
    offsets: dict[int, int] = {}
    nodes = [i for i, w in enumerate(words) if w == target]
    for i in nodes:
        for p in range(max(0, i - window), min(len(words), i + window + 1)):
            if words[p] != target and (p not in offsets or abs(p - i) < abs(offsets[p])):
                offsets[p] = p - i
    return offsets


def _strongest_first(table: pd.DataFrame, key: str) -> pd.DataFrame:
    table = table.sort_values(["log_likelihood", key], ascending=[False, True], kind="stable")
    table[key] = table[key].astype(object)
    return table.reset_index(drop=True)
