"""Extraction is linear in its input (issue 13, bug 4): on generated text, eight times the text costs
about eight times the time, and the output per input character stays bounded. Measured as ratios,
never against a wall-clock threshold. No broker needed."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from worker.limits import ItemLimits
from worker.models import WireItem
from worker.pipeline import process_item

# The extractor itself is under test, not the pipeline's bounds: no sentence or count limit cuts in.
UNBOUNDED = ItemLimits(max_sentence_chars=10**9, max_numbers_per_sentence=10**9)
SCALE = 8
# Per character, the large text may cost at most this many times the small one (noise on a busy
# machine, caches); a quadratic step would cost about SCALE times.
MAX_PER_CHAR_RATIO = 3.0
# Output bytes per input character, large over small: each claim carries at most a fixed window of
# evidence, so the ratio stays near 1; a claim copying its whole sentence would make it about SCALE.
MAX_OUTPUT_PER_CHAR_RATIO = 1.5

WORDS = st.sampled_from(
    [
        "the",
        "people",
        "were",
        "killed",
        "injured",
        "missing",
        "said",
        "officials",
        "police",
        "in",
        "River",
        "Town",
        "according",
        "to",
        "at",
        "least",
        "about",
        "more",
        "than",
        "and",
        "dozens",
        "hundreds",
        "reported",
        "Minister",
        "a",
        "spokesman",
        ",",
        ".",
    ]
)
NUMBERS = st.integers(min_value=2, max_value=250_000).map(lambda n: f"{n:,}")
TOKENS = st.lists(st.one_of(WORDS, WORDS, WORDS, NUMBERS), min_size=300, max_size=600)


def repeated(pattern: str, tokens: int = 300) -> list[str]:
    """`pattern`'s words repeated to about `tokens` words, each N a different figure."""
    figures = (f"{n:,}" for n in range(1_234, 10**9, 977))
    words = pattern.split()
    return [next(figures) if word == "N" else word for word in words * (tokens // len(words) + 1)]


def best_time(body: str) -> tuple[float, int]:
    """The fastest of three runs, and the bytes of the events it gives."""
    best = float("inf")
    output = 0
    for _ in range(3):
        started = time.perf_counter()
        events = process_item(WireItem(id="gen", body=body), UNBOUNDED)
        best = min(best, time.perf_counter() - started)
        output = sum(len(event.model_dump_json()) for event in events)
    return best, output


# No shrinking: every example costs a second or two, and the failing one is printed as it is.
@settings(
    max_examples=10,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(tokens=TOKENS, run_on=st.booleans())
# Shapes that once grew faster than the text, each seen only now and then among generated ones:
# every figure weighed every place before it, searching the whole gap for a clause break ...
@example(tokens=repeated("police in Town reported about N missing and N killed"), run_on=True)
# ... every cue verb whose subject was not found read the run-on clause from its start ...
@example(tokens=repeated("the officials N said a"), run_on=True)
@example(tokens=repeated("about reported missing reported N"), run_on=True)
# ... and a figure in a prepositional phrase sent every figure before it on to the next one.
@example(tokens=repeated("Minister missing at N"), run_on=True)
def test_extraction_time_and_output_grow_linearly_with_the_input(tokens: list[str], *, run_on: bool) -> None:
    if run_on:  # one sentence that grows with the text: the case where claims used to copy it whole
        tokens = [token for token in tokens if token != "."]
    small = " ".join(tokens)
    large = " ".join([small] * SCALE)
    small_seconds, small_output = best_time(small)
    large_seconds, large_output = best_time(large)
    per_char_ratio = (large_seconds / len(large)) / (small_seconds / len(small))
    assert per_char_ratio <= MAX_PER_CHAR_RATIO, (per_char_ratio, small_seconds, large_seconds)
    if small_output:
        output_ratio = (large_output / len(large)) / (small_output / len(small))
        assert output_ratio <= MAX_OUTPUT_PER_CHAR_RATIO, (output_ratio, small_output, large_output)
