"""Score claim grouping against a hand-labelled multi-outlet set: precision and recall of links.

A link is a pair of labelled claims (in different articles) put in one group. Each labelled
member is matched to the stored claim of its kind whose span overlaps the label's span. Run
``python tests/groups_score.py tests/data/stories_dev.json`` for the table and the misses.

Conflicts are counted two ways. *Within groups*: a labelled group counts as flagged when its
members' claims sit in one group whose own members cannot all be true (its common interval is
empty). *With disputes*: also when two of its members' claims sit in two groups in dispute
with each other (factcheck.disputes). ``right`` counts the flagged labelled groups that the
labels call a conflict. A disputed pair of groups is a *false alarm* when no labelled
conflict group has members in both (the labels do not call what it joins a conflict); pairs
whose groups hold no labelled member at all count too, since a reviewer sees them the same.

A lone figure in dispute is stored as a group of one, so it counts like any group. The
false alarms and the labelled conflicts not flagged are printed after the misses, each
figure with its value, measure and group keys, as-of day, outlet and words around it.

The attributed-only line counts the links between members of labelled attributed groups (what
speakers and quote wording decide; a figure never joins a quote, so every attributed link made
is between two such members or is a wrong link printed with the others). The drift line counts
the links of groups labelled ``drift`` whose two quotes are worded differently: the pairs a
reviewer would see side by side as a drifted quote (issue #10 §5). A group holds one claim
per article, so a figure an article gives twice joins with one of its mentions: when the
labels name the other, the link is missed though both articles are in the group with that
value. The other-mention line counts those links apart (not in precision or recall). The
not-same line counts the labelled look-alike pairs (``not_same``) that ended in one group: it
should stay 0.

The story lines (issue #10 §4) score how articles form stories, after the lines above. A
story link is a pair of articles of one labelled story; it is found when both sit in one stored
story (precision and recall of those pairs, as for claim links). ``split`` counts the labelled
stories whose articles sit in more than one stored story (each with how many, no story aside),
``mixed`` the stored stories holding articles of more than one labelled story, and ``alone``
the articles put in no story at all. The derived-from line counts the labelled rewrites
(``derived_from``): ``found`` how many articles were marked derived from another, ``right``
how many of those name the labelled source. Printed last: each labelled story split or with
an article in no story, and each stored story that mixes labelled ones, its articles as ID
(outlet) under the stored story ID they sit in (``-``: none); then each derived-from pair
missed or made wrongly.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from factcheck.articles import add_article
from factcheck.comparable import Bounds
from factcheck.db import dispose_engine, get_engine
from factcheck.disputes import rivals
from factcheck.extract import extract_claims
from factcheck.migrate import upgrade
from factcheck.models import Article, Claim, ClaimGroup, Role, User


@dataclass
class Stories:
    """How the set's articles formed stories and which were marked derived (module docstring)."""

    gold: int = 0  # pairs of articles in one labelled story
    predicted: int = 0  # pairs of articles in one stored story
    correct: int = 0
    labelled: int = 0  # labelled stories
    split: dict[str, int] = field(default_factory=dict)  # labelled story → stored stories (>1)
    mixed: int = 0  # stored stories holding more than one labelled story
    alone: int = 0  # articles in no story
    articles: int = 0
    derived_gold: int = 0  # labelled rewrites
    derived_found: int = 0  # articles marked derived from another
    derived_right: int = 0  # of those, marked derived from the labelled source
    misses: list[str] = field(default_factory=list)
    derived_misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0


@dataclass
class Score:
    """Link counts, with the pairs missed and the pairs wrongly made."""

    gold: int = 0
    predicted: int = 0
    correct: int = 0
    unmatched: int = 0  # labelled members the extractor found no claim for
    conflicts_right: int = 0
    conflicts_labelled: int = 0
    conflicts_flagged: int = 0
    # The same counts when a dispute between two groups also counts (module docstring).
    disputes_right: int = 0
    disputes_flagged: int = 0
    disputed_pairs: int = 0  # pairs of groups in dispute
    false_alarms: int = 0  # of those, pairs no labelled conflict group spans
    # Links between numeric members labelled with one value: a set that puts a series (27 then
    # 41 dead) in one group counts links grouping never makes by design (issue #10 §7).
    same_value_gold: int = 0
    same_value_correct: int = 0
    quote_gold: int = 0  # links between members of labelled attributed groups
    quote_predicted: int = 0  # links made between attributed claims
    quote_correct: int = 0
    drift_gold: int = 0  # links of drift groups whose quotes are worded differently
    drift_found: int = 0
    not_same: int = 0  # labelled pairs of look-alikes that must stay apart
    not_same_joined: int = 0
    # Links missed between two claims whose articles are in one group anyway, by another
    # mention of the same value (a group holds one claim per article: module docstring).
    by_other_mention: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)  # the false alarms, described
    caught: list[str] = field(default_factory=list)  # the disputes labelled conflicts span
    unflagged: list[str] = field(default_factory=list)  # labelled conflicts not flagged
    stories: Stories = field(default_factory=Stories)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    @property
    def quote_precision(self) -> float:
        return self.quote_correct / self.quote_predicted if self.quote_predicted else 1.0

    @property
    def quote_recall(self) -> float:
        return self.quote_correct / self.quote_gold if self.quote_gold else 1.0

    @property
    def same_value_recall(self) -> float:
        return self.same_value_correct / self.same_value_gold if self.same_value_gold else 1.0


def _claim_for(claims: list[Claim], member: dict[str, Any], kind: str) -> Claim | None:
    start, end = member["span"]
    overlapping = [c for c in claims if c.kind.value == kind and c.start < end and start < c.end]
    return min(overlapping, key=lambda c: abs(c.start - start) + abs(c.end - end), default=None)


def _worded(quote: str) -> str:
    """A quote's words, case and punctuation aside: a trim or a reworded quote differs."""
    return " ".join(re.findall(r"\w+", quote.lower()))


def score(path: Path) -> Score:
    """Ingest every article of the set into a fresh SQLite database and compare the groups."""
    data = json.loads(path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/score.db"
        upgrade(url)
        try:
            return _score(url, data)
        finally:
            dispose_engine(url)


def ingest(session: Session, data: dict[str, Any], *, by: User) -> dict[str, int]:
    """Store every article of a set, oldest first, as ingest does; each one's ID by label."""
    stored: dict[str, int] = {}
    for a in sorted(data["articles"], key=lambda a: a["published"]):
        day = datetime.fromisoformat(a["published"]).replace(hour=12, tzinfo=UTC)
        article = add_article(
            session,
            title=a["title"],
            text=a["text"],
            by=by,
            claims=extract_claims(a["text"]),
            outlet=a["outlet"],
            published_at=day,
        )
        stored[a["id"]] = article.id or 0
    return stored


def _score(url: str, data: dict[str, Any]) -> Score:
    from tests.factories import make_user

    result = Score()
    with Session(get_engine(url), expire_on_commit=False) as session:
        stored = ingest(session, data, by=make_user(session, role=Role.EDITOR))
        claims: dict[str, list[Claim]] = {
            aid: list(session.exec(select(Claim).where(Claim.article_id == i)))
            for aid, i in stored.items()
        }
        members: list[tuple[str, str, Claim | None, str]] = []  # group, article, claim, quote
        values: list[float | None] = []  # each member's labelled value (numeric groups)
        kinds = {g["id"]: g["kind"] for g in data["groups"]}
        drift = {g["id"] for g in data["groups"] if g.get("drift")}
        for group in data["groups"]:
            for m in group["members"]:
                claim = _claim_for(claims[m["article"]], m, group["kind"])
                result.unmatched += claim is None
                members.append((group["id"], m["article"], claim, m["quote"]))
                values.append(m.get("value") if group["kind"] == "numeric" else None)
            if group["conflict"]:
                result.conflicts_labelled += 1
        pairs = itertools.combinations(zip(members, values, strict=True), 2)
        for ((g1, a1, c1, q1), v1), ((g2, a2, c2, q2), v2) in pairs:
            if a1 == a2:
                continue
            same_gold = g1 == g2
            same_pred = (
                c1 is not None
                and c2 is not None
                and c1.group_id is not None
                and c1.group_id == c2.group_id
            )
            result.gold += same_gold
            result.predicted += same_pred
            result.correct += same_gold and same_pred
            quotes = kinds[g1] == kinds[g2] == "attributed"
            result.quote_gold += quotes and same_gold
            result.quote_predicted += quotes and same_pred
            result.quote_correct += quotes and same_gold and same_pred
            drifted = same_gold and g1 in drift and _worded(q1) != _worded(q2)
            result.drift_gold += drifted
            result.drift_found += drifted and same_pred
            if same_gold and v1 is not None and v1 == v2:
                result.same_value_gold += 1
                result.same_value_correct += same_pred
            if same_gold and not same_pred and c1 is not None and c2 is not None:
                result.by_other_mention += bool(
                    kinds[g1] == "numeric" and _mentions(claims[a1], c1) & _mentions(claims[a2], c2)
                )
            if same_gold and not same_pred:
                result.missed.append(f"{g1}: {a1} {q1!r} / {a2} {q2!r}")
            if same_pred and not same_gold:
                result.wrong.append(f"{g1}/{g2}: {a1} {q1!r} / {a2} {q2!r}")
        for pair in data.get("not_same", []):
            a, b = (
                min(
                    (
                        c
                        for c in claims[m["article"]]
                        if c.start < m["span"][1] and m["span"][0] < c.end
                    ),
                    key=lambda c: abs(c.start - m["span"][0]),
                    default=None,
                )
                for m in (pair["a"], pair["b"])
            )
            result.not_same += 1
            result.not_same_joined += bool(a and b and a.group_id and a.group_id == b.group_id)
        pairs_in_dispute = _disputed_pairs(session)
        spanned: set[frozenset[int]] = set()
        for group in data["groups"]:
            found = {c.group_id for g, _, c, _ in members if g == group["id"] and c and c.group_id}
            flagged = any(_within(session.get(ClaimGroup, gid)) for gid in found)
            result.conflicts_flagged += flagged
            result.conflicts_right += flagged and group["conflict"]
            disputed = {p for p in pairs_in_dispute if p <= found}
            if group["conflict"]:
                spanned |= disputed
            result.disputes_flagged += flagged or bool(disputed)
            result.disputes_right += (flagged or bool(disputed)) and group["conflict"]
            if group["conflict"] and not (flagged or disputed):
                result.unflagged.append(
                    f"{group['id']} {group['description']!r}: "
                    + "; ".join(_describe(session, c) for g, _, c, _ in members if g == group["id"])
                )
        result.disputed_pairs = len(pairs_in_dispute)
        result.false_alarms = len(pairs_in_dispute - spanned)
        for pair in sorted(pairs_in_dispute, key=sorted):
            said = " <> ".join(_describe_group(session, g) for g in sorted(pair))
            (result.alarms if pair not in spanned else result.caught).append(said)
        result.stories = _stories(session, data, stored)
    return result


def _mentions(claims: list[Claim], claim: Claim) -> set[int]:
    """The groups holding a figure of ``claim``'s article with its value."""
    return {
        c.group_id
        for c in claims
        if c.group_id is not None and c.kind.value == "numeric" and c.value == claim.value
    }


def _stories(session: Session, data: dict[str, Any], stored: dict[str, int]) -> Stories:
    """Compare the stored stories and sources of the set's articles with the labels."""
    found = Stories(articles=len(stored))
    labels = {a["id"]: a for a in data["articles"]}
    ids = {i: label for label, i in stored.items()}
    rows = session.exec(select(Article).where(col(Article.id).in_(list(ids)))).all()
    story = {ids[a.id or 0]: a.story_id for a in rows}
    source = {ids[a.id or 0]: ids.get(a.derived_from_id or 0) for a in rows}
    for a, b in itertools.combinations(sorted(stored), 2):
        same_gold = labels[a]["story"] == labels[b]["story"]
        same_pred = story[a] is not None and story[a] == story[b]
        found.gold += same_gold
        found.predicted += same_pred
        found.correct += same_gold and same_pred
    found.alone = sum(s is None for s in story.values())

    def shown(members: list[str]) -> str:
        by_story: dict[int | None, list[str]] = {}
        for a in sorted(members, key=lambda a: (story[a] is None, story[a] or 0, a)):
            by_story.setdefault(story[a], []).append(f"{a} ({labels[a]['outlet']})")
        return "; ".join(f"{sid or '-'}: {', '.join(arts)}" for sid, arts in by_story.items())

    for name in sorted({a["story"] for a in labels.values()}):
        members = [a for a in labels if labels[a]["story"] == name]
        found.labelled += 1
        placed = {story[a] for a in members if story[a] is not None}
        if len(placed) > 1:
            found.split[name] = len(placed)
        if len(placed) > 1 or any(story[a] is None for a in members):
            found.misses.append(f"{name}: {shown(members)}")
    for sid in sorted({s for s in story.values() if s is not None}):
        members = [a for a in labels if story[a] == sid]
        told = sorted({labels[a]["story"] for a in members})
        if len(told) > 1:
            found.mixed += 1
            found.misses.append(f"stored story {sid} mixes {', '.join(told)}: {shown(members)}")
    for a in sorted(labels):
        wanted, made = labels[a].get("derived_from"), source[a]
        found.derived_gold += wanted is not None
        found.derived_found += made is not None
        found.derived_right += made is not None and made == wanted
        if wanted != made:
            found.derived_misses.append(
                f"{a} ({labels[a]['outlet']}, story {story[a] or '-'}): labelled from "
                f"{wanted or '-'}, marked from {made or '-'}"
                + (f" (story {story[wanted] or '-'})" if wanted else "")
            )
    return found


def _describe(session: Session, claim: Claim | None) -> str:
    if claim is None:
        return "(no claim)"
    article = session.get(Article, claim.article_id)
    assert article is not None
    text = article.text[max(0, claim.start - 50) : claim.end + 30].replace("\n", " ")
    return (
        f"[{claim.value} {claim.qualifier} {claim.lower}-{claim.upper} m={claim.measure_key} "
        f"k={claim.group_key} as_of={claim.as_of} g={claim.group_id} "
        f"o={article.outlet_id} a={article.id} pub={article.published_at:%m-%d}] ...{text}..."
    )


def _describe_group(session: Session, group_id: int) -> str:
    found = session.exec(select(Claim).where(Claim.group_id == group_id)).all()
    return "{" + " | ".join(_describe(session, c) for c in found) + "}"


def _within(group: ClaimGroup | None) -> bool:
    """True when a group's own members cannot all be true (not a dispute with another)."""
    return group is not None and Bounds(group.lo, group.hi).empty


def _disputed_pairs(session: Session) -> set[frozenset[int]]:
    """Every pair of groups in dispute, read through factcheck.disputes.rivals."""
    found: set[frozenset[int]] = set()
    for group in session.exec(select(ClaimGroup).where(ClaimGroup.conflict == True)):  # noqa: E712
        found |= {frozenset((group.id or 0, other)) for other in rivals(session, group=group)}
    return found


def table(name: str, s: Score) -> str:
    """The printed score table."""
    return "\n".join(
        [
            f"{'set':<12}{'links':>7}{'found':>7}{'right':>7}{'precision':>11}{'recall':>8}",
            f"{name:<12}{s.gold:>7}{s.predicted:>7}{s.correct:>7}{s.precision:>11.2f}"
            f"{s.recall:>8.2f}",
            f"attributed links: {s.quote_gold}, found {s.quote_predicted}, right "
            f"{s.quote_correct}, precision {s.quote_precision:.2f}, recall {s.quote_recall:.2f}",
            f"quote drift links: {s.drift_gold}, found {s.drift_found}",
            f"not-same pairs: {s.not_same}, joined {s.not_same_joined}",
            f"same-value links: {s.same_value_gold}, right {s.same_value_correct}, "
            f"recall {s.same_value_recall:.2f}",
            f"links an article's other mention of the value makes: {s.by_other_mention} more, "
            f"recall {(s.correct + s.by_other_mention) / s.gold if s.gold else 1.0:.2f}",
            f"labelled members without an extracted claim: {s.unmatched}",
            f"conflict groups: labelled {s.conflicts_labelled}, flagged {s.conflicts_flagged}, "
            f"both {s.conflicts_right} (within groups)",
            f"conflict groups: labelled {s.conflicts_labelled}, flagged {s.disputes_flagged}, "
            f"both {s.disputes_right} (with disputes)",
            f"disputed pairs of groups: {s.disputed_pairs}, false alarms {s.false_alarms}",
        ]
    )


def story_table(s: Stories) -> str:
    """The printed story and derived-from lines (issue #10 §4)."""
    split = ", ".join(f"{name} into {n}" for name, n in sorted(s.split.items())) or "none"
    return "\n".join(
        [
            f"story links: {s.gold}, found {s.predicted}, right {s.correct}, "
            f"precision {s.precision:.2f}, recall {s.recall:.2f}",
            f"stories: labelled {s.labelled}, split {len(s.split)} ({split}), mixed {s.mixed}; "
            f"articles in no story {s.alone} of {s.articles}",
            f"derived from: labelled {s.derived_gold}, found {s.derived_found}, "
            f"right {s.derived_right}",
        ]
    )


if __name__ == "__main__":
    target = Path(sys.argv[1])
    found = score(target)
    print(table(target.stem, found))
    print("missed:", *found.missed[:60], sep="\n  ")
    print("wrong:", *found.wrong[:60], sep="\n  ")
    print("disputes the labels call conflicts:", *found.caught, sep="\n  ")
    print("false alarms:", *found.alarms, sep="\n  ")
    print("labelled conflicts not flagged:", *found.unflagged, sep="\n  ")
    print(story_table(found.stories))
    print("stories split, alone or mixed:", *found.stories.misses, sep="\n  ")
    print("derived from, missed or wrong:", *found.stories.derived_misses, sep="\n  ")
