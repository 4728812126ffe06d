"""The explorers answer their controls and show escaped HTML."""

from __future__ import annotations

from analysis.explore import kwic_explorer


def test_kwic_explorer_answers_a_new_term(seed_docs):
    box = kwic_explorer(seed_docs, term="camps")
    query = box.children[0].children[0]
    first = box.table
    assert len(first) > 0 and set(first["match"].str.lower()) == {"camps"}
    query.value = "Novaya Gazeta"
    assert set(box.table["match"]) == {"Novaya Gazeta"}
    assert "<mark>Novaya Gazeta</mark>" in box.children[-1].value
    assert "lines for <code>Novaya Gazeta</code>" in box.children[-2].value


def test_kwic_explorer_filters_sources_and_survives_a_bad_regex(seed_docs):
    box = kwic_explorer(seed_docs, term="camps")
    sources = box.children[1]
    sources.value = ("Inquisitr",)
    assert set(box.table["outlet"]) == {"Inquisitr"}
    box.children[0].children[1].value = True  # regular expression
    box.children[0].children[0].value = "camp("
    assert "missing )" in box.children[-2].value or "unterminated" in box.children[-2].value


def test_claim_browser_filters_by_category_and_outlet(seed_docs):
    from analysis.claims import extract_claims
    from analysis.explore import claim_browser

    claims = extract_claims(seed_docs)
    box = claim_browser(claims, docs=seed_docs)
    category, outlet = box.children[0].children
    assert len(box.table) == len(claims)
    category.value = "killed"
    assert set(box.table["category"]) == {"killed"} and len(box.table) < len(claims)
    outlet.value = "Gay Star News"
    assert set(box.table["outlet"]) <= {"Gay Star News"}
    assert "<mark>" in box.children[-1].value or "No claims" in box.children[-1].value


def test_pair_viewer_shows_the_chosen_pair_only(seed_docs):
    from analysis.explore import pair_viewer
    from analysis.passages import shared_passages

    passages = shared_passages(seed_docs)
    box = pair_viewer(seed_docs, passages)
    pick_a, pick_b = box.children[0].children
    pick_a.value, pick_b.value = "001_c86dd7cb03905355", "003_73d65814a2393c9c"
    assert len(box.table) >= 1
    assert {frozenset(p) for p in zip(box.table["doc_a"], box.table["doc_b"])} == {
        frozenset({"001_c86dd7cb03905355", "003_73d65814a2393c9c"})}
    assert "<mark>" in box.children[-1].value
    pick_b.value = pick_a.value
    assert "Pick two different articles" in box.children[1].value


def test_pair_viewer_without_shared_passages_or_articles_says_so():
    from analysis.explore import pair_viewer
    from analysis.passages import shared_passages
    from inline_corpus import make_docs

    docs = make_docs([("a", "X", "Football results from the weekend."), ("b", "", "Rain tomorrow, forecasters say.")])
    box = pair_viewer(docs, shared_passages(docs, progress=False))
    assert len(box.table) == 0 and "<b>0</b> shared passages, 0 words" in box.children[1].value
    options = [label for label, _ in box.children[0].children[0].options]
    assert options == ["X · a", "(unknown: b)"]
    empty = pair_viewer(docs.iloc[:0], shared_passages(docs.iloc[:0], progress=False))
    assert "Fewer than two articles" in empty.children[1].value
