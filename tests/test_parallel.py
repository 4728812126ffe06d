"""The process pool: chunks joined in input order, and every caller's result the same with one or two processes."""

from __future__ import annotations

import io
import os

import pandas as pd
import pytest

from analysis import extract_claims, parallel, read_corpus, shared_passages, similarity_pairs, term_frequencies
from analysis.keyness import keyness
from analysis.parallel import count_ranges, map_ranges, resolve_jobs
from inline_corpus import write_generated_corpus


def _pid_and_square(context, start, stop):
    return [(os.getpid(), context[i] ** 2) for i in range(start, stop)]


def test_chunks_come_back_in_order_from_more_than_one_process():
    items = list(range(40))
    out = map_ranges(_pid_and_square, len(items), context=items, n_jobs=2, min_items=1)
    assert [square for _, square in out] == [i * i for i in items]
    workers = {pid for pid, _ in out}
    assert os.getpid() not in workers and 1 <= len(workers) <= 2  # a busy machine may let one worker take all


def _bounds_of(context, start, stop):
    return [(os.getpid(), start, stop)]


def test_one_chunk_per_job_gives_each_process_one_run_of_items():
    out = map_ranges(_bounds_of, 6, n_jobs=2, min_items=1, chunks_per_job=1)
    assert [(a, b) for _, a, b in out] == [(0, 3), (3, 6)]
    assert os.getpid() not in {pid for pid, _, _ in out}
    assert [(a, b) for _, a, b in map_ranges(_bounds_of, 6, n_jobs=1, chunks_per_job=1)] == [(0, 6)]


def test_a_small_input_stays_in_this_process():
    out = map_ranges(_pid_and_square, 5, context=[1, 2, 3, 4, 5], n_jobs=2)
    assert {pid for pid, _ in out} == {os.getpid()}
    assert [square for _, square in out] == [1, 4, 9, 16, 25]


def test_nothing_to_do_gives_an_empty_list():
    assert map_ranges(_pid_and_square, 0, context=[], n_jobs=2, min_items=1) == []


@pytest.mark.parametrize("n_jobs, expected", [(1, 1), (3, 3), (None, parallel.default_jobs()),
                                              (-1, parallel.default_jobs())])
def test_jobs(n_jobs, expected):
    assert resolve_jobs(n_jobs) == expected


@pytest.mark.parametrize("n_jobs", [0, -2, 1.5, "2", True])
def test_bad_jobs_are_refused(n_jobs):
    with pytest.raises(ValueError, match="n_jobs must be a positive number"):
        resolve_jobs(n_jobs)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    return write_generated_corpus(tmp_path_factory.mktemp("generated"), n_outlets=12, per_outlet=2)


@pytest.fixture
def tiny_chunks(monkeypatch):
    """A pool even for a few articles, so that two processes really run."""
    monkeypatch.setattr(parallel, "MIN_ITEMS_PER_JOB", 1)


def test_loading_is_the_same_with_one_or_two_processes(generated, tiny_chunks):
    one, two = read_corpus(generated, n_jobs=1), read_corpus(generated, n_jobs=2)
    assert len(one.documents) == 24
    assert one.documents.equals(two.documents) and one.report.equals(two.report)


@pytest.mark.parametrize("analysis, rows", [
    (lambda docs, n: extract_claims(docs, n_jobs=n), lambda t: len(t) >= 24 and set(t["category"]) >= {"killed"}),
    (lambda docs, n: term_frequencies(docs, n_jobs=n), lambda t: "harbour" in set(t["term"])),
    (lambda docs, n: keyness(docs, by="doc_id", min_count=1, max_p=1, n_jobs=n), lambda t: len(t) > 20),
    (lambda docs, n: shared_passages(docs, n_jobs=n), lambda t: (t["kind"] == "verbatim").sum() >= 6),
    (lambda docs, n: similarity_pairs(docs, top_k=3, n_jobs=n), lambda t: len(t) >= 24 and t["cosine"].max() > 0.5),
])
def test_analyses_are_the_same_with_one_or_two_processes(generated, tiny_chunks, analysis, rows):
    docs = read_corpus(generated, n_jobs=1).documents
    one, two = analysis(docs, 1), analysis(docs, 2)
    assert rows(one)
    assert one.equals(two)


def _map_in_daemon(queue):
    queue.put(map_ranges(_pid_and_square, 40, context=list(range(40)), n_jobs=2, min_items=1))


def test_inside_a_daemonic_worker_the_work_stays_in_that_process():
    import multiprocessing

    queue = multiprocessing.get_context("fork").Queue()
    worker = multiprocessing.get_context("fork").Process(target=_map_in_daemon, args=(queue,), daemon=True)
    worker.start()
    out = queue.get(timeout=60)
    worker.join()
    assert len({pid for pid, _ in out}) == 1 and [s for _, s in out] == [i * i for i in range(40)]


def _split_words(texts, start, stop):
    return [(texts[i].split(), len(texts[i])) for i in range(start, stop)]


@pytest.mark.parametrize("texts", [
    ["b a b", "c", "", "a c c", "d"] * 7,
    ["", ""],
    [],
])
def test_counts_from_two_processes_are_countvectorizers_counts(texts, tiny_chunks):
    from sklearn.feature_extraction.text import CountVectorizer

    for n_jobs in (1, 2):
        counts, terms, extras = count_ranges(_split_words, len(texts), context=texts, n_jobs=n_jobs)
        assert extras == [len(t) for t in texts] and counts.shape == (len(texts), len(terms))
        assert counts.dtype == "int64"
        if any(t.split() for t in texts):
            reference = CountVectorizer(analyzer=str.split)
            expected = reference.fit_transform(texts)
            assert terms.tolist() == reference.get_feature_names_out().tolist()
            assert (counts != expected).nnz == 0
            # entry for entry, in CountVectorizer's order within each row
            assert [a.tolist() for a in (counts.indptr, counts.indices, counts.data)] == \
                [a.tolist() for a in (expected.indptr, expected.indices, expected.data)]
        else:
            assert counts.nnz == 0 and len(terms) == 0


def test_tfidf_is_scikit_learns_whatever_the_processes(generated, tiny_chunks):
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    from analysis.similarity import _texts, _words, tfidf_matrix

    docs = read_corpus(generated, n_jobs=1).documents
    one, terms = tfidf_matrix(docs, n_jobs=1)
    two, _ = tfidf_matrix(docs, n_jobs=2)
    reference = TfidfVectorizer(analyzer=_words, sublinear_tf=True, dtype=np.float64)
    expected = reference.fit_transform(_texts(docs, ("headline", "body")))
    assert terms == reference.get_feature_names_out().tolist()
    assert [a.tolist() for a in (one.indptr, one.indices, one.data)] == \
        [a.tolist() for a in (expected.indptr, expected.indices, expected.data)]  # the same floats
    assert (one != two).nnz == 0


@pytest.mark.parametrize("progress, shown", [(True, True), (False, False), (None, False)])
def test_progress_bars_show_when_asked_or_on_a_terminal(progress, shown):
    import io

    from analysis.parallel import progress_bar

    out = io.StringIO()  # not a terminal
    assert list(progress_bar(range(5), progress=progress, desc="words", file=out)) == list(range(5))
    assert ("words" in out.getvalue()) is shown


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_bar_left_to_decide_shows_on_a_terminal():
    from analysis.parallel import progress_bar

    out = _Terminal()
    assert list(progress_bar(range(5), progress=None, desc="words", file=out)) == list(range(5))
    assert "words" in out.getvalue()


def test_a_bar_left_to_decide_is_not_drawn_in_a_notebook(monkeypatch):
    # tqdm's notebook bar (tqdm.auto in a kernel) shows for disable=None, so the package decides: a kernel's
    # output is not a terminal, and an executed report keeps no bar of a step that was not asked for one
    asked = []
    monkeypatch.setattr(parallel, "tqdm", lambda iterable=None, **options: asked.append(options) or iterable)
    monkeypatch.setattr(parallel.sys, "stderr", io.StringIO())
    assert list(parallel.progress_bar(range(3), progress=None, desc="terms")) == [0, 1, 2]
    assert asked[0]["disable"] is True


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_a_paragraph_is_off_topic_against_the_whole_corpus_on_any_number_of_processes(n_jobs, tiny_chunks):
    # the off-topic check reads the corpus vocabulary, counted over every chunk of documents before any is segmented
    story = ["Police detained dozens of men in the city, witnesses said, and relatives were not told.",
             "Rights groups said the detained men were beaten in a former police building near the river.",
             "Survivors described electric shocks, daily interrogations and threats against their families.",
             "Officials denied that any men were detained and called the reports lies by rights groups.",
             "Diplomats urged an investigation and asked officials to release the men detained in the city."]
    football = ("Striker scores twice as United beat rivals. The midfielder praised the coach after "
                "the match, saying the squad trained hard all season for the derby.")
    article = "Men detained\n\n" + "\n\n".join(story[:2] + [football] + story[2:]) + "\n"
    others = [f"Short note {i}\n\nThe weather was mild and the harbour was calm on day {i}.\n" for i in range(4)]
    sports = "Derby report\n\nThe striker and the midfielder praised the coach and the squad after the match.\n"

    def labels(texts):
        docs = read_corpus(pd.DataFrame({"text": texts}), n_jobs=n_jobs).documents
        return [label for label, a, b in docs["spans"][0] if "Striker" in article[a:b]]

    assert labels([article, *others]) == ["off_topic"]
    assert labels([article, *others, sports]) == ["body"]  # its words are another document's


def _huge_pages_switch():
    import numpy as np

    core = getattr(np, "_core", None) or np.core
    if not hasattr(core.multiarray, "_get_madvise_hugepage"):
        pytest.skip("this NumPy has no huge-page switch")
    return core.multiarray._get_madvise_hugepage, core.multiarray._set_madvise_hugepage


@pytest.mark.parametrize("before", [True, False])
def test_the_large_steps_run_without_huge_pages_and_restore_the_setting(monkeypatch, before):
    get, set_ = _huge_pages_switch()
    monkeypatch.delenv("NUMPY_MADVISE_HUGEPAGE", raising=False)
    previous = set_(before)
    try:
        seen = []

        @parallel.without_huge_pages()
        def step():
            seen.append(get())
            raise ValueError("a step that fails")

        with pytest.raises(ValueError):
            step()
        assert seen == [False] and get() is before  # restored, even after an error
    finally:
        set_(previous)


def test_the_users_huge_page_setting_is_left_alone(monkeypatch):
    get, set_ = _huge_pages_switch()
    monkeypatch.setenv("NUMPY_MADVISE_HUGEPAGE", "1")
    previous = set_(True)
    try:
        with parallel.without_huge_pages():
            assert get() is True
    finally:
        set_(previous)


def _in_worker(context, start, stop):
    return [parallel.in_worker()] * (stop - start)


def test_a_worker_knows_it_is_one_and_this_process_is_not():
    assert map_ranges(_in_worker, 4, n_jobs=2, min_items=1) == [True] * 4
    assert map_ranges(_in_worker, 4, n_jobs=1) == [False] * 4
    assert not parallel.in_worker()
