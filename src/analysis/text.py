"""Text processing that needs no downloaded data.

Sentence splitting and word tokenizing are built from the parts of NLTK that
work without ``nltk_data`` (``PunktSentenceTokenizer`` with our own parameters,
``SnowballStemmer``, the collocation finders) and a token pattern that NLTK's
``RegexpTokenizer`` accepts as it is (run here with the standard library's
``re``, which is faster), and the stopword list ships inside the package. Nothing here calls ``nltk.download()`` or needs a corpus on disk.

Offsets matter in this package: claims and shared passages point back to the
exact characters of a document. :func:`normalize_for_matching` therefore maps
characters one to one (curly quotes to straight ones, no-break spaces to spaces,
dashes to hyphens), so an offset in the normalised text is the same offset in the
original.

Examples
--------
>>> tokenize("They don’t exist, said the LGBTI Network; 30 or 40 non-traditional men.")
['they', "don't", 'exist', 'said', 'the', 'lgbti', 'network', '30', 'or', '40', 'non-traditional', 'men']
>>> sentences("Several are believed to have been killed. Dozens are held.")
['Several are believed to have been killed.', 'Dozens are held.']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from itertools import groupby

from nltk.stem.snowball import SnowballStemmer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .paths import PACKAGE_DATA_DIR

__all__ = [
    "MAX_SENTENCE_CHARS",
    "STOPWORDS",
    "count_tokens",
    "load_stopwords",
    "normalize_for_matching",
    "normalize_text",
    "running_line_breaks",
    "sentence_spans",
    "sentences",
    "stem",
    "strip_possessive",
    "token_runs",
    "token_spans",
    "warn_unread_sentences",
    "tokenize",
]

# One character in, one character out: offsets survive normalisation.
_MATCH_TABLE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
        "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ",
        "\u2003": " ", "\u3000": " ",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
        "\u2212": "-",
        "\u2026": ".",
    }
)


def normalize_text(text: str) -> str:
    """Normalise text as read from disk: Unicode NFC and ``\\n`` line endings.

    Curly quotes and no-break spaces are kept; see :func:`normalize_for_matching`.

    >>> normalize_text("Caf\\u0065\\u0301\\r\\nnext\\rline")
    'Café\\nnext\\nline'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def normalize_for_matching(text: str) -> str:
    """Map typographic variants to plain ASCII ones, one character for one.

    Curly and angled quotes become straight quotes, no-break and thin spaces a
    space, dashes a hyphen, an ellipsis a full stop. The result has the same
    length as ``text``, so offsets found in it are offsets in ``text``.

    >>> normalize_for_matching("‘you can’t’\\u00a0—\\u00a0yes")
    "'you can't' - yes"
    """
    return text.translate(_MATCH_TABLE)


# ---------------------------------------------------------------- sentences

# Abbreviations that end in a full stop without ending a sentence. Punkt learns
# these from training text; with no nltk_data we give them ourselves.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "rev", "gen", "col", "lt", "sgt", "capt",
    "gov", "sen", "rep", "pres", "sec", "amb", "hon", "mt", "ft",
    "u.s", "u.k", "u.n", "e.u", "u.s.a", "e.g", "i.e", "etc", "vs", "cf", "no", "nos", "approx",
    "inc", "ltd", "co", "corp", "dept", "univ", "assn",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "a.m", "p.m", "fig", "figs", "vol", "p", "pp", "para", "est",
}


@lru_cache(maxsize=1)
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(_ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[.!?:;][\"'\u201d\u2019)\]]*\s*$")
#: A line this long without sentence punctuation, followed by another line of
#: the same paragraph, is hard-wrapped running text (newswire, e-mail): its
#: line break is not a sentence boundary.
WRAP_MIN_CHARS = 40
#: A paragraph of at least this many lines without a blank line, ending in a
#: full stop, is one hard-wrapped paragraph even when its first line is short
#: (a headline directly above its body is two lines, not three).
WRAP_MIN_LINES = 3
#: Words that do not end a sentence or a headline: a line ending in one runs on.
_RUNS_ON_WORDS = frozenset("a an the of on in at to by for from with and or but nor that which who whose".split())


def running_line_breaks(text: str) -> frozenset[int]:
    """Offsets of the line breaks of ``text`` that fall inside running text.

    A line runs on into the next line of its paragraph (no blank line between)
    when it has no sentence punctuation at its end and either it is at least
    :data:`WRAP_MIN_CHARS` long, or, however short, the next line (not indented
    as a new paragraph) starts in lower case, or the line ends in a comma or in a
    word that ends no sentence ("the", "of", "on"), or the paragraph runs on over at
    least :data:`WRAP_MIN_LINES` lines to a line that ends a sentence
    (hard-wrapped newswire: "About 200 people were rescued, some\\nbadly hurt").
    The sentence splitter and the segmenter both read line breaks through here.

    >>> text = "Short headline\\nThe body starts here.\\n\\nSome 40 miners\\nwere trapped."
    >>> sorted(running_line_breaks(text)) == [text.index("\\nwere")]
    True
    """
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    breaks = set()
    # paragraphs: runs of lines with one newline between and no indented line after the first
    paragraph_end = [0] * len(lines)  # index of the last line of each line's paragraph
    for i in range(len(lines) - 1, -1, -1):
        joined = i + 1 < len(lines) and text[lines[i][1]:lines[i + 1][0]] == "\n" \
            and not text[lines[i + 1][0]].isspace()
        paragraph_end[i] = paragraph_end[i + 1] if joined else i
    for i in range(len(lines) - 1):
        (a, b), (c, d) = lines[i], lines[i + 1]
        if text[b:c] != "\n":
            continue
        line = text[a:b].strip()
        if not line or _SENTENCE_END.search(line):
            continue
        last = paragraph_end[i]
        if len(line) >= WRAP_MIN_CHARS or last > i and (
                text[c].islower() or line.endswith(",")
                or line.rsplit(None, 1)[-1].lower() in _RUNS_ON_WORDS
                or last - i + 1 >= WRAP_MIN_LINES and _SENTENCE_END.search(text[lines[last][0]:lines[last][1]])):
            breaks.add(b)
    return frozenset(breaks)


def _logical_lines(text: str):
    """(start, end) of each line, hard-wrapped lines joined to the line they continue."""
    breaks = running_line_breaks(text)
    current = None
    for line in _LINE.finditer(text):
        if current is not None:
            if current[1] in breaks:
                current = (current[0], line.end())
                continue
            yield current
        current = (line.start(), line.end())
    if current is not None:
        yield current


#: The characters after which Punkt may end a sentence (``PunktLanguageVars.sent_end_chars``; a test checks).
_PUNKT_ENDS = re.compile(r"[.?!]")
# A line that starts with a list number ("1.", "2)", "a.") is one item, not two sentences.
_LIST_MARKER = re.compile(r"\(?(?:\d{1,3}|[A-Za-z])[.)]")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``.

    Lines are split first (a line break ends a sentence: headlines, captions
    and list items carry no full stop), then each line with Punkt. The
    exception is hard-wrapped text: a line of at least :data:`WRAP_MIN_CHARS`
    characters without end punctuation, followed by another line of the same
    paragraph, continues on that line.
    Two of Punkt's breaks are undone: after a list number that opens a line
    (``1. Mike``), and before a word that starts in lower case (``“Why?” she
    asked.``). Spans exclude surrounding white space.

    >>> text = "Dozens are held.\\nSeveral died. “Enough,” she added.\\n  1. Mike"
    >>> [text[a:b] for a, b in sentence_spans(text)]
    ['Dozens are held.', 'Several died.', '“Enough,” she added.', '1. Mike']
    """
    punkt = _punkt()
    spans: list[tuple[int, int]] = []
    for line_start, line_end in _logical_lines(text):
        offset, line = line_start, text[line_start:line_end]
        pieces = []
        # Punkt breaks only after . ? or ! (its sent_end_chars): a line without one is one sentence
        # (a quarter of newswire lines; Punkt would take a tenth of its time to say so)
        found = punkt.span_tokenize(line) if _PUNKT_ENDS.search(line) else [(0, len(line))]
        for a, b in found:
            chunk = line[a:b]
            stripped = chunk.strip()
            if not stripped:
                continue
            lead = len(chunk) - len(chunk.lstrip())
            start = offset + a + lead
            pieces.append((start, start + len(stripped)))
        spans.extend(_undo_false_breaks(text, pieces))
    return spans


def _undo_false_breaks(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in pieces:
        if merged and (
            text[start].islower()
            or (len(merged) == 1 and _LIST_MARKER.fullmatch(text[merged[0][0]:merged[0][1]]))
        ):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


#: A "sentence" longer than this is a table or a dump, not prose: claims and quotations do not read it (with a
#: warning), so that every row, which repeats its sentence, stays small and time stays linear in the text.
MAX_SENTENCE_CHARS = 5_000


def warn_unread_sentences(unread: list[tuple[str, int]], what: str, *, stacklevel: int = 3) -> None:
    """Warn that the sentences at ``unread`` (``(doc_id, offset)``), over :data:`MAX_SENTENCE_CHARS`, were not read.

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_unread_sentences([("a", 120)], "claims")
    >>> print(caught[0].message)
    1 sentence(s) longer than 5,000 characters were not read for claims (a table or a dump, not prose): a at 120
    """
    if not unread:
        return
    import warnings

    where = ", ".join(f"{d} at {a}" for d, a in unread[:5]) + (" ..." if len(unread) > 5 else "")
    warnings.warn(f"{len(unread)} sentence(s) longer than {MAX_SENTENCE_CHARS:,} characters were not read for "
                  f"{what} (a table or a dump, not prose): {where}", stacklevel=stacklevel)


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings; see :func:`sentence_spans`.

    >>> sentences("Headline without stop\\nFirst sentence. Second one.")
    ['Headline without stop', 'First sentence.', 'Second one.']
    """
    return [text[a:b] for a, b in sentence_spans(text)]


# ---------------------------------------------------------------- tokens

# A token is a word or a number. Words keep inner hyphens and apostrophes
# (straight or curly): "non-traditional", "don’t"; numbers keep their separators:
# "1,000", "3.5", "1942-46"; letters and digits may mix: "1990s", "COVID-19", "G7";
# dotted abbreviations stay whole: "U.S.", "a.m."; combining marks stay in their word: Arabic "احتُجز",
# Devanagari "हिन्दी" (Python's \w leaves out marks, categories Mn, Mc and Me).


def _mark_class() -> str:
    """A character class of every combining mark (Unicode category M).

    Marks live in planes 0 and 1 and in the variation selectors supplement; a
    test checks the class against all of Unicode.
    """
    points = [cp for block in (range(0x20000), range(0xE0100, 0xE01F0)) for cp in block
              if unicodedata.category(chr(cp))[0] == "M"]
    runs, first = [], points[0]
    for previous, cp in zip(points, points[1:] + [None]):
        if cp != previous + 1:
            runs.append(f"\\U{first:08x}-\\U{previous:08x}" if previous > first else f"\\U{first:08x}")
            first = cp
    return "[" + "".join(runs) + "]"


MARKS = _mark_class()


def _token_pattern(letter: str, alnum: str, digit: str, marks: str | None = None) -> str:
    """The token pattern written with the given character classes (``marks``: combining marks inside words)."""
    letters = rf"(?:{digit}+(?:[.,:]{digit}+)*|{letter}){alnum}*"
    part = rf"{letters}(?:{marks}+{alnum}*)*" if marks else letters
    abbreviation = rf"{letter}(?:\.{letter})+\.?(?!{alnum})"
    return rf"{abbreviation}|{part}(?:[-'’]{part})*"


TOKEN_PATTERN = _token_pattern(r"[^\W\d_]", r"[^\W_]", r"\d", MARKS)
# NLTK's RegexpTokenizer(TOKEN_PATTERN) gives the same tokens; the standard
# library's re runs this pattern about 2.5 times faster, which matters at 20,000 articles.
_FULL_TOKEN_RE = re.compile(TOKEN_PATTERN)
# The same pattern without its combining-mark part, a third faster: it gives the same tokens on
# any text without combining marks, and every mark is at U+0300 or above (a test checks both).
_PLAIN_TOKEN_PATTERN = _token_pattern(r"[^\W\d_]", r"[^\W_]", r"\d")
_PLAIN_TOKEN_RE = re.compile(_PLAIN_TOKEN_PATTERN)
# On ASCII text (most newswire) the Unicode classes are exactly these ASCII ones, which re tests a
# quarter faster: [^\W\d_] is [A-Za-z], [^\W_] is [A-Za-z0-9], \d is [0-9] (a test compares them).
_ASCII_TOKEN_PATTERN = _token_pattern("[A-Za-z]", "[A-Za-z0-9]", "[0-9]")
_ASCII_TOKEN_RE = re.compile(_ASCII_TOKEN_PATTERN)
FIRST_MARK = "\u0300"


def _plain(text: str) -> bool:
    """Whether ``text`` can hold no combining mark, so that the faster token pattern applies."""
    return text.isascii() or not text or max(text) < FIRST_MARK


def _token_re(text: str) -> re.Pattern:
    """The token pattern for ``text``: the ASCII one on ASCII text, the one without marks where none can occur."""
    if text.isascii():
        return _ASCII_TOKEN_RE
    return _PLAIN_TOKEN_RE if _plain(text) else _FULL_TOKEN_RE


#: Characters a reader does not see inside a word: zero-width space and (non-)joiners, word joiner, BOM,
#: soft hyphen. "det\u200bained 30\u200b0" reads "detained 300", so tokens are read past them (``raw_text``
#: keeps them, and offsets stay offsets into it).
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")


def without_invisible(text: str) -> tuple[str, list[int] | None]:
    """``text`` without :data:`INVISIBLE` characters, and the position in ``text`` of each character kept.

    The positions are None when nothing was removed (the common case, which costs one search).

    >>> without_invisible("30\u200b0 men")
    ('300 men', [0, 1, 3, 4, 5, 6, 7])
    >>> without_invisible("300 men")
    ('300 men', None)
    """
    if not _INVISIBLE_RE.search(text):
        return text, None
    kept = [i for i, ch in enumerate(text) if ch not in INVISIBLE]
    return "".join(text[i] for i in kept), kept


def original_span(kept: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """The span in the original text of ``[start, end)`` in :func:`without_invisible`'s text."""
    if kept is None or start >= end:
        return start, end
    return kept[start], kept[end - 1] + 1


def token_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the word and number tokens of ``text``.

    >>> text = "LGBTI people, 100 men"
    >>> [text[a:b] for a, b in token_spans(text)]
    ['LGBTI', 'people', '100', 'men']
    >>> text = "det\u200bained 30\u200b0"
    >>> [text[a:b] for a, b in token_spans(text)] == ["det\u200bained", "30\u200b0"]
    True
    """
    plain, kept = without_invisible(text)
    spans = [m.span() for m in _token_re(plain).finditer(plain)]
    return spans if kept is None else [original_span(kept, a, b) for a, b in spans]


def count_tokens(text: str) -> int:
    """How many word and number tokens ``text`` has: ``len(token_spans(text))``, faster.

    >>> count_tokens("LGBTI people, 100 men"), count_tokens("det\u200bained 30\u200b0")
    (4, 2)
    """
    plain = without_invisible(text)[0]
    return len(_token_re(plain).findall(plain))


def tokenize(
    text: str,
    *,
    lowercase: bool = True,
    stopwords: Iterable[str] | None = None,
    stem: bool = False,
) -> list[str]:
    """Split ``text`` into word and number tokens.

    Apostrophes and quotes are normalised first (``don’t`` and ``don't`` are one
    token). Stopwords, if given, are removed after lowercasing and before stemming.

    Parameters
    ----------
    text : str
        Any text.
    lowercase : bool, default True
        Lowercase the tokens.
    stopwords : iterable of str, optional
        Words to drop, e.g. :data:`STOPWORDS`.
    stem : bool, default False
        Reduce each token with the Snowball (Porter 2) English stemmer.

    Examples
    --------
    >>> tokenize("Gay men were detained", stopwords=STOPWORDS, stem=True)
    ['gay', 'men', 'detain']
    """
    plain = normalize_for_matching(without_invisible(text)[0])
    if lowercase and plain.isascii():  # lowering ASCII text moves no token boundary: lower it once
        tokens = _ASCII_TOKEN_RE.findall(plain.lower())
    else:
        tokens = _token_re(plain).findall(plain)
        if lowercase:
            tokens = [t.lower() for t in tokens]
    if stopwords is not None:
        drop = stopwords if isinstance(stopwords, (set, frozenset)) else set(stopwords)
        tokens = [t for t in tokens if t not in drop]
    if stem:
        tokens = [_stemmer().stem(t) for t in tokens]
    return tokens


# A token, or anything that breaks a run of words: a line break or any other
# character that is neither white space nor part of a token.
_RUN_RE = re.compile(rf"({TOKEN_PATTERN})|[^\s]|\n")
_PLAIN_RUN_RE = re.compile(rf"({_PLAIN_TOKEN_PATTERN})|[^\s]|\n")
_ASCII_RUN_RE = re.compile(rf"({_ASCII_TOKEN_PATTERN})|[^\s]|\n")  # \s stays Unicode: "\x1c" is white space


def token_runs(text: str, *, lowercase: bool = True) -> list[list[str]]:
    """The tokens of ``text`` in runs that no punctuation or line break interrupts.

    Two words are neighbours, for n-grams and collocations, only when nothing
    but spaces stands between them.

    >>> token_runs("“Around 30 or 40,” she added.\\nNew line")
    [['around', '30', 'or', '40'], ['she', 'added'], ['new', 'line']]
    """
    plain = normalize_for_matching(without_invisible(text)[0])
    plain = plain.lower() if lowercase else plain  # ("İ".lower() has a combining mark: test after lowering)
    pattern = _ASCII_RUN_RE if plain.isascii() else _PLAIN_RUN_RE if _plain(plain) else _RUN_RE
    # a token is never empty; findall gives "" for each character that breaks a run
    found = pattern.findall(plain)
    return [list(run) for is_token, run in groupby(found, key=bool) if is_token]


def strip_possessive(token: str) -> str:
    """Drop a possessive ending, so that a name counts with its possessive.

    >>> strip_possessive("chechnya's"), strip_possessive("officials"), strip_possessive("'s")
    ('chechnya', 'officials', "'s")
    """
    return token[:-2] if token.endswith(("'s", "’s")) and len(token) > 2 else token


@lru_cache(maxsize=1)
def _stemmer() -> SnowballStemmer:
    return SnowballStemmer("english")


def stem(word: str) -> str:
    """Snowball English stem of one word.

    >>> stem("detained")
    'detain'
    """
    return _stemmer().stem(word)


# ---------------------------------------------------------------- stopwords


def load_stopwords(*, extra: Iterable[str] = (), path=None) -> frozenset[str]:
    """The shipped English stopword list, optionally extended.

    Parameters
    ----------
    extra : iterable of str
        Words to add (lowercased).
    path : path-like, optional
        A file of your own, one word per line (``#`` starts a comment), used
        instead of the shipped list.

    Examples
    --------
    >>> "the" in load_stopwords()
    True
    >>> "chechnya" in load_stopwords(extra=["Chechnya"])
    True
    """
    source = path if path is not None else PACKAGE_DATA_DIR / "stopwords_en.txt"
    with open(source, encoding="utf-8") as handle:
        words = {line.strip().lower() for line in handle if line.strip() and not line.startswith("#")}
    return frozenset(words | {w.lower() for w in extra})


#: The shipped list: scikit-learn's English list plus contractions (see the data file).
STOPWORDS: frozenset[str] = load_stopwords()
