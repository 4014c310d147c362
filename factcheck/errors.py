"""Every error a user of factcheck can see. Each message says what went wrong and what to do.

FactcheckError
├── BadInput        the input was refused; nothing was written
│   └── FetchFailed a URL could not be fetched (unreachable, 404, not HTML, too big)
├── NotFound        no such article, claim, user ...
├── Duplicate       this already exists (same article text, same e-mail ...)
├── Conflict        someone else changed it since you loaded it; nothing was written
├── Locked          the claim is published: only a correction (with a reason) changes it
├── NotAllowed      your role does not allow this action
├── LoginFailed     wrong e-mail or password, or the account is disabled
└── NotReady        the database has no factcheck schema yet (run `factcheck init`)
"""

from __future__ import annotations


class FactcheckError(Exception):
    """Base of every error a user can see. Message: what went wrong and what to do."""


class BadInput(FactcheckError):
    """The input was refused; nothing was written."""


class FetchFailed(BadInput):
    """A URL could not be fetched."""


class NotFound(FactcheckError):
    """The thing asked for does not exist."""


class Duplicate(FactcheckError):
    """The thing to add already exists."""

    def __init__(self, message: str, *, existing_id: int | None = None) -> None:
        super().__init__(message)
        self.existing_id = existing_id


class Conflict(FactcheckError):
    """Someone else changed the record since the caller read it; nothing was written."""

    def __init__(self, message: str, *, current_version: int | None = None) -> None:
        super().__init__(message)
        self.current_version = current_version


class Locked(FactcheckError):
    """The claim is published; the normal actions cannot change it, a correction can."""


class NotAllowed(FactcheckError):
    """The user's role does not allow the action."""


class LoginFailed(FactcheckError):
    """Wrong credentials, or a disabled account."""


class NotReady(FactcheckError):
    """The database is missing or behind the schema; `factcheck init` sets it up."""
