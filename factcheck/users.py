"""Accounts: create, authenticate, list, enable and disable users; passwords and their policy.

Log-ins are slowed down per account and per client: past a few failures in the last hour,
each further try must wait twice as long as the one before (up to 15 minutes), counted in
the database so every session, process and restart sees the same count. An unknown e-mail
costs the same work as a known one (a dummy hash is verified) and is throttled the same way,
so neither the answer nor its timing tells which accounts exist.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import timedelta

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, col, func, select
from zxcvbn import zxcvbn

from factcheck.audit import add_recorded, record
from factcheck.db import check_lengths
from factcheck.errors import BadInput, Duplicate, LoginFailed, NotFound
from factcheck.logins import end_sessions
from factcheck.models import LoginFailure, Role, User, utcnow
from factcheck.permissions import Action, require

_hasher = PasswordHasher()
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD = 8
MAX_PASSWORD = 200  # longer is no safer, and the strength estimate slows down
MIN_STRENGTH = 3  # zxcvbn's score, 0-4: 3 is "safely unguessable" for an online attack
FREE_TRIES = {"account": 5, "client": 20}  # failures in WINDOW before delays start
WINDOW = timedelta(hours=1)
MAX_DELAY = timedelta(minutes=15)
KEEP_FAILURES = timedelta(days=1)
COMMAND_LINE = "command line"


def normalise_email(email: str) -> str:
    """The e-mail as stored: trimmed, lower-case; BadInput when it is not an address."""
    cleaned = email.strip().lower()
    if not _EMAIL.match(cleaned) or len(cleaned) > 320:
        raise BadInput(f"{email!r} is not an e-mail address; give one like name@newsroom.org.")
    return cleaned


def count_users(session: Session) -> int:
    """How many accounts exist (0 means the first admin is still to be created)."""
    return session.exec(select(func.count()).select_from(User)).one()


def add_user(
    session: Session,
    *,
    email: str,
    role: Role,
    display_name: str = "",
    password: str | None = None,
    by: User | None,
) -> User:
    """Create an account; ``by`` may be None only for the very first user (an admin)."""
    address = normalise_email(email)
    if by is None:
        if count_users(session):
            raise BadInput(
                "Only an admin can add users: name yourself with --by ADMIN_EMAIL "
                "(see `factcheck user list`)."
            )
        if role is not Role.ADMIN:
            raise BadInput("The first user must be an admin: add --role admin.")
    else:
        require(by, Action.MANAGE_USERS)
    if session.exec(select(User).where(User.email == address)).first():
        raise Duplicate(f"A user {address} already exists; use `factcheck user list`.")
    name = display_name.strip() or address.split("@")[0]
    if password is not None:
        check_password(password, email=address, name=name)
    check_lengths(User, {"display_name": name})
    user = User(
        email=address,
        display_name=name,
        role=role,
        password_hash=_hasher.hash(password) if password else None,
    )
    add_recorded(
        session,
        user,
        by=by or user,
        action="user.add",
        after={"email": address, "role": role.value},
    )
    session.commit()
    return user


def set_password(
    session: Session,
    *,
    email: str,
    password: str,
    by: User | None,
    old_password: str | None = None,
) -> User:
    """Give an account a new password: an admin (``by``) may, or its owner with the old one.

    The password policy (check_password) applies to every new password.

    Every login session of the account ends (its other browsers must log in again).
    """
    user = get_user(session, email=email)
    if by is not None and by.id != user.id:
        require(by, Action.MANAGE_USERS)
    elif by is not None and not by.active:
        raise LoginFailed(f"The account {by.email} is disabled; ask an admin to re-enable it.")
    elif by is None and old_password is None or user.password_hash is None:
        raise BadInput(
            f"Give the current password of {user.email}, or have an admin reset it with "
            "--by ADMIN_EMAIL."
        )
    elif by is None and old_password is not None:
        authenticate(session, email=user.email, password=old_password)
    check_password(password, email=user.email, name=user.display_name)
    record(
        session,
        by=by or user,
        action="user.password",
        entity="user",
        entity_id=user.id,
        after={"password": "changed"},
    )
    user.password_hash = _hasher.hash(password)
    session.add(user)
    end_sessions(session, user_id=user.key)
    session.commit()
    return user


def get_user(session: Session, *, email: str) -> User:
    """The user with this e-mail; NotFound otherwise."""
    user = session.exec(select(User).where(User.email == email.strip().lower())).first()
    if user is None:
        raise NotFound(f"No user {email!r}; create one with `factcheck user add {email}`.")
    return user


def check_password(password: str, *, email: str = "", name: str = "") -> None:
    """BadInput unless the password is long enough and not easily guessed (zxcvbn)."""
    if len(password) < MIN_PASSWORD:
        raise BadInput(
            f"The password is too short ({len(password)} characters); use at least "
            f"{MIN_PASSWORD} characters, for example three or four unrelated words."
        )
    if len(password) > MAX_PASSWORD:
        raise BadInput(f"The password is longer than {MAX_PASSWORD} characters; shorten it.")
    hints = [part for part in (email, email.split("@")[0], name) if part]
    verdict = zxcvbn(password, user_inputs=hints)
    if verdict["score"] < MIN_STRENGTH:
        feedback = verdict["feedback"]
        why = feedback["warning"] or "It is too easy to guess."
        tips = " ".join(feedback["suggestions"]) or "Add another word or two."
        raise BadInput(f"The password is too weak: {why.rstrip('.')}. {tips}")


@functools.cache
def _dummy_hash() -> str:
    """A hash to verify against when there is no account, so both cost the same time."""
    return _hasher.hash("no account has this password")


def _wait(session: Session, *, column: str, value: str, free: int) -> timedelta:
    """How much longer failures of this account (or client) must wait before trying again."""
    now = utcnow()
    by_value = getattr(LoginFailure, column) == value
    recent = select(func.count(), func.max(LoginFailure.at)).where(
        by_value, col(LoginFailure.at) > now - WINDOW
    )
    failures, last = session.exec(recent).one()
    if failures < free or last is None:
        return timedelta(0)
    delay = min(timedelta(seconds=2 ** (failures - free)), MAX_DELAY)
    return max(timedelta(0), last + delay - now)


def _throttled(session: Session, *, account: str, client: str) -> LoginFailed | None:
    waits = [
        _wait(session, column="account", value=account, free=FREE_TRIES["account"]),
        _wait(session, column="client", value=client, free=FREE_TRIES["client"]),
    ]
    longest = max(waits)
    if not longest:
        return None
    seconds = max(1, round(longest.total_seconds()))
    return LoginFailed(
        f"Too many failed log-ins for this account or from this computer; wait {seconds} s "
        "and try again (each failure doubles the wait)."
    )


def _record_failure(session: Session, *, account: str, client: str) -> None:
    session.add(LoginFailure(account=account, client=client))
    session.execute(sa.delete(LoginFailure).where(col(LoginFailure.at) < utcnow() - KEEP_FAILURES))
    session.commit()


def authenticate(
    session: Session, *, email: str, password: str, client: str = COMMAND_LINE
) -> User:
    """The active user with these credentials; LoginFailed (one message for all causes).

    ``client`` names where the attempt comes from (the browser's address), for throttling.
    """
    account = email.strip().lower()[:320]
    where = client[:100] or COMMAND_LINE
    refused = _throttled(session, account=account, client=where)
    if refused is not None:
        raise refused
    user = session.exec(select(User).where(User.email == account)).first() if account else None
    stored = user.password_hash if user is not None and user.active else None
    try:
        _hasher.verify(stored or _dummy_hash(), password)
        ok = stored is not None
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok or user is None:
        _record_failure(session, account=account, client=where)
        raise LoginFailed("Wrong e-mail or password, or the account is disabled.")
    session.execute(sa.delete(LoginFailure).where(col(LoginFailure.account) == account))
    session.commit()
    return user


def sso_user(session: Session, *, email: str | None) -> User:
    """The active account of someone the single-sign-on provider vouched for (by e-mail)."""
    address = (email or "").strip().lower()
    user = session.exec(select(User).where(User.email == address)).first() if address else None
    if user is None:
        raise LoginFailed(
            f"{address or 'Your sign-in'} has no factcheck account; ask an admin to run "
            f"`factcheck user add {address or 'EMAIL'} --role reviewer`."
        )
    if not user.active:
        raise LoginFailed(f"The account {address} is disabled; ask an admin to re-enable it.")
    return user


def list_users(session: Session, *, active_only: bool = False) -> Sequence[User]:
    """Every account (or every active one), by e-mail."""
    query = select(User).order_by(col(User.email))
    return session.exec(query.where(col(User.active)) if active_only else query).all()


def user_by_id(session: Session, *, user_id: int) -> User:
    """The user with this ID; NotFound otherwise."""
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(f"There is no user {user_id}; pick one from the list.")
    return user


def set_active(session: Session, *, email: str, active: bool, by: User) -> User:
    """Enable or disable an account (an admin cannot disable themselves)."""
    require(by, Action.MANAGE_USERS)
    user = get_user(session, email=email)
    if user.id == by.id and not active:
        raise BadInput("You cannot disable your own account; ask another admin.")
    if user.active != active:
        record(
            session,
            by=by,
            action="user.enable" if active else "user.disable",
            entity="user",
            entity_id=user.id,
            before={"active": user.active},
            after={"active": active},
        )
        user.active = active
        session.add(user)
        if not active:
            end_sessions(session, user_id=user.key)
        session.commit()
    return user
