"""speaker initials: a lone acronym joins the one organisation whose names give it

``speakerinitials`` holds, for each organisation, the acronyms its names give
(factcheck.speakers.acronyms: "cda" and "acda" of "the Averon Civil Defence Agency"): an
article's lone "the CDA" joins the one known organisation that gives it, and stays apart when
two do (issue #10 §1, session 12). A table of its own, not a column: an organisation gives
several acronyms and two organisations may give one; and revisions 0011 to 0025 read the
speaker tables through the current models. Filled here from the names already stored.
Claims stored before keep their speakers until `factcheck speakers rebuild`.

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0027"
down_revision: str | None = "0026"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 1000


def upgrade() -> None:
    from factcheck.speakers import acronyms  # the rule is factcheck's own

    op.create_table(
        "speakerinitials",
        sa.Column("initials", sa.String(length=12), primary_key=True),
        sa.Column("speaker_id", sa.Integer(), sa.ForeignKey("speaker.id"), primary_key=True),
    )
    op.create_index("ix_speakerinitials_speaker_id", "speakerinitials", ["speaker_id"])
    bind = op.get_bind()
    bodies = sa.text(
        "SELECT id FROM speaker WHERE kind = 'organisation' AND id > :after ORDER BY id LIMIT :n"
    )
    names = sa.text("SELECT key, speaker_id FROM speakeralias WHERE speaker_id IN :ids")
    names = names.bindparams(sa.bindparam("ids", expanding=True))
    write = sa.text("INSERT INTO speakerinitials (initials, speaker_id) VALUES (:i, :s)")
    after = 0
    while ids := bind.execute(bodies, {"after": after, "n": _BATCH}).scalars().all():
        rows = bind.execute(names, {"ids": list(ids)}).all()
        found = sorted({(f, s) for key, s in rows for f in acronyms(key)})
        if found:
            bind.execute(write, [{"i": f, "s": s} for f, s in found])
        after = ids[-1]


def downgrade() -> None:
    op.drop_index("ix_speakerinitials_speaker_id", table_name="speakerinitials")
    op.drop_table("speakerinitials")
