"""An import indexes its records for search in bulk (app/vault/search_bulk.py),
with the insert triggers set aside: the result must be exactly what the triggers
make of the same rows, and the triggers must be back afterwards, whatever happens."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from app.errors import PackageError
from app.export.errors import MalformedPackage
from app.services.exchange import package_receive, package_validation, packages
from app.services.records import debriefs, search
from app.vault import search_bulk
from tests.helpers import factory
from tests.helpers.search_index import index_state, triggers
from tests.packages.conftest import Pair, Party, rich_debrief, submitted_debriefs


def _index(party: Party) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]], int]:
    return index_state(party.vault)


def _triggers(party: Party) -> list[tuple[str, str]]:
    return triggers(party.vault)


def _send(pair: Pair) -> package_receive.ImportResult:
    result = packages.export_package(
        pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
    )
    return package_receive.import_package(
        pair.handler.vault, pair.handler.scope, result.path.read_bytes()
    )


def test_an_import_indexes_its_records_exactly_as_the_triggers_do(pair: Pair) -> None:
    first = rich_debrief(pair.runner, marker="quayside")
    submitted_debriefs(pair.runner, 3, "KOEKOEK")
    triggers = _triggers(pair.handler)
    _send(pair)
    # The runner's vault was indexed by the triggers, one write at a time.
    for party in (pair.runner, pair.handler):
        expected, indexed, docs = _index(party)
        assert indexed == expected
        assert docs == len(expected)
    assert _triggers(pair.handler) == triggers
    # A newer version: items replaced, the held addendum kept, a new one added.
    debriefs.add_addendum(pair.runner.vault, pair.runner.scope, first, "Crane seen at dusk.")
    assert _send(pair).updated == 1
    debriefs.add_addendum(pair.runner.vault, pair.runner.scope, first, "Second crane later.")
    assert _send(pair).updated == 1
    expected, indexed, docs = _index(pair.handler)
    assert indexed == expected
    assert docs == len(expected)
    assert _triggers(pair.handler) == triggers
    hits = search.search(pair.handler.vault, pair.handler.scope, "crane")
    assert {h.kind for h in hits} == {"addendum"}
    assert len(hits) == 2
    hits = search.search(pair.handler.vault, pair.handler.scope, "quayside")
    assert [h.debrief_id for h in hits] == [first]


def test_a_failure_while_indexing_leaves_triggers_and_index_as_they_were(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    submitted_debriefs(pair.runner, 2)
    triggers = _triggers(pair.handler)
    before = _index(pair.handler)
    calls = 0

    def failing_add(self: search_bulk.BulkIndex, *args: object) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise PackageError("disk trouble halfway")
        self.docs.append(("x",) * 5)

    monkeypatch.setattr(search_bulk.BulkIndex, "add", failing_add)
    with pytest.raises(PackageError, match="halfway"):
        _send(pair)
    monkeypatch.undo()
    assert _triggers(pair.handler) == triggers
    assert _index(pair.handler) == before
    # Local writes are indexed again by the restored triggers.
    source = factory.source(pair.handler.vault, pair.handler.scope, "REIGER")
    factory.debrief(pair.handler.vault, pair.handler.scope, source, narrative="Lighthouse talk.")
    hits = search.search(pair.handler.vault, pair.handler.scope, "lighthouse")
    assert [h.kind for h in hits] == ["narrative"]


def test_missing_triggers_are_refused_not_papered_over(pair: Pair) -> None:
    submitted_debriefs(pair.runner, 1)
    with pair.handler.vault.write() as session:
        session.execute(text("DROP TRIGGER search_subject_ai"))
    with pytest.raises(search_bulk.SearchSchemaChanged):
        _send(pair)
    assert "search_subject_ai" not in {name for name, _ in _triggers(pair.handler)}


def test_audit_events_checked_while_indexing_refuse_the_package_whole(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The import checks the package's audit events while the search index is
    # written in another thread: an event that does not hold, found then, still
    # leaves rows, index and triggers as they were.
    submitted_debriefs(pair.runner, 2)
    before = (_triggers(pair.handler), _index(pair.handler))
    checked_in: list[str] = []

    def failing_check(docs: object, each: object = None) -> object:
        checked_in.append(threading.current_thread().name)
        raise MalformedPackage("An audit event in the package does not match its hash.")

    monkeypatch.setattr(package_validation, "validate_events", failing_check)
    sent = packages.export_package(
        pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
    ).path.read_bytes()
    with pytest.raises(MalformedPackage, match="audit event"):
        package_receive.import_package(pair.handler.vault, pair.handler.scope, sent)
    monkeypatch.undo()
    assert checked_in == [threading.current_thread().name]
    assert (_triggers(pair.handler), _index(pair.handler)) == before
    with pair.handler.vault.read() as session:
        assert session.execute(text("SELECT count(*) FROM debrief")).scalar_one() == 0
    # The same package, once the check passes.
    assert package_receive.import_package(pair.handler.vault, pair.handler.scope, sent).new == 2


def test_beside_runs_both_and_raises_the_foregrounds_exception_first() -> None:
    threads: list[str] = []
    search_bulk.beside(
        lambda: threads.append(threading.current_thread().name),
        lambda: threads.append(threading.current_thread().name),
    )
    assert len(threads) == 2
    assert len(set(threads)) == 2  # the background in a thread of its own

    def fail(what: str) -> None:
        raise ValueError(what)

    with pytest.raises(ValueError, match="fore"):
        search_bulk.beside(lambda: fail("back"), lambda: fail("fore"))
    with pytest.raises(ValueError, match="back"):
        search_bulk.beside(lambda: fail("back"), lambda: None)
    done: list[str] = []
    with pytest.raises(ValueError, match="fore"):  # waits for the background all the same
        search_bulk.beside(lambda: done.append("back"), lambda: fail("fore"))
    assert done == ["back"]
