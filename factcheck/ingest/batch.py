"""Many sources at once, as `factcheck ingest` takes them: files, folders, URLs, stdin."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session

from factcheck.errors import BadInput
from factcheck.ingest.document import Document
from factcheck.ingest.load import SUPPORTED, from_file, from_text, from_url
from factcheck.ingest.store import IngestResult, store, store_many
from factcheck.models import User
from factcheck.settings import settings

STDIN = "-"
BATCH_ARTICLES = 50  # articles written per transaction by ingest_all
BATCH_SECONDS = 1.0  # ... or fewer, when loading them takes longer than this
_KINDS = ", ".join(sorted(SUPPORTED))


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one source: stored (or found stored already), or refused and why."""

    source: str
    result: IngestResult | None = None
    error: str | None = None


@dataclass(slots=True)
class Summary:
    """Totals of a run, and every refused source with its reason."""

    added: int = 0
    numeric: int = 0
    attributed: int = 0
    duplicates: int = 0
    skipped: int = 0  # files in folders that are not a supported kind
    refused: list[tuple[str, str]] = field(default_factory=list)
    stored: list[str] = field(default_factory=list)  # one line per article, with its ID

    def count(self, outcome: Outcome) -> None:
        """Add one source's outcome to the totals."""
        result = outcome.result
        if result is None:
            self.refused.append((outcome.source, outcome.error or "refused"))
            return
        article = result.article
        if result.duplicate:
            self.duplicates += 1
            self.stored.append(
                f"{outcome.source}: a duplicate of article {article.id} "
                f"(“{article.title}”); nothing added."
            )
        else:
            self.added += 1
            self.numeric += result.numeric
            self.attributed += result.attributed
            self.stored.append(
                f"{outcome.source}: article {article.id} (“{article.title}”), "
                f"{_plural(result.claims, 'claim')}."
            )

    def lines(self) -> list[str]:
        """The summary as printed at the end of a run."""
        claims = self.numeric + self.attributed
        head = (
            f"Added {_plural(self.added, 'article')} with {_plural(claims, 'claim')} "
            f"({self.numeric:,} numeric, {self.attributed:,} attributed); "
            f"{_plural(self.duplicates, 'duplicate')}; {len(self.refused)} refused."
        )
        out = [*self.stored, head]
        if self.skipped:
            out.append(f"Skipped {_plural(self.skipped, 'file')} in folders that are not {_KINDS}.")
        if self.refused:
            out.append("Refused (nothing was stored from these):")
            out += [
                f"  - {reason}" if reason.startswith(source) else f"  - {source}: {reason}"
                for source, reason in self.refused
            ]
        return out


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def collect(sources: Sequence[str]) -> tuple[list[str], Summary]:
    """The sources to load, with every folder expanded to the supported files inside it.

    Sources that cannot be read at all (missing path, empty folder) are already counted as
    refused in the returned summary.
    """
    items: list[str] = []
    summary = Summary()
    for source in sources:
        path = Path(source)
        if source == STDIN or _is_url(source) or path.is_file():
            items.append(source)
        elif path.is_dir():
            found, skipped = _folder_files(path)
            summary.skipped += skipped
            if not found:
                summary.refused.append((source, f"{source} is a folder with no {_KINDS} files."))
            items += found
        else:
            summary.refused.append(
                (source, f"{source} is no file, folder or web address; check the path.")
            )
    return items, summary


def _is_url(source: str) -> bool:
    return "://" in source


def _folder_files(folder: Path) -> tuple[list[str], int]:
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
    found = [str(p) for p in files if p.suffix.lower() in SUPPORTED]
    return found, len(files) - len(found)


def load(source: str, *, read_stdin: Callable[[], bytes] | None = None) -> Document:
    """The Document of one source: ``-`` (standard input), a web address or a file."""
    if source == STDIN:
        data = (read_stdin or sys.stdin.buffer.read)()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise BadInput(
                "Standard input is not valid UTF-8 text; convert it to UTF-8 and try again."
            ) from None
        return from_text(text, source="Standard input")
    if _is_url(source):
        return from_url(source)
    path = Path(source)
    conf = settings()
    cap = max(conf.max_text_chars * 4, conf.fetch_max_bytes)  # UTF-8: up to 4 bytes a char
    size = path.stat().st_size
    if size > cap:
        raise BadInput(
            f"{source} is {size:,} bytes, far over the limit of {conf.max_text_chars:,} "
            "characters; split it or raise FACTCHECK_MAX_TEXT_CHARS."
        )
    return from_file(source, path.read_bytes())


def ingest_source(
    session: Session,
    *,
    source: str,
    by: User,
    outlet: str | None = None,
    read_stdin: Callable[[], bytes] | None = None,
) -> Outcome:
    """Load and store one source; a refusal comes back as an Outcome, nothing written."""
    try:
        doc = load(source, read_stdin=read_stdin)
        return Outcome(source, result=store(session, doc=doc, by=by, outlet=outlet))
    except BadInput as exc:
        return Outcome(source, error=str(exc))
    except OSError as exc:
        return Outcome(source, error=_unreadable(source, exc))


def _unreadable(source: str, exc: OSError) -> str:
    return f"{source} could not be read ({exc.strerror or exc})."


def ingest_all(
    session: Session,
    *,
    sources: Iterable[str],
    by: User,
    outlet: str | None = None,
    summary: Summary | None = None,
    on_done: Callable[[Outcome], None] | None = None,
) -> Summary:
    """Ingest every source; the totals at the end.

    Articles are written a few dozen at a time, each batch in one transaction: a crash
    leaves only whole articles, and a folder of thousands goes as fast as extraction allows.
    """
    totals = summary if summary is not None else Summary()
    pending: list[tuple[str, Document]] = []
    started = time.monotonic()

    def report(outcomes: Iterable[Outcome]) -> None:
        for outcome in outcomes:
            totals.count(outcome)
            if on_done is not None:
                on_done(outcome)

    for source in sources:
        try:
            pending.append((source, load(source)))
        except BadInput as exc:
            report([Outcome(source, error=str(exc))])
        except OSError as exc:
            report([Outcome(source, error=_unreadable(source, exc))])
        if len(pending) >= BATCH_ARTICLES or time.monotonic() - started > BATCH_SECONDS:
            report(_store_batch(session, pending, by=by, outlet=outlet))
            pending, started = [], time.monotonic()
    report(_store_batch(session, pending, by=by, outlet=outlet))
    return totals


def _store_batch(
    session: Session, pending: list[tuple[str, Document]], *, by: User, outlet: str | None
) -> list[Outcome]:
    if not pending:
        return []
    try:
        results = store_many(session, docs=[doc for _, doc in pending], by=by, outlet=outlet)
    except BadInput as exc:
        if len(pending) == 1:
            return [Outcome(pending[0][0], error=str(exc))]
        # One bad article refuses its batch: store them one by one to keep the others.
        return [o for item in pending for o in _store_batch(session, [item], by=by, outlet=outlet)]
    return [Outcome(source, result=r) for (source, _), r in zip(pending, results, strict=True)]
