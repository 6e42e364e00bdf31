"""Fixtures for the exchange workbook tests."""

from __future__ import annotations

import pytest

from tests.conftest import make_sqlite_db
from tests.exchange.exchange_data import QuickOffice, fill


@pytest.fixture
def office(db) -> QuickOffice:
    return QuickOffice(db)


@pytest.fixture
def filled(office: QuickOffice) -> QuickOffice:
    fill(office)
    return office


@pytest.fixture
def empty_db(tmp_path, migrated_sqlite_template):
    target = tmp_path / "other"
    target.mkdir()
    database = make_sqlite_db(migrated_sqlite_template, target)
    yield database
    database.close()
