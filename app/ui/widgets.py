"""Small reusable widgets."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import Enum
from typing import Generic, TypeVar

from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, QObject, Qt, QTimeZone
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.ui.labels import label

E = TypeVar("E", bound=Enum)
D = TypeVar("D", bound=QDateTimeEdit)


def find_data(combo: QComboBox, value: object) -> int:
    """The row of ``combo`` whose data equals ``value``, or -1. Not
    ``QComboBox.findData``: for Python objects such as a UUID it matches the very
    same object only, so an id read from the vault again is never found."""
    return next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)


class EnumCombo(QComboBox, Generic[E]):
    """A combo box over an enum, showing translated labels."""

    def __init__(self, enum_cls: type[E], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[E] = list(enum_cls)
        for value in self._values:
            self.addItem(label(value))

    def value(self) -> E:
        return self._values[self.currentIndex()]

    def set_value(self, value: E) -> None:
        self.setCurrentIndex(self._values.index(value))

    def leave_out(self, value: E) -> None:
        """Offer every value but ``value`` (one taken by its own action)."""
        index = self._values.index(value)
        self._values.pop(index)
        self.removeItem(index)


class _TabLeaves(QObject):
    """Tab and Shift+Tab in a date or time edit go to the next or previous field,
    as everywhere else in a form; Qt's own Tab steps through the day, month,
    year, hour and minute first, so a runner tabbing through a form lands in the
    hour and the next key meant for another field changes the time. The sections
    are reached with Left and Right, and typing a whole section moves on."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QDateTimeEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            back = event.key() == Qt.Key.Key_Backtab or bool(
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            # From the outermost section Qt's own Tab leaves the edit.
            watched.setCurrentSectionIndex(0 if back else watched.sectionCount() - 1)
        return False


def tab_leaves(edit: D) -> D:
    """``edit`` (a date, time or date-time edit) with Tab moving field to field."""
    edit.installEventFilter(_TabLeaves(edit))
    return edit


class OptionalDate(QWidget):
    """A date that may be left unset."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox()
        self.edit = tab_leaves(QDateEdit())
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        self.enabled.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)

    def value(self) -> date | None:
        if not self.enabled.isChecked():
            return None
        d = self.edit.date()
        return date(d.year(), d.month(), d.day())

    def set_value(self, value: date | None) -> None:
        self.enabled.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))


def date_edit(value: date | None = None) -> QDateEdit:
    edit = tab_leaves(QDateEdit())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    d = value or date.today()
    edit.setDate(QDate(d.year, d.month, d.day))
    return edit


def qdate_value(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def datetime_edit(value: datetime | None = None) -> QDateTimeEdit:
    """Shows local time; values go in and out as aware UTC datetimes."""
    edit = tab_leaves(QDateTimeEdit())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    moment = value or datetime.now(UTC)
    edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())))
    return edit


def datetime_value(edit: QDateTimeEdit) -> datetime:
    stamp = edit.dateTime().toUTC()
    stamp.setTimeZone(QTimeZone.utc())
    return datetime.fromtimestamp(stamp.toSecsSinceEpoch(), UTC)


def local_time(moment: datetime | None, with_time: bool = True) -> str:
    """An aware datetime shown in the computer's local time."""
    if moment is None:
        return ""
    local = moment.astimezone()
    return local.strftime("%Y-%m-%d %H:%M") if with_time else local.strftime("%Y-%m-%d")


def day_text(moment: datetime) -> str:
    """A day as people say it, in the interface language: "3 Dec 2024", "3 dec 2024"."""
    local = moment.astimezone()
    return QLocale().toString(QDate(local.year, local.month, local.day), "d MMM yyyy")


def decimal(value: float, places: int = 1) -> str:
    """A number as the interface language writes it: 0,6 in Dutch, 0.6 in English."""
    return QLocale().toString(value, "f", places)


def file_size(n: int) -> str:
    """A file's size in the interface language's numbers: 1.5 MB (1,5 MB), 12 KB."""
    if n >= 1024 * 1024:
        return f"{decimal(n / (1024 * 1024))} MB"
    return f"{max(1, n // 1024)} KB"


CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£"}


def money(cents: int, currency: str) -> str:
    """An amount as the interface language writes it: € 1.250,00 in Dutch,
    €1,250.00 in English."""
    locale = QLocale()
    symbol = CURRENCY_SYMBOLS.get(currency.upper())
    if symbol is None:  # no symbol: the number in local style, then the code
        return f"{locale.toString(cents / 100, 'f', 2)} {currency.upper()}"
    return locale.toCurrencyString(cents / 100, symbol, 2)


def placeholder_whole(edit: QLineEdit) -> None:
    """Make ``edit`` at least as wide as its placeholder, with its frame and inner
    margins: a hint cut off mid-word ("nooit ee…") says less than none."""
    text = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
    edit.setMinimumWidth(max(edit.minimumWidth(), text + 24))


def source_label(codename: str, name: str) -> QLabel:
    """The source a dialog is about, shown inside it: a dialog's window title
    never names a source (it reaches the taskbar and the window switcher)."""
    shown = QLabel()
    shown.setObjectName(name)
    shown.setTextFormat(Qt.TextFormat.PlainText)
    shown.setText(codename)
    font = shown.font()
    font.setBold(True)
    shown.setFont(font)
    return shown


def text_box(placeholder: str = "", height: int = 80) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setMinimumHeight(height)
    box.setTabChangesFocus(True)
    return box


ALIGN_TOP = Qt.AlignmentFlag.AlignTop
