"""The loader: exact expectations on the seeds, one test per kind of bad input, and a property test."""

from __future__ import annotations

import os
import string

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import CorpusError, load_corpus, paths, read_corpus, segments, select_text
from analysis.loading import DOCUMENT_COLUMNS, decode_bytes

ARTICLE = "Men detained in the region\n\nDozens of men were detained, activists said. Several were beaten.\n"
OTHER = "Floods in the valley\n\nHundreds of families fled their homes after the river rose.\n"


# ------------------------------------------------------------------ the seeds


def test_seeds_load_five_documents_with_metadata(seed_corpus):
    docs = seed_corpus.documents
    assert list(docs.columns) == DOCUMENT_COLUMNS
    assert docs["doc_id"].tolist() == [
        "000_aa049eff8b86ffac", "001_c86dd7cb03905355", "002_90e8a12c1b7c9ede",
        "003_73d65814a2393c9c", "004_437f98d81bbefe43",
    ]
    assert (seed_corpus.report["status"] == "loaded").all()
    assert (seed_corpus.report["reason"] == "").all()
    assert docs.loc[0, "outlet"] == "Inquisitr"
    assert docs.loc[4, "outlet"] == ""  # unknown stays unknown
    assert docs.loc[0, "published"] == ""
    assert docs.loc[3, "published"] == "2017-04"


def test_seed_dates_and_titles(seed_docs):
    by_id = seed_docs.set_index("doc_id")
    assert by_id.loc["001_c86dd7cb03905355", "published"] == "2017-04-13"
    assert by_id.loc["004_437f98d81bbefe43", "title"] == "The chilling reports from Chechnya’s gay concentration camps"


def test_seed_004_headline_is_line_four_not_the_share_button(seed_docs):
    segs = segments(seed_docs)
    doc = segs[segs["doc_id"] == "004_437f98d81bbefe43"]
    assert doc["label"].tolist()[:3] == ["caption", "headline", "body"]
    assert doc.iloc[0]["text"].startswith("Pin It\nWhere the")
    assert doc.iloc[1]["text"].strip() == "The chilling reports from Chechnya’s gay concentration camps"


def test_seed_003_comments_are_set_aside(seed_docs):
    segs = segments(seed_docs)
    doc = segs[segs["doc_id"] == "003_73d65814a2393c9c"]
    assert doc["label"].tolist() == ["body", "comments"]  # no headline line in this file
    comments = doc.iloc[1]["text"]
    assert comments.lstrip().startswith("1. Mike")
    assert "RatedVV" in comments
    text = seed_docs.set_index("doc_id").loc["003_73d65814a2393c9c", "text"]
    assert "Mike" not in text and "1942-46" not in text
    assert text.rstrip().endswith("since Hitler’s in the 1930s.")


def test_seed_001_football_paragraphs_are_off_topic(seed_docs):
    segs = segments(seed_docs)
    doc = segs[segs["doc_id"] == "001_c86dd7cb03905355"]
    assert doc["label"].tolist() == ["headline", "dateline", "body", "off_topic", "body"]
    off = doc[doc["label"] == "off_topic"].iloc[0]["text"]
    assert off.startswith("Arsene Wenger") and "Tottenham" in off
    assert doc[doc["label"] == "dateline"].iloc[0]["text"].strip() == "Posted April 13, 2017"
    text = seed_docs.set_index("doc_id").loc["001_c86dd7cb03905355", "text"]
    assert "Tottenham" not in text and "At least 100 men remain in detention" in text


def test_segments_reconstruct_the_raw_text_exactly(seed_docs):
    segs = segments(seed_docs)
    for doc in seed_docs.itertuples():
        own = segs[segs["doc_id"] == doc.doc_id].sort_values("order")
        assert "".join(own["text"]) == doc.raw_text
        assert own["start"].iloc[0] == 0 and own["end"].iloc[-1] == len(doc.raw_text)
        assert (own["start"].iloc[1:].to_numpy() == own["end"].iloc[:-1].to_numpy()).all()


def test_raw_text_is_the_file_as_read(seed_docs):
    for doc in seed_docs.itertuples():
        path = paths.RAW_DATA_DIR / f"{doc.doc_id}.txt"
        assert doc.raw_text == path.read_text(encoding="utf-8")


def test_select_text_includes_what_is_asked(seed_docs):
    assert select_text(seed_docs).tolist() == seed_docs["text"].tolist()
    assert select_text(seed_docs, include="all").tolist() == seed_docs["raw_text"].tolist()
    with_comments = select_text(seed_docs, include=("headline", "body", "comments"))
    assert "RatedVV" in with_comments[3]
    with pytest.raises(ValueError, match="unknown segment label"):
        select_text(seed_docs, include=("bodies",))


# ------------------------------------------------------------------ inputs


def test_single_file_and_markdown(make_folder):
    folder = make_folder({"a.md": ARTICLE})
    docs = load_corpus(folder / "a.md")
    assert docs["doc_id"].tolist() == ["a"]
    assert docs.loc[0, "title"] == "Men detained in the region"  # first headline-like line


def test_nested_folders_give_path_ids(make_folder):
    folder = make_folder({"x/a.txt": ARTICLE, "y/b.txt": OTHER})
    assert load_corpus(folder)["doc_id"].tolist() == ["x/a", "y/b"]


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".jsonl.gz", ".parquet"])
def test_tables_with_named_columns(tmp_path, suffix):
    frame = pd.DataFrame({"id": [7, 8, 9], "body": [ARTICLE, OTHER, None], "headline": ["A", "B", "C"],
                          "paper": ["The Daily", "", "X"], "when": ["2017-04-01", "", ""]})
    target = tmp_path / f"articles{suffix}"
    if suffix == ".csv":
        frame.to_csv(target, index=False)
    elif suffix == ".parquet":
        frame.to_parquet(target)
    else:
        frame.to_json(target, orient="records", lines=True)
    corpus = read_corpus(target, text_column="body", id_column="id", title_column="headline",
                         outlet_column="paper", date_column="when")
    docs = corpus.documents
    assert docs["doc_id"].tolist() == ["7", "8"]
    assert docs["title"].tolist() == ["A", "B"]
    assert docs["outlet"].tolist() == ["The Daily", ""]
    assert docs.loc[0, "published"] == "2017-04-01"
    skipped = corpus.report[corpus.report["status"] == "skipped"]
    assert skipped["doc_id"].tolist() == ["9"] and "no text" in skipped["reason"].iloc[0] or "empty" in skipped["reason"].iloc[0]
    assert skipped["path"].iloc[0].endswith("#row3")


def test_metadata_beside_the_folder_is_joined(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("doc_id,outlet,url,published,title\na,The Daily,,2017-04-02,\n")
    docs = load_corpus(folder)
    assert docs.loc[0, ["outlet", "published", "url"]].tolist() == ["The Daily", "2017-04-02", ""]


def test_utf8_bom_crlf_and_nfc_are_normalised(make_folder):
    text = "Caf\u0065\u0301 owners detained\r\n\r\nThree men were held.\r\n"
    folder = make_folder({"a.txt": b"\xef\xbb\xbf" + text.encode("utf-8")})
    doc = load_corpus(folder).iloc[0]
    assert doc.raw_text == "Café owners detained\n\nThree men were held.\n"
    assert doc.encoding == "utf-8"


def test_curly_quotes_and_nbsp_are_kept(make_folder):
    folder = make_folder({"a.txt": "Title here\n\nHe said\u00a0“no”.\n"})
    assert "\u00a0“no”" in load_corpus(folder).loc[0, "text"]


def test_cp1252_fallback_warns_in_the_report(make_folder):
    folder = make_folder({"a.txt": "Caf\u00e9 \u201cquotes\u201d here\n\nMore text.\n".encode("cp1252")})
    corpus = read_corpus(folder)
    assert corpus.documents.loc[0, "raw_text"].startswith("Café “quotes”")
    assert corpus.report.loc[0, "status"] == "loaded"
    assert "decoded as cp1252" in corpus.report.loc[0, "reason"]


# ------------------------------------------------------------------ bad input, one test per kind


def _only(report, doc_id):
    row = report[report["doc_id"] == doc_id]
    assert len(row) == 1, report
    return row.iloc[0]


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\t\n ", "only white space"),
    ("binary.txt", b"GIF89a\x00\x01\x02\x00", "binary file"),
    ("garbled.txt", bytes(range(0x80, 0x100)) * 4 + b"\x01\x02\x03\x04\x05\x06", "undecodable"),
])
def test_bad_files_are_skipped_and_named(make_folder, name, content, reason):
    folder = make_folder({"good.txt": ARTICLE, name: content})
    with pytest.warns(UserWarning, match=name):
        docs = load_corpus(folder)
    assert docs["doc_id"].tolist() == ["good"]
    row = _only(read_corpus(folder).report, name.rsplit(".", 1)[0])
    assert row["status"] == "skipped" and reason in row["reason"]
    assert row["path"].endswith(name)
    with pytest.raises(CorpusError, match=name):
        read_corpus(folder, strict=True)


def test_duplicate_text_is_skipped_naming_the_original(make_folder):
    folder = make_folder({"a.txt": ARTICLE, "b.txt": ARTICLE.replace("'", "’") + "\n\n"})
    corpus = read_corpus(folder)
    assert corpus.documents["doc_id"].tolist() == ["a"]
    row = _only(corpus.report, "b")
    assert row["status"] == "skipped" and row["reason"] == "duplicate: same text as a"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file without read permission")
def test_unreadable_file_is_skipped(make_folder):
    folder = make_folder({"a.txt": ARTICLE, "locked.txt": OTHER})
    (folder / "locked.txt").chmod(0)
    row = _only(read_corpus(folder).report, "locked")
    assert row["status"] == "skipped" and row["reason"].startswith("unreadable")


def test_unreadable_file_is_skipped_even_as_root(make_folder, monkeypatch):
    folder = make_folder({"a.txt": ARTICLE, "locked.txt": OTHER})
    real = type(folder).read_bytes

    def deny(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(type(folder), "read_bytes", deny)
    row = _only(read_corpus(folder).report, "locked")
    assert row["status"] == "skipped" and row["reason"] == "unreadable: Permission denied"


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match=r"nope: no such file or folder"):
        load_corpus(tmp_path / "nope")


def test_table_without_the_text_column_names_file_and_columns(tmp_path):
    target = tmp_path / "a.csv"
    target.write_text("id,body\n1,hello\n")
    with pytest.raises(CorpusError, match=r"a\.csv: no text column 'text'; columns are \['id', 'body'\]"):
        load_corpus(target)


def test_unreadable_table_is_a_clear_error(tmp_path):
    target = tmp_path / "a.parquet"
    target.write_bytes(b"not parquet")
    with pytest.raises(CorpusError, match=r"a\.parquet: cannot be read as a table"):
        load_corpus(target)


def test_metadata_row_without_a_file_is_reported_missing(make_folder):
    folder = make_folder({"a.txt": ARTICLE, "metadata.csv": "doc_id,outlet\na,The Daily\nghost,Nobody\n"})
    corpus = read_corpus(folder)
    row = _only(corpus.report, "ghost")
    assert row["status"] == "missing" and "no such article file" in row["reason"]
    assert _only(corpus.report, "")["status"] == "ignored"  # metadata.csv itself is accounted for
    with pytest.raises(CorpusError, match="ghost"):
        read_corpus(folder, strict=True)


def test_file_without_a_metadata_row_loads_with_a_note(make_folder):
    folder = make_folder({"a.txt": ARTICLE, "b.txt": OTHER, "metadata.csv": "doc_id,outlet\na,The Daily\n"})
    corpus = read_corpus(folder, strict=True)  # a note, not a skip
    row = _only(corpus.report, "b")
    assert row["status"] == "loaded" and "no row in metadata.csv" in row["reason"]
    assert corpus.documents.set_index("doc_id").loc["b", "outlet"] == ""


def test_malformed_metadata_is_a_clear_error(make_folder):
    folder = make_folder({"a.txt": ARTICLE, "metadata.csv": "name,outlet\na,The Daily\n"})
    with pytest.raises(CorpusError, match=r"metadata\.csv: no 'doc_id' or 'filename' or 'file' column"):
        load_corpus(folder)


def test_other_files_are_reported_as_ignored(make_folder):
    folder = make_folder({"a.txt": ARTICLE, "notes.pdf": b"%PDF-1.4"})
    row = _only(read_corpus(folder).report, "")
    assert row["status"] == "ignored" and "notes.pdf" in row["reason"]


def test_unknown_input_kind_is_a_clear_error(tmp_path):
    target = tmp_path / "a.docx"
    target.write_bytes(b"PK")
    with pytest.raises(CorpusError, match=r"a\.docx: not a folder, an article file"):
        load_corpus(target)


def test_decode_bytes_with_an_explicit_encoding():
    with pytest.raises(ValueError, match="cannot be decoded as ascii"):
        decode_bytes("é".encode("utf-8"), "ascii")


# ------------------------------------------------------------------ property: nothing is lost


_names = st.text(alphabet=string.ascii_lowercase + string.digits, min_size=1, max_size=8)
_contents = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=300).map(lambda s: s.encode("utf-8")),
    st.sampled_from([ARTICLE.encode(), OTHER.encode(), b"", b"\n\n"]),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=st.dictionaries(_names, _contents, min_size=1, max_size=6))
def test_random_folders_never_crash_and_every_file_is_accounted_for(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("random")
    for name, content in files.items():
        (folder / f"{name}.txt").write_bytes(content)
    corpus = read_corpus(folder)
    assert sorted(corpus.report["doc_id"]) == sorted(files)
    loaded = corpus.report[corpus.report["status"] == "loaded"]["doc_id"]
    assert sorted(loaded) == sorted(corpus.documents["doc_id"])
    assert set(corpus.report["status"]) <= {"loaded", "skipped"}
    for doc in corpus.documents.itertuples():
        assert "".join(doc.raw_text[a:b] for _, a, b in doc.spans) == doc.raw_text


def test_duplicates_can_be_kept_with_a_note(make_folder):
    folder = make_folder({"a.txt": ARTICLE, "b.txt": ARTICLE})
    corpus = read_corpus(folder, keep_duplicates=True)
    assert corpus.documents["doc_id"].tolist() == ["a", "b"]
    assert _only(corpus.report, "b")["reason"] == "duplicate of a, kept"
