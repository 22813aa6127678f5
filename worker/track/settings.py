"""Settings of `claimwire track`, read from `CLAIMWIRE_TRACKER_*` variables and command-line overrides.

The tracker's own prefix keeps its topics and group apart from the worker's `CLAIMWIRE_*` ones when
both read one environment; how to reach the cluster is the shared `KafkaConnectionSettings`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from worker.settings import LogFormat, LogLevel

TRACKER_ENV_PREFIX = "CLAIMWIRE_TRACKER_"


class TrackerSettings(BaseSettings):
    """What the tracker reads and writes, its group, and its probe server."""

    model_config = SettingsConfigDict(env_prefix=TRACKER_ENV_PREFIX, extra="ignore", frozen=True)

    input_topic: str = Field(default="claims.extracted", min_length=1)
    output_topic: str = Field(default="claims.tracked", min_length=1)
    changelog_topic: str = Field(
        default="claimwire.tracker.changelog",
        min_length=1,
        description="Compacted, keyed by series, one partition per input partition (created if missing).",
    )
    group_id: str = Field(default="claimwire-tracker", min_length=1)
    transactional_id: str | None = Field(
        default=None,
        description="Stable per instance: a restart fences its predecessor. Default <group_id>-<hostname>.",
    )
    transaction_timeout_seconds: float = Field(
        default=15.0,
        ge=1.0,
        le=900.0,
        description=(
            "The broker aborts a transaction open this long: after a crash, restores and "
            "read_committed readers wait at most this long (Kafka's default is 60)."
        ),
    )
    auto_offset_reset: Literal["earliest", "latest"] = "earliest"
    max_poll_records: int = Field(default=500, ge=1)
    restore_timeout_seconds: float = Field(
        default=300.0, gt=0, description="Longest wait to replay one partition."
    )
    reorder_window_seconds: float = Field(
        default=10.0,
        ge=0,
        description=(
            "Claims of a partition are held until it has been quiet this long, then released in "
            "publication order (0 = no reordering, arrival order)."
        ),
    )
    reorder_max_hold_seconds: float = Field(
        default=120.0, gt=0, description="Longest a claim is held when claims keep arriving."
    )
    http_host: str = "0.0.0.0"
    http_port: int = Field(
        default=9400, ge=0, le=65535, description="Same as the worker (the image probes it); 0 = ephemeral."
    )
    healthz_max_poll_age_seconds: float = Field(default=60.0, gt=0)
    log_level: LogLevel = "INFO"
    log_format: LogFormat = "auto"

    @model_validator(mode="after")
    def _topics_differ(self) -> TrackerSettings:
        topics = {self.input_topic, self.output_topic, self.changelog_topic}
        if len(topics) != 3:
            raise ValueError("input_topic, output_topic and changelog_topic must be three different topics")
        return self
