"""Keywords in context: every line where a word, phrase or pattern occurs.

:func:`kwic` returns one row per occurrence, with the words around it, its
sentence (cut around the match when longer than :data:`MAX_SENTENCE_CHARS`), and
``start``/``end`` offsets into the document's ``raw_text`` so any line can be
checked against the source. There is no cap on the number of lines.

A *word or phrase* matches whole words only, whatever the case (unless
``case_sensitive=True``), curly and straight quotes alike, any run of white
space between its words; a word ending in ``*`` matches any word that starts
with it (``alleg*``). With ``regex=True`` the pattern is a Python regular
expression, matched anywhere (write ``\\b`` for word boundaries). Several
patterns can be given at once; where two overlap, the one that starts first
wins, then the longer.

:func:`dispersion` says where each occurrence falls in the running text of the
corpus, for the lexical dispersion chart.

Examples
--------
>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["a"], "outlet": ["Post"],
...     "raw_text": ["Men were allegedly held. Non-alleged facts."], "spans": [(("body", 0, 43),)]})
>>> kwic(docs, "alleg*", window=2)[["left", "match", "right"]].values.tolist()
[['Men were', 'allegedly', 'held. Non-alleged']]
>>> kwic(docs, "alleg*", window=2, within_sentence=True)["right"].tolist()
['held.']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

import pandas as pd

from .segmenting import ANALYSED
from .loading import segments
from .terms import count_words, group_labels
from .text import normalize_for_matching, sentence_spans, token_spans

__all__ = ["KWIC_COLUMNS", "MAX_SENTENCE_CHARS", "compile_patterns", "count_matches", "dispersion", "kwic"]

#: Characters of its sentence a KWIC line carries at most: a long sentence (or a line with no full stop)
#: is cut around the match, so a table stays a small multiple of its hits, not of hits x sentence length.
MAX_SENTENCE_CHARS = 600
#: Columns of a :func:`kwic` table.
KWIC_COLUMNS = ["doc_id", "outlet", "left", "match", "right", "sentence", "start", "end", "query"]

# Whole words: not inside a word, not after/before an inner apostrophe or hyphen.
_WORD_START = r"(?<!\w)(?<!\w['-])"
_WORD_END = r"(?!\w|['-]\w)"


def _phrase_regex(phrase: str) -> str:
    words = normalize_for_matching(phrase).split()
    if not words:
        raise ValueError("empty pattern")
    parts = [re.escape(w[:-1]) + r"\w*(?:['-]\w+)*" if w.endswith("*") and len(w) > 1 else re.escape(w)
             for w in words]
    return r"\s+".join(parts) + _WORD_END


def _checked_regex(pattern: str) -> str:
    """``pattern`` if it is a regular expression that can stand inside a group, else a ValueError naming it."""
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"not a regular expression: {pattern!r}: {exc}") from None
    try:
        re.compile(f"(?:{pattern})")  # as compile_patterns puts it: a named group among others
    except re.error:
        raise ValueError(f"{pattern!r}: a flag such as (?i) works here only inline, as (?i:...); matching ignores "
                         "case unless asked to match it") from None
    return pattern


def compile_patterns(patterns, *, regex: bool = False, case_sensitive: bool = False) -> re.Pattern:
    """One regular expression for one or several patterns, each a named group.

    The group of pattern ``i`` is ``_q{i}``; phrases are tried longest first.

    >>> found = compile_patterns(["said to", "said to be"]).search("He is said to be held")
    >>> found.group(), found.lastgroup
    ('said to be', '_q1')
    """
    patterns = [patterns] if isinstance(patterns, str) else list(patterns)
    if not patterns:
        raise ValueError("no pattern given")
    bodies = [_checked_regex(p) if regex else _phrase_regex(p) for p in patterns]
    order = sorted(range(len(patterns)), key=lambda i: -len(patterns[i]))
    joined = "|".join(f"(?P<_q{i}>{bodies[i]})" for i in order)
    if not regex:  # one word-start test for all phrases: several times faster than one each
        joined = f"{_WORD_START}(?:{joined})"
    try:
        return re.compile(joined, 0 if case_sensitive else re.IGNORECASE)
    except re.error as exc:  # each pattern compiles alone: together, a numbered group refers to another's
        raise ValueError(f"these patterns cannot be searched together ({exc}): refer back to a group by name, "
                         "(?P<word>...)(?P=word), not by number") from None


def _matches(docs, patterns, *, regex, case_sensitive, include, count_words=False):
    """Per segment with a match: (doc position, doc_id, segment start, text, tokens, [(match, query)], words before it)."""
    compiled = compile_patterns(patterns, regex=regex, case_sensitive=case_sensitive)
    queries = [patterns] if isinstance(patterns, str) else list(patterns)
    segs = segments(docs, labels=include)
    position = {doc_id: i for i, doc_id in enumerate(docs["doc_id"])}
    words_before: dict[str, int] = {}
    for doc_id, seg_start, text in zip(segs["doc_id"], segs["start"], segs["text"]):
        plain = normalize_for_matching(text)
        found = [m for m in compiled.finditer(plain) if m.end() > m.start()]
        tokens = token_spans(plain) if found or count_words else []
        if found and not regex:
            starts, ends = {a for a, _ in tokens}, {b for _, b in tokens}
            found = [m for m in found if m.start() in starts and m.end() in ends]
        before = words_before.get(doc_id, 0)
        if found:
            yield position[doc_id], doc_id, seg_start, text, tokens, [(m, queries[int(m.lastgroup[2:])]) for m in found], before
        words_before[doc_id] = before + len(tokens)


def count_matches(
    docs: pd.DataFrame,
    pattern: str | Iterable[str],
    *,
    regex: bool = False,
    case_sensitive: bool = False,
    include=ANALYSED,
) -> pd.DataFrame:
    """How many times each pattern occurs in each document: the size of :func:`kwic` without the lines.

    Returns ``doc_id, query, count`` for the pairs that occur.

    >>> docs = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "raw_text": ["camps, Camps"],
    ...     "spans": [(("body", 0, 12),)]})
    >>> count_matches(docs, ["camps", "men"]).values.tolist()
    [['a', 'camps', 2]]
    """
    counts: dict[tuple[str, str], int] = {}
    for _, doc_id, _, _, _, found, _ in _matches(docs, pattern, regex=regex, case_sensitive=case_sensitive,
                                                  include=include):
        for _, query in found:
            counts[doc_id, query] = counts.get((doc_id, query), 0) + 1
    table = pd.DataFrame([(d, q, c) for (d, q), c in counts.items()], columns=["doc_id", "query", "count"])
    return table.astype({"doc_id": object, "query": object, "count": "int64"})


def kwic(
    docs: pd.DataFrame,
    pattern: str | Iterable[str],
    *,
    regex: bool = False,
    case_sensitive: bool = False,
    window: int = 8,
    within_sentence: bool = False,
    include=ANALYSED,
) -> pd.DataFrame:
    """Every occurrence of ``pattern`` with the words around it.

    Parameters
    ----------
    docs : pandas.DataFrame
        The output of :func:`analysis.load_corpus`.
    pattern : str or iterable of str
        A word, a phrase, or (``regex=True``) a regular expression; or several.
    regex : bool, default False
        Read the pattern as a Python regular expression.
    case_sensitive : bool, default False
        Match case exactly (by default case is folded).
    window : int, default 8
        Words of context on each side.
    within_sentence : bool, default False
        Stop the context at the sentence's edges.
    include : tuple of str or "all"
        Segment labels to search (default headline and body).

    Returns
    -------
    pandas.DataFrame
        One row per occurrence, in document order: ``doc_id``, ``outlet`` (see
        :func:`analysis.terms.group_labels`), ``left``, ``match``, ``right``
        (white space collapsed), ``sentence`` (the sentence or sentences the
        match falls in, cut to :data:`MAX_SENTENCE_CHARS` characters around the
        match with "…" where longer), ``start``, ``end`` (offsets of the match into
        ``raw_text``) and ``query`` (the pattern that matched).
    """
    outlets = group_labels(docs, "outlet").tolist()
    rows = []
    for i, doc_id, seg_start, text, tokens, found, _ in _matches(
        docs, pattern, regex=regex, case_sensitive=case_sensitive, include=include
    ):
        sentences = sentence_spans(text)
        for m, query in found:
            lo, hi = _sentence_bounds(sentences, m.start(), m.end())
            left_from, right_to = (lo, hi) if within_sentence else (0, len(text))
            k, j = bisect_left(tokens, (m.start(), -1)), bisect_left(tokens, (m.end(), -1))
            before = [t for t in tokens[max(0, k - window):k] if t[0] >= left_from]
            after = [t for t in tokens[j:j + window] if t[1] <= right_to]
            left = _attached(text, before[0][0], left_from, -1) if before else m.start()
            right = _attached(text, after[-1][1], right_to, 1) if after else m.end()
            rows.append((
                doc_id, outlets[i],
                _squeeze(text[left:m.start()]),
                _squeeze(text[m.start():m.end()]),
                _squeeze(text[m.end():right]),
                _excerpt(text, lo, hi, m.start(), m.end()),
                seg_start + m.start(), seg_start + m.end(), query,
            ))
    table = pd.DataFrame(rows, columns=KWIC_COLUMNS)
    for column in KWIC_COLUMNS:
        if column not in ("start", "end"):
            table[column] = table[column].astype(object)
    return table.astype({"start": "int64", "end": "int64"})


def _attached(text: str, edge: int, limit: int, step: int) -> int:
    """Move ``edge`` over punctuation attached to a word (quotes, full stop), not past ``limit``."""
    while (edge > limit if step < 0 else edge < limit):
        ch = text[edge - 1] if step < 0 else text[edge]
        if ch.isspace() or ch.isalnum():
            break
        edge += step
    return edge


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _excerpt(text: str, lo: int, hi: int, start: int, end: int, limit: int = MAX_SENTENCE_CHARS) -> str:
    """The sentence ``text[lo:hi]``, white space collapsed; if longer than ``limit``, cut around the match with "…".

    >>> _excerpt("a " * 500 + "MATCH" + " b" * 500, 0, 2005, 1000, 1005, limit=20)
    '… a a a MATCH b b b …'
    """
    if hi - lo <= limit:
        return _squeeze(text[lo:hi])
    room = max(limit - (end - start), 0) // 2
    a, b = max(lo, start - room), min(hi, end + room)
    return ("… " if a > lo else "") + _squeeze(text[a:b]) + (" …" if b < hi else "")


def _sentence_bounds(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """From the start of the sentence the match starts in to the end of the one it ends in."""
    first = max(0, bisect_left(spans, (start + 1, -1)) - 1)
    inside = [(a, b) for a, b in spans[first:bisect_left(spans, (end, -1)) + 1] if b > start and a < end]
    if not inside:
        return start, end
    return inside[0][0], inside[-1][1]


def dispersion(
    docs: pd.DataFrame,
    terms: Iterable[str],
    *,
    regex: bool = False,
    case_sensitive: bool = False,
    include=ANALYSED,
) -> pd.DataFrame:
    """Where each term occurs in the running text of the corpus.

    Documents are laid end to end in their order in ``docs``; ``offset`` counts
    words from the start of the first. Terms are matched as by :func:`kwic`.

    Returns
    -------
    pandas.DataFrame
        One row per occurrence: ``term``, ``doc_id``, ``outlet``, ``word``
        (words before it in its document), ``offset`` (words before it in the
        corpus), ``doc_start`` (offset of its document's first word), ``start``
        and ``end`` (offsets into ``raw_text``). No terms give an empty table.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
    ...     "raw_text": ["one two camp", "camp four"], "spans": [(("body", 0, 12),), (("body", 0, 9),)]})
    >>> dispersion(docs, ["camp"])[["term", "doc_id", "word", "offset"]].values.tolist()
    [['camp', 'a', 2, 2], ['camp', 'b', 0, 3]]
    """
    terms = list(terms)
    columns = ["term", "doc_id", "outlet", "word", "offset", "doc_start", "start", "end"]
    if not terms:  # nothing asked, nothing found: an empty table with its header
        return pd.DataFrame({c: pd.Series(dtype=object if c in columns[:3] else "int64") for c in columns})
    outlets = group_labels(docs, "outlet").tolist()
    words = count_words(docs, include=include).to_numpy()
    doc_start = dict(zip(docs["doc_id"], (words.cumsum() - words).tolist()))
    rows = []
    for i, doc_id, seg_start, text, tokens, found, before in _matches(
        docs, terms, regex=regex, case_sensitive=case_sensitive, include=include, count_words=True
    ):
        for m, query in found:
            word = before + bisect_left(tokens, (m.start(), -1))
            rows.append((query, doc_id, outlets[i], word, doc_start[doc_id] + word, doc_start[doc_id],
                         seg_start + m.start(), seg_start + m.end()))
    table = pd.DataFrame(rows, columns=columns)
    for column in ("term", "doc_id", "outlet"):
        table[column] = table[column].astype(object)
    return table.astype({c: "int64" for c in columns[3:]})
