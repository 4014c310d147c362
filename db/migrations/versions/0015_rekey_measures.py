"""re-key measures: stored figures take the measure keys of the current rules

The measure key of a figure changed (issue #10): what people underwent outweighs who they
were ("41 miners were killed" counts ``killed``, no longer ``killed miner``), and a count of
people alone takes its measure from its clause ("Forty-one miners are now confirmed dead").
Figures stored before keep their old keys, and so their old groups and measure counts, until
re-keyed: this revision runs factcheck.groups.rekey_stored (what `factcheck groups
--rebuild` runs too), which moves each figure whose keys changed to the group it now
belongs to and its measure counts with it, one event per moved claim. Safe to run again:
a figure whose keys are current is left alone.

Like 0011 it reads the tables through the current models: a later revision that adds
columns to them must move this step after itself.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op
from sqlmodel import Session

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from factcheck.groups import rekey_stored  # the key rules are factcheck's own

    session = Session(bind=op.get_bind())
    rekey_stored(session, by=None)
    # Its commit hooks write the moved figures' counts and triage points; joined to
    # alembic's transaction, it leaves the real commit to alembic.
    session.commit()


def downgrade() -> None:
    """Keys are data, not schema: the figures keep the keys they have."""
