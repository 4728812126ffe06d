"""Compare how news outlets cover one event.

Load a folder of articles (:func:`load_corpus`), then explore term frequencies
(:func:`term_frequencies`, ``analysis.keyness.keyness``, ``analysis.kwic.kwic``), TF-IDF similarity and
shared passages (:func:`similarity_pairs`, :func:`shared_passages`), and the
figures each source claims (:func:`extract_claims`, :func:`claims_by_source`).
Every function takes and returns tidy pandas DataFrames; chart functions, in
:mod:`analysis.charts`, return matplotlib Figures.

The analysis functions are imported on first use, so ``import analysis`` and
the command line stay quick. (``kwic``, ``keyness`` and ``collocations`` share
their module's name; import them from it: ``from analysis.kwic import kwic``.)
"""

from importlib import import_module

from .loading import Corpus, CorpusError, load_corpus, read_corpus, segments, select_text
from .segmenting import ANALYSED, LABELS

#: Public functions that live in submodules, imported when first used.
_LAZY = {
    "term_frequencies": "terms", "top_terms": "terms",
    "top_keywords": "keyness", "collocates": "collocations",
    "framing_rates": "framing", "framing_kwic": "framing",
    "similarity_pairs": "similarity", "nearest_neighbours": "similarity", "outlet_similarity": "similarity",
    "shared_passages": "passages",
    "extract_claims": "claims", "claims_by_source": "claims", "score_claims": "claims", "load_gold_claims": "claims",
    "corpus_overview": "overview",
}

__all__ = [
    "ANALYSED", "LABELS", "Corpus", "CorpusError", "load_corpus", "read_corpus", "segments", "select_text",
    *sorted(_LAZY),
]
__version__ = "0.1.0"


def __getattr__(name):
    if name in _LAZY:
        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_LAZY))
