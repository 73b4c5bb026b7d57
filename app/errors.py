"""Errors a user can act on.

Every error here carries a message that is safe to show and to print: it never
contains vault content (no codenames, narratives, identities, keys or passphrases).
Anything that is not a ``VeldboekError`` is a bug and is reported as one.
"""

from __future__ import annotations


class VeldboekError(Exception):
    """Base for known, user-actionable errors. ``str(err)`` is the message to show."""

    exit_code = 1


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


class UnlockThrottled(VaultError):
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(
            f"Too many failed attempts: wait {max(1, round(seconds))} s before trying again."
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
