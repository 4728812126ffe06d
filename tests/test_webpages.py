"""Saved web pages: the article and its comments are read; the page around them never reaches the text."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import read_corpus, segments
from analysis.kwic import kwic
from analysis.webpages import extract_page

# Markers for what must not reach `text`: navigation, share buttons, scripts, handlers, footer.
FURNITURE = ("NAVWORLD", "NAVSPORT", "SHAREFACEBOOK", "SCRIPTSECRET", "ONERRORXSS", "FOOTERCOPYRIGHT",
             "STYLESECRET", "NEWSLETTERFORM")


def saved_page(title="Quake kills dozens in coastal town", *, comments=True, site="Daily Planet",
               published="2019-01-14T10:13:00Z", author="Jane Roe") -> str:
    """A page as a browser saves it: head with metadata and a script, nav, share bar, article, comments, footer."""
    thread = """
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p>COMMENTONE my thoughts go to the families of those who died in this terrible disaster.</p></div>
<div class="comment"><p>COMMENTTWO the government should have enforced the building code years ago.</p></div>
</section>""" if comments else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta property="og:site_name" content="{site}"><meta name="author" content="{author}">
<meta property="article:published_time" content="{published}">
<style>.x {{ content: "STYLESECRET"; }}</style>
<script>var tracker = "SCRIPTSECRET"; document.write("SCRIPTSECRET");</script></head>
<body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">NAVWORLD</a></li>
<li><a href="/sport">NAVSPORT</a></li></ul></nav></header>
<div class="share-buttons"><a href="#">SHAREFACEBOOK</a> <a href="#">Tweet</a> <a href="#">Pin It</a></div>
<article><h1>{title}</h1>
<p>At least 30 people were killed when an earthquake struck the coastal town on Monday, officials said. Rescue
teams were searching the rubble of collapsed buildings through the night.</p>
<p>The regional governor said that around 200 people had been injured in the town and that hundreds more had
fled collapsed buildings for shelters after the earthquake, officials said.</p>
<img src="missing.jpg" onerror="alert('ONERRORXSS')" alt="">
<p>Aftershocks continued into Tuesday morning, and engineers warned that more buildings could fall. The national
weather service said rain was expected later in the week.</p>
</article>
<form class="newsletter"><label>NEWSLETTERFORM sign up</label><input type="email"></form>
{thread}
<footer><p>FOOTERCOPYRIGHT 2019 {site}. All rights reserved.</p></footer>
<script>window.onload = function () {{ console.log("SCRIPTSECRET"); }};</script>
</body></html>
"""


def test_extract_page_keeps_article_comments_and_metadata():
    page = extract_page(saved_page())
    assert page.title == "Quake kills dozens in coastal town"
    assert page.body.startswith("At least 30 people were killed")
    assert "hundreds more had" in page.body and "rain was expected" in page.body
    assert "COMMENTONE" in page.comments and "COMMENTTWO" in page.comments
    assert (page.author, page.published, page.site) == ("Jane Roe", "2019-01-14T10:13:00Z", "Daily Planet")
    for marker in FURNITURE + ("COMMENTONE",):
        assert marker not in page.body, marker


@pytest.mark.parametrize("markup, published", [
    ('<meta property="article:published_time" content="April 2017">', "2017-04"),  # no day made up
    ('<meta name="date" content="13 April 2017">', "2017-04-13"),
    ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2017-04-13"}]}</script>',
     "2017-04-13"),
    ('<time datetime="2017-04-13T08:00:00+02:00">13 April</time>', "2017-04-13"),
    ("", ""),  # no date stated: none inferred
])
def test_the_date_is_the_one_the_page_states_at_its_precision(make_folder, markup, published):
    page = saved_page().replace('<meta property="article:published_time" content="2019-01-14T10:13:00Z">', "")
    page = page.replace("</head>", markup + "</head>")
    doc = read_corpus(make_folder({"a.html": page})).documents.iloc[0]
    assert doc["published"] == published


def test_a_page_without_an_article_is_refused():
    with pytest.raises(ValueError, match="no body"):
        extract_page("<html><body><nav>Home</nav><script>x()</script></body></html>")


def _check_document(corpus, doc_id):
    docs = corpus.documents.set_index("doc_id")
    doc = docs.loc[doc_id]
    for marker in FURNITURE:
        assert marker not in doc["text"] and marker not in doc["raw_text"], marker
    assert "COMMENTONE" not in doc["text"]
    assert doc["text"].startswith("Quake kills dozens in coastal town\n\nAt least 30 people")
    assert (doc["outlet"], doc["author"], doc["published"]) == ("Daily Planet", "Jane Roe", "2019-01-14")
    assert "SCRIPTSECRET" in doc["html"]  # the page as read stays available
    segs = segments(corpus.documents)
    own = segs[segs["doc_id"] == doc_id]
    assert own["label"].tolist() == ["headline", "body", "comments"]
    assert "COMMENTTWO" in own[own["label"] == "comments"]["text"].iloc[0]
    assert "".join(own["text"]) == doc["raw_text"]
    row = corpus.report[corpus.report["doc_id"] == doc_id].iloc[0]
    assert row["status"] == "loaded"
    assert "web page: title, body (" in row["reason"] and "comments (" in row["reason"]
    assert "set aside" in row["reason"] and "navigation, scripts" in row["reason"]


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_saved_pages_in_a_folder(make_folder, suffix):
    folder = make_folder({f"quake{suffix}": saved_page(), "other.txt": "Floods\n\nHundreds fled the river.\n"})
    corpus = read_corpus(folder)
    _check_document(corpus, "quake")
    assert kwic(corpus.documents, "SCRIPTSECRET").empty and len(kwic(corpus.documents, "earthquake")) == 2


def test_an_html_column_of_a_table(tmp_path):
    target = tmp_path / "pages.csv"
    pd.DataFrame({"doc_id": ["quake"], "html": [saved_page()]}).to_csv(target, index=False)
    _check_document(read_corpus(target), "quake")


def test_metadata_beats_the_page_and_a_blank_fills_from_it(make_folder):
    folder = make_folder({"quake.html": saved_page(),
                          "metadata.csv": "doc_id,outlet,published\nquake.html,Planet Wire,\n"})
    doc = read_corpus(folder).documents.iloc[0]
    assert doc["outlet"] == "Planet Wire" and doc["published"] == "2019-01-14"


def test_a_page_with_nothing_to_read_is_skipped_with_a_reason(make_folder):
    folder = make_folder({"empty.html": "<html><body><nav>Home</nav></body></html>",
                          "a.txt": "Floods\n\nHundreds fled the river.\n"})
    row = read_corpus(folder).report.set_index("doc_id").loc["empty"]
    assert row["status"] == "skipped" and "no body" in row["reason"]


@pytest.mark.notebook
def test_nothing_of_the_page_reaches_the_html_report(make_folder, tmp_path):
    from analysis import paths
    from analysis.report import build_report

    folder = make_folder({"quake.html": saved_page(), "floods.htm": saved_page("Floods reach the capital", comments=False)})
    build_report(corpus=folder, out_dir=tmp_path / "out", notebooks=[paths.NOTEBOOKS_DIR / "01-corpus-overview.ipynb"],
                 log=None)
    html = (tmp_path / "out" / "01-corpus-overview.html").read_text(encoding="utf-8")
    assert "Quake kills dozens in coastal town" in html and "Daily Planet" in html
    for marker in FURNITURE:
        assert marker not in html, marker
    assert "onerror=" not in html
