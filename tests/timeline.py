"""The invented timeline of `tests/data/timeline*.jsonl`, as both the rule tests and the broker tests
read it: the events it must give, and the comparable summary of a tracked event."""

from __future__ import annotations

import json
from pathlib import Path

from worker.track.events import TrackedEvent

DATA = Path(__file__).parent / "data"


def expected_timeline_events() -> list[dict[str, object]]:
    lines = (DATA / "timeline_expected.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def summary(event: TrackedEvent) -> dict[str, object]:
    return {
        "event": event.event,
        "series": event.series.key,
        "value": event.current.value,
        "delta": event.delta,
        "other_source": event.other_series.source if event.other_series else None,
    }
