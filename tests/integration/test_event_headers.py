"""Headers that standard tools read, as a real broker returns them: CloudEvents, trace context and
Kafka Connect's dead-letter names, from `claimwire worker` and `claimwire track` run as processes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.request
from collections.abc import Callable
from pathlib import Path

from kafka_helpers import ConsumedRecord, consume_all, produce
from worker_process import WorkerProcess, end_offsets, expected_claims, total, wait_until

from worker import __version__
from worker import deadletter as dl
from worker.schema_ids import CLAIM_EVENT_SCHEMA_ID, TRACKED_EVENT_SCHEMA_ID

NewTopic = Callable[..., str]
WAIT_S = 120.0
TRACEPARENT = b"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
TRACESTATE = b"rojo=00f067aa0ba902b7"

# Invented for this test: one attributed running count (not a day's increment), so the tracker opens a series.
ITEM = {
    "id": "headers-item-1",
    "source": "test-wire",
    "published_at": "2026-10-01T06:15:00Z",
    "body": "Firefighters said 64 people were hurt by the wildfire on Tuesday.",
}


def assert_process_metrics(text: str) -> None:
    build = re.compile(r'^claimwire_build_info\{commit="[^"]+",version="(?P<version>[^"]+)"\} 1\.0$', re.M)
    match = build.search(text)
    assert match is not None and match["version"] == __version__, text
    assert "\nprocess_resident_memory_bytes " in text


def assert_cloudevent(record: ConsumedRecord, *, event_id: str, source: bytes, schema: str) -> None:
    assert record.header("ce_specversion") == b"1.0"
    assert record.header("ce_id") == event_id.encode()
    assert record.header("ce_source") == source
    assert (record.header("ce_type") or b"").startswith(b"claimwire.")
    assert record.header("ce_time")
    assert record.header("ce_dataschema") == schema.encode()
    assert record.header("content-type") == b"application/json"
    assert record.header("traceparent") == TRACEPARENT
    assert record.header("tracestate") == TRACESTATE


def test_claims_tracked_events_and_dead_letters_carry_standard_headers(  # noqa: PLR0915  one scenario, three topics
    kafka_bootstrap: str, new_topic: NewTopic, group_id: str, tmp_path: Path
) -> None:
    wire, claims, dlq = new_topic(1, prefix="wire"), new_topic(1, prefix="claims"), new_topic(1, prefix="dlq")
    tracked, changelog = new_topic(1, prefix="tracked"), new_topic(1, compact=True, prefix="changelog")
    value = json.dumps(ITEM).encode()
    expected = expected_claims([value])
    assert len(expected) == 1
    trace = [("traceparent", TRACEPARENT), ("tracestate", TRACESTATE)]
    produce(kafka_bootstrap, wire, [(None, value, trace), (b"bad", b"{broken", None)])

    worker = WorkerProcess(
        kafka_bootstrap, tmp_path, "headers", group_id=group_id, input_topic=wire, output_topic=claims,
        dlq_topic=dlq,
    )  # fmt: skip
    try:
        wait_until(lambda: total(end_offsets(kafka_bootstrap, dlq)) >= 1, WAIT_S, "dead letter")
        wait_until(lambda: total(end_offsets(kafka_bootstrap, claims)) >= 1, WAIT_S, "claim")
        assert_process_metrics(worker.get("/metrics")[1])
        started = [line for line in worker.events() if line.get("event") == "http_listening"]
        assert started and started[0]["message"] == "http_listening" and started[0]["service"] == "claimwire"
    finally:
        worker.ensure_stopped()

    [claim] = consume_all(kafka_bootstrap, claims)
    [claim_id] = expected
    assert_cloudevent(claim, event_id=claim_id, source=b"urn:claimwire:worker", schema=CLAIM_EVENT_SCHEMA_ID)
    assert claim.header("ce_type") == b"claimwire.claim.extracted.v1"
    assert claim.header("ce_time") == b"2026-10-01T06:15:00.000Z"

    [letter] = consume_all(kafka_bootstrap, dlq)
    assert letter.value == b"{broken"
    assert letter.header(dl.CONNECT_TOPIC) == wire.encode()
    assert letter.header(dl.CONNECT_PARTITION) == b"0"
    assert letter.header(dl.CONNECT_OFFSET) == b"1"
    assert letter.header(dl.CONNECT_STAGE) == b"VALUE_CONVERTER"
    assert letter.header(dl.CONNECT_EXCEPTION_CLASS) == b"worker.ingest.errors.ItemDecodeError"
    assert (letter.header(dl.CONNECT_EXCEPTION_MESSAGE) or b"").startswith(b"invalid_json")

    log_path = tmp_path / "tracker.log"
    command = [
        sys.executable, "-m", "worker.cli", "track", "--bootstrap-servers", kafka_bootstrap,
        "--input-topic", claims, "--output-topic", tracked, "--changelog-topic", changelog,
        "--group-id", f"{group_id}-tracker", "--transactional-id", f"{group_id}-tracker-0",
        "--http-port", "0", "--log-format", "json",
    ]  # fmt: skip
    env = {key: value for key, value in os.environ.items() if not key.startswith("CLAIMWIRE_")}
    with log_path.open("wb") as log:
        tracker = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=env)
    try:
        wait_until(
            lambda: total(end_offsets(kafka_bootstrap, tracked, stable=True)) >= 1,
            WAIT_S,
            f"tracked event\n{log_path.read_text(errors='replace')[-3000:]}",
        )
        lines = [json.loads(line) for line in log_path.read_text().splitlines() if line.startswith("{")]
        [port] = [line["port"] for line in lines if line.get("event") == "http_listening"]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as response:
            assert_process_metrics(response.read().decode())
    finally:
        tracker.kill()
        tracker.wait()

    [opened] = consume_all(kafka_bootstrap, tracked)
    event = json.loads(opened.value)
    assert event["event"] == "series_opened"
    assert_cloudevent(
        opened, event_id=event["event_id"], source=b"urn:claimwire:tracker", schema=TRACKED_EVENT_SCHEMA_ID
    )
    assert opened.header("ce_type") == b"claimwire.series.series_opened.v1"
    assert opened.header("ce_subject") == event["series"]["key"].encode()
