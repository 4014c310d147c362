"""Alembic environment: runs factcheck's migrations against the URL given by factcheck.migrate."""

from alembic import context
from sqlmodel import SQLModel

import factcheck.models  # noqa: F401 - registers the tables on SQLModel.metadata
from factcheck.db import get_engine

config = context.config
url = config.get_main_option("sqlalchemy.url")
assert url, "factcheck.migrate sets sqlalchemy.url"
engine = get_engine(url)

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=engine.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
