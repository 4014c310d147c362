"""dashboard views and indexes

Read-only SQL views for dashboards outside the app (Metabase, Grafana, Datasette), the same
columns on SQLite and PostgreSQL, and the covering indexes the dashboard's GROUP BY queries use.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from collections.abc import Sequence

from alembic import op


revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "claim": {
        "ix_claim_article_status": ["article_id", "status"],
        "ix_claim_kind_status": ["kind", "status"],
        "ix_claim_speaker_status": ["speaker_id", "status"],
    },
    "event": {"ix_event_action_at": ["action", "at"]},
}


def _views(sqlite: bool) -> dict[str, str]:
    """Each view's SELECT; only dates and JSON differ between the two databases."""

    def day(column: str) -> str:
        # SQLite keeps UTC datetimes as 'YYYY-MM-DD HH:MM:SS.ffffff' text.
        return f"substr({column}, 1, 10)" if sqlite else f"({column} AT TIME ZONE 'UTC')::date"

    def week(column: str) -> str:
        if sqlite:
            return f"date(substr({column}, 1, 10), '-' || ((strftime('%w', {column}) + 6) % 7) || ' days')"
        return f"date_trunc('week', {column} AT TIME ZONE 'UTC')::date"

    new_status = "json_extract(e.after, '$.status')" if sqlite else "(e.after ->> 'status')"
    article_day = day("coalesce(a.published_at, a.ingested_at)")
    return {
        "claim_status_by_article": (
            "SELECT a.id AS article_id, a.title AS article_title, o.name AS outlet, "
            f"{article_day} AS article_date, c.status AS status, count(*) AS claims "
            "FROM claim c JOIN article a ON a.id = c.article_id "
            "LEFT JOIN outlet o ON o.id = a.outlet_id "
            "GROUP BY a.id, a.title, o.name, a.published_at, a.ingested_at, c.status"
        ),
        "claim_status_by_outlet": (
            "SELECT a.outlet_id AS outlet_id, coalesce(o.name, '(no outlet)') AS outlet, "
            "c.status AS status, count(*) AS claims "
            "FROM claim c JOIN article a ON a.id = c.article_id "
            "LEFT JOIN outlet o ON o.id = a.outlet_id "
            "GROUP BY a.outlet_id, o.name, c.status"
        ),
        "claim_status_by_day": (
            f"SELECT {article_day} AS article_date, c.kind AS kind, c.status AS status, "
            "count(*) AS claims FROM claim c JOIN article a ON a.id = c.article_id "
            f"GROUP BY {article_day}, c.kind, c.status"
        ),
        "status_changes_by_day": (
            f"SELECT {day('e.at')} AS day, {new_status} AS status, count(*) AS changes "
            "FROM event e WHERE e.action = 'claim.status' "
            f"GROUP BY {day('e.at')}, {new_status}"
        ),
        "review_activity_by_user_week": (
            f"SELECT {week('e.at')} AS week, u.id AS user_id, u.display_name AS reviewer, "
            'count(*) AS reviews FROM event e JOIN "user" u ON u.id = e.actor_id '
            "WHERE e.action = 'claim.status' "
            f"GROUP BY {week('e.at')}, u.id, u.display_name"
        ),
    }


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, indexes in INDEXES.items():
        for name, columns in indexes.items():
            op.create_index(name, table, columns, unique=False)
    for name, select in _views(sqlite).items():
        op.execute(f"CREATE VIEW {name} AS {select}")


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for name in _views(sqlite):
        op.execute(f"DROP VIEW IF EXISTS {name}")
    for table, indexes in INDEXES.items():
        for name in indexes:
            op.drop_index(name, table_name=table)
