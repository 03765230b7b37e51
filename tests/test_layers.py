"""The layers the build enforces, beyond import-linter's contracts (pyproject.toml,
checked by `make test` with lint-imports): import-linter sees only root packages
outside OT Desk, so it cannot tell PySide6.QtWidgets from PySide6.QtCore.  Nothing
outside otdesk/ui/ may import QtWidgets (the core, storage, the summary and the
command line run where there is no display)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "otdesk"


def _widget_imports(path: Path) -> list[int]:
    """The lines of ``path`` that import PySide6.QtWidgets (in any spelling)."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            if any(a.name.startswith("PySide6.QtWidgets") for a in node.names):
                lines.append(node.lineno)
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("PySide6.QtWidgets") or (
                    node.module == "PySide6" and any(a.name == "QtWidgets" for a in node.names)):
                lines.append(node.lineno)
    return lines


def test_nothing_outside_the_ui_imports_qtwidgets():
    found = {str(p.relative_to(PACKAGE)): lines
             for p in sorted(PACKAGE.rglob("*.py"))
             if PACKAGE / "ui" not in p.parents and (lines := _widget_imports(p))}
    assert found == {}


def test_the_check_sees_every_spelling(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import PySide6.QtWidgets\nfrom PySide6 import QtWidgets\n"
                      "def f():\n    from PySide6.QtWidgets import QLabel\n"
                      "from PySide6.QtCore import Qt\n", "utf-8")
    assert _widget_imports(sample) == [1, 2, 4]
