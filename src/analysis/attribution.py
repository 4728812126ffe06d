"""Who a sentence credits for what it states: reporting verbs, quotations and names.

:class:`DocumentSources` finds, for each sentence of a document, the source it
credits: "according to X", "X said" (with an appositive: "Novaya Gazeta, an
independent local newspaper, reports"), ", X reports." at the end, "said X",
"reported by X", a group ("activists say"), or a pronoun ("she added")
resolved to the last person quoted. Inside a quotation, even one that runs over
several paragraphs, the speaker is the quotation's. :class:`Gazetteer` learns
from the corpus itself who works where ("Tanya Lokshina, the Russia program
director at Human Rights Watch") and which names are organisations, so that a
person is written ``Name (Organisation)``. No statistical model is used: only
capitalised spans, a list of reporting verbs and these patterns.

Used by :mod:`analysis.claims`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .numbers import word_tokens
from .text import STOPWORDS, normalize_for_matching

__all__ = ["DocumentSources", "Gazetteer", "REPORTING_VERBS", "SOURCE_NOUNS"]

REPORTING_VERBS = {
    "say", "says", "said", "report", "reports", "reported", "tell", "tells", "told", "claim",
    "claims", "claimed", "allege", "alleges", "alleged", "write", "writes", "wrote", "add", "adds",
    "added", "continue", "continues", "continued", "state", "states", "stated", "reveal", "reveals",
    "revealed", "estimate", "estimates", "estimated", "confirm", "confirms", "confirmed",
    "announce", "announces", "announced", "note", "notes", "noted", "explain", "explained",
    "insist", "insists", "insisted", "warn", "warns", "warned", "found", "finds", "counted",
}
#: Lowercase nouns that can be a source ("activists say", "officials said").
SOURCE_NOUNS = {
    "activists", "officials", "witnesses", "eyewitnesses", "survivors", "residents", "relatives",
    "police", "authorities", "sources", "campaigners", "investigators", "researchers",
    "journalists", "reporters", "doctors", "lawyers", "diplomats", "experts", "organisers",
    "organizers", "monitors", "groups", "organisations", "organizations", "prosecutors",
    "spokesman", "spokeswoman", "spokesperson", "ministry", "government", "detainees",
    "prisoners", "victims", "families", "locals", "analysts", "observers", "media", "medics",
    "activist", "official", "witness", "eyewitness", "survivor", "resident", "relative", "source",
    "campaigner", "investigator", "researcher", "journalist", "reporter", "doctor", "lawyer",
    "diplomat", "expert", "detainee", "prisoner", "victim", "analyst", "observer", "medic",
}
PRONOUNS = {"he", "she"}
PUBLICATION_NOUNS = {"paper", "newspaper", "publication", "daily", "outlet", "site", "website",
                     "magazine", "agency", "broadcaster", "channel"}
#: A capitalised name containing one of these words names an organisation.
ORG_WORDS = {
    "network", "watch", "international", "group", "committee", "council", "association", "agency",
    "ministry", "department", "office", "service", "organisation", "organization", "foundation",
    "institute", "university", "party", "union", "court", "parliament", "government", "police",
    "army", "news", "post", "times", "mail", "gazette", "journal", "herald", "telegraph",
    "guardian", "tribune", "press", "radio", "tv", "television", "church", "bank", "federation",
    "republic", "league", "club", "commission", "center", "centre", "fund", "programme",
    "project", "coalition", "alliance", "society", "kremlin", "ngo", "daily", "magazine",
    "nations", "state", "states", "corp", "inc", "company", "ltd", "review", "media",
}
PREPOSITIONS = {"in", "at", "of", "from", "for", "with", "on", "by", "to", "near", "inside",
                "into", "under", "against", "about", "over", "than", "like", "across", "through"}
FUNCTION_WORDS = PREPOSITIONS | {
    "and", "or", "but", "nor", "are", "is", "was", "were", "be", "been", "being", "have", "has",
    "had", "will", "would", "could", "should", "may", "might", "can", "must", "do", "does", "did",
    "who", "which", "that", "whom", "whose", "where", "when", "while", "as", "if", "remain",
    "remained", "remains", "it", "they", "he", "she", "we", "you", "i", "there", "here", "this",
    "these", "the", "a", "an", "not", "also", "now", "so", "since", "after", "before",
}
_NOT_BEFORE_A_VERB = {"is", "are", "was", "were", "be", "been", "being", "the", "a", "an", "these",
                      "those", "his", "her", "their", "its", "our", "such", "this", "initial", "new"}
#: Words that may stand between a subject and its reporting verb ("Amnesty has also said").
_BETWEEN_SUBJECT_AND_VERB = {"has", "have", "had", "also", "later", "previously", "earlier", "recently",
                             "further", "then", "now", "again", "first", "once", "repeatedly"}
DETERMINERS = {"the", "a", "an", "some", "many", "several", "local", "other", "these", "those"}

# --------------------------------------------------------------- gazetteer

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_NAME = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}]?[{_LOWER}]+)?(?: [{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?){{1,2}}"
_ORG = rf"[{_UPPER}][\w&.-]*(?: (?:of |for |and |on )?[{_UPPER}][\w&.-]*)*"
_AFFILIATION = re.compile(
    rf"(?P<name>{_NAME})(?:, (?:the |a |an )?(?:[\w-]+ ){{0,5}}?(?:of|at|for|with|from) | (?:of|at|from|with) )"
    rf"(?:the )?(?:[{_UPPER}]\w*'s )?(?P<org>{_ORG})(?P<next>'s| [{_LOWER}]+)?")
_THE_NAME = re.compile(rf"\b[Tt]he (?P<name>{_NAME})")
_APPOSITIVE_ORG = re.compile(
    rf"(?P<name>{_NAME}), (?:an? |the )(?:[\w-]+ ){{0,3}}?(?:{'|'.join(sorted(PUBLICATION_NOUNS))}|group|organi[sz]ation|charity|network)\b")


def _is_person_shape(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 3 and not any(
        w.lower() in ORG_WORDS or w.lower() in STOPWORDS for w in words)


@dataclass
class Gazetteer:
    """Names learnt from the corpus: people with their organisation, and organisations."""

    people: dict  # full name -> organisation ("" when unknown)
    surnames: dict  # last word -> full name
    organisations: set

    @classmethod
    def from_texts(cls, texts) -> "Gazetteer":
        people: dict[str, str] = {}
        organisations: set[str] = set()
        for text in texts:
            norm = normalize_for_matching(text).replace("\n", " ")
            for m in _AFFILIATION.finditer(norm):
                name, org = m.group("name"), m.group("org").strip(" .")
                single_adjective = " " not in org and m.group("next") and m.group("next").strip() not in FUNCTION_WORDS
                if _is_person_shape(name) and not single_adjective and m.group("next") != "'s":
                    people.setdefault(name, org)
            for pattern in (_THE_NAME, _APPOSITIVE_ORG):
                organisations.update(m.group("name") for m in pattern.finditer(norm))
        surnames: dict[str, str] = {}
        ambiguous = set()
        for name in people:
            last = name.split()[-1]
            if last in surnames and surnames[last] != name:
                ambiguous.add(last)
            surnames[last] = name
        for last in ambiguous:
            del surnames[last]
        return cls(people, surnames, organisations)

    def kind(self, name: str) -> str:
        """"person" or "org"."""
        if name in self.organisations or any(w.lower() in ORG_WORDS for w in name.split()):
            return "org"
        if name in self.people or name in self.surnames or _is_person_shape(name):
            return "person"
        return "person" if " " not in name and name[1:].islower() else "org"  # "Petrova said"

    def label(self, name: str) -> str:
        """How a source is written: ``Name (Organisation)`` for a person with one."""
        full = self.surnames.get(name, name) if " " not in name else name
        org = self.people.get(full, "")
        return f"{full} ({org})" if org and self.kind(full) == "person" else full


# ---------------------------------------------------------------- sources


@dataclass(frozen=True)
class _Source:
    text: str  # as written in attributed_to
    kind: str  # person, org, group, pronoun, publication
    verb: int  # token index of the reporting verb in the sentence (-1 if none)
    named: bool


class DocumentSources:
    """Who each sentence of one document credits, with quotations and pronouns resolved."""

    def __init__(self, raw: str, sentences: list[tuple[int, int]], gazetteer: Gazetteer):
        self.raw = raw
        self.norm = normalize_for_matching(raw)
        self.sentences = sentences
        self.gazetteer = gazetteer
        self.quotes = _quote_regions(raw)
        self.quote_starts = [q[0] for q in self.quotes]
        self.common_words = set(re.findall(r"(?<![\w'])[a-z]+(?![\w'])", raw))  # words seen in lowercase
        self.sentence_starts = [a for a, _ in sentences]
        self.by_sentence = []
        last_person = last_org = None
        for a, b in sentences:
            source = self._sentence_source(a, b)
            if source is not None and source.kind == "pronoun":
                source = last_person and _Source(last_person.text, "person", source.verb, True)
            elif source is not None and source.kind == "publication":
                source = last_org and _Source(last_org.text, "org", source.verb, True)
            if source is not None and source.kind == "person":
                last_person = source
            if source is not None and source.kind == "org":
                last_org = source
            self.by_sentence.append(source)

    # --- public
    def for_position(self, i, position) -> tuple[str, int | None]:
        """``(attributed_to, verb index)`` for a figure at ``position`` in sentence ``i``."""
        own = self.by_sentence[i]
        if own is not None:
            return own.text, (own.verb if own.named else None)
        region = self._region_at(position)
        if region is None:
            return "", None
        speaker = self._speaker(region)
        return (speaker.text if speaker else ""), None

    # --- quotations
    def _region_at(self, position):
        k = bisect.bisect_right(self.quote_starts, position) - 1
        if k >= 0 and self.quotes[k][0] <= position < self.quotes[k][1]:
            return k
        return None

    def _sentence_of(self, position):
        i = bisect.bisect_right(self.sentence_starts, position) - 1
        return i if i >= 0 and position < self.sentences[i][1] + 1 else None

    def _speaker(self, k):
        """Speaker of quotation region ``k``: after its end, before its start, or its chain's."""
        while k >= 0:
            start, end, chain = self.quotes[k]
            for position in (end - 1, start):
                i = self._sentence_of(position)
                if i is not None and self.by_sentence[i] is not None:
                    return self.by_sentence[i]
            if k == 0 or self.quotes[k - 1][2] != chain:
                return None
            k -= 1
        return None

    # --- one sentence
    def _outside_quotes(self, a, b):
        """Tokens of sentence ``[a, b)`` outside quotations: (word, original, index), with
        a ``None`` marker where a quotation was left out."""
        tokens = word_tokens(self.raw[a:b])
        out = []
        for index, (w, s, e) in enumerate(tokens):
            inside = self._region_at(a + s) is not None or w == '"'
            if inside:
                if out and out[-1] is not None:
                    out.append(None)
                continue
            out.append((w, self.norm[a + s:a + e], index))
        return out

    def _sentence_source(self, a, b):
        seq = self._outside_quotes(a, b)
        if not any(item and item[0] in REPORTING_VERBS or item and item[0] == "according" for item in seq):
            return None
        names = self._names(seq)
        words = [item[0] if item else "" for item in seq]
        for p in range(len(words) - 1):
            if words[p] == "according" and words[p + 1] == "to":
                found = self._phrase_after(seq, names, p + 2)
                if found:
                    return _Source(*found, verb=-1, named=True)
        candidates = []
        for v, w in enumerate(words):
            if w not in REPORTING_VERBS or w.endswith("ing"):
                continue
            by = v + 1 < len(words) and words[v + 1] == "by"  # "was reported by X"
            if v > 0 and words[v - 1] in _NOT_BEFORE_A_VERB and not by:
                continue  # "is said to" is a hedge; "the claims" a noun
            if v + 1 < len(words) and words[v + 1] == "to" and w in ("said", "claimed", "reported"):
                continue
            verb = seq[v][2]
            if by:
                found = self._phrase_after(seq, names, v + 2)
            else:
                found = None
                if (v == 0 or words[v - 1] in (",", "")) and v + 1 < len(words) and words[v + 1] not in PRONOUNS:
                    found = self._phrase_after(seq, names, v + 1)  # ", said Alvi Karimov"
                found = found or self._subject(seq, names, words, v)
            if found:
                trailing = v > 0 and words[v - 1] != "" and _ends_clause(words, v)
                candidates.append((0 if trailing else 1, len(candidates), _Source(*found, verb=verb, named=found[1] in ("person", "org"))))
        return min(candidates)[2] if candidates else None

    def _names(self, seq) -> dict:
        """Capitalised name spans of ``seq``: start position -> (end, name)."""
        spans, p = {}, 0
        while p < len(seq):
            item = seq[p]
            if item is None or not _is_capitalised(item[1]) or not self._can_start_name(seq, p):
                p += 1
                continue
            q, parts = p, []
            while q < len(seq) and seq[q] is not None:
                w, original, _ = seq[q]
                if _is_capitalised(original):
                    if original.endswith("'s"):
                        parts = []  # "Russia's Amnesty International": drop the possessor
                        q += 1
                        p = q
                        continue
                    parts.append(original)
                elif w in ("of", "for", "and") and parts and any(x.lower() in ORG_WORDS for x in parts) \
                        and q + 1 < len(seq) and seq[q + 1] is not None and _is_capitalised(seq[q + 1][1]):
                    parts.append(original)
                else:
                    break
                q += 1
            if parts:
                spans[p] = (q, " ".join(parts))
            p = max(q, p + 1)
        return spans

    def _can_start_name(self, seq, p) -> bool:
        w = seq[p][0]
        first_of_clause = p == 0 or seq[p - 1] is None or seq[p - 1][0] in (":", '"', ".")
        if not first_of_clause:
            return True
        return not (w in STOPWORDS or w in REPORTING_VERBS or w in SOURCE_NOUNS
                    or w.endswith("ing") or w in self.common_words)

    def _name_source(self, name):
        name = re.sub(r"^(?:The|the|Mr|Mrs|Ms|Miss|Dr|Prof|Sir) ", "", name)
        kind = self.gazetteer.kind(name)
        return self.gazetteer.label(name), kind

    def _phrase_after(self, seq, names, p):
        if p < len(seq) and seq[p] is not None and seq[p][0] == "the" and p + 1 in names:
            p += 1
        if p in names:
            return self._name_source(names[p][1])
        words = []
        for item in seq[p:p + 6]:
            if item is None or not item[0].isalpha() or words and item[0] in FUNCTION_WORDS:
                break
            if not (item[0] in DETERMINERS or item[0] == "one") or words:
                words.append(item[0])
            if item[0] in SOURCE_NOUNS:  # "a survivor interviewed by ...", "one former detainee"
                return " ".join(words), "group"
        return None

    def _subject(self, seq, names, words, v):
        """The source before the reporting verb at ``v``: a pronoun, a name or a group."""
        end = v
        while end > 0 and (words[end - 1] in _BETWEEN_SUBJECT_AND_VERB or words[end - 1].endswith("ly")):
            end -= 1
        w = words[end - 1] if end > 0 else ""
        if w in PRONOUNS:
            return w, "pronoun"
        if w in SOURCE_NOUNS:  # "officials said", "human rights groups claim"
            k = end - 1
            while k > 0 and words[k - 1].isalpha() and words[k - 1] not in FUNCTION_WORDS | DETERMINERS:
                k -= 1
            return " ".join(words[k:end]), "group"
        if w == ",":  # "Novaya Gazeta, an independent local newspaper, reports"
            k = end - 2
            while k >= 0 and words[k] not in (",", ""):
                k -= 1
            end = k if k > 0 and words[k] == "," else end
        if words[end - 1] in PUBLICATION_NOUNS and end > 1 and words[end - 2] == "the":
            return "the " + words[end - 1], "publication"  # "the paper said"
        clause_start = end
        while clause_start > 0 and words[clause_start - 1] not in ("", ":", ";", "that") \
                and words[clause_start - 1] not in REPORTING_VERBS:
            clause_start -= 1
        # names of the clause that are not the object of a preposition ("director at Human Rights Watch")
        found = [(start, stop, name) for start, (stop, name) in sorted(names.items())
                 if clause_start <= start and stop <= end and not _after_preposition(words, start)]
        adjacent = [f for f in found if f[1] == end]
        if adjacent:
            return self._name_source(adjacent[-1][2])
        people = sorted((" " in f[2], f[0], f[2]) for f in found if self.gazetteer.kind(f[2]) == "person")
        if people:  # "Tanya Lokshina, the Russia program director at Human Rights Watch wrote"
            return self._name_source(people[-1][2])
        # a group opening the clause: "Activists behind the reporting say"
        phrase = []
        for word in words[clause_start:end]:
            if word in DETERMINERS and not phrase:
                continue
            if not word.isalpha() or word in FUNCTION_WORDS:
                break
            phrase.append(word)
            if word in SOURCE_NOUNS:
                return " ".join(phrase), "group"
        return None


def _after_preposition(words, start) -> bool:
    before = words[start - 1] if start > 0 else ""
    if before == "the" and start > 1:
        before = words[start - 2]
    return before in PREPOSITIONS


def _is_capitalised(original: str) -> bool:
    return original[:1].isupper()


def _ends_clause(words, v) -> bool:
    """The verb closes a ", X reports." or ", X reports," clause."""
    after = words[v + 1] if v + 1 < len(words) else "."
    if after not in (".", ",", "!", "?", ";", ""):
        return False
    k = v - 1
    while k >= 0 and words[k] not in (",", ""):
        k -= 1
    return k >= 0 and v - k <= 5


_OPENING = {"\u201c": "d", "\u201e": "d", "\u2018": "s"}


def _quote_regions(raw: str) -> list[tuple[int, int, int]]:
    """``(start, end, chain)`` of each quotation in ``raw``.

    A quotation left open at the end of a paragraph continues into the next
    paragraph when that one opens with a quotation mark; the regions of such a
    quotation share ``chain``.
    """
    regions = []
    chain = 0
    carried = None  # quote type open at the end of the previous paragraph
    for line in re.finditer(r"[^\n]+", raw):
        text, offset = line.group(), line.start()
        first = text.lstrip()[:1]
        continues = carried is not None and (first in _OPENING or first in "\"'")
        if not continues:
            chain += 1
        carried = None
        open_at, kind = None, None
        for i, ch in enumerate(text):
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            if open_at is None:
                if ch in "\u201c\u201e" or ch == '"':
                    open_at, kind = i, "d"
                elif (ch == "\u2018" or ch == "'") and not prev.isalnum() and (nxt.isalnum() or nxt in "\u201c\""):
                    open_at, kind = i, "s"
            elif kind == "d" and ch in "\u201d\"":
                regions.append((offset + open_at, offset + i + 1, chain))
                open_at = None
            elif kind == "s" and ch in "\u2019'" and not nxt.isalpha() and not prev.isspace():
                regions.append((offset + open_at, offset + i + 1, chain))
                open_at = None
        if open_at is not None:
            regions.append((offset + open_at, offset + len(text), chain))
            carried = kind
    return regions
