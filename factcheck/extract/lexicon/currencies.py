"""Currencies: ISO code, the symbols and letter prefixes written before an amount, and words.

- symbols: signs glued to the amount, before it (and, for one-character signs, after it):
  "$5", "₦70m", "R$3bn", "5€".
- prefixes: letters before the amount, glued or after a space: "KSh461 billion", "Rs 5 lakh".
  A one-letter prefix ("N70 million") counts only with a scale word or thousands separator,
  so that "N95 masks" stays a name.
- words: written after the amount, any case: "1,000 pesos", "5 crore rupees".
The ISO code itself is read before and after an amount ("NGN 4bn", "4bn NGN").
"""

from __future__ import annotations

from dataclasses import dataclass

from . import word_set


@dataclass(frozen=True, slots=True)
class Currency:
    """One currency and every way an article writes it."""

    code: str
    symbols: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    words: tuple[str, ...] = ()


CURRENCIES: list[Currency] = [
    Currency("USD", ("$", "US$"), (), ("US dollars", "dollars", "dollar")),
    Currency("EUR", ("€",), (), ("euros", "euro")),
    Currency("GBP", ("£",), (), ("pounds sterling", "pound sterling", "sterling")),
    Currency("JPY", ("¥",), (), ("yen",)),
    Currency("CNY", (), (), ("yuan", "renminbi")),
    Currency("INR", ("₹",), ("Rs", "Rs."), ("rupees", "rupee")),
    Currency("ILS", ("₪",), (), ("shekels", "shekel")),
    Currency("RUB", ("₽",), (), ("roubles", "rouble", "rubles", "ruble")),
    Currency("KES", (), ("KSh", "Ksh", "KShs", "Kshs"),
             ("Kenyan shillings", "shillings", "shilling")),
    Currency("NGN", ("₦",), ("N",), ("naira",)),
    Currency("ZAR", (), (), ("rand",)),
    Currency("CHF", (), (), ("Swiss francs", "francs", "franc")),
    Currency("TRY", ("₺",), (), ("Turkish lira", "lira")),
    Currency("PLN", (), (), ("zlotys", "zloty")),
    Currency("UAH", ("₴",), (), ("hryvnias", "hryvnia")),
    Currency("THB", ("฿",), (), ("baht",)),
    Currency("AED", (), (), ("dirhams", "dirham")),
    Currency("SAR", (), (), ("riyals", "riyal")),
    Currency("BRL", ("R$",), (), ("reais", "Brazilian reals")),
    Currency("PHP", ("₱",), ("Php",), ("Philippine pesos", "pesos", "peso")),
    Currency("MXN", ("MX$",), (), ("Mexican pesos",)),
    Currency("AUD", ("A$",), (), ("Australian dollars",)),
    Currency("CAD", ("C$",), (), ("Canadian dollars",)),
    Currency("NZD", ("NZ$",), (), ()),
    Currency("HKD", ("HK$",), (), ()),
    Currency("SGD", ("S$",), (), ()),
    Currency("NOK", (), (), ("Norwegian crowns",)),
    Currency("SEK", (), (), ("Swedish crowns",)),
    Currency("DKK", (), (), ()),
    Currency("GHS", ("GH₵",), (), ("cedis",)),
]  # fmt: skip


# Money words that name no single currency ("crowns" are Danish, Norwegian, Swedish, Czech …):
# after an amount they are its unit, never what the amount measures.
MONEY_WORDS = word_set("crowns kroner kronor marks dinars øre centavos")


def by_surface() -> dict[str, str]:
    """Every symbol, prefix and code, mapped to its currency's code."""
    out: dict[str, str] = {}
    for currency in CURRENCIES:
        for surface in (*currency.symbols, *currency.prefixes, currency.code):
            out.setdefault(surface, currency.code)
    return out
