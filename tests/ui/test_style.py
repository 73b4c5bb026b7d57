"""The look (app.ui.style): statuses that do not rely on colour alone, icons that
ship with the app, and the style applied to real screens. (Issue 16, point 7.)"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QProxyStyle,
    QPushButton,
    QStyle,
    QStyleFactory,
    QTableView,
)
from pytestqt.qtbot import QtBot

from app import paths
from app.domain.enums import DebriefStatus
from app.services.admin import aliases
from app.services.records import debriefs, sources, tasking
from app.ui import style
from app.ui.main_window import MainWindow
from app.ui.pages.debriefs import DebriefsPage
from app.ui.pages.home import HomePage
from app.ui.pages.packages import PackagesPage
from app.ui.pages.sources import SourcesPage
from app.ui.table_models import ROW_ROLE
from tests.helpers import factory

DECORATION = Qt.ItemDataRole.DecorationRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole


@pytest.fixture
def styled() -> Iterator[QApplication]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = (app.palette(), app.font())
    style.apply(app)  # its Fusion base stays: the offscreen default is Fusion too
    yield app
    app.setPalette(before[0])
    app.setFont(before[1])
    style.remove(app)  # a later test in this process sees Qt's defaults


def test_every_icon_the_app_names_ships_with_a_licence(qapp: QApplication) -> None:
    # (qapp: an icon made before the QApplication is undefined in Qt, and cached.)
    folder = paths.resources_dir() / "icons"
    named = {
        *style.BUTTON_ICONS.values(),
        *style.PAGE_ICONS.values(),
        *style.ACTION_ICONS.values(),
        *(name for name, _colour in style.STATUS.values()),
        "warning",
        "ok",
    }
    missing = sorted(name for name in named if not (folder / f"{name}.svg").is_file())
    assert missing == []
    assert all(not style.icon(name).isNull() for name in named)
    assert "CC0" in (folder / "LICENSE").read_text(encoding="utf-8")


def test_each_debrief_status_has_its_own_icon() -> None:
    """Told apart by shape, not only by colour: no two statuses share an icon."""
    icons = [style.STATUS[s][0] for s in DebriefStatus]
    assert len(set(icons)) == len(DebriefStatus)


def _cells(table: QTableView, column_title: str) -> list[QModelIndex]:
    model = table.model()
    titles = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(model.columnCount())
    ]
    column = titles.index(column_title)
    return [model.index(row, column) for row in range(model.rowCount())]


def test_coloured_cells_carry_an_icon_too(qtbot: QtBot, window: MainWindow) -> None:
    """Wherever a list colours a status or a date, the same cell shows an icon
    (and an overdue date says so in its tooltip)."""
    vault, scope = window.session.vault, window.session.scope
    havik = aliases.resolve_scope(vault, "Havik")
    source = sources.create_source(
        vault, scope, sources.SourceDraft(codename="KLEUR"), share_with=(havik.alias_id,)
    )
    factory.debrief(vault, scope, source)  # a draft
    tasking.add_tasking(vault, scope, source, "Late", deadline=date.today() - timedelta(days=3))
    tasking.add_tasking(vault, scope, source, "Soon", deadline=date.today() + timedelta(days=3))
    returned = factory.debrief(vault, scope, source, submit=True)
    debriefs.return_to_runner(vault, havik, returned, "Wie nog meer?")
    home = window.show_page(HomePage)
    assert isinstance(home, HomePage)
    home.reload()  # it was on screen already
    qtbot.waitUntil(lambda: home.waiting.rowCount() >= 2, timeout=10_000)
    page = window.show_page(DebriefsPage)
    assert isinstance(page, DebriefsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    seen = set()
    for index in [*_cells(home.waiting_table, "Status"), *_cells(page.table, "Status")]:
        status = index.data(Qt.ItemDataRole.DisplayRole)
        icon = index.data(DECORATION)
        assert isinstance(icon, QIcon), status
        assert not icon.isNull(), status
        seen.add(status)
    assert {"Draft", "Returned", "Approved"} <= seen
    coloured = [i for i in _cells(home.table, "Due") if i.data(FOREGROUND) is not None]
    assert coloured, "an overdue reminder"
    for index in coloured:
        assert isinstance(index.data(DECORATION), QIcon)
        assert index.data(Qt.ItemDataRole.ToolTipRole) == "Overdue"
    plain = [i for i in _cells(home.table, "Due") if i.data(FOREGROUND) is None]
    assert plain, "a reminder not yet due"
    assert all(i.data(DECORATION) is None for i in plain)


def test_buttons_and_pages_get_their_icons_from_the_style(
    qtbot: QtBot, styled: QApplication
) -> None:
    lock = QPushButton("Lock")
    lock.setObjectName("lockButton")
    other = QPushButton("Something")
    for button in (lock, other):
        qtbot.addWidget(button)
        button.show()
    assert not lock.icon().isNull()  # given at polish time, by object name
    assert other.icon().isNull()
    table = QTableView()
    qtbot.addWidget(table)
    table.show()
    assert table.alternatingRowColors()


def test_navigation_and_menus_show_icons(window: MainWindow) -> None:
    for row in range(window.nav.count()):
        assert not window.nav.item(row).icon().isNull(), window.nav.item(row).text()
    for key in ("lock", "panic", "meeting", "export", "newDebrief"):
        assert not window.registry.actions[key].icon().isNull(), key


def test_pages_share_one_rhythm(styled: QApplication, window: MainWindow) -> None:
    for page_class in window.page_classes():
        page = window.show_page(page_class)
        layout = page.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        assert (margins.left(), margins.top()) == (style.MARGIN, style.MARGIN), page_class
        assert layout.spacing() == style.SPACING, page_class


def test_tab_leaves_a_list_and_arrows_move_within_it(
    qtbot: QtBot, styled: QApplication, window: MainWindow
) -> None:
    """Qt's own Tab walks a table cell by cell and wraps round, so the keyboard
    never got out of a list to the button beside it."""
    window.activateWindow()
    page = window.show_page(SourcesPage)
    assert isinstance(page, SourcesPage)
    table = page.table
    assert table.model().rowCount() > 0
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table  # on to the next control
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is page.findChild(QPushButton, "newSource")
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the arrows still move within the list
    assert QApplication.focusWidget() is table
    # The same for a list on a source's file: Tab reaches the button below it.
    row = table.model().index(0, 0).data(ROW_ROLE)
    window.open_source(row.id)
    contacts = window.findChild(QTableView, "contactsTable")
    assert contacts is not None
    page.file_view.tabs.setCurrentIndex(1)
    contacts.setFocus()
    qtbot.keyClick(contacts, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.findChild(QPushButton, "newContact")


class _ButtonIconsLikeKde(QProxyStyle):
    """The hint an X11 desktop such as KDE gives; the offscreen tests' gives none."""

    def styleHint(self, hint: QStyle.StyleHint, *args: Any) -> int:
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 1
        return super().styleHint(hint, *args)


def test_dialog_buttons_look_and_measure_the_same_on_every_desktop(
    qtbot: QtBot, styled: QApplication
) -> None:
    """On X11 the desktop's theme put its own green tick and red cross on every
    OK, Cancel, Yes and No, which the offscreen screenshots never showed; the
    style keeps them words only, as on every other button."""
    base = _ButtonIconsLikeKde(QStyleFactory.create("Fusion"))
    box = QDialogButtonBox()
    qtbot.addWidget(box)
    box.setStyle(base)  # before the buttons: each takes its icon as it is made
    box.setStandardButtons(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.show()
    assert base.styleHint(QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons) == 1
    for button in box.buttons():
        assert button.icon().isNull(), button.text()


def test_the_packages_tabs_keep_one_inset(window: MainWindow) -> None:
    """The Send tab's text and list stood flush against the tab's frame, unlike
    the Receive, Log and Keys tabs beside it."""
    page = window.show_page(PackagesPage)
    assert isinstance(page, PackagesPage)
    insets = set()
    for index in range(page.tabs.count()):
        tab = page.tabs.widget(index)
        assert tab is not None
        layout = tab.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        insets.add((margins.left(), margins.top(), margins.right(), margins.bottom()))
    assert len(insets) == 1, insets
    assert insets.pop() != (0, 0, 0, 0)
