"""Every shortcut taken for speed gives what the plain way it replaced gives.

alternation() writes a trie and first_letter_check() a lookahead: on any word list and any
text they find the same spans as the plain alternation, in and out of (?i:…). is_headline()
stops reading at the word that settles it, and a speaker's noun ending is searched only near
the end of its text, and a figure looks for its source only among the attributions that can
hold it: each answers as reading everything would. A pass skips a sentence whose letter runs
hold none of the words its pattern needs, and no match is lost by that.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import asof, attribution, engine, numbers, numeric, speakers, turns
from factcheck.extract.attribution import Attribution
from factcheck.extract.cues import CUE, CUE_KIND, PASSIVE_VERBS
from factcheck.extract.engine import _figure_sentence, _Sources
from factcheck.extract.lexicon import alternation, first_letter_check
from factcheck.extract.lexicon.dates import AS_OF_LEADS
from factcheck.extract.lexicon.grammar import HEADLINE_SMALL_WORDS
from factcheck.extract.lexicon.people import LOWER_TITLES, TITLES
from factcheck.extract.numbers import read_symbolic
from factcheck.extract.sentences import (
    _WORD,
    SentenceIndex,
    fold_case,
    is_headline,
    letter_runs_text,
    letters_in,
    may_hold,
    split_sentences,
)
from factcheck.extract.speakers import _NOT_SUBJECT_END, split_title, subject_before

LETTERS = "abstSTkKſıİ '’.$-"
WORD = st.text(alphabet=LETTERS, min_size=1, max_size=6).filter(lambda w: not w[0].isspace())
WORDS = st.lists(WORD, min_size=1, max_size=12)
TEXTS = st.text(alphabet=LETTERS + "\t\nxyz", max_size=80)


def plain(words: list[str]) -> str:
    """The alternation as it was written before the trie: longest first."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s") for w in ordered)


def spans(pattern: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text)]


@settings(max_examples=400, deadline=None)
@given(WORDS, TEXTS)
def test_the_trie_finds_what_the_longest_first_alternation_finds(
    words: list[str], text: str
) -> None:
    for tail in ("", r"\b", r"\s", "(?![a-z])", "x?$"):
        assert spans(f"(?:{alternation(words)}){tail}", text) == spans(
            f"(?:{plain(words)}){tail}", text
        )


@settings(max_examples=400, deadline=None)
@given(WORDS, TEXTS)
def test_the_trie_ignoring_case_finds_what_the_alternation_finds(
    words: list[str], text: str
) -> None:
    fast = (
        f"{first_letter_check(words, ignore_case=True)}(?i:{alternation(words, ignore_case=True)})"
    )
    for tail in ("", r"\b", r"\s+$"):
        assert spans(fast + tail, text) == spans(f"(?i:{plain(words)}){tail}", text)


@settings(max_examples=400, deadline=None)
@given(WORDS, TEXTS)
def test_the_shortest_first_trie_finds_what_the_alphabetical_alternation_finds(
    words: list[str], text: str
) -> None:
    alphabetical = "|".join(re.escape(w).replace(r"\ ", r"\s") for w in sorted(set(words)))
    for tail in ("", r"\b", r"\s", "x?$"):
        fast = f"(?:{alternation(words, shortest_first=True)}){tail}"
        assert spans(fast, text) == spans(f"(?:{alphabetical}){tail}", text)


def test_the_trie_shares_prefixes() -> None:
    assert alternation(["say", "says", "said"]) == "sa(?:id|y(?:s)?)"
    assert alternation(["according to"]) == r"according\sto"


def headline_by_every_word(line: str) -> bool:
    """is_headline as first written: count every word of the line."""
    words = [w for w in _WORD.findall(line) if w.lower() not in HEADLINE_SMALL_WORDS]
    if len(words) < 2 or len(words) > 30:
        return False
    return sum(1 for w in words if w[0].isupper()) >= 0.8 * len(words)


LINE_WORDS = st.sampled_from(["Mayor", "Plan", "the", "of", "delays", "budget", "Rise", "A"])


@settings(max_examples=600, deadline=None)
@given(st.lists(LINE_WORDS, max_size=45).map(" ".join))
def test_a_headline_is_found_as_counting_every_word_finds_it(line: str) -> None:
    assert is_headline(line) == headline_by_every_word(line)


ENDINGS = st.sampled_from(["the", "latest", "Mayor", "its", "officials'", "Ortiz's", " ", "\n"])


@settings(max_examples=600, deadline=None)
@given(st.lists(ENDINGS, max_size=12).map(" ".join))
def test_a_noun_ending_is_found_near_the_end_as_in_the_whole_text(left: str) -> None:
    whole = _NOT_SUBJECT_END.search(left) is not None
    assert (subject_before(left, 0, len(left)).mode == "reject") == whole


SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), max_size=15)


@settings(max_examples=400, deadline=None)
@given(SPANS, st.integers(0, 80), st.integers(0, 10))
def test_a_figure_finds_the_attributions_holding_it_as_reading_all_of_them_finds(
    spans: list[tuple[int, int]], start: int, width: int
) -> None:
    found = sorted(
        (Attribution(a, a + n, "X", "said", a, False, "indirect", 0.5, 0) for a, n in spans),
        key=lambda a: (a.start, a.end),
    )
    end = start + width
    every = [a for a in found if a.start <= start and end <= a.end]
    assert _Sources(found).holding(start, end) == every


def split_title_by_two_passes(tokens: list[str]) -> tuple[list[str], list[str]]:
    """split_title as first written: one pass for the last title word, one for the first."""
    last_title = -1
    for i, token in enumerate(tokens):
        word = token.lower().rstrip(".")
        if word in TITLES or word == "of" and last_title == i - 1 and i + 1 < len(tokens):
            last_title = i
        elif last_title == i - 1 and i > 0 and tokens[i - 1].lower() == "of":
            last_title = i  # "Secretary of State": the word after "of" is part of the title
    first_title = next(
        (i for i, t in enumerate(tokens) if t.lower().rstrip(".") in TITLES), last_title
    )
    return list(tokens[first_title : last_title + 1]), list(tokens[last_title + 1 :])


TOKENS = st.sampled_from(["of", "Of.", "Secretary", "State", "Gen.", "Jane", "Doe", "minister"])


@settings(max_examples=600, deadline=None)
@given(st.lists(TOKENS, max_size=7))
def test_a_title_is_split_off_as_two_passes_split_it(tokens: list[str]) -> None:
    assert split_title(tokens) == split_title_by_two_passes(tokens)


FOLDED_ODDLY = "ſıİ\u212aKSsk"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from([*FOLDED_ODDLY, *"aZé ,.Σß"]), max_size=30))
def test_folding_keeps_every_character_in_its_place_as_the_regex_engine_folds_it(
    text: str,
) -> None:
    folded = fold_case(text)
    assert len(folded) == len(text)
    for char, fold in zip(text, folded, strict=True):
        for letter in "abcdefghijklmnopqrstuvwxyz":
            assert bool(re.fullmatch(f"(?i:{letter})", char)) == (fold == letter)


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=st.sampled_from([*FOLDED_ODDLY, *"aZé ,.Σß\n\t€’z_9\ud800"]), max_size=30),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_letter_runs_read_in_one_pass_are_those_the_regex_finds_in_each_span(
    text: str, start: int, end: int
) -> None:
    folded = fold_case(text)
    runs = letter_runs_text(folded)
    assert len(runs) == len(folded)
    assert frozenset(runs[start:end].split()) == letters_in(folded, start, end)


# Words each skipping pass looks for, in several cases, among words and signs that are not.
NEEDED = [
    sorted({*numeric._CANDIDATE_WORDS, *numeric._ARTICLE_WORDS}),
    sorted(CUE_KIND),
    PASSIVE_VERBS,
    LOWER_TITLES,
    ["twice", "thrice", "dozens", "hundreds", "tens of thousands", "scores", "a few million"],
]
WORDS_NEEDED = st.sampled_from(NEEDED).flatmap(st.sampled_from)
PIECES = st.one_of(
    WORDS_NEEDED,
    WORDS_NEEDED.map(lambda w: w.upper()),
    WORDS_NEEDED.map(lambda w: w.replace("s", "ſ").replace("k", "\u212a").title()),
    st.sampled_from(
        ["a", "an", "by", "was", "Ms Lee", "The", "3", "½", "$4", "-", "x", "é"]
        + ["Rs 5", "KSh461", "N70", "R$", "−.5", "€", "1", "9"]
    ),
)
GAPS = st.sampled_from([" ", " ", " ", "  ", ". ", "\n", ", ", '"', "'", "’", "-", ""])
# (pattern, test that lets a sentence be skipped)
SKIPPING = [
    (numeric._VAGUE, lambda text, s: not may_hold(s, numeric._VAGUE_VOCABULARY)),
    (numeric._TWICE, lambda text, s: not may_hold(s, numeric._TWICE_VOCABULARY)),
    (speakers._LOWER_TITLE, lambda text, s: not may_hold(s, speakers._LOWER_TITLE_VOCABULARY)),
    (CUE, lambda text, s: not may_hold(s, attribution._CUE_VOCABULARY)),
    (attribution._PASSIVE, lambda text, s: not may_hold(s, attribution._PASSIVE_VOCABULARY)),
    (attribution._COLON_LINE, lambda text, s: text.find(":", s.start, s.end) < 0),
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(PIECES, GAPS).map("".join), max_size=30).map("".join))
def test_a_sentence_a_pass_skips_holds_no_match_of_its_pattern(text: str) -> None:
    for sentence in split_sentences(text):
        for pattern, skipped in SKIPPING:
            if skipped(text, sentence):
                assert list(pattern.finditer(text, sentence.start, sentence.end)) == []


def candidate(match: re.Match[str]) -> tuple[object, ...]:
    return match.span(), numeric._branch(match), *match.group("cur", "sign", "num")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(PIECES, GAPS).map("".join), max_size=30).map("".join))
def test_a_sentence_is_scanned_for_candidates_as_the_whole_pattern_scans_it(text: str) -> None:
    """A sentence with no number word is scanned for symbols and digits only (or not at all,
    with no digit either): the candidates found are those of the whole pattern."""
    for sentence in split_sentences(text):
        every = numeric._CANDIDATE.finditer(text, sentence.start, sentence.end)
        found = [candidate(m) for m in numeric._candidates(text, sentence)]
        assert found == [candidate(m) for m in every]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["agency", "Agency", "AGENCY", "agencyX", "ſ", "x", " ", "_"]), max_size=12
    ),
    st.integers(0, 20),
)
def test_a_body_noun_is_found_backwards_as_the_regex_finds_it(parts: list[str], cut: int) -> None:
    text = "".join(parts)
    base, pos = min(cut, len(text)), len(text)
    forwards = [base + m.start() for m in re.finditer(r"\bagency\b", text[base:pos], re.I)]
    assert list(speakers._whole_word_before(text, "agency", base, pos)) == forwards[::-1]


LABEL_PIECES = st.sampled_from(
    ["page", "No.", "nos", "Iſſue", "Week", "Terminal", "codes from", "the 5 and the"]
    + ["call me on", "took the", "rose", "by", "about", "a", " ", "  ", ".", "\n", "3", "x", "é"]
    + ["(", "serial numbers"]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(LABEL_PIECES, max_size=10).map("".join))
def test_a_number_is_a_label_only_after_a_word_that_can_end_one(before: str) -> None:
    text = before + "7"
    if not numeric._last_word_may_label(text, 0, len(before)):
        assert numeric._LABEL_BEFORE.search(text, 0, len(before)) is None


APPOSED_PIECES = st.sampled_from(
    ["the finance minister", "its chief", "The union's general secretary", "her Minister"]
    + ["the secretary for Health", "their ſenator", "the minister of the Treasury", "the"]
    + ["Priya Raman", "Jane Doe Jr.", "said", "and", "3", "-", "Haddad"]
)
APPOSED_GAPS = st.sampled_from([", ", " ,", ",", " ", "  ", ". ", ";", "\n", ", "])


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(APPOSED_PIECES, APPOSED_GAPS).map("".join), max_size=16).map("".join))
def test_apposed_titles_are_found_as_a_scan_of_the_whole_text_finds_them(text: str) -> None:
    found = [(m.span(), m.group(1), m.group(2)) for m in speakers._apposed_titles(text)]
    every = [(m.span(), m.group(1), m.group(2)) for m in speakers._APPOSED_TITLE.finditer(text)]
    assert found == every


QUALIFIER_PIECES = st.sampled_from(
    ["at least", "AT LEAST", "more than", "Moreover", "atleast", "ſome", "about", "up to", "of"]
    + ["some", "approximately", "plus or minus", "rose", "é", "x", " ", "  ", "\n", "\t", ".", "3"]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(QUALIFIER_PIECES, max_size=10).map("".join), st.integers(0, 60))
def test_a_qualifier_is_looked_for_only_after_a_word_that_can_end_one(text: str, lo: int) -> None:
    lo = min(lo, len(text))
    found = numeric._qualifier_before(text, lo, len(text))
    every = numeric._QUALIFIER.search(text, lo, len(text))
    assert (found and found.span()) == (every and every.span())
    assert max(map(len, numeric._QUALIFIER_LAST_WORDS)) < numeric._WORD_TAIL


NUMBER_PIECES = st.sampled_from(
    ["1", "10", "250", "3", "0", ",", ".", " ", "\u00a0", "-", "−", "/", "x", "×", "^", "e", "E"]
    + ["+", "½", "⅔", "a", "٣"]
)


@settings(max_examples=800, deadline=None)
@given(st.lists(NUMBER_PIECES, min_size=1, max_size=10).map("".join))
def test_plain_digits_are_read_as_trying_every_form_reads_them(text: str) -> None:
    assert read_symbolic(text, 0) == numbers._read_any_form(text, 0)


WORD_BEFORE_PIECES = st.sampled_from(
    ["killed", "Voyager", "a.m.", "AT&T", "’s", "-", "'", ".", "&", "x", "é", "ſ", "3", ","]
    + [" ", " ", "  ", "\u00a0", "\n", "\t", "\n\n"]
)


@settings(max_examples=800, deadline=None)
@given(
    st.lists(WORD_BEFORE_PIECES, max_size=10).map("".join),
    st.integers(-3, 50),
    st.integers(-3, 50),
)
def test_the_word_before_a_figure_is_found_from_the_end_as_the_regex_finds_it(
    text: str, lo: int, hi: int
) -> None:
    every = numeric._WORD_BEFORE.search(text, lo, hi)
    assert numeric._word_before(text, lo, hi) == (every and (every.start(), every.group(1)))


CLAUSE_PIECES = st.sampled_from(
    ["said", "is concerned", "estimated at", "that", "if", "the", ",", ";", " - ", "(", "“"]
    + ["3", "x", "é", " ", "  ", "\n", "-", "sales"]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(CLAUSE_PIECES, max_size=14).map("".join), st.integers(0, 40))
def test_a_clause_opens_where_reading_every_mark_and_opener_finds_it(text: str, lo: int) -> None:
    lo = min(lo, len(text))
    ends = [m.end() for m in numeric._CLAUSE_MARK.finditer(text, lo, len(text))]
    ends += [m.end() for m in numeric._CLAUSE_OPENER.finditer(text, lo, len(text))]
    assert numeric._clause_opened(text, lo, len(text)) == max(ends, default=None)


ENDING_PIECES = st.sampled_from(
    ["to", "TO", "from", "up from", ", from", "down", "at least", "about", "ſome", "Moreover"]
    + ["toto", "é", "x", "3", ",", " ", "  ", "\n", "\t"]
)
ENDING_PATTERNS = [
    (numeric._QUALIFIER, numeric._QUALIFIER_LAST_WORDS),
    (numeric._TO_BEFORE, numeric._TO_LAST_WORDS),
    (numeric._COMPARED, numeric._COMPARED_LAST_WORDS),
]


@settings(max_examples=600, deadline=None)
@given(st.lists(ENDING_PIECES, max_size=10).map("".join), st.integers(0, 40))
def test_a_pattern_that_ends_in_words_matches_only_after_one_of_its_last_words(
    text: str, lo: int
) -> None:
    lo = min(lo, len(text))
    for pattern, last_words in ENDING_PATTERNS:
        if numeric._last_word(text, lo, len(text)) not in last_words:
            assert pattern.search(text, lo, len(text)) is None


SOURCE_PIECES = st.sampled_from(
    ["figures", "Figures", "FIGURES", "data", "dataſet", "posts", "reports", "report", "Statement"]
    + ["released", "by", "BY", "from", "the", "health ministry", "Ortiz", "x", "3", "é", "Σ"]
)
SOURCE_GAPS = st.sampled_from([" ", "  ", "\n", ", ", ".", "", "-", "_"])


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(SOURCE_PIECES, SOURCE_GAPS).map("".join), max_size=16).map("".join))
def test_document_sources_are_found_as_a_scan_of_the_whole_text_finds_them(text: str) -> None:
    every = [(m.end(), m.group(1)) for m in speakers._DOCUMENT_SOURCE.finditer(text)]
    assert speakers._document_sources(text) == every


INTRO_PIECES = st.sampled_from(
    ["An interview with", "Q&A with", "in talks with", "in talk", "conversation with", "x"]
    + ["Interview with", "Dr Lena Vogt", "Lena Vogt", "Vogt", "said", ":", "\n", "-", "q&a"]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(INTRO_PIECES, max_size=14).map(" ".join), st.integers(0, 1500))
def test_an_interviewee_is_found_as_the_plain_search_finds_one(text: str, pad: int) -> None:
    text = "y " * (pad // 2) + text  # the introduction may end past the 1,500 characters read
    plain = turns._INTRO.search(text, 0, min(len(text), 1500))
    assert turns.interviewee(text) == (speakers.person_name(plain.group(1)) if plain else None)


class _ReaderWithoutShortcut(attribution._SentenceReader):
    """Reads every cue's subject, even where only a quotation could follow the cue."""

    def _quote_only(self, cue: str, kind: str, after: int) -> bool:
        return False


CUE_PIECES = st.sampled_from(
    ["called", "calls", "described", "dubbed", "put", "puts", "put it", "put the toll at"]
    + ["calling", "said", "He", "Ortiz", "the plan", "reckless", "by", "at", "them at", "300"]
    + ["Critics have", "as", "it", "a", "x", "é", " ", "  ", ",", ".", ":", "\n"]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(CUE_PIECES, max_size=14).map(" ".join))
def test_a_cue_that_reports_only_a_quotation_finds_nothing_in_a_sentence_without_one(
    text: str,
) -> None:
    """A naming cue, or "put" without a figure after it, is dropped before its subject is read
    when its sentence holds no quotation: reading everything finds nothing there either."""
    for i, sentence in enumerate(split_sentences(text)):
        fast = attribution._SentenceReader(text, sentence, i, [])
        plain = _ReaderWithoutShortcut(text, sentence, i, [])
        assert fast.read() == plain.read()
        assert fast.subject == plain.subject


RUN_TOKENS = st.sampled_from(
    ["The", "A", "But", "And", "Health", "Ministry", "Ortiz's", "Priya", "Raman", "Ltd", "Of"]
    + ["Brightline", "Appliances", "Mr", "Northwind", "Corp.", "Council", "It", "In", "Jane"]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(RUN_TOKENS, min_size=1, max_size=5).map(" ".join), st.booleans())
def test_a_run_that_names_no_body_before_a_firm_suffix_names_none_without_it(
    run: str, opens_sentence: bool
) -> None:
    """build_name_book looks for "Ltd", "plc" … only after a run that could name a firm."""
    reading = speakers._read_run(run, opens_sentence)
    if reading is not None and reading.firm_org is None:
        assert reading.org is None


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(["Rates rose 3%.", "It fell", "by 2.", "\n", " ", "Sales"]))
    .map(" ".join)
    .filter(str.strip),
    st.integers(0, 120),
    st.integers(0, 40),
)
def test_a_figure_has_the_sentences_around_it_as_its_context(
    text: str, start: int, width: int
) -> None:
    sentences = split_sentences(text)
    start = min(start, len(text))
    end = min(start + width, len(text))
    index = SentenceIndex(sentences)
    own = index.at(start)
    around = index.around(text, start, end)
    assert _figure_sentence(text, sentences, index, own, start, end) == around


DATE_PIECES = st.one_of(
    st.sampled_from(AS_OF_LEADS),
    st.sampled_from(AS_OF_LEADS).map(str.upper),
    st.sampled_from(AS_OF_LEADS).map(lambda w: w.replace("s", "ſ").title()),
    st.sampled_from(["Monday", "June 3", "2020", "the end of", "rose", "x", "é", "3", "by-"]),
)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(DATE_PIECES, GAPS).map("".join), max_size=12).map("".join))
def test_a_sentence_without_a_date_lead_holds_no_date_phrase(text: str) -> None:
    """The engine reads a figure's date phrases only where a lead ("as of", "by" …) stands."""
    for sentence in split_sentences(text):
        if not may_hold(sentence, engine._AS_OF_VOCABULARY):
            assert asof.date_phrases(text, sentence.start, sentence.end) == []
