"""Invented articles for the tests of stories by names, speakers and words (factcheck.storylink).

Two stories in one invented town, Orsenby, with the same mayor, Helka Dunmore, quoted in both:
a fire at a tannery (Monday 5 October 2026) and a burst water main (Thursday 8 October). Each
story is told by an agency and a local paper that share figures and a quote (so claim groups
make the story), then pieces that share no figure and no quote in the same words: newsletters,
explainers, a fair. Any likeness to real places, people or events is accidental.
"""

from __future__ import annotations

from datetime import UTC, datetime

FIRE_WIRE = (
    "ORSENBY, Oct 5 (NPA) - A fire swept through the Caldera tannery on Marsh Road in Orsenby "
    "on Monday, injuring 14 workers and sending black smoke over the eastern suburbs, the fire "
    "brigade said.\n\n"
    "Fire chief Rosa Venn said the blaze began in a drying shed shortly after dawn and took 90 "
    'firefighters five hours to bring under control. "The chemical store never caught, and that '
    'saved the whole street," Venn said.\n\n'
    "Mayor Helka Dunmore said the council would pay for hotel rooms for the 35 families moved "
    "out of Tanner's Row while the air was tested. The owner, Piet Caldera, said the plant would "
    "stay shut for at least a month."
)

FIRE_PAPER = (
    "Fourteen workers were hurt when fire tore through the Caldera tannery on Marsh Road "
    "yesterday, and 35 families from Tanner's Row spent the night in hotels.\n\n"
    'It took 90 firefighters five hours to put out the blaze. "The chemical store never caught, '
    'and that saved the whole street," fire chief Rosa Venn told the Courier.\n\n'
    "Piet Caldera, whose grandfather opened the tannery, stood behind the tape all morning. "
    "Mayor Helka Dunmore promised the council would cover the families' hotel bills."
)

WATER_WIRE = (
    "ORSENBY, Oct 8 (NPA) - A burst water main flooded the Lindgate underpass in Orsenby on "
    "Thursday and left 6,000 homes without running water, the water board said.\n\n"
    "Engineers said a cast-iron pipe laid under Quarry Street in 1931 had split along its "
    'length. "We will have water back in every tap by Saturday night," Mayor Helka Dunmore '
    "said.\n\n"
    "Anselm Ruud, director of the Orsenby Water Board, said tankers would stand at six schools "
    "until the main was repaired, and asked residents to boil what they drew."
)

WATER_PAPER = (
    "Some 6,000 homes in Orsenby had dry taps on Thursday after a main burst beneath Quarry "
    "Street and turned the Lindgate underpass into a lake.\n\n"
    '"We will have water back in every tap by Saturday night," Mayor Helka Dunmore said at the '
    "scene, as pumps drained the underpass.\n\n"
    "Water board director Anselm Ruud said the 1931 pipe was on the list for replacement next "
    "year. Tankers will stand at six schools."
)

# The tannery fire again, in a residents' newsletter: no figure, no quote in the same words.
FIRE_NEWSLETTER = (
    "Marsh Road Residents' Association - autumn letter\n\n"
    "Our thanks go to Rosa Venn and her crews, who kept the Caldera tannery fire away from the "
    "chemical store and from our houses. Piet Caldera has written to every household on Tanner's "
    "Row to apologise for the smoke and the smell.\n\n"
    "Mayor Helka Dunmore came to our meeting in the chapel on Wednesday and stayed until the "
    "last question. Several neighbours who slept at relatives' houses while the air was checked "
    "can claim their costs from the tannery.\n\n"
    "The drying shed where the blaze started will be pulled down. Please keep windows closed "
    "while the demolition crews are working on Marsh Road."
)

# The tannery fire once more, an explainer with no figure and no claim at all.
FIRE_EXPLAINER = (
    "Why do tanneries burn?\n\n"
    "The blaze at the Caldera tannery on Marsh Road began, like many tannery fires, in a drying "
    "shed, where hides hang in warm air beside wooden racks.\n\n"
    "Tanner's Row grew up around the tannery when the Caldera family opened it. Fire crews under "
    "Rosa Venn kept the flames away from the chemical store, which holds the dyes and solvents "
    "the works use.\n\n"
    "Inspectors will look at whether the shed's heaters were serviced before the plant reopens."
)

# The water main again, an explainer naming its people and places, sharing no figure.
WATER_EXPLAINER = (
    "What went wrong under Quarry Street?\n\n"
    "The main that burst beneath Quarry Street was cast iron, laid when the Lindgate underpass "
    "was dug. Cast iron grows brittle with age, and a cold night can split a pipe along its "
    "length.\n\n"
    "The Orsenby Water Board under Anselm Ruud has replaced most of the old mains in the north "
    "of the town, but the pipes around Lindgate were left for later. Tankers at the schools are "
    "the board's usual answer while a main is repaired, and residents are asked to boil water "
    "until tests come back clean."
)

# Another event in Orsenby: the same mayor quoted, the town and its hall named, nothing else.
FAIR = (
    "Mayor Helka Dunmore opened the Orsenby autumn fair on Friday in the square outside the Town "
    "Hall, where stalls sold apples, cheese and woollen hats.\n\n"
    '"A town that can still throw a party after a week like this is a town that will be fine," '
    "Dunmore told the crowd.\n\n"
    "The brass band of the Orsenby Mill played until dusk, and the fair's raffle raised money "
    "for the hospice on Kell Lane."
)

# Another event with the same mayor and the same fire chief: a flood rescue on the river.
RESCUE = (
    "Fire chief Rosa Venn's crews pulled two anglers from the swollen River Wend below Orsenby "
    "weir on Saturday after their boat overturned in the current.\n\n"
    "Venn said the pair had clung to a fallen willow for almost an hour. Mayor Helka Dunmore "
    "thanked the crews and said the council would put up new warning signs along the towpath "
    "at Brack Meadow."
)

# A piece that names the people and places of both stories about equally.
WEEK = (
    "A hard week for Orsenby\n\n"
    "First the Caldera tannery on Marsh Road, where Rosa Venn's crews fought the fire in the "
    "drying shed and Tanner's Row was cleared. Then Quarry Street, where the old main under the "
    "Lindgate underpass split and Anselm Ruud's water board sent tankers to the schools.\n\n"
    "Piet Caldera says the tannery will reopen; the water board says the pipes around Lindgate "
    "will be replaced. Mayor Helka Dunmore has thanked everyone who helped."
)


def day(n: int) -> datetime:
    """Noon UTC on the nth of October 2026."""
    return datetime(2026, 10, n, 12, tzinfo=UTC)
