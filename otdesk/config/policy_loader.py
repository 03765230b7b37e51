"""Reading a policy file: TOML, each value checked against its kind
(:mod:`otdesk.config.policy_schema`), the files it names read (logo, escrow key, expert
directory), and every mistake told with the line it is on (:class:`PolicyError`)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path, PureWindowsPath
from typing import Any

from otdesk.config.policy import Policy, PolicyError
from otdesk.config.policy_schema import (MAX_AUTO_LOCK_MINUTES, MAX_RETENTION_MONTHS, SCHEMA,
                                         TABLES, Setting)
from otdesk.core.dates import UnknownZone, zone_named
from otdesk.core.errors import Phrase
from otdesk.core.texts import LANGUAGES, TextProblem, some_languages


def read_policy(path: Path) -> Policy:
    """The policy in ``path``; a missing file gives the defaults, a wrong one raises
    :class:`PolicyError`."""
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
    except tomllib.TOMLDecodeError as exc:  # (its text is English: only its place is told)
        m = re.search(r"line (\d+), column (\d+)", str(exc))
        line, column = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
        raise PolicyError(path, line, "bad_toml", column=column,
                          error=str(exc).split(" (at ")[0]) from exc
    return _Loader(path, text, data).load()


# --- where each key is: for the line of an error --------------------------------------------

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


# --- checking the values ---------------------------------------------------------------------


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
            if key in TABLES:
                if not isinstance(value, dict):
                    raise self.fail(key, "wrong_type", expected=Phrase("policy.kind.table"))
                for sub, v in value.items():
                    flat[f"{key}.{sub}"] = v
            else:
                flat[key] = value
        for name in flat:
            if name not in SCHEMA:
                raise self.fail(name, "unknown_key", known=", ".join(SCHEMA))
        for name, value in flat.items():
            checked = self.check(name, SCHEMA[name].kind, value)
            self.policy.settings[name] = Setting(
                checked, f"{self.path}:{self.line(name)}")
        return self.policy

    def check(self, name: str, kind: str, value: Any) -> Any:
        if kind == "str":
            if not isinstance(value, str):
                raise self.fail(name, "wrong_type", expected=Phrase("policy.kind.string"))
            return value.strip()
        if kind == "text":
            try:
                return some_languages(value)
            except TextProblem as exc:
                raise self.fail(name, "wrong_type", expected=Phrase("policy.kind.text")) from exc
        if kind == "lang":
            if value not in LANGUAGES:
                raise self.fail(name, "bad_choice", choices=", ".join(LANGUAGES))
            return value
        if kind == "zone":
            return self.zone(name, value)
        if kind == "bool":
            if not isinstance(value, bool):
                raise self.fail(name, "wrong_type", expected=Phrase("policy.kind.boolean"))
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
        if kind == "dir":
            return self.folder(name, value)
        raise AssertionError(kind)

    def zone(self, name: str, value: Any) -> str:
        """An IANA time-zone name ("Europe/Helsinki") the time-zone database knows."""
        if not isinstance(value, str):
            raise self.fail(name, "wrong_type", expected=Phrase("policy.kind.string"))
        try:
            zone_named(value.strip())
        except UnknownZone as exc:
            raise self.fail(name, "bad_zone", value=value) from exc
        return value.strip()

    def integer(self, name: str, value: Any, low: int, high: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(name, "wrong_type", expected=Phrase("policy.kind.integer"))
        if not low <= value <= high:
            raise self.fail(name, "out_of_range", low=low, high=high, value=value)
        return value

    def retention(self, name: str, value: Any) -> dict[str, int | None]:
        from otdesk.core.domain import CATEGORIES

        if isinstance(value, int) and not isinstance(value, bool):
            return {"default": self.integer(name, value, 1, MAX_RETENTION_MONTHS)}
        if not isinstance(value, dict):
            raise self.fail(name, "wrong_type", expected=Phrase("policy.kind.integer_or_table"))
        out: dict[str, int | None] = {"default": None}
        for category, months in value.items():
            sub = f"{name}.{category}"
            if category != "default" and category not in CATEGORIES:
                raise self.fail(sub, "unknown_key", known="default, " + ", ".join(CATEGORIES))
            out[category] = self.integer(sub, months, 1, MAX_RETENTION_MONTHS)
        return out

    def file(self, name: str, value: Any) -> Path:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(name, "wrong_type", expected=Phrase("policy.kind.path"))
        target = Path(value.strip()).expanduser()
        if not target.is_absolute():
            target = self.base / target
        if not target.is_file():
            raise self.fail(name, "missing_file", file=str(target))
        return target

    def folder(self, name: str, value: Any) -> str:
        """A folder as written (``~`` and environment variables expanded where it is used,
        :meth:`Policy.backup_dir`): a string that is, or expands to, an absolute path.  It
        is not looked for here: a network home or a removable drive may be away now; the
        backup says so when it is missing."""
        if not isinstance(value, str) or not value.strip():
            raise self.fail(name, "wrong_type", expected=Phrase("policy.kind.path"))
        text = value.strip()
        expands = text.startswith("~") or "$" in text or "%" in text
        if not expands and not (Path(text).is_absolute() or PureWindowsPath(text).is_absolute()):
            raise self.fail(name, "wrong_type", expected=Phrase("policy.kind.absolute_path"))
        return text

    def pem(self, name: str, value: Any) -> str:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        if not isinstance(value, str) or not value.strip():
            raise self.fail(name, "wrong_type", expected=Phrase("policy.kind.path_or_pem"))
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
        from otdesk.core.expert_defaults import parse_defaults
        from otdesk.core.structure import TemplateError

        try:
            return parse_defaults(target.read_text("utf-8"), source=str(target))
        except (TemplateError, UnicodeDecodeError, OSError) as exc:
            raise self.fail(name, "bad_experts", error=str(exc)) from exc
