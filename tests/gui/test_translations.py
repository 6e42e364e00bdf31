"""Every text of the GUI has its Dutch translation, in the context Qt looks
it up in (the class that calls `self.tr`): Qt's own lupdate extracts the
texts, and the catalogue must be up to date with them and fully translated
(scripts/update-translations.sh brings it up to date)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree.ElementTree import parse

import vwdesk.gui
from vwdesk.resources import resource_path

CATALOGUE = "vwdesk_nl.ts"


def messages(ts: Path) -> dict[tuple[str, str], tuple[str | None, str]]:
    """(context, source) -> (translation type, text) of a .ts file."""
    out = {}
    for context in parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            plural = [f.text or "" for f in translation.iter("numerusform")]
            text = translation.text or "" if not plural else "" if not all(plural) \
                else " | ".join(plural)
            out[(name, message.findtext("source"))] = (translation.get("type"), text)
    return out


def test_the_dutch_catalogue_is_up_to_date_and_complete(tmp_path):
    source = resource_path("translations") / CATALOGUE
    fresh = tmp_path / CATALOGUE
    shutil.copy(source, fresh)
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    files = sorted(str(p) for p in Path(vwdesk.gui.__file__).parent.rglob("*.py"))
    subprocess.run([str(lupdate), "-locations", "none", "-source-language", "en",
                    "-target-language", "nl", *files, "-ts", str(fresh)],
                   check=True, capture_output=True)
    found = messages(fresh)
    assert len(found) > 300  # the GUI's texts were seen
    new = sorted(k for k, (kind, _text) in found.items() if kind == "unfinished")
    gone = sorted(k for k, (kind, _text) in found.items() if kind in ("obsolete", "vanished"))
    assert not new, f"texts without a Dutch translation: {new}"
    assert not gone, f"translations of texts no longer in the GUI: {gone}"
    assert messages(source) == found, "run scripts/update-translations.sh"
    empty = sorted(k for k, (_kind, text) in found.items() if not text)
    assert not empty


def test_every_record_label_has_an_english_translation():
    from vwdesk.core.records import KINDS

    labels = {k.label for k in KINDS.values()} | {f.label for k in KINDS.values()
                                                   for f in k.fields}
    english = {}
    for context in parse(resource_path("translations") / "records_en.ts").getroot().iter("context"):
        for message in context.iter("message"):
            english[message.findtext("source")] = message.findtext("translation")
    assert not sorted(label for label in labels if not english.get(label))


def test_forms_show_record_labels_in_the_chosen_language(qapp, qtbot, teamleader):
    from deskutil import compile_translations
    from PySide6.QtWidgets import QFormLayout

    from vwdesk.gui import i18n
    from vwdesk.gui.record_form import RecordDialog

    def labels():
        dialog = RecordDialog(teamleader, "volunteers")
        qtbot.addWidget(dialog)
        form = dialog.form.findChild(QFormLayout)
        return dialog.windowTitle(), [form.itemAt(i, QFormLayout.ItemRole.LabelRole).widget().text()
                                      for i in range(form.rowCount())]

    compile_translations()
    try:
        i18n.install(qapp, "nl")
        title, dutch = labels()
        assert title == "Nieuwe medewerker" and dutch[:2] == ["Nummer *", "Voornaam"]
        i18n.install(qapp, "en")
        title, english = labels()
        assert title == "New staff member" and english[:2] == ["Number *", "First name"]
    finally:
        i18n.install(qapp, "en")


def test_qts_own_file_dialog_speaks_dutch(qapp, qtbot, dutch):
    """Qt's own file dialog (used where the system has none) in Dutch:
    qtbase_nl.qm lacks its newer labels, qtbase_extra_nl.ts has them."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog(None, "Kies een bestand", "", "Excel (*.xlsx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {name: dialog.findChild(QLabel, name).text()
              for name in ("lookInLabel", "fileNameLabel", "fileTypeLabel")}
    assert labels == {"lookInLabel": "&Zoeken in:", "fileNameLabel": "Bestands&naam:",
                      "fileTypeLabel": "Bestands&type:"}
    extra = messages(resource_path("translations") / "qtbase_extra_nl.ts")
    assert extra and all(kind is None and text for kind, text in extra.values())
