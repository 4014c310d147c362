"""The `factcheck` command: thin typer commands over the services."""

from __future__ import annotations

import io
import json
import os
import sys
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import sqlalchemy as sa
import typer
from sqlmodel import Session

from factcheck.claim_json import ClaimOut, claim_out
from factcheck.claims import ClaimFilter, ClaimRow, list_claims
from factcheck.db import database_url, session_scope
from factcheck.disputes import conflict_kind
from factcheck.errors import FactcheckError
from factcheck.groups import ClaimContext, GroupView, claim_context, list_groups, rebuild_groups
from factcheck.migrate import ensure_schema, safe_url
from factcheck.models import (
    ClaimKind,
    DeliveryState,
    NoticeKind,
    OutletKind,
    Priority,
    Role,
    Stance,
    Status,
    User,
)
from factcheck.settings import publisher_warning, settings
from factcheck.speakers import (
    list_speakers,
    merge_speakers,
    rebuild_speakers,
    rescan_voices,
    split_speaker,
)
from factcheck.stories import get_story, list_stories, move_articles, story_articles
from factcheck.users import get_user

_TYPER = {"no_args_is_help": True, "rich_markup_mode": None, "add_completion": False}
app = typer.Typer(
    help="factcheck: track numeric and attributed claims in news articles.",
    pretty_exceptions_enable=False,
    **_TYPER,  # type: ignore[arg-type]
)
user_app = typer.Typer(help="Manage accounts.", **_TYPER)  # type: ignore[arg-type]
app.add_typer(user_app, name="user")
speakers_app = typer.Typer(help="People and organisations claims come from.", no_args_is_help=True)
app.add_typer(speakers_app, name="speakers")
stories_app = typer.Typer(  # lists stories when given no command (`factcheck stories`)
    help="List stories (articles covering the same events), latest first; move articles.",
    invoke_without_command=True,
    rich_markup_mode=None,
    add_completion=False,
)
app.add_typer(stories_app, name="stories")
outlets_app = typer.Typer(help="The publications articles come from.", no_args_is_help=True)
app.add_typer(outlets_app, name="outlets")
hooks_app = typer.Typer(help="Manage outgoing webhooks (admins).", **_TYPER)  # type: ignore[arg-type]
app.add_typer(hooks_app, name="hooks")


def _print_version(wanted: bool) -> None:
    """--version: the package version and whether the extractor runs compiled."""
    if wanted:
        from factcheck import __version__
        from factcheck.extract import build_name

        typer.echo(f"factcheck {__version__}\nextractor: {build_name()}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Print the version and whether the extractor is compiled (mypyc), then exit.",
        ),
    ] = False,
) -> None:
    """factcheck: track numeric and attributed claims in news articles."""


class ListFormat(StrEnum):
    """How `claims` and `user list` print."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


class TableOrJson(StrEnum):
    """How `extract`, `groups`, `stories` and `speakers list` print."""

    TABLE = "table"
    JSON = "json"


class ExportFormat(StrEnum):
    """What `export` writes (the keys of factcheck.reports.FORMATS)."""

    HTML = "html"
    PDF = "pdf"
    MD = "md"
    CSV = "csv"
    JSON = "json"
    JSONL = "jsonl"
    CLAIMREVIEW = "claimreview"


def _statuses(values: list[str] | None) -> list[Status]:
    """--status values, each one or several separated by commas; the usual message if unknown."""
    names = [part.strip() for value in values or [] for part in value.split(",") if part.strip()]
    for name in names:
        if name not in Status._value2member_map_:
            choices = ", ".join(repr(s.value) for s in Status)
            raise typer.BadParameter(f"{name!r} is not one of {choices}.")
    return [Status(name) for name in names]


UserOption = Annotated[str, typer.Option("--user", "-u", help="Your e-mail (an existing user).")]
StatusesOption = Annotated[
    list[str] | None,
    typer.Option(
        metavar=f"<{'|'.join(Status)}>",
        callback=_statuses,
        help="Only these statuses (repeat, or separate by commas).",
    ),
]
PasswordStdin = Annotated[
    bool, typer.Option("--password-stdin", help="Read the password from standard input.")
]


def fail(message: str, code: int = 1) -> None:
    """Print an error for a person and stop with a non-zero exit code."""
    typer.secho(f"Error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def acting_user(session: Session, email: str) -> User:
    """The user running a command; the CLI trusts the shell account, roles still apply."""
    return get_user(session, email=email)


def database(*, readonly: bool = False) -> Any:
    """A session on the configured database, once its schema is known to be current."""
    url = database_url()
    ensure_schema(url)
    return session_scope(url, readonly=readonly)


def claim_record(row: ClaimRow, context: ClaimContext | None = None) -> ClaimOut:
    """A claim as `factcheck claims --format json` prints it (the one claim JSON shape)."""
    c = row.claim
    group = context.groups.get(c.group_id or 0) if context else None
    return claim_out(
        c,
        article_title=row.article_title,
        outlet=row.outlet,
        speaker=c.speaker_name or row.speaker,
        assignee=row.assignee,
        group=group,
        story=context.stories.get(c.article_id) if context else None,
        proposed_by=row.proposed_by,
        signed_off_by=row.signed_off_by,
    )


def print_records(records: list[Any], fmt: str, columns: list[str]) -> None:
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
            writer.row(_number(record[name]) for name in header)
        typer.echo(out.getvalue(), nl=False)
        return
    cells = [[_cell(r.get(c)) for c in columns] for r in records]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    typer.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)))
    for row in cells:
        typer.echo("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)))


def _number(value: Any) -> Any:
    """A whole float as an int (1200.0 prints as 1200), anything else as it is."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _cell(value: Any, width: int = 60) -> str:
    text = "" if value is None else " ".join(str(_number(value)).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _check_article(session: Session, article_id: int | None) -> None:
    """NotFound for an unknown --article: an empty list would hide the typo."""
    if article_id is not None:
        from factcheck.articles import get_article

        get_article(session, article_id=article_id)


@app.command()
def init() -> None:
    """Create or upgrade the database to the latest schema (safe to run twice).

    Example: FACTCHECK_DATABASE_URL=postgresql+psycopg://me@localhost/factcheck factcheck init
    """
    from factcheck.migrate import upgrade

    url = database_url()
    before, after = upgrade(url)
    shown = safe_url(url)
    if before == after:
        typer.echo(f"{shown} is already at the latest schema ({after}).")
    else:
        typer.echo(f"{shown}: schema {before or 'empty'} → {after}.")


@app.command()
def claims(
    article: Annotated[int | None, typer.Option(help="Only this article's claims.")] = None,
    status: StatusesOption = None,
    kind: Annotated[ClaimKind | None, typer.Option(help="Only this kind.")] = None,
    search: Annotated[str, typer.Option(help="Words in the quote or sentence.")] = "",
    limit: Annotated[int, typer.Option(help="At most this many claims.")] = 100,
    offset: Annotated[int, typer.Option(help="Skip this many first.")] = 0,
    fmt: Annotated[ListFormat, typer.Option("--format", help="How to print.")] = ListFormat.TABLE,
) -> None:
    """List claims in ID order.

    Example: factcheck claims --article 3 --status unreviewed --format json
    """
    statuses = tuple(Status(s) for s in status or ())
    where = ClaimFilter(statuses=statuses, kind=kind, article_id=article, search=search)
    with database(readonly=True) as session:
        _check_article(session, article)
        rows, total = list_claims(
            session, where=where, sort="id", descending=False, offset=offset, limit=limit
        )
        context = claim_context(session, claims=[r.claim for r in rows])
        records = [claim_record(r, context) for r in rows]
    print_records(
        records, fmt, ["id", "article_id", "kind", "status", "speaker", "value", "unit", "quote"]
    )
    if fmt == "table":
        typer.echo(f"{len(records)} of {total} claims.", err=True)


@app.command()
def review(
    claim_id: Annotated[int, typer.Argument(help="The claim's ID.")],
    status: Annotated[Status, typer.Option(help="The new status.")],
    user: UserOption,
    note: Annotated[str, typer.Option(help="A note to add.")] = "",
    evidence: Annotated[str, typer.Option(help="An evidence URL to add.")] = "",
    stance: Annotated[
        Stance, typer.Option(help="What the evidence does to the claim.")
    ] = Stance.CONTEXT,
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

    if evidence:
        check_url(evidence, what="The evidence link")
    with database() as session:
        who = acting_user(session, user)
        seen = (
            seen_version
            if seen_version is not None
            else get_claim(session, claim_id=claim_id).version
        )
        claim = set_status(
            session, claim_id=claim_id, status=status, by=who, seen_version=seen, note=note
        )
        if evidence:
            add_evidence(session, claim_id=claim_id, url=evidence, stance=stance, by=who)
        if claim.proposed_status is not None:
            typer.echo(
                f"Claim {claim_id}: {claim.proposed_status.value} is proposed and awaits an "
                f"editor's sign-off; it stays {claim.status.value} (version {claim.version})."
            )
        else:
            typer.echo(f"Claim {claim_id} is now {claim.status.value} (version {claim.version}).")


SeenOption = Annotated[
    int | None, typer.Option(help="Refuse if the claim changed past this version.")
]


def _seen(session: Session, claim_id: int, seen_version: int | None) -> int:
    from factcheck.claims import get_claim

    if seen_version is not None:
        return seen_version
    return get_claim(session, claim_id=claim_id).version


@app.command("sign-off")
def sign_off_command(
    claim_id: Annotated[int, typer.Argument(help="The claim's ID.")],
    user: UserOption,
    seen_version: SeenOption = None,
) -> None:
    """Sign off the verdict a reviewer proposed (editors; not your own proposal).

    Example: factcheck sign-off 12 --user ed@newsroom.org
    """
    from factcheck.review import sign_off

    with database() as session:
        who = acting_user(session, user)
        seen = _seen(session, claim_id, seen_version)
        claim = sign_off(session, claim_id=claim_id, by=who, seen_version=seen)
        typer.echo(f"Claim {claim_id} is now {claim.status.value}, signed off by {who.email}.")


@app.command("send-back")
def send_back_command(
    claim_id: Annotated[int, typer.Argument(help="The claim's ID.")],
    note: Annotated[str, typer.Option(help="Why the verdict goes back (required).")],
    user: UserOption,
    seen_version: SeenOption = None,
) -> None:
    """Send a proposed verdict back to its reviewer with a note (editors).

    Example: factcheck send-back 12 --note "The ministry revised the figure" --user ed@newsroom.org
    """
    from factcheck.review import send_back

    with database() as session:
        who = acting_user(session, user)
        seen = _seen(session, claim_id, seen_version)
        send_back(session, claim_id=claim_id, note=note, by=who, seen_version=seen)
        typer.echo(f"Sent the verdict on claim {claim_id} back with your note.")


@app.command()
def publish(
    claim_id: Annotated[int, typer.Argument(help="The claim's ID.")],
    url: Annotated[str, typer.Option(help="The published fact-check article.")],
    user: UserOption,
    seen_version: SeenOption = None,
) -> None:
    """Publish a signed-off verdict with its article's address; the claim is then locked.

    Example: factcheck publish 12 --url https://newsroom.org/fact-check/dam --user ed@newsroom.org
    """
    from factcheck.desk import publish as publish_claim

    with database() as session:
        who = acting_user(session, user)
        seen = _seen(session, claim_id, seen_version)
        claim = publish_claim(session, claim_id=claim_id, url=url, by=who, seen_version=seen)
        typer.echo(
            f"Claim {claim_id} ({claim.status.value}) is published at {claim.published_url}."
        )


@app.command()
def correct(
    claim_id: Annotated[int, typer.Argument(help="The claim's ID.")],
    reason: Annotated[str, typer.Option(help="What was wrong and what is right (required).")],
    user: UserOption,
    status: Annotated[Status | None, typer.Option(help="The corrected verdict.")] = None,
    value: Annotated[float | None, typer.Option(help="The corrected figure.")] = None,
    speaker: Annotated[str | None, typer.Option(help="The corrected speaker.")] = None,
    seen_version: SeenOption = None,
) -> None:
    """Correct a published claim's verdict, figure or speaker, with a reason (editors).

    Example: factcheck correct 12 --status misleading --reason "The toll excluded the
    north" --user ed@newsroom.org
    """
    from factcheck.desk import correct as correct_claim

    with database() as session:
        who = acting_user(session, user)
        seen = _seen(session, claim_id, seen_version)
        done = correct_claim(
            session,
            claim_id=claim_id,
            reason=reason,
            by=who,
            seen_version=seen,
            status=status,
            value=value,
            speaker=speaker,
        )
        changed = ", ".join(f"{k} {v['from']} → {v['to']}" for k, v in done.changes.items())
        typer.echo(f"Corrected claim {claim_id}: {changed}.")


@app.command()
def corrections(
    article: Annotated[int | None, typer.Option(help="Only this article's claims.")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", help="How to print.")] = ListFormat.TABLE,
) -> None:
    """The corrections log: what changed on published claims, why, who and when.

    Example: factcheck corrections --format csv > corrections.csv
    """
    from factcheck.desk import list_corrections

    with database(readonly=True) as session:
        _check_article(session, article)
        records: list[dict[str, Any]] = [
            {
                "id": c.id,
                "claim_id": c.claim_id,
                "article_id": c.article_id,
                "quote": c.quote,
                "changes": "; ".join(f"{k}: {v['from']} → {v['to']}" for k, v in c.changes.items())
                if fmt != ListFormat.JSON
                else c.changes,
                "reason": c.reason,
                "by": c.by,
                "at": c.at.isoformat(),
                "published_url": c.published_url,
            }
            for c in list_corrections(session, article_id=article)
        ]
    print_records(records, fmt, ["id", "claim_id", "at", "by", "changes", "reason"])


@app.command("queue")
def queue_command(
    limit: Annotated[int, typer.Option(help="At most this many claims.")] = 20,
    fmt: Annotated[TableOrJson, typer.Option("--format", help="How to print.")] = TableOrJson.TABLE,
) -> None:
    """What to check first: unreviewed claims by triage score, each with its reasons.

    Example: factcheck queue --limit 10
    """
    from factcheck.triage import queue

    with database(readonly=True) as session:
        ranked = queue(session, limit=limit)
        context = claim_context(session, claims=[q.row.claim for q in ranked])
        records = [
            {
                "rank": q.rank,
                "score": q.score,
                "why": "; ".join(q.reasons) if fmt == TableOrJson.TABLE else list(q.reasons),
                **claim_record(q.row, context),
            }
            for q in ranked
        ]
    print_records(records, fmt, ["rank", "score", "id", "priority", "why", "quote"])


@app.command()
def prioritise(
    claim_ids: Annotated[list[int], typer.Argument(help="The claims' IDs.")],
    priority: Annotated[Priority, typer.Option(help="How soon to check them.")],
    user: UserOption,
) -> None:
    """Set the triage priority of claims (all or nothing).

    Example: factcheck prioritise 12 13 14 --priority urgent --user ana@newsroom.org
    """
    from factcheck.claims import get_claim
    from factcheck.desk import set_priority

    with database() as session:
        who = acting_user(session, user)
        seen = {i: get_claim(session, claim_id=i).version for i in claim_ids}
        done = set_priority(session, seen=seen, priority=priority, by=who)
        typer.echo(f"{len(done)} claims are now {priority.value} priority.")


class OnOff(StrEnum):
    """A switch given on the command line."""

    ON = "on"
    OFF = "off"


@app.command("two-person-rule")
def two_person_rule_command(
    state: Annotated[OnOff, typer.Argument(help="on or off.")],
    user: UserOption,
) -> None:
    """Turn the desk's two-person rule on or off (admins): editors' verdicts need a second editor.

    Example: factcheck two-person-rule off --user admin@newsroom.org
    """
    from factcheck.desk import set_two_person_rule

    with database() as session:
        set_two_person_rule(session, on=state is OnOff.ON, by=acting_user(session, user))
        typer.echo(f"The two-person rule is {state.value}.")


@hooks_app.command("add")
def hooks_add(
    url: Annotated[str, typer.Argument(help="Where to post (https://…).")],
    event: Annotated[list[NoticeKind], typer.Option(help="An event to send (repeat for more).")],
    user: UserOption,
    slack: Annotated[bool, typer.Option(help='Post a Slack-compatible {"text": …} body.')] = False,
) -> None:
    """Add a webhook for some events; prints its secret, the key of the signature header.

    Example: factcheck hooks add https://chat.example.org/hook --event published
    --event corrected --slack --user admin@newsroom.org
    """
    from factcheck.hooks import add_hook

    with database() as session:
        hook = add_hook(
            session, url=url, events=list(event), by=acting_user(session, user), slack=slack
        )
        typer.echo(f"Added webhook {hook.id} for {', '.join(hook.events)}.")
        typer.echo(f"Secret (HMAC-SHA256 key of X-Factcheck-Signature): {hook.secret}")


@hooks_app.command("list")
def hooks_list(
    user: UserOption,
    fmt: Annotated[ListFormat, typer.Option("--format", help="How to print.")] = ListFormat.TABLE,
) -> None:
    """List webhooks with their delivery counts.

    Example: factcheck hooks list --user admin@newsroom.org
    """
    from factcheck.hooks import delivery_counts, list_hooks

    with database(readonly=True) as session:
        who = acting_user(session, user)
        counts = delivery_counts(session, by=who)
        records: list[dict[str, Any]] = [
            {
                "id": h.id,
                "url": h.url,
                "events": ",".join(h.events),
                "slack": h.slack,
                "secret": h.secret,
                **{state.value: counts.get((h.id or 0, state), 0) for state in DeliveryState},
            }
            for h in list_hooks(session, by=who)
        ]
    print_records(records, fmt, ["id", "url", "events", "slack", "pending", "delivered", "failed"])


@hooks_app.command("remove")
def hooks_remove(
    hook_id: Annotated[int, typer.Argument(help="The webhook's ID.")],
    user: UserOption,
) -> None:
    """Remove a webhook and its deliveries.

    Example: factcheck hooks remove 2 --user admin@newsroom.org
    """
    from factcheck.hooks import remove_hook

    with database() as session:
        remove_hook(session, hook_id=hook_id, by=acting_user(session, user))
        typer.echo(f"Removed webhook {hook_id}.")


@hooks_app.command("deliver")
def hooks_deliver(
    rounds: Annotated[int, typer.Option(help="Batches to send at most.")] = 10,
) -> None:
    """Post the webhook deliveries that are due, with retries (run it from cron).

    Example: factcheck hooks deliver
    """
    from factcheck.hooks import deliver_due

    sent = failed = 0
    with database() as session:
        for _ in range(max(1, rounds)):
            ok, bad = deliver_due(session)
            sent, failed = sent + ok, failed + bad
            if not ok and not bad:
                break
    typer.echo(f"Delivered {sent}; {failed} failed and will be retried (or gave up).")


@hooks_app.command("deliveries")
def hooks_deliveries(
    user: UserOption,
    limit: Annotated[int, typer.Option(help="At most this many, newest first.")] = 50,
    fmt: Annotated[ListFormat, typer.Option("--format", help="How to print.")] = ListFormat.TABLE,
) -> None:
    """The latest webhook deliveries and failures (admins).

    Example: factcheck hooks deliveries --user admin@newsroom.org
    """
    from factcheck.hooks import list_deliveries

    with database(readonly=True) as session:
        records: list[dict[str, Any]] = [
            {
                "id": d.id,
                "hook": h.id,
                "event": d.event.value,
                "claim_id": d.claim_id,
                "state": d.state.value,
                "attempts": d.attempts,
                "last_code": d.last_code,
                "last_error": d.last_error,
                "next_at": d.next_at.isoformat(),
            }
            for d, h in list_deliveries(session, by=acting_user(session, user), limit=limit)
        ]
    print_records(
        records,
        fmt,
        ["id", "hook", "event", "claim_id", "state", "attempts", "last_code", "last_error"],
    )


@app.command()
def extract(
    source: Annotated[str, typer.Argument(help="A text file, or - for standard input.")],
    fmt: Annotated[TableOrJson, typer.Option("--format", help="How to print.")] = TableOrJson.TABLE,
) -> None:
    """Print the claims found in a text, without touching the database.

    Example: factcheck extract article.txt --format json
    """
    from factcheck.extract import extract_claims

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
    with database() as session:
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
    # -P: not the working directory on sys.path, so a `factcheck/` folder there cannot shadow
    # the installed package.
    cmd = [sys.executable, "-P", "-m", "streamlit", "run", str(script), *options]
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
            typer.echo(f"{safe_url(database_url())} already has data; starting the app on it.")
            accounts = None
        else:
            typer.echo("Filling the database with the sample newsroom…")
            accounts = fill(session)
    if accounts is None:
        typer.echo(
            "Lost the password? An admin sets a new one: "
            "factcheck user password EMAIL --by ADMIN_EMAIL"
        )
    else:
        typer.echo(f"Demo users (password for all three: {accounts.password}):")
        for role, email in (
            ("admin", accounts.admin),
            ("editor", accounts.editor),
            ("reviewer", accounts.reviewer),
        ):
            typer.echo(f"  {role:9} {email}")
        typer.echo(
            "Keep this password: it is printed once. To set another: "
            f"factcheck user password {accounts.admin} --by {accounts.admin}"
        )
    if start:
        typer.echo(f"Open http://localhost:{port} and log in.")
        serve(port=port, address=address, headless=True)


@user_app.command("add")
def user_add(
    email: Annotated[str, typer.Argument(help="The new user's e-mail.")],
    role: Annotated[Role, typer.Option(help="What the user may do.")] = Role.REVIEWER,
    name: Annotated[str, typer.Option(help="Display name.")] = "",
    by: Annotated[
        str, typer.Option(help="Your e-mail (an admin); not needed for the first admin.")
    ] = "",
    password_stdin: PasswordStdin = False,
) -> None:
    """Create an account; the password comes from a prompt or standard input.

    Example: factcheck user add ana@newsroom.org --role editor --by admin@newsroom.org
    """
    from factcheck.users import add_user

    with database() as session:
        admin = acting_user(session, by) if by else None
        password = _new_password(password_stdin)
        user = add_user(
            session, email=email, role=role, display_name=name, password=password, by=admin
        )
        typer.echo(f"Added {user.email} ({user.role.value}).")


@user_app.command("list")
def user_list(
    fmt: Annotated[ListFormat, typer.Option("--format", help="How to print.")] = ListFormat.TABLE,
) -> None:
    """List accounts.

    Example: factcheck user list --format json
    """
    from factcheck.users import list_users

    with database(readonly=True) as session:
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

    with database() as session:
        user = set_active(session, email=email, active=False, by=acting_user(session, by))
        typer.echo(f"Disabled {user.email}.")


@user_app.command("password")
def user_password(
    email: Annotated[str, typer.Argument(help="The account to give a new password.")],
    by: Annotated[
        str, typer.Option(help="Your e-mail, as an admin: no old password is asked then.")
    ] = "",
    password_stdin: Annotated[
        bool,
        typer.Option(
            "--password-stdin",
            help="Read the passwords from standard input (the old one first, without --by).",
        ),
    ] = False,
) -> None:
    """Set a new password: an admin for anyone (--by), or the user with their old password.

    Every browser logged in as the user is logged out.

    Example: factcheck user password ana@newsroom.org --by admin@newsroom.org
    """
    from factcheck.users import set_password

    with database() as session:
        admin = acting_user(session, by) if by else None
        old = None
        if admin is None:
            old = (
                sys.stdin.readline().rstrip("\n")
                if password_stdin
                else str(typer.prompt("Current password", hide_input=True))
            )
        new = _new_password(password_stdin, "New password")
        user = set_password(session, email=email, password=new, by=admin, old_password=old)
        typer.echo(f"New password set for {user.email}; its browsers must log in again.")


@app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="What to write.")],
    user: UserOption,
    article: Annotated[int | None, typer.Option(help="Only this article's claims.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only claims from this outlet.")] = None,
    status: StatusesOption = None,
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
    from factcheck.exports import export_chunks
    from factcheck.outlets import outlet_id_named

    statuses = tuple(Status(s) for s in status or ())
    try:
        changed = datetime.fromisoformat(since) if since else None
    except ValueError:
        fail(f"--since {since!r} is not a date; give one like 2025-01-31.")
        return
    if changed is not None and changed.tzinfo is None:
        changed = changed.replace(tzinfo=UTC)
    if fmt == "pdf" and output is None and sys.stdout.isatty():
        fail("A PDF is binary; write it to a file with -o report.pdf, or pipe it.")
    warning = publisher_warning() if fmt is ExportFormat.CLAIMREVIEW else None
    if warning:
        typer.secho(f"Warning: {warning}", fg=typer.colors.YELLOW, err=True)
    with database(readonly=True) as session:
        who = acting_user(session, user)
        _check_article(session, article)
        where = ClaimFilter(
            statuses=statuses,
            article_id=article,
            outlet_id=outlet_id_named(session, name=outlet) if outlet else None,
            since=changed,
        )
        chunks = export_chunks(session, fmt=fmt.value, where=where, by=who)
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


def group_record(view: GroupView) -> dict[str, Any]:
    """A claim group as the JSON object `factcheck groups --format json` prints."""
    g = view.group
    return {
        "id": g.id,
        "kind": g.kind.value,
        "measure_key": g.measure_key,
        "unit": g.unit,
        "speaker_id": g.speaker_id,
        "speaker": view.speaker,
        "size": g.size,
        "conflict": g.conflict,
        "conflict_kind": conflict_kind(g),
        "story": g.story_id,
        "first_seen": g.first_seen.date().isoformat() if g.first_seen else None,
        "last_seen": g.last_seen.date().isoformat() if g.last_seen else None,
        "members": [
            {
                "claim_id": m.claim.id,
                "article_id": m.article_id,
                "article": m.article_title,
                "outlet": m.outlet,
                "published": m.published.date().isoformat(),
                "quote": m.claim.quote,
                "value": m.claim.value,
                "qualifier": m.claim.qualifier,
                "unit": m.claim.unit,
                "status": m.claim.status.value,
            }
            for m in view.members
        ],
    }


@app.command()
def groups(
    conflicts: Annotated[bool, typer.Option(help="Only groups in conflict.")] = False,
    story: Annotated[int | None, typer.Option(help="Only this story's groups.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many groups.")] = 100,
    offset: Annotated[int, typer.Option(help="Skip this many first.")] = 0,
    fmt: Annotated[TableOrJson, typer.Option("--format", help="How to print.")] = TableOrJson.TABLE,
    rebuild: Annotated[
        bool,
        typer.Option(
            "--rebuild",
            help="Read stored articles' spokespeople, re-key stored figures, group claims in "
            "no group, decide which articles are derived from which (admins).",
        ),
    ] = False,
    user: Annotated[str, typer.Option("--user", "-u", help="Your e-mail, for --rebuild.")] = "",
) -> None:
    """List claim groups (one claim in several articles), conflicts first; or bring stored
    articles up to the current rules (--rebuild): link the spokespeople they name to their
    bodies, re-key their figures, group the claims in no group, decide again which articles
    are derived from which.

    Example: factcheck groups --conflicts --format json
    """
    if rebuild:
        if not user:
            fail("--rebuild writes: name yourself with --user ADMIN_EMAIL.")
        with database() as session:
            linked = rescan_voices(session, by=acting_user(session, user))
            rekeyed, joined = rebuild_groups(session, by=acting_user(session, user))
        typer.echo(f"{linked:,} people were linked to the body they speak for.")
        typer.echo(f"{rekeyed:,} figures took the current measure keys.")
        typer.echo(f"{joined:,} claims stored in no group joined one.")
        return
    with database(readonly=True) as session:
        if story is not None:
            get_story(session, story_id=story)
        views, total = list_groups(
            session, conflicts=conflicts, story_id=story, offset=offset, limit=limit
        )
        records = [group_record(v) for v in views]
    if fmt == "json":
        print_records(records, fmt, [])
        return
    rows = [
        {
            **r,
            "conflict": f"CONFLICT ({r['conflict_kind']})" if r["conflict"] else "",
            "what": r["measure_key"] or r["speaker"],
            "wordings": " | ".join(f"{m['outlet'] or '?'}: {m['quote']}" for m in r["members"]),
        }
        for r in records
    ]
    print_records(rows, fmt, ["id", "kind", "conflict", "size", "what", "wordings"])
    typer.echo(f"{len(records)} of {total} groups.", err=True)


@stories_app.callback()
def stories(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(help="At most this many stories.")] = 100,
    offset: Annotated[int, typer.Option(help="Skip this many first.")] = 0,
    fmt: Annotated[TableOrJson, typer.Option("--format", help="How to print.")] = TableOrJson.TABLE,
) -> None:
    """List stories (articles covering the same events), latest first.

    Example: factcheck stories --format json
    """
    if ctx.invoked_subcommand is not None:
        return
    with database(readonly=True) as session:
        rows, total = list_stories(session, offset=offset, limit=limit)
    records = [
        {
            "id": r.story.id,
            "title": r.title,
            "first_seen": r.story.first_seen.date().isoformat(),
            "last_seen": r.story.last_seen.date().isoformat(),
            "articles": r.articles,
            "outlets": r.outlets,
            "claims": r.claims,
            "statuses": {s.value: n for s, n in r.statuses.items()},
            "groups": r.groups,
            "conflicts": r.conflicts,
        }
        for r in rows
    ]
    columns = ["id", "title", "first_seen", "last_seen", "articles", "claims", "conflicts"]
    print_records(records, fmt, columns)
    if fmt == "table":
        typer.echo(f"{len(records)} of {total} stories.", err=True)


@stories_app.command("articles")
def stories_articles(
    story: Annotated[int, typer.Argument(help="The story.")],
    fmt: Annotated[TableOrJson, typer.Option("--format", help="How to print.")] = TableOrJson.TABLE,
) -> None:
    """List a story's articles in order of publication, with the IDs `stories move` takes.

    Example: factcheck stories articles 3
    """
    with database(readonly=True) as session:
        get_story(session, story_id=story)
        articles = story_articles(session, story_id=story)
    records = [
        {
            "id": a.id,
            "published": a.published.date().isoformat(),
            "outlet": a.outlet,
            "title": a.title,
            "claims": a.claims,
            "derived_from": a.derived_from,
        }
        for a in articles
    ]
    print_records(records, fmt, ["id", "published", "outlet", "claims", "title"])


@stories_app.command("move")
def stories_move(
    articles: Annotated[list[int], typer.Argument(help="The articles to move.")],
    user: UserOption,
    to: Annotated[
        int | None,
        typer.Option("--to", help="The story to move them into; without it, a new story."),
    ] = None,
) -> None:
    """Move articles into another story, or into a new one of their own (editors): where a
    story mixes two events. Ingest never moves them back.

    Example: factcheck stories move 41 42 --user editor@newsroom.org
    """
    with database() as session:
        story = move_articles(
            session, article_ids=articles, to_story=to, by=acting_user(session, user)
        )
        moved = ", ".join(str(i) for i in sorted(set(articles)))
        typer.echo(f"Story {story.id} ({_cell(story.title)}) now holds articles {moved}.")


@speakers_app.command("list")
def speakers_list(
    search: Annotated[str, typer.Option(help="Words in the name.")] = "",
    limit: Annotated[int, typer.Option(help="At most this many speakers.")] = 100,
    offset: Annotated[int, typer.Option(help="Skip this many first.")] = 0,
    fmt: Annotated[TableOrJson, typer.Option("--format", help="How to print.")] = TableOrJson.TABLE,
) -> None:
    """List speakers with every name they are written as and their claim counts.

    Example: factcheck speakers list --search netanyahu
    """
    with database(readonly=True) as session:
        rows, total = list_speakers(session, search=search, offset=offset, limit=limit)
    records = [
        {
            "id": r.speaker.id,
            "name": r.speaker.name,
            "kind": r.speaker.kind.value,
            "names": r.names,
            "claims": r.claims,
        }
        for r in rows
    ]
    print_records(records, fmt, ["id", "name", "kind", "claims", "names"])
    if fmt == "table":
        typer.echo(f"{len(records)} of {total} speakers.", err=True)


@speakers_app.command("merge")
def speakers_merge(
    keep: Annotated[int, typer.Argument(help="The speaker to keep.")],
    other: Annotated[int, typer.Argument(help="The speaker that is the same entity.")],
    user: UserOption,
) -> None:
    """Merge OTHER into KEEP: its names and claims move over (editors).

    Example: factcheck speakers merge 12 40 --user editor@newsroom.org
    """
    with database() as session:
        kept = merge_speakers(session, keep_id=keep, other_id=other, by=acting_user(session, user))
        typer.echo(f"Speaker {other} is now part of {kept.name} (speaker {kept.id}).")


@speakers_app.command("split")
def speakers_split(
    speaker: Annotated[int, typer.Argument(help="The speaker known by the name.")],
    name: Annotated[str, typer.Argument(help="One of its names, to make a speaker of its own.")],
    user: UserOption,
) -> None:
    """Give one name of a speaker its own entity; claims written that way follow (editors).

    Example: factcheck speakers split 12 "the PM" --user editor@newsroom.org
    """
    with database() as session:
        new = split_speaker(session, speaker_id=speaker, name=name, by=acting_user(session, user))
        typer.echo(f"{new.name} is now speaker {new.id}.")


@speakers_app.command("rebuild")
def speakers_rebuild(user: UserOption) -> None:
    """Resolve every stored claim's speaker again with today's rules, then regroup (admins).

    For articles stored before a rule was added (a lone acronym joining the one body whose
    name gives it, say). Editors' merges and splits win; run it again and nothing moves.

    Example: factcheck speakers rebuild --user admin@newsroom.org
    """
    with database() as session:
        done = rebuild_speakers(session, by=acting_user(session, user))
        linked = rescan_voices(session, by=acting_user(session, user))
        rekeyed, joined = rebuild_groups(session, by=acting_user(session, user))
    typer.echo(f"{done.moved:,} claims took another speaker.")
    typer.echo(f"{done.joined:,} speakers left without claims joined the one they went to.")
    if done.kept:
        typer.echo(f"{done.kept:,} moves were refused: an editor merged or split those speakers.")
    typer.echo(f"{linked:,} people were linked to the body they speak for.")
    typer.echo(f"{rekeyed:,} figures took the current measure keys.")
    typer.echo(f"{joined:,} claims stored in no group joined one.")


@outlets_app.command("list")
def outlets_list(
    search: Annotated[str, typer.Option(help="Words in the name.")] = "",
    limit: Annotated[int, typer.Option(help="At most this many outlets.")] = 100,
    offset: Annotated[int, typer.Option(help="Skip this many first.")] = 0,
    fmt: Annotated[TableOrJson, typer.Option("--format", help="How to print.")] = TableOrJson.TABLE,
) -> None:
    """List outlets by name with their kind (news, agency, official, other) and articles.

    Example: factcheck outlets list --search wire
    """
    from factcheck.outlets import list_outlets

    with database(readonly=True) as session:
        rows, total = list_outlets(session, search=search, offset=offset, limit=limit)
    records = [
        {
            "id": r.outlet.id,
            "name": r.outlet.name,
            "kind": r.outlet.kind.value,
            "articles": r.articles,
        }
        for r in rows
    ]
    print_records(records, fmt, ["id", "name", "kind", "articles"])
    if fmt == "table":
        typer.echo(f"{len(records)} of {total} outlets.", err=True)


@outlets_app.command("kind")
def outlets_kind(
    name: Annotated[str, typer.Argument(help="The outlet's name, as `outlets list` shows it.")],
    kind: Annotated[
        OutletKind, typer.Argument(help="What sort of outlet it is.", case_sensitive=False)
    ],
    user: UserOption,
) -> None:
    """Say what sort of outlet this is (editors): an agency's or an official body's articles
    are taken as the source of same-day articles that copy their sentences.

    Example: factcheck outlets kind "Harbour Wire" agency --user editor@newsroom.org
    """
    from factcheck.outlets import set_outlet_kind, sources_changed

    with database() as session:
        changed = set_outlet_kind(session, name=name, kind=kind, by=acting_user(session, user))
        typer.echo(f"{name} is now marked {kind.value}; {sources_changed(changed)} changed.")


@app.command("counts")
def counts_command(
    check: Annotated[bool, typer.Option("--check", help="Compare with a full count.")] = False,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Rewrite them from a full count (admins).")
    ] = False,
    user: Annotated[str, typer.Option("--user", "-u", help="Your e-mail, for --rebuild.")] = "",
) -> None:
    """Check the dashboard's count tables (and the triage queue's stored points) against a
    full count of the claims, or rebuild them.

    Exits with 1 when a count is wrong. Example: factcheck counts --check
    """
    from factcheck import counts

    if check == rebuild:
        fail("Give either --check or --rebuild (with --user ADMIN_EMAIL).")
    with database(readonly=check) as session:
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

    ensure_schema(database_url())
    written = backup(database_url(), destination)
    typer.echo(f"Backed up {safe_url(database_url())} to {written}.")


def _new_password(from_stdin: bool, prompt: str = "Password") -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return str(typer.prompt(prompt, hide_input=True, confirmation_prompt=True))


def main() -> None:
    """Entry point: run a command, turning every error into one clear line (never a traceback)."""
    try:
        settings()  # a bad FACTCHECK_* value stops every command before it starts
        app()
    except FactcheckError as exc:
        typer.secho(f"Error: {exc}", fg=typer.colors.RED, err=True)
        sys.exit(1)
    except sa.exc.SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        typer.secho(
            f"Error: the database refused the command ({reason}); check "
            "FACTCHECK_DATABASE_URL, or run `factcheck init`.",
            fg=typer.colors.RED,
            err=True,
        )
        sys.exit(1)
    except KeyboardInterrupt:
        typer.secho("Stopped.", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
