"""Rules of issue 11 written against dev set 7, each stated as a pattern and shown on two
different sentences (the texts are invented for these tests, not taken from any labelled set).
"""

from __future__ import annotations

from factcheck.extract import Found, extract_claims


def said(text: str, words: str) -> Found:
    """The shortest attributed claim holding words."""
    found = [c for c in extract_claims(text) if c.kind == "attributed" and words in c.quote]
    assert found, f"nothing attributed holds {words!r}"
    return min(found, key=lambda c: len(c.quote))


def number(text: str, quote: str) -> Found:
    """The numeric claim quoted exactly so."""
    found = [c for c in extract_claims(text) if c.kind == "numeric" and c.quote == quote]
    assert found, f"no numeric claim {quote!r}: {[c.quote for c in extract_claims(text)]}"
    return found[0]


# Pattern: "the TITLE" names the person given that title most recently before it, when the
# title equals or ends a title given with a name ("the minister" after "Foreign Minister X").


def test_a_bare_title_is_the_last_holder_named_before_it() -> None:
    text = (
        "Foreign Minister Ilse Drummond met envoys in Tarsk. The minister said talks would "
        "resume. Prime Minister Oren Vally spoke later. The prime minister said he was hopeful."
    )
    assert said(text, "talks would resume").speaker == "Ilse Drummond"
    assert said(text, "he was hopeful").speaker == "Oren Vally"


def test_a_title_keeps_the_words_before_its_title_word() -> None:
    text = (
        "Transport Secretary Gwenda Hale visited the depot. The transport secretary said "
        "fares would be frozen until May."
    )
    claim = said(text, "fares would be frozen")
    assert (claim.speaker, claim.speaker_resolved) == ("Gwenda Hale", True)


# Pattern: an owner before a title ("the company's", "its", "the union's") is no part of it,
# and a short title stands for its full form ("the CEO" is the chief executive).


def test_an_owned_title_resolves_without_its_owner() -> None:
    text = (
        "Chief Executive Marta Quell presented the results. The company's chief executive "
        "said margins would recover. Its CEO also said 300 jobs were safe."
    )
    assert said(text, "margins would recover").speaker == "Marta Quell"
    assert said(text, "300 jobs were safe").speaker == "Marta Quell"


def test_an_apposed_title_after_an_owner_names_the_person() -> None:
    text = (
        "The union's general secretary, Dai Morgan, addressed the rally. Later the union's "
        "general secretary said members were angry. Its treasurer, Liv Storrs, was there. "
        "The treasurer said funds were low."
    )
    assert said(text, "members were angry").speaker == "Dai Morgan"
    assert said(text, "funds were low").speaker == "Liv Storrs"


# Pattern: a lower-case title before a name ("Orvik mayor Hakan Demir", "Agency director Lena
# Haugland") gives that person the title, so "the mayor" and "the director" resolve.


def test_a_lower_case_title_before_a_name_is_that_persons_title() -> None:
    text = (
        "Orvik mayor Hakim Delor toured the site. \u201cWe are still digging,\u201d the mayor "
        "said. Rail Partners chief executive Lon Tarvey was there too. The chief executive "
        "said trains would run on Monday."
    )
    assert said(text, "still digging").speaker == "Hakim Delor"
    assert said(text, "trains would run").speaker == "Lon Tarvey"


def test_a_capitalised_title_run_is_no_part_of_the_name() -> None:
    text = (
        "Chief Executive Dora Pell said sales fell in the spring. "
        "Chief Prosecutor Amos Reed said 12 men had fled."
    )
    assert said(text, "sales fell in").speaker == "Dora Pell"
    assert said(text, "12 men had fled").speaker == "Amos Reed"


# Pattern: NAME, which/who …, CUE — a body named by a capitalised run speaks across an aside
# as a person does ("The Teral Front, which holds the captives, said …").


def test_a_named_body_speaks_across_a_relative_clause() -> None:
    text = (
        "The Harrow Water Company, which supplies 90,000 homes, said on Monday that pipes "
        "would be replaced. Brightmoor Foods, which owns 40 shops, said it would close six."
    )
    assert said(text, "pipes would be replaced").speaker == "the Harrow Water Company"
    assert said(text, "it would close six").speaker == "Brightmoor Foods"


# Pattern: a spokesperson whose modifier names a body ("a police spokeswoman", "an army
# spokesman") speaks for that body, not for the body named last; and a lone organisation word
# before a lower-case title ("Agency director Lena Haugland") names no body.


def test_a_spokesperson_speaks_for_the_body_in_her_own_title() -> None:
    text = (
        "Agency director Rhea Valdt opened the shelter. A police spokeswoman said divers had "
        "searched the lake for five hours. An army spokesman said 40 soldiers were helping."
    )
    divers = said(text, "divers had searched")
    assert (divers.speaker, divers.speaker_resolved) == ("a police spokeswoman", True)
    soldiers = said(text, "40 soldiers were helping")
    assert (soldiers.speaker, soldiers.speaker_resolved) == ("an army spokesman", True)


def test_a_lone_organisation_word_before_a_title_is_no_body() -> None:
    alone = (
        "Ministry spokesman Ivo Brandt gave the figures. A spokeswoman said the count would rise."
    )
    claim = said(alone, "the count would rise")
    assert (claim.speaker, claim.speaker_resolved) == ("a spokeswoman", False)
    named = (
        "Police spokesman Ivo Brandt gave the figures. The Red Cross said 40 tents were up. "
        "A spokeswoman said the count would rise."
    )
    assert said(named, "the count would rise").speaker == "a spokeswoman for the Red Cross"


# Pattern: a plural noun without -s takes the bare verb as a plural does: "Police say …",
# "Staff say …" report as "Officials say …" does.


def test_an_irregular_plural_subject_reports_with_a_bare_verb() -> None:
    police = "Police say three climbers are missing on the north ridge."
    assert said(police, "three climbers are missing").speaker == "Police"
    staff = "Hospital staff say the ward has been short of nurses since May."
    assert said(staff, "the ward has been short").speaker == "Hospital staff"


# Pattern: CONTENT, SPEAKER CUE (time), as|while|after CLAUSE — the clause after a closing cue
# is an aside and does not stop the cue from reporting what came before it.


def test_a_closing_cue_reports_across_a_clause_after_it() -> None:
    first = (
        "At least 90 homes were flooded in the night, the fire service said on Sunday, as "
        "the river kept rising."
    )
    assert said(first, "At least 90 homes").speaker == "the fire service"
    second = (
        "The bridge will stay shut until the spring, engineers said, while repairs to its "
        "piers go on."
    )
    assert said(second, "The bridge will stay shut").speaker == "engineers"


# Pattern: DOCUMENT by|from SOURCE (for OUTLET) — the source speaks, not the outlet that
# commissioned it; a later "the data" / "the poll" is that source's document again.


def test_a_commissioned_poll_speaks_for_the_pollster() -> None:
    text = "A survey by Mennick Polling for the Daily Lantern found that 58% of drivers back tolls."
    assert said(text, "58% of drivers").speaker == "Mennick Polling"


def test_a_later_document_noun_is_the_source_named_before() -> None:
    data = (
        "Figures published by the statistics bureau show 9,200 firms closed last year. "
        "The data show closures rose fastest in the north."
    )
    assert said(data, "closures rose fastest").speaker == "the statistics bureau"
    poll = (
        "A poll by Harlan Research found 40% of renters had moved twice. The poll also found "
        "that most of them wanted to buy."
    )
    assert said(poll, "most of them wanted").speaker == "Harlan Research"


# Pattern: in a transcript, "ROLE (NAME):" is NAME's turn, and a one-word label "SURNAME:" is
# the person the text named in full ("interview with Health Minister Samuel Okonjo").

TRANSCRIPT = (
    "Breakfast Hour: an interview with Finance Minister Petra Lindahl\n\n"
    "PRESENTER (OLA BRENNER): Minister, the deficit has grown again.\n\n"
    "LINDAHL: It has. We borrowed 14 billion crowns more than planned.\n\n"
    "BRENNER: The deficit was 2 billion a year ago.\n\n"
    "LINDAHL: And we made 1.6 billion of them by the end of June.\n"
)


def test_a_surname_label_is_the_full_name_from_the_introduction() -> None:
    assert number(TRANSCRIPT, "14 billion").speaker == "Petra Lindahl"
    assert number(TRANSCRIPT, "1.6 billion").speaker == "Petra Lindahl"


def test_a_role_label_with_a_bracketed_name_is_that_persons_turn() -> None:
    assert number(TRANSCRIPT, "2 billion").speaker == "Ola Brenner"
    panel = (
        "MODERATOR (RUTH KALE): Welcome.\n\n"
        "GUEST (OMAR SAYED): Rents rose 12 per cent this year.\n\n"
        "MODERATOR (RUTH KALE): And wages?\n\n"
        "GUEST (OMAR SAYED): Wages rose 3 per cent.\n"
    )
    assert number(panel, "12 per cent").speaker == "Omar Sayed"


# Pattern: QUALIFIER NUMBER after a dateline ("KESTON (Wire) - Around 130 of …") is a hedged
# count, not a number naming the capitalised word before it ("Voyager 2").


def test_a_capitalised_qualifier_opens_a_count() -> None:
    first = number("KESTON, May 2 (Tarn Wire) - Around 130 of the miners are trapped.", "130")
    assert (first.value, first.qualifier) == (130.0, "around")
    second = number("12:40 - Roughly 40 of the boats were damaged.", "40")
    assert (second.value, second.qualifier) == (40.0, "roughly")


# Pattern: (a|the) ORDINAL NOUN — "a third day", "a fifth term" count places, not shares;
# "a third of", "by a third" stay fractions.


def test_an_ordinal_before_a_singular_noun_is_no_claim() -> None:
    text = "Talks stalled for a third day. The mayor won a fifth term. Fares fell by a third."
    quotes = [c.quote for c in extract_claims(text) if c.kind == "numeric"]
    assert quotes == ["a third"]
    assert number(text, "a third").start == text.index("a third.")


# Pattern: a fraction with no unit is a share: unit "fraction" ("about half of the wards").


def test_a_fraction_without_a_unit_is_a_share() -> None:
    text = "About half of the wards closed, and a fifth of the nurses left. It took half an hour."
    assert number(text, "half").unit == "fraction"
    assert number(text, "a fifth").unit == "fraction"
    assert number(text, "half an hour").unit == "hour"


# Pattern: AMOUNT a|an TIME-UNIT earlier|ago|before says when the amount held, not a rate.


def test_a_year_earlier_is_no_rate() -> None:
    text = (
        "Debt was £1.2bn, down from £1.5bn a year earlier. "
        "Rice cost ₱30 a kilo, from ₱23 a year ago."
    )
    assert number(text, "£1.5bn").unit == "GBP"
    assert number(text, "₱23").unit == "PHP"
    assert number(text, "₱30 a kilo").unit == "PHP per kilo"


# Pattern: SPEAKER said|that|show CLAUSE — what a figure in a reported clause measures comes
# from that clause, never from the speaker before the cue.


def test_a_measure_starts_after_the_reporting_cue() -> None:
    text = (
        "Finance Director Omar Lind said exports reached $4.2 billion. Analysts at Rook "
        "Partners noted that the trade deficit rose to $900 million."
    )
    assert number(text, "$4.2 billion").measure == "exports"
    assert number(text, "$900 million").measure == "trade deficit"


# Pattern: the number of X … rose|rises to N — N counts X, the subject of the change verb,
# in the present tense too.


def test_the_number_of_things_that_rose_is_the_measure() -> None:
    past = "The number of people killed in the storm in the eastern provinces rose to 61."
    assert number(past, "61").measure == "people killed"
    headline = "Calder Mills profit rises to £80m"
    assert number(headline, "£80m").measure == "profit"


# Pattern: an adjective in -ly ("weekly", "monthly") belongs to what is measured, unlike an
# adverb; a copula in another coordinated clause gives no subject.


def test_ly_adjectives_stay_in_the_measure() -> None:
    weekly = "Average weekly earnings grew by 3.1 per cent."
    assert number(weekly, "3.1 per cent").measure == "Average weekly earnings"
    monthly = "Since May, monthly rents climbed 4 per cent."
    assert number(monthly, "4 per cent").measure == "monthly rents"


def test_a_copula_of_another_clause_gives_no_measure() -> None:
    owed = "She said the council was owed £6m and had borrowed £2m from banks."
    assert number(owed, "£2m").measure == "borrowed"
    paid = "The fund was worth €9bn but lost €1bn in March."
    assert number(paid, "€1bn").measure == "lost"


# Pattern: "plus or minus N" gives a margin: qualifier "plus or minus".


def test_plus_or_minus_is_a_qualifier() -> None:
    poll = "The margin of error is plus or minus 3 percentage points."
    assert number(poll, "3 percentage points").qualifier == "plus or minus"
    survey = "Results are accurate to plus or minus 2.5 per cent."
    assert number(survey, "2.5 per cent").qualifier == "plus or minus"


# Pattern: COUNT of (DET)? (OWNER's)? (NUMBER)? PLURAL — the plural after "of" is counted,
# past an owner and a total ("12 of her party's 19 lawmakers").


def test_a_count_of_a_group_counts_the_plural_after_of() -> None:
    owned = "She said 12 of her party's 19 lawmakers would back the bill."
    assert (number(owned, "12").unit, number(owned, "12").measure) == ("lawmakers", "lawmakers")
    totals = "Inspectors found that 41 of the country's 160 hospitals had no anaesthetist."
    assert number(totals, "41").unit == "hospitals"
    usual = "The ward ran with four of its usual 11 nurses."
    assert number(usual, "four").unit == "nurses"


# Pattern: COUNT of them — counts what the figure before it counted, in its sentence or the
# one before; COUNT of those PARTICIPLE counts the participle ("140 of those convicted").


def test_of_them_counts_what_the_figure_before_counted() -> None:
    same = "The quake damaged 1,750 buildings, and about 230 of them are beyond repair."
    assert number(same, "230").unit == "buildings"
    before = "Rescuers reached 70 villages on Monday. Eleven of them had no water."
    assert number(before, "Eleven").unit == "villages"
    those = "She will appeal for at least 140 of those convicted."
    assert number(those, "140").measure == "convicted"


# Pattern: AMOUNT in NOUN — "Rs 10,000 in immediate aid", "$40m in losses": the noun is what
# the amount is; a money word with no single currency ("crowns") is the unit, not the measure.


def test_money_in_a_noun_measures_that_noun() -> None:
    aid = "Each family will receive Rs 10,000 in immediate aid."
    assert number(aid, "Rs 10,000").measure == "immediate aid"
    losses = "The airline reported $40m in losses for the quarter."
    assert number(losses, "$40m").measure == "losses"


def test_a_money_word_is_a_unit_not_a_measure() -> None:
    crowns = "The reform would save 2.4 billion crowns a year."
    assert number(crowns, "2.4 billion").measure == "reform would save"
    marks = "The board approved a dividend of 12 marks."
    assert number(marks, "12").unit == "marks"
    assert number(marks, "12").measure == "dividend"


# Pattern: COUNT people VERB-ed / VERB-ing COUNT people — "people" says nothing of what is
# counted; the participle beside it does. A bare count subject of a passive ("500 were
# sentenced") counts the participle.


def test_people_take_the_participle_beside_them() -> None:
    moved = "Officials said 1.6 lakh people had been moved to camps."
    assert number(moved, "1.6 lakh").measure == "people moved"
    housing = "The camps are housing some 9,000 people."
    assert number(housing, "9,000").measure == "people housing"


def test_a_bare_count_subject_of_a_passive_counts_the_participle() -> None:
    sentenced = "The judge said 500 were sentenced to prison."
    assert number(sentenced, "500").measure == "sentenced"
    injured = "He said more than 300 were injured in the blast."
    assert number(injured, "300").measure == "injured"


# Pattern: LEVEL, up|down from EARLIER — the earlier level has the level's measure and unit.


def test_an_earlier_level_shares_the_measure_and_unit() -> None:
    evacuated = "The agency says 2,300 people have been evacuated, up from 1,400 at midday."
    assert number(evacuated, "1,400").unit == "people"
    assert number(evacuated, "1,400").measure == number(evacuated, "2,300").measure
    debt = "Net debt fell to £6.3bn as of Dec. 31, down from £7.9bn."
    assert number(debt, "£7.9bn").measure == number(debt, "£6.3bn").measure


# Pattern: COUNT police|staff PLURAL — an irregular plural used as a modifier hands the head
# to the plural after it ("46 police officers", "30 staff members").


def test_a_modifying_irregular_plural_gives_way_to_the_next_plural() -> None:
    assert number("Rioters injured 46 police officers.", "46").unit == "officers"
    assert number("The firm laid off 30 staff members.", "30").unit == "members"


def dated(text: str) -> list[tuple[str, str | None]]:
    """(quote, as_of) of every numeric claim."""
    return [(c.quote, c.as_of) for c in extract_claims(text) if c.kind == "numeric"]


# Pattern: a date phrase dates the figures of its own clause only: a comma, semicolon or dash
# between them ends the clause, except the comma after a phrase that opens its clause; a
# phrase inside a clause dates nothing after an "and".


def test_a_date_phrase_dates_only_its_own_clause() -> None:
    comma = "The fund would be empty by 2030, and the deficit would reach 4% within 15 years."
    assert dated(comma) == [("4%", None), ("15 years", None)]
    opening = "As of this morning, 412,000 patients were waiting."
    assert dated(opening) == [("412,000", "As of this morning")]
    owed = "The county was owed $6m as of the end of June and had borrowed $2m."
    assert dated(owed) == [("$6m", "as of the end of June"), ("$2m", None)]


# Pattern: SUPERLATIVE … since DATE — the date belongs to the superlative ("the lowest since
# 2020"), not to a figure.


def test_since_after_a_superlative_dates_no_figure() -> None:
    shares = "Shares fell 9% to 612 pence, their lowest since March 2020."
    assert dated(shares) == [("9%", None), ("612 pence", None)]
    gusts = "Gusts reached 164 km/h, the strongest in the region since 1999."
    assert dated(gusts) == [("164 km/h", None)]


# Pattern: LEVEL (rose to N, up from N, at N, was N) DATE — a level's own date follows it
# ("rose to 44 on Wednesday", "up from 7,950 a year earlier", "at 31% this morning"); a
# sentence that opens with a date gives it to its level ("Last year it was 380,000").


def test_a_level_takes_the_date_that_follows_it() -> None:
    toll = "The toll rose to 44 on Wednesday, up from 31 a day earlier."
    assert dated(toll) == [("44", "on Wednesday"), ("31", "a day earlier")]
    dams = "Reservoirs were at 31 per cent of capacity this morning."
    assert dated(dams) == [("31 per cent", "this morning")]


def test_a_sentence_opening_date_dates_its_level() -> None:
    assert dated("Last year it was 380,000.") == [("380,000", "Last year")]
    assert dated("In 2021 the rate stood at 6.5%.") == [("6.5%", "In 2021")]


# Pattern: N of (the) TOTAL — the total after "of" holds no date of its own.


def test_a_total_after_of_takes_no_date() -> None:
    wards = "Data show 14 of 52 wards closed as of Thursday."
    assert dated(wards) == [("14", "as of Thursday"), ("52", None)]
    seats = "By March, the party held 31 of the 38 seats."
    assert dated(seats) == [("31", "By March"), ("38", None)]


# Pattern: now VERB? N / N now — "now" beside a figure dates it.


def test_now_beside_a_figure_dates_it() -> None:
    assert dated("The waiting list is now 81 weeks long.") == [("81 weeks", "now")]
    assert dated("Leakage is closer to 18 per cent now.") == [("18 per cent", "now")]


# Pattern: as-of phrases name clock times, parts of today and the end of a month:
# "as of 4 p.m.", "as of this morning", "as of the end of June", "since then".


def test_as_of_phrases_name_clock_times_and_month_ends() -> None:
    clock = "Some 2,300 people had been evacuated as of 4 p.m."
    assert dated(clock) == [("2,300", "as of 4 p.m.")]
    month_end = "Waiting times had risen to 19 weeks as of the end of June."
    assert dated(month_end) == [("19 weeks", "as of the end of June")]
    then = "Since then, 18,400 people have been killed."
    assert dated(then) == [("18,400", "Since then")]


# Pattern: COUNT Capitalised Name PLURAL — "two Rural League MPs", "40 Air Force jets": the
# plural ends the counted phrase, an acronym plural too; a speaker that opens with a count
# names nobody ("Three doctors said").


def test_a_count_of_named_members_counts_the_plural() -> None:
    mps = number("But two Rural League MPs disagreed.", "two")
    assert (mps.unit, mps.measure) == ("MPs", "Rural League MPs")
    jets = number("The base lost 40 Air Force jets.", "40")
    assert jets.unit == "jets"


def test_a_counted_speaker_is_unresolved() -> None:
    doctors = said("Three doctors said 40 beds were empty.", "40 beds")
    assert (doctors.speaker, doctors.speaker_resolved) == ("Three doctors", False)
    mps = said("Two Rural League MPs told the paper that five of them would abstain.", "five")
    assert (mps.speaker, mps.speaker_resolved) == ("Two Rural League MPs", False)


# Pattern: the|their|a CUE-WORD of AMOUNT — a reporting verb after a determiner is a noun and
# can be what is measured ("their forecast of £3.8bn", "an estimate of 40,000").


def test_a_cue_word_after_a_determiner_is_a_measure() -> None:
    assert number("Results beat their forecast of £3.8bn.", "£3.8bn").measure == "forecast"
    assert number("It gave an estimate of 40,000.", "40,000").measure == "estimate"


# Pattern: a bare count measured by what only people undergo (killed, injured, missing,
# displaced, arrested, kidnapped, rescued) counts people.


def test_a_bare_count_of_casualties_counts_people() -> None:
    assert number("He said more than 300 were injured.", "300").unit == "people"
    assert number("The blast killed at least 40.", "40").unit == "people"


# Pattern: if|when|because CLAUSE — a subordinate clause opens a new subject for its figure.


def test_a_subordinate_clause_has_its_own_measure() -> None:
    age = "Her party would quit the coalition if the retirement age rose above 68."
    assert number(age, "68").measure == "retirement age"
    rent = "Tenants will move out when average rents reach £1,400."
    assert number(rent, "£1,400").measure == "average rents"


# Pattern: it|this|that COPULA N — the pronoun stands for what the figure before measured.


def test_it_was_n_measures_what_the_figure_before_did() -> None:
    waits = "Some 412,000 patients are waiting. Last year it was 380,000."
    assert number(waits, "380,000").measure == number(waits, "412,000").measure
    debt = "Net debt is £6.3bn; a year ago it was £7.9bn."
    assert number(debt, "£7.9bn").measure == "Net debt"


# Pattern: cost OBJECT AMOUNT — "would cost the industry about £35m" is a cost, of the
# subject when it names one, as "costs £1,150" is.


def test_cost_with_an_object_measures_a_cost() -> None:
    strike = "The strike would cost the industry about £35m a day."
    assert number(strike, "£35m a day").measure == "strike"
    assert number("It will cost taxpayers $2bn.", "$2bn").measure == "cost"


# The currency part "øre" is a unit: "up 50 øre".


def test_ore_is_a_currency_part() -> None:
    assert number("The dividend rose 50 øre to 9.50 crowns.", "50 øre").unit == "øre"
    assert number("Bread costs 20 öre more.", "20 öre").unit == "øre"


# Pattern: a cue word joined by a hyphen is part of a noun ("a $90m write-down", "post-war"):
# no cue, and no speaker made of the words before it.


def test_a_hyphenated_cue_word_is_no_cue() -> None:
    text = "The bank took a $90m write-down on the loans, and its post-war record was poor."
    assert [c for c in extract_claims(text) if c.kind == "attributed"] == []
    assert number(text, "$90m").speaker is None


# Pattern: DATELINE - SUBJECT, the APPOSITION, VERB …, and said … — the sentence's subject
# speaks for the coordinated cue, past a wire dateline and an apposition.


def test_a_coordinated_cue_takes_the_subject_after_a_dateline() -> None:
    wire = (
        "KESSEL, May 3 (Tarn Wire) - Brandt&Holm, the shipping group, posted lower profit "
        "on Monday and said it would cut 800 jobs this year."
    )
    assert said(wire, "800 jobs").speaker == "Brandt&Holm"
    plain = "Solvik Energy, the utility, raised prices in May and said 40,000 homes would pay more."
    assert said(plain, "40,000 homes").speaker == "Solvik Energy"


# Pattern: a surname before any full name (a headline "Marlowe: …") is the one full name the
# text gives that surname later; a possessive is no part of a name ("Tomas Brenner's novel").


def test_a_surname_before_the_full_name_takes_the_later_full_name() -> None:
    text = (
        "Marlowe: freeze will hit clinics\n\n"
        "The leader of the Rural Alliance, Josefa Marlowe, spoke on Thursday."
    )
    assert said(text, "freeze will hit clinics").speaker == "Josefa Marlowe"
    novel = (
        "The film is adapted from Tomas Brenner's 1998 novel. Brenner said the ending "
        "had been changed twice."
    )
    assert said(novel, "the ending had been changed").speaker == "Tomas Brenner"


# Pattern: "the TITLE" names a person whose title holds it before "for|of" anywhere ("the
# state Commissioner for Finance, Mrs Adaeze Nwoko" is "the commissioner"); "Hon." is a title.


def test_a_title_for_a_portfolio_answers_to_its_head_word() -> None:
    text = (
        "Relief was paid, the state Commissioner for Finance, Mrs Ada Nwosu, said. "
        "The commissioner said 40 camps were open. Hon. Bayo Olanipekun said 12 were shut."
    )
    assert said(text, "40 camps were open").speaker == "Ada Nwosu"
    assert said(text, "12 were shut").speaker == "Bayo Olanipekun"


# Pattern: SUBJECT VERB-ed CUE-WORD that — "dismissed claims that", "denied reports that": the
# cue word is a noun and the subject of the verb before it speaks.


def test_a_cue_word_after_a_reporting_verb_is_its_object() -> None:
    claims = "Treasury Secretary Ruth Wamalwa dismissed claims that the delay was deliberate."
    assert said(claims, "the delay was deliberate").speaker == "Ruth Wamalwa"
    reports = "Health Minister Ivo Sand denied reports that 40 nurses had quit."
    assert said(reports, "40 nurses had quit").speaker == "Ivo Sand"


# Pattern: SUBJECT VERB … a video posted online, saying … — the sentence's speaker for a later
# "…, saying" is the subject of a cue that reported, not of a participle ("posted") that did
# not.


def test_saying_takes_the_subject_of_a_reporting_cue() -> None:
    video = (
        "Mayor Elin Varga defended the rise in a video posted online, saying the city "
        "could not pay for the buses."
    )
    assert said(video, "the city could not pay").speaker == "Elin Varga"
    letter = (
        "Governor Tomas Ruud answered the critics in a letter posted to members, saying "
        "the budget was balanced."
    )
    assert said(letter, "the budget was balanced").speaker == "Tomas Ruud"


# Pattern: X want|urge … the Y to Z. — a request has no speaker after its cue: "the Y to Z"
# is what is asked, never who asks.


def test_a_request_takes_no_speaker_after_its_cue() -> None:
    text = "The fishermen want the council to reopen the harbour."
    assert said(text, "the council to reopen").speaker == "the fishermen"
    nobody = "At dawn, sirens urged the residents to leave."
    assert all(c.speaker != "the residents to leave" for c in extract_claims(nobody) if c.speaker)


# Pattern: "It CUE" names the body the paragraph just named ("The weather service recorded …
# It expects …"), before any organisation named earlier.


def test_it_is_the_body_the_paragraph_just_named() -> None:
    text = (
        "The Harbour Post reported damage on the quay.\n\n"
        "The national weather service recorded gusts of 160 km/h. It expects winds to "
        "ease to 90 km/h overnight."
    )
    assert said(text, "winds to ease").speaker == "the national weather service"
    school = (
        "The Harbour Post reported damage on the quay.\n\n"
        "About 1,100 schools will stay closed, the education authority said. It told parents "
        "that buses would not run."
    )
    assert said(school, "buses would not run").speaker == "the education authority"


# Pattern: "SENTENCE. SENTENCE," said X — a quotation of several sentences is reported by the
# cue in the sentence its closing mark ends in.


def test_a_quotation_of_several_sentences_takes_its_closing_cue() -> None:
    text = 'Residents waited. "We asked for years. Nobody came," said R. Meenakshi, a teacher.'
    assert said(text, "We asked for years").speaker == "R. Meenakshi"
    other = '"The dam held. The road did not," said Ola Brekke, the engineer.'
    assert said(other, "The dam held").speaker == "Ola Brekke"


# Pattern: a paragraph that opens with a quotation and names no speaker continues the quoted
# speaker of the paragraph before (a quotation running over paragraphs).


def test_a_quotation_paragraph_continues_the_speaker_before() -> None:
    text = (
        '"I started when I was 22," Ivo Marek said.\n\n'
        '"Back then we carried 300 people a week. Now it is perhaps 20.\n\n'
        '"The council says the bridge will save time. I am sure it will."\n'
    )
    assert said(text, "Back then").speaker == "Ivo Marek"
    assert said(text, "The council says").speaker == "Ivo Marek"


# Pattern: NAME-OF-PLACE|the NOUN, where|which … , CUE — a body named by "Residents of X" or a
# short definite phrase speaks across the aside.


def test_a_described_body_speaks_across_an_aside() -> None:
    place = (
        "Residents of Kottavil, where 900 families live on the slope, want the city to move them."
    )
    assert said(place, "the city to move them").speaker == "Residents of Kottavil"
    forum = (
        "The families' forum, which speaks for most relatives, said the deal must be signed "
        "this week."
    )
    assert said(forum, "the deal must be signed").speaker == "the families' forum"
