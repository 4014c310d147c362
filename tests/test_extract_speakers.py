"""Who said it: transcripts, interviews, pronouns, titles and the many shapes of a reporting cue."""

from __future__ import annotations

import pytest

from factcheck.extract import Found, extract_claims

TRANSCRIPT = (
    "Transcript: Harbour council press conference\n\n"
    "HARBOUR MASTER OWEN TALLIS: Good morning. The tanker ran aground at 4 a.m. and leaked "
    "about 300 tonnes of oil. I can confirm that 14 crew were taken off safely.\n\n"
    "We expect the clean-up to take six weeks.\n\n"
    "Q: Nadia Kerr, Coast Radio. How many beaches are closed?\n\n"
    "TALLIS: Nine beaches are closed until further notice.\n"
)
INTERVIEW = (
    "An interview with Dr Hana Ruiz, the new chief of the river trust\n\n"
    "Hana Ruiz took over the trust in March. She spoke to us about floods and funding.\n\n"
    "How bad were the spring floods?\n\n"
    "Worse than anything I have seen. About 1,200 homes flooded in two days.\n\n"
    "The minister says the trust has enough money.\n\n"
    "The minister is wrong. We need £40m more a year, and I have told her so.\n"
)
PRONOUNS = (
    "Mayor Ingrid Solberg opened the new bridge on Friday. Transport chief Karl Brandt joined "
    "her, and his department paid for the lighting.\n\n"
    "Brandt is cautious. “The bridge will carry 20,000 cars a day,” he said.\n\n"
    "Solberg disagreed. “It will carry far more,” she said.\n"
)


def attributed(text: str) -> list[Found]:
    return [c for c in extract_claims(text) if c.kind == "attributed"]


def said(text: str, words: str) -> Found:
    found = sorted((c for c in attributed(text) if words in c.quote), key=lambda c: len(c.quote))
    assert found, f"nothing attributed holds {words!r}: {[c.quote for c in attributed(text)]}"
    return found[0]


def number(text: str, quote: str) -> Found:
    return next(c for c in extract_claims(text) if c.kind == "numeric" and c.quote == quote)


def test_a_transcript_answer_with_a_figure_is_the_labelled_speakers_claim() -> None:
    claim = said(TRANSCRIPT, "300 tonnes")
    assert (claim.speaker, claim.speaker_resolved, claim.direct) == ("Owen Tallis", True, True)
    assert claim.quote.startswith("The tanker ran aground")


def test_first_person_cues_in_an_answer_belong_to_the_answerer() -> None:
    claim = said(TRANSCRIPT, "14 crew")
    assert (claim.quote, claim.speaker) == ("14 crew were taken off safely", "Owen Tallis")


def test_an_unlabelled_paragraph_continues_the_turn() -> None:
    assert number(TRANSCRIPT, "six weeks").speaker == "Owen Tallis"


def test_a_surname_label_is_the_full_name_given_earlier() -> None:
    assert said(TRANSCRIPT, "Nine beaches").speaker == "Owen Tallis"


def test_questions_and_greetings_are_not_claims() -> None:
    quotes = [c.quote for c in attributed(TRANSCRIPT)]
    assert not any("How many beaches" in q or "Good morning" in q for q in quotes)


def test_answers_in_an_interview_belong_to_the_interviewee() -> None:
    claim = said(INTERVIEW, "1,200 homes")
    assert (claim.speaker, claim.direct) == ("Hana Ruiz", True)
    assert number(INTERVIEW, "£40m").speaker == "Hana Ruiz"


def test_a_statement_put_to_the_interviewee_is_the_source_it_names() -> None:
    claim = said(INTERVIEW, "enough money")
    assert (claim.quote, claim.speaker) == ("the trust has enough money", "the minister")


def test_an_ordinary_article_has_no_turns() -> None:
    text = "Why did bread cost more?\n\nFlour rose 8% in a year, the bakery said.\n\nWhat next?\n"
    claims = [(c.quote, c.speaker) for c in attributed(text)]
    assert claims == [("Flour rose 8% in a year", "the bakery")]


def test_he_and_she_go_to_the_latest_person_of_that_gender() -> None:
    assert said(PRONOUNS, "20,000 cars").speaker == "Karl Brandt"
    assert said(PRONOUNS, "far more").speaker == "Ingrid Solberg"


def test_a_title_given_in_apposition_resolves_later() -> None:
    text = (
        "The treasurer, Joan Pike, presented the accounts. "
        "Reserves fell by £2m last year, the treasurer said.\n"
    )
    claim = said(text, "Reserves")
    assert (claim.speaker, claim.speaker_resolved) == ("Joan Pike", True)


def test_according_to_a_title_and_name_keeps_the_name() -> None:
    text = "Turnout was 31 per cent, according to the returning officer, Sam Ode.\n"
    assert said(text, "Turnout").speaker == "Sam Ode"


def test_so_far_and_relative_clauses_are_not_speakers() -> None:
    text = (
        "Leader Tom Fenn, who won by 1,204 votes, said the party would regroup. "
        "Paris has so far pledged nothing, a senior official complained.\n"
    )
    assert said(text, "regroup").speaker == "Tom Fenn"
    claim = said(text, "pledged nothing")
    assert (claim.speaker, claim.speaker_resolved) == ("a senior official", False)


def test_a_possessive_is_not_a_speaker() -> None:
    text = "Your reporter quoted a trader as saying the market would “fall 5% by Friday”.\n"
    claim = said(text, "fall 5%")
    assert (claim.speaker, claim.speaker_resolved) == ("a trader", False)


def test_cue_then_colon_reports_what_follows() -> None:
    text = "Our economics editor Lia Moss writes: the forecast cuts growth to 1.1 per cent.\n"
    claim = said(text, "1.1 per cent")
    assert (claim.quote, claim.speaker) == ("the forecast cuts growth to 1.1 per cent", "Lia Moss")


def test_a_cue_between_commas_reports_the_rest_of_the_sentence() -> None:
    text = "Judge Ana Bell ruled on Monday. The tax, she wrote, had raised $40 million a year.\n"
    claim = said(text, "$40 million")
    assert (claim.quote, claim.speaker) == ("had raised $40 million a year", "Ana Bell")


def test_by_saying_and_as_she_puts_it() -> None:
    text = (
        "The Chancellor, Rosa Lind, rose at noon. She opened by saying the deficit had halved.\n\n"
        "Lind arrived in 1990 with, as she puts it, “one bag and no plan.”\n"
    )
    assert said(text, "deficit had halved").speaker == "Rosa Lind"
    assert said(text, "one bag").speaker == "Rosa Lind"


def test_expects_and_estimates_report_forecasts() -> None:
    text = (
        "Forecasters expect the storm to drop 200mm of rain. "
        "The agency estimates the repairs will cost £3m.\n"
    )
    assert number(text, "200mm").speaker == "Forecasters"
    assert number(text, "£3m").speaker == "the agency"


RECALL = (
    "Larkspur Toys Ltd is recalling 9,000 wooden trains sold since March.\n\n"
    "The company said it had received 12 reports of loose wheels. A spokeswoman said refunds "
    "would take 14 days.\n\n"
    "The Consumer Safety Office said it was reviewing the recall, and that returns were "
    'running at a rate it described as "worryingly slow".\n\n'
    "Opening the debate, the Minister for Trade, Dame Olwen Petrie, said the rules would "
    "change. The minister said they were overdue. But Petrie said 3 firms had objected.\n\n"
    "A study by the Institute of Play looked at 400 toys. The authors say most were safe.\n\n"
    "A spokesperson for the minister said the figures were provisional, and the region's "
    "trading standards service said 40 shops had been visited. The kingdom said talks were over."
)


def test_the_company_and_it_are_the_body_named_earlier() -> None:
    assert said(RECALL, "12 reports").speaker == "Larkspur Toys Ltd"
    assert said(RECALL, "reviewing").speaker == "the Consumer Safety Office"
    slow = said(RECALL, "worryingly slow")
    assert slow.speaker_resolved and "Consumer Safety Office" in (slow.speaker or "")


def test_a_spokesperson_speaks_for_the_body_or_person_named() -> None:
    refunds = said(RECALL, "refunds")
    assert refunds.speaker_resolved and "Larkspur" in (refunds.speaker or "")
    provisional = said(RECALL, "provisional")
    assert provisional.speaker_resolved and provisional.speaker == "a spokesperson for the minister"


def test_a_title_with_its_portfolio_resolves_the_minister() -> None:
    assert said(RECALL, "overdue").speaker == "Olwen Petrie"
    assert said(RECALL, "3 firms").speaker == "Olwen Petrie"


def test_authors_of_a_named_study_and_a_possessed_body_are_known() -> None:
    assert said(RECALL, "most were safe").speaker_resolved
    visited = said(RECALL, "40 shops")
    assert visited.speaker_resolved and visited.speaker == "the region's trading standards service"


def test_a_body_never_named_stays_unresolved() -> None:
    assert not said(RECALL, "talks were over").speaker_resolved


UNNAMED_GROUP_FIRST = (
    "Crews worked through the night on the Halder branch line. Crews said the track would "
    "reopen on Friday.\n\n"
    "The operator said 14 trains had been cancelled since the landslip.\n\n"
    "Firefighters reached the Osk warehouse at dawn. Firefighters said the roof had fallen in."
    "\n\nThe company said the building had been empty for a month.\n"
)
NAMED_FIRM_FIRST = (
    "Nordline said the strike would end on Monday.\n\n"
    "The operator said 14 trains had been cancelled."
)


def test_a_group_opening_a_sentence_names_nobody_for_a_later_the_operator() -> None:
    # "Crews" and "Firefighters" open their sentence with a capital but name no body: a later
    # "the operator" or "the company" must not resolve to them.
    crews = said(UNNAMED_GROUP_FIRST, "reopen on Friday")
    assert crews.speaker == "Crews" and not crews.speaker_resolved
    assert said(UNNAMED_GROUP_FIRST, "roof had fallen").speaker_resolved is False
    for words in ("14 trains", "empty for a month"):
        found = said(UNNAMED_GROUP_FIRST, words)
        assert found.speaker in ("the operator", "the company"), found.speaker
        assert not found.speaker_resolved
    named = said(NAMED_FIRM_FIRST, "14 trains")
    assert named.speaker == "Nordline" and named.speaker_resolved


def test_a_script_slug_and_a_signed_claim_name_the_speaker_of_their_quote() -> None:
    text = (
        "[SOT — MARCUS OYELOWO, HARBOUR TRUST]\n"
        '"We lost 40 metres of sea wall in one night."\n\n'
        "Claim: “Bus fares have fallen by a fifth since I took office.” — Councillor Ana Reyes, "
        "hustings, 4 May.\n"
    )
    assert said(text, "40 metres").speaker == "Marcus Oyelowo"
    assert number(text, "40 metres").speaker == "Marcus Oyelowo"
    assert said(text, "Bus fares").speaker == "Ana Reyes"


# Sentences invented for these tests (session 16): a body named in full, then by its last word.
@pytest.mark.parametrize(
    ("text", "words", "body"),
    [
        (
            "Gunmen from the Thornwake Legion crossed the river at dawn. The Legion said its "
            "fighters had hit only army posts.",
            "its fighters had hit only army posts",
            "the Thornwake Legion",
        ),
        (
            "Ministers of the Highland Compact met in Varrow on Monday. The Compact said it would "
            "send 40 engineers to the valley.",
            "it would send 40 engineers",
            "the Highland Compact",
        ),
    ],
)
def test_a_body_shortened_to_its_last_word_is_the_body_named_before(
    text: str, words: str, body: str
) -> None:
    assert said(text, words).speaker == body


def test_a_last_word_two_bodies_end_with_names_neither() -> None:
    text = (
        "The Sable Ridge Movement and the Free Valley Movement met in Orsk. The Movement said "
        "the talks would resume on Friday."
    )
    assert said(text, "the talks would resume").speaker == "the Movement"


# Session 16: a live blog's entry opening with its day and time; sentences invented here.
@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Friday 11:30 Mayor Ana Roth says free buses will run to the bridge from Monday.",
            "free buses",
            "Ana Roth",
        ),
        (
            "Saturday 09.45 Ms Ilse Varga said 40 bridges of the same design will be checked.",
            "40 bridges",
            "Ilse Varga",
        ),
    ],
)
def test_a_live_blog_day_and_time_are_no_part_of_the_name(
    text: str, words: str, speaker: str
) -> None:
    assert said(text, words).speaker == speaker


# Session 17: a sentence opening with a preposition ("On Monday night he …", "For Adrian Solvik,
# the …") names no one by its first word; sentences invented here.
@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Prime Minister Adrian Solvik met the families. On Monday night he promised to bring "
            "every hostage home.",
            "to bring every hostage home",
            "Adrian Solvik",
        ),
        (
            "Governor Ilse Marten toured the levee. In March she said the walls would be raised "
            "by a metre.",
            "the walls would be raised",
            "Ilse Marten",
        ),
        (
            "For Joss Karran, the port's director, the strike is about pay. At noon he said the "
            "cranes would stay idle.",
            "the cranes would stay idle",
            "Joss Karran",
        ),
    ],
)
def test_a_preposition_opening_the_sentence_is_no_part_of_a_name(
    text: str, words: str, speaker: str
) -> None:
    assert said(text, words).speaker == speaker


# Session 17: a body's or a country's possessive before a person's name; the person speaks.
@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "The Council's Joss Aberdane said the first batch had crossed at dawn.",
            "the first batch had crossed",
            "Joss Aberdane",
        ),
        (
            "The UN's Rania Selbeck said the convoy reached Orsk on Tuesday. Selbeck said the road "
            "was open again.",
            "the road was open again",
            "Rania Selbeck",
        ),
        (
            "The dockers' Ada Krell said the strike would go ahead on Friday.",
            "the strike would go ahead",
            "Ada Krell",
        ),
    ],
)
def test_a_possessive_before_a_name_is_whom_the_person_belongs_to(
    text: str, words: str, speaker: str
) -> None:
    assert said(text, words).speaker == speaker


def test_a_possessive_before_a_body_name_stays_the_body() -> None:
    text = "Velmora's Health Ministry said 40 people had died in the floods."
    assert said(text, "40 people had died").speaker == "Velmora's Health Ministry"


# Session 17: "nobody", "everyone", "no one" report a mood, not a speaker's words.
@pytest.mark.parametrize(
    "text",
    [
        "The quay was quiet on Friday. Nobody here expects a deal before the weekend.",
        "The council met at noon. No one in the chamber expects the bridge to reopen this year.",
        "Everyone in the village believes the dam will hold.",
    ],
)
def test_nobody_and_everyone_are_no_speakers(text: str) -> None:
    assert attributed(text) == []


# Session 17: a "…, saying" whose sentence opens with a determiner and lower-case words; its
# speaker is that subject, or the name set beside it between commas. Sentences invented here.
@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "The ministry rejected the report on Friday, saying the figures were wrong.",
            "the figures were wrong",
            "the ministry",
        ),
        (
            "The national weather service issued a warning, adding that gusts could reach "
            "120 km/h.",
            "gusts could reach",
            "the national weather service",
        ),
        (
            "His water minister, Halla Drennick, went further, saying those responsible would "
            "be held to account.",
            "those responsible",
            "Halla Drennick",
        ),
        (
            "Her spokesman, Tomas Vey, rejected the report, saying the count was too high.",
            "the count was too high",
            "Tomas Vey",
        ),
    ],
)
def test_a_determined_subject_speaks_its_ing_clause(text: str, words: str, speaker: str) -> None:
    assert said(text, words).speaker == speaker


def test_a_possessive_opening_with_no_subject_read_leaves_no_name() -> None:
    text = "Their case, built over two years of hearings, rests on one memo, saying it was forged."
    assert all(c.speaker != "Their" for c in attributed(text))


# Session 17: a person named with "of the" body after; the person speaks.
@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Ana Ruiz of the port authority said the cranes would stay idle until Monday.",
            "the cranes would stay idle",
            "Ana Ruiz",
        ),
        (
            "Joss Hallerin of the Lower Tessa Residents' Council said on Tuesday that the sirens "
            "had stayed silent.",
            "the sirens had stayed silent",
            "Joss Hallerin",
        ),
    ],
)
def test_a_name_of_the_body_after_is_the_person(text: str, words: str, speaker: str) -> None:
    assert said(text, words).speaker == speaker


def test_a_body_named_with_of_the_stays_the_body() -> None:
    text = "Friends of the Earth said the spill would kill fish for years."
    assert said(text, "the spill would kill fish").speaker == "Friends of the Earth"


# Session 17: "X who …" before the cue, no commas: X speaks, not the relative clause.
@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "A resident who lives by the quay told the agency the water came in minutes.",
            "the water came in minutes",
            "a resident",
        ),
        (
            '"We were not warned," a fisherman who asked not to be named told the Herald.',
            "We were not warned",
            "a fisherman",
        ),
        (
            "The official who led the talks said a deal was close.",
            "a deal was close",
            "the official",
        ),
    ],
)
def test_the_one_a_who_clause_is_about_speaks(text: str, words: str, speaker: str) -> None:
    assert said(text, words).speaker == speaker


# Session 17: a name, then a country's or a body's title for it between commas.
@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Kasimir Vell, Sorvena's deputy justice minister, said his country had kept its word.",
            "his country had kept its word",
            "Kasimir Vell",
        ),
        (
            "Nadia Ost, Quessa's foreign minister, said in Amsel Ford on Wednesday that the "
            "monitors were in place.",
            "the monitors were in place",
            "Nadia Ost",
        ),
    ],
)
def test_an_owners_title_between_commas_describes_the_name_before(
    text: str, words: str, speaker: str
) -> None:
    assert said(text, words).speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Brigadier Mara Tolk said the convoy had reached the border.", "Mara Tolk"),
        ("Commodore Ivo Renn told reporters the search would go on overnight.", "Ivo Renn"),
        ('"Both sides have kept their word," Mediator Pia Lund said on Sunday.', "Pia Lund"),
    ],
)
def test_a_rank_or_a_mediators_title_is_no_part_of_the_name(text: str, speaker: str) -> None:
    assert [f.speaker for f in attributed(text)] == [speaker]
