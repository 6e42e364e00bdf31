"""Erased and anonymised values are nowhere in the SQLite file or its WAL
(issue 13, finding 2) — also with a SQLite build whose `secure_delete` is off
by default, as CPython's Windows build is: the test switches it off for every
connection before vwdesk's own settings run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import event

from vwdesk.privacy.backup import sqlite_path
from vwdesk.privacy.retention import erase_client, run_retention

SECRETS = ("Xylofoonnaam", "Quaggaberg", "0611223344", "geheim.adres@example.org",
           "vertrouwelijk-verhaal-over-brieven", "Kwispelstraat 77", "Zebravink Q.",
           # the folded name: the clients' search name and the distinct names
           # the search judges (`client_names`) and indexes; each folded word
           # (`client_name_words`, `client_words`)
           "xylofoonnaam quaggaberg", "xylofoonnaamquaggaberg", "xylofoonnaam", "quaggaberg")


def _build_default_off(db) -> None:
    db.engine.dispose()
    event.listen(db.engine, "connect",
                 lambda conn, _rec: conn.execute("PRAGMA secure_delete=OFF"), insert=True)


def _raw_bytes(path: Path) -> bytes:
    data = b""
    for name in (path, Path(f"{path}-wal")):
        if name.exists():
            data += name.read_bytes()
    return data


def test_erased_and_anonymised_values_are_not_in_the_file_or_the_wal(office_sqlite, fill_sqlite):
    db = office_sqlite.db
    _build_default_off(db)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    path = sqlite_path(db.url)
    dwelling = fill_sqlite.add("dwellings", number="W1", address="Kwispelstraat 77",
                               available_on=dt.date(2019, 1, 1))
    client = fill_sqlite.client("C1", first="Xylofoonnaam", last="Quaggaberg", phone="0611223344",
                                dwelling_id=dwelling)
    with db.session() as s:
        from vwdesk.core.services import base

        base.update(s, fill_sqlite.actor, "clients", client, 1,
                    {"email": "geheim.adres@example.org",
                     "note": "vertrouwelijk-verhaal-over-brieven"})
    fill_sqlite.contact(dt.date(2019, 3, 1), client)
    fill_sqlite.contact(dt.date(2010, 3, 1), label="Zebravink Q.")
    raw = _raw_bytes(path)
    assert all(secret.encode() in raw for secret in SECRETS)  # the test can see them

    erase_client(db, fill_sqlite.actor, client, "verzoek per brief")
    run_retention(db, fill_sqlite.actor, as_of=dt.date(2026, 1, 1))

    raw = _raw_bytes(path)
    assert [secret for secret in SECRETS if secret.encode() in raw] == []
