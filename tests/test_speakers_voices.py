"""Voices: a spokesperson and the body they speak for are compared with each other, never merged
(SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from factcheck.articles import add_article
from factcheck.errors import BadInput, NotAllowed
from factcheck.models import Article, Claim, Event, Role, SpeakerVoice, User
from factcheck.speakers import link_voice, list_speakers, merge_speakers, unlink_voice
from tests.factories import found_in, make_user

DAY0 = datetime(2026, 4, 6, 12, tzinfo=UTC)
SAID = "the Orlen harbour wall would be rebuilt in granite before the autumn storms"
PLACE = "Orlen harbour in Velsund was shut by the Orlen Harbour Board after the storm."


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR)


def story(
    session: Session, by: User, *, outlet: str, lead: str, quote: str, who: str, day: int
) -> Article:
    """An article of the Orlen storm whose sentence ``lead`` attributes ``quote`` to ``who``."""
    text = f"{PLACE} {lead}"
    return add_article(
        session,
        title=f"{outlet}: Orlen harbour after the storm",
        text=text,
        by=by,
        claims=[found_in(text, quote, kind="attributed", speaker=who)],
        outlet=outlet,
        published_at=DAY0 + timedelta(days=day),
    )


def claim_of(session: Session, article: Article) -> Claim:
    return session.exec(select(Claim).where(Claim.article_id == article.id)).one()


def board_said(session: Session, by: User, *, quote: str = SAID, day: int = 0) -> Article:
    return story(
        session,
        by,
        outlet="Velsund Courier",
        lead=f"The Orlen Harbour Board said {quote}.",
        quote=quote,
        who="the Orlen Harbour Board",
        day=day,
    )


def spokeswoman_said(session: Session, by: User, *, quote: str = SAID, day: int = 1) -> Article:
    return story(
        session,
        by,
        outlet="Coast Radio",
        lead=f"Orlen Harbour Board spokeswoman Maren Toft said {quote}.",
        quote=quote,
        who="Maren Toft",
        day=day,
    )


def test_the_body_and_its_spokeswoman_saying_the_same_join_one_group(
    session: Session, editor: User
) -> None:
    board = claim_of(session, board_said(session, editor))
    toft = claim_of(session, spokeswoman_said(session, editor))
    assert toft.group_id is not None and toft.group_id == board.group_id
    # Two speakers still, each shown as written.
    assert toft.speaker_id != board.speaker_id
    assert (toft.speaker_name, board.speaker_name) == ("Maren Toft", "the Orlen Harbour Board")


def test_what_the_spokeswoman_says_otherwise_stays_apart(session: Session, editor: User) -> None:
    board_said(session, editor)
    other = "the ferry to Velsund would run twice a day from Monday"
    toft = claim_of(session, spokeswoman_said(session, editor, quote=other))
    assert toft.group_id is None


def test_a_person_quoted_before_the_link_joins_when_a_later_article_makes_it(
    session: Session, editor: User
) -> None:
    board = claim_of(session, board_said(session, editor))
    plain = story(
        session,
        editor,
        outlet="Velsund Post",
        lead=f"Maren Toft said {SAID}.",
        quote=SAID,
        who="Maren Toft",
        day=1,
    )
    assert claim_of(session, plain).group_id is None  # no article has said whom she speaks for
    spokeswoman_said(session, editor, quote="every berth would be inspected twice", day=2)
    session.expire_all()
    joined = claim_of(session, plain).group_id
    assert joined is not None and joined == session.get(Claim, board.id).group_id  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "lead",
    [
        "Rebel spokeswoman Maren Toft said {q}.",  # "Rebel" names no body
        "Maren Toft, a resident of the old town, said {q}.",  # not a role
        "Maren Toft, who runs a small ferry firm, said {q}.",  # no one body
    ],
)
def test_words_that_name_no_body_link_no_one(session: Session, editor: User, lead: str) -> None:
    board_said(session, editor)
    toft = story(
        session,
        editor,
        outlet="Coast Radio",
        lead=lead.format(q=SAID),
        quote=SAID,
        who="Maren Toft",
        day=1,
    )
    assert claim_of(session, toft).group_id is None
    assert session.exec(select(SpeakerVoice)).all() == []


def test_the_speakers_list_shows_whom_each_speaks_for(session: Session, editor: User) -> None:
    board_said(session, editor)
    spokeswoman_said(session, editor)
    rows = {r.speaker.name: r for r in list_speakers(session)[0]}
    assert rows["Maren Toft"].speaks_for == "Orlen Harbour Board"
    assert rows["Orlen Harbour Board"].spokespeople == ["Maren Toft (spokeswoman)"]


def test_an_editor_unlinks_and_later_articles_do_not_link_again(
    session: Session, editor: User
) -> None:
    board = claim_of(session, board_said(session, editor))
    toft = claim_of(session, spokeswoman_said(session, editor))
    unlink_voice(session, speaker_id=toft.speaker_id or 0, by=editor)
    session.expire_all()
    assert claim_of(session, _article(session, toft)).group_id is None
    assert session.get(Claim, board.id).group_id is None  # type: ignore[union-attr]
    again = story(
        session,
        editor,
        outlet="Velsund Post",
        lead=f"Orlen Harbour Board spokeswoman Maren Toft repeated that {SAID}.",
        quote=SAID,
        who="Maren Toft",
        day=2,
    )
    # With her own earlier words, not with the board's.
    assert claim_of(session, again).group_id == session.get(Claim, toft.id).group_id  # type: ignore[union-attr]
    assert session.get(Claim, board.id).group_id is None  # type: ignore[union-attr]
    actions = session.exec(select(Event.action).where(Event.action == "speaker.voice")).all()
    assert len(actions) == 2  # the article's link and the editor's unlink


def _article(session: Session, claim: Claim) -> Article:
    article = session.get(Article, claim.article_id)
    assert article is not None
    return article


def test_an_editor_links_by_hand_and_the_same_words_join(session: Session, editor: User) -> None:
    board = claim_of(session, board_said(session, editor))
    plain = claim_of(
        session,
        story(
            session,
            editor,
            outlet="Velsund Post",
            lead=f"Maren Toft said {SAID}.",
            quote=SAID,
            who="Maren Toft",
            day=1,
        ),
    )
    link_voice(session, speaker_id=plain.speaker_id or 0, voice_id=board.speaker_id or 0, by=editor)
    session.expire_all()
    assert session.get(Claim, plain.id).group_id == session.get(Claim, board.id).group_id  # type: ignore[union-attr]
    assert session.get(Claim, plain.id).group_id is not None  # type: ignore[union-attr]


def test_a_speaker_cannot_speak_for_one_who_speaks_for_it(session: Session, editor: User) -> None:
    board = claim_of(session, board_said(session, editor))
    toft = claim_of(session, spokeswoman_said(session, editor))
    with pytest.raises(BadInput, match="speaks for it"):
        link_voice(
            session, speaker_id=board.speaker_id or 0, voice_id=toft.speaker_id or 0, by=editor
        )


def test_a_reviewer_may_not_link_voices(session: Session, editor: User) -> None:
    board = claim_of(session, board_said(session, editor))
    toft = claim_of(session, spokeswoman_said(session, editor, quote="the quay stays shut"))
    reviewer = make_user(session, role=Role.REVIEWER)
    with pytest.raises(NotAllowed):
        unlink_voice(session, speaker_id=toft.speaker_id or 0, by=reviewer)
    assert session.get(SpeakerVoice, toft.speaker_id).voice_id == board.speaker_id  # type: ignore[union-attr]


def test_merging_a_body_keeps_its_spokeswoman_speaking_for_the_merged_one(
    session: Session, editor: User
) -> None:
    board = claim_of(session, board_said(session, editor))
    toft = claim_of(session, spokeswoman_said(session, editor))
    other = story(
        session,
        editor,
        outlet="Velsund Post",
        lead=f"The harbour board in Orlen said {SAID}.",
        quote=SAID,
        who="The harbour board in Orlen",
        day=2,
    )
    duplicate = claim_of(session, other).speaker_id or 0
    merge_speakers(session, keep_id=duplicate, other_id=board.speaker_id or 0, by=editor)
    session.expire_all()
    voice = session.get(SpeakerVoice, toft.speaker_id)
    assert voice is not None and voice.voice_id == duplicate
    toft_now = session.get(Claim, toft.id)
    assert toft_now is not None and toft_now.group_key == f"s|{duplicate}"


@pytest.mark.parametrize(
    ("firm", "lead", "who"),
    [
        ("Orvane Polymers", "Orvane spokesman Ivo Saar said {q}.", "Ivo Saar"),
        ("Keldor Pharmaceuticals", "Keldor spokeswoman Lena Brix said {q}.", "Lena Brix"),
    ],
)
def test_a_spokesperson_of_a_firm_named_by_its_word_speaks_for_the_firm(
    session: Session, editor: User, firm: str, lead: str, who: str
) -> None:
    said = story(
        session,
        editor,
        outlet="Velsund Courier",
        lead=f"{firm} said {SAID}.",
        quote=SAID,
        who=firm,
        day=0,
    )
    spoke = story(
        session,
        editor,
        outlet="Coast Radio",
        lead=lead.format(q=SAID),
        quote=SAID,
        who=who,
        day=1,
    )
    joined = claim_of(session, spoke).group_id
    assert joined is not None and joined == claim_of(session, said).group_id
    rows = {r.speaker.name: r for r in list_speakers(session)[0]}
    assert rows[who].speaks_for == firm


@pytest.mark.parametrize(
    "lead",
    [
        f"Board spokeswoman Maren Toft said {SAID}.",  # the body's last word
        f"Orlen Harbour spokeswoman Maren Toft said {SAID}.",  # its first words
    ],
)
def test_a_body_written_by_part_of_its_name_is_the_one_the_article_names(
    session: Session, editor: User, lead: str
) -> None:
    """The article names the Orlen Harbour Board (PLACE) without quoting it: the spokeswoman
    of "Harbour" speaks for it, and meets what the board said elsewhere."""
    board = claim_of(session, board_said(session, editor))
    toft = claim_of(
        session,
        story(
            session, editor, outlet="Coast Radio", lead=lead, quote=SAID, who="Maren Toft", day=1
        ),
    )
    voice = session.exec(
        select(SpeakerVoice).where(SpeakerVoice.speaker_id == toft.speaker_id)
    ).one()
    assert voice.voice_id == board.speaker_id
    assert toft.group_id is not None and toft.group_id == board.group_id
