"""Fetch a decompression bomb in a process of its own and print its memory, for test_fetch.py.

Usage: python tests/security/peak_fetch.py ENCODING  (br, gzip or "gzip, gzip")
Prints one line: the peak resident memory before the fetch and after it (KB), then the
message the reviewer would see.
"""

from __future__ import annotations

import os
import resource
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from factcheck.errors import FetchFailed  # noqa: E402
from factcheck.ingest import from_url  # noqa: E402
from tests.security.servers import Bomb, bomb, serve  # noqa: E402


def main() -> None:
    """Serve the bomb, measure, fetch, measure."""
    Bomb.encoding = sys.argv[1]
    Bomb.body = bomb(Bomb.encoding)
    os.environ["FACTCHECK_FETCH_ALLOW"] = "127.0.0.1/32"
    with serve(Bomb) as base:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        try:
            from_url(f"{base}/story")
            message = "fetched"
        except FetchFailed as exc:
            message = str(exc)
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(before, after, message)


if __name__ == "__main__":
    main()
