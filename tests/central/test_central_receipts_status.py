"""``central receipt``: a receipt the runner's vault takes in, so the laptop can
purge what central holds; ``central status``: packages per team, channels, gaps,
refusals; ``central keys import``: only with the fingerprint read out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from app.central.place import Place
from app.domain.enums import PeerRole
from app.models.packages import PackageLog
from app.services.exchange import package_log, receipts
from tests.central.conftest import PASSPHRASE
from tests.central.test_central_ingest import query
from tests.helpers.central import run
from tests.helpers.central_fleet import Fleet


def _db(place: Place) -> tuple[str, str]:
    assert place.url is not None
    return ("--db", place.url)


@pytest.fixture
def passfile(tmp_path: Path) -> Path:
    path = tmp_path / "pass"
    path.write_text(PASSPHRASE)
    return path


def test_a_receipt_from_central_confirms_the_runners_packages_in_its_vault(
    capsys: pytest.CaptureFixture[str],
    central_place: Place,
    fleet: Fleet,
    passfile: Path,
    tmp_path: Path,
) -> None:
    fleet.register(central_place)
    db = _db(central_place)
    stored = run(
        capsys,
        "central",
        "ingest",
        *map(str, fleet.zuid.files),
        *db,
        "--passphrase-file",
        str(passfile),
    )
    assert stored.code == 0, stored.err
    out = tmp_path / "receipts"
    out.mkdir()
    made = run(
        capsys, "central", "receipt", "--to", str(out), "--runner", "Runner Uil", *db,
        "--passphrase-file", str(passfile),
    )  # fmt: skip
    assert made.code == 0, made.err
    [receipt] = list(out.iterdir())
    runner = fleet.zuid.party
    taken = receipts.import_receipt(runner.vault, runner.scope, receipt)
    assert taken.confirmed == len(fleet.zuid.files)
    with runner.vault.read() as session:
        sent = (
            session.execute(
                select(PackageLog.confirmed_at).where(PackageLog.direction == package_log.OUT)
            )
            .scalars()
            .all()
        )
    assert sent
    assert all(at is not None for at in sent)
    # Nothing left to confirm: said, and no file.
    again = run(
        capsys, "central", "receipt", "--to", str(out), "--runner", "Runner Uil", *db,
        "--passphrase-file", str(passfile),
    )  # fmt: skip
    assert again.code == 1
    assert "already confirmed" in again.err
    assert len(list(out.iterdir())) == 1


def test_status_counts_packages_per_team_channels_gaps_and_refusals(
    capsys: pytest.CaptureFixture[str],
    central_place: Place,
    fleet: Fleet,
    passfile: Path,
    tmp_path: Path,
) -> None:
    db = _db(central_place)
    # An empty store says so, in text; its JSON is whole.
    empty = run(capsys, "central", "status", *db)
    assert (empty.code, empty.out.splitlines()) == (
        0,
        [
            "No packages yet.",
            "deconfliction: no deconfliction key yet (central deconfliction-key new)",
        ],
    )
    assert json.loads(run(capsys, "central", "status", *db, "--json").out)["teams"] == []
    fleet.register(central_place)
    junk = tmp_path / "junk.age"
    junk.write_bytes(b"junk")
    one, _two, three = fleet.noord.files
    run(
        capsys,
        "central",
        "ingest",
        str(one),
        str(three),
        str(junk),
        *fleet_files(fleet),
        *db,
        "--passphrase-file",
        str(passfile),
    )
    shown = run(capsys, "central", "status", *db, "--json")
    assert shown.code == 0, shown.err
    state = json.loads(shown.out)
    teams = {t["team"]: (t["packages"], t["debriefs"]) for t in state["teams"]}
    assert teams["Noord"][0] == 2
    assert teams["Zuid"][0] == 1
    held = dict(
        query(central_place, "SELECT t.name, count(d.id) FROM central.teams t "
              "JOIN central.debriefs d ON d.team_id = t.id GROUP BY 1")
    )  # fmt: skip
    # Debriefs as the store holds them, apart from the records the packages carried.
    assert teams["Noord"][1] == held["Noord"] > 0
    noord_records = next(t["records"] for t in state["teams"] if t["team"] == "Noord")
    assert noord_records > held["Noord"]  # the sources' files came too
    noord = next(c for c in state["channels"] if c["team"] == "Noord")
    assert (noord["last_sequence"], noord["missing"], noord["missing_text"]) == (3, [[2, 2]], "2")
    assert state["refusals"] == {"MalformedPackage": 1}
    assert state["recent_refusals"][0]["file"] == "junk.age"
    text = run(capsys, "central", "status", *db)
    assert "MISSING 2" in text.out


def fleet_files(fleet: Fleet) -> list[str]:
    return [str(p) for p in fleet.zuid.files]


def test_a_runner_key_is_registered_only_with_its_fingerprint_and_to_one_team(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    from app.services.exchange import keys

    bundle = tmp_path / "valk.veldboek-key"
    party = fleet.noord.party
    keys.save_bundle(party.vault, fleet.noord.bundle, bundle)
    spoken = fleet.noord.bundle.fingerprint.spoken
    db = _db(central_place)
    base = ("central", "keys", "import", str(bundle), *db, "--role", "runner")
    wrong = run(capsys, *base, "--team", "Noord", "--fingerprint", "12345 " * 10)
    assert wrong.code == 1
    assert "does not match" in wrong.err
    other_id = "ab" * 32  # a key id, but another key's
    wrong = run(capsys, *base, "--team", "Noord", "--fingerprint", other_id)
    assert wrong.code == 1
    assert "does not match" in wrong.err
    # The key id (64 hex digits, as `keys show` prints it) confirms it, as in a vault.
    key_id = fleet.noord.bundle.fingerprint.hex.upper()
    ok = run(capsys, *base, "--team", "Noord", "--fingerprint", key_id, "--json")
    assert ok.code == 0, ok.err
    assert json.loads(ok.out)["team"] == "Noord"
    moved = run(capsys, *base, "--team", "Zuid", "--fingerprint", spoken)
    assert moved.code == 1
    assert "registered to team Noord" in moved.err
    # Nor does it change role: a runner's key made a handler's would be sent the
    # unit's deconfliction key, and its packages refused from then on. A slip of
    # --role is refused by the bundle's own role, as a vault's keys import does.
    flipped = run(capsys, "central", "keys", "import", str(bundle), *db, "--role", "handler",
                  "--team", "Noord", "--fingerprint", spoken)  # fmt: skip
    assert flipped.code == 1
    assert "The key bundle is for the role runner, not handler" in flipped.err
    # The same key exported again as a handler's (keys export --role handler) keeps
    # the role it was registered with.
    as_handler = tmp_path / "valk-handler.veldboek-key"
    handler_bundle = keys.own_bundle(party.vault, fleet.noord.bundle.name, PeerRole.HANDLER)
    keys.save_bundle(party.vault, handler_bundle, as_handler)
    kept = run(capsys, "central", "keys", "import", str(as_handler), *db, "--role", "handler",
               "--team", "Noord", "--fingerprint", spoken)  # fmt: skip
    assert kept.code == 1
    assert "registered as a runner's key; a key keeps its role" in kept.err
    listed = json.loads(run(capsys, "central", "keys", "list", *db, "--json").out)
    assert [k["role"] for k in listed] == ["runner"]
    again = run(capsys, *base, "--team", "Noord", "--fingerprint", spoken)
    assert again.code == 0, again.err  # the same registration again: no change
    central = tmp_path / "central.veldboek-key"
    exported = run(capsys, "central", "keys", "export", *db, "--out", str(central))
    assert exported.code == 0
    own = keys.read_bundle_file(central).fingerprint.spoken
    itself = run(capsys, "central", "keys", "import", str(central), *db, "--role", "handler",
                 "--team", "Noord", "--fingerprint", own)  # fmt: skip
    assert itself.code == 1
    assert "own key" in itself.err
