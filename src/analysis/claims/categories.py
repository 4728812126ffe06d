"""Which category a figure belongs to: what its own clause says happened to the people counted.

The words come from the lexicon (:mod:`analysis.claims.lexicon`, kept as data);
this module holds the grammar, which is the same for any event. For a figure it
reads, in order:

1. **negation**: "no one", "all but one" give no row;
2. the **noun it counts** ("45 workers", "32 of the 543 passengers", "several
   camps"); a thing ("53 houses") or a group that is not affected
   ("protesters") gives no row; a place noun ("camps") is its own category;
3. the **whole of a partitive** ("the 543" in "32 of the 543 passengers") is
   the exposed group, ``other``;
4. **its own verb after it** (the figure is the subject): "45 workers were
   killed", "Two people were missing and six injured", "30 guerrillas and 12
   soldiers were killed", "45 KILLED, 185 HURT"; an active transitive verb
   with an object ("800 guerrillas killed two") makes the figure the agent,
   not the victims;
5. **the verb or noun just before it** (the figure is the object): "killing
   90 people and wounding 230", "the release of 3", "killed or wounded 15,000";
6. **a death toll or a count named before its figure**: "the death toll rose
   to 81", "TOLL ALMOST 150", "the number of people arrested rose to 50" (the
   category of the words the count names);
7. the counted noun's own category ("100 detainees", "3,000 casualties",
   "claimed 1,500 lives");
8. else the nearest event word of the clause after it, or one right before it
   or its comma (the version 1 reading, kept for figures whose noun stands
   apart: "kept altogether, around 30 or 40").

A singular person noun followed by another noun modifies it ("two refugee
camps", "132 fighter aircraft"): the later noun is the one counted.

Categories in :data:`OUTRANKING` win over the others in the clause. The result
is ``(category, reason)``; the reason goes into the claim's ``rule``.
"""

from __future__ import annotations

import re

from ..attribution import FUNCTION_WORDS, REPORTING_VERBS, aside_sayer_end
from ..numbers import FILLERS, MONTHS, opens_a_measure, opens_a_number

__all__ = ["EVENT_WINDOW", "OUTRANKING", "SentenceFigures", "WHOLE_OF_PARTITIVE", "category_of", "running_total"]

#: Event categories that outrank the others in a clause: they say how people are held.
OUTRANKING = ("held_together",)
#: How many words after (or before) a figure the lenient last reading searches for an event word.
EVENT_WINDOW = 15
#: How many modifier words may stand between a figure and its noun ("Thirty South African coal miners").
NOUN_REACH = 5
#: How many words after the counted noun its verb may come ("people in eight cities were detained").
SUBJECT_REACH = 8
#: How many words a subset list between the counted people and their verb may run to ("114 people, including
#: messengers, a security guard and a company executive, have been arrested"): a list of a few named members.
SUBSET_REACH = 25
#: How many words before the figure the object reading looks for its verb ("killed or wounded 15,000").
OBJECT_REACH = 4
#: Words of the first item's noun a list may have before its "and" ("150 passengers and six crew",
#: "37 passengers and eight crew members"): more, and the "and" joins clauses, not items.
LIST_NOUN_WORDS = 3
#: How far before a figure "toll" may stand ("the death toll from yesterday's bombing in the north had risen to at least 70").
TOLL_REACH = 16

_CLAUSE_ENDS = {",", ";", ":", "(", ")", '"', ".", "!", "?"}
#: Words of a verb group that may stand between the counted people and the event word.
_VERB_GROUP = {
    "were", "was", "is", "are", "be", "been", "being", "had", "has", "have", "will", "would", "could",
    "may", "might", "must", "should", "can", "still", "also", "now", "already", "reportedly",
    "allegedly", "apparently", "feared", "reported", "confirmed", "believed", "presumed", "known",
    "said", "thought", "to", "left", "got", "getting", "later", "all", "either", "each", "seriously",
    "slightly", "badly", "critically", "fatally", "not", "yet", "then", "remain", "remained", "remains",
    "officially", "later", "themselves", "suffered", "sustained", "suffering", "received", "made", "rendered",
}
#: Auxiliaries that make the next past participle passive ("were killed"), not an active verb.
_AUXILIARIES = {"were", "was", "is", "are", "be", "been", "being", "got", "get", "feared", "reported",
                "confirmed", "believed", "presumed", "known", "left", "made", "rendered"}
#: Words between "toll" and its figure ("rose to 81", "stands at 41", "tops 1,000").
_TOLL_VERBS = {"to", "at", "from", "reported", "was", "is", "reached", "of", "tops", "topped", "passed", "passes",
               "exceeded", "exceeds", "hit", "hits", "nears", "neared", "reaches"}
#: Plural endings that make a noun the lexicon lacks a noun of people ("industrialists", "Palestinians",
#: "congressmen", "businesswomen"); its figure still needs an event word.
_PERSON_ENDINGS = ("ists", "ians", "men")
#: How far before a figure the last reading looks for its event word: a two-word event, its comma and the
#: figure's qualifier ("kept altogether, around 30 or 40"); further back is another clause's more often than not.
BEFORE_REACH = 5
#: Words that open an aside between the counted people and their verb (", mostly women,", ", believed to be
#: tourists,"): skipped up to the comma before the verb group (see SUBSET_REACH).
_ASIDE_OPENERS = {"including", "some", "most", "many", "all", "mostly", "mainly", "both", "believed", "thought",
                  "aged"}
#: Prepositions that open an event phrase after a passive verb ("were airlifted to safety", "were admitted with
#: injuries").
_EVENT_PREPOSITIONS = {"to", "into", "in", "from", "out", "off", "without", "under", "behind", "with"}
#: Verbs of the verb group after which a participle is a complement ("believed involved", "thought responsible").
_OPINION_VERBS = {"believed", "thought", "suspected", "presumed", "reported", "said", "known"}
#: Prepositions after a participle right after the counted noun that make the participle describe the people
#: ("people associated with the bank", "workers employed by the firm", "men linked to the group") rather than
#: be their verb ("800 guerrillas attacked the base").
_REDUCED_RELATIVE_PREPOSITIONS = {"with", "by", "to", "in", "at", "on", "for"}
#: Verbs between a group named by its event and a figure of its members ("among the dead were 12").
_GROUP_VERBS = {"were", "are", "include", "included", "includes"}
#: Nouns that name a count of people before its figure ("the number of people arrested rose to 50").
_COUNT_NOUNS = {"number", "total", "tally", "count"}
#: Nouns of a figure that sums or restates the one before it in the sentence (see :func:`running_total`).
_TOTAL_NOUNS = _COUNT_NOUNS | {"figure"}
#: Verbs that open a clause of their own after "and" ("killed 2,000 and left 80,000 homeless"), besides
#: those that look like verbs (see :func:`_looks_like_a_verb`).
_CLAUSE_VERBS = {"left", "made", "sent", "put", "drove", "forced", "caused"}
#: Nouns that count people only as cases of an illness ("45 new cases of cholera"), not of a court, a
#: bankruptcy or a fraud ("two other bond cases", "1,071 cases" of bankruptcy): they need a word of
#: :data:`HEALTH_WORDS` in the sentence.
CASE_NOUNS = {"cases", "case"}
#: Words that make a sentence's "cases" cases of illness.
HEALTH_WORDS = {"disease", "diseases", "virus", "viral", "infection", "infections", "infected", "infectious",
                "epidemic", "outbreak", "illness", "illnesses", "ill", "sick", "patients", "hospital", "hospitals",
                "cancer", "aids", "hiv", "cholera", "flu", "influenza", "measles", "malaria", "meningitis",
                "typhoid", "tuberculosis", "hepatitis", "fever", "poisoning", "symptoms", "health", "medical",
                "deaths", "died", "diagnosed", "contracted", "contracting", "confirmed", "suspected", "plague",
                "polio", "dengue", "ebola", "rabies", "leprosy", "diarrhoea", "diarrhea", "dysentery", "pneumonia"}
#: Forms of "hold", which says detained of people but is said of meetings, seats, shares and positions: a figure
#: with no noun of people it counts is detained by them only in a sentence with another sign of detention
#: (:func:`_detention_besides_holding`): "Twelve were held by the police", "captured five and held them"; not "One
#: must be held before June", "the party holding five".
HOLDING_WORDS = {"held", "holding", "hold", "holds"}
#: The words of a lexicon phrase that says no more than "hold" ("held", "being held").
_HOLDING_PHRASE_WORDS = HOLDING_WORDS | {"being"}
#: Words of detention the lexicon does not list as events or as detained people: who holds people and where.
DETENTION_WORDS = {"police", "custody", "prison", "prisons", "jail", "jails", "kidnappers", "captors", "captivity",
                   "camp", "camps", "guards", "incommunicado", "troops", "soldiers", "rebels", "guerrillas",
                   "militants", "authorities", "charges", "cells"}
#: Words right before "cases" that make them cases of illness ("200,000 new cases occur each year").
CASE_MODIFIERS = {"new", "confirmed", "suspected", "reported", "fatal", "known"}


def _of_illness(words, noun_end: int) -> bool:
    """Whether the "cases" ending at ``noun_end`` are cases of illness: a word of :data:`HEALTH_WORDS` in the
    sentence, or one of :data:`CASE_MODIFIERS` right before the noun."""
    return not HEALTH_WORDS.isdisjoint(words) or noun_end >= 2 and words[noun_end - 2] in CASE_MODIFIERS


#: Determiners between an event verb and the figure of its object ("arrested the two men", "freed all 12").
_OBJECT_DETERMINERS = {"the", "all", "its", "their", "his", "her", "our"}
#: Determiners after which a participle is an adjective ("the downed aircraft", "a burning ferry").
_ADJECTIVE_DETERMINERS = _OBJECT_DETERMINERS | {"a", "an"}
#: Words that open the object of an active verb ("killed the ...", "wounded several").
_OBJECT_OPENERS = {"the", "a", "an", "his", "her", "their", "its", "our", "several", "many", "some",
                   "dozens", "scores", "hundreds", "thousands", "two", "three", "four", "five", "six",
                   "seven", "eight", "nine", "ten", "one", "them", "him", "people", "civilians"}
#: Event words that are transitive verbs: after the counted people without an auxiliary, and
#: with an object, they make the people the agents ("800 guerrillas attacked the base").
_TRANSITIVE = re.compile(r"^(kill|injur|wound|hurt|rescu|arrest|detain|captur|free|releas|evacuat|kidnap|execut"
                         r"|abduct|shot|shoot|seiz|held|hold|jail|imprison)")
#: Words that, after a figure, open a subset or a place and are skipped by the subject reading.
_SKIPPED_AFTER_NOUN = {"including", "in", "of", "from", "on", "at", "among", "aboard", "inside",
                       "near", "across", "during", "with", "and", "or", "another", "other", "more",
                       "them", "whom", "people", "the", "a", "an", "its", "their", "his", "her"}
#: Place words after "evacuated from": people who leave their homes, towns or areas are displaced.
_DISPLACED_FROM = {"home", "homes", "house", "houses", "town", "towns", "village", "villages", "area", "areas",
                   "region", "regions", "city", "cities", "district", "districts", "province", "valley",
                   "zone", "neighbourhood", "neighborhood", "island", "coast", "mountain", "suburbs"}
#: Time words that may follow a figure or its verb ("three died today").
_TIME_WORDS = {"today", "yesterday", "tonight", "overnight", "earlier", "later", "immediately", "instantly",
               "last", "this", "since", "ago", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
               "sunday"}
#: Words that end a noun phrase ("about 40 during rehearsals"), besides the function words.
_NOUN_STOPS = {"during", "including", "among", "despite", "until", "following", "amid", "because", "unharmed",
               "safely", "alive", "more"}
#: Plural endings of nationality nouns, read as people in an all-capital headline ("1,200 LIBYANS").
_NATIONALITY_PLURAL = re.compile(r"(?:ans|ese|is|ards|ans)$")
#: The reason given to the whole of a partitive ("the 543" of "32 of the 543 passengers").
WHOLE_OF_PARTITIVE = "the whole of 'N of the M'"
#: The reason given to the whole of a part named by a word ("the 800" of "half of the 800 residents").
WHOLE_OF_PART = "the whole of 'half of the M'"
#: What the subject reading returns when the figure has a verb of its own that is no event word.
_BLOCKED = ("", "")
_PARTITIVE_DETERMINERS = {"the", "its", "their", "these", "those", "his", "her", "our"}


class SentenceFigures:
    """The figures of one sentence with their neighbours looked up in constant time.

    Built once per sentence, so that a sentence of many numbers is read in linear
    time. "one" is no boundary between clauses ("held in one cell").
    """

    def __init__(self, figures):
        self.all = list(figures)
        self.starts = {f.first: f for f in self.all}
        n = len(self.all)
        self.index = {id(f): i for i, f in enumerate(self.all)}
        self._previous_last = [0] * n  # last token of the previous figure that is a boundary
        self._next_first = [None] * n  # first token of the next one
        self._previous_any = [0] * n
        last = 0
        for i, f in enumerate(self.all):
            self._previous_last[i] = last
            self._previous_any[i] = self.all[i - 1].last if i else 0
            if not f.low == f.high == 1:
                last = f.last
        following = None
        for i in range(n - 1, -1, -1):
            self._next_first[i] = following
            if not self.all[i].low == self.all[i].high == 1:
                following = self.all[i].first

    def previous_boundary(self, figure) -> int:
        return self._previous_last[self.index[id(figure)]]

    def next_boundary(self, figure, default: int) -> int:
        found = self._next_first[self.index[id(figure)]]
        return default if found is None else found

    def previous(self, figure):
        """The figure before this one in the sentence, or None."""
        i = self.index[id(figure)]
        return self.all[i - 1] if i else None

    def previous_end(self, figure) -> int:
        """Where the figure before this one ends (0 for the first)."""
        return self._previous_any[self.index[id(figure)]]


def category_of(words, tokens, sentence, figure, figures, lex):
    """``(category, reason)`` of ``figure`` in its sentence, or None when it is no claim.

    Parameters
    ----------
    words, tokens : list
        The sentence's lowercase words and ``(word, start, end)`` tokens
        (:func:`analysis.claims.figures.word_tokens`).
    sentence : str
        The sentence, for capitalisation.
    figure : analysis.numbers.Figure
        The figure to categorise; ``figures`` are all the sentence's figures
        (a list, or a :class:`SentenceFigures` built once per sentence).
    lex : analysis.claims.lexicon.Lexicon
        The category lexicon.

    Examples
    --------
    >>> from analysis.claims.figures import find_figures, word_tokens
    >>> from analysis.claims.lexicon import lexicon_for
    >>> s = "The blast killed 45 workers and injured 185."
    >>> tokens = word_tokens(s); figures = find_figures(s)
    >>> [category_of([t for t, _, _ in tokens], tokens, s, f, figures, lexicon_for())[0] for f in figures]
    ['killed', 'injured']
    """
    if not isinstance(figures, SentenceFigures):
        figures = SentenceFigures(figures)
    starts = figures.starts
    if _negated(words, figure, lex):
        return None
    role, noun_category, noun_end, noun, modifier = _counted_noun(words, tokens, sentence, figure, starts, lex)
    if role == "unknown" and _capitalised_after(tokens, sentence, figure):
        # "four professors, three American and one Indian": people named by a nationality, in a breakdown
        found = _subset_reading(words, tokens, sentence, figure, figures, lex)
        if found is None and _ends_its_noun_phrase(words, figure.last):
            found = _object_reading(words, figure, lex)  # "killed one Malay", "wounded one American"
        if found is None:
            found = _unlisted_people(words, tokens, sentence, figure, noun_end, starts, lex)  # "two Acme dealers"
        return found
    if role == "unknown":
        found = _unlisted_people(words, tokens, sentence, figure, noun_end, starts, lex)
        if found is not None and _is_partitive_whole(words, figure, figures):
            return "other", WHOLE_OF_PARTITIVE  # "32 of the 543 passsengers ... were confirmed dead"
        return found
    if role == "ignore":
        return None
    if role == "place":
        return noun_category, f"place noun '{noun}'"
    if role is None and _names_a_model(words, tokens, sentence, figure):
        return None  # "a Boeing 747 which killed 520", "Flight 103 exploded": part of a name
    if _in_a_list_of_ratios(words, figure):
        return None  # "one free share for every 15, 18 or 20 already held"
    if role is None and _of_which_things(words, figure, lex):
        return None  # "11,109,190 shares outstanding, of which about 1,734,000 are held": things, not people
    if _is_partitive_whole(words, figure, figures):
        # "released 30 of the 45 people arrested": the whole has an event of its own, after its noun
        part = figures.previous(figure)
        as_object = part is not None and _object_reading(words, part, lex) is not None
        return _participle_after_noun(words, noun_end, lex, as_object) or ("other", WHOLE_OF_PARTITIVE)
    if role is None and re.search(r"\d\.\d", figure.stated):
        return None  # "held a further 1.99 mln": a quantity, not people
    single = figure.low == 1 and figure.high == 1
    nominal = _nominal_reading(words, figure, lex)
    # "One who was able to flee ... claimed": a numeral that introduces a person's story, not a count
    subject = None if nominal else _subject_reading(words, noun_end, starts, lex, relative=not single)
    adjacent = _object_reading(words, figure, lex)  # an event word just before: the figure is its object
    found = nominal or adjacent or (subject if subject != _BLOCKED else None) \
        or _object_reading(words, figure, lex, figures) or _toll_reading(words, figure, figures, lex)
    if found is None:
        found = _captive_reading(words, figure, noun_end)
    if found is None and modifier is not None:
        found = modifier[0], f"'{modifier[1]}' before its noun"
    if found is None and role == "group":
        return None  # "5,000 protesters marched": a crowd, unless an event word applies to the figure itself
    if found is None and noun_category and not single and (noun not in CASE_NOUNS or _of_illness(words, noun_end)):
        found = noun_category, f"noun '{noun}'"  # not "14 other cases involving 214,000 dlrs": cases of illness only
    if found is None and not single and subject != _BLOCKED:
        found = _nearest_event(words, figure, figures, lex)
    if found is None:
        found = _subset_reading(words, tokens, sentence, figure, figures, lex)
    if found is None:
        return None  # "one man claiming ...": an anecdote, not a count
    if role is None and found[0] == "detained" and not _detention_besides_holding(words, lex):
        return None  # "One must be held before June", "six for every share held": meetings and shares are held too
    if role == "person" and noun_category == "killed" and found[0] != "killed":
        found = "killed", f"noun '{noun}'"  # "eight bodies were found", "free the 80 bodies", "two deaths ... in
        # hospital": the dead, whatever is said of them
    held = _outranking(words, figure, figures, lex)
    verb_at = noun_end  # past a sayer aside: "Most of the 60 villagers, witnesses said, were killed"
    if verb_at < len(words) and words[verb_at] == "," and (closing := aside_sayer_end(words, verb_at)) is not None:
        verb_at = closing + 1
    if _whole_of_a_part_word(words, figure) and verb_at < len(words) and words[verb_at] in _VERB_GROUP:
        # "half of the 800 residents were evacuated": the 800 were not, they are the whole (other), or what their
        # noun says ("some of the 40 hostages were freed": 40 hostages); "half of the 800 people killed were
        # civilians": the event is the whole's own
        return (noun_category, f"noun '{noun}'") if noun_category else ("other", WHOLE_OF_PART)
    return held or found


def _detention_besides_holding(words, lex) -> bool:
    """Whether the sentence says detention by more than a form of "hold": a lexicon event or noun of the detained
    that is not made of :data:`HOLDING_WORDS` alone ("arrested", "held hostage", "prisoners"; "being held" is only
    "held"), or a word of :data:`DETENTION_WORDS`.

    >>> from analysis.claims.lexicon import lexicon_for
    >>> [_detention_besides_holding(s.split(), lexicon_for()) for s in
    ...  ("rebels captured five and held a rally", "one must be held before june", "five were held hostage")]
    [True, False, True]
    """
    if not DETENTION_WORDS.isdisjoint(words):
        return True
    for k in range(len(words)):
        event, noun = lex.events.at(words, k), lex.nouns.at(words, k)  # (category, length), ((role, category), length)
        hits = ([event] if event else []) + ([(noun[0][1], noun[1])] if noun else [])
        if any(category == "detained" and not _HOLDING_PHRASE_WORDS.issuperset(words[k:k + n]) for category, n in hits):
            return True
    return False


def running_total(words, figure, before: str | None):
    """``(category, reason)`` of a total the clause before adds to ("A further 30 were arrested, bringing the
    total to 120": detained 120), or that restates its figure ("The government said 12 died, while opposition
    groups put the figure at 40"), or None.

    The figure follows "the total to" (or "at"; :data:`_TOTAL_NOUNS`; "its", "their", "this", "that"), and
    ``before`` is the category of the sentence's claims before it (the caller passes None when they are of more
    than one kind: "12 killed and 30 injured, bringing the figure to 42" sums to neither), which the total sums or
    restates.

    >>> from analysis.claims.figures import find_figures, word_tokens
    >>> s = "A further 30 were arrested, bringing the total to 120."
    >>> words = [t for t, _, _ in word_tokens(s)]
    >>> running_total(words, find_figures(s)[1], "detained")
    ('detained', "'the total to' after a detained figure")
    """
    k = figure.first
    if before is None or k < 3 or words[k - 1] not in ("to", "at") or words[k - 2] not in _TOTAL_NOUNS \
            or words[k - 3] not in ("the", "its", "their", "this", "that"):
        return None
    return before, f"'the {words[k - 2]} {words[k - 1]}' after a {before} figure"


# ------------------------------------------------------------------ parts


def _negated(words, figure, lex) -> bool:
    """"no one was hurt", "All but one were British", "none of the 20"."""
    for n in range(1, 4):
        start = figure.first - n
        if start >= 0 and (hit := lex.negations.at(words, start)) is not None and start + hit[1] >= figure.first:
            return True
    return False


def _counted_noun(words, tokens, sentence, figure, starts, lex):
    """``(role, category, end, noun, modifier)`` of the noun a figure counts.

    role is "place", "person", "group" or "ignore" from the lexicon, "unknown" for other
    nouns ("3 bombs"), or None when the figure stands alone ("three died").
    ``end`` is the index after the noun phrase (after the figure when none);
    ``modifier`` is ``(category, word)`` of an event word used as an adjective
    ("17 missing miners", "three wounded soldiers"), else None.
    """
    k = figure.last
    if k < len(words) and words[k] == "of":  # "32 of the 543 passengers", "dozens of men", "eight of them"
        k += 1
        if k < len(words) and words[k] in _PARTITIVE_DETERMINERS:
            k += 1
            event = lex.events.at(words, k)
            if event is not None and words[k - 1] == "the":  # "two of the injured": a group named by its event
                category, n = event
                return "person", category, k + n, " ".join(words[k:k + n]), None
        if k in starts:
            k = starts[k].last
    seen, modifier = 0, None
    for j in range(k, min(len(words), k + NOUN_REACH + 1)):
        w = words[j]
        hit = lex.nouns.at(words, j) if w[0].isalpha() else None
        if hit is not None:
            (role, category), n = hit
            if not _plural_looking(w) and j + n < len(words) and _is_noun_like(words[j + n], lex):
                seen += 1
                continue  # "several member countries", "132 fighter aircraft": a singular noun modifies the next
            return role, category, j + n, " ".join(words[j:j + n]), modifier
        if w[0].isdigit():
            return "unknown", "", k, w, None  # "eleven 747s"
        if w in ("more", "other") and seen == 0 and j + 1 < len(words) and words[j + 1][:1].isalpha() \
                and lex.nouns.at(words, j + 1) is not None:
            continue  # "five more bodies", "two other hostages": the noun follows
        if len(w) > 5 and w.endswith(_PERSON_ENDINGS) and w.isalpha() and lex.events.at(words, j) is None:
            return "person", "", j + 1, w, modifier  # "four industrialists", "two congressmen": people by their form
        if not w[0].isalpha() or w in FUNCTION_WORDS or w in _VERB_GROUP or w in _TIME_WORDS or w in _NOUN_STOPS:
            break
        event = lex.events.at(words, j)
        if event is not None:
            nxt = words[j + event[1]] if j + event[1] < len(words) else ""
            # "17 missing miners": an adjective; not a phrase with its own object ("20 treated for smoke inhalation")
            if seen == 0 and modifier is None and event[1] == 1 and _is_noun_like(nxt, lex):
                if not _adjective_of_a_thing(words, j, lex):
                    modifier = event[0], w
                continue
            break  # "three died"; "three bombs killed": a thing the lexicon does not list as people
        if w.endswith("ly") and seen == 0:
            continue  # "three apparently died"
        original = sentence[tokens[j][1]:tokens[j][2]]
        if original.isupper() and len(original) > 3 and _NATIONALITY_PLURAL.search(w):
            return "person", "", j + 1, w, modifier  # "KILLED 1,200 LIBYANS"
        if original[:1].isupper() and w.endswith("s") and not w.endswith("'s") and not original.isupper():
            nxt = words[j + 1] if j + 1 < len(words) else ""
            if not (nxt.isalpha() and nxt not in FUNCTION_WORDS and lex.events.at(words, j + 1) is None
                    and lex.nouns.at(words, j + 1) is None):
                return "person", "", j + 1, w, modifier  # "three Chechens", "1,200 Libyans"
        seen += 1
    if seen == 0 and modifier is None:
        return None, "", k, "", None
    return "unknown", "", k, words[min(k + seen, len(words) - 1)], None


#: Categories whose events befall only the living: a noun the lexicon lacks, counted by a figure and followed
#: by such an event as its own verb, counts people ("all seven shuttle astronauts died"); things are destroyed,
#: sunk or shot down, not killed, hurt or arrested.
LIVING_CATEGORIES = ("killed", "injured", "detained")
#: Event words of those categories that also befall things ("two aircraft were shot down", "ships hit").
_THING_EVENTS = {"shot", "hit", "burned", "seized", "held", "captured", "lost", "destroyed"}


def _unlisted_people(words, tokens, sentence, figure, start: int, starts, lex):
    """``(category, reason)`` for a figure of a plural noun the lexicon lacks that suffers an event of
    :data:`LIVING_CATEGORIES`, else None ("three bombs exploded").

    The event is the noun's own verb, following its phrase at once as in the subject reading ("all seven
    shuttle astronauts died"), or one of :data:`PEOPLE_ONLY_OBJECT_EVENTS` just before the figure, of which
    the phrase is the object ("police arrested two exchange dealers", "the deaths of seven astronauts").
    """
    end = _unlisted_noun_phrase(words, tokens, sentence, start, lex)
    found = _subject_reading(words, end, starts, lex, relative=False) if end is not None else None
    if found is not None and found != _BLOCKED:
        if found[0] not in LIVING_CATEGORIES:
            return None
        at, hit = next(((j, h) for j in range(end, len(words)) if (h := lex.events.at(words, j)) is not None),
                       (None, None))  # its event word
        event = words[at:at + hit[1]] if at is not None else [""]
        if set(event) & _THING_EVENTS or event[0].endswith("ing"):
            return None  # "two aircraft were shot down"; "the two companies were holding talks": their own doing
    else:
        end = _unlisted_noun_phrase(words, tokens, sentence, start, lex, head_only=True)
        found = _people_only_object(words, figure, lex) if end is not None else None
        if found is None:
            return None
    return found[0], f"{found[1]} (of '{' '.join(words[start:end])}', people by what befell them)"


#: Event words before a figure whose object, a noun the lexicon lacks, can only be people. Things are killed,
#: detained, held and hit too ("the Senate killed two bills", "detained 15 shipments", "holding eight
#: currencies"), so those verbs count an unlisted noun only as its subject.
PEOPLE_ONLY_OBJECT_EVENTS = ("arrested", "arresting", "arrest of", "arrests of", "wounded", "wounding", "injured",
                             "injuring", "deaths of", "jailed", "jailing")


def _people_only_object(words, figure, lex):
    """``(category, reason)`` when the figure is the object of one of :data:`PEOPLE_ONLY_OBJECT_EVENTS`."""
    k = _object_start(words, figure.first)  # "the deaths of the seven astronauts"
    for term in PEOPLE_ONLY_OBJECT_EVENTS:
        parts = term.split()
        n = len(parts)
        if k >= n and words[k - n:k] == parts and (hit := lex.events.at(words, k - n)) is not None \
                and hit[1] == n and hit[0] in LIVING_CATEGORIES:
            return hit[0], f"'{term}' before it"
    return None


def _unlisted_noun_phrase(words, tokens, sentence, start: int, lex, *, head_only=False) -> int | None:
    """Where the noun phrase of an unlisted noun that starts at ``start`` ends, or None.

    One to :data:`NOUN_REACH` noun-like words, the last plural-looking and written in lower case (a name
    may modify it: "two VW currency dealers", never be it: "three Exxon"). With ``head_only`` the phrase ends
    at its last plural-looking word: a verb the lexicon lacks can look like a noun ("seven astronauts shocked").
    """
    end = start
    while end < len(words) and end - start < NOUN_REACH and _is_noun_like(words[end], lex):
        end += 1
    while end > start and (_is_capitalised_token(tokens, sentence, end - 1)
                           or (head_only and not _plural_looking(words[end - 1]))):
        end -= 1
    if end == start or not _plural_looking(words[end - 1]) or words[end - 1].endswith("'s"):
        return None
    return end


def _is_capitalised_token(tokens, sentence, j: int) -> bool:
    """Whether token ``j`` is written with a capital: a name, not a common noun."""
    return sentence[tokens[j][1]:tokens[j][1] + 1].isupper()


def _is_noun_like(word: str, lex) -> bool:
    """A word that can be the head (or a modifier) of a noun phrase: not a function, verb-group or time word."""
    return (word.isalpha() and word not in FUNCTION_WORDS and word not in _VERB_GROUP and word not in _TIME_WORDS
            and not word.endswith("ly") and lex.events.at([word], 0) is None)


def _names_a_model(words, tokens, sentence, figure) -> bool:
    """A bare number right after a capitalised word inside the sentence, not followed by a verb group:
    a model, flight or route ("a Boeing 747 which crashed", "Flight 103"), not a count ("Beirut 12 were killed")."""
    k = figure.first
    if k < 2 or figure.last != k + 1 or not words[k].isdigit() or words[k - 2] in (".", '"', ":", "!", "?"):
        return False
    before = sentence[tokens[k - 1][1]:tokens[k - 1][2]]
    after = words[k + 1] if k + 1 < len(words) else ""
    return (_title_case(before) and before.isalpha() and words[k - 1] not in MONTHS
            and words[k - 1] not in _TIME_WORDS and after not in _VERB_GROUP and after not in _AUXILIARIES)


def _of_which_things(words, figure, lex) -> bool:
    """A bare figure after ", of which" whose antecedent (the words before the comma) names no people."""
    k = figure.first
    if k < 3 or words[k - 2:k] != ["of", "which"] or words[k - 3] != ",":
        return False
    return not any(w[:1].isalpha() and (hit := lex.nouns.at(words, j)) is not None and hit[0][0] == "person"
                   for j, w in enumerate(words[max(0, k - 3 - NOUN_REACH):k - 3], start=max(0, k - 3 - NOUN_REACH)))


def _capitalised_after(tokens, sentence, figure) -> bool:
    """The word after the figure is capitalised in a sentence that is not all capitals ("three American")."""
    if figure.last >= len(tokens) or sentence.isupper():
        return False
    return _title_case(sentence[tokens[figure.last][1]:tokens[figure.last][2]])


def _title_case(word: str) -> bool:
    """A capital, then lower case only ("Boeing", "American"; not "UN" or "iPhone")."""
    return word[:1].isupper() and word[1:].islower()


def _ends_its_noun_phrase(words, k) -> bool:
    """Word ``k`` is a noun phrase alone: punctuation, a function word or nothing follows ("one American
    and", "one Briton." but not "two Iranian tankers")."""
    after = words[k + 1] if k + 1 < len(words) else ""
    return not after[:1].isalnum() or after in FUNCTION_WORDS


def _in_a_list_of_ratios(words, figure) -> bool:
    """A figure in a list that "every" opens ("for every 15, 18 or 20"): each item is a ratio's second term."""
    j = figure.first - 1
    while j >= 0 and (words[j] in (",", "or", "and") or words[j][:1].isdigit()):
        j -= 1
    return j >= 0 and words[j] == "every" and j < figure.first - 1


def _plural_looking(word: str) -> bool:
    """A noun in a plural form ("soldiers", "policemen", "people", "children"), not one that may be a
    modifier of the next noun ("member", "refugee", "fighter")."""
    return word.endswith(("s", "men", "people", "children")) or word in ("them", "those", "these", "whom")


#: Words for a part of a group counted after "of the": "half of the 800 residents", "most of the 300 workers".
PART_WORDS = {"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths", "majority",
              "minority", "most", "many", "some", "several", "few", "none"}


def _part_before(words, figure) -> tuple[int, int] | None:
    """``(p, gap)`` when the figure is the whole of "PART of FIGURE" ("19 of 29", gap 1) or "PART of the FIGURE"
    ("32 of the 543", gap 2): ``p`` is the index of the part's last word."""
    k = figure.first
    for gap in (1, 2):
        if k > gap and words[k - gap] == "of" and (gap == 1 or words[k - 1] in _PARTITIVE_DETERMINERS):
            return k - gap - 1, gap
    return None


def _participle_after_noun(words, k, lex, part_is_object: bool):
    """``(category, reason)`` of an event participle that modifies the whole's noun, which ends at ``k``: the part is
    an object ("released 30 of the 45 people arrested") or a verb group follows ("five of the 20 workers injured were
    treated"); else None ("Two of its five crew members drowned": the part's own verb)."""
    event = lex.events.at(words, k) if k < len(words) else None
    if event is None or event[1] != 1 or not words[k].endswith("ed"):
        return None
    after = words[k + 1] if k + 1 < len(words) else ""
    return (event[0], f"'{words[k]}' after its noun") if part_is_object or after in _VERB_GROUP else None


def _is_partitive_whole(words, figure, figures) -> bool:
    """The "543" of "32 of the 543 passengers", the "eight" of "one of its eight crew members": the group
    the part is taken from (the part is the figure just before, or a numeral)."""
    found = _part_before(words, figure)
    if found is None:
        return False
    p, _ = found
    part = figures.previous(figure)
    return words[p][:1].isdigit() or part is not None and part.last == p + 1


#: Words that end a percentage before "of the": "40 %", "40 pct", "40 percent", "40 per cent".
PERCENT_WORDS = {"%", "pct", "percent", "cent"}


def _whole_of_a_part_word(words, figure) -> bool:
    """The "800" of "half of the 800 residents", "most of the 300 workers", "40 % of the 2,000 inhabitants": a
    group of which a part (:data:`PART_WORDS`, a percentage) is said to have met the event, not the number who
    did ("all of the 300" are the 300)."""
    found = _part_before(words, figure)
    return found is not None and found[1] == 2 and (words[found[0]] in PART_WORDS or words[found[0]] in PERCENT_WORDS)


def _dash_aside_end(words, j):
    """The index of the dash that closes an aside opened by the dash at ``j`` (within :data:`SUBSET_REACH` words, no
    sentence mark between), or None."""
    for k in range(j + 1, min(len(words), j + SUBSET_REACH)):
        if words[k] == "-":
            return k if k > j + 1 else None
        if words[k] in (".", ";", ":", "!", "?"):
            return None
    return None


def _number_object(words, i) -> bool:
    """A number at ``i``, right after a verb, that is its object: not a time or a distance ("captured about 25 pct
    of the market", not "killed 30 km north of the capital")."""
    return opens_a_number(words, i) and not opens_a_measure(words, i)


def _subject_reading(words, j, starts, lex, *, relative=True):
    """The event word of the verb group after the counted people (the figure is its subject)."""
    aux = False
    first = j  # the first word after the counted noun
    stop = min(len(words), j + SUBJECT_REACH)
    while j < stop:
        w = words[j]
        if j in starts:  # "30 guerrillas and 12 government soldiers were killed": a list shares its verb
            stop = min(len(words), stop + starts[j].last - j)  # the list's numbers count for none of the reach
            j = starts[j].last
            continue
        hit = _event_at(words, j, lex)  # not "7,000 employees would each be given free shares"
        if hit is not None:
            category, n = hit
            after = words[j + n] if j + n < len(words) else ""
            if not aux and _TRANSITIVE.match(w) and (after in _OBJECT_OPENERS or (j + n) in starts
                                                      or _is_noun_like(after, lex) and after not in MONTHS
                                                      or _number_object(words, j + n)):
                return _BLOCKED  # "800 guerrillas killed two soldiers", "16,000 workers held strikes", "the 747 had
                #                  captured about 25 pct of the market": the agents
            if not aux:  # "Eight officials arrested on Monday have been released": the main verb comes later
                later = _later_main_verb(words, j + n, stop + SUBJECT_REACH, lex)
                if later is not None:
                    return later
            if category == "injured" and j + n + 1 < len(words) and words[j + n] == "and" \
                    and (later := lex.events.at(words, j + n + 1)) is not None and later[0] == "killed":
                return "killed", f"'{' '.join(words[j:j + n + 1 + later[1]])}' after it"  # "shot and killed"
            category = _evacuation(words, j + n, category)
            return category, f"'{' '.join(words[j:j + n])}' after it"
        if w == "." and j + 1 < len(words) and words[j + 1] != '"':
            j += 1
            continue  # the dots of "U.S.": the sentence goes on
        if w in REPORTING_VERBS and not aux and (j + 1 >= len(words) or words[j + 1] != "to"):
            rest = words[j + 1:j + 3]
            if rest[:1] in (["they"], ["he"], ["she"]) or rest in (["that", "they"], ["that", "he"], ["that", "she"]):
                j += len(rest) if rest[0] == "that" else 1
                continue  # "200 protesters said they were beaten": the sayers say it of themselves
            return None  # "One witness said 12 people died": the people counted are sayers, what they say is not
            #              their verb (not "two men said to be rebels were killed")
        if w in ("who", "which", "that"):
            return _relative_clause(words, j, stop, lex) if relative else _BLOCKED
        if w in _CLAUSE_ENDS and w != "," or w in ("when", "while", "as", "after", "but"):
            return None
        # an aside, skipped and counted for none of the reach: a breakdown between dashes right after the people
        # ("Four people - two men, a woman and a child - were killed"), a sayer between commas ("At least 12
        # people, police said, were killed")
        closing = (_dash_aside_end(words, j) if w == "-" and j == first
                   else aside_sayer_end(words, j) if w == "," else None)
        if closing is not None:
            stop = min(len(words), stop + closing + 1 - j)
            j = closing + 1
            continue
        if w == ",":
            # ", including four policemen," or ", some badly hurt,": a subset, skipped; else the clause ends
            if j + 1 < len(words) and (words[j + 1] in _ASIDE_OPENERS or _opens_participle_aside(words[j + 1])
                                       or j + 1 in starts and words[j - 1].isalpha()):  # or a breakdown
                resumed = _after_subset(words, j + 1, lex)
                if resumed is not None:  # a longer list, closed by a comma before the verb group
                    j, stop = resumed, max(stop, min(len(words), resumed + SUBJECT_REACH))
                    continue
                j += 1
                continue
            if not aux and j + 1 < len(words) and words[j - 1].isalpha() and not words[j + 1].endswith("ing") \
                    and lex.events.at(words, j + 1) is not None:
                j += 1  # "Everyone aboard, 89 passengers and six crew, died": an appositive closed before the verb
                continue
            return None
        if w in ("and", "or") and j + 1 < len(words) and j + 1 not in starts and lex.events.at(words, j + 1):
            return None  # "killed 45 workers and injured 185": the next clause's verb
        if w in ("and", "or") and not aux and j + 1 < len(words) and j + 1 not in starts and (
                words[j + 1] in _CLAUSE_VERBS or _looks_like_a_verb(words[j + 1])):
            return None  # "killed 2,000 people and left 80,000 homeless": the figure was an object
        if w in _VERB_GROUP:
            aux = aux or w in _AUXILIARIES
        elif w in _SKIPPED_AFTER_NOUN or w in _TIME_WORDS:
            if w == "including":  # "40 soldiers and guerrillas including a U.S. military adviser died": a subset
                stop = max(stop, min(len(words), j + SUBSET_REACH))
        elif w.isalpha() and _looks_like_a_verb(w) and words[j - 1] in _OPINION_VERBS:
            pass  # "Three others believed involved had been arrested": a complement, not their own verb
        elif j == first and w.endswith("ed") and j + 1 < len(words) and words[j + 1] in _REDUCED_RELATIVE_PREPOSITIONS:
            pass  # "Six people associated with the bank were jailed": a participle describing them, not their verb
        elif w.isalpha() and _looks_like_a_verb(w) and words[j - 1] in _ADJECTIVE_DETERMINERS:
            pass  # "the crew of the downed aircraft": a participle after a determiner is an adjective
        elif _modifies_a_noun_in_a_phrase(words, j, first, aux, lex):
            pass  # "Two executives of steel trading companies were arrested": a gerund modifying the noun after it
        elif w.isalpha() and _looks_like_a_verb(w):
            if aux and j + 2 < len(words) and words[j + 1] == "and" and lex.events.at(words, j + 2) is not None:
                j += 2  # "were tortured and killed": two participles of one verb group, the event is the second
                continue
            if aux and j + 1 < len(words) and words[j + 1] in _EVENT_PREPOSITIONS and lex.events.at(words, j + 1):
                j += 1  # "were airlifted to safety", "were rushed to hospital": the event is where they were taken
                continue
            if aux and j + 2 < len(words) and words[j + 1] == "to" and lex.events.at(words, j + 2):
                j += 2  # "were forced to flee": the event is the verb after "to"
                continue
            return _BLOCKED  # "800 guerrillas attacked the base": their own verb, not an event
        elif not w.isalpha():
            return None
        j += 1
    return None


#: Words just before a figure that make it a subset of the figure before ("Six people, including four policemen,
#: were wounded": CLAIMS_GUIDE, subsets get their own row in the category of the whole).
_SUBSET_OPENERS = (("including",), ("among", "them"), ("among", "whom"))


def _subset_reading(words, tokens, sentence, figure, figures, lex):
    """The category of the whole for a figure introduced as its subset (", including four policemen,",
    ", eight of them women")."""
    k = figure.first
    whole = figures.previous(figure)
    opened = any(tuple(words[max(0, k - len(o)):k]) == o for o in _SUBSET_OPENERS)
    # ", eight of them affiliated with ...", ", two of whom": a part of the figure before, after its comma
    part_of = k >= 1 and words[k - 1] == "," and words[figure.last:figure.last + 2] in (["of", "them"], ["of", "whom"])
    if whole is None:
        return None
    # "four professors, three American and one Indian": a breakdown right after the whole and its noun
    between = words[whole.last:k - 1]
    breakdown = k >= 1 and words[k - 1] in (",", "and") and len(between) <= LIST_NOUN_WORDS \
        and all(w.isalpha() for w in between)
    if not (opened or part_of or breakdown):
        return None
    found = category_of(words, tokens, sentence, whole, figures, lex)
    if found is None or found[1] == WHOLE_OF_PARTITIVE:
        return None  # the whole of "five of the 37" is a claim only through its part
    if breakdown and not (opened or part_of) and words[k - 1] == "and" and not found[1].startswith("a subset of"):
        return None  # "and" continues a breakdown, not a figure of its own
    return found[0], f"a subset of '{whole.stated}' ({found[1]})"


def _opens_participle_aside(word: str) -> bool:
    """A participle opening an aside after the counted people (", operating out of X,", ", fleeing the fighting,")."""
    return word.isalpha() and len(word) > 4 and word.endswith(("ing", "ed"))


def _after_subset(words, j, lex):
    """Where the verb group resumes after ", including ... ," (a comma, then an auxiliary or an event
    word), or None."""
    for k in range(j + 1, min(len(words), j + SUBSET_REACH)):
        if words[k] in _CLAUSE_ENDS and words[k] != ",":
            return None
        if words[k - 1] == "," and (words[k] in _VERB_GROUP or lex.events.at(words, k) is not None):
            return k
    return None


def _later_main_verb(words, j, stop, lex):
    """An auxiliary and an event word later in the clause: the main verb after a reduced relative clause."""
    for k in range(j, min(stop, len(words)) - 1):
        if words[k] in _CLAUSE_ENDS or words[k] in ("and", "but", "who", "which", "that"):
            return None
        if words[k] in ("have", "has", "had", "were", "was", "are", "is"):
            for m in range(k, min(k + 3, len(words))):  # "were found" is a phrase of its own
                hit = lex.events.at(words, m)
                if hit is not None:
                    return hit[0], f"'{' '.join(words[k:m + hit[1]])}' after it"
                if m > k and words[m] not in _VERB_GROUP:
                    break
    return None


def _relative_clause(words, j, stop, lex):
    """"17 miners who were missing ... were found": the main verb if one follows, else the clause's own."""
    own = None
    for k in range(j + 1, min(len(words), j + 1 + 2 * SUBJECT_REACH)):
        if words[k] in (";", ".", ":") or words[k] == "," and own is not None:
            break
        hit = lex.events.at(words, k)
        if own is None and hit is not None:
            own = hit[0], f"'{words[j]} ... {' '.join(words[k:k + hit[1]])}' after it"
            continue
        if own is not None and words[k] in ("were", "was", "are", "is", "have", "has", "had"):
            later = _later_main_verb(words, k, k + 4, lex)
            if later is not None:
                return later
    return own


#: Prepositions that open a phrase after the counted noun in which an "-ing" word before a noun is a modifier
#: ("executives of steel trading companies", "workers at a mining company").
_MODIFIER_PHRASE_OPENERS = {"of", "at", "in", "from", "for"}


def _modifies_a_noun_in_a_phrase(words, j, first, aux, lex) -> bool:
    """An "-ing" word between a noun-like word and a noun, inside a prepositional phrase after the counted noun
    and before any verb group: a modifier ("of steel trading companies"), not the people's own verb."""
    w = words[j]
    if aux or not w.endswith("ing") or j - 1 <= first or j + 1 >= len(words):
        return False
    return (_is_noun_like(words[j - 1], lex) and _is_noun_like(words[j + 1], lex)
            and not _MODIFIER_PHRASE_OPENERS.isdisjoint(words[first:j - 1]))


def _looks_like_a_verb(word: str) -> bool:
    """A verb that is not an event word ends the subject's verb group ("began", "walked", "claiming")."""
    return (word.endswith(("ed", "ing")) and len(word) > 4) or word in ("began", "went", "took", "say", "says", "told")


def _evacuation(words, k, category):
    """"evacuated from their homes / two towns" is displacement; "from the ship" is not."""
    if category not in ("fled_or_evacuated", "displaced") or k >= len(words) or words[k] != "from" \
            or not words[k - 1].startswith("evacuat"):
        return category
    near = words[k + 1:k + 5]
    return "displaced" if any(w in _DISPLACED_FROM for w in near) else "fled_or_evacuated"


#: Words after the counted people that say they are held ("took 20 people hostage", "kept them prisoner").
CAPTIVE_COMPLEMENTS = {"hostage", "hostages", "captive", "captives", "prisoner", "prisoners"}
#: Verbs before such an object: the people are taken or kept captive.
CAPTOR_VERBS = {"take", "takes", "took", "taken", "taking", "hold", "holds", "held", "holding", "keep", "keeps",
                "kept", "keeping", "seize", "seized", "seizing"}


def _captive_reading(words, figure, noun_end):
    """``("detained", reason)`` for a figure between a captor's verb and a complement that makes the people captives
    ("Gunmen took 20 people hostage", "held 12 tourists captive"), else None."""
    start = _object_start(words, figure.first)
    if start > 0 and words[start - 1] in CAPTOR_VERBS and noun_end < len(words) \
            and words[noun_end] in CAPTIVE_COMPLEMENTS:
        return "detained", f"'{words[start - 1]} ... {words[noun_end]}' around it"
    return None


def _object_start(words, k) -> int:
    """Where the object whose figure is at ``k`` starts: at its determiner or filler, if it has one ("arrested the
    two men", "freed all 12 hostages", "detained a further 20"; :data:`_OBJECT_DETERMINERS`,
    :data:`analysis.numbers.FILLERS`)."""
    if k > 0 and words[k - 1] in _OBJECT_DETERMINERS:
        return k - 1
    for lead in FILLERS:
        if k >= len(lead) and tuple(words[k - len(lead):k]) == lead:
            return k - len(lead)
    return k


def _object_reading(words, figure, lex, figures=None):
    """The verb or noun just before the figure, when the figure is its object.

    With ``figures``, the second item of a list shares the verb of the first ("carrying 150
    passengers and six crew").
    """
    k = figure.first
    ends = (k, _object_start(words, k))
    for j in range(max(0, k - OBJECT_REACH - 1), k):
        hit = lex.events.at(words, j)
        if hit is not None and j + hit[1] in ends:
            category = _evacuation(words, figure.last, hit[0])
            return category, f"'{' '.join(words[j:k])}' before it"
    first = figures.previous(figure) if figures is not None and k >= 2 and words[k - 1] == "and" else None
    if first is not None and 0 < k - 1 - first.last <= LIST_NOUN_WORDS and all(
            w.isalpha() for w in words[first.last:k - 1]):
        found = _object_reading(words, first, lex) or _nominal_reading(words, first, lex)
        if found is not None:
            return found[0], f"{found[1][:-len(' before it')]} before the list"
    return None


def _nominal_reading(words, figure, lex):
    """"the detention of over a hundred", "the release of three hostages held by ...", "survivors of 77":
    the noun before "of"."""
    k = figure.first
    if k >= 2 and words[k - 1] == "of":
        for n in (2, 1):
            j = k - 1 - n
            if j >= 0 and (hit := lex.events.at(words, j)) is not None and j + hit[1] == k - 1:
                return hit[0], f"'{' '.join(words[j:k])}' before it"
        j = k - 2  # "survivors of 77 of the victims", "the bodies of 12 soldiers": a noun of its own category
        if words[j][:1].isalpha() and (hit := lex.nouns.at(words, j)) is not None and j + hit[1] == k - 1 \
                and hit[0][0] == "person" and hit[0][1] and words[j] != "lives":  # "to save the lives of 12"
            return hit[0][1], f"'{' '.join(words[j:k])}' before it"
    if k >= 3 and words[k - 1] in _GROUP_VERBS and words[k - 3] == "the":
        # "Among the dead were 12 children", "the injured include three policemen": the group named before
        event = lex.events.at(words, k - 2)
        noun = lex.nouns.at(words, k - 2) if event is None and words[k - 2][:1].isalpha() else None
        if event is not None and event[1] == 1:
            return event[0], f"'the {words[k - 2]} {words[k - 1]}' before it"
        if noun is not None and noun[1] == 1 and noun[0][0] == "person" and noun[0][1]:
            return noun[0][1], f"'the {words[k - 2]} {words[k - 1]}' before it"
    if k >= 2 and words[k - 1] in ("were", "was") and (k == 2 or words[k - 3] in _CLAUSE_ENDS | {"and"}):
        # "Killed were 12 soldiers and three civilians", "..., and injured were 30": the participle put first
        event = lex.events.at(words, k - 2)
        if event is not None and event[1] == 1 and words[k - 2].endswith("ed"):
            return event[0], f"'{words[k - 2]} {words[k - 1]}' before it"
    return None


def _toll_reading(words, figure, figures, lex):
    """"the death toll rose to 81", "TOLL ALMOST 150", "the toll ... from a previously reported 85";
    "the number of people arrested rose to 50", "the total of dead ... to 192", "put the number of
    homeless at 3,000": a count named before its figure takes the category of the words it names."""
    k = figure.first
    previous = figures.previous_end(figure)
    for j in range(k - 1, max(previous, k - TOLL_REACH) - 1, -1):
        if words[j] in (";", ":", "."):
            return None
        if words[j] == "toll":
            return ("killed", "death toll") if j == k - 1 or words[k - 1] in _TOLL_VERBS else None
        if words[j] in _COUNT_NOUNS and j + 2 < k and words[j + 1] == "of":
            if words[k - 1] not in _TOLL_VERBS or words[k - 1] == "of":
                return None
            named = _named_category(words, j + 2, k - 1, lex)
            return None if named is None else (named[0], f"'{words[j]} of {named[1]}' before it")
    return None


def _named_category(words, start: int, stop: int, lex):
    """``(category, words)`` of the first event word or categorised noun in ``words[start:stop]``."""
    for j in range(start, stop):
        event = lex.events.at(words, j)
        if event is not None:
            return event[0], " ".join(words[start:j + event[1]])
        noun = lex.nouns.at(words, j) if words[j][:1].isalpha() else None
        if noun is not None and noun[0][1] and noun[0][0] == "person":
            return noun[0][1], " ".join(words[start:j + noun[1]])
    return None


def _nearest_event(words, figure, figures, lex):
    """The nearest event word of the clause: after the figure, else just before it."""
    hi = figures.next_boundary(figure, len(words))
    lo = figures.previous_boundary(figure)
    for j in range(figure.last, min(hi, figure.last + EVENT_WINDOW)):
        if words[j] in _CLAUSE_ENDS:
            break
        hit = _event_at(words, j, lex)
        if hit is not None and _describes_a_noun_before(words, j, figure, lex):
            continue  # "protests by thousands of farmers over interest rates charged by banks": the rates'
        if hit is not None and _TRANSITIVE.match(words[j]) and _number_object(words, j + hit[1]):
            break  # "the 747 ... had since captured about 25 pct of the market": the verb's object is another number
        if hit is not None:
            return hit[0], f"'{' '.join(words[j:j + hit[1]])}' in its clause"
    # before it, only an event word right before it or its comma ("kept altogether, around 30 or 40"): one
    # further back is another clause's more often than not ("issuing arrest warrants against 50 others")
    for j in range(figure.first - 1, max(lo, figure.first - BEFORE_REACH) - 1, -1):
        if words[j] in (";", ":"):
            break
        hit = _event_at(words, j, lex)
        end = j + (hit[1] if hit else 0)
        if hit and (end == figure.first or end == figure.first - 1 and words[end] == ","
                    or tuple(words[end:figure.first]) in COMPANION_PHRASES):
            return hit[0], f"'{' '.join(words[j:end])}' in its clause"
    return None


#: Words between an event and a figure that give the figure the same event ("were charged along with three
#: former officers", "were killed together with 12 others").
COMPANION_PHRASES = {("along", "with"), ("together", "with")}


#: Event words that are also adjectives of things ("free shares", "Free Stocks"): before a noun that is no noun of
#: people, they are the thing's adjective, not what happened to the people counted.
ADJECTIVE_EVENT_WORDS = {"free"}


def _event_at(words, j, lex):
    """The event phrase at ``j`` (``lex.events.at``), unless its word is a thing's adjective there ("free
    shares": :func:`_adjective_of_a_thing`)."""
    hit = lex.events.at(words, j)
    return None if hit is not None and _adjective_of_a_thing(words, j, lex) else hit


def _adjective_of_a_thing(words, j, lex) -> bool:
    """Word ``j`` is an event word of :data:`ADJECTIVE_EVENT_WORDS` before a noun the lexicon does not list as
    people ("free shares"), not a verb ("free the hostages", "free 12 prisoners") nor before people ("free men")."""
    if words[j] not in ADJECTIVE_EVENT_WORDS or j + 1 >= len(words):
        return False
    nxt = words[j + 1]
    return _is_noun_like(nxt, lex) and nxt not in _OBJECT_OPENERS and lex.nouns.at(words, j + 1) is None


def _describes_a_noun_before(words, j, figure, lex) -> bool:
    """The participle at ``j`` follows a plural noun other than the counted people's ("interest rates charged"):
    it describes that noun, and is not what happened to the people counted."""
    w, before = words[j], words[j - 1]
    return (j - 1 > figure.last and w.endswith("ed") and before.endswith("s") and _is_noun_like(before, lex)
            and before not in _VERB_GROUP and lex.nouns.at(words, j - 1) is None)


def _outranking(words, figure, figures, lex):
    """A category of :data:`OUTRANKING` named in the figure's clause ("held in one room")."""
    hi = figures.next_boundary(figure, len(words))
    for j in range(max(0, figure.first - 3), min(hi, figure.last + EVENT_WINDOW)):
        if j >= figure.last and words[j] in (";", ".", ":"):
            break
        hit = lex.events.at(words, j)
        if hit is not None and hit[0] in OUTRANKING:
            return hit[0], f"'{' '.join(words[j:j + hit[1]])}' in its clause"
    return None
