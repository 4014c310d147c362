"""Grammar words the passes read: function words, copulas, prepositions, pronouns by role.

They are not vocabulary a desk extends (units, currencies and cues are); they are kept here so
that every word list the extractor reads lives in the lexicon package, each named for its role.
"""

from __future__ import annotations

from . import word_set

# Words that open a clause of their own, after which a figure's measure is not looked for.
CLAUSE_OPENER_WORDS = word_set("that if when because unless whether although though once")
# "expects … to": a forecast, whose content may open with "to".
EXPECT_FORMS = word_set("expect expects expected")
# Pronouns a speaker of a quote may be in the first person ("I", "we").
FIRST_PERSON_SPEAKERS = word_set("i we")
# "cost the city $5m": the figure measures what is costed.
COST_WORDS = word_set("cost costs costing worth")
# Words after "N-" that make no counted compound ("one-way", "two-sided").
NOT_COMPOUND_SUFFIXES = word_set("way sided off on faced handed liner dimensional and or to")
# Words that never belong to what a figure measures.
MEASURE_STOP_WORDS = word_set(
    """
    a an the of in on at to from by with for and or but nor that which who whom whose was were
    is are be been being have has had will would can could should may might must shall than as
    per this these those its their his her our your my it they he she we you i not no so if when
    while whilst whereas although though because unless whether instead today yesterday now
    after before since until into onto over under about up down out off also all each every
    there here where then just only more less most least ago later earlier last next s
    across between among amongst within without through throughout during against toward towards
    via including despite behind beyond near along amid what how why nationwide worldwide both
    each either neither such own maybe perhaps probably possibly them him us me first am closer
    past further away top another vs versus v onwards onward"""
)
# Words a measure may run across when more of it comes before: "rate of income tax".
MEASURE_JOINS = word_set("of per has have had was were is are will would be been")
# Words between what is measured and the number: "profit of", "turnout was", "stood at".
MEASURE_LINKS = word_set(
    """
    of at by to from in was is were are be been being has have had will would could should
    stood stands stand reached reaches totalled totaled totals total came comes put set stay
    stays remain remains remained now estimated an average
    """
)
# Time words ending the words before a number: "growth for next year to 1.1%".
TIME_TAIL_WORDS = word_set(
    "year years quarter month week day weekday night morning today the a this next last previous "
    "on for per each every summer winter spring autumn"
)
# Words that compare a figure with another: "higher than", "up 4%".
COMPARATIVES = word_set(
    "higher lower more less bigger smaller cheaper dearer greater larger up down"
)
# Verbs after a clause's subject that give the subject's level: "turnout was 61%".
COPULAS = word_set("was is were are stood stands totalled totaled totals reach reached reaches hit")
# Nouns that hold a count without naming what it measures: "the total rose to 12 people",
# "the town grew to 40,000 residents" — the noun after the figure says it.
CONTAINER_NOUNS = word_set(
    """
    number figure total count tally group party team crowd family batch set fleet majority
    minority maximum minimum average range series sum list city town village country nation
    island region district province state
    """
)
# Auxiliaries between a subject and its verb: "net profit had fallen to", "must be lodged".
AUXILIARIES = word_set("has have had was were is are been would")
# Words that open the verb of an act, after which a deadline's act starts: "would summon",
# "to close", "be released" (read by the pass that names what a deadline is set for).
VERB_OPENERS = AUXILIARIES | word_set("will could should can may might must to be")
# Words that end a respondents' answer: a new clause ("while 39% disapproved").
ANSWER_ENDS = word_set("while whereas and but which who according")
# What the share of a survey's respondents does, after the figure: "40% plan to raise rents",
# "62% of respondents oppose the rule" (past forms in -ed and irregular ones count too).
RESPONSE_VERBS = word_set(
    """
    plan plans want wants expect expects support supports oppose opposes approve approves
    disapprove disapproves back backs favour favours favor favors prefer prefers believe
    believes think thinks agree agrees disagree disagrees trust trusts fear fears intend
    intends would will could say says
    """
)
# Words after which a share of respondents opens its clause: "found that 54% disliked".
RESPONSE_OPENERS = word_set(
    "that while whereas and but show shows showed found finds suggest suggests suggested"
)
# Words that join clauses: a copula before one belongs to the other clause.
COORDINATORS = word_set("and but or while whereas")
# Pattern: it|this|that COPULA N — the pronoun stands for what the figure before measured.
ANAPHORS = word_set("it this that")
# Words before or after a four-digit number that make it a year ("since 2019").
YEAR_CONTEXT = word_set(
    """
    in since by until till from of during before after the early late mid circa between and or
    year years fiscal season summer winter spring autumn fall end start beginning"""
)
# Words that end with a full stop without ending the sentence ("Mr. Netanyahu", "Gen. Halevi").
ABBREVIATIONS = word_set(
    """
    mr mrs ms dr st gen sen rep gov lt col capt sgt maj cpl adm prof jr sr inc ltd co corp
    no nos vs etc approx est dept fig jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev
    hon pres supt insp det cmdr brig"""
)
# Words a headline leaves in lower case ("Deal of the Year"): not counted against its capitals.
HEADLINE_SMALL_WORDS = word_set("a an the of for to in on and but or at by with as from vs")
# Words that open a subordinate clause before a speaker: "While Ortiz said …".
SUBORDINATORS = word_set("while whereas as because although though when if")
# Words that cannot end the words before a subject (a subject never follows them directly).
NOT_SUBJECT_WORDS = word_set(
    "been being the a an his her their its our my your these those this that such of to in on "
    "for with by at from no any some new latest recent"
)
# Prepositions (and the two coordinators) before an article inside a speaker phrase.
PREPOSITIONS = word_set("of at for in on from with by to into about over under than and or")
# Adverbs that cannot end a speaker phrase: "the minister also".
# Prepositions of place: "trapped in the tunnel for three days" — the noun after one is where a
# figure holds, never what it counts.
PLACE_PREPOSITIONS = word_set(
    "in at on inside outside under beneath below above near into onto across along aboard"
)
# Of those, the ones a capitalised name after them names a place, never a speaker ("spoke in
# Kaspen Landing on Saturday"), where "on" or "under" may name a person ("served under Ana Ruiz").
NAME_PLACE_PREPOSITIONS = word_set("in at near inside outside around across")
# Prepositions that front a place or a time before a clause's subject: after "In Varnholt",
# "At Kessel Bridge" or "On Wednesday" the number opens the subject ("In Varnholt 41 people
# were killed"), it is not the name's own number ("Apollo 11"). Words that also open a clause
# of their own ("after", "since", "before") are left out: "After Apollo 11 landed" names.
FRONTING_PREPOSITIONS = word_set(
    "in at on across from throughout near outside inside around during"
)
# Adverbs of place after a bare count: "40 aboard", "3 underground" — people, where they are.
PLACE_ADVERBS = word_set("aboard onboard ashore underground inside abroad overseas")
NOT_HEAD_WORDS = word_set("far so also then now just even still only very")
# Verbs and question words that make a phrase a clause, not a speaker's name.
CLAUSE_WORDS = word_set(
    "is are was were has have had will would can could should may might must do does did been "
    "what how why where whether"
)
# Words that open a title used as a speaker: "the minister", "its chief executive".
TITLE_LEADS = word_set("the its their his her")
# Pronouns that stand for one person.
PERSON_PRONOUNS = frozenset({"he", "she"})
# Pronouns that give a named speaker's gender for later "she said".
FEMININE_PRONOUNS = word_set("she her hers")
# Words a name never starts with, nor is on its own.
FUNCTION_WORDS = word_set(
    """
    the a an this that these those it its there here which who whom what one some any all
    and or but of to in on at by for with from as is was were be"""
)
# The word that ends every label before a number ("page 4", "No. 3", "the 42 bus"), in lower
# case: a number after any other word is no label, and the label pattern is not tried.
LABEL_LAST_WORDS = word_set(
    """
    no nos number page pages p pp part chapter section article clause table figure fig item
    episode report volume vol issue version step stage phase round level grade room gate
    platform route flight channel paragraph rule annex appendix exhibit model series incident
    case ref reference docket ticket bus tram dial call phone tel ring quoting option
    week day line zone ward block bay lot row term year
    terminal highway interstate junction exit pier berth dock hangar unit sector category reactor
    building
    code codes serial serials numbers batch batches from between numbered the on"""
)
# Words that open a relative clause: what a noun phrase holds ends before them ("Of the 2,130
# homes that were declared unsafe").
RELATIVE_PRONOUNS = word_set("that who which whom whose where")
# The person a possessive stands for: "in his words" is what "he" said.
PRONOUN_OF_POSSESSIVE = {"his": "he", "her": "she", "their": "they"}
