"""Why a package or receipt was refused. Every message is one line a user can act
on and names no vault content."""

from __future__ import annotations

from app.errors import PackageError


class MalformedPackage(PackageError):
    """The bytes are not a well-formed package (damaged, cut off or not ours)."""


class TamperedPackage(PackageError):
    """Authentication failed somewhere: the file was altered after sealing."""


class NotForThisVault(PackageError):
    """This vault's key is not among the package's recipients."""


class UnknownSender(PackageError):
    """The signer is not a key this vault has confirmed."""


class BadSignature(PackageError):
    """The signature does not verify with the sender's confirmed key."""


class UnsupportedVersion(PackageError):
    """A format version this Veldboek does not accept (too new, or a downgrade)."""


class ReplayedPackage(PackageError):
    """The package was already imported, or is older than one already imported."""


class RecipientMismatch(PackageError):
    """The recipients named inside do not match the sealing (stripped or re-sealed)."""


class PackageTooLarge(PackageError):
    """A package or receipt would be larger than a reader accepts (``app.limits``)."""


class WrongKeySender(PackageError):
    """A deconfliction key from a peer of a role that may not give this vault one."""


class OlderKey(PackageError):
    """A deconfliction key older than the one the vault holds (a rotation undone)."""
