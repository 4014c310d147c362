"""re-key measures: one key per fact (crews, pay raises, homes lost, releases), scales, gaps

The measure key of a figure changed (issue #10 §3/§5, session 10): "12 crew members" keys
``crew`` like "a crew of nine"; "a 4.5 percent raise" keys ``pay`` like "a pay rise";
"seventeen houses were lost" keys ``destroyed home`` like "17 homes destroyed"; "143
Halvorians returned" and "150 Halvorian prisoners freed" both key ``halvorian released``; "a
prison term", "a 7-year sentence" key ``sentence``; a scale named beside a figure is its key
("a magnitude 6.1 earthquake": ``magnitude``); a gap word beside a count marks its key ("180,000
doses short", "the shortfall is 180,000 doses": ``dose short``); "not been accounted for" is
``missing``. Like 0015, 0016 and 0019 this revision runs factcheck.groups.rekey_stored (what
`factcheck groups --rebuild` runs too), one event per moved claim; then, like 0018, it
recomputes every story's disputes (factcheck.disputes.refresh_all), whose rule changed with it:
durations of a named outcome, running counts, changes, a figure said on a named day. Safe to
run again.

Like 0011 it reads the tables through the current models: a later revision that adds
columns to them must move this step after itself. It follows 0022 (organisation heads, made
at the same time off 0019) for that reason: numbers are names, the chain is 0019, 0022, 0021.

Revision ID: 0021
Revises: 0022
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op
from sqlmodel import Session

revision: str = "0021"
down_revision: str | None = "0022"
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
    """Keys are data, not schema: the figures keep the keys they have."""
