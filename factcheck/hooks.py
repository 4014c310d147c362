"""Outgoing webhooks: admins add an address and pick events; deliveries are queued, signed, retried.

A change to a claim queues one Delivery per subscribed hook in the change's own transaction
(``enqueue``). ``deliver_due`` posts what is due, a bounded batch at a time with a short
timeout, and is called by ``factcheck hooks deliver`` (cron) and by the app's background
worker, never inside a reviewer's click. Each post is JSON with the header
``X-Factcheck-Signature: sha256=<hex HMAC-SHA256 of the body with the hook's secret>``; a
failure is retried after 30 s, 1, 2, 4 … minutes, and given up after MAX_ATTEMPTS.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

import httpx
import sqlalchemy as sa
from sqlmodel import Session, col, select

from factcheck import urls
from factcheck.audit import add_recorded, record
from factcheck.errors import BadInput, NotFound
from factcheck.models import Delivery, DeliveryState, NoticeKind, User, Webhook, utcnow
from factcheck.permissions import Action, require
from factcheck.settings import settings

SIGNATURE_HEADER = "X-Factcheck-Signature"
EVENT_HEADER = "X-Factcheck-Event"
MAX_ATTEMPTS = 8  # about two hours of retries
FIRST_RETRY_S = 30
TIMEOUT_S = 5.0  # a slow receiver must not hold the worker
BATCH = 20  # deliveries per call of deliver_due
MAX_HOOKS = 50

# What posts a delivery: (url, body, headers) -> HTTP status. Tests and the app use post().
Transport = Callable[[str, bytes, Mapping[str, str]], int]


def sign(secret: str, body: bytes) -> str:
    """The signature header's value for ``body``: 'sha256=' and the hex HMAC-SHA256."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, header: str) -> bool:
    """True when ``header`` is the signature of ``body`` (what a receiver should check)."""
    return hmac.compare_digest(sign(secret, body), header)


def post(url: str, body: bytes, headers: Mapping[str, str]) -> int:
    """POST ``body`` to ``url`` through factcheck.urls (its address rules, checked again now)."""
    return urls.post(url, body=body, headers=headers, timeout=TIMEOUT_S)


# ---- hooks -------------------------------------------------------------------------------


def check_events(events: Iterable[str]) -> list[str]:
    """The event names, checked; BadInput names the choices."""
    chosen = [e.strip() for e in events if e.strip()]
    known = [k.value for k in NoticeKind]
    unknown = [e for e in chosen if e not in known]
    if unknown or not chosen:
        raise BadInput(
            f"Unknown or no events {', '.join(unknown) or '(none)'}; choose from "
            f"{', '.join(known)}."
        )
    return sorted(set(chosen), key=known.index)


def add_hook(
    session: Session, *, url: str, events: Iterable[str], by: User, slack: bool = False
) -> Webhook:
    """Add a webhook; its secret is made here and shown to the admin once they list hooks."""
    require(by, Action.MANAGE_HOOKS)
    address = urls.check_receiver(url)
    chosen = check_events(events)
    existing = session.exec(select(sa.func.count()).select_from(Webhook)).one()
    if existing >= MAX_HOOKS:
        raise BadInput(f"There are already {MAX_HOOKS} webhooks; remove one first.")
    hook = Webhook(
        url=address,
        events=chosen,
        secret=secrets.token_hex(32),
        slack=slack,
        created_by_id=by.key,
    )
    add_recorded(session, hook, by=by, action="hook.add", after={"url": address, "events": chosen})
    session.commit()
    return hook


def list_hooks(session: Session, *, by: User) -> Sequence[Webhook]:
    """Every webhook, oldest first (admins only: they carry secrets)."""
    require(by, Action.MANAGE_HOOKS)
    return session.exec(select(Webhook).order_by(col(Webhook.id))).all()


def remove_hook(session: Session, *, hook_id: int, by: User) -> None:
    """Remove a webhook and its deliveries."""
    require(by, Action.MANAGE_HOOKS)
    hook = session.get(Webhook, hook_id)
    if hook is None:
        raise NotFound(f"There is no webhook {hook_id}; `factcheck hooks list` shows them.")
    session.execute(sa.delete(Delivery).where(col(Delivery.hook_id) == hook_id))
    record(
        session,
        by=by,
        action="hook.remove",
        entity="webhook",
        entity_id=hook_id,
        before={"url": hook.url, "events": hook.events},
    )
    session.delete(hook)
    session.commit()


def list_deliveries(
    session: Session, *, by: User, limit: int = 100
) -> Sequence[tuple[Delivery, Webhook]]:
    """The latest deliveries with their hook, newest first (admins only)."""
    require(by, Action.MANAGE_HOOKS)
    return session.exec(
        select(Delivery, Webhook)
        .join(Webhook, col(Webhook.id) == Delivery.hook_id)
        .order_by(col(Delivery.id).desc())
        .limit(max(1, min(limit, 1000)))
    ).all()


def delivery_counts(session: Session, *, by: User) -> dict[tuple[int, DeliveryState], int]:
    """How many deliveries each hook has in each state: {(hook id, state): count} (admins)."""
    require(by, Action.MANAGE_HOOKS)
    rows = session.exec(
        select(Delivery.hook_id, Delivery.state, sa.func.count()).group_by(
            col(Delivery.hook_id), col(Delivery.state)
        )
    ).all()
    return {(hook_id, DeliveryState(state)): count for hook_id, state, count in rows}


# ---- queueing and delivering -------------------------------------------------------------


def _body(hook: Webhook, payload: Mapping[str, Any]) -> str:
    if hook.slack:
        return json.dumps({"text": payload["text"]}, ensure_ascii=False)
    return json.dumps(payload, ensure_ascii=False, sort_keys=True)


def enqueue(session: Session, *, kind: NoticeKind, payload: Mapping[str, Any]) -> int:
    """Queue ``payload`` for every active hook that wants ``kind`` (caller commits)."""
    hooks = session.exec(select(Webhook).where(col(Webhook.active).is_(True))).all()
    wanted = [h for h in hooks if kind.value in h.events]
    for hook in wanted:
        session.add(
            Delivery(
                hook_id=hook.id or 0,
                event=kind,
                claim_id=payload.get("claim", {}).get("id"),
                body=_body(hook, payload),
            )
        )
    return len(wanted)


def _backoff(attempts: int) -> timedelta:
    return timedelta(seconds=FIRST_RETRY_S * 2 ** max(0, attempts - 1))


def deliver_due(
    session: Session,
    *,
    transport: Transport = post,
    now: datetime | None = None,
    limit: int = BATCH,
) -> tuple[int, int]:
    """Post up to ``limit`` due deliveries; returns (delivered, failed this round).

    Each delivery is claimed (its next attempt moved on) and committed before the post, so
    two workers never post the same delivery at once.
    """
    moment = now or utcnow()
    due = session.exec(
        select(col(Delivery.id))
        .where(col(Delivery.state) == DeliveryState.PENDING, col(Delivery.next_at) <= moment)
        .order_by(col(Delivery.next_at), col(Delivery.id))
        .limit(limit)
    ).all()
    delivered = failed = 0
    for delivery_id in due:
        claimed = session.execute(
            sa.update(Delivery)
            .where(
                col(Delivery.id) == delivery_id,
                col(Delivery.state) == DeliveryState.PENDING,
                col(Delivery.next_at) <= moment,
            )
            .values(next_at=moment + timedelta(seconds=TIMEOUT_S * 4))
        )
        session.commit()
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            continue  # another worker took it
        delivery = session.get(Delivery, delivery_id)
        hook = session.get(Webhook, delivery.hook_id) if delivery else None
        if delivery is None or hook is None:
            continue
        if _attempt(delivery, hook, transport, moment):
            delivered += 1
        else:
            failed += 1
        session.add(delivery)
        session.commit()
    return delivered, failed


def _attempt(delivery: Delivery, hook: Webhook, transport: Transport, moment: datetime) -> bool:
    """One post of ``delivery``; updates its state. True when the receiver took it."""
    body = delivery.body.encode("utf-8")
    headers = {
        "Content-Type": "application/json",
        SIGNATURE_HEADER: sign(hook.secret, body),
        EVENT_HEADER: delivery.event.value,
    }
    delivery.attempts += 1
    try:
        code = transport(hook.url, body, headers)
        error = "" if 200 <= code < 300 else f"the receiver answered HTTP {code}"
    except BadInput as exc:
        code, error = None, str(exc)
    except httpx.HTTPError as exc:  # a transport other than post()
        code, error = None, f"{type(exc).__name__}: {exc}"
    delivery.last_code = code
    delivery.last_error = error[:500]
    if not error:
        delivery.state = DeliveryState.DELIVERED
        delivery.delivered_at = moment
        return True
    if delivery.attempts >= MAX_ATTEMPTS:
        delivery.state = DeliveryState.FAILED
    else:
        delivery.next_at = moment + _backoff(delivery.attempts)
    return False


def claim_link(claim_id: int) -> str:
    """The address of a claim's page in the app."""
    return f"{settings().public_url.rstrip('/')}/claim?claim={claim_id}"


WORKER_PAUSE_S = 15


def run_worker(url: str, *, stop: threading.Event) -> None:
    """Post due deliveries of the database at ``url`` every WORKER_PAUSE_S seconds until stopped.

    The app runs this in a daemon thread, so a reviewer's click never waits for a receiver.
    Errors (a receiver down, the database busy) are recorded on the delivery or retried at the
    next round; the loop itself never stops on them.
    """
    from factcheck.db import session_scope

    while not stop.wait(WORKER_PAUSE_S):
        try:
            with session_scope(url) as session:
                deliver_due(session)
        except Exception:  # noqa: BLE001, S112 - the next round tries again
            continue


def start_worker(url: str) -> threading.Event:
    """Start the delivery worker for ``url`` in a daemon thread; set the event to stop it."""
    stop = threading.Event()
    threading.Thread(
        target=run_worker, args=(url,), kwargs={"stop": stop}, daemon=True, name="webhooks"
    ).start()
    return stop
