"""Invented multi-outlet coverage for the stories tests: two stories whose figures look alike.

Story A: a truce between the invented republics of Veloria and Kastan. Story B: a road
closure in the invented town of Brenholt that also lasts four and a half months. Written for
these tests; any likeness to real events is accidental.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True, slots=True)
class Piece:
    """One invented article."""

    outlet: str
    published: datetime
    title: str
    text: str


def _at(day: int, hour: int = 9) -> datetime:
    return datetime(2025, 6, day, hour, tzinfo=UTC)


TRUCE = (
    Piece(
        "Meridian Wire",
        _at(2),
        "Veloria and Kastan agree 4-1/2-month cease-fire",
        "Veloria and Kastan agreed a 4-1/2-month cease-fire on Monday after weeks of talks in "
        "Ostrava Bay. The Kastan health ministry said 253 people were killed in the fighting "
        "along the Dren river.\n\n"
        '"The guns will fall silent at dawn and stay silent," Veloria\'s Prime Minister Tomas '
        "Verhal told reporters in Ostrava Bay.\n\n"
        "At least 41 people died in the shelling of Lisk on Sunday, the Kastan health "
        "ministry said.",
    ),
    Piece(
        "Lisk Evening Courier",
        _at(2, 15),
        "Truce brings hope to Lisk after deadly weekend",
        "Residents of Lisk greeted news of a four-and-a-half-month truce between Veloria and "
        "Kastan with caution. Some 240 people were killed along the Dren river, according to "
        "Kastan's health ministry.\n\n"
        "Verhal said the guns would fall silent at dawn. In Lisk, 41 died in Sunday's "
        "shelling.",
    ),
    Piece(
        "Radio Ostrava",
        _at(3, 7),
        "Morning bulletin: cease-fire holds in Veloria and Kastan",
        "Good morning. The 135-day ceasefire between Veloria and Kastan is holding along the "
        "Dren river, officials in Ostrava Bay say.\n\n"
        '"The guns will fall silent at dawn and stay silent," Prime Minister Verhal said '
        "yesterday in Ostrava Bay. Mr. Verhal also promised aid convoys for Lisk.",
    ),
    Piece(
        "Velorian Times",
        _at(3, 12),
        "Verhal hails Ostrava Bay deal with Kastan",
        "Tomas Verhal said the agreement with Kastan would hold for four and a half months "
        "and that aid convoys would reach Lisk this week. The 4-1/2-month cease-fire was "
        "signed in Ostrava Bay.",
    ),
)

CLOSURE = (
    Piece(
        "Brenholt Herald",
        _at(4),
        "Brenholt bypass to close for 4-1/2 months",
        "The Brenholt bypass will close for 4-1/2 months from July while engineers rebuild "
        "the Marsh viaduct, the county roads office said.\n\n"
        "About 41 workers will be on site at any time, the Brenholt roads office said.",
    ),
    Piece(
        "Fenland Gazette",
        _at(5),
        "Drivers face long detours as Brenholt viaduct shuts",
        "Drivers face detours of up to 12 miles during the 4-1/2-month closure of the Brenholt "
        "bypass, the county roads office said. The Marsh viaduct dates from 1968.",
    ),
)
