"""Attached files in the debrief editor: attach while a draft, look at an image
from memory, remove; and the retention rule chosen in Settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app.services.admin import audit
from app.services.admin import settings as vault_settings
from app.services.records import attachments
from app.ui.attachments_box import ImageViewer
from app.ui.main_window import MainWindow
from app.ui.pages.settings import SettingsPage
from tests.helpers import factory
from tests.helpers.boxes import answering, confirm
from tests.packages.conftest import PNG


def test_attach_view_and_remove_a_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "BIJLAGE")
    debrief_id = factory.debrief(vault, scope, source)
    photo = tmp_path / "brief.png"
    photo.write_bytes(PNG)
    window.open_debrief(debrief_id)
    box = window.debrief_page.files
    monkeypatch.setattr(
        "app.ui.attachments_box.QFileDialog.getOpenFileName", lambda *a, **k: (str(photo), "")
    )
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    assert box.table.model.rowCount() == 1
    assert box.table.model.index(0, 1).data() == "image/png"
    box.table.view.selectRow(0)
    qtbot.mouseClick(box.view_button, Qt.MouseButton.LeftButton)
    (viewer,) = box.viewers
    assert isinstance(viewer, ImageViewer)
    pixmap = viewer.picture.pixmap()
    assert (pixmap.width(), pixmap.height()) == (1, 1)
    assert "attachment.viewed" in [e.action for e in audit.recent_events(vault, scope)]
    viewer.close()
    qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    assert "brief.png" in confirm(qtbot, "removeAttachmentConfirm")  # names the file it deletes
    assert box.table.model.rowCount() == 0
    assert attachments.list_attachments(vault, scope, debrief_id) == []


def test_a_submitted_debrief_takes_no_new_files(qtbot: QtBot, window: MainWindow) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "DICHT")
    debrief_id = factory.debrief(vault, scope, source, submit=True)
    window.open_debrief(debrief_id)
    box = window.debrief_page.files
    assert box.add_button.isHidden()
    assert box.remove_button.isHidden()


def test_the_retention_rule_is_chosen_in_settings(qtbot: QtBot, window: MainWindow) -> None:
    page = window.show_page(SettingsPage)
    assert isinstance(page, SettingsPage)
    combo = page.findChild(QComboBox, "retentionCombo")
    assert combo is not None
    assert combo.currentData() == "secure_delete"  # the default leaves no trace
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    assert combo.currentData() == "keep"
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert vault_settings.load(window.session.vault).retention_after_receipt == "keep"


def test_a_name_from_before_the_readers_check_is_shown_plainly_and_suggests_no_folder(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A vault may hold a name a package brought before the reader checked its
    # form: the save dialog is offered its last part, the table shows U+202E as such.
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "OUDNAAM")
    debrief_id = factory.debrief(vault, scope, source)
    attachments.add_attachment(vault, scope, debrief_id, "foto.png", PNG)
    with vault.write() as session:
        session.execute(
            text("UPDATE attachment SET name = :n"), {"n": "../../etc/foto\u202egnp.sh"}
        )
    window.open_debrief(debrief_id)
    box = window.debrief_page.files
    assert "\u202e" not in box.table.model.index(0, 3).data()
    assert "\\u202e" in box.table.model.index(0, 3).data()
    box.table.view.selectRow(0)
    suggested: list[object] = []
    monkeypatch.setattr(
        "app.ui.attachments_box.choose_save_path", lambda *a, **k: suggested.append(a[2])
    )
    with answering("Save"):
        qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert suggested == ["foto" + "gnp.sh"]
