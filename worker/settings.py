"""Settings read once at start from `CLAIMWIRE_*` environment variables and command-line overrides.

`KafkaConnectionSettings` is how to reach the cluster (shared by the worker, tracker and replay
tools); `WorkerSettings` adds what the worker does with it. Every setting and its default is listed
in docs/configuration.md. Secrets are `SecretStr`, so they print as '**********'.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from worker.limits import (
    DEFAULT_EVIDENCE_CONTEXT_CHARS,
    DEFAULT_MAX_ITEM_BYTES,
    DEFAULT_MAX_JSON_DEPTH,
    DEFAULT_MAX_NUMBER_CHARS,
    DEFAULT_MAX_NUMBERS_PER_SENTENCE,
    DEFAULT_MAX_SENTENCE_CHARS,
    ItemLimits,
)

ENV_PREFIX = "CLAIMWIRE_"
MAX_EXTRACT_PROCESSES = 64

SecurityProtocol = Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]
SaslMechanism = Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "GSSAPI", "OAUTHBEARER"]
LogFormat = Literal["auto", "json", "console"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR"]


S = TypeVar("S", bound="KafkaConnectionSettings")


class SettingsError(ValueError):
    """Settings that fail validation, with one readable line per problem."""


class KafkaConnectionSettings(BaseSettings):
    """How to reach the Kafka cluster, including TLS and SASL."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore", frozen=True)

    bootstrap_servers: str = Field(
        default="127.0.0.1:9092", description="Comma-separated host:port list of brokers to bootstrap from."
    )
    client_id: str = Field(
        default="claimwire", description="Client id the brokers see in their logs and quotas."
    )
    security_protocol: SecurityProtocol = "PLAINTEXT"
    sasl_mechanism: SaslMechanism | None = None
    sasl_plain_username: str | None = None
    sasl_plain_password: SecretStr | None = None
    ssl_cafile: Path | None = None
    ssl_certfile: Path | None = None
    ssl_keyfile: Path | None = None
    ssl_password: SecretStr | None = Field(default=None, description="Password of the SSL private key file.")
    ssl_check_hostname: bool = True
    request_timeout_ms: int = Field(default=30_000, ge=1_000)

    @field_validator("bootstrap_servers")
    @classmethod
    def _servers_are_host_port(cls, value: str) -> str:
        servers = [part.strip() for part in value.split(",") if part.strip()]
        if not servers:
            raise ValueError("needs at least one host:port")
        for server in servers:
            host, sep, port = server.rpartition(":")
            if not sep or not host or not port.isdigit():
                raise ValueError(f"{server!r} is not host:port")
        return ",".join(servers)

    @model_validator(mode="after")
    def _sasl_needs_credentials(self) -> KafkaConnectionSettings:
        uses_sasl = self.security_protocol.startswith("SASL_")
        if uses_sasl and self.sasl_mechanism is None:
            raise ValueError(f"security_protocol {self.security_protocol} needs sasl_mechanism")
        needs_password = self.sasl_mechanism in {"PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"}
        if (
            uses_sasl
            and needs_password
            and (not self.sasl_plain_username or self.sasl_plain_password is None)
        ):
            raise ValueError(f"sasl_mechanism {self.sasl_mechanism} needs sasl_plain_username and password")
        for name in ("ssl_cafile", "ssl_certfile", "ssl_keyfile"):
            path = getattr(self, name)
            if path is not None and not path.is_file():
                raise ValueError(f"{name} {path} is not a readable file")
        return self

    def connection(self) -> KafkaConnectionSettings:
        """Just the connection part (drops worker fields when called on a subclass)."""
        fields = {name: getattr(self, name) for name in KafkaConnectionSettings.model_fields}
        return KafkaConnectionSettings.model_construct(**fields)


class WorkerSettings(KafkaConnectionSettings):
    """Everything `claimwire worker` needs: the connection plus topics, limits and probes."""

    input_topic: str = Field(default="wire.raw", min_length=1)
    output_topic: str = Field(default="claims.extracted", min_length=1)
    dlq_topic: str = Field(default="wire.raw.dlq", min_length=1)
    group_id: str = Field(default="claimwire-worker", min_length=1)
    auto_offset_reset: Literal["earliest", "latest"] = Field(
        default="earliest", description="Where a group with no committed offset starts."
    )
    http_host: str = Field(default="0.0.0.0", description="Address the metrics and probe server binds.")
    http_port: int = Field(default=9400, ge=0, le=65535, description="0 binds an ephemeral port (logged).")
    shutdown_grace_seconds: float = Field(
        default=20.0, gt=0, description="Time to drain and commit on SIGTERM."
    )
    broker_unreachable_seconds: float = Field(
        default=60.0, gt=0, description="Exit non-zero when the broker cannot be reached for this long."
    )
    max_in_flight: int = Field(default=2_000, ge=1, description="Records consumed but not yet acknowledged.")
    max_poll_records: int = Field(default=500, ge=1)
    extract_processes: int | Literal["auto"] = Field(
        default="auto",
        description=(
            "Child processes that extract (0 = in the poll loop's own process); "
            "'auto' = one per usable CPU beyond the first."
        ),
    )
    session_timeout_ms: int = Field(
        default=45_000, ge=6_000, description="A worker silent this long is dropped from the group."
    )
    commit_interval_seconds: float = Field(default=1.0, gt=0)
    healthz_max_poll_age_seconds: float = Field(default=30.0, gt=0)
    log_level: LogLevel = "INFO"
    log_format: LogFormat = "auto"
    exactly_once: bool = Field(
        default=False, description="Kafka transactions: offsets commit with the output."
    )
    transactional_id: str | None = Field(
        default=None, description="Exactly-once only; defaults to '<group_id>-<hostname>'."
    )
    transaction_timeout_seconds: float = Field(
        default=15.0,
        ge=1.0,
        le=900.0,
        description=(
            "Exactly-once only: the broker aborts a transaction open this long, so after a crash "
            "read_committed readers wait at most this long (Kafka's default is 60)."
        ),
    )

    static_membership: bool = Field(
        default=True,
        description="Static group membership: a restarted pod takes its partitions back at once.",
    )
    group_instance_id: str | None = Field(
        default=None, description="Static membership id; defaults to '<group_id>-<hostname>' (the pod name)."
    )
    # -- limits: no input can stop a partition (docs/configuration.md#limits-on-one-item) --
    max_item_bytes: int = Field(
        default=DEFAULT_MAX_ITEM_BYTES, ge=1024, description="A larger record is dead-lettered as too_large."
    )
    max_json_depth: int = Field(default=DEFAULT_MAX_JSON_DEPTH, ge=2, description="Deeper JSON: too_deep.")
    max_number_chars: int = Field(
        default=DEFAULT_MAX_NUMBER_CHARS, ge=20, description="A longer JSON number: number_too_long."
    )
    max_sentence_chars: int = Field(
        default=DEFAULT_MAX_SENTENCE_CHARS, ge=200, description="A longer sentence: sentence_too_long."
    )
    max_numbers_per_sentence: int = Field(
        default=DEFAULT_MAX_NUMBERS_PER_SENTENCE, ge=5, description="More in one sentence: too_many_numbers."
    )
    evidence_context_chars: int = Field(
        default=DEFAULT_EVIDENCE_CONTEXT_CHARS, ge=20, description="Evidence kept on each side of a figure."
    )
    item_timeout_seconds: float = Field(
        default=10.0, gt=0, description="Extraction time per record; past it the record is too_slow."
    )
    extract_max_consecutive_breaks: int = Field(
        default=5, ge=1, description="Children dying or hanging on this many records in a row: exit 4."
    )
    extract_memory_limit_mb: int = Field(
        default=2048, ge=0, description="Address-space limit of each extraction child (0: none)."
    )

    def item_limits(self) -> ItemLimits:
        return ItemLimits(
            max_item_bytes=self.max_item_bytes,
            max_json_depth=self.max_json_depth,
            max_number_chars=self.max_number_chars,
            max_sentence_chars=self.max_sentence_chars,
            max_numbers_per_sentence=self.max_numbers_per_sentence,
            evidence_context_chars=self.evidence_context_chars,
        )

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("extract_processes", mode="before")
    @classmethod
    def _auto_or_count(cls, value: object) -> object:
        text = str(value).strip().lower()
        if text == "auto":
            return "auto"
        if isinstance(value, bool) or not text.isdigit() or int(text) > MAX_EXTRACT_PROCESSES:
            raise ValueError(f"must be 'auto' or a whole number from 0 to {MAX_EXTRACT_PROCESSES}")
        return int(text)

    @model_validator(mode="after")
    def _topics_differ(self) -> WorkerSettings:
        if self.input_topic in {self.output_topic, self.dlq_topic}:
            raise ValueError("input_topic must differ from output_topic and dlq_topic")
        return self


def load_settings(cls: type[S], overrides: Mapping[str, Any] | None = None) -> S:
    """Build settings from the environment plus non-None overrides; raise SettingsError, readably."""
    given = {key: value for key, value in (overrides or {}).items() if value is not None}
    try:
        return cls(**given)
    except ValidationError as exc:
        lines = []
        for error in exc.errors():
            where = ".".join(str(part) for part in error["loc"])
            name = f"{ENV_PREFIX}{where.upper()}" if where else "settings"
            lines.append(f"{name}: {error['msg']}")
        raise SettingsError("invalid settings:\n  " + "\n  ".join(lines)) from None
