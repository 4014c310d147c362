"""Run every extractor over a text and assemble the Found claims users see."""

from __future__ import annotations

import re
from bisect import bisect_right

from .asof import as_of, date_phrases
from .attribution import Attribution, find_attributions
from .lexicon.dates import AS_OF_LEADS, DATE_OPENERS, LEADLESS_WORDS
from .model import parsed_attributions, resolve_parser_model
from .numeric import Quantity, find_quantities
from .quotes import find_quotes
from .sentences import (
    Sentence,
    SentenceIndex,
    letter_runs,
    line_start,
    may_hold,
    split_sentences,
)
from .types import Found

_CLAUSE_BREAK = re.compile(r";|\b(?:and|but|while|whereas)\s+(?:the\s+)?[A-Z]|\.\s")
# A date phrase opens with one of these leads ("as of", "by", "since" …): a sentence whose
# letter runs hold none of their first words has none, and date_phrases is not called.
_AS_OF_VOCABULARY = letter_runs(AS_OF_LEADS)
_LEADLESS_VOCABULARY = letter_runs(LEADLESS_WORDS)


def extract_claims(text: str) -> list[Found]:
    """Return the numeric and attributed claims of text, sorted by (start, end)."""
    sentences = split_sentences(text)
    if not sentences:
        return []
    index = SentenceIndex(sentences)
    nlp = resolve_parser_model()
    parsed = parsed_attributions(nlp, text, sentences) if nlp is not None else []
    quantities = find_quantities(text, sentences)
    figures = [(q.start, q.end) for q in quantities]
    quotes = find_quotes(text, sentences)
    attributions = find_attributions(text, sentences, quotes, parsed, figures)
    claims = [_attributed(text, a, sentences, index) for a in attributions]
    sources = _Sources(attributions)
    dates: dict[int, list[tuple[int, int]]] = {}
    for quantity in quantities:
        si = index.at(quantity.start)
        if si not in dates:
            own = sentences[si]
            leads = may_hold(own, _AS_OF_VOCABULARY)
            dated = leads or may_hold(own, _LEADLESS_VOCABULARY)
            dated = dated or text.startswith(DATE_OPENERS, own.start)
            dates[si] = date_phrases(text, own.start, own.end, leads=leads) if dated else []
        phrase = as_of(text, dates[si], quantity.start, quantity.end, sentences[si].start)
        date = text[phrase[0] : phrase[1]] if phrase else None
        header = _list_header(text, quantity.start)
        if header is not None and date is None and (held := date_phrases(text, *header)):
            date = text[held[-1][0] : held[-1][1]]  # "Key figures (as of 30 November)"
        claims.append(_numeric(text, quantity, si, sentences, index, sources, date, header))
    claims.sort(key=lambda c: (c.start, c.end))
    return claims


def _sentence_text(
    text: str, sentences: list[Sentence], index: SentenceIndex, start: int, end: int
) -> str:
    return index.around(text, start, end)


def _figure_sentence(
    text: str, sentences: list[Sentence], index: SentenceIndex, own: int, start: int, end: int
) -> str:
    """What index.around gives for a figure at [start, end), own being index.at(start): a
    figure that ends inside that sentence has it as its whole context (no second look-up)."""
    if end <= sentences[own].end:
        return text[sentences[own].start : sentences[own].end]
    return _sentence_text(text, sentences, index, start, end)


def _attributed(
    text: str, att: Attribution, sentences: list[Sentence], index: SentenceIndex
) -> Found:
    return Found(
        kind="attributed",
        start=att.start,
        end=att.end,
        quote=text[att.start : att.end],
        sentence=_sentence_text(text, sentences, index, att.start, att.end),
        speaker=att.speaker,
        speaker_resolved=att.resolved,
        cue=att.cue,
        direct=att.direct,
        attribution=att.kind,
        confidence=max(0.05, min(1.0, att.confidence)),
    )


class _Sources:
    """The attributions (in (start, end) order) indexed so that each figure looks only at those
    that can hold it (starting at most the longest span before it) and at its own sentence's:
    a figure's source is then found without reading every attribution of the article."""

    def __init__(self, attributions: list[Attribution]) -> None:
        self.attributions = attributions
        self.starts = [a.start for a in attributions]
        self.longest = max((a.end - a.start for a in attributions), default=0)
        self.by_sentence: dict[int, list[Attribution]] = {}
        for att in attributions:
            self.by_sentence.setdefault(att.sentence, []).append(att)

    def holding(self, start: int, end: int) -> list[Attribution]:
        """The attributions whose span holds [start, end), in their order."""
        first = bisect_right(self.starts, end - self.longest - 1)
        last = bisect_right(self.starts, start)
        return [a for a in self.attributions[first:last] if end <= a.end]


def _source_of(text: str, q: Quantity, sentence: int, sources: _Sources) -> Attribution | None:
    """The attribution whose content holds the number, else a cue of the number's own clause.

    A number before a cue whose content follows it sits in the subject ("Mark Delaney, 54,
    admitted …") or in another clause ("the Nikkei lost 2% and Sakura said …"): no source.
    """
    holding = sources.holding(q.start, q.end)
    if holding:
        return min(holding, key=lambda a: a.end - a.start)
    same = [
        a
        for a in sources.by_sentence.get(sentence, [])
        if a.kind != "direct"
        and a.cue_at < q.start
        and not _CLAUSE_BREAK.search(text, a.cue_at, q.start)
    ]
    return same[0] if same else None


# Pattern: (bullet)? LABEL ":" (up to a qualifier) FIGURE on a short line — an item of a list
# or fact box ("Confirmed deaths: 43", "Evacuated: about 12,500"); a transcript turn
# ("NAME: We lost 9 per cent …") is a long line and its figures stand far from the colon.
_LIST_ITEM = re.compile(r"[ \t]*(?:[-•*–][ \t]+)?[A-Za-z][^:\n.!?\d]{0,60}:[ \t]+[^\d\n]{0,12}\d")
_LIST_LINE = 90  # characters: longer lines are prose, not list items
_LIST_REACH = 12  # lines of a list looked through for its header
# A header's source, in brackets before a comma or the bracket's end ("FLOODS AT A GLANCE
# (National Disaster Agency, as of 6 p.m. Thursday)") or after "from" ("The summary so far,
# from the regional emergency service as of midday:").
_HEADER_SOURCE = re.compile(
    r"\(([A-Z][\w'’&.-]*(?:[ \t][A-Za-z][\w'’&.-]*){0,6})(?=,|\))"
    r"|\bfrom[ \t]+((?:the[ \t]+)?[A-Za-z][\w'’&-]*(?:[ \t]+[A-Za-z][\w'’&-]*){0,5}?)"
    r"(?=[ \t]+as[ \t]+of\b|[ \t]*[:,(]|[ \t]*$)"
)


def _list_header(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the header line of the list whose item holds pos, if pos is in one.

    A fact box is a header and lines "LABEL: FIGURE" under it (a blank line may part them).
    Its items hold as at the header's date and come from the header's source, which each
    item leaves unsaid: "Key figures (as of 30 November)" / "Homes damaged: 14,260".
    """
    colon = text.rfind(":", max(0, pos - _LIST_LINE), pos)
    if colon < 0 or text.find("\n", colon, pos) >= 0:
        return None  # no colon before the figure on its line: no list item
    start = line_start(text, pos)
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    if end - start > _LIST_LINE or not _LIST_ITEM.match(text, start):
        return None
    for _ in range(_LIST_REACH):
        if start == 0:
            return None
        end = start - 1
        start = line_start(text, end)
        line = text[start:end].strip()
        if not line and start > 0 and text[start - 1] == "\n":
            end = start - 1  # one blank line between a header and its list
            start = line_start(text, end)
            line = text[start:end].strip()
        if not line:
            return None
        if not (end - start <= _LIST_LINE and _LIST_ITEM.match(text, start)):
            # a header ends with a colon or, as a title, with no full stop
            return (start, end) if line[-1] not in '.!?"”' else None
    return None


def _header_source(
    text: str, header: tuple[int, int], index: SentenceIndex, sources: _Sources
) -> Attribution | None:
    """Who a list header gives as the source of its items: an attribution in the header, a
    name in its brackets, or what it is "from"."""
    said = [
        a
        for a in sources.by_sentence.get(index.at(header[0]), [])
        if a.kind != "direct" and header[0] <= a.cue_at < header[1]
    ]
    if said:
        return said[0]
    found = _HEADER_SOURCE.search(text, *header)
    if found is None:
        return None
    name = found.group(1) or found.group(2)
    at = found.start(1) if found.group(1) else found.start(2)
    return Attribution(header[0], header[1], name, None, at, False, "according_to", 0.6, 0, True)


def _numeric(
    text: str,
    q: Quantity,
    sentence: int,
    sentences: list[Sentence],
    index: SentenceIndex,
    sources: _Sources,
    date: str | None,
    header: tuple[int, int] | None = None,
) -> Found:
    source = _source_of(text, q, sentence, sources)
    if source is None and header is not None:
        source = _header_source(text, header, index, sources)
    return Found(
        kind="numeric",
        start=q.start,
        end=q.end,
        quote=text[q.start : q.end],
        sentence=_figure_sentence(text, sentences, index, sentence, q.start, q.end),
        value=q.value,
        lower=q.lower,
        upper=q.upper,
        qualifier=q.qualifier,
        unit=q.unit,
        measure=q.measure,
        days=q.days,
        speaker=source.speaker if source else None,
        speaker_resolved=source.resolved if source else False,
        cue=source.cue if source else None,
        direct=source.direct if source else None,
        attribution=source.kind if source else None,
        confidence=q.confidence,
        as_of=date,
    )
