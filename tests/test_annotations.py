"""The hand annotations of the seeds: seed_quotes.csv is well formed and agrees with the texts and the passages."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis import paths
from analysis.segmenting import LABELS

SEED_QUOTES_CSV = paths.ANNOTATIONS_DIR / "seed_quotes.csv"
QUOTE_COLUMNS = ["file", "quote_id", "kind", "speaker", "speaker_org", "cue", "start", "end", "quote", "segment"]
KINDS = {"direct", "indirect", "mixed"}
#: Double marks and the opening single mark; a closing single mark or a straight ' is also an apostrophe.
QUOTE_MARKS = "\"“”‘"


@pytest.fixture(scope="module")
def quotes():
    return pd.read_csv(SEED_QUOTES_CSV, dtype={"start": int, "end": int}, keep_default_na=False)


@pytest.fixture(scope="module")
def texts():
    return {path.name: open(path, encoding="utf-8").read() for path in paths.RAW_DATA_DIR.glob("*.txt")}


def test_columns_kinds_ids_speakers_and_segments(quotes, texts):
    assert quotes.columns.tolist() == QUOTE_COLUMNS
    assert set(quotes["kind"]) == KINDS
    assert quotes["quote_id"].is_unique
    assert set(quotes["file"]) == set(texts), "every seed file has quotations, and only seed files are named"
    assert (quotes["speaker"].str.strip() != "").all()
    assert set(quotes["segment"]) <= set(LABELS)
    assert {"body", "comments"} <= set(quotes["segment"]), "reader comments are annotated too"


def test_quote_is_the_slice_of_the_file_it_points_at(quotes, texts):
    wrong = [r.quote_id for r in quotes.itertuples()
             if not 0 <= r.start < r.end <= len(texts[r.file]) or texts[r.file][r.start:r.end] != r.quote]
    assert not wrong


def test_ids_are_the_file_prefix_and_a_running_number_in_text_order(quotes):
    for file, rows in quotes.groupby("file", sort=False):
        assert rows["start"].is_monotonic_increasing, file
        assert rows["quote_id"].tolist() == [f"{file[:3]}-q{i:02d}" for i in range(1, len(rows) + 1)]


def test_spans_follow_the_guide_for_each_kind(quotes):
    direct = quotes[quotes["kind"] == "direct"]
    # A direct span excludes its own marks (a continuation paragraph opens with one inside the span).
    assert not direct["quote"].str[0].isin(list(QUOTE_MARKS)).any()
    assert not direct["quote"].str[-1].isin(list("\"”’")).any()
    has_mark = quotes["quote"].map(lambda q: any(m in q for m in QUOTE_MARKS))
    assert not has_mark[quotes["kind"] == "indirect"].any(), "quoted words in a reported clause make it mixed"
    assert has_mark[quotes["kind"] == "mixed"].all()
    # Only a quotation that no frame introduces has no cue, and it is direct.
    assert set(quotes.loc[quotes["cue"] == "", "kind"]) == {"direct"}
    assert not quotes["quote"].str.match(r"that\b|\s").any() and not quotes["quote"].str.contains(r"\s$").any()


@pytest.mark.parametrize("file, words, kind, speaker, speaker_org, segment", [
    # a direct quotation running over two paragraphs is one row
    ("002_90e8a12c1b7c9ede.txt", "\n\n‘Any references to", "direct", "Russian LGBT Network", "", "body"),
    ("004_437f98d81bbefe43.txt", "\n\n“It is difficult to overstate", "direct", "Tanya Lokshina",
     "Human Rights Watch", "body"),
    # the channel ("X says that Y said", "..., X reports") is not the speaker
    ("004_437f98d81bbefe43.txt", "she had been receiving reports", "indirect", "Ekaterina Sokiryanskaya",
     "International Crisis Group", "body"),
    ("000_aa049eff8b86ffac.txt", "30 to 40 individuals", "indirect", "men claiming to have survived the gay camps",
     "", "body"),
    # pronouns and "the publication" resolved within the article; "unknown" only when the article never says
    ("004_437f98d81bbefe43.txt", "They are tortured with electric currents", "direct", "Svetlana Zakharova",
     "Russian LGBT Network", "body"),
    ("004_437f98d81bbefe43.txt", "Argun, a Russian town, has a secret prison", "indirect", "Novaya Gazeta", "", "body"),
    ("001_c86dd7cb03905355.txt", "All the people arrested are homosexual", "direct", "unknown", "", "body"),
    # quotations outside the article are annotated with their segment
    ("001_c86dd7cb03905355.txt", "Tottenham are a good team", "direct", "unknown", "", "off_topic"),
    ("003_73d65814a2393c9c.txt", "there are no homosexuals in Chechnya", "indirect", "Ramzan Kadyrov",
     "head of the Chechen Republic", "comments"),
])
def test_rows_that_illustrate_the_guide(quotes, file, words, kind, speaker, speaker_org, segment):
    rows = quotes[(quotes["file"] == file) & quotes["quote"].str.contains(words, regex=False)]
    assert len(rows) == 1, words
    row = rows.iloc[0]
    assert (row.kind, row.speaker, row.speaker_org, row.segment) == (kind, speaker, speaker_org, segment)


def test_scare_quotes_and_quoted_terms_are_not_quotations(quotes, texts):
    # Every quoted stretch of at most three words lies outside all rows, or inside a longer quotation.
    short = re.compile(r"[\"“‘']([^\"“”‘’'\n]{1,40})[\"”’']")
    for file, text in texts.items():
        spans = quotes.loc[quotes["file"] == file, ["start", "end"]].itertuples(index=False)
        spans = list(spans)
        for m in short.finditer(text):
            if len(m.group(1).split()) > 3 or not m.group(1).strip()[:1].isalpha():
                continue
            assert not any(s == m.start(1) and e == m.end(1) for s, e in spans), (file, m.group(0))


def test_segments_agree_with_the_loader(quotes, seed_corpus):
    segs = seed_corpus.segments
    for r in quotes.itertuples():
        doc = segs[(segs["doc_id"] == r.file.removesuffix(".txt")) & (segs["start"] <= r.start) & (segs["end"] >= r.end)]
        assert doc["label"].tolist() == [r.segment], r.quote_id


def test_every_paraphrase_pair_overlaps_a_quotation_in_both_files(quotes):
    passages = pd.read_csv(paths.SEED_PASSAGES_CSV)
    for p in passages[passages["kind"] == "paraphrase"].itertuples():
        for doc, start, end in ((p.doc_a, p.start_a, p.end_a), (p.doc_b, p.start_b, p.end_b)):
            rows = quotes[(quotes["file"] == f"{doc}.txt") & (quotes["start"] < end) & (quotes["end"] > start)]
            assert len(rows), f"paraphrase pair {p.pair}: no quotation in {doc} at {start}-{end}"
