"""The kernel's own memory reclaim, beside what a benchmark measures.

Some VMs (this one: ``machine.pages_out_memory_unused_for_s``) run DAMON, whose
kernel thread ``kdamond`` pages out memory left unused for a minute. After a bulk
load of gigabytes, the file cache it leaves behind (PostgreSQL's files, written
by the checkpoint) turns cold a minute later, and kdamond then spends CPU for
minutes reclaiming it: CPU that the two cores of this machine would otherwise
give to what is measured next. So a large store is measured once the reclaim
has settled (``settle``), as a server between loads is, and kdamond's CPU during
each measurement is reported beside it (``Reclaim``)."""

from __future__ import annotations

import os
import time
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def _kdamonds() -> list[str]:
    found = []
    for pid in os.listdir("/proc"):
        try:
            if pid.isdigit() and Path(f"/proc/{pid}/comm").read_text().startswith("kdamond"):
                found.append(pid)
        except OSError:
            continue  # ended meanwhile
    return found


def cpu_s() -> float:
    """CPU seconds the kernel's reclaim threads (kdamond) have used so far; 0 without them."""
    ticks = 0
    for pid in _kdamonds():
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / TICK


def settle(
    idle_s: float | None, *, share: float = 0.05, quiet_s: int = 5, at_most_s: float = 300.0
) -> dict[str, float]:
    """Wait until what was written last has turned cold (``idle_s``, the machine's
    pageout age, and one more aggregation) and the reclaim threads then use under
    ``share`` of a core for ``quiet_s`` seconds in a row (at most ``at_most_s``):
    seconds waited, their CPU meanwhile. Without a pageout age, nothing to wait for."""
    began, used = time.perf_counter(), cpu_s()
    if idle_s is None:
        return {"waited_s": 0.0, "kdamond_cpu_s": 0.0}
    time.sleep(idle_s + 10)
    quiet, last = 0, cpu_s()
    while quiet < quiet_s and time.perf_counter() - began < at_most_s:
        time.sleep(1.0)
        now = cpu_s()
        quiet = quiet + 1 if now - last < share else 0
        last = now
    return {
        "waited_s": round(time.perf_counter() - began, 1),
        "kdamond_cpu_s": round(cpu_s() - used, 2),
    }


class Reclaim:
    """kdamond's CPU seconds while the block runs (``.used``)."""

    def __enter__(self) -> Reclaim:
        self._from = cpu_s()
        self.used = 0.0
        return self

    def __exit__(self, *_exc: object) -> None:
        self.used = round(cpu_s() - self._from, 2)
