"""The start-up topic check's verdicts, from the per-topic metadata errors (no broker needed)."""

from __future__ import annotations

import pytest
from kafka.errors import NoError, TopicAuthorizationFailedError, UnknownTopicOrPartitionError

from worker.exitcodes import ExitCode
from worker.kafka import admin
from worker.kafka.errors import BrokerUnreachableError, MissingTopicError, TopicNotAuthorizedError
from worker.settings import KafkaConnectionSettings

CONNECTION = KafkaConnectionSettings(bootstrap_servers="k1:9092", client_id="claimwire-test")


def answering(errors: dict[str, type[Exception]]) -> object:
    def topic_errors(
        connection: KafkaConnectionSettings, topics: list[str], timeout_s: float
    ) -> dict[str, type[Exception]]:
        return {topic: errors.get(topic, NoError) for topic in topics}

    return topic_errors


def test_existing_topics_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(admin, "_topic_errors", answering({}))
    admin.require_topics(CONNECTION, ["wire.raw", "claims.extracted"])


def test_missing_topics_are_named_together(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        admin,
        "_topic_errors",
        answering({"wire.raw": UnknownTopicOrPartitionError, "wire.raw.dlq": UnknownTopicOrPartitionError}),
    )
    with pytest.raises(MissingTopicError) as error:
        admin.require_topics(CONNECTION, ["wire.raw", "claims.extracted", "wire.raw.dlq", "wire.raw"])
    assert error.value.topics == ["wire.raw", "wire.raw.dlq"]
    assert error.value.exit_code == ExitCode.USAGE


def test_a_topic_the_acls_hide_is_not_called_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        admin,
        "_topic_errors",
        answering(
            {"wire.raw": TopicAuthorizationFailedError, "claims.extracted": UnknownTopicOrPartitionError}
        ),
    )
    with pytest.raises(TopicNotAuthorizedError) as error:
        admin.require_topics(CONNECTION, ["wire.raw", "claims.extracted"])
    assert "not authorized to use topic 'wire.raw' as 'claimwire-test'" in str(error.value)
    assert error.value.exit_code == ExitCode.AUTHENTICATION_FAILED


def test_an_unreachable_broker_is_retried_until_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[float] = []

    def unreachable(
        connection: KafkaConnectionSettings, topics: list[str], timeout_s: float
    ) -> dict[str, type[Exception]]:
        attempts.append(timeout_s)
        raise BrokerUnreachableError("no broker reachable at k1:9092")

    clock = iter(float(second) for second in range(100))
    monkeypatch.setattr(admin.time, "monotonic", lambda: next(clock))
    monkeypatch.setattr(admin, "_topic_errors", unreachable)
    with pytest.raises(BrokerUnreachableError):
        admin.require_topics(CONNECTION, ["wire.raw"], timeout_s=12)
    assert len(attempts) > 1
    assert max(attempts) <= admin.CHECK_ATTEMPT_S
