"""Every text of the GUI has its Dutch translation, in the context Qt looks
it up in (the class that calls `self.tr`): a missing one would show up in
English in the Dutch app."""

from __future__ import annotations

import ast
from pathlib import Path
from xml.etree.ElementTree import parse

import vwdesk.gui
from vwdesk.resources import resource_path


def texts_in_gui() -> set[tuple[str, str, str]]:
    """(context, source text, file:line) of every text the GUI translates:
    `self.tr("…")` in a class (context: the class), `translate(CONTEXT, "…")`
    and a module's own `tr("…")`/`_tr("…")` helper (context: its CONTEXT)."""
    found = set()
    for path in Path(vwdesk.gui.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {t.id: n.value.value for n in tree.body if isinstance(n, ast.Assign)
                     and isinstance(n.value, ast.Constant) for t in n.targets
                     if isinstance(t, ast.Name)}
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            for call in ast.walk(cls):
                if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                        and call.func.attr == "tr" and call.args
                        and isinstance(call.args[0], ast.Constant)):
                    found.add((cls.name, call.args[0].value, f"{path.name}:{call.lineno}"))
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            func, args = call.func, call.args
            if isinstance(func, ast.Attribute) and func.attr == "translate" and len(args) >= 2:
                context = (args[0].value if isinstance(args[0], ast.Constant)
                           else constants.get(getattr(args[0], "id", None)))
                text = args[1]
            elif isinstance(func, ast.Name) and func.id in ("tr", "_tr") and args:
                context, text = constants.get("CONTEXT"), args[0]
            else:
                continue
            if isinstance(text, ast.Constant) and context:
                found.add((context, text.value, f"{path.name}:{call.lineno}"))
    return found


def translations() -> dict[tuple[str, str], str]:
    out = {}
    for ts in resource_path("translations").glob("*_nl.ts"):
        for context in parse(ts).getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation.get("type") not in ("unfinished", "obsolete"):
                    plural = [f.text or "" for f in translation.iter("numerusform")]
                    out[(name, message.findtext("source"))] = (
                        translation.text or "" if not plural else "" if not all(plural)
                        else " | ".join(plural))
    return out


def test_every_gui_text_has_a_dutch_translation():
    texts = texts_in_gui()
    assert len({t for t in texts if t[0] == "ExchangeDialogs"}) > 10  # the helpers are seen
    known = translations()
    missing = sorted(f"{where} {cls}: {text!r}" for cls, text, where in texts_in_gui()
                     if not known.get((cls, text)))
    assert not missing, "\n".join(missing)


def test_every_record_label_has_an_english_translation():
    from vwdesk.core.records import KINDS

    labels = {k.label for k in KINDS.values()} | {f.label for k in KINDS.values()
                                                   for f in k.fields}
    english = {}
    for context in parse(resource_path("translations") / "records_en.ts").getroot().iter("context"):
        for message in context.iter("message"):
            english[message.findtext("source")] = message.findtext("translation")
    assert not sorted(label for label in labels if not english.get(label))


def test_forms_show_record_labels_in_the_chosen_language(qapp, qtbot, teamleader_session):
    from deskutil import compile_translations
    from PySide6.QtWidgets import QFormLayout

    from vwdesk.gui import i18n
    from vwdesk.gui.record_form import RecordDialog

    def labels():
        dialog = RecordDialog(teamleader_session, "volunteers")
        qtbot.addWidget(dialog)
        form = dialog.form.findChild(QFormLayout)
        return dialog.windowTitle(), [form.itemAt(i, QFormLayout.ItemRole.LabelRole).widget().text()
                                      for i in range(form.rowCount())]

    compile_translations()
    try:
        i18n.install(qapp, "nl")
        title, dutch = labels()
        assert title == "Nieuw: medewerker" and dutch[:2] == ["Nummer *", "Voornaam"]
        i18n.install(qapp, "en")
        title, english = labels()
        assert title == "New: staff member" and english[:2] == ["Number *", "First name"]
    finally:
        i18n.install(qapp, "en")
