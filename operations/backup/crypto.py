"""Archives encrypted at rest: AES-256-GCM over a stream, in chunks.

The key is ``BACKUP_KEY`` from the environment (32 random bytes, URL-safe
base64, the same shape as a Fernet key) and never stored beside the archive.
Each archive draws a random salt; HKDF turns key and salt into the archive's own
AES key and a short key check, so a wrong key is told apart from a damaged file.
Each chunk's nonce is its number plus a "last chunk" flag, and the header is
authenticated with every chunk: chunks cannot be reordered, dropped or the
archive cut short without the restore noticing.
"""

import base64
import binascii
import hmac
import io
import os
import secrets
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"CFBACKUP1\n"
SALT_SIZE = 16
CHECK_SIZE = 16
HEADER_SIZE = len(MAGIC) + SALT_SIZE + CHECK_SIZE
CHUNK_SIZE = 1024 * 1024
LENGTH = struct.Struct(">I")
TAG_SIZE = 16


class BackupKeyError(Exception):
    """The key is missing, malformed or does not open the archive."""


class DamagedArchive(Exception):
    """The archive was changed, cut short or is not a backup."""


def new_key() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def key_from_environment() -> bytes:
    text = os.environ.get("BACKUP_KEY", "").strip()
    if not text:
        raise BackupKeyError(
            "BACKUP_KEY is not set: backups are encrypted and nothing runs without "
            "the key (generate one with: manage.py backup --new-key)."
        )
    try:
        key = base64.urlsafe_b64decode(text.encode())
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != 32:
        raise BackupKeyError(
            "BACKUP_KEY must be 32 bytes in URL-safe base64 (44 characters), as "
            "printed by manage.py backup --new-key."
        )
    return key


def _derive(key: bytes, salt: bytes) -> tuple[bytes, bytes]:
    material = HKDF(
        algorithm=hashes.SHA256(),
        length=32 + CHECK_SIZE,
        salt=salt,
        info=b"cancerfax backup archive v1",
    ).derive(key)
    return material[:32], material[32:]


def _nonce(number: int, last: bool) -> bytes:
    return number.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


class EncryptingWriter(io.RawIOBase):
    """A write-only file: what is written reaches ``target`` encrypted."""

    def __init__(self, target, key: bytes):
        self.target = target
        salt = secrets.token_bytes(SALT_SIZE)
        aes_key, check = _derive(key, salt)
        self.header = MAGIC + salt + check
        self.aead = AESGCM(aes_key)
        self.buffer = bytearray()
        self.number = 0
        target.write(self.header)

    def writable(self):
        return True

    def write(self, data):
        self.buffer += data
        while len(self.buffer) > CHUNK_SIZE:
            self._emit(bytes(self.buffer[:CHUNK_SIZE]), last=False)
            del self.buffer[:CHUNK_SIZE]
        return len(data)

    def _emit(self, plain, *, last):
        sealed = self.aead.encrypt(_nonce(self.number, last), plain, self.header)
        self.target.write(LENGTH.pack(len(sealed)) + sealed)
        self.number += 1

    def close(self):
        if not self.closed:
            # The last chunk is always written (perhaps empty): its flag is what
            # proves the archive was not cut short.
            self._emit(bytes(self.buffer), last=True)
            self.buffer.clear()
            self.target.flush()
        super().close()


class DecryptingReader(io.RawIOBase):
    """A read-only file giving back the plain stream of an archive."""

    def __init__(self, source, key: bytes):
        self.source = source
        header = source.read(HEADER_SIZE)
        if len(header) != HEADER_SIZE or not header.startswith(MAGIC):
            raise DamagedArchive("This file is not a CancerFax backup archive.")
        salt = header[len(MAGIC) : len(MAGIC) + SALT_SIZE]
        aes_key, check = _derive(key, salt)
        if not hmac.compare_digest(check, header[-CHECK_SIZE:]):
            raise BackupKeyError(
                "BACKUP_KEY does not open this archive: it was made with another key."
            )
        self.header = header
        self.aead = AESGCM(aes_key)
        self.number = 0
        self.pending = memoryview(b"")
        self.finished = False
        self.next_sealed = self._read_sealed()

    def readable(self):
        return True

    def _read_sealed(self):
        prefix = self.source.read(LENGTH.size)
        if not prefix:
            return None
        if len(prefix) != LENGTH.size:
            raise DamagedArchive("The archive is cut short.")
        (size,) = LENGTH.unpack(prefix)
        if size > CHUNK_SIZE + TAG_SIZE:
            raise DamagedArchive("The archive is damaged (impossible chunk size).")
        sealed = self.source.read(size)
        if len(sealed) != size:
            raise DamagedArchive("The archive is cut short.")
        return sealed

    def _next_chunk(self):
        sealed = self.next_sealed
        if sealed is None:
            raise DamagedArchive("The archive is cut short (no final chunk).")
        self.next_sealed = self._read_sealed()
        last = self.next_sealed is None
        try:
            plain = self.aead.decrypt(_nonce(self.number, last), sealed, self.header)
        except InvalidTag:
            raise DamagedArchive(
                f"The archive is damaged or cut short (chunk {self.number})."
            ) from None
        self.number += 1
        self.finished = last
        return plain

    def readinto(self, target):
        while not len(self.pending) and not self.finished:
            self.pending = memoryview(self._next_chunk())
        size = min(len(target), len(self.pending))
        target[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size
