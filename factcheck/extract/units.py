"""Units of measurement and currencies: how they are written, their kind, durations in days."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit's canonical name, kind, length in days (time units) and whether "a <unit>" is 1."""

    name: str
    kind: str
    days: float | None = None
    article: bool = False


def _u(name: str, kind: str, days: float | None = None, article: bool = False) -> Unit:
    return Unit(name, kind, days, article)


# Surfaces are case-sensitive when they are symbols ("MB", "m"); lowercase words match any case.
_TABLE: list[tuple[Unit, str]] = [
    # time
    (_u("second", "time", 1 / 86400), "seconds|second|secs|sec|s"),
    (_u("minute", "time", 1 / 1440), "minutes|minute|mins|min"),
    (_u("hour", "time", 1 / 24), "hours|hour|hrs|hr|h"),
    (_u("day", "time", 1), "days|day"),
    (_u("week", "time", 7), "weeks|week|wks|wk"),
    (_u("fortnight", "time", 14), "fortnights|fortnight"),
    (_u("month", "time", 30), "months|month"),
    (_u("year", "time", 365), "years|year|yrs|yr"),
    (_u("decade", "time", 3650), "decades|decade"),
    (_u("century", "time", 36500), "centuries|century"),
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
    # money written as words (symbols are read as prefixes elsewhere)
    (_u("USD", "currency"), "dollars|dollar|US dollars"),
    (_u("EUR", "currency"), "euros|euro"),
    (_u("GBP", "currency"), "pounds sterling|pound sterling|sterling"),
    (_u("JPY", "currency"), "yen"),
    (_u("CNY", "currency"), "yuan|renminbi"),
    (_u("INR", "currency"), "rupees|rupee|crore|lakh"),
    (_u("ILS", "currency"), "shekels|shekel"),
    (_u("RUB", "currency"), "roubles|rouble|rubles|ruble"),
    (_u("KES", "currency"), "Kenyan shillings|shillings|shilling"),
    (_u("NGN", "currency"), "naira"),
    (_u("ZAR", "currency"), "rand"),
    (_u("CHF", "currency"), "Swiss francs|francs|franc"),
    (_u("TRY", "currency"), "Turkish lira|lira"),
    (_u("PLN", "currency"), "zlotys|zloty"),
    (_u("UAH", "currency"), "hryvnias|hryvnia"),
    (_u("THB", "currency"), "baht"),
    (_u("AED", "currency"), "dirhams|dirham"),
    (_u("SAR", "currency"), "riyals|riyal"),
    (_u("cent", "currency", article=True), "cents|cent"),
    (_u("penny", "currency", article=True), "pence|pennies|penny"),
    (_u("dime", "currency", article=True), "dimes|dime"),
    # counts
    (_u("dozen", "count", article=True), "dozen"),
    (_u("baker's dozen", "count", article=True), "baker's dozen|baker’s dozen"),
    (_u("times", "multiplier"), "times|fold"),
]  # fmt: skip

CURRENCY_SYMBOLS = {
    "$": "USD", "US$": "USD", "A$": "AUD", "C$": "CAD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD",
    "R$": "BRL", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₪": "ILS", "₽": "RUB",
    "Rs": "INR", "Rs.": "INR", "USD": "USD", "EUR": "EUR", "GBP": "GBP", "INR": "INR",
    "JPY": "JPY", "CNY": "CNY", "AUD": "AUD", "CAD": "CAD", "CHF": "CHF", "ILS": "ILS",
    "NOK": "NOK", "SEK": "SEK", "DKK": "DKK", "ZAR": "ZAR", "NGN": "NGN", "KES": "KES",
}  # fmt: skip

_EXACT: dict[str, Unit] = {}
_WORDS: dict[str, Unit] = {}
for _unit, _surfaces in _TABLE:
    for _surface in _surfaces.split("|"):
        is_word = len(_surface) > 3 and _surface.islower() or " " in _surface
        (_WORDS if is_word else _EXACT)[_surface.lower() if is_word else _surface] = _unit


def _alternation() -> str:
    words = sorted(_WORDS, key=len, reverse=True)
    exact = sorted(_EXACT, key=len, reverse=True)
    word_part = "|".join(re.escape(w).replace(r"\ ", r"\s") for w in words)
    exact_part = "|".join(re.escape(s) for s in exact)
    return rf"(?i:{word_part})|{exact_part}"


_UNIT = re.compile(rf"(?:{_alternation()})(?![A-Za-z])")
_PREFIX = re.compile(r"(?i:(square|sq\.?|cubic|cu\.?)\s)")
_POWER = re.compile(r"\^?([23])(?![\d.])|([²³])|\s(squared|cubed)\b")
_INVERSE = re.compile(r"[-−]1(?!\d)")
_PER = re.compile(r"\s?/\s?|\s+per\s+|\s+an?\s+(?=(?:year|month|week|day|hour)\b)")
# "in" means inches only where no noun phrase follows: "2 in thick", "2 in." (not "two in my car").
_INCH_CONTEXT = re.compile(r"(?=\s*(?:$|[.,;:)\]]|thick|long|wide|tall|high|deep|across|in diam))")

# Singular unit words that read as one unit after "a"/"an": "a gallon", "a kibibyte".
ARTICLE_UNITS = tuple(
    sorted(
        (s for s, u in _WORDS.items() if u.article and not s.endswith(("s", "feet", "pence"))),
        key=len,
        reverse=True,
    )
)


@dataclass(frozen=True, slots=True)
class UnitMatch:
    """A unit read after a number: where it ends, its name, kind and days per unit."""

    end: int
    name: str
    kind: str
    days: float | None


def lookup(surface: str) -> Unit | None:
    """Return the unit written as surface, if it is one."""
    return _EXACT.get(surface) or _WORDS.get(re.sub(r"\s+", " ", surface.lower()))


def _simple(text: str, pos: int) -> tuple[int, Unit, str] | None:
    """Read one unit with its square/cubic prefix or power at pos."""
    power = ""
    prefix = _PREFIX.match(text, pos)
    if prefix:
        power = "square " if prefix.group(1).lower().startswith("s") else "cubic "
        pos = prefix.end()
    match = _UNIT.match(text, pos)
    if match is None:
        return None
    unit = lookup(match.group())
    if unit is None:
        return None
    end = match.end()
    if suffix := _POWER.match(text, end):
        found = suffix.group(1) or suffix.group(2) or suffix.group(3)
        power = "square " if found in ("2", "²", "squared") else "cubic "
        end = suffix.end()
    elif inverse := _INVERSE.match(text, end):
        return inverse.end(), unit, "inverse "
    return end, unit, power


def read_unit(text: str, pos: int, *, words: bool = False) -> UnitMatch | None:
    """Read the unit right at pos (one space allowed before it); words: the number was a word."""
    start = pos + 1 if text.startswith((" ", "\u00a0"), pos) else pos
    first = _simple(text, start)
    if first is None:
        return None
    end, unit, power = first
    surface = text[start:end]
    if surface == "in" and (words or not _INCH_CONTEXT.match(text, end)):
        return None
    if surface in ("am", "pm") and words:
        return None
    name = power + unit.name
    days = unit.days if not power else None
    per = read_per(text, end)
    if per is not None:
        end, per_name = per
        name, days = f"{name} per {per_name}", None
    return UnitMatch(end, name, unit.kind, days)


def read_per(text: str, pos: int) -> tuple[int, str] | None:
    """Read "/hour", " per kg" or "/m^2 per year" after a quantity; None when absent."""
    names: list[str] = []
    end = pos
    for _ in range(2):
        sep = _PER.match(text, end)
        if sep is None:
            break
        part = _simple(text, sep.end())
        if part is None:
            break
        end = part[0]
        names.append(part[2] + part[1].name)
    return (end, " per ".join(names)) if names else None
