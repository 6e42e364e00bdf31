"""Packages a finished bundle (build_installer.spec's dist/vwdesk) as a
Windows installer with NSIS:

    python installer/make_installer.py dist/vwdesk [-o dist/vwdesk-VERSION-setup.exe]

The file list is made from the bundle itself, so the installer holds every
file of it and the uninstaller removes exactly those. The same command
packages the Windows bundle (on Windows, with NSIS's makensis on PATH) and,
in CI, the Linux bundle, as a check that the script and the list are valid.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path, PurePosixPath

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle  # noqa: E402

HERE = Path(__file__).resolve().parent


def _nsis(text: str) -> str:
    """A string for inside NSIS's double quotes ($ is its variable sign)."""
    return text.replace("$", "$$")


def _windows_path(relative: PurePosixPath) -> str:
    """$INSTDIR\\a\\b for the bundle's a/b, for NSIS."""
    return "$INSTDIR" + "".join("\\" + _nsis(part) for part in relative.parts)


def program_names(folder: Path) -> tuple[str, str]:
    """The file names of the app and the command line in `folder` (with .exe
    in a Windows bundle)."""
    suffix = ".exe" if (folder / f"{bundle.NAME}.exe").exists() else ""
    app, cli = f"{bundle.NAME}{suffix}", f"{bundle.CLI_NAME}{suffix}"
    for name in (app, cli):
        if not (folder / name).is_file():
            raise FileNotFoundError(f"{folder / name} is missing: is this a vwdesk bundle?")
    return app, cli


def bundle_files(folder: Path) -> list[PurePosixPath]:
    """Every file of the bundle, relative to it, in a stable order. The
    symbolic links PyInstaller makes on Linux (to Qt's libraries, which a
    Windows bundle does not have) are no files of their own and are left out."""
    return sorted(PurePosixPath(p.relative_to(folder).as_posix())
                  for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def file_list(folder: Path) -> str:
    """installer/vwdesk.nsi's FILES: the program names and two macros, one that
    installs every file of the bundle but the command line (a component of its
    own), one that removes them again, the folders deepest first."""
    app, cli = program_names(folder)
    files = [f for f in bundle_files(folder) if str(f) != cli]
    lines = [f'!define APP_EXE "{_nsis(app)}"', f'!define CLI_EXE "{_nsis(cli)}"', "",
             "!macro VWDESK_INSTALL_FILES"]
    current = None
    for f in files:
        if f.parent != current:
            current = f.parent
            lines.append(f'  SetOutPath "{_windows_path(current)}"')
        lines.append(f'  File "/oname={_nsis(f.name)}" "{_nsis(str(folder / f))}"')
    lines += ["!macroend", "", "!macro VWDESK_REMOVE_FILES"]
    lines += [f'  Delete "{_windows_path(f)}"' for f in files]
    folders = sorted({p for f in files for p in f.parents if p.parts},
                     key=lambda p: (-len(p.parts), str(p)))
    lines += [f'  RMDir "{_windows_path(d)}"' for d in folders]
    lines.append("!macroend")
    return "\n".join(lines) + "\n"


def makensis() -> str:
    found = shutil.which("makensis")
    if found:
        return found
    default = Path(os.environ.get("ProgramFiles(x86)", r"C:\Program Files (x86)")) / "NSIS" / "makensis.exe"
    if default.exists():
        return str(default)
    raise FileNotFoundError("makensis (NSIS 3) not found: apt-get install nsis, or install NSIS on Windows")


def build(folder: Path, output: Path, fast: bool = False) -> Path:
    version = bundle.version()
    with tempfile.TemporaryDirectory() as tmp:
        files = Path(tmp) / "files.nsh"
        files.write_text(file_list(folder), encoding="utf-8")
        defines = {
            "VERSION": version,
            "VERSION4": ".".join(map(str, bundle.version_tuple(version))),
            "BUNDLE": str(folder.resolve()),
            "FILES": str(files),
            "ICON": str(bundle.ROOT / "resources" / "icons" / "vwdesk.ico"),
            "OUTFILE": str(output.resolve()),
        }
        if fast:
            defines["COMPRESSOR"] = "zlib"
        output.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([makensis(), "-V2", "-INPUTCHARSET", "UTF8",
                        *(f"-D{k}={v}" for k, v in defines.items()), str(HERE / "vwdesk.nsi")],
                       check=True)
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", type=Path, help="the bundle folder (dist/vwdesk)")
    parser.add_argument("-o", "--output", type=Path,
                        help="the installer (default: next to the bundle, vwdesk-VERSION-setup.exe)")
    parser.add_argument("--fast", action="store_true",
                        help="compress with zlib: a third of lzma's time, a larger file (checks)")
    args = parser.parse_args(argv)
    output = args.output or args.bundle.parent / f"vwdesk-{bundle.version()}-setup.exe"
    print(build(args.bundle, output, args.fast))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
