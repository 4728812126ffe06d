"""The same statement in several articles: copies, near copies and translations of one quotation.

Two quotations in different articles are linked when

* a passage of :func:`analysis.passages.shared_passages` overlaps both
  (``verbatim`` or ``near``: the same words, a few changed), whoever each article
  credits them to (``speakers_differ`` says when the articles disagree); or
* they read as two renderings of one statement (``paraphrase``, typically two
  translations): both long enough to compare, their speakers the same or one
  unknown or unnamed, no disagreement on the names they mention, and close content by
  measures that survive rewording, with no downloaded model: the share of
  content words they have in common after Snowball stemming, the cosine of
  their character n-gram TF-IDF vectors (scikit-learn), and the figures they
  state (two quotations stating only different figures are different
  statements, however alike their wording: wire formulas such as "net
  excludes extraordinary gain of ...").

:func:`quote_variants` joins linked quotations into groups (one statement each);
:func:`variants_html` shows each group's renderings side by side with the
differing words marked.
"""

from __future__ import annotations

import html
import itertools
from collections import defaultdict

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer

from ..attribution import FINDING_NOUNS, head_noun
from ..charts.similarity import _highlight
from ..numbers import find_figures
from ..passages import shared_passages
from ..segmenting import ANALYSED
from ..text import STOPWORDS, normalize_for_matching, tokenize
from .scoring import same_speaker

__all__ = ["PAIR_COLUMNS", "VARIANT_COLUMNS", "quote_variants", "variant_pairs", "variants_html"]

#: Words each quotation needs to be compared as a paraphrase: shorter ones ("no one is held") share
#: their few words with many unrelated quotations.
PARAPHRASE_MIN_WORDS = 12
#: Cosine of character 3-5-gram TF-IDF vectors two renderings reach: translations keep word stems and
#: function-word runs ("would not have to", "their relatives would send them"); unrelated quotations
#: on one event stay below a third.
MIN_CHAR_SIMILARITY = 0.33
#: Share of the shorter quotation's content stems the other has too.
MIN_STEM_OVERLAP = 0.35
#: With a figure both state ("30 to 40", "around 30 or 40"), weaker wording suffices: a shared figure
#: is rare evidence of one statement.
MIN_CHAR_SIMILARITY_WITH_FIGURE = 0.2
MIN_STEM_OVERLAP_WITH_FIGURE = 0.3
#: Candidate pairs share at least this many content stems (pairs below cannot pass MIN_STEM_OVERLAP
#: at PARAPHRASE_MIN_WORDS words anyway).
MIN_SHARED_STEMS = 2
#: A content stem found in more quotations than this does not make two of them candidates (it still counts).
MAX_STEM_QUOTES = 200

#: Columns of :func:`variant_pairs`.
PAIR_COLUMNS = ["doc_a", "start_a", "end_a", "doc_b", "start_b", "end_b", "outlet_a", "outlet_b", "speaker_a",
                "speaker_b", "link", "char_similarity", "stem_overlap", "shared_figures", "speakers_differ",
                "text_a", "text_b"]
#: Columns of :func:`quote_variants`.
VARIANT_COLUMNS = ["group", "doc_id", "outlet", "speaker", "speaker_org", "kind", "quote", "start", "end", "links"]


def variant_pairs(quotes: pd.DataFrame, docs: pd.DataFrame, *, include=ANALYSED, passages=None,
                  min_words: int = PARAPHRASE_MIN_WORDS, min_char_similarity: float = MIN_CHAR_SIMILARITY,
                  min_stem_overlap: float = MIN_STEM_OVERLAP) -> pd.DataFrame:
    """One row per pair of quotations, in different articles, that render one statement.

    Parameters
    ----------
    quotes : pandas.DataFrame
        The output of :func:`analysis.quotes.quotations`.
    docs : pandas.DataFrame
        The corpus the quotations came from (for the shared passages).
    include : tuple of str or "all", default ("headline", "body")
        Segments searched for shared passages (as for ``quotations``).
    passages : pandas.DataFrame, optional
        :func:`analysis.passages.shared_passages` of ``docs``, if already computed.
    min_words, min_char_similarity, min_stem_overlap : optional
        The paraphrase thresholds (defaults :data:`PARAPHRASE_MIN_WORDS`,
        :data:`MIN_CHAR_SIMILARITY`, :data:`MIN_STEM_OVERLAP`); raise them on a
        corpus of many unrelated stories written in one house style, where
        formulas ("the dividend is payable March 31 to holders of record") look alike.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`PAIR_COLUMNS`: where each quotation is, its outlet and
        speaker, ``link`` (verbatim, near, paraphrase), the measures
        (``char_similarity``, ``stem_overlap``, ``shared_figures``),
        ``speakers_differ`` (both named, and not alike) and both texts.

    Examples
    --------
    >>> from analysis.quotes import quotations
    >>> texts = ['"If such people existed in the region, the police would not have to worry about them since '
    ...          'their own relatives would have sent them to where they could never return," said Ana Ruiz.',
    ...          '"If there were such people in the region, the law-enforcement organs would not need to have '
    ...          'anything to do with them because their relatives would send them somewhere from which there '
    ...          'is no returning," Ana Ruiz told reporters.']
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["A", "B"], "raw_text": texts,
    ...                      "spans": [(("body", 0, len(t)),) for t in texts]})
    >>> variant_pairs(quotations(docs), docs)[["doc_a", "doc_b", "link", "speaker_a"]].values.tolist()
    [['a', 'b', 'paraphrase', 'Ana Ruiz']]
    """
    quotes = quotes.reset_index(drop=True)
    links: dict[tuple[int, int], dict] = {}
    if passages is None:
        passages = shared_passages(docs, include=include) if len(quotes) else pd.DataFrame()
    by_doc = defaultdict(list)
    for k, (d, s, e) in enumerate(zip(quotes["doc_id"], quotes["start"], quotes["end"])):
        by_doc[d].append((s, e, k))
    for p in passages.itertuples(index=False):
        left = [k for s, e, k in by_doc.get(p.doc_a, ()) if s < p.end_a and p.start_a < e]
        right = [k for s, e, k in by_doc.get(p.doc_b, ()) if s < p.end_b and p.start_b < e]
        for i, j in itertools.product(left, right):
            key = (min(i, j), max(i, j))
            if key not in links or links[key]["link"] == "near" and p.kind == "verbatim":
                links[key] = {"link": p.kind}
    features = _Features(quotes, min_words=min_words, min_char=min_char_similarity, min_stems=min_stem_overlap)
    for i, j in features.candidates():
        if (i, j) in links:
            continue
        found = features.paraphrase(i, j)
        if found is not None:
            links[(i, j)] = found
    rows = []
    for (i, j), link in sorted(links.items()):
        a, b = quotes.loc[i], quotes.loc[j]
        rows.append({
            "doc_a": a["doc_id"], "start_a": a["start"], "end_a": a["end"],
            "doc_b": b["doc_id"], "start_b": b["start"], "end_b": b["end"],
            "outlet_a": a["outlet"], "outlet_b": b["outlet"], "speaker_a": a["speaker"], "speaker_b": b["speaker"],
            "link": link["link"], "char_similarity": round(features.char(i, j), 3),
            "stem_overlap": round(features.stem_overlap(i, j), 3), "shared_figures": features.shared_figures(i, j),
            "speakers_differ": not _compatible(a["speaker"], b["speaker"]),
            "text_a": a["quote"], "text_b": b["quote"],
        })
    return pd.DataFrame(rows, columns=PAIR_COLUMNS)


def quote_variants(quotes: pd.DataFrame, docs: pd.DataFrame, *, include=ANALYSED, passages=None,
                   **thresholds) -> pd.DataFrame:
    """Groups of quotations that render one statement, one row per quotation.

    Linked quotations (see :func:`variant_pairs`, which takes the same
    ``thresholds`` keywords) are joined transitively: a
    copy of a translation is in the translation's group. Groups are numbered
    from 1, the one reaching most articles first.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`VARIANT_COLUMNS`; ``links`` names how the quotation is
        linked to the others of its group (verbatim, near, paraphrase).

    Examples
    --------
    >>> from analysis.quotes import quotations
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["A", "B"], "raw_text": [
    ...     '"The bridge will reopen on Monday after the repairs," said Ana Ruiz.',
    ...     'Work ends soon. "The bridge will reopen on Monday after the repairs," said Ana Ruiz.'],
    ...     "spans": [(("body", 0, 68),), (("body", 0, 84),)]})
    >>> quote_variants(quotations(docs), docs)[["group", "doc_id", "links"]].values.tolist()
    [[1, 'a', 'verbatim'], [1, 'b', 'verbatim']]
    """
    quotes = quotes.reset_index(drop=True)
    pairs = variant_pairs(quotes, docs, include=include, passages=passages, **thresholds)
    index = {(d, s, e): k for k, (d, s, e) in enumerate(zip(quotes["doc_id"], quotes["start"], quotes["end"]))}
    parent = list(range(len(quotes)))

    def root(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    kinds = defaultdict(set)
    for p in pairs.itertuples(index=False):
        i, j = index[(p.doc_a, p.start_a, p.end_a)], index[(p.doc_b, p.start_b, p.end_b)]
        parent[root(i)] = root(j)
        kinds[i].add(p.link)
        kinds[j].add(p.link)
    members = defaultdict(list)
    for k in kinds:
        members[root(k)].append(k)
    groups = sorted(members.values(), key=lambda ks: (-quotes.loc[ks, "doc_id"].nunique(), min(ks)))
    rows = []
    for number, ks in enumerate(groups, start=1):
        for k in sorted(ks):
            q = quotes.loc[k]
            rows.append({"group": number, "doc_id": q["doc_id"], "outlet": q["outlet"], "speaker": q["speaker"],
                         "speaker_org": q["speaker_org"], "kind": q["kind"], "quote": q["quote"],
                         "start": q["start"], "end": q["end"],
                         "links": ", ".join(sorted(kinds[k], key=["verbatim", "near", "paraphrase"].index))})
    table = pd.DataFrame(rows, columns=VARIANT_COLUMNS)
    for column in ("group", "start", "end"):
        table[column] = table[column].astype("int64")
    return table


def variants_html(groups: pd.DataFrame) -> str:
    """Each group's renderings side by side, each marked against the group's first; all text escaped.

    >>> groups = pd.DataFrame({"group": [1, 1], "outlet": ["A", "B <b>"], "speaker": ["Ana", "Ana"],
    ...                        "links": ["near", "near"], "quote": ["is extremely risky", "is extremely dangerous"]})
    >>> page = variants_html(groups)
    >>> "<mark>dangerous</mark>" in page, "B &lt;b&gt;" in page
    (True, True)
    """
    if groups.empty:
        return "<p><em>No statement is quoted in more than one article.</em></p>"
    parts = []
    for number, group in groups.groupby("group", sort=True):
        rows = list(group.itertuples(index=False))
        first = rows[0].quote
        cells = []
        for r in rows:
            marked = _highlight(first, r.quote)[1] if r is not rows[0] else _highlight(first, rows[1].quote)[0]
            cells.append(f"<tr><td>{html.escape(str(r.outlet))}</td><td>{html.escape(str(r.speaker))}</td>"
                         f"<td>{html.escape(str(r.links))}</td><td style='text-align:left'>{marked}</td></tr>")
        parts.append(f"<h4>Statement {int(number)}: {len(rows)} renderings</h4><table><thead><tr><th>outlet</th>"
                     "<th>speaker</th><th>linked as</th><th>words (those differing from the first marked)</th>"
                     f"</tr></thead><tbody>{''.join(cells)}</tbody></table>")
    return "".join(parts)


#: Heads of a plural unnamed source that do not end in "s".
PLURAL_HEADS = {"men", "women", "people", "police", "children", "staff", "crew", "media", "clergy", "military"}


def _one_person_at_most(speaker: str) -> bool:
    """Whether ``speaker`` can be one person another article names: a name, unknown, or an unnamed single
    person ("spokesperson", "former inmate"); not a plural group ("human rights groups", "men claiming
    ...") nor a report or finding ("reports", "investigation").

    >>> _one_person_at_most("former inmate"), _one_person_at_most("men who fled"), _one_person_at_most("reports")
    (True, False, False)
    """
    speaker = str(speaker)
    if not speaker[:1].islower() or speaker == "unknown":
        return True
    head = head_noun(speaker)
    plural = head in PLURAL_HEADS or head.endswith("s") and not head.endswith("ss")
    return not plural and head not in FINDING_NOUNS


def _compatible(a: str, b: str) -> bool:
    """Speakers that can be one: alike, either unknown, or either unnamed (a "former inmate" or "a spokesman"
    may be the person another article names).

    >>> _compatible("former inmate", "Ana Ruiz"), _compatible("Ana Ruiz", "Ivo Marek")
    (True, False)
    """
    unnamed = str(a)[:1].islower() or str(b)[:1].islower()
    return a == "unknown" or b == "unknown" or unnamed or same_speaker(a, b, lenient=True) \
        or same_speaker(b, a, lenient=True)


class _Features:
    """What two quotations have in common: stems, character n-grams, names and figures."""

    def __init__(self, quotes: pd.DataFrame, *, min_words, min_char, min_stems):
        self.quotes = quotes
        self.min_words, self.min_char, self.min_stems = min_words, min_char, min_stems
        texts = [str(t) for t in quotes["quote"]]
        self.n_words = [len(tokenize(t)) for t in texts]
        self.stems = [set(tokenize(t, stopwords=STOPWORDS, stem=True)) for t in texts]
        self.names = [_names(t) for t in texts]
        self.figures = [{(f.low, f.high) for f in find_figures(t)} for t in texts]
        if texts:
            vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
            self.vectors = vectorizer.fit_transform([normalize_for_matching(t).lower() for t in texts])
        self.docs = quotes["doc_id"].tolist()
        self.speakers = quotes["speaker"].tolist()

    def candidates(self):
        """Pairs in different documents, long enough, sharing :data:`MIN_SHARED_STEMS` stems that are not everywhere."""
        postings = defaultdict(list)
        for k, stems in enumerate(self.stems):
            if self.n_words[k] >= self.min_words:
                for s in stems:
                    postings[s].append(k)
        shared = defaultdict(int)
        for ks in postings.values():
            if len(ks) <= MAX_STEM_QUOTES:
                for i, j in itertools.combinations(ks, 2):
                    shared[(i, j)] += 1
        return sorted(p for p, n in shared.items() if n >= MIN_SHARED_STEMS and self.docs[p[0]] != self.docs[p[1]])

    def char(self, i, j) -> float:
        return float(self.vectors[i].multiply(self.vectors[j]).sum())

    def stem_overlap(self, i, j) -> float:
        small = min(len(self.stems[i]), len(self.stems[j]))
        return len(self.stems[i] & self.stems[j]) / small if small else 0.0

    def shared_figures(self, i, j) -> int:
        return len(self.figures[i] & self.figures[j])

    def paraphrase(self, i, j):
        if min(self.n_words[i], self.n_words[j]) < self.min_words:
            return None
        if not _compatible(self.speakers[i], self.speakers[j]):
            return None
        a, b = self.speakers[i], self.speakers[j]
        # a plural group or a report is not the named speaker of another article: only a figure both state
        # ties the two ("men who fled said 30 to 40 are held" / an activist: "around 30 or 40")
        relayed = not (same_speaker(a, b, lenient=True) or same_speaker(b, a, lenient=True)) \
            and not (_one_person_at_most(a) and _one_person_at_most(b))
        if relayed and not self.shared_figures(i, j):
            return None
        if self.names[i] and self.names[j] and not self.names[i] & self.names[j]:
            return None  # they name different people or places
        if self.figures[i] and self.figures[j] and not self.figures[i] & self.figures[j]:
            return None  # they state different figures ("fell 380,000 barrels" / "fell 2.2 mln barrels")
        char, stems = self.char(i, j), self.stem_overlap(i, j)
        if char >= self.min_char and stems >= self.min_stems:
            return {"link": "paraphrase"}
        if self.shared_figures(i, j) and char >= MIN_CHAR_SIMILARITY_WITH_FIGURE \
                and stems >= MIN_STEM_OVERLAP_WITH_FIGURE:
            return {"link": "paraphrase"}
        return None


def _names(text: str) -> set[str]:
    """Capitalised words of ``text`` other than its first and stopwords: the names it mentions."""
    words = tokenize(text, lowercase=False)
    return {w.lower() for k, w in enumerate(words) if k and w[:1].isupper() and w.lower() not in STOPWORDS}
