"""re-key measures: light verbs, one act under two verbs, people who left, ages

The measure key of a figure changed (issue #10 §2/§3, session 13): a light verb beside the
counted noun no longer parts its key ("twelve hundred rockets came over" keys ``rocket``
like "1,200 rockets"), "launched" is "fired", "employs" counts employees, vessels are ships,
and a count of people who left a place counts the displaced; see
factcheck.comparable.measure_key. An age was stored as a duration (its days filled: "a
nine-year-old" 3,285 days) and keyed ``n|*|day``; the extractor now gives it none, so this
revision clears the days of every stored age (measure "age", or "old" for "58 years old",
whose measure becomes "age" as the extractor now writes it) before re-keying.

Like 0025 it then runs factcheck.groups.rekey_stored (what `factcheck groups --rebuild`
runs too; the rebuild alone leaves stored ages their days), one event per moved claim, and
recomputes every story's disputes (factcheck.disputes.refresh_all). Safe to run again.

Like 0011 it reads the tables through the current models: a later revision that adds
columns to them must move this step after itself.

Revision ID: 0030
Revises: 0028
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op
from sqlmodel import Session, col, update

revision: str = "0030"
down_revision: str | None = "0028"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from factcheck.disputes import refresh_all  # the dispute rule is factcheck's own
    from factcheck.groups import rekey_stored  # the key rules are factcheck's own
    from factcheck.models import Claim, ClaimKind

    session = Session(bind=op.get_bind())
    ages = update(Claim).where(
        col(Claim.kind) == ClaimKind.NUMERIC,
        col(Claim.unit) == "year",
        col(Claim.measure).in_(["age", "old"]),
    )
    session.exec(ages.values(measure="age", days=None))
    rekey_stored(session, by=None)
    refresh_all(session)
    # Its commit hooks write the moved figures' counts and triage points; joined to
    # alembic's transaction, it leaves the real commit to alembic.
    session.commit()


def downgrade() -> None:
    """Keys are data, not schema: the figures keep the keys and days they have."""
