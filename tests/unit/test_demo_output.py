"""The demo's table and metrics arithmetic, on hand-made claim events and histogram buckets."""

from __future__ import annotations

import pytest

from worker.dev.demo import claims_table, format_value, histogram_quantile
from worker.models import ClaimEvent, ClaimSource, Evidence

INF = float("inf")


def _event(value: float, *, value_high: float | None = None, unit: str | None = None) -> ClaimEvent:
    return ClaimEvent(
        claim_id="c1",
        item_id="item-1",
        extractor_version="test",
        value=value,
        value_high=value_high,
        qualifier="range" if value_high is not None else "exact",
        unit=unit,
        quantity_text="q",
        counted="people",
        category="killed",
        source=ClaimSource(text="the health ministry", normalized="health ministry", type="health_authority"),
        evidence=Evidence(sentence="s", start=0, end=1),
    )


@pytest.mark.parametrize(
    ("event", "shown"),
    [
        (_event(1200), "1,200"),
        (_event(8.4, unit="percent"), "8.4%"),
        (_event(250_000_000, unit="EUR"), "250,000,000 EUR"),
        (_event(30, value_high=40), "30–40"),
        (_event(12000, unit="ha"), "12,000 ha"),
        (_event(2.25), "2.25"),
    ],
)
def test_values_are_written_as_a_reader_would(event: ClaimEvent, shown: str) -> None:
    assert format_value(event) == shown


def test_table_has_a_header_a_rule_and_one_row_per_claim() -> None:
    lines = claims_table([_event(48), _event(52)]).splitlines()
    assert lines[0].split() == ["ITEM", "VALUE", "QUALIFIER", "COUNTED", "CATEGORY", "SOURCE"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert len(lines) == 4
    assert lines[2].split("  ")[0] == "item-1"
    assert "the health ministry" in lines[3]


def test_median_is_interpolated_inside_its_bucket() -> None:
    buckets = [(0.001, 0.0), (0.01, 5.0), (0.1, 15.0), (INF, 20.0)]
    assert histogram_quantile(0.5, buckets) == pytest.approx(0.055)


def test_quantile_of_an_empty_histogram_is_unknown() -> None:
    assert histogram_quantile(0.5, [(0.01, 0.0), (INF, 0.0)]) is None
    assert histogram_quantile(0.5, []) is None


def test_quantile_in_the_open_bucket_is_the_highest_finite_bound() -> None:
    assert histogram_quantile(0.5, [(0.01, 1.0), (INF, 10.0)]) == 0.01
