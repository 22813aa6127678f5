"""The CPU budget behind CLAIMWIRE_EXTRACT_PROCESSES=auto: affinity capped by a container's quota."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from worker.runtime.cpus import (
    MAX_AUTO_PROCESSES,
    auto_extract_processes,
    cpu_quota,
    resolve_extract_processes,
    usable_cpus,
)


def cgroup_v2(root: Path, cpu_max: str) -> Path:
    (root / "cpu.max").write_text(cpu_max + "\n")
    return root


def cgroup_v1(root: Path, quota: str, period: str = "100000") -> Path:
    (root / "cpu").mkdir()
    (root / "cpu" / "cpu.cfs_quota_us").write_text(quota + "\n")
    (root / "cpu" / "cpu.cfs_period_us").write_text(period + "\n")
    return root


@pytest.mark.parametrize(
    ("cpu_max", "quota"),
    [("max 100000", None), ("150000 100000", 1.5), ("200000 100000", 2.0), ("50000 100000", 0.5)],
)
def test_cgroup_v2_quota(tmp_path: Path, cpu_max: str, quota: float | None) -> None:
    assert cpu_quota(cgroup_v2(tmp_path, cpu_max)) == quota


@pytest.mark.parametrize(("quota_us", "quota"), [("-1", None), ("200000", 2.0), ("100000", 1.0)])
def test_cgroup_v1_quota(tmp_path: Path, quota_us: str, quota: float | None) -> None:
    assert cpu_quota(cgroup_v1(tmp_path, quota_us)) == quota


@pytest.mark.parametrize("cpu_max", ["", "garbage", "x 100000", "100000 0"])
def test_unreadable_quotas_mean_no_limit(tmp_path: Path, cpu_max: str) -> None:
    assert cpu_quota(cgroup_v2(tmp_path, cpu_max)) is None


def test_no_cgroup_files_mean_no_limit(tmp_path: Path) -> None:
    assert cpu_quota(tmp_path) is None


def test_usable_cpus_is_the_affinity_capped_by_the_quota(tmp_path: Path) -> None:
    affinity = len(os.sched_getaffinity(0))
    assert usable_cpus(tmp_path) == affinity
    assert usable_cpus(cgroup_v2(tmp_path, "50000 100000")) == 0.5
    assert usable_cpus(cgroup_v2(tmp_path, f"{(affinity + 3) * 100000} 100000")) == affinity


@pytest.mark.parametrize(
    ("cpus", "children"),
    [(0.5, 0), (1.0, 0), (1.5, 0), (1.999, 0), (2.0, 1), (3.5, 2), (4.0, 3), (64.0, MAX_AUTO_PROCESSES)],
)
def test_one_child_per_whole_cpu_beyond_the_first(cpus: float, children: int) -> None:
    assert auto_extract_processes(cpus) == children


def test_a_number_is_taken_as_given_and_auto_reads_the_budget(tmp_path: Path) -> None:
    assert resolve_extract_processes(3, cgroup_v2(tmp_path, "100000 100000")) == 3
    no_quota = tmp_path / "no-cgroup"
    assert resolve_extract_processes("auto", no_quota) == min(
        len(os.sched_getaffinity(0)) - 1, MAX_AUTO_PROCESSES
    )
    assert resolve_extract_processes("auto", cgroup_v2(tmp_path, "100000 100000")) == 0
