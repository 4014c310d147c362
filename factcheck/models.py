"""The tables and enums of factcheck: the vocabulary of the whole program.

Every enum is stored as its string value in a plain VARCHAR with a CHECK constraint
(``native_enum=False``), so SQLite and PostgreSQL hold the same data and migrations never
leave a PostgreSQL enum type behind.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """The current time, timezone-aware UTC (sqlmodel refuses naive datetimes)."""
    return datetime.now(UTC)


def as_utc(at: datetime) -> datetime:
    """A stored time as aware UTC: every time is stored in UTC, and SQLite hands it back naive
    (PostgreSQL aware, in the session's zone)."""
    return at.replace(tzinfo=UTC) if at.utcoffset() is None else at.astimezone(UTC)


class Status(StrEnum):
    """A claim's verification status: the one list used everywhere."""

    UNREVIEWED = "unreviewed"
    IN_REVIEW = "in_review"
    VERIFIED = "verified"
    FALSE = "false"
    MISLEADING = "misleading"
    UNVERIFIABLE = "unverifiable"
    NOT_A_CLAIM = "not_a_claim"  # an extraction mistake; left out of reports


REVIEWED = frozenset(
    {Status.VERIFIED, Status.FALSE, Status.MISLEADING, Status.UNVERIFIABLE}
)  # statuses that close a claim's review


class ClaimKind(StrEnum):
    """What a claim is: a figure, or something someone said."""

    NUMERIC = "numeric"
    ATTRIBUTED = "attributed"


class Attribution(StrEnum):
    """How a claim is attributed to its speaker."""

    DIRECT = "direct"  # a quotation
    INDIRECT = "indirect"  # reported speech: "X said that ..."
    ACCORDING_TO = "according_to"  # "according to X"


class Origin(StrEnum):
    """Who found the claim: the extractor or a reviewer."""

    EXTRACTED = "extracted"
    MANUAL = "manual"


class OutletKind(StrEnum):
    """What sort of publisher an outlet is."""

    NEWS = "news"
    AGENCY = "agency"
    OFFICIAL = "official"
    OTHER = "other"


class SpeakerKind(StrEnum):
    """Whether a speaker is a person, an organisation or an unnamed group."""

    PERSON = "person"
    ORGANISATION = "organisation"
    ANONYMOUS = "anonymous"
    UNKNOWN = "unknown"


class Stance(StrEnum):
    """What a piece of evidence does to the claim."""

    SUPPORTS = "supports"
    REFUTES = "refutes"
    CONTEXT = "context"


class Grain(StrEnum):
    """How much time one row of a count table covers (see factcheck.counts)."""

    DAY = "day"
    MONTH = "month"  # its period is the first day of the month
    ALL = "all"  # every date; its period is ALL_TIME


ALL_TIME = date(1, 1, 1)  # the period of Grain.ALL rows
NONE_ID = 0  # no outlet, no speaker or no user (the system), in count tables
ANY_OUTLET = -1  # speaker and status change counts of every outlet together


class Role(StrEnum):
    """What a user may do; each role includes the ones before it."""

    REVIEWER = "reviewer"
    EDITOR = "editor"
    ADMIN = "admin"


class Priority(StrEnum):
    """How soon the desk wants a claim checked; a reviewer sets it, the triage queue reads it."""

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class NoticeKind(StrEnum):
    """What a notice in someone's inbox, or a webhook delivery, is about."""

    ASSIGNED = "assigned"  # a claim was given to you
    PROPOSED = "proposed"  # a reviewer proposed a final verdict (awaits sign-off)
    SIGNED_OFF = "signed_off"  # your proposed verdict was signed off
    SENT_BACK = "sent_back"  # your proposed verdict was sent back with a note
    PUBLISHED = "published"  # a signed-off verdict was published
    CORRECTED = "corrected"  # a published claim you reviewed was corrected


class DeliveryState(StrEnum):
    """Where a webhook delivery stands."""

    PENDING = "pending"  # waiting for its (next) attempt
    DELIVERED = "delivered"  # the receiver answered 2xx
    FAILED = "failed"  # gave up after the last retry


def enum_column(enum: type[StrEnum], name: str = "") -> Any:
    """A VARCHAR column type holding the values of ``enum``, checked by the database.

    ``name`` names the CHECK constraint when a table has two columns of one enum.
    """
    return sa.Enum(
        enum,
        native_enum=False,
        create_constraint=True,
        length=max(len(m.value) for m in enum),
        values_callable=lambda members: [m.value for m in members],
        name=name or f"ck_{enum.__name__.lower()}",
        validate_strings=True,
    )


class User(SQLModel, table=True):
    """A person who uses factcheck."""

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=320, unique=True)  # login name, stored lower-case
    display_name: str = Field(max_length=200)  # shown next to everything they do
    role: Role = Field(sa_type=enum_column(Role), default=Role.REVIEWER)
    password_hash: str | None = Field(default=None, max_length=300)  # argon2; None for SSO
    active: bool = True  # a disabled user can do nothing
    created_at: datetime = Field(default_factory=utcnow)

    @property
    def key(self) -> int:
        """The primary key of a stored user (a user not yet stored has none)."""
        if self.id is None:
            raise ValueError("this user is not stored yet")
        return self.id


class Outlet(SQLModel, table=True):
    """A publication articles come from."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True)  # "Reuters", "Gaza health ministry"
    key: str = Field(max_length=200, index=True)  # names.name_key(name): its identity
    url: str | None = Field(default=None, max_length=2000)  # home page
    kind: OutletKind = Field(sa_type=enum_column(OutletKind), default=OutletKind.NEWS)


class Article(SQLModel, table=True):
    """One news article, stored as the clean text that claim spans point into."""

    __table_args__ = (
        # The dashboard joins claims to outlets through (outlet_id, id) alone (migration 0003)
        # and filters on the article date, published or else ingested, and the outlet
        # (migrations 0004, 0005).
        sa.Index("ix_article_outlet_id_id", "outlet_id", "id"),
        sa.Index("ix_article_date_outlet", "published_at", "ingested_at", "outlet_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    outlet_id: int | None = Field(default=None, foreign_key="outlet.id")
    story_id: int | None = Field(default=None, foreign_key="story.id", index=True)
    derived_from_id: int | None = Field(default=None, foreign_key="article.id")  # a rewrite of
    topics: list[str] = Field(default_factory=list, sa_type=sa.JSON)  # names it is about
    title: str = Field(max_length=500)
    url: str | None = Field(default=None, max_length=2000)  # where it was fetched from
    author: str | None = Field(default=None, max_length=300)
    published_at: datetime | None = None
    text: str = Field(sa_type=sa.Text)  # clean text; claim spans are offsets into it
    sha256: str = Field(max_length=64, unique=True)  # of text: the same text is stored once
    language: str = Field(default="en", max_length=12)
    ingested_at: datetime = Field(default_factory=utcnow)
    ingested_by_id: int | None = Field(default=None, foreign_key="user.id")


class Speaker(SQLModel, table=True):
    """A person or organisation claims are attributed to, one row per entity."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=300, unique=True)  # display name, e.g. "Benjamin Netanyahu"
    key: str = Field(max_length=300, index=True)  # names.name_key(name): its identity
    kind: SpeakerKind = Field(sa_type=enum_column(SpeakerKind), default=SpeakerKind.UNKNOWN)
    aliases: list[str] = Field(default_factory=list, sa_type=sa.JSON)  # e.g. ["Netanyahu"]
    surname: str | None = Field(default=None, max_length=100, index=True)  # key of a person's
    # last name: "netanyahu" alone joins this speaker only when no other person has it


class SpeakerAlias(SQLModel, table=True):
    """A name key that means one speaker ("benjamin netanyahu", "gaza health ministry")."""

    key: str = Field(max_length=300, primary_key=True)  # factcheck.speakers.speaker_key
    speaker_id: int = Field(foreign_key="speaker.id", index=True)
    name: str = Field(max_length=300)  # the name as first written


class SpeakerInitials(SQLModel, table=True):
    """An acronym an organisation's names give ("cda" of "the Civil Defence Agency of
    Averon"): a lone "CDA" in another article joins the one organisation that gives it
    (factcheck.speakers.acronyms). A table of its own: an organisation gives several, and two
    organisations may give one."""

    initials: str = Field(max_length=12, primary_key=True)
    speaker_id: int = Field(foreign_key="speaker.id", primary_key=True, index=True)


class SpeakerVoice(SQLModel, table=True):
    """Whom a speaker speaks for: "Ana Ruiz, a spokeswoman for the port authority" (see
    factcheck.speakers). What either says is compared with what the other says; the two stay
    separate entities. ``voice_id`` None with ``by_hand``: an editor unlinked it, and what
    later articles say does not link it again."""

    speaker_id: int = Field(foreign_key="speaker.id", primary_key=True)
    voice_id: int | None = Field(default=None, foreign_key="speaker.id", index=True)
    role: str = Field(default="", max_length=60)  # as written: "spokeswoman", "who heads"
    by_hand: bool = False  # set or unset by an editor: ingest leaves it alone


class Story(SQLModel, table=True):
    """Articles that cover the same events: they share claim groups, or names, speakers and
    words (factcheck.storylink)."""

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=500)  # the earliest article's title
    first_seen: datetime = Field(index=True)  # date of its earliest article
    last_seen: datetime = Field(index=True)
    created_at: datetime = Field(default_factory=utcnow)


class StoryKey(SQLModel, table=True):
    """What names the events an article covers, indexed to find the stories it may belong to
    without sharing a claim group (factcheck.storylink): a name it is about ("n:grauwand") or
    a speaker its claims quote ("s:12"), with the article's date (published, else ingested)."""

    __table_args__ = (sa.Index("ix_storykey_key_at", "key", "at"),)

    article_id: int = Field(foreign_key="article.id", primary_key=True)
    key: str = Field(max_length=120, primary_key=True)
    at: datetime


class ClaimGroup(SQLModel, table=True):
    """One claim reported by several articles: the same figure, or the same words of a speaker.

    ``lo``/``hi`` hold the values every numeric member allows together (their intersection);
    when no value fits them all (``lo > hi``) the group is in conflict. ``conflict`` is also set
    when the group is in dispute with another figure of its story (factcheck.disputes); a lone
    figure in dispute is a group of one (``size`` 1). See factcheck.groups.
    """

    __table_args__ = (sa.Index("ix_claimgroup_conflict_story", "conflict", "story_id"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: ClaimKind = Field(sa_type=enum_column(ClaimKind))
    key: str = Field(max_length=250, index=True)  # the claims' group_key
    measure_key: str | None = Field(default=None, max_length=200)
    unit: str | None = Field(default=None, max_length=100)  # "count", "day", "USD" ...
    speaker_id: int | None = Field(default=None, foreign_key="speaker.id", index=True)
    lo: float | None = None  # numeric: the least value all members allow (None: no floor)
    hi: float | None = None  # numeric: the most value all members allow (None: no ceiling)
    conflict: bool = False  # the members' stated values cannot all be true
    size: int = 0  # how many claims it holds
    first_claim_id: int | None = None  # its earliest appearance
    first_seen: datetime | None = None
    last_claim_id: int | None = None
    last_seen: datetime | None = None
    story_id: int | None = Field(default=None, foreign_key="story.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)


class Claim(SQLModel, table=True):
    """A numeric or attributed claim found at an exact span of an article's text."""

    __table_args__ = (
        sa.CheckConstraint('"start" >= 0 AND "end" > "start"', name="ck_claim_span"),
        sa.Index("ix_claim_article_start", "article_id", "start"),
        # The triage queue reads a recent article's unreviewed claims whose stored points can
        # reach the page (factcheck.triage, migration 0013); it serves article_id alone too.
        sa.Index("ix_claim_article_queue", "article_id", "status", "triage_points"),
        # Covering indexes for the dashboard's GROUP BY queries, each holding every column a
        # filtered count reads (see factcheck.dashboard and migration 0004).
        sa.Index("ix_claim_article_kind_status", "article_id", "kind", "status"),
        sa.Index("ix_claim_kind_status_article", "kind", "status", "article_id"),
        sa.Index("ix_claim_speaker_status_kind", "speaker_id", "status", "kind", "article_id"),
        # Verdicts awaiting sign-off, oldest first (every page's sidebar counts them): only
        # those claims are in the index, so the planners see how few they are.
        sa.Index(
            "ix_claim_awaiting",
            "proposed_at",
            "id",
            sqlite_where=sa.text("proposed_status IS NOT NULL"),
            postgresql_where=sa.text("proposed_status IS NOT NULL"),
        ),
        # Grouping at ingest reads the latest claims of one key (factcheck.groups).
        sa.Index("ix_claim_group_key_id", "group_key", "id"),
        sa.Index("ix_claim_group_article", "group_id", "article_id"),  # one claim per article
        # The dashboard's figures about a measure: an article's, in text order (migration 0014).
        sa.Index("ix_claim_measure_article", "measure_key", "article_id", "start"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id")  # indexed by ix_claim_article_queue
    kind: ClaimKind = Field(sa_type=enum_column(ClaimKind), index=True)
    start: int  # offset of the first character in article.text
    end: int  # offset after the last character: text[start:end] == quote
    quote: str = Field(sa_type=sa.Text)  # the words as printed
    sentence: str = Field(sa_type=sa.Text)  # the sentence the quote sits in
    speaker_id: int | None = Field(default=None, foreign_key="speaker.id", index=True)
    speaker_name: str | None = Field(default=None, max_length=300)  # as written in the article
    speaker_resolved: bool = True  # False: the text never says who the speaker is
    attribution: Attribution | None = Field(default=None, sa_type=enum_column(Attribution))
    cue: str | None = Field(default=None, max_length=100)  # "said", "according to" ...
    value: float | None = None  # the number, for numeric claims
    lower: float | None = None  # lower bound of a range, or the value
    upper: float | None = None  # upper bound of a range, or the value
    qualifier: str | None = Field(default=None, max_length=50)  # "at least", "about" ...
    unit: str | None = Field(default=None, max_length=100)  # "people", "month", "USD" ...
    measure: str | None = Field(default=None, max_length=300)  # what is counted
    days: float | None = None  # durations, converted to days
    measure_key: str | None = Field(default=None, max_length=200)  # comparable
    group_key: str | None = Field(default=None, max_length=250)  # where its group is looked for
    group_id: int | None = Field(default=None, foreign_key="claimgroup.id")
    as_of: date | None = None  # the day a figure describes: the article's, unless it says
    confidence: float = 1.0  # the extractor's confidence; 1 for manual claims
    status: Status = Field(sa_type=enum_column(Status), default=Status.UNREVIEWED, index=True)
    assignee_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    version: int = 1  # raised by every change; a write names the version it saw
    origin: Origin = Field(sa_type=enum_column(Origin), default=Origin.EXTRACTED)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow, index=True)
    # The desk's workflow (factcheck.desk). A final verdict that needs a second person waits
    # in proposed_status while status stays as it was; sign-off moves it into status.
    proposed_status: Status | None = Field(
        default=None, sa_type=enum_column(Status, name="ck_proposed_status")
    )
    proposed_by_id: int | None = Field(default=None, foreign_key="user.id")
    proposed_at: datetime | None = None
    signed_off_by_id: int | None = Field(default=None, foreign_key="user.id")
    signed_off_at: datetime | None = None
    published_url: str | None = Field(default=None, max_length=2000)  # the fact-check article
    published_at: datetime | None = None  # set: the claim is locked; change it by correction
    published_by_id: int | None = Field(default=None, foreign_key="user.id")
    corrected_at: datetime | None = None  # the latest correction
    priority: Priority = Field(
        sa_type=enum_column(Priority),
        default=Priority.NORMAL,
        sa_column_kwargs={"server_default": Priority.NORMAL.value},
    )
    # The triage score's terms that do not depend on the clock, summed (factcheck.triage keeps
    # it exact as the claim and its group change).
    triage_points: int = Field(default=0, sa_column_kwargs={"server_default": "0"})


_claims: sa.Table = Claim.__table__  # type: ignore[attr-defined]
# The triage queue walks the unreviewed claims by stored points, best first, ties by ID, and
# reads their articles from the index alone (factcheck.triage, migration 0013); a descending
# column needs the column itself.
sa.Index(
    "ix_claim_queue",
    _claims.c.status,
    _claims.c.triage_points.desc(),
    _claims.c.id,
    _claims.c.article_id,
)


class Evidence(SQLModel, table=True):
    """A source a reviewer found for or against a claim."""

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    url: str = Field(max_length=2000)  # http or https only
    title: str = Field(default="", max_length=500)
    stance: Stance = Field(sa_type=enum_column(Stance))
    note: str = Field(default="", sa_type=sa.Text)
    created_by_id: int = Field(foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)


class Note(SQLModel, table=True):
    """A reviewer's comment on a claim."""

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    body: str = Field(sa_type=sa.Text)
    created_by_id: int = Field(foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)


class Event(SQLModel, table=True):
    """The audit trail: one row per change anywhere. Append-only (triggers refuse edits)."""

    __table_args__ = (sa.Index("ix_event_action_at", "action", "at"),)  # review activity charts

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor_id: int | None = Field(default=None, foreign_key="user.id", index=True)  # who
    action: str = Field(max_length=50)  # "claim.status", "article.ingest" ...
    entity: str = Field(max_length=30)  # table name of what changed
    entity_id: int | None = None  # its id
    claim_id: int | None = Field(default=None, index=True)  # for a claim's history
    before: dict[str, Any] | None = Field(default=None, sa_type=sa.JSON)
    after: dict[str, Any] | None = Field(default=None, sa_type=sa.JSON)


class DeskSettings(SQLModel, table=True):
    """The desk's rules: one row (id 1), written by admins."""

    id: int | None = Field(default=None, primary_key=True)
    two_person_rule: bool = True  # editors' own final verdicts need a second editor too
    updated_at: datetime = Field(default_factory=utcnow)
    updated_by_id: int | None = Field(default=None, foreign_key="user.id")


class Correction(SQLModel, table=True):
    """One correction of a published claim: what changed, why, who, when."""

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    changes: dict[str, Any] = Field(sa_type=sa.JSON)  # {"status": {"from": ..., "to": ...}}
    reason: str = Field(sa_type=sa.Text)
    by_id: int = Field(foreign_key="user.id")
    at: datetime = Field(default_factory=utcnow, index=True)


class Notice(SQLModel, table=True):
    """An item of someone's inbox; read_at is set once they have seen it."""

    __table_args__ = (sa.Index("ix_notice_user_read", "user_id", "read_at", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id")  # whose inbox
    kind: NoticeKind = Field(sa_type=enum_column(NoticeKind))
    claim_id: int = Field(foreign_key="claim.id", index=True)
    actor_id: int | None = Field(default=None, foreign_key="user.id")  # who caused it
    note: str = Field(default="", sa_type=sa.Text)  # e.g. why a verdict was sent back
    at: datetime = Field(default_factory=utcnow)
    read_at: datetime | None = None


class Webhook(SQLModel, table=True):
    """An address that receives signed JSON posts when chosen things happen to claims."""

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(max_length=2000)
    events: list[str] = Field(default_factory=list, sa_type=sa.JSON)  # NoticeKind values
    secret: str = Field(max_length=100)  # HMAC-SHA256 key of the signature header
    slack: bool = False  # send a Slack-compatible body ({"text": ...})
    active: bool = True
    created_by_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)


class Delivery(SQLModel, table=True):
    """One post of one event to one webhook, retried with backoff until it lands or gives up."""

    __table_args__ = (sa.Index("ix_delivery_state_next", "state", "next_at"),)

    id: int | None = Field(default=None, primary_key=True)
    hook_id: int = Field(foreign_key="webhook.id", index=True)
    event: NoticeKind = Field(sa_type=enum_column(NoticeKind))
    claim_id: int | None = Field(default=None, foreign_key="claim.id")
    body: str = Field(sa_type=sa.Text)  # the exact bytes posted (UTF-8 JSON) and signed
    state: DeliveryState = Field(sa_type=enum_column(DeliveryState), default=DeliveryState.PENDING)
    attempts: int = 0
    next_at: datetime = Field(default_factory=utcnow)
    last_code: int | None = None  # the receiver's HTTP status
    last_error: str = Field(default="", max_length=500)
    created_at: datetime = Field(default_factory=utcnow)
    delivered_at: datetime | None = None


class LoginFailure(SQLModel, table=True):
    """A failed log-in, kept a day to slow down password guessing (see factcheck.users).

    Not an audit event: it records no change, and old rows are deleted.
    """

    __tablename__ = "login_failure"
    __table_args__ = (
        sa.Index("ix_login_failure_account_at", "account", "at"),
        sa.Index("ix_login_failure_client_at", "client", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    account: str = Field(max_length=320)  # the e-mail tried, trimmed and lower-case
    client: str = Field(max_length=100)  # the browser's address, or "command line"


class LoginSession(SQLModel, table=True):
    """A browser's login: the app keeps the token's hash, the browser a cookie with the token."""

    __tablename__ = "login_session"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    token_sha256: str = Field(max_length=64, unique=True)  # the cookie's token is never stored
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime  # the login ends then at the latest
    ended_at: datetime | None = None  # logged out, disabled or password changed


# Count tables: what the dashboard reads instead of the claims. Derived data, written only by
# factcheck.counts in the transaction of the claim write they follow; `factcheck counts
# --check` compares them with a full count. Missing outlets, speakers and users are NONE_ID.


class ClaimCount(SQLModel, table=True):
    """Claims per article date, outlet, kind and status, at each grain."""

    __tablename__ = "claim_count"

    grain: Grain = Field(sa_type=enum_column(Grain), primary_key=True)
    period: date = Field(primary_key=True)  # the article date (published, else ingested)
    outlet_id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    kind: ClaimKind = Field(sa_type=enum_column(ClaimKind), primary_key=True)
    status: Status = Field(sa_type=enum_column(Status), primary_key=True)
    claims: int = 0


class SpeakerCount(SQLModel, table=True):
    """Claims per speaker, article date, outlet (and ANY_OUTLET), kind and status, at each
    grain."""

    __tablename__ = "speaker_count"

    speaker_id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    grain: Grain = Field(sa_type=enum_column(Grain), primary_key=True)
    period: date = Field(primary_key=True)
    outlet_id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    kind: ClaimKind = Field(sa_type=enum_column(ClaimKind), primary_key=True)
    status: Status = Field(sa_type=enum_column(Status), primary_key=True)
    claims: int = 0


class SpeakerTotal(SQLModel, table=True):
    """Every claim of each speaker: the order in which the dashboard ranks speakers."""

    __tablename__ = "speaker_total"
    __table_args__ = (sa.Index("ix_speaker_total_claims", "claims", "speaker_id"),)

    speaker_id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    claims: int = 0


class ArticleCount(SQLModel, table=True):
    """Claims of each article, by kind, with the article's date and outlet, for ranking."""

    __tablename__ = "article_count"
    __table_args__ = (
        # Walked from the biggest down; each holds the filter's columns (no row lookups).
        sa.Index("ix_article_count_claims", "claims", "article_id", "day", "outlet_id"),
        sa.Index("ix_article_count_numeric", "numeric_claims", "article_id", "day", "outlet_id"),
        sa.Index(
            "ix_article_count_attributed", "attributed_claims", "article_id", "day", "outlet_id"
        ),
        # Walked from the newest date down: the Dashboard's claims table (of one outlet).
        sa.Index("ix_article_count_day", "day", "article_id"),
        sa.Index("ix_article_count_outlet_day", "outlet_id", "day", "article_id"),
    )

    article_id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    day: date  # the article date (published, else ingested)
    outlet_id: int
    claims: int = 0
    numeric_claims: int = 0
    attributed_claims: int = 0


class MeasureTotal(SQLModel, table=True):
    """Figures (numeric claims with a value) of each measure key: the keys that exist, which a
    search of the dashboard's figures reads first (a few thousand rows at any size)."""

    __tablename__ = "measure_total"

    measure_key: str = Field(max_length=200, primary_key=True)
    claims: int = 0


class MeasureCount(SQLModel, table=True):
    """Figures of each measure key in each article, with the article's date and outlet.

    The dashboard's figures about a measure are found down (measure_key, day) from the newest
    article, so a search reads about as many rows as it shows, whatever the archive holds.
    """

    __tablename__ = "measure_count"
    __table_args__ = (
        sa.Index("ix_measure_count_day", "measure_key", "day", "article_id"),
        sa.Index("ix_measure_count_outlet_day", "measure_key", "outlet_id", "day", "article_id"),
    )

    measure_key: str = Field(max_length=200, primary_key=True)
    article_id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    day: date  # the article date (published, else ingested)
    outlet_id: int
    claims: int = 0


class StatusChangeCount(SQLModel, table=True):
    """Status changes per day, reviewer and (from, to) status, by the claim's article date,
    outlet (and ANY_OUTLET for all of them) and kind, at each grain of the article date."""

    __tablename__ = "status_change_count"

    # The key leads with the day of the change: the page reads recent days of activity.
    outlet_id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    grain: Grain = Field(sa_type=enum_column(Grain), primary_key=True)
    day: date = Field(primary_key=True)  # when the status changed (UTC)
    period: date = Field(primary_key=True)  # of the article date
    kind: ClaimKind = Field(sa_type=enum_column(ClaimKind), primary_key=True)
    actor_id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    from_status: Status = Field(sa_type=enum_column(Status, "ck_from_status"), primary_key=True)
    to_status: Status = Field(sa_type=enum_column(Status, "ck_to_status"), primary_key=True)
    changes: int = 0
