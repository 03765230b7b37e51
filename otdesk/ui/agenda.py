"""The session aid: the agenda with time per phase, and a quiet session clock.

One slim line under the editor: each phase with its minutes (the current page
in bold), the time since the session started, and where the plan says the
session should be by now.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from otdesk.core.structure import Structure, tr
from otdesk.ui.live import LiveLabel


class AgendaBar(QFrame):
    phase_clicked = Signal(str)

    def __init__(self, structure: Structure, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.structure = structure
        self.lang = lang
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Session agenda"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        self.buttons: dict[str, QPushButton] = {}
        for phase in structure.agenda:
            text = f"{tr(phase.title, lang)} {phase.minutes} min"
            button = QPushButton(text)
            button.setFlat(True)
            button.setAccessibleName(text)
            button.clicked.connect(lambda checked=False, p=phase.id: self.phase_clicked.emit(p))
            layout.addWidget(button)
            self.buttons[phase.id] = button
        layout.addStretch(1)
        self.total = QLabel(self.tr("in all %1 min").replace("%1",
                                                            str(structure.total_minutes)))
        self.clock = LiveLabel(self.tr("Session clock"))
        self.clock.setWordWrap(True)  # (a long phase name takes two lines, not a wider window)
        self.start_button = QPushButton(self.tr("Start session clock"))
        self.start_button.clicked.connect(self.toggle)
        layout.addWidget(self.total)
        layout.addWidget(self.clock)
        layout.addWidget(self.start_button)
        self._started: float | None = None
        self._phase_said: str | None = None  # the planned phase last announced
        self._timer = QTimer(self, interval=1000)
        self._timer.timeout.connect(self._tick)

    def set_current(self, phase_id: str | None) -> None:
        for pid, button in self.buttons.items():
            font = button.font()
            font.setBold(pid == phase_id)
            button.setFont(font)

    def toggle(self) -> None:
        if self._started is None:
            self._started = time.monotonic()
            self._timer.start()
            self.start_button.setText(self.tr("Stop session clock"))
            self._phase_said = None
            self._tick()
        else:
            self._started = None
            self._timer.stop()
            self.clock.setText("")
            self.start_button.setText(self.tr("Start session clock"))

    def elapsed_minutes(self) -> float:
        return 0.0 if self._started is None else (time.monotonic() - self._started) / 60

    def planned_phase(self, minutes: float) -> str:
        """Where the agenda says the session should be after ``minutes``."""
        end = 0
        for phase in self.structure.agenda:
            end += phase.minutes
            if minutes < end:
                return phase.id
        return self.structure.agenda[-1].id

    def _tick(self) -> None:
        minutes = self.elapsed_minutes()
        phase = self.structure.phase(self.planned_phase(minutes))
        m, s = divmod(int(minutes * 60), 60)
        self.clock.setText(self.tr("%1 — by the plan now: %2").replace(
            "%1", f"{m}:{s:02d}").replace("%2", tr(phase.title, self.lang)))
        if phase.id != self._phase_said:  # a new phase by the plan: said once
            self._phase_said = phase.id
            self.clock.announce(self.tr("By the plan now: %1").replace(
                "%1", tr(phase.title, self.lang)))
