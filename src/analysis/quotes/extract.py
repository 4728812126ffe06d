"""Find quotations: one row per thing an article says a speaker said, with its speaker and offsets.

A quotation is found from its *frame*, the cue (a reporting verb: "said",
"told", "insisted", "according to") and the clause it reports, read on the
sentences of :func:`analysis.text.sentence_spans` with the tokens of
:func:`analysis.numbers.word_tokens`. Quotation marks come from the one
quotation-region finder, :func:`analysis.attribution.quote_regions`, and the
speaker of every frame from the one speaker-finder,
:class:`analysis.attribution.DocumentSources` (which also resolves "he said"
and "the spokesman said"). What this module adds is the shape of the frame:

* a **leading** frame ("X said (that) ...", "X told reporters ...", "X urged Y
  to ...", "X wrote: ..."): the clause runs from after the cue to the end of
  the sentence, or to a channel frame (", the paper reports") or a second cue
  coordinated by a comma (", saying ...");
* a **trailing** frame ("..., X said.", "...," said X): the clause is what
  comes before the comma;
* an **interrupting** frame ("The bridge, the mayor said, is safe"): the whole
  sentence is the clause, the frame inside it;
* "X says that Y said ...": the inner frame is the quotation, the outer one its
  channel (``QUOTES_GUIDE.md``, "One outlet quoting another").

The clause is ``direct`` when quotation marks enclose all of it (the marked
words are the span, even when they run over several paragraphs), ``mixed``
when they enclose part of it, ``indirect`` otherwise. A quoted sentence with no
frame continues the quotation before it when one is near, and is ``unknown``
otherwise; quoted words inside the writer's own sentence are scare quotes and
give no row.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from ..attribution import (
    CLAUSE_ONLY_VERBS, DOCUMENT_NOUNS, ORG_WORDS, PREPOSITIONS, REPORTING_VERBS, TITLE_WORDS, DocumentSources,
    Gazetteer, find_source, named_after, quote_regions, sex_marks,
)
from ..loading import as_documents
from ..numbers import word_tokens
from ..segmenting import ANALYSED, include_labels
from ..text import MAX_SENTENCE_CHARS, STOPWORDS, sentence_spans, warn_unread_sentences

__all__ = ["QUOTE_COLUMNS", "CUES", "full_name", "quotations", "split_speaker"]

#: Columns of :func:`quotations`, in order.
QUOTE_COLUMNS = ["doc_id", "outlet", "kind", "speaker", "speaker_org", "cue", "quote", "start", "end", "rule"]

#: Reporting verbs by lemma, with the forms a quotation's cue can take (QUOTES_GUIDE.md, "Reporting verbs").
CUES = {
    "say": "say says said saying", "tell": "tell tells told telling", "add": "add adds added adding",
    "claim": "claim claims claimed claiming", "allege": "allege alleges alleged alleging",
    "report": "report reports reported reporting", "state": "state states stated stating",
    "write": "write writes wrote writing", "insist": "insist insists insisted insisting",
    "maintain": "maintain maintains maintained maintaining", "deny": "deny denies denied denying",
    "refute": "refute refutes refuted refuting", "reject": "reject rejects rejected rejecting",
    "dismiss": "dismiss dismisses dismissed dismissing",
    "reveal": "reveal reveals revealed revealing", "find": "find finds found", "warn": "warn warns warned warning",
    "urge": "urge urges urged urging", "ask": "ask asks asked asking", "call": "call calls called calling",
    "relate": "relate relates related", "continue": "continue continues continued",
    "speak": "speak speaks spoke speaking", "explain": "explain explains explained explaining",
    "note": "note notes noted noting", "confirm": "confirm confirms confirmed confirming",
    "announce": "announce announces announced announcing", "declare": "declare declares declared declaring",
    "admit": "admit admits admitted admitting", "argue": "argue argues argued arguing",
    "stress": "stress stresses stressed stressing", "complain": "complain complains complained complaining",
    "acknowledge": "acknowledge acknowledges acknowledged acknowledging",
}
_LEMMA = {form: lemma for lemma, forms in CUES.items() for form in forms.split()}
#: Cues that report a clause whatever follows ("Leaders maintain no camps exist").
CLAUSE_CUES = {"say", "claim", "allege", "insist", "maintain", "add", "state", "write", "continue",
               "explain", "note", "argue", "stress", "complain", "relate", "speak"}
#: Cues whose object is a person asked to act: the clause is "to ..." after that person ("urged Russia to act").
REQUEST_CUES = {"urge", "ask", "call", "warn", "tell"}
#: Forms that are also plural nouns ("the claims", "reports from X allege"): a cue only after a subject.
_NOUN_FORMS = {"claims", "reports", "states", "finds", "calls", "notes", "stresses", "found"}
_DETERMINERS = {"the", "a", "an", "these", "those", "his", "her", "their", "its", "our", "such", "of", "new",
                "initial", "many", "multiple", "some", "any", "no", "numerous", "several", "other", "further"}
_PASSIVE = {"is", "are", "was", "were", "be", "been", "being"}
#: Words before a base form that make it an infinitive or a verb after a modal ("to say", "will continue").
_MODALS = {"to", "will", "would", "can", "could", "may", "might", "should", "shall", "must", "not", "did", "do",
           "does", "never", "also"}
#: Words that open a reported clause right after the cue and its addressee.
_CLAUSE_OPENERS = {"they", "he", "she", "it", "we", "i", "you", "there"}
#: Auxiliaries: one of them soon after a cue shows it reports a clause, not a noun phrase ("revealed gay men are held").
_AUXILIARIES = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "do", "does",
                "did", "must", "may", "might", "should", "shall", "exist", "exists"}
#: Cues that take a clause or a noun phrase ("denied there were any", "denied the allegations").
_CLAUSE_OR_OBJECT_CUES = {"deny", "refute", "reject", "dismiss", "reveal", "find", "report", "confirm", "admit", "announce", "acknowledge", "declare"}
#: Nouns that carry the reported clause after a cue ("revealed claims the men were ...").
_CONTENT_NOUNS = {"claims", "allegations", "reports", "evidence", "fears", "concerns", "rumours", "rumors"}
_PREPOSITIONS = PREPOSITIONS
_QUOTE_CHARS = "\"'"
_END_PUNCT = " \n\t.,;:!?"

#: Verbs that issue a document ("launched a petition calling on ...", "issued a statement saying ...").
ISSUING_VERBS = set("""issue issues issued launch launches launched publish publishes published release releases
released sign signs signed post posts posted circulate circulates circulated deliver delivers delivered present
presents presented submit submits submitted file files filed tweet tweets tweeted send sends sent write writes wrote
written""".split())
#: Words between the determiner and a document noun ("a strongly worded joint statement").
DOCUMENT_MODIFIER_WORDS = 3
#: Words between a cue and the clause it reports that can be an addressee or an adjunct ("told the press",
#: "wrote in an official statement:"); beyond this the cue has no clause.
ADDRESSEE_MAX_WORDS = 6
#: Words between a request cue and its "to" ("calling on authorities governing the southern republic to cease").
REQUEST_MAX_WORDS = 14
#: Words looked at after a cue for an auxiliary that shows a clause (a noun phrase object is shorter).
CLAUSE_VERB_WINDOW = 6
#: Words of a trailing frame's sayer ("..., the Russia project coordinator said"): a longer run is a clause.
TRAILING_FRAME_WORDS = 12
#: Words after a trailing frame's cue: an addressee or an adjunct ("told Interfax in a chilling interview").
TRAILING_AFTER_WORDS = 6
#: Words of the sayer after an inverted cue that follows a comma (", said the city engineer."); a longer run
#: is the reported clause of a subject before the comma ("Police, citing witnesses, said the fire started").
INVERTED_SAYER_WORDS = 4
#: Words between an outer cue's "that" and an inner cue for "X says that Y said ..." to read as nested.
NESTED_SUBJECT_WORDS = 16
#: Words a reported clause needs ("denied ‘purge’" reports no clause).
CLAUSE_MIN_WORDS = 2
#: Characters of a clause that may lie outside the marks and it still be direct (a comma, a full stop).
DIRECT_SLACK_CHARS = 3
#: Words a quoted sentence with no frame needs to count as a quotation (shorter ones are titles or slogans).
STANDALONE_MIN_WORDS = 5
#: Tokens between a frameless quotation and the next sentence's start (its closing mark and full stop) for that
#: sentence's speaker to be the quotation's: only the very next sentence.
NEXT_FRAME_GAP_TOKENS = 3
#: Characters back to the previous quotation for a frameless quoted sentence to continue it.
CONTINUATION_MAX_CHARS = 400


@dataclass
class _Row:
    kind: str
    start: int
    end: int
    cue: str
    frame: tuple  # (sentence_start, sentence_end, frame_start, frame_end, verb_start, verb_end); () if none
    rule: str
    units: tuple = ()


def split_speaker(source: str) -> tuple[str, str]:
    """``speaker, speaker_org`` from the speaker-finder's text (``Name (Organisation)`` form).

    A spokesperson named by whom they speak for keeps the office as the speaker
    (QUOTES_GUIDE.md, "Who is the speaker").

    >>> split_speaker("Maria Lopez (Harbour Workers Union)")
    ('Maria Lopez', 'Harbour Workers Union')
    >>> split_speaker("Ministry of Transport spokesperson")
    ('spokesperson', 'Ministry of Transport')
    >>> split_speaker("his spokesperson")
    ('spokesperson', '')
    >>> split_speaker("police (citing witnesses)")
    ('police', '')
    """
    source = re.sub(r"^(?:(?:the|a|an|his|her|their|its|numerous|many|several|some|other|one(?! who)) )+", "",
                    source.strip(), flags=re.IGNORECASE) or source
    source = re.sub(r" \(citing [^)]*\)$", "", source)  # "police (citing witnesses)": the police spoke
    m = re.fullmatch(r"(.+?) \((.+)\)", source)
    if m:
        return m.group(1), m.group(2)
    words = source.split()
    if len(words) > 1 and words[-1].lower() in {"spokesman", "spokeswoman", "spokesperson", "representative"}:
        return words[-1].lower(), " ".join(words[:-1])
    return source, ""


def quotations(docs: pd.DataFrame, *, include=ANALYSED) -> pd.DataFrame:
    """One row per quotation in ``docs``: who is quoted, how, and where.

    Parameters
    ----------
    docs : pandas.DataFrame
        The output of :func:`analysis.load_corpus` (``doc_id``, ``outlet``,
        ``raw_text``, ``spans``).
    include : tuple of str or "all", default ("headline", "body")
        Segment labels read; quotations in reader comments, captions and
        off-topic paragraphs are left out unless named here.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`QUOTE_COLUMNS`: ``outlet`` as in ``docs`` ("" when
        unknown; :func:`analysis.labels.outlet_labels` labels such rows by
        document), ``kind`` (direct, indirect, mixed),
        ``speaker`` and ``speaker_org`` (``Name (Organisation)`` split in two;
        ``unknown`` when the article never says who spoke), ``cue`` (the
        reporting verb as written), ``quote`` = ``raw_text[start:end]``, and
        ``rule``, how the frame and the speaker were found.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "outlet": ["Daily"], "raw_text": [
    ...     '"The bridge will reopen on Monday," Maria Lopez said. She added that it was safe.'],
    ...     "spans": [(("body", 0, 83),)]})
    >>> quotations(docs)[["kind", "speaker", "cue", "quote"]].values.tolist()
    [['direct', 'Maria Lopez', 'said', 'The bridge will reopen on Monday,'], ['indirect', 'Maria Lopez', 'added', 'it was safe']]
    """
    docs = as_documents(docs)
    keep = set(include_labels(include))
    gazetteer = Gazetteer.from_texts(docs["raw_text"])
    names_of = [_names(raw) for raw in docs["raw_text"]]
    corpus_names = Names(n for names in names_of for n in names)
    # words the corpus writes in lower case: a name made of them is not a person's ("General Electric")
    lower_words = frozenset(w.strip(_WORD_EDGES) for raw in docs["raw_text"] for w in raw.split() if w[:1].islower())
    records, unread = [], []
    for doc_id, outlet, raw, spans, names in zip(docs["doc_id"], docs["outlet"], docs["raw_text"], docs["spans"],
                                                 names_of):
        outlet = outlet if isinstance(outlet, str) else ""
        kept = [(s0, s1) for label, s0, s1 in spans if label in keep]
        sentences = [(s0 + a, s0 + b) for s0, s1 in kept for a, b in sentence_spans(raw[s0:s1])]
        long = [(a, b) for a, b in sentences if b - a > MAX_SENTENCE_CHARS]
        if long:  # not prose: neither its frames nor the quotations inside it are read
            unread += [(doc_id, a) for a, _ in long]
            sentences = [(a, b) for a, b in sentences if b - a <= MAX_SENTENCE_CHARS]
            kept = [piece for s0, s1 in kept for piece in _without(s0, s1, long)]
        regions = quote_regions(raw)  # read once: the units and the speakers' hidden spans
        units = _quote_units(raw, kept, regions)
        rows = _document_rows(raw, sentences, units)
        doc_names = Names(names)
        for row, speaker, rule in _speakers(raw, rows, gazetteer, regions):
            name, org = split_speaker(speaker) if speaker else ("unknown", "")
            person = gazetteer.kind(name) == "person"
            full = full_name(name, doc_names, Names() if person else corpus_names, person=person,
                             gazetteer=gazetteer, lower_words=lower_words)
            if full != name:
                name, rule = full, f"{rule}; '{name}' written in full as in the articles"
            records.append({"doc_id": doc_id, "outlet": outlet, "kind": row.kind, "speaker": name,
                            "speaker_org": org, "cue": row.cue, "quote": raw[row.start:row.end],
                            "start": row.start, "end": row.end, "rule": f"{row.rule}; speaker: {rule}"})
    warn_unread_sentences(unread, "quotations")
    table = pd.DataFrame(records, columns=QUOTE_COLUMNS)
    for column in ("start", "end"):
        table[column] = table[column].astype("int64")
    for column in set(QUOTE_COLUMNS) - {"start", "end"}:
        table[column] = table[column].astype(object)
    return table


def _without(start: int, end: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``[start, end)`` without the spans ``holes`` (sorted, not overlapping).

    >>> _without(0, 100, [(10, 20), (50, 60)])
    [(0, 10), (20, 50), (60, 100)]
    """
    pieces = []
    for a, b in holes:
        if a >= end or b <= start:
            continue
        if a > start:
            pieces.append((start, a))
        start = max(start, b)
    if start < end:
        pieces.append((start, end))
    return pieces


# ------------------------------------------------------------ names

_NAME_RUN = re.compile(r"(?<![\w'’])(?:[A-Z][\w’'&.-]*)(?: (?:of |for |and |on )?[A-Z][\w’'&.-]*)*")
#: Words of the longest name a speaker is written in full as ("Russian LGBT Network" for "LGBT Network").
FULL_NAME_MAX_WORDS = 4
#: Corporate suffixes: a run ending in one names a company, not a person after a title ("General Electric Co").
_CORPORATE_WORDS = {"co", "plc", "nv", "ag", "sa", "limited", "llc", "bv", "gmbh", "spa"}
#: A capitalised run up to a sentence's end inside it: a word of 3+ lower-case letters, then ". ".
_SENTENCE_PIECE = re.compile(r".+?(?:(?<=[a-z]{3})\.(?= )|$)")
_WORD_EDGES = ".,;:!?\"'()[]\u201c\u201d\u2018\u2019"


def _names(raw: str) -> list[str]:
    """Capitalised runs of ``raw`` that can name a speaker, a possessive and a leading "The" dropped.

    A possessor after "the" is a phrase of its own ("the UK's Metro News" names Metro News; "Moody's
    Investors Service" stays whole), and a person after a title is named without it ("Oil Minister
    Hisham Nazer" names Hisham Nazer, so that a later "Nazer" is written in full).

    >>> _names("Read by the UK's Metro News, Oil Minister Hisham Nazer, and Moody's Investors Service")
    ['Read', 'Metro News', 'Hisham Nazer', "Moody's Investors Service"]
    """
    out = []
    runs = ((m.start(), m.group()) for m in _NAME_RUN.finditer(raw))
    # a run does not cross a sentence's end ("on Monday. Nazer said"): a word of 3+ lower-case letters then "."
    pieces = ((start + piece.start(), piece.group()) for start, run in runs
              for piece in (re.finditer(_SENTENCE_PIECE, run) if ". " in run else [re.match(".*", run)]))
    for start, run in pieces:
        start, run = start + len(run) - len(run.lstrip()), run.strip()
        after_the = raw[max(0, start - 4):start].lower() == "the " or run.startswith("The ")
        name = re.sub(r"^(?:The|A|An|In|As|According|But|And) ", "", run)
        name = re.sub(r"[’']s$", "", name).strip(" .")
        words = name.split()
        if len(words) > 1 and re.search(r"[’']s$", words[0]) and after_the:
            words = words[1:]
        titled = [k for k, w in enumerate(words) if w.lower() in TITLE_WORDS]
        person = words[titled[-1] + 1:] if titled else []
        if person and all(w[:1].isupper() and w.lower().strip(".") not in ORG_WORDS | _CORPORATE_WORDS
                          for w in person) and (len(person) >= 2 or titled[-1] > 0):
            words = person  # "Oil Minister Hisham Nazer", "USDA Secretary Lyng"; not "General Motors Corp"
        name = " ".join(words)
        if " " in name or len(name) > 1:
            out.append(name)
    return out


def full_name(name: str, doc_names: Counter, corpus_names: Counter, *, person: bool = False,
              gazetteer: Gazetteer | None = None, lower_words=frozenset()) -> str:
    """``name`` as the articles write it in full: the most frequent longer name, first in the document,
    then in the corpus, that begins or ends with it ("Amnesty" -> "Amnesty International").

    A person's surname alone becomes the full name the same article gives ("Kadyrov" -> "Ramzan
    Kadyrov"; pass an empty ``corpus_names``: another article's name is not this one's); a person
    named in full stays as written. From the corpus a person's name is not taken: a surname the
    article gives alone stays a surname (QUOTES_GUIDE.md), even when another article names a person
    with it. A person's name is one the ``gazetteer`` lists as a person's, or two or three capitalised
    words none of which names an organisation or is written in lower case in the corpus
    (``lower_words``): "Alvi Karimov", not "General Electric" ("general", "electric"). An unnamed
    source (lower case) is left as it is.

    >>> full_name("Amnesty", Counter({"Amnesty International": 1, "Amnesty": 3}), Counter())
    'Amnesty International'
    >>> full_name("Karimov", Counter({"Karimov": 1}), Counter({"Alvi Karimov": 2}))
    'Karimov'
    >>> full_name("activists", Counter({"Activists Union": 1}), Counter())
    'activists'
    """
    if not name[:1].isupper() or person and " " in name:
        return name
    gazetteer = gazetteer or Gazetteer({}, {}, set())
    for names, people in ((doc_names, True), (corpus_names, False)):
        names = names if isinstance(names, Names) else Names(names)
        longer = [n for n in names.longer(name) if (people or not _person_name(n, gazetteer, lower_words))
                  and not set(n.lower().split()) - set(name.lower().split()) & STOPWORDS]
        if longer:  # not "Only Volcker" (a sentence's first word); a run joined by "and" last
            return max(longer, key=lambda n: (" and " not in n, names[n], len(n), n))
    return name


def _person_name(name: str, gazetteer: Gazetteer, lower_words) -> bool:
    """Whether ``name`` names a person: listed as one, or 2-3 capitalised words, none of an organisation's
    nor written in lower case in the corpus.

    >>> _person_name("Alvi Karimov", Gazetteer({}, {}, set()), {"electric"})
    True
    >>> _person_name("General Electric", Gazetteer({}, {}, set()), {"electric"})
    False
    """
    if name in gazetteer.people:
        return True
    words = name.split()
    return 2 <= len(words) <= 3 and name not in gazetteer.organisations and all(
        w[:1].isupper() and w.replace("-", "").isalpha() and w.lower() not in ORG_WORDS | TITLE_WORDS
        and w.lower() not in lower_words for w in words)


class Names(Counter):
    """Names and how often they occur, indexed by the words they begin and end with."""

    def longer(self, name: str) -> list[str]:
        """The names of at most :data:`FULL_NAME_MAX_WORDS` words that begin or end with ``name`` and are longer."""
        if getattr(self, "_index", None) is None or self._size != len(self):
            self._index, self._size = {}, len(self)
            for n in self:
                words = tuple(n.split())
                if len(words) <= FULL_NAME_MAX_WORDS:
                    for k in range(1, len(words)):
                        self._index.setdefault(words[:k], set()).add(n)
                        self._index.setdefault(words[-k:], set()).add(n)
        return sorted(self._index.get(tuple(name.split()), ()))


# ------------------------------------------------------------ quotation marks


def _quote_units(raw: str, kept, regions) -> list[tuple[int, int, int, int]]:
    """``(open, close, content_start, content_end)`` of each quotation in the kept segments.

    ``regions`` are :func:`~analysis.attribution.quote_regions` of ``raw``. Regions
    of one quotation that runs over paragraphs (left open at a line's end, the
    next line opening with a mark) are joined into one unit.
    """
    regions = [r for r in regions if any(s0 <= r[0] < s1 for s0, s1 in kept)]
    units: list[list[int]] = []
    previous = None
    for start, end, chain in regions:
        line_end = raw.find("\n", start)
        line_end = len(raw) if line_end < 0 else line_end
        closed = end < line_end or raw[end - 1] in "\"'\u201d\u2019" and end - 1 > start
        if previous is not None and previous[2] == chain and not previous[3]:
            units[-1][1] = end
        else:
            units.append([start, end])
        previous = (start, end, chain, closed)
    out = []
    for start, end in units:
        inner_end = end - 1 if raw[end - 1] in "\"'\u201d\u2019\u2018" and end - 1 > start else end
        content = raw[start + 1:inner_end]
        out.append((start, end, start + 1 + (len(content) - len(content.lstrip())),
                    start + 1 + len(content.rstrip())))
    return out


def _unit_at(units, position):
    """Index of the quotation unit holding ``position`` (units are sorted and do not overlap), or None."""
    k = bisect.bisect_right(units, (position, float("inf"))) - 1
    return k if k >= 0 and units[k][0] <= position < units[k][1] else None


# ------------------------------------------------------------ frames


def _document_rows(raw: str, sentences, units) -> list[_Row]:
    rows: list[_Row] = []
    used: set[int] = set()
    for a, b in sentences:
        for row in _sentence_rows(raw, a, b, units):
            rows.append(row)
            used.update(row.units)
    # quoted sentences with no frame: a continuation of the quotation before, or unattributed
    for k, (qa, qb, ca, cb) in enumerate(units):
        if k in used or sum(w[0].isalnum() for w, _, _ in word_tokens(raw[ca:cb])) < STANDALONE_MIN_WORDS:
            continue
        if any(r.start <= ca < r.end for r in rows):
            continue  # words quoted inside another quotation's clause
        around = [(a, b) for a, b in sentences if a < qb and b > qa]
        outside = "".join(raw[max(a, x):min(b, y)] for a, b in around
                          for x, y in ((a, qa), (qb, b)) if x < y)
        if outside.strip(_END_PUNCT + "\"'\u201c\u201d\u2018\u2019"):
            continue  # quoted words inside the writer's own sentence: a scare quote
        rows.append(_Row("direct", ca, cb, "", (), "a quoted sentence with no frame", (k,)))
    rows.sort(key=lambda r: r.start)
    return rows


@dataclass
class _Cue:
    index: int  # token index in the sentence
    word: str  # as written
    lemma: str
    start: int  # characters, in raw
    end: int  # end of the cue phrase ("call on", "quoted as saying")


def _sentence_rows(raw: str, a: int, b: int, units) -> list[_Row]:
    tokens = [(w, a + s, a + e) for w, s, e in word_tokens(raw[a:b])]
    inside = [_unit_at(units, s) is not None or w in _QUOTE_CHARS for w, s, e in tokens]
    words = [w for w, _, _ in tokens]
    cues = _cues(raw, tokens, inside)
    rows: list[_Row] = []
    frames = []  # (cue, clause_start, clause_end, frame_start, frame_end, how)
    for cue in cues:
        found = _frame(raw, a, b, tokens, words, inside, cue)
        if found is not None:
            frames.append((cue, *found))
    # a participle's sayer is the subject of the verb before it ("X denied the claims, saying ...")
    for k, frame in enumerate(frames):
        cue, c0, c1, f0, f1, how = frame
        earlier = [c for c in cues if c.start < cue.start]
        if cue.word.endswith("ing") and cue.index and earlier:
            main = earlier[-1]
            # the subject starts after a coordination: "..., and a spokesperson refuted ..., stating"
            joins = [tokens[j + 1][2] for j in range(main.index - 1) if words[j] in (",", ";")
                     and words[j + 1] in ("and", "but", "while", "whereas")]
            frames[k] = (_Cue(main.index, main.word, main.lemma, main.start, main.end), c0, c1,
                         max(joins, default=a), main.end, f"{how}, its sayer the subject of '{main.word}'", cue)
        elif cue.word.split()[0].endswith("ing") and cue.index:
            issuer = _issuer(words, cue.index)
            if issuer is not None:  # "Amnesty has launched a petition calling on ...": Amnesty speaks
                v = tokens[issuer]
                frames[k] = (_Cue(issuer, raw[v[1]:v[2]], "say", v[1], v[2]), c0, c1, a, v[2],
                             f"{how}, its sayer who {v[0]} the {words[cue.index - 1]}", cue)
    frames = [f if len(f) == 7 else (*f, f[0]) for f in frames]
    # a cue in the subject of another ("A report by X, which included ..., revealed") is part of that frame
    frames = [f for f in frames if not any(g is not f and g[6].start > f[6].start and g[4] <= f[6].start < g[6].start
                                           and not g[-1].word.endswith("ing") for g in frames)]
    # a cue inside another frame's clause: a nested source ("X says that Y said"), a coordinated
    # participle (", saying ..."), or a channel after the clause (", the paper reports")
    chosen = []
    for frame in frames:
        verb, c0, c1, f0, f1, how, cue = frame
        for k, other in enumerate(chosen):
            overb, o0, o1, of0, of1, ohow, ocue = other
            if not (o0 <= cue.start < o1):
                continue
            if cue.word.endswith("ing") and raw[o0:cue.start].rstrip().endswith(","):
                if verb is not cue and o0 < f0:
                    # "..., and a spokesperson refuted the claims, stating ...": its own sayer; the outer
                    # clause ends before the coordination
                    cut = raw.rfind(",", o0, f0)
                    chosen[k] = (overb, o0, cut if cut > o0 else o1, of0, of1, ohow, ocue)
                else:
                    cut = raw.rfind(",", o0, cue.start)
                    chosen[k] = (overb, o0, cut, of0, of1, ohow, ocue)
                    frame = (overb, c0, c1, of0, of1, f"{how}, coordinated with '{ocue.word}'", cue)
            elif how.startswith("trailing") or how.startswith("interrupting"):
                cut = raw.rfind(",", o0, cue.start)
                chosen[k] = (overb, o0, cut if cut > o0 else o1, of0, of1, ohow + ", before a channel frame", ocue)
                frame = None
            elif len(word_tokens(raw[o0:cue.start])) <= NESTED_SUBJECT_WORDS and not cue.word.endswith("ing"):
                frame = (verb, c0, c1, o0, f1, f"{how}, nested in '{ocue.word}' (its channel)", cue)
                chosen[k] = None
            break
        chosen = [c for c in chosen if c is not None]
        if frame is not None:
            chosen.append(frame)
    for verb, c0, c1, f0, f1, how, cue in chosen:
        frame = (a, b, f0, f1, verb.start, verb.start + len(verb.word))
        row = _classify(raw, units, cue, c0, c1, frame, how)
        rows.extend(row if isinstance(row, list) else [] if row is None else [row])
        # '"The bridge," she said, "is safe."': the marks close around the frame, two quotations
        first = _unit_at(units, a)
        if first is not None and how.startswith("leading") and f0 == a and units[first][1] <= cue.start \
                and len(word_tokens(raw[units[first][1]:cue.start])) <= TRAILING_FRAME_WORDS:
            qa, qb, ca, cb = units[first]
            rows.insert(len(rows) - 1, _Row("direct", ca, cb, cue.word, (a, b, qb, f1, *frame[4:]),
                                            f"{how}; the quotation before the frame", (first,)))
    return rows


def _cues(raw, tokens, inside) -> list[_Cue]:
    words = [w for w, _, _ in tokens]
    cues = []
    for i, (w, s, e) in enumerate(tokens):
        if inside[i]:
            continue
        if w == "according" and i + 1 < len(words) and words[i + 1] == "to":
            cues.append(_Cue(i, raw[s:tokens[i + 1][2]], "according to", s, tokens[i + 1][2]))
            continue
        lemma = _LEMMA.get(w)
        if lemma is None:
            continue
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        end = e
        if w == "quoted":
            if after == "as" and i + 2 < len(words) and words[i + 2] == "saying":
                end = tokens[i + 2][2]
                start = tokens[i - 1][1] if before in _PASSIVE else s  # "was quoted as saying" reads as "said"
                cues.append(_Cue(i, raw[s:end], "say", start, end))
            continue
        if before in _PASSIVE and after != "by":
            continue  # "is said to", "are reported": a hedge, not a frame
        if after == "to" and lemma not in REQUEST_CUES and w != "quoted":
            continue  # "what's said to be", "added to the list"
        if i == 0 and w == lemma:
            continue  # "Note: results include ...", "Say no more": a label or an imperative
        if i > 0 and raw[s].isupper() and before not in (":", '"', "'"):
            continue  # "US State Department", "Camps In Chechnya: Reports": part of a name or a title
        if w in _NOUN_FORMS and (i == 0 or before in _DETERMINERS or before in _LEMMA or after in ("of", "from", "by")
                                 and w != "found" or after in _LEMMA or before in _PASSIVE and after != "by"):
            continue  # "the claims", "reports from the region allege"
        if before in _DETERMINERS:
            continue  # "the call", "a report", "the alleged prisoners"
        if w.endswith("ing") and after == "to" and before != ",":
            continue  # "men claiming to have survived": a participle describing the subject
        if w in _NOUN_FORMS and raw[s].isupper() and i > 0:
            continue  # "Camps In Chechnya: Reports": a headline's noun
        if lemma == "call" and after != "on" and not any(
                inside[j] for j in range(i + 1, min(len(words), i + 1 + CLAUSE_VERB_WINDOW))):
            continue  # "called the police": "call" reports only "call on X to" or a quoted verdict
        if lemma == "speak" and after != "of":
            continue
        if (lemma == "call" and after == "on") or (lemma == "speak" and after == "of"):
            end = tokens[i + 1][2]
        cues.append(_Cue(i, raw[s:end], lemma, s, end))
    return cues


def _issuer(words, i):
    """Token index of the verb that issued the document a participle cue at ``i`` describes, or None.

    "X has launched a petition calling on ...", "X issued a statement saying ...": the document
    speaks for whoever issued it (QUOTES_GUIDE.md, "A document speaks for its author").

    >>> _issuer("amnesty has launched a petition calling on".split(), 5)
    2
    """
    if i < 2 or words[i - 1] not in DOCUMENT_NOUNS:
        return None
    k = i - 2
    while k >= 0 and i - 1 - k <= DOCUMENT_MODIFIER_WORDS and words[k] not in _DETERMINERS and words[k].isalpha():
        k -= 1  # "a strongly worded joint statement"
    if k < 1 or words[k] not in _DETERMINERS or words[k - 1] not in ISSUING_VERBS:
        return None
    return k - 1


def _frame(raw, a, b, tokens, words, inside, cue):
    """``(clause_start, clause_end, frame_start, frame_end, how)`` for ``cue``, or None without a clause."""
    i = cue.index + len(word_tokens(cue.word))
    n = len(tokens)
    sentence_end = b
    if cue.lemma == "according to" or words[cue.index + 1:cue.index + 2] == ["by"]:
        # "according to X, ...", "..., according to X.", "as reported by X, ..."
        j = i + (1 if cue.lemma != "according to" else 0)
        while j < n and words[j] not in (",", ".", ";", ":") and not inside[j]:
            j += 1
        frame_end = tokens[j - 1][2] if j > i else cue.end
        lead = raw[a:cue.start].strip(" ,")
        if not lead or len(word_tokens(lead)) <= 2:  # "According to X," / "As reported by X,"
            if j >= n:
                return None
            return tokens[j][2], sentence_end, cue.start, frame_end, f"'{cue.word}' before the clause"
        comma = raw.rfind(",", a, cue.start)
        return a, (comma if comma > a else cue.start), cue.start, frame_end, f"trailing '{cue.word}'"
    # "As X reports, ...": a channel adjunct before the clause, like "according to"
    if cue.index >= 1 and words[0] == "as" and cue.index <= TRAILING_FRAME_WORDS and i < n and words[i] == ",":
        return tokens[i][2], sentence_end, a, cue.end, f"'as ... {cue.word}' before the clause"
    # a leading frame: a marker of the clause soon after the cue
    if cue.lemma == "call" and words[cue.index + 1:cue.index + 2] != ["on"]:
        return tokens[i][1], sentence_end, a, cue.end, f"leading '{cue.word}' with a quoted verdict"
    if i < n and words[i] in _CONTENT_NOUNS:  # "revealed claims the men were ...", "denied reports that ..."
        i += 1
        if i < n and words[i] == "that":
            return tokens[i][2], sentence_end, a, tokens[i][2], f"leading '{cue.word} {words[i - 1]} that'"
        if i < n and words[i] in _PREPOSITIONS:
            return None
        return tokens[i][1], sentence_end, a, tokens[i][1], f"leading '{cue.word} {words[i - 1]}'"
    reach = REQUEST_MAX_WORDS if cue.lemma in REQUEST_CUES else ADDRESSEE_MAX_WORDS
    for j in range(i, min(n, i + reach + 1)):
        w = words[j]
        if j > i and not inside[j] and (w in _LEMMA or w == "according"):
            break  # another frame begins
        opener = w in _CLAUSE_OPENERS and j + 1 < n and words[j + 1].isalpha() and (
            j > i or cue.lemma not in REQUEST_CUES)
        request = w == "to" and cue.lemma in REQUEST_CUES and j > i
        opens_quote = inside[j] and (j == i or words[j - 1] in (":", ","))  # not a quoted phrase further on
        if opens_quote or w in ("that", ":") or opener or request:
            if request or j - i > ADDRESSEE_MAX_WORDS and cue.lemma in REQUEST_CUES and not (opens_quote or w == ":"):
                if not request:
                    break
            start = tokens[j][2] if w in ("that", ":") else tokens[j][1]
            if w == "that" and j + 1 < n and words[j + 1] == ":":
                start = tokens[j + 1][2]
            if opener and j > i and cue.lemma not in REQUEST_CUES | CLAUSE_CUES | _CLAUSE_OR_OBJECT_CUES:
                break
            return start, sentence_end, a, start, f"leading '{cue.word}'"
        if w in (".", ";", "!", "?") or inside[j] and not opens_quote:
            break
    if cue.lemma == "tell" and i < n and words[i].isalpha() and words[i] not in _PREPOSITIONS:
        # "told reporters the bridge ...", "told the press it ...": the addressee, then the clause
        j = i + (1 if words[i] in _DETERMINERS else 0)
        j += 1
        while j < n and raw[tokens[j][1]].isupper() and j - i < ADDRESSEE_MAX_WORDS:
            j += 1
        if j < n and words[j].isalpha() and words[j] not in _PREPOSITIONS:
            return tokens[j][1], sentence_end, a, tokens[j][1], f"leading '{cue.word}' after its addressee"
    # a trailing or interrupting frame: the cue after a comma or a closing mark
    trailing = _trailing(raw, a, b, tokens, words, inside, cue, i)
    if trailing is not None:
        return trailing
    if cue.lemma == "continue" and i < n and (words[i].endswith("ing") or words[i] == "to"):
        return None  # "teams continued searching", "continued to search": something went on, no one spoke
    infinitive = cue.word.lower() == cue.lemma and cue.index and words[cue.index - 1] in _MODALS
    if infinitive:
        return None  # "declined to say how many", "will maintain growth": no clause without "that" or marks
    clause = False
    for j in range(i, min(n, i + CLAUSE_VERB_WINDOW)):
        if words[j] in _LEMMA or words[j] in (",", ".", ";") or inside[j]:
            break
        clause = clause or words[j] in _AUXILIARIES
    preposition = i < n and words[i] in _PREPOSITIONS and words[i + 1:i + 2] not in (["least"], ["most"])
    if (cue.lemma in CLAUSE_CUES or clause) and i < n and words[i] not in (".", ",", ";", "!", "?", ")") \
            and (not preposition or cue.lemma == "speak"):
        return tokens[i][1], sentence_end, a, cue.end, f"leading '{cue.word}'"
    return None


def _trailing(raw, a, b, tokens, words, inside, cue, i):
    """A frame after its clause: "..., X said." or '"...," said X' (or one interrupting it)."""
    n, sentence_end = len(tokens), b
    k = cue.index - 1
    while k >= 0 and words[k] != "," and not inside[k] and cue.index - k <= TRAILING_FRAME_WORDS:
        k -= 1
    if k < 0 or cue.index - k > TRAILING_FRAME_WORDS:
        return None
    inverted = cue.index == k + 1
    if inverted and not inside[k]:  # ", said Ana Ruiz." but not "Police, citing witnesses, said the fire ..."
        run = i
        while run < n and words[run] not in (",", ".", ";", "!", "?"):
            run += 1
        inverted = run - i <= INVERTED_SAYER_WORDS
        if not inverted:
            return None
    frame_start = tokens[k][2]
    comma = tokens[k][1] if words[k] == "," else tokens[k][2]  # the clause ends at the comma or the closing mark
    j = i
    while j < n and words[j] not in (",", ".", ";", "!", "?") and not inside[j]:
        j += 1
    rest = raw[tokens[j][2]:sentence_end].strip(_END_PUNCT) if j < n else ""
    after = words[i:j]
    if not inverted and after and not (
            len(after) <= TRAILING_AFTER_WORDS and (after[0] in _PREPOSITIONS or cue.lemma == "tell")
            and not any(w in _AUXILIARIES for w in after)):
        return None  # "..., but the government denies the claims": an object, not a frame
    if rest and not inverted and words[j] == "," and not (j + 1 < n and inside[j + 1]):
        # "The only choice, Ana Ruiz added, is to leave": one clause (a quotation opening right after the
        # frame, '"A," she said, "B."', is a second direct quotation instead)
        return a, sentence_end, tokens[k][1], tokens[j - 1][2], f"interrupting '{cue.word}'"
    return a, comma, frame_start, b, f"trailing '{cue.word}'"


def _classify(raw, units, cue, c0, c1, frame, how):
    """The row for a clause ``[c0, c1)``: direct, mixed or indirect, with its span."""
    text = raw[c0:c1]
    lead = len(text) - len(text.lstrip(" \n,:;\u00a0"))
    start = c0 + lead
    end = start + len(raw[start:c1].rstrip(_END_PUNCT))
    if sum(w[0].isalnum() for w, _, _ in word_tokens(raw[start:end])) < CLAUSE_MIN_WORDS:
        return None
    inner = [k for k, (qa, qb, _, _) in enumerate(units) if qa < end and qb > start]
    colon = raw.rfind(":", start, units[inner[-1]][0]) if inner else -1
    if colon > start and not raw[colon + 1:units[inner[-1]][0]].strip() and units[inner[-1]][1] + DIRECT_SLACK_CHARS >= end:
        # "said that the region had none: “no one is held”": the clause, then the words it quotes
        first = _classify(raw, units, cue, start, colon, frame, how)
        second = _classify(raw, units, cue, colon + 1, c1, frame, how)
        return [r for r in (first, second) if r is not None]
    if len(inner) == 1:
        qa, qb, ca, cb = units[inner[0]]
        if qa - start <= DIRECT_SLACK_CHARS and (end - qb <= DIRECT_SLACK_CHARS or qb >= end):
            return _Row("direct", ca, cb, cue.word, frame, f"{how}; all of it in quotation marks", (inner[0],))
    if inner:
        last = units[inner[-1]]
        if last[0] < end < last[1]:  # the clause ends in its quoted words: keep their closing mark
            end = min(last[1], max(end, c1))
        return _Row("mixed", start, end, cue.word, frame, f"{how}; quoted words inside", tuple(inner))
    return _Row("indirect", start, end, cue.word, frame, how)


# ------------------------------------------------------------ speakers


def _speakers(raw, rows, gazetteer, regions):
    """``(row, speaker text, rule)``: each frame read by the one speaker-finder, pronouns resolved.

    :func:`~analysis.attribution.find_source` reads the frame's sentence with
    everything outside the frame hidden (the reported clause, an outer channel
    frame), as it hides quotations; "he said" and "the spokesman said" are
    resolved by :class:`~analysis.attribution.DocumentSources`' own rule over the
    speakers before. A cue the finder does not know ("maintain", "urged", a
    participle) is written "said" there, padded to its length, so that the
    decision stays the finder's (so is a cue the finder reads only before a
    clause, "denied": the frame has found the clause). A quotation with no frame continues the one
    before it when that is near.
    """
    common_words = frozenset(re.findall(r"(?<![\w'])[a-z]+(?![\w'])", raw))  # as DocumentSources reads them
    regions = [(x, y) for x, y, _ in regions]
    sexes = sex_marks(raw)  # "Mr Marek", "Ana Ruiz, a spokeswoman": "she" and "he" skip the other
    history = []
    out, sources, previous = [], [], None
    for row in rows:
        source = None
        if row.frame:
            a, b, f0, f1, v0, v1 = row.frame
            sentence = _as_known_cue(raw, a, b, v0, v1)
            hidden = [(0, f0 - a), (f1 - a, b - a)] + [(max(x, a) - a, min(y, b) - a) for x, y in regions
                                                        if x < b and y > a]
            source = find_source(sentence, gazetteer=gazetteer, quoted=[h for h in hidden if h[1] > h[0]],
                                 common_words=common_words)
            source = DocumentSources.resolve(source, history, sexes, text=raw, end=b)
            if source is not None:
                history.append(source)
        if source is not None:
            speaker, rule = source.text, source.rule
        elif (not row.frame or row.frame[4] == row.frame[0]) and previous is not None \
                and row.start - previous[0].end <= CONTINUATION_MAX_CHARS:
            speaker, rule = previous[1], "continues the quotation before"
        else:
            speaker, rule = "", "no speaker in the frame" if row.frame else "unattributed"
        out.append((row, speaker, rule))
        sources.append(source)
        if speaker:
            previous = (row, speaker)
    # '"The bridge is unsafe." Ana Ruiz said repairs would take weeks.': a quoted sentence with no frame and
    # nothing before it to continue is the speaker's whose frame follows it in the same paragraph
    for j, (row, speaker, rule) in enumerate(out):
        if row.frame or speaker or j + 1 >= len(out):
            continue
        nxt, nxt_speaker, _ = out[j + 1]
        between = raw[row.end:nxt.frame[0]] if nxt.frame else "\n"
        if nxt_speaker and "\n" not in between and len(word_tokens(between)) <= NEXT_FRAME_GAP_TOKENS \
                and sources[j + 1] is not None and sources[j + 1].kind in ("person", "org", "group"):
            out[j] = (row, nxt_speaker, f"the speaker of the next sentence of its paragraph ({out[j + 1][2]})")
    # "A nurse who treated them said ... Jan Van Dam, a male nurse, said ...": the next sentence names them
    for j, (row, speaker, rule) in enumerate(out):
        if sources[j] is None or sources[j].kind != "group":
            continue
        k = next((k for k in range(j + 1, len(out)) if out[k][0].frame and out[k][0].frame[0] != row.frame[0]), None)
        if k is None or raw[row.frame[1]:out[k][0].frame[0]].strip():
            continue  # only the very next sentence
        named = named_after(sources[j], sources[k])
        if named is not None:
            for m in range(j, k):
                if m == j or out[m][1] == speaker and out[m][2] == "continues the quotation before":
                    out[m] = (out[m][0], named.text, named.rule if m == j else out[m][2])
    return out


def _as_known_cue(raw: str, a: int, b: int, v0: int, v1: int) -> str:
    """Sentence ``raw[a:b]`` with the cue at ``[v0, v1)`` written "said" when the speaker-finder does not know it.

    The replacement is padded to the cue's length, so offsets do not move.

    >>> _as_known_cue("Leaders denied it.", 0, 18, 8, 14)
    'Leaders said   it.'
    """
    word = raw[v0:v1]
    known = word.lower() in REPORTING_VERBS - CLAUSE_ONLY_VERBS  # the frame has found the clause "denied" reports
    if known and not word.lower().endswith("ing") or word.lower().startswith("according"):
        return raw[a:b]
    replacement = "said".ljust(v1 - v0) if v1 - v0 >= 4 else "say"
    return raw[a:v0] + replacement + raw[v1:b]
