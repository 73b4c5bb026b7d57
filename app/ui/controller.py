"""Which window is shown when: first-run wizard, unlock dialog or main window.

Unlock builds a fresh main window and returns to where the runner was; lock
destroys it. After a panic no window is shown at all: starting Veldboek again
(``app/ui/single_instance.py``) brings this instance's unlock dialog back, and the
unlock opens on Home. Quitting locks first.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from app.domain.enums import Role
from app.domain.scope import Scope
from app.errors import VeldboekError
from app.services.admin import aliases, vaults
from app.services.demo_data import generator as demo
from app.services.records import form_drafts, held_text
from app.ui import held_at_lock
from app.ui.clipboard import ClipboardGuard
from app.ui.errors import show_error
from app.ui.first_run import FirstRunWizard
from app.ui.lock import LockController
from app.ui.main_window import MainWindow
from app.ui.place import Place
from app.ui.screen import Retirer, loop_level
from app.ui.session import AppSession
from app.ui.unlock_dialog import UnlockDialog
from app.ui.workers import TaskRunner

DEMO_SOURCES = 40
DEMO_DEBRIEFS = 600


log = logging.getLogger(__name__)


class AppController(QObject):
    def __init__(
        self,
        vault_path: Path,
        *,
        demo_vault: bool = False,
        kdf_target_seconds: float = 0.7,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # Qt's own file, print and message dialogs, never the platform's: a native
        # file picker is another program's window, whose keys never reach Qt, so
        # the panic key and Ctrl+L would do nothing while it is open, and the lock
        # could not close it.
        QApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
        self.vault_path = vault_path
        self.demo_vault = demo_vault
        self.kdf_target_seconds = kdf_target_seconds
        self.runner = TaskRunner(self)
        self.clipboard = ClipboardGuard(parent=self)
        self.lock = LockController(self.clipboard, self)
        self.lock.locked.connect(self._on_locked)
        self.window: MainWindow | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self.wizard: FirstRunWizard | None = None
        self.retirer = Retirer(self)
        self._window_level = 0  # the event loop level the main window was made at
        # Kept in memory only, until the next unlock (nothing of it is written):
        self._place = Place()  # where to return to
        self._resume_meeting = True  # straight back into a meeting (not after a panic)
        self._alias: str | None = None  # the alias the vault was last unlocked as
        self._quitting = False
        self._locked_once = False  # the vault was unlocked and locked in this run

    def start(self) -> None:
        if vaults.exists(self.vault_path):
            self.show_unlock()
        elif self.demo_vault:
            self._make_demo_vault()
        else:
            self.show_wizard()

    # -- before unlock ----------------------------------------------------------

    def show_wizard(self) -> None:
        self.wizard = FirstRunWizard(
            self.vault_path, self.runner, target_seconds=self.kdf_target_seconds
        )
        self.wizard.created.connect(self._unlock_with)
        self.wizard.rejected.connect(self.quit)
        self.wizard.show()

    def _make_demo_vault(self) -> None:
        progress = QProgressDialog(
            self.tr("Preparing the demo vault (synthetic data)…"), "", 0, DEMO_DEBRIEFS
        )
        progress.setObjectName("demoProgress")
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        progress.setMinimumDuration(0)
        progress.show()
        path = self.vault_path

        def work(report: Any) -> None:
            vaults.create(
                path,
                demo.DEMO_PASSPHRASE,
                alias_name=demo.DEMO_ALIAS,
                role=Role.RUNNER,
                target_seconds=self.kdf_target_seconds,
            )
            with vaults.unlock(path, demo.DEMO_PASSPHRASE) as vault:
                demo.generate(vault, sources=DEMO_SOURCES, debriefs=DEMO_DEBRIEFS, progress=report)

        def done(_result: object) -> None:
            progress.close()
            self.show_unlock()

        def failed(exc: BaseException) -> None:
            progress.close()
            show_error(None, exc)
            self.quit()

        self.runner.start(
            work,
            done,
            failed,
            lambda d, _t: progress.setValue(d),
            writes=progress.labelText(),
        )

    def show_unlock(self, visible: bool = True) -> None:
        if self.unlock_dialog is not None:
            self.unlock_dialog.deleteLater()
        dialog = UnlockDialog(
            self.vault_path, self.runner, alias=self._alias, after_lock=self._locked_once
        )
        dialog.unlocked.connect(self._on_unlocked)
        dialog.rejected.connect(self.quit)
        dialog.show_held(held_text.waiting())  # what the lock could not write
        self.unlock_dialog = dialog
        if visible:
            self._raise(dialog)
            dialog.passphrase.setFocus()

    def bring_back(self) -> None:
        """Veldboek was started again (for this vault): show what this instance
        has, the unlock dialog after a panic."""
        for window in (self.window, self.unlock_dialog, self.wizard):
            if window is not None:
                self._raise(window)
                if window is self.unlock_dialog:
                    self.unlock_dialog.passphrase.setFocus()
                return

    @staticmethod
    def _raise(window: QWidget) -> None:
        if window.isMaximized():
            window.showMaximized()  # back from the taskbar as it was, not made smaller
        else:
            window.showNormal()
        window.raise_()
        window.activateWindow()

    def _unlock_with(self, passphrase: str) -> None:
        path = self.vault_path

        def work(_progress: Any) -> vaults.Vault:
            return vaults.unlock(path, passphrase)

        def failed(exc: BaseException) -> None:
            show_error(None, exc)
            self.show_unlock()

        # It records the unlock, but no window is open yet to keep an alias for:
        # the window is built from its result.
        self.runner.start(work, self._on_unlocked, failed, writes=None)

    # -- unlocked ---------------------------------------------------------------

    def _on_unlocked(self, vault: object) -> None:
        assert isinstance(vault, vaults.Vault)
        try:
            scope = aliases.default_scope(vault)
        except Exception as exc:
            vault.lock()
            show_error(None, exc)
            self.show_unlock()
            return
        with contextlib.suppress(VeldboekError):
            form_drafts.drop_stale(vault)  # forms nobody came back to
        back = _put_back_held(vault, scope)  # before the editor reloads its draft
        session = AppSession(vault, scope)
        # Before the window's own handler (connected later), which clears the pages.
        session.scope_changed.connect(lambda _new: self._forget_scope_work())
        # Held for another alias (the one that typed it): put back when it is taken up.
        session.scope_changed.connect(lambda new: self._put_back_for(vault, new))
        self.clipboard.seconds = session.settings.clipboard_clear_seconds
        session.settings_changed.connect(
            lambda s: setattr(self.clipboard, "seconds", s.clipboard_clear_seconds)
        )
        self.lock.attach(session)
        self._window_level = loop_level()
        self.window = MainWindow(session, self.lock, self.runner)
        self.window.quit_requested.connect(self.quit)
        place, self._place = self._place, Place()
        self.window.return_to(place, resume_meeting=self._resume_meeting)
        self.window.show_on_screen()
        if self.unlock_dialog is not None:
            self.unlock_dialog.deleteLater()
            self.unlock_dialog = None
        if back is not None:
            held_at_lock.say_put_back(self.window, back)

    def _on_locked(self, reason: str) -> None:
        self._locked_once = True
        # Results of work started before the lock have no screen to go to.
        self.runner.forget_pending()
        window, self.window = self.window, None
        if window is not None:
            self._place = (window.place_at_lock or Place()).after(reason)
            self._resume_meeting = reason != "panic"
            self._alias = window.session.scope.alias_name
            self.retirer.retire(window, self._window_level)
        for dialog in self.lock.closed_dialogs:
            self.retirer.retire(dialog, self._window_level)
        self.lock.closed_dialogs = []
        if not self._quitting:
            # After a panic nothing is shown: no window, no taskbar entry.
            self.show_unlock(visible=reason != "panic")

    def _forget_scope_work(self) -> None:
        """Another alias: results of work started under the last one (a list, a
        count, a report) are that alias's, and go nowhere, whether the work is
        still queued or already running; the pages are cleared next, and reset
        what waited for it (``Page.clear_vault_data``)."""
        self.runner.forget_pending()
        if self.window is not None:
            # The end of that work would have closed them: nothing will now.
            for dialog in self.window.findChildren(QProgressDialog):
                dialog.cancel()

    def _put_back_for(self, vault: vaults.Vault, scope: Scope) -> None:
        back = _put_back_held(vault, scope)
        if back is not None and self.window is not None:
            held_at_lock.say_put_back(self.window, back)

    def quit(self) -> None:
        session = self.lock.session
        self._quitting = True
        self.lock.lock("quit")
        if session is not None and held_text.waiting(session.vault.vault_id):
            # The lock could not write what was typed (a full disk): quitting now
            # would lose it. Locked instead; the unlock screen says so, and quitting
            # from there is a choice made knowing it.
            self._quitting = False
            self.show_unlock()
            return
        QApplication.quit()


def _put_back_held(vault: vaults.Vault, scope: Scope) -> held_text.PutBack | None:
    """What a lock could not write (a full disk), held in memory until now: into
    the vault (``held_text``). None if nothing was held."""
    try:
        held_text.ready(vault)
        back = held_text.put_back(vault, scope)
    except Exception as exc:  # an unlock is never left half done
        log.warning("could not put back the text held at the lock (%s)", type(exc).__name__)
        return None
    return back if back.stored or back.still_held or back.dropped else None
