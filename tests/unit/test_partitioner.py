"""The worker's partitioner: the partition Java's default partitioner gives each keyed claim."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from kafka.partitioner import DefaultPartitioner
from kafka.partitioner import murmur2 as kafka_python_murmur2

from worker.kafka.partitioner import KeyHashPartitioner, murmur2, positive_hash


class Cluster:
    """The two calls a partitioner makes of kafka-python's cluster metadata."""

    def __init__(self, topics: dict[str, set[int]]) -> None:
        self._topics = topics

    def topics(self) -> set[str]:
        return set(self._topics)

    def partitions_for_topic(self, topic: str) -> set[int] | None:
        return self._topics.get(topic)

    def available_partitions_for_topic(self, topic: str) -> set[int]:
        return self._topics.get(topic, set())


# Kafka's own test vectors (UtilsTest.testMurmur2), signed as Java prints them.
JAVA_VECTORS = {
    b"21": -973932308,
    b"foobar": -790332482,
    b"a-little-bit-long-string": -985981536,
    b"a-little-bit-longer-string": -1486304829,
    b"lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8": -58897971,
    b"abc": 479470107,
}


@pytest.mark.parametrize(("data", "java"), JAVA_VECTORS.items())
def test_murmur2_matches_the_java_client(data: bytes, java: int) -> None:
    assert murmur2(data) == java & 0xFFFFFFFF


@given(st.binary(max_size=300))
def test_murmur2_matches_kafka_python_on_any_bytes(data: bytes) -> None:
    assert murmur2(data) & 0x7FFFFFFF == kafka_python_murmur2(data) & 0x7FFFFFFF


@given(st.binary(min_size=1, max_size=120), st.integers(min_value=1, max_value=64))
def test_keyed_records_go_where_the_default_partitioner_puts_them(key: bytes, count: int) -> None:
    cluster = Cluster({"claims": set(range(count))})
    ours = KeyHashPartitioner().partition("claims", key, key, b"v", b"v", cluster)
    theirs = DefaultPartitioner().partition("claims", key, key, b"v", b"v", cluster)
    assert ours == theirs


def test_a_repeated_key_is_hashed_once() -> None:
    positive_hash.cache_clear()
    partitioner = KeyHashPartitioner()
    cluster = Cluster({"claims": {0, 1, 2}})
    key = b"v1|casualties|people killed|gaza"
    picks = {partitioner.partition("claims", key, key, None, b"v", cluster) for _ in range(5)}
    assert len(picks) == 1
    info = positive_hash.cache_info()
    assert (info.misses, info.hits) == (1, 4)


def test_records_without_a_key_go_to_some_partition_of_the_topic() -> None:
    cluster = Cluster({"claims": {0, 1, 2}})
    assert KeyHashPartitioner().partition("claims", None, None, b"v", b"v", cluster) in {0, 1, 2}


def test_an_unknown_topic_is_refused() -> None:
    with pytest.raises(ValueError, match="nowhere"):
        KeyHashPartitioner().partition("nowhere", b"k", b"k", b"v", b"v", Cluster({}))
