"""Units of measurement: canonical name, kind, length in days (time units), and every form.

A unit's forms are its words (any case), plurals and abbreviations (symbols keep their case:
"MB", "m"). ``article`` marks units that read as one after "a"/"an" ("a gallon").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit's canonical name, kind, days per unit (time units) and whether "a <unit>" is 1."""

    name: str
    kind: str
    days: float | None = None
    article: bool = False
    forms: tuple[str, ...] = ()


def _u(name: str, kind: str, days: float | None = None, article: bool = False) -> Unit:
    return Unit(name, kind, days, article)


_ROWS: list[tuple[Unit, str]] = [
    # time
    (_u("second", "time", 1 / 86400), "seconds|second|secs|sec|s"),
    (_u("minute", "time", 1 / 1440), "minutes|minute|mins|min"),
    (_u("hour", "time", 1 / 24, article=True), "hours|hour|hrs|hr|h"),
    (_u("day", "time", 1, article=True), "days|day"),
    (_u("week", "time", 7, article=True), "weeks|week|wks|wk"),
    (_u("fortnight", "time", 14, article=True), "fortnights|fortnight"),
    (_u("month", "time", 30, article=True), "months|month"),
    (_u("year", "time", 365, article=True), "years|year|yrs|yr"),
    (_u("decade", "time", 3650, article=True), "decades|decade"),
    (_u("century", "time", 36500, article=True), "centuries|century"),
    (_u("megayear", "time", 365e6), "Ma|Myr|megaannum|megaannums|megayears|megayear"),
    (_u("gigayear", "time", 365e9), "Ga|Gyr|gigaannum|gigaannums|gigayears|gigayear"),
    # length and area
    (_u("metre", "length", article=True), "m|metres|metre|meters|meter"),
    (_u("kilometre", "length", article=True), "km|kms|kilometres|kilometre|kilometers|kilometer"),
    (_u("centimetre", "length"), "cm|centimetres|centimetre|centimeters|centimeter"),
    (_u("millimetre", "length"), "mm|millimetres|millimetre|millimeters|millimeter"),
    (_u("micrometre", "length"), "µm|μm|microns|micron|micrometres|micrometers"),
    (_u("nanometre", "length"), "nm|nanometres|nanometre|nanometers|nanometer"),
    (_u("picometre", "length"), "pm|picometres|picometre|picometers|picometer"),
    (_u("attometre", "length"), "am|attometres|attometre|attometers|attometer"),
    (_u("mile", "length", article=True), "mi|miles|mile"),
    (_u("nautical mile", "length"), "nmi|nautical miles|nautical mile"),
    (_u("foot", "length", article=True), "ft|feet|foot"),
    (_u("inch", "length", article=True), "in|inches|inch"),
    (_u("yard", "length"), "yd|yds|yards|yard"),
    (_u("light-year", "length"), "light-years|light-year|light years|light year"),
    (_u("square kilometre", "area"), "km2|km²|sq km|sq mi"),
    (_u("hectare", "area", article=True), "ha|hectares|hectare"),
    (_u("acre", "area", article=True), "acres|acre"),
    # volume
    (_u("litre", "volume", article=True), "L|litres|litre|liters|liter"),
    (_u("millilitre", "volume"), "ml|mL|millilitres|millilitre|milliliters|milliliter"),
    (_u("centilitre", "volume"), "cl|cL|centilitres|centilitre|centiliters|centiliter"),
    (_u("gallon", "volume", article=True), "gal|gallons|gallon"),
    (_u("cup", "volume"), "cups|cup"),
    (_u("tablespoon", "volume"), "tbsp|tablespoons|tablespoon"),
    (_u("teaspoon", "volume"), "tsp|teaspoons|teaspoon"),
    (_u("barrel", "volume", article=True), "bbl|barrels|barrel"),
    # mass
    (_u("kilogram", "mass", article=True), "kg|kgs|kilograms|kilogram|kilos|kilo"),
    (_u("gram", "mass", article=True), "g|grams|gram|grammes|gramme"),
    (_u("milligram", "mass"), "mg|milligrams|milligram"),
    (_u("microgram", "mass"), "µg|μg|mcg|micrograms|microgram"),
    (_u("tonne", "mass", article=True), "t|tonnes|tonne|tons|ton|metric tons"),
    (_u("pound", "mass"), "lb|lbs|pounds|pound"),
    (_u("ounce", "mass"), "oz|ounces|ounce"),
    # temperature, energy, power, radiation, frequency
    (_u("degree Celsius", "temperature"),
     "°C|° C|ºC|degrees Celsius|degree Celsius|degrees centigrade"),
    (_u("degree Fahrenheit", "temperature"), "°F|° F|ºF|degrees Fahrenheit|degree Fahrenheit"),
    (_u("kelvin", "temperature"), "kelvins|kelvin"),
    (_u("degree", "angle"), "degrees|degree|°"),
    (_u("joule", "energy"), "J|kJ|MJ|GJ|joules|joule|kilojoules"),
    (_u("electronvolt", "energy"), "eV|keV|MeV|GeV|TeV|electronvolts|electronvolt"),
    (_u("calorie", "energy"), "kcal|calories|calorie"),
    (_u("watt hour", "energy"),
     "Wh|kWh|MWh|GWh|TWh|kilowatt-hours|kilowatt hours|megawatt-hours|megawatt hours"
     "|gigawatt-hours|gigawatt hours|terawatt-hours"),
    (_u("watt", "power"),
     "W|kW|MW|GW|TW|watts|watt|kilowatts|kilowatt|megawatts|megawatt|gigawatts|gigawatt"),
    (_u("volt", "electric"), "V|kV|volts|volt|kilovolts"),
    (_u("hertz", "frequency"), "Hz|kHz|MHz|GHz|hertz|kilohertz|megahertz|gigahertz"),
    (_u("gray", "radiation"), "Gy|mGy|grays"),
    (_u("sievert", "radiation"), "Sv|mSv|µSv|μSv|sieverts|millisieverts"),
    (_u("decibel", "sound"), "dB|decibels|decibel"),
    (_u("pascal", "pressure"), "Pa|kPa|hPa|pascals"),
    (_u("sigma", "statistics"), "sigma"),
    (_u("knot", "speed"), "knots|knot"),
    (_u("kilometre per hour", "speed"), "km/h|kph|kmh"),
    (_u("mile per hour", "speed"), "mph"),
    # data
    (_u("bit", "data"), "bits|bit"),
    (_u("byte", "data", article=True), "bytes|byte"),
    (_u("kilobyte", "data", article=True), "KB|kB|kilobytes|kilobyte"),
    (_u("megabyte", "data", article=True), "MB|megabytes|megabyte"),
    (_u("gigabyte", "data", article=True), "GB|gigabytes|gigabyte"),
    (_u("terabyte", "data", article=True), "TB|terabytes|terabyte"),
    (_u("petabyte", "data", article=True), "PB|petabytes|petabyte"),
    (_u("exabyte", "data", article=True), "EB|exabytes|exabyte"),
    (_u("kibibyte", "data", article=True), "KiB|kibibytes|kibibyte"),
    (_u("mebibyte", "data", article=True), "MiB|mebibytes|mebibyte"),
    (_u("gibibyte", "data", article=True), "GiB|gibibytes|gibibyte"),
    (_u("megabit per second", "data rate"), "Mbps|Mbit/s|megabits per second"),
    (_u("gigabit per second", "data rate"), "Gbps|Gbit/s|gigabits per second"),
    # shares
    (_u("percent", "percent"), "%|percent|per cent|pct"),
    (_u("percentage point", "percent", article=True), "percentage points|percentage point"),
    # parts of a currency (currencies themselves are in currencies.py)
    (_u("cent", "currency", article=True), "cents|cent"),
    (_u("penny", "currency", article=True), "pence|pennies|penny"),
    (_u("dime", "currency", article=True), "dimes|dime"),
    (_u("øre", "currency"), "øre|öre"),
    # counts
    (_u("dozen", "count", article=True), "dozen"),
    (_u("baker's dozen", "count", article=True), "baker's dozen|baker’s dozen"),
    (_u("times", "multiplier"), "times|fold"),
]  # fmt: skip

UNITS: list[Unit] = [
    Unit(u.name, u.kind, u.days, u.article, tuple(forms.split("|"))) for u, forms in _ROWS
]


def add_unit(unit: Unit) -> None:
    """Add a unit to the table (before the extractor's patterns are built: at import time)."""
    UNITS.append(unit)


def calendar_words() -> list[str]:
    """Time units that read as one after "a" ("a week", "twice a year"): hour to century."""
    return [u.name for u in UNITS if u.kind == "time" and u.article]
