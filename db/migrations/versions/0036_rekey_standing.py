"""re-key measures: words that say how a figure stands; people counted "as" a state

The measure key of a figure changed (issue #10 §2, session 17): words that say how a figure
stands or is kept ("the true number", "the real toll", "the agency lists 31": measures.STANDING)
no longer part it, so "the real toll is closer to 300" keys ``killed`` like "300 dead", and the
extractor reads what a source counts people as ("lists 31 people as missing": ``missing``; for
articles ingested from now on). Like 0032 it runs factcheck.groups.rekey_stored (one event
per moved claim), then factcheck.groups.group_stored over the claims stored in no group, and
recomputes every story's disputes (factcheck.disputes.refresh_all). Groups already made and
claims taken out of a group by hand stay as they are. Safe to run again.

Like 0011 it reads the tables through the current models: a later revision that adds
columns to them must move this step after itself.

Revision ID: 0036
Revises: 0035
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op
from sqlmodel import Session

revision: str = "0036"
down_revision: str | None = "0035"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from factcheck.disputes import refresh_all  # the dispute rule is factcheck's own
    from factcheck.groups import group_stored, rekey_stored  # so are the key rules

    session = Session(bind=op.get_bind())
    rekey_stored(session, by=None)
    group_stored(session)
    refresh_all(session)
    # Its commit hooks write the moved figures' counts and triage points; joined to
    # alembic's transaction, it leaves the real commit to alembic.
    session.commit()


def downgrade() -> None:
    """Keys are data, not schema: the figures keep the keys they have."""
