"""The explorer's pages: the list, a subject's chart and evidence, escaping, and the HTTP routes."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest
from explore_records import SUBJECT, claim, point, series_ref, tracked

from worker.explore.http import explorer_routes, filter_from_query, handle
from worker.explore.render import (
    FILE_LINKS,
    chart_svg,
    document,
    evidence_anchor,
    format_figure,
    index_page,
    subject_page,
)
from worker.explore.view import ExplorerView, SeriesFilter, ViewPoint, fold
from worker.runtime.probes import LoopHealth, ProbeServer

HOSTILE = '<script>alert("x")</script>'


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text, as a browser's parser would see them."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def all(self, tag: str, css_class: str | None = None) -> list[dict[str, str | None]]:
        return [
            attrs
            for name, attrs in self.tags
            if name == tag and (css_class is None or css_class in (attrs.get("class") or "").split())
        ]


def story() -> ExplorerView:
    first, second, third = point("c1", 12, 3), point("c2", 19, 4), point("c3", 17, 5)
    office = point("o1", 30, 5, hour=10, qualifier="lower_bound")
    ranged = point("o2", 25, 6, value_high=35.0, qualifier="range")
    return fold(
        ExplorerView(),
        claims=[
            claim("c1", 12, sentence="Rescuers said 12 hikers died on the ridge.", quantity_text="12", day=3),
            claim(
                "o1", 30, sentence="At least 30 died, the regional office said.", quantity_text="At least 30"
            ),
        ],
        tracked=[
            tracked("series_opened", "rescue service", first),
            tracked("value_updated", "rescue service", second, previous=first),
            tracked("value_revised_down", "rescue service", third, previous=second),
            tracked("series_opened", "regional office", office),
            tracked(
                "sources_conflict",
                "regional office",
                office,
                other_series=series_ref("rescue service"),
                other=third,
            ),
            tracked("value_updated", "regional office", ranged, previous=office),
        ],
    )


def test_the_list_shows_each_series_latest_figure_updates_and_disagreement() -> None:
    view = story()
    with view.lock:
        page = Elements(index_page(view, SeriesFilter()))
    rows = page.all("tr", "series")
    assert [row["data-series"] for row in rows] == [f"{SUBJECT}|regional office", f"{SUBJECT}|rescue service"]
    text = " ".join(page.text)
    assert "25–35" in text and "17" in text
    assert "sources disagree" in text
    assert [
        a["href"] for a in page.all("a") if (a["href"] or "").startswith("/series/killed-person-ridgeford-")
    ]


def test_a_subject_page_draws_one_step_line_per_source_and_every_point() -> None:
    view = story()
    with view.lock:
        [subject] = view.subjects()
        page = Elements(subject_page(view, subject))
    points = {p["data-claim"]: p for p in page.all("a", "point")}
    assert set(points) == {"c1", "c2", "c3", "o1", "o2"}
    assert points["c3"]["data-marks"] == "conflict revised_down"
    assert points["o2"]["data-value"] == "25.0" and points["o2"]["data-value-high"] == "35.0"
    assert points["c1"]["href"] == "#ev-c1"
    assert len(page.all("path", "step")) == 2
    assert page.all("path", "revision"), "a revision down is marked"
    assert page.all("path", "bound"), "a lower bound is drawn as an arrow"
    assert page.all("line", "range"), "a range is drawn as a bar"
    assert page.all("g", "conflict"), "the conflict is drawn between the two figures"
    # every point has an evidence card to open
    cards = {card["id"] for card in page.all("section", "evidence")}
    assert cards == {f"ev-{claim_id}" for claim_id in points}


def test_the_evidence_card_marks_the_figure_and_names_item_outlet_and_sources() -> None:
    view = story()
    with view.lock:
        [subject] = view.subjects()
        html_text = subject_page(view, subject)
    card = re.search(r'<section class="evidence" id="ev-o1".*?</section>', html_text)
    assert card is not None
    assert "<mark>At least 30</mark> died, the regional office said." in card[0]
    for shown in ("item-o1", "valley-wire", "the mountain rescue service", "regional office (government)"):
        assert shown in card[0]
    assert "disagrees with rescue service (17)" in card[0]
    # a point whose claim event was never read says so instead of inventing a sentence
    missing = re.search(r'<section class="evidence" id="ev-c2".*?</section>', html_text)
    assert missing is not None and "not in the view" in missing[0]


def test_text_from_the_feed_is_escaped_everywhere() -> None:
    view = ExplorerView()
    view.add_claim(
        claim(
            "h1",
            7,
            sentence=f"{HOSTILE} Seven climbers died.",
            quantity_text="Seven",
            source_text=HOSTILE,
            feed=HOSTILE,
        )
    )
    hostile_series = series_ref(HOSTILE, subject=f"v1|killed|{HOSTILE}|{HOSTILE}", source_id=HOSTILE)
    view.add_tracked(
        {**tracked("series_opened", HOSTILE, point("h1", 7, 3, item_id=HOSTILE)), "series": hostile_series}
    )
    with view.lock:
        [subject] = view.subjects()
        pages = [index_page(view, SeriesFilter(source=HOSTILE)), subject_page(view, subject), document(view)]
    assert "source_id &lt;script&gt;" in pages[1]  # how the tracker resolved the source, escaped too
    for page in pages:
        assert "<script" not in page
        assert "&lt;script&gt;" in page
        assert not [tag for tag, _ in Elements(page).tags if tag == "script"]


def test_a_claim_id_that_is_not_a_plain_token_gets_a_hashed_anchor() -> None:
    assert evidence_anchor("abc123") == "ev-abc123"
    odd = evidence_anchor('x" onmouseover="y')
    assert re.fullmatch(r"ev-[0-9a-f]{24}", odd)


def test_the_saved_file_links_within_itself_and_loads_nothing() -> None:
    view = story()
    with view.lock:
        page = document(view)
    parsed = Elements(page)
    hrefs = [a["href"] or "" for a in parsed.all("a")]
    assert hrefs and all(href.startswith("#") for href in hrefs)
    assert not parsed.all("link") and not parsed.all("img") and not parsed.all("form")
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page
    with view.lock:
        [subject] = view.subjects()
    assert f'id="s-{subject.id}"' in page and FILE_LINKS.subject(subject.id) in hrefs


def test_a_single_point_subject_still_draws_a_chart() -> None:
    view = fold(ExplorerView(), tracked=[tracked("series_opened", "rescue service", point("c1", 0, 3))])
    with view.lock:
        [subject] = view.subjects()
        svg = chart_svg(subject, {f"{SUBJECT}|rescue service": "#000"})
    assert svg.count('class="point"') == 1 and "nan" not in svg


@pytest.mark.parametrize(
    ("fields", "shown"),
    [
        ({}, "1,200"),
        ({"qualifier": "approximate"}, "~1,200"),
        ({"qualifier": "lower_bound"}, "≥1,200"),
        ({"qualifier": "upper_bound"}, "≤1,200"),
        ({"qualifier": "range", "value_high": 1500.0}, "1,200–1,500"),
    ],
)
def test_figures_read_as_written_with_their_qualifier(fields: dict[str, object], shown: str) -> None:
    base = {"claim_id": "c", "item_id": "i", "value": 1200.0, "value_high": None, "qualifier": "exact"}

    assert (
        format_figure(ViewPoint(**{**base, **fields}, published_at=datetime(2026, 1, 1, tzinfo=UTC))) == shown
    )


def test_routes_answer_the_list_a_subject_a_filter_and_say_why_when_they_cannot() -> None:
    view = story()
    status, body, content_type = handle(view, "/series?category=killed&source=office")
    assert status == 200 and content_type.startswith("text/html")
    assert body.count(b'<tr class="series"') == 1
    with view.lock:
        [subject] = view.subjects()
    assert handle(view, f"/series/{subject.id}")[0] == 200
    assert handle(view, "/series/" + SUBJECT.replace("|", "%7C"))[0] == 200
    assert handle(view, "/series/nothing-here")[0] == 404
    status, body, _ = handle(view, "/series?since=yesterday")
    assert status == 400 and b"dates like" in body


def test_a_bare_until_date_includes_that_whole_day() -> None:
    chosen = filter_from_query("until=2026-05-03&since=2026-05-01&place=")
    assert chosen.until is not None and (chosen.until.hour, chosen.until.minute) == (23, 59)
    assert chosen.place is None


class NoMetrics:
    def render(self) -> bytes:
        return b"# no metrics\n"


def test_the_probe_server_serves_the_routes_beside_its_probes() -> None:
    server = ProbeServer(
        "127.0.0.1", 0, NoMetrics(), LoopHealth(max_poll_age_seconds=60), routes=explorer_routes(story())
    )
    server.start()
    base = f"http://127.0.0.1:{server.port}"
    try:
        with urllib.request.urlopen(f"{base}/series", timeout=5) as response:
            assert response.status == 200 and b"Tracked figures" in response.read()
        with urllib.request.urlopen(f"{base}/metrics", timeout=5) as response:
            assert response.read() == b"# no metrics\n"
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"{base}/seriesx", timeout=5)
        assert missing.value.code == 404
    finally:
        server.stop()


def test_time_ticks_fall_on_round_times() -> None:
    view = fold(
        ExplorerView(),
        tracked=[
            tracked("series_opened", "rescue service", point("c1", 3, 3, hour=7)),
            tracked("value_updated", "rescue service", point("c2", 5, 4, hour=17)),
        ],
    )
    with view.lock:
        [subject] = view.subjects()
        svg = chart_svg(subject, {f"{SUBJECT}|rescue service": "#000"})
    labels = re.findall(r">(\d\d \w{3} \d\d:\d\d)<", svg)
    assert 3 <= len(labels) <= 7
    assert all(label.endswith(":00") and int(label[7:9]) % 6 == 0 for label in labels)


def test_a_subject_title_names_the_resolved_fields_its_series_share() -> None:
    rescue = series_ref("rescue service", country="zz", kind="landslide", source_id="s1")
    office = series_ref("regional office", country="zz", kind="landslide", source_id="s2")
    view = fold(
        ExplorerView(),
        tracked=[
            {**tracked("series_opened", "rescue service", point("c1", 3, 3)), "series": rescue},
            {**tracked("series_opened", "regional office", point("o1", 4, 3)), "series": office},
        ],
    )
    with view.lock:
        [subject] = view.subjects()
    assert subject.title == "killed · person · ridgeford (country zz, kind landslide)"
