"""The main window: alias band on top, navigation on the left, pages on the right,
and a menu bar listing every action with its shortcut (app.ui.actions; the same
actions in the command palette, Ctrl+K).

It is built fresh at every unlock and destroyed at every lock, so no widget can
keep showing vault data after the keys are gone. A page is built when it is first
shown or asked for (``page``): the first screen is up sooner after the unlock, and
a page never built holds nothing to clear. Before it goes it tells where
the runner was (``place_at_lock``), and the next one returns there (``return_to``).
"""

from __future__ import annotations

import contextlib
import uuid
from typing import TypeVar

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import VeldboekError
from app.services.admin import aliases, vaults
from app.services.records import meetings
from app.ui import (
    held_at_lock,
    i18n,
    style,
    window_actions,
    window_commands,
    window_meeting,
    window_place,
)
from app.ui import undo as word_undo
from app.ui.alias_band import AliasBand
from app.ui.command_palette import CommandPalette, open_palette
from app.ui.errors import notice_text, show_error
from app.ui.lock import PANIC_KEYS, LockController
from app.ui.meeting_mode import MeetingView
from app.ui.navigation import Navigation
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
from app.ui.window_size import resize_within_screen, show_sized
from app.ui.workers import TaskRunner

__all__ = ["PANIC_KEYS", "MainWindow"]

P = TypeVar("P", bound=Page)
# The size the window opens at where the screen has room; maximised where not
# (``show``: a 1366x768 laptop).
WANTED = (1180, 760)

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
        resize_within_screen(self, *WANTED)  # a 1366x768 laptop has less height
        self.band.show_scope(self.session.scope, aliases.list_own_aliases(self.session.vault))
        self.nav.setCurrentRow(0)  # shows the first page, loaded once (``_show_page``)

    def _build(self) -> None:
        """Every widget that shows text, in the current language: built at unlock and
        again when the language changes (``retranslate``)."""
        self.setWindowTitle(self.tr("Veldboek"))
        self.band = AliasBand()
        self.nav = Navigation()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(170)
        self.nav.setIconSize(QSize(18, 18))
        self.stack = QStackedWidget()
        self._built: dict[type[Page], Page] = {}  # in the stack, in the order built
        self._debrief: DebriefPage | None = None
        for page_class in self.page_classes():
            icon = style.icon(style.PAGE_ICONS[page_class.__name__])
            self.nav.addItem(QListWidgetItem(icon, page_class.title()))
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
        self.runner.writing_ended.connect(self.band.end_hold)
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
        """The window again in the current language (its pages built anew as they
        are shown), keeping the user's place: the page on screen, the open debrief
        or source file. Typed text is saved first (the editors autosave into the
        vault)."""
        if self.meeting is not None or not self.lock.is_unlocked:
            return
        self.save_pending()
        shown = self.debrief_on_screen()
        debrief = shown.view.id if shown is not None and shown.view is not None else None
        return_row = self._return_row
        row = return_row if shown is not None else self.nav.currentRow()
        source = self.current_source() if debrief is None else None
        for page in self.built_pages():
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

    def _actions(self) -> None:
        """The actions of ``window_actions``, with one per page after the palette."""
        self.registry = window_actions.registry(self)
        for key, action in self.registry.actions.items():
            action.setIcon(style.action_icon(key))
        self.menus = self.registry.build_menus(self.menuBar())
        self.lock_action = self.registry.actions["lock"]
        self.panic_action = self.registry.actions["panic"]
        self.quit_action = self.registry.actions["quit"]
        self.meeting_action = self.registry.actions["meeting"]
        self.search_action = self.registry.actions["search"]
        self.show_shortcuts_on_buttons()

    def show_shortcuts_on_buttons(self, root: QWidget | None = None) -> None:
        """Buttons that do what an action does say its shortcut (tooltip): those of
        ``root`` (a page just built), or all of them and the navigation's."""
        for button in (root or self).findChildren(QPushButton):
            key = BUTTON_ACTIONS.get(button.objectName())
            if key is not None:
                button.setToolTip(self.registry.tooltip(key))
        if root is not None:
            return
        for row, page_class in enumerate(self.page_classes()):
            key = "search" if page_class is SearchPage else f"go{page_class.__name__}"
            self.nav.item(row).setToolTip(self.registry.tooltip(key))

    def open_palette(self) -> CommandPalette:
        self.registry.refresh()
        extra = window_commands.source_commands(self)
        self.palette_dialog = open_palette(self.registry, self, extra)
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
        """The page of the navigation of ``page_class``, built the first time."""
        page = self._built.get(page_class)
        if page is None:
            if page_class not in self.page_classes():
                raise LookupError(page_class.__name__)
            page = page_class(self.session, self.runner)
            if isinstance(page, SourcesPage):
                page.report_source.connect(self.report_source)
            if isinstance(page, SettingsPage):
                page.language_changed.connect(self.apply_language)
            page.open_source.connect(self.open_source)
            self._built[page_class] = self._add_page(page)
        return page

    def built(self, page_class: type[Page]) -> Page | None:
        """The page of ``page_class`` if it was built (not building it)."""
        return self._built.get(page_class)

    def built_pages(self) -> list[Page]:
        """The pages built so far, the debrief page too: the only ones with data."""
        return [*self._built.values(), *([self._debrief] if self._debrief is not None else [])]

    @property
    def debrief_page(self) -> DebriefPage:
        """The page of one debrief, reached from lists, search and source files (not
        the navigation); built when first asked for."""
        if self._debrief is None:
            page = DebriefPage(self.session, self.runner)
            page.back.connect(self._back_from_debrief)
            page.report_requested.connect(self.report_debrief)
            self._debrief = self._add_page(page)
        return self._debrief

    def debrief_on_screen(self) -> DebriefPage | None:
        current = self.stack.currentWidget()
        return current if isinstance(current, DebriefPage) else None

    def _add_page(self, page: P) -> P:
        page.setObjectName(f"page{type(page).__name__}")
        page.open_debrief.connect(self.open_debrief)
        self.stack.addWidget(page)
        self.show_shortcuts_on_buttons(page)
        return page

    def _row_page(self, row: int) -> Page:
        return self.page(self.page_classes()[row])

    def show_page(self, page_class: type[Page]) -> Page:
        page = self.page(page_class)
        self.nav.setCurrentRow(self.page_classes().index(page_class))
        return page

    def _show_page(self, row: int) -> None:
        if 0 <= row < len(self.page_classes()):
            debrief = self.debrief_on_screen()
            if debrief is not None:
                debrief.save_now()
            page = self._row_page(row)
            self.stack.setCurrentWidget(page)
            try:
                page.reload()
            except Exception as exc:
                show_error(self, exc)

    def open_source(self, source_id: uuid.UUID) -> None:
        page = self.page(SourcesPage)
        assert isinstance(page, SourcesPage)
        window_place.mark_nav(self, self.page_classes().index(SourcesPage))
        self.stack.setCurrentWidget(page)
        try:
            page.show_source(source_id)
        except Exception as exc:
            show_error(self, exc)

    def open_debrief(self, debrief_id: uuid.UUID) -> None:
        if self.debrief_on_screen() is None:
            self._return_row = max(0, self.nav.currentRow())
        try:
            self.debrief_page.open(debrief_id)
        except Exception as exc:
            show_error(self, exc)
            return
        window_place.show_debrief_page(self)
        self.debrief_page.take_keyboard()

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
        debrief = self.debrief_on_screen()
        if debrief is not None:
            debrief.save_now()
            self._back_from_debrief()
            return
        sources_page = self.stack.currentWidget()
        if isinstance(sources_page, SourcesPage) and sources_page.stack.currentIndex():
            sources_page.show_list()

    def choose_alias(self) -> None:
        self.band.switcher.setFocus()
        self.band.switcher.showPopup()

    def _back_from_debrief(self) -> None:
        current = self._row_page(self._return_row)
        self.stack.setCurrentWidget(current)
        window_place.mark_nav(self, self._return_row)
        try:
            current.reload()
        except Exception as exc:
            show_error(self, exc)

    # -- meeting mode ---------------------------------------------------------

    def current_source(self) -> tuple[uuid.UUID, str] | None:
        """The source on screen: an open debrief's or an open source file's."""
        current = self.stack.currentWidget()
        if isinstance(current, DebriefPage) and current.view is not None:
            return current.view.source_id, current.view.codename
        if isinstance(current, SourcesPage) and current.file_view.file is not None:
            overview = current.file_view.file.overview
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
        if self._debrief is not None:
            self._debrief.save_now()
        if self.meeting is not None:
            self.meeting.save_note()

    def refresh(self) -> None:
        self.band.show_scope(self.session.scope, aliases.list_own_aliases(self.session.vault))
        if self._debrief is not None:
            self._debrief.save_now()  # typed text kept before it leaves the page
        # Another alias may not see what any page holds (a debrief, a codename in a
        # filter or a status line): out of every built page, on screen or not; the
        # one on screen loads the new alias's files below, the others when shown.
        for page in self.built_pages():
            page.clear_vault_data()
        if self.debrief_on_screen() is not None:
            self.stack.setCurrentWidget(self._row_page(self._return_row))
            window_place.mark_nav(self, self._return_row)
        current = self.stack.currentWidget()
        if isinstance(current, Page):
            try:
                current.reload()
            except Exception as exc:
                show_error(self, exc)

    def _switch_alias(self, name: str) -> None:
        # Work that writes answers on this alias's pages (a switch clears them): not yet.
        busy = self.runner.writing()
        if busy and name != self.session.scope.alias_name:
            self.band.hold(self.session.scope.alias_name, busy)
            return
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
        try:
            if self._debrief is not None:
                self._debrief.save_now()
            if self.meeting is not None:
                self.meeting.keep_for_lock(reason)
            elif reason == "quit" and self.pending_meeting is not None:
                # Never went back to it: end it now, with its length, as leaving would
                # (on a full disk it stays open, as after the panic: ended next time).
                with contextlib.suppress(VeldboekError):
                    meetings.close_as_saved(
                        self.session.vault, self.session.scope, self.pending_meeting
                    )
        finally:
            # What could still not be written (a full disk) is held until the next
            # unlock, whatever failed above.
            held_at_lock.hold_unsaved(self.session, self._debrief, self.meeting)

    def clear_vault_data(self) -> None:
        for page in self.built_pages():
            page.clear_vault_data()
        if self.meeting is not None:
            self.meeting.clear_vault_data()
        self.band.clear()

    def show_on_screen(self) -> None:
        """Shown at its size, or maximised on a small screen (window_size)."""
        show_sized(self, QSize(*WANTED))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.lock.is_unlocked:
            self.quit_requested.emit()
        event.accept()
