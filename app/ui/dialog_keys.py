"""The keys every dialog of the app answers the same way:

- it opens with the focus in its first field (a viewer: on what it shows), never
  on a button;
- Enter in a one-line field moves to the next field; it presses the dialog's
  OK only in ``submit_field``, the last field of a dialog whose every field is
  needed (a passphrase, a reason), where the check behind OK keeps a half-filled
  dialog open with a message. Enter on a focused button presses that button;
  anywhere else it does nothing;
- no button is the default, so neither Enter nor Space on a dialog whose focus is
  not on a button presses OK;
- Ctrl+Enter presses OK from anywhere in the dialog (also from a text box, where
  Enter starts a new line).

Qt's own rules differ: a QDialogButtonBox makes its OK the default when shown,
and then Enter in any line edit clicks it, closing a form with one field filled.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTextEdit,
    QWidget,
)

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
ENTER_ACTS = "enterActs"
WATCHED = "dialogKeysWatched"  # a field whose Enter does something of its own (adds a name)


def keep_enter(widget: QWidget) -> None:
    """Enter in ``widget`` does its own thing (``returnPressed``); focus stays."""
    widget.setProperty(ENTER_ACTS, True)


def is_field(widget: QWidget) -> bool:
    """A widget one types into or chooses with: not a push button, not a view."""
    if isinstance(widget, QAbstractButton):
        return isinstance(widget, QCheckBox | QRadioButton)
    return not isinstance(widget, QAbstractItemView | QAbstractScrollArea) or _is_text_box(widget)


def is_single_line(widget: QWidget) -> bool:
    """A field where Enter would otherwise reach the dialog (and its OK)."""
    if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
        return False  # the inner edit of a spin or combo box: the box is the field
    return isinstance(widget, QLineEdit | QAbstractSpinBox | QComboBox | QCheckBox | QRadioButton)


def _is_text_box(widget: QWidget) -> bool:
    return isinstance(widget, QPlainTextEdit | QTextEdit) and not widget.isReadOnly()


def _takes_tab(widget: QWidget) -> bool:
    return (
        bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.isEnabled()
        and widget.isVisibleTo(widget.window())
        and widget.focusProxy() is None
    )


def focus_chain(dialog: QWidget) -> list[QWidget]:
    """The widgets Tab visits, in order, starting from the dialog."""
    out: list[QWidget] = []
    widget = dialog.nextInFocusChain()
    while widget is not None and widget is not dialog and len(out) < 500:
        if widget.window() is dialog and _takes_tab(widget):
            out.append(widget)
        widget = widget.nextInFocusChain()
    return out


def fields(dialog: QWidget) -> list[QWidget]:
    return [w for w in focus_chain(dialog) if is_field(w)]


def accept_button(dialog: QWidget) -> QAbstractButton | None:
    """The dialog's OK: the first accepting button of its button box."""
    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if box.buttonRole(button) in (
                QDialogButtonBox.ButtonRole.AcceptRole,
                QDialogButtonBox.ButtonRole.YesRole,
            ):
                return button
    return None


class DialogKeys(QObject):
    def __init__(
        self,
        dialog: QDialog,
        *,
        submit_field: QWidget | None = None,
        first: QWidget | None = None,
        accept: QAbstractButton | None = None,
    ) -> None:
        super().__init__(dialog)
        self.setObjectName("dialogKeys")
        self.dialog = dialog
        self.submit_field = submit_field
        self.first = first
        self._accept = accept
        dialog.installEventFilter(self)

    def accept_button(self) -> QAbstractButton | None:
        return self._accept or accept_button(self.dialog)

    def press_accept(self) -> None:
        button = self.accept_button()
        if button is not None and button.isVisible() and button.isEnabled():
            button.click()

    def first_focus(self) -> QWidget | None:
        if self.first is not None and _takes_tab(self.first):
            return self.first
        chain = focus_chain(self.dialog)
        found = [w for w in chain if is_field(w)]
        if found:
            return found[0]
        # A viewer: what it shows (to scroll with the keys), not a button.
        shown = [w for w in chain if not isinstance(w, QAbstractButton)]
        return shown[0] if shown else None

    def _no_default_buttons(self) -> None:
        for button in self.dialog.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

    def _watch_fields(self) -> None:
        for widget in self.dialog.findChildren(QWidget):
            if (is_single_line(widget) or _is_text_box(widget)) and not widget.property(WATCHED):
                widget.setProperty(WATCHED, True)
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # getattr: while a dialog is torn down, Python may drop this object's
        # attributes before Qt stops sending it events.
        dialog: QDialog | None = getattr(self, "dialog", None)
        if dialog is None:
            return False
        if watched is dialog and event.type() == QEvent.Type.Show:
            # After the button box's own Show, which makes its OK the default.
            self._no_default_buttons()
            self._watch_fields()
            target = self.first_focus()
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        if not (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER
        ):
            return False
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.press_accept()  # Ctrl+Enter: OK, from anywhere in the dialog
            return True
        if watched is dialog:
            # Enter that no field took: it presses only a button the user moved to.
            focus = dialog.focusWidget()
            if isinstance(focus, QPushButton) and focus.isEnabled():
                focus.click()
            return True
        if isinstance(watched, QWidget) and watched.window() is dialog and is_single_line(watched):
            return self._enter_in(watched)
        return False  # a text box: Enter starts a new line

    def _enter_in(self, field: QWidget) -> bool:
        """Enter in a one-line field; True when it is dealt with here."""
        if field.property(ENTER_ACTS):
            return False  # the field's own action (it then reaches the dialog, and stops)
        if field is self.submit_field:
            self.press_accept()
            return True
        chain = fields(self.dialog)
        if field in chain and chain.index(field) + 1 < len(chain):
            chain[chain.index(field) + 1].setFocus(Qt.FocusReason.TabFocusReason)
        return True


def keyboard_dialog(
    dialog: QDialog,
    *,
    submit_field: QWidget | None = None,
    first: QWidget | None = None,
    accept: QAbstractButton | None = None,
) -> DialogKeys:
    """Give ``dialog`` the keys above (see the module's docstring)."""
    return DialogKeys(dialog, submit_field=submit_field, first=first, accept=accept)
