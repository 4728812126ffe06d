"""Property tests of the loader: whatever a folder, table or DataFrame holds, nothing is lost and nothing escapes.

For random folders (nested, mixed suffixes, odd but legal names, hidden entries, symbolic links inside and out,
metadata files with odd columns, random bytes in several encodings) and random tables:

- every input has a row in the load report, and no file has two;
- document ids are unique, and the loaded rows are exactly the documents;
- each document's segments rebuild its ``raw_text``;
- no exception other than :class:`analysis.CorpusError` escapes.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import CorpusError, read_corpus

STATUSES = {"loaded", "skipped", "missing", "ignored"}
ARTICLE = "Men detained in the region\n\nDozens of men were detained, activists said. Several were beaten.\n"
PAGE = ("<html><head><title>Floods</title><script>x()</script></head><body><nav>Home</nav><article><h1>Floods</h1>"
        "<p>" + "Hundreds of families fled their homes after the river rose overnight. " * 3 + "</p></article></body></html>")
FRONT = "---\ntitle: Floods\ndate: 13 April 2017\n---\n# Floods\n\nHundreds fled.\n"

_name_chars = st.sampled_from("abcxyz019 -_.'()éü日дا" + "\u200b")
names = st.text(_name_chars, min_size=1, max_size=8).filter(lambda n: n not in (".", "..") and n.strip() == n)
suffixes = st.sampled_from([".txt", ".md", ".html", ".htm", ".TXT", ".Md", ".csv", ".pdf", ""])
_texts = st.text(max_size=200)
contents = st.one_of(
    st.binary(max_size=120),
    st.tuples(_texts, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])).map(
        lambda t: t[0].encode(t[1], errors="replace")),
    st.sampled_from([ARTICLE.encode(), PAGE.encode(), FRONT.encode(), b"", b"\n\n", "\u200b\u200b".encode(),
                     b"\x01\x02", ARTICLE.encode("utf-16")]),
)
entries = st.lists(
    st.tuples(st.lists(names, max_size=2), names, suffixes, contents), min_size=0, max_size=7)
links = st.lists(st.tuples(names, st.sampled_from(["file", "dir", "outside-file", "outside-dir", "broken", "root"]),
                           st.integers(0, 6)), max_size=3)
metadata = st.one_of(
    st.none(),
    st.tuples(
        st.lists(st.sampled_from(["doc_id", "filename", "file", "outlet", "published", "title", "x y", "url"]),
                 min_size=1, max_size=4, unique=True),
        st.lists(st.lists(st.one_of(names, st.sampled_from(["2017-13-45", "April 2017", "=1+1", ""])),
                          min_size=4, max_size=4), max_size=4),
    ),
)


def _write_folder(root: Path, outside: Path, files, link_specs, meta) -> list[Path]:
    """Create the corpus; return every path created in it (files, folders, links)."""
    created: list[Path] = []
    for folders, name, suffix, content in files:
        target = root.joinpath(*folders, name + suffix)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():
                continue
            target.write_bytes(content)
        except OSError:  # a name the file system refuses (a folder and a file of the same name)
            continue
        created.append(target)
    for name, kind, k in link_specs:
        link = root / f"{name}.lnk"
        if link.exists() or link.is_symlink():
            continue
        inside = [p for p in created if p.is_file()]
        target = {
            "file": inside[k % len(inside)] if inside else root / "nothing",
            "dir": root.joinpath(*files[k % len(files)][0]) if files else root,
            "outside-file": outside / "secret.txt",
            "outside-dir": outside,
            "broken": root / "no-such-file.txt",
            "root": root,
        }[kind]
        link.symlink_to(target, target_is_directory=target.is_dir())
        created.append(link)
    if meta is not None:
        header, rows = meta
        frame = pd.DataFrame([row[: len(header)] for row in rows], columns=header)
        frame.to_csv(root / "metadata.csv", index=False)
        created.append(root / "metadata.csv")
    return created


def _check(corpus, *, inputs: int | None = None) -> None:
    report, docs = corpus.report, corpus.documents
    assert set(report["status"]) <= STATUSES
    assert docs["doc_id"].is_unique
    loaded = report[report["status"] == "loaded"]
    assert sorted(loaded["doc_id"]) == sorted(docs["doc_id"])
    not_missing = report[report["status"] != "missing"]
    assert not_missing["path"].is_unique, not_missing
    if inputs is not None:
        assert len(report) == inputs
    for doc in docs.itertuples():
        assert "".join(doc.raw_text[a:b] for _, a, b in doc.spans) == doc.raw_text
        assert all(a < b for _, a, b in doc.spans)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(files=entries, link_specs=links, meta=metadata)
def test_random_folders_account_for_every_input(tmp_path_factory, files, link_specs, meta):
    base = tmp_path_factory.mktemp("random")
    root, outside = base / "corpus", base / "outside"
    root.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("Private\n\nNever part of the corpus.\n")
    created = _write_folder(root, outside, files, link_specs, meta)
    try:
        corpus = read_corpus(root)
    except CorpusError:
        return  # a clear refusal (a malformed metadata file) is allowed; nothing else is
    _check(corpus)
    rows = [Path(p) for p in corpus.report["path"]]
    for path in created:
        # its own row, or a row for a folder holding it (hidden, a link not followed), or for what it holds
        assert any(r == path or r in path.parents or path in r.parents for r in rows), (path, corpus.report)
    assert "Private" not in "".join(corpus.documents["raw_text"])


_cells = st.one_of(st.none(), st.text(max_size=80), st.integers(-10**20, 10**20), st.floats(allow_nan=True),
                   st.booleans(), st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3),
                   st.integers(), max_size=1), st.binary(max_size=40), st.sampled_from([ARTICLE, PAGE, "=1+1"]))
tables = st.tuples(
    st.lists(st.sampled_from(["doc_id", "text", "title", "outlet", "published", "url", "html", "body", "x y", "1"]),
             min_size=1, max_size=5, unique=True),
    st.lists(st.lists(_cells, min_size=5, max_size=5), max_size=6),
    st.sampled_from(["frame", "csv", "jsonl"]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(spec=tables)
def test_random_tables_give_one_row_per_row_or_a_clear_error(tmp_path_factory, spec):
    header, rows, kind = spec
    frame = pd.DataFrame([row[: len(header)] for row in rows], columns=header, dtype=object)
    source = frame
    if kind == "csv":
        source = tmp_path_factory.mktemp("t") / "t.csv"
        frame.to_csv(source, index=False, quoting=csv.QUOTE_ALL)  # a lone "\r" in a cell stays in its cell
    elif kind == "jsonl":
        source = tmp_path_factory.mktemp("t") / "t.jsonl"
        lines = [json.dumps({k: (v.decode("latin-1") if isinstance(v, bytes) else v) for k, v in zip(header, row)},
                            default=str) for row in frame.itertuples(index=False)]
        source.write_text("".join(line + "\n" for line in lines))
    try:
        corpus = read_corpus(source)
    except CorpusError:
        return
    _check(corpus, inputs=len(frame))
    label = "DataFrame" if kind == "frame" else str(source)
    assert all(path.startswith(f"{label}#row") for path in corpus.report["path"])
