"""Shared facts for the deployment tests: settings names, metric names, and a tiny Kustomize.

The deployment files (Kubernetes manifests, compose file, dashboards, alerts) name settings and
metrics by string; these helpers read the real names from the code so the tests can hold the
files to them. The Kustomize renderer covers exactly the features `deploy/kubernetes` uses and
refuses any other, so an overlay can never silently render differently here than in kubectl.
"""

from __future__ import annotations

import copy
import importlib
import os
import pkgutil
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar
from unittest import mock

import yaml
from pydantic_settings import BaseSettings

import worker
from worker.settings import KafkaConnectionSettings

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
KUSTOMIZE = DEPLOY / "kubernetes"

Doc = dict[str, Any]

METRIC_NAME = re.compile(r"\bclaimwire_[a-z0-9_]+\b")
# prometheus_client exports these series next to the family a metric is registered under.
SERIES_SUFFIXES = ("_bucket", "_sum", "_count", "_created")


def load_yaml_docs(path: Path) -> list[Doc]:
    with path.open(encoding="utf-8") as handle:
        return [doc for doc in yaml.safe_load_all(handle) if doc is not None]


def settings_classes() -> list[type[BaseSettings]]:
    """Every settings class of the package read from `CLAIMWIRE_*` variables (worker, tracker ...)."""
    found: dict[str, type[BaseSettings]] = {}
    package_dir = Path(worker.__file__).parent
    for module_info in pkgutil.walk_packages([str(package_dir)], prefix="worker."):
        relative = module_info.name.removeprefix("worker.").replace(".", "/")
        source = package_dir / f"{relative}.py"
        # Only modules that define settings are imported: the others may pull in optional runtimes.
        if not source.is_file() or "BaseSettings" not in source.read_text(encoding="utf-8"):
            continue
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, BaseSettings)
                and str(value.model_config.get("env_prefix", "")).startswith("CLAIMWIRE_")
            ):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return list(found.values())


def setting_env_names() -> set[str]:
    """`<prefix><FIELD>` for every field of every settings class (CLAIMWIRE_, CLAIMWIRE_TRACKER_ ...)."""
    return {
        f"{cls.model_config.get('env_prefix')}{name.upper()}"
        for cls in settings_classes()
        for name in cls.model_fields
    }


S = TypeVar("S", bound=BaseSettings)


def settings_from_env(cls: type[S], env: Mapping[str, str]) -> S:
    """Settings as a process with exactly these CLAIMWIRE_* variables builds them (validated)."""
    others = {key: value for key, value in os.environ.items() if not key.startswith("CLAIMWIRE_")}
    with mock.patch.dict(os.environ, {**others, **env}, clear=True):
        KafkaConnectionSettings()  # every claimwire command connects with these, whatever its own class
        return cls()


def known_metric_names() -> set[str]:
    """Metric families named in the code (registered by string) or documented in docs/metrics.md."""
    names: set[str] = set()
    for source in (REPO / "worker").rglob("*.py"):
        names.update(re.findall(r"[\"'](claimwire_[a-z0-9_]+)[\"']", source.read_text(encoding="utf-8")))
    docs = REPO / "docs" / "metrics.md"
    if docs.is_file():
        names.update(METRIC_NAME.findall(docs.read_text(encoding="utf-8")))
    return names


def unknown_metrics(query: str, known: set[str]) -> set[str]:
    """claimwire_* series a PromQL query reads that no known metric family exports."""
    missing = set()
    for series in METRIC_NAME.findall(query):
        families = {series} | {series.removesuffix(s) for s in SERIES_SUFFIXES if series.endswith(s)}
        if not families & known:
            missing.add(series)
    return missing


# --- a tiny Kustomize -------------------------------------------------------------------------

SUPPORTED_KUSTOMIZATION_KEYS = {"apiVersion", "kind", "resources", "namespace", "labels", "images", "patches"}
KINDS_WITH_POD_TEMPLATES = {"Deployment", "StatefulSet", "DaemonSet", "Job"}
# kustomize's `namespace:` leaves these without one (a Namespace is named, not placed, by it).
CLUSTER_SCOPED_KINDS = {"Namespace"}


class UnsupportedKustomization(ValueError):
    """The kustomization uses a feature this renderer does not implement."""


def render_kustomization(directory: Path) -> list[Doc]:
    """Render `directory/kustomization.yaml` the way `kubectl kustomize` does, for our features."""
    spec = load_yaml_docs(directory / "kustomization.yaml")[0]
    unsupported = set(spec) - SUPPORTED_KUSTOMIZATION_KEYS
    if unsupported:
        raise UnsupportedKustomization(f"{directory}: {sorted(unsupported)}")
    docs: list[Doc] = []
    for entry in spec.get("resources", []):
        target = (directory / entry).resolve()
        docs.extend(render_kustomization(target) if target.is_dir() else load_yaml_docs(target))
    for patch_entry in spec.get("patches", []):
        if set(patch_entry) != {"path"}:
            raise UnsupportedKustomization(f"{directory}: only file patches are supported: {patch_entry}")
        for patch in load_yaml_docs(directory / patch_entry["path"]):
            _apply_patch(docs, patch, directory / patch_entry["path"])
    for label_set in spec.get("labels", []):
        if label_set.get("includeSelectors"):
            raise UnsupportedKustomization(f"{directory}: labels must not rewrite selectors")
        for doc in docs:
            doc["metadata"].setdefault("labels", {}).update(label_set["pairs"])
            if label_set.get("includeTemplates") and doc["kind"] in KINDS_WITH_POD_TEMPLATES:
                template_meta = doc["spec"]["template"].setdefault("metadata", {})
                template_meta.setdefault("labels", {}).update(label_set["pairs"])
    for image in spec.get("images", []):
        for container in iter_containers(docs):
            name, _, tag = container["image"].partition(":")
            if name == image["name"]:
                container["image"] = f"{image.get('newName', name)}:{image.get('newTag', tag)}"
    if "namespace" in spec:
        for doc in docs:
            if doc["kind"] not in CLUSTER_SCOPED_KINDS:
                doc["metadata"]["namespace"] = spec["namespace"]
    return docs


def _apply_patch(docs: list[Doc], patch: Doc, source: Path) -> None:
    matches = [
        d for d in docs if d["kind"] == patch["kind"] and d["metadata"]["name"] == patch["metadata"]["name"]
    ]
    if len(matches) != 1:
        raise UnsupportedKustomization(f"{source}: patch matches {len(matches)} resources")
    # Custom resources have API groups with a dot (keda.sh); core groups have none (v1, apps/v1).
    is_custom = "." in patch["apiVersion"].split("/")[0]
    _merge(matches[0], patch, source, path=patch["kind"], lists_replace=is_custom)


def _merge(target: Doc, patch: Doc, source: Path, path: str, lists_replace: bool) -> None:
    """Strategic merge without merge keys: maps merge, lists replace, null deletes."""
    for key, value in patch.items():
        where = f"{path}.{key}"
        if value is None:
            target.pop(key, None)
        elif isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value, source, where, lists_replace)
        else:
            # Core kinds merge some lists by key (containers by name ...); we don't implement that,
            # so a list patch is only accepted on custom resources, where kustomize replaces too.
            if isinstance(value, list) and not lists_replace:
                raise UnsupportedKustomization(f"{source}: list patch on a core kind at {where}")
            target[key] = copy.deepcopy(value)


def iter_containers(docs: list[Doc]) -> Iterator[Doc]:
    for doc in docs:
        if doc["kind"] in KINDS_WITH_POD_TEMPLATES:
            pod = doc["spec"]["template"]["spec"]
            yield from pod.get("initContainers", [])
            yield from pod["containers"]


def overlay_dirs() -> list[Path]:
    return sorted(path.parent for path in (KUSTOMIZE / "overlays").glob("*/kustomization.yaml"))


def kustomize_targets() -> list[Path]:
    return [KUSTOMIZE / "base", *overlay_dirs()]
