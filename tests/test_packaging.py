"""The PyInstaller bundle builds and its `vwdesk --version` runs."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_installer_bundle_builds_and_reports_its_version(tmp_path):
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    if not pyinstaller.exists():
        pytest.skip("PyInstaller is not installed (pip install -e '.[build]')")
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    subprocess.run(
        [str(pyinstaller), "--noconfirm", "--log-level=WARN", "--distpath", str(tmp_path / "dist"),
         "--workpath", str(tmp_path / "build"), str(ROOT / "build_installer.spec")],
        check=True, cwd=ROOT, timeout=900,
    )
    exe = tmp_path / "dist" / "vwdesk" / "vwdesk"
    out = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"vwdesk {version}"
    # The bundle migrates a new database on its own (migrations are inside).
    db = tmp_path / "b.sqlite"
    out = subprocess.run([str(exe), "--database", str(db), "users", "list"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert db.exists()
    shutil.rmtree(tmp_path / "build", ignore_errors=True)
