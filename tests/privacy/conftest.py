"""Fixtures for the privacy tests."""

from __future__ import annotations

import pytest
from privacy_helpers import Filler, SqliteOffice


@pytest.fixture
def fill(office) -> Filler:
    return Filler(office)


@pytest.fixture
def office_sqlite(sqlite_db) -> SqliteOffice:
    return SqliteOffice(sqlite_db)


@pytest.fixture
def fill_sqlite(office_sqlite) -> Filler:
    return Filler(office_sqlite)
