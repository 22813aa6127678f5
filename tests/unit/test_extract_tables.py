"""Tables: a raw page's table, or a plain-text one, read cell by cell (invented tables)."""

from __future__ import annotations

from worker.extract import extract_claims
from worker.extract.places import TABLE_CELL_BAR
from worker.ingest.clean import CELL_BREAK, clean_body
from worker.models import WireItem
from worker.pipeline import process_item

HTML_TABLE = (
    "<p>Flood losses by province, according to the disaster agency:</p>"
    "<table><tr><th>Province</th><th>Deaths</th><th>Injured</th></tr>"
    "<tr><td>Sindh</td><td>120</td><td>340</td></tr>"
    "<tr><td>Punjab</td><td>45</td><td>98</td></tr></table>"
)


def test_each_cell_is_its_own_figure_with_its_columns_category_and_its_rows_place() -> None:
    events = process_item(WireItem(id="t", body=HTML_TABLE))
    read = [(e.value, e.category, e.counted, e.location) for e in events]
    assert read == [
        (120, "killed", "Deaths", "Sindh"),
        (340, "injured", "Injured", "Sindh"),  # never the number 120 340
        (45, "killed", "Deaths", "Punjab"),
        (98, "injured", "Injured", "Punjab"),
    ]
    # the line that introduces the table with a colon gives its source to every row
    assert {e.source.text if e.source else None for e in events} == {"the disaster agency"}


def test_a_plain_text_table_with_tabs_reads_like_an_html_one() -> None:
    text = clean_body("Region\tDead\tMissing\nWestland\t1,204\t87\nEastmarch\t311\t12\n").text
    assert [(c.quantity_text, c.category) for c in extract_claims(text)] == [
        ("1,204", "killed"),
        ("87", "missing"),
        ("311", "killed"),
        ("12", "missing"),
    ]


def test_two_rows_with_the_same_figure_are_two_claims() -> None:
    text = "Region | Deaths | Injured\nNorth | 12 | 40\nSouth | 12 | 40"
    assert [c.quantity_text for c in extract_claims(text)] == ["12", "40", "12", "40"]


def test_a_title_with_its_sites_name_after_a_bar_is_no_table() -> None:
    # must not match: a long headline and the page's name are no cells; the title restates the body
    text = (
        "Landslide toll in the hill district passes 300 | The Valley Courier\n"
        "The landslide toll in the hill district passed 300 on Friday, officials said."
    )
    claims = extract_claims(text)
    assert [c.quantity_text for c in claims] == ["passed 300"]
    assert claims[0].category == "killed"


def test_the_cleaner_writes_the_bar_the_extractor_reads() -> None:
    assert CELL_BREAK.strip() == TABLE_CELL_BAR
