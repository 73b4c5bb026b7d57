"""Vault menu, "Rename alias…" (Ctrl+Shift+R): one of your own aliases whose name
is from before a rule of names gets a new name, the band shows it at once, and a
name the rule refuses is said as it is typed and keeps the dialog open. Only such
aliases are offered; with none, the action says so and opens nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app.services.admin import aliases
from app.ui.dialogs.rename_alias import RenameAliasDialog
from app.ui.main_window import MainWindow
from app.vault.vault import Vault
from tests.helpers import factory
from tests.ui.test_keyboard import active
from tests.ui.test_names_gui import paste
from tests.ui.test_screens import active_dialog, click

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
RAW = {"Valk": "Va\u200blk", "Uil": "U\u202eil"}  # as a vault from before the rule holds them


@pytest.fixture
def old_names(demo_dir: Path) -> Path:
    """The demo vault with two runner aliases named before the rule (the rule is
    not asked), the unlock starting with the first."""
    with Vault.open(demo_dir, factory.PASSPHRASE) as vault, vault.engine().begin() as conn:
        for name, raw in RAW.items():
            conn.exec_driver_sql("UPDATE alias SET name = ? WHERE name = ?", (raw, name))
        conn.exec_driver_sql(
            "UPDATE setting SET value = ? WHERE key = 'last_alias'", (json.dumps(RAW["Valk"]),)
        )
    return demo_dir


def _open(qtbot: QtBot, window: MainWindow) -> RenameAliasDialog:
    active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL_SHIFT)
    dialog = active_dialog(RenameAliasDialog)
    assert isinstance(dialog, RenameAliasDialog)
    return dialog


@pytest.mark.usefixtures("old_names")
def test_rename_alias_renames_the_alias_acted_under(qtbot: QtBot, window: MainWindow) -> None:
    before = window.session.scope
    assert before.alias_name == RAW["Valk"]
    assert "renameAliasAction" in {a.objectName() for a in window.menus["vault"].actions()}
    dialog = _open(qtbot, window)
    # Only the two from before the rule, as they show, with the id export names.
    shown = [dialog.alias.itemText(i) for i in range(dialog.alias.count())]
    assert len(shown) == 2
    assert all("\u200b" not in text and "\u202e" not in text for text in shown)
    assert dialog.alias.currentText() == f"Valk (alias {before.alias_id})"  # acted under
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
    assert [a.name for a in aliases.list_renameable_aliases(vault)] == [RAW["Uil"]]


@pytest.mark.usefixtures("old_names")
def test_rename_alias_renames_another_own_alias_and_cancel_changes_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    acting = window.session.scope
    dialog = _open(qtbot, window)
    qtbot.keyClicks(dialog.name, "Ekster")
    dialog.reject()
    assert [a.name for a in aliases.list_own_aliases(window.session.vault)].count("Ekster") == 0
    dialog = _open(qtbot, window)
    other = next(i for i in range(dialog.alias.count()) if dialog.alias.itemText(i)[:5] == "Uil (")
    dialog.alias.setCurrentIndex(other)
    qtbot.keyClicks(dialog.name, "Ekster")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.session.scope == acting  # still acting as before
    shown = [window.band.switcher.itemText(i) for i in range(window.band.switcher.count())]
    assert "Ekster" in shown
    assert RAW["Uil"] not in shown


def test_with_no_name_from_before_the_rule_rename_says_so(qtbot: QtBot, window: MainWindow) -> None:
    """Every demo alias keeps the rule: the handler knows them by it."""
    active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL_SHIFT)
    assert "only such a name can be renamed" in window.statusBar().currentMessage()
    with pytest.raises(AssertionError, match="no visible RenameAliasDialog"):
        active_dialog(RenameAliasDialog)
