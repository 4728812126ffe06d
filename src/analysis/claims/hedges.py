"""Is a figure hedged: does its sentence mark it, or its source, as unconfirmed?

The hedges are data (``data/hedges.txt``: allegedly, reportedly, feared,
"reported killed", "could not confirm", may have ...). A named source's
reporting verb ("Amnesty International claims") is attribution, not a hedge,
and "claimed 1,500 lives" says how many died, not that anyone claims it.
"""

from __future__ import annotations

from ..attribution import CLAUSE_AUXILIARIES, claims_lives
from ..text import STOPWORDS
from .lexicon import hedge_table

__all__ = ["ACCUSATION_PREPOSITIONS", "CLAUSE_SEPARATORS", "hedge_positions", "hedge_scopes", "is_hedged"]

#: Words that end one figure's part of a sentence and start the next ("200 were feared dead, 174 drowned and 147
#: ..."): the last of them between two figures is where a hedge between the figures stops.
CLAUSE_SEPARATORS = frozenset({",", ";", ":", "and", "but", "while", "whereas"})
#: Words before "alleged" that make it part of an accusation ("arrested for alleged fraud", "jailed over alleged
#: links"): what is alleged is the offence named after it, so it hedges no figure before it.
ACCUSATION_PREPOSITIONS = frozenset({"for", "of", "over", "on", "in", "about", "with"})


def hedge_positions(words) -> list[tuple[int, int]]:
    """``(index, length)`` of every hedge phrase in a sentence's words (found once per sentence).

    >>> hedge_positions("ten were reportedly killed and others feared dead".split())
    [(2, 1), (6, 1)]
    >>> hedge_positions("three died in a blast believed to be a bomb".split())
    []
    """
    table = hedge_table()
    found = []
    for k in range(len(words)):
        hit = table.at(words, k)
        if hit is None:
            continue
        if claims_lives(words, k):
            continue  # "claimed 1,500 lives": a toll
        rest = words[k + hit[1]:k + hit[1] + 2]
        if words[k + hit[1] - 1] in ("to", "be") and (rest[:1] in (["a"], ["an"]) or rest in (["be", "a"], ["be", "an"])):
            continue  # "an explosion, believed to be a bomb,": what something is, not how many
        found.append((k, hit[1]))
    return found


def hedge_scopes(words, figures, positions) -> list[list[tuple[int, int]]]:
    """For each of a sentence's figures (in order), the hedge phrases of ``positions`` that mark it.

    A sentence of one figure: every hedge in it. With several, the sentence is cut into one part per figure,
    between two figures at the last :data:`CLAUSE_SEPARATORS` word between them (none: the two share a part),
    and a hedge marks

    - every figure when it comes before them all ("police believe 20 died and 30 were hurt"), or after them all
      beyond a separator, or after them all and about the report ("20 died and 30 were hurt, but the figures
      could not be confirmed", "... according to unconfirmed reports");
    - the figures of its own part otherwise ("200 were feared dead, 174 drowned": only the 200; "20 died and
      30 others may have been killed": only the 30), and of the parts that share its part's predicate: a subject
      with no verb of its own before it ("Forty soldiers and 12 civilians were reportedly killed"), a bare
      participle after it ("Five were reportedly killed, 12 wounded and 30 others injured").

    "alleged" after one of :data:`ACCUSATION_PREPOSITIONS` ("114 people were arrested for alleged drug dealing")
    marks none of the figures before it, in a sentence of any number of figures.

    ``figures`` are :class:`~analysis.numbers.Figure` (their ``first``/``last`` tokens are read).

    >>> from types import SimpleNamespace as F
    >>> words = "200 were feared dead , 174 drowned".split()
    >>> hedge_scopes(words, [F(first=0, last=1), F(first=5, last=6)], hedge_positions(words))
    [[(2, 1)], []]
    """
    scopes: list[list[tuple[int, int]]] = [[] for _ in figures]
    if not figures:
        return scopes
    parts = [0] * len(figures)  # the part of each figure
    starts = [0]  # the first token of each part: the separator that opens it
    for j, (before, after) in enumerate(zip(figures, figures[1:])):
        between = [k for k in range(before.last, after.first) if words[k] in CLAUSE_SEPARATORS]
        if between:
            starts.append(between[-1])
        parts[j + 1] = len(starts) - 1
    ends = starts[1:] + [len(words)]
    first_figure, last_figure = {}, {}  # each part's first and last figure
    for j, f in enumerate(figures):
        first_figure.setdefault(parts[j], f)
        last_figure[parts[j]] = f
    count = len(starts)
    shares_next = [p + 1 < count and words[starts[p + 1]] in _PART_JOINERS
                   and _subject_only(words, starts[p], first_figure[p], ends[p]) for p in range(count)]
    # how each part goes on with the predicate of the part before: "bare", "noun", "subset" or None
    shares_before = [_continuation(words, last_figure[p].last, ends[p])
                     if p > 0 and words[starts[p]] in _PART_JOINERS else None for p in range(count)]
    first, last = figures[0].first, figures[-1].last
    for k, n in positions:
        trailing = k >= last
        if len(figures) == 1 or k < first or trailing and (
                any(w in CLAUSE_SEPARATORS for w in words[last:k]) or _about_the_report(words[k:k + n])):
            marked = range(len(figures))
        else:
            part = sum(1 for start in starts[1:] if start <= k)
            shared = {part}
            if k >= last_figure[part].last:  # in the part's predicate, after its figure
                p = part
                while p > 0 and shares_next[p - 1]:
                    p -= 1
                    shared.add(p)
                p = part
                while p + 1 < count and shares_before[p + 1] \
                        and (shares_before[p + 1] != "noun" or _of_the_verb(words[k:k + n])):
                    p += 1
                    shared.add(p)
            marked = [j for j in range(len(figures)) if parts[j] in shared]
        if _accusation(words, k):
            marked = [j for j in marked if figures[j].first > k]
        for j in marked:
            scopes[j].append((k, n))
    return scopes


#: Separators that coordinate two figures' parts, which may then share one predicate; with a comma, those that
#: join parts that may share one ("Twelve soldiers, 30 civilians and ...", "..., 12 wounded").
_COORDINATORS = {"and", "or"}
_PART_JOINERS = _COORDINATORS | {","}
#: Participles that go on with the verb of the part before ("and 12 wounded" has one in -ed; "and 40 been
#: injured", "and 20 left homeless", "and 40 taken hostage").
_PARTICIPLES = {"been", "hurt", "dead", "missing", "taken", "left", "held", "shot", "found", "seen", "beaten",
                "struck", "hit", "thrown", "stolen"}
#: Words that are no noun of a part's own between its figure and the participle (see ``_continuation``).
_NOT_NOUNS = STOPWORDS | CLAUSE_AUXILIARIES | _PARTICIPLES
#: Words between a figure and the bare participle that goes on with the verb before ("12 others wounded", "20
#: more injured", "30 to have been injured"), besides adverbs in -ly ("12 seriously injured").
_BEFORE_PARTICIPLE = {"others", "more", "to", "have", "be"}
#: Verbs in -ed that take no object, so that after a figure they are its own verb, not a participle going on with
#: the verb before ("... reportedly killed, 174 drowned", "and 30 escaped").
_INTRANSITIVE_PAST = {"died", "drowned", "perished", "fled", "escaped", "survived", "disappeared", "vanished",
                      "starved", "suffocated", "recovered", "returned"}
#: Words before a figure that leave it at the head of a subject ("the 40 soldiers and 12 civilians were").
_BEFORE_SUBJECT = {",", ";", ":", "the", "all", "some", "about", "around", "nearly", "almost", "over", "at", "least",
                   "more", "than", "up", "to", "as", "many"}
#: First words of hedges that qualify a whole verb group ("were reportedly killed and 14 people wounded", "may
#: have died"), which a part with a noun of its own shares; "feared dead", "presumed dead" qualify their own
#: complement ("were feared dead and 15,000 people left homeless": the homeless are not feared).
_VERB_GROUP_HEDGES = {"may", "might", "could", "believed", "thought", "said", "is", "are", "was", "were"}


def _subject_only(words, start: int, figure, end: int) -> bool:
    """The part from ``start`` to ``end`` is a subject with no verb of its own ("Forty armed men and ..."): its
    figure opens the clause or follows a comma, and after it come only words of a noun phrase (a word in -ed or
    -ing only before another word, "armed men", "striking miners")."""
    before = [w for w in words[start:figure.first] if w not in _COORDINATORS]
    if "," in before:  # "Twelve soldiers, 30 civilians and ...": from the comma, the list's own item
        before = before[len(before) - before[::-1].index(","):]
    if len(before) > 3 or any(w not in _BEFORE_SUBJECT for w in before):
        return False
    rest = [w for w in words[figure.last:end] if w not in _COORDINATORS]
    if any(w in CLAUSE_AUXILIARIES or not w.replace("-", "").isalpha() for w in rest):
        return False
    return not (rest and rest[-1].endswith(("ed", "ing")))


def _continuation(words, k: int, end: int) -> str | None:
    """How the part whose figure ends at ``k`` goes on with the verb of the part before: ``"subset"`` ("12 of them
    women"), ``"bare"`` (a participle and no auxiliary: "12 wounded", "12 others seriously injured"), ``"noun"``
    (the same after a noun of its own: "14 people wounded"), or None (a verb of its own: "30 escaped", "30 were
    hurt")."""
    if k + 1 < end and words[k] == "of" and words[k + 1] in ("them", "whom"):
        return "subset"
    nouns = 0
    while k < end and (words[k] in _BEFORE_PARTICIPLE or words[k].endswith("ly")):
        k += 1
    while k < end and nouns < 2 and words[k].isalpha() and words[k] not in _NOT_NOUNS \
            and not words[k].endswith(("ed", "ly", "ing")):
        k, nouns = k + 1, nouns + 1  # "people", "more children"
    while k < end and words[k].endswith("ly"):
        k += 1
    if k >= end or words[k] in _INTRANSITIVE_PAST:
        return None
    if not (words[k].endswith("ed") or words[k] in _PARTICIPLES) or any(w in CLAUSE_AUXILIARIES for w in words[k:end]):
        return None
    return "noun" if nouns else "bare"


def _of_the_verb(phrase) -> bool:
    """A hedge phrase that qualifies a whole verb group: an adverb in -ly or a modal (:data:`_VERB_GROUP_HEDGES`)."""
    return phrase[0].endswith("ly") or phrase[0] in _VERB_GROUP_HEDGES


#: Beginnings of the words of a hedge on the report as a whole, and such words: after every figure, the hedge
#: marks them all ("... could not be independently confirmed", "... according to unconfirmed reports"); not
#: "reportedly" or "reported killed", which say how one figure is known.
_REPORT_HEDGE_STEMS = ("confirm", "verif")
_REPORT_HEDGE_WORDS = {"report", "reports", "unconfirmed", "unverified"}


def _about_the_report(phrase) -> bool:
    """A hedge phrase on the report as a whole (:data:`_REPORT_HEDGE_STEMS`, :data:`_REPORT_HEDGE_WORDS`)."""
    return any(w.startswith(_REPORT_HEDGE_STEMS) or w in _REPORT_HEDGE_WORDS for w in phrase)


def _accusation(words, k: int) -> bool:
    """"alleged" after a preposition, with or without an article ("arrested for alleged fraud", "in connection with
    the alleged fraud"): the offence is alleged, not a figure before it."""
    if words[k] != "alleged":
        return False
    j = k - 1
    if j >= 0 and words[j] in ("the", "a", "an"):
        j -= 1
    return j >= 0 and words[j] in ACCUSATION_PREPOSITIONS


def is_hedged(words, verb, positions=None) -> bool:
    """A hedge phrase in ``positions`` (default: anywhere in the sentence), other than a named source's reporting
    verb.

    Parameters
    ----------
    words : list of str
        The sentence's lowercase tokens.
    verb : int or None
        Token index of a named source's reporting verb, which is not a hedge.
    positions : list, optional
        The hedge phrases to read: :func:`hedge_positions` of ``words``, or a figure's part of them
        (:func:`hedge_scopes`).

    Examples
    --------
    >>> is_hedged("about 200 people are feared dead".split(), None)
    True
    >>> is_hedged("the unrest has claimed some 2,400 lives".split(), None)
    False
    """
    positions = hedge_positions(words) if positions is None else positions
    return any(not (verb is not None and k == verb and n == 1) for k, n in positions)
