"""The request page: who asks, what, how urgently, anonymous or with consent, and who helps.

Built for logging a phone call in a minute: the fields (``[request]`` in
``templates/structure.toml``) are in the order a caller gives them, and Tab goes
through them in that order.  Above them, the request's deadlines.
"""

from __future__ import annotations

from collections.abc import Callable

from otdesk.core.structure import Field, load_structure
from otdesk.ui.live import LiveLabel
from otdesk.ui.fields import Binding
from otdesk.ui.form_page import FormPage
from otdesk.ui.list_editors import RecordListEditor


class IntakePage(FormPage):
    """The request, as logged when it arrives."""

    def __init__(self, lang: str, bind: Callable[[Field, Binding], None],
                 bind_list: Callable[[Field, RecordListEditor], None]) -> None:
        super().__init__(load_structure().request, lang, bind, bind_list)
        self.deadline_label = LiveLabel(self.tr("Deadlines"))
        self.deadline_label.setWordWrap(True)
        self.layout_.insertWidget(1, self.deadline_label)
        self.requester_name = self.inputs["requester.name"].widget
        self.experts = self.inputs["experts"]
        self.anonymity = self.inputs["anonymous"]

    def show_identified(self, identified: bool) -> None:
        self.show_when("identified", identified)
