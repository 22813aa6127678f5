"""The explorer's topic follower turns a broker it cannot reach into the adapter's own error."""

from __future__ import annotations

import kafka.errors
import pytest

from worker.kafka import follow
from worker.kafka.errors import BrokerUnreachableError
from worker.settings import KafkaConnectionSettings


def test_an_unreachable_broker_is_a_broker_unreachable_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(**_: object) -> None:
        raise kafka.errors.KafkaTimeoutError("Unable to bootstrap from [('127.0.0.1', 1)]")

    monkeypatch.setattr(follow, "KafkaConsumer", refuse)
    connection = KafkaConnectionSettings(bootstrap_servers="127.0.0.1:1")
    with pytest.raises(BrokerUnreachableError, match=r"no broker reachable at 127\.0\.0\.1:1"):
        follow.TopicFollower(connection, ("claims.tracked",))
