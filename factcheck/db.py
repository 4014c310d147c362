"""Where the database is and how to talk to it: URL, engine, sessions, SQLite pragmas."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.sqlite.base import SQLiteCompiler
from sqlalchemy.engine import Engine
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key
from sqlmodel import Session

from factcheck.errors import BadInput
from factcheck.settings import DEFAULT_DATABASE_URL, settings

BUSY_TIMEOUT_MS = 30_000


def database_url() -> str:
    """The configured database: FACTCHECK_DATABASE_URL, or the SQLite file under ./db/."""
    url = settings().database_url.strip() or DEFAULT_DATABASE_URL
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def _sqlite_path(url: sa.URL) -> Path | None:
    db = url.database
    if not db or db == ":memory:" or db.startswith("file:"):
        return None
    return Path(db)


def _on_sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # Python's sqlite3 opens transactions itself; turn that off so BEGIN is ours.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _on_sqlite_begin(conn: sa.Connection) -> None:
    # Writers take the lock up front, so concurrent read-modify-write cycles wait in turn
    # instead of failing or losing updates. Read-only sessions start a plain deferred read.
    readonly = conn.get_execution_options().get("factcheck_readonly", False)
    conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")


class _SQLiteCompiler(SQLiteCompiler):
    """SQLite's compiler, rendering ``with_hint(table, "INDEXED BY ix", "sqlite")`` after the
    table (SQLAlchemy's own drops every table hint on SQLite)."""

    def get_from_hint_text(self, table: Any, text: str | None) -> str | None:
        """The hint as written: SQLite's INDEXED BY / NOT INDEXED follow the table name."""
        return text


_engines: dict[str, Engine] = {}


def get_engine(url: str) -> Engine:
    """One engine per database URL, with SQLite set up for safe concurrent writes."""
    if url not in _engines:
        _engines[url] = _make_engine(url)
    return _engines[url]


def dispose_engine(url: str) -> None:
    """Close every pooled connection to ``url`` and forget its engine."""
    engine = _engines.pop(url, None)
    if engine is not None:
        engine.dispose()


def _make_engine(url: str) -> Engine:
    parsed = sa.make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return sa.create_engine(url, pool_pre_ping=True)
    path = _sqlite_path(parsed)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
    engine.dialect.statement_compiler = _SQLiteCompiler
    sa.event.listen(engine, "connect", _on_sqlite_connect)
    sa.event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def is_sqlite(engine: Engine) -> bool:
    """True when the engine talks to SQLite."""
    return engine.dialect.name == "sqlite"


@contextmanager
def session_scope(url: str | None = None, *, readonly: bool = False) -> Iterator[Session]:
    """A session on the configured database; read-only sessions never take the write lock."""
    engine = get_engine(url or database_url())
    bind = engine.execution_options(factcheck_readonly=True) if readonly else engine
    with Session(bind, expire_on_commit=False) as session:
        yield session


def like_pattern(term: str) -> str:
    """A LIKE pattern matching ``term`` anywhere, with its wildcards escaped by a backslash."""
    escaped = term.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def check_page(*, offset: int, limit: int, noun: str) -> None:
    """BadInput unless ``offset`` and ``limit`` describe a page (PostgreSQL refuses the rest)."""
    if limit < 1:
        raise BadInput(f"The limit {limit} is too small; ask for at least 1 {noun}.")
    if offset < 0:
        raise BadInput(f"The offset {offset} is negative; skip 0 or more {noun}s.")


def check_lengths(model: type[Any], values: Mapping[str, Any]) -> None:
    """BadInput when a text is longer than its column allows (PostgreSQL would refuse it)."""
    columns = sa.inspect(model).columns
    for name, value in values.items():
        limit = getattr(columns[name].type, "length", None) if name in columns else None
        if isinstance(value, str) and limit is not None and len(value) > limit:
            label = name.replace("_", " ")
            raise BadInput(
                f"The {label} has {len(value):,} characters, over the limit of {limit:,}; "
                "shorten it."
            )


def show_written(
    session: Session, model: type[Any], written: Mapping[int | None, Mapping[str, Any]]
) -> None:
    """Rows changed by UPDATE statements ({id: {column: value}}): the copies this session
    has loaded take the values, as if read again, without a query.

    Batch writers (groups, stories) update hundreds of rows in one statement instead of
    through ORM objects; a copy loaded earlier in the session (sessions here do not expire on
    commit) must not keep the old values, nor reload each one (ingest reads its new articles
    again right after grouping them).
    """
    for row_id, values in written.items():
        loaded = session.identity_map.get(identity_key(model, row_id))
        if loaded is not None:
            for column, value in values.items():
                set_committed_value(loaded, column, value)


# Taken shared by every writer that places articles in stories (ingest's grouping, regroup)
# and alone by an editor's move of articles between stories (stories.move_articles), which
# may delete a story: no article is placed in a story that is going away.
PLACING = "story-placing"


def advisory_lock(session: Session, keys: Iterable[str], *, shared: Iterable[str] = ()) -> None:
    """Hold a lock on each key until the transaction ends, so writers of one key go in turn;
    ``shared`` keys are held beside the other writers that take them shared, and wait for one
    that takes them alone.

    PostgreSQL: transaction-scoped advisory locks, the shared ones first, each kind in one
    order (no deadlock: a writer waiting for a shared key holds none of the others). SQLite
    needs none: every writer already holds the whole database (BEGIN IMMEDIATE).
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    modes = {_lock_number(k): False for k in keys} | {_lock_number(k): True for k in shared}
    if modes:  # one statement, the locks taken in the order of the subquery
        session.execute(
            sa.text(
                "SELECT count(CASE WHEN s THEN pg_advisory_xact_lock_shared(n) "
                "ELSE pg_advisory_xact_lock(n) END) FROM "
                "(SELECT n, s FROM unnest(CAST(:numbers AS bigint[]), CAST(:shared AS boolean[])) "
                "AS t(n, s) ORDER BY s DESC, n) AS ordered"
            ),
            {"numbers": sorted(modes), "shared": [modes[n] for n in sorted(modes)]},
        )


def _lock_number(key: str) -> int:
    return int.from_bytes(
        hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big", signed=True
    )
