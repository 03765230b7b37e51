"""Delivering the summary: one operation, one truth.

The summary that reaches the requester is rendered from the *stored* record
(the desktop app runs this on its storage worker, after every pending edit is
on disk), handed out exactly as rendered (to the printer or a file), and only
when that succeeded recorded in the vault as a delivery — bytes, SHA-256,
version, language, method, who and when — in the same transaction that seals
the record and moves its status.  A reprint of an earlier version hands out
and records that version's stored bytes.  No Qt.

``store`` below is anything with ``.repository`` and ``.deliveries`` (an open
:class:`~otdesk.storage.vault.Vault`, or the storage worker's own).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from otdesk.core.domain import status_after_delivery
from otdesk.core.errors import UserError
from otdesk.core.profile import ConsultantProfile
from otdesk.core.summary_org import SummaryOrg

# otdesk.summary (reportlab, ~25 MiB) is imported by the first render, not at start-up


@dataclass(frozen=True)
class SummaryContext:
    """What a summary needs besides the record: who issues it, who can be reached,
    and the date it is prepared on."""

    org: SummaryOrg | None = None
    consultant: ConsultantProfile | None = None
    today: dt.date | None = None


@dataclass(frozen=True)
class Prepared:
    """A summary ready to hand out: the exact bytes and what they are."""

    consultation_id: int
    reference: str
    version: int
    lang: str
    pdf: bytes
    reprint: bool = False  # the stored bytes of an earlier delivery
    draft: bool = False

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()

    def file_name(self) -> str:
        """``OT-2026-0042-yhteenveto-v2.pdf`` (the word in the summary's language)."""
        from otdesk.summary import wording

        word = wording("draft" if self.draft else "file_name", self.lang).lower()
        return f"{self.reference or 'OT'}-{word}-v{self.version}.pdf"


@dataclass(frozen=True)
class SummaryView:
    """What the Summary page shows: the current render and the record's delivery state."""

    prepared: Prepared
    sealed: bool
    deliveries: list = field(default_factory=list)
    blockers: list = field(default_factory=list)


def prepare(store, consultation_id: int, lang: str, context: SummaryContext, *,
            draft: bool = False) -> Prepared:
    """Render the stored record's summary; refuse (UserError) what must not leave.

    A draft may always be made; a delivery needs a held (or delivered) consultation,
    a complete consent record when it is identified, and no personal identity code
    when it is anonymous.
    """
    c = store.repository.get(consultation_id)
    if not draft:
        for problem in blockers(c):
            raise problem
    return _render(store, c, lang, context, draft=draft)


def view(store, consultation_id: int, lang: str, context: SummaryContext) -> SummaryView:
    """The preview of the current version, with what stands in the way of delivering it
    (it is shown all the same, so the consultant sees what is refused and why)."""
    c = store.repository.get(consultation_id)
    return SummaryView(_render(store, c, lang, context), store.repository.is_sealed(c.id),
                       store.deliveries.of(c.id), blockers(c))


def blockers(c) -> list[UserError]:
    """Why the summary of ``c`` may not be delivered now (empty: it may)."""
    found = list(c.delivery_blockers())
    try:
        status_after_delivery(c.status)
    except UserError as exc:
        found.append(exc)
    return found


def _render(store, c, lang: str, context: SummaryContext, *, draft: bool = False) -> Prepared:
    from otdesk.summary import render_summary

    version = store.deliveries.next_version(c.id)
    pdf = render_summary(c, lang, org=context.org, version=version, addenda=c.addenda,
                         generated=context.today, consultant=context.consultant, draft=draft)
    return Prepared(c.id, c.reference, version, lang, pdf, draft=draft)


def stored(store, delivery_id: int) -> Prepared:
    """An earlier delivery exactly as it was given (for a reprint or a copy)."""
    d = store.deliveries.get(delivery_id)
    pdf = store.deliveries.pdf(delivery_id)
    reference = store.repository.row(d.consultation_id).reference
    return Prepared(d.consultation_id, reference, d.version, d.lang, pdf, reprint=True)


def record(store, prepared: Prepared, *, method: str, via: str = "app"):
    """Record ``prepared`` as delivered (and seal); it must still be the current version
    of the record, or a reprint of a delivered one."""
    if prepared.draft:
        raise ValueError("a draft is never a delivery")
    if not prepared.reprint and \
            store.deliveries.next_version(prepared.consultation_id) != prepared.version:
        raise UserError("error.delivery_changed")
    return store.deliveries.record(
        prepared.consultation_id, prepared.pdf, lang=prepared.lang, method=method, via=via,
        version=prepared.version if prepared.reprint else None)


def save_pdf(store, prepared: Prepared, path: str | os.PathLike, *,
             protected: Iterable[Path], force: bool = False, via: str = "app"):
    """Write ``prepared`` to ``path`` and record the delivery (see :func:`_write_then_name`:
    nothing is recorded when the file cannot be written; when the delivery cannot be
    recorded, no new file is left and an older one stays, so what went out and what the
    vault says went out never differ)."""
    def record_it():
        try:
            return record(store, prepared, method="pdf", via=via)
        except UserError as exc:
            if exc.key == "error.delivery_changed":
                raise
            raise UserError("error.delivery_not_recorded", reason=exc) from exc

    return _write_then_name(check_target(path, protected, force=force), prepared.pdf,
                            record_it)


def write_draft(store, prepared: Prepared, path: str | os.PathLike, *,
                protected: Iterable[Path], force: bool = False) -> Path:
    """Write a draft (or a copy of a delivered version): audited as an export, never a
    delivery."""
    target = check_target(path, protected, force=force)
    _write_then_name(target, prepared.pdf, lambda: store.repository.audit(
        "summary.exported", f"consultation:{prepared.consultation_id}",
        f"{'draft' if prepared.draft else 'copy'} v{prepared.version}"
        f" {prepared.lang} sha256 {prepared.sha256[:16]}"))
    return target


def _write_then_name(target: Path, data: bytes, then):
    """Write ``data`` beside ``target`` and onto the disk (fsync), call ``then()`` (the
    record of it), and only then give the file its name; a file it replaces is kept
    until that moment.  When anything fails, no new file is left behind.  Returns what
    ``then()`` returned."""
    part = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        result = then()
        os.replace(part, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        raise UserError("error.save_failed", path=str(target)) from exc
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    with contextlib.suppress(OSError):  # a share that cannot sync its folder keeps the file
        from otdesk.files import fsync_dir

        fsync_dir(target.parent)
    return result


def check_target(path: str | os.PathLike, protected: Iterable[Path], *,
                 force: bool = False) -> Path:
    """The file a summary may be written to, or a UserError saying why not.

    Refused: no name at all, a folder, any place inside a protected folder (the data
    folder, backup folders) once links are resolved, and an existing file unless
    ``force`` (a save dialog has asked already).
    """
    if not isinstance(path, (str, os.PathLike)) or not str(path).strip():
        raise UserError("error.out_not_pdf_name", path=repr(path)[:80])
    given = Path(path).expanduser()
    try:
        resolved = given.resolve()
    except (OSError, RuntimeError) as exc:  # a loop of links
        raise UserError("error.save_failed", path=str(given)) from exc
    if resolved.is_dir() or not resolved.name:
        raise UserError("error.out_not_pdf_name", path=str(given))
    for folder in protected:
        try:
            root = Path(folder).expanduser().resolve()
        except (OSError, RuntimeError):
            continue
        if resolved == root or root in resolved.parents:
            raise UserError("error.out_in_data_dir", path=str(given))
    if resolved.exists() and not force:
        raise UserError("error.out_exists", path=str(given))
    return resolved


def protected_folders(data_dir: Path) -> list[Path]:
    """Where no summary is ever written: the vault's own folder (and, once they
    exist, its backup folders)."""
    return [Path(data_dir)]
