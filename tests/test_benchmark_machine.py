"""The machine description benchmarks write beside their figures: a VM that pages
out memory unused for a while is named, since it makes files read from disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import common


def _kdamond(root: Path, *, state: str, action: str, age: int, aggr_us: int) -> None:
    context = root / "0" / "contexts" / "0"
    scheme = context / "schemes" / "0"
    (scheme / "access_pattern" / "age").mkdir(parents=True)
    (context / "monitoring_attrs" / "intervals").mkdir(parents=True)
    (root / "0" / "state").write_text(state + "\n")
    (scheme / "action").write_text(action + "\n")
    (scheme / "access_pattern" / "age" / "min").write_text(f"{age}\n")
    (context / "monitoring_attrs" / "intervals" / "aggr_us").write_text(f"{aggr_us}\n")


def test_a_running_pageout_scheme_is_reported_in_seconds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _kdamond(tmp_path, state="on", action="pageout", age=12, aggr_us=5_000_000)
    monkeypatch.setattr(common, "_DAMON", tmp_path)
    assert common.idle_pageout_s() == 60.0


@pytest.mark.parametrize(("state", "action"), [("off", "pageout"), ("on", "stat")])
def test_a_stopped_or_other_scheme_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, state: str, action: str
) -> None:
    _kdamond(tmp_path, state=state, action=action, age=12, aggr_us=5_000_000)
    monkeypatch.setattr(common, "_DAMON", tmp_path)
    assert common.idle_pageout_s() is None


def test_no_damon_is_not(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common, "_DAMON", tmp_path / "absent")
    assert common.idle_pageout_s() is None


def test_settle_waits_for_the_pageout_age_then_for_a_quiet_reclaim(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from benchmarks import reclaim

    used = iter([0.0, 0.0, 0.5, 0.5, 0.5, 0.5, 0.5])  # busy for one second, then quiet
    monkeypatch.setattr(reclaim, "cpu_s", lambda: next(used))
    slept: list[float] = []
    monkeypatch.setattr("benchmarks.reclaim.time.sleep", slept.append)
    settled = reclaim.settle(60.0, quiet_s=3)
    assert slept[0] == 70.0  # the pageout age and one more aggregation, first
    assert slept[1:] == [1.0] * 4  # the busy second resets the count of quiet ones
    assert settled["kdamond_cpu_s"] == 0.5


def test_without_a_pageout_age_there_is_nothing_to_wait_for() -> None:
    from benchmarks import reclaim

    assert reclaim.settle(None) == {"waited_s": 0.0, "kdamond_cpu_s": 0.0}
