"""Saving from the app to a file the user picks (the Keys tab's own key, a copy of
an attached file): a vault's file, by name or by a link, is refused with a message
and left alone; an existing file is replaced only after one question, whose
default is No. Qt's own overwrite question is off, so the user is asked once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.domain.enums import PeerRole, Role
from app.services.admin import audit
from app.services.exchange import keys
from app.services.records import attachments
from app.ui import i18n
from app.ui.main_window import MainWindow
from app.ui.save_file import confirm_replace
from tests.helpers import factory
from tests.helpers.boxes import RETURN, answering, shown_error
from tests.packages.conftest import PNG, open_party
from tests.ui.test_packages_page import packages_page, show_tab

OLD = b"a file the user keeps\n"


class Picker:
    """Stands in for the file dialog: returns the path set, records the options."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.path = Path()
        self.options: list[object] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self)

    def __call__(self, *args: object, **kwargs: object) -> tuple[str, str]:
        self.options.append(args[5] if len(args) > 5 else kwargs.get("options"))
        return str(self.path), ""


def _links(tmp_path: Path, target: Path) -> list[Path]:
    symlink = tmp_path / f"sym-{target.name}"
    symlink.symlink_to(target)
    hard = tmp_path / f"hard-{target.name}"
    os.link(target, hard)
    return [target, symlink, hard]


def test_the_keys_tab_refuses_a_vault_file_and_asks_before_replacing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = window.session.vault.paths.root
    page = packages_page(qtbot, window)
    show_tab(qtbot, page, 3)
    save = page.keys.findChild(QPushButton, "saveOwnKey")
    picker = Picker(monkeypatch)
    for target in [*_links(tmp_path, root / "vault.header"), *_links(tmp_path, root / "vault.db")]:
        before = (root / target.name.split("-", 1)[-1]).read_bytes()
        picker.path = target
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        error = shown_error()
        assert "nothing was written" in error.text(), error.text()
        error.close()
        assert (root / target.name.split("-", 1)[-1]).read_bytes() == before
    # Qt would ask too; ours is the only question.
    assert picker.options
    assert all(o == QFileDialog.Option.DontConfirmOverwrite for o in picker.options)

    mine = tmp_path / "mine.veldboek-key"
    mine.write_bytes(OLD)
    picker.path = mine
    with answering(RETURN) as asked:  # Return takes the default: No
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert asked.names == ["replaceFileBox"]
    assert "mine.veldboek-key already exists" in asked.texts[0]
    assert mine.read_bytes() == OLD
    with answering("Yes"):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert mine.read_bytes().startswith(b'{"created_at"')
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_saving_an_attached_file_refuses_a_vault_file_and_asks_before_replacing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, scope = window.session.vault, window.session.scope
    root = vault.paths.root
    source = factory.source(vault, scope, "KOPIE")
    debrief_id = factory.debrief(vault, scope, source)
    attachments.add_attachment(vault, scope, debrief_id, "brief.png", PNG)
    window.open_debrief(debrief_id)
    box = window.debrief_page.files
    box.table.view.selectRow(0)
    picker = Picker(monkeypatch)

    def saves() -> int:
        return [e.action for e in audit.recent_events(vault, scope)].count("attachment.saved")

    for target in _links(tmp_path, root / "vault.db"):
        before = (root / "vault.db").read_bytes()
        picker.path = target
        with answering("Save"):  # the warning that the copy is not encrypted
            qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
        error = shown_error()
        assert "nothing was written" in error.text(), error.text()
        error.close()
        assert (root / "vault.db").read_bytes() == before
    assert saves() == 0  # refused before the file was read out of the vault

    existing = tmp_path / "brief.png"
    existing.write_bytes(OLD)
    picker.path = existing
    with answering("Save", "No") as asked:
        qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert asked.names[1] == "replaceFileBox"
    assert "brief.png already exists" in asked.texts[1]
    assert existing.read_bytes() == OLD
    assert saves() == 0
    with answering("Save", "Yes"):
        qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert existing.read_bytes() == PNG
    assert saves() == 1


def test_the_replace_question_speaks_dutch_in_the_dutch_interface(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Its texts reach the translation (a text passed through a variable would not)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = i18n.install(app, "nl")
    parent = QWidget()
    qtbot.addWidget(parent)
    try:
        with answering(RETURN) as asked:
            assert not confirm_replace(parent, tmp_path / "rapport.pdf", "Opslaan")
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale("en_US"))
    title, question, folder = asked.texts[0].split("\n")
    assert (title, question) == ("Opslaan", "rapport.pdf bestaat al. Vervangen?")
    assert folder == f"Map: {tmp_path}"


def test_exporting_into_the_vault_folder_is_refused_in_a_message_box(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """As saving a PDF there is: a box that says so, not only the status line under
    the table (easily missed); nothing is written into the vault's folder."""
    vault, scope = window.session.vault, window.session.scope
    handler = open_party(tmp_path / "handler-vault", "Havik", Role.HANDLER)
    bundle = keys.own_bundle(handler.vault, "Havik", PeerRole.HANDLER)
    handler.vault.lock()
    keys.add_peer(
        vault, scope, bundle, role=PeerRole.HANDLER, confirmed_spoken=bundle.fingerprint.spoken
    )
    factory.debrief(vault, scope, factory.source(vault, scope, "UITVOER"), submit=True)
    root = vault.paths.root
    before = sorted(p.name for p in root.iterdir())
    page = packages_page(qtbot, window)
    show_tab(qtbot, page, 0)
    send = page.send
    qtbot.waitUntil(lambda: send.plan is not None and send.export_new.isEnabled())
    monkeypatch.setattr("app.ui.packages.send_tab.choose_folder", lambda *_a: root)
    qtbot.mouseClick(send.export_new, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(visible_errors()), timeout=20_000)
    error = shown_error()
    assert "vault folder" in error.text()
    assert "nothing was written" in error.text()
    assert error.windowTitle() == "Nothing was written"
    error.close()
    assert sorted(p.name for p in root.iterdir()) == before


def visible_errors() -> list[QWidget]:
    return [
        w for w in QApplication.topLevelWidgets() if w.objectName() == "errorBox" and w.isVisible()
    ]
