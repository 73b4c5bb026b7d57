"""No window title names a source: titles reach the taskbar, Alt+Tab, the window
manager's logs and a shared screen. Every dialog a source's file opens (and the
attached-image viewer, whose file name may name one) is opened by its button,
and every visible window's title is checked; the codename is shown inside the
dialog instead."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.services.records import identity
from app.services.views import IdentityFields
from app.ui.main_window import MainWindow
from app.ui.pages.sources import SourcesPage
from app.ui.source_file import SourceFileView
from tests.helpers import factory
from tests.packages.conftest import PNG
from tests.ui.test_panic import window_titles

CODENAME = "KORHOEN"
LEFT = Qt.MouseButton.LeftButton


def open_file(window: MainWindow) -> tuple[uuid.UUID, SourceFileView]:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, CODENAME)
    identity.record_identity(vault, scope, source, IdentityFields(full_name="Jan Linde"))
    window.open_source(source)
    page = window.page(SourcesPage)
    assert isinstance(page, SourcesPage)
    return source, page.file_view


def dialogs_up() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def close_all() -> None:
    for dialog in dialogs_up():
        dialog.reject()


def click(qtbot: QtBot, view: SourceFileView, name: str) -> None:
    """The button ``name`` of the file, on its tab (brought to the front first)."""
    button = view.findChild(QPushButton, name)
    assert button is not None, name
    for index in range(view.tabs.count()):
        tab = view.tabs.widget(index)
        if tab is not None and tab.isAncestorOf(button):
            view.tabs.setCurrentIndex(index)
    assert button.isVisible(), name
    qtbot.mouseClick(button, LEFT)


def shown_codename(dialog: QWidget) -> bool:
    return any(label.text() == CODENAME for label in dialog.findChildren(QLabel))


BUTTONS = (
    "editSource",
    "revealIdentity",
    "recordIdentity",  # a recorded identity: first the question whether to replace it
    "handOverSource",
    "closeRegistration",
    "newContact",
    "newTasking",
    "newPayment",
    "newRisk",
    "newInstruction",
    "newReliability",
)


@pytest.fixture
def file_view(window: MainWindow) -> Iterator[SourceFileView]:
    _source, view = open_file(window)
    yield view
    close_all()


@pytest.mark.parametrize("button", BUTTONS)
def test_no_dialog_of_a_source_names_it_in_its_title(
    qtbot: QtBot, window: MainWindow, file_view: SourceFileView, button: str
) -> None:
    assert window.windowTitle() == "Veldboek"
    click(qtbot, file_view, button)
    qtbot.waitUntil(lambda: bool(dialogs_up()), timeout=5_000)
    titles = window_titles()
    assert len(titles) >= 2  # the window and the dialog
    assert all(CODENAME not in title.upper() for title in titles), titles
    assert all(dialog.windowTitle() for dialog in dialogs_up())  # a title, a generic one


@pytest.mark.parametrize("button", ["revealIdentity", "newContact", "handOverSource"])
def test_the_dialog_names_its_source_inside(
    qtbot: QtBot, window: MainWindow, file_view: SourceFileView, button: str
) -> None:
    click(qtbot, file_view, button)
    qtbot.waitUntil(lambda: bool(dialogs_up()), timeout=5_000)
    (dialog,) = dialogs_up()
    assert shown_codename(dialog)


def test_an_attached_image_keeps_its_file_name_out_of_the_title(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, CODENAME)
    window.open_debrief(factory.debrief(vault, scope, source))
    photo = tmp_path / f"{CODENAME}-meeting.png"
    photo.write_bytes(PNG)
    monkeypatch.setattr(
        "app.ui.attachments_box.QFileDialog.getOpenFileName", lambda *a, **k: (str(photo), "")
    )
    box = window.debrief_page.files
    qtbot.mouseClick(box.add_button, LEFT)
    box.table.view.selectRow(0)
    qtbot.mouseClick(box.view_button, LEFT)
    (viewer,) = box.viewers
    qtbot.waitExposed(viewer)
    assert all(CODENAME not in title for title in window_titles()), window_titles()
    assert any(label.text() == photo.name for label in viewer.findChildren(QLabel))
    viewer.close()
