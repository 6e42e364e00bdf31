"""Dates as people type them: dd-mm-jjjj (also d-m-jjjj, with / or .), or
the eight digits ddmmjjjj."""

from __future__ import annotations

import datetime as dt
import re

_DATE = re.compile(r"^\s*(?:(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})|(\d{2})(\d{2})(\d{4}))\s*$")


def _parts(text: str) -> tuple[int, int, int] | None:
    match = _DATE.match(text or "")
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups() if g is not None)
    return day, month, year


def parse_date(text: str) -> dt.date | None:
    """The date typed, else None."""
    parts = _parts(text)
    if parts is None:
        return None
    day, month, year = parts
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def is_date_shaped(text: str) -> bool:
    """Typed like a date (dd-mm-jjjj or ddmmjjjj), whether or not the day exists."""
    return _parts(text) is not None
