"""speaker voices: a person who speaks for an organisation

``speakervoice`` holds, for a speaker, the speaker it speaks for ("Ana Ruiz, a spokeswoman
for the port authority"), read from the articles at ingest or set by an editor (issue #10
§1, §3): attributed claims of the two are compared with each other. A table of its own, not a
column of ``speaker``: revisions 0011, 0015 and 0016 read the speaker table through the
current models. Links are read from articles ingested from now on; articles stored before
keep their claims' keys.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "speakervoice",
        sa.Column("speaker_id", sa.Integer(), sa.ForeignKey("speaker.id"), primary_key=True),
        sa.Column("voice_id", sa.Integer(), sa.ForeignKey("speaker.id"), nullable=True),
        sa.Column("role", sa.String(length=60), nullable=False, server_default=""),
        sa.Column("by_hand", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_speakervoice_voice_id", "speakervoice", ["voice_id"])


def downgrade() -> None:
    op.drop_index("ix_speakervoice_voice_id", table_name="speakervoice")
    op.drop_table("speakervoice")
