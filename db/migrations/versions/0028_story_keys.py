"""story keys: the names and speakers of each article, indexed to place articles in stories

An article that shares no claim group with another may still cover the same events: it
names the same rare people and places, quotes the same speakers, says much the same in
other words (factcheck.storylink). This revision adds the index that finds them without
reading every article, ``storykey`` (an article's keys, by key and date), and fills it for
the articles stored before: each article's names (Article.topics) and the speakers of its
claims. Articles already stored keep their stories; new ones are placed by it. Safe to run
again (each batch's keys are written after deleting that batch's).

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-06
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0028"
down_revision: str | None = "0027"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 1000


def upgrade() -> None:
    from factcheck.storylink import NewArticle, article_keys  # the keys are factcheck's own

    op.create_table(
        "storykey",
        sa.Column("article_id", sa.Integer(), sa.ForeignKey("article.id"), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "key"),
    )
    op.create_index("ix_storykey_key_at", "storykey", ["key", "at"])
    bind = op.get_bind()
    read = sa.text(
        "SELECT id, COALESCE(published_at, ingested_at), topics FROM article "
        "WHERE id > :after ORDER BY id LIMIT :n"
    )
    quoted = sa.text(
        "SELECT DISTINCT article_id, speaker_id FROM claim "
        "WHERE article_id > :after AND article_id <= :last AND speaker_id IS NOT NULL"
    )
    write = sa.text("INSERT INTO storykey (article_id, key, at) VALUES (:article_id, :key, :at)")
    after = 0
    while rows := bind.execute(read, {"after": after, "n": _BATCH}).all():
        last = rows[-1][0]
        speakers: dict[int, set[int]] = {}
        for article_id, speaker_id in bind.execute(quoted, {"after": after, "last": last}):
            speakers.setdefault(article_id, set()).add(speaker_id)
        keys = []
        for article_id, at, topics in rows:
            names = json.loads(topics) if isinstance(topics, str) else topics
            article = NewArticle(at, names or (), sorted(speakers.get(article_id, ())))
            keys += [
                {"article_id": article_id, "key": key[:120], "at": at}
                for key in dict.fromkeys(article_keys(article))
            ]
        if keys:
            bind.execute(write, keys)
        after = last


def downgrade() -> None:
    op.drop_index("ix_storykey_key_at", table_name="storykey")
    op.drop_table("storykey")
