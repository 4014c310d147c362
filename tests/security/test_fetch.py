"""Issue 12, items 1, 2 and 4: the server fetches public pages only, in bounded memory and time.

Every hostile server here listens on 127.0.0.1 (or 127.0.0.2). Private, link-local and
metadata addresses are checked without sending a packet: resolving an IP literal needs no
network, and the guard refuses before connecting.
"""

from __future__ import annotations

import ipaddress
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, col, func, select

from factcheck.errors import FetchFailed
from factcheck.ingest import from_url, ingest_source
from factcheck.models import Article, Event, Role, User
from factcheck.urls import check_url, is_public, resolve
from tests.factories import count, make_user
from tests.localsite import closed_port
from tests.security.servers import Article as ArticlePage
from tests.security.servers import Drip, Quiet, Redirector, Secret, serve

REPO = Path(__file__).resolve().parents[2]
REFUSED = "cannot be fetched: it does not lead to a public web server"


@pytest.fixture
def reviewer(session: Session) -> User:
    return make_user(session, role=Role.REVIEWER)


@pytest.fixture
def secret() -> Iterator[int]:
    """An internal service on 127.0.0.1; yields its port."""
    with serve(Secret) as base:
        yield int(base.rsplit(":", 1)[1])


def nothing_stored(session: Session) -> bool:
    """No article, and no event but the accounts' own."""
    others = session.exec(
        select(func.count()).select_from(Event).where(col(Event.action).not_like("user.%"))
    ).one()
    return count(session, Article) == 0 and others == 0


# ---- item 1: server-side request forgery --------------------------------------------------


LOOPBACK_SPELLINGS = [
    "http://localhost:{port}/",
    "http://127.0.0.1:{port}/",
    "http://127.1:{port}/",
    "http://2130706433:{port}/",
    "http://0x7f000001:{port}/",
    "http://0177.0.0.1:{port}/",
    "http://[::1]:{port}/",
    "http://[::ffff:127.0.0.1]:{port}/",
    "http://0.0.0.0:{port}/",
    "http://LocalHost:{port}/admin",
]


@pytest.mark.parametrize("spelling", LOOPBACK_SPELLINGS)
def test_loopback_in_any_spelling_is_refused_and_nothing_is_stored(
    session: Session, reviewer: User, secret: int, spelling: str
) -> None:
    url = spelling.format(port=secret)
    outcome = ingest_source(session, source=url, by=reviewer)
    assert outcome.error is not None
    assert outcome.error.startswith(f"{url} {REFUSED}. factcheck fetches public pages only")
    assert "FACTCHECK_FETCH_ALLOW" in outcome.error
    assert "hunter2" not in outcome.error
    assert nothing_stored(session)


@pytest.mark.parametrize(
    "address",
    [
        "169.254.169.254",  # cloud metadata
        "fd00:ec2::254",  # cloud metadata, IPv6
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "100.64.0.1",  # carrier-grade NAT
        "224.0.0.1",  # multicast
        "239.255.255.250",
        "255.255.255.255",
        "240.0.0.1",  # reserved
        "fe80::1",
        "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
        "2002:a00:1::",  # 6to4 of 10.0.0.1
    ],
)
def test_private_link_local_multicast_and_reserved_addresses_are_refused(address: str) -> None:
    # resolve() is what every hop goes through before any connection is made.
    with pytest.raises(FetchFailed, match=REFUSED):
        resolve(f"http://{address}/", address, 80)
    assert not is_public(ipaddress.ip_address(address))


def test_public_addresses_pass_the_check() -> None:
    for address in ("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "8.8.8.8"):
        assert is_public(ipaddress.ip_address(address))


class NotFoundPage(Quiet):
    def do_GET(self) -> None:
        self.send_body(b"<p>no</p>", status=404)


class Hang(Quiet):
    def do_GET(self) -> None:
        time.sleep(5)


def test_closed_open_and_hanging_internal_ports_give_one_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FACTCHECK_FETCH_TIMEOUT", "2")
    with serve(NotFoundPage) as missing, serve(Hang) as hanging:
        targets = [missing, hanging, f"http://127.0.0.1:{closed_port()}"]
        messages = set()
        for base in targets:
            started = time.monotonic()
            with pytest.raises(FetchFailed) as refused:
                from_url(f"{base}/x")
            assert time.monotonic() - started < 1  # refused before connecting
            messages.add(str(refused.value).replace(base, "URL"))
    assert len(messages) == 1


def test_a_redirect_to_an_internal_address_is_refused_and_nothing_is_stored(
    session: Session, reviewer: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The redirector is the "public" site (allowed); it points at a service on 127.0.0.2.
    monkeypatch.setenv("FACTCHECK_FETCH_ALLOW", "127.0.0.1/32")
    with serve(Secret, host="127.0.0.2") as inside, serve(Redirector) as outside:
        Redirector.target = f"{inside}/internal/keys"
        outcome = ingest_source(session, source=f"{outside}/story", by=reviewer)
    assert outcome.error is not None
    assert outcome.error.startswith(f"{outside}/story {REFUSED}")
    assert "hunter2" not in outcome.error
    assert nothing_stored(session)


def test_the_connection_goes_to_the_address_that_was_checked(
    session: Session, reviewer: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    # DNS rebinding: the name answers an allowed address for the check and an internal one
    # for every lookup after it. Only the checked address may be connected to.
    monkeypatch.setenv("FACTCHECK_FETCH_ALLOW", "127.0.0.1/32")
    real = socket.getaddrinfo
    lookups: list[str] = []

    def rebinding(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "news.rebind.test":
            lookups.append(host)
            host = "127.0.0.1" if len(lookups) == 1 else "127.0.0.2"
        return real(host, port, *args, **kwargs)

    with serve(ArticlePage) as outside:
        port = int(outside.rsplit(":", 1)[1])
        with serve(Secret, host="127.0.0.2", port=port):  # same port, the internal address
            monkeypatch.setattr(socket, "getaddrinfo", rebinding)
            outcome = ingest_source(session, source=f"http://news.rebind.test:{port}/", by=reviewer)
    assert outcome.error is None, outcome.error
    (article,) = session.exec(select(Article)).all()
    assert "41,000 cubic metres" in article.text
    assert "hunter2" not in article.text


def test_the_allow_list_admits_named_hosts_and_networks(monkeypatch: pytest.MonkeyPatch) -> None:
    with serve(ArticlePage) as base:
        monkeypatch.setenv("FACTCHECK_FETCH_ALLOW", "")
        with pytest.raises(FetchFailed, match=REFUSED):
            from_url(f"{base}/story")
        monkeypatch.setenv("FACTCHECK_FETCH_ALLOW", "intranet.example, 127.0.0.0/8")
        assert "41,000 cubic metres" in from_url(f"{base}/story").text
        monkeypatch.setenv("FACTCHECK_FETCH_ALLOW", "localhost")
        port = base.rsplit(":", 1)[1]
        assert "41,000" in from_url(f"http://localhost:{port}/story").text
        with pytest.raises(FetchFailed, match=REFUSED):
            from_url(f"{base}/story")  # 127.0.0.1 by number is not the name "localhost"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("https://:80/x", "is not a web address"),
        ("http:///x", "is not a web address"),
        ("http://example.org:99999/", "is not a web address"),
        ("https://trusted.org@attacker.test/", "holds a user name or password"),
        ("https://example.org/x>)![ev](http://attacker.test/b.png)", "cannot hold"),
        ("https://example.org/a b", "cannot hold"),
        ("https://example.org/" + "a" * 2100, "over the limit of 2,000"),
    ],
)
def test_one_syntax_check_for_every_address(url: str, message: str) -> None:
    with pytest.raises(FetchFailed, match=message):
        from_url(url)
    with pytest.raises(Exception, match=message):
        check_url(url, what="The evidence link")


# ---- item 2: decompression bombs ----------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "message"),
    [
        ("br", "is larger than the limit of 5,000,000 bytes"),
        ("gzip", "is larger than the limit of 5,000,000 bytes"),
        ("gzip, gzip", "compressed 2 times over (gzip, gzip); factcheck refuses stacked"),
    ],
)
def test_a_decompression_bomb_is_refused_within_50_mb_of_memory(
    encoding: str, message: str
) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "tests/security/peak_fetch.py"), encoding],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        cwd=REPO,
    )
    before, after, said = done.stdout.strip().split(" ", 2)
    grown_mb = (int(after) - int(before)) / 1024
    assert message in said
    assert grown_mb < 50, f"{encoding}: peak memory grew {grown_mb:.0f} MB"


def test_an_unknown_encoding_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    class Odd(Quiet):
        def do_GET(self) -> None:
            self.send_body(b"\x28\xb5\x2f\xfd" + b"\0" * 100, encoding="zstd")

    monkeypatch.setenv("FACTCHECK_FETCH_ALLOW", "127.0.0.1/32")
    with serve(Odd) as base, pytest.raises(FetchFailed, match="an encoding factcheck does not"):
        from_url(f"{base}/story")


# ---- item 4: slow-drip responses ---------------------------------------------------------


def test_a_slow_drip_page_is_cut_off_at_the_deadline(
    session: Session, reviewer: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_FETCH_ALLOW", "127.0.0.1/32")
    monkeypatch.setenv("FACTCHECK_FETCH_TIMEOUT", "2")
    with serve(Drip) as base:
        started = time.monotonic()
        outcome = ingest_source(session, source=f"{base}/story", by=reviewer)
        took = time.monotonic() - started
    assert outcome.error == (
        f"{base}/story did not send its page within 2 s; try again later or raise "
        "FACTCHECK_FETCH_TIMEOUT."
    )
    assert took < 4.5
    assert nothing_stored(session)
