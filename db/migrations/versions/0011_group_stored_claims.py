"""group stored claims: the claims stored before grouping existed join their groups

Revision 0009 gave every claim its keys but left grouping to later ingests; this revision
groups them now with factcheck.groups.group_stored (the code `factcheck groups --rebuild`
runs), oldest articles first, a batch at a time. It reads the claim, article, story and
claimgroup tables through the current models: a later revision that adds columns to them
must move this step after itself.

Revision ID: 0011
Revises: 0008
Create Date: 2026-12-05
"""

from collections.abc import Sequence

from alembic import op
from sqlmodel import Session

revision: str = "0011"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from factcheck.groups import group_stored  # the grouping rules are factcheck's own

    session = Session(bind=op.get_bind())
    group_stored(session)
    session.flush()


def downgrade() -> None:
    """Groups are data, not schema: they stay (0009's downgrade removes them)."""
