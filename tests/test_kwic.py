"""KWIC lines: words, phrases, prefixes, regexes, case, windows, sentences, offsets; dispersion."""

from __future__ import annotations

import pytest

from analysis.kwic import KWIC_COLUMNS, compile_patterns, dispersion, kwic
from inline_corpus import make_docs


DOCS = make_docs([
    ("a", "Post", [("headline", "Men Allegedly Held\n"),
                   ("body", "Gay men were allegedly detained. They are said to be held in a camp.\n"
                            "“Those who escaped said they are kept together, around 30 or 40,” she added. "
                            "“They are beaten.”\n"),
                   ("comments", "1. Mike\nThis is allegedly a comment.\n")]),
    ("b", "", [("body", "The non-alleged facts: officials said to be silent. ALLEGEDLY, 100 men.\n")]),
])


def test_columns_and_offsets_into_raw_text():
    lines = kwic(DOCS, "allegedly")
    assert list(lines.columns) == KWIC_COLUMNS
    assert lines["doc_id"].tolist() == ["a", "a", "b"]
    raw = dict(zip(DOCS["doc_id"], DOCS["raw_text"]))
    for line in lines.itertuples():
        assert raw[line.doc_id][line.start:line.end] == line.match
    assert lines["outlet"].tolist() == ["Post", "Post", "(unknown: b)"]


@pytest.mark.parametrize("pattern, options, matches", [
    ("allegedly", {}, ["Allegedly", "allegedly", "ALLEGEDLY"]),                       # case folded
    ("allegedly", {"case_sensitive": True}, ["allegedly"]),
    ("said to be", {}, ["said to be", "said to be"]),                                  # a phrase
    ("SAID  TO\tBE", {}, ["said to be", "said to be"]),                                # any white space
    ("alleg*", {}, ["Allegedly", "allegedly", "ALLEGEDLY"]),                           # whole words only:
    ("alleged", {}, []),                                                               # not inside non-alleged
    ("30 or 40", {}, ["30 or 40"]),
    ("“they are", {}, []),                                                             # quotes are not words
    ("they are", {}, ["They are", "they are", "They are"]),
    (r"\b\d+ men\b", {"regex": True}, ["100 men"]),                                    # a regular expression
    (r"said to (?:be|have)", {"regex": True}, ["said to be", "said to be"]),
    (["said to be", "are said to"], {}, ["are said to", "said to be"]),                # overlap: first start wins
])
def test_what_matches(pattern, options, matches):
    assert kwic(DOCS, pattern, **options)["match"].tolist() == matches


def test_window_in_words_and_sentence_context():
    line = kwic(DOCS, "around 30 or 40", window=3).iloc[0]
    assert line["left"] == "are kept together,"
    assert line["right"] == ",” she added. “They"
    assert line["sentence"] == ("“Those who escaped said they are kept together, around 30 or 40,” she added.")
    inside = kwic(DOCS, "around 30 or 40", window=3, within_sentence=True).iloc[0]
    assert inside["right"] == ",” she added."
    first = kwic(DOCS, "gay", window=5, within_sentence=True).iloc[0]
    assert (first["left"], first["right"]) == ("", "men were allegedly detained.")
    assert kwic(DOCS, "gay", window=0).iloc[0][["left", "right"]].tolist() == ["", ""]


def test_segments_included_on_request_and_no_cap():
    assert "comment" not in " ".join(kwic(DOCS, "allegedly")["right"])
    assert len(kwic(DOCS, "allegedly", include="all")) == 4
    many = make_docs([("x", "X", [("body", "camp " * 2_500)])])
    assert len(kwic(many, "camp")) == 2_500


def test_compile_patterns_rejects_nothing_to_find():
    with pytest.raises(ValueError):
        compile_patterns([])
    with pytest.raises(ValueError):
        compile_patterns("   ")


def test_kwic_on_the_seed_quote(seed_docs):
    lines = kwic(seed_docs, "she added", within_sentence=True)
    quote = lines[lines["sentence"].str.contains("around 30 or 40")]
    assert len(quote) == 1
    assert quote["sentence"].iloc[0].startswith("“Those who have escaped said")
    assert quote["sentence"].iloc[0].endswith("she added.")


def test_dispersion_offsets():
    spread = dispersion(DOCS, ["allegedly", "said to be"])
    assert list(spread.columns) == ["term", "doc_id", "outlet", "word", "offset", "doc_start", "start", "end"]
    # a: headline "Men Allegedly Held" -> word 1; body "Gay men were allegedly" -> word 3 + 3
    first = spread[spread["term"] == "allegedly"]
    assert first["word"].tolist()[:2] == [1, 6]
    b_start = int(spread.loc[spread["doc_id"] == "b", "doc_start"].iloc[0])
    assert b_start == 3 + 14 + 17  # all analysed words of document a: headline, two paragraphs
    assert (spread["offset"] == spread["doc_start"] + spread["word"]).all()


def test_a_long_sentence_is_cut_around_each_match_not_carried_whole():
    from analysis.kwic import MAX_SENTENCE_CHARS

    words = " ".join(f"word{i}" for i in range(20000))  # one 'sentence' of 20,000 words, no full stop
    docs = make_docs([("a", "Post", f"{words} camps {words} camps {words}")])
    lines = kwic(docs, "camps", window=3)
    assert len(lines) == 2
    assert lines["sentence"].str.len().max() <= MAX_SENTENCE_CHARS + 4
    assert all(s.startswith("… ") and s.endswith(" …") and "camps" in s for s in lines["sentence"])
    assert lines["left"].tolist() == ["word19997 word19998 word19999"] * 2


def test_dispersion_of_no_terms_is_an_empty_table_with_its_header():
    table = dispersion(DOCS, [])
    assert table.empty and list(table.columns) == ["term", "doc_id", "outlet", "word", "offset", "doc_start",
                                                   "start", "end"]


def test_a_bad_regular_expression_is_a_value_error_naming_it():
    with pytest.raises(ValueError, match=r"not a regular expression: 'detain\(ed\|ing'"):
        compile_patterns(["men", "detain(ed|ing"], regex=True)
    with pytest.raises(ValueError, match=r"\(\?i:\.\.\.\)"):
        compile_patterns("(?i)men", regex=True)
    assert compile_patterns("(?i:Men)", regex=True, case_sensitive=True).search("men")


def test_numbered_backreferences_are_a_value_error_not_a_traceback():
    with pytest.raises(ValueError, match=r"refer back to a group by name"):
        compile_patterns(r"(\w)\1", regex=True)
    assert compile_patterns(r"(?P<w>\w)(?P=w)", regex=True).search("the ballot")
