"""Reading cell values as the workbook allows them, and writing them back.

A parser takes the raw cell (a string from a .csv, or whatever openpyxl
gives: str, int, float, bool, datetime) and returns the value to store, or
raises `BadValue` with the message "what is wrong; what would be right".
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re

from vwdesk.core.nationalities import by_code, parse_nationality
from vwdesk.exchange.limits import MAX_CELL_CHARS, cell_message

LIST_SEPARATOR = "|"
# Text a spreadsheet program would run as a formula when the .csv is opened
# (OWASP "CSV injection"): written with a ' in front, which the reader drops.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_YMD = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_TIME_SUFFIX = re.compile(r"[ T]00:00(:00(\.0+)?)?$")
# Whole numbers are stored as 32-bit integers (PostgreSQL's INTEGER).
INT_MIN, INT_MAX = -(2**31), 2**31 - 1
NOT_A_NUMBER = "is geen getal; vul een getal in, bijv. 12 of 12,5."


class BadValue(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def is_empty(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def parse_str(raw: object) -> str:
    if raw.__class__ is str:
        if len(raw) > MAX_CELL_CHARS:
            raise BadValue(cell_message())
        return raw.strip()
    if isinstance(raw, bool):
        return "ja" if raw else "nee"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        raw = raw.date() if raw.time() == dt.time() else raw
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return f"{raw:%d-%m-%Y}"
    return str(raw).strip()


def parse_text(raw: object) -> str:
    """Free text keeps its line breaks (CRLF becomes LF)."""
    if isinstance(raw, str):
        if len(raw) > MAX_CELL_CHARS:
            raise BadValue(cell_message())
        return raw.replace("\r\n", "\n").strip()
    return parse_str(raw)


def parse_date(raw: object) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    bad = BadValue("is geen geldige datum; gebruik dd-mm-jjjj (bijv. 31-12-2019) of jjjj-mm-dd.")
    if not isinstance(raw, str):
        raise bad
    text = _TIME_SUFFIX.sub("", raw.strip())
    if m := _DMY.fullmatch(text):
        day, month, year = (int(g) for g in m.groups())
    elif m := _YMD.fullmatch(text):
        year, month, day = (int(g) for g in m.groups())
    else:
        raise bad
    try:
        value = dt.date(year, month, day)
    except ValueError:
        raise bad from None
    if not 1900 <= year <= 2200:
        raise BadValue("ligt niet tussen 1900 en 2200; controleer het jaartal.")
    return value


def parse_date_or_bool(raw: object) -> dt.date | bool:
    """A date, or ja/nee (offices write `verlengd` both ways)."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, dt.date):  # a date cell (a datetime from openpyxl)
        return parse_date(raw)
    try:
        return parse_bool(raw)
    except BadValue:
        pass
    try:
        return parse_date(raw)
    except BadValue:
        raise BadValue("is geen datum en geen ja of nee; vul een datum in (dd-mm-jjjj) of ja "
                       "of nee.") from None


def months_later(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day if it is shorter)."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def parse_bool(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in ("ja", "j", "1", "waar"):
        return True
    if text in ("nee", "n", "0", "onwaar"):
        return False
    raise BadValue("is geen ja of nee; vul ja of nee in.")


def _number(raw: object) -> float:
    """A finite number (inf and nan are no numbers a user typed)."""
    if isinstance(raw, bool):
        raise BadValue(NOT_A_NUMBER)
    if isinstance(raw, int | float):
        try:
            value = float(raw)
        except OverflowError:  # an integer beyond any float
            raise BadValue(NOT_A_NUMBER) from None
        if not math.isfinite(value):
            raise BadValue(NOT_A_NUMBER)
        return value
    text = str(raw).strip().replace(" ", "").replace("\u00a0", "")
    if len(text) > 64:
        raise BadValue(NOT_A_NUMBER)
    if "," in text and "." in text:  # 1.234,5 (Dutch) or 1,234.5 (English)
        text = text.replace(".", "").replace(",", ".") if text.rfind(",") > text.rfind(".") \
            else text.replace(",", "")
    else:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        raise BadValue(NOT_A_NUMBER) from None
    if not math.isfinite(value):
        raise BadValue(NOT_A_NUMBER)
    return value


def parse_int(raw: object) -> int:
    if raw.__class__ is int and INT_MIN <= raw <= INT_MAX:
        return raw
    try:
        value = _number(raw)
    except BadValue:
        raise BadValue("is geen geheel getal; vul een geheel getal in, bijv. 3.") from None
    if not value.is_integer():
        raise BadValue("is geen geheel getal; vul een geheel getal in, bijv. 3.")
    if not INT_MIN <= value <= INT_MAX:
        raise BadValue("is te groot; vul een getal in van hoogstens 2.147.483.647.")
    return int(value)


def parse_float(raw: object) -> float:
    return _number(raw)


def parse_choice(raw: object, choices: tuple[str, ...]) -> str:
    text = parse_str(raw).lower()
    if text in choices:
        return text
    raise BadValue(f"is geen geldige waarde; kies uit: {', '.join(choices)}.")


def parse_nationality_cell(raw: object) -> str:
    code = parse_nationality(parse_str(raw))
    if code is None:
        raise BadValue("is geen bekende nationaliteit; gebruik een Nederlandse landnaam "
                       "(bijv. Syrië), een ISO-code (bijv. SY) of staatloos.")
    return code


def parse_list(raw: object) -> list[str]:
    return [p.strip() for p in parse_str(raw).split(LIST_SEPARATOR) if p.strip()]


# Writing -------------------------------------------------------------------

def nationality_name(code: str | None) -> str | None:
    if not code:
        return None
    found = by_code(code)
    return found.country if found else code


def csv_text(value: object) -> str:
    """A value as a Dutch spreadsheet program writes it in a .csv."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.date):
        return f"{value:%d-%m-%Y}"
    if isinstance(value, float):
        return (str(int(value)) if value.is_integer() else repr(value)).replace(".", ",")
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return str(value)


def csv_cell(text: str) -> str:
    """A .csv cell as read: the ' that `csv_text` put before text starting
    like a formula is dropped."""
    return text[1:] if text[:1] == "'" and text[1:2] and text[1:].startswith(FORMULA_START) \
        else text
