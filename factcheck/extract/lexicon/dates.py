"""Names of months and weekdays, and the leads that make a date phrase an "as of" date."""

from __future__ import annotations

from . import word_set

MONTHS = word_set(
    "January February March April May June July August September October November December"
)
MONTH_ABBREVIATIONS = word_set("Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec")
WEEKDAYS = word_set("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
PARTS_OF_DAY = word_set("morning afternoon evening night")
# Days named relative to the text, which may close a fact box's label without being what it
# counts: "Hostages released today: 14" counts hostages released (numeric._labelled).
RELATIVE_DAYS = word_set("today yesterday tonight overnight")
# Periods named after "this" or "last" that may close a label the same way: "Still in hospital
# this morning: 6", "Doses delivered this year: 420,000".
NAMED_PERIODS = PARTS_OF_DAY | word_set("week month year")
# Words before a date that give the date a figure holds at: "as of Wednesday", "since October 7".
AS_OF_LEADS = (
    "as of", "as at", "by the end of", "by the start of", "at the end of", "by", "since",
    "through", "until", "up to", "so far in", "so far this", "before the end of",
)  # fmt: skip
# Words in -est that are no superlative: "since" after them is a date ("interest since May").
NOT_SUPERLATIVES = word_set(
    "interest forest protest request suggest arrest honest modest harvest contest digest invest "
    "manifest west test rest nest guest chest quest crest pest vest zest"
)
# A word each date phrase without a lead holds ("so far", "the year to October", "last night"):
# a sentence holding none of them has none. A date opening a sentence ("On Friday,", "In 2019,") is
# looked for at the sentence's start only, after one of DATE_OPENERS.
# "last night", "yesterday": days named relative to the article (asof._RELATIVE).
LEADLESS_WORDS = ("far", "year", "night", "yesterday")
DATE_OPENERS = ("On ", "In ")
