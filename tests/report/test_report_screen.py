"""The Report screen, driven by keys and clicks (pytest-qt, offscreen)."""

from __future__ import annotations

import copy
import shutil
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
)

from vwdesk.app.login import authenticate, open_desk
from vwdesk.core.db import Database
from vwdesk.gui.report.editor import SentenceEdit
from vwdesk.gui.report.screen import ReportScreen
from vwdesk.gui.workspace import Workspace
from vwdesk.report.store import load_template, load_texts


@pytest.fixture
def db(demo_db, tmp_path):
    """A private copy of the demo database (the screen writes)."""
    with demo_db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_db.engine.url.database, path)
    database = Database(f"sqlite:///{path}")
    yield database
    database.close()


def make_screen(qtbot, db, username="teamleider-vlaardingen", size=(1400, 900)):
    who = authenticate(db, username, "demo-wachtwoord")
    workspace = Workspace(open_desk(db, who), who.display_name)
    screen = ReportScreen(workspace)
    screen.workspace_ref = workspace  # kept alive as long as the screen
    qtbot.addWidget(screen)
    screen.resize(*size)
    screen.show()
    wait_for_figures(qtbot, screen)
    return screen


# A year's figures and its PDF pages are computed off the GUI thread: on a busy
# CI machine that takes longer than pytest-qt's default 5 s.
WAIT_MS = 20_000


def settle(qtbot, screen):
    qtbot.waitUntil(lambda: not screen.workspace.ops.is_busy() and not screen.timer.isActive(),
                    timeout=WAIT_MS)


def wait_for_figures(qtbot, screen):
    qtbot.waitUntil(lambda: not screen.loading and screen.draft is not None
                    and screen.draft.figures is not None, timeout=WAIT_MS)
    settle(qtbot, screen)


def preview_text(screen) -> str:
    return " ".join(screen.preview.text().split())


def notice_details(screen) -> str:
    """What Details… under the editor lists, one line a figure."""
    from vwdesk.gui.report.notice import FiguresNotice

    return "\n".join(FiguresNotice(screen.notice_parts, screen).lines())


def select_section(qtbot, screen, title):
    for row in range(screen.sections.count()):
        if screen.sections.item(row).text() == title:
            screen.sections.setCurrentRow(row)
            return row
    raise AssertionError(title)


def test_preview_shows_the_year_and_follows_the_year_box(qtbot, db):
    screen = make_screen(qtbot, db)
    assert screen.year.value() == 2019  # last year with registrations
    screen.year.clear()
    qtbot.keyClicks(screen.year, "2018")
    assert screen.loading  # computed off the GUI thread; the screen says so
    assert "2018" in screen.status.text() and not screen.pdf_button.isEnabled()
    wait_for_figures(qtbot, screen)
    assert screen.pdf_button.isEnabled() and screen.status.text() == ""
    text = preview_text(screen)
    assert "Vlaardingen: 2018 in cijfers" in text
    assert "552 bezoekers aan onze spreekuren (2017: 316)" in text
    assert "De taakstelling is niet behaald" in text  # the saved prose of 2018


class Computations:
    """The Report screen's `compute_figures`, watched: each call's year and
    whether it ran on the GUI thread; a year can be held back or fail."""

    def __init__(self, monkeypatch):
        import vwdesk.report

        self.calls: list[tuple[int, bool]] = []
        self.held: dict[int, threading.Event] = {}
        self.failing: set[int] = set()
        compute = vwdesk.report.compute_figures

        def watched(db, location_id, year, **kwargs):
            self.calls.append((year, threading.current_thread() is threading.main_thread()))
            if year in self.held:
                self.held[year].wait(10)
            if year in self.failing:
                raise RuntimeError("database gone")
            return compute(db, location_id, year, **kwargs)

        monkeypatch.setattr(vwdesk.report, "compute_figures", watched)

    @property
    def years(self) -> list[int]:
        return [year for year, _ in self.calls]

    def hold(self, year: int) -> None:
        self.held[year] = threading.Event()

    def release(self, year: int) -> None:
        self.held.pop(year).set()


@pytest.fixture
def computations(monkeypatch) -> Computations:
    return Computations(monkeypatch)


def test_a_year_chosen_while_another_is_computed_wins(qtbot, db, computations):
    screen = make_screen(qtbot, db)
    computations.hold(2017)
    screen.year.setValue(2017)
    screen.year.setValue(2018)  # before the figures of 2017 are in
    wait_for_figures(qtbot, screen)
    assert screen.draft.figures.year == 2018
    computations.release(2017)
    settle(qtbot, screen)  # the result of 2017 arrives last, and is dropped
    assert screen.draft.figures.year == 2018
    assert "Vlaardingen: 2018 in cijfers" in preview_text(screen)


def test_typing_goes_on_while_the_figures_are_computed(qtbot, db, computations):
    screen = make_screen(qtbot, db)
    select_section(qtbot, screen, "Spreekuur/infopunt")
    computations.hold(2018)
    screen.year.setValue(2018)
    assert screen.loading
    qtbot.waitUntil(lambda: screen.draft.year == 2018)  # the year's texts are in
    prose = screen.findChild(QPlainTextEdit, "prose:spreekuur")
    result = screen.findChild(QLabel, "result:spreekuur.bezoekers")
    assert result.text() == "Computing…"  # no figures yet
    qtbot.waitExposed(screen)
    screen.windowHandle().requestActivate()
    qtbot.waitUntil(screen.isActiveWindow)
    prose.setFocus()
    qtbot.keyClick(prose, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(prose, " Tot ziens.")
    assert prose.hasFocus()
    computations.release(2018)
    wait_for_figures(qtbot, screen)
    assert screen.findChild(QPlainTextEdit, "prose:spreekuur") is prose and prose.hasFocus()
    assert prose.toPlainText().endswith(" Tot ziens.")
    assert "552" in result.text()


def test_figures_that_cannot_be_computed_are_said_and_keep_pdf_and_print_off(qtbot, db,
                                                                              computations,
                                                                              monkeypatch):
    computations.failing.add(2018)
    screen = make_screen(qtbot, db)
    assert computations.years == [2019]  # opening the screen computes its year once
    screen.year.setValue(2018)
    qtbot.waitUntil(lambda: not screen.loading)
    assert "unexpectedly (RuntimeError)" in screen.status.text()
    assert not screen.pdf_button.isEnabled() and not screen.print_button.isEnabled()
    assert screen.retry_button.isVisible()
    qtbot.mouseClick(screen.retry_button, Qt.MouseButton.LeftButton)  # fails again: said again
    assert not screen.retry_button.isVisible()
    qtbot.waitUntil(lambda: not screen.loading)
    assert computations.years == [2019, 2018, 2018] and screen.retry_button.isVisible()
    assert preview_text(screen) == ""  # not the report of 2019 under 2018
    edit = screen.findChild(QPlainTextEdit, "prose:intro")
    qtbot.keyClicks(edit, "x")  # typing does not hide what went wrong
    assert "unexpectedly (RuntimeError)" in screen.status.text()
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", staticmethod(  # keep the typed text unsaved
        lambda *a, **k: QMessageBox.StandardButton.No))
    screen.year.setValue(2019)
    wait_for_figures(qtbot, screen)
    assert screen.status.text() == "" and screen.pdf_button.isEnabled()
    assert not screen.retry_button.isVisible()


def test_a_sentence_with_an_error_keeps_its_text_across_a_year_switch(qtbot, db):
    screen = make_screen(qtbot, db)
    select_section(qtbot, screen, "Spreekuur/infopunt")
    edit = screen.findChild(SentenceEdit, "text:spreekuur.bezoekers")
    edit.selectAll()
    qtbot.keyClicks(edit, "{spreekuur.contacten")
    screen.year.setValue(2018)
    wait_for_figures(qtbot, screen)
    edit = screen.findChild(SentenceEdit, "text:spreekuur.bezoekers")
    assert edit.text() == "{spreekuur.contacten"  # what the user typed, with its error
    assert "zonder bijbehorende" in screen.draft.errors["spreekuur.bezoekers"]
    assert screen.findChild(QLabel, "result:spreekuur.bezoekers").text() == ""
    assert not screen.save_button.isEnabled()
    qtbot.keyClick(edit, Qt.Key.Key_End)
    qtbot.keyClicks(edit, "}")
    assert "spreekuur.bezoekers" not in screen.draft.errors and screen.save_button.isEnabled()


def test_a_comparison_asked_for_is_computed_off_the_gui_thread(qtbot, db, computations):
    screen = make_screen(qtbot, db)
    screen.year.setValue(2018)
    wait_for_figures(qtbot, screen)
    select_section(qtbot, screen, "Spreekuur/infopunt")
    edit = screen.findChild(SentenceEdit, "text:spreekuur.bezoekers")
    edit.selectAll()
    qtbot.keyClicks(edit, "{juridisch.gh_herenigd} gezinnen herenigd, in {vorig_jaar} "
                          "{juridisch.gh_herenigd jaar=vorig}")  # not compared so far
    qtbot.waitUntil(lambda: "12 gezinnen herenigd, in 2017 12" in preview_text(screen))
    result = screen.findChild(QLabel, "result:spreekuur.bezoekers")
    assert "12 gezinnen herenigd, in 2017 12" in result.text()
    assert computations.calls == [(2019, False), (2018, False), (2018, False)]  # + comparison


def test_rewording_with_a_wrong_placeholder_shows_an_error_and_blocks_saving(qtbot, db):
    screen = make_screen(qtbot, db)
    screen.year.setValue(2018)
    wait_for_figures(qtbot, screen)
    select_section(qtbot, screen, "Spreekuur/infopunt")
    edit = screen.findChild(SentenceEdit, "text:spreekuur.bezoekers")
    edit.selectAll()
    qtbot.keyClicks(edit, "{spreekuur.bezoekers} mensen")
    error = screen.editor.widgets["spreekuur.bezoekers"]["error"]
    assert error.isVisible() and "Onbekend cijfer" in error.text()
    assert not screen.save_button.isEnabled()
    edit.selectAll()
    qtbot.keyClicks(edit, "{spreekuur.contacten} mensen op het spreekuur")
    assert not error.isVisible()
    assert screen.save_button.isEnabled()
    qtbot.waitUntil(lambda: "552 mensen op het spreekuur" in preview_text(screen), timeout=3000)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.status.text() == "Saved.")
    with db.session() as s:
        tpl = load_template(s, screen.workspace.location_id)
    item = next(i for sec in tpl["sections"] for i in sec["items"]
                if i["id"] == "spreekuur.bezoekers")
    assert item["text"] == "{spreekuur.contacten} mensen op het spreekuur"


def test_switching_a_sentence_and_a_section_off(qtbot, db):
    screen = make_screen(qtbot, db)
    screen.year.setValue(2018)
    wait_for_figures(qtbot, screen)
    select_section(qtbot, screen, "Spreekuur/infopunt")
    assert "De meeste vragen gaan over" in preview_text(screen)
    box = screen.findChild(QCheckBox, "show:spreekuur.top")
    box.click()
    settle(qtbot, screen)
    assert "De meeste vragen gaan over" not in preview_text(screen)
    row = select_section(qtbot, screen, "Computerlessen")
    assert "computerbijeenkomsten" in preview_text(screen)
    screen.sections.item(row).setCheckState(Qt.CheckState.Unchecked)
    settle(qtbot, screen)
    assert "computerbijeenkomsten" not in preview_text(screen)
    assert screen.save_now()
    with db.session() as s:
        tpl = load_template(s, screen.workspace.location_id)
    assert next(sec for sec in tpl["sections"] if sec["key"] == "computerlessen")["enabled"] is False


def test_editing_prose_saves_a_report_text(qtbot, db):
    screen = make_screen(qtbot, db)
    screen.year.setValue(2018)
    wait_for_figures(qtbot, screen)
    select_section(qtbot, screen, "Introduction")
    edit = screen.findChild(QPlainTextEdit, "prose:intro")
    edit.selectAll()
    qtbot.keyClicks(edit, "Een nieuw jaar met {spreekuur.contacten} bezoekers.")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, screen)
    with db.session() as s:
        assert load_texts(s, screen.workspace.location_id, 2018)["intro"] == \
            "Een nieuw jaar met {spreekuur.contacten} bezoekers."
    assert "Een nieuw jaar met 552 bezoekers." in preview_text(screen)


def test_a_volunteer_can_look_but_not_edit(qtbot, db):
    screen = make_screen(qtbot, db, "vrijwilliger-vlaardingen")
    assert not screen.save_button.isVisible()
    select_section(qtbot, screen, "Introduction")
    assert screen.findChild(QPlainTextEdit, "prose:intro").isReadOnly()


def test_save_as_pdf_and_print(qtbot, db, tmp_path, monkeypatch):
    screen = make_screen(qtbot, db)
    screen.year.setValue(2018)
    wait_for_figures(qtbot, screen)
    target = tmp_path / "verslag"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "PDF")))
    qtbot.mouseClick(screen.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (tmp_path / "verslag.pdf").exists())
    settle(qtbot, screen)
    assert (tmp_path / "verslag.pdf").read_bytes().startswith(b"%PDF")
    printed = tmp_path / "printed.pdf"

    def accept(dialog):  # the user picks "print to file" and presses Print
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.status.text() == "Sent to the printer.", timeout=20000)
    assert printed.stat().st_size > 1000


def test_overridden_figures_are_named(qtbot, db):
    from vwdesk.core.services.base import create

    actor = authenticate(db, "teamleider-vlaardingen", "demo-wachtwoord").actor
    with db.session() as s:
        create(s, actor, "year_figures", actor.location_id,
               {"year": 2019, "key": "huisvesting.personen", "value": 80.0, "mode": "vervangt",
                "note": "telling COA"})
    screen = make_screen(qtbot, db)
    assert screen.year.value() == 2019
    assert "instead of computed: 1" in screen.notice.text()
    details = notice_details(screen)
    assert "huisvestingsdatum in het jaar: 80 instead of the computed" in details
    assert "telling COA" in details
    assert "huisvesting.personen" not in details  # in words
    screen.year.setValue(2018)
    wait_for_figures(qtbot, screen)
    assert not screen.notice_box.isVisible()


def test_the_preview_shows_the_pdfs_own_pages(qtbot, db, tmp_path, monkeypatch):
    import pypdfium2
    from PySide6.QtGui import QColor

    screen = make_screen(qtbot, db)
    screen.year.setValue(2018)
    wait_for_figures(qtbot, screen)
    target = tmp_path / "verslag.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "PDF")))
    qtbot.mouseClick(screen.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists)
    settle(qtbot, screen)
    pdf = pypdfium2.PdfDocument(target.read_bytes())
    assert len(screen.preview.labels) == len(pdf) > 1  # the same pages as what is saved
    assert [page.text for page in screen.preview.pages] == \
        [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    first = screen.preview.labels[0].pixmap().toImage()
    assert QColor(first.pixel(2, 2)) == QColor("white")  # paper, not a grey box
    pdf.close()


def test_switching_year_offers_to_save_changed_texts(qtbot, db, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    screen = make_screen(qtbot, db)
    screen.year.setValue(2018)
    wait_for_figures(qtbot, screen)
    select_section(qtbot, screen, "Introduction")
    edit = screen.findChild(QPlainTextEdit, "prose:intro")
    edit.selectAll()
    qtbot.keyClicks(edit, "Tekst voor 2018.")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes))
    screen.year.setValue(2019)
    wait_for_figures(qtbot, screen)
    assert asked and screen.draft.year == 2019
    with db.session() as s:
        assert load_texts(s, screen.workspace.location_id, 2018)["intro"] == "Tekst voor 2018."
    assert screen.findChild(QPlainTextEdit, "prose:intro").toPlainText() == ""


def test_sentence_result_shows_at_once_with_filtered_figures(qtbot, db):
    screen = make_screen(qtbot, db)
    screen.year.setValue(2018)
    wait_for_figures(qtbot, screen)
    select_section(qtbot, screen, "Spreekuur/infopunt")
    edit = screen.findChild(SentenceEdit, "text:spreekuur.bezoekers")
    result = screen.findChild(QLabel, "result:spreekuur.bezoekers")
    assert result.text() == "Result: 552 bezoekers aan onze spreekuren (2017: 316)"
    edit.selectAll()
    qtbot.keyClicks(edit, "{spreekuur.contacten half=1} in het eerste halfjaar, "
                          "{contacten.aantal soort=juridisch:woord} juridisch")
    qtbot.waitUntil(lambda: result.text().startswith("Result: "))  # its figures computed
    first_half = sum(screen.draft.figures.get("spreekuur.per_maand")[:6])
    assert f"Result: {first_half} in het eerste halfjaar" in result.text()
    edit.selectAll()
    qtbot.keyClicks(edit, "{huisvesting.nationaliteiten top=abc}")
    error = screen.editor.widgets["spreekuur.bezoekers"]["error"]
    assert error.text() == "Parameter top=abc past niet: gebruik een heel getal vanaf 1."
    assert result.text() == ""
    edit.selectAll()
    qtbot.keyClicks(edit, "{huisvesting.personen gemeente=Schiedam}")
    assert "deze locatie bedient de gemeenten Vlaardingen" in error.text()


def test_official_and_replaced_figures_are_marked(qtbot, db):
    from vwdesk.core.services.base import create
    from vwdesk.core.services.locations import get_location

    with db.session() as s:
        loc = get_location(s, "Vlaardingen")
        actor = authenticate(db, "teamleider-vlaardingen", "demo-wachtwoord").actor
        create(s, actor, "year_figures", loc.id, {"year": 2018, "key": "huisvesting.personen",
                                                  "value": 93, "mode": "naast",
                                                  "note": "telling COA"})
        create(s, actor, "year_figures", loc.id, {"year": 2018, "key": "huisvesting.woningen",
                                                  "value": 30, "mode": "vervangt",
                                                  "note": "lijst corporatie"})
    screen = make_screen(qtbot, db)
    screen.year.setValue(2018)
    wait_for_figures(qtbot, screen)
    select_section(qtbot, screen, "Spreekuur/infopunt")
    details = notice_details(screen)
    assert ": 93 beside the registered 90 (telling COA)" in details
    assert ": 30 instead of the computed 27 (lijst corporatie)" in details
    edit = screen.findChild(SentenceEdit, "text:spreekuur.bezoekers")
    typed = screen.findChild(QLabel, "typed:spreekuur.bezoekers")
    assert not typed.isVisible()
    edit.selectAll()
    qtbot.keyClicks(edit, "{huisvesting.personen} gehuisvest (COA: "
                          "{officieel.huisvesting.personen}) in {huisvesting.woningen} woningen")
    result = screen.findChild(QLabel, "result:spreekuur.bezoekers")
    qtbot.waitUntil(lambda: result.text().startswith("Result: 90 gehuisvest (COA: 93) in 30"))
    assert typed.isVisible()
    assert typed.text() == (
        "{officieel.huisvesting.personen} is an official figure typed in (93), shown beside the "
        "registered 90 (telling COA); {huisvesting.woningen} is typed in (30) and replaces the "
        "registered 27 (lijst corporatie)")


def test_a_new_sentence_is_added_typed_and_saved(qtbot, db):
    screen = make_screen(qtbot, db)
    screen.year.setValue(2018)
    wait_for_figures(qtbot, screen)
    select_section(qtbot, screen, "Spreekuur/infopunt")
    add = screen.findChild(QPushButton, "add-sentence")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    edit = screen.findChild(SentenceEdit, "text:spreekuur.eigen1")
    result = screen.findChild(QLabel, "result:spreekuur.eigen1")
    assert edit.text() == "" and result.text() == ""
    qtbot.keyClicks(edit, "Er waren {contacten.aantal soort=juridisch} juridische contacten.")
    qtbot.waitUntil(lambda: result.text().startswith("Result: Er waren "))
    qtbot.waitUntil(lambda: "juridische contacten." in preview_text(screen), timeout=3000)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, screen)
    with db.session() as s:
        template = load_template(s, screen.workspace.location_id)
    section = next(sec for sec in template["sections"] if sec["key"] == "spreekuur")
    assert section["items"][-1]["text"] == \
        "Er waren {contacten.aantal soort=juridisch} juridische contacten."


def test_template_export_and_import_through_the_screen(qtbot, db, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from vwdesk.report.template_file import toml_to_template

    screen = make_screen(qtbot, db)
    target = tmp_path / "vlaardingen"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "TOML")))
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    text = (tmp_path / "vlaardingen.toml").read_text(encoding="utf-8")
    assert toml_to_template(text) == screen.draft.template

    edited = tmp_path / "nieuw.toml"
    edited.write_text(text.replace('titel = "Spreekuur/infopunt"', 'titel = "Inloopspreekuur"'),
                      encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(edited), "TOML")))
    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    titles = [screen.sections.item(r).text() for r in range(screen.sections.count())]
    assert "Inloopspreekuur" in titles and "Spreekuur/infopunt" not in titles
    assert screen.save_button.isEnabled()
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, screen)
    with db.session() as s:
        assert any(sec["title"] == "Inloopspreekuur"
                   for sec in load_template(s, screen.workspace.location_id)["sections"])

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text: warnings.append(text)))
    edited.write_text(text.replace("{spreekuur.top_onderwerp}", "{spreekuur.topic}"),
                      encoding="utf-8")
    before = copy.deepcopy(screen.draft.template)
    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    assert screen.draft.template == before
    assert "onbekend cijfer `{spreekuur.topic}`; bedoelde u `{spreekuur.top_onderwerp}`?" \
        in warnings[0]
    assert "\nregel " in warnings[0]


def test_typing_while_a_save_is_on_its_way_stays_unsaved(qtbot, db):
    """What is typed after pressing Save is not marked saved (only what was
    written is), so closing still asks about it."""
    screen = make_screen(qtbot, db)
    select_section(qtbot, screen, "Introduction")
    edit = screen.findChild(QPlainTextEdit, "prose:intro")
    edit.setPlainText("Eerste versie.")
    gate = threading.Event()
    screen.workspace.ops.write(None, lambda desk: gate.wait(10))  # another write goes first
    screen.save_button.click()
    assert not screen.save_button.isEnabled()  # one save at a time
    edit.setPlainText("Tweede versie.")
    gate.set()
    settle(qtbot, screen)
    with db.session() as s:
        assert load_texts(s, screen.workspace.location_id, screen.draft.year)["intro"] == \
            "Eerste versie."
    assert screen.has_unsaved_changes() and screen.save_button.isEnabled()


def test_a_preview_on_its_way_never_shows_under_another_year(qtbot, db, monkeypatch):
    import vwdesk.app.report
    import vwdesk.gui.report.preview as preview
    from vwdesk.core.errors import VwdeskError

    screen = make_screen(qtbot, db)
    gate = threading.Event()
    render = preview.render_pages
    monkeypatch.setattr(preview, "render_pages", lambda pdf, width: gate.wait(10) and
                        render(pdf, width))
    screen.sections.item(1).setCheckState(Qt.CheckState.Unchecked)  # a new 2019 preview
    qtbot.waitUntil(lambda: screen.preview.rendering, timeout=5000)

    def broken(self, year, needs):
        raise VwdeskError("De cijfers zijn er even niet.")

    monkeypatch.setattr(vwdesk.app.report.ReportDoor, "figures", broken)
    screen.year.setValue(2018)
    gate.set()
    settle(qtbot, screen)
    assert screen.preview.pages == [] and "even niet" in screen.status.text()


def test_a_figure_is_inserted_by_what_it_counts_and_missing_figures_are_said(qtbot, db,
                                                                            monkeypatch):
    from vwdesk.gui.report.picker import FigurePicker

    screen = make_screen(qtbot, db)
    screen.year.setValue(2018)
    wait_for_figures(qtbot, screen)
    select_section(qtbot, screen, "Spreekuur/infopunt")
    edit = screen.findChild(SentenceEdit, "text:spreekuur.bezoekers")
    assert "Contacten van soort spreekuur" in edit.toolTip()  # its figures in words

    def choose(picker):
        qtbot.keyClicks(picker.search, "nareizigers")
        picker._take()
        return FigurePicker.DialogCode.Accepted

    monkeypatch.setattr(FigurePicker, "exec", choose)
    edit.moveCursor(QTextCursor.MoveOperation.End)
    button = next(b for b in screen.editor.findChildren(QPushButton) if b.text() == "Figure…")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert edit.text().endswith("{huisvesting.nareizigers}")
    # A sentence with a typed-in figure nobody typed in: said, in words.
    edit.setPlainText("Cursisten: {eigen.cursisten}.")
    settle(qtbot, screen)
    assert "Figures not typed in: 1" in screen.notice.text()
    assert "Ingevoerd jaarcijfer met een eigen sleutel van de locatie: cursisten (2018), " \
        "needed for: Spreekuur/infopunt" in notice_details(screen)


def test_every_section_name_can_be_read_in_the_list(qtbot, db):
    screen = make_screen(qtbot, db, size=(1920, 900))
    names = screen.sections
    assert names.horizontalScrollBar().maximum() == 0  # nothing cut off to the right
    for row in range(names.count()):
        item = names.item(row)
        assert names.visualItemRect(item).width() <= names.viewport().width()
        assert names.sizeHintForRow(row) > 0 and item.toolTip() == item.text()
    longest = max((names.item(r).text() for r in range(names.count())), key=len)
    assert "belangenbehartiging" in longest
    width = names.fontMetrics().horizontalAdvance(longest)
    assert names.viewport().width() >= width + 20  # the check box and the whole name


def _printed_at(pdf: bytes, words: str) -> tuple[int, float]:
    """Where `words` start in the PDF: (page, fraction of its height from the top)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    for number, page in enumerate(document):
        found = page.get_textpage().search(words).get_next()
        if found:
            _left, _bottom, _right, top = page.get_textpage().get_charbox(found[0])
            return number, (page.get_height() - top) / page.get_height()
    raise AssertionError(words)


def test_the_preview_shows_the_sentence_being_edited(qtbot, db):
    """Editing a sentence that is printed a page after its section's title:
    the preview scrolls to the sentence, not to the page of the title."""
    from vwdesk.report.pages import pdf_bytes

    screen = make_screen(qtbot, db, size=(2000, 900))  # a page is taller than the view
    select_section(qtbot, screen, "Inburgering")
    words = screen.findChild(QLabel, "words:inburgering.totaal")
    assert words is not None
    qtbot.mouseClick(words, Qt.MouseButton.LeftButton)  # a click on the words shows the codes
    edit = screen.findChild(SentenceEdit, "text:inburgering.totaal")
    assert edit.isVisible() and edit.hasFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, " Nieuw")
    qtbot.waitUntil(lambda: "Nieuw" in preview_text(screen), timeout=5000)
    settle(qtbot, screen)
    page, top = _printed_at(pdf_bytes(screen.draft.report()), "In totaal hebben")
    title_page, _ = _printed_at(pdf_bytes(screen.draft.report()), "Inburgering")
    assert page != title_page  # the case this test is about
    label = screen.preview.labels[page]
    line = label.y() + top * label.height()
    shown = screen.preview.verticalScrollBar().value()
    assert shown <= line <= shown + screen.preview.viewport().height() - 20


def test_the_preview_pages_fit_the_column(qtbot, db):
    screen = make_screen(qtbot, db)
    assert screen.preview.labels
    assert screen.preview.horizontalScrollBar().maximum() == 0


def _visible_texts(widget) -> list[str]:
    texts = []
    for child in widget.findChildren(QLabel) + widget.findChildren(SentenceEdit):
        if child.isVisible():
            texts.append(child.text())
    return texts


def test_the_editor_shows_sentences_in_words_and_the_codes_one_click_away(qtbot, db):
    screen = make_screen(qtbot, db)
    select_section(qtbot, screen, "Spreekuur/infopunt")
    shown = " ".join(_visible_texts(screen.editor))
    assert "{" not in shown and "spreekuur.contacten" not in shown  # no code on screen
    words = screen.findChild(QLabel, "words:spreekuur.bezoekers")
    assert "contacten van soort spreekuur in het jaar" in words.text()
    assert "bezoeker/bezoekers" in words.text()
    assert "Contacten van soort spreekuur" in words.toolTip()  # the definition, one hover away
    edit = screen.findChild(SentenceEdit, "text:spreekuur.bezoekers")
    assert not edit.isVisible()
    code = screen.findChild(QToolButton, "code:spreekuur.bezoekers")
    qtbot.mouseClick(code, Qt.MouseButton.LeftButton)
    assert edit.isVisible() and not words.isVisible()
    assert edit.text().startswith("{spreekuur.contacten}")
    qtbot.mouseClick(code, Qt.MouseButton.LeftButton)
    assert words.isVisible() and not edit.isVisible()


def test_a_year_without_figures_leaves_the_editor_and_preview_their_room(qtbot, db, monkeypatch):
    from vwdesk.gui.report.notice import FiguresNotice

    screen = make_screen(qtbot, db, size=(1366, 700))
    screen.year.setValue(2025)  # nothing typed in for it: many figures missing
    wait_for_figures(qtbot, screen)
    line = screen.notice.fontMetrics().lineSpacing()
    assert screen.notice_box.isVisible() and screen.notice.height() < 2 * line
    assert screen.splitter.height() > 500  # the editor and the preview keep their room
    assert "{" not in screen.notice.text()
    shown = []
    monkeypatch.setattr(FiguresNotice, "exec", lambda dialog: shown.append(dialog.lines()))
    qtbot.mouseClick(screen.details_button, Qt.MouseButton.LeftButton)
    lines = shown[0]
    assert len(lines) > 10
    assert not any("{" in text or "huisvesting.taakstelling" in text for text in lines)
    assert any(text.startswith("Taalgroepen (ingevoerd) (2025), needed for: Taalcentrum "
                               "Vlaardingen") for text in lines)
    assert any("programma wegwijs" in text for text in lines)


def test_a_long_sentence_is_wrapped_over_lines_and_the_picker_speaks_words(qtbot, db):
    from vwdesk.gui.report.picker import FigurePicker
    from vwdesk.report.figure_words import figure_choices

    screen = make_screen(qtbot, db, size=(1366, 720))
    select_section(qtbot, screen, "Housing")
    code = screen.findChild(QToolButton, "code:huisvesting.geslacht")
    qtbot.mouseClick(code, Qt.MouseButton.LeftButton)
    edit = screen.findChild(SentenceEdit, "text:huisvesting.geslacht")
    assert edit.text().startswith("{huisvesting.mannen}")
    width = edit.fontMetrics().horizontalAdvance(edit.text())
    assert width > edit.viewport().width()  # longer than the field is wide ...
    line = edit.fontMetrics().lineSpacing()
    assert edit.viewport().height() >= 2 * line  # ... so it takes two lines or more
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # one paragraph: Enter adds no line
    assert "\n" not in edit.text()
    picker = FigurePicker(figure_choices(["wegwijs"]), screen)
    qtbot.addWidget(picker)
    hint = " ".join(label.text() for label in picker.findChildren(QLabel))
    assert "=" not in hint and "Parameters: uitsplitsen" in hint
    texts = [picker.list.item(row).text() for row in range(picker.list.count())]
    assert texts and not any("{" in text for text in texts)  # words; the code in the tooltip
    assert picker.list.item(0).toolTip().startswith("{")
