"""Load a folder, a file or a table of articles into a tidy DataFrame.

:func:`load_corpus` returns one row per article; :func:`read_corpus` returns the
same table together with the *load report*, one row per input file that says
what happened to it. Nothing is dropped without a row in that report, and
``strict=True`` turns any skipped input into an error.

Every document is split into labelled segments (see :mod:`analysis.segmenting`);
:func:`segments` returns them as a table whose offsets point into ``raw_text``.

Examples
--------
>>> from analysis import paths
>>> docs = load_corpus(paths.RAW_DATA_DIR)
>>> len(docs), docs.loc[1, "published"]
(5, '2017-04-13')
"""

from __future__ import annotations

import codecs
import hashlib
import unicodedata
import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .labels import outlet_labels  # noqa: F401 - one decision, in labels.py
from .segmenting import ANALYSED, content_words, include_labels, parse_date, segment_text
from .text import normalize_for_matching, normalize_text, token_spans

__all__ = [
    "ARTICLE_SUFFIXES",
    "Corpus",
    "CorpusError",
    "DOCUMENT_COLUMNS",
    "REPORT_COLUMNS",
    "load_corpus",
    "outlet_labels",
    "read_corpus",
    "segments",
    "select_text",
]

ARTICLE_SUFFIXES = (".txt", ".md")
TABLE_SUFFIXES = (".csv", ".jsonl", ".jsonl.gz", ".json", ".parquet")
METADATA_NAME = "metadata.csv"
METADATA_COLUMNS = ("doc_id", "outlet", "url", "published", "title")

#: Columns of the documents table, in order.
DOCUMENT_COLUMNS = [
    "doc_id", "outlet", "title", "published", "url", "text", "n_words",
    "raw_text", "spans", "source", "encoding",
]
#: Columns of the load report.
REPORT_COLUMNS = ["path", "doc_id", "status", "reason"]


class CorpusError(ValueError):
    """Input that cannot be loaded; the message names the file and the problem."""


@dataclass(frozen=True)
class Corpus:
    """What :func:`read_corpus` returns.

    Attributes
    ----------
    documents : pandas.DataFrame
        One row per loaded article; columns :data:`DOCUMENT_COLUMNS`.
    report : pandas.DataFrame
        One row per input (file, table row or metadata row); columns
        ``path, doc_id, status, reason``. ``status`` is ``loaded``, ``skipped``
        (empty, binary, undecodable, unreadable, duplicate), ``missing`` (a
        metadata row without its file) or ``ignored`` (not an article file).
        ``reason`` is empty for a clean load and explains anything else,
        including warnings on loaded files (no metadata row, decoded as cp1252).
    """

    documents: pd.DataFrame
    report: pd.DataFrame

    @property
    def segments(self) -> pd.DataFrame:
        """The segments table of :attr:`documents`; see :func:`segments`."""
        return segments(self.documents)

    @property
    def problems(self) -> pd.DataFrame:
        """Report rows that are not a clean load."""
        return self.report[self.report["reason"] != ""].reset_index(drop=True)


# ----------------------------------------------------------------- public API


def load_corpus(path, **options) -> pd.DataFrame:
    """Load articles into a DataFrame, one row per document.

    Takes the same arguments as :func:`read_corpus` and returns its
    ``documents``. Inputs that were set aside are announced with a warning that
    names them; call :func:`read_corpus` to get the full load report.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id, outlet, title, published, url`` (metadata; blanks are
        empty strings, never guessed), ``text`` (headline and body, the article
        as a reader would quote it), ``n_words`` (words in ``text``),
        ``raw_text`` (the whole text as read), ``spans`` (the segments as
        ``(label, start, end)`` triples into ``raw_text``), ``source`` (where it
        was read from) and ``encoding``.

    Examples
    --------
    >>> from analysis import paths
    >>> load_corpus(paths.RAW_DATA_DIR)["outlet"].tolist()[:2]
    ['Inquisitr', 'Seaholm Highlander (content aggregator)']
    """
    corpus = read_corpus(path, **options)
    skipped = corpus.report[corpus.report["status"].isin(["skipped", "missing"])]
    if len(skipped):
        listing = "; ".join(f"{p}: {r}" for p, r in zip(skipped["path"], skipped["reason"]))
        warnings.warn(
            f"{len(skipped)} input(s) set aside (read_corpus(...).report lists all): {listing}",
            stacklevel=2,
        )
    return corpus.documents


def read_corpus(
    path,
    *,
    metadata=None,
    text_column: str = "text",
    id_column: str | None = None,
    title_column: str | None = None,
    outlet_column: str | None = None,
    date_column: str | None = None,
    url_column: str | None = None,
    encoding: str | None = None,
    keep_duplicates: bool = False,
    strict: bool = False,
) -> Corpus:
    """Load articles and account for every input.

    Parameters
    ----------
    path : path-like
        A folder of ``.txt``/``.md`` files (searched recursively), a single
        such file, or a table (``.csv``, ``.jsonl``, ``.jsonl.gz``,
        ``.parquet``) with one article per row.
    metadata : path-like, optional
        A CSV with a ``doc_id`` column (file name without suffix) and any of
        ``outlet, url, published, title``. By default ``metadata.csv`` inside
        the folder, or beside it, is used when it exists.
    text_column, id_column, title_column, outlet_column, date_column, url_column : str
        Column names for a table input. ``text_column`` must exist; the others
        default to ``doc_id``, ``title``, ``outlet``, ``published`` and ``url``
        when present. A column named explicitly must exist.
    encoding : str, optional
        Decode files with this encoding only. By default UTF-8 (with or
        without BOM), then cp1252 and latin-1 with a warning.
    keep_duplicates : bool, default False
        Load a document whose text is the same as an earlier one (wire copy
        run by two outlets, say) instead of skipping it; the report notes it.
    strict : bool, default False
        Raise :class:`CorpusError` if any input is skipped or missing.

    Returns
    -------
    Corpus
        ``documents`` and ``report`` DataFrames.

    Raises
    ------
    CorpusError
        The path does not exist, a table cannot be read or lacks the text
        column, the metadata file is malformed, or ``strict`` and an input was
        set aside.
    """
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    if path.is_dir():
        records, report = _read_folder(path, encoding)
        meta_path = _find_metadata(path, metadata)
    elif _is_table(path):
        records, report = _read_table(
            path, text_column=text_column, id_column=id_column, title_column=title_column,
            outlet_column=outlet_column, date_column=date_column, url_column=url_column,
        )
        meta_path = Path(metadata) if metadata is not None else None
    elif path.suffix.lower() in ARTICLE_SUFFIXES:
        records, report = _read_files([path], path.parent, encoding)
        meta_path = Path(metadata) if metadata is not None else None
    else:
        raise CorpusError(
            f"{path}: not a folder, an article file ({', '.join(ARTICLE_SUFFIXES)}) "
            f"or a table ({', '.join(TABLE_SUFFIXES)})"
        )
    if meta_path is not None:
        _join_metadata(records, report, meta_path, whole_folder=path.is_dir())
    _mark_duplicates(records, keep=keep_duplicates)
    documents = _build_documents(records)
    report_df = pd.DataFrame(report, columns=REPORT_COLUMNS)
    if strict:
        bad = report_df[report_df["status"].isin(["skipped", "missing"])]
        if len(bad):
            first = bad.iloc[0]
            raise CorpusError(
                f"{first['path']}: {first['reason']}"
                + (f" (and {len(bad) - 1} more input(s) set aside)" if len(bad) > 1 else "")
            )
    return Corpus(documents, report_df)


def segments(docs: pd.DataFrame, *, labels=None) -> pd.DataFrame:
    """One row per labelled segment of each document.

    Parameters
    ----------
    docs : pandas.DataFrame
        The output of :func:`load_corpus`.
    labels : iterable of str or "all", optional
        Keep only these labels (e.g. ``("headline", "body")``); default all.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id, order, label, start, end, text``; ``start``/``end``
        are offsets into the document's ``raw_text``, and joining a document's
        ``text`` values in ``order`` gives back its ``raw_text``.

    Examples
    --------
    >>> from analysis import paths
    >>> segs = segments(load_corpus(paths.RAW_DATA_DIR))
    >>> sorted(segs.loc[segs.doc_id.str.startswith("003"), "label"].unique())
    ['body', 'comments']
    """
    keep = set(include_labels(labels)) if labels is not None else None
    rows = []
    for doc_id, raw, spans in zip(docs["doc_id"], docs["raw_text"], docs["spans"]):
        for order, (label, start, end) in enumerate(spans):
            if keep is None or label in keep:
                rows.append((doc_id, order, label, start, end, raw[start:end]))
    return pd.DataFrame(rows, columns=["doc_id", "order", "label", "start", "end", "text"])


def select_text(docs: pd.DataFrame, *, include=ANALYSED) -> pd.Series:
    """The text of each document made of the chosen segment labels.

    ``include=("headline", "body")`` (the default) gives the ``text`` column;
    ``include="all"`` gives ``raw_text``.

    >>> from analysis import paths
    >>> docs = load_corpus(paths.RAW_DATA_DIR)
    >>> "Mike" in select_text(docs)[3], "Mike" in select_text(docs, include="all")[3]
    (False, True)
    """
    keep = set(include_labels(include))
    return pd.Series(
        ["".join(raw[a:b] for label, a, b in spans if label in keep)
         for raw, spans in zip(docs["raw_text"], docs["spans"])],
        index=docs.index, name="text", dtype=object,
    )


# ------------------------------------------------------------------ reading


def _is_table(path: Path) -> bool:
    name = path.name.lower()
    return any(name.endswith(s) for s in TABLE_SUFFIXES)


def _doc_id(path: Path, root: Path) -> str:
    rel = path.relative_to(root) if path != root else Path(path.name)
    return rel.with_suffix("").as_posix()


def _read_folder(folder: Path, encoding):
    files, report = [], []
    for p in sorted(folder.rglob("*")):
        if p.is_dir():
            continue
        rel = p.relative_to(folder).as_posix()
        if p.name == METADATA_NAME and p.parent == folder:
            report.append([str(p), "", "ignored", "metadata file, joined on doc_id"])
        elif p.suffix.lower() in ARTICLE_SUFFIXES:
            files.append(p)
        else:
            report.append([str(p), "", "ignored", f"not an article file ({rel}): only {', '.join(ARTICLE_SUFFIXES)} are read"])
    records, file_report = _read_files(files, folder, encoding)
    # keep the report in path order
    report = sorted(report + file_report, key=lambda r: r[0])
    return records, report


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str, str]:
    """Decode file contents; return ``(text, encoding, warning)``.

    Raises ``ValueError`` with a reason when the bytes are not text.

    >>> decode_bytes("caf\\u00e9".encode("cp1252"))
    ('café', 'cp1252', 'not valid UTF-8; decoded as cp1252')
    """
    if encoding is not None:
        try:
            return data.decode(encoding), encoding, ""
        except (UnicodeDecodeError, LookupError) as exc:
            raise ValueError(f"cannot be decoded as {encoding}: {exc}") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", ""
        except UnicodeDecodeError as exc:
            raise ValueError(f"has a UTF-16 byte-order mark but is not UTF-16: {exc}") from None
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), "utf-8", ""
    except UnicodeDecodeError:
        pass
    for fallback in ("cp1252", "latin-1"):
        try:
            text = data.decode(fallback)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
        if controls <= max(1, len(text) // 1000):
            return text, fallback, f"not valid UTF-8; decoded as {fallback}"
    raise ValueError("undecodable: not UTF-8, and control characters show it is not cp1252 or latin-1 text")


def _read_files(files, root: Path, encoding):
    records, report = [], []
    for p in files:
        doc_id = _doc_id(p, root)
        try:
            data = p.read_bytes()
        except OSError as exc:
            report.append([str(p), doc_id, "skipped", f"unreadable: {exc.strerror or exc}"])
            continue
        try:
            text, used, warning = decode_bytes(data, encoding)
        except ValueError as exc:
            report.append([str(p), doc_id, "skipped", str(exc)])
            continue
        text = normalize_text(text)
        if not text.strip():
            report.append([str(p), doc_id, "skipped", "empty file" if not text else "only white space"])
            continue
        row = [str(p), doc_id, "loaded", warning]
        report.append(row)
        records.append({"doc_id": doc_id, "raw_text": text, "source": str(p), "encoding": used,
                        "outlet": "", "title": "", "published": "", "url": "", "_report": row})
    return records, report


def _read_table(path: Path, *, text_column, id_column, title_column, outlet_column, date_column, url_column):
    name = path.name.lower()
    try:
        if name.endswith(".parquet"):
            table = pd.read_parquet(path)
        elif name.endswith((".jsonl", ".jsonl.gz", ".json")):
            table = pd.read_json(path, lines=not name.endswith(".json"), dtype=False)
        else:
            table = pd.read_csv(path, dtype=str, keep_default_na=False)
    except Exception as exc:  # pandas raises many types; the user needs the file and reason
        raise CorpusError(f"{path}: cannot be read as a table: {type(exc).__name__}: {exc}") from None
    columns = list(table.columns)
    if text_column not in columns:
        raise CorpusError(
            f"{path}: no text column {text_column!r}; columns are {columns}. "
            f"Name the text column with text_column=... (--text-column on the command line)."
        )
    named = {"doc_id": id_column, "title": title_column, "outlet": outlet_column,
             "published": date_column, "url": url_column}
    chosen = {}
    for field, column in named.items():
        if column is not None and column not in columns:
            raise CorpusError(f"{path}: no column {column!r} for {field}; columns are {columns}")
        chosen[field] = column if column is not None else (field if field in columns else None)

    def cell(value) -> str:
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return ""
        return str(value)

    records, report = [], []
    texts = table[text_column].tolist()
    ids = table[chosen["doc_id"]].map(cell).tolist() if chosen["doc_id"] else [str(i) for i in range(len(table))]
    other = {f: table[c].map(cell).tolist() for f, c in chosen.items() if c and f != "doc_id"}
    for i, (doc_id, value) in enumerate(zip(ids, texts)):
        where = f"{path}#row{i + 1}"
        if not doc_id:
            doc_id = str(i)
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            report.append([where, doc_id, "skipped", f"no text in column {text_column!r}"])
            continue
        text = normalize_text(str(value))
        if not text.strip():
            report.append([where, doc_id, "skipped", f"empty text in column {text_column!r}"])
            continue
        row = [where, doc_id, "loaded", ""]
        report.append(row)
        record = {"doc_id": doc_id, "raw_text": text, "source": where, "encoding": "",
                  "outlet": "", "title": "", "published": "", "url": "", "_report": row}
        for field, values in other.items():
            record[field] = values[i]
        records.append(record)
    seen: dict[str, str] = {}
    for r in records:
        if r["doc_id"] in seen:
            raise CorpusError(f"{path}: doc_id {r['doc_id']!r} appears twice ({seen[r['doc_id']]} and {r['source']})")
        seen[r["doc_id"]] = r["source"]
    return records, report


def _find_metadata(folder: Path, metadata) -> Path | None:
    if metadata is not None:
        return Path(metadata)
    for candidate in (folder / METADATA_NAME, folder.parent / METADATA_NAME):
        if candidate.is_file():
            return candidate
    return None


def _join_metadata(records, report, meta_path: Path, *, whole_folder: bool) -> None:
    if not meta_path.is_file():
        raise CorpusError(f"{meta_path}: metadata file not found")
    try:
        meta = pd.read_csv(meta_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except Exception as exc:
        raise CorpusError(f"{meta_path}: cannot be read as CSV: {type(exc).__name__}: {exc}") from None
    if "doc_id" not in meta.columns:
        raise CorpusError(f"{meta_path}: no 'doc_id' column; columns are {list(meta.columns)}")
    dupes = meta["doc_id"][meta["doc_id"].duplicated()].tolist()
    if dupes:
        raise CorpusError(f"{meta_path}: doc_id {dupes[0]!r} has more than one row")
    rows = {r["doc_id"]: r for r in meta.to_dict("records")}
    by_id = {r["doc_id"]: r for r in records}
    for doc_id, record in by_id.items():
        row = rows.get(doc_id)
        if row is None:
            note = f"no row in {meta_path.name}: outlet, title, date and url unknown"
            record["_report"][3] = "; ".join(x for x in (record["_report"][3], note) if x)
            continue
        for field in METADATA_COLUMNS[1:]:
            if row.get(field, ""):
                record[field] = row[field].strip()
    if whole_folder:
        # a row whose file is not loaded: missing, unless the file was reported already
        reported = {r[1] for r in report}
        for doc_id in rows:
            if doc_id not in reported:
                report.append([str(meta_path), doc_id, "missing",
                               f"{meta_path.name} has a row for {doc_id!r} but there is no such article file"])


def _mark_duplicates(records, *, keep: bool) -> None:
    """Skip (or, with ``keep``, note) documents whose text repeats an earlier one's."""
    first: dict[str, str] = {}
    kept = []
    for r in records:
        key = hashlib.sha1(" ".join(normalize_for_matching(r["raw_text"]).split()).encode()).hexdigest()
        if key not in first:
            first[key] = r["doc_id"]
            kept.append(r)
        elif keep:
            r["_report"][3] = "; ".join(x for x in (r["_report"][3], f"duplicate of {first[key]}, kept") if x)
            kept.append(r)
        else:
            r["_report"][2] = "skipped"
            r["_report"][3] = f"duplicate: same text as {first[key]}"
    records[:] = kept


def _build_documents(records) -> pd.DataFrame:
    vocab = [content_words(r["raw_text"]) for r in records]
    df = Counter(word for words in vocab for word in words)  # document frequency over the corpus
    rows = []
    for r, own in zip(records, vocab):
        raw = r["raw_text"]
        spans = tuple(segment_text(raw, title=r["title"] or None, corpus_vocabulary=df, document_vocabulary=own))
        text = "".join(raw[a:b] for label, a, b in spans if label in ANALYSED)
        title = r["title"]
        if not title:
            title = next((raw[a:b].strip() for label, a, b in spans if label == "headline"), "")
        published = r["published"]
        if not published:
            published = next((d for label, a, b in spans if label == "dateline"
                              for d in [parse_date(raw[a:b])] if d), "")
        rows.append({
            "doc_id": r["doc_id"], "outlet": r["outlet"], "title": title, "published": published,
            "url": r["url"], "text": text, "n_words": len(token_spans(text)), "raw_text": raw,
            "spans": spans, "source": r["source"], "encoding": r["encoding"],
        })
    docs = pd.DataFrame(rows, columns=DOCUMENT_COLUMNS)
    for column in ("doc_id", "outlet", "title", "published", "url", "text", "raw_text", "source", "encoding"):
        docs[column] = docs[column].astype(object)
    docs["n_words"] = docs["n_words"].astype("int64")
    return docs
