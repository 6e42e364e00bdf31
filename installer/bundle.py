"""What goes into vwdesk's PyInstaller bundle, shared by build_installer.spec,
the hooks in installer/hooks/ and the tests.

The bundle is one folder with two programs: `vwdesk` (windowed on Windows)
and `vwdesk-cli` (a console program, for the command line). Everything of
Qt that vwdesk does not use stays out: see QT_PLUGINS_LEFT_OUT.
"""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path, PurePath

ROOT = Path(__file__).resolve().parents[1]
NAME = "vwdesk"
CLI_NAME = "vwdesk-cli"
PUBLISHER = "VluchtelingenWerk"
DESCRIPTION = "vwdesk: registratie en jaarrapportage"

# Qt plugins vwdesk never loads, as (plugin folder, file name part); an empty
# part leaves the whole folder out. With a plugin go the libraries only it
# needs (Wayland, EGL, GTK's cairo/pango/gio ...), since the hooks drop it
# before PyInstaller looks for its dependencies.
QT_PLUGINS_LEFT_OUT = (
    # Wayland sessions run vwdesk through XWayland (the xcb platform).
    ("wayland-decoration-client", ""), ("wayland-graphics-integration-client", ""),
    ("wayland-shell-integration", ""), ("platforms", "wayland"),
    # Embedded-device platforms and input: EGL full-screen, framebuffer, VNC, evdev/TUIO.
    ("egldeviceintegrations", ""), ("platforms", "eglfs"), ("platforms", "minimalegl"),
    ("platforms", "linuxfb"), ("platforms", "vnc"), ("platforms", "vkkhrdisplay"),
    ("generic", ""),
    # OpenGL on X11: vwdesk draws with Qt's raster engine only.
    ("xcbglintegrations", ""),
    # No network use: TLS back-ends, network status.
    ("tls", ""), ("networkinformation", ""),
    # GTK3 look (pulls in GTK, cairo, pango); Qt's own Fusion style is used instead.
    ("platformthemes", "gtk3"),
    # Image formats vwdesk shows none of (it shows SVG, PNG, JPEG, ICO).
    ("imageformats", "webp"), ("imageformats", "tiff"), ("imageformats", "tga"),
    ("imageformats", "wbmp"), ("imageformats", "icns"), ("imageformats", "gif"),
    ("imageformats", "pdf"),
    # The on-screen keyboard for touch devices (a QML application).
    ("platforminputcontexts", "virtualkeyboard"),
)

# Qt libraries for OpenGL that PyInstaller adds on Windows: the software
# OpenGL renderer (about 20 MB) and Direct3D's shader compiler. vwdesk's
# widgets are drawn without OpenGL.
QT_WINDOWS_LIBRARIES_LEFT_OUT = ("opengl32sw.dll", "d3dcompiler_", "libegl.dll", "libglesv2.dll")

# Qt's own translations: only the languages of vwdesk's user interface.
QT_LANGUAGES = ("nl", "en")

# Python modules left out. Pillow: its AVIF and WebP codecs, fonts (FreeType),
# colour management (LittleCMS) and Tk: ReportLab only opens PNG and JPEG
# pictures with it and the demo cover draws shapes; Pillow reports the
# formats as unsupported without them. Pygments: only Mako's error pages
# colour code with it, if present. SQLAlchemy's dialects for other databases.
# Qt modules nothing imports.
EXCLUDED_MODULES = [
    "tkinter", "PIL._avif", "PIL._webp", "PIL._imagingtk", "PIL.ImageTk",
    "PIL._imagingft", "PIL._imagingcms", "pygments", "pydoc_data",
    "sqlalchemy.dialects.mysql", "sqlalchemy.dialects.mssql", "sqlalchemy.dialects.oracle",
    "PySide6.QtWebEngineCore", "PySide6.QtQml", "PySide6.QtQuick",
    # Python modules of Qt libraries that come along with others but are not
    # used from Python (without QtNetwork's, Qt's network library goes too).
    "PySide6.QtNetwork", "PySide6.QtDBus",
    # East Asian text encodings (vwdesk reads UTF-8 and Windows-1252 files)
    # and the interactive prompt's line editing.
    "_codecs_cn", "_codecs_hk", "_codecs_iso2022", "_codecs_jp", "_codecs_kr", "_codecs_tw",
    "_multibytecodec", "readline",
    # Build tools: setuptools comes with PyInstaller into the venv, and its
    # distutils shim drags it in; nothing of vwdesk imports it.
    "setuptools", "pkg_resources", "distutils", "_distutils_hack",
]

# The user guides the app's Help opens (F1), shipped as <bundle>/docs.
GUIDE_PATTERNS = ("*.md", "vwdesk-sjabloon.xlsx", "screenshots/*.png", "report/*.png")

# The whole bundle folder, measured on Linux (bench/bench_bundle.py). It
# was 150 before the report preview brought pypdfium2 (7.1 MB); the Linux
# bundle also carries Qt's ICU (37.7 MB), which a Windows bundle does not.
# 156.9 MB on 2026-12-02 (bench/README.md has the parts).
SIZE_LIMIT_MB = 160


def version() -> str:
    """The version in src/vwdesk/__init__.py (the only place it is written)."""
    tree = ast.parse((ROOT / "src" / "vwdesk" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == [
                "__version__"]:
            return ast.literal_eval(node.value)
    raise LookupError("__version__ not found in src/vwdesk/__init__.py")


def keep_qt_plugin(path: str | PurePath) -> bool:
    """False for a plugin file of QT_PLUGINS_LEFT_OUT, given its path (source
    or destination), e.g. `PySide6/Qt/plugins/platforms/libqwayland.so`."""
    parts = PurePath(path).parts
    if "plugins" not in parts[:-2]:
        return True
    folder = parts[parts.index("plugins") + 1]
    name = parts[-1].lower()
    return not any(folder == f and part in name for f, part in QT_PLUGINS_LEFT_OUT)


def _needed(roots: list[str], within) -> set[str]:
    """The real paths of the libraries that `roots` need, directly or through
    one another, as far as `within(path)` says they are of interest."""
    from PyInstaller.depend.bindepend import get_imports

    needed: set[str] = set()
    todo = list(roots)
    while todo:
        for _name, path in get_imports(todo.pop()):
            if path and within(path) and os.path.realpath(path) not in needed:
                needed.add(os.path.realpath(path))
                todo.append(path)
    return needed


def unused_qt_libraries(binaries: list[tuple[str, str, str]]) -> set[str]:
    """The Qt libraries (PySide6/Qt/lib/*.so on Linux, PySide6/Qt6*.dll on
    Windows) that nothing else in `binaries` links, e.g. Qt's network library
    once QtNetwork's module and plugins are left out. Qt loads its plugins by
    path, never a library by name, so what no one links is never loaded.
    Returns their `dest` names."""
    def qt_lib(path: str) -> bool:
        p = PurePath(path)
        return (p.parent.name == "lib" and p.parent.parent.name == "Qt") or (
            p.parent.name == "PySide6" and p.name.startswith("Qt6") and p.suffix == ".dll")

    needed = _needed([src for _d, src, _k in binaries if not qt_lib(src)], qt_lib)
    return {dest for dest, src, _kind in binaries
            if qt_lib(src) and os.path.realpath(src) not in needed}


def linux_host_libraries(binaries: list[tuple[str, str, str]]) -> set[str]:
    """The libraries in a Linux bundle's `binaries` (PyInstaller's (dest,
    src, kind) entries) that PyInstaller took from the host system's library
    folders: X11, GLib, D-Bus, CUPS, fontconfig, the C++ runtime, OpenSSL,
    SQLite ... The Linux bundle uses the desktop's own: they must match its
    servers (X, CUPS, D-Bus) anyway, and the distribution keeps OpenSSL and
    SQLite patched, where a copy in the bundle would not be. (A bundle runs
    only on a distribution like the one it was built on anyway, because of
    the C library.) Kept: Python itself, and the small xcb utility libraries
    Qt's X11 platform needs, which a desktop need not have installed.
    Returns their `dest` names."""
    def from_host(src: str) -> bool:
        return src.startswith(("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/"))

    def kept(dest: str) -> bool:
        return PurePath(dest).name.startswith(("libpython", "libxcb-", "libxkbcommon"))

    return {dest for dest, src, _kind in binaries if from_host(src) and not kept(dest)}


def keep_windows_qt_library(path: str | PurePath) -> bool:
    """False for a library of QT_WINDOWS_LIBRARIES_LEFT_OUT."""
    name = PurePath(path).name.lower()
    return not name.startswith(QT_WINDOWS_LIBRARIES_LEFT_OUT)


def keep_qt_translation(name: str) -> bool:
    """For a Qt translation file such as `qtbase_de.qm`: only nl and en."""
    stem = PurePath(name).stem
    return "_" not in stem or stem.rsplit("_", 1)[1] in QT_LANGUAGES


def guide_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """The guides as PyInstaller data entries (source file, folder in bundle)."""
    files = sorted({p for pattern in GUIDE_PATTERNS for p in (root / "docs").glob(pattern)})
    return [(str(p), str(PurePath("docs", p.parent.relative_to(root / "docs")))) for p in files]


def version_tuple(text: str) -> tuple[int, int, int, int]:
    """'1.2.3' (or '1.2.3rc1') as the four numbers of a Windows version."""
    numbers = [int(n) for n in re.findall(r"\d+", text.split("+")[0])[:3]]
    return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def windows_version_info(version_text: str, exe_name: str, description: str) -> str:
    """The Windows version resource of one program, in the text form
    PyInstaller's EXE(version=FILE) reads (shown in Explorer's Properties →
    Details). Language 0x0413 = Dutch (Netherlands), code page 1200 = Unicode."""
    numbers = version_tuple(version_text)
    strings = {
        "CompanyName": PUBLISHER,
        "FileDescription": description,
        "FileVersion": version_text,
        "InternalName": exe_name,
        "LegalCopyright": "EUPL-1.2",
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": NAME,
        "ProductVersion": version_text,
    }
    structs = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers!r},
    prodvers={numbers!r},
    mask=0x3f, flags=0x0, OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('041304B0', [
          {structs}])]),
    VarFileInfo([VarStruct('Translation', [0x0413, 1200])])
  ]
)
"""
