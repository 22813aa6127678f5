"""No input can stop a partition (issue 13): dozens of kinds of bad record, interleaved with good items,
thrown at a worker on a real broker. The worker never exits; every bad record is in the dead-letter
topic once, byte for byte, with its reason; every good item's claims are out, once; no record takes
longer than the per-item limit plus one poll."""

from __future__ import annotations

import gzip
import json
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from kafka import KafkaProducer
from kafka_helpers import consume_all
from worker_process import (
    WorkerProcess,
    committed_offsets,
    end_offsets,
    expected_claims,
    wait_until,
    wire_item,
)

ITEM_TIMEOUT_S = 2.0
POLL_S = 0.5
# The input and dead-letter topics accept records well past the worker's item limit, as a careless
# cluster might: the worker must still dead-letter them whole.
TOPIC_MAX_BYTES = 16 * 1024 * 1024
HUGE_BYTES = 5 * 1024 * 1024
PROCESS_TIMEOUT_S = 240.0


@dataclass(frozen=True)
class Bad:
    """One bad record and the dead-letter reasons it may earn."""

    kind: str
    value: bytes | None
    reasons: frozenset[str]
    key: bytes | None = None
    headers: tuple[tuple[str, bytes], ...] = ()


def envelope(**fields: object) -> bytes:
    return json.dumps({"id": "fz", **fields}).encode()


def bad_records() -> list[Bad]:
    rng = random.Random(13)
    valid = envelope(body="Officials said 14 people were hurt when the stand collapsed.")
    run_on = " ".join(rng.choice(["harbour", "cranes", "stood", "idle", "again"]) for _ in range(150_000))
    many_numbers = "Counts were " + " ".join(str(n) for n in range(150)) + " over the week."
    cases = [
        Bad("random_bytes", bytes(rng.randrange(256) for _ in range(2_000)), frozenset({"not_utf8"})),
        Bad("invalid_utf8_in_string", b'{"id":"u","body":"caf\xe9 said 3 died"}', frozenset({"not_utf8"})),
        Bad("utf16_json", valid.decode().encode("utf-16"), frozenset({"not_utf8"})),
        Bad("truncated_json", valid[: len(valid) // 2], frozenset({"invalid_json"})),
        Bad("empty_value", b"", frozenset({"empty_body"})),
        Bad("whitespace_value", b"  \n\t  ", frozenset({"empty_body"})),
        Bad("tombstone", None, frozenset({"empty_body"}), key=b"tombstone-key"),
        Bad("top_level_array", b"[1, 2, 3]", frozenset({"wrong_shape"})),
        Bad("top_level_string", b'"a wire story"', frozenset({"wrong_shape"})),
        Bad("top_level_number", b"42", frozenset({"wrong_shape"})),
        Bad("top_level_null", b"null", frozenset({"wrong_shape"})),
        Bad("nested_10000_arrays", b"[" * 10_000 + b"]" * 10_000, frozenset({"too_deep"})),
        Bad("nested_100_objects", b'{"a":' * 100 + b"1" + b"}" * 100, frozenset({"too_deep"})),
        Bad(
            "deep_extra_field",
            valid[:-1] + b', "x": ' + b"[" * 80 + b"]" * 80 + b"}",
            frozenset({"too_deep"}),
        ),
        Bad("int_5000_digits", valid[:-1] + b', "n": ' + b"7" * 5_000 + b"}", frozenset({"number_too_long"})),
        Bad("int_150_digits", valid[:-1] + b', "n": ' + b"3" * 150 + b"}", frozenset({"number_too_long"})),
        Bad(
            "float_300_digits", valid[:-1] + b', "n": 0.' + b"5" * 300 + b"}", frozenset({"number_too_long"})
        ),
        Bad("raw_nul_in_string", b'{"id":"n","body":"two\x00died"}', frozenset({"invalid_json"})),
        Bad("raw_control_char", b'{"id":"c","body":"two\x01died"}', frozenset({"invalid_json"})),
        Bad("missing_body", envelope(headline="No body here"), frozenset({"wrong_shape"})),
        Bad("body_is_number", envelope(body=17), frozenset({"wrong_shape"})),
        Bad("body_is_list", envelope(body=["a", "b"]), frozenset({"wrong_shape"})),
        Bad("body_empty_string", envelope(body=""), frozenset({"empty_body"})),
        Bad("id_is_object", b'{"id": {"x": 1}, "body": "Rain."}', frozenset({"wrong_shape"})),
        Bad(
            "bad_timestamp", envelope(body="Rain.", published_at="the day before"), frozenset({"wrong_shape"})
        ),
        Bad("lone_surrogate", b'{"id":"s","body":"half \\ud800 pair"}', frozenset({"not_utf8"})),
        Bad(
            "lone_surrogate_headline", b'{"id":"s2","body":"x","headline":"\\udfff"}', frozenset({"not_utf8"})
        ),
        Bad("nan_body", b'{"id":"nan","body":NaN}', frozenset({"wrong_shape"})),
        Bad("body_5_mb", envelope(body="Rain fell. " * (HUGE_BYTES // 11)), frozenset({"too_large"})),
        Bad("body_1_5_mb", envelope(body="Wind rose. " * 150_000), frozenset({"too_large"})),
        Bad("run_on_150000_words", envelope(body=run_on), frozenset({"sentence_too_long"})),
        Bad("100000_numbers_in_a_sentence", envelope(body="1 " * 100_000), frozenset({"sentence_too_long"})),
        Bad(
            "killed_1_then_000_repeated",
            envelope(body="killed 1" + ",000" * 200_000),
            frozenset({"sentence_too_long"}),
        ),
        Bad("150_numbers_in_a_sentence", envelope(body=many_numbers), frozenset({"too_many_numbers"})),
        Bad(
            "figure_beyond_float_range",
            envelope(body="Officials said 1" + ",000" * 120 + " people were evacuated."),
            frozenset({"value_out_of_range"}),
        ),
        Bad("oversized_key", valid[:40], frozenset({"invalid_json"}), key=b"k" * 100_000),
        Bad(
            "oversized_headers",
            valid[:30],
            frozenset({"invalid_json"}),
            headers=tuple((f"h{i}", b"v" * 2_000) for i in range(200)),
        ),
        Bad("trailing_garbage", valid + b" and more", frozenset({"invalid_json"})),
        Bad("two_objects", valid + valid, frozenset({"invalid_json"})),
        Bad("json_lines", valid + b"\n" + valid, frozenset({"invalid_json"})),
        Bad("gzip_item", gzip.compress(valid), frozenset({"not_utf8"})),
        Bad("html_page", b"<html><body><p>12 were hurt</p></body></html>", frozenset({"invalid_json"})),
        Bad(
            "xml_item", b'<?xml version="1.0"?><item><body>9 died</body></item>', frozenset({"invalid_json"})
        ),
        Bad("csv_line", b"id,body\nx,3 people died\n", frozenset({"invalid_json"})),
        Bad("bom_then_garbage", b"\xef\xbb\xbfnot json", frozenset({"invalid_json"})),
        Bad(
            "ninjs_without_body",
            b'{"uri": "urn:x:1", "headlines": [{"value": "h"}]}',
            frozenset({"wrong_shape"}),
        ),
    ]
    kinds = Counter(case.kind for case in cases)
    assert max(kinds.values()) == 1, kinds
    return cases


def send_all(
    bootstrap: str, topic: str, records: list[tuple[bytes | None, bytes | None, list[tuple[str, bytes]]]]
) -> None:
    producer = KafkaProducer(
        bootstrap_servers=bootstrap,
        acks="all",
        linger_ms=5,
        max_request_size=TOPIC_MAX_BYTES,
    )
    try:
        futures = [
            producer.send(topic, key=key, value=value, headers=headers) for key, value, headers in records
        ]
        producer.flush(timeout=120)
        for future in futures:
            future.get(timeout=120)
    finally:
        producer.close(timeout=30)


def peak_memory_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


@pytest.fixture
def worker_box() -> Iterator[list[WorkerProcess]]:
    started: list[WorkerProcess] = []
    yield started
    for worker in started:
        worker.ensure_stopped()


def test_no_bad_record_stops_the_partition(  # noqa: PLR0913  pytest fixtures
    kafka_bootstrap: str,
    new_topic,  # type: ignore[no-untyped-def]
    group_id: str,
    tmp_path: Path,
    *,
    worker_box: list[WorkerProcess],
    figures,  # type: ignore[no-untyped-def]
) -> None:
    big = {"max.message.bytes": str(TOPIC_MAX_BYTES)}
    topics = {
        "input_topic": new_topic(3, prefix="fuzz-in", configs=big),
        "output_topic": new_topic(3, prefix="fuzz-claims"),
        "dlq_topic": new_topic(1, prefix="fuzz-dlq", configs=big),
    }
    bad = bad_records()
    good = [wire_item(i, run="fuzz") for i in range(3 * len(bad))]
    # A good item under a huge key is still a good item.
    good.append(json.dumps({"id": "fuzz-big-key", "body": "Police said 6 people were arrested."}).encode())
    records: list[tuple[bytes | None, bytes | None, list[tuple[str, bytes]]]] = []
    for index, case in enumerate(bad):
        for value in good[3 * index : 3 * index + 3]:
            records.append((f"good-{len(records)}".encode(), value, [("fuzz", b"good")]))
        key = case.key if case.key is not None else f"bad-{case.kind}".encode()
        records.append((key, case.value, [*case.headers, ("fuzz", case.kind.encode())]))
    records.append((b"g" * 50_000, good[-1], [("fuzz", b"good")]))
    send_all(kafka_bootstrap, topics["input_topic"], records)
    expected = expected_claims(good)

    worker = WorkerProcess(
        kafka_bootstrap,
        tmp_path,
        "fuzz",
        group_id=group_id,
        extract_processes=1,
        item_timeout_seconds=ITEM_TIMEOUT_S,
        max_poll_records=20,
        shutdown_grace_seconds=10,
        **topics,
    )
    worker_box.append(worker)
    wait_until(
        lambda: (
            worker.process.poll() is not None
            or committed_offsets(kafka_bootstrap, group_id, topics["input_topic"])
            == end_offsets(kafka_bootstrap, topics["input_topic"])
        ),
        PROCESS_TIMEOUT_S,
        "every record committed",
        interval_s=1.0,
    )
    assert worker.process.poll() is None, f"the worker exited:\n{worker.log_tail()}"
    slowest = worker.metrics()[("claimwire_item_processing_max_seconds", ())]
    worker_peak = peak_memory_kib(worker.process.pid)
    child_peaks = [peak_memory_kib(pid) for pid in worker.extraction_children()]

    letters = consume_all(kafka_bootstrap, topics["dlq_topic"])
    by_kind = {(letter.header("fuzz") or b"").decode(): letter for letter in letters}
    assert len(letters) == len(bad) == len(by_kind), sorted(by_kind)
    for case in bad:
        letter = by_kind[case.kind]
        assert letter.value == (case.value or b""), case.kind  # byte for byte (a tombstone as empty)
        assert letter.key == (case.key if case.key is not None else f"bad-{case.kind}".encode())
        assert letter.headers[: len(case.headers)] == case.headers, case.kind
        reason = (letter.header("claimwire.error.reason") or b"").decode()
        assert reason in case.reasons, (case.kind, reason, letter.header("claimwire.error.message"))
        assert letter.header("claimwire.dead_letter.truncated") is None

    claims = Counter(
        json.loads(record.value)["claim_id"]
        for record in consume_all(kafka_bootstrap, topics["output_topic"])
    )
    assert set(claims) == set(expected)
    assert max(claims.values()) == 1
    assert slowest <= ITEM_TIMEOUT_S + POLL_S
    assert worker.terminate(30) == 0

    figures(
        "bad input (fuzz)",
        kinds=len(bad),
        records_thrown=len(records),
        bad_records=len(bad),
        dead_lettered=len(letters),
        good_items=len(good),
        claims_expected=len(expected),
        lost=len(set(expected) - set(claims)),
        duplicates=sum(count - 1 for count in claims.values()),
        worst_seconds_per_item=round(slowest, 3),
        worker_peak_rss_mib=round(worker_peak / 1024, 1),
        child_peak_rss_mib=round(max(child_peaks, default=0) / 1024, 1),
    )


def test_outputs_too_large_for_their_topics_are_dead_lettered_or_truncated_not_refused(  # noqa: PLR0913  pytest fixtures
    kafka_bootstrap: str,
    new_topic,  # type: ignore[no-untyped-def]
    group_id: str,
    tmp_path: Path,
    *,
    worker_box: list[WorkerProcess],
    figures,  # type: ignore[no-untyped-def]
) -> None:
    topics = {
        "input_topic": new_topic(1, prefix="trunc-in", configs={"max.message.bytes": str(TOPIC_MAX_BYTES)}),
        "output_topic": new_topic(1, prefix="trunc-claims", configs={"max.message.bytes": "3000"}),
        "dlq_topic": new_topic(1, prefix="trunc-dlq", configs={"max.message.bytes": "200000"}),
    }
    huge = b"\xff" * 2_000_000
    # A claim event carries the item's feed name: this one's is larger than the output topic accepts.
    wide = json.dumps(
        {"id": "wide", "source": "f" * 4_000, "body": "Police said 8 people were hurt."}
    ).encode()
    after = wire_item(1, run="trunc")
    send_all(
        kafka_bootstrap,
        topics["input_topic"],
        [(b"huge", huge, [("fuzz", b"huge")]), (b"wide", wide, [("fuzz", b"wide")]), (b"after", after, [])],
    )
    worker = WorkerProcess(
        kafka_bootstrap, tmp_path, "trunc", group_id=group_id, extract_processes=0, **topics
    )
    worker_box.append(worker)
    wait_until(
        lambda: (
            worker.process.poll() is not None
            or committed_offsets(kafka_bootstrap, group_id, topics["input_topic"])
            == end_offsets(kafka_bootstrap, topics["input_topic"])
        ),
        PROCESS_TIMEOUT_S,
        "every record committed",
    )
    assert worker.process.poll() is None, worker.log_tail()
    letter, too_wide = consume_all(kafka_bootstrap, topics["dlq_topic"])
    assert too_wide.value == wide
    assert too_wide.header("claimwire.error.reason") == b"output_too_large"
    assert letter.header("claimwire.error.reason") == b"too_large"
    assert letter.header("claimwire.dead_letter.truncated") == b"2000000 1"
    assert huge.startswith(letter.value) and 0 < len(letter.value) < 200_000
    assert worker.metric_sum("claimwire_dead_letters_truncated_total") == 1
    assert {
        json.loads(r.value)["claim_id"] for r in consume_all(kafka_bootstrap, topics["output_topic"])
    } == set(expected_claims([after]))
    assert worker.terminate(30) == 0
    figures("outputs too large for their topics", records_thrown=3, dead_lettered=2, truncated=1, lost=0)
