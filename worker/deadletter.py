"""Dead letters: what a poison input record becomes, and the headers that say why.

A dead letter keeps the original key, value bytes and headers untouched and adds `claimwire.*`
headers naming the error and where the record came from, so an operator can read the reason with
any Kafka tool and re-publish the value once the cause is fixed. Pure: no client import.

The same facts are also written under the names Kafka Connect gives its dead letters
(`errors.deadletterqueue.context.headers.enable`), so tools made for Connect's dead-letter topics
(kcat scripts, UI plugins, re-drive jobs) read claimwire's without a mapping: `__connect.errors.topic`,
`.partition`, `.offset` (decimal strings, as Connect writes them), `.connector.name`, `.stage`,
`.class.name`, `.exception.class.name` and `.exception.message`. Connect's `.task.id` and
`.exception.stacktrace` are left out: claimwire has no task numbers, and a stack trace in every
dead letter would repeat the same frames for each bad item of a feed.
"""

from __future__ import annotations

from collections.abc import Sequence

from worker.ingest.errors import ItemDecodeError
from worker.records import Header

ERROR_REASON = "claimwire.error.reason"
ERROR_CLASS = "claimwire.error.class"
ERROR_MESSAGE = "claimwire.error.message"
SOURCE_TOPIC = "claimwire.source.topic"
SOURCE_PARTITION = "claimwire.source.partition"
SOURCE_OFFSET = "claimwire.source.offset"
SOURCE_TIMESTAMP_MS = "claimwire.source.timestamp_ms"
ITEM_ID = "claimwire.item.id"
WORKER_VERSION = "claimwire.worker.version"

CONNECT_TOPIC = "__connect.errors.topic"
CONNECT_PARTITION = "__connect.errors.partition"
CONNECT_OFFSET = "__connect.errors.offset"
CONNECT_CONNECTOR_NAME = "__connect.errors.connector.name"
CONNECT_STAGE = "__connect.errors.stage"
CONNECT_EXECUTING_CLASS = "__connect.errors.class.name"
CONNECT_EXCEPTION_CLASS = "__connect.errors.exception.class.name"
CONNECT_EXCEPTION_MESSAGE = "__connect.errors.exception.message"

# What Connect tools show as the connector that dead-lettered the record.
CONNECTOR_NAME = b"claimwire"
# Connect's stages: a record that cannot be decoded failed where a converter would have read its
# value; any other failure happened while transforming a decoded item into claims.
DECODE_STAGE = ("VALUE_CONVERTER", "worker.ingest.decode.decode_item")
PROCESS_STAGE = ("TRANSFORMATION", "worker.pipeline.extract_item")

# Long tracebacks or item text in an error message would bloat every dead letter.
MAX_MESSAGE_CHARS = 1_000


def source_headers(topic: str, partition: int, offset: int) -> list[Header]:
    """Where a record came from: on claim events and dead letters alike."""
    return [
        (SOURCE_TOPIC, topic.encode()),
        (SOURCE_PARTITION, str(partition).encode()),
        (SOURCE_OFFSET, str(offset).encode()),
    ]


def dead_letter_headers(  # noqa: PLR0913  keyword-only: one argument per dead-letter header
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
    error_class = f"{type(error).__module__}.{type(error).__qualname__}".encode()
    error_message = message.encode("utf-8", "replace")
    headers = list(original)
    headers.append((ERROR_REASON, reason.encode()))
    headers.append((ERROR_CLASS, error_class))
    headers.append((ERROR_MESSAGE, error_message))
    headers.extend(source_headers(topic, partition, offset))
    headers.append((SOURCE_TIMESTAMP_MS, str(timestamp_ms).encode()))
    if item_id is not None:
        headers.append((ITEM_ID, item_id.encode("utf-8", "replace")))
    headers.append((WORKER_VERSION, worker_version.encode()))
    stage, executing = DECODE_STAGE if isinstance(error, ItemDecodeError) else PROCESS_STAGE
    headers += [
        (CONNECT_TOPIC, topic.encode()),
        (CONNECT_PARTITION, str(partition).encode()),
        (CONNECT_OFFSET, str(offset).encode()),
        (CONNECT_CONNECTOR_NAME, CONNECTOR_NAME),
        (CONNECT_STAGE, stage.encode()),
        (CONNECT_EXECUTING_CLASS, executing.encode()),
        (CONNECT_EXCEPTION_CLASS, error_class),
        (CONNECT_EXCEPTION_MESSAGE, error_message),
    ]
    return headers
