"""In one vault with both roles (the demo's), a handler who opens a runner's
draft reads it: the text is read only, there is no Submit, and the page says
whose it is (``app/services/records/debrief_writer.py``)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.domain.enums import DebriefStatus
from app.services.admin import aliases
from app.services.records import debriefs, sources
from app.ui.main_window import MainWindow
from tests.helpers import factory


def test_a_handler_opening_a_runners_draft_reads_it(qtbot: QtBot, window: MainWindow) -> None:
    vault = window.session.vault
    valk = aliases.resolve_scope(vault, "Valk")
    havik = aliases.resolve_scope(vault, "Havik")
    source = sources.create_source(
        vault, valk, sources.SourceDraft(codename="LEESKOPIE"), share_with=(havik.alias_id,)
    )
    draft = factory.debrief(vault, valk, source, narrative="Valk's own words.")
    window.session.switch_alias("Havik")
    window.open_debrief(draft)
    page = window.debrief_page
    qtbot.waitUntil(lambda: page.view is not None and page.view.id == draft)
    assert page.view is not None
    assert page.view.status is DebriefStatus.DRAFT
    assert page.text_fields["narrative"].isReadOnly()
    assert not page.submit_button.isVisible()
    assert not page.tasking_button.isEnabled()
    assert not page.payment_button.isEnabled()
    assert "theirs until they submit it" in page.saved.text()
    assert debriefs.get_debrief(vault, valk, draft).narrative == "Valk's own words."
