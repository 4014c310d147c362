"""What a figure counts, as data: the words that name one measure, and the words that do not.

``measure_key`` (factcheck.groups) reads these tables to turn the extractor's measure and
unit ("people died", "death toll rose", "hostages") into one comparable key ("killed",
"kidnapped"). Adding a synonym is one entry; the key of every claim is filled at ingest, and
migration 0009 filled it for the claims stored before. A change that alters stored keys needs a
re-keying migration (0015, 0016: factcheck.groups.rekey_stored) or `factcheck groups --rebuild`.
"""

from __future__ import annotations

from . import word_set
from .verbs import IRREGULAR_BASES

# Each canonical word with the forms that mean it. A form of several words is matched before
# its single words ("taken hostage" before "taken"), so order does not matter here.
SYNONYMS: dict[str, list[str]] = {
    "killed": [
        "killed",
        "kill",
        "kills",
        "killing",
        "dead",
        "death",
        "deaths",
        "died",
        "die",
        "dies",
        "dying",
        "fatalities",
        "fatality",
        "fatally",
        "lives",
        "perished",
        "slain",
        "toll",
        "bodies",
        "body",
        "drowned",
        "drown",
    ],
    "kidnapped": [
        "kidnapped",
        "kidnap",
        "kidnapping",
        "abducted",
        "abduct",
        "abduction",
        "hostage",
        "hostages",
        "captive",
        "captives",
        "taken",
        "held",
        "seized",
    ],
    "injured": ["injured", "injury", "injuries", "wounded", "wounding", "hurt", "casualties"],
    "missing": ["missing", "unaccounted"],
    "displaced": [
        "displaced",
        "displacement",
        "homeless",
        "evacuated",
        "evacuate",
        "evacuation",
        "evacuees",
        "evacuee",
        "fled",
        "flee",
        "fleeing",
        "refugees",
    ],
    # Taken into hospital, however it is put: "46 people have been admitted", "46 hospitalised".
    "hospitalised": [
        "hospitalised",
        "hospitalized",
        "hospitalisation",
        "hospitalization",
        "admitted",
        "treated",
    ],
    "arrested": ["arrested", "arrest", "arrests", "detained", "detention"],
    # People held, whatever the word: "1,200 prisoners" and "1200 detainees" in one swap.
    "prisoner": ["prisoner", "prisoners", "detainee", "detainees", "inmate", "inmates"],
    # British and American names of one vehicle: "some 1200 lorries", "about 1,200 trucks".
    "lorry": ["lorry", "lorries", "truck", "trucks"],
    "ceasefire": ["ceasefire", "cease-fire", "truce", "armistice"],
    # Let go from captivity, however it is put: "150 prisoners freed", "143 returned home"
    # (who was held is what "released" says: see HELD_NOUNS).
    "released": ["released", "freed", "release", "returned", "returning", "returnees", "returnee"],
    # What a fire, a flood or a quake took from buildings ("17 homes lost" is "17 homes
    # destroyed": LOST_THINGS).
    "destroyed": ["destroyed", "destroy", "razed", "flattened", "gutted"],
    # A rise in pay, however it is named: "a 4.2% pay rise", "a 4.5 percent raise".
    "pay": ["pay", "wage", "wages", "salary", "salaries", "raise"],
    # A term of imprisonment: "a prison term of nine years", "a 7-year sentence", "jailed for
    # six years" (a duration that names its outcome can be disputed: comparable).
    "sentence": ["sentence", "sentences", "sentenced", "jailed", "imprisoned", "imprisonment"],
    # The people working on a ship or an aircraft: "a crew of nine", "12 crew members".
    "crew": ["crew", "crews", "crewmember", "crewmembers"],
    # Who came out alive of a disaster is counted as rescued or as survivors ("Seventy-two
    # miners survived", "About 70 men were rescued").
    "rescued": ["rescued", "rescue", "saved", "survived", "survivors", "survivor", "airlifted"],
    # People on a payroll: "its 1,900 employees", "a staff of 1,900", "a workforce of 1,900".
    "employee": ["employee", "employees", "staff", "workforce", "employs", "employ", "employing"],
    # People sent to an event, never what it did to people: "rescuers", "rescue workers".
    "rescuer": ["rescuer", "rescuers"],
    "medic": ["medic", "medics", "paramedic", "paramedics"],
    "child": ["child", "children", "kids", "minors"],
    "woman": ["woman", "women"],
    "soldier": ["soldier", "soldiers", "troops", "servicemen"],
    "home": ["home", "homes", "house", "houses", "dwellings"],
    # One kind of thing under two names: "two other vaccine makers" / "two other
    # manufacturers", "three steel producers" / "three steelmakers".
    "manufacturer": ["manufacturer", "manufacturers", "maker", "makers", "producer", "producers"],
    "inspection": ["inspection", "inspections", "inspected"],
    # Sent off at a target, however it is put: "1,200 rockets were fired", "had been launched"
    # (the projectile stays in the key: "fired rocket", never a count of workers "fired").
    "fired": ["fired", "launched"],
}

# Phrases of several words that are one measure word.
PHRASES: dict[str, str] = {
    "death toll": "killed",
    "lives lost": "killed",
    "taken hostage": "kidnapped",
    "held hostage": "kidnapped",
    "cease fire": "ceasefire",
    "lost their lives": "killed",
    # Leaving one's home is being displaced, however it is put ("some twelve thousand people
    # have left their homes", "12,000 residents were moved out of their homes").
    "left their homes": "displaced",
    "fled their homes": "displaced",
    "moved out of their homes": "displaced",
    "moved from their homes": "displaced",
    "forced from their homes": "displaced",
    "forced out of their homes": "displaced",
    "driven from their homes": "displaced",
    "leave their homes": "displaced",
    "from their houses": "displaced",
    "out of their houses": "displaced",
    "leave their houses": "displaced",
    "left their houses": "displaced",
    "fled their houses": "displaced",
    # Ordered or told to leave is how news counts an evacuation ("12,000 people were ordered
    # to leave their homes"): the order's verb, not the homes, says what is counted.
    "ordered to leave": "displaced",
    "told to leave": "displaced",
    "ordered to evacuate": "displaced",
    "ordered out of": "displaced",
    # Moved out of a place, or to safety, is evacuated: "3,350 residents were moved out of the
    # lower town", "about 600 people were moved to safety".
    "moved out of": "displaced",
    "moved to safety": "displaced",
    # Brought out of a mine, a wreck or rubble alive: rescued.
    "brought out alive": "rescued",
    "brought up alive": "rescued",
    "pulled out alive": "rescued",
    "pulled alive": "rescued",
    "unaccounted for": "missing",
    # Not (yet) accounted for is unaccounted for: "six workers had still not been accounted for".
    "not been accounted for": "missing",
    "not accounted for": "missing",
    "not yet been accounted for": "missing",
    "yet to be accounted for": "missing",
    # A member of a body counted by its members is the body's count: "12 crew members" and "a
    # crew of nine" count one crew, "40 staff members" and "a staff of 40" one payroll.
    "crew members": "crew",
    "crew member": "crew",
    "staff members": "employee",
    "staff member": "employee",
    # A term of imprisonment named by its place: "a prison term", "a jail term".
    "prison term": "sentence",
    "jail term": "sentence",
    # Spending the night in a shelter is being displaced ("2,000 residents slept in shelters").
    "in shelters": "displaced",
    "in emergency shelters": "displaced",
    "in evacuation centres": "displaced",
    "in evacuation centers": "displaced",
    "in temporary shelters": "displaced",
    # In hospital is hospitalised: "People treated in hospital: 46", "46 remain in hospital".
    "in hospital": "hospitalised",
    "to hospital": "hospitalised",
    # A job named by an outcome word is a job, not the outcome: "400 rescue workers".
    "rescue workers": "rescuer",
    "rescue worker": "rescuer",
    "rescue personnel": "rescuer",
}

# Words that say what a count of people is when they stand in its clause, never as its own
# noun: "900 people are sheltering in schools", "staying in the four shelters" count the
# displaced, but "the city opened 40 shelters" counts shelters.
CLAUSE_MEASURES: dict[str, str] = {
    "shelter": "displaced",
    "shelters": "displaced",
    "sheltering": "displaced",
    "sheltered": "displaced",
}

# Words that mean a measure only when what is counted is people or lives: "lost 27 people" and
# "27 lives lost" count deaths, "lost $4 million in revenue" and "lost 300 jobs" do not.
PEOPLE_ONLY: dict[str, str] = {"lost": "killed", "losing": "killed", "lose": "killed"}

# Words that say nothing about what is counted: generic counted nouns, verbs of change and
# reporting, function words. "41 people died" and "41 died" both count deaths.
NEUTRAL = word_set(
    """
    people person persons individuals individual total number numbers figure figures count
    rose rise rises risen rising climbed climb climbs reached reach reaches stood stand stands
    remain remains remained remaining now were was is are be been has have had at least some
    about more than over nearly almost around up to the a an of in on by for from to and or
    with as this that these those its their his her our new latest further another other
    lasted last lasting took take taken put estimated estimate reportedly reported say says
    said including included among all least most held hold holds linked use uses used
    using affected involved recorded registered confirmed listed counted expected planned
    final official overall still so far
    """
)

# Words that say when or how a figure was made known, not what it counts: "23 deaths published
# by the company" and "killed 86 people overnight" count what "23 deaths" and "killed 86"
# count. Left out of measure keys only (factcheck.comparable.measure_key), not by the extractor.
MADE_KNOWN = word_set(
    "published announced cited given issued quoted overnight tonight today yesterday"
)
# Words that say how a figure stands or is kept, not what it counts: "the true number is more
# than 60", "the real toll", "the agency lists 31": left out of measure keys like MADE_KNOWN.
STANDING = word_set("true real actual exact revised updated list lists")

# Measures (keys of SYNONYMS) that only people undergo: a bare count of them counts people
# ("more than 300 were injured", "killed 40").
PEOPLE_MEASURES = word_set(
    "killed injured missing displaced arrested kidnapped rescued hospitalised"
)

# Verbs of what only people undergo, beyond PEOPLE_MEASURES: a bare count they say something
# of counts people ("16 were charged", "four were acquitted", "Eleven jailed", "Discharged: 22").
PEOPLE_VERBS = word_set(
    """
    charged convicted acquitted jailed sentenced imprisoned executed deported vaccinated
    infected murdered stabbed hired sacked dismissed employed discharged indicted
    """
)

# Nouns for who was counted, not what happened to them (singular, as folded): beside a measure
# of what people undergo they add nothing ("41 miners were killed" and "41 dead" count one
# toll), and a count of them alone takes its measure from its clause ("Forty-one miners are
# now confirmed dead"). Categories a desk tells apart (children, women, soldiers, civilians,
# "Palestinian") are not here: "Palestinian deaths" keeps "palestinian".
PEOPLE_NOUNS = word_set(
    """
    person man resident inhabitant villager local citizen miner worker employee passenger
    colleague fisherman crewman
    """
)

# Words beside a count that make it count a gap, not the amount itself: "180,000 doses short",
# "the shortfall is 180,000 doses", "60,000 doses still needed" count what is missing, and
# never dispute "420,000 doses received". The word found within GAP_BEFORE words before the
# figure (a fact box's label: "Shortfall against winter order: 180,000 doses") or GAP_AFTER
# after it, in its clause, adds its mark to the figure's key.
GAPS: dict[str, str] = {
    "short": "short",
    "shortfall": "short",
    "shortage": "short",
    "shortages": "short",
    "deficit": "short",
    "lacking": "short",
    "needed": "needed",
    "required": "needed",
    "still to": "remaining",
    "yet to": "remaining",
    "outstanding": "remaining",
}
GAP_BEFORE = 4
GAP_AFTER = 3

# Scales read by a number named just before it: "a magnitude 6.1 earthquake", "a category 4
# storm" read the scale, whatever the sentence's verb ("struck", "hit") says; "6.1 on the
# Richter scale" names it after.
SCALES_BEFORE = word_set("magnitude category")
SCALES_AFTER: dict[str, str] = {"on the richter scale": "magnitude"}

# Outcomes a duration can be the length of (as folded): a duration whose measure names one
# ("a sentence of eight years", "the truce will last 60 days", "closed for three weeks") can
# be disputed by another outlet's length of the same outcome; a bare "six weeks" cannot.
# Each word (as folded) with the outcome it names: "closed for three weeks" and "a 21-day
# closure" are one closure (the words stay as written in keys: "40 shops closed").
DURATION_OUTCOMES: dict[str, str] = {
    "sentence": "sentence",
    "ceasefire": "ceasefire",
    "closure": "closure",
    "closed": "closure",
    "shut": "closure",
    "shutdown": "closure",
    "ban": "ban",
    "banned": "ban",
    "suspension": "suspension",
    "suspended": "suspension",
}

# Things a length, an area or a height can be of, each word (as folded) with the thing it
# names: "400 metres of track buried" and "a 600-metre stretch of the Alder Peak line" measure
# one track, so two outlets' lengths of it can dispute; "a 400-metre tunnel" and "600 metres of
# road" measure two things and never do (comparable.measured_thing). A railway's "line" is its
# track; a word not here names nothing a length is disputed by (rain, a queue, a wave).
MEASURED_THINGS: dict[str, str] = {
    "track": "track",
    "rail": "track",
    "railway": "track",
    "railroad": "track",
    "line": "track",
    "road": "road",
    "street": "road",
    "highway": "road",
    "motorway": "road",
    "carriageway": "road",
    "tunnel": "tunnel",
    "bridge": "bridge",
    "runway": "runway",
    "wall": "wall",
    "seawall": "wall",
    "dam": "dam",
    "dyke": "embankment",
    "dike": "embankment",
    "levee": "embankment",
    "embankment": "embankment",
    "pipeline": "pipeline",
    "fence": "fence",
    "coast": "coast",
    "coastline": "coast",
    "shoreline": "coast",
    "beach": "coast",
    "roof": "roof",
    "tower": "tower",
    "building": "building",
}

# Verbs that say nothing of what happened to what is counted: where the thing counted came,
# went, waited or got something ("more than twelve hundred rockets came over", "nine
# vehicles went into the river" and "nine vehicles fell into it", "41 cargo ships waiting
# at anchor", "hospitals run by the network", "families got word", a fact box's "Emergency
# shelters open: 14"). A key drops them beside any other word, so "rockets came"
# and "rockets" count one thing; a key of nothing else keeps it ("136 people fell ill"). A
# verb that says what happened to the things is no light verb: "fired", "destroyed",
# "collapsed" stay ("400 rockets fired" and "400 rockets intercepted" are two facts).
LIGHT_VERBS = word_set(
    """
    come came comes coming go goes went gone going get gets got getting run runs ran running
    wait waits waited waiting buy buys bought buying need needs needed needing sit sat
    spend spends spent spending fall falls fell fallen falling lie lay lain lying open
    """
)

# Leaving a place is being displaced when a count of people is what left and nothing after
# "left" says they stayed somewhere or were left in some state: "some 8,000 residents left
# Velmont during the day", "about eight thousand people have left, most of them on foot";
# not "200 people were left without power", "40 people left behind", "12 left injured", nor
# a count that is the object of a preposition ("a ferry licensed for 90 passengers left").
DEPARTURE_VERBS = word_set("left")
NOT_DEPARTED_AFTER = word_set(
    """
    in inside behind without with homeless dead injured wounded stranded alone to for over
    unharmed trapped hospital standing isolated waiting
    """
)
DEPARTURE_NOT_AFTER = word_set("is are was were be been being get got")
# Words right before a count that make it no subject of "left": "a ferry licensed for 90
# passengers left Sarnhaven" (the ferry left), "with 40 people left inside".
DEPARTURE_NOT_BEFORE = word_set("for with of to on in at from by than into aboard")

# Verbs that say a count is what an event left behind ("leaving four people unaccounted
# for", "left five dead"): beside a measure word they add nothing to what is counted.
RESULT_VERBS = word_set("leaving leaves left")

# Who was held, which "released" already says: "150 Halvorian prisoners freed" and "143
# Halvorians returned" count one release (a nationality, "halvorian", is kept).
HELD_NOUNS = word_set("prisoner")

# Things a disaster takes (singular, as folded): with one of these "lost" counts what was
# destroyed ("seventeen houses were lost" is "17 homes destroyed"), unlike "lost 300 jobs".
LOST_THINGS = word_set("home building property vehicle car shop business farm barn school")

# Who can be lost (singular, as folded): with one of these "lost" counts deaths (PEOPLE_ONLY).
LOSABLE = PEOPLE_NOUNS | word_set("life child woman soldier civilian")

# Nouns for people sent to an event (singular, as folded): they are never its outcome, so a
# count of them keeps its own noun and takes no measure from its clause ("700 rescue workers
# searched the site where 12 are missing" counts rescuers, not the missing).
RESPONDER_NOUNS = word_set("rescuer firefighter medic volunteer responder")

# Past forms without -ed (every irregular form of lexicon/verbs.py, the one table of them):
# with the -ed and -ing forms they tell a verb in a key ("residents spent the night …") from a
# noun. A verb that is not a measure word says what the people counted did, not what is counted.
IRREGULAR_PAST = frozenset(IRREGULAR_BASES)

# Words between an auxiliary and the participle of what happened to who is counted: "31 are
# confirmed dead", "12 are still missing", "40 have now been evacuated".
STANCE_WORDS = word_set(
    "confirmed believed feared reported known thought presumed still now already officially all"
)

# Verbs of staying that act as an auxiliary after a count: "12 remain missing".
STATE_VERBS = word_set("remain remains remained stay stays stayed")

# Nouns that count people without saying what happened to them: the verb beside them does
# ("1,200 people were moved", "housing 9,000 people").
GENERIC_COUNTED = word_set("people persons individuals")

# Adjectives ending in -ly that belong to what is measured ("average weekly earnings"),
# unlike the adverbs in -ly that a measure skips ("rose sharply").
LY_ADJECTIVES = word_set("weekly monthly daily yearly quarterly hourly nightly elderly early")

# Nouns in -men that are singular: every other one is the plural of a noun in -man
# ("fishermen", "gunmen", "firemen").
NOT_MEN_PLURALS = word_set("specimen abdomen regimen omen stamen acumen albumen semen hymen")

# Words that keep their meaning in the key though they are not in SYNONYMS: everything that
# is neither neutral nor a synonym is kept as written, singular ("Palestinian deaths" keeps
# "palestinian"). Irregular singulars:
SINGULAR: dict[str, str] = {
    "people": "person",
    "men": "man",
    "children": "child",
    "women": "woman",
    "lives": "life",
    "feet": "foot",
    "mice": "mouse",
    "teeth": "tooth",
    # Plurals in -uses and -ches that _singular's rules would cut wrongly.
    "buses": "bus",
    "viruses": "virus",
    "bonuses": "bonus",
    "campuses": "campus",
    "censuses": "census",
    "statuses": "status",
    "surpluses": "surplus",
    "avalanches": "avalanche",
    "headaches": "headache",
}

# Things under two names that are no measure words (singular, as folded): a key writes the
# second as the first, as it writes a plural as its singular ("41 cargo ships waiting at
# anchor" and "41 vessels" count one thing), and like any other noun before a counted one they
# are modifiers that a key drops ("ship-to-shore cranes" are cranes), never a kept measure word.
THING_NAMES: dict[str, str] = {"vessel": "ship"}

CANONICAL: dict[str, str] = {form: key for key, forms in SYNONYMS.items() for form in forms}
# Verbs whose object is what a bare count counts: "killed 1,200 people" → "people killed".
AFFECTING_VERBS = word_set(
    """
    killed wounded injured kidnapped abducted arrested detained displaced evacuated rescued
    released freed deported executed infected hospitalised hospitalized vaccinated treated
    murdered shot stabbed fired hired employed sacked dismissed convicted charged sentenced
    damaged destroyed demolished flooded burned looted died treated missing drowned lost
    """
)
# Verbs that say what happened to what is counted only in the passive: "40 children were
# admitted" (to hospital) is a measure, "admitted 14 counts of fraud" is none; "1,200 rockets
# had been launched" were fired, "launched 3 products" is no count of a weapon.
PASSIVE_VERBS = AFFECTING_VERBS | word_set("admitted launched")

# Facts fixed at one moment (comparable.fixed_fact): what one report says of them does not
# change in the next day's report, so two outlets that give them different values disagree
# whatever their days ("a crew of nine" on Sunday, "12 crew members on board" on Monday),
# unlike a running count, which a later figure supersedes ("7 dead" on Tuesday, 11 on
# Wednesday). A figure is fixed when its key has a word of FIXED_MEASURES (a sum or price
# set once: "a ransom of 2.5 million", "a fee of €40,000"), or the words beside it a phrase
# of FIXED_CUES (who was present when it happened: "12 crew members on board", "the bus was
# carrying 40 pupils", "on shift"; a sum agreed: "the 7.5 percent rise agreed"; what one act
# took: "the records of 48,000 patients were copied"), or the word right after it is one of
# FIXED_AFTER (a dimension: "38 kilometres long", "120 metres high"); and never when its key
# or its clause has a word of RUNNING_MEASURES (what happened to people or things, counted
# as it becomes known: "all 41 people on board died" is a toll that may rise).
FIXED_MEASURES = word_set("price ransom fee")
FIXED_CUES = (
    "aboard",
    "on board",
    "onboard",
    "on shift",
    "on duty",
    "crew of",
    "carrying",
    "agreed",
    # what one act took, which later reports know better but cannot add to: "the records of
    # 48,000 patients were copied", "thieves had stolen 40 paintings"
    "copied",
    "stolen",
)
FIXED_AFTER = word_set("long high deep tall wide")
RUNNING_MEASURES = PEOPLE_MEASURES | word_set("released destroyed case damage")

# What happened to what a count counts, as keys write it: two counts of one noun and one value
# in one story are one fact (comparable.same_count_key) unless each names an outcome and they
# name different ones ("13 hostages were freed" and "13 hostages were killed"; "40 rockets
# fired" and "40 rockets intercepted").
OUTCOME_KEYS = PEOPLE_MEASURES | word_set("released destroyed fired intercepted")

# Words before a counted noun that say which fact it is, not which kind of thing: kept in its
# key where other modifiers are dropped (comparable._modifiers: "14 shell companies" and "14
# companies" share a key, "a ransom payment" and "a payment" do not). Measure words, verb
# forms and capitalised names are kept too, without a list.
KEPT_MODIFIERS = (
    FIXED_MEASURES
    | RUNNING_MEASURES
    | frozenset(DURATION_OUTCOMES)
    | frozenset(GAPS.values())
    | word_set("extra additional")
    # one of two or more opposed kinds names a part of the things, not a detail: "164 public
    # schools" are not the city's schools when it has private ones too, nor "two lower
    # galleries" the mine's galleries
    | word_set(
        """
        public private state independent upper lower inner outer front rear top bottom
        north south east west northern southern eastern western central domestic foreign
        international national regional local rural urban permanent temporary contract
        seasonal male female adult juvenile senior junior primary secondary major minor
        former current
        """
    )
)

# Nouns in -ing that name a thing or a time, not an act: a measure key keeps them as written
# where it writes an act's -ing form as its participle ("diverting" as "diverted": comparable).
ING_NOUNS = word_set(
    """
    building morning evening housing funding meeting ceiling wedding clothing painting
    recording spring string offering setting training hearing earning saving sibling
    pudding lightning bearing landing crossing opening filling dwelling holding ring
    """
)

# Endings of the names of peoples ("Tarvian", "Sorvenan", "Congolese", "Danish", "Iraqi"): a
# capitalised first word of a measure with one of these is a category kept in its key, any
# other is capitalised only because it opens a sentence or a label (comparable._name).
DEMONYM_ENDINGS = ("an", "ese", "ish", "i")
