"""Archive files as a replay source: the items `claimwire extract` reads, resumable after any item.

Reading and decoding is `worker.ingest.files`; this adds the lanes (one per file), the resume
mark a checkpoint records, the per-file counts of a dry run, and the step that hands each item to
the worker's own record processor, so a file item is extracted and serialised as a topic record is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from worker.deadletter import dead_letter_headers
from worker.ingest.errors import ItemDecodeError
from worker.ingest.files import ItemLocation, ReadItem, expand_inputs, read_items
from worker.records import InputRecord, OutgoingMessage
from worker.replay.checkpoint import Checkpoint, CheckpointError, FileMark
from worker.replay.engine import Outcome, SourceItem
from worker.runtime.processor import RecordProcessor

FILES_SOURCE = "files"


class FileSource:
    """Items of files and directories, in the order `claimwire extract` reads them."""

    def __init__(self, paths: Sequence[str], *, resume: Checkpoint | None = None) -> None:
        self._paths = list(paths)
        self._files = expand_inputs(self._paths)
        mark = resume.last_file_item if resume is not None else None
        self._after = ItemLocation(mark.path, mark.line, mark.index) if mark is not None else None
        if self._after is not None and self._after.path not in self._files:
            raise CheckpointError(
                f"the checkpoint resumes after {self._after}, but {self._after.path} is not among the inputs "
                "(give the same --files, spelled the same way)"
            )
        self._last_done: ItemLocation | None = self._after

    @property
    def resumes_after(self) -> ItemLocation | None:
        return self._after

    def lanes(self) -> dict[str, int | None]:
        """One lane per file still to read; how many items each holds is only known by reading it."""
        files = self._files
        if self._after is not None:
            files = files[files.index(self._after.path) :]
        return dict.fromkeys(files)

    def items(self) -> Iterator[SourceItem[ReadItem]]:
        for read in read_items(self._paths, after=self._after):
            yield SourceItem(read.location.path, read)

    def mark_done(self, item: SourceItem[ReadItem]) -> None:
        self._last_done = item.payload.location

    def save_into(self, checkpoint: Checkpoint) -> None:
        done = self._last_done
        checkpoint.last_file_item = (
            None if done is None else FileMark(path=done.path, line=done.line, index=done.index)
        )

    def count(self) -> dict[str, int]:
        """Per file, how many items a replay would read from here (decodable or not): the dry run."""
        counts: Counter[str] = Counter(dict.fromkeys(self.lanes(), 0))
        for item in self.items():
            counts[item.lane] += 1
        return dict(counts)


def file_record(location: ItemLocation, value: bytes) -> InputRecord:
    """A file item dressed as an input record: its provenance headers then name the file and line.

    The "topic" is `file:<path>` and the "offset" the 1-based line (or the index in a JSON array),
    so a dead letter or a claim's headers lead an operator back to the exact place in the archive.
    """
    offset = location.index if location.index is not None else (location.line or 0)
    return InputRecord(topic=f"file:{location.path}", partition=0, offset=offset, key=None, value=value)


class FileItemProcessor:
    """Runs file items through the worker's `RecordProcessor`, the one decode-extract-publish path."""

    __slots__ = ("_processor",)

    def __init__(self, processor: RecordProcessor) -> None:
        self._processor = processor

    def __call__(self, read: ReadItem) -> Outcome[OutgoingMessage]:
        if isinstance(read.result, ItemDecodeError):
            return Outcome([self._undecodable(read.location, read.result)], claims=0, dead_lettered=1)
        # The ingest reader already decoded the item (envelope, ninjs or text); its canonical JSON is
        # what the live worker would have consumed for it, and decodes back to the same item.
        value = read.result.model_dump_json().encode("utf-8")
        processed = self._processor.process(file_record(read.location, value))
        return Outcome(
            processed.messages, claims=len(processed.events), dead_lettered=int(processed.dead_lettered)
        )

    def _undecodable(self, location: ItemLocation, error: ItemDecodeError) -> OutgoingMessage:
        record = file_record(location, b"")
        headers = dead_letter_headers(
            (),
            reason=error.reason,
            error=error,
            topic=record.topic,
            partition=record.partition,
            offset=record.offset,
            timestamp_ms=record.timestamp_ms,
            item_id=error.item_id,
            worker_version=self._processor.worker_version,
        )
        return OutgoingMessage(self._processor.dlq_topic, None, b"", headers)
