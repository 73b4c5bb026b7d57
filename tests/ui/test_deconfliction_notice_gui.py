"""An open deconfliction match on screen: the Home page names the source and says
"possibly the same person as a source of team X: phone number"; the source's file
says it in its overview; a decided match shows nothing."""

from __future__ import annotations

import re
import uuid

from pytestqt.qtbot import QtBot

from app.clock import utc_now
from app.models.packages import DeconflictionNotice
from app.ui.main_window import MainWindow
from app.ui.pages.home import HomePage
from app.ui.pages.sources import SourcesPage
from tests.helpers import factory


def _told(window: MainWindow, source: uuid.UUID, status: str, kind: str = "phone") -> None:
    """A notice's match as the vault stores it (services/exchange/deconfliction_notices)."""
    now = utc_now()
    with window.session.vault.write() as session:
        session.add(
            DeconflictionNotice(
                match_id=uuid.uuid4(), source_id=source, kind=kind, other_team="Zuid",
                other_source=None, opened_at=now, status=status,
                decided_at=None if status == "open" else now, why="", package_id=uuid.uuid4(),
                received_at=now,
            )
        )  # fmt: skip


def test_an_open_match_shows_on_home_and_on_the_sources_file(
    qtbot: QtBot, window: MainWindow
) -> None:
    scope = window.session.scope
    open_one = factory.source(window.session.vault, scope, "DUBBEL")
    decided = factory.source(window.session.vault, scope, "BESLIST")
    _told(window, open_one, "open")
    _told(window, decided, "different", kind="address")

    home = window.show_page(HomePage)
    assert isinstance(home, HomePage)
    home.reload()
    assert home.matches.isVisible()
    assert re.fullmatch(
        r"DUBBEL: Possibly the same person as a source of team Zuid: phone number "
        r"\(match [0-9a-f]{8}, open since [0-9]{4}-[0-9]{2}-[0-9]{2}\)",
        home.matches.text(),
    )

    window.open_source(open_one)
    view = window.page(SourcesPage).file_view  # type: ignore[attr-defined]
    field = view.fields["deconfliction"]
    qtbot.waitUntil(lambda: "team Zuid" in field.text())
    assert field.text().startswith(
        "Possibly the same person as a source of team Zuid: phone number (match "
    )
    assert field.text() == home.matches.text().removeprefix("DUBBEL: ")
    window.open_source(decided)
    qtbot.waitUntil(lambda: field.text() == "—")
