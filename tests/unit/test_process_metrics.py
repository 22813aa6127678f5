"""Process metrics, build info and the container's memory limit, on the worker's registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from worker import __version__
from worker.runtime.metrics import BUILD_COMMIT_ENV, WorkerMetrics, memory_limit_bytes


def sample(metrics: WorkerMetrics, name: str, **labels: str) -> float | None:
    return metrics.registry.get_sample_value(name, labels)


def cgroup_v2(tmp_path: Path, limit: str, current: str = "1048576") -> Path:
    (tmp_path / "memory.max").write_text(limit + "\n")
    (tmp_path / "memory.current").write_text(current + "\n")
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


def test_a_cgroup_v2_limit_and_usage_are_exported(tmp_path: Path) -> None:
    metrics = WorkerMetrics(cgroup_root=cgroup_v2(tmp_path, "536870912", "123456789"))
    assert sample(metrics, "claimwire_memory_limit_bytes") == 536870912
    assert sample(metrics, "claimwire_memory_usage_bytes") == 123456789
    (tmp_path / "memory.current").write_text("223456789\n")
    assert sample(metrics, "claimwire_memory_usage_bytes") == 223456789


def test_no_limit_exports_no_limit_gauge(tmp_path: Path) -> None:
    metrics = WorkerMetrics(cgroup_root=cgroup_v2(tmp_path, "max"))
    assert sample(metrics, "claimwire_memory_limit_bytes") is None
    assert sample(metrics, "claimwire_memory_usage_bytes") is None


def test_cgroup_v1_limit_and_its_no_limit_value(tmp_path: Path) -> None:
    (tmp_path / "memory").mkdir()
    limit_file = tmp_path / "memory" / "memory.limit_in_bytes"
    limit_file.write_text("268435456\n")
    assert memory_limit_bytes(tmp_path) == 268435456
    limit_file.write_text("9223372036854771712\n")
    assert memory_limit_bytes(tmp_path) is None


def test_outside_any_cgroup_there_is_no_limit(tmp_path: Path) -> None:
    assert memory_limit_bytes(tmp_path / "absent") is None
