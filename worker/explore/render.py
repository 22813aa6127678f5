"""HTML for the series explorer: the list of subjects, one subject's step chart, its evidence.

Pure: the view in, a string out. Everything is drawn here, on the server: the chart is inline SVG
and the styles are inline, so a page works offline and as one saved file (no script, no font, no
request to anywhere). Every text that came from a feed goes through `esc`.

A point opens its evidence without a script: it links to `#ev-<claim>`, and CSS shows the card
that is the URL's target.
"""

from __future__ import annotations

import functools
import hashlib
import html
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from worker.explore.view import ExplorerView, SeriesFilter, Subject, ViewPoint, ViewSeries

# Okabe–Ito colours: told apart by readers with any common colour blindness; yellow left out (on white).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000")
REVISION_COLOUR = "#C0392B"
CONFLICT_COLOUR = "#7F3FBF"

CHART_WIDTH = 900
CHART_HEIGHT = 380
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 72, 190, 24, 48
LABEL_GAP = 15  # vertical pixels between the end labels of two lines
ARROW = 14  # length of the arrow that says "at least" or "at most"
END_LABEL_SOURCE = 20  # characters of a source's name beside its line's end (the margin holds ~28)
# Steps between time ticks, smallest first; the first that gives at most MAX_TIME_TICKS is used.
TIME_STEPS_HOURS = (1, 2, 3, 6, 12, 24, 48, 24 * 7, 24 * 14, 24 * 30)
MAX_TIME_TICKS = 7

QUALIFIER_MARKS = {"approximate": "~", "lower_bound": "≥", "upper_bound": "≤"}
MARK_WORDS = {
    "opened": "first figure",
    "updated": "update",
    "restated": "restated",
    "revised_down": "revised down",
    "occurrence": "another day's count",
    "conflict": "sources disagree",
}

CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1em 1.5em;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}a{color:#0b5394}
table{border-collapse:collapse;width:100%;margin:.6em 0}
th,td{text-align:left;padding:.25em .6em;border-bottom:1px solid #ddd;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.subject td{background:#f3f5f8;font-weight:600;border-top:2px solid #c9d1dc}
.flag{color:#7F3FBF;font-weight:600}.down{color:#C0392B;font-weight:600}
form.filters{display:flex;flex-wrap:wrap;gap:.5em 1em;align-items:end;margin:.8em 0}
form.filters label{display:flex;flex-direction:column;font-size:.85em}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;margin-right:.35em;
vertical-align:-.1em}
svg.chart{width:100%;height:auto;border:1px solid #e3e3e3;background:#fff}
svg.chart text{font:12px system-ui,sans-serif;fill:#333}
svg.chart a:hover circle{stroke-width:4}
.evidence{display:none;border:2px solid #0b5394;border-radius:6px;padding:.4em 1em;margin:.8em 0;
background:#f7fbff}
.evidence:target{display:block}
.evidence blockquote{font-size:1.08em;margin:.6em 0;padding-left:.8em;border-left:4px solid #9ab}
mark{background:#ffe36e;padding:0 .1em}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;margin:.4em 0}dt{color:#555}
dd{margin:0}.muted{color:#666;font-size:.9em}
"""


# The characters html.escape replaces; most texts hold none, and a search is far cheaper than escaping.
_MARKUP = re.compile(r"[&<>\"']")


def esc(text: object) -> str:
    """Text from a feed as HTML text or attribute value: `<script>` stays visible characters."""
    as_text = str(text)
    return html.escape(as_text, quote=True) if _MARKUP.search(as_text) else as_text


def evidence_anchor(claim_id: str) -> str:
    """The element id of a claim's evidence card; ids that are not plain tokens are hashed."""
    if re.fullmatch(r"[A-Za-z0-9_-]{1,64}", claim_id):
        return f"ev-{claim_id}"
    return "ev-" + hashlib.blake2b(claim_id.encode("utf-8"), digest_size=12).hexdigest()


@dataclass(slots=True, frozen=True)
class Links:
    """Where the list and a subject live: pages of a server, or sections of one saved file."""

    index: str
    subject: Callable[[str], str]
    filters: bool  # a form needs a server to answer it


SERVER_LINKS = Links(index="/series", subject=lambda subject_id: f"/series/{subject_id}", filters=True)
FILE_LINKS = Links(index="#top", subject=lambda subject_id: f"#s-{subject_id}", filters=False)


def format_figure(point: ViewPoint) -> str:
    """A figure as the page writes it: "1,012", "~450", "≥1,000", "100–150"."""
    if point.value_high is not None:
        return f"{point.value:,.15g}–{point.value_high:,.15g}"
    return f"{QUALIFIER_MARKS.get(point.qualifier, '')}{point.value:,.15g}"


@functools.lru_cache(maxsize=8192)  # a page writes each publication time several times; strftime is slow
def format_time(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")


# -- pages ---------------------------------------------------------------------------------------


def page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        # Belt and braces behind `esc`: the page runs no script and loads nothing, whatever a feed holds.
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'
        f"<title>{esc(title)}</title><style>{STYLE}</style></head>"
        f'<body id="top">{body}</body></html>\n'
    )


def index_page(view: ExplorerView, series_filter: SeriesFilter, links: Links = SERVER_LINKS) -> str:
    """The list of subjects and their series, filtered. Hold `view.lock` while calling."""
    return page("claimwire series", index_body(view, series_filter, links))


def subject_page(view: ExplorerView, subject: Subject, links: Links = SERVER_LINKS) -> str:
    """One subject: chart, who said what when, evidence. Hold `view.lock` while calling."""
    return page(f"{subject.title} — claimwire series", subject_body(view, subject, links, heading="h1"))


def not_found_page(what: str, links: Links = SERVER_LINKS) -> str:
    return page(
        "not found — claimwire series",
        f"<h1>Not found</h1><p>No subject {esc(what)} in the view.</p>"
        f'<p><a href="{esc(links.index)}">All series</a></p>',
    )


def document(view: ExplorerView) -> str:
    """The list and every subject in one self-contained file. Hold `view.lock` while calling."""
    parts = [index_body(view, SeriesFilter(), FILE_LINKS)]
    for subject in view.subjects():
        parts.append(
            f'<section class="subject" id="s-{esc(subject.id)}">'
            f"{subject_body(view, subject, FILE_LINKS, heading='h2')}</section>"
        )
    return page("claimwire series", "".join(parts))


def index_body(view: ExplorerView, series_filter: SeriesFilter, links: Links) -> str:
    subjects = view.subjects(series_filter)
    rows = []
    for subject in subjects:
        disagree = any(series.disagrees for series in subject.series)
        rows.append(
            f'<tr class="subject" data-subject="{esc(subject.id)}"><td colspan="6">'
            f'<a href="{esc(links.subject(subject.id))}">{esc(subject.title)}</a>'
            f"{' <span class=flag>sources disagree</span>' if disagree else ''}</td></tr>"
        )
        rows.extend(_series_row(series, links.subject(subject.id)) for series in subject.series)
    series_count = sum(len(subject.series) for subject in subjects)
    table = (
        '<table class="series"><thead><tr><th>Source</th><th>Latest</th><th>Updates</th>'
        "<th>Disagrees</th><th>Revised down</th><th>Last published</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        if rows
        else '<p class="empty">No series match.</p>'
    )
    return (
        "<h1>Tracked figures</h1>"
        + (_filter_form(series_filter, links) if links.filters else "")
        + f'<p class="muted">{len(subjects)} subjects, {series_count} series. {_drop_note(view)}</p>'
        + table
    )


def _series_row(series: ViewSeries, subject_href: str) -> str:
    latest = series.latest()
    assert latest is not None  # subjects() keeps only series with points
    return (
        f'<tr class="series" data-series="{esc(series.key)}">'
        f'<td><a href="{esc(subject_href)}">{esc(series.source)}</a></td>'
        f'<td class="num">{esc(format_figure(latest))}</td><td class="num">{series.updates}</td>'
        f"<td>{'<span class=flag>yes</span>' if series.disagrees else 'no'}</td>"
        f"<td>{'<span class=down>yes</span>' if series.revised_down else 'no'}</td>"
        f"<td>{esc(format_time(latest.published_at))}</td></tr>"
    )


def _filter_form(series_filter: SeriesFilter, links: Links) -> str:
    def field(name: str, label: str, value: str, kind: str = "text") -> str:
        return f'<label>{label}<input type="{kind}" name="{name}" value="{esc(value)}"></label>'

    def day(moment: datetime | None) -> str:
        return "" if moment is None else moment.strftime("%Y-%m-%d")

    clear = f' <a href="{esc(links.index)}">clear</a>' if series_filter.active else ""
    return (
        f'<form class="filters" method="get" action="{esc(links.index)}">'
        + field("category", "Category", series_filter.category or "")
        + field("place", "Place", series_filter.place or "")
        + field("source", "Source", series_filter.source or "")
        + field("since", "Published from", day(series_filter.since), "date")
        + field("until", "to", day(series_filter.until), "date")
        + f'<button type="submit">Filter</button>{clear}</form>'
    )


def _drop_note(view: ExplorerView) -> str:
    dropped = view.dropped
    if not (dropped.series or dropped.points or dropped.claims or dropped.rejected):
        return ""
    return esc(
        f"Left out to bound memory: {dropped.series} series, {dropped.points} points, "
        f"{dropped.claims} claims' evidence; unreadable records: {dropped.rejected}."
    )


def subject_body(view: ExplorerView, subject: Subject, links: Links, *, heading: str) -> str:
    colours = {series.key: PALETTE[i % len(PALETTE)] for i, series in enumerate(subject.series)}
    sources = {series.key: series.source for series in subject.series}
    pairs = _by_time(subject)
    legend = "".join(
        f'<li><span class="swatch" style="background:{colours[s.key]}"></span>{esc(s.source)}</li>'
        for s in subject.series
    )
    return (
        f'<p><a href="{esc(links.index)}">← all series</a></p>'
        f'<{heading} class="subject-title">{esc(subject.title)}</{heading}>'
        f'<p class="muted">{len(subject.series)} sources; figures by publication time. '
        "Filled dot: the figure as given; hollow: approximate; arrow: at least / at most; "
        "bar: a range. Click a dot for its evidence.</p>"
        + chart_svg(subject, colours)
        + f'<ul class="legend">{legend}</ul>'
        + "".join(_evidence_card(view, sources, series, point) for series, point in pairs)
        + _timeline(pairs, sources, colours)
    )


def _by_time(subject: Subject) -> list[tuple[ViewSeries, ViewPoint]]:
    pairs = [(series, point) for series in subject.series for point in series.points.values()]
    pairs.sort(key=lambda pair: (pair[1].published_at, pair[0].source, pair[1].claim_id))
    return pairs


def _timeline(
    pairs: list[tuple[ViewSeries, ViewPoint]], sources: dict[str, str], colours: dict[str, str]
) -> str:
    """Who said what, when: every figure of the subject in publication order."""
    rows = []
    for series, point in pairs:
        notes = [MARK_WORDS[m] for m in sorted(point.marks) if m in MARK_WORDS and m != "conflict"]
        notes.extend(f"disagrees with {sources.get(key, key)}" for key, _ in sorted(point.conflicts))
        rows.append(
            f'<tr class="point-row" data-claim="{esc(point.claim_id)}">'
            f"<td>{esc(format_time(point.published_at))}</td>"
            f'<td><span class="swatch" style="background:{colours[series.key]}"></span>'
            f"{esc(series.source)}</td>"
            f'<td class="num"><a href="#{evidence_anchor(point.claim_id)}">'
            f"{esc(format_figure(point))}</a></td>"
            f"<td>{esc('; '.join(notes))}</td></tr>"
        )
    return (
        '<h3>Who said what, when</h3><table class="timeline"><thead><tr><th>Published</th>'
        "<th>Source</th><th>Figure</th><th>What it meant</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _evidence_card(view: ExplorerView, sources: dict[str, str], series: ViewSeries, point: ViewPoint) -> str:
    evidence = view.evidence(point.claim_id)
    heading = f"{series.source}: {format_figure(point)}, {format_time(point.published_at)}"
    details = [("Item", point.item_id)]
    if evidence is None:
        quote = (
            '<p class="muted">The claim event is not in the view (not read yet, or left out by the cap).</p>'
        )
    else:
        before, figure, after = evidence.highlight()
        quote = f"<blockquote>{esc(before)}<mark>{esc(figure)}</mark>{esc(after)}</blockquote>"
        resolved = series.source + (f" ({evidence.source_type})" if evidence.source_type else "")
        resolved += "".join(f"; {name} {value}" for name, value in series.resolved.items())
        details += [
            ("Outlet", evidence.feed or "—"),
            ("Published", format_time(point.published_at)),
            ("Source as written", evidence.source_text or "—"),
            ("Source as resolved", resolved),
            ("Figure as written", evidence.quantity_text),
        ]
    said = [MARK_WORDS[m] for m in sorted(point.marks) if m in MARK_WORDS]
    said.extend(
        f"disagrees with {sources.get(key, key)}" + _other_figure(view, key, claim)
        for key, claim in sorted(point.conflicts)
    )
    if said:
        details.append(("Tracker", "; ".join(said)))
    rows = "".join(f"<dt>{esc(name)}</dt><dd>{esc(value)}</dd>" for name, value in details)
    return (
        f'<section class="evidence" id="{evidence_anchor(point.claim_id)}" '
        f'data-claim="{esc(point.claim_id)}"><h3>{esc(heading)}</h3>{quote}<dl>{rows}</dl></section>'
    )


def _other_figure(view: ExplorerView, series_key: str, claim_id: str) -> str:
    other = view.series(series_key)
    point = other.points.get(claim_id) if other is not None else None
    return f" ({format_figure(point)})" if point is not None else ""


# -- the chart -----------------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class _Scale:
    start: datetime
    span_seconds: float
    top: float

    def x(self, moment: datetime) -> float:
        width = CHART_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
        return MARGIN_LEFT + width * (moment - self.start).total_seconds() / self.span_seconds

    def y(self, value: float) -> float:
        height = CHART_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
        return CHART_HEIGHT - MARGIN_BOTTOM - height * max(value, 0.0) / self.top


def chart_svg(subject: Subject, colours: dict[str, str]) -> str:
    """A step chart: one line per source, each point a link to its evidence."""
    points = subject.points()
    scale = _scale(points)
    end = max(p.published_at for p in points)
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" '
        f'role="img" aria-label="{esc(subject.title)}">',
        _axes(scale),
    ]
    positions: dict[str, tuple[float, float]] = {}
    labels: list[tuple[float, str, str]] = []
    for series in subject.series:
        ordered = series.ordered()
        colour = colours[series.key]
        source = esc(series.source)
        parts.append(_step_path(ordered, scale, end, colour))
        for point in ordered:
            x, y = scale.x(point.published_at), scale.y(_level(point))
            positions[point.claim_id] = (x, y)
            parts.append(_point_mark(source, point, scale, colour, at=(x, y)))
        last = ordered[-1]
        name = (
            series.source
            if len(series.source) <= END_LABEL_SOURCE
            else series.source[: END_LABEL_SOURCE - 1] + "…"
        )
        labels.append((scale.y(_level(last)), f"{name} {format_figure(last)}", colour))
    parts.extend(_conflict_links(subject, positions))
    parts.extend(_end_labels(labels))
    parts.append("</svg>")
    return "".join(parts)


def _level(point: ViewPoint) -> float:
    return point.value if point.value_high is None else (point.value + point.value_high) / 2


def _scale(points: list[ViewPoint]) -> _Scale:
    first = min(p.published_at for p in points)
    last = max(p.published_at for p in points)
    span = last - first
    pad = max(span * 0.04, timedelta(hours=1))
    highest = max(max(p.value, p.value_high or p.value) for p in points)
    return _Scale(
        start=first - pad,
        span_seconds=(span + 2 * pad).total_seconds(),
        top=_nice_ceiling(highest * 1.12) if highest > 0 else 1.0,
    )


def _nice_ceiling(value: float) -> float:
    step = _nice_step(value / 5)
    return math.ceil(value / step) * step


def _nice_step(rough: float) -> float:
    magnitude = 10.0 ** math.floor(math.log10(rough))
    for factor in (1, 2, 2.5, 5, 10):
        if rough <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _axes(scale: _Scale) -> str:
    left, right = MARGIN_LEFT, CHART_WIDTH - MARGIN_RIGHT
    bottom = CHART_HEIGHT - MARGIN_BOTTOM
    parts = [f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#999"/>']
    step = _nice_step(scale.top / 5)
    tick = 0.0
    while tick <= scale.top + step / 2:
        y = scale.y(tick)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="#eee"/>'
            f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{tick:,.15g}</text>'
        )
        tick += step
    span_hours = scale.span_seconds / 3600
    hours = next((h for h in TIME_STEPS_HOURS if span_hours / h <= MAX_TIME_TICKS), None)
    if hours is None:  # longer than MAX_TIME_TICKS months: steps of whole 30-day months
        hours = 24 * 30 * math.ceil(span_hours / (24 * 30) / MAX_TIME_TICKS)
    time_step = timedelta(hours=hours)
    label = "%d %b" if time_step >= timedelta(days=1) else "%d %b %H:%M"
    # Ticks at whole steps from midnight UTC, so labels read as round times.
    midnight = scale.start.replace(hour=0, minute=0, second=0, microsecond=0)
    moment = midnight + time_step * math.ceil((scale.start - midnight) / time_step)
    end = scale.start + timedelta(seconds=scale.span_seconds)
    while moment <= end:
        x = scale.x(moment)
        parts.append(
            f'<line x1="{x:.1f}" y1="{bottom}" x2="{x:.1f}" y2="{bottom + 5}" stroke="#999"/>'
            f'<text x="{x:.1f}" y="{bottom + 20}" text-anchor="middle">{moment.strftime(label)}</text>'
        )
        moment += time_step
    parts.append(
        f'<text x="{(left + right) / 2:.0f}" y="{CHART_HEIGHT - 6}" text-anchor="middle">'
        "publication time (UTC)</text>"
    )
    return "".join(parts)


def _step_path(ordered: list[ViewPoint], scale: _Scale, end: datetime, colour: str) -> str:
    """Each figure holds until the same source publishes the next one; the last holds to the end."""
    first = ordered[0]
    commands = [f"M{scale.x(first.published_at):.1f},{scale.y(_level(first)):.1f}"]
    for point in ordered[1:]:
        commands.append(f"H{scale.x(point.published_at):.1f}V{scale.y(_level(point)):.1f}")
    commands.append(f"H{scale.x(end):.1f}")
    return f'<path class="step" d="{"".join(commands)}" fill="none" stroke="{colour}" stroke-width="2.2"/>'


def _point_mark(source: str, point: ViewPoint, scale: _Scale, colour: str, *, at: tuple[float, float]) -> str:
    """One point at `at`, linked to its evidence; `source` comes escaped."""
    x, y = at
    shapes = []
    if point.value_high is not None:
        low, high = scale.y(point.value), scale.y(point.value_high)
        shapes.append(
            f'<line class="range" x1="{x:.1f}" y1="{low:.1f}" x2="{x:.1f}" y2="{high:.1f}" '
            f'stroke="{colour}" stroke-width="6" stroke-opacity=".45" stroke-linecap="round"/>'
        )
    elif point.qualifier in ("lower_bound", "upper_bound"):
        direction = -1 if point.qualifier == "lower_bound" else 1
        tip = y + direction * ARROW
        shapes.append(
            f'<path class="bound" d="M{x:.1f},{y:.1f}V{tip:.1f}M{x - 4:.1f},{tip - direction * 5:.1f}'
            f'L{x:.1f},{tip:.1f}L{x + 4:.1f},{tip - direction * 5:.1f}" stroke="{colour}" '
            'stroke-width="1.8" fill="none"/>'
        )
    hollow = point.qualifier == "approximate"
    shapes.append(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5.5" fill="{"#fff" if hollow else colour}" '
        f'stroke="{colour}" stroke-width="2"/>'
    )
    if "revised_down" in point.marks:
        shapes.append(
            f'<path class="revision" d="M{x - 6:.1f},{y + 10:.1f}h12l-6,9z" fill="{REVISION_COLOUR}"/>'
            f'<text x="{x + 9:.1f}" y="{y + 20:.1f}" fill="{REVISION_COLOUR}">revised down</text>'
        )
    figure = esc(format_figure(point))
    return (
        f'<a href="#{evidence_anchor(point.claim_id)}" class="point" data-claim="{esc(point.claim_id)}" '
        f'data-source="{source}" data-value="{point.value!r}" '
        f'data-value-high="{"" if point.value_high is None else repr(point.value_high)}" '
        f'data-qualifier="{esc(point.qualifier)}" data-published="{esc(point.published_at.isoformat())}" '
        f'data-marks="{" ".join(sorted(point.marks))}">'
        f"<title>{source}: {figure} ({format_time(point.published_at)})</title>{''.join(shapes)}</a>"
    )


def _conflict_links(subject: Subject, positions: dict[str, tuple[float, float]]) -> Iterable[str]:
    """A dashed line between two sources' figures that disagree, with "≠" halfway."""
    drawn: set[frozenset[str]] = set()
    for point in subject.points():
        for _, other_claim in sorted(point.conflicts):
            pair = frozenset((point.claim_id, other_claim))
            if pair in drawn or point.claim_id not in positions or other_claim not in positions:
                continue
            drawn.add(pair)
            (x1, y1), (x2, y2) = positions[point.claim_id], positions[other_claim]
            yield (
                f'<g class="conflict"><line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                f'stroke="{CONFLICT_COLOUR}" stroke-width="1.6" stroke-dasharray="5 4"/>'
                f'<text x="{(x1 + x2) / 2 + 6:.1f}" y="{(y1 + y2) / 2:.1f}" fill="{CONFLICT_COLOUR}" '
                'font-weight="bold">≠ disagree</text></g>'
            )


def _end_labels(labels: list[tuple[float, str, str]]) -> Iterable[str]:
    """Each line's source and last figure at the right edge, pushed apart so none overlap."""
    x = CHART_WIDTH - MARGIN_RIGHT + 8
    previous = -math.inf
    for line_y, text, colour in sorted(labels):
        y = max(line_y + 4, previous + LABEL_GAP)
        previous = y
        yield f'<text x="{x}" y="{y:.1f}" fill="{colour}" font-weight="600">{esc(text)}</text>'
