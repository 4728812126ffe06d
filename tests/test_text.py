"""Sentence splitting, tokenizing, stopwords and stemming, with no NLTK data."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from analysis.text import (
    STOPWORDS,
    load_stopwords,
    normalize_for_matching,
    sentence_spans,
    sentences,
    stem,
    strip_possessive,
    token_runs,
    token_spans,
    tokenize,
)


@pytest.mark.parametrize("text, expected", [
    # a line break ends a sentence even without a full stop (headline, list item)
    ("Gay men detained in Chechnya\nAt least 100 men are held.",
     ["Gay men detained in Chechnya", "At least 100 men are held."]),
    ("First paragraph ends here.\n\nSecond one.", ["First paragraph ends here.", "Second one."]),
    # a quotation's ,” does not end the sentence; the next quotation starts a new one
    ("“Those who have escaped said they are detained in the same room and people are kept altogether, "
     "around 30 or 40,” she added. “They are tortured with electric currents.”",
     ["“Those who have escaped said they are detained in the same room and people are kept altogether, "
      "around 30 or 40,” she added.", "“They are tortured with electric currents.”"]),
    # ?” or !” followed by a lower-case word is not a boundary
    ("“Why?” she asked. “Because.”", ["“Why?” she asked.", "“Because.”"]),
    ("“Stop!” he shouted. Then he left.", ["“Stop!” he shouted.", "Then he left."]),
    # a numbered list line stays one item
    ("  1. Mike\n\n    Is there anything we can do?", ["1. Mike", "Is there anything we can do?"]),
    ("2) David\n10. Ten", ["2) David", "10. Ten"]),
    # abbreviations and initials
    ("Gov. Smith met Mr. Jones on Jan. 5 in the U.S. capital. They talked.",
     ["Gov. Smith met Mr. Jones on Jan. 5 in the U.S. capital.", "They talked."]),
    ("See Fig. 2 for details. It costs $3.5 million.", ["See Fig. 2 for details.", "It costs $3.5 million."]),
    ("", []),
    ("   \n\n  ", []),
])
def test_sentences(text, expected):
    assert sentences(text) == expected


def test_sentence_spans_point_into_the_text():
    text = "  Headline\n\nFirst one. “Second,” she said.  Third!\n"
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["Headline", "First one.", "“Second,” she said.", "Third!"]
    assert all(a < b for a, b in spans) and spans == sorted(spans)


def test_lines_without_sentence_end_characters_skip_punkt_with_its_result(seed_docs, monkeypatch):
    """A line with no . ? ! is one sentence without asking Punkt: the characters are Punkt's, the spans its."""
    import re

    from nltk.tokenize.punkt import PunktLanguageVars

    from analysis import text as text_module

    assert set(text_module._PUNKT_ENDS.pattern.strip("[]")) == set(PunktLanguageVars.sent_end_chars)
    texts = seed_docs["raw_text"].tolist() + [
        "Headline without a stop\n   \n\tIndented line, no end  \nEnds here.\n“Quoted” — and dashed ”\n",
        "no end at all", "  ", "Wrapped line that is long enough to continue on the\nnext one without a stop",
    ]
    skipped = [sentence_spans(t) for t in texts]
    monkeypatch.setattr(text_module, "_PUNKT_ENDS", re.compile(""))  # every line through Punkt
    assert skipped == [sentence_spans(t) for t in texts]


@pytest.mark.parametrize("text, tokens", [
    ("non-traditional sexual orientation", ["non-traditional", "sexual", "orientation"]),
    ("the LGBTI community", ["the", "lgbti", "community"]),
    ("you don't exist", ["you", "don't", "exist"]),
    ("you don’t exist", ["you", "don't", "exist"]),
    ("around 1,000 men", ["around", "1,000", "men"]),
    ("3.5 million", ["3.5", "million"]),
    ("30 or 40", ["30", "or", "40"]),
    ("in 1942-46 and the 1990s", ["in", "1942-46", "and", "the", "1990s"]),
    ("COVID-19 and the G7", ["covid-19", "and", "the", "g7"]),
    ("the U.S. and the U.K.", ["the", "u.s.", "and", "the", "u.k."]),
    ("Chechnya’s camps", ["chechnya's", "camps"]),
    ("‘crimes’. “Purge”!", ["crimes", "purge"]),
    ("Moscow,, started", ["moscow", "started"]),
    ("100% — at 10:30", ["100", "at", "10:30"]),
    ("Café Zürich", ["café", "zürich"]),
    ("احتُجز ثلاثون رجلاً", ["احتُجز", "ثلاثون", "رجلاً"]),  # damma and tanwin are marks inside the word
    ("हिन्दी में समाचार", ["हिन्दी", "में", "समाचार"]),  # vowel signs and virama
    ("", []),
])
def test_tokenize(text, tokens):
    assert tokenize(text) == tokens


@pytest.mark.parametrize("text, pieces", [
    ("e\u0301te\u0301 x", ["e\u0301te\u0301", "x"]),  # decomposed accents, as token_spans sees them
    ("احتُجز", ["احتُجز"]),
    ("a\u20dd b", ["a\u20dd", "b"]),  # an enclosing mark (Me)
])
def test_token_spans_keep_combining_marks(text, pieces):
    assert [text[a:b] for a, b in token_spans(text)] == pieces


def test_the_mark_class_holds_every_combining_mark_of_unicode():
    import re
    import sys
    import unicodedata

    from analysis.text import MARKS

    marks = re.compile(MARKS)
    every = [chr(cp) for cp in range(sys.maxunicode + 1) if unicodedata.category(chr(cp))[0] == "M"]
    assert len(every) > 2000 and all(marks.fullmatch(ch) for ch in every)
    assert not marks.match("a") and not marks.match("1")


def test_every_combining_mark_lies_at_or_above_the_fast_path_bound():
    import sys
    import unicodedata

    from analysis.text import FIRST_MARK

    first = min(cp for cp in range(sys.maxunicode + 1) if unicodedata.category(chr(cp))[0] == "M")
    assert chr(first) == FIRST_MARK


def test_ascii_token_classes_are_the_unicode_ones_on_every_ascii_character():
    import re

    ascii_chars = [chr(cp) for cp in range(128)]
    for unicode_class, ascii_class in [(r"[^\W\d_]", "[A-Za-z]"), (r"[^\W_]", "[A-Za-z0-9]"), (r"\d", "[0-9]")]:
        assert [c for c in ascii_chars if re.fullmatch(unicode_class, c)] == \
            [c for c in ascii_chars if re.fullmatch(ascii_class, c)]


@pytest.mark.parametrize("text", [
    "Plain ASCII: U.S. officials, 1,000 men, don't-stop",
    "a.m. U.S.A. e.g.x 3.5 1990s COVID-19 snake_case x_1 _lead 2:30 '90s rock-'n'-roll\x1cnext\tword",
    "Café crème à 3,5 € — naïve façade",  # Latin-1, below the first mark
    "Ελληνικά και Кириллица 2017",  # above the bound without marks: the full pattern
    "e\u0301te\u0301 and ca\u0308fe",
])
def test_fast_token_pattern_gives_the_full_patterns_tokens(text):
    import re

    from analysis.text import TOKEN_PATTERN, _token_re

    assert _token_re(text).findall(text) == re.findall(TOKEN_PATTERN, text)
    assert tokenize(text) == [t.lower() for t in re.findall(TOKEN_PATTERN, normalize_for_matching(text))]


def test_tokenize_keeps_case_removes_stopwords_and_stems():
    assert tokenize("The LGBT Network", lowercase=False) == ["The", "LGBT", "Network"]
    assert tokenize("They were detained and tortured", stopwords=STOPWORDS) == ["detained", "tortured"]
    assert tokenize("They were detained and tortured", stopwords=STOPWORDS, stem=True) == ["detain", "tortur"]


def test_token_spans_are_offsets_into_the_original_text():
    text = "“They don’t exist,” said the spokesman; 1,000 men."
    spans = token_spans(text)
    assert [text[a:b] for a, b in spans] == ["They", "don’t", "exist", "said", "the", "spokesman", "1,000", "men"]


@pytest.mark.parametrize("text, runs", [
    ("“Around 30 or 40,” she added.", [["around", "30", "or", "40"], ["she", "added"]]),
    ("Headline\nBody text here", [["headline"], ["body", "text", "here"]]),
    ("camps (former prisons) exist", [["camps"], ["former", "prisons"], ["exist"]]),
    ("non-traditional men", [["non-traditional", "men"]]),
    ("one\x1ctwo_three", [["one", "two"], ["three"]]),  # "\x1c" is white space, "_" breaks a run
    ("Cafe\u0301 owners, Ku\u0308hn", [["cafe\u0301", "owners"], ["ku\u0308hn"]]),  # combining marks stay in their word
    ("İZMİR police", [["i̇zmi̇r", "police"]]),  # lower case "İ" carries a combining dot
])
def test_token_runs_break_at_punctuation_and_line_breaks(text, runs):
    assert token_runs(text) == runs


@pytest.mark.parametrize("token, expected", [
    ("chechnya's", "chechnya"), ("kadyrov’s", "kadyrov"), ("it's", "it"), ("boss", "boss"), ("'s", "'s"),
])
def test_strip_possessive(token, expected):
    assert strip_possessive(token) == expected


def test_normalize_for_matching_keeps_length():
    text = "‘you can’t’\u00a0— “yes”…"
    plain = normalize_for_matching(text)
    assert plain == "'you can't' - \"yes\"."
    assert len(plain) == len(text)


def test_stopwords_are_shipped_documented_and_extensible(tmp_path):
    assert {"the", "of", "don't", "it's"} <= STOPWORDS
    assert not {"gay", "camps", "allegedly"} & STOPWORDS
    assert "chechnya" in load_stopwords(extra=["Chechnya"])
    own = tmp_path / "mine.txt"
    own.write_text("# my list\nfoo\nBar\n", encoding="utf-8")
    assert load_stopwords(path=own) == frozenset({"foo", "bar"})


@pytest.mark.parametrize("word, expected", [("detained", "detain"), ("camps", "camp"), ("allegedly", "alleg")])
def test_stem(word, expected):
    assert stem(word) == expected


OFFLINE_SCRIPT = textwrap.dedent("""
    import os, sys
    import nltk
    empty = os.environ["NLTK_DATA"]
    nltk.data.path[:] = [empty]          # no default location either
    def refuse(*args, **kwargs):
        raise AssertionError("nltk.download() was called")
    nltk.download = refuse
    for resource in ("tokenizers/punkt", "tokenizers/punkt_tab", "corpora/stopwords"):
        try:
            nltk.data.find(resource)
        except LookupError:
            pass
        else:
            raise AssertionError(f"{resource} was found: the test is not offline")

    import pandas as pd
    from analysis.collocations import collocates, collocations
    from analysis.kwic import kwic
    from analysis.terms import term_frequencies
    from analysis.text import STOPWORDS, sentences, stem, tokenize

    text = "Gay men were detained. “They don’t exist,” he said.\\nGay men were allegedly held. Gay men fled."
    assert sentences(text) == ["Gay men were detained.", "“They don’t exist,” he said.",
                               "Gay men were allegedly held.", "Gay men fled."], sentences(text)
    assert tokenize("They don’t exist") == ["they", "don't", "exist"]
    assert stem("detained") == "detain"
    assert "the" in STOPWORDS
    docs = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "raw_text": [text],
                         "spans": [(("body", 0, len(text)),)]})
    assert term_frequencies(docs)["term"].iloc[0] == "gay"
    assert collocations(docs, min_count=2)["collocation"].tolist() == ["gay men"]
    assert collocates(docs, "men", window=1, min_count=2)["collocate"].tolist() == ["gay"]
    assert kwic(docs, "allegedly", window=2)["left"].tolist() == ["men were"]
    print("offline ok")
""")


def test_works_with_no_nltk_data(tmp_path):
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    env = {**os.environ, "NLTK_DATA": str(empty), "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", OFFLINE_SCRIPT], env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert "offline ok" in result.stdout


def test_tokens_are_those_of_nltks_regexp_tokenizer(seed_docs):
    from nltk.tokenize import RegexpTokenizer

    from analysis.text import TOKEN_PATTERN, token_spans

    reference = RegexpTokenizer(TOKEN_PATTERN)
    for text in seed_docs["raw_text"]:
        assert token_spans(text) == list(reference.span_tokenize(text))


@pytest.mark.parametrize("text, expected", [
    ("The company said it will redeem 4.0 mln dlrs of its 8.70 pct\ndebentures due April 1, 1999. It said so.",
     ["The company said it will redeem 4.0 mln dlrs of its 8.70 pct\ndebentures due April 1, 1999.", "It said so."]),
    ("A headline of more than forty characters, no stop\n\nThe body starts here.",
     ["A headline of more than forty characters, no stop", "The body starts here."]),
    ("Short headline\nThe body starts here.", ["Short headline", "The body starts here."]),
    ("About 90 people were rescued, some\nbadly hurt, officials said.", ["About 90 people were rescued, some\nbadly hurt, officials said."]),
    ("Rebels killed 12 soldiers on\nLuzon island, the army said.", ["Rebels killed 12 soldiers on\nLuzon island, the army said."]),
    ("Some 40 miners were trapped\nUnderground Mine Rescue officials\nsaid today.",
     ["Some 40 miners were trapped\nUnderground Mine Rescue officials\nsaid today."]),
    ("SHORT HEADLINE\n    An indented paragraph.", ["SHORT HEADLINE", "An indented paragraph."]),
])
def test_hard_wrapped_lines_continue_their_sentence(text, expected):
    from analysis.text import sentences

    assert sentences(text) == expected


@pytest.mark.parametrize("text, tokens", [
    ("det\u200bained 30\u200b0 men", ["det\u200bained", "30\u200b0", "men"]),  # zero-width space
    ("kid\u00adnapped captive\u00ad", ["kid\u00adnapped", "captive"]),  # soft hyphen: inside kept, at an edge not
    ("wo\u2060rd \ufeffnext", ["wo\u2060rd", "next"]),  # word joiner, BOM
])
def test_invisible_characters_inside_words_are_read_past_and_offsets_kept(text, tokens):
    from analysis.text import token_spans, tokenize

    assert [text[a:b] for a, b in token_spans(text)] == tokens
    assert tokenize(text) == [t.translate({ord(c): None for c in "\u200b\u00ad\u2060\ufeff"}).lower() for t in tokens]
