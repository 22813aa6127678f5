"""Process metrics, build info and the container's memory limit, on the worker's registry."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from worker import __version__
from worker.runtime.metrics import (
    BUILD_COMMIT_ENV,
    WorkerMetrics,
    memory_limit_bytes,
    memory_working_set_bytes,
)


def sample(metrics: WorkerMetrics, name: str, **labels: str) -> float | None:
    return metrics.registry.get_sample_value(name, labels)


def cgroup_v2(tmp_path: Path, limit: str, current: str = "1048576", inactive_file: int = 0) -> Path:
    (tmp_path / "memory.max").write_text(limit + "\n")
    (tmp_path / "memory.current").write_text(current + "\n")
    (tmp_path / "memory.stat").write_text(
        f"anon 4096\nfile 8192\ninactive_file {inactive_file}\nactive_file 0\n"
    )
    return tmp_path


def test_build_info_names_the_version_and_the_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(BUILD_COMMIT_ENV, "0a1b2c3")
    metrics = WorkerMetrics()
    assert sample(metrics, "claimwire_build_info", version=__version__, commit="0a1b2c3") == 1.0


def test_build_info_says_unknown_without_a_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(BUILD_COMMIT_ENV, raising=False)
    assert sample(WorkerMetrics(), "claimwire_build_info", version=__version__, commit="unknown") == 1.0


def test_the_process_collector_reports_resident_memory() -> None:
    resident = sample(WorkerMetrics(), "process_resident_memory_bytes")
    assert resident is not None and resident > 0


def test_a_cgroup_v2_limit_and_working_set_are_exported(tmp_path: Path) -> None:
    root = cgroup_v2(tmp_path, "536870912", "123456789", inactive_file=23456789)
    metrics = WorkerMetrics(cgroup_root=root)
    assert sample(metrics, "claimwire_memory_limit_bytes") == 536870912
    assert sample(metrics, "claimwire_memory_working_set_bytes") == 100000000
    (tmp_path / "memory.current").write_text("223456789\n")
    assert sample(metrics, "claimwire_memory_working_set_bytes") == 200000000


def test_cgroup_v1_working_set_leaves_out_inactive_page_cache(tmp_path: Path) -> None:
    (tmp_path / "memory").mkdir()
    (tmp_path / "memory" / "memory.limit_in_bytes").write_text("268435456\n")
    (tmp_path / "memory" / "memory.usage_in_bytes").write_text("90000000\n")
    (tmp_path / "memory" / "memory.stat").write_text("cache 100\ntotal_inactive_file 10000000\n")
    assert memory_working_set_bytes(tmp_path) == 80000000
    assert math.isnan(memory_working_set_bytes(tmp_path / "absent"))


def test_no_limit_exports_no_limit_gauge(tmp_path: Path) -> None:
    metrics = WorkerMetrics(cgroup_root=cgroup_v2(tmp_path, "max"))
    assert sample(metrics, "claimwire_memory_limit_bytes") is None
    assert sample(metrics, "claimwire_memory_working_set_bytes") is None


def test_cgroup_v1_limit_and_its_no_limit_value(tmp_path: Path) -> None:
    (tmp_path / "memory").mkdir()
    limit_file = tmp_path / "memory" / "memory.limit_in_bytes"
    limit_file.write_text("268435456\n")
    assert memory_limit_bytes(tmp_path) == 268435456
    limit_file.write_text("9223372036854771712\n")
    assert memory_limit_bytes(tmp_path) is None


def test_outside_any_cgroup_there_is_no_limit(tmp_path: Path) -> None:
    assert memory_limit_bytes(tmp_path / "absent") is None
