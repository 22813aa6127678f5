"""The tracker's in-memory state for one input partition: series by key, and series grouped by subject.

The subject index is what conflict detection reads: every source's series for one category,
counted thing and place. It needs no state of its own, so a restore rebuilds it from the series.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta

from worker.extract.reporting import SPEAKER_ROLES
from worker.extract.sources import personal_name
from worker.track.identity import (
    ACRONYM_PREFIX,
    BODY_HEADS,
    MINISTRY_SUFFIX,
    PERSON_PREFIX,
    UNLISTED_PREFIX,
    agency_ids,
    capital_initials,
    is_news_outlet,
    remit_of,
    unlisted_name_key,
)
from worker.track.keys import SINGLE_SITE_KINDS, UNATTRIBUTED, SeriesParts
from worker.track.normalize import KEY_SEPARATOR
from worker.track.rules import (
    CUMULATIVE_CATEGORIES,
    EVENT_GAP,
    Observation,
    Point,
    SeriesState,
    TrackEvent,
    apply,
    find_conflicts,
)

# Nouns that describe a body without naming it ("the doctors' group", "the farmers' body", "the
# sheriff's office" for the county sheriff's office an earlier item named).
GENERIC_BODY_NOUNS = frozenset(
    {"group", "body", "organisation", "organization", "outfit", "association"}
    | {"office", "department", "service"}
)
# "the ministry" in an item that names none.
BARE_MINISTRY = f"{UNLISTED_PREFIX}ministry"
# A bare office, and how the ids of the offices it may be end: "the ministry" is one of a country's
# ministries, "the sheriff" (in an item that names no county or several) one county's sheriff.
_NAMED_OFFICE_SUFFIX = {BARE_MINISTRY: MINISTRY_SUFFIX, "generic:sheriff": " county sheriff"}

# The most a running total credited to no one may rise over the series' current value and still be
# read as its next value: tolls grow by a few tens of percent a day while a disaster unfolds.
MAX_UNATTRIBUTED_RISE = 2.0


@dataclass(slots=True)
class TrackResult:
    """What one claim did: the events it announces and the series state to write, if it changed."""

    events: list[TrackEvent] = field(default_factory=list)
    changed: SeriesState | None = None
    unattributed: bool = False  # credited to no one and no single series to continue: not tracked


class SeriesStore:
    """Series states of one input partition."""

    def __init__(self) -> None:
        self._series: dict[str, SeriesState] = {}
        self._subjects: dict[str, dict[str, SeriesState]] = {}
        # Series whose items named the kind of happening, and series whose first item named none,
        # by the rest of their key.
        self._with_kind: dict[str, dict[str, SeriesState]] = {}
        self._kindless: dict[str, dict[str, SeriesState]] = {}

    def __len__(self) -> int:
        return len(self._series)

    def __iter__(self) -> Iterator[SeriesState]:
        return iter(self._series.values())

    def get(self, series_key: str) -> SeriesState | None:
        return self._series.get(series_key)

    def put(self, state: SeriesState) -> None:
        """Add or replace a series (a restore from the changelog uses this)."""
        self._series[state.key] = state
        self._subjects.setdefault(state.parts.subject_key, {})[state.key] = state
        by_kind = self._with_kind if state.parts.kind else self._kindless
        by_kind.setdefault(_key_without_kind(state.parts), {})[state.key] = state
        # a single-site happening's series is the event's wherever it is placed (keys.SINGLE_SITE_KINDS)
        by_kind.setdefault(_key_without_kind(state.parts, place=False), {})[state.key] = state

    def track(self, observation: Observation) -> TrackResult:
        """Apply one claim to its series, and look for conflicts if it became the series' value.

        A claim credited to no one joins the series `continued_series` finds, or none. A value the
        count had before, recalled beside the current one ("down to 104 from 120"), is no news: the
        series had it when it was current, and the item's current value follows it.
        """
        if observation.earlier or observation.projected:
            return TrackResult()
        if observation.parts.source == UNATTRIBUTED:
            continued = self.continued_series(observation)
            if continued is None:
                return TrackResult(unattributed=True)
            observation = Observation(parts=continued.parts, point=observation.point)
        ministry = self._ministry_speaking_for(observation) or self._agency_speaking_for(observation)
        if ministry is not None:
            observation = Observation(parts=ministry.parts, point=observation.point)
        described = (
            self._office_unnamed(observation)
            or self._body_described(observation)
            or self._speaker_by_surname(observation)
            or self._acronym_of_a_name(observation)
        )
        if described is not None:
            observation = Observation(parts=described.parts, point=observation.point)
        if observation.parts.series_key not in self._series:
            other = self._series_of_the_other_kind(observation) or self._series_of_the_same_place(observation)
            if other is not None:
                observation = Observation(parts=other.parts, point=observation.point)
        state = self._series.get(observation.parts.series_key)
        opened = state is None
        if state is None:
            state = SeriesState(parts=observation.parts)
        if state.has_seen(observation.point.claim_id):
            return TrackResult()
        events = apply(state, observation)
        if opened:
            self.put(state)
        if state.current is observation.point:
            peers = self._subjects[state.parts.subject_key].values()
            restated = next((event.previous for event in events if event.kind == "value_restated"), None)
            events.extend(find_conflicts(state, peers, compared_since=restated))
        return TrackResult(events=events, changed=state)

    def _ministry_speaking_for(self, observation: Observation) -> SeriesState | None:
        """The series a country's government's figure belongs to when one of that country's
        ministries keeps the subject's count: "the Syrian government said" relays the count its
        health ministry keeps. With two ministries keeping it, neither."""
        source = observation.parts.source
        if not (source.startswith("gov:") and source.endswith(":government")):
            return None
        country_prefix = source.removesuffix("government")
        peers = self._subjects.get(observation.parts.subject_key, {}).values()
        ministries = [
            peer
            for peer in peers
            if peer.parts.source.startswith(country_prefix) and peer.parts.source != source
        ]
        return ministries[0] if len(ministries) == 1 else None

    def _agency_speaking_for(self, observation: Observation) -> SeriesState | None:
        """The series a body's figure belongs to when one of its listed agencies keeps the
        subject's count: "the United Nations said" relays the count its refugee agency keeps. With
        two of its agencies keeping it, neither."""
        agencies = agency_ids(observation.parts.source)
        if not agencies:
            return None
        peers = self._subjects.get(observation.parts.subject_key, {}).values()
        kept = [peer for peer in peers if peer.parts.source in agencies]
        return kept[0] if len(kept) == 1 else None

    def _office_unnamed(self, observation: Observation) -> SeriesState | None:
        """The series of the one office of a kind keeping the subject's count, for a mention that
        does not tell which: "the ministry said" in an item that names no ministry, "the sheriff
        said" in one that names several counties. With two such offices, neither."""
        suffix = _NAMED_OFFICE_SUFFIX.get(observation.parts.source)
        if suffix is None or observation.parts.series_key in self._series:
            return None
        peers = self._subjects.get(observation.parts.subject_key, {}).values()
        offices = [peer for peer in peers if peer.parts.source.endswith(suffix)]
        return offices[0] if len(offices) == 1 else None

    def _body_described(self, observation: Observation) -> SeriesState | None:
        """The series of the one unlisted body of the subject that a later item describes by a
        generic noun and the words of its name, or by fewer of its words: "the doctors' group" is
        the "Sudan Doctors Network" an earlier item named, "the State Patrol" the "Oregon State
        Patrol". With two such bodies, neither."""
        source = observation.parts.source
        if observation.parts.series_key in self._series or not source.startswith(UNLISTED_PREFIX):
            return None
        peers = self._subjects.get(observation.parts.subject_key, {}).values()
        words = source.removeprefix(UNLISTED_PREFIX).split()
        members = {word for word in words if word not in GENERIC_BODY_NOUNS}
        described = len(members) < len(words)  # "the doctors' group": a generic noun and name words
        if not members or (
            not described and len(words) < 2 and words[0] not in BODY_HEADS and words[0] not in SPEAKER_ROLES
        ):
            # a bare "the group", or one word that may be a name of its own; "the commission", a
            # body's head word alone, or "the coroner('s office)", an office holder alone, is the
            # one unlisted body of the subject whose name holds it
            return None
        named = [
            peer
            for peer in peers
            if peer.parts.source.startswith(UNLISTED_PREFIX)
            and peer.parts.source != source
            # the words of a peer's name; without a generic noun, fewer of them: "the State Patrol"
            # is the "Oregon State Patrol" an earlier item named
            and _words_of(members, peer.parts.source, fewer=not described)
        ]
        if not named:
            # "the risk management agency" is the "National Secretariat for Risk Management" an
            # earlier item named: the same remit under another administrative head
            remit = remit_of(source.removeprefix(UNLISTED_PREFIX))
            named = [
                peer
                for peer in peers
                if remit
                and peer.parts.source.startswith(UNLISTED_PREFIX)
                and peer.parts.source != source
                and remit_of(peer.parts.source.removeprefix(UNLISTED_PREFIX)) == remit
            ]
        return named[0] if len(named) == 1 else None

    def _speaker_by_surname(self, observation: Observation) -> SeriesState | None:
        """The series of the subject whose figures an earlier item credited to a person named in
        full ("Health Minister Elira Dosti"), for a later item that names them by surname alone
        ("Dosti said"), which identity cannot tell from a one-word body's name, or keys as a person
        with no given name (`person:dst` after `person:e dst`). With two such series, neither."""
        source = observation.parts.source
        surname = source.removeprefix(UNLISTED_PREFIX).removeprefix(PERSON_PREFIX)
        if observation.parts.series_key in self._series or surname == source or " " in surname:
            return None
        peers = self._subjects.get(observation.parts.subject_key, {}).values()
        if source.startswith(PERSON_PREFIX):
            named = [peer for peer in peers if _person_of_surname(peer.parts.source, surname)]
        else:
            named = [
                peer
                for peer in peers
                if peer.parts.source != source
                and any(_full_name_ending_in(point.wording, surname) for point in peer.history)
            ]
        return named[0] if len(named) == 1 else None

    def _acronym_of_a_name(self, observation: Observation) -> SeriesState | None:
        """The series of the subject that an earlier item credited to a body the data file does not
        list, for a later item that names it by its initials, or the other way round: "the NUG"
        is the "National Unity Government" named before. With two such series, neither."""
        source = observation.parts.source
        if observation.parts.series_key in self._series:
            return None
        peers = self._subjects.get(observation.parts.subject_key, {}).values()
        if source.startswith(ACRONYM_PREFIX):
            letters = source.removeprefix(ACRONYM_PREFIX)
            named = [
                peer
                for peer in peers
                if peer.parts.source.startswith(UNLISTED_PREFIX)
                and any(_initials(point.wording) == letters for point in peer.history)
            ]
        elif (
            source.startswith(UNLISTED_PREFIX)
            and len(_initials(observation.point.wording)) >= ACRONYM_LETTERS
        ):
            letters = _initials(observation.point.wording)
            named = [peer for peer in peers if peer.parts.source == f"{ACRONYM_PREFIX}{letters}"]
        else:
            return None
        return named[0] if len(named) == 1 else None

    def _series_of_the_other_kind(self, observation: Observation) -> SeriesState | None:
        """For a figure whose item names no kind of happening, the one series of the same source,
        subject and place whose items named one ("the toll rose to 43, the ministry said": a
        follow-up report names the event by its place and toll alone); for a figure whose item
        names a kind no series of it has yet, the one such series whose first item named none (the
        follow-up came first). That series' value must be at most EVENT_GAP older. With two such
        series (a quake's and a flood's), neither."""
        point = observation.point
        parts = observation.parts
        others = self._kindless if parts.kind else self._with_kind
        found = dict(others.get(_key_without_kind(parts), {}))
        for state in others.get(_key_without_kind(parts, place=False), {}).values():
            if SINGLE_SITE_KINDS.intersection((parts.kind, state.parts.kind)):
                found[state.key] = state  # "recovered 21 bodies in Ikoyi" after "the Lagos collapse"
        candidates = [
            state
            for state in found.values()
            if state.current is not None
            and timedelta(0) <= point.published_at - state.current.published_at <= EVENT_GAP
        ]
        return candidates[0] if len(candidates) == 1 else None

    def _series_of_the_same_place(self, observation: Observation) -> SeriesState | None:
        """The one series of the same source, subject and kind whose place is written the other
        way: a city's figure is keyed as the event's ("") in an item whose event is the city's and
        by the city's id in an item whose event is the country's, and both are that city's count
        (the organisers' Lisbon march in two reports). Matched by the place the last value was
        resolved to, or by the figure itself when the same source gives the same figure for the
        event and for its town (a flood's toll "in the city of Derna" and, a report later, "2,000
        dead": the city is most of the event), at most EVENT_GAP older."""
        parts, point = observation.parts, observation.point
        if point.place_name is None:
            return None
        key = _key_without_kind(parts, place=False)
        candidates = [
            state
            for index in (self._with_kind, self._kindless)
            for state in index.get(key, {}).values()
            if state.parts.kind == parts.kind
            and _event_and_its_town(state.parts.place, parts.place)
            and state.current is not None
            and (state.current.place_name == point.place_name or state.current.same_figure(point))
            and timedelta(0) <= point.published_at - state.current.published_at <= EVENT_GAP
        ]
        return candidates[0] if len(candidates) == 1 else None

    def continued_series(self, observation: Observation) -> SeriesState | None:
        """The series a figure credited to no one continues: among the subject's series kept by a
        named body (not "officials" or "police") whose current value is at most EVENT_GAP older
        than the figure, the one with the most values when it has more than twice as many as the
        next, if the figure reads as its next value. A report that gives a toll without its source
        most often relays the body keeping the running count; with two such bodies of like weight
        it could be either's, and it joins neither, unless it is exactly the figure one of them
        gave last.
        """
        point = observation.point
        peers = self._subjects.get(observation.parts.subject_key, {}).values()
        for peer in peers:
            if peer.has_seen(point.claim_id):
                return peer  # a replay: the series it joined the first time
        candidates = [
            peer
            for peer in peers
            if peer.current is not None
            and _names_a_body(peer.parts.source)
            and timedelta(0) <= point.published_at - peer.current.published_at <= EVENT_GAP
        ]
        repeating = [
            peer for peer in candidates if peer.current is not None and peer.current.same_figure(point)
        ]
        if len(repeating) == 1:
            # The exact figure one named body gave last: that body's figure, repeated.
            return repeating[0]
        candidates.sort(key=lambda peer: len(peer.history), reverse=True)
        if len(candidates) > 1 and len(candidates[1].history) * 2 > len(candidates[0].history):
            return None
        if not candidates or not _plausible_continuation(candidates[0], point):
            return None
        return candidates[0]


# A town's or a region's place id ("gn:2267057", "iso:PT-13", "name:us:sonora"), not a scope that
# names part of the event some other way ("held-areas", "area-of:...", "year-to-date").
_TOWN_OR_REGION_ID = re.compile(r"gn:|iso:[A-Z]{2}-|name:")


def _event_and_its_town(first: str, second: str) -> bool:
    """Whether one place part is the event's ("") and the other a town's or a region's id."""
    town = first or second
    return "" in (first, second) and town != "" and _TOWN_OR_REGION_ID.match(town) is not None


def _key_without_kind(parts: SeriesParts, *, place: bool = True) -> str:
    kept = (parts.country, parts.category, parts.counted, parts.place if place else "*", parts.source)
    return KEY_SEPARATOR.join(kept)


def _names_a_body(source: str) -> bool:
    """A source that names one body that keeps a count: not a generic word ("officials", "district
    police"), a person speaking for no body the item names, nor a news outlet (another outlet's
    figure credited to no one is not that outlet's)."""
    return not source.startswith(("generic:", PERSON_PREFIX)) and not is_news_outlet(source)


def _plausible_continuation(state: SeriesState, point: Point) -> bool:
    """Whether a figure credited to no one reads as the next value of `state`: the same figure, or
    for a running total of people a rise of at most MAX_UNATTRIBUTED_RISE. A lower figure is most
    often a part of the total (one province's, one day's), a much higher one another count."""
    current = state.current
    if current is None:
        return False
    if point.same_figure(current):
        return True
    if not state.parts.cumulative or state.parts.category not in CUMULATIVE_CATEGORIES:
        return False
    return current.level <= point.level <= current.level * MAX_UNATTRIBUTED_RISE


def _person_of_surname(source: str, skeleton: str) -> bool:
    """Whether a source is a person keyed with a given name's initial and the surname `skeleton`."""
    return source.startswith(PERSON_PREFIX) and source.endswith(f" {skeleton}")


def _full_name_ending_in(wording: str | None, surname: str) -> bool:
    """Whether a source as written is a person's name in two or more words whose last word is
    `surname` (an unlisted name's key): "Health Minister Elira Dosti" for "dosti"."""
    if wording is None:
        return False
    name = personal_name(wording.split())
    return name is not None and len(name) >= 2 and unlisted_name_key(name[-1]) == surname


# The fewest letters initials have to stand for a name ("the NUG").
ACRONYM_LETTERS = 2


def _initials(wording: str | None) -> str:
    """The lower-case initials of a name as written ("The shadow National Unity Government" ->
    "nug"), or "" when it has fewer than two capitalised words."""
    letters = capital_initials(wording or "")
    return letters.lower() if len(letters) >= ACRONYM_LETTERS else ""


def _words_of(members: set[str], peer_source: str, *, fewer: bool) -> bool:
    peer_words = set(peer_source.removeprefix(UNLISTED_PREFIX).split())
    return members < peer_words if fewer else members <= peer_words
