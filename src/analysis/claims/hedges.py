"""Is a figure hedged: does its sentence mark it, or its source, as unconfirmed?"""

from __future__ import annotations

from .lexicon import hedge_table

__all__ = ["is_hedged"]


def is_hedged(words, verb) -> bool:
    """A hedge phrase anywhere in the sentence, other than a named source's reporting verb."""
    table = hedge_table()
    for k in range(len(words)):
        hit = table.at(words, k)
        if hit is not None and not (verb is not None and k == verb and hit[1] == 1):
            return True
    return False
