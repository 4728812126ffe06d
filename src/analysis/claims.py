"""Claimed figures by source: every figure an article states, how firmly, and on whose word.

:func:`extract_claims` reads each sentence of the headline and body, finds its
figures with :func:`analysis.numbers.find_figures`, and keeps those that count
people affected by the event or places where they are held. For each it records

* the **category**, from what the sentence says happened to whom, looked up in
  a lexicon kept as data (``data/claims_lexicon.csv``; pass your own for
  another event): the nearest event word after the figure, else before it;
* the **bounds** and **qualifier** (exact, approximate, lower_bound,
  upper_bound, range, vague) as in ``data/annotations/CLAIMS_GUIDE.md``;
* **hedged**: the sentence marks it unconfirmed (``data/hedges.txt``:
  allegedly, reportedly, is said to, believed ...). A named source's reporting
  verb ("Novaya Gazeta claims") is attribution, not a hedge;
* **attributed_to**: who the sentence credits ("according to X", "X said",
  ", X reports.", "said X", "reported by X") or, inside a quotation, its
  speaker, with "she added" resolved to the last person quoted. People are
  written ``Name (Organisation)`` when the corpus says where they work: a
  gazetteer of names is built from the corpus itself ("Tanya Lokshina, the
  Russia program director at Human Rights Watch"). See :mod:`analysis.attribution`;
  no statistical model is used.

:func:`score_claims` compares claims with hand annotations
(:func:`load_gold_claims`); :func:`claims_by_source` and :func:`provenance`
summarise them; :func:`evidence_html` shows each sentence with the figure marked.

Examples
--------
>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["a"], "outlet": ["Daily"], "raw_text": [
...     "At least three men died, the Gazette reports."],
...     "spans": [(("body", 0, 45),)]})
>>> extract_claims(docs)[["category", "value_low", "qualifier", "attributed_to"]].to_dict("records")
[{'category': 'killed', 'value_low': 3, 'qualifier': 'lower_bound', 'attributed_to': 'Gazette'}]
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .attribution import FUNCTION_WORDS, DocumentSources, Gazetteer
from .loading import outlet_labels
from .numbers import find_figures, word_tokens
from .paths import PACKAGE_DATA_DIR, SEED_CLAIMS_CSV
from .segmenting import ANALYSED, include_labels
from .text import normalize_for_matching, sentence_spans

__all__ = [
    "CLAIM_COLUMNS",
    "check_quality",
    "claims_by_source",
    "evidence_html",
    "extract_claims",
    "load_gold_claims",
    "load_hedges",
    "load_lexicon",
    "match_claims",
    "provenance",
    "score_claims",
]

#: Columns of :func:`extract_claims`, in order.
CLAIM_COLUMNS = ["doc_id", "outlet", "category", "value_low", "value_high", "qualifier", "hedged",
                 "attributed_to", "stated", "sentence", "start", "end"]
LEXICON_CSV = PACKAGE_DATA_DIR / "claims_lexicon.csv"
HEDGES_TXT = PACKAGE_DATA_DIR / "hedges.txt"
#: Event categories that outrank the others in a sentence: they say how people are held.
OUTRANKING = ("held_together",)
#: How many words either side of a figure are searched for an event word.
EVENT_WINDOW = 15

_CLAUSE_ENDS = {",", ";", ":", "(", ")", '"', ".", "!", "?"}


# ------------------------------------------------------------------ lexicons


def load_lexicon(path=None) -> pd.DataFrame:
    """The category lexicon: which words put a figure in which category.

    Parameters
    ----------
    path : path-like, optional
        A CSV with columns ``category, role, term`` (``#`` starts a comment
        line). Default: the shipped ``data/claims_lexicon.csv``, whose header
        comment explains the roles ``event``, ``place``, ``person``, ``ignore``.

    Examples
    --------
    >>> lexicon = load_lexicon()
    >>> sorted(lexicon.loc[lexicon.role == "event", "category"].unique())[:3]
    ['detained', 'displaced', 'fled_or_evacuated']
    """
    table = pd.read_csv(path or LEXICON_CSV, comment="#", dtype=str, keep_default_na=False)
    missing = {"category", "role", "term"} - set(table.columns)
    if missing:
        raise ValueError(f"{path}: a claims lexicon needs the columns category, role, term; missing {sorted(missing)}")
    table = table.assign(term=table["term"].str.strip().str.lower(), role=table["role"].str.strip())
    unknown = set(table["role"]) - {"event", "place", "person", "ignore"}
    if unknown:
        raise ValueError(f"{path}: unknown role(s) {sorted(unknown)}; roles are event, place, person, ignore")
    return table[["category", "role", "term"]].reset_index(drop=True)


def load_hedges(path=None) -> list[str]:
    """Hedge phrases, one per line of ``data/hedges.txt`` (lowercase; ``*`` = any ending).

    >>> "allegedly" in load_hedges()
    True
    """
    with open(path or HEDGES_TXT, encoding="utf-8") as handle:
        return [line.strip().lower() for line in handle if line.strip() and not line.lstrip().startswith("#")]


class _PhraseTable:
    """Phrases (tuples of words, a trailing ``*`` = prefix) matched on lowercase tokens."""

    def __init__(self, entries):
        self.by_first: dict[str, list] = {}
        self.prefixes: list = []
        for phrase, value in entries:
            words = tuple(phrase.split())
            if len(words) == 1 and words[0].endswith("*"):
                self.prefixes.append((words[0][:-1], value))
            else:
                self.by_first.setdefault(words[0].rstrip("*"), []).append((words, value))
        for options in self.by_first.values():
            options.sort(key=lambda item: -len(item[0]))

    def at(self, words, k):
        """``(value, length)`` of the longest phrase starting at ``words[k]``, or None."""
        for phrase, value in self.by_first.get(words[k], ()):
            n = len(phrase)
            if tuple(words[k:k + n - 1]) == phrase[:-1] and k + n <= len(words) and (
                    words[k + n - 1] == phrase[-1]
                    or phrase[-1].endswith("*") and words[k + n - 1].startswith(phrase[-1][:-1])):
                return value, n
        for prefix, value in self.prefixes:
            if words[k].startswith(prefix):
                return value, 1
        return None


@dataclass(frozen=True)
class _Lexicon:
    events: _PhraseTable
    nouns: _PhraseTable  # value: (role, category)

    @classmethod
    def from_table(cls, table: pd.DataFrame) -> "_Lexicon":
        events = [(t, c) for c, r, t in table[["category", "role", "term"]].itertuples(index=False) if r == "event"]
        nouns = [(t, (r, c)) for c, r, t in table[["category", "role", "term"]].itertuples(index=False) if r != "event"]
        return cls(_PhraseTable(events), _PhraseTable(nouns))


@lru_cache(maxsize=1)
def _default_lexicon() -> _Lexicon:
    return _Lexicon.from_table(load_lexicon())


@lru_cache(maxsize=1)
def _hedge_table() -> _PhraseTable:
    return _PhraseTable((h, True) for h in load_hedges())


def _lexicon(lexicon) -> _Lexicon:
    if lexicon is None:
        return _default_lexicon()
    table = lexicon if isinstance(lexicon, pd.DataFrame) else load_lexicon(lexicon)
    return _Lexicon.from_table(table)


# ------------------------------------------------------------------ extract


def extract_claims(docs: pd.DataFrame, *, include=ANALYSED, lexicon=None) -> pd.DataFrame:
    """One row per mention of a claimed figure in ``docs``.

    Parameters
    ----------
    docs : pandas.DataFrame
        The output of :func:`analysis.load_corpus` (needs ``doc_id``,
        ``outlet``, ``raw_text``, ``spans``).
    include : tuple of str or "all", default ("headline", "body")
        Segment labels to read; reader comments, captions and off-topic
        paragraphs are left out unless named here.
    lexicon : path-like or pandas.DataFrame, optional
        Category lexicon (see :func:`load_lexicon`); default the shipped one.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`CLAIM_COLUMNS`: ``doc_id, outlet, category``,
        ``value_low, value_high`` (nullable integers; empty when open),
        ``qualifier`` (exact, approximate, lower_bound, upper_bound, range,
        vague), ``hedged`` (bool), ``attributed_to`` ("" when the article
        speaks in its own voice), ``stated`` (the words of the figure),
        ``sentence``, and ``start, end``: offsets of ``stated`` in ``raw_text``.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "outlet": [""], "raw_text": [
    ...     "Police say dozens of men were arrested. Over 100 have reportedly fled."],
    ...     "spans": [(("body", 0, 70),)]})
    >>> extract_claims(docs)[["category", "value_low", "qualifier", "hedged", "attributed_to"]].values.tolist()
    [['detained', 24, 'vague', False, 'police'], ['fled_or_evacuated', 101, 'lower_bound', True, '']]
    """
    keep = set(include_labels(include))
    lex = _lexicon(lexicon)
    gazetteer = Gazetteer.from_texts(docs["raw_text"])
    rows = []
    for doc_id, outlet, raw, spans in zip(docs["doc_id"], docs["outlet"], docs["raw_text"], docs["spans"]):
        sentences = [(s0 + a, s0 + b) for label, s0, s1 in spans if label in keep
                     for a, b in sentence_spans(raw[s0:s1])]
        found = [(i, claim) for i, (a, b) in enumerate(sentences) for claim in _sentence_claims(raw[a:b], lex)]
        if not found:
            continue
        sources = DocumentSources(raw, sentences, gazetteer)
        for i, (figure, category, words) in found:
            a, b = sentences[i]
            source, verb = sources.for_position(i, a + figure.start)
            rows.append({
                "doc_id": doc_id, "outlet": outlet if isinstance(outlet, str) else "", "category": category,
                "value_low": figure.low, "value_high": figure.high, "qualifier": figure.qualifier,
                "hedged": _is_hedged(words, verb if source else None),
                "attributed_to": source, "stated": figure.stated, "sentence": raw[a:b],
                "start": a + figure.start, "end": a + figure.end,
            })
    return _claims_frame(rows)


def _claims_frame(rows) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    for column in ("value_low", "value_high"):
        table[column] = table[column].astype("Int64")
    table["hedged"] = table["hedged"].astype(bool)
    for column in ("start", "end"):
        table[column] = table[column].astype("int64")
    for column in ("doc_id", "outlet", "category", "qualifier", "attributed_to", "stated", "sentence"):
        table[column] = table[column].astype(object)
    return table


def _sentence_claims(sentence: str, lex: _Lexicon):
    """``(figure, category, words)`` for each figure of ``sentence`` that is a claim."""
    figures = find_figures(sentence)
    if not figures:
        return []
    tokens = word_tokens(sentence)
    words = [t for t, _, _ in tokens]
    out = []
    bounds = [f for f in figures if not f.low == f.high == 1]  # "held in one cell" is no boundary
    for figure in figures:
        lo = max([f.last for f in bounds if f.last <= figure.first], default=0)
        hi = min([f.first for f in bounds if f.first >= figure.last], default=len(words))
        category = _category(words, tokens, sentence, figure, lo, hi, lex)
        if category is not None:
            out.append((figure, category, words))
    return out


def _category(words, tokens, sentence, figure, lo, hi, lex) -> str | None:
    """The claim category of ``figure``, or None when it is not a claim."""
    role, noun_category, noun_end = _counted_noun(words, tokens, sentence, figure.last, lex)
    if role in ("ignore", "unknown"):
        return None
    if role == "place":
        return noun_category
    if figure.low == 1 and figure.high == 1 and not _singular_is_a_count(words, noun_end, role, lex):
        return None  # "one man claiming ...", "one of which": an anecdote, not a count
    bare = role is None
    if bare and re.search(r"\d\.\d", figure.stated):
        return None  # "held a further 1.99 mln": a quantity, not people
    event = _event_category(words, figure, lo, hi, lex, bare=bare)
    if event is not None:
        return event
    return noun_category or None


def _counted_noun(words, tokens, sentence, k, lex):
    """``(role, category, end)`` of the noun a figure counts, looking at up to 3 words after it.

    role is "place", "person" or "ignore" from the lexicon, "unknown" for other
    nouns ("3 bombs"), or None when the figure stands alone ("three died").
    """
    if k < len(words) and words[k] == "of":
        k += 1 + (k + 1 < len(words) and words[k + 1] in ("the", "these", "those"))
    seen = 0
    for j in range(k, min(len(words), k + 6)):
        w = words[j]
        hit = lex.nouns.at(words, j) if w[0].isalpha() else None
        if hit is not None:
            (role, category), n = hit
            return role, (category if category != "people" else ""), j + n
        if w[0].isdigit():
            return "unknown", "", k  # "eleven 747s"
        if not w[0].isalpha() or w in FUNCTION_WORDS:
            break
        if lex.events.at(words, j) is not None and seen == 0:
            break  # "three died"
        if w.endswith("ly"):
            continue  # "three apparently died"
        original = sentence[tokens[j][1]:tokens[j][2]]
        if original[:1].isupper() and w.endswith("s") and not w.endswith("'s") and seen == 0:
            return "person", "", j + 1  # "three Chechens"
        seen += 1
        if seen == 3:
            break
    return ("unknown" if seen else None), "", k


def _singular_is_a_count(words, noun_end, role, lex) -> bool:
    """"one man was killed" counts; "one man claiming ..." tells a story."""
    if role != "person" or noun_end >= len(words):
        return False
    if lex.events.at(words, noun_end) is not None:
        return True
    return words[noun_end] in ("was", "is", "has", "had") and any(
        lex.events.at(words, j) for j in range(noun_end + 1, min(noun_end + 4, len(words))))


def _event_category(words, figure, lo, hi, lex, *, bare=False) -> str | None:
    """The event word that says what happened to the people counted.

    In order: "the detention of [figure]"; the nearest event word after the
    figure in its clause; the nearest one before it (for a figure without a
    noun, only the word just before it: "injured at least three", "kept
    altogether, around 30"). Categories in :data:`OUTRANKING` come first.
    """
    before = figure.first - 1
    if before >= 1 and words[before] == "of":  # "the detention of over a hundred"
        hit = lex.events.at(words, before - 1)
        if hit is not None:
            return hit[0]
    after = []
    for j in range(figure.last, min(hi, figure.last + EVENT_WINDOW)):
        if words[j] in _CLAUSE_ENDS:
            break
        hit = lex.events.at(words, j)
        if hit is not None:
            after.append(hit[0])
    earlier = []
    reach = 2 if bare else EVENT_WINDOW
    for j in range(figure.first - 1, max(lo, figure.first - reach - 3) - 1, -1):
        if words[j] in (";", ":"):
            break
        hit = lex.events.at(words, j)
        end = j + (hit[1] if hit else 0)
        if hit and (end == figure.first or not bare and end <= figure.first
                    or end == figure.first - 1 and words[end] == ","):
            earlier.append(hit[0])
    for category in OUTRANKING:
        if category in after or category in earlier:
            return category
    return (after or earlier or [None])[0]


def _is_hedged(words, verb) -> bool:
    """A hedge phrase anywhere in the sentence, other than a named source's reporting verb."""
    table = _hedge_table()
    for k in range(len(words)):
        hit = table.at(words, k)
        if hit is not None and not (verb is not None and k == verb and hit[1] == 1):
            return True
    return False


# ------------------------------------------------------------------ scoring


def load_gold_claims(path=SEED_CLAIMS_CSV) -> pd.DataFrame:
    """Hand-annotated claims (``seed_claims.csv``) in the shape of :func:`extract_claims`.

    ``file`` becomes ``doc_id`` (without ``.txt``) and ``quote`` becomes ``sentence``.

    >>> gold = load_gold_claims()
    >>> len(gold), gold.loc[0, "doc_id"], int(gold.loc[0, "value_low"])
    (18, '000_aa049eff8b86ffac', 100)
    """
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    table = pd.DataFrame({
        "doc_id": gold["file"].str.replace(r"\.(txt|md)$", "", regex=True),
        "category": gold["category"],
        "value_low": pd.to_numeric(gold["value_low"].replace("", None)).astype("Int64"),
        "value_high": pd.to_numeric(gold["value_high"].replace("", None)).astype("Int64"),
        "qualifier": gold["qualifier"],
        "hedged": gold["hedged"].str.lower().isin(["true", "1", "yes"]),
        "attributed_to": gold["attributed_to"],
        "sentence": gold["quote"],
    })
    for column in ("doc_id", "category", "qualifier", "attributed_to", "sentence"):
        table[column] = table[column].astype(object)
    return table


def _same_source(a: str, b: str) -> bool:
    """Lenient comparison of sources: case, quotes, spacing and a leading "the" ignored."""
    def norm(s):
        s = " ".join(normalize_for_matching(str(s)).casefold().split())
        return re.sub(r"^the ", "", s)
    return norm(a) == norm(b)


def _key(row):
    low = None if pd.isna(row["value_low"]) else int(row["value_low"])
    high = None if pd.isna(row["value_high"]) else int(row["value_high"])
    return row["doc_id"], row["category"], low, high


def match_claims(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Pair predicted and gold claims on (document, category, bounds).

    Each gold claim is paired with at most one predicted claim with the same
    key, preferring one from the same sentence.

    Returns
    -------
    pandas.DataFrame
        One row per gold claim and per unpaired predicted claim: ``status``
        (matched, missed, extra), ``doc_id, category, value_low, value_high``,
        then ``qualifier, hedged, attributed_to`` of each side
        (``*_gold`` / ``*_predicted``), ``agrees`` (a matched pair agrees on
        all three; sources compared as in :func:`score_claims`) and ``sentence``.
    """
    used: set[int] = set()
    by_key: dict = {}
    for index, row in predicted.iterrows():
        by_key.setdefault(_key(row), []).append(index)
    rows = []
    fields = ("qualifier", "hedged", "attributed_to")
    for _, g in gold.iterrows():
        options = [i for i in by_key.get(_key(g), []) if i not in used]
        same = [i for i in options if " ".join(str(predicted.at[i, "sentence"]).split()) == " ".join(g["sentence"].split())]
        pick = (same or options or [None])[0]
        row = {"status": "missed" if pick is None else "matched", "doc_id": g["doc_id"], "category": g["category"],
               "value_low": g["value_low"], "value_high": g["value_high"], "sentence": g["sentence"]}
        for f in fields:
            row[f"{f}_gold"] = g[f]
            row[f"{f}_predicted"] = None if pick is None else predicted.at[pick, f]
        if pick is not None:
            used.add(pick)
        rows.append(row)
    for index, p in predicted.iterrows():
        if index not in used:
            row = {"status": "extra", "doc_id": p["doc_id"], "category": p["category"],
                   "value_low": p["value_low"], "value_high": p["value_high"], "sentence": p["sentence"]}
            for f in fields:
                row[f"{f}_gold"] = None
                row[f"{f}_predicted"] = p[f]
            rows.append(row)
    columns = ["status", "doc_id", "category", "value_low", "value_high",
               *[f"{f}_{side}" for f in fields for side in ("gold", "predicted")], "agrees", "sentence"]
    for row in rows:
        row["agrees"] = row["status"] == "matched" and all(_agree(row, f) for f in fields)
    table = pd.DataFrame(rows, columns=columns)
    for column in ("value_low", "value_high"):
        table[column] = table[column].astype("Int64")
    return table


def score_claims(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.Series:
    """Precision and recall on (document, category, bounds), and agreement on the rest.

    Agreement is the share of matched claims whose ``qualifier``, ``hedged``
    and ``attributed_to`` equal the gold ones; sources are compared ignoring
    case, quote style, spacing and a leading "the".

    Returns
    -------
    pandas.Series
        ``n_gold, n_predicted, n_matched, precision, recall, qualifier_agreement,
        hedged_agreement, attribution_agreement``.

    Examples
    --------
    >>> gold = load_gold_claims()
    >>> scores = score_claims(gold.assign(outlet="", stated="", start=0, end=0), gold)
    >>> float(scores["precision"]), float(scores["recall"])
    (1.0, 1.0)
    """
    pairs = match_claims(predicted, gold)
    matched = pairs[pairs["status"] == "matched"].to_dict("records")
    n = len(matched)

    def share(field) -> float:
        return sum(_agree(row, field) for row in matched) / n if n else float("nan")

    return pd.Series({
        "n_gold": len(gold),
        "n_predicted": len(predicted),
        "n_matched": n,
        "precision": n / len(predicted) if len(predicted) else float("nan"),
        "recall": n / len(gold) if len(gold) else float("nan"),
        "qualifier_agreement": share("qualifier"),
        "hedged_agreement": share("hedged"),
        "attribution_agreement": share("attributed_to"),
    }, dtype=object)


def check_quality(scores: pd.Series, *, min_precision: float = 0.95, min_recall: float = 0.95,
                  min_agreement: float = 0.9) -> pd.DataFrame:
    """The quality gates: each score of :func:`score_claims` against its threshold.

    >>> gold = load_gold_claims()
    >>> check_quality(score_claims(gold, gold))["passed"].all()
    np.True_
    """
    thresholds = {"precision": min_precision, "recall": min_recall, "qualifier_agreement": min_agreement,
                  "hedged_agreement": min_agreement, "attribution_agreement": min_agreement}
    table = pd.DataFrame({"metric": list(thresholds), "score": [round(float(scores[m]), 3) for m in thresholds],
                          "threshold": list(thresholds.values())})
    table["passed"] = table["score"] >= table["threshold"]
    return table


def _agree(row: dict, field: str) -> bool:
    gold, predicted = row[f"{field}_gold"], row[f"{field}_predicted"]
    if field == "attributed_to":
        return _same_source(gold, predicted)
    if field == "hedged":
        return bool(gold) == bool(predicted)
    return gold == predicted


# ---------------------------------------------------------------- summaries


def claims_by_source(claims: pd.DataFrame) -> pd.DataFrame:
    """Per outlet and category: the figures claimed, how firmly, and on whose word.

    Returns
    -------
    pandas.DataFrame
        ``outlet`` (the doc_id when the outlet is unknown), ``category``,
        ``n_mentions``, ``lowest`` and ``highest`` (the smallest and largest
        figure stated, bounds included), ``qualifiers`` (distinct, ``; ``-joined),
        ``share_hedged``, ``sources`` (distinct; "own voice" when unattributed).

    Examples
    --------
    >>> claims = pd.DataFrame({"doc_id": ["a", "a"], "outlet": ["Daily", "Daily"],
    ...     "category": ["killed", "killed"], "value_low": pd.array([3, 5], dtype="Int64"),
    ...     "value_high": pd.array([3, None], dtype="Int64"), "qualifier": ["exact", "lower_bound"],
    ...     "hedged": [True, False], "attributed_to": ["", "Police"]})
    >>> claims_by_source(claims).to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'outlet': 'Daily', 'category': 'killed', 'n_mentions': 2, 'lowest': 3, 'highest': 5,
      'qualifiers': 'exact; lower_bound', 'share_hedged': 0.5, 'sources': 'Police; own voice'}]
    """
    columns = ["outlet", "category", "n_mentions", "lowest", "highest", "qualifiers", "share_hedged", "sources"]
    if claims.empty:
        return pd.DataFrame(columns=columns)
    table = claims.assign(
        outlet=outlet_labels(claims),
        _low=claims["value_low"].fillna(claims["value_high"]),
        _high=claims["value_high"].fillna(claims["value_low"]),
        _source=claims["attributed_to"].where(claims["attributed_to"] != "", "own voice"),
    )
    grouped = table.groupby(["outlet", "category"], sort=True)
    summary = grouped.agg(
        n_mentions=("category", "size"), lowest=("_low", "min"), highest=("_high", "max"),
        qualifiers=("qualifier", lambda s: "; ".join(sorted(set(s)))),
        share_hedged=("hedged", "mean"), sources=("_source", lambda s: "; ".join(sorted(set(s)))),
    ).reset_index()
    summary["share_hedged"] = summary["share_hedged"].astype(float).round(3)
    return summary[columns]


def provenance(claims: pd.DataFrame) -> pd.DataFrame:
    """How many claims each outlet attributes to each originator.

    Returns
    -------
    pandas.DataFrame
        ``outlet`` ("(unknown: <doc_id>)" when blank), ``originator`` ("own voice" when the
        outlet states the figure itself), ``n_claims``; sorted by outlet, then
        most claims first.

    >>> provenance(pd.DataFrame({"doc_id": ["a", "a", "b"], "outlet": ["X", "X", ""],
    ...     "attributed_to": ["Police", "Police", ""]})).values.tolist()
    [['(unknown: b)', 'own voice', 1], ['X', 'Police', 2]]
    """
    table = pd.DataFrame({
        "outlet": outlet_labels(claims),
        "originator": claims["attributed_to"].where(claims["attributed_to"] != "", "own voice").astype(object),
    })
    counts = table.groupby(["outlet", "originator"]).size().rename("n_claims").reset_index()
    counts = counts.sort_values(["outlet", "n_claims", "originator"], ascending=[True, False, True])
    return counts.reset_index(drop=True)


def evidence_html(claims: pd.DataFrame, *, docs: pd.DataFrame | None = None) -> str:
    """An HTML table of the claims, each sentence with its figure marked.

    All text is escaped. With ``docs`` (the corpus the claims came from) the
    figure is found by its offsets; without, by its ``k``-th occurrence among
    the claims of the same sentence.

    >>> claims = pd.DataFrame({"doc_id": ["a"], "outlet": [""], "category": ["killed"],
    ...     "value_low": [3], "value_high": [None], "qualifier": ["lower_bound"], "hedged": [False],
    ...     "attributed_to": ["<b>"], "stated": ["at least 3"], "sentence": ["Men: at least 3 died."],
    ...     "start": [5], "end": [15]})
    >>> "Men: <mark>at least 3</mark> died." in evidence_html(claims), "&lt;b&gt;" in evidence_html(claims)
    (True, True)
    """
    raw_by_doc = dict(zip(docs["doc_id"], docs["raw_text"])) if docs is not None else {}
    seen: Counter = Counter()
    body = []
    for row in claims.sort_values(["doc_id", "start"]).itertuples(index=False):
        sentence, stated = str(row.sentence), str(row.stated)
        at = None
        raw = raw_by_doc.get(row.doc_id)
        if raw is not None:
            s = raw.rfind(sentence, 0, row.start + len(sentence))
            at = row.start - s if s >= 0 and sentence[row.start - s:row.end - s] == stated else None
        if at is None:
            key = (row.doc_id, sentence, stated)
            at = -1
            for _ in range(seen[key] + 1):
                at = sentence.find(stated, at + 1)
            seen[key] += 1
            at = max(at, 0)
        marked = (html.escape(sentence[:at]) + "<mark>" + html.escape(sentence[at:at + len(stated)])
                  + "</mark>" + html.escape(sentence[at + len(stated):]))
        bounds = _bounds_text(row.value_low, row.value_high)
        cells = [row.outlet or row.doc_id, row.category, bounds, row.qualifier,
                 "yes" if row.hedged else "", row.attributed_to or "own voice"]
        body.append("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + f"<td>{marked}</td></tr>")
    head = "".join(f"<th>{h}</th>" for h in ("outlet", "category", "figure", "qualifier", "hedged", "source", "sentence"))
    return f'<table class="claims-evidence"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _bounds_text(low, high) -> str:
    low = None if pd.isna(low) else int(low)
    high = None if pd.isna(high) else int(high)
    if low is not None and high is not None:
        return str(low) if low == high else f"{low}-{high}"
    if low is not None:
        return f"{low}+"
    return f"up to {high}" if high is not None else ""
