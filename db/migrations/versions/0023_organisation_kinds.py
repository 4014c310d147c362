"""organisation kinds: speakers stored before the organisation nouns were known get their kind

factcheck.speakers.guess_kind learned the nouns organisations are named by beyond ministries,
agencies and firms ("the Civil Protection Directorate", "the Harbour Trust", "the Red
Crescent", "Hask Polymers", "Hollin & Daughters"), and that a body before a title and a name is
the person's ("union president Mira Kessel"). Speakers stored before were guessed "person" or
"unknown" (or "organisation"), so the speakers list showed them wrong and a short form written
later ("the civil protection directorate") could not find them by head noun. This revision
guesses each stored speaker's kind again from the name it was first written with (the alias
of its own key) and, where the kind changes, sets its surname as a new speaker's would be (an
organisation's head noun, a person's last name). Keys and aliases stay. Plain SQL in batches,
the rules factcheck's own (see 0022). Safe to run again.

Revision ID: 0023
Revises: 0021
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 1000


def upgrade() -> None:
    from factcheck.speakers import guess_kind, speaker_surname  # the rules are factcheck's own

    bind = op.get_bind()
    read = sa.text(
        "SELECT s.id, s.name, s.kind, a.name FROM speaker s JOIN speakeralias a ON a.key = s.key "
        "WHERE s.id > :after ORDER BY s.id LIMIT :n"
    )
    write = sa.text("UPDATE speaker SET kind = :kind, surname = :surname WHERE id = :id")
    after = 0
    while rows := bind.execute(read, {"after": after, "n": _BATCH}).all():
        changed = [
            {"id": i, "kind": kind.value, "surname": speaker_surname(shown, kind)}
            for i, shown, was, written in rows
            if (kind := guess_kind(written)).value != was
        ]
        if changed:
            bind.execute(write, changed)
        after = rows[-1][0]


def downgrade() -> None:
    """Nothing to undo: a kind is a guess, and the older guesses are not kept."""
