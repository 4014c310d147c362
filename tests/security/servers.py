"""Hostile web servers for the security tests, each on 127.0.0.1 (or 127.0.0.2) only.

- ``Article``: a public-looking page (the allowed target);
- ``Secret``: an "internal" service whose text must never be stored;
- ``Redirector``: answers every path with a redirect to the address in ``.target``;
- ``Bomb``: a small compressed body that expands to hundreds of megabytes (``.encoding``);
- ``Drip``: sends its headers, then one byte every 0.2 s for up to 30 s.
"""

from __future__ import annotations

import contextlib
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import brotli

ARTICLE = (
    "<html lang='en'><head><title>Harbour dredging finished</title></head><body><article>"
    "<h1>Harbour dredging finished</h1><p>The port authority said on Tuesday that dredging "
    "of the eastern harbour removed 41,000 cubic metres of silt over nine weeks, and that "
    "ships of up to 12 metres draught can now berth at the container quay.</p></article>"
    "</body></html>"
)
SECRET = (
    "<html><body><article><p>INTERNAL ONLY: database password hunter2, admin console at "
    "port 9000, the backup key is kept in the third drawer of the server room desk.</p>"
    "</article></body></html>"
)
EXPANDED_MB = 128  # what a bomb expands to


class Quiet(BaseHTTPRequestHandler):
    """A handler that keeps the test output quiet and sends whole bodies."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """No access log."""

    def send_body(self, body: bytes, *, encoding: str = "", status: int = 200) -> None:
        """Send ``body`` as HTML with its length (and its Content-Encoding, when given)."""
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)


class Article(Quiet):
    """The public page."""

    def do_GET(self) -> None:
        """Every path is the article."""
        self.send_body(ARTICLE.encode())


class Secret(Quiet):
    """The internal service."""

    def do_GET(self) -> None:
        """Every path is the secret."""
        self.send_body(SECRET.encode())


class Redirector(Quiet):
    """Redirects every request to ``target``."""

    target = ""

    def do_GET(self) -> None:
        """302 to the target."""
        self.send_response(302)
        self.send_header("Location", self.target)
        self.send_header("Content-Length", "0")
        self.end_headers()


def _deflated(compressor: zlib._Compress, megabytes: int) -> bytes:
    block = b"\0" * (1 << 20)
    out = [compressor.compress(block) for _ in range(megabytes)]
    return b"".join(out) + compressor.flush()


def gzip_of_zeros(megabytes: int) -> bytes:
    """A gzip body of ``megabytes`` MB of zeros, built a megabyte at a time."""
    return _deflated(zlib.compressobj(6, zlib.DEFLATED, 31), megabytes)


def brotli_of_zeros(megabytes: int) -> bytes:
    """A brotli body of ``megabytes`` MB of zeros, built a megabyte at a time."""
    compressor = brotli.Compressor(quality=5)
    block = b"\0" * (1 << 20)
    out = [compressor.process(block) for _ in range(megabytes)]
    return b"".join(out) + compressor.finish()


def bomb(encoding: str) -> bytes:
    """A body that expands to EXPANDED_MB megabytes under ``encoding``."""
    if encoding == "br":
        return brotli_of_zeros(EXPANDED_MB)
    inner = gzip_of_zeros(EXPANDED_MB)
    if encoding == "gzip":
        return inner
    # "gzip, gzip": the inner gzip (a few hundred KB) gzipped again.
    outer = zlib.compressobj(9, zlib.DEFLATED, 31)
    return outer.compress(inner) + outer.flush()


class Bomb(Quiet):
    """Answers with ``body`` under the Content-Encoding ``encoding``."""

    encoding = "br"
    body = b""

    def do_GET(self) -> None:
        """The bomb."""
        self.send_body(self.body, encoding=self.encoding)


class Drip(Quiet):
    """Headers at once, then a byte every 0.2 s (bounded: 30 s at most)."""

    def do_GET(self) -> None:
        """The slow page."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "150")
        self.end_headers()
        ends = time.monotonic() + 30
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            while time.monotonic() < ends:
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(0.2)


@contextmanager
def serve(
    handler: type[BaseHTTPRequestHandler], host: str = "127.0.0.1", port: int = 0
) -> Iterator[str]:
    """Serve ``handler`` on ``host`` (a loopback address), a free port unless given; yields
    its base URL."""
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
