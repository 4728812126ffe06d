"""Which category a figure belongs to: what its clause says happened to the people counted.

The category comes from the lexicon (:mod:`analysis.claims.lexicon`): the noun the
figure counts ("100 detainees", "several camps") and the event word of its clause
("were arrested", "killing").
"""

from __future__ import annotations

import re

from ..attribution import FUNCTION_WORDS

__all__ = ["EVENT_WINDOW", "OUTRANKING", "category_of"]

#: Event categories that outrank the others in a sentence: they say how people are held.
OUTRANKING = ("held_together",)
#: How many words either side of a figure are searched for an event word.
EVENT_WINDOW = 15

_CLAUSE_ENDS = {",", ";", ":", "(", ")", '"', ".", "!", "?"}


def category_of(words, tokens, sentence, figure, lo, hi, lex) -> str | None:
    """The claim category of ``figure``, or None when it is not a claim."""
    role, noun_category, noun_end = _counted_noun(words, tokens, sentence, figure.last, lex)
    if role in ("ignore", "unknown"):
        return None
    if role == "place":
        return noun_category
    if figure.low == 1 and figure.high == 1 and not _singular_is_a_count(words, noun_end, role, lex):
        return None  # "one man claiming ...", "one of which": an anecdote, not a count
    bare = role is None
    if bare and re.search(r"\d\.\d", figure.stated):
        return None  # "held a further 1.99 mln": a quantity, not people
    event = _event_category(words, figure, lo, hi, lex, bare=bare)
    if event is not None:
        return event
    return noun_category or None


def _counted_noun(words, tokens, sentence, k, lex):
    """``(role, category, end)`` of the noun a figure counts, looking at up to 3 words after it.

    role is "place", "person" or "ignore" from the lexicon, "unknown" for other
    nouns ("3 bombs"), or None when the figure stands alone ("three died").
    """
    if k < len(words) and words[k] == "of":
        k += 1 + (k + 1 < len(words) and words[k + 1] in ("the", "these", "those"))
    seen = 0
    for j in range(k, min(len(words), k + 6)):
        w = words[j]
        hit = lex.nouns.at(words, j) if w[0].isalpha() else None
        if hit is not None:
            (role, category), n = hit
            return role, (category if category != "people" else ""), j + n
        if w[0].isdigit():
            return "unknown", "", k  # "eleven 747s"
        if not w[0].isalpha() or w in FUNCTION_WORDS:
            break
        if lex.events.at(words, j) is not None and seen == 0:
            break  # "three died"
        if w.endswith("ly"):
            continue  # "three apparently died"
        original = sentence[tokens[j][1]:tokens[j][2]]
        if original[:1].isupper() and w.endswith("s") and not w.endswith("'s") and seen == 0:
            return "person", "", j + 1  # "three Chechens"
        seen += 1
        if seen == 3:
            break
    return ("unknown" if seen else None), "", k


def _singular_is_a_count(words, noun_end, role, lex) -> bool:
    """"one man was killed" counts; "one man claiming ..." tells a story."""
    if role != "person" or noun_end >= len(words):
        return False
    if lex.events.at(words, noun_end) is not None:
        return True
    return words[noun_end] in ("was", "is", "has", "had") and any(
        lex.events.at(words, j) for j in range(noun_end + 1, min(noun_end + 4, len(words))))


def _event_category(words, figure, lo, hi, lex, *, bare=False) -> str | None:
    """The event word that says what happened to the people counted.

    In order: "the detention of [figure]"; the nearest event word after the
    figure in its clause; the nearest one before it (for a figure without a
    noun, only the word just before it: "injured at least three", "kept
    altogether, around 30"). Categories in :data:`OUTRANKING` come first.
    """
    before = figure.first - 1
    if before >= 1 and words[before] == "of":  # "the detention of over a hundred"
        hit = lex.events.at(words, before - 1)
        if hit is not None:
            return hit[0]
    after = []
    for j in range(figure.last, min(hi, figure.last + EVENT_WINDOW)):
        if words[j] in _CLAUSE_ENDS:
            break
        hit = lex.events.at(words, j)
        if hit is not None:
            after.append(hit[0])
    earlier = []
    reach = 2 if bare else EVENT_WINDOW
    for j in range(figure.first - 1, max(lo, figure.first - reach - 3) - 1, -1):
        if words[j] in (";", ":"):
            break
        hit = lex.events.at(words, j)
        end = j + (hit[1] if hit else 0)
        if hit and (end == figure.first or not bare and end <= figure.first
                    or end == figure.first - 1 and words[end] == ","):
            earlier.append(hit[0])
    for category in OUTRANKING:
        if category in after or category in earlier:
            return category
    return (after or earlier or [None])[0]


