"""The editor of one report section: the teamleader's prose for the year,
each sentence (reworded in place, its result with this year's figures shown
under it) and each chart, every one switchable on and off. It changes the
`ReportDraft` and says so (`changed`); it never reads the database."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vwdesk.gui.widgets import discard
from vwdesk.gui.report.picker import FigurePicker
from vwdesk.report.charts import CHARTS
from vwdesk.report.draft import ReportDraft
from vwdesk.report.figure_words import figure_choices, placeholder_meanings, sentence_in_words
from vwdesk.report.template import format_value

ERROR_STYLE = "color: #b00020;"
RESULT_STYLE = "color: #455a64;"
TYPED_STYLE = "color: #8a5a00;"
FIGURE_STYLE = "background-color: #e3f2fd; color: #0d47a1;"  # a figure named in a sentence


class _WordsLabel(QLabel):
    """A sentence in words; a click shows its codes."""

    clicked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setCursor(Qt.CursorShape.IBeamCursor)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.clicked.emit()


class SentenceEdit(QPlainTextEdit):
    """A sentence with its figures' codes, to reword it: wrapped over as many
    lines as it takes (a long sentence is never cut off), one paragraph —
    Enter adds no line, and a pasted line break becomes a space. `edited`
    gives the text at each change."""

    edited = Signal(str)

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setPlainText(text)
        self.textChanged.connect(lambda: self.edited.emit(self.text()))
        self.textChanged.connect(self._fit)
        self._fit()

    def text(self) -> str:
        return self.toPlainText()

    def insert(self, text: str) -> None:
        self.insertPlainText(text)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # one paragraph: Enter is for the dialog or the form around it
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source) -> None:  # noqa: N802 - Qt override
        self.insertPlainText(" ".join(source.text().split()))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """As high as the sentence's lines at the present width."""
        lines = sum(max(1, block.layout().lineCount()) for block in _blocks(self.document()))
        margins = self.contentsMargins()
        height = (max(1, lines) * self.fontMetrics().lineSpacing()
                  + 2 * int(self.document().documentMargin()) + margins.top() + margins.bottom())
        if height != self.height():
            self.setFixedHeight(height)


def _blocks(document):
    block = document.firstBlock()
    while block.isValid():
        yield block
        block = block.next()


def _show(label: QLabel, message: str | None) -> None:
    label.setText(message or "")
    label.setVisible(bool(message))


class SectionEditor(QWidget):
    changed = Signal()  # the draft was edited
    editing = Signal(str)  # the id of the item being edited (focused or typed in)

    def __init__(self, draft: ReportDraft, parent: QWidget | None = None):
        super().__init__(parent)
        self.draft = draft
        self.index = -1
        self.widgets: dict[str, dict[str, Any]] = {}
        self.holder: QWidget | None = None  # the editors of the section shown
        self.rows = QVBoxLayout()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)

    def show_section(self, index: int) -> None:
        """Build the editors of section `index` (the previous ones go)."""
        if self.holder is not None:
            discard(self.holder)
        self.widgets = {}
        self.index = index
        self.holder = QWidget()
        self.rows = QVBoxLayout(self.holder)
        sections = self.draft.sections()
        if 0 <= index < len(sections):
            for item in sections[index]["items"]:
                self._add(item)
            if self.draft.editable:
                add = QPushButton(self.tr("Add a sentence"))
                add.setObjectName("add-sentence")
                add.setToolTip(self.tr("A new sentence at the end of this section; write it "
                                       "with placeholders such as {huisvesting.personen "
                                       "gemeente=…}"))
                add.clicked.connect(self._add_sentence)
                self.rows.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        self.rows.addStretch(1)
        self.layout().addWidget(self.holder)
        self.holder.show()  # now, not on the next turn of the event loop: focus can go there

    def _add(self, item: dict[str, Any]) -> None:
        draft = self.draft
        error = QLabel()
        error.setTextFormat(Qt.TextFormat.PlainText)
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        if item["kind"] == "prose":
            key = item["text"]
            label = QLabel(self.tr("Text of the teamleader"))
            edit = QPlainTextEdit(draft.texts.get(key, ""))
            edit.setObjectName(f"prose:{key}")
            edit.setReadOnly(not draft.editable)
            edit.setMinimumHeight(110)
            label.setBuddy(edit)
            edit.textChanged.connect(
                lambda: self._prose_changed(item["id"], key, edit.toPlainText(), error))
            self._watch(edit, item["id"])
            for widget in (label, edit, error):
                self.rows.addWidget(widget)
            self.widgets[item["id"]] = {"edit": edit, "error": error}
            _show(error, draft.errors.get("prose:" + key))
            return
        line = QHBoxLayout()
        check = QCheckBox(CHARTS.get(item.get("chart"), "") if item["kind"] == "chart" else "")
        check.setObjectName(f"show:{item['id']}")
        check.setToolTip(self.tr("Show in the report"))
        check.setAccessibleName(self.tr("Show in the report"))
        check.setChecked(item.get("enabled", True))
        check.setEnabled(draft.editable)
        check.toggled.connect(lambda on: self._toggled(item["id"], on))
        line.addWidget(check)
        widgets: dict[str, Any] = {"check": check, "error": error}
        self.widgets[item["id"]] = widgets
        if item["kind"] != "chart":
            # The sentence in words, its figures named and marked; the text
            # with the figures' codes, to reword it, one click away.
            words = _WordsLabel()
            words.setObjectName(f"words:{item['id']}")
            words.setAccessibleName(self.tr("Sentence"))
            words.clicked.connect(lambda: self._show_code(item["id"], True))
            edit = SentenceEdit(draft.sentence_text(item["id"]))
            edit.setObjectName(f"text:{item['id']}")
            edit.setAccessibleName(self.tr("Sentence with the codes of its figures"))
            edit.setReadOnly(not draft.editable)
            edit.hide()
            edit.edited.connect(lambda text: self._sentence_changed(item["id"], text))
            self._watch(edit, item["id"])
            code = QToolButton()
            code.setText("{…}")
            code.setObjectName(f"code:{item['id']}")
            code.setCheckable(True)
            code.setToolTip(self.tr("Show the sentence with the codes of its figures, to reword "
                                    "it; click again for the sentence in words"))
            code.setAccessibleName(self.tr("Codes of the figures"))
            code.toggled.connect(lambda on: self._show_code(item["id"], on))
            line.addWidget(words, 1)
            line.addWidget(edit, 1)
            line.addWidget(code)
            widgets.update(edit=edit, words=words, code=code)
            if draft.editable:
                pick = QPushButton(self.tr("Figure…"))
                pick.setToolTip(self.tr("Insert a figure, chosen by what it counts"))
                pick.setAccessibleName(self.tr("Insert a figure"))
                pick.clicked.connect(lambda: self._insert_figure(item["id"]))
                line.addWidget(pick)
            self._explain(item["id"], draft.sentence_text(item["id"]))
        self.rows.addLayout(line)
        self.rows.addWidget(error)
        if item["kind"] != "chart":
            result = QLabel()
            result.setTextFormat(Qt.TextFormat.PlainText)
            result.setObjectName(f"result:{item['id']}")
            result.setWordWrap(True)
            result.setStyleSheet(RESULT_STYLE)
            typed = QLabel()
            typed.setTextFormat(Qt.TextFormat.PlainText)
            typed.setObjectName(f"typed:{item['id']}")
            typed.setWordWrap(True)
            typed.setStyleSheet(TYPED_STYLE)
            self.rows.addWidget(result)
            self.rows.addWidget(typed)
            widgets.update(result=result, typed=typed)
        _show(error, draft.errors.get(item["id"]))
        self._show_result(item["id"])

    # --- results ------------------------------------------------------------------
    def show_results(self) -> None:
        """The results of the sentences shown (the figures came in); the
        editors stay as they are, so typing goes on undisturbed."""
        for item_id in self.widgets:
            self._show_result(item_id)

    def _show_result(self, item_id: str) -> None:
        widgets = self.widgets.get(item_id)
        if widgets is None or "result" not in widgets:
            return
        text = self.draft.item(item_id).get("text", "")
        found = self.draft.sentence_result(item_id)
        if item_id in self.draft.errors or not text.strip():
            widgets["result"].setText("")
        elif found is None:
            widgets["result"].setText(self.tr("Computing…"))
        elif found.text is None:
            widgets["result"].setText(self.tr(
                "Left out of the report: a figure in it is unknown, or its first figure is 0 "
                "and zeros are hidden."))
        else:
            widgets["result"].setText(self.tr("Result: %1").replace("%1", found.text))
        marks = []
        for mark in found.typed if found else []:
            registered = "—" if mark.computed is None else format_value(mark.computed)
            if mark.kind == "naast":
                line = self.tr("%1 is an official figure typed in (%2), shown beside the "
                               "registered %3")
            else:
                line = self.tr("%1 is typed in (%2) and replaces the registered %3")
            line = line.replace("%1", mark.label).replace("%2", format_value(mark.value)) \
                .replace("%3", registered)
            marks.append(line + (f" ({mark.note})" if mark.note else ""))
        widgets["typed"].setText("; ".join(marks))
        widgets["typed"].setVisible(bool(marks))

    # --- edits ----------------------------------------------------------------------
    def _watch(self, edit: QWidget, item_id: str) -> None:
        """Say which item is being edited when its editor gets the focus."""
        edit.setProperty("item-id", item_id)
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FocusIn and watched.property("item-id"):
            self.editing.emit(watched.property("item-id"))
        return False

    def _explain(self, item_id: str, text: str) -> None:
        """The sentence in words, and its figures' definitions one hover away."""
        widgets = self.widgets[item_id]
        meanings = placeholder_meanings(text)
        tip = ("\n".join(f"{w.key}: {w.definition}" for w in meanings)
               or self.tr("Type the sentence; insert figures with \"Figure…\"."))
        widgets["edit"].setToolTip(tip)
        widgets["words"].setToolTip(tip)
        widgets["words"].setText("".join(
            html.escape(p.text) if p.code is None else
            f'<span style="{FIGURE_STYLE}">{html.escape(p.text)}</span>'
            for p in sentence_in_words(text)) or "&nbsp;")

    def _show_code(self, item_id: str, on: bool) -> None:
        """The sentence with its figures' codes (to reword it), or in words."""
        widgets = self.widgets[item_id]
        widgets["code"].blockSignals(True)
        widgets["code"].setChecked(on)
        widgets["code"].blockSignals(False)
        widgets["words"].setVisible(not on)
        widgets["edit"].setVisible(on)
        if on:
            widgets["edit"].setFocus()
        self.editing.emit(item_id)

    def _insert_figure(self, item_id: str) -> None:
        picker = FigurePicker(figure_choices(self.draft.programmes), self)
        if picker.exec() == FigurePicker.DialogCode.Accepted and picker.chosen:
            self._show_code(item_id, True)
            self.widgets[item_id]["edit"].insert(picker.chosen)

    def _sentence_changed(self, item_id: str, text: str) -> None:
        self._explain(item_id, text)
        message = self.draft.set_sentence(item_id, text)
        _show(self.widgets[item_id]["error"], message)
        self._show_result(item_id)
        self.editing.emit(item_id)
        self.changed.emit()

    def _prose_changed(self, item_id: str, key: str, text: str, error: QLabel) -> None:
        _show(error, self.draft.set_prose(key, text))
        self.editing.emit(item_id)
        self.changed.emit()

    def _toggled(self, item_id: str, on: bool) -> None:
        self.draft.set_item_enabled(item_id, on)
        self.changed.emit()

    def _add_sentence(self) -> None:
        item = self.draft.add_sentence(self.index)
        self.show_section(self.index)
        self._show_code(item["id"], True)  # a new sentence is written with its codes
        self.changed.emit()
