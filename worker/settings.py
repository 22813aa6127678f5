"""Settings read once at start from `CLAIMWIRE_*` environment variables and command-line overrides.

`KafkaConnectionSettings` is how to reach the cluster (shared by the worker, tracker and replay
tools); `WorkerSettings` adds what the worker does with it. Every setting and its default is listed
in docs/configuration.md. Secrets are `SecretStr`, so they print as '**********'.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal, TypeVar
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator, model_validator
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from worker.errors import ClaimwireError
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
CONSUMER_OPTION_PREFIX = f"{ENV_PREFIX}KAFKA_CONSUMER_"
PRODUCER_OPTION_PREFIX = f"{ENV_PREFIX}KAFKA_PRODUCER_"
OAUTHBEARER_REQUIRED = ("token_endpoint_url", "client_id", "client_secret")
MAX_EXTRACT_PROCESSES = 64

SecurityProtocol = Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]
# GSSAPI (Kerberos) is not offered: kafka-python needs the `gssapi` C bindings and a Kerberos setup
# that nothing here installs or tests.
SaslMechanism = Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "OAUTHBEARER"]
LogFormat = Literal["auto", "json", "console"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR"]


S = TypeVar("S", bound="KafkaConnectionSettings")


class SettingsError(ClaimwireError, ValueError):
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

    # -- connection additions for issue 12 (OAUTHBEARER, client pass-through) --------------------
    sasl_oauthbearer_token_endpoint_url: str | None = Field(
        default=None, description="OIDC token endpoint of the client-credentials grant (OAUTHBEARER)."
    )
    sasl_oauthbearer_client_id: str | None = None
    sasl_oauthbearer_client_secret: SecretStr | None = None
    sasl_oauthbearer_scope: str | None = Field(default=None, description="Space-separated scopes to ask for.")
    kafka_consumer: dict[str, Any] = Field(
        default={}, description="CLAIMWIRE_KAFKA_CONSUMER_<OPTION>: kafka-python consumer options."
    )
    kafka_producer: dict[str, Any] = Field(
        default={}, description="CLAIMWIRE_KAFKA_PRODUCER_<OPTION>: kafka-python producer options."
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # pydantic-settings' own order, with the pass-through variables just after explicit values.
        return (
            init_settings,
            ClientOptionsSource(settings_cls),
            env_settings,
            dotenv_settings,
            file_secret_settings,
        )

    @field_validator("kafka_consumer", "kafka_producer", mode="after")
    @classmethod
    def _known_client_options(cls, options: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
        return client_options(str(info.field_name), options)

    @field_validator("sasl_oauthbearer_token_endpoint_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and urlsplit(value).scheme not in {"https", "http"}:
            raise ValueError(f"{value!r} is not an http(s) URL")
        return value

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
        oauth_missing = [
            name for name in OAUTHBEARER_REQUIRED if getattr(self, f"sasl_oauthbearer_{name}") in (None, "")
        ]
        if uses_sasl and self.sasl_mechanism == "OAUTHBEARER" and oauth_missing:
            needed = ", ".join(f"sasl_oauthbearer_{name}" for name in oauth_missing)
            raise ValueError(f"sasl_mechanism OAUTHBEARER needs {needed}")
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
        default=5, ge=1, description="Children dying or hanging on this many records in a row: exit 5."
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
            lines.append(f"{name}: {error['msg'].removeprefix('Value error, ')}")
        raise SettingsError("invalid settings:\n  " + "\n  ".join(lines)) from None


# -- kafka-python options passed through (issue 12) ----------------------------------------------

# Options claimwire sets itself, and what to change instead: a pass-through value would otherwise
# quietly break a delivery guarantee or contradict a documented setting.
MANAGED_CLIENT_OPTIONS: dict[str, str] = {
    "bootstrap_servers": "set CLAIMWIRE_BOOTSTRAP_SERVERS",
    "client_id": "set CLAIMWIRE_CLIENT_ID",
    "security_protocol": "set CLAIMWIRE_SECURITY_PROTOCOL",
    "request_timeout_ms": "set CLAIMWIRE_REQUEST_TIMEOUT_MS",
    "group_id": "set CLAIMWIRE_GROUP_ID (the tracker: CLAIMWIRE_TRACKER_GROUP_ID)",
    "group_instance_id": "the tracker derives it from its transactional id",
    "auto_offset_reset": "set CLAIMWIRE_AUTO_OFFSET_RESET",
    "max_poll_records": "set CLAIMWIRE_MAX_POLL_RECORDS",
    "session_timeout_ms": "set CLAIMWIRE_SESSION_TIMEOUT_MS",
    "heartbeat_interval_ms": "derived from CLAIMWIRE_SESSION_TIMEOUT_MS",
    "enable_auto_commit": "claimwire commits offsets itself, only once the output is acknowledged",
    "isolation_level": "claimwire reads read_committed, never aborted transactions",
    "transactional_id": "set CLAIMWIRE_TRANSACTIONAL_ID",
    "transaction_timeout_ms": "set CLAIMWIRE_TRANSACTION_TIMEOUT_SECONDS",
    "enable_idempotence": "the delivery guarantees need the idempotent producer",
    "acks": "the delivery guarantees need acks=all",
    "bootstrap_timeout_ms": "derived from CLAIMWIRE_BROKER_UNREACHABLE_SECONDS",
    "delivery_timeout_ms": "derived from CLAIMWIRE_BROKER_UNREACHABLE_SECONDS",
    "max_block_ms": "derived from CLAIMWIRE_BROKER_UNREACHABLE_SECONDS",
}
MANAGED_CLIENT_OPTION_PREFIXES = {"sasl_": "set the CLAIMWIRE_SASL_* settings", "ssl_": "set CLAIMWIRE_SSL_*"}
# Options whose kafka-python default is None, by the type a value must have.
WHOLE_NUMBER_OPTIONS_UNSET_BY_DEFAULT = frozenset({"receive_buffer_bytes", "send_buffer_bytes"})
TEXT_OPTIONS_UNSET_BY_DEFAULT = frozenset({"compression_type", "proxy_url", "socks5_proxy"})
TRUE_WORDS = frozenset({"true", "1", "yes", "on"})
FALSE_WORDS = frozenset({"false", "0", "no", "off"})


class ClientOptionsSource(PydanticBaseSettingsSource):
    """Collects CLAIMWIRE_KAFKA_CONSUMER_<OPTION> and CLAIMWIRE_KAFKA_PRODUCER_<OPTION> variables.

    `<OPTION>` is a kafka-python option name in capitals: CLAIMWIRE_KAFKA_PRODUCER_COMPRESSION_TYPE=zstd.
    """

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False  # everything is read in __call__

    def __call__(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for field_name, prefix in (
            ("kafka_consumer", CONSUMER_OPTION_PREFIX),
            ("kafka_producer", PRODUCER_OPTION_PREFIX),
        ):
            options = {
                name[len(prefix) :].lower(): value
                for name, value in os.environ.items()
                if name.upper().startswith(prefix) and len(name) > len(prefix)
            }
            if options:
                found[field_name] = options
        return found


def client_options(field_name: str, options: Mapping[str, Any]) -> dict[str, Any]:
    """Check pass-through options against kafka-python's own option names and give them its types."""
    if not options:
        return {}
    # Imported here: only a command given such options pays for loading the client. The one use of
    # the client outside worker/kafka/: its table of option names and defaults, read as data, so
    # settings can reject a misspelt option at start-up without depending on the adapter above it.
    from kafka import KafkaConsumer, KafkaProducer  # noqa: PLC0415, TID251

    consumer = field_name == "kafka_consumer"
    defaults: dict[str, Any] = (KafkaConsumer if consumer else KafkaProducer).DEFAULT_CONFIG
    prefix = CONSUMER_OPTION_PREFIX if consumer else PRODUCER_OPTION_PREFIX
    typed: dict[str, Any] = {}
    problems: list[str] = []
    for option, value in options.items():
        key = option.lower()
        variable = f"{prefix}{key.upper()}"
        managed = MANAGED_CLIENT_OPTIONS.get(key) or next(
            (why for start, why in MANAGED_CLIENT_OPTION_PREFIXES.items() if key.startswith(start)), None
        )
        if managed is not None:
            problems.append(f"{variable} is set by claimwire: {managed}")
        elif key not in defaults:
            close = difflib.get_close_matches(key, list(defaults), n=1)
            hint = f" (did you mean {prefix}{close[0].upper()}?)" if close else ""
            kind = "consumer" if consumer else "producer"
            problems.append(f"{variable}: {key} is not a kafka-python {kind} option{hint}")
        else:
            try:
                typed[key] = _typed_option(key, str(value).strip(), defaults[key])
            except ValueError as exc:
                problems.append(f"{variable}: {exc}")
    if problems:
        raise ValueError("; ".join(problems))
    return typed


def _typed_option(key: str, text: str, default: object) -> object:
    if isinstance(default, bool):
        if text.lower() in TRUE_WORDS | FALSE_WORDS:
            return text.lower() in TRUE_WORDS
        raise ValueError(f"{text!r} is not true or false")
    if isinstance(default, int) or (default is None and key in WHOLE_NUMBER_OPTIONS_UNSET_BY_DEFAULT):
        if not text.lstrip("-").isdigit():
            raise ValueError(f"{text!r} is not a whole number")
        return int(text)
    if isinstance(default, float):
        return float(text)
    if isinstance(default, str) or (default is None and key in TEXT_OPTIONS_UNSET_BY_DEFAULT):
        return text
    raise ValueError(f"{key} takes a Python object, which cannot be given as text")


# -- misspelt variables (issue 12) ---------------------------------------------------------------


def variable_names(*settings_classes: type[BaseSettings]) -> set[str]:
    """The environment variable of every field of these settings classes."""
    names: set[str] = set()
    for settings_class in settings_classes:
        prefix = str(settings_class.model_config.get("env_prefix", ""))
        names.update(f"{prefix}{field.upper()}" for field in settings_class.model_fields)
    return names


def unknown_variable_warnings(environ: Mapping[str, str], known: Iterable[str]) -> list[str]:
    """One line per CLAIMWIRE_* variable no setting reads, naming the closest known one."""
    known_names = sorted(set(known))
    lines: list[str] = []
    for name in sorted(environ):
        upper = name.upper()
        if (
            not upper.startswith(ENV_PREFIX)
            or upper in known_names
            or upper.startswith((CONSUMER_OPTION_PREFIX, PRODUCER_OPTION_PREFIX))
        ):
            continue
        close = difflib.get_close_matches(upper, known_names, n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]}?" if close else ""
        lines.append(f"{name} is not a claimwire setting and is ignored{hint}")
    return lines
