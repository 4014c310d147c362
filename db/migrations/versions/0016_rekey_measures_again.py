"""re-key measures: what a count of people underwent, not what they did

The measure key of a figure changed again (issue #11, "what is counted"): a verb that is no
measure word no longer enters the key ("2,140 residents spent the night in shelters" counts
``displaced``, no longer ``resident spent``); people sent to an event keep their own noun
("400 rescue workers" counts ``rescuer``, no longer ``rescued``); "lost" counts deaths only
when people or lives were lost ("lost $4 million" no longer keys as ``killed``); hospital
admissions and treatment share ``hospitalised``. Figures stored before keep their old keys
until re-keyed: like 0015 this revision runs factcheck.groups.rekey_stored (what `factcheck
groups --rebuild` runs too), one event per moved claim; safe to run again.

Like 0011 it reads the tables through the current models: a later revision that adds
columns to them must move this step after itself.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op
from sqlmodel import Session

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from factcheck.groups import rekey_stored  # the key rules are factcheck's own

    session = Session(bind=op.get_bind())
    rekey_stored(session, by=None)
    # Its commit hooks write the moved figures' counts and triage points; joined to
    # alembic's transaction, it leaves the real commit to alembic.
    session.commit()


def downgrade() -> None:
    """Keys are data, not schema: the figures keep the keys they have."""
