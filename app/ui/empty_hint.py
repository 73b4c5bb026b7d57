"""A line of text in an empty list saying why it is empty ("No debriefs match
these filters."), so an empty table never looks like a screen that failed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel


class EmptyHint(QLabel):
    """Shown over ``view``'s empty area while its model has no rows. ``text`` is
    called each time (the reason can depend on filters); an empty text shows
    nothing (a list not loaded yet)."""

    def __init__(self, view: QAbstractItemView, text: Callable[[], str]) -> None:
        super().__init__(view.viewport())
        self.setObjectName("emptyHint")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Room at the sides only: above and below, the text is centred in what the
        # view has; a padding there too cut its descenders off in a short table.
        self.setStyleSheet("color: #5a5a5a; padding: 0 16px;")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._view = view
        self._text = text
        model = view.model()
        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.rowsRemoved,
            model.layoutChanged,
        ):
            signal.connect(self.refresh)
        view.viewport().installEventFilter(self)
        self.refresh()

    def refresh(self, *_args: object) -> None:
        text = self._text() if self._view.model().rowCount() == 0 else ""
        self.setText(text)
        self.setVisible(bool(text))
        self._fit()

    def _fit(self) -> None:
        viewport = self._view.viewport()
        self.setGeometry(0, 0, viewport.width(), min(viewport.height(), 120))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and hasattr(self, "_view"):
            self._fit()
        return False


def empty_hint(view: QAbstractItemView, text: Callable[[], str] | str) -> EmptyHint:
    """Put the hint on ``view`` (a fixed text, or one computed when shown)."""
    return EmptyHint(view, text if callable(text) else (lambda: text))
