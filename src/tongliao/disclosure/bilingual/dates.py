"""Dates as a reader of the page's language expects them.

Chinese (GB/T 9704): 2026年3月5日. Mongolian (traditional script, as in the
Mongolian editions of Inner Mongolian government gazettes): Arabic digits with
the unit words ᠣᠨ (year), ᠰᠠᠷ᠎ᠠ (month), ᠡᠳᠦᠷ (day), in the same order —
"2026 ᠣᠨ 3 ᠰᠠᠷ᠎ᠠ 5 ᠡᠳᠦᠷ". Numbers stay Arabic digits on Mongolian pages (index
numbers, document numbers, counts), which is what those editions do too.
"""

from tongliao.disclosure.bilingual import current_language
from tongliao.disclosure.bilingual import MONGOLIAN
from tongliao.disclosure.validators import _as_date


YEAR, MONTH, DAY = "ᠣᠨ", "ᠰᠠᠷ᠎ᠠ", "ᠡᠳᠦᠷ"


def mongolian_date(value):
    """2026 ᠣᠨ 3 ᠰᠠᠷ᠎ᠠ 5 ᠡᠳᠦᠷ ("" for no date)."""
    day = _as_date(value)
    if day is None:
        return ""
    return f"{day.year} {YEAR} {day.month} {MONTH} {day.day} {DAY}"


def chinese_date(value):
    """2026年3月5日 (GB/T 9704: no leading zeros)."""
    day = _as_date(value)
    if day is None:
        return ""
    return f"{day.year}年{day.month}月{day.day}日"


def date_text(value, language=None):
    """The one date formatter of the public pages: Mongolian or Chinese by the
    page's language (default: the current request's)."""
    if language is None:
        language = current_language()
    if (language or "").lower() == MONGOLIAN:
        return mongolian_date(value)
    return chinese_date(value)
