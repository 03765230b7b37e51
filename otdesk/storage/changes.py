"""What a write changed, so that views update what they show instead of reloading.

The storage worker collects a :class:`Changes` from the repository after every write
it runs and hands it to the UI; the list, the editor's header and the Summary page
each look at the part they show.  No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    """Consultations written or deleted, and the other tables touched."""

    consultations: frozenset[int] = frozenset()
    deleted: frozenset[int] = frozenset()
    tables: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.consultations or self.deleted or self.tables)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.consultations | other.consultations, self.deleted | other.deleted,
                       self.tables | other.tables)

    def touches(self, consultation_id: int | None) -> bool:
        return consultation_id in self.consultations or consultation_id in self.deleted


@dataclass
class ChangeLog:
    """Where a repository notes what it wrote until the worker takes it."""

    consultations: set[int] = field(default_factory=set)
    deleted: set[int] = field(default_factory=set)
    tables: set[str] = field(default_factory=set)

    def consultation(self, consultation_id: int, *, deleted: bool = False) -> None:
        (self.deleted if deleted else self.consultations).add(consultation_id)
        self.tables.add("consultations")

    def table(self, name: str) -> None:
        self.tables.add(name)

    def take(self) -> Changes:
        changes = Changes(frozenset(self.consultations - self.deleted), frozenset(self.deleted),
                          frozenset(self.tables))
        self.consultations.clear()
        self.deleted.clear()
        self.tables.clear()
        return changes
