"""Vault menu, "Rename alias…" (Ctrl+Shift+R): one of your own aliases gets a new
name, the band shows it at once, and a name the rule refuses is said as it is
typed and keeps the dialog open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app.services.admin import aliases
from app.ui.dialogs.rename_alias import RenameAliasDialog
from app.ui.main_window import MainWindow
from tests.ui.test_keyboard import active
from tests.ui.test_names_gui import paste
from tests.ui.test_screens import active_dialog, click

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _open(qtbot: QtBot, window: MainWindow) -> RenameAliasDialog:
    active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL_SHIFT)
    dialog = active_dialog(RenameAliasDialog)
    assert isinstance(dialog, RenameAliasDialog)
    return dialog


def test_rename_alias_renames_the_alias_acted_under(qtbot: QtBot, window: MainWindow) -> None:
    before = window.session.scope
    assert "renameAliasAction" in {a.objectName() for a in window.menus["vault"].actions()}
    dialog = _open(qtbot, window)
    assert dialog.alias.currentText() == before.alias_name  # the alias acted under
    qtbot.waitUntil(dialog.alias.hasFocus)  # it opens on the alias; Enter goes on
    qtbot.keyClick(dialog.alias, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.name.hasFocus)
    ok = dialog.findChild(QPushButton, "renameAliasOk")
    paste(qtbot, dialog.name, "Sp\u202eerwer")  # a right-to-left override
    assert "U+202E" in dialog.status.text()
    click(qtbot, ok)
    assert dialog.isVisible()
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Reiger")  # another of the demo's runners
    click(qtbot, ok)
    assert "already" in dialog.status.text()
    assert dialog.isVisible()
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Sperwer")
    assert dialog.status.text() == ""
    click(qtbot, ok)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    scope = window.session.scope
    assert (scope.alias_id, scope.alias_name) == (before.alias_id, "Sperwer")
    assert "<b>Sperwer</b>" in window.band.label.text()
    shown = [window.band.switcher.itemText(i) for i in range(window.band.switcher.count())]
    assert "Sperwer" in shown
    assert before.alias_name not in shown
    assert window.band.switcher.currentText() == "Sperwer"
    assert "Sperwer" in window.statusBar().currentMessage()
    vault = window.session.vault
    assert aliases.resolve_scope(vault, "Sperwer").alias_id == before.alias_id
    assert before.alias_name not in [a.name for a in aliases.list_own_aliases(vault)]


def test_rename_alias_renames_another_own_alias_and_cancel_changes_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    acting = window.session.scope
    dialog = _open(qtbot, window)
    qtbot.keyClicks(dialog.name, "Ekster")
    dialog.reject()
    assert [a.name for a in aliases.list_own_aliases(window.session.vault)].count("Ekster") == 0
    dialog = _open(qtbot, window)
    other = next(i for i in range(dialog.alias.count()) if dialog.alias.itemText(i) == "Uil")
    dialog.alias.setCurrentIndex(other)
    qtbot.keyClicks(dialog.name, "Ekster")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.session.scope == acting  # still acting as before
    shown = [window.band.switcher.itemText(i) for i in range(window.band.switcher.count())]
    assert "Ekster" in shown
    assert "Uil" not in shown
