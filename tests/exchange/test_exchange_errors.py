"""Bad input: a clear Dutch error naming sheet, row and column, and nothing
written."""

from __future__ import annotations

import os

import pytest

from vwdesk.cli import main
from vwdesk.exchange import (ImportCancelled, ImportFailed, apply_import, plan_import,
                             read_workbook)
from tests.exchange.exchange_data import count_rows, write_csv, write_xlsx

CLIENTS = [["nummer", "voornaam"], ["C1", "Amal"], ["C2", "Omar"]]


def problems_of(office, path) -> list[str]:
    """The problem lines of an import attempt; asserts nothing was written."""
    before = count_rows(office.db)
    try:
        data = read_workbook(path)
    except ImportFailed as exc:
        lines = exc.lines
    else:
        try:
            plan = plan_import(office.db, "Testdorp", data)
            assert not plan.ok
            with pytest.raises(ImportFailed) as err:
                apply_import(office.db, office.teamleader, plan)
            lines = err.value.lines
            assert lines == plan.problems.lines()
        finally:
            data.close()
    assert count_rows(office.db) == before
    return lines


def test_unknown_sheet(office, tmp_path):
    path = write_xlsx(tmp_path / "x.xlsx", {"clienten": CLIENTS, "klanten": [["nummer"], ["K"]]})
    [line] = problems_of(office, path)
    assert line.startswith("klanten: is geen bekend blad; gebruik de bladnamen woningen, clienten")


def test_unknown_csv_file_in_a_folder(office, tmp_path):
    write_csv(tmp_path / "m", "clienten", CLIENTS)
    write_csv(tmp_path / "m", "afspraken", [["datum"], ["1-1-2019"]])
    [line] = problems_of(office, tmp_path / "m")
    assert line.startswith("afspraken.csv: is geen bekend blad")


def test_unknown_column(office, tmp_path):
    path = write_xlsx(tmp_path / "x.xlsx", {"clienten": [["nummer", "voornaamm"], ["C1", "A"]]})
    [line] = problems_of(office, path)
    assert line == ("clienten, rij 1, kolom voornaamm: is geen bekende kolom van dit blad; "
                    "gebruik: nummer, voornaam, achternaam, geboortedatum, geslacht, "
                    "nationaliteit, woning, gehuisvest_op, gemeente, instroom, amv, telefoon, "
                    "email, notitie.")


def test_missing_required_column(office, tmp_path):
    path = write_xlsx(tmp_path / "x.xlsx", {"woningen": [["nummer", "adres"], ["W1", "Dorp 1"]]})
    [line] = problems_of(office, path)
    assert line == ("woningen, rij 1, kolom beschikbaar_op: ontbreekt; deze kolom is verplicht "
                    "in dit blad (verplicht: nummer, beschikbaar_op).")


def test_empty_required_cell(office, tmp_path):
    path = write_xlsx(tmp_path / "x.xlsx", {"clienten": [["nummer", "voornaam"], [None, "A"]]})
    assert problems_of(office, path) == [
        "clienten, rij 2, kolom nummer: is leeg; deze kolom is verplicht, vul een waarde in."]


def test_impossible_date(office, tmp_path):
    write_csv(tmp_path / "m", "clienten", CLIENTS)
    write_csv(tmp_path / "m", "dossiers", [["nummer", "client", "soort", "geopend"],
                                           ["D1", "C1", "asiel", "1-1-2019"],
                                           ["D2", "C1", "asiel", "30-02-2019"]])
    assert problems_of(office, tmp_path / "m") == [
        'dossiers.csv, rij 3, kolom geopend: "30-02-2019" is geen geldige datum; gebruik '
        'dd-mm-jjjj (bijv. 31-12-2019) of jjjj-mm-dd.']


@pytest.mark.parametrize("client,person", [("C1", "Iemand"), ("", "")])
def test_contact_with_both_client_and_person_or_neither(office, tmp_path, client, person):
    write_csv(tmp_path / "m", "clienten", CLIENTS)
    write_csv(tmp_path / "m", "contacten", [["datum", "soort", "client", "persoon"],
                                            ["1-1-2019", "spreekuur", client, person]])
    [line] = problems_of(office, tmp_path / "m")
    assert line.startswith("contacten.csv, rij 2, kolom client: een contact hoort bij een cliënt "
                           "óf bij een persoon zonder dossier")


def test_reference_to_a_client_that_does_not_exist(office, tmp_path):
    write_csv(tmp_path / "m", "clienten", CLIENTS)
    write_csv(tmp_path / "m", "contacten", [["datum", "soort", "client"],
                                            ["1-1-2019", "spreekuur", "C1"],
                                            ["1-1-2019", "spreekuur", "C9"]])
    assert problems_of(office, tmp_path / "m") == [
        'contacten.csv, rij 3, kolom client: "C9" bestaat niet in het blad clienten en ook niet '
        'bij deze locatie; gebruik het nummer van een bestaande cliënt.']


def test_coupling_with_an_unknown_coach(office, tmp_path):
    path = write_xlsx(tmp_path / "x.xlsx", {
        "koppelingen": [["nummer", "programma", "coach", "aangemeld"],
                        ["K1", "wegwijs", "V7", "1-1-2019"]]})
    [line] = problems_of(office, path)
    assert line.startswith('koppelingen, rij 2, kolom coach: "V7" bestaat niet in het blad '
                           'vrijwilligers')


def test_unknown_topic_lists_the_known_ones(office, tmp_path):
    path = write_xlsx(tmp_path / "x.xlsx", {
        "contacten": [["datum", "soort", "persoon", "onderwerpen"],
                      ["1-1-2019", "spreekuur", "P", "werk|finances"]]})
    [line] = problems_of(office, path)
    assert line.startswith('contacten, rij 2, kolom onderwerpen: "finances" is geen bekend '
                           'onderwerp; kies uit: asielprocedure, belastingen, brieven, financiën')
    assert "verblijfsvergunning" in line


def test_duplicate_nummer_in_one_sheet(office, tmp_path):
    path = write_xlsx(tmp_path / "x.xlsx", {"clienten": CLIENTS + [["C1", "Ander"]]})
    assert problems_of(office, path) == [
        'clienten, rij 4, kolom nummer: "C1" komt ook voor in rij 2; elk nummer mag maar één '
        'keer in het blad staan.']


def test_wrong_choice_number_and_rule_across_columns(office, tmp_path):
    path = write_xlsx(tmp_path / "x.xlsx", {"clienten": [
        ["nummer", "geslacht", "nationaliteit", "amv", "geboortedatum", "gehuisvest_op"],
        ["C1", "man", "Atlantis", "misschien", "1-1-2000", "1-1-1999"]]})
    assert problems_of(office, path) == [
        'clienten, rij 2, kolom geslacht: "man" is geen geldige waarde; kies uit: m, v, x.',
        'clienten, rij 2, kolom nationaliteit: "Atlantis" is geen bekende nationaliteit; gebruik '
        'een Nederlandse landnaam (bijv. Syrië), een ISO-code (bijv. SY) of staatloos.',
        'clienten, rij 2, kolom amv: "misschien" is geen ja of nee; vul ja of nee in.',
    ]
    path = write_xlsx(tmp_path / "y.xlsx", {"clienten": [
        ["nummer", "geboortedatum", "gehuisvest_op"], ["C1", "1-1-2000", "1-1-1999"]]})
    assert problems_of(office, path) == [
        "clienten, rij 2, kolom gehuisvest_op: gehuisvest op (01-01-1999) ligt vóór "
        "geboortedatum (01-01-2000); kies een datum op of na 01-01-2000."]


def test_csv_in_utf16_is_refused(office, tmp_path):
    folder = tmp_path / "m"
    write_csv(folder, "clienten", CLIENTS, encoding="utf-16")
    assert problems_of(office, folder) == [
        'clienten.csv: heeft een onbekende tekenset (bijv. UTF-16); sla het op als "CSV UTF-8" '
        'of als "CSV (gescheiden door lijstscheidingsteken)".']
    write_csv(folder, "clienten", CLIENTS, encoding="utf-16-le")  # no BOM
    assert "onbekende tekenset" in problems_of(office, folder)[0]


@pytest.mark.parametrize("name", ["leeg.xlsx", "clienten.csv"])
def test_empty_file(office, tmp_path, name):
    (tmp_path / name).write_bytes(b"")
    [line] = problems_of(office, tmp_path / name)
    assert line == f"{name}: is leeg; " + (
        "kies een werkmap met gegevens." if name.endswith("xlsx")
        else "verwijder het bestand of vul een kopregel en gegevens in.")


def test_workbook_without_data(office, tmp_path):
    path = write_xlsx(tmp_path / "x.xlsx", {"Blad1": []})
    [line] = problems_of(office, path)
    assert line.startswith("x.xlsx: bevat geen gegevens")


def test_random_bytes_named_xlsx(office, tmp_path):
    (tmp_path / "x.xlsx").write_bytes(os.urandom(4096))
    assert problems_of(office, tmp_path / "x.xlsx") == [
        "x.xlsx: is geen geldige Excel-werkmap (.xlsx); sla het bestand op als Excel-werkmap "
        "of als CSV en probeer het opnieuw."]


def test_a_value_in_a_column_without_a_name(office, tmp_path):
    path = write_xlsx(tmp_path / "x.xlsx", {"clienten": [["nummer", None], ["C1", "x"]]})
    [line] = problems_of(office, path)
    assert line.startswith('clienten, rij 2, kolom B: "x" staat in een kolom zonder')


def test_one_bad_row_imports_nothing_and_all_problems_are_listed(office, tmp_path):
    rows = [["nummer", "geboortedatum"]] + [[f"C{i}", "1-1-2000"] for i in range(10)]
    rows += [[f"X{i}", "31-31-2000"] for i in range(250)]
    lines = problems_of(office, write_xlsx(tmp_path / "x.xlsx", {"clienten": rows}))
    assert len(lines) == 201 and lines[-1] == "… en nog 50 fouten"
    assert lines[0].startswith('clienten, rij 12, kolom geboortedatum: "31-31-2000"')


def test_cancel_rolls_everything_back(office, tmp_path):
    rows = [["datum", "soort", "persoon"]] + [["1-1-2019", "spreekuur", f"P{i}"]
                                               for i in range(1200)]
    write_csv(tmp_path / "m", "contacten", rows)
    before = count_rows(office.db)
    data = read_workbook(tmp_path / "m")
    try:
        plan = plan_import(office.db, "Testdorp", data)
        calls = []
        with pytest.raises(ImportCancelled, match="Import afgebroken; er is niets gewijzigd."):
            apply_import(office.db, office.teamleader, plan,
                         cancel=lambda: calls.append(1) or len(calls) >= 2)
    finally:
        data.close()
    assert count_rows(office.db) == before


def test_cli_prints_every_problem_and_exits_2(sqlite_db, tmp_path, capsys):
    write_csv(tmp_path / "m", "clienten", CLIENTS + [["C1", "Dubbel"], ["C3", ""]])
    write_csv(tmp_path / "m", "dossiers", [["nummer", "client", "soort", "geopend"],
                                           ["D1", "C9", "asiel", "1-13-2019"]])
    code = main(["import", "--location", "Nieuw", "--database", sqlite_db.url,
                 str(tmp_path / "m")])
    err = capsys.readouterr().err.splitlines()
    assert code == 2
    assert err == [
        'clienten.csv, rij 4, kolom nummer: "C1" komt ook voor in rij 2; elk nummer mag maar één '
        'keer in het blad staan.',
        'dossiers.csv, rij 2, kolom geopend: "1-13-2019" is geen geldige datum; gebruik '
        'dd-mm-jjjj (bijv. 31-12-2019) of jjjj-mm-dd.',
        'dossiers.csv, rij 2, kolom client: "C9" bestaat niet in het blad clienten en ook niet '
        'bij deze locatie; gebruik het nummer van een bestaande cliënt.',
        "vwdesk: De werkmap bevat 3 fouten; er is niets geïmporteerd. Verbeter de fouten en "
        "importeer opnieuw.",
    ]
    assert count_rows(sqlite_db)["locations"] == 0


def test_a_volunteer_may_not_import(office, tmp_path):
    from vwdesk.core.errors import AccessDenied

    path = write_xlsx(tmp_path / "x.xlsx", {"clienten": CLIENTS})
    data = read_workbook(path)
    try:
        plan = plan_import(office.db, "Testdorp", data)
        with pytest.raises(AccessDenied):
            apply_import(office.db, office.volunteer, plan)
    finally:
        data.close()


def test_one_pass_import_stops_writing_at_a_late_problem(office, tmp_path):
    from vwdesk.exchange import import_workbook

    write_csv(tmp_path / "m", "clienten", CLIENTS)
    write_csv(tmp_path / "m", "contacten", [["datum", "soort", "client"],
                                            ["1-1-2019", "spreekuur", "C1"],
                                            ["2-1-2019", "spreekuur", "C7"]])
    before = count_rows(office.db)
    data = read_workbook(tmp_path / "m")
    try:
        with pytest.raises(ImportFailed) as err:
            import_workbook(office.db, office.teamleader, "Testdorp", data)
    finally:
        data.close()
    assert err.value.lines == [
        'contacten.csv, rij 3, kolom client: "C7" bestaat niet in het blad clienten en ook niet '
        'bij deze locatie; gebruik het nummer van een bestaande cliënt.']
    assert count_rows(office.db) == before


def test_a_year_figure_key_the_report_does_not_know_is_refused_at_import(filled, tmp_path):
    """The same rule as in the Jaarcijfers form (`app.rules`): "taakstelling"
    alone would be stored and then ignored by the report."""
    from sqlalchemy import func, select

    from vwdesk.app import Desk
    from vwdesk.app.office import Office
    from vwdesk.core import models as m

    path = write_xlsx(tmp_path / "in.xlsx", {"jaarcijfers": [
        ["jaar", "sleutel", "waarde"], [2018, "taakstelling", 27],
        [2018, "huisvesting.taakstelling", 30]]})
    desk = Desk(filled.db, filled.teamleader, filled.location_id, "Testdorp")
    plan = desk.exchange.plan_import(path, lambda done, total: None, lambda: False)
    try:
        assert not plan.ok
        [line] = plan.problems.lines()
        assert line.startswith("jaarcijfers, rij 2, kolom sleutel") and "Bedoelde u" in line
    finally:
        plan.data.close()
    with pytest.raises(ImportFailed) as failed:  # the command line's way: nothing written
        Office(filled.db, filled.teamleader).import_workbook(
            "Testdorp", path, lambda done, total: None, lambda done, total: None)
    assert "kolom sleutel" in failed.value.problems.lines()[0]
    with filled.db.session() as s:
        assert s.scalar(select(func.count()).select_from(m.YearFigure).where(
            m.YearFigure.value.in_([27, 30]))) == 0


def test_a_year_figure_stored_before_the_key_rule_does_not_block_a_reimport(filled, tmp_path):
    """Only what a workbook adds or changes is held to the key rule: re-importing
    one's own export with an old unknown key stays possible."""
    from sqlalchemy import update

    from vwdesk.app import Desk
    from vwdesk.core import models as m
    from vwdesk.exchange import export_location

    with filled.db.session() as s:  # a key stored before the rule existed
        s.execute(update(m.YearFigure).where(m.YearFigure.key == "huisvesting.personen")
                  .values(key="gehuisvest"))
    path = tmp_path / "uit.xlsx"
    export_location(filled.db, filled.teamleader, "Testdorp", path)
    desk = Desk(filled.db, filled.teamleader, filled.location_id, "Testdorp")
    plan = desk.exchange.plan_import(path, lambda done, total: None, lambda: False)
    try:
        assert plan.ok, plan.problems.lines()
    finally:
        plan.data.close()
