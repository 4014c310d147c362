"""article names without titles, shortened months or numbers; their story keys again

What an article is about (Article.topics, factcheck.comparable.topics) no longer counts a
title ("Foreign Minister"), a dateline's shortened month ("Oct") or a number written out
("Forty-two") as a name (issue #10 §3/§4, session 16): two stories of one region in one week
shared those words and were taken for one, their look-alike figures grouped. This revision
recomputes the names of every stored article, a batch at a time, and writes again the story
keys (factcheck.storylink) of those whose names changed. Articles keep their stories and
claims their groups; what is grouped and placed from now on reads the new names. Safe to run
again.

Like 0011 it reads the tables through the current models: a later revision that adds
columns to them must move this step after itself.

Revision ID: 0033
Revises: 0032
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op
from sqlmodel import Session

revision: str = "0033"
down_revision: str | None = "0032"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from factcheck.storylink import name_again  # the names are factcheck's own

    session = Session(bind=op.get_bind())
    name_again(session)
    session.commit()  # joined to alembic's transaction: alembic makes the real commit


def downgrade() -> None:
    """Names are data, not schema: the articles keep the names they have."""
