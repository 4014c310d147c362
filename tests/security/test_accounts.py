"""Issue 12, item 7: log-ins are throttled, do not tell which accounts exist, and weak
passwords are refused (user add, password change, and so the login page's accounts)."""

from __future__ import annotations

import contextlib
import time
from datetime import timedelta

import pytest
from sqlmodel import Session, col, select

from factcheck.errors import BadInput, LoginFailed, NotAllowed
from factcheck.models import Event, LoginFailure, Role, User
from factcheck.users import add_user, authenticate, set_password
from tests.factories import count, make_user

RIGHT = "correct horse battery"
WRONG = "Wrong e-mail or password, or the account is disabled."


def test_forty_wrong_passwords_then_the_right_one_is_still_refused(session: Session) -> None:
    user = make_user(session, role=Role.REVIEWER, password=RIGHT)
    answers = []
    for n in range(40):
        with pytest.raises(LoginFailed) as refused:
            authenticate(session, email=user.email, password=f"guess number {n}", client="10.9.8.7")
        answers.append(str(refused.value))
    assert answers[:5] == [WRONG] * 5
    assert all(a.startswith("Too many failed log-ins") for a in answers[6:])
    assert "wait" in answers[-1] and "doubles" in answers[-1]
    with pytest.raises(LoginFailed, match="Too many failed log-ins .* wait"):
        authenticate(session, email=user.email, password=RIGHT, client="10.9.8.7")
    # Throttled tries are not even checked, so few failures were counted.
    assert count(session, LoginFailure) < 10


def test_the_wait_grows_and_then_the_right_password_works(session: Session) -> None:
    user = make_user(session, role=Role.REVIEWER, password=RIGHT)
    for n in range(7):
        with contextlib.suppress(LoginFailed):
            authenticate(session, email=user.email, password=f"nope {n}")
        _age_failures(session, timedelta(seconds=30))  # as if the reviewer waited meanwhile
    said = []
    for n in range(3):
        with pytest.raises(LoginFailed) as refused:
            authenticate(session, email=user.email, password=f"again {n}")
        said.append(str(refused.value))
    # 7 failures, the last 30 s ago: the 8th is checked (and fails), then 2**3 s to wait.
    assert said[0] == WRONG
    assert said[1].startswith("Too many failed log-ins for this account or from this computer;")
    assert "wait 8 s" in said[1] and "wait 8 s" in said[2]
    _age_failures(session, timedelta(minutes=16))
    assert authenticate(session, email=user.email, password=RIGHT).id == user.id
    assert count(session, LoginFailure) == 0  # a success clears the account's failures


def _age_failures(session: Session, by: timedelta) -> None:
    for failure in session.exec(select(LoginFailure)).all():
        failure.at -= by
        session.add(failure)
    session.commit()


def test_one_client_guessing_many_accounts_is_slowed_down(session: Session) -> None:
    make_user(session, role=Role.REVIEWER, password=RIGHT)
    said = []
    for n in range(25):
        with pytest.raises(LoginFailed) as refused:
            authenticate(session, email=f"guess{n}@newsroom.test", password="x", client="9.9.9.9")
        said.append(str(refused.value))
    assert said[:20] == [WRONG] * 20
    assert said[-1].startswith("Too many failed log-ins")
    # Another browser is not held up by this one.
    with pytest.raises(LoginFailed, match=WRONG):
        authenticate(session, email="guess1@newsroom.test", password="x", client="8.8.4.4")


def test_unknown_and_known_e_mails_answer_alike(session: Session) -> None:
    user = make_user(session, role=Role.REVIEWER, password=RIGHT)

    def timed(email: str) -> tuple[float, str]:
        started = time.perf_counter()
        with pytest.raises(LoginFailed) as refused:
            authenticate(session, email=email, password="not it at all", client=email)
        return time.perf_counter() - started, str(refused.value)

    timed(user.email)  # warm up the dummy hash
    known = [timed(user.email) for _ in range(3)]
    unknown = [timed("nobody@newsroom.test") for _ in range(3)]
    assert {m for _, m in known} == {m for _, m in unknown} == {WRONG}
    ratio = min(t for t, _ in unknown) / min(t for t, _ in known)
    assert 0.5 < ratio < 2, f"unknown/known time ratio {ratio:.2f}"


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("password", "The password is too weak: This is a top-10 common password"),
        ("aaaaaaaa", "The password is too weak: Repeats like"),
        ("        ", "The password is too weak"),
        ("abc", "The password is too short (3 characters); use at least 8 characters"),
        ("Summer2024!", "The password is too weak"),
        ("qwertyuiop", "The password is too weak"),
        ("12345678", "The password is too weak"),
    ],
)
def test_weak_passwords_are_refused_and_nothing_is_written(
    session: Session, password: str, message: str
) -> None:
    admin = make_user(session, role=Role.ADMIN)
    users, events = count(session, User), count(session, Event)
    with pytest.raises(BadInput, match=message.replace("(", r"\(").replace(")", r"\)")):
        add_user(
            session,
            email="ana.newsroom@newsroom.test",
            role=Role.REVIEWER,
            password=password,
            by=admin,
        )
    with pytest.raises(BadInput, match="The password is too"):
        set_password(session, email=admin.email, password=password, by=admin)
    assert (count(session, User), count(session, Event)) == (users, events)


def test_a_password_made_of_the_e_mail_is_refused(session: Session) -> None:
    admin = make_user(session, role=Role.ADMIN)
    with pytest.raises(BadInput, match="The password is too weak"):
        add_user(
            session, email="ana.newsroom@newsroom.test", role=Role.REVIEWER,
            password="ana.newsroom", by=admin,
        )  # fmt: skip


def test_a_password_change_keeps_the_policy_and_the_roles(session: Session) -> None:
    reviewer = make_user(session, role=Role.REVIEWER, password=RIGHT)
    other = make_user(session, role=Role.REVIEWER)
    set_password(session, email=reviewer.email, password="tidal marble fox lantern", by=reviewer)
    assert authenticate(session, email=reviewer.email, password="tidal marble fox lantern")
    with pytest.raises(NotAllowed):
        set_password(session, email=other.email, password="tidal marble fox lantern", by=reviewer)
    (event,) = session.exec(select(Event).where(col(Event.action) == "user.password")).all()
    assert event.after == {"password": "changed"}  # never the password or its hash


def test_user_password_on_the_command_line_keeps_the_policy(sqlite_db: str) -> None:
    from tests.test_cli import factcheck

    add = factcheck(
        sqlite_db, "user", "add", "chief@desk.org", "--role", "admin", "--password-stdin",
        stdin="tidal marble fox lantern\n",
    )  # fmt: skip
    assert add.returncode == 0, add.stderr
    weak = factcheck(
        sqlite_db, "user", "password", "chief@desk.org", "--by", "chief@desk.org",
        "--password-stdin", stdin="password\n",
    )  # fmt: skip
    assert weak.returncode == 1
    assert "The password is too weak: This is a top-10 common password." in weak.stderr
    assert "Traceback" not in weak.stderr
    good = factcheck(
        sqlite_db, "user", "password", "chief@desk.org", "--by", "chief@desk.org",
        "--password-stdin", stdin="quiet harbour seven ropes\n",
    )  # fmt: skip
    assert good.returncode == 0 and "New password set for chief@desk.org" in good.stdout
