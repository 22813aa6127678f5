"""Dead letters: what a poison input record becomes, and the headers that say why.

A dead letter keeps the original key, value bytes and headers untouched and adds `claimwire.*`
headers naming the error and where the record came from, so an operator can read the reason with
any Kafka tool and re-publish the value once the cause is fixed. Pure: no client import.
"""

from __future__ import annotations

from collections.abc import Sequence

Header = tuple[str, bytes]

ERROR_REASON = "claimwire.error.reason"
ERROR_CLASS = "claimwire.error.class"
ERROR_MESSAGE = "claimwire.error.message"
SOURCE_TOPIC = "claimwire.source.topic"
SOURCE_PARTITION = "claimwire.source.partition"
SOURCE_OFFSET = "claimwire.source.offset"
SOURCE_TIMESTAMP_MS = "claimwire.source.timestamp_ms"
ITEM_ID = "claimwire.item.id"
WORKER_VERSION = "claimwire.worker.version"

# Long tracebacks or item text in an error message would bloat every dead letter.
MAX_MESSAGE_CHARS = 1_000


def source_headers(topic: str, partition: int, offset: int) -> list[Header]:
    """Where a record came from: on claim events and dead letters alike."""
    return [
        (SOURCE_TOPIC, topic.encode()),
        (SOURCE_PARTITION, str(partition).encode()),
        (SOURCE_OFFSET, str(offset).encode()),
    ]


def dead_letter_headers(
    original: Sequence[Header],
    *,
    reason: str,
    error: BaseException,
    topic: str,
    partition: int,
    offset: int,
    timestamp_ms: int,
    item_id: str | None,
    worker_version: str,
) -> list[Header]:
    """The original headers followed by the `claimwire.*` ones describing the failure."""
    message = str(error)
    if len(message) > MAX_MESSAGE_CHARS:
        message = message[: MAX_MESSAGE_CHARS - 1] + "…"
    headers = list(original)
    headers.append((ERROR_REASON, reason.encode()))
    headers.append((ERROR_CLASS, f"{type(error).__module__}.{type(error).__qualname__}".encode()))
    headers.append((ERROR_MESSAGE, message.encode("utf-8", "replace")))
    headers.extend(source_headers(topic, partition, offset))
    headers.append((SOURCE_TIMESTAMP_MS, str(timestamp_ms).encode()))
    if item_id is not None:
        headers.append((ITEM_ID, item_id.encode("utf-8", "replace")))
    headers.append((WORKER_VERSION, worker_version.encode()))
    return headers
