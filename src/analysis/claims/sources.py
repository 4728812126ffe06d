"""Who a figure is credited to: the sentence's source, with the one exception claims need.

Finding the sayer of a sentence is not specific to claims, and lives in
:mod:`analysis.attribution` (:func:`~analysis.attribution.find_source`, a pure
function returning a :class:`~analysis.attribution.Source`, and
:class:`~analysis.attribution.DocumentSources`, which resolves pronouns,
definite references and quotation speakers in a document). A later
"who is quoted" feature reuses them as they are.

What is specific to claims is the guide's rule on background clauses: a figure
inside a relative clause about the event ("the earthquake that killed 300
people", "a fire that ... killed one miner", "in which around 200 people
drowned") is stated in the writer's voice, even when the sentence ends with a
sayer.

>>> from analysis.claims.figures import find_figures, word_tokens
>>> s = "The fire that killed 12 miners was put out, officials said."
>>> words = [t for t, _, _ in word_tokens(s)]
>>> in_background_clause(words, find_figures(s)[0])
True
"""

from __future__ import annotations

from ..attribution import (
    CLAUSE_AUXILIARIES, CLAUSE_ONLY_VERBS, CONTACT_CLAUSE_VERBS, DETERMINERS, FUNCTION_WORDS, REPORTING_VERBS,
    SUBJECT_PHRASE_WORDS,
    DocumentSources, Gazetteer, Source, find_source,
)
from .figures import word_tokens
from .lexicon import lexicon_for

__all__ = ["DocumentSources", "Gazetteer", "Source", "after_contrast", "contrast_sayer", "figure_source",
           "find_source", "in_background_clause"]

#: Words that open a relative clause.
RELATIVE_WORDS = {"that", "which", "who", "whom", "whose"}
#: Words that open a relative clause with no verb needed after them ("that" needs one, see
#: :func:`in_background_clause`).
_RELATIVE_OPENERS = RELATIVE_WORDS - {"that"} | {"where"}
#: Verbs and auxiliaries that, right after "that", make it open a relative clause ("that left two dead").
VERB_WORDS = {"left", "was", "were", "is", "are", "has", "had", "have", "burned", "caused", "claimed", "took",
              "sank", "hit", "struck", "destroyed", "made",
              # past forms without "-ed" of verbs said of fires, storms, quakes and blasts ("the fire that broke out")
              "broke", "began", "swept", "spread", "tore", "blew", "fell", "shook", "ran", "went", "came", "rose"}
#: Words that join a second verb to the first inside one clause ("burned for hours and killed one").
CLAUSE_JOINERS = {"and", "or", "but", "then", ","}
#: How many words before a figure the relative word that opens its clause may stand.
RELATIVE_REACH = 8
#: Pronouns that can be the whole sayer of a clause about a noun ("cuts he said will save 300 jobs").
SUBJECT_PRONOUNS = {"he", "she", "they", "it"}
#: The most words of a sayer opening a relative clause, with its reporting verb ("which the army said").
RELATIVE_SAYER_WORDS = 5


def in_background_clause(words, figure, lex=None) -> bool:
    """The figure sits in a relative clause ("a blast that killed 8"), not in what a source said.

    "which", "who", "where" and "in which" open a relative clause; "that" does
    when a verb follows it ("the fire that burned ... and killed one miner",
    "flooding that left two dead"), not when a subject does ("said that 345 had
    been rescued", "means that relief will be available"). A participle after a
    comma goes on with the relative clause before it ("the fire that broke out
    last night, trapping 44 miners and killing one").
    """
    return _in_relative_clause(words, figure.first, lex or lexicon_for())


def _in_relative_clause(words, first: int, lex, *, participle: bool = True) -> bool:
    """Whether the word at ``first`` is inside a relative clause opened at most :data:`RELATIVE_REACH` words
    before it; with ``participle``, also one that a participle after a comma continues."""
    for j in range(first - 1, max(-1, first - RELATIVE_REACH - 1), -1):
        w = words[j]
        if w == "," and participle and words[j + 1].endswith("ing") and _is_verb(words, j + 1, lex):
            return _in_relative_clause(words, j, lex, participle=False)  # "the fire that broke out, killing one"
        if w in (",", ";", ":", '"', "."):
            return False
        if w in _RELATIVE_OPENERS:
            return not _clause_closed(words, j, first, lex)
        if w == "that":
            before = words[j - 1] if j > 0 else ""
            verb = _is_verb(words, j + 1, lex)
            return verb and before not in REPORTING_VERBS and not _clause_closed(words, j, first, lex)
    return False


def _is_verb(words, k, lex) -> bool:
    """``words[k]`` reads as a finite verb: an event ("killed"), a listed verb, a reporting verb or an -ed form."""
    w = words[k] if k < len(words) else ""
    return lex.events.at(words, k) is not None or w in VERB_WORDS or w in REPORTING_VERBS or w.endswith("ed")


def _clause_closed(words, relative, first, lex) -> bool:
    """The relative clause opened at ``relative`` has ended before ``first``: a second verb follows its own
    with nothing joining them ("an earthquake which struck the coast killed one", "survivors who reached
    the shore said 40 drowned"), unlike "a fire that burned for hours and killed one miner".

    >>> from analysis.claims.lexicon import lexicon_for
    >>> closed = "a quake which struck the coast killed 3".split()
    >>> joined = "a fire which burned and killed 3".split()
    >>> _clause_closed(closed, 2, 7, lexicon_for()), _clause_closed(joined, 2, 6, lexicon_for())
    (True, False)
    """
    verbs = [k for k in range(relative + 1, first) if _is_verb(words, k, lex)]
    return len(verbs) >= 2 and words[verbs[-1] - 1] not in CLAUSE_JOINERS and verbs[-1] - 1 not in verbs


def relative_sayer(words, figure) -> tuple[int, int] | None:
    """``(start, verb)`` of a sayer that opens the figure's relative clause ("the battle, which the army said
    killed 40, ...": ``army`` from ``start`` to the verb ``said``), or None.

    The sayer is at most :data:`RELATIVE_SAYER_WORDS` words right after "which", "that", "who" or "where", with no
    punctuation, and its reporting verb comes before the figure.

    >>> from analysis.claims.figures import find_figures
    >>> s = "The raid, which the army said killed 40, ended."
    >>> words = [t for t, _, _ in word_tokens(s)]
    >>> relative_sayer(words, find_figures(s)[0]), words[4:6]
    ((4, 6), ['the', 'army'])
    """
    for j in range(figure.first - 1, max(-1, figure.first - RELATIVE_REACH - 1), -1):
        if words[j] in (",", ";", ":", '"', "."):
            return None
        if words[j] in RELATIVE_WORDS or words[j] in _RELATIVE_OPENERS:
            for v in range(j + 2, min(figure.first, j + 2 + RELATIVE_SAYER_WORDS)):
                if any(not w[:1].isalpha() for w in words[j + 1:v]):
                    return None
                if words[v] in REPORTING_VERBS:
                    return j + 1, v
            return None
    return None


def contact_sayer(words, figure) -> tuple[int, int] | None:
    """``(start, verb)`` of the sayer of a clause about a noun, with no "that", that holds the figure ("cuts
    he said will save 300 jobs", "a camp officials said had held 300 refugees"), or None.

    The reporting verb is followed by a finite verb (:data:`~analysis.attribution.CONTACT_CLAUSE_VERBS`)
    and stands at most :data:`RELATIVE_REACH` words before the figure with no punctuation between; its
    sayer is the word before it (a pronoun, a name, a noun: the words before it may be the noun the
    clause is about), with "the" when it has one.

    >>> from analysis.claims.figures import find_figures
    >>> s = "He unveiled cuts he said will save 300 jobs."
    >>> words = [t for t, _, _ in word_tokens(s)]
    >>> start, verb = contact_sayer(words, find_figures(s)[0])
    >>> words[start:verb + 1]
    ['he', 'said']
    """
    for v in range(figure.first - 1, max(0, figure.first - RELATIVE_REACH - 1), -1):
        if not words[v][:1].isalnum():
            return None
        if words[v] in REPORTING_VERBS and words[v + 1] in CONTACT_CLAUSE_VERBS:
            # one word, or "the" and one word: "a camp officials said" is the officials' (the camp is the noun)
            w = words[v - 1] if v > 0 else ""
            if not w.isalpha() or w in FUNCTION_WORDS - SUBJECT_PRONOUNS or w == "what":
                return None
            return (v - 2, v) if v > 1 and words[v - 2] == "the" else (v - 1, v)
    return None


#: Conjunctions that, after a comma, open a clause of its own with a sayer of its own ("..., but police said").
CONTRAST_WORDS = {"but", "while", "although", "though", "whereas", "yet"}


def _opens_contrast(words, j) -> bool:
    """Word ``j`` is a conjunction of :data:`CONTRAST_WORDS` right after a comma or semicolon (", but")."""
    return words[j] in CONTRAST_WORDS and j > 0 and words[j - 1] in (",", ";")


def after_contrast(words, figure, verb: int) -> bool:
    """The reporting verb at ``verb`` belongs to a clause that ", but" (:data:`CONTRAST_WORDS`) opens after the
    figure, its sayer right after the conjunction ("..., but the spokesman said this incident was ..."): the
    figure is not what the sayer said.

    >>> from analysis.claims.figures import find_figures
    >>> s = "Two died in March, but the spokesman said the blast was far away."
    >>> words = [t for t, _, _ in word_tokens(s)]
    >>> after_contrast(words, find_figures(s)[0], words.index("said"))
    True
    >>> s = "Two died in March and others were hurt, the spokesman said."
    >>> words = [t for t, _, _ in word_tokens(s)]
    >>> after_contrast(words, find_figures(s)[0], words.index("said"))
    False
    """
    for j in range(verb - 1, figure.last, -1):
        if words[j] in CONTRAST_WORDS:
            return _opens_contrast(words, j) and all(w[:1].isalpha() for w in words[j + 1:verb]) \
                and verb - j - 1 <= SUBJECT_PHRASE_WORDS and verb + 1 < len(words) and words[verb + 1][:1].isalnum()
        if not words[j][:1].isalpha():
            return False
    return False


#: Verbs after which the subject puts a figure of its own: "activists put the toll at 50" (with "at").
TOLL_SAYER_VERBS = {"put", "puts", "putting"}
#: The function words a sayer after a conjunction may hold: determiners ("the rebels", "some officials").
_SAYER_FUNCTION_WORDS = DETERMINERS


#: Words that, with or without a comma, open a clause that may have a sayer of its own ("Rebels said they hit a
#: post and an army spokesman said seven rebels were killed"); a sayer of the sentence's own clause ("Police and
#: army officials said") is no second sayer, as its verb is the sentence's (see :func:`figure_source`).
CLAUSE_SAYER_OPENERS = {";", "and"}


def contrast_sayer(words, figure) -> tuple[int, int] | None:
    """``(start, end)`` of the sayer of a clause that ", but" (:data:`CONTRAST_WORDS`), "; but", ";" or "and"
    opens before the figure, when the clause has a sayer of its own ("Officials said 12 died, but witnesses said
    at least 30 were killed": ``witnesses said``; "... and an army spokesman said seven were killed"), or None.

    The sayer is at most :data:`~analysis.attribution.SUBJECT_PHRASE_WORDS` words right after the conjunction,
    nouns and adjectives with no punctuation and no function word but a determiner (not "soldiers patrolled the
    area where police said"). Its verb is a reporting verb before the figure ("said", "said that"; "found" and
    "denied" only before "that", :data:`~analysis.attribution.CLAUSE_ONLY_VERBS`), or "put" with "at" ("though
    activists put the toll at more than 50"), with no comma between it and the figure; ``end`` is the verb, or the
    word before the figure after "put ... at". The figure is then what that sayer says, not what the sentence's
    first sayer says.

    >>> from analysis.claims.figures import find_figures
    >>> s = "Police said 12 died, but witnesses said that at least 30 were killed."
    >>> words = [t for t, _, _ in word_tokens(s)]
    >>> start, verb = contrast_sayer(words, find_figures(s)[1])
    >>> words[start:verb + 1]
    ['witnesses', 'said']
    >>> contrast_sayer(words, find_figures(s)[0]) is None
    True
    """
    for j in range(figure.first - 1, 0, -1):
        w = words[j]
        if _opens_contrast(words, j) or w in CLAUSE_SAYER_OPENERS:
            for v in range(j + 1, min(figure.first, j + 2 + SUBJECT_PHRASE_WORDS)):
                between = words[v + 1:figure.first]
                if v > j + 1 and words[v] in REPORTING_VERBS and "," not in between and ";" not in between:
                    if words[v] in CLAUSE_ONLY_VERBS and words[v + 1] != "that":
                        return None  # "but rescuers found 30 bodies": no saying
                    return j + 1, v
                if v > j + 1 and words[v] in TOLL_SAYER_VERBS and "at" in between and "," not in between:
                    return j + 1, figure.first - 1  # the sayer reads as such with its "the toll at"
                if not (words[v][:1].isalpha() and (words[v] not in FUNCTION_WORDS or words[v] in
                                                    _SAYER_FUNCTION_WORDS)):
                    return None
            return None
        if w in (":", '"', ".") or w in RELATIVE_WORDS and not (w == "that" and words[j - 1] in REPORTING_VERBS):
            return None  # not "said that 30 were killed": the "that" of what is said
    return None


def _opens_own_clause(words, verb: int, opener: int) -> bool:
    """Whether the conjunction at ``opener`` starts a clause of its own rather than joining two sayers of what the
    sentence's sayer (verb at ``verb``) said: "and" does after a comma or after a verb of its own ("Rebels said they
    destroyed a post and an army spokesman said ..."), not in "The governor said rescue teams and volunteers
    reported ...". The other openers (", but", ";") always do."""
    if words[opener] != "and" or words[opener - 1] == ",":
        return True
    return any(w in VERB_WORDS or w in _PAST_AND_MODAL or w.endswith("ed") for w in words[verb + 1:opener])


#: Past forms without "-ed" and modals that show a clause of its own before an "and" ("Police say they found two
#: bodies and a hospital official says ...", "... would send troops and ...").
_PAST_AND_MODAL = {"found", "saw", "cut", "shot", "sent", "took", "made", "gave", "held", "kept", "lost", "fled",
                   "told", "said", "put", "set", "led", "won", "fought", "threw", "got", "brought", "caught",
                   } | CLAUSE_AUXILIARIES


def figure_source(sources: DocumentSources, i: int, position: int, words, figure, lex=None) -> Source | None:
    """The :class:`Source` credited for a figure at ``position`` in sentence ``i`` (None: own voice).

    A figure in a background clause has none, unless the clause opens with its own sayer ("the raid, which
    the army said killed 40, ..."): the figure is then the sayer's, a pronoun or "the army" resolved
    against the sources of the sentences before.
    """
    own, contrast = None, False
    if not in_background_clause(words, figure, lex):
        own = sources.for_position(i, position)
        if own is not None and own.verb > figure.last and after_contrast(words, figure, own.verb):
            return None  # "Two were killed on March 13, but the spokesman said ...": not what the spokesman said
        sayer = contrast_sayer(words, figure)  # "..., but witnesses said at least 30": not the first sayer's
        contrast = sayer is not None and own is not None and 0 <= own.verb < sayer[0] \
            and _opens_own_clause(words, own.verb, sayer[0] - 1)
        if not contrast:
            sayer = None if own is not None else contact_sayer(words, figure)
        if sayer is None:
            return own
    else:
        sayer = relative_sayer(words, figure)
        if sayer is None:
            return None
    a, b = sources.sentences[i]
    tokens = word_tokens(sources.raw[a:b])
    start, verb = sayer
    clause = sources.raw[a + tokens[start][1]:a + tokens[verb][2]] + " 0."
    # read as the start of a sentence ("the rebels said" -> "The rebels said"): in lower case find_source takes
    # the text for an all-lower-case story
    found = find_source(clause[:1].upper() + clause[1:], gazetteer=sources.gazetteer)
    found = sources.resolved(found, i)
    if found is None or found.kind not in ("person", "org", "group"):
        # a contrast clause's sayer that cannot be named ("..., but it said ..."): the sentence's sayer, as before
        return own if contrast else None
    return Source(found.text, found.kind, f"sayer of the clause holding the figure: {found.rule}", -1).short()
