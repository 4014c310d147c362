"""stories: speaker entities, comparable figures, claim groups and stories

Adds SpeakerAlias (every name key a speaker is known by), Story and ClaimGroup; claims gain
the speaker's name as written, their measure key, group key, group and as-of date; articles
gain their story, the article they are derived from, and the names they are about. Existing
rows are filled: each speaker gets its key (speakers whose names are one key are merged into
the oldest), each claim its measure and group keys, each article its names. Grouping the
claims stored before is left to the next ingests (they are found as candidates).

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0009"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


FOREIGN = [
    ("article", "story_id", "story"),
    ("article", "derived_from_id", "article"),
    ("claim", "group_id", "claimgroup"),
]


def upgrade() -> None:
    op.create_table(
        "story",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("first_seen", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("last_seen", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("story", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_story_first_seen"), ["first_seen"], unique=False)
        batch_op.create_index(batch_op.f("ix_story_last_seen"), ["last_seen"], unique=False)

    op.create_table(
        "claimgroup",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "numeric",
                "attributed",
                name="ck_claimkind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=250), nullable=False),
        sa.Column("measure_key", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("unit", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("lo", sa.Float(), nullable=True),
        sa.Column("hi", sa.Float(), nullable=True),
        sa.Column("conflict", sa.Boolean(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("first_claim_id", sa.Integer(), nullable=True),
        sa.Column("first_seen", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("last_claim_id", sa.Integer(), nullable=True),
        sa.Column("last_seen", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("story_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speaker.id"],
        ),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["story.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("claimgroup", schema=None) as batch_op:
        batch_op.create_index(
            "ix_claimgroup_conflict_story", ["conflict", "story_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_claimgroup_key"), ["key"], unique=False)
        batch_op.create_index(batch_op.f("ix_claimgroup_speaker_id"), ["speaker_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_claimgroup_story_id"), ["story_id"], unique=False)

    op.create_table(
        "speakeralias",
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speaker.id"],
        ),
        sa.PrimaryKeyConstraint("key"),
    )
    with op.batch_alter_table("speakeralias", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_speakeralias_speaker_id"), ["speaker_id"], unique=False
        )

    # Plain ADD COLUMN (a SQLite batch would rebuild article and claim under their views); a
    # foreign key is inline on SQLite and its own constraint on PostgreSQL.
    sqlite = op.get_bind().dialect.name == "sqlite"
    present = {t: {c["name"] for c in sa.inspect(op.get_bind()).get_columns(t)} for t in ("article", "claim")}
    for table, name, target in FOREIGN:
        if sqlite and name in present[table]:
            continue  # left by a downgrade (see there)
        if sqlite:
            op.execute(f"ALTER TABLE {table} ADD COLUMN {name} INTEGER REFERENCES {target} (id)")
        else:
            op.add_column(table, sa.Column(name, sa.Integer(), nullable=True))
    op.add_column("article", sa.Column("topics", sa.JSON(), nullable=False, server_default="[]"))
    for name, length in (("speaker_name", 300), ("measure_key", 200), ("group_key", 250)):
        op.add_column("claim", sa.Column(name, sqlmodel.sql.sqltypes.AutoString(length=length)))
    op.add_column("claim", sa.Column("as_of", sa.Date(), nullable=True))
    if not sqlite:
        for table, name, target in FOREIGN:
            op.create_foreign_key(f"fk_{table}_{name}_{target}", table, target, [name], ["id"])
    op.create_index("ix_article_story_id", "article", ["story_id"], unique=False)
    op.create_index("ix_claim_group_article", "claim", ["group_id", "article_id"], unique=False)
    op.create_index("ix_claim_group_key_id", "claim", ["group_key", "id"], unique=False)
    op.create_index("ix_claim_measure_key", "claim", ["measure_key"], unique=False)

    with op.batch_alter_table("speaker", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("surname", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True)
        )
        batch_op.create_index(batch_op.f("ix_speaker_surname"), ["surname"], unique=False)

    _fill()


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.drop_index("ix_speaker_surname", table_name="speaker")
    op.drop_column("speaker", "surname")
    op.drop_index("ix_article_story_id", table_name="article")
    for name in ("ix_claim_group_article", "ix_claim_group_key_id", "ix_claim_measure_key"):
        op.drop_index(name, table_name="claim")
    for name in ("as_of", "group_key", "measure_key", "speaker_name"):
        op.drop_column("claim", name)
    op.drop_column("article", "topics")
    if sqlite:
        # SQLite drops a column with a foreign key only by rebuilding its table, which the
        # other tables' keys and the dashboard views forbid: the three columns stay, emptied,
        # and an upgrade finds them there (older code never reads them).
        op.execute("UPDATE claim SET group_id = NULL")
        op.execute("UPDATE article SET story_id = NULL, derived_from_id = NULL")
    else:
        for table, name, target in FOREIGN:
            op.drop_constraint(f"fk_{table}_{name}_{target}", table, type_="foreignkey")
            op.drop_column(table, name)

    with op.batch_alter_table("speakeralias", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_speakeralias_speaker_id"))

    op.drop_table("speakeralias")
    with op.batch_alter_table("claimgroup", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claimgroup_story_id"))
        batch_op.drop_index(batch_op.f("ix_claimgroup_speaker_id"))
        batch_op.drop_index(batch_op.f("ix_claimgroup_key"))
        batch_op.drop_index("ix_claimgroup_conflict_story")

    op.drop_table("claimgroup")
    with op.batch_alter_table("story", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_story_last_seen"))
        batch_op.drop_index(batch_op.f("ix_story_first_seen"))

    op.drop_table("story")


BATCH = 2000


def _fill() -> None:
    """Keys for the rows stored before this revision (read in batches: memory stays flat)."""
    # Imported here: the key rules are factcheck's own, and this revision fills with them.
    from factcheck.comparable import topics
    from factcheck.groups import claim_keys
    from factcheck.names import clean_name
    from factcheck.speakers import guess_kind, speaker_key

    conn = op.get_bind()
    speaker = sa.table(
        "speaker", sa.column("id"), sa.column("name"), sa.column("kind"), sa.column("surname")
    )
    alias = sa.table("speakeralias", sa.column("key"), sa.column("speaker_id"), sa.column("name"))
    claim = sa.table(
        "claim",
        *(
            sa.column(c)
            for c in (
                "id",
                "article_id",
                "kind",
                "speaker_id",
                "speaker_name",
                "measure",
                "unit",
                "days",
                "value",
                "lower",
                "measure_key",
                "group_key",
                "as_of",
            )
        ),
    )
    article = sa.table(
        "article",
        sa.column("id"),
        sa.column("title"),
        sa.column("text"),
        sa.column("topics", sa.JSON()),
        sa.column("published_at", sa.DateTime()),
        sa.column("ingested_at", sa.DateTime()),
    )
    owner: dict[str, int] = {}
    for sid, name in conn.execute(
        sa.select(speaker.c.id, speaker.c.name).order_by(speaker.c.id)
    ).all():
        key = speaker_key(name) or f"speaker {sid}"
        if key in owner:  # one entity written two ways: its claims go to the older row
            conn.execute(
                sa.update(claim)
                .where(claim.c.speaker_id == sid)
                .values(speaker_id=owner[key], speaker_name=name)
            )
            conn.execute(sa.delete(speaker).where(speaker.c.id == sid))
            continue
        owner[key] = sid
        conn.execute(sa.insert(alias).values(key=key, speaker_id=sid, name=clean_name(name)[:300]))
        words = key.split()
        person = guess_kind(name).value == "person" and len(words) >= 2
        conn.execute(
            sa.update(speaker)
            .where(speaker.c.id == sid)
            .values(surname=words[-1][:100] if person else None)
        )
    names = dict(conn.execute(sa.select(speaker.c.id, speaker.c.name)).all())
    last = 0
    while True:
        rows = conn.execute(
            sa.select(
                claim.c.id,
                claim.c.kind,
                claim.c.speaker_id,
                claim.c.speaker_name,
                claim.c.measure,
                claim.c.unit,
                claim.c.days,
                claim.c.value,
                claim.c.lower,
                sa.func.coalesce(article.c.published_at, article.c.ingested_at),
            )
            .join(article, article.c.id == claim.c.article_id)
            .where(claim.c.id > last)
            .order_by(claim.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        for cid, kind, sid, written, measure, unit, days, value, lower, at in rows:
            keys = claim_keys(
                kind=kind,
                measure=measure,
                unit=unit,
                days=days,
                value=value,
                lower=lower,
                speaker_id=sid,
            )
            day = at.date() if kind == "numeric" and hasattr(at, "date") else None
            conn.execute(
                sa.update(claim)
                .where(claim.c.id == cid)
                .values(**keys, as_of=day, speaker_name=written or names.get(sid))
            )
        last = rows[-1][0]
    last = 0
    while True:
        found = conn.execute(
            sa.select(article.c.id, article.c.title, article.c.text)
            .where(article.c.id > last)
            .order_by(article.c.id)
            .limit(200)
        ).all()
        if not found:
            break
        for aid, title, text in found:
            conn.execute(
                sa.update(article).where(article.c.id == aid).values(topics=topics(title, text))
            )
        last = found[-1][0]
