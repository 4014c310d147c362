"""desk workflow: sign-off, publication, corrections, priority, inbox, webhooks

Claims gain the pending verdict (proposed_status, proposed_by_id, proposed_at), its sign-off,
publication, latest correction and a manual priority; new tables hold the desk's settings
(one row, written by admins; an upgraded database that already holds claims gets it with the
two-person rule off, so an upgrade does not change how a working desk works, while a new one
follows FACTCHECK_TWO_PERSON_RULE, on by default), the corrections log, inbox notices,
webhooks and their deliveries. ix_claim_triage holds every column the triage queue scores.

Revision ID: 0008
Revises: 0009
Create Date: 2026-12-04
"""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0008'
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FOREIGN_KEYS = ("proposed_by_id", "signed_off_by_id", "published_by_id")


@contextmanager
def views_set_aside() -> Iterator[None]:
    """On SQLite, drop the views (and claim's triggers) while batch mode rebuilds claim.

    SQLite refuses to rename the rebuilt table while a view names it; the statements are
    read back from sqlite_master, so whatever views exist come back as they were.
    """
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        yield
        return
    saved = bind.execute(
        sa.text(
            "SELECT type, name, sql FROM sqlite_master WHERE type = 'view' "
            "OR (type = 'trigger' AND tbl_name = 'claim') ORDER BY type DESC"
        )
    ).all()
    for kind, name, _ in saved:
        op.execute(f'DROP {kind.upper()} "{name}"')
    yield
    for _, _, sql in saved:
        op.execute(sql)


def upgrade() -> None:
    op.create_table('desksettings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('two_person_rule', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('webhook',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('url', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.Column('events', sa.JSON(), nullable=False),
    sa.Column('secret', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('slack', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('correction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('by_id', sa.Integer(), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['by_id'], ['user.id'], ),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('correction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_correction_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_correction_claim_id'), ['claim_id'], unique=False)

    op.create_table('delivery',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hook_id', sa.Integer(), nullable=False),
    sa.Column('event', sa.Enum('assigned', 'proposed', 'signed_off', 'sent_back', 'published', 'corrected', name='ck_noticekind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('state', sa.Enum('pending', 'delivered', 'failed', name='ck_deliverystate', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('last_code', sa.Integer(), nullable=True),
    sa.Column('last_error', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('delivered_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], ),
    sa.ForeignKeyConstraint(['hook_id'], ['webhook.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('delivery', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_delivery_hook_id'), ['hook_id'], unique=False)
        batch_op.create_index('ix_delivery_state_next', ['state', 'next_at'], unique=False)

    op.create_table('notice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('assigned', 'proposed', 'signed_off', 'sent_back', 'published', 'corrected', name='ck_noticekind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('read_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['user.id'], ),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notice_claim_id'), ['claim_id'], unique=False)
        batch_op.create_index('ix_notice_user_read', ['user_id', 'read_at', 'id'], unique=False)

    with views_set_aside(), op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.add_column(sa.Column('proposed_status', sa.Enum('unreviewed', 'in_review', 'verified', 'false', 'misleading', 'unverifiable', 'not_a_claim', name='ck_proposed_status', native_enum=False, create_constraint=True), nullable=True))
        batch_op.add_column(sa.Column('proposed_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('proposed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('signed_off_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('signed_off_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('published_url', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True))
        batch_op.add_column(sa.Column('published_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('published_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('corrected_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('priority', sa.Enum('low', 'normal', 'high', 'urgent', name='ck_priority', native_enum=False, create_constraint=True), server_default='normal', nullable=False))
        batch_op.create_index('ix_claim_proposed', ['proposed_status', 'proposed_at'], unique=False)
        batch_op.create_index('ix_claim_triage', ['status', 'priority', 'kind', 'qualifier', 'attribution', 'speaker_id', 'value', 'article_id'], unique=False)
        for column in FOREIGN_KEYS:
            batch_op.create_foreign_key(f"fk_claim_{column}_user", "user", [column], ["id"])

    settings = sa.table(
        "desksettings",
        sa.column("id", sa.Integer()),
        sa.column("two_person_rule", sa.Boolean()),
        sa.column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime()),
    )
    working = op.get_bind().execute(sa.text("SELECT 1 FROM claim LIMIT 1")).first() is not None
    if working:
        op.bulk_insert(
            settings, [{"id": 1, "two_person_rule": False, "updated_at": datetime.now(UTC)}]
        )
    op.execute("ANALYZE claim")


def downgrade() -> None:
    with views_set_aside(), op.batch_alter_table('claim', schema=None) as batch_op:
        for column in FOREIGN_KEYS:
            batch_op.drop_constraint(f"fk_claim_{column}_user", type_="foreignkey")
        for check in ("ck_priority", "ck_proposed_status"):
            batch_op.drop_constraint(check, type_="check")
        batch_op.drop_index('ix_claim_triage')
        batch_op.drop_index('ix_claim_proposed')
        batch_op.drop_column('priority')
        batch_op.drop_column('corrected_at')
        batch_op.drop_column('published_by_id')
        batch_op.drop_column('published_at')
        batch_op.drop_column('published_url')
        batch_op.drop_column('signed_off_at')
        batch_op.drop_column('signed_off_by_id')
        batch_op.drop_column('proposed_at')
        batch_op.drop_column('proposed_by_id')
        batch_op.drop_column('proposed_status')

    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.drop_index('ix_notice_user_read')
        batch_op.drop_index(batch_op.f('ix_notice_claim_id'))

    op.drop_table('notice')
    with op.batch_alter_table('delivery', schema=None) as batch_op:
        batch_op.drop_index('ix_delivery_state_next')
        batch_op.drop_index(batch_op.f('ix_delivery_hook_id'))

    op.drop_table('delivery')
    with op.batch_alter_table('correction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_correction_claim_id'))
        batch_op.drop_index(batch_op.f('ix_correction_at'))

    op.drop_table('correction')
    op.drop_table('webhook')
    op.drop_table('desksettings')
