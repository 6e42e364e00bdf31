"""The size of the installer bundle, by what takes the room, against its
ceiling (installer/bundle.py SIZE_LIMIT_MB; tests/test_packaging.py checks it).

    .venv/bin/python bench/bench_bundle.py              # builds the bundle first (2-4 min)
    .venv/bin/python bench/bench_bundle.py dist/vwdesk  # measures a built one

MB are 10^6 bytes of the files in the folder; the symbolic links
PyInstaller makes on Linux (to Qt's libraries) take no room and are not
counted (a Windows bundle has none).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "installer"))
import bundle  # noqa: E402

# (group, test on the path inside _internal), first match wins.
GROUPS = [
    ("Qt: ICU (Unicode data; Linux only, Windows has its own)",
     lambda p: PurePosixPath(p).name.startswith("libicu")),
    ("Qt: libraries", lambda p: p.startswith("PySide6/Qt/lib/") or p.startswith("libQt6")),
    ("Qt: plugins", lambda p: p.startswith("PySide6/Qt/plugins/")),
    ("Qt: translations (nl, en)", lambda p: p.startswith("PySide6/Qt/translations/")),
    ("PySide6 bindings", lambda p: p.startswith(("PySide6/", "shiboken6/", "libpyside6", "libshiboken6"))),
    ("Python: interpreter and standard library",
     lambda p: p.startswith(("libpython", "python3", "base_library.zip"))),
    ("cryptography (encrypted backups)", lambda p: p.startswith("cryptography")),
    ("psycopg (PostgreSQL, with libpq and OpenSSL)", lambda p: p.startswith("psycopg")),
    ("Pillow (pictures in the report)", lambda p: p.startswith(("PIL/", "pillow.libs/"))),
    ("pypdfium2 (the report preview)", lambda p: p.startswith("pypdfium2")),
    ("resources (fonts, icons, templates) and the guides",
     lambda p: p.startswith(("resources/", "docs/"))),
    ("xcb libraries for Qt on X11 (Linux only)",
     lambda p: p.startswith(("libxcb", "libxkbcommon", "libXau"))),
]


def measure(folder: Path) -> tuple[dict[str, list[int]], int]:
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    total = 0
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        relative = path.relative_to(folder).as_posix()
        if "/" not in relative:
            name = "the two programs (each with the Python modules, compressed)"
        else:
            inner = relative.split("/", 1)[1]
            name = next((g for g, test in GROUPS if test(inner)), "other Python packages and libraries")
        groups[name][0] += size
        groups[name][1] += 1
    return groups, total


def build() -> tuple[Path, float]:
    out = Path(tempfile.mkdtemp(prefix="vwdesk-bundle-"))
    started = time.perf_counter()
    subprocess.run([str(Path(sys.executable).with_name("pyinstaller")), "--noconfirm",
                    "--log-level=WARN", "--distpath", str(out / "dist"), "--workpath",
                    str(out / "build"), str(ROOT / "build_installer.spec")], check=True, cwd=ROOT)
    return out / "dist" / bundle.NAME, time.perf_counter() - started


def main() -> int:
    if len(sys.argv) > 1:
        folder, took = Path(sys.argv[1]), None
    else:
        folder, took = build()
    groups, total = measure(folder)
    print(f"Bundle: {folder} (vwdesk {bundle.version()}, {sys.platform})"
          + (f", built in {took:.0f} s" if took else ""))
    print()
    print("| part | MB | files |")
    print("|---|---:|---:|")
    for name, (size, count) in sorted(groups.items(), key=lambda kv: -kv[1][0]):
        print(f"| {name} | {size / 1e6:.1f} | {count} |")
    files = sum(count for _size, count in groups.values())
    limit = bundle.SIZE_LIMIT_MB
    print(f"| **total** | **{total / 1e6:.1f}** (ceiling {limit}) | {files} |")
    return 0 if total <= limit * 1e6 else 1


if __name__ == "__main__":
    raise SystemExit(main())
