"""A speaker an article names only generically ("the prime minister", "the premier", "the
army") is the one speaker its story's other articles name so: resolve_in_stories at ingest,
whatever order the outlets come in (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlmodel import Session, select

from factcheck.articles import add_article
from factcheck.errors import BadInput
from factcheck.extract import extract_claims
from factcheck.models import Article, Claim, ClaimKind, Event, Role, Speaker, SpeakerVoice, User
from factcheck.speakers import rebuild_speakers, split_speaker, title_forms, written_for
from tests.factories import make_user
from tests.test_groups_concurrency import run_at_once

DAY0 = datetime(2026, 3, 2, 9, tzinfo=UTC)
TOLL = "Floods in the Varn valley have killed 41 people, officials said on Monday."
PROMISE = "would rebuild every bridge in the valley before winter"
NAMED = f"{TOLL} Prime Minister Adrian Solvik said the government {PROMISE}."
TITLED = (
    f"The Varn valley floods have left 41 people dead. The prime minister said the government "
    f"{PROMISE}."
)


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR)


def ingest(session: Session, by: User, text: str, *, outlet: str, day: int = 0) -> Article:
    return add_article(
        session,
        title=f"{outlet}: floods in the Varn valley",
        text=text,
        by=by,
        claims=extract_claims(text),
        outlet=outlet,
        published_at=DAY0 + timedelta(hours=day),
    )


def said(session: Session, article: Article) -> Claim:
    """The article's claim of the promise to rebuild the bridges."""
    return next(
        c
        for c in session.exec(select(Claim).where(Claim.article_id == article.id))
        if c.kind is ClaimKind.ATTRIBUTED and "bridge" in c.quote
    )


def speaker(session: Session, claim: Claim) -> str:
    found = session.get(Speaker, claim.speaker_id)
    return found.name if found is not None else ""


@pytest.mark.parametrize("named_first", [True, False])
def test_the_prime_minister_is_the_one_a_story_names_whichever_outlet_comes_first(
    session: Session, editor: User, named_first: bool
) -> None:
    order = [("Wire", NAMED), ("Valley Post", TITLED)]
    if not named_first:
        order.reverse()
    stored = {o: ingest(session, editor, t, outlet=o, day=i) for i, (o, t) in enumerate(order)}
    wire, post = stored["Wire"], stored["Valley Post"]
    session.expire_all()
    assert wire.story_id is not None and wire.story_id == post.story_id
    his, titled = said(session, wire), said(session, post)
    assert speaker(session, titled) == "Adrian Solvik"
    assert titled.speaker_name == "the prime minister"  # shown as the outlet wrote it
    assert titled.group_id is not None and titled.group_id == his.group_id
    moved = session.exec(select(Event).where(Event.action == "claim.speaker")).all()
    assert [(e.claim_id, e.after["speaker_id"]) for e in moved] == [  # type: ignore[index]
        (titled.id, his.speaker_id)
    ]
    names = set(session.exec(select(Speaker.name)).all())
    assert "prime minister" not in {n.lower() for n in names}  # left with nothing: gone


def test_the_premier_and_the_pm_are_the_prime_minister(session: Session, editor: User) -> None:
    ingest(session, editor, NAMED, outlet="Wire")
    premier = ingest(
        session,
        editor,
        "Forty-one people died in the Varn valley floods. The premier said the government "
        f"{PROMISE}.",
        outlet="Harbour Times",
        day=1,
    )
    pm = ingest(
        session,
        editor,
        f"41 dead in the Varn valley floods. The PM said the government {PROMISE}.",
        outlet="Evening Digest",
        day=2,
    )
    session.expire_all()
    assert speaker(session, said(session, premier)) == "Adrian Solvik"
    assert speaker(session, said(session, pm)) == "Adrian Solvik"
    assert title_forms("premier") == {"premier", "prime minister", "pm"}


def test_two_prime_ministers_in_one_story_leave_the_title_alone(
    session: Session, editor: User
) -> None:
    ingest(session, editor, NAMED, outlet="Wire")
    ingest(
        session,
        editor,
        f"{TOLL} Prime Minister Lena Marsh of Orvenland met Adrian Solvik in the Varn valley "
        "and said her country would send engineers.",
        outlet="Orvenland Radio",
        day=1,
    )
    post = ingest(session, editor, TITLED, outlet="Valley Post", day=2)
    session.expire_all()
    assert speaker(session, said(session, post)).lower() == "prime minister"


def test_a_title_its_own_article_resolves_stays_with_that_person(
    session: Session, editor: User
) -> None:
    ingest(session, editor, NAMED, outlet="Wire")
    own = ingest(
        session,
        editor,
        f"{TOLL} Prime Minister Jon Varga met families in Ost. The prime minister said the "
        f"government {PROMISE}.",
        outlet="Ost Courier",
        day=1,
    )
    session.expire_all()
    assert speaker(session, said(session, own)) == "Jon Varga"


def test_an_article_of_another_story_keeps_its_title(session: Session, editor: User) -> None:
    ingest(session, editor, NAMED, outlet="Wire")
    other = ingest(
        session,
        editor,
        "Tolbeck's new tram line opened on Friday after six years of work. The prime minister "
        "said the city had waited long enough.",
        outlet="Tolbeck Evening",
        day=1,
    )
    session.expire_all()
    claim = next(
        c
        for c in session.exec(select(Claim).where(Claim.article_id == other.id))
        if c.kind is ClaimKind.ATTRIBUTED
    )
    assert speaker(session, claim).lower() == "prime minister"


def test_the_army_and_its_spokeswoman_are_the_forces_a_story_names(
    session: Session, editor: User
) -> None:
    wire = ingest(
        session,
        editor,
        f"{TOLL} The Varn Defence Forces said 300 soldiers had been sent to the valley.",
        outlet="Wire",
    )
    radio = ingest(
        session,
        editor,
        "The Varn valley floods have killed 41 people. The army's spokeswoman, Colonel Ida "
        "Brenn, said 300 soldiers had been sent to the valley. The army said the roads into "
        "the valley were open again.",
        outlet="Radio Varn",
        day=1,
    )
    post = ingest(
        session,
        editor,
        "Forty-one people have died in the Varn valley floods. The army said 300 soldiers had "
        "been sent to the valley.",
        outlet="Valley Post",
        day=2,
    )
    session.expire_all()
    body = session.exec(select(Speaker).where(Speaker.name == "Varn Defence Forces")).one()
    brenn = session.exec(select(Speaker).where(Speaker.name == "Ida Brenn")).one()
    assert session.get(SpeakerVoice, brenn.id).voice_id == body.id  # type: ignore[union-attr]

    def soldiers(article: Article) -> Claim:
        return next(
            c
            for c in session.exec(select(Claim).where(Claim.article_id == article.id))
            if c.kind is ClaimKind.ATTRIBUTED and "300 soldiers" in c.quote
        )

    assert soldiers(post).speaker_id == body.id
    groups = {soldiers(a).group_id for a in (wire, radio, post)}
    assert len(groups) == 1 and None not in groups


def test_an_editor_splits_off_what_the_story_read_and_it_stays_apart(
    session: Session, editor: User
) -> None:
    wire = ingest(session, editor, NAMED, outlet="Wire")
    post = ingest(session, editor, TITLED, outlet="Valley Post", day=1)
    solvik = said(session, wire).speaker_id
    assert solvik is not None and said(session, post).speaker_id == solvik
    apart = split_speaker(session, speaker_id=solvik, name="the prime minister", by=editor)
    session.expire_all()
    assert said(session, post).speaker_id == apart.id != solvik
    assert said(session, post).group_id is None  # its words are no longer Solvik's
    ingest(  # the story is read again at its next article: the editor's split holds
        session,
        editor,
        f"41 people died in the Varn floods. Adrian Solvik, the prime minister, said the "
        f"government {PROMISE}.",
        outlet="Ost Courier",
        day=2,
    )
    session.expire_all()
    assert said(session, post).speaker_id == apart.id


def test_written_for_reads_the_army_and_the_premier_in_one_text() -> None:
    text = (
        "Prime Minister Oriane Randvall spoke on Sunday. The Quellmark Armed Forces said the "
        "road was open. The premier later said the army had done its work."
    )
    assert written_for(text, ["the premier", "the army"]) == {
        "the premier": "Oriane Randvall",
        "the army": "Quellmark Armed Forces",
    }
    two = "The Quellmark Armed Forces and the Tarn Defence Forces met. The army said so."
    assert written_for(two, ["the army"]) == {}


def test_a_rebuild_reads_stored_stories_once(
    session: Session, editor: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("factcheck.articles.resolve_in_stories", lambda *a, **k: 0)
    ingest(session, editor, TITLED, outlet="Valley Post")
    wire = ingest(session, editor, NAMED, outlet="Wire", day=1)
    monkeypatch.undo()
    session.expire_all()
    post = session.exec(select(Article).where(Article.id != wire.id)).one()
    assert speaker(session, said(session, post)).lower() == "prime minister"  # stored before
    admin = make_user(session, role=Role.ADMIN)
    solvik, post_id = said(session, wire).speaker_id, post.id
    assert rebuild_speakers(session, by=admin).moved == 1
    assert said(session, session.get_one(Article, post_id)).speaker_id == solvik
    assert rebuild_speakers(session, by=admin).moved == 0  # read once: nothing moves back


def test_an_owned_title_is_the_one_holder_its_story_names() -> None:
    text = "Mayor Corin Ashdale opened the shelter. The Tolbeck Water Company's chief executive, "
    text += "Ines Mohr, said the pipes were safe."
    assert written_for(text, ["the town's mayor", "the company's chief executive"]) == {
        "the town's mayor": "Corin Ashdale",
        "the company's chief executive": "Ines Mohr",
    }
    assert written_for("Transport Minister Ola Berg spoke.", ["the environment minister"]) == {}


ROUNDS = 4
PLACES = ["Varn", "Orlin", "Kessel", "Tarn"]


def _named(round_no: int, outlet: int) -> str:
    """Two articles naming the prime minister, placed in one story by different figures."""
    place, toll = PLACES[round_no], 40 + round_no
    if outlet == 1:
        return f"Floods in the {place} valley have killed {toll} people. Prime Minister Adrian "
    return f"About 300 soldiers were sent to the {place} valley. Prime Minister Adrian "


def _worker(url: str, email: str, outlet: int, barrier: Any) -> None:
    from factcheck.db import dispose_engine, get_engine
    from factcheck.users import get_user

    with Session(get_engine(url), expire_on_commit=False) as session:
        user = get_user(session, email=email)
        session.commit()
        for round_no in range(ROUNDS):
            text = _named(round_no, outlet) + f"Solvik visited {PLACES[round_no]} on Monday."
            barrier.wait(timeout=60)  # both store at the same moment
            ingest(session, user, text, outlet=f"Outlet {outlet}", day=round_no * 24 + outlet)
    dispose_engine(url)


def test_two_workers_reading_one_story_at_once_move_its_claim_once(
    session: Session, db_url: str, editor: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each round's story holds a claim of "the prime minister" no article resolves; two
    workers each store an article naming him, joining the story by different figures (so
    their groups' locks do not order them), at the same moment: the claim moves once."""
    for round_no, place in enumerate(PLACES):
        toll = 40 + round_no
        ingest(
            session,
            editor,
            f"The {place} valley floods have left {toll} people dead, and 300 soldiers were sent "
            f"to the {place} valley. The prime minister said the government {PROMISE}.",
            outlet="Valley Post",
            day=round_no * 24,
        )
        ingest(
            session, editor, f"Floods in the {place} valley killed {toll} people.", outlet="Wire"
        )
    titled = session.exec(select(Claim).where(Claim.speaker_name == "the prime minister")).all()
    assert len(titled) == ROUNDS and all(speaker(session, c) != "Adrian Solvik" for c in titled)
    session.commit()  # SQLite: this session's read holds the database; let it go
    run_at_once(monkeypatch, _worker, [(db_url, editor.email, n) for n in (1, 2)])
    session.expire_all()
    assert {speaker(session, c) for c in titled} == {"Adrian Solvik"}
    moved = session.exec(select(Event).where(Event.action == "claim.speaker")).all()
    assert sorted(e.claim_id or 0 for e in moved) == sorted(c.id or 0 for c in titled)


@pytest.mark.parametrize("name", ["the president", "the PM" + "\u202e" * 3, "x" * 5000, ""])
def test_a_name_its_claims_are_not_written_with_is_refused_and_nothing_written(
    session: Session, editor: User, name: str
) -> None:
    wire = ingest(session, editor, NAMED, outlet="Wire")
    ingest(session, editor, TITLED, outlet="Valley Post", day=1)
    solvik = said(session, wire).speaker_id
    assert solvik is not None
    speakers = len(session.exec(select(Speaker)).all())
    with pytest.raises(BadInput, match="is not known as"):
        split_speaker(session, speaker_id=solvik, name=name, by=editor)
    assert len(session.exec(select(Speaker)).all()) == speakers
    assert session.exec(select(Event).where(Event.action == "speaker.split")).all() == []
