"""Who the consultant is: the profile printed in the summary's contact box and the name
in the audit log, and the OS login beside it.  Stdlib only."""

from __future__ import annotations

import getpass
from dataclasses import dataclass


@dataclass
class ConsultantProfile:
    """Who the consultant is, for the requester holding the summary: printed in its
    contact box, and the name in the audit log and on addenda.  Kept in the user
    settings file (not the vault), so that IT may preset it."""

    name: str = ""
    title: str = ""
    phone: str = ""
    email: str = ""

    def is_empty(self) -> bool:
        return not any(v.strip() for v in (self.name, self.title, self.phone, self.email))

    def display_name(self) -> str:
        """The name as printed (on addenda, as who recorded a consent); '' when unset."""
        return " ".join(self.name.split())

    def actor(self) -> str:
        """"Sanna Virtanen (svirtanen)": the profile's name with the OS login beside it."""
        login = os_login()
        return f"{self.display_name()} ({login})" if self.display_name() else login


def os_login() -> str:
    """The operating system's user name ("unknown" when there is none)."""
    try:
        return getpass.getuser()
    except Exception:  # no user name in a stripped environment
        return "unknown"
