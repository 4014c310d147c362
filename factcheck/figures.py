"""The same figure in other articles: a duration or count reported elsewhere, in other words.

Outlets write one figure many ways ("4-1/2 months", "four-and-a-half months", "135 days");
the extractor turns durations into days and counts into values with units, so figures can be
compared across articles whatever the wording.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, col, func

from factcheck.claims import get_claim
from factcheck.models import Article, Claim, ClaimKind, Outlet, Status

DURATION_TOLERANCE = 0.15  # "almost five months" (150 days) sits beside "135 days"
COUNT_TOLERANCE = 0.25  # "at least 38" and "nearly 45" are reports of one toll


@dataclass(frozen=True, slots=True)
class Comparable:
    """A figure in another article, with how far it is from the one being checked."""

    claim_id: int
    article_id: int
    article_title: str
    outlet: str | None
    quote: str
    value: float | None
    unit: str | None
    qualifier: str | None
    days: float | None
    status: Status
    difference: float  # relative to the checked figure: 0.0 = the same, 0.1 = 10% more

    @property
    def same(self) -> bool:
        """True when both report exactly the same amount."""
        return abs(self.difference) < 1e-9


def comparable_figures(session: Session, *, claim_id: int, limit: int = 20) -> list[Comparable]:
    """Numeric claims in other articles that report a close amount of the same thing."""
    claim = get_claim(session, claim_id=claim_id)
    if claim.kind is not ClaimKind.NUMERIC:
        return []
    if claim.days:
        name, target, tolerance, extra = "days", claim.days, DURATION_TOLERANCE, []
    elif claim.value and claim.unit:
        name, target, tolerance = "value", claim.value, COUNT_TOLERANCE
        extra = [func.lower(col(Claim.unit)) == claim.unit.lower()]
    else:
        return []
    field = col(Claim.days) if name == "days" else col(Claim.value)
    low, high = sorted((target * (1 - tolerance), target * (1 + tolerance)))
    query = (
        sa.select(Claim, col(Article.title), col(Outlet.name))
        .join(Article, col(Article.id) == Claim.article_id)
        .join(Outlet, col(Outlet.id) == Article.outlet_id, isouter=True)
        .where(
            col(Claim.kind) == ClaimKind.NUMERIC,
            col(Claim.article_id) != claim.article_id,
            col(Claim.status) != Status.NOT_A_CLAIM,
            field.between(low, high),
            *extra,
        )
        .order_by(func.abs(field - target), col(Claim.id))
        .limit(limit)
    )
    return [
        Comparable(
            claim_id=other.id or 0,
            article_id=other.article_id,
            article_title=title,
            outlet=outlet,
            quote=other.quote,
            value=other.value,
            unit=other.unit,
            qualifier=other.qualifier,
            days=other.days,
            status=other.status,
            difference=((getattr(other, name) or 0.0) - target) / target,
        )
        for other, title, outlet in session.execute(query).all()
    ]
