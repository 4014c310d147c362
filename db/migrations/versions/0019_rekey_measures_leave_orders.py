"""re-key measures: leave orders, plurals in -es, one table of irregular verb forms

The measure key of a figure changed (issue #11, session 9): "ordered/told to leave" counts
the displaced (it keyed by what followed: "12,000 people were ordered to leave their homes"
keyed as ``home``); plurals in -es fold to their singular ("buses" → ``bus``, was ``buse``;
"classes" → ``class``); every irregular verb form of factcheck/extract/lexicon/verbs.py tells
a verb from a noun in a key ("1,200 workers paid" keys ``worker``, was ``paid worker``).
Like 0015 and 0016 this revision runs factcheck.groups.rekey_stored (what `factcheck groups
--rebuild` runs too), one event per moved claim; safe to run again.

Like 0011 it reads the tables through the current models: a later revision that adds
columns to them must move this step after itself.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op
from sqlmodel import Session

revision: str = "0019"
down_revision: str | None = "0018"
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
