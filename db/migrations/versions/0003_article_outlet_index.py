"""article index on (outlet_id, id)

The dashboard's status-by-outlet query joins every claim to its article's outlet. With
(outlet_id, id) in one index PostgreSQL reads that pair from the index alone instead of the
article table (texts included); it replaces the single-column index on outlet_id, which it
covers. SQLite keeps the row id in every index, so there it changes nothing but the name.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_article_outlet_id_id", "article", ["outlet_id", "id"], unique=False)
    op.drop_index("ix_article_outlet_id", table_name="article")


def downgrade() -> None:
    op.create_index("ix_article_outlet_id", "article", ["outlet_id"], unique=False)
    op.drop_index("ix_article_outlet_id_id", table_name="article")
