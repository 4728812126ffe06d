"""Saved web pages: the article, its comments and its metadata, without the page around them.

:func:`extract_page` hands the HTML to trafilatura, which keeps the article's
paragraphs and the reader comments and drops navigation, share buttons,
scripts, styles, forms and footers. Nothing in the page is executed or
fetched. The loader turns the result into a document whose ``raw_text`` is the
title, the body and the comments (labelled ``headline``, ``body`` and
``comments``) and keeps the page as read in the ``html`` column.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

__all__ = ["HTML_SUFFIXES", "Page", "extract_page"]

HTML_SUFFIXES = (".html", ".htm")
#: A page whose extracted body is shorter than this is not an article: what trafilatura falls back
#: to on a page without one is a menu entry or a cookie notice ("Home", "Accept all cookies").
PAGE_MIN_WORDS = 10



@dataclass(frozen=True)
class Page:
    """What was extracted from one saved page.

    ``body`` and ``comments`` hold one paragraph per line-pair (``\\n\\n``);
    the other fields are empty strings when the page does not say.
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
        author=" ".join((result.author or "").split()), published=result.date or "",
        site=" ".join((result.sitename or "").split()), url=result.url or "",
    )
