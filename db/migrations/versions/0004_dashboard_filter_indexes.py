"""indexes for the dashboard's filters

A filtered dashboard counted every claim and looked up its article. Now the filters on the
article (date, outlet) become ``article_id IN (SELECT id FROM article WHERE ...)``:
- article (published_at, ingested_at) serves the date, published or else ingested, as two
  ranges of one index (it replaces the index on published_at, which it covers);
- the claim indexes of the GROUP BY queries gain the columns the filters test (kind,
  article_id), so each count reads one index and never the claim rows.
The tables are analysed afterwards: without statistics on the new indexes SQLite's planner
skipped them and a filtered page took three times as long.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, old name, old columns, new name, new columns)
REPLACED = [
    ("article", "ix_article_published_at", ["published_at"],
     "ix_article_published_ingested", ["published_at", "ingested_at"]),
    ("claim", "ix_claim_article_status", ["article_id", "status"],
     "ix_claim_article_kind_status", ["article_id", "kind", "status"]),
    ("claim", "ix_claim_kind_status", ["kind", "status"],
     "ix_claim_kind_status_article", ["kind", "status", "article_id"]),
    ("claim", "ix_claim_speaker_status", ["speaker_id", "status"],
     "ix_claim_speaker_status_kind", ["speaker_id", "status", "kind", "article_id"]),
]  # fmt: skip


def upgrade() -> None:
    for table, old, _, new, columns in REPLACED:
        op.create_index(new, table, columns, unique=False)
        op.drop_index(old, table_name=table)
    for table in ("article", "claim"):
        op.execute(f"ANALYZE {table}")


def downgrade() -> None:
    for table, old, columns, new, _ in REPLACED:
        op.create_index(old, table, columns, unique=False)
        op.drop_index(new, table_name=table)
