"""The installer bundle and the Windows installer.

The slow tests build the bundle with PyInstaller (2-4 minutes), or use the
one VWDESK_BUNDLE names (CI builds it once, before the tests), and check
what a user of it meets: both programs, the command line without Qt, the
size ceiling, the parts left out, the guides, and an NSIS installer that
holds every file of it.
"""

import ast
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path, PurePosixPath

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "installer"))
import bundle  # noqa: E402
import make_installer  # noqa: E402

IN_CI = bool(os.environ.get("CI"))


# -- without building ---------------------------------------------------------

def test_windows_version_resource_carries_the_version():
    text = bundle.windows_version_info("1.12.3rc1", "vwdesk-cli", "vwdesk (opdrachtregel)")
    tree = ast.parse(text, mode="eval")  # PyInstaller evaluates this text on Windows
    assert tree.body.func.id == "VSVersionInfo"
    assert "filevers=(1, 12, 3, 0)" in text and "prodvers=(1, 12, 3, 0)" in text
    assert "StringStruct('ProductVersion', '1.12.3rc1')" in text
    assert "StringStruct('OriginalFilename', 'vwdesk-cli.exe')" in text
    assert bundle.version() == __import__("vwdesk").__version__


def test_vwdesk_runs_the_same_without_docstrings_and_asserts():
    """The bundle's byte code is optimised as `python -OO` (the spec's
    optimize=2): vwdesk's own code may then neither check with an assert nor
    read a docstring, or the bundle would behave unlike the tests."""
    offending = []
    for path in sorted((ROOT / "src" / "vwdesk").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Assert) or (
                    isinstance(node, ast.Attribute) and node.attr == "__doc__"):
                offending.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not offending
    assert "optimize=2" in (ROOT / "build_installer.spec").read_text(encoding="utf-8")


@pytest.mark.parametrize(("path", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
    ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", False),
    ("PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-emu-integration.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/plugins/tls/qschannelbackend.dll", False),  # the Windows layout
    ("PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/imageformats/libqwebp.so", False),
    ("PySide6/Qt/lib/libQt6Core.so.6", True),
])
def test_qt_plugins_left_out(path, kept):
    assert bundle.keep_qt_plugin(path) is kept


def test_no_opengl_libraries_on_windows():
    assert not bundle.keep_windows_qt_library("PySide6/opengl32sw.dll")
    assert not bundle.keep_windows_qt_library("PySide6/d3dcompiler_47.dll")
    assert bundle.keep_windows_qt_library("PySide6/Qt6Gui.dll")
    assert bundle.keep_windows_qt_library("PySide6/Qt/lib/libQt6OpenGL.so.6")


def test_only_dutch_and_english_qt_translations():
    assert bundle.keep_qt_translation("PySide6/Qt/translations/qtbase_nl.qm")
    assert bundle.keep_qt_translation("qt_en.qm")
    assert not bundle.keep_qt_translation("qtbase_de.qm")
    assert not bundle.keep_qt_translation("qt_zh_CN.qm")


def test_icon_has_every_size_windows_shows():
    with Image.open(ROOT / "resources" / "icons" / "vwdesk.ico") as ico:
        sizes = {w for w, _h in ico.info["sizes"]}
    assert {16, 24, 32, 48, 256} <= sizes


def test_guides_are_found_in_a_checkout_and_in_the_bundle(tmp_path, monkeypatch):
    from vwdesk.resources import guide_path

    assert guide_path("privacy.md") == ROOT / "docs" / "privacy.md"
    assert guide_path("privacy.md").exists()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    (tmp_path / "docs").mkdir()  # the bundle's folder of guides
    assert guide_path("exchange.md") == tmp_path / "docs" / "exchange.md"
    assert {dest for _src, dest in bundle.guide_files()} == {"docs", "docs/screenshots",
                                                             "docs/report"}
    assert {Path(src).name for src, _dest in bundle.guide_files()} >= {
        "privacy.md", "exchange.md", "templates.md", "register-visit.png"}


def test_nsis_file_list_installs_and_removes_every_file(tmp_path):
    (tmp_path / "vwdesk.exe").write_bytes(b"app")
    (tmp_path / "vwdesk-cli.exe").write_bytes(b"cli")
    for name in ("_internal/base_library.zip", "_internal/PySide6/Qt6Core.dll",
                 "_internal/docs/screenshots/a $b.png"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    text = make_installer.file_list(tmp_path)
    install, remove = text.split("!macro VWDESK_REMOVE_FILES")
    assert '!define APP_EXE "vwdesk.exe"' in text and '!define CLI_EXE "vwdesk-cli.exe"' in text
    assert "vwdesk-cli.exe\"" not in install.split("!macro VWDESK_INSTALL_FILES")[1]  # a component
    assert 'SetOutPath "$INSTDIR\\_internal\\docs\\screenshots"' in install
    assert f'File "/oname=a $$b.png" "{tmp_path}/_internal/docs/screenshots/a $$b.png"' in install
    assert install.count("File ") == 4
    assert 'Delete "$INSTDIR\\_internal\\PySide6\\Qt6Core.dll"' in remove
    assert remove.count("Delete ") == 4
    rmdirs = [line.strip() for line in remove.splitlines() if "RMDir" in line]
    assert rmdirs[0] == 'RMDir "$INSTDIR\\_internal\\docs\\screenshots"'  # deepest first
    assert rmdirs[-1] == 'RMDir "$INSTDIR\\_internal"'


def test_lock_file_pins_every_dependency_of_pyproject():
    """requirements.lock is made by scripts/lock.sh; a dependency added to
    pyproject.toml without running it again would be missing here."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = [*project["project"]["dependencies"], *project["build-system"]["requires"]]
    for extra in ("test", "build"):
        wanted += project["project"]["optional-dependencies"][extra]
    pinned = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith((" ", "#")):
            req = Requirement(line.rstrip(" \\"))
            if req.marker is None or req.marker.evaluate():
                pinned[req.name.lower().replace("_", "-")] = next(iter(req.specifier)).version
    env = default_environment()
    for text in wanted:
        req = Requirement(text)
        if req.marker is not None and not req.marker.evaluate(env):
            continue
        name = req.name.lower().replace("_", "-")
        assert name in pinned, f"{name} is not in requirements.lock: run scripts/lock.sh"
        assert req.specifier.contains(pinned[name], prereleases=True), (name, pinned[name])


# -- the built bundle -----------------------------------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    given = os.environ.get("VWDESK_BUNDLE")
    if given:
        return Path(given)
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    if not pyinstaller.exists():
        pytest.skip("PyInstaller is not installed (bash scripts/setup.sh)")
    out = tmp_path_factory.mktemp("bundle")
    subprocess.run([str(pyinstaller), "--noconfirm", "--log-level=WARN", "--distpath",
                    str(out / "dist"), "--workpath", str(out / "build"),
                    str(ROOT / "build_installer.spec")], check=True, cwd=ROOT, timeout=1200)
    shutil.rmtree(out / "build", ignore_errors=True)
    return out / "dist" / bundle.NAME


def _run(program, *args, env=None, stdin=None):
    return subprocess.run([str(program), *args], capture_output=True, text=True, timeout=300,
                          input=stdin, env={**os.environ, **(env or {})})


@pytest.mark.slow
def test_bundled_command_line_works(built, tmp_path):
    app, cli = make_installer.program_names(built)
    out = _run(built / cli, "--version")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"vwdesk {bundle.version()}"
    assert _run(built / app, "--version").stdout.strip() == f"vwdesk {bundle.version()}"
    assert "gebruik: vwdesk" in _run(built / cli, "--help").stdout
    db = tmp_path / "b.sqlite"  # migrations are inside: a new database is made
    assert _run(built / cli, "--database", str(db), "users", "list").returncode == 0
    out = _run(built / cli, "--database", str(db), "demo")
    assert out.returncode == 0, out.stderr
    pdf = tmp_path / "vlaardingen-2018.pdf"  # fonts, Pillow (the cover picture), ReportLab
    out = _run(built / cli, "--database", str(db), "report", "--location", "Vlaardingen",
               "--year", "2018", "-o", str(pdf))
    assert out.returncode == 0, out.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and b"/Subtype /Image" in pdf.read_bytes()
    out = _run(built / cli, "--database", str(db), "backup", "--to", str(tmp_path / "bk"),
               "--passphrase-stdin", stdin="een lange wachtwoordzin\n")  # cryptography
    assert out.returncode == 0, out.stderr
    out = _run(built / cli, "--database", str(db), "report", "--location", "Nergens",
               "--year", "2018", "-o", str(pdf))
    assert out.returncode == 2 and out.stderr.startswith("vwdesk: ") and "Traceback" not in out.stderr


@pytest.mark.slow
@pytest.mark.parametrize("program", [0, 1], ids=["app", "cli"])
def test_bundled_app_starts_its_window(built, tmp_path, program):
    """Both programs start the app (Qt finds its platform plugin in the
    bundle): it is still running after a few seconds, and Qt said nothing
    about a missing plugin."""
    exe = built / make_installer.program_names(built)[program]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VWDESK_LOG_DIR": str(tmp_path)}
    proc = subprocess.Popen([str(exe), "--database", str(tmp_path / "w.sqlite")], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        pass
    still_running = proc.poll() is None
    proc.kill()
    _out, err = proc.communicate(timeout=30)
    assert still_running, f"the app ended with {proc.returncode}: {err}"
    assert "platform plugin" not in err and "Traceback" not in err, err


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="LD_DEBUG is glibc's")
def test_bundled_command_line_loads_no_qt(built, tmp_path):
    _app, cli = make_installer.program_names(built)
    for args in (["--version"], ["--database", str(tmp_path / "q.sqlite"), "users", "list"]):
        out = _run(built / cli, *args, env={"LD_DEBUG": "files"})
        assert out.returncode == 0
        loaded = [line for line in out.stderr.splitlines() if "file=" in line]
        assert any("libpython" in line for line in loaded)  # the trace is real
        assert not [line for line in loaded if "libQt6" in line or "libicu" in line], args


@pytest.mark.slow
def test_bundle_stays_within_its_size_and_leaves_out_what_vwdesk_does_not_use(built):
    files = [p for p in built.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(p.stat().st_size for p in files)
    assert total <= bundle.SIZE_LIMIT_MB * 1_000_000, f"{total / 1e6:.1f} MB"
    names = [p.relative_to(built).as_posix() for p in files]
    assert not [n for n in names if not bundle.keep_qt_plugin(n)]
    assert not [n for n in names if n.endswith(".qm") and "/translations/" in n
                and not bundle.keep_qt_translation(n)]
    assert not [n for n in names if PurePosixPath(n).name.startswith(("_avif.", "_webp."))]
    # Dutch for Qt's own dialogs (Qt's catalogue and what it lacks) and for vwdesk's texts
    assert {"qtbase_nl.qm", "qtbase_extra_nl.qm", "vwdesk_nl.qm"} <= {
        PurePosixPath(n).name for n in names}
    guides = {PurePosixPath(n).name for n in names if "/docs/" in n}
    assert {"exchange.md", "privacy.md", "templates.md", "vwdesk-sjabloon.xlsx"} <= guides


@pytest.mark.slow
def test_installer_holds_every_file_of_the_bundle(built, tmp_path):
    if not (shutil.which("makensis") and shutil.which("7z")):
        if IN_CI:
            pytest.fail("CI needs makensis (nsis) and 7z (p7zip-full): see .ci/run")
        pytest.skip("makensis or 7z is not installed (apt-get install nsis p7zip-full)")
    setup = make_installer.build(built, tmp_path / "vwdesk-setup.exe", fast=True)
    listing = subprocess.run(["7z", "l", "-slt", str(setup)], capture_output=True, text=True,
                             check=True).stdout
    inside = {line[len("Path = "):] for line in listing.splitlines() if line.startswith("Path = ")}
    expected = {str(p) for p in make_installer.bundle_files(built)}
    assert expected <= inside, sorted(expected - inside)[:10]
    assert not {p for p in inside - expected
                if not p.startswith("$PLUGINSDIR") and p not in (str(setup), "uninstall.exe")}
