"""Load a folder, a file, a table or a DataFrame of articles into a tidy DataFrame.

:func:`load_corpus` returns one row per article; :func:`read_corpus` returns the
same table together with the *load report*, one row per input (file, table row,
metadata row) that says what happened to it. Nothing is dropped without a row in
that report, and ``strict=True`` turns any skipped input into an error.

Every document is split into labelled segments (see :mod:`analysis.segmenting`);
:func:`segments` returns them as a table whose offsets point into ``raw_text``.
The same article gives the same ``raw_text``, ``text`` and segments whether it
comes as a file (headline on the first line) or as a table row (a title column
and a text column): a row's title becomes its first line.

Examples
--------
>>> from analysis import paths
>>> docs = load_corpus(paths.RAW_DATA_DIR)
>>> len(docs), docs.loc[1, "published"]
(5, '2017-04-13')
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import json
import math
import os
import re
import unicodedata
import warnings
import zlib
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from .dates import parse_published
from .labels import outlet_labels  # noqa: F401 - one decision, in labels.py
from .parallel import map_ranges, without_huge_pages
from .segmenting import ANALYSED, OFF_TOPIC_MIN_DOCUMENTS, content_words, include_labels, segment_text
from .text import count_tokens, normalize_for_matching, normalize_text
from .webpages import HTML_SUFFIXES, extract_page

__all__ = [
    "ARTICLE_SUFFIXES",
    "Columns",
    "Corpus",
    "CorpusError",
    "DOCUMENT_COLUMNS",
    "HTML_SUFFIXES",
    "MAX_ARTICLE_BYTES",
    "REPORT_COLUMNS",
    "as_documents",
    "load_corpus",
    "outlet_labels",
    "read_corpus",
    "segments",
    "select_text",
]

ARTICLE_SUFFIXES = (".txt", ".md")
TABLE_SUFFIXES = (".csv", ".jsonl", ".jsonl.gz", ".json", ".parquet")
METADATA_NAME = "metadata.csv"
#: Columns that name the file in a metadata CSV when ``id_column`` is not given, in order of preference.
METADATA_ID_COLUMNS = ("doc_id", "filename", "file")
#: A single article (file or table cell) larger than this is refused with a size message: a news
#: article is well under 1 MB, and a file of this size is a dump of many articles to be split first.
MAX_ARTICLE_BYTES = 20_000_000
#: Front matter must close within this many lines of a Markdown file's first ``---``.
FRONT_MATTER_MAX_LINES = 60

#: Columns of the documents table, in order.
DOCUMENT_COLUMNS = [
    "doc_id", "outlet", "title", "author", "published", "published_raw", "url", "text", "n_words",
    "raw_text", "spans", "source", "encoding", "html",
]
#: Columns of the load report.
REPORT_COLUMNS = ["path", "doc_id", "status", "reason"]
#: Inputs a warning or a ``strict`` error names before it only counts the rest: a table with thousands of empty
#: rows would otherwise put every one in a single message (Reuters-21578: 2,032 rows set aside, 200 kB of warning).
#: The load report lists them all.
LISTED_INPUTS = 5
_META_FIELDS = ("outlet", "title", "author", "published_raw", "url")
# front-matter keys, and the field each fills
_FRONT_MATTER_KEYS = {
    "title": "title", "headline": "title", "date": "published_raw", "published": "published_raw",
    "outlet": "outlet", "source": "outlet", "publisher": "outlet", "site": "outlet", "site_name": "outlet",
    "url": "url", "link": "url", "canonical_url": "url", "author": "author", "by": "author",
}
_HEADING_MARK = re.compile(r"^\s{0,3}#{1,6}\s+")


class CorpusError(ValueError):
    """Input that cannot be loaded; the message names the file and the problem."""


@dataclass(frozen=True)
class Columns:
    """Which columns of a table, DataFrame or metadata CSV hold what.

    ``None`` means the default name (``doc_id``, ``title``, ``outlet``,
    ``published``, ``url``, ``html``) when such a column exists; a name given
    explicitly must exist. In a metadata CSV the id may also be a ``filename``
    or ``file`` column, with or without the file's suffix.
    """

    text: str = "text"
    id: str | None = None
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    html: str | None = None

    def chosen(self, available, where: str) -> dict[str, str | None]:
        """Map each metadata field to a column of ``available`` (or None); a missing named column is an error."""
        named = {"doc_id": self.id, "title": self.title, "outlet": self.outlet,
                 "published_raw": self.date, "url": self.url, "author": None}
        defaults = {"doc_id": "doc_id", "title": "title", "outlet": "outlet", "published_raw": "published",
                    "url": "url", "author": "author"}
        out = {}
        for field, column in named.items():
            if column is not None and column not in available:
                raise CorpusError(f"{where}: no column {column!r} for {field.removesuffix('_raw')}; "
                                  f"columns are {list(available)}")
            out[field] = column if column is not None else default_column(available, defaults[field])
        return out


def default_column(available, name: str) -> str | None:
    """The column of ``available`` named ``name``, or else the one column so named but for case and surrounding
    spaces (a spreadsheet's ``Outlet`` or ``Filename``), or None.

    >>> default_column(["Filename", "Outlet"], "outlet"), default_column(["a"], "outlet")
    ('Outlet', None)
    """
    if name in available:
        return name
    alike = [c for c in available if str(c).strip().casefold() == name]
    return alike[0] if len(alike) == 1 else None


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
        (empty, binary, undecodable, unreadable, too large, duplicate),
        ``missing`` (a metadata row without its file) or ``ignored`` (not an
        article file, hidden, a link leaving the folder). ``reason`` is empty
        for a clean load and explains anything else, including notes on loaded
        inputs (no metadata row, decoded as cp1252, a date not understood, what
        was extracted from a web page).
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

    def require_complete(self, label: str) -> None:
        """Raise :class:`CorpusError` if an input was skipped or missing, or no document was loaded (what
        ``strict=True`` asks); ``label`` names the source."""
        if aside := set_aside(self.report):
            raise CorpusError(aside)
        if self.documents.empty:
            raise CorpusError(f"{label}: {self.summary()}")

    def summary(self) -> str:
        """One line: documents loaded out of how many inputs, and what was set aside.

        >>> from analysis import paths
        >>> read_corpus(paths.RAW_DATA_DIR).summary()
        '5 documents loaded from 5 inputs'
        """
        counts = self.report["status"].value_counts()
        aside = [f"{counts[s]} {s}" for s in ("skipped", "missing", "ignored") if counts.get(s, 0)]
        return (f"{len(self.documents)} documents loaded from {len(self.report)} inputs"
                + (f" ({', '.join(aside)})" if aside else ""))


def set_aside(report: pd.DataFrame) -> str:
    """What a load report set aside (skipped or missing), in one line; empty if nothing was.

    Names the first :data:`LISTED_INPUTS` inputs with their reasons and counts the rest.

    Examples
    --------
    >>> report = pd.DataFrame({"path": ["a.txt", "b.txt", "c.txt"], "doc_id": ["a", "b", "c"],
    ...                        "status": ["skipped", "loaded", "missing"], "reason": ["empty file", "", "no file"]})
    >>> set_aside(report)
    '2 input(s) set aside: a.txt: empty file; c.txt: no file'
    >>> set_aside(report.iloc[[1]])
    ''
    """
    bad = report[report["status"].isin(["skipped", "missing"])]
    if bad.empty:
        return ""
    listed = "; ".join(f"{p}: {r}" for p, r in zip(bad["path"][:LISTED_INPUTS], bad["reason"][:LISTED_INPUTS]))
    more = len(bad) - LISTED_INPUTS
    return (f"{len(bad)} input(s) set aside: {listed}"
            + (f"; and {more} more (the load report, read_corpus(...).report, lists all)" if more > 0 else ""))


# ----------------------------------------------------------------- public API


def load_corpus(source, **options) -> pd.DataFrame:
    """Load articles into a DataFrame, one row per document.

    Takes the same arguments as :func:`read_corpus` and returns its
    ``documents``. Inputs that were set aside are announced with a warning that
    names them, as is a corpus with no document; call :func:`read_corpus` to
    get the full load report.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id, outlet, title, author, published, url`` (metadata;
        blanks are empty strings, never guessed), ``published_raw`` (the date
        as written), ``text`` (headline and body, the article as a reader
        would quote it), ``n_words`` (words in ``text``), ``raw_text`` (the
        whole text as read), ``spans`` (the segments as ``(label, start, end)``
        triples into ``raw_text``), ``source`` (where it was read from),
        ``encoding`` and ``html`` (a web page as read; empty otherwise).

    Examples
    --------
    >>> from analysis import paths
    >>> load_corpus(paths.RAW_DATA_DIR)["outlet"].tolist()[:2]
    ['Inquisitr', 'Seaholm Highlander (content aggregator)']
    >>> frame = pd.DataFrame({"story": ["q1"], "headline": ["Quake hits town"],
    ...                       "content": ["At least 30 people were killed, officials said."]})
    >>> load_corpus(frame, text_column="content", id_column="story", title_column="headline")["text"][0]
    'Quake hits town\\n\\nAt least 30 people were killed, officials said.'
    """
    corpus = read_corpus(source, **options)
    if aside := set_aside(corpus.report):
        warnings.warn(aside, stacklevel=2)
    if corpus.documents.empty:
        warnings.warn(corpus.summary(), stacklevel=2)
    return corpus.documents


@without_huge_pages()
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
    n_jobs: int | None = None,
    progress: bool | None = None,
) -> Corpus:
    """Load articles and account for every input.

    Parameters
    ----------
    source : path-like or pandas.DataFrame
        A folder of ``.txt``/``.md`` articles and ``.html``/``.htm`` saved
        pages (searched recursively; hidden files and folders are ignored,
        links are followed inside the folder only), a single such file, a table
        (``.csv``, ``.jsonl``, ``.jsonl.gz``, ``.parquet``) with one article per
        row, or a DataFrame shaped like such a table.
    metadata : path-like, optional
        A CSV with the file name (``doc_id``, ``filename`` or ``file``, with
        or without suffix; or ``id_column``) and any of ``outlet, url,
        published, title`` (or the columns named below). By default
        ``metadata.csv`` inside the folder, or beside it, is used when it
        exists.
    text_column, id_column, title_column, outlet_column, date_column, url_column : str
        Column names, for a table, a DataFrame or the metadata CSV of a
        folder. ``text_column`` must exist in a table (or ``html_column``);
        the others default to ``doc_id``, ``title``, ``outlet``, ``published``
        and ``url`` when present. A column named explicitly must exist.
    html_column : str, optional
        A column of saved web pages to extract articles from; by default a
        column ``html`` is used when the table has no text column.
    encoding : str, optional
        Decode files with this encoding only. By default UTF-8 (with or
        without BOM, or UTF-16 with BOM), then cp1252 and latin-1 with a note.
    keep_duplicates : bool, default False
        Load a document whose text is the same as an earlier one (wire copy
        run by two outlets, say) instead of skipping it; the report notes it.
    strict : bool, default False
        Raise :class:`CorpusError` if any input is skipped or missing, or if
        no document is loaded.
    n_jobs : int, optional
        Processes that segment and date the documents; default every core
        (a small corpus is done in this process). The result is the same for
        any ``n_jobs``.
    progress : bool, optional
        Show progress bars; by default only on a terminal.

    Returns
    -------
    Corpus
        ``documents`` and ``report`` DataFrames.

    Raises
    ------
    CorpusError
        The path does not exist, a table cannot be read, lacks the text
        column, holds non-text values or repeats an id, the metadata file is
        malformed, or ``strict`` and an input was set aside.
    """
    columns = Columns(text=text_column, id=id_column, title=title_column, outlet=outlet_column,
                      date=date_column, url=url_column, html=html_column)
    # metadata columns: the options name them for a folder or file; a table's own columns for a table
    meta_columns, whole_folder = Columns(), False
    if isinstance(source, pd.DataFrame):
        label = "DataFrame"
        records, report = _read_frame(source, label, columns, missing_text_is_error=True)
    elif not isinstance(source, (str, os.PathLike)):
        raise CorpusError(f"cannot load a {type(source).__name__}: give a folder, a file, a table or a DataFrame")
    else:
        path = Path(source)
        label = str(path)
        try:
            exists = path.exists()
        except OSError as exc:  # a name too long for the file system: most likely an article's text
            exists, why = False, exc.strerror
        else:
            why = "no such file or folder"
        if not exists:
            looks_like_text = isinstance(source, str) and ("\n" in source or any(len(part) > 255 for part in
                                                                                  source.split("/")))
            hint = (" (this looks like an article's text: pass a DataFrame with a text column, "
                    "pandas.DataFrame({'text': [...]}))" if looks_like_text else "")
            raise CorpusError(f"{_preview(str(path)) if looks_like_text else path}: {why}{hint}")
        if path.is_dir():
            records, report = _read_folder(path, encoding)
            metadata, meta_columns, whole_folder = _find_metadata(path, metadata), columns, True
        elif _is_table(path):
            frame, where, note = _read_table_file(path)
            records, report = _read_frame(frame, where, columns, note)
        elif path.suffix.lower() in ARTICLE_SUFFIXES + HTML_SUFFIXES:
            records, report = _read_files([path], path.parent, encoding)
            meta_columns = columns
        else:
            raise CorpusError(
                f"{path}: not a folder, an article file ({', '.join(ARTICLE_SUFFIXES + HTML_SUFFIXES)}) "
                f"or a table ({', '.join(TABLE_SUFFIXES)})"
            )
    if metadata is not None:
        _join_metadata(records, report, Path(metadata), meta_columns, whole_folder=whole_folder)
    _mark_duplicates(records, keep=keep_duplicates)
    documents = _build_documents(records, n_jobs=n_jobs, progress=progress)
    corpus = Corpus(documents, pd.DataFrame(report, columns=REPORT_COLUMNS))
    if strict:
        corpus.require_complete(label)
    return corpus


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
    docs = as_documents(docs)
    rows = []
    for doc_id, raw, spans in zip(docs["doc_id"], docs["raw_text"], docs["spans"]):
        for order, (label, start, end) in enumerate(spans):
            if keep is None or label in keep:
                rows.append((doc_id, order, label, start, end, raw[start:end]))
    return pd.DataFrame(rows, columns=["doc_id", "order", "label", "start", "end", "text"])


def as_documents(docs: pd.DataFrame) -> pd.DataFrame:
    """``docs`` as the analyses read it: with every column of :data:`DOCUMENT_COLUMNS`.

    The output of :func:`load_corpus` is returned as it is. Any other table needs ``doc_id`` and
    ``text`` (or ``raw_text``): its text is read whole, as one body segment (``spans``),
    ``n_words`` is counted, and other missing columns (``outlet``, ``title``, ``published`` ...)
    are blank. Load a table with :func:`load_corpus` to have headlines, datelines and comments
    told apart.

    >>> docs = as_documents(pd.DataFrame({"doc_id": ["a"], "text": ["Two men were held."]}))
    >>> docs[["doc_id", "outlet", "raw_text", "spans"]].values.tolist()
    [['a', '', 'Two men were held.', (('body', 0, 18),)]]
    >>> as_documents(pd.DataFrame({"id": ["a"], "body": ["x"]}))
    Traceback (most recent call last):
    ...
    ValueError: the documents table needs a 'doc_id' column and a 'text' (or 'raw_text') column; it has 'id', 'body'. Load it with analysis.load_corpus(table, id_column=..., text_column=...) to name yours
    """
    if set(DOCUMENT_COLUMNS) <= set(docs.columns):
        return docs
    if "doc_id" not in docs.columns or not {"text", "raw_text"} & set(docs.columns):
        has = ", ".join(repr(str(c)) for c in docs.columns) or "no columns"
        raise ValueError(f"the documents table needs a 'doc_id' column and a 'text' (or 'raw_text') column; it has "
                         f"{has}. Load it with analysis.load_corpus(table, id_column=..., text_column=...) to name "
                         "yours")
    out = docs.copy()
    if "raw_text" not in out.columns:
        out["raw_text"] = out["text"].fillna("").astype(str)
    if "spans" not in out.columns:
        out["spans"] = [(("body", 0, len(raw)),) for raw in out["raw_text"]]
    if "text" not in out.columns:
        out["text"] = select_text(out)
    if "n_words" not in out.columns:
        out["n_words"] = [count_tokens(text) for text in out["text"]]
    for column in DOCUMENT_COLUMNS:
        if column not in out.columns:
            out[column] = ""
    return out


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
    if "spans" not in docs.columns or "raw_text" not in docs.columns:
        docs = as_documents(docs)
    return pd.Series(
        ["".join(raw[a:b] for label, a, b in spans if label in keep)
         for raw, spans in zip(docs["raw_text"], docs["spans"])],
        index=docs.index, name="text", dtype=object,
    )


# ------------------------------------------------------------------ reading


def _is_table(path: Path) -> bool:
    name = path.name.lower()
    return any(name.endswith(s) for s in TABLE_SUFFIXES)


def _record(doc_id, raw, source, used="", **fields_) -> dict:
    record = {"doc_id": doc_id, "raw_text": raw, "source": source, "encoding": used, "outlet": "", "title": "",
              "author": "", "published_raw": "", "url": "", "html": "", "_front_end": 0, "_comments_at": None}
    record.update(fields_)
    return record


def _is_blank(text: str) -> bool:
    """Only white space, control characters or invisible format characters (zero-width spaces, BOMs)."""
    return all(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") for ch in text)


def _blank_reason(text: str, what: str = "file") -> str:
    if not text:
        return f"empty {what}"
    if not text.strip():
        return "only white space"
    return "only white space, control or zero-width characters"


def _read_folder(folder: Path, encoding):
    """Walk ``folder``: article files to read, and a report row for everything else."""
    files, report = _walk_folder(folder)
    records, file_report = _read_files(files, folder, encoding)
    report = sorted(report + file_report, key=lambda r: r[0])  # the report in path order
    return records, report


def _walk_folder(folder: Path):
    """The article files of ``folder``, in reading order, and a report row for everything else."""
    root = folder.resolve()
    files, report = [], []
    # folders read under their own name; a link to one of them is not read a second time
    real_dirs = {root}
    for current, dirs, _ in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        real_dirs.update(Path(current, d).resolve() for d in dirs if not Path(current, d).is_symlink())
    seen_dirs = set(real_dirs)

    def visit(current: Path) -> None:
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as exc:
            report.append([str(current), "", "skipped", f"unreadable folder: {exc.strerror or exc}"])
            return
        names = {entry.name.lower(): entry.name for entry in entries}
        for entry in entries:
            p = Path(entry.path)
            rel = p.relative_to(folder).as_posix()
            if entry.name.startswith("."):
                kind = "folder" if entry.is_dir() else "file"
                report.append([str(p), "", "ignored", f"hidden {kind} ({rel}): not read"])
                continue
            page = _saved_page_of(entry, names)
            if page is not None:
                report.append([str(p), "", "ignored", f"the images, scripts and frames of the saved page {page} "
                               f"({rel}): not read"])
                continue
            link = entry.is_symlink()
            if link:
                try:
                    target = p.resolve(strict=True)
                except (OSError, RuntimeError):
                    report.append([str(p), "", "skipped", f"broken symbolic link ({rel})"])
                    continue
                if not target.is_relative_to(root):
                    report.append([str(p), "", "ignored",
                                   f"symbolic link leaving the corpus folder ({rel} -> {target}): not read"])
                    continue
            if p.is_dir():
                target = p.resolve()
                if link and target in seen_dirs:
                    where = target.relative_to(root).as_posix() if target != root else "the corpus folder"
                    report.append([str(p), "", "ignored", f"link to a folder read already ({rel} -> {where})"])
                    continue
                seen_dirs.add(target)
                visit(p)
            elif not p.is_file():
                report.append([str(p), "", "ignored", f"not a regular file ({rel})"])
            elif p.name == METADATA_NAME and current == folder:
                report.append([str(p), "", "ignored", "metadata file, joined on doc_id"])
            elif p.suffix.lower() in ARTICLE_SUFFIXES + HTML_SUFFIXES:
                files.append(p)
            else:
                report.append([str(p), "", "ignored", f"not an article file ({rel}): only "
                               f"{', '.join(ARTICLE_SUFFIXES + HTML_SUFFIXES)} are read"])

    visit(folder)
    return files, report


#: The folder a browser's "Save page, complete" writes beside ``NAME.html``: ``NAME`` and this ending. It holds the
#: page's images, style sheets, scripts and frames (themselves ``.html`` files), not articles.
SAVED_PAGE_FOLDER_END = "_files"


def _saved_page_of(entry: os.DirEntry, names: dict[str, str]) -> str | None:
    """The page whose resources folder ``entry`` is (``NAME_files`` beside ``NAME.html`` or ``.htm``), or None.

    ``names``: the names in the entry's folder, by their lowercase form.
    """
    name = entry.name
    stem = name[:-len(SAVED_PAGE_FOLDER_END)]
    if not stem or not name.lower().endswith(SAVED_PAGE_FOLDER_END) or not entry.is_dir():
        return None
    return next((names[(stem + suffix).lower()] for suffix in HTML_SUFFIXES if (stem + suffix).lower() in names),
                None)


def decode_bytes(data: bytes, encoding: str | None = None, *, page: bool = False,
                 table: bool = False) -> tuple[str, str, str]:
    """Decode file contents; return ``(text, encoding, warning)``.

    ``encoding`` is the user's, and decides. Otherwise a UTF-16 byte-order mark, then UTF-8, then, for a web
    ``page``, the charset it declares (:func:`declared_charset`), then UTF-8 with stray bytes, cp1252 and
    latin-1. Raises ``ValueError`` with a reason when the bytes are not text. A NUL byte makes a file
    binary, except in a ``table``, where a few (one, or one in :data:`STRAY_CHARACTER_SHARE` bytes: a database
    export's stray NUL in a cell) are kept, for the loader to remove from the cells that hold them.

    >>> decode_bytes("caf\\u00e9".encode("cp1252"))
    ('café', 'cp1252', 'not valid UTF-8; decoded as cp1252')
    >>> decode_bytes(b'<meta charset="windows-1251">' + "\\u0447\\u0430\\u0439".encode("cp1251"), page=True)[0][-3:]
    'чай'
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
    if b"\x00" in data and not (table and _few(data.count(b"\x00"), len(data))):
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), "utf-8", ""
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data) if page else None  # read only where UTF-8 failed
    declared = _AS_BROWSERS_READ.get(declared.lower(), declared.lower()) if declared else None
    if declared and not declared.startswith(("utf-16", "utf-32")):  # browsers ignore those in a page's bytes
        try:
            text = data.decode(declared)
            if not _has_controls(text):
                return text, declared, f"not valid UTF-8; decoded as {declared}, as the page declares"
        except (UnicodeDecodeError, LookupError):
            pass  # a declaration the bytes do not bear out (or no such codec): guess as for any file
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return mixed
    for fallback in ("cp1252", "latin-1"):
        try:
            text = data.decode(fallback)
        except UnicodeDecodeError:
            continue
        if not _has_controls(text):
            return text, fallback, f"not valid UTF-8; decoded as {fallback}"
    raise ValueError("undecodable: not UTF-8, and control characters show it is not cp1252 or latin-1 text")


#: The first two bytes of gzip data (RFC 1952).
GZIP_MAGIC = b"\x1f\x8b"

#: Text may hold one stray character (a control character, or in a table a NUL byte) in this many and still be
#: text (see :func:`decode_bytes`); a wrong encoding gives many more, a UTF-16 file without a byte-order mark is
#: half NULs.
STRAY_CHARACTER_SHARE = 1000

#: Page charsets that browsers read as another (the WHATWG Encoding standard): latin-1 and ASCII labels as cp1252.
_AS_BROWSERS_READ = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
                     "ascii": "cp1252"}
#: Real UTF-8 characters beyond ASCII needed per stray byte to read a file as UTF-8 with stray bytes: in a cp1252
#: file a pair such as "ß“" is valid UTF-8 by chance, but such pairs are far fewer than its other accents.
MIXED_UTF8_MIN_RATIO = 2


def _few(count: int, length: int) -> bool:
    """Whether ``count`` stray characters in ``length`` are as few as text holds (:data:`STRAY_CHARACTER_SHARE`)."""
    return count <= max(1, length // STRAY_CHARACTER_SHARE)


def _has_controls(text: str) -> bool:
    """Whether decoded text holds more control characters than text does (a sign of the wrong encoding)."""
    return not _few(sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f"), len(text))


_STRAY_BYTE = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, as errors="surrogateescape" keeps it


def _mostly_utf8(data: bytes) -> tuple[str, str, str] | None:
    """UTF-8 text with a few stray bytes of another encoding (text pasted together from two sources).

    Each byte that is not UTF-8 is read as cp1252 (latin-1 where cp1252 has no character), as
    browsers read such bytes. Only when the text holds at least as many real UTF-8 characters
    beyond ASCII as :data:`MIXED_UTF8_MIN_RATIO` times the stray bytes, and no more control characters than
    text has; otherwise None, and the caller decodes it whole.

    >>> text, encoding, note = _mostly_utf8("Caf\\u00e9 owner \\u2014 \\u201cno\\u201d. ".encode()
    ...                                     + b"\\x93It was terrible.\\x94")
    >>> text, encoding
    ('Café owner — “no”. “It was terrible.”', 'utf-8')
    >>> note
    '2 byte(s) not UTF-8 read as cp1252 (the first at character 19)'

    >>> _mostly_utf8("Caf\\u00e9".encode("cp1252")) is None
    True
    """
    text = data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    stray = [m.start() for m in _STRAY_BYTE.finditer(text)]
    real = sum(1 for ch in text if ord(ch) > 127) - len(stray)
    if not stray or real < MIXED_UTF8_MIN_RATIO * len(stray):
        return None

    def read(match) -> str:
        byte = bytes([ord(match.group()) - 0xDC00])
        try:
            return byte.decode("cp1252")
        except UnicodeDecodeError:
            return byte.decode("latin-1")

    mended = _STRAY_BYTE.sub(read, text)
    if _has_controls(mended):
        return None
    return (mended, "utf-8",
            f"{len(stray)} byte(s) not UTF-8 read as cp1252 (the first at character {stray[0]})")


def declared_charset(page: bytes) -> str | None:
    """The charset a saved web page declares (``<meta charset>``, ``http-equiv``), or None.

    Read by Beautiful Soup's detector, near the start of the page as browsers read it.

    >>> declared_charset(b'<html><head><meta charset="windows-1251"><title>'), declared_charset(b"<p>Hi</p>")
    ('windows-1251', None)
    """
    from bs4.dammit import EncodingDetector

    return EncodingDetector.find_declared_encoding(page, is_html=True)


def _doc_ids(files, root: Path) -> tuple[list[str], list[str], list[str]]:
    """Unique ids, notes on the ids and relative names of ``files``.

    The id is the path without suffix, or with it where two files differ only
    by suffix (``a.txt`` and ``a.md``); a name still taken gets ``~2``, ``~3``.
    """
    rels = [p.relative_to(root).as_posix() if p != root else p.name for p in files]
    stems = [rel[: -len(Path(rel).suffix)] if Path(rel).suffix else rel for rel in rels]
    counts = Counter(stems)
    wanted = [rel if counts[stem] > 1 else stem for rel, stem in zip(rels, stems)]
    reserved = set(wanted)
    ids, notes, taken = [], [], set()
    for rel, stem, want in zip(rels, stems, wanted):
        note = [f"doc_id keeps the suffix: another file is also named {stem!r}"] if counts[stem] > 1 else []
        doc_id, n = want, 1
        while doc_id in taken or (doc_id != want and doc_id in reserved):
            n += 1
            doc_id = f"{want}~{n}"
        if doc_id != want:
            note.append(f"doc_id {want!r} is another file's; this one is {doc_id!r}")
        taken.add(doc_id)
        ids.append(doc_id)
        notes.append("; ".join(note))
    return ids, notes, rels


def _split_front_matter(text: str) -> tuple[int, dict[str, str]]:
    """Length of a leading ``---`` ... ``---`` block, and its ``key: value`` fields (0 and {} if none)."""
    if not text.startswith("---\n"):
        return 0, {}
    lines = text.split("\n", FRONT_MATTER_MAX_LINES + 1)[1:FRONT_MATTER_MAX_LINES + 1]
    offset = 4
    found: dict[str, str] = {}
    for line in lines:
        if line.strip() in ("---", "..."):
            end = offset + len(line) + 1
            return min(end, len(text)), found
        key, sep, value = line.partition(":")
        field = _FRONT_MATTER_KEYS.get(key.strip().lower())
        value = value.strip().strip("\"'").strip()
        if sep and field and value and field not in found:
            found[field] = value
        offset += len(line) + 1
    return 0, {}


def _article_record(doc_id, text, source, used, suffix) -> dict:
    """A record from decoded text: front matter split off a Markdown file, a web page extracted."""
    if suffix in HTML_SUFFIXES:
        page = extract_page(text)
        raw = "\n\n".join(x for x in (page.title, page.body) if x) + "\n"
        comments_at = None
        if page.comments:
            raw += "\n"
            comments_at = len(raw)
            raw += page.comments + "\n"
        return _record(doc_id, raw, source, used, title=page.title, author=page.author,
                       published_raw=page.published, outlet=page.site, url=page.url, html=text,
                       _comments_at=comments_at, _note=page.describe(len(text)))
    front_end, front = _split_front_matter(text) if suffix == ".md" else (0, {})
    if front_end and _is_blank(text[front_end:]):
        raise ValueError("front matter only, no article text after it")
    note = f"front matter read ({', '.join(sorted(front))})" if front_end else ""
    return _record(doc_id, text, source, used, _front_end=front_end, _note=note, **front)


def _read_files(files, root: Path, encoding):
    records, report = [], []
    ids, id_notes, rels = _doc_ids(files, root)
    for p, doc_id, id_note, rel in zip(files, ids, id_notes, rels):
        try:
            size = p.stat().st_size
            if size > MAX_ARTICLE_BYTES:
                report.append([str(p), doc_id, "skipped", _too_large(size)])
                continue
            data = p.read_bytes()
        except OSError as exc:
            report.append([str(p), doc_id, "skipped", f"unreadable: {exc.strerror or exc}"])
            continue
        try:
            text, used, warning = decode_bytes(data, encoding, page=p.suffix.lower() in HTML_SUFFIXES)
        except ValueError as exc:
            report.append([str(p), doc_id, "skipped", str(exc)])
            continue
        text = normalize_text(text)
        if _is_blank(text):
            report.append([str(p), doc_id, "skipped", _blank_reason(text)])
            continue
        try:
            record = _article_record(doc_id, text, str(p), used, p.suffix.lower())
        except ValueError as exc:
            report.append([str(p), doc_id, "skipped", str(exc)])
            continue
        row = [str(p), doc_id, "loaded", "; ".join(x for x in (warning, id_note, record.pop("_note")) if x)]
        report.append(row)
        record["_report"] = row
        record["_name"] = rel
        records.append(record)
    return records, report


def _too_large(size: int) -> str:
    return (f"too large: {size / 1e6:,.1f} MB, over the {MAX_ARTICLE_BYTES / 1e6:,.0f} MB limit for one article "
            "(split it into one file per article)")


# ------------------------------------------------------------------ tables and DataFrames


def _read_table_file(path: Path) -> tuple[pd.DataFrame, str, str]:
    """Read a table file into an object DataFrame, values as written; return ``(frame, where, note)``."""
    name = path.name.lower()
    try:
        if name.endswith(".parquet"):
            import pyarrow.parquet as pq

            return pd.DataFrame(pq.read_table(path).to_pydict(), dtype=object), str(path), ""
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"{path}: unreadable: {exc.strerror or exc}") from None
    except Exception as exc:  # pyarrow raises many types; the user needs the file and reason
        raise CorpusError(f"{path}: cannot be read as a table: {type(exc).__name__}: {exc}") from None
    if name.endswith(".gz"):
        if not data.startswith(GZIP_MAGIC):
            raise CorpusError(f"{path}: cannot be read as a table: not gzip (it does not start as gzip data does)")
        try:
            data = gzip.decompress(data)
        except EOFError:
            raise CorpusError(f"{path}: cannot be read as a table: the gzip data ends too soon (a download or "
                              "copy cut short?)") from None
        except (OSError, zlib.error) as exc:  # a bad checksum, a corrupt block, bytes after the end
            raise CorpusError(f"{path}: cannot be read as a table: damaged gzip data ({exc})") from None
    try:
        text, _, note = decode_bytes(data, table=True)
    except ValueError as exc:
        raise CorpusError(f"{path}: cannot be read as a table: {exc}") from None
    if name.endswith((".jsonl", ".jsonl.gz")):
        return _read_jsonl(text, path), str(path), note
    try:
        if name.endswith(".json"):
            frame = pd.DataFrame(json.loads(text), dtype=object)
        else:
            frame = _read_csv(text)
    except Exception as exc:  # pandas raises many types; the user needs the file and reason
        raise CorpusError(f"{path}: cannot be read as a table: {type(exc).__name__}: {exc}") from None
    return frame, str(path), note


def _read_csv(text: str) -> pd.DataFrame:
    """A CSV text as strings as written (blanks stay blank), with its own delimiter (:func:`csv_delimiter`)."""
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, sep=csv_delimiter(text))


def csv_delimiter(text: str) -> str:
    """The delimiter of a CSV text: a comma, or the semicolon or tab its header line holds instead (a spreadsheet
    saved as CSV where the comma is the decimal mark writes ``File;Outlet;Date``).

    >>> csv_delimiter("File;Outlet;Date\\na.txt;X;2021"), csv_delimiter("doc_id,text\\na,b;c")
    (';', ',')
    """
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    if "," in header:
        return ","
    return max((";", "\t"), key=header.count) if ";" in header or "\t" in header else ","


def _read_jsonl(text: str, path: Path) -> pd.DataFrame:
    rows = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line, strict=False)  # control characters inside strings, a NUL too, are kept
        except ValueError as exc:
            raise CorpusError(f"{path}: line {number} is not JSON: {exc}") from None
        if not isinstance(row, dict):
            raise CorpusError(f"{path}: line {number} is a JSON {type(row).__name__}, not an object of columns")
        rows.append(row)
    return pd.DataFrame(rows, dtype=object)


def _cell(value, where: str, column: str, *, text: bool = False) -> str:
    """A table value as the string written; blank for a missing value; CorpusError for non-text."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, np.generic):
        value = value.item()  # numpy scalars as Python values
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, str):
        return value if text else value.replace("\x00", "")  # (a text cell's NULs are removed with a note)
    if isinstance(value, (bytes, bytearray)):
        try:
            return decode_bytes(bytes(value))[0]
        except ValueError as exc:
            raise CorpusError(f"{where}, column {column!r}: bytes that are not text ({exc})") from None
    if not text:
        if isinstance(value, int):  # bool included
            return str(value)
        if isinstance(value, float):
            return str(int(value)) if value.is_integer() else repr(value)
        if isinstance(value, (datetime, date, pd.Timestamp)):
            return value.isoformat()
    raise CorpusError(f"{where}, column {column!r}: a {type(value).__name__} ({_preview(value)}), not text")


def _preview(value) -> str:
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def _with_title(title: str, text: str) -> str:
    """The text with its title as the first line, as in a file: ``title\\n\\ntext``."""
    if not title.strip():
        return text
    first = next((line for line in text.split("\n", 20) if line.strip()), "")
    if " ".join(_HEADING_MARK.sub("", first).split()).casefold() == " ".join(title.split()).casefold():
        return text
    return " ".join(title.split()) + "\n\n" + text


def _read_frame(frame: pd.DataFrame, where: str, columns: Columns, note: str = "", *,
                missing_text_is_error: bool = False):
    """Records and report rows for one article per row of ``frame``."""
    available = [str(c) for c in frame.columns]
    frame = frame.set_axis(available, axis=1)
    if len(set(available)) != len(available):
        repeated = sorted({c for c in available if available.count(c) > 1})
        raise CorpusError(f"{where}: column(s) {repeated} appear more than once")
    html = columns.html
    if html is not None and html not in available:
        raise CorpusError(f"{where}: no html column {html!r}; columns are {available}")
    text = columns.text if columns.text in available else (
        default_column(available, "text") if columns.text == "text" else None)
    if html is None and text is None:
        html = default_column(available, "html")
    text_column = html or text or columns.text
    if text_column not in available:
        raise CorpusError(
            f"{where}: no text column {columns.text!r}; columns are {available}. "
            f"Name the text column with text_column=... (--text-column on the command line)."
        )
    chosen = columns.chosen(available, where)
    n = len(frame)
    ids = ([_cell(v, f"{where}#row{i + 1}", chosen["doc_id"]).strip()
            for i, v in enumerate(frame[chosen["doc_id"]].tolist())] if chosen["doc_id"] else [""] * n)
    other = {field: [_cell(v, f"{where}#row{i + 1}", c).strip() for i, v in enumerate(frame[c].tolist())]
             for field, c in chosen.items() if c and field != "doc_id"}
    texts = frame[text_column].tolist()
    bad = [i for i, v in enumerate(texts) if not _is_text_value(v)]
    if bad:
        rows = ", ".join(str(i + 1) for i in bad[:5]) + (f" and {len(bad) - 5} more" if len(bad) > 5 else "")
        _cell(texts[bad[0]], f"{where}#row{bad[0] + 1}", text_column, text=True)  # raises, naming the first
        raise CorpusError(f"{where}: column {text_column!r} holds non-text values in row(s) {rows}")
    missing = [i for i, v in enumerate(texts) if v is None or isinstance(v, float) and v != v]
    if missing and missing_text_is_error:  # a DataFrame in memory: the caller can mend it, so say where
        rows = ", ".join(str(i + 1) for i in missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        raise CorpusError(f"{where}: column {text_column!r} has no text in row(s) {rows} (None or NaN); drop or "
                          "fill those rows")
    records, report = [], []
    first_row: dict[str, int] = {}
    for i, value in enumerate(texts):
        here = f"{where}#row{i + 1}"
        doc_id = ids[i] or (f"row{i + 1}" if chosen["doc_id"] else str(i))
        if doc_id in first_row:
            raise CorpusError(f"{where}: doc_id {doc_id!r} appears twice ({where}#row{first_row[doc_id]} and {here})")
        first_row[doc_id] = i + 1
        raw = normalize_text(_cell(value, here, text_column, text=True))
        nul = raw.count("\x00")  # a database export's stray NUL, which no reader sees
        nul_note = f"{nul} NUL byte(s) removed from column {text_column!r}" if nul else ""
        raw = raw.replace("\x00", "") if nul else raw
        if not raw:
            report.append([here, doc_id, "skipped", f"no text in column {text_column!r}"])
            continue
        if len(raw) > MAX_ARTICLE_BYTES:
            report.append([here, doc_id, "skipped", _too_large(len(raw.encode("utf-8")))])
            continue
        if _is_blank(raw):
            report.append([here, doc_id, "skipped", f"{_blank_reason(raw, 'text')} in column {text_column!r}"])
            continue
        fields_ = {field: values[i] for field, values in other.items()}
        if html:
            try:
                record = _article_record(doc_id, raw, here, "", ".html")
            except ValueError as exc:
                report.append([here, doc_id, "skipped", str(exc)])
                continue
            for field, value in fields_.items():
                if value:
                    record[field] = value
            if fields_.get("title") and fields_["title"] != record["title"]:
                record.update(_retitled(record, fields_["title"]))
        else:
            record = _record(doc_id, _with_title(fields_.get("title", ""), raw), here, **fields_)
            record["_note"] = ""
        blank_id = f"no {chosen['doc_id']!r}: doc_id is the row number" if chosen["doc_id"] and not ids[i] else ""
        row = [here, doc_id, "loaded", "; ".join(x for x in (note, blank_id, nul_note, record.pop("_note")) if x)]
        report.append(row)
        record["_report"] = row
        record["_name"] = doc_id
        records.append(record)
    return records, report


def _is_text_value(value) -> bool:
    if value is None or value is pd.NA or isinstance(value, (str, bytes, bytearray)):
        return True
    return isinstance(value, float) and math.isnan(value)


def _retitled(record: dict, title: str) -> dict:
    """A web-page record whose headline line is the table's title instead of the page's."""
    raw = record["raw_text"]
    old = record["title"]
    body = raw[len(old) + 2:] if old and raw.startswith(old + "\n\n") else raw
    new = " ".join(title.split()) + "\n\n" + body
    shift = len(new) - len(raw)
    comments_at = record["_comments_at"] + shift if record["_comments_at"] is not None else None
    return {"raw_text": new, "title": title, "_comments_at": comments_at}


# ------------------------------------------------------------------ metadata, duplicates, documents


def _find_metadata(folder: Path, metadata) -> Path | None:
    if metadata is not None:
        return Path(metadata)
    for candidate in (folder / METADATA_NAME, folder.parent / METADATA_NAME):
        if candidate.is_file():
            return candidate
    return None


def _read_metadata(meta_path: Path) -> tuple[pd.DataFrame, str]:
    if not meta_path.is_file():
        raise CorpusError(f"{meta_path}: metadata file not found")
    try:
        text, _, note = decode_bytes(meta_path.read_bytes(), table=True)
    except OSError as exc:
        raise CorpusError(f"{meta_path}: unreadable: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise CorpusError(f"{meta_path}: cannot be read as CSV: {exc}") from None
    try:
        meta = _read_csv(text)
    except Exception as exc:  # pandas raises many types; the user needs the file and reason
        raise CorpusError(f"{meta_path}: cannot be read as CSV: {type(exc).__name__}: {exc}") from None
    meta.columns = [str(c) for c in meta.columns]
    return meta, note


def _join_metadata(records, report, meta_path: Path, columns: Columns, *, whole_folder: bool) -> None:
    """Fill the records' metadata from a CSV keyed by file name (with or without suffix)."""
    meta, note = _read_metadata(meta_path)
    id_column = columns.id or next((c for c in (default_column(meta.columns, name) for name in METADATA_ID_COLUMNS)
                                    if c is not None), None)
    if id_column is None or id_column not in meta.columns:
        raise CorpusError(f"{meta_path}: no {' or '.join(repr(c) for c in METADATA_ID_COLUMNS)} column naming the "
                          f"files; columns are {list(meta.columns)} (name it with id_column=..., --id-column)")
    chosen = columns.chosen(meta.columns, str(meta_path))
    chosen["doc_id"] = id_column
    keys = [k.strip() for k in meta[id_column]]
    counts = Counter(keys)
    dupes = [k for k in keys if counts[k] > 1]
    if dupes:
        raise CorpusError(f"{meta_path}: {id_column} {dupes[0]!r} has more than one row")
    by_name: dict[str, dict] = {}
    in_subfolders: dict[str, list[dict]] = {}  # "a.txt" and "a" -> the files named so in any subfolder
    for r in records:
        by_name.setdefault(r["doc_id"], r)
        by_name.setdefault(r["_name"], r)
        if "/" in r["_name"]:
            base = r["_name"].rsplit("/", 1)[1]
            for name in {base, os.path.splitext(base)[0]}:
                in_subfolders.setdefault(name, []).append(r)
    known = {row[1] for row in report} | {Path(row[0]).name for row in report}
    at_top = {n for row in report if row[1] and "/" not in row[1] for n in (row[1], Path(row[0]).name)}

    def lookup(key: str):
        if key in by_name:
            return by_name[key]
        stem, suffix = os.path.splitext(key)
        if suffix.lower() in ARTICLE_SUFFIXES + HTML_SUFFIXES and stem in by_name:
            return by_name[stem]
        # a file name without its folder ("a.txt" for sub/a.txt) names the one file so named
        if "/" in key or key in at_top or stem in at_top:
            return None  # a path, or the name of an input at the top (skipped, say): not another folder's file
        found = in_subfolders.get(key, [])
        return found[0] if len(found) == 1 else found or None

    matched = set()
    for key, row in zip(keys, meta.to_dict("records")):
        record = lookup(key)
        if isinstance(record, list):
            report.append([str(meta_path), key, "missing",
                           f"{meta_path.name} has a row for {key!r}, which names {len(record)} files ("
                           + ", ".join(r["_name"] for r in record[:3]) + "): write the path from the folder"])
            continue
        if record is None:
            if whole_folder and key not in known and os.path.splitext(key)[0] not in known:
                report.append([str(meta_path), key, "missing",
                               f"{meta_path.name} has a row for {key!r} but there is no such article file"])
            continue
        matched.add(id(record))
        for field, column in chosen.items():
            if field != "doc_id" and column and row.get(column, "").strip():
                record[field] = row[column].strip()
    if note:  # how the metadata file was decoded is said on its own row (given one if it sits beside the folder)
        own = next((row for row in report if row[0] == str(meta_path) and row[2] == "ignored"), None)
        if own is None:
            own = [str(meta_path), "", "ignored", "metadata file, joined on doc_id"]
            report.append(own)
        own[3] = f"{own[3]}; {note}"
    for record in records:
        if id(record) not in matched:
            _note(record, f"no row in {meta_path.name}: outlet, title, date and url unknown")


def _note(record: dict, text: str) -> None:
    row = record["_report"]
    row[3] = "; ".join(x for x in (row[3], text) if x)


def duplicate_key(raw: str) -> str:
    """The key two documents share when one repeats the other's text (case, accents, spacing aside)."""
    return hashlib.sha1(" ".join(normalize_for_matching(raw).split()).encode()).hexdigest()


def _mark_duplicates(records, *, keep: bool) -> None:
    """Skip (or, with ``keep``, note) documents whose text repeats an earlier one's."""
    first: dict[str, str] = {}
    kept = []
    for r in records:
        key = duplicate_key(r["raw_text"])
        if key not in first:
            first[key] = r["doc_id"]
            kept.append(r)
        elif keep:
            _note(r, f"duplicate of {first[key]}, kept")
            kept.append(r)
        else:
            r["_report"][2] = "skipped"
            r["_report"][3] = f"duplicate: same text as {first[key]}"
    records[:] = kept


def _segment(record: dict, corpus_vocabulary: Counter) -> tuple:
    """Segments of a record: front matter, the article's own labels, then a page's comments."""
    raw = record["raw_text"]
    start = record["_front_end"]
    stop = record["_comments_at"] if record["_comments_at"] is not None else len(raw)
    spans = [("front_matter", 0, start)] if start else []
    title = _HEADING_MARK.sub("", record["title"]).strip() or None
    inner = segment_text(raw[start:stop], title=title, corpus_vocabulary=corpus_vocabulary)
    spans += [(label, a + start, b + start) for label, a, b in inner]
    if stop < len(raw):
        spans.append(("comments", stop, len(raw)))
    merged: list[tuple[str, int, int]] = []
    for label, a, b in spans:
        if merged and merged[-1][0] == label:
            merged[-1] = (label, merged[-1][1], b)
        else:
            merged.append((label, a, b))
    return tuple(merged)


def _vocabulary_chunk(records, start: int, stop: int) -> list[Counter]:
    """Document frequencies of :func:`content_words` over records ``start:stop`` (run in a worker)."""
    return [Counter(word for i in range(start, stop) for word in content_words(records[i]["raw_text"]))]


def _document_chunk(context, start: int, stop: int) -> list[tuple]:
    """Segments, title, date, word count and note of records ``start:stop`` (run in a worker)."""
    records, df = context
    out = []
    for i in range(start, stop):
        r = records[i]
        raw = r["raw_text"]
        spans = _segment(r, df)
        title = r["title"]
        if not title:
            title = next((raw[a:b].strip() for label, a, b in spans if label == "headline"), "")
        title = _HEADING_MARK.sub("", title).strip()
        published, note = parse_published(r["published_raw"])
        if not r["published_raw"]:
            dateline = next((raw[a:b].strip() for label, a, b in spans if label == "dateline"), "")
            published = parse_published(dateline, fuzzy=True)[0] if dateline else ""
        text = "".join(raw[a:b] for label, a, b in spans if label in ANALYSED)
        out.append((spans, title, published, count_tokens(text), note))
    return out


def _build_documents(records, corpus_vocabulary: Counter | None = None, *, n_jobs=None,
                     progress=None) -> pd.DataFrame:
    """The documents table: every record segmented (against the corpus vocabulary) and dated.

    Both passes (document frequencies of content words, then segments and dates) are per record, on
    ``n_jobs`` processes (:func:`analysis.parallel.map_ranges`). ``corpus_vocabulary`` (document
    frequencies) is given when the records are one part of a larger corpus (:mod:`analysis.scale`,
    which counts it over every partition first); the first pass is then skipped, as it is for fewer
    than :data:`~analysis.segmenting.OFF_TOPIC_MIN_DOCUMENTS` records, where no paragraph is judged off topic.
    """
    df = corpus_vocabulary
    if df is None and len(records) >= OFF_TOPIC_MIN_DOCUMENTS:  # (fewer: no paragraph is judged off topic)
        df = Counter()
        for counts in map_ranges(_vocabulary_chunk, len(records), context=records, n_jobs=n_jobs,
                                 progress=progress, desc="vocabulary"):
            df.update(counts)
    built = map_ranges(_document_chunk, len(records), context=(records, df), n_jobs=n_jobs,
                       progress=progress, desc="segments")
    rows = []
    for r, (spans, title, published, n_words, note) in zip(records, built):
        if note:
            _note(r, note)
        raw = r["raw_text"]
        rows.append({
            "doc_id": r["doc_id"], "outlet": r["outlet"], "title": title, "author": r["author"],
            "published": published, "published_raw": r["published_raw"], "url": r["url"],
            "text": "".join(raw[a:b] for label, a, b in spans if label in ANALYSED),
            "n_words": n_words, "raw_text": raw, "spans": spans, "source": r["source"],
            "encoding": r["encoding"], "html": r["html"],
        })
    # built column by column as object arrays: pandas would first infer (and convert) a string dtype
    docs = pd.DataFrame({column: pd.Series([row[column] for row in rows], dtype=object)
                         for column in DOCUMENT_COLUMNS}, columns=DOCUMENT_COLUMNS)
    docs["n_words"] = docs["n_words"].astype("int64")
    return docs
