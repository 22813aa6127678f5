"""The sample wire items that ship with claimwire: for the demo, and for trying the extractor.

`wire_items.jsonl` holds invented wire copy in claimwire's JSON envelope, one item a line, with
the noise of scraped pages left in (HTML, entities, repeated headlines and captions, datelines,
link boxes). Several stories are followed over days and by two feeds, so the tracker has series
to show. `poison_items.txt` holds records that are broken on purpose (one raw record a line), so
the demo shows where bad input goes: the dead-letter topic.
"""

from __future__ import annotations

from importlib import resources

from worker.ingest.decode import decode_item
from worker.models import WireItem

SAMPLE_ITEMS_FILE = "wire_items.jsonl"
POISON_ITEMS_FILE = "poison_items.txt"


def sample_records(name: str = SAMPLE_ITEMS_FILE) -> list[bytes]:
    """The raw records of a bundled sample file, one per non-blank line, as a feed would send them."""
    data = resources.files(__name__).joinpath(name).read_bytes()
    return [line for line in data.splitlines() if line.strip()]


def sample_items() -> list[WireItem]:
    """The bundled sample wire items, decoded."""
    return [decode_item(record) for record in sample_records()]
