"""A temporary file holding parsed rows between reading and importing, so a
large workbook is parsed once and never held in memory as a whole."""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from typing import Any

CHUNK_ROWS = 2000


class Spool:
    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self._chunk: list[Any] = []
        self._sections: dict[str, list[int]] = {}
        self._current: str | None = None

    def begin(self, section: str) -> None:
        self._flush()
        self._current = section
        self._sections[section] = []

    def append(self, row: Any) -> None:
        self._chunk.append(row)
        if len(self._chunk) >= CHUNK_ROWS:
            self._flush()

    def end(self) -> None:
        self._flush()
        self._current = None

    def _flush(self) -> None:
        if not self._chunk or self._current is None:
            return
        self._file.seek(0, 2)
        self._sections[self._current].append(self._file.tell())
        pickle.dump(self._chunk, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._chunk = []

    def rows(self, section: str) -> Iterator[Any]:
        for offset in self._sections.get(section, []):
            self._file.seek(offset)
            yield from pickle.load(self._file)

    def close(self) -> None:
        self._file.close()
