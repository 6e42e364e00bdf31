"""Bulk inserts at driver speed store exactly what the ORM would."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from vwdesk.core import models as m
from vwdesk.core.bulk import insert_rows, large_cache


def test_insert_rows_stores_dates_times_json_and_defaults(office):
    at = dt.datetime(2019, 12, 31, 23, 59, 58, 123456)
    common = {"location_id": office.location_id, "created_at": at, "updated_at": at,
              "version": 1, "created_by_id": office.teamleader.user_id,
              "updated_by_id": office.teamleader.user_id}
    clients = [{**common, "id": 9001, "number": "C1", "first_name": "ሃብቶም",
                "search_name": "ሃብቶም", "birth_date": dt.date(1990, 1, 1)},
               {**common, "id": 9002, "number": "C2", "first_name": "حسن",
                "search_name": "حسن", "birth_date": dt.date(1990, 1, 1)}]  # amv left out
    audits = [{"at": at, "user_id": office.teamleader.user_id, "location_id": office.location_id,
               "action": "create", "table_name": "clients", "row_id": 9001,
               "changes": {"first_name": [None, "ሃብቶም"], "birth_date": [None, "1990-01-01"]},
               "reason": None}]
    with office.db.session() as s, large_cache(s):
        insert_rows(s, m.Client.__table__, clients)
        insert_rows(s, m.AuditEntry.__table__, audits)
        insert_rows(s, m.AuditEntry.__table__, [])
    with office.db.session() as s:
        got = s.scalars(select(m.Client).where(m.Client.id >= 9001).order_by(m.Client.id)).all()
        entry = s.scalars(select(m.AuditEntry).where(m.AuditEntry.row_id == 9001)).one()
    assert [(c.number, c.first_name, c.birth_date, c.amv, c.created_at) for c in got] == [
        ("C1", "ሃብቶም", dt.date(1990, 1, 1), False, at),
        ("C2", "حسن", dt.date(1990, 1, 1), False, at)]
    assert entry.changes == {"first_name": [None, "ሃብቶም"], "birth_date": [None, "1990-01-01"]}


def test_large_cache_is_given_back(sqlite_db):
    with sqlite_db.session() as s:
        before = s.connection().exec_driver_sql("PRAGMA cache_size").scalar()
        with large_cache(s):
            assert s.connection().exec_driver_sql("PRAGMA cache_size").scalar() == -65536
        assert s.connection().exec_driver_sql("PRAGMA cache_size").scalar() == before


def test_insert_rows_refuses_rows_it_cannot_store_as_core_would(office):
    import pytest

    base = {"location_id": office.location_id, "number": "C9", "search_name": "x",
            "created_at": dt.datetime(2020, 1, 1), "version": 1}
    with office.db.session() as s:
        with pytest.raises(ValueError, match="updated_at has a computed default"):
            insert_rows(s, m.Client.__table__, [base])
        with pytest.raises(ValueError, match="same keys"):
            insert_rows(s, m.Client.__table__, [{**base, "updated_at": base["created_at"]},
                                                {**base, "amv": True}])
