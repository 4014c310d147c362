"""group figures in their story: keys past the latest, counts of one noun and one value

Grouping gained a story pass (issue #10 §3, session 14, factcheck.groups._join_in_story): a
figure left alone meets its story's figures of its key, and a count the counts of its story
that give the same noun and the same value, unless the two name different outcomes
(factcheck.comparable.same_count_key). A count that names nothing counted ("41", "14,000
people"), stored with no key before, is keyed ``n||count`` (factcheck.groups.key_unmeasured)
so that it can. This revision keys those, then runs factcheck.groups.group_stored over the
claims stored in no group (what `factcheck groups --rebuild` runs too), so figures stored
before it meet as new ones do, and recomputes every story's disputes
(factcheck.disputes.refresh_all). Groups already made and claims taken out of a group by hand
stay as they are. Safe to run again.

Like 0011 it reads the tables through the current models: a later revision that adds
columns to them must move this step after itself.

Revision ID: 0031
Revises: 0030
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op
from sqlmodel import Session

revision: str = "0031"
down_revision: str | None = "0030"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from factcheck.disputes import refresh_all  # the dispute rule is factcheck's own
    from factcheck.groups import group_stored, key_unmeasured  # the rules are factcheck's own

    session = Session(bind=op.get_bind())
    key_unmeasured(session)
    group_stored(session)
    refresh_all(session)
    # Its commit hooks write the joined figures' counts and triage points; joined to
    # alembic's transaction, it leaves the real commit to alembic.
    session.commit()


def downgrade() -> None:
    """Keys and groups are data, not schema: the counts keep them."""
