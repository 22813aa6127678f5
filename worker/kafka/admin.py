"""Create the topics claimwire needs, on clusters that (rightly) do not create topics on first use.

Creating is idempotent: a topic that already exists is reported as such, not treated as an error,
so `claimwire topics create` can run before every deployment. An existing topic is compared with
what was asked for (partitions, and each topic config asked for: cleanup policy, retention) and the
differences are reported; nothing existing is changed.

`require_topics` is the start-up check of the commands that read or write topics: a missing topic
is named, with the command that creates it, instead of the client waiting for it to appear.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from kafka import KafkaAdminClient
from kafka.admin import ConfigResource, ConfigResourceType, ScramMechanism, UserScramCredentialUpsertion
from kafka.errors import (
    KafkaConfigurationError,
    KafkaError,
    NoError,
    TopicAlreadyExistsError,
    TopicAuthorizationFailedError,
    UnknownTopicOrPartitionError,
    for_code,
)

from worker.kafka.clientlogs import client_logs_quiet
from worker.kafka.config import connection_kwargs
from worker.kafka.errors import (
    BrokerUnreachableError,
    KafkaAdapterError,
    MissingTopicError,
    TopicNotAuthorizedError,
)
from worker.kafka.security import refused_or_unreachable, sasl_exchanges
from worker.settings import KafkaConnectionSettings, WorkerSettings

BACKFILL_TOPIC = "claims.backfill"
COMPACTED = {"cleanup.policy": "compact"}
DELETED_WHEN_OLD = {"cleanup.policy": "delete"}
DEFAULT_TIMEOUT_S = 30.0
CHECK_ATTEMPT_S = 5.0
MIN_ATTEMPT_S = 1.0


class TopicCreationError(KafkaAdapterError):
    """The broker refused to create one or more topics (other than because they exist)."""


class ScramUserError(KafkaAdapterError):
    """The broker refused SCRAM users, or could not be asked to create them."""


@dataclass(frozen=True, slots=True)
class TopicSpec:
    """One topic to create: its name, size and topic-level configs."""

    name: str
    partitions: int = 1
    replication_factor: int = 1
    configs: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CreateReport:
    """Which of the requested topics were created now, which were there already, and how those differ.

    `differences` maps an existing topic to one line per setting that is not what was asked for.
    """

    created: tuple[str, ...]
    existing: tuple[str, ...]
    differences: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def claimwire_topics(  # noqa: PLR0913  topic names passed in by the command, so kafka imports no tracker
    settings: WorkerSettings,
    partitions: int,
    replication_factor: int,
    *,
    tracked_topic: str,
    changelog_topic: str,
    retention_ms: int | None = None,
) -> list[TopicSpec]:
    """Every topic of a claimwire deployment, named as the worker's and the tracker's settings name them.

    The tracker's two topics come in as names (from `TrackerSettings`), so this adapter does not
    depend on the tracker.

    All get the same partition count: the tracker's changelog needs one partition per partition of
    the claim events it tracks. The event topics delete old records (after `retention_ms` when
    given, else the broker's default); the changelog is compacted and keeps every series' latest state.
    """
    events = dict(DELETED_WHEN_OLD)
    if retention_ms is not None:
        events["retention.ms"] = str(retention_ms)

    def spec(name: str, configs: Mapping[str, str]) -> TopicSpec:
        return TopicSpec(name, partitions, replication_factor, dict(configs))

    return [
        spec(settings.input_topic, events),
        spec(settings.output_topic, events),
        spec(settings.dlq_topic, events),
        spec(tracked_topic, events),
        spec(BACKFILL_TOPIC, events),
        # The tracker's state: only the latest record per series key matters.
        spec(changelog_topic, COMPACTED),
    ]


def _admin(connection: KafkaConnectionSettings, timeout_s: float) -> KafkaAdminClient:
    timeout_ms = int(timeout_s * 1000)
    kwargs = connection_kwargs(connection)
    kwargs["request_timeout_ms"] = timeout_ms
    before = sasl_exchanges().snapshot()
    try:
        return KafkaAdminClient(**kwargs, bootstrap_timeout_ms=timeout_ms)
    except KafkaError as error:
        raise refused_or_unreachable(connection, error, before) from error


def require_topics(
    connection: KafkaConnectionSettings, topics: Sequence[str], *, timeout_s: float = DEFAULT_TIMEOUT_S
) -> None:
    """Raise MissingTopicError naming every one of `topics` the cluster does not have.

    Also the first contact with the cluster: AuthenticationFailedError for refused credentials,
    TopicNotAuthorizedError for topics the principal may not describe, BrokerUnreachableError when
    no broker answers within `timeout_s`.
    """
    # Short attempts until the deadline: refused credentials end the wait after the first one
    # (the client itself would retry them until its timeout), an absent broker only at the deadline.
    deadline = time.monotonic() + timeout_s
    while True:
        attempt_s = max(min(CHECK_ATTEMPT_S, deadline - time.monotonic()), MIN_ATTEMPT_S)
        try:
            with client_logs_quiet():
                errors = _topic_errors(connection, list(dict.fromkeys(topics)), attempt_s)
            break
        except BrokerUnreachableError:
            if time.monotonic() >= deadline:
                raise
    denied = [topic for topic, error in errors.items() if issubclass(error, TopicAuthorizationFailedError)]
    if denied:
        raise TopicNotAuthorizedError(denied, connection.sasl_plain_username or connection.client_id)
    missing = [topic for topic, error in errors.items() if error is not NoError]
    if missing:
        raise MissingTopicError(missing)


def _topic_errors(
    connection: KafkaConnectionSettings, topics: list[str], timeout_s: float
) -> dict[str, type[Exception]]:
    """Each topic's metadata error class (NoError when it exists and may be described)."""
    admin = _admin(connection, timeout_s)
    try:
        described = admin.describe_topics(topics)
    except KafkaError as error:
        raise BrokerUnreachableError(
            f"describing topics on {connection.bootstrap_servers} failed: {error}"
        ) from error
    finally:
        admin.close()
    found: dict[str, type[Exception]] = {topic["name"]: for_code(topic["error_code"]) for topic in described}
    return {topic: found.get(topic, UnknownTopicOrPartitionError) for topic in topics}


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
        differences = _differences(admin, [spec for spec in specs if spec.name in existing])
    except KafkaError as error:
        raise BrokerUnreachableError(
            f"creating topics on {connection.bootstrap_servers} failed: {error}"
        ) from error
    finally:
        admin.close()
    return CreateReport(created=tuple(created), existing=tuple(existing), differences=differences)


def _differences(admin: KafkaAdminClient, specs: Sequence[TopicSpec]) -> dict[str, tuple[str, ...]]:
    """Per existing topic, how its partition count and the configs asked for differ from the spec."""
    if not specs:
        return {}
    partitions = {
        topic["name"]: len(topic["partitions"])
        for topic in admin.describe_topics([spec.name for spec in specs])
        if topic["error_code"] == 0
    }
    resources = [ConfigResource(ConfigResourceType.TOPIC, spec.name, list(spec.configs)) for spec in specs]
    described = admin.describe_configs(resources, config_filter="all").get("topic", {})
    differences: dict[str, tuple[str, ...]] = {}
    for spec in specs:
        lines: list[str] = []
        if partitions.get(spec.name) != spec.partitions:
            lines.append(f"has {partitions.get(spec.name)} partitions, wanted {spec.partitions}")
        configs = described.get(spec.name, {})
        for key, wanted in spec.configs.items():
            actual = configs.get(key, {}).get("value")
            if actual != wanted:
                lines.append(f"{key} is {actual}, wanted {wanted}")
        if lines:
            differences[spec.name] = tuple(lines)
    return differences


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


def upsert_scram_users(bootstrap: str, users: Mapping[str, str], timeout_s: float = 30.0) -> None:
    """Create (or reset) SCRAM-SHA-256 and -512 credentials, as `kafka-configs --alter --add-config` does."""
    if not users:
        return
    timeout_ms = int(timeout_s * 1000)
    admin = KafkaAdminClient(
        bootstrap_servers=bootstrap,
        client_id="claimwire-dev-broker-users",
        request_timeout_ms=timeout_ms,
        bootstrap_timeout_ms=timeout_ms,
    )
    try:
        # The broker takes one alteration per user and request, so one request per mechanism.
        for mechanism in (ScramMechanism.SCRAM_SHA_256, ScramMechanism.SCRAM_SHA_512):
            answers = admin.alter_user_scram_credentials(
                [UserScramCredentialUpsertion(name, mechanism, password) for name, password in users.items()]
            )
            refused = {name: message for name, message in answers.items() if message}
            if refused:
                raise ScramUserError(f"the broker refused SCRAM users: {refused}")
    except KafkaError as error:
        raise ScramUserError(f"creating SCRAM users {sorted(users)} failed: {error}") from error
    finally:
        admin.close()


def broker_answers(bootstrap: str, timeout_s: float = 5.0) -> bool:
    """True when the broker accepts a connection and answers a metadata request."""
    host, _, port = bootstrap.rpartition(":")
    try:
        with socket.create_connection((host, int(port)), timeout=timeout_s):
            pass
    except OSError:
        return False
    timeout_ms = int(timeout_s * 1000)
    try:
        admin = KafkaAdminClient(
            bootstrap_servers=bootstrap,
            client_id="claimwire-dev-broker-probe",
            request_timeout_ms=timeout_ms,
            bootstrap_timeout_ms=timeout_ms,
        )
    except KafkaConfigurationError:
        raise
    except KafkaError:
        return False
    try:
        admin.list_topics()
    except KafkaError:
        return False
    finally:
        admin.close()
    return True
