"""Who a figure is credited to: the sentence's source, with the one exception claims need.

Finding the sayer of a sentence is not specific to claims, and lives in
:mod:`analysis.attribution` (:func:`~analysis.attribution.find_source`, a pure
function returning a :class:`~analysis.attribution.Source`, and
:class:`~analysis.attribution.DocumentSources`, which resolves pronouns,
definite references and quotation speakers in a document). A later
"who is quoted" feature reuses them as they are.

What is specific to claims is the guide's rule on background clauses: a figure
inside a relative clause about the event ("the earthquake that killed 300
people", "a fire that ... killed one miner", "in which around 200 people
drowned") is stated in the writer's voice, even when the sentence ends with a
sayer.

>>> from analysis.claims.figures import find_figures, word_tokens
>>> s = "The fire that killed 12 miners was put out, officials said."
>>> words = [t for t, _, _ in word_tokens(s)]
>>> in_background_clause(words, find_figures(s)[0])
True
"""

from __future__ import annotations

from ..attribution import REPORTING_VERBS, DocumentSources, Gazetteer, Source, find_source
from .lexicon import lexicon_for

__all__ = ["DocumentSources", "Gazetteer", "Source", "figure_source", "find_source", "in_background_clause"]

#: Words that open a relative clause.
RELATIVE_WORDS = {"that", "which", "who", "whom", "whose"}
#: Verbs and auxiliaries that, right after "that", make it open a relative clause ("that left two dead").
VERB_WORDS = {"left", "was", "were", "is", "are", "has", "had", "have", "burned", "caused", "claimed", "took",
              "sank", "hit", "struck", "destroyed", "made"}
#: Words that join a second verb to the first inside one clause ("burned for hours and killed one").
CLAUSE_JOINERS = {"and", "or", "but", "then", ","}
#: How many words before a figure the relative word that opens its clause may stand.
RELATIVE_REACH = 8


def in_background_clause(words, figure, lex=None) -> bool:
    """The figure sits in a relative clause ("a blast that killed 8"), not in what a source said.

    "which", "who" and "in which" open a relative clause; "that" does when a
    verb follows it ("the fire that burned ... and killed one miner", "flooding
    that left two dead"), not when a subject does ("said that 345 had been
    rescued", "means that relief will be available").
    """
    lex = lex or lexicon_for()
    for j in range(figure.first - 1, max(-1, figure.first - RELATIVE_REACH - 1), -1):
        w = words[j]
        if w in (",", ";", ":", '"', "."):
            return False
        if w in RELATIVE_WORDS - {"that"}:
            return not _clause_closed(words, j, figure.first, lex)
        if w == "that":
            before = words[j - 1] if j > 0 else ""
            after = words[j + 1] if j + 1 < len(words) else ""
            verb = _is_verb(words, j + 1, lex)
            return verb and before not in REPORTING_VERBS and not _clause_closed(words, j, figure.first, lex)
    return False


def _is_verb(words, k, lex) -> bool:
    """``words[k]`` reads as a finite verb: an event ("killed"), a listed verb, a reporting verb or an -ed form."""
    w = words[k] if k < len(words) else ""
    return lex.events.at(words, k) is not None or w in VERB_WORDS or w in REPORTING_VERBS or w.endswith("ed")


def _clause_closed(words, relative, first, lex) -> bool:
    """The relative clause opened at ``relative`` has ended before ``first``: a second verb follows its own
    with nothing joining them ("an earthquake which struck the coast killed one", "survivors who reached
    the shore said 40 drowned"), unlike "a fire that burned for hours and killed one miner".

    >>> from analysis.claims.lexicon import lexicon_for
    >>> closed = "a quake which struck the coast killed 3".split()
    >>> joined = "a fire which burned and killed 3".split()
    >>> _clause_closed(closed, 2, 7, lexicon_for()), _clause_closed(joined, 2, 6, lexicon_for())
    (True, False)
    """
    verbs = [k for k in range(relative + 1, first) if _is_verb(words, k, lex)]
    return len(verbs) >= 2 and words[verbs[-1] - 1] not in CLAUSE_JOINERS and verbs[-1] - 1 not in verbs


def figure_source(sources: DocumentSources, i: int, position: int, words, figure, lex=None) -> Source | None:
    """The :class:`Source` credited for a figure at ``position`` in sentence ``i`` (None: own voice)."""
    if in_background_clause(words, figure, lex):
        return None
    return sources.for_position(i, position)
