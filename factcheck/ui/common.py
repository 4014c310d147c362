"""What every page shares: the database URL, the logged-in user, errors shown in the page."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from urllib.parse import quote

import streamlit as st
from sqlmodel import Session

from factcheck.audit import USER_FIELDS, field_name, what_happened
from factcheck.comparable import word_diff
from factcheck.db import database_url, session_scope
from factcheck.errors import FactcheckError, NotAllowed
from factcheck.extract.lexicon.units import UNITS
from factcheck.labels import STATUS_COLOURS, STATUS_LABELS
from factcheck.logins import login_user
from factcheck.models import Claim, Event, Status, User
from factcheck.names import mixed_scripts

USER_KEY = "factcheck_user_id"
TOKEN_KEY = "factcheck_login_token"  # this browser's login token (also in its cookie)
EXPIRES_KEY = "factcheck_login_expires"
COOKIE = "factcheck_login"


@contextmanager
def db(*, readonly: bool = False) -> Iterator[Session]:
    """A session on the app's database (read from the environment on every run)."""
    with session_scope(database_url(), readonly=readonly) as session:
        yield session


def current_user(session: Session) -> User | None:
    """The logged-in, still active user, or None (a disabled user is logged out at once).

    A new tab or a reload has a fresh Streamlit session: the login cookie carries it over.
    A login ended elsewhere (logout, account disabled, password changed) ends here too.
    """
    token = st.session_state.get(TOKEN_KEY)
    if USER_KEY not in st.session_state:
        token = cookie_token()
        user = login_user(session, token=token) if token else None
        if user is not None:
            st.session_state[USER_KEY], st.session_state[TOKEN_KEY] = user.id, token
        return user
    if token is not None and login_user(session, token=token) is None:
        _forget_login()
        return None
    user = session.get(User, st.session_state[USER_KEY])
    if user is None or not user.active:
        _forget_login()
        return None
    return user


def cookie_token() -> str | None:
    """The login token the browser sent with this page, if any."""
    try:
        token = st.context.cookies.get(COOKIE)
    except (AttributeError, RuntimeError):  # no browser request behind this run
        return None
    return token if isinstance(token, str) and token else None


def _forget_login() -> None:
    st.session_state.pop(USER_KEY, None)
    st.session_state.pop(TOKEN_KEY, None)


@contextmanager
def shown_errors() -> Iterator[None]:
    """Show factcheck's errors as messages in the page, never as a traceback."""
    try:
        yield
    except FactcheckError as exc:
        st.error(plain(str(exc)), icon=":material/error:")


def logged_in(session: Session) -> User:
    """The user of this run (main.py shows the login page to everyone else)."""
    user = current_user(session)
    if user is None:
        raise NotAllowed("You are logged out; log in again to go on.")
    return user


def query_int(name: str) -> int | None:
    """A whole number from the page address (``?claim=12``), or None when absent or not one."""
    raw = st.query_params.get(name)
    return int(raw) if raw is not None and raw.strip().isdigit() else None


SEEN_KEY = "factcheck_seen_versions"


def claim_key(claim: Claim) -> int:
    """The ID of a stored claim."""
    if claim.id is None:
        raise ValueError("this claim is not stored yet")
    return claim.id


def seen_version(claim: Claim) -> int:
    """The version of ``claim`` this reviewer first saw; writes name it to catch stale edits."""
    seen: dict[int, int] = st.session_state.setdefault(SEEN_KEY, {})
    return seen.setdefault(claim_key(claim), claim.version)


def saw(claims: Iterable[Claim]) -> None:
    """Remember the versions of claims the reviewer has now seen (after their own write)."""
    seen: dict[int, int] = st.session_state.setdefault(SEEN_KEY, {})
    for claim in claims:
        seen[claim_key(claim)] = claim.version


def forget_seen(claim_ids: Iterable[int]) -> None:
    """Drop remembered versions, so the next display shows and remembers the current one."""
    seen: dict[int, int] = st.session_state.setdefault(SEEN_KEY, {})
    for claim_id in claim_ids:
        seen.pop(claim_id, None)


def status_badge(status: Status) -> str:
    """A small coloured label for a status (HTML; the label text is ours, not user input)."""
    colour = STATUS_COLOURS[status]
    return (
        f'<span style="background:{colour};color:#111;border-radius:0.6em;padding:0.05em 0.6em;'
        f'font-size:0.85em;white-space:nowrap">{html.escape(STATUS_LABELS[status])}</span>'
    )


def status_bar(counts: Mapping[Status, int]) -> str:
    """A thin stacked bar of claim counts per status, with a hover text listing them."""
    total = sum(counts.values())
    if not total:
        return '<span style="color:#888;font-size:0.85em">no claims</span>'
    title = html.escape(", ".join(f"{n} {STATUS_LABELS[s].lower()}" for s, n in counts.items()))
    cells = "".join(
        f'<span style="display:inline-block;height:0.7em;width:{100 * counts[s] / total:.1f}%;'
        f'background:{STATUS_COLOURS[s]}"></span>'
        for s in Status
        if counts.get(s)
    )
    return (
        f'<div title="{title}" style="display:flex;width:100%;border-radius:3px;'
        f'overflow:hidden;margin-top:0.5em">{cells}</div>'
    )


def when(moment: datetime | None) -> str:
    """A date and time for people: '2025-03-04 14:05 UTC', or an empty string."""
    return f"{moment:%Y-%m-%d %H:%M} UTC" if moment else ""


def describe_change(event: Event, *, names: Mapping[int, str] | None = None) -> str:
    """What an event changed, in readable values, e.g. 'Unreviewed → Verified' or a note.

    Users appear by name (``names``, from audit.named_users); times are left to the When
    column; an event that changes several fields names each one.
    """
    before, after = event.before or {}, event.after or {}
    if event.entity == "correction":  # the log's line: the reason (What says it was logged)
        return " ".join(str(after.get("reason", "")).split())
    keys = [
        key
        for key, value in after.items()
        if key not in ("version", "sha256") and not key.endswith("_at") and before.get(key) != value
    ]

    def shown(key: str, value: object) -> str:
        if key in USER_FIELDS and isinstance(value, int):
            return (names or {}).get(value, f"user {value}")
        return _value(key, value)

    changed = [
        (f"{field_name(key)}: " if len(keys) > 1 else "")
        + (shown(key, before[key]) + " → " if key in before else "")
        + shown(key, after[key])
        for key in keys
    ]
    return "; ".join(changed)


STATUS_VALUES = frozenset(s.value for s in Status)


def _value(key: str, value: object) -> str:
    if key in ("status", "proposed_status") and isinstance(value, str) and value in STATUS_VALUES:
        return STATUS_LABELS[Status(value)]
    return "—" if value is None else " ".join(str(value).split())


def history_table(
    history: Sequence[tuple[Event, User | None]], *, names: Mapping[int, str]
) -> None:
    """A claim's audit trail as a table, newest first, each action in words.

    ``names``: the users the events point to (audit.named_users), shown by name.
    """
    if not history:
        st.caption("No changes recorded yet.")
        return
    st.dataframe(
        [
            {
                "When": when(event.at),
                "Who": user.display_name if user else "system",
                "What": what_happened(event, names=names),
                "Details": describe_change(event, names=names),
            }
            for event, user in reversed(history)
        ],
        hide_index=True,
        width="stretch",
        column_config={
            "When": st.column_config.TextColumn(width="medium"),
            "Who": st.column_config.TextColumn(width="medium"),
            "What": st.column_config.TextColumn(width="medium"),
            "Details": st.column_config.TextColumn(width="large"),
        },
    )


def page_link(url_path: str, label: str, *, icon: str | None = None, **query: int) -> None:
    """A link to another page of the app that keeps the login (``?article=3`` etc.)."""
    from factcheck.ui.pages import page  # pages imports every page module, so import late

    st.page_link(
        page(url_path), label=label, icon=icon, query_params={k: str(v) for k, v in query.items()}
    )


def go(url_path: str, **query: int) -> None:
    """Switch to another page of the app, with these query parameters."""
    from factcheck.ui.pages import page

    st.switch_page(page(url_path), query_params={k: str(v) for k, v in query.items()})


FLASH_KEY = "factcheck_flash"


def flash(message: str, *, icon: str = ":material/check_circle:") -> None:
    """A short confirmation shown as a toast on the next run (survives st.rerun)."""
    st.session_state.setdefault(FLASH_KEY, []).append((message, icon))


def verdict_flash(done: Sequence[Claim], status: Status) -> None:
    """Confirm a verdict on several claims: set, or proposed and awaiting sign-off."""
    label = STATUS_LABELS[status].lower()
    if any(c.proposed_status is not None for c in done):
        flash(
            f"{len(done)} claims proposed {label}; they await an editor's sign-off.",
            icon=":material/hourglass_top:",
        )
    else:
        flash(f"{len(done)} claims set to {label}.")


def show_flash() -> None:
    """Show and clear the confirmations left by the previous run."""
    for message, icon in st.session_state.pop(FLASH_KEY, []):
        st.toast(message, icon=icon)


_MARKDOWN_SPECIALS = frozenset("\\`*_{}[]()#+-.!|<>$~:=&")


def plain(text: str, *, lines: bool = False) -> str:
    """Text written by a user or fetched from a page, for any Streamlit call that renders
    Markdown (markdown, caption, title, header, success, error, toast, labels ...).

    Every page passes such text through here, once: Markdown's special characters are
    escaped, so images, links, HTML, ``:red[...]`` and ``:material/...:`` show as the
    characters they are; bidi controls are neutralised. One line, or its lines kept.
    """
    if lines:
        return "  \n".join(plain(line) for line in text.splitlines())
    visible = " ".join(neutral_bidi(text).split())
    escaped = "".join(f"\\{ch}" if ch in _MARKDOWN_SPECIALS else ch for ch in visible)
    # Streamlit turns "http://…", "www.…" and ":material/name:" into links and icons after
    # Markdown is parsed, escaped or not: an invisible word joiner breaks those patterns.
    return _WWW.sub(lambda www: www.group(0) + "\u2060", escaped.replace(":", ":\u2060"))


_WWW = re.compile(r"(?i)www(?=\\\.)")


_BIDI_CONTROLS = dict.fromkeys(
    map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
)


def name_shown(name: str) -> str:
    """An outlet or speaker name for Markdown, flagged when it mixes alphabets (a look-alike
    such as a Cyrillic "а" in "Vаlley Post" is a different outlet)."""
    if mixed_scripts(name):
        return f"{plain(name)} :orange[(mixes alphabets: check the spelling)]"
    return plain(name)


def neutral_bidi(text: str) -> str:
    """The text without bidi embedding, override and isolate controls (they reorder what
    follows them on screen: "‮fdp.exe" shows as "exe.pdf")."""
    return text.translate(_BIDI_CONTROLS)


def md_link(text: str, url: str) -> str:
    """A Markdown link with escaped text, to an http(s) address whose ( ) < > and spaces are
    percent-encoded so it cannot break out of the link; plain text for any other address."""
    if not url.lower().startswith(("http://", "https://")):
        return plain(text)
    target = quote(url, safe=":/?#@!$&'*+,;=%~[]")
    return f"[{plain(text)}]({target})"


def number(value: float | None) -> str:
    """A figure for people: 1,200 or 4.5; empty when there is none."""
    if value is None:
        return ""
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def counted(n: int, noun: str) -> str:
    """A count with its noun: "1 conflict", "2 conflicts", "1,200 claims"."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def figure(claim: Claim) -> str:
    """A numeric claim's figure as a desk writes it: qualifier, number and unit, the unit's
    plural after any number but 1 ("almost 5 months", "135 days"); empty when there is none."""
    unit = claim.unit or ""
    if claim.value is not None and claim.value != 1:
        unit = _plurals().get(unit, unit)
    return " ".join(b for b in (claim.qualifier, number(claim.value), unit) if b)


@functools.cache
def _plurals() -> dict[str, str]:
    """Each unit's name (as claims store it) → its plural among its written forms ("day" →
    "days", "century" → "centuries"); a unit without one ("percent", "foot") stays as it is."""
    plural = {}
    for u in UNITS:
        longer = [f for f in u.forms if len(f) > len(u.name) and f.startswith(u.name[:-1])]
        plural[u.name] = longer[0] if longer else u.name
    return plural


def diff_html(original: str, other: str) -> str:
    """``other``'s wording of a quote: words dropped from ``original`` struck through, words
    added underlined (all text escaped)."""
    parts = []
    for op, words in word_diff(original, other):
        text = html.escape(words)
        if op == "dropped":
            parts.append(f'<del style="color:#b00">{text}</del>')
        elif op == "added":
            parts.append(f'<ins style="color:#060">{text}</ins>')
        else:
            parts.append(text)
    return " ".join(parts)
