"""The glossary the quantity extractor reads: number words, scale words, qualifiers, currencies, units.

Every language rule that decides what a figure is lives here as a plain table, so adding a word is a
one-line change that a reviewer can read without following a regular expression.
"""

from __future__ import annotations

import pycountry

# --- numbers written as words -------------------------------------------------------------------

UNITS_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip

# How badly people were hurt, read where the counted noun would be ("one seriously injured"): the
# extractor keeps it as the counted word, and tracking leaves such a breakdown of a total out.
SEVERITY_WORDS = frozenset(
    {"slightly", "lightly", "mildly", "moderately", "seriously", "severely", "critically", "gravely", "badly"}
)
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip

# Words that multiply what stands before them ("two dozen", "three hundred", "half a million").
# Fractions written in words, as shares of a whole ("a third of", "two-thirds of", "half the"): the
# denominator's word and its value. "half" also stands alone ("half of them", "almost half the").
FRACTION_DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip
# Words before "half" that make it a part of a period or a place, not a share: "the first half of 2023".
NOT_SHARE_BEFORE_HALF = frozenset(
    {"first", "second", "latter", "former", "other", "back", "front", "top", "bottom", "upper", "lower",
     "northern", "southern", "eastern", "western", "opening", "closing", "final", "last", "next"}
)  # fmt: skip

MULTIPLIER_WORDS: dict[str, int] = {
    "dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000,
    "crores": 10_000_000,
}  # fmt: skip

# Scale words written after digits: "2.6 million", "£16bn", "Rs 1,500 crore", "25k".
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "mil": 1e6, "m": 1e6,
    "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12, "trln": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7, "cr": 1e7,
}  # fmt: skip

# "1.2m tons" is a million, "a 100m sprint" or "8,848m high" is metres: words after "m" that mean metres.
METRE_CONTEXT_AFTER = frozenset(
    [
        "high",
        "deep",
        "long",
        "wide",
        "tall",
        "above",
        "below",
        "away",
        "from",
        "sprint",
        "race",
        "hurdles",
        "freestyle",
        "relay",
        "backstroke",
        "breaststroke",
        "butterfly",
        "medley",
        "dash",
        "run",
        "swim",
        "drop",
        "fall",
        "climb",
        "asl",
        "altitude",
        "elevation",
    ]
)

# --- qualifiers (SPEC's table) --------------------------------------------------------------------

# Words written just before the number. Longest phrases are tried first.
QUALIFIERS_BEFORE: dict[str, str] = {
    # approximate
    "about": "approximate", "around": "approximate", "some": "approximate",
    "roughly": "approximate", "approximately": "approximate", "approx.": "approximate",
    "an estimated": "approximate", "estimated": "approximate", "circa": "approximate",
    "an approximate": "approximate", "nearly about": "approximate", "round about": "approximate",
    "in the region of": "approximate", "on the order of": "approximate", "something like": "approximate",
    # a speaker's guess: "maybe 5,000 people", "perhaps 300"
    "maybe": "approximate", "perhaps": "approximate", "possibly": "approximate",
    "an average of": "exact",
    # lower bound
    "more than": "lower_bound", "over": "lower_bound", "at least": "lower_bound",
    "at-least": "lower_bound",  # as some South Asian copy writes it
    "upwards of": "lower_bound", "upward of": "lower_bound", "in excess of": "lower_bound",
    "well over": "lower_bound", "just over": "lower_bound", "slightly more than": "lower_bound",
    "a little over": "lower_bound", "a little more than": "lower_bound", "well above": "lower_bound",
    "above": "lower_bound", "no fewer than": "lower_bound", "no less than": "lower_bound",
    "not less than": "lower_bound", "a minimum of": "lower_bound", "north of": "lower_bound",
    # "as few as 60": the low end of what the speaker allows
    "as few as": "lower_bound", "as little as": "lower_bound", "as low as": "lower_bound",
    "surpassed": "lower_bound", "surpassing": "lower_bound", "surpass": "lower_bound",
    "surpasses": "lower_bound",
    "exceeded": "lower_bound", "exceeding": "lower_bound", "exceeds": "lower_bound",
    "exceed": "lower_bound", "topped": "lower_bound", "topping": "lower_bound", "top": "lower_bound",
    "tops": "lower_bound", "over than": "lower_bound", "more then": "lower_bound",
    "past": "lower_bound", "just past": "lower_bound", "crossed": "lower_bound", "crosses": "lower_bound",
    "cross": "lower_bound", "cross the": "lower_bound",
    "crossing": "lower_bound", "crossed the": "lower_bound", "crosses the": "lower_bound",
    "passed": "lower_bound", "passes": "lower_bound", "passing": "lower_bound", "passed the": "lower_bound",
    "passes the": "lower_bound", "topped the": "lower_bound", "tops the": "lower_bound",
    "surpassed the": "lower_bound", "exceeded the": "lower_bound",
    # upper bound
    "fewer than": "upper_bound", "less than": "upper_bound", "up to": "upper_bound",
    "under": "upper_bound", "at most": "upper_bound", "at-most": "upper_bound", "nearly": "upper_bound",
    "almost": "upper_bound",
    "just under": "upper_bound", "close to": "upper_bound", "as high as": "upper_bound",
    "as many as": "upper_bound", "as much as": "upper_bound", "no more than": "upper_bound",
    "not more than": "upper_bound", "a maximum of": "upper_bound", "just shy of": "upper_bound",
    "below": "upper_bound", "just below": "upper_bound", "barely": "exact",
    "well under": "upper_bound", "well below": "upper_bound", "slightly less than": "upper_bound",
    "a little under": "upper_bound", "a little less than": "upper_bound", "nigh on": "upper_bound",
    "nears": "upper_bound", "neared": "upper_bound", "nearing": "upper_bound", "near": "upper_bound",
    "approaching": "upper_bound", "approaches": "upper_bound", "approached": "upper_bound",
    "nears the": "upper_bound", "neared the": "upper_bound", "nearing the": "upper_bound",
    "approaching the": "upper_bound",
    # "fell short of 40%", "the better part of 1,000 acres": below the figure
    "short of": "upper_bound", "shy of": "upper_bound", "the better part of": "upper_bound",
    "the best part of": "upper_bound",
    # "an estimated street value of", with "estimated" an adjective at the figure (SPEC)
    "an estimated value of": "approximate", "an estimated street value of": "approximate",
    "an estimated market value of": "approximate", "an estimated worth of": "approximate",
    "an estimated cost of": "approximate", "estimated value of": "approximate",
    "estimated street value of": "approximate", "estimated worth of": "approximate",
}  # fmt: skip

# Words written just after the number (and its unit): "400 or more", "50-plus", "20 or so".
QUALIFIERS_AFTER: dict[str, str] = {
    "or more": "lower_bound", "or higher": "lower_bound", "or above": "lower_bound",
    "plus": "lower_bound", "+": "lower_bound", "and up": "lower_bound", "and above": "lower_bound",
    "or so": "approximate", "or thereabouts": "approximate",
    "or fewer": "upper_bound", "or less": "upper_bound", "or lower": "upper_bound",
    "or under": "upper_bound", "at most": "upper_bound",
}  # fmt: skip

# Verbs of change that make "X to Y" two figures (a move), not a range: "rose 7% to $2.3 billion".
CHANGE_WORDS = frozenset(
    [
        "rose",
        "rise",
        "rises",
        "rising",
        "risen",
        "fell",
        "fall",
        "falls",
        "falling",
        "fallen",
        "mounted",
        "mounting",
        "went",
        "gone",
        "moved",
        "increased",
        "increase",
        "increases",
        "increasing",
        "decreased",
        "decrease",
        "decreases",
        "climbed",
        "climb",
        "climbs",
        "climbing",
        "jumped",
        "jump",
        "jumps",
        "dropped",
        "drop",
        "drops",
        "declined",
        "decline",
        "declines",
        "grew",
        "grow",
        "grows",
        "growing",
        "grown",
        "slipped",
        "slip",
        "slid",
        "slide",
        "eased",
        "ease",
        "surged",
        "surge",
        "soared",
        "soar",
        "plunged",
        "plunge",
        "tumbled",
        "tumble",
        "gained",
        "gain",
        "gains",
        "lost",
        "lose",
        "cut",
        "cuts",
        "raised",
        "raise",
        "lowered",
        "lower",
        "revised",
        "up",
        "down",
        "shrank",
        "shrink",
        "swelled",
        "swell",
        "widened",
        "widen",
        "narrowed",
        "narrow",
        "doubled",
        "tripled",
        "slowed",
        "slow",
        "accelerated",
        "advanced",
        "retreated",
        "sank",
        "sink",
        "spiked",
        "spike",
        "lifted",
    ]
)

# --- currencies -----------------------------------------------------------------------------------

# Symbols and short prefixes written before the digits ("$", "US$", "Rs", "€"). "Rs" resolves by
# the country the item is about (see RUPEE_BY_COUNTRY).
CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD", "US $": "USD", "$US": "USD", "$A": "AUD", "A $": "AUD", "$NZ": "NZD",
    "C $": "CAD", "HK $": "HKD", "S $": "SGD", "NZ $": "NZD", "U.S. $": "USD", "USD": "USD", "$": "USD",
    "A$": "AUD", "AU$": "AUD", "AUD": "AUD", "C$": "CAD", "CA$": "CAD", "CAD": "CAD",
    "HK$": "HKD", "HKD": "HKD", "NZ$": "NZD", "NZD": "NZD", "S$": "SGD", "SGD": "SGD",
    "R$": "BRL", "BRL": "BRL", "MX$": "MXN", "MXN": "MXN", "NT$": "TWD", "TWD": "TWD",
    "€": "EUR", "EUR": "EUR", "£": "POUND", "GBP": "GBP", "¥": "JPY", "JPY": "JPY",
    "CNY": "CNY", "RMB": "CNY", "₹": "INR", "INR": "INR", "Rs.": "RUPEE", "Rs": "RUPEE",
    "PKR": "PKR", "LKR": "LKR", "NPR": "NPR", "₱": "PHP", "PHP": "PHP", "₦": "NGN", "NGN": "NGN",
    "₩": "KRW", "KRW": "KRW", "₺": "TRY", "TRY": "TRY", "₴": "UAH", "UAH": "UAH", "₽": "RUB",
    "RUB": "RUB", "CHF": "CHF", "SFr": "CHF", "ZAR": "ZAR", "Tk": "BDT", "BDT": "BDT",
    "₪": "ILS", "NIS": "ILS", "ILS": "ILS", "RM": "MYR", "MYR": "MYR", "SEK": "SEK", "NOK": "NOK",
    "DKK": "DKK", "SAR": "SAR", "AED": "AED", "EGP": "EGP", "KES": "KES", "IDR": "IDR",
    "Rp": "IDR", "THB": "THB", "฿": "THB", "VND": "VND", "₫": "VND", "PLN": "PLN", "HUF": "HUF",
    "KSh": "KES", "Ksh": "KES", "KShs": "KES", "Kshs": "KES", "TSh": "TZS", "USh": "UGX",
    "GH¢": "GHS", "GH₵": "GHS", "₵": "GHS", "GHS": "GHS", "UGX": "UGX", "TZS": "TZS", "ETB": "ETB",
}  # fmt: skip

# Letter prefixes glued to the digits that are currencies only with a scale word after ("P2.7 billion",
# "R5 million") or thousands grouping ("P1,500"); bare, they name things ("K9", "PS5"). "PS" is how
# an ASCII-only feed writes "£" ("PS2.7m", "PS21,700"); "Sh" is how East African papers write the shilling,
# "N" how Nigerian ones write the naira ("Sh2 billion", "N2.3 trillion").
LETTER_CURRENCY_PREFIXES: dict[str, str] = {
    "P": "PHP", "R": "ZAR", "K": "PGK", "PS": "GBP", "Sh": "SHILLING", "N": "NGN",
}  # fmt: skip


# Currency names of one word that also name a people ("5,000 Guarani" may be villagers).
_PEOPLE_NAMED_LIKE_CURRENCIES = frozenset({"afghani", "guarani"})


def iso_currency_names() -> dict[str, str]:
    """Every national ISO 4217 currency by its English name, singular and plural ("kenyan
    shilling(s)", "ghana cedi(s)", "tenge", "laris"): the names pycountry gives, lower-cased. A name
    of one word is pycountry's only when it is one country's ("tenge"); where several countries
    share a word it qualifies it ("kenyan shilling"), and a bare "shilling" stays ambiguous."""
    names: dict[str, str] = {}
    for currency in pycountry.currencies:
        words = currency.name.lower().split()
        if currency.alpha_3.startswith(("X", "BOV")) or not words[-1].isalpha():
            continue  # gold, funds and units of account
        if len(words) == 1 and words[0] in _PEOPLE_NAMED_LIKE_CURRENCIES:
            continue
        names[" ".join(words)] = names[" ".join(words) + "s"] = currency.alpha_3
    return names


# Currency names written after the number ("10.5 million Australian dollars", "15 euros"): ISO
# 4217's qualified names, and the bare and plural forms wire text uses, which decide where they differ.
CURRENCY_NAMES: dict[str, str] = iso_currency_names() | {
    "us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD", "dollars": "USD",
    "dollar": "USD", "australian dollars": "AUD", "canadian dollars": "CAD",
    "hong kong dollars": "HKD", "new zealand dollars": "NZD", "singapore dollars": "SGD",
    "taiwan dollars": "TWD", "new taiwan dollars": "TWD", "euros": "EUR", "euro": "EUR",
    "pounds sterling": "GBP", "pounds": "POUND", "pound": "POUND", "sterling": "GBP",
    "egyptian pounds": "EGP", "egyptian pound": "EGP", "lebanese pounds": "LBP", "sudanese pounds": "SDG",
    "syrian pounds": "SYP", "british pounds": "GBP", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "indian rupees": "INR", "pakistani rupees": "PKR",
    "sri lankan rupees": "LKR", "nepalese rupees": "NPR", "rupees": "RUPEE", "rupee": "RUPEE",
    "philippine pesos": "PHP", "mexican pesos": "MXN", "argentine pesos": "ARS", "pesos": "PESO",
    "roubles": "RUB", "rubles": "RUB", "swiss francs": "CHF", "francs": "CHF",
    "danish crowns": "DKK", "danish kroner": "DKK", "swedish crowns": "SEK", "swedish kronor": "SEK",
    "norwegian crowns": "NOK", "norwegian kroner": "NOK", "won": "KRW", "rand": "ZAR",
    "naira": "NGN", "lira": "TRY", "liras": "TRY", "riyals": "SAR", "dirhams": "AED",
    "taka": "BDT", "baht": "THB", "rupiah": "IDR", "hryvnias": "UAH", "hryvnia": "UAH",
    "shekels": "ILS", "ringgit": "MYR", "dong": "VND", "zlotys": "PLN", "zloty": "PLN",
    "forints": "HUF", "reais": "BRL", "bitcoin": "BTC", "bitcoins": "BTC",
    "shillings": "SHILLING", "shilling": "SHILLING",
}  # fmt: skip

# "Rs", "rupees", "pesos", "£" and "pounds" belong to several countries; the item's own country
# decides (the first one it names), else the default.
RUPEE_BY_COUNTRY: dict[str, str] = {
    "pakistan": "PKR", "pakistani": "PKR", "islamabad": "PKR", "karachi": "PKR", "lahore": "PKR",
    "sri lanka": "LKR", "colombo": "LKR", "nepal": "NPR", "kathmandu": "NPR",
}  # fmt: skip
DEFAULT_RUPEE = "INR"
PESO_BY_COUNTRY: dict[str, str] = {
    "philippine": "PHP", "philippines": "PHP", "manila": "PHP", "mexico": "MXN", "mexican": "MXN",
    "argentina": "ARS", "argentine": "ARS", "colombia": "COP", "chile": "CLP",
}  # fmt: skip
DEFAULT_PESO = "PHP"
# Every country whose currency is called a pound, by country name, adjective and capital; an item that
# names Britain keeps sterling whatever else it names.
POUND_BY_COUNTRY: dict[str, str] = {
    "egypt": "EGP", "egyptian": "EGP", "cairo": "EGP", "lebanon": "LBP", "lebanese": "LBP",
    "beirut": "LBP", "sudan": "SDG", "sudanese": "SDG", "khartoum": "SDG", "south sudan": "SSP",
    "juba": "SSP", "syria": "SYP", "syrian": "SYP", "damascus": "SYP",
}  # fmt: skip
# East Africa's shillings ("Sh", "shillings"), by country name, adjective and capital; Kenya's when
# the item names none of them, as Kenyan wire copy writes them most.
SHILLING_BY_COUNTRY: dict[str, str] = {
    "kenya": "KES", "kenyan": "KES", "nairobi": "KES", "uganda": "UGX", "ugandan": "UGX", "kampala": "UGX",
    "tanzania": "TZS", "tanzanian": "TZS", "dodoma": "TZS", "dar es salaam": "TZS", "somalia": "SOS",
    "somali": "SOS", "mogadishu": "SOS",
}  # fmt: skip
DEFAULT_SHILLING = "KES"
BRITAIN_NAMES = ("britain", "british", "united kingdom", "u.k.", "england", "scotland", "wales", "london")
DEFAULT_POUND = "GBP"

# --- units ---------------------------------------------------------------------------------------

# Unit words and symbols written after the number, mapped to the SPEC's unit names.
UNITS_AFTER: dict[str, str] = {
    "%": "percent", "percent": "percent", "per cent": "percent", "pct": "percent", "pc": "percent",
    "percentage points": "percentage point", "percentage point": "percentage point",
    "percentage-points": "percentage point", "percentage-point": "percentage point",
    "basis-point": "bp",
    "basis points": "bp", "basis point": "bp", "bps": "bp", "bp": "bp",
    "km": "km", "kms": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km",
    "kilometer": "km", "metres": "m", "meters": "m", "metre": "m", "meter": "m", "m": "m",
    "miles": "mi", "mile": "mi", "mi": "mi", "nautical miles": "nmi", "nautical mile": "nmi",
    "kg": "kg", "kgs": "kg", "kilograms": "kg", "kilogrammes": "kg", "kilogram": "kg",
    "kilos": "kg", "kilo": "kg", "grams": "g", "gram": "g", "g": "g", "mg": "mg",
    "milligrams": "mg", "tonnes": "t", "tonne": "t", "metric tons": "t", "metric ton": "t",
    "tons": "t", "ton": "t", "t": "t", "km2": "km2", "km²": "km2", "sq km": "km2",
    "square kilometres": "km2", "square kilometers": "km2", "square kilometre": "km2",
    "square kilometer": "km2", "square miles": "sq mi", "square mile": "sq mi",
    "square metres": "m2", "square meters": "m2", "sq m": "m2", "m2": "m2", "m²": "m2",
    "square feet": "sq ft", "square foot": "sq ft", "sq ft": "sq ft",
    "hectares": "ha", "hectare": "ha", "ha": "ha", "acres": "acre", "acre": "acre",
    "litres": "l", "liters": "l", "litre": "l", "liter": "l", "l": "l", "gallons": "gal",
    "gallon": "gal", "barrels": "barrel", "barrel": "barrel", "cubic metres": "m3",
    "cubic meters": "m3", "m3": "m3", "miles per hour": "mph", "miles an hour": "mph",
    "mph": "mph", "km/h": "kmh", "kph": "kmh", "kmh": "kmh", "kilometres per hour": "kmh",
    "kilometers per hour": "kmh", "kilometres an hour": "kmh", "kilometers an hour": "kmh",
    "knots": "knot", "°c": "C", "ºc": "C", "degrees celsius": "C", "degrees centigrade": "C",
    "celsius": "C", "°f": "F", "ºf": "F", "degrees fahrenheit": "F", "fahrenheit": "F",
    "degrees": "degree", "degree": "degree", "°": "degree",
    "feet": "ft", "foot": "ft", "ft": "ft", "inches": "in", "inch": "in", "yards": "yd",
    "yard": "yd", "yds": "yd", "cm": "cm", "centimetres": "cm", "centimeters": "cm", "mm": "mm",
    "millimetres": "mm", "millimeters": "mm", "lbs": "lb", "lb": "lb", "ounces": "oz", "oz": "oz",
    "mw": "MW", "megawatts": "MW", "gw": "GW", "gigawatts": "GW", "kw": "kW", "kilowatts": "kW",
    "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh", "hp": "hp", "bhp": "hp",
    "horsepower": "hp", "gb": "GB", "tb": "TB", "mb": "MB", "ghz": "GHz", "mhz": "MHz", "hz": "Hz",
    "km/hr": "kmh", "deg c": "C", "deg f": "F", "degc": "C", "degf": "F",
    "parts per million": "ppm", "ppm": "ppm", "parts per billion": "ppb", "ppb": "ppb",
    "mpg": "mpg", "khz": "kHz", "mbps": "Mbps", "gbps": "Gbps", "ml": "ml", "millilitres": "ml",
    "milliliters": "ml", "nm": "nm", "nanometres": "nm", "nanometers": "nm", "nanometre": "nm",
    "nanometer": "nm", "megawatt": "MW", "gigawatt": "GW", "kilowatt": "kW", "mah": "mAh",
    "kj": "kJ", "points": "point", "point": "point", "cents": "cent", "cent": "cent",
    "pence": "pence", "p": "pence", "calories": "kcal", "kcal": "kcal", "rpm": "rpm",
    "fold": "fold", "bpd": "barrel per day", "barrels per day": "barrel per day",
    "barrels a day": "barrel per day",
}  # fmt: skip

# Units that may be glued to the digits ("2,000km", "640bhp", "256GB"); others need a space.
GLUED_UNITS = frozenset(
    [
        "%",
        "sq m",
        "sq km",
        "sq ft",
        "km/hr",
        "degc",
        "degf",
        "deg c",
        "deg f",
        "km",
        "kms",
        "m",
        "mi",
        "kg",
        "kgs",
        "g",
        "mg",
        "t",
        "km2",
        "km²",
        "m2",
        "m²",
        "m3",
        "ha",
        "l",
        "mph",
        "kph",
        "kmh",
        "km/h",
        "mw",
        "gw",
        "kw",
        "kwh",
        "mwh",
        "gwh",
        "twh",
        "hp",
        "bhp",
        "gb",
        "tb",
        "mb",
        "ghz",
        "mhz",
        "hz",
        "cm",
        "mm",
        "ft",
        "lb",
        "lbs",
        "oz",
        "mpg",
        "bp",
        "bps",
        "p",
        "°c",
        "ºc",
        "°f",
        "ºf",
        "°",
        "k",
        "bn",
        "mn",
        "tn",
        "mln",
        "bln",
        "trln",
        "pc",
        "khz",
        "mbps",
        "gbps",
        "ml",
        "nm",
        "mah",
        "kj",
    ]
)

# Units written before the number: "magnitude 6.3".
UNITS_BEFORE: dict[str, str] = {"magnitude": "magnitude", "a magnitude": "magnitude"}
# ... and as a hyphenated or spaced word after it: "a 6.3-magnitude quake", "a 7.1 magnitude quake".
MAGNITUDE_AFTER = frozenset({"magnitude", "-magnitude"})

# --- things that look like numbers but are not claims (SPEC "Not claims") -------------------------

# Past participles not in "-ed" ("hidden", "taken", "struck"): after a noun they open a clause about
# it, and set off after a subject they take its agent ("the report, drawn up by the board"). Those
# that are also nouns ("a pay cut", "a 10 km run", "a hit") are kept apart for the readers of noun
# phrases.
PARTICIPLES_THAT_ARE_NOUNS = frozenset(
    {"cut", "run", "set", "put", "hit", "spread", "lost", "won", "made", "done", "drawn"}
)
IRREGULAR_PARTICIPLES = PARTICIPLES_THAT_ARE_NOUNS | frozenset(
    {"hidden", "stolen", "taken", "given", "found", "held", "built", "sold", "bought", "brought", "caught",
     "kept", "left", "shot", "beaten", "driven", "thrown", "seen", "written", "known", "sent", "spent",
     "paid", "born", "grown", "shown", "flown", "sunk", "stuck", "struck", "swept", "laid", "torn", "frozen",
     "broken", "chosen", "forgotten", "dug", "fought", "sought", "slain", "hurt"}
)  # fmt: skip

MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Written with a period ("Oct. 7"): the sentence splitter must not end a sentence there either.
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
MONTHS = [*MONTH_NAMES, *MONTH_ABBREVIATIONS]

# A number followed by one of these is a duration or a temporal anchor, not a quantity.
TIME_UNITS = frozenset(
    [
        "second",
        "seconds",
        "sec",
        "secs",
        "minute",
        "minutes",
        "min",
        "mins",
        "hour",
        "hours",
        "hr",
        "hrs",
        "day",
        "days",
        "week",
        "weeks",
        "fortnight",
        "fortnights",
        "month",
        "months",
        "year",
        "years",
        "yr",
        "yrs",
        "decade",
        "decades",
        "century",
        "centuries",
        "millennium",
        "millennia",
        "night",
        "nights",
        "weekend",
        "weekends",
        "morning",
        "mornings",
        "evening",
        "evenings",
        "season",
        "seasons",
        "semester",
        "semesters",
        "term",
        "terms",
        "quarter",
        "quarters",
        "generation",
        "generations",
        "a.m.",
        "p.m.",
        "am",
        "pm",
        "gmt",
        "utc",
        "o'clock",
    ]
)

# Capitalised words that turn the number after them into a name or identifier ("Resolution 2334").
NAMING_WORDS = frozenset(
    [
        "resolution",
        "h.r",  # a House bill's number: "H.R. 3684"
        "route",
        "article",
        "section",
        "sections",
        "row",
        "rows",
        "game",
        "games",
        "chapter",
        "page",
        "pages",
        "room",
        "flight",
        "highway",
        "interstate",
        "phase",
        "level",
        "category",
        "stage",
        "round",
        "act",
        "title",
        "gate",
        "terminal",
        "platform",
        "line",
        "bus",
        "no.",
        "nos.",
        "no",
        "number",
        "amendment",
        "bill",
        "law",
        "decree",
        "order",
        "lot",
        "unit",
        "block",
        "building",
        "apartment",
        "suite",
        "floor",
        "box",
        "channel",
        "sector",
        "zone",
        "district",
        "ward",
        "precinct",
        "grade",
        "year",
        "class",
        "version",
        "update",  # a headline's "(UPDATE 2)"
        "model",
        "series",
        "type",
        "mark",
        "mk",
        "formula",
        "vision",
        "paragraph",
        "clause",
        "item",
        "seat",
        "step",
        "psalm",
        "verse",
        "volume",
        "vol.",
        "issue",
        "episode",
        "season",
        "part",
        "exhibit",
        "figure",
        "fig.",
        "table",
        "appendix",
        "annex",
        "rule",
        "proposition",
        "prop",
        "group",
        "photo",
        "image",
        "picture",
        "slide",
        "g",
        "air",
        "apollo",
        "windows",
        "iphone",
        "ios",
        "android",
        "studio",
        "track",
        "vol",
        "pier",
        "berth",
        "hangar",
        "runway",
        "door",
        "lane",
        "road",
        "street",
        "avenue",
        "plot",
        "camp",
        "region",
        "sectors",
        "square",
        "wave",
        "cohort",
        "tier",
        "division",
        "week",
        "day",
        "match",
        "pillar",
        "galaxy",
        "pixel",
        "note",
    ]
)

# People a bare age in commas may follow: "the coach, 61, took over", "his widow, 70, said".
AGE_APPOSITION_NOUNS = frozenset(
    {"man", "woman", "boy", "girl", "child", "baby", "toddler", "teenager", "teen", "wife", "husband",
     "son", "daughter", "mother", "father", "brother", "sister", "grandmother", "grandfather", "grandson",
     "granddaughter", "uncle", "aunt", "nephew", "niece", "cousin", "widow", "widower", "pensioner",
     "retiree", "farmer", "driver", "teacher", "nurse", "doctor", "student", "coach", "player", "worker",
     "fisherman", "victim", "suspect", "owner", "resident", "neighbour", "neighbor", "shopkeeper",
     "vendor", "mechanic", "soldier", "pilot", "captain", "singer", "actor", "actress", "artist", "writer",
     "author", "lawyer", "journalist", "photographer", "priest", "imam", "pastor", "survivor", "passenger",
     "gunman", "spokesman", "spokeswoman", "minister", "governor", "mayor", "president", "chairman",
     "chairwoman", "chairperson", "founder", "leader", "veteran", "mother-of-two", "father-of-two", "master",
     "officer", "official", "engineer", "manager", "operator", "guard", "conductor", "director", "employee",
     "policeman", "policewoman", "firefighter", "rescuer", "volunteer", "activist", "protester"}
)  # fmt: skip
# Words that, written right before a number, make it a phone number, a page or a street number.
PHONE_WORDS = frozenset({"call", "dial", "phone", "hotline", "helpline", "text", "sms", "tel", "tel."})
STREET_WORDS = frozenset(
    [
        "street",
        "st",
        "st.",
        "avenue",
        "ave",
        "ave.",
        "road",
        "rd",
        "rd.",
        "boulevard",
        "blvd",
        "lane",
        "drive",
        "way",
        "place",
        "square",
    ]
)

# Words that end the name of a site inside a town ("Victoria Park", "Velmo Stadium"): a site is no
# place of its own, and the town or region it is named after is not where it is.
SITE_WORDS = frozenset(
    ["park", "garden", "gardens", "stadium", "arena", "dome", "station", "airport", "bridge", "harbour",
     "harbor", "hall", "mall", "plaza", "tower"]
)  # fmt: skip

# Words that, before a number, make it an age: "children aged 5", "people over 65".
AGE_BEFORE = (
    "aged", "age of", "ages of", "ages", "age", "aged between", "ages between", "as young as", "as old as",
    "children under", "children over", "children below", "kids under", "people over", "people aged",
    "those over", "those under", "adults over",
)  # fmt: skip

# Symbols glued before a number that qualify it: "~25", "<5%", ">100".
GLUED_QUALIFIERS: dict[str, str] = {
    "~": "approximate", "≈": "approximate", "<": "upper_bound", "≤": "upper_bound",
    ">": "lower_bound", "≥": "lower_bound",
}  # fmt: skip

# Compound descriptors are NUMBER-WORD forms that describe make-up ("10-member bloc") rather than
# measure; measures written the same way ("2,500-acre fire") are claims because the word is a unit.
# These hyphen words keep the figure a count:
COUNTING_HYPHEN_WORDS = frozenset({"strong", "plus", "odd"})

# Superlatives and rankings: "the region's three largest ports", "top five".
RANKING_BEFORE = frozenset({"top", "bottom", "first", "last", "next", "previous", "final"})


# Determiners and possessives that make "the two countries" a known set rather than a count.
DEFINITE_WORDS = frozenset(
    {"the", "these", "those", "its", "their", "his", "her", "our", "my", "your", "both"}
)

# Superlatives: a ranking before a number ("the three largest ports"), an adjective before a
# participle ("its worst recorded flood").
SUPERLATIVE_WORDS = frozenset(
    {"biggest", "largest", "highest", "longest", "deadliest", "strongest", "worst", "best", "most",
     "least", "greatest", "richest", "poorest", "oldest", "youngest", "busiest", "heaviest",
     "fastest", "smallest", "lowest", "tallest", "closest", "nearest", "hottest", "coldest",
     "wettest", "earliest"}
)  # fmt: skip
