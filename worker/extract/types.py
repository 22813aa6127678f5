"""Small hot-path objects the extractor passes between its stages.

Spans are character offsets into the *cleaned* text the extractor was given; the pipeline maps
them back to the original body with the cleaner's offset map.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Attribution:
    """Who a figure is credited to, and the words that tie it to them."""

    text: str  # fullest mention in the item, e.g. "the province's rebel-held health office"
    normalized: str  # lower-case canonical name, e.g. "gaza health ministry"
    type: str  # one of worker.models.SourceType
    cue: str  # "said", "according to", "told reporters", ...


@dataclass(slots=True)
class Claim:
    """One numeric claim found in cleaned text."""

    value: float
    value_high: float | None
    qualifier: str  # one of worker.models.Qualifier
    unit: str | None
    quantity_text: str
    counted: str | None
    category: str  # one of worker.models.Category
    start: int  # span of quantity_text in the cleaned text
    end: int
    sentence_start: int  # span of the evidence sentence in the cleaned text
    sentence_end: int
    source: Attribution | None = None
    location: str | None = None
    listed: bool = False  # one of several counts joined in a list ("seven officers and two medics")
    earlier: bool = False  # a value the count had before ("down to 104 from 120": the 120)
    projected: bool = False  # what the count may come to, not its value now ("could climb to 900")
    place_named: bool = False  # its own sentence, or the clause joined to it, names its place
