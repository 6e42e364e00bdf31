"""The main window: tabs for registering, clients, deadlines, couplings and
the plain lists; menus whose entries depend on the role; the location and
the logged-in user in the status bar."""

from __future__ import annotations


from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QProgressBar,
    QTabWidget,
    QWidget,
)
from sqlalchemy import select

from vwdesk.core import models as m
from vwdesk.core.errors import VwdeskError
from vwdesk.core.records import KINDS
from vwdesk.gui.client_form import ClientDialog
from vwdesk.gui.client_page import ClientPage
from vwdesk.gui.clients_view import ClientsView
from vwdesk.gui.couplings_view import CouplingsView
from vwdesk.gui.deadlines_view import DeadlinesView
from vwdesk.gui.records_view import RecordsView
from vwdesk.gui.settings_dialog import SettingsDialog
from vwdesk.gui.users_view import UsersView
from vwdesk.gui.visit_form import VisitForm
from vwdesk.gui.widgets import show_message


class MainWindow(QMainWindow):
    logout_requested = Signal()
    closed = Signal()

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._leaving = False  # logging out: unsaved work was dealt with
        actor = session.actor
        self.setWindowTitle("vwdesk")
        self.resize(1200, 760)
        self.tabs = QTabWidget(self)
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        self.setCentralWidget(self.tabs)

        self.visit = VisitForm(session, self)
        self.clients = ClientsView(session, self)
        self.deadlines = DeadlinesView(session, self)
        self.couplings = CouplingsView(session, self)
        self.dwellings = RecordsView(session, "dwellings", self)
        self.fixed: list[QWidget] = [self.visit, self.clients, self.deadlines, self.couplings,
                                     self.dwellings]
        self.tabs.addTab(self.visit, self.tr("Register"))
        self.tabs.addTab(self.clients, self.tr("Clients"))
        self.tabs.addTab(self.deadlines, self.tr("Deadlines"))
        self.tabs.addTab(self.couplings, self.tr("Couplings"))
        self.tabs.addTab(self.dwellings, self.tr("Dwellings"))
        self.volunteers = self.year_figures = self.programmes = self.users = None
        if actor.is_teamleader:
            self.volunteers = RecordsView(session, "volunteers", self)
            self.year_figures = RecordsView(session, "year_figures", self)
            self.programmes = RecordsView(session, "programmes", self)
            self.users = UsersView(session, self)
            for widget, title in ((self.volunteers, self.tr("Volunteers")),
                                  (self.year_figures, self.tr("Year figures")),
                                  (self.programmes, self.tr("Programmes")),
                                  (self.users, self.tr("Users"))):
                self.fixed.append(widget)
                self.tabs.addTab(widget, title)
        for i in range(self.tabs.count()):  # only client pages and extra screens close
            self.tabs.tabBar().setTabButton(i, self.tabs.tabBar().ButtonPosition.RightSide, None)

        self.clients.open_client.connect(self.open_client)
        self.clients.new_client.connect(self.new_client)
        self.deadlines.open_client.connect(self.open_client)
        self.deadlines.counted.connect(self._show_deadline_count)
        self.client_pages: dict[int, ClientPage] = {}
        self.extra_tabs: dict[str, QWidget] = {}
        self.dialog = None
        self._build_menus()
        self._build_status_bar()
        self.visit.start()
        session.tasks.run(self._warm_up, lambda _result: None)

    def _warm_up(self) -> None:
        """On a worker thread: run a client search once, so SQLAlchemy has
        compiled its statements before the first keystroke (≈ 0.1 s)."""
        from vwdesk.core.services import clients as client_service

        with self.session.db.session() as s:
            client_service.find(s, self.session.actor, self.session.location_id, "a", 1)

    # --- menus -----------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None, name: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        action.setObjectName(name or "")
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        actor = self.session.actor
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu = file_menu
        self.new_visit_action = self._action(file_menu, self.tr("New visit"),
                                             lambda: self.new_contact("spreekuur"), "Ctrl+N",
                                             "new_visit")
        self._action(file_menu, self.tr("New legal contact"),
                     lambda: self.new_contact("juridisch"), "Ctrl+J", "new_legal")
        self._action(file_menu, self.tr("New client…"), self.new_client, "Ctrl+Shift+N",
                     "new_client")
        self._action(file_menu, self.tr("Find client"), self.find_client, "Ctrl+F", "find_client")
        file_menu.addSeparator()
        if actor.is_teamleader:
            self._action(file_menu, self.tr("Import…"), self.import_workbook, name="import")
            self._action(file_menu, self.tr("Export…"), self.export_workbook, name="export")
        self._action(file_menu, self.tr("Save template…"), self.save_template,
                     name="save_template")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Log out / switch user"), self.request_logout,
                     "Ctrl+L", "logout")
        self._action(file_menu, self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit, "quit")

        extra = bar.addMenu(self.tr("E&xtra"))
        self.extra_menu = extra
        if actor.is_teamleader:
            self._action(extra, self.tr("Year report"), self.show_report, name="report")
            self._action(extra, self.tr("Access log"), self.show_access_log, name="access_log")
            self._action(extra, self.tr("Privacy settings…"), self.privacy_settings,
                         name="privacy_settings")
            self._action(extra, self.tr("Make a backup now"), self.backup_now, name="backup")
        if actor.is_admin:
            self._action(extra, self.tr("Restore a backup…"), self.restore_backup,
                         name="restore")
        self._action(extra, self.tr("Settings…"), self.show_settings, name="settings")

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.user_label = QLabel(self)
        self.user_label.setObjectName("user_label")
        self.deadline_label = QLabel(self)
        self.deadline_label.setObjectName("deadline_label")
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        self.session.tasks.busy.connect(self.busy.setVisible)
        self.busy.setVisible(self.session.tasks.is_busy())  # work started before this
        if self.session.actor.is_admin:
            self.location_switch = QComboBox(self)
            self.location_switch.setObjectName("location_switch")
            with self.session.db.session() as s:
                for loc_id, name in s.execute(select(m.Location.id, m.Location.name)
                                              .order_by(m.Location.name)):
                    self.location_switch.addItem(name, loc_id)
            self.location_switch.setCurrentIndex(
                self.location_switch.findData(self.session.location_id))
            self.location_switch.currentIndexChanged.connect(self._switch_location)
            status.addPermanentWidget(self.location_switch)
        status.addPermanentWidget(self.deadline_label)
        status.addPermanentWidget(self.busy)
        status.addPermanentWidget(self.user_label)
        self.session.location_changed.connect(lambda _id: self._show_user())
        self._show_user()

    def _show_user(self) -> None:
        s = self.session
        demo = self.tr(" — DEMO (synthetic data)") if s.demo else ""
        self.user_label.setText(self.tr("%1 — logged in as %2 (%3)")
                                .replace("%1", s.location_name)
                                .replace("%2", s.display_name)
                                .replace("%3", s.actor.role) + demo)
        self.setWindowTitle(f"vwdesk — {s.location_name}{demo}")

    def _show_deadline_count(self, count: int) -> None:
        self.deadline_label.setText(self.tr("%n deadline(s) within 14 days", "", count))
        self.deadline_label.setStyleSheet("color:#8a0010; font-weight:600;" if count else "")
        index = self.tabs.indexOf(self.deadlines)
        self.tabs.setTabText(index, self.tr("Deadlines") + (f" ({count})" if count else ""))

    def _switch_location(self) -> None:
        if not self._confirm_leaving():  # stay on the location whose work is unsaved
            self.location_switch.blockSignals(True)
            self.location_switch.setCurrentIndex(
                self.location_switch.findData(self.session.location_id))
            self.location_switch.blockSignals(False)
            return
        self.session.set_location(self.location_switch.currentData(),
                                  self.location_switch.currentText())
        # Client pages and extra screens belong to the previous location.
        for widget in [*self.client_pages.values(), *self.extra_tabs.values()]:
            self.tabs.removeTab(self.tabs.indexOf(widget))
            widget.deleteLater()
        self.client_pages.clear()
        self.extra_tabs.clear()

    # --- screens -----------------------------------------------------------
    def new_contact(self, kind: str) -> None:
        self.tabs.setCurrentWidget(self.visit)
        self.visit.start(kind)

    def find_client(self) -> None:
        self.tabs.setCurrentWidget(self.clients)
        self.clients.search.setFocus()
        self.clients.search.selectAll()

    def new_client(self) -> None:
        self.dialog = ClientDialog(self.session, parent=self)
        self.dialog.saved.connect(self.open_client)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()

    def open_client(self, client_id: int) -> ClientPage | None:
        """The client's full page; the first time in a login session the
        user gives a reason, recorded in the access log."""
        page = self.client_pages.get(client_id)
        if page is None:
            if client_id not in self.session.opened_pages:
                from vwdesk.gui.privacy_dialogs import ask_access_reason
                from vwdesk.privacy.access import record_page_open

                reason = ask_access_reason(self)
                if reason is None:
                    return None
                record_page_open(self.session.db, self.session.actor, client_id, reason)
            self.session.opened_pages.add(client_id)
            page = ClientPage(self.session, client_id, self)
            page.register_contact.connect(lambda cid: (self.tabs.setCurrentWidget(self.visit),
                                                       self.visit.start("spreekuur", cid)))
            page.edit_contact.connect(lambda contact_id: (self.tabs.setCurrentWidget(self.visit),
                                                          self.visit.edit(contact_id)))
            self.client_pages[client_id] = page
            self.tabs.addTab(page, page.title.text())
        self.tabs.setCurrentWidget(page)
        return page

    def _confirm_leaving(self) -> bool:
        """Each open screen with unsaved work (the year report) may ask to
        save it first; False when the user chose to stay."""
        for widget in list(self.extra_tabs.values()):
            confirm = getattr(widget, "confirm_discard", None)
            if confirm is not None:
                self.tabs.setCurrentWidget(widget)
                if not confirm():
                    return False
        return True

    def request_logout(self) -> None:
        if self._confirm_leaving():
            self._leaving = True
            self.logout_requested.emit()

    def _close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is None or widget in self.fixed:
            return
        confirm = getattr(widget, "confirm_discard", None)
        if confirm is not None and not confirm():
            return
        self.tabs.removeTab(index)
        for key, page in list(self.client_pages.items()):
            if page is widget:
                del self.client_pages[key]
        for key, tab in list(self.extra_tabs.items()):
            if tab is widget:
                del self.extra_tabs[key]
        widget.deleteLater()

    def _extra_tab(self, key: str, title: str, factory) -> None:
        tab = self.extra_tabs.get(key)
        if tab is None:
            tab = factory()
            self.extra_tabs[key] = tab
            self.tabs.addTab(tab, title)
        self.tabs.setCurrentWidget(tab)

    def show_report(self) -> None:
        from vwdesk.gui.report_screen import ReportScreen

        s = self.session
        self._extra_tab("report", self.tr("Year report"),
                        lambda: ReportScreen(s.db, s.actor, s.location_id, self, s.tasks))

    def show_access_log(self) -> None:
        from vwdesk.gui.privacy_dialogs import AccessLogView

        s = self.session
        self._extra_tab("access_log", self.tr("Access log"),
                        lambda: AccessLogView(s.db, s.actor, s.location_id, self))

    def import_workbook(self) -> None:
        from vwdesk.gui.exchange_dialogs import import_dialog

        s = self.session
        if import_dialog(self, s.db, s.actor, s.location_id):
            for kind in KINDS:
                s.notify(kind)

    def export_workbook(self) -> None:
        from vwdesk.gui.exchange_dialogs import export_dialog

        s = self.session
        export_dialog(self, s.db, s.actor, s.location_id)

    def save_template(self) -> None:
        from vwdesk.gui.exchange_dialogs import save_template_dialog

        save_template_dialog(self)

    def privacy_settings(self) -> None:
        from vwdesk.gui.privacy_dialogs import privacy_settings_dialog

        s = self.session
        privacy_settings_dialog(self, s.db, s.actor, s.location_id)

    def backup_now(self) -> None:
        from vwdesk.gui.privacy_dialogs import backup_now

        backup_now(self, self.session.db)

    def restore_backup(self) -> None:
        from vwdesk.gui.privacy_dialogs import restore_dialog

        self.session.db.close()  # no open connections while the file is swapped
        if restore_dialog(self, self.session.db.url):
            self.logout_requested.emit()  # the data changed under every screen

    def show_settings(self) -> None:
        self.dialog = SettingsDialog(self)
        self.dialog.open()

    def run_startup_checks(self) -> None:
        """The privacy checks (integrity, daily retention, a backup when due),
        off the GUI thread; then a backup every few hours of use."""
        from vwdesk.gui.privacy_dialogs import install_backup_timer
        from vwdesk.privacy.startup import run_startup_checks

        def shown(notices: list[str]) -> None:
            if notices:
                self.statusBar().showMessage(" ".join(notices), 30_000)

        def failed(exc: Exception) -> None:  # DatabaseDamaged is a VwdeskError
            show_message(self, "vwdesk", exc.message if isinstance(exc, VwdeskError) else str(exc),
                         error=True)

        self.session.tasks.run(lambda: run_startup_checks(self.session.db), shown, failed)
        install_backup_timer(self, self.session.db,
                             lambda work: self.session.tasks.run(work, lambda _: None))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self._leaving and not self._confirm_leaving():
            event.ignore()
            return
        self.session.tasks.wait()
        super().closeEvent(event)
        self.closed.emit()
