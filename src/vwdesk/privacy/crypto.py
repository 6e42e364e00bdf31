"""Passphrase encryption of backup files with the `cryptography` package:
Fernet (AES-128-CBC + HMAC-SHA256) under a key derived from the passphrase
with scrypt. No home-made cryptography.

File layout: one JSON header line (format, KDF parameters, salt), then the
Fernet token.
"""

from __future__ import annotations

import base64
import json
import os

from vwdesk.core.errors import VwdeskError

MAGIC = "vwdesk-backup"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
MIN_PASSPHRASE = 8


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    raw = Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))
    return base64.urlsafe_b64encode(raw)


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise VwdeskError(f"De wachtwoordzin is te kort; gebruik minstens {MIN_PASSPHRASE} tekens.")


def encrypt(data: bytes, passphrase: str) -> bytes:
    from cryptography.fernet import Fernet

    check_passphrase(passphrase)
    salt = os.urandom(16)
    header = {"format": MAGIC, "version": 1, "kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R,
              "p": SCRYPT_P, "salt": base64.b64encode(salt).decode("ascii")}
    token = Fernet(_key(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)).encrypt(data)
    return json.dumps(header).encode("ascii") + b"\n" + token


def is_encrypted(head: bytes) -> bool:
    return head.startswith(b'{"format": "' + MAGIC.encode("ascii"))


def decrypt(blob: bytes, passphrase: str | None) -> bytes:
    from cryptography.fernet import Fernet, InvalidToken

    if not passphrase:
        raise VwdeskError("Deze back-up is versleuteld; geef de wachtwoordzin op.")
    line, _, token = blob.partition(b"\n")
    try:
        header = json.loads(line)
        salt = base64.b64decode(header["salt"])
        key = _key(passphrase, salt, header["n"], header["r"], header["p"])
    except (ValueError, KeyError) as exc:
        raise VwdeskError("Dit back-upbestand is beschadigd of geen vwdesk-back-up.") from exc
    try:
        return Fernet(key).decrypt(token)
    except InvalidToken:
        raise VwdeskError("De wachtwoordzin klopt niet, of het back-upbestand is beschadigd; "
                          "probeer het opnieuw.") from None
