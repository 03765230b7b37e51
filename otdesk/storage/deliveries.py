"""Delivered summaries: exactly what the requester was given, kept in the vault.

Each print or save of a summary is a *delivery*: the PDF bytes and their
SHA-256, who, when, in which language and how.  Deliveries are never changed
(a trigger refuses it) and can be reopened later exactly as they were given.
The first delivery seals the consultation (see ``Repository.update``); a
delivery after later changes (addenda) gets the next version number, and a
reprint of unchanged content keeps its version.  No Qt.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from sqlcipher3 import dbapi2 as sqlcipher

from otdesk.errors import UserError
from otdesk.storage.errors import storage_error
from otdesk.storage.repository import Repository

METHODS = ("print", "pdf")


@dataclass(frozen=True)
class Delivery:
    """One delivered summary, without its bytes (see :meth:`Deliveries.pdf`)."""

    id: int
    consultation_id: int
    version: int
    delivered_at: dt.datetime
    actor: str
    lang: str
    method: str
    sha256: str
    size: int


class Deliveries:
    def __init__(self, repository: Repository) -> None:
        self.repository = repository
        self.conn = repository.conn

    def record(self, consultation_id: int, pdf: bytes, *, lang: str, method: str) -> Delivery:
        """Store a summary as delivered; moves a held consultation to "summary delivered"."""
        if method not in METHODS:
            raise ValueError(method)
        consultation = self.repository.get(consultation_id)
        now = dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="milliseconds")
        digest = hashlib.sha256(pdf).hexdigest()
        with self.repository.transaction():
            version = self._version(consultation)
            cur = self.conn.execute(
                "INSERT INTO deliveries (consultation_id, version, addenda, delivered_at, actor,"
                " lang, method, sha256, pdf) VALUES (?,?,?,?,?,?,?,?,?)",
                (consultation_id, version, len(consultation.addenda), now,
                 self.repository.actor, lang, method, digest, pdf))
            delivery_id = cur.lastrowid
            self.repository._append_audit(f"summary.{'printed' if method == 'print' else 'saved'}",
                                           f"consultation:{consultation_id}",
                                           f"version {version} sha256 {digest[:16]}")
        if consultation.status == "held":
            self.repository.change_status(consultation_id, "summary_delivered")
        return self.get(delivery_id)

    def next_version(self, consultation_id: int) -> int:
        """The version number the next delivery of this consultation will get."""
        return self._version(self.repository.get(consultation_id))

    def _version(self, consultation) -> int:
        """1 for the first delivery; the same again for a reprint; the next one once
        addenda were written after the last delivery (the rest is sealed)."""
        last = self.conn.execute(
            "SELECT version, addenda FROM deliveries WHERE consultation_id=?"
            " ORDER BY version DESC, id DESC LIMIT 1", (consultation.id,)).fetchone()
        if last is None:
            return 1
        return last[0] + 1 if len(consultation.addenda) > last[1] else last[0]

    def get(self, delivery_id: int) -> Delivery:
        rows = self._rows("WHERE id=?", (delivery_id,))
        if not rows:
            raise UserError("error.not_found")
        return rows[0]

    def of(self, consultation_id: int) -> list[Delivery]:
        """Every delivery of a consultation, oldest first."""
        return self._rows("WHERE consultation_id=? ORDER BY id", (consultation_id,))

    def pdf(self, delivery_id: int) -> bytes:
        """The delivered PDF exactly as it was given (checked against its SHA-256)."""
        try:
            row = self.conn.execute("SELECT pdf, sha256, consultation_id FROM deliveries"
                                    " WHERE id=?", (delivery_id,)).fetchone()
        except sqlcipher.Error as exc:
            raise storage_error(exc) from exc
        if row is None:
            raise UserError("error.not_found")
        pdf = bytes(row[0])
        if hashlib.sha256(pdf).hexdigest() != row[1]:
            raise UserError("error.db_damaged")
        self.repository.audit("summary.reopened", f"consultation:{row[2]}",
                              f"delivery {delivery_id}")
        return pdf

    def _rows(self, where: str, params: tuple) -> list[Delivery]:
        try:
            rows = self.conn.execute(
                "SELECT id, consultation_id, version, delivered_at, actor, lang, method, sha256,"
                f" length(pdf) FROM deliveries {where}", params).fetchall()
        except sqlcipher.Error as exc:
            raise storage_error(exc) from exc
        return [Delivery(r[0], r[1], r[2], dt.datetime.fromisoformat(r[3]), r[4], r[5], r[6],
                         r[7], r[8]) for r in rows]
