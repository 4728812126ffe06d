"""Claimed figures: category, bounds, hedge and source per sentence; the seed gates; summaries."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import paths
from analysis.charts.claims import CHART_CATEGORIES, claims_chart, claims_chart_data, provenance_chart
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
    ("Several are believed to have been killed.", ("killed", 3, None, "vague", True, "")),
    ("Dozens of gay men are being held in Argun.", ("detained", 24, None, "vague", False, "")),
    ("Scores of villagers were killed.", ("killed", 40, None, "vague", False, "")),
    ("Hundreds of people have fled the region.", ("fled_or_evacuated", 200, None, "vague", False, "")),
    ("Several hundred men were arrested.", ("detained", 300, None, "vague", False, "")),
    ("Around three are known to be dead.", ("killed", 3, 3, "approximate", False, "")),
    ("Fifty-two men were released on Monday.", ("released", 52, 52, "exact", False, "")),
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
])
def test_sentence_claims(sentence, expected):
    assert claim_tuples(extract_claims(corpus(sentence))) == [expected]


# every distractor kind of CLAIMS_GUIDE: no claim at all
@pytest.mark.parametrize("kind, sentence", [
    ("date", "Posted April 13, 2017, the report said men were detained."),
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
    ("protesters", "More than 2,000 protesters were detained."),
    ("not people", "Three bombs killed no one."),
    ("not people", "The bank held a further 1.99 mln shares."),
])
def test_distractors_are_not_claims(kind, sentence):
    assert extract_claims(corpus(sentence)).empty, kind


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
    assert set(lexicon["role"]) == {"event", "place", "person", "ignore", "negation"}
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
    row = table[(table.outlet == "004_437f98d81bbefe43") & (table.category == "killed")].iloc[0]
    assert (row["n_mentions"], row["lowest"], row["highest"], row["share_hedged"]) == (2, 3, 3, 0.5)
    assert row["sources"] == "Tanya Lokshina (Human Rights Watch); Washington Post"
    assert "Inquisitr" in set(table["outlet"])


def test_provenance_counts_originators_per_outlet(seed_claims):
    table = provenance(seed_claims)
    counts = {(o, s): n for o, s, n in table.itertuples(index=False)}
    assert counts[("Gay Star News", "own voice")] == 3
    assert counts[("Gay Star News", "activists")] == 1
    assert counts[("004_437f98d81bbefe43", "Tanya Lokshina (Human Rights Watch)")] == 2


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


# ------------------------------------------------------------------ charts


def test_claims_chart_has_a_panel_per_category_and_a_row_per_outlet(seed_claims):
    fig = claims_chart(seed_claims)
    axes = fig.axes
    assert [ax.get_title() for ax in axes] == ["Detained", "Killed", "Held together (per room)", "Camps and prisons"]
    rows = [t.get_text() for t in axes[0].get_yticklabels()]
    assert "004_437f98d81bbefe43" in rows and "Inquisitr" in rows and "" not in rows
    labels = {t.get_text() for ax in axes for t in ax.texts}
    assert "Tanya Lokshina (Human Rights Watch)" in labels


def test_claims_chart_data_is_the_claims_plotted_with_sentences(seed_claims):
    data = claims_chart_data(seed_claims)
    assert len(data) == seed_claims["category"].isin(CHART_CATEGORIES).sum()
    assert {"row", "mark", "sentence", "attributed_to"} <= set(data.columns)
    marks = dict(zip(data["stated"], data["mark"]))
    assert (marks["around 30 or 40"], marks["At least 100"], marks["Dozens"], marks["Around 100"]) == (
        "bar", "arrow", "hollow", "point")


def test_provenance_chart_draws_the_matrix(seed_claims):
    fig = provenance_chart(provenance(seed_claims))
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()][0] == "own voice"
    assert "3" in {t.get_text() for t in ax.texts}


# --------------------------------------------------------------------- CLI


def test_cli_writes_the_claims_table(tmp_path):
    out = tmp_path / "claims.csv"
    assert main(["claims", str(paths.RAW_DATA_DIR), "--out", str(out)]) == 0
    table = pd.read_csv(out, keep_default_na=False)
    assert list(table.columns) == CLAIM_COLUMNS and len(table) == 18
