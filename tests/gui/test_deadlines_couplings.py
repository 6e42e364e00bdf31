"""Deadlines (with the count in the main window), couplings per programme,
and the plain records-driven lists."""

from __future__ import annotations

import datetime as dt

from deskutil import add_client, combo_text_fits, settle, show_active
from PySide6.QtCore import Qt
from sqlalchemy import select

from vwdesk.core import models as m
from vwdesk.core.services import base, couplings
from vwdesk.gui.couplings_view import CouplingDialog, CouplingsView
from vwdesk.gui.deadlines_view import OVERDUE, SOON, DeadlinesView
from vwdesk.gui.main_window import MainWindow
from vwdesk.gui.records_view import RecordsView

TODAY = dt.date.today()


def add_dossiers(office, client_id):
    with office.db.session() as s:
        for number, days in (("D1", 40), ("D2", 5), ("D3", -3)):
            base.create(s, office.volunteer, "dossiers", office.location_id, {
                "number": number, "client_id": client_id, "kind": "gezinshereniging",
                "opened_on": TODAY - dt.timedelta(days=90), "deadline": TODAY + dt.timedelta(days=days)})


def test_empty_deadline_lists_say_why(qtbot, office, volunteer):
    view = DeadlinesView(volunteer)
    show_active(qtbot, view)
    with qtbot.waitSignal(view.counted):
        view.refresh()
    assert view.no_dossiers.isVisible() and "No open dossier has a deadline" in view.no_dossiers.text()
    assert view.no_evaluations.isVisible()
    add_dossiers(office, add_client(office, "1", "Sara", "Tekle"))
    with qtbot.waitSignal(view.counted):
        view.refresh()
    assert not view.no_dossiers.isVisible() and view.no_evaluations.isVisible()


def test_deadlines_view_orders_and_highlights(qtbot, office, volunteer):
    add_dossiers(office, add_client(office, "1", "Sara", "Tekle"))
    view = DeadlinesView(volunteer)
    show_active(qtbot, view)
    with qtbot.waitSignal(view.counted) as counted:
        view.refresh()
    [counts] = counted.args
    assert (counts.dossiers_overdue, counts.dossiers_soon) == (1, 1)
    model = view.dossiers.model()
    assert [model.index(r, 1).data() for r in range(3)] == ["D3", "D2", "D1"]
    assert model.headerData(4, Qt.Orientation.Horizontal) == "Until the deadline"
    assert [model.index(r, 4).data() for r in range(3)] == ["3 days late", "5 days", "40 days"]
    background = Qt.ItemDataRole.BackgroundRole
    assert model.index(0, 0).data(background).color() == OVERDUE
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()  # overdue
    assert model.index(1, 0).data(background).color() == SOON
    assert model.index(2, 0).data(background) is None


def test_main_window_shows_the_deadline_count_at_start(qtbot, office, volunteer):
    add_dossiers(office, add_client(office, "1", "Sara", "Tekle"))
    window = MainWindow(volunteer)
    show_active(qtbot, window)
    qtbot.waitUntil(lambda: window.deadline_label.text() != "")
    assert window.deadline_label.text() == "Deadlines: 1 passed, 1 within 14 days"
    assert "8a0010" in window.deadline_label.styleSheet()  # red: a deadline has passed
    assert window.tabs.tabText(window.tabs.indexOf(window.deadlines)) == "Deadlines (2)"
    settle(qtbot, volunteer)


def test_couplings_sign_up_match_and_start(qtbot, office, teamleader):
    client_id = add_client(office, "1", "Sara", "Tekle")
    with office.db.session() as s:
        base.create(s, office.teamleader, "volunteers", office.location_id, {
            "number": "5", "first_name": "Kees", "kind": "vrijwilliger", "team": "taalcoach",
            "start": TODAY - dt.timedelta(days=300)})
        base.create(s, office.teamleader, "volunteers", office.location_id, {
            "number": "6", "first_name": "Anna", "kind": "vrijwilliger", "team": "wegwijs",
            "start": TODAY - dt.timedelta(days=300)})
    view = CouplingsView(teamleader)
    show_active(qtbot, view)
    settle(qtbot, teamleader)
    view.programme.setCurrentIndex(view.programme.findText("Taalcoach"))
    qtbot.waitUntil(lambda: combo_text_fits(view.programme))  # not "Taalcoac"
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dialog: CouplingDialog = view.dialog
    settle(qtbot, teamleader)
    coach = dialog.form.widgets["coach_id"]
    assert [coach.itemText(i) for i in range(coach.count())] == ["", "Kees"]  # taalcoach team only
    dialog.form.widgets["client_id"].set_client(client_id)
    dialog.form.widgets["signed_up_on"].set_date(TODAY - dt.timedelta(days=120))
    dialog.save()
    settle(qtbot, teamleader)
    assert view.summary.text() == "1 waiting, 0 running, 0 ended"
    overview = {view.table.item(r, 0).text(): [view.table.item(r, c).text() for c in (1, 2, 3)]
                for r in range(view.table.rowCount())}
    assert overview == {"Taalcoach": ["1", "0", "0"], "Wegwijs": ["0", "0", "0"]}
    assert view.panel.tables["wachtend"].item(0, 1).text() == "Sara Tekle (1)"
    # Match with a coach and start: the evaluations become due.
    view.panel.edit("wachtend", 0)
    dialog = view.panel.dialog
    settle(qtbot, teamleader)
    dialog.form.widgets["coach_id"].setCurrentIndex(1)
    start = TODAY - dt.timedelta(days=95)
    dialog.form.widgets["started_on"].set_date(start)
    dialog.form.widgets["started_on"].editingFinished.emit()
    assert couplings.add_months(start, 3).strftime("%d-%m-%Y") in dialog.due.text()
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    settle(qtbot, teamleader)
    assert view.summary.text() == "0 waiting, 1 running, 0 ended"
    with office.db.session() as s:
        [reminder] = couplings.reminders(s, office.teamleader, office.location_id)
    assert reminder.coach == "Kees" and reminder.evaluation == "3m"
    # Ending without a result is refused beside the field; the typed date stays.
    view.panel.edit("lopend", 0)
    dialog = view.panel.dialog
    settle(qtbot, teamleader)
    dialog.form.widgets["ended_on"].set_date(TODAY)
    dialog.save()
    settle(qtbot, teamleader)
    assert "resultaat" in dialog.form.errors["result"].text()
    assert dialog.form.widgets["ended_on"].text() == TODAY.strftime("%d-%m-%Y")


def test_records_view_by_role(qtbot, office, volunteer, teamleader):
    volunteer_view = RecordsView(volunteer, "volunteers")
    qtbot.addWidget(volunteer_view)
    assert not volunteer_view.new_button.isVisibleTo(volunteer_view)  # teamleader only
    dwellings = RecordsView(volunteer, "dwellings")
    qtbot.addWidget(dwellings)
    assert dwellings.new_button.isVisibleTo(dwellings)

    view = RecordsView(teamleader, "year_figures")
    show_active(qtbot, view)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    form = view.dialog.form
    settle(qtbot, teamleader)
    form.widgets["year"].setText("2024")
    form.widgets["key"].set_value("doel.spreekuur.contacten")
    form.widgets["value"].setText("1200")
    form.widgets["mode"].setCurrentIndex(form.widgets["mode"].findData("vervangt"))
    view.dialog.save()
    settle(qtbot, teamleader)
    assert "toelichting" in form.errors["note"].text()
    form.widgets["note"].setPlainText("telling van de gemeente")
    view.dialog.save()
    settle(qtbot, teamleader)
    assert view.table.rowCount() == 1 and view.table.item(0, 2).text() == "1200"
    assert view.table.item(0, 1).text().startswith("Doel (prestatieafspraak) voor: Contacten")  # the key in words
    assert view.table.item(0, 1).toolTip() == "doel.spreekuur.contacten"
    with office.db.session() as s:
        assert s.scalar(select(m.YearFigure.value)) == 1200


def test_new_record_form_shows_model_defaults_and_survives_a_database_fault(
        qtbot, office, teamleader, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from vwdesk.core.services import base as base_service
    from vwdesk.gui.record_form import RecordDialog

    dialog = RecordDialog(teamleader, "year_figures")
    show_active(qtbot, dialog)
    settle(qtbot, teamleader)
    form = dialog.form
    assert form.widgets["mode"].currentData() == "invoer"
    form.widgets["year"].setText("2024")
    form.widgets["key"].setText("doel.spreekuur.contacten")
    form.widgets["value"].setText("12,5")

    def gone(*args, **kwargs):
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(base_service, "create", gone)
    dialog.save()
    settle(qtbot, teamleader)
    assert "OperationalError" in form.banner.text() and "niets opgeslagen" in form.banner.text()
    assert dialog.isVisible() and form.widgets["value"].text() == "12,5"
    monkeypatch.undo()
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    with office.db.session() as s:
        figure = s.scalar(select(m.YearFigure))
    assert (figure.value, figure.mode) == (12.5, "invoer")


def test_overdue_evaluations_are_not_deadlines_within_14_days(qtbot, office, teamleader):
    """Twelve evaluations years overdue are said as such, not as twelve
    deadlines coming soon in red."""
    with office.db.session() as s:
        programme = s.scalar(select(m.Programme.id))
        for n in range(12):
            base.create(s, office.teamleader, "couplings", office.location_id, {
                "number": f"K{n}", "programme_id": programme,
                "signed_up_on": TODAY - dt.timedelta(days=1200),
                "started_on": TODAY - dt.timedelta(days=1100)})
    window = MainWindow(teamleader)
    show_active(qtbot, window)
    qtbot.waitUntil(lambda: window.deadline_label.text() != "")
    assert window.deadline_label.text() == "Evaluations: 12 overdue, 0 within 14 days"
    assert "8a0010" not in window.deadline_label.styleSheet()
    assert window.tabs.tabText(window.tabs.indexOf(window.deadlines)) == "Deadlines"
    settle(qtbot, teamleader)


def test_a_deadline_already_past_is_asked_once(qtbot, office, volunteer):
    from vwdesk.gui.record_dialogs import DossierDialog

    client_id = add_client(office, "1", "Sara", "Tekle")
    dialog = DossierDialog(volunteer, None, {"client_id": client_id})
    show_active(qtbot, dialog)
    settle(qtbot, volunteer)
    form = dialog.form
    form.widgets["kind"].setCurrentIndex(form.widgets["kind"].findData("gezinshereniging"))
    form.widgets["opened_on"].set_date(TODAY - dt.timedelta(days=60))
    form.widgets["deadline"].set_date(TODAY - dt.timedelta(days=2))
    dialog.save()
    settle(qtbot, volunteer)
    assert "has passed already" in form.banner.text() and dialog.isVisible()
    with office.db.session() as s:
        assert s.scalar(select(m.Dossier.id)) is None
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(form.widgets["deadline"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with office.db.session() as s:
        assert s.scalar(select(m.Dossier.deadline)) == TODAY - dt.timedelta(days=2)


def test_ctrl_s_twice_saves_once(qtbot, office, teamleader):
    from vwdesk.gui.record_dialogs import record_dialog

    client_id = add_client(office, "1", "Sara", "Tekle")
    dialog = record_dialog(teamleader, "trajectories", None, {"client_id": client_id})
    show_active(qtbot, dialog)
    settle(qtbot, teamleader)
    form = dialog.form
    form.widgets["kind"].setCurrentIndex(1)
    form.widgets["start"].set_date(TODAY)
    form.widgets["start"].setFocus()
    for _ in range(2):  # trajectories have no number that would refuse the second
        qtbot.keyClick(form.widgets["start"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, teamleader)
    with office.db.session() as s:
        assert len(s.scalars(select(m.Trajectory)).all()) == 1


def test_year_figures_are_chosen_in_words_and_unknown_keys_refused(qtbot, office, teamleader):
    from vwdesk.gui.record_dialogs import YearFigureDialog

    dialog = YearFigureDialog(teamleader)
    show_active(qtbot, dialog)
    settle(qtbot, teamleader)
    chooser = dialog.key_chooser
    offered = {chooser.itemData(i): chooser.itemText(i) for i in range(chooser.count())}
    assert offered["huisvesting.taakstelling"].startswith("Het aantal te huisvesten")
    assert not any("." in text.split("(")[-1] for text in offered.values())  # words, no keys
    assert len(set(offered.values())) == len(offered)  # each figure reads apart
    index = chooser.findData("doel.koppelingen.taalcoach.gestart")
    assert "programma taalcoach" in chooser.itemText(index)
    assert chooser.itemData(index, Qt.ItemDataRole.ToolTipRole) == \
        "doel.koppelingen.taalcoach.gestart"
    for view in (chooser.view(), chooser.completer().popup()):  # wide enough, cut at the end
        assert view.textElideMode() == Qt.TextElideMode.ElideRight
        longest = max(view.fontMetrics().horizontalAdvance(t) for t in offered.values())
        assert view.minimumWidth() >= min(longest, chooser.screen().availableGeometry().width()
                                          * 3 // 4)
    form = dialog.form
    form.widgets["year"].setText("2024")
    form.widgets["value"].setText("50")
    chooser.lineEdit().selectAll()
    chooser.lineEdit().setFocus()
    qtbot.keyClicks(chooser.lineEdit(), "taakstelling")  # as a teamleader would type it
    qtbot.keyClick(chooser.lineEdit(), Qt.Key.Key_Return)  # part of several: the list opens
    popup = chooser.completer().popup()
    assert popup.isVisible() and popup.model().rowCount() >= 2
    assert chooser.currentText() == "taakstelling" and not form.errors["key"].isVisible()
    popup.hide()
    settle(qtbot, teamleader)
    with office.db.session() as s:  # Enter took no figure that merely holds the word
        assert s.scalar(select(m.YearFigure.id)) is None
    dialog.save()
    settle(qtbot, teamleader)
    assert "Bedoelde u \"huisvesting.taakstelling\"?" in form.errors["key"].text()
    with office.db.session() as s:
        assert s.scalar(select(m.YearFigure.id)) is None
    qtbot.keyClick(chooser.lineEdit(), Qt.Key.Key_Return)  # the list again: choose in it
    assert popup.isVisible()
    for _ in range(popup.model().rowCount()):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        if popup.currentIndex().data(Qt.ItemDataRole.ToolTipRole) == "huisvesting.taakstelling":
            break
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert chooser.value() == "huisvesting.taakstelling"
    qtbot.waitUntil(lambda: chooser.currentText() == offered["huisvesting.taakstelling"])
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    with office.db.session() as s:
        assert s.scalar(select(m.YearFigure.key)) == "huisvesting.taakstelling"
