"""The series explorer as a person uses it: a real broker, worker and tracker, a real headless browser.

The sample wire items (and one hostile item) go through `claimwire worker` and `claimwire track`
as processes; headless Chromium from the machine's packages, driven by Selenium, opens the
tracker's /series, reads the list, opens the earthquake's toll, reads the chart's points and a
point's evidence, and opens the hostile item's subject to see its markup shown as text. The same
view is then written by `claimwire series --html` and read back in the browser.

Chromium and chromedriver come from Debian's packages (`.ci/run` installs them); without them the
test fails, it never skips. Set CLAIMWIRE_EXPLORER_SCREENSHOT=docs/series-explorer.png to keep the
screenshot of the event view for the docs.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from kafka_helpers import produce
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from worker_process import WorkerProcess, wait_until

from worker.ingest.decode import decode_item
from worker.models import ClaimEvent
from worker.pipeline import process_item
from worker.samples import sample_records
from worker.track.keys import credited_series_parts, series_parts

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
PARTITIONS = 3
WAIT_S = 120.0
STOP_TIMEOUT_S = 30.0
QUAKE_ITEM = "mer-2026-0302-quake-sulawesi"

# Invented for this test: markup in the id, the feed name, the headline and the body (entities that
# the cleaner decodes into a literal tag), each of which the page must show as text.
HOSTILE_ITEM = {
    "id": "zz-2026-1111-ferry-<b>bold</b>",
    "source": "<i>cape</i>-wire",
    "published_at": "2026-11-11T08:00:00Z",
    "headline": "<script>window.pwned = true</script> Ferry capsizes off the cape",
    "body": (
        "<p>&lt;script&gt;window.pwned = true&lt;/script&gt; The coast guard said 27 people were "
        "missing after a ferry capsized off the cape on Tuesday.</p>"
    ),
}

NewTopic = Callable[..., str]


def all_records() -> list[bytes]:
    return [*sample_records(), json.dumps(HOSTILE_ITEM).encode()]


def tracked_claims() -> list[ClaimEvent]:
    """The claims the tracker files in a series (those credited to a source), from the pure pipeline."""
    claims = [claim for record in all_records() for claim in process_item(decode_item(record))]
    return [claim for claim in claims if credited_series_parts(claim) is not None]


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if missing:
        pytest.fail(
            f"{', '.join(missing)} missing: install Debian's chromium and chromium-driver "
            "(`.ci/run` does: apt-get install -y chromium chromium-driver)",
            pytrace=False,
        )
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,1500"):
        options.add_argument(argument)
    # Both paths are given, so Selenium never looks for (or downloads) a browser or a driver.
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def pipeline(
    kafka_bootstrap: str, new_topic: NewTopic, group_id: str, tmp_path: Path
) -> Iterator[dict[str, str]]:
    """Worker and tracker running on fresh topics; yields the topic names and the tracker's base URL."""
    names = {
        "wire": new_topic(PARTITIONS, prefix="wire"),
        "claims": new_topic(PARTITIONS, prefix="claims"),
        "dlq": new_topic(1, prefix="dlq"),
        "tracked": new_topic(PARTITIONS, prefix="tracked"),
        "changelog": new_topic(PARTITIONS, compact=True, prefix="changelog"),
    }
    worker = WorkerProcess(
        kafka_bootstrap,
        tmp_path,
        "explorer",
        input_topic=names["wire"],
        output_topic=names["claims"],
        dlq_topic=names["dlq"],
        group_id=f"{group_id}-worker",
    )
    tracker_log = tmp_path / "tracker.log"
    with tracker_log.open("wb") as log:
        tracker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "worker.cli",
                "track",
                "--bootstrap-servers",
                kafka_bootstrap,
                "--input-topic",
                names["claims"],
                "--output-topic",
                names["tracked"],
                "--changelog-topic",
                names["changelog"],
                "--group-id",
                f"{group_id}-tracker",
                "--http-port",
                "0",
                "--log-format",
                "json",
            ],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def tracker_port() -> int | None:
        for line in tracker_log.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("{") and (event := json.loads(line)).get("event") == "http_listening":
                return int(event["port"])
        assert tracker.poll() is None, f"tracker exited:\n{tracker_log.read_text()}"
        return None

    try:
        wait_until(lambda: tracker_port() is not None, WAIT_S, "the tracker's http_listening line")
        produce(kafka_bootstrap, names["wire"], [(None, record, None) for record in all_records()])
        yield {**names, "bootstrap": kafka_bootstrap, "url": f"http://127.0.0.1:{tracker_port()}"}
    finally:
        worker.ensure_stopped()
        if tracker.poll() is None:
            tracker.terminate()
            tracker.wait(timeout=STOP_TIMEOUT_S)


def series_command(pipeline: dict[str, str]) -> list[str]:
    """`claimwire series` on the pipeline's topics."""
    return [
        sys.executable,
        "-m",
        "worker.cli",
        "series",
        "--bootstrap-servers",
        pipeline["bootstrap"],
        "--changelog-topic",
        pipeline["changelog"],
        "--claims-topic",
        pipeline["claims"],
        "--tracked-topic",
        pipeline["tracked"],
    ]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode("utf-8"))


def chart_points(browser: WebDriver) -> dict[str, tuple[str, float, str]]:
    """claim id -> (source, value, publication time) of every point drawn in the chart."""
    points = {}
    for element in browser.find_elements(By.CSS_SELECTOR, "svg.chart a.point"):
        claim = element.get_attribute("data-claim") or ""
        points[claim] = (
            element.get_attribute("data-source") or "",
            float(element.get_attribute("data-value") or "nan"),
            element.get_attribute("data-published") or "",
        )
    return points


def expected_points(claims: list[ClaimEvent], subject_key: str) -> dict[str, tuple[str, float, str]]:
    found = {}
    for claim in claims:
        parts = series_parts(claim)
        if parts is not None and parts.subject_key == subject_key:
            published = (claim.published_at or datetime.now(UTC)).astimezone(UTC).isoformat()
            found[claim.claim_id] = (parts.source, claim.value, published)
    return found


def open_subject_of(browser: WebDriver, base: str, claim: ClaimEvent) -> None:
    """From the list, follow the link of the series the claim belongs to."""
    parts = series_parts(claim)
    assert parts is not None
    browser.get(f"{base}/series")
    row = browser.find_element(By.CSS_SELECTOR, f'tr.series[data-series="{parts.series_key}"]')
    row.find_element(By.TAG_NAME, "a").click()
    wait_until(lambda: bool(browser.find_elements(By.CSS_SELECTOR, "svg.chart")), 10, "the subject's chart")


def evidence_card(browser: WebDriver, claim_id: str) -> WebElement:
    point = browser.find_element(By.CSS_SELECTOR, f'svg.chart a.point[data-claim="{claim_id}"] circle')
    point.click()
    card = browser.find_element(By.CSS_SELECTOR, f'section.evidence[data-claim="{claim_id}"]')
    wait_until(card.is_displayed, 10, "the evidence card to open")
    return card


def test_the_explorer_shows_who_said_what_when_and_escapes_the_feed(
    pipeline: dict[str, str], browser: WebDriver, tmp_path: Path
) -> None:
    claims = tracked_claims()
    series_keys = {parts.series_key for claim in claims if (parts := series_parts(claim))}
    base = pipeline["url"]

    # The tracker's page lists every series once the pipeline has carried every claim through.
    def listed() -> int:
        return fetch(f"{base}/series").count('<tr class="series"')

    wait_until(lambda: listed() == len(series_keys), WAIT_S, f"{len(series_keys)} series on /series")

    # The list, as a person sees it.
    browser.get(f"{base}/series")
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.series")
    assert {row.get_attribute("data-series") for row in rows} == series_keys
    assert browser.find_elements(By.CSS_SELECTOR, "tr.subject .flag"), "some subject must show a disagreement"

    # The earthquake's toll: the chart has exactly that subject's figures, each by its source.
    quake = next(c for c in claims if c.item_id == QUAKE_ITEM and c.category == "killed")
    quake_parts = series_parts(quake)
    assert quake_parts is not None
    open_subject_of(browser, base, quake)
    assert chart_points(browser) == expected_points(claims, quake_parts.subject_key)
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.chart path[stroke]")) >= 1
    timeline = browser.find_element(By.CSS_SELECTOR, "table.timeline").text
    assert quake_parts.source in timeline

    # One point opens its evidence: the sentence with the figure marked, item, outlet, sources.
    card = evidence_card(browser, quake.claim_id)
    assert card.find_element(By.TAG_NAME, "mark").text == quake.quantity_text
    assert card.find_element(By.TAG_NAME, "blockquote").text == quake.evidence.sentence
    assert quake.item_id in card.text
    assert str(quake.feed) in card.text
    assert quake.source is not None and quake.source.text in card.text
    assert quake_parts.source in card.text
    screenshot = tmp_path / "series-explorer.png"
    browser.save_screenshot(str(screenshot))
    if keep := os.environ.get("CLAIMWIRE_EXPLORER_SCREENSHOT"):
        shutil.copyfile(screenshot, keep)

    # The hostile item: its markup is text on the page, and nothing ran.
    hostile = next(c for c in claims if c.item_id == HOSTILE_ITEM["id"])
    open_subject_of(browser, base, hostile)
    card = evidence_card(browser, hostile.claim_id)
    assert "<script>window.pwned = true</script>" in card.text
    assert HOSTILE_ITEM["id"] in card.text
    assert HOSTILE_ITEM["source"] in card.text
    assert browser.find_elements(By.TAG_NAME, "script") == []
    assert browser.execute_script("return window.pwned === undefined") is True

    # `claimwire series --html` writes the same view as one file that works from disk.
    page = tmp_path / "series.html"
    written = subprocess.run(
        [*series_command(pipeline), "--html", str(page)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=WAIT_S,
        check=False,
    )
    assert written.returncode == 0, written.stderr
    browser.get(page.as_uri())
    assert {
        row.get_attribute("data-series") for row in browser.find_elements(By.CSS_SELECTOR, "tr.series")
    } == (series_keys)
    card = evidence_card(browser, quake.claim_id)
    assert card.find_element(By.TAG_NAME, "mark").text == quake.quantity_text
    assert browser.execute_script("return window.pwned === undefined") is True


def test_series_serve_shows_the_pages_without_a_tracker(pipeline: dict[str, str], tmp_path: Path) -> None:
    """`claimwire series --serve` reads the topics the tracker wrote and serves the same list."""
    claims = tracked_claims()
    series_keys = {parts.series_key for claim in claims if (parts := series_parts(claim))}
    wait_until(
        lambda: fetch(f"{pipeline['url']}/series").count('<tr class="series"') == len(series_keys),
        WAIT_S,
        "the tracker to list every series",
    )
    log_path = tmp_path / "serve.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [*series_command(pipeline), "--serve", "--port", "0"],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:

        def url() -> str | None:
            found = re.search(r"serving (http://\S+/series)", log_path.read_text(encoding="utf-8"))
            assert server.poll() is None, log_path.read_text(encoding="utf-8")
            return found[1] if found else None

        wait_until(lambda: url() is not None, WAIT_S, "the serving line")
        served = str(url())
        wait_until(
            lambda: fetch(served).count('<tr class="series"') == len(series_keys), WAIT_S, "every series"
        )
        assert set(re.findall(r'data-series="([^"]+)"', fetch(served))) == {
            html.escape(k) for k in series_keys
        }
    finally:
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=STOP_TIMEOUT_S) == 0, log_path.read_text(encoding="utf-8")


def test_series_html_names_a_missing_topic_and_fails(kafka_bootstrap: str, tmp_path: Path) -> None:
    missing = f"absent-{uuid.uuid4().hex[:8]}"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "worker.cli",
            "series",
            "--bootstrap-servers",
            kafka_bootstrap,
            "--claims-topic",
            missing,
            "--tracked-topic",
            f"{missing}-tracked",
            "--html",
            str(tmp_path / "never.html"),
        ],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=WAIT_S,
        check=False,
    )
    assert result.returncode == 2
    assert missing in result.stderr and "exist; create" in result.stderr
    assert not (tmp_path / "never.html").exists()
