"""Count the labelled speakers a story set leaves split in two or more entities, and the
entities that hold two labelled speakers (issue #10 §1).

Each set labels its speakers with their mentions ("the National Roads Agency", "the NRA",
"the roads agency"). After ingesting the set as groups_score does, every claim whose speaker
name, as written, has the speaker key of one of a labelled speaker's mentions in that article
is that labelled speaker's. A labelled speaker whose claims sit under two or more entities is
*apart* (named two ways and not joined); an entity holding claims of two labelled speakers is
*mixed* (joined wrongly). Run ``python tests/speakers_score.py tests/data/stories_dev.json``.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from factcheck.db import dispose_engine, get_engine
from factcheck.migrate import upgrade
from factcheck.models import Claim, Role, Speaker
from factcheck.speakers import speaker_key
from tests.groups_score import ingest


def entities(path: Path) -> tuple[dict[str, dict[int, set[str]]], dict[int, set[str]]]:
    """For each labelled speaker, the entities holding its claims and the names they were
    written with; for each entity, the labelled speakers whose claims it holds."""
    data = json.loads(path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/speakers.db"
        upgrade(url)
        try:
            return _entities(url, data)
        finally:
            dispose_engine(url)


def _entities(
    url: str, data: dict[str, Any]
) -> tuple[dict[str, dict[int, set[str]]], dict[int, set[str]]]:
    from tests.factories import make_user

    with Session(get_engine(url), expire_on_commit=False) as session:
        stored = ingest(session, data, by=make_user(session, role=Role.EDITOR))
        # (article, mention key) → labelled speaker
        label: dict[tuple[int, str], str] = {}
        for speaker in data["speakers"]:
            for mention in speaker["mentions"]:
                label[(stored[mention["article"]], speaker_key(mention["text"]))] = speaker["id"]
        held: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
        holds: dict[int, set[str]] = defaultdict(set)
        claims = session.exec(
            select(Claim.article_id, Claim.speaker_name, Speaker.id, Speaker.name)
            .join(Speaker, col(Speaker.id) == Claim.speaker_id)
            .where(col(Claim.speaker_name).is_not(None))
        ).all()
        for article_id, written, speaker_id, _ in claims:
            who = label.get((article_id, speaker_key(written or "")))
            if who is not None and speaker_id is not None:
                held[who][speaker_id].add(written or "")
                holds[speaker_id].add(who)
        return held, holds


def main() -> None:
    """Print, for one set, the labelled speakers left apart and the entities mixed."""
    path = Path(sys.argv[1])
    kinds = {s["id"]: s["kind"] for s in json.loads(path.read_text(encoding="utf-8"))["speakers"]}
    held, holds = entities(path)
    for kind in ("organisation", "person"):
        mine = {who: ids for who, ids in held.items() if kinds[who] == kind}
        apart = {who: ids for who, ids in mine.items() if len(ids) > 1}
        mixed = {i for i, whos in holds.items() if len(whos) > 1 and kinds[min(whos)] == kind}
        print(
            f"{path.stem} {kind}: labelled with claims {len(mine)}, apart {len(apart)} "
            f"(extra entities {sum(len(i) - 1 for i in apart.values())}), mixed {len(mixed)}"
        )
        for who, ids in sorted(apart.items()):
            print(f"  apart {who}:", " | ".join(f"{i}: {sorted(n)}" for i, n in ids.items()))
        for i in sorted(mixed):
            print(f"  mixed entity {i}: {sorted(holds[i])}")


if __name__ == "__main__":
    main()
