"""article names without the words that make a name a body's; their story keys again

What an article is about (Article.topics, factcheck.comparable.topics) no longer counts the
word that makes a name an organisation's ("Authority" of "the Tessel Dam Authority",
"Ministry", "Agency", "Council": people.ORG_WORDS and BODY_NOUNS) as a name (issue #10 §4,
session 17): two stories of one country in one month, each quoting its own authority, shared
the country and "authority" and were taken for one, their look-alike figures grouped. Like
0033 this revision computes the names of every stored article again (storylink.name_again)
and writes the story keys of those whose names changed; articles keep their stories and
claims their groups. A database upgraded past 0033 by this code already has these names, and
this revision then changes nothing. Safe to run again.

Like 0011 it reads the tables through the current models: a later revision that adds
columns to them must move this step after itself.

Revision ID: 0034
Revises: 0033
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op
from sqlmodel import Session

revision: str = "0034"
down_revision: str | None = "0033"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from factcheck.storylink import name_again  # the names are factcheck's own

    session = Session(bind=op.get_bind())
    name_again(session)
    session.commit()  # joined to alembic's transaction: alembic makes the real commit


def downgrade() -> None:
    """Names are data, not schema: the articles keep the names they have."""
