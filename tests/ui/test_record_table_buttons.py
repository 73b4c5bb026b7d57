"""A RecordTable's buttons that act on a row follow the model, whoever changed it:
after a reload under a selected row, none stays on for a row that is gone, and
they come on when rows arrive (a paged model's reload, a caller's own set_rows)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app.ui.record_table import RecordTable
from app.ui.table_models import Column, RowsModel

LEFT = Qt.MouseButton.LeftButton


class GrowingModel(RowsModel[str]):
    """Rows added and taken away one at a time (rowsInserted, rowsRemoved), as a
    model that pages rows in does, not by a reset."""

    def append(self, row: str) -> None:
        at = len(self._rows)
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.append(row)
        self.endInsertRows()

    def remove_last(self) -> None:
        at = len(self._rows) - 1
        self.beginRemoveRows(QModelIndex(), at, at)
        self._rows.pop()
        self.endRemoveRows()


def shown_table(qtbot: QtBot, model: RowsModel[str] | None = None) -> RecordTable[str]:
    table: RecordTable[str] = RecordTable([Column("Name", lambda s: s)], "testTable", model=model)
    table.add_button("Open", lambda: None, "openRow", on_a_row=True)
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    return table


def open_button(table: RecordTable[str]) -> QPushButton:
    button = table.findChild(QPushButton, "openRow")
    assert button is not None
    return button


def click_row(qtbot: QtBot, table: RecordTable[str], row: int) -> None:
    rect = table.view.visualRect(table.model.index(row, 0))
    qtbot.mouseClick(table.view.viewport(), LEFT, pos=rect.center())
    assert table.selected() == table.model.row_at(row)


def test_a_reload_under_the_selected_row_turns_its_buttons_off_and_on(qtbot: QtBot) -> None:
    table = shown_table(qtbot)
    table.set_rows(["KWARTS", "BERK"])
    click_row(qtbot, table, 1)
    assert open_button(table).isEnabled()

    table.model.set_rows([])  # reloaded by the model, not the table: nothing left
    assert table.selected() is None
    assert not open_button(table).isEnabled()

    table.model.set_rows(["ZEEKOET"])  # and rows arrived again
    assert open_button(table).isEnabled()
    click_row(qtbot, table, 0)
    assert table.selected() == "ZEEKOET"

    table.model.clear()
    assert not open_button(table).isEnabled()


def test_rows_paged_in_and_taken_away_move_the_buttons(qtbot: QtBot) -> None:
    model = GrowingModel([Column("Name", lambda s: s)])
    table = shown_table(qtbot, model)
    assert not open_button(table).isEnabled()

    model.append("KWARTS")  # rowsInserted
    assert open_button(table).isEnabled()
    click_row(qtbot, table, 0)

    model.remove_last()  # rowsRemoved: the selected row is gone
    assert table.selected() is None
    assert not open_button(table).isEnabled()


def test_read_only_still_wins_over_rows_arriving(qtbot: QtBot) -> None:
    table = shown_table(qtbot)
    table.set_read_only(True)
    table.model.set_rows(["KWARTS"])
    assert not open_button(table).isEnabled()
    table.set_read_only(False)
    assert open_button(table).isEnabled()
