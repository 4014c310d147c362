"""Webhooks: a local receiver on 127.0.0.1 gets signed deliveries; failures are retried."""

from __future__ import annotations

import json
import re
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
    list_hooks,
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
    location: ClassVar[str] = ""  # sent with a redirect answer

    def do_POST(self) -> None:  # noqa: N802 - the http.server API
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).got.append((dict(self.headers), body))
        self.send_response(type(self).answer)
        if type(self).location:
            self.send_header("Location", type(self).location)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def receiver(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    Receiver.got, Receiver.answer, Receiver.location = [], 204, ""
    monkeypatch.setenv("FACTCHECK_FETCH_ALLOW", "127.0.0.1")
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


def _refusal(url: str) -> str:
    return re.escape(f"{url} cannot receive webhooks: it does not lead to a public web server.")


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8080/x", "http://[::1]/x", "http://10.1.2.3/x", "http://169.254.169.254/"],
)
def test_an_internal_webhook_address_is_refused_with_the_one_message(
    session: Session, monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    admin = make_user(session, role=Role.ADMIN)
    monkeypatch.delenv("FACTCHECK_FETCH_ALLOW", raising=False)
    with pytest.raises(BadInput, match=_refusal(url)):
        add_hook(session, url=url, events=["published"], by=admin)
    assert list_hooks(session, by=admin) == []


def test_a_webhook_address_that_is_not_a_web_address_is_refused(session: Session) -> None:
    admin = make_user(session, role=Role.ADMIN)
    with pytest.raises(BadInput, match="The webhook address 'ftp://a.b/' is not a web address"):
        add_hook(session, url="ftp://a.b/", events=["published"], by=admin)


def test_an_allowed_internal_receiver_is_accepted_but_events_are_checked(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = make_user(session, role=Role.ADMIN)
    monkeypatch.setenv("FACTCHECK_FETCH_ALLOW", "10.0.0.0/8")
    with pytest.raises(BadInput, match="Unknown or no events deleted"):
        add_hook(session, url="http://10.1.2.3/x", events=["deleted"], by=admin)
    hook = add_hook(session, url="http://10.1.2.3/x", events=["published"], by=admin)
    assert [h.url for h in list_hooks(session, by=admin)] == [hook.url]


def test_a_receiver_no_longer_allowed_is_refused_at_delivery(
    session: Session, receiver: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = make_user(session, role=Role.ADMIN)
    ana = make_user(session)
    add_hook(session, url=receiver, events=["proposed"], by=admin)
    _, claims = make_article(session, by=ana)
    set_status(session, claim_id=claims[0].id or 0, status=Status.FALSE, by=ana, seen_version=1)
    monkeypatch.delenv("FACTCHECK_FETCH_ALLOW")
    assert deliver_due(session) == (0, 1)
    ((delivery, _),) = list_deliveries(session, by=admin)
    assert delivery.last_error.startswith(f"{receiver} cannot receive webhooks")
    assert Receiver.got == []  # nothing was posted


def test_a_redirect_to_an_internal_address_is_not_followed(session: Session, receiver: str) -> None:
    Receiver.answer, Receiver.location = 307, "http://10.1.2.3/steal"
    admin = make_user(session, role=Role.ADMIN)
    ana = make_user(session)
    add_hook(session, url=f"{receiver}/moved", events=["proposed"], by=admin)
    _, claims = make_article(session, by=ana)
    set_status(session, claim_id=claims[0].id or 0, status=Status.FALSE, by=ana, seen_version=1)
    assert deliver_due(session) == (0, 1)
    ((delivery, _),) = list_deliveries(session, by=admin)
    assert "cannot receive webhooks" in delivery.last_error
    assert len(Receiver.got) == 1  # the first hop only


def test_removing_a_hook_removes_its_deliveries(session: Session, receiver: str) -> None:
    admin = make_user(session, role=Role.ADMIN)
    ana = make_user(session)
    hook = add_hook(session, url=receiver, events=["proposed"], by=admin)
    _, claims = make_article(session, by=ana)
    set_status(session, claim_id=claims[0].id or 0, status=Status.FALSE, by=ana, seen_version=1)
    remove_hook(session, hook_id=hook.id or 0, by=admin)
    assert session.exec(select(Delivery)).all() == []
    assert deliver_due(session) == (0, 0)
