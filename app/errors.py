"""Errors a user can act on.

Every error here carries a message that is safe to show and to print: it never
contains vault content (no narratives, identities, keys or passphrases).
Anything that is not a ``VeldboekError`` is a bug and is reported as one.

An error is raised with an English message *template* (a string literal) and
named parameters: ``InvalidInput("Wait {seconds} s.", seconds=3)``. ``str(err)``
is the English text (CLI, logs); the GUI looks the template up in its Dutch
translation and fills in the same parameters (``localised``). tools/translate.py
collects the templates from the code, so a new message cannot go untranslated
without the i18n test noticing.
"""

from __future__ import annotations

from collections.abc import Callable


class VeldboekError(Exception):
    """Base for known, user-actionable errors. ``str(err)`` is the English message."""

    exit_code = 1

    def __init__(self, template: str = "", **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params) if params else template)

    def localised(self, translate: Callable[[str], str]) -> str:
        """The message with its template translated by ``translate``."""
        return _localised(self.template, self.params, translate) if self.template else str(self)


class Notice(str):
    """A warning a service hands back (a gap in a channel, a compaction owed): the
    English text, as a ``str``, with its template and parameters kept so that the GUI
    can show it translated (context ``Errors``, like the errors' templates)."""

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, **params: object) -> Notice:
        notice = super().__new__(cls, template.format(**params) if params else template)
        notice.template, notice.params = template, params
        return notice

    def localised(self, translate: Callable[[str], str]) -> str:
        return _localised(self.template, self.params, translate)


def _localised(template: str, params: dict[str, object], translate: Callable[[str], str]) -> str:
    text = translate(template)
    if not params:
        return text
    # A parameter that is itself a notice (the reason inside a warning) is translated too.
    return text.format(
        **{k: v.localised(translate) if isinstance(v, Notice) else v for k, v in params.items()}
    )


class VaultError(VeldboekError):
    """Something about the vault files or their state."""


class VaultNotFound(VaultError):
    pass


class VaultExists(VaultError):
    pass


class VaultLocationError(VaultError):
    """The vault folder cannot be created or written (a path or permission problem)."""


class WrongPassphrase(VaultError):
    pass


class PassphraseChangedElsewhere(WrongPassphrase):
    """The passphrase was changed by another process after this one unlocked."""


class VaultBusy(VaultError):
    """Another process holds the vault (its header lock or the database's write
    lock) for longer than we wait."""


class LeftoverFiles(VaultError):
    """A temporary file of an interrupted write could not be removed."""


class UnlockThrottled(VaultError):
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(
            "Too many failed attempts: wait {seconds} s before trying again.",
            seconds=max(1, round(seconds)),
        )


class HeaderCorrupt(VaultError):
    pass


class DatabaseCorrupt(VaultError):
    pass


class DeviceSecretUnavailable(VaultError):
    pass


class VaultLocked(VaultError):
    def __init__(self) -> None:
        super().__init__("The vault is locked.")


class StorageFull(VaultError):
    pass


class MigrationFailed(VaultError):
    pass


class UnsafeOutput(VeldboekError):
    """A file the user chose to write would land in a vault folder, on one of a
    vault's files, or on something that is not a regular file: nothing was written."""


class OutputExists(UnsafeOutput):
    """The chosen file exists; it is replaced only on request (``--force`` on the
    command line, a confirmation in the app)."""


class PassphraseRejected(VeldboekError):
    """A new passphrase does not meet the minimum rules."""


class AccessDenied(VeldboekError):
    """The active alias may not see or change this record."""


class UnknownAlias(VeldboekError):
    pass


class NotFound(VeldboekError):
    pass


class InvalidInput(VeldboekError):
    pass


class InvalidName(InvalidInput):
    """A name (alias, codename, key name) breaks the rule in app/domain/names.py."""


class NoRecipient(InvalidInput):
    """No team handler's (or central) key is known: a package could go to no one.
    The app explains how to add one in its own words and opens the key dialog."""


class UnreadableFile(InvalidInput):
    """A file the user chose is not read: it is missing, not a regular file (a
    folder, a device, a pipe), or changed while it was read."""


class FileTooLarge(UnreadableFile):
    """A file the user chose is larger than any file of its kind can be
    (``app.limits``); refused before it is read."""


class WorkflowError(VeldboekError):
    """A debrief or report is not in a state that allows this action."""


class SelfTestFailed(VeldboekError):
    pass


class CheckFailed(VeldboekError):
    """`veldboek check` found a problem (the report says which)."""


class PackageError(VeldboekError):
    """A package or receipt was refused; the message says why."""


class ReportError(VeldboekError):
    pass


class ReportCancelled(ReportError):
    """The user stopped a report while it was being made; nothing was issued."""

    def __init__(self) -> None:
        super().__init__("The report was cancelled; nothing was issued or requested.")
