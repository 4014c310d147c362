"""Who speaks: titles, organisation and body nouns, pronouns and determiners."""

from __future__ import annotations

from . import word_set

# Words of a title before a name: "Prime Minister", "Finance Minister", "Dr", "striker".
TITLES = word_set(
    """
    president prime minister pm secretary secretary-general chancellor senator sen rep
    representative governor gov mayor chief director director-general ceo chairman chairwoman
    chair spokesman spokeswoman spokesperson ambassador king queen prince princess pope sheikh emir
    general gen lt lieutenant colonel col major maj captain capt admiral adm sergeant sgt brigadier
    commodore
    commissioner judge justice attorney dr mr mrs ms miss professor prof rabbi imam father bishop
    archbishop cardinal speaker leader deputy vice acting former premier commander inspector
    superintendent detective officer coach manager official envoy negotiator mediator adviser
    advisor
    analyst economist president-elect head founder executive lawmaker mp counsel foreign defence
    defense finance interior health councillor councilor prosecutor striker midfielder defender
    goalkeeper candidate researcher author scientist doctor nurse lawyer activist campaigner
    reporter correspondent chairperson treasurer auditor engineer teacher constable dame sir lord
    lady collector forecaster meteorologist pollster strategist historian editor administrator
    ombudsman curator headteacher surgeon hon critic columnist"""
)
# Titles written in lower case before a name: "government spokesman Ali Reza".
LOWER_TITLES = sorted(
    word_set(
        """official spokesman spokeswoman spokesperson minister leader commander
    chief envoy negotiator adviser advisor lawmaker president secretary ambassador director analyst
    professor mayor senator general member executive officer founder chair head judge"""
    )
)
# Words that make a capitalised run an organisation, not a person: "Health Ministry". Words
# that are also names are left out: "Branch" and "Cross" are surnames, "Charity" a first name.
ORG_WORDS = word_set(
    """
    ministry administration government council authority nations union party army forces force
    police office department agency bank company group committee court strip house organization
    organisation hospital university institute times news post press association network corp inc
    ltd fund federation commission service services center centre foundation parliament congress
    senate assembly cabinet guard brigades movement front hotel state states republic kingdom
    directorate brigade trust tribunal league guild syndicate consortium coalition alliance
    bureau inspectorate secretariat society forum cooperative co-operative collective
    programme program mission academy observatory corporation partnership bloc unit command
    panel treasury gazette tribune herald chronicle"""
)
# Two-word names of organisations not built on an organisation noun: "the Red Crescent", an
# army's "General Staff" (not staff with a general's title).
ORG_NAMES = frozenset({("red", "cross"), ("red", "crescent"), ("general", "staff")})
# Words that end a firm's name, written with a capital: "Hask Polymers", "Brevik Securities",
# "Dravik Coal Holdings". Only as the last word, so "Energy Minister Kari Holm" stays a person;
# surnames that are also trades ("Steel", "Power") are left out. A name ending in one names a
# firm wherever it stands, so a later "the company" can mean it.
FIRM_NAME_ENDS = word_set(
    """securities capital foods metals chemicals polymers biologics pharmaceuticals pharma
    telecom telecoms energy utilities homes systems technologies logistics motors airlines
    airways railways lines operations holdings industries plc llc gmbh asa group mining
    resources partners brewery breweries shipping ltd inc corp"""
)
# Words that open a storm's name, never a person's: "Cyclone Hallem", "Hurricane Ida".
STORM_WORDS = word_set("cyclone hurricane typhoon storm tornado")
# Words that end the name of a place, never a person's: "Quay Street", "Marrow Bay".
PLACE_NAME_ENDS = word_set(
    """street road avenue boulevard square quay bay harbour harbor pier crossing valley
    district province county township"""
)
# Nouns that name a public body; "the ministry" alone needs an antecedent, "the army" does not.
BODY_NOUNS = word_set(
    """
    ministry department council government police office authority agency commission court
    parliament service institute army military navy cabinet senate congress assembly regulator
    bureau board inspectorate watchdog prosecutors coastguard"""
)
SELF_NAMING = word_set("government police army military navy cabinet parliament senate congress")
# Bodies that are public: "the company" never means one of these.
PUBLIC_BODIES = word_set(
    "ministry department council government police office authority agency commission "
    "university court parliament service institute union"
)
# Nouns for a firm: "the company" is the firm named last.
FIRM_NOUNS = word_set(
    "company firm group business operator retailer manufacturer maker airline carrier lender "
    "bank insurer supplier developer chain brand"
)
# People and things behind a study or report: "the authors" of a study named earlier.
STUDY_PEOPLE = word_set("authors researchers team scientists study report paper survey")
# Documents and data that can be a source: "the poll shows", "the memo says", "the report found".
DOCUMENT_NOUNS = word_set(
    """data figures statistics numbers records estimates poll polls survey surveys studies study
    research analysis report reports census results memo memos document documents audit review
    inquiry filing filings letter statement indictment assessment"""
)
# Things people say or write that can carry their source: "remarks by", "a post from".
REMARK_NOUNS = word_set("remarks comments post posts tweet tweets testimony speech interview")
# Plural nouns without a plural -s: they count ("30 staff") and take plural verbs ("Police say").
IRREGULAR_PLURALS = word_set("people men women children staff police cattle feet teeth mice geese")
# Groups and roles that speak without being named: "Officials said", "Crews said", "Witnesses
# told". A speaker phrase with one of these words names nobody, so it is never kept as a body
# that a later "the operator" or "the company" could mean.
UNNAMED_GROUPS = word_set(
    """
    source sources official officials people person persons diplomat diplomats insider insiders
    aide aides someone witnesses residents analysts experts critics crews firefighters rescuers
    medics paramedics volunteers protesters survivors relatives investigators neighbours
    neighbors workers doctors nurses engineers students teachers passengers teams officers staff
    troops soldiers members employees parents businesses traders farmers lawyers activists
    campaigners locals guards"""
)
PRONOUNS = word_set("he she they it we i")
# Labels of a programme's own voices in a transcript ("PRESENTER:", "ANCHOR:"), who speak for
# the outlet: their turns are no claims, as an interviewer's questions are not, but turns.
HOST_LABELS = word_set("presenter anchor host reporter correspondent interviewer narrator")
# Pronouns of everyone or no one: "Nobody here expects a deal", "Everyone knew the dam leaked"
# report a mood, not what a speaker said.
WHOLE_PRONOUNS = word_set("nobody everyone everybody anyone anybody none nothing everything")
ARTICLES = word_set("the a an")
DETERMINERS = word_set("the a an my your his her its our their this that these those")
# Words that open a sentence without being part of its subject: "But Ortiz said", "While AT&T".
OPENERS = word_set(
    """But And Yet So Even While Whilst Although Though Still Meanwhile However Also Only Now
    Then Instead Indeed Nonetheless Nevertheless Moreover Separately Later Earlier When If As"""
)
SUBORDINATING_OPENERS = word_set("While Whilst Although Though When If As")
# Labels before a colon that name a kind of item, not a speaker: "Update: …", "Watch: …".
NOT_SPEAKERS = word_set(
    """Update Updated Analysis Watch Note Editor Opinion Live Breaking Exclusive Video Photos
    Photo Correction Related Read Also Comment Explainer Factbox Timeline Warning Source Sources
    Q A Summary Background Context Listen Subscribe Advertisement Credit Pictured Map Chart
    Study Report Poll Survey Markets Market Weather Sport Sports Business Politics World Contact
    Flash Alert Transcript Statement Press Release Interview Review"""
)
# Short titles and the title they stand for: "the PM" is the prime minister named earlier.
SHORT_TITLES = {
    "pm": "prime minister", "fm": "foreign minister", "ceo": "chief executive",
    "cfo": "chief financial officer", "dpm": "deputy prime minister", "sec": "secretary",
}  # fmt: skip
# Other words for one title: "the premier" is whom another outlet calls the prime minister.
SAME_TITLES = {"premier": "prime minister"}
# "the army" or "the military" alone is the one body a story names on one of these.
ARMED_FORCES = ("army", "military", "armed forces", "defence forces", "defense forces")
# Titles that give a speaker's gender for a later "he said" / "she said".
TITLE_GENDER = {
    "mr": "he",
    "sir": "he",
    "lord": "he",
    "mrs": "she",
    "ms": "she",
    "miss": "she",
    "lady": "she",
    "dame": "she",
}

# Voices: whom a named person speaks for (factcheck.extract.voices).
# People who speak for the body named beside them; the longest forms are tried first.
VOICE_ROLES = (
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "press officer",
    "press secretary",
    "chief executive",
    "ceo",
    "managing director",
    "director-general",
    "director general",
    "director",
    "chairman",
    "chairwoman",
    "chairperson",
    "chair",
    "president",
    "head",
    "leader",
    "general secretary",
    "secretary-general",
)
# "Viktor Hale, who has run Sarn Lake Lines": a verb that makes the person its head.
VOICE_VERBS = (
    "heads",
    "leads",
    "runs",
    "chairs",
    "directs",
    "has run",
    "has led",
    "has headed",
    "has chaired",
    "headed",
    "led",
    "ran",
)
# Words that end the body read before a role, going back from it ("said the port authority
# spokeswoman": "port authority").
VOICE_BODY_STOPS = word_set(
    """the a an its their his her our this that by to from of for and or but with said says
    told added according at in on as while when after before was is were are"""
)
# Words that make a noun phrase indefinite: "a spokesman for", "one director of".
INDEFINITES = word_set("a an one some several another any")
# Words that place a body rather than name it: "the local water company", "the national
# roads agency". A short form may leave them out, or add one the full name does not contradict.
PLACE_WORDS = word_set(
    """national state federal regional provincial local municipal central city county district
    town country public"""
)
# Small words inside a name, not initials: "Ministry of Justice" is MJ, "Fire and Rescue" FR.
NAME_LINKS = word_set("of for and the on in at &")
