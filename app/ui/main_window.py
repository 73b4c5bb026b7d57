"""The main window: alias band on top, navigation on the left, pages on the right,
and a menu bar listing every action with its shortcut (app.ui.actions; the same
actions in the command palette, Ctrl+K).

It is built fresh at every unlock and destroyed at every lock, so no widget can
keep showing vault data after the keys are gone. Before it goes it tells where
the runner was (``place_at_lock``), and the next one returns there (``return_to``).
"""

from __future__ import annotations

import uuid
from functools import partial

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.admin import aliases, vaults
from app.services.records import meetings
from app.ui import i18n, style, window_actions, window_meeting, window_place
from app.ui import undo as word_undo
from app.ui.actions import ActionRegistry, ActionSpec
from app.ui.alias_band import AliasBand
from app.ui.command_palette import CommandPalette, open_palette
from app.ui.errors import notice_text, show_error
from app.ui.lock import PANIC_KEYS, LockController
from app.ui.meeting_mode import MeetingView
from app.ui.pages.audit import AuditPage
from app.ui.pages.base import Page
from app.ui.pages.debrief_editor import DebriefPage
from app.ui.pages.debriefs import DebriefsPage
from app.ui.pages.home import HomePage
from app.ui.pages.packages import PackagesPage
from app.ui.pages.reports import ReportsPage
from app.ui.pages.search import SearchPage
from app.ui.pages.settings import SettingsPage
from app.ui.pages.sources import SourcesPage
from app.ui.place import Place
from app.ui.session import AppSession
from app.ui.widgets import find_data
from app.ui.window_actions import WindowAction
from app.ui.workers import TaskRunner

__all__ = ["PANIC_KEYS", "MainWindow"]

# Buttons that do what an action does show its shortcut in their tooltip.
BUTTON_ACTIONS = {
    "lockButton": "lock",
    "newSource": "newSource",
    "newContact": "newContact",
    "newDebrief": "newDebrief",
    "searchButton": "search",
    "exportAllNew": "export",
    "debriefBack": "back",
    "backToSources": "back",
}


class MainWindow(QMainWindow):
    quit_requested: Signal = Signal()  # annotated: read by window_actions (an import cycle)

    def __init__(
        self,
        session: AppSession,
        lock: LockController,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.session = session
        self.lock: LockController = lock  # annotated, as quit_requested
        self.runner = runner
        self.meeting: MeetingView | None = None
        self.pending_meeting: meetings.MeetingRecord | None = None  # left open by a panic
        self.place_at_lock: Place | None = None
        word_undo.install()  # Ctrl+Z takes back a word, not a whole field
        # Always in view (also while a page shows a passing message): the idle lock.
        self.idle_status = QLabel()
        self.idle_status.setObjectName("idleLockStatus")
        self.statusBar().addPermanentWidget(self.idle_status)
        self._build()
        self.session.scope_changed.connect(lambda _scope: self.refresh())
        self.session.settings_changed.connect(lambda _settings: self._show_idle_setting())
        self.lock.about_to_lock.connect(self._before_lock)
        self.lock.clear_requested.connect(self.clear_vault_data)
        self.resize(1180, 760)
        self.band.show_scope(self.session.scope, aliases.list_own_aliases(self.session.vault))
        self.nav.setCurrentRow(0)  # shows the first page, loaded once (``_show_page``)

    def _build(self) -> None:
        """Every widget that shows text, in the current language: built at unlock and
        again when the language changes (``retranslate``)."""
        session, runner = self.session, self.runner
        self.setWindowTitle(self.tr("Veldboek"))
        self.band = AliasBand()
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(170)
        self.nav.setIconSize(QSize(18, 18))
        self.stack = QStackedWidget()
        self.pages: list[Page] = []
        for page_class in self.page_classes():
            self._add_page(page_class(session, runner))
        # The debrief page is reached from lists, search and source files, not the nav.
        self.debrief_page = DebriefPage(session, runner)
        self.debrief_page.setObjectName("pageDebriefPage")
        self.debrief_page.open_debrief.connect(self.open_debrief)
        self.debrief_page.back.connect(self._back_from_debrief)
        self.debrief_page.report_requested.connect(self.report_debrief)
        sources_page = self.page(SourcesPage)
        assert isinstance(sources_page, SourcesPage)
        sources_page.report_source.connect(self.report_source)
        settings_page = self.page(SettingsPage)
        assert isinstance(settings_page, SettingsPage)
        settings_page.language_changed.connect(self.apply_language)
        self.stack.addWidget(self.debrief_page)
        self._return_row = 0
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        self.normal = QWidget()
        outer = QVBoxLayout(self.normal)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.band)
        outer.addWidget(self._integrity_banner())
        outer.addLayout(body, 1)
        self.central = QStackedWidget()
        self.central.addWidget(self.normal)
        self.setCentralWidget(self.central)  # deletes the one built before, if any
        self.palette_dialog: CommandPalette | None = None
        self._actions()
        self.nav.currentRowChanged.connect(self._show_page)
        self.band.switch_requested.connect(self._switch_alias)
        self.band.lock_requested.connect(lambda: self.lock.lock("manual"))
        self._show_idle_setting()

    def _show_idle_setting(self) -> None:
        self.idle_status.setText(
            self.tr("Locks after {m} min without activity · Panic: F12").format(
                m=self.session.settings.idle_lock_minutes
            )
        )

    # -- language ---------------------------------------------------------------

    def apply_language(self, choice: str) -> None:
        """Settings chose another language: switch at once. Later, from the event
        loop: the Settings page that asked is one of the widgets rebuilt."""
        i18n.switch(choice)

        def rebuild() -> None:
            self.retranslate()
            self.statusBar().showMessage(self.tr("Settings saved."), 6000)

        QTimer.singleShot(0, rebuild)

    def retranslate(self) -> None:
        """Build every page again in the current language, keeping the user's place:
        the page on screen, the open debrief or source file. Typed text is saved
        first (the editors autosave into the vault)."""
        if self.meeting is not None or not self.lock.is_unlocked:
            return
        self.save_pending()
        row = self.nav.currentRow()
        view = self.debrief_page.view
        debrief = view.id if view is not None and self._on_debrief_page() else None
        return_row = self._return_row
        source = self.current_source() if debrief is None else None
        for page in [*self.pages, self.debrief_page]:
            page.clear_vault_data()  # stops their timers and late results
        self.registry.dispose()  # its keys and menus, before the new language's
        self._build()
        self.refresh()
        self.nav.setCurrentRow(max(0, row))
        if debrief is not None:
            self.open_debrief(debrief)
            self._return_row = return_row
        elif source is not None:
            self.open_source(source[0])

    def _on_debrief_page(self) -> bool:
        return (
            self.stack.currentWidget() is self.debrief_page and self.debrief_page.view is not None
        )

    def _integrity_banner(self) -> QLabel:
        """A warning that stays in view for the whole session when the vault did not
        match its anchor at unlock (a rolled-back or edited database)."""
        self.integrity_banner = QLabel()
        self.integrity_banner.setObjectName("integrityWarning")
        self.integrity_banner.setWordWrap(True)
        self.integrity_banner.setStyleSheet(
            "QLabel#integrityWarning { background: #b00020; color: #ffffff; padding: 8px 12px; }"
        )
        warning = vaults.integrity_warning(self.session.vault)
        if warning is not None:
            self.integrity_banner.setText(notice_text(warning))
        self.integrity_banner.setVisible(warning is not None)
        return self.integrity_banner

    @staticmethod
    def page_classes() -> list[type[Page]]:
        return [
            HomePage,
            SourcesPage,
            DebriefsPage,
            SearchPage,
            ReportsPage,
            PackagesPage,
            AuditPage,
            SettingsPage,
        ]

    def _add_page(self, page: Page) -> None:
        page.setObjectName(f"page{type(page).__name__}")
        self.pages.append(page)
        self.stack.addWidget(page)
        self.nav.addItem(
            QListWidgetItem(style.icon(style.PAGE_ICONS[type(page).__name__]), page.title())
        )
        page.open_source.connect(self.open_source)
        page.open_debrief.connect(self.open_debrief)

    def _actions(self) -> None:
        """The actions of ``window_actions``, with one per page after the palette."""
        self.registry = ActionRegistry(
            self, [(key, self.tr(str(title))) for key, title in window_actions.MENUS]
        )

        def normal() -> bool:  # not in meeting mode, which shows nothing else
            return self.meeting is None

        def add(action: WindowAction) -> None:
            enabled = {"enabled": normal} if action.normal_only else {}
            self.registry.add(
                ActionSpec(
                    action.key,
                    self.tr(str(action.text)),
                    action.shortcuts,
                    partial(action.run, self),
                    action.menu,
                    global_keys=action.global_keys,
                    **enabled,
                )
            )

        add(window_actions.PALETTE)
        for n, page_class in enumerate(self.page_classes(), start=1):
            keys = (f"Ctrl+{n}",) if page_class is not SearchPage else ("Ctrl+F", f"Ctrl+{n}")
            self.registry.add(
                ActionSpec(
                    "search" if page_class is SearchPage else f"go{page_class.__name__}",
                    self.pages[n - 1].title(),
                    keys,
                    partial(self.go_to, page_class),
                    "go",
                    normal,
                )
            )
        for entry in window_actions.RECORDS:
            add(entry)
        for key, action in self.registry.actions.items():
            action.setIcon(style.action_icon(key))
        self.menus = self.registry.build_menus(self.menuBar())
        self.lock_action = self.registry.actions["lock"]
        self.panic_action = self.registry.actions["panic"]
        self.quit_action = self.registry.actions["quit"]
        self.meeting_action = self.registry.actions["meeting"]
        self.search_action = self.registry.actions["search"]
        self.show_shortcuts_on_buttons()

    def show_shortcuts_on_buttons(self) -> None:
        """Buttons that do what an action does say its shortcut (tooltip)."""
        for button in self.findChildren(QPushButton):
            key = BUTTON_ACTIONS.get(button.objectName())
            if key is not None:
                button.setToolTip(self.registry.tooltip(key))
        for row, page in enumerate(self.pages):
            key = "search" if isinstance(page, SearchPage) else f"go{type(page).__name__}"
            self.nav.item(row).setToolTip(self.registry.tooltip(key))

    def open_palette(self) -> CommandPalette:
        self.registry.refresh()
        self.palette_dialog = open_palette(self.registry, self)
        return self.palette_dialog

    # -- navigation -----------------------------------------------------------

    def go_to(self, page_class: type[Page]) -> None:
        """A page by its shortcut: shown, with the keyboard in its first field."""
        page = self.show_page(page_class)
        if isinstance(page, SourcesPage):
            page.show_list()
        entry = page.entry_widget()
        if entry is not None:
            entry.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def page(self, page_class: type[Page]) -> Page:
        return next(p for p in self.pages if isinstance(p, page_class))

    def show_page(self, page_class: type[Page]) -> Page:
        page = self.page(page_class)
        self.nav.setCurrentRow(self.pages.index(page))
        return page

    def _show_page(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            if self.stack.currentWidget() is self.debrief_page:
                self.debrief_page.save_now()
            self.stack.setCurrentIndex(row)
            try:
                self.pages[row].reload()
            except Exception as exc:
                show_error(self, exc)

    def open_source(self, source_id: uuid.UUID) -> None:
        page = self.page(SourcesPage)
        assert isinstance(page, SourcesPage)
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(self.pages.index(page))
        self.nav.blockSignals(False)
        self.stack.setCurrentWidget(page)
        try:
            page.show_source(source_id)
        except Exception as exc:
            show_error(self, exc)

    def open_debrief(self, debrief_id: uuid.UUID) -> None:
        if self.stack.currentWidget() is not self.debrief_page:
            self._return_row = max(0, self.nav.currentRow())
        try:
            self.debrief_page.open(debrief_id)
        except Exception as exc:
            show_error(self, exc)
            return
        self.stack.setCurrentWidget(self.debrief_page)

    def report_debrief(self, debrief_id: uuid.UUID, label: str) -> None:
        page = self.show_page(ReportsPage)
        assert isinstance(page, ReportsPage)
        page.set_debrief(debrief_id, label)

    def report_source(self, source_id: uuid.UUID) -> None:
        page = self.show_page(ReportsPage)
        assert isinstance(page, ReportsPage)
        page.set_debrief(None)
        page.source.setCurrentIndex(max(0, find_data(page.source, source_id)))

    def go_back(self) -> None:
        """From a debrief to the list it was opened from; from a source's file to
        the list of sources."""
        if self.stack.currentWidget() is self.debrief_page:
            self.debrief_page.save_now()
            self._back_from_debrief()
            return
        sources_page = self.page(SourcesPage)
        assert isinstance(sources_page, SourcesPage)
        if self.stack.currentWidget() is sources_page and sources_page.stack.currentIndex():
            sources_page.show_list()

    def choose_alias(self) -> None:
        self.band.switcher.setFocus()
        self.band.switcher.showPopup()

    def _back_from_debrief(self) -> None:
        self.stack.setCurrentIndex(self._return_row)
        self.nav.setCurrentRow(self._return_row)
        current = self.pages[self._return_row]
        try:
            current.reload()
        except Exception as exc:
            show_error(self, exc)

    # -- meeting mode ---------------------------------------------------------

    def current_source(self) -> tuple[uuid.UUID, str] | None:
        """The source on screen: an open debrief's or an open source file's."""
        if self.stack.currentWidget() is self.debrief_page and self.debrief_page.view is not None:
            view = self.debrief_page.view
            return view.source_id, view.codename
        sources_page = self.page(SourcesPage)
        assert isinstance(sources_page, SourcesPage)
        if self.stack.currentWidget() is sources_page and sources_page.file_view.file is not None:
            overview = sources_page.file_view.file.overview
            return overview.id, overview.shown_codename
        return None

    def enter_meeting(self) -> None:
        window_meeting.enter(self)

    def resume_meeting(self, record: meetings.MeetingRecord) -> None:
        """Back into the meeting a lock interrupted, its note as last saved."""
        window_meeting.resume(self, record)

    def _leave_meeting(self, record: object) -> None:
        window_meeting.leave(self, record)

    def save_pending(self) -> None:
        """Before locking or switching away: keep typed text."""
        self.debrief_page.save_now()
        if self.meeting is not None:
            self.meeting.save_note()

    def refresh(self) -> None:
        self.band.show_scope(self.session.scope, aliases.list_own_aliases(self.session.vault))
        if self.debrief_page.view is not None:
            # Another alias may not see this debrief: out of the page's widgets
            # (also when the page is not on screen), and back to a list.
            self.debrief_page.save_now()
            self.debrief_page.clear_vault_data()
        if self.stack.currentWidget() is self.debrief_page:
            self.stack.setCurrentIndex(self._return_row)
        sources_page = self.page(SourcesPage)
        assert isinstance(sources_page, SourcesPage)
        sources_page.file_view.clear_vault_data()
        sources_page.stack.setCurrentIndex(0)
        # A codename typed to filter the last alias's sources: not on this alias's
        # screen, and not hiding its list.
        sources_page.filter.clear()
        current = self.stack.currentWidget()
        if isinstance(current, Page):
            try:
                current.reload()
            except Exception as exc:
                show_error(self, exc)

    def _switch_alias(self, name: str) -> None:
        self.save_pending()
        try:
            self.session.switch_alias(name)
        except Exception as exc:
            show_error(self, exc)
            self.refresh()

    # -- locking --------------------------------------------------------------

    def place(self) -> Place:
        """Where the runner is now (``window_place``)."""
        return window_place.place_of(self)

    def return_to(self, place: Place, *, resume_meeting: bool) -> None:
        """After an unlock: back to ``place``, as far as it is still there."""
        window_place.return_to(self, place, resume_meeting=resume_meeting)

    def _before_lock(self, reason: str) -> None:
        """The lock is coming: remember the place, keep what is typed."""
        self.place_at_lock = self.place()
        self.debrief_page.save_now()
        if self.meeting is not None:
            self.meeting.keep_for_lock(reason)
        elif reason == "quit" and self.pending_meeting is not None:
            # Never went back to it: end it now, with its length, as leaving would.
            meetings.close_as_saved(self.session.vault, self.session.scope, self.pending_meeting)

    def clear_vault_data(self) -> None:
        for page in [*self.pages, self.debrief_page]:
            page.clear_vault_data()
        if self.meeting is not None:
            self.meeting.clear_vault_data()
        self.band.clear()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.lock.is_unlocked:
            self.quit_requested.emit()
        event.accept()
