"""Problems found in a workbook, and the error that carries them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vwdesk.core.errors import VwdeskError

MAX_PROBLEMS = 200


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a workbook. `row` is the row number the user sees
    in the spreadsheet (the header is row 1); `message` says what is wrong
    and what would be right, e.g. "is geen geldige datum; gebruik dd-mm-jjjj"."""

    sheet: str
    row: int | None
    column: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = self.sheet
        if self.row is not None:
            where += f", rij {self.row}"
        if self.column:
            where += f", kolom {self.column}"
        if self.value is not None:
            return f"{where}: \"{self.value}\" {self.message}"
        return f"{where}: {self.message}"


class Problems:
    """Collects problems up to MAX_PROBLEMS and counts the rest."""

    def __init__(self, limit: int = MAX_PROBLEMS):
        self.limit = limit
        self.items: list[Problem] = []
        self.more = 0

    def add(self, sheet: str, row: int | None, column: str | None, value: object,
            message: str) -> None:
        if len(self.items) >= self.limit:
            self.more += 1
            return
        self.items.append(Problem(sheet, row, column, show(value) if value is not None else None,
                                  message))

    def extend(self, other: Problems) -> None:
        for p in other.items:
            self.add(p.sheet, p.row, p.column, p.value, p.message)
        self.more += other.more

    def __bool__(self) -> bool:
        return bool(self.items) or self.more > 0

    def __len__(self) -> int:
        return len(self.items) + self.more

    def lines(self) -> list[str]:
        out = [str(p) for p in self.items]
        if self.more:
            out.append(f"… en nog {self.more} fouten")
        return out


def show(value: object) -> str:
    """A cell value as the user would recognise it (short, one line)."""
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return f"{value:%d-%m-%Y}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    return text if len(text) <= 60 else text[:57] + "…"


class ImportFailed(VwdeskError):
    """The workbook cannot be imported; `problems` lists every problem found
    (up to a limit). Nothing was written."""

    def __init__(self, problems: Problems):
        self.problems = problems
        n = len(problems)
        word = "fout" if n == 1 else "fouten"
        super().__init__(
            f"De werkmap bevat {n} {word}; er is niets geïmporteerd. Verbeter de "
            f"{word} en importeer opnieuw.")

    @property
    def lines(self) -> list[str]:
        return self.problems.lines()


class ImportCancelled(VwdeskError):
    def __init__(self) -> None:
        super().__init__("Import afgebroken; er is niets gewijzigd.")
