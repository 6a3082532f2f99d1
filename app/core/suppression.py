"""The suppression list: salted hashes of erased people's emails and phones.

After `unico forget`, nothing about the person is kept but ``HMAC-SHA256(workspace salt,
"email:<match key>")`` / ``"phone:<E.164>"``; an import skips any row whose email key or phone hashes
to a listed value, so a later export of the same shop does not bring the person back. The salt is
the workspace's own (``meta.salt``): hashes cannot be compared across workspaces or reversed with a
dictionary of common addresses without it.
"""
from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable

from app.core.normalize import clean_email, email_key, to_e164
from app.core.workspace import Workspace, utcnow

KINDS = ("email", "phone")


def _salt(ws: Workspace) -> bytes:
    salt = ws.get_meta("salt")
    if not salt:  # every workspace gets one at creation; refuse rather than hash unsalted
        raise RuntimeError(f"{ws.path}: workspace has no salt")
    return salt.encode("ascii")


def normalized_identifier(kind: str, value: str, region: str = "IT") -> str | None:
    """The form that is hashed: the email match key, or the E.164 phone; None when unusable."""
    if kind == "email":
        cleaned = clean_email(value)
        return email_key(cleaned) if cleaned else None
    if kind == "phone":
        return value if value.startswith("+") and value[1:].isdigit() else to_e164(value, region)
    raise ValueError(f"unknown identifier kind {kind!r}; use one of {KINDS}")


def _digest(salt: bytes, kind: str, normalized: str) -> str:
    return hmac.new(salt, f"{kind}:{normalized}".encode("utf-8"), hashlib.sha256).hexdigest()


def identifier_hash(ws: Workspace, kind: str, value: str, region: str = "IT") -> str:
    """HMAC-SHA256 of the normalised identifier with the workspace salt (hex)."""
    normalized = normalized_identifier(kind, value, region)
    if normalized is None:
        raise ValueError(f"{value!r} is not a usable {kind}")
    return _digest(_salt(ws), kind, normalized)


def add_suppression(ws: Workspace, kind: str, value: str, reason: str | None = None, region: str = "IT") -> str:
    """List an email or phone as suppressed (idempotent); returns its hash."""
    digest = identifier_hash(ws, kind, value, region)
    with ws.atomic():
        ws.execute("INSERT OR IGNORE INTO suppression(hash, kind, created_at, reason) VALUES (?, ?, ?, ?)",
                   (digest, kind, utcnow(), reason))
    return digest


def suppressed_hashes(ws: Workspace) -> set[str]:
    return {r[0] for r in ws.query("SELECT hash FROM suppression")}


class SuppressionCheck:
    """Batch-friendly test used by the importer: the salt and the listed hashes are read once."""

    def __init__(self, ws: Workspace):
        self.hashes = suppressed_hashes(ws)
        self._salt = _salt(ws) if self.hashes else b""

    def __bool__(self) -> bool:
        return bool(self.hashes)

    def hit(self, email_key_value: str | None = None, phones: Iterable[str | None] = ()) -> bool:
        if not self.hashes:
            return False
        if email_key_value and _digest(self._salt, "email", email_key_value) in self.hashes:
            return True
        return any(p and _digest(self._salt, "phone", p) in self.hashes for p in phones)


def is_suppressed(ws: Workspace, email_key: str | None = None, phone: str | None = None) -> bool:
    """Is this email match key or E.164 phone on the suppression list?"""
    return SuppressionCheck(ws).hit(email_key, (phone,))
