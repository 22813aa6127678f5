"""Settings -> kafka-python keyword arguments: the one place client option names are spelled."""

from __future__ import annotations

import functools
from typing import Any

from worker.kafka.clientlogs import quiet_repeated_metadata_errors
from worker.kafka.partitioner import KeyHashPartitioner
from worker.kafka.security import ClientCredentialsTokenProvider, sasl_exchanges
from worker.settings import KafkaConnectionSettings, WorkerSettings


def connection_kwargs(settings: KafkaConnectionSettings) -> dict[str, Any]:
    """Options every client (consumer, producer, admin) shares: brokers, TLS and SASL."""
    # Installed before any client connects: a refusal is counted, a missing topic not repeated.
    sasl_exchanges()
    quiet_repeated_metadata_errors()
    kwargs: dict[str, Any] = {
        "bootstrap_servers": settings.bootstrap_servers.split(","),
        "client_id": settings.client_id,
        "security_protocol": settings.security_protocol,
        "request_timeout_ms": settings.request_timeout_ms,
    }
    if settings.security_protocol in {"SSL", "SASL_SSL"}:
        kwargs["ssl_check_hostname"] = settings.ssl_check_hostname
        for name in ("ssl_cafile", "ssl_certfile", "ssl_keyfile"):
            path = getattr(settings, name)
            if path is not None:
                kwargs[name] = str(path)
        if settings.ssl_password is not None:
            kwargs["ssl_password"] = settings.ssl_password.get_secret_value()
    if settings.security_protocol.startswith("SASL_"):
        kwargs["sasl_mechanism"] = settings.sasl_mechanism
        if settings.sasl_plain_username is not None:
            kwargs["sasl_plain_username"] = settings.sasl_plain_username
        if settings.sasl_plain_password is not None:
            kwargs["sasl_plain_password"] = settings.sasl_plain_password.get_secret_value()
        if settings.sasl_mechanism == "OAUTHBEARER":
            kwargs["sasl_oauth_token_provider"] = _token_provider(
                str(settings.sasl_oauthbearer_token_endpoint_url),
                str(settings.sasl_oauthbearer_client_id),
                settings.sasl_oauthbearer_client_secret.get_secret_value()
                if settings.sasl_oauthbearer_client_secret is not None
                else "",
                settings.sasl_oauthbearer_scope,
            )
    return kwargs


@functools.cache
def _token_provider(
    endpoint: str, client_id: str, client_secret: str, scope: str | None
) -> ClientCredentialsTokenProvider:
    """One provider per identity in a process, so all its clients share one cached token."""
    return ClientCredentialsTokenProvider(endpoint, client_id, client_secret, scope)


def consumer_options(settings: KafkaConnectionSettings, **claimwire_options: Any) -> dict[str, Any]:
    """A consumer's options: the connection, claimwire's own choices, then CLAIMWIRE_KAFKA_CONSUMER_*."""
    return {**connection_kwargs(settings), **claimwire_options, **settings.kafka_consumer}


def producer_options(settings: KafkaConnectionSettings, **claimwire_options: Any) -> dict[str, Any]:
    """A producer's options: the connection, claimwire's own choices, then CLAIMWIRE_KAFKA_PRODUCER_*."""
    return {**connection_kwargs(settings), **claimwire_options, **settings.kafka_producer}


def _bootstrap_timeout_ms(settings: WorkerSettings) -> int:
    """A worker that cannot reach the cluster at start gives up as soon as it would at run time."""
    return int(settings.broker_unreachable_seconds * 1000)


def consumer_kwargs(settings: WorkerSettings) -> dict[str, Any]:
    """The worker's consumer: manual commits only (the commit policy decides), bounded polls."""
    return consumer_options(
        settings,
        bootstrap_timeout_ms=_bootstrap_timeout_ms(settings),
        group_id=settings.group_id,
        enable_auto_commit=False,
        auto_offset_reset=settings.auto_offset_reset,
        max_poll_records=settings.max_poll_records,
        session_timeout_ms=settings.session_timeout_ms,
        heartbeat_interval_ms=max(settings.session_timeout_ms // 10, 1_000),
        # Never read claims of an aborted transaction if the input is itself written transactionally.
        isolation_level="read_committed",
    )


def producer_kwargs(settings: WorkerSettings, *, transactional_id: str | None = None) -> dict[str, Any]:
    """The worker's producer: every in-sync replica acknowledges, idempotent, ordered per partition."""
    kwargs: dict[str, Any] = {
        **connection_kwargs(settings),
        "bootstrap_timeout_ms": _bootstrap_timeout_ms(settings),
        "acks": "all",
        "enable_idempotence": True,
        "linger_ms": 100,
        "batch_size": 64 * 1024,
        "partitioner": KeyHashPartitioner(),
        # A broker gone for longer than this fails the send; the worker then stops without committing
        # past it, and its orchestrator restarts it.
        "delivery_timeout_ms": int(max(settings.broker_unreachable_seconds, 1.0) * 1000)
        + settings.request_timeout_ms,
    }
    if transactional_id is not None:
        kwargs["transactional_id"] = transactional_id
        kwargs["transaction_timeout_ms"] = int(settings.transaction_timeout_seconds * 1000)
    return {**kwargs, **settings.kafka_producer}
