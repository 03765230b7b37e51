"""The organisation's policy: one TOML file IT deploys, which wins over user settings.

Where: ``platformdirs.site_config_path("otdesk", "OT Desk") / "policy.toml"``
(``/etc/xdg/otdesk/policy.toml`` on Linux, ``C:\\ProgramData\\OT Desk\\otdesk\\policy.toml``
on Windows, ``/Library/Application Support/otdesk/policy.toml`` on macOS), or the file
named by ``$OTDESK_POLICY_FILE`` (tests and IT trials).  No file → every value is its
default and nothing is locked.  ``packaging/policy.example.toml`` documents each key.

A policy that is there but wrong (not TOML, an unknown key, a wrong type, a number
out of range, a file it names missing, an escrow key that is no RSA key of at least
3072 bits) raises :class:`PolicyError`, which names the file and the line: the app
and every command refuse to start rather than run without the organisation's rules
(``otdesk doctor`` shows it as a FAIL instead).

Each value remembers where it came from (``file:line`` or ``default``), for
``otdesk doctor`` and for the settings dialog, which shows values set here as locked.

Retention months are loaded and checked only: deleting old consultations is future
work.  No Qt here.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from otdesk.core.errors import UserError, message

from otdesk.core.texts import LANGUAGES
from otdesk.core.summary_org import SummaryOrg

POLICY_ENV = "OTDESK_POLICY_FILE"
POLICY_NAME = "policy.toml"

#: retention may be at most this many months (100 years)
MAX_RETENTION_MONTHS = 1200
#: auto-lock at most after a day; 0 = never
MAX_AUTO_LOCK_MINUTES = 1440
#: what may leave the vault, and the default (everything allowed)
EXPORTS = ("print", "pdf", "cli_summary")
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


@dataclass(frozen=True)
class Setting:
    """One value of the policy and where it came from."""

    value: Any
    source: str = "default"  # "default" or "<file>:<line>"

    @property
    def locked(self) -> bool:
        return self.source != "default"


# name → (default, kind); the kinds are checked by _check below
_SCHEMA: dict[str, tuple[Any, str]] = {
    "organisation.name": ("", "str"),
    "organisation.logo": (None, "file"),
    "organisation.confidentiality": (None, "text"),
    "organisation.legal_basis": (None, "text"),
    "organisation.contact": ("", "str"),
    "default_language": (None, "lang"),
    "auto_lock_minutes": (0, "minutes"),
    "escrow_public_key": (None, "pem"),
    "expert_directory": (None, "file"),
    "retention": ({"default": None}, "retention"),
    "deadlines.intake_working_days": (2, "days"),
    "deadlines.preparation_working_days": (10, "days"),
    "exports.print": (True, "bool"),
    "exports.pdf": (True, "bool"),
    "exports.cli_summary": (True, "bool"),
}
_TABLES = ("organisation", "deadlines", "exports")


@dataclass
class Policy:
    """The effective policy: every value with its source, and what was read for it."""

    path: Path | None = None
    loaded: bool = False  # a policy file was found and read
    settings: dict[str, Setting] = field(default_factory=dict)
    logo_bytes: bytes | None = None
    escrow_pem: bytes | None = None
    expert_defaults: tuple | None = None  # of storage.experts.DefaultExpert

    def __post_init__(self) -> None:
        for name, (default, _kind) in _SCHEMA.items():
            self.settings.setdefault(name, Setting(default))

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
    def auto_lock_minutes(self) -> int:
        return int(self.get("auto_lock_minutes"))

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

        changes: dict[str, Any] = {}
        if self.locked("default_language"):
            changes["language"] = self.default_language
        for key in ("intake_working_days", "preparation_working_days"):
            if self.locked(f"deadlines.{key}"):
                changes[key] = self.get(f"deadlines.{key}")
        return replace(user, **changes)

    def locked_user_keys(self) -> set[str]:
        """Which UserSettings fields the policy locks (the settings dialog disables them)."""
        out = set()
        if self.locked("default_language"):
            out.add("language")
        for key in ("intake_working_days", "preparation_working_days"):
            if self.locked(f"deadlines.{key}"):
                out.add(key)
        return out

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

        def pick(value, lang: str) -> str:
            if isinstance(value, Mapping):
                return value.get(lang) or value.get("fi") or next(iter(value.values()), "")
            return value or ""

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


# --- loading ---------------------------------------------------------------------------------

_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-\"'.]+(?:\s*\.\s*[A-Za-z0-9_\-\"']+)*)\s*=")


def _key_lines(text: str) -> dict[str, int]:
    """Line (1-based) of each dotted key and table header: a small scan, enough for the
    flat files a policy is (multi-line strings are not looked into)."""
    lines: dict[str, int] = {}
    prefix = ""
    in_multiline = None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_multiline:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        m = _HEADER.match(line)
        if m and not line.lstrip().startswith("[["):
            prefix = _dotted(m.group(1))
            lines.setdefault(prefix, number)
            prefix += "."
            continue
        m = _KEY.match(line)
        if m:
            lines.setdefault(prefix + _dotted(m.group(1)), number)
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    in_multiline = quote
    return lines


def _dotted(key: str) -> str:
    return ".".join(part.strip().strip("\"'") for part in key.split("."))


def load_policy(path: Path | str | None = None) -> Policy:
    """The policy from ``path`` (default: :func:`default_policy_path`).

    A missing file gives the defaults; a wrong one raises :class:`PolicyError`."""
    path = Path(path) if path is not None else default_policy_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Policy(path=path)
    except OSError as exc:
        raise PolicyError(path, 1, "unreadable", error=type(exc).__name__) from exc
    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise PolicyError(path, 1, "not_utf8") from exc
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise PolicyError(path, int(m.group(1)) if m else 1, "bad_toml",
                          error=str(exc).split(" (at ")[0]) from exc
    return _Loader(path, text, data).load()


class _Loader:
    def __init__(self, path: Path, text: str, data: dict) -> None:
        self.path = path
        self.base = path.parent
        self.lines = _key_lines(text)
        self.data = data
        self.policy = Policy(path=path, loaded=True)

    def line(self, name: str) -> int:
        parts = name.split(".")
        while parts:
            found = self.lines.get(".".join(parts))
            if found:
                return found
            parts.pop()
        return 1

    def fail(self, name: str, detail: str, **params: object) -> PolicyError:
        return PolicyError(self.path, self.line(name), detail, setting=name, **params)

    def load(self) -> Policy:
        flat: dict[str, Any] = {}
        for key, value in self.data.items():
            if key in _TABLES:
                if not isinstance(value, dict):
                    raise self.fail(key, "wrong_type", expected="table")
                for sub, v in value.items():
                    flat[f"{key}.{sub}"] = v
            else:
                flat[key] = value
        for name in flat:
            if name not in _SCHEMA:
                raise self.fail(name, "unknown_key", known=", ".join(_SCHEMA))
        for name, value in flat.items():
            checked = self.check(name, _SCHEMA[name][1], value)
            self.policy.settings[name] = Setting(
                checked, f"{self.path}:{self.line(name)}")
        return self.policy

    def check(self, name: str, kind: str, value: Any) -> Any:
        if kind == "str":
            if not isinstance(value, str):
                raise self.fail(name, "wrong_type", expected="string")
            return value.strip()
        if kind == "text":
            if isinstance(value, str):
                return value.strip()
            if isinstance(value, dict) and value and set(value) <= set(LANGUAGES) \
                    and all(isinstance(v, str) for v in value.values()):
                return {k: v.strip() for k, v in value.items()}
            raise self.fail(name, "wrong_type", expected="string | { fi, sv, en }")
        if kind == "lang":
            if value not in LANGUAGES:
                raise self.fail(name, "bad_choice", choices=", ".join(LANGUAGES))
            return value
        if kind == "bool":
            if not isinstance(value, bool):
                raise self.fail(name, "wrong_type", expected="true | false")
            return value
        if kind in ("days", "minutes"):
            from otdesk.core.deadlines import MAX_WORKING_DAYS

            high = MAX_WORKING_DAYS if kind == "days" else MAX_AUTO_LOCK_MINUTES
            return self.integer(name, value, 0, high)
        if kind == "retention":
            return self.retention(name, value)
        if kind == "file":
            target = self.file(name, value)
            if name == "organisation.logo":
                data = target.read_bytes()
                if not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8")):
                    raise self.fail(name, "bad_logo", file=str(target))
                self.policy.logo_bytes = data
            else:  # expert_directory
                self.policy.expert_defaults = self.experts(name, target)
            return str(target)
        if kind == "pem":
            return self.pem(name, value)
        raise AssertionError(kind)

    def integer(self, name: str, value: Any, low: int, high: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(name, "wrong_type", expected="integer")
        if not low <= value <= high:
            raise self.fail(name, "out_of_range", low=low, high=high, value=value)
        return value

    def retention(self, name: str, value: Any) -> dict[str, int | None]:
        from otdesk.core.domain import CATEGORIES

        if isinstance(value, int) and not isinstance(value, bool):
            return {"default": self.integer(name, value, 1, MAX_RETENTION_MONTHS)}
        if not isinstance(value, dict):
            raise self.fail(name, "wrong_type", expected="integer | table")
        out: dict[str, int | None] = {"default": None}
        for category, months in value.items():
            sub = f"{name}.{category}"
            if category != "default" and category not in CATEGORIES:
                raise self.fail(sub, "unknown_key", known="default, " + ", ".join(CATEGORIES))
            out[category] = self.integer(sub, months, 1, MAX_RETENTION_MONTHS)
        return out

    def file(self, name: str, value: Any) -> Path:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(name, "wrong_type", expected="path")
        target = Path(value.strip()).expanduser()
        if not target.is_absolute():
            target = self.base / target
        if not target.is_file():
            raise self.fail(name, "missing_file", file=str(target))
        return target

    def pem(self, name: str, value: Any) -> str:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        if not isinstance(value, str) or not value.strip():
            raise self.fail(name, "wrong_type", expected="path | PEM")
        if "-----BEGIN" in value:
            pem, shown = value.strip().encode("ascii", "replace"), "(inline PEM)"
        else:
            target = self.file(name, value)
            pem, shown = target.read_bytes(), str(target)
        try:
            public = serialization.load_pem_public_key(pem)
        except (ValueError, TypeError) as exc:
            raise self.fail(name, "bad_pem") from exc
        if not isinstance(public, rsa.RSAPublicKey) or public.key_size < 3072:
            raise self.fail(name, "bad_pem")
        self.policy.escrow_pem = pem
        return shown

    def experts(self, name: str, target: Path) -> tuple:
        from otdesk.storage.experts import parse_defaults
        from otdesk.core.structure import TemplateError

        try:
            return parse_defaults(target.read_text("utf-8"), source=str(target))
        except (TemplateError, UnicodeDecodeError, OSError) as exc:
            raise self.fail(name, "bad_experts", error=str(exc)) from exc
