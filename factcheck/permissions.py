"""Who may do what. Checked in the services, so the CLI and the UI obey the same rules."""

from __future__ import annotations

from enum import StrEnum

from factcheck.errors import NotAllowed
from factcheck.models import Role, User


class Action(StrEnum):
    """Everything a user can ask factcheck to do that needs a role."""

    INGEST = "add articles"
    REVIEW = "review claims (status, notes, evidence, edits)"
    ASSIGN = "assign claims"
    EDIT_SPEAKERS = "merge and split speakers"
    EDIT_OUTLETS = "say which outlets are agencies or official sources"
    EDIT_STORIES = "move articles between stories"
    OVERRIDE_VERDICT = "change a final verdict"
    EXPORT = "export reports"
    PUBLISH = "export ClaimReview markup"
    PRIORITISE = "set claims' priority"
    SIGN_OFF = "sign off or send back a proposed verdict"
    PUBLISH_VERDICT = "publish a verdict"
    CORRECT = "correct a published claim"
    MANAGE_USERS = "manage users"
    MANAGE_HOOKS = "manage webhooks"
    DESK_SETTINGS = "change the desk's rules"
    REPAIR_COUNTS = "rebuild the dashboard's counts"
    GROUP_STORED = "group the claims stored without grouping"


_REVIEWER = frozenset({Action.INGEST, Action.REVIEW, Action.PRIORITISE})
_EDITOR = _REVIEWER | {
    Action.ASSIGN,
    Action.EDIT_SPEAKERS,
    Action.EDIT_OUTLETS,
    Action.EDIT_STORIES,
    Action.OVERRIDE_VERDICT,
    Action.EXPORT,
    Action.PUBLISH,
    Action.SIGN_OFF,
    Action.PUBLISH_VERDICT,
    Action.CORRECT,
}
ALLOWED: dict[Role, frozenset[Action]] = {
    Role.REVIEWER: _REVIEWER,
    Role.EDITOR: _EDITOR,
    Role.ADMIN: _EDITOR
    | {
        Action.MANAGE_USERS,
        Action.MANAGE_HOOKS,
        Action.DESK_SETTINGS,
        Action.REPAIR_COUNTS,
        Action.GROUP_STORED,
    },
}


def can(user: User, action: Action) -> bool:
    """True when ``user`` is active and their role allows ``action``."""
    return user.active and action in ALLOWED[user.role]


def require(user: User, action: Action) -> None:
    """Raise NotAllowed unless ``user`` may do ``action``."""
    if not user.active:
        raise NotAllowed(f"The account {user.email} is disabled; ask an admin to re-enable it.")
    if action not in ALLOWED[user.role]:
        needed = min((r for r, acts in ALLOWED.items() if action in acts), key=list(Role).index)
        who = "an admin" if needed is Role.ADMIN else f"{_a(needed)} or above"
        ask = "an admin" if needed is Role.ADMIN else "an editor or admin"
        raise NotAllowed(
            f"{user.email} is {_a(user.role)}; only {who} may {action.value}. Ask {ask}."
        )


def _a(role: Role) -> str:
    """The role with its article: 'a reviewer', 'an editor'."""
    return f"{'an' if role.value[0] in 'aeiou' else 'a'} {role.value}"
