"""Each overlay brings its Namespace and NetworkPolicies, and the policies let claimwire reach what
its settings name (DNS, the brokers) and let Prometheus reach its metrics port: nothing more."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from deploy_support import Doc, load_yaml_docs, overlay_dirs, render_kustomization

OVERLAYS = overlay_dirs()


def rendered(overlay: Path) -> list[Doc]:
    return render_kustomization(overlay)


def of_kind(docs: list[Doc], kind: str) -> list[Doc]:
    return [doc for doc in docs if doc["kind"] == kind]


def selects(selector: dict[str, Any], labels: dict[str, str]) -> bool:
    return all(labels.get(key) == value for key, value in selector.get("matchLabels", {}).items())


def claimwire_pod_labels(docs: list[Doc]) -> list[dict[str, str]]:
    return [doc["spec"]["template"]["metadata"]["labels"] for doc in of_kind(docs, "Deployment")]


def policies_for(docs: list[Doc], labels: dict[str, str], policy_type: str) -> list[Doc]:
    return [
        policy
        for policy in of_kind(docs, "NetworkPolicy")
        if policy_type in policy["spec"]["policyTypes"] and selects(policy["spec"]["podSelector"], labels)
    ]


def brokers(docs: list[Doc]) -> list[tuple[str, int]]:
    """(namespace, port) of each bootstrap server `host.namespace.svc:port` in the ConfigMap."""
    [config] = [doc for doc in of_kind(docs, "ConfigMap") if doc["metadata"]["name"] == "claimwire-config"]
    found = []
    for server in config["data"]["CLAIMWIRE_BOOTSTRAP_SERVERS"].split(","):
        host, _, port = server.rpartition(":")
        parts = host.split(".")
        assert parts[-1] == "svc", f"{server}: name brokers as <service>.<namespace>.svc"
        found.append((parts[-2], int(port)))
    return found


def unreachable(docs: list[Doc], labels: dict[str, str], targets: list[tuple[str, int]]) -> list[object]:
    """The (namespace, port) targets no egress rule of the pod's policies allows."""
    allowed = set()
    for policy in policies_for(docs, labels, "Egress"):
        for rule in policy["spec"].get("egress", []):
            namespaces = {
                peer["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"]
                for peer in rule.get("to", [])
                if "namespaceSelector" in peer
            }
            ports = {port["port"] for port in rule.get("ports", []) if port.get("protocol") == "TCP"}
            allowed |= {(namespace, port) for namespace in namespaces for port in ports}
    return [target for target in targets if target not in allowed]


@pytest.mark.parametrize("overlay", OVERLAYS, ids=[o.name for o in OVERLAYS])
def test_the_overlay_creates_its_namespace_under_the_restricted_pod_security_profile(overlay: Path) -> None:
    spec = load_yaml_docs(overlay / "kustomization.yaml")[0]
    [namespace] = of_kind(rendered(overlay), "Namespace")
    assert namespace["metadata"]["name"] == spec["namespace"]
    assert namespace["metadata"]["labels"]["pod-security.kubernetes.io/enforce"] == "restricted"


@pytest.mark.parametrize("overlay", OVERLAYS, ids=[o.name for o in OVERLAYS])
def test_claimwire_pods_deny_by_default_in_both_directions(overlay: Path) -> None:
    docs = rendered(overlay)
    for labels in claimwire_pod_labels(docs):
        denies = [p for p in policies_for(docs, labels, "Ingress") if not p["spec"].get("ingress")]
        assert any(set(p["spec"]["policyTypes"]) == {"Ingress", "Egress"} for p in denies), labels
    # Other workloads of the namespace (the dev broker) are not caught by claimwire's policies.
    for policy in of_kind(docs, "NetworkPolicy"):
        assert policy["spec"]["podSelector"]["matchLabels"]["app.kubernetes.io/part-of"] == "claimwire"


@pytest.mark.parametrize("overlay", OVERLAYS, ids=[o.name for o in OVERLAYS])
def test_pods_reach_dns_and_every_bootstrap_broker(overlay: Path) -> None:
    docs = rendered(overlay)
    for labels in claimwire_pod_labels(docs):
        assert unreachable(docs, labels, brokers(docs)) == [], labels
        dns_ports = {
            (port["port"], port["protocol"])
            for policy in policies_for(docs, labels, "Egress")
            for rule in policy["spec"].get("egress", [])
            for port in rule.get("ports", [])
        }
        assert {(53, "UDP"), (53, "TCP")} <= dns_ports


@pytest.mark.parametrize("overlay", OVERLAYS, ids=[o.name for o in OVERLAYS])
def test_only_the_metrics_port_is_open_and_only_to_monitoring(overlay: Path) -> None:
    docs = rendered(overlay)
    for deployment in of_kind(docs, "Deployment"):
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        port_names = {
            port["name"]
            for container in deployment["spec"]["template"]["spec"]["containers"]
            for port in container.get("ports", [])
        }
        rules = [rule for p in policies_for(docs, labels, "Ingress") for rule in p["spec"].get("ingress", [])]
        assert rules
        for rule in rules:
            assert [port["port"] for port in rule["ports"]] == ["metrics"]
            assert "metrics" in port_names
            assert [peer["namespaceSelector"]["matchLabels"] for peer in rule["from"]] == [
                {"kubernetes.io/metadata.name": "monitoring"}
            ]


def test_a_broker_on_a_port_the_policies_do_not_allow_is_reported() -> None:
    docs = rendered(OVERLAYS[0])
    [labels, *_] = claimwire_pod_labels(docs)
    assert unreachable(docs, labels, [("elsewhere", 9092)]) == [("elsewhere", 9092)]
