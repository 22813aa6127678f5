"""How long the series explorer takes to render 1,000 series, beside json.dumps of the same view.

Builds a view of invented figures (SUBJECTS subjects x SOURCES sources = 1,000 series, POINTS
points each, every point with its evidence, some revisions and conflicts), then times, median of
ROUNDS runs: folding the records, the list page, every subject's page, the whole saved file
(`claimwire series --html`), and as a same-run baseline json.dumps of the view's series and points.

    .venv/bin/python bench/bench_explorer.py
"""

from __future__ import annotations

import json
import statistics
import time
import tracemalloc
from collections.abc import Callable
from typing import Any, cast

from worker.explore.render import document, index_page, subject_page
from worker.explore.view import ExplorerView, SeriesFilter

SUBJECTS = 250
SOURCES = 4
POINTS = 10
ROUNDS = 5


def records() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    claims, events = [], []
    for subject in range(SUBJECTS):
        subject_key = f"v1|killed|person|town {subject}"
        for source in range(SOURCES):
            series = {
                "key": f"{subject_key}|agency {source}",
                "subject_key": subject_key,
                "source": f"agency {source}",
                "category": "killed",
                "counted": "person",
                "place": f"town {subject}",
            }
            previous = None
            for step in range(POINTS):
                claim_id = f"s{subject}-a{source}-p{step}"
                value = 10 * (step + 1) + source * 3 - (5 if step == POINTS - 1 else 0)
                point = {
                    "claim_id": claim_id,
                    "item_id": f"item-{claim_id}",
                    "value": value,
                    "value_high": None,
                    "qualifier": "lower_bound" if step % 3 == 0 else "exact",
                    "published_at": f"2026-06-{1 + step:02d}T{source + 6:02d}:00:00Z",
                }
                kind = "series_opened" if previous is None else "value_updated"
                if step == POINTS - 1:
                    kind = "value_revised_down"
                events.append({"event": kind, "series": series, "current": point, "previous": previous})
                previous = point
                claims.append(
                    {
                        "claim_id": claim_id,
                        "item_id": point["item_id"],
                        "feed": "bench-wire",
                        "published_at": point["published_at"],
                        "value": value,
                        "quantity_text": str(value),
                        "source": {
                            "text": f"Agency {source}",
                            "normalized": f"agency {source}",
                            "type": "other",
                        },
                        "evidence": {
                            "sentence": f"Agency {source} said {value} people died in town {subject}."
                        },
                    }
                )
            if source:
                other = dict(series, key=f"{subject_key}|agency 0", source="agency 0")
                events.append(
                    {
                        "event": "sources_conflict",
                        "series": series,
                        "current": previous,
                        "other_series": other,
                        "other": dict(previous, claim_id=f"s{subject}-a0-p{POINTS - 1}"),
                    }
                )
    return claims, events


def build(claims: list[dict[str, Any]], events: list[dict[str, Any]]) -> ExplorerView:
    view = ExplorerView()
    for claim in claims:
        view.add_claim(claim)
    for event in events:
        view.add_tracked(event)
    return view


def baseline(view: ExplorerView) -> str:
    """json.dumps of what the pages show: every series with its points."""
    return json.dumps(
        [
            {
                "key": s.key,
                "source": s.source,
                "points": [
                    {
                        "claim": p.claim_id,
                        "value": p.value,
                        "at": p.published_at.isoformat(),
                        "marks": sorted(p.marks),
                    }
                    for p in s.ordered()
                ],
            }
            for subject in view.subjects()
            for s in subject.series
        ]
    )


def median_seconds(run: Callable[[], object]) -> tuple[float, float, object]:
    """Median wall and CPU seconds of ROUNDS runs, and the last result.

    CPU time is printed beside wall time because this machine is shared: when other processes
    load it, the wall time grows while the CPU time the render needs does not.
    """
    walls, cpus, result = [], [], None
    for _ in range(ROUNDS):
        wall, cpu = time.perf_counter(), time.process_time()
        result = run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), result


def main() -> None:
    claims, events = records()
    tracemalloc.start()
    measured = build(claims, events)
    view_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del measured
    fold_s, fold_cpu, view = median_seconds(lambda: build(claims, events))
    assert isinstance(view, ExplorerView)
    subjects = view.subjects()
    series = sum(len(s.series) for s in subjects)
    print(f"view: {len(subjects)} subjects, {series} series, {series * POINTS} points, {len(claims)} claims")
    print(
        f"view memory: {view_bytes / 1e6:.1f} MB, "
        f"{view_bytes / len(claims):.0f} B per point with its evidence"
    )
    print(f"{'':<36} {'wall':>8}    {'cpu':>8}")
    print(
        f"{f'fold {len(claims) + len(events)} records':<36} {fold_s * 1000:8.1f} ms {fold_cpu * 1000:8.1f} ms"
    )
    rows = [
        ("list page (1,000 series)", lambda: index_page(view, SeriesFilter())),
        ("every subject page", lambda: [subject_page(view, s) for s in view.subjects()]),
        ("one file (claimwire series --html)", lambda: document(view)),
        ("baseline: json.dumps of the view", lambda: baseline(view)),
    ]
    for name, run in rows:
        seconds, cpu, result = median_seconds(run)
        pages = [result] if isinstance(result, str) else cast(list[str], result)
        size = sum(len(page) for page in pages)
        print(f"{name:<36} {seconds * 1000:8.1f} ms {cpu * 1000:8.1f} ms  {size / 1e6:6.2f} MB")


if __name__ == "__main__":
    main()
