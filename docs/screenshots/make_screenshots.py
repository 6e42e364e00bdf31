"""Regenerate the PNGs in docs/screenshots on a small synthetic office.

    Xvfb :99 -screen 0 1280x800x24 &
    DISPLAY=:99 PYTHONPATH=src .venv/bin/python docs/screenshots/make_screenshots.py

All names are invented. Ge'ez names need an Ethiopic font on the machine
(Debian: fonts-sil-abyssinica; Windows ships Nyala/Ebrima).
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.core.services import base, contacts
from vwdesk.core.services.locations import create_location
from vwdesk.core.services.users import SYSTEM, actor_for, create_user
from vwdesk.gui import i18n
from vwdesk.gui.client_form import ClientDialog
from vwdesk.gui.login import LoginDialog, SetupDialog
from vwdesk.gui.main_window import MainWindow
from vwdesk.gui.session import DeskSession

OUT = Path(__file__).resolve().parent
FIRST = ["Omar", "Sara", "Yonas", "Amal", "Ahmad", "Lina", "Tesfay", "Huda", "Samir", "Meron",
         "Rahel", "Bilal", "Nour", "Dawit", "Fatima", "Karim", "حسن", "ሃብቶም", "Ali", "Mariam"]
LAST = ["Al-Hassan", "Tekle", "Haddad", "Mebrahtu", "Khalil", "Yousef", "Ghebre", "Nasser",
        "Berhane", "Darwish", "علي", "ተስፋይ", "Rahimi", "Okafor", "Haile", "Saleh"]


def fill(db: Database) -> tuple[int, int]:
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
                "number": str(i + 1), "first_name": first, "last_name": last,
                "kind": "vrijwilliger", "team": team, "start": today - dt.timedelta(days=700)}))
        tl.volunteer_id = coaches[0].id
        topic_ids = [t for t, _n in contacts.topics(s)]
        programmes = {p.key: p.id for p in s.scalars(
            select(m.Programme).where(m.Programme.location_id == loc.id))}
        clients = []
        for n in range(1, 241):
            clients.append(base.create(s, actor, "clients", loc.id, {
                "number": str(1000 + n), "first_name": rnd.choice(FIRST),
                "last_name": rnd.choice(LAST),
                "birth_date": dt.date(1960 + rnd.randrange(50), rnd.randrange(1, 13),
                                      rnd.randrange(1, 29)),
                "gender": rnd.choice("mvx"), "nationality": rnd.choice(["SY", "ER", "AF", "IQ", "XX"]),
                "intake": rnd.choice(["regulier", "nareiziger", "gva"]),
                "housed_on": today - dt.timedelta(days=rnd.randrange(30, 900)),
                "phone": "06-" + str(rnd.randrange(10_000_000, 99_999_999)),
                "note": "Komt meestal op dinsdag."}).id)
        for i in range(9):
            contacts.register(s, actor, loc.id, {
                "date": today, "kind": "spreekuur" if i % 4 else "juridisch",
                "client_id": clients[i * 7] if i != 4 else None,
                "person_label": "vrouw met kinderwagen" if i == 4 else None,
                "volunteer_id": coaches[i % 3].id},
                rnd.sample(topic_ids, rnd.randrange(1, 4)))
        for i in range(30):
            c = clients[rnd.randrange(len(clients))]
            contacts.register(s, actor, loc.id, {
                "date": today - dt.timedelta(days=rnd.randrange(1, 300)), "kind": "spreekuur",
                "client_id": c, "volunteer_id": coaches[1].id}, rnd.sample(topic_ids, 2))
        for i, days in enumerate((-4, 2, 6, 11, 19, 33, 48, 75)):
            base.create(s, actor, "dossiers", loc.id, {
                "number": f"D-{2024 + i % 2}-{i + 1:03}", "client_id": clients[i * 3],
                "kind": ["gezinshereniging", "naturalisatie", "verlenging"][i % 3],
                "opened_on": today - dt.timedelta(days=120 + i), "family_members": 1 + i % 4,
                "deadline": today + dt.timedelta(days=days)})
        for i in range(14):
            key = "taalcoach" if i % 2 else "wegwijs"
            start = today - dt.timedelta(days=20 + 25 * i) if i < 9 else None
            values = {"number": f"K{i + 1:03}", "programme_id": programmes[key],
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
            "number": "K100", "programme_id": programmes["taalcoach"], "client_id": clients[0],
            "signed_up_on": today - dt.timedelta(days=60),
            "started_on": today - dt.timedelta(days=50), "coach_id": coaches[2].id})
        base.create(s, actor, "dossiers", loc.id, {
            "number": "D-2025-100", "client_id": clients[0], "kind": "gezinshereniging",
            "opened_on": today - dt.timedelta(days=150), "family_members": 3,
            "deadline": today + dt.timedelta(days=9)})
        return loc.id, clients[0]


def shot(widget, name: str, session=None) -> None:
    """Save a PNG of `widget` once its background loading is done."""
    if session is not None:
        session.tasks.wait()
    QApplication.processEvents()
    widget.grab().save(str(OUT / f"{name}.png"))
    print(name)


def main() -> int:
    app = QApplication(sys.argv)
    i18n.install(app, "nl")
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{tmp}/shots.sqlite")
        location_id, first_client = fill(db)
        with db.session() as s:
            user = s.scalar(select(m.User).where(m.User.username == "marieke"))
            actor = actor_for(user)
        session = DeskSession(db, actor, location_id, "Vlaardingen", "Marieke de Vries")

        login = LoginDialog(db, [("marieke", "demo-wachtwoord", "teamleider"),
                                 ("yonas", "demo-wachtwoord", "vrijwilliger")])
        login.username.setText("marieke")
        login.show()
        shot(login, "login")
        login.close()
        setup = SetupDialog(db)
        setup.show()
        shot(setup, "first-start")
        setup.close()

        window = MainWindow(session)
        window.resize(1200, 720)
        window.show()
        session.tasks.wait()
        app.processEvents()
        window.visit.client.edit.setText("tekle")
        window.visit.client.search_now()
        for name in ("werk", "brieven"):
            next(c for c in window.visit.chips.values() if c.text() == name).setChecked(True)
        shot(window, "register-visit", session)
        window.visit.reset()
        window.tabs.setCurrentWidget(window.clients)
        shot(window, "clients", session)
        page = window.open_client(first_client)
        session.tasks.wait()
        app.processEvents()
        shot(window, "client-page", session)
        window.tabs.setCurrentWidget(window.deadlines)
        session.tasks.wait()
        app.processEvents()
        shot(window, "deadlines", session)
        window.tabs.setCurrentWidget(window.couplings)
        window.couplings.programme.setCurrentIndex(window.couplings.programme.findText("Taalcoach"))
        window.couplings.panel.tabs.setCurrentIndex(1)
        shot(window, "couplings", session)
        window.tabs.setCurrentWidget(window.volunteers)
        shot(window, "volunteers", session)
        dialog = ClientDialog(session, parent=window)
        with db.session() as s:
            c = s.get(m.Client, first_client)
            values = {"first_name": c.first_name, "last_name": c.last_name.replace("-", ""),
                      "birth_date": c.birth_date}
        dialog.form.set_values(values)
        dialog.show()
        dialog.save()
        shot(dialog, "duplicate-warning")
        dialog.close()
        del page
        window.close()
        db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
