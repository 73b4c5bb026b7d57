"""The band at the top of the window: who you are acting as, always visible, in
that alias's colour; and the switch to another of your aliases."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from app.domain.enums import Role
from app.domain.scope import Scope
from app.services.views import AliasView


def text_colour(background: str) -> str:
    colour = QColor(background)
    luminance = 0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue()
    return "#000000" if luminance > 150 else "#ffffff"


class AliasBand(QFrame):
    switch_requested = Signal(str)
    lock_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aliasBand")
        self.setFixedHeight(40)
        self.label = QLabel()
        self.label.setObjectName("aliasLabel")
        self.switcher = QComboBox()
        self.switcher.setObjectName("aliasSwitcher")
        self.switcher.setToolTip(self.tr("Act under another of your aliases"))
        # Open as a list below the band (not over it, where the top rows would sit
        # above the window's edge behind a scroll arrow).
        self.switcher.setStyleSheet("QComboBox { combobox-popup: 0; }")
        # Why a switch was not made: work that writes has yet to say how it went.
        self.note = QLabel()
        self.note.setObjectName("switchHeldNote")
        # Never widens the window (a narrow screen): cut short, whole in its tooltip.
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.note.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.note.hide()
        self.lock_button = QPushButton(self.tr("Lock"))
        self.lock_button.setObjectName("lockButton")
        self.lock_button.setToolTip(self.tr("Lock the vault (Ctrl+L)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.note, 2)
        layout.addWidget(QLabel(self.tr("Switch alias:")))
        layout.addWidget(self.switcher)
        layout.addWidget(self.lock_button)
        self.switcher.activated.connect(
            lambda index: self.switch_requested.emit(self.switcher.itemText(index))
        )
        self.lock_button.clicked.connect(self.lock_requested)

    def show_scope(self, scope: Scope, own: list[AliasView]) -> None:
        role = self.tr("handler") if scope.role is Role.HANDLER else self.tr("runner")
        self.label.setText(
            self.tr("Acting as <b>{alias}</b> · {role}").format(alias=scope.alias_name, role=role)
        )
        fg = text_colour(scope.colour)
        self.setStyleSheet(
            f"QFrame#aliasBand {{ background: {scope.colour}; }}"
            f"QFrame#aliasBand > QLabel {{ color: {fg}; }}"
        )
        self.switcher.blockSignals(True)
        self.switcher.clear()
        for alias in own:
            self.switcher.addItem(alias.name)
        self.switcher.setCurrentText(scope.alias_name)
        self.switcher.blockSignals(False)
        self.end_hold()

    def hold(self, alias_name: str, works: list[str]) -> None:
        """A switch asked for while work that writes runs: not made. The list shows
        the alias still acted under, the note what must finish first."""
        self.switcher.blockSignals(True)
        self.switcher.setCurrentText(alias_name)
        self.switcher.blockSignals(False)
        text = self.tr("Finishing: {work} Switch alias once it is done.").format(
            work=" ".join(works)
        )
        self.note.setText(text)
        self.note.setToolTip(text)
        self.note.show()

    @Slot()
    def end_hold(self) -> None:
        self.note.hide()
        self.note.clear()
        self.note.setToolTip("")

    def clear(self) -> None:
        self.label.clear()
        self.switcher.clear()
        self.end_hold()
