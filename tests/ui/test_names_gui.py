"""Names typed in the GUI meet the same rule as everywhere (app/domain/names.py):
the first-run wizard says what is wrong as the alias is typed; the source form and
the key dialog refuse, and keep the dialog open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QWizard
from pytestqt.qtbot import QtBot

from app.domain.enums import PeerRole, Role
from app.services.exchange import keys
from app.ui.controller import AppController
from app.ui.dialogs.source_form import SourceDialog
from app.ui.main_window import MainWindow
from app.ui.packages.key_dialog import AddKeyDialog
from app.vault.vault import Vault
from tests.helpers import factory
from tests.ui.test_screens import active_dialog, click, sources_page


def paste(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Put ``text`` in the field as a user would who copied it from elsewhere (a
    message, a web page): QTest types only ASCII, and names that spoof arrive so."""
    QGuiApplication.clipboard().setText(text)
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert text in edit.text()


def test_first_run_wizard_says_why_an_alias_cannot_be_used(qtbot: QtBot, tmp_path: Path) -> None:
    QApplication.instance().setQuitOnLastWindowClosed(False)  # type: ignore[union-attr]
    controller = AppController(tmp_path / "new", kdf_target_seconds=0.05)
    controller.start()
    wizard = controller.wizard
    assert wizard is not None
    qtbot.addWidget(wizard)
    page = wizard.alias_page
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    paste(qtbot, page.alias, "Va\u202elk")  # a right-to-left override: shows "Vakl"
    assert not next_button.isEnabled()
    assert "U+202E" in page.alias_hint.text()
    assert "cannot be shown safely" in page.alias_hint.text()
    page.alias.clear()
    qtbot.keyClicks(page.alias, "Merel")
    assert page.alias_hint.text() == ""
    assert next_button.isEnabled()
    wizard.close()


def test_source_form_refuses_a_codename_that_is_an_alias_in_another_case(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = sources_page(window)
    click(qtbot, page.findChild(type(page.file_view.edit_button), "newSource"))
    dialog = active_dialog(SourceDialog)
    assert isinstance(dialog, SourceDialog)
    qtbot.keyClicks(dialog.codename, "valk")  # the demo's runner is Valk
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    assert "already in use" in dialog.error.text()
    assert dialog.isVisible()
    dialog.codename.clear()
    paste(qtbot, dialog.codename, "ME\x1bREL")
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    assert "U+001B" in dialog.error.text()
    assert dialog.isVisible()
    dialog.reject()


def test_key_dialog_refuses_an_invisible_character_in_the_name(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    other = factory.make_vault(tmp_path / "havik", alias="Havik", role=Role.HANDLER)
    with Vault.open(other, factory.PASSPHRASE) as theirs:
        data = keys.bundle_bytes(theirs, keys.own_bundle(theirs, "Havik", PeerRole.HANDLER))
    bundle = keys.read_bundle(data)
    vault = window.session.vault
    dialog = AddKeyDialog(vault, window.session.scope, bundle, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.clear()
    paste(qtbot, dialog.name, "Ha\u200bvik")  # zero-width space: two names look alike
    qtbot.keyClicks(dialog.spoken, bundle.fingerprint.spoken)
    qtbot.keyClick(dialog.spoken, Qt.Key.Key_Return)
    assert "U+200B" in dialog.error.text()
    assert dialog.isVisible()
    assert keys.list_peers(vault) == []
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Havik")
    qtbot.keyClick(dialog.spoken, Qt.Key.Key_Return)
    assert [p.name for p in keys.list_peers(vault)] == ["Havik"]
