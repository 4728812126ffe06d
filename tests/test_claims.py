"""Claimed figures: category, bounds, hedge and source per sentence; the seed gates; summaries."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import paths
from analysis.claims import (
    CLAIM_COLUMNS, claims_by_source, evidence_html, extract_claims, load_gold_claims, load_hedges,
    load_lexicon, match_claims, provenance, score_claims,
)
from analysis.cli import main


def corpus(*texts, outlets=None, labels=None):
    """A documents table of ``texts``, each one segment (``body`` unless ``labels`` says)."""
    labels = labels or ["body"] * len(texts)
    return pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(len(texts))],
        "outlet": outlets or [""] * len(texts),
        "raw_text": list(texts),
        "spans": [(tuple(spans) if isinstance(spans, list) else ((spans, 0, len(t)),))
                  for t, spans in zip(texts, labels)],
    })


def claim_tuples(claims):
    return [(r.category, None if pd.isna(r.value_low) else int(r.value_low),
             None if pd.isna(r.value_high) else int(r.value_high), r.qualifier, r.hedged, r.attributed_to)
            for r in claims.itertuples()]


# sentence -> (category, low, high, qualifier, hedged, source); covers every row of the
# CLAIMS_GUIDE value table, each category, each hedge and each attribution pattern
@pytest.mark.parametrize("sentence, expected", [
    ("Three men were killed in the raid.", ("killed", 3, 3, "exact", False, "")),
    ("Police detained 100 people on Friday.", ("detained", 100, 100, "exact", False, "")),
    ("About 100 men were arrested.", ("detained", 100, 100, "approximate", False, "")),
    ("Around 100 people have been apprehended.", ("detained", 100, 100, "approximate", False, "")),
    ("Approximately 100 men were rounded up.", ("detained", 100, 100, "approximate", False, "")),
    ("Nearly 100 people died in the attack.", ("killed", 100, 100, "approximate", False, "")),
    ("At least 3 people were killed.", ("killed", 3, None, "lower_bound", False, "")),
    ("More than 100 men were detained.", ("detained", 101, None, "lower_bound", False, "")),
    ("The detention of over a hundred men was reported.", ("detained", 101, None, "lower_bound", False, "")),
    ("Up to 100 men are held in the camp.", ("detained", None, 100, "upper_bound", False, "")),
    ("30 to 40 men are kept in the same room.", ("held_together", 30, 40, "range", False, "")),
    ("Survivors say 30 or 40 men share one cell.", ("held_together", 30, 40, "range", False, "survivors")),
    ("People are kept altogether, around 30 or 40.", ("held_together", 30, 40, "range", False, "")),
    ("People are kept all together, around 30 or 40.", ("held_together", 30, 40, "range", False, "")),
    # "altogether" alone is "in all": the figure keeps its own event
    ("Altogether, 25 people were killed in the attacks.", ("killed", 25, 25, "exact", False, "")),
    ("Altogether 12 people were injured.", ("injured", 12, 12, "exact", False, "")),
    ("Several are believed to have been killed.", ("killed", 3, None, "vague", True, "")),
    ("Dozens of gay men are being held in Argun.", ("detained", 24, None, "vague", False, "")),
    ("Scores of villagers were killed.", ("killed", 40, None, "vague", False, "")),
    ("Hundreds of people have fled the region.", ("fled_or_evacuated", 200, None, "vague", False, "")),
    ("Several hundred men were arrested.", ("detained", 300, None, "vague", False, "")),
    ("Around three are known to be dead.", ("killed", 3, 3, "approximate", False, "")),
    ("Fifty-two men were released on Monday.", ("released", 52, 52, "exact", False, "")),
    ("The court jailed 12 men for 5 years.", ("detained", 12, 12, "exact", False, "")),  # no ratio
    ("The authorities run several secret prisons.", ("camps", 3, None, "vague", False, "")),
    ("One man was killed.", ("killed", 1, 1, "exact", False, "")),
    ("The floods left 3,000 people homeless.", ("displaced", 3000, 3000, "exact", False, "")),
    ("30 people were wounded in the blast.", ("injured", 30, 30, "exact", False, "")),
    ("About 40 men called the hotline for help.", ("other", 40, 40, "approximate", False, "")),
    # hedges
    ("Reportedly, 20 people were injured.", ("injured", 20, 20, "exact", True, "")),
    ("Three men are said to have been abducted.", ("detained", 3, 3, "exact", True, "")),
    ("Five men apparently died in custody.", ("killed", 5, 5, "exact", True, "")),
    # attribution, and a named source's reporting verb is not a hedge
    ("Officials said 20 people were injured.", ("injured", 20, 20, "exact", False, "officials")),
    ("Human rights groups say 100 men have been arrested.",
     ("detained", 100, 100, "exact", False, "human rights groups")),
    ("According to Amnesty International, 40 men have been detained.",
     ("detained", 40, 40, "exact", False, "Amnesty International")),
    ("At least 12 people died, the Daily Gazette reports.", ("killed", 12, None, "lower_bound", False, "Daily Gazette")),
    ("As the Daily Gazette reports, 12 people died.", ("killed", 12, 12, "exact", False, "Daily Gazette")),
    ("The Daily Gazette, an opposition newspaper, reports that 12 people died.",
     ("killed", 12, 12, "exact", False, "Daily Gazette")),
    ("The figure of 12 dead was reported by the Daily Gazette.", ("killed", 12, 12, "exact", False, "Daily Gazette")),
    ("Amnesty International claims 12 people died.", ("killed", 12, 12, "exact", False, "Amnesty International")),
    ("Witnesses claimed that 12 people died.", ("killed", 12, 12, "exact", True, "witnesses")),
    ("“Three men died in custody,” said Ivan Sokolov, a lawyer at the Memorial Centre.",
     ("killed", 3, 3, "exact", False, "Ivan Sokolov (Memorial Centre)")),
    ("“At least 15 men are in each cell,” said one former detainee.",
     ("held_together", 15, None, "lower_bound", False, "former detainee")),
    ("Up to 50 people were held in one room, according to a survivor interviewed by the BBC.",
     ("held_together", None, 50, "upper_bound", False, "survivor")),
    # an office one person holds, after "according to the"
    ("At least 12 people were killed, according to the mayor.", ("killed", 12, None, "lower_bound", False, "mayor")),
    ("According to the sheriff, five men were arrested.", ("detained", 5, 5, "exact", False, "sheriff")),
    # unnamed reports are no source but hedge the figure; a finding does not
    ("At least 12 people were killed, according to reports.", ("killed", 12, None, "lower_bound", True, "")),
    ("Local media reports said 30 people were arrested.", ("detained", 30, 30, "exact", True, "")),
    ("An inquiry found that 100 men were held.", ("detained", 100, 100, "exact", False, "")),
    # a subset listed between the counted people and their verb, however long the list
    ("Some 114 people, including couriers, a night guard and a bank clerk, have been arrested.",
     ("detained", 114, 114, "approximate", False, "")),
    ("Twenty people, including a child, died.", ("killed", 20, 20, "exact", False, "")),
    ("Half a million people were evacuated.", ("displaced", 500000, 500000, "exact", False, "")),
    ("More than half a million people have fled.", ("fled_or_evacuated", 500001, None, "lower_bound", False, "")),
    ("At least an additional 20 people were arrested.", ("detained", 20, None, "lower_bound", False, "")),
    # found by a review of the rules above: what they must leave as it was
    ("Twelve people killed 30 km north of the capital were buried on Monday.", ("killed", 12, 12, "exact", False, "")),
    ("Five people injured 10 days ago remain in hospital.", ("injured", 5, 5, "exact", False, "")),
    ("Two hundred protesters said they were beaten by police.", ("injured", 200, 200, "exact", False, "")),
    ("The governor said rescue teams and volunteers reported that 15 people were missing.",
     ("missing", 15, 15, "exact", False, "governor")),
    ("The army claimed 40 of the victims were militants.", ("other", 40, 40, "exact", True, "army")),
    ("Twelve people were killed in the fire, whose cause has not been confirmed.",
     ("killed", 12, 12, "exact", False, "")),
    ("In April 1,200 people fled the fighting.", ("fled_or_evacuated", 1200, 1200, "exact", False, "")),
    ("At least 12 people, police told AFP, were killed.", ("killed", 12, None, "lower_bound", False, "police")),
    ("Most of the 60 villagers, witnesses said, were killed.", ("other", 60, 60, "exact", False, "witnesses")),
    # a clause after "said" is no aside, and a sum of two kinds is neither
    ("Of the 40 passengers, police said seven drowned, and the rest were rescued by fishermen.",
     ("killed", 7, 7, "exact", False, "police")),
    ("Twelve people were killed and 30 injured, bringing the figure to 42.",
     [("killed", 12, 12, "exact", False, ""), ("injured", 30, 30, "exact", False, "")]),
    ("Police say they found two bodies and a hospital official says 12 people were injured.",
     [("killed", 2, 2, "exact", False, "police"), ("injured", 12, 12, "exact", False, "hospital official")]),
    ("The Food and Agriculture Organization said 40,000 people needed food aid.",
     ("other", 40000, 40000, "exact", False, "Food and Agriculture Organization")),
    ("Nearly 1,000 homes were flooded and 5,000 people moved to shelters.",
     ("displaced", 5000, 5000, "exact", False, "")),
    # the whole of "N of the M" with an event of its own after its noun
    ("Police released 30 of the 45 people arrested.",
     [("released", 30, 30, "exact", False, ""), ("detained", 45, 45, "exact", False, "")]),
    ("Four people - two men, a woman and a child - were killed.", ("killed", 4, 4, "exact", False, "")),
    # the participle put first ("Killed were ...")
    ("Injured were 30 people, police said.", ("injured", 30, 30, "exact", False, "police")),
    # the people between a captor's verb and "hostage", "captive" or "prisoner"
    ("Gunmen took 20 people hostage.", ("detained", 20, 20, "exact", False, "")),
    # a lead between the verb and its object adds the figure to others or sums it up
    ("Police detained another 20 suspects.", ("detained", 20, 20, "exact", False, "")),
    ("Police arrested a further 20 people.", ("detained", 20, 20, "exact", False, "")),
    ("Soldiers rescued a total of 40 people.", ("fled_or_evacuated", 40, 40, "exact", False, "")),
    # "claimed the lives of": a death toll, and the disaster is no sayer
    ("The crash claimed the lives of 30 people.", ("killed", 30, 30, "exact", False, "")),
    ("Floods claimed the lives of 30 people.", ("killed", 30, 30, "exact", False, "")),
    ("Floods claimed 30 lives.", ("killed", 30, 30, "exact", False, "")),
    ("Witnesses claimed 12 soldiers were killed.", ("killed", 12, 12, "exact", True, "witnesses")),
    # a figure said to be unconfirmed, in other words than "could not be confirmed"
    ("Police said 50 people died, but the figure could not be independently confirmed.",
     ("killed", 50, 50, "exact", True, "police")),
    ("It was not possible to verify reports that 50 people had been killed.", ("killed", 50, 50, "exact", True, "")),
    ("The storm has claimed at least 14 victims.", ("other", 14, None, "lower_bound", False, "")),
    # a sayer set off by commas between the counted people and their verb
    ("At least 12 people, police said, were killed.", ("killed", 12, None, "lower_bound", False, "police")),
    ("Some 40 people, the local governor told reporters, were arrested.",
     ("detained", 40, 40, "approximate", False, "local governor")),
    ("Twelve people, police said on Monday, were killed.", ("killed", 12, 12, "exact", False, "police")),
    # a second clause with a sayer of its own, opened by "and": the figure is that sayer's
    ("Rebels said they hit a post and an army spokesman said seven rebels were killed.",
     ("killed", 7, 7, "exact", False, "army spokesman")),
    # after a month, a number that can be no day of it is a count ("In May 12 people died" stays a date)
    ("In March 40 people died.", ("killed", 40, 40, "exact", False, "")),
    ("Since March 120 people have been arrested.", ("detained", 120, 120, "exact", False, "")),
])
def test_sentence_claims(sentence, expected):
    assert claim_tuples(extract_claims(corpus(sentence))) == (expected if isinstance(expected, list) else [expected])


# every distractor kind of CLAIMS_GUIDE: no claim at all
@pytest.mark.parametrize("kind, sentence", [
    ("date", "Posted April 13, 2017, the report said men were detained."),
    ("date", "In May 12 men were detained."),
    ("year", "Men have been detained since 2017."),
    ("decade", "It is the first camp since the 1930s, where men were killed."),
    ("year range", "Americans were interned from 1942-46."),
    ("time", "The men were detained at 10:30 on Monday."),
    ("duration", "He was detained for several weeks."),
    ("age", "A 25-year-old man was arrested."),
    ("age", "John Smith, 25, was arrested."),
    ("street number", "The camp where men are detained is at 996 Kadyrov Street."),
    ("phone number", "Men who were detained can call 88005557374."),
    ("money", "He paid bribes of thousands of rubles to be released."),
    ("money", "Families paid $5,000 to free detained men."),
    ("percentage", "Arrests rose 5% as men were detained."),
    ("ordinal", "It was the second camp to be opened for detained men."),
    ("list numbering", "1. Men detained"),
    ("label", "The men were held under Article 58 of the code."),
    ("anecdote", "One man claiming to be a former detainee said he was beaten."),
    ("anecdote", "One of which is said to be a former military headquarters."),
    ("anecdote", "A camp was set up near the town where men are detained."),
    ("countries", "Protests against the killings were held in 20 countries."),
    ("not people", "Three bombs killed no one."),
    ("not people", "The bank held a further 1.99 mln shares."),
    # a model number and a verb whose object is another number: the figure is no one it happened to
    ("model", "The Boeing 747 had since captured about 25 pct of the market."),
    ("hours of", "Some 300 workers held 24 hours of strikes."),
    # the people counted are the sayers: what they say is not their verb
    ("sayers", "One witness said no one was hurt, and another said the dead were taken away."),
    ("model", "It was not fitted to the first 747 but had since captured about 25 pct of the market."),
])
def test_distractors_are_not_claims(kind, sentence):
    assert extract_claims(corpus(sentence)).empty, kind


def test_a_toll_story_that_never_says_killed_keeps_its_tolls():
    text = ("QUAKE TOLL RISES TO 40\n\nThe toll from Monday's earthquake rose to 40, officials said. "
            "Rescue teams were searching collapsed buildings.")
    assert [row[:3] for row in claim_tuples(extract_claims(corpus(text)))] == [("killed", 40, 40)] * 2


def test_a_figure_restated_by_another_sayer_counts_what_the_first_counts():
    text = "The government said 12 people died, while opposition groups put the figure at 40."
    assert claim_tuples(extract_claims(corpus(text))) == [("killed", 12, 12, "exact", False, "government"),
                                                          ("killed", 40, 40, "exact", False, "opposition groups")]
    text = "Police said 300 people were arrested, but activists put the number at more than 1,000."
    assert claim_tuples(extract_claims(corpus(text)))[1] == ("detained", 1001, None, "lower_bound", False, "activists")
    # a figure of things restated is no claim
    assert extract_claims(corpus("The company earned 12 mln dlrs, and analysts put the figure at 15 mln.")).empty


def test_two_figures_in_one_sentence_give_two_rows_with_offsets():
    text = ("The news surfaced, an effort which resulted to the detention of over a hundred "
            "and death of three men.")
    claims = extract_claims(corpus(text))
    assert claim_tuples(claims) == [("detained", 101, None, "lower_bound", False, ""),
                                    ("killed", 3, 3, "exact", False, "")]
    assert [text[a:b] for a, b in zip(claims["start"], claims["end"])] == ["over a hundred", "three"]
    assert list(claims.columns) == CLAIM_COLUMNS


def test_only_headline_and_body_by_default():
    text = "Ten men were detained.\n1. Mike\n\nTwenty men were killed, I read.\n[Photo: 30 men were arrested]"
    spans = [("body", 0, 23), ("comments", 23, 65), ("caption", 65, len(text))]
    docs = corpus(text, labels=[spans])
    assert extract_claims(docs)["stated"].tolist() == ["Ten"]
    assert extract_claims(docs, include="all")["stated"].tolist() == ["Ten", "Twenty", "30"]
    with pytest.raises(ValueError, match="unknown segment label"):
        extract_claims(docs, include=("footer",))


def test_a_pronoun_opening_a_relative_clause_is_the_person_named_before():
    text = ("Interior Minister Ana Ruiz visited the town. The blast, which she said killed 12 people, destroyed "
            "a bridge. The fire, which killed 30 people, spread.")
    assert [(r.value_low, r.attributed_to) for r in extract_claims(corpus(text)).itertuples()] == [
        (12, "Ana Ruiz (Interior Minister)"), (30, "")]


def test_quotation_speaker_across_paragraphs_and_pronouns():
    text = (
        "In a statement, activist Maria Petrova of the Civic Assistance Committee said: "
        "“Men have been detained.”\n\n"
        "“They are kept in one room, around 20 or 30,” she added.\n\n"
        "Ivan Sokolov, the regional director at Memorial Centre, wrote: “For several weeks now, "
        "men have been rounded up.\n\n"
        "“At least 50 men have been detained. Police deny it,” he said.\n\n"
        "Continuing, he wrote: “Two men have died.\n\n"
        "“Five others have apparently been killed.”"
    )
    claims = extract_claims(corpus(text))
    assert claim_tuples(claims) == [
        ("held_together", 20, 30, "range", False, "Maria Petrova (Civic Assistance Committee)"),
        ("detained", 50, None, "lower_bound", False, "Ivan Sokolov (Memorial Centre)"),
        ("killed", 2, 2, "exact", False, "Ivan Sokolov (Memorial Centre)"),
        ("killed", 5, 5, "exact", True, "Ivan Sokolov (Memorial Centre)"),
    ]


def test_gazetteer_is_built_from_the_whole_corpus_and_resolves_the_paper():
    first = "Maria Petrova, the director of the Civic Assistance Committee, spoke to survivors."
    second = ("The Daily Gazette, an opposition newspaper, first wrote about the camps.\n\n"
              "Petrova said 40 men were detained. The paper said three had died.")
    claims = extract_claims(corpus(first, second))
    assert claims["attributed_to"].tolist() == ["Maria Petrova (Civic Assistance Committee)", "Daily Gazette"]


def test_a_lexicon_of_your_own_for_another_event():
    lexicon = pd.concat([load_lexicon(), pd.DataFrame({
        "category": ["evicted"], "role": ["event"], "term": ["evict*"]})], ignore_index=True)
    docs = corpus("Some 300 families were evicted from the camp.")
    assert extract_claims(docs).empty
    assert claim_tuples(extract_claims(docs, lexicon=lexicon)) == [("evicted", 300, 300, "approximate", False, "")]


def test_shipped_data_files_keep_their_format():
    lexicon = load_lexicon()
    assert set(lexicon["role"]) == {"event", "place", "person", "group", "ignore", "negation"}
    assert {"detained", "killed", "held_together", "camps", "fled_or_evacuated", "released",
            "injured", "displaced", "missing"} <= set(lexicon["category"])
    hedges = load_hedges()
    assert {"allegedly", "reportedly", "is said to", "believed to", "apparently", "possibly"} <= set(hedges)
    assert all(h == h.lower() and not h.startswith("#") for h in hedges)


# ------------------------------------------------------------------ the seeds


@pytest.fixture(scope="module")
def seed_claims(seed_docs):
    return extract_claims(seed_docs)


def test_seed_scores_pass_the_quality_gates(seed_claims):
    scores = score_claims(seed_claims, load_gold_claims())
    assert scores["n_gold"] == 18
    assert scores["precision"] >= 0.95 and scores["recall"] >= 0.95
    assert scores["qualifier_agreement"] >= 0.9
    assert scores["hedged_agreement"] >= 0.9
    assert scores["attribution_agreement"] >= 0.9


def test_seed_offsets_point_at_the_stated_words(seed_claims, seed_docs):
    raw = dict(zip(seed_docs["doc_id"], seed_docs["raw_text"]))
    assert all(raw[d][a:b] == s for d, a, b, s in
               zip(seed_claims["doc_id"], seed_claims["start"], seed_claims["end"], seed_claims["stated"]))
    assert all(s in raw[d] for d, s in zip(seed_claims["doc_id"], seed_claims["sentence"]))


def test_seed_sources_resolve_quotations_and_pronouns(seed_claims):
    sources = set(seed_claims.loc[seed_claims.doc_id.str.startswith("004"), "attributed_to"])
    assert {"Svetlana Zakharova (Russian LGBT Network)", "Tanya Lokshina (Human Rights Watch)",
            "Novaya Gazeta", "Washington Post"} <= sources


def test_scoring_pairs_claims_and_compares_sources_leniently():
    gold = load_gold_claims().head(3)
    predicted = gold.assign(attributed_to=gold["attributed_to"].str.upper().radd("the "))
    predicted = pd.concat([predicted, gold.head(1).assign(category="camps")], ignore_index=True)
    pairs = match_claims(predicted, gold)
    assert pairs["status"].tolist() == ["matched", "matched", "matched", "extra"]
    scores = score_claims(predicted, gold)
    assert scores["precision"] == 0.75 and scores["recall"] == 1.0
    assert scores["attribution_agreement"] == pytest.approx(2 / 3)  # "the " + "" is not own voice


def test_gold_loader_reads_bounds_and_hedges():
    gold = load_gold_claims()
    row = gold[gold["sentence"].str.startswith("Dozens")].iloc[0]
    assert (row["doc_id"], row["value_low"], pd.isna(row["value_high"]), row["hedged"]) == (
        "002_90e8a12c1b7c9ede", 24, True, False)


# -------------------------------------------------------------- summaries


def test_claims_by_source_summarises_per_outlet_and_category(seed_claims):
    table = claims_by_source(seed_claims)
    row = table[(table.outlet == "(unknown: 004_437f98d81bbefe43)") & (table.category == "killed")].iloc[0]
    assert (row["n_mentions"], row["lowest"], row["highest"], row["share_hedged"]) == (2, 3, 3, 0.5)
    assert row["sources"] == "Tanya Lokshina (Human Rights Watch); Washington Post"
    assert "Inquisitr" in set(table["outlet"])


def test_provenance_counts_originators_per_outlet(seed_claims):
    table = provenance(seed_claims)
    counts = {(o, s): n for o, s, n in table.itertuples(index=False)}
    assert counts[("Gay Star News", "own voice")] == 3
    assert counts[("Gay Star News", "activists")] == 1
    assert counts[("(unknown: 004_437f98d81bbefe43)", "Tanya Lokshina (Human Rights Watch)")] == 2


def test_evidence_html_escapes_and_marks_the_figure():
    text = "<b>Officials</b> say 3 men died & 3 fled."
    docs = corpus(text)
    claims = extract_claims(docs)
    page = evidence_html(claims, docs=docs)
    assert "<b>" not in page and "&lt;b&gt;Officials&lt;/b&gt;" in page
    assert page.count("<mark>3</mark>") == 2
    assert "&lt;b&gt;Officials&lt;/b&gt; say <mark>3</mark> men died &amp; 3 fled." in page
    assert "&lt;b&gt;Officials&lt;/b&gt; say 3 men died &amp; <mark>3</mark> fled." in page
    assert page == evidence_html(claims)  # without docs, the k-th occurrence


# --------------------------------------------------------------------- CLI


def test_cli_writes_the_claims_table(tmp_path):
    out = tmp_path / "claims.csv"
    assert main(["claims", str(paths.RAW_DATA_DIR), "--out", str(out)]) == 0
    table = pd.read_csv(out, keep_default_na=False)
    assert list(table.columns) == CLAIM_COLUMNS and len(table) == 18


# CLAIMS_GUIDE version 2: a row for every rule (invented sentences in the style of news)
@pytest.mark.parametrize("rule, sentence, expected", [
    # categories
    ("drowned", "Four people drowned when the boat sank.", [("killed", 4, 4, "exact", False, "")]),
    ("frozen to death", "Two climbers were frozen to death on the peak.", [("killed", 2, 2, "exact", False, "")]),
    ("claimed N lives", "The storm has claimed 14 lives.", [("killed", 14, 14, "exact", False, "")]),
    ("loss of N lives", "It was the worst disaster since the loss of 120 lives in 1970.",
     [("killed", 120, 120, "exact", False, "")]),
    ("N bodies", "Rescuers recovered nine bodies from the river.", [("killed", 9, 9, "exact", False, "")]),
    ("death toll rose to", "The death toll rose to 27 on Tuesday.", [("killed", 27, 27, "exact", False, "")]),
    ("toll risen to at least", "The death toll from the bombing had risen to at least 70 by nightfall.",
     [("killed", 70, None, "lower_bound", False, "")]),
    ("hurt", "Twelve people were hurt in the crash.", [("injured", 12, 12, "exact", False, "")]),
    ("treated for", "Twenty-five people were treated for burns.", [("injured", 25, 25, "exact", False, "")]),
    ("suffered injuries", "Four guards were badly wounded and 25 suffered minor injuries.",
     [("injured", 4, 4, "exact", False, ""), ("injured", 25, 25, "exact", False, "")]),
    ("missing", "Two fishermen are missing after the storm.", [("missing", 2, 2, "exact", False, "")]),
    ("unaccounted for", "Eleven climbers remain unaccounted for.", [("missing", 11, 11, "exact", False, "")]),
    ("kidnapped", "Five aid workers were kidnapped on the road.", [("detained", 5, 5, "exact", False, "")]),
    ("taken prisoner", "Twelve soldiers were taken prisoner.", [("detained", 12, 12, "exact", False, "")]),
    ("evacuated from homes", "About 900 residents were evacuated from their homes.",
     [("displaced", 900, 900, "approximate", False, "")]),
    ("made homeless", "The mudslides left an estimated 25,000 homeless.",
     [("displaced", 25000, 25000, "approximate", False, "")]),
    ("rescued", "Thirty passengers were rescued by helicopter.", [("fled_or_evacuated", 30, 30, "exact", False, "")]),
    ("evacuated from a ship", "Forty crew members were evacuated from the tanker.",
     [("fled_or_evacuated", 40, 40, "exact", False, "")]),
    ("escaped", "Six miners escaped unharmed.", [("fled_or_evacuated", 6, 6, "exact", False, "")]),
    ("freed hostages", "Three hostages were freed on Sunday.", [("released", 3, 3, "exact", False, "")]),
    ("aboard", "The bus was carrying 48 pilgrims.", [("other", 48, 48, "exact", False, "")]),
    ("trapped", "Some 15 workers were trapped in the tunnel.", [("other", 15, 15, "approximate", False, "")]),
    ("mixed total", "Thirty villagers were killed or injured by the landslide.", [("other", 30, 30, "exact", False, "")]),
    ("mixed total as a list", "At least 40 fighters were killed, wounded or captured in the raid.",
     [("other", 40, None, "lower_bound", False, "")]),
    ("a comma that closes a clause is no list", "Two soldiers were killed, and injured civilians were taken away.",
     [("killed", 2, 2, "exact", False, "")]),
    ("a comma that opens an aside is no list", "20 people were treated, for the most part at home.", []),
    ("survivors", "Rescuers found nine survivors in the rubble.", [("other", 9, 9, "exact", False, "")]),
    ("found alive", "8 MISSING DIVERS FOUND ALIVE", [("other", 8, 8, "exact", False, "")]),
    # values
    ("capital words", "THREE HUNDRED TOURISTS RESCUED FROM BURNING HOTEL",
     [("fled_or_evacuated", 300, 300, "exact", False, "")]),
    ("decimal million", "About 1.8 million people were displaced.",
     [("displaced", 1800000, 1800000, "approximate", False, "")]),
    ("no separator", "Some 6000 villagers fled.", [("fled_or_evacuated", 6000, 6000, "approximate", False, "")]),
    ("dot separator", "More than 5.000 people fled the fighting.",
     [("fled_or_evacuated", 5001, None, "lower_bound", False, "")]),
    ("as many as", "As many as 50 people were arrested.", [("detained", None, 50, "upper_bound", False, "")]),
    ("as high as", "Local counts put the toll as high as 90 dead.", [("killed", None, 90, "upper_bound", False, "")]),
    ("at least another", "Police found at least another 12 dead in the cellar.",
     [("killed", 12, None, "lower_bound", False, "")]),
    ("thousands", "Thousands of people fled the floods.", [("fled_or_evacuated", 2000, None, "vague", False, "")]),
    ("tens of thousands", "Tens of thousands of people were displaced.",
     [("displaced", 20000, None, "vague", False, "")]),
    ("the numeral one", "BLAST KILLS ONE", [("killed", 1, 1, "exact", False, "")]),
    # clause chains, lists, subsets, headlines
    ("clause chain", "The fire killed 12 patients and injured 40.",
     [("killed", 12, 12, "exact", False, ""), ("injured", 40, 40, "exact", False, "")]),
    ("gapped chain", "Three divers were missing and nine injured.",
     [("missing", 3, 3, "exact", False, ""), ("injured", 9, 9, "exact", False, "")]),
    ("participle chain", "Planes bombed the villages, killing 90 people and wounding 230 others.",
     [("killed", 90, 90, "exact", False, ""), ("injured", 230, 230, "exact", False, "")]),
    ("list", "30 guerrillas and 12 soldiers were killed.",
     [("killed", 30, 30, "exact", False, ""), ("killed", 12, 12, "exact", False, "")]),
    ("a longer list", "Two policemen, 30 soldiers and 12 rebels died in the clashes.",
     [("killed", 2, 2, "exact", False, ""), ("killed", 30, 30, "exact", False, ""),
      ("killed", 12, 12, "exact", False, "")]),
    ("subset", "Six people including four policemen were wounded.",
     [("injured", 6, 6, "exact", False, ""), ("injured", 4, 4, "exact", False, "")]),
    ("verb-less headline", "12 KILLED, 30 HURT IN MARKET FIRE",
     [("killed", 12, 12, "exact", False, ""), ("injured", 30, 30, "exact", False, "")]),
    ("relative clause", "Five hikers who were missing in the snow were found on Sunday.",
     [("other", 5, 5, "exact", False, "")]),
    ("reduced relative", "Six journalists detained at the border have been freed.",
     [("released", 6, 6, "exact", False, "")]),
    # hedges
    ("feared dead", "About 60 fishermen are feared dead.", [("killed", 60, 60, "approximate", True, "")]),
    ("reported killed", "Twenty-two guards were reported killed overnight.", [("killed", 22, 22, "exact", True, "")]),
    ("may have", "Ten more may have been killed.", [("killed", 10, 10, "exact", True, "")]),
    ("presumed", "Forty are presumed dead.", [("killed", 40, 40, "exact", True, "")]),
    ("were believed", "Eight miners were believed trapped.", [("other", 8, 8, "exact", True, "")]),
    ("reported to have", "Five people are reported to have died.", [("killed", 5, 5, "exact", True, "")]),
    ("could not confirm", "At least 9 sailors died, but the navy could not confirm the report.",
     [("killed", 9, None, "lower_bound", True, "")]),
    ("named source is no hedge", "The Red Cross claims 300 people died.",
     [("killed", 300, 300, "exact", False, "Red Cross")]),
    # a hedge between figures marks the figures of its own part of the sentence; one before them all, or after
    # them all beyond a comma, marks them all
    ("hedge of the first part", "About 80 miners are feared dead, 40 were rescued and 12 are in hospital.",
     [("killed", 80, 80, "approximate", True, ""), ("fled_or_evacuated", 40, 40, "exact", False, ""),
      ("injured", 12, 12, "exact", False, "")]),
    ("hedge of the last part", "Nine guards died and 20 others may have been hurt.",
     [("killed", 9, 9, "exact", False, ""), ("injured", 20, 20, "exact", True, "")]),
    ("hedge of a running total",
     "Six were confirmed dead and 11 were missing, bringing the total of dead or presumed dead to 17.",
     [("killed", 6, 6, "exact", False, ""), ("missing", 11, 11, "exact", False, ""),
      ("killed", 17, 17, "exact", True, "")]),
    ("hedge before every figure", "Reports said 15 villagers were killed and 20 were wounded.",
     [("killed", 15, 15, "exact", True, ""), ("injured", 20, 20, "exact", True, "")]),
    ("people seized are detained", "Gunmen seized 43 students from a school dormitory.",
     [("detained", 43, 43, "exact", False, "")]),
    ("in captivity", "Two hostages were freed, while 11 remain in captivity.",
     [("released", 2, 2, "exact", False, ""), ("detained", 11, 11, "exact", False, "")]),
    ("a part that goes on with a bare participle shares the hedge before it", "Five people were reportedly killed "
     "and 12 wounded.", [("killed", 5, 5, "exact", True, ""), ("injured", 12, 12, "exact", True, "")]),
    ("a part with no verb of its own shares the hedge after it", "Forty soldiers and 12 civilians were reportedly "
     "killed.", [("killed", 40, 40, "exact", True, ""), ("killed", 12, 12, "exact", True, "")]),
    ("a bare participle after a comma, and after 'others', shares it too", "Five people were reportedly killed, "
     "12 wounded and 30 others injured.", [("killed", 5, 5, "exact", True, ""), ("injured", 12, 12, "exact", True, ""),
                                           ("injured", 30, 30, "exact", True, "")]),
    ("a noun before the participle shares a hedge of the verb group", "Seven people were reportedly killed and 14 "
     "people wounded.", [("killed", 7, 7, "exact", True, ""), ("injured", 14, 14, "exact", True, "")]),
    ("but not one of its own complement", "Up to 300 people were feared dead and more than 15,000 people left "
     "homeless.", [("killed", None, 300, "upper_bound", True, ""),
                   ("displaced", 15001, None, "lower_bound", False, "")]),
    ("a subset shares the hedge of its whole", "Fifty people were reportedly arrested, 12 of them women.",
     [("detained", 50, 50, "exact", True, ""), ("detained", 12, 12, "exact", True, "")]),
    ("a list of subjects after a comma", "In the attack, 40 soldiers, 12 civilians and five journalists were "
     "reportedly killed.", [("killed", 40, 40, "exact", True, ""), ("killed", 12, 12, "exact", True, ""),
                             ("killed", 5, 5, "exact", True, "")]),
    ("a verb of its own shares nothing", "Five soldiers were reportedly killed and 30 escaped.",
     [("killed", 5, 5, "exact", True, ""), ("fled_or_evacuated", 30, 30, "exact", False, "")]),
    ("an object is no subject part", "Police detained 12 protesters and 40 others were reportedly beaten.",
     [("detained", 12, 12, "exact", False, ""), ("injured", 40, 40, "exact", True, "")]),
    ("a subject with an adjective in -ed", "Forty armed men and 12 civilians were reportedly killed.",
     [("killed", 40, 40, "exact", True, ""), ("killed", 12, 12, "exact", True, "")]),
    ("a hedge between figures on the report marks its own part", "The army said 20 rebels were killed, a figure "
     "that could not be independently verified, and three soldiers were wounded.",
     [("killed", 20, 20, "exact", True, "army"), ("injured", 3, 3, "exact", False, "army")]),
    ("unconfirmed reports after every figure", "Ten people died and 20 were hurt according to unconfirmed reports.",
     [("killed", 10, 10, "exact", True, ""), ("injured", 20, 20, "exact", True, "")]),
    ("a hedge on the report marks every figure", "The report that 200 people were killed and 300 wounded could not be "
     "independently confirmed.", [("killed", 200, 200, "exact", True, ""), ("injured", 300, 300, "exact", True, "")]),
    ("an accusation after an article", "Police arrested 12 men and four women in connection with the alleged fraud.",
     [("detained", 12, 12, "exact", False, ""), ("detained", 4, 4, "exact", False, "")]),
    ("an accusation is no hedge of the figure before it", "Police arrested 30 people for alleged tax fraud.",
     [("detained", 30, 30, "exact", False, "police")]),
    ("an alleged figure is hedged", "Police said 12 alleged smugglers were arrested.",
     [("detained", 12, 12, "exact", True, "police")]),
    ("hedge after every figure", "Seven died and 14 were hurt, but the toll could not be independently confirmed.",
     [("killed", 7, 7, "exact", True, ""), ("injured", 14, 14, "exact", True, "")]),
    # sources
    ("sentence-final group", "Twelve people died in the fire, mine owners said.",
     [("killed", 12, 12, "exact", False, "mine owners")]),
    ("lower-case group", "Health officials said 30 people were hurt.",
     [("injured", 30, 30, "exact", False, "health officials")]),
    ("told Reuters", "Ana Ruiz told Reuters that 12 people died.", [("killed", 12, 12, "exact", False, "Ana Ruiz")]),
    ("citing", "Radio Sur, citing police, said 40 people were hurt.",
     [("injured", 40, 40, "exact", False, "Radio Sur (citing police)")]),
    ("named sayer wins", "Governor Ana Ruiz said 50 were dead, Radio Sur reported.",
     [("killed", 50, 50, "exact", False, "Ana Ruiz (Governor)")]),
    ("unnamed sayer leaves the named", "He said 50 were dead, Radio Sur reported.",
     [("killed", 50, 50, "exact", False, "Radio Sur")]),
    ("spokesman for", "Eight people were killed, a spokesman for the newspaper La Voz said.",
     [("killed", 8, 8, "exact", False, "La Voz spokesman")]),
    ("background clause", "The earthquake that killed 300 people was the worst in decades, officials said.",
     [("killed", 300, 300, "exact", False, "")]),
    ("background clause, two verbs joined", "A fire which burned for hours and killed 12 miners was put out, "
     "officials said.", [("killed", 12, 12, "exact", False, "")]),
    ("background clause opened by where", "The company said it reopened the plant, where a blast last month "
     "killed two workers.", [("killed", 2, 2, "exact", False, "")]),
    ("a participle going on with a background clause", "The firm said work stopped after the blaze that broke out "
     "on Monday, trapping 30 workers.", [("other", 30, 30, "exact", False, "")]),
    ("a participle of what is said", "The firm said a blaze broke out on Monday, trapping 30 workers.",
     [("other", 30, 30, "exact", False, "firm")]),
    # a relative clause that opens with its own sayer is the sayer's, resolved as a sentence's source is
    ("a sayer opening the relative clause", "The raid, which the army said killed 40 rebels, ended at dawn.",
     [("killed", 40, 40, "exact", False, "army")]),
    ("a named sayer opening the relative clause", "The fall of the fort, which Tanovia said cost 1,200 lives, "
     "ended the war.", [("killed", 1200, 1200, "exact", False, "Tanovia")]),
    ("a sayer after the relative clause's verb", "The raid, which killed 40 rebels, ended, the army said.",
     [("killed", 40, 40, "exact", False, "")]),
    # a clause about a noun with no "that" and its own sayer: a figure inside it is the sayer's, one outside is not
    ("a sayer of a clause about a noun", "Rebels attacked a camp officials said had housed 300 refugees.",
     [("displaced", 300, 300, "exact", False, "officials")]),
    ("a sayer of a clause about a noun, with 'the'", "Rebels attacked a camp the army said had housed 300 "
     "refugees.", [("displaced", 300, 300, "exact", False, "army")]),
    ("a figure before the clause about a noun", "Twelve people died in a raid the army said was carried out by "
     "rebels.", [("killed", 12, 12, "exact", False, "")]),
    # a relative clause closed before the main verb: the figure is in what the sayer said
    ("main clause after a relative one", "A storm which hit the coast killed 12 people, officials said.",
     [("killed", 12, 12, "exact", False, "officials")]),
    ("a sayer after a relative clause", "Survivors who reached the shore said 40 passengers drowned.",
     [("killed", 40, 40, "exact", False, "survivors")]),
    ("put the toll at", "Hospital officials put the death toll at 12.", [("killed", 12, 12, "exact", False,
                                                                              "hospital officials")]),
    ("a passive toll has no sayer", "The death toll was put at 12.", [("killed", 12, 12, "exact", False, "")]),
    ("an adverb between name and verb", "Kordan earlier said its troops attacked, adding that 90 rebels "
     "were killed.", [("killed", 90, 90, "exact", False, "Kordan")]),
    ("headline says", "RUSSIA SAYS 40 REBELS KILLED", [("killed", 40, 40, "exact", False, "Russia")]),
    ("headline credit", "TEN WORKERS HURT IN FACTORY FIRE, POLICE", [("injured", 10, 10, "exact", False, "police")]),
    ("a crowd affected", "Twelve protesters were shot dead on Tuesday.", [("killed", 12, 12, "exact", False, "")]),
    ("a crowd detained", "Police arrested 40 strikers.", [("detained", 40, 40, "exact", False, "")]),
    # the guide's protesters are people "not affected by the event"; detained, they are affected
    ("protesters detained", "More than 2,000 protesters were detained.",
     [("detained", 2001, None, "lower_bound", False, "")]),
    ("a crowd in custody", "Police took 40 demonstrators into custody.", [("detained", 40, 40, "exact", False, "")]),
    ("firefighters affected", "Three firefighters died.", [("killed", 3, 3, "exact", False, "")]),
    ("the crowd is not counted, the arrested are",
     "About 5,000 protesters marched as police arrested 12 people.", [("detained", 12, 12, "exact", False, "")]),
    ("verb to death", "Four villagers were stabbed to death in the attack.", [("killed", 4, 4, "exact", False, "")]),
    ("verb to death", "Five men were hacked to death overnight.", [("killed", 5, 5, "exact", False, "")]),
    ("gunned down", "Gunmen gunned down nine passengers.", [("killed", 9, 9, "exact", False, "")]),
    ("refuge", "Roughly 500 villagers sought refuge in a church.",
     [("fled_or_evacuated", 500, 500, "approximate", False, "")]),
    ("locked up", "Authorities locked up 25 activists.", [("detained", 25, 25, "exact", False, "")]),
    ("two participles", "Dozens of people were allegedly tortured and killed.",
     [("killed", 24, None, "vague", True, "")]),
    ("a shared scale", "Two to three hundred people were killed.", [("killed", 200, 300, "range", False, "")]),
    ("object, then a clause of its own", "The quake killed 2,000 people and left 80,000 homeless.",
     [("killed", 2000, 2000, "exact", False, ""), ("displaced", 80000, 80000, "exact", False, "")]),
    ("bodies are the dead", "Eight bodies were found in the river.", [("killed", 8, 8, "exact", False, "")]),
    ("the deaths of", "Doctors confirmed the deaths of 14 children.", [("killed", 14, 14, "exact", False, "doctors")]),
    ("number of dead", "The number of dead rose to 57 on Sunday.", [("killed", 57, 57, "exact", False, "")]),
    ("a group named by its event", "Two of the injured died later in hospital.",
     [("killed", 2, 2, "exact", False, "")]),
    ("toll tops", "QUAKE TOLL TOPS 1,000", [("killed", 1000, 1000, "exact", False, "")]),
    ("stranded", "Two hundred people remain stranded at the airport.", [("other", 200, 200, "exact", False, "")]),
    ("the object of the verb before", "Rebels killed 12 soldiers and 30 were wounded.",
     [("killed", 12, 12, "exact", False, ""), ("injured", 30, 30, "exact", False, "")]),
    ("a list shares its verb", "The plane was carrying 150 passengers and six crew, an airline spokesman said.",
     [("other", 150, 150, "exact", False, "airline spokesman"), ("other", 6, 6, "exact", False, "airline spokesman")]),
    ("an adverb in a list", "Twelve soldiers and reportedly three civilians were killed.",  # the adverb hedges its part
     [("killed", 12, 12, "exact", False, ""), ("killed", 3, 3, "exact", True, "")]),
    # a count named before its figure takes the category of the words it names
    ("number of people arrested", "The number of people arrested rose to 50, police said.",
     [("detained", 50, 50, "exact", False, "police")]),
    ("number of cases", "The number of confirmed cases climbed to 69.", [("other", 69, 69, "exact", False, "")]),
    ("put the number at", "Officials put the number of homeless at 3,000.",
     [("displaced", 3000, 3000, "exact", False, "officials")]),
    ("total of dead", "The total of dead or presumed dead rose to 192.", [("killed", 192, 192, "exact", True, "")]),
    ("a total of N is the figure's own", "A total of 19 people were arrested.",
     [("detained", 19, 19, "exact", False, "")]),
    # the whole of a partitive whose part is a numeral word
    ("one of its eight", "One of its eight crew members was killed.",
     [("killed", 1, 1, "exact", False, ""), ("other", 8, 8, "exact", False, "")]),
    ("two of its five", "Two of its five crew members drowned.",
     [("killed", 2, 2, "exact", False, ""), ("other", 5, 5, "exact", False, "")]),
    # charged, tried, sentenced (the guide's "charged" is other)
    ("face charges", "Seven managers will face charges of manslaughter.", [("other", 7, 7, "exact", False, "")]),
    ("sentenced to death is no death", "The court sentenced 12 men to death.",
     [("other", 12, 12, "exact", False, "")]),
    ("the accused", "Three of the accused face further charges.", [("other", 3, 3, "exact", False, "")]),
    # a singular noun counted by "one"; a hard-wrapped last figure is no list number
    ("one soldier", "One soldier was killed and three were wounded.",
     [("killed", 1, 1, "exact", False, ""), ("injured", 3, 3, "exact", False, "")]),
    ("new people nouns", "Police arrested five supporters of the opposition leader.",
     [("detained", 5, 5, "exact", False, "")]),
    ("figure at a wrapped line start", "Rescuers said the toll had risen to\n192.",
     [("killed", 192, 192, "exact", False, "rescuers")]),
    ("arrest warrants", "Police issued arrest warrants against 50 others.", [("other", 50, 50, "exact", False, "")]),
    ("fugitive before its noun", "The country let five fugitive soldiers stay.",
     [("fled_or_evacuated", 5, 5, "exact", False, "")]),
    ("brought out", "The 56 were eventually brought safely out of the mine.",
     [("fled_or_evacuated", 56, 56, "exact", False, "")]),
    ("in hospital", "Twelve people are in hospital.", [("injured", 12, 12, "exact", False, "")]),
    ("a noun of its own category before of", "Survivors of 77 of the victims are suing.",
     [("other", 77, 77, "exact", False, "")]),
    # a participle right after the people, with a preposition, describes them: their verb comes later
    ("a reduced relative clause", "Six other people associated with the bank were jailed in 1983.",
     [("detained", 6, 6, "exact", False, "")]),
    ("a participle that is their own verb", "Forty workers marched to the capital.", []),
    # an "-ing" word between two nouns of a phrase after the people modifies the noun after it
    ("a gerund modifier in a phrase", "Two managers of oil trading firms were detained.",
     [("detained", 2, 2, "exact", False, "")]),
    ("a passive verb, then off", "Hundreds of families were forced off their land.",
     [("displaced", 200, None, "vague", False, "")]),
    ("indicted", "A grand jury indicted three traders.", [("other", 3, 3, "exact", False, "")]),
    ("admitted with injuries", "Hospital officials said 62 people were admitted with injuries.",
     [("injured", 62, 62, "exact", False, "hospital officials")]),
    ("treated with a drug is no injury", "Forty people were treated with antibiotics.", []),
    # the object after a determiner; a total that sums the clause before; "more" before the noun
    ("a determiner before the object", "Police arrested the two men.", [("detained", 2, 2, "exact", False, "")]),
    ("all before the object", "Rebels freed all 12 hostages.", [("released", 12, 12, "exact", False, "")]),
    ("bodies freed are the dead", "Divers worked to free the 80 bodies.", [("killed", 80, 80, "exact", False, "")]),
    ("bringing the total to", "A further 30 were arrested, bringing the total to 120.",
     [("detained", 30, 30, "exact", False, ""), ("detained", 120, 120, "exact", False, "")]),
    ("a total of no claim", "The company hired 300 workers, bringing the total to 5,000.", []),
    ("more before the noun", "Rescuers found five more bodies.", [("killed", 5, 5, "exact", False, "")]),
    # a plural noun the lexicon lacks counts people when only people could suffer its verb
    ("an unlisted noun that died", "All seven shuttle astronauts died in the explosion.",
     [("killed", 7, 7, "exact", False, "")]),
    ("an unlisted noun that was hurt", "Four jockeys were hurt in the fall.", [("injured", 4, 4, "exact", False, "")]),
    ("things are shot down, not hurt", "Two aircraft were shot down.", []),
    ("a name modifying an unlisted noun", "Two Acme currency dealers were arrested.",
     [("detained", 2, 2, "exact", False, "")]),
    ("an unlisted noun as the object of an arrest", "Police arrested two former exchange dealers.",
     [("detained", 2, 2, "exact", False, "")]),
    ("the deaths of an unlisted noun", "The deaths of seven astronauts shocked the nation.",
     [("killed", 7, 7, "exact", False, "")]),
    ("things are killed too", "The Senate killed two bills.", []),
    ("things are detained too", "Customs detained 15 shipments of fruit.", []),
    ("things are held", "The float holding eight currencies was strained.", []),
    ("a deportation of", "The deportation of 35 nurses strained ties.", [("other", 35, 35, "exact", False, "")]),
    ("along with shares the event", "Two soldiers were killed along with three civilians.",
     [("killed", 2, 2, "exact", False, ""), ("killed", 3, 3, "exact", False, "")]),
    ("together with, a partitive", "He was arrested together with two of his sons.",
     [("detained", 2, 2, "exact", False, "")]),
    ("along with, things", "The company was sold along with three subsidiaries.", []),
    ("made homeless, no auxiliary", "Aid reached the 25,000 made homeless by the floods.",
     [("displaced", 25000, 25000, "exact", False, "")]),
    ("made, no event", "Five companies made profits.", []),
    ("a reference owning the source", "The toll rose to 134, according to the country's disaster agency.",
     [("killed", 134, 134, "exact", False, "disaster agency")]),
    ("a name owning the source", "At least 40 people died, according to Tanovia's health ministry.",
     [("killed", 40, None, "lower_bound", False, "Tanovia's health ministry")]),
    ("a name in apposition to the source", "At least 12 people died, according to a local rights group, "
     "Ana Watch.", [("killed", 12, None, "lower_bound", False, "Ana Watch")]),
    ("a storm claims a qualified count", "The storm has claimed at least 16 lives.",
     [("killed", 16, None, "lower_bound", False, "")]),
    ("deaths are the dead whatever follows", "Officials confirmed two deaths and said 60 people were being "
     "treated in hospital.", [("killed", 2, 2, "exact", False, "officials"), ("injured", 60, 60, "exact", False,
                                                                           "officials")]),
    ("things hold talks", "The two companies were holding talks.", []),
    ("executing an agreement", "Three of its shareholders have executed agreements to sell.", []),
    # cases count people only as cases of illness
    ("cases of an illness", "Health officials reported 45 cases of cholera.",
     [("other", 45, 45, "exact", False, "health officials")]),
    ("new cases", "About 200,000 new cases occur each year.", [("other", 200000, 200000, "approximate", False, "")]),
    ("court cases", "Two other bond cases were still in litigation.", []),
    # "held" of a bare figure needs a word of detention in the sentence
    ("a meeting held", "One must be held before June.", []),
    ("shares held", "One new share for every 10 held.", []),
    ("held by the police", "Twelve were held by the police.", [("detained", 12, 12, "exact", False, "")]),
    ("captured, and something else held", "The group captured five and held a rally.",
     [("detained", 5, 5, "exact", False, "")]),
    ("held hostage", "Five were held hostage.", [("detained", 5, 5, "exact", False, "")]),
    ("a meeting being held", "The meeting, being held in June, will elect 12.", []),
    # "free" before a thing is its adjective; "let go" is a layoff more often than a release
    ("free shares", "Its 7,000 employees would each be given free shares.", []),
    ("free hostages", "The rebels agreed to free 12 hostages.", [("released", 12, 12, "exact", False, "")]),
    ("workers let go", "The company let go 300 workers.", []),
    ("at risk of starvation", "The famine has left 2 million people at risk of starvation.",
     [("other", 2000000, 2000000, "exact", False, "")]),
    ("a participle of another noun", "Thousands of farmers protested over interest rates charged by banks.", []),
    ("cases of a fraud", "They were investigating 14 other cases involving 214,000 dlrs.", []),
    ("executed prisoners", "Ten prisoners were executed at dawn.", [("killed", 10, 10, "exact", False, "")]),
    ("an appositive list before its verb", "Everyone aboard the plane, 89 passengers and six crew, died.",
     [("killed", 89, 89, "exact", False, ""), ("killed", 6, 6, "exact", False, "")]),
    ("objects of a chain of verbs", "Gunmen held 12 hostages, freed three and killed one.",
     [("detained", 12, 12, "exact", False, ""), ("released", 3, 3, "exact", False, ""),
      ("killed", 1, 1, "exact", False, "")]),
    ("an unlisted whole of a partitive", "Thas said 32 of the 543 passsengers were confirmed dead.",
     [("killed", 32, 32, "exact", False, "Thas"), ("other", 543, 543, "exact", False, "Thas")]),
    ("sought asylum", "More than 600 people have sought asylum in the embassy.",
     [("fled_or_evacuated", 601, None, "lower_bound", False, "")]),
    ("airlifted to hospital is hurt", "Twenty people were airlifted to hospital.",
     [("injured", 20, 20, "exact", False, "")]),
    # a clause about the claim after it is no source of the figure ("a claim the army denied"), and a hedge
    ("a claim someone denied", "The rebels said they had captured 40 soldiers, a claim the army denied.",
     [("detained", 40, 40, "exact", True, "rebels")]),
    # a sayer after ", but" says what follows, not the clause before it
    ("a contrast opens the sayer's own clause", "Two people were killed in a fire on March 13, but the spokesman "
     "said this blast was far from it.", [("killed", 2, 2, "exact", False, "")]),
    ("a sayer at the end of the sentence", "Two people were killed in a fire but the plant reopened, the spokesman "
     "said.", [("killed", 2, 2, "exact", False, "spokesman")]),
    ("an event phrase with its own object after the figure", "Around 150 people were evacuated, with 20 treated "
     "for smoke inhalation.",
     [("displaced", 150, 150, "approximate", False, ""), ("injured", 20, 20, "exact", False, "")]),
    ("aid recipients are other", "Some 20,000 people are in need of assistance, the agency said.",
     [("other", 20000, 20000, "approximate", False, "agency")]),
    ("a need that is no aid", "The company needs 500 workers.", []),
    ("tortured, as beaten, is harm", "Up to 100 people were allegedly tortured in detention.",
     [("injured", None, 100, "upper_bound", True, "")]),
    ("a ministry by its remit", "The interior ministry said 18 police officers were injured.",
     [("injured", 18, 18, "exact", False, "interior ministry")]),
    # "half of the 800": the 800 are the whole a part was taken from, not the number who met the event
    ("a part named by a word", "Roughly half of the 800 residents were evacuated.",
     [("other", 800, 800, "exact", False, "")]),
    ("all of them are the number", "All of the 300 workers were evacuated.",
     [("displaced", 300, 300, "exact", False, "")]),
    ("a whole with no event", "Half of the 800 residents own cars.", []),
    ("the event is the whole's own", "Half of the 800 people killed were civilians.",
     [("killed", 800, 800, "exact", False, "")]),
    ("the whole's noun says what they are", "Some of the 40 hostages were freed.",
     [("detained", 40, 40, "exact", False, "")]),
    ("a part as a percentage", "Around 40% of the 2,000 inhabitants were evacuated.",
     [("other", 2000, 2000, "exact", False, "")]),
    # a figure after ", but X said" is X's, not the first sayer's: two sources, two figures
    ("a second sayer after a contrast", "Officials said 12 people died, but witnesses said at least 30 were killed.",
     [("killed", 12, 12, "exact", False, "officials"), ("killed", 30, None, "lower_bound", False, "witnesses")]),
    ("a contrast with 'while'", "The army said 40 rebels were killed, while the rebels said only 10 died.",
     [("killed", 40, 40, "exact", False, "army"), ("killed", 10, 10, "exact", False, "rebels")]),
    ("a second estimate put at a figure", "The attack killed 35 people, the health ministry said, though activists "
     "put the toll at more than 50.",
     [("killed", 35, 35, "exact", False, "health ministry"), ("killed", 51, None, "lower_bound", False, "activists")]),
    ("a semicolon and a sayer of its own", "Police said 200 people were arrested; organisers said 500 were detained.",
     [("detained", 200, 200, "exact", False, "police"), ("detained", 500, 500, "exact", False, "organisers")]),
    ("a semicolon, no sayer of its own", "Police said 200 people were arrested; 50 were later freed.",
     [("detained", 200, 200, "exact", False, "police"), ("released", 50, 50, "exact", False, "police")]),
    ("a contrast sayer before 'that'", "Police said 12 died, but witnesses said that 30 were killed.",
     [("killed", 12, 12, "exact", False, "police"), ("killed", 30, 30, "exact", False, "witnesses")]),
    ("a contrast sayer not named: the sentence's", "The army said 40 rebels were killed, but it said only 10 "
     "civilians died.", [("killed", 40, 40, "exact", False, "army"), ("killed", 10, 10, "exact", False, "army")]),
    ("'found' with an object is no saying", "Police said 12 died, but rescuers found 30 bodies in the rubble.",
     [("killed", 12, 12, "exact", False, "police"), ("killed", 30, 30, "exact", False, "police")]),
    ("no verb in a sayer; a relative clause's own", "The ministry said 35 people were killed, while soldiers "
     "patrolled the area where police said 20 were arrested.",
     [("killed", 35, 35, "exact", False, "ministry"), ("detained", 20, 20, "exact", False, "police")]),
    ("a contrast with no sayer of its own", "The ministry said 35 died, while 50 were injured.",
     [("killed", 35, 35, "exact", False, "ministry"), ("injured", 50, 50, "exact", False, "ministry")]),
    # victims are affected people: a count of them is other, unless what happened to them says more
    ("victims with no event word", "Many thousands of victims were still awaiting payments.",
     [("other", 2000, None, "vague", False, "")]),
    ("victims who died", "Twelve victims died in hospital.", [("killed", 12, 12, "exact", False, "")]),
    ("a number after a name is no count", "The crash of a Boeing 747 which killed 520 people.",
     [("killed", 520, 520, "exact", False, "")]),
    ("a count after a name and before its verb", "In Beirut 12 were killed.", [("killed", 12, 12, "exact", False, "")]),
    ("in critical condition", "Fourteen people remain in critical condition.",
     [("injured", 14, 14, "exact", False, "")]),
    ("without shelter", "About 5,000 people were left without shelter.",
     [("displaced", 5000, 5000, "approximate", False, "")]),
    ("where a passive verb took them", "Twenty people were airlifted to safety and six were rushed to hospital.",
     [("fled_or_evacuated", 20, 20, "exact", False, ""), ("injured", 6, 6, "exact", False, "")]),
    ("shot", "Two people were shot by police.", [("injured", 2, 2, "exact", False, "")]),
    ("shot and killed: the death outranks the wound", "Two people were shot and killed.",
     [("killed", 2, 2, "exact", False, "")]),
    ("knifed and shot to death", "Seven youths were knifed and shot to death.",
     [("killed", 7, 7, "exact", False, "")]),
    ("deported", "Authorities deported 300 migrants.", [("other", 300, 300, "exact", False, "")]),
    ("extradited", "Three suspects were extradited.", [("other", 3, 3, "exact", False, "")]),
    ("electrocuted", "Three workers were electrocuted.", [("killed", 3, 3, "exact", False, "")]),
    ("an aside before the verb", "Twelve people, mostly women, were injured.", [("injured", 12, 12, "exact", False, "")]),
    ("an aside of identity is no hedge", "Five men, believed to be a gang, were arrested.",
     [("detained", 5, 5, "exact", False, "")]),
    ("what something is is no hedge", "Three died when an explosion, believed to be a bomb, went off.",
     [("killed", 3, 3, "exact", False, "")]),
    ("illness", "The outbreak has sickened 300 people and 42 more tested positive.",
     [("other", 300, 300, "exact", False, ""), ("other", 42, 42, "exact", False, "")]),
    ("forced to flee", "Hundreds were forced to flee.", [("fled_or_evacuated", 200, None, "vague", False, "")]),
    ("in evacuation centres", "Nearly 100,000 people are staying in evacuation centres.",
     [("displaced", 100000, 100000, "approximate", False, "")]),
    ("found dead", "Five people were found dead in the house.", [("killed", 5, 5, "exact", False, "")]),
    ("treated at the scene", "Ten people were treated at the scene.", [("injured", 10, 10, "exact", False, "")]),
    ("among the dead were", "Among the dead were 12 children.", [("killed", 12, 12, "exact", False, "")]),
    ("the injured include", "The injured include three policemen.", [("injured", 3, 3, "exact", False, "")]),
    ("the casualties included", "The casualties included 40 soldiers.", [("other", 40, 40, "exact", False, "")]),
    ("not verified is a hedge", "At least 40 were killed, a figure that could not be independently verified.",
     [("killed", 40, None, "lower_bound", True, "")]),
    ("verified is no hedge", "At least 40 were killed, a toll that has been independently verified.",
     [("killed", 40, None, "lower_bound", False, "")]),
    ("N of them after a comma", "A total of 19 people were arrested, eight of them affiliated with the firm.",
     [("detained", 19, 19, "exact", False, ""), ("detained", 8, 8, "exact", False, "")]),
    ("a complement after believed", "Three others believed involved had also been arrested.",
     [("detained", 3, 3, "exact", False, "")]),
    ("a breakdown between the whole and its verb", "Five people, three women and two men, were killed.",
     [("killed", 5, 5, "exact", False, ""), ("killed", 3, 3, "exact", False, ""), ("killed", 2, 2, "exact", False, "")]),
    ("a breakdown by nationality", "Gunmen kidnapped four engineers, three French and one Dutch, on Monday.",
     [("detained", 4, 4, "exact", False, ""), ("detained", 3, 3, "exact", False, ""),
      ("detained", 1, 1, "exact", False, "")]),
    ("an unbracketed subset before the verb", "At least 40 soldiers and rebels including a foreign military adviser "
     "died today.", [("killed", 40, None, "lower_bound", False, "")]),
    ("pardoned", "The president pardoned 1,000 prisoners.", [("released", 1000, 1000, "exact", False, "")]),
    ("under house arrest", "Five activists were placed under house arrest.", [("detained", 5, 5, "exact", False, "")]),
    ("behind bars", "Twelve journalists remain behind bars.", [("detained", 12, 12, "exact", False, "")]),
    ("more ways to die", "Twelve people were hanged and 30 were massacred.",
     [("killed", 12, 12, "exact", False, ""), ("killed", 30, 30, "exact", False, "")]),
    ("burned alive is a death", "Four people were burned alive.", [("killed", 4, 4, "exact", False, "")]),
    ("beaten", "Twelve people were beaten.", [("injured", 12, 12, "exact", False, "")]),
    ("uprooted", "About 40,000 people were uprooted.", [("displaced", 40000, 40000, "approximate", False, "")]),
    ("suffer from an illness", "Ten people are suffering from cholera.", [("other", 10, 10, "exact", False, "")]),
    ("a list after a group named by its event", "Among the dead were four children and two police officers.",
     [("killed", 4, 4, "exact", False, ""), ("killed", 2, 2, "exact", False, "")]),
    ("forced N from their homes", "Floods forced more than 100,000 from their homes.",
     [("displaced", 100001, None, "lower_bound", False, "")]),
    ("driven off their land", "Some 3,000 peasants were driven off their land.",
     [("displaced", 3000, 3000, "approximate", False, "")]),
    ("users stranded", "An estimated 1.2 mln metro users were stranded today.",
     [("other", 1200000, 1200000, "approximate", False, "")]),
    ("one person named by a nationality, after the verb", "The attack killed two Americans and wounded one Briton.",
     [("killed", 2, 2, "exact", False, ""), ("injured", 1, 1, "exact", False, "")]),
    ("receiving medical care", "Four of them were receiving medical care.", [("injured", 4, 4, "exact", False, "")]),
    ("people by their form", "Police arrested four industrialists and two congressmen were hurt.",
     [("detained", 4, 4, "exact", False, ""), ("injured", 2, 2, "exact", False, "")]),
    ("no breakdown of things after people", "Police arrested 12 people, 3 cars and two Toyota vans.",
     [("detained", 12, 12, "exact", False, "")]),
])
def test_guide_v2_rules(rule, sentence, expected):
    assert claim_tuples(extract_claims(corpus(sentence))) == expected, rule


# CLAIMS_GUIDE version 2 "Distractors": invented sentences of every kind, none a claim
@pytest.mark.parametrize("kind, sentence", [
    ("money", "Insurers expect claims of 800 mln dlrs after the crash."),
    ("money range", "Compensation is between 30,000 stg and 50,000 in case of death."),
    ("durations sharing a unit", "The patients were treated for 11 and seven months."),
    ("percentage", "Unemployment rose to 9.6 pct of the workforce."),
    ("goods", "The port handled 260,000 barrels per day before the blast."),
    ("goods", "About 30,000 tonnes of wheat were lost in the floods."),
    ("goods seized", "Police seized 400 kilograms of cocaine and 12 rifles."),
    ("things", "The quake damaged 4,500 houses."),
    ("things", "Fourteen ships are stranded in the harbour."),
    ("people with no event", "The network now has 1.2 mln users, the company said."),
    ("a nationality that modifies a thing", "The navy seized two Iranian tankers."),
    ("things", "Sixteen villages were evacuated."),
    ("things", "Rebels destroyed 45 enemy tanks."),
    ("scale", "The quake measured 6.5 on the Richter scale."),
    ("measure", "The fire spread over 120 acres."),
    ("market", "Shares fell 4-3/8 to 95-1/2 after the explosion."),
    ("strikers", "Nearly 7,000 workers walked out."),
    ("a crowd", "About 5,000 protesters marched through the capital."),
    ("strikers near an event word", "Some 3,000 strikers gathered where men were killed last week."),
    ("union members", "The union's 20,000 members voted to strike."),
    ("firemen sent", "Some 200 firemen fought the blaze."),
    ("attackers", "Up to 800 guerrillas attacked the base."),
    ("force strength", "They routed a 5,000-strong force."),
    ("population", "The town has about 16,000 people."),
    ("layoffs", "The company will lay off 3,500 workers."),
    ("seats", "The party won 42 of the 46 seats."),
    ("unit name", "Brigade 604 was shattered in the fighting."),
    ("time", "The blast happened at 0336 GMT."),
    ("duration", "The 12-hour kidnapping ended on Monday."),
    ("ordinal", "It was the second bombing this month."),
    ("article", "A man died when his truck overturned."),
    ("name", "Prime Minister Ana Ruiz died after the attack."),
    ("zero", "No casualties were reported."),
    ("zero", "No one was wounded in the blast."),
    ("zero", "The shelling caused no injuries."),
    ("vague", "Many were arrested after the riots."),
    ("vague", "There were heavy casualties."),
    ("vague", "Some people had been injured but did not know how many."),
    ("all but one", "All but one were British."),
    ("ratio", "Holders get one new share for every three held."),
    ("ratio", "The bank issued shares on the basis of one for five already held."),
    ("verdict", "Should the three be found guilty, they will pay the taxes."),
    ("whole of a part that is no claim", "Loans went to only 19 of its 29 developing members."),
    ("whole of a numeral part that is no claim", "The institute is one of five leading research bodies."),
    ("a singular noun modifies the next", "Several member countries believed central banks held reserves."),
    ("a singular noun modifies the next", "The firm will supply 132 fighter aircraft."),
    ("a singular noun modifies the next", "The company seeks 1,000 prison beds."),
    ("an event word of an earlier clause", "Farris, who has since died, wrote to two Houston lawyers."),
    ("an event word of an earlier clause", "Privately held Mintax has 900 employees."),
    ("lives of is no toll", "The vaccine could save the lives of over a million."),
    ("financial warrants", "Investors also get two warrants for the B series."),
    ("a flight number", "Investigators said Flight 103 broke up over the town."),
    ("an active verb with a noun object", "Hundreds of thousands of farmers held rallies on Tuesday."),
    ("an active verb with a noun object", "More than 16,000 workers, mainly in the south, held warning strikes."),
    ("a workforce affected by a shutdown", "About 2,800 members of the union are affected by the shutdown."),
    ("of which: things", "The firm has 11,109,190 shares outstanding, of which about 1,734,000 are held by a bank."),
    ("a date before a count", "On March 12 100 km of road were closed."),
    ("a part of a whole of things", "Only five of the 37 fields have been found since 1960, three of them at sea."),
    ("a list of ratios", "Holders may get one free share for every 15, 18 or 20 already held."),
])
def test_guide_v2_distractors(kind, sentence):
    assert extract_claims(corpus(sentence)).empty, kind


def test_definite_references_and_it_resolve_to_the_organisation_named_before():
    text = "Acme Mining Corp said 12 men were trapped.\n\nThe company said later that five were rescued."
    assert claim_tuples(extract_claims(corpus(text))) == [
        ("other", 12, 12, "exact", False, "Acme Mining"),
        ("fled_or_evacuated", 5, 5, "exact", False, "Acme Mining"),
    ]


@pytest.mark.parametrize("text, expected", [
    # a body of the state is never the organisation named before it
    ("Flash floods killed 38 people, the Red Cross said.\n\nThe government said 25,000 people were sheltering.",
     ["Red Cross", "government"]),
    ("The quake killed 2,000 people, the Red Crescent said.\n\nPolice detained 48 contractors, the justice ministry said.",
     ["Red Crescent", "justice ministry"]),
    # a ministry named by its remit is the one of that remit
    ("Twelve died, the Health Ministry said.\n\nNine were arrested, the interior ministry said.",
     ["Health Ministry", "interior ministry"]),
    ("The Government Accountability Office released a report.\n\nThe government said 40 people were detained.",
     ["government"]),
    # an office in apposition after an inverted sayer, at the sentence's end
    ('"We have found 30 bodies so far," said Ivan Petrov, the regional governor.', ["Ivan Petrov (governor)"]),
    # a reference with no source before is the organisation named before whose name holds its words
    ("The Interior Ministry issued a statement.\n\nThe ministry said 12 people died.", ["Interior Ministry"]),
    ("The Health Ministry issued a statement.\n\nThe interior ministry said 12 people died.", ["interior ministry"]),
    # a title written with a full stop is no name of its own; a plural possessive keeps its apostrophe
    ('"We took 37 people to hospital," said Dr. Ana Ruiz.', ["Ana Ruiz"]),
    ("Gunmen killed 12 people, a doctors' committee said.", ["doctors' committee"]),
])
def test_references_titles_and_possessives_in_sources(text, expected):
    assert extract_claims(corpus(text))["attributed_to"].tolist() == expected


def test_every_row_has_a_rule_naming_its_category_and_source():
    claims = extract_claims(corpus("Twelve people died in the fire, mine owners said."))
    assert claims["rule"].tolist() == ["category: 'died' after it; source: sentence-final 'mine owners said'"]
    assert CLAIM_COLUMNS[-1] == "rule" and CLAIM_COLUMNS[:12] == [
        "doc_id", "outlet", "category", "value_low", "value_high", "qualifier", "hedged", "attributed_to", "stated",
        "sentence", "start", "end"]


@pytest.mark.parametrize("content, message", [
    ("category,role,term\nkilled,event,died\nkiled,event,slain\n", r"line 3: unknown category 'kiled'"),
    ("category,role,term\nkilled,verb,died\n", r"line 2: unknown role 'verb'"),
    ("category,role,term\nkilled,event\n", r"line 2: expected 3 fields"),
    ("# comment\ncategory,role,term\nkilled,event,\n", r"line 3: empty term"),
    ("term,role\nkilled,event\n", r"line 1: a claims lexicon starts with the header"),
])
def test_a_bad_lexicon_names_the_file_and_the_line(tmp_path, content, message):
    path = tmp_path / "my_lexicon.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=r"my_lexicon\.csv, " + message):
        load_lexicon(path)
    with pytest.raises(ValueError, match="my_lexicon.csv"):
        extract_claims(corpus("Three men died."), lexicon=path)


def test_an_over_long_sentence_is_not_read_and_says_so():
    from analysis.claims.extract import MAX_SENTENCE_CHARS

    table = ", ".join(f"{i + 3000} men died" for i in range(MAX_SENTENCE_CHARS // 10))
    docs = corpus("Three men died.\n\n" + table + ".")
    with pytest.warns(UserWarning, match=r"1 sentence\(s\) longer than 5,000 characters .*d0 at 17"):
        claims = extract_claims(docs)
    assert claims["stated"].tolist() == ["Three"]


def test_many_figures_in_a_sentence_are_categorised_with_their_neighbours_found_once():
    from analysis.claims.categories import SentenceFigures
    from analysis.claims.figures import find_figures

    found = find_figures("Three died, one was hurt and 40 fled.")
    neighbours = SentenceFigures(found)
    three, one, forty = found
    assert neighbours.next_boundary(three, 99) == forty.first  # "one" is no boundary
    assert neighbours.previous_boundary(forty) == three.last and neighbours.previous_end(forty) == one.last


@pytest.mark.parametrize("raw, category, low, stated", [
    ("Police det\u200bained 30 men on Monday.", "detained", 30, "30"),
    ("Police detained 30\u200b0 men on Monday.", "detained", 300, "30\u200b0"),
    ("Four hun\u00addred people were kil\u200bled.", "killed", 400, "Four hun\u00addred"),
])
def test_zero_width_characters_do_not_hide_a_figure(raw, category, low, stated):
    docs = pd.DataFrame({"doc_id": ["a"], "outlet": [""], "raw_text": [raw], "spans": [(("body", 0, len(raw)),)]})
    found = extract_claims(docs)
    assert found[["category", "value_low", "stated"]].values.tolist() == [[category, low, stated]]
    assert raw[found.loc[0, "start"]:found.loc[0, "end"]] == stated  # offsets into raw_text, which keeps them


@pytest.mark.parametrize("docs", [
    pd.DataFrame({"doc_id": ["a"], "text": ["Twelve people were killed."]}),
    pd.DataFrame({"doc_id": ["a"], "raw_text": ["Twelve people were killed."]}),
])
def test_a_plain_table_of_texts_is_read_whole(docs):
    found = extract_claims(docs)
    assert found[["doc_id", "outlet", "category", "value_low"]].values.tolist() == [["a", "", "killed", 12]]


def test_a_table_without_text_is_refused_by_name():
    with pytest.raises(ValueError, match="needs a 'doc_id' column and a 'text'.*it has 'id', 'body'"):
        extract_claims(pd.DataFrame({"id": ["a"], "body": ["Twelve people were killed."]}))


@pytest.mark.parametrize("sentence, expected", [
    # CLAIMS_GUIDE: subsets get their own row, in the category of the whole
    ("Six people, including four policemen, were wounded.", [("injured", 6), ("injured", 4)]),
    ("The blast killed 12 people, among them five soldiers.", [("killed", 12), ("killed", 5)]),
    ("Officials said 40 people, including 12 women, were detained.", [("detained", 40), ("detained", 12)]),
    ("The group, including 30 companies, grew.", []),  # no claim in the whole: none in the subset
])
def test_a_subset_takes_the_category_of_its_whole(sentence, expected):
    found = extract_claims(corpus(sentence))
    assert [(r.category, int(r.value_low)) for r in found.itertuples()] == expected
    assert all("a subset of" in rule for rule in found["rule"].iloc[1:])

