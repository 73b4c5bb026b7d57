"""The main window's actions as data: each one's key, menu text, shortcuts, menu
and what it runs, in menu order; ``registry`` makes them into a window's QActions
(with an action per page between ``PALETTE`` and ``RECORDS``). The texts are
marked here and translated there, in the "MainWindow" context."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.ui import window_commands
from app.ui.actions import ActionRegistry, ActionSpec
from app.ui.lock import PANIC_KEYS
from app.ui.pages.search import SearchPage

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

# (key, title) of the menus, in menu-bar order.
MENUS: tuple[tuple[str, object], ...] = (
    ("vault", QT_TRANSLATE_NOOP("MainWindow", "Vault")),
    ("go", QT_TRANSLATE_NOOP("MainWindow", "Go")),
    ("records", QT_TRANSLATE_NOOP("MainWindow", "Actions")),
)


@dataclass(frozen=True)
class WindowAction:
    """``run`` does the action in a window. ``normal_only``: off in meeting mode,
    which shows nothing but the meeting."""

    key: str
    text: object  # marked for lupdate (QT_TRANSLATE_NOOP), context "MainWindow"
    shortcuts: tuple[str, ...]
    run: Callable[[MainWindow], object]
    menu: str
    normal_only: bool = True
    global_keys: bool = False


PALETTE = WindowAction(
    "palette",
    QT_TRANSLATE_NOOP("MainWindow", "Command palette…"),
    ("Ctrl+K",),
    lambda w: w.open_palette(),
    "go",
    normal_only=False,
)

# After the pages' own actions.
RECORDS: tuple[WindowAction, ...] = (
    WindowAction(
        "back", QT_TRANSLATE_NOOP("MainWindow", "Back"), ("Alt+Left",), lambda w: w.go_back(), "go"
    ),
    WindowAction(
        "switchAlias",
        QT_TRANSLATE_NOOP("MainWindow", "Switch alias…"),
        ("Ctrl+Shift+A",),
        lambda w: w.choose_alias(),
        "go",
    ),
    WindowAction(
        "renameAlias",
        QT_TRANSLATE_NOOP("MainWindow", "Rename alias…"),
        ("Ctrl+Shift+R",),
        window_commands.rename_alias,
        "vault",
    ),
    WindowAction(
        "newSource",
        QT_TRANSLATE_NOOP("MainWindow", "New source…"),
        ("Ctrl+Shift+N",),
        window_commands.new_source,
        "records",
    ),
    WindowAction(
        "newDebrief",
        QT_TRANSLATE_NOOP("MainWindow", "New debrief"),
        ("Ctrl+N",),
        window_commands.new_debrief,
        "records",
    ),
    WindowAction(
        "newContact",
        QT_TRANSLATE_NOOP("MainWindow", "New contact…"),
        ("Ctrl+Shift+C",),
        window_commands.new_contact,
        "records",
    ),
    WindowAction(
        "meeting",
        QT_TRANSLATE_NOOP("MainWindow", "Meeting mode"),
        ("Ctrl+M",),
        lambda w: w.enter_meeting(),
        "records",
    ),
    WindowAction(
        "report",
        QT_TRANSLATE_NOOP("MainWindow", "Report…"),
        ("Ctrl+P",),
        window_commands.report_current,
        "records",
    ),
    WindowAction(
        "export",
        QT_TRANSLATE_NOOP("MainWindow", "Send a package (export)…"),
        ("Ctrl+E",),
        window_commands.go_export,
        "records",
    ),
    WindowAction(
        "import",
        QT_TRANSLATE_NOOP("MainWindow", "Receive a package (import)…"),
        ("Ctrl+I",),
        window_commands.go_import,
        "records",
    ),
    WindowAction(
        "lock",
        QT_TRANSLATE_NOOP("MainWindow", "Lock"),
        ("Ctrl+L",),
        lambda w: w.lock.lock("manual"),
        "vault",
        normal_only=False,
        global_keys=True,
    ),
    WindowAction(
        "panic",
        QT_TRANSLATE_NOOP("MainWindow", "Panic: lock and hide"),
        PANIC_KEYS,
        lambda w: w.lock.panic(),
        "vault",
        normal_only=False,
        global_keys=True,
    ),
    WindowAction(
        "quit",
        QT_TRANSLATE_NOOP("MainWindow", "Quit"),
        ("Ctrl+Q",),
        lambda w: w.quit_requested.emit(),
        "vault",
        normal_only=False,
    ),
)


def _tr(text: object) -> str:
    return QCoreApplication.translate("MainWindow", str(text))


def registry(window: MainWindow) -> ActionRegistry:
    """The actions of a window, with one per page after the palette."""
    actions = ActionRegistry(window, [(key, _tr(title)) for key, title in MENUS])

    def normal() -> bool:  # not in meeting mode, which shows nothing else
        return window.meeting is None

    def add(action: WindowAction) -> None:
        enabled = {"enabled": normal} if action.normal_only else {}
        actions.add(
            ActionSpec(
                action.key,
                _tr(action.text),
                action.shortcuts,
                partial(action.run, window),
                action.menu,
                global_keys=action.global_keys,
                **enabled,
            )
        )

    add(PALETTE)
    for n, page_class in enumerate(window.page_classes(), start=1):
        keys = (f"Ctrl+{n}",) if page_class is not SearchPage else ("Ctrl+F", f"Ctrl+{n}")
        actions.add(
            ActionSpec(
                "search" if page_class is SearchPage else f"go{page_class.__name__}",
                page_class.title(),
                keys,
                partial(window.go_to, page_class),
                "go",
                normal,
            )
        )
    for entry in RECORDS:
        add(entry)
    return actions
