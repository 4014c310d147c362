"""disputed figures: groups of one story whose outlets report one fact with values apart

Two numeric groups of the same story and key whose figures of one as-of day, from different
outlets, state intervals that do not meet are in dispute (factcheck.comparable's docstring);
each such group's ``conflict`` flag is set (factcheck.disputes). This revision adds the index
that finds a group's rivals, ``(story_id, key)``, and sets the flag of the groups stored before.
Safe to run again.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op
from sqlmodel import Session

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from factcheck.disputes import refresh_all  # the dispute rule is factcheck's own

    op.create_index("ix_claimgroup_story_key", "claimgroup", ["story_id", "key"])
    session = Session(bind=op.get_bind())
    refresh_all(session)
    # Its commit hooks rescore the triage points of the flagged groups' claims; joined to
    # alembic's transaction, it leaves the real commit to alembic.
    session.commit()


def downgrade() -> None:
    op.drop_index("ix_claimgroup_story_key", table_name="claimgroup")
