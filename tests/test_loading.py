"""The loader: exact expectations on the seeds, one test per kind of bad input, and a property test."""

from __future__ import annotations

import os
import string
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import CorpusError, load_corpus, paths, read_corpus, segments, select_text
from analysis.loading import DOCUMENT_COLUMNS, LISTED_INPUTS, decode_bytes

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


def test_metadata_naming_a_file_in_a_subfolder_by_its_name_reaches_it_or_is_reported(make_folder):
    folder = make_folder({"x/a.txt": ARTICLE, "y/b.txt": OTHER, "z/b.txt": OTHER + " Again.",
                          "metadata.csv": "filename,outlet\na.txt,Wire\nb,Daily\n"})
    corpus = read_corpus(folder)
    assert corpus.documents.set_index("doc_id").loc["x/a", "outlet"] == "Wire"  # the one file named a.txt
    row = _only(corpus.report, "b")  # two files are named b: the row is not joined to either, and says so
    assert row["status"] == "missing" and "names 2 files (y/b.txt, z/b.txt)" in row["reason"]
    assert set(corpus.documents["outlet"]) == {"Wire", ""}


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


def test_duplicates_can_be_kept_with_a_note(make_folder):
    folder = make_folder({"a.txt": ARTICLE, "b.txt": ARTICLE})
    corpus = read_corpus(folder, keep_duplicates=True)
    assert corpus.documents["doc_id"].tolist() == ["a", "b"]
    assert _only(corpus.report, "b")["reason"] == "duplicate of a, kept"


# ------------------------------------------------------------------ bring your own articles (issue 10)


STORIES = pd.DataFrame({
    "story_id": ["q1", "q2"],
    "headline": ["Quake hits coastal town", "Aftershocks shake the coast"],
    "content": ["At least 30 people were killed, officials said. Hundreds fled their homes.\n",
                "Around 200 people were injured, the governor said. Dozens are missing.\n"],
    "source": ["Daily Planet", "Wire"],
    "date": ["4-MAR-1987 11:42:03.68", "Monday 14 January 2019 10:13 GMT"],
})
STORY_COLUMNS = dict(text_column="content", id_column="story_id", title_column="headline",
                     outlet_column="source", date_column="date")


def test_a_dataframe_loads_like_a_table(tmp_path):
    corpus = read_corpus(STORIES, **STORY_COLUMNS)
    docs = corpus.documents
    assert list(docs.columns) == DOCUMENT_COLUMNS
    assert docs["doc_id"].tolist() == ["q1", "q2"] and docs["outlet"].tolist() == ["Daily Planet", "Wire"]
    assert docs["published"].tolist() == ["1987-03-04", "2019-01-14"]
    assert docs["published_raw"].tolist() == STORIES["date"].tolist()
    assert corpus.report["path"].tolist() == ["DataFrame#row1", "DataFrame#row2"]
    STORIES.to_csv(tmp_path / "stories.csv", index=False)
    from_file = read_corpus(tmp_path / "stories.csv", **STORY_COLUMNS).documents
    same = ["doc_id", "outlet", "title", "published", "text", "raw_text", "spans"]
    assert docs[same].equals(from_file[same])


def test_analyses_accept_what_a_dataframe_gives():
    from analysis import extract_claims, term_frequencies

    docs = load_corpus(STORIES, **STORY_COLUMNS)
    claims = extract_claims(docs)
    assert {(c.doc_id, c.value_low) for c in claims.itertuples()} >= {("q1", 30), ("q2", 200)}
    assert "quake" in set(term_frequencies(docs)["term"])


@pytest.mark.parametrize("frame, match", [
    (pd.DataFrame({"body": ["x"]}), r"DataFrame: no text column 'text'; columns are \['body'\]"),
    (pd.DataFrame({"text": ["a b c", 5, 7]}), r"DataFrame#row2, column 'text': a int \(5\), not text"),
    (pd.DataFrame({"text": ["a b c", {"x": 1}]}), r"DataFrame#row2, column 'text': a dict"),
    (pd.DataFrame({"doc_id": ["a", "a"], "text": ["one text", "another"]}),
     r"doc_id 'a' appears twice \(DataFrame#row1 and DataFrame#row2\)"),
    (pd.DataFrame({"doc_id": [["a"], ["b"]], "text": ["one", "two"]}), r"DataFrame#row1, column 'doc_id': a list"),
])
def test_a_bad_dataframe_names_the_column_and_row(frame, match):
    with pytest.raises(CorpusError, match=match):
        read_corpus(frame)


def test_missing_text_in_a_dataframe_is_an_error_naming_the_rows():
    frame = pd.DataFrame({"text": [ARTICLE, None, float("nan")]})
    with pytest.raises(CorpusError, match=r"DataFrame: column 'text' has no text in row\(s\) 2, 3 \(None or NaN\)"):
        read_corpus(frame)
    # an empty string is an empty article, as an empty file is: a row in the load report, and --strict fails
    corpus = read_corpus(pd.DataFrame({"text": [ARTICLE, ""]}))
    assert corpus.report["status"].tolist() == ["loaded", "skipped"]
    with pytest.raises(CorpusError, match=r"DataFrame#row2: no text in column 'text'"):
        read_corpus(pd.DataFrame({"text": [ARTICLE, ""]}), strict=True)


def test_a_warning_names_the_first_inputs_set_aside_and_counts_the_rest():
    # a table with thousands of empty rows: one short warning, not a line per row; the report keeps them all
    frame = pd.DataFrame({"text": [ARTICLE] + [""] * 40})
    with pytest.warns(UserWarning) as caught:
        load_corpus(frame)
    message = str(caught[0].message)
    assert message.startswith("40 input(s) set aside: DataFrame#row2: no text in column 'text'; DataFrame#row3")
    assert f"DataFrame#row{1 + LISTED_INPUTS}:" in message and f"#row{2 + LISTED_INPUTS}:" not in message
    assert message.endswith(f"; and {40 - LISTED_INPUTS} more (the load report, read_corpus(...).report, lists all)")
    assert (read_corpus(frame).report["status"] == "skipped").sum() == 40
    with pytest.raises(CorpusError, match=rf"^40 input\(s\) set aside: DataFrame#row2: .* and {40 - LISTED_INPUTS} more"):
        read_corpus(frame, strict=True)


def test_not_a_path_or_frame_is_a_clear_error():
    with pytest.raises(CorpusError, match="cannot load a list"):
        read_corpus([ARTICLE])


@pytest.mark.parametrize("header, name", [
    ("filename,source,date,headline", "a.txt"),
    ("filename,source,date,headline", "a"),
    ("file,source,date,headline", "a.txt"),
])
def test_metadata_with_our_users_column_names(make_folder, header, name):
    folder = make_folder({"a.txt": ARTICLE, "metadata.csv": f"{header}\n{name},Daily Planet,April 13 2017,Men held\n"})
    corpus = read_corpus(folder, outlet_column="source", date_column="date", title_column="headline")
    doc = corpus.documents.iloc[0]
    assert (doc["outlet"], doc["published"], doc["title"]) == ("Daily Planet", "2017-04-13", "Men held")
    assert not (corpus.report["status"] == "missing").any()


def test_metadata_named_id_column_and_missing_named_column(make_folder):
    folder = make_folder({"a.txt": ARTICLE, "metadata.csv": "story,paper\na,The Daily\n"})
    assert load_corpus(folder, id_column="story", outlet_column="paper").loc[0, "outlet"] == "The Daily"
    with pytest.raises(CorpusError, match=r"metadata\.csv: no column 'when' for published"):
        load_corpus(folder, id_column="story", date_column="when")


def test_unparseable_and_invalid_dates_are_notes_not_errors(make_folder):
    folder = make_folder({"a.txt": ARTICLE, "b.txt": OTHER, "c.txt": "Fire\n\nThree homes burnt down.\n",
                          "metadata.csv": "doc_id,published\na,not a date\nb,2017-13-45\nc,April 2017\n"})
    corpus = read_corpus(folder, strict=True)  # notes, not skips
    docs = corpus.documents.set_index("doc_id")
    assert docs["published"].tolist() == ["", "", "2017-04"]  # no day guessed for "April 2017"
    assert docs["published_raw"].tolist() == ["not a date", "2017-13-45", "April 2017"]
    reasons = corpus.report.set_index("doc_id")["reason"]
    assert "date 'not a date' not understood" in reasons["a"] and "'2017-13-45' not understood" in reasons["b"]
    assert reasons["c"] == ""


def test_a_dateline_fills_a_blank_date(make_folder):
    folder = make_folder({"a.txt": "Men detained in the region\nPosted Monday 14 January 2019 10:13 GMT\n\n"
                                   "Dozens of men were detained, activists said.\n"})
    doc = load_corpus(folder).iloc[0]
    assert (doc["published"], doc["published_raw"]) == ("2019-01-14", "")


# ------------------------------------------------------------------ folder and table parity


PARITY = [
    ("a", "Men detained in the region", "Dozens of men were detained, activists said. At least 3 died.\n"),
    ("b", "Floods in the valley", "Hundreds of families fled their homes after the river rose.\n"),
]


def test_the_same_articles_as_files_or_as_table_rows_give_the_same_text_kwic_and_claims(make_folder, tmp_path):
    from analysis import extract_claims
    from analysis.kwic import kwic

    folder = make_folder({f"{i}.txt": f"{title}\n\n{body}" for i, title, body in PARITY})
    table = tmp_path / "articles.csv"
    pd.DataFrame(PARITY, columns=["doc_id", "title", "text"]).to_csv(table, index=False)
    as_files, as_rows = load_corpus(folder), load_corpus(table)
    for column in ("doc_id", "title", "text", "raw_text", "spans", "n_words"):
        assert as_files[column].tolist() == as_rows[column].tolist(), column
    assert as_rows["text"][0].startswith("Men detained in the region\n\nDozens")
    kw = ["doc_id", "left", "match", "right", "start", "end"]
    for query in ("detained", "region", "river"):
        assert kwic(as_files, query)[kw].equals(kwic(as_rows, query)[kw]), query
    claim_cols = ["doc_id", "category", "value_low", "value_high", "stated", "start", "end"]
    assert extract_claims(as_files)[claim_cols].equals(extract_claims(as_rows)[claim_cols])
    assert len(extract_claims(as_rows)) >= 2


def test_a_title_already_on_the_first_line_is_not_repeated():
    frame = pd.DataFrame({"title": ["Men detained in the region"], "text": [ARTICLE]})
    assert load_corpus(frame).loc[0, "raw_text"] == ARTICLE


# ------------------------------------------------------------------ odd corpora (issue 11)


def test_symlinks_inside_are_followed_and_links_leaving_the_folder_ignored(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("Private\n\nNot part of the corpus at all.\n")
    folder = tmp_path / "corpus"
    (folder / "real").mkdir(parents=True)
    (folder / "real" / "a.txt").write_text(ARTICLE)
    (folder / "b.txt").write_text(OTHER)
    (folder / "linked").symlink_to(folder / "real", target_is_directory=True)
    (folder / "escape.txt").symlink_to(outside)
    (folder / "away").symlink_to(tmp_path, target_is_directory=True)
    (folder / "broken.txt").symlink_to(tmp_path / "nothing.txt")
    corpus = read_corpus(folder)
    rows = {Path(p).name: (s, r) for p, s, r in zip(corpus.report["path"], corpus.report["status"], corpus.report["reason"])}
    assert rows["escape.txt"][0] == "ignored" and "leaving the corpus folder" in rows["escape.txt"][1]
    assert rows["away"][0] == "ignored" and "leaving the corpus folder" in rows["away"][1]
    assert rows["broken.txt"][0] == "skipped" and "broken symbolic link" in rows["broken.txt"][1]
    assert "Private" not in "".join(corpus.documents["raw_text"])
    # a link to a folder read under its own name is not read twice
    assert corpus.documents["doc_id"].tolist() == ["b", "real/a"]
    assert rows["linked"] == ("ignored", "link to a folder read already (linked -> real)")
    with pytest.raises(CorpusError, match="broken symbolic link"):
        read_corpus(folder, strict=True)


def test_a_link_into_a_hidden_folder_is_followed_and_a_link_loop_read_once(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / ".drafts").mkdir()
    (folder / ".drafts" / "b.txt").write_text(OTHER)
    (folder / "published").symlink_to(folder / ".drafts", target_is_directory=True)
    corpus = read_corpus(folder)
    assert corpus.documents["doc_id"].tolist() == ["a", "published/b"]
    loop = corpus.report[corpus.report["path"].str.endswith("loop")].iloc[0]
    assert loop["status"] == "ignored" and loop["reason"] == "link to a folder read already (loop -> the corpus folder)"


@pytest.mark.parametrize("files, ids", [
    ({"a.txt": ARTICLE, "a.md": OTHER}, ["a.md", "a.txt"]),
    ({"x/a.txt": ARTICLE, "x/a.md": OTHER, "y/a.txt": "Fire\n\nThree homes burnt.\n"}, ["x/a.md", "x/a.txt", "y/a"]),
    ({"a.txt": ARTICLE, "a.md": OTHER, "a.txt.md": "Fire\n\nThree homes burnt.\n"}, ["a.md", "a.txt", "a.txt~2"]),
])
def test_ids_are_unique_when_names_clash(make_folder, files, ids):
    corpus = read_corpus(make_folder(files))
    assert sorted(corpus.documents["doc_id"]) == ids
    notes = corpus.report["reason"].tolist()
    assert any("keeps the suffix" in n for n in notes)


def test_metadata_rows_reach_files_whose_id_keeps_the_suffix(make_folder):
    folder = make_folder({"a.txt": ARTICLE, "a.md": OTHER, "metadata.csv": "file,outlet\na.md,Markdown Daily\n"})
    docs = load_corpus(folder).set_index("doc_id")
    assert docs.loc["a.md", "outlet"] == "Markdown Daily" and docs.loc["a.txt", "outlet"] == ""


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet", "frame"])
def test_table_ids_are_read_as_written(tmp_path, suffix):
    ids = [1234567890123456789, None, 3]
    frame = pd.DataFrame({"id": pd.array(ids, dtype="Int64"), "text": [ARTICLE, OTHER, "Fire\n\nThree homes burnt.\n"]})
    target = tmp_path / f"t{suffix}"
    if suffix == ".csv":
        frame.to_csv(target, index=False)
    elif suffix == ".jsonl":
        frame.to_json(target, orient="records", lines=True)
    elif suffix == ".parquet":
        frame.to_parquet(target)
    docs = load_corpus(frame if suffix == "frame" else target, id_column="id")
    assert docs["doc_id"].tolist() == ["1234567890123456789", "row2", "3"]  # a blank id is the row number


def test_float_ids_with_a_null_are_not_one_point_zero():
    frame = pd.DataFrame({"doc_id": [1.0, None, 2.0], "text": [ARTICLE, OTHER, "Fire\n\nThree homes burnt.\n"]})
    corpus = read_corpus(frame)
    assert corpus.documents["doc_id"].tolist() == ["1", "row2", "2"]
    assert corpus.report["reason"].tolist() == ["", "no 'doc_id': doc_id is the row number", ""]


@pytest.mark.parametrize("line, match", [
    ('{"doc_id": "a", "text": ["x", "y"]}', r"#row1, column 'text': a list"),
    ('{"doc_id": ["a"], "text": "x"}', r"#row1, column 'doc_id': a list"),
    ('{"doc_id": "a", "text": {"p": "x"}}', r"#row1, column 'text': a dict"),
    ('["a", "b"]', r"line 1 is a JSON list, not an object"),
    ('{"doc_id": "a", "text": "x"', r"line 1 is not JSON"),
])
def test_jsonl_values_that_are_not_text_name_row_and_column(tmp_path, line, match):
    target = tmp_path / "t.jsonl"
    target.write_text(line + "\n")
    with pytest.raises(CorpusError, match=match):
        load_corpus(target)


def test_parquet_bytes_are_decoded_and_dicts_refused(tmp_path):
    target = tmp_path / "t.parquet"
    pd.DataFrame({"text": [ARTICLE.encode("utf-8")], "title": [b"Men detained in the region"]}).to_parquet(target)
    doc = load_corpus(target).iloc[0]
    assert doc["raw_text"] == ARTICLE and "b'" not in doc["text"]
    pd.DataFrame({"text": [ARTICLE], "outlet": [{"name": "x"}]}).to_parquet(target)
    with pytest.raises(CorpusError, match=r"t\.parquet#row1, column 'outlet': a dict"):
        load_corpus(target)


@pytest.mark.parametrize("encoding, note", [("cp1252", "decoded as cp1252"), ("utf-16", "")])
def test_tables_and_metadata_in_other_encodings_load_as_files_do(tmp_path, make_folder, encoding, note):
    target = tmp_path / "t.csv"
    pd.DataFrame({"text": ["Caf\u00e9 owners \u201cdetained\u201d\n\nThree were held.\n"]}).to_csv(
        target, index=False, encoding=encoding)
    corpus = read_corpus(target)
    assert corpus.documents.loc[0, "raw_text"].startswith("Café owners “detained”")
    assert note in corpus.report.loc[0, "reason"]
    folder = make_folder({"a.txt": ARTICLE, "metadata.csv": "doc_id,outlet\na,Caf\u00e9 Daily\n".encode(encoding)})
    corpus = read_corpus(folder)
    assert corpus.documents.loc[0, "outlet"] == "Café Daily"
    if note:  # said of the metadata file, not of the article, which is UTF-8
        assert note in _only(corpus.report, "")["reason"] and note not in _only(corpus.report, "a")["reason"]


def test_a_file_too_large_is_refused_with_its_size(make_folder, monkeypatch):
    import analysis.loading as loading

    monkeypatch.setattr(loading, "MAX_ARTICLE_BYTES", 100)
    folder = make_folder({"a.txt": ARTICLE, "big.txt": "Big\n\n" + "word " * 50})
    row = _only(read_corpus(folder).report, "big")
    assert row["status"] == "skipped" and row["reason"].startswith("too large: 0.0 MB, over the 0 MB limit")
    frame = pd.DataFrame({"text": [ARTICLE, "word " * 50]})
    assert read_corpus(frame).report["reason"].iloc[1].startswith("too large")


def test_a_200_mb_file_is_refused_with_its_size_without_being_read(make_folder):
    folder = make_folder({"a.txt": ARTICLE})
    with open(folder / "dump.txt", "wb") as f:
        f.truncate(200_000_000)  # sparse: no 200 MB written to disk
    row = _only(read_corpus(folder).report, "dump")
    assert row["status"] == "skipped"
    assert row["reason"] == ("too large: 200.0 MB, over the 20 MB limit for one article "
                             "(split it into one file per article)")


@pytest.mark.parametrize("content", ["", "doc_id,text\n"])
def test_an_empty_corpus_says_zero_documents_and_strict_fails(make_folder, tmp_path, content):
    source = make_folder({}) if not content else tmp_path / "t.csv"
    if content:
        source.write_text(content)
    with pytest.warns(UserWarning, match="0 documents loaded"):
        assert load_corpus(source).empty
    with pytest.raises(CorpusError, match="0 documents loaded"):
        read_corpus(source, strict=True)


def test_hidden_files_and_folders_are_ignored_with_a_row(make_folder):
    folder = make_folder({"a.txt": ARTICLE, ".hidden.txt": OTHER, ".git/config.txt": OTHER,
                          ".ipynb_checkpoints/a-checkpoint.txt": ARTICLE})
    corpus = read_corpus(folder)
    assert corpus.documents["doc_id"].tolist() == ["a"]
    ignored = corpus.report[corpus.report["status"] == "ignored"]
    assert sorted(Path(p).name for p in ignored["path"]) == [".git", ".hidden.txt", ".ipynb_checkpoints"]
    assert all(r.startswith("hidden ") for r in ignored["reason"])


@pytest.mark.parametrize("content", ["\u200b\u200b\n", "\x01\x02\x03\n", "\u200d \u2060\u00ad\n"])
def test_files_of_control_or_zero_width_characters_are_empty(make_folder, content):
    corpus = read_corpus(make_folder({"a.txt": ARTICLE, "ghost.txt": content}))
    row = _only(corpus.report, "ghost")
    assert row["status"] == "skipped" and row["reason"] == "only white space, control or zero-width characters"


FRONT = "---\ntitle: \"Men held in the region\"\ndate: 2017-04-13\nsource: The Daily\nurl: https://x.test/a\n---\n"


def test_markdown_front_matter_is_metadata_and_its_own_segment(make_folder):
    corpus = read_corpus(make_folder({"a.md": FRONT + "# Men held in the region\n\nDozens of men were detained.\n"}))
    doc = corpus.documents.iloc[0]
    assert (doc["title"], doc["published"], doc["outlet"], doc["url"]) == (
        "Men held in the region", "2017-04-13", "The Daily", "https://x.test/a")
    assert [label for label, _, _ in doc["spans"]] == ["front_matter", "headline", "body"]
    assert doc["raw_text"][: doc["spans"][0][2]] == FRONT
    assert "title:" not in doc["text"] and doc["text"].startswith("# Men held")
    assert "front matter read" in corpus.report.loc[0, "reason"]


def test_a_leading_hash_is_not_kept_in_titles(make_folder):
    assert load_corpus(make_folder({"a.md": "# Men held\n\nDozens of men were detained.\n"})).loc[0, "title"] == "Men held"


@pytest.mark.parametrize("name", ["segments", "select_text", "corpus_overview", "extract_claims", "shared_passages",
                                  "term_frequencies", "similarity_pairs", "copy_groups", "quotations"])
def test_every_analysis_takes_a_plain_table_of_texts(name):
    import analysis
    import analysis.quotes

    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": [
        "Twelve people were killed in the blast on the bridge near the harbour, police said.",
        "Police said twelve people were killed in the blast on the bridge near the harbour."]})
    function = getattr(analysis.quotes, name) if name == "quotations" else getattr(analysis, name)
    docs.loc[0, "text"] += ' "We are very sad," the mayor said.'
    result = function(docs)
    assert len(result) > 0


def test_a_plain_table_is_read_whole_and_its_blanks_filled():
    from analysis.loading import DOCUMENT_COLUMNS, as_documents

    docs = as_documents(pd.DataFrame({"doc_id": ["a"], "text": ["Two men were held."]}))
    assert list(docs.columns[:2]) == ["doc_id", "text"] and set(DOCUMENT_COLUMNS) <= set(docs.columns)
    assert docs.loc[0, "spans"] == (("body", 0, 18),) and docs.loc[0, "n_words"] == 4 and docs.loc[0, "outlet"] == ""
    loaded = load_corpus(pd.DataFrame({"doc_id": ["a"], "text": ["Two men were held."]}))
    assert as_documents(loaded) is loaded


@pytest.mark.parametrize("declared, data, text, note", [
    ("windows-1251", "Полиция задержала 40 мужчин".encode("cp1251"), "Полиция задержала 40 мужчин",
     "decoded as windows-1251, as the page declares"),
    ("koi8-r", "Полиция задержала 40 мужчин".encode("koi8_r"), "Полиция задержала 40 мужчин",
     "decoded as koi8-r, as the page declares"),
    ("windows-1251", "Café owner says 40 held".encode(), "Café owner says 40 held", None),  # UTF-8 is UTF-8
    ("no-such-codec", "Café owner says 40 held".encode("cp1252"), "Café owner says 40 held", "decoded as cp1252"),
])
def test_a_web_page_is_decoded_in_the_charset_it_declares(make_folder, declared, data, text, note):
    page = (f'<html><head><meta charset="{declared}"><title>'.encode() + data + b"</title></head><body><article>"
            b"<h1>" + data + b"</h1><p>" + data + b" at the station on Monday, the officials said in a statement."
            b"</p></article></body></html>")
    corpus = read_corpus(make_folder({"page.html": page}))
    assert corpus.documents.loc[0, "title"] == text
    reason = corpus.report.loc[0, "reason"]
    assert (note in reason) if note else "decoded as" not in reason


def test_the_users_encoding_decides_over_a_pages_declaration(make_folder):
    page = ('<html><head><meta charset="koi8-r"><title>Café</title></head><body><article><h1>Café</h1><p>The café '
            "owner said police detained 40 men at the station on Monday.</p></article></body></html>")
    corpus = read_corpus(make_folder({"page.html": page.encode("cp1252")}), encoding="cp1252")
    assert corpus.documents.loc[0, "title"] == "Café" and corpus.documents.loc[0, "encoding"] == "cp1252"


def test_an_articles_text_given_as_the_source_is_a_clear_error():
    with pytest.raises(CorpusError, match=r"looks like an article's text: pass a DataFrame with a text column"):
        load_corpus("Police detain 40 men\n\nAt least 40 men were detained in the city, officials said. " * 10)
    with pytest.raises(CorpusError, match=r"^/no/such/folder: no such file or folder$"):
        load_corpus("/no/such/folder")


def test_utf8_text_with_a_few_stray_cp1252_bytes_loads_with_a_note(make_folder):
    """Text pasted together from two sources: it was skipped as undecodable, or read whole as cp1252 (mojibake)."""
    data = ("Owner says 40 men detained — “we saw it”\n\nThe café owner’s son said police detained 40 men.".encode()
            + b" He added: \x93It was terrible.\x94\n")
    corpus = read_corpus(make_folder({"a.txt": data, "b.txt": "„Fuß“ und Straße, schön.\n".encode("cp1252")}))
    docs = corpus.documents.set_index("doc_id")
    assert docs.loc["a", "raw_text"].endswith("police detained 40 men. He added: “It was terrible.”\n")
    assert "2 byte(s) not UTF-8 read as cp1252 (the first at character 102)" in _only(corpus.report, "a")["reason"]
    assert docs.loc["b", "raw_text"] == "„Fuß“ und Straße, schön.\n" and docs.loc["b", "encoding"] == "cp1252"


def test_a_bare_name_of_a_top_level_input_is_not_joined_to_a_subfolders_file(make_folder):
    folder = make_folder({"b.txt": b"\x00binary", "2017/b.txt": OTHER,
                          "metadata.csv": "filename,outlet\n2017/b.txt,Sub\nb.txt,MeantForTopB\n"})
    assert read_corpus(folder).documents.set_index("doc_id").loc["2017/b", "outlet"] == "Sub"


@pytest.mark.parametrize("data, expected", [
    ("Mit freundlichem Gruß\xa0– Anna".encode("cp1252"), "Mit freundlichem Gruß\xa0– Anna"),  # ß+nbsp: UTF-8 by chance
    ("café — èè".encode() + b"\x81\x8d\x90", None),  # stray bytes cp1252 has no character for: not text
])
def test_cp1252_text_is_not_taken_for_utf8_with_stray_bytes(data, expected):
    from analysis.loading import decode_bytes

    if expected is None:
        with pytest.raises(ValueError, match="undecodable"):
            decode_bytes(data)
    else:
        assert decode_bytes(data)[:2] == (expected, "cp1252")


def test_a_page_declaring_latin1_is_read_as_browsers_read_it(make_folder):
    page = (b'<html><head><meta charset="iso-8859-1"><title>\x93No\x94 \x96 police</title></head><body><article>'
            b"<p>\x93No comment\x94 \x96 the police said about the 40 men detained at the station on Monday.</p>"
            b"</article></body></html>")
    docs = read_corpus(make_folder({"page.html": page})).documents
    assert "“No comment” – the police said" in docs.loc[0, "raw_text"] and docs.loc[0, "encoding"] == "cp1252"


def test_markdown_with_front_matter_only_is_skipped_not_an_empty_document(make_folder):
    corpus = read_corpus(make_folder({"a.txt": ARTICLE, "empty.md": "---\ntitle: Men held\n---\n\n"}))
    assert corpus.documents["doc_id"].tolist() == ["a"]
    row = _only(corpus.report, "empty")
    assert row["status"] == "skipped" and row["reason"] == "front matter only, no article text after it"


def test_a_nul_byte_in_a_table_cell_is_removed_with_a_note(tmp_path):
    table = tmp_path / "t.csv"
    long = ARTICLE.encode() * 40  # three NULs in over 3,000 bytes: a few, not a binary file
    table.write_bytes(b'doc_id,title,text\na,,"' + long + b'"\nb,Men\x00 held,"Three men\x00 were '
                      b'detained."\nc,,"\x00"\n')
    corpus = read_corpus(table)
    assert corpus.documents["doc_id"].tolist() == ["a", "b"]
    doc = corpus.documents.iloc[1]
    assert doc["title"] == "Men held" and doc["raw_text"] == "Men held\n\nThree men were detained."
    assert _only(corpus.report, "b")["reason"] == "1 NUL byte(s) removed from column 'text'"
    assert _only(corpus.report, "c")["reason"] == "no text in column 'text'"
    jsonl = tmp_path / "t.jsonl"  # a raw NUL (a control character) inside a JSON string
    jsonl.write_bytes(b'{"text": "Three men\x00 were detained."}\n{"text": "' + ARTICLE.encode()[:20] + b'"}\n')
    assert read_corpus(jsonl).documents["raw_text"].tolist()[0] == "Three men were detained."


def test_a_table_of_nul_bytes_is_still_binary(tmp_path):
    utf16 = tmp_path / "u.csv"  # UTF-16 without a byte-order mark: every other byte a NUL
    utf16.write_bytes(("doc_id,text\na," + ARTICLE.replace("\n", " ") + "\n").encode("utf-16-le"))
    with pytest.raises(CorpusError, match=r"u.csv: cannot be read as a table: binary file \(contains NUL bytes\)"):
        read_corpus(utf16)


def test_a_cut_short_or_damaged_gzip_table_is_a_clear_error(tmp_path):
    import gzip
    import json

    data = gzip.compress("\n".join(json.dumps({"text": f"{ARTICLE} {i}"}) for i in range(500)).encode())
    cut, damaged, plain = tmp_path / "cut.jsonl.gz", tmp_path / "damaged.jsonl.gz", tmp_path / "plain.jsonl.gz"
    cut.write_bytes(data[: len(data) // 2])
    flipped = bytearray(data)
    flipped[60:120] = bytes(b ^ 0xFF for b in flipped[60:120])
    damaged.write_bytes(bytes(flipped))
    plain.write_bytes(b'{"text": "not compressed"}\n')
    for path, reason in ((cut, "the gzip data ends too soon"), (damaged, "damaged gzip data"), (plain, "not gzip")):
        with pytest.raises(CorpusError, match=f"{path.name}: cannot be read as a table: {reason}"):
            read_corpus(path)


def test_a_saved_page_folder_of_resources_is_ignored_beside_its_page(make_folder):
    page = ("<html><head><title>Men detained</title></head><body><article><h1>Men detained</h1><p>Police "
            "detained 30 men on Monday, officials said. They were held for days in a camp.</p></article></body></html>")
    frame = "<html><body><p>An advertising frame with a sentence or two of text in it, as frames have.</p></body></html>"
    folder = make_folder({"Story.html": page, "Story_files/frame.html": frame, "Story_files/app.js": "x",
                          "notes_files/b.txt": ARTICLE, "old.HTM": page.replace("30 men", "40 men"),
                          "Old_FILES/frame.html": frame, "_files/c.txt": ARTICLE.replace("Dozens", "Scores")})
    corpus = read_corpus(folder)
    # no notes.html beside notes_files/, and "_files" names no page: folders of articles
    assert sorted(corpus.documents["doc_id"]) == ["Story", "_files/c", "notes_files/b", "old"]
    reasons = dict(zip(corpus.report["path"].map(lambda p: p.rsplit("/", 1)[-1]), corpus.report["reason"]))
    assert reasons["Story_files"] == "the images, scripts and frames of the saved page Story.html (Story_files): not read"
    assert reasons["Old_FILES"] == "the images, scripts and frames of the saved page old.HTM (Old_FILES): not read"


def test_a_corpus_too_small_to_judge_sets_no_paragraph_aside_as_off_topic(make_folder):
    from analysis import extract_claims

    story = ("Floodwaters kill at least 12 in Riverton\n\n"
             "RIVERTON \u2014 At least 12 people were killed and dozens more were missing after the Tam River burst "
             "its banks on Tuesday night, officials said.\n\n"
             "\"We are devastated,\" Mayor Helen Carter said at a press conference on Wednesday. \"Whole streets are "
             "gone.\"\n\n"
             "Around 300 residents were evacuated to schools and churches, according to the regional emergency "
             "service. Police said 4 people had been rescued from rooftops.\n\n"
             "The national weather agency warned that more rain was expected. \"The river has not peaked yet,\" "
             "said its spokesman, Paul Ndlovu.\n")
    docs = load_corpus(make_folder({"flood.txt": story}))
    assert [label for label, _, _ in docs.loc[0, "spans"]] == ["headline", "body"]
    assert {"displaced", "fled_or_evacuated"} <= set(extract_claims(docs)["category"])  # 300 evacuated, 4 rescued


def test_a_spreadsheets_metadata_is_read_whatever_the_case_of_its_headers_and_its_delimiter(make_folder):
    for name, content in (("caps", b"Filename,Outlet,Published\na.txt,The Daily,2021-03-04\n"),
                          ("semicolons", b"\xef\xbb\xbfFile;Outlet;Published\r\na.txt;The Daily;2021-03-04\r\n")):
        folder = make_folder({"a.txt": ARTICLE, "metadata.csv": content})
        doc = load_corpus(folder).iloc[0]
        assert (doc["outlet"], doc["published"]) == ("The Daily", "2021-03-04"), name


def test_a_tables_default_columns_are_found_whatever_their_case(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("Text;Title;Outlet\nThree men were detained, police said.;Men held;The Daily\n", encoding="utf-8")
    doc = load_corpus(table).iloc[0]
    assert (doc["title"], doc["outlet"]) == ("Men held", "The Daily") and "detained" in doc["text"]
    both = tmp_path / "both.csv"  # two columns alike but for case: neither is guessed
    both.write_text("text,Text\nThree men were detained.,Other\n", encoding="utf-8")
    assert load_corpus(both).iloc[0]["raw_text"] == "Three men were detained."
