"""Web addresses: the one syntax check, and the guarded requests the server makes.

Every address a user gives (an article to fetch, an evidence link, a webhook) passes
``check_url``. ``fetch`` is the only way factcheck reads a page from the network and ``post``
the only way it sends one (webhooks); neither will be turned against the network it runs in
(server-side request forgery):

- each hop of a redirect is resolved, and every address the name resolves to must be public
  (``ipaddress``'s ``is_global``, not multicast; IPv4 inside IPv6 is checked as IPv4); the
  connection goes to the very address that was checked, with the Host header and TLS name
  (SNI) set to the name, so a DNS answer cannot change between the check and the connect;
- FACTCHECK_FETCH_ALLOW (host names and networks) widens that for tests and intranets;
- the body is read raw and decoded here, in bounded steps: one small compressed chunk cannot
  expand to gigabytes, and stacked or unknown encodings are refused;
- the whole fetch, every hop and every byte, ends within FACTCHECK_FETCH_TIMEOUT seconds.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import zlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import brotli
import httpx

from factcheck.errors import BadInput, FetchFailed
from factcheck.settings import settings

MAX_URL_CHARS = 2000
MAX_REDIRECTS = 5
USER_AGENT = "factcheck/0.1 (newsroom claim tracker)"
_PIECE = 64 * 1024  # most bytes a decoder hands back at once
_NOT_IN_URLS = frozenset(' <>"`\\')  # never valid in an address (RFC 3986), seen in injections
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def check_url(url: str, *, what: str = "The address") -> str:
    """The address trimmed; BadInput unless it is an absolute http(s) URL with a host."""
    clean = url.strip()
    shown = repr(clean[:80])
    if len(clean) > MAX_URL_CHARS:
        raise BadInput(
            f"{what} has {len(clean):,} characters, over the limit of {MAX_URL_CHARS:,}; "
            "give the page's own short address."
        )
    parts = urlsplit(clean)
    try:
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        port_ok = False
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or not port_ok:
        raise BadInput(
            f"{what} {shown} is not a web address; it must start with http:// or https:// "
            "and name a host, like https://example.org/story."
        )
    if any(ch in _NOT_IN_URLS or not ch.isprintable() for ch in clean):
        raise BadInput(
            f"{what} {shown} holds spaces, quotes or < > characters that a web address "
            "cannot hold; copy it again from the browser's address bar."
        )
    if parts.username is not None or parts.password is not None:
        raise BadInput(
            f"{what} {shown} holds a user name or password before the host; give the "
            "address without them."
        )
    return clean


# ---- which addresses may be fetched -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Allowed:
    """FACTCHECK_FETCH_ALLOW: host names and networks fetched even though they are private."""

    hosts: frozenset[str]
    networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]

    @classmethod
    def parse(cls, raw: str) -> Allowed:
        """Comma-separated entries: a network (10.0.0.0/8, 127.0.0.1/32) or a host name."""
        hosts: set[str] = set()
        networks = []
        for entry in (part.strip().lower() for part in raw.split(",")):
            if not entry:
                continue
            try:
                networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                hosts.add(entry.rstrip("."))
        return cls(frozenset(hosts), tuple(networks))

    def admits(self, host: str, address: IPAddress) -> bool:
        """True when ``host`` may be fetched at ``address``."""
        if host.lower().rstrip(".") in self.hosts:
            return True
        return any(address in net for net in self.networks if net.version == address.version)


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries (mapped, NAT64, 6to4, Teredo), if any."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    return None


def is_public(address: IPAddress) -> bool:
    """True for an address on the public internet (not loopback, private, link-local ...)."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = _embedded_ipv4(address)
        if inner is not None and not is_public(inner):
            return False
    return address.is_global and not address.is_multicast


def _refused(url: str, *, posting: bool = False) -> FetchFailed:
    # One message for every internal target, whatever listens there: the form must not
    # become a port scanner.
    if posting:
        return FetchFailed(
            f"{url} cannot receive webhooks: it does not lead to a public web server. factcheck "
            "posts to public addresses only; give a public receiver, or ask an admin about "
            "FACTCHECK_FETCH_ALLOW for intranet servers."
        )
    return FetchFailed(
        f"{url} cannot be fetched: it does not lead to a public web server. factcheck fetches "
        "public pages only; save the page and upload it, or ask an admin about "
        "FACTCHECK_FETCH_ALLOW for intranet sites."
    )


def resolve(url: str, host: str, port: int, *, posting: bool = False) -> list[IPAddress]:
    """Every address ``host`` resolves to, each checked; FetchFailed when any is not allowed."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise FetchFailed(f"{url} could not be found (no such host); check the address.") from None
    addresses = list(dict.fromkeys(ipaddress.ip_address(info[4][0]) for info in infos))
    allowed = Allowed.parse(settings().fetch_allow)
    if not addresses or not all(is_public(a) or allowed.admits(host, a) for a in addresses):
        raise _refused(url, posting=posting)
    return addresses


# ---- bounded decoding -------------------------------------------------------------------


def _identity() -> Callable[[bytes], Iterator[bytes]]:
    def decode(chunk: bytes) -> Iterator[bytes]:
        yield chunk

    return decode


class _Inflate:
    """gzip or zlib ("deflate", with or without its header), inflated in bounded pieces."""

    def __init__(self, wbits: int) -> None:
        self.wbits = wbits
        self.inflater = zlib.decompressobj(wbits)
        self.started = False

    def __call__(self, chunk: bytes) -> Iterator[bytes]:
        data = chunk
        while not self.inflater.eof:
            try:
                piece = self.inflater.decompress(data, _PIECE)
            except zlib.error:
                if self.started or self.wbits != zlib.MAX_WBITS:
                    raise
                self.wbits = -zlib.MAX_WBITS  # "deflate" sent without its zlib header
                self.inflater = zlib.decompressobj(self.wbits)
                continue
            self.started = True
            data = self.inflater.unconsumed_tail
            if not piece:
                return
            yield piece


def _brotli() -> Callable[[bytes], Iterator[bytes]]:
    decompressor = brotli.Decompressor()

    def decode(chunk: bytes) -> Iterator[bytes]:
        yield decompressor.process(chunk, output_buffer_limit=_PIECE)
        while not decompressor.can_accept_more_data():
            yield decompressor.process(b"", output_buffer_limit=_PIECE)

    return decode


DECODERS: dict[str, Callable[[], Callable[[bytes], Iterator[bytes]]]] = {
    "identity": _identity,
    "gzip": lambda: _Inflate(zlib.MAX_WBITS | 16),
    "x-gzip": lambda: _Inflate(zlib.MAX_WBITS | 16),
    "deflate": lambda: _Inflate(zlib.MAX_WBITS),
    "br": _brotli,
}
ACCEPT_ENCODING = "gzip, deflate, br"


def _decoder(url: str, header: str) -> Callable[[bytes], Iterator[bytes]]:
    codings = [c.strip().lower() for c in header.split(",") if c.strip()]
    codings = [c for c in codings if c != "identity"] or ["identity"]
    if len(codings) > 1:
        raise FetchFailed(
            f"{url} sent its page compressed {len(codings)} times over ({header}); factcheck "
            "refuses stacked compression. Save the page and upload it instead."
        )
    if codings[0] not in DECODERS:
        raise FetchFailed(
            f"{url} sent its page in an encoding factcheck does not read ({header[:40]}); "
            "save the page and upload it instead."
        )
    return DECODERS[codings[0]]()


# ---- the fetch ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched page: where it ended up, its content type header and its decoded bytes."""

    url: str
    content_type: str
    data: bytes


class _Deadline:
    def __init__(self, url: str, seconds: float) -> None:
        self.url, self.seconds = url, seconds
        self.ends = time.monotonic() + seconds

    def left(self) -> float:
        remaining = self.ends - time.monotonic()
        if remaining <= 0:
            raise FetchFailed(
                f"{self.url} did not send its page within {self.seconds:g} s; try again later "
                "or raise FACTCHECK_FETCH_TIMEOUT."
            )
        return remaining


def too_big(url: str, size: int | None, cap: int) -> str:
    """The message for a page over FACTCHECK_FETCH_MAX_BYTES."""
    amount = f"{size:,} bytes, over" if size is not None else "larger than"
    return (
        f"{url} is {amount} the limit of {cap:,} bytes; save the article text to a file "
        "or raise FACTCHECK_FETCH_MAX_BYTES."
    )


def fetch(url: str, *, accept: Callable[[str, httpx.Response], None]) -> Page:
    """GET a public page, following up to MAX_REDIRECTS redirects, within every limit.

    ``accept(url, response)`` may refuse a response from its headers (status, type) before
    the body is read. FetchFailed says what went wrong; nothing is fetched from a private
    address unless FACTCHECK_FETCH_ALLOW admits it.
    """
    conf = settings()
    try:
        start = check_url(url)
    except BadInput as exc:
        raise FetchFailed(str(exc)) from None
    deadline = _Deadline(start, conf.fetch_timeout_s)
    current = start
    try:
        with httpx.Client(trust_env=False, follow_redirects=False) as client:
            for _hop in range(MAX_REDIRECTS + 1):
                with closing(_open(client, start, current, deadline)) as response:
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        current = _next_hop(start, current, response.headers["location"])
                        continue
                    accept(start, response)
                    data = _read(start, response, conf.fetch_max_bytes, deadline)
                    return Page(current, response.headers.get("content-type", ""), data)
    except httpx.TimeoutException:
        raise FetchFailed(
            f"{start} did not answer within {conf.fetch_timeout_s} s; try again later or "
            "raise FACTCHECK_FETCH_TIMEOUT."
        ) from None
    except httpx.HTTPError as exc:
        raise FetchFailed(
            f"{start} could not be reached ({type(exc).__name__}); check the address and "
            "your connection."
        ) from None
    raise FetchFailed(f"{start} redirects more than {MAX_REDIRECTS} times; open it in a browser.")


def _next_hop(start: str, current: str, location: str) -> str:
    try:
        return check_url(urljoin(current, location), what=f"{start} redirects to")
    except BadInput as exc:
        raise FetchFailed(str(exc)) from None


def _open(
    client: httpx.Client,
    start: str,
    url: str,
    deadline: _Deadline,
    *,
    body: bytes | None = None,
    extra: Mapping[str, str] | None = None,
) -> httpx.Response:
    """Send the request (a GET, or a POST of ``body``) to a checked address of ``url``'s host.

    The first of the host's addresses that connects gets it.
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    addresses = resolve(start, host, port, posting=body is not None)
    default_port = parts.port is None
    headers = {
        **(extra or {}),
        "Host": host if default_port else f"{host}:{port}",
        "User-Agent": USER_AGENT,
        "Accept-Encoding": ACCEPT_ENCODING,
    }
    last: httpx.ConnectError | None = None
    for address in addresses:
        literal = f"[{address}]" if address.version == 6 else str(address)
        pinned = parts._replace(netloc=f"{literal}:{port}").geturl()
        request = client.build_request(
            "GET" if body is None else "POST",
            pinned,
            content=body,
            headers=headers,
            timeout=httpx.Timeout(deadline.left()),
            extensions={"sni_hostname": host},
        )
        try:
            response = client.send(request, stream=True)
        except httpx.ConnectError as exc:
            last = exc
            continue
        return response
    assert last is not None
    raise last


def _read(url: str, response: httpx.Response, cap: int, deadline: _Deadline) -> bytes:
    """The decoded body, refused as soon as it passes ``cap`` (raw or decoded) or the deadline."""
    decode = _decoder(url, response.headers.get("content-encoding", ""))
    chunks: list[bytes] = []
    raw = size = 0
    try:
        for chunk in response.iter_raw():  # as it arrives (at most 64 KB a read)
            raw += len(chunk)
            if raw > cap:
                raise FetchFailed(too_big(url, None, cap))
            for piece in decode(chunk):
                size += len(piece)
                if size > cap:
                    raise FetchFailed(too_big(url, None, cap))
                chunks.append(piece)
            deadline.left()
    except (zlib.error, brotli.error) as exc:
        raise FetchFailed(
            f"{url} sent a damaged compressed page ({exc}); try again later."
        ) from None
    return b"".join(chunks)


# ---- posting (webhooks) -----------------------------------------------------------------

_SAME_METHOD_REDIRECTS = frozenset({307, 308})  # the only redirects that POST again


def check_receiver(url: str, *, what: str = "The webhook address") -> str:
    """The address trimmed; BadInput unless it is a web address of a host that may be posted to.

    The same rules as fetching: public addresses only, unless FACTCHECK_FETCH_ALLOW admits it.
    """
    clean = check_url(url, what=what)
    parts = urlsplit(clean)
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    resolve(clean, parts.hostname or "", port, posting=True)
    return clean


def post(url: str, *, body: bytes, headers: Mapping[str, str], timeout: float) -> int:
    """POST ``body`` to ``url`` through the same guards as ``fetch``; the receiver's HTTP status.

    Every hop is resolved and checked before the connection; a 307/308 redirect is followed
    (up to MAX_REDIRECTS), any other answer is returned as it is. FetchFailed when the address
    is refused, unreachable or slower than ``timeout`` seconds.
    """
    try:
        start = check_url(url, what="The webhook address")
    except BadInput as exc:
        raise FetchFailed(str(exc)) from None
    deadline = _Deadline(start, timeout)
    current = start
    try:
        with httpx.Client(trust_env=False, follow_redirects=False) as client:
            for _hop in range(MAX_REDIRECTS + 1):
                with closing(
                    _open(client, start, current, deadline, body=body, extra=headers)
                ) as response:
                    moved = response.status_code in _SAME_METHOD_REDIRECTS
                    if moved and "location" in response.headers:
                        current = _next_hop(start, current, response.headers["location"])
                        continue
                    return response.status_code
    except httpx.TimeoutException:
        raise FetchFailed(f"{start} did not answer within {timeout:g} s.") from None
    except httpx.HTTPError as exc:
        raise FetchFailed(f"{start} could not be reached ({type(exc).__name__}).") from None
    raise FetchFailed(f"{start} redirects more than {MAX_REDIRECTS} times.")
