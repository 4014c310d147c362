"""count tables

The dashboard read every claim under its filter on every cold run: 0.7-1.3 s at a million
claims, growing with the archive. These tables keep the counts it asks for (claims by article
date, outlet, kind, status and speaker; each article's claims; status changes by day and
reviewer), written by factcheck.counts in the transaction of every claim write, and this
migration fills them for the claims already stored (factcheck.counts.rebuild).

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from factcheck.counts import rebuild

revision: str = "0007"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("claim_count", "speaker_count", "speaker_total", "article_count", "status_change_count")


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True)


def _grain() -> sa.Enum:
    return _enum("ck_grain", "day", "month", "all")


def _kind() -> sa.Enum:
    return _enum("ck_claimkind", "numeric", "attributed")


def _status(name: str = "ck_status") -> sa.Enum:
    return _enum(
        name,
        "unreviewed",
        "in_review",
        "verified",
        "false",
        "misleading",
        "unverifiable",
        "not_a_claim",
    )


def _key(name: str) -> sa.Column:
    return sa.Column(name, sa.Integer(), autoincrement=False, nullable=False)


def _count(name: str = "claims") -> sa.Column:
    return sa.Column(name, sa.Integer(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "claim_count",
        sa.Column("grain", _grain(), nullable=False),
        sa.Column("period", sa.Date(), nullable=False),
        _key("outlet_id"),
        sa.Column("kind", _kind(), nullable=False),
        sa.Column("status", _status(), nullable=False),
        _count(),
        sa.PrimaryKeyConstraint("grain", "period", "outlet_id", "kind", "status"),
    )
    op.create_table(
        "speaker_count",
        _key("speaker_id"),
        sa.Column("grain", _grain(), nullable=False),
        sa.Column("period", sa.Date(), nullable=False),
        _key("outlet_id"),
        sa.Column("kind", _kind(), nullable=False),
        sa.Column("status", _status(), nullable=False),
        _count(),
        sa.PrimaryKeyConstraint("speaker_id", "grain", "period", "outlet_id", "kind", "status"),
    )
    op.create_table(
        "speaker_total", _key("speaker_id"), _count(), sa.PrimaryKeyConstraint("speaker_id")
    )
    op.create_index("ix_speaker_total_claims", "speaker_total", ["claims", "speaker_id"])
    op.create_table(
        "article_count",
        _key("article_id"),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=False),
        _count(),
        _count("numeric_claims"),
        _count("attributed_claims"),
        sa.PrimaryKeyConstraint("article_id"),
    )
    for name, columns in {
        "ix_article_count_claims": ["claims", "article_id", "day", "outlet_id"],
        "ix_article_count_numeric": ["numeric_claims", "article_id", "day", "outlet_id"],
        "ix_article_count_attributed": ["attributed_claims", "article_id", "day", "outlet_id"],
        "ix_article_count_day_outlet": ["day", "outlet_id"],
    }.items():
        op.create_index(name, "article_count", columns)
    op.create_table(
        "status_change_count",
        _key("outlet_id"),
        sa.Column("grain", _grain(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("period", sa.Date(), nullable=False),
        sa.Column("kind", _kind(), nullable=False),
        _key("actor_id"),
        sa.Column("from_status", _status("ck_from_status"), nullable=False),
        sa.Column("to_status", _status("ck_to_status"), nullable=False),
        _count("changes"),
        sa.PrimaryKeyConstraint(
            "outlet_id", "grain", "day", "period", "kind", "actor_id", "from_status", "to_status"
        ),
    )
    rebuild(op.get_bind(), only=TABLES)  # later migrations build the tables they add
    for table in TABLES:  # the planners need statistics to pick the count indexes
        op.execute(f"ANALYZE {table}")


def downgrade() -> None:
    for table in TABLES:
        op.drop_table(table)
