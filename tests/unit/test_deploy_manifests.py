"""Offline validation of deploy/kubernetes: schemas, rendering, and agreement between the files.

Core kinds are checked against the Kubernetes schemas bundled by `kubernetes-validate`, custom
resources (KEDA, Prometheus Operator) against the CRD schemas kept in tests/data/crds. Then the
base and overlays, rendered by `kubectl kustomize`, are checked against each other and against
worker/settings.py.
"""

from __future__ import annotations

import argparse
import copy
import importlib
import re
from typing import Any

import jsonschema
import kubernetes_validate
import pytest
from deploy_support import (
    DEPLOY,
    KUSTOMIZE,
    REPO,
    Doc,
    iter_containers,
    known_metric_names,
    kustomize_targets,
    load_yaml_docs,
    render_kustomization,
    setting_env_names,
    settings_from_env,
    unknown_metrics,
)

from worker.cli import COMMANDS
from worker.settings import WorkerSettings
from worker.track.settings import TrackerSettings

# The oldest minor release still supported upstream when this was written; the manifests use
# nothing newer than policy/v1 and apps/v1.
KUBERNETES_VERSION = "1.32"
CRD_DIR = REPO / "tests" / "data" / "crds"
TARGET_IDS = [str(path.relative_to(KUSTOMIZE)) for path in kustomize_targets()]
# Keys the production Secret holds; present in the pod environment at run time only.
SECRET_ENV = {"CLAIMWIRE_SASL_PLAIN_USERNAME": "claimwire", "CLAIMWIRE_SASL_PLAIN_PASSWORD": "secret"}
SETTINGS_BY_COMMAND: dict[str, type[WorkerSettings] | type[TrackerSettings]] = {
    "worker": WorkerSettings,
    "track": TrackerSettings,
}


@pytest.fixture(scope="module", params=kustomize_targets(), ids=TARGET_IDS)
def rendered(request: pytest.FixtureRequest) -> list[Doc]:
    return render_kustomization(request.param)


def crd_schemas() -> dict[tuple[str, str], Doc]:
    """(apiVersion, kind) -> strict JSON schema, from tests/data/crds."""
    schemas = {}
    for path in sorted(CRD_DIR.glob("*.yaml")):
        crd = load_yaml_docs(path)[0]
        schemas[(f"{crd['group']}/{crd['version']}", crd["kind"])] = strict(crd["openAPIV3Schema"])
    return schemas


def strict(schema: Any) -> Any:
    """Close every object that declares its properties, as kubectl's --validate=strict does."""
    if isinstance(schema, list):
        return [strict(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    closed = {key: strict(value) for key, value in schema.items()}
    if "properties" in closed and "additionalProperties" not in closed:
        closed["additionalProperties"] = False
    return closed


CRD_SCHEMAS = crd_schemas()


def by_kind(docs: list[Doc], kind: str) -> list[Doc]:
    return [doc for doc in docs if doc["kind"] == kind]


def one(docs: list[Doc], kind: str, name: str) -> Doc:
    matches = [doc for doc in by_kind(docs, kind) if doc["metadata"]["name"] == name]
    assert len(matches) == 1, f"expected one {kind} {name}, found {len(matches)}"
    return matches[0]


def deployment_running(docs: list[Doc], command: str) -> Doc:
    matches = [
        d
        for d in by_kind(docs, "Deployment")
        if d["spec"]["template"]["spec"]["containers"][0]["args"][0] == command
    ]
    assert len(matches) == 1, f"expected one Deployment running `claimwire {command}`"
    return matches[0]


def effective_env(docs: list[Doc], deployment: Doc) -> dict[str, str]:
    """The container's CLAIMWIRE_* environment as the kubelet builds it (env wins over envFrom)."""
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    env: dict[str, str] = {}
    for source in container.get("envFrom", []):
        if "configMapRef" in source:
            env.update(one(docs, "ConfigMap", source["configMapRef"]["name"])["data"])
    for item in container.get("env", []):
        if "value" in item:
            env[item["name"]] = item["value"]
    return env


def settings_of(docs: list[Doc], deployment: Doc) -> Any:
    """The settings the Deployment's command builds from its pod environment, validated."""
    env = effective_env(docs, deployment)
    if env.get("CLAIMWIRE_SECURITY_PROTOCOL", "PLAINTEXT").startswith("SASL_"):
        env |= SECRET_ENV
    command = deployment["spec"]["template"]["spec"]["containers"][0]["args"][0]
    return settings_from_env(SETTINGS_BY_COMMAND[command], env)


def labels_match(selector: dict[str, str], labels: dict[str, str]) -> bool:
    return all(labels.get(key) == value for key, value in selector.items())


# --- rendering ----------------------------------------------------------------------------------


def test_every_overlay_is_found() -> None:
    assert {path.name for path in kustomize_targets()} >= {"base", "dev", "production"}


# --- schemas ------------------------------------------------------------------------------------


def test_core_kinds_match_the_kubernetes_schema(rendered: list[Doc]) -> None:
    core = [doc for doc in rendered if (doc["apiVersion"], doc["kind"]) not in CRD_SCHEMAS]
    assert {doc["kind"] for doc in core} >= {"Deployment", "Service", "ConfigMap", "PodDisruptionBudget"}
    for doc in core:
        kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)


def test_custom_resources_match_their_crd_schema(rendered: list[Doc]) -> None:
    custom = [doc for doc in rendered if (doc["apiVersion"], doc["kind"]) in CRD_SCHEMAS]
    assert {doc["kind"] for doc in custom} >= {"ScaledObject", "ServiceMonitor", "PrometheusRule"}
    for doc in custom:
        jsonschema.validate(doc, CRD_SCHEMAS[(doc["apiVersion"], doc["kind"])])


def test_kubernetes_schema_rejects_a_misspelt_field() -> None:
    deployment = copy.deepcopy(load_yaml_docs(KUSTOMIZE / "base" / "worker-deployment.yaml")[0])
    pod = deployment["spec"]["template"]["spec"]
    pod["terminationGracePeriod"] = pod.pop("terminationGracePeriodSeconds")
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, KUBERNETES_VERSION, strict=True)


def test_strict_crd_schema_rejects_a_misspelt_field() -> None:
    scaled = copy.deepcopy(load_yaml_docs(KUSTOMIZE / "base" / "scaledobject.yaml")[0])
    scaled["spec"]["maxReplicas"] = scaled["spec"].pop("maxReplicaCount")
    with pytest.raises(jsonschema.ValidationError, match="maxReplicas"):
        jsonschema.validate(scaled, CRD_SCHEMAS[("keda.sh/v1alpha1", "ScaledObject")])


def test_kafka_trigger_metadata_values_are_strings() -> None:
    scaled = copy.deepcopy(load_yaml_docs(KUSTOMIZE / "base" / "scaledobject.yaml")[0])
    scaled["spec"]["triggers"][0]["metadata"]["lagThreshold"] = 5000
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(scaled, CRD_SCHEMAS[("keda.sh/v1alpha1", "ScaledObject")])


def test_every_resource_is_namespaced_in_overlays() -> None:
    for overlay in kustomize_targets()[1:]:
        docs = render_kustomization(overlay)
        namespaces = {doc["metadata"].get("namespace") for doc in docs if doc["kind"] != "Namespace"}
        assert len(namespaces) == 1
        assert None not in namespaces


# --- settings -----------------------------------------------------------------------------------


def test_every_claimwire_variable_is_a_real_setting(rendered: list[Doc]) -> None:
    known = setting_env_names()
    named: set[str] = set()
    for config_map in by_kind(rendered, "ConfigMap"):
        named.update(config_map["data"])
    for container in iter_containers(rendered):
        named.update(item["name"] for item in container.get("env", []))
    for auth in by_kind(rendered, "TriggerAuthentication"):
        named.update(ref["key"] for ref in auth["spec"].get("secretTargetRef", []))
    claimwire_names = {name for name in named if name.startswith("CLAIMWIRE_")}
    assert claimwire_names, "no CLAIMWIRE_* settings found"
    assert claimwire_names - known == set()


def test_each_deployment_builds_valid_settings(rendered: list[Doc]) -> None:
    worker = settings_of(rendered, deployment_running(rendered, "worker"))
    tracker = settings_of(rendered, deployment_running(rendered, "track"))
    assert worker.group_id == "claimwire-worker"
    assert tracker.group_id == "claimwire-tracker"
    assert tracker.input_topic == worker.output_topic


def test_an_invalid_setting_value_is_caught(rendered: list[Doc]) -> None:
    broken = copy.deepcopy(rendered)
    one(broken, "ConfigMap", "claimwire-config")["data"]["CLAIMWIRE_TRACKER_HTTP_PORT"] = "not-a-port"
    with pytest.raises(ValueError, match="http_port"):
        settings_of(broken, deployment_running(broken, "track"))


def test_grace_period_outlasts_the_worker_drain(rendered: list[Doc]) -> None:
    deployment = deployment_running(rendered, "worker")
    drain = settings_of(rendered, deployment).shutdown_grace_seconds
    assert deployment["spec"]["template"]["spec"]["terminationGracePeriodSeconds"] >= drain + 10


def test_fixed_tracker_transactional_id_means_one_replica_replaced_stop_first(rendered: list[Doc]) -> None:
    tracker = deployment_running(rendered, "track")
    if settings_of(rendered, tracker).transactional_id is not None:
        assert tracker["spec"]["replicas"] == 1
        assert tracker["spec"]["strategy"]["rollingUpdate"]["maxSurge"] == 0


# --- ports, probes, labels ----------------------------------------------------------------------


def test_probes_and_metrics_port_agree_with_the_http_port_setting(rendered: list[Doc]) -> None:
    for deployment in by_kind(rendered, "Deployment"):
        http_port = settings_of(rendered, deployment).http_port
        container = deployment["spec"]["template"]["spec"]["containers"][0]
        assert container["ports"] == [{"name": "metrics", "containerPort": http_port, "protocol": "TCP"}]
        assert container["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "metrics"}
        assert container["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "metrics"}
        assert container["startupProbe"]["httpGet"]["port"] == "metrics"


def test_each_deployment_has_a_service_on_its_metrics_port(rendered: list[Doc]) -> None:
    services = by_kind(rendered, "Service")
    for deployment in by_kind(rendered, "Deployment"):
        template_labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert labels_match(deployment["spec"]["selector"]["matchLabels"], template_labels)
        selecting = [s for s in services if labels_match(s["spec"]["selector"], template_labels)]
        assert len(selecting) == 1, deployment["metadata"]["name"]
        assert [p["name"] for p in selecting[0]["spec"]["ports"]] == ["metrics"]
        assert selecting[0]["spec"]["ports"][0]["targetPort"] == "metrics"


def test_service_monitor_scrapes_every_service(rendered: list[Doc]) -> None:
    (monitor,) = by_kind(rendered, "ServiceMonitor")
    selector = monitor["spec"]["selector"]["matchLabels"]
    services = by_kind(rendered, "Service")
    assert all(labels_match(selector, s["metadata"]["labels"]) for s in services)
    port_names = {p["name"] for s in services for p in s["spec"]["ports"]}
    assert {e["port"] for e in monitor["spec"]["endpoints"]} <= port_names
    assert {e["path"] for e in monitor["spec"]["endpoints"]} == {"/metrics"}


def test_each_deployment_has_a_disruption_budget(rendered: list[Doc]) -> None:
    budgets = by_kind(rendered, "PodDisruptionBudget")
    for deployment in by_kind(rendered, "Deployment"):
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert sum(labels_match(b["spec"]["selector"]["matchLabels"], labels) for b in budgets) == 1


def test_config_and_secret_references_resolve(rendered: list[Doc]) -> None:
    config_maps = {doc["metadata"]["name"] for doc in by_kind(rendered, "ConfigMap")}
    for container in iter_containers(rendered):
        sources = container["envFrom"]
        assert {s["configMapRef"]["name"] for s in sources if "configMapRef" in s} <= config_maps
        secrets = [s["secretRef"] for s in sources if "secretRef" in s]
        assert secrets == [{"name": "claimwire-kafka-credentials", "optional": True}]
    for deployment in by_kind(rendered, "Deployment"):
        pod = deployment["spec"]["template"]["spec"]
        assert pod["serviceAccountName"] in {
            d["metadata"]["name"] for d in by_kind(rendered, "ServiceAccount")
        }


# --- security and resources ---------------------------------------------------------------------


def test_pods_run_locked_down(rendered: list[Doc]) -> None:
    dockerfile_user = re.search(
        r"^USER (\d+)", (REPO / "Dockerfile").read_text(encoding="utf-8"), re.MULTILINE
    )
    assert dockerfile_user is not None
    for deployment in by_kind(rendered, "Deployment"):
        pod = deployment["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert pod["securityContext"]["runAsUser"] == int(dockerfile_user.group(1))
        assert pod["automountServiceAccountToken"] is False
        for container in pod["containers"]:
            context = container["securityContext"]
            assert context["readOnlyRootFilesystem"] is True
            assert context["allowPrivilegeEscalation"] is False
            assert context["capabilities"]["drop"] == ["ALL"]
            assert {m["mountPath"] for m in container["volumeMounts"]} == {"/tmp"}


def test_containers_have_requests_and_limits(rendered: list[Doc]) -> None:
    for container in iter_containers(rendered):
        resources = container["resources"]
        assert set(resources["requests"]) == {"cpu", "memory"}
        assert set(resources["limits"]) == {"cpu", "memory"}


def test_overlays_pin_an_image_tag() -> None:
    for overlay in kustomize_targets()[1:]:
        for container in iter_containers(render_kustomization(overlay)):
            assert not container["image"].endswith(":latest")
            assert ":" in container["image"]


# --- autoscaling --------------------------------------------------------------------------------


def partitions_documented_for_input_topic() -> int:
    """The input topic's partition count from the topics table in deploy/README.md."""
    readme = (DEPLOY / "README.md").read_text(encoding="utf-8")
    input_topic = WorkerSettings.model_fields["input_topic"].default
    row = re.search(rf"^\| `{re.escape(input_topic)}` \| [^|]* \| (\d+) \|", readme, re.MULTILINE)
    assert row is not None, f"deploy/README.md has no topics-table row for {input_topic}"
    return int(row.group(1))


def test_keda_scales_the_worker_on_its_own_group_and_topic(rendered: list[Doc]) -> None:
    (scaled,) = by_kind(rendered, "ScaledObject")
    worker = deployment_running(rendered, "worker")
    assert scaled["spec"]["scaleTargetRef"]["name"] == worker["metadata"]["name"]
    assert "replicas" not in worker["spec"], "KEDA owns the worker's replica count"
    settings = settings_of(rendered, worker)
    (trigger,) = scaled["spec"]["triggers"]
    assert trigger["type"] == "kafka"
    assert trigger["metadata"]["consumerGroup"] == settings.group_id
    assert trigger["metadata"]["topic"] == settings.input_topic
    assert trigger["metadata"]["bootstrapServers"] == settings.bootstrap_servers
    assert trigger["metadata"]["allowIdleConsumers"] == "false"
    assert int(trigger["metadata"]["lagThreshold"]) > 0
    for auth in trigger.get("authenticationRef", {}).values():
        assert auth in {doc["metadata"]["name"] for doc in by_kind(rendered, "TriggerAuthentication")}


def test_never_more_workers_than_partitions() -> None:
    base = render_kustomization(KUSTOMIZE / "base")
    (scaled,) = by_kind(base, "ScaledObject")
    assert scaled["spec"]["maxReplicaCount"] == partitions_documented_for_input_topic()
    for overlay in kustomize_targets()[1:]:
        (scaled,) = by_kind(render_kustomization(overlay), "ScaledObject")
        assert 1 <= scaled["spec"]["minReplicaCount"] <= scaled["spec"]["maxReplicaCount"]
        assert scaled["spec"]["fallback"]["replicas"] <= scaled["spec"]["maxReplicaCount"]
        assert scaled["spec"]["maxReplicaCount"] <= partitions_documented_for_input_topic()


def test_production_keda_reads_lag_with_the_worker_credentials() -> None:
    docs = render_kustomization(KUSTOMIZE / "overlays" / "production")
    (auth,) = by_kind(docs, "TriggerAuthentication")
    worker_env = effective_env(docs, deployment_running(docs, "worker"))
    assert worker_env["CLAIMWIRE_SECURITY_PROTOCOL"] == "SASL_SSL"
    refs = {ref["parameter"]: ref for ref in auth["spec"]["secretTargetRef"]}
    assert {ref["name"] for ref in refs.values()} == {"claimwire-kafka-credentials"}
    assert refs["username"]["key"] == "CLAIMWIRE_SASL_PLAIN_USERNAME"
    assert refs["password"]["key"] == "CLAIMWIRE_SASL_PLAIN_PASSWORD"


# --- alerts -------------------------------------------------------------------------------------


def test_alerts_query_only_metrics_that_exist(rendered: list[Doc]) -> None:
    known = known_metric_names()
    (rule,) = by_kind(rendered, "PrometheusRule")
    alerts = [r for group in rule["spec"]["groups"] for r in group["rules"]]
    assert {a["alert"] for a in alerts} >= {
        "ClaimwireConsumerLagGrowing",
        "ClaimwireDeadLetters",
        "ClaimwireNoClaims",
        "ClaimwireRestarting",
    }
    for alert in alerts:
        assert unknown_metrics(alert["expr"], known) == set(), alert["alert"]


def test_alert_jobs_are_the_service_names(rendered: list[Doc]) -> None:
    (rule,) = by_kind(rendered, "PrometheusRule")
    services = {s["metadata"]["name"] for s in by_kind(rendered, "Service")}
    for alert in (r for group in rule["spec"]["groups"] for r in group["rules"]):
        for job in re.findall(r'job=~?"([^"]+)"', alert["expr"]):
            assert set(job.split("|")) <= services, alert["alert"]


def test_unknown_metric_is_reported() -> None:
    assert unknown_metrics("rate(claimwire_items_consumed_totl[5m])", known_metric_names()) == {
        "claimwire_items_consumed_totl"
    }


def test_container_args_parse_with_the_real_cli(rendered: list[Doc]) -> None:
    for container in iter_containers(rendered):
        name, *arguments = container["args"]
        module_name, _ = COMMANDS[name]
        parser = argparse.ArgumentParser(prog=f"claimwire {name}")
        importlib.import_module(module_name).configure(parser)
        parser.parse_args(arguments)


def test_spread_constraints_select_their_own_pods(rendered: list[Doc]) -> None:
    for deployment in by_kind(rendered, "Deployment"):
        template = deployment["spec"]["template"]
        for constraint in template["spec"].get("topologySpreadConstraints", []):
            assert constraint["labelSelector"]["matchLabels"] == deployment["spec"]["selector"]["matchLabels"]
