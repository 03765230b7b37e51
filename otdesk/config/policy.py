"""The organisation's policy: one TOML file IT deploys, which wins over user settings.

Where: ``platformdirs.site_config_path("otdesk", "OT Desk") / "policy.toml"``
(``/etc/xdg/otdesk/policy.toml`` on Linux, ``C:\\ProgramData\\OT Desk\\otdesk\\policy.toml``
on Windows, ``/Library/Application Support/otdesk/policy.toml`` on macOS), or the file
named by ``$OTDESK_POLICY_FILE`` (tests and IT trials).  No file → every value is its
default and nothing is locked.  ``packaging/policy.example.toml`` documents each key.

A policy that is there but wrong (not TOML, an unknown key, a wrong type, a number
out of range, a file it names missing, an escrow key that is no RSA key of at least
3072 bits, a time zone the time-zone database does not know) raises
:class:`PolicyError`, which names the file and the line: the app and every command
refuse to start rather than run without the organisation's rules (``otdesk doctor``
shows it as a FAIL instead).

Each value remembers where it came from (``file:line`` or ``default``), for
``otdesk doctor`` and for the settings dialog, which shows values set here as locked.

Here: :class:`Policy`, the value, with what other modules take from it (deadline
rules, the summary's organisation block, the escrow key, …), and :func:`load_policy`.
Which keys there are: :mod:`otdesk.config.policy_schema`; reading and checking the
file: :mod:`otdesk.config.policy_loader`.

Retention months are loaded and checked only: deleting old consultations is future
work.  No Qt here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from otdesk.config.policy_schema import SCHEMA, Setting
from otdesk.core.errors import UserError, message
from otdesk.core.texts import LANGUAGES, pick

POLICY_ENV = "OTDESK_POLICY_FILE"
POLICY_NAME = "policy.toml"

#: the confidentiality marking when the policy sets none (but a legal basis)
DEFAULT_MARKING = {"fi": "SALASSA PIDETTÄVÄ", "sv": "SEKRETESSBELAGD", "en": "CONFIDENTIAL"}


def default_policy_path() -> Path:
    """$OTDESK_POLICY_FILE, else the platform's site config folder."""
    env = os.environ.get(POLICY_ENV)
    if env:
        return Path(env).expanduser().absolute()
    return platformdirs.site_config_path("otdesk", "OT Desk") / POLICY_NAME


class PolicyError(UserError):
    """The policy file is there but wrong; names the file and the line."""

    def __init__(self, path: Path | str, line: int, detail: str, **params: object) -> None:
        super().__init__("error.policy_invalid", path=str(path), line=line, detail=detail)
        self.detail_key = detail
        self.detail_params = params

    def message(self, lang: str = "fi") -> str:
        detail = message(f"policy.{self.detail_key}", lang, **self.detail_params)
        return message(self.key, lang, path=self.params["path"], line=self.params["line"],
                       detail=detail)


@dataclass
class Policy:
    """The effective policy: every value with its source, and what was read for it."""

    path: Path | None = None
    loaded: bool = False  # a policy file was found and read
    settings: dict[str, Setting] = field(default_factory=dict)
    logo_bytes: bytes | None = None
    escrow_pem: bytes | None = None
    expert_defaults: tuple | None = None  # of core.expert_defaults.DefaultExpert

    def __post_init__(self) -> None:
        for name, declared in SCHEMA.items():
            self.settings.setdefault(name, Setting(declared.default))

    # -- reading values --------------------------------------------------------------------

    def get(self, name: str) -> Any:
        return self.settings[name].value

    def source(self, name: str) -> str:
        return self.settings[name].source

    def locked(self, name: str) -> bool:
        return self.settings[name].locked

    def allows(self, export: str) -> bool:
        """Whether ``export`` (print, pdf, cli_summary) may leave the vault."""
        return bool(self.get(f"exports.{export}"))

    @property
    def default_language(self) -> str | None:
        return self.get("default_language")

    @property
    def time_zone(self) -> str:
        """The organisation's time zone (an IANA name): "now" and "today" are taken there."""
        return self.get("time_zone")

    @property
    def auto_lock_minutes(self) -> int:
        return int(self.get("auto_lock_minutes"))

    @property
    def backup_dir(self) -> Path | None:
        """The folder every verified backup is also copied to (a network home, a
        removable drive), ``~`` and environment variables expanded now; None: not set."""
        value = self.get("backup_dir")
        if not value:
            return None
        return Path(os.path.expanduser(os.path.expandvars(value)))

    def retention_months(self, category: str | None = None) -> int | None:
        """Months a consultation of ``category`` is kept (None = no rule).  Not enforced
        yet: deletion after the retention time is future work."""
        table = self.get("retention")
        if category and category in table:
            return table[category]
        return table.get("default")

    # -- applying it -----------------------------------------------------------------------

    def apply_to(self, user):
        """``user`` (settings.UserSettings) with every value the policy locks replaced."""
        from dataclasses import replace

        return replace(user, **{SCHEMA[name].locks: self.get(name)
                                for name in self._locking()})

    def locked_user_keys(self) -> set[str]:
        """Which UserSettings fields the policy locks (the settings dialog disables them)."""
        return {SCHEMA[name].locks for name in self._locking()}

    def _locking(self) -> list[str]:
        """The keys set here that lock a user setting."""
        return [name for name, declared in SCHEMA.items()
                if declared.locks and self.locked(name)]

    def deadline_rules(self, user=None):
        """The DeadlineRules: the policy's numbers where set, else the user's, else defaults."""
        from otdesk.core.deadlines import DeadlineRules

        if user is not None:
            user = self.apply_to(user)
            return DeadlineRules(user.intake_working_days, user.preparation_working_days)
        return DeadlineRules.from_mapping(
            {k: self.get(f"deadlines.{k}")
             for k in ("intake_working_days", "preparation_working_days")})

    def marking(self) -> str | dict[str, str] | None:
        """The confidentiality marking for SummaryOrg: marking and legal basis joined."""
        marking = self.get("organisation.confidentiality")
        basis = self.get("organisation.legal_basis")
        if marking is None and basis is None:
            return None

        out = {}
        for lang in LANGUAGES:
            m = pick(marking, lang) if marking is not None else DEFAULT_MARKING[lang]
            b = pick(basis, lang) if basis is not None else ""
            out[lang] = f"{m} — {b}" if m and b else (m or b)
        if len(set(out.values())) == 1:
            return out["fi"]
        return out

    def summary_org(self):
        """The organisation block of the summary."""
        from otdesk.core.summary_org import SummaryOrg

        return SummaryOrg(name=self.get("organisation.name"), logo=self.logo_bytes,
                          confidentiality=self.marking(),
                          contact=self.get("organisation.contact"))

    def describe(self) -> list[tuple[str, str, str]]:
        """(name, shown value, source) of every value, for ``otdesk doctor``."""
        rows = []
        for name, setting in self.settings.items():
            value = setting.value
            if name == "escrow_public_key" and self.escrow_pem:
                value = "RSA " + _fingerprint(self.escrow_pem)
            elif name == "retention":
                value = ", ".join(f"{k}={v}" for k, v in value.items() if v is not None) \
                    or "-"
            elif isinstance(value, Mapping):
                value = ", ".join(f"{k}={v}" for k, v in value.items())
            elif value is None or value == "":
                value = "-"
            elif isinstance(value, bool):
                value = "true" if value else "false"
            elif isinstance(value, str):
                value = " / ".join(line.strip() for line in value.splitlines() if line.strip())
            rows.append((name, str(value), setting.source))
        return rows


def _fingerprint(pem: bytes) -> str:
    import hashlib

    from cryptography.hazmat.primitives import serialization

    public = serialization.load_pem_public_key(pem)
    der = public.public_bytes(serialization.Encoding.DER,
                              serialization.PublicFormat.SubjectPublicKeyInfo)
    bits = public.key_size  # type: ignore[union-attr]
    return f"{bits} bit, SHA-256 {hashlib.sha256(der).hexdigest()[:16]}"


def load_policy(path: Path | str | None = None) -> Policy:
    """The policy from ``path`` (default: :func:`default_policy_path`).

    A missing file gives the defaults; a wrong one raises :class:`PolicyError`."""
    from otdesk.config.policy_loader import read_policy  # it builds Policy: imported here

    return read_policy(Path(path) if path is not None else default_policy_path())
