"""How statuses and stances are named and coloured, the same in the app, charts and reports."""

from __future__ import annotations

from factcheck.models import Stance, Status

STATUS_LABELS: dict[Status, str] = {
    Status.UNREVIEWED: "Unreviewed",
    Status.IN_REVIEW: "In review",
    Status.VERIFIED: "Verified",
    Status.FALSE: "False",
    Status.MISLEADING: "Misleading",
    Status.UNVERIFIABLE: "Unverifiable",
    Status.NOT_A_CLAIM: "Not a claim",
}

# Colour-blind-safe choices; unreviewed is a neutral grey so open work does not shout.
STATUS_COLOURS: dict[Status, str] = {
    Status.UNREVIEWED: "#b8b8b8",
    Status.IN_REVIEW: "#5b9bd5",
    Status.VERIFIED: "#2e9d5b",
    Status.FALSE: "#d1495b",
    Status.MISLEADING: "#e88d2a",
    Status.UNVERIFIABLE: "#8e6bb8",
    Status.NOT_A_CLAIM: "#e6e6e6",
}

STANCE_LABELS: dict[Stance, str] = {
    Stance.SUPPORTS: "Supports",
    Stance.REFUTES: "Refutes",
    Stance.CONTEXT: "Context",
}
