"""dashboard indexes: article counts walked newest first, verdicts awaiting sign-off apart

The Dashboard's claims table lists the claims of the newest articles under the filter. It
made a list of every article of the dates chosen (a year: 50,000 articles at a million
claims) and sorted their claims, so it grew with the archive. It now walks the article
counts from the newest date down and stops at the claims it shows: (day, article_id) serves
the date range, (outlet_id, day, article_id) an outlet with it. They replace (day,
outlet_id), which the first covers.

Every page's sidebar counts the verdicts awaiting sign-off. The (proposed_status,
proposed_at) index held every claim, nearly all with no proposal, and SQLite's planner read
the whole claim table instead (0.2 s a page at a million claims). A partial index of the
proposed claims alone replaces it: the planners see how few they are, and ingest writes no
entry for a new claim.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COUNT_OLD = {"ix_article_count_day_outlet": ["day", "outlet_id"]}
COUNT_NEW = {
    "ix_article_count_day": ["day", "article_id"],
    "ix_article_count_outlet_day": ["outlet_id", "day", "article_id"],
}
PROPOSED = sa.text("proposed_status IS NOT NULL")


def upgrade() -> None:
    for name, columns in COUNT_NEW.items():
        op.create_index(name, "article_count", columns)
    for name in COUNT_OLD:
        op.drop_index(name, table_name="article_count")
    op.create_index(
        "ix_claim_awaiting",
        "claim",
        ["proposed_at", "id"],
        sqlite_where=PROPOSED,
        postgresql_where=PROPOSED,
    )
    op.drop_index("ix_claim_proposed", table_name="claim")
    for table in ("article_count", "claim"):  # SQLite's planner needs statistics on them
        op.execute(f"ANALYZE {table}")


def downgrade() -> None:
    op.create_index("ix_claim_proposed", "claim", ["proposed_status", "proposed_at"])
    op.drop_index("ix_claim_awaiting", table_name="claim")
    for name, columns in COUNT_OLD.items():
        op.create_index(name, "article_count", columns)
    for name in COUNT_NEW:
        op.drop_index(name, table_name="article_count")
