"""organisation heads: the head noun a short form of an organisation's name is looked up by

factcheck.speakers joins a short form ("the cyber defence office") to the one known
organisation it shortens ("National Cyber Defence Office"), looked up by the head noun
("office") in the indexed ``speaker.surname`` column, which so far held a person's last name
only. This revision fills it for the organisations stored before, in batches. Plain SQL on
purpose: the tables are not read through the current models (see 0017).

Revision ID: 0022
Revises: 0019
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 1000


def upgrade() -> None:
    from factcheck.speakers import head_noun  # the rule is factcheck's own

    bind = op.get_bind()
    read = sa.text(
        "SELECT id, key FROM speaker WHERE kind = :kind AND surname IS NULL AND id > :after "
        "ORDER BY id LIMIT :n"
    )
    write = sa.text("UPDATE speaker SET surname = :head WHERE id = :id")
    after = 0
    while rows := bind.execute(read, {"kind": "organisation", "after": after, "n": _BATCH}).all():
        heads = [{"id": i, "head": h} for i, key in rows if (h := head_noun(key.split()))]
        if heads:
            bind.execute(write, heads)
        after = rows[-1][0]


def downgrade() -> None:
    op.execute("UPDATE speaker SET surname = NULL WHERE kind = 'organisation'")
