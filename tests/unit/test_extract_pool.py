"""Extraction in or out of process: same bytes, same order, merged in submission order."""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator
from concurrent.futures import Future

import pytest

from worker.records import InputRecord
from worker.runtime import extract_pool
from worker.runtime.extract_pool import (
    ExtractionBatch,
    ExtractionBroken,
    ExtractionPipeline,
    InlineExtraction,
    Outcome,
    PoolExtraction,
    extract_records,
    rewind_positions,
    split_evenly,
)
from worker.runtime.processor import EXTRACTOR_ERROR, RecordProcessor


def item(index: int) -> bytes:
    bodies = (
        "At least {n} people were killed in the floods, the health ministry said on Monday.",
        "Police said {n} protesters were detained after the march.",
        "The weather was mild and the market reopened.",
    )
    return json.dumps(
        {
            "id": f"x-{index}",
            "source": "test-wire",
            "published_at": "2026-11-28T09:00:00",
            "headline": f"Item {index}",
            "body": bodies[index % len(bodies)].format(n=index + 3),
        }
    ).encode()


def records(
    count: int, *, partition: int = 0, first_offset: int = 0, broken: int | None = None
) -> list[InputRecord]:
    """Records of small items; the one at index `broken` is truncated JSON."""
    values = [item(i) for i in range(count)]
    if broken is not None:
        values[broken] = b'{"id": "broken", "body": '
    return [
        InputRecord(
            "wire", partition, first_offset + i, f"k{i}".encode(), value, (("h", b"v"),), 1_700_000_000_000
        )
        for i, value in enumerate(values)
    ]


def processor() -> RecordProcessor:
    return RecordProcessor(output_topic="claims", dlq_topic="dlq", worker_version="9.9.9")


def done(outcomes: list[Outcome]) -> Future[list[Outcome]]:
    future: Future[list[Outcome]] = Future()
    future.set_result(outcomes)
    return future


def outcome(marker: str) -> Outcome:
    return Outcome([], [], None, None, marker, None, 0.0)


def test_split_evenly_keeps_order_and_balances_sizes() -> None:
    chunks = split_evenly(list(range(10)), 3)
    assert chunks == [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]
    assert split_evenly([1, 2], 4) == [[1], [2]]
    assert split_evenly([], 2) == []
    with pytest.raises(ValueError, match="parts"):
        split_evenly([1], 0)


def test_a_batch_merges_chunks_in_submission_order_whatever_order_they_finish_in() -> None:
    futures: list[Future[list[Outcome]]] = [Future(), Future(), Future()]
    batch = ExtractionBatch(records(5), futures, generation=1)
    futures[2].set_result([outcome("d"), outcome("e")])
    assert not batch.done()
    assert not batch.wait(0.01)
    futures[0].set_result([outcome("a"), outcome("b")])
    futures[1].set_result([outcome("c")])
    assert batch.done()
    assert [o.item_id for o in batch.outcomes()] == ["a", "b", "c", "d", "e"]


def test_a_batch_with_a_missing_outcome_is_an_error_not_a_silent_drop() -> None:
    batch = ExtractionBatch(records(3), [done([outcome("a"), outcome("b")])], generation=0)
    with pytest.raises(RuntimeError, match="2 outcomes for 3 records"):
        batch.outcomes()


def test_a_broken_extraction_surfaces_from_outcomes() -> None:
    broken: Future[list[Outcome]] = Future()
    broken.set_exception(ExtractionBroken("children broke on 5 records in a row"))
    batch = ExtractionBatch(records(2), [done([outcome("a")]), broken], generation=0)
    with pytest.raises(ExtractionBroken):
        batch.outcomes()


def test_the_pipeline_hands_back_the_oldest_batch_and_counts_its_records() -> None:
    pipeline = ExtractionPipeline(max_batches=2)
    first = ExtractionBatch(records(3), [], generation=0)
    second = ExtractionBatch(records(4, first_offset=3), [], generation=0)
    pipeline.append(first)
    assert not pipeline.full()
    pipeline.append(second)
    assert pipeline.full()
    assert pipeline.records() == 7
    assert pipeline.head() is first
    assert pipeline.pop() is first
    assert pipeline.drain() == [second]
    assert pipeline.head() is None and pipeline.records() == 0


def test_rewind_positions_are_the_lowest_offset_of_each_partition() -> None:
    batches = [
        ExtractionBatch(records(3, partition=0, first_offset=10), [], generation=0),
        ExtractionBatch(
            [*records(2, partition=1, first_offset=4), *records(2, partition=0, first_offset=13)],
            [],
            generation=0,
        ),
    ]
    assert rewind_positions(batches) == {("wire", 0): 10, ("wire", 1): 4}


def test_outcomes_carry_labels_failures_and_timing() -> None:
    outcomes = extract_records(processor(), records(4, broken=3))
    killed, detained, mild, broken = outcomes
    assert killed.claim_labels == [("killed", "lower_bound", "true")]
    assert killed.published_at == 1_795_856_400.0  # naive published_at is taken as UTC
    assert [label[0] for label in detained.claim_labels] == ["detained"]  # arrested protesters (SPEC)
    assert broken.dead_lettered and broken.failure_reason == "invalid_json"
    assert broken.claim_labels == [] and len(broken.messages) == 1
    assert broken.messages[0].topic == "dlq"
    assert mild.messages == [] and not mild.dead_lettered
    assert all(o.seconds > 0 for o in outcomes)


def test_an_extractor_exception_is_a_dead_letter_with_its_message(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(_item: object, _limits: object) -> list[object]:
        raise ZeroDivisionError("bad arithmetic")

    monkeypatch.setattr("worker.runtime.processor.extract_item", explode)
    [result] = extract_records(processor(), records(1))
    assert result.failure_reason == EXTRACTOR_ERROR
    assert result.failure_error == "bad arithmetic"


@pytest.fixture
def pool() -> Iterator[PoolExtraction]:
    extraction = PoolExtraction(processor(), processes=2)
    yield extraction
    extraction.close()


def test_a_pool_publishes_the_same_bytes_in_the_same_order_as_inline(pool: PoolExtraction) -> None:
    batch_records = records(41, broken=20)
    inline = InlineExtraction(processor()).submit(batch_records, generation=3).outcomes()
    pooled_batch = pool.submit(batch_records, generation=3)
    assert len(pooled_batch.futures) == 2
    assert pooled_batch.wait(60)
    pooled = pooled_batch.outcomes()
    assert [o.messages for o in pooled] == [o.messages for o in inline]
    assert [o.claim_labels for o in pooled] == [o.claim_labels for o in inline]
    assert [(o.failure_reason, o.failure_error, o.item_id) for o in pooled] == [
        (o.failure_reason, o.failure_error, o.item_id) for o in inline
    ]
    assert sum(o.dead_lettered for o in pooled) == 1


def test_a_child_ignores_the_stop_signals_the_parent_handles() -> None:
    saved = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    try:
        extract_pool._start_child(processor().settings())
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, saved[0])
        signal.signal(signal.SIGTERM, saved[1])
        extract_pool._child_processors.clear()


def test_an_item_not_in_english_is_skipped_with_its_reason_not_dead_lettered() -> None:
    body = "Selon la préfecture, quelque 4 500 personnes ont manifesté samedi dans les rues de la ville."
    value = json.dumps({"id": "fr-1", "body": body}).encode()
    record = InputRecord("wire", 0, 0, b"k", value, (), 1_700_000_000_000)
    [skipped] = extract_records(processor(), [record])
    assert not skipped.dead_lettered
    assert (skipped.messages, skipped.claim_labels) == ([], [])
    assert (skipped.skipped_reason, skipped.skipped_detail) == ("not_english", "language 'fr' (detected)")
