"""Download buttons for reports and data files, for any set of claims (an article, a filter).

The page run only counts the claims; each file is built when its button is clicked, in a
session of its own, so showing the buttons stays fast whatever the selection.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from factcheck.claims import ClaimFilter
from factcheck.errors import FactcheckError
from factcheck.exports import (
    count_exported,
    export_action,
    export_bytes,
    export_filename,
    report_limit,
)
from factcheck.models import User
from factcheck.permissions import Action, can
from factcheck.reports import FORMATS
from factcheck.settings import publisher_warning
from factcheck.ui.common import current_user, db

HELP = {
    "html": "A report to read or print: the article highlighted, the claims, the audit.",
    "pdf": "The same report as PDF, with page numbers.",
    "md": "The report as Markdown, to paste into a CMS or a chat.",
    "csv": "One row per claim with every field, for a spreadsheet.",
    "json": "One object per claim with every field, evidence and notes.",
    "jsonl": "One JSON object per line, for data tools.",
    "claimreview": "schema.org ClaimReview markup for the claims with a final verdict.",
}


def _builder(fmt: str, where: ClaimFilter, user_id: int) -> Callable[[], bytes]:
    """The file, made on click (in Streamlit's download thread, with its own session)."""

    def build() -> bytes:
        with db(readonly=True) as session:
            user = session.get(User, user_id)
            if user is None:
                return b"Your account no longer exists; log in again."
            try:
                return export_bytes(session, fmt=fmt, where=where, by=user)
            except FactcheckError as exc:  # the button cannot show an error: say it in the file
                return f"The export failed: {exc}\n".encode()

    return build


def _too_many(over: dict[str, int]) -> str:
    """Which formats the selection is too big for, e.g. 'Too many claims for PDF (at most …)'."""
    limits = sorted(set(over.values()))
    parts = [
        f"{', '.join(FORMATS[k].label for k, v in over.items() if v == limit)} (at most {limit:,})"
        for limit in limits
    ]
    return f" Too many claims for {'; '.join(parts)}: narrow the filter, or use CSV, JSON or JSONL."


def download_buttons(where: ClaimFilter, *, key: str) -> None:
    """Buttons to download the claims matching ``where`` in every format the user may have."""
    with db(readonly=True) as session:
        user = current_user(session)
        total = count_exported(session, where=where) if user is not None else 0
    if user is None or user.id is None:
        return
    if not can(user, Action.EXPORT):
        st.info(
            f"Reports and exports are for editors and admins; you are a {user.role.value}. "
            "Ask an editor to export these claims for you.",
            icon="🔒",
        )
        return
    allowed = [f for f in FORMATS.values() if can(user, export_action(f.key))]
    over = {f.key: limit for f in allowed if (limit := report_limit(f.key)) and total > limit}
    st.caption(
        f"Download {total:,} claim{'s' if total != 1 else ''} (claims marked “not a claim” "
        "are left out)." + (_too_many(over) if over else "")
    )
    warning = publisher_warning() if "claimreview" in {f.key for f in allowed} else None
    if warning:
        st.warning(warning, icon=":material/badge:")
    for fmt in allowed:  # one under the other: fits a popover as well as a page
        st.download_button(
            fmt.label,
            data=_builder(fmt.key, where, user.id),
            file_name=export_filename(fmt.key, where),
            mime=fmt.mime,
            key=f"{key}-download-{fmt.key}",
            help=HELP[fmt.key],
            on_click="ignore",
            disabled=fmt.key in over,
            icon=":material/download:",
            width="stretch",
        )
