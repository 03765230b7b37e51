"""The consultation editor: the request, the session's pages, the close-out.

Autosave: every edit changes the consultation in memory and, at most a second
later, a snapshot goes to the background writer; there is no Save button and
closing never asks.  A quiet label in the header says what was saved when.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QInputDialog, QLabel, QListWidget,
                               QMessageBox, QPushButton, QStackedWidget, QVBoxLayout,
                               QWidget)

from otdesk.core import dates, deadlines, domain, vocabulary
from otdesk.core.domain import Consultation
from otdesk.core.errors import UserError
from otdesk.core.field_path import FieldPath
from otdesk.core.structure import Field, load_structure, tr
from otdesk.ui.live import LiveLabel
from otdesk.ui.agenda import AgendaBar
from otdesk.ui.fields import Binding
from otdesk.ui.form_page import FormPage
from otdesk.ui.intake_page import IntakePage
from otdesk.ui.list_editors import RecordListEditor
from otdesk.ui.phase_page import PhasePage

# wait this long after the last keystroke before saving …
SAVE_DELAY_MS = 300
# … but never let an edit wait longer than this
SAVE_AT_MOST_S = 0.8


class ConsultationEditor(QWidget):
    """Edits one consultation; ``closed`` when the person goes back to the list."""

    back_requested = Signal()

    def __init__(self, runner, lang: str, rules: deadlines.DeadlineRules,
                 summary: QWidget | None = None, parent=None, *, in_steps: bool = False) -> None:
        """With ``in_steps`` the pages are built by :meth:`build_step`, one per call (the
        window does it in idle time); until :meth:`built` the editor must not be used."""
        super().__init__(parent)
        self.runner = runner
        self.summary = summary
        self.experts: list = []  # the active directory (the window keeps it current)
        self.sealed = False
        self._unfilled: set[int] = set()  # pages not showing the loaded consultation yet
        self._page_fields: list | None = None
        self.lang = lang
        self.rules = rules
        self.structure = load_structure()
        self.c: Consultation | None = None
        self.busy = False  # a delivery is under way: the pages stay where they are
        self.recorder = ""  # who records a consent statement: the profile's name, if any
        self._bindings: dict[str, list[Binding]] = {}
        self._lists: dict[str, RecordListEditor] = {}
        self._first_unsaved: float | None = None
        self._save_failed = False  # the last write of this consultation was refused
        self._said: set[tuple[int | None, str]] = set()  # (consultation, what) announced
        self._overdue = False  # the next deadline shown is past
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)
        texts = {"prompts": self.tr("Guiding questions")}

        # header ------------------------------------------------------------------
        self.back_button = QPushButton(self.tr("← &List"))
        self.back_button.setAccessibleName(self.tr("Back to the list"))
        self.back_button.clicked.connect(self.back_requested)
        self.title = LiveLabel(self.tr("Consultation"))
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # the status: a combo box (a popup menu is not in the accessibility tree while it
        # is open); the steps the workflow does not allow from here are there, greyed,
        # with the reason as their tooltip
        self.status_box = QComboBox()
        self.status_box.setAccessibleName(self.tr("Status"))
        self.status_box.activated.connect(self._status_chosen)
        status_label = QLabel(self.tr("Status:"))  # (every letter is taken by a menu or a field)
        status_label.setBuddy(self.status_box)
        self.due_label = LiveLabel(self.tr("Next deadline"))
        self.save_label = LiveLabel(self.tr("Saving"))
        self.save_label.setObjectName("saveState")
        self.problems_label = LiveLabel(self.tr("Missing information"))
        self.problems_label.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.title, 1)
        header.addWidget(self.due_label)
        header.addWidget(status_label)
        header.addWidget(self.status_box)
        header.addWidget(self.save_label)

        # pages ---------------------------------------------------------------------
        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Pages of the consultation"))
        self.nav.setMaximumWidth(210)
        self.pages = QStackedWidget()
        self.phase_ids: list[str] = []
        self.phase_pages: dict[str, PhasePage] = {}
        self._steps = self._build_pages(texts)
        self.sealed_label = LiveLabel(self.tr("Sealed"))
        self.sealed_label.setWordWrap(True)
        self.sealed_label.hide()
        self.nav.currentRowChanged.connect(self._show_page)

        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.pages, 1)
        self.agenda = AgendaBar(self.structure, lang)
        self.agenda.phase_clicked.connect(self.show_phase)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.sealed_label)
        layout.addWidget(self.problems_label)
        layout.addLayout(body, 1)
        layout.addWidget(self.agenda)

        # keyboard: Ctrl+1 … Ctrl+9 for the pages, Ctrl+PgDown / PgUp to move on and back
        for i in range(len(self.structure.agenda) + 2 + (summary is not None)):
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self, lambda i=i: self.show_page(i))
        QShortcut(QKeySequence("Ctrl+PgDown"), self,
                  lambda: self.show_page(min(self.nav.currentRow() + 1, self.nav.count() - 1)))
        QShortcut(QKeySequence("Ctrl+PgUp"), self,
                  lambda: self.show_page(max(self.nav.currentRow() - 1, 0)))
        QShortcut(QKeySequence("Ctrl+S"), self, self.save_now)  # habit: harmless, saves now
        if not in_steps:
            self.finish_building()

    # -- building -------------------------------------------------------------------

    def _build_pages(self, texts: dict):
        """The pages in order, one per step: request, each phase, close-out, summary."""
        self.intake = IntakePage(self.lang, self._bind_field, self._bind_list)
        self._add_page(tr(self.intake.form.title, self.lang), self.intake,
                       self.intake.requester_name, "request")
        yield
        for phase in self.structure.agenda:
            page = PhasePage(phase, self.lang, self._bind_field, self._bind_list, texts)
            self.phase_pages[phase.id] = page
            self._add_page(tr(phase.title, self.lang), page, page.first_input, phase.id)
            yield
        self.closeout = FormPage(self.structure.closeout, self.lang, self._bind_field,
                                 self._bind_list)
        self.reason_label = QLabel()  # why a request was declined or redirected
        self.reason_label.setWordWrap(True)
        self.closeout.layout_.insertWidget(self.closeout.layout_.count() - 1, self.reason_label)
        self._add_page(tr(self.structure.closeout.title, self.lang), self.closeout,
                       self.closeout.first_input, "closeout")
        summary = self.summary
        if summary is not None:
            self._add_page(self.tr("Summary"), summary, summary.print_button, "summary")
            summary.changed.connect(self.reload_from_vault)
            summary.busy_changed.connect(self.set_busy)
            summary.go_to_field.connect(self.go_to_field)

    def build_step(self) -> bool:
        """Build the next page; False once every page is built."""
        if self._steps is None:
            return False
        try:
            next(self._steps)
        except StopIteration:
            self._steps = None
            return False
        return True

    def built(self) -> bool:
        return self._steps is None

    def finish_building(self) -> None:
        while self.build_step():
            pass

    def _add_page(self, title: str, page: QWidget, first_input: QWidget | None,
                  page_id: str) -> None:
        self.phase_ids.append(page_id)
        number = self.nav.count() + 1
        self.nav.addItem(f"{number}  {title}")
        self.pages.addWidget(page)
        page.setProperty("first_input", first_input)

    def _bind_key(self, key: str, binding: Binding) -> None:
        binding.on_edit = lambda value, key=key, b=binding: self.edit(key, value, b)
        self._bindings.setdefault(key, []).append(binding)

    def _bind_field(self, field: Field, binding: Binding) -> None:
        self._bind_key(field.key, binding)

    def _bind_list(self, field: Field, editor: RecordListEditor) -> None:
        editor.on_edit = lambda items, key=field.key: self.edit(key, items, None)
        self._lists[field.key] = editor

    # -- showing a consultation --------------------------------------------------------

    def load(self, consultation: Consultation, sealed: bool = False) -> None:
        self.c = consultation
        self.sealed = sealed
        self._first_unsaved = None
        self._unfilled = set(range(self.pages.count()))  # filled as they are shown
        self._refresh_experts()
        self._refresh_header()
        self.intake.show_identified(not consultation.anonymous)
        self._apply_seal()
        self.save_label.setText(self.tr("Saved"))
        self.show_page(0)

    def _fill_page(self, index: int) -> None:
        """Show the consultation's values on page ``index``, the first time it is shown
        after a load: opening a consultation fills one page, not every page."""
        if self.c is None or index not in self._unfilled:
            return
        self._unfilled.discard(index)
        if self._page_fields is None:  # which fields are on which page (once)
            self._page_fields = [([], []) for _ in range(self.pages.count())]
            for i in range(self.pages.count()):
                page = self.pages.widget(i)
                for key, bindings in self._bindings.items():
                    self._page_fields[i][0].extend(
                        (key, b) for b in bindings if page.isAncestorOf(b.widget))
                self._page_fields[i][1].extend(
                    (key, e) for key, e in self._lists.items() if page.isAncestorOf(e))
        bindings, lists = self._page_fields[index]
        for key, b in bindings:
            b.load(FieldPath(key).get(self.c))
        for key, editor in lists:
            editor.load(FieldPath(key).get(self.c))

    def reload_from_vault(self, consultation_id: int) -> None:
        """The consultation changed outside the editor (a delivery, an addendum)."""
        if self.c is None or self.c.id != consultation_id:
            return
        self.runner.read(lambda store: (store.repository.get(consultation_id),
                                        store.repository.is_sealed(consultation_id)),
                         lambda found: self._reloaded(consultation_id, *found),
                         lambda exc: self.problems_label.setText(exc.message(self.lang)))

    def _reloaded(self, consultation_id: int, consultation: Consultation, sealed: bool) -> None:
        if self.c is None or self.c.id != consultation_id:
            return  # another consultation was opened meanwhile
        page = self.nav.currentRow()
        self.load(consultation, sealed)
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(page)
        self.pages.setCurrentIndex(page)
        self.nav.blockSignals(False)
        self._fill_page(page)

    def _apply_seal(self) -> None:
        """Once a summary is delivered, only status, feedback and addenda change."""
        sealed = self.sealed
        for key, bindings in self._bindings.items():
            frozen = sealed and key.split(".")[0] not in domain.UNSEALED_FIELDS
            for b in bindings:
                b.widget.setEnabled(not frozen)
        for editor in self._lists.values():
            editor.setEnabled(not sealed)
        self.sealed_label.setVisible(sealed)
        self.sealed_label.setText(self.tr(
            "The summary has been delivered and the record is sealed. Write later changes as "
            "dated addenda on the Summary page."))
        self._say_once(self.sealed_label, "sealed", sealed)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Opened while hidden: what is announced on opening is said now."""
        super().showEvent(event)
        if self.c is not None:
            self._say_once(self.due_label, self.due_label.text(), self._overdue)
            self._say_once(self.sealed_label, "sealed", self.sealed)

    def _say_once(self, label: LiveLabel, what: str, now: bool) -> None:
        """Announce ``label`` when ``what`` (an overdue deadline, the seal) has come true
        for the consultation shown, once: not again at every refresh."""
        key = (self.c.id if self.c is not None else None, what)
        if now and key not in self._said:
            if label.announce():
                self._said.add(key)
        elif not now:
            self._said.discard(key)

    def set_busy(self, busy: bool) -> None:
        """While a delivery runs, the consultant stays on the Summary page."""
        self.busy = busy
        self.nav.setEnabled(not busy)
        self.back_button.setEnabled(not busy)
        self.status_box.setEnabled(not busy)

    def go_to_field(self, key: str) -> None:
        """Show the page holding the field ``key`` (``plan.steps.2.action`` → the plan's
        steps) and put the cursor in it."""
        parts = key.split(".")
        widget = None
        for n in range(len(parts), 0, -1):
            prefix = ".".join(parts[:n])
            if prefix in self._bindings:
                widget = self._bindings[prefix][0].widget
                break
            if prefix in self._lists:
                widget = self._lists[prefix]
                break
        if widget is None:
            return
        if key.startswith("consent.") or key == "client_description":
            self.intake.show_identified(True)
        for index in range(self.pages.count()):
            if self.pages.widget(index).isAncestorOf(widget):
                self.show_page(index)
                break
        widget.setFocus()
        scroller = self.pages.currentWidget()
        if hasattr(scroller, "ensureWidgetVisible"):  # once the page is laid out
            QTimer.singleShot(0, lambda: scroller.ensureWidgetVisible(widget, 50, 200))

    def show_page(self, index: int) -> None:
        if self.busy:
            return
        if index == self.nav.currentRow():
            self._show_page(index)  # the same page again: still put the cursor in it
        else:
            self.nav.setCurrentRow(index)

    def show_phase(self, phase_id: str) -> None:
        ids = [p.id for p in self.structure.agenda]
        self.show_page(1 + ids.index(phase_id))

    def _show_page(self, index: int) -> None:
        if index < 0:
            return
        self._fill_page(index)
        self.pages.setCurrentIndex(index)
        page = self.pages.widget(index)
        first = page.property("first_input")
        if isinstance(page, PhasePage):
            self.agenda.set_current(page.phase.id)
        else:
            self.agenda.set_current(None)
        if page is self.summary and self.c is not None:
            self.save_now()  # the summary is rendered on the writer after this edit
            self.summary.show_consultation(self.c)
        if first is not None and self.isVisible():
            first.setFocus()

    def current_page_title(self) -> str:
        return self.nav.currentItem().text() if self.nav.currentItem() else ""

    # -- edits and saving ------------------------------------------------------------------

    def edit(self, key: str, value, source: Binding | None) -> None:
        if self.c is None:
            return
        if key == "anonymous" and value and self.c.client_description.strip():
            if not self._confirm_anonymous():
                self._reload_key("anonymous")
                return
            self.c.client_description = ""
            self._reload_key("client_description")
        FieldPath(key).set(self.c, value)
        if key.startswith("consent.") and key != "consent.recorded_by" \
                and not self.c.consent.recorded_by and self.recorder:
            self.c.consent.recorded_by = self.recorder  # who wrote the statement down
            self._reload_key("consent.recorded_by")
        for other in self._bindings.get(key, ()):  # the same value shown elsewhere
            if other is not source:
                other.load(value)
        if key == "anonymous":
            self.intake.show_identified(not value)
        affected = self.structure.affected_by(key)
        if "experts" in affected:
            self._refresh_experts()
        if "header" in affected:
            self._refresh_header()
        self._changed()

    def _reload_key(self, key: str) -> None:
        for b in self._bindings.get(key, ()):
            b.load(FieldPath(key).get(self.c))

    def _confirm_anonymous(self) -> bool:
        answer = QMessageBox.question(
            self, "OT Desk",
            self.tr("An anonymous consultation keeps no identifying details. Remove the "
                    "client's details that were written down?"))
        return answer == QMessageBox.StandardButton.Yes

    def _changed(self) -> None:
        now = time.monotonic()
        if self._first_unsaved is None:
            self._first_unsaved = now
            self.save_label.setText(self.tr("Saving…"))
        if now - self._first_unsaved >= SAVE_AT_MOST_S:
            self.save_now()
        else:
            self._save_timer.start()

    def save_now(self) -> None:
        self._save_timer.stop()
        if self.c is None or self._first_unsaved is None:
            return
        self._first_unsaved = None
        self.runner.submit(self.c)

    def on_saved(self, snapshot: Consultation) -> None:
        if self.c is not None and snapshot.id == self.c.id and self._first_unsaved is None:
            stamp = snapshot.updated_at.astimezone().strftime("%H.%M.%S")
            failed_before = self._save_failed
            self._save_failed = False
            self.save_label.setText(self.tr("Saved %1").replace("%1", stamp))
            if failed_before:  # (what matters: stored again after a failure)
                self.save_label.announce()

    def on_failed(self, consultation_id: int, error: UserError) -> None:
        if self.c is not None and consultation_id == self.c.id:
            self.save_label.setText(self.tr("NOT SAVED — trying again"))
            if not self._save_failed:  # (said once, not at every retry)
                self._save_failed = True
                self.save_label.announce()
            self.save_label.setToolTip(error.message(self.lang))
            self.problems_label.setText(error.message(self.lang))

    # -- header: title, deadlines, status ----------------------------------------------------

    def _refresh_header(self) -> None:
        c = self.c
        org = c.requester.organisation or self.tr("(organisation not given)")
        self.title.setText(f"<b>{c.reference}</b> · {org}")
        self._fill_statuses()
        due = deadlines.next_due_for(c, self.rules)
        words = {"intake": self.tr("intake due"), "preparation": self.tr("preparation due"),
                 "session": self.tr("session"), "follow_up": self.tr("follow-up")}
        if due is None:
            self._overdue = False
            self.due_label.setText("")
        else:
            text = f"{words[due.what]} {dates.day_text(due.date)}"
            overdue = deadlines.is_overdue(due.date, dates.today())
            if overdue:
                text = "⚠ " + self.tr("OVERDUE") + ": " + text
                self.due_label.setStyleSheet("font-weight: bold")
            else:
                self.due_label.setStyleSheet("")
            self.due_label.setText(text)
            self._overdue = overdue
            self._say_once(self.due_label, text, overdue)
        received = dates.local_day(c.received_at) if c.received_at else None
        parts = []
        if received:
            intake = deadlines.intake_due(received, self.rules)
            parts.append(self.tr("Intake due %1").replace("%1", dates.day_text(intake)))
            prep = deadlines.preparation_due(c.intake_date, received, self.rules)
            parts.append(self.tr("preparation due %1").replace("%1", dates.day_text(prep)))
        self.intake.deadline_label.setText(" · ".join(parts))
        problems = [p.message(self.lang) for p in c.problems()]
        self.problems_label.setText(" ".join(problems))
        self.problems_label.setVisible(bool(problems))
        reason = c.status_reason if c.status in domain.REASONED_STATUSES else ""
        self.reason_label.setText(self.tr("Reason: %1").replace("%1", reason) if reason else "")

    def _fill_statuses(self) -> None:
        """Every status, the current one chosen; those the workflow does not allow from
        it greyed, each with the reason."""
        box, current = self.status_box, self.c.status
        allowed = domain.TRANSITIONS.get(current, ())
        blocker = QSignalBlocker(box)
        box.clear()
        for status in domain.STATUSES:
            box.addItem(vocabulary.label("statuses", status, self.lang), status)
            item = box.model().item(box.count() - 1)
            if status == current:
                continue
            by_hand = status != domain.DELIVERED_STATUS
            item.setEnabled(status in allowed and by_hand)
            if status in allowed and not by_hand:
                item.setToolTip(UserError("error.status_by_delivery").message(self.lang))
            elif status not in allowed:
                item.setToolTip(UserError(
                    "error.status_transition",
                    current=vocabulary.label("statuses", current, self.lang),
                    new=vocabulary.label("statuses", status, self.lang)).message(self.lang))
        box.setCurrentIndex(box.findData(current))
        del blocker

    def _status_chosen(self, index: int) -> None:
        new = self.status_box.itemData(index)
        if self.c is not None and new != self.c.status and not self.change_status(new):
            self._fill_statuses()  # refused or cancelled: the status as it is

    def change_status(self, new: str, reason: str | None = None) -> bool:
        """Move along the workflow; an invalid step is refused with the reason shown."""
        if new in domain.REASONED_STATUSES and reason is None:
            reason, ok = QInputDialog.getMultiLineText(
                self, "OT Desk", self.tr("Why is the request declined?")
                if new == "declined" else self.tr("Why is the request redirected?"))
            if not ok:
                return False
        try:
            changed = self.c.move_to(new, reason or "")
        except UserError as exc:
            names = {k: vocabulary.label("statuses", v, self.lang)
                     for k, v in exc.params.items() if k in ("current", "new")}
            QMessageBox.warning(self, "OT Desk", UserError(exc.key, **{**exc.params, **names})
                                .message(self.lang))
            return False
        for key in changed:
            self._reload_key(key)
        self._refresh_header()
        self._first_unsaved = self._first_unsaved or time.monotonic()
        self.save_now()
        if self.summary is not None and self.pages.currentWidget() is self.summary:
            self.summary.show_consultation(self.c)  # what may be delivered has changed
        return True

    # -- experts ------------------------------------------------------------------------

    def set_experts(self, experts: list) -> None:
        """The directory changed (or was read at start)."""
        self.experts = experts
        self._refresh_experts()

    def _refresh_experts(self) -> None:
        if self.c is None:
            return
        from otdesk.storage.experts import suggest

        self.intake.experts.show_directory(self.experts, suggest(self.experts,
                                                                 self.c.categories))
        self.intake.experts.load(self.c.experts)

