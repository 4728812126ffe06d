"""Who a sentence credits for what it states: reporting verbs, quotations and names.

:class:`DocumentSources` finds, for each sentence of a document, the source it
credits: "according to X", "X said" (with an appositive: "Novaya Gazeta, an
independent local newspaper, reports"), ", X reports." at the end, "said X",
"reported by X", a group ("activists say"), or a pronoun ("she added")
resolved to the last person quoted. Any noun phrase can be the sayer, not only
a listed noun: a whole subject that opens its clause ("Chechen leaders
maintain", "men claiming to have survived the camps said") or one at the end of
the sentence (", the mayor said"); a report or finding ("an investigation has
found") is kind ``finding``, a quotation's speaker but no authority for a
figure. Inside a quotation, even one that runs over several paragraphs, the
speaker is the quotation's (:func:`quote_regions`, the one quotation-region
finder). :class:`Gazetteer` learns
from the corpus itself who works where ("Tanya Lokshina, the Russia program
director at Human Rights Watch") and which names are organisations, so that a
person is written ``Name (Organisation)``. No statistical model is used: only
capitalised spans, a list of reporting verbs and these patterns.

Used by :mod:`analysis.claims`, :mod:`analysis.quotes` and :mod:`analysis.overview`.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass

from .numbers import MONTHS, TIME_AND_DISTANCE, opens_a_number, word_tokens
from .parallel import map_ranges
from .text import STOPWORDS, normalize_for_matching, strip_possessive

__all__ = ["CLAUSE_ONLY_VERBS", "DOCUMENT_NOUNS", "DocumentSources", "Gazetteer", "ORGANISATION_KINDS",
           "REPORTING_VERBS", "SOURCE_NOUNS", "Source", "find_source", "head_noun", "named_after", "named_in_full",
           "of_organisation_named", "people_named", "quote_regions", "sex_marks"]

REPORTING_VERBS = {
    "say", "says", "said", "report", "reports", "reported", "tell", "tells", "told", "claim",
    "claims", "claimed", "allege", "alleges", "alleged", "write", "writes", "wrote", "add", "adds",
    "added", "continue", "continues", "continued", "stated", "complained", "complains", "declared",
    "disclosed", "admitted", "reveal", "reveals",
    "revealed", "estimate", "estimates", "estimated", "confirm", "confirms", "confirmed",
    "announce", "announces", "announced", "note", "notes", "noted", "explain", "explained",
    "insist", "insists", "insisted", "warn", "warns", "warned", "counted",
    "maintain", "maintains", "maintained", "urge", "urges", "urged", "deny", "denies", "denied",
    "conclude", "concludes", "concluded", "find", "finds", "found",
    "argue", "argues", "argued", "acknowledge", "acknowledges", "acknowledged", "stresses", "stressed",
    "emphasize", "emphasizes", "emphasized", "emphasise", "emphasises", "emphasised", "assert", "asserts",
    "asserted", "testify", "testifies", "testified", "predict", "predicts", "predicted", "cautions",
    "cautioned", "replies", "replied",  # not "stress", "caution", "reply": nouns as often ("blamed stress for")
}
#: Reporting verbs only before "that" or at the end of a clause ("an inquiry found that ...", "..., a study
#: found."), not with an object ("rescuers found 12 bodies", "the government denies the claims").
CLAUSE_ONLY_VERBS = {"find", "finds", "found", "deny", "denies", "denied"}
#: Finite verbs right after a reporting verb: a clause about a noun before the sayer, no "that" ("a firm
#: officials said was involved", "the raid police say has killed 12"), whose sayer is not the sentence's.
CONTACT_CLAUSE_VERBS = {"was", "were", "is", "are", "has", "have", "had", "would", "will", "could", "might"}
#: Reporting verbs in a form that is never a noun ("said", not "reports"): one before "reports" is the verb.
_PAST_REPORTING = {w for w in REPORTING_VERBS if w.endswith("ed")} | {"said", "told", "wrote", "found"}
#: Words that open a time phrase, not a subject ("but last July said", "although less than a month ago").
_TIME_OPENERS = {"last", "next", "this", "that", "less", "more", "earlier", "later", "then", "in", "on", "at"}
#: Conjunctions that open a clause before its subject ("..., but dealers said").
CLAUSE_CONJUNCTIONS = {"but", "and", "while", "although", "though", "whereas", "yet"}
#: Verbs by which a sentence-final outlet relays what the named sayer before it said ("..., Radio Sur reported").
RELAY_VERBS = {"report", "reports", "reported"}
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
    "commander", "commanders", "chief", "minister", "governor", "owner", "owners", "workers", "worker",
    "nurse", "director", "officer", "officers", "figures", "statistics", "spokesmen", "spokeswomen",
    "rescuers", "firemen", "miners", "passengers", "crew", "guards", "soldiers", "troops", "reports", "agency", "radio", "television", "newspaper", "paper",
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
    "nations", "state", "states", "corp", "inc", "company", "ltd", "review", "media", "bureau", "authority",
    "board", "airways", "airlines", "academy", "corporation", "command", "organisation",
    "observatory", "tribunal", "mission", "secretariat", "movement", "initiative", "institution", "trust",
    "administration",
}
PREPOSITIONS = {"in", "at", "of", "from", "for", "with", "on", "by", "to", "near", "inside",
                "into", "under", "against", "about", "over", "than", "like", "across", "through",
                "during", "despite", "amid", "throughout", "within", "without", "until", "toward", "towards", "upon",
                "between", "among", "beyond", "via"}
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
                             "today", "yesterday", "tonight", "again",
                             "further", "then", "now", "again", "first", "once", "repeatedly", "even", "all",
                             "still", "themselves", "himself", "herself"}
DETERMINERS = {"the", "a", "an", "some", "many", "several", "other", "these", "those"}
#: Words that open a subject noun phrase and are not part of how the source is written ("another" is kept
#: only when it stands alone: "Another claimed" is another of the group named before).
SUBJECT_DETERMINERS = {"the", "a", "an", "one", "another", "some", "many", "several", "numerous", "other",
                       "these", "those", "two", "three", "four", "five", "both", "most", "all"}
#: Nouns of an unnamed report or finding ("an investigation has found"): a quotation's speaker, but no
#: authority for a figure (CLAIMS_GUIDE.md: "Unnamed reports and findings are not sources").
FINDING_NOUNS = {"investigation", "investigations", "inquiry", "report", "reports", "study", "studies",
                 "survey", "probe", "analysis", "review", "audit", "research", "findings"}
#: Adjectives that judge (or date) a report rather than say whose it is: dropped from an unnamed source ("a
#: shocking investigation" is written "investigation", QUOTES_GUIDE.md: "without ... evaluative adjectives").
EVALUATIVE_ADJECTIVES = {"shocking", "damning", "disturbing", "alarming", "chilling", "explosive", "startling",
                         "horrifying", "harrowing", "devastating", "scathing", "bombshell", "stunning", "troubling",
                         "worrying", "extraordinary", "dramatic", "remarkable", "sensational", "grim", "horrific",
                         "terrifying", "heartbreaking", "groundbreaking", "landmark", "major", "new", "latest"}
#: Nouns of a document that speaks for its author: "a statement by the union said" is the union speaking
#: (QUOTES_GUIDE.md, "A document speaks for its author").
DOCUMENT_NOUNS = {"statement", "statements", "letter", "petition", "communique", "communiqué", "release",
                  "declaration", "appeal", "announcement", "bulletin", "message", "post", "tweet", "video",
                  "report", "reports", "study", "survey", "investigation", "leaflet", "memo", "notice"}
#: Words that mark a source as a man or a woman: "she" does not point back to "the spokesman" (nor "he" to
#: "the spokeswoman"). A first name says nothing here: no list of names is kept.
MALE_WORDS = {"spokesman", "spokesmen", "man", "men", "male", "mr", "father", "son", "brother", "husband", "king",
              "prince", "boy", "sir", "chairman", "businessman", "policeman", "congressman", "sheikh", "uncle",
              "nephew", "grandfather", "monk", "priest"}
FEMALE_WORDS = {"spokeswoman", "spokeswomen", "woman", "women", "female", "mrs", "ms", "miss", "mother", "daughter",
                "sister", "wife", "queen", "princess", "girl", "lady", "chairwoman", "businesswoman",
                "policewoman", "congresswoman", "aunt", "niece", "grandmother", "nun"}
#: Words after the head noun that open its postmodifier ("men claiming to ...", "a victim who escaped ...").
_POSTMODIFIER_OPENERS = PREPOSITIONS | {"who", "that", "which", "behind", "inside", "outside", "among"}
#: Nouns of what was said that a sentence-final clause may be about ("..., a claim the army denied", "..., a figure
#: officials disputed"): the clause's sayer says something of the claim, and is not the source of its figures.
CLAIM_NOUNS = {"claim", "claims", "figure", "figures", "report", "reports", "account", "accounts", "estimate",
               "estimates", "toll", "assertion", "allegation", "allegations", "version"}
#: Adjectives that, with a preposition, follow the noun they describe ("sources close to the talks", "officials
#: familiar with the case", "militiamen loyal to the general"): what follows the head of a source.
POSTMODIFIER_ADJECTIVES = {"close", "familiar", "loyal", "near", "opposed", "critical", "friendly", "hostile",
                           "sympathetic", "responsible", "present", "faithful", "answerable"}
#: Nouns of figures a body publishes ("figures released by the health ministry", "statistics from the
#: bureau"): the body is the source, as for a document (:data:`DOCUMENT_NOUNS`).
DATA_NOUNS = {"figures", "statistics", "data", "estimates", "tally", "count"}
#: Heads that speak for someone else: "a spokesman for X" is written "X spokesman" (CLAIMS_GUIDE.md).
SPOKESPERSON_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "representative", "spokesmen", "spokespeople"}
#: Verbs that give a count as their subject's estimate with "at": "police put the death toll at 12".
TOLL_VERBS = {"put", "puts", "placed", "places"}
#: Nouns of a count in "put the toll at": the object of a :data:`TOLL_VERBS` verb.
TOLL_NOUNS = {"toll", "number", "figure", "figures", "total", "casualties", "dead", "death"}
#: Auxiliaries of "X was quoted as saying".
_PASSIVE = {"was", "were", "is", "are", "been", "be"}
#: Last words of the names of bodies and companies that hold an "and" after their first word ("Securities and
#: Exchange Commission", "Food and Drug Administration", "Bausch and Lomb Inc", "Harper and Row Publishers"):
#: :data:`ORG_WORDS` but those of outlets and of bodies written with "the" ("Reuters and Associated Press",
#: "Oxfam and World Health Organisation" are two sayers).
AND_NAME_HEADS = ORG_WORDS - {"news", "post", "times", "mail", "gazette", "journal", "herald", "telegraph", "guardian",
                              "tribune", "press", "radio", "tv", "television", "daily", "magazine", "review", "media",
                              "organisation", "organization", "nations", "international", "watch", "network"}
#: Heads that make one name after "and" only with a single word before them ("Food and Agriculture Organization";
#: "Oxfam and World Health Organisation" is two sayers).
_AND_NAME_HEADS_OF_TWO = {"organisation", "organization"}


#: Nouns of a count that a named body made, after its name ("according to an AFP tally": AFP).
COUNT_NOUNS_OF_A_SOURCE = {"tally", "count", "toll", "estimate", "estimates", "figures", "census", "survey"}
#: Words between a sayer and the body they speak for ("Ana Ruiz of the Red Cross", "a spokesman for the army").
AFFILIATION_WORDS = {"of", "from", "at", "for", "with"}
#: Marks that end a clause after an inverted sayer ("..., said Ana Ruiz.").
_CLAUSE_END_MARKS = {".", ",", ";", "!", "?"}
#: Reporting verbs that also take a count as object: "the storm claimed 14 lives" (or "the lives of 14 people") has
#: no sayer and no hedge.
_COUNT_OBJECT_VERBS = {"claim", "claims", "claimed", "claiming"}
#: The most words from such a verb to "lives" ("claimed some 2,400 lives").
LIVES_REACH = 5
#: What a disaster claims ("claimed 14 lives", "the life of a child"; and "at least 14 victims", see claims_lives).
_LIVES = {"lives", "life"}


#: The most words of a sayer set off by commas inside a clause ("At least 12 people, police said, were killed",
#: "40 protesters, the local governor told reporters, were arrested"), and of what follows its verb before the
#: closing comma (", police told AFP,", ", rescuers said late on Sunday,").
ASIDE_SAYER_WORDS = 5
ASIDE_AFTER_VERB_WORDS = 3


def aside_sayer_end(words, j: int) -> int | None:
    """The index of the comma that closes a sayer set off by the comma at ``j`` in lowercase ``words``, or None.

    At most :data:`ASIDE_SAYER_WORDS` words before the reporting verb and :data:`ASIDE_AFTER_VERB_WORDS` after it,
    all of them words.

    >>> aside_sayer_end("12 people , police said , were killed".split(), 2)
    5
    >>> aside_sayer_end("12 people , police told afp on sunday , were killed".split(), 2)
    8
    >>> aside_sayer_end("12 people , mostly women , were killed".split(), 2) is None
    True
    """
    for k in range(j + 2, min(len(words), j + 2 + ASIDE_SAYER_WORDS)):
        if not words[k - 1].isalpha():
            return None
        if words[k] in REPORTING_VERBS:
            for end in range(k + 1, min(len(words), k + 2 + ASIDE_AFTER_VERB_WORDS)):
                if words[end] == ",":
                    return end
                if not words[end].isalpha() or _opens_a_clause(words, end):
                    return None  # ", police said seven drowned,": what was said, not an aside
            return None
    return None


#: Words after a reporting verb that open what was said rather than an addressee or a time ("said seven drowned",
#: "said many were students"): auxiliaries and modals.
CLAUSE_AUXILIARIES = {"were", "was", "is", "are", "had", "has", "have", "will", "would", "could", "can", "may",
                      "might", "must", "should"}


def _opens_a_clause(words, i: int) -> bool:
    """Whether the word at ``i``, after a reporting verb, belongs to a clause: a number, an auxiliary, an -ed verb."""
    w = words[i]
    return opens_a_number(words, i) or w in CLAUSE_AUXILIARIES or w.endswith("ed")


def claims_lives(words, v: int) -> bool:
    """Whether the word at ``v`` is "claim(ed)" with lives (or victims) as its object: a toll, not anyone's claim.

    >>> claims_lives("the unrest has claimed some 2,400 lives".split(), 3)
    True
    >>> claims_lives("rebels claimed 12 soldiers died".split(), 1)
    False
    """
    if words[v] not in _COUNT_OBJECT_VERBS or words[v + 1:v + 2] == ["that"]:
        return False  # "Rebels claimed that all 12 victims were civilians": a claim
    near = range(v + 1, min(len(words), v + 1 + LIVES_REACH))
    # lives anywhere near ("claimed the lives of 30"); victims only as the counted noun ("claimed 14 victims", not
    # "claimed 40 of the victims were militants")
    return any(words[i] in _LIVES or words[i] == "victims" and (
        opens_a_number(words, i - 1)
        or words[i - 1] in ("more", "new", "other", "further") and opens_a_number(words, i - 2))  # "14 more victims"
        for i in near)
#: The longest whole subject noun phrase taken as a source ("gay men allegedly detained in the camps in X").
SUBJECT_PHRASE_WORDS = 12

# --------------------------------------------------------------- gazetteer

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_NAME = (rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}]?[{_LOWER}]+)?(?: [{_UPPER}]\.)?"
         rf"(?: [{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?){{1,2}}")
#: A middle initial is not part of how a person is written ("Robert E. Windom" = "Robert Windom").
_MIDDLE_INITIAL = re.compile(rf"(?<=[{_LOWER}]) [{_UPPER}]\.(?= [{_UPPER}])")
#: A country or body written with letters and dots ("U.S.", "U.N."), not an initial ("V.").
_ABBREVIATED = re.compile(r"^[A-Z](?:\.[A-Z])+\.?$")
_ORG = rf"[{_UPPER}][\w&.-]*(?: (?:of |for |and |on )?[{_UPPER}][\w&.-]*)*"
_AFFILIATION = re.compile(
    rf"(?P<name>{_NAME})(?:, (?:the |a |an )?(?:[\w-]+ ){{0,5}}?(?:{'|'.join(sorted(AFFILIATION_WORDS))}) "
    rf"| (?:{'|'.join(sorted(AFFILIATION_WORDS - {'for'}))}) )"  # "Ana Ruiz, a spokeswoman for", "Ana Ruiz of"
    rf"(?:the )?(?:[{_UPPER}]\w*'s )?(?P<org>{_ORG})(?P<next>'s| [{_LOWER}]+)?")
_THE_NAME = re.compile(rf"\b[Tt]he (?P<name>{_NAME})")
_APPOSITIVE_ORG = re.compile(
    rf"(?P<name>{_NAME}), (?:an? |the )(?:[\w-]+ ){{0,3}}?(?:{'|'.join(sorted(PUBLICATION_NOUNS))}|group|organi[sz]ation|charity|network)\b")
#: Common nouns of a kind of organisation that a name in apposition right after them belongs to ("the
#: official daily Diario Sur", "the news agency Norpress", "the rights group Ana Watch").
#: Nouns of an outlet that relays a sayer even without a name of its own ("..., state radio reported").
OUTLET_NOUNS = PUBLICATION_NOUNS | {"weekly", "radio", "station", "television", "tv"}
ORGANISATION_NOUNS = PUBLICATION_NOUNS | {"weekly", "radio", "station", "television", "group", "company", "firm",
                                          "organisation", "organization", "charity", "network", "party", "movement",
                                          "watchdog"}
_NOUN_THEN_NAME = re.compile(rf"\b(?:{'|'.join(sorted(ORGANISATION_NOUNS))}) (?P<name>{_NAME})")

#: "Name, a male nurse," / "Name, an official," / "..., said Name, the regional governor." : a person and the role
#: the text gives them.
_APPOSITIVE_ROLE = re.compile(
    rf"(?P<name>{_NAME}), (?:an? |the )(?:[a-z-]+ ){{0,2}}?(?P<role>{'|'.join(sorted(SOURCE_NOUNS, key=len, reverse=True))})"
    r"(?=[,;]|\.(?:\s|$))")


#: "Mr Marek", "Mrs. Ruiz": a person the text marks as a man or a woman by title (the texts holding "Mr",
#: "Ms" or "Miss" are searched).
_SEX_TITLE = re.compile(rf"\b(?P<title>Mr|Mrs|Ms|Miss)\.? (?P<name>[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?)\b"
                        rf"(?P<rest>(?: [{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?){{0,2}})")
#: ", a spokeswoman", ", the young mother": an appositive marking the person named just before it.
_SEX_NOUNS = sorted(MALE_WORDS | FEMALE_WORDS - {"mr", "mrs", "ms", "miss", "sir"}, key=len, reverse=True)
_SEX_APPOSITIVE = re.compile(
    r", (?:an? |the )(?:(?!(?:of|for|to|with|at|in|on|from|by|and|or|who|that)\b)[\w-]+ ){0,3}?"
    rf"(?P<noun>{'|'.join(_SEX_NOUNS)})\b")
_NAME_BEFORE = re.compile(rf"(?P<name>{_NAME})$")
#: Characters looked back from an appositive for the name it describes.
_NAME_BEFORE_CHARS = 60


def sex_marks(text: str) -> dict:
    """The people ``text`` marks as a man or a woman: ``{name: "male" or "female"}``.

    A title marks a surname ("Mr Marek" -> ``Marek``), an appositive the full
    name before it ("Ana Ruiz, a spokeswoman for ..." -> ``Ana Ruiz``); a name
    marked both ways ("Mr Lee", "Mrs Lee") is marked "" (neither). Read within
    one article: spouses and relatives share surnames across a corpus.

    >>> sex_marks("Mr Marek left. Ana Ruiz, a spokeswoman for the union, said so. Mr Lee and Mrs Lee left.")
    {'Marek': 'male', 'Lee': '', 'Ana Ruiz': 'female'}
    """
    norm = normalize_for_matching(text).replace("\n", " ")
    marks: dict[str, set] = {}
    if "Mr" in norm or "Ms" in norm or "Miss" in norm:
        for m in _SEX_TITLE.finditer(norm):
            sex = "male" if m.group("title") == "Mr" else "female"
            full = m.group("name") + m.group("rest")  # "Mr Ivo Marek": the full name and the surname
            for name in {full, full.split()[-1]}:
                marks.setdefault(name, set()).add(sex)
    for m in _SEX_APPOSITIVE.finditer(norm):
        name = _NAME_BEFORE.search(norm, max(0, m.start() - _NAME_BEFORE_CHARS), m.start())
        if name:
            sex = "male" if m.group("noun").lower() in MALE_WORDS else "female"
            marks.setdefault(_MIDDLE_INITIAL.sub("", name.group("name")), set()).add(sex)
    return {name: next(iter(found)) if len(found) == 1 else "" for name, found in marks.items()}


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
    def from_texts(cls, texts, *, n_jobs: int | None = 1) -> "Gazetteer":
        """The names of ``texts``; ``n_jobs`` processes read consecutive parts, merged in order (see
        :meth:`merged`), which gives the same gazetteer."""
        texts = list(texts)
        return cls.merged(map_ranges(_gazetteer_chunk, len(texts), context=texts, n_jobs=n_jobs))

    @classmethod
    def _read(cls, texts) -> "Gazetteer":
        people: dict[str, str] = {}
        organisations: set[str] = set()
        for text in texts:
            norm = normalize_for_matching(text).replace("\n", " ")
            for m in _AFFILIATION.finditer(norm):
                name, org = m.group("name"), m.group("org").strip(" .")
                single_adjective = " " not in org and m.group("next") and m.group("next").strip() not in FUNCTION_WORDS
                if _is_person_shape(name) and not single_adjective and m.group("next") != "'s":
                    people.setdefault(_MIDDLE_INITIAL.sub("", name), org)
            for pattern in (_THE_NAME, _APPOSITIVE_ORG, _NOUN_THEN_NAME):
                organisations.update(m.group("name") for m in pattern.finditer(norm))
            for m in _APPOSITIVE_ROLE.finditer(norm):  # "Jan Van Dam, a male nurse, said"
                if _is_person_shape(m.group("name")):
                    people.setdefault(m.group("name"), m.group("role"))
        return cls._of(people, organisations)

    @classmethod
    def merged(cls, parts) -> "Gazetteer":
        """The gazetteer of a corpus from those of its consecutive parts, in order."""
        people: dict[str, str] = {}
        organisations: set[str] = set()
        for part in parts:
            for name, org in part.people.items():
                people.setdefault(name, org)  # the first affiliation read wins, as in from_texts
            organisations |= part.organisations
        return cls._of(people, organisations)

    @classmethod
    def _of(cls, people: dict, organisations: set) -> "Gazetteer":
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

    @functools.cached_property
    def name_words(self) -> frozenset:
        """The lower-cased words of the people's names, none of them a common word ("jorge", "bracho")."""
        return frozenset(w.lower() for name in self.people for w in name.split()
                         if w.isalpha() and w.lower() not in STOPWORDS | FUNCTION_WORDS | SOURCE_NOUNS | TITLE_WORDS
                         and w.lower() not in REPORTING_VERBS)

    def kind(self, name: str) -> str:
        """"person" or "org"."""
        if name in self.organisations or any(w.lower() in ORG_WORDS for w in name.split()):
            return "org"
        if name in self.people or name in self.surnames or _is_person_shape(name):
            return "person"
        # a single word is a person only as the surname of someone named with an affiliation ("Petrova
        # said"); otherwise a state, agency or company ("Iran said", "Acme said")
        return "org"

    def label(self, name: str) -> str:
        """How a source is written: ``Name (Organisation)`` for a person with one."""
        full = self.surnames.get(name, name) if " " not in name else name
        org = self.people.get(full, "")
        return f"{full} ({org})" if org and self.kind(full) == "person" else full


def _gazetteer_chunk(texts, start: int, stop: int) -> list[Gazetteer]:
    """The gazetteer of ``texts[start:stop]`` (run in a worker)."""
    return [Gazetteer._read(texts[start:stop])]


# ---------------------------------------------------------------- sources


@dataclass(frozen=True)
class Source:
    """Who a sentence credits: ``text`` as written in a table, its ``kind``, and the ``rule`` that found it.

    ``kind`` is person, org, group (an unnamed source: "health officials"),
    pronoun ("he said") or reference ("the company said"); the last two are
    resolved within the document by :class:`DocumentSources`. ``verb`` is the
    token index of the reporting verb in the sentence (-1 when none).

    >>> find_source("At least 12 people died, mine owners said.")
    Source(text='mine owners', kind='group', rule="sentence-final 'mine owners said'", verb=8)
    """

    text: str
    kind: str
    rule: str
    verb: int = -1

    def short(self) -> "Source":
        """An unnamed source as a short noun phrase, without what follows its head but an "of"/"for"
        complement ("activists", not "activists behind the reporting"), as a table of figures writes it
        (CLAIMS_GUIDE.md).

        >>> Source("victim who escaped from the camp", "group", "r").short().text
        'victim'
        """
        if self.kind != "group" or " (" in self.text:
            return self
        words = self.text.split()
        # an "of"/"for" complement stays ("governor of West Flanders province")
        cut = next((h for h in range(1, len(words)) if words[h] not in ("of", "for")
                    and _opens_postmodifier(words, h)), len(words))
        return self if cut == len(words) else Source(" ".join(words[:cut]), self.kind, self.rule, self.verb)

    @property
    def named(self) -> bool:
        """A person or organisation by name (their reporting verb is attribution, not a hedge)."""
        return self.kind in ("person", "org")


#: Nouns that, after "the", refer back to an organisation named earlier ("the company said").
REFERENCE_NOUNS = PUBLICATION_NOUNS | {
    "company", "firm", "group", "ministry", "government", "army", "military", "command", "radio",
    "station", "statement", "report", "organisation", "organization", "agency", "bank", "owner",
    "owners", "operator", "airline", "police", "embassy", "department", "office", "council", "committee",
}
#: Reference nouns for bodies of a state: "the government said" resolves only to a government named before.
STATE_BODIES = {"government", "ministry", "police", "army", "military", "embassy", "department", "council",
                "committee", "command"}
#: Offices one person holds, a source after "according to the" ("according to the mayor"), as "governor" and
#: "minister" are anywhere (:data:`SOURCE_NOUNS`); not source nouns themselves, which would take "President" from
#: "President Reagan" in a speaker's name.
OFFICE_NOUNS = {"mayor", "president", "sheriff", "premier", "chairman", "senator", "judge", "prosecutor", "coroner",
                "ambassador", "secretary", "chancellor"}
#: Words of a title before a name ("Dutch Transport Minister Anna de Vries").
TITLE_WORDS = {
    "minister", "president", "governor", "director", "chief", "secretary", "spokesman", "spokeswoman",
    "commander", "general", "ambassador", "mayor", "premier", "king", "queen", "leader", "chairman",
    "head", "officer", "official", "senator", "judge", "prosecutor", "inspector", "captain", "colonel",
    "major", "lieutenant", "sergeant", "prince", "sheikh", "bishop", "archbishop", "pope", "dr", "mp",
}
#: Days of the week, no part of an office after them ("On Tuesday police chief Ana Ruiz said").
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
#: Words that open a sentence without being part of an office after them ("Earlier police chief Ana Ruiz said");
#: adverbs in -ly and the stopwords are left out anyway.
SENTENCE_OPENERS = {"earlier", "later", "instead", "overnight", "nonetheless", "nevertheless", "separately",
                    "similarly", "likewise", "meanwhile", "elsewhere", "afterwards", "first", "second", "third"}
#: The most words of an office written in lower case before a name, its organisation's name counted word by word
#: ("central bank governor", "deputy prime minister", "management board chairman"): a longer run is more likely a
#: clause than an office.
OFFICE_WORDS = 4
#: Words that qualify an office before a name, on either side of the word that says whose it is ("former mayor",
#: "Deputy health minister", "acting police chief").
OFFICE_QUALIFIERS = {"former", "deputy", "acting", "vice", "senior", "top", "interim", "assistant", "chief",
                     "joint", "executive", "managing", "retired", "elected"}
#: Titles written with a full stop before a name ("Dr. Ana Ruiz", "Gen. Ivo Marek"): the stop ends no name.
_TITLE_ABBREVIATIONS = {"Dr", "Mr", "Mrs", "Ms", "Prof", "Gen", "Col", "Lt", "Sgt", "Rev", "Capt", "Maj", "Gov",
                        "Sen", "Rep", "Adm", "Cmdr", "Insp", "Supt"}
#: Lower-case words inside a person's name ("Anna de Vries", "Jan Van Dam").
NAME_PARTICLES = {"de", "van", "von", "der", "den", "du", "da", "di", "al", "el", "bin", "ibn", "la", "le", "dos"}
#: A corporate suffix is not part of how an organisation is written ("Acme Inc" = "Acme").
#: Words that end a company's name ("Acme Mining Co", "Zenning Corp").
CORPORATE_WORDS = {"Inc", "Corp", "Corporation", "Ltd", "Co", "Plc", "PLC", "Limited", "SA", "AG", "NV"}
# "Merck and Co Inc" is Merck: the "and" before "Co" goes with it
_CORPORATE_SUFFIX = re.compile(
    rf"(?:,? (?:and |& )?(?:{'|'.join(sorted(CORPORATE_WORDS, key=len, reverse=True))})\.?)+$")
#: The longest group phrase built before or after a source noun ("port control spokesman").
GROUP_PHRASE_WORDS = 4
#: The longest sayer after the last comma of a sentence ("a nurse who took part in the rescue operation said").
FINAL_SAYER_WORDS = 12
# A headline's credit: up to three words in capitals, and the verbs that make it one
_HEADLINE_WHO = r"[A-Z][A-Z.'&-]*(?:\s+[A-Z][A-Z.'&-]*){0,2}"
_HEADLINE_VERBS = r"SAYS|SAY|CLAIMS|CLAIM|REPORTS|REPORT"
_HEADLINE_SAYS = re.compile(rf"^(?P<who>[A-Z][A-Z .'&-]*?[A-Z])\s+(?:{_HEADLINE_VERBS})\b")  # "IRAN SAYS ..."
_HEADLINE_SAYS_WHO = re.compile(rf",\s*(?:SAYS|SAY|REPORTS|CLAIMS)\s+(?P<who>{_HEADLINE_WHO})\s*$")  # ", SAYS FAO"
_HEADLINE_WHO_SAYS = re.compile(rf",\s*(?P<who>{_HEADLINE_WHO}?)\s+(?P<verb>{_HEADLINE_VERBS})\s*$")  # ", POLICE SAY"
_HEADLINE_CREDIT = re.compile(rf",\s*(?P<who>{_HEADLINE_WHO})\s*$")
_RELATIVE = {"which", "who", "that", "whom"}
#: Words that are never part of a person's name written in lower case ("the head, a doctor, said").
_NOT_NAME_WORDS = STOPWORDS | FUNCTION_WORDS | DETERMINERS | SOURCE_NOUNS | TITLE_WORDS | REPORTING_VERBS
#: Verbs that give the name a group goes by ("guerrillas called the Tigers"); "known as" too.
_NAMING_VERBS = {"called", "dubbed", "nicknamed"}
#: The most words of the name in "a group known as ..." ("the Popular Liberation Army").
KNOWN_AS_WORDS = 4
#: Heads of a name that belong to their possessor: "the Attorney General's Office" is one name.
_OWNED_OFFICES = {"office", "department", "bureau", "ministry", "secretariat", "cabinet", "staff"}
#: Number words: a capitalised one opens a count, not a name ("Thirty South African coal miners").
_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                 "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
                 "hundreds", "thousands", "dozens", "several", "scores", "some", "about", "more", "over"}
#: Words that end an office written before a name, read backwards from its title (see ``_office_before``).
_NOT_OFFICE_WORDS = (STOPWORDS | FUNCTION_WORDS | DETERMINERS | REPORTING_VERBS | _NUMBER_WORDS | PRONOUNS
                     | TIME_AND_DISTANCE | MONTHS | WEEKDAYS | SENTENCE_OPENERS
                     | {"today", "yesterday", "tonight", "ago", "including"})  # "last week Acme president Ana Ruiz"


#: In an all-capital headline a word of at most this many letters is kept as an acronym ("FAO", "UN").
ACRONYM_MAX_LETTERS = 3


def find_source(sentence: str, *, gazetteer: "Gazetteer | None" = None, quoted=(), common_words=frozenset()):
    """Who ``sentence`` credits for what it states, or None when it speaks in its own voice.

    A pure function of the sentence: "according to X", "X said" (with an
    appositive: "Novaya Gazeta, an independent local newspaper, reports"),
    ", X said." at the end (which wins over a sayer inside the sentence),
    "said X", "reported by X", "X told Reuters" (X, not the agency), "X,
    citing Y, said" (``X (citing Y)``), a group ("health officials said"), a
    title before a name (``Name (Title)``), and in an all-capital headline "X
    SAYS ..." or a trailing ", MINE OWNERS". A sayer inside a relative clause
    ("the blast, which the president said ...") is not the sentence's source.
    Pronouns and definite references come back with kind ``pronoun`` or
    ``reference``, for the caller to resolve.

    Parameters
    ----------
    sentence : str
        One sentence.
    gazetteer : Gazetteer, optional
        Names learnt from the corpus (for ``Name (Organisation)``).
    quoted : iterable of (start, end)
        Character spans of quotations inside the sentence: their words are
        not searched (the speaker is outside them).
    common_words : set of str
        Words the document also writes in lower case: a capitalised one that
        opens the sentence is not a name ("Earlier, ...").

    Returns
    -------
    Source or None

    Examples
    --------
    >>> find_source("Five died, Ana Ruiz told Reuters.").text
    'Ana Ruiz'
    >>> find_source("The agency, citing police, said 40 were hurt.").text
    'agency (citing police)'
    >>> find_source("IRAN SAYS 300 KILLED").text
    'Iran'
    """
    if not any(ch.islower() for ch in sentence):
        return _headline_source(sentence)
    return _sentence_sources(sentence, gazetteer, quoted, common_words).find()


def organisations_named(sentence: str, *, gazetteer: "Gazetteer | None" = None, quoted=(), common_words=frozenset()):
    """The organisations ``sentence`` names (names with an :data:`ORG_WORDS` word), as sources are written, in order.

    >>> [s.text for s in organisations_named("The Interior Ministry met Acme Mining Corp on Monday.")]
    ['Interior Ministry', 'Acme Mining']
    """
    if not any(ch.islower() for ch in sentence):
        return []
    found = _sentence_sources(sentence, gazetteer, quoted, common_words)
    named = [(name, *found._name_source(name)) for _, (_, name) in sorted(found.names.items())]
    return [Source(text, "org", f"'{text}' named in the article") for name, text, kind in named
            if kind == "org" and any(w.lower() in ORG_WORDS for w in name.split())]


def people_named(sentence: str, *, gazetteer: "Gazetteer | None" = None, quoted=(), common_words=frozenset()):
    """The people ``sentence`` names in full (two words or more), as sources are written, in order.

    >>> [s.text for s in people_named("Tanovian Interior Minister Ana Ruiz visited Acme Mining Corp.")]
    ['Ana Ruiz (Tanovian Interior Minister)']
    """
    if not any(ch.islower() for ch in sentence):
        return []
    found = _sentence_sources(sentence, gazetteer, quoted, common_words)
    people = []
    for p, (_, name) in sorted(found.names.items()):
        text, kind = found._name_source(name)
        if kind == "person" and " " in re.sub(r" \(.*\)$", "", text):
            people.append(Source(text, "person", f"'{text}' named in the article"))
    return people


#: Dashes that :func:`~analysis.numbers.word_tokens` reads as spaces (an em dash, a horizontal bar): between two
#: words they set off an aside as commas do ("were arrested—police said—after the march"). An en dash or a
#: hyphen is a token of its own.
_ASIDE_DASH = re.compile("[\u2014\u2015]")


def _sentence_sources(sentence, gazetteer, quoted, common_words) -> "_SentenceSources":
    """The words of ``sentence`` outside its quotations (``quoted``), with its names, ready to choose a source."""
    gazetteer = gazetteer or Gazetteer({}, {}, set())
    norm = normalize_for_matching(sentence)
    spans = sorted(quoted)
    seq = []
    tokens = word_tokens(sentence)
    # "(TMU)" after a name and before a verb or a comma: "The Tanovian Miners Union (TMU) said" is the
    # union's; before a capital it bounds the name ("Tanovian Miners Union (TMU) President Ana Ruiz")
    acronym = set()
    for index in range(1, len(tokens) - 2):
        (before, _, _), (w, _, _), (x, a, b), (y, _, _) = tokens[index - 1:index + 3]
        after = norm[tokens[index + 3][1]:tokens[index + 3][2]] if index + 3 < len(tokens) else ""
        if w == "(" and y == ")" and before[:1].isalpha() and _ACRONYM.fullmatch(norm[a:b]) \
                and not _is_capitalised(after):
            acronym.update((index, index + 1, index + 2))
    # a ticker in angle brackets after a name ("CSR Ltd <CSRA.S> said"): no word of the sentence
    for index in range(1, len(tokens)):
        if tokens[index][0] == "<" and tokens[index - 1][0][:1].isalpha():
            close = next((j for j in range(index + 1, min(len(tokens), index + TICKER_TOKENS + 2))
                          if tokens[j][0] == ">"), None)
            if close is not None and _TICKER.fullmatch(norm[tokens[index][2]:tokens[close][1]]):
                acronym.update(range(index, close + 1))
    dotted = _dotted_abbreviations(norm, tokens)
    previous_end = 0
    for index, (w, a, b) in enumerate(tokens):
        if _ASIDE_DASH.search(sentence, previous_end, a) and seq and seq[-1] is not None and seq[-1][0] != ",":
            seq.append((",", ",", index))  # "arrested—police said—after": a dash bounds a clause as a comma does
        previous_end = b
        inside = any(x <= a < y for x, y in spans) or w == '"'
        if inside:
            if not seq or seq[-1] is not None:
                seq.append(None)  # a hidden stretch, also at the start, bounds a clause
            continue
        if w in ("<", ">") or index in acronym or dotted.get(index) == "":
            continue  # "<Acme Inc>": a ticker's brackets
        if index in dotted:  # "U.S." is one word, not "u . s ."
            seq.append((dotted[index].lower(), dotted[index], index))
            continue
        seq.append((w, norm[a:b], index))
    lower_case = sentence.lstrip(" \t\n\"'\u201c\u2018(")[:1].islower()
    return _SentenceSources(seq, gazetteer, common_words, lower_case)


def _dotted_abbreviations(text, tokens) -> dict[int, str]:
    """Abbreviations written with full stops and no spaces ("U.S.", "U.N."): the index of each one's first
    token -> the abbreviation, and of its other tokens -> "".

    >>> from analysis.numbers import word_tokens
    >>> s = "U.S. officials and V. Ruiz"
    >>> _dotted_abbreviations(s, word_tokens(s))
    {0: 'U.S.', 1: '', 2: '', 3: ''}
    """
    out, i = {}, 0
    while i < len(tokens):
        j = i
        while j + 1 < len(tokens) and len(tokens[j][0]) == 1 and text[tokens[j][1]:tokens[j][2]].isupper() \
                and tokens[j + 1][0] == "." and tokens[j + 1][1] == tokens[j][2] \
                and (j == i or tokens[j][1] == tokens[j - 1][2]):
            j += 2
        if j - i >= 4:  # two letters or more
            out[i] = text[tokens[i][1]:tokens[j - 1][2]]
            out.update((k, "") for k in range(i + 1, j))
            i = j
        else:
            i += 1
    return out


#: A bracketed acronym or short code after a name ("(TMU)", "(JAL)"): no word of the sentence's own.
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")
#: A stock ticker as Reuters writes it in angle brackets ("CSRA.S", "KLM.AS").
_TICKER = re.compile(r"[A-Z][A-Z0-9&-]{0,7}(?:\.[A-Z]{1,3})?")
#: The most tokens inside a ticker's brackets ("CSRA", ".", "S").
TICKER_TOKENS = 3


def _headline_source(sentence: str):
    """"IRAN CLAIMS 3,000 ..." -> Iran; "..., MINE OWNERS" -> mine owners; "..., POLICE SAY" -> police."""
    text = " ".join(normalize_for_matching(sentence).split())
    says = _HEADLINE_SAYS_WHO.search(text)
    if says:  # "500 MLN STARVING IN THE WORLD, SAYS FAO DIRECTOR"
        who = says.group("who")
        return Source(_headline_name(who), "org", f"headline ', SAYS {who}'")
    said = _HEADLINE_WHO_SAYS.search(text)
    if said:  # "FIVE HURT IN TRAIN CRASH, POLICE SAY", "..., IRAN SAYS"
        return _headline_sayer(said.group("who"), f"headline ', {said.group('who')} {said.group('verb')}'")
    m = _HEADLINE_CREDIT.search(text)
    if m and m.group("who").split()[-1].lower() in SOURCE_NOUNS | REFERENCE_NOUNS:
        return Source(m.group("who").lower(), "group", f"headline credit ', {m.group('who')}'")
    m = _HEADLINE_SAYS.match(text)
    if m and not re.search(r"\d", m.group("who")) and len(m.group("who").split()) <= 3:
        return _headline_sayer(m.group("who"), f"headline '{m.group('who')} SAYS'")
    return None


def _headline_sayer(who: str, rule: str) -> Source:
    """The sayer of a headline's "WHO SAYS": a group when its last word is a source noun or a title ("POLICE",
    "OFFICIALS"), else a name ("IRAN")."""
    if who.split()[-1].lower() in SOURCE_NOUNS | TITLE_WORDS:
        return Source(who.lower(), "group", rule)
    return Source(_headline_name(who), "org", rule)


def _headline_name(who: str) -> str:
    """A name written in capitals, as a table writes it: "IRAN" -> "Iran", "FAO" stays, "DIRECTOR" -> "director"."""
    words = who.split()
    # a short word in capitals is an acronym ("FAO"); a longer one a name ("IRAN") or, last, a role ("DIRECTOR")
    return " ".join(w if len(w) <= ACRONYM_MAX_LETTERS
                    else w.lower() if i == len(words) - 1 and i > 0 and w.lower() in SOURCE_NOUNS | TITLE_WORDS
                    else w.title() for i, w in enumerate(words))


class _SentenceSources:
    """The candidates of one sentence (tokens outside quotations) and the choice between them."""

    def __init__(self, seq, gazetteer, common_words, lower_case=False):
        self.seq = seq
        self.gazetteer = gazetteer
        self.common_words = common_words
        self.words = [item[0] if item else "" for item in seq]
        self.names = self._names()
        #: Names in apposition after a kind of organisation ("the official daily Diario Sur"): organisations.
        self.apposed = {name for p, (_, name) in self.names.items()
                        if p > 0 and self.words[p - 1] in ORGANISATION_NOUNS}
        self._lower_case_names()
        #: A sentence that opens in lower case is from an all-lower-case story, which hides its names.
        self.lower_case = lower_case

    def _lower_case_names(self):
        """Names written in lower case ("bracho said", "hugo merino, told"): a run of words of a person the
        corpus names elsewhere with capitals, ending in their surname, is that person."""
        known, surnames = self.gazetteer.name_words, self.gazetteer.surnames
        if not known:
            return
        seq, words = self.seq, self.words
        covered = {q for p, (stop, _) in self.names.items() for q in range(p, stop)}
        p = 0
        while p < len(seq):
            q = p
            while q < len(seq) and seq[q] is not None and q not in covered and words[q] in known:
                q += 1
            last = q - 1
            while last >= p and words[last].title() not in surnames:
                last -= 1
            if last >= p and any(not _is_capitalised(seq[r][1]) for r in range(p, last + 1)):
                self.names[p] = (last + 1, words[last].title())
                p = last + 1
            else:
                p = max(q, p + 1)

    def find(self):
        seq, words = self.seq, self.words
        if not any(w in REPORTING_VERBS or w in ("according", "quoted") or w in TOLL_VERBS for w in words):
            return None
        for p in range(len(words) - 1):
            if words[p] == "according" and words[p + 1] == "to":
                # "according to a statement by X", "according to figures released by X": X
                found = self._document_author(p + 2) or self._apposed_after(p + 2) or self._phrase_after(p + 2) \
                    or self._office_after(p + 2)
                if found and found[1] == "group" and head_noun(found[0]) in FINDING_NOUNS:
                    found = (found[0], "finding")  # "according to reports": no authority (CLAIMS_GUIDE.md)
                if found:
                    return Source(found[0], found[1], f"'according to {found[0]}'")
        quoting = self._quoting()
        if quoting is not None:
            return quoting
        candidates = []
        for v, w in enumerate(words):
            quoted_as = w == "saying" and v > 1 and words[v - 1] == "as" and words[v - 2] == "quoted"
            if (w not in REPORTING_VERBS or w.endswith("ing")) and not self._puts_toll(v) and not quoted_as:
                continue  # "X was quoted as saying" is X's (the subject of the passive, :meth:`_subject`)
            if v + 1 < len(words) and (words[v + 1] in REPORTING_VERBS or words[v + 1] in TOLL_VERBS) \
                    and not quoted_as and w not in _PAST_REPORTING:
                continue  # "local media reports said", "reports put the toll at": a noun before the verb (not
                # "traders said reports ...")
            by = v + 1 < len(words) and words[v + 1] == "by"  # "was reported by X"
            if v > 0 and words[v - 1] in _NOT_BEFORE_A_VERB and not by:
                continue  # "is said to" is a hedge; "the claims" a noun
            # "expects to announce", "declined to say": no saying done, a sayer only when the sentence has no other
            infinitive = v > 0 and words[v - 1] == "to"
            if v + 1 < len(words) and words[v + 1] == "to" and (w in ("said", "reported") or w == "claimed" and (
                    v == 0 or words[v - 1] in (",", ""))):
                continue  # "said to have", a hedge; "rebels claimed to have killed 12" is the rebels' claim
            if w in CLAUSE_ONLY_VERBS and not (v + 1 < len(words) and words[v + 1] == "that" or _ends_clause(words, v)):
                continue
            contact = v + 1 < len(words) and words[v + 1] in CONTACT_CLAUSE_VERBS
            verb = seq[v][2]
            if by:
                found = self._phrase_after(v + 2)
                how = f"'{w} by'"
            else:
                found, how = None, ""
                if (v == 0 or words[v - 1] in (",", "")) and v + 1 < len(words) and words[v + 1] not in PRONOUNS \
                        and w not in ("told", "tells", "tell"):
                    found = self._phrase_after(v + 1, ending=True)  # ", said Alvi Karimov."
                    how = f"'{w}' before its sayer"
                    if not found:  # '"...," said a statement by the union': the document's author
                        found = self._document_author(v + 1)
                        how = f"'{w}' before a document by {found[0]}" if found else how
                if not found and v > 0 and words[v - 1] != "" and _ends_clause(words, v):
                    found = self._final_sayer(v)
                    how = f"'{found[0]} {w}'" if found else how
                if not found:
                    found, start = self._subject(v)
                    if found and start > 0 and words[start - 1] in _RELATIVE:
                        continue  # "the blast, which President Aquino said ...": a relative clause
                    if found and contact:
                        continue  # "a firm officials said was involved": a clause about a noun, not the sentence's
                    if found and start > 0 and words[start - 1] in CLAIM_NOUNS:
                        continue  # "..., a claim the army denied": what the army did to the claim
                    how = f"'{found[0] if found else ''} {w}'"
            if found:
                trailing = v > 0 and words[v - 1] != "" and _ends_clause(words, v)
                rule = f"sentence-final {how}" if trailing else how
                rank = 2 if infinitive else 0 if trailing else 1
                candidates.append((rank, len(candidates), Source(found[0], found[1], rule, verb), w))
        if not candidates:
            return None
        # "Governor Ana Ruiz said 50 were dead, Radio Sur reported": a named sayer inside the sentence
        # wins over the trailing one; an unnamed one ("he said", "survivors said") leaves it. Before a relaying
        # verb ("Tanovia said 40 were hurt, Radio Sur reported") an organisation by name wins too
        trailing = [c for c in candidates if c[0] == 0]
        relayed = bool(trailing) and trailing[0][3] in RELAY_VERBS and (
            trailing[0][2].named or head_noun(trailing[0][2].text).lower() in OUTLET_NOUNS)  # not "in its report"
        named_inside = [c for c in candidates if c[0] == 1 and c[2].named and (c[2].kind == "person" or relayed)]
        if named_inside and trailing and named_inside[0][2].verb < trailing[0][2].verb:
            return named_inside[0][2]
        return min(candidates)[2]

    # --- names
    def _names(self) -> dict:
        """Capitalised name spans of the sentence: start position -> (end, name)."""
        seq = self.seq
        spans, p = {}, 0
        while p < len(seq):
            item = seq[p]
            if item is None or not _is_capitalised(item[1]) or not self._can_start_name(p):
                p += 1
                continue
            q, parts = p, []
            while q < len(seq) and seq[q] is not None:
                w, original, _ = seq[q]
                if _is_capitalised(original):
                    if original.endswith("'s") and not (q + 1 < len(seq) and seq[q + 1] is not None
                                                         and seq[q + 1][0] in REPORTING_VERBS):
                        possessor = parts + [original]
                        parts = []  # "Russia's Amnesty International": drop the possessor
                        q += 1
                        if q < len(seq) and seq[q] is not None and seq[q][0] in _OWNED_OFFICES \
                                and _is_capitalised(seq[q][1]) and not (q + 1 < len(seq) and seq[q + 1] is not None
                                                                         and _is_capitalised(seq[q + 1][1])):
                            parts = possessor  # "the Attorney General's Office": the office is the name
                            continue
                        p = q
                        continue
                    parts.append(original)
                elif (w in ("of", "for", "and") and parts and any(x.lower() in ORG_WORDS for x in parts)
                      or w in NAME_PARTICLES and parts
                      or w == "and" and all(_ABBREVIATED.match(x) for x in parts[:-1]) and self._org_after(q + 1)) \
                        and q + 1 < len(seq) and seq[q + 1] is not None and _is_capitalised(seq[q + 1][1]):
                    parts.append(original)
                elif w in ("of", "for") and parts and any(x.lower() in ORG_WORDS for x in parts) \
                        and q + 2 < len(seq) and seq[q + 1] is not None and seq[q + 1][0] == "the" \
                        and seq[q + 2] is not None and _is_capitalised(seq[q + 2][1]):
                    parts += [original, seq[q + 1][1]]  # "International Committee of the Red Cross"
                    q += 1
                elif w == "." and parts and (len(parts[-1]) == 1 or parts[-1] in _TITLE_ABBREVIATIONS) \
                        and q + 1 < len(seq) and seq[q + 1] is not None and _is_capitalised(seq[q + 1][1]):
                    parts[-1] += "."  # an initial, a title: "V. Martynenko", "Dr. Ana Ruiz"
                else:
                    break
                q += 1
            if parts:
                spans[p] = (q, " ".join(parts))
            p = max(q, p + 1)
        return spans

    def _org_after(self, p) -> bool:
        """The capitalised words from ``p`` are two or more and end in :data:`AND_NAME_HEADS`: with one
        capitalised word and "and" before them, one organisation ("Securities and Exchange Commission", "the U.S.
        Food and Drug Administration", "Stop and Shop Cos"), not two sayers ("Ana Ruiz and Amnesty
        International", "Oxfam and World Health Organisation", "Reuters and Associated Press"); or they open
        with a company word ("Jefferies and Co Inc")."""
        seq, q = self.seq, p
        while q < len(seq) and seq[q] is not None and _is_capitalised(seq[q][1]):
            q += 1
        return (q - p >= 2 and seq[q - 1][0] in AND_NAME_HEADS or q - p == 2 and seq[q - 1][0] in _AND_NAME_HEADS_OF_TWO
                or q > p and seq[p][1] in CORPORATE_WORDS)  # "and Co"

    def _can_start_name(self, p) -> bool:
        seq = self.seq
        w = seq[p][0]
        first_of_clause = p == 0 or seq[p - 1] is None or seq[p - 1][0] in (":", '"', ".")
        if not first_of_clause:
            return True
        if (w in TITLE_WORDS or w in SOURCE_NOUNS) and p + 1 < len(seq) and seq[p + 1] is not None \
                and _is_capitalised(seq[p + 1][1]):
            return True  # "Governor Ana Ruiz said", "Radio Sur said"
        original = seq[p][1]
        if len(original) > 1 and original.isupper() and original.isalpha():
            return True  # an acronym opening a sentence that is not all capitals: "UN says", "WHO said", "US says"
        if w.endswith("ing") and p + 1 < len(seq) and seq[p + 1] is not None and w not in self.common_words \
                and (seq[p + 1][0] in REPORTING_VERBS or seq[p + 1][1] in CORPORATE_WORDS):
            return True  # "Boeing (Co) said": a name, where a participle ("Speaking to reporters") takes no verb
        return not (w in STOPWORDS or w in REPORTING_VERBS or w in SOURCE_NOUNS or w in _NUMBER_WORDS
                    or w.endswith("ing") or w in self.common_words)

    def _name_source(self, name, rule_name=None):
        name = re.sub(r"^(?:The|the|Mr|Mrs|Ms|Miss|Dr|Prof|Sir)\.? ", "", name)
        name = _MIDDLE_INITIAL.sub("", name)
        company = _CORPORATE_SUFFIX.sub("", name)
        if company != name:
            return company, "org"  # "Acme Inc": a company
        if name in self.apposed:
            return name, "org"
        words = name.split()
        titled = [i for i, w in enumerate(words) if w.lower() in TITLE_WORDS]
        if titled and titled[-1] < len(words) - 2:  # "Dutch Transport Minister Anna de Vries"
            title, person = " ".join(words[:titled[-1] + 1]), " ".join(words[titled[-1] + 1:])
            return f"{person} ({title})", "person"
        kind = self.gazetteer.kind(name)
        return self.gazetteer.label(name), kind

    # --- phrases
    def _office_after(self, p):
        """"according to the mayor": an office one person holds (:data:`OFFICE_NOUNS`), after "the", as the
        source; read only after "according to", where nothing else can follow."""
        words = self.words
        if p + 1 < len(words) and words[p] == "the" and words[p + 1] in OFFICE_NOUNS:
            return words[p + 1], "group"
        return None

    def _phrase_after(self, p, *, ending=False):
        """The name or group that starts at ``p``; with ``ending``, only one that ends the clause."""
        seq, names, words = self.seq, self.names, self.words
        if p < len(seq) and seq[p] is not None and p + 1 in names and (seq[p][0] == "the" or seq[p][0] in ("a", "an")
                                                                        and self._count_after(names[p + 1][0])):
            p += 1  # "according to the Red Cross", "according to an AFP tally" (not "a Red Cross official")
        # a possessor before the name is not the source: "according to the UK's Metro News"
        q = p + 1 if p < len(words) and words[p] == "the" else p
        owner = None
        if q < len(words) and words[q].endswith("'s") and q + 1 in names and p not in names:
            p = q + 1
        elif q + 1 < len(words) and words[q].endswith("'s") and seq[q] is not None and p not in names \
                and (seq[q][1][:1].isupper() or q > p):
            # a possessor before a group: a name is part of the source ("according to Kenya's health ministry"),
            # a reference is not ("according to the country's health ministry")
            owner = seq[q][1] if seq[q][1][:1].isupper() else None
            p = q + 1
        if p in names and not (" " not in names[p][1] and _is_adjective_or_place(names[p][1], words, names[p][0])):
            stop = names[p][0]
            person = self._person_after_office(stop)
            if person is not None:  # "said Acme Securities Ltd. analyst Ana Ruiz": the analyst
                return person
            if ending and stop < len(words) and words[stop] not in _CLAUSE_END_MARKS:
                affiliation = self._affiliation(stop)  # "..., said Ana Ruiz of the Red Cross."
                if affiliation is None:
                    return None  # "said U.S. hostage Alann Steen was ill": the subject of what was said
                text, kind = self._name_source(names[p][1])
                return (f"{text} ({affiliation})" if affiliation and kind == "person" and "(" not in text
                        else text), kind
            return self._with_office(self._name_source(names[p][1]), p, after=stop)  # "said Ivo Marek, a spokesman."
        if p + 1 < len(words) and words[p] == "the" and words[p + 1] in REFERENCE_NOUNS - SOURCE_NOUNS \
                and (p + 2 >= len(words) or words[p + 2] in (".", ",", ";")):
            return "the " + words[p + 1], "reference"  # '"...," said the statement.': named before
        phrase, head, after = [], None, p
        for offset, item in enumerate(seq[p:p + GROUP_PHRASE_WORDS + 2]):
            if item is None or not item[0].isalpha() or phrase and item[0] in FUNCTION_WORDS:
                break
            if not (item[0] in DETERMINERS or item[0] == "one") or phrase:
                phrase.append(item)
            if item[0] in SOURCE_NOUNS or item[0] in ORGANISATION_NOUNS:
                # "a survivor interviewed by ...", "official Indian figures", "according to a monitoring group"
                head, after = len(phrase), p + offset + 1
        person = self._person_after_office(after - 1) if head else None
        if person is not None:  # "said army spokesman Ivo Marek."
            return person
        # the sayer ends the clause, or a relative clause about them follows ("said a witness who asked not to be
        # named")
        if head and ending and after < len(words) and words[after] not in (".", ",", ";", "who"):
            end = next((i for i in range(after, len(words)) if words[i] in _CLAUSE_END_MARKS), len(words))
            first = p + (words[p] in DETERMINERS)
            if words[after] in AFFILIATION_WORDS and end - p <= GROUP_PHRASE_WORDS + 4 \
                    and all(item is not None for item in seq[first:end]):
                return self._group_with_owner(seq[first:end], first, end)  # "..., said a spokesman for the Red Cross."
            return None
        if head and after + 1 in names and words[after] == "," \
                and (names[after + 1][0] >= len(words) or words[names[after + 1][0]] in (".", ";")):
            return self._name_source(names[after + 1][1])  # "according to a local rights group, Memorial."
        if head:
            text = _group_text(phrase[:head])
            return (f"{owner} {text}" if owner else text), "group"
        return None

    def _name_start(self, k):
        """Where the name ending right before ``k`` starts (``k`` when none does)."""
        return next((p for p, (stop, _) in self.names.items() if stop == k), k)

    def _count_after(self, k) -> bool:
        """Whether the word at ``k``, after a name, is a count the name made ("an AFP tally", "a Reuters count")."""
        return k < len(self.words) and self.words[k] in COUNT_NOUNS_OF_A_SOURCE

    def _affiliation(self, k):
        """What a person whose name ends at ``k`` is "of", "from" or "at", when that name ends the clause: an
        organisation ("said Ana Ruiz of the Red Cross.", "of Amnesty International"), "" for another name (a place
        may be one: "said Ana Ruiz of Lota"), None when no such name ends the clause.

        An organisation is named after "the" or has an organisation word (:data:`ORG_WORDS`)."""
        words = self.words
        if k >= len(words) or words[k] not in AFFILIATION_WORDS:
            return None
        q = k + 2 if k + 1 < len(words) and words[k + 1] == "the" else k + 1
        if q not in self.names:
            return None
        stop, name = self.names[q]
        if stop < len(words) and words[stop] not in _CLAUSE_END_MARKS:
            return None
        if words[q - 1] != "the" and not any(w.lower() in ORG_WORDS for w in name.split()):
            return ""
        return self._name_source(name)[0]

    def _office_before(self, p, start=None):
        """The office written in lower case right before the person named at ``p``, as written ("army spokesman
        Ivo Marek", "Police chief Ivo Marek": ``"police chief"``), or the organisation it names ("Oil Ministry
        spokesman Egil Helle", "Acme management board chairman": ``"Oil Ministry"``, ``"Acme"``, as the guide
        writes a person of an organisation), or None.

        The office ends in a title or spokesperson word (:data:`TITLE_WORDS`, :data:`SPOKESPERSON_NOUNS`); before
        it come at most :data:`OFFICE_WORDS` words in all: lower-case nouns, :data:`OFFICE_QUALIFIERS`, one name
        (one surely an organisation's is the answer alone, see :meth:`_surely_organisation`; not one after a
        preposition, "In Talvik police chief ..."), and the sentence's first word unless it opens sentences
        (:data:`SENTENCE_OPENERS`: "Police", "Shipping", not "Yesterday" or "Separately"). A determiner, a
        possessive, a number, punctuation, an adverb or a verb ends it. With ``start``, the office must run back to
        ``start`` exactly (an appositive's office, see :meth:`_appositive_office`).
        """
        words, seq = self.words, self.seq
        k = p - 1
        if k < 0 or seq[k] is None or _is_capitalised(seq[k][1]) \
                or words[k] not in TITLE_WORDS | SPOKESPERSON_NOUNS:
            return None
        parts = [words[k]]
        j = k - 1
        named = False
        while j >= 0 and seq[j] is not None and len(" ".join(parts).split()) < OFFICE_WORDS:
            w, original = words[j], seq[j][1]
            first_of_clause = j == 0 or seq[j - 1] is None or seq[j - 1][0] in (":", '"', ".", ",")
            owner = self._name_start(j + 1)
            owner = owner if owner != j + 1 else None  # where a name ending at this word starts
            before = whole = None
            if owner is not None and not named:
                name = self.names[owner][1]
                before = owner
                while before > 0 and seq[before - 1] is not None and _is_capitalised(seq[before - 1][1]) \
                        and seq[before - 1][0].isalpha() and seq[before - 1][0] not in _NOT_OFFICE_WORDS:
                    before -= 1  # "Oil Ministry", "New York Stock Exchange": the whole name before the office
                whole = " ".join([seq[q][1] for q in range(before, owner)] + [name])
                common_noun = before == j and first_of_clause and w in self.common_words | SOURCE_NOUNS | ORG_WORDS
                if not common_noun and (self._surely_organisation(name) or self._surely_organisation(whole)):
                    return self._name_source(whole)[0] if start is None or before == start else None
            if w in OFFICE_QUALIFIERS and (not _is_capitalised(original) or first_of_clause):
                parts.insert(0, w if not _is_capitalised(original) else original)  # "deputy", "Former"
                j -= 1
                continue
            # not an adverb or a participle ("Visibly shaken", "newly appointed"); "shipping minister" is an office
            noun = w.isalpha() and w not in _NOT_OFFICE_WORDS and not w.endswith(("ly", "ed"))
            if noun and (not _is_capitalised(original) or first_of_clause):  # (no opener: they are not nouns)
                # "army"; "Police", "Shipping" opening the sentence, in lower case when the document writes it so
                parts.insert(0, w if not _is_capitalised(original) or w in self.common_words | SOURCE_NOUNS | ORG_WORDS
                             else original)
                j -= 1
                continue
            # a one-word name is no owner when it is a word of no office, or opens the sentence as a word written
            # in lower case elsewhere or an adverb ("Yesterday", "Separately"); an acronym is ("UN")
            single = before == j
            if owner is not None and not named and not _after_preposition(words, before) \
                    and not (single and (w in _NOT_OFFICE_WORDS or first_of_clause and not original.isupper()
                                         and (w in self.common_words or w.endswith("ly")))):
                parts.insert(0, whole)  # "Kadyrov spokesperson", "Chrysler chairman"
                named, j = True, before - 1
                continue
            break
        return " ".join(parts) if start is None or j + 1 == start else None

    def _surely_organisation(self, name: str) -> bool:
        """``name`` is an organisation's by more than its shape: learnt as one (:class:`Gazetteer`), holding an
        organisation word (:data:`ORG_WORDS`: "Oil Ministry"), a company suffix ("Acme Corp") or written in
        capitals ("UAW"; not "U.S.", a state's abbreviation). A single capitalised word may be a person's surname
        ("Kadyrov spokesperson")."""
        return (name in self.gazetteer.organisations or any(w.lower() in ORG_WORDS for w in name.split())
                or _CORPORATE_SUFFIX.sub("", name) != name or len(name) > 1 and name.isupper() and "." not in name)

    def _appositive_office(self, k):
        """The office between the comma at ``k``, right after a name, and the next comma or full stop, when that is
        all it holds ("Ana Ruiz, a Red Cross spokeswoman, said", "said Ivo Marek, the army spokesman."), written as
        :meth:`_office_before` writes it; an office "of" or "for" an organisation is the organisation ("Ana Ruiz,
        the president of the Relief Society, said", as :meth:`_affiliation` reads it); else None."""
        words = self.words
        if k >= len(words) or words[k] != ",":
            return None
        stop = next((m for m in range(k + 1, len(words)) if words[m] in _CLAUSE_END_MARKS), len(words))
        first = k + 1
        while first < stop and words[first] in ("a", "an", "the"):
            first += 1
        office = self._office_before(stop, start=first)
        if office is None and first + 1 < stop and words[first] in TITLE_WORDS | SPOKESPERSON_NOUNS:
            office = self._affiliation(first + 1) or None  # "Ana Ruiz, spokeswoman for the Red Cross": Red Cross
        return office

    def _with_office(self, found, p, after=None):
        """``found`` (text, kind), a person named at ``p``, with the office written before the name, or (when the
        name ends at ``after``) in an appositive after it, if any."""
        text, kind = found
        if kind != "person" or "(" in text:
            return found
        office = self._office_before(p)
        if office is None and after is not None:
            office = self._appositive_office(after)
        return (f"{text} ({office})", kind) if office else found

    def _person_after_office(self, k):
        """The person named right after an office at ``k`` when the name ends the clause ("said Acme Ltd.
        analyst Ana Ruiz.", "said army spokesman Ivo Marek, who ..."), as the name rules write them, or None.

        ``k`` is the office word (a title or a source noun in lower case), or the position right after an
        organisation's name that the office follows ("Acme Ltd" + "." + "analyst").
        """
        words, seq = self.words, self.seq
        if k < len(words) and words[k] == "." and k + 1 < len(words) and seq[k + 1] is not None \
                and not _is_capitalised(seq[k + 1][1]):
            k += 1  # the full stop of "Ltd." is no sentence end
        if k >= len(words) or seq[k] is None or _is_capitalised(seq[k][1]) \
                or words[k] not in TITLE_WORDS | SOURCE_NOUNS | SPOKESPERSON_NOUNS:
            return None
        if k + 1 not in self.names:
            return None
        stop, name = self.names[k + 1]
        if stop < len(words) and words[stop] not in (".", ",", ";", "!", "?"):
            return None  # "said the union's leader Ana Ruiz was ill": the subject of what was said
        text, kind = self._name_source(name)
        return self._with_office((text, kind), k + 1) if kind == "person" else None

    def _final_sayer(self, v):
        """The sayer of a sentence-final ", a source at the church radio said." (the words after the comma)."""
        words, seq = self.words, self.seq
        end = v
        while end > 0 and (words[end - 1] in _BETWEEN_SUBJECT_AND_VERB or _is_adverb(words[end - 1])):
            end -= 1
        k = end - 1
        while k >= 0 and words[k] not in (",", ""):
            k -= 1
        start = k + 1
        definite = start < end and words[start] == "the"
        while start < end and words[start] in DETERMINERS:
            start += 1
        if start >= end or end - start > FINAL_SAYER_WORDS:
            return None
        if words[start] in CLAIM_NOUNS and end - start > 1:
            return None  # "..., a claim the army denied": the army's words are about the claim, not its figures
        span = seq[start:end]
        # ", Ana Ruiz, president of the union said" (the closing comma left out): Ana Ruiz. The office has no
        # determiner ("..., Ana Ruiz, the spokesman said" is the spokesman's) and no name of its own
        named = [p for p, (stop, _) in self.names.items() if stop == k and k > 0 and words[k] == ","
                 and (p == 0 or words[p - 1] in (",", ""))]
        if named and k + 1 == start and words[start] in TITLE_WORDS \
                and not (start + 1 < end and _is_capitalised(seq[start + 1][1])):
            text, kind = self._name_source(self.names[named[0]][1])
            if kind == "person":
                return text, kind
        if definite and len(span) <= GROUP_PHRASE_WORDS and not any(_is_capitalised(o) for _, o, _ in span) \
                and span[-1][0] in SOURCE_NOUNS | REFERENCE_NOUNS and all(w.isalpha() for w, _, _ in span):
            return "the " + " ".join(w for w, _, _ in span), "reference"  # ", the newspaper said.": named before
        if span and span[0][0] in SOURCE_NOUNS and len(span) > 2 and span[1][0] in ("for", "at", "of", "from"):
            return self._group_with_owner(span, start, end)  # "a spokesman for the newspaper La Voz"
        # a name that runs to the verb: "Acme Mines of Ruritania Ltd said", "the news agency Norpress said"
        for p, (stop, name) in sorted(self.names.items()):
            if stop == end and p >= start and (p == start or not _after_preposition(words, p)):
                return self._with_office(self._name_source(name), p)
        if all(_is_capitalised(o) or w in ("of", "for", "and") for w, o, _ in span):
            return self._name_source(" ".join(o for _, o, _ in span))
        # a group: its head noun, and an organisation it belongs to ("a spokesman for ... La Voz")
        found = self._group_with_owner(span, start, end)
        if found is None:  # any noun phrase: ", the mayor said.", ", an investigation has found."
            phrase = self._noun_phrase(k + 1, end)
            if phrase is not None:
                (text, kind), _ = phrase
                single = end - start == 1 and kind == "group"
                found = ("the " + text, "reference") if definite and single else (text, kind)
        return found

    def _group_with_owner(self, span, start, end):
        """A group from its head noun, with the organisation it belongs to ("church radio source")."""
        plain = next((i for i, (w, _, _) in enumerate(span) if w in PREPOSITIONS or w in ("who", "which")), len(span))
        heads = [i for i, (w, _, _) in enumerate(span[:plain]) if w in SOURCE_NOUNS or w in REFERENCE_NOUNS and i > 0]
        if not heads:
            return None
        i = heads[-1]  # the last head noun before any preposition: "military and hospital officials"
        head, rest = span[:i + 1], span[i + 1:]
        if rest and rest[0][0] in ("for", "at", "of", "from", "with"):
            owner = [p for p, (stop, _) in self.names.items() if stop == end and p > start + i]
            if owner:  # "a spokesman for the country's main newspaper La Voz" -> "La Voz spokesman"
                return f"{self.names[owner[-1]][1]} {_group_text(head[-1:])}", "group"
            tail = [item for item in rest[1:] if item[0] not in DETERMINERS]
            # "a source at the church radio" -> "church radio source"; not "workers at the scene" (no body)
            owned = any(_is_capitalised(o) or w in _BODY_NOUNS for w, o, _ in tail)
            if 0 < len(tail) <= GROUP_PHRASE_WORDS and owned:
                return f"{_group_text(tail)} {_group_text(head[-1:])}", "group"
        author = None if rest else _document_author(head)
        return (strip_possessive(_group_text(author)) if author else _group_text(head)), "group"

    def _subject(self, v):
        """``((text, kind), start)`` of the source before the reporting verb at ``v``, or ``(None, v)``."""
        words, names = self.words, self.names
        end = v
        while end > 0 and (words[end - 1] in _BETWEEN_SUBJECT_AND_VERB or _is_adverb(words[end - 1])):
            end -= 1
        if end > 2 and words[end - 1] == "as" and words[end - 2] == "quoted" and words[end - 3] in _PASSIVE:
            end -= 3  # "He was quoted as saying": the subject of the passive
        w = words[end - 1] if end > 0 else ""
        if w in PRONOUNS or w in ("it", "they") and (end < 2 or words[end - 2] in (",", "", "and", "but", "that")):
            return (w, "pronoun"), end - 1
        if w == ",":
            cited = self._citing(end - 1)
            if cited is not None:
                return cited
            # "Novaya Gazeta, an independent local newspaper, reports"
            k = end - 2
            while k >= 0 and words[k] not in (",", ""):
                k -= 1
            # a place after a place inside the appositive ("Acme Corp, operator of a mine near Lota, Tanovia,
            # said"): the appositive runs on to the comma before
            if k > 1 and words[k] == "," and k + 1 in self.names and self.names[k + 1][0] == end - 1 \
                    and " " not in self.names[k + 1][1] and _is_capitalised(self.seq[k - 1][1]) \
                    and _after_preposition(words, self._name_start(k)):
                k -= 1
                while k >= 0 and words[k] not in (",", ""):
                    k -= 1
            titled = self._titled_appositive(k, end - 1)
            if titled is not None:  # "The president of the Relief Society, Ana Ruiz, said"
                return titled
            if k > 0 and words[k] == "," and self.seq[k - 1] is not None and not _is_capitalised(self.seq[k - 1][1]):
                if k + 1 in self.names:
                    return self._name_source(self.names[k + 1][1]), k + 1  # "The mine's owner, Acme Inc., said"
                if words[k + 1] == "the" and k + 2 in self.names and self.names[k + 2][0] == end - 1:
                    return self._name_source(self.names[k + 2][1]), k + 2  # "a newspaper, the Evening Post, said"
            end = k if k > 0 and words[k] == "," else end
        if claims_lives(words, v):
            return None, v  # "the storm claimed (at least) 14 lives": a verb with a count is not one of saying
        phrase = self._subject_phrase(end)
        if phrase is not None:
            return phrase
        adjacent = [(start, stop, name) for start, (stop, name) in self.names.items() if stop == end]
        if adjacent and not _after_preposition(words, adjacent[0][0]):
            start, _, name = adjacent[0]
            text, kind = self._name_source(name)
            if kind == "person" or " " in name or not _is_adjective_or_place(name, words, end):
                return self._with_office((text, kind), start, after=end), start
        if adjacent and words[adjacent[0][0] - 1] in ("in", "at"):
            # "Bankers Trust in New York said": an organisation and where it is
            owner = [(start, name) for start, (stop, name) in self.names.items() if stop == adjacent[0][0] - 1]
            source = self._name_source(owner[0][1]) if owner else None
            if source is not None and source[1] == "org" and not _after_preposition(words, owner[0][0]):
                return source, owner[0][0]
        if words[end - 1] in SOURCE_NOUNS | REFERENCE_NOUNS:  # "officials said", "the company said"
            k = end - 1
            while k > 0 and end - k < GROUP_PHRASE_WORDS and (words[k - 1].replace(".", "").isalpha()
                                                              or words[k - 1].endswith("'s")) \
                    and words[k - 1] not in FUNCTION_WORDS | DETERMINERS:
                k -= 1
            noun = words[end - 1]
            lower = [o for _, o, _ in self.seq[k:end - 1] if not _is_capitalised(o)]
            if noun in REFERENCE_NOUNS and k > 0 and words[k - 1] == "the" \
                    and not any(_is_capitalised(o) for _, o, _ in self.seq[k:end]):
                # "the high command said": the one named before; "the interior ministry said": a body of the
                # state keeps its remit, which tells it from another ministry named before
                kept = [w for w in words[k:end] if not w.endswith("'s") and w not in EVALUATIVE_ADJECTIVES] \
                    if noun in STATE_BODIES else [noun]  # not "the country's", "the powerful"
                return ("the " + " ".join(kept), "reference"), k - 1
            if noun in FINDING_NOUNS and not any(_is_capitalised(o) for _, o, i in self.seq[k:end] if i > 0):
                while k < end - 1 and words[k] in EVALUATIVE_ADJECTIVES:
                    k += 1  # "a damning report found": an unnamed finding, the judgement dropped
                return (_group_text(self.seq[k:end]), "finding"), k
            if noun in REFERENCE_NOUNS and noun not in SOURCE_NOUNS and end - k >= 2 and lower \
                    and not _after_preposition(words, k):
                return (_group_text(self.seq[k:end]), "org"), k  # "Chad's military high command said"
            if k > 0 and words[k - 1] == "the" and end - k == 1 and noun in REFERENCE_NOUNS:
                return ("the " + noun, "reference"), k - 1
            if k > 0 and words[k - 1] == "the" and (noun in ("sources", "officials") or end - k == 1):
                return ("the " + " ".join(words[k:end]), "reference"), k - 1  # "the source said": named before
            phrase = [item for item in self.seq[k:end]]
            # not the object of a preposition after a person ("Ana Ruiz, chairman of the Commission on Good
            # Government, told"): the person, found below
            if noun in SOURCE_NOUNS and not (_after_preposition(words, k) and self._clause_person(end)):
                return (_group_text(phrase), "group"), k
        found = self._clause_person(end)
        if found:
            start, name = found
            return self._name_source(name), start
        clause_start = self._clause_opening(end)
        # a group opening the clause: "Activists behind the reporting say", "The governor of X province said"
        phrase = []
        for k in range(clause_start, end):
            word = words[k]
            if word in DETERMINERS and not phrase:
                continue
            if not word.isalpha() or word in FUNCTION_WORDS:
                break
            phrase.append(self.seq[k])
            if word in SOURCE_NOUNS:
                rest = self.seq[k + 1:end]
                if rest and rest[0][0] in ("of", "for") and len(rest) <= GROUP_PHRASE_WORDS + 1 \
                        and all(item is not None and item[0].isalpha() for item in rest):
                    phrase += rest  # "governor of West Flanders province"
                return (_group_text(phrase), "group"), clause_start
        return None, v

    def _clause_opening(self, end):
        """Where the subject's clause ending at ``end`` opens: after a sentence start, ':', ';', 'that' or
        a reporting verb."""
        words = self.words
        clause_start = end
        while clause_start > 0 and words[clause_start - 1] not in ("", ":", ";", "that") \
                and words[clause_start - 1] not in REPORTING_VERBS:
            clause_start -= 1
        return clause_start

    def _clause_person(self, end):
        """``(start, name)`` of the last person named in full in the clause before ``end``, not as the object
        of a preposition ("Tanya Lokshina, the Russia program director at Human Rights Watch wrote"), or None."""
        clause_start = self._clause_opening(end)
        found = [(start, name) for start, (stop, name) in sorted(self.names.items())
                 if clause_start <= start and stop <= end and not _after_preposition(self.words, start)
                 and " " in name and self.gazetteer.kind(name) == "person"]
        return found[-1] if found else None

    def _titled_appositive(self, k, comma):
        """"The president of the Relief Society, Ana Ruiz, said": ``Ana Ruiz (Relief Society)``, a person.

        An office opens the clause ("the president of X", "the head of X", "the spokesman") and a
        person's name stands between the commas at ``k`` and ``comma``, right before the verb. In an
        all-lower-case story the name is two or three words that are none of the common words of a
        noun phrase ("the head of the relief society, ana ruiz, told reuters"). The person is written
        with the organisation of the office ("Relief Society"), or the office alone ("president").
        """
        words, seq = self.words, self.seq
        if k < 1 or words[k] != "," or comma - k < 2:
            return None
        if k + 1 in self.names and self.names[k + 1][0] == comma:
            name = self.names[k + 1][1]
            if self.gazetteer.kind(name) != "person":
                return None
        else:
            span = seq[k + 1:comma]
            if not 2 <= len(span) <= 3 or any(item is None or not item[0].isalpha() or _is_capitalised(item[1])
                                              or item[0] in _NOT_NAME_WORDS for item in span):
                return None
            name = " ".join(w.title() for w, _, _ in span)
        b = self._clause_start(k)
        comma_before = next((j for j in range(k - 1, b - 1, -1) if words[j] == ","), None)
        if comma_before is not None:  # "Twelve died, the mayor of X, Ana Ruiz, said": the office after a comma
            b = comma_before + 1
        while b < k and words[b] in DETERMINERS:
            b += 1
        if b >= k or words[b] not in TITLE_WORDS | SPOKESPERSON_NOUNS:
            return None
        if b + 1 == k:
            office = seq[b][1]
        elif words[b + 1] in ("of", "for", "at") and b + 2 < k:
            rest = seq[b + 3:k] if words[b + 2] == "the" else seq[b + 2:k]
            if not rest or any(not (w.isalpha() or w.endswith("'s")) for w, _, _ in rest):
                return None
            office = " ".join(o for _, o, _ in rest)
        else:
            return None
        return (f"{name} ({office})", "person"), k + 1

    def _clause_start(self, end):
        """Where the clause holding ``end`` opens: after a sentence start, ':', ';', 'that' or a reporting verb."""
        words = self.words
        k = end
        while k > 0 and words[k - 1] not in ("", ":", ";", "that", "-") \
                and not (words[k - 1] in REPORTING_VERBS and k > 1 and words[k - 2] not in _NOT_BEFORE_A_VERB):
            k -= 1  # a reporting verb opening the sentence is a noun ("Reports from the region allege")
        return k

    def _subject_phrase(self, end):
        """A whole subject noun phrase that opens its clause and runs to the verb, or None.

        Any head noun, not only a listed one ("Chechen leaders maintain", "An
        investigation has found"), with its postmodifier ("men claiming to have
        survived the camps said", "a victim who escaped said"). A listed source
        noun with nothing after it is left to the narrower rules ("officials
        said", "the company said": a reference), and so is a name.
        """
        words = self.words
        if end > 1 and words[end - 1] in REFERENCE_NOUNS and words[end - 2] in ("its", "their"):
            return ("the " + words[end - 1], "reference"), end - 2  # "their report claims": who was named
        begin = self._clause_start(end)
        commas = [k for k in range(begin, end) if words[k] == ","]
        appositive = commas and any(stop == commas[-1] for stop, _ in self.names.values())
        for start in [begin] + ([commas[-1] + 1] if commas and not appositive else []):
            # "..., but dealers said"; not before a verb that may be a noun ("while independent estimates"), nor
            # before a time ("but last July said") or a long phrase
            while start < end - 1 and words[start] in CLAUSE_CONJUNCTIONS and end - start <= GROUP_PHRASE_WORDS + 1 \
                    and words[start + 1] not in _TIME_OPENERS \
                    and any(w in _PAST_REPORTING | {"say", "says"} for w in words[end:end + 3]):
                start += 1
            found = self._noun_phrase(start, end)
            if found is None:
                continue
            (text, kind), _ = found
            last = text.split()[-1]
            # a rewritten phrase ("a spokesman for the army" -> "army spokesman") no longer ends the words
            plain = head_noun(text) == last and last.lower() == words[end - 1] and last in SOURCE_NOUNS | REFERENCE_NOUNS
            if plain:
                # "officials said", "the high command said" (a reference): the narrower rules; a spokesperson
                # for a name ("Ana Ruiz spokesman") ends in the name and stays
                return None
            return found
        return None

    def _noun_phrase(self, begin, end):
        """``((text, kind), begin)`` when ``words[begin:end]`` is one noun phrase, else None.

        Determiners are dropped ("the", "one", "another"); the head is the last
        word before a postmodifier (a preposition, "who", a participle followed
        by its complement), lower case; the words before it are modifiers, none
        of them a function word or a person's name. A lone "another" is
        another of the group named before (kind ``pronoun``); a spokesperson
        "for" someone is written ``<them> spokesman``. Kind is ``finding`` for
        a report or an investigation, ``group`` otherwise.
        """
        seq, words = self.seq, self.words
        if begin >= end or end - begin > SUBJECT_PHRASE_WORDS or any(item is None for item in seq[begin:end]) \
                or self.lower_case or words[end - 1] in FUNCTION_WORDS - {"another"}:
            return None  # an all-lower-case sentence hides its names; "... rose from a reported 85"
        k = begin
        while k < end and words[k] in SUBJECT_DETERMINERS:
            k += 1
        if k == end:
            return (("another", "pronoun"), begin) if words[end - 1] == "another" else None
        pronoun_head = k > begin and words[k] in ("who", "that")
        if pronoun_head:
            k -= 1  # "One who was able to flee": the determiner is the head
        while k < end - 1 and words[k] in EVALUATIVE_ADJECTIVES:
            k += 1  # "a shocking investigation": the judgement is the writer's, not part of who speaks
        known = self._known_as(k, end)
        if known is not None:
            return (known, "group"), begin
        h = k
        while h < end and not (h > k and _opens_postmodifier(words, h)):
            h += 1
        head_word, head_original, head_index = seq[h - 1]
        # a sentence's first capital says nothing, unless the word is bare ("Amnesty said")
        sentence_initial = head_index == 0 and (head_word in self.common_words or h < end)
        if not head_word.isalpha() or head_word in FUNCTION_WORDS | REPORTING_VERBS - FINDING_NOUNS \
                or head_word.endswith("ing") \
                or head_word in _NUMBER_WORDS and not pronoun_head \
                or _is_adverb(head_word) or _is_capitalised(head_original) and not sentence_initial:
            return None
        for p in range(k, h):
            w = words[p]
            if p in self.names and (" " in self.names[p][1] or p == h - 1 and not (head_index == 0 and h < end)):
                return None  # a name is not a noun phrase's modifier or head: the name rules read it
            hyphenated = "-" in w and w.strip("-") != ""  # "state-run", not a dateline's dash ("MANILA - ")
            if p < h - 1 and (not (w.replace(".", "").isalpha() or w.endswith("'s") or hyphenated)
                              or w in FUNCTION_WORDS | _NUMBER_WORDS):
                return None
        post = seq[h:end]
        for i, (w, original, _) in enumerate(post):
            if any(ch.isdigit() for ch in w) or w in _NUMBER_WORDS or w in ('"', "(", ")"):
                return None
            if w == "," and not (i + 1 < len(post) and _is_capitalised(post[i + 1][1])
                                 and i > 0 and _is_capitalised(post[i - 1][1])
                                 and any(x in ("and", "or") for x, _, _ in post[i + 1:])):
                return None  # a comma only inside a list of names ("ministers from the US, UK and EU")
        if head_word in SPOKESPERSON_NOUNS and post and post[0][0] in ("for", "of"):
            owner = [q for q, (stop, _) in self.names.items() if stop == end and q > h]
            if owner:  # "a spokesman for the region's leader Ana Ruiz" -> "Ana Ruiz spokesman"
                return (f"{self.names[owner[-1]][1]} {head_word}", "group"), begin
            body = [item for item in post[1:] if item[0] not in DETERMINERS]
            if 0 < len(body) <= GROUP_PHRASE_WORDS and all(w.isalpha() or w.endswith("'s") for w, _, _ in body):
                return (f"{_group_text(body)} {head_word}", "group"), begin  # "a spokesman for the army"
        # "from" names an author for a statement, a place for a finding ("reports from the region")
        authored = ("by",) if head_word in FINDING_NOUNS else ("by", "from")
        if head_word in DOCUMENT_NOUNS and post and post[0][0] in authored and len(post) > 1:
            author = self._author(h + 1, end)
            if author is not None:  # "a statement by the union said": the document speaks for its author
                return author, begin
        common = self.common_words | SUBJECT_DETERMINERS | SOURCE_NOUNS  # a sentence's first capital, dropped
        author = None if post else _document_author(seq[k:end])
        items = author or seq[k:end]
        text = " ".join(w if not _is_capitalised(o) or i == 0 and w in common else o for w, o, i in items)
        text = strip_possessive(text) if author else text
        text = re.sub(r" ,", ",", text)
        return (text, "finding" if head_word in FINDING_NOUNS else "group"), begin

    def _known_as(self, begin, end):
        """"rebels known as the Tigers" -> ``Tigers (rebels)``: a group and the name it goes by, or None.

        The group is a plain noun phrase (modifiers and a head, no function word) before "known as",
        "called", "dubbed" or "nicknamed"; the name is at most :data:`KNOWN_AS_WORDS` words after it.
        """
        words, seq = self.words, self.seq
        for j in range(begin + 1, end - 1):
            step = 2 if words[j] == "known" and words[j + 1] == "as" else 1 if words[j] in _NAMING_VERBS else 0
            if not step:
                continue
            group, name = seq[begin:j], [item for item in seq[j + step:end] if item[0] not in DETERMINERS]
            if not 0 < len(name) <= KNOWN_AS_WORDS or any(not w.isalpha() or w in FUNCTION_WORDS
                                                          for w, _, _ in group + name):
                return None
            return f"{' '.join(o for _, o, _ in name)} ({_group_text(group)})"
        return None

    def _author(self, begin, end):
        """The author of a document, ``words[begin:end]`` ("the Harbour Workers Union", "the union"), or None.

        A name that runs to ``end`` is its own source; an unnamed author after
        "the" ("a statement by the union") is a definite reference to the one
        named before.
        """
        words = self.words
        p = begin + 1 if words[begin] == "the" else begin
        if p in self.names and self.names[p][0] == end:
            return self._name_source(self.names[p][1])
        found = self._noun_phrase(begin, end)
        if found is None:
            return None
        (text, kind), _ = found
        if words[begin] == "the" and end - begin == 2 and kind == "group":
            return "the " + text, "reference"
        return text, kind

    def _apposed_after(self, p):
        """'the Tanovian news agency NRA' from ``p``: a name in apposition after a kind of organisation, within
        a few words and before any comma, or None."""
        words = self.words
        for q in range(p + 1, min(len(words), p + GROUP_PHRASE_WORDS + 2)):
            if not (words[q - 1].isalpha() or "-" in words[q - 1]) or words[q - 1] in FUNCTION_WORDS - DETERMINERS:
                return None
            if q in self.names and self.names[q][1] in self.apposed:
                return self._name_source(self.names[q][1])
        return None

    def _puts_toll(self, v) -> bool:
        """The verb at ``v`` gives a figure as its subject's estimate: "police put the death toll at 12"."""
        words = self.words
        if words[v] not in TOLL_VERBS:
            return False
        at = next((q for q in range(v + 1, min(len(words), v + 2 + GROUP_PHRASE_WORDS)) if words[q] == "at"), None)
        return at is not None and any(w in TOLL_NOUNS for w in words[v + 1:at])

    def _quoting(self):
        """"The agency quoted police as saying ...": ``X (citing Y)``, X the subject before "quoted".

        Y is the name or group after "quoted" (CLAIMS_GUIDE.md, nested sources); "X was quoted as
        saying" is X's own (:meth:`_subject`).
        """
        words = self.words
        for v, w in enumerate(words):
            if w != "quoted" or v == 0 or words[v - 1] in _PASSIVE:
                continue
            as_ = next((q for q in range(v + 2, min(len(words) - 1, v + 2 + SUBJECT_PHRASE_WORDS))
                        if words[q] == "as" and words[q + 1].endswith("ing")), None)
            if as_ is None:
                continue
            found, _ = self._subject(v)
            if found is None:
                continue
            cited = self._phrase_after(v + 1)
            if cited is None:
                phrase = self._noun_phrase(v + 1, as_)
                cited = phrase and phrase[0]
            # a pronoun or a reference is resolved in the document, and the one it names is the source
            text = f"{found[0]} (citing {cited[0]})" if cited and found[1] not in ("pronoun", "reference") else found[0]
            return Source(text, found[1], f"'{found[0]} quoted {cited[0] if cited else '...'} as saying'",
                          self.seq[v][2])
        return None

    def _document_author(self, p):
        """'said a hand-written statement by the Harbour Workers Union': the author of the document at ``p``.

        A document (:data:`DOCUMENT_NOUNS`) after a few modifiers, then "by" (or "issued by", "from")
        and its author: a name, which runs on over "for the ..." ("the Front for the Liberation of
        Ruritania"), or "the union" (a reference to the one named before).
        """
        words, names = self.words, self.names
        q = p
        documents = DOCUMENT_NOUNS | DATA_NOUNS
        while q < len(words) and q - p < GROUP_PHRASE_WORDS and words[q] not in documents \
                and (words[q].isalpha() or "-" in words[q]) and words[q] not in FUNCTION_WORDS - DETERMINERS:
            q += 1
        if q >= len(words) or words[q] not in documents:
            return None
        a = q + 1
        if a < len(words) and words[a] in ("issued", "signed", "released", "published", "compiled"):
            a += 1
        if a >= len(words) or words[a] not in ("by", "from"):
            return None
        a += 1
        if a < len(words) and words[a] == "the" and a + 1 in names:
            a += 1
        if a in names:
            stop, name = names[a]
            first = name
            while stop + 1 < len(words) and words[stop] == "for" and (stop + 1 in names or words[stop + 1] == "the"
                                                                      and stop + 2 in names):
                start = stop + 1 if stop + 1 in names else stop + 2
                name = " ".join([name, *[o for _, o, _ in self.seq[stop:start]], names[start][1]])
                stop = names[start][0]
                while stop + 1 < len(words) and words[stop] == "of" and stop + 1 in names:
                    name, stop = f"{name} of {names[stop + 1][1]}", names[stop + 1][0]
            return self._name_source(name) if name == first else (name, "org")
        if a + 1 < len(words) and words[a] == "the" and words[a + 1] in REFERENCE_NOUNS | SOURCE_NOUNS | ORG_WORDS:
            return "the " + words[a + 1], "reference"
        # "by the health ministry": a body named by its remit, in lower case, as "the justice ministry" is
        k = a + 1
        while k < len(words) and k - a <= GROUP_PHRASE_WORDS and words[k].isalpha() and words[k] not in FUNCTION_WORDS \
                and not _is_capitalised(self.seq[k][1]) and words[k] not in REFERENCE_NOUNS:
            k += 1
        if a < len(words) and words[a] == "the" and a + 1 < k < len(words) and words[k] in REFERENCE_NOUNS \
                and not _is_capitalised(self.seq[k][1]):
            return "the " + " ".join(words[a + 1:k + 1]), "reference"
        return None

    def _citing(self, comma):
        """"X, citing Y, said": ``(("X (citing Y)", kind), start)`` or None."""
        words = self.words
        k = comma - 1
        while k >= 0 and words[k] not in (",", ""):
            k -= 1
        if k < 1 or words[k] != "," or k + 1 >= len(words) or words[k + 1] not in ("citing", "quoting"):
            return None
        cited = self._phrase_after(k + 2)
        inner = self._subject_before(k)
        if inner is None:
            return None
        (text, kind), start = inner
        return ((f"{text} (citing {cited[0]})" if cited else text), kind), start

    def _subject_before(self, end):
        """The name or group that ends just before ``end``."""
        for start, (stop, name) in self.names.items():
            if stop == end:
                return self._name_source(name), start
        if end > 0 and self.words[end - 1] in SOURCE_NOUNS | REFERENCE_NOUNS:
            k = end - 1
            while k > 0 and self.words[k - 1].isalpha() and self.words[k - 1] not in FUNCTION_WORDS | DETERMINERS:
                k -= 1
            return (_group_text(self.seq[k:end]), "group"), k
        return None


def _document_author(items):
    """The words before a document noun that name who issued it ("a government statement", "the ministry's
    communique": the document speaks for them), or None; ``items`` are ``(word, original, index)``."""
    if len(items) > 1 and items[-1][0] in DOCUMENT_NOUNS - FINDING_NOUNS \
            and (items[-2][0].endswith("'s") or items[-2][0] in SOURCE_NOUNS | ORG_WORDS):
        return items[:-1]
    return None


def _group_text(items) -> str:
    """An unnamed source as written: its words, proper adjectives keeping their capital ("Pakistani officials"),
    abbreviations theirs ("U.S. officials", and "UN spokesman" unless all its words are capitals, as in a headline)."""
    mixed = any(original[:1].islower() for _, original, _ in items)  # an acronym keeps its capitals ("UN spokesman")
    text = " ".join(original if original[:1].isupper() and (not original.isupper() or "." in original or mixed)
                    and i < len(items) - 1 and (index > 0 or original.endswith("'s") or "." in original) else w
                    for i, (w, original, index) in enumerate(items))
    return text.replace(" ' ", "' ")  # a plural possessive: "doctors' committee"


def _is_adjective_or_place(name: str, words, end) -> bool:
    """A single capitalised word that reads as an adjective of nationality, not a source ("Chilean").

    Such adjectives end in -an, -ese, -ish or -i, and are followed by a lower-case noun; an adverb or an
    auxiliary before the verb is no noun ("Kordan earlier said", "Astan has said": the name is the subject).

    >>> _is_adjective_or_place("Chilean", ["chilean", "officials", "said"], 1)
    True
    >>> _is_adjective_or_place("Kordan", ["kordan", "earlier", "said"], 1)
    False
    """
    nxt = words[end] if end < len(words) else ""
    adverb = nxt in _BETWEEN_SUBJECT_AND_VERB or _is_adverb(nxt)
    return bool(re.search(r"(?:an|ese|ish|i)$", name)) and nxt.isalpha() and nxt not in REPORTING_VERBS \
        and not adverb


#: Nouns that name the kind of an organisation in "an airline spokesman", "a company official", and the
#: last word of the names of organisations of that kind ("Garuda Indonesia Airways", "Acme Mining Corp").
ORGANISATION_KINDS = {
    "airline": ("Airways", "Airlines", "Airline"),
    "company": ("Corp", "Corporation", "Inc", "Ltd", "Company", "Co", "Plc", "PLC", "AG", "SA"),
    "bank": ("Bank",),
    "ministry": ("Ministry",),
    "railway": ("Railway", "Railways"),
    "hospital": ("Hospital",),
}
#: Nouns of a body a source can belong to ("a source at the church radio", "a spokesman at the hospital").
_BODY_NOUNS = ORG_WORDS | ORGANISATION_NOUNS | REFERENCE_NOUNS | set(ORGANISATION_KINDS)
# the space between two words of a name: a hard-wrapped line break, not a blank line (a headline's end), nor a
# line break after a full stop
_SPACE = r"(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)"
# capitalised words, then the kind's last word, then "of (the) X" ("Bank of Gondor", "Ministry of Health")
_KIND_NAME = {kind: re.compile(rf"\b((?:[A-Z][\w&'-]*(?:{_SPACE}|\.[ \t]+)(?:(?:of|for|de|du){_SPACE})?){{0,5}}"
                              rf"(?:{'|'.join(endings)})\b"
                              rf"(?:{_SPACE}of{_SPACE}(?:the{_SPACE})?[A-Z][\w'-]*(?:{_SPACE}[A-Z][\w'-]*){{0,3}})?)")
              for kind, endings in ORGANISATION_KINDS.items()}


#: Head nouns of what a radio or television put out: it speaks for the broadcaster named before.
BROADCAST_NOUNS = {"broadcast", "broadcasts"}
# a radio or television by name: "Tehran radio", "Radio Sur", "Tanovian Television", "State TV"
_BROADCASTER = re.compile(rf"\b(?:(?:[A-Z][\w'-]*{_SPACE}){{1,3}}(?:[Rr]adio|[Tt]elevision|TV)|(?:Radio|Television)"
                          rf"(?:{_SPACE}[A-Z][\w'-]*){{1,3}})\b")


def of_organisation_named(source: Source | None, text: str, end: int | None = None) -> Source | None:
    """"an airline spokesman" as "Garuda Indonesia Airways spokesman" when ``text[:end]`` names an airline.

    A group source made of a kind of organisation (:data:`ORGANISATION_KINDS`) and a spokesperson
    or official speaks for the organisation of that kind the article named last, up to and
    including the source's own sentence (``end``, default the whole of ``text``, which is searched
    in place, not copied); without one, the source stays as it is. A broadcast
    (:data:`BROADCAST_NOUNS`: "a broadcast monitored abroad said") is likewise the radio or
    television the article named last.

    >>> spokesman = Source("airline spokesman", "group", "sentence-final 'airline spokesman said'")
    >>> of_organisation_named(spokesman, "The Garuda Indonesia Airways DC-9 crashed, an airline spokesman said.").text
    'Garuda Indonesia Airways spokesman'
    >>> of_organisation_named(spokesman, "The plane crashed, an airline spokesman said.").text
    'airline spokesman'
    >>> broadcast = Source("broadcast monitored abroad", "group", "'broadcast monitored abroad said'")
    >>> of_organisation_named(broadcast, "Ten died, Tanovian radio said. A broadcast monitored abroad said so.").text
    'Tanovian radio'
    """
    if source is None or source.kind != "group":
        return source
    words = source.text.split()
    # "a broadcast monitored abroad said": the radio's words (not "broadcast journalists")
    if any(w in BROADCAST_NOUNS and (h + 1 == len(words) or words[h + 1].endswith("ed")
                                     or _opens_postmodifier(words, h + 1)) for h, w in enumerate(words)):
        stop = len(text) if end is None else end
        names = [" ".join(m.group().split()) for m in _BROADCASTER.finditer(text, 0, stop)]
        if not names:
            return source
        return Source(names[-1], "org", f"'{source.text}' = the broadcaster named before; {source.rule}",
                      source.verb)
    words = source.text.split()
    if len(words) != 2 or words[0] not in ORGANISATION_KINDS or words[1] not in SPOKESPERSON_NOUNS | {
            "official", "officials", "source", "sources"}:
        return source
    stop = len(text) if end is None else end
    names = [" ".join(m.group(1).split()) for m in _KIND_NAME[words[0]].finditer(text, 0, stop)]
    names = [re.sub(r"^(?:The|A|An)\s+", "", n) for n in names if len(n.split()) > 1]
    if not names:
        return source
    return Source(f"{names[-1]} {words[1]}", "group", f"'{source.text}' = the {words[0]} named before; {source.rule}",
                  source.verb)


class DocumentSources:
    """Who each sentence of one document credits, with quotations, pronouns and references resolved.

    Each sentence's own source comes from :func:`find_source`; "he said" then
    resolves to the last person named, "it said" and "the company said" to the
    last organisation (one whose name holds the noun when there is one), "the
    sources" to the last group of sources. A figure inside a quotation, even
    one that runs over several paragraphs, takes the quotation's speaker.
    """

    def __init__(self, raw: str, sentences: list[tuple[int, int]], gazetteer: Gazetteer):
        self.raw = raw
        self.sentences = sentences
        self.gazetteer = gazetteer
        self.quotes = quote_regions(raw)
        self.quote_starts = [q[0] for q in self.quotes]
        common_words = frozenset(re.findall(r"(?<![\w'])[a-z]+(?![\w'])", raw))  # words seen in lowercase
        self.sentence_starts = [a for a, _ in sentences]
        self.by_sentence: list[Source | None] = []
        sexes = sex_marks(raw)
        history = []
        self._common_words = common_words
        self._people: dict[int, list[Source]] = {}  # people_named of each sentence, read once when asked
        self._organisations: dict[int, list[Source]] = {}  # organisations_named of each sentence, likewise
        self._sexes = sexes
        for i, (a, b) in enumerate(sentences):
            found = find_source(raw[a:b], gazetteer=gazetteer, quoted=self._quoted(a, b), common_words=common_words)
            source = self.resolved(found, i, history)
            if source is not None:
                history.append(source)
            self.by_sentence.append(source)
        for i in range(len(self.by_sentence) - 1):
            self.by_sentence[i] = named_after(self.by_sentence[i], self.by_sentence[i + 1]) or self.by_sentence[i]
        for i, source in enumerate(self.by_sentence):
            if source is not None and source.rule.startswith("headline"):
                self.by_sentence[i] = self._headline_named(source, i)

    def resolved(self, found, i, history=None):
        """``found``, a source read in sentence ``i``, resolved as that sentence's own would be: a pronoun or
        a reference against the sources of the sentences before (``history``, by default those found), a
        surname as the person named in full, a "he" or "she" as the person named just before."""
        if history is None:
            history = [s for s in self.by_sentence[:i] if s is not None]
        a, b = self.sentences[i]
        source = named_in_full(self.resolve(found, history, self._sexes, text=self.raw, end=b), history)
        if source is None and found is not None and found.kind == "pronoun" and found.text in PRONOUNS:
            source = self._person_mentioned(i, found, history, self._sexes)
        if found is not None and found.kind == "reference" and (source is None or source.kind not in ("org", "person")):
            source = self._organisation_mentioned(i, found) or source
        return source

    def _organisation_mentioned(self, i, reference):
        """"The Interior Ministry issued a statement. The ministry said ...": a definite reference that no source
        before resolves is the organisation named last in the :data:`MENTION_LOOKBACK` sentences before whose name
        is the reference with at most one word before it (before any "of"): "the ministry" is the Interior Ministry
        or the Ministry of Health; "the interior ministry" is not the Health Ministry, "the government" not the
        Government Accountability Office, "the army" not the National Liberation Army. Else None."""
        wanted = re.sub(r"^the ", "", reference.text.lower()).split()
        for k in range(i - 1, max(-1, i - 1 - MENTION_LOOKBACK), -1):
            if k not in self._organisations:
                a, b = self.sentences[k]
                self._organisations[k] = organisations_named(self.raw[a:b], gazetteer=self.gazetteer,
                                                             quoted=self._quoted(a, b), common_words=self._common_words)
            for org in reversed(self._organisations[k]):
                head = re.split(r" (?:of|for) ", org.text.lower())[0].split()  # "Ministry of Health": "ministry"
                if len(head) <= REFERENCE_NAME_WORDS and head[-1] == wanted[-1] and set(wanted) <= set(head):
                    return Source(org.text, "org", f"'{reference.text}' = {org.text}, named before; {reference.rule}",
                                  reference.verb)
        return None

    def _quoted(self, a: int, b: int) -> list[tuple[int, int]]:
        """The quotation regions inside the sentence ``raw[a:b]``, as offsets into it."""
        return [(max(x, a) - a, min(y, b) - a) for x, y, _ in self.quotes if x < b and y > a]

    def _person_mentioned(self, i, pronoun, history, sexes):
        """"Minister Ana Ruiz visited the site. She said ...": a "he" or "she" with no person among the sources
        before is the person named last in the :data:`MENTION_LOOKBACK` sentences before (not one the article
        marks as of the other sex), or None."""
        other = "male" if pronoun.text == "she" else "female"
        for k in range(i - 1, max(-1, i - 1 - MENTION_LOOKBACK), -1):
            if k not in self._people:
                a, b = self.sentences[k]
                self._people[k] = people_named(self.raw[a:b], gazetteer=self.gazetteer, quoted=self._quoted(a, b),
                                               common_words=self._common_words)
            for person in reversed(self._people[k]):
                if _sex(person, history, sexes) != other:
                    return Source(person.text, "person", f"'{pronoun.text}' = {person.text}, named before; "
                                  f"{pronoun.rule}", pronoun.verb)
        return None

    def _headline_named(self, source, i):
        """A headline's credit by office or kind ("SAYS FAO DIRECTOR", "GROUP SAYS") as the body names it.

        The first sources of the sentences after the headline (:data:`HEADLINE_LOOKAHEAD` of them)
        are searched: for an office, the first person whose sentence names the office ("FAO director
        Ana Ruiz said"), written with the rest of the credit as their organisation, whatever office the
        body writes (``Ana Ruiz (FAO)``), or as the body writes them when the credit is an office alone; for a
        kind of organisation ("group", "company"), the first
        organisation. A name ("IRAN CLAIMS") stays, written as the body writes it when it does ("..., RED
        CROSS SAYS" and "the Red Cross said": ``Red Cross``), and so does a group of people ("..., MINE OWNERS").
        """
        words = source.text.split()
        role = words[-1].lower()
        person_role = role in TITLE_WORDS | SPOKESPERSON_NOUNS or role in SOURCE_NOUNS and not role.endswith("s")
        org_role = role in REFERENCE_NOUNS and not person_role and len(words) == 1
        if not (person_role or org_role) or role in PRONOUNS:
            if source.kind == "org":  # a name: as the body writes it, when it does
                spelt = re.search(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b", self.raw[self.sentences[i][1]:],
                                  re.IGNORECASE)
                if spelt and not spelt.group().isupper() and " ".join(spelt.group().split()) != source.text:
                    return Source(" ".join(spelt.group().split()), "org",
                                  f"{source.rule}, written as the body writes it", source.verb)
            return source
        later = [(k, s) for k, s in enumerate(self.by_sentence[i + 1:], i + 1) if s is not None][:HEADLINE_LOOKAHEAD]
        for k, found in later:
            a, b = self.sentences[k]
            if org_role and found.kind == "org" or person_role and found.kind == "person" \
                    and role in re.findall(r"[\w'-]+", self.raw[a:b].lower()):
                text = found.text
                bare = re.fullmatch(r"(.+) \((.+)\)", text)
                # the credit names an organisation ("SAYS FAO DIRECTOR", "RELIEF AGENCY DIRECTOR"), not an office
                # ("SAYS HEALTH MINISTER", where the body's "Deputy Health Minister" says more)
                of_organisation = len(words) == 2 and len(words[0]) <= ACRONYM_MAX_LETTERS \
                    and words[0].lower() not in self._common_words | STOPWORDS \
                    or any(w.lower() in ORG_WORDS for w in words[:-1])  # "FAO", not "OIL" when the body has "oil"
                if person_role and bare and (of_organisation or bare.group(2).lower() == role):
                    text = bare.group(1)  # the credit's organisation, or the body's office says no more than it
                if person_role and " (" not in text and len(words) > 1:
                    text = f"{text} ({' '.join(words[:-1])})"
                return Source(text, found.kind, f"headline credit named in the body: {found.rule}", source.verb)
        return source

    @staticmethod
    def resolve(source, history, sexes=None, text=None, end=None):
        """``source`` with a pronoun or a definite reference resolved against ``history``, or as it is.

        With ``text``, the document's text, and ``end``, where the source's sentence ends, "an airline
        spokesman" is also written for the airline named up to there (:func:`of_organisation_named`).

        ``history`` lists the resolved sources of the sentences before, in
        order. "He said" is the last person, or a single unnamed source named
        after them ("a former inmate has said ... He added"); "it said" and
        "the company said" the last organisation (one whose name holds the
        noun when there is one); "the sources" the last group of sources; a
        lone "another" another of the last group ("another victim"); "the
        mayor" the last source whose words hold "mayor", else the mayor.

        >>> ruiz = Source("Ana Ruiz", "person", "'Ana Ruiz said'")
        >>> DocumentSources.resolve(Source("she", "pronoun", "'she said'"), [ruiz]).text
        'Ana Ruiz'
        """
        if text is not None:
            source = of_the_nation(of_organisation_named(source, text, end), text)
        if source is None or source.kind not in ("pronoun", "reference"):
            return source
        people = [s for s in history if s.kind == "person"]
        orgs = [s for s in history if s.kind == "org"]
        groups = [s for s in history if s.kind == "group"]

        def credited(found):
            return Source(found.text, found.kind, f"'{source.text}' = {found.text}; {source.rule}", source.verb)

        if source.text == "another":
            if not groups:
                return None
            head = head_noun(groups[-1].text)
            return Source(f"another {head}", "group", f"another of '{groups[-1].text}'; {source.rule}", source.verb)
        if source.kind == "pronoun":
            if source.text in PRONOUNS:
                # the last person, or a single unnamed source named after them ("a source at the radio"),
                # not one the article marks as of the other sex ("she" is not "the spokesman")
                other = "male" if source.text == "she" else "female"
                pool = [s for s in history if (s.kind == "person" or s.kind == "group" and not s.text.endswith("s")
                                               and head_noun(s.text) not in COLLECTIVE_NOUNS)
                        and _sex(s, history, sexes) != other]
            elif source.text == "they":
                # an organisation, a group, or one unnamed person ("a spokesperson ... They insisted")
                pool = [s for s in history if s.kind in ("org", "group")]
            else:
                pool = orgs
            return credited(pool[-1]) if pool else None
        noun = source.text.split()[-1]
        if noun not in SOURCE_NOUNS | REFERENCE_NOUNS:  # "the mayor": a source named with that word, else the mayor
            same = [s for s in history if noun in re.findall(r"[\w'-]+", s.text.lower())]
            return credited(same[-1]) if same else Source(source.text.removeprefix("the "), "group", source.rule,
                                                           source.verb)
        pool_kind = "group" if noun in SOURCE_NOUNS and noun not in REFERENCE_NOUNS else "org"
        pool = groups if pool_kind == "group" else orgs
        modifiers = source.text.lower().split()[1:-1]  # "the justice ministry": a ministry named by its remit
        # "Turkish radio said ... The radio said": an unnamed source of the same head noun is the one referred to
        alike = [s for s in history if s.kind == pool_kind or s.kind == "group" and head_noun(s.text).lower() == noun]
        same = [s for s in alike if noun in s.text.lower().split() and all(m in s.text.lower() for m in modifiers)]
        # a body of the state ("the government", "the justice ministry") is never another organisation named
        # before ("the Red Cross"): without one of its own name it is written as the article writes it
        # nor is one person ("the lawyer") a group of other people named before ("financial analysts")
        single = noun in SOURCE_NOUNS and noun not in REFERENCE_NOUNS and not noun.endswith("s")
        found = (same or ([] if modifiers or noun in STATE_BODIES or single else pool) or [None])[-1]
        if found is None:
            adjective = national_adjective(text) if noun in NATIONAL_BODIES and not modifiers and text else None
            if adjective:  # "the government said" in a story of one country: that country's government
                return Source(f"{adjective} {noun}", "group", f"'{source.text}' of the one nationality the article "
                              f"names ({adjective}); {source.rule}", source.verb)
            text = source.text.removeprefix("the ")
            return Source(text, "group", source.rule, source.verb)
        return credited(found)

    # --- public
    def for_position(self, i, position) -> Source | None:
        """The :class:`Source` of a figure at ``position`` in sentence ``i``, or None (own voice)."""
        own = self.by_sentence[i]
        if own is not None and own.kind == "finding":
            return None  # "an investigation has found": no authority for a figure (CLAIMS_GUIDE.md)
        if own is not None:
            return own.short()
        region = self._region_at(position)
        if region is None:
            return None
        speaker = self._speaker(region)
        speaker = speaker and (None if speaker.kind == "finding" else speaker.short())
        return speaker and Source(speaker.text, speaker.kind, f"speaker of the quotation ({speaker.rule})", -1)

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


#: Bodies of a state that the article's nationality names ("the government said" -> "Tanovian government").
NATIONAL_BODIES = {"government", "army"}
# A capitalised adjective of nationality before a lower-case noun, after a lower-case word or an article ("in
# South African cities", "A Tanovian court"; not "the Indian Ocean city"): -an, -ese, -ish or -i, perhaps after
# a compass word.
_NATIONAL_ADJECTIVE = re.compile(r"\b(?:[a-z]+|A|An|The)[,;]?\s+(?P<adjective>(?:(?:North|South|East|West|New)\s+)?"
                                 r"[A-Z][a-z]+(?:an|ese|ish|i))(?=\s+[a-z])")
#: How many times more often the article's nationality must be used than any other: a story of two countries
#: ("Iranian" and "Iraqi" troops) has no one government, and a place used as a modifier once ("the Tladi
#: police centre") does not outweigh it.
NATIONALITY_MARGIN = 2


@functools.lru_cache(maxsize=16)  # asked again for each reference of one document
def national_adjective(text: str) -> str | None:
    """The adjective of nationality ``text`` uses before common nouns, when one dominates, else None.

    Dominates: used :data:`NATIONALITY_MARGIN` times as often as any other such adjective.

    >>> national_adjective("Police in several Tanovian cities said. The Tanovian army moved.")
    'Tanovian'
    >>> national_adjective("Fighting between Tanovian and Ruritanian troops went on.") is None
    True
    """
    counts = Counter(" ".join(m.group("adjective").split()) for m in _NATIONAL_ADJECTIVE.finditer(text))
    ranked = counts.most_common(2) + [("", 0)] * 2
    return ranked[0][0] if ranked[0][1] >= NATIONALITY_MARGIN * ranked[1][1] and ranked[0][1] else None


# A ministry named by its remit only ("Defence Ministry", "Ministry of Health"): whose it is, the article says.
_REMIT_MINISTRY = re.compile(r"(?:[A-Z][a-z]+ ){1,2}Ministry|Ministry of [A-Z][a-z]+(?: [A-Z][a-z]+)?")


def of_the_nation(source: Source | None, text: str) -> Source | None:
    """A ministry named by its remit ("the Defence Ministry said") as the ministry of the nationality the
    article uses (:func:`national_adjective`): ``Tanovian Defence Ministry``; anything else as it is.

    >>> of_the_nation(Source("Defence Ministry", "org", "r"), "A Tanovian navy ship was hit by a Tanovian shell.").text
    'Tanovian Defence Ministry'
    >>> of_the_nation(Source("Acme Mining", "org", "r"), "A Tanovian ship was hit.").text
    'Acme Mining'
    """
    if source is None or source.kind != "org" or not _REMIT_MINISTRY.fullmatch(source.text):
        return source
    adjective = national_adjective(text)
    if adjective is None:
        return source
    return Source(f"{adjective} {source.text}", "org", f"'{source.text}' of the nationality the article names "
                  f"({adjective}); {source.rule}", source.verb)


#: How many sources after a headline are searched for the one its credit names ("SAYS FAO DIRECTOR").
HEADLINE_LOOKAHEAD = 3
#: Source nouns without a plural -s that name many people or a body, never one "he" or "she" ("police said").
COLLECTIVE_NOUNS = {"police", "government", "ministry", "military", "army", "media", "crew", "agency", "radio",
                    "television", "newspaper", "paper", "press", "staff", "command", "company"}
#: How many sentences back a "he" or "she" with no person among the sources before looks for a person named.
MENTION_LOOKBACK = 3
#: The most words of a name's head that a definite reference ("the ministry") may stand for: one besides the noun
#: ("Interior Ministry"); a longer name is more often one of its own kind ("National Liberation Army").
REFERENCE_NAME_WORDS = 2
#: The most words of a later, shorter mention of a person ("Ruiz", "de Vries", "Lopez Obrador").
SHORT_NAME_WORDS = 2


def named_in_full(source, history):
    """``source`` as the person the article named in full before, when it is the end of their name.

    "Interior Minister Ana Ruiz said ... Ruiz said": a later mention by surname (or the last
    :data:`SHORT_NAME_WORDS` words of the name, in any case: "de vries") is the person named
    last with that ending among the sources before (``history``), written as they were then,
    office included. Anything else is returned as it is.

    >>> ruiz = Source("Ana Ruiz (Interior Minister)", "person", "r")
    >>> named_in_full(Source("Ruiz", "org", "'Ruiz said'"), [ruiz]).text
    'Ana Ruiz (Interior Minister)'
    >>> named_in_full(Source("Marek", "org", "'Marek said'"), [ruiz]).text
    'Marek'
    """
    if source is None or source.kind not in ("person", "org", "group") or " (" in source.text:
        return source
    words = source.text.casefold().split()
    if not 1 <= len(words) <= SHORT_NAME_WORDS:
        return source
    for earlier in reversed(history):
        name = re.sub(r" \(.*\)$", "", earlier.text).casefold().split()
        if earlier.kind == "person" and len(name) > len(words) and name[-len(words):] == words:
            return Source(earlier.text, "person", f"'{source.text}' = {earlier.text} named before; {source.rule}",
                          source.verb)
    return source


def named_after(source, following):
    """The person ``following`` names when it is the unnamed ``source`` of the sentence before, else None.

    "Six died, a nurse who took part in the rescue said. Jan Van Dam, a male
    nurse, said ...": an unnamed single source whose head noun is the role the
    next sentence's sayer is given (``Name (role)``) is that person
    (CLAIMS_GUIDE.md: "An unnamed source that the next sentences name is
    resolved to the name"). A plural group ("nurses") is not one person.
    Likewise an unnamed outlet or company is the organisation of its kind the
    next sentence's sayer names ("..., a Hong Kong newspaper reported. The
    pro-Peking New Evening Post said ..."; see :func:`_organisation_named_after`).

    >>> named_after(Source("nurse who took part in the rescue", "group", "r"),
    ...             Source("Jan Van Dam (nurse)", "person", "'Jan Van Dam said'")).text
    'Jan Van Dam (nurse)'
    >>> named_after(Source("Tanovian newspaper", "group", "r"),
    ...             Source("Evening Post", "org", "'Evening Post said'")).text
    'Evening Post'
    """
    if source is None or following is None or source.kind != "group":
        return None
    head = head_noun(source.text)
    if following.kind == "org":
        return _organisation_named_after(source, head, following)
    if following.kind != "person":
        return None
    role = re.fullmatch(r".+ \((.+)\)", following.text)
    if head.endswith("s") or role is None or role.group(1).lower().split()[-1] != head.lower():
        return None
    return Source(following.text, "person", f"'{source.text}' named in the next sentence: {following.rule}",
                  source.verb)


#: Words of an outlet's name ("New Evening Post", "Radio Sur", "Daily Ledger"): the named outlet an unnamed
#: "newspaper" or "radio" of the sentence before is.
OUTLET_NAME_WORDS = {"news", "post", "times", "mail", "gazette", "journal", "herald", "telegraph", "guardian",
                     "tribune", "press", "daily", "weekly", "magazine", "review", "radio", "tv", "television",
                     "chronicle", "observer", "express", "courier", "standard", "agency", "ledger", "star"}
#: Words of a public body's name ("Bureau for Information", "Labour Ministry"): never the company an unnamed
#: "company" or "the owners" of the sentence before is.
PUBLIC_BODY_WORDS = {"ministry", "government", "police", "army", "department", "office", "council", "committee",
                     "court", "parliament", "bureau", "commission", "authority", "union", "party", "embassy",
                     "command", "republic", "state", "states", "nations", "agency", "federation", "association"}
#: Heads of an unnamed source that speak for a company: the company the next sentence names.
COMPANY_SOURCE_NOUNS = {"company", "firm", "owner", "owners", "operator", "operators", "airline", "employer"}


def _organisation_named_after(source: Source, head: str, following: Source) -> Source | None:
    """The organisation ``following`` (the next sentence's sayer) names when ``source`` is one of its kind.

    An unnamed outlet ("Hong Kong newspaper", "state radio": head noun in :data:`OUTLET_NOUNS`) is an
    outlet named by an outlet's words (:data:`OUTLET_NAME_WORDS`); an unnamed company ("the owners",
    "the company": :data:`COMPANY_SOURCE_NOUNS`) is an organisation whose name is neither an outlet's nor
    a public body's (:data:`PUBLIC_BODY_WORDS`). Anything else: None.

    >>> owners = Source("owners", "group", "r")
    >>> _organisation_named_after(owners, "owners", Source("Rand Gold Mines", "org", "r")).text
    'Rand Gold Mines'
    >>> _organisation_named_after(owners, "owners", Source("Labour Ministry", "org", "r")) is None
    True
    """
    words = set(following.text.lower().split())
    head = head.lower()
    if head in OUTLET_NOUNS:
        fits = bool(words & OUTLET_NAME_WORDS)
    elif head in COMPANY_SOURCE_NOUNS:
        fits = not words & (OUTLET_NAME_WORDS | PUBLIC_BODY_WORDS)
    else:
        fits = False
    if not fits:
        return None
    return Source(following.text, "org", f"'{source.text}' named in the next sentence: {following.rule}",
                  source.verb)


def _sex(source: Source, history, sexes=None) -> str:
    """"male" or "female" when the article marks ``source`` as one, else "".

    The mark is a word of an unnamed source ("the spokesman", "a mother": :data:`MALE_WORDS`,
    :data:`FEMALE_WORDS`), a pronoun resolved to it before ("he said" = them),
    or what the article says of the name (:func:`sex_marks` of it, ``sexes``: "Mr
    Marek", "Ana Ruiz, a spokeswoman").

    >>> _sex(Source("Ana Ruiz spokesman", "group", "r"), []), _sex(Source("Ana Ruiz", "person", "r"), [])
    ('male', '')
    """
    # a word marks an unnamed source only: a named one's office is often written "Spokesman" for a woman
    words = set(re.findall(r"[a-z]+", source.text.lower())) if source.kind != "person" else set()
    if words & MALE_WORDS:
        return "male"
    if words & FEMALE_WORDS:
        return "female"
    for earlier in history:
        if earlier.text == source.text and earlier.rule.startswith(("'he' = ", "'she' = ")):
            return "male" if earlier.rule.startswith("'he'") else "female"
    name = re.sub(r" \(.*\)$", "", source.text)
    if not sexes or source.kind != "person" or not name:
        return ""
    return sexes.get(name) or sexes.get(name.split()[-1], "")  # the full name, else a title's surname


def head_noun(text: str) -> str:
    """The head of a noun phrase as :func:`find_source` writes it: the word before its postmodifier.

    >>> head_noun("victim who escaped from the camp"), head_noun("former inmate")
    ('victim', 'inmate')
    """
    words = text.split()
    for h in range(1, len(words)):
        if _opens_postmodifier(words, h):
            return words[h - 1]
    return words[-1]


def _opens_postmodifier(words, h) -> bool:
    """Word ``h`` opens what follows a head noun: "who ...", "behind ...", "claiming to ...", "detained in ...",
    "close to ..."."""
    w = words[h]
    nxt = words[h + 1] if h + 1 < len(words) else ""
    if w in _POSTMODIFIER_OPENERS or w in POSTMODIFIER_ADJECTIVES and nxt in PREPOSITIONS:
        return True
    participle = w.endswith("ing") or w.endswith("ed")
    return participle and (nxt in PREPOSITIONS or nxt in ("that", "the", "a", "an", "as")) or _is_adverb(w)


def _is_adverb(word: str) -> bool:
    """An -ly word that is an adverb ("repeatedly"), not a publication ("the daily", "the weekly").

    >>> _is_adverb("repeatedly"), _is_adverb("daily")
    (True, False)
    """
    return word.endswith("ly") and word not in ORGANISATION_NOUNS


def _after_preposition(words, start) -> bool:
    before = words[start - 1] if start > 0 else ""
    if before.endswith("'s") and start > 1:  # "of Russia's Amnesty International"
        start -= 1
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
    return k >= 0 and v - k <= FINAL_SAYER_WORDS + 1


_OPENING = {"\u201c": "d", "\u201e": "d", "\u2018": "s"}
#: A line that breaks off mid-sentence: it ends in a letter, a digit, a comma, a semicolon or a hyphen.
_BROKEN_LINE = re.compile(r"[\w,;-]$")


def _paragraphs(raw: str):
    """``(text, offset)`` of each paragraph of ``raw``: a line, with the lines that go on from it.

    A line that breaks off mid-sentence (:data:`_BROKEN_LINE`) goes on in the next line when
    that one follows at once, without a blank line or an indent: a hard-wrapped paragraph.
    """
    start = end = None
    for line in re.finditer(r"[^\n]+", raw):
        if start is not None and line.start() == end + 1 and not line.group()[0].isspace() \
                and _BROKEN_LINE.search(raw[start:end].rstrip()):
            end = line.end()
            continue
        if start is not None:
            yield raw[start:end], start
        start, end = line.start(), line.end()
    if start is not None:
        yield raw[start:end], start


def quote_regions(raw: str) -> list[tuple[int, int, int]]:
    """``(start, end, chain)`` of each quotation in ``raw``.

    A quotation left open at the end of a paragraph continues into the next
    paragraph when that one opens with a quotation mark; the regions of such a
    quotation share ``chain``. The one quotation-region finder: speakers,
    :mod:`analysis.quotes` and :func:`analysis.overview.count_quotations` use it.

    A hard-wrapped paragraph (newswire: a line broken mid-sentence, the next line going on
    without an indent) is one paragraph: a quotation runs on over its line breaks.

    >>> text = "He said: \u201cWe are leaving.\u201d A \u2018purge\u2019."
    >>> [text[a:b] for a, b, _ in quote_regions(text)]
    ['\u201cWe are leaving.\u201d', '\u2018purge\u2019']
    >>> wrapped = '"Ten men died in the\\nfire," he said.'
    >>> [wrapped[a:b] for a, b, _ in quote_regions(wrapped)]
    ['"Ten men died in the\\nfire,"']
    """
    regions = []
    chain = 0
    carried = None  # quote type open at the end of the previous paragraph
    for text, offset in _paragraphs(raw):
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
