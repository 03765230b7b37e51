"""Reading on a thread of its own, on a read-only connection, so the UI never waits.

The UI asks (:meth:`BackgroundReader.ask`) with a function of a :class:`ReadStore`;
the reader runs it on its own connection (``PRAGMA query_only``: it can never
write) and calls back ``on_done`` or ``on_error`` from its thread.  A question asked
with a ``key`` replaces an older one with the same key that has not run yet, and
the answer of one already running is dropped: the newest search wins.  WAL lets it
read what the storage worker committed while that one writes.  No Qt here.
"""

from __future__ import annotations

import collections
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from otdesk.storage.background import yield_to_the_ui
from otdesk.core.errors import UserError
from otdesk.storage.deliveries import Deliveries
from otdesk.storage.experts import ExpertDirectory
from otdesk.storage.listing import READER_CACHE_KIB
from otdesk.storage.repository import Repository

log = logging.getLogger(__name__)


@dataclass
class ReadStore:
    """What a read gets: repository, deliveries and directory over the read connection."""

    conn: Any
    repository: Repository
    deliveries: Deliveries
    directory: ExpertDirectory
    #: what a read may remember on this connection (e.g. the list's counts)
    memo: dict = field(default_factory=dict)


@dataclass
class _Question:
    fn: Callable[[ReadStore], Any]
    on_done: Callable[[Any], None]
    on_error: Callable[[UserError], None]
    key: str | None
    generation: int


class BackgroundReader:
    def __init__(self, vault) -> None:
        self._vault = vault
        self._queue: collections.deque[_Question] = collections.deque()
        self._generations: dict[str, int] = {}
        self._closing = False
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="otdesk-reader", daemon=True)
        self._thread.start()

    def ask(self, fn: Callable[[ReadStore], Any], *, on_done: Callable[[Any], None],
            on_error: Callable[[UserError], None], key: str | None = None) -> None:
        """Queue ``fn(store)``; with ``key``, it replaces what was asked before with it."""
        with self._cond:
            generation = 0
            if key is not None:
                generation = self._generations.get(key, 0) + 1
                self._generations[key] = generation
                self._queue = collections.deque(q for q in self._queue if q.key != key)
            self._queue.append(_Question(fn, on_done, on_error, key, generation))
            self._cond.notify()

    def close(self, timeout: float = 5.0) -> None:
        with self._cond:
            self._closing = True
            self._queue.clear()
            self._cond.notify()
        self._thread.join(timeout)

    def _current(self, q: _Question) -> bool:
        with self._cond:
            return q.key is None or self._generations.get(q.key) == q.generation

    def _run(self) -> None:
        yield_to_the_ui()
        store: ReadStore | None = None
        broken: UserError | None = None
        try:
            conn = self._vault.open_connection(read_only=True)
            conn.execute(f"PRAGMA cache_size = -{READER_CACHE_KIB}")
            repo = Repository(conn)
            store = ReadStore(conn, repo, Deliveries(repo), ExpertDirectory(conn, read_only=True))
        except UserError as exc:  # every question (now and later) is refused with it
            broken = exc
        try:
            while (q := self._next()) is not None:
                self._answer(q, store, broken)
        finally:
            if store is not None:
                store.conn.close()

    def _next(self) -> _Question | None:
        """The next question, waiting for one; None when closing."""
        with self._cond:
            while not self._queue and not self._closing:
                self._cond.wait()
            return None if self._closing else self._queue.popleft()

    def _answer(self, q: _Question, store: ReadStore | None, broken: UserError | None) -> None:
        try:
            if store is None:
                raise broken or UserError("error.storage")
            outcome, value = q.on_done, q.fn(store)
        except UserError as exc:
            outcome, value = q.on_error, exc
        except Exception as exc:
            log.error("reader: %s", type(exc).__name__)
            outcome, value = q.on_error, UserError("error.storage")
        if self._current(q):
            try:
                outcome(value)
            except Exception as exc:  # a callback's fault must not stop the reader
                log.error("reader: callback failed: %s", type(exc).__name__)
