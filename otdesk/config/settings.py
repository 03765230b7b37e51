"""Where OT Desk keeps its files (platformdirs), and the user's choices.

``--data-dir`` or ``OTDESK_DATA_DIR`` override the data folder; the log then
goes into ``<data dir>/logs`` so one folder holds one installation's files.
User settings (language, deadline numbers) live in a small TOML file;
the organisation's policy (:mod:`otdesk.config.policy`) wins over them where it sets a value.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

import platformdirs

from otdesk.core.errors import UserError
from otdesk.core.profile import ConsultantProfile
from otdesk.core.texts import LANGUAGES
from otdesk.files import write_atomic

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


#: the longest text kept for one profile field
PROFILE_MAX = 200

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
    profile: ConsultantProfile = field(default_factory=ConsultantProfile)
    #: the app asked for the profile once (at the first delivery); it never nags again
    profile_asked: bool = False
    #: the command line said once that no profile is set (the summary then shows the
    #: organisation's contact)
    profile_noted: bool = False
    #: the folder a summary PDF was last saved to (the save dialog opens there)
    last_save_folder: str = ""
    #: unknown words are underlined in the text fields (the policy may set it)
    spell_check: bool = True

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
        profile = data.get("profile")
        if isinstance(profile, dict):
            for f in fields(ConsultantProfile):
                value = profile.get(f.name)
                if isinstance(value, str):
                    setattr(settings.profile, f.name, value.strip()[:PROFILE_MAX])
        for flag in ("profile_asked", "profile_noted", "spell_check"):
            if isinstance(data.get(flag), bool):
                setattr(settings, flag, data[flag])
        if isinstance(data.get("last_save_folder"), str):
            settings.last_save_folder = data["last_save_folder"]
        return settings

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = (f'language = "{self.language}"\n'
                f"intake_working_days = {int(self.intake_working_days)}\n"
                f"preparation_working_days = {int(self.preparation_working_days)}\n"
                f"profile_asked = {'true' if self.profile_asked else 'false'}\n"
                f"profile_noted = {'true' if self.profile_noted else 'false'}\n"
                f"spell_check = {'true' if self.spell_check else 'false'}\n"
                f"last_save_folder = {_toml_string(self.last_save_folder)}\n"
                "\n[profile]\n"
                + "".join(f"{f.name} = {_toml_string(getattr(self.profile, f.name))}\n"
                          for f in fields(ConsultantProfile)))
        write_atomic(path, text.encode("utf-8"))

    def deadline_rules(self):
        from otdesk.core.deadlines import DeadlineRules

        return DeadlineRules(self.intake_working_days, self.preparation_working_days)


def _toml_string(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def settings_path(data: Path, overridden: bool) -> Path:
    """Beside the vault when the data folder is chosen; else the platform's config folder."""
    if overridden:
        return data / SETTINGS_NAME
    return platformdirs.user_config_path(APP_NAME, APP_AUTHOR) / SETTINGS_NAME
