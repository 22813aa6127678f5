"""The Grafana dashboard imports into any Grafana, and every alert has a runbook in deploy/README.md."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from deploy_support import DEPLOY, KUSTOMIZE, load_yaml_docs

DASHBOARD: dict[str, Any] = json.loads(
    (DEPLOY / "grafana" / "dashboards" / "claimwire.json").read_text(encoding="utf-8")
)
README = (DEPLOY / "README.md").read_text(encoding="utf-8")
RULES = load_yaml_docs(KUSTOMIZE / "base" / "prometheusrule.yaml")[0]["spec"]["groups"]
SERIES = re.compile(r"\b((?:claimwire|process)_[a-z0-9_]+)(\{[^}]*\})?")


def variables() -> dict[str, dict[str, Any]]:
    return {variable["name"]: variable for variable in DASHBOARD["templating"]["list"]}


def queries() -> list[str]:
    return [target["expr"] for panel in DASHBOARD["panels"] for target in panel["targets"]]


def github_anchor(heading: str) -> str:
    """The fragment GitHub and GitLab give a Markdown heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def readme_anchors() -> set[str]:
    return {github_anchor(line.lstrip("#")) for line in README.splitlines() if line.startswith("#")}


def test_the_dashboard_has_no_instance_id_and_a_prometheus_datasource_variable() -> None:
    assert DASHBOARD.get("id") is None, "an exported id makes an import overwrite another dashboard"
    datasource = variables()["datasource"]
    assert (datasource["type"], datasource["query"]) == ("datasource", "prometheus")


@pytest.mark.parametrize("name", ["namespace", "job"])
def test_namespace_and_job_variables_default_to_all_and_match_missing_labels(name: str) -> None:
    variable = variables()[name]
    assert variable["type"] == "query"
    assert variable["datasource"]["uid"] == "${datasource}"
    assert f", {name})" in variable["definition"]
    assert variable["includeAll"] and variable["multi"]
    # ".*" also matches a series without the label (the local stack has no namespace).
    assert variable["allValue"] == ".*"
    assert variable["current"]["value"] == ["$__all"]


def test_every_series_in_every_query_is_filtered_by_namespace_and_job() -> None:
    for query in queries():
        found = SERIES.findall(query)
        assert found, query
        for name, labels in found:
            assert 'namespace=~"$namespace"' in labels and 'job=~"$job"' in labels, (name, query)


@pytest.mark.parametrize(
    "metric",
    [
        "claimwire_paused_partitions",
        "claimwire_items_in_flight",
        "claimwire_produce_errors_total",
        "claimwire_offset_commits_total",
        "claimwire_rebalances_total",
        "claimwire_memory_working_set_bytes",
        "claimwire_memory_limit_bytes",
        "process_resident_memory_bytes",
        "claimwire_build_info",
    ],
)
def test_the_dashboard_has_a_panel_for(metric: str) -> None:
    assert any(metric in query for query in queries())


def test_panels_do_not_overlap() -> None:
    cells: set[tuple[int, int]] = set()
    for panel in DASHBOARD["panels"]:
        box = panel["gridPos"]
        area = {
            (x, y) for x in range(box["x"], box["x"] + box["w"]) for y in range(box["y"], box["y"] + box["h"])
        }
        assert not cells & area, panel["title"]
        cells |= area


def alerts() -> list[dict[str, Any]]:
    return [rule for group in RULES for rule in group["rules"] if "alert" in rule]


def test_every_alert_has_a_runbook_url_into_a_section_of_the_deploy_readme() -> None:
    anchors = readme_anchors()
    for rule in alerts():
        url = rule["annotations"]["runbook_url"]
        path, _, anchor = url.partition("#")
        assert path == "deploy/README.md", url
        assert anchor == github_anchor(rule["alert"]), url
        assert anchor in anchors, f"{rule['alert']}: no section {anchor!r} in deploy/README.md"


def test_a_missing_runbook_section_is_detected() -> None:
    assert github_anchor("ClaimwireSomethingElse") not in readme_anchors()
    assert github_anchor("ClaimwireDeadLetters") in readme_anchors()


def test_memory_alert_reads_usage_against_the_limit() -> None:
    [memory] = [rule for rule in alerts() if rule["alert"] == "ClaimwireMemoryNearLimit"]
    assert "claimwire_memory_working_set_bytes / claimwire_memory_limit_bytes" in memory["expr"]
