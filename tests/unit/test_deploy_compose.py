"""The local stack (deploy/docker-compose.yml) and its Prometheus and Grafana files agree.

No container runs here: the compose file, the scrape config, the alert rules and the dashboard
are read as data and held to each other, to the image, and to the code's settings and metrics.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from deploy_support import (
    DEPLOY,
    KUSTOMIZE,
    REPO,
    Doc,
    known_metric_names,
    load_yaml_docs,
    setting_env_names,
    settings_from_env,
    unknown_metrics,
)

from worker.cli import COMMANDS
from worker.runtime.metrics import WorkerMetrics
from worker.settings import WorkerSettings
from worker.track.settings import TrackerSettings

COMPOSE = load_yaml_docs(DEPLOY / "docker-compose.yml")[0]
SERVICES: dict[str, Doc] = COMPOSE["services"]
CLAIMWIRE_SERVICES = {"topics-init", "worker", "tracker"}
PROMETHEUS = load_yaml_docs(DEPLOY / "prometheus" / "prometheus.yml")[0]
DASHBOARD = json.loads((DEPLOY / "grafana" / "dashboards" / "claimwire.json").read_text(encoding="utf-8"))


def image_http_port() -> int:
    """CLAIMWIRE_HTTP_PORT as the Dockerfile sets it: the port the image's HEALTHCHECK probes."""
    match = re.search(r"CLAIMWIRE_HTTP_PORT=(\d+)", (REPO / "Dockerfile").read_text(encoding="utf-8"))
    assert match is not None
    return int(match.group(1))


def container_ports(service: Doc) -> set[int]:
    return {int(str(mapping).rsplit(":", 1)[1]) for mapping in service.get("ports", [])}


def volume_mounts(service: Doc) -> dict[Path, str]:
    """Host path (resolved from deploy/) -> container path."""
    mounts = {}
    for volume in service.get("volumes", []):
        host, container, *_ = volume.split(":")
        mounts[(DEPLOY / host).resolve()] = container
    return mounts


def host_file_for(service: Doc, container_path: str) -> Path:
    """The repository file a container path of a bind-mounted service resolves to."""
    for host, mount in volume_mounts(service).items():
        if container_path == mount or container_path.startswith(mount.rstrip("/") + "/"):
            return host / container_path.removeprefix(mount).lstrip("/")
    raise AssertionError(f"{container_path} is not mounted")


def dashboard_queries() -> list[str]:
    return [target["expr"] for panel in DASHBOARD["panels"] for target in panel["targets"]]


# --- the services -------------------------------------------------------------------------------


def test_stack_has_every_service() -> None:
    assert set(SERVICES) == {"kafka", "topics-init", "worker", "tracker", "prometheus", "grafana"}


def test_images_are_pinned_by_tag() -> None:
    for name, service in SERVICES.items():
        image = service["image"]
        assert ":" in image, name
        assert not image.endswith(":latest"), name
    assert re.fullmatch(r"apache/kafka:4\.\d+\.\d+", SERVICES["kafka"]["image"])


def test_claimwire_services_build_this_repository_once() -> None:
    for name in CLAIMWIRE_SERVICES:
        build = SERVICES[name]["build"]
        assert ((DEPLOY / build["context"]).resolve() / build["dockerfile"]) == REPO / "Dockerfile"
    assert len({SERVICES[name]["image"] for name in CLAIMWIRE_SERVICES}) == 1


def test_claimwire_containers_are_locked_down() -> None:
    for name in CLAIMWIRE_SERVICES:
        service = SERVICES[name]
        assert service["read_only"] is True
        assert service["tmpfs"] == ["/tmp"]
        assert service["cap_drop"] == ["ALL"]


def test_kafka_is_a_single_kraft_node_without_auto_create() -> None:
    env = SERVICES["kafka"]["environment"]
    assert env["KAFKA_PROCESS_ROLES"] == "broker,controller"
    assert env["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false"
    assert env["KAFKA_CONTROLLER_QUORUM_VOTERS"] == f"{env['KAFKA_NODE_ID']}@kafka:9093"
    assert "healthcheck" in SERVICES["kafka"]


def internal_kafka_address() -> str:
    env = SERVICES["kafka"]["environment"]
    listeners = dict(item.split("://") for item in env["KAFKA_ADVERTISED_LISTENERS"].split(","))
    return str(listeners[env["KAFKA_INTER_BROKER_LISTENER_NAME"]])


def test_claimwire_services_reach_kafka_on_its_advertised_listener() -> None:
    for name in CLAIMWIRE_SERVICES:
        assert SERVICES[name]["environment"]["CLAIMWIRE_BOOTSTRAP_SERVERS"] == internal_kafka_address()
    host, _, port = internal_kafka_address().partition(":")
    assert host in SERVICES
    assert f"://:{port}" in SERVICES["kafka"]["environment"]["KAFKA_LISTENERS"]


def test_topics_are_created_before_worker_and_tracker_start() -> None:
    init = SERVICES["topics-init"]
    assert init["command"][:2] == ["topics", "create"]
    assert init["restart"] == "no"
    assert init["depends_on"] == {"kafka": {"condition": "service_healthy"}}
    for name in ("worker", "tracker"):
        assert SERVICES[name]["depends_on"] == {
            "topics-init": {"condition": "service_completed_successfully"}
        }


# --- settings -----------------------------------------------------------------------------------


def compose_settings(name: str) -> Any:
    cls = TrackerSettings if name == "tracker" else WorkerSettings
    return settings_from_env(cls, SERVICES[name]["environment"])


def test_environment_names_are_real_settings() -> None:
    known = setting_env_names()
    for name in CLAIMWIRE_SERVICES:
        assert set(SERVICES[name]["environment"]) - known == set(), name


def test_worker_and_tracker_settings_are_valid_and_apart() -> None:
    worker, tracker = compose_settings("worker"), compose_settings("tracker")
    assert SERVICES["worker"]["command"] == ["worker"]
    assert SERVICES["tracker"]["command"] == ["track"]
    assert worker.group_id != tracker.group_id
    assert tracker.input_topic == worker.output_topic


def test_http_ports_are_where_the_image_healthcheck_and_prometheus_look() -> None:
    targets = {c["job_name"]: c["static_configs"][0]["targets"] for c in PROMETHEUS["scrape_configs"]}
    for name in ("worker", "tracker"):
        port = compose_settings(name).http_port
        assert port == image_http_port()
        assert container_ports(SERVICES[name]) == {port}
        assert targets[f"claimwire-{name}"] == [f"{name}:{port}"]


def test_stop_grace_outlasts_the_worker_drain() -> None:
    grace = int(SERVICES["worker"]["stop_grace_period"].removesuffix("s"))
    assert grace >= compose_settings("worker").shutdown_grace_seconds + 10


# --- Prometheus ---------------------------------------------------------------------------------


def test_scrape_jobs_are_named_like_the_kubernetes_services() -> None:
    services = {
        doc["metadata"]["name"]
        for doc in load_yaml_docs(KUSTOMIZE / "base" / "services.yaml")
        if doc["kind"] == "Service"
    }
    assert {c["job_name"] for c in PROMETHEUS["scrape_configs"]} == services


def test_local_alert_rules_are_the_kubernetes_ones() -> None:
    (rule_file,) = PROMETHEUS["rule_files"]
    local = load_yaml_docs(host_file_for(SERVICES["prometheus"], rule_file))[0]
    (cluster,) = load_yaml_docs(KUSTOMIZE / "base" / "prometheusrule.yaml")
    assert local["groups"] == cluster["spec"]["groups"]


def test_prometheus_reads_its_config_from_the_mounted_directory() -> None:
    config_flag = next(a for a in SERVICES["prometheus"]["command"] if a.startswith("--config.file="))
    path = host_file_for(SERVICES["prometheus"], config_flag.split("=", 1)[1])
    assert path == DEPLOY / "prometheus" / "prometheus.yml"


# --- Grafana ------------------------------------------------------------------------------------


def test_grafana_mounts_exist() -> None:
    for host in volume_mounts(SERVICES["grafana"]):
        assert host.is_dir(), host


def test_datasource_points_at_the_prometheus_service() -> None:
    provisioning = host_file_for(SERVICES["grafana"], "/etc/grafana/provisioning")
    (datasource,) = load_yaml_docs(provisioning / "datasources" / "prometheus.yml")[0]["datasources"]
    assert datasource["type"] == "prometheus"
    assert datasource["url"] == f"http://prometheus:{container_ports(SERVICES['prometheus']).pop()}"


def test_dashboard_provider_loads_the_mounted_dashboards() -> None:
    provisioning = host_file_for(SERVICES["grafana"], "/etc/grafana/provisioning")
    (provider,) = load_yaml_docs(provisioning / "dashboards" / "claimwire.yml")[0]["providers"]
    dashboards_dir = host_file_for(SERVICES["grafana"], provider["options"]["path"])
    assert (dashboards_dir / "claimwire.json").is_file()
    home = SERVICES["grafana"]["environment"]["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"]
    assert host_file_for(SERVICES["grafana"], home).is_file()


def test_dashboard_panels_use_the_datasource_variable_the_provisioned_default_fills() -> None:
    provisioning = host_file_for(SERVICES["grafana"], "/etc/grafana/provisioning")
    (datasource,) = load_yaml_docs(provisioning / "datasources" / "prometheus.yml")[0]["datasources"]
    assert datasource["isDefault"] is True and datasource["type"] == "prometheus"
    ids = [panel["id"] for panel in DASHBOARD["panels"]]
    assert len(ids) == len(set(ids))
    for panel in DASHBOARD["panels"]:
        assert panel["datasource"]["uid"] == "${datasource}"
        assert all(target["datasource"]["uid"] == "${datasource}" for target in panel["targets"])


@pytest.mark.parametrize(
    "metric",
    [
        "claimwire_items_consumed_total",
        "claimwire_consumer_lag_records",
        "claimwire_claims_produced_total",
        "claimwire_items_dead_lettered_total",
    ],
)
def test_dashboard_shows_throughput_lag_categories_and_dead_letters(metric: str) -> None:
    assert any(metric in query for query in dashboard_queries())


def test_dashboard_queries_only_metrics_that_exist() -> None:
    known = known_metric_names()
    for query in dashboard_queries():
        assert unknown_metrics(query, known) == set(), query


def test_claims_by_category_groups_by_a_real_label() -> None:
    # prometheus_client keeps a metric's declared label names in `_labelnames`; no public accessor.
    declared = set(WorkerMetrics().claims_produced._labelnames)
    assert "category" in declared
    for query in dashboard_queries():
        if "claimwire_claims_produced_total" in query:
            for grouping in re.findall(r"by \(([^)]*)\)", query):
                assert {label.strip() for label in grouping.split(",")} <= declared, query


@pytest.mark.parametrize("service", ["topics-init", "worker", "tracker"])
def test_claimwire_commands_parse_with_the_real_cli(service: str) -> None:
    name, *arguments = SERVICES[service]["command"]
    module_name, _ = COMMANDS[name]
    parser = argparse.ArgumentParser(prog=f"claimwire {name}")
    importlib.import_module(module_name).configure(parser)
    parsed = parser.parse_args(arguments)
    if name == "topics":
        assert parsed.action == "create"
