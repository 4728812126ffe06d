"""Split an article into labelled segments, losing nothing.

A scraped article carries more than the article: share buttons, photo captions,
a "Posted ..." line, reader comments, sometimes a paragraph from another story.
:func:`segment_text` labels every line of a document so that the analyses can
use only what the outlet wrote (``headline`` and ``body``) while everything else
is kept, counted and shown. The segments of a document cover it exactly: joined
in order they give back the text as read.

The rules are general, not tuned to any one site:

``comments``
    From a numbered list of short headers (``1. Mike``, ``2. David`` ...) or a
    comment-section heading ("12 Comments", "Leave a Reply") to the end.
``dateline``
    A short line that is a date, or starts with Posted/Published/Updated/By.
``caption``
    A short line without sentence punctuation that credits a picture or a post
    ("[Featured Image by ...]", "... via Twitter", "Photo: ..."), a share-button
    label ("Pin It", "Share"), or any other short unpunctuated line above the
    first paragraph that is not the headline.
``headline``
    The line that matches the metadata title; without a title, the first short
    line above the first paragraph that reads as a headline.
``off_topic``
    A paragraph of at least :data:`OFF_TOPIC_MIN_WORDS` content words of which
    fewer than :data:`OFF_TOPIC_MAX_OVERLAP` appear anywhere else in the
    article or in the other articles of the corpus, and none in the headline,
    in an article whose other paragraphs have at least twice its vocabulary to
    judge against; judged only in a corpus of :data:`OFF_TOPIC_MIN_DOCUMENTS`
    documents or more.
``body``
    Everything else.

The loader adds ``front_matter``: a Markdown file's leading ``---`` block,
whose keys fill the metadata.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .dates import parse_published
from .text import STOPWORDS, normalize_for_matching, running_line_breaks, stem, tokenize

LABELS = ("headline", "body", "dateline", "caption", "comments", "off_topic", "front_matter")
#: What the analyses read unless asked otherwise.
ANALYSED = ("headline", "body")


def include_labels(include) -> tuple[str, ...]:
    """The segment labels that ``include`` names: ``"all"`` or labels from :data:`LABELS`.

    Every analysis's ``include=`` goes through here, so a misspelt label is an
    error rather than an empty result.

    >>> include_labels("all")[:3], include_labels(["body", "comments"])
    (('headline', 'body', 'dateline'), ('body', 'comments'))
    >>> include_labels(("comment",))
    Traceback (most recent call last):
    ...
    ValueError: unknown segment label(s) ['comment']; labels are headline, body, dateline, caption, comments, off_topic, front_matter or "all"
    """
    labels = tuple(LABELS) if include == "all" else tuple(include)
    unknown = sorted(set(labels) - set(LABELS))
    if unknown or not labels:
        raise ValueError(f"unknown segment label(s) {unknown}; labels are {', '.join(LABELS)} or \"all\"")
    return labels

#: A line of at most this many words can be a headline, caption or dateline.
SHORT_LINE_WORDS = 15
OFF_TOPIC_MIN_WORDS = 12
OFF_TOPIC_MAX_OVERLAP = 0.25
#: Documents a corpus needs before a paragraph is judged off topic. Without other articles to look in, "its words
#: occur nowhere else" says only that a story moved on: in a corpus of one flood article the paragraphs on the
#: evacuation ("Around 300 residents were evacuated ...") and the forecast were set aside, and their figures and
#: quotations with them; five is the shipped corpus, whose one off-topic paragraph (a football teaser) is found.
OFF_TOPIC_MIN_DOCUMENTS = 5

_WORD = re.compile(r"\S+")
_HEADING_MARK = re.compile(r"^\s{0,3}#{1,6}\s+")  # a Markdown heading's leading "# "
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s*$")
_COMMENT_HEADER = re.compile(r"^\s*(\d{1,4})[.)]\s+(\S[^\n]{0,60})$")
_COMMENT_SECTION = re.compile(
    r"^\s*(\d+\s+)?(comments?|responses?|replies|reader comments|leave a (reply|comment)"
    r"|join the (discussion|conversation)|discussion)\s*:?\s*$",
    re.IGNORECASE,
)
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE_MDY = re.compile(rf"\b({_MONTHS})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)
_DATE_DMY = re.compile(rf"\b(\d{{1,2}})\s+({_MONTHS})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DATELINE_START = re.compile(
    r"^\s*(posted|published|updated|last updated|first published|by)\b", re.IGNORECASE
)
_CAPTION_CUE = re.compile(
    r"(^\s*\[.*\]\s*$)|(^\s*\(.*\)\s*$)"
    r"|(via\s+[A-Z][\w.]*(\s+[A-Z][\w.]*)?\s*$)"
    r"|(^\s*(photo|image|picture|credit|source|caption)s?\s*:)"
    r"|\b(featured image|image credit|photo credit|getty images|shutterstock|file photo"
    r"|ap photo|reuters/)\b",
    re.IGNORECASE,
)
# Page furniture: labels of share buttons and similar, a line of their own.
_FURNITURE = {
    "pin it", "share", "share this", "share this article", "tweet", "email", "print",
    "whatsapp", "facebook", "twitter", "linkedin", "reddit", "advertisement",
    "related", "read more", "related articles", "more", "comments", "copy link",
}


def content_words(text: str) -> set[str]:
    """Stemmed content words of ``text``: alphabetic, three letters or more, no stopwords.

    >>> sorted(content_words("The men were detained in the camps"))
    ['camp', 'detain', 'men']
    """
    words = {_content_stem(t) for t in set(tokenize(text, lowercase=False))}  # each word type once, not each token
    words.discard(None)
    return words


@lru_cache(maxsize=500_000)  # a corpus has far fewer word types than tokens
def _content_stem(token: str) -> str | None:
    """The stem of ``token`` if it is a content word (see :func:`content_words`), else None."""
    word = token.lower()
    return stem(word) if word not in STOPWORDS and word.isalpha() and len(word) > 2 else None


def parse_date(line: str) -> str | None:
    """The first calendar date written in ``line`` as ``YYYY-MM-DD``, or None.

    The date is found by its shape ("April 13, 2017", "13 Apr 2017", "2017-04-13") and read by
    :func:`analysis.dates.parse_published`, the package's one date reader.

    >>> parse_date("Posted April 13, 2017")
    '2017-04-13'
    >>> parse_date("13 Apr 2017") , parse_date("no date here"), parse_date("February 30, 2017")
    ('2017-04-13', None, None)
    """
    m = _DATE_MDY.search(line) or _DATE_DMY.search(line) or _DATE_ISO.search(line)
    return (parse_published(m.group(0))[0] or None) if m else None


def _lines(text: str) -> list[tuple[int, int, int]]:
    """(start, end_of_content, end_with_trailing_blank_lines) for each non-blank line."""
    out: list[tuple[int, int, int]] = []
    for m in re.finditer(r"[^\n]*\n?", text):
        if m.start() == len(text):
            break
        if m.group().strip():
            end = m.start() + len(m.group().rstrip("\n"))
            out.append([m.start(), end, m.end()])
        elif out:
            out[-1][2] = m.end()
    if out:
        out[0][0] = 0  # leading blank lines belong to the first line
    return [tuple(x) for x in out]


def _norm(s: str) -> str:
    return " ".join(normalize_for_matching(s).casefold().split())


def _is_short_unpunctuated(line: str) -> bool:
    return len(_WORD.findall(line)) <= SHORT_LINE_WORDS and not _SENTENCE_END.search(line)


def _is_dateline(line: str) -> bool:
    words = len(_WORD.findall(line))
    if words > 12 or _SENTENCE_END.search(line.rstrip()) and not parse_date(line):
        return False
    if _DATELINE_START.match(line) and (parse_date(line) or words <= 8):
        return True
    stripped = _DATE_MDY.sub("", _DATE_DMY.sub("", _DATE_ISO.sub("", line)))
    return parse_date(line) is not None and len(_WORD.findall(stripped)) <= 3


def _is_caption(line: str) -> bool:
    if _norm(line).strip(" :|") in _FURNITURE:
        return True
    return _is_short_unpunctuated(line) and bool(_CAPTION_CUE.search(line)) or bool(
        re.match(r"^\s*\[[^\]]*\]\s*$", line)
    )


def _comments_start(texts: list[str]) -> int | None:
    """Index of the first line of the reader comments, or None."""
    for i, line in enumerate(texts):
        if _COMMENT_SECTION.match(line):
            return i
    headers = []
    for i, line in enumerate(texts):
        m = _COMMENT_HEADER.match(line)
        if m and len(_WORD.findall(m.group(2))) <= 4 and not _SENTENCE_END.search(m.group(2)):
            headers.append((i, int(m.group(1))))
    # a run 1, 2, 3 ... of at least two headers, each followed by text
    for k, (i, number) in enumerate(headers):
        if number != 1:
            continue
        run = [i]
        expected = 2
        for j, n in headers[k + 1:]:
            if n == expected:
                run.append(j)
                expected += 1
        if len(run) >= 2 and run[-1] < len(texts) - 1:
            return i
    return None


def segment_text(
    text: str,
    *,
    title: str | None = None,
    corpus_vocabulary: Counter | None = None,
) -> list[tuple[str, int, int]]:
    """Label the lines of one document.

    Parameters
    ----------
    text : str
        The document as read (normalised line endings).
    title : str, optional
        The headline from metadata; the line that matches it is the headline.
    corpus_vocabulary : collections.Counter, optional
        Document frequency of :func:`content_words` over the whole corpus
        (including this document). Used to recognise off-topic paragraphs:
        without it no paragraph is judged off topic (the loader gives it only
        for a corpus of :data:`OFF_TOPIC_MIN_DOCUMENTS` documents or more).

    Returns
    -------
    list of (label, start, end)
        Consecutive segments covering ``text`` exactly, in order.

    Examples
    --------
    >>> text = "Pin It\\nMen detained\\n\\nDozens of men are held. They were beaten.\\n"
    >>> [(label, text[a:b]) for label, a, b in segment_text(text)]
    [('caption', 'Pin It\\n'), ('headline', 'Men detained\\n\\n'), ('body', 'Dozens of men are held. They were beaten.\\n')]
    """
    lines = _lines(text)
    if not lines:
        return [("body", 0, len(text))] if text else []
    texts = [text[a:b] for a, b, _ in lines]
    labels = ["body"] * len(lines)

    comments = _comments_start(texts)
    last = len(lines) if comments is None else comments
    for i in range(last, len(lines)):
        labels[i] = "comments"

    wrapped = _wrapped_lines(text, lines)
    wanted = _norm(title) if title else None
    # with a title, the headline is the line that matches it, if any, among the first lines
    match = next((i for i in range(min(last, 10))
                  if wanted is not None and _norm(_HEADING_MARK.sub("", texts[i])) == wanted), None)
    headline_found = False
    in_top = True  # above the first paragraph of running text
    for i in range(last):
        line = texts[i]
        if wrapped[i]:
            if match is None or i > match:
                in_top = False
        elif _is_dateline(line):
            labels[i] = "dateline"
        elif _is_caption(line):
            labels[i] = "caption"
        elif i == match:
            labels[i] = "headline"
            headline_found = True
        elif in_top and _is_short_unpunctuated(line):
            if wanted is None and not headline_found:
                labels[i] = "headline"
                headline_found = True
            elif headline_found or wanted is None or (match is not None and i < match):
                labels[i] = "caption"
            else:
                in_top = False
        elif match is None or i > match:
            in_top = False

    _mark_off_topic(text, lines, labels, corpus_vocabulary, title)

    segments: list[tuple[str, int, int]] = []
    for (start, _, end), label in zip(lines, labels):
        if segments and segments[-1][0] == label:
            segments[-1] = (label, segments[-1][1], end)
        else:
            segments.append((label, start, end))
    label, start, _ = segments[-1]
    segments[-1] = (label, start, len(text))
    return segments


def _wrapped_lines(text: str, lines) -> list[bool]:
    """Which lines belong to a hard-wrapped paragraph (continued, or a continuation).

    Such lines are running text, however short: a date or "via ..." inside them
    is not a dateline or a caption, and the first body line of a newswire story
    is not a caption. Which line breaks fall inside running text is decided by
    :func:`analysis.text.running_line_breaks`, the sentence splitter's rule.
    """
    breaks = running_line_breaks(text)
    wrapped = [False] * len(lines)
    for i in range(len(lines) - 1):
        if lines[i][1] in breaks:
            wrapped[i] = wrapped[i + 1] = True
    return wrapped


def _mark_off_topic(text, lines, labels, corpus_vocabulary, title=None) -> None:
    """Relabel body paragraphs that share almost no vocabulary with anything else, nor a word with the headline
    (a background paragraph of a story repeats its headline's words: "Suicide bomber kills 23" and "a similar
    bombing killed 15"; a scraped teaser does not)."""
    if corpus_vocabulary is None:
        return  # no corpus to judge against: a story's own new paragraph shares few words with the rest of it
    # paragraphs: runs of body lines not separated by a blank line
    paragraphs: list[list[int]] = []
    for i, (start, content_end, end) in enumerate(lines):
        if labels[i] != "body":
            continue
        joined = paragraphs and paragraphs[-1][-1] == i - 1 and lines[i - 1][1] + 1 == lines[i - 1][2]
        if joined:
            paragraphs[-1].append(i)
        else:
            paragraphs.append([i])
    if len(paragraphs) < 2:
        return
    headline = [title or ""] + [text[a:b] for (a, b, _), label in zip(lines, labels) if label == "headline"]
    headline_words = content_words(" ".join(headline))  # read only where there are paragraphs to judge
    words = [content_words(" ".join(text[lines[i][0]:lines[i][1]] for i in p)) for p in paragraphs]
    # in how many paragraphs each word occurs: a word is elsewhere in the article when in more than its own
    paragraphs_with = Counter(word for w in words for word in w)
    for p, w in zip(paragraphs, words):
        if len(w) < OFF_TOPIC_MIN_WORDS or not w.isdisjoint(headline_words):
            continue
        rest_size = len(paragraphs_with) - sum(1 for word in w if paragraphs_with[word] == 1)
        if rest_size < 2 * len(w):
            continue  # too little else in the article to judge against
        elsewhere = 0
        for word in w:
            # the corpus counts this document too: a paragraph's words are among the document's words
            in_other_docs = corpus_vocabulary[word] > 1
            if paragraphs_with[word] > 1 or in_other_docs:
                elsewhere += 1
        if elsewhere / len(w) < OFF_TOPIC_MAX_OVERLAP:
            for i in p:
                labels[i] = "off_topic"
