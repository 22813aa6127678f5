"""The worker's Prometheus metrics, all `claimwire_*` with units in their names (docs/metrics.md).

Each `WorkerMetrics` owns its registry, so tests and several in-process workers never collide.
Every registry also gets what an operator compares across pods and releases (`add_process_metrics`):
the standard `process_*` metrics, `claimwire_build_info{version,commit}` and the container's memory
limit, so resident memory can be read against the limit the kernel kills at.
"""

from __future__ import annotations

import os
from pathlib import Path

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    Info,
    ProcessCollector,
    generate_latest,
)

from worker import __version__

CGROUP_ROOT = Path("/sys/fs/cgroup")
# The image sets it from the commit it was built from (Dockerfile `ARG GIT_COMMIT`); not a
# CLAIMWIRE_* name, which are settings. CI systems such as Jenkins set it in a checkout too.
BUILD_COMMIT_ENV = "GIT_COMMIT"
UNKNOWN_COMMIT = "unknown"
# cgroup v1 reports "no limit" as the largest page-aligned signed 64-bit number; anything this
# large is no limit on any real machine.
UNLIMITED_V1_BYTES = 1 << 62

# Processing one item takes micro- to milliseconds; a slow regex shows up in the upper buckets.
PROCESSING_BUCKETS = (
    0.0005,
    0.001,
    0.0025,
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1.0,
    2.5,
    5.0,
    10.0,
    30.0,
)
# End-to-end delay spans a healthy sub-second pipeline to a backlog of hours after an outage.
DELAY_BUCKETS = (
    0.05,
    0.1,
    0.25,
    0.5,
    1.0,
    2.5,
    5.0,
    10.0,
    30.0,
    60.0,
    300.0,
    900.0,
    3600.0,
    21600.0,
    86400.0,
)


def memory_limit_bytes(cgroup_root: Path = CGROUP_ROOT) -> int | None:
    """The memory limit of this process's container (cgroup v2 `memory.max`, else v1), or None."""
    try:
        text = (cgroup_root / "memory.max").read_text().strip()
    except OSError:
        try:
            text = (cgroup_root / "memory" / "memory.limit_in_bytes").read_text().strip()
        except OSError:
            return None
    if not text.isdigit():  # "max": no limit
        return None
    limit = int(text)
    return limit if limit < UNLIMITED_V1_BYTES else None


def memory_working_set_bytes(cgroup_root: Path = CGROUP_ROOT) -> float:
    """The container's working set: its memory use less the page cache the kernel can drop first.

    What the kubelet compares with the limit for evictions and what an OOM kill comes down to:
    cgroup v2 `memory.current` (v1 `memory.usage_in_bytes`) less `inactive_file` of `memory.stat`
    (v1 `total_inactive_file`). Every process of the container counts, extraction children included.
    """
    for usage_file, stat_file, inactive_key in (
        ("memory.current", "memory.stat", "inactive_file"),
        ("memory/memory.usage_in_bytes", "memory/memory.stat", "total_inactive_file"),
    ):
        try:
            usage = int((cgroup_root / usage_file).read_text().strip())
            stat = (cgroup_root / stat_file).read_text()
        except (OSError, ValueError):
            continue
        inactive = 0
        for line in stat.splitlines():
            key, _, value = line.partition(" ")
            if key == inactive_key and value.strip().isdigit():
                inactive = int(value)
        return float(max(usage - inactive, 0))
    return float("nan")


def build_commit() -> str:
    return os.environ.get(BUILD_COMMIT_ENV, "").strip() or UNKNOWN_COMMIT


def add_process_metrics(registry: CollectorRegistry, *, cgroup_root: Path = CGROUP_ROOT) -> None:
    """`process_*`, `claimwire_build_info` and, in a memory-limited container, its limit."""
    ProcessCollector(registry=registry)
    Info(
        "claimwire_build",
        "The running claimwire's version and the commit its image was built from.",
        registry=registry,
    ).info({"version": __version__, "commit": build_commit()})
    limit = memory_limit_bytes(cgroup_root)
    if limit is not None:
        Gauge(
            "claimwire_memory_limit_bytes",
            "The container's memory limit (cgroup): the kernel kills the pod when usage reaches it.",
            registry=registry,
        ).set(limit)
        # process_resident_memory_bytes misses the extraction children; the cgroup counts them all.
        Gauge(
            "claimwire_memory_working_set_bytes",
            "The container's working set (every process, less reclaimable page cache), as the kubelet "
            "compares it with the limit.",
            registry=registry,
        ).set_function(lambda: memory_working_set_bytes(cgroup_root))


class WorkerMetrics:
    """Every metric the worker exports, registered on one registry."""

    def __init__(self, registry: CollectorRegistry | None = None, *, cgroup_root: Path = CGROUP_ROOT) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        r = self.registry
        add_process_metrics(r, cgroup_root=cgroup_root)
        self.items_consumed = Counter(
            "claimwire_items_consumed_total", "Input records fetched from the input topic.", registry=r
        )
        self.items_processed = Counter(
            "claimwire_items_processed_total",
            "Input records decoded and extracted (with or without claims).",
            registry=r,
        )
        self.items_skipped = Counter(
            "claimwire_items_skipped_total",
            "Input records decoded but passed over without extraction, by reason (not_english).",
            ["reason"],
            registry=r,
        )
        self.items_failed = Counter(
            "claimwire_items_failed_total",
            "Input records that could not be processed, by reason (decode reason or extractor_error).",
            ["reason"],
            registry=r,
        )
        self.items_dead_lettered = Counter(
            "claimwire_items_dead_lettered_total",
            "Input records published to the dead-letter topic and acknowledged.",
            registry=r,
        )
        self.claims_produced = Counter(
            "claimwire_claims_produced_total",
            "Claim events acknowledged by the broker, by category, qualifier and whether a source was found.",
            ["category", "qualifier", "attributed"],
            registry=r,
        )
        self.processing_seconds = Histogram(
            "claimwire_item_processing_seconds",
            "Time to decode, extract and serialise one input record.",
            buckets=PROCESSING_BUCKETS,
            registry=r,
        )
        self.processing_seconds_max = Gauge(
            "claimwire_item_processing_max_seconds",
            "The longest one record has taken to process since the worker started.",
            registry=r,
        )
        self.record_delay_seconds = Histogram(
            "claimwire_record_delay_seconds",
            "From the input record's Kafka timestamp to its processing by the worker.",
            buckets=DELAY_BUCKETS,
            registry=r,
        )
        self.publication_delay_seconds = Histogram(
            "claimwire_publication_delay_seconds",
            "From the item's published_at (when given) to its processing by the worker.",
            buckets=DELAY_BUCKETS,
            registry=r,
        )
        self.consumer_lag = Gauge(
            "claimwire_consumer_lag_records",
            "Fetch-position lag: records between the consumer's fetch position and the end of each "
            "assigned input partition (records fetched but not yet committed are not counted).",
            ["topic", "partition"],
            registry=r,
        )
        self.committed_lag = Gauge(
            "claimwire_consumer_committed_lag_records",
            "Committed-offset lag: records between the group's committed offset and the end of each "
            "assigned input partition (what a restart would read again or for the first time).",
            ["topic", "partition"],
            registry=r,
        )
        self.commits = Counter(
            "claimwire_offset_commits_total",
            "Offset commits of the input topic, by outcome (ok, failed).",
            ["outcome"],
            registry=r,
        )
        self.rebalances = Counter(
            "claimwire_rebalances_total",
            "Group rebalance callbacks, by event (assigned, revoked, lost).",
            ["event"],
            registry=r,
        )
        self.in_flight = Gauge(
            "claimwire_items_in_flight",
            "Input records consumed whose output is not yet fully acknowledged.",
            registry=r,
        )
        self.paused_partitions = Gauge(
            "claimwire_paused_partitions",
            "Input partitions paused because the producer is behind.",
            registry=r,
        )
        self.produce_errors = Counter(
            "claimwire_produce_errors_total",
            "Messages the producer failed to deliver, by topic kind (claims, dead_letter).",
            ["kind"],
            registry=r,
        )
        self.extract_processes = Gauge(
            "claimwire_extract_processes",
            "Child processes extracting claims (0: extraction runs in the poll loop's process).",
            registry=r,
        )
        self.extract_pool_restarts = Counter(
            "claimwire_extract_pool_restarts_total",
            "Extraction children replaced because they died or hung on a record (dead-lettered).",
            registry=r,
        )
        self.dead_letters_truncated = Counter(
            "claimwire_dead_letters_truncated_total",
            "Dead letters cut to fit the dead-letter topic's max.message.bytes.",
            registry=r,
        )
        self.evidence_trimmed = Counter(
            "claimwire_evidence_trimmed_total",
            "Claim events whose evidence was cut to the window around the figure.",
            registry=r,
        )
        self.transactions = Counter(
            "claimwire_transactions_total",
            "Exactly-once mode: Kafka transactions, by outcome (committed, aborted).",
            ["outcome"],
            registry=r,
        )

    def render(self) -> bytes:
        """The Prometheus text exposition of every metric."""
        return generate_latest(self.registry)
