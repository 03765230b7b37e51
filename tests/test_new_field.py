"""Adding a field is one entry in templates/structure.toml and one attribute in
otdesk/core/domain.py: shown by changing only those two files, in a copy of the
package, and driving the copy as a consultant would.

The copy gets a text field on the request page (the requester's referral number,
printed in the summary's details) and a number field in the situation phase (children
in the family).  Its own test, run in a fresh process on the copy, types into both,
and then looks at what the vault stored, what search finds and what the PDF says."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

REQUEST_FIELD = '''
[[request.groups.fields]]
key = "requester.referral"
kind = "line"
label = { fi = "Lähete&numero", sv = "Remiss&nummer", en = "Referral &number" }
summary = true
'''
PHASE_FIELD = '''
[[phases.fields]]
key = "situation.children"
label = { fi = "Lapsia perheessä", sv = "Barn i familjen", en = "Children in the family" }
range = [1, 20]
[phases.fields.prompts]
fi = ["Montako lasta perheessä on?"]
sv = ["Hur många barn finns i familjen?"]
en = ["How many children are in the family?"]
'''

CHILD_TEST = '''
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pypdf import PdfReader
import io

from conftest import close_window, wait_for_editor
from otdesk.summary import render_summary
from otdesk.ui.main_window import MainWindow


def widget(root, name):
    QApplication.processEvents()
    found = [w for w in root.findChildren(QWidget) if w.accessibleName() == name]
    assert len(found) == 1, (name, len(found))
    return found[0]


def test_the_new_fields_appear_save_search_and_print(qtbot, vault):
    window = MainWindow(vault, lang="en")
    qtbot.addWidget(window, before_close_func=lambda w: w._closed or close_window(qtbot, w))
    window.show()
    qtbot.waitExposed(window)
    qtbot.mouseClick(window.list.new_button, Qt.MouseButton.LeftButton)
    wait_for_editor(qtbot, window)
    editor = window.editor
    cid = editor.c.id
    referral = widget(editor, "Referral number")
    referral.setFocus()
    qtbot.keyClicks(referral, "RX-4471")
    qtbot.keyClick(editor, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # Situation
    children = widget(editor, "Children in the family")
    assert children.isVisible()
    children.setFocus()
    for _ in range(3):  # from "not given" up to 3
        qtbot.keyClick(children, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: editor.save_label.text().startswith("Saved "), timeout=3000)
    assert window.writer.flush()

    stored = vault.repository.get(cid)
    assert stored.requester.referral == "RX-4471"
    assert stored.situation.children == 3
    assert cid in vault.repository.search_ids("RX-4471")
    pdf = render_summary(stored, "en")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Referral number" in text and "RX-4471" in text
    assert "Children in the family" in text
'''


def _copy_with_new_fields(target: Path) -> None:
    shutil.copytree(ROOT / "otdesk", target / "otdesk",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "tests" / "conftest.py", target / "conftest.py")
    domain = target / "otdesk" / "core" / "domain.py"
    text = domain.read_text("utf-8")
    for cls, line in (("Requester", '    referral: str = ""\n'),
                      ("Situation", "    children: int | None = None\n")):
        head = f"class {cls}:\n"
        assert text.count(head) == 1
        start = text.index(head) + len(head)
        if text[start:].startswith('    """'):  # after its docstring
            start = text.index('"""', start + 7) + 4
        text = text[:start] + line + text[start:]
    domain.write_text(text, "utf-8")
    structure = target / "otdesk" / "templates" / "structure.toml"
    text = structure.read_text("utf-8")
    for before, entry in (('[[request.groups.fields]]\nkey = "requester.organisation"',
                           REQUEST_FIELD),
                          ('[[phases.fields]]\nkey = "situation.scale"', PHASE_FIELD)):
        assert text.count(before) == 1
        text = text.replace(before, entry.lstrip("\n") + "\n" + before)
    structure.write_text(text, "utf-8")
    (target / "test_child.py").write_text(CHILD_TEST, "utf-8")


def test_a_new_request_field_and_a_new_phase_field_need_only_the_template_and_the_domain(
        tmp_path):
    _copy_with_new_fields(tmp_path)
    changed = sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / "otdesk").rglob("*")
                     if p.is_file() and p.read_bytes() !=
                     (ROOT / p.relative_to(tmp_path)).read_bytes())
    assert changed == ["otdesk/core/domain.py", "otdesk/templates/structure.toml"]
    env = dict(os.environ, PYTHONPATH=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir",
         str(tmp_path), str(tmp_path / "test_child.py")],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "1 passed" in result.stdout
