"""The worker's poll loop driven by an in-memory broker: rebalances, backpressure and failure exits.

Each test schedules what happens at which poll (`FakeBroker.at_poll`) and checks the exit code,
what was published and what was committed. The broker itself checks every offset commit: never
backwards and never past a record whose messages are not all acknowledged (`broker.violations`).
"""

from __future__ import annotations

from typing import Any

import kafka.errors
import pytest
from fakes.broker import FakeBroker, FakeConsumer, FakeTransactionalProducer
from fakes.extract_pool import BROKEN, CRASH, DLQ_TOPIC, OUTPUT_TOPIC, FakeExtraction

from worker.exitcodes import ExitCode
from worker.kafka.errors import CommitError
from worker.runtime.loop import Worker
from worker.runtime.metrics import WorkerMetrics
from worker.runtime.probes import LoopHealth
from worker.runtime.signals import StopRequest
from worker.settings import WorkerSettings

TOPIC = "wire.raw"
P0 = (TOPIC, 0)
P1 = (TOPIC, 1)


class Run:
    """One worker wired to a fake broker and a fake extraction."""

    def __init__(self, broker: FakeBroker, *, claims_per_record: int = 1, **settings: Any) -> None:
        values: dict[str, Any] = {
            "input_topic": TOPIC,
            "output_topic": OUTPUT_TOPIC,
            "dlq_topic": DLQ_TOPIC,
            "extract_processes": 1,
            # Due at every turn of the loop: commits then follow the polls, not the clock.
            "commit_interval_seconds": 1e-9,
            "max_poll_records": 10,
            "shutdown_grace_seconds": 2.0,
            "static_membership": True,
        }
        values.update(settings)
        self.broker = broker
        self.stop = StopRequest()
        self.metrics = WorkerMetrics()
        self.extraction = FakeExtraction(broker, claims_per_record)
        self.worker = Worker(
            WorkerSettings(**values),
            metrics=self.metrics,
            health=LoopHealth(max_poll_age_seconds=30.0),
            stop=self.stop,
            clients=broker.clients(),
            extraction=self.extraction.starter,
        )

    def run(self, *, assign: set[int] | None = None, stop_at: int | None = None) -> int:
        partitions = set(range(self.broker.partitions)) if assign is None else assign
        self.broker.at_poll(1, lambda consumer: consumer.rebalance(assigned=partitions))
        if stop_at is not None:
            self.broker.stop_at_poll(stop_at, self.stop)
        return self.worker.run()

    def metric(self, name: str, **labels: str) -> float:
        value = self.metrics.registry.get_sample_value(name, labels)
        return 0.0 if value is None else value


def claims(broker: FakeBroker) -> list[tuple[int, int]]:
    return broker.published_sources(OUTPUT_TOPIC)


def every_record(broker: FakeBroker, partition: int) -> list[tuple[int, int]]:
    return [(partition, offset) for offset in range(broker.end(partition))]


# -- the ordinary run and the stop request ---------------------------------------------------------


def test_stop_request_exits_0_after_publishing_and_committing_everything() -> None:
    broker = FakeBroker()
    broker.append(0, 4)
    broker.append(1, 3)
    run = Run(broker)

    assert run.run(stop_at=6) == ExitCode.OK

    assert sorted(claims(broker)) == every_record(broker, 0) + every_record(broker, 1)
    assert broker.committed == {P0: 4, P1: 3}
    assert broker.violations == []
    assert isinstance(broker.consumer, FakeConsumer)
    assert broker.consumer.left_group is True
    assert run.extraction.closed


def test_stop_requested_before_the_start_exits_0_without_connecting() -> None:
    broker = FakeBroker()
    run = Run(broker)
    run.stop.set("SIGTERM")

    assert run.worker.run() == ExitCode.OK
    assert broker.consumer is None
    assert broker.producer is None


def test_offsets_wait_for_acknowledgements_and_never_go_backwards() -> None:
    broker = FakeBroker(hold_acks=True)
    broker.append(0, 6)
    run = Run(broker, max_poll_records=3)
    committed_while_held: list[dict[tuple[str, int], int]] = []
    broker.at_poll(5, lambda _c: committed_while_held.append(dict(broker.committed)))
    broker.at_poll(5, lambda _c: broker.release_acks(2))
    broker.at_poll(8, lambda _c: committed_while_held.append(dict(broker.committed)))
    broker.at_poll(9, lambda _c: setattr(broker, "hold_acks", False))

    assert run.run(assign={0}, stop_at=14) == ExitCode.OK

    # Nothing acknowledged at poll 5: nothing committed; two acknowledged by poll 8: offset 2.
    assert committed_while_held == [{}, {P0: 2}]
    assert broker.violations == []
    assert [commit[P0] for commit in broker.commits] == sorted({commit[P0] for commit in broker.commits})
    assert broker.committed == {P0: 6}


# -- rebalances ------------------------------------------------------------------------------------


def test_batch_polled_before_a_revoke_is_dropped_and_the_new_owner_reads_it() -> None:
    broker = FakeBroker()
    broker.append(0, 3)
    broker.append(1, 3)
    run = Run(broker)
    # Poll 1 fetches all six records into one batch; the group takes both partitions away before
    # it is published, then hands back only partition 1.
    broker.at_poll(2, lambda consumer: consumer.rebalance(assigned=set(), revoked={0, 1}))
    broker.at_poll(3, lambda consumer: consumer.rebalance(assigned={1}))

    assert run.run(stop_at=8) == ExitCode.OK

    assert run.extraction.submitted[0] == broker.logs[P0] + broker.logs[P1]
    assert claims(broker) == every_record(broker, 1)
    assert broker.committed == {P1: 3}
    assert broker.violations == []


def test_partitions_kept_through_a_rebalance_are_rewound_to_their_commits() -> None:
    broker = FakeBroker(partitions=1)
    broker.append(0, 6)
    run = Run(broker, max_poll_records=3)
    # Poll 1 fetches offsets 0-2, poll 2 fetches 3-5 and publishes 0-2. At poll 3, with 3-5 still in
    # extraction, the group revokes the partition and assigns it straight back: the client keeps its
    # fetch position (6), so without the rewind offsets 3-5 would never be read again.
    broker.at_poll(3, lambda consumer: consumer.rebalance(assigned={0}, revoked={0}))

    assert run.run(stop_at=10) == ExitCode.OK

    assert claims(broker) == every_record(broker, 0)
    assert (P0, 3) in broker.seeks
    assert broker.committed == {P0: 6}
    assert broker.violations == []


def test_lost_partitions_are_read_again_from_their_commits_when_assigned_back() -> None:
    broker = FakeBroker(partitions=1)
    broker.append(0, 6)
    run = Run(broker, max_poll_records=3)
    broker.at_poll(3, lambda consumer: consumer.lose({0}))
    broker.at_poll(4, lambda consumer: consumer.rebalance(assigned={0}))

    assert run.run(stop_at=10) == ExitCode.OK

    # A lost partition commits nothing on the way out: its uncommitted window is published again.
    assert sorted(set(claims(broker))) == every_record(broker, 0)
    assert len(claims(broker)) > broker.end(0)
    assert run.metric("claimwire_rebalances_total", event="lost") == 1
    assert broker.committed == {P0: 6}
    assert broker.violations == []


def test_revoked_partitions_commit_what_is_acknowledged_on_the_way_out() -> None:
    broker = FakeBroker()
    broker.append(0, 2)
    broker.append(1, 2)
    run = Run(broker, commit_interval_seconds=3600.0)
    # With commits only every hour, the revocation's own commit is the only one before the stop.
    broker.at_poll(4, lambda consumer: consumer.rebalance(assigned={0}, revoked={0, 1}))

    assert run.run(stop_at=8) == ExitCode.OK

    assert broker.commits[0] == {P0: 2, P1: 2}
    assert broker.violations == []


# -- extraction children ---------------------------------------------------------------------------


def test_a_child_break_dead_letters_the_record_and_the_loop_goes_on() -> None:
    broker = FakeBroker(partitions=1)
    broker.append(0)
    broker.append(0, value=CRASH)
    broker.append(0)
    run = Run(broker)

    assert run.run(stop_at=6) == ExitCode.OK

    assert run.metric("claimwire_extract_pool_restarts_total") == 1
    assert broker.published_sources(DLQ_TOPIC) == [(0, 1)]
    assert claims(broker) == [(0, 0), (0, 2)]
    assert broker.committed == {P0: 3}


def test_extraction_broken_exits_5_without_committing_the_broken_batch() -> None:
    broker = FakeBroker(partitions=1)
    broker.append(0, 2)
    broker.append(0, value=BROKEN)
    broker.append(0)
    run = Run(broker, max_poll_records=2)

    assert run.run(stop_at=20) == ExitCode.EXTRACTION_BROKEN

    assert claims(broker) == [(0, 0), (0, 1)]
    assert broker.committed == {P0: 2}
    assert broker.violations == []


# -- backpressure ----------------------------------------------------------------------------------


def test_in_flight_records_pause_at_the_limit_and_resume_at_half() -> None:
    broker = FakeBroker(partitions=1, hold_acks=True)
    broker.append(0, 10)
    run = Run(broker, max_in_flight=4)
    broker.at_poll(4, lambda _c: broker.release_acks(1))
    broker.at_poll(6, lambda _c: broker.release_acks(1))
    broker.at_poll(9, lambda _c: setattr(broker, "hold_acks", False))

    assert run.run(stop_at=16) == ExitCode.OK

    # Four records fill the limit and pause the partition (nothing was sent yet); three still
    # pending keeps it paused; it resumes when two are pending, with room for two more records.
    assert len(run.extraction.submitted[0]) == 4
    assert broker.flow[:2] == [("pause", 0), ("resume", 2)]
    assert len(run.extraction.submitted[1]) == 2
    assert broker.committed == {P0: 10}
    assert broker.violations == []


def test_unacknowledged_messages_pause_at_four_per_record_and_resume_at_half() -> None:
    broker = FakeBroker(partitions=1, hold_acks=True)
    broker.append(0, 2)
    # Ten records allowed in flight: 40 unacknowledged messages; two records of 25 claims exceed it.
    run = Run(broker, claims_per_record=25, max_in_flight=10)
    for poll in (4, 5, 6):
        broker.at_poll(poll, lambda _c: broker.release_acks(10))
    broker.at_poll(8, lambda _c: setattr(broker, "hold_acks", False))

    assert run.run(stop_at=12) == ExitCode.OK

    assert broker.flow[:2] == [("pause", 50), ("resume", 20)]
    assert broker.committed == {P0: 2}


# -- failures --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (kafka.errors.MessageSizeTooLargeError("the broker refused the message"), ExitCode.FAILED),
        (kafka.errors.KafkaTimeoutError("no answer from the partition leader"), ExitCode.BROKER_UNREACHABLE),
    ],
)
def test_a_failed_delivery_stops_the_worker_and_nothing_past_it_is_committed(
    error: Exception, code: ExitCode
) -> None:
    broker = FakeBroker(partitions=1)
    broker.append(0, 6)
    run = Run(broker, max_poll_records=3)
    # Offsets 0-2 are acknowledged at poll 3; the sends of 3-5 fail when answered at poll 4.
    broker.at_poll(4, lambda _c: setattr(broker, "delivery_error", error))

    assert run.run(stop_at=20) == code

    assert broker.committed == {P0: 3}
    assert run.metric("claimwire_produce_errors_total", kind="claims") == 3
    assert broker.violations == []


def test_a_send_refused_at_once_stops_the_worker_with_exit_1() -> None:
    broker = FakeBroker(partitions=1)
    broker.append(0, 3)
    broker.send_error = ValueError("buffer closed")
    run = Run(broker)

    assert run.run(stop_at=20) == ExitCode.FAILED
    assert broker.committed == {}


def test_broker_loss_leaves_the_group_to_expire_instead_of_flushing() -> None:
    broker = FakeBroker(partitions=1)
    broker.append(0, 3)
    broker.delivery_error = kafka.errors.KafkaConnectionError("connection reset")
    run = Run(broker)

    assert run.run(stop_at=20) == ExitCode.BROKER_UNREACHABLE
    assert isinstance(broker.consumer, FakeConsumer)
    assert broker.consumer.left_group is False


def test_commits_refused_until_the_end_exit_1() -> None:
    broker = FakeBroker(partitions=1, commit_error=CommitError("coordinator not available"))
    broker.append(0, 3)
    run = Run(broker)

    assert run.run(stop_at=6) == ExitCode.FAILED

    assert broker.committed == {}
    assert run.metric("claimwire_offset_commits_total", outcome="failed") >= 1
    assert claims(broker) == every_record(broker, 0)


def test_a_commit_refused_once_is_retried() -> None:
    broker = FakeBroker(partitions=1, commit_error=CommitError("rebalance in progress"))
    broker.append(0, 3)
    run = Run(broker)
    broker.at_poll(4, lambda _c: setattr(broker, "commit_error", None))
    committed_before_stop: list[dict[tuple[str, int], int]] = []
    broker.at_poll(7, lambda _c: committed_before_stop.append(dict(broker.committed)))

    assert run.run(stop_at=8) == ExitCode.OK

    assert run.metric("claimwire_offset_commits_total", outcome="failed") >= 1
    # Landed in the loop, not only in the last commit on the way out.
    assert committed_before_stop == [{P0: 3}]


def test_broker_silent_past_the_limit_exits_3() -> None:
    broker = FakeBroker(partitions=1)
    broker.append(0, 3)
    run = Run(broker, broker_unreachable_seconds=0.2)
    broker.at_poll(4, lambda _c: setattr(broker, "reachable", False))

    assert run.run() == ExitCode.BROKER_UNREACHABLE

    assert broker.committed == {P0: 3}
    assert isinstance(broker.consumer, FakeConsumer)
    assert broker.consumer.left_group is False


def test_broker_unreachable_at_the_start_exits_3() -> None:
    broker = FakeBroker(reachable=False)
    run = Run(broker)

    assert run.worker.run() == ExitCode.BROKER_UNREACHABLE
    assert broker.consumer is None


# -- exactly once ----------------------------------------------------------------------------------


def test_exactly_once_publishes_each_claim_once_with_its_offsets() -> None:
    broker = FakeBroker()
    broker.append(0, 3)
    broker.append(1, 2)
    run = Run(broker, exactly_once=True, transactional_id="worker-a")

    assert run.run(stop_at=6) == ExitCode.OK

    assert sorted(claims(broker)) == every_record(broker, 0) + every_record(broker, 1)
    assert broker.committed == {P0: 3, P1: 2}
    assert run.metric("claimwire_transactions_total", outcome="committed") >= 1


def test_an_aborted_transaction_is_read_again_and_published_once() -> None:
    broker = FakeBroker(partitions=1, failing_transaction_commits=1)
    broker.append(0, 6)
    run = Run(broker, exactly_once=True, transactional_id="worker-a", max_poll_records=3)

    assert run.run(stop_at=10) == ExitCode.OK

    assert isinstance(broker.producer, FakeTransactionalProducer)
    assert broker.producer.aborted == 1
    assert (P0, 0) in broker.seeks
    assert claims(broker) == every_record(broker, 0)
    assert broker.committed == {P0: 6}


def test_a_transaction_that_cannot_be_aborted_exits_1() -> None:
    broker = FakeBroker(partitions=1, failing_transaction_commits=1, failing_aborts=1)
    broker.append(0, 3)
    run = Run(broker, exactly_once=True, transactional_id="worker-a")

    assert run.run(stop_at=10) == ExitCode.FAILED
    assert claims(broker) == []
    assert broker.committed == {}
