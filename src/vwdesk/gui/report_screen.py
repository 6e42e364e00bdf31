"""The Report screen: a teamleader picks a year, edits each section's prose,
switches sections, sentences and charts on or off, rewords sentences, and
sees the report change as she types; then saves it as PDF or prints it.

Prose is stored per section and year (`ReportText`), the layout per location
(`Location.report_template`); both are checked before saving (a wrong
placeholder shows a Dutch message beside its field). The preview shows the
PDF pages when PySide6 has QtPdf; otherwise (PySide6-Essentials without it)
the same rendered report as formatted text with the charts as images, which
is also what Print uses then.
"""

from __future__ import annotations

import copy
import datetime as dt
import importlib.util
import io
import logging
import re
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import func, select

from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.core.errors import VwdeskError
from vwdesk.core.services.base import Actor
from vwdesk.report import Report, compute_figures
from vwdesk.report.charts import CHARTS, has_data, svg
from vwdesk.report.html import to_html
from vwdesk.report.filtered import add_missing_requests
from vwdesk.report.template_file import TemplateFileError, template_to_toml, toml_to_template
from vwdesk.report.store import (
    load_template,
    load_texts,
    municipality_names,
    save_template,
    save_text,
)
from vwdesk.report.template import (
    PLACEHOLDER,
    check_text,
    compare_keys,
    fill,
    format_value,
    placeholders_in,
    render,
    render_sentence,
    requests_in,
    typed_marks,
)
from vwdesk.gui.tasks import TaskRunner
from vwdesk.gui.widgets import discard

HAS_QTPDF = importlib.util.find_spec("PySide6.QtPdf") is not None
log = logging.getLogger(__name__)
PREVIEW_DELAY_MS = 400
CHART_WIDTH = 450
ERROR_STYLE = "color: #b00020;"
RESULT_STYLE = "color: #455a64;"
TYPED_STYLE = "color: #8a5a00;"


class ReportScreen(QWidget):
    def __init__(self, db: Database, actor: Actor, location_id: int, parent: QWidget | None = None,
                 tasks: TaskRunner | None = None):
        super().__init__(parent)
        actor.check_location(location_id)
        self.db, self.actor, self.location_id = db, actor, location_id
        self.editable = actor.is_teamleader
        with db.session() as s:
            self.location_name = s.get(m.Location, location_id).name
            self.cover_photo = s.get(m.Location, location_id).cover_photo
            self.saved_template = load_template(s, location_id)
            self.municipalities = municipality_names(s, location_id)
        self.template = copy.deepcopy(self.saved_template)
        self.saved_texts: dict[str, str] = {}
        self.texts: dict[str, str] = {}
        self.figures = None
        self.errors: dict[str, str] = {}
        self.item_widgets: dict[str, dict[str, Any]] = {}
        self.loaded_year: int | None = None
        self.previous_keys: set[str] = set()
        # Figures of a year are computed off the GUI thread (≈ 0.3 s with a
        # million contacts); a result for a year no longer shown is dropped.
        self.tasks = tasks or TaskRunner(self)  # the session's: its busy indicator, its wait
        self._generation = 0
        self.loading = False
        self.failed: str | None = None  # why the figures of the year shown are missing
        self.drafts: dict[str, str] = {}  # sentence id -> typed text with an error in it
        self._build()
        self.year.blockSignals(True)  # one load, below
        self.year.setValue(self._default_year())
        self.year.blockSignals(False)
        self._load_year()

    # ---------------------------------------------------------------- layout
    def _build(self) -> None:
        self.year = QSpinBox()
        self.year.setRange(2000, dt.date.today().year + 1)
        self.year.setAccessibleName(self.tr("Year"))
        self.save_button = QPushButton(self.tr("Save changes"))
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.export_button = QPushButton(self.tr("Export template…"))
        self.export_button.setToolTip(self.tr("Write this location's template to a text file "
                                              "(.toml), e.g. to share it with another location"))
        self.import_button = QPushButton(self.tr("Import template…"))
        self.import_button.setToolTip(self.tr("Read a template from a text file (.toml); it is "
                                              "checked first and kept when you save"))
        self.import_button.setVisible(self.editable)
        self.save_button.setEnabled(False)
        self.save_button.setVisible(self.editable)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addStretch(1)
        for button in (self.export_button, self.import_button, self.save_button,
                       self.pdf_button, self.print_button):
            top.addWidget(button)

        self.sections = QListWidget()
        self.sections.setAccessibleName(self.tr("Sections"))
        self.editor = QWidget()
        self.editor_layout = QVBoxLayout(self.editor)
        editor_scroll = QScrollArea()
        editor_scroll.setWidgetResizable(True)
        editor_scroll.setWidget(self.editor)
        if HAS_QTPDF:
            self.pages = QWidget()
            self.pages_layout = QVBoxLayout(self.pages)
            self.preview = QScrollArea()
            self.preview.setWidgetResizable(True)
            self.preview.setWidget(self.pages)
        else:
            self.preview = QTextBrowser()
        self.preview.setAccessibleName(self.tr("Preview"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.sections, editor_scroll, self.preview):
            splitter.addWidget(widget)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([220, 560, 620])
        self.status = QLabel()
        self.overrides = QLabel()
        self.overrides.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.overrides)
        self.retry_button = QPushButton(self.tr("Compute again"))
        self.retry_button.setToolTip(self.tr("Compute the figures of this year once more"))
        self.retry_button.hide()  # only after a failed computation
        status_line = QHBoxLayout()
        status_line.addWidget(self.status, 1)
        status_line.addWidget(self.retry_button)
        layout.addLayout(status_line)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.refresh_preview)
        self.year.valueChanged.connect(self._load_year)
        self.sections.currentRowChanged.connect(self._show_section)
        self.sections.itemChanged.connect(self._section_toggled)
        self.save_button.clicked.connect(self.save)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.export_button.clicked.connect(self.export_template)
        self.import_button.clicked.connect(self.import_template)
        self.print_button.clicked.connect(self.print_report)
        self.retry_button.clicked.connect(self._compute_in_background)
        self._fill_section_list()

    def _section_names(self) -> dict[str, str]:
        return {
            "intro": self.tr("Introduction"), "huisvesting": self.tr("Housing"),
            "spreekuur": self.tr("Consultation desk"), "juridisch": self.tr("Legal support"),
            "samenwerking": self.tr("Cooperation"), "mb": self.tr("Social guidance"),
            "wegwijs": self.tr("Wegwijs couplings"), "arbeid": self.tr("Employment"),
            "taalcoach": self.tr("Language coaches"), "inburgering": self.tr("Civic integration"),
            "taalcentrum": self.tr("Language centre"), "computerlessen": self.tr("Computer lessons"),
            "organisatie": self.tr("Organisation"), "resultaten": self.tr("Results and targets"),
        }

    def _fill_section_list(self) -> None:
        names = self._section_names()
        self.sections.blockSignals(True)
        self.sections.clear()
        for section in self.template["sections"]:
            title = PLACEHOLDER.sub(self._title_part, section.get("title", ""))
            item = QListWidgetItem(title or names.get(section["key"], section["key"]))
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if not self.editable:
                flags &= ~Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if section.get("enabled", True)
                               else Qt.CheckState.Unchecked)
            self.sections.addItem(item)
        self.sections.blockSignals(False)
        self.sections.setCurrentRow(0)

    def _title_part(self, match: re.Match) -> str:
        """A section title in the list: {locatie} filled in, {{ and }} as braces."""
        if match.group(1) is None:
            return match.group(0)[0]
        return self.location_name if match.group(1).strip() == "locatie" else match.group(0)

    def _default_year(self) -> int:
        """The last year with registrations (up to this year), else last year."""
        with self.db.session() as s:
            last = s.scalar(select(func.max(m.Contact.date))
                            .where(m.Contact.location_id == self.location_id))
        this_year = dt.date.today().year
        return min(last.year, this_year) if last else this_year - 1

    # ---------------------------------------------------------------- editing
    def _show_section(self, row: int) -> None:
        while self.editor_layout.count():
            widget = self.editor_layout.takeAt(0).widget()
            if widget is not None:
                discard(widget)
        self.item_widgets = {}
        if row < 0 or row >= len(self.template["sections"]):
            return
        section = self.template["sections"][row]
        holder = QWidget()
        rows = QVBoxLayout(holder)
        for item in section["items"]:
            self._add_item_editor(rows, item)
        if self.editable:
            add = QPushButton(self.tr("Add a sentence"))
            add.setObjectName("add-sentence")
            add.setToolTip(self.tr("A new sentence at the end of this section; write it with "
                                   "placeholders such as {huisvesting.personen gemeente=…}"))
            add.clicked.connect(lambda _=False, sec=section: self._add_sentence(sec))
            rows.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        self.editor_layout.addWidget(holder)
        self.editor_layout.addStretch(1)
        holder.show()  # now, not on the next event-loop turn

    def _add_item_editor(self, rows: QVBoxLayout, item: dict[str, Any]) -> None:
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        if item["kind"] == "prose":
            label = QLabel(self.tr("Text of the teamleader ({0})").format(item["text"]))
            edit = QPlainTextEdit(self.texts.get(item["text"], ""))
            edit.setObjectName(f"prose:{item['text']}")
            edit.setReadOnly(not self.editable)
            edit.setMinimumHeight(110)
            edit.textChanged.connect(lambda key=item["text"], e=edit, lab=error:
                                     self._prose_changed(key, e.toPlainText(), lab))
            for widget in (label, edit, error):
                rows.addWidget(widget)
            self.item_widgets[item["id"]] = {"edit": edit, "error": error}
            self._show_error(error, self.errors.get("prose:" + item["text"]))
            return
        line = QHBoxLayout()
        check = QCheckBox(CHARTS.get(item.get("chart"), "") if item["kind"] == "chart" else "")
        check.setObjectName(f"show:{item['id']}")
        check.setToolTip(self.tr("Show in the report"))
        check.setChecked(item.get("enabled", True))
        check.setEnabled(self.editable)
        check.toggled.connect(lambda on, it=item: self._toggled(it, on))
        line.addWidget(check)
        widgets = {"check": check, "error": error}
        if item["kind"] != "chart":
            edit = QLineEdit(self.drafts.get(item["id"], item.get("text", "")))
            edit.setCursorPosition(0)
            edit.setToolTip(item.get("text", ""))
            edit.setObjectName(f"text:{item['id']}")
            edit.setReadOnly(not self.editable)
            edit.textChanged.connect(lambda text, it=item, lab=error:
                                     self._sentence_changed(it, text, lab))
            line.addWidget(edit, 1)
            widgets["edit"] = edit
        rows.addLayout(line)
        rows.addWidget(error)
        if item["kind"] != "chart":
            result = QLabel()
            result.setObjectName(f"result:{item['id']}")
            result.setWordWrap(True)
            result.setStyleSheet(RESULT_STYLE)
            typed = QLabel()
            typed.setObjectName(f"typed:{item['id']}")
            typed.setWordWrap(True)
            typed.setStyleSheet(TYPED_STYLE)
            rows.addWidget(result)
            rows.addWidget(typed)
            widgets.update(result=result, typed=typed)
        self.item_widgets[item["id"]] = widgets
        self._show_error(error, self.errors.get(item["id"]))
        if item["kind"] != "chart" and item["id"] not in self.errors:
            self._show_result(item, item.get("text", ""))

    def _add_sentence(self, section: dict[str, Any]) -> None:
        """A new, empty sentence at the end of `section`, ready to type in."""
        taken = {i["id"] for sec in self.template["sections"] for i in sec["items"]}
        number = 1
        while f"{section['key']}.eigen{number}" in taken:
            number += 1
        item = {"id": f"{section['key']}.eigen{number}", "kind": "sentence", "text": "",
                "enabled": True, "new_paragraph": True}
        section["items"].append(item)
        self._show_section(self.sections.currentRow())
        self.item_widgets[item["id"]]["edit"].setFocus()
        self._changed()

    def _show_result(self, item: dict[str, Any], text: str) -> None:
        """The sentence filled in with this year's figures, at once, and which
        of its figures were typed in instead of or beside the registered ones."""
        widgets = self.item_widgets.get(item["id"])
        if widgets is None or "result" not in widgets or self.figures is None:
            return
        requests = {p.request for p in placeholders_in(text) if p.request is not None}
        if requests:
            with self.db.engine.connect() as conn:
                add_missing_requests(conn, self.figures, requests)
        out = render_sentence({**item, "text": text}, self.figures)
        widgets["result"].setText(
            "" if not text.strip() else
            self.tr("Result: {0}").format(out) if out is not None else
            self.tr("Left out of the report: a figure in it is unknown, or its first figure "
                    "is 0 and zeros are hidden."))
        marks = []
        for mark in typed_marks(text, self.figures):
            registered = "—" if mark.computed is None else format_value(mark.computed)
            if mark.kind == "naast":
                marks.append(self.tr("{0} is an official figure typed in ({1}), shown beside "
                                     "the registered {2}").format(
                    mark.label, format_value(mark.value), registered))
            else:
                marks.append(self.tr("{0} is typed in ({1}) and replaces the registered {2}")
                             .format(mark.label, format_value(mark.value), registered))
            if mark.note:
                marks[-1] += f" ({mark.note})"
        widgets["typed"].setText("; ".join(marks))
        widgets["typed"].setVisible(bool(marks))

    @staticmethod
    def _show_error(label: QLabel, message: str | None) -> None:
        label.setText(message or "")
        label.setVisible(bool(message))

    def _changed(self) -> None:
        dirty = self.template != self.saved_template or self.texts != self.saved_texts
        self.save_button.setEnabled(self.editable and dirty and not self.errors)
        self._show_status()
        self.timer.start()

    def _sentence_changed(self, item: dict[str, Any], text: str, error: QLabel) -> None:
        message = check_text(text, municipalities=self.municipalities)
        self._show_error(error, message)
        if message:
            self.errors[item["id"]] = message
            self.drafts[item["id"]] = text  # kept when the editor is built again
            self.item_widgets[item["id"]]["result"].setText("")
        else:
            self.errors.pop(item["id"], None)
            self.drafts.pop(item["id"], None)
            item["text"] = text
            self._show_result(item, text)
        self._changed()

    def _prose_changed(self, key: str, text: str, error: QLabel) -> None:
        message = check_text(text, municipalities=self.municipalities)
        self._show_error(error, message)
        if message:
            self.errors["prose:" + key] = message
        else:
            self.errors.pop("prose:" + key, None)
            self.texts[key] = text
        self._changed()

    def _toggled(self, item: dict[str, Any], on: bool) -> None:
        item["enabled"] = on
        self._changed()

    def _section_toggled(self, list_item: QListWidgetItem) -> None:
        section = self.template["sections"][self.sections.row(list_item)]
        section["enabled"] = list_item.checkState() == Qt.CheckState.Checked
        self._changed()

    # ---------------------------------------------------------------- data
    def _load_year(self) -> None:
        if self.texts != self.saved_texts and self.loaded_year is not None:
            answer = QMessageBox.question(
                self, self.tr("Unsaved texts"),
                self.tr("Save the changed texts of {0} before showing another year?")
                .format(self.loaded_year))
            if answer == QMessageBox.StandardButton.Yes and not self.save():
                self.year.blockSignals(True)  # stay on the year whose texts were not saved
                self.year.setValue(self.loaded_year)
                self.year.blockSignals(False)
                return
        year = self.year.value()
        self.loaded_year = year
        with self.db.session() as s:
            self.saved_texts = load_texts(s, self.location_id, year)
        self.texts = dict(self.saved_texts)
        self.errors = {k: v for k, v in self.errors.items() if not k.startswith("prose:")}
        self.figures = None
        self._clear_preview()  # never another year's report under this year
        self._show_section(self.sections.currentRow())  # the year's texts; results follow
        self._compute_in_background()

    def _compute_in_background(self) -> None:
        """The figures of the year shown, off the GUI thread: for a new year,
        and when a comparison with the year before is asked for."""
        self._generation += 1
        self._set_loading(True)
        self._changed()
        generation, db, location_id, year = (self._generation, self.db, self.location_id,
                                             self.loaded_year)
        previous = compare_keys(self.template, self.texts)
        requests = requests_in(self.template, self.texts)

        def work() -> tuple[int, Any, Any]:
            if generation != self._generation:  # another year was chosen before this began
                return generation, None, None
            try:
                return generation, previous, compute_figures(
                    db, location_id, year, with_previous=previous or False, requests=requests)
            except Exception as exc:  # noqa: BLE001 - shown on the GUI thread
                return generation, None, exc

        self.tasks.run(work, self._figures_computed)

    def _figures_computed(self, result: tuple[int, Any, Any]) -> None:
        generation, previous, figures = result
        if generation != self._generation:
            return  # another year was chosen meanwhile
        if isinstance(figures, Exception):
            log.error("computing report figures failed", exc_info=figures)
            self.failed = (figures.message if isinstance(figures, VwdeskError) else
                           self.tr("The figures could not be computed; compute them again "
                                   "or restart vwdesk."))
            self._set_loading(False)
            return
        self.previous_keys, self.figures = previous, figures
        self._set_loading(False)
        self._show_overrides()
        self._show_results()
        self._changed()
        self.refresh_preview()

    def _show_results(self) -> None:
        """The results of the sentences shown, once the figures are in; the
        editors stay as they are, so typing goes on undisturbed."""
        row = self.sections.currentRow()
        if 0 <= row < len(self.template["sections"]):
            for item in self.template["sections"][row]["items"]:
                if item["kind"] not in ("prose", "chart") and item["id"] not in self.errors:
                    self._show_result(item, item.get("text", ""))

    def _set_loading(self, loading: bool) -> None:
        """While a year's figures are computed, say so; PDF and Print wait
        for the figures (and stay off when they could not be computed)."""
        self.loading = loading
        if loading:
            self.failed = None
        for button in (self.pdf_button, self.print_button):
            button.setEnabled(not loading and self.figures is not None)
        self._show_status()

    def _show_status(self) -> None:
        self.retry_button.setVisible(bool(self.failed) and not self.loading)
        self.status.setText(
            self.tr("There are errors; correct the fields marked in red.") if self.errors else
            self.tr("Computing the figures of {0}…").format(self.loaded_year) if self.loading
            else self.failed or "")

    def _clear_preview(self) -> None:
        self.overrides.hide()
        if HAS_QTPDF:
            self._remove_pages()
        else:
            self.preview.clear()

    def _compute_figures(self) -> None:
        self.previous_keys = compare_keys(self.template, self.texts)
        self.figures = compute_figures(self.db, self.location_id, self.loaded_year,
                                       with_previous=self.previous_keys or False,
                                       requests=requests_in(self.template, self.texts))
        self._show_overrides()

    def _show_overrides(self) -> None:
        """Which figures were typed in instead of computed (and why), and the
        official figures typed in beside the registered ones."""
        lines = [self.tr("{0}: {1} instead of the computed {2} ({3})").format(
                     key, format_value(o.value), format_value(o.computed), o.note or "")
                 for key, o in sorted(self.figures.overrides.items())]
        lines += [self.tr("{0}: {1} instead of the computed {2} ({3})").format(
                      req.label(), format_value(o.value), format_value(o.computed), o.note or "")
                  for req, o in sorted(self.figures.extra_overrides.items(),
                                       key=lambda kv: kv[0].label())]
        official = [self.tr("{0}: {1} beside the registered {2} ({3})").format(
                        key, format_value(o.value), format_value(self.figures.get(key)),
                        o.note or "")
                    for key, o in sorted(self.figures.official.items())]
        text = []
        if lines:
            text.append(self.tr("Overridden figures: {0}").format("; ".join(lines)))
        if official:
            text.append(self.tr("Official figures: {0}").format("; ".join(official)))
        self.overrides.setText("\n".join(text))
        self.overrides.setVisible(bool(text))

    def current_report(self) -> Report:
        if not compare_keys(self.template, self.texts) <= self.previous_keys:
            # A comparison asked for since; the preview has this done in the
            # background, so this only runs when PDF or Print comes first.
            self._compute_figures()
        with self.db.engine.connect() as conn:  # filtered figures asked for since
            add_missing_requests(conn, self.figures, requests_in(self.template, self.texts))
        return Report(render(self.template, self.figures, self.texts, has_data), self.figures,
                      self.cover_photo)

    def refresh_preview(self) -> None:
        self.timer.stop()
        if self.figures is None or self.loading:  # still computing: the result refreshes it
            return
        if not compare_keys(self.template, self.texts) <= self.previous_keys:
            self._compute_in_background()  # a comparison with the year before, asked for now
            return
        report = self.current_report()
        if HAS_QTPDF:
            self._show_pages(self._pdf_bytes(report))
            return
        self.preview.setDocument(self._document(report))

    def _document(self, report: Report) -> QTextDocument:
        doc = QTextDocument(self)
        for block in (b for sec in report.rendered.sections for b in sec.blocks):
            if block.kind == "chart":
                image = QImage.fromData(QByteArray(self._chart_png(block.chart)))
                doc.addResource(QTextDocument.ResourceType.ImageResource,
                                QUrl(f"chart:{block.chart}"), image)
        doc.setHtml(to_html(report.rendered))
        return doc

    def _chart_png(self, name: str) -> bytes:
        renderer = QSvgRenderer(QByteArray(svg(name, self.figures, CHART_WIDTH)))
        image = QImage(renderer.defaultSize(), QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QBuffer.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())

    @staticmethod
    def _pdf_bytes(report: Report) -> bytes:
        out = io.BytesIO()
        report.write_pdf(out)
        return out.getvalue()

    def _pdf_pages(self, data: bytes, width: int) -> list[QImage]:
        from PySide6.QtPdf import QPdfDocument

        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QBuffer.OpenModeFlag.ReadOnly)
        pdf = QPdfDocument(self)
        pdf.load(buffer)
        pages = []
        for page in range(pdf.pageCount()):
            points = pdf.pagePointSize(page)
            height = int(width * points.height() / points.width())
            pages.append(pdf.render(page, QSize(width, height)))
        return pages

    def _remove_pages(self) -> None:
        while self.pages_layout.count():
            child = self.pages_layout.takeAt(0)
            if child.widget():
                child.widget().deleteLater()

    def _show_pages(self, data: bytes) -> None:
        self._remove_pages()
        for image in self._pdf_pages(data, max(400, self.preview.viewport().width() - 20)):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            self.pages_layout.addWidget(label)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Closed as a window of its own (tests, a screen opened alone): let a
        running computation finish before the screen and its TaskRunner go.
        (As a tab it is deleted; the TaskRunner skips a deleted receiver.)"""
        self.tasks.wait()
        super().closeEvent(event)

    def has_unsaved_changes(self) -> bool:
        return self.editable and (self.template != self.saved_template
                                  or self.texts != self.saved_texts or bool(self.drafts))

    def confirm_discard(self) -> bool:
        """Before the screen closes: save, discard or stay. True when it may
        close."""
        if not self.has_unsaved_changes():
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("Save the changes to the year report before closing it?"),
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    # ---------------------------------------------------------------- actions
    def save(self) -> bool:
        if self.errors:
            self.status.setText(self.tr("There are errors; correct the fields marked in red."))
            return False
        year = self.loaded_year
        try:
            with self.db.session() as s:
                if self.template != self.saved_template:
                    save_template(s, self.actor, self.location_id, self.template)
                for key, text in self.texts.items():
                    if text != self.saved_texts.get(key, ""):
                        save_text(s, self.actor, self.location_id, year, key, text)
        except VwdeskError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), exc.message)
            return False
        self.saved_template = copy.deepcopy(self.template)
        self.saved_texts = dict(self.texts)
        self._changed()
        self.status.setText(self.tr("Saved."))
        return True

    def _file_name(self) -> str:
        return f"{self.location_name.lower()}-{self.year.value()}.pdf"

    def save_pdf(self) -> None:
        if self.figures is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save report as PDF"),
                                              self._file_name(), self.tr("PDF files (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            self.current_report().write_pdf(path)
        except OSError:
            QMessageBox.warning(self, self.tr("Not saved"),
                                self.tr("The file cannot be written; close it if it is open, "
                                        "or choose another name."))
            return
        self.status.setText(self.tr("Saved as {0}.").format(path))

    def export_template(self) -> None:
        """The template as shown (unsaved changes included) to a .toml file."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export template"), f"{self.location_name.lower()}.toml",
            self.tr("Template files (*.toml)"))
        if not path:
            return
        if not path.lower().endswith(".toml"):
            path += ".toml"
        try:
            with open(path, "w", encoding="utf-8") as out:
                out.write(template_to_toml(self.template, self.location_name))
        except OSError:
            QMessageBox.warning(self, self.tr("Not saved"),
                                self.tr("The file cannot be written; choose another name or "
                                        "folder."))
            return
        self.status.setText(self.tr("Template written to {0}.").format(path))

    def import_template(self) -> None:
        """A template from a .toml file replaces the one on screen after it
        has been checked; Save keeps it."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import template"), "",
                                              self.tr("Template files (*.toml)"))
        if not path:
            return
        try:
            with open(path, encoding="utf-8") as source:
                text = source.read()
            template = toml_to_template(text, self.municipalities)
        except (OSError, UnicodeDecodeError):
            QMessageBox.warning(self, self.tr("Not imported"),
                                self.tr("The file cannot be read as text (UTF-8)."))
            return
        except TemplateFileError as exc:
            QMessageBox.warning(self, self.tr("Not imported"),
                                self.tr("The template has errors; nothing was changed:")
                                + "\n" + "\n".join(exc.lines))
            return
        self.template = template
        self.errors = {k: v for k, v in self.errors.items() if k.startswith("prose:")}
        self.drafts = {}
        self._fill_section_list()
        self._show_section(self.sections.currentRow())
        self._changed()
        self.status.setText(self.tr("Template read from {0}; press Save changes to keep it.")
                            .format(path))

    def print_report(self) -> None:
        if self.figures is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(fill("{locatie}: {jaar} in cijfers", self.figures) or "")
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        report = self.current_report()
        if not HAS_QTPDF:
            self._document(report).print_(printer)
            return
        painter = QPainter(printer)
        target = painter.viewport()
        pages = self._pdf_pages(self._pdf_bytes(report), target.width())
        for i, image in enumerate(pages):
            if i:
                printer.newPage()
            scaled = image.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(0, 0, scaled)
        painter.end()
