"""security: login throttling table, audit trail safe from REPLACE and TRUNCATE

- login_failure: failed log-ins of the last day, per account and per client, so a growing
  delay slows password guessing across sessions, processes and restarts.
- SQLite: ``INSERT OR REPLACE INTO event`` with an existing id deleted and rewrote the event
  (a REPLACE's delete does not fire delete triggers); an insert trigger now refuses any
  existing id.
- PostgreSQL: ``TRUNCATE event`` removed the whole trail; a statement trigger refuses it.
- outlet.key, speaker.key: the identity of a name (``factcheck.names.name_key``), so names
  that differ by invisible, bidi or case characters are one outlet or speaker.

Revision ID: 0006
Revises: 0007
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0006"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _add_keys() -> None:
    from factcheck.names import name_key

    bind = op.get_bind()
    for table, length in (("outlet", 200), ("speaker", 300)):
        # A plain ADD COLUMN (with a default for the rows already there): a batch rebuild of
        # the table would break the dashboard views that read it on SQLite.
        op.add_column(
            table,
            sa.Column(
                "key",
                sqlmodel.sql.sqltypes.AutoString(length=length),
                nullable=False,
                server_default="",
            ),
        )
        rows = bind.execute(sa.text(f"SELECT id, name FROM {table}")).all()
        for row_id, name in rows:
            bind.execute(
                sa.text(f"UPDATE {table} SET key = :key WHERE id = :id"),
                {"key": name_key(name)[:length], "id": row_id},
            )
        if bind.dialect.name != "sqlite":
            op.alter_column(table, "key", server_default=None)
        op.create_index(f"ix_{table}_key", table, ["key"], unique=False)


def upgrade() -> None:
    _add_keys()
    op.create_table(
        "login_failure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("account", sqlmodel.sql.sqltypes.AutoString(length=320), nullable=False),
        sa.Column("client", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("login_failure", schema=None) as batch_op:
        batch_op.create_index("ix_login_failure_at", ["at"], unique=False)
        batch_op.create_index("ix_login_failure_account_at", ["account", "at"], unique=False)
        batch_op.create_index("ix_login_failure_client_at", ["client", "at"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER event_no_replace BEFORE INSERT ON event "
            "WHEN EXISTS (SELECT 1 FROM event WHERE id = NEW.id) "
            "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"
        )
    else:
        # event_append_only() (migration 0001) raises; as a statement trigger it refuses
        # TRUNCATE, including one cascading from another table.
        op.execute(
            "CREATE TRIGGER event_no_truncate BEFORE TRUNCATE ON event "
            "FOR EACH STATEMENT EXECUTE FUNCTION event_append_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS event_no_replace")
    else:
        op.execute("DROP TRIGGER IF EXISTS event_no_truncate ON event")
    with op.batch_alter_table("login_failure", schema=None) as batch_op:
        batch_op.drop_index("ix_login_failure_client_at")
        batch_op.drop_index("ix_login_failure_account_at")
        batch_op.drop_index("ix_login_failure_at")
    op.drop_table("login_failure")
    for table in ("speaker", "outlet"):
        op.drop_index(f"ix_{table}_key", table_name=table)
        op.drop_column(table, "key")  # SQLite 3.35+ drops a column in place
