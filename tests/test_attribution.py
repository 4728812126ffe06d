"""Sources: quotations over paragraphs, and names learnt from the corpus."""

from __future__ import annotations

import pytest

from analysis.attribution import Gazetteer, quote_regions


@pytest.mark.parametrize("text, quoted", [
    ("She said: “Ten men died.” Then she left.", ["“Ten men died.”"]),
    ("Activists say ‘several camps’ exist; Chechnya’s leaders deny it.", ["‘several camps’"]),
    ('He said "no" twice.', ['"no"']),
    ("It’s the men’s camp.", []),
    # a hard-wrapped paragraph is one paragraph: the quotation runs on over the line break, and no new one opens
    ('"Ten men died in the\nfire," he said.\n    Next.', ['"Ten men died in the\nfire,"']),
    ('"Ten died."\nShe left "at once"', ['"Ten died."', '"at once"']),
])
def testquote_regions(text, quoted):
    assert [text[a:b] for a, b, _ in quote_regions(text)] == quoted


def test_a_quotation_runs_on_when_the_next_paragraph_opens_with_a_quote_mark():
    text = "He wrote: “First part.\n\n“Second part.”\n\n“A new quotation.”"
    regions = quote_regions(text)
    assert [text[a:b] for a, b, _ in regions] == ["“First part.", "“Second part.”", "“A new quotation.”"]
    chains = [c for _, _, c in regions]
    assert chains[0] == chains[1] != chains[2]


def test_gazetteer_learns_people_organisations_and_surnames():
    gazetteer = Gazetteer.from_texts([
        "Tanya Lokshina, the Russia program director at Human Rights Watch, wrote a statement.",
        "In a statement, activist Svetlana Zakharova of the Russian LGBT Network said so.",
        "Ramzan Kadyrov, the head of the Chechen republic, denied it. The Novaya Gazeta reports.",
    ])
    assert gazetteer.label("Lokshina") == "Tanya Lokshina (Human Rights Watch)"
    assert gazetteer.label("Svetlana Zakharova") == "Svetlana Zakharova (Russian LGBT Network)"
    assert gazetteer.label("Ramzan Kadyrov") == "Ramzan Kadyrov"  # "the Chechen republic" is no organisation name
    assert gazetteer.kind("Novaya Gazeta") == "org" and gazetteer.kind("Lokshina") == "person"


# find_source: one sentence in, Source(text, kind, rule) out; invented sentences in the style of news
@pytest.mark.parametrize("sentence, text, kind", [
    ("At least 12 people died, mine owners said.", "mine owners", "group"),
    ("Police said 20 people were detained.", "police", "group"),
    ("Health officials said 30 were hurt.", "health officials", "group"),
    ("Ana Ruiz told Reuters that 12 people died.", "Ana Ruiz", "person"),
    ("Five died, the official news agency Norpress said.", "Norpress", "org"),
    ("Radio Sur, citing police, said 40 were hurt.", "Radio Sur (citing police)", "org"),
    ("Dutch Transport Minister Anna de Vries said 30 died.", "Anna de Vries (Dutch Transport Minister)", "person"),
    ("Eight died, a spokesman for the newspaper La Voz said.", "La Voz spokesman", "group"),
    ("Nine died, a source at the Santa Rosa church radio said.", "Santa Rosa church radio source", "group"),
    ("Ten were hurt, military and hospital officials said.", "military and hospital officials", "group"),
    ("According to official Indian figures, 2,000 died.", "official Indian figures", "group"),
    ("Six died, a nurse who took part in the rescue operation said.", "nurse", "group"),
    ("Acme Mining Ltd said 57 miners were trapped.", "Acme Mining", "org"),
    # a sayer after "said" who is "of", "from" or "for" an organisation (a place is left out)
    ("Twelve people died, said Ana Ruiz of the Red Cross.", "Ana Ruiz (Red Cross)", "person"),
    ("Twelve people died, said Ana Ruiz of Amnesty International.", "Ana Ruiz (Amnesty International)", "person"),
    ("Twelve people died, said Ana Ruiz of Lota.", "Ana Ruiz", "person"),
    ("Twelve people died, said a spokesman for the Red Cross.", "Red Cross spokesman", "group"),
    # a count a named body made; an acronym keeps its capitals in a group
    ("Twelve people died, according to an AFP tally.", "AFP", "org"),
    ("Twelve people died, according to a Red Cross official.", "Red Cross official", "group"),
    ("Twelve people died, a UN spokesman said.", "UN spokesman", "group"),
    # an acronym that is also a word ("un", "who", "us") opens a sentence as a name
    ("UN says 1 million people were displaced.", "UN", "org"),
    ("WHO says 12 people died.", "WHO", "org"),
    # one organisation with "and" in its name, not the words after the "and"; "and Co" is the company's
    ("The Securities and Exchange Commission said two men were charged.", "Securities and Exchange Commission", "org"),
    ("The U.S. Food and Drug Administration said three died.", "U.S. Food and Drug Administration", "org"),
    ("Acme and Co Inc said 57 miners were trapped.", "Acme", "org"),
    ("Ana Ruiz and Amnesty International said 12 died.", "Amnesty International", "org"),
    ("Oxfam and World Health Organisation said 12 died.", "World Health Organisation", "org"),
    ("Reuters and Associated Press reported 12 died.", "Associated Press", "org"),
    ("The mine's owner, Acme Mining Inc., said one miner died.", "Acme Mining", "org"),
    ("Governor Ana Ruiz said 50 were dead, Radio Sur reported.", "Ana Ruiz (Governor)", "person"),
    # an organisation by name wins over an outlet that relays it, not over a final sayer of its own
    ("Tanovia said 50 were hurt in the raid, Radio Sur reported.", "Tanovia", "org"),
    ("Tanovia said 50 were hurt in the raid, Radio Sur said.", "Radio Sur", "org"),
    ("Troops said 50 were hurt in the raid, Radio Sur reported.", "Radio Sur", "org"),  # unnamed: the outlet
    ("Tanovia said 50 were hurt in the raid, state radio reported.", "Tanovia", "org"),  # an outlet, unnamed
    ("Tanovia said 50 were hurt in the raid, officials reported.", "officials", "group"),  # no outlet
    ("RUSSIA SAYS 40 REBELS KILLED", "Russia", "org"),
    ("THIRTY MINERS KILLED IN BLAST, MINE OWNERS", "mine owners", "group"),
    ("500 STARVING, SAYS FAO", "FAO", "org"),
    ("It said 18 rebels died.", "it", "pronoun"),
    ("The company said five were rescued.", "the company", "reference"),
    ("Ten died, the newspaper said.", "the newspaper", "reference"),
    # any noun phrase, with what follows its head
    ("Ten died, the mayor said.", "the mayor", "reference"),
    ("Village elders maintain that 40 died.", "Village elders", "group"),  # a first capital may be a name's
    ("Men claiming to have fled the camp said 40 died.", "Men claiming to have fled the camp", "group"),
    ("Delegates from the UN, EU and OSCE have all urged calm.", "Delegates from the UN, EU and OSCE", "group"),
    ("A spokesman for the regional governor Ivo Marek denied that anyone was held.", "Ivo Marek spokesman",
     "group"),
    ("Forty men were held, an inquiry has found.", "inquiry", "finding"),
    ("Reports from the region allege that 40 were held.", "reports from the region", "finding"),
    ("Another claimed that 40 were held.", "another", "pronoun"),
    ("Their report also claims that 40 were held.", "the report", "reference"),
    ("MP Ana Ruiz said 40 were held.", "Ana Ruiz (MP)", "person"),
    # a document speaks for its author; an evaluative adjective is dropped; a possessor is not the source
    ("A statement by the Harbour Workers Union said 40 were held.", "Harbour Workers Union", "org"),
    ("Forty were held, a statement from the ministry said.", "the ministry", "reference"),
    ("Forty were held, a government statement said.", "government", "group"),
    ("An army communique said 40 were held.", "army", "group"),
    ("Forty were held, the ministry's communique said.", "ministry", "group"),
    ("Forty were held, a joint statement said.", "joint statement", "group"),  # no author before it
    ("Forty were held, a local newspaper, the Evening Post, said.", "Evening Post", "org"),
    ("A damning report has found that 40 were held.", "report", "finding"),
    ("According to the region's Radio Sur, 40 were held.", "Radio Sur", "org"),
    ("Local officials said 40 were held.", "local officials", "group"),
    # a country's name ending like an adjective ("-an") is the subject when an adverb or auxiliary follows
    ("Kordan earlier today said 40 were held.", "Kordan", "org"),
    ("Astan has said 40 were held.", "Astan", "org"),
    # a name in apposition after a kind of organisation is one, not a person ("the daily" is no adverb)
    ("Ten died, the official daily Diario Sur said.", "Diario Sur", "org"),
    ("The official daily Diario Sur said ten died.", "Diario Sur", "org"),
    ("Ten died, the weekly Nova Tribuna reported.", "Nova Tribuna", "org"),
    ("Ten died, the daily said.", "the daily", "reference"),
    # an office opening the clause, then the person's name in apposition: the person, with the office's body
    ("The president of the Harbour Relief Society, Ana Ruiz, told Reuters that 12 died.",
     "Ana Ruiz (Harbour Relief Society)", "person"),
    ("The head of the tanovian relief society, ana ruiz, told reuters 12 died.",
     "Ana Ruiz (tanovian relief society)",
     "person"),  # an all-lower-case story
    ("The spokesman, Ivo Marek, said 12 died.", "Ivo Marek (spokesman)", "person"),
    ("The head of the mission, a doctor, said 12 died.", "head of the mission", "group"),  # no name between
    # a document after the verb speaks for its author
    ('"Ten died," said a hand-written statement by the Front for the Liberation of Tanovia.',
     "Front for the Liberation of Tanovia", "org"),
    ('"Ten died," said a letter issued by the union.', "the union", "reference"),
    ('"Ten died," said a statement by Ana Ruiz.', "Ana Ruiz", "person"),
    # "X quoted Y as saying": X, citing Y; "X claimed to have" is X's claim, "X is said to" a hedge
    ("Twelve people were killed, Norpress quoted police as saying.", "Norpress (citing police)", "org"),
    ("Local radio quoted Ana Ruiz as saying 12 people had died.", "local radio (citing Ana Ruiz)", "group"),
    ("The newspaper quoted Ana Ruiz as saying 12 people had died.", "the newspaper", "reference"),
    ("The rebels claimed to have killed 12 soldiers.", "rebels", "group"),
    # an office and a name after a comma; a group "at" a place is no body's; "of the" inside a body's name
    ("Twelve people died, the mayor of Tanovia, Ana Ruiz, said.", "Ana Ruiz (Tanovia)", "person"),
    ("Twelve people died, rescue workers at the scene said.", "rescue workers", "group"),
    ("Nine died, a spokesman at the hospital said.", "hospital spokesman", "group"),
    ("The International Committee of the Relief Society said 12 people died.",
     "International Committee of the Relief Society", "org"),
    # "according to": a name after a kind of organisation, a proper adjective's group, reports as a finding
    ("Twelve people died, according to the Tanovian news agency NRA.", "NRA", "org"),
    ("According to Tanovian officials, 12 people died.", "Tanovian officials", "group"),
    ("Twelve people died, according to reports.", "reports", "finding"),
    # "a spokesman for the army" is written "army spokesman"; "X was quoted as saying" is X's
    ("Twelve people were killed, a spokesman for the Tanovian army told reporters.", "Tanovian army spokesman",
     "group"),
    ("Ana Ruiz was quoted as saying 12 people died.", "Ana Ruiz", "person"),
    # "reports said" is a report, no sayer; an office is its possessor's ("the Attorney General's Office")
    ("Police arrested 12 people, local media reports said today.", "local media reports", "finding"),
    ("Twelve died, the Attorney General's Office said.", "Attorney General's Office", "org"),
    ("Twelve died, Tanovia's Foreign Ministry said.", "Foreign Ministry", "org"),
    # a group and the name it goes by: "Name (group)"
    ("Rebels known as the Red Tigers said 12 soldiers died.", "Red Tigers (rebels)", "group"),
    ("Guerrillas called the Tanovian Popular Front said they killed 12.", "Tanovian Popular Front (guerrillas)",
     "group"),
    ("The men known to police said 12 died.", "men known to police", "group"),  # "known to" names no one
    # a dateline's dash bounds the clause
    ("TANOVIA CITY - Communist rebels said they killed 12 soldiers.", "Communist rebels", "group"),
    # a bracketed acronym after a name is no word between the name and its verb; before a capital it ends the name
    ("The Tanovian Miners Union (TMU) said 12 were hurt.", "Tanovian Miners Union", "org"),
    ("Twelve were hurt, the Tanovian Miners Union (TMU) said.", "Tanovian Miners Union", "org"),
    ("The Tanovian Miners Union (TMU), which represents 900 men, said 12 were hurt.", "Tanovian Miners Union",
     "org"),
    ("Tanovian Miners Union (TMU) President Ana Ruiz said 12 were hurt.", "Ana Ruiz (President)", "person"),
    ("Ana Ruiz, chairman of the Commission on Fair Elections (CFE) told reporters 12 fled.", "Ana Ruiz", "person"),
    # after "said", an office and the person's name that ends the clause: the person, not the organisation
    ('"Prices will fall," said Acme Securities Ltd. analyst Ana Ruiz, who follows the market.', "Ana Ruiz",
     "person"),
    ('"Twelve died," said army spokesman Ivo Marek.', "Ivo Marek (army spokesman)", "person"),
    ('"Twelve died," said Acme Securities Ltd.', "Acme Securities", "org"),
    # a name that looks like a participle or a possessive, right before its verb; a ticker after a name
    ("Zenning said 12 workers were hurt.", "Zenning", "org"),
    ("Speaking to reporters, Ana Ruiz said 12 died.", "Ana Ruiz", "person"),
    ("Marek's said 12 workers were hurt.", "Marek's", "org"),
    ("Acme Mining Ltd <ACMI.L> said 12 workers were hurt.", "Acme Mining", "org"),
    ("Twelve workers were hurt, Acme Mining Ltd <ACMI> said.", "Acme Mining", "org"),
    # a verb after "to" says nothing yet: another sayer wins ("expects to announce ..., Ana Ruiz said in ...")
    ("Acme Mining expects to announce 12 job cuts, chairman Ana Ruiz said in a statement.", "Ana Ruiz (chairman)",
     "person"),
    # an office written before the name, in lower case, is the person's office; one of a named organisation is
    # written as the organisation (the whole name before the office, and as a name is written: "Acme Corp" = "Acme")
    ("Police chief Ivo Marek said 40 people were arrested.", "Ivo Marek (police chief)", "person"),
    ("Twelve died, army spokesman Ivo Marek said.", "Ivo Marek (army spokesman)", "person"),
    ("Oil Ministry spokesman Egil Helle said output would rise.", "Egil Helle (Oil Ministry)", "person"),
    ("Forty people were arrested, said Interior Ministry spokesman Ivo Marek.", "Ivo Marek (Interior Ministry)",
     "person"),
    ("Acme Corp chairman Ana Ruiz said 12 jobs would go.", "Ana Ruiz (Acme)", "person"),
    ("Ana Ruiz said 40 bodies were found.", "Ana Ruiz", "person"),
    # a single word, a proper adjective or a time is no organisation's name: the office is kept whole
    ("Presidential spokesman Ivo Marek said 12 were held.", "Ivo Marek (Presidential spokesman)", "person"),
    # a place after a preposition, a word that opens sentences, an adverb is no part of the office
    ("Twelve people died, Talvik police chief Ana Ruiz said.", "Ana Ruiz (Talvik police chief)", "person"),
    ("In Talvik police chief Ana Ruiz said 12 died.", "Ana Ruiz (police chief)", "person"),
    ("Yesterday police spokesman Ivo Marek said 12 died.", "Ivo Marek (police spokesman)", "person"),
    ("Separately spokesman Ivo Marek said 12 died.", "Ivo Marek (spokesman)", "person"),
    ("Last Friday police chief Ivo Marek said 12 died.", "Ivo Marek (police chief)", "person"),
    ("Newly appointed police chief Ivo Marek said 12 died.", "Ivo Marek (police chief)", "person"),
    ("Officials including health minister Ana Ruiz said 12 died.", "Ana Ruiz (health minister)", "person"),
    ("Twelve died, mining minister Ana Ruiz said.", "Ana Ruiz (mining minister)", "person"),
    ("Shipping minister Ivo Marek said 12 died.", "Ivo Marek (Shipping minister)", "person"),
    ("Twelve died, U.S. trade representative Ana Ruiz said.", "Ana Ruiz (U.S. trade representative)", "person"),
    ("Army spokesman Ivo Marek said 12 died.", "Ivo Marek (army spokesman)", "person"),
    ("UN spokesman Ivo Marek said 12 died.", "Ivo Marek (UN)", "person"),
    ("Deputy health minister Ivo Marek said 12 died.", "Ivo Marek (Deputy health minister)", "person"),
    ("Twelve died, former mayor Ana Ruiz said.", "Ana Ruiz (former mayor)", "person"),
    ("Last week Acme president Ana Ruiz said 12 jobs would go.", "Ana Ruiz (Acme president)", "person"),
    # an em dash sets off an aside as commas do
    ("Forty people were arrested\u2014police said\u2014after the march.", "police", "group"),
    ("Ana Ruiz \u2014 a police spokeswoman \u2014 said 40 people were arrested.", "Ana Ruiz (police spokeswoman)",
     "person"),
    # an appositive that is only an office, or an office of an organisation, gives the person's office
    ("Ana Ruiz, the army spokeswoman, said 40 bodies were found.", "Ana Ruiz (army spokeswoman)", "person"),
    ("Forty were held, Ana Ruiz, a police spokeswoman, said.", "Ana Ruiz (police spokeswoman)", "person"),
    ("Forty people were arrested, said Ivo Marek, a police spokesman.", "Ivo Marek (police spokesman)", "person"),
    ("Ana Ruiz, the president of the Relief Society, said 40 were held.", "Ana Ruiz (Relief Society)", "person"),
    ("Forty were held, said Ana Ruiz, spokeswoman for the Red Cross.", "Ana Ruiz (Red Cross)", "person"),
    ("Ana Ruiz, who heads the union, said 40 were held.", "Ana Ruiz", "person"),
    ("Ana Ruiz, 45, said 40 were held.", "Ana Ruiz", "person"),
    ("Ana Ruiz, a mother of three, said 40 were held.", "Ana Ruiz", "person"),
    ("Mine officials declined to say how many died.", "mine officials", "group"),  # the only sayer
    # an appositive that ends in a place and its country runs on to the comma before them
    ("Acme Mining Corp, operator of the Zenith mine near Lota, Tanovia, said 12 workers were hurt.", "Acme Mining",
     "org"),
    ("Twelve died in Lota, Tanovia, police said.", "police", "group"),
    # "said" before "reports" is the verb; a conjunction opening the clause is no part of the sayer
    ("Rescuers said reports of 12 dead were wrong.", "rescuers", "group"),
    ("Prices rose, but dealers said 12 banks were selling.", "dealers", "group"),
    ("Prices rose, but foreign bankers said 12 banks were selling.", "foreign bankers", "group"),
    # an abbreviation with full stops is one word, written as it is ("U.S.", "N.V."), not "u . s ."
    ("U.S. officials said 12 died.", "U.S. officials", "group"),
    ("Twelve died, senior U.N. relief officials said.", "senior U.N. relief officials", "group"),
    ("Twelve died, V. Marek said.", "V. Marek", "person"),  # an initial stays apart
    ("U.S. scientists said 12 died.", "U.S. scientists", "group"),
    ("Facing protests over its plan, U.N. officials said 12 died.", "U.N. officials", "group"),
    # a person and their office after a comma, the closing comma left out: the person
    ("Sales fell, Ana Ruiz, president of the miners union said.", "Ana Ruiz", "person"),
    ("Sales fell, the president of the miners union said.", "president of the miners union", "group"),
    ("It was signed by Ana Ruiz, the spokesman said.", "the spokesman", "reference"),
    # an adverbial opening with a preposition is no part of the sayer
    ("During her visit to the capital, Ana Ruiz said 12 died.", "Ana Ruiz", "person"),
    ("Despite the rain, rescuers said 12 died.", "rescuers", "group"),
    # a document's or a table's author is the source; a body named by its remit is resolved as a reference
    ("According to a statement by Amnesty International, 40 died.", "Amnesty International", "org"),
    ("According to figures released by the health ministry, 340 died.", "the health ministry", "reference"),
    ("According to official figures, 340 died.", "official figures", "group"),  # no author named
    ('"Thirty were killed," said a witness who asked not to be named.', "witness", "group"),
    # a singular organisation noun after "according to"
    ("Dozens were detained, according to a monitoring group.", "monitoring group", "group"),
    ("Twelve died, according to a watchdog.", "watchdog", "group"),
    # a body of the state keeps its remit: "the interior ministry" is not any ministry named before
    ("The interior ministry said 18 police officers were injured.", "the interior ministry", "reference"),
    ("The country's interior ministry said 18 were hurt.", "the interior ministry", "reference"),
    # reporting verbs besides "say"
    ("Twelve people were killed, the mayor stressed.", "the mayor", "reference"),
    ("Police acknowledged that 30 protesters were arrested.", "police", "group"),
    ("At least 40 people died, doctors testified.", "doctors", "group"),
    ("Officials predicted that 2,000 people would be evacuated.", "officials", "group"),
    # an organisation and where it is; kinds of organisation besides the common ones
    ("Acme Bank in New York said it would be premature to decide.", "Acme Bank", "org"),
    ("The Observatory for Civil Rights said 23 civilians were killed.", "Observatory for Civil Rights", "org"),
    ("The Tanovia Trust said 30 tenants were evicted.", "Tanovia Trust", "org"),
    # a possessor before an unnamed source, and a name in apposition to it
    ("Twelve died, according to Tanovia's health ministry.", "Tanovia's health ministry", "group"),
    ("Twelve died, according to the country's health ministry.", "health ministry", "group"),
    ("Twelve died, according to a local rights group, Ana Watch.", "Ana Watch", "org"),
    # "reports" before another verb is the noun, not the verb: no one capitalised word before it reports
    ("Unconfirmed reports put the number of dead at 70.", "unconfirmed reports", "finding"),
])
def test_find_source(sentence, text, kind):
    from analysis.attribution import find_source

    source = find_source(sentence)
    assert (source.text, source.kind) == (text, kind)
    assert source.rule


@pytest.mark.parametrize("sentence", [
    "147 died when a launch sank off the Chilean coast.",  # an adjective, no sayer
    "Kidnappers said U.S. hostage John Smith was ill.",  # not "U", not the hostage
    "The blast, which President Ana Ruiz said was an attack, killed four.",  # a sayer inside a relative clause
    "Four people died in the fire.",  # the article's own voice
    "Thirty South African miners have been killed in a blast.",  # a number opens no name
    "The storm has claimed 14 lives.",  # a verb with a count is not one of saying
    "Rescuers found 12 bodies in the mine.",  # "found" with an object is not a finding
    "The government denies the claims.",  # nor "denies" with one
    "Doctors blamed stress for 12 deaths.",  # "stress" is a noun as often as a verb: only "stressed" says
    "Troops will monitor the airport, where 12 died.",  # nor is "monitor" a kind of organisation
    "the flood killed 300, information minister ana ruiz told reuters.",  # an all-lower-case story
    "The rebels are claimed to have killed 12 soldiers.",  # a passive "claimed to" is a hedge
    # a sayer of a clause about a noun, no "that" ("a raid [that] the army said was ..."), is not the sentence's
    "Twelve died in a raid the army said was carried out by rebels.",
    "Twelve men were charged, some at a firm federal officials said was involved.",
    "Prices rose in what analysts say was a reaction to the strike.",
    "The official estimate is 12 dead.",  # "estimate" before a verb is a noun
    "Twelve died, while independent estimates put the toll at 30.",  # "estimates" here is a noun
])
def test_find_source_never_credits_a_bare_adjective_a_place_or_a_stray_capital(sentence):
    from analysis.attribution import find_source

    source = find_source(sentence)
    assert source is None or source.text not in ("Chilean", "U", "U. S. Hostage John Smith", "Ana Ruiz", "storm",
                                                 "rebels", "rescuers", "government",
                                                 "information minister ana ruiz"), source


@pytest.mark.parametrize("text, short", [
    ("activists behind the reporting", "activists"),
    ("men claiming to have survived the camps", "men"),
    ("sources close to the investigation", "sources"),  # an adjective with its preposition follows the head
    ("officials familiar with the case", "officials"),
    ("governor of West Flanders province", "governor of West Flanders province"),  # a complement stays
    ("Ana Ruiz (governor)", "Ana Ruiz (governor)"),
])
def test_short_source_drops_the_postmodifier_but_not_a_complement(text, short):
    from analysis.attribution import Source

    assert Source(text, "group" if text[0].islower() else "person", "r").short().text == short


@pytest.mark.parametrize("source, history, expected", [
    (("he", "pronoun"), [("Ana Ruiz", "person"), ("former inmate", "group")], "former inmate"),  # the last one
    (("he", "pronoun"), [("former inmate", "group"), ("Ana Ruiz", "person")], "Ana Ruiz"),
    (("he", "pronoun"), [("Ana Ruiz", "person"), ("officials", "group")], "Ana Ruiz"),  # not a plural group
    (("it", "pronoun"), [("Radio Sur", "org"), ("Ana Ruiz", "person")], "Radio Sur"),
    (("another", "pronoun"), [("victim who escaped from the camp", "group")], "another victim"),
    (("the mayor", "reference"), [("Ana Ruiz (mayor)", "person"), ("Radio Sur", "org")], "Ana Ruiz (mayor)"),
    (("the mayor", "reference"), [("Radio Sur", "org")], "mayor"),  # never the last organisation
    (("the company", "reference"), [("Acme Mining", "org"), ("Ana Ruiz", "person")], "Acme Mining"),
    # one person is never a group of others named before; "the sources" are the last group
    (("the lawyer", "reference"), [("financial analysts", "group")], "lawyer"),
    (("the sources", "reference"), [("Western diplomats", "group")], "Western diplomats"),
    # "they": an organisation or a group, also one unnamed person; never a named person
    (("they", "pronoun"), [("Radio Sur", "org"), ("Ana Ruiz", "person")], "Radio Sur"),
    (("they", "pronoun"), [("Radio Sur", "org"), ("ministry spokesperson", "group")], "ministry spokesperson"),
    (("they", "pronoun"), [("Ana Ruiz", "person")], None),
    # "she" and "he" skip a source marked as of the other sex
    (("she", "pronoun"), [("Ana Ruiz", "person"), ("Ivo Marek spokesman", "group")], "Ana Ruiz"),
    (("she", "pronoun"), [("Ivo Marek spokesman", "group")], None),
    (("he", "pronoun"), [("Ivo Marek", "person"), ("ministry spokeswoman", "group")], "Ivo Marek"),
    # a named person's office is no mark: wire copy writes "Spokesman Teresa Tomaszewska"
    (("she", "pronoun"), [("Ana Ruiz (Spokesman)", "person")], "Ana Ruiz (Spokesman)"),
])
def test_document_sources_resolve(source, history, expected):
    from analysis.attribution import DocumentSources, Source

    found = DocumentSources.resolve(Source(*source, "r"), [Source(t, k, "r") for t, k in history])
    assert (found and found.text) == expected


def test_a_pronoun_resolved_before_and_the_article_mark_a_persons_sex():
    from analysis.attribution import DocumentSources, Source, sex_marks

    ruiz, marek = Source("Ana Ruiz", "person", "r"), Source("Ivo Marek", "person", "r")
    he_marek = Source("Ivo Marek", "person", "'he' = Ivo Marek; r")
    she = Source("she", "pronoun", "'she said'")
    assert DocumentSources.resolve(she, [ruiz, marek, he_marek]).text == "Ana Ruiz"
    assert DocumentSources.resolve(she, [ruiz, marek]).text == "Ivo Marek"  # nothing marks him
    marks = sex_marks("Mr Marek spoke. Lina Lee, a young Czech mother of two, said so. "
                      "Ana Ruiz, a lawyer for the man, said so. Mr Lee and Mrs Lee left.")
    # a title marks a surname, an appositive the full name; both ways is neither; "the man" is not Ana Ruiz
    assert marks == {"Marek": "male", "Lina Lee": "female", "Lee": ""}
    assert DocumentSources.resolve(she, [ruiz, marek], marks).text == "Ana Ruiz"
    assert DocumentSources.resolve(she, [Source("Lina Lee", "person", "r")], marks).text == "Lina Lee"
    nancy = sex_marks("Nancy Reagan, the first lady, wept.")  # a relative's mark is not the president's
    assert DocumentSources.resolve(Source("he", "pronoun", "r"), [Source("Ronald Reagan", "person", "r")],
                                   nancy).text == "Ronald Reagan"


@pytest.mark.parametrize("source, following, named", [
    (("nurse who treated them", "group"), ("Jan Van Dam (nurse)", "person"), "Jan Van Dam (nurse)"),
    (("nurses", "group"), ("Jan Van Dam (nurse)", "person"), None),  # a group is not one person
    (("nurse", "group"), ("Jan Van Dam (doctor)", "person"), None),  # another role
    (("nurse", "group"), ("Jan Van Dam", "person"), None),  # no role given
    (("Radio Sur", "org"), ("Jan Van Dam (Radio Sur)", "person"), None),  # a name stays
    # an unnamed outlet or company is the organisation of its kind the next sentence names
    (("Tanovian newspaper", "group"), ("Evening Post", "org"), "Evening Post"),
    (("state radio", "group"), ("Radio Sur", "org"), "Radio Sur"),
    (("owners", "group"), ("Acme Gold Mines", "org"), "Acme Gold Mines"),
    (("company", "group"), ("Acme Gold Mines", "org"), "Acme Gold Mines"),
    (("Tanovian newspaper", "group"), ("Interior Ministry", "org"), None),  # not an outlet
    (("owners", "group"), ("Labour Ministry", "org"), None),  # a public body is no company
    (("owners", "group"), ("Evening Post", "org"), None),  # nor is an outlet
    (("police", "group"), ("Red Cross", "org"), None),  # other sources keep their words
    (("officials", "group"), ("Acme Gold Mines", "org"), None),
])
def test_named_after(source, following, named):
    from analysis.attribution import Source, named_after

    found = named_after(Source(*source, "r"), Source(*following, "r"))
    assert (found and found.text) == named


def test_findings_lend_no_authority_to_a_figure():
    from analysis.attribution import DocumentSources, Gazetteer

    raw = "Forty men were held, an inquiry has found. Ten died, police said."
    sources = DocumentSources(raw, [(0, 42), (43, len(raw))], Gazetteer({}, {}, set()))
    assert sources.by_sentence[0].kind == "finding"
    assert sources.for_position(0, 0) is None and sources.for_position(1, 43).text == "police"


@pytest.mark.parametrize("text, before, expected", [
    ("airline spokesman", "A Sky Lanka Airways jet crashed on Monday, an airline spokesman said.",
     "Sky Lanka Airways spokesman"),
    ("company official", "Acme Mining Corp said 12 men were trapped. A company official said later.",
     "Acme Mining Corp official"),
    ("bank spokeswoman", "Shares of the Bank of Gondor fell, a bank spokeswoman said.", "Bank of Gondor spokeswoman"),
    ("airline spokesman", "The plane crashed, an airline spokesman said.", "airline spokesman"),  # none named
    ("company spokesman", "Acme Mining Corp and Zenith Steel Corp merged; a company spokesman said.",
     "Zenith Steel Corp spokesman"),  # the one named last
    ("rescue officials", "Sky Lanka Airways said rescue officials were there.", "rescue officials"),  # no kind
    # a broadcast is the radio or television named last
    ("broadcast monitored abroad", "Ten died, Tanovian radio said. A broadcast monitored abroad said so.",
     "Tanovian radio"),
    ("broadcast", "Radio Sur and Zenith Television said the army attacked. The broadcast said so.",
     "Zenith Television"),
    ("broadcast", "The army said 12 died. A broadcast said so.", "broadcast"),  # no broadcaster named
    ("broadcast journalists", "Radio Sur said the army attacked.", "broadcast journalists"),  # a modifier
    # a name runs over a hard-wrapped line break, not over a headline's blank line
    ("company spokesman", "STEEL OUTPUT CUTS\n\nZenith Steel\nCorp will cut output, a company spokesman said.",
     "Zenith Steel Corp spokesman"),
])
def test_a_kind_of_organisation_speaks_for_the_one_named(text, before, expected):
    from analysis.attribution import Source, of_organisation_named

    found = of_organisation_named(Source(text, "group", "sentence-final"), before)
    assert found.text == expected
    assert ("named before" in found.rule) is (expected != text)


def test_a_person_is_never_rewritten_as_an_organisation():
    from analysis.attribution import Source, of_organisation_named

    person = Source("Ana Ruiz", "person", "'Ana Ruiz said'")
    assert of_organisation_named(person, "Acme Mining Corp said, Ana Ruiz said.") is person


def test_an_organisation_named_after_the_sentence_is_not_the_one_meant():
    from analysis.attribution import Source, of_organisation_named

    text = "The plane crashed, an airline spokesman said. Sky Lanka Airways flies the route."
    spokesman = Source("airline spokesman", "group", "sentence-final")
    assert of_organisation_named(spokesman, text, end=text.index(" Sky")).text == "airline spokesman"
    assert of_organisation_named(spokesman, text).text == "Sky Lanka Airways spokesman"


def _document_sources(raw):
    """Each sentence's source of ``raw``, with the gazetteer learnt from ``raw`` itself."""
    from analysis.attribution import DocumentSources, Gazetteer
    from analysis.text import sentence_spans

    return DocumentSources(raw, sentence_spans(raw), Gazetteer.from_texts([raw])).by_sentence


def test_the_newspaper_is_the_one_named_in_apposition_before():
    sources = _document_sources("Floods killed 40, the official daily Nova Tribuna said. "
                                "Some 900 were left homeless, the newspaper said.")
    assert [(s.text, s.kind) for s in sources] == [("Nova Tribuna", "org"), ("Nova Tribuna", "org")]


@pytest.mark.parametrize("raw, expected", [
    # "the radio" is the unnamed radio of a sentence before, as the article wrote it
    ("Tanovian radio said 16 villages were cut off. The radio said two people froze to death.",
     ["tanovian radio", "tanovian radio"]),
    ("Two died, Tanovian radio said. Later the radio said 16 were hurt.", ["Tanovian radio", "Tanovian radio"]),
    # "the government" of a story of one country is that country's; of two countries, as written
    ("Troops fired on a crowd in a Tanovian town. Seven died, the government said.",
     [None, "Tanovian government"]),
    ("Fighting between Tanovian and Ruritanian troops spread from a Ruritanian town to a Tanovian port. Seven "
     "died, the government said.", [None, "government"]),
    # a ministry named by its remit is the ministry of that nationality
    ("A Tanovian navy ship was hit. Three sailors were hurt, the Defence Ministry said.",
     [None, "Tanovian Defence Ministry"]),
    ("A ship was hit. Three sailors were hurt, the Defence Ministry said.", [None, "Defence Ministry"]),
    # an unnamed outlet the next sentence names is that outlet
    ("Storms killed two people, a Tanovian newspaper reported. The pro-government Evening Post said 50 houses fell.",
     ["Evening Post", "Evening Post"]),
])
def test_a_reference_is_resolved_to_the_source_the_article_names(raw, expected):
    assert [s and s.text for s in _document_sources(raw)] == expected


@pytest.mark.parametrize("raw, expected", [
    # a later mention by surname, or by the last words of the name in any case, is the person named before
    ("Interior Minister Ana Ruiz said 12 died. Ruiz said 40 were hurt.",
     ["Ana Ruiz (Interior Minister)", "Ana Ruiz (Interior Minister)"]),
    ("Governor Ivo de Marek said 12 died. Forty were hurt, de marek said.",
     ["Ivo de Marek (Governor)", "Ivo de Marek (Governor)"]),
    ("Governor Ivo de Marek said 12 died. Later, De Marek said 40 were hurt.",
     ["Ivo de Marek (Governor)", "Ivo de Marek (Governor)"]),
    ("Interior Minister Ana Ruiz said 12 died. Marek said 40 were hurt.", ["Ana Ruiz (Interior Minister)", "Marek"]),
])
def test_a_surname_is_the_person_named_in_full_before(raw, expected):
    assert [s.text for s in _document_sources(raw)] == expected


@pytest.mark.parametrize("raw, headline", [
    # a headline's credit by office or kind is who the body names in that office, or of that kind
    ("500 STARVING, SAYS RELIEF AGENCY DIRECTOR\n\nSome 500 are starving, relief agency director Ana Ruiz said.",
     "Ana Ruiz (Relief Agency)"),
    ("GROUP SAYS 12 HOSTAGES ILL\n\nThe men are ill, said a statement by the Front for the Liberation of Tanovia.",
     "Front for the Liberation of Tanovia"),
    # a body office that is only the credit's title says less than the credit
    ("500 STARVING, SAYS RELIEF AGENCY DIRECTOR\n\nAna Ruiz, the director, said some 500 are starving.",
     "Ana Ruiz (Relief Agency)"),
    # a credit that is an office, not an organisation's, leaves the body's fuller office
    ("TWELVE DEAD IN FLOOD, SAYS HEALTH MINISTER\n\nTwelve people died, Deputy Health Minister Ivo Marek said.",
     "Ivo Marek (Deputy Health Minister)"),
    # a short word of the credit that the body writes in lower case is no acronym
    ("TWELVE DEAD, SAYS OIL MINISTER\n\nTwelve workers died, oil minister Ivo Marek said.", "Ivo Marek (oil minister)"),
    # the body's first person holds another office: the credit stays
    ("500 STARVING, SAYS RELIEF AGENCY DIRECTOR\n\nSome 500 are starving, Governor Ana Ruiz said.",
     "Relief Agency director"),
    ("RUSSIA SAYS 40 REBELS KILLED\n\nForty rebels died, the Tanovian army said.", "Russia"),  # a name stays
    # a credit after a comma, with its verb; a name is written as the body writes it
    ("FIVE HURT IN TRAIN CRASH, POLICE SAY\n\nFive people were hurt when a train derailed.", "police"),
    ("TWENTY DEAD IN CLASHES, RED CROSS SAYS\n\nTwenty people died, the Red Cross said.", "Red Cross"),
])
def test_a_headline_credit_is_who_the_body_names(raw, headline):
    assert _document_sources(raw)[0].text == headline


@pytest.mark.parametrize("raw, expected", [
    # "she" with no person among the sources before: the person the article named just before
    ("Interior Minister Ana Ruiz visited the site. She said 12 people died.", [None, "Ana Ruiz (Interior Minister)"]),
    # "police" is never one "he" or "she"
    ("Police said Ana Ruiz was arrested. She said 12 people were held with her.", ["police", "Ana Ruiz"]),
    # nor a man the article marks with "Mr", first name and all
    ("Mr Ivo Marek was arrested. She said 12 people died.", [None, None]),
])
def test_a_pronoun_with_no_source_before_is_the_person_named_before(raw, expected):
    assert [s and s.text for s in _document_sources(raw)] == expected


def test_a_title_marks_the_full_name_after_it_and_its_surname():
    from analysis.attribution import sex_marks

    assert sex_marks("Mr Ivo Marek left. Mrs Lee stayed.") == {"Ivo Marek": "male", "Marek": "male", "Lee": "female"}
