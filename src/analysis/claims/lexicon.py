"""The lexicons the claims stages read: categories (``claims_lexicon.csv``) and hedges (``hedges.txt``).

Both are data files in ``src/analysis/data/``; copy one, add rows and pass it to
follow another event. :class:`PhraseTable` matches their phrases on lowercase
word tokens. A malformed lexicon is an error that names the file and the line.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..paths import PACKAGE_DATA_DIR

__all__ = ["CATEGORIES", "HEDGES_TXT", "LEXICON_CSV", "ROLES", "Lexicon", "PhraseTable", "hedge_table",
           "lexicon_for", "load_hedges", "load_lexicon"]

LEXICON_CSV = PACKAGE_DATA_DIR / "claims_lexicon.csv"
HEDGES_TXT = PACKAGE_DATA_DIR / "hedges.txt"
#: The categories of ``CLAIMS_GUIDE.md`` (version 2).
CATEGORIES = ("killed", "injured", "missing", "detained", "displaced", "fled_or_evacuated", "released",
              "held_together", "camps", "other")
#: Roles of a lexicon row (see the header of ``claims_lexicon.csv``) and the categories each may name.
ROLES = {
    "event": CATEGORIES,
    "place": CATEGORIES,
    "person": ("", *CATEGORIES),
    "group": ("",),
    "ignore": ("not_a_claim",),
    "negation": ("",),
}


def load_lexicon(path=None) -> pd.DataFrame:
    """The category lexicon: which words put a figure in which category.

    Parameters
    ----------
    path : path-like, optional
        A CSV with the header ``category,role,term`` (``#`` starts a comment
        line). Default: the shipped ``data/claims_lexicon.csv``, whose header
        comment explains the roles ``event``, ``place``, ``person``, ``group``,
        ``ignore``, ``negation``.

    Raises
    ------
    ValueError
        Naming the file and line of a row with the wrong number of fields, an
        unknown role, a category the role does not allow, or an empty term.

    Examples
    --------
    >>> lexicon = load_lexicon()
    >>> sorted(lexicon.loc[lexicon.role == "event", "category"].unique())[:3]
    ['detained', 'displaced', 'fled_or_evacuated']
    """
    path = Path(path or LEXICON_CSV)
    rows = []
    header_seen = False
    with open(path, encoding="utf-8", newline="") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = [f.strip() for f in next(csv.reader([line]))]
            if not header_seen:
                if fields != ["category", "role", "term"]:
                    raise ValueError(f"{path}, line {number}: a claims lexicon starts with the header "
                                     f"'category,role,term', not {line.strip()!r}")
                header_seen = True
                continue
            if len(fields) != 3:
                raise ValueError(f"{path}, line {number}: expected 3 fields (category,role,term), "
                                 f"found {len(fields)}: {line.strip()!r}")
            category, role, term = fields
            if role not in ROLES:
                raise ValueError(f"{path}, line {number}: unknown role {role!r}; roles are {', '.join(ROLES)}")
            if category not in ROLES[role]:
                allowed = ", ".join(repr(c) for c in ROLES[role])
                raise ValueError(f"{path}, line {number}: unknown category {category!r} for role {role!r}; "
                                 f"use one of {allowed}")
            if not term:
                raise ValueError(f"{path}, line {number}: empty term")
            rows.append((category, role, " ".join(term.lower().split())))
    if not header_seen:
        raise ValueError(f"{path}: empty claims lexicon (no 'category,role,term' header)")
    return pd.DataFrame(rows, columns=["category", "role", "term"])


def load_hedges(path=None) -> list[str]:
    """Hedge phrases, one per line of ``data/hedges.txt`` (lowercase; ``*`` = any ending).

    >>> "allegedly" in load_hedges()
    True
    """
    with open(path or HEDGES_TXT, encoding="utf-8") as handle:
        return [line.strip().lower() for line in handle if line.strip() and not line.lstrip().startswith("#")]


class PhraseTable:
    """Phrases (tuples of words; a trailing ``*`` on a word = any ending) matched on lowercase tokens.

    With ``commas``, a phrase that is a list may be written with the commas of a list: "killed, wounded or
    captured" (and "killed, wounded, or captured") is the phrase "killed wounded or captured", and the
    length counts the commas. Only a list's commas: "killed, and injured survivors" is not "killed and
    injured", nor "treated, for the most part" "treated for".

    >>> table = PhraseTable([("death toll", "killed"), ("kill*", "killed")])
    >>> table.at(["the", "death", "toll", "rose"], 1), table.at(["killing"], 0)
    (('killed', 2), ('killed', 1))
    >>> lists = PhraseTable([("killed wounded or captured", "other"), ("killed and injured", "other")], commas=True)
    >>> lists.at(["killed", ",", "wounded", "or", "captured"], 0), lists.at(["killed", ",", "and", "injured"], 0)
    (('other', 5), None)
    """

    #: Letters of a prefix pattern used to index it ("kill*" under "kil").
    PREFIX_KEY = 3

    def __init__(self, entries, *, commas: bool = False):
        self.commas = commas
        self.by_first: dict[str, list] = {}
        self.by_prefix: dict[str, list] = {}
        for phrase, value in entries:
            words = tuple(phrase.split())
            if words[0].endswith("*"):
                self.by_prefix.setdefault(words[0][:self.PREFIX_KEY], []).append((words, value))
            else:
                self.by_first.setdefault(words[0], []).append((words, value))
        for options in (*self.by_first.values(), *self.by_prefix.values()):
            options.sort(key=lambda item: -len(item[0]))

    def at(self, words, k):
        """``(value, length)`` of the longest phrase starting at ``words[k]``, or None; the length is in tokens."""
        word = words[k]
        best = None
        for options in (self.by_first.get(word), self.by_prefix.get(word[:self.PREFIX_KEY])):
            if not options:
                continue
            for phrase, value in options:
                if best is not None and len(phrase) <= best[2]:
                    break
                n = self._matched(words, k, phrase)
                if n:
                    best = value, n, len(phrase)
                    break
        return best[:2] if best is not None else None

    def _matched(self, words, k, phrase) -> int:
        """Tokens from ``words[k]`` that ``phrase`` matches (a comma between two of its words counted), or 0."""
        j, listed = k, False
        for i, p in enumerate(phrase):
            if self.commas and i and j + 1 < len(words) and words[j] == "," and _list_comma(phrase, i, listed):
                j, listed = j + 1, True  # "killed, wounded or captured": the comma of a list
            if j >= len(words) or not _word_matches(words[j], p):
                return 0
            j += 1
        return j - k


_CONJUNCTIONS = ("and", "or")


def _list_comma(phrase, i: int, listed: bool) -> bool:
    """Whether a comma may stand before word ``i`` of ``phrase`` as in a list: before an item that a conjunction
    later in the phrase closes ("killed, wounded or captured"), or before that conjunction after such a comma
    ("killed, wounded, or captured")."""
    if phrase[i] in _CONJUNCTIONS:
        return listed
    return any(word in _CONJUNCTIONS for word in phrase[i + 1:])


def _word_matches(word: str, pattern: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


@dataclass(frozen=True)
class Lexicon:
    """A category lexicon ready for matching: event words, counted nouns, negations."""

    events: PhraseTable  # value: category
    nouns: PhraseTable  # value: (role, category)
    negations: PhraseTable  # value: True

    @classmethod
    def from_table(cls, table: pd.DataFrame) -> "Lexicon":
        rows = list(table[["category", "role", "term"]].itertuples(index=False))
        return cls(PhraseTable(((t, c) for c, r, t in rows if r == "event"), commas=True),
                   PhraseTable((t, (r, c)) for c, r, t in rows if r in ("place", "person", "group", "ignore")),
                   PhraseTable((t, True) for c, r, t in rows if r == "negation"))


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    return Lexicon.from_table(load_lexicon())


@lru_cache(maxsize=1)
def hedge_table() -> PhraseTable:
    """The shipped hedges as a :class:`PhraseTable`."""
    return PhraseTable((h, True) for h in load_hedges())


def lexicon_for(lexicon=None) -> Lexicon:
    """The :class:`Lexicon` of a path, a table from :func:`load_lexicon`, or the shipped one (None)."""
    if lexicon is None:
        return _default_lexicon()
    table = lexicon if isinstance(lexicon, pd.DataFrame) else load_lexicon(lexicon)
    return Lexicon.from_table(table)
