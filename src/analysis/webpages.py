"""Saved web pages: the article, its comments and its metadata, without the page around them.

:func:`extract_page` hands the HTML to trafilatura, which keeps the article's
paragraphs and the reader comments and drops navigation, share buttons,
scripts, styles, forms and footers. Nothing in the page is executed or
fetched. The loader turns the result into a document whose ``raw_text`` is the
title, the body and the comments (labelled ``headline``, ``body`` and
``comments``) and keeps the page as read in the ``html`` column.

The publication date is the one the page's metadata states (``<meta
property="article:published_time">``, ``datePublished`` in JSON-LD, ``<time
datetime>`` ...), kept as written, so that the loader reads it at the precision
written; a date trafilatura's date finder would infer ("April 2017" read as
2017-01-01) is not used.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = ["DATE_META", "HTML_SUFFIXES", "PAGE_MIN_WORDS", "Page", "extract_page", "page_date"]

HTML_SUFFIXES = (".html", ".htm")
#: A page whose extracted body is shorter than this is not an article: what trafilatura falls back
#: to on a page without one is a menu entry or a cookie notice ("Home", "Accept all cookies").
PAGE_MIN_WORDS = 10



#: Metadata names of a publication date, most specific first (meta property, name or itemprop, lowercased).
DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "publishdate", "publish-date", "pubdate",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "date", "parsely-pub-date", "sailthru.date",
)


class _DateFinder(HTMLParser):
    """Collect the publication dates a page's markup states: meta tags, JSON-LD, ``<time datetime>``."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.times: list[str] = []
        self.ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key in DATE_META and attrs.get("content", "").strip():
                self.meta.setdefault(key, attrs["content"].strip())
        elif tag == "time" and attrs.get("datetime", "").strip():
            self.times.append(attrs["datetime"].strip())
        elif tag == "script" and attrs.get("type", "").lower() == "application/ld+json":
            self._in_ld = True

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.ld.append(data)

    def date(self) -> str:
        for key in DATE_META:
            if key in self.meta:
                return self.meta[key]
        for block in self.ld:
            found = _json_ld_date(block)
            if found:
                return found
        return self.times[0] if self.times else ""


def _json_ld_date(block: str) -> str:
    try:
        data = json.loads(block)
    except ValueError:
        return ""
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, dict):
            if isinstance(item.get("datePublished"), str) and item["datePublished"].strip():
                return item["datePublished"].strip()
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return ""


def page_date(html: str) -> str:
    """The publication date a page's markup states, as written; ``""`` if none.

    >>> page_date('<meta property="article:published_time" content="2019-01-14T10:13:00Z">')
    '2019-01-14T10:13:00Z'
    >>> page_date('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "April 2017"}</script>')
    'April 2017'
    """
    finder = _DateFinder()
    try:
        finder.feed(html)
        finder.close()
    except (AssertionError, ValueError):  # html.parser gives up on some broken markup
        pass
    return finder.date()


@dataclass(frozen=True)
class Page:
    """What was extracted from one saved page.

    ``body`` and ``comments`` hold paragraphs separated by a blank line;
    ``published`` is the date as the page's markup writes it; the other
    fields are empty strings when the page does not say.
    """

    title: str
    body: str
    comments: str
    author: str
    published: str
    site: str
    url: str

    def describe(self, page_chars: int) -> str:
        """One line for the load report: what was kept and what set aside."""
        kept = len(self.title) + len(self.body) + len(self.comments)
        parts = [f"web page: title, body ({len(self.body.split())} words)"]
        if self.comments:
            parts.append(f"comments ({len(self.comments.split())} words)")
        found = [name for name, value in (("author", self.author), ("date", self.published),
                                          ("site name", self.site)) if value]
        if found:
            parts.append(", ".join(found) + " from the page")
        parts.append(f"set aside {max(page_chars - kept, 0):,} of {page_chars:,} characters of markup, "
                     "navigation, scripts and page furniture (the page is kept in the html column)")
        return "; ".join(parts)


def _paragraphs(text: str | None) -> str:
    lines = [" ".join(line.split()) for line in (text or "").splitlines()]
    return "\n\n".join(line for line in lines if line)


def extract_page(html: str) -> Page:
    """Extract the article, comments and metadata of a saved page.

    Raises ``ValueError`` when the page holds no article text.

    Examples
    --------
    >>> page = extract_page(
    ...     "<html><head><title>Flood | The Daily</title><script>x()</script></head><body>"
    ...     "<nav>Home World Sport</nav><article><h1>Flood</h1><p>" + "The river rose overnight. " * 12 +
    ...     "</p></article></body></html>")
    >>> page.title, page.body.startswith("The river rose"), "Home" in page.body
    ('Flood', True, False)
    """
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # our report says why a page is refused
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    result = trafilatura.bare_extraction(
        html, include_comments=True, with_metadata=True, include_images=False, include_tables=True,
        favor_precision=True,
    )
    words = len((result.text or "").split()) if result is not None else 0
    if words < PAGE_MIN_WORDS:
        raise ValueError(f"web page without article text (trafilatura found no body: {words} words, "
                         f"fewer than {PAGE_MIN_WORDS})")
    title = " ".join((result.title or "").split())
    body = _paragraphs(result.text)
    first, _, rest = body.partition("\n\n")
    if title and first == title:
        body = rest  # trafilatura repeats the <h1> as the body's first line
    comments = _paragraphs(result.comments)
    return Page(
        title=title, body=body, comments=comments,
        author=" ".join((result.author or "").split()), published=page_date(html),
        site=" ".join((result.sitename or "").split()), url=result.url or "",
    )
