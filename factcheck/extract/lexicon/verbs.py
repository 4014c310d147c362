"""Irregular verb forms and their base form: quotes compared across outlets meet in one form
whatever their tense ("we found", "they had found", "we find" → "find"), and a measure key
tells a verb from a noun by them (lexicon/measures.IRREGULAR_PAST). The one table of them."""

from __future__ import annotations

# Each entry: the base form, then its irregular forms; "|" separates verbs. Verbs whose
# forms are all alike need none (UNCHANGED_PAST below).
_IRREGULAR = """
say said | find found | lose lost | leave left | take took taken | tell told | know knew known |
rise rose risen | go went gone goes | make made | pay paid | keep kept | begin began begun |
bring brought | buy bought | hold held | meet met | run ran | see saw seen | think thought |
win won | write wrote written | speak spoke spoken | fall fell fallen | feel felt |
give gave given | get got gotten | build built | rebuild rebuilt | send sent | spend spent |
stand stood | break broke broken | choose chose chosen | drive drove driven | grow grew grown |
strike struck | understand understood | burn burnt | fight fought | catch caught |
teach taught | seek sought | lead led | mean meant | hear heard | sell sold | become became |
come came | eat ate eaten | fly flew flown | forget forgot forgotten | hide hid hidden |
shake shook shaken | steal stole stolen | throw threw thrown | wear wore worn |
sink sank sunk | drink drank drunk | shoot shot | sleep slept | sweep swept | bleed bled |
feed fed | flee fled | freeze froze frozen | wake woke woken | withdraw withdrew withdrawn |
forbid forbade forbidden | swear swore sworn | tear tore torn | dig dug | hang hung | sit sat |
lend lent | bend bent | deal dealt | light lit | slide slid | overtake overtook overtaken |
undertake undertook undertaken | draw drew drawn | lie lay lain | stick stuck
"""
# An irregular form → its base form ("found" → "find").
IRREGULAR_BASES: dict[str, str] = {
    form: entry.split()[0] for entry in _IRREGULAR.split("|") for form in entry.split()[1:]
}
# Verbs whose past is their base form: no entry above, but a past form all the same.
UNCHANGED_PAST = frozenset({"cut", "put", "shut", "hit", "set", "let", "cost", "hurt", "forecast"})
# Every past or participle form that does not end in -ed ("said", "found", "put").
IRREGULAR_PAST = frozenset(IRREGULAR_BASES) | UNCHANGED_PAST
