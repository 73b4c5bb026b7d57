"""Errors of the central system a data officer can act on (one line, exit 1)."""

from __future__ import annotations

from app.errors import PackageError, VeldboekError


class CentralError(VeldboekError):
    """Something about the central system's store or server."""


class ClusterError(CentralError):
    """The embedded PostgreSQL cluster cannot be made, started or stopped."""


class CentralNotFound(CentralError):
    """No central system at the given place."""


class DatabaseUnavailable(CentralError):
    """The database cannot be reached (stopped, or refused the login)."""


class CentralStorageFull(CentralError):
    """The database server's disk is full; nothing was stored."""


class NotAuthorised(CentralError):
    """A staff role without a grant for what it asked."""


class UnknownTeam(CentralError):
    pass


class AmbiguousTeam(CentralError):
    """Two teams of a store made before names were matched case-blind differ only
    in case: a name given in yet another case cannot choose between them."""


class UnknownKey(CentralError):
    """No registered key has the fingerprint given."""


class WrongTeam(PackageError):
    """A package crosses teams: it touches records another team's runner brought
    in, or is addressed to another team's handler."""


class RevokedSender(PackageError):
    """A package signed (the signature checked) by a runner's key revoked before
    it came: refused, its own reason beside an unregistered key's."""
