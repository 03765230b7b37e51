"""What a policy file may say: every setting's key, kind and default, and which user
setting a value set there locks (see :mod:`otdesk.config.policy`)."""

from __future__ import annotations

from typing import Any, NamedTuple

from otdesk.core.dates import DEFAULT_ZONE

#: retention may be at most this many months (100 years)
MAX_RETENTION_MONTHS = 1200
#: auto-lock at most after a day; 0 = never
MAX_AUTO_LOCK_MINUTES = 1440
#: what may leave the vault (each allowed unless the policy says otherwise)
EXPORTS = ("print", "pdf", "cli_summary")


class Declared(NamedTuple):
    """One key a policy may set: its default, its kind (how the loader checks it) and
    the field of the user's settings it locks, if any."""

    default: Any
    kind: str  # str, text, lang, zone, bool, days, minutes, retention, file, pem, dir
    locks: str | None = None


#: every key of a policy, dotted ("organisation.name"), in the order ``otdesk doctor`` shows
SCHEMA: dict[str, Declared] = {
    "organisation.name": Declared("", "str"),
    "organisation.logo": Declared(None, "file"),
    "organisation.confidentiality": Declared(None, "text"),
    "organisation.legal_basis": Declared(None, "text"),
    "organisation.contact": Declared("", "str"),
    "default_language": Declared(None, "lang", locks="language"),
    "time_zone": Declared(DEFAULT_ZONE, "zone"),
    "auto_lock_minutes": Declared(0, "minutes"),
    "escrow_public_key": Declared(None, "pem"),
    "expert_directory": Declared(None, "file"),
    "backup_dir": Declared(None, "dir"),
    "retention": Declared({"default": None}, "retention"),
    "spell_check": Declared(True, "bool", locks="spell_check"),
    "deadlines.intake_working_days": Declared(2, "days", locks="intake_working_days"),
    "deadlines.preparation_working_days": Declared(10, "days",
                                                   locks="preparation_working_days"),
    **{f"exports.{export}": Declared(True, "bool") for export in EXPORTS},
}
#: the tables a policy file has ([organisation], …); every other key is top-level
TABLES = ("organisation", "deadlines", "exports")


class Setting(NamedTuple):
    """One value of the policy and where it came from."""

    value: Any
    source: str = "default"  # "default" or "<file>:<line>"

    @property
    def locked(self) -> bool:
        return self.source != "default"
