"""Where OT Desk keeps its files (platformdirs), and the user's choices.

``--data-dir`` or ``OTDESK_DATA_DIR`` override the data folder; the log then
goes into ``<data dir>/logs`` so one folder holds one installation's files.
User settings (language, deadline numbers) live in a small TOML file;
the organisation's policy (:mod:`otdesk.policy`) wins over them where it sets a value.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from otdesk.errors import LANGUAGES, UserError

APP_NAME = "otdesk"
APP_AUTHOR = "OT Desk"
DATA_DIR_ENV = "OTDESK_DATA_DIR"


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """The vault's folder: the override, then $OTDESK_DATA_DIR, then the platform's."""
    if override:
        return Path(override).expanduser().absolute()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().absolute()
    return platformdirs.user_data_path(APP_NAME, APP_AUTHOR)


def log_dir(data: Path, overridden: bool) -> Path:
    if overridden:
        return data / "logs"
    return platformdirs.user_log_path(APP_NAME, APP_AUTHOR)


def is_overridden(override: str | os.PathLike | None) -> bool:
    return bool(override) or bool(os.environ.get(DATA_DIR_ENV))


# --- the user's own settings ----------------------------------------------------------

SETTINGS_NAME = "settings.toml"


@dataclass
class UserSettings:
    """What a consultant chooses for themselves; kept in a small TOML file.

    Nothing here is sensitive (the file lives beside the encrypted vault, or in the
    platform's config folder).  The two deadline numbers are the centre's promises
    (seed 003); organisation policy may fix them (``Policy.apply_to``).
    """

    language: str = "fi"
    intake_working_days: int = 2
    preparation_working_days: int = 10

    @classmethod
    def load(cls, path: Path) -> UserSettings:
        try:
            data = tomllib.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise UserError("error.settings_damaged", path=str(path)) from exc
        settings = cls()
        if data.get("language") in LANGUAGES:
            settings.language = data["language"]
        for key in ("intake_working_days", "preparation_working_days"):
            value = data.get(key)
            if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 250:
                setattr(settings, key, value)
        return settings

    def save(self, path: Path) -> None:
        from otdesk.storage.keys import write_atomic

        path.parent.mkdir(parents=True, exist_ok=True)
        text = (f'language = "{self.language}"\n'
                f"intake_working_days = {int(self.intake_working_days)}\n"
                f"preparation_working_days = {int(self.preparation_working_days)}\n")
        write_atomic(path, text.encode("utf-8"))

    def deadline_rules(self):
        from otdesk.deadlines import DeadlineRules

        return DeadlineRules(self.intake_working_days, self.preparation_working_days)


def settings_path(data: Path, overridden: bool) -> Path:
    """Beside the vault when the data folder is chosen; else the platform's config folder."""
    if overridden:
        return data / SETTINGS_NAME
    return platformdirs.user_config_path(APP_NAME, APP_AUTHOR) / SETTINGS_NAME
