"""``veldboek central ingest``: real packages from runners' vaults verified with
the app's own reader and stored whole, or refused with nothing stored."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.central import store
from app.central.place import Place
from tests.central.conftest import PASSPHRASE
from tests.helpers.central import Result, run
from tests.helpers.central_fleet import Fleet

COUNTED = (
    "packages",
    "package_files",
    "sources",
    "debriefs",
    "debrief_versions",
    "record_versions",
    "record_owners",
    "audit_events",
)


def counts(place: Place) -> dict[str, int]:
    with store.opened(place) as s, s.connect() as conn:
        return {
            t: int(conn.execute(text(f"SELECT count(*) FROM central.{t}")).scalar_one())
            for t in COUNTED
        }


def query(place: Place, sql: str, **params: Any) -> list[Any]:
    with store.opened(place) as s, s.connect() as conn:
        return list(conn.execute(text(sql), params).all())


@pytest.fixture
def passfile(tmp_path: Path) -> Path:
    path = tmp_path / "central-pass"
    path.write_text(PASSPHRASE)
    return path


def ingest(
    capsys: pytest.CaptureFixture[str], place: Place, passfile: Path, *files: Path
) -> Result:
    assert place.url is not None
    return run(
        capsys, "central", "ingest", *map(str, files), "--db", place.url,
        "--passphrase-file", str(passfile), "--json",
    )  # fmt: skip


def test_packages_are_stored_whole_with_every_version_and_the_senders_audit_events(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, passfile: Path
) -> None:
    fleet.register(central_place)
    files = [*fleet.noord.files, *fleet.zuid.files]
    done = ingest(capsys, central_place, passfile, *files)
    assert done.code == 0, done.err
    results = json.loads(done.out)
    assert [r["status"] for r in results] == ["stored"] * 4
    assert [(r["team"], r["sequence"], r["arrival"]) for r in results] == [
        ("Noord", 1, "new"), ("Noord", 2, "new"), ("Noord", 3, "new"), ("Zuid", 1, "new"),
    ]  # fmt: skip

    # The sealed files, byte for byte, as evidence.
    for path, result in zip(files, results, strict=True):
        pieces = query(
            central_place,
            "SELECT data FROM central.package_files WHERE package_id = :p ORDER BY piece",
            p=result["package_id"],
        )
        kept = b"".join(bytes(p[0]) for p in pieces)
        assert kept == path.read_bytes()
        assert hashlib.sha256(kept).hexdigest() == result["sha256"]

    # Both versions of the debrief sent twice, each with the package it came in;
    # the newest is the one shown.
    versions = query(
        central_place,
        "SELECT v.version, p.sequence, v.sha256, p.manifest FROM central.debrief_versions v "
        "JOIN central.packages p ON p.id = v.package_id WHERE v.debrief_id = :d ORDER BY 1",
        d=fleet.revised,
    )
    assert [(v[0], v[1]) for v in versions] == [(1, 1), (2, 2)]
    for version, _seq, sha, manifest in versions:
        # Traceable: the record's hash as the signed manifest names it.
        assert {
            "type": "debrief",
            "id": fleet.revised,
            "version": version,
            "sha256": sha,
        } in manifest["records"]
    assert query(
        central_place, "SELECT latest FROM central.debriefs WHERE id = :d", d=fleet.revised
    ) == [(2,)]
    # Every record of every package (debriefs, and in format 3 the source's file:
    # registration, taskings, payments, ...), once per version.
    total = sum(r["records"] for r in results)
    stored = counts(central_place)
    assert stored["debrief_versions"] + stored["record_versions"] == total
    assert total == sum(r["new_versions"] for r in results)
    kinds = query(central_place, "SELECT DISTINCT record_type FROM central.record_versions")
    assert {"registration"} <= {k[0] for k in kinds}

    # The senders' audit events, each still matching its own hash.
    events = query(
        central_place,
        "SELECT seq, at, actor_alias_id, actor, action, record_type, record_id, compartment_id, "
        "detail, prev_hash, hash FROM central.audit_events ORDER BY sender, seq",
    )
    assert len(events) > 0
    for e in events:
        encoded = json.dumps([1, *e[:10]], separators=(",", ":"), ensure_ascii=False)
        assert hashlib.sha256(encoded.encode()).hexdigest() == e[10]
    teams = query(
        central_place,
        "SELECT t.name, count(*) FROM central.debrief_versions v JOIN central.teams t "
        "ON t.id = v.team_id GROUP BY 1 ORDER BY 1",
    )
    assert [t[0] for t in teams] == ["Noord", "Zuid"]


def test_a_replay_is_refused_and_stores_nothing(
    capsys: pytest.CaptureFixture[str],
    central_place: Place,
    fleet: Fleet,
    passfile: Path,
    tmp_path: Path,
) -> None:
    fleet.register(central_place)
    first = fleet.noord.files[0]
    assert ingest(capsys, central_place, passfile, first).code == 0
    before = counts(central_place)
    renamed = tmp_path / "another-name.age"
    shutil.copyfile(first, renamed)
    for again in (first, renamed):
        refused = ingest(capsys, central_place, passfile, again)
        assert refused.code == 1
        assert json.loads(refused.out)[0]["reason"] == "ReplayedPackage"
        assert refused.err.count("\n") == 1
        assert "already imported" in refused.err
    assert counts(central_place) == before
    assert [r[0] for r in query(central_place, "SELECT reason FROM central.refusals")] == [
        "ReplayedPackage",
        "ReplayedPackage",
    ]


def test_gaps_and_late_arrivals_are_reported_and_an_older_version_never_replaces_a_newer(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, passfile: Path
) -> None:
    fleet.register(central_place)
    one, two, three = fleet.noord.files
    gap = json.loads(ingest(capsys, central_place, passfile, two).out)[0]
    assert gap["arrival"] == "gap"
    assert gap["warnings"] == ["Package 1 from this sender has not arrived."]
    late = json.loads(ingest(capsys, central_place, passfile, one).out)[0]
    assert late["arrival"] == "late"
    assert late["warnings"] == ["Package 1 arrived late; it fills a gap."]
    assert query(
        central_place, "SELECT latest FROM central.debriefs WHERE id = :d", d=fleet.revised
    ) == [(2,)]
    assert json.loads(ingest(capsys, central_place, passfile, three).out)[0]["arrival"] == "new"
    assert query(
        central_place, "SELECT sequence, arrival FROM central.packages ORDER BY sequence"
    ) == [(1, "late"), (2, "gap"), (3, "new")]


def test_a_batch_in_any_order_reports_only_what_is_still_missing_once_it_is_done(
    capsys: pytest.CaptureFixture[str],
    central_place: Place,
    fleet: Fleet,
    passfile: Path,
    tmp_path: Path,
) -> None:
    # Package files are named by a random id: a shell's glob or a stick's listing
    # gives a channel's numbers in any order. Within one batch nothing was missing.
    fleet.register(central_place)
    one, two, three = fleet.noord.files
    again = tmp_path / "two-again.age"
    shutil.copyfile(two, again)
    given = [three, fleet.zuid.files[0], one, two, again]
    done = ingest(capsys, central_place, passfile, *given)
    assert done.code == 1, done.err  # the second copy of number 2 (as given): a replay
    results = json.loads(done.out)
    assert [r["file"] for r in results] == [p.name for p in given]  # as given
    stored = [r for r in results if r["status"] == "stored"]
    assert [(r["team"], r["sequence"], r["arrival"], r["warnings"]) for r in stored] == [
        ("Noord", 3, "new", []), ("Zuid", 1, "new", []), ("Noord", 1, "new", []),
        ("Noord", 2, "new", []),
    ]  # fmt: skip
    [replay] = [r for r in results if r["status"] == "refused"]
    assert (replay["file"], replay["reason"]) == ("two-again.age", "ReplayedPackage")
    assert done.err.count("\n") == 1
    assert "already imported" in done.err
    assert query(
        central_place, "SELECT sequence, arrival, warnings FROM central.packages "
        "WHERE team_id = (SELECT id FROM central.teams WHERE name = 'Noord') ORDER BY sequence",
    ) == [(1, "new", []), (2, "new", []), (3, "new", [])]  # fmt: skip


def test_a_batch_still_reports_a_number_absent_from_it_and_from_the_store(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, passfile: Path
) -> None:
    fleet.register(central_place)
    one, two, three = fleet.noord.files
    assert central_place.url is not None
    done = run(
        capsys, "central", "ingest", str(three), str(one), "--db", central_place.url,
        "--passphrase-file", str(passfile),
    )  # fmt: skip
    assert done.code == 0, done.err
    lines = done.out.splitlines()
    assert len(lines) == 2  # one line per file, as given
    assert lines[0].startswith(f"{three.name}: stored package")
    assert lines[0].endswith("Warning: Package 2 from this sender has not arrived.")
    assert lines[1].startswith(f"{one.name}: stored package")
    assert "Warning" not in lines[1]
    late = json.loads(ingest(capsys, central_place, passfile, two).out)[0]
    assert (late["arrival"], late["warnings"]) == (
        "late", ["Package 2 arrived late; it fills a gap."]
    )  # fmt: skip


def _damaged(source: Path, folder: Path) -> dict[str, Path]:
    data = source.read_bytes()
    out = {}
    for name, content in {
        "cut-short.age": data[: len(data) // 2],
        "flipped.age": data[:-100] + bytes([data[-100] ^ 1]) + data[-99:],
        "not-a-package.age": b"%PDF-1.7 this is a report, not a package\n",
        "empty.age": b"",
    }.items():
        (folder / name).write_bytes(content)
        out[name] = folder / name
    return out


def test_unknown_senders_and_damaged_files_are_refused_one_line_each_storing_nothing(
    capsys: pytest.CaptureFixture[str],
    central_place: Place,
    fleet: Fleet,
    passfile: Path,
    tmp_path: Path,
) -> None:
    fleet.register(central_place, fleet.noord)  # Zuid's key is not registered
    before = counts(central_place)
    damaged = _damaged(fleet.noord.files[0], tmp_path)
    folder = tmp_path / "a-folder.age"
    folder.mkdir()
    result = ingest(capsys, central_place, passfile, fleet.zuid.files[0], *damaged.values(), folder)
    assert result.code == 1
    reasons = [r["reason"] for r in json.loads(result.out)]
    assert reasons == [
        "UnknownSender",
        "TamperedPackage",
        "TamperedPackage",
        "MalformedPackage",
        "MalformedPackage",
        "UnreadableFile",
    ]
    assert len(result.err.strip().splitlines()) == len(reasons)
    assert counts(central_place) == before
    # The good one after all that: nothing of the refused ones got in its way.
    assert ingest(capsys, central_place, passfile, fleet.noord.files[0]).code == 0


def test_a_wrong_passphrase_is_one_line_and_reads_no_package(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    fleet.register(central_place)
    wrong = tmp_path / "wrong"
    wrong.write_text("not the central passphrase at all")
    result = ingest(capsys, central_place, wrong, fleet.noord.files[0])
    assert result.code == 1
    assert result.err.strip() == "veldboek: Wrong passphrase (or the key record was altered)."
    assert counts(central_place)["packages"] == 0
