"""An import indexes its records for search in bulk (app/vault/search_bulk.py),
with the insert triggers set aside: the result must be exactly what the triggers
make of the same rows, and the triggers must be back afterwards, whatever happens."""

from __future__ import annotations

import threading

import pytest
import sqlcipher3
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


@pytest.mark.parametrize("chunk_chars", [search_bulk.CHUNK_CHARS, 1])
def test_an_import_indexes_its_records_exactly_as_the_triggers_do(
    pair: Pair, monkeypatch: pytest.MonkeyPatch, chunk_chars: int
) -> None:
    # chunk_chars 1: every entry in statements of its own (a body of much text).
    monkeypatch.setattr(search_bulk, "CHUNK_CHARS", chunk_chars)
    # Text beyond the basic plane, a line separator and accents: as stored by both.
    first = rich_debrief(pair.runner, marker="quayside \U0001f6a2 kade\u2028 café")
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


def test_a_failure_writing_the_index_beside_the_check_refuses_the_package_whole(
    pair: Pair,
) -> None:
    submitted_debriefs(pair.runner, 2)
    before = (_triggers(pair.handler), _index(pair.handler))
    sent = packages.export_package(
        pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
    ).path.read_bytes()
    with pair.handler.vault.write() as session:  # the index's own table refuses rows
        session.execute(
            text(
                "CREATE TRIGGER no_room BEFORE INSERT ON search_doc "
                "BEGIN SELECT RAISE(ABORT, 'no room'); END"
            )
        )
    with pytest.raises(PackageError):
        package_receive.import_package(pair.handler.vault, pair.handler.scope, sent)
    with pair.handler.vault.write() as session:
        session.execute(text("DROP TRIGGER no_room"))
        assert session.execute(text("SELECT count(*) FROM debrief")).scalar_one() == 0
    assert (_triggers(pair.handler), _index(pair.handler)) == before
    assert package_receive.import_package(pair.handler.vault, pair.handler.scope, sent).new == 2


def test_beside_lets_a_database_fault_in_the_background_through() -> None:
    def fail(exc: BaseException) -> None:
        raise exc

    damaged = sqlcipher3.DatabaseError("file is not a database")
    with pytest.raises(sqlcipher3.DatabaseError) as caught:
        search_bulk.beside(lambda: fail(damaged), lambda: fail(ValueError("event")))
    assert caught.value is damaged  # reaches the vault's error handling
    with pytest.raises(ValueError, match="event"):  # a clash: the check's refusal first
        search_bulk.beside(
            lambda: fail(sqlcipher3.IntegrityError("UNIQUE")), lambda: fail(ValueError("event"))
        )


def test_chunks_number_the_entries_on_and_keep_each_under_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(search_bulk, "CHUNK_CHARS", 10)
    docs = [
        ("item", f"{n:032x}", None, "c" * 32, "x" * size) for n, size in enumerate([4, 5, 30, 1, 9])
    ]
    runs = list(search_bulk._chunks(docs, 7))
    assert [[r[0] for r in run] for run in runs] == [[8, 9], [10], [11, 12]]
    assert [r[1:] for run in runs for r in run] == docs
