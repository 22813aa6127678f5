"""Feeding the explorer's view from topic records: which topic means what, and a thread that keeps up.

Pure of Kafka: the records come from any `RecordSource` (in production `worker.kafka.follow.
TopicFollower`). A record the view cannot read is counted and reported with its topic, partition,
offset and item id; it never stops the feed, and the feed never stops the process it runs in.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from worker.explore.view import ExploreInputError, ExplorerView
from worker.records import InputRecord
from worker.runtime.logging import get_logger, record_context

POLL_SECONDS = 1.0
RETRY_SECONDS = 5.0


class RecordSource(Protocol):
    def poll(self, timeout_seconds: float) -> list[InputRecord]: ...

    def caught_up(self) -> bool: ...

    def close(self) -> None: ...


class RecordErrorHandler(Protocol):
    def __call__(self, record: InputRecord, reason: str) -> None: ...


@dataclass(slots=True, frozen=True)
class ExplorerTopics:
    """The topics the view is folded from; the changelog is optional (it adds late arrivals)."""

    claims: str
    tracked: str
    changelog: str | None = None

    def names(self) -> tuple[str, ...]:
        return tuple(t for t in (self.claims, self.tracked, self.changelog) if t)


def fold_record(
    view: ExplorerView, topics: ExplorerTopics, record: InputRecord, on_error: RecordErrorHandler
) -> None:
    """Fold one record by its topic; an unreadable one goes to `on_error` and is counted."""
    try:
        if record.topic == topics.changelog:
            if record.value is None:
                view.remove_series((record.key or b"").decode("utf-8", "replace"))
                return
            view.add_state(_object(record.value))
        elif record.topic == topics.tracked:
            view.add_tracked(_object(record.value))
        elif record.topic == topics.claims:
            view.add_claim(_object(record.value))
    except (ValueError, RecursionError) as exc:  # JSON, UTF-8 and ExploreInputError are ValueErrors
        view.reject()
        on_error(record, str(exc)[:300])


def _object(value: bytes | None) -> dict[str, object]:
    parsed = json.loads(value or b"")
    if not isinstance(parsed, dict):
        raise ExploreInputError("not a JSON object")
    return parsed


def log_record_error(record: InputRecord, reason: str) -> None:
    """The default place for an unreadable record: an error line naming it."""
    get_logger("explorer").error(
        "explorer_record_unreadable",
        error=reason,
        **record_context(record.topic, record.partition, record.offset, _item_id(record)),
    )


def _item_id(record: InputRecord) -> str | None:
    try:
        parsed = json.loads(record.value or b"")
    except ValueError:
        return None
    item_id = parsed.get("item_id") if isinstance(parsed, dict) else None
    return item_id if isinstance(item_id, str) else None


class ExplorerFeed:
    """A daemon thread that folds a source's records into the view until `stop()`.

    A failing source (a broker away) is logged, closed and opened again after RETRY_SECONDS: the
    explorer is a side view and must never take down the tracker that serves it.
    """

    def __init__(
        self,
        open_source: Callable[[], RecordSource],
        view: ExplorerView,
        topics: ExplorerTopics,
        on_error: RecordErrorHandler = log_record_error,
    ) -> None:
        self.view = view
        self.topics = topics
        self.caught_up = threading.Event()
        self._open_source = open_source
        self._on_error = on_error
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="claimwire-explorer", daemon=True)
        self._log = get_logger("explorer")

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout_seconds: float = 5.0) -> None:
        self._stop.set()
        if self._thread.ident is not None:  # started
            self._thread.join(timeout=timeout_seconds)

    def _run(self) -> None:
        while not self._stop.is_set():
            source: RecordSource | None = None
            try:
                source = self._open_source()
                while not self._stop.is_set():
                    for record in source.poll(POLL_SECONDS):
                        fold_record(self.view, self.topics, record, self._on_error)
                    if not self.caught_up.is_set() and source.caught_up():
                        self.caught_up.set()
                        self._log.info("explorer_caught_up", series=len(self.view))
            except Exception as exc:  # the side view must never stop its host (see class docstring)
                if self._stop.is_set():
                    break  # the host is shutting down: a connection cut short is no failure to report
                self._log.error("explorer_feed_failed", error=str(exc)[:300], retry_seconds=RETRY_SECONDS)
                self._stop.wait(RETRY_SECONDS)
            finally:
                if source is not None:
                    source.close()
