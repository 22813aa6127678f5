"""The operator's view of tracked series: filtering and a plain-text table. Pure: states in, text out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from worker.track.normalize import place_name, source_name
from worker.track.rules import Point, SeriesState

COLUMNS = ("SOURCE", "KIND", "CATEGORY", "COUNTED", "PLACE", "VALUE", "FIRST KEPT", "VALUES", "PUBLISHED")

# How a figure's qualifier reads in a table cell.
QUALIFIER_MARKS = {"exact": "", "approximate": "~", "lower_bound": "≥", "upper_bound": "≤", "range": ""}


@dataclass(slots=True, frozen=True)
class SeriesFilter:
    """Which series to show; each given part is normalised like a key part before it is compared.

    `source` matches any source whose name contains it ("ministry" finds every ministry);
    `category` and `place` must match exactly.
    """

    source: str | None = None
    category: str | None = None
    place: str | None = None

    def matches(self, state: SeriesState) -> bool:
        parts = state.parts
        if self.source is not None and source_name(self.source) not in parts.source:
            return False
        if self.category is not None and self.category.strip().lower() != parts.category:
            return False
        # A place id ("iso:PK-SD"), a country code ("pk"), or a pre-resolution place name.
        wanted = self.place.strip().lower() if self.place is not None else None
        return wanted is None or wanted in (parts.place.lower(), parts.country, place_name(self.place))


def select_series(states: Iterable[SeriesState], series_filter: SeriesFilter) -> list[SeriesState]:
    """The matching series that have a value, ordered by subject and then source."""
    chosen = [s for s in states if s.current is not None and series_filter.matches(s)]
    return sorted(chosen, key=lambda s: (s.parts.category, s.parts.counted, s.parts.place, s.parts.source))


def format_figure(point: Point) -> str:
    """A figure as a table shows it: "1,012", "~450", "≥1,000", "100–150"."""
    if point.value_high is not None:
        return f"{point.value:,.15g}–{point.value_high:,.15g}"
    return f"{QUALIFIER_MARKS.get(point.qualifier, '')}{point.value:,.15g}"


def series_table(states: Iterable[SeriesState]) -> str:
    """A fixed-width table of series, one line each, with a header; "no series" when empty."""
    rows = []
    for state in states:
        current = state.current
        if current is None:
            continue
        first = state.history[0] if state.history else current
        parts = state.parts
        rows.append(
            (
                parts.source,
                parts.kind or "-",
                parts.category,
                parts.counted,
                # A region's or town's id; for the event as a whole, its country.
                parts.place or parts.country,
                format_figure(current),
                format_figure(first),
                str(len(state.history)),
                current.published_at.strftime("%Y-%m-%d %H:%M"),
            )
        )
    if not rows:
        return "no series\n"
    widths = [max(len(row[i]) for row in [COLUMNS, *rows]) for i in range(len(COLUMNS))]
    numeric = {5, 6, 7}
    lines = []
    for row in [COLUMNS, *rows]:
        cells = [
            cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i]) for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def series_history(state: SeriesState) -> str:
    """One series in full: its resolved entity and place ids, then every kept value with its date,
    item, the source's wording and the place it resolved to."""
    parts = state.parts
    lines = [
        f"series   {parts.series_key}",
        f"source   {parts.source}  (entity id)",
        f"place    {parts.place or '(the event as a whole)'}  country {parts.country}",
        f"kind     {parts.kind or '-'}",
        f"counts   {parts.category} {parts.counted}",
        "",
    ]
    rows = [("PUBLISHED", "VALUE", "ITEM", "SOURCE AS WRITTEN", "PLACE")]
    for point in state.history:
        mark = "*" if state.current is not None and point.claim_id == state.current.claim_id else ""
        rows.append(
            (
                point.published_at.strftime("%Y-%m-%d %H:%M"),
                format_figure(point) + mark,
                point.item_id,
                point.wording or "-",
                point.place_name or "-",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [cell.rjust(widths[i]) if i == 1 else cell.ljust(widths[i]) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
    lines.append("(* the current value)")
    return "\n".join(lines) + "\n"
