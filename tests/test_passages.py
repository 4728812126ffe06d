"""Shared passages: the seed gold pairs, robustness to typography and small edits, boilerplate, scale."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from analysis import paths
from analysis.charts.similarity import passage_html, plot_shared_words
from analysis.cli import main
from analysis.passages import PASSAGE_COLUMNS, overlaps, shared_passages, shared_words_by_outlet


def two(text_a: str, text_b: str) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "raw_text": [text_a, text_b]})


@pytest.fixture(scope="module")
def seed_found(seed_docs):
    return shared_passages(seed_docs)


@pytest.fixture(scope="module")
def gold():
    return pd.read_csv(paths.SEED_PASSAGES_CSV)


def test_every_verbatim_and_near_gold_pair_is_found_with_its_kind(seed_found, gold):
    for g in gold[gold["kind"].isin(["verbatim", "near"])].itertuples():
        hits = [f for f in seed_found.itertuples() if overlaps(g, f)]
        assert hits, f"gold pair {g.pair} ({g.kind}) not found: {g.text_a!r}"
        assert hits[0].kind == g.kind, f"gold pair {g.pair}"


def test_at_most_one_spurious_passage_on_the_seeds(seed_found, gold):
    spurious = [f.text_a for f in seed_found.itertuples() if not any(overlaps(g, f) for g in gold.itertuples())]
    assert len(spurious) <= 1, spurious


def test_offsets_point_into_raw_text(seed_docs, seed_found):
    raw = dict(zip(seed_docs["doc_id"], seed_docs["raw_text"]))
    assert list(seed_found.columns) == PASSAGE_COLUMNS
    for f in seed_found.itertuples():
        assert raw[f.doc_a][f.start_a:f.end_a] == f.text_a
        assert raw[f.doc_b][f.start_b:f.end_b] == f.text_b


QUOTE = "Filing an official complaint against local security officials is extremely risky, as retaliation is inevitable"


@pytest.mark.parametrize("text_a, text_b, kind", [
    # quotation marks, apostrophes, case
    ("He said “you can’t detain and harass someone who doesn’t exist here” today.",
     "They said 'You can't detain and harass someone who doesn't exist here'.", "verbatim"),
    # a line break, a quotation split into two paragraphs
    ("No traditions can justify kidnapping or killing of a human being. Any references are criminal.",
     "No traditions can justify kidnapping or killing of a human being.\n\n‘Any references are criminal.",
     "verbatim"),
    # one word changed
    (QUOTE, QUOTE.replace("risky", "dangerous"), "near"),
    ("You can not arrest or repress people who just don't exist in the republic",
     "You cannot arrest or repress people who just don’t exist in the republic", "near"),
    ("Homosexuals in Chechnya are treated very harshly and prosecuted daily",
     "Homosexuals in Chechyna are treated very harshly and prosecuted daily", "near"),
    ("The mayor said the flood barriers along the river would be raised before the winter storms",
     "The mayor said the flood defences along the river would be raised before the winter storms", "near"),
    # names and titles are not a shared passage; nor is a short phrase
    ("Reports said the camps were run by the head of the Chechen Republic, Ramzan Kadyrov, himself.",
     "Officials of the ruthless head of the Chechen Republic, Ramzan Kadyrov, have denied it.", None),
    ("A letter from the Governor of the State of New York, Andrew Cuomo, arrived.",
     "Aides to the Governor of the State of New York, Andrew Cuomo, declined to comment.", None),
    ("Gay men are being rounded up and sent to camps.", "Suspected men are being rounded up and detained.", None),
])
def test_passage_kind(text_a, text_b, kind):
    found = shared_passages(two(text_a, text_b))
    assert found["kind"].tolist() == ([kind] if kind else [])


def test_near_passage_keeps_its_edges():
    said = "people who just don't exist in the republic"
    found = shared_passages(two(f"Karimov: “You can not arrest or repress {said}”",
                                f"“You cannot arrest or repress {said.replace(chr(39), '’')},” he said"))
    assert found.loc[0, "text_a"] == "You can not arrest or repress people who just don't exist in the republic"
    assert found.loc[0, "text_b"] == "You cannot arrest or repress people who just don’t exist in the republic"
    assert found.loc[0, "n_words"] == 12 and 0.85 < found.loc[0, "score"] < 1


def test_a_chance_word_across_a_sentence_end_is_not_part_of_the_passage():
    found = shared_passages(two("There was nobody to detain. They insisted ‘you can’t detain and harass someone "
                                "who doesn’t exist in the republic’.",
                                "No people to detain: “you can’t detain and harass someone who doesn’t exist in "
                                "the republic”."))
    assert found["text_a"].tolist() == ["you can’t detain and harass someone who doesn’t exist in the republic"]
    assert found["kind"].tolist() == ["verbatim"]


def test_passages_in_a_different_order_are_all_found():
    first = "Homosexuals are treated very harshly and prosecuted daily and they are afraid to talk about it."
    second = "Another former inmate said he was beaten to force them to name other members of the community."
    third = "Filing an official complaint against local security officials is extremely risky in the region."
    found = shared_passages(two(f"{first} Filler words here. {second} More filler. {third}",
                                f"{third} Unrelated. {first} Something else entirely. {second}"))
    assert len(found) == 3 and set(found["kind"]) == {"verbatim"}


@pytest.mark.parametrize("min_words, expected", [(7, 1), (14, 1), (15, 0)])
def test_min_words_counts_shared_words(min_words, expected):
    text = "the men were beaten to force them to name other members of the community"  # 14 words
    assert len(shared_passages(two(f"Reports: {text}.", f"Claims: {text}!"), min_words=min_words)) == expected


def test_comments_are_searched_only_when_asked():
    said = "Is there anything that we can do to help these persecuted individuals right now"
    raw = [f"A story about camps.\n1. Mike\n{said}\n", f"A different story.\n{said}\n"]
    docs = pd.DataFrame({"doc_id": ["a", "b"], "raw_text": raw,
                         "spans": [(("body", 0, 21), ("comments", 21, len(raw[0]))), (("body", 0, len(raw[1])),)]})
    assert shared_passages(docs).empty
    found = shared_passages(docs, include="all")
    assert found["text_a"].tolist() == [said]


def test_boilerplate_ngrams_do_not_make_candidates():
    sentence = "the company said it expects to report a gain on the sale of the unit"
    docs = pd.DataFrame({"doc_id": list("abc"), "raw_text": [f"{sentence}. {w}" for w in ("One", "Two", "Three")]})
    assert len(shared_passages(docs)) == 3
    assert shared_passages(docs, max_doc_freq=2).empty


def test_copies_are_found_among_many_documents():
    rng = random.Random(0)
    words = [f"w{k}" for k in range(2000)]
    texts = [" ".join(rng.choices(words, k=rng.randint(20, 80))) for _ in range(300)]
    copies = {5: 250, 17: 299, 42: 100}
    for original, copy in copies.items():
        texts[copy] = texts[original]
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(300)], "raw_text": texts})
    found = shared_passages(docs, progress=False)
    assert set(zip(found["doc_a"], found["doc_b"])) == {(f"d{min(a, b)}", f"d{max(a, b)}") for a, b in copies.items()}
    assert set(found["kind"]) == {"verbatim"} and (found["score"] == 1).all()


def test_shared_words_by_outlet_is_symmetric_and_names_unknown_outlets(seed_docs, seed_found):
    table = shared_words_by_outlet(seed_found, seed_docs)
    grid = table.pivot(index="outlet_a", columns="outlet_b", values="n_words")
    assert (grid == grid.T).all().all()
    assert "(unknown: 004_437f98d81bbefe43)" in grid.index and "" not in grid.index
    assert table["n_passages"].sum() == 2 * len(seed_found)
    assert grid.loc["Inquisitr", "Gay Star News"] == 30
    assert plot_shared_words(table).texts[0].get_text() == "Words in passages shared between outlets"


def test_passage_html_marks_the_changed_words_and_escapes(seed_found):
    page = passage_html(seed_found)
    assert "<mark>risky</mark>" in page and "<mark>dangerous</mark>" in page
    assert "<mark>Filing</mark>" not in page
    tricky = pd.DataFrame({"doc_a": ["<a>"], "doc_b": ["b"], "kind": ["near"], "n_words": [3],
                           "text_a": ["x <script>alert(1)</script> & y"], "text_b": ["x & y"]})
    page = passage_html(tricky)
    assert "<script>" not in page and "&lt;/<mark>script</mark>&gt;" in page and "&lt;a&gt;" in page


def test_cli_passages_writes_the_table(tmp_path):
    out = tmp_path / "passages.csv"
    assert main(["passages", str(paths.RAW_DATA_DIR), "--out", str(out)]) == 0
    table = pd.read_csv(out)
    assert list(table.columns) == PASSAGE_COLUMNS and len(table) >= 9
    assert main(["passages", str(paths.RAW_DATA_DIR), "--min-words", "20", "--out", str(out)]) == 0
    assert pd.read_csv(out)["n_words"].min() >= 20


def test_compiled_aligner_gives_difflibs_blocks():
    """cydifflib stands in for difflib.SequenceMatcher only because its matching blocks are the same."""
    import difflib

    from cydifflib import SequenceMatcher

    rng = random.Random(7)
    for _ in range(500):
        vocabulary = rng.randint(1, 40)
        a = [rng.randrange(vocabulary) for _ in range(rng.randint(0, 60))]
        b = [rng.randrange(vocabulary) for _ in range(rng.randint(0, 60))]
        if rng.random() < 0.5:  # a shared stretch, as in a copied passage
            b = b[:10] + a[rng.randint(0, len(a)):] + b[10:]
        expected = difflib.SequenceMatcher(None, a, b, autojunk=False)
        found = SequenceMatcher(None, a, b, autojunk=False)
        assert [tuple(m) for m in found.get_matching_blocks()] == [tuple(m) for m in expected.get_matching_blocks()]
        assert found.get_opcodes() == expected.get_opcodes()


@pytest.mark.parametrize("n_chunks", [1, 2, 5])
def test_corpus_words_and_ngrams_are_each_documents_own_whatever_the_chunks(n_chunks):
    from inline_corpus import make_docs

    from analysis.passages import _doc_tokens, _ngram_keys, _ngram_keys_of, _Words, _words_chunk

    docs = make_docs([
        ("a", "X", [("headline", "Camps for gay men. "), ("body", "Police detained “dozens” of men.\nThey deny it.")]),
        ("b", "Y", ""),
        ("c", "Y", [("body", "Dozens of men were detained. Police deny it. "), ("comments", "men men men men men"),
                    ("body", "A second part with men, detained by police.")]),
        ("d", "Z", "Police detained dozens of men, and deny it"),
    ])
    labels = {"headline", "body"}
    raws, spans = docs["raw_text"].tolist(), docs["spans"].tolist()
    bounds = [(k * len(raws) // n_chunks, (k + 1) * len(raws) // n_chunks) for k in range(n_chunks)]
    words = _Words.join([c for lo, hi in bounds for c in _words_chunk((raws, spans, labels), lo, hi)], len(raws))
    vocabulary: dict[str, int] = {}
    expected = [_doc_tokens(raw, sp, labels, vocabulary) for raw, sp in zip(raws, spans)]
    keys, where = _ngram_keys_of(words.ids, words.stretches)
    docs_of = words.doc_of(where)
    for d, tokens in enumerate(expected):
        assert words.tokens(d).ids == tokens.ids  # the ids one pass over the corpus gives
        assert words.tokens(d).ended == tokens.ended and words.tokens(d).names == tokens.names
        assert list(words.tokens(d).starts) == tokens.starts and words.tokens(d).runs == tokens.runs
        own_keys, own_starts = _ngram_keys(tokens)
        assert keys[docs_of == d].tolist() == own_keys.tolist()  # no n-gram across documents or stretches
        assert (where[docs_of == d] - words.offsets[d]).tolist() == own_starts.tolist()
    assert len(expected[1].ids) == 0 and len(expected[2].ids) > len(set(expected[2].runs)) > 1
