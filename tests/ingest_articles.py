"""Invented news articles for ingest tests and the ingest benchmark (seeded, reproducible).

Each article has a headline, a few paragraphs mixing figures, quotes, reported speech and
"according to" attributions, and, now and then, the page furniture a copy-paste brings along
(share buttons, logo rows, a repeated standfirst, an outlet blurb at the end).
"""

from __future__ import annotations

import random
from pathlib import Path

PLACES = ["Marlow", "Kestrel Bay", "Upper Fenwick", "Dunmore", "Halvard", "Port Ellis", "Ashby"]
PEOPLE = [
    ("Mayor", "Irene Castellanos"),
    ("Health Minister", "Obi Nwachukwu"),
    ("Fire Chief", "Dana Whitlock"),
    ("Professor", "Miriam Adeyemi"),
    ("Councillor", "Pavel Jirasek"),
    ("Police Commissioner", "Ruth Okonkwo-Hale"),
]
BODIES = [
    "the regional health authority",
    "the national statistics office",
    "the transport ministry",
    "the coast guard",
    "the teachers' union",
    "the central bank",
]
TOPICS = [
    ("floods", "residents were evacuated", "homes were damaged"),
    ("a rail strike", "commuters were stranded", "trains were cancelled"),
    ("a heatwave", "people were treated in hospital", "schools closed early"),
    ("a budget dispute", "jobs are at risk", "clinics may close"),
    ("a wildfire", "hectares burned", "firefighters were deployed"),
]
HEADLINES = [
    "{place} counts the cost of {topic}",
    "{name} defends response to {topic} in {place}",
    "Officials in {place} warn the crisis is far from over",
]
SENTENCES = [
    "At least {n1:,} {what1} after {topic} hit {place} on {day}, {body} said.",
    "More than {n2:,} {what2}, according to {body}.",
    '{title} {name} said that the response had been "{adj} but not yet enough".',
    '"We have never seen anything on this scale," {surname} told reporters in {place}.',
    "The repairs will cost about ${m}.{d} million and take {k} months, officials estimated.",
    "Between {lo} and {hi} volunteers joined the effort, according to {surname}.",
    "{surname} declared that the town would need at least {p} percent more funding next year.",
    "Roughly {f} of the {g} shelters in {place} were full by the evening of {day}.",
    "A spokesperson for {body} said the figures would be revised as more reports came in.",
    "Residents described long queues at the {k2} distribution points set up since {day}.",
]
FURNITURE = ["Share on:", "Facebook Logo X Logo WhatsApp Logo", "Advertisement"]
BLURB = (
    "{outlet} ({slug}.com) is your trusted source of local news, delivering breaking news "
    "and in-depth coverage every day. Stay informed with {outlet}."
)
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ADJECTIVES = ["swift", "determined", "costly", "uneven", "remarkable"]


def article(rng: random.Random, serial: int) -> str:
    """One invented article; ``serial`` makes its text unique."""
    place = rng.choice(PLACES)
    title, name = rng.choice(PEOPLE)
    topic, what1, what2 = rng.choice(TOPICS)
    fill = {
        "place": place,
        "title": title,
        "name": name,
        "surname": name.split()[-1],
        "topic": topic,
        "what1": what1,
        "what2": what2,
        "body": rng.choice(BODIES),
        "day": rng.choice(DAYS),
        "adj": rng.choice(ADJECTIVES),
        "n1": rng.randint(20, 90_000),
        "n2": rng.randint(100, 5_000),
        "m": rng.randint(1, 900),
        "d": rng.randint(1, 9),
        "k": rng.randint(2, 18),
        "k2": rng.randint(3, 40),
        "lo": (lo := rng.randint(50, 400)),
        "hi": lo + rng.randint(10, 200),
        "p": rng.randint(2, 60),
        "f": rng.randint(5, 30),
        "g": rng.randint(31, 80),
    }
    headline = rng.choice(HEADLINES).format(**fill)
    headline = headline[0].upper() + headline[1:] + f" (report {serial})"
    picked = [s.format(**fill) for s in rng.sample(SENTENCES, rng.randint(6, len(SENTENCES)))]
    paragraphs = []
    while picked:
        size = rng.randint(2, 3)
        paragraphs.append(" ".join(picked[:size]))
        picked = picked[size:]
    blocks = [headline]
    if rng.random() < 0.3:
        standfirst = f"{place} takes stock while the effort continues."
        blocks += [standfirst, standfirst, *FURNITURE[:2]]
    blocks += paragraphs
    if rng.random() < 0.3:
        outlet = f"{place} Courier"
        slug = outlet.lower().replace(" ", "")
        blocks += [f"{outlet} Logo", BLURB.format(outlet=outlet, slug=slug)]
    return "\n\n".join(blocks) + "\n"


def write_articles(folder: Path, count: int, *, seed: int = 7) -> list[Path]:
    """Write ``count`` articles as .txt files (a few as .md) under ``folder``, in subfolders."""
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        sub = folder / f"batch{i // 1000:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"article{i:05d}.{'md' if i % 10 == 9 else 'txt'}"
        path.write_text(article(rng, i), encoding="utf-8")
        paths.append(path)
    return paths
