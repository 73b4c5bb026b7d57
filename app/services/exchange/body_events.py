"""A package body's audit events (``package_body.contents``): checked as they are
read, each handed to the caller once it holds, or left for the caller to check
later (``events_later``: an import checks them while its search index is written).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from app.export import package
from app.export.errors import MalformedPackage
from app.services.exchange import body_callers as callers
from app.services.exchange import package_validation

# Handed each audit event once it holds (``contents``' ``on_event``), before the records.
OnEvent = Callable[[dict[str, Any]], None]
# Handed the audit events as parsed, before any is checked (``contents``' ``on_events``):
# a hint, such as the range of their numbers, never to be trusted as checked.
OnEvents = Callable[[list[Any]], None]


def as_list(value: object) -> list[object]:
    if not isinstance(value, list):
        raise MalformedPackage("The package body is malformed.")
    return value


class Events:
    """The body's audit events: checked as they are read, or left for later."""

    def __init__(
        self,
        opened: package.Opened,
        on_event: OnEvent | None,
        later: bool,
        on_events: OnEvents | None = None,
    ) -> None:
        self.opened, self.on_event, self.later = opened, on_event, later
        self.on_events = on_events
        self.raw: list[Any] = []
        self.checked = False
        self.refused: MalformedPackage | None = None  # what the check found, kept

    def read(self, raw: object) -> list[dict[str, Any]]:
        if self.on_events is not None and isinstance(raw, list):
            self.on_events(raw)
        if not self.later:
            return events(self.opened, raw, self.on_event)
        self.raw = list(as_list(raw))
        return self.raw  # checked by ``check``, later

    def check(self) -> None:
        """Once, however often asked (``on_event`` sees each event once): a refusal
        found is raised again, not looked for again."""
        if self.refused is not None:
            raise self.refused
        if not self.checked:
            try:
                events(self.opened, self.raw, self.on_event)
            except callers.CallerFault as exc:  # outside ``contents``: unwrapped here
                raise exc.original from None
            except MalformedPackage as exc:
                self.refused = exc
                raise
            self.checked = True


def events(opened: package.Opened, raw: object, on_event: OnEvent | None) -> list[dict[str, Any]]:
    """The audit events, each checked (and handed to ``on_event``) as it comes."""
    checked = package_validation.validate_events(as_list(raw), on_event)
    if len(checked) != opened.manifest.audit_events:
        raise MalformedPackage("The package's audit events do not match its manifest.")
    if any(a["seq"] >= b["seq"] for a, b in itertools.pairwise(checked)):
        # One sender's chain: each event once, in its order.
        raise MalformedPackage("The package's audit events repeat a number or are out of order.")
    return checked
