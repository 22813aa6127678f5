"""How much work one wire item may cost: the bounds every path (worker, replay, extract) applies.

Pure: no Kafka, no I/O. Each bound turns a hostile or broken item into a `LimitExceeded` with a
short stable reason (it labels metrics and dead-letter headers), so no single item can make the
work or the output grow without bound. The worker reads its values from `WorkerSettings`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from worker.errors import ClaimwireError

LimitReason = Literal[
    "output_too_large",
    "sentence_too_long",
    "too_many_numbers",
    "value_out_of_range",
]

# Wire stories run to tens of kilobytes; 1 MiB leaves room for HTML-heavy pages while keeping one
# hostile message from costing more than a few megabytes of cleaning and extraction memory.
DEFAULT_MAX_ITEM_BYTES = 1024 * 1024
# Real envelopes and ninjs documents nest a handful of levels.
DEFAULT_MAX_JSON_DEPTH = 64
# The longest numbers in real items are ids and timestamps (about 20 digits).
DEFAULT_MAX_NUMBER_CHARS = 100
# A news sentence runs to a few hundred characters; a run-on of thousands is a table or a broken
# feed, and extraction scans a sentence once per figure in it.
DEFAULT_MAX_SENTENCE_CHARS = 5_000
DEFAULT_MAX_NUMBERS_PER_SENTENCE = 100
# Characters of context kept on each side of a figure in its evidence (about 300 in all).
DEFAULT_EVIDENCE_CONTEXT_CHARS = 150


@dataclass(frozen=True, slots=True)
class ItemLimits:
    """The bounds on one item; the defaults are the worker's."""

    max_item_bytes: int = DEFAULT_MAX_ITEM_BYTES
    max_json_depth: int = DEFAULT_MAX_JSON_DEPTH
    max_number_chars: int = DEFAULT_MAX_NUMBER_CHARS
    max_sentence_chars: int = DEFAULT_MAX_SENTENCE_CHARS
    max_numbers_per_sentence: int = DEFAULT_MAX_NUMBERS_PER_SENTENCE
    evidence_context_chars: int = DEFAULT_EVIDENCE_CONTEXT_CHARS


DEFAULT_LIMITS = ItemLimits()


class LimitExceeded(ClaimwireError, ValueError):
    """An item whose extraction would break a bound; `reason` labels metrics and dead letters."""

    def __init__(self, reason: LimitReason, message: str) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason: LimitReason = reason
        self.message = message
