"""The `factcheck` command: thin typer commands over the services."""

from __future__ import annotations

import io
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from sqlmodel import Session

from factcheck.claims import ClaimFilter, ClaimRow, list_claims
from factcheck.db import database_url, session_scope
from factcheck.errors import FactcheckError
from factcheck.models import ClaimKind, Role, Stance, Status, User
from factcheck.users import get_user

app = typer.Typer(
    help="factcheck: track numeric and attributed claims in news articles.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
user_app = typer.Typer(help="Manage accounts.", no_args_is_help=True)
app.add_typer(user_app, name="user")

FORMATS = ("table", "json", "csv")
UserOption = Annotated[str, typer.Option("--user", "-u", help="Your e-mail (an existing user).")]


def fail(message: str, code: int = 1) -> None:
    """Print an error for a person and stop with a non-zero exit code."""
    typer.secho(f"Error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def acting_user(session: Session, email: str) -> User:
    """The user running a command; the CLI trusts the shell account, roles still apply."""
    return get_user(session, email=email)


def claim_record(row: ClaimRow) -> dict[str, Any]:
    """A claim as the stable JSON object that `factcheck claims --format json` prints."""
    c = row.claim
    return {
        "id": c.id,
        "article_id": c.article_id,
        "article": row.article_title,
        "outlet": row.outlet,
        "kind": c.kind.value,
        "start": c.start,
        "end": c.end,
        "quote": c.quote,
        "sentence": c.sentence,
        "speaker": row.speaker,
        "speaker_resolved": c.speaker_resolved,
        "attribution": c.attribution.value if c.attribution else None,
        "cue": c.cue,
        "value": c.value,
        "lower": c.lower,
        "upper": c.upper,
        "qualifier": c.qualifier,
        "unit": c.unit,
        "measure": c.measure,
        "days": c.days,
        "confidence": c.confidence,
        "status": c.status.value,
        "assignee": row.assignee,
        "version": c.version,
        "origin": c.origin.value,
        "created_at": c.created_at.isoformat(),
        "updated_at": c.updated_at.isoformat(),
    }


def print_records(records: list[dict[str, Any]], fmt: str, columns: list[str]) -> None:
    """Print records as an aligned table, a JSON list or CSV (all fields)."""
    if fmt == "json":
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        from factcheck.reports.records import SafeCsv

        out = io.StringIO()
        writer = SafeCsv(out)
        header = list(records[0]) if records else columns
        writer.row(header)
        for record in records:
            writer.row(record[name] for name in header)
        typer.echo(out.getvalue(), nl=False)
        return
    cells = [[_cell(r.get(c)) for c in columns] for r in records]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    typer.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)))
    for row in cells:
        typer.echo("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)))


def _cell(value: Any, width: int = 60) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _check_article(session: Session, article_id: int | None) -> None:
    """NotFound for an unknown --article: an empty list would hide the typo."""
    if article_id is not None:
        from factcheck.articles import get_article

        get_article(session, article_id=article_id)


def _check_format(fmt: str, allowed: tuple[str, ...] = FORMATS) -> None:
    if fmt not in allowed:
        fail(f"Unknown format {fmt!r}; choose one of {', '.join(allowed)}.")


@app.command()
def init() -> None:
    """Create or upgrade the database to the latest schema (safe to run twice).

    Example: FACTCHECK_DATABASE_URL=postgresql+psycopg://me@localhost/factcheck factcheck init
    """
    from factcheck.migrate import upgrade

    url = database_url()
    before, after = upgrade(url)
    shown = _safe_url(url)
    if before == after:
        typer.echo(f"{shown} is already at the latest schema ({after}).")
    else:
        typer.echo(f"{shown}: schema {before or 'empty'} → {after}.")


def _safe_url(url: str) -> str:
    import sqlalchemy as sa

    return sa.make_url(url).render_as_string(hide_password=True)


@app.command()
def claims(
    article: Annotated[int | None, typer.Option(help="Only this article's claims.")] = None,
    status: Annotated[list[str] | None, typer.Option(help="Only these statuses.")] = None,
    kind: Annotated[str | None, typer.Option(help="numeric or attributed.")] = None,
    search: Annotated[str, typer.Option(help="Words in the quote or sentence.")] = "",
    limit: Annotated[int, typer.Option(help="At most this many claims.")] = 100,
    offset: Annotated[int, typer.Option(help="Skip this many first.")] = 0,
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
) -> None:
    """List claims, newest change first.

    Example: factcheck claims --article 3 --status unreviewed --format json
    """
    _check_format(fmt)
    try:
        statuses = tuple(Status(s) for s in status or [])
        kind_value = ClaimKind(kind) if kind else None
    except ValueError as exc:
        fail(f"{exc}; statuses: {', '.join(Status)}; kinds: {', '.join(ClaimKind)}.")
        return
    where = ClaimFilter(statuses=statuses, kind=kind_value, article_id=article, search=search)
    with session_scope(readonly=True) as session:
        _check_article(session, article)
        rows, total = list_claims(
            session, where=where, sort="id", descending=False, offset=offset, limit=limit
        )
        records = [claim_record(r) for r in rows]
    print_records(
        records, fmt, ["id", "article_id", "kind", "status", "speaker", "value", "unit", "quote"]
    )
    if fmt == "table":
        typer.echo(f"{len(records)} of {total} claims.", err=True)


@app.command()
def review(
    claim_id: Annotated[int, typer.Argument(help="The claim's ID.")],
    status: Annotated[str, typer.Option(help=f"One of: {', '.join(Status)}.")],
    user: UserOption,
    note: Annotated[str, typer.Option(help="A note to add.")] = "",
    evidence: Annotated[str, typer.Option(help="An evidence URL to add.")] = "",
    stance: Annotated[str, typer.Option(help="supports, refutes or context.")] = "context",
    seen_version: Annotated[
        int | None, typer.Option(help="Refuse if the claim changed past this version.")
    ] = None,
) -> None:
    """Set a claim's status, with an optional note and evidence link, in one go.

    Example: factcheck review 12 --status verified --evidence https://who.int/x
    --stance supports --user ana@newsroom.org
    """
    from factcheck.claims import get_claim
    from factcheck.review import add_evidence, set_status
    from factcheck.urls import check_url

    try:
        verdict, position = Status(status), Stance(stance)
    except ValueError:
        fail(
            f"Unknown status {status!r} or stance {stance!r}; statuses: {', '.join(Status)}; "
            f"stances: {', '.join(Stance)}."
        )
        return
    if evidence:
        check_url(evidence, what="The evidence link")
    with session_scope() as session:
        who = acting_user(session, user)
        seen = (
            seen_version
            if seen_version is not None
            else get_claim(session, claim_id=claim_id).version
        )
        claim = set_status(
            session, claim_id=claim_id, status=verdict, by=who, seen_version=seen, note=note
        )
        if evidence:
            add_evidence(session, claim_id=claim_id, url=evidence, stance=position, by=who)
        typer.echo(f"Claim {claim_id} is now {claim.status.value} (version {claim.version}).")


@app.command()
def extract(
    source: Annotated[str, typer.Argument(help="A text file, or - for standard input.")],
    fmt: Annotated[str, typer.Option("--format", help="json or table.")] = "table",
) -> None:
    """Print the claims found in a text, without touching the database.

    Example: factcheck extract article.txt --format json
    """
    from factcheck.extract import extract_claims

    _check_format(fmt, ("json", "table"))
    if source == "-":
        raw = sys.stdin.buffer.read()
    else:
        path = Path(source)
        if not path.is_file():
            fail(f"No file {source!r}; give a path to a text file, or - for standard input.")
        raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        fail(f"{source} is not UTF-8 text; convert it to UTF-8 first.")
        return
    from factcheck.articles import check_text

    check_text(text, source=source)
    records = [c.to_dict() for c in extract_claims(text)]
    print_records(
        records, fmt, ["kind", "start", "end", "value", "unit", "qualifier", "speaker", "quote"]
    )


@app.command()
def ingest(
    sources: Annotated[
        list[str], typer.Argument(help="Files (.txt, .md, .html), folders, URLs, or - for stdin.")
    ],
    user: UserOption,
    outlet: Annotated[
        str | None, typer.Option(help="The publication, when the page does not name it.")
    ] = None,
) -> None:
    """Add articles and their extracted claims; folders are read recursively.

    Example: factcheck ingest ./articles https://example.org/story --outlet "Valley Post"
    --user ana@newsroom.org
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from factcheck.ingest import Outcome, collect, ingest_all

    items, summary = collect(sources)
    with session_scope() as session:
        try:
            who = acting_user(session, user)
        except FactcheckError as exc:
            fail(str(exc))
            return
        if len(items) <= 1:
            ingest_all(session, sources=items, by=who, outlet=outlet, summary=summary)
        else:
            columns = (TextColumn("Ingesting"), BarColumn(), MofNCompleteColumn())
            with Progress(*columns, console=Console(stderr=True)) as bar:
                task = bar.add_task("ingest", total=len(items))

                def advance(_: Outcome) -> None:
                    bar.advance(task)

                ingest_all(
                    session, sources=items, by=who, outlet=outlet, summary=summary, on_done=advance
                )
    for line in summary.lines():
        typer.echo(line)
    if summary.refused:
        raise typer.Exit(1)


def streamlit_options(*, port: int, address: str, headless: bool = True) -> list[str]:
    """The command-line options `factcheck serve` gives Streamlit (see .streamlit/config.toml).

    It listens on ``address`` only (127.0.0.1 unless a team server asks for more), shows users
    no developer menu or Deploy button, and sends no usage statistics.
    """
    return [
        "--server.address", address,
        "--server.port", str(port),
        "--server.headless", str(headless).lower(),
        "--client.toolbarMode", "viewer",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip


AddressOption = Annotated[
    str,
    typer.Option(help="Interface to listen on; 0.0.0.0 for every one (put a proxy in front)."),
]


@app.command()
def serve(
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8501,
    address: AddressOption = "127.0.0.1",
    headless: Annotated[bool, typer.Option(help="Do not open a browser.")] = True,
) -> None:
    """Start the web app (Streamlit) on the configured database, on this computer only.

    Example: factcheck serve --port 8502 --address 0.0.0.0   # a team server behind a proxy
    """
    script = Path(__file__).resolve().parent / "ui" / "streamlit_app.py"
    options = streamlit_options(port=port, address=address, headless=headless)
    cmd = [sys.executable, "-m", "streamlit", "run", str(script), *options]
    env = {**os.environ, "FACTCHECK_DATABASE_URL": database_url()}
    sys.stdout.flush()
    sys.stderr.flush()
    # Become Streamlit rather than start it as a child: stopping `factcheck serve` then
    # stops the server too, and no orphan keeps the port.
    os.execve(sys.executable, cmd, env)


@app.command()
def demo(
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8501,
    address: AddressOption = "127.0.0.1",
    start: Annotated[bool, typer.Option(help="Start the app once the sample is in.")] = True,
) -> None:
    """Fill an empty database with a sample newsroom (users, articles, reviews), then serve.

    Example: factcheck demo --port 8502
    """
    from factcheck.demo import fill, is_empty
    from factcheck.migrate import upgrade

    upgrade(database_url())
    with session_scope() as session:
        if not is_empty(session):
            typer.echo(f"{_safe_url(database_url())} already has data; starting the app on it.")
            accounts = None
        else:
            typer.echo("Filling the database with the sample newsroom…")
            accounts = fill(session)
    if accounts is not None:
        typer.echo(f"Demo users (password for all three: {accounts.password}):")
        for role, email in (
            ("admin", accounts.admin),
            ("editor", accounts.editor),
            ("reviewer", accounts.reviewer),
        ):
            typer.echo(f"  {role:9} {email}")
    if start:
        typer.echo(f"Open http://localhost:{port} and log in.")
        serve(port=port, address=address, headless=True)


@user_app.command("add")
def user_add(
    email: Annotated[str, typer.Argument(help="The new user's e-mail.")],
    role: Annotated[str, typer.Option(help="reviewer, editor or admin.")] = "reviewer",
    name: Annotated[str, typer.Option(help="Display name.")] = "",
    by: Annotated[
        str, typer.Option(help="Your e-mail (an admin); not needed for the first admin.")
    ] = "",
    password_stdin: Annotated[bool, typer.Option(help="Read the password from stdin.")] = False,
) -> None:
    """Create an account; the password comes from a prompt or standard input.

    Example: factcheck user add ana@newsroom.org --role editor --by admin@newsroom.org
    """
    from factcheck.users import add_user

    try:
        chosen = Role(role)
    except ValueError:
        fail(f"Unknown role {role!r}; choose one of {', '.join(Role)}.")
        return
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    with session_scope() as session:
        admin = acting_user(session, by) if by else None
        user = add_user(
            session, email=email, role=chosen, display_name=name, password=password, by=admin
        )
        typer.echo(f"Added {user.email} ({user.role.value}).")


@user_app.command("password")
def user_password(
    email: Annotated[str, typer.Argument(help="The account whose password changes.")],
    by: Annotated[str, typer.Option(help="Your e-mail (the account itself, or an admin).")],
    password_stdin: Annotated[bool, typer.Option(help="Read the password from stdin.")] = False,
) -> None:
    """Set a new password (at least 8 characters, not easily guessed).

    Example: factcheck user password ana@newsroom.org --by admin@newsroom.org
    """
    from factcheck.users import set_password

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt("New password", hide_input=True, confirmation_prompt=True)
    with session_scope() as session:
        user = set_password(session, email=email, password=password, by=acting_user(session, by))
        typer.echo(f"Changed the password of {user.email}.")


@user_app.command("list")
def user_list(fmt: Annotated[str, typer.Option("--format")] = "table") -> None:
    """List accounts.

    Example: factcheck user list --format json
    """
    from factcheck.users import list_users

    _check_format(fmt)
    with session_scope(readonly=True) as session:
        records: list[dict[str, Any]] = [
            {"email": u.email, "name": u.display_name, "role": u.role.value, "active": u.active}
            for u in list_users(session)
        ]
    print_records(records, fmt, ["email", "name", "role", "active"])


@user_app.command("disable")
def user_disable(
    email: Annotated[str, typer.Argument(help="The account to disable.")],
    by: Annotated[str, typer.Option(help="Your e-mail (an admin).")],
) -> None:
    """Disable an account: it can no longer log in or change anything.

    Example: factcheck user disable old@newsroom.org --by admin@newsroom.org
    """
    from factcheck.users import set_active

    with session_scope() as session:
        user = set_active(session, email=email, active=False, by=acting_user(session, by))
        typer.echo(f"Disabled {user.email}.")


@app.command()
def export(
    fmt: Annotated[
        str, typer.Option("--format", help="html, pdf, md, csv, json, jsonl or claimreview.")
    ],
    user: UserOption,
    article: Annotated[int | None, typer.Option(help="Only this article's claims.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only claims from this outlet.")] = None,
    status: Annotated[
        list[str] | None, typer.Option(help="Only these statuses (repeat, or separate by commas).")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Only claims changed on or after this date (YYYY-MM-DD).")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")
    ] = None,
) -> None:
    """Export a verification report, ClaimReview markup or the claims as data.

    Example: factcheck export --format pdf --article 3 -o report.pdf --user ed@newsroom.org
    """
    from factcheck.exports import check_format, export_chunks, outlet_id_named

    check_format(fmt)
    names = [part.strip() for s in status or [] for part in s.split(",") if part.strip()]
    try:
        statuses = tuple(Status(s) for s in names)
    except ValueError as exc:
        fail(f"{exc}; statuses: {', '.join(Status)}.")
        return
    try:
        changed = datetime.fromisoformat(since) if since else None
    except ValueError:
        fail(f"--since {since!r} is not a date; give one like 2025-01-31.")
        return
    if changed is not None and changed.tzinfo is None:
        changed = changed.replace(tzinfo=UTC)
    if fmt == "pdf" and output is None and sys.stdout.isatty():
        fail("A PDF is binary; write it to a file with -o report.pdf, or pipe it.")
    with session_scope(readonly=True) as session:
        who = acting_user(session, user)
        _check_article(session, article)
        where = ClaimFilter(
            statuses=statuses,
            article_id=article,
            outlet_id=outlet_id_named(session, name=outlet) if outlet else None,
            since=changed,
        )
        chunks = export_chunks(session, fmt=fmt, where=where, by=who)
        if output is None:
            stream = typer.get_binary_stream("stdout")
            for chunk in chunks:
                stream.write(chunk)
            stream.flush()
            return
        partial = output.with_name(output.name + ".part")
        try:
            with partial.open("wb") as out:
                for chunk in chunks:
                    out.write(chunk)
            partial.replace(output)
        finally:
            partial.unlink(missing_ok=True)
    typer.echo(f"Wrote the {fmt} export to {output}.", err=True)


@app.command("counts")
def counts_command(
    check: Annotated[bool, typer.Option("--check", help="Compare with a full count.")] = False,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Rewrite them from a full count (admins).")
    ] = False,
    user: Annotated[str, typer.Option("--user", "-u", help="Your e-mail, for --rebuild.")] = "",
) -> None:
    """Check the dashboard's count tables against a full count of the claims, or rebuild them.

    Exits with 1 when a count is wrong. Example: factcheck counts --check
    """
    from factcheck import counts

    if check == rebuild:
        fail("Give either --check or --rebuild (with --user ADMIN_EMAIL).")
    with session_scope(readonly=check) as session:
        if check:
            wrong = counts.check(session)
        else:
            if not user:
                fail("--rebuild writes: name yourself with --user ADMIN_EMAIL.")
            wrong = counts.repair(session, by=acting_user(session, user))
    bad = {table: n for table, n in wrong.items() if n}
    tables = ", ".join(wrong)
    if rebuild:
        found = f"{_rows(bad)} were wrong" if bad else "every count was already exact"
        typer.echo(f"Rebuilt {tables} from a full count ({found}).")
    elif bad:
        fail(
            f"{_rows(bad)} differ from a full count; repair them with "
            "`factcheck counts --rebuild --user ADMIN_EMAIL`."
        )
    else:
        typer.echo(f"The counts are exact: {tables} agree with a full count.")


def _rows(bad: dict[str, int]) -> str:
    return ", ".join(f"{n:,} rows of {table}" for table, n in bad.items())


@app.command("backup")
def backup_command(
    destination: Annotated[Path, typer.Argument(help="The backup file to write (must be new).")],
) -> None:
    """Write a consistent copy of the database (SQLite backup API, or pg_dump's custom format).

    Example: factcheck backup backups/factcheck-2026-11-24.db
    """
    from factcheck.backup import backup

    written = backup(database_url(), destination)
    typer.echo(f"Backed up {_safe_url(database_url())} to {written}.")


def main() -> None:
    """Entry point: run a command, turning factcheck's errors into clear messages."""
    try:
        app()
    except FactcheckError as exc:
        typer.secho(f"Error: {exc}", fg=typer.colors.RED, err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
