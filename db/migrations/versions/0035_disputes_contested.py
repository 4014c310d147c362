"""disputes: an article that sets one side's figure against the other's reports a dispute

The dispute rule changed (issue #10 §3/§5, session 17; factcheck.comparable): an article that
gives figures of both sides of one fact still tells two facts, unless it sets one against the
other ("Aurex rejects the figure of 23 deaths …; the company has confirmed 17", "close to 300
people, not the 212 the operator says": comparable.contests), when the other outlets' figures
of the two sides dispute as any do; and a ratio ("30 prisoners for each captive") is no count
to dispute. This revision recomputes every story's disputes (factcheck.disputes.refresh_all);
no key changes. Safe to run again.

Like 0011 it reads the tables through the current models: a later revision that adds
columns to them must move this step after itself.

Revision ID: 0035
Revises: 0034
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op
from sqlmodel import Session

revision: str = "0035"
down_revision: str | None = "0034"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from factcheck.disputes import refresh_all  # the dispute rule is factcheck's own

    session = Session(bind=op.get_bind())
    refresh_all(session)
    # Its commit hooks write the flagged groups' counts and triage points; joined to
    # alembic's transaction, it leaves the real commit to alembic.
    session.commit()


def downgrade() -> None:
    """Flags are data, not schema: they follow the rule of the code that runs (`factcheck
    groups --rebuild` recomputes them)."""
