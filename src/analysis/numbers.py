"""Find the figures in a sentence: how many, and how firmly the text says it.

:func:`find_figures` reads digits ("100", "1,500", "1.5 million"), number words
("three", "fifty-two", "a hundred"), vague amounts ("several", "dozens",
"scores of", "hundreds", "several hundred"), ranges ("30 to 40", "30 or 40") and
the words that bound them ("at least", "more than", "up to", "around"). Each
figure gets a lower and an upper bound and a qualifier, following the value
table of ``data/annotations/CLAIMS_GUIDE.md``:

============================================  ===========  =====  =====
text                                          qualifier    low    high
============================================  ===========  =====  =====
"three", "100"                                exact        3      3
"about / around / approximately / nearly 100" approximate  100    100
"at least 3"                                  lower_bound  3
"more than 100", "over a hundred"             lower_bound  101
"up to 100"                                   upper_bound         100
"30 to 40", "30 or 40", "around 30 or 40"     range        30     40
"several" / "dozens" / "scores of"            vague        3/24/40
"hundreds" / "several hundred"                vague        200/300
============================================  ===========  =====  =====

Numbers that do not count anything are left out: dates, years, decades, times,
durations, ages, street and phone numbers, money, percentages, measures,
ordinals, list numbering and labels ("Article 58").

Why not a library? ``numerizer`` turns "hundreds" into "100s" and "several
hundred" into "several100"; ``word2number`` reads "over a hundred and death of
three" as 300 and rejects "hundreds"; ``text2num`` reads "hundreds" as 100 and
rejects "a hundred". None keeps character offsets. The parser here is small and
does.

Examples
--------
>>> [(f.stated, f.low, f.high, f.qualifier) for f in find_figures(
...     "the detention of over a hundred and death of three men")]
[('over a hundred', 101, None, 'lower_bound'), ('three', 3, 3, 'exact')]
>>> find_figures("Posted April 13, 2017, at 996 Kadyrov Street")
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import normalize_for_matching, original_span, without_invisible

__all__ = ["Figure", "find_figures", "may_hold_figures", "opens_a_measure", "opens_a_number", "parse_number",
           "word_tokens"]

UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
          "mln": 10**6, "bln": 10**9}
#: Scales written onto the digits ("1.5m people", "1.2mn", "2bn"); "k" is left out: "10k" is a race or money.
ATTACHED_SCALES = {"m": 10**6, "mn": 10**6, "mln": 10**6, "bn": 10**9, "bln": 10**9}
_ATTACHED = "|".join(sorted(ATTACHED_SCALES, key=len, reverse=True))  # longest first: "mln" before "m"
#: Digits grouped by thousands, with commas or single spaces ("2,000,000", "2 000 000"): one number.
_GROUPED_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+")
#: Vague amounts and the lower bound the claims guide gives them.
VAGUE = {"several": 3, "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000,
         "millions": 2 * 10**6, "tens": 20}

# Words before a figure that bound it: (qualifier, shift added to the value).
PREFIXES = {
    ("at", "least"): ("lower_bound", 0), ("no", "fewer", "than"): ("lower_bound", 0),
    ("no", "less", "than"): ("lower_bound", 0), ("not", "less", "than"): ("lower_bound", 0),
    ("a", "minimum", "of"): ("lower_bound", 0),
    ("more", "than"): ("lower_bound", 1), ("over",): ("lower_bound", 1),
    ("upwards", "of"): ("lower_bound", 1), ("in", "excess", "of"): ("lower_bound", 1),
    ("up", "to"): ("upper_bound", 0), ("as", "many", "as"): ("upper_bound", 0),
    ("as", "high", "as"): ("upper_bound", 0),
    ("no", "more", "than"): ("upper_bound", 0), ("at", "most"): ("upper_bound", 0),
    ("fewer", "than"): ("upper_bound", -1), ("less", "than"): ("upper_bound", -1),
    ("under",): ("upper_bound", -1),
    ("about",): ("approximate", 0), ("around",): ("approximate", 0),
    ("approximately",): ("approximate", 0), ("approx",): ("approximate", 0),
    ("nearly",): ("approximate", 0), ("almost",): ("approximate", 0),
    ("roughly",): ("approximate", 0), ("some",): ("approximate", 0),
    ("an", "estimated"): ("approximate", 0), ("estimated",): ("approximate", 0),
    ("close", "to"): ("approximate", 0), ("circa",): ("approximate", 0),
}
SUFFIXES = {("or", "more"): "lower_bound", ("or", "so"): "approximate",
            ("or", "fewer"): "upper_bound", ("or", "less"): "upper_bound", ("-", "plus"): "lower_bound"}
RANGE_WORDS = {"to", "or", "-"}
_PREFIXES_LONGEST_FIRST = sorted(PREFIXES.items(), key=lambda item: -len(item[0]))
# the same, by their last word: only the phrases ending in the word before a number can stand before it
_PREFIXES_BY_LAST_WORD: dict[str, list] = {}
for _item in _PREFIXES_LONGEST_FIRST:
    _PREFIXES_BY_LAST_WORD.setdefault(_item[0][-1], []).append(_item)
# the first words of the qualifiers: capitalised, they open a sentence ("(AP) — At least 61"), not a name
_QUALIFIER_WORDS = frozenset(words[0] for words in PREFIXES)
#: Words between a bound (or a verb) and its number that add the number to others or sum them up: "at least
#: another 20", "more than a further 100", "up to a total of 1,000", "detained an additional 20".
FILLERS = (("a", "total", "of"), ("a", "further"), ("an", "additional"), ("an", "extra"), ("another",),
           ("further",))

MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
          "sep", "sept", "oct", "nov", "dec"}
#: Nouns that make a number a duration, a sum of money, a share or a measure.
NOT_COUNTS = {
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "decade", "decades", "century", "centuries", "night",
    "nights", "weekend", "weekends", "times", "o'clock", "am", "pm", "gmt", "utc", "hrs",
    "dollar", "dollars", "dlrs", "dlr", "cent", "cents", "euro", "euros", "pound", "pounds",
    "pence", "ruble", "rubles", "rouble", "roubles", "yen", "yuan", "franc", "francs", "marks",
    "rupees", "dinars", "usd", "eur", "gbp", "stg", "pct", "percent", "percentage",
    "pesos", "peso", "lire", "lira", "riyals", "rials", "shekels", "kroner", "kronor", "crowns", "baht", "ringgit",
    "rand", "naira", "cruzados", "cruzeiros", "australes", "drachmas", "escudos", "pesetas", "guilders", "schillings",
    "km", "kilometres", "kilometers", "miles", "metres", "meters", "feet", "foot", "inches",
    "kg", "kilos", "kilograms", "tonnes", "tons", "lbs", "litres", "liters", "barrels",
    "acres", "hectares", "degrees", "shares", "points", "votes",
}
#: Units after a number that make it a time or a distance ("killed 30 km north of the capital", "injured 10 days
#: ago"): an adjunct of the verb before it, not its object.
TIME_AND_DISTANCE = {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
                     "month", "months", "year", "years", "decade", "decades", "night", "nights", "km", "kms",
                     "kilometres", "kilometers", "mile", "miles", "metres", "meters", "feet", "foot", "yards"}
CURRENCY_SIGNS = set("$£€¥₽₹")
#: The largest figure read: more people than have ever lived is no count, and a longer number is a code or a
#: dump ("999...9" of 5,000 digits); past it a number is left out rather than read wrong.
MAX_VALUE = 10**11
MAX_DIGITS = len(str(MAX_VALUE))
#: Tokens either side of a capitalised number word that must all be capitals for a headline ("BLAST KILLS ONE").
CAPITALS_WINDOW = 6
STREET_WORDS = {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane",
                "drive", "way", "square", "place", "highway", "prospekt", "prospect",
                "embankment", "terrace", "alley", "plaza", "ulitsa"}
#: Words after which a number is a label, not a count ("Article 58", "No. 5").
LABELS = {"no", "number", "nos", "#", "article", "articles", "section", "chapter", "paragraph",
          "clause", "flight", "room", "page", "route", "platform", "ward", "cell", "camp",
          "prison", "colony", "floor", "apartment", "episode", "season", "volume", "phase",
          "district", "precinct", "zone", "resolution", "version", "aged", "age", "ages"}


@dataclass(frozen=True)
class Figure:
    """A figure found in a text.

    ``start``/``end`` are character offsets of ``stated`` in the text searched;
    ``first``/``last`` are the indices of its first and one-past-last tokens in
    :func:`word_tokens` of that text. ``low``/``high`` are None when open.
    """

    start: int
    end: int
    low: int | None
    high: int | None
    qualifier: str
    stated: str
    first: int
    last: int


#: Words a number in words can start with ("a hundred", "several", "twenty-one" is checked apart).
_NUMBER_STARTS = frozenset({*UNITS, *TENS, *SCALES, *VAGUE, "a", "an", "half", "½"})
# digits grouped by single spaces ("2 000", and "2\u00a0000" after normalising) are one number
_TOKEN = re.compile(rf"\d{{1,3}}(?: \d{{3}})+(?![\d.,])|\d+(?:\.\d+)?(?:{_ATTACHED})(?![^\W_])|\d+(?:[.,]\d+)*"
                    r"|[^\W\d_]+(?:['-][^\W\d_]+)*|\S")
# only a number grouped by spaces makes a token with a space in it, and it holds a digit, a space and a digit
_SPACE_IN_NUMBER = re.compile(r"\d \d")
# an em dash separates words ("men—reportedly"); an en dash joins a range ("30–40")
_DASHES_AS_SPACE = str.maketrans({"\u2014": " ", "\u2015": " "})
# the words a number can start with; each is one run of word characters, so a text holds one when one of
# its runs of word characters is one (a set lookup per run: one regex of all of them is several times slower)
_NUMBER_WORDS = frozenset({*UNITS, *TENS, *SCALES, *VAGUE})
_DIGIT = re.compile(r"\d")
_WORD_RUN = re.compile(r"\w+")


def word_tokens(text: str) -> list[tuple[str, int, int]]:
    """``(lowercase token, start, end)`` for the words, numbers and punctuation of ``text``.

    Quotes and dashes are normalised first (an em dash separates words), so offsets are
    those of ``text``.

    >>> [t for t, a, b in word_tokens("At least 1,500 men—reportedly.")]
    ['at', 'least', '1,500', 'men', 'reportedly', '.']
    >>> word_tokens("30\u200b0 men")  # an invisible character inside a word is read past, offsets kept
    [('300', 0, 4), ('men', 5, 8)]
    >>> [t for t, a, b in word_tokens("2\u00a0000 fled on March 12 100 km away")]
    ['2 000', 'fled', 'on', 'march', '12', '100', 'km', 'away']
    """
    plain, kept = without_invisible(normalize_for_matching(text.translate(_DASHES_AS_SPACE)))
    spans = [m.span() for m in _TOKEN.finditer(plain)]
    if _SPACE_IN_NUMBER.search(plain):  # some token may be a space-grouped number ("2 000")
        spans = _ungrouped_after_months(plain, spans)
    if kept is None:
        return [(plain[a:b].lower(), a, b) for a, b in spans]
    return [(plain[a:b].lower(), *original_span(kept, a, b)) for a, b in spans]


def _ungrouped_after_months(plain: str, spans):
    """Split a space-grouped number again after a month ("March 12 100 people" is a date and a count)."""
    out = []
    for a, b in spans:
        if " " in plain[a:b] and out and plain[out[-1][0]:out[-1][1]].lower() in MONTHS:
            out.extend((m.start() + a, m.end() + a) for m in re.finditer(r"\d+", plain[a:b]))
        else:
            out.append((a, b))
    return out


def parse_number(words: str) -> int | None:
    """The value of a number written in digits or words, or None.

    >>> parse_number("fifty-two"), parse_number("a hundred"), parse_number("1,500")
    (52, 100, 1500)
    >>> parse_number("one hundred and five"), parse_number("1.5 million"), parse_number("dozens")
    (105, 1500000, None)
    """
    tokens = [t for t, _, _ in word_tokens(words)]
    found = _quantity(tokens, 0)
    if found is None or found[2] != len(tokens) or found[1] != "exact":
        return None
    return found[0]


def opens_a_number(words: list[str], i: int) -> bool:
    """Whether the lowercase words from ``i`` start with a number, after any qualifier: counted or not.

    >>> [opens_a_number("captured about 25 pct".split(), 1), opens_a_number("killed at least two".split(), 1)]
    [True, True]
    >>> [opens_a_number("killed some people".split(), 1), opens_a_number("killed".split(), 1)]
    [False, False]
    """
    return _number_start(words, i) is not None


def opens_a_measure(words: list[str], i: int) -> bool:
    """Whether the words from ``i`` are a number of :data:`TIME_AND_DISTANCE` units: where or when, not whom.

    >>> opens_a_measure("killed 30 km north".split(), 1), opens_a_measure("killed 30 people".split(), 1)
    (True, False)
    """
    k = _number_start(words, i)
    if k is None:
        return False
    while k < len(words) and (words[k][:1].isdigit() or words[k] in _NUMBER_WORDS or words[k] == "-"):
        k += 1
    # "held 24 hours of strikes": a quantity of something, which can be an object
    return k < len(words) and words[k] in TIME_AND_DISTANCE and words[k + 1:k + 2] != ["of"]


def _number_start(words, i) -> int | None:
    """The index of the number the words from ``i`` open, after any qualifier, or None."""
    for phrase, _ in _PREFIXES_LONGEST_FIRST:
        if tuple(words[i:i + len(phrase)]) == phrase:
            i += len(phrase)
            break
    word = words[i] if i < len(words) else ""
    return i if word[:1].isdigit() or word in _NUMBER_WORDS else None


def may_hold_figures(text: str) -> bool:
    """Whether ``text`` has a digit or a number word: without one, :func:`find_figures` finds nothing.

    >>> may_hold_figures("Dozens were held"), may_hold_figures("Nobody was held")
    (True, False)
    """
    return _DIGIT.search(text) is not None or not _NUMBER_WORDS.isdisjoint(_WORD_RUN.findall(text.lower()))


def find_figures(text: str, tokens: list[tuple[str, int, int]] | None = None) -> list[Figure]:
    """Every figure in ``text`` that counts something, with its bounds.

    Parameters
    ----------
    text : str
        A sentence (or any text; a line start is read as a sentence start).
    tokens : list, optional
        ``word_tokens(text)``, when the caller has them already.

    Returns
    -------
    list of Figure
        In text order. Two figures in one sentence are two items.

    Examples
    --------
    >>> [(f.stated, f.low, f.high, f.qualifier) for f in find_figures(
    ...     "people are kept altogether, around 30 or 40, for several weeks")]
    [('around 30 or 40', 30, 40, 'range')]
    """
    if not may_hold_figures(text):
        return []
    norm = normalize_for_matching(text)
    tokens = word_tokens(text) if tokens is None else tokens
    words = [t for t, _, _ in tokens]
    figures = []
    k = 0
    while k < len(words):
        w = words[k]
        if not (w[0].isdigit() or w in _NUMBER_STARTS or "-" in w and w.split("-", 1)[0] in TENS):
            k += 1  # most words start no number: skip the parser
            continue
        found = _figure_at(words, k)
        if found is None:
            k += 1
            if not w[0].isdigit() and w not in VAGUE:  # "one hundred and one hundred": no part of it is read
                while k < len(words) and (words[k] in UNITS or words[k] in TENS or words[k] in SCALES
                                          or words[k] == "and" and k + 1 < len(words) and words[k + 1] in UNITS):
                    k += 1
            continue
        first, last, low, high, qualifier = found
        if not _is_not_a_count(norm, tokens, first, last, words):
            start, end = tokens[first][1], tokens[last - 1][2]
            figures.append(Figure(start, end, low, high, qualifier, text[start:end], first, last))
        k = last
    return figures


# ------------------------------------------------------------------ parsing


def _quantity(words, k):
    """``(value, 'exact' | 'vague' | 'decimal', end)`` for a number starting at ``k``."""
    if k >= len(words):
        return None
    w = words[k]
    if w[0].isdigit():
        return _digits(words, k)
    if w in VAGUE:
        return _vague(words, k)
    if w in ("a", "an") and k + 1 < len(words) and words[k + 1] in SCALES:
        return _words(words, k + 1, start_value=1)
    if w in ("half", "½") and words[k + 1:k + 3] == ["a", "dozen"]:
        return 6, "exact", k + 3  # "half a dozen"
    if w in ("half", "½") and k + 2 < len(words) and words[k + 1] == "a" and SCALES.get(words[k + 2], 0) >= 1000:
        return SCALES[words[k + 2]] // 2, "exact", k + 3  # "half a million"
    if w in UNITS or w in TENS or _hyphenated(w) is not None:
        return _words(words, k)
    return None


def _digits(words, k):
    w = words[k]
    if sum(ch.isdigit() for ch in w) > MAX_DIGITS:
        return None  # a code or a dump, not a count (and int() of 5,000 digits raises)
    if _GROUPED_THOUSANDS.fullmatch(w) or re.fullmatch(r"\d+", w):
        value, kind = int(w.replace(",", "").replace(" ", "")), "exact"
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", w) and not (k + 1 < len(words) and words[k + 1] in SCALES):
        value, kind = int(w.replace(".", "")), "exact"  # "5.000 people": a dot between thousands
    elif re.fullmatch(r"\d+\.\d+", w):
        value, kind = float(w), "decimal"
    elif (attached := re.fullmatch(rf"(\d+(?:\.\d+)?)({_ATTACHED})", w)) is not None:
        value, kind = round(float(attached.group(1)) * ATTACHED_SCALES[attached.group(2)]), "exact"  # "1.5m people"
    else:
        return None
    end = k + 1
    while end < len(words) and words[end] in SCALES and (words[end] != "dozen" or kind == "exact" and value < 100):
        value, kind, end = value * SCALES[words[end]], "exact", end + 1  # "1.5 million", "3 dozen"
        if value > MAX_VALUE:
            return None
    return (int(value) if kind == "exact" else value), kind, end


def _hyphenated(w):
    parts = w.split("-")
    if len(parts) == 2 and parts[0] in TENS and parts[1] in UNITS and UNITS[parts[1]] < 10:
        return TENS[parts[0]] + UNITS[parts[1]]
    return None


def _words(words, k, start_value=0):
    """Number words from ``k``: "three", "fifty-two", "one hundred and five", "two dozen"."""
    total, current, end = 0, start_value, k
    previous = "scale" if start_value else None  # what the last word was
    joined = False  # an "and" has joined the last units: no scale may follow
    while end < len(words):
        w = words[end]
        small = UNITS.get(w) or TENS.get(w) or _hyphenated(w)
        nxt = words[end + 1] if end + 1 < len(words) else ""
        if small is not None and previous in (None, "scale", "and"):
            current += small
            previous = "tens" if w in TENS else "unit"
        elif w in UNITS and UNITS[w] < 10 and previous == "tens":
            current += UNITS[w]  # "twenty three"
            previous = "unit"
        elif w in SCALES and previous != "and":
            if joined:
                return None  # "one hundred and one hundred": no reading, so none
            if previous == "scale" and current == 0 and SCALES[w] >= 1000:
                total *= SCALES[w]  # "a million million"
            elif SCALES[w] >= 1000:
                total, current = total + max(current, 1) * SCALES[w], 0
            else:
                current = max(current, 1) * SCALES[w]
            previous = "scale"
        elif w == "and" and previous == "scale" and (nxt in UNITS or nxt in TENS or _hyphenated(nxt)):
            previous, joined = "and", True  # "one hundred and five"; not "a hundred and death of three"
        else:
            break
        if total + current > MAX_VALUE:
            return None  # "one hundred and" 200 times: no count of people
        end += 1
    if end == k:
        return None
    return total + current, "exact", end


def _vague(words, k):
    w, end = words[k], k + 1
    following = words[end] if end < len(words) else ""
    if w == "several":
        if following in ("hundred", "thousand", "million", "dozen"):
            return 3 * SCALES[following], "vague", end + 1
        return 3, "vague", end
    if w == "scores" and following != "of":
        return None  # "test scores", "scores a goal"
    value = VAGUE[w]
    # "hundreds of thousands", "tens of thousands"
    if following == "of" and end + 1 < len(words) and words[end + 1] in ("thousands", "millions"):
        return value * VAGUE[words[end + 1]] // 2, "vague", end + 2
    return value, "vague", end


def _figure_at(words, k):
    """``(first, last, low, high, qualifier)`` of a figure whose number starts at ``k``."""
    q = _quantity(words, k)
    if q is None:
        return None
    value, kind, end = q
    if kind == "decimal":
        return None  # "3.5" counts no people; "3.5 million" has become exact above
    first, qualifier, shift = k, ("vague" if kind == "vague" else "exact"), 0
    # "at least another 20", "more than a further 100", "up to a total of 1,000": the bound reads past them
    at = k
    for filler in FILLERS:
        if k >= len(filler) and tuple(words[k - len(filler):k]) == filler:
            at = k - len(filler)
            break
    for phrase, (qual, sh) in _PREFIXES_BY_LAST_WORD.get(words[at - 1], ()) if at else ():
        n = len(phrase)
        if at - n >= 0 and tuple(words[at - n:at]) == phrase:
            if phrase == ("some",) and kind == "vague":
                continue
            first, shift = at - n, sh
            if kind != "vague":
                qualifier = qual
            break
    between = first >= 1 and words[first - 1] == "between"
    # range: "30 to 40", "30 or 40", "30-40", "between 30 and 40"
    if kind == "exact" and end + 1 < len(words) and (
            words[end] in RANGE_WORDS or between and words[end] == "and"):
        q2 = _quantity(words, end + 1)
        low = value
        if q2 is not None and q2[1] == "exact":
            scale = SCALES.get(words[q2[2] - 1], 1)
            if words[end - 1] not in SCALES and low < scale and low * scale <= q2[0]:
                low *= scale  # "two to three hundred", "30 or 40 thousand": the scale belongs to both
        if q2 is not None and q2[1] == "exact" and q2[0] > low:
            return (first - 1 if between else first), q2[2], low, q2[0], "range"
    suffix = SUFFIXES.get(tuple(words[end:end + 2])) if kind == "exact" else None
    if suffix is not None:  # every suffix is two words, part of the figure; a bound outranks "some", "about"
        qualifier, end = (suffix if qualifier in ("exact", "approximate") else qualifier), end + 2
    if qualifier == "lower_bound":
        return first, end, value + shift, None, qualifier
    if qualifier == "upper_bound":
        return first, end, None, value + shift, qualifier
    if qualifier == "vague":
        return first, end, value, None, qualifier
    return first, end, value, value, qualifier


# ------------------------------------------------------------ not a count


def _is_not_a_count(norm, tokens, first, last, words) -> bool:
    """True for dates, years, times, ages, addresses, phones, money, measures, labels."""
    before = words[first - 1] if first > 0 else ""
    after = words[last] if last < len(words) else ""
    start, end = tokens[first][1], tokens[last - 1][2]
    for i in range(first, last):
        if not words[i][0].isdigit():
            continue
        a, b = tokens[i][1], tokens[i][2]
        left = norm[a - 1] if a > 0 else " "
        right = norm[b] if b < len(norm) else " "
        if left.isalpha() or right.isalpha() or left in "+'/:#.^" or right in "/:%^":
            return True  # 1930s, 5th, 10am, G20, +7, '90s, 1/2, 10:30, 50%, 10^6 (a power: not read)
        plus = re.match(r"-plus\b", norm[b:b + 6], re.IGNORECASE)  # "17,000-plus people": a lower bound
        if right == "-" and norm[b + 1:b + 2].isalpha() and not plus or left == "-" and norm[a - 2:a - 1].isalpha():
            return True  # 25-year-old, a 3-day trial, COVID-19
        if re.fullmatch(r"\d{4}", words[i]) and 1800 <= int(words[i]) <= 2100:
            return True  # a year (write 2,000 for a count)
        ca, cb = _hyphen_chain(norm, a, b)
        if len(re.sub(r"\D", "", norm[ca:cb])) >= 7 and not (
                (ca, cb) == (a, b) and _GROUPED_THOUSANDS.fullmatch(words[i])):
            return True  # a phone number: 88005557374, 555-1234 (not 2,000,000 or 2 000 000, grouped by thousands)
        if (ca, cb) != (a, b) and not (start <= ca and cb <= end):
            return True  # joined to digits outside the figure: a score 3-1, a code 12-4-7
    if first > 0 and words[first][0].isalpha() and words[first] not in _QUALIFIER_WORDS \
            and norm[start:start + 1].isupper() and words[first - 1] not in (".", '"', ":", "(", ")") \
            and not _is_capitalised_line(norm, tokens, first):
        return True  # "Group of Seven", "the Big Three": a name (not "(AP) — At least 61 migrants")
    if norm[start - 1:start] in CURRENCY_SIGNS or before in ("us", "usd", "rs", "eur", "gbp"):
        return True
    if _is_month(norm, tokens, first - 1) and _may_be_a_day(words, first, last) or _is_month(norm, tokens, last):
        return True  # April 13, 13 April (not "In March 40 people died")
    if before in LABELS or before == "(" and after == ")":
        return True  # Article 58, aged 25, (25)
    if _digit_run(tokens, first, last) or _is_age_after_name(tokens, norm, first, last):
        return True  # 8 800 555; "John Smith, 25, said"
    if (first == 0 or "\n" in norm[tokens[first - 1][2]:start] and _ends_a_line_of_its_own(norm, tokens, first)) \
            and after in (".", ")") and words[first][0].isdigit():
        return True  # list numbering "1." "2)", not a hard-wrapped sentence's last figure ("... the toll to\n192.")
    if re.match(r"\s*[ap]\.?m\b", norm[end:end + 6], re.IGNORECASE):
        return True  # 3 p.m.
    if before in ("for", "every") and _is_ratio(words, first):
        return True  # "one new share for every three held": a ratio
    if _opens_a_ratio(words, last):
        return True  # "one for five": the first number of a ratio
    if before == "and" and _second_of_a_range_of_things(words, first):
        return True  # "between 30,000 stg and 50,000": the unit is said once
    if _first_of_a_pair_of_things(words, last):
        return True  # "treated for 11 and seven months": the unit is said once, after the second
    k = last + (1 if after == "of" else 0)  # "thousands of rubles"
    for j in range(k, min(k + 2, len(words))):
        if words[j] in NOT_COUNTS:
            return True
        if not words[j].isalpha():
            break
    # a house number is written in digits: "996 Kadyrov Street", not "Sixteen Wall Street stockbrokers"
    return (words[last - 1][0].isdigit() and _is_street(tokens, norm, last)) or norm[end:end + 1] in CURRENCY_SIGNS


def _is_ratio(words, first) -> bool:
    """"one for five", "one share for every three": the second number of a ratio."""
    j = first - 1
    if words[j] == "every":
        j -= 1
    if j < 1 or words[j] != "for":
        return False
    for k in range(j - 1, max(-1, j - 4), -1):  # "one new share for"
        if words[k][:1].isdigit() or words[k] in UNITS:
            return True
        if words[k] not in _RATIO_WORDS:
            return False
    return False


#: Words that may stand between the two numbers of a ratio ("one new share for every three").
_RATIO_WORDS = {"new", "share", "shares", "stock", "common", "bonus", "old"}


def _opens_a_ratio(words, last) -> bool:
    """"one for five", "one new share for every three": the first number of a ratio."""
    for k in range(last, min(last + 3, len(words) - 1)):
        if words[k] == "for":
            nxt = words[k + 2] if words[k + 1] == "every" and k + 2 < len(words) else words[k + 1]
            return nxt[:1].isdigit() or nxt in UNITS or nxt in TENS
        if words[k] not in _RATIO_WORDS:
            return False  # "12 men for 5 years" is no ratio
    return False


def _second_of_a_range_of_things(words, first) -> bool:
    """"between 30,000 stg and 50,000": a number after "and" whose partner has a unit of things."""
    for j in range(first - 2, max(0, first - 5), -1):
        if words[j] in NOT_COUNTS and j >= 2 and words[j - 1][:1].isdigit() and words[j - 2] == "between":
            return True
    return False


def _first_of_a_pair_of_things(words, last) -> bool:
    """"for 11 and seven months", "5 or 6 km": a number before "and"/"or" and a number whose unit is of things.

    >>> _first_of_a_pair_of_things(["for", "11", "and", "seven", "months"], 2)
    True
    >>> _first_of_a_pair_of_things(["11", "and", "seven", "men"], 1)
    False
    """
    if last + 2 >= len(words) or words[last] not in ("and", "or"):
        return False
    second = words[last + 1]
    if not (second[:1].isdigit() or second in _NUMBER_WORDS):
        return False
    return words[last + 2] in NOT_COUNTS


def _hyphen_chain(norm, a, b) -> tuple[int, int]:
    """Span of the digits joined to ``norm[a:b]`` by hyphens or dots, no spaces: "1942-46"."""
    while a >= 2 and norm[a - 1] in "-." and norm[a - 2].isdigit():
        a -= 2
        while a > 0 and norm[a - 1].isdigit():
            a -= 1
    while b + 1 < len(norm) and norm[b] in "-." and norm[b + 1].isdigit():
        b += 2
        while b < len(norm) and norm[b].isdigit():
            b += 1
    return a, b


def _may_be_a_day(words, first, last) -> bool:
    """Whether the words ``first:last`` after a month can be its day: one number of 1 to 31, or not digits."""
    digits = words[first].replace(",", "")
    return last - first != 1 or not digits.isdigit() or 1 <= int(digits) <= 31


def _is_month(norm, tokens, i) -> bool:
    """A month name; lowercase "may" and "march" are verbs."""
    if not 0 <= i < len(tokens):
        return False
    word = norm[tokens[i][1]:tokens[i][2]]
    return tokens[i][0] in MONTHS and (word[:1].isupper() or tokens[i][0] not in ("may", "march"))


def _ends_a_line_of_its_own(norm: str, tokens, first: int) -> bool:
    """The line before token ``first`` ends a sentence or a list item (or a blank line comes between):
    what stands before a list number, where a hard-wrapped sentence runs on mid-clause."""
    end = tokens[first - 1][2]
    return "\n\n" in norm[end:tokens[first][1]] or norm[end - 1:end] in (".", ":", ";", "!", "?", ")", '"')


def _is_capitalised_line(norm, tokens, first) -> bool:
    """Headline case: the words around are capitalised too ("Police Arrest Three Men", "BLAST KILLS ONE")."""
    window = tokens[max(0, first - CAPITALS_WINDOW):first + CAPITALS_WINDOW]
    if not any(ch.islower() for _, a, b in window for ch in norm[a:b]):
        return True
    near = [norm[a:b] for _, a, b in tokens[max(0, first - 3):first + 4] if b - a > 3 and norm[a:a + 1].isalpha()]
    return len(near) >= 3 and all(w[:1].isupper() for w in near)


def _digit_run(tokens, first, last) -> bool:
    """Digits next to more digits with only a space between: a phone, a code or a row of a table
    ("8 800 555 35 35", "4,500 4,300 4,095")."""
    if first > 0 and tokens[first][0][0].isdigit() and tokens[first - 1][0][0].isdigit() \
            and tokens[first][1] - tokens[first - 1][2] <= 1:
        return True
    if last >= len(tokens) or not tokens[last - 1][0][0].isdigit():
        return False
    nxt = tokens[last]
    return nxt[0][0].isdigit() and nxt[1] - tokens[last - 1][2] <= 1


def _is_age_after_name(tokens, norm, first, last) -> bool:
    """"John Smith, 25, said": a bare number between commas after a name."""
    if first < 2 or last >= len(tokens) or last - first != 1 or not tokens[first][0].isdigit():
        return False
    name = norm[tokens[first - 2][1]:tokens[first - 2][2]]
    return tokens[first - 1][0] == "," and tokens[last][0] == "," and name[:1].isupper()


def _is_street(tokens, norm, last) -> bool:
    """"996 Kadyrov Street": capitalised words then a street word."""
    for j in range(last, min(last + 4, len(tokens))):
        word = norm[tokens[j][1]:tokens[j][2]]
        if not word[:1].isupper():
            return False
        if j > last and tokens[j][0].rstrip(".") in STREET_WORDS:
            return True
    return False
