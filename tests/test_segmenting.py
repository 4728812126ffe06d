"""Segment labels from general rules, on small inline articles."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from analysis.segmenting import content_words, parse_date, segment_text


def labelled(text, **kwargs):
    return [(label, text[a:b].strip()) for label, a, b in segment_text(text, **kwargs)]


BODY = "Police detained dozens of men in the city, witnesses said. Relatives were not told where they were held."


@pytest.mark.parametrize("line, label", [
    ("Posted April 13, 2017", "dateline"),
    ("Published 13 April 2017", "dateline"),
    ("By Jane Smith", "dateline"),
    ("2017-04-13", "dateline"),
    ("[Featured Image by Someone/Agency]", "caption"),
    ("Pin It", "caption"),
    ("Share this article", "caption"),
    ("The square on Monday via Twitter", "caption"),
    ("Photo: Jane Smith for the paper", "caption"),
    ("(AP Photo/John Doe)", "caption"),
])
def test_page_furniture_lines(line, label):
    text = f"Men detained in the city\n\n{line}\n\n{BODY}\n"
    labels = dict((t, lab) for lab, t in labelled(text))
    assert labels[line] == label
    assert labels[BODY] == "body"


def test_headline_from_title_skips_lines_above_it():
    text = f"Share\nA photo of the square\n\nThe real headline\n\n{BODY}\n"
    assert labelled(text, title="The Real Headline") == [
        ("caption", "Share\nA photo of the square"), ("headline", "The real headline"), ("body", BODY)]


def test_no_headline_line_when_the_title_is_not_in_the_text():
    text = f"{BODY}\n\nAnother paragraph follows here.\n"
    assert [label for label, _ in labelled(text, title="Something else")] == ["body"]


def test_first_short_unpunctuated_line_is_the_headline_without_a_title():
    text = f"Men detained in the city\nA caption under the headline\n\n{BODY}\n"
    assert [label for label, _ in labelled(text)] == ["headline", "caption", "body"]


def test_crossheads_in_the_body_stay_body():
    text = f"Headline\n\n{BODY}\n\nReaction abroad\n\n{BODY}\n"
    assert [label for label, _ in labelled(text)] == ["headline", "body"]


def test_numbered_comment_list_runs_to_the_end():
    text = (f"Headline\n\n{BODY}\n\n  1. Anna\n\n    I agree with this.\n\n  2. Bob\n\n    No.\n"
            "    3 people told me otherwise.\n")
    segs = labelled(text)
    assert [label for label, _ in segs] == ["headline", "body", "comments"]
    assert segs[-1][1].startswith("1. Anna") and segs[-1][1].endswith("otherwise.")


def test_a_numbered_list_of_sentences_is_not_comments():
    text = (f"Headline\n\n{BODY}\n\n1. Release the detained men.\n2. Investigate the camps.\n\n{BODY}\n")
    assert "comments" not in [label for label, _ in labelled(text)]


@pytest.mark.parametrize("heading", ["12 Comments", "Leave a Reply", "Comments:"])
def test_comment_section_headings(heading):
    text = f"Headline\n\n{BODY}\n\n{heading}\n\nGreat piece, thanks.\n"
    assert [label for label, _ in labelled(text)] == ["headline", "body", "comments"]


def test_a_paragraph_sharing_no_vocabulary_is_off_topic():
    on_topic = [
        "Police detained dozens of men in the city, witnesses said, and relatives were not told.",
        "Rights groups said the detained men were beaten in a former police building near the river.",
        "Survivors described electric shocks, daily interrogations and threats against their families.",
        "Officials denied that any men were detained and called the reports lies by rights groups.",
        "Diplomats urged an investigation and asked officials to release the men detained in the city.",
    ]
    football = ("Striker scores twice as United beat rivals\nThe midfielder praised the coach after "
                "the match, saying the squad trained hard all season for the derby.")
    text = "Headline\n\n" + "\n\n".join(on_topic[:2] + [football] + on_topic[2:]) + "\n"
    labels = [label for label, _ in labelled(text, corpus_vocabulary=Counter(content_words(text)))]
    assert labels == ["headline", "body", "off_topic", "body"]
    # the same paragraph in an article too short to judge against is left alone
    short = "Headline\n\n" + on_topic[0] + "\n\n" + football + "\n"
    assert "off_topic" not in [label for label, _ in labelled(short, corpus_vocabulary=Counter(content_words(short)))]
    # and without a corpus to judge against, no paragraph is off topic
    assert "off_topic" not in [label for label, _ in labelled(text)]


def test_a_background_paragraph_that_repeats_a_headline_word_is_not_off_topic():
    story = [
        "A suicide bomber struck a crowded market on Tuesday, killing at least 23 people, officials said.",
        "The attack was the deadliest in the province this year, said a spokesman for the governor.",
        "Hospitals appealed for blood donors as relatives searched the wards for the wounded.",
        "The spokesman said several of the wounded were in critical condition in the provincial hospital.",
        "Shopkeepers swept glass from the pavement while soldiers guarded the road to the market square.",
    ]
    background = ("Last month, a similar bombing in the capital killed 15 and left dozens injured. Authorities "
                  "have since arrested nine suspects, the interior ministry said on Wednesday.")
    text = "Bomber kills 23 in market\n\n" + "\n\n".join(story[:2] + [background] + story[2:]) + "\n"
    labels = [label for label, _ in labelled(text, corpus_vocabulary=Counter(content_words(text)))]
    assert labels == ["headline", "body"]
    # without the headline word ("kills"), the same paragraph shares too little and is set aside
    text = "Market attack\n\n" + "\n\n".join(story[:2] + [background] + story[2:]) + "\n"
    labels = [label for label, _ in labelled(text, corpus_vocabulary=Counter(content_words(text)))]
    assert labels == ["headline", "body", "off_topic", "body"]


def test_segments_cover_the_text_exactly():
    text = "\n\n  Title\n\n\nBody text here. More.\n\n\n"
    segs = segment_text(text)
    assert segs[0][1] == 0 and segs[-1][2] == len(text)
    assert "".join(text[a:b] for _, a, b in segs) == text


@pytest.mark.parametrize("line, iso", [
    ("Posted April 13, 2017", "2017-04-13"),
    ("13 Apr 2017", "2017-04-13"),
    ("Updated: Sept. 3, 2020", "2020-09-03"),
    ("2021-01-31", "2021-01-31"),
    ("April 2017", None),
    ("Chapter 45 of 2017", None),
])
def test_parse_date(line, iso):
    assert parse_date(line) == iso


@pytest.mark.parametrize("wrapped", [
    "The company said it will redeem 4.0 mln dlrs of its 8.70 pct\ndebentures due April 1, 1999.\n",
    "Investment bankers expect more issues. In mid-December a bank sold, via California\nCars Trust, certificates backed by loans.\n",
])
def test_hard_wrapped_lines_are_running_text_not_furniture(wrapped):
    text = f"Headline\n\n{BODY}\n\n{wrapped}"
    assert [label for label, _ in labelled(text)] == ["headline", "body"]


# The off-topic rule as first written: for each paragraph, the union of every other paragraph's words
# (quadratic in paragraphs; issue 11.10). The counted version must decide exactly as this definition does.
def _off_topic_by_definition(words, corpus_vocabulary, own):
    from analysis.segmenting import OFF_TOPIC_MAX_OVERLAP, OFF_TOPIC_MIN_WORDS

    flagged = []
    for k, w in enumerate(words):
        rest = set().union(*(words[:k] + words[k + 1:]))
        if len(w) < OFF_TOPIC_MIN_WORDS or len(rest) < 2 * len(w):
            flagged.append(False)
            continue
        elsewhere = sum(1 for word in w if word in rest or corpus_vocabulary[word] - (word in own) > 0)
        flagged.append(elsewhere / len(w) < OFF_TOPIC_MAX_OVERLAP)
    return flagged


_VOCAB = [a + b + c for a in "bdfgk" for b in "aeiou" for c in "lmnrst"]  # 150 made-up content words
_ON = _VOCAB[:40]
# three paragraphs on one topic and one that shares none of their words: the definition flags the fourth
_OFF_TOPIC_CASE = [_ON[:20], _ON[10:30], _ON[20:40], _VOCAB[100:115]]


def test_the_definition_flags_a_paragraph_with_nothing_in_common():
    words = [set(p) for p in _OFF_TOPIC_CASE]
    assert _off_topic_by_definition(words, Counter(), set().union(*words)) == [False, False, False, True]


@settings(max_examples=80, deadline=None)
@given(paragraphs=st.lists(st.lists(st.sampled_from(_VOCAB), min_size=1, max_size=30), min_size=2, max_size=8),
       other=st.lists(st.sampled_from(_VOCAB), max_size=10))
@example(paragraphs=_OFF_TOPIC_CASE, other=[])
def test_counted_off_topic_pass_decides_as_the_definition(paragraphs, other):
    text = "".join(" ".join(words).capitalize() + " were seen.\n\n" for words in paragraphs)
    corpus_vocabulary = Counter(content_words(text)) + Counter(set(content_words(" ".join(other))))
    spans = segment_text(text, corpus_vocabulary=corpus_vocabulary)
    by_paragraph = []
    for start in [0] + [m + 2 for m in range(len(text) - 1) if text[m:m + 2] == "\n\n"][:-1]:
        by_paragraph.append(next(label for label, a, b in spans if a <= start < b) == "off_topic")
    words = [content_words(" ".join(p) + " were seen.") for p in paragraphs]
    if paragraphs == _OFF_TOPIC_CASE:
        assert by_paragraph == [False, False, False, True]
    assert by_paragraph == _off_topic_by_definition(words, corpus_vocabulary, content_words(text))


@pytest.mark.parametrize("first_lines", [
    "About 90 people were rescued, some\nbadly hurt, from a sinking ferry, officials said.\n",  # runs on in lower case
    "Rebels killed 12 soldiers on\nLuzon island in the north, the army said.\n",  # ends in a word that ends nothing
    "Some 40 miners were trapped\nUnderground Mine Rescue officials\nsaid late on Monday.\n",  # a paragraph of 3 lines
])
def test_a_short_first_body_line_of_a_wrapped_paragraph_is_running_text(first_lines):
    text = f"HEADLINE IN CAPITALS\n\n{first_lines}    A second paragraph.\n"
    assert [label for label, _ in labelled(text)] == ["headline", "body"]


def test_a_short_line_above_a_two_line_paragraph_stays_furniture():
    text = "Pin It\nMen detained in the city via Twitter\n\nDozens of men are held. They were beaten.\n"
    assert [label for label, _ in labelled(text)][:1] == ["caption"]


def test_no_sentence_of_a_dev_article_is_left_outside_the_analysed_text(dev_docs):
    import pandas as pd
    from conftest import DEV_DIR

    from analysis import segments
    from analysis.segmenting import ANALYSED
    from analysis.text import sentence_spans

    segs = segments(dev_docs)
    outside = segs[~segs["label"].isin(ANALYSED)]
    assert outside.empty, outside[["doc_id", "label", "text"]].to_string()
    gold = pd.read_csv(DEV_DIR / "claims.csv", dtype=str, keep_default_na=False)
    sentences = {(doc_id, raw[a:b]) for doc_id, raw in zip(dev_docs["doc_id"], dev_docs["raw_text"])
                 for a, b in sentence_spans(raw)}
    split = [(f, q) for f, q in zip(gold["file"], gold["quote"]) if (f.removesuffix(".txt"), q) not in sentences]
    assert split == []  # every gold quote is one sentence of the analysed text


# Words, and what tokenizing trips on: apostrophes, hyphens, an invisible character, a combining mark.
_PIECES = st.lists(st.sampled_from(["men", "Detained", "don't", "anti-", "gay", "camp’s", "U.S.", "300",
                                    "de\u200btained", "cafe\u0301", "the", " ", " ", "\n", "\n\n", ",", "."]),
                   max_size=40)


@given(_PIECES)
@settings(max_examples=300, deadline=None)
def test_a_paragraphs_words_are_among_its_documents_words(pieces):
    """Off-topic detection counts a paragraph's words as the document's own: the corpus frequency
    of each includes this document, so "in another document" is a frequency above 1."""
    text = "".join(pieces)
    own = content_words(text)
    lines = [line for line in text.split("\n") if line.strip()]
    for k in range(len(lines)):
        assert content_words(" ".join(lines[k:k + 2])) <= own
