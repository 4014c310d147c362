"""Review page (?article=ID&claim=ID): the article with its claims marked, and the claim panel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import streamlit as st

from factcheck.articles import get_article, list_articles
from factcheck.audit import changes_since, claim_history, named_users
from factcheck.claims import (
    ClaimFilter,
    ClaimRow,
    add_claim,
    edit_claim,
    get_claim,
    list_claims,
)
from factcheck.errors import Duplicate
from factcheck.labels import STANCE_LABELS, STATUS_LABELS
from factcheck.models import Article, Claim, ClaimKind, Stance, Status
from factcheck.review import add_evidence, add_note, set_status
from factcheck.ui import annotate
from factcheck.ui.common import (
    claim_key,
    db,
    figure,
    flash,
    forget_seen,
    history_table,
    logged_in,
    name_shown,
    number,
    page_link,
    plain,
    query_int,
    saw,
    seen_version,
    shown_errors,
    status_badge,
    when,
)
from factcheck.ui.desk import sign_off_controls, sign_off_state
from factcheck.ui.downloads import download_buttons
from factcheck.ui.highlight import Span, article_html, legend_html

WATCH_SECONDS = 4  # how often an open claim is checked for others' changes
MAX_CLAIMS = 5000  # far above any real article; keeps one page run bounded
CLICK_KEY = "review_article_click"
MISSED_GENERATION = "review_missed_generation"
PICK_KEY = "review_pick"

_ARTICLE_CSS = """
.fc-article { white-space: pre-wrap; line-height: 1.85; font-size: 1.05rem;
  font-family: Georgia, 'Times New Roman', serif; color: var(--st-text-color, #1f2937);
  max-height: 75vh; overflow-y: auto; padding-right: 0.75rem; }
a.fc-link { color: inherit; text-decoration: none; cursor: pointer; }
mark.fc-mark { color: inherit; border-radius: 3px; padding: 0 1px; }
a.fc-link:hover mark.fc-mark { filter: brightness(0.88); }
"""

_ARTICLE_JS = """
export default function (component) {
  const { data, setTriggerValue, parentElement } = component;
  let host = parentElement.querySelector('.fc-host');
  if (!host) {
    host = document.createElement('div');
    host.className = 'fc-host';
    parentElement.appendChild(host);
  }
  host.innerHTML = data;
  host.querySelectorAll('a.fc-link').forEach((mark) => {
    mark.onclick = (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      setTriggerValue('clicked', Number(mark.dataset.claim));
    };
  });
  const chosen = host.querySelector('a.fc-link[data-selected]');
  if (chosen) chosen.scrollIntoView({ block: 'nearest' });
}
"""

_article_component: Callable[..., Any] | None = None


def _article_view() -> Callable[..., Any]:
    """The clickable article: our own HTML (escaped in highlight.py) and a click handler."""
    global _article_component
    if _article_component is None:
        _article_component = st.components.v2.component(
            "factcheck_article", css=_ARTICLE_CSS, js=_ARTICLE_JS
        )
    return _article_component


def _clicked() -> None:
    state = st.session_state.get(CLICK_KEY)
    claim_id = getattr(state, "clicked", None)
    if claim_id:
        _select(int(claim_id))


def _picked() -> None:
    _select(st.session_state[PICK_KEY])


def _select(claim_id: int) -> None:
    st.query_params["claim"] = str(claim_id)


def _choose_article() -> int | None:
    """Pick an article when the address names none: the newest one with open claims first."""
    with db(readonly=True) as session:
        rows, total = list_articles(session, limit=200)
    if not rows:
        st.title("Review")
        st.info("No articles yet. Add one on the Articles page, then review its claims here.")
        page_link("articles", "Add an article", icon=":material/newspaper:")
        return None
    open_first = next((i for i, r in enumerate(rows) if r.statuses.get(Status.UNREVIEWED)), 0)
    choice: int = st.selectbox(
        f"Article to review ({total} in all; the newest with unreviewed claims comes first)",
        [r.id for r in rows],
        index=open_first,
        format_func=lambda i: next(
            f"{r.title} — {r.outlet or 'no outlet'}" for r in rows if r.id == i
        ),
        key="review_article_choice",
    )
    return choice


def render() -> None:
    """The Review page."""
    article_id = query_int("article")
    if article_id is None:
        article_id = _choose_article()
        if article_id is None:
            return
    with shown_errors(), db(readonly=True) as session:
        article = get_article(session, article_id=article_id)
        rows, _ = list_claims(
            session,
            where=ClaimFilter(article_id=article_id),
            sort="position",
            descending=False,
            limit=MAX_CLAIMS,
        )
        _page(article, rows)


def _page(article: Article, rows: list[ClaimRow]) -> None:
    claims = {claim_key(r.claim): r for r in rows}
    selected = query_int("claim")
    if selected not in claims:
        selected = _first_open(rows)
    _header(article, rows)
    left, right = st.columns([3, 2], gap="large")
    with left:
        spans = [
            Span(
                claim_id=claim_key(r.claim),
                start=r.claim.start,
                end=r.claim.end,
                status=r.claim.status,
                kind=r.claim.kind,
                label=_short(r),
            )
            for r in rows
        ]
        st.html(legend_html())
        _article_view()(
            data=article_html(
                article.text, spans, article_id=claim_key_article(article), selected=selected
            ),
            key=CLICK_KEY,
            on_clicked_change=_clicked,
        )
    with right:
        if not rows:
            st.info("The extractor found no claims here. Add one below if it missed some.")
        else:
            _claim_picker(rows, selected)
            if selected is not None:
                _claim_panel(claims[selected])
        _add_missed(article)


def claim_key_article(article: Article) -> int:
    """The ID of a stored article."""
    if article.id is None:
        raise ValueError("this article is not stored yet")
    return article.id


def _first_open(rows: list[ClaimRow]) -> int | None:
    for r in rows:
        if r.claim.status is Status.UNREVIEWED:
            return claim_key(r.claim)
    return claim_key(rows[0].claim) if rows else None


def _short(row: ClaimRow) -> str:
    c = row.claim
    if c.kind is ClaimKind.NUMERIC:
        return figure(c) or c.quote[:60]
    return f"{row.speaker or 'unknown speaker'}: {c.quote[:60]}"


def _header(article: Article, rows: list[ClaimRow]) -> None:
    st.header(plain(article.title))
    outlet = rows[0].outlet if rows else None
    bits = [name_shown(outlet)] if outlet else []
    bits += [plain(b) for b in (article.author, when(article.published_at)) if b]
    open_count = sum(r.claim.status is Status.UNREVIEWED for r in rows)
    bits.append(f"{len(rows)} claims, {open_count} unreviewed")
    st.caption(" · ".join(bits))
    with st.container(horizontal=True, vertical_alignment="center"):
        st.button(
            "Next unreviewed",
            icon=":material/skip_next:",
            on_click=_next_unreviewed,
            args=(rows,),
            type="primary",
            key="next_unreviewed",
        )
        page_link("claims", "All claims", icon=":material/table_rows:")
        if article.url:
            st.link_button("Source", article.url, icon=":material/open_in_new:")
        with st.popover("Download", icon=":material/download:"):
            download_buttons(ClaimFilter(article_id=article.id), key=f"review_dl_{article.id}")


def _next_unreviewed(rows: list[ClaimRow]) -> None:
    """Select the next unreviewed claim after the current one; then another article's."""
    current = query_int("claim")
    position = next((r.claim.start for r in rows if r.claim.id == current), -1)
    open_rows = [r for r in rows if r.claim.status is Status.UNREVIEWED]
    after = [r for r in open_rows if r.claim.start > position] or open_rows
    if after:
        _select(claim_key(after[0].claim))
        return
    with db(readonly=True) as session:
        elsewhere, _ = list_claims(
            session,
            where=ClaimFilter(statuses=(Status.UNREVIEWED,)),
            sort="id",
            descending=False,
            limit=1,
        )
    if elsewhere:
        st.query_params["article"] = str(elsewhere[0].claim.article_id)
        _select(claim_key(elsewhere[0].claim))
    else:
        st.toast("Every claim has been reviewed.", icon=":material/celebration:")


def _claim_picker(rows: list[ClaimRow], selected: int | None) -> None:
    labels = {
        claim_key(r.claim): f"{STATUS_LABELS[r.claim.status]} · #{r.claim.id} {_short(r)}"
        for r in rows
    }
    st.session_state[PICK_KEY] = selected
    st.selectbox(
        f"Claim ({len(rows)} in this article; or click one in the text)",
        list(labels),
        format_func=labels.__getitem__,
        key=PICK_KEY,
        on_change=_picked,
    )


def _claim_panel(row: ClaimRow) -> None:
    claim = row.claim
    seen = seen_version(claim)
    with st.container(border=True):
        st.markdown(
            f"{status_badge(claim.status)} &nbsp; **{claim.kind.value.title()} claim** "
            f"#{claim.id} · version {claim.version}",
            unsafe_allow_html=True,
        )
        st.markdown(f"> {plain(claim.sentence)}")
        _facts(row)
        state = sign_off_state(claim, proposed_by=row.proposed_by, signed_off_by=row.signed_off_by)
        if state:
            st.info(state, icon=":material/fact_check:")
        with db(readonly=True) as session:
            user = logged_in(session)
        sign_off_controls(claim, seen, user)
        _watch(claim_key(claim), seen)
        verdict, evidence, note, edit, history = st.tabs(
            ["Status", "Evidence", "Note", "Correct", "History"]
        )
        with verdict:
            _status_form(claim, seen)
        with evidence:
            _evidence_form(claim)
        with note:
            _note_form(claim)
        with edit:
            _edit_form(row, seen)
        with history:
            _history(claim)
        page_link(
            "claim", "Everything about this claim", icon=":material/search:", claim=claim_key(claim)
        )


@st.fragment(run_every=timedelta(seconds=WATCH_SECONDS))
def _watch(claim_id: int, seen: int) -> None:
    """Say so, without a click, when someone else changes the open claim (checked every few s)."""
    with db(readonly=True) as session:
        news = changes_since(
            session, claim=get_claim(session, claim_id=claim_id), seen_version=seen
        )
    if not news:
        return
    st.warning(
        f"This claim changed since you opened it: {news} Reload it to see the change and "
        "decide again.",
        icon=":material/sync_problem:",
    )
    if st.button("Reload the claim", key=f"reload_{claim_id}", icon=":material/refresh:"):
        forget_seen([claim_id])
        st.rerun()


def _facts(row: ClaimRow) -> None:
    c = row.claim
    facts: dict[str, str] = {}
    if c.kind is ClaimKind.NUMERIC:
        facts["Figure"] = _short(row)
        if c.lower is not None and c.upper is not None and c.lower != c.upper:
            facts["Range"] = f"{number(c.lower)} – {number(c.upper)}"
        if c.measure:
            facts["Counts"] = c.measure
        if c.days is not None:
            facts["In days"] = number(c.days)
    facts["Speaker"] = row.speaker or ("not named in the text" if not c.speaker_resolved else "—")
    if c.attribution:
        facts["Attribution"] = c.attribution.value.replace("_", " ") + (
            f" ({c.cue})" if c.cue else ""
        )
    facts["Assigned to"] = row.assignee or "nobody"
    st.markdown("  \n".join(f"**{name}:** {plain(value)}" for name, value in facts.items()))


def _status_form(claim: Claim, seen: int) -> None:
    # The widgets' keys carry the version the reviewer saw: after their own write, "Not a
    # claim" or "Reload the claim" it moves on, and the form opens afresh on the current status.
    key = f"status_{claim.id}_v{seen}"
    with st.form(key, border=False):
        status = st.radio(
            "Verdict",
            list(Status),
            index=list(Status).index(claim.status),
            format_func=STATUS_LABELS.__getitem__,
            horizontal=True,
            key=f"{key}_value",
        )
        note = st.text_area("Note (optional)", key=f"{key}_note", height=80)
        saved = st.form_submit_button("Save verdict", type="primary")
    if saved and status is not None:
        _save_verdict(claim, status, seen, note)
    if claim.status is not Status.NOT_A_CLAIM and st.button(
        "Not a claim (extraction mistake)", key=f"{key}_nac", icon=":material/block:"
    ):
        _write_status(claim, Status.NOT_A_CLAIM, seen, "")


def _save_verdict(claim: Claim, status: Status, seen: int, note: str) -> None:
    """Save what the reviewer chose: a status they left alone is never written."""
    if status is not claim.status:
        _write_status(claim, status, seen, note)
    elif note.strip():
        with shown_errors(), db() as session:
            add_note(session, claim_id=claim_key(claim), body=note, by=logged_in(session))
            flash(f"Note added to claim #{claim.id}; its status stays {_label(claim.status)}.")
            st.rerun()
    else:
        st.info(f"Nothing to save: the claim is already {_label(claim.status)}.")


def _label(status: Status) -> str:
    return STATUS_LABELS[status].lower()


def _write_status(claim: Claim, status: Status, seen: int, note: str) -> None:
    with shown_errors(), db() as session:
        fresh = set_status(
            session,
            claim_id=claim_key(claim),
            status=status,
            by=logged_in(session),
            seen_version=seen,
            note=note,
        )
        saw([fresh])
        if fresh.proposed_status is not None:
            flash(
                f"Proposed {_label(status)} for claim #{claim.id}; it awaits an editor's sign-off.",
                icon=":material/hourglass_top:",
            )
        else:
            flash(f"Claim #{claim.id} is now {_label(status)}.", icon=":material/check_circle:")
        st.rerun()


def _evidence_form(claim: Claim) -> None:
    key = f"evidence_{claim.id}"
    with st.form(key, clear_on_submit=True, border=False):
        url = st.text_input("Link", placeholder="https://…", key=f"{key}_url")
        title = st.text_input("Title (optional)", key=f"{key}_title")
        stance = (
            st.radio(
                "It",
                list(Stance),
                format_func=STANCE_LABELS.__getitem__,
                horizontal=True,
                key=f"{key}_stance",
            )
            or Stance.CONTEXT
        )
        note = st.text_area("What it shows (optional)", key=f"{key}_note", height=80)
        added = st.form_submit_button("Add evidence")
    if added:
        with shown_errors(), db() as session:
            add_evidence(
                session,
                claim_id=claim_key(claim),
                url=url,
                stance=stance,
                by=logged_in(session),
                title=title,
                note=note,
            )
            st.toast("Evidence added.", icon=":material/attach_file:")


def _note_form(claim: Claim) -> None:
    key = f"note_{claim.id}"
    with st.form(key, clear_on_submit=True, border=False):
        body = st.text_area("Note", key=f"{key}_body", height=100)
        added = st.form_submit_button("Add note")
    if added:
        with shown_errors(), db() as session:
            add_note(session, claim_id=claim_key(claim), body=body, by=logged_in(session))
            st.toast("Note added.", icon=":material/sticky_note_2:")


def _edit_form(row: ClaimRow, seen: int) -> None:
    claim = row.claim
    key = f"edit_{claim.id}"
    st.caption("Correct what the extractor got wrong; every change is kept in the history.")
    with st.form(key, border=False):
        value = st.number_input("Value", value=claim.value, format="%g", key=f"{key}_value")
        cols = st.columns(2)
        qualifier = cols[0].text_input("Qualifier", claim.qualifier or "", key=f"{key}_qual")
        unit = cols[1].text_input("Unit", claim.unit or "", key=f"{key}_unit")
        measure = st.text_input("What is counted", claim.measure or "", key=f"{key}_measure")
        speaker = st.text_input("Speaker", row.speaker or "", key=f"{key}_speaker")
        saved = st.form_submit_button("Save corrections")
    if not saved:
        return
    fields: dict[str, Any] = {
        name: new
        for name, new, old in (
            ("value", value, claim.value),
            ("qualifier", qualifier.strip() or None, claim.qualifier),
            ("unit", unit.strip() or None, claim.unit),
            ("measure", measure.strip() or None, claim.measure),
        )
        if new != old
    }
    if value != claim.value:
        fields.update(lower=value, upper=value)
    who = speaker.strip()
    with shown_errors(), db() as session:
        fresh = edit_claim(
            session,
            claim_id=claim_key(claim),
            seen_version=seen,
            by=logged_in(session),
            speaker=who if who != (row.speaker or "") else None,
            **fields,
        )
        saw([fresh])
        flash(f"Claim #{claim.id} corrected.", icon=":material/edit:")
        st.rerun()


def _history(claim: Claim) -> None:
    with db(readonly=True) as session:
        history = claim_history(session, claim_id=claim_key(claim))
        history_table(history, names=named_users(session, events=[e for e, _ in history]))


def _add_missed(article: Article) -> None:
    # A new generation after each added claim gives the form fresh, empty widgets.
    generation = st.session_state.get(MISSED_GENERATION, 0)
    key = f"missed_{article.id}_{generation}"
    with st.expander("Add a claim the extractor missed", icon=":material/add:"):
        picked = annotate.pick_span(article.text, key=key)
        if picked is None:
            return
        kind = (
            st.radio(
                "Kind",
                list(ClaimKind),
                format_func=lambda k: k.value.title(),
                horizontal=True,
                key=f"{key}_kind",
            )
            or ClaimKind.NUMERIC
        )
        speaker = st.text_input("Speaker (optional)", key=f"{key}_speaker")
        value = (
            st.number_input("Value", value=None, format="%g", key=f"{key}_value")
            if kind is ClaimKind.NUMERIC
            else None
        )
        unit = st.text_input("Unit (optional)", key=f"{key}_unit") if value is not None else ""
        if st.button("Add claim", key=f"{key}_add", type="primary"):
            _write_missed(article, picked, kind, speaker, value, unit)


def _point_to(duplicate: Duplicate) -> None:
    st.warning(str(duplicate), icon=":material/content_copy:")
    if duplicate.existing_id is not None:
        st.button(
            f"Open claim #{duplicate.existing_id}",
            on_click=_select,
            args=(duplicate.existing_id,),
            key=f"missed_open_{duplicate.existing_id}",
        )


def _write_missed(
    article: Article,
    picked: annotate.Picked,
    kind: ClaimKind,
    speaker: str,
    value: float | None,
    unit: str,
) -> None:
    claim: Claim | None = None
    with shown_errors(), db() as session:
        try:
            claim = add_claim(
                session,
                article_id=claim_key_article(article),
                start=picked.start,
                end=picked.end,
                quote=picked.quote,
                kind=kind,
                by=logged_in(session),
                speaker=speaker.strip() or None,
                value=value,
                unit=unit.strip() or None,
            )
        except Duplicate as exc:
            _point_to(exc)
    if claim is None:  # refused, and told why
        return
    st.session_state[MISSED_GENERATION] = st.session_state.get(MISSED_GENERATION, 0) + 1
    _select(claim_key(claim))
    flash(f"Claim #{claim.id} added.", icon=":material/add:")
    st.rerun()
