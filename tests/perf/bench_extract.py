"""Benchmark: articles per second of extract_claims against quantulum3's parser and spaCy's
blank English tokenizer + sentencizer (the floor any tokenising extractor pays), same articles.

Usage: python tests/perf/bench_extract.py [--articles 200] [--seed 7] [--mix news|dense|both]
Needs the bench extra (pip install -e ".[bench]": quantulum3 and spaCy; never scikit-learn,
which changes quantulum3's behaviour); a baseline that is not installed is left out.
Two mixes of invented articles of about 4.5 KB: "news" puts background prose between the
claim sentences, as published news does (about as many claims per KB as the hand-labelled
article sets in tests/data); "dense" has a claim in every sentence (the extractor's worst
ordinary case). Prints, per mix, a table of rates (CPU time of this process), ratios and peak
memory, with the load average beside it; it never fails on time. Goal: 300 articles/s of about
4.5 KB of news on one core.
It times the factcheck.extract that Python imports and says whether it is compiled (mypyc:
`pip install .`) or pure Python (`pip install -e .`, or a checkout on PYTHONPATH). When it is
compiled, a pure Python copy of the same sources is timed beside it, so the ratio of the two
is measured in one process.
"""

from __future__ import annotations

import argparse
import importlib
import math
import os
import random
import shutil
import sys
import tempfile
import time
import tracemalloc
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

import factcheck.extract
from factcheck.extract import build_name, extract_claims

FIRST = [
    "Maria",
    "Daniel",
    "Priya",
    "Tom",
    "Elena",
    "Ahmed",
    "Sofia",
    "Kwame",
    "Li",
    "Jonas",
    "Amara",
    "Rafael",
    "Yuki",
    "Nadia",
]
LAST = [
    "Delgado",
    "Mbeki",
    "Raman",
    "Whitaker",
    "Varga",
    "Haddad",
    "Novak",
    "Mensah",
    "Chen",
    "Berg",
    "Okafor",
    "Silva",
    "Sato",
]
TITLES = [
    "Prime Minister",
    "Finance Minister",
    "Senator",
    "Mayor",
    "chief executive",
    "spokeswoman",
    "Health Secretary",
    "Governor",
]
ORGS = [
    "the health ministry",
    "the World Bank",
    "the national statistics office",
    "the city council",
    "Northwind Corp.",
    "the United Nations",
    "the central bank",
    "local officials",
]
PLACES = [
    "Eastvale",
    "Northshire",
    "Port",
    "Kessel",
    "Marana",
    "the",
    "capital",
    "the",
    "border",
    "region",
]
UNITS = ["kilometres", "tonnes", "litres", "hectares", "megawatts", "miles"]
TEMPLATES = [
    "{Person} said the {thing} would cost {money} over {dur}.",
    '"We are doing everything we can," {person_short} told reporters in {place}.',
    "According to {org}, at least {count} people were displaced by the floods.",
    "Unemployment rose to {pct} in {month}, up from {pct2} a year earlier, {org} said.",
    "The {thing} covers {count} {unit} and employs about {count2} workers.",
    '{Title} {Person} called the proposal "{phrase}" and urged lawmakers to reject it.',
    "Between {small} and {small2} percent of voters remain undecided, a poll found.",
    "Prices climbed {pct} over the past {dur}, the fastest pace since {year}.",
    "The company reported revenue of {money}, beating forecasts by {pct}.",
    "{person_short} added that the {thing} would be finished within {dur}.",
    "Officials estimate that nearly {count} homes lost power on {weekday}.",
    "The {dur_adj} programme will reach {count} families, {org} said in a statement.",
    "Police said {small} people were arrested and {small2} officers were injured.",
    "Turnout was {pct}, with {count} ballots cast across {small} districts.",
    '"There is no money left," {person_short} said, adding that cuts of {money} were needed.',
    "The bridge, which is {small} {unit} long, opened on {month} {day}.",
    "Critics have described the plan as a recipe for higher bills.",
    "He said the deal was worth roughly {money} and would create {count} jobs.",
    "Temperatures reached {small} degrees Celsius in {place} on {weekday}.",
    "Sources familiar with the talks said that a {small}-point plan was under discussion.",
    "The {thing} was delayed by {dur} after {org} raised concerns.",
    "About one in {small} residents now works from home, the survey found.",
    "In {year}, the region exported {count} tonnes of grain worth {money}.",
    "The committee met for the {ordinal} time this year without reaching a decision.",
]
# Background sentences with no figure and no reporting verb: most of a published article.
PROSE = [
    "The {thing} has divided opinion in {place} since it was first put forward.",
    "Residents gathered outside the town hall on {weekday} evening as the debate went on.",
    "The decision follows months of talks between the government and the unions.",
    "Work on the {thing} had already been paused once because of a dispute over land.",
    "Opposition parties are expected to raise the matter again when parliament returns.",
    "Many families in {place} still rely on the old road to reach the nearest hospital.",
    "The plan has its roots in a review ordered by the previous government.",
    "Farmers in the area have watched the talks closely, fearing higher costs for feed.",
    "Business groups welcomed the move, while environmental campaigners were more cautious.",
    "The {thing} is part of a wider effort to modernise transport across the region.",
    "Similar schemes elsewhere have run into legal challenges and rising material costs.",
    "It is not yet clear how the changes will be paid for or who will oversee them.",
    "The announcement came at the end of a long week of protests in the capital.",
    "Shops along the main street closed early as crowds moved towards the square.",
    "Engineers have spent the spring surveying the route and testing the ground.",
    "The ministry has promised a public consultation before any final decision is made.",
    "Local newspapers have followed the story closely since the first leaks appeared.",
    "The storm brought down trees and cut roads in several villages overnight.",
    "Negotiators met again behind closed doors, and neither side spoke to the press afterwards.",
    "The bill now goes to the upper house, where its passage is far from certain.",
]
THINGS = [
    "project",
    "budget",
    "bridge",
    "railway",
    "scheme",
    "reform",
    "plan",
    "programme",
    "pipeline",
    "hospital",
]
PHRASES = ["reckless", "a historic step", "deeply flawed", "long overdue", "a betrayal"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
ORDINALS = ["second", "third", "fourth", "fifth", "sixth"]
DURATIONS = ["six months", "two years", "18 months", "three weeks", "a decade", "90 days"]


def _money(rng: random.Random) -> str:
    symbol = rng.choice(["$", "£", "€"])
    if rng.random() < 0.5:
        scale = rng.choice(["million", "billion"])
        return f"{symbol}{rng.randint(1, 900)}.{rng.randint(1, 9)} {scale}"
    return f"{symbol}{rng.randint(1, 999):,}{rng.choice(['m', 'bn', ',000'])}"


def _fill(template: str, rng: random.Random) -> str:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    small = rng.randint(2, 40)
    return template.format(
        Person=f"{first} {last}",
        person_short=last,
        Title=rng.choice(TITLES),
        thing=rng.choice(THINGS),
        money=_money(rng),
        dur=rng.choice(DURATIONS),
        dur_adj=rng.choice(["four-year", "six-month", "two-week", "10-day"]),
        place=rng.choice(PLACES),
        org=rng.choice(ORGS),
        count=f"{rng.randint(100, 90000):,}",
        count2=f"{rng.randint(50, 5000):,}",
        pct=f"{rng.randint(1, 30)}.{rng.randint(0, 9)}%",
        pct2=f"{rng.randint(1, 30)} percent",
        month=rng.choice(MONTHS),
        day=rng.randint(1, 28),
        year=rng.randint(1990, 2023),
        weekday=rng.choice(WEEKDAYS),
        unit=rng.choice(UNITS),
        small=small,
        small2=small + rng.randint(1, 9),
        phrase=rng.choice(PHRASES),
        ordinal=rng.choice(ORDINALS),
    )


# Share of sentences drawn from PROSE in each mix.
MIXES = {"news": 0.6, "dense": 0.0}


def make_articles(count: int, seed: int, *, mix: str = "dense") -> list[str]:
    """Compose count news-like articles of about 4.5 KB: a headline, then paragraphs of 2-4
    sentences until the article reaches its drawn length (3.5-5.5 KB); mix names the share of
    background prose (MIXES)."""
    rng = random.Random(seed)
    prose = MIXES[mix]
    articles = []
    for _ in range(count):
        headline = f"{rng.choice(THINGS).title()} Plan Faces New Delays In {rng.choice(PLACES)}"
        paragraphs = [headline]
        length, target = len(headline), rng.randint(3500, 5500)
        while length < target:
            paragraph = " ".join(
                _fill(rng.choice(PROSE if rng.random() < prose else TEMPLATES), rng)
                for _ in range(rng.randint(2, 4))
            )
            paragraphs.append(paragraph)
            length += len(paragraph) + 2
        articles.append("\n\n".join(paragraphs) + "\n")
    return articles


def extractor_copy(folder: Path, name: str) -> Path:
    """Copy the Python sources of the factcheck.extract that is imported (a checkout's or an
    installed one's) to folder/name: a package importable as name once folder is on sys.path."""
    source = Path(factcheck.extract.__file__).parent
    skip = shutil.ignore_patterns("__pycache__", "*.so", "*.pyd", "*.pyc")
    return Path(shutil.copytree(source, folder / name, ignore=skip))


def _pure_copy(folder: Path) -> Callable[[str], object]:
    """extract_claims of a pure Python copy of the installed extractor, imported beside it."""
    extractor_copy(folder, "pure_extract")
    sys.path.insert(0, str(folder))
    try:
        engine = importlib.import_module("pure_extract.engine")
    finally:
        sys.path.remove(str(folder))
    run: Callable[[str], object] = engine.extract_claims
    return run


def _seconds(run: Callable[[str], object], articles: Sequence[str]) -> float:
    started = time.process_time()
    for article in articles:
        run(article)
    return time.process_time() - started


def _rates(
    runs: dict[str, Callable[[str], object]], articles: Sequence[str], rounds: int
) -> dict[str, float]:
    """Articles/s of each run. factcheck's builds: best of rounds, their order alternating so
    that other load falls on each alike; the (slow) baselines: one round."""
    ours = [name for name in runs if name.startswith("factcheck")]
    for run in runs.values():
        run(articles[0])  # warm-up: lazy imports, compiled patterns
    best = {name: _seconds(run, articles) for name, run in runs.items() if name not in ours}
    for turn in range(rounds):
        for name in ours if turn % 2 == 0 else ours[::-1]:
            best[name] = min(best.get(name, math.inf), _seconds(runs[name], articles))
    return {name: len(articles) / best[name] for name in runs}


def _peak_kib(run: Callable[[str], object], articles: Sequence[str]) -> float:
    tracemalloc.start()
    for article in articles[:20]:
        run(article)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1024


def _baselines() -> dict[str, Callable[[str], object]]:
    """The installed baselines: quantulum3's parser, spaCy's blank English tokenizer+sentencizer."""
    runs: dict[str, Callable[[str], object]] = {}
    try:
        from quantulum3 import parser as quantulum

        runs["quantulum3 parser.parse"] = quantulum.parse
    except ImportError:
        print("quantulum3 is not installed: pip install quantulum3")
    try:
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        runs["spaCy blank en + sentencizer"] = nlp
    except ImportError:
        print("spaCy is not installed: pip install factcheck[parser]")
    return runs


def _table(
    mix: str, articles: Sequence[str], runs: dict[str, Callable[[str], object]], rounds: int
) -> None:
    """Time every run on the articles and print one table with the goal and the load."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # quantulum3 warns that its classifier is absent
        rates = _rates(runs, articles, rounds)
        peaks = {name: _peak_kib(run, articles) for name, run in runs.items()}
    size = sum(len(a) for a in articles) / len(articles)
    claims = sum(len(extract_claims(a)) for a in articles)
    per_kb = claims / (size * len(articles) / 1000)
    ours = rates["factcheck.extract"]
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"\n{mix} mix: {len(articles)} articles, {size / 1000:.1f} KB each on average, "
          f"{claims} claims ({per_kb:.1f} per KB); load average {load}")  # fmt: skip
    print(f"{'extractor':<32}{'articles/s':>12}{'ms/article':>12}{'peak KiB':>10}{'ours / it':>11}")
    for name, rate in rates.items():
        print(
            f"{name:<32}{rate:>12.1f}{1000 / rate:>12.2f}{peaks[name]:>10.0f}{ours / rate:>10.2f}x"
        )
    print(f"{'goal (one core)':<32}{300:>12.1f}{1000 / 300:>12.2f}{'':>10}{ours / 300:>10.2f}x")


def main(argv: Sequence[str] | None = None) -> None:
    """Print the benchmark tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--mix", choices=[*MIXES, "both"], default="both")
    parser.add_argument("--rounds", type=int, default=5, help="factcheck's rate: best of these")
    args = parser.parse_args(argv)
    runs: dict[str, Callable[[str], object]] = {"factcheck.extract": extract_claims}
    print(f"extractor: {build_name()} ({Path(factcheck.extract.__file__).parent})")
    with tempfile.TemporaryDirectory() as folder:
        if factcheck.extract.is_compiled():
            runs["factcheck.extract (pure copy)"] = _pure_copy(Path(folder))
        else:
            print("(`pip install .` compiles it; this then times both, side by side)")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # quantulum3 warns on import: no classifier
            runs |= _baselines()
        for mix in MIXES if args.mix == "both" else [args.mix]:
            _table(mix, make_articles(args.articles, args.seed, mix=mix), runs, args.rounds)
    print("rates are CPU time of this process; re-run when the load average is above the cores")


if __name__ == "__main__":
    main()
