"""Supervised extraction (issue 13, bug 5): a child that dies or hangs costs the record in its hands
a dead letter, never the worker; every other record is still extracted, in order."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import struct
import time
from collections.abc import Iterator

import pytest

from worker.records import InputRecord
from worker.runtime.extract_pool import (
    EXTRACTOR_CRASHED,
    TOO_SLOW,
    ExtractionBroken,
    InlineExtraction,
    PoolExtraction,
    _Child,
    _ChildGone,
    extract_one,
)
from worker.runtime.processor import RecordProcessor


def processor() -> RecordProcessor:
    return RecordProcessor(output_topic="claims", dlq_topic="dlq", worker_version="9.9.9")


def slow_records(count: int) -> list[InputRecord]:
    """Items that take a few milliseconds each, so a batch of them keeps a child busy."""
    sentence = "Villagers said 12 goats and 40 sheep were lost near the bridge on Sunday. "
    return [
        InputRecord(
            "wire", 0, offset, None, json.dumps({"id": f"s-{offset}", "body": sentence * 30}).encode()
        )
        for offset in range(count)
    ]


@pytest.fixture
def breaks() -> list[tuple[str, int, str]]:
    return []


@pytest.fixture
def pool(breaks: list[tuple[str, int, str]]) -> Iterator[PoolExtraction]:
    extraction = PoolExtraction(
        processor(),
        processes=1,
        item_timeout_seconds=0.5,
        max_consecutive_breaks=3,
        on_break=lambda reason, record, detail: breaks.append((reason, record.offset, detail)),
    )
    yield extraction
    extraction.close()


def test_a_child_killed_mid_batch_dead_letters_the_record_in_hand_and_the_rest_go_on(
    pool: PoolExtraction, breaks: list[tuple[str, int, str]]
) -> None:
    records = slow_records(120)
    [child] = pool.pids()
    batch = pool.submit(records, generation=0)
    time.sleep(0.5)
    assert not batch.done(), "the batch must still be in extraction"
    os.kill(child, signal.SIGKILL)
    assert batch.wait(120)
    outcomes = batch.outcomes()
    assert len(outcomes) == len(records)
    crashed = [o for o in outcomes if o.dead_lettered]
    assert [o.failure_reason for o in crashed] == [EXTRACTOR_CRASHED]
    assert [reason for reason, _, _ in breaks] == [EXTRACTOR_CRASHED]
    assert "SIGKILL" in breaks[0][2]
    assert crashed[0].messages[0].value == records[breaks[0][1]].value  # the original bytes
    assert pool.pids() != [child]


def test_a_child_that_stops_answering_is_killed_and_its_record_is_too_slow(
    pool: PoolExtraction, breaks: list[tuple[str, int, str]]
) -> None:
    records = slow_records(120)
    [child] = pool.pids()
    batch = pool.submit(records, generation=0)
    time.sleep(0.3)
    os.kill(child, signal.SIGSTOP)  # not even its own alarm can run
    assert batch.wait(120)
    outcomes = batch.outcomes()
    assert [o.failure_reason for o in outcomes if o.dead_lettered] == [TOO_SLOW]
    assert [reason for reason, _, _ in breaks] == [TOO_SLOW]
    assert sum(not o.dead_lettered for o in outcomes) == len(records) - 1


def test_breaks_on_record_after_record_make_the_extraction_fail(pool: PoolExtraction) -> None:
    record = slow_records(1)[0]
    for _ in range(3):
        pool._count_break(EXTRACTOR_CRASHED, record, "killed")
    batch = pool.submit(slow_records(2), generation=0)
    assert batch.wait(60)
    with pytest.raises(ExtractionBroken, match="3 records in a row"):
        batch.outcomes()


def test_a_record_past_its_time_is_dead_lettered_as_too_slow_in_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    proc = processor()
    record = slow_records(1)[0]

    def stall(_item: object, _limits: object) -> object:
        time.sleep(5)
        raise AssertionError("the alarm should have stopped this")

    monkeypatch.setattr("worker.runtime.processor.extract_item", stall)
    started = time.monotonic()
    outcome = extract_one(proc, record, timeout_seconds=0.2)
    assert time.monotonic() - started < 4
    assert outcome.failure_reason == TOO_SLOW
    assert outcome.messages[0].value == record.value
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_inline_extraction_under_the_limit_is_not_touched() -> None:
    batch = InlineExtraction(processor(), item_timeout_seconds=30).submit(slow_records(3), generation=0)
    assert not any(o.dead_lettered for o in batch.outcomes())


def test_a_child_stopped_halfway_through_an_answer_is_killed_not_waited_on() -> None:
    context = multiprocessing.get_context("fork")
    parent_end, child_end = context.Pipe()

    def half_an_answer() -> None:
        # the pipe's framing: a header that promises 100,000 bytes, then ten of them and no more
        os.write(child_end.fileno(), struct.pack("!i", 100_000) + b"x" * 10)
        time.sleep(60)

    process = context.Process(target=half_an_answer, daemon=True)
    process.start()
    child_end.close()
    child = _Child.__new__(_Child)
    child.conn, child.process = parent_end, process
    child._start_watchdog()
    started = time.monotonic()
    with pytest.raises(_ChildGone, match=r"^no answer within 0\.5 s"):
        child.receive(0.5)
    assert time.monotonic() - started < 5
    assert not process.is_alive()
