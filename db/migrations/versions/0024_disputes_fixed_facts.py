"""disputes: facts fixed at one moment dispute across days

The dispute rule changed (issue #10 §3/§5, session 11): two outlets' figures of a fact fixed
at one moment ("a crew of nine" on Sunday, "12 crew members on board" on Monday; a ransom, a
price agreed; records copied in one attack) dispute whatever their days, where before only
figures of one day could (factcheck.comparable.fixed_fact). Keys do not change; like 0018 this
revision recomputes every story's disputes (factcheck.disputes.refresh_all): groups in such a
dispute are flagged and a lone figure in one becomes a group of one. Safe to run again.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op
from sqlmodel import Session

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from factcheck.disputes import refresh_all  # the dispute rule is factcheck's own

    session = Session(bind=op.get_bind())
    refresh_all(session)
    # Its commit hooks write triage points; joined to alembic's transaction, it leaves the
    # real commit to alembic.
    session.commit()


def downgrade() -> None:
    """Flags follow the rule of the code that runs: `factcheck groups --rebuild` recomputes
    them; the schema is unchanged."""
