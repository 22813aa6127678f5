"""The worker's Prometheus metrics, all `claimwire_*` with units in their names (docs/metrics.md).

Each `WorkerMetrics` owns its registry, so tests and several in-process workers never collide.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

# Processing one item takes micro- to milliseconds; a slow regex shows up in the upper buckets.
PROCESSING_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)
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


class WorkerMetrics:
    """Every metric the worker exports, registered on one registry."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        r = self.registry
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
            "Records between the worker's position and the end of each assigned input partition.",
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
            "Times the extraction pool was replaced because a child process died.",
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
