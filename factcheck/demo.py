"""`factcheck demo`: a small invented newsroom, so a first-time user sees a living workspace.

Two invented stories: five outlets report the collapse of the Harlow Ridge tunnel, and five
report a truce between Ardel and Voss, with a death toll they disagree on (a conflict), a
quote one of them garbled (quote drift) and a paper's rewrite of the wire's report (derived
from Northern Wire). The transport ministry's word on the inquiry comes
once through its spokeswoman, once as the ministry's own: the Speakers page shows whom she
speaks for, and the two statements are one group. Northern Wire is marked a news agency and
the health office's statement an official source before any article arrives (the Outlets
page shows them), as an editor would on a new desk. Their claims are extracted as for any
article, then some are reviewed: verdicts, notes, evidence and an assignment, all through the
services (so all are audited).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlmodel import Session, col, func, select

from factcheck.desk import correct, publish
from factcheck.ingest import from_text, store
from factcheck.models import Article, Claim, OutletKind, Role, Stance, Status, User
from factcheck.outlets import outlet_named, set_outlet_kind
from factcheck.review import add_evidence, add_note, assign, set_status, sign_off
from factcheck.users import add_user

DOMAIN = "demo.factcheck.invalid"


@dataclass(frozen=True, slots=True)
class Story:
    """One invented article."""

    outlet: str
    published: datetime
    title: str
    text: str


STORIES = (
    Story(
        "Harlow Valley Gazette",
        datetime(2025, 3, 14, 7, 30, tzinfo=UTC),
        "Tunnel collapse on Harlow Ridge kills at least 38 workers",
        "At least 38 workers were killed when a section of the Harlow Ridge rail tunnel "
        "collapsed late on Wednesday, the provincial emergency service said. Another 112 "
        "people were hurt, 19 of them seriously.\n\n"
        "Rescue teams worked through the night to reach a group trapped about 600 metres from "
        'the western portal. "We are still hearing knocking from behind the rock," said '
        "Marta Ilves, who leads the rescue effort.\n\n"
        "The tunnel had gone without a structural inspection for 4-1/2 months, according to "
        "records seen by the Gazette. Union steward Pavel Oren said that crews had warned "
        'managers about cracks "for weeks, maybe longer".\n\n'
        "The 2.4-billion-dollar project employs about 1,900 people.",
    ),
    Story(
        "Northern Wire",
        datetime(2025, 3, 14, 11, 5, tzinfo=UTC),
        "Harlow Ridge death toll rises to 41, officials say",
        "The number of people killed in the Harlow Ridge tunnel collapse has risen to 41, "
        "the provincial health office said on Thursday, after three of the injured died in "
        "hospital.\n\n"
        'Governor Anneli Sarv called it "the worst day this province has seen in a '
        'generation" and declared three days of mourning.\n\n'
        "According to the operator, Ridgeline Construction, the tunnel was last inspected "
        "135 days before the collapse. A company spokesman, Jonas Kell, said the firm was "
        '"cooperating fully with investigators".\n\n'
        "About 110 people remain in hospital.",
    ),
    Story(
        "The Daily Ledger",
        datetime(2025, 3, 15, 6, 0, tzinfo=UTC),
        "Nearly 45 dead as questions mount over tunnel safety",
        "Nearly 45 people have died in the collapse of the Harlow Ridge tunnel, making it the "
        "deadliest construction accident in the country in three decades.\n\n"
        "Inspectors had not visited the site for almost five months, the Ledger has learned. "
        '"Nobody wanted to slow the schedule," one engineer told the Ledger, asking not to '
        "be named.\n\n"
        'Governor Anneli Sarv said the disaster was "the worst this province has seen". '
        "The operator has denied cutting corners, saying it spent 14 million dollars on "
        "safety last year.\n\n"
        "Provincial Transport Ministry spokeswoman Ilse Varga said a national investigation "
        "would report within 90 days.\n\n"
        "The tunnel was meant to open in 2027 and carry 30,000 passengers a day.",
    ),
    Story(
        "Harbour Radio News",
        datetime(2025, 3, 15, 18, 45, tzinfo=UTC),
        "Rescuers pull last survivors from Harlow Ridge tunnel",
        "Rescuers on Saturday freed the last four workers who had been trapped for 62 hours "
        "in the collapsed Harlow Ridge tunnel, rescue chief Marta Ilves said.\n\n"
        '"They were cold and thirsty, but they walked out on their own feet," Ilves told '
        "reporters at the western portal.\n\n"
        "The provincial health office put the death toll at 41 and said 23 people were still "
        "in intensive care. Union steward Pavel Oren said that inspections had stopped "
        '"half a year ago".\n\n'
        "A national investigation will report within 90 days, the transport ministry said.",
    ),
    Story(
        "Provincial Health Office",
        datetime(2025, 3, 16, 9, 0, tzinfo=UTC),
        "Statement on casualties of the Harlow Ridge tunnel collapse",
        "The Provincial Health Office confirms that 41 people died as a result of the Harlow "
        "Ridge tunnel collapse on 12 March. Of these, 38 died at the site and 3 in hospital.\n\n"
        "A total of 109 people were treated in hospital, of whom 21 remain in intensive care. "
        "Four workers rescued on 15 March are in stable condition.\n\n"
        '"Our thoughts are with the families," said health director Ruth Maal.',
    ),
    Story(
        "Northern Wire",
        datetime(2025, 4, 2, 8, 0, tzinfo=UTC),
        "Ardel and Voss sign 4-1/2-month truce in Corran",
        "Ardel and Voss signed a 4-1/2-month truce in Corran on Wednesday, ending a border "
        "war that the Voss interior ministry said had killed 312 people since January.\n\n"
        '"Peace is the road we build behind us," President Lena Oskarsson of Ardel said '
        "after the signing in Corran.\n\n"
        "Under the agreement both armies will pull back 20 kilometres from the border by "
        "Friday, and 140 prisoners will be exchanged within a month. The "
        "Tessel border crossing, shut since the fighting began, is to reopen to trade on "
        "Monday.\n\n"
        "Monitors from Kell Island will patrol the Marra valley, the ministry said.",
    ),
    Story(  # the wire's copy rewritten by a paper: the Stories page shows it derived
        "Tessel Evening Post",
        datetime(2025, 4, 2, 12, 30, tzinfo=UTC),
        "Armies to pull back as Ardel and Voss sign truce",
        "Ardel and Voss have signed a four-and-a-half-month truce in Corran, ending a border "
        "war which the Voss interior ministry says has killed 312 people since January.\n\n"
        "Both armies are to pull back 20 kilometres from the border by Friday, and 140 "
        "prisoners will be swapped within a month, under the deal.\n\n"
        "The Tessel crossing, closed since the fighting began, reopens to trade on Monday. "
        "Monitors from Kell Island will patrol the Marra valley.\n\n"
        '"Peace is the road we build behind us," said Ardel\'s President Lena Oskarsson.\n\n'
        "Traders in Tessel said they hoped the first lorries would cross within days.",
    ),
    Story(
        "The Daily Ledger",
        datetime(2025, 4, 2, 14, 0, tzinfo=UTC),
        "Corran truce: what Ardel and Voss agreed",
        "The four-and-a-half-month truce between Ardel and Voss takes effect at midnight. "
        "Some 290 people were killed in the fighting, according to the Voss interior "
        "ministry.\n\n"
        '"We build the road behind us to peace," Oskarsson told the Ledger in Corran.',
    ),
    Story(
        "Harbour Radio News",
        datetime(2025, 4, 3, 7, 0, tzinfo=UTC),
        "Morning news: guns fall silent along the Marra valley",
        "The 135-day ceasefire between Ardel and Voss held overnight along the Marra valley. "
        '"Peace is the road we build behind us," President Oskarsson said in Corran. '
        "Monitors from Kell Island arrive today.",
    ),
    Story(
        "Harlow Valley Gazette",
        datetime(2025, 4, 4, 9, 0, tzinfo=UTC),
        "Harlow families wait for news from the Marra valley",
        "Families in Harlow with relatives in Voss welcomed the truce. The Voss interior "
        "ministry says 312 people were killed in the Marra valley war, and the truce "
        "signed in Corran runs for four and a half months.",
    ),
)

# What the sample desk has already found: words in a claim's quote → verdict and why.
VERDICTS: tuple[tuple[str, str, Status, str, Stance], ...] = (
    (
        "Harlow Valley Gazette",
        "38",
        Status.VERIFIED,
        "Matches the health office: 38 died at the site.",
        Stance.SUPPORTS,
    ),
    (
        "Northern Wire",
        "41",
        Status.VERIFIED,
        "Confirmed by the health office statement of 16 March.",
        Stance.SUPPORTS,
    ),
    (
        "The Daily Ledger",
        "45",
        Status.MISLEADING,
        "Official toll is 41; 'nearly 45' overstates it.",
        Stance.REFUTES,
    ),
    (
        "The Daily Ledger",
        "three decades",
        Status.UNVERIFIABLE,
        "No national register of construction accidents to check against.",
        Stance.CONTEXT,
    ),
    (
        "Harlow Valley Gazette",
        "112",
        Status.FALSE,
        "The health office counts 109 treated in hospital.",
        Stance.REFUTES,
    ),
    (
        "Harbour Radio News",
        "23",
        Status.FALSE,
        "The health office says 21 remain in intensive care.",
        Stance.REFUTES,
    ),
)
# The outlets that are not news outlets: whose same-day article is the source of a copy.
KINDS = (("Northern Wire", OutletKind.AGENCY), ("Provincial Health Office", OutletKind.OFFICIAL))
IN_REVIEW = (("Northern Wire", "135 days"), ("Harlow Valley Gazette", "4-1/2 months"))
ASSIGNED_TO_REVIEWER = ("Harbour Radio News", "The Daily Ledger")


@dataclass(frozen=True, slots=True)
class Accounts:
    """The demo logins (one shared password)."""

    admin: str
    editor: str
    reviewer: str
    password: str


def is_empty(session: Session) -> bool:
    """True when the database has neither users nor articles."""
    users = session.exec(select(func.count()).select_from(User)).one()
    articles = session.exec(select(func.count()).select_from(Article)).one()
    return users == 0 and articles == 0


def fill(session: Session) -> Accounts:
    """Create the demo users, articles and review work on an empty database."""
    password = secrets.token_urlsafe(9)
    admin = add_user(
        session,
        email=f"admin@{DOMAIN}",
        role=Role.ADMIN,
        display_name="Dana Admin",
        password=password,
        by=None,
    )
    editor = add_user(
        session,
        email=f"editor@{DOMAIN}",
        role=Role.EDITOR,
        display_name="Eli Editor",
        password=password,
        by=admin,
    )
    reviewer = add_user(
        session,
        email=f"reviewer@{DOMAIN}",
        role=Role.REVIEWER,
        display_name="Rita Reviewer",
        password=password,
        by=admin,
    )
    articles = add_stories(session, editor=editor, by=reviewer)
    _review(session, articles, reviewer=reviewer, editor=editor)
    return Accounts(admin.email, editor.email, reviewer.email, password)


def add_stories(session: Session, *, editor: User, by: User) -> dict[str, int]:
    """Mark the agency and the official source (``editor``), then store the invented articles
    (``by``), their claims extracted; returns each outlet's first article's ID."""
    for name, kind in KINDS:  # an editor's first job: say which outlets are sources
        outlet_named(session, name=name)
        set_outlet_kind(session, name=name, kind=kind, by=editor)
    articles: dict[str, int] = {}
    for story in STORIES:
        doc = replace(from_text(story.text, title=story.title), published_at=story.published)
        result = store(session, doc=doc, by=by, outlet=story.outlet)
        assert result.article.id is not None
        articles.setdefault(story.outlet, result.article.id)  # an outlet's first article
    return articles


def _find(session: Session, article_id: int, words: str) -> Claim | None:
    query = (
        select(Claim)
        .where(Claim.article_id == article_id, col(Claim.quote).contains(words))
        .order_by(func.length(Claim.quote), col(Claim.start))  # the figure, not its sentence
    )
    return session.exec(query).first()


def _review(session: Session, articles: dict[str, int], *, reviewer: User, editor: User) -> None:
    official = f"https://health.{DOMAIN}/statements/harlow-ridge-2025-03-16"
    proposed: list[Claim] = []
    for outlet, words, status, note, stance in VERDICTS:
        claim = _find(session, articles[outlet], words)
        if claim is None or claim.id is None:
            continue  # the extractor read this sentence differently; the demo goes on
        proposed.append(claim)
        set_status(
            session,
            claim_id=claim.id,
            status=status,
            by=reviewer,
            seen_version=claim.version,
            note=note,
        )
        add_evidence(
            session,
            claim_id=claim.id,
            url=official,
            stance=stance,
            by=reviewer,
            title="Provincial Health Office statement, 16 March",
        )
    _desk(session, proposed, editor=editor)
    for outlet, words in IN_REVIEW:
        claim = _find(session, articles[outlet], words)
        if claim is not None and claim.id is not None:
            set_status(
                session,
                claim_id=claim.id,
                status=Status.IN_REVIEW,
                by=reviewer,
                seen_version=claim.version,
            )
            add_note(
                session,
                claim_id=claim.id,
                by=reviewer,
                body="4-1/2 months and 135 days agree; waiting for the inspection log.",
            )
    for outlet in ASSIGNED_TO_REVIEWER:
        open_claims = session.exec(
            select(Claim).where(
                Claim.article_id == articles[outlet], Claim.status == Status.UNREVIEWED
            )
        ).all()
        seen = {c.id: c.version for c in open_claims if c.id is not None}
        if seen:
            assign(session, seen=seen, assignee=reviewer, by=editor)


def _desk(session: Session, proposed: list[Claim], *, editor: User) -> None:
    """The editor signs off all but the last proposal, publishes one verdict, corrects it."""
    signed = [
        sign_off(session, claim_id=c.id or 0, by=editor, seen_version=c.version)
        for c in proposed[:-1]  # the last one stays awaiting sign-off
    ]
    overstated = next((c for c in signed if c.status is Status.MISLEADING), None)
    if overstated is None:
        return
    done = publish(
        session,
        claim_id=overstated.id or 0,
        url=f"https://{DOMAIN}/fact-checks/harlow-ridge-death-toll",
        by=editor,
        seen_version=overstated.version,
    )
    correct(
        session,
        claim_id=done.id or 0,
        reason="The health office's final toll is 41 and no count ever reached 45: "
        "'nearly 45' is false, not merely misleading.",
        by=editor,
        seen_version=done.version,
        status=Status.FALSE,
    )
