"""The group consumers: the worker's static membership (issue 13), the id coming from the pod name
unless given, and the worker's and the tracker's polls through a broker restart."""

from __future__ import annotations

import socket

import kafka.errors
import pytest

from worker.kafka.changelog import TrackerKafka
from worker.kafka.consumer import WireConsumer, group_instance_id
from worker.settings import WorkerSettings


def test_the_instance_id_defaults_to_group_and_hostname() -> None:
    settings = WorkerSettings(group_id="claims-workers")
    assert group_instance_id(settings) == f"claims-workers-{socket.gethostname()}"


def test_an_explicit_instance_id_wins() -> None:
    settings = WorkerSettings(group_id="claims-workers", group_instance_id="pod-7")
    assert group_instance_id(settings) == "pod-7"


def test_static_membership_can_be_turned_off() -> None:
    assert group_instance_id(WorkerSettings(static_membership=False, group_instance_id="pod-7")) is None


class _FailingClient:
    def __init__(self, error: Exception) -> None:
        self.error = error

    def poll(self, timeout_ms: int, max_records: int) -> dict[object, object]:
        raise self.error


def _consumer_over(client: _FailingClient) -> WireConsumer:
    consumer = object.__new__(WireConsumer)
    consumer._consumer = client  # the Kafka client is what this test replaces
    return consumer


def test_a_poll_that_meets_a_restarting_broker_reads_nothing_instead_of_failing() -> None:
    consumer = _consumer_over(_FailingClient(kafka.errors.KafkaConnectionError("111 ECONNREFUSED")))
    assert consumer.poll(0.1, max_records=10) == []
    consumer = _consumer_over(_FailingClient(kafka.errors.NodeNotReadyError("node 1")))
    assert consumer.poll(0.1, max_records=10) == []


def test_the_trackers_poll_reads_nothing_through_a_broker_restart_too() -> None:
    tracker = object.__new__(TrackerKafka)
    tracker._consumer = _FailingClient(kafka.errors.KafkaConnectionError("111 ECONNREFUSED"))
    assert tracker.poll(0.1, max_records=10) == []
    tracker._consumer = _FailingClient(kafka.errors.TopicAuthorizationFailedError("claims.extracted"))
    with pytest.raises(kafka.errors.TopicAuthorizationFailedError):
        tracker.poll(0.1, max_records=10)


def test_a_poll_error_that_retrying_cannot_cure_still_stops_the_worker() -> None:
    consumer = _consumer_over(_FailingClient(kafka.errors.TopicAuthorizationFailedError("wire.raw")))
    with pytest.raises(kafka.errors.TopicAuthorizationFailedError):
        consumer.poll(0.1, max_records=10)
