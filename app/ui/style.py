"""The application's look, in one place: spacing, type, colours, icons.

Fusion as the base on every platform (the same widgets and metrics everywhere, so
the small-screen test measures what users see), a light palette, one accent
colour, and a few rules on top. Status is never told by colour alone: each
status has a word and an icon of its own shape (``status_icon``). The alias band
(app.ui.alias_band) keeps the one strong colour on screen.

Icons are simple SVG line drawings in resources/icons (drawn for Veldboek; see
resources/icons/LICENSE). Buttons get theirs by object name when Qt polishes
them, so a screen or dialog needs no code of its own for it (``BUTTON_ICONS``).
"""

from __future__ import annotations

from enum import Enum
from functools import cache

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QFont, QIcon, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QTableView, QWidget

from app import paths
from app.domain.enums import DebriefStatus, RiskLevel, TaskingStatus

# Spacing (px): between widgets, around a page, inside a button.
SPACING = 8
MARGIN = 12
# Colours: ink on paper, a calm accent for focus and selection, and the status
# colours (all with a contrast of at least 4.5:1 on white).
INK = "#1f2933"
MUTED = "#52606d"
PAPER = "#ffffff"
WINDOW = "#f3f4f6"
LINE = "#c7ccd1"
ACCENT = "#2b6cb0"
DANGER = "#b00020"
WARNING = "#8a6d00"
OK = "#1b5e20"
INFO = "#1565c0"

# The icon (its shape tells the status without colour) and colour of a status.
STATUS: dict[Enum, tuple[str, str]] = {
    DebriefStatus.DRAFT: ("status-draft", WARNING),
    DebriefStatus.SUBMITTED: ("status-submitted", INFO),
    DebriefStatus.APPROVED: ("status-approved", OK),
    DebriefStatus.RETURNED: ("status-returned", DANGER),
    TaskingStatus.DONE: ("ok", OK),
    RiskLevel.HIGH: ("warning", DANGER),
    RiskLevel.CRITICAL: ("warning", DANGER),
}

# Buttons (by object name) and the icon each shows.
BUTTON_ICONS = {
    "lockButton": "lock",
    "unlockButton": "lock",
    "newSource": "add",
    "addAddendum": "add",
    "addSubject": "add",
    "addHandlerKey": "key",
    "saveOwnKey": "key",
    "changePassphrase": "key",
    "removeSubject": "remove",
    "editSource": "edit",
    "approveDebrief": "status-approved",
    "returnDebrief": "status-returned",
    "submitDebrief": "submit",
    "discardMeeting": "remove",
    "endMeeting": "meeting",
    "exportAllNew": "export",
    "exportSelected": "export",
    "importPackage": "import",
    "importReceipt": "import",
    "issueReceipt": "export",
    "makeReport": "reports",
    "reportDebrief": "reports",
    "reportSource": "reports",
    "previewSave": "export",
    "previewPrint": "reports",
    "revealIdentity": "reveal",
    "recordIdentity": "sources",
    "searchButton": "search",
    "verifyAudit": "ok",
    "verifyReport": "ok",
}

# The navigation's pages (by class name) and their icons.
PAGE_ICONS = {
    "HomePage": "home",
    "SourcesPage": "sources",
    "DebriefsPage": "debriefs",
    "SearchPage": "search",
    "ReportsPage": "reports",
    "PackagesPage": "packages",
    "AuditPage": "audit",
    "SettingsPage": "settings",
}

# Menu and palette actions (app.ui.actions keys) and their icons.
ACTION_ICONS = {
    "lock": "lock",
    "panic": "panic",
    "back": "back",
    "newSource": "add",
    "newDebrief": "debriefs",
    "newContact": "meeting",
    "meeting": "meeting",
    "report": "reports",
    "export": "export",
    "import": "import",
    "switchAlias": "sources",
    "palette": "search",
    **{f"go{page}": name for page, name in PAGE_ICONS.items()},
    "search": "search",
}

STYLE = f"""
QListWidget#navigation {{
    font-size: 11pt; background: {PAPER}; border: none; border-right: 1px solid {LINE};
    outline: none;
}}
QListWidget#navigation::item {{ padding: 7px 10px; border-left: 3px solid transparent; }}
QListWidget#navigation::item:selected {{
    background: #e3edf7; color: {INK}; border-left: 3px solid {ACCENT};
}}
QListWidget#navigation::item:focus {{ border-left: 3px solid {ACCENT}; }}
/* With no page chosen (a debrief on screen) no item shows the keyboard: the list does. */
QListWidget#navigation:focus {{ border-right: 2px solid {ACCENT}; }}
QPushButton {{ padding: 4px 10px; min-height: 20px; }}
/* Words only on OK, Cancel, Yes, No: an X11 desktop theme adds its own ticks and
   crosses (red), which the offscreen screenshots and tests never show. */
QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
QGroupBox {{ font-weight: bold; margin-top: 14px; padding-top: 6px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 8px; padding: 0 4px; }}
QTabBar::tab {{ padding: 5px 12px; }}
QHeaderView::section {{
    padding: 3px 6px; border: none; border-right: 1px solid {LINE};
    border-bottom: 1px solid {LINE}; background: {WINDOW}; font-weight: bold;
}}
QTableView, QTreeView, QListView {{
    gridline-color: #e4e7eb; selection-background-color: {ACCENT};
    selection-color: #ffffff; alternate-background-color: #f7f9fb;
}}
QLabel#formError {{ color: {DANGER}; font-weight: bold; }}
QStatusBar {{ color: {MUTED}; }}
QStatusBar QLabel#idleLockStatus {{ color: {MUTED}; padding: 0 8px; }}
"""


@cache
def icon(name: str) -> QIcon:
    """An icon of resources/icons by name (an empty icon if it is not there)."""
    path = paths.resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def action_icon(key: str) -> QIcon:
    name = ACTION_ICONS.get(key)
    return icon(name) if name else QIcon()


def status_icon(value: Enum | None) -> QIcon | None:
    entry = STATUS.get(value) if value is not None else None
    return icon(entry[0]) if entry else None


def status_colour(value: Enum | None) -> str | None:
    entry = STATUS.get(value) if value is not None else None
    return entry[1] if entry else None


class _Polisher(QObject):
    """When Qt polishes a widget, before it first shows: a button gets its icon
    (``BUTTON_ICONS``), a table its alternating rows and Tab that leaves it, a
    page of the main window its margins and spacing. One place for every screen
    and dialog, so none needs code of its own for the look."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Polish:
            return False
        if isinstance(watched, QAbstractButton):
            name = BUTTON_ICONS.get(watched.objectName())
            if name is not None and watched.icon().isNull():
                watched.setIcon(icon(name))
        elif isinstance(watched, QTableView):
            watched.setAlternatingRowColors(True)
            # Qt's Tab walks a table cell by cell and wraps round: the keyboard
            # never left a list. The arrow keys move within it; Tab goes on.
            watched.setTabKeyNavigation(False)
        elif isinstance(watched, QWidget) and watched.objectName().startswith("page"):
            layout = watched.layout()  # a page of the main window: one rhythm for all
            if layout is not None:
                layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
                layout.setSpacing(SPACING)
        return False


_decorator: _Polisher | None = None


def palette() -> QPalette:
    colours = QPalette()
    colours.setColor(QPalette.ColorRole.Window, QColor(WINDOW))
    colours.setColor(QPalette.ColorRole.WindowText, QColor(INK))
    colours.setColor(QPalette.ColorRole.Base, QColor(PAPER))
    colours.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f9fb"))
    colours.setColor(QPalette.ColorRole.Text, QColor(INK))
    colours.setColor(QPalette.ColorRole.Button, QColor("#e9ecef"))
    colours.setColor(QPalette.ColorRole.ButtonText, QColor(INK))
    colours.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    colours.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    colours.setColor(QPalette.ColorRole.ToolTipBase, QColor("#fffbe6"))
    colours.setColor(QPalette.ColorRole.ToolTipText, QColor(INK))
    colours.setColor(QPalette.ColorRole.PlaceholderText, QColor("#7b8794"))
    colours.setColor(QPalette.ColorRole.Link, QColor(ACCENT))
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        colours.setColor(disabled, role, QColor("#9aa5b1"))
    return colours


def apply(app: QApplication) -> None:
    global _decorator
    if app.styleSheet() == "" and app.style().name().lower() != "fusion":
        # Only when it is another style: a new style object replaces (deletes) the
        # one every widget was polished with.
        app.setStyle("Fusion")
    app.setPalette(palette())
    font = QFont(app.font())
    font.setPointSize(max(font.pointSize(), 10))
    app.setFont(font)
    app.setStyleSheet(STYLE)
    if _decorator is None:
        _decorator = _Polisher(app)
        app.installEventFilter(_decorator)


def remove(app: QApplication) -> None:
    """Take the style sheet and the polish filter off again (the palette and font
    are the caller's to restore): for tests that must leave the app as found."""
    global _decorator
    app.setStyleSheet("")
    if _decorator is not None:
        app.removeEventFilter(_decorator)
        _decorator.deleteLater()
        _decorator = None
