"""The debrief workflow in the service: draft → submitted → returned/approved.
Every refused step raises the error a user can act on and changes nothing; every
transition that happens writes its own audit action, by the alias that took it."""

from __future__ import annotations

import uuid

import pytest

from app.domain.enums import DebriefStatus
from app.domain.scope import Scope
from app.errors import AccessDenied, InvalidInput, WorkflowError
from app.services.admin import audit
from app.services.records import debriefs, sources, tasking
from app.services.records.debriefs import DebriefContent
from app.vault.vault import Vault
from tests.helpers import factory


@pytest.fixture
def shared(vault: Vault, runner: Scope, handler: Scope) -> uuid.UUID:
    """A source file both the runner and the handler are members of."""
    return sources.create_source(
        vault, runner, sources.SourceDraft(codename="WERK"), share_with=(handler.alias_id,)
    )


def _trail(vault: Vault, scope: Scope, debrief_id: uuid.UUID) -> list[tuple[str, str]]:
    """(action, actor) of the debrief's audit events, oldest first."""
    events = audit.recent_events(vault, scope, limit=10_000)
    return [
        (e.action, e.actor)
        for e in reversed(events)
        if e.record_type == "debrief" and e.record_id == debrief_id.hex
    ]


def _status(vault: Vault, scope: Scope, debrief_id: uuid.UUID) -> DebriefStatus:
    return debriefs.get_debrief(vault, scope, debrief_id).status


def test_a_submitted_debrief_is_never_edited(
    vault: Vault, runner: Scope, shared: uuid.UUID
) -> None:
    debrief_id = factory.debrief(vault, runner, shared, submit=True)
    item = debriefs.get_debrief(vault, runner, debrief_id).items[0]
    before = _trail(vault, runner, debrief_id)
    with pytest.raises(WorkflowError, match="can only be added to"):
        debriefs.save_draft(vault, runner, debrief_id, DebriefContent(narrative="rewritten"))
    with pytest.raises(WorkflowError, match="can only be added to"):
        debriefs.add_item(vault, runner, debrief_id, factory.graded_item("late item"))
    with pytest.raises(WorkflowError, match="can only be added to"):
        debriefs.update_item(vault, runner, item.id, factory.graded_item("changed"))
    with pytest.raises(WorkflowError, match="can only be added to"):
        debriefs.remove_item(vault, runner, item.id)
    with pytest.raises(WorkflowError, match="Only a draft or a returned"):
        debriefs.submit(vault, runner, debrief_id)
    view = debriefs.get_debrief(vault, runner, debrief_id)
    assert view.narrative == "Met the source at the usual place."
    assert [i.text for i in view.items] == [item.text]
    assert _trail(vault, runner, debrief_id) == before  # refusals write nothing


def test_a_runner_cannot_approve_or_return(vault: Vault, runner: Scope, shared: uuid.UUID) -> None:
    debrief_id = factory.debrief(vault, runner, shared, submit=True)
    with pytest.raises(AccessDenied, match="Only a handler"):
        debriefs.approve(vault, runner, debrief_id)
    with pytest.raises(AccessDenied, match="Only a handler"):
        debriefs.return_to_runner(vault, runner, debrief_id, "Please clarify.")
    assert _status(vault, runner, debrief_id) is DebriefStatus.SUBMITTED


def test_a_handler_does_not_review_their_own_debrief(
    vault: Vault, handler: Scope, shared: uuid.UUID
) -> None:
    own = factory.debrief(vault, handler, shared, submit=True)
    with pytest.raises(AccessDenied, match="someone other than its author"):
        debriefs.approve(vault, handler, own)
    with pytest.raises(AccessDenied, match="someone other than its author"):
        debriefs.return_to_runner(vault, handler, own, "Looks fine to me.")
    assert _status(vault, handler, own) is DebriefStatus.SUBMITTED


def test_return_needs_a_comment_and_only_a_submitted_debrief_is_reviewed(
    vault: Vault, runner: Scope, handler: Scope, shared: uuid.UUID
) -> None:
    debrief_id = factory.debrief(vault, runner, shared, submit=True)
    for empty in ("", "   \n"):
        with pytest.raises(InvalidInput, match="Say why"):
            debriefs.return_to_runner(vault, handler, debrief_id, empty)
    assert _status(vault, handler, debrief_id) is DebriefStatus.SUBMITTED
    draft = factory.debrief(vault, runner, shared)
    with pytest.raises(WorkflowError, match="Only a submitted debrief"):
        debriefs.approve(vault, handler, draft)
    with pytest.raises(WorkflowError, match="addenda are for submitted"):
        debriefs.add_addendum(vault, runner, draft, "too early")


def test_resubmitting_a_returned_debrief_needs_an_addendum(
    vault: Vault, runner: Scope, handler: Scope, shared: uuid.UUID
) -> None:
    debrief_id = factory.debrief(vault, runner, shared, submit=True)
    debriefs.return_to_runner(vault, handler, debrief_id, "Who else was present?")
    with pytest.raises(WorkflowError, match="resubmitted with an addendum"):
        debriefs.submit(vault, runner, debrief_id)
    assert _status(vault, runner, debrief_id) is DebriefStatus.RETURNED
    # Still frozen while returned: the answer is an addendum, not an edit.
    with pytest.raises(WorkflowError):
        debriefs.save_draft(vault, runner, debrief_id, DebriefContent(narrative="edited"))
    # The answer is the runner's: the handler adds none to a debrief returned to them.
    with pytest.raises(AccessDenied, match="its runner's until they submit it"):
        debriefs.add_addendum(vault, handler, debrief_id, "Dirk was there too.")
    debriefs.add_addendum(vault, runner, debrief_id, "Only the source and Dirk.")
    debriefs.submit(vault, runner, debrief_id)
    assert _status(vault, runner, debrief_id) is DebriefStatus.SUBMITTED


def test_every_transition_writes_its_audit_action(
    vault: Vault, runner: Scope, handler: Scope, shared: uuid.UUID
) -> None:
    debrief_id = debriefs.create_draft(vault, runner, shared)
    debriefs.save_draft(
        vault,
        runner,
        debrief_id,
        DebriefContent(narrative="Met the source.", critical_reflection="May exaggerate."),
    )
    debriefs.add_item(vault, runner, debrief_id, factory.graded_item())
    debriefs.submit(vault, runner, debrief_id)
    debriefs.return_to_runner(vault, handler, debrief_id, "Who else was present?")
    debriefs.add_addendum(vault, runner, debrief_id, "Nobody else.")
    debriefs.submit(vault, runner, debrief_id)
    debriefs.approve(vault, handler, debrief_id, "Clear now.")
    assert _trail(vault, handler, debrief_id) == [
        ("debrief.created", runner.alias_name),
        ("debrief.draft_saved", runner.alias_name),
        ("debrief.item_added", runner.alias_name),
        ("debrief.submitted", runner.alias_name),
        ("debrief.returned", handler.alias_name),
        ("debrief.addendum_added", runner.alias_name),
        ("debrief.submitted", runner.alias_name),
        ("debrief.approved", handler.alias_name),
    ]
    view = debriefs.get_debrief(vault, runner, debrief_id)
    assert view.status is DebriefStatus.APPROVED
    assert view.reviewer == handler.alias_name
    assert view.review_comment == "Clear now."
    # An unchanged autosave writes nothing.
    other = debriefs.create_draft(vault, runner, shared)
    assert debriefs.save_draft(vault, runner, other, DebriefContent()).changed is False
    assert _trail(vault, runner, other) == [("debrief.created", runner.alias_name)]


def test_a_review_comment_the_runner_could_not_read_is_refused(
    vault: Vault, runner: Scope, handler: Scope, shared: uuid.UUID
) -> None:
    """Receipts carry the comment to the runner, whose reader refuses one over the
    limit: such a comment would make the whole receipt unreadable, so the handler
    is stopped when writing it."""
    from app import limits

    debrief_id = factory.debrief(vault, runner, shared, submit=True)
    too_long = "x" * (limits.MAX_REVIEW_COMMENT_CHARS + 1)
    with pytest.raises(InvalidInput, match="at most 20000 characters"):
        debriefs.return_to_runner(vault, handler, debrief_id, too_long)
    with pytest.raises(InvalidInput, match="at most 20000 characters"):
        debriefs.approve(vault, handler, debrief_id, too_long)
    assert _status(vault, handler, debrief_id) is DebriefStatus.SUBMITTED
    debriefs.return_to_runner(vault, handler, debrief_id, too_long[:-1])  # the limit itself
    assert _status(vault, handler, debrief_id) is DebriefStatus.RETURNED


def test_a_handler_reads_a_runners_draft_and_never_writes_or_submits_it(
    vault: Vault, runner: Scope, handler: Scope, shared: uuid.UUID
) -> None:
    # One vault with both roles (the demo's): the draft is the runner's until they
    # submit it; the handler sees it read only, and reviews it once submitted.
    draft = factory.debrief(vault, runner, shared, narrative="The runner's own words.")
    view = debriefs.get_debrief(vault, handler, draft)
    assert view.status is DebriefStatus.DRAFT
    assert not view.editable
    assert debriefs.get_debrief(vault, runner, draft).editable
    with pytest.raises(AccessDenied, match="its runner's until they submit it"):
        debriefs.save_draft(vault, handler, draft, DebriefContent(narrative="Rewritten."))
    with pytest.raises(AccessDenied, match="its runner's until they submit it"):
        debriefs.submit(vault, handler, draft)
    with pytest.raises(AccessDenied, match="its runner's until they submit it"):
        tasking.add_tasking(vault, handler, shared, "Find out more.", debrief_id=draft)
    assert debriefs.get_debrief(vault, runner, draft).narrative == "The runner's own words."
    assert debriefs.get_debrief(vault, runner, draft).taskings == ()
    assert _status(vault, runner, draft) is DebriefStatus.DRAFT
    # The handler's own draft is theirs to write.
    own = factory.debrief(vault, handler, shared)
    assert debriefs.get_debrief(vault, handler, own).editable
    debriefs.save_draft(vault, handler, own, DebriefContent(narrative="The handler's own."))


def test_text_with_a_nul_character_is_not_saved(
    vault: Vault, runner: Scope, shared: uuid.UUID
) -> None:
    """The central store cannot keep U+0000 and would refuse the whole package that
    carried it: the vault's writer keeps it out, and what was saved stays."""
    debrief_id = debriefs.create_draft(vault, runner, shared)
    debriefs.save_draft(vault, runner, debrief_id, DebriefContent(narrative="Met at the quay."))
    with pytest.raises(InvalidInput, match="NUL character"):
        debriefs.save_draft(
            vault, runner, debrief_id, DebriefContent(narrative="Met at\x00 the quay.")
        )
    with pytest.raises(InvalidInput, match="NUL character"):
        sources.create_source(vault, runner, sources.SourceDraft(codename="ZWALUW", notes="a\x00"))
    assert debriefs.get_debrief(vault, runner, debrief_id).narrative == "Met at the quay."
