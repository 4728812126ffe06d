"""Quotations: frames, kinds, spans and speakers on invented sentences; the seed gates; sources, variants, CLI."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from analysis import paths
from analysis.charts.quotes import OTHERS, sources_chart, sources_chart_data
from analysis.cli import main
from analysis.quotes import (
    QUOTE_COLUMNS, full_name, group_pairs, load_gold_quotes, match_quotes, quotations, quote_variants,
    same_speaker, score_quotes, score_variant_groups, score_variants, split_speaker, variant_pairs, variants_html,
)
from analysis.quotes.explore import speaker_explorer
from analysis.quotes.summary import sources_by_outlet, speaker_label
from inline_corpus import make_docs

#: Issue 15's gates on the seeds.
MIN_RECALL = 0.9
MIN_SPEAKER_AGREEMENT = 0.9


def rows(text, **options):
    found = quotations(make_docs([("a", "Daily", text)]), **options)
    assert (found["quote"] == [text[s:e] for s, e in zip(found["start"], found["end"])]).all()
    return [(r.kind, r.speaker, r.cue, r.quote) for r in found.itertuples()]


# sentence -> every (kind, speaker, cue, quote) it holds; one row per frame shape of QUOTES_GUIDE.md
@pytest.mark.parametrize("text, expected", [
    ('"The bridge will reopen on Monday," said Maria Lopez, the city engineer.',
     [("direct", "Maria Lopez", "said", "The bridge will reopen on Monday,")]),
    ('Maria Lopez said: "The bridge will reopen on Monday after the repairs."',
     [("direct", "Maria Lopez", "said", "The bridge will reopen on Monday after the repairs.")]),
    ("Officials denied that anyone had been detained.",
     [("indirect", "officials", "denied", "anyone had been detained")]),
    ('Residents said the bridge was "perfectly safe" again.',
     [("mixed", "residents", "said", 'the bridge was "perfectly safe" again')]),
    ("According to the Harbour Workers Union, ten men are still missing.",
     [("indirect", "Harbour Workers Union", "According to", "ten men are still missing")]),
    ("Ten men are still missing, according to the Harbour Workers Union.",
     [("indirect", "Harbour Workers Union", "according to", "Ten men are still missing")]),
    ("The Daily Planet reports that ten men are held in the old barracks.",
     [("indirect", "Daily Planet", "reports", "ten men are held in the old barracks")]),
    # a channel after the clause: the speaker is who spoke, not the outlet that carried it
    ("Survivors said they were beaten every day, the Daily Planet reports.",
     [("indirect", "survivors", "said", "they were beaten every day")]),
    ("Maria Lopez told reporters the bridge would stay closed until spring.",
     [("indirect", "Maria Lopez", "told", "the bridge would stay closed until spring")]),
    ("Police, citing witnesses, said the fire started at night.",
     [("indirect", "police", "said", "the fire started at night")]),
    # a participle takes the sayer of the verb before it
    ("The minister dismissed the report, saying that no one had been arrested in the city.",
     [("indirect", "minister", "saying", "no one had been arrested in the city")]),
    # requests: the span is the infinitive
    ("The ministry has warned residents to stay indoors during the storm.",
     [("indirect", "ministry", "warned", "to stay indoors during the storm")]),
    # an interrupting frame stays inside an indirect clause
    ("The only choice, Ana Ruiz added, is to leave the city.",
     [("indirect", "Ana Ruiz", "added", "The only choice, Ana Ruiz added, is to leave the city")]),
    # "X says that Y said": Y is the speaker, X the channel
    ("The Daily Planet says that Ana Ruiz, the union's lawyer, said she had seen the list.",
     [("indirect", "Ana Ruiz", "said", "she had seen the list")]),
    # marks that close around the frame: two direct quotations, one speaker
    ('Ana Ruiz said the strike would go on. "The bridge," she said, "is safe again after the repairs."',
     [("indirect", "Ana Ruiz", "said", "the strike would go on"), ("direct", "Ana Ruiz", "said", "The bridge,"),
      ("direct", "Ana Ruiz", "said", "is safe again after the repairs.")]),
    # "said that A: 'B'": the clause, then the words it quotes
    ("Ana Ruiz said that the union had no list: \u201cthere is no list of names at all\u201d.",
     [("indirect", "Ana Ruiz", "said", "the union had no list"),
      ("direct", "Ana Ruiz", "said", "there is no list of names at all")]),
])
def test_frames_kinds_spans_and_speakers(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    ('"The river has not peaked yet," Ana Ruiz continued.',
     [("direct", "Ana Ruiz", "continued", "The river has not peaked yet,")]),
])
def test_continued_still_frames_a_quotation(text, expected):
    assert rows(text) == expected


# what is not a quotation (QUOTES_GUIDE.md, "What is not a quotation")
@pytest.mark.parametrize("text", [
    "Officials denied the allegations.",
    "The men are said to have been moved to another prison.",
    "Reports emerged that the prison had been closed.",
    'A so-called "cleanup" of the square began on Monday.',
    "The men were allegedly held in the old barracks.",
    "The ministry detailed the abuse in a long report.",
    "The alleged prisoners were moved at night.",
    "Men claiming to have survived the camp were interviewed.",
    "Rescue teams continued searching the valley for survivors on Friday.",
    "Police continued to search the riverbanks for the missing men.",
])
def test_not_a_quotation(text):
    assert rows(text) == []


def test_pronouns_continuations_and_paragraphs():
    text = ('Ana Ruiz, a spokeswoman for the Harbour Workers Union, said the strike would go on. '
            '"We will not go back," she added. "Not until the men are released."\n\n'
            '\u201cWe have waited long enough.\n\n\u201cThe families have waited longer,\u201d she said.')
    found = quotations(make_docs([("a", "Daily", text)]))
    assert found["speaker"].tolist() == ["Ana Ruiz"] * 4
    assert found["speaker_org"].tolist() == ["Harbour Workers Union"] * 4
    assert found["kind"].tolist() == ["indirect", "direct", "direct", "direct"]
    # the quotation left open at its paragraph's end runs on into the next paragraph: one row
    assert found["quote"].iloc[3] == "We have waited long enough.\n\n\u201cThe families have waited longer,"
    assert "continues the quotation before" in found["rule"].iloc[2]


def test_unattributed_quoted_sentence_and_scare_quotes():
    text = 'The square was quiet. "Nobody comes here any more after dark." A "cleanup" began.'
    found = quotations(make_docs([("a", "Daily", text)]))
    assert found[["kind", "speaker", "cue", "quote"]].values.tolist() == [
        ["direct", "unknown", "", "Nobody comes here any more after dark."]]


@pytest.mark.parametrize("text, speaker", [
    # the speaker of the next sentence of its paragraph
    ('The square was quiet. "Nobody comes here any more after dark." Ana Ruiz said the shops had closed.',
     "Ana Ruiz"),
    ('"Nobody comes here any more after dark." Shopkeepers say the square is empty.', "Shopkeepers"),
    # not across a paragraph break, nor from a sentence further on, nor a pronoun pointing to nobody
    ('The square was quiet. "Nobody comes here any more after dark."\n\nAna Ruiz said the shops had closed.',
     "unknown"),
    ('The square was quiet. "Nobody comes here any more after dark." The shops closed. Ana Ruiz said so.',
     "unknown"),
    ('The square was quiet. "Nobody comes here any more after dark." He said the shops had closed.', "unknown"),
])
def test_a_quoted_sentence_with_no_frame_takes_the_next_sentences_speaker(text, speaker):
    found = quotations(make_docs([("a", "Daily", text)]))
    first = found.iloc[0]
    assert (first["quote"], first["speaker"]) == ("Nobody comes here any more after dark.", speaker)


def test_comments_left_out_unless_included():
    docs = make_docs([("a", "Daily", [("body", "The mayor said that the bridge is safe. "),
                                      ("comments", "One reader said the bridge is not safe at all.")])])
    assert quotations(docs)["quote"].tolist() == ["the bridge is safe"]
    assert quotations(docs, include="all")["quote"].tolist() == ["the bridge is safe", "the bridge is not safe at all"]


def test_columns_and_empty_corpus():
    assert quotations(make_docs([("a", "", "Nothing is quoted here.")])).columns.tolist() == QUOTE_COLUMNS
    docs = make_docs([("a", "", "Ana Ruiz said the bridge was safe.")])
    assert quotations(docs.iloc[:0]).columns.tolist() == QUOTE_COLUMNS


@pytest.mark.parametrize("source, expected", [
    ("Maria Lopez (Harbour Workers Union)", ("Maria Lopez", "Harbour Workers Union")),
    ("Ministry of Transport spokesperson", ("spokesperson", "Ministry of Transport")),
    ("the numerous human rights groups", ("human rights groups", "")),
    ("police (citing witnesses)", ("police", "")),
])
def test_split_speaker(source, expected):
    assert split_speaker(source) == expected


@pytest.mark.parametrize("name, person, expected", [
    ("Amnesty", False, "Amnesty International"),
    ("Lopez", True, "Maria Lopez"),
    ("Maria Lopez", True, "Maria Lopez"),  # a person named in full stays as written
    ("witnesses", False, "witnesses"),
])
def test_full_name(name, person, expected):
    names = Counter(["Amnesty International", "Amnesty", "Amnesty", "Maria Lopez"])
    assert full_name(name, names, Counter(), person=person) == expected


# ---------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def seed_quotes(seed_docs):
    return quotations(seed_docs)


@pytest.fixture(scope="module")
def seed_gold(seed_docs):
    gold = load_gold_quotes()
    return gold[gold["segment"].isin(["headline", "body"])].reset_index(drop=True)


def test_seed_quotation_recall(seed_quotes, seed_gold):
    scores = score_quotes(seed_quotes, seed_gold)
    assert scores["recall"] >= MIN_RECALL
    assert scores["precision"] >= MIN_RECALL
    assert scores["kind_agreement"] >= 0.95


def test_seed_speaker_agreement(seed_quotes, seed_gold):
    assert score_quotes(seed_quotes, seed_gold)["speaker_agreement"] >= MIN_SPEAKER_AGREEMENT


def test_seed_reader_comments_are_read_when_asked(seed_docs):
    gold = load_gold_quotes()
    found = quotations(seed_docs, include="all")
    pairs = match_quotes(found, gold[gold["segment"] == "comments"])
    assert (pairs["status"] == "matched").sum() >= 3


# general subjects of the one speaker-finder (attribution.py): any noun phrase, findings, adverbs, "another"
@pytest.mark.parametrize("text, speaker", [
    ("The bridge would reopen on Monday, the mayor said.", "mayor"),
    ("An investigation has found that the camp held forty men.", "investigation"),
    ("The road is closed, a survey of drivers has found.", "survey of drivers"),
    ("Chechen leaders maintain no camps exist in the region.", "Chechen leaders"),
    ("Another former inmate has said he was beaten every night.", "former inmate"),
    ("He even added that the camp was closed.", "Ana Ruiz"),
    ("He was quoted as saying that the camp was closed.", "Ana Ruiz"),
    ("Men claiming to have fled the camp said the guards beat them.", "Men claiming to have fled the camp"),
    ("A nurse who treated them said the wounds were fresh.", "nurse who treated them"),
    ("One who was able to escape claimed the guards took bribes.", "one who was able to escape"),
    ("A spokesman for the regional governor Ivo Marek denied that anyone was held.", "spokesman"),
    # a bare listed noun keeps its narrower rule; a lower-case sentence takes no noun phrase
    ("Officials said the road was closed.", "officials"),
])
def test_speaker_finder_subjects(text, speaker):
    found = quotations(make_docs([("a", "X", "Ana Ruiz said the strike would go on. " + text)]))
    assert found["speaker"].iloc[-1] == speaker


def test_another_is_another_of_the_group_named_before():
    text = "A victim who escaped from the camp said he was beaten. Another claimed they were starved."
    found = quotations(make_docs([("a", "X", text)]))
    assert found["speaker"].tolist() == ["victim who escaped from the camp", "another victim"]


# named rules of the speaker-finder (attribution.py) and of the frames (quotes/extract.py): the context
# before, the sentence, the speaker and organisation of its last quotation, and the words its `rule` holds
@pytest.mark.parametrize("before, text, speaker, org, rule", [
    # an evaluative adjective judges the report; it is not part of who speaks
    ("", "A damning investigation has revealed that the camp held forty men.", "investigation", "",
     "'investigation revealed'"),
    ("", "A shocking new study has found that the river is clean.", "study", "", "leading 'found'"),
    # a plural group noun, its modifiers kept ("local residents", not "residents")
    ("", "Local residents have claimed that the bridge was unsafe.", "local residents", "",
     "'local residents claimed'"),
    ("", "Eyewitnesses said the trucks left at night.", "eyewitnesses", "", "'eyewitnesses said'"),
    ("", "The bridge is unsafe, local officials said.", "local officials", "", "sentence-final"),
    # a document speaks for its author: "a statement by X said", "X said in a statement"
    ("", "A statement by the Harbour Workers Union said the strike would go on.", "Harbour Workers Union", "",
     "'Harbour Workers Union said'"),
    ("", "The strike will go on, a statement from the Harbour Workers Union said.", "Harbour Workers Union", "",
     "sentence-final"),
    ("", "The Harbour Workers Union said in a statement that the strike would go on.", "Harbour Workers Union",
     "", "'Harbour Workers Union said'"),
    ("The Harbour Workers Union said the strike began on Monday. ", "A statement by the union said it would go on.",
     "Harbour Workers Union", "", "'the union' = Harbour Workers Union"),
    ("", "The Harbour Workers Union has launched a petition calling on the council to reopen the bridge.",
     "Harbour Workers Union", "", "its sayer who launched the petition"),
    ("", "The ministry issued a statement saying that the bridge was safe.", "ministry", "",
     "its sayer who issued the statement"),
    # "reports from a place" are not authored by the place
    ("", "Reports from the city allege that ten men are held.", "reports from the city", "", "allege"),
    # a possessor before the name is not the source
    ("", "According to the city's Daily Planet, ten men are still missing.", "Daily Planet", "",
     "'according to Daily Planet'"),
    # "they" for one unnamed person, or a group; never a person named before
    ("A port authority spokesperson said the strike would go on. ", "They insisted that the harbour was closed.",
     "spokesperson", "port authority", "'they' = port authority spokesperson"),
    ("Dock workers said the strike would go on. ", "They added that the harbour was closed.", "dock workers", "",
     "'they' = dock workers"),
    ("Ana Ruiz said the strike would go on. ", "They added that the harbour was closed.", "unknown", "",
     "no speaker in the frame"),
    # "she" and "he" skip a source the article marks as of the other sex, and point to nobody when none is left
    ("A spokesman for the governor said the road was closed. ", '"Nobody may pass the checkpoint tonight," she said.',
     "unknown", "", "no speaker in the frame"),
    ("Ana Ruiz, a spokeswoman for the union, said the strike would go on. ",
     '"We will not go back to work," he said.', "unknown", "", "no speaker in the frame"),
    ("Ana Ruiz said the strike would go on. ", '"We will not go back to work," she said.', "Ana Ruiz", "",
     "'she' = Ana Ruiz"),
    ("Ana Ruiz said the strike would go on. Ivo Marek said the road was closed. He added that it would reopen. ",
     '"We will wait for the council," she said.', "Ana Ruiz", "", "'she' = Ana Ruiz"),
    ("Ana Ruiz said the strike would go on. Mr Marek said the road was closed. ",
     '"We will wait for the council," she said.', "Ana Ruiz", "", "'she' = Ana Ruiz"),
])
def test_speaker_rules(before, text, speaker, org, rule):
    found = quotations(make_docs([("a", "X", before + text)]))
    last = found.iloc[-1]
    assert (last["speaker"], last["speaker_org"]) == (speaker, org)
    assert rule in last["rule"], last["rule"]


def test_an_unnamed_source_named_in_the_next_sentence_is_that_person():
    text = ("Six people died, a nurse who treated them said. Jan Van Dam, a male nurse, said he had found them "
            "on the deck. Two were missing, a nurse said. The ferry sank, Ana Ruiz said.")
    found = quotations(make_docs([("a", "X", text)]))
    assert found[["speaker", "speaker_org"]].values.tolist() == [
        ["Jan Van Dam", "nurse"], ["Jan Van Dam", "nurse"], ["nurse", ""], ["Ana Ruiz", ""]]
    assert "named in the next sentence" in found["rule"].iloc[0]


def test_a_surname_is_written_in_full_only_from_its_own_article():
    docs = make_docs([("a", "X", "Alvi Karimov, the union's lawyer, said the strike would go on. "
                                 "Karimov added that it was legal."),
                      ("b", "Y", '"The strike is legal," Karimov said. Amnesty said the men were held.'),
                      ("c", "Z", "Amnesty International said the strike would go on.")])
    found = quotations(docs).set_index(["doc_id", "cue"])["speaker"]
    assert found[("a", "added")] == "Alvi Karimov"  # a later mention: the full name the article gave
    assert found[("b", "said")].tolist() == ["Karimov", "Amnesty International"]  # an organisation: from the corpus


@pytest.mark.parametrize("texts, speaker", [
    # a title is not part of a person's name: a later surname is written as the person after it
    (["Oil Minister Hisham Nazer spoke on Monday. Nazer said prices would hold."], "Hisham Nazer"),
    (["Commerce Secretary Malcolm Baldrige met Baldrige and Weinberger aides. Baldrige said talks went well."],
     "Malcolm Baldrige"),  # a run joined by "and" is the last choice
    (["Only Volcker knows the rate. Volcker said rates would hold."], "Volcker"),  # a first word is not a name's
    # a possessor after "the" is not part of the name; one that is the name's own stays
    (["The UK's Metro News ran the story. According to Metro News, ten men are held."], "Metro News"),
    (["Moody's Investors Service cut the rating. Investors Service said the debt was too high."],
     "Moody's Investors Service"),
    # from another article: an organisation's name (its words also written in lower case), not a person's
    (["General Electric made electric motors for the general market.", "Electric said profits rose."],
     "General Electric"),
])
def test_names_written_in_full(texts, speaker):
    docs = make_docs([(f"d{k}", "X", t) for k, t in enumerate(texts)])
    assert quotations(docs)["speaker"].iloc[-1] == speaker


# what the rules do not read yet: honest expected failures
@pytest.mark.xfail(strict=True, reason="a new description of a group named before ('the alleged prisoners' for "
                                       "'men claiming to have survived') is not resolved to it")
def test_a_new_description_of_a_group_named_before():
    text = ("Men claiming to have fled the camp said the guards beat them. "
            "The alleged prisoners also claimed they were starved.")
    assert quotations(make_docs([("a", "X", text)]))["speaker"].iloc[-1] == "Men claiming to have fled the camp"


@pytest.mark.xfail(strict=True, reason="a descriptive name of an organisation ('the Russian LGBT rights group') is "
                                       "not resolved to the organisation named before ('the LGBT Network')")
def test_a_document_by_a_description_of_an_organisation_named_before():
    text = ("A Dutch dockers' union, the Harbour Network, is helping the men. "
            '"Nobody may be held for this," a statement by the Dutch harbour workers group said.')
    assert quotations(make_docs([("a", "X", text)]))["speaker"].iloc[-1] == "Harbour Network"


@pytest.mark.parametrize("found, annotated, lenient, same", [
    ("The Pink News", "PinkNews", False, True),
    ("Karimov", "Alvi Karimov", False, False),
    ("victim", "victim who escaped from the camp", False, False),
    ("victim", "victim who escaped from the camp", True, True),
    ("unknown", "unknown person", True, False),
    ("Amnesty", "Amnesty International", True, False),  # names are not compared word by word
])
def test_same_speaker(found, annotated, lenient, same):
    assert same_speaker(found, annotated, lenient=lenient) is same


# ---------------------------------------------------------------- sources by outlet


def test_sources_by_outlet_counts_and_shares():
    docs = make_docs([("a", "Daily", '"The bridge is safe," said Ana Ruiz. She added that it would reopen. '
                                     'Police said the road was closed.'),
                      ("b", "", "Police said the road was closed for a day.")])
    table = sources_by_outlet(quotations(docs), docs)
    assert table[["outlet", "speaker", "n_quotes", "n_direct", "n_indirect"]].values.tolist() == [
        ["(unknown: b)", "police", 1, 0, 1], ["Daily", "Ana Ruiz", 2, 1, 1], ["Daily", "police", 1, 0, 1]]
    ruiz = table[table["speaker"] == "Ana Ruiz"].iloc[0]
    assert ruiz["quoted_words"] == 7  # "The bridge is safe" + "it would reopen"
    assert ruiz["share_of_words"] == round(7 / 19, 4)  # of the 19 words of "a"
    assert table.loc[0, "share_of_words"] == round(7 / 9, 4)  # "the road was closed for a day"


def test_sources_chart_caps_speakers_and_keeps_unknown(tmp_path):
    sources = pd.DataFrame({"outlet": ["A"] * 4 + ["B"], "speaker": ["x", "y", "z", "unknown", "x"],
                            "n_quotes": [4, 2, 1, 3, 1], "quoted_words": [40, 20, 10, 30, 9]})
    data = sources_chart_data(sources, max_speakers=2)
    assert data.values.tolist() == [["A", "x", 4, 40], ["A", "y", 2, 20], ["A", OTHERS, 1, 10],
                                    ["A", "unknown", 3, 30], ["B", "x", 1, 9]]
    fig = sources_chart(sources, max_speakers=2)
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert labels == ["x", "y", OTHERS, "unknown"]
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["A", "B"]


# ---------------------------------------------------------------- variants


TRANSLATIONS = [
    ("a", "A", '"If such people existed in the region, the police would not have to worry about them since their '
               'own relatives would have sent them to where they could never return," said Ana Ruiz.'),
    ("b", "B", '"If there were such people in the region, the law-enforcement organs would not need to have '
               'anything to do with them because their relatives would send them somewhere from which there is '
               'no returning," Ana Ruiz told reporters.'),
    ("c", "C", '"The harbour will be dredged in the spring and the new quay will open to ferries from May," '
               'said Ana Ruiz.'),
]


def test_translations_of_one_statement_are_a_group():
    docs = make_docs(TRANSLATIONS)
    quotes = quotations(docs)
    groups = quote_variants(quotes, docs)
    assert groups[["group", "doc_id", "links"]].values.tolist() == [[1, "a", "paraphrase"], [1, "b", "paraphrase"]]
    pairs = variant_pairs(quotes, docs)
    assert pairs.loc[0, "char_similarity"] >= 0.33 and pairs.loc[0, "stem_overlap"] >= 0.35


@pytest.mark.parametrize("speaker_b, linked", [
    ("Ana Ruiz told reporters.", True),
    ("she said.", True),  # no one to point to: unknown, which may be anyone
    ("Carlos Diaz told reporters.", False),  # another named speaker: not one statement
    ("a harbour spokeswoman told reporters.", True),  # one unnamed person may be the one another article names
    ("harbour officials told reporters.", False),  # a plural group is not one named speaker's statement ...
    ("an inquiry has found.", False),  # ... nor is a finding
])
def test_variants_need_the_same_or_an_unknown_speaker(speaker_b, linked):
    docs = make_docs([TRANSLATIONS[0], ("b", "B", TRANSLATIONS[1][2].rsplit('," ', 1)[0] + '," ' + speaker_b)])
    assert len(variant_pairs(quotations(docs), docs)) == int(linked)


@pytest.mark.parametrize("speaker_b, linked", [
    ("harbour officials said.", True),  # a figure both state ties a group's account to the named one
    ("Carlos Diaz said.", False),  # never two named speakers
])
def test_a_relayed_account_needs_a_figure_both_state(speaker_b, linked):
    docs = make_docs([("a", "A", '"Thirty to forty men are kept in the same room of the old barracks and beaten '
                                 'every day by the guards," said Ana Ruiz.'),
                      ("b", "B", '"The guards keep around 30 or 40 men together in one room of the barracks and '
                                 f'beat them daily without any reason," {speaker_b}')])
    assert len(variant_pairs(quotations(docs), docs)) == int(linked)


def test_copies_are_linked_whoever_each_article_credits():
    text = "Filing an official complaint against local security officials is extremely risky, as retaliation is certain"
    docs = make_docs([("a", "A", f'"{text}," said Ana Ruiz.'),
                      ("b", "B", f'"{text.replace("risky", "dangerous")}," Carlos Diaz said.')])
    pairs = variant_pairs(quotations(docs), docs)
    assert pairs[["link", "speakers_differ"]].values.tolist() == [["near", True]]


def test_variants_html_marks_differences_and_escapes():
    groups = pd.DataFrame({"group": [1, 1], "outlet": ["A", "<B>"], "speaker": ["Ana", "Ana"],
                           "links": ["near", "near"], "quote": ["is extremely risky", "is extremely dangerous"]})
    page = variants_html(groups)
    assert "<mark>risky</mark>" in page and "<mark>dangerous</mark>" in page and "&lt;B&gt;" in page
    assert "extremely" in page and "<mark>extremely</mark>" not in page


@pytest.fixture(scope="module")
def seed_variants(seed_docs, seed_quotes):
    return variant_pairs(seed_quotes, seed_docs), quote_variants(seed_quotes, seed_docs)


@pytest.mark.parametrize("kind", ["verbatim", "near", "paraphrase"])
def test_seed_variants_find_every_annotated_pair(seed_variants, kind):
    gold = pd.read_csv(paths.SEED_PASSAGES_CSV)
    pairs, groups = seed_variants
    for found in (pairs, group_pairs(groups)):
        row = score_variants(found, gold).set_index("kind").loc[kind]
        assert row["n_gold_found"] == row["n_gold"]


def test_seed_copies_are_all_annotated(seed_variants):
    gold = pd.read_csv(paths.SEED_PASSAGES_CSV)
    scores = score_variants(seed_variants[0], gold).set_index("kind")
    assert scores.loc["verbatim", "precision"] == 1.0 and scores.loc["near", "precision"] == 1.0


def test_seed_groups_hold_every_annotated_pair_and_join_only_one_statement(seed_variants):
    gold = pd.read_csv(paths.SEED_PASSAGES_CSV)
    scores = score_variant_groups(seed_variants[1], gold).set_index("kind")
    assert (scores["n_gold_grouped"] == scores["n_gold"]).all()
    # read: the one group joining two annotated pairs joins pairs 3 and 7, the renderings of the spokesman's
    # "You cannot arrest or repress people who just don't exist in the republic" (issue 15's own example)
    joining = seed_variants[1][seed_variants[1]["quote"].str.contains("exist in the republic")]["group"]
    assert scores["n_joining"].sum() == 1 and joining.nunique() == 1
    # every other group holds an annotated pair, but one: two summaries of what "human rights groups" allege
    unlisted = scores["n_unlisted"].sum()
    assert unlisted <= 1


def test_score_variant_groups_flags_a_group_joining_two_annotated_statements():
    gold = pd.DataFrame({"pair": [1, 2], "kind": ["near", "paraphrase"], "doc_a": ["a", "a"], "start_a": [0, 50],
                         "end_a": [9, 60], "doc_b": ["b", "c"], "start_b": [5, 0], "end_b": [14, 10]})
    groups = pd.DataFrame({"group": [1, 1, 1], "doc_id": ["a", "b", "c"], "start": [0, 5, 0], "end": [9, 14, 10],
                           "links": ["near", "near, paraphrase", "paraphrase"]})
    scores = score_variant_groups(groups, gold).set_index("kind")
    assert scores.loc["paraphrase", ["n_groups", "n_joining", "precision"]].tolist() == [1, 1, 0.0]
    assert scores.loc["near", "n_gold_grouped"] == 1  # both sides of pair 1 are in the group
    assert scores.loc["paraphrase", "n_gold_grouped"] == 0  # pair 2's side in "a" (50-60) is not


# ---------------------------------------------------------------- explorer and CLI


def test_speaker_explorer_shows_every_outlet(seed_docs, seed_quotes):
    groups = quote_variants(seed_quotes, seed_docs)
    # quoted by two outlets, one of which gives his office: one speaker
    speaker = "Alvi Karimov (Kadyrov spokesperson)"
    box = speaker_explorer(seed_quotes, groups=groups, speaker=speaker)
    assert set(speaker_label(box.table)) == {speaker} and box.table["doc_id"].nunique() >= 2
    assert set(box.table["speaker_org"]) == {"", "Kadyrov spokesperson"}  # the column as each article has it
    assert "Statement" in box.children[3].value  # his statement's renderings side by side
    box.children[0].value = "Russian LGBT Network"
    assert set(box.table["speaker"]) == {"Russian LGBT Network"}


def test_a_person_is_one_speaker_whatever_office_each_article_gives():
    quotes = pd.DataFrame({"speaker": ["Ana Ruiz", "Ana Ruiz", "Ana Ruiz", "spokesperson", "spokesperson"],
                           "speaker_org": ["", "Red Cross", "city council", "Red Cross", ""]})
    # the one given most often (the first on a tie) for an article that gives none; an office given stays; an
    # unnamed source is not a person
    assert speaker_label(quotes).tolist() == ["Ana Ruiz (Red Cross)", "Ana Ruiz (Red Cross)",
                                              "Ana Ruiz (city council)", "spokesperson (Red Cross)", "spokesperson"]


def test_an_over_long_sentence_is_not_read_for_quotations_and_says_so():
    """Unpunctuated text (a dump, a transcript without stops) would cost time in the square of its cues."""
    import random

    from analysis.text import MAX_SENTENCE_CHARS

    words = 'the police said men were "detained" in town officials rights group reported ministry denied'.split()
    dump = "Then " + " ".join(random.Random(1).choice(words) for _ in range(MAX_SENTENCE_CHARS // 4))
    start = len('"We are investigating," said Ivan Petrov. ')
    docs = make_docs([("a", "X", f'"We are investigating," said Ivan Petrov. {dump}.')])
    with pytest.warns(UserWarning, match=rf"1 sentence\(s\) longer than 5,000 characters .*quotations.*a at {start}"):
        quotes = quotations(docs)
    assert quotes[["speaker", "quote"]].values.tolist() == [["Ivan Petrov", "We are investigating,"]]


def test_speaker_explorer_when_no_statement_is_carried_by_two_articles():
    """One article, or articles that share no statement: the variants panel is empty, not an error."""
    docs = make_docs([("a", "X", '"We are investigating," said Ivan Petrov, a spokesman.'),
                      ("b", "Y", "Rain is expected tomorrow, forecasters said.")])
    quotes = quotations(docs)
    groups = quote_variants(quotes, docs)
    assert groups.empty and len(quotes)
    box = speaker_explorer(quotes, groups=groups, speaker="Ivan Petrov")
    assert len(box.table) == 1 and box.children[3].value == ""


def test_cli_quotes_and_variants(tmp_path):
    out = tmp_path / "quotes.csv"
    assert main(["quotes", str(paths.RAW_DATA_DIR), "--out", str(out)]) == 0
    table = pd.read_csv(out)
    assert table.columns.tolist() == QUOTE_COLUMNS and len(table) > 50
    out = tmp_path / "variants.csv"
    assert main(["quote-variants", str(paths.RAW_DATA_DIR), "--out", str(out)]) == 0
    groups = pd.read_csv(out)
    assert groups["group"].nunique() >= 5 and set(groups["links"]) >= {"verbatim", "near", "paraphrase"}
    assert main(["quote-variants", str(paths.RAW_DATA_DIR), "--pairs", "--out", str(out)]) == 0
    assert {"link", "char_similarity", "stem_overlap"} <= set(pd.read_csv(out).columns)


def test_paraphrase_thresholds_can_be_raised():
    docs = make_docs(TRANSLATIONS)
    quotes = quotations(docs)
    pairs = variant_pairs(quotes, docs)
    strict = variant_pairs(quotes, docs, min_char_similarity=pairs["char_similarity"].max() + 0.01)
    assert len(pairs) == 1 and strict.empty
    assert quote_variants(quotes, docs, min_words=100).empty
