"""The command palette (Ctrl+K): every action of the registry that can be used
now, with its shortcut, and "Open source CODENAME" for each source the acting
alias may see (``extra``: a runner jumps to a file by typing part of its
codename); typing filters, Down moves into the list, Enter runs the chosen
action (or the only one left)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.text import normalise_name
from app.ui.actions import ActionRegistry, ActionSpec, shortcut_text
from app.ui.dialog_keys import keyboard_dialog
from app.ui.empty_hint import empty_hint
from app.ui.filter_keys import FilterKeys
from app.ui.table_models import Column, RowsModel


def _words(text: str) -> list[str]:
    return normalise_name(text).split()


class CommandPalette(QDialog):
    def __init__(
        self,
        registry: ActionRegistry,
        parent: QWidget | None = None,
        extra: Sequence[ActionSpec] = (),
    ) -> None:
        super().__init__(parent)
        self.extra = list(extra)  # not in the registry: run by their own handler
        self.setObjectName("commandPalette")
        self.setWindowTitle(self.tr("Command palette"))
        self.registry = registry
        self.chosen: str | None = None  # the key of the action run
        self.filter = QLineEdit()
        self.filter.setObjectName("paletteFilter")
        self.filter.setPlaceholderText(self.tr("Type to find an action; Enter runs it"))
        self.model: RowsModel[ActionSpec] = RowsModel(
            [
                Column(self.tr("Action"), self.label),
                Column(
                    self.tr("Shortcut"),
                    lambda s: ", ".join(shortcut_text(k) for k in s.shortcuts),
                ),
            ],
            self,
        )
        self.list = QTableView()
        self.list.setObjectName("paletteList")
        self.list.setModel(self.model)
        self.list.horizontalHeader().hide()  # a list, not a table: nothing to sort
        self.list.verticalHeader().hide()
        self.list.setShowGrid(False)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.list.activated.connect(lambda index: self.run_row(index.row()))
        self.list.clicked.connect(lambda index: self.run_row(index.row()))
        empty_hint(self.list, lambda: self.tr("No action matches."))
        self.keys = FilterKeys(self.filter, self.list, self.run_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.filter.textChanged.connect(lambda _t: self.apply_filter())
        keyboard_dialog(self, first=self.filter)
        self.resize(520, 420)
        self.apply_filter()

    def label(self, spec: ActionSpec) -> str:
        """The action with its menu ("Go: Sources"), as the menu bar files it."""
        return f"{self.registry.menu_titles[spec.menu]}: {spec.text}"

    def available(self) -> list[ActionSpec]:
        actions = [s for s in self.registry.specs if s.enabled() and s.key != "palette"]
        return actions + self.extra

    def apply_filter(self) -> None:
        words = _words(self.filter.text())

        def matches(spec: ActionSpec) -> bool:
            haystack = normalise_name(
                " ".join([self.label(spec), *(shortcut_text(k) for k in spec.shortcuts)])
            )
            return all(w in haystack for w in words)

        self.model.set_rows([s for s in self.available() if matches(s)])

    def run_row(self, row: int) -> None:
        spec = self.model.row_at(row)
        if spec is None:
            return
        self.chosen = spec.key
        self.accept()
        # After the palette has closed: an action may open a dialog of its own.
        if spec in self.extra:
            QTimer.singleShot(0, spec.handler)
        else:
            QTimer.singleShot(0, lambda: self.registry.run(spec.key))


def open_palette(
    registry: ActionRegistry, parent: QWidget, extra: Sequence[ActionSpec] = ()
) -> CommandPalette:
    palette = CommandPalette(registry, parent, extra)
    palette.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    palette.open()
    return palette
