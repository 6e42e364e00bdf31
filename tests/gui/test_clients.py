"""The client list, creating and editing a client, the client's page."""

from __future__ import annotations

import datetime as dt

from deskutil import add_client, cell, open_page, settle, show_active, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import func, insert, select

from vwdesk.app import Desk
from vwdesk.core import models as m
from vwdesk.core.services import base, contacts
from vwdesk.core.services.locations import create_location
from vwdesk.core.services.users import SYSTEM, actor_for, create_user
from vwdesk.gui.client_form import ClientDialog
from vwdesk.gui.client_page import ClientPage
from vwdesk.gui.clients_view import ClientsView
from vwdesk.gui.main_window import MainWindow
from vwdesk.gui.workspace import Workspace


def test_search_as_you_type(qtbot, office, volunteer):
    add_client(office, "101", "Omar", "Al-Hassan", dt.date(1990, 5, 1))
    add_client(office, "102", "حسن", "علي")
    add_client(office, "103", "ሃብቶም", "Tesfay", dt.date(2001, 1, 2))
    view = ClientsView(volunteer)
    show_active(qtbot, view)
    qtbot.waitUntil(lambda: view.shown_query == "")  # the full list loads off the GUI thread
    assert view.model.rowCount() == 3
    for query, expected in (("hassan", "Omar Al-Hassan"), ("Al Hassan", "Omar Al-Hassan"),
                            ("حسن", "حسن علي"), ("ሃብቶም", "ሃብቶም Tesfay"),
                            ("02-01-2001", "ሃብቶም Tesfay"), ("102", "حسن علي")):
        view.search.clear()
        type_text(qtbot, view.search, query)
        qtbot.waitUntil(lambda: view.shown_query == query)
        assert view.model.rowCount() == 1
        assert cell(qtbot, view.model, 0, 1) == expected
    view.search.clear()
    qtbot.keyClicks(view.search, "niemand")
    qtbot.waitUntil(lambda: view.shown_query == "niemand")
    assert view.model.rowCount() == 0
    assert view.count.text() == "0 client(s)"


def test_list_fetches_only_what_is_shown(qtbot, office, volunteer):
    with office.db.session() as s:
        s.execute(insert(m.Client), [
            {"location_id": office.location_id, "number": str(1000 + i), "first_name": f"Naam{i}",
             "last_name": "Test", "search_name": f"naam{i} test"} for i in range(3000)])
    view = ClientsView(volunteer)
    view.resize(800, 500)
    show_active(qtbot, view)
    qtbot.waitUntil(lambda: view.shown_query == "")
    assert view.model.rowCount() == 3000
    cell(qtbot, view.model, 0, 0)
    shown = view.model.rows_fetched
    assert 0 < shown <= 2 * view.model.PAGE_SIZE
    bar = view.table.verticalScrollBar()
    for value in range(0, bar.maximum(), bar.pageStep()):
        bar.setValue(value)
        qtbot.wait(1)
        settle(qtbot, volunteer)
    # Scrolling to the end reads each row about once, never the whole table at the start.
    assert view.model.rows_fetched <= 3000 + 2 * view.model.PAGE_SIZE
    assert len(view.model._pages) <= view.model.MAX_PAGES


def test_duplicate_warning_can_be_overridden(qtbot, office, volunteer):
    add_client(office, "101", "Omar", "Al-Hassan", dt.date(1990, 5, 1))
    dialog = ClientDialog(volunteer)
    show_active(qtbot, dialog)
    w = dialog.form.widgets
    qtbot.waitUntil(lambda: w["number"].text() == "102")  # the next free number
    qtbot.keyClicks(w["first_name"], "omar")
    qtbot.keyClicks(w["last_name"], "Alhasan")
    qtbot.keyClicks(w["birth_date"], "01-05-1990")
    dialog.save()
    qtbot.waitUntil(lambda: "Omar Al-Hassan (101, 01-05-1990)" in dialog.form.banner.text())
    assert dialog.save_button.text() == "Save anyway"
    with office.db.session() as s:
        assert s.scalar(select(func.count(m.Client.id))) == 1
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with office.db.session() as s:
        assert s.scalar(select(func.count(m.Client.id))) == 2


def test_validation_error_beside_the_field(qtbot, office, volunteer):
    dialog = ClientDialog(volunteer)
    show_active(qtbot, dialog)
    settle(qtbot, volunteer)
    w = dialog.form.widgets
    qtbot.keyClicks(w["first_name"], "Sara")
    w["birth_date"].setText("01-01-2999")
    dialog.save()
    qtbot.waitUntil(lambda: "toekomst" in dialog.form.errors["birth_date"].text())
    assert w["first_name"].text() == "Sara" and dialog.isVisible()


def test_conflict_on_save_shows_who_and_keeps_typed_values(qtbot, office, volunteer):
    client_id = add_client(office, "101", "Omar", "Al-Hassan", dt.date(1990, 5, 1))
    dialog = ClientDialog(volunteer, client_id)
    show_active(qtbot, dialog)
    settle(qtbot, volunteer)
    with office.db.session() as s:  # another PC saves first
        obj = base.get(s, office.teamleader, "clients", client_id)
        base.update(s, office.teamleader, "clients", client_id, obj.version, {"phone": "0101234567"})
    phone = dialog.form.widgets["phone"]
    phone.setText("0612345678")
    dialog.save()
    qtbot.waitUntil(lambda: "gewijzigd door Teamleider" in dialog.form.banner.text())
    assert phone.text() == "0612345678" and dialog.isVisible()
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    with office.db.session() as s:
        assert s.get(m.Client, client_id).phone == "0612345678"


def test_volunteer_cannot_see_another_locations_clients(qtbot, office):
    add_client(office, "101", "Omar", "Al-Hassan")
    with office.db.session() as s:
        other = create_location(s, SYSTEM, "Elders")
        user = create_user(s, SYSTEM, "vw-elders", "geheim-wachtwoord", "vrijwilliger", other.id)
        actor = actor_for(user)
        base.create(s, actor, "clients", other.id, {"number": "9", "first_name": "Lina",
                                                    "last_name": "Haddad"})
        other_id = other.id
    workspace = Workspace(Desk(office.db, actor, other_id, "Elders"), "vw-elders")
    window = MainWindow(workspace)
    show_active(qtbot, window)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.clients and window.clients.search.hasFocus()
    view = window.clients
    qtbot.waitUntil(lambda: view.shown_query == "")
    assert [cell(qtbot, view.model, r, 1) for r in range(view.model.rowCount())] == ["Lina Haddad"]
    qtbot.keyClicks(view.search, "hassan")
    qtbot.waitUntil(lambda: view.shown_query == "hassan")
    assert view.model.rowCount() == 0
    assert not hasattr(window, "location_switch")  # no way to switch location
    assert window.users is None and window.year_figures is None
    workspace.ops.wait()


def test_client_page_shows_the_whole_history(qtbot, office, volunteer):
    client_id = add_client(office, "204", "ሃብቶም", "Tesfay", dt.date(2001, 1, 2),
                           note="spreekt Tigrinya")
    today = dt.date.today()
    with office.db.session() as s:
        topic = contacts.topics(s)[0]
        contacts.register(s, office.volunteer, office.location_id,
                          {"date": today, "kind": "spreekuur", "client_id": client_id}, [topic[0]])
        base.create(s, office.volunteer, "dossiers", office.location_id, {
            "number": "D7", "client_id": client_id, "kind": "gezinshereniging",
            "opened_on": today - dt.timedelta(days=20), "deadline": today + dt.timedelta(days=3)})
    page = ClientPage(volunteer, client_id)
    show_active(qtbot, page)
    qtbot.waitUntil(lambda: page.title.full == "ሃብቶም Tesfay (204)")
    assert page.findChild(QLabel, "detail_note").text() == "spreekt Tigrinya"
    assert page.findChild(QLabel, "detail_gender").full == "—"
    qtbot.waitUntil(lambda: page.timeline.rowCount() == 2)
    assert topic[1] in page.timeline.item(0, 2).text()
    assert "gezinshereniging" in page.timeline.item(1, 1).text()


def test_ctrl_n_and_ctrl_j_open_the_visit_form_from_anywhere(qtbot, office, volunteer):
    client_id = add_client(office, "101", "Omar", "Al-Hassan")
    window = MainWindow(volunteer)
    show_active(qtbot, window)
    window.tabs.setCurrentWidget(window.clients)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.visit
    assert window.visit.client.edit.hasFocus() and window.visit.client.client_id is None
    # From a client's page the visit is for that client: the topics are next.
    page = open_page(qtbot, window, client_id)
    assert window.tabs.currentWidget() is page
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.visit
    assert window.visit.client.client_id == client_id
    assert window.visit.kind.currentData() == "juridisch" and window.visit.topic_edit.hasFocus()
    settle(qtbot, volunteer)
    assert "Al-Hassan (101)" in window.visit.client.edit.text()


def test_keyboard_from_search_to_client_page(qtbot, office, volunteer):
    add_client(office, "101", "Omar", "Al-Hassan")
    second = add_client(office, "102", "Sara", "Al-Hassan")
    view = ClientsView(volunteer)
    show_active(qtbot, view)
    view.search.setFocus()
    qtbot.keyClicks(view.search, "al-hassan")
    qtbot.keyClick(view.search, Qt.Key.Key_Down)  # into the list (searches first)
    qtbot.waitUntil(lambda: view.shown_query == "al-hassan")
    assert view.table.hasFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    with qtbot.waitSignal(view.open_client) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [second]


def test_a_typed_search_shows_at_most_max_hits(qtbot, office, volunteer, monkeypatch):
    for n in range(5):
        add_client(office, str(200 + n), "Amal", f"Haddad{n}")
    monkeypatch.setattr(ClientsView, "MAX_HITS", 3)
    view = ClientsView(volunteer)
    show_active(qtbot, view)
    qtbot.waitUntil(lambda: view.shown_query == "")
    assert view.model.rowCount() == 5  # the empty search lists everyone
    qtbot.keyClicks(view.search, "amal")
    qtbot.waitUntil(lambda: view.shown_query == "amal")
    assert view.model.rowCount() == 3
    assert view.count.text().startswith("More than 3 clients")


def test_new_dossier_from_the_client_page(qtbot, office, volunteer):
    client_id = add_client(office, "101", "Omar", "Al-Hassan")
    page = ClientPage(volunteer, client_id)
    show_active(qtbot, page)
    qtbot.mouseClick(page.buttons["dossier"], Qt.MouseButton.LeftButton)
    form = page.dialog.form
    qtbot.waitUntil(lambda: form.widgets["number"].text() == "1")
    assert form.widgets["client_id"].client_id == client_id
    form.widgets["kind"].setCurrentIndex(form.widgets["kind"].findData("gezinshereniging"))
    form.widgets["opened_on"].set_date(dt.date.today())
    form.widgets["family_members"].setText("3")
    form.widgets["deadline"].setText("31-13-2026")
    page.dialog.save()
    assert "does not exist" in form.errors["deadline"].text()  # not a date; nothing saved
    form.widgets["deadline"].set_date(dt.date.today() + dt.timedelta(days=10))
    with qtbot.waitSignal(page.dialog.saved):
        page.dialog.save()
    qtbot.waitUntil(lambda: page.timeline.rowCount() == 1)
    assert "dossier gezinshereniging (1)" in page.timeline.item(0, 1).text()
    assert "termijn" in page.timeline.item(0, 2).text()
    with office.db.session() as s:
        assert s.scalar(select(m.Dossier.family_members)) == 3


def test_the_list_says_how_each_client_matches_and_enter_opens_only_the_clear_one(
        qtbot, office, volunteer):
    add_client(office, "C00041", "Nadir", "Zabal")
    add_client(office, "C00042", "Zabal", "Amin")
    view = ClientsView(volunteer)
    show_active(qtbot, view)
    opened = []
    view.open_client.connect(opened.append)
    view.search.setFocus()
    qtbot.keyClicks(view.search, "zabal")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.shown_query == "zabal")
    assert [cell(qtbot, view.model, r, 4) for r in range(2)] == ["surname", "name"]
    assert opened == [] and view.table.hasFocus()  # two could be meant: nothing opened
    assert "Several clients could be meant" in view.count.text()
    view.search.clear()
    qtbot.keyClicks(view.search, "nadir zabal")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened))
    assert cell(qtbot, view.model, 0, 4) == "full name"


def test_down_from_the_search_goes_to_the_first_of_several_and_enter_opens_it(
        qtbot, office, volunteer):
    nadir = add_client(office, "C00041", "Nadir", "Zabal")
    zabal = add_client(office, "C00042", "Zabal", "Amin")
    view = ClientsView(volunteer)
    show_active(qtbot, view)
    opened = []
    view.open_client.connect(opened.append)

    def highlighted() -> list[int]:
        return [view.model.client_id(i.row()) for i in view.table.selectionModel().selectedRows()]

    view.search.setFocus()
    qtbot.keyClicks(view.search, "zabal")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.shown_query == "zabal")
    # Several could be meant: none highlighted; Down highlights the first.
    assert view.table.hasFocus() and highlighted() == [] and opened == []
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert highlighted() == [nadir]
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened == [nadir]
    # From the search field too, also when Down comes before the results.
    view.search.setFocus()
    view.search.clear()
    qtbot.keyClicks(view.search, "zabal")
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: view.shown_query == "zabal")
    assert view.table.hasFocus() and highlighted() == [zabal]
    # The one clearly meant is highlighted; Enter opens that one.
    view.search.setFocus()
    view.search.clear()
    qtbot.keyClicks(view.search, "zabal amin")
    qtbot.waitUntil(lambda: view.shown_query == "zabal amin")
    assert highlighted() == [zabal]
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert opened == [nadir, zabal]


def test_enter_on_an_unclear_client_in_a_dossier_says_why(qtbot, office, volunteer):
    add_client(office, "C00041", "Nadir", "Zabal")
    add_client(office, "C00042", "Sara", "Zabal")
    from vwdesk.gui.record_dialogs import record_dialog

    dialog = record_dialog(volunteer, "dossiers")
    show_active(qtbot, dialog)
    picker, error = dialog.form.widgets["client_id"], dialog.form.errors["client_id"]
    picker.edit.setFocus()
    qtbot.keyClicks(picker.edit, "zabal")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)  # two Zabals: none taken, it says so
    qtbot.waitUntil(lambda: error.isVisible())
    assert "Several clients" in error.text() and picker.client_id is None
    qtbot.keyClick(picker.edit, Qt.Key.Key_Down)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert picker.client_id is not None and not error.isVisible()
    picker.edit.clear()
    qtbot.keyClicks(picker.edit, "qqqq")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: error.isVisible())
    assert "No client has this name" in error.text()
    settle(qtbot, volunteer)
