"""The `$id` of each JSON Schema in `schemas/`: one URI per version of one contract.

A URN rather than a URL: claimwire publishes no schema server, and a `$id` must not pretend to be
fetchable. The version is part of the id, so a breaking change to a contract gets a new id while
`ce_dataschema` headers of events already published keep naming the schema they were written with.
"""

from __future__ import annotations

from typing import Final

from worker.models import CLAIM_SCHEMA_VERSION
from worker.track.events import TRACKED_SCHEMA_VERSION

SCHEMA_ID_PREFIX: Final = "urn:claimwire:schema:"
# The wire item is the feed's contract, not versioned by a field: its id names the first shape.
WIRE_ITEM_SCHEMA_VERSION: Final = 1

WIRE_ITEM_SCHEMA_ID: Final = f"{SCHEMA_ID_PREFIX}wire_item:v{WIRE_ITEM_SCHEMA_VERSION}"
CLAIM_EVENT_SCHEMA_ID: Final = f"{SCHEMA_ID_PREFIX}claim_event:v{CLAIM_SCHEMA_VERSION}"
TRACKED_EVENT_SCHEMA_ID: Final = f"{SCHEMA_ID_PREFIX}tracked_event:v{TRACKED_SCHEMA_VERSION}"
SERIES_SNAPSHOT_SCHEMA_ID: Final = f"{SCHEMA_ID_PREFIX}series_snapshot:v{TRACKED_SCHEMA_VERSION}"
