"""Create the topics claimwire needs, on clusters that (rightly) do not create topics on first use.

Creating is idempotent: a topic that already exists is reported as such, not treated as an error,
so `claimwire topics create` can run before every deployment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from kafka import KafkaAdminClient
from kafka.errors import KafkaError, TopicAlreadyExistsError, for_code

from worker.kafka.config import connection_kwargs
from worker.kafka.errors import BrokerUnreachableError, KafkaAdapterError
from worker.settings import KafkaConnectionSettings, WorkerSettings
from worker.track.settings import TrackerSettings

BACKFILL_TOPIC = "claims.backfill"
COMPACTED = {"cleanup.policy": "compact"}
DEFAULT_TIMEOUT_S = 30.0


class TopicCreationError(KafkaAdapterError):
    """The broker refused to create one or more topics (other than because they exist)."""


@dataclass(frozen=True, slots=True)
class TopicSpec:
    """One topic to create: its name, size and topic-level configs."""

    name: str
    partitions: int = 1
    replication_factor: int = 1
    configs: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CreateReport:
    """Which of the requested topics were created now and which were there already."""

    created: tuple[str, ...]
    existing: tuple[str, ...]


def claimwire_topics(
    settings: WorkerSettings,
    partitions: int,
    replication_factor: int,
    *,
    tracker: TrackerSettings | None = None,
) -> list[TopicSpec]:
    """Every topic of a claimwire deployment, named as the worker's and the tracker's settings name them.

    All get the same partition count: the tracker's changelog needs one partition per partition of
    the claim events it tracks.
    """
    tracker = tracker if tracker is not None else TrackerSettings()

    def spec(name: str, configs: Mapping[str, str] | None = None) -> TopicSpec:
        return TopicSpec(name, partitions, replication_factor, dict(configs or {}))

    return [
        spec(settings.input_topic),
        spec(settings.output_topic),
        spec(settings.dlq_topic),
        spec(tracker.output_topic),
        spec(BACKFILL_TOPIC),
        # The tracker's state: only the latest record per series key matters.
        spec(tracker.changelog_topic, COMPACTED),
    ]


def _admin(connection: KafkaConnectionSettings, timeout_s: float) -> KafkaAdminClient:
    timeout_ms = int(timeout_s * 1000)
    kwargs = connection_kwargs(connection)
    kwargs["request_timeout_ms"] = timeout_ms
    try:
        return KafkaAdminClient(**kwargs, bootstrap_timeout_ms=timeout_ms)
    except KafkaError as error:
        raise BrokerUnreachableError(
            f"cannot reach the brokers at {connection.bootstrap_servers}: {error}"
        ) from error


def create_topics(
    connection: KafkaConnectionSettings,
    specs: Sequence[TopicSpec],
    *,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> CreateReport:
    """Create the topics that do not exist yet and wait until every one of them has a leader."""
    admin = _admin(connection, timeout_s)
    try:
        request = {
            spec.name: {
                "num_partitions": spec.partitions,
                "replication_factor": spec.replication_factor,
                "configs": dict(spec.configs),
            }
            for spec in specs
        }
        response = admin.create_topics(request, timeout_ms=int(timeout_s * 1000), raise_errors=False)
        created: list[str] = []
        existing: list[str] = []
        refused: list[str] = []
        for topic in response["topics"]:
            error_type = for_code(topic["error_code"])
            if topic["error_code"] == 0:
                created.append(topic["name"])
            elif error_type is TopicAlreadyExistsError:
                existing.append(topic["name"])
            else:
                detail = topic.get("error_message") or error_type.__name__
                refused.append(f"{topic['name']}: {detail}")
        if refused:
            raise TopicCreationError("the broker refused to create topics:\n  " + "\n  ".join(refused))
        admin.wait_for_topics([spec.name for spec in specs], timeout_ms=int(timeout_s * 1000))
    except KafkaError as error:
        raise BrokerUnreachableError(
            f"creating topics on {connection.bootstrap_servers} failed: {error}"
        ) from error
    finally:
        admin.close()
    return CreateReport(created=tuple(created), existing=tuple(existing))


def list_topics(connection: KafkaConnectionSettings, *, timeout_s: float = DEFAULT_TIMEOUT_S) -> list[str]:
    """Names of the topics on the cluster (internal ones included)."""
    admin = _admin(connection, timeout_s)
    try:
        names: list[str] = admin.list_topics()
    except KafkaError as error:
        raise BrokerUnreachableError(
            f"listing topics on {connection.bootstrap_servers} failed: {error}"
        ) from error
    finally:
        admin.close()
    return sorted(names)
