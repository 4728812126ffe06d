"""Is a figure hedged: does its sentence mark it, or its source, as unconfirmed?

The hedges are data (``data/hedges.txt``: allegedly, reportedly, feared,
"reported killed", "could not confirm", may have ...). A named source's
reporting verb ("Amnesty International claims") is attribution, not a hedge,
and "claimed 1,500 lives" says how many died, not that anyone claims it.
"""

from __future__ import annotations

from .lexicon import hedge_table

__all__ = ["LIVES_REACH", "is_hedged"]

#: How many words after "claimed" may stand before "lives" in "claimed some 2,400 lives".
LIVES_REACH = 5


def is_hedged(words, verb) -> bool:
    """A hedge phrase anywhere in the sentence, other than a named source's reporting verb.

    Parameters
    ----------
    words : list of str
        The sentence's lowercase tokens.
    verb : int or None
        Token index of a named source's reporting verb, which is not a hedge.

    Examples
    --------
    >>> is_hedged("about 200 people are feared dead".split(), None)
    True
    >>> is_hedged("the unrest has claimed some 2,400 lives".split(), None)
    False
    """
    table = hedge_table()
    for k in range(len(words)):
        hit = table.at(words, k)
        if hit is None or verb is not None and k == verb and hit[1] == 1:
            continue
        if words[k].startswith("claim") and "lives" in words[k + 1:k + 1 + LIVES_REACH]:
            continue  # "claimed 1,500 lives": a toll
        return True
    return False
