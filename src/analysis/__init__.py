"""Compare how news outlets cover one event.

Load a folder of articles (:func:`load_corpus`), then explore term frequencies,
TF-IDF similarity and shared passages, and the figures each source claims.
Every function takes and returns tidy pandas DataFrames; chart functions return
matplotlib Figures (see :mod:`analysis.charts`).
"""

from .loading import Corpus, CorpusError, load_corpus, read_corpus, segments, select_text
from .segmenting import ANALYSED, LABELS

__all__ = [
    "ANALYSED",
    "LABELS",
    "Corpus",
    "CorpusError",
    "load_corpus",
    "read_corpus",
    "segments",
    "select_text",
]
__version__ = "0.1.0"
