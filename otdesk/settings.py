"""Where OT Desk keeps its files (platformdirs), and the user's choices.

``--data-dir`` or ``OTDESK_DATA_DIR`` override the data folder; the log then
goes into ``<data dir>/logs`` so one folder holds one installation's files.
Organisation policy joins this module with the packaging issue.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

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
