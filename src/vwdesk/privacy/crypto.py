"""Passphrase encryption of backup files with the `cryptography` package:
Fernet (AES-128-CBC + HMAC-SHA256) under a key derived from the passphrase
with scrypt. No home-made cryptography.

File layout: one JSON header line (format, KDF parameters and salt, or the
wrapped file key), then the Fernet token.
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
        if header.get("kdf") == "rsa-oaep":
            key = _file_key_from_header(header, passphrase)
        else:
            salt = base64.b64decode(header["salt"])
            key = _key(passphrase, salt, header["n"], header["r"], header["p"])
    except (ValueError, KeyError) as exc:
        raise VwdeskError("Dit back-upbestand is beschadigd of geen vwdesk-back-up.") from exc
    try:
        return Fernet(key).decrypt(token)
    except InvalidToken:
        raise VwdeskError("De wachtwoordzin klopt niet, of het back-upbestand is beschadigd; "
                          "probeer het opnieuw.") from None


# --- automatic backups: encrypted without asking for the passphrase -------------
# A key pair is made once from the teamleader's passphrase: the public key
# encrypts every automatic backup (a fresh Fernet key per file, wrapped with
# RSA-OAEP); the private key, itself encrypted with the passphrase (scrypt +
# Fernet, as above), travels in each backup's header, so restoring needs only the passphrase —
# also when the database that held the settings is lost.

RSA_BITS = 3072


def make_keypair(passphrase: str) -> dict[str, str]:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    check_passphrase(passphrase)
    private = rsa.generate_private_key(public_exponent=65537, key_size=RSA_BITS)
    return {
        "public": private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ).decode("ascii"),
        # The private key under the same scrypt + Fernet protection as a
        # passphrase backup (stronger than PKCS#8's own PBKDF2 rounds).
        "private": base64.b64encode(encrypt(private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()), passphrase)).decode("ascii"),
    }


def _oaep():
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    return padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()),
                        algorithm=hashes.SHA256(), label=None)


def encrypt_with_key(data: bytes, keypair: dict[str, str]) -> bytes:
    from cryptography.fernet import Fernet
    from cryptography.hazmat.primitives import serialization

    public = serialization.load_pem_public_key(keypair["public"].encode("ascii"))
    file_key = Fernet.generate_key()
    header = {"format": MAGIC, "version": 1, "kdf": "rsa-oaep",
              "key": base64.b64encode(public.encrypt(file_key, _oaep())).decode("ascii"),
              "private": keypair["private"]}
    return json.dumps(header).encode("ascii") + b"\n" + Fernet(file_key).encrypt(data)


def _file_key_from_header(header: dict, passphrase: str) -> bytes:
    from cryptography.hazmat.primitives import serialization

    pem = decrypt(base64.b64decode(header["private"]), passphrase)
    private = serialization.load_pem_private_key(pem, None)
    return private.decrypt(base64.b64decode(header["key"]), _oaep())
