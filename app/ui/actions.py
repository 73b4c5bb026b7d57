"""One registry of the main window's actions: name, shortcut, what it does and
when it can be used. The menu bar, the command palette (Ctrl+K) and the tooltips
of the buttons that do the same are all built from it, so they cannot disagree
about a name or a key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget


def _always() -> bool:
    return True


@dataclass(frozen=True)
class ActionSpec:
    """``key`` names the action (its QAction is ``{key}Action``); ``menu`` is the
    key of the menu it is listed in; ``shortcuts`` are portable key sequences, the
    first shown in menus, palette and tooltips; ``global_keys``: the keys work from
    every window of the app (lock and panic), not only the main window."""

    key: str
    text: str
    shortcuts: tuple[str, ...]
    handler: Callable[[], object]
    menu: str
    enabled: Callable[[], bool] = _always
    global_keys: bool = False


def shortcut_text(keys: str) -> str:
    """A key sequence as the interface writes it."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


class ActionRegistry(QObject):
    def __init__(self, window: QWidget, menus: list[tuple[str, str]]) -> None:
        """``menus``: (key, title) of the menus, in menu-bar order."""
        super().__init__(window)
        self.window = window
        self.menu_titles = dict(menus)
        self.specs: list[ActionSpec] = []
        self.actions: dict[str, QAction] = {}
        self.menus: list[QMenu] = []

    def add(self, spec: ActionSpec) -> QAction:
        if spec.key in self.actions:
            raise ValueError(f"two actions named {spec.key!r}")
        if spec.menu not in self.menu_titles:
            raise ValueError(f"no menu {spec.menu!r}")
        action = QAction(spec.text, self.window)
        action.setObjectName(f"{spec.key}Action")
        action.setShortcuts([QKeySequence(k) for k in spec.shortcuts])
        action.setShortcutContext(
            Qt.ShortcutContext.ApplicationShortcut
            if spec.global_keys
            else Qt.ShortcutContext.WindowShortcut
        )
        action.setToolTip(self.tooltip(spec))
        action.triggered.connect(lambda _checked=False, s=spec: self.run(s.key))
        self.window.addAction(action)  # the keys work even while the menu bar is hidden
        self.specs.append(spec)
        self.actions[spec.key] = action
        return action

    def spec(self, key: str) -> ActionSpec:
        return next(s for s in self.specs if s.key == key)

    def run(self, key: str) -> None:
        spec = self.spec(key)
        if spec.enabled():
            spec.handler()

    def tooltip(self, spec: ActionSpec | str) -> str:
        spec = self.spec(spec) if isinstance(spec, str) else spec
        text = spec.text.replace("&", "").rstrip("…")
        if not spec.shortcuts:
            return text
        return f"{text} ({', '.join(shortcut_text(k) for k in spec.shortcuts)})"

    def refresh(self) -> None:
        """Enable each action as its rule says now (menus, palette and keys)."""
        for spec in self.specs:
            self.actions[spec.key].setEnabled(spec.enabled())

    def dispose(self) -> None:
        """Take this registry's actions and menus off the window (a rebuild in
        another language makes a new registry)."""
        for action in self.actions.values():
            self.window.removeAction(action)
            action.deleteLater()
        for menu in self.menus:
            menu.deleteLater()
        self.menus.clear()
        self.actions.clear()
        self.specs.clear()

    def build_menus(self, bar: QMenuBar) -> dict[str, QMenu]:
        menus: dict[str, QMenu] = {}
        for key, title in self.menu_titles.items():
            menu = bar.addMenu(title)
            menu.setObjectName(f"{key}Menu")
            menu.setToolTipsVisible(True)
            menu.aboutToShow.connect(self.refresh)
            menus[key] = menu
            self.menus.append(menu)
        for spec in self.specs:
            menus[spec.menu].addAction(self.actions[spec.key])
        return menus
