"""The one error type ingest raises for an item it cannot read, with a machine-readable reason."""

from __future__ import annotations

from typing import Literal

from worker.errors import ClaimwireError

DecodeReason = Literal[
    "empty_body",
    "invalid_json",
    "not_utf8",
    "number_too_long",
    "too_deep",
    "too_large",
    "wrong_shape",
    "unreadable_file",
]


class ItemDecodeError(ClaimwireError, ValueError):
    """A wire item that cannot be decoded.

    `reason` is short and stable (it labels metrics and dead-letter headers); `message` is for people.
    """

    def __init__(self, reason: DecodeReason, message: str, *, item_id: str | None = None) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason: DecodeReason = reason
        self.message = message
        self.item_id = item_id
