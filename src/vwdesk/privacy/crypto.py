"""Passphrase encryption of backup files with the `cryptography` package; no
home-made cryptography, and memory stays flat whatever the database's size.

A file (format version 2) is one JSON header line, then the content as a
stream of ChaCha20-Poly1305 chunks under a random 256-bit file key (the
STREAM construction, as in the age format):

- chunk i holds `CHUNK` bytes of plaintext (the last one fewer, possibly
  none) plus a 16-byte tag; its nonce is i as 11 bytes big-endian, then one
  byte that is 1 for the last chunk and 0 before it; its associated data is
  the SHA-256 of the header line. A changed, moved, dropped or added chunk,
  a cut-off end or an altered header makes decryption fail.
- The header says how the file key is kept: `scrypt` — wrapped
  (ChaCha20-Poly1305) under a key derived from the passphrase with scrypt;
  or `rsa-oaep` — wrapped with the public key of the location's key pair
  (automatic backups: no passphrase needed to make them), with the private
  key, sealed with the passphrase in the same format, in the header too, so
  restoring needs only the passphrase, also when the database that held the
  settings is lost.

The header is checked before any work: at most `MAX_HEADER` bytes, known
fields of the right types, scrypt parameters within what vwdesk writes
(a crafted file cannot make the key derivation run for minutes).

Version 1 files (Fernet over the whole file, vwdesk before 2027) are still
read; they need memory for the whole file.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import os
from typing import Any, BinaryIO

from vwdesk.core.errors import VwdeskError

MAGIC = "vwdesk-backup"
VERSION = 2
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
MAX_SCRYPT_N, MAX_SCRYPT_R, MAX_SCRYPT_P = 2**20, 16, 2
MAX_SCRYPT_MEMORY = 256 << 20  # bytes scrypt may take (128 * n * r)
MIN_PASSPHRASE = 8
CHUNK = 64 * 1024
TAG = 16
MAX_HEADER = 64 * 1024
RSA_BITS = 3072
_KEY_WRAP_AD = b"vwdesk-backup file key"

DAMAGED = "Dit back-upbestand is beschadigd of geen vwdesk-back-up; kies een ander bestand."
WRONG = ("De wachtwoordzin klopt niet, of het back-upbestand is beschadigd; "
         "probeer het opnieuw.")
NEEDED = "Deze back-up is versleuteld; geef de wachtwoordzin op."


class CryptoError(VwdeskError):
    """An encrypted file that cannot be decrypted (the message says why)."""


class WrongPassphrase(CryptoError):
    """The passphrase does not open the file's key or its first chunk."""

    def __init__(self) -> None:
        super().__init__(WRONG)


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise VwdeskError(f"De wachtwoordzin is te kort; gebruik minstens {MIN_PASSPHRASE} tekens.")


def is_encrypted(head: bytes) -> bool:
    return head.startswith(b'{"format": "' + MAGIC.encode("ascii"))


# --- writing ------------------------------------------------------------------

def encrypt_stream(src: BinaryIO, dst: BinaryIO, *, passphrase: str | None = None,
                   keypair: dict[str, str] | None = None) -> None:
    """Encrypt all of `src` into `dst`, with a passphrase or a key pair."""
    file_key = os.urandom(32)
    header: dict[str, Any] = {"format": MAGIC, "version": VERSION, "chunk": CHUNK}
    if passphrase is not None:
        check_passphrase(passphrase)
        salt = os.urandom(16)
        kek = _scrypt(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        header.update(kdf="scrypt", n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, salt=_b64(salt),
                      key=_b64(_wrap(kek, file_key)))
    elif keypair is not None:
        from cryptography.hazmat.primitives import serialization

        public = serialization.load_pem_public_key(keypair["public"].encode("ascii"))
        header.update(kdf="rsa-oaep", key=_b64(public.encrypt(file_key, _oaep())),
                      private=keypair["private"])
    else:
        raise ValueError("a passphrase or a key pair is needed")
    line = json.dumps(header).encode("ascii") + b"\n"
    dst.write(line)
    _seal_chunks(src, dst, file_key, hashlib.sha256(line).digest())


def _seal_chunks(src: BinaryIO, dst: BinaryIO, key: bytes, ad: bytes) -> None:
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    aead = ChaCha20Poly1305(key)
    counter = 0
    chunk = _read_full(src, CHUNK)
    while True:
        following = _read_full(src, CHUNK) if len(chunk) == CHUNK else b""
        last = not following
        dst.write(aead.encrypt(_nonce(counter, last), chunk, ad))
        if last:
            return
        counter += 1
        chunk = following


def seal(data: bytes, passphrase: str) -> bytes:
    """Small data (a private key) encrypted with a passphrase, in memory."""
    out = io.BytesIO()
    encrypt_stream(io.BytesIO(data), out, passphrase=passphrase)
    return out.getvalue()


def make_keypair(passphrase: str) -> dict[str, str]:
    """The key pair for automatic encrypted backups: the public key encrypts
    them; the private key, sealed with the passphrase, decrypts them."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    check_passphrase(passphrase)
    private = rsa.generate_private_key(public_exponent=65537, key_size=RSA_BITS)
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return {
        "public": private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ).decode("ascii"),
        "private": _b64(seal(pem, passphrase)),
    }


# --- reading ------------------------------------------------------------------

def decrypt_stream(src: BinaryIO, dst: BinaryIO, passphrase: str | None) -> None:
    """Decrypt an encrypted backup from `src` into `dst`. Raises `CryptoError`
    (a wrong passphrase, a damaged or crafted file) before or while writing;
    the caller throws away what was written then."""
    if not passphrase:
        raise CryptoError(NEEDED)
    line = src.readline(MAX_HEADER)
    header = _header(line)
    if header["version"] == 1:
        dst.write(_decrypt_v1(header, src.read(), passphrase))
        return
    file_key = _file_key(header, passphrase)
    _open_chunks(src, dst, file_key, hashlib.sha256(line).digest(), header["chunk"])


def check_opens(src: BinaryIO, passphrase: str | None) -> None:
    """Raise `WrongPassphrase` unless `passphrase` opens the encrypted backup
    `src` (`CryptoError` for a damaged header). Only the file key and the
    first chunk are decrypted, so this takes as long as the key derivation
    whatever the file's size; the rest is checked when the file is read.
    Version 1 files are decrypted as a whole (their one tag covers it all)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    if not passphrase:
        raise CryptoError(NEEDED)
    line = src.readline(MAX_HEADER)
    header = _header(line)
    if header["version"] == 1:
        _decrypt_v1(header, src.read(), passphrase)
        return
    file_key = _file_key(header, passphrase)
    size = header["chunk"]
    chunk = _read_full(src, size + TAG)
    last = len(chunk) < size + TAG or not src.read(1)
    try:
        ChaCha20Poly1305(file_key).decrypt(_nonce(0, last), chunk, hashlib.sha256(line).digest())
    except InvalidTag:
        raise WrongPassphrase from None


def unseal(blob: bytes, passphrase: str) -> bytes:
    out = io.BytesIO()
    decrypt_stream(io.BytesIO(blob), out, passphrase)
    return out.getvalue()


def _open_chunks(src: BinaryIO, dst: BinaryIO, key: bytes, ad: bytes, size: int) -> None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    aead = ChaCha20Poly1305(key)
    counter = 0
    chunk = _read_full(src, size + TAG)
    while True:
        following = _read_full(src, size + TAG) if len(chunk) == size + TAG else b""
        last = not following
        try:
            dst.write(aead.decrypt(_nonce(counter, last), chunk, ad))
        except InvalidTag:
            # The first chunk decides between a wrong key and a damaged file.
            raise (WrongPassphrase() if counter == 0 else CryptoError(DAMAGED)) from None
        if last:
            return
        counter += 1
        chunk = following


def _header(line: bytes) -> dict[str, Any]:
    """The checked header: every field that is used, of the right type and size."""
    try:
        header = json.loads(line)
    except (ValueError, RecursionError):
        raise CryptoError(DAMAGED) from None
    if not (isinstance(header, dict) and header.get("format") == MAGIC
            and header.get("version") in (1, 2) and header.get("kdf") in ("scrypt", "rsa-oaep")):
        raise CryptoError(DAMAGED)
    wrapped_key = header["version"] == 2 or header["kdf"] == "rsa-oaep"
    if wrapped_key and not isinstance(header.get("key"), str):
        raise CryptoError(DAMAGED)
    if header["version"] == 2 and not (_is_int(header.get("chunk"))
                                       and 1024 <= header["chunk"] <= 1 << 20):
        raise CryptoError(DAMAGED)
    if header["kdf"] == "scrypt":
        n, r, p = header.get("n"), header.get("r"), header.get("p")
        if not (_is_int(n) and _is_int(r) and _is_int(p) and isinstance(header.get("salt"), str)
                and 2 <= n <= MAX_SCRYPT_N and n & (n - 1) == 0 and 1 <= r <= MAX_SCRYPT_R
                and 1 <= p <= MAX_SCRYPT_P and 128 * n * r <= MAX_SCRYPT_MEMORY):
            raise CryptoError(DAMAGED)
    elif not isinstance(header.get("private"), str):
        raise CryptoError(DAMAGED)
    return header


def _file_key(header: dict[str, Any], passphrase: str) -> bytes:
    from cryptography.exceptions import InvalidTag

    if header["kdf"] == "rsa-oaep":
        return _rsa_file_key(header, passphrase)
    kek = _scrypt(passphrase, _unb64(header["salt"]), header["n"], header["r"], header["p"])
    try:
        return _unwrap(kek, _unb64(header["key"]))
    except (InvalidTag, ValueError):
        raise WrongPassphrase from None


def _rsa_file_key(header: dict[str, Any], passphrase: str) -> bytes:
    from cryptography.hazmat.primitives import serialization

    private_blob = _unb64(header["private"])
    if not is_encrypted(private_blob[:64]) or b'"rsa-oaep"' in private_blob.split(b"\n", 1)[0]:
        raise CryptoError(DAMAGED)  # the private key is sealed with the passphrase itself
    pem = unseal(private_blob, passphrase)
    try:
        private = serialization.load_pem_private_key(pem, None)
        return private.decrypt(_unb64(header["key"]), _oaep())
    except (ValueError, TypeError):
        raise CryptoError(DAMAGED) from None


def _decrypt_v1(header: dict[str, Any], token: bytes, passphrase: str) -> bytes:
    from cryptography.fernet import Fernet, InvalidToken

    if header["kdf"] == "rsa-oaep":
        key = _rsa_file_key(header, passphrase)
    else:
        key = base64.urlsafe_b64encode(_scrypt(passphrase, _unb64(header["salt"]), header["n"],
                                               header["r"], header["p"]))
    try:
        return Fernet(key).decrypt(token)
    except (InvalidToken, ValueError):
        raise WrongPassphrase from None


# --- pieces -------------------------------------------------------------------

def _scrypt(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    if not 8 <= len(salt) <= 64:
        raise CryptoError(DAMAGED)
    try:
        return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))
    except (ValueError, MemoryError):
        raise CryptoError(DAMAGED) from None


def _wrap(kek: bytes, file_key: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    nonce = os.urandom(12)
    return nonce + ChaCha20Poly1305(kek).encrypt(nonce, file_key, _KEY_WRAP_AD)


def _unwrap(kek: bytes, wrapped: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    key = ChaCha20Poly1305(kek).decrypt(wrapped[:12], wrapped[12:], _KEY_WRAP_AD)
    if len(key) != 32:
        raise ValueError("file key")
    return key


def _oaep():
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    return padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()),
                        algorithm=hashes.SHA256(), label=None)


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _read_full(f: BinaryIO, n: int) -> bytes:
    """`n` bytes, or fewer only at the end of the file."""
    data = f.read(n)
    while data and len(data) < n:
        more = f.read(n - len(data))
        if not more:
            break
        data += more
    return data


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError, TypeError):
        raise CryptoError(DAMAGED) from None
