"""The tracker's rules over a list of claim-event lines: `claimwire track --input-file`. Pure."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from pydantic import ValidationError

from worker.models import ClaimEvent
from worker.track.events import TrackedEvent
from worker.track.reorder import ReorderBuffer
from worker.track.rules import Observation, observation_from_event
from worker.track.store import SeriesStore

# Claims without a publication time are placed at the epoch: a file has no arrival time to use.
NO_TIME = datetime(1970, 1, 1, tzinfo=UTC)


def track_lines(
    lines: Iterable[str],
    *,
    window_seconds: float,
    on_invalid: Callable[[int, str | None, str], None],
) -> list[TrackedEvent]:
    """The tracked events of claim-event lines taken as one burst, in the order they are announced.

    With a window (> 0) the claims are released in publication order at the end, as the streaming
    tracker releases a quiet partition; with 0 they are tracked in file order.
    """
    buffer: ReorderBuffer[Observation] = ReorderBuffer(window_seconds, max_hold_seconds=float("inf"))
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            claim = ClaimEvent.model_validate_json(line)
        except ValidationError as exc:
            on_invalid(number, _item_id(line), str(exc).splitlines()[0])
            continue
        observation = observation_from_event(claim, NO_TIME)
        if observation is not None:
            buffer.add(observation, observation, 0.0)
    store = SeriesStore()
    events: list[TrackedEvent] = []
    for observation in buffer.flush():
        events.extend(TrackedEvent.of(event) for event in store.track(observation).events)
    return events


def _item_id(line: str) -> str | None:
    try:
        value = json.loads(line)
    except ValueError:
        return None
    item = value.get("item_id") if isinstance(value, dict) else None
    return item if isinstance(item, str) else None
