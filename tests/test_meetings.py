"""A meeting started by mistake is discarded in its first minutes, by whoever
started it, only while nothing but the note was recorded, and a note with text
only on purpose; it leaves no contact and no draft behind, and the audit log says
so. An autosave never empties a saved text without being told to."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.clock import utc_now
from app.domain.enums import Role
from app.domain.scope import Scope
from app.errors import AccessDenied, NotFound, WorkflowError
from app.models import CompartmentMember, Contact, ContactAttendee, Debrief, Source
from app.services.admin import aliases, audit
from app.services.records import attachments, debriefs, meetings, search, sources
from app.services.records.debriefs import DebriefContent
from app.vault.vault import Vault
from tests.helpers import factory
from tests.packages.conftest import PNG


def _count(vault: Vault, model: type) -> int:
    with vault.read() as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def test_discarding_removes_the_contact_and_the_draft_and_is_audited(
    vault: Vault, runner: Scope
) -> None:
    source = factory.source(vault, runner, "VERGISSING")
    before = (_count(vault, Contact), _count(vault, Debrief), _count(vault, ContactAttendee))
    record = meetings.start_meeting(vault, runner, source)
    assert _count(vault, Contact) == before[0] + 1
    meetings.discard_meeting(vault, runner, record)
    after = (_count(vault, Contact), _count(vault, Debrief), _count(vault, ContactAttendee))
    assert after == before
    file = sources.source_file(vault, runner, source)
    assert file.contacts == ()
    with pytest.raises(NotFound):
        debriefs.get_debrief(vault, runner, record.debrief_id)
    event = audit.recent_events(vault, runner)[0]
    assert event.action == "meeting.discarded"
    assert event.record_id == record.contact_id.hex
    assert '"note_lost":false' in event.detail
    assert audit.verify(vault).ok


def test_a_note_with_text_goes_only_when_the_user_agreed(vault: Vault, runner: Scope) -> None:
    source = factory.source(vault, runner, "NOTITIE")
    record = meetings.start_meeting(vault, runner, source)
    meetings.save_note(vault, runner, record, "Wrong source; nothing said.")
    with pytest.raises(WorkflowError, match="note holds text"):
        meetings.discard_meeting(vault, runner, record)
    assert debriefs.get_debrief(vault, runner, record.debrief_id).narrative
    meetings.discard_meeting(vault, runner, record, lose_note=True)
    assert _count(vault, Debrief) == 0
    assert '"note_lost":true' in audit.recent_events(vault, runner)[0].detail
    # The search index forgets the note with the draft.
    assert search.search(vault, runner, "nothing") == []


def test_only_in_the_first_minutes(
    vault: Vault, runner: Scope, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = factory.source(vault, runner, "TELAAT")
    record = meetings.start_meeting(vault, runner, source)
    late = utc_now() + timedelta(minutes=meetings.DISCARD_MINUTES, seconds=1)
    monkeypatch.setattr(meetings, "utc_now", lambda: late)
    with pytest.raises(WorkflowError, match="first 10 minutes"):
        meetings.discard_meeting(vault, runner, record)
    # The caller's idea of when it started does not count: the vault's record does.
    claimed = meetings.MeetingRecord(record.contact_id, record.debrief_id, late)
    with pytest.raises(WorkflowError, match="first 10 minutes"):
        meetings.discard_meeting(vault, runner, claimed)
    assert _count(vault, Contact) == 1


def test_not_after_its_end_nor_with_more_than_the_note(
    vault: Vault, runner: Scope, tmp_path: object
) -> None:
    source = factory.source(vault, runner, "MEER")
    ended = meetings.start_meeting(vault, runner, source)
    meetings.close_meeting(vault, runner, ended, "")
    with pytest.raises(WorkflowError, match="ended"):
        meetings.discard_meeting(vault, runner, ended)
    busy = meetings.start_meeting(vault, runner, source)
    debriefs.add_item(vault, runner, busy.debrief_id, factory.graded_item())
    with pytest.raises(WorkflowError, match="More than the note"):
        meetings.discard_meeting(vault, runner, busy, lose_note=True)
    other = meetings.start_meeting(vault, runner, source)
    debriefs.create_draft(vault, runner, source, contact_id=other.contact_id)
    with pytest.raises(WorkflowError, match="More than the note"):
        meetings.discard_meeting(vault, runner, other)
    filed = meetings.start_meeting(vault, runner, source)
    attachments.add_attachment(vault, runner, filed.debrief_id, "p.png", PNG)
    with pytest.raises(WorkflowError, match="More than the note"):
        meetings.discard_meeting(vault, runner, filed)
    assert _count(vault, Contact) == 4


def test_only_the_alias_that_started_it(vault: Vault, runner: Scope) -> None:
    source = factory.source(vault, runner, "ANDER")
    record = meetings.start_meeting(vault, runner, source)
    aliases.add_alias(vault, "Mus", role=Role.RUNNER, can_act=True)
    other = aliases.resolve_scope(vault, "Mus")
    with pytest.raises((AccessDenied, NotFound)):  # not even in Mus's files
        meetings.discard_meeting(vault, other, record)
    with vault.write() as session:
        comp = session.get(Source, source).compartment_id  # type: ignore[union-attr]
        session.add(CompartmentMember(compartment_id=comp, alias_id=other.alias_id))
    with pytest.raises(AccessDenied, match="started"):  # in Mus's files, but not Mus's meeting
        meetings.discard_meeting(vault, other, record)
    assert _count(vault, Contact) == 1


def test_an_autosave_does_not_empty_a_saved_text(vault: Vault, runner: Scope) -> None:
    source = factory.source(vault, runner, "LEEG")
    debrief_id = debriefs.create_draft(vault, runner, source)
    debriefs.save_draft(
        vault,
        runner,
        debrief_id,
        DebriefContent(narrative="Met at the quay.", welfare_observations="Tired."),
    )
    saved = debriefs.save_draft(
        vault, runner, debrief_id, DebriefContent(narrative="  \n", welfare_observations="Rested.")
    )
    assert saved.kept == ("narrative",)
    assert saved.changed  # the other field was saved
    view = debriefs.get_debrief(vault, runner, debrief_id)
    assert (view.narrative, view.welfare_observations) == ("Met at the quay.", "Rested.")
    # Told to: emptied.
    emptied = debriefs.save_draft(
        vault,
        runner,
        debrief_id,
        DebriefContent(narrative="", welfare_observations="Rested."),
        emptying=frozenset({"narrative"}),
    )
    assert emptied == debriefs.DraftSaved(True, ())
    assert debriefs.get_debrief(vault, runner, debrief_id).narrative == ""
    # An empty field stays freely editable.
    assert (
        debriefs.save_draft(
            vault, runner, debrief_id, DebriefContent(welfare_observations="Rested.")
        ).kept
        == ()
    )


def test_meeting_notes_are_not_emptied_by_an_autosave_or_the_end(
    vault: Vault, runner: Scope
) -> None:
    source = factory.source(vault, runner, "SCHERM")
    record = meetings.start_meeting(vault, runner, source)
    meetings.save_note(vault, runner, record, "Phone number changes Friday.")
    assert meetings.save_note(vault, runner, record, "").kept == ("narrative",)
    meetings.close_meeting(vault, runner, record, "")
    assert debriefs.get_debrief(vault, runner, record.debrief_id).narrative == (
        "Phone number changes Friday."
    )
    assert sources.source_file(vault, runner, source).contacts[0].notes == (
        "Phone number changes Friday."
    )
