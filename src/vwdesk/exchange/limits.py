"""What the workbook reader accepts at most (docs/exchange.md, "Grenzen").

Each limit is far above what an office's real workbook needs and low enough
that no small hostile file can take the memory or hours: reading takes time
linear in the file and memory bounded by these numbers, whatever the input.
Going over one is a problem in Dutch naming the sheet (and the row and
column where there is one), never a crash.
"""

from __future__ import annotations

MAX_UNCOMPRESSED = 4 << 30  # all parts of an .xlsx together, unpacked (4 GB)
MAX_PART = 64 << 20  # the workbook, relationship and style parts, each
MAX_SHARED_STRINGS = 5_000_000  # distinct texts in a workbook's shared-string table
MAX_SHARED_PART = 512 << 20  # and that table's part, unpacked
MAX_COLUMNS = 16_384  # columns per row: Excel's last column is XFD
MAX_ROW_BYTES = 16 << 20  # the text of one row (.xlsx XML or .csv line), and between rows
MAX_CELL_CHARS = 32_767  # characters in one cell: Excel's own limit


class SheetError(ValueError):
    """Something in a sheet that cannot be read. `message` is Dutch and reads
    after "<blad>, rij N, kolom X:"; `row` and `column` are set where known."""

    def __init__(self, message: str, row: int | None = None, column: str | None = None):
        super().__init__(message)
        self.message, self.row, self.column = message, row, column


def dutch_int(n: int) -> str:
    """12345 as 12.345."""
    return f"{n:,}".replace(",", ".")


def columns_message() -> str:
    return (f"heeft een cel voorbij de laatste kolom die een rekenprogramma kent "
            f"({dutch_int(MAX_COLUMNS)} kolommen); het bestand is beschadigd of niet door een "
            "rekenprogramma gemaakt. Sla de werkmap opnieuw op.")


def row_message() -> str:
    return (f"heeft een rij (of ruimte tussen twee rijen) van meer dan "
            f"{MAX_ROW_BYTES >> 20} MB; een cel mag hoogstens {dutch_int(MAX_CELL_CHARS)} tekens "
            "bevatten. Maak de tekst korter of verwijder wat er na de laatste rij staat.")


def cell_message() -> str:
    return (f"is langer dan {dutch_int(MAX_CELL_CHARS)} tekens (de grens van Excel); maak de "
            "tekst korter.")
