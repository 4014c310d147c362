"""Outlets: the publications articles come from, and what sort each one is.

An outlet is created the first time an article names it (``outlet_named``), as a news outlet.
Its kind matters to stories: an article of a news agency or an official body (a ministry's or
a company's own statement) is taken to have come first when an article of the same time
shares its sentences, so the rewrite is marked derived from it and not the other way round
(factcheck.stories). An editor says which outlets are agencies or official sources
(``set_outlet_kind``: one event, and the stories holding its articles are decided again).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from factcheck.audit import record
from factcheck.db import check_page, like_pattern
from factcheck.errors import BadInput, NotFound
from factcheck.models import Article, Outlet, OutletKind, User
from factcheck.names import clean_name, name_key
from factcheck.permissions import Action, require


def outlet_named(session: Session, *, name: str, url: str | None = None) -> Outlet:
    """The outlet with this name (compared by ``name_key``), created when new (not committed).

    "Valley\u200b Post" and "valley post" are the Valley Post; a name mixing scripts (a
    Cyrillic "а" in "Vаlley Post") is not, and ``mixed_scripts`` lets pages warn about it.
    """
    clean = clean_name(name)[:200]
    if not clean:
        raise BadInput("The outlet name is empty; give the publication's name.")
    key = name_key(clean)
    found = session.exec(select(Outlet).where(Outlet.key == key)).first()
    if found is not None:
        return found
    outlet = Outlet(name=clean, key=key, url=url, kind=OutletKind.NEWS)
    session.add(outlet)
    session.flush()
    return outlet


def get_outlet(session: Session, *, name: str) -> Outlet:
    """The outlet with this name (any case, any spacing); NotFound says how to list them."""
    found = session.exec(select(Outlet).where(Outlet.key == name_key(name))).first()
    if found is None:
        raise NotFound(
            f"There is no outlet named {name!r}; check the spelling on the Outlets page or "
            "with `factcheck outlets list`."
        )
    return found


def outlet_id_named(session: Session, *, name: str) -> int:
    """The ID of the outlet with this name (``get_outlet``)."""
    return get_outlet(session, name=name).id or 0


@dataclass(frozen=True, slots=True)
class OutletRow:
    """An outlet as listed: its name, kind and how many articles it has."""

    outlet: Outlet
    articles: int


def list_outlets(
    session: Session, *, search: str = "", offset: int = 0, limit: int = 100
) -> tuple[list[OutletRow], int]:
    """A page of outlets by name, with their article counts; the total matching."""
    check_page(offset=offset, limit=limit, noun="outlet")
    where = [col(Outlet.name).ilike(like_pattern(search), escape="\\")] if search else []
    total = session.exec(select(func.count()).select_from(Outlet).where(*where)).one()
    outlets = session.exec(
        select(Outlet).where(*where).order_by(col(Outlet.name)).offset(offset).limit(limit)
    ).all()
    ids = [o.id for o in outlets]
    counted = dict(
        session.execute(
            sa.select(col(Article.outlet_id), func.count())
            .where(col(Article.outlet_id).in_(ids))
            .group_by(col(Article.outlet_id))
        ).all()
    )
    return [OutletRow(o, counted.get(o.id, 0)) for o in outlets], total


def sources_changed(changed: int) -> str:
    """How many articles' sources a kind change decided anew, in words: "no article's source",
    "1 article's source", "2 articles' source"."""
    if changed < 2:
        return f"{changed or 'no'} article's source"
    return f"{changed} articles' source"


def set_outlet_kind(session: Session, *, name: str, kind: OutletKind, by: User) -> int:
    """Say what sort of outlet this is (editors); commits one event, with the sources of the
    articles in the stories holding its articles decided again (all or nothing). Returns how
    many articles' sources changed."""
    require(by, Action.EDIT_OUTLETS)
    outlet = get_outlet(session, name=name)
    if outlet.kind == kind:
        return 0
    from factcheck.stories import rederive  # stories read outlets' kinds

    try:
        before, outlet.kind = outlet.kind, kind
        record(
            session,
            by=by,
            action="outlet.kind",
            entity="outlet",
            entity_id=outlet.id or 0,
            before={"kind": before.value},
            after={"kind": kind.value},
        )
        session.flush()
        stories = session.exec(
            select(Article.story_id)
            .where(Article.outlet_id == outlet.id, col(Article.story_id).is_not(None))
            .distinct()
        ).all()
        changed = rederive(session, story_ids=[s for s in stories if s is not None])
        session.commit()
    except Exception:
        session.rollback()
        raise
    return changed
