"""Dead-letter headers: claimwire's own and the Kafka Connect names that existing tools read."""

from __future__ import annotations

import json

import pytest

from worker import deadletter as dl
from worker.records import InputRecord
from worker.runtime import processor as processor_module
from worker.runtime.processor import RecordProcessor

ORIGINAL = (("feed-batch", b"b-17"),)


def dead_letter(value: bytes) -> dict[str, bytes]:
    result = RecordProcessor(output_topic="claims", dlq_topic="wire.dlq").process(
        InputRecord("wire.raw", 4, 1234, b"key", value, ORIGINAL, 1_700_000_000_000)
    )
    [letter] = result.messages
    assert letter.topic == "wire.dlq"
    assert letter.headers[0] == ORIGINAL[0]
    return dict(letter.headers)


def test_an_undecodable_record_names_the_converter_stage_under_connect_names() -> None:
    headers = dead_letter(b"{this is not json")
    assert headers[dl.CONNECT_TOPIC] == b"wire.raw"
    assert headers[dl.CONNECT_PARTITION] == b"4"
    assert headers[dl.CONNECT_OFFSET] == b"1234"
    assert headers[dl.CONNECT_CONNECTOR_NAME] == b"claimwire"
    assert headers[dl.CONNECT_STAGE] == b"VALUE_CONVERTER"
    assert headers[dl.CONNECT_EXCEPTION_CLASS] == headers[dl.ERROR_CLASS]
    assert headers[dl.CONNECT_EXCEPTION_MESSAGE] == headers[dl.ERROR_MESSAGE]
    assert headers[dl.CONNECT_EXCEPTION_MESSAGE].startswith(b"invalid_json")


def test_a_failing_extraction_is_a_transformation_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(item: object, limits: object = None) -> list[object]:
        raise RuntimeError("rule table missing")

    monkeypatch.setattr(processor_module, "extract_item", explode)
    item = {"id": "pier-2", "body": "Twelve boats were lost in the storm, the coast guard said."}
    headers = dead_letter(json.dumps(item).encode())
    assert headers[dl.CONNECT_STAGE] == b"TRANSFORMATION"
    assert headers[dl.CONNECT_EXECUTING_CLASS] == b"worker.pipeline.extract_item"
    assert headers[dl.CONNECT_EXCEPTION_CLASS] == b"builtins.RuntimeError"
    assert headers[dl.CONNECT_EXCEPTION_MESSAGE] == b"rule table missing"


def test_claim_events_carry_no_connect_error_headers() -> None:
    item = {"id": "pier-3", "body": "The ferry carried 210 passengers, the operator said."}
    result = RecordProcessor(output_topic="claims", dlq_topic="wire.dlq").process(
        InputRecord("wire.raw", 0, 1, None, json.dumps(item).encode())
    )
    assert result.messages
    for message in result.messages:
        assert not any(name.startswith("__connect.errors.") for name, _ in message.headers)
