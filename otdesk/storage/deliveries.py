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
from typing import NamedTuple

from sqlcipher3 import dbapi2 as sqlcipher

from otdesk.core import dates
from otdesk.core.domain import check_transition, status_after_delivery
from otdesk.core.errors import UserError
from otdesk.storage.errors import storage_error
from otdesk.storage.repository import Repository

METHODS = ("print", "pdf")
#: where a delivery was made: the desktop app or the command line
VIAS = ("app", "cli")


class Delivery(NamedTuple):
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
    via: str = "app"

    def to_dict(self) -> dict:
        return {"id": self.id, "consultation_id": self.consultation_id,
                "version": self.version, "delivered_at": self.delivered_at.isoformat(),
                "actor": self.actor, "lang": self.lang, "method": self.method, "via": self.via,
                "sha256": self.sha256, "size": self.size}


class Deliveries:
    def __init__(self, repository: Repository) -> None:
        self.repository = repository
        self.conn = repository.conn

    def record(self, consultation_id: int, pdf: bytes, *, lang: str, method: str,
               via: str = "app", version: int | None = None) -> Delivery:
        """Store ``pdf`` as delivered, in one transaction with its audit row, the seal
        and the status: a held consultation becomes "summary delivered".

        ``version`` None: the current version (a new one once addenda were written
        after the last delivery).  ``version`` N: a reprint of delivered version N,
        whose stored bytes ``pdf`` must be.
        """
        if method not in METHODS or via not in VIAS:
            raise ValueError(method)
        digest = hashlib.sha256(pdf).hexdigest()
        with self.repository.transaction():
            consultation = self.repository.get(consultation_id)
            # a request not yet held is refused; a held one becomes "summary delivered"
            new_status = status_after_delivery(consultation.status)
            if version is None:
                version, addenda = self._version(consultation), len(consultation.addenda)
            else:
                earlier = self.conn.execute(
                    "SELECT addenda FROM deliveries WHERE consultation_id=? AND version=?"
                    " AND sha256=? ORDER BY id LIMIT 1",
                    (consultation_id, version, digest)).fetchone()
                if earlier is None:  # not the bytes of a delivery of that version
                    raise UserError("error.delivery_not_found", version=version)
                addenda = earlier[0]
            cur = self.conn.execute(
                "INSERT INTO deliveries (consultation_id, version, addenda, delivered_at, actor,"
                " lang, method, sha256, pdf, via) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (consultation_id, version, addenda, dates.now_stamp(), self.repository.actor, lang,
                 method, digest, pdf, via))
            delivery_id = cur.lastrowid
            self.repository.changes.table("deliveries")
            self.repository.changes.consultation(consultation_id)
            self.repository._append_audit(
                f"summary.{'printed' if method == 'print' else 'saved'}",
                f"consultation:{consultation_id}",
                f"version {version} {lang} via {via} sha256 {digest[:16]}")
            if new_status != consultation.status:
                check_transition(consultation.status, new_status, by_delivery=True)
                consultation.status = new_status
                self.repository.write(consultation, audit=False)
        return self.get(delivery_id)

    def first_of_version(self, consultation_id: int, version: int) -> Delivery:
        """The first delivery of ``version`` (its bytes: :meth:`pdf`)."""
        rows = self._rows("WHERE consultation_id=? AND version=? ORDER BY id LIMIT 1",
                          (consultation_id, version))
        if not rows:
            raise UserError("error.delivery_not_found", version=version)
        return rows[0]

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
                f" length(pdf), via FROM deliveries {where}", params).fetchall()
        except sqlcipher.Error as exc:
            raise storage_error(exc) from exc
        return [Delivery(r[0], r[1], r[2], dt.datetime.fromisoformat(r[3]), r[4], r[5], r[6],
                         r[7], r[8], r[9]) for r in rows]
