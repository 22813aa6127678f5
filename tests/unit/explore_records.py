"""Invented claim events, tracked events and series states for the explorer's unit tests.

Plain dicts, as the explorer reads them off the topics; the story is made up: a landslide toll
that two agencies report over three days.
"""

from __future__ import annotations

from typing import Any

SUBJECT = "v1|killed|person|ridgeford"


def series_ref(source: str, subject: str = SUBJECT, **extra: Any) -> dict[str, Any]:
    category, counted, place = subject.split("|")[1:]
    return {
        "key": f"{subject}|{source}",
        "subject_key": subject,
        "key_version": 1,
        "source": source,
        "category": category,
        "counted": counted,
        "place": place,
        **extra,
    }


def point(claim_id: str, value: float, day: int, *, hour: int = 9, **fields: Any) -> dict[str, Any]:
    return {
        "claim_id": claim_id,
        "item_id": f"item-{claim_id}",
        "value": value,
        "value_high": None,
        "qualifier": "exact",
        "published_at": f"2026-05-{day:02d}T{hour:02d}:00:00Z",
        **fields,
    }


def tracked(kind: str, source: str, current: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "event": kind,
        "event_id": f"ev-{current['claim_id']}-{kind}",
        "series": series_ref(source),
        "claim_ids": [current["claim_id"]],
        "current": current,
        **fields,
    }


def claim(  # noqa: PLR0913  test builder: every field by name, most with defaults
    claim_id: str,
    value: float,
    *,
    sentence: str,
    quantity_text: str,
    source_text: str | None = "the mountain rescue service",
    day: int = 3,
    **fields: Any,
) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "claim_id": claim_id,
        "item_id": f"item-{claim_id}",
        "feed": "valley-wire",
        "published_at": f"2026-05-{day:02d}T09:00:00Z",
        "extractor_version": "0.1.0",
        "value": value,
        "value_high": None,
        "qualifier": "exact",
        "unit": None,
        "quantity_text": quantity_text,
        "counted": "people",
        "category": "killed",
        "source": None
        if source_text is None
        else {"text": source_text, "normalized": source_text.lower(), "type": "government"},
        "cue": "said",
        "location": "Ridgeford",
        "evidence": {"sentence": sentence, "start": 0, "end": len(quantity_text)},
        **fields,
    }
