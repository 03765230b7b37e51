"""The ways back from a database that cannot be read, as the desktop app's damaged
dialog offers them: restore the newest good backup, salvage what can be read, or set
aside a WAL that does not belong.  Each sets the current files aside (renamed into
``<data dir>/set-aside/<stamp>/``, never deleted) and leaves a vault that opens; each
returns what to tell the consultant (references only, never content).

The command line offers the same through ``otdesk backup restore`` and
``otdesk salvage --out DIR`` (which leaves the damaged vault where it is)."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from otdesk.core import dates
from otdesk.core.errors import message
from otdesk.files import fsync_dir
from otdesk.storage import backups, salvage, vault
from otdesk.storage.errors import storage_error

log = logging.getLogger(__name__)

CHOICES = ("restore", "salvage", "set_wal_aside")


def repair(data_dir: Path, choice: str, *, passphrase: str | None = None,
           backup_id: str | None = None, lang: str = "fi", backend=None) -> str:
    """Do ``choice`` (see CHOICES) for the vault in ``data_dir``, which no one has open;
    the data key from the passphrase or the keyring (the database need not open)."""
    paths = vault.VaultPaths(Path(data_dir))
    info = backups.find_backup(paths, backup_id, good=True) if choice == "restore" else None
    slots = backups.key_slots_for(paths, info)
    data_key = vault.unlock_key(slots, passphrase=passphrase, backend=backend)
    if choice == "restore":
        aside = backups.restore_backup(paths, info.id, data_key)
        return message("repair.restored", lang, day=dates.day_text(info.created),
                       time=dates.clock_text(info.created, lang), folder=str(aside))
    if choice == "set_wal_aside":
        aside = _set_aside(paths, [paths.wal, _shm(paths)])
        return message("repair.wal_set_aside", lang, folder=str(aside))
    if choice == "salvage":
        return _salvage_in_place(paths, data_key, lang)
    raise ValueError(choice)


def _shm(paths: vault.VaultPaths) -> Path:
    return paths.data_dir / (vault.DB_NAME + "-shm")


def _set_aside(paths: vault.VaultPaths, files: list[Path]) -> Path:
    """Rename ``files`` (those that exist) into a new set-aside folder, under the lock."""
    lock = vault.acquire_lock(paths)
    try:
        return _move_aside(paths, files)
    finally:
        lock.release()


def _move_aside(paths: vault.VaultPaths, files: list[Path]) -> Path:
    """Rename ``files`` (those that exist) into a new set-aside folder (the caller holds
    the vault's lock); durable when it returns."""
    aside = backups.new_aside_folder(paths)
    try:
        for path in files:
            if os.path.lexists(path):
                os.rename(path, aside / path.name)
        fsync_dir(aside)
        fsync_dir(paths.data_dir)
    except OSError as exc:
        raise storage_error(exc) from exc
    return aside


def _salvage_in_place(paths: vault.VaultPaths, data_key: bytes, lang: str) -> str:
    """Salvage into a new vault beside the data folder, then put its database where the
    damaged one was (that one set aside).  The key slots are the same file."""
    stamp = dates.now().strftime("%Y%m%d-%H%M%S")
    out = paths.data_dir.parent / f".{paths.data_dir.name}-salvage-{stamp}"
    report = salvage.salvage(paths, data_key, out)
    try:
        lock = vault.acquire_lock(paths)
        try:
            aside = _move_aside(paths, [paths.db, paths.wal, _shm(paths)])
            shutil.move(str(out / vault.DB_NAME), str(paths.db))
            fsync_dir(paths.data_dir)
        finally:
            lock.release()
    except OSError as exc:
        raise storage_error(exc) from exc
    finally:
        shutil.rmtree(out, ignore_errors=True)  # (its key slots are a copy of ours)
    log.info("salvaged in place: %d of %d consultations", report.consultations.copied,
             report.consultations.total)
    lost = ", ".join(report.lost_references[:20]) if report.lost_references else ""
    text = message("repair.salvaged", lang, copied=report.consultations.copied,
                   total=report.consultations.total, folder=str(aside))
    if lost:
        text += "\n\n" + message("repair.salvage_lost", lang, references=lost)
    return text

