"""Article text → HTML with every claim marked, coloured by status (pure: no Streamlit, no DB).

Numeric claims are filled with their status colour; attributed claims are underlined in it,
so the two kinds stay apart even where a figure sits inside a quotation. Overlapping claims
are cut at every boundary: each piece carries the styles of all claims covering it and clicks
through to the innermost one. Every character of the article passes through ``html.escape``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.labels import STATUS_COLOURS, STATUS_LABELS
from factcheck.models import ClaimKind, Status


@dataclass(frozen=True, slots=True)
class Span:
    """One claim as the highlighter needs it."""

    claim_id: int
    start: int
    end: int
    status: Status
    kind: ClaimKind
    label: str = ""  # shown on hover, e.g. "3,400 people · Verified"


def pieces(length: int, spans: Sequence[Span]) -> list[tuple[int, int, list[Span]]]:
    """The text cut at every span boundary: (start, end, spans covering it, innermost first)."""
    valid = [s for s in spans if 0 <= s.start < s.end <= length]
    cuts = sorted({0, length, *(s.start for s in valid), *(s.end for s in valid)})
    out = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = [s for s in valid if s.start <= left and right <= s.end]
        covering.sort(key=lambda s: (s.end - s.start, s.claim_id))
        out.append((left, right, covering))
    return out


def _style(covering: list[Span], selected: int | None) -> str:
    numeric = next((s for s in covering if s.kind is ClaimKind.NUMERIC), None)
    attributed = next((s for s in covering if s.kind is ClaimKind.ATTRIBUTED), None)
    rules = []
    if numeric is not None:
        rules.append(f"background:{STATUS_COLOURS[numeric.status]}88")
    if attributed is not None:
        rules.append(f"border-bottom:3px solid {STATUS_COLOURS[attributed.status]}")
        if numeric is None:
            rules.append(f"background:{STATUS_COLOURS[attributed.status]}1f")
    if any(s.claim_id == selected for s in covering):
        rules.append("outline:2px solid #1f2937;outline-offset:1px")
    return ";".join(rules)


def _title(covering: list[Span]) -> str:
    return " | ".join(
        f"#{s.claim_id} {s.kind.value}: {STATUS_LABELS[s.status]}"
        + (f" · {s.label}" if s.label else "")
        for s in covering
    )


def article_html(
    text: str, spans: Sequence[Span], *, article_id: int, selected: int | None = None
) -> str:
    """The article as HTML: each claim piece a ``<mark class="fc-mark">`` in a link to it."""
    parts = []
    for start, end, covering in pieces(len(text), spans):
        chunk = html.escape(text[start:end], quote=True)
        if not covering:
            parts.append(chunk)
            continue
        target = covering[0].claim_id
        kinds = " ".join(sorted({f"fc-{s.kind.value}" for s in covering}))
        chosen = " data-selected" if any(c.claim_id == selected for c in covering) else ""
        parts.append(
            f'<a class="fc-link" data-claim="{target}"{chosen} '
            f'href="?article={article_id}&amp;claim={target}" '
            f'title="{html.escape(_title(covering), quote=True)}">'
            f'<mark class="fc-mark {kinds}" data-claim="{target}" '
            f'style="{_style(covering, selected)}">{chunk}</mark></a>'
        )
    return f'<div class="fc-article">{"".join(parts)}</div>'


def legend_html() -> str:
    """A one-line key: the status colours, and how numeric and attributed claims look."""
    chip = "display:inline-block;padding:0 0.5em;margin:0 0.3em 0.3em 0;border-radius:0.5em"
    swatches = "".join(
        f'<span style="{chip};background:{STATUS_COLOURS[s]}">{html.escape(STATUS_LABELS[s])}'
        "</span>"
        for s in Status
    )
    grey = STATUS_COLOURS[Status.UNREVIEWED]
    kinds = (
        f'<span style="margin-left:1em;background:{grey}88;padding:0 3px">12,000</span> numeric'
        f' &nbsp; <span style="border-bottom:3px solid {grey}">“a quote”</span> attributed'
    )
    return f'<div style="font-size:0.8rem;color:#333;line-height:1.9">{swatches}{kinds}</div>'
