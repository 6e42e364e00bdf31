# PyInstaller's hook for PySide6.QtGui (it takes precedence over the built-in
# one), less the Qt plugins vwdesk does not use (installer/bundle.py).
from bundle import keep_qt_plugin
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [entry for entry in binaries if keep_qt_plugin(entry[0])]
