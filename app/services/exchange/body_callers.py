"""What a package body's reader (``package_body.contents``) calls with each part
it has checked (``keep``, ``on_event``: a write, say): a fault there is the
caller's, raised to it as it was, never taken for the body's (which would read
the body again whole, past the row the caller could not keep).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast


class CallerFault(Exception):
    """The caller's own exception (``original``), on its way through the reader."""

    def __init__(self, original: BaseException) -> None:
        super().__init__()
        self.original = original


_F = TypeVar("_F", bound=Callable[..., Any])


def guarded(fn: _F) -> _F:
    """``fn``, its exceptions carried as ``CallerFault``."""

    def call(*args: Any) -> Any:
        try:
            return fn(*args)
        except Exception as exc:
            raise CallerFault(exc) from exc

    return cast(_F, call)
