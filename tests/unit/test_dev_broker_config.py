"""The development broker's configuration and cache locations, without starting a JVM."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from worker.dev import broker as devbroker


def _properties(text: str) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in text.splitlines() if line and not line.startswith("#"))
    return {key.strip(): value.strip() for key, value in pairs}


def test_server_properties_make_a_single_node_kraft_broker_on_the_given_ports(tmp_path: Path) -> None:
    props = _properties(devbroker.server_properties(19092, 19093, tmp_path / "logs"))
    assert props["process.roles"] == "broker,controller"
    assert props["listeners"] == "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093"
    assert props["advertised.listeners"] == "PLAINTEXT://127.0.0.1:19092"
    assert props["controller.quorum.voters"] == "1@127.0.0.1:19093"
    assert props["node.id"] == "1"
    assert props["log.dirs"] == str(tmp_path / "logs")


def test_server_properties_forbid_auto_creation_and_let_transactions_run_on_one_node(tmp_path: Path) -> None:
    props = _properties(devbroker.server_properties(19092, 19093, tmp_path))
    assert props["auto.create.topics.enable"] == "false"
    for key in (
        "offsets.topic.replication.factor",
        "transaction.state.log.replication.factor",
        "transaction.state.log.min.isr",
        "min.insync.replicas",
    ):
        assert props[key] == "1", key
    assert props["group.initial.rebalance.delay.ms"] == "0"


def test_each_property_is_set_once(tmp_path: Path) -> None:
    text = devbroker.server_properties(19092, 19093, tmp_path)
    keys = [line.split("=", 1)[0] for line in text.splitlines() if line and not line.startswith("#")]
    assert len(keys) == len(set(keys))


def test_a_sasl_port_adds_a_sasl_listener_with_scram_and_unsecured_oauthbearer(tmp_path: Path) -> None:
    text = devbroker.server_properties(19092, 19093, tmp_path, sasl_port=19094)
    props = _properties(text)
    assert props["listeners"].split(",") == [
        "PLAINTEXT://127.0.0.1:19092",
        "CONTROLLER://127.0.0.1:19093",
        "SASL_PLAINTEXT://127.0.0.1:19094",
    ]
    assert props["advertised.listeners"] == "PLAINTEXT://127.0.0.1:19092,SASL_PLAINTEXT://127.0.0.1:19094"
    assert "SASL_PLAINTEXT:SASL_PLAINTEXT" in props["listener.security.protocol.map"].split(",")
    assert props["inter.broker.listener.name"] == "PLAINTEXT"  # brokers and controller need no credentials
    assert props["sasl.enabled.mechanisms"].split(",") == ["SCRAM-SHA-256", "SCRAM-SHA-512", "OAUTHBEARER"]
    assert props["listener.name.sasl_plaintext.oauthbearer.sasl.server.callback.handler.class"].endswith(
        "OAuthBearerUnsecuredValidatorCallbackHandler"
    )
    keys = [line.split("=", 1)[0] for line in text.splitlines() if line and not line.startswith("#")]
    assert len(keys) == len(set(keys))


def test_without_a_sasl_port_no_sasl_is_configured(tmp_path: Path) -> None:
    props = _properties(devbroker.server_properties(19092, 19093, tmp_path))
    assert not [key for key in props if "sasl" in key]
    assert "SASL" not in props["listeners"]


def test_cluster_ids_are_16_random_bytes_in_url_safe_base64() -> None:
    first, second = devbroker.new_cluster_id(), devbroker.new_cluster_id()
    assert first != second
    assert len(first) == 22
    assert len(base64.urlsafe_b64decode(first + "==")) == 16


def test_cluster_ids_never_start_with_a_dash_the_storage_tool_would_read_as_an_option() -> None:
    # One random id in 64 starts with "-"; among 2,000 draws a missing guard shows with certainty.
    assert not any(devbroker.new_cluster_id().startswith("-") for _ in range(2000))


def test_kafka_version_comes_from_the_shipped_pom() -> None:
    major, minor, _patch = devbroker.kafka_version().split(".")
    assert int(major) >= 4
    assert minor.isdigit()


def test_jars_are_cached_per_kafka_version(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CLAIMWIRE_KAFKA_HOME", raising=False)
    monkeypatch.setenv("CLAIMWIRE_CACHE_DIR", str(tmp_path))
    assert devbroker.kafka_home() == tmp_path / f"kafka-{devbroker.kafka_version()}"


def test_cache_defaults_to_the_xdg_cache_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CLAIMWIRE_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert devbroker.cache_dir() == tmp_path / "claimwire"


def test_kafka_home_overrides_the_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLAIMWIRE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("CLAIMWIRE_KAFKA_HOME", str(tmp_path / "kafka"))
    assert devbroker.kafka_home() == tmp_path / "kafka"


def test_present_jars_are_used_without_maven(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    libs = tmp_path / "libs"
    libs.mkdir()
    (libs / "kafka_2.13-4.1.1.jar").write_bytes(b"")
    monkeypatch.setenv("CLAIMWIRE_KAFKA_HOME", str(tmp_path))
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools-here"))
    assert devbroker.ensure_jars() == libs


def test_missing_jars_without_maven_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLAIMWIRE_KAFKA_HOME", str(tmp_path))
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools-here"))
    with pytest.raises(devbroker.DevBrokerError, match="Maven"):
        devbroker.ensure_jars()


def test_jvm_options_can_be_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMWIRE_KAFKA_JVM_OPTS", raising=False)
    assert devbroker.broker_jvm_options() == list(devbroker.JVM_OPTIONS)
    monkeypatch.setenv("CLAIMWIRE_KAFKA_JVM_OPTS", "-Xmx1g  -XX:+UseG1GC")
    assert devbroker.broker_jvm_options() == ["-Xmx1g", "-XX:+UseG1GC"]
