"""Is a figure hedged: does its sentence mark it, or its source, as unconfirmed?

The hedges are data (``data/hedges.txt``: allegedly, reportedly, feared,
"reported killed", "could not confirm", may have ...). A named source's
reporting verb ("Amnesty International claims") is attribution, not a hedge,
and "claimed 1,500 lives" says how many died, not that anyone claims it.
"""

from __future__ import annotations

from ..attribution import claims_lives
from .lexicon import hedge_table

__all__ = ["hedge_positions", "is_hedged"]


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


def is_hedged(words, verb, positions=None) -> bool:
    """A hedge phrase anywhere in the sentence, other than a named source's reporting verb.

    Parameters
    ----------
    words : list of str
        The sentence's lowercase tokens.
    verb : int or None
        Token index of a named source's reporting verb, which is not a hedge.
    positions : list, optional
        :func:`hedge_positions` of ``words``, when already computed.

    Examples
    --------
    >>> is_hedged("about 200 people are feared dead".split(), None)
    True
    >>> is_hedged("the unrest has claimed some 2,400 lives".split(), None)
    False
    """
    positions = hedge_positions(words) if positions is None else positions
    return any(not (verb is not None and k == verb and n == 1) for k, n in positions)
