"""re-key measures: words that say when or how a figure was made known; regroup alone figures

The measure key of a figure changed (issue #10 §2, session 16): words that say when or how a
figure was made known ("published", "announced", "overnight", "today"…: measures.MADE_KNOWN)
no longer part it, so "23 deaths published by the company" keys ``killed`` like "23 deaths",
and "killed 86 people overnight" like "killed 86". Grouping changed too: a figure an article
gives twice follows its first mention into its group (factcheck.groups._repeats), and an
amount agreeing under another measure ranks after one that names the same (groups._score).

Like 0030 it runs factcheck.groups.rekey_stored (one event per moved claim), then like 0031
factcheck.groups.group_stored over the claims stored in no group, so figures stored before it
meet as new ones do, and recomputes every story's disputes (factcheck.disputes.refresh_all).
Groups already made and claims taken out of a group by hand stay as they are. Safe to run
again.

Like 0011 it reads the tables through the current models: a later revision that adds
columns to them must move this step after itself.

Revision ID: 0032
Revises: 0031
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op
from sqlmodel import Session

revision: str = "0032"
down_revision: str | None = "0031"
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
