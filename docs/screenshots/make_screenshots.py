"""Regenerate the PNGs in docs/screenshots on a small synthetic office.

    Xvfb :99 -screen 0 1600x900x24 &
    DISPLAY=:99 .venv/bin/python docs/screenshots/make_screenshots.py

All names are invented. The desk's screens show a small office filled here
(today's visits, deadlines around today, couplings); the year report shows
the demo database (`vwdesk --demo`), which holds complete years. Everything
lives in a temporary folder (also the settings), so nothing of the user's
own vwdesk is read or changed. The Ge'ez and Arabic names use the fonts
vwdesk ships (resources/fonts), as on an office PC.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from vwdesk.app import Desk
from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.core.services import base, contacts
from vwdesk.core.services.locations import create_location
from vwdesk.core.services.users import SYSTEM, actor_for, create_user
from vwdesk.gui import fonts, i18n

OUT = Path(__file__).resolve().parent
FIRST = ["Omar", "Sara", "Yonas", "Amal", "Ahmad", "Lina", "Tesfay", "Huda", "Samir", "Meron",
         "Rahel", "Bilal", "Nour", "Dawit", "Fatima", "Karim", "حسن", "ሃብቶም", "Ali", "Mariam"]
LAST = ["Al-Hassan", "Haddad", "Mebrahtu", "Khalil", "Yousef", "Ghebre", "Nasser",
        "Berhane", "Darwish", "علي", "ተስፋይ", "Rahimi", "Okafor", "Haile", "Saleh"]
# Clients the visit form's shots search for: "tekle" is the surname of two,
# the first name of one, and one letter away from a fourth.
TEKLES = [("Yonas", "Tekle", dt.date(1988, 3, 14)), ("Meron", "Tekle", dt.date(1993, 11, 2)),
          ("Tekle", "Haile", dt.date(1979, 6, 21)), ("Rahel", "Teklu", dt.date(2001, 1, 9))]


def fill(db: Database) -> tuple[int, int]:
    """A location with a teamleader, staff, 240 clients, today's visits,
    dossier deadlines and coupling evaluations around today; returns the
    location and the client whose page is shown."""
    rnd = random.Random(7)
    today = dt.date.today()
    with db.session() as s:
        loc = create_location(s, SYSTEM, "Vlaardingen")
        tl = create_user(s, SYSTEM, "marieke", "demo-wachtwoord", "teamleider", loc.id,
                         "Marieke de Vries")
        actor = actor_for(tl)
        coaches = []
        for i, (first, last, team) in enumerate((
                ("Marieke", "de Vries", "mb-juridisch"), ("Kees", "Bakker", "taalcoach"),
                ("Anna", "Smit", "taalcoach"), ("Joost", "Visser", "wegwijs"),
                ("Fleur", "Jansen", "wegwijs"), ("Pieter", "Mulder", "mb-juridisch"))):
            coaches.append(base.create(s, actor, "volunteers", loc.id, {
                "number": f"M{i + 1:05}", "first_name": first, "last_name": last,
                "kind": "vrijwilliger", "team": team, "start": today - dt.timedelta(days=700)}))
        tl.volunteer_id = coaches[0].id
        topic_ids = [t for t, _n in contacts.topics(s)]
        programmes = {p.key: p.id for p in s.scalars(
            select(m.Programme).where(m.Programme.location_id == loc.id))}

        def client(n: int, first: str, last: str, birth: dt.date) -> int:
            return base.create(s, actor, "clients", loc.id, {
                "number": f"C{1000 + n:05}", "first_name": first, "last_name": last,
                "birth_date": birth, "gender": rnd.choice("mvx"),
                "nationality": rnd.choice(["SY", "ER", "AF", "IQ", "XX"]),
                "intake": rnd.choice(["regulier", "nareiziger", "gva"]),
                "housed_on": today - dt.timedelta(days=rnd.randrange(30, 900)),
                "phone": "06-" + str(rnd.randrange(10_000_000, 99_999_999)),
                "note": "Komt meestal op dinsdag."}).id

        clients = [client(n, rnd.choice(FIRST), rnd.choice(LAST),
                          dt.date(1960 + rnd.randrange(50), rnd.randrange(1, 13),
                                  rnd.randrange(1, 29)))
                   for n in range(1, 241)]
        clients += [client(241 + i, *names) for i, names in enumerate(TEKLES)]
        for i in range(9):
            contacts.register(s, actor, loc.id, {
                "date": today, "kind": "spreekuur" if i % 4 else "juridisch",
                "client_id": clients[i * 7] if i != 4 else None,
                "person_label": "vrouw met kinderwagen" if i == 4 else None,
                "volunteer_id": coaches[i % 3].id},
                rnd.sample(topic_ids, rnd.randrange(1, 4)))
        for _ in range(60):
            contacts.register(s, actor, loc.id, {
                "date": today - dt.timedelta(days=rnd.randrange(1, 500)), "kind": "spreekuur",
                "client_id": clients[rnd.randrange(240)], "volunteer_id": coaches[1].id},
                rnd.sample(topic_ids, 2))
        # Deadlines passed and coming, near and far.
        for i, days in enumerate((-4, 2, 6, 11, 19, 33, 48, 75)):
            base.create(s, actor, "dossiers", loc.id, {
                "number": f"D{today.year}-{i + 1:03}", "client_id": clients[i * 3],
                "kind": ["gezinshereniging", "naturalisatie", "verlenging"][i % 3],
                "opened_on": today - dt.timedelta(days=120 + i), "family_members": 1 + i % 4,
                "deadline": today + dt.timedelta(days=days)})
        # Couplings started 20, 45, 70, … days ago: evaluations passed and coming.
        for i in range(14):
            key = "taalcoach" if i % 2 else "wegwijs"
            start = today - dt.timedelta(days=20 + 25 * i) if i < 9 else None
            values = {"number": f"K{i + 1:05}", "programme_id": programmes[key],
                      "client_id": clients[100 + i],
                      "signed_up_on": today - dt.timedelta(days=40 + 25 * i), "started_on": start}
            if start:
                values["coach_id"] = coaches[1 + i % 2].id if key == "taalcoach" else coaches[3].id
            if i in (7, 8):
                values.update(ended_on=today - dt.timedelta(days=3), result="afgerond",
                              evaluation_3m_on=start + dt.timedelta(days=92))
            base.create(s, actor, "couplings", loc.id, values)
        base.create(s, actor, "trajectories", loc.id, {
            "client_id": clients[0], "kind": "mb-jaar-1", "start": today - dt.timedelta(days=200)})
        base.create(s, actor, "couplings", loc.id, {
            "number": "K00100", "programme_id": programmes["taalcoach"], "client_id": clients[0],
            "signed_up_on": today - dt.timedelta(days=60),
            "started_on": today - dt.timedelta(days=50), "coach_id": coaches[2].id})
        base.create(s, actor, "dossiers", loc.id, {
            "number": f"D{today.year}-100", "client_id": clients[0], "kind": "gezinshereniging",
            "opened_on": today - dt.timedelta(days=150), "family_members": 3,
            "deadline": today + dt.timedelta(days=9)})
        return loc.id, clients[0]


def settle(app: QApplication, workspace, quiet_ms: int = 400) -> None:
    """Wait until the screens' work is done and nothing new started for a
    moment (a screen may start more work, or wait on a timer, when some
    comes back)."""
    calm_since = time.monotonic()
    while time.monotonic() - calm_since < quiet_ms / 1000:
        app.processEvents()
        if workspace.ops.is_busy():
            while workspace.ops.is_busy():
                app.processEvents()
            calm_since = time.monotonic()
        time.sleep(0.01)


def shot(app: QApplication, widget: QWidget, name: str, workspace=None) -> None:
    """Save a PNG of `widget` once its work is done."""
    if workspace is not None:
        settle(app, workspace)
    app.processEvents()
    widget.grab().save(str(OUT / f"{name}.png"))
    print(name)


def show(app: QApplication, widget: QWidget) -> None:
    widget.show()
    widget.raise_()
    widget.activateWindow()
    app.processEvents()


def type_in(app: QApplication, widget: QWidget, text: str, workspace) -> None:
    """Type into `widget` key by key, as a user does."""
    widget.setFocus()
    QTest.keyClicks(widget, text)
    settle(app, workspace)


def workbook_with_changes(folder: Path, workspace) -> Path:
    """An exchange workbook that changes one client's phone and adds one."""
    from openpyxl import Workbook

    found = workspace.desk.clients.find("C01001", 1).rows[0][0]
    book = Workbook()
    sheet = book.active
    sheet.title = "clienten"
    sheet.append(["nummer", "voornaam", "achternaam", "geboortedatum", "telefoon"])
    sheet.append([found.number, found.first_name, found.last_name, found.birth_date,
                  "06-12345678"])
    sheet.append(["C01300", "Samira", "Bekele", dt.date(1996, 4, 2), "06-87654321"])
    path = folder / "clienten.xlsx"
    book.save(path)
    return path


def desk_shots(app: QApplication, tmp: Path) -> None:
    from vwdesk.gui.client_form import ClientDialog
    from vwdesk.gui.exchange import ImportPreviewDialog
    from vwdesk.gui.help import AboutBox, HelpWindow
    from vwdesk.gui.login import LoginDialog, SetupDialog
    from vwdesk.gui.main_window import MainWindow
    from vwdesk.gui.workspace import Workspace

    db = Database(f"sqlite:///{tmp / 'vwdesk.sqlite'}")
    location_id, first_client = fill(db)
    with db.session() as s:
        actor = actor_for(s.scalar(select(m.User).where(m.User.username == "marieke")))
    workspace = Workspace(Desk(db, actor, location_id, "Vlaardingen"), "Marieke de Vries")

    login = LoginDialog(db, [("marieke", "demo-wachtwoord", "teamleider"),
                             ("yonas", "demo-wachtwoord", "vrijwilliger")], "marieke")
    show(app, login)
    shot(app, login, "login")
    login.close()
    empty = Database(f"sqlite:///{tmp / 'empty.sqlite'}")
    setup = SetupDialog(empty, can_demo=True)  # as the app shows it
    show(app, setup)
    shot(app, setup, "first-start")
    setup.close()

    window = MainWindow(workspace)
    show(app, window)
    settle(app, workspace)
    visit = window.visit

    # A client chosen by full name (Enter takes it), two topics ticked.
    type_in(app, visit.client.edit, "yonas tekle", workspace)
    QTest.keyClick(visit.client.edit, Qt.Key.Key_Return)
    for topic in ("werk", "brie"):
        type_in(app, visit.topic_edit, topic, workspace)
        QTest.keyClick(visit.topic_edit, Qt.Key.Key_Return)
    shot(app, window, "register-visit", workspace)

    # A surname several clients have: the matches ranked by fit, Enter asks.
    visit.reset()
    type_in(app, visit.client.edit, "tekle", workspace)
    QTest.keyClick(visit.client.edit, Qt.Key.Key_Return)
    shot(app, window, "visit-several-clients", workspace)
    visit.reset()

    window.tabs.setCurrentWidget(window.clients)
    type_in(app, window.clients.search, "hassan", workspace)
    shot(app, window, "clients", workspace)

    # The reason for opening the page given (the dialog asking it is modal).
    workspace.desk.clients.record_page_open(first_client, "Spreekuur / bezoek van de cliënt")
    workspace.opened_pages.add(first_client)
    window.open_client(first_client)
    settle(app, workspace)
    shot(app, window, "client-page", workspace)

    window.tabs.setCurrentWidget(window.deadlines)
    shot(app, window, "deadlines", workspace)

    window.tabs.setCurrentWidget(window.couplings)
    settle(app, workspace)
    window.couplings.programme.setCurrentIndex(window.couplings.programme.findText("Taalcoach"))
    settle(app, workspace)
    window.couplings.panel.tabs.setCurrentIndex(1)
    shot(app, window, "couplings", workspace)

    window.tabs.setCurrentWidget(window.volunteers)
    shot(app, window, "volunteers", workspace)

    # A new client with the birth date and nearly the name of one who exists.
    with db.session() as s:
        c = s.get(m.Client, first_client)
        typed = {"first_name": c.first_name, "last_name": c.last_name + "a",
                 "birth_date": c.birth_date}
    dialog = ClientDialog(workspace, defaults=typed, parent=window)
    show(app, dialog)
    settle(app, workspace)
    dialog.save()
    shot(app, dialog, "duplicate-warning", workspace)
    dialog.close()

    # File → Importeren…: what the workbook changes, before anything is written.
    source = workbook_with_changes(tmp, workspace)
    plan = workspace.desk.exchange.plan_import(source, lambda _done, _total: None, lambda: False)
    preview = ImportPreviewDialog(plan, None, window)
    show(app, preview)
    shot(app, preview, "import-preview")
    preview.close()
    plan.close()

    # The database as on an office PC (platformdirs' folder on Windows), not this run's temp folder.
    about = AboutBox(r"C:\Users\Vrijwilliger\AppData\Local\vwdesk\vwdesk.sqlite", window)
    show(app, about)
    shot(app, about, "about")
    about.close()

    window.tabs.setCurrentWidget(window.visit)
    help_window = HelpWindow(window)
    help_window.show_guide("handleiding.md")
    app.processEvents()
    shot(app, help_window, "help")
    help_window.close()

    window.close()
    settle(app, workspace)
    db.close()
    empty.close()


def report_shot(app: QApplication, tmp: Path) -> None:
    """Extra → Jaarverslag on the demo database: the sections, the editor of
    the one chosen and the report as it is printed."""
    from vwdesk.app.login import authenticate, open_desk
    from vwdesk.demo import fill_demo
    from vwdesk.gui.main_window import MainWindow
    from vwdesk.gui.workspace import Workspace

    db = Database(f"sqlite:///{tmp / 'vwdesk-demo.sqlite'}")
    fill_demo(db)
    who = authenticate(db, "teamleider-vlaardingen", "demo-wachtwoord")
    workspace = Workspace(open_desk(db, who), who.display_name, demo=True)
    window = MainWindow(workspace)
    show(app, window)
    settle(app, workspace)
    window.show_report()
    report = window.extra_tabs["report"]
    settle(app, workspace)
    report.year.setValue(2019)  # the demo's last complete year
    settle(app, workspace, quiet_ms=1500)
    report.sections.setCurrentRow(2)  # Spreekuur/infopunt
    settle(app, workspace, quiet_ms=1000)
    shot(app, window, "report", workspace)
    window.close()
    settle(app, workspace)
    db.close()


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        os.environ["VWDESK_DATA_DIR"] = str(tmp)  # settings and window places stay in here
        app = QApplication(sys.argv)
        i18n.install(app, "nl")
        fonts.install(app)
        desk_shots(app, tmp)
        report_shot(app, tmp)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
