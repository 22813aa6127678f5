"""Worker settings: CLAIMWIRE_* names, defaults, overrides, readable errors, masked secrets."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from worker.kafka.config import connection_kwargs, consumer_kwargs, producer_kwargs
from worker.kafka.security import ClientCredentialsTokenProvider
from worker.settings import (
    KafkaConnectionSettings,
    SettingsError,
    WorkerSettings,
    load_settings,
    unknown_variable_warnings,
    variable_names,
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("CLAIMWIRE_"):
            monkeypatch.delenv(name)


def test_defaults_match_the_documented_ones() -> None:
    s = load_settings(WorkerSettings)
    assert s.bootstrap_servers == "127.0.0.1:9092"
    assert s.input_topic == "wire.raw"
    assert s.output_topic == "claims.extracted"
    assert s.dlq_topic == "wire.raw.dlq"
    assert s.group_id == "claimwire-worker"
    assert s.http_port == 9400
    assert s.shutdown_grace_seconds == 20.0
    assert s.exactly_once is False
    assert s.extract_processes == "auto"


def test_every_setting_is_documented_with_its_default() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "configuration.md").read_text(encoding="utf-8")
    for name, field in WorkerSettings.model_fields.items():
        assert f"CLAIMWIRE_{name.upper()}" in doc, name
        if field.default not in (None, ""):
            assert str(field.default).lower() in doc.lower(), (name, field.default)


def test_environment_variables_are_read_with_the_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMWIRE_BOOTSTRAP_SERVERS", "k1:9093, k2:9093")
    monkeypatch.setenv("CLAIMWIRE_INPUT_TOPIC", "feed.in")
    monkeypatch.setenv("CLAIMWIRE_HTTP_PORT", "0")
    monkeypatch.setenv("CLAIMWIRE_EXACTLY_ONCE", "true")
    monkeypatch.setenv("CLAIMWIRE_LOG_LEVEL", "debug")
    s = load_settings(WorkerSettings)
    assert s.bootstrap_servers == "k1:9093,k2:9093"
    assert s.input_topic == "feed.in"
    assert s.http_port == 0
    assert s.exactly_once is True
    assert s.log_level == "DEBUG"


def test_command_line_overrides_win_and_none_means_not_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMWIRE_GROUP_ID", "from-env")
    monkeypatch.setenv("CLAIMWIRE_INPUT_TOPIC", "env.in")
    s = load_settings(WorkerSettings, {"group_id": "from-cli", "input_topic": None})
    assert s.group_id == "from-cli"
    assert s.input_topic == "env.in"


def test_errors_name_the_environment_variable_and_the_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMWIRE_HTTP_PORT", "seventy")
    with pytest.raises(SettingsError) as caught:
        load_settings(WorkerSettings, {"bootstrap_servers": "nohostport"})
    text = str(caught.value)
    assert "CLAIMWIRE_HTTP_PORT" in text
    assert "CLAIMWIRE_BOOTSTRAP_SERVERS" in text
    assert "'nohostport' is not host:port" in text


@pytest.mark.parametrize(
    "overrides",
    [
        {"shutdown_grace_seconds": 0},
        {"max_in_flight": 0},
        {"http_port": 70000},
        {"log_format": "xml"},
        {"input_topic": "claims.extracted"},
        {"security_protocol": "SASL_SSL"},
        {"security_protocol": "SASL_PLAINTEXT", "sasl_mechanism": "PLAIN", "sasl_plain_username": "u"},
        {"ssl_cafile": "/nonexistent/ca.pem"},
        {"extract_processes": 65},
        {"extract_processes": -1},
        {"extract_processes": "two"},
        {"transaction_timeout_seconds": 0.5},
        {"transaction_timeout_seconds": 901},
    ],
)
def test_invalid_settings_are_refused(overrides: dict[str, object]) -> None:
    with pytest.raises(SettingsError):
        load_settings(WorkerSettings, overrides)


@pytest.mark.parametrize(
    ("given", "taken"), [("auto", "auto"), ("AUTO", "auto"), ("0", 0), (" 3", 3), (2, 2)]
)
def test_extract_processes_is_auto_or_a_count(given: object, taken: object) -> None:
    assert load_settings(WorkerSettings, {"extract_processes": given}).extract_processes == taken


def test_a_bad_extract_processes_says_what_is_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMWIRE_EXTRACT_PROCESSES", "many")
    with pytest.raises(SettingsError, match=r"CLAIMWIRE_EXTRACT_PROCESSES: .*'auto' or a whole number"):
        load_settings(WorkerSettings)


def test_secrets_are_masked_in_text_and_json_but_reach_the_client() -> None:
    s = load_settings(
        WorkerSettings,
        {
            "security_protocol": "SASL_SSL",
            "sasl_mechanism": "SCRAM-SHA-512",
            "sasl_plain_username": "svc",
            "sasl_plain_password": "hunter2",
            "ssl_password": "keypass",
        },
    )
    assert "hunter2" not in repr(s)
    assert "hunter2" not in s.model_dump_json()
    assert "keypass" not in str(s.model_dump(mode="json"))
    kwargs = connection_kwargs(s)
    assert kwargs["sasl_plain_password"] == "hunter2"
    assert kwargs["ssl_password"] == "keypass"
    assert kwargs["sasl_mechanism"] == "SCRAM-SHA-512"
    assert kwargs["security_protocol"] == "SASL_SSL"


def test_ssl_files_are_passed_through(tmp_path: Path) -> None:
    ca = tmp_path / "ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    s = load_settings(KafkaConnectionSettings, {"security_protocol": "SSL", "ssl_cafile": str(ca)})
    kwargs = connection_kwargs(s)
    assert kwargs["ssl_cafile"] == str(ca)
    assert "sasl_mechanism" not in kwargs


def test_plaintext_passes_no_tls_or_sasl_options() -> None:
    kwargs = connection_kwargs(load_settings(KafkaConnectionSettings))
    assert kwargs["bootstrap_servers"] == ["127.0.0.1:9092"]
    assert not any(key.startswith(("ssl_", "sasl_")) for key in kwargs)


def test_the_connection_part_drops_worker_fields() -> None:
    s = load_settings(WorkerSettings, {"bootstrap_servers": "k:1", "group_id": "g"})
    connection = s.connection()
    assert type(connection) is KafkaConnectionSettings
    assert connection.bootstrap_servers == "k:1"
    assert not hasattr(connection, "group_id")


def test_worker_clients_commit_manually_and_produce_durably() -> None:
    s = load_settings(WorkerSettings)
    consumer = consumer_kwargs(s)
    assert consumer["enable_auto_commit"] is False
    assert consumer["group_id"] == "claimwire-worker"
    producer = producer_kwargs(s, transactional_id="tx-1")
    assert producer["acks"] == "all"
    assert producer["enable_idempotence"] is True
    assert producer["transactional_id"] == "tx-1"
    assert producer["transaction_timeout_ms"] == 15_000
    assert "transactional_id" not in producer_kwargs(s)


# -- issue 12: OAUTHBEARER, GSSAPI, client options passed through ---------------------------------


def oauth_settings(**changes: object) -> dict[str, object]:
    given: dict[str, object] = {
        "security_protocol": "SASL_SSL",
        "sasl_mechanism": "OAUTHBEARER",
        "sasl_oauthbearer_token_endpoint_url": "https://idp.example/token",
        "sasl_oauthbearer_client_id": "claimwire",
        "sasl_oauthbearer_client_secret": "s3cret",
    }
    given.update(changes)
    return given


def test_oauthbearer_gets_a_token_provider_for_the_configured_client() -> None:
    kwargs = connection_kwargs(load_settings(KafkaConnectionSettings, oauth_settings()))
    provider = kwargs["sasl_oauth_token_provider"]
    assert isinstance(provider, ClientCredentialsTokenProvider)
    assert provider.token_endpoint_url == "https://idp.example/token"
    assert kwargs["sasl_mechanism"] == "OAUTHBEARER"


@pytest.mark.parametrize(
    "missing",
    ["sasl_oauthbearer_token_endpoint_url", "sasl_oauthbearer_client_id", "sasl_oauthbearer_client_secret"],
)
def test_oauthbearer_needs_endpoint_client_id_and_secret(missing: str) -> None:
    with pytest.raises(SettingsError, match=missing):
        load_settings(KafkaConnectionSettings, oauth_settings(**{missing: None}))


def test_the_token_endpoint_must_be_an_http_url() -> None:
    with pytest.raises(SettingsError, match="CLAIMWIRE_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL"):
        load_settings(KafkaConnectionSettings, oauth_settings(sasl_oauthbearer_token_endpoint_url="idp:443"))


def test_gssapi_is_not_offered() -> None:
    with pytest.raises(SettingsError, match="CLAIMWIRE_SASL_MECHANISM"):
        load_settings(KafkaConnectionSettings, {"security_protocol": "SASL_SSL", "sasl_mechanism": "GSSAPI"})


def test_client_options_pass_through_with_kafka_pythons_types(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMWIRE_KAFKA_PRODUCER_COMPRESSION_TYPE", "zstd")
    monkeypatch.setenv("CLAIMWIRE_KAFKA_PRODUCER_LINGER_MS", "20")
    monkeypatch.setenv("CLAIMWIRE_KAFKA_CONSUMER_CLIENT_RACK", "eu-west-1a")
    monkeypatch.setenv("CLAIMWIRE_KAFKA_CONSUMER_FETCH_MAX_BYTES", "10485760")
    monkeypatch.setenv("CLAIMWIRE_KAFKA_CONSUMER_CHECK_CRCS", "false")
    s = load_settings(WorkerSettings)
    assert s.kafka_consumer == {"client_rack": "eu-west-1a", "fetch_max_bytes": 10485760, "check_crcs": False}
    assert s.kafka_producer == {"compression_type": "zstd", "linger_ms": 20}
    consumer, producer = consumer_kwargs(s), producer_kwargs(s)
    assert consumer["client_rack"] == "eu-west-1a"
    assert consumer["group_id"] == s.group_id  # claimwire's own options are still there
    assert "compression_type" not in consumer
    assert producer["compression_type"] == "zstd"
    assert producer["linger_ms"] == 20  # the operator's choice replaces claimwire's default
    assert s.connection().kafka_consumer == s.kafka_consumer  # the tracker and replay get them too


def test_a_misspelt_client_option_is_refused_with_the_closest_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMWIRE_KAFKA_CONSUMER_FETCH_MAX_BYTE", "1000")
    with pytest.raises(SettingsError) as error:
        load_settings(WorkerSettings)
    assert "did you mean CLAIMWIRE_KAFKA_CONSUMER_FETCH_MAX_BYTES?" in str(error.value)


@pytest.mark.parametrize(
    ("variable", "instead"),
    [
        ("CLAIMWIRE_KAFKA_CONSUMER_GROUP_ID", "CLAIMWIRE_GROUP_ID"),
        ("CLAIMWIRE_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT", "commits offsets itself"),
        ("CLAIMWIRE_KAFKA_PRODUCER_ACKS", "acks=all"),
        ("CLAIMWIRE_KAFKA_PRODUCER_SASL_PLAIN_PASSWORD", "CLAIMWIRE_SASL_"),
        ("CLAIMWIRE_KAFKA_CONSUMER_MAX_POLL_RECORDS", "CLAIMWIRE_MAX_POLL_RECORDS"),
    ],
)
def test_options_claimwire_sets_itself_are_refused(
    variable: str, instead: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(variable, "1")
    with pytest.raises(SettingsError) as error:
        load_settings(WorkerSettings)
    assert variable in str(error.value)
    assert instead in str(error.value)


@pytest.mark.parametrize(
    ("variable", "value", "problem"),
    [
        ("CLAIMWIRE_KAFKA_CONSUMER_FETCH_MAX_BYTES", "lots", "not a whole number"),
        ("CLAIMWIRE_KAFKA_CONSUMER_CHECK_CRCS", "maybe", "not true or false"),
        ("CLAIMWIRE_KAFKA_CONSUMER_SOCKET_OPTIONS", "x", "cannot be given as text"),
    ],
)
def test_client_option_values_must_fit_the_option(
    variable: str, value: str, problem: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError, match=problem):
        load_settings(WorkerSettings)


def test_a_consumer_option_is_not_a_producer_option(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMWIRE_KAFKA_PRODUCER_CLIENT_RACK", "eu-west-1a")
    with pytest.raises(SettingsError, match="not a kafka-python producer option"):
        load_settings(WorkerSettings)


def test_unknown_variables_are_listed_only_when_no_setting_reads_them() -> None:
    known = variable_names(WorkerSettings)
    assert "CLAIMWIRE_INPUT_TOPIC" in known
    warnings = unknown_variable_warnings(
        {"CLAIMWIRE_INPUT_TOPC": "a", "CLAIMWIRE_INPUT_TOPIC": "b", "CLAIMWIRE_ZZZZZZZZ": "c", "OTHER": "d"},
        known,
    )
    assert warnings == [
        "CLAIMWIRE_INPUT_TOPC is not a claimwire setting and is ignored; did you mean CLAIMWIRE_INPUT_TOPIC?",
        "CLAIMWIRE_ZZZZZZZZ is not a claimwire setting and is ignored",
    ]
