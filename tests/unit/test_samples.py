"""The bundled sample items: every one decodes as a complete wire item, every poison record is refused."""

from __future__ import annotations

import pytest

from worker.ingest.decode import decode_item
from worker.ingest.errors import ItemDecodeError
from worker.samples import POISON_ITEMS_FILE, SAMPLE_ITEMS_FILE, sample_items, sample_records


def test_every_sample_decodes_as_a_complete_wire_item() -> None:
    records = sample_records(SAMPLE_ITEMS_FILE)
    assert 12 <= len(records) <= 15
    for record in records:
        item = decode_item(record)
        assert item.id
        assert item.source
        assert item.published_at is not None
        assert item.published_at.tzinfo is not None
        assert item.headline
        assert item.body.strip()
        assert item.url and item.url.startswith("https://example.org/")
        assert item.language == "en"


def test_sample_ids_are_unique() -> None:
    ids = [item.id for item in sample_items()]
    assert len(ids) == len(set(ids))


def test_stories_are_followed_over_days_by_two_feeds() -> None:
    items = sample_items()
    assert {item.source for item in items} == {"meridian-wire", "harbour-press"}
    quake = [item for item in items if "quake" in item.id]
    assert len({item.source for item in quake}) == 2
    assert len({item.published_at.date() for item in quake if item.published_at}) == 3


@pytest.mark.parametrize(
    "noise",
    ["<p>", "&#8217;", "&mdash;", "Most Popular", "RELATED ARTICLES", "\nTT", "(Meridian) —"],
)
def test_some_bodies_carry_raw_page_noise(noise: str) -> None:
    assert any(noise in item.body for item in sample_items())


def test_every_poison_record_is_refused_by_the_decoder() -> None:
    records = sample_records(POISON_ITEMS_FILE)
    assert len(records) == 2
    reasons = set()
    for record in records:
        with pytest.raises(ItemDecodeError) as refused:
            decode_item(record)
        reasons.add(refused.value.reason)
    assert reasons == {"invalid_json", "wrong_shape"}
