"""Figures in text: values, bounds and qualifiers, and the numbers that count nothing."""

from __future__ import annotations

import pytest

from analysis.numbers import find_figures, may_hold_figures, parse_number


def figures(text):
    return [(f.stated, f.low, f.high, f.qualifier) for f in find_figures(text)]


# every row of the value table in data/annotations/CLAIMS_GUIDE.md, and a few more
@pytest.mark.parametrize("text, stated, low, high, qualifier", [
    ("three men", "three", 3, 3, "exact"),
    ("two to three hundred men", "two to three hundred", 200, 300, "range"),
    ("30 or 40 thousand people", "30 or 40 thousand", 30000, 40000, "range"),
    ("between two and three thousand people", "between two and three thousand", 2000, 3000, "range"),
    ("two or three dozen men", "two or three dozen", 24, 36, "range"),
    ("2 to 300 men", "2 to 300", 2, 300, "range"),  # no scale word to share
    ("100 men", "100", 100, 100, "exact"),
    ("2,000,000 men", "2,000,000", 2000000, 2000000, "exact"),  # seven digits grouped by thousands: no phone
    ("2 000 men", "2 000", 2000, 2000, "exact"),  # grouped by spaces
    ("some 1.5m men", "some 1.5m", 1500000, 1500000, "approximate"),  # a scale written onto the digits
    ("more than four mln men", "more than four mln", 4000001, None, "lower_bound"),  # a word number and "mln"
    ("TRIPOLI (AP) — At least 61 men", "At least 61", 61, None, "lower_bound"),  # a capital after a dateline
    ("0.29mn men", "0.29mn", 290000, 290000, "exact"),
    ("2\u00a0000 men", "2\u00a0000", 2000, 2000, "exact"),  # by a no-break space
    ("more than 1 500 000 men", "more than 1 500 000", 1500001, None, "lower_bound"),
    ("about 100 men", "about 100", 100, 100, "approximate"),
    ("around 100 men", "around 100", 100, 100, "approximate"),
    ("approximately 100 men", "approximately 100", 100, 100, "approximate"),
    ("nearly 100 men", "nearly 100", 100, 100, "approximate"),
    ("at least 3 men", "at least 3", 3, None, "lower_bound"),
    ("more than 100 men", "more than 100", 101, None, "lower_bound"),
    ("the detention of over a hundred", "over a hundred", 101, None, "lower_bound"),
    ("up to 100 men", "up to 100", None, 100, "upper_bound"),
    ("30 to 40 individuals", "30 to 40", 30, 40, "range"),
    ("30 or 40 men", "30 or 40", 30, 40, "range"),
    ("kept altogether, around 30 or 40", "around 30 or 40", 30, 40, "range"),
    ("several camps", "several", 3, None, "vague"),
    ("dozens of men", "dozens", 24, None, "vague"),
    ("scores of men", "scores", 40, None, "vague"),
    ("hundreds of men", "hundreds", 200, None, "vague"),
    ("several hundred men", "several hundred", 300, None, "vague"),
    # beyond the table
    ("1,500 people", "1,500", 1500, 1500, "exact"),
    ("1.5 million people", "1.5 million", 1_500_000, 1_500_000, "exact"),
    ("fifty-two men", "fifty-two", 52, 52, "exact"),
    ("one hundred and five men", "one hundred and five", 105, 105, "exact"),
    ("a dozen men", "a dozen", 12, 12, "exact"),
    ("between 30 and 40 men", "between 30 and 40", 30, 40, "range"),
    ("30-40 men", "30-40", 30, 40, "range"),
    ("fewer than 100 men", "fewer than 100", None, 99, "upper_bound"),
    ("100 or more men", "100 or more", 100, None, "lower_bound"),
    ("17,000-plus people", "17,000-plus", 17000, None, "lower_bound"),
    ("some 300-plus people", "some 300-plus", 300, None, "lower_bound"),
    ("about 50 or fewer people", "about 50 or fewer", None, 50, "upper_bound"),
    ("some 300 people", "some 300", 300, 300, "approximate"),
    ("tens of thousands of people", "tens of thousands", 20_000, None, "vague"),
    # guide version 2
    ("TWO HUNDRED PEOPLE RESCUED", "TWO HUNDRED", 200, 200, "exact"),
    ("some 6000 people", "some 6000", 6000, 6000, "approximate"),
    ("more than 5.000 people", "more than 5.000", 5001, None, "lower_bound"),
    ("as many as 50 people", "as many as 50", None, 50, "upper_bound"),
    ("as high as 500 dead", "as high as 500", None, 500, "upper_bound"),
    ("at least another 20 dead", "at least another 20", 20, None, "lower_bound"),
    ("up to a total of 1,000 people", "up to a total of 1,000", None, 1000, "upper_bound"),
    ("an estimated 25,000 homeless", "an estimated 25,000", 25000, 25000, "approximate"),
    ("thousands of people", "thousands", 2000, None, "vague"),
    ("hundreds of thousands of people", "hundreds of thousands", 200_000, None, "vague"),
    ("millions of people", "millions", 2_000_000, None, "vague"),
    ("BLAST KILLS ONE", "ONE", 1, 1, "exact"),
    # a number word before a street's name is no house number
    ("Sixteen Wall Street stockbrokers were charged", "Sixteen", 16, 16, "exact"),
])
def test_value_table(text, stated, low, high, qualifier):
    assert figures(text) == [(stated, low, high, qualifier)]


def test_two_figures_in_one_sentence_are_two_items_with_offsets():
    text = "an effort which resulted to the detention of over a hundred and death of three men."
    found = find_figures(text)
    assert [(f.stated, f.low, f.qualifier) for f in found] == [
        ("over a hundred", 101, "lower_bound"), ("three", 3, "exact")]
    assert all(text[f.start:f.end] == f.stated for f in found)


# every kind of number that is not a figure (CLAIMS_GUIDE "Not claims" and "Distractors")
@pytest.mark.parametrize("kind, text", [
    ("date", "Posted April 13, 2017"),
    ("date", "on december 31 the men"),
    ("year", "a campaign that began in 2017"),
    ("decade", "the first camp since Hitler's in the 1930s"),
    ("year range", "interred by the US government from 1942-46"),
    ("time", "detained at 10:30 on Monday"),
    ("time", "released at 3 p.m. yesterday"),
    ("duration", "For several weeks now"),
    ("duration", "held for three days"),
    ("frequency", "beaten three times"),
    ("age", "a 25-year-old man"),
    ("age", "the men, aged 20, were freed"),
    ("age", "John Smith, 25, was arrested"),
    ("street number", "located at 996 Kadyrov Street in Argun"),
    ("phone number", "call the LGBTI network on 88005557374"),
    ("phone number", "call 555-1234 for help"),
    ("phone number", "call 8 800 555 35 35 now"),
    ("a row of a table", "Feed 4,500 4,300 4,095 4,126"),
    ("money", "bribes of $5,000"),
    ("money", "thousands of rubles"),
    ("money", "paid 100 dollars"),
    ("percentage", "rose to 5%"),
    ("percentage", "up 5 per cent"),
    ("ordinal", "the 3rd camp"),
    ("ordinal", "the first camp and a second prison"),
    ("list numbering", "1. Mike"),
    ("label", "held under Article 58"),
    ("name", "talks held by the Group of Seven"),
    ("score", "won 3-1"),
    ("fraction", "1/2 of them"),
])
def test_not_a_figure(kind, text):
    assert figures(text) == [], kind


@pytest.mark.parametrize("words, value", [
    ("fifty-two", 52), ("a hundred", 100), ("1,500", 1500), ("one hundred and five", 105),
    ("two thousand five hundred", 2500), ("twenty three", 23), ("dozens", None), ("men", None),
])
def test_parse_number(words, value):
    assert parse_number(words) == value


def test_number_words_in_stopwords_are_still_read():
    # "three", "hundred", "over" are stopwords; figures are found before stopword removal
    assert figures("death of three men and over a hundred detained") == [
        ("three", 3, 3, "exact"), ("over a hundred", 101, None, "lower_bound")]


# issue 11, items 8 and 17: big, many and odd numbers are read correctly or not at all, never wrongly
@pytest.mark.parametrize("text, expected", [
    ("one hundred and " * 200 + "people died", []),  # OverflowError before; now no reading
    ("9" * 5000 + " people died", []),  # int() of 5,000 digits raised ValueError
    ("a million million people", []),  # more than MAX_VALUE: no count of people
    ("one hundred and one hundred people", []),  # no reading, and no part of it read either
    ("10^6 people died", []),  # a power is not read as 10 and 6
    ("About 3 dozen people died", [("About 3 dozen", 36, 36, "approximate")]),
    ("½ a dozen people died", [("½ a dozen", 6, 6, "exact")]),
    ("half a dozen people died", [("half a dozen", 6, 6, "exact")]),
    ("one hundred and five men", [("one hundred and five", 105, 105, "exact")]),
])
def test_big_and_odd_numbers(text, expected):
    assert figures(text) == expected


def test_many_numbers_in_one_text_take_linear_work():
    """Doubling the numbers doubles the tokens the parser visits (a count of work, not a timing)."""
    from analysis import numbers

    calls = []
    original = numbers._figure_at

    def counting(words, k):
        calls.append(k)
        return original(words, k)

    numbers._figure_at = counting
    try:
        for n in (500, 1000):
            numbers.find_figures(" ".join(f"{i + 3000} men," for i in range(n)))
    finally:
        numbers._figure_at = original
    assert len(calls) == 1500  # one parse per number, none per other word


@pytest.mark.parametrize("text, expected", [
    ("Dozens were held", True),
    ("THIRTY MINERS TRAPPED", True),
    ("the 3rd convoy", True),
    ("Nobody was held", False),
    ("someone left", False),          # "one" inside a word is no number
    ("forty-two men", True),
    ("tenfold", False),
    ("", False),
])
def test_may_hold_figures(text, expected):
    assert may_hold_figures(text) is expected


def test_number_words_are_single_word_runs():
    """may_hold_figures looks each run of word characters up; an entry with a space or hyphen would be missed."""
    import re

    from analysis.numbers import _NUMBER_WORDS

    assert all(re.fullmatch(r"\w+", w) for w in _NUMBER_WORDS)


def test_qualifier_tables_are_read_as_indexed():
    # find_figures looks suffixes up as two-word tuples and prefixes by their last word, longest first
    from analysis.numbers import _PREFIXES_BY_LAST_WORD, _PREFIXES_LONGEST_FIRST, PREFIXES, SUFFIXES

    assert all(len(phrase) == 2 for phrase in SUFFIXES)
    for last, items in _PREFIXES_BY_LAST_WORD.items():
        assert items == [item for item in _PREFIXES_LONGEST_FIRST if item[0][-1] == last]
    assert sum(map(len, _PREFIXES_BY_LAST_WORD.values())) == len(PREFIXES)
