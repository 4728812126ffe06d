"""The same analyses on Dask, for corpora that do not fit one process.

A user changes how the corpus is read, not how the analyses are called:
:func:`read_corpus` reads a folder of many article files, a folder of table
shards (``.jsonl``, ``.jsonl.gz``, ``.csv``, a Parquet dataset) or one table, one
partition at a time with the loader of :mod:`analysis.loading`, and returns a
:class:`DaskCorpus` whose ``documents`` is a ``dask.dataframe`` with the
columns of :func:`analysis.load_corpus` and whose ``report`` is the one load
report gathered from every partition. The analyses below take that Dask
table and give the same results as their pandas namesakes:

- per document, as ``map_partitions`` with explicit ``meta=`` (Dask results):
  :func:`segments`, :func:`extract_claims`, :func:`framing_counts`,
  :func:`corpus_overview`;
- corpus level, as reductions of per-partition results (pandas results):
  :func:`count_terms`, :func:`term_frequencies`, :func:`keyness`,
  :func:`similarity_pairs`, :func:`shared_passages`.

Corpus-level state is reduced first and broadcast: the content-word document
frequencies that off-topic detection needs (loading), the gazetteer of names that
claims attribution needs, the term document frequencies (IDF) of TF-IDF.
Duplicates across partitions are found with a hash shuffle on the text key.

Dask and distributed come from the ``dask`` extra (``pip install -e ".[dask]"``).
The functions run on whatever scheduler is active: a ``distributed.Client`` made
by :func:`client` (``--workers N`` / ``--scheduler ADDRESS`` on the command line),
or Dask's default threads.

Examples
--------
>>> from analysis import paths
>>> corpus = read_corpus(paths.RAW_DATA_DIR, partition_files=2)
>>> corpus.documents.npartitions, len(corpus.documents.compute())
(3, 5)
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from . import loading
from .attribution import Gazetteer
from .loading import REPORT_COLUMNS, Columns, CorpusError
from .segmenting import ANALYSED, OFF_TOPIC_MIN_DOCUMENTS
from .text import STOPWORDS

__all__ = [
    "CANDIDATE_FACTOR", "COLUMN_BLOCK_DOCS", "DaskCorpus", "PARTITION_FILES", "PARTITION_ROWS", "client",
    "corpus_overview", "count_terms", "extract_claims", "framing_counts", "keyness", "read_corpus", "segments",
    "shared_passages", "similarity_pairs", "term_frequencies",
]

#: Article files read per partition of a folder: a few thousand news articles are a few MB of text,
#: large enough that task overhead (~1 ms) is negligible, small enough for many partitions per worker.
PARTITION_FILES = 2_000
#: Documents per column block of the similarity search: it runs block by block, so no worker builds the
#: whole matrix at once (a block of 50,000 Reuters-length articles is ~35 MB).
COLUMN_BLOCK_DOCS = 50_000
#: Rows per partition of one table file given alone: a few MB of text, as :data:`PARTITION_FILES`.
PARTITION_ROWS = 5_000
#: With ``max_doc_share``, each document's ``top_k`` neighbours are picked by exact cosine among this many
#: times ``top_k`` candidates found through its rarer terms: a common term adds little to a cosine (its
#: IDF is low), so a near neighbour ranks near the top of the candidates too.
CANDIDATE_FACTOR = 3


def _dask():
    try:
        import dask
        import dask.dataframe as dd
    except ImportError as exc:  # the plain install stays light
        raise ImportError('analysis.scale needs Dask: pip install -e ".[dask]"') from exc
    # text stays Python objects, as in the pandas tables (spans are tuples; Arrow strings would change dtypes)
    dask.config.set({"dataframe.convert-string": False})
    return dask, dd


class DaskCorpus:
    """What :func:`read_corpus` returns: a Dask documents table and the gathered load report.

    ``documents`` has the columns of :data:`analysis.loading.DOCUMENT_COLUMNS`,
    in corpus order (partition by partition); ``report`` is a pandas table with
    :data:`analysis.loading.REPORT_COLUMNS`, one row per input of every partition.
    """

    def __init__(self, documents, report: pd.DataFrame):
        self.documents = documents
        self.report = report

    def summary(self) -> str:
        """Counts by status, as :meth:`analysis.Corpus.summary` says them."""
        loaded = int((self.report["status"] == "loaded").sum())  # each loaded input is one document
        return loading.Corpus(pd.DataFrame(index=range(loaded)), self.report).summary()


# ------------------------------------------------------------------------------------------ input


def _partitions(path: Path, partition_files: int):
    """``(specs, report rows)``: what each partition reads, and what the folder walk set aside."""
    if path.is_file():
        if loading._is_table(path):
            return [("split", str(path))], []  # one table alone: split into row ranges by read_corpus
        return [("files", (str(path),), str(path.parent))], []
    files, report = loading._walk_folder(path)
    if not files:  # a folder of table shards (a Parquet dataset, JSONL parts): one partition each
        tables = [row for row in report if row[2] == "ignored" and loading._is_table(Path(row[0]))
                  and Path(row[0]).name != loading.METADATA_NAME]
        report = [row for row in report if row not in tables]
        return [("table", row[0]) for row in sorted(tables)], report
    specs, chunk = [], []
    for p in files:
        # files that differ only by suffix stay in one partition, so that their ids are the loader's
        if len(chunk) >= partition_files and p.with_suffix("") != chunk[-1].with_suffix(""):
            specs.append(("files", tuple(map(str, chunk)), str(path)))
            chunk = []
        chunk.append(p)
    if chunk:
        specs.append(("files", tuple(map(str, chunk)), str(path)))
    return specs, report


def _read_table(path: str):
    return loading._read_table_file(Path(path))


def _table_rows(table) -> int:
    return len(table[0])


def _row_range(table, start: int, stop: int):
    frame, where, note = table
    return frame.iloc[start:stop].reset_index(drop=True), where, note


def _split_tables(specs, partition_rows: int):
    """Specs with each ``("split", path)`` replaced by ``("rows", range, start)`` partitions of
    ``partition_rows`` rows, and the persisted tables they slice (to let go once the documents are built)."""
    dask, _ = _dask()
    delayed = dask.delayed
    out, tables = [], []
    for spec in specs:
        if spec[0] != "split":
            out.append(spec)
            continue
        table = delayed(_read_table, pure=True)(spec[1]).persist()  # read once, on one worker
        tables.append(table)
        n = delayed(_table_rows, pure=True)(table).compute()
        out += [("rows", delayed(_row_range, pure=True)(table, start, start + partition_rows), start)
                for start in range(0, max(n, 1), partition_rows)]
    return out, tables


def _renumbered(records, report, frame: pd.DataFrame, where: str, columns: Columns, start: int) -> None:
    """Row numbers (and the ids made from them) of a row range read alone, counted from the table's first row."""
    id_column = columns.chosen([str(c) for c in frame.columns], where)["doc_id"]
    blank_id = ([not loading._cell(v, where, id_column).strip() for v in frame[id_column].tolist()]
                if id_column else None)
    moved = {}
    for row in report:
        local = int(row[0][len(where) + len("#row"):])
        path = f"{where}#row{local + start}"
        if id_column is None:
            doc_id = str(local - 1 + start)
        elif blank_id[local - 1]:
            doc_id = f"row{local + start}"
        else:
            doc_id = row[1]
        moved[row[0]] = path, doc_id
        row[0], row[1] = path, doc_id
    for r in records:
        r["source"], r["doc_id"] = moved[r["source"]]
        r["_name"] = r["doc_id"]


def _read_part(spec, options: dict):
    """Records and report rows of one partition, with the loader of :mod:`analysis.loading`."""
    columns = Columns(**options["columns"])
    if spec[0] == "rows":
        (frame, where, note), start = spec[1], spec[2]
        try:
            records, report = loading._read_frame(frame, where, columns, note)
        except CorpusError as exc:  # name the rows as counted in the whole table
            raise CorpusError(re.sub(rf"(?<={re.escape(where)}#row)(\d+)", lambda m: str(int(m[1]) + start),
                                     str(exc))) from None
        if start:
            _renumbered(records, report, frame, where, columns, start)
        return records, report
    if spec[0] == "files":
        records, report = loading._read_files([Path(p) for p in spec[1]], Path(spec[2]), options["encoding"])
        if options["metadata"] is not None:  # rows naming no file are reported once, from every partition
            loading._join_metadata(records, report, Path(options["metadata"]), columns, whole_folder=False)
        return records, report
    frame, where, note = loading._read_table_file(Path(spec[1]))
    return loading._read_frame(frame, where, columns, note)


def _keys(spec, options: dict, index: int) -> pd.DataFrame:
    """The duplicate key, id and source of each record of one partition (read, then let go)."""
    records = _read_part(spec, options)[0] if spec is not None else []
    return pd.DataFrame({
        "key": pd.Series([loading.duplicate_key(r["raw_text"]) for r in records], dtype=object),
        "doc_id": pd.Series([r["doc_id"] for r in records], dtype=object),
        "source": pd.Series([r["source"] for r in records], dtype=object),
        "part": np.full(len(records), index, dtype=np.int64),
        "pos": np.arange(len(records), dtype=np.int64),
    })


def _repeats(group: pd.DataFrame, column: str) -> pd.DataFrame:
    """Rows of ``group`` (one shuffle partition) whose ``column`` repeats an earlier row's, with that row."""
    group = group.sort_values(["part", "pos"], kind="stable").reset_index(drop=True)
    first = group.groupby(column, sort=False)[["doc_id", "source"]].transform("first")
    later = group[group.duplicated(column, keep="first")]
    return pd.DataFrame({"part": later["part"], "pos": later["pos"], "doc_id": later["doc_id"],
                         "source": later["source"], "first_id": first.loc[later.index, "doc_id"],
                         "first_source": first.loc[later.index, "source"]})


_REPEAT_META = pd.DataFrame({"part": pd.Series(dtype=np.int64), "pos": pd.Series(dtype=np.int64),
                             **{c: pd.Series(dtype=object) for c in ("doc_id", "source", "first_id", "first_source")}})


def _shuffle_repeats(keys, column: str) -> pd.DataFrame:
    """Rows whose ``column`` repeats an earlier one's, found with a hash shuffle on that column."""
    _, dd = _dask()
    table = dd.from_delayed(keys, meta=_keys(None, {}, 0), verify_meta=False)
    table = table.shuffle(column) if table.npartitions > 1 else table
    return table.map_partitions(_repeats, column, meta=_REPEAT_META).compute()


def _kept(spec, options: dict, repeats: pd.DataFrame, keep: bool):
    """One partition read again, the repeats of earlier documents set aside (or noted, with ``keep``).

    Reading a shard costs a few percent of building its documents, so each pass reads it again
    rather than holding every partition's records on the workers until the documents are built.
    """
    records, report = _read_part(spec, options)
    if repeats.empty:
        return records, report
    first = dict(zip(repeats["pos"], repeats["first_id"]))
    kept = []
    for i, r in enumerate(records):
        if i not in first:
            kept.append(r)
        elif keep:
            loading._note(r, f"duplicate of {first[i]}, kept")
            kept.append(r)
        else:
            r["_report"][2] = "skipped"
            r["_report"][3] = f"duplicate: same text as {first[i]}"
    return kept, report


def _vocabulary(spec, options: dict, repeats: pd.DataFrame, keep: bool) -> tuple[Counter, int]:
    """Documents of the partition's kept records using each content word, capped at 2 (off-topic
    detection asks only whether a word occurs in another document), and how many records it keeps."""
    records = _kept(spec, options, repeats, keep)[0]
    counts = loading._vocabulary_chunk(records, 0, len(records))[0]
    return Counter({w: min(n, 2) for w, n in counts.items()}), len(records)


def _sum_capped(parts) -> tuple[Counter, int]:
    total: Counter = Counter()
    for counts, _ in parts:
        total.update(counts)
    return Counter({w: min(n, 2) for w, n in total.items()}), sum(n for _, n in parts)


def _judged(vocabulary: tuple[Counter, int]) -> Counter | None:
    """The corpus vocabulary, or None for a corpus too small to judge a paragraph off topic (as the loader
    decides: :data:`analysis.segmenting.OFF_TOPIC_MIN_DOCUMENTS`)."""
    counts, n_documents = vocabulary
    return counts if n_documents >= OFF_TOPIC_MIN_DOCUMENTS else None


def _tree(func, items, width: int = 8):
    """Reduce delayed ``items`` with ``func`` (a function of a list) in a tree of the given width."""
    dask, _ = _dask()
    f = dask.delayed(func, pure=True)
    items = list(items)
    while len(items) > 1:
        items = [f(items[i:i + width]) for i in range(0, len(items), width)]
    return items[0] if items else f([])


def _build(spec, options: dict, repeats: pd.DataFrame, keep: bool, vocabulary):
    records, report = _kept(spec, options, repeats, keep)
    docs = loading._build_documents(records, corpus_vocabulary=vocabulary)
    return docs, report


def read_corpus(
    source,
    *,
    metadata=None,
    text_column: str = "text",
    id_column: str | None = None,
    title_column: str | None = None,
    outlet_column: str | None = None,
    date_column: str | None = None,
    url_column: str | None = None,
    html_column: str | None = None,
    encoding: str | None = None,
    keep_duplicates: bool = False,
    strict: bool = False,
    partition_files: int = PARTITION_FILES,
    partition_rows: int = PARTITION_ROWS,
) -> DaskCorpus:
    """Read a partitioned corpus into a Dask documents table and one load report.

    Parameters
    ----------
    source : path-like
        A folder of article files (read :data:`PARTITION_FILES` at a time), a
        folder of table shards (``.jsonl``, ``.jsonl.gz``, ``.csv``,
        ``.parquet``: one partition each), or one table file (read once, then
        split into partitions of ``partition_rows`` rows).
    metadata, text_column, id_column, title_column, outlet_column, date_column, url_column, html_column
        As in :func:`analysis.read_corpus` (the metadata CSV is joined to the
        files of every partition; its rows that name no file are reported once).
    encoding, keep_duplicates, strict
        As in :func:`analysis.read_corpus`.
    partition_files : int
        Article files per partition of a folder.
    partition_rows : int
        Rows per partition of one table file given alone (its report rows and
        row-number ids count from the table's first row, as the loader's).

    Returns
    -------
    DaskCorpus
        ``documents``: a ``dask.dataframe`` (Dask, persisted on the workers),
        the same rows as :func:`analysis.load_corpus` gives for the same
        articles; ``report``: a pandas table, every partition's rows.

    Raises
    ------
    CorpusError
        As :func:`analysis.read_corpus`; also when two partitions hold the same ``doc_id``.
    """
    dask, dd = _dask()
    path = Path(source)
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    specs, walk_report = _partitions(path, partition_files)
    metadata = loading._find_metadata(path, metadata) if path.is_dir() else metadata
    options = {"encoding": encoding, "metadata": metadata, "columns": dict(
        text=text_column, id=id_column, title=title_column, outlet=outlet_column, date=date_column,
        url=url_column, html=html_column)}
    delayed = dask.delayed
    specs, tables = _split_tables(specs, partition_rows)
    # only the keys stay on the workers between passes: a few bytes per document, not its text
    keys = list(dask.persist(*[delayed(_keys, pure=True)(spec, options, i) for i, spec in enumerate(specs)]))
    same_id = _shuffle_repeats(keys, "doc_id") if keys else _REPEAT_META
    if len(same_id):
        row = same_id.sort_values(["part", "pos"]).iloc[0]
        raise CorpusError(f"{row['source']}: doc_id {row['doc_id']!r} is also the id of {row['first_source']} "
                          "(give every partition its own ids)")
    repeats = _shuffle_repeats(keys, "key") if keys else _REPEAT_META
    del keys
    by_part = dict(iter(repeats.groupby("part")))
    passes = [(spec, options, by_part.get(i, _REPEAT_META), keep_duplicates) for i, spec in enumerate(specs)]
    vocabulary = delayed(_judged, pure=True)(_tree(_sum_capped, [delayed(_vocabulary, pure=True)(*args)
                                                                  for args in passes])).persist()
    built = list(dask.persist(*[delayed(_build, pure=True)(*args, vocabulary) for args in passes]))
    del vocabulary
    meta = loading._build_documents([])
    documents = dd.from_delayed([b[0] for b in built], meta=meta, verify_meta=False) if built else \
        dd.from_pandas(meta, npartitions=1)
    reports = dask.compute(*[b[1] for b in built])
    del tables  # the documents are built: the tables they were sliced from can go
    rows = walk_report + [row for report in reports for row in report]
    if specs and specs[0][0] == "files":
        rows.sort(key=lambda r: r[0])  # the report in path order, as the loader's
        if metadata is not None:
            loading._join_metadata([], rows, Path(metadata), Columns(**options["columns"]), whole_folder=path.is_dir())
    report = pd.DataFrame(rows, columns=REPORT_COLUMNS)
    corpus = DaskCorpus(documents, report)
    if strict:
        if aside := loading.set_aside(report):
            raise CorpusError(aside)
        if not (report["status"] == "loaded").any():
            raise CorpusError(f"{path}: {corpus.summary()}")
    return corpus


# ------------------------------------------------------------------------------ per document


def _documents(docs):
    return docs.documents if isinstance(docs, DaskCorpus) else docs


def segments(docs, *, labels=None):
    """:func:`analysis.segments` per partition; returns a Dask DataFrame (one row per segment)."""
    docs = _documents(docs)
    meta = loading.segments(docs._meta, labels=labels)
    return docs.map_partitions(loading.segments, labels=labels, meta=meta)


def _gazetteer(part: pd.DataFrame) -> Gazetteer:
    return Gazetteer.from_texts(part["raw_text"])


def corpus_gazetteer(docs) -> Gazetteer:
    """The claims gazetteer of the whole corpus, merged from the partitions' in order (pandas object)."""
    dask, _ = _dask()
    docs = _documents(docs)
    parts = [dask.delayed(_gazetteer, pure=True)(p) for p in docs.to_delayed()]
    return dask.compute(dask.delayed(Gazetteer.merged, pure=True)(parts))[0]


def extract_claims(docs, *, include=ANALYSED, lexicon=None):
    """:func:`analysis.extract_claims` on a Dask documents table; returns a Dask DataFrame.

    The gazetteer is learnt from every partition first (:func:`corpus_gazetteer`)
    and broadcast, so each row equals the pandas one.
    """
    from .claims import extract as claims

    dask, _ = _dask()
    docs = _documents(docs)
    gazetteer = dask.delayed(corpus_gazetteer(docs))
    meta = claims._claims_frame([])
    return docs.map_partitions(claims.extract_claims, include=include, lexicon=lexicon, gazetteer=gazetteer,
                               meta=meta, align_dataframes=False)


def corpus_overview(docs):
    """:func:`analysis.corpus_overview` per partition; returns a Dask DataFrame (one row per article)."""
    from .overview import corpus_overview as overview

    docs = _documents(docs)
    return docs.map_partitions(overview, meta=overview(docs._meta))


def framing_counts(docs, dictionary=None, *, include=ANALYSED, per_term: bool = False):
    """:func:`analysis.framing_rates` by document, per partition; returns a Dask DataFrame."""
    from .framing import framing_rates

    docs = _documents(docs)
    meta = framing_rates(docs._meta, dictionary, by="doc_id", include=include, per_term=per_term)
    return docs.map_partitions(framing_rates, dictionary, by="doc_id", include=include, per_term=per_term,
                               meta=meta)


# ------------------------------------------------------------------------------ corpus level


def _merge_counts(parts):
    """One :class:`analysis.terms.TermCounts` from those of consecutive parts of the corpus."""
    from scipy import sparse

    from .terms import TermCounts

    parts = [p for p in parts if p is not None]
    vocabulary = np.array(sorted(set().union(*(p.vocabulary.tolist() for p in parts))), dtype=object)
    groups: list = []
    where: dict = {}
    for p in parts:
        for g in p.groups:
            if g not in where:
                where[g] = len(groups)
                groups.append(g)
    shape = (len(groups), len(vocabulary))
    counts = sparse.csr_matrix(shape, dtype=np.int64)
    doc_freq = sparse.csr_matrix(shape, dtype=np.int64)
    n_docs, n_words = np.zeros(len(groups), dtype=np.int64), np.zeros(len(groups), dtype=np.int64)
    for p in parts:
        rows = np.array([where[g] for g in p.groups], dtype=np.int64)
        cols = np.searchsorted(vocabulary, p.vocabulary) if len(p.vocabulary) else np.array([], dtype=np.int64)
        for total, part in ((0, p.counts), (1, p.doc_freq)):
            coo = part.tocoo()
            moved = sparse.csr_matrix((coo.data, (rows[coo.row], cols[coo.col])), shape=shape)
            if total == 0:
                counts = counts + moved
            else:
                doc_freq = doc_freq + moved
        np.add.at(n_docs, rows, p.n_docs)
        np.add.at(n_words, rows, p.n_words)
    name = parts[0].name if parts else "outlet"
    return TermCounts(counts.tocsr(), doc_freq.tocsr(), vocabulary, groups, n_docs, n_words, name)


def count_terms(docs, *, by="outlet", ngram: int = 1, include=ANALYSED, stopwords=STOPWORDS, stem: bool = False):
    """:func:`analysis.terms.count_terms` as a reduction of per-partition counts; returns pandas.

    ``by`` names a column of the documents table (the groups are in order of first appearance).
    """
    from .terms import count_terms as counts

    dask, _ = _dask()
    docs = _documents(docs)
    if not isinstance(by, str):
        raise ValueError("analysis.scale groups by a column name (by='outlet', by='doc_id')")
    f = dask.delayed(counts, pure=True)
    parts = [f(p, by=by, ngram=ngram, include=include, stopwords=stopwords, stem=stem) for p in docs.to_delayed()]
    return _tree(_merge_counts, parts).compute()


def term_frequencies(docs, *, by="outlet", ngram: int = 1, include=ANALYSED, stopwords=STOPWORDS,
                     stem: bool = False, min_count: int = 1) -> pd.DataFrame:
    """:func:`analysis.term_frequencies` from :func:`count_terms`; returns pandas (one row per group and term)."""
    from .terms import frequency_table

    tc = count_terms(docs, by=by, ngram=ngram, include=include, stopwords=stopwords, stem=stem)
    return frequency_table(tc, min_count=min_count)


def keyness(docs, *, by="outlet", pair=None, ngram: int = 1, include=ANALYSED, stopwords=STOPWORDS,
            stem: bool = False, min_count: int = 3, max_p: float = 0.05) -> pd.DataFrame:
    """:func:`analysis.keyness.keyness` from the counts of :func:`count_terms` (a reduction); returns pandas.

    Parameters as there; ``by`` names a column of the documents table.

    Examples
    --------
    >>> from analysis import paths
    >>> keys = keyness(read_corpus(paths.RAW_DATA_DIR, partition_files=2), max_p=0.5)
    >>> keys.columns[:4].tolist()
    ['outlet', 'reference', 'term', 'count']
    """
    from .keyness import keyness_of_counts

    tc = count_terms(docs, by=by, ngram=ngram, include=include, stopwords=stopwords, stem=stem)
    return keyness_of_counts(tc, pair=pair, min_count=min_count, max_p=max_p)


def _term_doc_freq(part: pd.DataFrame, include):
    """Document frequency of each term in the part, and the terms in order of first use."""
    from .similarity import _texts, _words

    df: Counter = Counter()
    first: dict[str, None] = {}
    for text in _texts(part, include):
        words = _words(text)
        first.update(dict.fromkeys(words))
        df.update(set(words))
    return df, list(first), len(part)


def _merge_doc_freq(parts):
    total: Counter = Counter()
    first: dict[str, None] = {}
    for df, terms, _ in parts:
        total.update(df)
        first.update(dict.fromkeys(terms))
    return total, list(first), sum(m for _, _, m in parts)


def _idf(parts):
    """``(column of each term, idf, rank)`` of the whole corpus, from the parts' document frequencies.

    ``rank`` is the order in which the corpus first uses each term: scikit-learn's
    fitted vectorizer keeps a row's entries in that order, and sums (norms,
    products) in the same order give the same floats to the last bit, so ties
    between neighbours fall the same way.
    """
    total, first, n = _merge_doc_freq(parts)
    vocabulary = sorted(total)
    index = {t: i for i, t in enumerate(vocabulary)}
    from .similarity import idf_weights

    idf = idf_weights(np.array([total[t] for t in vocabulary], dtype=np.float64), n)
    rank = np.empty(len(vocabulary), dtype=np.int64)
    rank[[index[t] for t in first]] = np.arange(len(first))
    return index, idf, rank


def _tfidf(part: pd.DataFrame, idf, include):
    """Rows of the corpus TF-IDF matrix for one partition: sublinear tf times idf, L2-normalised."""
    from sklearn.feature_extraction.text import CountVectorizer

    from .similarity import _texts, _words, tfidf_rows

    index, weights, rank = idf
    if not index:  # no word outside the stopwords in the whole corpus: no term, no pair (scikit-learn would raise)
        from scipy import sparse

        return sparse.csr_matrix((len(part), 0), dtype=np.float64)
    counts = CountVectorizer(analyzer=_words, vocabulary=index, dtype=np.float64).fit_transform(
        _texts(part, include)).tocsr()
    rows = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
    order = np.lexsort((rank[counts.indices], rows))  # entries in the corpus's order, as pandas' rows hold them
    counts.indices, counts.data = counts.indices[order], counts.data[order]
    counts.has_sorted_indices = False
    return tfidf_rows(counts, weights)


def _common_terms(merged, max_doc_share: float) -> np.ndarray:
    """Columns (in the vocabulary's sorted order) of the terms in more than ``max_doc_share`` of the documents."""
    total, _, n = merged
    vocabulary = sorted(total)
    df = np.array([total[t] for t in vocabulary], dtype=np.float64)
    return np.flatnonzero(df > max_doc_share * n)


def _column_piece(blocks, common: np.ndarray):
    """One column block of the candidate search: its documents' rows without the common terms, transposed,
    and their weights on the common terms alone (to make a candidate's cosine exact)."""
    from scipy import sparse

    rows = sparse.vstack(blocks, format="csr")
    if not len(common):  # the exact search
        return rows.T.tocsr(), rows[:, common].tocsr()
    keep = np.ones(rows.shape[1], dtype=np.float64)
    keep[common] = 0.0
    rare = (rows @ sparse.diags(keep, format="csr")).T.tocsr()
    rare.eliminate_zeros()
    return rare, rows[:, common].tocsr()


def _block_candidates(block, pieces, common: np.ndarray, start: int, piece_starts, top_k: int,
                      min_cosine: float) -> pd.DataFrame:
    """Each row's ``top_k`` other rows by exact cosine, among the candidates its rarer terms find in each
    column block (:data:`CANDIDATE_FACTOR` x ``top_k`` per block; with no common term left out, the
    search is exact and ``top_k`` per block are enough)."""
    from .similarity import block_top_k

    own_common = block[:, common].tocsr()
    per_block = top_k * CANDIDATE_FACTOR if len(common) else top_k
    found = []
    for (rare, common_rows), first in zip(pieces, piece_starts):
        # rows counted from `start - first`, columns from 0: a document meets itself where they are equal
        near = block_top_k(block, rare, start - first, per_block, 0.0)
        rows, cols = near["row"].to_numpy() - (start - first), near["col"].to_numpy()
        # the common terms' share of each candidate's cosine (none in the exact search, which leaves none out)
        rest = np.asarray(own_common[rows].multiply(common_rows[cols]).sum(axis=1)).ravel() if len(common) else 0.0
        found.append(pd.DataFrame({"row": rows + start, "col": cols + first,
                                   "cosine": near["cosine"].to_numpy() + rest}))
    table = pd.concat(found, ignore_index=True) if found else pd.DataFrame(columns=["row", "col", "cosine"])
    table = table[table["cosine"] > min_cosine]
    table = table.sort_values(["row", "cosine", "col"], ascending=[True, False, True], kind="stable")
    return table.groupby("row", sort=False).head(top_k)


def similarity_pairs(docs, *, top_k: int = 10, min_cosine: float = 0.0, include=ANALYSED,
                     max_doc_share: float | None = None) -> pd.DataFrame:
    """:func:`analysis.similarity_pairs` with ``top_k`` on Dask; returns pandas (:data:`PAIR_COLUMNS`).

    The document frequencies are reduced first and the IDF broadcast; each
    partition's TF-IDF rows are multiplied on a worker against the matrix, one
    column block of :data:`COLUMN_BLOCK_DOCS` documents at a time (no worker
    builds the whole matrix at once), each block's ``top_k`` kept, and the
    pairs merged, as in the pandas function. The pairs are the pandas
    function's, except that past one column block a tie for a document's
    ``top_k``-th place may fall to the other of the tied documents (the
    cosines, rank by rank, are the same).

    Parameters
    ----------
    docs : DaskCorpus or dask.dataframe.DataFrame
        What :func:`read_corpus` returns, or its ``documents``.
    top_k, min_cosine, include
        As in :func:`analysis.similarity_pairs`.
    max_doc_share : float, optional
        By default the pairs are exact (equal to the pandas function's). The
        exact search costs the sum, over terms, of the square of their document
        frequency: it grows with the square of the corpus (a term in half of a
        million articles alone is 2.5e11 products). Given a share, the terms in
        more than that share of the documents are left out of the *search*:
        each document's candidates are the :data:`CANDIDATE_FACTOR` x ``top_k``
        documents nearest on its other terms in each column block of
        :data:`COLUMN_BLOCK_DOCS` documents, and its ``top_k`` are chosen
        among them by their exact cosine (the cosines listed are exact). A
        neighbour found only through common terms is missed.

    Examples
    --------
    >>> from analysis import paths
    >>> corpus = read_corpus(paths.RAW_DATA_DIR, partition_files=2)
    >>> exact = similarity_pairs(corpus, top_k=2)
    >>> quick = similarity_pairs(corpus, top_k=2, max_doc_share=0.5)
    >>> len(exact), quick[["doc_a", "doc_b"]].equals(exact[["doc_a", "doc_b"]])
    (6, True)
    """
    from .similarity import _pairs_table

    dask, _ = _dask()
    docs = _documents(docs)
    delayed = dask.delayed
    pieces = docs.to_delayed()
    sizes = docs.map_partitions(len).compute().tolist()
    merged = _tree(_merge_doc_freq, [delayed(_term_doc_freq, pure=True)(p, include) for p in pieces])
    idf = delayed(_idf, pure=True)([merged])
    blocks = dask.persist(*[delayed(_tfidf, pure=True)(p, idf, include) for p in pieces])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(int).tolist()
    if max_doc_share is None:
        common = np.zeros(0, dtype=np.int64)  # the exact search: no term left out
    elif not 0 < max_doc_share <= 1:
        raise ValueError(f"max_doc_share is a share of the documents, above 0 and at most 1; got {max_doc_share!r}")
    else:
        common = delayed(_common_terms, pure=True)(merged, max_doc_share)
    # the search runs column block by column block, so no worker builds the whole matrix at once
    groups, piece_starts, total = [[]], [0], 0  # consecutive partitions of about COLUMN_BLOCK_DOCS documents
    for b, size in zip(blocks, sizes):
        if groups[-1] and total - piece_starts[-1] + size > COLUMN_BLOCK_DOCS:
            groups.append([])
            piece_starts.append(total)
        groups[-1].append(b)
        total += size
    pieces = dask.persist(*[delayed(_column_piece, pure=True)(g, common) for g in groups])
    found = dask.compute(*[delayed(_block_candidates, pure=True)(b, list(pieces), common, s, piece_starts,
                                                                 top_k, min_cosine)
                           for b, s in zip(blocks, starts)])
    table = pd.concat(found, ignore_index=True) if found else pd.DataFrame(columns=["row", "col", "cosine"])
    rows = np.minimum(table["row"].to_numpy(), table["col"].to_numpy())
    cols = np.maximum(table["row"].to_numpy(), table["col"].to_numpy())
    unique = pd.DataFrame({"row": rows, "col": cols, "cosine": table["cosine"].to_numpy()})
    unique = unique.sort_values("cosine", ascending=False, kind="stable").drop_duplicates(["row", "col"])
    ids = docs[["doc_id", "outlet"]].compute().reset_index(drop=True)
    return _pairs_table(ids, unique["row"].to_numpy(), unique["col"].to_numpy(), unique["cosine"].to_numpy())


class _StableIds(dict):
    """Word ids for :func:`analysis.passages._doc_tokens` that do not depend on which documents were read
    first: a 63-bit hash of the word, the same in every partition (equal ids are equal words, as there)."""

    def setdefault(self, word, default=None):  # noqa: ARG002 - the loader's vocabulary interface
        import hashlib

        found = self.get(word)
        if found is None:
            found = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little") >> 1
            self[word] = found
        return found


def _part_tokens(part: pd.DataFrame, labels: set):
    from .passages import _doc_tokens

    ids = _StableIds()
    spans = part["spans"].tolist() if "spans" in part.columns else [None] * len(part)
    return [_doc_tokens(raw, sp, labels, ids) for raw, sp in zip(part["raw_text"].tolist(), spans)]


def _part_grams(part: pd.DataFrame, labels: set, start: int) -> pd.DataFrame:
    """The distinct hashed n-grams of each document of a partition, with its position in the corpus."""
    from .passages import _ngram_keys

    keys = [np.unique(_ngram_keys(t)[0]) for t in _part_tokens(part, labels)]
    return pd.DataFrame({"key": np.concatenate(keys) if keys else np.zeros(0, dtype=np.uint64),
                         "doc": np.repeat(np.arange(start, start + len(keys), dtype=np.int64),
                                          [len(k) for k in keys])})


def _shared_counts(grams: pd.DataFrame, max_doc_freq: int) -> pd.DataFrame:
    """For the n-grams of one shuffle partition: how many of them each pair of documents shares."""
    freq = grams.groupby("key")["doc"].transform("size")
    grams = grams[(freq >= 2) & (freq <= max_doc_freq)]
    pairs = grams.merge(grams, on="key")
    pairs = pairs[pairs["doc_x"] < pairs["doc_y"]]
    return pairs.groupby(["doc_x", "doc_y"]).size().rename("shared").reset_index()


def _align_block(part_a, part_b, start_a: int, start_b: int, pairs: pd.DataFrame, labels: set, min_words: int,
                 max_gap: int) -> pd.DataFrame:
    """Passages of candidate pairs between two partitions, aligned as :func:`analysis.shared_passages` does."""
    from .passages import PASSAGE_COLUMNS, _align, _ngram_keys, _positions, _row

    tokens_a = _part_tokens(part_a, labels)
    tokens_b = tokens_a if part_b is None else _part_tokens(part_b, labels)
    part_b = part_a if part_b is None else part_b
    ids_a, raws_a = part_a["doc_id"].astype(str).tolist(), part_a["raw_text"].tolist()
    ids_b, raws_b = part_b["doc_id"].astype(str).tolist(), part_b["raw_text"].tolist()
    rows = []
    for a, b in zip(pairs["doc_x"].tolist(), pairs["doc_y"].tolist()):
        ta, tb = tokens_a[a - start_a], tokens_b[b - start_b]
        positions = _positions(*_ngram_keys(ta))
        grams_b = _ngram_keys(tb)
        anchors = sorted((i, j) for key, j in zip(*(g.tolist() for g in grams_b)) for i in positions.get(key, ()))
        for p in _align(ta, tb, anchors, max_gap=max_gap):
            if p["counted"] >= min_words:
                rows.append((a, b, *_row(p, ids_a[a - start_a], ids_b[b - start_b], raws_a[a - start_a],
                                         raws_b[b - start_b], ta, tb)))
    return pd.DataFrame(rows, columns=["_a", "_b", *PASSAGE_COLUMNS])


def shared_passages(docs, *, min_words=None, include=ANALYSED, max_gap=None, max_doc_freq=None) -> pd.DataFrame:
    """:func:`analysis.shared_passages` on Dask; returns pandas (:data:`analysis.passages.PASSAGE_COLUMNS`).

    The n-gram index is a groupby on hashed n-grams (a shuffle on the hash), with
    the same document-frequency cap; the candidate pairs are aligned on the
    workers, a block of pairs per two partitions. Defaults as in the pandas function.
    """
    from . import passages
    from .segmenting import include_labels

    dask, dd = _dask()
    docs = _documents(docs)
    min_words = passages.MIN_WORDS if min_words is None else min_words
    max_gap = passages.MAX_GAP if max_gap is None else max_gap
    max_doc_freq = passages.MAX_DOC_FREQ if max_doc_freq is None else max_doc_freq
    labels = set(include_labels(include))
    delayed = dask.delayed
    pieces = docs.to_delayed()
    sizes = docs.map_partitions(len).compute().tolist()
    starts = np.concatenate([[0], np.cumsum(sizes)]).astype(int).tolist()
    meta = pd.DataFrame({"key": pd.Series(dtype=np.uint64), "doc": pd.Series(dtype=np.int64)})
    grams = dd.from_delayed([delayed(_part_grams, pure=True)(p, labels, s) for p, s in zip(pieces, starts)],
                            meta=meta, verify_meta=False)
    grams = grams.shuffle("key") if grams.npartitions > 1 else grams
    count_meta = pd.DataFrame({"doc_x": pd.Series(dtype=np.int64), "doc_y": pd.Series(dtype=np.int64),
                               "shared": pd.Series(dtype=np.int64)})
    shared = grams.map_partitions(_shared_counts, max_doc_freq, meta=count_meta).compute()
    shared = shared.groupby(["doc_x", "doc_y"], as_index=False)["shared"].sum()
    pairs = shared[shared["shared"] >= passages.MIN_SHARED_NGRAMS]
    part_of = np.searchsorted(starts, pairs["doc_x"].to_numpy(), side="right") - 1, \
        np.searchsorted(starts, pairs["doc_y"].to_numpy(), side="right") - 1
    tasks = []
    for (pa, pb), block in pairs.groupby(list(part_of)):
        block = block.sort_values(["doc_x", "doc_y"])
        tasks.append(delayed(_align_block, pure=True)(pieces[pa], None if pa == pb else pieces[pb], starts[pa],
                                                      starts[pb], block, labels, min_words, max_gap))
    found = [t for t in dask.compute(*tasks) if len(t)]
    if not found:
        return passages.shared_passages(docs._meta, progress=False)  # the empty table, with its dtypes
    table = pd.concat(found, ignore_index=True)
    table = table.sort_values(["_a", "_b"], kind="stable").drop(columns=["_a", "_b"]).reset_index(drop=True)
    for column in ("doc_a", "doc_b", "text_a", "text_b", "kind"):
        table[column] = table[column].astype(object)
    return table


# ---------------------------------------------------------------------------------- progress


def client(*, scheduler: str | None = None, workers: int | None = None, memory_limit="4GB", dashboard=True):
    """A ``distributed.Client``: on ``scheduler`` (an address) or a local cluster of ``workers`` processes.

    Prints the dashboard link, where the progress of every task is shown.
    """
    from distributed import Client, LocalCluster

    if scheduler:
        made = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                               memory_limit=memory_limit, dashboard_address=":8787" if dashboard else None)
        made = Client(cluster)
    if made.dashboard_link:
        print(f"Dask dashboard: {made.dashboard_link}", file=sys.stderr)
    return made
