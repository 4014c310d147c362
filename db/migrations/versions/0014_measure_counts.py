"""measure counts: the dashboard's figures found through the measure keys that exist

A search of the figures ("figures about hostages") walked the articles from the newest down,
reading their numeric claims until 2,000 matched: 0.34-0.44 s at five million claims, and a
measure no claim has read every numeric claim under the filter (2.2 s at a million). Two
count tables, written by factcheck.counts in the transaction of every claim write, answer it
now: ``measure_total`` holds the measure keys that exist (a search resolves to a few of
them, or to none and answers at once) and ``measure_count`` each key's figures per article
with the article's date and outlet, walked from the newest down (measure_key, day) until the
figures shown are found. This migration fills them for the claims already stored.

Each article found gives its figures of the key through a claim index on (measure_key,
article_id, start), which replaces the one on measure_key alone (nothing else searched it):
only the figures shown are read from the claim table, and ingest writes no extra index.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from factcheck.counts import rebuild

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("measure_total", "measure_count")
INDEXES = {
    "ix_measure_count_day": ["measure_key", "day", "article_id"],
    "ix_measure_count_outlet_day": ["measure_key", "outlet_id", "day", "article_id"],
}


def upgrade() -> None:
    op.create_table(
        "measure_total",
        sa.Column("measure_key", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("measure_key"),
    )
    op.create_table(
        "measure_count",
        sa.Column("measure_key", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("article_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("measure_key", "article_id"),
    )
    rebuild(op.get_bind(), only=TABLES)
    for name, columns in INDEXES.items():  # after the fill: one sort each
        op.create_index(name, "measure_count", columns)
    op.create_index("ix_claim_measure_article", "claim", ["measure_key", "article_id", "start"])
    op.drop_index("ix_claim_measure_key", table_name="claim")
    for table in (*TABLES, "claim"):  # the planners need statistics to pick the new indexes
        op.execute(f"ANALYZE {table}")


def downgrade() -> None:
    op.create_index("ix_claim_measure_key", "claim", ["measure_key"])
    op.drop_index("ix_claim_measure_article", table_name="claim")
    for table in TABLES:
        op.drop_table(table)
