"""disputes: a source's newer figure supersedes its older one; lengths dispute by their thing

The dispute rule changed (issue #10 §3/§5/§7, session 12; factcheck.comparable): within one
article a figure in a later timed entry (a live blog's "15:30 - …") supersedes the figures of
its key in earlier entries, and within one outlet on one day a later article's figure
supersedes an earlier one's, so the older takes no part in a dispute; lengths, areas and
volumes dispute when both name one thing ("400 metres of track" / "a 600-metre stretch of the
line"); a planned duration takes its outcome from the verb before it ("is to close for five
months"); a figure said "yesterday" after its clause holds at that day. One key changed too:
a verb of what an event left, beside a measure word, no longer parts a key ("leaving four
people unaccounted for" keys ``missing``, as "four missing" does). Like 0025 this revision
runs factcheck.groups.rekey_stored (what `factcheck groups --rebuild` runs too), one event
per moved claim, then recomputes every story's disputes (factcheck.disputes.refresh_all).
Safe to run again.

Like 0011 it reads the tables through the current models: a later revision that adds
columns to them must move this step after itself.

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op
from sqlmodel import Session

revision: str = "0026"
down_revision: str | None = "0025"
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
    """Keys are data, not schema: the figures keep the keys they have, and flags follow the
    rule of the code that runs (`factcheck groups --rebuild` recomputes them)."""
