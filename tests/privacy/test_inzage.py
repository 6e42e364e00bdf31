"""Inzageverzoek (issue point 3): PDF and JSON of everything about one client."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess

import pytest
from sqlalchemy import select

from vwdesk.core import models as m
from vwdesk.core.errors import AccessDenied, NotFound, VwdeskError
from vwdesk.privacy.access import ACCESS_REASONS, record_page_open
from vwdesk.privacy.inzage import find_client, write_inzage

D = dt.date


@pytest.fixture
def client_file(office, fill):
    cid = fill.client("K-77", first="Mariam", last="Yusuf", housed_on=D(2022, 3, 1))
    other = fill.client("K-78", first="Ander", last="Iemand")
    fill.topics(fill.contact(D(2023, 1, 10), client_id=cid), "werk", "brieven")
    fill.contact(D(2023, 2, 1), client_id=other)
    fill.add("dossiers", number="D-1", client_id=cid, kind="naturalisatie",
             opened_on=D(2023, 1, 10))
    with office.db.session() as s:
        prog = s.scalar(select(m.Programme.id).where(m.Programme.key == "taalcoach"))
    fill.add("couplings", number="KP-1", programme_id=prog, client_id=cid,
             signed_up_on=D(2023, 1, 1))
    record_page_open(office.db, office.volunteer, cid, ACCESS_REASONS[0])
    return cid


def test_json_holds_everything_about_the_client_only(office, client_file, tmp_path):
    with office.db.session() as s:
        assert find_client(s, office.teamleader, "Testdorp", "K-77") == client_file
        with pytest.raises(NotFound):
            find_client(s, office.teamleader, "Testdorp", "K-99")
    out = write_inzage(office.db, office.teamleader, client_file, tmp_path / "inzage.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "vwdesk-inzage-1"
    assert data["client"]["first_name"] == "Mariam" and data["client"]["phone"] == "0612345678"
    assert [c["date"] for c in data["contacts"]] == ["2023-01-10"]
    assert data["contacts"][0]["topics"] == ["brieven", "werk"]
    assert data["contacts"][0]["note"] == "besproken: toeslagen"
    assert data["dossiers"][0]["kind"] == "naturalisatie"
    assert data["couplings"][0]["programme_id"] == "Taalcoach"
    assert data["access"][0]["reason"] == ACCESS_REASONS[0]
    assert {h["table"] for h in data["history"]} == {"clients", "contacts", "dossiers",
                                                     "couplings"}
    assert "Ander" not in out.read_text(encoding="utf-8")
    with office.db.session() as s:
        assert s.scalar(select(m.AuditEntry.reason).where(m.AuditEntry.action == "export")) == \
            "inzage (json)"


def test_pdf_is_readable(office, client_file, tmp_path):
    out = write_inzage(office.db, office.teamleader, client_file, tmp_path / "inzage.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
        for expected in ("Inzage persoonsgegevens", "Mariam", "Syrië", "10-01-2023",
                         "Spreekuur / bezoek van de cliënt", "naturalisatie"):
            assert expected in text


def test_only_a_teamleader_and_only_pdf_or_json(office, client_file, tmp_path):
    with pytest.raises(AccessDenied):
        write_inzage(office.db, office.volunteer, client_file, tmp_path / "x.json")
    with pytest.raises(VwdeskError):
        write_inzage(office.db, office.teamleader, client_file, tmp_path / "x.txt")


def test_a_visit_is_made_once_and_the_pdf_speaks_words_in_local_time(office, fill, tmp_path):
    from vwdesk.core.errors import local_time
    from vwdesk.core.services import contacts

    cid = fill.client("K-80", first="Sara", last="Tekle", gender="v")
    with office.db.session() as s:
        topic = contacts.topics(s)[0]
        contacts.register(s, office.volunteer, office.location_id,
                          {"date": D(2024, 5, 6), "kind": "spreekuur", "client_id": cid},
                          [topic[0]])
    out = write_inzage(office.db, office.teamleader, cid, tmp_path / "inzage.json")
    history = json.loads(out.read_text(encoding="utf-8"))["history"]
    visit = [h for h in history if h["table"] == "contacts"]
    assert [h["action"] for h in visit] == ["create"] and "topics" in visit[0]["fields"]
    if shutil.which("pdftotext"):
        pdf = write_inzage(office.db, office.teamleader, cid, tmp_path / "inzage.pdf")
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                              text=True).stdout
        assert "vrouw" in text and "UTC" not in text and "contact gewijzigd" not in text
        with office.db.session() as s:
            made = s.scalar(select(m.AuditEntry.at).where(m.AuditEntry.table_name == "contacts"))
        assert f"{local_time(made):%d-%m-%Y %H:%M}" in text
