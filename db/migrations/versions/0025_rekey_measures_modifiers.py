"""re-key measures: modifiers before a counted noun, acts named by noun or verb

The measure key of a figure changed (issue #10 §2/§3, session 11): a word written right
before a counted noun that only qualifies it no longer parts its key ("14 shell companies"
keys ``company`` like "14 companies"; "emergency shelters" ``shelter``), and an act named by
its noun, its -ing form or its participle keys one way ("the diversion of 312 million
crowns" and "diverting 312 million crowns" both ``crown diverted``); see
factcheck.comparable.measure_key. Like 0015, 0016, 0019 and 0021 this revision runs
factcheck.groups.rekey_stored (what `factcheck groups --rebuild` runs too), one event per
moved claim; then, like 0021, it recomputes every story's disputes
(factcheck.disputes.refresh_all), since figures that now share a key may dispute. Safe to
run again.

Like 0011 it reads the tables through the current models: a later revision that adds
columns to them must move this step after itself.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op
from sqlmodel import Session

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from factcheck.disputes import refresh_all  # the dispute rule is factcheck's own
    from factcheck.groups import rekey_stored  # the key rules are factcheck's own

    session = Session(bind=op.get_bind())
    rekey_stored(session, by=None)
    refresh_all(session)
    # Its commit hooks write the moved figures' counts and triage points; joined to
    # alembic's transaction, it leaves the real commit to alembic.
    session.commit()


def downgrade() -> None:
    """Keys are data, not schema: the figures keep the keys they have."""
