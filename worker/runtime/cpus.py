"""How many CPUs this process may use: its CPU affinity, capped by a container's CPU quota.

`CLAIMWIRE_EXTRACT_PROCESSES=auto` turns that budget into extraction children: the poll loop's
process keeps the Kafka client and takes the first CPU, each further whole CPU gets one child. A
Kubernetes CPU limit is a CFS quota, not an affinity, so a pod limited to 1 CPU on a 16-core node
still sees 16 CPUs in `os.sched_getaffinity`; the quota is what counts.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Literal

CGROUP_ROOT = Path("/sys/fs/cgroup")
# More children than this only hold more copies of the extractor; scale with more workers instead.
MAX_AUTO_PROCESSES = 8


def cpu_quota(cgroup_root: Path = CGROUP_ROOT) -> float | None:
    """CPUs' worth of time per period that the container may use; None when there is no limit.

    Reads cgroup v2 (`cpu.max`: "QUOTA PERIOD" or "max PERIOD") or else cgroup v1
    (`cpu/cpu.cfs_quota_us`, -1 for none, over `cpu/cpu.cfs_period_us`) at the container's root.
    """
    try:
        quota, period = (cgroup_root / "cpu.max").read_text().split()[:2]
    except (OSError, ValueError):
        try:
            quota = (cgroup_root / "cpu" / "cpu.cfs_quota_us").read_text().strip()
            period = (cgroup_root / "cpu" / "cpu.cfs_period_us").read_text().strip()
        except OSError:
            return None
    if quota in {"max", "-1"}:
        return None
    try:
        quota_us, period_us = int(quota), int(period)
    except ValueError:
        return None
    if quota_us <= 0 or period_us <= 0:
        return None
    return quota_us / period_us


def usable_cpus(cgroup_root: Path = CGROUP_ROOT) -> float:
    """The CPUs this process may run on, capped by the container's quota when it has one."""
    affinity = float(len(os.sched_getaffinity(0))) if hasattr(os, "sched_getaffinity") else 1.0
    quota = cpu_quota(cgroup_root)
    return affinity if quota is None else min(affinity, quota)


def auto_extract_processes(cpus: float) -> int:
    """One extraction child per whole CPU beyond the poll loop's: 0 below 2 CPUs, 1 at 2, 3 at 4."""
    return max(0, min(math.floor(cpus + 1e-9) - 1, MAX_AUTO_PROCESSES))


def resolve_extract_processes(setting: int | Literal["auto"], cgroup_root: Path = CGROUP_ROOT) -> int:
    """The number of extraction children for `CLAIMWIRE_EXTRACT_PROCESSES` (a count, or 'auto')."""
    if setting == "auto":
        return auto_extract_processes(usable_cpus(cgroup_root))
    return setting
