"""The main window: tabs for registering, clients, deadlines, couplings and
the plain lists; menus whose entries depend on the role; the location and
the logged-in user in the status bar."""

from __future__ import annotations


from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QProgressBar,
    QSizePolicy,
    QTabWidget,
    QWidget,
)
from vwdesk.core.errors import VwdeskError
from vwdesk.gui.app_settings import settings
from vwdesk.gui.client_form import ClientDialog
from vwdesk.gui.client_page import ClientPage
from vwdesk.gui.clients_view import ClientsView
from vwdesk.gui.couplings_view import CouplingsView
from vwdesk.gui.deadlines_view import DeadlinesView
from vwdesk.gui.records_view import RecordsView
from vwdesk.gui.settings_dialog import SettingsDialog
from vwdesk.gui.users_view import UsersView
from vwdesk.gui.visit_form import VisitForm
from vwdesk.gui.widgets import ElidedLabel, show_message


# The title bar and borders the window system adds around a window, unknown
# before it is shown (Windows 10/11 at 100%: 31 + 8 px high, 16 px wide).
FRAME = QMargins(8, 32, 8, 8)


def on_screen(available: QRect, size: QSize, at: QPoint | None = None) -> QRect:
    """The window's geometry (without its frame) for a screen with this room
    (its available geometry, without the taskbar): at most `size`, smaller
    where the room is less, its frame within the room — at `at` as far as
    that allows, centred without it. On a 1366×768 laptop with the Windows
    taskbar the default 1200×760 becomes 1200×688: the status bar stays in
    view."""
    room = available.marginsRemoved(FRAME)
    size = size.boundedTo(room.size())
    if at is None:
        at = room.topLeft() + QPoint((room.width() - size.width()) // 2,
                                     (room.height() - size.height()) // 2)
    x = max(room.left(), min(at.x(), room.right() + 1 - size.width()))
    y = max(room.top(), min(at.y(), room.bottom() + 1 - size.height()))
    return QRect(QPoint(x, y), size)


class MainWindow(QMainWindow):
    logout_requested = Signal()
    closed = Signal()
    DEFAULT_SIZE = QSize(1200, 760)

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self._leaving = False  # logging out: unsaved work was dealt with
        actor = workspace.actor
        self.setWindowTitle("vwdesk")
        self.tabs = QTabWidget(self)
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        # The tabs in the order they were last shown: closing one shows the
        # one the user came from, not its neighbour.
        self._tab_history: list[QWidget] = []
        self.tabs.currentChanged.connect(self._tab_shown)
        self.setCentralWidget(self.tabs)

        # The fixed tabs, in order: (attribute, title, screen, teamleaders only).
        # A plain record screen is one more line here.
        screens = (
            ("visit", self.tr("Register"), lambda: VisitForm(workspace, self), False),
            ("clients", self.tr("Clients"), lambda: ClientsView(workspace, self), False),
            ("deadlines", self.tr("Deadlines"), lambda: DeadlinesView(workspace, self), False),
            ("couplings", self.tr("Couplings"), lambda: CouplingsView(workspace, self), False),
            ("dwellings", self.tr("Dwellings"),
             lambda: RecordsView(workspace, "dwellings", self), False),
            ("volunteers", self.tr("Volunteers"),
             lambda: RecordsView(workspace, "volunteers", self), True),
            ("year_figures", self.tr("Year figures"),
             lambda: RecordsView(workspace, "year_figures", self), True),
            ("programmes", self.tr("Programmes"),
             lambda: RecordsView(workspace, "programmes", self), True),
            ("users", self.tr("Users"), lambda: UsersView(workspace, self), True),
        )
        self.fixed: list[QWidget] = []
        for name, title, make, teamleaders_only in screens:
            screen = make() if actor.is_teamleader or not teamleaders_only else None
            setattr(self, name, screen)
            if screen is not None:
                self.fixed.append(screen)
                self.tabs.addTab(screen, title)
        for i in range(self.tabs.count()):  # only client pages and extra screens close
            self.tabs.tabBar().setTabButton(i, self.tabs.tabBar().ButtonPosition.RightSide, None)

        self.clients.open_client.connect(self.open_client)
        self.clients.new_client.connect(self.new_client)
        self.deadlines.open_client.connect(self.open_client)
        self.deadlines.counted.connect(self._show_deadline_count)
        self.client_pages: dict[int, ClientPage] = {}
        self.extra_tabs: dict[str, QWidget] = {}
        self.dialog = None
        self.help_window = None
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)  # a long client name stays short
        self.tabs.tabBar().setExpanding(False)
        self._place()
        self._build_menus()
        self._build_status_bar()
        self.visit.start()
        # Compile the search statements before the first keystroke (≈ 0.1 s).
        workspace.ops.query(self, lambda desk: desk.clients.find("a", 1))

    def _place(self) -> None:
        """The size and place the window had last time, brought back onto
        the screen when it no longer fits (a smaller screen, a monitor gone,
        the taskbar moved); the first time, as large as fits (`on_screen`)."""
        geometry = settings().value("window/geometry")
        if geometry is not None and self.restoreGeometry(geometry):
            restored = self.geometry()
            screen = QGuiApplication.screenAt(restored.center()) or self.screen()
            self.setGeometry(on_screen(screen.availableGeometry(), restored.size(),
                                       restored.topLeft()))
        else:
            self.setGeometry(on_screen(self.screen().availableGeometry(), self.DEFAULT_SIZE))

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
        actor = self.workspace.actor
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu = file_menu
        self.new_visit_action = self._action(file_menu, self.tr("New &visit"),
                                             lambda: self.new_contact("spreekuur"), "Ctrl+N",
                                             "new_visit")
        self._action(file_menu, self.tr("New &legal contact"),
                     lambda: self.new_contact("juridisch"), "Ctrl+J", "new_legal")
        self._action(file_menu, self.tr("New &client…"), self.new_client, "Ctrl+Shift+N",
                     "new_client")
        self._action(file_menu, self.tr("&Find client"), self.find_client, "Ctrl+F", "find_client")
        file_menu.addSeparator()
        if actor.is_teamleader:
            self._action(file_menu, self.tr("&Import…"), self.import_workbook, name="import")
            self._action(file_menu, self.tr("&Export…"), self.export_workbook, name="export")
        self._action(file_menu, self.tr("Save &template…"), self.save_template,
                     name="save_template")
        file_menu.addSeparator()
        # Ctrl+W everywhere (and Ctrl+F4) closes a client page or an extra screen.
        close_tab = self._action(file_menu, self.tr("Close t&ab"), self.close_current_tab,
                                 "Ctrl+W", "close_tab")
        close_tab.setShortcuts(list(dict.fromkeys(
            [QKeySequence("Ctrl+W"), *QKeySequence.keyBindings(QKeySequence.StandardKey.Close)])))
        self._action(file_menu, self.tr("Log &out / switch user"), self.request_logout,
                     "Ctrl+L", "logout")
        quit_action = self._action(file_menu, self.tr("&Quit"), self.close, "Ctrl+Q", "quit")
        quit_action.setShortcuts(list(dict.fromkeys(  # Ctrl+Q everywhere, Alt+F4 where usual
            [QKeySequence("Ctrl+Q"), *QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)])))

        extra = bar.addMenu(self.tr("E&xtra"))
        self.extra_menu = extra
        if actor.is_teamleader:
            self._action(extra, self.tr("&Year report"), self.show_report, name="report")
            self._action(extra, self.tr("&Access log"), self.show_access_log, name="access_log")
            self._action(extra, self.tr("&Privacy settings…"), self.privacy_settings,
                         name="privacy_settings")
            self._action(extra, self.tr("Make a &backup now"), self.backup_now, name="backup")
        if actor.is_admin:
            self._action(extra, self.tr("&Restore a backup…"), self.restore_backup,
                         name="restore")
        self._action(extra, self.tr("&Settings…"), self.show_settings, name="settings")

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Guide"), self.show_help,
                     QKeySequence.StandardKey.HelpContents, "help")
        self._action(help_menu, self.tr("&About vwdesk"), self.show_about, name="about")

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        # Shortened with "…" when the window is narrow, whole again when it widens.
        self.user_label = ElidedLabel("", self)
        self.user_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.user_label.setObjectName("user_label")
        self.deadline_label = QLabel(self)
        self.deadline_label.setObjectName("deadline_label")
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        self.workspace.ops.busy.connect(self.busy.setVisible)
        self.busy.setVisible(self.workspace.ops.is_busy())  # work started before this
        if self.workspace.actor.is_admin:
            self.location_switch = QComboBox(self)
            self.location_switch.setObjectName("location_switch")
            # Its names arrive after the first show: sized to them, never narrower
            # (up to a width that a very long name does not push the window past).
            self.location_switch.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            self.location_switch.setSizePolicy(QSizePolicy.Policy.Minimum,
                                               QSizePolicy.Policy.Fixed)
            self.location_switch.setMaximumWidth(240)
            self.workspace.ops.query(self, lambda desk: desk.location_choices(),
                                     self._fill_location_switch)
            status.addPermanentWidget(self.location_switch)
        status.addPermanentWidget(self.deadline_label)
        status.addPermanentWidget(self.busy)
        status.addPermanentWidget(self.user_label)
        self.workspace.location_changed.connect(lambda _id: self._show_user())
        self._show_user()

    def _fill_location_switch(self, locations: list[tuple[int, str]]) -> None:
        self.location_switch.blockSignals(True)
        for location_id, name in locations:
            self.location_switch.addItem(name, location_id)
        self.location_switch.setCurrentIndex(
            self.location_switch.findData(self.workspace.location_id))
        self.location_switch.blockSignals(False)
        self.location_switch.currentIndexChanged.connect(self._switch_location)

    def _show_user(self) -> None:
        s = self.workspace
        demo = self.tr(" — DEMO (synthetic data)") if s.demo else ""
        self.user_label.setFullText(self.tr("%1 — logged in as %2 (%3)")
                                .replace("%1", s.location_name)
                                .replace("%2", s.display_name)
                                .replace("%3", s.actor.role) + demo)
        self.setWindowTitle(f"vwdesk — {s.location_name}{demo}")

    def _show_deadline_count(self, counts) -> None:
        """Overdue and soon apart, dossiers and evaluations apart: red only
        for a dossier deadline that has passed."""
        parts = []
        if counts.dossiers_overdue or counts.dossiers_soon:
            parts.append(self.tr("Deadlines: %1 passed, %2 within 14 days")
                         .replace("%1", str(counts.dossiers_overdue))
                         .replace("%2", str(counts.dossiers_soon)))
        if counts.evaluations_overdue or counts.evaluations_soon:
            parts.append(self.tr("Evaluations: %1 overdue, %2 within 14 days")
                         .replace("%1", str(counts.evaluations_overdue))
                         .replace("%2", str(counts.evaluations_soon)))
        self.deadline_label.setText(" · ".join(parts))
        style = ("color:#8a0010; font-weight:600;" if counts.dossiers_overdue else
                 "color:#5c4400;" if counts.dossiers_soon else "")
        self.deadline_label.setStyleSheet(style)
        count = counts.dossiers_overdue + counts.dossiers_soon
        index = self.tabs.indexOf(self.deadlines)
        self.tabs.setTabText(index, self.tr("Deadlines") + (f" ({count})" if count else ""))

    def _switch_location(self) -> None:
        if not self._confirm_leaving():  # stay on the location whose work is unsaved
            self.location_switch.blockSignals(True)
            self.location_switch.setCurrentIndex(
                self.location_switch.findData(self.workspace.location_id))
            self.location_switch.blockSignals(False)
            return
        self.workspace.set_location(self.location_switch.currentData(),
                                  self.location_switch.currentText())
        # Client pages and extra screens belong to the previous location.
        for widget in [*self.client_pages.values(), *self.extra_tabs.values()]:
            self.tabs.removeTab(self.tabs.indexOf(widget))
            widget.deleteLater()
        self.client_pages.clear()
        self.extra_tabs.clear()

    # --- screens -----------------------------------------------------------
    def new_contact(self, kind: str) -> None:
        """Ctrl+N / Ctrl+J: a new contact, for the client whose page is shown."""
        page = self.tabs.currentWidget()
        client_id = page.client_id if isinstance(page, ClientPage) else None
        self.tabs.setCurrentWidget(self.visit)
        self.visit.start(kind, client_id)

    def find_client(self) -> None:
        self.tabs.setCurrentWidget(self.clients)
        self.clients.search.setFocus()
        self.clients.search.selectAll()

    def new_client(self) -> None:
        """Ctrl+Shift+N: from the visit form, with the name typed there."""
        if self.tabs.currentWidget() is self.visit:
            self.visit.new_client()
            return
        self.dialog = ClientDialog(self.workspace, parent=self)
        self.dialog.saved.connect(self._client_made)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()

    def _client_made(self, client_id: int) -> None:
        """A client just registered: its page opens without asking why."""
        self.workspace.opened_pages.add(client_id)
        self.open_client(client_id)

    def open_client(self, client_id: int) -> ClientPage | None:
        """The client's full page; the first time in a login session the
        user gives a reason, recorded in the access log."""
        page = self.client_pages.get(client_id)
        if page is not None:
            self.tabs.setCurrentWidget(page)
            return page
        if client_id in self.workspace.opened_pages:
            return self._show_client_page(client_id)
        from vwdesk.gui.privacy import access_reason

        reason = access_reason.ask(self, self.workspace, client_id)
        if reason is None:
            return None

        def recorded(_none) -> None:
            self.workspace.opened_pages.add(client_id)
            self._show_client_page(client_id)

        # The page opens once its opening is in the access log, never before.
        self.workspace.ops.write(self, lambda desk: desk.clients.record_page_open(
            client_id, reason), recorded)
        return None

    def _show_client_page(self, client_id: int) -> ClientPage:
        page = self.client_pages.get(client_id)
        if page is None:
            page = ClientPage(self.workspace, client_id, self)
            page.register_contact.connect(lambda cid: (self.tabs.setCurrentWidget(self.visit),
                                                       self.visit.start("spreekuur", cid)))
            page.edit_contact.connect(lambda contact_id: (self.tabs.setCurrentWidget(self.visit),
                                                          self.visit.edit(contact_id)))
            page.titled.connect(lambda title, p=page: self._title_tab(p, title))
            self.client_pages[client_id] = page
            self.tabs.addTab(page, "…")
        self.tabs.setCurrentWidget(page)
        return page

    TAB_TEXT = 40  # characters; the whole name is in the tab's tooltip

    def _title_tab(self, page: QWidget, title: str) -> None:
        index = self.tabs.indexOf(page)
        short = title if len(title) <= self.TAB_TEXT else title[:self.TAB_TEXT - 1] + "…"
        self.tabs.setTabText(index, short)
        self.tabs.setTabToolTip(index, title)

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
        current = widget is self.tabs.currentWidget()
        history = [w for w in self._tab_history if w is not widget]
        self.tabs.removeTab(index)
        self._tab_history = history  # the neighbour Qt showed meanwhile is no step back
        if current and history:
            self.tabs.setCurrentWidget(history[-1])
        for key, page in list(self.client_pages.items()):
            if page is widget:
                del self.client_pages[key]
        for key, tab in list(self.extra_tabs.items()):
            if tab is widget:
                del self.extra_tabs[key]
        widget.deleteLater()

    def _tab_shown(self, _index: int = -1) -> None:
        widget = self.tabs.currentWidget()
        if widget is not None:
            self._tab_history = [w for w in self._tab_history if w is not widget] + [widget]

    def _extra_tab(self, key: str, title: str, factory) -> None:
        tab = self.extra_tabs.get(key)
        if tab is None:
            tab = factory()
            self.extra_tabs[key] = tab
            self.tabs.addTab(tab, title)
        self.tabs.setCurrentWidget(tab)

    def show_report(self) -> None:
        from vwdesk.gui.report.screen import ReportScreen

        self._extra_tab("report", self.tr("Year report"),
                        lambda: ReportScreen(self.workspace, self))

    def show_access_log(self) -> None:
        from vwdesk.gui.privacy.access_log import AccessLogView

        self._extra_tab("access_log", self.tr("Access log"),
                        lambda: AccessLogView(self.workspace, self))

    def import_workbook(self) -> None:
        from vwdesk.gui.exchange import import_workbook

        import_workbook(self, self.workspace)

    def export_workbook(self) -> None:
        from vwdesk.gui.exchange import export_workbook

        export_workbook(self, self.workspace)

    def save_template(self) -> None:
        from vwdesk.gui.exchange import save_template

        save_template(self)

    def privacy_settings(self) -> None:
        from vwdesk.gui.privacy.settings import PrivacySettingsDialog

        self.dialog = PrivacySettingsDialog(self.workspace, self)
        self.dialog.open()

    def backup_now(self) -> None:
        from vwdesk.gui.privacy.backup import back_up

        back_up(self, self.workspace)

    def restore_backup(self) -> None:
        """Unsaved work is dealt with first; after the restore everyone logs in
        again (the data changed under every screen)."""
        from vwdesk.gui.privacy.restore import restore

        if not self._confirm_leaving():
            return

        def restored() -> None:
            self._leaving = True
            self.logout_requested.emit()

        restore(self, self.workspace, restored)

    def close_current_tab(self) -> None:
        self._close_tab(self.tabs.currentIndex())

    def show_help(self) -> None:
        """F1: the guide that goes with the screen shown."""
        from vwdesk.gui.help import HelpWindow

        guide = getattr(self.tabs.currentWidget(), "GUIDE", "handleiding.md")
        if not isinstance(self.help_window, HelpWindow):
            self.help_window = HelpWindow(self)
        self.help_window.show_guide(guide)

    def show_about(self) -> None:
        from vwdesk.gui.help import AboutBox

        self.dialog = AboutBox(self.workspace.desk.database, self)
        self.dialog.open()

    def show_settings(self) -> None:
        self.dialog = SettingsDialog(self)
        self.dialog.open()

    def run_startup_checks(self) -> None:
        """The privacy checks (integrity, daily retention, a backup when due),
        off the GUI thread; then a backup every few hours of use."""
        from vwdesk.gui.privacy.backup import install_backup_timer

        def shown(saved) -> None:
            if saved.detail:
                self.statusBar().showMessage(" ".join(saved.detail), 30_000)

        def failed(exc: VwdeskError) -> None:  # DatabaseDamaged is a VwdeskError
            show_message(self, "vwdesk", exc.message, error=True)

        self.workspace.ops.maintenance(self, lambda desk: desk.privacy.startup_checks(), shown,
                                       failed)
        install_backup_timer(self, self.workspace)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self._leaving and not self._confirm_leaving():
            event.ignore()
            return
        self.workspace.ops.wait()
        settings().setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)
        self.closed.emit()
