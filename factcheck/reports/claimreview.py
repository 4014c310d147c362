"""schema.org ClaimReview markup (JSON-LD) for every claim with a final verdict.

The rating scale runs from 1 (false) to 5 (verified). "Unverifiable" sits at the middle,
because it neither confirms nor refutes the claim; the readable verdict is always in
``alternateName``, which is what search engines show.
"""

from __future__ import annotations

import json
from typing import Any

from factcheck.labels import STATUS_LABELS
from factcheck.models import SpeakerKind, Status
from factcheck.reports.data import Report, ReportClaim
from factcheck.reports.text import web_link

WORST, BEST = 1, 5
RATING_VALUES: dict[Status, int] = {
    Status.FALSE: 1,
    Status.MISLEADING: 2,
    Status.UNVERIFIABLE: 3,
    Status.VERIFIED: 5,
}


def _claim_author(claim: ReportClaim) -> dict[str, str] | None:
    if claim.speaker:
        person = claim.speaker_kind is SpeakerKind.PERSON
        return {"@type": "Person" if person else "Organization", "name": claim.speaker}
    if claim.outlet:  # an unattributed figure is the publication's own claim
        return {"@type": "Organization", "name": claim.outlet}
    return None


def _item_reviewed(claim: ReportClaim) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim"}
    author = _claim_author(claim)
    if author:
        item["author"] = author
    if claim.article_published_at:
        item["datePublished"] = f"{claim.article_published_at:%Y-%m-%d}"
    own = _work(claim.article_url, claim.article_title, claim.outlet)
    works = [w for a in claim.appearances if (w := _work(a.url, a.title, a.outlet))]
    if len(works) > 1:  # the same claim in several articles (its group): each, first first
        item["firstAppearance"] = works[0]
        item["appearance"] = works
    elif own:
        item["appearance"] = own
    return item


def _work(url: str | None, title: str, outlet: str | None) -> dict[str, Any] | None:
    link = web_link(url)
    if not link:
        return None
    work: dict[str, Any] = {"@type": "CreativeWork", "url": link, "headline": title}
    if outlet:
        work["publisher"] = {"@type": "Organization", "name": outlet}
    return work


def claim_review(
    claim: ReportClaim, *, org_name: str, org_url: str, public_url: str
) -> dict[str, Any]:
    """One ClaimReview object for a claim with a final verdict."""
    if claim.status not in RATING_VALUES:
        raise ValueError(f"claim {claim.id} has no final verdict to publish")
    decided = claim.last_change.at if claim.last_change else claim.updated_at
    reviewed = claim.quote if claim.kind.value == "attributed" else claim.sentence or claim.quote
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": web_link(claim.published_url) or f"{public_url.rstrip('/')}/claim?claim={claim.id}",
        "claimReviewed": " ".join(reviewed.split()),
        "datePublished": f"{(claim.published_at or decided):%Y-%m-%d}",
        "author": {"@type": "Organization", "name": org_name, "url": org_url},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING_VALUES[claim.status],
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": STATUS_LABELS[claim.status],
        },
        "itemReviewed": _item_reviewed(claim),
    }
    if claim.corrected_at is not None:
        review["dateModified"] = f"{claim.corrected_at:%Y-%m-%d}"
    return review


def claim_reviews(
    report: Report, *, org_name: str, org_url: str, public_url: str
) -> list[dict[str, Any]]:
    """A ClaimReview for each claim of the report with a final verdict (others have none)."""
    return [
        claim_review(c, org_name=org_name, org_url=org_url, public_url=public_url)
        for c in report.claims
        if c.status in RATING_VALUES
    ]


# Escaped so the JSON can be pasted inside <script type="application/ld+json"> as it is: no
# "</script>" or "<!--" in a claim can end the script element and start markup.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_safe_json(value: Any) -> str:
    """JSON text with <, > and & written as \\u escapes (the same JSON once parsed)."""
    return json.dumps(value, ensure_ascii=False, indent=2).translate(_SCRIPT_SAFE)


def render_claimreview(report: Report, *, org_name: str, org_url: str, public_url: str) -> str:
    """The report's ClaimReview objects as a JSON-LD array, safe to embed in a script tag."""
    reviews = claim_reviews(report, org_name=org_name, org_url=org_url, public_url=public_url)
    return script_safe_json(reviews) + "\n"
