"""disputed figures: outlets of one story that report one fact with values apart

Two figures of one story and key, of one as-of day, from different outlets, whose stated
intervals do not meet are in dispute (factcheck.comparable's docstring): a group in dispute
has its ``conflict`` flag set, and a lone figure in dispute becomes a group of one
(factcheck.disputes). This revision does that for the figures stored before. It adds no
index: a story's figures are found through ``article.story_id`` and the claims' index on
``(measure_key, article_id)``. Safe to run again.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel import Session

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from factcheck.disputes import refresh_all  # the dispute rule is factcheck's own

    session = Session(bind=op.get_bind())
    refresh_all(session)
    # Its commit hooks rescore the triage points of the flagged groups' claims; joined to
    # alembic's transaction, it leaves the real commit to alembic.
    session.commit()


def downgrade() -> None:
    # Before 0018 a group held two figures or more, and was in conflict only inside itself.
    op.execute(
        "UPDATE claim SET group_id = NULL WHERE group_id IN "
        "(SELECT id FROM claimgroup WHERE size < 2)"
    )
    op.execute("DELETE FROM claimgroup WHERE size < 2")
    groups = sa.table(
        "claimgroup", sa.column("lo", sa.Float), sa.column("hi", sa.Float), sa.column("conflict")
    )
    op.execute(
        sa.update(groups).values(
            conflict=sa.and_(
                groups.c.lo.is_not(None), groups.c.hi.is_not(None), groups.c.lo > groups.c.hi
            )
        )
    )
