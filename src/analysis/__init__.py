"""Compare how news outlets cover one event.

Load a folder, table or DataFrame of articles (:func:`load_corpus`), then
explore term frequencies (:func:`term_frequencies`, ``analysis.keyness.keyness``,
``analysis.kwic.kwic``), TF-IDF similarity and shared passages
(:func:`similarity_pairs`, :func:`shared_passages`), and the figures each source
claims (:func:`extract_claims`, :func:`claims_by_source`, :func:`provenance`).
Every function takes and returns tidy pandas DataFrames; chart functions, in
:mod:`analysis.charts`, return matplotlib Figures.

The analysis functions and modules are imported on first use: ``import
analysis`` imports only the loader (with pandas and NLTK, whose own import
takes 2 to 3 s on a slow machine), and every name below works after ``import
analysis`` alone. ``kwic``, ``keyness`` and ``collocations`` are
modules named after their main function: ``analysis.kwic`` is always the
module, and the function is ``analysis.kwic.kwic`` (likewise
``analysis.keyness.keyness``, ``analysis.collocations.collocations``,
``analysis.coverage.coverage``, ``analysis.reconcile.reconcile``), so the
name means the same thing whatever was imported before.

>>> import analysis
>>> analysis.kwic.kwic.__module__, analysis.explore.kwic_explorer.__name__
('analysis.kwic', 'kwic_explorer')
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
    "provenance": "claims",
    "corpus_overview": "overview",
    "kwic_explorer": "explore", "claim_browser": "explore", "pair_viewer": "explore",
    "publication_dates": "coverage", "copy_groups": "copies", "keep_one_per_group": "copies",
    "reuse_of": "reuse", "dated_claims": "reconcile",
}
#: Submodules reachable as attributes after ``import analysis`` (``analysis.kwic.kwic(...)``).
_SUBMODULES = (
    "attribution", "charts", "claims", "cli", "collocations", "copies", "coverage", "dates", "explore", "framing",
    "keyness", "kwic", "labels", "loading", "numbers", "overview", "passages", "paths", "quotes", "reconcile",
    "report", "reuse", "scale", "segmenting", "similarity", "terms", "text", "webpages",
)

__all__ = [
    "ANALYSED", "LABELS", "Corpus", "CorpusError", "load_corpus", "read_corpus", "segments", "select_text",
    *sorted(_LAZY),
]
__version__ = "0.1.0"


def __getattr__(name):
    if name in _SUBMODULES:
        return import_module(f".{name}", __name__)  # the import binds it as an attribute of the package
    if name in _LAZY:
        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_LAZY) | set(_SUBMODULES))
