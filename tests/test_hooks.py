"""Webhooks: a local receiver on 127.0.0.1 gets signed deliveries; failures are retried."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler
from typing import ClassVar

import pytest
from sqlmodel import Session, select

from factcheck.errors import BadInput
from factcheck.hooks import (
    EVENT_HEADER,
    MAX_ATTEMPTS,
    SIGNATURE_HEADER,
    add_hook,
    deliver_due,
    list_deliveries,
    remove_hook,
    verify,
)
from factcheck.models import Delivery, DeliveryState, Role, Status, utcnow
from factcheck.review import set_status, sign_off
from tests.factories import make_article, make_user
from tests.localsite import serving


class Receiver(BaseHTTPRequestHandler):
    """Records each POST; answers with the class's ``answer`` status."""

    got: ClassVar[list[tuple[dict[str, str], bytes]]] = []
    answer: ClassVar[int] = 204

    def do_POST(self) -> None:  # noqa: N802 - the http.server API
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).got.append((dict(self.headers), body))
        self.send_response(type(self).answer)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def receiver(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    Receiver.got, Receiver.answer = [], 204
    monkeypatch.setenv("FACTCHECK_ALLOWED_HOSTS", "127.0.0.1")
    with serving(Receiver) as url:
        yield url


def test_a_sign_off_reaches_the_receiver_signed(session: Session, receiver: str) -> None:
    admin = make_user(session, role=Role.ADMIN)
    ana, ed = make_user(session), make_user(session, role=Role.EDITOR)
    hook = add_hook(session, url=f"{receiver}/desk", events=["signed_off"], by=admin)
    _, claims = make_article(session, by=ana)
    cid = claims[0].id or 0
    set_status(session, claim_id=cid, status=Status.FALSE, by=ana, seen_version=1)
    sign_off(session, claim_id=cid, by=ed, seen_version=2)
    assert deliver_due(session) == (1, 0)
    ((headers, body),) = Receiver.got
    assert verify(hook.secret, body, headers[SIGNATURE_HEADER])
    assert not verify("another secret", body, headers[SIGNATURE_HEADER])
    assert headers[EVENT_HEADER] == "signed_off"
    sent = json.loads(body)
    assert sent["event"] == "signed_off" and sent["claim"]["status"] == "false"
    assert sent["claim"]["id"] == cid and sent["actor"] == ed.display_name
    ((delivery, _),) = list_deliveries(session, by=admin)
    assert (delivery.state, delivery.attempts, delivery.last_code) == (
        DeliveryState.DELIVERED,
        1,
        204,
    )
    assert deliver_due(session) == (0, 0)  # nothing posts twice


def test_a_slack_hook_gets_a_text_payload(session: Session, receiver: str) -> None:
    admin = make_user(session, role=Role.ADMIN)
    ana = make_user(session)
    add_hook(session, url=receiver, events=["proposed"], by=admin, slack=True)
    _, claims = make_article(session, by=ana)
    set_status(session, claim_id=claims[0].id or 0, status=Status.FALSE, by=ana, seen_version=1)
    deliver_due(session)
    ((_, body),) = Receiver.got
    sent = json.loads(body)
    assert list(sent) == ["text"]
    assert sent["text"].startswith(f"{ana.display_name} proposed a verdict on claim #")
    assert "(False)" in sent["text"] and "“3,400”" in sent["text"]


def test_a_failing_receiver_is_retried_with_backoff_then_given_up(
    session: Session, receiver: str
) -> None:
    Receiver.answer = 500
    admin = make_user(session, role=Role.ADMIN)
    ana = make_user(session)
    add_hook(session, url=receiver, events=["proposed"], by=admin)
    _, claims = make_article(session, by=ana)
    set_status(session, claim_id=claims[0].id or 0, status=Status.FALSE, by=ana, seen_version=1)
    now = utcnow()
    assert deliver_due(session, now=now) == (0, 1)
    delivery = session.exec(select(Delivery)).one()
    session.refresh(delivery)
    assert delivery.last_error == "the receiver answered HTTP 500"
    assert delivery.next_at - now == timedelta(seconds=30)
    assert deliver_due(session, now=now) == (0, 0)  # not due yet
    for _ in range(MAX_ATTEMPTS - 1):
        now += timedelta(days=1)
        deliver_due(session, now=now)
    session.refresh(delivery)
    assert (delivery.state, delivery.attempts) == (DeliveryState.FAILED, MAX_ATTEMPTS)
    assert len(Receiver.got) == MAX_ATTEMPTS


def test_internal_addresses_are_refused_unless_allowed(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = make_user(session, role=Role.ADMIN)
    monkeypatch.delenv("FACTCHECK_ALLOWED_HOSTS", raising=False)
    for url in ("http://127.0.0.1:8080/x", "http://[::1]/x", "http://10.1.2.3/x", "ftp://a.b/"):
        with pytest.raises(BadInput):
            add_hook(session, url=url, events=["published"], by=admin)
    monkeypatch.setenv("FACTCHECK_ALLOWED_HOSTS", "hooks.example")
    with pytest.raises(BadInput, match="Unknown or no events"):
        add_hook(session, url="https://hooks.example/x", events=["deleted"], by=admin)


def test_removing_a_hook_removes_its_deliveries(session: Session, receiver: str) -> None:
    admin = make_user(session, role=Role.ADMIN)
    ana = make_user(session)
    hook = add_hook(session, url=receiver, events=["proposed"], by=admin)
    _, claims = make_article(session, by=ana)
    set_status(session, claim_id=claims[0].id or 0, status=Status.FALSE, by=ana, seen_version=1)
    remove_hook(session, hook_id=hook.id or 0, by=admin)
    assert session.exec(select(Delivery)).all() == []
    assert deliver_due(session) == (0, 0)
