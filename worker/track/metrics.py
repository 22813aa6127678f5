"""The tracker's Prometheus metrics, all `claimwire_tracker_*`, each on the tracker's own registry."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

# Restoring a partition takes milliseconds for a demo and minutes for a changelog of millions of series.
RESTORE_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0)


class TrackerMetrics:
    """Every metric `claimwire track` exports."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        r = self.registry
        self.series_open = Gauge(
            "claimwire_tracker_series_open", "Series held in state for the assigned partitions.", registry=r
        )
        self.claims_consumed = Counter(
            "claimwire_tracker_claims_consumed_total", "Claim events read from the input topic.", registry=r
        )
        self.claims_ignored = Counter(
            "claimwire_tracker_claims_ignored_total",
            "Claim events that joined no series, by reason (unattributed, untracked, invalid, replayed).",
            ["reason"],
            registry=r,
        )
        self.events = Counter(
            "claimwire_tracker_events_total", "Tracked events committed, by kind.", ["event"], registry=r
        )
        self.updates = Counter(
            "claimwire_tracker_updates_total", "Series values updated (value_updated events).", registry=r
        )
        self.revisions = Counter(
            "claimwire_tracker_revisions_total",
            "Cumulative counts revised down (value_revised_down).",
            registry=r,
        )
        self.conflicts = Counter(
            "claimwire_tracker_conflicts_total", "Source conflicts announced (sources_conflict).", registry=r
        )
        self.transactions = Counter(
            "claimwire_tracker_transactions_total", "Batch transactions, by outcome.", ["outcome"], registry=r
        )
        self.restore_seconds = Histogram(
            "claimwire_tracker_state_restore_seconds",
            "Time to rebuild one input partition's state from the changelog.",
            buckets=RESTORE_BUCKETS,
            registry=r,
        )
        self.restored_series = Counter(
            "claimwire_tracker_restored_series_total",
            "Series states read back from the changelog.",
            registry=r,
        )

    def render(self) -> bytes:
        return bytes(generate_latest(self.registry))
