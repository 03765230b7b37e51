"""One storage worker: every write in order on one connection, reads off the UI thread.

Driven as a person drives the app (keys and clicks); then the database, the list and
a heartbeat on the UI thread are looked at.
"""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from sqlcipher3 import dbapi2 as sqlcipher

from conftest import close_window, open_in_editor, wait_for_editor, wait_for_list
from otdesk.core.domain import Consultation
from otdesk.core.errors import UserError
from otdesk.config.settings import UserSettings
from otdesk.core.profile import ConsultantProfile
from otdesk.storage.changes import Changes
from otdesk.storage.writer import BackgroundWriter
from otdesk.ui.main_window import MainWindow
from test_ui_consultation import keys, widget


def make_window(qtbot, vault) -> MainWindow:
    w = MainWindow(vault, lang="en",
                   settings=UserSettings(profile=ConsultantProfile(name="Sanna")))
    qtbot.addWidget(w, before_close_func=lambda w: w._closed or close_window(qtbot, w))
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    return w


class Heartbeat:
    """A 5 ms timer on the UI thread; ``longest`` is the longest gap between beats (ms)."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.longest = 0.0
        self.timer = QTimer(interval=5)
        self.timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        if self.clock.isValid():
            self.longest = max(self.longest, self.clock.nsecsElapsed() / 1e6)
        self.clock.restart()

    def __enter__(self) -> Heartbeat:
        self.clock.invalidate()
        self.longest = 0.0
        self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self.timer.stop()


def test_in_the_desktop_process_only_the_storage_worker_writes(qtbot, vault, monkeypatch):
    """Every connection opened while the app runs, other than the worker's, refuses
    writes; so does the vault's own connection once the window is up."""
    opened: list[tuple[str, sqlcipher.Connection]] = []
    real_connect = sqlcipher.connect

    def spy(*args, **kwargs):
        conn = real_connect(*args, **kwargs)
        opened.append((threading.current_thread().name, conn))
        return conn

    monkeypatch.setattr(sqlcipher, "connect", spy)
    window = make_window(qtbot, vault)
    # a person's session: a new request typed in, back to the list, opened again
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wait_for_editor(qtbot, window)
    cid = window.editor.c.id
    field = widget(window.editor, "The consultation question")
    field.setFocus()
    keys(qtbot, field, "Kuka kirjoittaa?")
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    wait_for_list(qtbot, window.list, 1)
    open_in_editor(qtbot, window, cid)
    qtbot.keyClick(window.editor, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.summary.showing is not None, timeout=10000)

    threads = sorted({name for name, _ in opened})
    assert "otdesk-writer" in threads and "otdesk-reader" in threads, threads
    for name, conn in opened:
        if name == "otdesk-writer":
            continue
        # read-only, or already closed (the file's check, a backup: read and done)
        with pytest.raises((sqlcipher.OperationalError, sqlcipher.ProgrammingError)):
            conn.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
    assert sum(1 for name, _ in opened if name == "otdesk-writer") == 1
    with pytest.raises(sqlcipher.OperationalError):  # the connection the vault opened with
        vault.conn.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
    assert vault.repository.get(cid).question == "Kuka kirjoittaa?"
    close_window(qtbot, window)


def test_an_untouched_new_consultation_is_removed_after_its_pending_save(qtbot, vault):
    """Typed, then undone, then left: the delete runs after the save it followed, so
    nothing of it stays: no row, no document, no search index entry."""
    window = make_window(qtbot, vault)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wait_for_editor(qtbot, window)
    cid = window.editor.c.id
    name = widget(window.editor, "Name")
    name.setFocus()
    qtbot.keyClicks(name, "Zyx")
    window.editor.save_now()  # the edit is on its way to the disk …
    for _ in range(3):
        qtbot.keyClick(name, Qt.Key.Key_Backspace)
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # … and the delete is queued behind it
    qtbot.waitUntil(lambda: window.writer.idle(), timeout=5000)
    wait_for_list(qtbot, window.list, 0)
    assert vault.repository.count() == 0
    with pytest.raises(UserError):
        vault.repository.get(cid)
    assert vault.conn.execute("SELECT count(*) FROM consultation_docs").fetchone()[0] == 0
    assert vault.repository.search_ids("Zyx") == set()
    close_window(qtbot, window)


def test_operations_and_saves_keep_their_order_on_the_one_connection(vault):
    """An edit submitted, then a delete, then a read on the worker: the read sees the
    delete; Changes name what each write touched."""
    changes: list[Changes] = []
    writer = BackgroundWriter(vault, on_changed=changes.append)
    try:
        done = threading.Event()
        made: list[Consultation] = []
        writer.run(lambda store: store.repository.create(Consultation()),
                   on_done=lambda c: (made.append(c), done.set()), on_error=print)
        assert done.wait(5)
        c = made[0]
        c.question = "viimeinen muokkaus"
        writer.submit(c)
        writer.run(lambda store: store.repository.delete(c.id), on_done=lambda _: None,
                   on_error=print)
        seen: list = []
        writer.run(lambda store: store.repository.count(), on_done=seen.append,
                   on_error=seen.append)
        assert writer.flush()
        assert seen == [0]
        touched = Changes()
        for change in changes:
            touched = touched | change
        assert c.id in touched.deleted and "consultations" in touched.tables
    finally:
        writer.close()


def test_a_write_the_disk_refuses_reaches_the_person_and_closing_asks(qtbot, vault,
                                                                       monkeypatch):
    window = make_window(qtbot, vault)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wait_for_editor(qtbot, window)
    editor = window.editor
    disk = vault.open_connection()  # the test's own: it plays a failing disk
    disk.execute("CREATE TRIGGER refuse BEFORE UPDATE ON consultation_docs "
                 "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
    try:
        field = widget(editor, "The consultation question")
        field.setFocus()
        keys(qtbot, field, "Tämä ei mahdu levylle")
        qtbot.waitUntil(lambda: "NOT SAVED" in editor.save_label.text(), timeout=5000)
        assert editor.problems_label.text()
        asked: list[str] = []

        def answer(parent, title, text, *args):
            asked.append(text)
            from PySide6.QtWidgets import QMessageBox

            return QMessageBox.StandardButton.Cancel

        from PySide6.QtWidgets import QMessageBox

        monkeypatch.setattr(QMessageBox, "warning", staticmethod(answer))
        window.close()  # as Ctrl+Q: it waits, visibly, then asks
        assert window.saving_label.text()
        qtbot.waitUntil(lambda: bool(asked), timeout=15000)
        assert not window._closed and window.isVisible()
    finally:
        disk.execute("DROP TRIGGER refuse")
        disk.close()
    # the disk is back: the next try stores it, and closing no longer asks
    qtbot.waitUntil(lambda: "Tämä ei mahdu levylle" == vault.repository.get(
        editor.c.id).question if editor.c else True, timeout=15000)
    close_window(qtbot, window)


def test_a_slow_render_on_the_worker_never_stalls_the_ui_thread(qtbot, vault):
    """A 100,000-character consultation rendered for the Summary page (on the worker)
    while a 5 ms heartbeat runs on the UI thread: no gap over 100 ms."""
    c = vault.repository.create(Consultation(question="Pitkä"))
    c.situation.background = ("Äiti soitti koululle, isä ei vastannut. " * 2600)[:100_000]
    vault.repository.update(c)
    window = make_window(qtbot, vault)
    open_in_editor(qtbot, window, c.id)
    with Heartbeat() as heart:
        started = time.monotonic()
        qtbot.keyClick(window.editor, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.summary.showing is not None, timeout=60000)
        rendered = time.monotonic() - started
    # a UI thread that waited for the render would have shown a gap as long as it
    assert heart.longest < 100, heart.longest
    assert rendered * 1000 > 2 * heart.longest, (rendered, heart.longest)
    close_window(qtbot, window)


def test_a_search_runs_off_the_ui_thread_and_the_newest_query_wins(qtbot, vault):
    from otdesk.demo import insert_demo

    insert_demo(vault, 300, seed=11, deliveries=False)
    window = make_window(qtbot, vault)
    lst = window.list
    wait_for_list(qtbot, lst, 300)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    with Heartbeat() as heart:
        qtbot.keyClicks(lst.search, "koulu")  # every key a query; only the last counts
        expected = vault.repository.search_ids("koulu")
        qtbot.waitUntil(lambda: lst.model.rowCount() == len(expected), timeout=5000)
        wait_for_list(qtbot, lst, len(expected))
    assert {lst.model.id_at(i) for i in range(lst.model.rowCount())} == expected
    assert heart.longest < 100, heart.longest
    close_window(qtbot, window)


def test_sorting_by_a_column_is_done_in_sql_by_what_the_person_reads(qtbot, vault):
    from otdesk.core import vocabulary
    from otdesk.demo import insert_demo

    insert_demo(vault, 120, seed=3, deliveries=False)
    window = make_window(qtbot, vault)
    lst = window.list
    wait_for_list(qtbot, lst, 120)
    status_column = lst.model.COLUMNS.index("status")
    header = lst.table.horizontalHeader()
    x = header.sectionViewportPosition(status_column) + 5
    with qtbot.waitSignal(lst.model.modelReset, timeout=5000):  # the new order arrived
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=header.rect().center().__class__(x, 5))
    assert lst.query().sort == "status"
    for i in range(lst.model.rowCount()):
        lst.table.scrollTo(lst.model.index(i, 0))
        qtbot.waitUntil(lambda i=i: lst.model.line(i) is not None, timeout=2000)
    shown = [lst.model.line(i).status for i in range(lst.model.rowCount())]
    keys_ = [s.casefold() for s in shown]
    assert keys_ == sorted(keys_) or keys_ == sorted(keys_, reverse=True)
    assert set(shown) <= {label for _, label in vocabulary.labels("statuses", "en")}
    close_window(qtbot, window)


def test_a_refused_operation_comes_back_as_a_clear_error(vault):
    writer = BackgroundWriter(vault)
    try:
        errors: list[UserError] = []
        writer.run(lambda store: store.repository.delete(987654), on_done=lambda _: None,
                   on_error=errors.append)
        assert writer.flush()
        assert errors and errors[0].key == "error.not_found"
    finally:
        writer.close()


def test_a_worker_whose_connection_cannot_open_refuses_clearly_and_keeps_the_edit(vault):
    """The disk gives no connection: each operation is refused with the disk's reason,
    an edit is kept as unsaved (closing then asks), and nothing waits forever."""
    class NoDisk:
        def open_connection(self, **_):
            raise UserError("error.disk_full")

    failed: list[tuple[int, UserError]] = []
    writer = BackgroundWriter(NoDisk(), on_error=lambda cid, e: failed.append((cid, e)))
    try:
        errors: list[UserError] = []
        writer.run(lambda store: store.repository.count(), on_done=lambda _: None,
                   on_error=errors.append)
        c = vault.repository.create(Consultation(question="kesken"))
        writer.submit(c)
        deadline = time.monotonic() + 5
        while (not errors or not failed) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert errors and errors[0].key == "error.disk_full"
        assert failed and failed[0][0] == c.id and failed[0][1].key == "error.disk_full"
        assert writer.idle() and writer.unsaved() == {c.id}
    finally:
        assert writer.close(timeout=1) is False  # it says that something stayed unsaved


def test_an_edit_typed_just_before_save_as_pdf_is_in_the_delivered_pdf(qtbot, vault, tmp_path,
                                                                         monkeypatch):
    """Typed, then at once Ctrl+9 and Save as PDF as soon as it can be pressed: the worker
    stores the edit before it renders, so the delivered bytes hold it."""
    import io

    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    from otdesk.core.domain import Option, Requester
    from otdesk.ui import summary_page

    c = vault.repository.create(Consultation(
        question="Miten tukea?", requester=Requester(name="Liisa", organisation="Kunta"),
        options=[Option(title="Palaveri", chosen=True)]))
    for status in ("accepted", "prepared", "held"):
        vault.repository.change_status(c.id, status)
    target = tmp_path / "yhteenveto.pdf"
    monkeypatch.setattr(summary_page.UnencryptedWarning, "confirmed", lambda self: True)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    window = make_window(qtbot, vault)
    open_in_editor(qtbot, window, c.id)
    editor = window.editor
    qtbot.keyClick(editor, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    field = editor.phase_pages["situation"].first_input
    field.setFocus()
    qtbot.keyClicks(field, "Viimeinen lause ennen tallennusta")
    qtbot.keyClick(editor, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    page = window.summary
    qtbot.waitUntil(lambda: page.save_button.isEnabled(), timeout=10000)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists, timeout=15000)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "Viimeinen lause ennen tallennusta" in " ".join(text.split())
    close_window(qtbot, window)
