"""Attributions in news layouts the blind sets showed missed: a live blog's clock times, a
reporting clause in the middle of a sentence, and asides between a speaker and the cue."""

from __future__ import annotations

from tests.test_extract_attribution import attributed, said

# --- a clock time opening a live-blog entry is no part of the speaker -----------------------

LIVE = (
    "Live: storm Odile reaches the coast\n\n"
    "Health Minister Dora Lindqvist visited the ward on Sunday.\n\n"
    "14:05 The county fire service says 40 homes were evacuated overnight.\n\n"
    "16:45 Lindqvist said the hospital would take 30 extra nurses from Monday.\n\n"
    "17:20 Mayor Oskar Brandt says the ring road will reopen at dawn.\n"
)


def test_a_clock_time_before_a_body_is_not_part_of_its_name() -> None:
    claim = said(LIVE, "40 homes")
    assert (claim.speaker, claim.speaker_resolved) == ("the county fire service", True)


def test_a_clock_time_before_a_surname_leaves_it_resolvable() -> None:
    assert said(LIVE, "30 extra nurses").speaker == "Dora Lindqvist"


def test_a_clock_time_before_a_title_and_name() -> None:
    assert said(LIVE, "ring road").speaker == "Oskar Brandt"


# --- CONTENT, SPEAKER said, and/but/; MORE: the reporting clause mid-sentence ---------------

MIDDLE = (
    "Chief executive Anja Kellner spoke after the vote.\n\n"
    "Fares will rise by 6% in March, the transport authority said, and season tickets will "
    "cost more too.\n\n"
    "About 300 workers will lose their jobs, Kellner said; the plant will close in June.\n\n"
    "Flights resumed at two in the afternoon, the airport operator said Friday.\n\n"
    "Rescuers found 12 survivors in the water, the coast guard told reporters at the harbour.\n\n"
    "The drilling caused three spills, the regulator said, one of which closed a beach.\n"
)


def test_content_before_a_mid_sentence_said_and_a_new_clause() -> None:
    claim = said(MIDDLE, "Fares will rise")
    assert claim.quote.startswith("Fares will rise by 6% in March")
    assert claim.speaker == "the transport authority"


def test_content_before_said_and_a_semicolon() -> None:
    claim = said(MIDDLE, "300 workers")
    assert claim.quote == "About 300 workers will lose their jobs"
    assert claim.speaker == "Anja Kellner"


def test_a_bare_weekday_after_the_cue() -> None:
    assert said(MIDDLE, "Flights resumed").speaker == "the airport operator"


def test_a_place_after_told_reporters() -> None:
    assert said(MIDDLE, "12 survivors").speaker == "the coast guard"


def test_content_before_a_cue_and_a_relative_clause() -> None:
    assert said(MIDDLE, "three spills").quote == "The drilling caused three spills"


def test_a_clause_after_and_that_names_no_speaker_is_not_reported() -> None:
    # the guard of the closing-clause rule: "and two-thirds of councils agreed" reports nothing
    text = "Rents rose by a fifth last year, and two-thirds of councils agreed, the data show."
    assert all("two-thirds" not in c.quote for c in attributed(text)[:-1])


# --- SUBJECT, participial aside, CUE: "The memo, dated March 3, says …" ---------------------

ASIDES = (
    "The memo, dated March 3 and seen by this newspaper, says the budget will be cut by 12%.\n\n"
    "A report by the national audit office, published on Tuesday, found that waiting lists "
    "had doubled since 2019.\n\n"
    "Two senior officials, speaking on condition of anonymity, said the talks had stalled.\n"
)


def test_a_dated_and_seen_aside_between_a_document_and_says() -> None:
    claim = said(ASIDES, "budget will be cut")
    assert claim.speaker == "the memo"


def test_a_published_aside_after_a_report_by_a_body() -> None:
    claim = said(ASIDES, "waiting lists")
    assert claim.speaker == "the national audit office"


def test_a_speaking_aside_after_unnamed_officials() -> None:
    claim = said(ASIDES, "talks had stalled")
    assert (claim.speaker, claim.speaker_resolved) == ("Two senior officials", False)


# --- DESCRIPTION, NAME, which …, CUE: the name in apposition speaks --------------------------

APPOSED = (
    "Shareholders were split on the merger.\n\n"
    "Even the bank's biggest investor, the pension fund Holmfirth Capital, which owns 9% of "
    "the shares, said the price was too low for a bank of its size.\n\n"
    "The firm's second-largest backer, the Tarrant family trust, which has held its stake "
    "since 1998, said it would vote against the deal in June.\n"
)


def test_a_named_fund_after_a_description_is_the_speaker() -> None:
    assert said(APPOSED, "price was too low").speaker == "Holmfirth Capital"


def test_a_named_trust_after_a_description_is_the_speaker() -> None:
    assert said(APPOSED, "vote against").speaker == "the Tarrant family trust"


# --- OWNER's DOCUMENT: the owner is the source; a date after "from" is none -----------------

DOCUMENTS = (
    "The regulator's annual report, released on Monday, found that complaints had fallen "
    "by a third.\n\n"
    "The union's own survey shows 40% of members work unpaid overtime every week.\n\n"
    "A cabinet memo from October, leaked to reporters, says the tunnel will open two years "
    "late.\n"
)


def test_the_owner_of_a_report_is_its_source() -> None:
    assert said(DOCUMENTS, "complaints had fallen").speaker == "the regulator"


def test_the_owner_of_a_survey_is_its_source() -> None:
    assert said(DOCUMENTS, "unpaid overtime").speaker == "the union"


def test_a_month_after_from_is_not_the_source() -> None:
    assert said(DOCUMENTS, "tunnel will open").speaker != "October"


# --- NP, which|who CUE: the cue of a relative clause after a comma is the NP's --------------

RELATIVE = (
    "Fewer nurses were hired, according to the regional health board, which said three wards "
    "had closed in May.\n\n"
    "The first count comes from Harbour Aid, the city's largest homelessness charity, which "
    "says 12,400 people were sleeping rough.\n\n"
    "The Tenants' Forum, which says it has 40,000 members, wants the council to freeze rents.\n"
)


def test_which_said_after_according_to_a_body() -> None:
    claim = said(RELATIVE, "three wards")
    assert (claim.quote, claim.speaker) == (
        "three wards had closed in May",
        "the regional health board",
    )


def test_which_says_after_a_name_and_its_apposition() -> None:
    claim = said(RELATIVE, "sleeping rough")
    assert (claim.quote, claim.speaker) == ("12,400 people were sleeping rough", "Harbour Aid")


def test_what_a_relative_clause_says_ends_with_the_clause() -> None:
    assert said(RELATIVE, "40,000 members").quote == "it has 40,000 members"


# --- He/She opening a sentence: the subject of the sentence before --------------------------

PRONOUNS = (
    "Judge Mira Solberg jailed the former harbour master, Anton Kask, for six years. "
    "She said Kask had betrayed the trust of the whole town.\n\n"
    "Health Commissioner Ada Obi signed the contract in May. Lawmaker Peter Alade said the "
    "payment was a scandal. The commissioner denied any wrongdoing. She insisted that the "
    "maps had been delivered in July.\n\n"
    "Coach Ivo Rask, whose club was relegated, said the rule would cost Brannock Town six "
    "players. He argued that bigger clubs had written the rule for themselves.\n\n"
    "Councillor Tom Ekwe said the charity had inflated the count. "
    '"I think Harbour Aid does good work, but it is also a fundraiser," he said.\n'
)


def test_she_after_a_sentence_whose_subject_is_a_judge_and_object_a_man() -> None:
    assert said(PRONOUNS, "betrayed the trust").speaker == "Mira Solberg"


def test_she_after_a_title_as_subject_is_its_holder() -> None:
    assert said(PRONOUNS, "maps had been delivered").speaker == "Ada Obi"


def test_he_after_a_subject_who_named_a_club() -> None:
    assert said(PRONOUNS, "bigger clubs").speaker == "Ivo Rask"


def test_a_name_inside_the_quote_is_not_the_quote_speaker() -> None:
    assert said(PRONOUNS, "good work").speaker == "Tom Ekwe"


# --- "it": the body or document that spoke last; a name apposed to a body's description -----

IT = (
    "The budget memo, dated May 2 and seen by this newspaper, says the city will miss its "
    "housing target by 4,000 homes. It says approvals take 14 months on average.\n\n"
    "The national rail operator, Nordlink, said 212 trains had been cancelled. About 90,000 "
    "passengers were affected, it estimated.\n\n"
    "Refunds are due within a month, the consumer group Fairfare said. But airlines need not "
    "pay when a strike is to blame, it warned.\n"
)


def test_it_after_a_memo_that_spoke_is_the_memo() -> None:
    assert said(IT, "approvals take").speaker == "the budget memo"


def test_it_after_a_described_body_is_its_apposed_name() -> None:
    assert said(IT, "90,000").speaker == "Nordlink"


def test_it_after_a_body_named_after_its_kind_keeps_the_name() -> None:
    assert said(IT, "strike is to blame").speaker == "the consumer group Fairfare"


# --- Full names: a surname after "NAME of ORG", a body by its first word, trailing "when" ---

NAMES = (
    "Two directors abstained, and one, Lena Dorsch of Harwick & Lye, voted against the plan. "
    "Dorsch believes smaller clubs will lose their best young players.\n\n"
    "Olu Bakare of the Lagos Traders Guild spoke at the market. Bakare said stall rents had "
    "doubled since May.\n\n"
    "The operator, Karsk Mining, confirmed that 40 workers were missing. Karsk said it had "
    "spent 14 million korun on roof supports last year.\n\n"
    "Fuel thefts cost operators €11 million a year, according to figures released by the "
    "interior ministry in January.\n\n"
    "The Harbour Times first reported that the ferry carried 260 people.\n"
)


def test_a_surname_after_a_name_of_an_organisation() -> None:
    assert said(NAMES, "young players").speaker == "Lena Dorsch"


def test_a_surname_after_a_name_of_the_organisation() -> None:
    assert said(NAMES, "stall rents").speaker == "Olu Bakare"


def test_a_body_shortened_to_its_first_word() -> None:
    assert said(NAMES, "roof supports").speaker == "Karsk Mining"


def test_when_it_spoke_is_no_part_of_the_speaker() -> None:
    assert said(NAMES, "Fuel thefts").speaker == "the interior ministry"


def test_first_reported_is_no_part_of_the_speaker() -> None:
    assert said(NAMES, "ferry carried").speaker == "the Harbour Times"


# --- CUE (a few words): "QUOTE"; "A listener, NAME from PLACE,"; "What I …" in an answer -----

COLON = (
    'Mayor Ana Ruiz wrote on Facebook on Sunday: "We will rebuild every bridge by June."\n\n'
    'A listener, Greta from Holm, tweeted during the break: "My feed bill is up 40% since '
    'March."\n'
)


def test_a_quote_after_a_time_and_a_colon_is_what_the_cue_reports() -> None:
    claim = said(COLON, "every bridge")
    assert (claim.speaker, claim.direct) == ("Ana Ruiz", True)


def test_a_named_listener_from_a_town_is_the_speaker() -> None:
    claim = said(COLON, "feed bill")
    assert (claim.speaker, claim.cue) == ("Greta", "tweeted")


INTERVIEW = (
    "Fire chief Derk Ostman spoke to Nina Pell on the evening show.\n\n"
    "PELL: Ranchers say 300 horses are missing. Is that right?\n\n"
    "OSTMAN: I cannot confirm it. What I can tell you is that my crews have moved 200 horses "
    "out of the valley.\n\n"
    'PELL: A farmer, Ilse from Vang, wrote during the break: "We lost 30 sheep in one '
    'night." And the roads?\n\n'
    "OSTMAN: Two are closed. We will reopen them by Friday.\n"
)


def test_what_i_in_an_answer_is_the_answerer() -> None:
    assert said(INTERVIEW, "200 horses").speaker == "Derk Ostman"


def test_a_quote_after_the_cue_a_time_and_a_colon_in_a_question_turn() -> None:
    claim = said(INTERVIEW, "30 sheep")
    assert (claim.speaker, claim.cue) == ("Ilse", "wrote")


# --- PLURAL in|at|from PLACE say; SUBJECT, who …, CUE with an unnamed subject ---------------

GROUPS = (
    "Traders in the old fish market say losses from the flooding run to at least 3 million.\n\n"
    "Doctors at the county clinic believe the outbreak will peak within a fortnight.\n\n"
    "Observers from the regional monitoring mission, who deployed nearly 400 staff, say they "
    "have received dozens of complaints.\n\n"
    "One director, who asked not to be named, said two board members had argued for a "
    "smaller cut.\n"
)


def test_plural_traders_in_a_market_say() -> None:
    claim = said(GROUPS, "losses from the flooding")
    assert claim.speaker == "Traders in the old fish market"


def test_plural_doctors_at_a_clinic_believe() -> None:
    assert said(GROUPS, "outbreak will peak").speaker == "Doctors at the county clinic"


def test_observers_before_a_who_clause() -> None:
    claim = said(GROUPS, "dozens of complaints")
    assert claim.speaker == "Observers from the regional monitoring mission"


def test_an_unnamed_director_before_a_who_clause_is_flagged() -> None:
    claim = said(GROUPS, "smaller cut")
    assert (claim.speaker, claim.speaker_resolved) == ("One director", False)


# --- TITLE for PORTFOLIO NAME: the title, then the person "the TITLE" means later ----------

PORTFOLIO = (
    "Minister for Housing Katrin Aalborg said 1,480 homes had been rebuilt since March.\n\n"
    "The minister added that no family would spend a second winter in temporary housing.\n\n"
    "Commissioner for Education Funke Ade said the meals programme faced a shortfall.\n"
)


def test_a_title_for_a_portfolio_is_no_part_of_the_name() -> None:
    assert said(PORTFOLIO, "1,480 homes").speaker == "Katrin Aalborg"


def test_the_title_later_means_the_portfolio_holder() -> None:
    assert said(PORTFOLIO, "second winter").speaker == "Katrin Aalborg"


def test_a_commissioner_for_a_portfolio() -> None:
    assert said(PORTFOLIO, "meals programme").speaker == "Funke Ade"


# --- "the OWNER's HEAD" names its own body, not an earlier body with the same head ----------

OWNED = (
    "The state statistics office said unemployment rose to 9% in May.\n\n"
    "A memo from the governor's office, seen by reporters, says the cuts will hit 14 "
    "districts.\n\n"
    "The mayor's office said the count had missed at least 600 people.\n"
)


def test_a_memo_from_an_owned_office() -> None:
    assert said(OWNED, "14 districts").speaker == "the governor's office"


def test_an_owned_office_is_not_an_earlier_office() -> None:
    assert said(OWNED, "600 people").speaker == "the mayor's office"


# --- A critic or columnist: a role before the name, not part of it --------------------------

CRITICS = (
    'Critic Mara Lind, writing in the Harbour Review, deemed the ending "a cheat the first two '
    'hours did not earn." But Lind conceded that the score was "the best of the decade."\n\n'
    "Columnist Piet Vos said the festival had lost 2 million crowns in three years.\n"
)


def test_a_critic_is_a_role_before_the_name() -> None:
    assert said(CRITICS, "the score was").speaker == "Mara Lind"


def test_a_columnist_is_a_role_before_the_name() -> None:
    assert said(CRITICS, "festival had lost").speaker == "Piet Vos"


# Session 17: a broadcast transcript with a presenter and one guest is a transcript: the
# presenter's label counts as a turn (the programme's own voice, no claim), a role in brackets
# leaves the name before it, and a surname label names the one the text called by title.
# Transcripts invented here.
def test_a_guest_named_before_a_role_in_brackets_speaks_their_turn() -> None:
    text = (
        "PRESENTER: The mayor of Marl, Ana Ruiz, joins us now. How bad is it?\n\n"
        "ANA RUIZ (MAYOR OF MARL): It is the worst flood in forty years. We have moved 3,000 "
        "people out of the lower town.\n\n"
        "PRESENTER: Thank you."
    )
    assert said(text, "3,000 people").speaker == "Ana Ruiz"
    assert not [c for c in attributed(text) if "joins us" in c.quote]


def test_a_surname_label_after_a_title_speaks_its_turn() -> None:
    text = (
        "PRESENTER: Mayor Ruiz, how bad is it?\n\n"
        "RUIZ: We have moved 3,000 people out of the lower town.\n\n"
        "PRESENTER: And the dam?\n\n"
        "RUIZ: The dam wall has stood for 62 years and it is holding."
    )
    assert said(text, "3,000 people").speaker == "Ruiz"
    assert said(text, "dam wall").speaker == "Ruiz"
