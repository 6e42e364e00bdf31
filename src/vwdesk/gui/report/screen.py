"""The Report screen: a teamleader picks a year, edits each section's prose,
switches sections, sentences and charts on or off, rewords sentences, and
sees the report change as she types; then saves it as PDF or prints it. It
opens on the last complete year with registrations, else the last complete
year (`ReportDoor.default_year` says why).

The draft (`vwdesk.report.draft`) holds what is edited; the desk loads,
computes and saves it off the GUI thread: the year's figures (≈ 0.3 s with a
million contacts) whenever the draft asks for figures it does not have, the
preview's pages a moment after the last change. A result for a year no
longer shown is dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from vwdesk.core.errors import VwdeskError
from vwdesk.gui.files import open_file, save_file
from vwdesk.gui.widgets import plain
from vwdesk.gui.report.editor import SectionEditor
from vwdesk.gui.report.notice import FiguresNotice
from vwdesk.gui.report.preview import PdfPreview, page_image
from vwdesk.report.charts import CHARTS
from vwdesk.report.draft import ReportDraft
from vwdesk.report.figure_words import in_words
from vwdesk.report import Figures
from vwdesk.report.pages import pdf_bytes, render_pages
from vwdesk.report.template import PLACEHOLDER, fill, format_value
from vwdesk.report.template_file import (MAX_TEXT_CHARS, TemplateFileError, template_to_toml,
                                         toml_to_template)

DELAY_MS = 400  # after the last keystroke: new figures (when needed) and the preview


class ReportScreen(QWidget):
    GUIDE = "templates.md"  # what F1 opens

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.draft: ReportDraft | None = None
        self.loading = True  # the year's figures are being computed
        self.saving = False  # a save is on its way
        self.failed: str | None = None  # why the figures of the year shown are missing
        self.edited_item: str | None = None  # the item of the section being edited
        self._build()
        workspace.ops.query(self, lambda desk: (desk.report.draft(), desk.report.default_year()),
                            self._opened, self._open_failed)

    # ---------------------------------------------------------------- layout
    def _build(self) -> None:
        self.year = QSpinBox()
        self.year.setRange(2000, dt.date.today().year + 1)
        self.year.setAccessibleName(self.tr("Year"))
        self.year.setEnabled(False)
        self.save_button = QPushButton(self.tr("Save changes"))
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.export_button = QPushButton(self.tr("Export template…"))
        self.export_button.setToolTip(self.tr("Write this location's template to a text file "
                                              "(.toml), e.g. to share it with another location"))
        self.import_button = QPushButton(self.tr("Import template…"))
        self.import_button.setToolTip(self.tr("Read a template from a text file (.toml); it is "
                                              "checked first and kept when you save"))
        for button in (self.save_button, self.pdf_button, self.print_button,
                       self.export_button, self.import_button):
            button.setEnabled(False)
        year_label = QLabel(self.tr("Year"))
        year_label.setBuddy(self.year)
        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        for button in (self.export_button, self.import_button, self.save_button,
                       self.pdf_button, self.print_button):
            top.addWidget(button)

        self.sections = QListWidget()
        self.sections.setAccessibleName(self.tr("Sections"))
        # Names too long for the column are cut with "…", the whole name one
        # hover away; the column is made wide enough for them when it can be.
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.editor_scroll = QScrollArea()
        self.editor_scroll.setWidgetResizable(True)
        self.editor: SectionEditor | None = None
        self.preview = PdfPreview(self.workspace)
        self.preview.setAccessibleName(self.tr("Preview"))
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.sections, self.editor_scroll, self.preview):
            splitter.addWidget(widget)
            splitter.setCollapsible(splitter.indexOf(widget), False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([220, 560, 620])
        self.status = QLabel(self.tr("Loading…"))
        # What there is to say about the figures, in one line; the whole of it
        # one click away, so the editor and the preview keep their room.
        self.notice = QLabel()
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.details_button = QPushButton(self.tr("Details…"))
        self.details_button.setToolTip(self.tr("Which figures, and where the report uses them"))
        self.notice_parts: list[tuple[str, list[str]]] = []
        notice_line = QHBoxLayout()
        notice_line.addWidget(self.notice, 1)
        notice_line.addWidget(self.details_button)
        self.notice_box = QWidget()
        self.notice_box.setLayout(notice_line)
        notice_line.setContentsMargins(0, 0, 0, 0)
        self.notice_box.hide()
        self.retry_button = QPushButton(self.tr("Compute again"))
        self.retry_button.setToolTip(self.tr("Compute the figures of this year once more"))
        self.retry_button.hide()  # only after a failed computation
        status_line = QHBoxLayout()
        status_line.addWidget(self.status, 1)
        status_line.addWidget(self.retry_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.notice_box)
        layout.addLayout(status_line)

        self.timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self.timer.timeout.connect(self._settle)
        self.year.valueChanged.connect(self._year_chosen)
        self.sections.currentRowChanged.connect(self._show_section)
        self.sections.itemChanged.connect(self._section_toggled)
        self.save_button.clicked.connect(self.save)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.export_button.clicked.connect(self.export_template)
        self.import_button.clicked.connect(self.import_template)
        self.print_button.clicked.connect(self.print_report)
        self.retry_button.clicked.connect(self._compute)
        self.details_button.clicked.connect(self.show_details)
        QShortcut(QKeySequence.StandardKey.Save, self, self._save_by_key,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _opened(self, opened: tuple[ReportDraft, int]) -> None:
        self.draft, year = opened
        editable = self.draft.editable
        self.save_button.setVisible(editable)
        self.import_button.setVisible(editable)
        self.export_button.setEnabled(True)
        self.import_button.setEnabled(True)
        self.editor = SectionEditor(self.draft)
        self.editor.changed.connect(self._edited)
        self.editor.editing.connect(self._editing)
        self.editor_scroll.setWidget(self.editor)
        self._fill_section_list()
        self.year.blockSignals(True)
        self.year.setValue(year)
        self.year.blockSignals(False)
        self.year.setEnabled(True)
        self._load_year(year)

    def _open_failed(self, exc: VwdeskError) -> None:
        self.loading = False
        self.failed = exc.message
        self._show_status()

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

    def _section_title(self, section) -> str:
        """A section's title as the list shows it: {locatie} filled in, {{ and }}
        as braces, else the section's name."""
        def part(match: re.Match) -> str:
            if match.group(1) is None:
                return match.group(0)[0]
            return (self.draft.location_name if match.group(1).strip() == "locatie"
                    else match.group(0))

        title = PLACEHOLDER.sub(part, section.get("title", ""))
        return title or self._section_names().get(section["key"], section["key"])

    def _fill_section_list(self) -> None:
        self.sections.blockSignals(True)
        self.sections.clear()
        for section in self.draft.sections():
            item = QListWidgetItem(self._section_title(section))
            item.setToolTip(item.text())
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if not self.draft.editable:
                flags &= ~Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if section.get("enabled", True)
                               else Qt.CheckState.Unchecked)
            self.sections.addItem(item)
        self.sections.blockSignals(False)
        self.sections.setCurrentRow(0)
        self._fit_section_list()

    def _fit_section_list(self) -> None:
        """The section list as wide as its longest name needs, up to a quarter
        of the screen's width; the editor and the preview share the rest."""
        sizes = self.splitter.sizes()
        total = sum(sizes)
        if not total:
            return
        frame = (2 * self.sections.frameWidth()
                 + self.sections.verticalScrollBar().sizeHint().width())
        wanted = min(self.sections.sizeHintForColumn(0) + frame + 4, max(220, total // 4))
        if wanted <= sizes[0]:
            return
        rest = total - wanted
        self.splitter.setSizes([wanted, rest * sizes[1] // (sizes[1] + sizes[2]),
                                rest - rest * sizes[1] // (sizes[1] + sizes[2])])

    # ---------------------------------------------------------------- editing
    def _show_section(self, row: int) -> None:
        if self.editor is None:
            return
        self.editor.show_section(row)
        self.edited_item = None
        self._follow()

    def _editing(self, item_id: str) -> None:
        self.edited_item = item_id
        self._follow()

    def _follow(self) -> None:
        """The preview shows what is being edited: the sentence, paragraph or
        chart as the report prints it, else the section's title."""
        row = self.sections.currentRow()
        if not 0 <= row < len(self.draft.sections()):
            return
        self.preview.follow(self._rendered_title(row), self._printed(self.edited_item))

    def _printed(self, item_id: str | None) -> str | None:
        """An item of the section shown as the report prints it (None: not in
        the report, or not known yet)."""
        if item_id is None or self.draft.figures is None:
            return None
        try:
            item = self.draft.item(item_id)
        except KeyError:
            return None
        if item["kind"] == "prose":
            return self.draft.texts.get(item["text"]) or None
        if item["kind"] == "chart":
            return CHARTS.get(item.get("chart"))
        found = self.draft.sentence_result(item_id)
        return found.text if found is not None else None

    def _rendered_title(self, row: int) -> str | None:
        """The title section `row` has in the report (to find its page)."""
        section = self.draft.sections()[row]
        if self.draft.figures is None:
            return None
        return fill(section.get("title", ""), self.draft.figures, unknown="") or None

    def _section_toggled(self, list_item: QListWidgetItem) -> None:
        self.draft.set_section_enabled(self.sections.row(list_item),
                                       list_item.checkState() == Qt.CheckState.Checked)
        self._edited()

    def _edited(self) -> None:
        self._show_status()
        self.timer.start()

    def _settle(self) -> None:
        """After the typing paused: compute what the draft newly asks for, or
        show the report as it is now."""
        self.timer.stop()
        if self.draft is None or self.loading or self.draft.figures is None:
            return
        if not self.draft.up_to_date():
            self._compute()
        else:
            self._show_notice()
            self._follow()  # the edited text as it reads now, once the pages are there
            self.preview.show_report(self.draft.report())

    # ---------------------------------------------------------------- the year
    def _year_chosen(self, year: int) -> None:
        draft = self.draft
        if draft.texts_changed() and draft.year is not None:
            answer = QMessageBox.question(
                self, self.tr("Unsaved texts"),
                self.tr("Save the changed texts of %1 before showing another year?")
                .replace("%1", str(draft.year)))
            if answer == QMessageBox.StandardButton.Yes and not self.save_now():
                self.year.blockSignals(True)  # stay on the year whose texts were not saved
                self.year.setValue(draft.year)
                self.year.blockSignals(False)
                return
        self._load_year(year)

    def _load_year(self, year: int) -> None:
        self.loading = True
        self.failed = None
        self.draft.figures = self.draft.computed_for = None
        self.preview.clear()  # never another year's report under this year
        self.notice_box.hide()
        self._show_status()
        self.workspace.ops.query(self, lambda desk: desk.report.texts(year),
                                 lambda texts: self._texts_loaded(year, texts),
                                 self._compute_failed, latest="year")

    def _texts_loaded(self, year: int, texts: dict[str, str]) -> None:
        if year != self.year.value():
            return
        self.draft.show_year(year, texts)
        self._show_section(self.sections.currentRow())  # the year's texts; results follow
        self._compute()

    def _compute(self) -> None:
        """The year's figures with what the draft asks for, off the GUI thread."""
        year, needs = self.draft.year, self.draft.needs()
        self.loading = True
        self.failed = None
        self._show_status()
        self.workspace.ops.query(self, lambda desk: desk.report.figures(year, needs),
                                 lambda figures: self._computed(year, figures, needs),
                                 self._compute_failed, latest="figures")

    def _computed(self, year: int, figures: Figures, needs) -> None:
        if year != self.draft.year:
            return  # another year was chosen meanwhile
        self.draft.set_figures(figures, needs)
        self.loading = False
        self._show_notice()
        self.editor.show_results()
        self._show_status()
        self._settle()

    def _compute_failed(self, exc: VwdeskError) -> None:
        self.loading = False
        self.failed = exc.message
        self._show_status()

    def _show_status(self) -> None:
        draft = self.draft
        ready = draft is not None and draft.figures is not None and not self.loading
        self.pdf_button.setEnabled(ready)
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(draft is not None and draft.can_save() and not self.saving)
        self.retry_button.setVisible(bool(self.failed) and not self.loading and draft is not None)
        if draft is not None and draft.errors:
            text = self.tr("There are errors; correct the fields marked in red.")
        elif self.failed:
            text = self.failed
        elif self.loading and draft is not None:
            text = self.tr("Computing the figures of %1…").replace("%1", str(self.year.value()))
        elif self.loading:
            text = self.tr("Loading…")
        else:
            text = ""
        self.status.setText(text)

    def _show_notice(self) -> None:
        """One line on the figures: how many typed-in figures are missing (their
        sentences are left out), how many were typed in instead of computed
        or beside the registered ones; Details… lists them in words."""
        figures = self.draft.figures
        missing = [self.tr("%1 (%2), needed for: %3").replace("%1", gap.words)
                   .replace("%2", str(gap.year)).replace("%3", ", ".join(
                       self._section_title(self.draft.sections()[i]) for i in gap.sections))
                   for gap in self.draft.missing()]
        instead = self.tr("%1: %2 instead of the computed %3 (%4)")
        lines = [(in_words(key), o) for key, o in figures.overrides.items()]
        lines += [(in_words(req.key, dict(req.filters)), o)
                  for req, o in figures.extra_overrides.items()]
        overridden = [instead.replace("%1", words).replace("%2", format_value(o.value))
                      .replace("%3", format_value(o.computed)).replace("%4", o.note or "")
                      for words, o in sorted(lines, key=lambda line: line[0])]
        beside = self.tr("%1: %2 beside the registered %3 (%4)")
        official = sorted(beside.replace("%1", in_words(key)).replace("%2", format_value(o.value))
                          .replace("%3", format_value(figures.get(key)))
                          .replace("%4", o.note or "") for key, o in figures.official.items())
        self.notice_parts, summary = [], []
        if missing:
            self.notice_parts.append((self.tr(
                "Not typed in at Jaarcijfers; the sentences with these figures are left out of "
                "the report until they are:"), missing))
            summary.append(self.tr("Figures not typed in: %1; their sentences are left out of "
                                   "the report").replace("%1", str(len(missing))))
        if overridden:
            self.notice_parts.append((self.tr("Typed in instead of computed:"), overridden))
            summary.append(self.tr("typed in instead of computed: %1")
                           .replace("%1", str(len(overridden))))
        if official:
            self.notice_parts.append((self.tr("Official figures beside the registered ones:"),
                                      official))
            summary.append(self.tr("official figures: %1").replace("%1", str(len(official))))
        text = " · ".join(summary)
        self.notice.setText(text[:1].upper() + text[1:])
        self.notice.setToolTip(self.notice.text())
        self.notice_box.setVisible(bool(summary))

    def show_details(self) -> None:
        """The figures the notice counts, in words, in a list that scrolls."""
        FiguresNotice(self.notice_parts, self).exec()

    # ---------------------------------------------------------------- saving
    def has_unsaved_changes(self) -> bool:
        return self.draft is not None and self.draft.has_unsaved_changes()

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
            return self.save_now()
        return answer == buttons.Discard

    def save(self) -> None:
        """Save the template and the year's changed texts (off the GUI thread)."""
        draft = self.draft
        if self.saving:
            return
        if draft.errors:
            self.status.setText(self.tr("There are errors; correct the fields marked in red."))
            return
        year = draft.year
        template, texts = draft.to_save()  # copies: typing goes on while they are written
        self.saving = True
        self._show_status()
        self.workspace.ops.write(self, lambda desk: desk.report.save(year, template, texts),
                                 lambda _saved: self._saved(year, template, texts),
                                 self._not_saved)

    def _save_by_key(self) -> None:
        if self.draft is not None and self.draft.can_save():
            self.save()

    def save_now(self) -> bool:
        """Save and wait for it (closing the screen, switching year): True
        when it was saved. The window waits a moment without reading the
        database itself."""
        self.save()
        self.workspace.ops.wait()
        QCoreApplication.sendPostedEvents()  # the outcome's callback
        return not self.has_unsaved_changes()

    def _saved(self, year: int, template, texts: dict[str, str]) -> None:
        self.saving = False
        self.draft.mark_saved(year, template, texts)
        self._show_status()
        self.status.setText(self.tr("Saved."))

    def _not_saved(self, exc: VwdeskError) -> None:
        self.saving = False
        self._show_status()
        QMessageBox.warning(self, self.tr("Not saved"), plain(exc.message))

    def _file_name(self, suffix: str) -> str:
        return f"{self.draft.location_name.lower()}-{self.draft.year}{suffix}"

    def save_pdf(self) -> None:
        if self.draft is None or self.draft.figures is None:
            return
        path, _ = save_file(self, "report", self.tr("Save report as PDF"),
                            self._file_name(".pdf"), self.tr("PDF files (*.pdf)"))
        if not path:
            return
        target = Path(path if path.lower().endswith(".pdf") else path + ".pdf")
        report = self.draft.report()

        def write(_desk) -> Path:
            try:
                target.write_bytes(pdf_bytes(report))
            except OSError:
                raise VwdeskError(QCoreApplication.translate(
                    "ReportScreen", "The file cannot be written; close it if it is open, or "
                                    "choose another name.")) from None
            return target

        self.workspace.ops.query(
            self, write, lambda written: self.status.setText(
                self.tr("Saved as %1.").replace("%1", str(written))),
            lambda exc: QMessageBox.warning(self, self.tr("Not saved"), plain(exc.message)))

    def export_template(self) -> None:
        """The template as shown (unsaved changes included) to a .toml file."""
        path, _ = save_file(self, "template", self.tr("Export template"),
                            f"{self.draft.location_name.lower()}.toml",
                            self.tr("Template files (*.toml)"))
        if not path:
            return
        if not path.lower().endswith(".toml"):
            path += ".toml"
        try:
            with open(path, "w", encoding="utf-8") as out:
                out.write(template_to_toml(self.draft.template, self.draft.location_name))
        except OSError:
            QMessageBox.warning(self, self.tr("Not saved"),
                                self.tr("The file cannot be written; choose another name or "
                                        "folder."))
            return
        self.status.setText(self.tr("Template written to %1.").replace("%1", path))

    def import_template(self) -> None:
        """A template from a .toml file replaces the one on screen after it
        has been checked; Save keeps it."""
        path, _ = open_file(self, "template", self.tr("Import template"),
                            self.tr("Template files (*.toml)"))
        if not path:
            return
        try:
            with open(path, encoding="utf-8") as source:
                # Bounded: a longer file is refused by toml_to_template anyway.
                text = source.read(MAX_TEXT_CHARS + 1)
            template = toml_to_template(text, self.draft.municipalities)
        except (OSError, UnicodeDecodeError):
            QMessageBox.warning(self, self.tr("Not imported"),
                                self.tr("The file cannot be read as text (UTF-8)."))
            return
        except TemplateFileError as exc:
            QMessageBox.warning(self, self.tr("Not imported"),
                                self.tr("The template has errors; nothing was changed:")
                                + "\n" + "\n".join(exc.lines))
            return
        self.draft.replace_template(template)
        self._fill_section_list()
        self._edited()
        self.status.setText(self.tr("Template read from %1; press Save changes to keep it.")
                            .replace("%1", path))

    # ---------------------------------------------------------------- printing
    def print_report(self) -> None:
        if self.draft is None or self.draft.figures is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(fill("{locatie}: {jaar} in cijfers", self.draft.figures) or "")
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """The PDF's pages, rendered at the printer's width off the GUI
        thread, then sent to the printer."""
        report = self.draft.report()
        # The printer's width in pixels, at most 200 dpi: sharp on paper, and
        # a page of an A4 report stays about 11 MB in memory.
        dpi = min(printer.resolution(), 200)
        width = printer.pageLayout().paintRectPixels(dpi).width()

        def printed(pages) -> None:
            painter = QPainter(printer)
            target = painter.viewport()
            for i, page in enumerate(pages):
                if i:
                    printer.newPage()
                image = page_image(page)
                size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(QPoint(0, 0), size), image)  # scaled by the printer
            painter.end()
            self.status.setText(self.tr("Sent to the printer."))

        self.workspace.ops.query(self, lambda _desk: render_pages(pdf_bytes(report), width),
                                 printed)
