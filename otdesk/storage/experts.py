"""The expert directory (asiantuntijaverkosto) of a vault: who can be brought in, for what.

Stored in the ``experts`` table (migration 0002).  The first time a vault's
directory is used it is filled from the default directory
(:mod:`otdesk.core.expert_defaults`: names and descriptions in one language,
Finnish by default), and a ``meta`` row records
that, so a directory emptied on purpose stays empty.  Removing an expert
only marks it inactive: consultations that name it still resolve.

Every change is one transaction with its audit row ("expert.added",
"expert.changed", "expert.removed", "experts.seeded"; object
``expert:<id>``), durable when the method returns.  Database errors come
out as :class:`~otdesk.core.errors.UserError` (see :mod:`otdesk.storage.errors`).
No Qt here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlcipher3 import dbapi2 as sqlcipher

from otdesk.core.dates import now_stamp
from otdesk.core.domain import CATEGORIES
from otdesk.core.errors import Fields, UserError
from otdesk.core.expert_defaults import KINDS, DefaultExpert, load_defaults
from otdesk.core.texts import DEFAULT_LANGUAGE, LANGUAGES, pick
from otdesk.storage.errors import storage_error
from otdesk.storage.repository import Repository

#: the meta key that records when the directory was seeded
SEEDED_KEY = "experts.seeded"

_COLUMNS = "id, name, description, categories, contact, active, kind"


@dataclass(frozen=True)
class Expert:
    """One entry of the directory; ``id`` is None until it is stored."""

    id: int | None = None
    name: str = ""
    description: str = ""
    categories: tuple[str, ...] = ()
    contact: str = ""
    active: bool = True
    kind: str = "organisation"

    def covers(self, categories: Iterable[str]) -> int:
        """How many of ``categories`` this expert covers."""
        return len(set(self.categories) & set(categories))


# --- the directory in a vault ---------------------------------------------------------


#: Finnish and Swedish alphabetical order puts å, ä, ö after z (in that order)
_NORDIC_ORDER = str.maketrans({"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}"})


def sort_key(name: str) -> str:
    """A key that sorts names as a Finnish or Swedish reader expects."""
    return name.casefold().translate(_NORDIC_ORDER)


class ExpertDirectory:
    """The expert directory of an open vault connection.

    ``lang`` is the language the defaults are stored in when this vault is
    seeded; ``defaults`` replaces the packaged default directory (e.g. one
    from organisation policy).
    """

    def __init__(self, conn: sqlcipher.Connection, *, actor: str | None = None,
                 lang: str = DEFAULT_LANGUAGE,
                 defaults: Sequence[DefaultExpert] | None = None,
                 repository: Repository | None = None, read_only: bool = False) -> None:
        self.conn = conn
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        # the storage worker passes its repository: one audit actor, one change log
        self._repo = repository or Repository(conn, actor)
        self._defaults = defaults
        self._seeded = read_only  # a reader never seeds: the storage worker did at start

    # -- seeding -----------------------------------------------------------------------

    def ensure_seeded(self) -> bool:
        """Fill the directory from the defaults unless that was ever done on this vault.

        Returns True when it seeded now.  Called by every other method.
        """
        if self._seeded:
            return False
        if self._read("SELECT 1 FROM meta WHERE key = ?", (SEEDED_KEY,)):
            self._seeded = True
            return False
        defaults = load_defaults() if self._defaults is None else self._defaults
        with self._repo.transaction():
            # checked again inside the write lock: another connection may have seeded
            if self.conn.execute("SELECT 1 FROM meta WHERE key = ?", (SEEDED_KEY,)).fetchone():
                self._seeded = True
                return False
            now = now_stamp()
            for d in defaults:
                self.conn.execute(
                    "INSERT INTO experts (name, kind, description, categories, contact, active,"
                    " template_key, created_at, updated_at) VALUES (?,?,?,?,'',1,?,?,?)"
                    " ON CONFLICT (template_key) DO NOTHING",
                    (d.name, d.kind, pick(d.description, self.lang),
                     json.dumps(list(d.categories)), d.key, now, now))
            self.conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (SEEDED_KEY, now))
            self._repo._append_audit("experts.seeded", f"experts:{len(defaults)}")
            self._repo.changes.table("experts")
        self._seeded = True
        return True

    # -- reading -------------------------------------------------------------------------

    def all(self, include_inactive: bool = False) -> list[Expert]:
        """The directory in alphabetical order (active entries only unless asked)."""
        self.ensure_seeded()
        sql = f"SELECT {_COLUMNS} FROM experts"
        if not include_inactive:
            sql += " WHERE active = 1"
        return sorted((self._expert(r) for r in self._read(sql)),
                      key=lambda e: (sort_key(e.name), e.id))

    def get(self, expert_id: int) -> Expert:
        """One entry, active or not."""
        self.ensure_seeded()
        rows = self._read(f"SELECT {_COLUMNS} FROM experts WHERE id = ?", (expert_id,))
        if not rows:
            raise UserError("error.expert_not_found")
        return self._expert(rows[0])

    def suggest(self, categories: Iterable[str]) -> list[Expert]:
        """Active experts covering at least one of ``categories`` (see :func:`suggest`)."""
        return suggest(self.all(), categories)

    # -- writing -------------------------------------------------------------------------

    def add(self, expert: Expert) -> Expert:
        """Store a new entry; returns it with its id."""
        e = _checked(expert)
        self.ensure_seeded()
        now = now_stamp()
        with self._repo.transaction():
            cur = self.conn.execute(
                "INSERT INTO experts (name, kind, description, categories, contact, active,"
                " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)",
                (e.name, e.kind, e.description, json.dumps(list(e.categories)), e.contact,
                 int(e.active), now, now))
            e = replace(e, id=cur.lastrowid)
            self._repo._append_audit("expert.added", f"expert:{e.id}")
            self._repo.changes.table("experts")
        return e

    def update(self, expert: Expert) -> Expert:
        """Store every field of an existing entry (``active=True`` brings one back)."""
        if expert.id is None:
            raise UserError("error.expert_not_found")
        e = _checked(expert)
        self.ensure_seeded()
        with self._repo.transaction():
            cur = self.conn.execute(
                "UPDATE experts SET name=?, kind=?, description=?, categories=?, contact=?,"
                " active=?, updated_at=? WHERE id=?",
                (e.name, e.kind, e.description, json.dumps(list(e.categories)), e.contact,
                 int(e.active), now_stamp(), e.id))
            if cur.rowcount != 1:
                raise UserError("error.expert_not_found")
            self._repo._append_audit("expert.changed", f"expert:{e.id}")
            self._repo.changes.table("experts")
        return e

    def remove(self, expert_id: int) -> None:
        """Take an entry out of use (it stays stored, inactive, for old consultations)."""
        self.ensure_seeded()
        with self._repo.transaction():
            cur = self.conn.execute("UPDATE experts SET active=0, updated_at=? WHERE id=?",
                                    (now_stamp(), expert_id))
            if cur.rowcount != 1:
                raise UserError("error.expert_not_found")
            self._repo._append_audit("expert.removed", f"expert:{expert_id}")
            self._repo.changes.table("experts")

    # -- internals -----------------------------------------------------------------------

    def _read(self, sql: str, params: tuple = ()) -> list[tuple]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlcipher.Error as exc:
            raise storage_error(exc) from exc

    @staticmethod
    def _expert(row: tuple) -> Expert:
        return Expert(id=row[0], name=row[1], description=row[2],
                      categories=tuple(json.loads(row[3])), contact=row[4],
                      active=bool(row[5]), kind=row[6])


def suggest(experts: Iterable[Expert], categories: Iterable[str]) -> list[Expert]:
    """Those of ``experts`` covering at least one of ``categories``: most covered first,
    then by name."""
    wanted = _check_categories(categories)
    if not wanted:
        return []
    scored = [(e.covers(wanted), e) for e in experts]
    return [e for score, e in sorted(
        ((s, e) for s, e in scored if s > 0),
        key=lambda se: (-se[0], sort_key(se[1].name), se[1].id))]


def _check_categories(categories: Iterable[str]) -> tuple[str, ...]:
    """``categories`` without repeats, in order; UserError on an unknown code."""
    if isinstance(categories, str):
        categories = (categories,)
    out = tuple(dict.fromkeys(categories))
    for c in out:
        if c not in CATEGORIES:
            raise UserError("error.category_unknown", category=c)
    return out


def _checked(expert: Expert) -> Expert:
    """``expert`` tidied (trimmed name, no repeated categories) or a UserError."""
    name = expert.name.strip()
    if not name:
        raise UserError("error.expert_name_needed")
    if expert.kind not in KINDS:
        raise UserError("error.choice_invalid", field=Fields(("expert.kind",)), value=expert.kind)
    return replace(expert, name=name, categories=_check_categories(expert.categories),
                   active=bool(expert.active))
