"""Values a registered runner's own key can sign that the store cannot keep: each
package is refused in one line (never an internal error, never a watcher's
crash), nothing is stored, and nothing of its content reaches the server's log."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.central import (
    access,
    ingest,
    reading,
    search_index,
    store,
)
from app.central.cluster import embedded
from app.central.place import Place
from app.export.manifest import NUMBER_MAX, RecordRef
from app.services.exchange import keys, package_validation
from app.services.exchange.package_records import record_hash
from app.vault import audit_chain
from tests.central.conftest import PASSPHRASE, Cluster
from tests.central.test_central_forged import reseal
from tests.central.test_central_ingest import counts
from tests.helpers.central import run
from tests.helpers.central_fleet import Fleet

# In a file record only: the server would have quoted it in its log.
SECRET = "Vondelstraat crew, told only to the runner"


def _ingest(capsys: pytest.CaptureFixture[str], place: Place, tmp: Path, *files: Path) -> Any:
    passfile = tmp / "pass"
    passfile.write_text(PASSPHRASE)
    assert place.url is not None
    return run(capsys, "central", "ingest", *map(str, files), "--db", place.url,
               "--passphrase-file", str(passfile), "--json")  # fmt: skip


def _noord(fleet: Fleet, place: Place, tmp: Path, name: str, **how: Any) -> Path:
    signing = keys.private_keys(fleet.noord.party.vault).signing
    return reseal(place, fleet.noord.files[0], fleet.noord, signing, tmp / name, **how)


def _version(n: int) -> Any:
    def change(body: dict[str, Any], records: tuple[RecordRef, ...]) -> tuple[RecordRef, ...]:
        first = next(i for i, r in enumerate(records) if r.type == "debrief")
        return (*records[:first], dataclasses.replace(records[first], version=n),
                *records[first + 1:])  # fmt: skip

    return change


def _event_seq(body: dict[str, Any], records: tuple[RecordRef, ...]) -> tuple[RecordRef, ...]:
    event = body["audit"][0]
    event["seq"] = 2**63
    event["hash"] = audit_chain.fields_hash(package_validation._hash_fields(event))
    return records


def _nul_in_a_file_record(
    body: dict[str, Any], records: tuple[RecordRef, ...]
) -> tuple[RecordRef, ...]:
    # The first free text (words) of a source's file record.
    at, field = next(
        (i, k)
        for i, r in enumerate(body["records"])
        if r["type"] != "debrief"
        for k, v in sorted(r["data"].items())
        if type(v) is str and " " in v
    )
    data = body["records"][at]["data"]
    data[field] = SECRET + "\x00"
    ref = records[at]
    return (*records[:at], dataclasses.replace(ref, sha256=record_hash(data)), *records[at + 1 :])


def test_numbers_out_of_range_are_refused_by_the_reader(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    fleet.register(central_place)
    before = counts(central_place)
    files = [
        _noord(fleet, central_place, tmp_path, "seq.age", sequence=NUMBER_MAX + 1),
        _noord(fleet, central_place, tmp_path, "version.age", change=_version(NUMBER_MAX + 1)),
        _noord(fleet, central_place, tmp_path, "event.age", change=_event_seq),
    ]
    started = time.monotonic()
    done = _ingest(capsys, central_place, tmp_path, *files)
    assert time.monotonic() - started < 60  # (a list of two billion numbers took minutes)
    assert done.code == 1, done.err
    assert [r["reason"] for r in json.loads(done.out)] == ["MalformedPackage"] * 3
    assert "internal error" not in done.err
    assert "An audit event in the package is malformed." in done.err
    assert counts(central_place) == before


def test_the_highest_number_is_stored_and_its_gap_named_as_a_range(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    fleet.register(central_place)
    last = _noord(fleet, central_place, tmp_path, "last.age", sequence=NUMBER_MAX)
    done = _ingest(capsys, central_place, tmp_path, last)
    assert done.code == 0, done.err
    [stored] = json.loads(done.out)
    assert stored["warnings"] == [
        f"Packages 1–{NUMBER_MAX - 1} from this sender have not arrived."
    ]  # the missing numbers, as one range
    assert central_place.url is not None
    shown = run(capsys, "central", "status", "--db", central_place.url, "--json")
    assert shown.code == 0, shown.err
    [channel] = json.loads(shown.out)["channels"]
    assert channel["missing"] == [[1, NUMBER_MAX - 1]]  # (a list of numbers took all memory)


def _refused_before_the_server(
    capsys: pytest.CaptureFixture[str],
    place: Place,
    cluster: Cluster,
    tmp: Path,
    package: Path,
) -> None:
    """``package`` is refused for its NUL, and the server never saw it: nothing of
    it in the server's log since, not even its refusal of the escape."""
    log = embedded.Layout(cluster.root).log_file
    logged = log.stat().st_size
    done = _ingest(capsys, place, tmp, package)
    assert done.code == 1
    assert "holds a NUL character" in done.err
    with log.open("rb") as handle:
        handle.seek(logged)
        since = handle.read().decode(errors="replace")
    assert "Vondelstraat" not in since
    assert "Unicode escape" not in since


def test_a_nul_in_a_file_record_is_refused_before_the_server_sees_it(
    capsys: pytest.CaptureFixture[str],
    central_place: Place,
    central_cluster: Cluster,
    fleet: Fleet,
    tmp_path: Path,
) -> None:
    fleet.register(central_place)
    before = counts(central_place)
    nul = _noord(fleet, central_place, tmp_path, "nul.age", change=_nul_in_a_file_record)
    _refused_before_the_server(capsys, central_place, central_cluster, tmp_path, nul)
    assert counts(central_place) == before


def test_a_nul_in_the_manifest_is_refused_before_the_server_sees_it(
    capsys: pytest.CaptureFixture[str],
    central_place: Place,
    central_cluster: Cluster,
    fleet: Fleet,
    tmp_path: Path,
) -> None:
    fleet.register(central_place)
    before = counts(central_place)
    # The manifest's schema is free text, and the manifest is kept as jsonb.
    nul = _noord(fleet, central_place, tmp_path, "schema.age", schema=SECRET + "\x00")
    _refused_before_the_server(capsys, central_place, central_cluster, tmp_path, nul)
    assert counts(central_place) == before


def test_a_value_the_database_refuses_as_data_is_the_packages_fault(
    central_place: Place,
) -> None:
    s = store.Store(central_place)
    try:
        with pytest.raises(Exception) as caught, s.connect() as conn:  # noqa: PT011
            conn.execute(text("SELECT CAST(:n AS integer)"), {"n": str(NUMBER_MAX + 1)})
        assert ingest.unstorable_value(caught.value)
        with pytest.raises(Exception) as other, s.connect() as conn:  # noqa: PT011
            conn.execute(text("SELECT * FROM central.no_such_table"))
        assert not ingest.unstorable_value(other.value)
    finally:
        s.close()


def test_a_late_package_names_the_broken_link_of_the_one_after_it(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    fleet.register(central_place)
    five = _noord(fleet, central_place, tmp_path, "5.age", sequence=5)
    seven = _noord(fleet, central_place, tmp_path, "7.age", sequence=7)  # links to nothing held
    five_sha = hashlib.sha256(five.read_bytes()).hexdigest()
    six = _noord(fleet, central_place, tmp_path, "6.age", sequence=6, previous=five_sha)
    assert _ingest(capsys, central_place, tmp_path, five, seven).code == 0
    done = _ingest(capsys, central_place, tmp_path, six)  # later, on its own: late
    assert done.code == 0, done.err
    assert json.loads(done.out)[0]["warnings"] == [
        "Package 7 does not follow package 6 as imported here "
        "(its link to the previous package differs).",
        "Package 6 arrived late; it fills a gap.",
    ]


def test_in_one_batch_the_broken_link_is_named_on_the_package_after_it(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    # The same three in one batch, in the same order: stored in their channel's
    # order, 6 arrives in order and 7 is the one whose link differs.
    fleet.register(central_place)
    five = _noord(fleet, central_place, tmp_path, "5.age", sequence=5)
    seven = _noord(fleet, central_place, tmp_path, "7.age", sequence=7)  # links to nothing held
    five_sha = hashlib.sha256(five.read_bytes()).hexdigest()
    six = _noord(fleet, central_place, tmp_path, "6.age", sequence=6, previous=five_sha)
    done = _ingest(capsys, central_place, tmp_path, five, seven, six)
    assert done.code == 0, done.err
    warned = {r["file"]: (r["arrival"], r["warnings"]) for r in json.loads(done.out)}
    assert warned["6.age"] == ("new", [])
    assert warned["7.age"] == ("new", [
        "Package 7 does not follow package 6 as imported here "
        "(its link to the previous package differs).",
    ])  # fmt: skip
    assert warned["5.age"] == ("gap", ["Packages 1–4 from this sender have not arrived."])


def test_a_package_not_sealed_to_central_is_refused_in_centrals_words(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    fleet.register(central_place)
    elsewhere = _noord(
        fleet, central_place, tmp_path, "other.age", to=fleet.zuid.bundle.recipient_public
    )
    done = _ingest(capsys, central_place, tmp_path, elsewhere)
    assert done.code == 1
    assert "not sealed to this central system's key" in done.err
    assert "vault" not in done.err


def _changed(kind: str) -> Any:
    def change(body: dict[str, Any], records: tuple[RecordRef, ...]) -> tuple[RecordRef, ...]:
        # The first free text (words) of a debrief, or of a source's file record.
        at, field = next(
            (i, k)
            for i, r in enumerate(body["records"])
            if (r["type"] == "debrief") == (kind == "debrief")
            for k, v in sorted(r["data"].items())
            if type(v) is str and " " in v
        )
        data = body["records"][at]["data"]
        data[field] += " (changed under the same version)"
        ref = records[at]
        return (*records[:at], dataclasses.replace(ref, sha256=record_hash(data)),
                *records[at + 1:])  # fmt: skip

    return change


@pytest.mark.parametrize("kind", ["debrief", "file record"])
def test_a_version_held_with_other_content_is_refused(
    kind: str,
    capsys: pytest.CaptureFixture[str],
    central_place: Place,
    fleet: Fleet,
    tmp_path: Path,
) -> None:
    fleet.register(central_place)
    first = _noord(fleet, central_place, tmp_path, "first.age")
    assert _ingest(capsys, central_place, tmp_path, first).code == 0
    before = counts(central_place)
    again = _noord(fleet, central_place, tmp_path, "again.age", sequence=2, change=_changed(kind))
    done = _ingest(capsys, central_place, tmp_path, again)
    assert done.code == 1
    assert "a version never changes" in done.err
    assert counts(central_place) == before


def test_a_debrief_of_a_million_characters_is_stored_indexed_and_found(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    # A text field may hold a million characters; their Dutch and English search
    # vectors would pass PostgreSQL's 1 MB: the first 100,000 are searchable.
    rng = random.Random(7)
    words = " ".join(
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(8)) for _ in range(106_000)
    )

    def huge(body: dict[str, Any], records: tuple[RecordRef, ...]) -> tuple[RecordRef, ...]:
        at = next(i for i, r in enumerate(body["records"]) if r["type"] == "debrief")
        data = body["records"][at]["data"]
        data["narrative"] = "kadewoning " + words[:999_000]
        return (*records[:at], dataclasses.replace(records[at], sha256=record_hash(data)),
                *records[at + 1:])  # fmt: skip

    fleet.register(central_place)
    done = _ingest(capsys, central_place, tmp_path, _noord(fleet, central_place, tmp_path,
                                                           "huge.age", change=huge))  # fmt: skip
    assert done.code == 0, done.err
    assert "warning" not in done.err  # (the vector failed: "search vectors not filled yet")
    with store.opened(central_place) as s:
        assert search_index.pending(s) == 0  # the ingest's indexer filled its vector
        assert search_index.index_pending(s) == 0
        with s.begin() as conn:
            access.grant(conn, team="Noord", user="anna", by="test")
        assert reading.search(s, "kadewoning", user="anna", why="test")
