"""A form's typing through a lock: its fields go into the vault
(``app.services.records.form_drafts``) when the vault locks, and come back the next time
the same form opens for the same record, with a line saying so.

The fields are read in the order the form made them (the same form builds the
same widgets in the same order), so a form needs no more than
``FormDialog.keep_typing_as``. Password fields are never kept.
"""

from __future__ import annotations

import logging
import uuid

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from app.errors import VaultError
from app.services.records import form_drafts, held_text
from app.services.records.form_drafts import FieldValue
from app.ui.session import AppSession

log = logging.getLogger(__name__)


_INPUTS = (
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QCheckBox,
    QListWidget,
    QSpinBox,
    QDoubleSpinBox,
    QDateTimeEdit,
)


def _inputs(root: QWidget) -> list[QWidget]:
    """The form's own input widgets, in creation order (not the line edit inside
    a spin box or a combo box)."""
    found: list[QWidget] = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox)):
            continue
        if isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal:
            continue
        if isinstance(widget, _INPUTS):
            found.append(widget)
    return found


def _value(widget: QWidget) -> FieldValue:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QListWidget):
        return [
            row
            for row in range(widget.count())
            if widget.item(row).checkState() == Qt.CheckState.Checked
        ]
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return widget.value()
    if isinstance(widget, QDateEdit):
        return widget.date().toString(Qt.DateFormat.ISODate)
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTime().toString(Qt.DateFormat.ISODate)
    return ""


def _set(widget: QWidget, value: FieldValue) -> None:
    if isinstance(widget, QLineEdit) and isinstance(value, str):
        widget.setText(value)
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)) and isinstance(value, str):
        widget.setPlainText(value)
    elif isinstance(widget, QComboBox) and isinstance(value, int):
        if 0 <= value < widget.count():
            widget.setCurrentIndex(value)
    elif isinstance(widget, QCheckBox) and isinstance(value, bool):
        widget.setChecked(value)
    elif isinstance(widget, QListWidget) and isinstance(value, list):
        for row in range(widget.count()):
            item = widget.item(row)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                checked = row in value
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    elif isinstance(widget, QSpinBox) and isinstance(value, int):
        widget.setValue(value)
    elif isinstance(widget, QDoubleSpinBox) and isinstance(value, (int, float)):
        widget.setValue(float(value))
    elif isinstance(widget, QDateEdit) and isinstance(value, str):
        widget.setDate(QDate.fromString(value, Qt.DateFormat.ISODate))
    elif isinstance(widget, QDateTimeEdit) and isinstance(value, str):
        widget.setDateTime(QDateTime.fromString(value, Qt.DateFormat.ISODate))


def snapshot(root: QWidget) -> dict[str, FieldValue]:
    return {f"{i}:{type(w).__name__}": _value(w) for i, w in enumerate(_inputs(root))}


def restore(root: QWidget, fields: dict[str, FieldValue]) -> None:
    for i, widget in enumerate(_inputs(root)):
        key = f"{i}:{type(widget).__name__}"
        if key in fields:
            _set(widget, fields[key])


class DraftKeeper:
    """Keeps one form's typing through a lock (held by the form)."""

    def __init__(
        self, root: QWidget, session: AppSession, form: str, record: uuid.UUID | None
    ) -> None:
        self.root = root
        self.session = session
        self.form = form
        self.record = record
        self._untouched: dict[str, FieldValue] | None = None

    def opened(self) -> None:
        """First shown: remember the untouched form, then fill in a kept draft."""
        self._untouched = snapshot(self.root)
        try:
            fields = form_drafts.take(
                self.session.vault, self.session.scope, self.form, self.record
            )
        except Exception as exc:  # a draft is a convenience: never stop the form
            log.warning("could not read a kept form draft (%s)", type(exc).__name__)
            return
        if fields:
            restore(self.root, fields)
            notice = QLabel(
                QCoreApplication.translate(
                    "FormDialog", "What you were typing when the vault locked is back."
                )
            )
            notice.setObjectName("draftRestored")
            notice.setWordWrap(True)
            layout = self.root.layout()
            if isinstance(layout, QBoxLayout):
                layout.insertWidget(0, notice)
                notice.show()  # the form is already on screen

    def changed(self) -> bool:
        """The fields differ from the form as it opened (before a kept draft was
        given back into it)."""
        return self._untouched is not None and snapshot(self.root) != self._untouched

    def keep(self) -> None:
        """The vault is locking: store the fields if anything was typed."""
        fields = snapshot(self.root)
        if self._untouched is not None and fields == self._untouched:
            return
        vault, scope = self.session.vault, self.session.scope
        try:
            form_drafts.keep(vault, scope, self.form, self.record, fields)
        except VaultError:
            # The vault cannot take it now (a full disk): held until the next unlock.
            try:
                held_text.hold(vault, scope, held_text.FORM, self.record, fields, form=self.form)
            except Exception as exc:  # the other windows are still to be kept
                log.warning("could not hold a form's typed text (%s)", type(exc).__name__)
