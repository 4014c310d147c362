"""Derived from (issue #10 §4): which articles are rewrites of another, and of which.

The articles are invented for these tests (a flood in the invented town of Fenwick); any
likeness to real events is accidental. The rule is in factcheck.stories' docstring.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from factcheck import stories
from factcheck.articles import add_article
from factcheck.extract import extract_claims
from factcheck.groups import rebuild_groups
from factcheck.models import Article, Outlet, OutletKind, Role, User
from factcheck.names import name_key
from factcheck.stories import (
    _KEPT,
    DERIVED,
    Source,
    _Kept,
    derived_from,
    sentences,
    taken_share,
)
from tests.factories import make_user

WIRE = (
    "FENWICK, Oct 3 (NPA) - Floodwater from the swollen River Ardle forced 3,200 people from "
    "their homes in the lowland town of Fenwick on Tuesday, the regional emergency office said.\n\n"
    "Four people were killed when a footbridge over the river was swept away late on Monday, "
    "police said. The river rose 2.4 metres in twelve hours after three days of heavy rain "
    "across the upper valley.\n\n"
    "Emergency crews used boats to reach families stranded on the roofs of houses near the old "
    'mill. "We have never seen the water come up this fast," said Mara Lindqvist, head of the '
    "emergency office.\n\n"
    "About 600 homes were without electricity on Tuesday evening and the main road to Castrel "
    "remained closed. Forecasters expect more rain on Thursday, and the office has opened two "
    "shelters in the town's schools.\n\n"
    "The last serious flood in Fenwick, in 1998, damaged more than 400 buildings."
)

# The wire with a few words changed: what a site running agency copy publishes.
LIGHT = (
    WIRE.replace("FENWICK, Oct 3 (NPA) - ", "")
    .replace("lowland town", "low-lying town")
    .replace("late on Monday", "on Monday night")
    .replace("Forecasters expect", "Forecasters are expecting")
)

# The wire reworded sentence by sentence: the same names, figures and main words.
REWORDED = (
    "About 3,200 residents of Fenwick were forced from their homes on Tuesday by floodwater "
    "from the swollen River Ardle, according to the regional emergency office.\n\n"
    "Police said four people were killed on Monday night when the river swept away a "
    "footbridge. After three days of heavy rain in the upper valley, the river rose by 2.4 "
    "metres in twelve hours.\n\n"
    "Boats were used by emergency crews to reach stranded families on house roofs near the old "
    "mill.\n\n"
    "Some 600 homes had no electricity on Tuesday evening, and the main road to Castrel stayed "
    "closed. More rain is expected on Thursday, forecasters said; two shelters have opened in "
    "the town's schools."
)

# A local paper's own opening and close around the wire's middle.
WRAPPED = (
    "Residents of Riverside Lane in Fenwick spent Tuesday carrying furniture upstairs as the "
    "water crept towards their doors. Neighbours shared generators and kettles.\n\n"
    "Floodwater from the swollen River Ardle forced 3,200 people from their homes in Fenwick on "
    "Tuesday, the regional emergency office said. Four people were killed when a footbridge over "
    "the river was swept away late on Monday, police said. The river rose 2.4 metres in twelve "
    "hours after three days of heavy rain across the upper valley. Emergency crews used boats to "
    "reach families stranded on the roofs of houses near the old mill.\n\n"
    "The Fenwick Rowing Club has lent its boats to the rescue and its members are working in "
    "shifts through the night."
)

# Another outlet's own reporting of the same flood and the same figures.
INDEPENDENT = (
    "Fenwick's mayor, Tomas Brandt, toured the flooded streets on Tuesday and promised help. "
    "The River Ardle forced 3,200 people from their homes in Fenwick, the emergency office said."
    "\n\n"
    "At the sports hall on the hill, volunteers handed out blankets and hot soup to families who "
    'arrived with little more than their coats. "My kitchen is under a metre of water," said '
    "Ilse Varga, a retired teacher who has lived by the mill for forty years.\n\n"
    "The deaths of four people on Monday night have shocked the town, Brandt said, calling for "
    "an inquiry into the state of the footbridge. Shopkeepers on the high street piled sandbags "
    "against their doors as the council warned that rain would return on Thursday.\n\n"
    "Insurers said claims were likely to exceed those after the 1998 flood."
)

# The emergency office's own fact sheet: lines that are not sentences are never taken.
FACT_SHEET = (
    "REGIONAL EMERGENCY OFFICE\nFenwick flood update\n\n"
    "People evacuated from their homes: 3,200\nPeople killed in footbridge collapse: 4\n"
    "Homes without electricity Tuesday evening: 600\nShelters opened in Fenwick schools: 2\n"
)


def test_a_light_rewrite_takes_nearly_every_sentence_of_the_wire() -> None:
    assert taken_share(LIGHT, WIRE) == 1.0


def test_a_reworded_rewrite_is_taken_sentence_by_sentence() -> None:
    assert taken_share(REWORDED, WIRE) >= DERIVED
    assert derived_from(REWORDED, WIRE)


def test_a_wrapped_rewrite_is_taken_in_its_middle() -> None:
    assert DERIVED <= taken_share(WRAPPED, WIRE) < 1.0
    assert derived_from(WRAPPED, WIRE)


def test_independent_reporting_of_the_same_figures_is_not_taken() -> None:
    assert taken_share(INDEPENDENT, WIRE) < DERIVED
    assert not derived_from(INDEPENDENT, WIRE)


def test_a_fact_sheet_of_the_same_figures_is_not_taken() -> None:
    assert taken_share(FACT_SHEET, WIRE) == 0.0


def test_headings_count_as_lines_that_are_not_taken() -> None:
    lines = sentences(FACT_SHEET)
    assert lines and not any(lines)


def _cost(text: str, source: str) -> int:
    index = Source.of(source)
    index.taken_from(sentences(text))
    return index.steps


def _words(n: int, *, start: int = 0) -> str:
    """``n`` distinct made-up words ("baab", "baac" …), no stop words among them."""
    letters = "bcdfghjklmnpqrstvwxz"
    return " ".join(
        "".join(letters[(i // 20**k) % 20] for k in range(4)) + "a" for i in range(start, start + n)
    )


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # one sentence repeated: each meets every sentence of the other
        ("The river rose again near the old mill in Fenwick on Tuesday. " * 400,) * 2,
        # one sentence of distinct words, taken whole
        (_words(2000) + ".",) * 2,
        # one sentence of distinct words, half of them in the source's one sentence
        (_words(2000) + ".", _words(1000) + " " + _words(1000, start=5000) + "."),
    ],
    ids=["repeated-sentence", "one-long-sentence", "one-long-sentence-half-taken"],
)
def test_comparing_twice_the_text_costs_about_twice(text: str, source: str) -> None:
    """Hostile texts: the cost (words looked at) of twice the text and source is about 2×."""
    double = (text + " " + text, source + " " + source) if text.count(".") > 1 else None
    if double is None:  # one sentence: double its words, keep it one sentence
        words, theirs = text.rstrip(".").split(), source.rstrip(".").split()
        double = (
            " ".join(words + [w + "o" for w in words]) + ".",
            " ".join(theirs + [w + "o" for w in theirs]) + ".",
        )
    once, twice = _cost(text, source), _cost(*double)
    assert once > 0
    assert twice / once < 2.2


def test_comparing_against_many_near_misses_stays_linear() -> None:
    """Every source sentence shares half the words of each sentence: none is taken, each is a
    candidate; only CANDIDATES of them are compared."""
    source = "".join(
        f"River mill boats crews word{i} other{i} more{i} extra{i}. " for i in range(800)
    )
    text = "River mill boats crews alpha beta gamma delta. " * 400
    once, twice = _cost(text, source[: len(source) // 2]), _cost(text * 2, source)
    assert taken_share(text, source) == 0.0
    assert twice / once < 2.2


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR)


def _at(hour: int, day: int = 3) -> datetime:
    return datetime(2026, 10, day, hour, tzinfo=UTC)


def _store(session: Session, by: User, *, outlet: str, text: str, at: datetime) -> Article:
    return add_article(
        session,
        title=f"Flood in Fenwick ({outlet})",
        text=text,
        by=by,
        claims=extract_claims(text),
        outlet=outlet,
        published_at=at,
    )


def _agency(session: Session, name: str) -> None:
    session.add(Outlet(name=name, key=name_key(name), kind=OutletKind.AGENCY))
    session.commit()


def _source_of(session: Session, article: Article) -> int | None:
    session.expire_all()
    stored = session.get(Article, article.id)
    assert stored is not None and stored.story_id is not None  # it joined the wire's story
    return stored.derived_from_id


@pytest.mark.parametrize("text", [LIGHT, REWORDED, WRAPPED], ids=["light", "reworded", "wrapped"])
def test_a_rewrite_on_the_day_of_the_wire_is_marked_derived_from_it(
    session: Session, editor: User, text: str
) -> None:
    wire = _store(session, editor, outlet="Northgate Press Agency", text=WIRE, at=_at(12))
    rewrite = _store(session, editor, outlet="Ardle Valley Post", text=text, at=_at(12))
    assert _source_of(session, rewrite) == wire.id
    assert _source_of(session, wire) is None


def test_independent_reporting_of_the_same_figures_is_not_derived(
    session: Session, editor: User
) -> None:
    _store(session, editor, outlet="Northgate Press Agency", text=WIRE, at=_at(9))
    report = _store(session, editor, outlet="Fenwick Evening News", text=INDEPENDENT, at=_at(15))
    assert _source_of(session, report) is None


def test_a_wire_dated_earlier_but_stored_after_its_rewrite_becomes_its_source(
    session: Session, editor: User
) -> None:
    rewrite = _store(session, editor, outlet="Ardle Valley Post", text=REWORDED, at=_at(14))
    wire = _store(session, editor, outlet="Northgate Press Agency", text=WIRE, at=_at(9))
    assert _source_of(session, rewrite) == wire.id
    assert _source_of(session, wire) is None


def test_at_one_time_an_agency_wire_stored_after_its_rewrite_becomes_its_source(
    session: Session, editor: User
) -> None:
    _agency(session, "Northgate Press Agency")
    undated = WIRE.removeprefix("FENWICK, Oct 3 (NPA) - ")  # the outlet's kind alone decides
    rewrite = _store(session, editor, outlet="Ardle Valley Post", text=LIGHT, at=_at(12))
    wire = _store(session, editor, outlet="Northgate Press Agency", text=undated, at=_at(12))
    assert _source_of(session, rewrite) == wire.id
    assert _source_of(session, wire) is None


def test_a_rewrite_of_a_rewrite_names_the_wire(session: Session, editor: User) -> None:
    wire = _store(session, editor, outlet="Northgate Press Agency", text=WIRE, at=_at(9))
    first = _store(session, editor, outlet="Ardle Valley Post", text=LIGHT, at=_at(10))
    second = _store(session, editor, outlet="Castrel Courier", text=REWORDED, at=_at(11))
    assert _source_of(session, first) == wire.id
    assert _source_of(session, second) == wire.id


def test_groups_rebuild_decides_stored_sources_again(session: Session, editor: User) -> None:
    """An archive marked under an older rule: a rewrite it missed, a report it marked wrongly."""
    wire = _store(session, editor, outlet="Northgate Press Agency", text=WIRE, at=_at(9))
    rewrite = _store(session, editor, outlet="Ardle Valley Post", text=REWORDED, at=_at(10))
    report = _store(session, editor, outlet="Fenwick Evening News", text=INDEPENDENT, at=_at(15))
    table = Article.__table__  # type: ignore[attr-defined]
    session.execute(sa.update(table).where(table.c.id == rewrite.id).values(derived_from_id=None))
    session.execute(sa.update(table).where(table.c.id == report.id).values(derived_from_id=wire.id))
    session.commit()
    rebuild_groups(session, by=make_user(session, role=Role.ADMIN))
    assert _source_of(session, rewrite) == wire.id
    assert _source_of(session, report) is None
    assert _source_of(session, wire) is None


def test_a_brief_repeating_a_quote_and_a_toll_is_not_derived() -> None:
    """Two sentences of four taken is half, but a quote and a toll are what every report has."""
    brief = (
        "Floodwater from the swollen River Ardle forced 3,200 people from their homes in "
        'Fenwick. "We have never seen the water come up this fast," said Mara Lindqvist. '
        "Volunteers at the sports hall served soup until midnight. The mayor will visit the "
        "shelters on Wednesday morning."
    )
    assert taken_share(brief, WIRE) == 0.5
    assert not derived_from(brief, WIRE)


def test_at_one_time_a_wire_with_its_dateline_stored_after_its_rewrite_becomes_its_source(
    session: Session, editor: User
) -> None:
    """No outlet is marked an agency: the wire's opening dateline tells which came first."""
    rewrite = _store(session, editor, outlet="Ardle Valley Post", text=LIGHT, at=_at(12))
    wire = _store(session, editor, outlet="Northgate Press Agency", text=WIRE, at=_at(12))
    assert _source_of(session, rewrite) == wire.id
    assert _source_of(session, wire) is None


def test_at_one_time_without_agency_or_dateline_the_first_stored_is_the_source(
    session: Session, editor: User
) -> None:
    """What the texts cannot tell (the module docstring): the order of storing decides."""
    undated = WIRE.removeprefix("FENWICK, Oct 3 (NPA) - ")
    rewrite = _store(session, editor, outlet="Ardle Valley Post", text=LIGHT, at=_at(12))
    wire = _store(session, editor, outlet="Castrel Courier", text=undated, at=_at(12))
    assert _source_of(session, rewrite) is None
    assert _source_of(session, wire) == rewrite.id


@contextmanager
def texts_read(session: Session) -> Iterator[list[str]]:
    """The statements that read articles' texts while the block runs."""
    sent: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "article.text" in statement:
            sent.append(statement)

    engine = session.get_bind()
    sa.event.listen(engine, "before_cursor_execute", seen)
    try:
        yield sent
    finally:
        sa.event.remove(engine, "before_cursor_execute", seen)


def test_a_story_compared_again_reads_no_text_again(session: Session, editor: User) -> None:
    """Each new article is compared with its story's earlier articles: their sentences are
    kept from the comparisons before, and the new article's text is the one just stored."""
    wire = _store(session, editor, outlet="Northgate Press Agency", text=WIRE, at=_at(9))
    rewrite = _store(session, editor, outlet="Ardle Valley Post", text=LIGHT, at=_at(10))
    session.expunge_all()  # the session holds neither of them any more
    with texts_read(session) as sent:
        report = _store(
            session, editor, outlet="Fenwick Evening News", text=INDEPENDENT, at=_at(15)
        )
    assert sent == []
    assert _source_of(session, rewrite) == wire.id
    assert _source_of(session, report) is None


def test_the_wire_behind_a_rewrite_not_compared_is_not_read_again(
    session: Session, editor: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rewrite of a rewrite compared with the latest article only: the wire that one is
    derived from is weighed from its kept sentences, not read back."""
    monkeypatch.setattr(stories, "STORY_ARTICLES", 1)
    wire = _store(session, editor, outlet="Northgate Press Agency", text=WIRE, at=_at(9))
    first = _store(session, editor, outlet="Ardle Valley Post", text=LIGHT, at=_at(10))
    session.expunge_all()
    with texts_read(session) as sent:
        second = _store(session, editor, outlet="Castrel Courier", text=REWORDED, at=_at(11))
    assert sent == []
    assert _source_of(session, first) == wire.id
    assert _source_of(session, second) == wire.id


def test_another_worker_without_kept_sentences_marks_the_same_source(
    session: Session, editor: User
) -> None:
    """A process that has kept nothing (another ingest worker, a restart) reads the stored
    texts and decides as the one that kept them."""
    wire = _store(session, editor, outlet="Northgate Press Agency", text=WIRE, at=_at(9))
    _KEPT.clear()
    session.expunge_all()  # nor does its session hold the wire
    with texts_read(session) as sent:
        rewrite = _store(session, editor, outlet="Ardle Valley Post", text=REWORDED, at=_at(10))
    assert len(sent) == 1
    assert _source_of(session, rewrite) == wire.id


def test_kept_sentences_stay_within_their_word_budget() -> None:
    texts = [WIRE, LIGHT, REWORDED, WRAPPED, INDEPENDENT]
    budget = sum(len(s) + 1 for s in sentences(WIRE)) * 2  # about two texts' worth
    kept = _Kept(budget)
    for n, text in enumerate(texts):
        rank = 1 if text.startswith("FENWICK, Oct 3 (NPA) - ") else 2  # an agency's dateline
        assert kept.read(str(n), text) == (rank, sentences(text))
    assert kept.held <= budget
    assert kept.get("0") is None  # the first read went first
    assert kept.get("4") == (2, sentences(INDEPENDENT))  # the latest is still there
