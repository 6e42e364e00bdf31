"""Reading workbooks as users and spreadsheet programs write them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from vwdesk.cli import main
from vwdesk.core import models as m
from vwdesk.core.services.users import SYSTEM
from vwdesk.exchange import apply_import, plan_import, read_workbook
from tests.exchange.exchange_data import write_csv, write_xlsx


def run_import(db, location, path, actor=SYSTEM):
    data = read_workbook(path)
    try:
        plan = plan_import(db, location, data)
        assert plan.ok, plan.problems.lines()
        return apply_import(db, actor, plan)
    finally:
        data.close()


def test_cli_imports_a_folder_written_by_a_dutch_spreadsheet_program(sqlite_db, tmp_path, capsys):
    folder = tmp_path / "export uit Excel"
    write_csv(folder, "clienten", [
        ["nummer", "voornaam", "achternaam", "geboortedatum", "geslacht", "nationaliteit",
         "woning", "gehuisvest_op", "gemeente", "instroom", "amv"],
        ["2019-001", "Sémira", "Tesfaï", "1-2-1990", "v", "Eritrea", "W-1", "31-12-2019",
         "Maassluis", "nareiziger", "nee"],
        ["2019-002", "René", "Ångström", "", "m", "Syrië", "", "", "", "", "ja"],
    ])
    write_csv(folder, "woningen", [["nummer", "adres", "gemeente", "type", "beschikbaar_op"],
                                   ["W-1", "Kerkstraat 1", "Maassluis", "eengezins", "01-01-2019"]])
    write_csv(folder, "contacten", [
        ["datum", "soort", "client", "persoon", "onderwerpen", "duur_minuten", "notitie"],
        ["02-01-2019", "spreekuur", "2019-001", "", "Financiën | brieven", "15",
         "Vraag over toeslag;\r\nbrief meegegeven"],
        ["03-01-2019", "spreekuur", "", "Man met pet", "huisvesting", "", ""],
    ])
    assert b"\xe9" in (folder / "clienten.csv").read_bytes()  # cp1252, not UTF-8
    code = main(["import", "--location", "Maassluis", "--database", sqlite_db.url, str(folder)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "Locatie Maassluis aangemaakt." in out
    assert "contacten: 2 nieuw, 0 gewijzigd, 0 ongewijzigd" in out
    with sqlite_db.session() as s:
        c = s.scalar(select(m.Client).where(m.Client.number == "2019-001"))
        assert (c.first_name, c.birth_date, c.nationality) == ("Sémira", dt.date(1990, 2, 1), "ER")
        assert c.housed_on == dt.date(2019, 12, 31) and c.amv is False
        assert s.get(m.Dwelling, c.dwelling_id).number == "W-1"
        r = s.scalar(select(m.Client).where(m.Client.number == "2019-002"))
        assert r.last_name == "Ångström" and r.amv is True and r.search_name == "rene angstrom"
        visit = s.scalar(select(m.Contact).where(m.Contact.client_id == c.id))
        assert [t.name for t in visit.topics] == ["brieven", "financiën"]
        assert visit.note == "Vraag over toeslag;\nbrief meegegeven"
        anon = s.scalar(select(m.Contact).where(m.Contact.person_label == "Man met pet"))
        assert anon.client_id is None
    # A second run changes nothing.
    assert main(["import", "--location", "Maassluis", "--database", sqlite_db.url,
                 str(folder)]) == 0
    assert "contacten: 0 nieuw, 0 gewijzigd, 2 ongewijzigd" in capsys.readouterr().out


def test_utf8_with_bom_comma_separator_iso_dates_and_loose_header_names(office, tmp_path):
    folder = tmp_path / "map"
    write_csv(folder, "Cliënten", [[" Nummer ", "VOORNAAM", "Geboorte datum", "Gehuisvest op"],
                                   ["A1", "حسن", "1980-01-01", "2018-12-31"]],
              encoding="utf-8-sig", sep=",", newline="\n")
    write_csv(folder, "vrijwilligers", [["nummer", "soort", "start", "uren_per_week"],
                                        ["V1", "vrijwilliger", "1-1-2018", "12,5"]],
              encoding="utf-8")
    run_import(office.db, "Testdorp", folder, office.teamleader)
    with office.db.session() as s:
        c = s.scalar(select(m.Client).where(m.Client.number == "A1"))
        vol = s.scalar(select(m.Volunteer).where(m.Volunteer.number == "V1"))
    assert (c.first_name, c.birth_date, c.housed_on) == ("حسن", dt.date(1980, 1, 1),
                                                          dt.date(2018, 12, 31))
    assert vol.hours_per_week == 12.5


def test_xlsx_with_real_date_cells_booleans_lists_and_number_cells(office, tmp_path):
    path = write_xlsx(tmp_path / "in.xlsx", {
        "Clienten": [["nummer", "geboortedatum", "amv", "telefoon"],
                     [101, dt.datetime(2001, 12, 31), "ja", "0612345678"],
                     [],  # an empty row in between is skipped
                     ["102", dt.date(1999, 1, 1), False, None]],
        "contacten": [["datum", "soort", "client", "onderwerpen"],
                      [dt.datetime(2019, 1, 1), "Spreekuur", 101, "werk|onderwijs|werk"]],
        "Blad1": [],  # the empty sheet a new workbook has is ignored
    })
    run_import(office.db, "Testdorp", path, office.teamleader)
    with office.db.session() as s:
        a = s.scalar(select(m.Client).where(m.Client.number == "101"))
        b = s.scalar(select(m.Client).where(m.Client.number == "102"))
        visit = s.scalar(select(m.Contact))
        assert visit.kind == "spreekuur" and [t.name for t in visit.topics] == ["onderwijs", "werk"]
    assert (a.birth_date, a.amv, a.phone) == (dt.date(2001, 12, 31), True, "0612345678")
    assert (b.birth_date, b.amv) == (dt.date(1999, 1, 1), False)


def test_problems_name_the_row_as_the_user_sees_it(office, tmp_path):
    path = write_xlsx(tmp_path / "in.xlsx", {
        "dossiers": [["nummer", "client", "soort", "geopend"],
                     ["D1", "C1", "asiel", "01-01-2019"],
                     [None, None, None, None],
                     ["D2", "C1", "asiel", "30-02-2019"]],
        "clienten": [["nummer"], ["C1"]],
    })
    data = read_workbook(path)
    try:
        lines = plan_import(office.db, "Testdorp", data).problems.lines()
    finally:
        data.close()
    assert lines == ['dossiers, rij 4, kolom geopend: "30-02-2019" is geen geldige datum; '
                     'gebruik dd-mm-jjjj (bijv. 31-12-2019) of jjjj-mm-dd.']


def test_progress_is_reported_while_reading_and_importing(office, tmp_path):
    rows = [["datum", "soort", "persoon"]] + [[f"{1 + i % 28}-1-2019", "spreekuur", f"P{i}"]
                                               for i in range(1500)]
    folder = tmp_path / "map"
    write_csv(folder, "contacten", rows)
    seen = []
    data = read_workbook(folder, progress=lambda d, t: seen.append(("read", d, t)))
    try:
        plan = plan_import(office.db, "Testdorp", data)
        apply_import(office.db, office.teamleader, plan,
                     progress=lambda d, t: seen.append(("write", d, t)))
    finally:
        data.close()
    reads = [x for x in seen if x[0] == "read"]
    writes = [x for x in seen if x[0] == "write"]
    assert reads[-1][1] == reads[-1][2] > 0 and len(reads) > 2
    assert [d for _, d, _ in reads] == sorted(d for _, d, _ in reads)
    assert writes[-1][1:] == (1500, 1500) and len(writes) >= 3
