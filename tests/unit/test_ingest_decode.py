"""Decoding single wire items: the envelope, ninjs 2.x, and every way an item can be refused."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from worker.ingest.decode import MAX_ITEM_BYTES, decode_item, decode_object, text_item
from worker.ingest.errors import ItemDecodeError


def _reason(data: bytes | str, **kwargs: str) -> str:
    with pytest.raises(ItemDecodeError) as caught:
        decode_item(data, **kwargs)
    return caught.value.reason


def test_envelope_fields_and_extras_are_kept() -> None:
    item = decode_item(
        json.dumps(
            {
                "id": "wire-1",
                "source": "example-feed",
                "published_at": "2025-03-02T10:15:00Z",
                "headline": "Storm floods river towns",
                "body": "Officials said 40 homes were flooded.",
                "url": "https://example.org/story/1",
                "language": "en",
                "desk": "weather",
            }
        ).encode()
    )
    assert item.id == "wire-1"
    assert item.source == "example-feed"
    assert item.published_at == datetime(2025, 3, 2, 10, 15, tzinfo=UTC)
    assert item.body == "Officials said 40 homes were flooded."
    assert item.model_extra == {"desk": "weather"}


def test_str_input_and_utf8_bom_are_accepted() -> None:
    assert decode_item('{"id": "s", "body": "Zwölf Häuser"}').body == "Zwölf Häuser"
    assert decode_item('\ufeff{"id": "b", "body": "x"}'.encode()).id == "b"


def test_default_id_fills_a_missing_id_only() -> None:
    assert decode_item(b'{"body": "text"}', default_id="from-key").id == "from-key"
    assert decode_item(b'{"id": "own", "body": "text"}', default_id="from-key").id == "own"


def test_ninjs_document_maps_onto_the_wire_item() -> None:
    document = {
        "uri": "urn:example:wire:2025:0042",
        "type": "text",
        "versioncreated": "2025-04-01T08:00:00+00:00",
        "headlines": [
            {"role": "sub", "value": "Second line"},
            {"role": "main", "value": "Quake toll climbs"},
        ],
        "body_html": "<p>Rescuers said 12 people were missing.</p>",
        "located": "Example Town",
        "bylines": [{"byline": "A. Reporter"}],
        "language": "en",
        "infosources": [{"name": "Example Agency"}],
    }
    item = decode_item(json.dumps(document))
    assert item.id == "urn:example:wire:2025:0042"
    assert item.headline == "Quake toll climbs"
    assert item.body == "<p>Rescuers said 12 people were missing.</p>"
    assert item.published_at == datetime(2025, 4, 1, 8, tzinfo=UTC)
    assert item.language == "en"
    assert item.source == "Example Agency"
    assert item.url is None
    extras = item.model_extra or {}
    assert extras["located"] == "Example Town"
    assert extras["bylines"] == [{"byline": "A. Reporter"}]
    assert "headlines" not in extras and "uri" not in extras


def test_ninjs_prefers_plain_text_body_and_uses_http_uri_as_url() -> None:
    item = decode_object(
        {
            "uri": "https://example.org/items/7",
            "headlines": [{"value": "Headline"}],
            "body_text": "Plain words.",
            "body_html": "<p>Marked up words.</p>",
        }
    )
    assert item.body == "Plain words."
    assert item.url == "https://example.org/items/7"


def test_ninjs_bodies_list_is_read() -> None:
    item = decode_object(
        {
            "uri": "urn:x:1",
            "bodies": [
                {"role": "main", "contenttype": "text/html", "value": "<p>html</p>"},
                {"role": "main", "contenttype": "text/plain", "value": "plain"},
            ],
        }
    )
    assert item.body == "plain"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'{"id": "a", "body": "x"', "invalid_json"),
        (b"not json at all", "invalid_json"),
        (b'{"id": "a", "body": "\xff\xfe"}', "not_utf8"),
        (b'{"id": "a", "body": "half a pair \\ud800 here"}', "not_utf8"),
        (b'{"id": "a", "body": "x", "tags": [{"name": "\\udfff"}]}', "not_utf8"),
        (b"[1, 2]", "wrong_shape"),
        (b'"just a string"', "wrong_shape"),
        (b'{"id": "a"}', "wrong_shape"),
        (b'{"id": "a", "body": 42}', "wrong_shape"),
        (b'{"id": "a", "body": "x", "published_at": "yesterday"}', "wrong_shape"),
        (b'{"body": "no id and no default"}', "wrong_shape"),
        (b"", "empty_body"),
        (b"   \n", "empty_body"),
        (b'{"id": "a", "body": "  \\n "}', "empty_body"),
        (b'{"uri": "urn:x:2", "headlines": [{"value": "only a headline"}]}', "wrong_shape"),
    ],
)
def test_bad_items_raise_a_typed_reason(data: bytes, reason: str) -> None:
    assert _reason(data) == reason


def test_error_message_says_where_and_what() -> None:
    with pytest.raises(ItemDecodeError) as caught:
        decode_item(b'{"id": "a" "body": "x"}')
    assert "Expecting ',' delimiter" in caught.value.message
    assert str(caught.value).startswith("invalid_json: ")
    with pytest.raises(ItemDecodeError) as shape:
        decode_item(b'{"id": "a", "body": 42}')
    assert shape.value.message.startswith("body:")
    assert shape.value.item_id == "a"


def test_errors_carry_the_default_id_when_the_item_has_none() -> None:
    for data in (b"{broken", b"", b'{"body": 5}', b'{"id": 7, "body": 5}'):
        with pytest.raises(ItemDecodeError) as caught:
            decode_item(data, default_id="message-key")
        assert caught.value.item_id == "message-key"
    with pytest.raises(ItemDecodeError) as own:
        decode_item(b'{"id": "own", "body": 5}', default_id="message-key")
    assert own.value.item_id == "own"


def test_size_limit_applies_to_bytes_and_text() -> None:
    filler = "x" * MAX_ITEM_BYTES
    assert _reason(json.dumps({"id": "big", "body": filler}).encode()) == "too_large"
    assert _reason(json.dumps({"id": "big", "body": filler})) == "too_large"
    # Just under the limit is fine: the limit is on the item, not a round number of characters.
    fits = json.dumps({"id": "ok", "body": "y" * (MAX_ITEM_BYTES - 100)})
    assert decode_item(fits).id == "ok"
    with pytest.raises(ItemDecodeError) as caught:
        text_item("é" * (MAX_ITEM_BYTES // 2 + 1), "wide")
    assert caught.value.reason == "too_large"


def test_text_item_holds_the_whole_text() -> None:
    item = text_item("Headline\n\nBody line.", "story-9")
    assert (item.id, item.body) == ("story-9", "Headline\n\nBody line.")
