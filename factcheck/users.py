"""Accounts: create, authenticate, list, enable and disable users."""

from __future__ import annotations

import re
from collections.abc import Sequence

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, col, func, select

from factcheck.audit import add_recorded, record
from factcheck.db import check_lengths
from factcheck.errors import BadInput, Duplicate, LoginFailed, NotFound
from factcheck.logins import end_sessions
from factcheck.models import Role, User
from factcheck.permissions import Action, require

_hasher = PasswordHasher()
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD = 8


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
    if password is not None and len(password) < MIN_PASSWORD:
        raise BadInput(f"The password is too short; use at least {MIN_PASSWORD} characters.")
    name = display_name.strip() or address.split("@")[0]
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

    Every login session of the account ends (its other browsers must log in again).
    """
    user = get_user(session, email=email)
    if by is not None:
        require(by, Action.MANAGE_USERS)
    elif old_password is None or user.password_hash is None:
        raise BadInput(
            f"Give the current password of {user.email}, or have an admin reset it with "
            "--by ADMIN_EMAIL."
        )
    else:
        authenticate(session, email=user.email, password=old_password)
    if len(password) < MIN_PASSWORD:
        raise BadInput(f"The password is too short; use at least {MIN_PASSWORD} characters.")
    record(
        session,
        by=by or user,
        action="user.password",
        entity="user",
        entity_id=user.id,
        after={"email": user.email},
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


def authenticate(session: Session, *, email: str, password: str) -> User:
    """The active user with these credentials; LoginFailed (one message for all causes)."""
    user = session.exec(select(User).where(User.email == email.strip().lower())).first()
    failed = LoginFailed("Wrong e-mail or password, or the account is disabled.")
    if user is None or user.password_hash is None or not user.active:
        raise failed
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise failed from None
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
