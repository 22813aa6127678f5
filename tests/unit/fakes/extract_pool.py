"""A stand-in for the worker's extraction: one claim per record, finished on the broker's next poll.

Finishing a batch only at the next poll keeps it in the worker's pipeline across a poll, which is
where a rebalance can make it stale. A record whose value is `CRASH` comes back as a dead letter
after a reported child break (the pool replaced the child); one whose value is `BROKEN` makes the
batch raise `ExtractionBroken`, as when children break on record after record.
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import Any

from fakes.broker import FakeBroker
from worker.records import InputRecord, OutgoingMessage
from worker.runtime.extract_pool import BreakHandler, ExtractionBatch, ExtractionBroken, Outcome

CRASH = b"crash"
BROKEN = b"broken"
OUTPUT_TOPIC = "claims.extracted"
DLQ_TOPIC = "wire.raw.dlq"


def _source(record: InputRecord) -> bytes:
    return f"{record.partition}:{record.offset}".encode()


def outcome_of(record: InputRecord, claims: int = 1) -> Outcome:
    message = OutgoingMessage(OUTPUT_TOPIC, None, _source(record), [])
    return Outcome(
        messages=[message] * claims,
        claim_labels=[("economy", "none", "true")] * claims,
        failure_reason=None,
        failure_error=None,
        item_id=None,
        published_at=None,
        seconds=0.001,
    )


def dead_letter_of(record: InputRecord, reason: str) -> Outcome:
    return Outcome(
        messages=[OutgoingMessage(DLQ_TOPIC, None, _source(record), [])],
        claim_labels=[],
        failure_reason=reason,
        failure_error="the child went away",
        item_id=None,
        published_at=None,
        seconds=0.001,
    )


class FakeExtraction:
    """Implements `worker.runtime.extract_pool.Extraction`; start it with `starter()`."""

    processes = 1

    def __init__(self, broker: FakeBroker, claims_per_record: int = 1) -> None:
        self.claims_per_record = claims_per_record
        self.on_break: BreakHandler | None = None
        self.submitted: list[list[InputRecord]] = []
        self._unfinished: list[tuple[list[InputRecord], Future[list[Outcome]]]] = []
        self.closed = False
        broker.poll_hooks.append(self.finish_all)

    def starter(self, *_args: Any, on_break: BreakHandler | None = None, **_kwargs: Any) -> FakeExtraction:
        """Has `start_extraction`'s signature, so the worker starts this fake instead of a pool."""
        self.on_break = on_break
        return self

    def submit(self, records: list[InputRecord], generation: int) -> ExtractionBatch:
        future: Future[list[Outcome]] = Future()
        self.submitted.append(records)
        self._unfinished.append((records, future))
        return ExtractionBatch(records, [future], generation)

    def finish_all(self) -> None:
        unfinished, self._unfinished = self._unfinished, []
        for records, future in unfinished:
            if any(record.value == BROKEN for record in records):
                future.set_exception(ExtractionBroken("children broke on 3 records in a row"))
                continue
            future.set_result([self._extract(record) for record in records])

    def close(self) -> None:
        self.closed = True

    def _extract(self, record: InputRecord) -> Outcome:
        if record.value == CRASH:
            if self.on_break is not None:
                self.on_break("extractor_crashed", record, "the child went away")
            return dead_letter_of(record, "extractor_crashed")
        return outcome_of(record, self.claims_per_record)
