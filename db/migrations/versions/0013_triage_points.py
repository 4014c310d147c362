"""triage points: the queue reads a page's few candidates instead of every unreviewed claim

The triage queue scored every unreviewed claim to show 50 (1.8 s at a million claims on
PostgreSQL). Claims now store the sum of the score's terms that do not depend on the clock
(``triage_points``, kept by the services, see factcheck.triage), and ``ix_claim_queue``
(status, points descending, ID, article) lets the queue walk them best first; it replaces
``ix_claim_triage``, which only made the full scan narrower. ``ix_claim_article_queue``
(article, status, points) finds a recent article's claims that can reach a page; it
replaces ``ix_claim_article_id``, whose lookups it serves as well. The points of the claims
already stored are computed here with factcheck.triage.refresh_points (the code the services
run), so a later change of the terms' points calls it again in its own revision.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel import Session

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TRIAGE_OLD = [
    "status",
    "priority",
    "kind",
    "qualifier",
    "attribution",
    "speaker_id",
    "value",
    "article_id",
]


def upgrade() -> None:
    from factcheck.triage import refresh_points  # the score's terms are factcheck's own

    op.add_column(
        "claim", sa.Column("triage_points", sa.Integer(), server_default="0", nullable=False)
    )
    # Indexed before the points are written: an index built after a bulk update in the same
    # transaction is unusable on PostgreSQL while any older transaction runs (indcheckxmin).
    op.create_index(
        "ix_claim_queue", "claim", ["status", sa.text("triage_points DESC"), "id", "article_id"]
    )
    op.create_index("ix_claim_article_queue", "claim", ["article_id", "status", "triage_points"])
    session = Session(bind=op.get_bind())
    refresh_points(session)
    session.flush()
    op.drop_index("ix_claim_triage", table_name="claim")
    op.drop_index("ix_claim_article_id", table_name="claim")
    op.execute("ANALYZE claim")


def downgrade() -> None:
    op.create_index("ix_claim_article_id", "claim", ["article_id"])
    op.drop_index("ix_claim_article_queue", table_name="claim")
    op.create_index("ix_claim_triage", "claim", TRIAGE_OLD)
    op.drop_index("ix_claim_queue", table_name="claim")
    op.drop_column("claim", "triage_points")  # SQLite drops a column in place since 3.35
