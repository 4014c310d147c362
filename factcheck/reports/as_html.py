"""The verification report as one self-contained HTML page (inline CSS, no outside requests).

Everything a user typed goes through ``escape``; links are written only for http(s) URLs, so
a ``<script>`` note or a ``javascript:`` link shows as inert text.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from itertools import pairwise

from factcheck.labels import STANCE_LABELS, STATUS_COLOURS, STATUS_LABELS
from factcheck.models import Status
from factcheck.reports.data import Report, ReportArticle, ReportClaim
from factcheck.reports.text import day, minute, number_text, reviewer_text, speaker_text, web_link


def _status_css() -> str:
    rules = []
    for status, colour in STATUS_COLOURS.items():
        rules.append(
            f"mark.st-{status.value} {{ background: {colour}40; "
            f"border-bottom: 2px solid {colour}; }}\n"
            f".badge.st-{status.value} {{ border-left: 0.6em solid {colour}; }}"
        )
    return "\n".join(rules)


CSS = """
body { font: 15px/1.5 Georgia, "Times New Roman", serif; color: #1a1a1a; max-width: 60em;
       margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #ccc; margin-top: 1.6em; }
h3 { font-size: 1.05em; }
.meta, .small { color: #555; font-size: 0.85em; }
table { border-collapse: collapse; width: 100%; font: 12px/1.35 Helvetica, Arial, sans-serif; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.4em; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.num { text-align: right; }
td.date { white-space: nowrap; }
.article-text { white-space: pre-wrap; border-left: 3px solid #ddd; padding-left: 1em; }
mark { color: inherit; padding: 0 0.1em; }
sup.ref { font: bold 0.7em Helvetica, Arial, sans-serif; color: #333; }
.badge { padding-left: 0.4em; white-space: nowrap; }
.unreviewed { color: #777; font-style: italic; }
ul.plain { margin: 0; padding-left: 1.1em; }
.legend span { margin-right: 1em; white-space: nowrap; }
mark, .badge, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { string-set: report-title content(); }
.report-date { string-set: report-date content(); }
@page { size: A4; margin: 2cm 1.5cm;
  @top-left { content: string(report-title); font: 9px Helvetica, Arial, sans-serif;
              color: #555; }
  @top-right { content: string(report-date); font: 9px Helvetica, Arial, sans-serif;
               color: #555; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages);
                   font: 9px Helvetica, Arial, sans-serif; color: #555; } }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  table { font-size: 8pt; }
  a { color: inherit; }
  tr, mark { break-inside: avoid; }
  h2 { break-after: avoid; }
}
""" + _status_css()


def _link(url: str | None, text: str | None = None) -> str:
    shown = escape(text or url or "")
    safe = web_link(url)
    if safe is None:
        return shown
    return f'<a href="{escape(safe, quote=True)}" rel="noopener noreferrer">{shown}</a>'


def _badge(status: Status) -> str:
    return f'<span class="badge st-{status.value}">{escape(STATUS_LABELS[status])}</span>'


def highlighted(text: str, claims: Sequence[tuple[int, ReportClaim]]) -> str:
    """The article text with each claim's span marked in its status colour and numbered.

    Spans may nest or overlap: each stretch of text takes the colour of the shortest claim
    covering it, and every claim's number follows its last character.
    """
    spans = [(n, c) for n, c in claims if 0 <= c.start < c.end <= len(text)]
    bounds = sorted({0, len(text)} | {c.start for _, c in spans} | {c.end for _, c in spans})
    out: list[str] = []
    for a, b in pairwise(bounds):
        piece = escape(text[a:b])
        covering = [(n, c) for n, c in spans if c.start <= a and b <= c.end]
        if covering:
            n, claim = min(covering, key=lambda item: item[1].end - item[1].start)
            label = f"Claim {n}: {STATUS_LABELS[claim.status]}"
            piece = f'<mark class="st-{claim.status.value}" title="{escape(label)}">{piece}</mark>'
        out.append(piece)
        out.extend(f'<sup class="ref">{n}</sup>' for n, c in spans if c.end == b)
    return "".join(out)


def _summary(report: Report) -> str:
    rows = "".join(
        f'<tr><td>{_badge(s)}</td><td class="num">{n:,}</td></tr>'
        for s, n in report.counts().items()
    )
    total = f'<tr><th>Total</th><th class="num">{len(report.claims):,}</th></tr>'
    pending = sum(1 for c in report.claims if c.proposed_status is not None)
    proposals = (
        f'<p class="small">{pending:,} claim(s) carry a verdict proposed by one reviewer and '
        "awaiting a second person's sign-off; it is shown as “proposed”, and the claim is "
        "counted by its current status, not as final.</p>"
        if pending
        else ""
    )
    left_out = (
        f'<p class="small">{report.left_out:,} item(s) marked “{STATUS_LABELS[Status.NOT_A_CLAIM]}”'
        " are left out of this report.</p>"
        if report.left_out
        else ""
    )
    return (
        "<h2>Summary</h2><table style='width:auto'><tr><th>Status</th><th>Claims</th></tr>"
        f"{rows}{total}</table>{proposals}{left_out}"
    )


def _article(article: ReportArticle, numbered: Sequence[tuple[int, ReportClaim]]) -> str:
    mine = [(n, c) for n, c in numbered if c.article_id == article.id]
    meta = " · ".join(
        part
        for part in (
            escape(article.outlet or ""),
            escape(article.author or ""),
            day(article.published_at),
            _link(article.url),
        )
        if part
    )
    return (
        f"<h3>{escape(article.title)}</h3><p class='meta'>{meta}</p>"
        f"<div class='article-text'>{highlighted(article.text, mine)}</div>"
    )


def _articles(report: Report, numbered: Sequence[tuple[int, ReportClaim]]) -> str:
    if not report.articles:
        if report.articles_total:
            return (
                f"<p class='small'>The claims come from {report.articles_total:,} articles; "
                "article texts are shown for reports on a few articles only.</p>"
            )
        return ""
    legend = (
        "".join(
            f'<span><mark class="st-{s.value}">{escape(STATUS_LABELS[s])}</mark></span>'
            for s in report.counts()
        )
        + "<span>A verdict proposed and awaiting sign-off is not final: the claim keeps its "
        "status.</span>"
    )
    body = "".join(_article(a, numbered) for a in report.articles)
    return f"<h2>Article</h2><p class='legend small'>{legend}</p>{body}"


def _claim_row(n: int, claim: ReportClaim, many_articles: bool) -> str:
    who, when = reviewer_text(claim)
    reviewer = escape(who) if claim.last_change else f"<span class='unreviewed'>{who}</span>"
    evidence = "".join(
        f"<li>{escape(STANCE_LABELS[e.stance])}: {_link(e.url, e.title or e.url)}"
        + (f" <span class='small'>— {escape(e.note)}</span>" if e.note else "")
        + "</li>"
        for e in claim.evidence
    )
    notes = "".join(
        f"<li>{escape(note.body)} <span class='small'>({escape(note.by)}, {day(note.at)})</span>"
        "</li>"
        for note in claim.notes
    )
    source = (
        f"<br><span class='small'>{escape(claim.article_title)}</span>" if many_articles else ""
    )
    cells = (
        f'<td class="num">{n}</td>',
        f"<td>“{escape(claim.quote)}”{source}</td>",
        f"<td>{escape(claim.kind.value)}</td>",
        f"<td>{escape(number_text(claim))}"
        + (f"<br><span class='small'>{escape(claim.measure)}</span>" if claim.measure else "")
        + "</td>",
        f"<td>{escape(speaker_text(claim))}</td>",
        f"<td>{_badge(claim.status)}{_desk(claim)}</td>",
        f"<td>{reviewer}</td>",
        f"<td class='date'>{when}</td>",
        f"<td><ul class='plain'>{evidence}</ul></td>" if evidence else "<td></td>",
        f"<td><ul class='plain'>{notes}</ul></td>" if notes else "<td></td>",
    )
    return f"<tr id='claim-{claim.id}'>{''.join(cells)}</tr>"


def _desk(claim: ReportClaim) -> str:
    """Under the status: a pending proposal, the sign-off, the publication, a correction."""
    parts = []
    if claim.proposed_status is not None:
        parts.append(
            f"proposed {escape(STATUS_LABELS[claim.proposed_status])} by "
            f"{escape(claim.proposed_by or 'someone')}, awaiting sign-off"
        )
    elif claim.signed_off_by:
        parts.append(f"signed off by {escape(claim.signed_off_by)}")
    if claim.published_url:
        parts.append(f"{_link(claim.published_url, 'published')} {day(claim.published_at)}")
    if claim.corrected_at:
        parts.append(f"<a href='#corrections'>corrected</a> {day(claim.corrected_at)}")
    return "".join(f"<br><span class='small'>{p}</span>" for p in parts)


def _corrections(report: Report) -> str:
    if not report.corrections:
        return ""
    numbers = {c.id: n for n, c in enumerate(report.claims, start=1)}
    rows = "".join(
        f"<tr><td class='num'>{numbers.get(c.claim_id, '')}</td><td>{escape(c.changed())}</td>"
        f"<td>{escape(c.reason)}</td><td>{escape(c.by)}</td><td class='date'>{minute(c.at)}</td>"
        "</tr>"
        for c in report.corrections
    )
    return (
        "<h2 id='corrections'>Corrections</h2><table><tr><th>#</th><th>What changed</th>"
        f"<th>Why</th><th>Who</th><th>When</th></tr>{rows}</table>"
    )


def _claims_table(report: Report, numbered: Sequence[tuple[int, ReportClaim]]) -> str:
    if not numbered:
        return "<h2>Claims</h2><p>No claims match this report.</p>"
    many = len({c.article_id for _, c in numbered}) > 1
    head = "".join(
        f"<th>{h}</th>"
        for h in (
            "#",
            "Claim",
            "Kind",
            "Number",
            "Speaker",
            "Status",
            "Reviewer",
            "Date",
            "Evidence",
            "Notes",
        )
    )
    rows = "".join(_claim_row(n, c, many) for n, c in numbered)
    return f"<h2>Claims</h2><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _audit(report: Report) -> str:
    if not report.activity:
        return "<h2>Audit</h2><p>Nobody has reviewed these claims yet.</p>"
    rows = "".join(
        f"<tr><td>{escape(a.name)}</td><td class='num'>{a.status_changes}</td>"
        f"<td class='num'>{a.notes}</td><td class='num'>{a.evidence}</td>"
        f"<td>{minute(a.first)}</td><td>{minute(a.last)}</td></tr>"
        for a in report.activity
    )
    return (
        "<h2>Audit</h2><table><tr><th>Who</th><th>Status changes</th><th>Notes</th>"
        f"<th>Evidence</th><th>First</th><th>Last</th></tr>{rows}</table>"
    )


def render_html(report: Report) -> str:
    """The whole report as an HTML document."""
    numbered = list(enumerate(report.claims, start=1))
    open_claims = sum(1 for c in report.claims if not c.reviewed)
    intro = (
        f"<p class='meta'>Verification report by {escape(report.generated_by)}, "
        f"<span class='report-date'>{minute(report.generated_at)}</span>. "
        f"{len(report.claims):,} claims, {open_claims:,} of them without a final verdict.</p>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(report.title)}</title><style>{CSS}</style></head><body>"
        f"<h1>{escape(report.title)}</h1>{intro}{_summary(report)}"
        f"{_articles(report, numbered)}{_claims_table(report, numbered)}{_corrections(report)}"
        f"{_audit(report)}"
        "</body></html>\n"
    )
