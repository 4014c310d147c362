"""The verification report as Markdown, for pasting into a CMS or a chat.

User text is escaped so it cannot start markup: HTML characters become entities (a
``<script>`` note stays text even where the CMS allows raw HTML) and Markdown punctuation
gets a backslash. Only http(s) URLs become links.
"""

from __future__ import annotations

import re

from factcheck.labels import STANCE_LABELS, STATUS_LABELS
from factcheck.models import Status
from factcheck.reports.data import Report, ReportClaim
from factcheck.reports.text import day, minute, number_text, reviewer_text, speaker_text, web_link

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}()#|~!])")


def md_escape(text: str) -> str:
    """User text as inert inline Markdown on one line."""
    flat = " ".join(text.split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)


def md_link(url: str | None, text: str | None = None) -> str:
    """A Markdown link for an http(s) URL; anything else is shown as escaped text."""
    safe = web_link(url)
    shown = md_escape(text or url or "")
    if safe is None:
        return shown
    target = "".join(f"%{ord(ch):02X}" if ch in "()<> \"'" or ord(ch) < 32 else ch for ch in safe)
    return f"[{shown}]({target})"


def _claim(n: int, claim: ReportClaim) -> list[str]:
    who, when = reviewer_text(claim)
    verdict = STATUS_LABELS[claim.status]
    lines = [f"### {n}. “{md_escape(claim.quote)}” — {verdict}", ""]
    lines.append(f"- Article: {md_link(claim.article_url, claim.article_title)}")
    figure = number_text(claim)
    lines.append(
        f"- Kind: {claim.kind.value}"
        + (f"; number: {md_escape(figure)}" if figure else "")
        + (f" ({md_escape(claim.measure)})" if claim.measure else "")
    )
    if speaker_text(claim):
        lines.append(f"- Speaker: {md_escape(speaker_text(claim))}")
    reviewed = f"{md_escape(who)}, {when}" if claim.last_change else f"*{who}*"
    lines.append(f"- Status: **{verdict}** ({reviewed})")
    if claim.proposed_status is not None:
        lines.append(
            f"- Proposed: {STATUS_LABELS[claim.proposed_status]} by "
            f"{md_escape(claim.proposed_by or 'someone')}, awaiting sign-off (not final)"
        )
    elif claim.signed_off_by:
        lines.append(f"- Signed off by {md_escape(claim.signed_off_by)}")
    if claim.published_url:
        lines.append(
            f"- Published: {md_link(claim.published_url, 'fact-check')}, {day(claim.published_at)}"
        )
    for e in claim.evidence:
        note = f" — {md_escape(e.note)}" if e.note else ""
        lines.append(f"- Evidence ({STANCE_LABELS[e.stance]}): {md_link(e.url, e.title)}{note}")
    for note_item in claim.notes:
        lines.append(
            f"- Note by {md_escape(note_item.by)}, {day(note_item.at)}: {md_escape(note_item.body)}"
        )
    return [*lines, ""]


def render_markdown(report: Report) -> str:
    """The whole report as Markdown."""
    open_claims = sum(1 for c in report.claims if not c.reviewed)
    lines = [
        f"# {md_escape(report.title)}",
        "",
        f"Verification report by {md_escape(report.generated_by)}, "
        f"{minute(report.generated_at)}. {len(report.claims):,} claims, {open_claims:,} of them "
        "without a final verdict.",
        "",
        "## Summary",
        "",
        "| Status | Claims |",
        "| --- | ---: |",
        *(f"| {STATUS_LABELS[s]} | {n:,} |" for s, n in report.counts().items()),
        f"| **Total** | **{len(report.claims):,}** |",
        "",
    ]
    if report.left_out:
        lines += [
            f"{report.left_out:,} item(s) marked “{STATUS_LABELS[Status.NOT_A_CLAIM]}” are left "
            "out of this report.",
            "",
        ]
    lines += ["## Claims", ""]
    if not report.claims:
        lines += ["No claims match this report.", ""]
    for n, claim in enumerate(report.claims, start=1):
        lines += _claim(n, claim)
    if report.corrections:
        numbers = {c.id: n for n, c in enumerate(report.claims, start=1)}
        lines += [
            "## Corrections",
            "",
            "| # | What changed | Why | Who | When |",
            "| ---: | --- | --- | --- | --- |",
            *(
                f"| {numbers.get(c.claim_id, '')} | {md_escape(c.changed())} | "
                f"{md_escape(c.reason)} | {md_escape(c.by)} | {minute(c.at)} |"
                for c in report.corrections
            ),
            "",
        ]
    lines += ["## Audit", ""]
    if not report.activity:
        lines += ["Nobody has reviewed these claims yet.", ""]
    else:
        lines += [
            "| Who | Status changes | Notes | Evidence | First | Last |",
            "| --- | ---: | ---: | ---: | --- | --- |",
            *(
                f"| {md_escape(a.name)} | {a.status_changes} | {a.notes} | {a.evidence} | "
                f"{minute(a.first)} | {minute(a.last)} |"
                for a in report.activity
            ),
            "",
        ]
    return "\n".join(lines)
