"""Backups and restores an attacker or a killed process cannot turn against
the data (issue 13, findings 1 and 9, and the crafted backups of the Low
findings)."""

from __future__ import annotations

import base64
import io
import json
import sqlite3
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from sqlalchemy import func, select

from vwdesk.core import models as m
from vwdesk.core.db import Database
from vwdesk.core.errors import VwdeskError
from vwdesk.privacy import crypto
from vwdesk.privacy.backup import (
    BackupError,
    clean_leftovers,
    make_backup,
    restore,
    sqlite_path,
    verify_backup,
)

WORKER = str(Path(__file__).with_name("backup_worker.py"))
PASS = "correct paard batterij"


def _worker(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, WORKER, *args], capture_output=True, timeout=120,
                          **kwargs)


def _clients(url: str) -> list[str]:
    db = Database(url)
    try:
        with db.session() as s:
            return sorted(s.scalars(select(m.Client.last_name)))
    finally:
        db.close()


def _work_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".vwdesk-"))


def test_a_killed_encrypted_backup_leaves_no_plaintext_and_is_cleaned_up(
        office_sqlite, fill_sqlite, tmp_path):
    fill_sqlite.client("K1", last="Plattetekstnaam")
    db = office_sqlite.db
    folder = tmp_path / "netwerkschijf"
    done = _worker("kill-backup", db.url, str(folder), PASS)
    assert done.returncode == 9, done.stderr.decode()
    for path in folder.iterdir():  # what the network drive holds
        data = path.read_bytes()
        assert b"SQLite format 3" not in data and b"Plattetekstnaam" not in data, path.name
    clean_leftovers(sqlite_path(db.url), [folder])  # as at the next start
    assert list(folder.iterdir()) == []
    assert _work_files(sqlite_path(db.url).parent) == []


def test_encryption_streams_with_flat_memory():
    plain = io.BytesIO(bytes(range(256)) * (64 * 1024))  # 16 MiB
    sealed, opened = io.BytesIO(), io.BytesIO()
    tracemalloc.start()
    try:
        crypto.encrypt_stream(plain, sealed, passphrase=PASS)
        sealed.seek(0)
        crypto.decrypt_stream(sealed, opened, PASS)
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Beyond the two BytesIO buffers (which grow in place), a few chunks at a time.
    assert opened.getvalue() == plain.getvalue()
    assert peak < 2 * len(plain.getvalue()) + 2 * len(sealed.getvalue()) // 8 + (1 << 20)


def test_encryption_holds_no_more_than_a_few_chunks(tmp_path):
    src = tmp_path / "plain.bin"
    src.write_bytes(b"\x5a" * (24 << 20))
    tracemalloc.start()
    try:
        with open(src, "rb") as f, open(tmp_path / "sealed.vwbak", "wb") as out:
            crypto.encrypt_stream(f, out, passphrase=PASS)
        with open(tmp_path / "sealed.vwbak", "rb") as f, open(tmp_path / "back.bin", "wb") as out:
            crypto.decrypt_stream(f, out, PASS)
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1 << 20  # 24 MiB through less than 1 MiB
    assert (tmp_path / "back.bin").read_bytes() == src.read_bytes()


def test_restore_is_refused_while_another_process_has_the_database_open(
        office_sqlite, fill_sqlite, tmp_path):
    db = office_sqlite.db
    fill_sqlite.client("A1", last="Eerder")
    backup = make_backup(db, tmp_path / "bk")
    fill_sqlite.client("A2", last="Later")
    url = db.url
    db.close()
    holder = subprocess.Popen([sys.executable, WORKER, "hold", url], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "READY"
        with pytest.raises(BackupError, match="nog geopend"):
            restore(url, backup)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert _clients(url) == ["Eerder", "Later"]
    restore(url, backup)  # once it is closed
    assert _clients(url) == ["Eerder"]


def test_a_restore_killed_half_way_leaves_the_old_database_whole(
        office_sqlite, fill_sqlite, tmp_path):
    db = office_sqlite.db
    fill_sqlite.client("B1", last="Oud")
    backup = make_backup(db, tmp_path / "bk")
    for i in range(40):
        fill_sqlite.client(f"B{i + 2}", last=f"Nieuw{i:02d}")
    url = db.url
    db.close()
    done = _worker("kill-restore", url, str(backup))
    assert done.returncode == 9, done.stderr.decode()
    path = sqlite_path(url)
    assert path.exists()
    names = _clients(url)  # SQLite rolls the half-written restore back on opening
    assert len(names) == 41 and names[0] == "Nieuw00"
    clean_leftovers(path)
    assert _work_files(path.parent) == []


def test_decrypted_restore_copies_are_not_left_behind(office_sqlite, fill_sqlite, tmp_path):
    db = office_sqlite.db
    fill_sqlite.client("C1")
    backup = make_backup(db, tmp_path / "bk", passphrase=PASS)
    url = db.url
    db.close()
    restore(url, backup, PASS)
    assert _work_files(sqlite_path(url).parent) == []
    with pytest.raises(VwdeskError):
        restore(url, backup, "verkeerde zin")
    assert _work_files(sqlite_path(url).parent) == []


def _header_file(tmp_path: Path, header: object, body: bytes = b"") -> Path:
    path = tmp_path / "vwdesk-20260101-120000.vwbak"
    line = header if isinstance(header, bytes) else json.dumps(header).encode()
    path.write_bytes(line + b"\n" + body)
    return path


@pytest.mark.parametrize("header", [
    {"format": "vwdesk-backup", "version": 1, "kdf": "scrypt", "n": "16384", "r": 8, "p": 1,
     "salt": "AAAAAAAAAAAAAAAAAAAAAA=="},
    {"format": "vwdesk-backup", "version": 1, "kdf": "scrypt", "n": 2**22, "r": 64, "p": 16,
     "salt": "AAAAAAAAAAAAAAAAAAAAAA=="},
    {"format": "vwdesk-backup", "version": 2, "kdf": "scrypt", "n": 2**15, "r": 8, "p": 1,
     "salt": "AAAAAAAAAAAAAAAAAAAAAA==", "key": "nietbase64!", "chunk": 65536},
    {"format": "vwdesk-backup", "version": 2, "kdf": "rsa-oaep", "key": "", "chunk": 65536,
     "private": 5},
    {"format": "vwdesk-backup", "version": 2, "kdf": "scrypt", "chunk": 10**12},
    {"format": "vwdesk-backup", "kdf": ["scrypt"]},
    [1, 2, 3],
    b'{"format": "vwdesk-backup"' + b" " * 200_000,
])
def test_a_crafted_header_is_refused_in_dutch(tmp_path, header):
    with pytest.raises(VwdeskError, match="beschadigd|klopt niet|geen"):
        verify_backup(_header_file(tmp_path, header), PASS)


def test_a_changed_or_cut_encrypted_backup_is_refused(office_sqlite, tmp_path):
    backup = make_backup(office_sqlite.db, tmp_path / "bk", passphrase=PASS)
    data = backup.read_bytes()
    header_end = data.index(b"\n") + 1
    for damaged in (data[:-10], data[:header_end + crypto.CHUNK + crypto.TAG],
                    data[:-5] + bytes([data[-5] ^ 1]) + data[-4:],
                    data.replace(b'"chunk": 65536', b'"chunk": 65537')):
        backup.write_bytes(damaged)
        with pytest.raises(VwdeskError, match="beschadigd|klopt niet"):
            verify_backup(backup, PASS)


def test_a_backup_missing_a_table_is_refused(office_sqlite, tmp_path):
    backup = make_backup(office_sqlite.db, tmp_path / "bk")
    conn = sqlite3.connect(backup)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("DROP TABLE contact_topics")
    conn.commit()
    conn.close()
    with pytest.raises(BackupError, match="contact_topics ontbreekt"):
        restore(office_sqlite.db.url, backup)


def test_backups_made_before_2027_are_still_restored(office_sqlite, fill_sqlite, tmp_path):
    from cryptography.fernet import Fernet
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    fill_sqlite.client("V1", last="Oudformaat")
    plain = make_backup(office_sqlite.db, tmp_path / "bk")
    salt = b"0123456789abcdef"
    key = base64.urlsafe_b64encode(Scrypt(salt=salt, length=32, n=2**15, r=8, p=1)
                                   .derive(PASS.encode()))
    header = {"format": "vwdesk-backup", "version": 1, "kdf": "scrypt", "n": 2**15, "r": 8,
              "p": 1, "salt": base64.b64encode(salt).decode()}
    old = _header_file(tmp_path, header, Fernet(key).encrypt(plain.read_bytes()))
    url = office_sqlite.db.url
    office_sqlite.db.close()
    restore(url, old, PASS)
    assert _clients(url) == ["Oudformaat"]


def test_automatic_backups_keep_working_with_a_key_pair_made_before_2027(
        office_sqlite, fill_sqlite, tmp_path):
    """A key pair in the settings whose private key is sealed in format 1."""
    from cryptography.fernet import Fernet
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    salt = b"fedcba9876543210"
    key = base64.urlsafe_b64encode(Scrypt(salt=salt, length=32, n=2**15, r=8, p=1)
                                   .derive(PASS.encode()))
    sealed = json.dumps({"format": "vwdesk-backup", "version": 1, "kdf": "scrypt", "n": 2**15,
                         "r": 8, "p": 1, "salt": base64.b64encode(salt).decode()}).encode() \
        + b"\n" + Fernet(key).encrypt(private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()))
    keypair = {"public": private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode(),
        "private": base64.b64encode(sealed).decode()}
    fill_sqlite.client("S1", last="Sleutelpaar")
    out = io.BytesIO()
    with open(make_backup(office_sqlite.db, tmp_path / "plain"), "rb") as f:
        crypto.encrypt_stream(f, out, keypair=keypair)
    backup = tmp_path / "vwdesk-20260101-120000.vwbak"
    backup.write_bytes(out.getvalue())
    url = office_sqlite.db.url
    office_sqlite.db.close()
    restore(url, backup, PASS)
    assert _clients(url) == ["Sleutelpaar"]
    with pytest.raises(VwdeskError, match="klopt niet"):
        verify_backup(backup, "verkeerde zin")


def test_no_database_count_changes_by_a_refused_restore(office_sqlite, fill_sqlite, tmp_path):
    fill_sqlite.client("D1")
    bad = _header_file(tmp_path, {"format": "vwdesk-backup"})
    with pytest.raises(VwdeskError):
        restore(office_sqlite.db.url, bad, PASS)
    with office_sqlite.db.session() as s:
        assert s.scalar(select(func.count(m.Client.id))) == 1
