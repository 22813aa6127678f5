"""Worker metrics: claimwire_* names with units, all documented, served with the probes over HTTP."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from prometheus_client.metrics_core import Metric
from prometheus_client.parser import text_string_to_metric_families

from worker.runtime.metrics import WorkerMetrics
from worker.runtime.probes import LoopHealth, ProbeServer

UNIT_SUFFIXES = (
    "_total",
    "_seconds",
    "_records",
    "_in_flight",
    "_partitions",
    "_processes",
    "_bytes",
    "_info",
)
DOCS = Path(__file__).parents[2] / "docs" / "metrics.md"


def metric_names(metrics: WorkerMetrics) -> set[str]:
    return {family.name for family in metrics.registry.collect()}


def exposed_name(family: Metric) -> str:
    return family.name + {"counter": "_total", "info": "_info"}.get(family.type, "")


def test_every_metric_is_claimwire_prefixed_and_names_its_unit() -> None:
    names = metric_names(WorkerMetrics())
    assert len(names) >= 14
    for name in names:
        # process_* are the standard names every Prometheus client library exports.
        assert name.startswith(("claimwire_", "process_")), name
    for family in WorkerMetrics().registry.collect():
        if family.name.startswith("claimwire_"):
            assert exposed_name(family).endswith(UNIT_SUFFIXES), exposed_name(family)


def test_every_metric_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    documented = set(re.findall(r"`((?:claimwire|process)_[a-z_]+)`", text))
    for family in WorkerMetrics().registry.collect():
        assert exposed_name(family) in documented, exposed_name(family)


def test_two_workers_in_one_process_do_not_share_counts() -> None:
    first, second = WorkerMetrics(), WorkerMetrics()
    first.items_consumed.inc(3)
    assert b"claimwire_items_consumed_total 3.0" in first.render()
    assert b"claimwire_items_consumed_total 0.0" in second.render()


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture
def served() -> Iterator[tuple[WorkerMetrics, LoopHealth, str]]:
    metrics = WorkerMetrics()
    health = LoopHealth(max_poll_age_seconds=0.2)
    server = ProbeServer("127.0.0.1", 0, metrics, health)
    server.start()
    yield metrics, health, f"http://127.0.0.1:{server.port}"
    server.stop()


def test_metrics_endpoint_serves_prometheus_text(served: tuple[WorkerMetrics, LoopHealth, str]) -> None:
    metrics, _, base = served
    metrics.claims_produced.labels("killed", "exact", "true").inc(2)
    metrics.items_failed.labels("invalid_json").inc()
    status, text = get(base + "/metrics")
    assert status == 200
    samples = {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }
    key = (
        "claimwire_claims_produced_total",
        (("attributed", "true"), ("category", "killed"), ("qualifier", "exact")),
    )
    assert samples[key] == 2.0
    assert samples[("claimwire_items_failed_total", (("reason", "invalid_json"),))] == 1.0


def test_readiness_means_joined_and_able_to_reach_the_broker_even_with_no_partitions(
    served: tuple[WorkerMetrics, LoopHealth, str],
) -> None:
    _, health, base = served
    assert get(base + "/readyz")[0] == 503
    assert get(base + "/healthz")[0] == 200  # joining the group may take a while
    health.group_joined(False)
    health.polled(assigned_partitions=0)
    assert get(base + "/readyz") == (503, "fail: not joined to the group yet\n")
    health.group_joined(True)
    # A surge pod at full scale gets no partition until the old pod leaves; it must still be ready.
    assert get(base + "/readyz") == (200, "ok: 0 partitions assigned (group joined, broker reachable)\n")
    health.polled(assigned_partitions=3)
    assert get(base + "/readyz")[0] == 200


def test_a_loop_that_does_not_report_membership_is_ready_with_a_partition(
    served: tuple[WorkerMetrics, LoopHealth, str],
) -> None:
    _, health, base = served
    health.polled(assigned_partitions=0)
    assert get(base + "/readyz") == (503, "fail: no partitions assigned\n")
    health.polled(assigned_partitions=2)
    assert get(base + "/readyz") == (200, "ok: 2 partitions assigned\n")
    assert get(base + "/healthz")[0] == 200


def test_readiness_fails_while_the_broker_is_unreachable(
    served: tuple[WorkerMetrics, LoopHealth, str],
) -> None:
    _, health, base = served
    health.polled(assigned_partitions=2)
    health.group_joined(True)
    health.broker_contact(reachable=False)
    assert get(base + "/readyz") == (503, "fail: broker unreachable\n")
    health.broker_contact(reachable=True)
    assert get(base + "/readyz")[0] == 200


def test_liveness_fails_when_the_loop_stops_going_round(
    served: tuple[WorkerMetrics, LoopHealth, str],
) -> None:
    _, health, base = served
    health.beat()
    assert get(base + "/healthz")[0] == 200
    health.last_beat = health.last_beat - 1.0 if health.last_beat is not None else None
    status, text = get(base + "/healthz")
    assert status == 503
    assert text.startswith("fail: loop stuck")


def test_unknown_paths_are_404(served: tuple[WorkerMetrics, LoopHealth, str]) -> None:
    assert get(served[2] + "/nope")[0] == 404
